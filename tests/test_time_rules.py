"""Rule cues: a rule skipped for a text (none of its cues there) must find nothing in it (no
match its handler accepts), so that skipping it changes nothing."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from rule_cues import assert_skipped_rules_find_nothing

from factcheck.extract.time_rules import RULES, Prefer, cues_in, rules_for
from factcheck.extract.time_words import DAY_WORDS, MONTHS, UNITS, WEEKDAYS
from factcheck.normalize import periods as P

# Pieces of time expressions, joined in any order and case: near misses of every rule.
WORDS = sorted(
    {*MONTHS, *WEEKDAYS, *UNITS, *DAY_WORDS, *P.HOLIDAYS}
    | set(
        "the of in on at to from by since last next this past previous coming following ago "
        "later earlier before after within same rest quarter half first second twenty nineteen "
        "thousand nineties century fiscal FY Q3 H1 noon midnight morning evening o'clock pm am "
        "s 's ’s . , - / : – 1 2 9 12 13 24 31 87 1990 2024 2024-08 08/27 27.08.2024 "
        "EOM BOY end beginning middle summer fall winter few all but than GMT 1430 330 oh half "
        "wkend 3rd 1/4 quarters business working work week weekdays days weekend ( ) $ "
        "every upcoming customer million eidulfitr 15h 20240827 '90s 90s FY CY fiscal at @ 3pm "
        "9.30 10-4 5/12 7.6 1030 tonight hours aladha al-Adha yrs 5yrs into stock "
        "twenty-first".split()
    )
)
# Letters that `re.IGNORECASE` takes for ASCII ones: dotted and dotless i, long s, Kelvin.
ODD_LETTERS = "\u0130\u0131\u017f\u212a"
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(str.upper),
    st.sampled_from(WORDS).map(str.title),
    st.text(alphabet=st.sampled_from(" \n" + ODD_LETTERS + "aeikmnorstuy0123456789"), max_size=4),
)
TEXTS = st.lists(PIECES, max_size=12).map(" ".join) | st.lists(PIECES, max_size=12).map("".join)


@settings(max_examples=600)
@given(TEXTS, st.sampled_from(["past", "future"]), st.sampled_from([None, date(2024, 8, 27)]))
def test_a_skipped_rule_has_no_hit(text: str, prefer: Prefer, reference: date | None) -> None:
    assert_skipped_rules_find_nothing(text, prefer, reference)


# Short words whose pairs are where cues go wrong: an ordinal after "on", a clock after "half".
PAIR_WORDS = (
    "on by from until the first second twenty-first 21st at 3 15 1030 9.30 pm 3pm in days ago "
    "yrs 5yrs upcoming FY2024 aladha al-Adha 1990s 20240827 2024 12/5 Fri 7.6 o'clock GMT "
    "tonight half past to noon"
).split()


def test_every_pair_of_short_words_skips_no_hit() -> None:
    for first in PAIR_WORDS:
        for second in PAIR_WORDS:
            assert_skipped_rules_find_nothing(f"{first} {second}", "future", date(2024, 8, 27))


def test_a_text_without_time_words_skips_most_rules() -> None:
    kept = rules_for("The bonds were sold through a group led by the bank.")
    assert len(kept) < len(RULES) // 2


def test_letters_that_match_ascii_ones_count_as_them() -> None:
    assert "<weekday>" in cues_in("FR\u0130DAY")  # re.I reads the dotted capital I as an i
    assert "yesterday" in cues_in("ye\u017fterday")  # and the long s as an s
