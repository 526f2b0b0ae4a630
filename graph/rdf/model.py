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
import re
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from functools import lru_cache

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from ..dates import TimeValue, normalise_time
from ..resolve.entities import entity_id
from ..resolve.predicates import ontology_property
from ..types import Document, Entity, EntityMention, EntityUse, Fact, KnowledgeGraph, Membership, Sentence
from .namespaces import BASE, DOC, ENT, NKG, ORG, REL, SCHEMA, SKOSXL, bind_prefixes
from .support import Ledger, published_date

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


# -- terms as N-Triples text: the build writes them straight to Oxigraph's N-Quads loader; rdflib
# users get rdflib terms from :func:`rdflib_quads`. One model, two renderings.

Line = tuple[str, str, str, str]  # subject, predicate, object, graph in N-Triples syntax


def _i(iri: object) -> str:
    return f"<{iri}>"


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _l(text: str, *, lang: str | None = None, datatype: str | None = None) -> str:
    literal = '"' + text.translate(_ESCAPES) + '"'
    if lang:
        return f"{literal}@{lang}"
    if datatype:
        return f"{literal}^^<{datatype}>"
    return literal


_T = {
    name: _i(term)
    for name, term in {
        "type": RDF.type,
        "subject": RDF.subject,
        "predicate": RDF.predicate,
        "object": RDF.object,
        "label": RDFS.label,
        "subPropertyOf": RDFS.subPropertyOf,
        "ObjectProperty": OWL.ObjectProperty,
        "prefLabel": SKOS.prefLabel,
        "altLabel": SKOS.altLabel,
        "derived": PROV.wasDerivedFrom,
        "specializationOf": PROV.specializationOf,
        "xlPref": SKOSXL.prefLabel,
        "xlAlt": SKOSXL.altLabel,
        "xlLabel": SKOSXL.Label,
        "literalForm": SKOSXL.literalForm,
    }.items()
}
_S = {
    name: _i(SCHEMA[name])
    for name in ("NewsArticle", "identifier", "headline", "datePublished", "url", "publisher", "isPartOf", "text")
}
_O = {name: _i(ORG[name]) for name in ("Membership", "member", "organization", "role", "Role")}
_N = {str(term)[len(str(NKG._NS)) :]: _i(term) for term in dir(NKG)}
_XSD = {name: str(XSD[name]) for name in ("integer", "decimal", "boolean", "date", "dateTime", "anyURI")}
_TRUE = _l("true", datatype=_XSD["boolean"])
_FALSE = _l("false", datatype=_XSD["boolean"])
_CORPUS = _i(CORPUS_GRAPH)
_CLASSES = {kind: tuple(_i(c) for c in classes) for kind, classes in ENTITY_CLASSES.items()}

# IRIs as N-Triples text, made with string operations (the URIRef functions above validate every
# IRI they make, which is most of the cost of rendering a fact); the same text as _i(xxx_iri(...)).
_DOC, _ENT = str(DOC), str(ENT)


def _article(doc_id: str) -> str:
    return f"<{_DOC}{doc_id}>"


def _graph(doc_id: str) -> str:
    return f"<{_DOC}{doc_id}/graph>"


def _sentence(doc_id: str, index: int) -> str:
    return f"<{_DOC}{doc_id}/sentence/{index}>"


def _entity(entity: str) -> str:
    return f"<{_ENT}{entity}>"


@lru_cache(maxsize=4096)
def _relation(label: str) -> str:
    return _i(relation_iri(label))


def _int(value: int) -> str:
    return f'"{int(value)}"^^<{_XSD["integer"]}>'


def _decimal(value: float) -> str:
    return f'"{Decimal(f"{value:.3f}").normalize() if value else Decimal("0")}"^^<{_XSD["decimal"]}>'


def _date_literal(value: str) -> str:
    text = value.strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return _l(text, datatype=_XSD["date"])
    if len(text) > 10 and text[4] == "-" and "T" in text:
        return _l(text, datatype=_XSD["dateTime"])
    return _l(text)


def _article_lines(document: Document, links: dict[str, str]) -> Iterator[Line]:
    g = _graph(document.id)
    a = _article(document.id)
    yield a, _T["type"], _S["NewsArticle"], g
    yield a, _S["identifier"], _l(document.id), g
    yield a, _N["contentHash"], _l(document.content_hash), g
    if document.title:
        yield a, _S["headline"], _l(document.title), g
    if document.published:
        yield a, _S["datePublished"], _date_literal(document.published), g
    if document.url:
        yield a, _S["url"], _l(document.url, datatype=_XSD["anyURI"]), g
    if document.path:
        yield a, _N["sourceFile"], _l(document.path), g
    if "publisher" in links:
        yield a, _S["publisher"], _entity(links["publisher"]), g
    if "place" in links:
        yield a, _N["datelinePlace"], _entity(links["place"]), g


def _sentence_lines(sentence: Sentence) -> Iterator[Line]:
    g = _graph(sentence.doc_id)
    s = _sentence(sentence.doc_id, sentence.index)
    yield s, _T["type"], _N["Sentence"], g
    yield s, _S["isPartOf"], _article(sentence.doc_id), g
    yield s, _N["sentenceIndex"], _int(sentence.index), g
    yield s, _N["startOffset"], _int(sentence.start), g
    yield s, _N["endOffset"], _int(sentence.end), g
    yield s, _S["text"], _l(sentence.text), g


def statement_iri(fact: Fact) -> URIRef:
    return URIRef(_statement_text(fact))


def assertion_iri(fact: Fact) -> URIRef:
    return URIRef(_assertion_text(fact))


def _statement_text(fact: Fact) -> str:
    p = fact.provenance
    return f"{_DOC}{p.doc_id}/statement/{_hash(p.sentence, fact.value)}"


def _assertion_text(fact: Fact) -> str:
    p = fact.provenance
    return (
        f"{_DOC}{p.doc_id}/assertion/"
        f"{_hash(p.sentence, fact.subject, fact.predicate, fact.object, fact.value, p.extractor, p.start, p.end)}"
    )


def _fact_lines(fact: Fact) -> Iterator[Line]:
    p = fact.provenance
    g = _graph(p.doc_id)
    subject = _entity(fact.subject)
    predicate = _relation(fact.predicate)
    sentence = _sentence(p.doc_id, p.sentence)
    if fact.object is not None:
        obj = _entity(fact.object)
    else:
        obj = _i(_statement_text(fact))
        yield obj, _T["type"], _N["Statement"], g
        yield obj, _S["text"], _l(fact.value or ""), g
        yield obj, _T["derived"], sentence, g
    if not fact.negated and not fact.modality and not fact.hedge and not fact.reported:
        yield subject, predicate, obj, g  # reported speech is the speaker's claim: no direct triple
    a = _i(_assertion_text(fact))
    yield a, _T["type"], _N["Assertion"], g
    yield a, _T["subject"], subject, g
    yield a, _T["predicate"], predicate, g
    yield a, _T["object"], obj, g
    yield a, _T["derived"], sentence, g
    yield a, _N["extractor"], _l(p.extractor), g
    yield a, _N["confidence"], _decimal(p.confidence), g
    yield a, _N["startOffset"], _int(p.start), g
    yield a, _N["endOffset"], _int(p.end), g
    if fact.construction:
        yield a, _N["construction"], _l(fact.construction), g
    if fact.subject_text:
        yield a, _N["subjectText"], _l(fact.subject_text), g
    if fact.object_text:
        yield a, _N["objectText"], _l(fact.object_text), g
    if fact.negated:
        yield a, _N["negated"], _TRUE, g
    if fact.modality:
        yield a, _N["modality"], _l(fact.modality), g
    if fact.hedge:
        yield a, _N["hedge"], _l(fact.hedge), g
    if fact.time:
        yield a, _N["timeText"], _l(fact.time), g
    if fact.place:
        yield a, _N["place"], _entity(fact.place), g
    if fact.reported:
        yield a, _N["reported"], _TRUE, g
        if fact.attributed_to:
            yield a, _N["attributedTo"], _entity(fact.attributed_to), g


def role_iri(role: str) -> URIRef:
    return ENT["role/" + entity_id(role)]


def _membership_lines(membership: Membership) -> Iterator[Line]:
    p = membership.provenance
    g = _graph(p.doc_id)
    m = _i(ENT["membership/" + _hash(membership.member, membership.organization, membership.role.lower())])
    yield m, _T["type"], _O["Membership"], g
    yield m, _O["member"], _entity(membership.member), g
    if membership.organization:
        yield m, _O["organization"], _entity(membership.organization), g
    yield m, _O["role"], _i(role_iri(membership.role)), g
    yield m, _T["derived"], _sentence(p.doc_id, p.sentence), g


def _role_lines(role: str) -> Iterator[Line]:
    r = _i(role_iri(role))
    yield r, _T["type"], _N["Role"], _CORPUS
    yield r, _T["type"], _O["Role"], _CORPUS
    yield r, _T["prefLabel"], _l(role, lang="en"), _CORPUS


def _entity_use_lines(use: EntityUse) -> Iterator[Line]:
    g = _graph(use.doc_id)
    base = f"{_DOC}{use.doc_id}/entity/{use.entity}"  # entity_use_iri, as text
    u = _i(base)
    yield u, _T["type"], _N["EntityUse"], g
    yield u, _T["specializationOf"], _entity(use.entity), g
    yield u, _S["isPartOf"], _article(use.doc_id), g
    yield u, _N["entityClass"], _N[use.type] if use.type in ENTITY_CLASSES else _N["Thing"], g
    yield u, _N["mentionCount"], _int(use.mentions), g
    yield u, _N["named"], _TRUE if use.named else _FALSE, g
    if use.known_label:
        yield u, _N["gazetteerLabel"], _l(use.known_label), g
    names: dict[str, tuple[str, int]] = {}  # name key -> (name, count); spellings that differ only in space are one
    for name, count in sorted((*use.names, (use.label, 0))):
        key = entity_id(name)
        first, total = names.get(key, (name, 0))
        names[key] = (first, total + count)
    label_key = entity_id(use.label)
    for key, (name, count) in sorted(names.items()):
        n = f"<{base}/name/{key}>"
        yield u, _T["xlPref"] if key == label_key else _T["xlAlt"], n, g
        yield n, _T["type"], _T["xlLabel"], g
        yield n, _T["literalForm"], _l(name), g
        yield n, _N["mentionCount"], _int(count), g


def _entity_lines(entity: Entity) -> Iterator[Line]:
    e = _entity(entity.id)
    yield e, _T["type"], _N["Entity"], _CORPUS
    for cls in _CLASSES.get(entity.type, (_N["Thing"],)):
        yield e, _T["type"], cls, _CORPUS
    label = _l(entity.label)
    yield e, _T["prefLabel"], label, _CORPUS
    yield e, _T["label"], label, _CORPUS
    for alias in entity.aliases:
        yield e, _T["altLabel"], _l(alias), _CORPUS
    yield e, _N["mentionCount"], _int(entity.mentions), _CORPUS
    for doc_id in entity.documents:
        yield e, _N["mentionedIn"], _article(doc_id), _CORPUS


def _relation_lines(label: str) -> Iterator[Line]:
    iri = relation_iri(label)
    if not str(iri).startswith(str(REL)):
        return
    r = _i(iri)
    yield r, _T["type"], _T["ObjectProperty"], _CORPUS
    yield r, _T["label"], _l(label, lang="en"), _CORPUS
    yield r, _T["subPropertyOf"], _N["relatedTo"], _CORPUS


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


def _mention_lines(mention: EntityMention) -> Iterator[Line]:
    """A mention of an entity: its span in the article, text, entity and the sieve that linked it."""
    g = _graph(mention.doc_id)
    m = _i(f"{_DOC}{mention.doc_id}/mention/{mention.start}-{mention.end}")
    yield m, _T["type"], _N["Mention"], g
    yield m, _S["isPartOf"], _article(mention.doc_id), g
    yield m, _N["refersTo"], _entity(mention.entity), g
    yield m, _N["startOffset"], _int(mention.start), g
    yield m, _N["endOffset"], _int(mention.end), g
    yield m, _S["text"], _l(mention.text), g
    yield m, _T["derived"], _sentence(mention.doc_id, mention.sentence), g
    if mention.how:
        yield m, _N["resolvedBy"], _l(mention.how), g


# -- time and support (issue 16): each assertion carries its article's date and the normalised time of its
# clause; the corpus graph holds one nkg:Support record per direct triple, derived from the assertions of every
# article graph (like the corpus entities from nkg:EntityUse), so incremental builds and removals keep it exact.

_FUTURE_MODALS = {"will", "shall", "would", "be going to", "going to"}


def fact_time(fact: Fact, published: date | None) -> TimeValue | None:
    """The normalised time of a fact's time phrase, read against its article's publication day."""
    if not fact.time:
        return None
    tense = "future" if (fact.modality or "").lower() in _FUTURE_MODALS else "past"
    return normalise_time(fact.time, published, tense)  # type: ignore[arg-type]


def _fact_time_lines(fact: Fact, published: date | None) -> Iterator[Line]:
    """``nkg:reportedOn`` (the article's day) and, where the clause says when, ``nkg:time`` (an ``xsd:date``,
    ``xsd:gYearMonth`` or ``xsd:gYear``; an ISO 8601 interval string otherwise), ``nkg:timeStart`` and
    ``nkg:timeEnd`` (``xsd:date``, the closed sides of the interval). The phrase as written is ``nkg:timeText``."""
    g = _graph(fact.provenance.doc_id)
    a = _i(_assertion_text(fact))
    if published is not None:
        yield a, _N["reportedOn"], _l(published.isoformat(), datatype=_XSD["date"]), g
    value = fact_time(fact, published)
    if value is None:
        return
    yield a, _N["time"], _l(value.iso, datatype=value.xsd_datatype) if value.xsd_datatype else _l(value.iso), g
    if not value.open_start:
        yield a, _N["timeStart"], _l(value.start.isoformat(), datatype=_XSD["date"]), g
    if not value.open_end:
        yield a, _N["timeEnd"], _l(value.end.isoformat(), datatype=_XSD["date"]), g


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


_UNESCAPE = re.compile(r'\\(["\\nr])')
_UNESCAPED = {'"': '"', "\\": "\\", "n": "\n", "r": "\r"}


@lru_cache(maxsize=100_000)
def rdflib_term(text: str) -> URIRef | Literal:
    """The rdflib term of an N-Triples term this module wrote."""
    if text[0] == "<":
        return URIRef(text[1:-1])
    end = text.rfind('"')
    value = _UNESCAPE.sub(lambda m: _UNESCAPED[m.group(1)], text[1:end])
    rest = text[end + 1 :]
    if rest.startswith("@"):
        return Literal(value, lang=rest[1:])
    if rest.startswith("^^"):
        return Literal(value, datatype=URIRef(rest[3:-1]))
    return Literal(value)


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
