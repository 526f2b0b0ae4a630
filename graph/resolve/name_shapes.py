"""Shapes of names in news that the name finder (:mod:`.name_spans`) reads: a legislator's party
and state in brackets ("(D-Ohio)", no other name of theirs), titles in single quotes ('Maggie May'),
sport clubs' letters ("FC Goa", "Tusker FC"), catalogue designations ("LHS 3844b")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .typing_lexicon import _PLACE_SUFFIXES, opens_single_quote
from .typing_sources import _first_name_info, is_place_name

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = [
    "quoted_titles",
    "conjoined_pieces",
    "titles_after_work_nouns",
    "TIME_ZONES",
    "capitalised_pronouns",
    "counted_words",
    "is_fragment",
    "CLUB_AFFIXES",
    "designations",
    "in_run",
    "located_pieces",
    "place_label",
    "is_aside",
    "is_aside_gloss",
    "is_club_affix",
    "single_quoted",
    "with_club_affixes",
]


#: a party and state after a legislator's name ("D-Ohio", "R-N.Y.", "I - Vt.")
_AFFILIATION = re.compile(r"^[DRIL]\s?[-\u2013]\s?[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?$")
#: words a bracket after a name holds that are no other name of it
_ASIDES = frozenset({"pictured", "left", "right", "centre", "center", "above", "below", "file", "inset"})


def is_aside_gloss(toks: list[Token], name_start: int, name_end: int, gloss_start: int, gloss_end: int) -> bool:
    """A bracket after a name that is no other name of it: an aside (:func:`is_aside`), or any
    bracket after a person's full name ("Katherine Rundell (Bloomsbury)": her publisher, not her name)."""
    text = "".join(t.text_with_ws for t in toks[gloss_start:gloss_end])
    person = (
        name_end - name_start >= 2
        and sum(t.ent_type_ == "PERSON" for t in toks[name_start:name_end]) * 2 > name_end - name_start
        and _first_name_info(toks[name_start].text)[0]  # a known first name: "Nurly Zhol (Bright Path)" is none
    )
    return person or is_aside(text)


def is_aside(text: str) -> bool:
    """A bracket after a name that is no translation or acronym of it: a legislator's party and
    state ("Senator Ann Ruiz (D-Ohio)"), "(pictured)"."""
    text = text.strip()
    return bool(_AFFILIATION.match(text)) or text.lower() in _ASIDES


_SINGLE_CLOSE = frozenset({"'", "\u2019"})


def single_quoted(toks: list[Token]) -> list[tuple[int, int]]:
    """Token ranges inside single quotation marks, as British and Australian news writes the titles
    of songs, films and books ('Maggie May'): an opening mark after a space, the closing one right
    after a word (a possessive's apostrophe closes nothing that was not opened)."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(toks) - 1:
        if not opens_single_quote(toks, i):
            i += 1
            continue
        close = None
        for j in range(i + 2, min(len(toks), i + 12)):
            if "\n" in toks[j].text or (
                toks[j - 1].text in (".", "!", "?") and toks[j].is_title and toks[j - 1].whitespace_
            ):
                break  # a sentence or paragraph ended first
            if toks[j].text in _SINGLE_CLOSE and not toks[j - 1].whitespace_:
                close = j
                break
        if close is None:
            i += 1
            continue
        found.append((i + 1, close))
        i = close + 1
    return found


#: the letters sport clubs write before or after their names ("FC Goa", "Tusker FC", "AC Milan")
CLUB_AFFIXES = frozenset({"FC", "AFC", "CF", "SC", "AC", "FK", "SK", "BK", "CFC"})


def is_club_affix(token: Token) -> bool:
    return token.text in CLUB_AFFIXES


_DESIGNATION = re.compile(r"^(?:\d+[a-z]|[a-z])$")


def designations(toks: list[Token], covered: set[int]) -> list[tuple[int, int]]:
    """Catalogue names ending in a designation ("LHS 3844b", "Pi Mensae c", "HD 21749b"): one name,
    so no fragment of it ("LHS", "Pi Mensae") becomes an entity of its own."""
    found = []
    for i in range(1, len(toks)):
        if i in covered or not _DESIGNATION.match(toks[i].text):
            continue
        start = i
        before = toks[i - 1]
        numbered = toks[i].text[0].isdigit() and before.text[:1].isupper() and before.is_alpha
        if i - 1 not in covered and (numbered or (toks[i].head.i == i - 1 and before.pos_ == "PROPN")):
            start = i - 1  # "LHS [3844b]", "GJ [4127c]": a catalogue number after the name
        while (
            start > 0
            and start - 1 not in covered
            and toks[start - 1].pos_ == "PROPN"
            and toks[start - 1].dep_ == "compound"
            and start <= toks[start - 1].head.i <= i
            and toks[start - 1].text[:1].isupper()
        ):
            start -= 1
        if start < i and not toks[start].text[:1].isupper():
            continue
        if start < i:
            found.append((start, i + 1))
    return found


def in_run(toks: list[Token], i: int, covered: set[int]) -> bool:
    """A word of a run of proper nouns: a capitalised proper noun, club letters, a capitalised
    word the tagger took for another part of speech right before club letters ("Dunmere FC"), or a
    capitalised plural after a proper noun ("the Goulburn Stags", a team tagged a common noun)."""
    if i in covered:
        return False
    token = toks[i]
    if token.pos_ == "PROPN" and (token.is_title or is_club_affix(token)):
        return True
    if token.is_title and token.tag_ in ("NNS", "NNPS") and i > 0 and i - 1 not in covered:
        before = toks[i - 1]
        if before.pos_ == "PROPN" and before.is_title and not before.is_sent_start:
            return True
    return token.is_title and i + 1 < len(toks) and is_club_affix(toks[i + 1]) and i + 1 not in covered


def with_club_affixes(toks: list[Token], start: int, end: int, covered: set[int]) -> tuple[int, int]:
    """A name with the club letters the NER left beside it: "[FC] Goa", "Bengaluru [FC]"."""
    if start < end:
        if start > 0 and start - 1 not in covered and is_club_affix(toks[start - 1]):
            start -= 1
        if end < len(toks) and end not in covered and is_club_affix(toks[end]):
            end += 1
    return start, end


def located_pieces(toks: list[Token], start: int, end: int) -> list[tuple[int, int]] | None:
    """An unquoted title the NER ran over "at" or "in" between two capitalised names ("the Sugar
    Millers at Ruaraka Grounds"): the two names; None when the span is no such pair."""
    for k in range(start + 1, end - 1):
        if toks[k].lower_ in ("at", "in") and toks[k].dep_ == "prep" and toks[k].text.islower():
            left, right = toks[start:k], toks[k + 1 : end]
            if any(t.is_title for t in left) and all(t.is_title or not t.is_alpha for t in right):
                return [(start, k), (k + 1, end)]
    return None


def place_label(toks: list[Token], start: int, end: int) -> str:
    """ "FAC" for a name a place list knows or whose last word names a place ("Ruaraka Grounds",
    "Bonaire"), else "MISC"."""
    text = "".join(t.text_with_ws for t in toks[start:end]).strip()
    return "FAC" if is_place_name(text) or toks[end - 1].lower_ in _PLACE_SUFFIXES else "MISC"


def capitalised_pronouns(toks: list[Token], context: Any) -> list[int]:
    """Acronyms the tagger read as pronouns ("WHO said on Monday"): a pronoun in capitals in a
    sentence that is not all capitals (a shouted headline)."""
    found = []
    for i, token in enumerate(toks):
        if token.pos_ == "PRON" and len(token.text) >= 2 and token.text.isupper() and token.text.isalpha():
            sentence = context.sentences[context.sentence_of[i]]
            if any(t.is_alpha and not t.is_upper for t in sentence):
                found.append(i)
    return found


#: time zones written after a time ("11 a.m. PT", "9pm GMT"): no names
TIME_ZONES = frozenset(
    [
        "PT",
        "ET",
        "CT",
        "MT",
        "GMT",
        "UTC",
        "BST",
        "CET",
        "CEST",
        "EST",
        "EDT",
        "PST",
        "PDT",
        "CST",
        "CDT",
        "MST",
        "MDT",
        "AEST",
        "AEDT",
        "ACST",
        "AWST",
        "NZST",
        "NZDT",
        "IST",
        "JST",
        "KST",
        "HKT",
        "SGT",
    ]
)
#: a quarter or half of a year ("Q3", "H1"), a fiscal year ("FY24")
_PERIOD = re.compile(r"^(?:Q[1-4]|H[12]|FY\d{2,4})$")


def is_fragment(toks: list[Token], start: int, end: int) -> bool:
    """A one-word span that names nothing: a time zone, a quarter of a year."""
    return end - start == 1 and (toks[start].text in TIME_ZONES or bool(_PERIOD.match(toks[start].text)))


#: words that count instances of a thing ("the final ODI", "the third Test")
_ORDINALS = frozenset(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "final", "opening", "last", "next", "deciding"]
)


def counted_words(toks: list[Token], spans: list[tuple[int, int, str]]) -> set[str]:
    """One-word names the article counts like common nouns ("won the final ODI", "the opening
    T20"): a kind of match or thing, no entity, wherever else the word stands ("the ODI series")."""
    found = set()
    for start, end, _ in spans:
        if end - start == 1:
            kids = list(toks[start].children)
            if any(c.dep_ == "amod" and c.lower_ in _ORDINALS for c in kids) and any(c.dep_ == "det" for c in kids):
                found.add(toks[start].text)
    return found


#: nouns a work's title follows ("the 1974 film Alice Doesn't Live Here Anymore")
_WORK_NOUNS = frozenset(
    ["film", "movie", "novel", "album", "song", "book", "play", "documentary", "sitcom", "memoir", "single", "opera"]
)
#: small words a title keeps in lower case between capitalised ones ("The Lord of the Rings")
_TITLE_SMALL = frozenset(["of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "by", "with", "from"])


def titles_after_work_nouns(toks: list[Token], covered: set[int]) -> list[tuple[int, int]]:
    """Titles of three words or more in title case right after a noun of a work ("his film A Star
    Is Born", "the 1974 film Alice Doesn't Live Here Anymore"): one name, verbs and all."""
    found = []
    for i, token in enumerate(toks[:-1]):
        if token.lower_ not in _WORK_NOUNS or not token.text.islower():
            continue
        j = i + 1
        while j < len(toks) and j - i <= 10 and j not in covered:
            t = toks[j]
            if (
                t.is_title
                or ((t.text.startswith("'") or t.lower_ == "n't") and j > i + 1)
                or (t.lower_ in _TITLE_SMALL and j > i + 1 and j + 1 < len(toks) and toks[j + 1].is_title)
            ):
                j += 1
            else:
                break
        words = [t for t in toks[i + 1 : j] if t.is_alpha]
        if len(words) >= 3 and toks[i + 1].is_title:
            found.append((i + 1, j))
    return found


def conjoined_pieces(toks: list[Token], start: int, end: int) -> list[tuple[int, int]] | None:
    """Two names the NER took for one over "and" ("Wazito and Kisumu All-Stars"): the first name is
    the head of the span and the second, of two words or more, its conjunct. Names with "and" inside
    keep it ("Marks and Spencer", "Bill and Melinda Gates Foundation", "Bill Haley & The Comets", a
    place the lists know)."""
    for k in range(start + 1, end - 2):
        if toks[k].lower_ != "and":
            continue
        left, right = toks[start:k], toks[k + 1 : end]
        if right[0].lower_ == "the":
            return None  # "Bill Haley and the Comets": a band's name
        roots = [t for t in left if not start <= t.head.i < k or t.head.i == t.i]
        span_roots = [t for t in toks[start:end] if not start <= t.head.i < end or t.head.i == t.i]
        if (
            len(roots) != 1
            or span_roots != roots
            or len(right) < 2
            or not all(t.text[:1].isupper() for t in right if t.is_alpha)
        ):
            return None
        conjunct = next((t for t in right if t.dep_ == "conj" and t.head.i == roots[0].i), None)
        text = "".join(t.text_with_ws for t in toks[start:end]).strip()
        if conjunct is None or is_place_name(text):
            return None
        return [(start, k), (k + 1, end)]
    return None


def quoted_titles(toks: list[Token], context: Any) -> list[tuple[int, int]]:
    """Short quotations in title case are titles of works ("Me and Bobby McGee," "For the Good
    Times"): one name each, so the names inside them are no entities of their own."""
    found: list[tuple[int, int]] = []
    inside = sorted(context.in_quote)
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(inside):
        start = end = inside[k]
        while k + 1 < len(inside) and inside[k + 1] == end + 1:
            k += 1
            end = inside[k]
        k += 1
        runs.append((start, end + 1))
    singles = single_quoted(toks)
    for start, end in [*runs, *singles]:
        # the quotation marks and the word after: inside a longer name there ('"Kaz" & Co')? (the
        # NER often runs a name across single quotes, "Sailing' and 'Rhythm": those are no evidence)
        edges = [] if (start, end) in singles else [toks[i] for i in (start - 1, end, end + 1) if 0 <= i < len(toks)]
        while end > start and (toks[end - 1].is_punct or toks[end - 1].is_space):
            end -= 1
        words = [t for t in toks[start:end] if t.is_alpha]
        if (
            not words
            or end - start > 8
            or not words[0].text[0].isupper()
            or any("\n" in t.text for t in toks[start:end])
        ):
            continue
        if any(t.ent_iob_ == "I" for t in edges):
            continue  # the quotation is part of a longer name
        if (
            all(t.text[0].isupper() for t in words if len(t) > 3)
            and (len(words) > 1 or words[0].pos_ == "PROPN")
            and any(t.pos_ in ("PROPN", "NOUN") for t in words)
        ):
            found.append((start, end))
    return found
