"""What a role reader knows of one text, and how it reads the names next to a title.

The context holds the text's recognised organisations and people (from `find_entities`),
the organisations read so far, and the family names the text has given in full ("Olsen"
after "Ingrid Olsen"). An organisation next to a title is a recognised one or a capitalised
run that is no person's name and not only title, place or calendar words.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factcheck.extract.person_names import PersonName, person_name_at, person_name_ending_at
from factcheck.models import Mention, MentionKind
from factcheck.reference import Reference
from factcheck.reference.person_names import name_lexicon
from factcheck.regex_cache import compile_pattern

__all__ = [
    "ORG_RUN",
    "RoleContext",
    "by_end",
    "by_start",
    "org_ending_at",
    "org_starting_at",
    "person_at",
    "person_ending_at",
    "sentence_end",
    "subject_org",
    "surnames_of",
]

_ABBREVIATIONS = frozenset({"inc.", "corp.", "co.", "ltd.", "plc.", "u.s.", "n.v.", "s.a."})
# An organisation's name read next to a title: one to four capitalised words or an acronym.
ORG_RUN = compile_pattern(r"[A-Z][\w&.'’-]*(?:\s+(?:&\s+)?[A-Z][\w&.-]*){0,3}")
# "<ORG> has dismissed its CEO": the organisation right before the verb owns the title.
_SUBJECT_OF_ITS = compile_pattern(
    r"\s+(?:(?:has|have|had|will|would)\s+)?(?:\w+ly\s+)?[a-z]+(?:ed|es|s)\s+(?:its|their)\s+"
    r"(?:(?:new|former|previous)\s+)?$"
)
#: How far into its sentence the organisation "its" stands for may start (characters).
_SUBJECT_REACH = 40
_SENTENCE_END = compile_pattern(r"[.!?](?:\s|$)")
_SURNAME = compile_pattern(r"[A-Z][^\W\d_]+(?![\w-])")


@dataclass
class RoleContext:
    """What every reading of one text shares."""

    text: str
    ref: Reference
    orgs_by_end: dict[int, Mention]
    orgs_by_start: dict[int, Mention]
    people_by_start: dict[int, Mention]
    people_by_end: dict[int, Mention]
    orgs_seen: OrgsSeen  # organisations read so far
    surnames: dict[str, str]  # family name alone → the full name the text gave first


class OrgsSeen:
    """Organisations read so far, in order of where they start (then of reading): the first
    one in a stretch of text is a bisect, not a scan of every one read."""

    def __init__(self, orgs: Iterable[tuple[int, str]] = ()) -> None:
        self._seen: list[tuple[int, int, str]] = []  # (start, order read, name)
        for start, name in orgs:
            self.add(start, name)

    def add(self, start: int, name: str) -> None:
        insort(self._seen, (start, len(self._seen), name))

    def first_in(self, lo: int, hi: int) -> tuple[int, str] | None:
        """The (start, name) of the first organisation starting in [lo, hi)."""
        index = bisect_left(self._seen, (lo,))
        if index < len(self._seen) and self._seen[index][0] < hi:
            return self._seen[index][0], self._seen[index][2]
        return None


def by_start(mentions: Sequence[Mention], kind: MentionKind) -> dict[int, Mention]:
    return {m.span.start: m for m in mentions if m.kind == kind}


def by_end(mentions: Sequence[Mention], kind: MentionKind) -> dict[int, Mention]:
    return {m.span.end: m for m in mentions if m.kind == kind}


def surnames_of(names: Sequence[PersonName]) -> dict[str, str]:
    """Family name → full name, for family names only one person of the text has."""
    owners: dict[str, set[str]] = {}
    for name in names:
        last = name.name.split()[-1]
        owners.setdefault(last, set()).add(name.name)
    return {last: next(iter(full)) for last, full in owners.items() if len(full) == 1}


def _is_org_surface(surface: str, ctx: RoleContext) -> bool:
    words = surface.split()
    lexicon = name_lexicon()
    if not words or all(lexicon.is_not_name(w.strip(".,'’")) for w in words):
        return False
    return person_name_at(surface, 0, ctx.ref) is None and surface not in ctx.surnames


def org_ending_at(ctx: RoleContext, end: int) -> tuple[int, str] | None:
    """(start, name) of the organisation whose name ends at `end`: a recognised one, or a
    capitalised run that is no person's name ("Zenith", "TSMC")."""
    if end in ctx.orgs_by_end:
        org = ctx.orgs_by_end[end]
        return org.span.start, org.name or org.span.text
    lexicon = name_lexicon()
    for match in ORG_RUN.finditer(ctx.text, max(0, end - 60), end):
        if match.end() != end or (match.start() > 0 and ctx.text[match.start() - 1].isalnum()):
            continue
        words = match.group().split()
        start = match.start()
        while words and (
            lexicon.is_not_name(words[0].strip(".,'’"))
            or (len(words) > 1 and _ends_sentence(words[0]))  # "… Apple. TSMC CEO"
        ):
            start += ctx.text[start:end].index(words[0]) + len(words[0])
            words = words[1:]
        surface = " ".join(words)
        if words and _is_org_surface(surface, ctx):
            start = end - len(ctx.text[start:end].lstrip())
            return start, ctx.text[start:end]
    return None


def _ends_sentence(word: str) -> bool:
    """True for a word that closes a sentence ("Apple."), not an abbreviation ("Inc.")."""
    return word.endswith(".") and word.lower() not in _ABBREVIATIONS and len(word) > 2


def org_starting_at(ctx: RoleContext, pos: int) -> tuple[int, str] | None:
    """(end, name) of the organisation named from `pos` on."""
    if pos in ctx.orgs_by_start:
        org = ctx.orgs_by_start[pos]
        return org.span.end, org.name or org.span.text
    match = ORG_RUN.match(ctx.text, pos)
    if not match:
        return None
    words = match.group().split()
    for i, word in enumerate(words):
        if _ends_sentence(word):
            words = words[: i + 1]
            break
    words = [*words[:-1], words[-1].rstrip(".,")] if words else words
    lexicon = name_lexicon()
    while words and lexicon.is_not_name(words[-1].strip("'’")):
        words = words[:-1]  # "Airbus Chief Executive" → "Airbus"
    surface = " ".join(words)
    if words and _is_org_surface(surface, ctx):
        return pos + len(surface), surface
    return None


def person_at(ctx: RoleContext, pos: int) -> tuple[str, int] | None:
    """The holder named at `pos`: a known person, a name by the lexicon, or the family name
    of someone the text named in full."""
    if pos in ctx.people_by_start:
        person = ctx.people_by_start[pos]
        return person.name or person.span.text, person.span.end
    found = person_name_at(ctx.text, pos, ctx.ref)
    if found:
        return found.name, found.end
    match = _SURNAME.match(ctx.text, pos)
    if match and match.group() in ctx.surnames:
        return ctx.surnames[match.group()], match.end()
    return None


def person_ending_at(ctx: RoleContext, end: int) -> tuple[str, int] | None:
    """(name, start) of the holder whose name ends at `end`."""
    if end in ctx.people_by_end:
        person = ctx.people_by_end[end]
        return person.name or person.span.text, person.span.start
    found = person_name_ending_at(ctx.text, end, ctx.ref)
    if found:
        return found.name, found.start
    for surname, full in ctx.surnames.items():
        start = end - len(surname)
        if ctx.text.startswith(surname, start) and (
            start == 0 or not ctx.text[start - 1].isalnum()
        ):
            return full, start
    return None


def sentence_end(text: str, pos: int) -> int:
    match = _SENTENCE_END.search(text, pos)
    return match.start() if match else len(text)


def subject_org(ctx: RoleContext, pos: int) -> str | None:
    """For "its CEO": the organisation its sentence opens with ("Acme, the carmaker, said
    its CEO …"; "Dutch carmaker Acme dismissed its CEO …"), if named in its first words."""
    verb = _SUBJECT_OF_ITS.search(ctx.text, max(0, pos - 60), pos)
    if verb:
        subject = org_ending_at(ctx, verb.start())
        if subject:  # "Acme has dismissed its CEO"
            return subject[1]
    start = ctx.text.rfind(". ", 0, pos) + 1
    start += len(ctx.text[start:pos]) - len(ctx.text[start:pos].lstrip())
    first = ctx.orgs_seen.first_in(start, pos)
    for match in ORG_RUN.finditer(ctx.text, start, pos):
        read = org_starting_at(ctx, match.start())
        if read and (first is None or match.start() < first[0]):
            first = (match.start(), read[1])
        if read:
            break
    if first is None or first[0] - start > _SUBJECT_REACH:
        return None
    return first[1]
