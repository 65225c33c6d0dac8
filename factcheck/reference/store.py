"""The `Reference`: the facts the user trusts, indexed for the questions checks ask.

Built once per report (`load_reference` caches by the files given): the bundled data, then
the user's TOML / CSV / Wikidata JSON files. A fact naming an organisation or person already
known by an alias joins that entry instead of creating a second one, so a Wikidata label
"Alibaba Group" and the bundled "Alibaba" are one organisation.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from factcheck.reference.facts import Organization, Person, Product, Tenure
from factcheck.reference.fiscal import FiscalCalendar, default_calendar, fiscal_calendar
from factcheck.reference.loaders import Facts, read_csv, read_toml, read_toml_text
from factcheck.reference.names import fuzzy_org, name_key, slip_person
from factcheck.reference.titles import HEAD, HEAD_TITLES
from factcheck.reference.wikidata import read_wikidata

__all__ = ["BUNDLED_FILES", "Reference", "load_reference"]

BUNDLED_FILES = ("organizations.toml", "people.toml", "roles.toml")
REFERENCES_KEPT = 8  # `load_reference` remembers this many sets of user files; a run uses one


@dataclass(eq=False)
class Reference:
    """Organisations, products, people and their time-scoped roles, with name resolution.

    Compared and hashed by identity; `surfaces_key` names its content for caches that must
    outlive the object (a copy unpickled in a worker process has the same key).
    """

    organizations: dict[str, Organization] = field(default_factory=dict)
    products: dict[str, Product] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    tenures: list[Tenure] = field(default_factory=list)
    _org_keys: dict[str, str] = field(default_factory=dict, repr=False)
    _product_keys: dict[str, str] = field(default_factory=dict, repr=False)
    _person_keys: dict[str, str] = field(default_factory=dict, repr=False)
    _memo: dict[tuple[str, str], str | None] = field(default_factory=dict, repr=False)
    _surfaces_key: str | None = field(default=None, repr=False)

    # ------------------------------------------------------------------ building

    @classmethod
    def from_facts(cls, facts: Facts) -> Reference:
        ref = cls()
        for org in facts.organizations:
            ref._add_organization(org)
        for person in facts.people:
            ref._add_person(person)
        for product in facts.products:
            maker = ref.resolve_org(product.maker) or product.maker
            ref._add_product(replace(product, maker=maker))
        for tenure in facts.tenures:
            ref.tenures.append(
                replace(
                    tenure,
                    person=ref.resolve_person(tenure.person) or tenure.person,
                    organization=ref.resolve_org(tenure.organization) or tenure.organization,
                )
            )
        return ref

    def _changed(self) -> None:
        self._memo.clear()
        self._surfaces_key = None

    def _add_organization(self, org: Organization) -> None:
        self._changed()
        known = next(
            (self._org_keys[k] for k in map(name_key, org.surfaces) if k in self._org_keys), None
        )
        if known is not None:
            old = self.organizations[known]
            org = replace(
                old,
                aliases=_merged(old.aliases, (org.name, *org.aliases)),
                legal_names=_merged(old.legal_names, org.legal_names),
                tickers=_merged(old.tickers, org.tickers),
                parent=old.parent or org.parent,
                founded=old.founded or org.founded,
            )
        self.organizations[org.name] = org
        for surface in org.surfaces:
            self._org_keys.setdefault(name_key(surface), org.name)

    def _add_person(self, person: Person) -> None:
        self._changed()
        known = next(
            (
                self._person_keys[k]
                for k in map(name_key, person.surfaces)
                if k in self._person_keys
            ),
            None,
        )
        if known is not None:
            old = self.people[known]
            person = replace(old, aliases=_merged(old.aliases, (person.name, *person.aliases)))
        self.people[person.name] = person
        for surface in person.surfaces:
            self._person_keys.setdefault(name_key(surface), person.name)

    def _add_product(self, product: Product) -> None:
        self._changed()
        self.products[product.name] = product
        for surface in product.surfaces:
            self._product_keys.setdefault(name_key(surface), product.name)

    # ------------------------------------------------------------------ names

    def resolve_org(self, name: str) -> str | None:
        """Canonical name of an organisation: alias table first, then rapidfuzz
        (`names.ORG_FUZZY_MIN_SCORE`). A product's name does not resolve (see `product`);
        a subsidiary resolves to itself, not its parent."""
        key = name_key(name)
        if key in self._org_keys:
            return self._org_keys[key]
        if key in self._product_keys:
            return None
        if ("org", key) not in self._memo:
            self._memo[("org", key)] = fuzzy_org(name, self._org_keys)
        return self._memo[("org", key)]

    def resolve_person(self, name: str) -> str | None:
        """Canonical name of a person: aliases (Joseph Tsai, Wu Yongming) first, then
        transcription slips (`names.slip_person`)."""
        key = name_key(name)
        if key in self._person_keys:
            return self._person_keys[key]
        if ("person", key) not in self._memo:
            self._memo[("person", key)] = slip_person(name, self._person_keys.items())
        return self._memo[("person", key)]

    def product(self, name: str) -> Product | None:
        """The product `name` denotes (exact alias), whose `maker` is an organisation."""
        canonical = self._product_keys.get(name_key(name))
        return self.products[canonical] if canonical else None

    def organization(self, name: str) -> Organization | None:
        canonical = self.resolve_org(name)
        return self.organizations.get(canonical) if canonical else None

    def parent_of(self, org: str) -> str | None:
        """The parent of a subsidiary, None for a top-level organisation."""
        entry = self.organization(org)
        return entry.parent if entry else None

    def org_surfaces(self) -> dict[str, str]:
        """Every surface of every organisation → canonical name (for text scanners)."""
        return {s: o.name for o in self.organizations.values() for s in o.surfaces}

    def product_surfaces(self) -> dict[str, str]:
        return {s: p.name for p in self.products.values() for s in p.surfaces}

    def person_surfaces(self) -> dict[str, str]:
        return {s: p.name for p in self.people.values() for s in p.surfaces}

    def surfaces_key(self) -> str:
        """A digest of every surface, its name and its maker, in order: equal for equal
        references, computed once."""
        if self._surfaces_key is None:
            products = [(s, n, self.products[n].maker) for s, n in self.product_surfaces().items()]
            content = [list(self.person_surfaces().items()), products]
            content.append(list(self.org_surfaces().items()))
            encoded = json.dumps(content, ensure_ascii=False).encode()
            self._surfaces_key = hashlib.sha256(encoded).hexdigest()
        return self._surfaces_key

    def fiscal_calendar(self, org: str) -> FiscalCalendar:
        """`org`'s fiscal calendar on record, else the calendar year (marked `is_default`)."""
        canonical = self.resolve_org(org) or org
        return fiscal_calendar(canonical) or default_calendar(canonical)

    # ------------------------------------------------------------------ roles

    def tenures_of_role(self, org: str, role: str) -> tuple[Tenure, ...]:
        """Every tenure on record of `role` at `org` ("head" means any of CEO/chairman/
        president), in date order."""
        canonical = self.resolve_org(org) or org
        roles = HEAD_TITLES if role == HEAD else {role}
        found = [t for t in self.tenures if t.organization == canonical and t.role in roles]
        return tuple(sorted(found, key=_tenure_order))

    def holders(self, org: str, role: str, on: date) -> tuple[Tenure, ...]:
        """Tenures of `role` at `org` that may cover `on` (check `Tenure.covers` for
        certainty: the reference's dates may be month- or year-precise)."""
        return tuple(t for t in self.tenures_of_role(org, role) if t.covers(on) is not False)

    def roles_of(self, person: str) -> tuple[Tenure, ...]:
        """Every tenure on record of `person` (any name variant), in date order."""
        canonical = self.resolve_person(person) or person
        return tuple(sorted((t for t in self.tenures if t.person == canonical), key=_tenure_order))


def _tenure_order(tenure: Tenure) -> tuple[date, str, str]:
    return (tenure.start.earliest if tenure.start else date.min, tenure.role, tenure.person)


def _merged(old: tuple[str, ...], new: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*old, *new)))


def _bundled() -> Facts:
    facts = Facts()
    data = resources.files("factcheck.reference").joinpath("data")
    for name in BUNDLED_FILES:
        facts.extend(read_toml_text(data.joinpath(name).read_text("utf-8"), f"bundled {name}"))
    return facts


def read_facts(path: Path) -> Facts:
    """Facts from one user file, by its suffix: .toml, .csv or .json (Wikidata)."""
    suffix = path.suffix.lower()
    if suffix == ".toml":
        return read_toml(path)
    if suffix == ".csv":
        return read_csv(path)
    if suffix == ".json":
        return read_wikidata([path])
    raise ValueError(f"{path}: reference files are .toml, .csv or .json (Wikidata), not {suffix!r}")


@lru_cache(maxsize=REFERENCES_KEPT)
def _load(extra: tuple[Path, ...]) -> Reference:
    facts = _bundled()
    user = Facts()
    wikidata = [p for p in extra if p.suffix.lower() == ".json"]
    for path in extra:
        if path not in wikidata:
            user.extend(read_facts(path))
    if wikidata:
        user.extend(read_wikidata(wikidata))
    facts.extend(user)
    return Reference.from_facts(facts)


def load_reference(extra: Sequence[Path] = ()) -> Reference:
    """The bundled reference plus the user's files (TOML, CSV, Wikidata JSON), built once per
    set of files. Raises ValueError naming the file for a malformed one, OSError if unreadable.
    The returned object is shared: treat it as read-only."""
    return _load(tuple(Path(p).resolve() for p in extra))
