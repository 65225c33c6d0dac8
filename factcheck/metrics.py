"""What a figure measures: a metric family from the words around it, plus scope words.

The family is read from the cue nearest the figure in the same sentence, on the side where
such a cue sits in news English ("invested 23 billion yuan" — verb before; "a $7 billion
investment" — noun after; "valued at $1 billion"). Profit keeps its accounting basis in the
family name ("profit.non_ifrs", "profit.attributable"): an IFRS and a non-IFRS profit differ
by definition, never by error. Scope words ("AI chips", "cloud") narrow the metric: a claim
with a narrower scope is a part, not a conflicting value.

Funding figures ("injected $1 billion into Moonshot", "$800 million to the creators of Kimi")
take the *investee* as subject (see `subjects.bind_subject`); the investor is not a scope.
"""

from __future__ import annotations

import re

__all__ = ["METRIC_FAMILIES", "classify_metric"]

#: How far (characters) from the figure a cue may sit and still name its metric.
CUE_REACH_BEFORE = 90
CUE_REACH_AFTER = 60

# (family, side, pattern): `side` is where the cue sits relative to the figure.
_CUES: tuple[tuple[str, str, str], ...] = (
    ("cash_reserve", "after", r"cash\s+(?:reserves?|pile|holdings?|hoard)|war\s+chest"),
    ("cash_reserve", "before", r"cash\s+(?:reserves?|pile|holdings?)\s+(?:of|at|stood\s+at)"),
    ("valuation", "before", r"valu(?:ed|ing|ation)\s+(?:\w+\s+){0,2}(?:at|of)|worth"),
    ("valuation", "after", r"valuation"),
    ("market_share", "after", r"(?:of\s+the\s+)?market\s+share|share\s+of\s+the\s+market"),
    ("market_share", "before", r"market\s+share\s+(?:of|at|to)"),
    ("stake", "after", r"stake|of\s+(?:the\s+)?shares"),
    ("funding", "before", r"inject(?:ed|s|ing)?|rais(?:ed|es|ing)|funding\s+(?:of|round\s+of)"),
    (
        "funding",
        "after",
        r"(?:funding|financing)(?:\s+round)?|round|into\s+[\w\s'’]{0,30}capital"
        r"|to\s+the\s+(?:creators?|makers?|developers?|founders?)\s+of",
    ),
    ("capex", "after", r"capital\s+(?:expenditure|spending)|capex"),
    ("capex", "before", r"(?:capital\s+(?:expenditure|spending)|capex)(?:\s+\w+){0,2}"),
    ("profit.non_ifrs", "after", r"non-?(?:IFRS|GAAP)\s+(?:net\s+)?(?:profit|income|earnings)"),
    (
        "profit.non_ifrs",
        "before",
        r"(?:adjusted|non-?(?:IFRS|GAAP))\s+(?:net\s+)?(?:profit|income"
        r"|earnings)(?:\s+\w+){0,3}",
    ),
    ("profit.attributable", "before", r"(?:profit|income)\s+attributable(?:\s+\w+){0,4}"),
    ("profit.operating", "before", r"operating\s+(?:profit|income)(?:\s+\w+){0,3}"),
    ("profit", "before", r"(?:net\s+)?(?:profit|income|earnings)(?:\s+\w+){0,3}"),
    ("profit", "after", r"(?:net\s+)?(?:profit|income|earnings)"),
    ("revenue", "before", r"(?:revenues?|sales|turnover)(?:\s+\w+){0,3}"),
    ("revenue", "after", r"(?:in\s+)?(?:revenues?|sales|turnover)"),
    ("shipments", "before", r"ship(?:ped|s|ping)?|shipments?(?:\s+\w+){0,2}"),
    ("shipments", "after", r"(?:units\s+)?shipped|shipments"),
    ("orders", "before", r"order(?:ed|s)?(?:\s+\w+){0,2}|backlog"),
    ("orders", "after", r"(?:in\s+)?orders|backlog"),
    ("price", "before", r"pric(?:ed|e|es)\s+(?:\w+\s+){0,2}(?:at|of)|costs?|sells?\s+for"),
    ("price", "after", r"price(?:\s+tag)?|each\s+unit"),
    ("loan", "after", r"(?:in\s+)?loans?"),
    ("spending", "before", r"spen[dt](?:ing|s)?(?:\s+\w+){0,3}|expenditure(?:\s+\w+){0,2}"),
    ("spending", "after", r"(?:in\s+)?(?:spending|expenditure)"),
    (
        "investment",
        "before",
        r"invest(?:ed|s|ing|ment|ments)?(?:\s+\w+){0,3}|pour(?:ed|s|ing)?"
        r"|allocat(?:e|ed|es|ing)|commit(?:ted|s|ting)?|plow(?:ed|s|ing)?|put",
    ),
    ("investment", "after", r"(?:AI\s+)?investments?|commitment|(?:in\s+)?investments"),
)
_COMPILED = tuple(
    (family, side, re.compile(rf"(?<![\w-])(?i:{pattern})(?![\w])"))
    for family, side, pattern in _CUES
)
METRIC_FAMILIES = tuple(dict.fromkeys(family for family, _, _ in _CUES))

# The figure itself, to find where it ends: "$7 billion", "23 billion yuan ($3.22 billion)",
# "40%", "100 large language models".
_FIGURE = re.compile(
    r"""
    (?:(?:US|HK|S|A|NZ|C)?\$|€|£|¥|RMB\s?|CNY\s?|USD\s?)?\s*  # a leading currency sign
    \d[\d,.]*                                          # the digits
    (?:\s*(?:trillion|billion|million|thousand|bn|mn|m|k|tn)\b)?  # a scale word
    (?:\s*(?:%|percent|per\s+cent|percentage\s+points?))?
    (?:\s*(?:yuan|renminbi|dollars?|euros?|pounds?|yen|won|rupees?|US\s+dollars?))?
    (?:\s*\([^)]{1,40}\))?                              # a restatement "($7 billion)"
    """,
    re.VERBOSE,
)
_PERCENT = re.compile(r"(?:%|percent|per\s+cent)")
_OF = re.compile(r"\s+of\b")
# A counted noun: up to four words ending in a plural, never crossing a function word.
_NOUN_WORD = r"(?!(?:this|that|these|those|the|a|an|in|on|at|by|for|of|to|and|or|over|last|next)\b)"
_COUNT_NOUN = re.compile(
    rf"\s+(?P<noun>(?:{_NOUN_WORD}[\w-]+\s+){{0,3}}{_NOUN_WORD}[a-z][\w-]*s)\b"
)
_MONEY_HINT = re.compile(r"[$€£¥]|yuan|dollar|euro|pound|RMB|CNY|USD|\bbn\b|billion|million", re.I)

# Scope vocabulary: canonical scope → pattern. More specific AI scopes come first; the bare
# "AI" scope applies only when none of them matched.
_SCOPES: tuple[tuple[str, str], ...] = (
    (
        "AI chips",
        r"AI\s+(?:chips?|semiconductors?|processors?|accelerators?)(?:\s+(?:development|"
        r"technolog(?:y|ies)|design))?|(?:chips?|semiconductors?)\s+for\s+AI",
    ),
    ("AI infrastructure", r"AI\s+infrastructure|infrastructure\s+for\s+(?:AI|training)"),
    ("AI startups", r"AI\s+start-?ups?"),
    ("large language models", r"large\s+language\s+models?|LLMs?"),
    ("cloud", r"cloud(?:\s+computing)?(?:\s+infrastructure)?"),
    ("data centres", r"data\s+cent(?:er|re)s?"),
    ("chips", r"(?<!AI\s)(?:chips?|semiconductors?|processors?)"),
    ("loans", r"loans?"),
    ("each", r"each|apiece|per\s+(?:company|startup|firm)"),
    ("AI", r"AI|artificial\s+intelligence"),
)
_SCOPE_PATTERNS = tuple(
    (
        scope,
        re.compile(
            rf"(?<![\w-])(?:{p})(?![\w-])",
            re.I
            if scope
            not in {"AI", "AI chips", "AI infrastructure", "AI startups", "large language models"}
            else 0,
        ),
    )
    for scope, p in _SCOPES
)
_PREVIOUS_WORD = re.compile(r"([\w.]+)\s+$")
_CLAUSE_END = re.compile(
    r"[.;!?]|,\s+(?:while|but|and|which|as|a\s|an\s)|\s+(?:while|whereas)\b"
    r"|\s+and\s+(?:is|are|was|were|has|have|had|will|also)\b"
)


def _figure_end(sentence: str, offset: int) -> int:
    match = _FIGURE.match(sentence, offset)
    return match.end() if match and match.end() > offset else min(len(sentence), offset + 1)


def _family(sentence: str, start: int, end: int, after_only: bool = False) -> str | None:
    """The family of the cue nearest the figure `[start, end)` (ties: the earlier table row)."""
    found: list[tuple[int, int, str]] = []
    for rank, (family, side, pattern) in enumerate(_COMPILED):
        if side == "before" and not after_only:
            window_start = max(0, start - CUE_REACH_BEFORE)
            found += [
                (start - m.end(), rank, family)
                for m in pattern.finditer(sentence, window_start, start)
            ]
        elif side == "after":
            after = pattern.search(sentence, end, min(len(sentence), end + CUE_REACH_AFTER))
            if after:
                found.append((after.start() - end, rank, family))
    return min(found)[2] if found else None


def _scope(sentence: str, start: int, end: int) -> tuple[str, ...]:
    stop = _CLAUSE_END.search(sentence, end)
    region = sentence[end : stop.start() if stop else len(sentence)]
    found: list[str] = []
    for scope, pattern in _SCOPE_PATTERNS:
        if scope == "AI" and any(s.startswith("AI") for s in found):
            continue
        if any(not _in_name(region, m.start()) for m in pattern.finditer(region)):
            found.append(scope)
    return tuple(found)


def _in_name(region: str, at: int) -> bool:
    """True when the word at `at` continues a proper name ("Kimi AI", "Moonshot AI")."""
    before = _PREVIOUS_WORD.search(region, 0, at)
    return bool(before and before.group(1)[0].isupper())


def classify_metric(sentence: str, figure_offset_in_sentence: int) -> tuple[str, tuple[str, ...]]:
    """(metric family, scope words) of the figure starting at `figure_offset_in_sentence`.

    Families: investment, capex, spending, revenue, profit (profit.non_ifrs,
    profit.attributable, profit.operating), valuation, funding, stake, shipments, orders,
    price, loan, cash_reserve, market_share, "<family>_share" for a percentage of one
    ("40% of Alibaba's investments"), "count" for a number of things (its noun is the scope),
    and "unknown".
    """
    offset = max(0, min(figure_offset_in_sentence, len(sentence)))
    end = _figure_end(sentence, offset)
    figure = sentence[offset:end]
    scope = _scope(sentence, offset, end)
    if _PERCENT.search(figure) and _OF.match(sentence, end):
        return f"{_family(sentence, end, end, after_only=True) or 'unknown'}_share", scope
    family = _family(sentence, offset, end)
    if family is None and not _MONEY_HINT.search(figure):
        noun = _COUNT_NOUN.match(sentence, end)
        if noun:
            return "count", (noun.group("noun"), *_scope(sentence, noun.end(), noun.end()))
    return family or "unknown", scope
