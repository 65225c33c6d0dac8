"""Every cache is explicit, bounded and resettable: no document is kept after its run, and
the entity scanner is found again by a reference's content (a copy unpickled in a worker),
never rebuilt per object nor kept for every reference ever seen."""

from __future__ import annotations

import pickle
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from file_helpers import write

from factcheck.extract import entities, extract, money
from factcheck.extract.entities import SCANNERS_KEPT, _scanner, clear_scanners, find_entities
from factcheck.reference import Reference, load_reference, store
from factcheck.reference.facts import Organization
from factcheck.reference.loaders import Facts


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    clear_scanners()
    money.clear_caches()
    yield
    clear_scanners()
    money.clear_caches()


def _reference(n: int) -> Reference:
    return Reference.from_facts(Facts(organizations=[Organization(f"Zarvek Holdings {n}")]))


def test_a_bare_dollar_document_is_not_kept_after_its_extraction() -> None:
    texts = [f"Vega paid ${k}.5 million for the Orlan depot in 2021." for k in range(12)]
    before = sys.getrefcount(texts[0])
    found = 0
    for k in range(len(texts)):  # later texts push the first out of any few-text cache
        found += len(extract(texts[k]))
    after = sys.getrefcount(texts[0])  # outside `assert`: pytest's rewrite holds its terms
    assert found >= len(texts) and after == before


def test_ambiguous_mark_caches_keep_a_few_texts_and_clear() -> None:
    for k in range(3 * money.TEXTS_KEPT):
        extract(f"Orlan Foods earned ¥{k + 2} billion in yuan terms, and NPR {k} in Nepal.")
    for cached in (money.resolve_mark, money._names_currency):
        info = cached.cache_info()
        assert info.maxsize == money.TEXTS_KEPT and 0 < info.currsize <= money.TEXTS_KEPT
    money.clear_caches()
    assert money.resolve_mark.cache_info().currsize == 0
    assert money._names_currency.cache_info().currsize == 0


def test_an_unpickled_reference_finds_the_scanner_already_built() -> None:
    reference = load_reference()
    scanner = _scanner(reference)
    copy = pickle.loads(pickle.dumps(reference))
    assert copy is not reference and copy.surfaces_key() == reference.surfaces_key()
    assert _scanner(copy) is scanner
    assert find_entities("Alibaba grew.", copy) == find_entities("Alibaba grew.", reference)


def test_equal_content_shares_a_scanner_and_other_content_does_not() -> None:
    assert _scanner(_reference(1)) is _scanner(_reference(1))
    assert _scanner(_reference(1)) is not _scanner(_reference(2))


def test_a_reference_changed_after_its_key_gets_a_new_key() -> None:
    reference = _reference(1)
    key = reference.surfaces_key()
    reference._add_organization(Organization("Quillon Works"))
    assert reference.surfaces_key() != key
    (found,) = find_entities("Quillon Works hired.", reference)
    assert found.name == "Quillon Works"


def test_the_scanner_cache_keeps_the_most_recent_few() -> None:
    first = _reference(0)
    kept = _scanner(first)
    for n in range(1, 3 * SCANNERS_KEPT):
        _scanner(_reference(n))
        _scanner(first)  # used again: stays
    assert len(entities._SCANNERS) == SCANNERS_KEPT
    assert _scanner(first) is kept
    clear_scanners()
    assert not entities._SCANNERS


def test_references_are_kept_for_a_few_sets_of_files(tmp_path: Path) -> None:
    store._load.cache_clear()
    for n in range(store.REFERENCES_KEPT + 3):
        facts = tmp_path / f"house-{n}.toml"
        write(facts, f'[[organization]]\nname = "Zarvek {n}"\nsource = "style guide"\n')
        assert load_reference([facts]).resolve_org(f"Zarvek {n}") == f"Zarvek {n}"
    assert store._load.cache_info().currsize == store.REFERENCES_KEPT
    store._load.cache_clear()
    assert store._load.cache_info().currsize == 0
