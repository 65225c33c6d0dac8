"""Reading Wikidata entity JSON (`Special:EntityData/Q….json`) into reference facts.

Only what the checks use: labels and aliases (names), P1448 official name, P749 parent
organisation, P112 founded by, P169 chief executive officer and P488 chairperson, with their
P580 start time / P582 end time qualifiers and the precision Wikidata gives them (11 day,
10 month, 9 year). Deprecated statements are skipped. A role holder's name is the English
label of their entity when a loaded file contains it (load the people's entity files too),
else their Q-id.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from factcheck.reference.facts import (
    Citation,
    DatePrecision,
    FuzzyDate,
    Organization,
    Person,
    Tenure,
)
from factcheck.reference.loaders import Facts

__all__ = ["ROLE_PROPERTIES", "read_wikidata", "read_wikidata_documents"]

#: Wikidata property → canonical title of the role it states.
ROLE_PROPERTIES: dict[str, str] = {"P169": "CEO", "P488": "chairman", "P112": "founder"}
_START, _END = "P580", "P582"
_OFFICIAL_NAME, _PARENT = "P1448", "P749"
_PRECISION = {11: DatePrecision.DAY, 10: DatePrecision.MONTH, 9: DatePrecision.YEAR}
_HUMAN = "Q5"


def _entities(document: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Entities of an EntityData document ({"entities": {...}}) or of a bare entity."""
    if "entities" in document:
        yield from document["entities"].items()
    elif "id" in document:
        yield str(document["id"]), document


def _label(entity: Mapping[str, Any]) -> str | None:
    value = entity.get("labels", {}).get("en", {}).get("value")
    return str(value) if value else None


def _aliases(entity: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(str(a["value"]) for a in entity.get("aliases", {}).get("en", []) if "value" in a)


def _statements(entity: Mapping[str, Any], prop: str) -> list[Mapping[str, Any]]:
    return [s for s in entity.get("claims", {}).get(prop, []) if s.get("rank") != "deprecated"]


def _value(snak: Mapping[str, Any]) -> Any:
    return snak.get("datavalue", {}).get("value")


def _item_id(snak: Mapping[str, Any]) -> str | None:
    value = _value(snak)
    return str(value["id"]) if isinstance(value, dict) and "id" in value else None


def _time(statement: Mapping[str, Any], prop: str) -> FuzzyDate | None:
    """A qualifier's time at its stated precision; coarser than a year is treated as unknown."""
    for snak in statement.get("qualifiers", {}).get(prop, []):
        value = _value(snak)
        if not isinstance(value, dict) or "time" not in value:
            continue
        precision = _PRECISION.get(int(value.get("precision", 11)))
        if precision is None:
            return None
        year, month, day = value["time"].lstrip("+").split("T")[0].split("-")
        return FuzzyDate(date(int(year), max(int(month), 1), max(int(day), 1)), precision)
    return None


def _is_human(entity: Mapping[str, Any]) -> bool:
    return any(_item_id(s.get("mainsnak", {})) == _HUMAN for s in _statements(entity, "P31"))


def read_wikidata_documents(documents: list[Mapping[str, Any]], where: str) -> Facts:
    """Facts from parsed EntityData documents; people are labelled across all of them."""
    entities = dict(e for doc in documents for e in _entities(doc))
    labels = {qid: _label(entity) or qid for qid, entity in entities.items()}
    facts = Facts()
    for qid, entity in entities.items():
        citation = Citation(f"Wikidata {qid} ({where})", f"https://www.wikidata.org/wiki/{qid}")
        if _is_human(entity):
            facts.people.append(Person(labels[qid], _aliases(entity), citation))
            continue
        parent = next(
            (_item_id(s["mainsnak"]) for s in _statements(entity, _PARENT) if "mainsnak" in s),
            None,
        )
        official = tuple(
            str(v["text"])
            for s in _statements(entity, _OFFICIAL_NAME)
            if isinstance(v := _value(s.get("mainsnak", {})), dict) and "text" in v
        )
        facts.organizations.append(
            Organization(
                name=labels[qid],
                aliases=_aliases(entity),
                legal_names=official,
                parent=labels.get(parent, parent) if parent else None,
                kind="subsidiary" if parent else "company",
                source=citation,
            )
        )
        for prop, role in ROLE_PROPERTIES.items():
            for statement in _statements(entity, prop):
                holder = _item_id(statement.get("mainsnak", {}))
                if holder is None:
                    continue
                facts.tenures.append(
                    Tenure(
                        person=labels.get(holder, holder),
                        organization=labels[qid],
                        role=role,
                        start=_time(statement, _START),
                        end=_time(statement, _END),
                        source=Citation(
                            f"Wikidata {qid} {prop} ({where})",
                            f"https://www.wikidata.org/wiki/{qid}",
                        ),
                    )
                )
    return facts


def read_wikidata(paths: list[Path]) -> Facts:
    """Facts from Wikidata entity JSON files, read together so that people are labelled."""
    documents = []
    for path in paths:
        try:
            documents.append(json.loads(path.read_text(encoding="utf-8")))
        except (json.JSONDecodeError, RecursionError) as err:  # RecursionError: nested too deep
            raise ValueError(f"{path}: not valid JSON: {err}") from None
    return read_wikidata_documents(documents, ", ".join(p.name for p in paths))
