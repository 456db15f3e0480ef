"""Line features of a text dump, and the small numpy network class the learned parts of the cleaner share.

`line_features` weighs general signals of a line and its neighbourhood
(length, stopword density, punctuation, distance to the core, how much
prose surrounds it, repetition); they are the first columns of the text
block model's features (blockfeatures.py).  No page-specific rule is
involved: every feature is computed the same way for any page in any
language.

`LineModel` is one-hidden-layer networks averaged (trained by
bench/netfit.py): the teaser model (teasermodel.py) is one.  The line
model that once decided a dump's lines on its own is replaced by the block
model (pipeline/dumps/blockmodel.py).
"""

from __future__ import annotations

from bisect import bisect_right
from contextlib import contextmanager

import numpy as np

from .core import SHORT_CHARS, STOPWORD_PROSE, prose_lines
from .features import ALPHA as _ALPHA, BULLET, DIGIT as _DIGIT, SPACE as _SPACE, UPPER as _UPPER, LineTable, PageChars, page_chars

# Neighbourhood half-widths (in lines) for the context features.
NEAR = 2
WIDE = 6
FAR = 15

FEATURE_NAMES = [
    "log_chars",
    "log_words",
    "stopword_density",
    "ends_sentence",
    "cjk",
    "short",
    "prose",
    "furniture",
    "repeated",
    "in_core",
    "log_lines_before_core",
    "log_lines_after_core",
    "relative_position",
    "digit_ratio",
    "upper_ratio",
    "title_case_ratio",
    "ends_colon",
    "starts_with_bullet_or_number",
    "separator_count",
    "prev_prose",
    "next_prose",
    "near_prose_share",
    "wide_prose_share",
    "wide_short_share",
    "near_furniture_share",
    "log_core_prose_chars",
    "line_chars_vs_core_median",
    "prev_log_chars",
    "next_log_chars",
    "prev_stopword_density",
    "next_stopword_density",
    "log_short_run",
    "log_lines_to_prose",
    "prose_both_sides",
    "has_url_or_handle",
    "all_caps",
    "call_to_action_share",
    "log_lines_from_core_start",
    "log_lines_to_core_end",
    "log_lines_from_prev_prose",
    "log_lines_to_next_prose",
    "core_prose_share",
    "log_prose_chars_to_core",
    "prose_chars_before_share",
    "far_prose_share",
    "density_vs_core",
]

# Vocabulary of the page talking to its reader rather than reporting:
# subscribe, donate, download, share, sign in, cookies, affiliate links.
# Hand-written and multilingual; the model learns how much it weighs.
CALL_TO_ACTION = frozenset(
    """subscribe subscription newsletter sign signup login log register registrieren anmelden abonnieren abo
    abonnement abonnez inscrivez suscríbete suscribirse iscriviti download app apps herunterladen télécharger
    descargar click klicken cliquez haga here hier ici aquí qui share teilen partager compartir condividi follow
    folgen suivez síguenos donate spenden spende don donar dona support unterstützen soutenez apoya cookie cookies
    datenschutz privacy confidentialité privacidad affiliate werbung anzeige advertisement publicité publicidad
    sponsored gesponsert amazon commission provision partnerlinks bestellen order buy kaufen shop acheter comprar
    newsletters alert alerts benachrichtigung notification push whatsapp telegram facebook twitter instagram
    youtube podcast rss feed kontakt contact impressum imprint copyright disclaimer""".split()
)


# Character classes are counted on the head of a line: enough to tell a
# Title Case menu entry or an all-caps label, and cheap.
HEAD_CHARS = 100

# A line's words are read up to this many (its first words say whether it is Title Case).
TITLE_WORDS = 30


def _line_char_counts(texts: list[str], page: PageChars | None = None) -> tuple[np.ndarray, ...]:
    """Per line: letters, digits and capitals in its head; capitalised words and words among its first TITLE_WORDS."""
    n = len(texts)
    if page is None:
        page = page_chars(texts)
    codes, flags, lengths, starts, line_of, offset = page.codes, page.flags, page.lengths, page.starts, page.line_of, page.offset
    in_head = offset < HEAD_CHARS
    space = (flags & _SPACE) > 0
    # A word starts at a non-space character at the line start or after a space.
    prev_space = np.empty(len(codes), dtype=bool)
    prev_space[:1] = True
    prev_space[1:] = space[:-1]
    word_start = ~space & (prev_space | (offset == 0))
    started = np.cumsum(word_start)
    word_rank = started - np.concatenate([[0], started])[starts][line_of]
    first_words = word_start & (word_rank <= TITLE_WORDS)
    upper = (flags & _UPPER) > 0
    separator = (codes == ord("|")) | (codes == ord("»")) | (codes == ord("·"))
    # One row per count, and a zero column after the last character so that every line start is an index.
    masks = np.zeros((6, len(codes) + 1), dtype=np.int64)
    for row, mask in enumerate(
        (in_head & ((flags & _ALPHA) > 0), in_head & ((flags & _DIGIT) > 0), in_head & upper, first_words & upper, first_words, separator)
    ):
        masks[row, :-1] = mask
    # Each line's sums in one pass; reduceat gives an empty line its next character: zeroed.
    per_line = np.add.reduceat(masks, starts, axis=1).astype(float) if n else np.zeros((6, 0))
    per_line[:, lengths == 0] = 0.0
    return (*per_line, _bullet_starts(texts, lengths, codes, flags, starts))


def _ends_with(page: PageChars, char: str) -> np.ndarray:
    """Per line: 1.0 when its last character is `char` (text.endswith(char))."""
    if not len(page.codes):
        return np.zeros(len(page.lengths))
    last = page.codes[np.maximum(page.starts + page.lengths - 1, 0)]
    return ((page.lengths > 0) & (last == ord(char))).astype(float)


def _lines_holding(texts: list[str], lengths: np.ndarray, needles: tuple[str, ...]) -> np.ndarray:
    """Per line: 1.0 when it holds one of the needles; str.find over the joined page, most of which holds none.

    A needle holds no newline, so a match lies inside one line.
    """
    page = "\n".join(texts)
    out = np.zeros(len(texts))
    ends = None
    for needle in needles:
        at = page.find(needle)
        if at >= 0 and ends is None:
            ends = np.cumsum(lengths + 1).tolist()  # one past each line's newline
        while at >= 0:
            line = bisect_right(ends, at)
            out[line] = 1.0
            at = page.find(needle, ends[line]) if line + 1 < len(ends) else -1
    return out


def _bullet_starts(texts, lengths, codes, flags, starts) -> np.ndarray:
    """Lines that start with a bullet or a list number ("1.", "2)", "12"); an empty line counts, as "" in BULLETS."""
    if not len(codes):
        return np.ones(len(texts))
    nonempty = lengths > 0
    first = np.where(nonempty, starts, 0)
    bullet = ~nonempty | (nonempty & ((flags[first] & BULLET) > 0))
    # text[:2].rstrip(".)").isdigit(): a digit, then nothing, ".", ")" or a digit.
    digit = (flags & _DIGIT) > 0
    second = np.where(lengths > 1, starts + 1, 0)
    second_code = codes[second]
    second_ok = (lengths == 1) | (second_code == ord(".")) | (second_code == ord(")")) | digit[second]
    return (bullet | (nonempty & digit[first] & second_ok)).astype(float)


def _run_lengths(mask: np.ndarray) -> np.ndarray:
    """For each True of a boolean array, the length of the run of Trues it sits in; 0 elsewhere."""
    n = len(mask)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], mask.astype(np.int8), [0]])))
    run_starts, run_ends = edges[::2], edges[1::2]
    out = np.zeros(n)
    out[mask] = np.repeat(run_ends - run_starts, run_ends - run_starts)
    return out


def median(values: np.ndarray) -> float:
    """np.median's value, without its overhead on a page's few dozen numbers."""
    ordered = np.sort(values)
    mid = len(ordered) // 2
    return float(ordered[mid]) if len(ordered) % 2 else float((ordered[mid - 1] + ordered[mid]) / 2)


def line_features(texts, tokens, lines: LineTable, furniture, core, repeated: np.ndarray, page: PageChars | None = None) -> np.ndarray:
    """One row of FEATURE_NAMES per line, each column computed over the whole page in numpy (Python only for lines holding call-to-action words).

    `repeated`: per line, whether the page holds it more than once;
    `page` is features.page_chars(texts) when the caller has it.
    """
    n = len(texts)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    if page is None:
        page = page_chars(texts)
    chars = lines.chars.astype(float)
    furn = np.zeros(n)
    furn[[i for i in furniture if i < n]] = 1.0
    prose = prose_lines(lines) * (1 - furn)
    short = (chars < SHORT_CHARS).astype(float)
    shape = _shape_columns(texts, tokens, page, chars)
    near = _Neighbourhood(chars, prose)
    at = _core_columns(lines, core, chars, prose, near.prose_cum)
    before, after = near.gaps_to_prose()
    log_chars = np.log1p(chars) / 8
    idx = near.idx
    start, stop = at["start"], at["stop"]
    columns = [
        log_chars,
        np.log1p(np.fromiter(map(len, tokens), float, n)) / 6,
        lines.stopword_density,
        lines.ends_sentence.astype(float),
        lines.cjk.astype(float),
        short,
        prose,
        furn,
        repeated.astype(float),
        at["in_core"],
        np.where(idx < start, np.log1p(np.maximum(start - idx, 0)) / 6, 0.0),
        np.where(idx > stop, np.log1p(np.maximum(idx - stop, 0)) / 6, 0.0),
        idx / n,
        shape["digit_ratio"],
        shape["upper_ratio"],
        shape["title_ratio"],
        shape["ends_colon"],
        shape["bullet"],
        shape["separators"],
        _shifted(prose, 1),
        _shifted(prose, -1),
        near.mean(near.prose_cum, NEAR, near.chars_cum),
        near.mean(near.prose_cum, WIDE, near.chars_cum),
        near.mean(_cumulative(short), WIDE),
        near.mean(_cumulative(furn), NEAR),
        np.full(n, at["log_core"]),
        np.minimum(4.0, chars / at["core_median"]) / 4,
        _shifted(log_chars, 1),
        _shifted(log_chars, -1),
        _shifted(lines.stopword_density, 1),
        _shifted(lines.stopword_density, -1),
        np.log1p(_run_lengths(short > 0)) / 5,
        np.where(prose > 0, 0.0, np.log1p(np.minimum(before, after)) / 6),
        ((before <= 3) & (after <= 3)).astype(float),
        shape["url"],
        ((shape["letters"] > 3) & (shape["upper_ratio"] > 0.8)).astype(float),
        shape["cta"],
        np.log1p(np.abs(idx - start)) / 6 if core else np.ones(n),
        np.log1p(np.abs(stop - idx)) / 6 if core else np.ones(n),
        np.log1p(np.minimum(before, n)) / 6,
        np.log1p(np.minimum(after, n)) / 6,
        np.full(n, at["core_share"]),
        np.log1p(np.maximum(at["to_core"], 0.0)) / 10,
        near.prose_cum[:-1] / near.page_prose if near.page_prose else np.zeros(n),
        near.mean(near.prose_cum, FAR, near.chars_cum),
        lines.stopword_density - at["core_density"],
    ]
    return np.stack(columns, axis=1)


def _shape_columns(texts, tokens, page: PageChars, chars: np.ndarray) -> dict[str, np.ndarray]:
    """What each line's characters and words look like: digits, capitals, Title Case, a colon at the end, bullets, separators, addresses, calls to action."""
    n = len(texts)
    letters, digits, upper, title_upper, title_words, separators, bullet = _line_char_counts(texts, page)
    letters = np.maximum(letters, 1)
    # Share of a line's words that are calls to action (most lines hold none).
    cta = np.zeros(n)
    for i in np.flatnonzero(~np.fromiter(map(CALL_TO_ACTION.isdisjoint, tokens), bool, n)).tolist():
        cta[i] = sum(map(CALL_TO_ACTION.__contains__, tokens[i])) / len(tokens[i])
    return {
        "letters": letters,
        "digit_ratio": digits / np.maximum(1, np.minimum(chars, HEAD_CHARS)),
        "upper_ratio": upper / letters,
        "title_ratio": title_upper / np.maximum(1, title_words),
        "ends_colon": _ends_with(page, ":"),
        "bullet": bullet,
        "separators": np.minimum(5, separators) / 5,
        "url": _lines_holding(texts, page.lengths, ("http", "www.", "@")),
        "cta": cta,
    }


def _core_columns(lines: LineTable, core, chars: np.ndarray, prose: np.ndarray, prose_cum: np.ndarray) -> dict:
    """Where each line stands to the core, and what the core holds: its prose, its median line, its stopword density."""
    n = len(chars)
    idx = np.arange(n)
    start, stop = core if core else (n, -1)
    in_core = ((idx >= start) & (idx <= stop)).astype(float)
    core_prose = chars[(in_core > 0) & (prose > 0)]
    page_prose = prose_cum[-1]
    if core:
        core_lo, core_hi = prose_cum[start], prose_cum[stop + 1]
        to_core = np.where(idx < start, core_lo - prose_cum[idx + 1], np.where(idx > stop, prose_cum[idx] - core_hi, 0.0))
    else:
        to_core = np.full(n, page_prose)
    return {
        "start": start,
        "stop": stop,
        "in_core": in_core,
        "core_median": median(core_prose) if len(core_prose) else 200.0,
        "log_core": np.log1p(core_prose.sum()) / 10,
        "core_share": float(core_prose.sum()) / page_prose if page_prose else 0.0,
        "to_core": to_core,
        "core_density": float(lines.stopword_density[(in_core > 0) & (prose > 0)].mean()) if len(core_prose) else STOPWORD_PROSE,
    }


def _cumulative(values: np.ndarray) -> np.ndarray:
    """Sums of values before each line, and in all: window sums are differences of it."""
    return np.concatenate([[0.0], np.cumsum(values)])


def _shifted(values: np.ndarray, k: int, fill: float = 0.0) -> np.ndarray:
    """Each line's neighbour's value, k lines up (k > 0) or down (k < 0); `fill` past the page's edge."""
    out = np.full(len(values), fill)
    if k > 0:
        out[k:] = values[:-k]
    else:
        out[:k] = values[-k:]
    return out


class _Neighbourhood:
    """What lies around each line: means over windows of lines, and the distance to the nearest prose."""

    def __init__(self, chars: np.ndarray, prose: np.ndarray):
        self.n = n = len(chars)
        self.idx = np.arange(n)
        self.prose = prose
        self.bounds = {half: (np.maximum(self.idx - half, 0), np.minimum(self.idx + half + 1, n)) for half in (NEAR, WIDE, FAR)}
        # Prose characters before each line (exclusive), to place a line
        # within the page's prose rather than among its lines; with all
        # characters, what the prose windows are weighed by.
        self.prose_cum = _cumulative(chars * prose)
        self.chars_cum = _cumulative(chars)
        self.page_prose = self.prose_cum[-1]

    def mean(self, cum: np.ndarray, half: int, weights_cum: np.ndarray | None = None) -> np.ndarray:
        """The mean of the values whose cumulative sums are `cum` over each line's window (weighted, with `weights_cum`)."""
        lo, hi = self.bounds[half]
        total = cum[hi] - cum[lo]
        if weights_cum is None:
            return total / (hi - lo)
        denom = weights_cum[hi] - weights_cum[lo]
        return np.divide(total, denom, out=np.zeros(self.n), where=denom > 0)

    def gaps_to_prose(self) -> tuple[np.ndarray, np.ndarray]:
        """Per line, the distance (in lines) to the nearest prose line before it and after it (n when there is none)."""
        n, idx = self.n, self.idx
        prose_idx = np.flatnonzero(self.prose)
        if not len(prose_idx):
            return np.full(n, n), np.full(n, n)
        pos = np.searchsorted(prose_idx, idx)
        prev_prose_idx = np.where(pos > 0, prose_idx[np.maximum(pos - 1, 0)], -n)
        before = np.where(pos > 0, idx - prev_prose_idx, n)
        nxt = np.searchsorted(prose_idx, idx, side="right")
        after = np.where(nxt < len(prose_idx), prose_idx[np.minimum(nxt, len(prose_idx) - 1)] - idx, n)
        return before, after


class LineModel:
    """An average of small networks (one hidden layer, tanh, sigmoid output) over standardised inputs.

    The members differ only in their random start; averaging them steadies
    the decisions a single small network makes on lines near its boundary.
    Their hidden layers are stored side by side (w1 is features x members*hidden)
    so that a page costs one product for all members.
    """

    def __init__(self, params: dict, features: list[str], trainer: str):
        if params.get("features") != features:
            raise ValueError(f"model was trained on other features; retrain with {trainer}")
        self.mean = np.asarray(params["mean"])
        self.std = np.asarray(params["std"])
        self.w1 = np.asarray(params["w1"])
        self.b1 = np.asarray(params["b1"])
        self.b2 = np.atleast_1d(np.asarray(params["b2"], dtype=float))
        self.members = len(self.b2)
        self.w2 = np.asarray(params["w2"]).reshape(self.members, -1)
        hidden = self.w2.shape[1]
        self.w2_blocks = np.zeros((self.members * hidden, self.members))
        for m in range(self.members):
            self.w2_blocks[m * hidden : (m + 1) * hidden, m] = self.w2[m]
        self.threshold = float(params["threshold"])
        self.context = np.asarray(params["context"]) if params.get("context") else None

    # Matrix products in slices of rows.  OpenBLAS (numpy's BLAS) runs a
    # product of m x k by k x n on several threads once m*n*k reaches 2**18,
    # and between two pages waking its idle threads costs more CPU than the
    # products; slices below that size stay on the calling thread.
    SINGLE_THREAD_MACS = 1 << 18

    def line_probabilities(self, x: np.ndarray) -> np.ndarray:
        """Each line judged on its own features: the members' mean probability."""
        z = (x - self.mean) / self.std
        hidden = np.empty((len(x), self.w1.shape[1]))
        logits = np.empty((len(x), self.members))
        rows = max(1, (self.SINGLE_THREAD_MACS - 1) // self.w1.size)  # the larger of the two products
        for at in range(0, len(x), rows):
            part = slice(at, at + rows)
            np.matmul(z[part], self.w1, out=hidden[part])
            np.tanh(hidden[part] + self.b1, out=hidden[part])
            np.matmul(hidden[part], self.w2_blocks, out=logits[part])
        return (1.0 / (1.0 + np.exp(-(logits + self.b2)))).sum(axis=1) / self.members

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Line probabilities, smoothed by the neighbours' when the model has a context stage."""
        p = self.line_probabilities(x)
        if self.context is None:
            return p
        z = np.einsum("ij,j->i", context_features(p), self.context[:-1]) + self.context[-1]
        return 1.0 / (1.0 + np.exp(-z))


# Windows (half-widths, in lines) over which neighbours' probabilities are averaged.
CONTEXT_WINDOWS = (1, 3, 8)


def context_features(p: np.ndarray) -> np.ndarray:
    """[logit p, mean logit over each window, max and min p within 2 lines] per line."""
    n = len(p)
    logit = np.log(np.minimum(np.maximum(p, 1e-4), 1 - 1e-4) / np.minimum(np.maximum(1 - p, 1e-4), 1))
    cols = [logit]
    cumulative = np.concatenate([[0.0], np.cumsum(logit)])
    idx = np.arange(n)
    for half in CONTEXT_WINDOWS:
        lo = np.maximum(idx - half, 0)
        hi = np.minimum(idx + half + 1, n)
        cols.append((cumulative[hi] - cumulative[lo]) / (hi - lo))
    padded = np.concatenate([p[:1], p[:1], p, p[-1:], p[-1:]])
    windows = np.stack([padded[k : k + n] for k in range(5)])
    cols.append(windows.max(axis=0))
    cols.append(windows.min(axis=0))
    return np.stack(cols, axis=1)


@contextmanager
def swapped_loader(module, loader: str, model):
    """Inside the block `module.<loader>()` returns `model` (None: no model, the rules decide alone) instead of the shipped one."""
    shipped = getattr(module, loader)
    setattr(module, loader, lambda: model)
    try:
        yield
    finally:
        setattr(module, loader, shipped)
