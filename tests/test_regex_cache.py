"""The compiled-pattern cache: off unless asked for, bounded, keyed by the exact interpreter;
what it gives back is what `re.compile` makes, and nothing about the cache file (missing,
damaged, unwritable, switched off) changes a result."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import regex_cache
from factcheck.extract.time_rules import RULES

# real patterns of every shape: the time rules (verbose, named groups, conditionals, lookbehinds)
PATTERNS = [(rule.source, re.X | re.I) for rule in RULES[:40]] + [
    (r"(?P<a>\d+)(?(a)x|y)", 0),
    (r"[ \u00a0]?(?:€|\$|£)\s*\d", re.I),
    (r"^\s*the$", re.M),
]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache folder, the cache switched on, and a fresh in-memory cache."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv(regex_cache.SWITCH, "1")
    monkeypatch.setattr(regex_cache, "_programs", None)
    monkeypatch.setattr(regex_cache, "_added", False)
    return tmp_path


def _restart() -> None:
    """What a new process sees: the cache file only."""
    regex_cache.clear()


def test_a_pattern_read_back_from_the_cache_is_the_one_re_compiles(cache_dir: Path) -> None:
    cold = [regex_cache.compile_pattern(p, f) for p, f in PATTERNS]
    regex_cache._save()
    _restart()
    warm = [regex_cache.compile_pattern(p, f) for p, f in PATTERNS]
    fresh = [re.compile(p, f) for p, f in PATTERNS]
    assert cold == fresh and warm == fresh  # Pattern equality compares flags and program
    assert regex_cache._programs is not None and len(regex_cache._programs) == len(PATTERNS)


@pytest.mark.filterwarnings("ignore::FutureWarning")  # "possible nested set": re's own warning
@given(st.text(alphabet="ab()|*+?[]^$.\\{}0123456789-", max_size=12))
def test_any_pattern_compiles_as_re_does(source: str) -> None:
    try:
        expected = re.compile(source)
    except (re.error, OverflowError, RecursionError):
        with pytest.raises((re.error, OverflowError, RecursionError)):
            regex_cache._program(source, 0)
        return
    assert regex_cache._construct(source, regex_cache._program(source, 0)) == expected


def test_a_damaged_cache_is_ignored_and_written_anew(cache_dir: Path) -> None:
    path = regex_cache.cache_path()
    assert path is not None and path.startswith(str(cache_dir))
    Path(path).write_bytes(b"\x00not marshal at all")
    source, flags = PATTERNS[0]
    assert regex_cache.compile_pattern(source, flags) == re.compile(source, flags)
    regex_cache._save()
    _restart()
    assert regex_cache._load().keys() == {(source, int(flags))}


def test_a_program_the_interpreter_refuses_falls_back(cache_dir: Path) -> None:
    source, flags = PATTERNS[1]
    regex_cache._load()[(source, int(flags))] = (0, b"\x01\x02", 0, {}, ())
    assert regex_cache.compile_pattern(source, flags) == re.compile(source, flags)


def test_an_unwritable_folder_leaves_no_cache_and_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setenv(regex_cache.SWITCH, "1")
    monkeypatch.setattr(regex_cache, "_programs", None)
    source, flags = PATTERNS[2]
    assert regex_cache.compile_pattern(source, flags) == re.compile(source, flags)
    regex_cache._save()  # must not raise
    assert not (blocker / "cache").exists()


def test_an_empty_folder_setting_keeps_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "")
    monkeypatch.setenv(regex_cache.SWITCH, "1")
    assert regex_cache.cache_path() is None


def test_off_unless_switched_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_programs", None)
    for setting in (None, "", "0", "yes"):
        if setting is None:
            monkeypatch.delenv(regex_cache.SWITCH, raising=False)
        else:
            monkeypatch.setenv(regex_cache.SWITCH, setting)
        assert regex_cache.cache_path() is None
        source, flags = PATTERNS[0]
        assert regex_cache.compile_pattern(source, flags) == re.compile(source, flags)
    assert regex_cache._programs is None  # nothing read, nothing remembered
    regex_cache._save()
    assert not list(tmp_path.iterdir())


def test_the_file_is_keyed_by_the_exact_interpreter_build(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = regex_cache.cache_path()
    monkeypatch.setattr(sys, "version", sys.version + " (another patch build)")
    assert regex_cache.cache_path() not in (None, path)


def test_the_cache_holds_at_most_its_bound(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(regex_cache, "MAX_PROGRAMS", 5)
    sources = [rf"(?:x{n}|y)+\b" for n in range(12)]
    assert [regex_cache.compile_pattern(p) for p in sources] == [re.compile(p) for p in sources]
    assert regex_cache._programs is not None and len(regex_cache._programs) == 5
    regex_cache._save()
    _restart()
    assert len(regex_cache._load()) == 5
    monkeypatch.setattr(regex_cache, "MAX_PROGRAMS", 4)  # a file over the bound is not read
    _restart()
    assert regex_cache._load() == {}


def test_runs_with_a_cold_and_a_warm_cache_give_the_same_bytes(cache_dir: Path) -> None:
    lines = "".join(
        json.dumps({"id": str(i), "text": text, "reference_date": "2024-08-27"}) + "\n"
        for i, text in enumerate(
            ["Vega paid $2.5 million on 3 May 2021.", "Sales rose 13% in Q3 2024 to 4.6bn yuan."]
        )
    )
    env = dict(os.environ)  # the cache switched on, in `cache_dir`
    runs = [
        subprocess.run(
            [sys.executable, "-m", "factcheck", "extract", "--jsonl"],
            input=lines,
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1] and runs[0].count("\n") == 2
    assert [p.name for p in cache_dir.iterdir()] == [Path(str(regex_cache.cache_path())).name]
