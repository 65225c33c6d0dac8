"""Physical quantities: unit surfaces common in business news, converted through pint to one
canonical unit per dimension, so that "1.2 GW" and "1,200 megawatts" agree and quantities of
different dimensions are never compared.

The surface forms' conversions are a table computed with pint and checked against it by the
tests; pint itself (its UnitRegistry takes a noticeable fraction of a second to build) is
loaded only for a unit outside the table.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from typing import Any

from factcheck.regex_cache import compile_pattern

__all__ = ["CANONICAL", "canonical", "pint_canonical", "unit_after"]

# surface (as written) → pint unit expression. Case matters for symbols (MW vs mW).
SYMBOLS: dict[str, str] = {
    "kW": "kilowatt",
    "MW": "megawatt",
    "GW": "gigawatt",
    "TW": "terawatt",
    "kWh": "kilowatt_hour",
    "MWh": "megawatt_hour",
    "GWh": "gigawatt_hour",
    "TWh": "terawatt_hour",
    "km": "kilometer",
    "m": "meter",
    "cm": "centimeter",
    "mm": "millimeter",
    "nm": "nanometer",
    "kg": "kilogram",
    "g": "gram",
    "t": "metric_ton",
    "mi": "mile",
    "ft": "foot",
    "km2": "kilometer ** 2",
    "km²": "kilometer ** 2",
    "m2": "meter ** 2",
    "m²": "meter ** 2",
    "sq m": "meter ** 2",
    "sq ft": "foot ** 2",
    "GB": "gigabyte",
    "TB": "terabyte",
    "MB": "megabyte",
    "PB": "petabyte",
    "GHz": "gigahertz",
    "MHz": "megahertz",
    "TEU": "teu",
    "TEUs": "teu",
    "°C": "degree_Celsius",
    "°F": "degree_Fahrenheit",
    "K": "kelvin",
    "mph": "mile / hour",
    "km/h": "kilometer / hour",
    "bbl": "barrel",
    "l": "liter",
    "ml": "milliliter",
    "lb": "pound",
    "lbs": "pound",
    "oz": "ounce",
}

# Words, matched case-insensitively; plurals and British spellings included.
WORDS: dict[str, str] = {
    "kilowatts": "kilowatt",
    "kilowatt": "kilowatt",
    "megawatts": "megawatt",
    "megawatt": "megawatt",
    "gigawatts": "gigawatt",
    "gigawatt": "gigawatt",
    "terawatt hours": "terawatt_hour",
    "terawatt-hours": "terawatt_hour",
    "kilowatt hours": "kilowatt_hour",
    "kilowatt-hours": "kilowatt_hour",
    "kilometres": "kilometer",
    "kilometers": "kilometer",
    "kilometre": "kilometer",
    "kilometer": "kilometer",
    "metres": "meter",
    "meters": "meter",
    "metre": "meter",
    "meter": "meter",
    "centimetres": "centimeter",
    "centimeters": "centimeter",
    "millimetres": "millimeter",
    "millimeters": "millimeter",
    "nanometres": "nanometer",
    "nanometers": "nanometer",
    "nanometre": "nanometer",
    "nanometer": "nanometer",
    "miles": "mile",
    "mile": "mile",
    "feet": "foot",
    "foot": "foot",
    "inches": "inch",
    "inch": "inch",
    "tonnes": "metric_ton",
    "tonne": "metric_ton",
    "metric tons": "metric_ton",
    "tons": "metric_ton",
    "kilograms": "kilogram",
    "kilogram": "kilogram",
    "grams": "gram",
    "gram": "gram",
    "square metres": "meter ** 2",
    "square meters": "meter ** 2",
    "square kilometres": "kilometer ** 2",
    "square kilometers": "kilometer ** 2",
    "square feet": "foot ** 2",
    "hectares": "hectare",
    "hectare": "hectare",
    "acres": "acre",
    "acre": "acre",
    "litres": "liter",
    "liters": "liter",
    "barrels": "barrel",
    "barrel": "barrel",
    "gigabytes": "gigabyte",
    "terabytes": "terabyte",
    "degrees celsius": "degree_Celsius",
    "degrees fahrenheit": "degree_Fahrenheit",
}

# The unit each dimension is expressed in; the first that fits is used.
CANONICAL_UNITS: tuple[str, ...] = (
    "watt",
    "watt_hour",
    "meter",
    "meter ** 2",
    "meter ** 3",
    "kilogram",
    "byte",
    "hertz",
    "kelvin",
    "meter / second",
    "teu",
)


def _alternation(forms: dict[str, str], boundary: str) -> str:
    ordered = sorted(forms, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"[ \u00a0]") + boundary for f in ordered)


_UNIT_AFTER = compile_pattern(
    r"[ \u00a0]?-?(?:(?P<symbol>"
    + _alternation(SYMBOLS, r"(?![\w/²])")
    + r")|(?i:(?P<word>"
    + _alternation(WORDS, r"(?![\w-])")
    + r")))"
)


def unit_after(text: str, end: int) -> tuple[int, str, str] | None:
    """(end, surface, pint unit) when a unit of measure follows a numeral ending at `end`."""
    match = _UNIT_AFTER.match(text, end)
    if match is None:
        return None
    if match["symbol"]:
        return match.end(), match["symbol"], SYMBOLS[match["symbol"]]
    word = match["word"]
    return match.end(), word, WORDS[re.sub(r"[ \u00a0]+", " ", word.lower())]


# pint unit → (factor, offset, canonical unit, pint dimensionality): value in the canonical
# unit = value × factor + offset. Computed with pint (tests/test_quantities_units.py checks
# every row against it), so that extraction never pays for building a UnitRegistry.
CANONICAL: dict[str, tuple[Decimal, Decimal, str, str]] = {
    "acre": (Decimal("4046.87260987"), Decimal("0"), "meter ** 2", "[length] ** 2"),
    "barrel": (Decimal("0.119240471196"), Decimal("0"), "meter ** 3", "[length] ** 3"),
    "centimeter": (Decimal("0.01"), Decimal("0"), "meter", "[length]"),
    "degree_Celsius": (Decimal("1.00"), Decimal("273.15"), "kelvin", "[temperature]"),
    "degree_Fahrenheit": (
        Decimal(5) / 9,
        Decimal("273.15") - Decimal(160) / 9,
        "kelvin",
        "[temperature]",
    ),
    "foot": (Decimal("0.3048"), Decimal("0"), "meter", "[length]"),
    "foot ** 2": (Decimal("0.09290304"), Decimal("0"), "meter ** 2", "[length] ** 2"),
    "gigabyte": (Decimal("1000000000"), Decimal("0"), "byte", "dimensionless"),
    "gigahertz": (Decimal("1000000000"), Decimal("0"), "hertz", "1 / [time]"),
    "gigawatt": (
        Decimal("1000000000"),
        Decimal("0"),
        "watt",
        "[mass] * [length] ** 2 / [time] ** 3",
    ),
    "gigawatt_hour": (
        Decimal("1000000000"),
        Decimal("0"),
        "watt_hour",
        "[mass] * [length] ** 2 / [time] ** 2",
    ),
    "gram": (Decimal("0.001"), Decimal("0"), "kilogram", "[mass]"),
    "hectare": (Decimal("10000"), Decimal("0"), "meter ** 2", "[length] ** 2"),
    "inch": (Decimal("0.0254"), Decimal("0"), "meter", "[length]"),
    "kelvin": (Decimal("1"), Decimal("0"), "kelvin", "[temperature]"),
    "kilogram": (Decimal("1"), Decimal("0"), "kilogram", "[mass]"),
    "kilometer": (Decimal("1000"), Decimal("0"), "meter", "[length]"),
    "kilometer ** 2": (Decimal("1000000"), Decimal("0"), "meter ** 2", "[length] ** 2"),
    "kilometer / hour": (
        Decimal("0.277777777778"),
        Decimal("0"),
        "meter / second",
        "[length] / [time]",
    ),
    "kilowatt": (Decimal("1000"), Decimal("0"), "watt", "[mass] * [length] ** 2 / [time] ** 3"),
    "kilowatt_hour": (
        Decimal("1000"),
        Decimal("0"),
        "watt_hour",
        "[mass] * [length] ** 2 / [time] ** 2",
    ),
    "liter": (Decimal("0.001"), Decimal("0"), "meter ** 3", "[length] ** 3"),
    "megabyte": (Decimal("1000000"), Decimal("0"), "byte", "dimensionless"),
    "megahertz": (Decimal("1000000"), Decimal("0"), "hertz", "1 / [time]"),
    "megawatt": (Decimal("1000000"), Decimal("0"), "watt", "[mass] * [length] ** 2 / [time] ** 3"),
    "megawatt_hour": (
        Decimal("1000000"),
        Decimal("0"),
        "watt_hour",
        "[mass] * [length] ** 2 / [time] ** 2",
    ),
    "meter": (Decimal("1"), Decimal("0"), "meter", "[length]"),
    "meter ** 2": (Decimal("1"), Decimal("0"), "meter ** 2", "[length] ** 2"),
    "metric_ton": (Decimal("1000"), Decimal("0"), "kilogram", "[mass]"),
    "mile": (Decimal("1609.344"), Decimal("0"), "meter", "[length]"),
    "mile / hour": (Decimal("0.44704"), Decimal("0"), "meter / second", "[length] / [time]"),
    "milliliter": (Decimal("0.000001"), Decimal("0"), "meter ** 3", "[length] ** 3"),
    "millimeter": (Decimal("0.001"), Decimal("0"), "meter", "[length]"),
    "nanometer": (Decimal("1E-9"), Decimal("0"), "meter", "[length]"),
    "ounce": (Decimal("0.028349523125"), Decimal("0"), "kilogram", "[mass]"),
    "petabyte": (Decimal("1000000000000000"), Decimal("0"), "byte", "dimensionless"),
    "pound": (Decimal("0.45359237"), Decimal("0"), "kilogram", "[mass]"),
    "terabyte": (Decimal("1000000000000"), Decimal("0"), "byte", "dimensionless"),
    "terawatt": (
        Decimal("1000000000000"),
        Decimal("0"),
        "watt",
        "[mass] * [length] ** 2 / [time] ** 3",
    ),
    "terawatt_hour": (
        Decimal("1000000000000"),
        Decimal("0"),
        "watt_hour",
        "[mass] * [length] ** 2 / [time] ** 2",
    ),
    "teu": (Decimal("1"), Decimal("0"), "teu", "[container]"),
}


@cache
def _registry() -> Any:
    import pint

    registry: Any = pint.UnitRegistry()
    registry.define("teu = [container] = TEU")  # twenty-foot equivalent unit
    return registry


def canonical(value: Decimal, unit: str) -> tuple[Decimal, str, str]:
    """`value` in `unit` (any pint unit expression) re-expressed in the canonical unit of its
    dimension: (value, canonical unit, pint dimensionality). Units of the surface tables are
    read from `CANONICAL`; anything else goes through pint itself, loaded on first use."""
    if unit in CANONICAL:
        factor, offset, target, dimension = CANONICAL[unit]
        return value * factor + offset, target, dimension
    return pint_canonical(value, unit)


def pint_canonical(value: Decimal, unit: str) -> tuple[Decimal, str, str]:
    """The conversion done by pint, bypassing the table (the table's tests compare with it)."""
    registry = _registry()
    quantity = registry.Quantity(float(value), unit)  # pint's offsets (°C) are floats
    dimension = str(quantity.dimensionality)
    for target in CANONICAL_UNITS:
        if registry.Quantity(1, target).dimensionality == quantity.dimensionality:
            return _decimal(quantity.to(target).magnitude), target, dimension
    base = quantity.to_base_units()
    return _decimal(base.magnitude), str(base.units), dimension


def _decimal(magnitude: float) -> Decimal:
    """A float from pint back to Decimal, rounded to 12 significant digits (no float noise)."""
    return Decimal(f"{magnitude:.12g}")
