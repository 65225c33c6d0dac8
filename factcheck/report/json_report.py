"""The JSON report and its schema: the report model, serialised deterministically."""

from __future__ import annotations

import json

from factcheck.models import Report


def render_json(report: Report) -> str:
    """Indented JSON; the same report always gives byte-identical text."""
    return report.model_dump_json(indent=2) + "\n"


def report_schema() -> str:
    """The JSON schema of `render_json`'s output."""
    schema = Report.model_json_schema(mode="serialization")
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
