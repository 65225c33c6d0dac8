#!/usr/bin/env python3
"""How `factcheck report` scales with the length of one source (issue 13).

One command, from the project root, with factcheck installed in the running interpreter:

    python benchmarks/long_document.py

It writes one source of about 10 KB, 100 KB, 1 MB and 10 MB of news text (the seeds and
news-like paragraphs of our own, repeated with their figures, dates and names varied) and
times `factcheck report <folder> --format json --jobs 1 --budget 0` on each in a fresh
process: seconds, MB/s, the process's peak memory, and the growth exponent (the slope of
log seconds over log size: 1 is linear, 2 quadratic). quantulum3's `parse` runs on the same
texts in the same run when it installs (a venv of its own in the temp folder, reused). It
writes benchmarks/long_document.md.

Options: --sizes 10000,100000 (bytes), --out FILE, --no-peer, --peer-timeout SECONDS.
Stdlib only.
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
PEER = "quantulum3==0.10.0"
BIN = "Scripts" if os.name == "nt" else "bin"

# News-like paragraphs of our own; the fields vary with each repetition.
TEMPLATES = (
    "{org} said on {day} {month} {year} that its revenue rose {pct}% to ${amount} billion, "
    "while chief executive {person} expects margins of about {small} percent next year.",
    "{org} reported a net profit of {amount} billion euros for the first half of {year}, "
    "down from {amount2} billion euros a year earlier; the company employs {count},000 people.",
    "Between January and June {year} the city spent US${amount} million, or {small}.{digit} per "
    "cent of its budget, on repairs, mayor {person} told reporters on {day} {month} {year}.",
    "Shares of {org} fell {small}.{digit}% on {day} {month} after the group cut its forecast "
    "for {year} to {amount} billion dollars, its second warning in {count} months.",
)
ORGS = ("Harbourline Freight", "Northwind Mining", "Keller & Sons", "Volkswagen", "Alibaba")
PEOPLE = ("Maria Olsen", "Tomas Reyes", "Ana Lindqvist", "David Okafor", "Mei Chen")
MONTHS = ("January", "March", "May", "July", "September", "November")


def news_text(size: int) -> str:
    """About `size` characters of news: the seeds and our paragraphs, in turn, varied. A
    paragraph's figures follow from its organisation, year and template alone, so that a
    restatement agrees with the earlier one (a long document is mostly consistent)."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    parts: list[str] = []
    total, i = 0, 0
    while total < size:
        if i % 5 == 0:
            part = seeds[(i // 5) % len(seeds)].strip()
        else:
            org, year, template = i % len(ORGS), (i // len(ORGS)) % 25, i % len(TEMPLATES)
            k = 1 + org * 31 + year * 7 + template * 13
            part = TEMPLATES[template].format(
                org=ORGS[org],
                person=PEOPLE[(org + template) % len(PEOPLE)],
                day=1 + k % 28,
                month=MONTHS[k % len(MONTHS)],
                year=2000 + year,
                pct=5 + k % 40,
                small=1 + k % 9,
                digit=k % 10,
                amount=1 + k % 97,
                amount2=2 + k % 89,
                count=3 + k % 50,
            )
        parts.append(part)
        total += len(part) + 1
        i += 1
    return "\n".join(parts) + "\n"


# Runs a command (argv[2:]) for at most argv[1] seconds (the command is killed then: exit 3)
# and prints its seconds and its peak resident memory in KB.
_TIMED = """
import resource, subprocess, sys, time
start = time.perf_counter()
try:
    done = subprocess.run(
        sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=float(sys.argv[1])
    )
except subprocess.TimeoutExpired:
    sys.exit(3)
seconds = time.perf_counter() - start
if done.returncode not in (0, 1):
    sys.exit(done.stderr.decode()[-2000:])
print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
_QUANTULUM = """
import sys
from quantulum3 import parser
parser.parse(open(sys.argv[1], encoding="utf-8").read())
"""


def timed(command: list[str], timeout: float) -> tuple[float, float] | None:
    """Seconds and peak memory (MB) of `command` in a fresh process; None past `timeout`."""
    done = subprocess.run(
        [sys.executable, "-c", _TIMED, str(timeout), *command], capture_output=True, text=True
    )
    if done.returncode == 3:
        return None
    if done.returncode != 0:
        raise SystemExit(f"{command[:3]} failed: {done.stderr[-2000:]}")
    out = done.stdout.split()
    return float(out[0]), int(out[1]) / 1024


def peer_python(no_peer: bool) -> str | None:
    """The interpreter of a venv holding quantulum3 (made once), or None."""
    if no_peer:
        return None
    venv = Path(tempfile.gettempdir()) / "factcheck-long-document-peer"
    python = venv / BIN / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        done = subprocess.run([str(python), "-m", "pip", "install", "-q", PEER], check=False)
        if done.returncode != 0:
            return None
    return str(python)


def exponent(points: list[tuple[int, float]]) -> float:
    """The least-squares slope of log seconds over log size."""
    xs = [math.log(size) for size, _ in points]
    ys = [math.log(seconds) for _, seconds in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def _label(size: int) -> str:
    return f"{size / 1_000_000:g} MB" if size >= 1_000_000 else f"{size / 1000:g} KB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)))
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "long_document.md")
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--peer-timeout", type=float, default=900)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    peer = peer_python(args.no_peer)
    factcheck = [sys.executable, "-m", "factcheck", "report"]
    rows, ours, theirs = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp, "one")
        one.mkdir()
        (one / "news.txt").write_text("Revenue rose 5% in 2024.\n", encoding="utf-8")
        start_up = timed([*factcheck, str(one), "--format", "json", "--jobs", "1"], 600)
        assert start_up is not None
        for size in sizes:
            folder = Path(tmp, str(size))
            folder.mkdir()
            path = folder / "news.txt"
            path.write_text(news_text(size), encoding="utf-8")
            mb = path.stat().st_size / 1_000_000
            flags = ["--format", "json", "--jobs", "1", "--budget", "0", "--no-progress"]
            run = timed([*factcheck, str(folder), *flags], 3600)
            assert run is not None
            ours.append((size, run[0]))
            row = [_label(size), f"{run[0]:.2f}", f"{mb / run[0]:.3g}", f"{run[1]:.0f}"]
            if peer is not None:
                q = timed([peer, "-c", _QUANTULUM, str(path)], args.peer_timeout)
                if q is None:
                    row += [f"> {args.peer_timeout:.0f}", "", ""]
                else:
                    theirs.append((size, q[0]))
                    row += [f"{q[0]:.2f}", f"{mb / q[0]:.3g}", f"{q[1]:.0f}"]
            rows.append(row)
            print(" | ".join(row), flush=True)
    head = ["source", "factcheck s", "MB/s", "peak MB"]
    if peer is not None:
        head += ["quantulum3 s", "MB/s", "peak MB"]
    lines = [
        "# One long source: `factcheck report` against its length",
        "",
        "Written by `python benchmarks/long_document.py` (news text: the seeds and news-like",
        "paragraphs, repeated with their figures varied; one process per run, `--jobs 1`,",
        f"`--budget 0`; {os.cpu_count()} CPUs shared). quantulum3 is `{PEER}`'s `parse` on the",
        "same text, when it installs.",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
        *("| " + " | ".join(row) + " |" for row in rows),
        "",
        f"- start-up (a one-sentence source): {start_up[0]:.2f} s",
        f"- growth exponent, end to end, {_label(sizes[0])} to {_label(sizes[-1])}: "
        f"{exponent(ours):.2f}",
    ]
    net = [(size, seconds - start_up[0]) for size, seconds in ours if seconds > start_up[0]]
    if len(net) > 1:
        lines.append(f"- growth exponent, the start-up subtracted: {exponent(net):.2f}")
    if len(ours) > 2:
        lines.append(f"- growth exponent, the two longest sources: {exponent(ours[-2:]):.2f}")
    if len(theirs) > 1:
        lines.append(f"- quantulum3's growth exponent: {exponent(theirs):.2f}")
    lines.append(f"- measured {time.strftime('%Y-%m-%d')} with Python {sys.version.split()[0]}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
