"""Start-up pays only for what a command uses: `extract` never loads pydantic, rich or the
web app; a JSON report never loads the web app, jinja2 or `currencyconverter` (the rates
come from the compact table)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from file_helpers import write

from factcheck.normalize import rate_table

_PROBE = """
import json, runpy, sys
sys.argv = {argv!r}
try:
    runpy.run_module("factcheck", run_name="__main__")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""
_WEB = {"starlette", "uvicorn", "jinja2", "factcheck.review.app"}


def _loaded(argv: list[str], stdin: str = "") -> set[str]:
    run = subprocess.run(
        [sys.executable, "-c", _PROBE.format(argv=["factcheck", *argv])],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    )
    modules: list[str] = json.loads(run.stderr.strip().splitlines()[-1])
    return {*modules, *(name.split(".")[0] for name in modules)}  # packages by their top name


def test_extract_loads_neither_pydantic_nor_rich_nor_the_web_app() -> None:
    line = json.dumps(
        {"id": "1", "text": "Vega paid $2.5 million.", "reference_date": "2024-08-27"}
    )
    loaded = _loaded(["extract", "--jsonl"], line + "\n")
    assert "factcheck.extract" in loaded
    assert not loaded & {"pydantic", "rich", *_WEB}


def test_a_json_report_reads_rates_without_currencyconverter(tmp_path: Path) -> None:
    rate_table.currencies()  # its file is in the tests' cache folder, as on a second run
    source = write(tmp_path / "one.txt", "Vega paid 2.5 million euros on 3 May 2021.\n")
    loaded = _loaded(["report", str(source), "--format", "json"])
    assert "factcheck.normalize.rate_table" in loaded
    assert not loaded & {"currency_converter", "rich", *_WEB}
