"""Incremental builds: add articles to a store, merge their entities with the ones already there.

:func:`update_store` reads the articles, and for each one compares its content hash with the
store's (``nkg:contentHash``):

- an article the store already has, unchanged, is skipped;
- a new article gets its own named graph (``doc:ID/graph``);
- a changed article's named graph is replaced, and its old share of every entity is dropped.

Entities merge with the existing ones: each article graph keeps the article's share of each
entity (``nkg:EntityUse``: names, counts, type), which is replayed into an
:class:`~graph.resolve.EntityIndex` (ids stay as they are, known names match). The corpus graph
(merged entities, relations and roles in use) is then derived again, and the new article graphs
and the corpus graph are written in one atomic step: a build that fails leaves the store as it was.
Building the same input twice changes nothing.

Entity ids are first come, first served and never change: the store's articles are replayed in
order of id, then the new and changed articles are read in input order. So a store built
article by article holds exactly what one build of all the articles in that order would give.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import URIRef

from .errors import InputError
from .rdf.model import CORPUS_GRAPH, ENTITY_CLASSES, article_graph_iri, article_quads, corpus_quads
from .rdf.namespaces import NKG
from .rdf.stores import GraphStore
from .resolve import EntityIndex, Gazetteer
from .types import Document, EntityUse

__all__ = ["CorpusUpdate", "update_store", "read_entity_uses", "read_labels_in_use"]


@dataclass(frozen=True)
class CorpusUpdate:
    """What an incremental build did."""

    added: tuple[str, ...] = ()  # article ids new to the store
    replaced: tuple[str, ...] = ()  # article ids whose content changed
    unchanged: tuple[str, ...] = ()  # article ids skipped: same content hash
    facts: int = 0  # facts read from the added and replaced articles
    entities: int = 0  # entities in the corpus afterwards
    quads: int = 0  # quads in the store afterwards

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced)


def _graph_filter(excluded: Iterable[str]) -> str:
    names = sorted({str(article_graph_iri(doc_id)) for doc_id in excluded})
    if not names:
        return f"FILTER (?g != <{CORPUS_GRAPH}>)"
    listed = ", ".join(f"<{name}>" for name in names)
    return f"FILTER (?g != <{CORPUS_GRAPH}> && ?g NOT IN ({listed}))"


def read_entity_uses(store: GraphStore, *, exclude: Iterable[str] = ()) -> list[EntityUse]:
    """Every article's share of every entity in the store (but the articles in ``exclude``),
    sorted by article id and entity id: the order :meth:`EntityIndex.restore` replays them in."""
    rows = store.select(f"""
        SELECT ?doc ?entity ?class ?mentions ?named ?known ?kind ?name ?count WHERE {{
          GRAPH ?g {{
            ?use a nkg:EntityUse ; prov:specializationOf ?entity ; schema:isPartOf ?article ;
                 nkg:entityClass ?class ; nkg:mentionCount ?mentions ; nkg:named ?named .
            ?article schema:identifier ?doc .
            OPTIONAL {{ ?use nkg:gazetteerLabel ?known }}
            {{ ?use skosxl:prefLabel ?label BIND ("pref" AS ?kind) }} UNION {{ ?use skosxl:altLabel ?label BIND ("alt" AS ?kind) }}
            ?label skosxl:literalForm ?name ; nkg:mentionCount ?count .
          }}
          {_graph_filter(exclude)}
        }}""")
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    namespace, entities = str(NKG._NS), str(URIRef("https://w3id.org/newsgraph/entity/"))
    for row in rows:
        key = (str(row["doc"]), str(row["entity"])[len(entities):])
        use = grouped.setdefault(key, {"names": [], "label": None, "class": str(row["class"]),
                                       "mentions": int(row["mentions"].toPython()),
                                       "named": bool(row["named"].toPython()),
                                       "known": str(row["known"]) if row.get("known") is not None else None})
        name = str(row["name"])
        use["names"].append((name, int(row["count"].toPython())))
        if str(row["kind"]) == "pref":
            use["label"] = name
    uses = []
    for (doc_id, entity), found in sorted(grouped.items()):
        kind = found["class"][len(namespace):] if found["class"].startswith(namespace) else "Thing"
        uses.append(EntityUse(doc_id=doc_id, entity=entity, label=found["label"] or entity,
                              type=kind if kind in ENTITY_CLASSES else "Thing",
                              names=tuple(sorted(found["names"])), mentions=found["mentions"],
                              named=found["named"], known_label=found["known"]))
    return uses


def read_labels_in_use(store: GraphStore, *, exclude: Iterable[str] = ()) -> tuple[set[str], set[str]]:
    """The labels of the minted relations and of the roles the store's article graphs (but those
    in ``exclude``) use, as the corpus graph declares them."""
    excluded = list(exclude)
    relations = store.select(f"""
        SELECT DISTINCT ?label WHERE {{
          GRAPH ?g {{ ?assertion rdf:predicate ?p }}
          GRAPH <{CORPUS_GRAPH}> {{ ?p a owl:ObjectProperty ; rdfs:label ?label }}
          {_graph_filter(excluded)}
        }}""")
    roles = store.select(f"""
        SELECT DISTINCT ?label WHERE {{
          GRAPH ?g {{ ?membership org:role ?role }}
          GRAPH <{CORPUS_GRAPH}> {{ ?role a nkg:Role ; skos:prefLabel ?label }}
          {_graph_filter(excluded)}
        }}""")
    return {str(r["label"]) for r in relations}, {str(r["label"]) for r in roles}


def update_store(
    store: GraphStore,
    inputs: Iterable[str | Path] | Iterable[Document],
    *,
    model: str | None = None,
    extractors: Iterable[str] | None = None,
    gazetteer: Gazetteer | None = None,
    on_problem: Callable[[InputError], None] | None = None,
    on_document: Callable[[Document], None] | None = None,
) -> CorpusUpdate:
    """Add the articles of ``inputs`` to ``store``: new ones added, changed ones replaced,
    unchanged ones skipped, entities merged. Nothing is written unless everything succeeded."""
    from .pipeline import build_graph

    documents = _read_documents(inputs, on_problem)
    stored = store.article_hashes()
    todo = [d for d in documents if stored.get(d.id) != d.content_hash]
    unchanged = tuple(d.id for d in documents if stored.get(d.id) == d.content_hash)
    if not todo:
        return CorpusUpdate(unchanged=unchanged, entities=_count_entities(store), quads=len(store))
    rebuilt = {d.id for d in todo}
    index = EntityIndex()
    for use in read_entity_uses(store, exclude=rebuilt):
        index.restore(use)
    relations, roles = read_labels_in_use(store, exclude=rebuilt)
    kg = build_graph(todo, model=model, extractors=list(extractors) if extractors else None, gazetteer=gazetteer,
                     index=index, on_document=on_document)
    graphs: dict[URIRef, list[Any]] = {article_graph_iri(d.id): [] for d in todo}
    for quad in article_quads(kg):
        graphs[quad[3]].append(quad)
    graphs[CORPUS_GRAPH] = list(corpus_quads(kg.entities, relations | {f.predicate for f in kg.facts},
                                             roles | {m.role for m in kg.memberships}))
    store.replace_graphs(graphs)
    return CorpusUpdate(
        added=tuple(d.id for d in todo if d.id not in stored),
        replaced=tuple(d.id for d in todo if d.id in stored),
        unchanged=unchanged, facts=len(kg.facts), entities=len(kg.entities), quads=len(store),
    )


def _read_documents(inputs: Iterable[str | Path] | Iterable[Document],
                    on_problem: Callable[[InputError], None] | None) -> list[Document]:
    """Documents as given and the articles read from files and folders, in input order; a second
    article with an id already used is a problem (reported, or raised without a handler)."""
    from .documents import iter_documents

    items = list(inputs)
    paths = [item for item in items if not isinstance(item, Document)]
    read = iter(iter_documents(paths, on_problem=on_problem)) if paths else iter(())
    documents: list[Document] = []
    for item in items:
        if isinstance(item, Document):
            documents.append(item)
        elif item is paths[0]:  # every file article, where the first path was given
            documents.extend(read)
    seen: dict[str, Document] = {}
    unique = []
    for document in documents:
        if document.id in seen:
            problem = InputError(document.path or document.id, f"article id {document.id!r} already used by "
                                 f"{seen[document.id].path or 'another article'}")
            if on_problem is None:
                raise problem
            on_problem(problem)
            continue
        seen[document.id] = document
        unique.append(document)
    return unique


def _count_entities(store: GraphStore) -> int:
    rows = store.select(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH <{CORPUS_GRAPH}> {{ ?e a nkg:Entity }} }}")
    return int(rows[0]["n"].toPython()) if rows else 0
