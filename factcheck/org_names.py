"""One name per organisation across a corpus: "Samsung Electronics Co." and "Samsung
Electronics", "SoftBank Group Corp." and "SoftBank Group", "Nestle" and "Nestlé", "TSMC" and
"Taiwan Semiconductor Manufacturing Co" are each one subject.

Names are keyed by their base — accents folded, case folded, legal forms removed by cleanco's
list of legal terms, a trailing "Group" or "Holding(s)" dropped — and an acronym joins the one
longer name whose initials it spells. A one-word name joins the one longer name that adds
only a trade ("Samsung" → "Samsung Electronics"); a division keeps its own name ("Airbus
Helicopters" is not "Airbus"). Each set of names is then called by the name the reference
knows, else by the one the corpus uses most (then the fullest, without its legal form).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from cleanco import basename

from factcheck.reference.names import name_key as folded

__all__ = ["canonical_names", "name_key"]

#: Words that name the whole of a company, not a part of it ("SoftBank Group" is SoftBank).
GROUP_WORDS = frozenset({"group", "holding", "holdings", "company", "co", "corp", "inc"})
#: Words naming the trade a company is in, after its name ("Samsung Electronics", "Zenith
#: Motors"): a story that calls it by the first word alone means the same company, when the
#: corpus knows no other company of that first word. A division's words are not among them.
INDUSTRY_WORDS = frozenset(
    "electronics motors motor automotive industries industrial technologies technology tech "
    "pharma pharmaceuticals energy telecom telecommunications airlines airways chemicals "
    "petroleum semiconductor semiconductors steel mining foods financial".split()
)
_SMALL_WORDS = frozenset({"and", "of", "the", "&", "de", "der", "des", "la", "le"})
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,5}$")


def _base(name: str) -> str:
    """The name without its legal forms and group words ("SoftBank Group Corp." → SoftBank)."""
    current = " ".join(name.replace(",", " ").split())
    while True:
        stripped = basename(current).strip(" ,.")
        words = stripped.split()
        while len(words) > 1 and words[-1].lower().strip(".") in GROUP_WORDS:
            words.pop()
        stripped = " ".join(words)
        if not stripped or stripped == current:
            return current
        current = stripped


def name_key(name: str) -> str:
    """What two spellings of one organisation's name share."""
    return folded(_base(name))


def _initials(name: str, base: str) -> set[str]:
    """The acronyms a long name may go by: with and without its legal form ("TSMC", "TSM");
    `base` is `_base(name)`."""
    out = set()
    for form in (name, base):
        words = [w for w in folded(form).split() if w not in _SMALL_WORDS]
        if len(words) >= 2:
            out.add("".join(w[0] for w in words).upper())
    return out


def canonical_names(
    names: Iterable[str], known: Callable[[str], str | None] = lambda _: None
) -> dict[str, str]:
    """Each name of `names` (one entry per mention: frequency counts) → the name its
    organisation is called by. `known` resolves a name through the reference (None when the
    reference does not know it); a name it knows is the one used.

    Each name's base is computed once, and the prefix and acronym joins look names up in
    indexes built once: the cost grows with the number of names, not with its square."""
    counts = Counter(names)
    bases = {name: _base(name) for name in counts}
    groups: dict[str, set[str]] = {}
    for name in sorted(counts):
        groups.setdefault(folded(bases[name]), set()).add(name)
    by_first: dict[str, list[str]] = {}
    for key in groups:
        first, space, _ = key.partition(" ")
        if space:
            by_first.setdefault(first, []).append(key)
    for key in sorted(k for k in groups if " " not in k):
        longer = by_first.get(key, [])
        if len(longer) == 1 and all(w in INDUSTRY_WORDS for w in longer[0].split()[1:]):
            groups[longer[0]] |= groups.pop(key)  # "Samsung" is "Samsung Electronics" here
    acronyms = {key: members for key, members in groups.items() if _is_acronym(members)}
    spelt: dict[str, set[str]] = {}  # acronym → the keys of the names whose initials it is
    for key, members in groups.items():
        if key not in acronyms:
            for m in members:
                for initials in _initials(m, bases[m]):
                    spelt.setdefault(initials, set()).add(key)
    for key, members in sorted(acronyms.items()):
        (acronym,) = {m.upper() for m in members}
        hosts = sorted(spelt.get(acronym, set()) - {key})
        if len(hosts) == 1:
            groups[hosts[0]] |= groups.pop(key)
    out: dict[str, str] = {}
    for members in groups.values():
        referenced = sorted({r for m in members if (r := known(m))})
        chosen = (
            referenced[0]
            if len(referenced) == 1
            else min(members, key=lambda m: (-counts[m], -len(bases[m]), len(m), m))
        )
        out.update(dict.fromkeys(members, chosen))
    return out


def _is_acronym(members: set[str]) -> bool:
    return all(_ACRONYM.match(m) for m in members) and len({m.upper() for m in members}) == 1
