"""The entity network of a newsgraph RDF graph, and its export as GraphML or GEXF.

:func:`network_from_rdf` projects the entity graph: one node per entity, one edge per relation
between two entities with every sentence that supports it. :func:`write_network` flattens it for
Gephi and Cytoscape.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, SKOS

from ..errors import UnknownNameError
from ..formats import NETWORK_FORMATS
from ..outputs import atomic_output
from ..rdf.namespaces import NKG, PREFIXES, SCHEMA
from ..rdf.terms import TripleSource

__all__ = ["CLASS_COLOURS", "NETWORK_FORMATS", "network_from_rdf", "readable_relation", "write_network"]

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
    "Product": "#a0cbe8",
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
    names = {str(t)[len(namespace) :] for t in types if str(t).startswith(namespace)}
    for name in CLASS_ORDER:
        if name in names:
            return name
    return "Thing"


def _compact(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


#: standard properties in words (an edge reads "subject <phrase> object")
_PROPERTY_PHRASES = {
    str(ORG.headOf): "head of",
    str(ORG.memberOf): "member of",
    str(ORG.subOrganizationOf): "part of",
    str(ORG.hasMember): "has member",
    str(ORG.hasSubOrganization): "has part",
    str(ORG.role): "role",
    str(SCHEMA.publisher): "published by",
    str(SCHEMA.location): "located in",
    str(SCHEMA.worksFor): "works for",
    str(SCHEMA.memberOf): "member of",
    str(SCHEMA.founder): "founded by",
    str(SCHEMA.spouse): "married to",
    str(SKOS.related): "related to",
    str(NKG.relatedTo): "related to",
}
_IRREGULAR = {
    "be": "is",
    "have": "has",
    "meet": "met",
    "hold": "held",
    "say": "said",
    "tell": "told",
    "make": "made",
    "give": "gave",
    "take": "took",
    "lead": "led",
    "get": "got",
    "become": "became",
    "set": "set",
    "put": "put",
    "send": "sent",
    "see": "saw",
    "find": "found",
    "go": "went",
    "come": "came",
    "win": "won",
    "lose": "lost",
    "build": "built",
    "buy": "bought",
    "sell": "sold",
    "pay": "paid",
    "speak": "spoke",
    "write": "wrote",
    "keep": "kept",
    "leave": "left",
    "bring": "brought",
    "think": "thought",
    "begin": "began",
    "run": "ran",
    "seek": "sought",
    "teach": "taught",
    "fight": "fought",
    "choose": "chose",
    "draw": "drew",
    "grow": "grew",
    "know": "knew",
    "show": "showed",
    "stand": "stood",
    "understand": "understood",
    "spend": "spent",
    "rise": "rose",
    "fall": "fell",
    "feel": "felt",
    "hear": "heard",
    "mean": "meant",
    "read": "read",
    "cut": "cut",
    "hit": "hit",
    "let": "let",
    "quit": "quit",
    "shut": "shut",
    "bear": "bore",
    "sign": "signed",
    "plan": "planned",
    "stop": "stopped",
    "ban": "banned",
    "admit": "admitted",
    "commit": "committed",
    "submit": "submitted",
    "permit": "permitted",
    "refer": "referred",
    "prefer": "preferred",
    "drop": "dropped",
    "ship": "shipped",
    "chair": "chaired",
    "visit": "visited",
    "open": "opened",
    "offer": "offered",
}
_VOWELS = set("aeiou")


def _past(verb: str) -> str:
    """The past tense (or participle) of an English verb lemma, for edge labels: "meet" -> "met"."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if not verb.isalpha() or not verb.islower() or len(verb) < 2:
        return verb
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2] not in _VOWELS:
        return verb[:-1] + "ied"
    if verb.endswith("c"):
        return verb + "ked"
    return verb + "ed"


def readable_relation(predicate: str, label: str | None = None) -> str:
    """A relation as words an edge can carry: ``org:headOf`` -> "head of", ``rel:meet_with``
    ("meet with") -> "met with", "be familiarize with" -> "familiarized with", "say" -> "said"."""
    if predicate in _PROPERTY_PHRASES:
        return _PROPERTY_PHRASES[predicate]
    text = " ".join((label or "").split())
    if not text:
        name = local_name(predicate)
        text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).replace("_", " ").lower()
        return text
    words = text.split(" ")
    if words[0] in ("be", "get") and len(words) > 1 and words[1].isalpha():
        participle = _past(words[1])
        if words[1] in _IRREGULAR and words[1] not in ("be",):
            participle = {
                "meet": "met",
                "hold": "held",
                "make": "made",
                "give": "given",
                "take": "taken",
                "choose": "chosen",
                "know": "known",
                "see": "seen",
                "write": "written",
                "speak": "spoken",
                "draw": "drawn",
                "grow": "grown",
                "show": "shown",
                "begin": "begun",
                "bear": "born",
                "win": "won",
                "lose": "lost",
            }.get(words[1], participle)
        return " ".join([participle, *words[2:]])
    if words[0].isalpha() and words[0].islower():
        return " ".join([_past(words[0]), *words[1:]])
    return text


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
    preferred, labels, aliases, mentioned = (
        first(SKOS.prefLabel),
        first(RDFS.label),
        every(SKOS.altLabel),
        every(NKG.mentionedIn),
    )
    mention_counts = first(NKG.mentionCount)
    for entity in entities:
        label = str(preferred.get(entity) or labels.get(entity) or local_name(str(entity)))
        network.add_node(
            str(entity),
            label=label,
            type=_class_of(entity_types[entity]),
            aliases=sorted(aliases.get(entity, set()) - {label}),
            documents=sorted(local_name(d) for d in mentioned.get(entity, ())),
            facts=0,
            mentions=int(mention_counts.get(entity) or 0),
            roles=[],
        )

    dates, identifiers, headlines, urls = (
        first(SCHEMA.datePublished),
        first(SCHEMA.identifier),
        first(SCHEMA.headline),
        first(SCHEMA.url),
    )
    articles: dict[str, tuple[str, str]] = {}
    metadata: dict[str, dict[str, str]] = {}
    for article, kinds in entity_types.items():
        if SCHEMA.NewsArticle not in kinds:
            continue
        identifier = str(identifiers.get(article) or local_name(str(article)))
        date = str(dates.get(article) or "")
        articles[str(article)] = (identifier, date)
        metadata[identifier] = {
            "title": str(headlines.get(article) or ""),
            "url": str(urls.get(article) or ""),
            "date": date,
        }
    network.graph["articles"] = dict(sorted(metadata.items()))
    texts, parts = first(SCHEMA.text), first(SCHEMA.isPartOf)
    sentences = {
        str(s): (str(texts.get(s) or ""), str(parts.get(s) or ""))
        for s, kinds in entity_types.items()
        if NKG.Sentence in kinds
    }

    subjects, predicates, objects = first(RDF.subject), first(RDF.predicate), first(RDF.object)
    negations, modalities, confidences, sources = (
        first(NKG.negated),
        first(NKG.modality),
        first(NKG.confidence),
        first(PROV.wasDerivedFrom),
    )
    relation_labels: dict[str, str] = {}
    labelled_relations: set[str] = set()
    statements = {str(st): str(texts.get(st) or "") for st, kinds in entity_types.items() if NKG.Statement in kinds}
    quotes: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    said_verbs: dict[tuple[str, str], set[str]] = {}
    names = _name_index(network)
    members, organizations, roles = first(ORG.member), first(ORG.organization), first(ORG.role)
    grouped: dict[tuple[str, str, str, bool, str], list[tuple[str, str, str, float]]] = defaultdict(list)
    for assertion, kinds in entity_types.items():
        if NKG.Assertion not in kinds:
            continue
        s, p, o = subjects.get(assertion), predicates.get(assertion), objects.get(assertion)
        if not (s is None or p is None or o is None or str(s) not in network or str(o) not in network):
            negated = bool(negations.get(assertion))
            modality = str(modalities.get(assertion) or "")
            confidence = float(confidences.get(assertion) or 0.0)
            text, article = sentences.get(str(sources.get(assertion) or ""), ("", ""))
            doc_id, date = articles.get(article, (local_name(article), ""))
            grouped[(str(s), str(p), str(o), negated, modality)].append((text, doc_id, date, confidence))
            if str(p) not in relation_labels:
                label = labels.get(p)
                relation_labels[str(p)] = str(label) if label is not None else _compact(str(p))
                if label is not None:
                    labelled_relations.add(str(p))
        elif s is not None and p is not None and o is not None and str(s) in network and str(o) in statements:
            # reported speech: the quote goes to the speaker's panel, and becomes an edge to each
            # entity it names
            text, article = sentences.get(str(sources.get(assertion) or ""), ("", ""))
            doc_id, date = articles.get(article, (local_name(article), ""))
            verb = readable_relation(str(p), str(labels.get(p) or "")) or "said"
            quote = statements[str(o)]
            quotes[str(s)].append((verb, quote, doc_id, date))
            for named in _named_in(quote, names):
                if named != str(s):
                    grouped[(str(s), _SAID, named, False, "")].append(
                        (quote, doc_id, date, float(confidences.get(assertion) or 0.0))
                    )
                    said_verbs.setdefault((str(s), named), set()).add(verb)
    relation_labels[_SAID] = "said"
    for membership, kinds in entity_types.items():
        if ORG.Membership not in kinds:
            continue
        member, organization, role = members.get(membership), organizations.get(membership), roles.get(membership)
        if member is None or str(member) not in network or role is None:
            continue
        role_name = str(preferred.get(role) or labels.get(role) or local_name(str(role)).replace("_", " "))
        text, article = sentences.get(str(sources.get(membership) or ""), ("", ""))
        doc_id, date = articles.get(article, (local_name(article), ""))
        node = network.nodes[str(member)]
        if role_name not in node["roles"]:
            node["roles"].append(role_name)
        if organization is not None and str(organization) in network and str(organization) != str(member):
            predicate = f"{_ROLE}{role_name}"
            relation_labels[predicate] = role_name
            grouped[(str(member), predicate, str(organization), False, "")].append((text, doc_id, date, 1.0))
    for (s, p, o, negated, modality), evidence in sorted(grouped.items()):
        evidence.sort(key=lambda e: (-e[3], e[1], e[0]))
        if p == _SAID:
            verbs = said_verbs.get((s, o), set())
            phrase = next(iter(verbs)) if len(verbs) == 1 else "said"
        elif p.startswith(_ROLE):
            phrase = relation_labels[p] + " of"
        else:
            phrase = readable_relation(p, relation_labels[p] if p in labelled_relations else None)
        network.add_edge(
            s,
            o,
            key=f"{p}|{negated}|{modality}",
            predicate=p,
            relation=relation_labels[p],
            phrase=phrase,
            negated=negated,
            modality=modality,
            evidence=evidence,
            confidence=max(e[3] for e in evidence),
        )
        network.nodes[s]["facts"] += len(evidence)
        if o != s:
            network.nodes[o]["facts"] += len(evidence)
    for speaker, said in quotes.items():
        network.nodes[speaker]["quotes"] = sorted(set(said), key=lambda q: (q[3], q[2], q[1]))
    # an entity known only from mentions (no relation, fact or quote in the graph) has nothing to show
    # in a network: it stays in the graph and in `newsgraph entities`, not on the page
    bare = [
        n
        for n, data in network.nodes(data=True)
        if network.degree(n) == 0 and not data.get("facts") and not data.get("quotes")
    ]
    network.remove_nodes_from(bare)
    return network


_SAID = "https://w3id.org/newsgraph/view#said"
_ROLE = "https://w3id.org/newsgraph/view#role/"
_MAX_NAME_WORDS = 6


def _name_index(network: nx.MultiDiGraph) -> dict[str, str]:
    """Names (labels and aliases of named entities, two characters or more) -> entity."""
    index: dict[str, str] = {}
    for node, data in network.nodes(data=True):
        if data["type"] in ("Concept", "TimeExpression", "Quantity"):
            continue
        for name in (data["label"], *data["aliases"]):
            key = " ".join(re.findall(r"\w+", name))
            if len(key) >= 2 and key[0].isupper() and len(key.split()) <= _MAX_NAME_WORDS:
                index.setdefault(key, node)
    return index


def _named_in(text: str, names: dict[str, str]) -> list[str]:
    """The entities a text names (longest names first, each word used once)."""
    words = re.findall(r"\w+", text)
    found: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(_MAX_NAME_WORDS, len(words) - i), 0, -1):
            hit = names.get(" ".join(words[i : i + size]))
            if hit is not None:
                if hit not in found:
                    found.append(hit)
                i += size
                break
        else:
            i += 1
    return found


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
        flat.add_node(
            node,
            label=data["label"],
            type=data["type"],
            aliases="; ".join(data["aliases"]),
            facts=int(data["facts"]),
            degree=int(network.degree(node)),
            articles=", ".join(data.get("documents", [])),
        )
    for number, (s, o, _key, data) in enumerate(sorted(network.edges(keys=True, data=True), key=lambda e: e[:3])):
        flat.add_edge(
            s,
            o,
            key=f"e{number}",
            label=_relation_text(data),
            relation=data["relation"],
            predicate=data["predicate"],
            negated=bool(data["negated"]),
            modality=data["modality"],
            sentences=len(data["evidence"]),
            weight=float(len(data["evidence"])),
            confidence=float(data["confidence"]),
            articles=", ".join(sorted({e[1] for e in data["evidence"]})),
        )
    with atomic_output(output, "wb") as handle:
        if fmt == "graphml":
            nx.write_graphml(flat, handle)
        else:
            nx.write_gexf(flat, handle)
    return Path(output)
