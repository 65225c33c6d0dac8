"""Document context: what a whole source is about, for the claims whose sentence does not say.

News names its company and its reporting period once — in the headline, the URL, the first
paragraph — and then writes "Revenue for the quarter rose 6%", "The operating margin stood at
50.6%". This stage, run once per source between extraction and claims, reads:

- the **headline**: the `title` metadata, else a Markdown heading or a headline-like first
  line, else the words of the URL's slug;
- the **main organisation**: the organisation the headline opens with (matched against the
  organisations the text names, so a lower-case slug still finds "TSMC"), else the first
  organisation in subject position of the first paragraph;
- the **reporting period**: a quarter, half or year named in the headline, else in the first
  paragraph (a results story's "second-quarter results", "the first half of 2025").

A claim takes its subject and period from its sentence first, then its paragraph, then this
context; the basis is kept ("subject: TSMC, from the headline") and a finding resting on it is
at most a warning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import unquote, urlsplit

from factcheck.values import Granularity, Mention, MentionKind, Period, Span

__all__ = ["DocumentContext", "document_context", "paragraphs", "reporting_day", "slug_words"]

#: Periods a results story is about; a day or a month is an event, not a reporting period.
REPORTING_GRANULARITIES = frozenset({Granularity.QUARTER, Granularity.HALF, Granularity.YEAR})
#: How many characters of the text the lead (the first paragraph that carries a sentence) spans
#: at most: the reporting period of a story is named at its top.
LEAD_REACH = 600
#: How long after a reporting period ends its results are reported (see `reporting_day`).
RESULTS_LAG = timedelta(days=30)
#: How many words into the headline its subject may sit ("Exclusive: TSMC raises …").
HEADLINE_SUBJECT_WORDS = 3

#: Abbreviations a URL opens with that name no company.
BUSINESS_ABBREVIATIONS = frozenset(
    "ceo cfo coo cto ipo gdp ev evs ai us usa uk eu etf esg fy yoy qoq ytd q1 q2 q3 q4 h1 h2 "
    "news amp www html".split()
)
_HEADING = re.compile(r"^\s*#{1,6}\s+(?P<text>\S[^\n]*)$")
_SLUG_SPLIT = re.compile(r"[-_+./]+")
_ID_LIKE = re.compile(r"^(?:\d{5,}|[0-9a-f]{8,}|index|html?|php|aspx?|amp|news|article)$", re.I)
_WORD = re.compile(r"[\w&'’.-]+")
# Words before an organisation that make it an object, not the story's subject.
_GOVERNED_BEFORE = re.compile(
    r"(?i:\b(?:of|from|by|with|to|into|for|on|at|in|than|against|versus|vs\.?)\s+(?:the\s+)?$)"
)


@dataclass(frozen=True)
class DocumentContext:
    """What a source is about as a whole; every field may be unknown (None)."""

    headline: str | None = None
    headline_basis: str | None = None  # "the title", "the first line", "the URL"
    organization: str | None = None  # canonical name of the main organisation
    organization_basis: str | None = None  # "the headline", "the first paragraph"
    period: Period | None = None  # the reporting period
    period_text: str | None = None
    period_basis: str | None = None


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines: news text keeps one paragraph per line once its markup is gone."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        stripped = line.group().strip()
        if stripped:
            start = line.start() + line.group().index(stripped)
            out.append(Span(start=start, end=start + len(stripped), text=stripped))
    return out


def slug_words(url: str | None) -> str | None:
    """ "https://x.com/news/tsmc-2025q3-report.html" → "tsmc 2025q3 report"."""
    if not url:
        return None
    path = unquote(urlsplit(url).path)
    best: list[str] = []
    for segment in path.split("/"):
        words = [w for w in _SLUG_SPLIT.split(segment) if w and not _ID_LIKE.match(w)]
        if len(words) > len(best) and any(w.isalpha() for w in words):
            best = words
    return " ".join(best) if len(best) >= 2 else None


def _headline(
    title: str | None, url: str | None, lines: Sequence[Span]
) -> tuple[str | None, str | None, Span | None]:
    """(headline, its basis, its span when it is part of the text)."""
    if title and title.strip():
        return title.strip(), "the title", None
    if lines:
        first = lines[0]
        heading = _HEADING.match(first.text)
        if heading:
            return heading["text"].strip(), "the heading", first
        if len(lines) > 1 and len(first.text) <= 150 and not first.text.endswith((".", ":", ";")):
            return first.text, "the first line", first
    slug = slug_words(url)
    if slug:
        return slug, "the URL", None
    return None, None, None


def _orgs(mentions: Sequence[Mention]) -> list[Mention]:
    return [
        m
        for m in mentions
        if m.kind == MentionKind.ORGANIZATION and m.name and m.organization is None
    ]


def _headline_organization(headline: str, orgs: Sequence[Mention]) -> str | None:
    """The organisation the headline opens with (within its first `HEADLINE_SUBJECT_WORDS`
    words), as the text names it; each distinct spelling is tried once."""
    words = [w.group().lower().strip(".'’") for w in _WORD.finditer(headline)]
    spellings = dict.fromkeys((s, m.name) for m in orgs if m.name for s in (m.span.text, m.name))
    first: tuple[int, str] | None = None
    for surface, name in spellings:
        tokens = [t.lower().strip(".'’") for t in _WORD.findall(surface)]
        if not tokens:
            continue
        for at in range(min(HEADLINE_SUBJECT_WORDS, len(words) - len(tokens) + 1)):
            if words[at : at + len(tokens)] == tokens:
                if first is None or at < first[0]:
                    first = (at, name)
                break
    return first[1] if first is not None else None


def _slug_acronym(slug: str) -> str | None:
    """A URL's first word when it can only be a company's acronym ("tsmc-2025q3-report"):
    two to five letters, not an English word, not a business abbreviation."""
    from factcheck.extract.entities import common_words

    first = slug.split()[0] if slug.split() else ""
    shaped = 2 <= len(first) <= 5 and first.isalpha() and first.isascii()
    if shaped and first not in common_words() and first not in BUSINESS_ABBREVIATIONS:
        return first.upper()
    return None


def _lead_organization(text: str, lead: Span, orgs: Sequence[Mention]) -> str | None:
    for m in orgs:
        if lead.start <= m.span.start < lead.end and not _GOVERNED_BEFORE.search(
            text, max(lead.start, m.span.start - 30), m.span.start
        ):
            return m.name
    return None


def _reporting_period(
    mentions: Sequence[Mention], start: int, end: int
) -> tuple[Period, str] | None:
    for m in mentions:
        if not (start <= m.span.start and m.span.end <= end) or m.value is None:
            continue
        if m.value.kind == "period" and m.value.period is not None:
            period = m.value.period
            if period.granularity in REPORTING_GRANULARITIES and period.start is not None:
                return period, m.span.text
    return None


def document_context(
    title: str | None,
    url: str | None,
    text: str,
    mentions: Sequence[Mention],
    headline_mentions: Sequence[Mention] = (),
) -> DocumentContext:
    """The context of one source from its metadata, its text and the text's mentions.

    `headline_mentions` are the mentions of the headline when it is not part of the text
    (a title or a URL slug), extracted by the caller with the same publication date.
    """
    lines = paragraphs(text)
    headline, basis, in_text = _headline(title, url, lines)
    orgs = _orgs(mentions)
    organization = org_basis = None
    if headline is not None:
        organization = _headline_organization(headline, [*_orgs(headline_mentions), *orgs])
        if organization is None and basis == "the URL" and not orgs:
            organization = _slug_acronym(headline)  # a text that names no company at all
        org_basis = "the headline" if organization else None
    body = [p for p in lines if p is not in_text]
    lead = next((p for p in body if len(p.text) > 60), body[0] if body else None)
    if organization is None and lead is not None:
        organization = _lead_organization(text, lead, orgs)
        org_basis = "the first paragraph" if organization else None
    period = period_text = period_basis = None
    found = None
    if headline is not None:
        found = _reporting_period(
            mentions if in_text else headline_mentions,
            in_text.start if in_text else 0,
            in_text.end if in_text else len(headline),
        )
        period_basis = "the headline"
    if found is None and lead is not None:
        found = _reporting_period(mentions, lead.start, min(lead.end, lead.start + LEAD_REACH))
        period_basis = "the first paragraph"
    if found is not None:
        period, period_text = found
    else:
        period_basis = None
    return DocumentContext(
        headline=headline,
        headline_basis=basis,
        organization=organization,
        organization_basis=org_basis,
        period=period,
        period_text=period_text,
        period_basis=period_basis,
    )


def reporting_day(context: DocumentContext) -> date | None:
    """A reference day for a source with no publication date: `RESULTS_LAG` after its
    reporting period ends, when results stories appear — so "last year" in a story on 2024
    results is 2024, and "the fourth quarter" of a Q3 2025 story is Q4 2025."""
    period = context.period
    if period is None or period.end is None:
        return None
    return period.end + RESULTS_LAG
