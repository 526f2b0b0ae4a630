"""Verbs around a role, for :mod:`graph.extractors.roles`: who an appointing verb gives a role to, and
who takes a role up or gives it up with a verb and ``as``: ``X took over as coach``, ``X succeeds Y as
chair`` (Y held it before), ``X was replaced as coach by Y``, ``X stepped down as chief executive``
(a former role), ``X joined Acme as CFO`` (the object is the organisation).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import APPOINTING_VERBS, ROLE_VERBS
from ..lexicon.roles import PREPOSITIONAL_ROLE_VERBS, ROLE_LEAVING_VERBS, ROLE_TAKING_VERBS
from ..syntax import kids, subtree_indices
from .role_owners import organisation_like
from .role_titles import _is_org_word, _is_personish, is_role_word, names_person, person_span

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = [
    "appointee",
    "appointer",
    "glued_appointee",
    "promoted_to",
    "role_verb_holder",
    "ended_until",
    "as_holders",
    "copula_subject",
    "ended_by_object_verb",
    "nominal_appointee",
    "verb_organisation",
]

_PARTICLES = ("down", "over", "aside", "on", "up", "out", "in")
_MODALS = {"will", "would", "shall", "should", "may", "might", "could", "can", "must"}
_SKIP = ("relcl", "appos", "acl", "punct", "conj", "cc")
#: taking verbs whose passive subject takes the role up ("was sworn in as president")
_PASSIVE_TAKING = {"swear in", "install", "inaugurate"}
#: nouns of appointing: "the appointment of X as chief executive"
_APPOINTMENT_NOUNS = {"appointment", "election", "nomination", "promotion", "selection", "hiring", "confirmation"}
#: verbs whose subject keeps a role it holds now, whatever the tense ("will continue as chairman")
_KEEPING = {"continue", "stay", "remain"}
#: verbs whose object held the role before the subject ("takes over for Y, who was interim chief")
_SUCCEEDING = {"succeed", "replace", "follow", "take"}
#: verbs whose object loses the role: "Globex fired its chief executive, Tom Berg"
_ENDING_VERBS = {"fire", "sack", "dismiss", "oust", "remove", "axe", "depose", "topple", "impeach"}


def _phrase(verb: Token) -> str:
    """The verb's lemma with its particle or light object: ``step down``, ``take over``, ``take charge``."""
    lemma = verb.lemma_.lower()
    for child in kids(verb):
        if child.dep_ in ("prt", "advmod") and child.lower_ in _PARTICLES and child.i == verb.i + 1:
            return f"{lemma} {child.lower_}"
        if child.dep_ == "dobj" and child.lower_ in ("charge", "office") and lemma == "take":
            return f"{lemma} {child.lower_}"
    return lemma


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject (the person a relative pronoun stands for) and whether the verb is passive."""
    for child in kids(verb):
        if child.dep_ in ("nsubj", "nsubjpass"):
            subject = child
            if child.tag_ in ("WP", "WDT") or child.lower_ == "that":
                if verb.dep_ != "relcl":
                    return None, False
                subject = verb.head  # "Berg, who stepped down as chief executive"
                if is_role_word(subject) and subject.dep_ in ("appos", "conj") and _is_personish(subject.head):
                    subject = subject.head  # "Platt, a director of Acme who also served as ...": Platt
            return subject, child.dep_ == "nsubjpass"
    if verb.dep_ == "conj":
        return _subject(verb.head)  # "X resigned and stepped down as chair"
    return None, False


def _not_yet(verb: Token) -> bool:
    """``will step down``, ``plans to resign``, ``is stepping down``: the role is still held."""
    auxiliaries = [c for c in kids(verb) if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _MODALS or a.lemma_.lower() in _MODALS or a.lower_ == "to" for a in auxiliaries):
        return True
    if verb.tag_ == "VBG" and any(a.lemma_.lower() == "be" for a in auxiliaries):
        return True
    return verb.dep_ in ("xcomp", "advcl") and verb.tag_ == "VB"


def as_holders(verb: Token, role: Token) -> list[tuple[Token, bool]]:
    """(person, former) for each person a verb with ``as ROLE`` gives the role to or takes it from."""
    phrase = _phrase(verb)
    lemma = verb.lemma_.lower()
    subject, passive = _subject(verb)
    ended = not _not_yet(verb)
    if subject is not None and not passive and lemma in _ENDING_VERBS and not _is_personish(subject):
        # "Acme's board ousted Tom Berg as chief executive": the object loses the role
        return [(c, ended) for c in kids(verb) if c.dep_ == "dobj" and _is_personish(c) and c.pos_ != "PRON"]
    if subject is None or not _is_personish(subject):
        return []
    holders: list[tuple[Token, bool]] = []
    if phrase in ROLE_TAKING_VERBS and (not passive or phrase in _PASSIVE_TAKING):
        if ended or lemma in _KEEPING:  # "will succeed Y as chair": not yet; "will continue as chair": now
            holders.append((subject, False))  # "took over as coach", "was sworn in as president"
        if lemma in ("succeed", "replace"):  # "X succeeds Y as chair": Y held it before
            holders += [(c, ended) for c in kids(verb) if c.dep_ == "dobj" and _is_personish(c)]
    elif phrase in ROLE_LEAVING_VERBS or lemma in ROLE_LEAVING_VERBS:
        holders.append((subject, ended))
        if passive and lemma in ("replace", "succeed"):  # "X was replaced as coach by Y"
            for agent in (*kids(verb), *kids(role)):  # the parser may hang "by Y" on the role
                if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
                    holders += [(o, False) for o in kids(agent) if o.dep_ == "pobj" and _is_personish(o)]
    return [(person, former) for person, former in holders if person.pos_ != "PRON" or person.dep_ != "dobj"]


def verb_organisation(verb: Token) -> list[int]:
    """``joined Acme as CFO``, ``left Globex as chairman``: the verb's object is the organisation."""
    for child in kids(verb):
        if child.dep_ == "dobj" and _is_org_word(child) and child.ent_type_ != "PERSON":
            return [i for i in subtree_indices(child, skip_deps=_SKIP) if child.doc[i].pos_ != "DET"]
    return []


def appointee(verb: Token, role: Token) -> Token | None:
    """Who an appointing verb gives the role to: ``X was named coach``, ``named X coach``."""
    for child in kids(verb):
        if child.dep_ == "nsubjpass" and child.tag_ == "WP" and verb.dep_ == "relcl" and _is_personish(verb.head):
            return verb.head  # "Smith, who was named chief executive"
        if child.dep_ == "nsubjpass" and _is_personish(child):
            return child
    for child in kids(verb):
        if child.dep_ == "dobj" and child is not role and _is_personish(child):
            return child
        if child.dep_ == "dobj" and child is not role and is_role_word(child):
            # "named current chairman, David Calhoun, as chief executive": the person set beside the object
            people = [c for c in kids(child) if c.dep_ == "appos" and _is_personish(c) and c.pos_ != "PRON"]
            if people:
                return people[0]
    return None


def copula_subject(verb: Token) -> Token | None:
    """The person a copula says holds a role: its subject, or what a relative pronoun stands for
    (``Tom Berg, who became chief executive``)."""
    for child in kids(verb):
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.tag_ == "WP" and verb.dep_ == "relcl":
                head = verb.head
                if is_role_word(head) and head.dep_ in ("appos", "conj") and _is_personish(head.head):
                    head = head.head  # "Platt, a director of Acme who also served as CEO": Platt
                return head if _is_personish(head) else None
            return child if _is_personish(child) else None
    return None


def nominal_appointee(noun: Token) -> Token | None:
    """``the appointment of Tom Berg as chief executive``: the person appointed."""
    if noun.lemma_.lower() not in _APPOINTMENT_NOUNS:
        return None
    for prep in kids(noun):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in kids(prep):
                if obj.dep_ == "pobj" and _is_personish(obj) and obj.pos_ != "PRON":
                    return obj
    return None


def ended_by_object_verb(role: Token) -> bool:
    """``Globex fired its chief executive, Tom Berg``: the role is the object of a verb that ends it."""
    verb = role.head
    return role.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in _ENDING_VERBS and not _not_yet(verb)


def appointer(verb: Token) -> list[int]:
    """``Halvorsen Foods named X chief executive``: the organisation that gives the role, the
    appointing verb's subject (not a person: "Trump named X ambassador" names no organisation)."""
    for child in kids(verb):
        if child.dep_ == "nsubj" and organisation_like(child):
            owners = [c for c in kids(child) if c.dep_ == "poss" and c.pos_ == "PROPN" and _is_org_word(c)]
            if owners:  # "Acme's board named X chairman": Acme
                child = owners[0]
            its = [c for c in kids(child) if c.dep_ == "poss" and c.lower_ in ("its", "their")]
            if its and not owners:  # "Acme said its board of directors named X chairman": Acme
                doc, sentence = child.doc, child.sent
                named = [e for e in doc.ents if e.label_ == "ORG" and sentence.start <= e.start and e.end <= its[0].i]
                if named:
                    return [i for i in range(named[-1].start, named[-1].end) if doc[i].pos_ != "DET"]
            skip = (*_SKIP, "prep", "case")
            return [i for i in subtree_indices(child, skip_deps=skip) if child.doc[i].pos_ != "DET"]
    return []


def glued_appointee(verb: Token, role: Token) -> Token | None:
    """``The board appointed Kenji Watanabe chairman``: the parser glued the two objects into one
    noun phrase, the name compounded with the role noun and starting the phrase."""
    if role.dep_ not in ("dobj", "oprd") or verb.lemma_.lower() not in APPOINTING_VERBS:
        return None
    if any(c.dep_ in ("det", "poss", "nummod") for c in kids(role)) or any(
        c.dep_ in ("dobj", "nsubjpass") and c is not role for c in kids(verb)
    ):
        return None
    names = [
        c
        for c in kids(role)
        if c.dep_ in ("compound", "nmod") and c.i < role.i and c.pos_ == "PROPN" and c.is_title and not is_role_word(c)
    ]
    if not names or names[0].left_edge.i != role.left_edge.i:
        return None
    name = names[0]
    return name if names_person(role.doc, person_span(role.doc, name)) else None


def promoted_to(role: Token) -> Token | None:
    """``X was promoted to chief operating officer``, ``Acme promoted X to CFO``, ``X rose to chief
    executive``: the person a ``to ROLE`` phrase gives the role to."""
    if role.dep_ != "pobj" or role.head.lower_ != "to":
        return None
    verb = role.head.head
    lemma = verb.lemma_.lower()
    if lemma in ("promote", "elevate", "appoint", "elect"):
        return appointee(verb, role)
    if lemma == "rise":
        subject, _ = _subject(verb)
        return subject if subject is not None and _is_personish(subject) else None
    return None


def role_verb_holder(verb: Token) -> tuple[Token, list[int], str] | None:
    """(person, organisation, role) of a verb that names a role: ``Ortiz, who heads the council``,
    ``X chairs the committee``, ``the Rovers, coached by Marta Silva``, ``Globex, founded by X``."""
    if any(c.dep_ == "neg" for c in kids(verb)):
        return None
    lemma = verb.lemma_.lower()
    if lemma not in ROLE_VERBS:
        return _prepositional_holder(verb)
    role = ROLE_VERBS[lemma]
    objects = [c for c in kids(verb) if c.dep_ == "dobj"]
    if not objects:  # the passive: the organisation is what the verb describes, the person its agent
        people = [o for a in kids(verb) if a.dep_ == "agent" for o in kids(a) if o.dep_ == "pobj"]
        if verb.tag_ != "VBN" or not people or not _is_personish(people[0]) or people[0].pos_ == "PRON":
            return None
        described = [c for c in kids(verb) if c.dep_ == "nsubjpass"]
        if verb.dep_ == "acl" or (described and described[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl"):
            described = [verb.head]
        if not described or not _is_org_word(described[0]) or described[0].ent_type_ in ("PERSON", "DATE", "TIME"):
            return None
        organisation = subtree_indices(described[0], skip_deps=(*_SKIP, "prep"))
        return people[0], [i for i in organisation if verb.doc[i].pos_ != "DET"], role
    if not _is_org_word(objects[0]):
        return None
    subjects = [c for c in kids(verb) if c.dep_ == "nsubj"]
    if not subjects:
        return None
    person = subjects[0]
    if person.tag_ in ("WP", "WDT") or person.lower_ == "that":
        if verb.dep_ != "relcl":
            return None
        person = verb.head
    if not _is_personish(person):
        return None
    organisation = subtree_indices(objects[0], skip_deps=_SKIP)
    return person, [i for i in organisation if verb.doc[i].pos_ != "DET"], role


def ended_until(verb: Token, role: Token) -> bool:
    """``X, who was Acme's chief executive until 2020``, ``from 1985 to 1987 he was director``: a past
    role with an end; ``Ms Roe takes over for Y, who was interim chief``: a role the successor took."""
    if verb.tag_ != "VBD":
        return False
    preps = [c for c in (*kids(verb), *kids(role)) if c.dep_ == "prep"]
    if any(c.lower_ in ("until", "till") for c in preps):
        return True
    if verb.lemma_.lower() == "serve" and not any(c.lower_ == "since" for c in preps):
        return True  # "who served as chief executive at Acme": a term that is over ("has served" is VBN)
    clauses = [c for c in (*kids(verb), *kids(role)) if c.dep_ == "advcl"]
    if any(m.dep_ == "mark" and m.lower_ in ("until", "till") for c in clauses for m in kids(c)):
        return True  # "served as chairman until X was appointed"
    for prep in preps:  # "from 1985 to 1987", "between 2001 and 2004", "from 1975-82"
        dated = [o for o in kids(prep) if o.dep_ == "pobj" and (o.ent_type_ == "DATE" or o.like_num)]
        if prep.lower_ in ("from", "between") and dated:
            return True
    if verb.dep_ == "relcl" and verb.head.dep_ in ("dobj", "pobj"):
        governor = verb.head.head.head if verb.head.dep_ == "pobj" else verb.head.head
        lemma = governor.lemma_.lower()
        if lemma == "take" and not any(c.lower_ == "over" for c in kids(governor)):
            return False  # only "takes over for Y"
        return lemma in _SUCCEEDING and governor.tag_ in ("VBZ", "VBD", "VBN", "VBP")
    return False


def _prepositional_holder(verb: Token) -> tuple[Token, list[int], str] | None:
    """``Tom Berg, who plays for the Rovers``: a role now (not ``played for``, one match or long ago)."""
    if verb.tag_ not in ("VBZ", "VBP"):
        return None
    for prep in kids(verb):
        role = PREPOSITIONAL_ROLE_VERBS.get((verb.lemma_.lower(), prep.lower_))
        if role is None or prep.dep_ != "prep":
            continue
        objs = [o for o in kids(prep) if o.dep_ == "pobj" and o.ent_type_ == "ORG"]
        subject, _ = _subject(verb)
        if objs and subject is not None and _is_personish(subject) and subject.pos_ != "PRON":
            organisation = subtree_indices(objs[0], skip_deps=(*_SKIP, "prep"))
            return subject, [i for i in organisation if verb.doc[i].pos_ != "DET"], role
    return None
