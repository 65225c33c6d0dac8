"""Reading reference facts from TOML and CSV files into `Facts`.

One TOML schema serves the bundled data and the user's own files: arrays of tables named
`organization`, `product`, `person` and `role` (see docs/reference.md). CSV files hold one
kind of fact each, told apart by their header: a `role` column makes a tenure table, an
`organization` column with `alias` an alias table, a `person` column with `alias` likewise.
"""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.reference.facts import Citation, FuzzyDate, Organization, Person, Product, Tenure
from factcheck.reference.titles import canonical_title

__all__ = ["Facts", "read_csv", "read_toml", "read_toml_text"]


@dataclass
class Facts:
    """Facts gathered from one or more files, in reading order (later files add to earlier)."""

    organizations: list[Organization] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    tenures: list[Tenure] = field(default_factory=list)

    def extend(self, other: Facts) -> None:
        self.organizations += other.organizations
        self.products += other.products
        self.people += other.people
        self.tenures += other.tenures


def _strings(entry: Mapping[str, Any], key: str) -> tuple[str, ...]:
    raw = entry.get(key) or ()
    if isinstance(raw, str):
        raw = [part for part in raw.split(";")]
    return tuple(str(item).strip() for item in raw if str(item).strip())


def _citation(entry: Mapping[str, Any], where: str) -> Citation:
    text = str(entry.get("source") or "").strip()
    if not text:
        raise ValueError(f"{where}: every fact needs a `source` (where it was taken from)")
    url = str(entry.get("url") or "").strip() or None
    return Citation(text, url)


def _date(raw: Any, where: str) -> FuzzyDate | None:
    if raw in (None, ""):
        return None
    try:
        return FuzzyDate.parse(raw)
    except ValueError as err:
        raise ValueError(f"{where}: {err}") from None


def _required(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = str(entry.get(key) or "").strip()
    if not value:
        raise ValueError(f"{where}: missing `{key}`")
    return value


def _organization(entry: Mapping[str, Any], where: str) -> Organization:
    return Organization(
        name=_required(entry, "name", where),
        aliases=_strings(entry, "aliases"),
        legal_names=_strings(entry, "legal_names"),
        tickers=_strings(entry, "tickers"),
        parent=str(entry.get("parent") or "").strip() or None,
        kind=str(entry.get("kind") or "company"),
        founded=_date(entry.get("founded"), where),
        source=_citation(entry, where),
    )


def _product(entry: Mapping[str, Any], where: str) -> Product:
    return Product(
        name=_required(entry, "name", where),
        maker=_required(entry, "maker", where),
        aliases=_strings(entry, "aliases"),
        source=_citation(entry, where),
    )


def _person(entry: Mapping[str, Any], where: str) -> Person:
    return Person(
        name=_required(entry, "name", where),
        aliases=_strings(entry, "aliases"),
        source=_citation(entry, where),
    )


def _tenure(entry: Mapping[str, Any], where: str) -> Tenure:
    surface = _required(entry, "role", where)
    role = canonical_title(surface) or surface
    return Tenure(
        person=_required(entry, "person", where),
        organization=_required(entry, "organization", where),
        role=role,
        start=_date(entry.get("start"), where),
        end=_date(entry.get("end"), where),
        source=_citation(entry, where),
    )


def read_toml_text(text: str, where: str) -> Facts:
    """Facts from TOML text; `where` names it in error messages."""
    try:
        table = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as err:  # RecursionError: nested too deep
        raise ValueError(f"{where}: not valid TOML: {err}") from None
    facts = Facts()
    for i, entry in enumerate(table.get("organization", [])):
        facts.organizations.append(_organization(entry, f"{where} organization #{i + 1}"))
    for i, entry in enumerate(table.get("product", [])):
        facts.products.append(_product(entry, f"{where} product #{i + 1}"))
    for i, entry in enumerate(table.get("person", [])):
        facts.people.append(_person(entry, f"{where} person #{i + 1}"))
    for i, entry in enumerate(table.get("role", [])):
        facts.tenures.append(_tenure(entry, f"{where} role #{i + 1}"))
    return facts


def read_toml(path: Path) -> Facts:
    return read_toml_text(path.read_text(encoding="utf-8"), str(path))


def _rows(path: Path) -> Iterable[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            yield line, {k.strip(): (v or "").strip() for k, v in row.items() if k}


def read_csv(path: Path) -> Facts:
    """Facts from a CSV file: a tenure table (columns person, organization, role, start, end,
    source, url) or an alias table (organization or person, alias, source, url)."""
    with path.open(encoding="utf-8", newline="") as handle:
        header = {name.strip() for name in next(csv.reader(handle), [])}
    facts = Facts()
    for line, row in _rows(path):
        where = f"{path}:{line}"
        if "role" in header:
            facts.tenures.append(_tenure(row, where))
        elif {"organization", "alias"} <= header:
            facts.organizations.append(
                Organization(
                    name=_required(row, "organization", where),
                    aliases=_strings(row, "alias"),
                    parent=row.get("parent") or None,
                    source=_citation(row, where),
                )
            )
        elif {"person", "alias"} <= header:
            facts.people.append(
                Person(
                    name=_required(row, "person", where),
                    aliases=_strings(row, "alias"),
                    source=_citation(row, where),
                )
            )
        else:
            raise ValueError(
                f"{path}: a reference CSV needs a `role` column (tenures) or `organization`/"
                f"`person` with `alias` (aliases); found {sorted(header)}"
            )
    return facts
