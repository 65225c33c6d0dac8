"""The words around a role title that say who holds it and when: qualifiers ("former",
"new", "then-"), appointments ("Acme named X"), copulas ("X was CEO"), departures
("dismissed its CEO", "X stepped down", "X will step down") and successions ("Y succeeds X").

Patterns only, read by `roles`: one anchored with `$` is searched in a window that ends
where the title (or its holder) starts; one without is matched where the holder ends.
"""

from __future__ import annotations

from factcheck.regex_cache import compile_pattern

__all__ = [
    "ACTED_ON",
    "APPOINTED_BEFORE",
    "APPOINTING",
    "APPOINT_VERBS",
    "APPOSITIVE",
    "BECOME_BEFORE",
    "COPULA_BEFORE",
    "DEPARTED_BEFORE",
    "LEAVES_AFTER",
    "LEFT_AFTER",
    "NAME_WORDS",
    "PASSIVE_BEFORE",
    "PAST_COPULAS",
    "QUALIFIER",
    "QUALIFIER_STATUS",
    "REPLACED_BY",
    "SUCCEEDS",
    "SUCCESSOR",
    "UNDATED_CUES",
    "WHO_HEADS",
]

# Words right before the title (or before its organisation) that say when the person held it.
# ("then-" and "ex-" only hyphenated: "chairman and then CEO" is no former CEO.)
QUALIFIER = compile_pattern(
    r"(?i:\b(?:(?P<q>former|formerly|late|outgoing|previous|erstwhile|new|incoming|next"
    r"|interim|acting|current)\s+(?:the\s+)?|(?P<h>ex|then)-))$"
)
QUALIFIER_STATUS = {
    "former": "former",
    "formerly": "former",
    "ex": "former",
    "then": "former",
    "late": "former",
    "previous": "former",
    "erstwhile": "former",
    "outgoing": "leaving",
    "new": "new",
    "incoming": "new",
    "next": "future",
}
# Former holders whose sentence's dates are not the day they left: "former CEO X said in
# 2019", "X was CEO in 2010", "Y, X's successor, joined in 2001".
UNDATED_CUES = frozenset(
    {*QUALIFIER_STATUS, "succeeded", "was", "had been", "remained", "served as", "had served as"}
)
# "<ORG> named <PERSON> (as its new) <TITLE>" / "<PERSON> was named <TITLE>" and the like.
APPOINT_VERBS = (
    r"named|names|appointed|appoints|picked|picks|chose|chooses|chosen|selected|selects"
    r"|tapped|taps|promoted|promotes|elected|elects|hired|hires|installed|installs|made"
)
APPOINTING = frozenset(APPOINT_VERBS.split("|"))
APPOINTED_BEFORE = compile_pattern(
    rf"(?i:\b(?P<verb>{APPOINT_VERBS})\s+)(?P<person>[^,;.]{{2,60}}?)"
    r"(?i:\s+(?:as\s+)?(?:(?:its|the|their|his|her)\s+)?(?:(?:new|next|permanent)\s+)?)$"
)
# The holder may stand before an apposition: "Jane Park, a company veteran, will become CEO".
APPOSITIVE = r"(?:,[^,.;]{3,80},)?"
PASSIVE_BEFORE = compile_pattern(
    rf"(?i:{APPOSITIVE}\s*(?:,\s*who\s+)?"
    r"(?P<aux>will\s+be|is\s+to\s+be|has\s+been|had\s+been|was|is|were)\s+"
    rf"(?:{APPOINT_VERBS})\s+(?:as\s+)?(?:(?:its|the|their)\s+)?(?:(?:new|next)\s+)?)$"
)
BECOME_BEFORE = compile_pattern(
    rf"(?i:{APPOSITIVE}\s*(?:,\s*who\s+)?"
    r"(?P<aux>will|would|is\s+set\s+to|is\s+to|is\s+expected\s+to|to)?\s*"
    r"(?P<verb>become|becomes|became|take\s+over\s+as|takes\s+over\s+as|took\s+over\s+as"
    r"|succeed\s+\S+\s+as|step\s+in\s+as|steps\s+in\s+as)\s+(?:(?:its|the|their)\s+)?"
    r"(?:(?:new|next)\s+)?)$"
)
# "<PERSON> was CEO", "<PERSON> has been chairman since 2019".
COPULA_BEFORE = compile_pattern(
    rf"(?i:{APPOSITIVE}\s+(?P<cop>is|was|has\s+been|had\s+been|remains|remained|serves\s+as"
    r"|served\s+as|had\s+served\s+as|has\s+served\s+as)\s+(?:(?:its|the|their)\s+)?)$"
)
PAST_COPULAS = frozenset({"was", "had been", "remained", "served as", "had served as"})
# Departure before the title: "dismissed its CEO", "the resignation of chairman".
DEPARTED_BEFORE = compile_pattern(
    r"(?i:\b(?:dismissed|dismisses|fired|fires|ousted|ousts|sacked|sacks|removed|removes"
    r"|(?P<succeeds>replaced|replaces|succeeded|succeeds|succeeding|replacing"
    r"|will\s+(?:replace|succeed)|took\s+over\s+from|takes\s+over\s+from))\s+"
    r"(?:(?:its|the|their)\s+)?"
    r"|\b(?:dismissal|departure|exit|resignation|ousting|removal|firing|sacking|retirement"
    r"|successor|replacement)\s+(?:of|to|for)\s+(?:(?:its|the|their)\s+)?)$"
)
# Departure after the holder: "X stepped down", "X, who will leave his post".
LEAVES_AFTER = compile_pattern(
    r"(?i:,?\s*(?:who\s+)?(?:\w+ly\s+)?(?:"
    r"(?:announced|said)(?:\s+\w+){0,3}?\s+(?:that\s+)?(?:he|she)\s+(?:would|will)\s+"
    r"(?:step\s+down|retire|leave|resign)"
    r"|(?:will|is\s+set\s+to|is\s+to|plans\s+to|is\s+expected\s+to|is\s+going\s+to|would)"
    r"\s+(?:step\s+down|retire|leave|resign|depart|quit|hand\s+over)"
    r"|is\s+(?:stepping\s+down|leaving|retiring|departing)|to\s+step\s+down))"
)
LEFT_AFTER = compile_pattern(
    r"(?i:,?\s*(?:who\s+)?(?:\w+ly\s+)?(?:has\s+|had\s+)?(?:announced\s+(?:his|her)\s+"
    r"(?:\w+\s+)?(?:resignation|departure|exit)|quit|resigned|stepped\s+down|retired"
    r"|left\s+(?:the\s+(?:company|group|firm|board)|(?:his|her|the)\s+(?:post|position|role|job))"
    r"|departed|was\s+(?:ousted|dismissed|fired|sacked|removed|replaced|forced\s+out)"
    r"|has\s+been\s+(?:ousted|dismissed|fired|sacked|removed|replaced)|,?\s+ousted\b))"
)
REPLACED_BY = compile_pattern(
    r"(?i:,?\s*(?:who\s+)?(?:was|has\s+been|will\s+be|is\s+to\s+be)\s+(?:replaced|succeeded)"
    r"\s+by\s+)"
)
# Successions that name no title: the title is the one the text gives either person.
NAME_WORDS = r"[A-Z][^\W\d_]*(?:[ -](?:de |van |von |da |di )?[A-Z][^\W\d_]*){0,3}"
SUCCEEDS = compile_pattern(
    rf"(?P<new>{NAME_WORDS}){APPOSITIVE}\s+(?:(?P<will>will|is\s+to|is\s+set\s+to)\s+)?"
    r"(?:succeeds|succeeded|succeed|replaces|replaced|replace|took\s+over\s+from"
    rf"|takes\s+over\s+from|take\s+over\s+from)\s+(?P<old>{NAME_WORDS})"
)
SUCCESSOR = compile_pattern(
    rf"(?P<old>{NAME_WORDS})['’]s\s+(?:successor|replacement),?\s+(?P<new>{NAME_WORDS})"
    rf"|(?P<new2>{NAME_WORDS})\s+(?:(?:has\s+been|was|is)\s+)?(?:named|appointed)\s+"
    rf"(?:as\s+)?(?P<old2>{NAME_WORDS})['’]s\s+(?:successor|replacement)"
    rf"|(?:named|appointed)\s+(?:[a-z]+\s+){{0,3}}(?P<new3>{NAME_WORDS})\s+as\s+"
    rf"(?P<old3>{NAME_WORDS})['’]s\s+(?:successor|replacement)"
)
WHO_HEADS = compile_pattern(
    r",\s+who\s+(?P<aux>(?:has|had)\s+)?(?P<verb>heads|leads|runs|chairs|headed|led|ran|chaired)"
    r"\s+(?:the\s+)?"
)
# "<ORG> dismissed CEO <PERSON>": the organisation that appoints or removes owns the title.
ACTED_ON = compile_pattern(
    r"\s+(?:(?:has|have|had)\s+)?(?:dismissed|fired|ousted|sacked|removed|named|appointed|hired"
    r"|promoted|elected|picked|chose|tapped)\s+(?:(?:its|their)\s+)?(?:(?:new|former)\s+)?$"
)
