"""Attribution cues: who a claim is credited to ("according to the Financial Times").

The credited party is kept apart from the claim's subject: "Alibaba invested $7 billion,
according to the FT" is about Alibaba and credited to the Financial Times. `name` is the
credited party, with outlets' short names expanded ("FT" → "Financial Times") and a leading
article or description dropped ("market research firm ITJuzi" → "ITJuzi").
"""

from __future__ import annotations

import re

from factcheck.regex_cache import compile_pattern
from factcheck.values import Mention, MentionKind, Span

__all__ = ["OUTLET_NAMES", "find_attributions"]

#: Short or variant outlet names → the name shown in reports.
OUTLET_NAMES: dict[str, str] = {
    "FT": "Financial Times",
    "the FT": "Financial Times",
    "WSJ": "Wall Street Journal",
    "the WSJ": "Wall Street Journal",
    "The Wall Street Journal": "Wall Street Journal",
    "the Wall Street Journal": "Wall Street Journal",
    "the Financial Times": "Financial Times",
    "The Financial Times": "Financial Times",
    "SCMP": "South China Morning Post",
    "the South China Morning Post": "South China Morning Post",
    "The Information": "The Information",
}

# A named party: capitalised words, possibly joined by "of", "&", "and" ("Bank of America").
# Dots only inside a word ("Amazon.com"), so a sentence's full stop ends the name.
_WORD = r"""[A-Z][\w&'’-]*(?:\.[A-Za-z]+)*"""
_NAME = rf"""(?:[Tt]he\s+)?{_WORD}(?:\s+(?:of\s+|&\s+|and\s+)?{_WORD}){{0,5}}"""
# Descriptions that may precede a name: "market research firm ITJuzi", "analyst firm X".
_DESCRIPTION = r"""(?:(?:[a-z-]+\s+){0,3}(?:firm|company|agency|outlet|newspaper|group|
    platform|provider|consultancy|analysts?|researchers?|bank)\s+)?"""
# Unnamed parties news credits: "analysts", "sources close to the deal", "people familiar".
_UNNAMED = r"""(?:(?:industry\s+|market\s+|some\s+|many\s+)?(?i:a)nalysts
    |(?i:people|persons|sources|a\s+person|a\s+source|insiders)
        (?:\s+(?:familiar\s+with|close\s+to|briefed\s+on|with\s+knowledge\s+of)\s+[\w\s]+?
            (?=[,.;]|\s+(?:said|say|says|told)\b|$))?)"""

_CUES = compile_pattern(
    rf"""
      \b(?i:according\s+to|as\s+reported\s+by|reported\s+by|citing|cited\s+by
          |data\s+(?:compiled\s+by|from)|figures\s+from|estimates\s+by|a\s+report\s+by)\s+
        {_DESCRIPTION}(?P<after>{_NAME}|{_UNNAMED})           # according to the FT
    | (?P<before>{_NAME}|{_UNNAMED})\s+
        (?:reported|reports|report|said|says|say|told|stated|estimated|estimates|estimate
          |predicted|predict|predicts|expect|expects|expected|forecast|forecasts
          |(?:data\s+)?show(?:s|ed)?)\b                     # X said, analysts predict
    | \b(?:said|says|adds|added|according\s+to)\s+(?P<inverted>{_NAME})(?=[\s,.;]|$)
                                                            # "…, adds NIX Solutions."
    """,
    re.VERBOSE,
)
_UNNAMED_START = compile_pattern(
    r"(?i:analysts|people|persons|sources|a person|a source|insiders)\b"
)
_LEADING_ARTICLE = compile_pattern(r"^[Tt]he\s+")
# Words that start a sentence or clause but name nobody: "It said", "This shows".
_NOT_A_PARTY = frozenset(
    {"it", "he", "she", "they", "we", "i", "this", "that", "these", "those", "there", "which"}
    | {"who", "what", "when", "while", "his", "her", "their", "its", "as", "and", "but", "so"}
)


def _credited(surface: str) -> str:
    surface = " ".join(surface.split())
    if _UNNAMED_START.match(surface):
        return surface[0].lower() + surface[1:]
    if surface in OUTLET_NAMES:
        return OUTLET_NAMES[surface]
    bare = _LEADING_ARTICLE.sub("", surface)
    return OUTLET_NAMES.get(bare, bare)


def find_attributions(text: str) -> list[Mention]:
    """ATTRIBUTION mentions in `text`: the span of the whole cue, `name` the credited party."""
    found: list[Mention] = []
    for match in _CUES.finditer(text):
        group = next(g for g in ("after", "before", "inverted") if match.group(g))
        party = match.group(group)
        if party.split()[0].lower() in _NOT_A_PARTY:
            continue
        start, end = match.span()
        found.append(
            Mention(
                kind=MentionKind.ATTRIBUTION,
                span=Span(start=start, end=end, text=text[start:end]),
                name=_credited(party),
                trace=(f"attribution cue: {text[start:end]!r}",),
            )
        )
    return found
