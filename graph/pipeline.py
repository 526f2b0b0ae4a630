"""The pipeline: documents -> spaCy -> extractions -> resolution -> knowledge graph.

:func:`analyze_documents` parses documents with ``nlp.pipe`` and yields one
:class:`~graph.resolve.ResolvedArticle` per document (plain data, no spaCy objects);
:func:`build_graph` merges them into a :class:`~graph.types.KnowledgeGraph`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .documents import iter_inputs
from .errors import InputError
from .extractors import DocContext, Extractor, extractions_from, make_extractors
from .extractors.minimal import minimal_extractions
from .nlp import load_model
from .resolve import EntityIndex, Gazetteer, ResolvedArticle, merge_articles, resolve_article
from .types import Document, Extraction, KnowledgeGraph

__all__ = ["analyze_documents", "build_graph", "extract_articles", "ArticleExtractions", "default_gazetteer"]

ProgressCallback = Callable[[Document], None]


def default_gazetteer() -> Gazetteer | None:
    """The bundled gazetteer (``ontology/gazetteer.ttl``) if it is there, else None."""
    from .rdf.ontology import read_gazetteer_file

    return read_gazetteer_file()


@dataclass(frozen=True)
class ArticleExtractions:
    """One article's extractions and the facts they resolved to (for ``newsgraph extract``)."""

    document: Document
    extractions: list[Extraction]
    article: ResolvedArticle


def _analyses(documents: Iterable[Document], *, model: str | None, extractors: Sequence[str] | None,
              gazetteer: Gazetteer | None, batch_size: int) -> Iterator[ArticleExtractions]:
    """Parse (``nlp.pipe``), extract and resolve each document, in this process."""
    nlp = load_model(model)
    built: list[Extractor] = make_extractors(extractors)
    pairs = ((document.text, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        context = DocContext.of(doc, document.id)
        found = extractions_from(built, doc, document.id, context=context)
        # the graph's facts are minimal: one binary fact per argument, vacuous ones dropped
        minimal = [fact for extraction in found for fact in minimal_extractions(extraction, doc)]
        yield ArticleExtractions(document, found, resolve_article(doc, document, minimal, context, gazetteer=gazetteer))


def analyze_documents(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    extractors: Sequence[str] | None = None,
    gazetteer: Gazetteer | None = None,
    batch_size: int = 16,
    processes: int = 1,
    on_document: ProgressCallback | None = None,
) -> Iterator[ResolvedArticle]:
    """Parse, extract and resolve each document, in input order, as they are done (streaming).

    With ``processes > 1`` the work runs in that many worker processes, each with its own copy of
    the model: a worker parses, extracts and resolves a batch of articles and sends back only
    the plain :class:`ResolvedArticle` values. (spaCy's own ``n_process`` would send every parsed
    ``Doc`` back to this process and leave extraction to it, which makes this process the
    bottleneck.) At most ``2 * processes`` batches are in flight, so reading stays just ahead of
    the workers and memory does not grow with the corpus.
    """
    if processes > 1:
        articles = _analyze_in_workers(documents, model=model, extractors=extractors, gazetteer=gazetteer,
                                       batch_size=batch_size, processes=processes)
    else:
        articles = _analyze_here(documents, model=model, extractors=extractors, gazetteer=gazetteer,
                                 batch_size=batch_size)
    for article in articles:
        if on_document is not None:
            on_document(article.document)
        yield article


def _analyze_here(documents: Iterable[Document], *, model: str | None, extractors: Sequence[str] | None,
                  gazetteer: Gazetteer | None, batch_size: int) -> Iterator[ResolvedArticle]:
    for analysis in _analyses(documents, model=model, extractors=extractors, gazetteer=gazetteer,
                              batch_size=batch_size):
        yield analysis.article


# -- worker processes: each loads the model once, then analyses batches of documents

_WORKER: dict[str, object] = {}


def _start_worker(model: str | None, extractors: Sequence[str] | None, gazetteer: Gazetteer | None,
                  batch_size: int) -> None:
    _WORKER.update(model=model, extractors=extractors, gazetteer=gazetteer, batch_size=batch_size)
    load_model(model)


def _analyze_batch(documents: list[Document]) -> list[ResolvedArticle]:
    return list(_analyze_here(documents, model=_WORKER["model"], extractors=_WORKER["extractors"],  # type: ignore[arg-type]
                              gazetteer=_WORKER["gazetteer"], batch_size=_WORKER["batch_size"]))  # type: ignore[arg-type]


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _analyze_in_workers(documents: Iterable[Document], *, model: str | None, extractors: Sequence[str] | None,
                        gazetteer: Gazetteer | None, batch_size: int, processes: int) -> Iterator[ResolvedArticle]:
    import multiprocessing
    from collections import deque

    load_model(model)  # fail here, with the one-line message, if the model is missing
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(processes, initializer=_start_worker, initargs=(model, extractors, gazetteer, batch_size)) as pool:
        pending: deque = deque()
        for batch in _batches(documents, batch_size):
            pending.append(pool.apply_async(_analyze_batch, (batch,)))
            while len(pending) >= 2 * processes:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def build_graph(
    inputs: Iterable[str | Path] | Iterable[Document],
    *,
    model: str | None = None,
    extractors: Sequence[str] | None = None,
    gazetteer: Gazetteer | None = None,
    on_problem: Callable[[InputError], None] | None = None,
    on_document: ProgressCallback | None = None,
    index: EntityIndex | None = None,
    processes: int = 1,
) -> KnowledgeGraph:
    """Build the knowledge graph of files, folders or :class:`Document` values."""
    documents = iter_inputs(inputs, on_problem=on_problem)
    articles = analyze_documents(documents, model=model, extractors=extractors, gazetteer=gazetteer,
                                 on_document=on_document, processes=processes)
    return merge_articles(articles, index=index)


def extract_articles(
    inputs: Iterable[str | Path] | Iterable[Document],
    *,
    model: str | None = None,
    extractors: Sequence[str] | None = None,
    gazetteer: Gazetteer | None = None,
    on_problem: Callable[[InputError], None] | None = None,
) -> Iterator[ArticleExtractions]:
    """Extractions and resolved facts per article, streamed."""
    yield from _analyses(iter_inputs(inputs, on_problem=on_problem), model=model, extractors=extractors,
                         gazetteer=gazetteer, batch_size=16)
