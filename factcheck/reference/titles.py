"""Role titles: the surfaces news text uses, and the canonical title each stands for.

Kept beside the reference because both sides must agree: the role extractor writes these
canonical titles into mentions, and the reference files use them for tenures.
"""

from __future__ import annotations

from factcheck.reference.names import name_key

__all__ = ["HEAD", "HEAD_TITLES", "SINGLE_HOLDER_TITLES", "TITLE_SURFACES", "canonical_title"]

#: A bare "chief", "head" or "boss" ("Alibaba chief Eddie Wu") names the person at the top
#: without saying which top title; it is satisfied by any of `HEAD_TITLES`.
HEAD = "head"
HEAD_TITLES = frozenset({"CEO", "chairman", "president"})

#: Surface (compared by `name_key`) → canonical title.
TITLE_SURFACES: dict[str, str] = {
    "ceo": "CEO",
    "chief executive": "CEO",
    "chief executive officer": "CEO",
    "chief exec": "CEO",
    "group ceo": "CEO",
    "chairman": "chairman",
    "chairwoman": "chairman",
    "chairperson": "chairman",
    "chair": "chairman",
    "board chairman": "chairman",
    "executive chairman": "chairman",
    "vice chairman": "vice chairman",
    "vice chair": "vice chairman",
    "executive vice chairman": "vice chairman",
    "president": "president",
    "cfo": "CFO",
    "chief financial officer": "CFO",
    "coo": "COO",
    "chief operating officer": "COO",
    "cto": "CTO",
    "chief technology officer": "CTO",
    "founder": "founder",
    "co founder": "founder",
    "cofounder": "founder",
    "chief": HEAD,
    "head": HEAD,
    "boss": HEAD,
}

#: Titles one person holds at a time; two different holders at once is a conflict.
#: ("founder" and "president" are not: companies have several founders, and presidents of
#: divisions.)
SINGLE_HOLDER_TITLES = frozenset({"CEO", "chairman", "CFO", "COO", "CTO"})


def canonical_title(surface: str) -> str | None:
    """The canonical title of a surface such as "Chief Executive Officer" or "co-founder"."""
    return TITLE_SURFACES.get(name_key(surface))
