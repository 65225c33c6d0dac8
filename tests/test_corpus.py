"""The synthetic corpus of the scale benchmark, and what the whole engine makes of it.

A small generated corpus is a real behavioural test: every planted conflict must come out
with its code, and no trap (rounding, currency, a half-year in its year, another metric, a
narrower scope) may be flagged.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from benchmarks.corpus import MANIFEST, generate, render, write
from benchmarks.scale import score
from factcheck.extract import extract
from factcheck.extract.published import weekday_mismatches, weekday_mismatches_in
from factcheck.models import Report
from factcheck.report.json_report import render_json
from factcheck.sources import load_sources


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("corpus")
    write(folder, 40, seed=11)
    return folder, json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(corpus: tuple[Path, dict[str, Any]]) -> Report:
    return factcheck.check([corpus[0]])


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    write(tmp_path / "a", 25, seed=4)
    write(tmp_path / "b", 25, seed=4)
    write(tmp_path / "c", 25, seed=5)
    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert files(tmp_path / "a") != files(tmp_path / "c")


def test_sources_are_short_dated_news_texts(corpus: tuple[Path, dict[str, Any]]) -> None:
    folder, manifest = corpus
    loaded = load_sources([folder])
    assert not loaded.skipped and len(loaded.sources) == manifest["sources"] == 40
    for source in loaded.sources:
        assert source.published is not None and source.outlet
        assert 400 <= len(source.text.strip()) <= 1400


def test_every_planted_figure_is_in_its_source() -> None:
    sources, manifest = generate(30, seed=2)
    texts = {s.id: render(s) for s in sources}
    for story in manifest["stories"]:
        assert isinstance(story, dict)
        for fact in story["facts"]:
            assert fact["figure"] in texts[fact["source"]]


def test_every_kind_of_story_is_planted(corpus: tuple[Path, dict[str, Any]]) -> None:
    _, manifest = corpus
    expected = {s["expect"] for s in manifest["stories"] if s["category"] == "conflict"}
    assert expected == {"FC101", "FC102", "FC103", "FC104"}
    assert {s["category"] for s in manifest["stories"]} == {"agreement", "conflict", "trap"}


def test_every_planted_conflict_is_found_with_its_code(
    corpus: tuple[Path, dict[str, Any]], report: Report
) -> None:
    found = score(report, corpus[1])
    assert found.missed == []
    assert found.right_code == found.planted > 0


def test_no_trap_or_agreement_is_flagged(
    corpus: tuple[Path, dict[str, Any]], report: Report
) -> None:
    assert score(report, corpus[1]).false_alarms == []


def test_agreeing_sources_are_counted(corpus: tuple[Path, dict[str, Any]], report: Report) -> None:
    agreements = [f for f in report.findings if f.code == "FC901"]
    for story in corpus[1]["stories"]:
        if story["kind"] != "agreement":
            continue
        sources = {f["source"] for f in story["facts"]}
        assert any(set(f.sources) == sources for f in agreements), story["id"]


def test_worker_processes_give_the_same_report(corpus: tuple[Path, dict[str, Any]]) -> None:
    folder = corpus[0]
    some = sorted(folder.glob("*.md"))[:12]
    assert render_json(factcheck.check(some, jobs=2)) == render_json(factcheck.check(some))


weekday = st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Sat"])
day = st.dates(min_value=date(2015, 1, 1), max_value=date(2026, 12, 31))


@settings(max_examples=40, deadline=None)
@given(weekday, day, st.one_of(st.none(), day))
def test_weekdays_from_extracted_mentions_match_a_fresh_pass(
    name: str, when: date, reference: date | None
) -> None:
    text = f"The plant opened on {name}, {when:%d %B %Y}, and again on {name} {when:%b %d}."
    assert weekday_mismatches_in(extract(text, reference)) == weekday_mismatches(text, reference)
