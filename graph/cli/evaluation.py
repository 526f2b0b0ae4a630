"""``newsgraph eval``: scoring extractions against a benchmark (CaRB, BenchIE, coreference, types)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import ResultFormat, _errors, eval_app


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
    from ..evaluate import carb_report

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
    from ..evaluate import benchie_report

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
    from ..evaluate import coref_report

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
    from ..evaluate import types_report

    with _errors():
        sys.stdout.write(types_report(gold, system, fmt=fmt.value))
