"""Every check's documented examples, run through the whole pipeline.

Each check fires on its `fires` sources and stays quiet on its `quiet` ones, so the examples
that `factcheck checks` prints are true by construction.
"""

from __future__ import annotations

import pytest

import factcheck
from factcheck.compare import CHECKS
from factcheck.compare.base import EXAMPLE_PUBLISHED, CheckInfo
from factcheck.sources import source_from_text


def codes(texts: tuple[str, ...]) -> set[str]:
    sources = [
        source_from_text(f"ex{i}", t, published=EXAMPLE_PUBLISHED) for i, t in enumerate(texts)
    ]
    return {f.code for f in factcheck.check(sources).findings}


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.code)
def test_the_check_fires_on_its_example(check: CheckInfo) -> None:
    assert check.fires, f"{check.code} has no example it fires on"
    assert check.code in codes(check.fires)


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.code)
def test_the_check_stays_quiet_on_its_counter_example(check: CheckInfo) -> None:
    assert check.quiet, f"{check.code} has no example it stays quiet on"
    assert check.code not in codes(check.quiet)
