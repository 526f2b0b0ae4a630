"""The evidence of article graphs: which articles assert each direct triple, and which positions they report held.

:func:`evidence_of_lines` reads it from the N-Triples lines of article graphs (what
:func:`graph.rdf.model.article_lines` writes), :func:`read_evidence` from a store that holds them; both give
:class:`Evidence` per article and triple and :class:`~graph.rdf.positions.Holding` per reported position.
A triple's support record, which a position's holdings are recorded under too, is :func:`support_iri`.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import unquote

import pyoxigraph as ox

from .namespaces import BASE, DOC, NKG, ORG, PREFIXES, SCHEMA
from .positions import _ENT, _EVENT_RELATIONS, POSITION_RELATIONS, Holding, _concept_slot, _label_of, position_slot

__all__ = [
    "Evidence",
    "Line",
    "evidence_of_lines",
    "published_date",
    "read_evidence",
    "read_evidence_of",
    "support_iri",
]


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
_ASSERTION, _NEGATED, _MODALITY, _TIME_START, _FORMER, _HEDGE = (
    f"<{_NKG}{n}>" for n in ("Assertion", "negated", "modality", "timeStart", "former", "hedge")
)
_FORMER_HEDGE = '"former"'  # a role held before ("former chief executive"): no holding on the article's day
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


def support_iri(subject: str, predicate: str, obj: str) -> str:
    """The ``nkg:Support`` record of a direct triple (N-Triples terms in, N-Triples IRI out)."""
    return f"<{BASE}support/{_hash(subject, predicate, obj)}>"


@dataclass(frozen=True, order=True)
class Evidence:
    """One article's reading of one direct triple (terms in N-Triples syntax)."""

    key: tuple[str, str, str]  # subject, predicate, object
    doc_id: str
    source: str | None  # the publisher's IRI, if the article names one
    published: str | None  # ISO day of the article
    since: str | None  # the first day of the clause's time, when it gives one


def _evidence_order(evidence: Evidence) -> tuple[tuple[str, str, str], str, str, str, str]:
    """A total order of evidence: an article may read one triple twice, once with a time and once without
    ("Acme bought Globex. Acme bought Globex on Monday."), and None does not compare with a day."""
    return evidence.key, evidence.doc_id, evidence.source or "", evidence.published or "", evidence.since or ""


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
            if _FORMER_HEDGE in values.get(_HEDGE, ()):
                continue
            sentence = one(node, _DERIVED)
            doc_id, day, source = article_of(sentence) if sentence else (None, None, None)
            if doc_id is None:
                continue
            start = one(node, _TIME_START)
            since = _value(start) if start else None
            _add_fact(evidence, holdings, (s, p, o), doc_id, source, day, since)
        elif _MEMBERSHIP in types and _FORMER not in values:
            member, org, role = one(node, _MEMBER), one(node, _ORGANIZATION), one(node, _ROLE)
            for sentence in values.get(_DERIVED, ()):
                doc_id, day, _source = article_of(sentence)
                if doc_id is not None and member and org and role:
                    _add_membership(holdings, node, member, org, role, doc_id, day)
    return sorted(evidence, key=_evidence_order), sorted(holdings)


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
    rows = _plain_rows(
        store,
        f"""
        SELECT DISTINCT ?s ?p ?o ?doc ?pub ?date ?start WHERE {{
          GRAPH ?g {{
            ?a a nkg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?sentence .
            ?sentence schema:isPartOf ?article . ?article schema:identifier ?doc .
            FILTER (STRSTARTS(STR(?o), "{_ENT}"))
            FILTER NOT EXISTS {{ ?a nkg:negated true }}
            FILTER NOT EXISTS {{ ?a nkg:modality ?modality }}
            FILTER NOT EXISTS {{ ?a nkg:hedge "former" }}
            OPTIONAL {{ ?article schema:publisher ?pub }}
            OPTIONAL {{ ?article schema:datePublished ?date }}
            OPTIONAL {{ ?a nkg:timeStart ?start }}
          }}
          {_graph_filter(excluded)}
        }}""",
    )
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
    rows = _plain_rows(
        store,
        f"""
        SELECT DISTINCT ?m ?member ?org ?role ?doc ?date WHERE {{
          GRAPH ?g {{
            ?m a org:Membership ; org:member ?member ; org:organization ?org ; org:role ?role ;
               prov:wasDerivedFrom ?sentence .
            ?sentence schema:isPartOf ?article . ?article schema:identifier ?doc ; schema:datePublished ?date .
            FILTER NOT EXISTS {{ ?m nkg:former true }}
          }}
          {_graph_filter(excluded)}
        }}""",
    )
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
    return sorted(evidence, key=_evidence_order), sorted(holdings)


def read_evidence_of(
    store: Any,
    keys: Iterable[tuple[str, str, str]],
    terms: Iterable[str],
    *,
    exclude: Iterable[str] = (),
    rarer: Callable[[str, str], bool] | None = None,
) -> tuple[list[Evidence], list[Holding]]:
    """The evidence of the store's articles (but those of ``exclude``) for some records only, each looked up by its
    key rather than by reading every article: the direct triples ``keys`` (N-Triples terms), and for each of
    ``terms`` (the objects of position facts and membership records, see :meth:`graph.rdf.support.Ledger.slot_terms`)
    every triple with that object, or that membership. What :func:`read_evidence` gives for those records.
    ``rarer(subject, object)``: whether the subject of a triple is in fewer assertions than its object (the
    lookup starts from the rarer of the two; without it, from the object)."""
    excluded = set(exclude)
    evidence: set[Evidence] = set()
    holdings: set[Holding] = set()
    patterns = [(s, p, o) for s, p, o in sorted(set(keys))]
    memberships = sorted(t for t in set(terms) if t.startswith(f"<{_ENT}membership/"))
    patterns += [("?s", "?p", o) for o in sorted(set(terms) - set(memberships))]
    for s, p, o in patterns:
        # the store's indexes find the assertions of one subject or one object: start from the rarer one
        anchor = f"?a rdf:subject {s} ; rdf:object {o}" if rarer and s != "?s" and rarer(s, o) else None
        rows = _plain_rows(
            store,
            f"""
            SELECT DISTINCT ?s ?p ?doc ?pub ?date ?start WHERE {{
              GRAPH ?g {{
                {anchor or f"?a rdf:object {o} ; rdf:subject {s}"} ; rdf:predicate {p} .
                ?a a nkg:Assertion ; prov:wasDerivedFrom ?sentence .
                ?sentence schema:isPartOf ?article . ?article schema:identifier ?doc .
                FILTER NOT EXISTS {{ ?a nkg:negated true }}
                FILTER NOT EXISTS {{ ?a nkg:modality ?modality }}
                OPTIONAL {{ ?article schema:publisher ?pub }}
                OPTIONAL {{ ?article schema:datePublished ?date }}
                OPTIONAL {{ ?a nkg:timeStart ?start }}
              }}
            }}""",
        )
        for row in rows:
            doc_id = str(row["doc"])
            if doc_id in excluded:
                continue
            key = (s if s != "?s" else _term(row["s"]), p if p != "?p" else _term(row["p"]), o)
            published = published_date(str(row["date"])) if row.get("date") is not None else None
            since = str(row["start"]) if row.get("start") is not None else None
            source = _term(row["pub"]) if row.get("pub") is not None else None
            _add_fact(evidence, holdings, key, doc_id, source, published.isoformat() if published else None, since)
    for node in memberships:
        rows = _plain_rows(
            store,
            f"""
            SELECT DISTINCT ?member ?org ?role ?doc ?date WHERE {{
              GRAPH ?g {{
                {node} a org:Membership ; org:member ?member ; org:organization ?org ; org:role ?role ;
                   prov:wasDerivedFrom ?sentence .
                ?sentence schema:isPartOf ?article . ?article schema:identifier ?doc ; schema:datePublished ?date .
              }}
            }}""",
        )
        for row in rows:
            if str(row["doc"]) in excluded:
                continue
            published = published_date(str(row["date"]))
            _add_membership(
                holdings,
                node,
                _term(row["member"]),
                _term(row["org"]),
                _term(row["role"]),
                str(row["doc"]),
                published.isoformat() if published else None,
            )
    return sorted(evidence, key=_evidence_order), sorted(holdings)


def _plain_rows(store: Any, query: str) -> list[dict[str, str]]:
    """The rows of a SELECT as the lexical values of their terms: straight from pyoxigraph for an Oxigraph store
    (making rdflib terms of every value costs more than the lookup), else through ``store.select``."""
    oxigraph = getattr(store, "store", None)
    if isinstance(oxigraph, ox.Store):
        solutions = oxigraph.query(query, prefixes=dict(PREFIXES))
        assert isinstance(solutions, ox.QuerySolutions)
        names = [v.value for v in solutions.variables]
        return [{n: s[n].value for n in names if s[n] is not None} for s in solutions]
    return [{k: str(v) for k, v in row.items() if v is not None} for row in store.select(query)]
