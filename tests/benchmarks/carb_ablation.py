"""CaRB dev: the full system, each construction family switched off, and the cost of extraction.

Run from the repository root (not part of the test suite; takes about a minute):

    python tests/benchmarks/carb_ablation.py [--markdown]

It parses the 641 dev sentences once (keeping their tokens), times that parse against the time
the extractors take on the parsed sentences (one run, same process), then scores the full system
and one ablation per construction family with the CaRB scorer in ``graph/evaluate.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.evaluate import CarbTuple, read_carb_gold, score_carb  # noqa: E402
from graph.evaluate.carb_output import carb_tuple  # noqa: E402
from graph.extractors import DocContext, extractions_from, make_extractors  # noqa: E402
from graph.nlp import _PTB_ESCAPES, load_model  # noqa: E402

CARB = ROOT / "tests" / "data" / "carb"

#: ablation name -> constructions left out
ABLATIONS: dict[str, frozenset[str]] = {
    "passive": frozenset({"passive"}),
    "copula (X is Y, X is responsible for Y)": frozenset({"copula"}),
    "light verbs (hold a meeting with)": frozenset({"light_verb"}),
    "control / raising chains": frozenset({"control"}),
    "reported speech and clausal objects": frozenset({"reported", "ccomp"}),
    "reduced relatives (objectives set by X)": frozenset({"reduced_relative"}),
    "titles (President X, Chairman of Y X)": frozenset({"title"}),
    "appositions (X, the Y of Z)": frozenset({"apposition", "place"}),
    "nominalisations": frozenset({"nominal"}),
    "possessives (X's Y)": frozenset({"possessive"}),
}
PUBLISHED = [  # CaRB test split, as published (F1, AUC)
    ("ClausIE", "45.0", "22.4"),
    ("OpenIE-4", "48.8", "27.2"),
    ("OpenIE-5", "46.7", "24.5"),
    ("MinIE", "41.9", "–"),
    ("RnnOIE", "49.0", "26.0"),
    ("IMoJIE", "53.5", "33.3"),
    ("OpenIE6", "52.7", "33.7"),
    ("CIGL-OIE", "54.0", "35.7"),
    ("ChatGPT 6-shot", "55.3", "–"),
]


def predictions(docs, lines, *, exclude=frozenset(), flat: float | None = None):
    extractors = make_extractors(exclude=exclude)
    predicted: dict[str, list[CarbTuple]] = defaultdict(list)
    for line, doc in zip(lines, docs):
        tokens = doc.user_data["original_tokens"]
        seen = set()
        for extraction in extractions_from(extractors, doc, "carb", context=DocContext.of(doc, "carb")):
            found = carb_tuple(extraction, tokens)
            if found is None or (found[0], *found[1]) in seen:
                continue
            seen.add((found[0], *found[1]))
            predicted[line].append(
                CarbTuple(found[0], tuple(found[1]), flat if flat is not None else extraction.confidence)
            )
    return predicted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print the README table")
    args = parser.parse_args()

    from spacy.tokens import Doc

    nlp = load_model()
    lines = [line for line in (CARB / "dev.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = read_carb_gold(CARB / "dev.tsv")

    unparsed = []
    for line in lines:
        tokens = line.split()
        doc = Doc(nlp.vocab, words=[_PTB_ESCAPES.get(t, t) for t in tokens])
        doc.user_data["original_tokens"] = tokens
        unparsed.append(doc)
    started = time.perf_counter()
    docs = list(nlp.pipe(unparsed, batch_size=64))
    parse_seconds = time.perf_counter() - started

    extractors = make_extractors()
    started = time.perf_counter()
    for doc in docs:
        extractions_from(extractors, doc, "carb", context=DocContext.of(doc, "carb"))
    extract_seconds = time.perf_counter() - started

    rows = [("full system", score_carb(gold, predictions(docs, lines)))]
    for name, exclude in ABLATIONS.items():
        rows.append((f"without {name}", score_carb(gold, predictions(docs, lines, exclude=exclude))))
    rows.append(("full system, every confidence 0.5", score_carb(gold, predictions(docs, lines, flat=0.5))))

    words = sum(len(line.split()) for line in lines)
    print(f"CaRB dev: {len(lines)} sentences, {words} tokens; model {nlp.meta['name']} {nlp.meta['version']}")
    print(
        f"spaCy parse {parse_seconds:.2f}s, extraction {extract_seconds:.2f}s: "
        f"extraction = {100 * extract_seconds / parse_seconds:.1f}% of parse time"
    )
    print()
    print("| system | precision | recall | F1 | AUC |")
    print("| --- | ---: | ---: | ---: | ---: |")
    full = rows[0][1]
    for name, score in rows:
        delta = "" if score is full else f" ({100 * (score.f1 - full.f1):+.1f})"
        print(f"| {name} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f}{delta} | {score.auc:.3f} |")
    if args.markdown:
        print()
        print("| published system (CaRB test) | F1 | AUC |")
        print("| --- | ---: | ---: |")
        for name, f1, auc in PUBLISHED:
            print(f"| {name} | {f1} | {auc} |")


if __name__ == "__main__":
    main()
