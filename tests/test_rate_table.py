"""The compact rate table gives exactly the rates `currencyconverter` converts with, whether
it is read from its cache file, built in memory, or its file is damaged or unwritable."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from currency_converter import CurrencyConverter
from hypothesis import given
from hypothesis import strategies as st

from factcheck.normalize import currency, rate_table


@cache
def _reference() -> CurrencyConverter:
    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


CODES = sorted(_reference().currencies)
DAYS = st.dates(min_value=date(1995, 1, 1), max_value=date(2030, 12, 31))


@pytest.fixture
def fresh_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of its own and nothing read yet; the shared table again afterwards."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    currency.clear()
    yield tmp_path
    currency.clear()


@given(st.sampled_from(CODES), DAYS)
def test_every_rate_is_the_float_currencyconverter_uses(code: str, on: date) -> None:
    assert rate_table.rate(code, on) == _reference().convert(1, "EUR", code, date=on)


@given(st.sampled_from(CODES), st.sampled_from(CODES), DAYS)
def test_a_cross_rate_is_currencyconverter_s(source: str, target: str, on: date) -> None:
    expected = Decimal(repr(_reference().convert(1, source, target, date=on)))
    if source == target:
        expected = Decimal(1)
    assert currency.rate_on(source, target, on) == expected.quantize(Decimal("0.00000001"))


def test_the_currencies_and_last_day_are_currencyconverter_s() -> None:
    assert rate_table.currencies() == _reference().currencies
    assert currency.last_rate_date() == _reference().bounds["USD"].last_date
    for code in CODES:
        if code != "EUR":
            assert rate_table.last_date(code) == _reference().bounds[code].last_date


def _sample(days: int = 40) -> list[float]:
    start = date(2008, 9, 1)
    return [rate_table.rate(c, start + timedelta(7 * k)) for c in CODES for k in range(days)]


def test_a_second_run_reads_the_file_and_only_the_currencies_it_needs(fresh_table: Path) -> None:
    built = _sample()
    files = list(fresh_table.iterdir())
    assert len(files) == 1 and files[0].name.startswith("rates-")
    rate_table.clear()  # what a new process sees
    assert rate_table.rate("GBP", date(2015, 6, 1)) == _reference().convert(
        1, "EUR", "GBP", date=date(2015, 6, 1)
    )
    table = rate_table._load()
    assert table.path == str(files[0]) and set(table.series) == {"GBP"}
    assert _sample() == built


def test_a_damaged_file_is_rebuilt_with_the_same_rates(fresh_table: Path) -> None:
    built = _sample()
    (path,) = fresh_table.iterdir()
    path.write_bytes(path.read_bytes()[:-8])  # one rate short
    rate_table.clear()
    assert _sample() == built
    rate_table.clear()
    assert rate_table._load().path == str(path)  # written anew, whole


def test_no_cache_folder_builds_in_memory_with_the_same_rates(
    fresh_table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = _sample()
    for setting in ("", str(fresh_table / "a-file" / "below")):
        (fresh_table / "a-file").write_text("not a folder", encoding="utf-8")
        monkeypatch.setenv("FACTCHECK_CACHE_DIR", setting)
        rate_table.clear()
        assert _sample() == built
        assert rate_table._load().path is None
    assert not (fresh_table / "a-file").is_dir()


def test_clear_forgets_the_table_and_the_rates(fresh_table: Path) -> None:
    currency.rate_on("GBP", "USD", date(2020, 1, 2))
    assert currency.rate_on.cache_info().currsize == 1 and rate_table._table is not None
    currency.clear()
    assert currency.rate_on.cache_info().currsize == 0 and rate_table._table is None


def test_a_bundle_file_missing_from_a_release_still_keys_the_table(
    fresh_table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = rate_table._cache_path()
    monkeypatch.setattr(rate_table, "_BUNDLE", (*rate_table._BUNDLE, "not-in-this-release.py"))
    other = rate_table._cache_path()
    assert other is not None and other != path and other.startswith(str(fresh_table))
