"""Tests of the CaRB scorer in graph.evaluate.carb."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.evaluate import (
    CarbTuple,
    format_carb_lines,
    read_carb_gold,
    read_carb_predictions,
    read_openie5_output,
    score_carb,
)

CARB_DIR = Path(os.environ.get("NEWSGRAPH_CARB_DIR", Path(__file__).resolve().parents[1] / "data" / "carb"))
INPUT_ERROR = InputError

SENT = "John likes Mary ."


def _score(gold: CarbTuple, predicted: CarbTuple, sentence: str = SENT) -> tuple[float, float]:
    """(precision, recall) of one prediction against one gold tuple."""
    result = score_carb({sentence: [gold]}, {sentence: [predicted]})
    return result.precision, result.recall


# ------------------------------------------------------------------- the CaRB dev benchmark


@pytest.mark.skipif(
    not (CARB_DIR / "dev.tsv").is_file() or not (CARB_DIR / "dev.openie5-output.txt").is_file(),
    reason=f"CaRB dev data not found in {CARB_DIR} (set NEWSGRAPH_CARB_DIR)",
)
def test_openie5_dev_scores_match_the_official_scorer() -> None:
    gold = read_carb_gold(CARB_DIR / "dev.tsv")
    predicted = read_openie5_output(CARB_DIR / "dev.openie5-output.txt")
    assert sum(len(items) for items in gold.values()) == 2548

    result = score_carb(gold, predicted)

    assert round(result.f1, 3) == 0.458
    assert round(result.auc, 3) == 0.240
    assert (round(result.precision, 3), round(result.recall, 3)) == (0.526, 0.406)
    assert result.threshold in {point[0] for point in result.curve}


# ----------------------------------------------------------------------------- the matcher


def test_exact_match_scores_one() -> None:
    gold = CarbTuple("likes", ("John", "Mary"))
    result = score_carb({SENT: [gold]}, {SENT: [CarbTuple("likes", ("John", "Mary"), 0.7)]})
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    assert result.threshold == 0.7
    assert result.curve == ((0.7, 1.0, 1.0),)
    assert result.auc == 1.0  # the point (recall 0, precision 1) is added


def test_words_are_multisets_compared_exactly() -> None:
    gold = CarbTuple("likes", ("John", "Mary"))
    # "john" is not "John": matching is case-sensitive.
    assert _score(gold, CarbTuple("likes", ("john", "Mary"))) == (2 / 3, 2 / 3)
    # a repeated word matches once
    assert _score(gold, CarbTuple("likes likes", ("John", "Mary"))) == (3 / 4, 1.0)


def test_be_matches_any_form_of_be_in_the_gold_relation() -> None:
    gold = CarbTuple("is", ("John", "a doctor"))
    assert _score(gold, CarbTuple("be", ("John", "a doctor"))) == (1.0, 1.0)
    # only the word "be" gets this leniency
    assert _score(gold, CarbTuple("become", ("John", "a doctor"))) == (0.0, 0.0)
    # and only when the gold relation has a form of be
    assert _score(CarbTuple("seems", ("John", "a doctor")), CarbTuple("be", ("John", "a doctor"))) == (0.0, 0.0)


def test_said_relations_are_also_scored_with_arguments_swapped() -> None:
    swapped = CarbTuple("said", ("the plan failed", "He"))
    assert _score(CarbTuple("said", ("He", "the plan failed")), swapped) == (1.0, 1.0)
    # without a said-type verb only the relation matches
    claimed = _score(
        CarbTuple("claimed", ("He", "the plan failed")),
        CarbTuple("claimed", ("the plan failed", "He")),
    )
    assert claimed == (1 / 5, 1 / 5)
    # as in the reference, the verbs are found as substrings of the gold relation
    retold = _score(
        CarbTuple("retold", ("He", "the plan failed")),
        CarbTuple("retold", ("the plan failed", "He")),
    )
    assert retold == (1.0, 1.0)


def test_missing_arg2_scores_zero() -> None:
    result = score_carb(
        {SENT: [CarbTuple("likes", ("John", "Mary"))]},
        {SENT: [CarbTuple("likes", ("John",))]},
    )
    assert (result.precision, result.recall, result.f1) == (0.0, 0.0, 0.0)


def test_no_relation_word_in_common_scores_zero() -> None:
    assert _score(CarbTuple("likes", ("John", "Mary")), CarbTuple("loves", ("John", "Mary"))) == (
        0.0,
        0.0,
    )


def test_arguments_are_binarised_before_matching() -> None:
    gold = CarbTuple("gave", ("John", "a book"))
    # arg2 and arg3 are joined into one arg2: "a book to Mary"
    assert _score(gold, CarbTuple("gave", ("John", "a book", "to Mary"))) == (4 / 6, 1.0)
    # the gold side is binarised too, so the order of later arguments is irrelevant
    nary = CarbTuple("gave", ("John", "a book", "to Mary"))
    assert _score(nary, CarbTuple("gave", ("John", "to Mary a book"))) == (1.0, 1.0)


def test_sentence_keys_ignore_spacing_punctuation_and_ptb_brackets() -> None:
    gold = {"He left -LRB- quietly -RRB- , at noon .": [CarbTuple("left", ("He", "quietly"))]}
    predicted = {
        "He left (quietly), at noon": [CarbTuple("left", ("He", "quietly"), 0.9)],
        "A sentence without gold .": [CarbTuple("x", ("y", "z"), 0.9)],
    }
    result = score_carb(gold, predicted)
    assert (result.precision, result.recall) == (1.0, 1.0)


def test_recall_may_reuse_a_prediction_but_precision_matches_one_to_one() -> None:
    gold = [CarbTuple("likes", ("John", "Mary")), CarbTuple("likes", ("John", "Mary"))]
    result = score_carb({SENT: gold}, {SENT: [CarbTuple("likes", ("John", "Mary"), 1.0)]})
    assert (result.precision, result.recall) == (1.0, 1.0)
    one_gold = [CarbTuple("likes", ("John", "Mary"))]
    twice = [CarbTuple("likes", ("John", "Mary"), 1.0), CarbTuple("likes", ("John", "Mary"), 1.0)]
    result = score_carb({SENT: one_gold}, {SENT: twice})
    assert (result.precision, result.recall) == (0.5, 1.0)


def test_thresholds_are_the_distinct_confidences() -> None:
    gold = {SENT: [CarbTuple("likes", ("John", "Mary")), CarbTuple("is", ("Mary", "tall"))]}
    predicted = {
        SENT: [
            CarbTuple("likes", ("John", "Mary"), 0.9),
            CarbTuple("hates", ("John", "Mary"), 0.2),
            CarbTuple("is", ("Mary", "tall"), 0.5),
        ]
    }
    result = score_carb(gold, predicted)
    assert result.curve == ((0.2, 2 / 3, 1.0), (0.5, 1.0, 1.0), (0.9, 1.0, 0.5))
    assert (result.threshold, result.f1) == (0.5, 1.0)
    # trapezoids between recall 1, 1, 0.5 and the added recall 0 (precision 1)
    assert result.auc == pytest.approx(0.5 * 1.0 + 0.5 * 1.0)


def test_no_predictions_scores_zero() -> None:
    result = score_carb({SENT: [CarbTuple("likes", ("John", "Mary"))]}, {})
    assert (result.precision, result.recall, result.f1, result.auc, result.curve) == (
        0.0,
        0.0,
        0.0,
        0.0,
        (),
    )


# ------------------------------------------------------------------------------- readers


def test_format_and_read_predictions_round_trip(tmp_path: Path) -> None:
    items = [
        CarbTuple("likes", ("John", "Mary", "a lot"), 0.123456789012345),
        CarbTuple("is", ("Mary",), 1.0),
    ]
    lines = format_carb_lines(SENT, items)
    assert lines[1] == f"{SENT}\t1.0\tis\tMary"
    path = tmp_path / "pred.tsv"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    assert read_carb_predictions(path) == {SENT: items}


def test_format_refuses_a_sentence_with_a_tab() -> None:
    with pytest.raises(INPUT_ERROR):
        format_carb_lines("a\tb", [CarbTuple("r", ("x",))])


def test_gold_reader_drops_context_fields(tmp_path: Path) -> None:
    path = tmp_path / "gold.tsv"
    path.write_text(f"{SENT} \tlikes \tJohn\tC: he thinks\tMary\n", encoding="utf-8")
    assert read_carb_gold(path) == {SENT: [CarbTuple("likes", ("John", "Mary"))]}


def test_openie5_reader_adds_context_and_skips_lines_without_arg2(tmp_path: Path) -> None:
    text = "He thinks John likes Mary in May ."
    lines = [
        f"0.8\tContext(He thinks,List([0, 9)))\tSimpleArgument(John,List([10, 14)))"
        f"\tRelation(likes,List([15, 20)))\tSimpleArgument(Mary,List([21, 25))); "
        f"TemporalArgument(in May,List([26, 32)))\t{text}",
        f"0.7\t\tSimpleArgument(John,List([10, 14)))\tRelation(likes,List([15, 20)))\t\t{text}",
        f"0.6\t\tSimpleArgument(He,List([0, 2)))\tRelation(thinks,List([3, 9)))"
        f"\tSimpleArgument(John likes Mary,List([10, 25)))\t{text}",
    ]
    path = tmp_path / "openie5.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read_openie5_output(path) == {
        text: [
            CarbTuple("likes", ("He thinks John", "Mary", "in May"), 0.8),
            CarbTuple("thinks", ("He", "John likes Mary"), 0.6),
        ]
    }


def test_malformed_confidence_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(f"{SENT}\t0.5\tlikes\tJohn\tMary\n{SENT}\thigh\tlikes\tJohn\tMary\n", encoding="utf-8")
    with pytest.raises(INPUT_ERROR, match=r"bad\.tsv:2: confidence 'high' is not a number") as info:
        read_carb_predictions(path)
    assert "\n" not in str(info.value)


def test_too_few_fields_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "short.tsv"
    path.write_text(f"{SENT}\t0.5\tlikes\tJohn\n\n{SENT}\t0.5\n", encoding="utf-8")
    with pytest.raises(INPUT_ERROR, match=r"short\.tsv:3: expected"):
        read_carb_predictions(path)


def test_malformed_openie5_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "o5.txt"
    path.write_text(
        f"0.5\t\tJohn\tRelation(likes,List([5, 10)))\tSimpleArgument(Mary,List([11, 15)))\t{SENT}\n",
        encoding="utf-8",
    )
    with pytest.raises(INPUT_ERROR, match=r"o5\.txt:1: not an OpenIE-5 element"):
        read_openie5_output(path)
