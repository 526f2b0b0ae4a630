"""newsgraph: turn English news articles into an RDF knowledge graph.

>>> import graph
>>> kg = graph.build("data/articles")                    # doctest: +SKIP
>>> graph.query(kg, "SELECT ?s ?o WHERE { ?s rel:commission ?o }")  # doctest: +SKIP
>>> graph.render(kg, "out/graph.html", focus="Nazarbayev")          # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import NewsgraphError
from .types import (
    Document,
    Entity,
    Extraction,
    Fact,
    KnowledgeGraph,
    Membership,
    Mention,
    PipelineConfig,
    Provenance,
    Sentence,
)

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Dataset, Graph

    from .queries import QueryResult
    from .rdf.stores import GraphStore
    from .view import View, ViewNotes

__all__ = [
    "build",
    "extract",
    "load",
    "query",
    "render",
    "Document",
    "Entity",
    "Extraction",
    "Fact",
    "KnowledgeGraph",
    "Membership",
    "Mention",
    "NewsgraphError",
    "PipelineConfig",
    "Provenance",
    "Sentence",
    "__version__",
]

__version__ = "0.1.0"


def build(
    inputs: str | Path | Iterable[str | Path | Document] = "data/articles",
    *,
    output: str | Path | None = None,
    config: PipelineConfig | None = None,
) -> Dataset:
    """Build the RDF graph (an rdflib ``Dataset``, one named graph per article) of articles.

    With ``output``, also write it there as Turtle (atomically), through the same staging store
    as ``newsgraph build`` (:mod:`graph.builder`). ``config``: the model, extractors, gazetteer,
    ... (:class:`PipelineConfig`); by default the bundled gazetteer is used, as by ``newsgraph build``.
    """
    from .builder import build_dataset, default_gazetteer

    items = [inputs] if isinstance(inputs, (str, Path, Document)) else list(inputs)
    chosen = config if config is not None else PipelineConfig(gazetteer=default_gazetteer())
    return build_dataset(items, config=chosen, output=output)


def extract(
    inputs: str | Path | Iterable[str | Path | Document],
    *,
    config: PipelineConfig | None = None,
) -> Iterator[Fact]:
    """The resolved facts of articles (entity keys are local to each article); ``config`` as for
    :func:`build`, by default without a gazetteer."""
    from .pipeline import DEFAULT_CONFIG, extract_articles

    items = [inputs] if isinstance(inputs, (str, Path, Document)) else list(inputs)
    for item in extract_articles(items, config=config if config is not None else DEFAULT_CONFIG):
        yield from item.article.facts


def load(path: str | Path, *, fmt: str | None = None) -> Dataset:
    """Read an RDF file (format from the extension) into a ``Dataset``."""
    from .rdf.io import read_graph

    return read_graph(path, fmt)


def query(
    graph: Graph | GraphStore | str | Path,
    sparql: str,
    *,
    timeout: float | None = None,
    max_rows: int | None = None,
    params: Mapping[str, str] | None = None,
) -> QueryResult:
    """Run a read-only SPARQL query (text, .rq path or bundled example name) over a graph, a file
    or a store (:func:`graph.rdf.stores.open_store`), within ``timeout`` seconds if given;
    ``params`` binds the query's parameters (``{"name": "Maulen Ashimbayev"}``)."""
    from .queries import run_query

    if isinstance(graph, (str, Path)):
        graph = load(graph)
    return run_query(graph, sparql, timeout=timeout, max_rows=max_rows, params=params)


def render(
    graph: Graph | str | Path,
    output: str | Path = "out/graph.html",
    view: View | None = None,
    *,
    title: str = "newsgraph",
    physics: bool | None = None,
    **options: object,
) -> ViewNotes:
    """Write the interactive HTML network view of ``view`` (a :class:`graph.view.View`, the whole
    graph if not given; ``options`` are its fields, a shorthand: ``focus="Nazarbayev", hops=2``).
    See :func:`graph.view.render_graph`."""
    from .view import render_graph

    if isinstance(graph, (str, Path)):
        graph = load(graph)
    return render_graph(graph, output, view, title=title, physics=physics, **options)
