"""Final touches on a title before a name, for :mod:`graph.extractors.roles`: words the parser
gave the title that belong to the name or the organisation, and organisations a title implies.

* ``Marlow County Prosecutor Dean Fisk``: the role is ``Prosecutor`` (never a word of the name) and
  the organisation ``Marlow County`` (a place word at the title's start is the place's).
* ``rival defender Kofi Mensah``: the role is ``defender`` (``rival`` says whose side, not the role).
* ``Police Sgt. Hana Wolfe``: the split full stop of an abbreviated rank is no word of the role.
* ``former U.S. Rep. Colin Marsh``: a representative of the U.S. sits in the House, a U.S. senator
  in the Senate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import DEMONYMS
from .role_owners import bare_body_before_title, named_body
from .role_titles import first_spouse, is_role_word

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from ..types import Extraction

__all__ = [
    "PLACE_UNITS",
    "chamber_of",
    "conjoined_description",
    "misplaced_appositive",
    "office_of",
    "place_in_lead",
    "refine_title",
]

#: words for a kind of place that start a place's name when written before a title ("County Sheriff")
PLACE_UNITS = {"county", "city", "parish", "township", "borough", "town", "province"}
#: words before a sport position or a title that say whose side the holder is on, not the role
_SIDE_WORDS = {"rival", "opposing", "visiting", "opposition"}
#: the chamber of a national parliament a title stands for, by country name as written
_US_NAMES = {"u.s.", "us", "united states", "u.s", "america"}
_CHAMBERS = {
    "representative": "House of Representatives",
    "congressman": "House of Representatives",
    "congresswoman": "House of Representatives",
    "senator": "Senate",
}


def refine_title(
    doc: Doc, name: list[int], title: list[int], organisation: list[int]
) -> tuple[list[int], list[int], list[int]]:
    """The name, title and organisation words without the parser's misplaced words (see the module)."""
    if name:
        first = name[0]
        while (
            first > 0
            and doc[first].ent_iob_ == "I"
            and doc[first - 1].ent_type_ == doc[first].ent_type_
            and doc[first - 1].pos_ == "PROPN"
            and (
                not is_role_word(doc[first - 1])
                # "Prosecutor Dean Fisk": a role word inside the person's name, another title before it
                or (
                    doc[first].ent_type_ == "PERSON" and any(0 <= i < first - 1 and is_role_word(doc[i]) for i in title)
                )
            )
        ):
            first -= 1  # "Prosecutor Dean Fisk": "Dean" is the name's, not the title's
        name = sorted({*name, *range(first, name[0])})
    names = set(name)
    kept = [i for i in title if i < 0 or (i not in names and doc[i].text != ".")]
    words = [i for i in kept if i >= 0]
    if not words:
        return name, title, organisation
    # "First Lady Ann Vale" read as one organisation's name: "First" is the title's
    if organisation and first_spouse(doc[words[0]]) and max(organisation) == words[0] - 1:
        kept = [max(organisation), *kept]
        words = [max(organisation), *words]
        organisation = [i for i in organisation if i != words[0]]
    # "County Sheriff's Lt. X": the words before the possessive are the organisation's
    owners = [i for i in words if i + 1 < len(doc) and doc[i + 1].tag_ == "POS"]
    if owners and owners[-1] != words[-1]:
        cut = owners[-1]
        organisation = sorted({*organisation, *(i for i in words if i <= cut)})
        kept = [i for i in kept if i < 0 or i > cut]
        words = [i for i in words if i > cut]
    # "Cuyahoga County Prosecutor": "County" ends the place's name, "Prosecutor" is the role
    while (
        len(words) > 1
        and organisation
        and words[0] == max(organisation) + 1
        and doc[words[0]].lower_ in PLACE_UNITS
        and doc[words[0]].is_title
    ):
        organisation = [*organisation, words[0]]
        kept.remove(words[0])
        words = words[1:]
    # "council member X" where the article names the Brenton City Council: its member
    if not organisation and len(words) > 1 and bare_body_before_title(doc[words[0]]):
        body = named_body(doc, doc[words[0]])
        if body:
            organisation = body
            kept.remove(words[0])
            words = words[1:]
    # "rival defender X": the role is "defender"
    while len(words) > 1 and doc[words[0]].is_lower and doc[words[0]].lower_ in _SIDE_WORDS:
        kept.remove(words[0])
        words = words[1:]
    return name, kept, organisation


def chamber_of(country: str, label: str) -> str | None:
    """``U.S.`` and ``Representative``: ``U.S. House of Representatives``; None for other titles."""
    if not label:
        return None
    chamber = _CHAMBERS.get(label.split()[-1].lower())
    if chamber is None or country.strip().lower() not in _US_NAMES:
        return None
    return f"U.S. {chamber}"


def office_of(doc: Doc, organisation: list[int]) -> str | None:
    """``Sebastian County Sheriff's Lt. X``: the lieutenant serves in the ``Sebastian County Sheriff's
    Office`` (an organisation ending in a title and a possessive is that office-holder's office)."""
    last = max(organisation)
    if not is_role_word(doc[last]) or last + 1 >= len(doc) or doc[last + 1].tag_ != "POS":
        return None
    words = [doc[i] for i in sorted(organisation) if doc[i].tag_ != "POS" and doc[i].lower_ != "the"]
    return f"{' '.join(t.text for t in words)}'s Office"


#: lower-case words inside an organisation's name ("Rolling in Comfort", "Bank of Ireland")
_NAME_JOINERS = {"in", "of", "and", "&", "the", "for", "on"}


def misplaced_appositive(role: Token) -> tuple[Token, list[int]] | None:
    """``Vantor in Motion's co-chief executive, Paul Dessler, said``: the parser hung the name on the
    organisation's first word, not on the title written just before it. The person and the whole
    name of the organisation the possessive gives (``Vantor in Motion``), or None."""
    doc = role.doc
    comma = role.i + 1
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return None
    person = next((t for t in doc[comma + 1].sent[comma + 1 - doc[comma + 1].sent.start :] if t.dep_ == "appos"), None)
    if person is None or person.left_edge.i != comma + 1 or person.ent_type_ != "PERSON":
        return None
    anchor = person.head
    if anchor.i >= role.i or anchor not in list(role.ancestors) or not _named_word(anchor):
        return None
    owner = [c for c in role.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    if not owner:
        return None
    words = list(range(anchor.left_edge.i, owner[0].i + 1))
    if not all(_named_word(doc[i]) or doc[i].lower_ in _NAME_JOINERS for i in words):
        return None
    return person, [i for i in words if doc[i].lower_ != "the"]


def _named_word(token: Token) -> bool:
    return token.pos_ == "PROPN" or (token.is_title and token.ent_type_ in ("ORG", "GPE", "FAC", "PERSON"))


#: titles of a country's government, and of a city's, that news writes without the place
_NATIONAL_TITLES = {"prime minister", "premier"}
_CITY_TITLES = {"mayor"}
_STATE_TITLES = {"governor", "lieutenant governor"}
#: kinds of a country's first-level part a governor heads (pycountry's subdivision types)
_STATE_KINDS = {"State", "Province", "Territory"}
#: the names of countries ("Portugal's government"), for a national title's country
COUNTRY_NAMES = frozenset(
    {name.lower() for name in DEMONYMS.values()}
    | {"us", "u.s.", "usa", "america", "uk", "u.k.", "britain", "great britain", "united kingdom"}
)
#: sentences at the start of an article that say where it happens (headline, dateline, lead)
_LEAD_SENTENCES = 4


def place_in_lead(doc: Doc, label: str) -> list[int] | None:
    """``Prime Minister Tor Vasko`` in an article whose lead names one country (``Portugal's
    government lost a vote``): Portugal; ``Mayor Ada Lowe`` where it names one city or the city's
    council (``the Brenton City Council``): Brenton. None when the lead names none or several."""
    title = label.lower().removeprefix("former ")
    national = title in _NATIONAL_TITLES
    if title in _STATE_TITLES:
        return _state_in_lead(doc)
    if not national and title not in _CITY_TITLES:
        return None
    sentences = list(doc.sents)[:_LEAD_SENTENCES]
    if not sentences:
        return None
    end = sentences[-1].end
    found: dict[str, list[int]] = {}
    for ent in doc.ents:
        if ent.start >= end:
            break
        words = [t for t in ent if t.lower_ != "the" and t.tag_ != "POS"]
        if not words:
            continue
        text = " ".join(t.text for t in words)
        country = text.lower() in COUNTRY_NAMES
        if ent.label_ == "GPE" and country == national:
            found.setdefault(text.lower(), [t.i for t in words])
        elif (
            not national
            and ent.label_ == "ORG"
            and len(words) > 2
            and words[-2].lower_ == "city"
            and words[-1].lemma_.lower() == "council"
        ):  # "the Brenton City Council": the city is Brenton
            city = words[:-2]
            found.setdefault(" ".join(t.lower_ for t in city), [t.i for t in city])
    return next(iter(found.values())) if len(found) == 1 else None


def conjoined_description(role: Token) -> bool:
    """``Alan Reyes, her supervisor and a researcher at the Harwick Museum``: a title conjoined with
    an apposition of a person's name describes that person too."""
    head = role.head
    person = head.head
    return (
        role.dep_ == "conj"
        and head.dep_ == "appos"
        and head.pos_ == "NOUN"
        and person.ent_type_ == "PERSON"
        and person.pos_ == "PROPN"
        and person.i < head.i
        and not any(c.lower_ == "respectively" for c in role.sent)
    )


def headline_word_as_name(doc: Doc, name: list[int]) -> bool:
    """``Indiana Governor Dead At 73``: in a headline written in title case every word is capitalised,
    so a capitalised word after a title is a person's name only when the NER says so."""
    if not name or any(doc[i].ent_type_ == "PERSON" for i in name):
        return False
    sentence = doc[name[0]].sent
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and all(t.is_title or t.is_upper for t in words)


def shared_organisation(role: Token) -> list[int]:
    """``Barrett, her supervisor and a researcher at the Harwick Museum``: the parser hung "at the
    Harwick Museum" on the first noun; the last conjoined title has it too."""
    head = role.head
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("at", "of", "with", "for") or prep.i < role.i:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.ent_type_ in ("ORG", "GPE", "FAC"):
                return [i for i in range(obj.left_edge.i, obj.i + 1) if role.doc[i].lower_ != "the"]
    return []


def without_bare_duplicates(found: list[Extraction]) -> list[Extraction]:
    """The roles without one that says less than another of the same sentence: ``The last governor to
    die in office was Missouri's Gov. Mel Carnahan`` gives governor of Missouri, not also a bare governor."""

    def role_of(extraction: Extraction) -> str:
        return extraction.relation.text.lower().removeprefix("former ")

    placed = {
        (e.sentence, e.subject.tokens, role_of(e)) for e in found if e.object is not None and e.object.kind != "ROLE"
    }
    return [
        e
        for e in found
        if e.object is None or e.object.kind != "ROLE" or (e.sentence, e.subject.tokens, role_of(e)) not in placed
    ]


def _is_state(name: str) -> bool:
    """A state or province a subdivision list knows (Indiana, Ontario), not a city."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - optional place list
        return False
    try:
        return bool(pycountry.subdivisions.lookup(name).type in _STATE_KINDS)
    except (LookupError, AttributeError):
        return False


def _state_in_lead(doc: Doc) -> list[int] | None:
    """``Gov. X`` in an article whose lead names one state (``southern Indiana charm``): Indiana."""
    sentences = list(doc.sents)[:_LEAD_SENTENCES]
    if not sentences:
        return None
    found: dict[str, list[int]] = {}
    for ent in doc.ents:
        if ent.start >= sentences[-1].end:
            break
        words = [t for t in ent if t.lower_ != "the" and t.tag_ != "POS"]
        text = " ".join(t.text for t in words)
        if ent.label_ == "GPE" and words and _is_state(text):
            found.setdefault(text.lower(), [t.i for t in words])
    return next(iter(found.values())) if len(found) == 1 else None
