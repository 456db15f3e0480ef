"""Progress of a long run on stderr: a bar on a terminal (tqdm), a plain line every few seconds otherwise.

The bar's share and ETA are of input bytes (a WARC's record count is not
known before it is read); pages and pages/s are counted as stored.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter

# Seconds between two plain progress lines (a log, CI, nohup).
PLAIN_EVERY_SECONDS = 5.0


class Progress:
    """Call with (done_bytes, total_bytes, counts, pages) as the run goes; close() at the end.

    `pages`: pages processed so far; `counts`: of the pages stored (a batch
    is stored every second or so).
    """

    def __init__(self, label: str = "ingest", stream=None, terminal: bool | None = None):
        self.label = label
        self.stream = stream or sys.stderr
        self.terminal = _sized_terminal(self.stream) if terminal is None else terminal
        self.started = time.monotonic()
        self.last_line = self.started
        self.bar = None

    def __call__(self, done: int, total: int, counts: Counter, pages: int | None = None) -> None:
        pages = counts["seen"] if pages is None else pages
        elapsed = time.monotonic() - self.started
        rate = pages / elapsed if elapsed > 0 else 0.0
        if self.terminal:
            self._bar(done, total, pages, rate, counts)
        elif time.monotonic() - self.last_line >= PLAIN_EVERY_SECONDS:
            self.last_line = time.monotonic()
            self.stream.write(self._line(done, total, pages, rate, elapsed, counts) + "\n")
            self.stream.flush()

    def _bar(self, done, total, pages, rate, counts) -> None:
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(
                total=max(total, 1), file=self.stream, unit="B", unit_scale=True, dynamic_ncols=True, mininterval=0.5,
                bar_format="{desc} {percentage:3.0f}%|{bar}| {elapsed}<{remaining}",
            )
        self.bar.set_description_str(f"{self.label}: {pages} pages, {rate:.0f}/s, {_counts(counts)}", refresh=False)
        self.bar.update(min(done, self.bar.total) - self.bar.n)

    def _line(self, done, total, pages, rate, elapsed, counts) -> str:
        share = min(done / total, 1.0) if total else 0.0
        eta = elapsed * (1 - share) / share if share else float("nan")
        eta_text = _clock(eta) if eta == eta else "?"
        return f"{self.label}: {pages} pages ({share:.0%} of input), {rate:.0f} pages/s, elapsed {_clock(elapsed)}, eta {eta_text}; {_counts(counts)}"

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _sized_terminal(stream) -> bool:
    """A terminal with a width (a pseudo-terminal without one would show an empty bar)."""
    try:
        return stream.isatty() and os.get_terminal_size(stream.fileno()).columns > 0
    except (OSError, ValueError, AttributeError):
        return False


def _counts(counts: Counter) -> str:
    keys = ("ok", "duplicate", "rejected", "unchanged", "changed")
    return " ".join(f"{k} {counts[k]}" for k in keys if counts[k])


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
