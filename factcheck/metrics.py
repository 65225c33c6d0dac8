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

__all__ = ["METRIC_FAMILIES", "classify_metric", "reported"]

#: How far (characters) from the figure a cue may sit and still name its metric.
CUE_REACH_BEFORE = 90
CUE_REACH_AFTER = 60
#: Families a verb gives ("spent", "put"): a specific measure named right after the figure
#: ("on capital expenditure", "in R&D") says more.
GENERIC_FAMILIES = frozenset({"spending", "investment"})
OBJECT_REACH = 30
ADJACENT = 3  # a cue this close after a figure is its own noun, whatever comes before
PERCENT_REACH_AFTER = 30  # "a 29% increase in revenue"; further on starts the next clause

# (family, side, pattern): `side` is where the cue sits relative to the figure.
_CUES: tuple[tuple[str, str, str], ...] = (
    (
        "tariff_cost",
        "before",
        r"(?:(?:impact|cost|hit|charges?|burden)\s+(?:from|of)\s+(?:[\w.]+\s+){0,2}"
        r"(?:tariffs?|duties|levies)|(?:tariffs?|duties)\s+(?:impact|cost|hit|bill|charges?))"
        r"(?:\s+\w+){0,2}",
    ),
    ("tariff_cost", "after", r"(?:in\s+)?(?:[\w.]+\s+){0,2}(?:tariffs?|duties|levies)\b"),
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
    (
        "gross_margin",
        "before",
        r"gross\s+(?:profit\s+)?margins?(?:\s+\([\w\s]{1,12}\))?(?:\s+\w+){0,4}",
    ),
    (
        "operating_margin",
        "before",
        r"(?:(?:operating|trading|EBIT|EBITDA)(?:\s+(?:profit|income|operating\s+profit))?"
        r"\s+margins?|OPM)(?:\s+\([\w\s]{1,12}\))?(?:\s+\w+){0,4}",
    ),
    ("net_margin", "before", r"net\s+(?:profit\s+)?margins?(?:\s+\w+){0,4}"),
    ("gross_margin", "after", r"gross\s+(?:profit\s+)?margins?"),
    ("operating_margin", "after", r"(?:operating|EBIT|EBITDA)(?:\s+profit)?\s+margins?"),
    ("eps", "before", r"(?:earnings|profit)\s+per\s+share(?:\s+\(\w+\))?(?:\s+\w+){0,3}|EPS"),
    ("roe", "before", r"return\s+on\s+equity(?:\s+\(\w+\))?(?:\s+\w+){0,2}|ROE"),
    (
        "organic_growth",
        "before",
        r"organic\s+(?:sales\s+|revenue\s+)?growth(?:\s+\w+){0,3}",
    ),
    ("organic_growth", "after", r"organic\s+(?:sales\s+|revenue\s+)?growth"),
    ("market_cap", "before", r"market\s+(?:capitali[sz]ation|cap|value)(?:\s+\w+){0,3}"),
    ("market_cap", "after", r"market\s+(?:capitali[sz]ation|cap|value)"),
    ("dividend", "before", r"dividends?(?:\s+per\s+share)?(?:\s+\w+){0,2}"),
    ("dividend", "after", r"dividends?(?:\s+per\s+share)?"),
    ("r_and_d", "before", r"(?:R&D|research\s+and\s+development)(?:\s+\w+){0,3}"),
    ("r_and_d", "after", r"(?:R&D|research\s+and\s+development)"),
    ("deliveries", "before", r"deliver(?:ed|ies|y|ing)(?:\s+\w+){0,3}"),
    ("deliveries", "after", r"(?:\w+\s+){0,2}deliver(?:ed|ies)"),
    ("capex", "after", r"capital\s+(?:expenditure|spending)|capex"),
    (
        "capex",
        "before",
        r"(?:capital\s+(?:expenditures?|spending)|capex)(?:\s+\(\w+\))?(?:\s+\w+){0,2}",
    ),
    ("profit.non_ifrs", "after", r"non-?(?:IFRS|GAAP)\s+(?:net\s+)?(?:profit|income|earnings)"),
    (
        "profit.non_ifrs",
        "before",
        r"(?:adjusted|non-?(?:IFRS|GAAP))\s+(?:net\s+)?(?:profit|income"
        r"|earnings)(?:\s+\w+){0,3}",
    ),
    ("profit.attributable", "before", r"(?:profit|income)\s+attributable(?:\s+\w+){0,4}"),
    (
        "operating_profit",
        "before",
        r"(?:underlying\s+)?(?:trading\s+)?operating\s+(?:profit|income)(?:\s+\(\w+\))?"
        r"(?:\s+\w+){0,3}",
    ),
    ("profit", "before", r"(?:net\s+)?(?:profit|income|earnings)(?:\s+\w+){0,3}"),
    ("profit", "after", r"(?:net\s+)?(?:profit|income|earnings)"),
    (
        "unit_sales",
        "before",
        r"(?:(?:sales|delivery)\s+volumes?|(?:vehicle|unit|car|handset|smartphone)\s+sales"
        r"|units?\s+sold|sold)(?:\s+\w+){0,3}",
    ),
    ("revenue", "before", r"(?:revenues?|turnover)(?:\s+\w+){0,3}"),
    ("revenue", "after", r"(?:in\s+)?(?:revenues?|turnover)"),
    ("sales", "before", r"sales(?:\s+\w+){0,3}"),
    ("sales", "after", r"(?:in\s+)?sales"),
    ("shipments", "before", r"ship(?:ped|s|ping)?|shipments?(?:\s+\w+){0,2}"),
    ("shipments", "after", r"(?:units\s+)?shipped|shipments"),
    ("gross_orders", "before", r"gross\s+orders?(?:\s+\w+){0,3}"),
    ("net_orders", "before", r"net\s+orders?(?:\s+\w+){0,3}"),
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


def _family(
    sentence: str,
    start: int,
    end: int,
    after_only: bool = False,
    reach: int = CUE_REACH_BEFORE,
    reach_after: int = CUE_REACH_AFTER,
    before_first: bool = False,
) -> str | None:
    """The family of the cue nearest the figure `[start, end)` (ties: the earlier table row);
    `before_first`: a cue before the figure wins over any after it (a percentage's measure is
    named first: "revenue reached …, up 29%, and net profit …")."""
    found: list[tuple[int, int, str]] = []
    for rank, (family, side, pattern) in enumerate(_COMPILED):
        if side == "before" and not after_only:
            window_start = max(0, start - reach)
            found += [
                (start - m.end(), rank, family)
                for m in pattern.finditer(sentence, window_start, start)
            ]
        elif side == "after":
            after = pattern.search(sentence, end, min(len(sentence), end + reach_after))
            if after:
                gap = after.start() - end
                late = before_first and gap > ADJACENT  # "9% stake" still names its measure
                found.append((gap + (10**6 if late else 0), rank, family))
    return min(found)[2] if found else None


# A part of a deal named right before its figure: "an initial $10 billion", "will initially
# invest $7.5 billion", "a first tranche of $2bn", "the remaining $17.5 billion".
_TRANCHE_BEFORE = re.compile(
    r"""(?i:\b(?P<initial>initial(?:ly)?|first(?:\s+(?:tranche|closing|instal?lment|round))?
        |upfront)(?:\s+(?:of|invest|inject|put|commit|pay|provide|contribute)\w*)?
        (?:\s+(?:about|around|roughly|some|up\s+to))?\s*(?:an?\s+)?$
        |\b(?P<rest>remaining|further|additional|second(?:\s+(?:tranche|closing))?)\s*$)""",
    re.VERBOSE,
)
TRANCHE_REACH = 35


def _scope(sentence: str, start: int, end: int) -> tuple[str, ...]:
    stop = _CLAUSE_END.search(sentence, end)
    region = sentence[end : stop.start() if stop else len(sentence)]
    found: list[str] = []
    tranche = _TRANCHE_BEFORE.search(sentence, max(0, start - TRANCHE_REACH), start)
    if tranche:
        found.append("first tranche" if tranche.group("initial") else "later tranche")
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


#: Families whose percentages are levels ("gross margin of 59.5%"), not changes of a level.
RATIO_FAMILIES = frozenset(
    {
        "gross_margin",
        "operating_margin",
        "net_margin",
        "roe",
        "organic_growth",
        "market_share",
        "stake",
    }
)
# A change right before a percentage: "rose 5%", "increased by 6%", "a decline of 5%",
# "down 0.09 percent" — but not "grew 1 point to 50.4%", where the figure is the new level.
_CHANGE_BEFORE = re.compile(
    r"""(?i:\b(?:increas(?:e|ed|es|ing)|r[oi]se|rises|rising|risen|grew|grow(?:s|ing|th)?|gain(?:ed|s)?
        |jump(?:ed|s)?|climb(?:ed|s)?|surg(?:e|ed|es)|soar(?:ed|s)?|up|down|fell|fall(?:s|en|ing)?
        |drop(?:ped|s)?|declin(?:e|ed|es|ing)|decreas(?:e|ed|es)|slump(?:ed|s)?|plung(?:e|ed|es)
        |slid|dipped|sank|shr[aiu]nk|improv(?:ed|es)|expand(?:ed|s)|contract(?:ed|s)|lower|higher
        |tumbl(?:ed|es)|slipp?(?:ed|s)?|advanc(?:ed|es)|boost(?:ed)?|cut|reduc(?:ed|tion))
        (?:\s+(?:slightly|sharply|marginally|modestly|strongly|only|further))?
        (?:\s+(?:by|of))?(?:\s+(?:about|around|nearly|roughly|some|almost|over|just|more\s+than
        |less\s+than|an?\s+estimated))?\s*$)""",
    re.VERBOSE,
)
# A change right after one: "a 20% increase", "5.3% decline", "30.3% year-over-year growth".
_CHANGE_AFTER = re.compile(
    r"""(?i:^\s*(?:(?:year|quarter|month)[- ](?:over|on)[- ](?:year|quarter|month)\s+|on[- ]year\s+
        |sequential\s+|annual\s+|y/y\s+|yoy\s+)?(?:increase|rise|growth|gain|jump|surge|drop|decline
        |fall|decrease|slump|plunge|reduction|cut|(?:higher|lower|more|less|up|down)\b))""",
    re.VERBOSE,
)
_YEAR_ON_YEAR = re.compile(
    r"""(?i:\b(?:year[- ](?:over|on)[- ]year|y/y|yoy|on[- ](?:the\s+)?year|from\s+a\s+year
        |a\s+year\s+(?:earlier|ago|before)|(?:the\s+)?same\s+(?:period|quarter|half|time)
        |(?:previous|prior|last|preceding)\s+year|year-earlier|annual(?:ly)?|from\s+\d{4}
        |compared\s+(?:to|with)\s+\d{4}|over\s+\d{4})\b)""",
    re.VERBOSE,
)
_QUARTER_ON_QUARTER = re.compile(
    r"""(?i:\b(?:quarter[- ](?:over|on)[- ]quarter|q/q|qoq|sequential(?:ly)?|on[- ]quarter
        |(?:previous|prior|last|preceding)\s+quarter|quarter-earlier
        |month[- ](?:over|on)[- ]month)\b)""",
    re.VERBOSE,
)
#: How far after a change its basis may be named ("rose 6% from the previous quarter").
BASIS_REACH = 70


def _basis(sentence: str, start: int, end: int) -> str:
    """ "yoy", "qoq" or "" (not stated) for the change at `[start, end)`: the cue after it
    up to the clause's end, else right before it."""
    stop = _CLAUSE_END.search(sentence, end)
    after = sentence[end : min(stop.start() if stop else len(sentence), end + BASIS_REACH)]
    before = sentence[max(0, start - 30) : start]
    for region in (after, before):
        quarter, year = _QUARTER_ON_QUARTER.search(region), _YEAR_ON_YEAR.search(region)
        if quarter and (not year or quarter.start() < year.start()):
            return "qoq"
        if year:
            return "yoy"
    return ""


def classify_metric(sentence: str, figure_offset_in_sentence: int) -> tuple[str, tuple[str, ...]]:
    """(metric, scope words) of the figure starting at `figure_offset_in_sentence` (see
    `_classify`); a figure that is expected rather than reported is marked: "_expected" for a
    company's guidance or forecast ("expects capex of $40 billion"), "_consensus" for analysts'
    and market estimates, which are never compared (providers legitimately differ)."""
    metric, scope = _classify(sentence, figure_offset_in_sentence)
    if metric.startswith("unknown") or metric == "count":
        return metric, scope
    modality = _modality(sentence, max(0, min(figure_offset_in_sentence, len(sentence))))
    if modality is None:
        return metric, scope
    head, dot, basis = metric.partition(".")  # "profit.attributable": the basis stays last
    return f"{head}_{modality}{dot}{basis}", scope


def reported(metric: str) -> str:
    """The measure as reported: "capex_expected" → "capex" (a forecast's base is an actual)."""
    head, dot, basis = metric.partition(".")
    for modality in ("_expected", "_consensus"):
        head = head.removesuffix(modality)
    return f"{head}{dot}{basis}"


# Words that make a figure an expectation, not a result, in its clause before it.
_CONSENSUS = re.compile(
    r"""(?i:\b(?:analysts?['’]?|consensus|market|street|poll(?:ed)?|smartestimate|survey)
        (?:\s+\w+){0,3}?\s+(?:estimates?|expectations?|forecasts?|projections?|views?)
        |\bconsensus\b|\banalysts?\s+(?:had\s+)?(?:expected|estimated|forecast|predicted|polled)
        |\b(?:estimates?|expectations?)\s+(?:of|for)\b)
    |\b[A-Z][\w&]*(?:['’]s)?\s+\w*(?:Estimates?|estimates?|[Ff]orecasts?|[Pp]oll|[Cc]onsensus)\b
    """,
    re.VERBOSE,
)
_EXPECTED = re.compile(
    r"""(?i:\b(?:expects?|expected|expecting|anticipat\w+|forecasts?|forecasted|projects?|projected
        |projections?|guidance|guided|guides|outlook|targets?|targeted|aims?\s+(?:for|at|to)
        |plans?\s+to|planned|budget(?:ed|s)?|will|would|could|should|is\s+set\s+to|to\s+reach
        |estimates?|estimated|predicts?|predicted|preliminary|provisional|flash)\b)""",
    re.VERBOSE,
)
# Where an expectation's clause ends: a new clause, or the actual figure it is set against
# ("projected at $40 billion, surpassing 2024's $29.2 billion", "up from $5bn").
_CLAUSE_START = re.compile(
    r"[.;!?]|,\s+(?:while|but|and|which|whereas|surpassing|exceeding|beating|missing)\b"
    r"|\b(?:while|compared\s+(?:to|with)|up\s+from|down\s+from|than|versus|vs\.?)\b"
)
MODALITY_REACH = 80


def _modality(sentence: str, start: int) -> str | None:
    """ "consensus", "expected" or None, from the figure's clause before it."""
    lo = max(0, start - MODALITY_REACH)
    window = sentence[lo:start]
    cut = max((m.end() for m in _CLAUSE_START.finditer(window)), default=0)
    clause = window[cut:]
    if _CONSENSUS.search(clause):
        return "consensus"
    if _EXPECTED.search(clause):
        return "expected"
    return None


def _classify(sentence: str, figure_offset_in_sentence: int) -> tuple[str, tuple[str, ...]]:
    """(metric, scope words) of the figure starting at `figure_offset_in_sentence`.

    Families: investment, capex, spending, revenue, profit (profit.non_ifrs,
    profit.attributable), operating_profit, gross/operating/net margin, eps, roe,
    organic_growth, market_cap, dividend, r_and_d, deliveries, valuation, funding, stake,
    shipments, orders, price, loan, cash_reserve, market_share, "<family>_share" for a
    percentage of one ("40% of Alibaba's investments"), "count" for a number of things (its
    noun is the scope), and "unknown". A percentage that is a change of a level is
    "<family>_growth" with its basis ("_yoy", "_qoq") when stated: a change and a level, or
    changes on different bases, are different measures. A percentage of a level family with
    no change is "unknown": "revenue … 29%" says too little to compare.
    """
    offset = max(0, min(figure_offset_in_sentence, len(sentence)))
    end = _figure_end(sentence, offset)
    figure = sentence[offset:end]
    scope = _scope(sentence, offset, end)
    if _PERCENT.search(figure) and _OF.match(sentence, end):
        return f"{_family(sentence, end, end, after_only=True) or 'unknown'}_share", scope
    if _PERCENT.search(figure):
        family = _family(sentence, offset, end, reach_after=PERCENT_REACH_AFTER, before_first=True)
        if family == "sales":
            family = _sales_of(sentence)
        return _percent_metric(sentence, offset, end, family), scope
    family = _family(sentence, offset, end)
    if family in GENERIC_FAMILIES:
        # "spent 90 billion yuan on capital expenditure": the object names the measure
        named = _family(sentence, offset, end, after_only=True, reach_after=OBJECT_REACH)
        family = named or family
    if family == "sales":
        money = _CURRENCY_HINT.search(sentence, offset, min(len(sentence), end + 12))
        family = "revenue" if money else "unit_sales"
    if family is None and not _MONEY_HINT.search(figure):
        noun = _COUNT_NOUN.match(sentence, end)
        if noun:
            return "count", (noun.group("noun"), *_scope(sentence, noun.end(), noun.end()))
    return family or "unknown", scope


_CURRENCY_HINT = re.compile(
    r"[$€£¥₩]|(?i:\b(?:yuan|renminbi|dollars?|euros?|pounds?|francs?|won|yen|rupees?)\b)"
    r"|\b(?:RMB|CNY|USD|EUR|CHF|GBP|JPY|KRW|TWD|HKD)\b"
)
# What "sales" counts when a percentage does not say: money ("sales of CHF 91.4 billion")
# or things ("sold 4.27 million vehicles").
_UNITS_HINT = re.compile(
    r"(?i:\b(?:units?|vehicles?|cars?|aircraft|jets|planes|phones?|handsets?|smartphones?"
    r"|devices|homes|copies|tonnes|barrels|deliveries)\b)"
)


def _sales_of(sentence: str) -> str:
    """ "revenue" or "unit_sales" for "sales rose 5%", by what the sentence counts; "sales"
    itself (compared only with other such claims) when it names neither."""
    money, units = _CURRENCY_HINT.search(sentence), _UNITS_HINT.search(sentence)
    if money and not units:
        return "revenue"
    if units and not money:
        return "unit_sales"
    return "sales"


def _percent_metric(sentence: str, start: int, end: int, family: str | None) -> str:
    changed = _CHANGE_BEFORE.search(sentence, max(0, start - 40), start) or _CHANGE_AFTER.match(
        sentence[end:]
    )
    if family in RATIO_FAMILIES and not changed:
        return family
    if family is None and changed:
        # "Revenue is expected to be between … (a 22% year-over-year increase)": a change
        # names its measure once, at the start of its sentence.
        family = _family(sentence, start, end, reach=start, before_first=True)
    if family is None or not changed:
        return "unknown"
    basis = _basis(sentence, start, end)
    return f"{family.split('.')[0]}_growth" + (f"_{basis}" if basis else "")
