"""Reference facts the user trusts: organisations (aliases, legal names, tickers, parents),
products and their makers, people and their name variants, time-scoped roles, and fiscal
calendars — bundled as data under `data/`, extended with the user's TOML, CSV or Wikidata
JSON files.

    ref = load_reference([Path("my_facts.toml")])
    ref.resolve_org("Alibaba Group Holding Ltd")      # "Alibaba"
    ref.resolve_person("Wu Yongming")                  # "Eddie Wu"
    ref.holders("Alibaba", "CEO", date(2025, 2, 21))   # (Tenure(person="Eddie Wu", ...),)
"""

from __future__ import annotations

from factcheck.reference.facts import (
    Citation,
    DatePrecision,
    FuzzyDate,
    Organization,
    Person,
    Product,
    Tenure,
)
from factcheck.reference.store import Reference, load_reference, read_facts

__all__ = [
    "Citation",
    "DatePrecision",
    "FuzzyDate",
    "Organization",
    "Person",
    "Product",
    "Reference",
    "Tenure",
    "load_reference",
    "read_facts",
]
