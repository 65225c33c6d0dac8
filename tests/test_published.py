"""Publication dates stated in the text, and weekdays that contradict dates."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.published import detect_published, weekday_mismatches
from factcheck.models import Granularity


def day_of(text: str) -> date | None:
    found = detect_published(text)
    if found is None or found[0].granularity != Granularity.DAY:
        return None
    return found[0].start


def test_labelled_date_line() -> None:
    found = detect_published(" date 2023-05-09 Shares rose on Tuesday.")
    assert found is not None
    period, basis = found
    assert period.start == date(2023, 5, 9) and "date 2023-05-09" in basis
    assert day_of("Published: 4 June 2021\n\nBody text.") == date(2021, 6, 4)


def test_weekday_and_copyright_year_pick_the_year() -> None:
    text = "Headline\n\nOn Thu, 12 Sep, 9:15 AM UTC\n\nBody.\n\n© 2024 Some Outlet"
    found = detect_published(text)
    assert found is not None
    assert found[0].start == date(2024, 9, 12)
    assert "Thu fits 2024" in found[1]


def test_weekday_that_does_not_fit_the_copyright_year_moves_back() -> None:
    text = "On Sat, 12 Sep\n\nBody.\n\n© 2021 Outlet"  # 12 Sep was a Saturday in 2020
    assert day_of(text) == date(2020, 9, 12)


def test_only_a_copyright_line_gives_a_window() -> None:
    found = detect_published("Some article text.\n© 2022 Outlet")
    assert found is not None
    period, basis = found
    assert period.start is None and period.end == date(2023, 1, 1)
    assert "copyright" in basis


def test_unknown_stays_unknown() -> None:
    assert detect_published("An article that never says when it was written.") is None
    assert detect_published("On Mon, 26 Aug, 4:02 PM UTC\n\nno year anywhere") is None


def test_a_sentence_is_not_a_dateline() -> None:
    text = "Chip sales rose sharply on 3 March 2020 after the announcement.\nMore text."
    assert detect_published(text) is None


def test_weekday_mismatch_is_reported() -> None:
    (found,) = weekday_mismatches("The deal closed on Friday, 22 August 2024.", None)
    assert (found.stated, found.day, found.actual) == ("Friday", date(2024, 8, 22), "Thursday")
    assert found.span.text.startswith("Friday")


def test_matching_weekday_is_not_reported() -> None:
    assert weekday_mismatches("It closed on Thursday, 22 August 2024.", None) == []
    assert weekday_mismatches("It closed on Monday.", date(2024, 8, 27)) == []


@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    found = detect_published(text)
    if found is not None:
        period, basis = found
        assert basis
        assert period.start is None or period.end is None or period.start < period.end
    for mismatch in weekday_mismatches(text, None):
        assert text[mismatch.span.start : mismatch.span.end] == mismatch.span.text
