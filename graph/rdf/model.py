"""From a :class:`~graph.types.KnowledgeGraph` to RDF quads (the model in DESIGN.md).

- every article is a ``schema:NewsArticle`` (``doc:ID``) with its sentences (``doc:ID/sentence/N``);
  its assertions, statements, memberships and the direct triples it supports live in the named
  graph ``doc:ID/graph``, so an article can be replaced on its own;
- each article's share of each entity (``nkg:EntityUse``: the names it used and how often, the
  type it saw, its mentions) lives in the article graph too: it is what the corpus entities are
  merged from, so a store can merge new articles and replace one article exactly;
- entities (types, ``skos:prefLabel``/``altLabel``, mention counts), minted relations and roles
  live in the corpus graph :data:`CORPUS_GRAPH`, which :func:`corpus_quads` derives from the
  entities and the relation and role labels in use;
- a fact is a direct triple (unless negated or modal) and an ``nkg:Assertion`` with a
  deterministic IRI from a hash of article, sentence and triple.

No blank nodes: every node has an IRI, so output is deterministic and diffable.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import Dataset, Graph
from rdflib.namespace import RDF

from ..types import Entity, KnowledgeGraph
from .lines import (
    _article_lines,
    _entity_lines,
    _entity_use_lines,
    _fact_lines,
    _fact_time_lines,
    _membership_lines,
    _mention_lines,
    _relation_lines,
    _role_lines,
    _sentence_lines,
    fact_time,
)
from .namespaces import NKG, bind_prefixes
from .support import Ledger, published_date
from .terms_nt import (
    CORPUS_GRAPH,
    ENTITY_CLASSES,
    Line,
    Quad,
    article_graph_iri,
    article_iri,
    entity_iri,
    entity_use_iri,
    rdflib_term,
    relation_iri,
    role_iri,
    sentence_iri,
)

# the IRIs as text, re-exported: tests compare them with the IRI functions
from .terms_nt import _article as _article
from .terms_nt import _entity as _entity
from .terms_nt import _graph as _graph
from .terms_nt import _relation as _relation
from .terms_nt import _sentence as _sentence

__all__ = [
    "CORPUS_GRAPH",
    "iter_quads",
    "low_confidence_update",
    "article_quads",
    "corpus_quads",
    "article_lines",
    "corpus_lines",
    "nquads_text",
    "rdflib_quads",
    "entity_use_iri",
    "role_iri",
    "to_dataset",
    "to_graph",
    "article_iri",
    "article_graph_iri",
    "sentence_iri",
    "entity_iri",
    "relation_iri",
    "ENTITY_CLASSES",
    "fact_time",
]


def article_lines(kg: KnowledgeGraph) -> Iterator[Line]:
    """The quads of the articles' named graphs (``doc:ID/graph``), as N-Triples terms."""
    links: dict[str, dict[str, str]] = {}
    for doc_id, role, entity in kg.article_entities:
        links.setdefault(doc_id, {})[role] = entity
    for document in kg.documents:
        yield from _article_lines(document, links.get(document.id, {}))
    for sentence in kg.sentences:
        yield from _sentence_lines(sentence)
    published = {document.id: published_date(document.published) for document in kg.documents}
    for fact in kg.facts:
        yield from _fact_lines(fact)
        yield from _fact_time_lines(fact, published.get(fact.provenance.doc_id))
    for membership in kg.memberships:
        yield from _membership_lines(membership)
    for use in kg.entity_uses:
        yield from _entity_use_lines(use)
    for mention in kg.mentions:
        yield from _mention_lines(mention)


def corpus_lines(
    entities: Iterable[Entity], relation_labels: Iterable[str], role_labels: Iterable[str]
) -> Iterator[Line]:
    """The corpus graph (merged entities, minted relations and roles in use), as N-Triples terms."""
    for entity in entities:
        yield from _entity_lines(entity)
    for label in sorted(set(relation_labels)):
        yield from _relation_lines(label)
    for role in sorted(set(role_labels)):
        yield from _role_lines(role)


def nquads_text(lines: Iterable[Line]) -> str:
    """N-Quads text of the lines."""
    return "".join(f"{s} {p} {o} {g} .\n" for s, p, o, g in lines)


def rdflib_quads(lines: Iterable[Line]) -> Iterator[Quad]:
    """The lines as rdflib quads."""
    for s, p, o, g in lines:
        yield rdflib_term(s), rdflib_term(p), rdflib_term(o), rdflib_term(g)  # type: ignore[misc]


def article_quads(kg: KnowledgeGraph) -> Iterator[Quad]:
    """The quads of the articles' named graphs (``doc:ID/graph``): everything but the corpus graph."""
    return rdflib_quads(article_lines(kg))


def corpus_quads(
    entities: Iterable[Entity], relation_labels: Iterable[str], role_labels: Iterable[str]
) -> Iterator[Quad]:
    """The corpus graph: the merged entities, and the minted relations and roles in use."""
    return rdflib_quads(corpus_lines(entities, relation_labels, role_labels))


def iter_quads(kg: KnowledgeGraph) -> Iterator[Quad]:
    """Every quad of the knowledge graph, article graphs first, then the corpus graph (with the support and
    supersession records the articles give, :class:`~graph.rdf.support.Ledger`)."""
    lines = list(article_lines(kg))
    ledger = Ledger()
    ledger.add_lines(lines)
    yield from rdflib_quads(lines)
    yield from corpus_quads(kg.entities, (f.predicate for f in kg.facts), (m.role for m in kg.memberships))
    yield from rdflib_quads(ledger.lines())


def to_dataset(kg: KnowledgeGraph) -> Dataset:
    """An rdflib ``Dataset`` with one named graph per article and the corpus graph."""
    dataset = Dataset(default_union=True)  # queries and lookups see every named graph
    bind_prefixes(dataset)
    dataset.addN(iter_quads(kg))  # type: ignore[arg-type]  # rdflib types the context a Graph; it takes an IRI too
    return dataset


def to_graph(kg: KnowledgeGraph) -> Graph:
    """All quads as one rdflib ``Graph`` (the union of the named graphs), for Turtle."""
    graph = Graph()
    bind_prefixes(graph)
    for s, p, o, _ in iter_quads(kg):
        graph.add((s, p, o))
    return graph


def low_confidence_update(threshold: float) -> str:
    """SPARQL Update that leaves out the facts below ``threshold``: every assertion with a lower
    ``nkg:confidence`` and the direct triples no assertion at or above it still supports, in the
    default graph and in every named graph. (``--min-confidence`` of build, render and export.)"""
    t = f"{float(threshold):.6f}"
    prefixes = f"PREFIX nkg: <{NKG._NS}> PREFIX rdf: <{RDF}>\n"

    def pair(wrap: str) -> str:
        open_, close = (f"GRAPH {wrap} {{", "}") if wrap else ("", "")
        supported = (
            f"FILTER NOT EXISTS {{ {open_} ?b rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; "
            f"nkg:confidence ?d . FILTER(?d >= {t}) {close} }}"
        )
        return (
            f"DELETE {{ {open_} ?s ?p ?o {close} }} WHERE {{ {open_} ?a rdf:subject ?s ; rdf:predicate ?p ; "
            f"rdf:object ?o ; nkg:confidence ?c . FILTER(?c < {t}) ?s ?p ?o . {close} {supported} }} ;\n"
            f"DELETE {{ {open_} ?a ?x ?y {close} }} WHERE {{ {open_} ?a a nkg:Assertion ; nkg:confidence ?c ; "
            f"?x ?y . FILTER(?c < {t}) {close} }}"
        )

    return prefixes + pair("") + " ;\n" + pair("?g")
