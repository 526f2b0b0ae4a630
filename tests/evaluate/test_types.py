"""Tests of the entity-type scorer in graph.evaluate.types."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.evaluate import Mention, read_mentions_files, score_types, system_class

from .conftest import benchmark


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("Person", "person"),
        ("nkg:PoliticalParty", "organization"),
        ("https://example.org/newsgraph#GovernmentBody", "organization"),
        ("http://example.org/ontology/NewsAgency", "organization"),
        ("Company", "organization"),
        ("City", "place"),
        ("Country", "place"),
        ("Place", "place"),
        ("Group", "other"),
        ("Event", "other"),
        ("TimeExpression", "other"),
        ("person", "person"),
        ("event", "other"),
        (None, "other"),
        ("", "other"),
    ],
)
def test_system_class(kind, expected) -> None:
    assert system_class(kind) == expected


def _name(start: int, end: int, entity: str, kind: str, head: tuple[int, int] | None = None) -> Mention:
    head_start, head_end = head or (start, end)
    return Mention(
        "d", start, end, entity, kind, extra={"proper": True, "head_start": head_start, "head_end": head_end}
    )


def test_hand_example() -> None:
    gold = [
        _name(0, 10, "1", "person", (5, 10)),  # "John Smith", head Smith
        Mention("d", 20, 22, "1", "person", extra={"pronoun": True}),
        _name(30, 36, "2", "organization"),
        _name(40, 46, "2", "organization"),
        _name(50, 55, "2", "organization"),
        _name(60, 65, "3", "place"),
        _name(70, 75, "4", "event"),  # not a scored type
        Mention("d", 80, 85, "5", "person", extra={"proper": False}),  # no proper name: not scored
    ]
    system = [
        Mention("d", 0, 10, "a", "Person"),  # contains the head: person, right
        Mention("d", 30, 36, "b", "Organization"),
        Mention("d", 40, 46, "b", "Place"),
        Mention("d", 50, 55, "c", "nkg:GovernmentBody"),  # organization 2 of 3: majority
        Mention("d", 70, 75, "e", "Place"),
        # chain 3 has no system mention: wrong and unmatched
    ]
    score = score_types(gold, system)
    assert (score.correct, score.total, score.unmatched) == (2, 3, 1)
    assert score.accuracy == pytest.approx(2 / 3)
    assert [(t.type, t.correct, t.total, t.unmatched) for t in score.per_type] == [
        ("person", 1, 1, 0),
        ("organization", 1, 1, 0),
        ("place", 0, 1, 1),
    ]
    assert dict(score.confusion) == {("person", "person"): 1, ("organization", "organization"): 1, ("place", "none"): 1}


def test_majority_tie_takes_the_earliest_name() -> None:
    gold = [_name(0, 5, "1", "place"), _name(10, 15, "1", "place")]
    system = [Mention("d", 0, 5, "a", "Organization"), Mention("d", 10, 15, "a", "Place")]
    assert dict(score_types(gold, system).confusion) == {("place", "organization"): 1}


@pytest.fixture(scope="module")
def gum_mentions() -> list[Mention]:
    return read_mentions_files([benchmark("gum-news")])


def test_gold_against_itself(gum_mentions) -> None:
    score = score_types(gum_mentions, gum_mentions)
    assert (score.accuracy, score.correct, score.total, score.unmatched) == (1.0, 160, 160, 0)
    assert [(t.type, t.total) for t in score.per_type] == [("person", 62), ("organization", 57), ("place", 41)]


def test_persons_typed_as_organizations_and_places_dropped(gum_mentions) -> None:
    system = [replace(m, type="Organization") if m.type == "person" else m for m in gum_mentions if m.type != "place"]
    score = score_types(gum_mentions, system)
    # 40 of the 41 place chains lose their system mention; the head of "Chiang Kai Shek Memorial
    # Hall" is inside the nested person mention "Chiang Kai Shek", typed Organization here
    assert (score.correct, score.total, score.unmatched) == (57, 160, 40)
    counts = dict(score.confusion)
    assert counts[("person", "organization")] == 62 and counts[("place", "none")] == 40
    assert counts[("place", "organization")] == 1


def test_cli_types(tmp_path: Path) -> None:
    gold = tmp_path / "d.mentions.jsonl"
    gold.write_text(
        json.dumps(
            {
                "doc": "d",
                "start": 0,
                "end": 4,
                "entity": 1,
                "type": "place",
                "proper": True,
                "head_start": 0,
                "head_end": 4,
            }
        )
        + "\n",
        encoding="utf-8",
    )
    system = tmp_path / "sys.jsonl"
    system.write_text(
        json.dumps({"doc": "d", "start": 0, "end": 4, "entity": "x", "type": "City"}) + "\n", encoding="utf-8"
    )
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "types", "--gold", str(tmp_path), "--system", str(system), "-f", "json"])
    assert result.exit_code == 0, result.output
    values = json.loads(result.stdout)
    assert (values["accuracy"], values["total"], values["confusion"]) == (
        1.0,
        1,
        [{"gold": "place", "system": "place", "chains": 1}],
    )
    table = runner.invoke(app, ["eval", "types", "--gold", str(gold), "--system", str(system)])
    assert table.exit_code == 0 and "confusion" in table.stdout
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "d"}\n', encoding="utf-8")
    error = runner.invoke(app, ["eval", "types", "--gold", str(gold), "--system", str(bad)])
    assert error.exit_code == 1 and "bad.jsonl:1" in error.stderr
