"""CaRB scoring of Open IE extractions, reproducing the official scorer.

This is a dependency-free port of the default mode of the CaRB benchmark scorer
(github.com/dair-iitd/CaRB: ``carb.py`` ``Benchmark.compare`` with
``matcher.Matcher.binary_linient_tuple_match``, and the readers ``goldReader``,
``tabReader`` and ``openieFiveReader``). It gives the same numbers: OpenIE-5's output on the
CaRB dev split scores F1 0.458 and AUC 0.240.

Scoring in short (details in :func:`score_carb`):

* sentences are matched on a key (spaces removed, PTB bracket escapes undone, ASCII
  punctuation deleted); only sentences with gold tuples are scored;
* one gold tuple against one prediction gives a (precision, recall) pair from multiset word
  overlap of the relation and of the binarised arguments, with the ``be`` rule and, for gold
  relations containing a "said" verb, the arguments tried both ways round;
* every distinct predicted confidence is a threshold; at each, recall takes every gold tuple's
  best recall and precision a greedy one-to-one matching; F1 is the best over thresholds, AUC
  the trapezoid area under the precision-recall points plus (recall 0, precision 1).

Deliberate differences from the reference, none of which changes a score the reference prints
as a number: malformed input raises :class:`graph.errors.InputError` naming file and line
(the reference crashes with a traceback, or silently skips), blank lines are skipped, NaN
confidences are refused, and a threshold with precision and recall both 0 has F1 0 (the
reference computes 0/0 in numpy, gets NaN, and ``np.argmax`` then reports that NaN as the
best F1).
"""

from __future__ import annotations

import math
import re
import string
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from .reading import PathLike, input_error, numbered_lines

__all__ = [
    "CarbScore",
    "CarbTuple",
    "format_carb_lines",
    "read_carb_gold",
    "read_carb_predictions",
    "read_openie5_output",
    "score_carb",
]


# Penn Treebank bracket escapes, in the reference's order (carb.py, PTB_ESCAPES).
_PTB_ESCAPES = (
    ("(", "-LRB-"),
    (")", "-RRB-"),
    ("[", "-LSB-"),
    ("]", "-RSB-"),
    ("{", "-LCB-"),
    ("}", "-RCB-"),
)
_PUNCT_RE = re.compile(f"[{re.escape(string.punctuation)}]")
_BE_FORMS = ("be", "is", "am", "are", "was", "were", "been", "being")
# Matched as substrings of the gold relation, as the reference does (so "retold" counts).
_SAID_VERBS = ("said", "told", "added", "adds", "says")


@dataclass(frozen=True)
class CarbTuple:
    """One Open IE extraction: a relation, its arguments in order, and a confidence.

    Gold tuples carry confidence 1.0. Arguments are kept as read; the scorer binarises them.
    """

    relation: str
    args: tuple[str, ...]
    confidence: float = 1.0


@dataclass(frozen=True)
class CarbScore:
    """The result of :func:`score_carb`.

    ``precision``, ``recall`` and ``f1`` are taken at ``threshold``, the confidence threshold
    with the best F1 (the lowest such threshold on ties). ``auc`` is the area under the
    precision-recall curve with the point (recall 0, precision 1) added. ``curve`` holds one
    ``(threshold, precision, recall)`` point per distinct predicted confidence, in ascending
    order of threshold. With no predictions at all every number is 0 and ``curve`` is empty.
    Values are not rounded; the reference prints them rounded to 3 places.
    """

    precision: float
    recall: float
    f1: float
    auc: float
    threshold: float
    curve: tuple[tuple[float, float, float], ...]


# --------------------------------------------------------------------------------- errors


# -------------------------------------------------------------------------------- readers


def _lines(path: PathLike) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, stripped line)`` for the non-blank lines of ``path``.

    Lines are split the way the reference's ``for line in open(fn)`` splits them (universal
    newlines) and stripped with ``str.strip()`` as it does, so trailing tabs are dropped.
    """
    for number, line in numbered_lines(path):
        stripped = line.strip()
        if stripped:
            yield number, stripped


def _confidence(text: str, path: PathLike, line: int) -> float:
    """Parse a confidence the way the reference does (``float``), refusing NaN."""
    try:
        value = float(text)
    except ValueError:
        raise input_error(path, line, f"confidence {text!r} is not a number") from None
    if math.isnan(value):
        raise input_error(path, line, "confidence is NaN")
    return value


def read_carb_gold(path: PathLike) -> dict[str, list[CarbTuple]]:
    """Read a CaRB gold file: ``sentence \\t relation \\t arg1 [\\t arg2 ...]`` per line.

    As the reference ``GoldReader``: the sentence, relation and arguments are stripped of
    surrounding whitespace, and any field containing ``"C: "`` (attribution context) is
    dropped. Keys are the sentences as written (stripped), in order of first appearance.
    """
    gold: dict[str, list[CarbTuple]] = {}
    for number, line in _lines(path):
        fields = line.split("\t")
        if len(fields) < 2:
            raise input_error(path, number, "expected 'sentence<TAB>relation[<TAB>arg ...]'")
        sentence = fields[0].strip()
        args = tuple(arg.strip() for arg in fields[2:] if "C: " not in arg)
        gold.setdefault(sentence, []).append(CarbTuple(fields[1].strip(), args))
    return gold


def read_carb_predictions(path: PathLike) -> dict[str, list[CarbTuple]]:
    """Read system output in CaRB's tabbed format.

    Each line is ``sentence \\t confidence \\t relation \\t arg1 \\t arg2 ...``. As the
    reference ``TabReader``: fields are not stripped individually, trailing empty fields are
    lost (the whole line is stripped), and keys are the sentences as written.
    """
    predicted: dict[str, list[CarbTuple]] = {}
    for number, line in _lines(path):
        fields = line.split("\t")
        if len(fields) < 3:
            raise input_error(path, number, "expected 'sentence<TAB>confidence<TAB>relation[<TAB>arg ...]'")
        sentence, confidence, relation = fields[:3]
        item = CarbTuple(relation, tuple(fields[3:]), _confidence(confidence, path, number))
        predicted.setdefault(sentence, []).append(item)
    return predicted


def _openie5_text(field: str, path: PathLike, line: int) -> str:
    """The text of an OpenIE-5 element such as ``SimpleArgument(text,List([0, 4)))``."""
    start = field.find("(")
    end = field.find(",List(")
    if start < 0 or end < 0:
        raise input_error(path, line, f"not an OpenIE-5 element 'Kind(text,List(...))': {field[:60]!r}")
    return field[start + 1 : end]


def read_openie5_output(path: PathLike) -> dict[str, list[CarbTuple]]:
    """Read OpenIE-5's native output, as the reference ``OpenieFiveReader`` does.

    Each line is ``confidence \\t context \\t arg1 \\t relation \\t args \\t sentence`` with
    elements written ``Kind(text,List([start, end)))`` and the later arguments joined by
    ``"; "``. Lines whose arg1, relation or later-argument field is empty are skipped. A
    non-empty context is prefixed to arg1 unless ``arg1 + " " + relation`` already starts
    with it.
    """
    predicted: dict[str, list[CarbTuple]] = {}
    for number, line in _lines(path):
        fields = line.split("\t")
        if not all(fields[2:5]):
            continue
        if len(fields) < 6:
            raise input_error(path, number, f"expected 6 tab-separated fields, found {len(fields)}")
        arg1 = _openie5_text(fields[2], path, number)
        relation = _openie5_text(fields[3], path, number)
        rest = [_openie5_text(part, path, number) for part in fields[4].strip().split(");")]
        if fields[1]:
            context = _openie5_text(fields[1], path, number)
            if not (arg1 + " " + relation).startswith(context):
                arg1 = context + " " + arg1
        confidence = _confidence(fields[0], path, number)
        item = CarbTuple(relation, (arg1, *rest), confidence)
        predicted.setdefault(fields[5], []).append(item)
    return predicted


def format_carb_lines(sentence: str, tuples: Sequence[CarbTuple]) -> list[str]:
    """Lines of CaRB's tabbed system format for the extractions of one sentence.

    The sentence is written exactly as given; the confidence with ``repr`` so it reads back
    exactly; whitespace inside the relation and arguments is collapsed to single spaces (the
    scorer splits on whitespace, so this changes no score). Empty trailing arguments cannot
    survive a round trip: the reader, like the reference, strips the line.
    """
    if not sentence.strip() or any(ch in sentence for ch in "\t\n\r"):
        raise input_error(
            "<sentence>",
            None,
            f"sentence must be non-blank without tabs or newlines: {sentence[:60]!r}",
        )
    lines = []
    for item in tuples:
        confidence = float(item.confidence)
        if math.isnan(confidence):
            raise input_error("<sentence>", None, f"NaN confidence for {item.relation!r}")
        fields = [sentence, repr(confidence), " ".join(item.relation.split())]
        fields.extend(" ".join(arg.split()) for arg in item.args)
        lines.append("\t".join(fields))
    return lines


# -------------------------------------------------------------------------------- matching


def _sentence_key(sentence: str) -> str:
    """The reference's ``normalizeKey``: drop spaces, undo PTB escapes, drop ASCII punctuation."""
    key = sentence.replace(" ", "")
    for bracket, escape in _PTB_ESCAPES:
        key = key.replace(escape, bracket)
    return _PUNCT_RE.sub("", key)


def _normalise(extractions: Mapping[str, Sequence[CarbTuple]]) -> dict[str, Sequence[CarbTuple]]:
    """Re-key by :func:`_sentence_key`; when two sentences share a key the later one wins."""
    return {_sentence_key(sentence): items for sentence, items in extractions.items()}


def _overlap(gold: Counter[str], predicted: Counter[str]) -> int:
    """Words in common, counted as multisets."""
    return sum((gold & predicted).values())


def _lenient_match(
    gold_relation: str,
    gold_args: Sequence[str],
    relation: str,
    args: Sequence[str],
) -> tuple[float, float]:
    """The reference's ``linient_tuple_match``: (precision, recall) of one pairing."""
    gold_words = Counter(gold_relation.split())
    predicted_words = Counter(relation.split())
    predicted_total = sum(predicted_words.values())
    gold_total = sum(gold_words.values())
    matched = _overlap(gold_words, predicted_words)
    # A predicted "be" left unmatched counts once if the gold relation has any form of be.
    if predicted_words["be"] > gold_words["be"] and any(f in gold_words for f in _BE_FORMS):
        matched += 1
    if matched == 0:
        return (0.0, 0.0)
    predicted_matched = gold_matched = matched
    for i, gold_arg in enumerate(gold_args):
        gold_arg_words = Counter(gold_arg.split())
        gold_total += sum(gold_arg_words.values())
        if len(args) <= i:
            if i < 2:
                return (0.0, 0.0)
            continue
        arg_words = Counter(args[i].split())
        predicted_total += sum(arg_words.values())
        common = _overlap(gold_arg_words, arg_words)
        predicted_matched += common
        gold_matched += common
    precision = predicted_matched / predicted_total if predicted_total else 0.0
    recall = gold_matched / gold_total if gold_total else 0.0
    return (precision, recall)


def _binary(args: Sequence[str]) -> tuple[str, ...]:
    """Arg1 and the later arguments joined into arg2 (fewer than two are left alone)."""
    if len(args) >= 2:
        return (args[0], " ".join(args[1:]))
    return tuple(args)


def _match(gold: CarbTuple, predicted: CarbTuple) -> tuple[float, float]:
    """The reference's ``binary_linient_tuple_match``: (precision, recall)."""
    gold_args = _binary(gold.args)
    straight = _lenient_match(gold.relation, gold_args, predicted.relation, _binary(predicted.args))
    if not any(verb in gold.relation for verb in _SAID_VERBS):
        return straight
    if len(predicted.args) >= 2:
        swapped: tuple[str, ...] = (" ".join(predicted.args[1:]), predicted.args[0])
    else:
        swapped = tuple(predicted.args)
    return max(straight, _lenient_match(gold.relation, gold_args, predicted.relation, swapped))


# --------------------------------------------------------------------------------- scoring


def _greedy_order(scores: list[list[tuple[float, float]]]) -> list[tuple[int, int]]:
    """All (gold, prediction) pairs, best precision first, ties in row-then-column order.

    Taking pairs from this list whose row and column are still free reproduces the
    reference's repeated scan for the highest-precision free pair (strict ``>``, rows outer,
    columns inner), for any subset of columns.
    """
    pairs = [(i, j) for i, row in enumerate(scores) for j in range(len(row))]
    pairs.sort(key=lambda ij: (-scores[ij[0]][ij[1]][0], ij[0], ij[1]))
    return pairs


def _trapezoid_auc(x: Sequence[float], y: Sequence[float]) -> float:
    """sklearn's ``auc(x, y)`` for monotonic ``x`` (trapezoid rule, sign set by direction)."""
    steps = [x[k + 1] - x[k] for k in range(len(x) - 1)]
    direction = -1.0 if any(d < 0 for d in steps) else 1.0
    area = math.fsum(d * (y[k + 1] + y[k]) / 2.0 for k, d in enumerate(steps))
    return direction * area


def score_carb(
    gold: Mapping[str, Sequence[CarbTuple]],
    predicted: Mapping[str, Sequence[CarbTuple]],
) -> CarbScore:
    """Score predictions against gold exactly as CaRB's default mode does.

    Sentences are matched on a normalised key; predictions for sentences without gold cost
    nothing but their confidences still become thresholds. At threshold ``t`` a sentence keeps
    its predictions with confidence ``>= t``; recall sums, over gold tuples, the best recall
    against any kept prediction, over the number of gold tuples; precision sums a greedy
    one-to-one matching (``min(#gold, #kept)`` times the free pair of highest precision) over
    the number of kept predictions (1 when nothing is kept). Each gold/prediction pair is
    matched once per sentence and reused for every threshold.
    """
    gold_by_key = _normalise(gold)
    predicted_by_key = _normalise(predicted)
    thresholds = sorted({item.confidence for items in predicted_by_key.values() for item in items})
    position = {confidence: k for k, confidence in enumerate(thresholds)}
    count = len(thresholds)
    precision_sum = [0.0] * count
    kept_total = [0] * (count + 1)  # difference array of kept-prediction counts
    recall_sum = [0.0] * count
    gold_total = 0

    for key, gold_items in gold_by_key.items():
        predictions = predicted_by_key.get(key, ())
        gold_total += len(gold_items)
        if not predictions:
            continue
        scores = [[_match(g, p) for p in predictions] for g in gold_items]
        greedy = _greedy_order(scores)
        start = 0
        for confidence in sorted({p.confidence for p in predictions}):
            kept = {j for j, p in enumerate(predictions) if p.confidence >= confidence}
            recall = 0.0
            for row in scores:
                recall += max((row[j][1] for j in kept), default=0)
            precision = 0.0
            rows_used: set[int] = set()
            cols_used: set[int] = set()
            wanted = min(len(gold_items), len(kept))
            for i, j in greedy:
                if len(rows_used) == wanted:
                    break
                if j in kept and i not in rows_used and j not in cols_used:
                    rows_used.add(i)
                    cols_used.add(j)
                    precision += scores[i][j][0]
            # Thresholds from `start` up to this confidence keep exactly this set here.
            end = position[confidence] + 1
            for k in range(start, end):
                precision_sum[k] += precision
                recall_sum[k] += recall
            kept_total[start] += len(kept)
            kept_total[end] -= len(kept)
            start = end

    if count == 0:
        return CarbScore(0.0, 0.0, 0.0, 0.0, 0.0, ())

    precisions: list[float] = []
    recalls: list[float] = []
    kept_now = 0
    for k in range(count):
        kept_now += kept_total[k]
        precisions.append(precision_sum[k] / kept_now if kept_now > 0 else 1.0)
        recalls.append(recall_sum[k] / gold_total if gold_total > 0 else 0.0)
    f1s = [2 * p * r / (p + r) if p + r > 0 else 0.0 for p, r in zip(precisions, recalls, strict=True)]
    best = max(range(count), key=lambda k: (f1s[k], -k))  # first maximum, like np.argmax
    auc = _trapezoid_auc([*recalls, 0.0], [*precisions, 1.0])
    curve = tuple(zip(thresholds, precisions, recalls, strict=True))
    return CarbScore(
        precision=precisions[best],
        recall=recalls[best],
        f1=f1s[best],
        auc=auc,
        threshold=thresholds[best],
        curve=curve,
    )
