"""Namespaces: the newsgraph ontology as a ``DefinedNamespace`` (a misspelled term fails loudly),
and the namespaces newsgraph mints IRIs in."""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace, NamespaceManager

__all__ = [
    "NKG",
    "ENT",
    "REL",
    "DOC",
    "SCHEMA",
    "ORG",
    "SKOSXL",
    "BASE",
    "bind_prefixes",
    "PREFIXES",
    "sparql_prologue",
    "compact_iri",
]

BASE = "https://w3id.org/newsgraph/"


class NKG(DefinedNamespace):
    """The newsgraph ontology (``ontology/newsgraph.ttl``)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Entity: URIRef
    Person: URIRef
    Organization: URIRef
    PoliticalParty: URIRef
    GovernmentBody: URIRef
    NewsAgency: URIRef
    Place: URIRef
    Programme: URIRef
    Event: URIRef
    Group: URIRef
    CreativeWork: URIRef
    Product: URIRef
    Role: URIRef
    Concept: URIRef
    TimeExpression: URIRef
    Quantity: URIRef
    Thing: URIRef
    Sentence: URIRef
    Statement: URIRef
    Assertion: URIRef
    EntityUse: URIRef
    Mention: URIRef
    refersTo: URIRef
    resolvedBy: URIRef
    Support: URIRef
    # properties
    relatedTo: URIRef
    extractor: URIRef
    construction: URIRef
    confidence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    sentenceIndex: URIRef
    subjectText: URIRef
    objectText: URIRef
    clauseText: URIRef
    negated: URIRef
    modality: URIRef
    hedge: URIRef
    timeText: URIRef
    place: URIRef
    mentionCount: URIRef
    mentionedIn: URIRef
    datelinePlace: URIRef
    contentHash: URIRef
    sourceFile: URIRef
    entityClass: URIRef
    named: URIRef
    gazetteerLabel: URIRef
    reported: URIRef
    attributedTo: URIRef
    former: URIRef
    # time and support (dated facts, support across articles, superseded facts)
    reportedOn: URIRef
    time: URIRef
    timeStart: URIRef
    timeEnd: URIRef
    support: URIRef
    sourceCount: URIRef
    firstSeen: URIRef
    lastSeen: URIRef
    validFrom: URIRef
    validUntil: URIRef
    supersededBy: URIRef
    builtAfter: URIRef  # the store's build order (graph/rdf/order.py)


ENT = Namespace(BASE + "entity/")
REL = Namespace(BASE + "relation/")
DOC = Namespace(BASE + "doc/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
SKOSXL = Namespace("http://www.w3.org/2008/05/skos-xl#")

PREFIXES = {
    "nkg": str(NKG._NS),
    "ent": str(ENT),
    "rel": str(REL),
    "doc": str(DOC),
    "schema": str(SCHEMA),
    "org": str(ORG),
    "skos": str(SKOS),
    "skosxl": str(SKOSXL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}


def bind_prefixes(target: Graph | NamespaceManager) -> None:
    """Bind newsgraph's prefixes on a graph (or namespace manager), replacing rdflib's defaults."""
    manager = target.namespace_manager if isinstance(target, Graph) else target
    for prefix, namespace in PREFIXES.items():
        manager.bind(prefix, namespace, override=True, replace=True)


def sparql_prologue() -> str:
    """``PREFIX`` lines for every newsgraph prefix, to put in front of a query."""
    return "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())


def compact_iri(value: object) -> str:
    """A value as text for people: an IRI in a newsgraph namespace as ``prefix:local``
    (``ent:Maulen_Ashimbayev``), anything else as it is, None as the empty string."""
    if value is None:
        return ""
    text = str(value)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and " " not in text:
            return f"{prefix}:{text[len(namespace) :]}"
    return text
