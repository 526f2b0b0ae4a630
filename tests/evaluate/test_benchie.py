"""Tests of the BenchIE scorer in graph.evaluate.benchie."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.errors import InputError
from graph.evaluate import (
    BenchieExtraction,
    nary_to_triples,
    read_benchie_gold,
    read_benchie_sentences,
    read_benchie_system,
    score_benchie,
)
from graph.evaluate.benchie import _matches, _pattern

from .conftest import benchmark

# ----------------------------------------------------------------- the published dev numbers


@pytest.mark.parametrize(
    ("system", "tp", "fp", "p", "r", "f1", "correct"),
    [("clausie_dev.txt", 191, 152, 0.557, 0.258, 0.353, 195), ("minie_dev.txt", 207, 241, 0.462, 0.280, 0.349, 214)],
)
def test_clausie_and_minie_dev_scores_match_the_readme(system, tp, fp, p, r, f1, correct) -> None:
    folder = benchmark("benchie")
    gold = read_benchie_gold(folder / "gold_dev.txt")
    assert (len(gold), sum(len(s.synsets) for s in gold)) == (157, 739)
    extractions, unknown = read_benchie_system(folder / system, read_benchie_sentences(folder / "sentences_dev.tsv"))
    score = score_benchie(gold, extractions, ignored=unknown)
    assert (score.tp, score.fp, score.ignored) == (tp, fp, 0)
    assert (round(score.precision, 3), round(score.recall, 3), round(score.f1, 3)) == (p, r, f1)
    # the README's other counting: correct triples over all triples (ClausIE 0.562, MinIE 0.470)
    assert score.correct == correct
    assert round(score.correct / score.triples, 3) == {"clausie_dev.txt": 0.562, "minie_dev.txt": 0.470}[system]


def test_gold_sentences_are_those_of_sentences_dev() -> None:
    folder = benchmark("benchie")
    gold = {s.sent_id: s.text for s in read_benchie_gold(folder / "gold_dev.txt")}
    assert gold == read_benchie_sentences(folder / "sentences_dev.tsv")


# ------------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("slot", "text", "expected"),
    [
        ("[the] [first] Prime Minister [of Australia]", "Prime Minister", True),
        ("[the] [first] Prime Minister [of Australia]", "the Prime Minister of Australia", True),
        ("[the] [first] Prime Minister [of Australia]", "first Prime Minister", True),
        ("[the] [first] Prime Minister [of Australia]", "Prime Minister of", False),  # a group is whole
        ("[the] [first] Prime Minister [of Australia]", "first the Prime Minister", False),
        ("[the] [first] Prime Minister [of Australia]", "the first prime minister", False),  # exact case
        ("[``]A New Oath['']", "`` A New Oath ''", True),  # a bracket separates tokens
        ("[``]A New Oath['']", "A New Oath", True),
        ("[``]A New Oath['']", "``A New Oath", False),
        ("John Crozier[,] Jr.", "John Crozier , Jr.", True),
        ("John Crozier[,] Jr.", "John Crozier Jr.", True),
        ("[a] [a] b", "a b", True),
        ("x", "", False),
        ("[x]", "", True),
    ],
)
def test_slot_matching(slot, text, expected) -> None:
    assert _matches(_pattern(slot), text.split()) is expected


def _gold(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gold.txt"
    path.write_text(text, encoding="utf-8")
    return path


GOLD = (
    "sent_id:1\tA saw B in Rome .\n"
    "1--> Cluster 1:\n"
    "A --> saw --> B\n"
    "1--> Cluster 2:\n"
    "A --> saw B in --> Rome\n"
    "A --> saw [B] --> in Rome\n"
    "1-->Cluster 3:\n"
    "A --> saw --> B [in Rome]\n"
    "\n"
    "sent_id:2\tC left .\n"
    "7--> Cluster 1:\n"
    "C --> left --> [the] room\n"
)


def test_counting_first_synset_duplicates_and_false_positives(tmp_path: Path) -> None:
    gold = read_benchie_gold(_gold(tmp_path, GOLD))
    assert [len(s.synsets) for s in gold] == [3, 1]  # the '7-->' cluster belongs to sentence 2
    system = {
        "1": [
            BenchieExtraction("A", "saw", "B"),  # synset 1 (also matches synset 3: first wins)
            BenchieExtraction("A", "saw", "B"),  # correct again: neither TP nor FP
            BenchieExtraction("A", "saw", "in  Rome"),  # synset 2 (whitespace collapsed)
            BenchieExtraction("A", "saw", "Rome"),  # FP
        ],
        "9": [BenchieExtraction("x", "y", "z")],  # not in the gold: ignored
    }
    score = score_benchie(gold, system)
    assert (score.tp, score.fp, score.correct, score.triples, score.synsets, score.ignored) == (2, 1, 3, 4, 4, 1)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 4)
    assert score.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_nary_lines_become_triples() -> None:
    assert nary_to_triples("saw", ["A", "B", "in Rome", "on Monday"]) == [
        ("A", "saw", "B"),
        ("A", "saw B", "in Rome"),
        ("A", "saw B", "on Monday"),
    ]
    assert nary_to_triples("saw", ["A", "B", "in Rome"], mode="join") == [("A", "saw", "B in Rome")]
    assert nary_to_triples("left", ["C"]) == [("C", "left", "")]


def test_carb_lines_are_matched_by_sentence_text(tmp_path: Path) -> None:
    gold = read_benchie_gold(_gold(tmp_path, GOLD))
    system = tmp_path / "ours.tsv"
    system.write_text(
        "A saw B in Rome .\t0.9\tsaw\tA\tB\tin Rome\n"
        "C  left .\t0.5\tleft\tC\tthe room\n"  # whitespace differences are tolerated
        "Not a gold sentence .\t0.5\tis\tit\tnot\n",
        encoding="utf-8",
    )
    extractions, unknown = read_benchie_system(system, {s.sent_id: s.text for s in gold})
    assert unknown == 1
    assert [e.slots for e in extractions["1"]] == [("A", "saw", "B"), ("A", "saw B", "in Rome")]
    score = score_benchie(gold, extractions, ignored=unknown)
    assert (score.tp, score.fp, score.ignored) == (3, 0, 1)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("sent_id:1\tA .\n1--> Cluster 1:\nA --> saw\n", 3, "subject --> relation --> object"),
        ("sent_id:1\tA .\n1--> Cluster 1:\nA --> saw --> [B\n", 3, "'[' without ']'"),
        ("sent_id:1\tA .\n1--> Cluster 1:\nA --> saw --> B]\n", 3, "']' without '['"),
        ("sent_id:1\tA .\nA --> saw --> B\n", 2, "Cluster"),
        ("1--> Cluster 1:\n", 1, "before the first"),
        ("sent_id:1\tA .\n1--> Cluster 1:\n1--> Cluster 2:\nA --> b --> c\n", 2, "no triples"),
    ],
)
def test_gold_reader_errors_name_file_and_line(tmp_path: Path, text, line, words) -> None:
    path = _gold(tmp_path, text)
    with pytest.raises(InputError) as caught:
        read_benchie_gold(path)
    assert caught.value.line == line and str(path) in str(caught.value) and words in str(caught.value)


def test_system_reader_errors_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "sys.txt"
    path.write_text("1\tA\tsaw\tB\n1\tA\tsaw\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_benchie_system(path, {"1": "A saw B ."})
    assert caught.value.line == 2 and "sent_id<TAB>subject" in str(caught.value)


def test_cli_benchie_formats_and_details(tmp_path: Path) -> None:
    gold = _gold(tmp_path, GOLD)
    system = tmp_path / "sys.txt"
    system.write_text("1\tA\tsaw\tB\n1\tA\tsaw\tRome\n", encoding="utf-8")
    details = tmp_path / "details.jsonl"
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "eval",
            "benchie",
            "--gold",
            str(gold),
            "--system",
            str(system),
            "--format",
            "json",
            "--details",
            str(details),
        ],
    )
    assert result.exit_code == 0, result.output
    values = json.loads(result.stdout)
    assert (values["tp"], values["fp"], values["precision"], values["recall"]) == (1, 1, 0.5, 0.25)
    records = [json.loads(line) for line in details.read_text(encoding="utf-8").splitlines()]
    assert [r["sent_id"] for r in records] == ["1", "2"]
    assert records[0]["credited"] == {"1": [1]}
    assert [m["cluster"] for m in records[0]["missed"]] == [2, 3]
    assert records[0]["false_positives"] == [{"triple": ["A", "saw", "Rome"], "line": 2}]
    assert records[1]["missed"][0]["triples"] == ["C --> left --> [the] room"]
    table = runner.invoke(app, ["eval", "benchie", "--gold", str(gold), "--system", str(system)])
    assert table.exit_code == 0 and "precision  0.500" in table.stdout
    csv_out = runner.invoke(app, ["eval", "benchie", "--gold", str(gold), "--system", str(system), "-f", "csv"])
    assert csv_out.stdout.splitlines()[:2] == ["measure,value", "precision,0.5"]
    missing = runner.invoke(app, ["eval", "benchie", "--gold", str(tmp_path / "nope.txt"), "--system", str(system)])
    assert missing.exit_code == 1 and "nope.txt" in missing.stderr
