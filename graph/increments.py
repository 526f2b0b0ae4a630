"""Adding a few articles to a big Oxigraph store, reading and writing only what they touch.

:func:`graph.corpus.write_articles` derives the corpus graph from every article of the store; that is exact, and
what a first build, a replacement or a removal does. Adding a few new articles to a store that has its
:class:`~graph.rdf.index_store.BuildState` takes the same result another way (:func:`add_articles`):

- the entity index comes from the state, and each article is merged into it and written as its own graph;
- the evidence of the direct triples the new articles assert, and of the positions they report held, is read from
  the store by key (:func:`graph.rdf.evidence.read_evidence_of`), so the support and supersession records of those
  triples and positions are derived again from all their articles, the new ones included, and only those records
  of the corpus graph are replaced;
- the records of the entities the new articles name are replaced (each keeps its ``nkg:mentionedIn`` links and
  gains the new articles'), and relations and roles new to the store are declared.

So a build reads and writes in proportion to what its articles touch, not to the store, and the store afterwards
is the one a full derivation gives (tests/test_corpus.py checks they are the same).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from .rdf.evidence import read_evidence_of
from .rdf.index_store import BuildState
from .rdf.model import CORPUS_GRAPH, article_graph_iri, article_lines, corpus_lines
from .rdf.namespaces import ENT, NKG
from .rdf.order import BUILD_GRAPH, link_line
from .rdf.stores import GraphStore, GraphWriter
from .rdf.support import ArticleChanges, Ledger, evidence_of_lines, fact_slot, published_date
from .rdf.terms_nt import Line
from .resolve import ResolvedArticle, merge_article
from .types import Document

__all__ = ["add_articles"]

_MENTIONED_IN = f"<{NKG.mentionedIn}>"


def add_articles(
    store: GraphStore,
    write: GraphWriter,
    state: BuildState,
    articles: Iterable[ResolvedArticle],
    *,
    on_document: Callable[[Document], None] | None = None,
    changes: list[ArticleChanges] | None = None,
) -> int:
    """Write ``articles`` (all new to ``store``) with ``write``, and the part of the corpus graph they change;
    ``state`` is updated to the store afterwards. Returns the number of facts written."""
    index = state.index
    batch: list[tuple[str, str | None, list, list]] = []
    named: dict[str, set[str]] = {}  # entity id -> the new articles naming it
    relations: set[str] = set()
    roles: set[str] = set()
    links: list[Line] = []  # the build order: each new article after the last one
    facts = 0
    for article in articles:
        document = article.document
        if on_document is not None:
            on_document(document)
        part = merge_article(article, index)
        lines = list(article_lines(part))
        write.replace(article_graph_iri(document.id), lines)
        relations.update(f.predicate for f in part.facts)
        roles.update(m.role for m in part.memberships)
        facts += len(part.facts)
        for use in part.entity_uses:
            named.setdefault(use.entity, set()).add(document.id)
        day = published_date(document.published)
        batch.append((document.id, day.isoformat() if day else None, *evidence_of_lines(lines)))
        if state.tail is not None:
            links.append(link_line(document.id, state.tail))
        state.tail = document.id
    write.amend(BUILD_GRAPH, (), links)

    # the records the new articles touch: their triples, and every position they (or those triples) report held
    keys = {item.key for *_, evidence, _holdings in batch for item in evidence}
    slots = {h.slot for *_, holdings in batch for h in holdings}
    slots.update(slot for slot in map(fact_slot, keys) if slot is not None)
    terms = set().union(*(state.slots.get(slot, set()) for slot in slots))
    ledger = Ledger()
    mentions = _mentions(state)
    ledger.add(
        *read_evidence_of(
            store,
            keys,
            terms,
            exclude={doc_id for doc_id, *_ in batch},
            rarer=lambda subject, obj: mentions(subject) < mentions(obj),
        )
    )
    for doc_id, day, evidence, holdings in batch:
        if changes is not None:
            changes.append(ledger.classify(doc_id, day, evidence, holdings))
        ledger.add(evidence, holdings)
    for slot, found in ledger.slot_terms().items():
        state.slots.setdefault(slot, set()).update(found)
    write.amend(CORPUS_GRAPH, ledger.nodes(), ledger.lines())

    # each entity's record again, with the nkg:mentionedIn links of the new articles only (the others stay)
    entities = [replace(index.entity(entity_id), documents=tuple(sorted(docs))) for entity_id, docs in named.items()]
    entity_lines = list(corpus_lines(sorted(entities, key=lambda e: e.id), (), ()))
    write.amend(CORPUS_GRAPH, {line[0] for line in entity_lines}, entity_lines, keep=frozenset({_MENTIONED_IN}))

    fresh_relations, fresh_roles = relations - state.relations, roles - state.roles
    if fresh_relations or fresh_roles:
        write.amend(CORPUS_GRAPH, (), corpus_lines((), fresh_relations, fresh_roles))
        state.relations |= fresh_relations
        state.roles |= fresh_roles
    return facts


def _mentions(state: BuildState) -> Callable[[str], int]:
    """How often the entity of an IRI (N-Triples) was mentioned, as the index knows it (0 for an unknown one)."""
    prefix = f"<{ENT}"

    def count(term: str) -> int:
        if not term.startswith(prefix):
            return 0
        try:
            return state.index.entity(term[len(prefix) : -1]).mentions
        except KeyError:
            return 0

    return count
