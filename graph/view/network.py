"""The entity network of a newsgraph RDF graph, and its export as GraphML or GEXF.

:func:`network_from_rdf` projects the entity graph: one node per entity, one edge per relation
between two entities with every sentence that supports it. :func:`write_network` flattens it for
Gephi and Cytoscape.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from ..errors import UnknownNameError
from ..formats import NETWORK_FORMATS
from ..outputs import atomic_output
from ..rdf.namespaces import NKG, PREFIXES, SCHEMA
from ..rdf.terms import TripleSource

__all__ = ["CLASS_COLOURS", "NETWORK_FORMATS", "network_from_rdf", "write_network"]

#: node colour per entity class (legend order)
CLASS_COLOURS: dict[str, str] = {
    "Person": "#e15759",
    "PoliticalParty": "#4e79a7",
    "GovernmentBody": "#76b7b2",
    "NewsAgency": "#9c755f",
    "Organization": "#59a14f",
    "Place": "#edc948",
    "Programme": "#b07aa1",
    "Event": "#ff9da7",
    "Group": "#f28e2b",
    "CreativeWork": "#bab0ac",
    "Role": "#86bcb6",
    "Thing": "#8cd17d",
    "TimeExpression": "#d4a6c8",
    "Quantity": "#d7b5a6",
    "Concept": "#c9c9c9",
}
#: the classes, most specific first (an entity of several classes gets the first)
CLASS_ORDER = list(CLASS_COLOURS)


def local_name(iri: str) -> str:
    """The last part of an IRI, after its last ``#`` or ``/``."""
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1]
    return iri


def _class_of(types: Iterable[URIRef]) -> str:
    namespace = str(NKG._NS)
    names = {str(t)[len(namespace):] for t in types if str(t).startswith(namespace)}
    for name in CLASS_ORDER:
        if name in names:
            return name
    return "Thing"


def _compact(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def network_from_rdf(graph: TripleSource) -> nx.MultiDiGraph:
    """The entity network of a newsgraph RDF graph.

    Nodes are entities (``nkg:Entity``) with ``label``, ``type``, ``aliases``, ``documents`` and
    ``facts`` (how many readings of facts mention it); edges run subject -> object with
    ``relation`` (its label), ``predicate`` (IRI), ``negated``, ``modality``, ``confidence`` (the
    highest) and ``evidence``: a list of (sentence, article id, date, confidence), most confident
    first. ``network.graph["articles"]`` maps article ids to their ``title``, ``url`` and ``date``.
    """
    network = nx.MultiDiGraph()

    def first(predicate: URIRef) -> dict[Any, Any]:
        """subject -> object of ``predicate`` (the smallest, if there are several): one pass
        over the triples instead of one lookup per subject."""
        values: dict[Any, Any] = {}
        for subject, value in graph.subject_objects(predicate):
            if subject not in values or str(value) < str(values[subject]):
                values[subject] = value
        return values

    def every(predicate: URIRef) -> dict[Any, set[str]]:
        values: dict[Any, set[str]] = defaultdict(set)
        for subject, value in graph.subject_objects(predicate):
            values[subject].add(str(value))
        return values

    entity_types: dict[URIRef, list[URIRef]] = defaultdict(list)
    for s, o in graph.subject_objects(RDF.type):
        if isinstance(s, URIRef):
            entity_types[s].append(o)
    entities = sorted(s for s, kinds in entity_types.items() if NKG.Entity in kinds)
    preferred, labels, aliases, mentioned = first(SKOS.prefLabel), first(RDFS.label), every(SKOS.altLabel), every(NKG.mentionedIn)
    for entity in entities:
        label = str(preferred.get(entity) or labels.get(entity) or local_name(str(entity)))
        network.add_node(str(entity), label=label, type=_class_of(entity_types[entity]),
                         aliases=sorted(aliases.get(entity, set()) - {label}),
                         documents=sorted(local_name(d) for d in mentioned.get(entity, ())), facts=0)

    dates, identifiers, headlines, urls = (first(SCHEMA.datePublished), first(SCHEMA.identifier), first(SCHEMA.headline),
                                           first(SCHEMA.url))
    articles: dict[str, tuple[str, str]] = {}
    metadata: dict[str, dict[str, str]] = {}
    for article, kinds in entity_types.items():
        if SCHEMA.NewsArticle not in kinds:
            continue
        identifier = str(identifiers.get(article) or local_name(str(article)))
        date = str(dates.get(article) or "")
        articles[str(article)] = (identifier, date)
        metadata[identifier] = {"title": str(headlines.get(article) or ""), "url": str(urls.get(article) or ""),
                                "date": date}
    network.graph["articles"] = dict(sorted(metadata.items()))
    texts, parts = first(SCHEMA.text), first(SCHEMA.isPartOf)
    sentences = {str(s): (str(texts.get(s) or ""), str(parts.get(s) or ""))
                 for s, kinds in entity_types.items() if NKG.Sentence in kinds}

    subjects, predicates, objects = first(RDF.subject), first(RDF.predicate), first(RDF.object)
    negations, modalities, confidences, sources = (first(NKG.negated), first(NKG.modality), first(NKG.confidence),
                                                   first(PROV.wasDerivedFrom))
    relation_labels: dict[str, str] = {}
    grouped: dict[tuple[str, str, str, bool, str], list[tuple[str, str, str, float]]] = defaultdict(list)
    for assertion, kinds in entity_types.items():
        if NKG.Assertion not in kinds:
            continue
        s, p, o = subjects.get(assertion), predicates.get(assertion), objects.get(assertion)
        if s is None or p is None or o is None or str(s) not in network or str(o) not in network:
            continue
        negated = bool(negations.get(assertion))
        modality = str(modalities.get(assertion) or "")
        confidence = float(confidences.get(assertion) or 0.0)
        text, article = sentences.get(str(sources.get(assertion) or ""), ("", ""))
        doc_id, date = articles.get(article, (local_name(article), ""))
        grouped[(str(s), str(p), str(o), negated, modality)].append((text, doc_id, date, confidence))
        if str(p) not in relation_labels:
            label = labels.get(p)
            relation_labels[str(p)] = str(label) if label is not None else _compact(str(p))
    for (s, p, o, negated, modality), evidence in sorted(grouped.items()):
        evidence.sort(key=lambda e: (-e[3], e[1], e[0]))
        network.add_edge(s, o, key=f"{p}|{negated}|{modality}", predicate=p, relation=relation_labels[p],
                         negated=negated, modality=modality, evidence=evidence,
                         confidence=max(e[3] for e in evidence))
        network.nodes[s]["facts"] += len(evidence)
        if o != s:
            network.nodes[o]["facts"] += len(evidence)
    # an entity known only from mentions (no relation in the graph) has nothing to show in a network:
    # it stays in the graph and in `newsgraph entities`, not on the page
    network.remove_nodes_from([n for n in list(network) if network.degree(n) == 0 and not network.nodes[n].get("facts")])
    return network


def _relation_text(data: dict[str, Any]) -> str:
    """An edge's relation as text: ``NOT`` before a negated one, its modality after."""
    head = ("NOT " if data["negated"] else "") + data["relation"]
    return f"{head} ({data['modality']})" if data["modality"] else head


def write_network(graph: Graph | nx.MultiDiGraph, output: str | Path, fmt: str) -> Path:
    """Write the entity network as GraphML or GEXF (for Gephi, Cytoscape), atomically.

    Nodes: ``label``, ``type``, ``aliases`` (joined with "; "), ``facts``, ``degree``,
    ``articles``. Edges (unique ids, parallel edges kept): ``label`` and ``relation`` (the
    relation's label), ``predicate`` (IRI), ``negated``, ``modality``, ``sentences``, ``weight``
    (the number of sentences), ``confidence``, ``articles``.
    """
    if fmt not in NETWORK_FORMATS:
        raise UnknownNameError("network format", fmt, NETWORK_FORMATS)
    network = graph if isinstance(graph, nx.MultiDiGraph) else network_from_rdf(graph)
    flat = nx.MultiDiGraph()
    for node, data in sorted(network.nodes(data=True)):
        flat.add_node(node, label=data["label"], type=data["type"], aliases="; ".join(data["aliases"]),
                      facts=int(data["facts"]), degree=int(network.degree(node)),
                      articles=", ".join(data.get("documents", [])))
    for number, (s, o, _key, data) in enumerate(sorted(network.edges(keys=True, data=True), key=lambda e: e[:3])):
        flat.add_edge(s, o, key=f"e{number}", label=_relation_text(data), relation=data["relation"],
                      predicate=data["predicate"], negated=bool(data["negated"]), modality=data["modality"],
                      sentences=len(data["evidence"]), weight=float(len(data["evidence"])),
                      confidence=float(data["confidence"]),
                      articles=", ".join(sorted({e[1] for e in data["evidence"]})))
    with atomic_output(output, "wb") as handle:
        if fmt == "graphml":
            nx.write_graphml(flat, handle)
        else:
            nx.write_gexf(flat, handle)
    return Path(output)
