"""The commands that read graphs: ``newsgraph query``, ``render``, ``export``, ``entities``,
``timeline``, ``validate`` and ``serve``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from ..errors import NewsgraphError
from ..formats import EXPORT_FORMATS, NETWORK_FORMATS
from .common import (
    EXIT_ERROR,
    MinConfidence,
    ReadStore,
    ResultFormat,
    _dataset,
    _errors,
    _folder_as_store,
    _graph_and_query,
    _open_store,
    _sigterm_interrupts,
    _stderr,
    app,
)

# ---------------------------------------------------------------------------------------- query


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
    from ..queries import format_result, parse_assignments, run_query
    from ..rdf.io import read_graph

    with _errors():
        target, text = _graph_and_query(graph, sparql, store)
        params = parse_assignments(param or ())
        if target is None:
            with _open_store(store or graph) as opened:
                result = run_query(opened, text, timeout=timeout, params=params)
        else:
            result = run_query(read_graph(target), text, timeout=timeout, params=params)
        sys.stdout.write(format_result(result, fmt.value))


# ---------------------------------------------------------------------------------------- render


@app.command(epilog="Example: newsgraph render out/graph.ttl -o out/nazarbayev.html --focus Nazarbayev --hops 2")
def render(
    graph: Annotated[Path, typer.Argument(help="An RDF file built by newsgraph, or a store folder.")],
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
    min_confidence: MinConfidence = 0.0,
) -> None:
    """Write an interactive, self-contained HTML network view of a graph (works offline)."""
    from ..rdf.stores import StoreTriples
    from ..view import View, render_graph

    with _errors():
        if graph.is_dir():  # a store folder: its quads copied into memory (the view reads them all anyway)
            import pyoxigraph as ox

            with _open_store(str(graph)) as opened:
                triples = StoreTriples(ox.Store())
                triples.store.extend(opened.store.quads_for_pattern(None, None, None, None))
        else:
            triples = StoreTriples.of_file(graph)
        if min_confidence > 0:
            from ..rdf.model import low_confidence_update

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
    min_confidence: MinConfidence = 0.0,
) -> None:
    """Convert a graph to another RDF format, or to GraphML/GEXF for Gephi and Cytoscape; or dump a store."""
    from ..rdf.io import write_graph

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
                from ..rdf.model import low_confidence_update

                data.update(low_confidence_update(min_confidence))
            if chosen in NETWORK_FORMATS:
                from ..view import write_network

                write_network(data, output, chosen)
            else:
                write_graph(data, output, chosen)
    _stderr(f"newsgraph: wrote {output}")


# ---------------------------------------------------------------------------------------- entities


@app.command(epilog="Example: newsgraph entities out/graph.ttl --type Person")
def entities(
    graph: Annotated[
        Path | None,
        typer.Argument(
            help="An RDF file built by newsgraph (or a store folder); leave out with --store.", show_default=False
        ),
    ] = None,
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
    store: ReadStore = None,
) -> None:
    """List the entities of a graph: type, aliases (with why each was merged), mentions and articles."""
    from ..catalog import ENTITY_COLUMNS, entity_dicts, format_entities, list_entities
    from ..tables import format_records

    with _errors():
        records = list_entities(_dataset(graph, store), include_concepts=concepts, types=kind or ())
    if fmt == ResultFormat.table:
        sys.stdout.write(format_entities(records))
    else:
        sys.stdout.write(format_records(entity_dicts(records, flat=fmt == ResultFormat.csv), ENTITY_COLUMNS, fmt.value))


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
    store: ReadStore = None,
    fmt: Annotated[ResultFormat, typer.Option("--format", "-f", help="Output format.")] = ResultFormat.table,
    timeout: Annotated[float, typer.Option(min=0.001, help="Stop the query after this many seconds.")] = 60.0,
) -> None:
    """An entity's dated facts, roles and statements in order: when (the time the sentence gives, else the
    article's day), kind, subject, relation, object, the time as written, article, support (articles asserting
    the fact) and, for a position someone else later held, the day it held until. Runs the bundled query
    timeline (data/queries/timeline.rq)."""
    from ..queries import format_result, run_query
    from ..rdf.io import read_graph

    with _errors():
        if (graph is None) == (store is None):
            raise NewsgraphError("give either a graph file or --store (not both)")
        graph, store = _folder_as_store(graph, store)
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
    from ..rdf.validate import validate_graph

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
    from ..server import ServerSettings, SparqlServer

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
