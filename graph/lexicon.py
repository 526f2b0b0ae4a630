"""Closed English word lists: the words the rules of the extractors and of resolution name.

Every rule in :mod:`graph.extractors` and :mod:`graph.resolve` that tests a word against a list
takes the list from here, so the vocabulary the system knows is in one place and can be read,
reviewed and extended without reading the rules. Only closed classes and small lexicons of
English (and the surname endings of names written in Latin script) belong here; dependency labels
and NER labels are grammar of the parser, not words, and stay with the rules that read them.
"""

from __future__ import annotations

__all__ = [
    "ADDRESS_TITLES",
    "AGENT_PREPOSITIONS",
    "APPOINTING_VERBS",
    "CATEGORY_NOUNS",
    "COMPANY_ROLE_NOUNS",
    "COUNTERPART_NOUNS",
    "DEFINITE_DETERMINERS",
    "DEPUTY_WORDS",
    "FEMALE_WORDS",
    "FIRST_PLURAL_PRONOUNS",
    "FIRST_SINGULAR_PRONOUNS",
    "GLOSS_FUNCTION_WORDS",
    "GOVERNMENT_HEADS",
    "HONORIFICS",
    "LIGHT_PREPOSITIONS",
    "LIGHT_VERBS",
    "MALE_WORDS",
    "MODAL_LEMMAS",
    "MODAL_VERBS",
    "ORGANIZATION_HEADS",
    "PARTICIPANT_PREPOSITIONS",
    "PATIENT_PREPOSITIONS",
    "PERSON_NOUNS",
    "PERSON_PRONOUNS",
    "PLURAL_PRONOUNS",
    "PROGRAMME_HEADS",
    "REPORTING_VERBS",
    "ROLE_ABBREVIATIONS",
    "ROLE_COPULAS",
    "ROLE_HEAD_NOUNS",
    "ROLE_MODIFIERS",
    "ROLE_NOUNS",
    "ROLE_TITLE_NOUNS",
    "ROLE_UNIT_NOUNS",
    "ROLE_VERBS",
    "SPEECH_VERBS",
    "SURNAME_ENDINGS",
    "THING_PRONOUNS",
    "TIME_WORDS",
    "UNIT_WORDS",
]

# ----------------------------------------------------------------------------- verbs

#: verbs that report speech or thought: their clausal object is a statement
SPEECH_VERBS = {
    "say",
    "tell",
    "add",
    "note",
    "stress",
    "state",
    "announce",
    "emphasize",
    "emphasise",
    "highlight",
    "declare",
    "claim",
    "report",
    "explain",
    "remark",
    "underline",
    "underscore",
    "point",
    "insist",
    "argue",
    "warn",
    "suggest",
    "confirm",
    "deny",
    "write",
    "reply",
    "answer",
    "observe",
    "believe",
    "think",
    "maintain",
    "indicate",
    "mention",
    "assert",
    "acknowledge",
    "admit",
    "predict",
}
#: verbs that introduce a quotation: reporting verbs, and "continued", "concluded"
REPORTING_VERBS = SPEECH_VERBS | {"continue", "conclude"}
#: lemmas of modal auxiliaries (the modality of a clause)
MODAL_LEMMAS = {"must", "should", "may", "might", "can", "could", "will", "would", "shall", "ought"}
#: verbs that, followed by "to" + verb, only add modality ("had to become")
MODAL_VERBS = {"have": "have to", "need": "need to", "ought": "ought to"}
#: verbs whose object noun carries the meaning: "hold a meeting with", "take part in"
LIGHT_VERBS = {"hold", "make", "take", "give", "have", "pay", "conduct", "deliver", "host", "sign", "reach"}
#: prepositions that attach the participant of a light verb's event noun
LIGHT_PREPOSITIONS = {"with", "on", "to", "for", "in", "about", "against", "between", "into", "at"}
#: prepositions of a nominalisation's patient ("the implementation of X") and agent ("by Y")
PATIENT_PREPOSITIONS = ("of",)
AGENT_PREPOSITIONS = ("by",)
#: prepositions of another participant of a possessed nominalisation ("X's visit to Y")
PARTICIPANT_PREPOSITIONS = ("to", "with", "on", "for", "against", "into", "from")

# ----------------------------------------------------------------------------- names, titles, roles

#: role nouns whose holder leads the organisation (W3C ORG ``org:headOf``), unless qualified by a
#: deputy-like word
ROLE_HEAD_NOUNS = {
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "president",
    "leader",
    "head",
    "director",
    "chief",
    "ceo",
    "governor",
    "mayor",
    "prime minister",
    "premier",
    "king",
    "queen",
    "secretary-general",
    "general secretary",
    "commander",
    "rector",
    "principal",
    "editor-in-chief",
    "founder",
    "chief executive",
    "chief executive officer",
    "boss",
}
#: words that make a role a deputy's, not the head's ("First Deputy Chairman", "Vice President")
DEPUTY_WORDS = {"deputy", "vice", "assistant", "acting", "former", "ex", "co", "first deputy", "associate"}
#: forms of address that are part of a name, not a position ("Mr. Phelan"), without their full stop
HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "madam",
    "mme",
    "m",
    "herr",
    "frau",
    "messrs",
    "rev",
    "st",
    "jr",
    "sr",
}
#: nouns that name a position; capitalised and definite they are used as a person's name
ROLE_NOUNS = {
    "president",
    "leader",
    "head",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "minister",
    "premier",
    "secretary",
    "director",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "emperor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "chief",
    "commander",
    "senator",
    "deputy",
    "speaker",
    "founder",
    "chancellor",
    "prosecutor",
    "general",
    "judge",
}
#: common nouns that, definite, refer back to a salient entity of a kind (noun -> entity type)
CATEGORY_NOUNS = {
    "party": "PoliticalParty",
    "organization": "Organization",
    "organisation": "Organization",
    "company": "Organization",
    "firm": "Organization",
    "group": "Organization",
    "agency": "Organization",
    "ministry": "GovernmentBody",
    "government": "GovernmentBody",
    "parliament": "GovernmentBody",
    "committee": "Organization",
    "council": "Organization",
    "union": "Organization",
    "movement": "Organization",
    "association": "Organization",
    "corporation": "Organization",
    "bank": "Organization",
    "country": "Place",
    "nation": "Place",
    "state": "Place",
    "republic": "Place",
    "city": "Place",
    "capital": "Place",
    "region": "Place",
    "town": "Place",
    "village": "Place",
    "province": "Place",
    "programme": "Programme",
    "program": "Programme",
    "initiative": "Programme",
    "project": "Programme",
}
#: head words of the names of government bodies ("the Ministry of Finance")
GOVERNMENT_HEADS = {
    "ministry",
    "government",
    "parliament",
    "senate",
    "assembly",
    "court",
    "cabinet",
    "administration",
    "commission",
    "akimat",
    "council",
}
#: head words of the names of programmes and plans ("the Nurly Zhol programme")
PROGRAMME_HEADS = {"programme", "program", "initiative", "project", "strategy", "plan", "campaign"}
#: head words of the names of organisations ("Election Headquarters", "Acme Corp")
ORGANIZATION_HEADS = {
    "office",
    "headquarters",
    "party",
    "ministry",
    "committee",
    "council",
    "agency",
    "company",
    "bank",
    "university",
    "institute",
    "union",
    "association",
    "foundation",
    "service",
    "pool",
    "group",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "llc",
    "club",
    "fund",
    "organization",
    "organisation",
    "court",
    "parliament",
    "senate",
    "assembly",
    "government",
    "administration",
    "commission",
    "school",
    "academy",
}
#: endings of Russian and Kazakh surnames and patronymics in Latin script
SURNAME_ENDINGS = (
    "ov",
    "ova",
    "ev",
    "eva",
    "yev",
    "yeva",
    "uly",
    "kyzy",
    "qyzy",
    "enko",
    "sky",
    "skiy",
    "skaya",
    "ovich",
    "evich",
    "ovna",
    "evna",
    "bayev",
    "bayeva",
    "baev",
    "baeva",
)

# ----------------------------------------------------------------------------- pronouns, determiners

PERSON_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
FIRST_SINGULAR_PRONOUNS = {"i", "me", "my", "mine", "myself"}
FIRST_PLURAL_PRONOUNS = {"we", "us", "our", "ours", "ourselves"}
#: words that name a time and never an entity (weekdays, months and their abbreviations)
TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "today", "yesterday", "tomorrow", "tonight", "noon", "midnight", "weekend",
}
#: units of measure written with a capital, never entities ("30 degrees Celsius")
UNIT_WORDS = {"celsius", "fahrenheit", "kelvin", "richter"}
#: common nouns that only a person can be ("Valeska Smith, an Australian woman"); role nouns too
PERSON_NOUNS = {
    "woman", "man", "girl", "boy", "person", "child", "teenager", "student", "mother", "father", "wife",
    "husband", "son", "daughter", "sister", "brother", "actor", "actress", "singer", "player", "artist",
    "writer", "author", "spokesman", "spokeswoman", "spokesperson", "official", "lawyer", "doctor", "teacher",
    "journalist", "reporter", "founder", "coach", "resident", "citizen", "victim", "survivor", "witness",
    "worker", "employee", "officer", "soldier", "politician", "activist", "analyst", "expert", "professor",
    "scientist", "researcher", "member", "photographer", "curator", "musician", "defender", "striker",
    "goalkeeper", "midfielder", "candidate", "lawmaker", "legislator", "senator", "businessman",
    "businesswoman", "entrepreneur", "executive", "economist", "historian", "priest", "bishop", "rapper",
    "footballer", "athlete", "leader", "chairman", "chairwoman", "director", "manager", "president",
    "minister", "ambassador", "mayor", "governor", "judge", "prosecutor", "defendant",
}
#: honorifics and kinship or role words that say a person is a man or a woman
MALE_WORDS = {"mr", "sir", "lord", "herr", "king", "prince", "emperor", "duke", "baron", "father", "son",
              "brother", "husband", "uncle", "nephew", "grandfather", "man", "boy", "he", "him", "his", "himself",
              "spokesman", "chairman", "businessman", "congressman", "policeman"}
FEMALE_WORDS = {"mrs", "ms", "miss", "dame", "lady", "madam", "mme", "frau", "queen", "princess", "empress",
                "duchess", "baroness", "mother", "daughter", "sister", "wife", "aunt", "niece", "grandmother",
                "woman", "girl", "she", "her", "hers", "herself", "spokeswoman", "chairwoman", "businesswoman",
                "actress", "congresswoman", "policewoman"}
#: determiners that make a noun phrase definite ("the Party", "this organization")
DEFINITE_DETERMINERS = ("the", "this", "that", "these", "those")

#: words a title-case gloss may contain in lower case ("Qutty Meken (Blessed Land of the Steppe)")
GLOSS_FUNCTION_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "for",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "is",
    "are",
    "as",
    "into",
    "&",
}

# ----------------------------------------------------------------------------- roles (graph.extractors.roles)

#: nouns that name a position a person holds in news text (singular, lower case); a title before
#: a name or an apposition with one of these heads is a role (W3C ORG ``org:Membership``)
ROLE_TITLE_NOUNS = ROLE_NOUNS | ROLE_HEAD_NOUNS | {
    "coach", "manager", "boss", "captain", "skipper", "striker", "goalkeeper", "defender", "midfielder",
    "forward", "winger", "player", "analyst", "economist", "strategist", "spokesman", "spokeswoman",
    "spokesperson", "lawyer", "attorney", "solicitor", "barrister", "counsel", "prosecutor", "judge",
    "justice", "magistrate", "senator", "congressman", "congresswoman", "representative", "lawmaker",
    "legislator", "councillor", "councilman", "councilwoman", "councilor", "governor", "mayor", "officer",
    "executive", "ceo", "cfo", "coo", "cto", "cio", "md", "chairman", "chairwoman", "chair", "president",
    "vice-president", "director", "minister", "secretary", "secretary-general", "undersecretary",
    "ambassador", "envoy", "diplomat", "consul", "professor", "lecturer", "researcher", "scientist",
    "astrophysicist", "astronomer", "physicist", "biologist", "chemist", "epidemiologist", "engineer",
    "founder", "co-founder", "cofounder", "owner", "editor", "editor-in-chief", "correspondent",
    "reporter", "columnist", "commissioner", "superintendent", "sheriff", "detective", "inspector",
    "constable", "sergeant", "lieutenant", "colonel", "major", "admiral", "marshal", "general",
    "commander", "investor", "partner", "trustee", "treasurer", "auditor", "administrator", "chancellor",
    "dean", "provost", "rector", "principal", "headteacher", "teacher", "doctor", "physician", "surgeon",
    "nurse", "pastor", "priest", "bishop", "archbishop", "rabbi", "imam", "pope", "cardinal", "chief",
    "head", "leader", "organiser", "organizer", "curator", "producer", "publisher", "architect",
    "designer", "consultant", "adviser", "advisor", "aide", "deputy", "premier", "president-elect", "king", "queen", "prince", "princess", "monarch", "emir", "sultan", "sheikh",
    "speaker", "whip", "delegate", "official", "negotiator", "mediator", "regulator",
    "fm", "pm",
}
#: words that stay in a role before its head noun even when capitalised ("Chief Financial Officer",
#: "Deputy Foreign Minister", "Vice President", "First Lady"); other capitalised words before a
#: capitalised role are the unit it heads ("State Civil Protection Director")
ROLE_MODIFIERS = DEPUTY_WORDS | {
    "chief", "executive", "financial", "operating", "technology", "technical", "information", "marketing",
    "commercial", "managing", "general", "senior", "junior", "lead", "principal", "special", "interim",
    "foreign", "prime", "first", "second", "third", "head", "assistant", "attorney", "district", "state",
    "federal", "national", "regional", "provincial", "county", "city", "police", "fire", "defence",
    "defense", "interior", "finance", "health", "justice", "trade", "home", "education", "labour",
    "labor", "environment", "energy", "agriculture", "transport", "culture", "economy", "economic",
    "supreme", "high", "associate", "founding", "outgoing", "incoming", "new", "then", "longtime",
    "long-time", "visiting", "activist", "top", "press", "team", "club", "party", "board", "union",
    "under", "permanent", "independent", "elected", "appointed", "retired", "veteran",
}
#: verbs whose subject holds a role in their object: "Ortiz, who heads the council" (verb -> role)
ROLE_VERBS = {
    "head": "head",
    "chair": "chair",
    "lead": "leader",
    "run": "head",
    "coach": "coach",
    "captain": "captain",
    "found": "founder",
    "co-found": "co-founder",
    "manage": "manager",
    "direct": "director",
    "own": "owner",
    "edit": "editor",
    "govern": "governor",
    "helm": "head",
}
#: verbs that give someone a role: "was appointed coach", "named Berg its chief executive"
APPOINTING_VERBS = {"appoint", "name", "elect", "re-elect", "reelect", "promote", "hire", "install", "nominate",
                    "choose", "select", "make", "confirm", "designate"}
#: copulas that give their subject the role of their complement ("Berg is the chief executive of X")
ROLE_COPULAS = {"be", "become", "remain", "serve", "work", "act"}
#: common nouns that name a body someone can head or belong to ("chairs the board", "leads the team")
ROLE_UNIT_NOUNS = {
    "board", "team", "squad", "side", "department", "division", "unit", "office", "firm", "lab", "laboratory",
    "hospital", "school", "court", "panel", "delegation", "inquiry", "investigation", "campaign", "band",
    "orchestra", "newspaper", "network", "station", "observatory", "institute", "university", "college",
    "charity", "church", "force", "army", "navy", "police", "club", "league", "federation", "bureau",
    "secretariat", "directorate", "cabinet", "senate", "congress", "house", "chamber", "centre", "center",
}
#: role nouns that, written before a name, are a form of address rather than a position ("Doctor X")
ADDRESS_TITLES = {"doctor"}
#: role nouns that only a company has ("chief executive officer", "CFO"): with no organisation
#: written, the one the article is about holds them
COMPANY_ROLE_NOUNS = {"officer", "executive", "ceo", "cfo", "coo", "cto", "cio", "cmo"}
#: nouns for someone holding the same role as someone just named ("his Turkish counterpart X")
COUNTERPART_NOUNS = {"counterpart", "counterparts"}
#: abbreviated titles before a name, without their full stop ("Gov. X", "Sgt. Y") -> the role
ROLE_ABBREVIATIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "lt": "lieutenant", "gen": "general",
    "col": "colonel", "sgt": "sergeant", "det": "detective", "supt": "superintendent", "insp": "inspector",
    "atty": "attorney", "cmdr": "commander", "capt": "captain", "adm": "admiral", "maj": "major",
    "amb": "ambassador", "sec": "secretary", "cpl": "corporal", "pvt": "private", "cdr": "commander",
}
