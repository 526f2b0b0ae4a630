"""IRIs of the model and RDF terms as N-Triples text (the renderings :mod:`graph.rdf.model` writes).

The build writes N-Triples text straight to Oxigraph's N-Quads loader; :func:`rdflib_term` reads
that text back into rdflib terms. The IRI functions here make ``URIRef`` values; the private
helpers make the same IRIs as text with string operations, which is much cheaper.
"""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from ..resolve.entities import entity_id
from ..resolve.predicates import ontology_property
from ..types import Fact
from .namespaces import BASE, DOC, ENT, NKG, ORG, REL, SCHEMA, SKOSXL

__all__ = [
    "CORPUS_GRAPH",
    "ENTITY_CLASSES",
    "Line",
    "Quad",
    "article_graph_iri",
    "article_iri",
    "assertion_iri",
    "entity_iri",
    "entity_use_iri",
    "rdflib_term",
    "relation_iri",
    "role_iri",
    "sentence_iri",
    "statement_iri",
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
    "Product": (NKG.Product, SCHEMA.Product),
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


def role_iri(role: str) -> URIRef:
    return ENT["role/" + entity_id(role)]


# -- N-Triples text back to rdflib terms

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
