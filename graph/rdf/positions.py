"""Positions one holder fills at a time: their slots (role, organisation), who holds them, and when.

A reading that someone holds a position is a :class:`Holding` of a slot (:func:`position_slot`), dated by the
clause's time or the article's day; :func:`same_holder` says whether two holders are one person, and
:func:`_dated` gives a re-reported appointment the day it is known by. :mod:`graph.rdf.support` orders the
holdings of a slot into supersessions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import unquote

from ..lexicon import DEPUTY_WORDS, ROLE_HEAD_NOUNS
from ..resolve.entities import is_short_form, normalize_name
from .namespaces import ENT

__all__ = ["POSITION_RELATIONS", "Holding", "position_slot", "same_holder"]

_ENT = str(ENT)


#: relation labels whose object, when it is a position ("chief executive of Acme"), says the subject holds it
POSITION_RELATIONS = frozenset(
    {
        "be",
        "become",
        "name",
        "appoint",
        "elect",
        "remain",
        "serve as",
        "name as",
        "appoint as",
        "elect as",
        "take over as",
        "succeed as",
        "promote to",
        "be named",
        "be appointed",
        # the passive as the clause extractor writes it ("X was named chief executive of C" -> be name)
        "be name",
        "be appoint",
        "be elect",
        "be name as",
        "be appoint as",
        "be elect as",
        "be promote to",
    }
)
#: role words of a position one person holds at a time, besides ``lexicon.ROLE_HEAD_NOUNS``
_SINGLE_ROLES = {
    "chief executive",
    "chief executive officer",
    "executive",
    "ceo",
    "cfo",
    "coo",
    "manager",
    "coach",
    "chief financial officer",
    "chief operating officer",
    "managing director",
    "director general",
    "director-general",
    "secretary general",
    "general manager",
    "head coach",
    "editor",
}
_NOT_SINGLE = {"founder", "member", "members", "one", "director", "directors", "leader", "leaders"}
_LEADING = re.compile(r"^(?:the|a|an|new|its|his|her|their)\s+", re.I)


def position_slot(role: str, organization: str) -> tuple[str, str] | None:
    """The slot ``(role, organisation)`` (normalised) of a position one holder fills at a time, or None: a head of
    the organisation ("chief executive", "chairman", "president"), not a deputy, member or founder."""
    text = _LEADING.sub("", " ".join(role.lower().replace("-", " - ").split()).replace(" - ", "-"))
    text = _LEADING.sub("", text)
    words = text.split()
    org = normalize_name(organization)
    if not words or not org or len(words) > 5:
        return None
    if any(w in DEPUTY_WORDS for w in words) or text in _NOT_SINGLE or words[-1] in _NOT_SINGLE:
        return None
    heads = ROLE_HEAD_NOUNS | _SINGLE_ROLES
    if not any(text == noun or text.endswith(" " + noun) for noun in heads):
        return None
    return text, org


def _concept_slot(label: str) -> tuple[str, str] | None:
    """The slot of a position phrase ("chief executive of Acme Corp"), or None."""
    role, sep, organization = label.partition(" of ")
    return position_slot(role, organization) if sep else None


_NUMBERED = re.compile(r"~\d+$")


def _label_of(term: str) -> str:
    """The name an entity IRI (N-Triples text) was minted from (``entity_id`` reversed), without the number that
    sets an id apart from another entity's of the same name (``Acme_Corp~2``: ``entity_id`` encodes a ``~`` in a
    name, so a bare one is always that number)."""
    local = term[1 + len(_ENT) : -1] if term.startswith("<" + _ENT) else term.strip("<>")
    return unquote(_NUMBERED.sub("", local).replace("_", " "))


@lru_cache(maxsize=65_536)
def same_holder(a: str, b: str) -> bool:
    """Whether two holders (entity IRIs, N-Triples) are one person as far as a position is concerned: the same
    name (an id numbered apart, ``Julia_Fairbairn~2``, because one article typed the name otherwise, is the same
    name), or one name a short form of the other (``Vasquez``, ``Hugo Vasquez``)."""
    if a == b:
        return True
    left, right = (_NUMBERED.sub("", _label_of(term)) for term in (a, b))
    if normalize_name(left) == normalize_name(right):
        return True
    return is_short_form(left, right, person=True) or is_short_form(right, left, person=True)


def _id_of(term: str) -> str:
    return term[1 + len(_ENT) : -1] if term.startswith("<" + _ENT) else term.strip("<>")


@dataclass(frozen=True, order=True)
class Holding:
    """One article's reading that ``holder`` fills ``slot`` from ``day``; ``node`` is the record that says so (a
    support record or a membership, N-Triples IRI) and gets ``nkg:supersededBy`` when someone else follows."""

    slot: tuple[str, str]
    day: str
    holder: str  # entity IRI (N-Triples)
    node: str
    doc_id: str
    #: an appointment reported without its day ("X was appointed chief executive of C"): dated by the article's
    #: day, which only bounds it; when the holder's appointment to the slot is known with a day, it is that one
    #: reported again (:func:`_dated`)
    weak: bool = False


def _dated(holdings: list[Holding]) -> list[Holding]:
    """The holdings, a weak one taking the earliest day of a dated holding of the same slot by the same holder
    before it, if there is one (a re-reported appointment is no new one)."""
    earliest: dict[tuple[tuple[str, str], str], str] = {}  # (slot, holder) -> the earliest day of a dated holding
    for h in holdings:
        if not h.weak and h.day < earliest.get((h.slot, h.holder), "9999"):
            earliest[(h.slot, h.holder)] = h.day
    out = []
    for holding in holdings:
        if holding.weak:
            days = [
                day
                for (slot, holder), day in earliest.items()
                if slot == holding.slot and day <= holding.day and same_holder(holder, holding.holder)
            ]
            if days:
                holding = replace(holding, day=min(days))
        out.append(holding)
    return out


#: position relations that report an event (an appointment), not a state ("be", "remain", "serve as")
_EVENT_RELATIONS = frozenset(POSITION_RELATIONS - {"be", "remain", "serve as"})
