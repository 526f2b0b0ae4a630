"""Small word lists about names that are no names, or no part of one (used by :mod:`.name_spans`,
:mod:`.typing` and :mod:`.entities`): kinship words used as names inside quotes, a medium word
alone, a player's position before a surname, and words that make a place's name another place's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import ROLE_ABBREVIATIONS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


__all__ = [
    "COMPOUND_DESCRIPTORS",
    "ILLNESS_NOUNS",
    "KIND_NOUNS",
    "LOCAL_NOUNS",
    "MAKER_NOUNS",
    "OFFICE_TITLES",
    "PLACE_PART_WORDS",
    "POSITION_NOUNS",
    "PRODUCT_NOUNS",
    "is_common_word_name",
    "is_plural_short_form",
    "names_a_team",
    "plural_form_of",
]

#: kinship words a speaker uses as names ("Grandma told us", "Mom and Dad"): nobody a reader can look up
_KIN_WORDS = _words(
    "mom mum mommy mummy mama mamma ma dad daddy papa pa grandma grandpa granny grandad granddad "
    "gran nana nanna auntie aunty"
)
#: a medium or section word alone ("CBS News, Radio and ..."): part of a list of outlets, no name
_MEDIUM_WORDS = _words("radio television tv online digital print video podcast podcasts")
#: a player's position written before the surname ("Goalkeeper Lunde"): a title, no part of the name
POSITION_NOUNS = _words(
    "goalkeeper keeper goalie defender midfielder striker forward winger fullback full-back "
    "centre-back center-back playmaker substitute quarterback linebacker pitcher catcher shortstop "
    "batsman bowler wicketkeeper skipper"
)
#: words before a place's name that make it another place ("South Africa" is not "Africa")
PLACE_PART_WORDS = _words(
    "new north south east west northern southern eastern western central upper lower greater "
    "northeast northwest southeast southwest"
)
#: a product noun after the name of its maker ("the Moderna vaccine", "the Acme drug")
MAKER_NOUNS = _words("vaccine vaccines jab shot drug pill")
#: nouns of a place's own station, team or office ("Redfield television station", "Carlow police")
LOCAL_NOUNS = _words("station television radio newspaper airport hospital")
#: nouns of an illness after its name ("COVID-19 symptoms", "the Zika outbreak")
ILLNESS_NOUNS = _words("symptom symptoms pandemic epidemic outbreak infection infections patient patients")
#: nouns of a product after the name of it ("the X maker", "X users")
PRODUCT_NOUNS = _words("maker makers manufacturer user users owner owners")
#: all nouns after a name that say what it is (beside the descriptors of :mod:`.typing_lexicon`)
KIND_NOUNS = MAKER_NOUNS | LOCAL_NOUNS | ILLNESS_NOUNS | PRODUCT_NOUNS
#: club letters as transliteration-free keys ("FC Harbor City")
_CLUB_KEYS = _words("fc afc cf sc ac fk sk bk cfc")
#: nouns of a team after a place's name ("the Harbor side")
_TEAM_NOUNS = _words("side team squad outfit")
#: two-word descriptors before a name: their kind ("voice assistant Zelly", "television station WKTR")
COMPOUND_DESCRIPTORS = {
    ("voice", "assistant"): "product",
    ("digital", "assistant"): "product",
    ("virtual", "assistant"): "product",
    ("television", "station"): "broadcaster",
    ("tv", "station"): "broadcaster",
    ("radio", "station"): "broadcaster",
}


#: a title of a spouse ("First Lady Ann Vale"), nobody's name on its own
_SPOUSE_TITLES = frozenset({"first lady", "first gentleman"})
#: academic degrees ("a PhD student"): no work, no organisation
_DEGREES = _words("phd ph.d mba bsc msc dphil")
#: offices named by a place and a title ("Carlow County Sheriff's deputies", "Dale County
#: Prosecutor Jo Park"): the office, an organisation; never the place or a person
OFFICE_TITLES = _words("sheriff prosecutor coroner treasurer assessor clerk auditor attorney")


def is_common_word_name(toks: list[Token], start: int, end: int) -> bool:
    """A span of only kinship words ("Grandma", "Mom and Dad"), one medium word ("Radio"), a
    spouse's title ("First Lady"), a degree ("PhD") or a title's abbreviation ("Lt.", "Sgt.")."""
    words = [t.lower_ for t in toks[start:end] if not t.is_punct]
    if len(words) == 1 and (words[0] in _MEDIUM_WORDS or words[0].rstrip(".") in _DEGREES):
        return True
    if len(words) == 1 and words[0].rstrip(".") in ROLE_ABBREVIATIONS and not toks[start].text.isupper():
        return True  # "Lt.", "Sgt." (not "SEC", an agency's letters)
    if " ".join(words) in _SPOUSE_TITLES:
        return True
    names = [w for w in words if w not in ("and", "or", "&")]
    return bool(names) and all(w in _KIN_WORDS for w in names)


def is_plural_short_form(short: list[str], long: list[str]) -> bool:
    """A plural that names the longer name's thing or its members (keys, lowercased words): a
    party's members ("Liberals" for "Liberal Party") or a product's units ("X5s" for "Velo X5");
    also a club's place without its letters ("Harbor" for "FC Harbor City")."""
    if len(long) >= 3 and long[0] in _CLUB_KEYS and long[1 : 1 + len(short)] == short:
        return True
    if len(short) != 1 or len(long) < 2 or not short[0].endswith("s") or len(short[0]) < 3:
        return False
    stem = short[0][:-1]
    if long[-1] == "party" and len(long) == 2:
        return stem == long[0]
    return stem == long[-1] and any(c.isdigit() for c in stem) and any(c.isalpha() for c in stem)


def names_a_team(toks: list[Token], start: int) -> bool:
    """The name at ``start`` stands before a noun of a team ("the Harbor side", "Kestrel players")."""
    i = start
    while i < len(toks) and toks[i].pos_ == "PROPN":
        i += 1
    return i < len(toks) and i > start and toks[i].lower_ in _TEAM_NOUNS


def plural_form_of(short: str, long: str) -> bool:
    """:func:`is_plural_short_form` on two names as written."""
    return is_plural_short_form(short.lower().split(), long.lower().split())
