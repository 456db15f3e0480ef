"""Reading feeds and exports: the same records as JSON Lines and as one JSON array, plain and gzipped.

Writes the 949 dev pages, repeated to `--records` records (each with its
URL, title and date, as a Scrapy or Apify export holds them), as a .jsonl,
a .json array and both gzipped; then reads each with pipeline.readers in
a fresh process: seconds, MB/s of the file as written, and the process's
peak RSS (an export is read as a stream: its size must not show in it).
Reading only: no page is cleaned.

Usage: .venv/bin/python bench/bench_feeds.py [--records 5000] [--out /tmp/feeds-bench]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devpages import load_cases  # noqa: E402

READ = """
import re, sys, time
from pathlib import Path
from pipeline.options import Options
from pipeline.readers import read_file
started = time.perf_counter()
pages = rejected = 0
for page in read_file(sys.argv[1], Options()):
    pages += 1
    rejected += page.reason is not None
seconds = time.perf_counter() - started
# VmHWM: this process's own peak (ru_maxrss keeps the peak of the process it was forked from)
peak = int(re.search(r"VmHWM:\\s+(\\d+)", Path("/proc/self/status").read_text()).group(1)) // 1024
print(pages, rejected, seconds, peak)
"""


def write(out: Path, records: int) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    cases = load_cases()
    rows = [
        {"url": f"https://example.com/{n}", "title": f"Page {n}", "date": "2024-06-01", "html": cases[n % len(cases)].html.decode("utf-8", "replace")}
        for n in range(records)
    ]
    lines, array = out / "export.jsonl", out / "export.json"
    lines.write_text("".join(json.dumps(row) + "\n" for row in rows))
    array.write_text(json.dumps(rows))
    paths = [lines, array]
    for path in (lines, array):
        zipped = path.with_name(path.name + ".gz")
        zipped.write_bytes(gzip.compress(path.read_bytes(), 6))
        paths.append(zipped)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/feeds-bench"))
    args = parser.parse_args()
    paths = write(args.out, args.records)
    root = Path(__file__).resolve().parent.parent
    for path in paths:
        result = subprocess.run([sys.executable, "-c", READ, str(path)], capture_output=True, text=True, cwd=root, check=True)
        pages, rejected, seconds, peak = result.stdout.split()
        size = path.stat().st_size / 2**20
        print(f"{path.name:16} {size:7.0f} MB  {pages} records ({rejected} rejected)  {float(seconds):6.2f} s  {size / float(seconds):6.0f} MB/s  peak RSS {peak} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
