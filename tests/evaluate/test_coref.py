"""Tests of the coreference scorer in graph.evaluate.coref (MUC, B-cubed, CEAF-e, CoNLL F1)."""

from __future__ import annotations

import itertools
import json
import random
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.errors import InputError
from graph.evaluate import (
    ConllDocument,
    Mention,
    read_conll,
    read_conll_files,
    read_mentions,
    read_mentions_files,
    score_coref,
    score_pronouns,
)
from graph.evaluate.coref import b_cubed, ceaf_e, max_assignment, muc

from .conftest import benchmark


def _doc(chains: dict[str, list[tuple[int, int]]], tokens: int = 20, name: str = "d") -> ConllDocument:
    """A key document of one-character tokens at characters 2i..2i+1 (a space between)."""
    return ConllDocument(
        name, tuple((2 * i, 2 * i + 1) for i in range(tokens)), {k: frozenset(v) for k, v in chains.items()}
    )


def _mentions(chains: dict[str, list[tuple[int, int]]], doc: str = "d") -> list[Mention]:
    """System mentions covering the given token spans of :func:`_doc`."""
    return [Mention(doc, 2 * a, 2 * b + 1, entity) for entity, spans in chains.items() for a, b in spans]


def _single(*letters: str) -> frozenset[tuple[int, int]]:
    return frozenset((ord(c) - ord("a"), ord(c) - ord("a")) for c in letters)


# ------------------------------------------------------------- worked examples of the papers


def test_muc_example_of_vilain_et_al() -> None:
    """Vilain et al. (1995): key {A B C D}, response {A B} {C D}: recall 2/3, precision 1."""
    key = [_single("a", "b", "c", "d")]
    response = [_single("a", "b"), _single("c", "d")]
    assert muc(key, response) == (2, 3, 2, 2)


def test_worked_example_of_pradhan_et_al_2014() -> None:
    """Pradhan et al. (2014), Figure 1: key {a b c} {d e f g}; response {a b} {c d} {f g h i}.

    MUC R 2/5, P 2/5; B3 R 5/12 = 41.67%, P 4/8 = 50%; CEAF-e R 1.3/2 = 65%, P 1.3/3 = 43.33%.
    """
    key = [_single("a", "b", "c"), _single("d", "e", "f", "g")]
    response = [_single("a", "b"), _single("c", "d"), _single("f", "g", "h", "i")]
    assert muc(key, response) == (2, 5, 2, 5)
    rn, rd, pn, pd = b_cubed(key, response)
    assert rn / rd == pytest.approx(5 / 12) and pn / pd == pytest.approx(1 / 2)
    assert (rd, pd) == (7, 8)
    rn, rd, pn, pd = ceaf_e(key, response)
    assert rn == pytest.approx(0.8 + 0.5) and (rd, pd) == (2, 3)
    # the same through score_coref, with the F1s and their mean
    letters = {"k1": "abc", "k2": "defg"}
    document = _doc({k: [(ord(c) - 97, ord(c) - 97) for c in v] for k, v in letters.items()})
    system = {"r1": "ab", "r2": "cd", "r3": "fghi"}
    score = score_coref(
        {"d": document}, _mentions({k: [(ord(c) - 97, ord(c) - 97) for c in v] for k, v in system.items()})
    )
    assert score.muc.f1 == pytest.approx(0.4)
    assert score.b_cubed.f1 == pytest.approx(2 * (5 / 12) * (1 / 2) / (5 / 12 + 1 / 2))  # 45.45%
    assert score.ceaf_e.f1 == pytest.approx(2 * 0.65 * (1.3 / 3) / (0.65 + 1.3 / 3))  # 0.52
    assert score.ceaf_e.f1 == pytest.approx(0.52)
    assert score.conll_f1 == pytest.approx((score.muc.f1 + score.b_cubed.f1 + score.ceaf_e.f1) / 3)


def test_metrics_sum_counts_over_documents() -> None:
    key = {
        "d1": _doc({"1": [(0, 0), (1, 1)]}, name="d1"),
        "d2": _doc({"1": [(0, 0), (1, 1), (2, 2), (3, 3)]}, name="d2"),
    }
    response = _mentions({"x": [(0, 0), (1, 1)]}, "d1") + _mentions({"y": [(0, 0), (1, 1)]}, "d2")
    score = score_coref(key, response)
    # MUC: d1 1/1 link, d2 1/3 links -> recall 2/4 (not the mean of 1 and 1/3); precision 2/2
    assert (score.muc.recall_num, score.muc.recall_den) == (2, 4)
    assert score.muc.recall == 0.5 and score.muc.precision == 1.0
    # B3 recall: d1 2 mentions all found; d2 2 of 4 mentions each see 2/4 -> (2 + 2*0.5) / 6
    assert score.b_cubed.recall == pytest.approx(3 / 6)
    # CEAF-e: phi4 1 + 2*2/6 over 2 key and 2 response chains
    assert score.ceaf_e.recall == pytest.approx((1 + 4 / 6) / 2) == score.ceaf_e.precision


def test_max_assignment_agrees_with_brute_force() -> None:
    rng = random.Random(7)
    for _ in range(200):
        rows, cols = rng.randint(1, 5), rng.randint(1, 5)
        weights = [[rng.choice([0.0, rng.random()]) for _ in range(cols)] for _ in range(rows)]
        total, pairs = max_assignment(weights)
        best = 0.0
        if rows <= cols:
            for perm in itertools.permutations(range(cols), rows):
                best = max(best, sum(weights[i][perm[i]] for i in range(rows)))
        else:
            for perm in itertools.permutations(range(rows), cols):
                best = max(best, sum(weights[perm[j]][j] for j in range(cols)))
        assert total == pytest.approx(best)
        assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs}) == min(rows, cols)
    assert max_assignment([]) == (0.0, [])


# ------------------------------------------------------------------- response construction


def test_response_singletons_and_unmatched_spans() -> None:
    key = {"d": _doc({"1": [(0, 1), (5, 5)], "2": [(8, 8), (10, 10)]})}
    response = [
        Mention("d", 0, 3, "a"),  # tokens 0-1: exact
        Mention("d", 9, 11, "a"),  # a space and token 5 (characters 10..11)
        Mention("d", 16, 17, "lonely"),  # token 8 alone: a singleton entity, left out
        Mention("d", 20, 21, None),  # no entity
        Mention("d", 41, 42, "a"),  # after the last token: unmapped
    ]
    score = score_coref(key, response)
    assert (score.response_chains, score.response_mentions, score.unmapped) == (1, 2, 1)
    assert score.muc.recall == pytest.approx(1 / 2) and score.muc.precision == 1.0


def test_character_overlap_takes_every_touched_token_and_spans_must_match_exactly() -> None:
    key = {"d": _doc({"1": [(0, 1), (3, 3)]})}
    # token i is characters 2i..2i+1, end exclusive: 1..4 touches token 1 only, 8..9 token 4
    response = [Mention("d", 1, 4, "a"), Mention("d", 8, 9, "a")]
    score = score_coref(key, response)
    assert score.muc.recall == 0.0 and score.b_cubed.precision == 0.0
    response = [Mention("d", 0, 3, "a"), Mention("d", 5, 7, "a")]  # tokens 0-1; a space and token 3
    score = score_coref(key, response)
    assert score.conll_f1 == 1.0


def test_missing_and_extra_documents() -> None:
    key = {"d": _doc({"1": [(0, 0), (1, 1)]}), "e": _doc({"1": [(0, 0), (1, 1)]}, name="e")}
    score = score_coref(key, _mentions({"x": [(0, 0), (1, 1)]}, "d") + _mentions({"x": [(0, 0), (2, 2)]}, "zzz"))
    assert score.muc.recall == 0.5 and score.muc.precision == 1.0
    assert score.ignored_documents == ("zzz",)


# ------------------------------------------------------------------------------ CoNLL reader


CONLL = (
    "#begin document (doc1); part 000\n"
    "doc1\t0\t0\tJohn\tPROPN\t0\t4\t(3(12)\n"
    "doc1\t0\t1\tSmith\tPROPN\t5\t10\t3)\n"
    "doc1\t0\t2\tsaw\tVERB\t11\t14\t_\n"
    "doc1\t0\t3\thim\tPRON\t15\t18\t(3)\n"
    "\n"
    "doc1\t0\t0\tHe\tPRON\t20\t22\t(12)|(5\n"
    "doc1\t0\t1\tleft\tVERB\t23\t27\t5)\n"
    "#end document\n"
)


def test_conll_reader_nested_and_multiple_mentions(tmp_path: Path) -> None:
    path = tmp_path / "doc1.conll"
    path.write_text(CONLL, encoding="utf-8")
    document = read_conll(path)["doc1"]
    assert document.tokens[4] == (20, 22)
    assert document.chains == {"3": {(0, 1), (3, 3)}, "12": {(0, 0), (4, 4)}, "5": {(4, 5)}}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (CONLL.replace("\t3)\n", "\t_\n"), 2, "never closed"),
        (CONLL.replace("\t5)\n", "\t7)\n"), 8, "closes no open mention"),
        (CONLL.replace("\t0\t4\t", "\tx\t4\t"), 2, "character offsets"),
        (CONLL.replace("#end document\n", ""), 1, "no '#end document'"),
        ("doc1\t0\t0\tJohn\tPROPN\t0\t4\t_\n", 1, "outside"),
    ],
)
def test_conll_reader_errors_name_file_and_line(tmp_path: Path, text, line, words) -> None:
    path = tmp_path / "bad.conll"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_conll(path)
    assert caught.value.line == line and words in str(caught.value) and str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("record", "words"),
    [
        ("not json", "not JSON"),
        ('{"doc": "d", "start": 3, "end": 3, "entity": 1}', "start < end"),
        ('{"doc": "", "start": 0, "end": 3, "entity": 1}', "'doc'"),
        ('{"doc": "d", "start": 0, "end": 3, "entity": [1]}', "'entity'"),
        ("[1, 2]", "JSON object"),
    ],
)
def test_mentions_reader_errors_name_file_and_line(tmp_path: Path, record, words) -> None:
    path = tmp_path / "m.jsonl"
    path.write_text('{"doc": "d", "start": 0, "end": 3, "entity": 1}\n\n' + record + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_mentions(path)
    assert caught.value.line == 3 and words in str(caught.value)


# ------------------------------------------------------------- GUM news: gold and perturbed


@pytest.fixture(scope="module")
def gum():
    folder = benchmark("gum-news")
    return folder, read_conll_files([folder]), read_mentions_files([folder])


def test_gold_against_itself_scores_one(gum) -> None:
    _, key, mentions = gum
    score = score_coref(key, mentions, gold_mentions=mentions)
    assert (score.documents, score.key_chains, score.key_mentions) == (16, 360, 1399)
    for metric in (score.muc, score.b_cubed, score.ceaf_e):
        assert (metric.recall, metric.precision, metric.f1) == (1.0, 1.0, 1.0)
    assert score.conll_f1 == 1.0
    assert (score.pronouns.resolved, score.pronouns.total) == (136, 136)


def _chains(mentions: list[Mention]) -> dict[tuple[str, str], list[Mention]]:
    result: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        result.setdefault((m.doc, m.entity), []).append(m)
    return result


def test_merging_two_chains(gum) -> None:
    _, key, mentions = gum
    chains = _chains(mentions)
    doc = "GUM_news_afghan"
    a, b = sorted((k for k in chains if k[0] == doc), key=lambda k: -len(chains[k]))[:2]
    na, nb = len(chains[a]), len(chains[b])
    merged = [replace(m, entity=a[1]) if (m.doc, m.entity) == b else m for m in mentions]
    score = score_coref(key, merged)
    links, m_total, c_total = 1399 - 360, 1399, 360
    # MUC: every key link found; the response has one link more than the key
    assert score.muc.recall == 1.0 and score.muc.precision == pytest.approx(links / (links + 1))
    # B3: the merged chain's mentions see na/(na+nb) or nb/(na+nb) of their chain
    assert score.b_cubed.recall == 1.0
    assert score.b_cubed.precision == pytest.approx((m_total - na - nb + (na * na + nb * nb) / (na + nb)) / m_total)
    # CEAF-e: the merged chain aligns with the larger of the two
    best = max(2 * na / (2 * na + nb), 2 * nb / (na + 2 * nb))
    assert score.ceaf_e.recall == pytest.approx((c_total - 2 + best) / c_total)
    assert score.ceaf_e.precision == pytest.approx((c_total - 2 + best) / (c_total - 1))


def test_splitting_a_chain(gum) -> None:
    _, key, mentions = gum
    chains = _chains(mentions)
    target = max(chains, key=lambda k: len(chains[k]))
    n = len(chains[target])
    n1 = n // 2
    moved = {id(m) for m in chains[target][n1:]}
    split = [replace(m, entity="split-off") if id(m) in moved else m for m in mentions]
    n2 = n - n1
    score = score_coref(key, split)
    links, m_total, c_total = 1039, 1399, 360
    assert score.muc.recall == pytest.approx((links - 1) / links) and score.muc.precision == 1.0
    assert score.b_cubed.recall == pytest.approx((m_total - n + (n1 * n1 + n2 * n2) / n) / m_total)
    assert score.b_cubed.precision == 1.0
    best = max(2 * n1 / (n + n1), 2 * n2 / (n + n2))
    assert score.ceaf_e.recall == pytest.approx((c_total - 1 + best) / c_total)
    assert score.ceaf_e.precision == pytest.approx((c_total - 1 + best) / (c_total + 1))


def test_dropping_pronouns(gum) -> None:
    _, key, mentions = gum
    kept = [m for m in mentions if not m.extra.get("pronoun")]
    score = score_coref(key, kept, gold_mentions=mentions)
    assert score.pronouns.resolved == 0 and score.pronouns.no_system_mention == 136 == score.pronouns.total
    assert score.muc.precision == 1.0 and score.b_cubed.precision == 1.0
    dropped = len(mentions) - len(kept)
    # every remaining response chain is inside one key chain: B3 recall by hand from the sizes
    expected = 0.0
    for chain in _chains(mentions).values():
        left = sum(1 for m in chain if not m.extra.get("pronoun"))
        expected += left * left / len(chain) if left >= 2 else 0.0
    assert score.b_cubed.recall == pytest.approx(expected / 1399)
    assert score.response_mentions <= 1399 - dropped


def test_pronoun_given_to_another_entity_is_not_resolved() -> None:
    gold = [
        Mention("d", 0, 8, "1", "person", extra={"proper": True, "head_start": 5, "head_end": 8}),
        Mention("d", 20, 22, "1", "person", extra={"pronoun": True}),
        Mention("d", 30, 33, "1", "person", extra={"pronoun": True}),
        Mention("d", 40, 44, "2", "object", extra={}),
        Mention("d", 50, 52, "2", "object", extra={"pronoun": True}),  # no proper name: not counted
    ]
    system = [
        Mention("d", 5, 8, "x"),  # overlaps the head of the name
        Mention("d", 20, 22, "x"),  # resolved
        Mention("d", 30, 33, "y"),  # the pronoun, in another entity
        Mention("d", 30, 38, "x"),  # a longer mention containing the pronoun is not the pronoun's
        Mention("d", 40, 44, "y"),
    ]
    score = score_pronouns(gold, system)
    assert (score.resolved, score.total, score.no_system_mention) == (1, 2, 0)


def test_cli_coref(tmp_path: Path) -> None:
    (tmp_path / "doc1.conll").write_text(CONLL, encoding="utf-8")
    gold_mentions = [
        {"doc": "doc1", "start": 0, "end": 10, "entity": 3, "proper": True, "head_start": 5, "head_end": 10},
        {"doc": "doc1", "start": 15, "end": 18, "entity": 3, "pronoun": True},
    ]
    (tmp_path / "doc1.mentions.jsonl").write_text(
        "\n".join(json.dumps(m) for m in gold_mentions) + "\n", encoding="utf-8"
    )
    system = tmp_path / "sys.jsonl"
    system.write_text("\n".join(json.dumps(m) for m in gold_mentions[:2]) + "\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        app, ["eval", "coref", "--gold", str(tmp_path / "doc1.conll"), "--system", str(system), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    values = json.loads(result.stdout)
    # key: {John Smith, him} {John, He} and the one-mention {He left} (no link); response {John Smith, him}
    assert values["muc"]["recall"] == 0.5 and values["muc"]["precision"] == 1.0
    assert values["pronouns"] == {"accuracy": 1.0, "resolved": 1, "total": 1, "no_system_mention": 0}
    table = runner.invoke(app, ["eval", "coref", "--gold", str(tmp_path), "--system", str(system)])
    assert table.exit_code == 0 and table.stdout.startswith("metric")
    csv_out = runner.invoke(app, ["eval", "coref", "--gold", str(tmp_path), "--system", str(system), "-f", "csv"])
    assert csv_out.stdout.splitlines()[0] == "metric,recall,precision,f1"
    # without gold mentions beside the key, pronoun accuracy is left out
    (tmp_path / "doc1.mentions.jsonl").unlink()
    bare = runner.invoke(app, ["eval", "coref", "--gold", str(tmp_path), "--system", str(system), "-f", "json"])
    assert bare.exit_code == 0, bare.output
    assert "pronouns" not in json.loads(bare.stdout)
