"""FastWARC against warcio on the same WARC files (why pipeline/readers/warc.py uses FastWARC).

Writes the 949 dev pages as one WARC (a request and a response record each)
and as a WARC.gz (one gzip member a record), then reads the HTML responses'
bodies with each library, best of three.  warcio is not a dependency:
`pip install warcio==1.8.1` to run this.

Usage: .venv/bin/python bench/bench_warc.py [--out /tmp/warc-bench]
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devpages import load_cases  # noqa: E402

from pipeline.readers.warc import response_record, warc_record  # noqa: E402


def write(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    plain, packed = out / "dev.warc", out / "dev.warc.gz"
    with open(plain, "wb") as p, open(packed, "wb") as g:
        for n, case in enumerate(load_cases()):
            url = f"https://example.com/{n}"  # warcio parses HTTP only under an http(s) URI; some dev pages have none
            for record in (warc_record("request", url, b"GET / HTTP/1.1\r\n\r\n"), response_record(url, case.html)):
                p.write(record)
                g.write(gzip.compress(record, 6))
    return [plain, packed]


def with_fastwarc(path: Path) -> tuple[int, int]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    n = size = 0
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True, auto_decode="all"):
            body = record.reader.read()
            record.headers.get("WARC-Target-URI"), record.http_content_type
            n, size = n + 1, size + len(body)
    return n, size


def with_warcio(path: Path) -> tuple[int, int]:
    from warcio.archiveiterator import ArchiveIterator

    n = size = 0
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                continue
            body = record.content_stream().read()
            record.rec_headers.get_header("WARC-Target-URI"), record.http_headers.get_header("Content-Type")
            n, size = n + 1, size + len(body)
    return n, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("/tmp/warc-bench"))
    args = parser.parse_args()
    for path in write(args.out):
        times = {}
        for name, read in (("fastwarc", with_fastwarc), ("warcio", with_warcio)):
            best = None
            for _ in range(3):
                started = time.perf_counter()
                records, size = read(path)
                best = min(best or 1e9, time.perf_counter() - started)
            times[name] = best
            print(f"{path.name}: {name} {records} responses, {size / 1e6:.1f} MB of bodies in {best * 1000:.0f} ms ({records / best:.0f} records/s)")
        print(f"{path.name}: warcio / fastwarc time {times['warcio'] / times['fastwarc']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
