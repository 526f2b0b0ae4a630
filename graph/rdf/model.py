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

import hashlib
from collections.abc import Iterable, Iterator
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from ..resolve.entities import entity_id
from ..resolve.predicates import ontology_property
from ..types import Document, Entity, EntityUse, Fact, KnowledgeGraph, Membership, Sentence
from .namespaces import BASE, DOC, ENT, NKG, ORG, REL, SCHEMA, SKOSXL, bind_prefixes

__all__ = [
    "CORPUS_GRAPH",
    "iter_quads",
    "article_quads",
    "corpus_quads",
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
]

CORPUS_GRAPH = URIRef(BASE + "graph/corpus")

Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef]

#: entity type -> classes asserted for it (the newsgraph class and its standard twin)
ENTITY_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "Person": (NKG.Person, SCHEMA.Person),
    "Organization": (NKG.Organization, SCHEMA.Organization),
    "PoliticalParty": (NKG.PoliticalParty, SCHEMA.Organization),
    "GovernmentBody": (NKG.GovernmentBody, SCHEMA.GovernmentOrganization),
    "NewsAgency": (NKG.NewsAgency, SCHEMA.NewsMediaOrganization),
    "Place": (NKG.Place, SCHEMA.Place),
    "Programme": (NKG.Programme, SCHEMA.Project),
    "Event": (NKG.Event, SCHEMA.Event),
    "Group": (NKG.Group,),
    "CreativeWork": (NKG.CreativeWork, SCHEMA.CreativeWork),
    "Role": (NKG.Role, ORG.Role),
    "Concept": (NKG.Concept,),
    "TimeExpression": (NKG.TimeExpression,),
    "Quantity": (NKG.Quantity,),
    "Thing": (NKG.Thing,),
}

_CURIE_NAMESPACES = {"org": ORG, "nkg": NKG._NS, "schema": SCHEMA}


def article_iri(doc_id: str) -> URIRef:
    return DOC[doc_id]


def article_graph_iri(doc_id: str) -> URIRef:
    return URIRef(f"{DOC[doc_id]}/graph")


def sentence_iri(doc_id: str, index: int) -> URIRef:
    return URIRef(f"{DOC[doc_id]}/sentence/{index}")


def entity_iri(entity: str) -> URIRef:
    return ENT[entity]


def entity_use_iri(doc_id: str, entity: str) -> URIRef:
    return URIRef(f"{DOC[doc_id]}/entity/{entity}")


def relation_iri(label: str) -> URIRef:
    """``rel:meet_with`` for "meet with"; a standard property where the ontology maps one."""
    curie = ontology_property(label)
    if curie is not None:
        prefix, local = curie.split(":", 1)
        return URIRef(str(_CURIE_NAMESPACES[prefix]) + local)
    return REL[entity_id(label)]


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _decimal(value: float) -> Literal:
    return Literal(Decimal(f"{value:.3f}").normalize() if value else Decimal("0"), datatype=XSD.decimal)


def _int(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def _article_quads(document: Document, links: dict[str, str]) -> Iterator[Quad]:
    g = article_graph_iri(document.id)
    a = article_iri(document.id)
    yield a, RDF.type, SCHEMA.NewsArticle, g
    yield a, SCHEMA.identifier, Literal(document.id), g
    yield a, NKG.contentHash, Literal(document.content_hash), g
    if document.title:
        yield a, SCHEMA.headline, Literal(document.title), g
    if document.published:
        yield a, SCHEMA.datePublished, _date_literal(document.published), g
    if document.url:
        yield a, SCHEMA.url, Literal(document.url, datatype=XSD.anyURI), g
    if document.path:
        yield a, NKG.sourceFile, Literal(document.path), g
    if "publisher" in links:
        yield a, SCHEMA.publisher, entity_iri(links["publisher"]), g
    if "place" in links:
        yield a, NKG.datelinePlace, entity_iri(links["place"]), g


def _date_literal(value: str) -> Literal:
    text = value.strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return Literal(text, datatype=XSD.date)
    if len(text) > 10 and text[4] == "-" and "T" in text:
        return Literal(text, datatype=XSD.dateTime)
    return Literal(text)


def _sentence_quads(sentence: Sentence) -> Iterator[Quad]:
    g = article_graph_iri(sentence.doc_id)
    s = sentence_iri(sentence.doc_id, sentence.index)
    yield s, RDF.type, NKG.Sentence, g
    yield s, SCHEMA.isPartOf, article_iri(sentence.doc_id), g
    yield s, NKG.sentenceIndex, _int(sentence.index), g
    yield s, NKG.startOffset, _int(sentence.start), g
    yield s, NKG.endOffset, _int(sentence.end), g
    yield s, SCHEMA.text, Literal(sentence.text), g


def statement_iri(fact: Fact) -> URIRef:
    p = fact.provenance
    return URIRef(f"{DOC[p.doc_id]}/statement/{_hash(p.sentence, fact.value)}")


def assertion_iri(fact: Fact) -> URIRef:
    p = fact.provenance
    return URIRef(f"{DOC[p.doc_id]}/assertion/"
                  f"{_hash(p.sentence, fact.subject, fact.predicate, fact.object, fact.value, p.extractor, p.start, p.end)}")


def _fact_quads(fact: Fact) -> Iterator[Quad]:
    p = fact.provenance
    g = article_graph_iri(p.doc_id)
    subject = entity_iri(fact.subject)
    predicate = relation_iri(fact.predicate)
    if fact.object is not None:
        obj: URIRef = entity_iri(fact.object)
    else:
        obj = statement_iri(fact)
        yield obj, RDF.type, NKG.Statement, g
        yield obj, SCHEMA.text, Literal(fact.value or ""), g
        yield obj, PROV.wasDerivedFrom, sentence_iri(p.doc_id, p.sentence), g
    if not fact.negated and not fact.modality:
        yield subject, predicate, obj, g
    a = assertion_iri(fact)
    yield a, RDF.type, NKG.Assertion, g
    yield a, RDF.subject, subject, g
    yield a, RDF.predicate, predicate, g
    yield a, RDF.object, obj, g
    yield a, PROV.wasDerivedFrom, sentence_iri(p.doc_id, p.sentence), g
    yield a, NKG.extractor, Literal(p.extractor), g
    yield a, NKG.confidence, _decimal(p.confidence), g
    yield a, NKG.startOffset, _int(p.start), g
    yield a, NKG.endOffset, _int(p.end), g
    if fact.construction:
        yield a, NKG.construction, Literal(fact.construction), g
    if fact.subject_text:
        yield a, NKG.subjectText, Literal(fact.subject_text), g
    if fact.object_text:
        yield a, NKG.objectText, Literal(fact.object_text), g
    if fact.negated:
        yield a, NKG.negated, Literal(True), g
    if fact.modality:
        yield a, NKG.modality, Literal(fact.modality), g


def role_iri(role: str) -> URIRef:
    return ENT["role/" + entity_id(role)]


def _membership_quads(membership: Membership) -> Iterator[Quad]:
    p = membership.provenance
    g = article_graph_iri(p.doc_id)
    m = ENT["membership/" + _hash(membership.member, membership.organization, membership.role.lower())]
    yield m, RDF.type, ORG.Membership, g
    yield m, ORG.member, entity_iri(membership.member), g
    if membership.organization:
        yield m, ORG.organization, entity_iri(membership.organization), g
    yield m, ORG.role, role_iri(membership.role), g
    yield m, PROV.wasDerivedFrom, sentence_iri(p.doc_id, p.sentence), g


def _role_quads(role: str) -> Iterator[Quad]:
    g = CORPUS_GRAPH
    yield role_iri(role), RDF.type, NKG.Role, g
    yield role_iri(role), RDF.type, ORG.Role, g
    yield role_iri(role), SKOS.prefLabel, Literal(role, lang="en"), g


def _entity_use_quads(use: EntityUse) -> Iterator[Quad]:
    g = article_graph_iri(use.doc_id)
    u = entity_use_iri(use.doc_id, use.entity)
    yield u, RDF.type, NKG.EntityUse, g
    yield u, PROV.specializationOf, entity_iri(use.entity), g
    yield u, SCHEMA.isPartOf, article_iri(use.doc_id), g
    yield u, NKG.entityClass, NKG[use.type] if use.type in ENTITY_CLASSES else NKG.Thing, g
    yield u, NKG.mentionCount, _int(use.mentions), g
    yield u, NKG.named, Literal(use.named), g
    if use.known_label:
        yield u, NKG.gazetteerLabel, Literal(use.known_label), g
    names: dict[str, tuple[str, int]] = {}  # name key -> (name, count); spellings that differ only in space are one
    for name, count in sorted((*use.names, (use.label, 0))):
        key = entity_id(name)
        first, total = names.get(key, (name, 0))
        names[key] = (first, total + count)
    label_key = entity_id(use.label)
    for key, (name, count) in sorted(names.items()):
        n = URIRef(f"{u}/name/{key}")
        yield u, SKOSXL.prefLabel if key == label_key else SKOSXL.altLabel, n, g
        yield n, RDF.type, SKOSXL.Label, g
        yield n, SKOSXL.literalForm, Literal(name), g
        yield n, NKG.mentionCount, _int(count), g


def _entity_quads(entity: Entity) -> Iterator[Quad]:
    g = CORPUS_GRAPH
    e = entity_iri(entity.id)
    yield e, RDF.type, NKG.Entity, g
    for cls in ENTITY_CLASSES.get(entity.type, (NKG.Thing,)):
        yield e, RDF.type, cls, g
    yield e, SKOS.prefLabel, Literal(entity.label), g
    yield e, RDFS.label, Literal(entity.label), g
    for alias in entity.aliases:
        yield e, SKOS.altLabel, Literal(alias), g
    yield e, NKG.mentionCount, _int(entity.mentions), g
    for doc_id in entity.documents:
        yield e, NKG.mentionedIn, article_iri(doc_id), g


def _relation_quads(label: str) -> Iterator[Quad]:
    iri = relation_iri(label)
    if not str(iri).startswith(str(REL)):
        return
    g = CORPUS_GRAPH
    yield iri, RDF.type, OWL.ObjectProperty, g
    yield iri, RDFS.label, Literal(label, lang="en"), g
    yield iri, RDFS.subPropertyOf, NKG.relatedTo, g


def article_quads(kg: KnowledgeGraph) -> Iterator[Quad]:
    """The quads of the articles' named graphs (``doc:ID/graph``): everything but the corpus graph."""
    links: dict[str, dict[str, str]] = {}
    for doc_id, role, entity in kg.article_entities:
        links.setdefault(doc_id, {})[role] = entity
    for document in kg.documents:
        yield from _article_quads(document, links.get(document.id, {}))
    for sentence in kg.sentences:
        yield from _sentence_quads(sentence)
    for fact in kg.facts:
        yield from _fact_quads(fact)
    for membership in kg.memberships:
        yield from _membership_quads(membership)
    for use in kg.entity_uses:
        yield from _entity_use_quads(use)


def corpus_quads(entities: Iterable[Entity], relation_labels: Iterable[str], role_labels: Iterable[str]) -> Iterator[Quad]:
    """The corpus graph: the merged entities, and the minted relations and roles in use."""
    for entity in entities:
        yield from _entity_quads(entity)
    for label in sorted(set(relation_labels)):
        yield from _relation_quads(label)
    for role in sorted(set(role_labels)):
        yield from _role_quads(role)


def iter_quads(kg: KnowledgeGraph) -> Iterator[Quad]:
    """Every quad of the knowledge graph, article graphs first, then the corpus graph."""
    yield from article_quads(kg)
    yield from corpus_quads(kg.entities, (f.predicate for f in kg.facts), (m.role for m in kg.memberships))


def to_dataset(kg: KnowledgeGraph) -> Dataset:
    """An rdflib ``Dataset`` with one named graph per article and the corpus graph."""
    dataset = Dataset(default_union=True)  # queries and lookups see every named graph
    bind_prefixes(dataset)
    dataset.addN(iter_quads(kg))
    return dataset


def to_graph(kg: KnowledgeGraph) -> Graph:
    """All quads as one rdflib ``Graph`` (the union of the named graphs), for Turtle."""
    graph = Graph()
    bind_prefixes(graph)
    for s, p, o, _ in iter_quads(kg):
        graph.add((s, p, o))
    return graph
