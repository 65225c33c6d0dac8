#!/usr/bin/env python3
"""A synthetic news corpus with planted agreements, conflicts and traps, for the scale benchmark.

    python benchmarks/corpus.py --sources 1000 --seed 7 --out /tmp/corpus

writes one `.md` file per source (TOML front matter: published date, outlet, title; then a
few short paragraphs of results news about invented companies) and `manifest.json`, the
planted facts: every *story* (one company, metric and period, told by two to four sources)
with the figure each source gives and what the checker should make of it:

- agreement: the same figure, exact, rounded, "about", "more than", or in yuan or euros
  converted at the ECB reference rate of the source's publication date;
- conflict: one source disagrees. `expect` is the finding code: FC101 (another value),
  FC104 (a ×10 or ×1,000 slip), FC103 (a wrong stated conversion "X yuan ($Y)"), FC102 (one
  figure credited to a company and to a group containing it);
- trap: figures that must not be flagged: rounding, currency, a half-year inside its year,
  a different metric, a narrower scope.

Every story has companies of its own, so stories never interfere. The same seed gives
byte-identical files. Stdlib plus factcheck's own rate table (for the conversions).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.normalize.currency import rate_on

MANIFEST = "manifest.json"
BILLION = Decimal(10) ** 9
MILLION = Decimal(10) ** 6

# ------------------------------------------------------------------ vocabulary (all invented)

_ONSETS = "B C D F G H K L M N P R S T V Z Br Cr Dr Gr Kr Pr Tr St Sk Qu".split()
_VOWELS = "a e i o u".split()
_MIDDLES = "l r n m v s t d nd rt lv st".split()
_ENDINGS = "an en in on ar el is ex or um ax ia".split()
_TRADES = (
    "Robotics Freight Textiles Foods Minerals Optics Shipping Ceramics Polymers Logistics "
    "Batteries Turbines Fabrics Orchards Pharma Metals Cables Paper Glassworks Motors"
).split()
_SUFFIXES = "Corp Holdings Group Ltd Inc".split()
_OUTLETS = (
    "The Harbour Ledger",
    "Northgate Business Daily",
    "Meridian Markets Wire",
    "The Copperline Post",
    "Eastward Finance Review",
    "Tidewater Trade Journal",
)
_TITLES = (
    "Results roundup",
    "Company earnings in brief",
    "Business briefing",
    "Markets and companies",
    "Corporate results digest",
    "What companies reported",
)
_FILLERS = (
    "Analysts had expected a steadier performance across the sector.",
    "Investors will be watching the next set of figures closely.",
    "The wider industry has struggled with higher input costs.",
    "Executives pointed to firmer demand from overseas customers.",
    "Several brokers have revised their forecasts in recent weeks.",
    "Competition for skilled workers remains intense in the region.",
    "Shipping delays eased compared with the previous reporting period.",
    "Management repeated its outlook and declined to comment on rumours.",
    "Trading in the shares was subdued ahead of the announcement.",
    "Regulators have not commented on the figures.",
    "Industry groups say the market is still finding its footing.",
    "Suppliers reported steady orders from the larger manufacturers.",
    "Bankers say the appetite for new listings has picked up again.",
    "Freight rates have been volatile, complicating planning for exporters.",
    "Some customers have delayed orders while they wait for clearer prices.",
    "Local officials welcomed plans for new jobs at several plants.",
    "Economists caution that consumer spending may soften later on.",
    "Rivals have been cutting prices to defend their market positions.",
)
_AFTERWORDS = (
    "The company did not comment further.",
    "Its shares were little changed in afternoon trading.",
    "A spokesperson declined to give details.",
    "Management described the figures as encouraging.",
    "The board is due to meet again soon.",
)
_ORDINALS = ("first", "second", "third", "fourth")

# Sentence templates: {c} company, {v} figure, {p} period phrase, {P} period phrase opening a
# sentence. Each metric has several wordings; scope templates name a narrower scope.
_TEMPLATES: dict[str, tuple[str, ...]] = {
    "revenue": (
        "{c} reported revenue of {v} {p}.",
        "{c}'s revenue {p} came to {v}, according to its filing.",
        "{P}, {c} posted sales of {v}.",
        "{c} said its revenue reached {v} {p}.",
        "{c} booked {v} in revenue {p}, a figure it published on its website.",
    ),
    "profit": (
        "{c} posted a net profit of {v} {p}.",
        "{c}'s net profit {p} was {v}.",
        "{P}, {c} earned a net profit of {v}.",
    ),
    "investment": (
        "{c} invested {v} in new production lines {p}.",
        "{P}, {c} invested {v} in its warehouses.",
    ),
    "capex": (
        "{c}'s capital expenditure {p} reached {v}.",
        "{P}, {c} kept capital expenditure at {v}.",
    ),
}
_GROUP_TEMPLATES = (
    "{c} together invested {v} in new production lines {p}.",
    "{P}, {c} jointly invested {v} in shared warehouses.",
)
_SCOPE_TEMPLATES = (
    "{c} reported revenue of {v} from its cloud business {p}.",
    "{c} made revenue of {v} from chips {p}, it said.",
)
_METRICS = ("revenue", "profit", "capex")

# Story kinds: (kind, expected finding code or None, how many sources tell it, weight).
_KINDS: tuple[tuple[str, str | None, tuple[int, int], int], ...] = (
    ("agreement", None, (2, 4), 24),
    ("value", "FC101", (2, 4), 8),
    ("magnitude", "FC104", (2, 3), 6),
    ("conversion", "FC103", (2, 3), 6),
    ("same_figure", "FC102", (2, 3), 6),
    ("rounding", None, (3, 4), 10),
    ("currency", None, (2, 3), 10),
    ("half_year", None, (2, 3), 10),
    ("metric", None, (2, 2), 10),
    ("scope", None, (2, 2), 10),
)
_CATEGORY = {
    "agreement": "agreement",
    "rounding": "trap",
    "currency": "trap",
    "half_year": "trap",
    "metric": "trap",
    "scope": "trap",
}


# ------------------------------------------------------------------ figures


def significant(x: Decimal, digits: int, rounding: str = ROUND_HALF_EVEN) -> Decimal:
    """`x` rounded to `digits` significant digits."""
    exponent = x.adjusted() - digits + 1
    return x.quantize(Decimal(1).scaleb(exponent), rounding=rounding)


def _number(x: Decimal) -> str:
    """A plain figure: "4.12", "1,620" (never an exponent)."""
    return f"{x.normalize():,f}"


def money(amount: Decimal, currency: str, digits: int = 3, style: int = 0) -> str:
    """`amount` (in units of `currency`) as a news figure: "$4.12 billion", "29.3 billion yuan"."""
    scale, word = (BILLION, "billion") if amount >= BILLION else (MILLION, "million")
    n = _number(significant(amount / scale, digits))
    if currency == "USD":
        return (f"${n} {word}", f"US${n} {word}", f"{n} {word} dollars")[style % 3]
    if currency == "CNY":
        return (f"{n} {word} yuan", f"RMB {n} {word}")[style % 2]
    return f"€{n} {word}"


def _more_than(amount: Decimal) -> str:
    """ "more than $4 billion": two digits, rounded down, strictly below the amount."""
    scale = BILLION if amount >= BILLION else MILLION
    low = significant(amount / scale, 2, ROUND_DOWN)
    if low * scale >= amount:
        low -= Decimal(1).scaleb(low.adjusted() - 1)
    return "more than " + money(low * scale, "USD", 2)


# ------------------------------------------------------------------ periods


@dataclass(frozen=True)
class Period:
    kind: str  # "quarter", "half", "year"
    year: int
    part: int = 0

    def phrase(self, rng: random.Random) -> str:
        if self.kind == "quarter":
            return rng.choice(
                (
                    f"in the {_ORDINALS[self.part - 1]} quarter of {self.year}",
                    f"in Q{self.part} {self.year}",
                )
            )
        if self.kind == "half":
            half = "first" if self.part == 1 else "second"
            return rng.choice(
                (f"in the {half} half of {self.year}", f"for the {half} half of {self.year}")
            )
        return rng.choice(
            (f"in {self.year}", f"for the full year {self.year}", f"in fiscal {self.year}")
        )

    def label(self) -> str:
        return {"quarter": f"Q{self.part} {self.year}", "half": f"H{self.part} {self.year}"}.get(
            self.kind, str(self.year)
        )


def _random_period(rng: random.Random) -> Period:
    year = rng.randint(2021, 2023)
    kind = rng.choice(("quarter", "quarter", "half", "year"))
    part = {"quarter": rng.randint(1, 4), "half": rng.randint(1, 2)}.get(kind, 0)
    return Period(kind, year, part)


# ------------------------------------------------------------------ sources and stories


@dataclass
class Source:
    id: str
    published: date
    outlet: str
    title: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Fact:
    """One figure one source gives: the sentence that carries it, and its role in the story."""

    source: str
    figure: str
    role: str  # "agree", "odd", "part", "whole", "other"
    sentence: str


def _names(rng: random.Random, count: int) -> list[str]:
    """`count` distinct invented company names, in a seeded order."""
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < count:
        word = (
            rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_MIDDLES) + rng.choice(_ENDINGS)
        )
        name = f"{word} {rng.choice(_TRADES)} {rng.choice(_SUFFIXES)}"
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


class Writer:
    """Writes the figure sentences of stories; all randomness comes from one seeded stream."""

    def __init__(self, rng: random.Random, sources: list[Source]) -> None:
        self.rng = rng
        self.sources = sources

    def sentence(
        self, templates: tuple[str, ...], company: str, figure: str, period: Period
    ) -> str:
        template = self.rng.choice(templates)
        phrase = period.phrase(self.rng)
        return template.format(c=company, v=figure, p=phrase, P=phrase[0].upper() + phrase[1:])

    def fact(
        self,
        source: Source,
        role: str,
        company: str,
        metric: str,
        figure: str,
        period: Period,
        templates: tuple[str, ...] | None = None,
    ) -> Fact:
        text = self.sentence(templates or _TEMPLATES[metric], company, figure, period)
        return Fact(source.id, figure, role, text)

    def usd_to(self, usd: Decimal, currency: str, source: Source) -> Decimal:
        return usd * rate_on("USD", currency, source.published)

    def agreeing(self, source: Source, usd: Decimal, forms: tuple[str, ...]) -> str:
        """The figure `usd` as one source might write it, consistent with the truth."""
        form = self.rng.choice(forms)
        style = self.rng.randrange(3)
        if form in ("CNY", "EUR"):
            return money(self.usd_to(usd, form, source), form, style=style)
        if form == "rounded":
            return money(usd, "USD", 2, style)
        if form == "about":
            return "about " + money(usd, "USD", 2)
        if form == "more":
            return _more_than(usd)
        return money(usd, "USD", 3, style)


_EXACT = ("USD", "CNY", "EUR")
_LOOSE = ("rounded", "about", "more")


def _truth(rng: random.Random, metric: str) -> Decimal:
    """A true figure in dollars with three significant digits."""
    if metric == "profit":
        return significant(Decimal(rng.randint(120, 2400)) * MILLION, 3)
    return significant(Decimal(rng.randint(1000, 60000)) * MILLION, 3)


def _factor(rng: random.Random) -> Decimal:
    """A disagreement clearly outside rounding, currency and magnitude slips."""
    low, high = rng.choice(((130, 180), (55, 75)))
    return Decimal(rng.randint(low, high)) / 100


def story(
    w: Writer, kind: str, sources: list[Source], companies: list[str]
) -> tuple[list[Fact], dict[str, object]]:
    """The facts of one story, and what it is about (for the manifest)."""
    rng = w.rng
    c = companies[0]
    metric = rng.choice(_METRICS)
    period = _random_period(rng)
    usd = _truth(rng, metric)
    facts: list[Fact] = []
    first, *rest = sources
    if kind in ("agreement", "rounding", "currency"):
        for i, s in enumerate(sources):
            forms = {
                "agreement": _EXACT + _LOOSE,
                "rounding": ("USD",) if i == 0 else _LOOSE,
                "currency": (_EXACT[i % 3],),
            }[kind]
            facts.append(w.fact(s, "agree", c, metric, w.agreeing(s, usd, forms), period))
    elif kind in ("value", "magnitude"):
        for s in rest:
            facts.append(w.fact(s, "agree", c, metric, w.agreeing(s, usd, _EXACT), period))
        if kind == "value":
            odd = money(usd * _factor(rng), "USD", style=rng.randrange(3))
        elif rng.random() < 0.5:  # the scale word slips: billion ↔ million
            big = usd >= BILLION
            n = _number(significant(usd / (BILLION if big else MILLION), 3))
            odd = f"${n} {'million' if big else 'billion'}"
        else:
            odd = money(significant(w.usd_to(usd, "CNY", first), 3) * 10, "CNY")
        facts.append(w.fact(first, "odd", c, metric, odd, period))
    elif kind == "conversion":
        for s in rest:
            facts.append(w.fact(s, "agree", c, metric, w.agreeing(s, usd, _EXACT), period))
        yuan = money(w.usd_to(usd, "CNY", first), "CNY")
        stated = money(usd * _factor(rng), "USD")
        fact = w.fact(first, "odd", c, metric, f"{yuan} ({stated})", period)
        facts.append(Fact(fact.source, yuan, "odd", fact.sentence))
    elif kind == "same_figure":
        metric = "investment"
        figure = money(usd, "USD")
        for s in rest:
            facts.append(w.fact(s, "agree", c, metric, figure, period))
        group = f"{companies[0]}, {companies[1]} and {companies[2]}"
        facts.append(w.fact(first, "odd", group, metric, figure, period, _GROUP_TEMPLATES))
    elif kind == "half_year":
        year = Period("year", period.year)
        half = Period("half", period.year, rng.randint(1, 2))
        share = Decimal(rng.randint(38, 55)) / 100
        facts.append(w.fact(first, "part", c, metric, money(usd * share, "USD"), half))
        for s in rest:
            facts.append(w.fact(s, "whole", c, metric, w.agreeing(s, usd, _EXACT), year))
        period = year
    elif kind == "metric":
        metric = "revenue"
        profit = usd * Decimal(rng.randint(6, 22)) / 100
        facts.append(w.fact(first, "other", c, "revenue", money(usd, "USD"), period))
        facts.append(w.fact(rest[0], "other", c, "profit", money(profit, "USD"), period))
    elif kind == "scope":
        metric = "revenue"
        part = usd * Decimal(rng.randint(12, 45)) / 100
        facts.append(w.fact(first, "whole", c, "revenue", money(usd, "USD"), period))
        facts.append(
            w.fact(rest[0], "part", c, "revenue", money(part, "USD"), period, _SCOPE_TEMPLATES)
        )
    about: dict[str, object] = {
        "company": c,
        "metric": metric,
        "period": period.label(),
        "usd": f"{usd:f}",
    }
    return facts, about


def _slots(rng: random.Random, sources: list[Source]) -> Iterator[Source]:
    """Sources in a seeded order, each repeated as often as it has room for figures."""
    room = [s for s in sources for _ in range(rng.randint(2, 5))]
    rng.shuffle(room)
    return iter(room)


def _take(slots: Iterator[Source], held: deque[Source], k: int) -> list[Source] | None:
    """`k` distinct sources: held-over ones first, then from the stream; repeats are held."""
    chosen: list[Source] = []
    repeats: list[Source] = []
    pending = deque(held)
    held.clear()
    while len(chosen) < k:
        s = pending.popleft() if pending else next(slots, None)
        if s is None:
            return None
        (repeats if s in chosen else chosen).append(s)
    held.extend((*repeats, *pending))
    return chosen


def generate(n: int, seed: int) -> tuple[list[Source], dict[str, object]]:
    """`n` sources and the manifest of what is planted in them."""
    rng = random.Random(seed)
    first_day = date(2024, 1, 8)
    sources = [
        Source(
            id=f"s{i:06d}",
            published=first_day + timedelta(days=rng.randrange(340)),
            outlet=rng.choice(_OUTLETS),
            title=rng.choice(_TITLES),
        )
        for i in range(n)
    ]
    writer = Writer(rng, sources)
    slots = _slots(rng, sources)
    held: deque[Source] = deque()
    names = iter(_names(rng, 4 * n + 16))
    weights = [k[3] for k in _KINDS]
    stories: list[dict[str, object]] = []
    while True:
        kind, expect, (lo, hi), _ = rng.choices(_KINDS, weights)[0]
        chosen = _take(slots, held, rng.randint(lo, hi))
        if chosen is None:
            break
        companies = [next(names) for _ in range(3 if kind == "same_figure" else 1)]
        facts, about = story(writer, kind, chosen, companies)
        for f in facts:
            source = next(s for s in chosen if s.id == f.source)
            after = f" {rng.choice(_AFTERWORDS)}" if rng.random() < 0.4 else ""
            source.paragraphs.append(f.sentence + after)
        stories.append(
            {
                "id": f"story{len(stories):06d}",
                "kind": kind,
                "category": _CATEGORY.get(kind, "conflict"),
                "expect": expect,
                **about,
                "facts": [{"source": f.source, "figure": f.figure, "role": f.role} for f in facts],
            }
        )
    for s in sources:
        target = rng.randint(420, 1000)
        for filler in rng.sample(_FILLERS, len(_FILLERS)):
            if sum(len(p) + 2 for p in s.paragraphs) >= target:
                break
            s.paragraphs.insert(rng.randrange(len(s.paragraphs) + 1), filler)
    manifest = {"seed": seed, "sources": n, "stories": stories}
    return sources, manifest


def render(source: Source) -> str:
    """The file text: TOML front matter, a headline, and one paragraph per figure."""
    front = (
        f"+++\npublished = {source.published.isoformat()}\n"
        f"outlet = {json.dumps(source.outlet)}\ntitle = {json.dumps(source.title)}\n+++\n"
    )
    return front + f"# {source.title}\n\n" + "\n\n".join(source.paragraphs) + "\n"


def write(out: Path, n: int, seed: int) -> dict[str, object]:
    """Write the corpus of `n` sources into `out` (created) and return the manifest."""
    sources, manifest = generate(n, seed)
    out.mkdir(parents=True, exist_ok=True)
    for s in sources:
        (out / f"{s.id}.md").write_text(render(s), encoding="utf-8")
    text = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    (out / MANIFEST).write_text(text, encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=100, help="how many sources (default 100)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    args = parser.parse_args(argv)
    manifest = write(args.out, args.sources, args.seed)
    stories = manifest["stories"]
    assert isinstance(stories, list)
    print(f"{args.sources} sources, {len(stories)} stories → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
