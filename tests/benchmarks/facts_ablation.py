"""Ablation of the fact extractors on CaRB dev (n-ary lines) and BenchIE dev (minimal triples).

A script, not a test: each row switches one extractor or construction off and prints a Markdown
table row with CaRB precision, recall, F1 and BenchIE precision, recall, F1.

    python tests/benchmarks/facts_ablation.py --benchmarks ../shared/benchmarks
    python tests/benchmarks/facts_ablation.py all nominal.v1 light_verb reported,ccomp
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.evaluate import read_carb_gold, read_carb_predictions, score_carb  # noqa: E402
from graph.evaluate.benchie import read_benchie_gold, read_benchie_system, score_benchie  # noqa: E402
from graph.evaluate.carb_output import carb_lines, triple_lines  # noqa: E402
from graph.extractors import DEFAULT_EXTRACTORS  # noqa: E402

DEFAULT_ROWS = [
    "all",
    "clauses.v1",
    "appositions.v1",
    "nominal.v1",
    "passive",
    "copula",
    "light_verb",
    "control",
    "reported,ccomp",
    "reduced_relative",
    "title",
    "apposition",
    "possessive",
]


def _collapse(text: str) -> str:
    return " ".join(text.split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "rows",
        nargs="*",
        default=DEFAULT_ROWS,
        help="'all', an extractor name (x.v1) or constructions joined by commas",
    )
    parser.add_argument("--benchmarks", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    args = parser.parse_args()
    bench = args.benchmarks
    sentences = (bench / "carb" / "dev.txt").read_text(encoding="utf-8").splitlines()
    carb_gold = read_carb_gold(bench / "carb" / "dev.tsv")
    benchie_gold = read_benchie_gold(bench / "benchie" / "gold_dev.txt")
    texts = {s.sent_id: s.text for s in benchie_gold}
    wanted = {_collapse(t) for t in texts.values()}
    benchie_sentences = [s for s in sentences if _collapse(s) in wanted]
    print("| switched off | CaRB P | CaRB R | CaRB F1 | BenchIE P | BenchIE R | BenchIE F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in args.rows:
        extractors, exclude, name = None, frozenset(), "nothing (full system)"
        if row.endswith(".v1"):
            extractors, name = [e for e in DEFAULT_EXTRACTORS if e != row], f"extractor {row}"
        elif row != "all":
            exclude, name = frozenset(row.split(",")), f"construction {row.replace(',', ', ')}"
        with tempfile.TemporaryDirectory() as folder:
            carb_file = Path(folder) / "carb.tsv"
            carb_file.write_text(
                "".join(line + "\n" for line in carb_lines(sentences, extractors=extractors, exclude=exclude)),
                encoding="utf-8",
            )
            carb = score_carb(carb_gold, read_carb_predictions(carb_file))
            triples_file = Path(folder) / "triples.tsv"
            triples_file.write_text(
                "".join(
                    line + "\n" for line in triple_lines(benchie_sentences, extractors=extractors, exclude=exclude)
                ),
                encoding="utf-8",
            )
            system, _ = read_benchie_system(triples_file, texts)
            benchie = score_benchie(benchie_gold, system)
        print(
            f"| {name} | {carb.precision:.3f} | {carb.recall:.3f} | {carb.f1:.3f} | {benchie.precision:.3f} | "
            f"{benchie.recall:.3f} | {benchie.f1:.3f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
