"""Properties of the whole pipeline, not only of extraction: whatever the texts, the front
matter and the `sources.toml` of a folder, `check` gives a report in which every file is
either a checked source or a skipped one (with a stage and a one-line reason), and it
never raises. Ordinary prose — day dates shifted by "a month earlier", "a year later" and
the like among it — is never skipped at all."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.models import Report
from factcheck.pipeline import check
from factcheck.reference import load_reference
from factcheck.report.json_report import render_json
from factcheck.report.text import render_text

REFERENCE = load_reference()
MONTHS = (
    "January February March April May June July August September October November December"
).split()
ORGS = ["Acme Corp", "Nimbus Ltd", "the ministry", "Orion Group"]
PIPELINE = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------------------- dates


@st.composite
def month_ends(draw: st.DrawFn) -> date:
    """Days near the end of a month, where a shift clamps: the dates that once crashed."""
    year = draw(st.integers(1990, 2040))
    month = draw(st.integers(1, 12))
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, draw(st.integers(max(1, last - 3), last)))


DAYS = st.one_of(month_ends(), st.dates(date(1990, 1, 1), date(2040, 12, 31)))


def written(day: date, style: int) -> str:
    month = MONTHS[day.month - 1]
    return [f"{day.day} {month} {day.year}", f"{month} {day.day}, {day.year}", day.isoformat()][
        style
    ]


@st.composite
def shifted_sentences(draw: st.DrawFn) -> str:
    """A sentence dating a figure by a shift from a day date stated before it."""
    on = written(draw(DAYS), draw(st.integers(0, 2)))
    org = draw(st.sampled_from(ORGS))
    shift = draw(
        st.sampled_from(
            [
                "a year earlier",
                "a month earlier",
                "a month later",
                "a quarter earlier",
                "a year later",
                "the previous year",
                "a week earlier",
                "two months earlier",
                "three years later",
            ]
        )
    )
    a, b = draw(st.integers(1, 999)), draw(st.integers(1, 999))
    form = draw(
        st.sampled_from(
            [
                "On {on} sales at {org} rose {a}% from {shift}.",
                "On {on} {org} sold ${a} million, up from ${b} million {shift}.",
                "{org} sold €{a} million on {on}; {shift} it sold €{b} million.",
                "On {on}, {org} said it had {a} staff, against {b} {shift}.",
            ]
        )
    )
    return form.format(on=on, org=org, shift=shift, a=a, b=b)


@st.composite
def plain_sentences(draw: st.DrawFn) -> str:
    org = draw(st.sampled_from(ORGS))
    n = draw(st.decimals(1, 9999, places=1, allow_nan=False, allow_infinity=False))
    when = draw(st.sampled_from(["in 2023", "last year", "in the first half", "on Monday", ""]))
    form = draw(
        st.sampled_from(
            [
                "{org} raised ${n} billion {when}.",
                "{org} said revenue grew {n}% {when}.",
                "{org} hired {n} engineers {when}, its chief executive said.",
            ]
        )
    )
    return form.format(org=org, n=n, when=when)


PROSE = st.lists(st.one_of(shifted_sentences(), plain_sentences()), min_size=1, max_size=6).map(
    " ".join
)

# ---------------------------------------------------------------------------- anything

# Characters the extractors care about, and ones that have broken readers elsewhere.
ALPHABET = st.one_of(
    st.sampled_from(list("0123456789$€£¥%.,-−()+ \n\t'\"")),
    st.sampled_from(["million", "billion", " bn", " earlier", " later", " a month", " year"]),
    st.sampled_from(MONTHS),
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
)
ANY_TEXT = st.one_of(
    PROSE,
    st.lists(ALPHABET, max_size=60).map("".join),
    st.lists(
        st.one_of(PROSE, st.sampled_from(["(€5.2 million)", "−€5 million", "-€5m"])), max_size=4
    ).map(" ".join),
)

TOML_VALUES: st.SearchStrategy[Any] = st.one_of(
    st.text(max_size=20),
    st.integers(-(2**40), 2**40),
    st.dates(),
    st.datetimes(timezones=st.sampled_from([None, UTC, timezone(timedelta(hours=-5))])),
    st.times(),
    st.booleans(),
    st.lists(st.integers(), max_size=3),
)


def toml_value(value: Any) -> str:
    """A value in TOML syntax (the standard library reads TOML but does not write it)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a TOML basic string
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return str(value)


KEYS = st.sampled_from(["outlet", "url", "title", "published", "author"])
TABLES = st.dictionaries(KEYS, TOML_VALUES, max_size=3)


def toml_table(table: dict[str, Any]) -> str:
    return "".join(f"{key} = {toml_value(value)}\n" for key, value in table.items())


FRONT_MATTER = st.one_of(
    st.just(""),
    TABLES.map(lambda t: f"+++\n{toml_table(t)}+++\n"),
    st.text(max_size=30).map(lambda t: f"+++\n{t}\n+++\n"),
)
NAMES = st.sampled_from(["a.txt", "b.md", "a.md", "c.TXT", "d.txt"])
FILES = st.dictionaries(NAMES, st.tuples(FRONT_MATTER, ANY_TEXT), min_size=1, max_size=3)


@st.composite
def sources_tomls(draw: st.DrawFn) -> str | None:
    """No `sources.toml`, a valid one about some of the files, or any text at all."""
    kind = draw(st.sampled_from(["none", "tables", "text"]))
    if kind == "none":
        return None
    if kind == "text":
        return draw(st.text(max_size=60))
    stems = draw(st.lists(st.sampled_from(["a", "b", "c", "d", "zz"]), unique=True))
    return "".join(f"[{stem}]\n{toml_table(draw(TABLES))}" for stem in stems)


def corpus(files: dict[str, tuple[str, str]], metadata: str | None) -> Callable[[], Report]:
    """A function that writes the corpus to a fresh folder and checks it."""

    def run() -> Report:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            for name, (front, text) in files.items():
                (root / name).write_text(front + text, encoding="utf-8")
            if metadata is not None:
                (root / "sources.toml").write_text(metadata, encoding="utf-8")
            report = check([root], reference=REFERENCE)
            assert_accounted(report, root, files)
            return report

    return run


def assert_accounted(report: Report, root: Path, files: dict[str, object]) -> None:
    """Every file is checked or skipped, once; every skip says at which stage and why."""
    checked = [s.path for s in report.sources]
    skipped = [s.path for s in report.skipped if Path(s.path).name != "sources.toml"]
    assert sorted(checked + skipped) == sorted(str(root / name) for name in files)
    for skip in report.skipped:
        assert skip.stage in ("read", "extract", "claims")
        assert skip.reason and "\n" not in skip.reason


@PIPELINE
@given(FILES, sources_tomls())
def test_any_folder_gives_a_report_never_an_exception(
    files: dict[str, tuple[str, str]], metadata: str | None
) -> None:
    report = corpus(files, metadata)()
    text = render_json(report)
    assert render_json(Report.model_validate_json(text)) == text  # it reads back as a Report
    render_text(report, explain=True)


@PIPELINE
@given(st.lists(PROSE, min_size=1, max_size=3))
def test_ordinary_prose_with_shifted_dates_is_never_skipped(texts: list[str]) -> None:
    files = {f"s{i}.txt": ("", text) for i, text in enumerate(texts)}
    report = corpus(files, None)()
    assert report.skipped == ()
    for claim in report.claims:
        period = claim.period
        assert (
            period is None
            or period.start is None
            or period.end is None
            or (period.start < period.end)
        )


@PIPELINE
@given(shifted_sentences(), st.dates(date(1990, 1, 1), date(2040, 12, 31)))
def test_a_shifted_date_under_any_publication_date_is_checked(text: str, day: date) -> None:
    metadata = f"[s]\npublished = {day.isoformat()}\n"
    report = corpus({"s.txt": ("", text)}, metadata)()
    assert report.skipped == () and report.sources[0].published is not None
