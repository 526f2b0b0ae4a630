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
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, NamedTuple
from urllib.parse import unquote

from ..lexicon import DEPUTY_WORDS, ROLE_HEAD_NOUNS
from ..resolve.entities import is_short_form, normalize_name
from .namespaces import BASE, DOC, ENT, NKG, ORG, SCHEMA

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

_ENT = str(ENT)
Line = tuple[str, str, str, str]  # N-Triples terms: subject, predicate, object, graph
_CORPUS = f"<{BASE}graph/corpus>"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_NKG = str(NKG._NS)
_TYPE, _SUBJECT, _PREDICATE, _OBJECT = (f"<{_RDF}{n}>" for n in ("type", "subject", "predicate", "object"))
_DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
_PART_OF, _IDENTIFIER, _PUBLISHED, _PUBLISHER = (
    f"<{SCHEMA}{n}>" for n in ("isPartOf", "identifier", "datePublished", "publisher")
)
_MEMBERSHIP, _MEMBER, _ORGANIZATION, _ROLE = (f"<{ORG}{n}>" for n in ("Membership", "member", "organization", "role"))
_ASSERTION, _NEGATED, _MODALITY, _TIME_START = (
    f"<{_NKG}{n}>" for n in ("Assertion", "negated", "modality", "timeStart")
)
_SUPPORT, _SUPPORT_COUNT, _SOURCES, _FIRST, _LAST, _FROM, _BY, _UNTIL = (
    f"<{_NKG}{n}>"
    for n in ("Support", "support", "sourceCount", "firstSeen", "lastSeen", "validFrom", "supersededBy", "validUntil")
)


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _date(day: str) -> str:
    return f'"{day}"^^<{_XSD}date>'


def _int(value: int) -> str:
    return f'"{int(value)}"^^<{_XSD}integer>'


_UNESCAPE = re.compile(r'\\(["\\nr])')
_UNESCAPED = {'"': '"', "\\": "\\", "n": "\n", "r": "\r"}


def _value(literal: str) -> str:
    """The lexical value of an N-Triples literal."""
    return _UNESCAPE.sub(lambda m: _UNESCAPED[m.group(1)], literal[1 : literal.rfind('"')])


def published_date(published: str | None) -> date | None:
    """The calendar day of an article's ``published`` value (ISO 8601 date or date-time), None if there is none
    or it is not a real date."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


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


def support_iri(subject: str, predicate: str, obj: str) -> str:
    """The ``nkg:Support`` record of a direct triple (N-Triples terms in, N-Triples IRI out)."""
    return f"<{BASE}support/{_hash(subject, predicate, obj)}>"


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


def _label_of(term: str) -> str:
    """The name an entity IRI (N-Triples text) was minted from (``entity_id`` reversed)."""
    local = term[1 + len(_ENT) : -1] if term.startswith("<" + _ENT) else term.strip("<>")
    return unquote(local.replace("_", " "))


_NUMBERED = re.compile(r"~\d+$")


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
class Evidence:
    """One article's reading of one direct triple (terms in N-Triples syntax)."""

    key: tuple[str, str, str]  # subject, predicate, object
    doc_id: str
    source: str | None  # the publisher's IRI, if the article names one
    published: str | None  # ISO day of the article
    since: str | None  # the first day of the clause's time, when it gives one


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
    strong = [h for h in holdings if not h.weak]
    out = []
    for holding in holdings:
        if holding.weak:
            days = [
                h.day
                for h in strong
                if h.slot == holding.slot and h.day <= holding.day and same_holder(h.holder, holding.holder)
            ]
            if days:
                holding = replace(holding, day=min(days))
        out.append(holding)
    return out


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


#: position relations that report an event (an appointment), not a state ("be", "remain", "serve as")
_EVENT_RELATIONS = frozenset(POSITION_RELATIONS - {"be", "remain", "serve as"})


def _holding_from_fact(
    key: tuple[str, str, str], predicate_label: str, doc_id: str, since: str | None, day: str | None
) -> Holding | None:
    held = since or day
    if held is None or predicate_label not in POSITION_RELATIONS:
        return None
    slot = _concept_slot(_label_of(key[2]))
    if slot is None:
        return None
    return Holding(
        slot=slot,
        day=held,
        holder=key[0],
        node=support_iri(*key),
        doc_id=doc_id,
        weak=since is None and predicate_label in _EVENT_RELATIONS,
    )


def _predicate_label(term: str) -> str:
    text = term.strip("<>")
    rel = BASE + "relation/"
    return unquote(text[len(rel) :].replace("_", " ")) if text.startswith(rel) else text


def evidence_of_lines(lines: Iterable[Line]) -> tuple[list[Evidence], list[Holding]]:
    """The evidence of article graphs given as N-Triples lines (what :func:`graph.rdf.model.article_lines` writes):
    the same as :func:`read_evidence` reads back from a store that holds them."""
    props: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for subject, predicate, obj, _ in lines:
        props[subject][predicate].append(obj)

    def one(node: str, predicate: str) -> str | None:
        values = props.get(node, {}).get(predicate)
        return min(values) if values else None

    def article_of(sentence: str) -> tuple[str | None, str | None, str | None]:
        article = one(sentence, _PART_OF)
        if article is None:
            return None, None, None
        doc = one(article, _IDENTIFIER)
        published = one(article, _PUBLISHED)
        day = published_date(_value(published)) if published else None
        return (_value(doc) if doc else None), (day.isoformat() if day else None), one(article, _PUBLISHER)

    evidence: set[Evidence] = set()
    holdings: set[Holding] = set()
    for node, values in list(props.items()):
        types = values.get(_TYPE, ())
        if _ASSERTION in types:
            s, p, o = one(node, _SUBJECT), one(node, _PREDICATE), one(node, _OBJECT)
            if s is None or p is None or o is None or not o.startswith("<" + _ENT):
                continue
            if _MODALITY in values or f'"true"^^<{_XSD}boolean>' in values.get(_NEGATED, ()):
                continue
            sentence = one(node, _DERIVED)
            doc_id, day, source = article_of(sentence) if sentence else (None, None, None)
            if doc_id is None:
                continue
            start = one(node, _TIME_START)
            since = _value(start) if start else None
            _add_fact(evidence, holdings, (s, p, o), doc_id, source, day, since)
        elif _MEMBERSHIP in types:
            member, org, role = one(node, _MEMBER), one(node, _ORGANIZATION), one(node, _ROLE)
            for sentence in values.get(_DERIVED, ()):
                doc_id, day, _source = article_of(sentence)
                if doc_id is not None and member and org and role:
                    _add_membership(holdings, node, member, org, role, doc_id, day)
    return sorted(evidence), sorted(holdings)


def _add_fact(
    evidence: set[Evidence],
    holdings: set[Holding],
    key: tuple[str, str, str],
    doc_id: str,
    source: str | None,
    day: str | None,
    since: str | None,
) -> None:
    evidence.add(Evidence(key, doc_id, source, day, since))
    holding = _holding_from_fact(key, _predicate_label(key[1]), doc_id, since, day)
    if holding is not None:
        holdings.add(holding)


def _add_membership(
    holdings: set[Holding], node: str, member: str, org: str, role: str, doc_id: str, day: str | None
) -> None:
    if day is None:
        return
    slot = position_slot(unquote(role.strip("<>")[len(_ENT + "role/") :].replace("_", " ")), _label_of(org))
    if slot is not None:
        # a membership is read from a title or an appointment and dated by the article's day, which only bounds
        # it ("Acme's chief executive Tom Berg" says he holds it that day, not that he was appointed then)
        holdings.add(Holding(slot=slot, day=day, holder=member, node=node, doc_id=doc_id, weak=True))


def _graph_filter(excluded: Iterable[str]) -> str:
    listed = "".join(f", <{DOC}{doc_id}/graph>" for doc_id in sorted(set(excluded)))
    return f"FILTER (?g NOT IN ({_CORPUS}{listed}))"


def _term(value: object) -> str:
    return f"<{value}>"


def read_evidence(store: Any, *, exclude: Iterable[str] = ()) -> tuple[list[Evidence], list[Holding]]:
    """The evidence of every article graph of ``store`` (a :class:`~graph.rdf.stores.GraphStore`) but those of
    ``exclude``: every direct triple each article asserts, and every holding of a position it reports."""
    excluded = list(exclude)
    rows = store.select(f"""
        SELECT DISTINCT ?s ?p ?o ?doc ?pub ?date ?start WHERE {{
          GRAPH ?g {{
            ?a a nkg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?sentence .
            ?sentence schema:isPartOf ?article . ?article schema:identifier ?doc .
            FILTER (STRSTARTS(STR(?o), "{_ENT}"))
            FILTER NOT EXISTS {{ ?a nkg:negated true }}
            FILTER NOT EXISTS {{ ?a nkg:modality ?modality }}
            OPTIONAL {{ ?article schema:publisher ?pub }}
            OPTIONAL {{ ?article schema:datePublished ?date }}
            OPTIONAL {{ ?a nkg:timeStart ?start }}
          }}
          {_graph_filter(excluded)}
        }}""")
    evidence: set[Evidence] = set()
    holdings: set[Holding] = set()
    for row in rows:
        key = (_term(row["s"]), _term(row["p"]), _term(row["o"]))
        published = published_date(str(row["date"])) if row.get("date") is not None else None
        day = published.isoformat() if published else None
        since = str(row["start"]) if row.get("start") is not None else None
        doc_id = str(row["doc"])
        _add_fact(
            evidence, holdings, key, doc_id, _term(row["pub"]) if row.get("pub") is not None else None, day, since
        )
    rows = store.select(f"""
        SELECT DISTINCT ?m ?member ?org ?role ?doc ?date WHERE {{
          GRAPH ?g {{
            ?m a org:Membership ; org:member ?member ; org:organization ?org ; org:role ?role ;
               prov:wasDerivedFrom ?sentence .
            ?sentence schema:isPartOf ?article . ?article schema:identifier ?doc ; schema:datePublished ?date .
          }}
          {_graph_filter(excluded)}
        }}""")
    for row in rows:
        published = published_date(str(row["date"]))
        _add_membership(
            holdings,
            _term(row["m"]),
            _term(row["member"]),
            _term(row["org"]),
            _term(row["role"]),
            str(row["doc"]),
            published.isoformat() if published else None,
        )
    return sorted(evidence), sorted(holdings)


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
        for holding in holdings:
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
            if conflict not in changes.conflicts:
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

    def lines(self) -> Iterator[Line]:
        """The corpus graph's ``nkg:Support`` records and ``nkg:supersededBy``/``nkg:validUntil`` marks."""
        yield from support_lines(self.supports())
        yield from supersession_lines(self.supersessions())
