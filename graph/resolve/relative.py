"""A plural pronoun inside a clause that describes a plural noun refers to that noun.

"The visitors, who were under pressure, took a chance they had", "the players who said they were
tired", "the teams that lost their first games": "they"/"their" is the noun the relative clause
(or participle clause) hangs on, whatever is more salient in the sentences before. Not a noun the
pronoun's own clause takes as its object ("the chances they had": "they" had the chances; the
clause above that one may still tell who), and only up to the nearest clause with a subject of its own that is no relative
pronoun ("the fans said the players knew they ...": the players, not the fans).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import PERSON_NOUNS
from ..syntax import kids
from .salience import COLLECTIVE_NOUNS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = ["relative_host"]

_RELATIVE_PRONOUNS = {"who", "that", "which", "whom", "whose"}
_SUBJECTS = ("nsubj", "nsubjpass")
_CLAUSES = ("relcl", "acl")


def _own_subject(verb: Token, pronoun: Token) -> Token | None:
    return next((c for c in kids(verb) if c.dep_ in _SUBJECTS and c.i != pronoun.i), None)


def _animate(noun: Token) -> bool:
    """People or a group: a person noun, a group noun, or one a "who" clause describes ("the
    visitors, who were ..."); not "difficulties getting their robots across", "costumes, many of
    which they made"."""
    lemma = noun.lemma_.lower()
    if lemma in PERSON_NOUNS or lemma in COLLECTIVE_NOUNS:
        return True
    return any(
        c.dep_ == "relcl" and any(g.lower_ in ("who", "whom", "whose") for g in c.subtree if g.i < c.i)
        for c in kids(noun)
    )


def relative_host(pronoun: Token) -> Token | None:
    """The plural (or group) noun whose relative clause holds ``pronoun``, or None."""
    if pronoun.dep_ in ("dobj", "dative"):
        verb = pronoun.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ in _CLAUSES:
            return None  # "the visitors, who beat them": the clause's own subject is not its object
    node = pronoun
    for _ in range(8):
        parent = node.head
        if parent.i == node.i:
            return None
        if node.dep_ in _CLAUSES and parent.pos_ in ("NOUN", "PROPN"):
            own = any(c.i == pronoun.i for c in kids(node)) and pronoun.dep_ in _SUBJECTS
            plural = parent.tag_ in ("NNS", "NNPS") or parent.lemma_.lower() in COLLECTIVE_NOUNS
            if not own:
                return parent if plural and _animate(parent) else None
            # "the chances they had": the noun is what "they" had; the clause above may tell who
        if node.pos_ in ("VERB", "AUX") and node.i != pronoun.i:
            subject = _own_subject(node, pronoun)
            if subject is not None and subject.lower_ not in _RELATIVE_PRONOUNS:
                return None  # the nearest clause with a subject of its own decides
        node = parent
    return None


def participle_subject(pronoun: Token) -> int | None:
    """The noun a participle clause hangs on, when a non-reflexive object pronoun is that clause's
    object: "amendments taking money from projects and adding them to others" - "them" is not the
    amendments (they do the adding), as "John saw him" is not John."""
    if pronoun.dep_ not in ("dobj", "dative") or pronoun.lower_.endswith(("self", "selves")):
        return None
    verb = pronoun.head
    for _ in range(3):
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head  # "taking ... and adding them": the first of the verbs
    if verb.dep_ != "acl" or verb.tag_ not in ("VBG", "VBN") or _own_subject(verb, pronoun) is not None:
        return None
    return verb.head.i if verb.head.pos_ in ("NOUN", "PROPN") else None


def coordinated_object(pronoun: Token) -> Token | None:
    """The plural object of the verb before: "taking money from some projects and adding them to
    others", "called the fans and thanked them" - "them" of a verb coordinated with an earlier
    one is what that verb took (its object, else the object of its preposition), when exactly
    one plural noun is there."""
    if pronoun.lower_ != "them" or pronoun.dep_ not in ("dobj", "dative"):
        return None
    verb = pronoun.head
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    first = verb.head
    objects = [c for c in kids(first) if c.dep_ in ("dobj", "dative") and c.i < verb.i]
    objects += [g for c in kids(first) if c.dep_ == "prep" for g in kids(c) if g.dep_ == "pobj" and g.i < verb.i]
    plural = [o for o in objects if o.tag_ in ("NNS", "NNPS") and o.pos_ == "NOUN"]
    return plural[0] if len(plural) == 1 else None
