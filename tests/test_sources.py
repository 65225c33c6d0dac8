"""Loading sources: folders, metadata, front matter, and bad input that never stops the rest."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from file_helpers import write

from factcheck.models import Granularity
from factcheck.sources import load_sources, source_from_text


def test_folder_is_a_corpus_in_name_order_with_metadata(tmp_path: Path) -> None:
    write(tmp_path / "b.md", "Zeta Corp said revenue rose 4%.")
    write(tmp_path / "a.txt", "Omega Ltd raised $12 million.")
    write(tmp_path / "notes.csv", "not a source")
    write(
        tmp_path / "sources.toml",
        '[a]\noutlet = "Daily Planet"\ntitle = "Omega raises"\npublished = 2023-05-04\n',
    )
    loaded = load_sources([tmp_path])
    assert [s.id for s in loaded.sources] == ["a", "b"]
    a = loaded.sources[0]
    assert a.outlet == "Daily Planet" and a.title == "Omega raises"
    assert a.published is not None and a.published.start == date(2023, 5, 4)
    assert a.published.granularity == Granularity.DAY
    assert loaded.skipped == ()


def test_front_matter_is_blanked_so_offsets_point_into_the_file(tmp_path: Path) -> None:
    raw = '+++\noutlet = "The Ledger"\npublished = 2022-01-31\n+++\nKappa paid $5 million.\n'
    write(tmp_path / "k.md", raw)
    (source,) = load_sources([tmp_path / "k.md"]).sources
    assert source.outlet == "The Ledger"
    assert len(source.text) == len(raw)
    at = raw.index("$5 million")
    assert source.text[at : at + 10] == "$5 million"
    assert "outlet" not in source.text


def test_command_line_date_overrides_metadata_and_text(tmp_path: Path) -> None:
    write(tmp_path / "x.txt", "Published: 3 March 2021. Sigma hired 40 engineers.")
    write(tmp_path / "sources.toml", "[x]\npublished = 2020-01-01\n")
    (source,) = load_sources([tmp_path], published={"x": date(2024, 2, 2)}).sources
    assert source.published is not None and source.published.start == date(2024, 2, 2)
    assert source.published_basis == "command line (--published)"


def test_date_stated_in_the_text_is_detected_when_metadata_has_none(tmp_path: Path) -> None:
    write(tmp_path / "y.txt", "date 2021-06-15 Lambda Inc said sales grew 3%.")
    (source,) = load_sources([tmp_path / "y.txt"]).sources
    assert source.published is not None and source.published.start == date(2021, 6, 15)
    assert source.published_basis is not None and source.published_basis.startswith("text")


def test_unknown_date_stays_unknown(tmp_path: Path) -> None:
    write(tmp_path / "z.txt", "Mu Holdings spent 3 billion yuan last year.")
    (source,) = load_sources([tmp_path / "z.txt"]).sources
    assert source.published is None and source.published_basis is None


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", "", "empty file"),
        ("blank.txt", "  \n\t\n", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("latin1.txt", "Caf\u00e9 paid \u00a35m".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_files_are_skipped_with_a_reason_and_the_rest_still_load(
    tmp_path: Path, name: str, data: str | bytes, reason: str
) -> None:
    write(tmp_path / "good.txt", "Nu Group raised $3 million.")
    write(tmp_path / name, data)
    loaded = load_sources([tmp_path])
    assert [s.id for s in loaded.sources] == ["good"]
    (skipped,) = loaded.skipped
    assert skipped.path == str(tmp_path / name)
    assert reason in skipped.reason
    assert "\n" not in skipped.reason


def test_missing_path_is_reported_not_raised(tmp_path: Path) -> None:
    write(tmp_path / "ok.txt", "Xi Corp earned $1 million.")
    loaded = load_sources([tmp_path / "ok.txt", tmp_path / "nope.txt"])
    assert [s.id for s in loaded.sources] == ["ok"]
    assert loaded.skipped[0].reason == "no such file or folder"


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    write(tmp_path / "w.txt", "Rho Ltd paid €7 million.".encode("utf-16"))
    (source,) = load_sources([tmp_path / "w.txt"]).sources
    assert "€7 million" in source.text


def test_bad_metadata_values_are_clear_errors(tmp_path: Path) -> None:
    write(tmp_path / "m.txt", "Tau paid $1 million.")
    write(tmp_path / "sources.toml", '[m]\npublished = "yesterday"\n')
    loaded = load_sources([tmp_path])
    assert loaded.sources == ()
    assert "published is not a YYYY-MM-DD date" in loaded.skipped[0].reason


def test_unknown_metadata_field_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "n.txt", "+++\nauthr = 'typo'\n+++\nPhi paid $1 million.")
    loaded = load_sources([tmp_path / "n.txt"])
    assert "unknown metadata field(s): authr" in loaded.skipped[0].reason


def test_source_from_text_keeps_text_and_date() -> None:
    source = source_from_text("draft", "Chi raised $2 million.", published=date(2020, 2, 2))
    assert source.text == "Chi raised $2 million."
    assert source.published is not None and source.published.start == date(2020, 2, 2)
