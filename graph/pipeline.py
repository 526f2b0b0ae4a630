"""The pipeline: documents -> spaCy -> extractions -> resolution -> knowledge graph.

:func:`analyze_documents` parses documents with ``nlp.pipe`` and yields one
:class:`~graph.resolve.ResolvedArticle` per document (plain data, no spaCy objects);
:func:`build_graph` merges them into a :class:`~graph.types.KnowledgeGraph`.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .documents import iter_inputs
from .errors import InputError
from .extractors import DocContext, Extractor, extractions_from, make_extractors
from .extractors.minimal import minimal_extractions
from .nlp import load_model
from .resolve import EntityIndex, ResolvedArticle, merge_articles, resolve_article
from .resolve.calibration import calibrated
from .types import DEFAULT_CONFIG, Document, Extraction, Fact, KnowledgeGraph, PipelineConfig

__all__ = [
    "DEFAULT_CONFIG",
    "FACT_COLUMNS",
    "ArticleExtractions",
    "analyze_documents",
    "build_graph",
    "extract_articles",
    "fact_records",
    "MENTION_COLUMNS",
    "mention_records",
    "with_support",
    "without_nameless_entities",
]

ProgressCallback = Callable[[Document], None]


#: the columns of ``newsgraph extract --format tsv``, in order (the JSON Lines keys are these and
#: ``subject_text``, ``object_text``, ``start``, ``end``, ``construction``, ``reported``,
#: ``attributed_to``, ``time``, ``date``)
FACT_COLUMNS = (
    "doc",
    "sentence",
    "subject",
    "predicate",
    "object",
    "confidence",
    "extractor",
    "negated",
    "modality",
    "hedge",
    "support",
)


def fact_records(kg: KnowledgeGraph, *, min_confidence: float = 0.0) -> Iterator[dict[str, object]]:
    """The facts of a merged graph (:func:`graph.resolve.merge_articles`, the resolution ``build``
    makes) as plain records, entities by their preferred labels; facts below ``min_confidence``
    left out (``newsgraph extract``)."""
    labels = {e.id: e.label for e in kg.entities}
    published = {d.id: d.published for d in kg.documents}
    for fact in kg.facts:
        if fact.provenance.confidence < min_confidence:
            continue
        yield {
            "doc": fact.provenance.doc_id,
            "sentence": fact.provenance.sentence,
            "subject": labels.get(fact.subject, fact.subject),
            "predicate": fact.predicate,
            "object": labels.get(fact.object, fact.object) if fact.object else fact.value,
            "subject_text": fact.subject_text,
            "object_text": fact.object_text,
            "start": fact.provenance.start,
            "end": fact.provenance.end,
            "confidence": fact.provenance.confidence,
            "extractor": fact.provenance.extractor,
            "negated": fact.negated,
            "modality": fact.modality,
            "hedge": fact.hedge,
            "construction": fact.construction,
            "reported": fact.reported,
            "attributed_to": labels.get(fact.attributed_to, fact.attributed_to) if fact.attributed_to else None,
            "time": fact.time,
            "date": _fact_date(fact, published.get(fact.provenance.doc_id)),
        }


#: the keys of ``newsgraph extract --format mentions``, in order
MENTION_COLUMNS = ("doc", "start", "end", "text", "entity", "type", "how")


def mention_records(kg: KnowledgeGraph) -> Iterator[dict[str, object]]:
    """Every resolved mention of a merged graph as a record (``newsgraph extract --format
    mentions``): character offsets in the article as read, the entity's id and class."""
    types = {e.id: e.type for e in kg.entities}
    for mention in kg.mentions:
        yield {
            "doc": mention.doc_id,
            "start": mention.start,
            "end": mention.end,
            "text": mention.text,
            "entity": mention.entity,
            "type": types[mention.entity],
            "how": mention.how,
        }


def _fact_date(fact: Fact, published: str | None) -> str | None:
    """A fact's time phrase normalised against the article's day (ISO 8601), or None."""
    from datetime import date

    from .dates import normalise_time

    if not fact.time:
        return None
    try:
        day = date.fromisoformat(published.strip()[:10]) if published else None
    except ValueError:
        day = None
    value = normalise_time(fact.time, day)
    return value.iso if value is not None else None


def _asserted(record: dict[str, object]) -> bool:
    """A record of a plain, positive fact: the graph asserts it as a direct triple."""
    return not (record["negated"] or record["modality"] or record.get("hedge") or record.get("reported"))


def with_support(records: Iterable[dict[str, object]]) -> list[dict[str, object]]:
    """The records, each with ``support``: how many of the records' articles assert the same subject, predicate and
    object (a plain, positive fact; 0 for a negated, modal, hedged or reported one, which has no direct triple)."""
    listed = list(records)
    articles: dict[tuple[object, object, object], set[object]] = {}
    for record in listed:
        if _asserted(record):
            key = (record["subject"], record["predicate"], record["object"])
            articles.setdefault(key, set()).add(record["doc"])
    for record in listed:
        key = (record["subject"], record["predicate"], record["object"])
        record["support"] = len(articles.get(key, ())) if _asserted(record) else 0
    return listed


@dataclass(frozen=True)
class ArticleExtractions:
    """One article's extractions and the facts they resolved to (for ``newsgraph extract``)."""

    document: Document
    extractions: list[Extraction]
    article: ResolvedArticle


def _analyses(documents: Iterable[Document], config: PipelineConfig) -> Iterator[ArticleExtractions]:
    """Parse (``nlp.pipe``), extract and resolve each document, in this process."""
    nlp = load_model(config.model)
    built: list[Extractor] = make_extractors(config.extractors)
    pairs = ((document.text, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=config.batch_size):
        try:
            context = DocContext.of(doc, document.id)
            found = extractions_from(built, doc, document.id, context=context)
            # the graph's facts are minimal: one binary fact per argument, vacuous ones dropped
            minimal = [fact for extraction in found for fact in minimal_extractions(extraction, doc)]
            article = resolve_article(doc, document, minimal, context, gazetteer=config.gazetteer)
        except Exception as error:  # noqa: BLE001 - one article's odd parse must not stop a batch
            where = document.path or document.id
            print(
                f"newsgraph: warning: {where}: skipped, the article could not be analysed "
                f"({type(error).__name__}: {error}); the rest of the batch goes on",
                file=sys.stderr,
            )
            continue
        # confidence rescored from what resolution made of each fact (resolve/calibration.py)
        yield ArticleExtractions(document, found, calibrated(without_nameless_entities(article)))


def _has_name(text: str) -> bool:
    return any(char.isalnum() for char in text)


def without_nameless_entities(article: ResolvedArticle) -> ResolvedArticle:
    """The article without entities named only by punctuation or symbols ("#", "&", ")": junk
    text, never a name), nor the facts and roles about them, and without such names among the
    others' aliases. A label is a name as written, with a letter or a digit (the shapes say so)."""
    nameless = {entity.key for entity in article.entities if not _has_name(entity.label)}
    if not nameless and all(_has_name(name) for entity in article.entities for name in entity.names):
        return article
    entities = tuple(
        replace(entity, names=Counter({n: c for n, c in entity.names.items() if _has_name(n)}))
        for entity in article.entities
        if entity.key not in nameless
    )
    facts = tuple(
        replace(fact, place=None) if fact.place in nameless else fact
        for fact in article.facts
        if fact.subject not in nameless and fact.object not in nameless
    )
    memberships = tuple(
        replace(m, organization=None) if m.organization in nameless else m
        for m in article.memberships
        if m.member not in nameless
    )
    return replace(
        article,
        entities=entities,
        facts=facts,
        memberships=memberships,
        article_entities=tuple(pair for pair in article.article_entities if pair[1] not in nameless),
    )


def analyze_documents(
    documents: Iterable[Document],
    *,
    config: PipelineConfig = DEFAULT_CONFIG,
    on_document: ProgressCallback | None = None,
) -> Iterator[ResolvedArticle]:
    """Parse, extract and resolve each document, in input order, as they are done (streaming).

    With ``config.processes > 1`` the work runs in that many worker processes, each with its own
    copy of the model: a worker parses, extracts and resolves a batch of articles and sends back
    only the plain :class:`ResolvedArticle` values. (spaCy's own ``n_process`` would send every
    parsed ``Doc`` back to this process and leave extraction to it, which makes this process the
    bottleneck.) At most ``2 * processes`` batches are in flight, so reading stays just ahead of
    the workers and memory does not grow with the corpus.
    """
    if config.processes > 1:
        articles = _analyze_in_workers(documents, config)
    else:
        articles = _analyze_here(documents, config)
    for article in articles:
        if on_document is not None:
            on_document(article.document)
        yield article


def _analyze_here(documents: Iterable[Document], config: PipelineConfig) -> Iterator[ResolvedArticle]:
    for analysis in _analyses(documents, config):
        yield analysis.article


# -- worker processes: each loads the model once, then analyses batches of documents

_WORKER: dict[str, PipelineConfig] = {}


def _start_worker(config: PipelineConfig) -> None:
    _WORKER["config"] = config
    load_model(config.model)


def _analyze_batch(documents: list[Document]) -> list[ResolvedArticle]:
    return list(_analyze_here(documents, _WORKER["config"]))


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _analyze_in_workers(documents: Iterable[Document], config: PipelineConfig) -> Iterator[ResolvedArticle]:
    import multiprocessing
    from collections import deque

    load_model(config.model)  # fail here, with the one-line message, if the model is missing
    processes = config.processes
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(processes, initializer=_start_worker, initargs=(config,)) as pool:
        pending: deque = deque()
        for batch in _batches(documents, config.batch_size):
            pending.append(pool.apply_async(_analyze_batch, (batch,)))
            while len(pending) >= 2 * processes:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def build_graph(
    inputs: Iterable[str | Path] | Iterable[Document],
    *,
    config: PipelineConfig = DEFAULT_CONFIG,
    on_problem: Callable[[InputError], None] | None = None,
    on_document: ProgressCallback | None = None,
    index: EntityIndex | None = None,
) -> KnowledgeGraph:
    """Build the knowledge graph of files, folders or :class:`Document` values, in memory (for
    tests and rules; a build that writes goes through :mod:`graph.builder`)."""
    documents = iter_inputs(inputs, on_problem=on_problem, max_chars=config.max_chars)
    articles = analyze_documents(documents, config=config, on_document=on_document)
    return merge_articles(articles, index=index)


def extract_articles(
    inputs: Iterable[str | Path | Document],
    *,
    config: PipelineConfig = DEFAULT_CONFIG,
    on_problem: Callable[[InputError], None] | None = None,
) -> Iterator[ArticleExtractions]:
    """Extractions and resolved facts per article, streamed (in this process)."""
    yield from _analyses(iter_inputs(inputs, on_problem=on_problem, max_chars=config.max_chars), config)
