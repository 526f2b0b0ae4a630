"""What every ``newsgraph`` command shares: the typer apps, exit codes, one-line errors, skipped
inputs, the build's progress bar, pipeline options, result formats and opening a graph or store."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import InputError, NewsgraphError
from ..types import PipelineConfig

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into an RDF knowledge graph: build it, query it with SPARQL, explore it as a network.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
eval_app = typer.Typer(help="Score extractions against a benchmark.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_SKIPPED = 3
DEFAULT_INPUT = Path("data/articles")
DEFAULT_OUTPUT = Path("out")


#: ``--min-confidence`` of build, extract, render and export: one definition, one help text
MinConfidence = Annotated[
    float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Leave out facts below this confidence.")
]
#: ``--store`` of the commands that read a graph (entities, timeline)
ReadStore = Annotated[
    str | None,
    typer.Option(
        "--store",
        help="Read this store (an Oxigraph folder or a SPARQL endpoint URL) instead of a file.",
        show_default=False,
    ),
]


def _stderr(message: str) -> None:
    typer.echo(message, err=True)


@contextmanager
def _errors() -> Iterator[None]:
    """Library errors become one line on stderr and exit status 1."""
    try:
        yield
    except NewsgraphError as exc:
        _stderr(f"newsgraph: error: {exc}")
        raise typer.Exit(EXIT_ERROR) from None
    except KeyboardInterrupt:
        _stderr("newsgraph: interrupted; outputs already written are unchanged")
        raise typer.Exit(130) from None


class _Problems(list[InputError]):
    """Collects skipped inputs and names each once on stderr."""

    def __call__(self, problem: InputError) -> None:
        self.append(problem)
        _stderr(f"newsgraph: skipped {problem}")


class _BuildProgress:
    """The build's progress bar: words done of the words to do (so the ETA is honest), articles,
    and the rate in words per second. Silent with --quiet or when stderr is not a terminal."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.progress: Any = None
        self.task: Any = None
        self.articles = self.total_articles = 0
        self.started = time.perf_counter()

    def plan(self, articles: int, words: int) -> None:
        self.total_articles = articles
        self.started = time.perf_counter()
        if not self.enabled or not articles:
            return
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("[bold]Building"),
            BarColumn(),
            TextColumn("{task.fields[articles]}"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self.task = self.progress.add_task("build", total=max(1, words), articles=f"0/{articles} articles", rate="")
        self.progress.start()

    def advance(self, document: object) -> None:
        self.articles += 1
        if self.progress is None:
            return
        done = len(getattr(document, "text", "").split())
        elapsed = max(1e-6, time.perf_counter() - self.started)
        completed = self.progress.tasks[0].completed + done
        self.progress.update(
            self.task,
            advance=done,
            articles=f"{self.articles}/{self.total_articles} articles",
            rate=f"{completed / elapsed:,.0f} words/s",
        )
        if self.articles >= self.total_articles:
            self.stop()  # the parse is done; what follows (export, page) is quick

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


def _config(
    model: str | None,
    extractors: list[str] | None,
    *,
    gazetteer: Path | None = None,
    no_gazetteer: bool = False,
    **options: int,
) -> PipelineConfig:
    """The pipeline options of a command; the bundled gazetteer unless --gazetteer or --no-gazetteer."""
    from ..builder import load_gazetteer

    return PipelineConfig(
        model=model,
        extractors=tuple(extractors) if extractors else None,
        gazetteer=None if no_gazetteer else load_gazetteer(gazetteer),
        **options,
    )


class ResultFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


# ---------------------------------------------------------------------------------------- stores (build --store, query/export --store)


def _open_store(location: str | None, *, writable: bool = False):
    from ..rdf.stores import open_store

    if location is None:
        raise NewsgraphError("--store is needed")
    return open_store(location, writable=writable)


def _folder_as_store(graph: str | Path | None, store: str | None) -> tuple[Path | None, str | None]:
    """A folder given where a graph file goes is a store (``newsgraph query corpus.oxigraph roles``)."""
    if store is None and graph is not None and Path(graph).is_dir():
        return None, str(graph)
    return (None if graph is None else Path(graph)), store


def _dataset(graph: Path | None, store: str | None):
    """The graph file, or (with --store, or a store folder as GRAPH) the store's graphs, as an rdflib Dataset."""
    from ..rdf.io import read_graph

    graph, store = _folder_as_store(graph, store)
    if (graph is None) == (store is None):
        raise NewsgraphError("give either a graph file or --store (not both)")
    if graph is not None:
        return read_graph(graph)
    with _open_store(store) as opened:
        return opened.to_dataset()


def _graph_and_query(graph: str | None, sparql: str | None, store: str | None) -> tuple[Path | None, str]:
    """GRAPH QUERY, or with --store just QUERY (which typer hands over as the first argument); a store
    folder as GRAPH is read as --store (the caller opens it when the returned path is None)."""
    if store is None and sparql is not None and _folder_as_store(graph, None)[1] is not None:
        return None, sparql
    if store is not None:
        if graph is not None and sparql is not None:
            raise NewsgraphError("with --store give only the query, not a graph file")
        text = sparql if sparql is not None else graph
        if text is None:
            raise NewsgraphError("give a query: SPARQL text, an .rq file or a bundled example name")
        return None, text
    if graph is None or sparql is None:
        raise NewsgraphError("give a graph file and a query (or --store and a query)")
    return Path(graph), sparql


@contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM (``kill``, a service manager stopping us) stops like Ctrl-C: the server closes and
    removes its temporary store instead of dying where it stands."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
