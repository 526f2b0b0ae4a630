"""Time and change across articles: support of each direct triple, positions held, and what a new article changes.

Every direct triple of the store (``ent:X rel:p ent:Y``) is supported by the articles that assert it. The
:class:`Ledger` gathers that evidence, one :class:`Evidence` per article and triple, from the store's article
graphs (:func:`read_evidence`, which reads what :func:`graph.rdf.model.article_lines` wrote) and from the articles
a build adds (:func:`article_evidence`), and derives the corpus graph's ``nkg:Support`` records from it: how many
articles and sources, first and last seen. Because it is derived from the article graphs, like the corpus entities
from ``nkg:EntityUse``, adding, replacing and removing articles keeps it exact.

Some relations hold one value at a time: a position of an organisation ("chief executive of Acme Corp"), read
from a title (``org:Membership`` with an organisation) or from a fact whose object is such a position ("X was
named chief executive of Acme Corp", "X became ...", "X is ..."). Each such reading is a :class:`Holding` of a
*slot* (role, organisation) by a holder, dated by the clause's time (its start) or else the article's day. Sorted
by date, a change of holder supersedes the earlier holding: its record gets ``nkg:supersededBy`` the later one and
``nkg:validUntil`` the day of the change. Nothing is deleted; repeating a holder changes nothing.

:meth:`Ledger.classify` says, for one article about to be added, which of its triples are new to the store,
which confirm known ones, and which of its holdings conflict with a known holder (``newsgraph build --changes``).

The positions and their holdings are in :mod:`graph.rdf.positions`, the reading of the evidence in
:mod:`graph.rdf.evidence`; this module renders the records and keeps the :class:`Ledger`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from .evidence import (
    _BY,
    _CORPUS,
    _FIRST,
    _FROM,
    _LAST,
    _OBJECT,
    _PREDICATE,
    _SOURCES,
    _SUBJECT,
    _SUPPORT,
    _SUPPORT_COUNT,
    _TYPE,
    _UNTIL,
    Evidence,
    Line,
    _date,
    _int,
    _predicate_label,
    evidence_of_lines,
    published_date,
    read_evidence,
    support_iri,
)
from .positions import POSITION_RELATIONS, Holding, _concept_slot, _dated, _id_of, _label_of, position_slot, same_holder

__all__ = [
    "ArticleChanges",
    "Evidence",
    "Holding",
    "Ledger",
    "Support",
    "evidence_of_lines",
    "position_slot",
    "published_date",
    "read_evidence",
    "same_holder",
    "supersession_lines",
    "support_iri",
    "support_lines",
]


_NO_KEY = ("", "", "")


def _is_membership(node: str) -> bool:
    return not node.startswith(support_iri(*_NO_KEY).rsplit("/", 1)[0] + "/")


def fact_slot(key: tuple[str, str, str]) -> tuple[str, str] | None:
    """The position slot a direct triple says its subject holds ("X was named chief executive of Acme"), or None."""
    if _predicate_label(key[1]) not in POSITION_RELATIONS:
        return None
    return _concept_slot(_label_of(key[2]))


class Support(NamedTuple):
    """How many articles and sources assert one direct triple (terms in N-Triples syntax), and when."""

    subject: str
    predicate: str
    object: str
    articles: int
    sources: int
    first_seen: str | None = None  # ISO days of the earliest and latest article that asserts it
    last_seen: str | None = None
    valid_from: str | None = None  # for a position: the earliest day it is known to hold


def support_lines(records: Iterable[Support]) -> Iterator[Line]:
    """The corpus graph's ``nkg:Support`` records: ``rdf:subject``/``rdf:predicate``/``rdf:object`` of the direct
    triple, ``nkg:support`` (articles asserting it), ``nkg:sourceCount``, ``nkg:firstSeen``/``nkg:lastSeen``,
    and for a position ``nkg:validFrom``."""
    for r in sorted(records):
        node = support_iri(r.subject, r.predicate, r.object)
        yield node, _TYPE, _SUPPORT, _CORPUS
        yield node, _SUBJECT, r.subject, _CORPUS
        yield node, _PREDICATE, r.predicate, _CORPUS
        yield node, _OBJECT, r.object, _CORPUS
        yield node, _SUPPORT_COUNT, _int(r.articles), _CORPUS
        yield node, _SOURCES, _int(r.sources), _CORPUS
        if r.first_seen:
            yield node, _FIRST, _date(r.first_seen), _CORPUS
        if r.last_seen:
            yield node, _LAST, _date(r.last_seen), _CORPUS
        if r.valid_from:
            yield node, _FROM, _date(r.valid_from), _CORPUS


def supersession_lines(superseded: Iterable[tuple[str, str, str]]) -> Iterator[Line]:
    """``(earlier, later, day)``: the earlier record (a support record or a membership, N-Triples IRIs) held until
    ``day``, when the later one took its place: ``nkg:supersededBy`` and ``nkg:validUntil``, in the corpus graph."""
    for earlier, later, day in sorted(set(superseded)):
        yield earlier, _BY, later, _CORPUS
        yield earlier, _UNTIL, _date(day), _CORPUS


@dataclass
class ArticleChanges:
    """What one added article changes: its direct triples new to the store, those confirming known ones, and its
    holdings that conflict with a known holder of the same position."""

    article: str
    published: str | None
    new: list[dict[str, str]] = field(default_factory=list)
    confirms: list[dict[str, object]] = field(default_factory=list)
    conflicts: list[dict[str, str]] = field(default_factory=list)

    def record(self) -> dict[str, object]:
        return {
            "article": self.article,
            "published": self.published,
            "new": self.new,
            "confirms": self.confirms,
            "conflicts": self.conflicts,
        }


class Ledger:
    """The evidence of a store's articles: direct triples with the articles that assert them, and positions with
    their holdings. Add articles (:meth:`add`), ask what one would change (:meth:`classify`), and render the
    corpus graph's support and supersession records (:meth:`lines`)."""

    def __init__(self) -> None:
        self._evidence: dict[tuple[str, str, str], dict[str, Evidence]] = defaultdict(dict)
        self._holdings: dict[tuple[str, str], set[Holding]] = defaultdict(set)

    def add_lines(self, lines: Iterable[Line]) -> None:
        """Add the evidence of article graphs given as N-Triples lines."""
        self.add(*evidence_of_lines(lines))

    def add(self, evidence: Iterable[Evidence], holdings: Iterable[Holding]) -> None:
        for item in evidence:
            known = self._evidence[item.key].get(item.doc_id)
            if known is None or (item.since or "9999") < (known.since or "9999"):
                self._evidence[item.key][item.doc_id] = item
        for holding in holdings:
            self._holdings[holding.slot].add(holding)

    def __len__(self) -> int:
        return len(self._evidence)

    def articles(self, key: tuple[str, str, str]) -> int:
        return len(self._evidence.get(key, ()))

    def classify(
        self, article: str, published: str | None, evidence: Iterable[Evidence], holdings: Iterable[Holding]
    ) -> ArticleChanges:
        """What ``article`` changes, before it is added: its triples new to the ledger, those it confirms (with
        how many articles asserted them before), and its holdings whose known holder at that day (or, for a
        holding older than all known ones, the next holder) is someone else."""
        changes = ArticleChanges(article=article, published=published)
        for item in evidence:
            triple = {
                "subject": _id_of(item.key[0]),
                "predicate": _predicate_label(item.key[1]),
                "object": _id_of(item.key[2]),
            }
            before = {doc: e for doc, e in self._evidence.get(item.key, {}).items() if doc != article}
            if before:
                changes.confirms.append({**triple, "articles": len(before)})
            else:
                changes.new.append(triple)
        # the article's own readings date each other first: its membership read from "X was named chief executive
        # of C on Tuesday" takes the day its fact gives, not only the article's day
        for holding in _dated(sorted(holdings)):
            pool = _dated([*sorted(h for h in self._holdings.get(holding.slot, ()) if h.doc_id != article), holding])
            holding, others = pool[-1], pool[:-1]
            earlier = [h for h in others if h.day <= holding.day]
            later = [h for h in others if h.day > holding.day]
            neighbour = max(earlier, key=lambda h: (h.day, h.holder)) if earlier else (later[0] if later else None)
            if neighbour is None or same_holder(neighbour.holder, holding.holder):
                continue
            role, org = holding.slot
            if neighbour.day <= holding.day:
                conflict = {
                    "position": f"{role} of {org}",
                    "was": _id_of(neighbour.holder),
                    "now": _id_of(holding.holder),
                    "since": holding.day,
                    "superseded": neighbour.node.strip("<>"),
                    "by": holding.node.strip("<>"),
                    "reported_in": neighbour.doc_id,
                }
            else:
                conflict = {
                    "position": f"{role} of {org}",
                    "was": _id_of(holding.holder),
                    "now": _id_of(neighbour.holder),
                    "since": neighbour.day,
                    "superseded": holding.node.strip("<>"),
                    "by": neighbour.node.strip("<>"),
                    "reported_in": neighbour.doc_id,
                }
            same = ("position", "was", "now", "since")
            if not any(all(c[k] == conflict[k] for k in same) for c in changes.conflicts):  # one change, two records
                changes.conflicts.append(conflict)
        return changes

    def supports(self) -> Iterator[Support]:
        valid_from: dict[str, str] = {}
        for holdings in self._holdings.values():
            for h in _dated(sorted(holdings)):
                if h.node not in valid_from or h.day < valid_from[h.node]:
                    valid_from[h.node] = h.day
        for key, by_doc in self._evidence.items():
            if not by_doc:
                continue
            days = sorted(e.published for e in by_doc.values() if e.published)
            sources = {e.source or "article:" + e.doc_id for e in by_doc.values()}
            yield Support(
                *key,
                articles=len(by_doc),
                sources=len(sources),
                first_seen=days[0] if days else None,
                last_seen=days[-1] if days else None,
                valid_from=valid_from.get(support_iri(*key)),
            )

    def supersessions(self) -> list[tuple[str, str, str]]:
        """``(earlier record, later record, day)`` for every change of holder of every position, sorted."""
        found: set[tuple[str, str, str]] = set()
        for slot in self._holdings:
            ordered = sorted(_dated(sorted(self._holdings[slot])), key=lambda h: (h.day, h.holder, h.node))
            reign: list[Holding] = []
            for holding in ordered:
                if reign and not same_holder(holding.holder, reign[-1].holder):
                    found.update(
                        (earlier.node, holding.node, holding.day) for earlier in reign if earlier.node != holding.node
                    )
                    reign = []
                reign.append(holding)
        return sorted(found)

    def slot_terms(self) -> dict[tuple[str, str], set[str]]:
        """For each position slot, the terms its holdings are read by (:func:`graph.rdf.evidence.read_evidence_of`):
        the objects of its position facts and its membership records."""
        terms: dict[tuple[str, str], set[str]] = defaultdict(set)
        for key in self._evidence:
            slot = fact_slot(key)
            if slot is not None:
                terms[slot].add(key[2])
        for slot, holdings in self._holdings.items():
            terms[slot].update(h.node for h in holdings if _is_membership(h.node))
        return dict(terms)

    def nodes(self) -> set[str]:
        """Every corpus record this ledger derives lines for: the support record of each of its triples and each
        membership record of its positions (what :meth:`lines` writes is about these and nothing else)."""
        found = {support_iri(*key) for key in self._evidence}
        found.update(h.node for holdings in self._holdings.values() for h in holdings)
        return found

    def lines(self) -> Iterator[Line]:
        """The corpus graph's ``nkg:Support`` records and ``nkg:supersededBy``/``nkg:validUntil`` marks."""
        yield from support_lines(self.supports())
        yield from supersession_lines(self.supersessions())
