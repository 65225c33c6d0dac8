#!/usr/bin/env python3
"""How the checker scales: throughput, memory, growth of time with N, and planted-conflict recall.

    python benchmarks/scale.py --sizes 1000,10000,100000 --jobs 2

For each N it writes a synthetic corpus (`benchmarks/corpus.py`, seed `--seed`) into a temp
folder, then runs `factcheck.check` on it in a fresh child process (so each N's peak memory
is its own) and scores the report against the corpus manifest:

- recall: a planted conflict is found when an error or warning finding quotes its odd figure
  (same source, same figure text) and, when the story has agreeing sources, one of theirs;
  "right code" counts those whose finding has the expected code;
- precision: error and warning findings that quote a planted conflict's odd figure, over all
  error and warning findings (anything else, e.g. a flagged trap, is a false alarm).

It writes `benchmarks/scale.md` (`--out`): the table, the growth exponent (log-log slope of
time between consecutive sizes) and the command. Stdlib only.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import MANIFEST, write  # noqa: E402
from factcheck.models import Finding, Report, Severity  # noqa: E402

FLAGGED = frozenset({Severity.ERROR, Severity.WARNING})


@dataclass
class Score:
    """Planted conflicts against a report's error and warning findings."""

    planted: int = 0
    found: int = 0
    right_code: int = 0
    flagged: int = 0
    false_alarms: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 1.0

    @property
    def precision(self) -> float:
        return (self.flagged - len(self.false_alarms)) / self.flagged if self.flagged else 1.0


def _same_figure(planted: str, quoted: str) -> bool:
    return planted == quoted or planted in quoted or quoted in planted


def _quotes(finding: Finding, fact: Mapping[str, str]) -> bool:
    return any(
        e.source_id == fact["source"]
        and e.figure is not None
        and _same_figure(fact["figure"], e.figure.text)
        for e in finding.evidence
    )


def score(report: Report, manifest: Mapping[str, Any]) -> Score:
    """How many planted conflicts the report finds, and how many of its flags are planted."""
    flagged = [f for f in report.findings if f.severity in FLAGGED]
    by_source: dict[str, list[Finding]] = {}
    for f in flagged:
        for source in f.sources:
            by_source.setdefault(source, []).append(f)
    result = Score(flagged=len(flagged))
    explained: set[str] = set()
    for story in manifest["stories"]:
        if story["category"] != "conflict":
            continue
        result.planted += 1
        odd = next(f for f in story["facts"] if f["role"] == "odd")
        others = [f for f in story["facts"] if f["role"] != "odd"]
        hits = [
            f
            for f in by_source.get(odd["source"], [])
            if _quotes(f, odd)
            and (story["expect"] == "FC103" or any(_quotes(f, o) for o in others))
        ]
        explained.update(f.fingerprint for f in by_source.get(odd["source"], []) if _quotes(f, odd))
        if hits:
            result.found += 1
            result.right_code += any(f.code == story["expect"] for f in hits)
        else:
            result.missed.append(f"{story['id']} ({story['kind']}, {story['expect']})")
    result.false_alarms = [
        f"{f.code} {f.message}" for f in flagged if f.fingerprint not in explained
    ]
    return result


def _child(folder: Path, jobs: int) -> dict[str, Any]:
    """Run the checker on `folder` in this process and measure it (the child's side)."""
    import factcheck

    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    started = time.perf_counter()
    report = factcheck.check([folder], jobs=jobs)
    seconds = time.perf_counter() - started
    result = score(report, manifest)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "sources": len(report.sources),
        "claims": len(report.claims),
        "findings": len(report.findings),
        "seconds": seconds,
        "peak_mib": own / 1024,
        "worker_peak_mib": workers / 1024,
        "planted": result.planted,
        "found": result.found,
        "right_code": result.right_code,
        "flagged": result.flagged,
        "recall": result.recall,
        "precision": result.precision,
        "missed": result.missed[:20],
        "false_alarms": result.false_alarms[:20],
    }


def measure(n: int, seed: int, jobs: int) -> dict[str, Any]:
    """Generate a corpus of `n` sources and measure one checker run on it in a child process."""
    with tempfile.TemporaryDirectory(prefix=f"factcheck-scale-{n}-") as tmp:
        write(Path(tmp), n, seed)
        done = subprocess.run(
            [sys.executable, __file__, "--child", tmp, "--jobs", str(jobs)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
    measured: dict[str, Any] = json.loads(done.stdout)
    return measured


def slopes(rows: Iterable[dict[str, Any]]) -> list[float | None]:
    """The log-log slope of time against N from each row to the next (None for the first)."""
    out: list[float | None] = []
    previous: dict[str, Any] | None = None
    for row in rows:
        if previous is None:
            out.append(None)
        else:
            out.append(
                math.log(row["seconds"] / previous["seconds"])
                / math.log(row["sources"] / previous["sources"])
            )
        previous = row
    return out


def table(rows: list[dict[str, Any]], command: str) -> str:
    lines = [
        "# Scale benchmark",
        "",
        "Synthetic corpora from `benchmarks/corpus.py` (invented companies; planted agreements,",
        "conflicts and traps), checked end to end by `factcheck.check` in a fresh process per N.",
        "Throughput counts the whole run (loading, extraction, linking, comparison, report).",
        "",
        f"Command: `{command}` ({os.cpu_count()} CPUs)",
        "",
        "| sources | claims | seconds | sources/s | peak MiB (main / worker) | growth exponent |"
        " planted conflicts | recall | right code | flagged | precision |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row, slope in zip(rows, slopes(rows), strict=True):
        lines.append(
            f"| {row['sources']:,} | {row['claims']:,} | {row['seconds']:.1f} "
            f"| {row['sources'] / row['seconds']:,.0f} "
            f"| {row['peak_mib']:,.0f} / {row['worker_peak_mib']:,.0f} "
            f"| {'–' if slope is None else f'{slope:.2f}'} | {row['planted']:,} "
            f"| {row['recall']:.2%} | {row['right_code']:,} | {row['flagged']:,} "
            f"| {row['precision']:.2%} |"
        )
    lines += [
        "",
        "Growth exponent: log(t₂/t₁) / log(N₂/N₁) between a row and the one above (target ≤ 1.2).",
        "Recall: planted conflicts quoted by an error or warning finding (target 100%);",
        "right code: those whose finding has the planted code. Precision: error and warning",
        "findings that quote a planted conflict, over all of them (target ≥ 99%).",
    ]
    for row in rows:
        for label, items in (("missed", row["missed"]), ("false alarms", row["false_alarms"])):
            if items:
                lines += ["", f"{label} at N = {row['sources']:,} (first {len(items)}):", ""]
                lines += [f"- {item}" for item in items]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="1000,10000", help="comma-separated N (default 1000,10000)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "scale.md")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child, args.jobs)))
        return 0
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        row = measure(n, args.seed, args.jobs)
        rows.append(row)
        print(
            f"N={n:,}: {row['seconds']:.1f} s, {n / row['seconds']:,.0f} sources/s, "
            f"peak {row['peak_mib']:,.0f} MiB, recall {row['recall']:.2%}, "
            f"precision {row['precision']:.2%}",
            file=sys.stderr,
        )
    command = "python benchmarks/scale.py " + " ".join(argv if argv is not None else sys.argv[1:])
    args.out.write_text(table(rows, command.strip()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
