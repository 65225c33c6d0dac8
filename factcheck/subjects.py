"""Who a figure is about (its subject) and who says so (its attribution).

The subject is read from the figure's sentence, in this order:

1. a funding figure's investee: "injected $1 billion into Moonshot's capital", "$800 million
   to the creators of Kimi AI" (a product's maker: Moonshot AI);
2. a possessive right after a percentage: "40% of Alibaba's … investments";
3. a possessive right before the figure: "Alibaba's $7 billion", "its $50 billion cash
   reserve" (a pronoun resolved within the paragraph);
4. the first organisation in subject position before the figure — one not governed by a
   preposition ("the parent company *of* TikTok") — or a coordinated list of them, which is a
   group ("Alibaba, Tencent and Baidu … invested", even when tickers are glued to the names:
   "Alibaba BABA, Tencent TCEHYAnd Baidu"); "<X>'s parent company" is X's parent;
5. a generic subject ("Chinese companies", or a quoted name such as "six little dragons");
6. "the company", "it", "they" resolved to the nearest subject earlier in the paragraph;
7. otherwise unknown — never a guess from elsewhere in the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.models import Mention, MentionKind, Span, Subject
from factcheck.reference import Reference
from factcheck.text import sentences

__all__ = ["bind_attribution", "bind_subject", "group_subject"]

# Words after which an organisation is an object or a modifier, not the subject.
_GOVERNED = re.compile(
    r"""(?i:\b(?:of|from|by|with|between|than|like|including|against|to|into|for|on|at|in|as
        |about|over|versus|vs\.?|behind|among|such\s+as|unlike|via|toward|towards|beyond)
        \s+(?:the\s+|its\s+|their\s+)?$)""",
    re.VERBOSE,
)
_SEPARATOR = re.compile(
    r"(?i:^(?:['’]s)?\s*(?:,\s*(?:and\s+|&\s+)?|(?:and|&|as\s+well\s+as|plus)\s+))\s*$"
)
# Tickers and shouted words scraped into a list, even glued to the next word ("TCEHYAnd").
_GARBLE = re.compile(r"\b[A-Z]{2,}(?=[A-Z][a-z]|\b)")
_PARENT_OF = re.compile(r"(?i:['’]s\s+parent(?:\s+(?:company|group|firm))?)")  # matched in place
_FUNDING_OBJECT = re.compile(
    r"""(?i:^\s*(?:\([^)]{0,40}\)\s*)?                  # "($7 billion)"
        (?:of\s+(?:funding|financing|capital|investment)\s+)?
        (?:into|in|to|for)\s+(?:the\s+)?
        (?:(?:creators?|makers?|developers?|owners?|company\s+behind|startup\s+behind
           |parent\s+of|team\s+behind)\s+(?:of\s+)?(?:the\s+)?)?$)""",
    re.VERBOSE,
)
_FUNDING_VERB = re.compile(
    r"(?i:\b(?:inject|invest|provid|pour|plow|put|pump|give|gave|lend|lent|led|back|commit)"
    r"\w*\b(?:\s+\w+){0,4}\s*$)"
)
_PERCENT_OF = re.compile(r"(?i:^\s*of\s+(?:the\s+)?$)")
_POSSESSOR_GAP = re.compile(r"(?:['’]s|['’])\s+(?:(?:about|around|nearly|some|over|roughly)\s+)?$")
_PRONOUN_POSSESSIVE = re.compile(r"(?i:\b(?P<pronoun>its|their)\s+(?:\w+\s+){0,1}$)")
_DEFINITE = re.compile(
    r"(?i:\b(?P<phrase>the\s+(?:company|group|firm|conglomerate|giant|startup|start-up)|it|they"
    r"|its|their)\b)"
)
_PLURAL = frozenset({"they", "their"})
_GENERIC = re.compile(
    r"""
    [“"](?:so-called\s+)?(?P<quoted>[^”"]{3,80}?)[,.]?[”"]          # "six little dragons"
    | (?P<generic>(?i:(?:Chinese|China['’]s|U\.?S\.?|American|European|global|foreign|domestic
        |local|Western|Asian|major|big|large|leading|other|rival)\s+(?:[a-z-]+\s+){0,2}
        [a-z-]*(?:companies|firms|giants|groups|startups|start-ups|players|developers|makers|rivals
        |peers|businesses|investors|lenders|banks)))
    """,
    re.VERBOSE,
)


def _paragraph(text: str, offset: int) -> Span:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    return Span(start=start, end=end, text=text[start:end])


def _orgs(mentions: Sequence[Mention], start: int, end: int) -> list[Mention]:
    return [
        m
        for m in mentions
        if m.kind == MentionKind.ORGANIZATION and start <= m.span.start and m.span.end <= end
    ]


def _is_product(m: Mention) -> bool:
    return m.organization is not None


def _runs(text: str, orgs: list[Mention]) -> list[list[Mention]]:
    """Coordinated lists of organisations: consecutive mentions joined only by "," / "and",
    with a ticker after its name (same canonical name) folded in."""
    runs: list[list[Mention]] = []
    for m in orgs:
        if _is_product(m):
            continue
        if runs:
            last = runs[-1][-1]
            gap = _GARBLE.sub("", text[last.span.end : m.span.start])
            if m.name == last.name and not gap.strip(" ,") and last.span.end < m.span.start:
                continue  # "Alibaba BABA": the ticker restates the name
            if _SEPARATOR.match(gap):
                runs[-1].append(m)
                continue
        runs.append([m])
    return runs


def _subject_of_run(run: list[Mention], reference: Reference, text: str) -> Subject:
    names = list(dict.fromkeys(m.name or m.span.text for m in run))
    if len(names) == 1:
        parent = _PARENT_OF.match(text, run[-1].span.end)
        if parent:
            owner = reference.parent_of(names[0])
            if owner:
                return Subject(name=owner)
        return Subject(name=names[0])
    return group_subject(tuple(names))


def group_subject(names: tuple[str, ...]) -> Subject:
    """Several organisations combined ("Alibaba, Tencent and Baidu"); one name is itself."""
    if len(names) == 1:
        return Subject(name=names[0])
    label = ", ".join(names[:-1]) + " and " + names[-1]
    return Subject(name=label, members=names, kind="group")


def _candidates(
    text: str, orgs: list[Mention], start: int, end: int, reference: Reference
) -> list[Subject]:
    """Subjects in subject position between `start` and `end`, in text order."""
    out = []
    for run in _runs(text, [m for m in orgs if start <= m.span.start and m.span.end <= end]):
        if _GOVERNED.search(text, max(start, run[0].span.start - 40), run[0].span.start):
            continue
        out.append(_subject_of_run(run, reference, text))
    return out


def _funding_investee(
    text: str, figure: Span, sentence: Span, orgs: list[Mention], reference: Reference
) -> Subject | None:
    if not _FUNDING_VERB.search(text, sentence.start, figure.start):
        return None
    for m in orgs:
        if m.span.start < figure.end or m.span.start - figure.end > 60:
            continue
        if _FUNDING_OBJECT.match(text[figure.end : m.span.start]):
            name = m.organization if _is_product(m) else m.name
            return Subject(name=name or m.span.text)
    return None


def _generic(text: str, start: int, end: int) -> Subject | None:
    matches = list(_GENERIC.finditer(text, start, end))
    if not matches:
        return None
    last = matches[-1]
    name = last.group("quoted") or last.group("generic")
    return Subject(name=" ".join(name.split()), kind="generic")


def _antecedent(
    text: str, before: int, paragraph: Span, orgs: list[Mention], reference: Reference, plural: bool
) -> Subject | None:
    """The nearest subject earlier in the paragraph (a group for "they"/"their")."""
    bounds = [
        (paragraph.start + s.start, paragraph.start + s.end) for s in sentences(paragraph.text)
    ]
    bounds = [(s, min(e, before)) for s, e in bounds if s < before]
    for s, e in reversed(bounds):
        found = _candidates(text, orgs, s, e, reference)
        if plural:
            groups = [c for c in found if c.kind == "group"]
            if groups:
                return groups[0]
        if found:
            return found[0]
    return None


def bind_subject(
    text: str,
    figure: Span,
    sentence: Span,
    mentions: Sequence[Mention],
    reference: Reference,
) -> Subject:
    """The organisation, group or generic subject the figure at `figure` is about.

    `mentions` are the text's extracted mentions (entities included): this runs once per
    claim, so it never extracts anything itself.
    """
    orgs = _orgs(mentions, sentence.start, sentence.end)
    investee = _funding_investee(text, figure, sentence, orgs, reference)
    if investee:
        return investee
    for m in orgs:
        after = m.span.start >= figure.end and _PERCENT_OF.match(text[figure.end : m.span.start])
        if after and not _is_product(m) and text.startswith(("'s", "’s"), m.span.end):
            return Subject(name=m.name or m.span.text)
    paragraph = _paragraph(text, figure.start)
    possessor = next(
        (
            m
            for m in orgs
            if m.span.end <= figure.start
            and not _is_product(m)
            and _POSSESSOR_GAP.fullmatch(text[m.span.end : figure.start])
        ),
        None,
    )
    if possessor:
        return Subject(name=possessor.name or possessor.span.text)
    candidates = _candidates(text, orgs, sentence.start, figure.start, reference)
    if candidates:
        return candidates[0]
    generic = _generic(text, sentence.start, figure.start)
    if generic:
        return generic
    definite = _DEFINITE.search(text, sentence.start, figure.start)
    if definite:
        plural = definite.group("phrase").lower() in _PLURAL
        paragraph_orgs = _orgs(mentions, paragraph.start, paragraph.end)
        found = _antecedent(text, sentence.start, paragraph, paragraph_orgs, reference, plural)
        if found:
            return found
    return Subject(name="unknown", kind="unknown")


def bind_attribution(
    text: str, figure: Span, sentence: Span, mentions: Sequence[Mention]
) -> str | None:
    """Who the figure is credited to: an attribution cue in its sentence, else the nearest one
    in its paragraph ("… according to the Financial Times." covers the paragraph)."""
    cues = [m for m in mentions if m.kind == MentionKind.ATTRIBUTION and m.name]
    in_sentence = [m for m in cues if sentence.start <= m.span.start < sentence.end]
    paragraph = _paragraph(text, figure.start)
    pool = in_sentence or [m for m in cues if paragraph.start <= m.span.start < paragraph.end]
    if not pool:
        return None
    nearest = min(pool, key=lambda m: (abs(m.span.start - figure.start), m.span.start))
    return nearest.name
