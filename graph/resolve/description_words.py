"""The words of :mod:`.descriptions`: organisation, person and country nouns, and titles.

Closed classes of general English news, each with what it may stand for.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..lexicon import DEMONYMS, FEMALE_WORDS, MALE_WORDS
from ..syntax import kids

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = [
    "ABBREVIATIONS",
    "ANOTHER",
    "BUSINESS",
    "CAPITAL_EPITHETS",
    "COUNTRY_NAMES",
    "COUNTRY_NOUNS",
    "EPITHETS",
    "EVENTS",
    "KIN",
    "NATION_ALIASES",
    "NEEDS_TRADE",
    "FUNCTIONARIES",
    "ORGANISATION_NOUNS",
    "ORGS",
    "PAST",
    "SAME_TITLE",
    "TITLE_STOP",
    "gender_of_word",
    "other_branch",
    "nation",
    "nation_of",
]

ORGS = frozenset({"Organization", "GovernmentBody", "PoliticalParty", "NewsAgency"})
_COMPANIES = frozenset({"Organization"})
_STATE = frozenset({"GovernmentBody"})
EVENTS = frozenset({"Event"})
_NONE: frozenset[str] = frozenset()


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _spec(words: str, kinds: frozenset[str] = _NONE) -> tuple[frozenset[str], frozenset[str]]:
    return _wordset(words), kinds


#: organisation noun -> (words one of which the entity's name must have, classes that fit without one)
ORGANISATION_NOUNS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "institution": _spec("institution institute", ORGS),
    "organisation": _spec("organisation organization", ORGS),
    "organization": _spec("organisation organization", ORGS),
    # a legal suffix ("Inc.", "Ltd") is in every company's name: class evidence, not the word that picks one
    "company": _spec("company", _COMPANIES),
    "firm": _spec("firm", _COMPANIES),
    "corporation": _spec("corporation", _COMPANIES),
    "conglomerate": _spec("group holdings", _COMPANIES),
    "group": _spec("group"),
    "bank": _spec("bank"),
    "lender": _spec("bank"),
    "insurer": _spec("insurance assurance"),
    "airline": _spec("airline airlines airways air"),
    "carmaker": _spec("motor motors"),
    "automaker": _spec("motor motors"),
    "hospital": _spec("hospital infirmary"),
    "clinic": _spec("clinic"),
    "university": _spec("university"),
    "college": _spec("college"),
    "school": _spec("school academy"),
    "court": _spec("court tribunal appellate"),
    "tribunal": _spec("tribunal"),
    "club": _spec("club fc afc"),
    "agency": _spec("agency administration bureau service authority"),
    "regulator": _spec("authority commission regulator board"),
    "watchdog": _spec("authority commission watchdog board"),
    "ministry": _spec("ministry department", _STATE),
    "department": _spec("department ministry"),
    "league": _spec("league"),
    "federation": _spec("federation"),
    "association": _spec("association"),
    "union": _spec("union"),
    "council": _spec("council"),
    "committee": _spec("committee"),
    "commission": _spec("commission"),
    "board": _spec("board"),
    "authority": _spec("authority"),
    "foundation": _spec("foundation"),
    "charity": _spec("charity foundation trust"),
    "party": _spec("party", frozenset({"PoliticalParty"})),
    "church": _spec("church"),
    "museum": _spec("museum"),
    "maker": _spec("", _COMPANIES),
    "manufacturer": _spec("", _COMPANIES),
    "retailer": _spec("", _COMPANIES),
    "giant": _spec("", _COMPANIES),
    "producer": _spec("", _COMPANIES),
    "operator": _spec("", _COMPANIES),
    "newspaper": _spec("times post journal herald news tribune gazette"),
    # events: "the 22nd Fan Expo ... the event", "the Tarnia Open ... the tournament"
    "event": _spec("event", EVENTS),
    "festival": _spec("festival fest", EVENTS),
    "championship": _spec("championship championships", EVENTS),
    "tournament": _spec("tournament open cup championship", EVENTS),
    "competition": _spec("competition contest challenge cup olympics", EVENTS),
    "contest": _spec("contest competition", EVENTS),
    "conference": _spec("conference congress forum", EVENTS),
    "summit": _spec("summit", EVENTS),
    "election": _spec("election elections", EVENTS),
}

#: business nouns whose modifiers say what the business is, not which ("the Canadian company",
#: "the smartphone maker", "the Cupertino-based tech giant"), unless they say it is another one
BUSINESS = _wordset("company firm corporation conglomerate maker manufacturer retailer giant producer operator")
ANOTHER = _wordset(
    "rival parent other another competing subsidiary sister partner new former previous second third same"
)

#: nouns for a country, and the names of countries ("the country" after "Tarnia" and "Oslo": Tarnia)
COUNTRY_NOUNS = frozenset({"country", "nation"})
COUNTRY_NAMES = frozenset(
    {name.lower() for name in DEMONYMS.values()}
    | _wordset("us u.s. usa u.s.a. america uk u.k. britain england scotland wales")
    | {"united states of america", "great britain", "united kingdom", "south korea", "north korea"}
)

#: singular nouns a news report calls a named person by, besides roles and demonyms
EPITHETS = _wordset("""
    striker forward midfielder defender goalkeeper keeper winger player
    veteran star superstar champion titleholder winner runner-up incumbent challenger newcomer
    rookie youngster teenager billionaire tycoon mogul entrepreneur businessman businesswoman
    politician lawmaker legislator actor actress singer songwriter singer-songwriter rapper
    musician comedian presenter broadcaster novelist author writer director filmmaker
    """)
#: epithets of party and country, only written with a capital ("the Republican", "the Pole";
#: "the pole" is a stick, "a liberal" anyone)
CAPITAL_EPITHETS = _wordset("""
    republican democrat conservative tory socialist liberal
    frenchman frenchwoman englishman englishwoman irishman irishwoman scotsman scotswoman
    welshman welshwoman dutchman dutchwoman briton brit scot swede dane finn pole turk spaniard
    """)
#: relations, not descriptions of the one person: "the son", "the mother" are someone's
KIN = _wordset("mother father son daughter wife husband brother sister uncle aunt")
#: abbreviated titles before names ("Gov. Tony Evers")
ABBREVIATIONS = {
    "gov.": "governor",
    "gov": "governor",
    "sen.": "senator",
    "sen": "senator",
    "rep.": "representative",
    "gen.": "general",
    "pres.": "president",
    "supt.": "superintendent",
    "prof.": "professor",
    "atty.": "attorney",
}
#: titles news uses for one another's holder ("Swans boss Michael Laudrup ... the manager")
SAME_TITLE = {
    "manager": ("manager", "boss", "coach"),
    "coach": ("coach", "boss", "manager"),
    "boss": ("boss", "manager", "coach", "chief"),
    "chief": ("chief", "boss"),
}
#: words before a title that say its holder no longer holds it
PAST = frozenset({"former", "ex", "ex-", "late", "then", "outgoing", "previous"})
TITLE_STOP = frozenset({"DET", "ADP", "VERB", "AUX", "PRON", "CCONJ", "SCONJ", "NUM", "PART", "PUNCT"})
#: roles of people who deal with the story's person ("the judge", "the spokesman", "the lawyer"):
#: another person, unless the article gave one of its people that title
FUNCTIONARIES = _wordset("""
    judge justice magistrate prosecutor lawyer attorney solicitor barrister counsel officer
    spokesman spokeswoman spokesperson analyst economist strategist reporter correspondent editor
    researcher scientist professor lecturer doctor physician nurse surgeon envoy diplomat consul
    ambassador investigator detective inspector sheriff deputy referee umpire
""")
#: business nouns that also name people or things unless a trade stands before them ("the tech
#: giant", "the tour operator", "the oil producer"; not "the Dutch giant" on a football pitch)
NEEDS_TRADE = _wordset("giant operator producer")
#: short names of countries and the country they name (the demonym table names the rest)
NATION_ALIASES = {
    "us": "united states",
    "u.s.": "united states",
    "usa": "united states",
    "u.s.a.": "united states",
    "america": "united states",
    "united states of america": "united states",
    "uk": "united kingdom",
    "u.k.": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
}


def nation(word: str) -> str:
    """The country a nationality word or a country's name stands for: "american", "us" -> "united states"."""
    word = word.lower()
    return NATION_ALIASES.get(word) or DEMONYMS.get(word, word).lower()


def nation_of(head: Token) -> str | None:
    """The country of a nationality adjective or a country's name before the noun ("the Russian
    leader", "the US president"), or None."""
    for c in kids(head):
        if (c.dep_ == "amod" and c.lower_ in DEMONYMS) or (c.dep_ == "compound" and c.lower_ in COUNTRY_NAMES):
            return nation(c.lower_)
    return None


def gender_of_word(word: str) -> str | None:
    if word in FEMALE_WORDS or word.endswith("woman"):
        return "f"
    if word in MALE_WORDS or word.endswith("man"):
        return "m"
    return None


#: the executive: "his government", "the administration" is no parliament
_EXECUTIVE = _wordset("government administration cabinet executive regime")
#: a legislature's name words: "House of Representatives", "the Senate", "National Assembly"
_LEGISLATURE = _wordset("""
    house senate parliament assembly congress legislature chamber duma diet knesset bundestag
    majlis sejm storting riksdag folketing althing oireachtas dail commons lords
    """)
#: groups of parties: "the ruling coalition" is no one party of it
_ALLIANCES = _wordset("coalition alliance bloc front union")


def other_branch(noun: str, names: Iterable[str]) -> bool:
    """Whether a description's noun cannot stand for an entity of these names: "the government" for
    a parliament ("House of Representatives"), "the coalition" for a party without that word."""
    words = {w.lower().strip(".,'") for name in names for w in name.split()}
    if noun in _EXECUTIVE:
        return bool(words & _LEGISLATURE) and noun not in words
    if noun in _ALLIANCES:
        return noun not in words and ("party" in words or bool(words & _LEGISLATURE))
    return False
