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
the order they were built (recorded in the store, :mod:`graph.rdf.order`), then the new and changed articles
are read in input order. So a store built article by article holds exactly what one build of all the articles
in that order would give. A few new articles added to an Oxigraph store are merged without replaying the store
(:mod:`graph.increments`, from the state the last build left next to it: :mod:`graph.rdf.index_store`).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rdflib import URIRef

from .cluster import DaskOptions, analyze_on_dask
from .documents import iter_inputs
from .errors import InputError
from .increments import add_articles
from .pipeline import analyze_documents
from .rdf.index_store import BuildState, drop_state, read_state, write_state
from .rdf.model import (
    CORPUS_GRAPH,
    ENTITY_CLASSES,
    Line,
    article_graph_iri,
    article_lines,
    corpus_lines,
)
from .rdf.namespaces import NKG
from .rdf.order import BUILD_GRAPH, chain_lines, read_build_order
from .rdf.stores import CENSUS_FILE, GraphStore, OxigraphStore
from .rdf.support import ArticleChanges, Ledger, evidence_of_lines, published_date, read_evidence
from .resolve import EntityIndex, ResolvedArticle, merge_article
from .types import DEFAULT_CONFIG, Document, Entity, EntityUse, PipelineConfig, PlannedArticle

__all__ = [
    "CorpusUpdate",
    "PlannedArticle",
    "read_entity_uses",
    "read_labels_in_use",
    "update_store",
    "write_articles",
]


#: a build of at most this many new articles into a store with its build state reads only what they touch
FEW_ARTICLES = 200


@dataclass(frozen=True)
class CorpusUpdate:
    """What an incremental build did."""

    added: tuple[str, ...] = ()  # article ids new to the store
    replaced: tuple[str, ...] = ()  # article ids whose content changed
    unchanged: tuple[str, ...] = ()  # article ids skipped: same content hash
    facts: int = 0  # facts read from the added and replaced articles
    entities: int = 0  # entities in the corpus afterwards
    quads: int = 0  # quads in the store afterwards
    words: int = 0  # words in the added and replaced articles
    #: for each added or replaced article, in build order: its facts new to the store, those confirming known
    #: ones, and those conflicting with a known holder of a position (:class:`graph.changes.ArticleChanges`)
    changes: tuple[ArticleChanges, ...] = ()
    removed: tuple[str, ...] = ()  # article ids taken out (:func:`remove_articles`)
    undated: tuple[str, ...] = ()  # added or replaced articles without a publication date

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
        key = (str(row["doc"]), str(row["entity"])[len(entities) :])
        use = grouped.setdefault(
            key,
            {
                "names": [],
                "label": None,
                "class": str(row["class"]),
                "mentions": int(row["mentions"].toPython()),
                "named": bool(row["named"].toPython()),
                "known": str(row["known"]) if row.get("known") is not None else None,
            },
        )
        name = str(row["name"])
        use["names"].append((name, int(row["count"].toPython())))
        if str(row["kind"]) == "pref":
            use["label"] = name
    uses = []
    for (doc_id, entity), found in sorted(grouped.items()):
        kind = found["class"][len(namespace) :] if found["class"].startswith(namespace) else "Thing"
        # a label is a name as written: without a preferred one, the most used name, never the id
        label = found["label"] or max(found["names"], key=lambda pair: (pair[1], pair[0]))[0]
        uses.append(
            EntityUse(
                doc_id=doc_id,
                entity=entity,
                label=label,
                type=kind if kind in ENTITY_CLASSES else "Thing",
                names=tuple(sorted(found["names"])),
                mentions=found["mentions"],
                named=found["named"],
                known_label=found["known"],
            )
        )
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


@dataclass
class _Plan:
    """What the first pass over the inputs found: which articles to (re)build, how many words."""

    todo: list[PlannedArticle]  # articles to build, in input order
    unchanged: list[str]
    words: int  # words in the articles to build (for progress and throughput)
    replacing: set[str]  # the ids of ``todo`` the store holds another version of


class _StoredHashes:
    """The store's content hash of each article asked for: looked up one by one (by key) for the first
    :data:`LOOKUPS` articles, then read for every article at once (a big build asks for many)."""

    LOOKUPS = 64

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.every: dict[str, str] | None = None
        self.asked = 0

    def get(self, doc_id: str) -> str | None:
        if self.every is None and self.asked < self.LOOKUPS:
            self.asked += 1
            return self.store.article_hash(doc_id)
        if self.every is None:
            self.every = self.store.article_hashes()
        return self.every.get(doc_id)


def _plan(
    store: GraphStore,
    inputs: list[str | Path | Document],
    on_problem: Callable[[InputError], None] | None,
    max_chars: int,
) -> _Plan:
    """Read every input once, lazily, keeping only ids and hashes: which articles are new or changed."""
    stored = _StoredHashes(store)
    replacing: set[str] = set()
    todo: list[PlannedArticle] = []
    unchanged: list[str] = []
    words = 0
    today = date.today()
    for document in _documents(inputs, on_problem, max_chars):
        problem = _date_problem(document, today)
        if problem is not None:
            if on_problem is None:
                raise problem
            on_problem(problem)
            continue
        known = stored.get(document.id)
        if known == document.content_hash:
            unchanged.append(document.id)
            continue
        if known is not None:
            replacing.add(document.id)
        count = len(document.text.split())
        given = not document.path or any(isinstance(item, Document) and item is document for item in inputs)
        todo.append(
            PlannedArticle(
                id=document.id,
                content_hash=document.content_hash,
                path=document.path,
                words=count,
                document=document if given else None,
            )
        )
        words += count
    return _Plan(todo=todo, unchanged=unchanged, words=words, replacing=replacing)


def update_store(
    store: GraphStore,
    inputs: Iterable[str | Path | Document],
    *,
    config: PipelineConfig = DEFAULT_CONFIG,
    on_problem: Callable[[InputError], None] | None = None,
    on_document: Callable[[Document], None] | None = None,
    on_plan: Callable[[int, int], None] | None = None,
    dask: DaskOptions | None = None,
) -> CorpusUpdate:
    """Add the articles of ``inputs`` to ``store``: new ones added, changed ones replaced,
    unchanged ones skipped, entities merged. Nothing is written unless everything succeeded.

    The build streams: a first pass reads the inputs for their ids and content hashes only; the
    second reads them again and parses, extracts, resolves and writes one article at a time
    (``config.processes`` workers), so memory holds the entity index, not the corpus.
    ``on_plan(articles, words)`` is told how much there is to do before the work starts.

    With ``dask`` (:class:`~graph.cluster.DaskOptions`) the articles are parsed, extracted and
    resolved on a Dask cluster instead, partition by partition into shard files, and read back
    here in input order: the store gets the same graph.
    """
    items = list(inputs)
    plan = _plan(store, items, on_problem, config.max_chars)
    if on_plan is not None:
        on_plan(len(plan.todo), plan.words)
    if not plan.todo:
        return CorpusUpdate(unchanged=tuple(plan.unchanged), entities=_count_entities(store), quads=store_size(store))
    stored = plan.replacing
    todo = [article.id for article in plan.todo]
    if dask is None:
        rebuilt = set(todo)
        wanted = (d for d in _documents(items, None, config.max_chars, quiet=True) if d.id in rebuilt)
        analyzed: AbstractContextManager[Iterable[ResolvedArticle]] = nullcontext(
            analyze_documents(wanted, config=config)
        )
    else:
        analyzed = analyze_on_dask(plan.todo, dask, config=config)
    changes: list[ArticleChanges] = []
    with analyzed as articles:
        facts, entities = write_articles(
            store,
            articles,
            replacing=stored,
            on_document=on_document,
            changes=changes,
            few=len(todo) <= FEW_ARTICLES,
        )
    return CorpusUpdate(
        added=tuple(i for i in todo if i not in stored),
        replaced=tuple(i for i in todo if i in stored),
        unchanged=tuple(plan.unchanged),
        facts=facts,
        entities=entities,
        quads=store_size(store),
        words=plan.words,
        changes=tuple(changes),
        undated=tuple(c.article for c in changes if c.published is None),
    )


def write_articles(
    store: GraphStore,
    articles: Iterable[ResolvedArticle],
    *,
    replacing: Iterable[str] = (),
    removing: Iterable[str] = (),
    on_document: Callable[[Document], None] | None = None,
    changes: list[ArticleChanges] | None = None,
    index: EntityIndex | None = None,
    rewritten: Mapping[str, list[Line]] | None = None,
    few: bool = False,
) -> tuple[int, int]:
    """Merge a stream of resolved articles, in build order, with the store's entities and write
    them: each article's named graph as it comes, then the corpus graph, all in one undoable step
    (an error, here or in ``articles``, leaves the store as it was).

    ``replacing``: ids of articles the store has whose graphs the stream replaces (their old share
    of each entity is dropped); ``removing``: ids of articles whose graphs are dropped. The corpus
    graph's support and supersession records are derived again from every article that stays
    (:class:`graph.changes.Ledger`); ``changes``, if given, gets what each article changes, in
    build order. ``index`` and ``rewritten`` are :func:`graph.removal.remove_articles`'s: the entities merged
    again, and article graphs with their entities renamed. Returns the number of facts written and of
    entities afterwards.

    ``few``: the stream holds a few new articles only. Then, into an Oxigraph store with its build state
    (:mod:`graph.rdf.index_store`), they are added by :func:`graph.increments.add_articles`, which reads and writes
    only the records they touch, not every article; the store gets the same graph. Every build into an Oxigraph
    store leaves the state the next one needs.
    This is the driver's half of every build, local (:func:`update_store`) or on a cluster.
    """
    removed = set(removing)
    replaced = set(replacing) | removed
    renamed = dict(rewritten or {})
    folder = store.path if isinstance(store, OxigraphStore) else None
    if folder is not None and few and not (replaced or renamed or index is not None):
        state = read_state(folder)
        if state is not None:
            drop_state(folder)
            with store.writer() as write:
                facts = add_articles(store, write, state, articles, on_document=on_document, changes=changes)
            write_state(folder, state)
            return facts, len(state.index)
    if folder is not None:
        drop_state(folder)
    order = [doc_id for doc_id in read_build_order(store) if doc_id not in replaced]
    if index is None:
        index = EntityIndex()
        position = {doc_id: n for n, doc_id in enumerate(order)}
        for use in sorted(read_entity_uses(store, exclude=replaced), key=lambda u: position.get(u.doc_id, -1)):
            index.restore(use)  # in build order: ids are first come, first served
    relations, roles = read_labels_in_use(store, exclude=replaced)
    ledger = Ledger()
    ledger.add(*read_evidence(store, exclude=replaced | set(renamed)))
    facts = 0
    with store.writer() as write:
        for doc_id in sorted(removed):
            write.replace(article_graph_iri(doc_id), ())
        for doc_id, lines in sorted(renamed.items()):
            write.replace(article_graph_iri(doc_id), lines)
            ledger.add_lines(lines)
        for article in articles:
            if on_document is not None:
                on_document(article.document)
            part = merge_article(article, index)
            lines = list(article_lines(part))
            write.replace(article_graph_iri(article.document.id), lines)
            relations.update(f.predicate for f in part.facts)
            roles.update(m.role for m in part.memberships)
            facts += len(part.facts)
            evidence, holdings = evidence_of_lines(lines)
            if changes is not None:
                changes.append(ledger.classify(article.document.id, _day(article.document), evidence, holdings))
            ledger.add(evidence, holdings)
            order.append(article.document.id)
        entities = index.entities()
        write.replace(CORPUS_GRAPH, _corpus(entities, relations, roles, ledger))
        write.replace(BUILD_GRAPH, chain_lines(order))
    if folder is not None:
        tail = order[-1] if order else None
        write_state(
            folder,
            BuildState(index=index, relations=relations, roles=roles, slots=ledger.slot_terms(), tail=tail),
        )
    return facts, len(entities)


def _corpus(entities: list[Entity], relations: set[str], roles: set[str], ledger: Ledger) -> Iterator[Line]:
    """The corpus graph: entities, relations and roles in use, then support and supersession records."""
    yield from corpus_lines(entities, relations, roles)
    yield from ledger.lines()


_DATE_LIKE = re.compile(r"\s*[+-]?\d{4,}-\d{1,2}-\d{1,2}\b")


def _date_problem(document: Document, today: date) -> InputError | None:
    """An article whose publication date is no real day (``2024-02-30``), or lies in the future, is not built. An
    undated one is, and one whose ``published`` is no date at all (free text): its facts are dated where the text
    says an absolute date, and it is reported as undated."""
    if not document.published:
        return None
    day = published_date(document.published)
    if day is None and _DATE_LIKE.match(document.published):
        return InputError(
            document.path or document.id,
            f"publication date {document.published!r} of article {document.id!r} is not a real day "
            "(want YYYY-MM-DD or an ISO 8601 date-time)",
        )
    if day is not None and day > today + timedelta(days=1):
        return InputError(
            document.path or document.id,
            f"publication date {day.isoformat()} of article {document.id!r} is in the future",
        )
    return None


def _day(document: Document) -> str | None:
    day = published_date(document.published)
    return day.isoformat() if day else None


def _documents(
    inputs: list[str | Path | Document],
    on_problem: Callable[[InputError], None] | None,
    max_chars: int,
    *,
    quiet: bool = False,
) -> Iterator[Document]:
    """The articles of ``inputs`` (:func:`graph.documents.iter_inputs`); ``quiet``: a second
    reading, whose problems the first reported."""
    return iter_inputs(inputs, on_problem=_ignore if quiet else on_problem, max_chars=max_chars)


def _ignore(problem: InputError) -> None:
    return None


def store_size(store: GraphStore) -> int:
    """The number of quads in the store: an Oxigraph store's census (which its writer keeps exact without
    counting every quad), else a count."""
    if isinstance(store, OxigraphStore):
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            return int(json.loads((store.path / CENSUS_FILE).read_text(encoding="utf-8"))["quads"])
    return len(store)


def _count_entities(store: GraphStore) -> int:
    rows = store.select(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH <{CORPUS_GRAPH}> {{ ?e a nkg:Entity }} }}")
    return int(rows[0]["n"].toPython()) if rows else 0
