"""Fit and check the post-resolution confidence (graph/resolve/calibration.py) on a judged audit.

    python tests/audit/confidence_fit.py ../audit/dev [../audit/dev2 ...] [--fit] [--table OUT.tsv]

Builds one row per hand-judged fact of each batch given (``judgements.jsonl``: every run's verdicts, the
latest verdict of a key wins). A fact the current code still extracts gets its features from the
resolved fact itself (the batch's articles are run through the pipeline here, with the raw
extraction confidence); a fact only an older run extracted gets them from that run's
``facts.jsonl`` and ``entities.json`` (named entities), as far as its JSON line tells.

Prints, for the model in calibration.py (and with ``--fit``, for a logistic model refitted with
L2 regularisation), leave-one-article-out precision at confidence >= 0.7 and the share of facts
there: each article is scored by a model fitted on the other articles. Needs numpy.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

import numpy as np

from graph import pipeline
from graph.documents import iter_inputs
from graph.lexicon.verbs import SPEECH_VERBS
from graph.resolve import calibration, merge_articles
from graph.resolve.calibration import FactView, fact_features, headline_spans, quoted_spans

Key = tuple[str, int, str, str, str]


def _key(item: dict) -> Key:
    return (item["doc"], item["sentence"], item["subject"], item["predicate"], item["object"])


def judged(batch: Path) -> dict[Key, dict]:
    found: dict[Key, dict] = {}
    for line in (batch / "judgements.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            found[_key(item)] = item
    return found


def current_views(batch: Path) -> tuple[dict[Key, FactView], dict[tuple[str, int], int]]:
    """The current code's facts of the batch, as the calibration sees them (raw confidence)."""
    views: dict[Key, FactView] = {}
    rescore = pipeline.calibrated
    pipeline.calibrated = lambda article: article  # type: ignore[assignment]  # the raw confidence
    try:
        articles = [analysis.article for analysis in pipeline.extract_articles([batch / "articles"])]
    finally:
        pipeline.calibrated = rescore
    kg = merge_articles(articles)
    labels = {e.id: e.label for e in kg.entities}
    merged = iter(kg.facts)
    lengths = {(s.doc_id, s.index): len(s.text.split()) for a in articles for s in a.sentences}
    for article in articles:
        for fact, view in zip(article.facts, calibration.article_views(article), strict=True):
            ids = next(merged)
            p = fact.provenance
            value = labels[ids.object] if ids.object is not None else fact.value or ""
            views[(p.doc_id, p.sentence, labels[ids.subject], fact.predicate, value)] = view
    return views, lengths


def _run_folder(batch: Path, run: str) -> Path:
    return batch / run


def old_view(record: dict, named: dict[str, str], text: str, sentence_words: int) -> FactView:
    """A fact of an older run, from its JSON line (fields it lacks are guessed from the text)."""
    construction = record.get("construction") or ""
    lemma = record["predicate"].split()[0] if record["predicate"] else ""
    value = (
        construction in ("reported", "ccomp")
        or record.get("extractor") == "speech.v1"
        or (not construction and lemma in SPEECH_VERBS and len(str(record["object_text"]).split()) > 3)
    )
    quotes, headlines = quoted_spans(text), headline_spans(text)
    start, end = record["start"], record["end"]
    reported = record.get("reported")
    in_quote = calibration.inside(quotes, start, end)
    return FactView(
        confidence=record["confidence"],
        predicate=record["predicate"],
        subject_text=record["subject_text"],
        object_text=record["object_text"] or "",
        subject_named=record["subject"] in named,
        object_named=record["object"] in named,
        object_value=value,
        construction=construction,
        extractor=record.get("extractor", ""),
        reported=bool(reported) if reported is not None else in_quote,
        attributed=record.get("attributed_to") is not None,
        in_quote=in_quote,
        headline=calibration.inside(headlines, start, end),
        object_words=len(str(record["object_text"] or "").split()),
        subject_label=record["subject"],
        object_label="" if value else str(record["object"]),
        qualified=bool(record.get("negated") or record.get("modality") or record.get("hedge")),
        sentence_words=sentence_words,
        subject_type=named.get(record["subject"], ""),
        object_type=named.get(str(record["object"]), ""),
    )


def table(batch: Path) -> list[tuple[str, Key, dict[str, float], str, str]]:
    """(doc, key, features, verdict, source) for every judged fact."""
    verdicts = judged(batch)
    current, lengths = current_views(batch)
    texts = {d.id: d.text for d in iter_inputs([batch / "articles"])}
    runs: dict[str, tuple[dict[Key, dict], dict[str, str]]] = {}
    rows = []
    for key, item in verdicts.items():
        view = current.get(key)
        source = "current"
        if view is None:
            run = item["run"]
            if run not in runs:
                folder = _run_folder(batch, run)
                records = {}
                if (folder / "facts.jsonl").exists():
                    for line in (folder / "facts.jsonl").read_text(encoding="utf-8").splitlines():
                        if line.strip():
                            records[_key(json.loads(line))] = json.loads(line)
                named: dict[str, str] = {}
                if (folder / "entities.json").exists():
                    for entity in json.loads((folder / "entities.json").read_text(encoding="utf-8")):
                        named[entity["label"]] = entity["type"]
                runs[run] = (records, named)
            records, named = runs[run]
            record = records.get(key)
            if record is None or key[0] not in texts:
                continue
            view = old_view(record, named, texts[key[0]], lengths.get((key[0], key[1]), 20))
            source = run
        rows.append((key[0], key, fact_features(view), item["verdict"], source))
    return rows


def matrix(rows: list, names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[row[2].get(name, 0.0) for name in names] for row in rows])
    y = np.array([1.0 if row[3] == "correct" else 0.0 for row in rows])
    return x, y


def fit(x: np.ndarray, y: np.ndarray, l2: float, offset: np.ndarray | None = None) -> np.ndarray:
    """Logistic regression (Newton's method), an intercept first, L2 on the weights only;
    ``offset`` is added to every fact's log-odds as it is (the hand-set features)."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    offset = np.zeros(len(x)) if offset is None else offset
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], l2)
    penalty[0] = 1e-6
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(xb @ w + offset)))
        gradient = xb.T @ (p - y) + penalty * w
        hessian = (xb.T * (p * (1 - p))) @ xb + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(w[0] + x @ w[1:])))


def summary(p: np.ndarray, y: np.ndarray, threshold: float = 0.7) -> str:
    high = p >= threshold
    n = int(high.sum())
    correct = int(y[high].sum())
    order = np.argsort(-p)
    # AUC of correct against not correct (ties broken by order)
    ranks = np.empty(len(p))
    ranks[order] = np.arange(len(p), 0, -1)
    pos = y == 1
    auc = (ranks[pos].sum() - pos.sum() * (pos.sum() + 1) / 2) / max(1, pos.sum() * (~pos).sum())
    return (
        f">=0.7: {correct}/{n} = {100 * correct / max(1, n):.1f} % correct, "
        f"share {100 * n / len(p):.1f} % of {len(p)}; ranking AUC {auc:.3f}"
    )


def model_predictions(rows: list) -> np.ndarray:
    weights = calibration.WEIGHTS
    z = np.array([calibration.INTERCEPT + sum(weights.get(k, 0.0) * v for k, v in row[2].items()) for row in rows])
    return 1.0 / (1.0 + np.exp(-z))


def with_version(x: np.ndarray, rows: list) -> np.ndarray:
    """The features and a last column: 1 for a fact only an older run extracted. Those facts are
    the ones later rules dropped, mostly for being wrong (29 % correct against 70 %): without the
    column that selection would leak into the other weights. Predictions set it to 0."""
    older = np.array([[0.0 if row[4] == "current" else 1.0] for row in rows])
    return np.hstack([x, older])


def fixed_offset(rows: list) -> np.ndarray:
    """Each fact's log-odds from the hand-set features (calibration.FIXED)."""
    weights = calibration.WEIGHTS
    return np.array([sum(weights[n] * row[2].get(n, 0.0) for n in calibration.FIXED) for row in rows])


def cross_validated(rows: list, names: list[str], l2: float, shift: float) -> np.ndarray:
    """Leave-one-article-out predictions (version column 0, intercept moved by ``shift``)."""
    x, y = matrix(rows, names)
    xv, offset = with_version(x, rows), fixed_offset(rows)
    docs = np.array([row[0] for row in rows])
    p = np.zeros(len(rows))
    for doc in sorted(set(docs)):
        held = docs == doc
        w = fit(xv[~held], y[~held], l2, offset[~held])
        p[held] = 1.0 / (1.0 + np.exp(-(w[0] + shift + x[held] @ w[1:-1] + offset[held])))
    return p


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batches", type=Path, nargs="+", help="judged audit batches (leave-one-article-out across all)")
    parser.add_argument("--fit", action="store_true", help="refit the weights and cross-validate them")
    parser.add_argument("--l2", type=float, default=3.0)
    parser.add_argument("--shift", type=float, default=-0.5, help="added to the fitted intercept")
    parser.add_argument("--table", type=Path, help="write the feature table (TSV) here")
    args = parser.parse_args()
    rows = [
        (f"{batch.name}/{row[0]}", *row[1:]) for batch in args.batches for row in table(batch)
    ]  # article ids made unique across batches
    current = np.array([row[4] == "current" for row in rows])
    print(f"{len(rows)} judged facts, {int(current.sum())} of them extracted by the current rules")
    print("verdicts:", dict(Counter(r[3] for r in rows)))
    _, y = matrix(rows, ["extraction"])
    raw = np.array([1.0 / (1.0 + math.exp(-row[2]["extraction"])) for row in rows])
    model = model_predictions(rows)
    print("current rules' facts, extraction confidence: ", summary(raw[current], y[current]))
    print("current rules' facts, calibration.py (fitted on them):", summary(model[current], y[current]))
    if args.table:
        names = sorted({name for row in rows for name in row[2]})
        x, _ = matrix(rows, names)
        with args.table.open("w", encoding="utf-8") as out:
            out.write("\t".join(["doc", "source", "verdict", *names]) + "\n")
            for row, values in zip(rows, x, strict=True):
                out.write("\t".join([row[0], row[4], row[3], *(f"{v:g}" for v in values)]) + "\n")
    if args.fit:
        names = [name for name in calibration.WEIGHTS if name not in calibration.FIXED]
        p = cross_validated(rows, names, args.l2, args.shift)
        print(f"leave-one-article-out (l2 {args.l2}, shift {args.shift}):")
        print("  current rules' facts:", summary(p[current], y[current]))
        print("  older runs' facts:   ", summary(p[~current], y[~current]))
        x, y = matrix(rows, names)
        w = fit(with_version(x, rows), y, args.l2, fixed_offset(rows))
        print(f"INTERCEPT = {w[0] + args.shift:.2f}  # fitted {w[0]:.2f}; older-run column {w[-1]:.2f}")
        for name, weight in zip(names, w[1:-1], strict=True):
            count = int((x[:, names.index(name)] != 0).sum())
            print(f"    {name!r}: {weight:.2f},  # {count} facts")


if __name__ == "__main__":
    main()
