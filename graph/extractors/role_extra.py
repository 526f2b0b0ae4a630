"""More role shapes, for :mod:`graph.extractors.roles`: counterparts (``his Turkish counterpart X``),
roles named through a position noun (``resigned from his post as chief executive``, ``assumed the
role of Acme CEO``), the headline ``X appointed Rovers manager``, the organisation an article
implies for a club or company title (``Owner Ann Roe`` in a story about one club), and the checks
that keep a verb, a club or a number from being read as a title or a name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..lexicon import APPOINTING_VERBS, COUNTERPART_NOUNS, DEMONYMS
from ..lexicon.roles import ROLE_LEAVING_VERBS
from ..syntax import DocContext, kids
from .role_titles import _ORG_LABELS, HEADLINE_VERBS, _is_former_word, _is_personish, is_role_word

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from ..types import Extraction

__all__ = [
    "left_role",
    "is_client_role",
    "country_in_title_name",
    "client_to",
    "adjacent_title",
    "conjoined_title",
    "headline_verb",
    "conjoined_organisation",
    "implied_organisation",
    "client_of",
    "counterparts",
    "former_before",
    "headline_appointee",
    "implied_organisation_nouns",
    "is_clause_not_name",
    "misparsed_name_end",
    "position_holder",
    "strip_rank",
    "without_age",
]

#: nouns that name a position, not a role: "his post as chief executive", "the role of coach"
_POSITION_NOUNS = {"post", "position", "role", "job", "office", "seat", "title", "duties", "positions", "posts"}
#: verbs whose subject takes the position up or keeps it ("assumed the role of", "took up the post of")
_POSITION_TAKING = {"assume", "take", "accept", "fill", "hold", "occupy", "keep", "retain", "continue", "return"}
#: verbs whose subject gives the position up ("resigned from his post as", "left the role of")
_POSITION_LEAVING = {*ROLE_LEAVING_VERBS, "lose", "vacate", "relinquish", "give", "leave"}
#: club and company titles whose organisation, when the title names none, is the one the article is about
_CLUB_TITLES = {"chairman", "chairwoman", "chairperson", "owner", "co-owner", "manager", "coach", "captain", "boss"}
#: ranks written before a title that say when or in which order, not what the role is ("seventh CEO")
_RANK_WORDS = {
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "next",
    "latest",
    "previous",
    "last",  # "the last president of the Soviet Union": its president
}

#: roles held for a person, not an organisation: "his attorney", "her spokeswoman"
_CLIENT_ROLES = {
    "attorney",
    "lawyer",
    "counsel",
    "solicitor",
    "barrister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "agent",
    "aide",
    "adviser",
    "advisor",
}

#: last words of the names of sports clubs
_CLUB_WORDS = {"city", "united", "town", "rovers", "fc", "athletic", "wanderers", "county", "albion", "hotspur"}

Make = Callable[..., "Extraction | None"]


def counterparts(doc: Doc, context: DocContext, made: list[Extraction], make: Make) -> Iterator[Extraction]:
    """``Lavrov and his Turkish counterpart Hakan Fidan``: the counterpart holds the same role, in
    the organisation or country the word's own modifiers name."""
    for token in context.tokens:
        if token.lower_ not in COUNTERPART_NOUNS or token.i + 1 >= len(doc):
            continue
        name_head = doc[token.i + 1]
        if name_head.ent_type_ != "PERSON":
            continue
        name = [name_head.i]
        while name[-1] + 1 < len(doc) and doc[name[-1] + 1].ent_type_ == "PERSON" and doc[name[-1] + 1].ent_iob_ == "I":
            name.append(name[-1] + 1)
        owners = [c for c in kids(token) if c.dep_ == "poss"]
        sentence = context.sentence_of[token.i]
        earlier = [e for e in made if e.sentence == sentence and e.subject.head < token.i]
        if owners and owners[0].pos_ != "PRON":
            earlier = [e for e in earlier if owners[0].i in e.subject.tokens]
        if not earlier or (not owners and token.i - earlier[-1].subject.end > 40):
            continue
        model = earlier[-1]
        label = model.relation.text
        modifiers = [
            c.i for c in kids(token) if c.dep_ in ("amod", "compound") and c.i < token.i and c.ent_type_ in _ORG_LABELS
        ]
        # the model's own nationality word is not the counterpart's ("Russian Foreign Minister")
        model_words = label.split()
        first = doc[model.relation.tokens[0]] if model.relation.tokens else None
        if first is not None and first.ent_type_ == "NORP" and model_words and model_words[0] == first.text:
            label = " ".join(model_words[1:])
        found = make(doc, context, name, doc[name[-1]], [token.i], modifiers, "counterpart", label=label)
        if found is not None:
            yield found


def _verb_subject(verb: Token) -> Token | None:
    for child in kids(verb):
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.tag_ in ("WP", "WDT") or child.lower_ == "that":
                return verb.head if verb.dep_ == "relcl" else None
            return child
    if verb.dep_ in ("conj", "xcomp"):
        return _verb_subject(verb.head)
    return None


def position_holder(role: Token) -> tuple[Token, bool] | None:
    """(person, former) for a role written through a position noun: ``X resigned from his positions
    as chief executive`` (former), ``X assumed the role of Acme CEO``, ``X took up the post of coach``."""
    if role.dep_ not in ("pobj",) or role.head.lower_ not in ("as", "of"):
        return None
    position = role.head.head
    if position.lemma_.lower() not in _POSITION_NOUNS and position.lower_ not in _POSITION_NOUNS:
        return None
    verb = position.head
    if position.dep_ == "pobj":  # "resigned from his post", "stepped down from the role"
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "neg" for c in kids(verb)):
        return None
    if lemma in _POSITION_LEAVING:
        former = not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "to") for c in kids(verb))
        former = former and verb.tag_ in ("VBD", "VBN")
    elif lemma in _POSITION_TAKING:
        former = False
    else:
        return None
    person = _verb_subject(verb)
    if person is None or not _is_personish(person):
        return None
    return person, former


def headline_appointee(verb: Token, role: Token) -> tuple[Token, list[int]] | None:
    """``Sean Dyche appointed Rovers manager`` (a headline without "is"): the person subject is the
    one appointed, the name compounded with the role the organisation."""
    if verb.lemma_.lower() not in APPOINTING_VERBS or verb.tag_ not in ("VBD", "VBN") or role.dep_ != "dobj":
        return None
    if any(c.dep_ in ("aux", "auxpass", "dobj", "dative") and c is not role for c in kids(verb)):
        return None
    subjects = [c for c in kids(verb) if c.dep_ == "nsubj"]
    if not subjects or subjects[0].ent_type_ != "PERSON":
        return None
    names = [
        c
        for c in kids(role)
        if c.dep_ == "compound"
        and c.i < role.i
        and c.pos_ == "PROPN"
        and any(t.ent_type_ in _ORG_LABELS for t in c.subtree)
    ]
    if not names or any(c.dep_ in ("det", "poss") for c in kids(role)):
        return None
    return subjects[0], list(range(names[0].left_edge.i, names[-1].i + 1))


def is_clause_not_name(doc: Doc, name: list[int], title: list[int]) -> bool:
    """``when the Potters host Millwall``: a lower-case "title" between a club and a club is a verb the
    tagger read as a noun, and the club after it is no person."""
    head = doc[name[-1]]
    if head.ent_type_ == "PERSON" or any(doc[i].ent_type_ == "PERSON" for i in name):
        return False
    words = [i for i in title if i >= 0]
    before = min(words) - 1 if words else -1
    club_before = before >= 0 and doc[before].ent_type_ in _ORG_LABELS and doc[before].pos_ == "PROPN"
    lower_title = all(doc[i].is_lower for i in words)
    return head.ent_type_ in _ORG_LABELS and ((club_before and lower_title) or head.dep_ in ("ROOT", "advcl", "ccomp"))


def implied_organisation_nouns() -> set[str]:
    """Titles that, with no organisation written, belong to the club or company the article is about."""
    return set(_CLUB_TITLES)


def strip_rank(doc: Doc, title: list[int]) -> list[int]:
    """``the company's seventh CEO``, ``Forest's third manager``, ``the next president``: the role is
    ``CEO``, ``manager``, ``president``."""
    words = [i for i in title if i >= 0]
    if len(words) < 2:
        return title
    return [i for i in title if i < 0 or not (doc[i].is_lower and doc[i].lower_ in _RANK_WORDS and i == words[0])]


def misparsed_name_end(token: Token) -> bool:
    """``having Police Chief Kevin Burke act as``: the parser hung the name on the lower-case word after
    it; the name's last word still ends a titled name."""
    head = token.head
    return (
        token.ent_type_ == "PERSON"
        and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
        and head.i == token.i + 1
        and head.is_lower
        and head.pos_ in ("NOUN", "VERB")
    )


def client_of(doc: Doc, pronoun: Token, role: Token) -> list[int]:
    """``Nagin was convicted. His attorney, Robert Jenkins, said ...``: the person a possessive
    pronoun before a client role (attorney, spokesman) stands for, the last person named before it in
    the sentence or the one before, not the role's holder; none for any other role."""
    if role.lemma_.lower() not in _CLIENT_ROLES and role.lower_ not in _CLIENT_ROLES:
        return []
    sentence = pronoun.sent
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    holders = {c.i for c in kids(role) if c.dep_ == "appos"} | ({role.head.i} if role.dep_ == "appos" else set())
    people = [
        list(range(e.start, e.end))
        for e in doc.ents
        if e.label_ == "PERSON" and start <= e.start and e.end <= pronoun.i and not holders & set(range(e.start, e.end))
    ]
    # a subject name the NER missed ("Nagin was convicted")
    people += [
        [t.i]
        for t in doc[start : pronoun.i]
        if t.pos_ == "PROPN" and t.is_title and not t.ent_type_ and t.dep_ in ("nsubj", "nsubjpass")
    ]
    return max(people, key=lambda words: words[0]) if people else []


def former_before(doc: Doc, words: list[int]) -> bool:
    """``Former Manchester City and Italy manager X``: a former word before a list of the title's
    organisations makes the role a former one."""
    written = [i for i in words if i >= 0]
    if not written:
        return False
    i = min(written) - 1
    while i >= 0 and min(written) - i <= 8:
        token = doc[i]
        if _is_former_word(doc, i):
            return True
        if not (token.lower_ in ("and", ",", "&") or token.ent_type_ in _ORG_LABELS):
            return False
        i -= 1
    return False


def without_age(doc: Doc, title: list[int]) -> list[int]:
    """The title without an age or number written before it: ``a 34-year-old teacher`` -> ``teacher``."""
    words = [i for i in title if i >= 0]
    aged = [
        i
        for i in words
        if doc[i].ent_type_ in ("DATE", "CARDINAL", "QUANTITY", "TIME") or any(c.isdigit() for c in doc[i].text)
    ]
    aged += [i for i in words if doc[i].lower_ == "old" and i > 0 and doc[i - 1].text == "-"]
    if not aged:
        return title
    last = max(aged)
    kept = [i for i in title if i < 0 or i > last]
    while kept and kept[0] >= 0 and doc[kept[0]].text == "-":
        kept.pop(0)
    return kept or title


def implied_organisation(doc: Doc) -> Span | None:
    """The organisation an article is about: the most named one, or the only one it names."""
    from .nominal import salient_organization

    found = salient_organization(doc)
    if found is not None:
        return found
    named = [e for e in doc.ents if e.label_ == "ORG"]
    if named and len({e.text.lower() for e in named}) == 1:
        return named[0]
    # a club the NER took for a place ("Stoke City"), named more than once and more than any other
    clubs: dict[str, list[Span]] = {}
    for ent in doc.ents:
        if ent.label_ in ("ORG", "GPE") and len(ent) > 1 and ent[-1].lower_ in _CLUB_WORDS:
            clubs.setdefault(ent.text.lower(), []).append(ent)
    ranked = sorted(clubs.values(), key=len, reverse=True)
    if ranked and len(ranked[0]) >= 2 and (len(ranked) == 1 or len(ranked[1]) < len(ranked[0])):
        return ranked[0][0]
    if named:
        return None
    # no organisation the NER knows: the name the article opens with as a subject ("Pellworth reported a loss")
    first = next(iter(doc.sents), None)
    for child in kids(first.root) if first is not None else []:
        if child.dep_ == "nsubj" and child.pos_ == "PROPN" and child.is_title and child.ent_type_ in ("", "ORG"):
            if any(t.lower_ == child.lower_ and t.ent_type_ == "PERSON" for t in doc):
                return None  # "Smith won the vote ... Tom Smith": a person
            return doc[child.left_edge.i : child.i + 1]
    return None


def conjoined_organisation(role: Token, token: Token) -> list[int]:
    """``Former Harwick City and Portugal coach X``: the first of two names conjoined before a title
    (the parser hangs the second on the first), or nothing."""
    first = token.head
    if token.dep_ != "conj" or first.head.i != role.i or first.dep_ not in ("nmod", "compound"):
        return []
    if first.ent_type_ not in _ORG_LABELS or first.pos_ != "PROPN":
        return []
    return list(range(first.left_edge.i, first.i + 1))


def headline_verb(doc: Doc, words: list[int]) -> tuple[list[int], bool] | None:
    """``Rovers sack manager Tom Lee``, ``Acme names CFO Ann Roe``: (the organisation before the verb,
    whether the verb ends the role) when a headline verb stands right before the title."""
    written = [i for i in words if i >= 0]
    verb = min(written) - 1 if written else -1
    if verb < 1 or doc[verb].lower_ not in HEADLINE_VERBS:
        return None
    organisation: list[int] = []
    i = verb - 1
    while i >= 0 and doc[i].pos_ in ("PROPN", "NOUN") and (doc[i].is_title or doc[i].is_upper):
        if doc[i].ent_type_ == "PERSON" or (i == 0 and doc[i].pos_ == "NOUN" and doc[i].tag_ != "NNS"):
            break  # "Police sack ..." is no name; "Rovers sack ..." is
        organisation.insert(0, i)
        i -= 1
    ending = doc[verb].lower_.rstrip("s") in ("sack", "fire", "axe", "oust", "suspend")
    return (organisation, ending) if organisation else None


def conjoined_title(name_head: Token) -> Token | None:
    """``the then-Vice President and Provost Linda Brady``, ``Acme chairman and chief executive Tom
    Berg``: the parser makes the name a conjunct of the first title; that title is the person's too."""
    first = name_head.head
    if name_head.dep_ != "conj" or first.i > name_head.i or not is_role_word(first) or first.ent_type_ == "PERSON":
        return None
    between = name_head.doc[first.i + 1 : name_head.i]
    if not any(t.lower_ in ("and", "&") for t in between) or any(t.text == "," for t in between):
        return None  # "the chairman, Tom Berg and Ann Roe": a list of people, not of titles
    return first if first.tag_ not in ("NNS", "NNPS") else None


def adjacent_title(doc: Doc, name_end: Token) -> tuple[list[int], list[int], list[int]] | None:
    """``Bed Bath & Beyond CEO Mark Tritton leaves``: a title written right before a person's name that
    the parser did not attach to it; (title, organisation, name) from the words as written."""
    if name_end.ent_type_ != "PERSON" or (name_end.i + 1 < len(doc) and doc[name_end.i + 1].ent_iob_ == "I"):
        return None
    start = name_end.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    role = start - 1
    if role < 1 or not is_role_word(doc[role]) or doc[role].pos_ not in ("NOUN", "PROPN") or doc[role].ent_type_:
        return None
    if doc[role].head.i in range(start, name_end.i + 1):
        return None  # attached: the tree reading is the one to trust
    title = [role]
    organisation: list[int] = []
    before = role - 1
    if doc[before].ent_type_ == "ORG":
        while before >= 0 and doc[before].ent_type_ == "ORG":
            organisation.insert(0, before)
            if doc[before].ent_iob_ == "B":
                break
            before -= 1
    if not organisation:
        return None  # only "Acme CEO X": an organisation name makes the words a title
    return title, organisation, list(range(start, name_end.i + 1))


def client_to(role: Token, prep: Token, holder: set[int]) -> list[int]:
    """``an aide to Senator Ann Ruiz``, ``adviser to the prime minister``: the named person a client
    role (aide, adviser, spokesman, lawyer) serves, written with ``to``; nothing for other roles."""
    if prep.dep_ != "prep" or prep.lower_ != "to":
        return []
    if role.lemma_.lower() not in _CLIENT_ROLES and role.lower_ not in _CLIENT_ROLES:
        return []
    people = [o for o in kids(prep) if o.dep_ == "pobj" and o.ent_type_ == "PERSON" and o.i not in holder]
    if not people:
        return []
    doc = role.doc
    words = [i for i in range(people[0].left_edge.i, people[0].i + 1) if doc[i].ent_type_ == "PERSON"]
    return words or [people[0].i]


_COUNTRIES = {name.lower() for name in DEMONYMS.values()} | {"u.s.", "us", "u.k.", "uk"}


def country_in_title_name(doc: Doc, organisation: list[int], title: list[int]) -> str | None:
    """``U.S. Solicitor General X``, ``United States Magistrate Judge Y``: the NER made one name of the
    country and the title; the organisation is the country alone (its text), not that name."""
    text = " ".join(doc[i].text for i in organisation)
    if text.lower() not in _COUNTRIES or not title:
        return None
    ents = [e for e in doc.ents if e.start <= organisation[0] < e.end]
    if not ents or not any(ents[0].start <= i < ents[0].end for i in title):
        return None
    return text


def is_client_role(role: Token) -> bool:
    """A role held for a person: attorney, lawyer, spokesman, aide, adviser."""
    return role.lemma_.lower() in _CLIENT_ROLES or role.lower_ in _CLIENT_ROLES


#: nouns of a role being taken away: "the removal of Business Secretary X"
_REMOVAL_NOUNS = {"removal", "dismissal", "sacking", "firing", "ouster", "impeachment"}
#: verbs whose subject leaves a role (past tense only: "CEO X resigned", not "CEO X will resign")
_LEAVING_SUBJECT = {"resign", "retire", "quit"}


def left_role(name_head: Token) -> bool:
    """``CEO Phil Condit abruptly resigned``, ``the removal of Business Secretary X``: the titled
    person has left the role (not ``Chief X retires Friday`` or ``will resign``)."""
    verb = name_head.head
    if name_head.dep_ == "nsubj" and verb.lemma_.lower() in _LEAVING_SUBJECT and verb.tag_ == "VBD":
        return not any(c.dep_ in ("aux", "neg") for c in kids(verb))
    first = name_head
    while first.dep_ in ("conj", "appos") and first.head.i < first.i:
        first = first.head  # "the removal of Secretary A, Minister B and ...": every one of them
    verb = first.head
    return first.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in _REMOVAL_NOUNS
