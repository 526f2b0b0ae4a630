"""Run the BenchIE, coreference and entity-type scorers on files and render the results.

One function per ``newsgraph eval`` subcommand: each reads its files, scores, and returns the
text to print as a ``table`` (aligned columns), ``csv`` or ``json`` (one object, numbers
rounded to 4 places). They print nothing; errors are :class:`graph.errors.InputError` naming
file and line.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from .benchie import (
    benchie_details,
    read_benchie_gold,
    read_benchie_sentences,
    read_benchie_system,
    score_benchie,
)
from .coref import (
    CorefScore,
    MetricScore,
    gold_mention_files,
    read_conll_files,
    read_mentions_files,
    score_coref,
)
from .types import TypesScore, score_types

__all__ = ["benchie_report", "carb_report", "coref_report", "render", "types_report"]

PathLike = str | os.PathLike[str]
FORMATS = ("table", "csv", "json")


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "" if value is None else str(value)


def _rounded(value: object) -> object:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def render(fmt: str, header: Sequence[str], rows: Sequence[Sequence[object]], document: Mapping[str, object]) -> str:
    """``rows`` under ``header`` as a table or CSV, or ``document`` as JSON; ends with a newline."""
    if fmt == "json":
        return json.dumps(_rounded(document), ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([round(v, 4) if isinstance(v, float) else v for v in row])
        return out.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r} ({', '.join(FORMATS)})")
    cells = [list(header)] + [[_cell(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        parts = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------- CaRB


def carb_report(gold: PathLike, system: PathLike, *, openie5: bool = False, fmt: str = "table") -> str:
    """``newsgraph eval carb``: precision, recall, F1 (at the best threshold), AUC and that
    threshold; ``system`` in CaRB's tabbed format, or OpenIE-5's native output with ``openie5``.
    The table is one ``name value`` line a measure; CSV a header and one row."""
    from .carb import read_carb_gold, read_carb_predictions, read_openie5_output, score_carb

    predicted = read_openie5_output(system) if openie5 else read_carb_predictions(system)
    score = score_carb(read_carb_gold(gold), predicted)
    values = {
        "precision": score.precision,
        "recall": score.recall,
        "f1": score.f1,
        "auc": score.auc,
        "threshold": score.threshold,
    }
    if fmt == "table":
        return "".join(f"{key:<10} {value:.3f}\n" for key, value in values.items())
    return render(fmt, list(values), [list(values.values())], values)


# ---------------------------------------------------------------------------------- BenchIE


def benchie_report(
    gold: PathLike,
    system: PathLike,
    *,
    sentences: PathLike | None = None,
    system_format: str = "auto",
    nary: str = "split",
    details: PathLike | None = None,
    fmt: str = "table",
) -> str:
    """Score ``system`` on the BenchIE ``gold``; write per-sentence diagnostics to ``details``.

    CaRB lines are matched to sentence ids by the text of ``sentences`` (``sent_id<TAB>sentence``)
    or, without it, by the sentences of the gold file.
    """
    gold_sentences = read_benchie_gold(gold)
    texts = read_benchie_sentences(sentences) if sentences else {s.sent_id: s.text for s in gold_sentences}
    extractions, unknown = read_benchie_system(system, texts, fmt=system_format, nary=nary)
    score = score_benchie(gold_sentences, extractions, ignored=unknown)
    if details is not None:
        lines = [json.dumps(r, ensure_ascii=False) for r in benchie_details(gold_sentences, extractions)]
        Path(details).write_text("\n".join(lines) + "\n", encoding="utf-8")
    values: dict[str, object] = {
        "precision": score.precision,
        "recall": score.recall,
        "f1": score.f1,
        "tp": score.tp,
        "fp": score.fp,
        "correct": score.correct,
        "triples": score.triples,
        "synsets": score.synsets,
        "sentences": score.sentences,
        "ignored": score.ignored,
    }
    return render(fmt, ("measure", "value"), list(values.items()), values)


# ------------------------------------------------------------------------------ coreference


def _metric(score: MetricScore) -> dict[str, object]:
    return {
        "recall": score.recall,
        "precision": score.precision,
        "f1": score.f1,
        "recall_counts": [score.recall_num, score.recall_den],
        "precision_counts": [score.precision_num, score.precision_den],
    }


def coref_report(
    gold: Sequence[PathLike],
    system: Sequence[PathLike],
    *,
    gold_mentions: Sequence[PathLike] | None = None,
    pronouns: bool = True,
    fmt: str = "table",
) -> str:
    """Score system mentions against CoNLL key files or folders (see :mod:`graph.evaluate.coref`).

    Pronoun accuracy uses ``gold_mentions`` or, when not given, the ``DOC.mentions.jsonl`` files
    beside the ``DOC.conll`` files; it is left out when some are missing or ``pronouns`` is false.
    """
    key = read_conll_files(gold)
    response = read_mentions_files(system)
    gold_records = None
    if pronouns:
        files = gold_mentions or gold_mention_files(gold, missing_ok=True)
        gold_records = read_mentions_files(files) if files else None
    score: CorefScore = score_coref(key, response, gold_mentions=gold_records)
    metrics = {"muc": score.muc, "bcub": score.b_cubed, "ceafe": score.ceaf_e}
    rows: list[list[object]] = [[name, m.recall, m.precision, m.f1] for name, m in metrics.items()]
    rows.append(["conll", None, None, score.conll_f1])
    document: dict[str, object] = {name: _metric(m) for name, m in metrics.items()}
    document["conll_f1"] = score.conll_f1
    if score.pronouns is not None:
        p = score.pronouns
        rows.append([f"pronouns ({p.resolved}/{p.total})", p.accuracy, None, None])
        document["pronouns"] = {
            "accuracy": p.accuracy,
            "resolved": p.resolved,
            "total": p.total,
            "no_system_mention": p.no_system_mention,
        }
    document["counts"] = {
        "documents": score.documents,
        "key_mentions": score.key_mentions,
        "response_mentions": score.response_mentions,
        "key_chains": score.key_chains,
        "response_chains": score.response_chains,
        "unmapped": score.unmapped,
        "duplicates": score.duplicates,
        "ignored_documents": list(score.ignored_documents),
    }
    if fmt == "table":
        header = ("metric", "recall", "precision", "f1")
        text = render(fmt, header, rows, document)
        return text + (
            f"({score.documents} documents; key {score.key_mentions} mentions in {score.key_chains} chains, "
            f"response {score.response_mentions} in {score.response_chains}; unmapped {score.unmapped}, "
            f"duplicates {score.duplicates}, ignored documents {len(score.ignored_documents)})\n"
        )
    return render(fmt, ("metric", "recall", "precision", "f1"), rows, document)


# ------------------------------------------------------------------------------------ types


def _gold_type_files(gold: Sequence[PathLike]) -> list[Path]:
    """Mention files for ``--gold``: ``*.mentions.jsonl`` files, folders, or ``.conll`` siblings."""
    result: list[Path] = []
    for item in gold:
        path = Path(item)
        if path.suffix == ".conll":
            result.extend(gold_mention_files([path]) or ())
        else:
            result.append(path)
    return result


def types_report(gold: Sequence[PathLike], system: Sequence[PathLike], *, fmt: str = "table") -> str:
    """Score the system's entity classes on the gold proper-name chains (:mod:`graph.evaluate.types`)."""
    score: TypesScore = score_types(read_mentions_files(_gold_type_files(gold)), read_mentions_files(system))
    rows: list[list[object]] = [["all", score.correct, score.total, score.unmatched, score.accuracy]]
    rows += [[t.type, t.correct, t.total, t.unmatched, t.accuracy] for t in score.per_type]
    document: dict[str, object] = {
        "accuracy": score.accuracy,
        "correct": score.correct,
        "total": score.total,
        "unmatched": score.unmatched,
        "per_type": {
            t.type: {"accuracy": t.accuracy, "correct": t.correct, "total": t.total, "unmatched": t.unmatched}
            for t in score.per_type
        },
        "confusion": [{"gold": g, "system": s, "chains": n} for (g, s), n in score.confusion],
    }
    header = ("gold type", "correct", "chains", "unmatched", "accuracy")
    if fmt != "table":
        return render(fmt, header, rows, document)
    systems = ("person", "organization", "place", "other", "none")
    counts = dict(score.confusion)
    matrix = [[g] + [counts.get((g, s), 0) for s in systems] for g in ("person", "organization", "place")]
    return (
        render(fmt, header, rows, document)
        + "\nconfusion (rows gold, columns system)\n"
        + render(fmt, ("gold \\ system", *systems), matrix, document)
    )
