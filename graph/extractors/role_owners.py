"""The organisation a description or a possessive stands for, for :mod:`graph.extractors.roles`:
``the company's chief executive`` -> the company named before, ``its board`` -> the organisation the
clause is about, ``the city's mayor`` -> the place named last.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import CATEGORY_NOUNS, ORGANIZATION_HEADS, ROLE_UNIT_NOUNS
from ..syntax import kids
from .role_titles import _is_org_word

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_GENERIC = {"the", "company", "board", "group", "firm", "club", "team", "corporation"}

#: nouns for what an organisation owns, not the organisation ("Acme shares fell")
_OWNED_NOUNS = {"share", "shares", "stock", "stocks", "price", "profit", "revenue", "sales"}

__all__ = ["bare_body_before_title", "named_antecedent", "named_body", "organisation_like"]


#: definite descriptions of a company that stand for the one named before ("the company's chief executive")
_COMPANY_NOUNS = {
    "company",
    "firm",
    "group",
    "corporation",
    "business",
    "carmaker",
    "automaker",
    "retailer",
    "airline",
    "insurer",
    "lender",
    "broadcaster",
    "manufacturer",
    "startup",
    "conglomerate",
    "club",
    "team",
    "side",
}


def organisation_like(token: Token) -> bool:
    """A subject that can be an organisation: an organisation word or name, or a common noun a
    name is compounded with (``Quillon Media``, which the tagger reads as the noun "media")."""
    if token.ent_type_ in ("PERSON", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT") or token.pos_ == "PRON":
        return False
    return _is_org_word(token) or (
        token.pos_ == "NOUN"
        and any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title for c in kids(token) if c.i < token.i)
    )


def _owner_of_possessive(pronoun: Token) -> list[int] | None:
    """``Globex fired its chief executive``: the organisation subject of the clause ``its`` is in;
    else the organisation named last in this or the sentence before (``Acme lost money. Its chief ...``)."""
    owned = pronoun.head
    if owned.dep_ == "conj" and organisation_like(owned.head) and owned.head.pos_ == "PROPN":
        return [i for i in range(owned.head.left_edge.i, owned.head.i + 1) if pronoun.doc[i].pos_ != "DET"]
    verb = pronoun.head  # "Acme and its chief executive": the name its owner is conjoined with
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for _ in range(3):  # "Acme shares fell on the day its new chief executive was appointed": up the clauses
        for child in kids(verb):
            if child.dep_ == "nsubj" and organisation_like(child):
                names = [c for c in kids(child) if c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title]
                if child.pos_ == "NOUN" and child.lemma_.lower() in _OWNED_NOUNS and names:
                    child = names[-1]  # "Acme shares": Acme
                return [i for i in range(child.left_edge.i, child.i + 1) if child.doc[i].pos_ != "DET"]
        if verb.dep_ not in ("relcl", "advcl", "acl", "ccomp", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
    doc = pronoun.doc
    sentence = pronoun.sent
    earlier = [
        e
        for e in doc.ents
        if e.label_ == "ORG" and e.end <= pronoun.i and (e.start >= sentence.start or e.sent.end == sentence.start)
    ]
    if earlier:
        return [i for i in range(earlier[-1].start, earlier[-1].end) if doc[i].pos_ != "DET"]
    if sentence.start > 0:  # "Pellworth reported a loss. Its chief executive": the name the sentence before is about
        before = doc[sentence.start - 1].sent.root
        for child in kids(before):
            if child.dep_ == "nsubj" and child.pos_ == "PROPN" and organisation_like(child):
                return [i for i in range(child.left_edge.i, child.i + 1) if doc[i].pos_ != "DET"]
    return None


def named_antecedent(doc: Doc, organisation: list[int]) -> list[int] | None:
    """The name a definite description of an organisation or a place stands for: ``the company's chief
    executive`` -> the company named before; ``its`` -> the organisation the clause is about; ``the council`` -> the nearest name before with ``Council``
    in it; ``the city's mayor`` -> the place named last. None when it is no such description."""
    words = [i for i in organisation if doc[i].pos_ != "DET"]
    if len(words) != 1:
        return None
    head = doc[words[0]]
    if head.lower_ in ("its", "their"):
        return _owner_of_possessive(head)
    if bare_body_before_title(head):
        return named_body(doc, head)
    if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in kids(head)):
        return None
    lemma = head.lemma_.lower()
    kind = CATEGORY_NOUNS.get(lemma)
    before = [e for e in doc.ents if e.end <= head.i]
    if kind == "Place":
        candidates = [e for e in before if e.label_ == "GPE"]
        same = [e for e in candidates if any(t.lemma_.lower() == lemma for t in e)]
        chosen = same or candidates
    elif lemma in _COMPANY_NOUNS or lemma in ORGANIZATION_HEADS or lemma in ROLE_UNIT_NOUNS:
        # "The Company also announced": a capitalised common noun is no name
        candidates = [e for e in before if e.label_ == "ORG" and not all(t.lemma_.lower() in _GENERIC for t in e)]
        same = [e for e in candidates if any(t.lemma_.lower() == lemma for t in e)]
        chosen = same or (candidates if lemma in _COMPANY_NOUNS else [])
    else:
        return None
    return list(range(chosen[-1].start, chosen[-1].end)) if chosen else None


def bare_body_before_title(head: Token) -> bool:
    """``council member X``, ``board member X``: a bare body noun written before a title word."""
    doc = head.doc
    return bool(
        head.i + 1 < len(doc)
        and doc[head.i + 1].pos_ in ("NOUN", "PROPN")
        and not doc[head.i + 1].ent_type_
        and (not head.ent_type_ or (head.ent_iob_ == "B" and doc[head.i + 1].ent_iob_ != "I"))
        and (head.is_lower or head.is_sent_start)
        and head.lemma_.lower() in ROLE_UNIT_NOUNS | ORGANIZATION_HEADS
        and not any(c.dep_ in ("det", "poss") for c in kids(head))
    )


def named_body(doc: Doc, head: Token) -> list[int] | None:
    """The one body the article names with the same head noun (``the Brenton City Council``), the
    nearest before ``head`` first; None when the article names none or several different ones."""
    lemma = head.lemma_.lower()
    same = [e for e in doc.ents if e.label_ in ("ORG", "GPE", "FAC") and e[-1].lemma_.lower() == lemma and len(e) > 1]
    if len({e.text.lower().removeprefix("the ") for e in same}) != 1:
        return None
    before = [e for e in same if e.end <= head.i]
    chosen = before[-1] if before else same[0]
    return [i for i in range(chosen.start, chosen.end) if doc[i].lower_ != "the"]
