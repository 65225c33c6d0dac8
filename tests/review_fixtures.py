"""Hand-built reports for the review, HTML and draft tests: small, with known findings.

Claims are located by searching their figure in the source text, so editing a source moves
offsets the way the pipeline would, while fingerprints (built from content) stay put.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from factcheck.compare.base import CheckInfo, make_finding
from factcheck.models import (
    Amount,
    Claim,
    Evidence,
    Finding,
    Money,
    Normalized,
    Period,
    Report,
    Severity,
    Source,
    Span,
    Subject,
)

MISMATCH = CheckInfo("FC101", "money.value_mismatch", Severity.ERROR, "Amounts differ")
AGREEMENT = CheckInfo("FC900", "money.agreement", Severity.INFO, "Sources agree")
ROLE = CheckInfo("FC301", "role.outdated", Severity.WARNING, "Role holder changed")

HOSTILE_SCRIPT = '<script>alert("xss")</script>'
HOSTILE_ATTRIBUTE = '"><img src=x onerror=alert(2)>'

TEXTS = {
    "alpha": (
        "Alibaba said on Monday it would invest $7 billion in AI chips and cloud. "
        "Its CEO, Daniel Zhang, spoke at the launch."
    ),
    "beta": "In the first half, Alibaba spent 23 billion yuan ($3.2 billion) on AI.",
    "gamma": "Tencent reported $5 billion in capital spending for the year.",
    "delta": "Tencent put $5 billion into capital spending, the filing showed.",
}

HOSTILE_TEXTS = {
    "evil": f"Evil Corp said {HOSTILE_SCRIPT} it spent $9 billion {HOSTILE_ATTRIBUTE} on chips.",
    "plain": "Evil Corp spent $4 billion on chips, a filing said.",
}


def span_of(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start=start, end=start + len(needle), text=needle)


def sentence_of(text: str, needle: str) -> Span:
    """The sentence around `needle`: from the previous full stop to the next."""
    at = text.index(needle)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    return Span(start=start, end=end, text=text[start:end])


def usd(stated: str) -> Money:
    value = Decimal(stated) * Decimal(10) ** 9
    half = Decimal("0.5") * Decimal(10) ** 9
    return Money(amount=Amount(stated=value, low=value - half, high=value + half), currency="USD")


def claim(source: Source, figure: str, subject: str, amount: str, metric: str) -> Claim:
    span = span_of(source.text, figure)
    money = usd(amount)
    return Claim(
        id=f"{source.id}:{span.start}-{span.end}",
        source_id=source.id,
        span=span,
        quote=sentence_of(source.text, figure),
        subject=Subject(name=subject),
        metric=metric,
        value=money,
        normalized=Normalized(amount=money.amount, currency="USD", rule="stated in USD"),
    )


def evidence(c: Claim) -> Evidence:
    return Evidence(
        claim_id=c.id, source_id=c.source_id, quote=c.quote, figure=c.span, summary=c.metric
    )


def content_keys(*claims: Claim) -> list[str]:
    return [f"{c.source_id}|{c.subject.name}|{c.metric}|{c.value.amount.stated}" for c in claims]


def pair(info: CheckInfo, message: str, a: Claim, b: Claim) -> Finding:
    return make_finding(
        info, message, [evidence(a), evidence(b)], content_keys(a, b), rule="intervals overlap"
    )


def make_sources(texts: dict[str, str]) -> dict[str, Source]:
    return {
        sid: Source(
            id=sid,
            path=f"{sid}.txt",
            outlet=f"{sid.title()} News",
            url=f"https://news.example/{sid}",
            title=f"The {sid} story",
            published=Period.day(date(2024, 8, 26)),
            text=text,
        )
        for sid, text in texts.items()
    }


def make_report(texts: dict[str, str] | None = None) -> Report:
    """Four sources: one money conflict (error), one agreement (info), one role warning."""
    sources = make_sources(texts or TEXTS)
    alpha = claim(sources["alpha"], "$7 billion", "Alibaba", "7", "AI investment")
    beta = claim(sources["beta"], "$3.2 billion", "Alibaba", "3.2", "AI investment")
    gamma = claim(sources["gamma"], "$5 billion", "Tencent", "5", "capital spending")
    delta = claim(sources["delta"], "$5 billion", "Tencent", "5", "capital spending")
    role_quote = sentence_of(sources["alpha"].text, "Daniel Zhang")
    role = make_finding(
        ROLE,
        "Daniel Zhang was Alibaba's CEO only until 2023-09-10",
        [
            Evidence(
                source_id="alpha",
                quote=role_quote,
                figure=span_of(sources["alpha"].text, "Daniel Zhang"),
                summary="CEO Daniel Zhang",
            )
        ],
        ["alpha|Alibaba|CEO|Daniel Zhang"],
        rule="reference: Alibaba CEO roles",
    )
    return Report(
        sources=tuple(sources.values()),
        claims=(alpha, beta, gamma, delta),
        findings=(
            pair(MISMATCH, "Alibaba's AI investment: $7 billion against $3.2 billion", alpha, beta),
            pair(AGREEMENT, "Tencent's capital spending: both say $5 billion", gamma, delta),
            role,
        ),
    )


def make_hostile_report() -> Report:
    """A source whose text, outlet and link try to inject markup and script."""
    sources = make_sources(HOSTILE_TEXTS)
    sources["evil"] = sources["evil"].model_copy(
        update={"outlet": "<b onmouseover=alert(3)>Evil Outlet</b>", "url": "javascript:alert(4)"}
    )
    evil = claim(sources["evil"], "$9 billion", "Evil Corp", "9", "chip spending")
    plain = claim(sources["plain"], "$4 billion", "Evil Corp", "4", "chip spending")
    return Report(
        sources=tuple(sources.values()),
        claims=(evil, plain),
        findings=(pair(MISMATCH, f"Evil Corp {HOSTILE_SCRIPT} spending differs", evil, plain),),
    )
