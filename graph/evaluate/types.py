"""Entity-type scoring: class accuracy on gold chains that contain a proper name.

Written from ``benchmarks/gum-news/README.md`` ("Entity types"). The gold is GUM's
``DOC.mentions.jsonl`` records (``entity`` the chain, ``type`` GUM's type, ``proper``,
``head_start``/``head_end``); the system is mention records of the same shape whose ``type`` is
a newsgraph class (``Person``, ``nkg:Person`` or a full IRI: the local name is used).

Scoring:

* the scored chains are the gold chains with a proper-name mention (``proper`` true) whose type
  is ``person``, ``organization`` or ``place``; a chain's type is the GUM type of its
  proper-name mentions (the most frequent one, the first in the file on ties);
* each proper-name mention looks up its system mention: the system mention of the same
  document with exactly the head's characters, else the shortest one that overlaps the head and
  lies inside the gold mention, first in file order on ties (a longer mention around the name,
  ``New Zealand's Prime Minister`` for ``New Zealand``, is another entity's; see
  :func:`graph.evaluate.coref.system_mention_at`); its ``type`` maps to a class by
  :data:`CLASS_MAP` (``other`` for anything else, and for none);
* the chain's system class is the most frequent class over its names that found a system
  mention (on ties, the class of the earliest such name); a chain none of whose names has a
  system mention is wrong, and counted in ``unmatched``;
* accuracy = chains whose system class equals their gold type / scored chains, overall and per
  gold type, with a confusion table (gold type, system class or ``none``) -> chains.

The class table is the README's, extended over every class of ``ontology/newsgraph.ttl``: Person
-> person; Organization and its subclasses PoliticalParty, GovernmentBody, NewsAgency (and
Company) -> organization; Place (and Country, City, should they appear) -> place; Group,
Programme, Event, CreativeWork, Concept, TimeExpression, Quantity, Thing, Role -> other. GUM's own
lower-case type names map to themselves, so the gold scored against itself gives 1.0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .coref import Mention, _by_document, _head, system_mention_at

__all__ = ["CLASS_MAP", "SCORED_TYPES", "TypeAccuracy", "TypesScore", "score_types", "system_class"]

SCORED_TYPES = ("person", "organization", "place")

CLASS_MAP: Mapping[str, str] = {
    "Person": "person",
    "Organization": "organization",
    "PoliticalParty": "organization",
    "GovernmentBody": "organization",
    "NewsAgency": "organization",
    "Company": "organization",
    "Place": "place",
    "Country": "place",
    "City": "place",
    # GUM's type names, for gold-shaped files
    "person": "person",
    "organization": "organization",
    "place": "place",
}


@dataclass(frozen=True)
class TypeAccuracy:
    """Accuracy on the chains of one gold type."""

    type: str
    correct: int
    total: int
    unmatched: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(frozen=True)
class TypesScore:
    """The result of :func:`score_types`.

    ``confusion`` holds ``((gold type, system class), chains)`` with system class ``none`` for
    chains whose names have no system mention.
    """

    accuracy: float
    correct: int
    total: int
    unmatched: int
    per_type: tuple[TypeAccuracy, ...]
    confusion: tuple[tuple[tuple[str, str], int], ...]


def system_class(kind: str | None) -> str:
    """The scored class of a system ``type``: person, organization, place or other."""
    if not kind:
        return "other"
    local = kind.strip()
    for separator in ("#", "/", ":"):
        local = local.rsplit(separator, 1)[-1]
    return CLASS_MAP.get(local, "other")


def _majority(values: list[str]) -> str:
    """The most frequent value, the earliest of the most frequent on ties."""
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)


def score_types(gold: Iterable[Mention], system: Iterable[Mention]) -> TypesScore:
    """Score the system's classes of the gold proper-name chains (see the module doc)."""
    system_by_doc = _by_document(system)
    confusion: Counter[tuple[str, str]] = Counter()
    for doc, mentions in _by_document(gold).items():
        candidates = system_by_doc.get(doc, [])
        names: dict[str, list[Mention]] = {}
        for mention in mentions:
            if mention.entity is not None and mention.extra.get("proper") is True:
                names.setdefault(mention.entity, []).append(mention)
        for chain in names.values():
            gold_type = _majority([(m.type or "").lower() for m in chain])
            if gold_type not in SCORED_TYPES:
                continue
            found = []
            for name in chain:
                hit = system_mention_at(candidates, *_head(name), within=(name.start, name.end))
                if hit is not None:
                    found.append(system_class(hit.type))
            confusion[(gold_type, _majority(found) if found else "none")] += 1
    per_type = []
    for kind in SCORED_TYPES:
        total = sum(n for (g, _), n in confusion.items() if g == kind)
        per_type.append(TypeAccuracy(kind, confusion[(kind, kind)], total, confusion[(kind, "none")]))
    correct = sum(t.correct for t in per_type)
    total = sum(t.total for t in per_type)
    order = {name: i for i, name in enumerate((*SCORED_TYPES, "other", "none"))}
    return TypesScore(
        accuracy=correct / total if total else 0.0,
        correct=correct,
        total=total,
        unmatched=sum(t.unmatched for t in per_type),
        per_type=tuple(per_type),
        confusion=tuple(sorted(confusion.items(), key=lambda item: (order[item[0][0]], order[item[0][1]]))),
    )
