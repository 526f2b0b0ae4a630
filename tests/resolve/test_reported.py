"""Facts read inside reported content are the speaker's claim, never the newspaper's own: verbs of
saying, believing, expecting and alleging on either side of their clause, parenthetical reporting
clauses, nouns and adjectives of claim or belief, indirect questions, quotations whose speaker is in
the paragraph before, and speakers named by a description. Sentences written for these tests."""

from __future__ import annotations

import pytest

from graph.documents import document_from_text
from graph.pipeline import build_graph


def _facts(text: str, predicate: str) -> list[tuple[bool, str | None, str]]:
    """(reported, speaker label, subject label) of the facts whose predicate starts with ``predicate``."""
    kg = build_graph([document_from_text("t", text)])
    labels = {e.id: e.label for e in kg.entities}
    found = [
        (f.reported, labels.get(f.attributed_to) if f.attributed_to else None, labels.get(f.subject, f.subject))
        for f in kg.facts
        if f.predicate.startswith(predicate)
    ]
    assert found, f"no {predicate!r} fact in {[f.predicate for f in kg.facts]}"
    return found


@pytest.mark.parametrize(
    ("text", "predicate", "speaker"),
    [
        ("Investigators allege that Marek Holt forged the invoices.", "forge", "Investigators"),
        ("Investigators alleged Marek Holt forged the invoices.", "forge", "Investigators"),
        ("Economists expect that the central bank will lower its rates in June.", "lower", "Economists"),
        ("Lena Voss estimated that 300 homes had lost power in the storm.", "lose", "Lena Voss"),
        ("Lena Voss complained that the umpire had ignored three fouls.", "ignore", "Lena Voss"),
        ("Lena Voss is confident that her crew will win the regatta.", "win", "Lena Voss"),
        ("Lena Voss is convinced her crew will win the regatta.", "win", "Lena Voss"),
        ("The tribunal found that Marek Holt had breached the contract.", "breach", "tribunal"),
        ("The ferry operator has cancelled 30 crossings, Lena Voss told the radio station.", "cancel", "Lena Voss"),
        ("The storm, officials said, destroyed 60 barns.", "destroy", "officials"),
        ("The delegates agreed to meet again, expecting the accord will lift exports.", "lift", "delegates"),
    ],
)
def test_a_fact_inside_reported_content_is_the_speakers_claim(text: str, predicate: str, speaker: str) -> None:
    for reported, attributed, _ in _facts(text, predicate):
        assert reported, text
        assert attributed is not None and attributed.lower() == speaker.lower(), (text, attributed)


def test_a_claim_nobody_is_named_for_is_reported_without_a_speaker() -> None:
    for reported, attributed, _ in _facts("Dana Holt faced claims that she had misled the council.", "mislead"):
        assert reported and attributed is None


def test_an_indirect_question_is_no_fact() -> None:
    for reported, _, _ in _facts("Lena Voss was asked whether the rival crew had bribed the judges.", "bribe"):
        assert reported


def test_a_claim_raised_by_a_thing_keeps_the_speaker_around_it() -> None:
    text = "Some bankers have said the downturn raises concerns that the lender is hiding its losses."
    for reported, attributed, _ in _facts(text, "hide"):
        assert reported and attributed is not None and attributed.lower() == "bankers"


def test_a_quoted_phrase_inside_indirect_speech_keeps_its_clause() -> None:
    text = 'Lena Voss said that Corvane is "firmly on course to reach its targets" this year.'
    for reported, attributed, _ in _facts(text, "be") + _facts(text, "reach"):
        assert reported and attributed == "Lena Voss"


def test_a_newspapers_own_fact_beside_speech_stays_its_own() -> None:
    text = "The ferry operator cancelled 30 crossings on Monday. Lena Voss said the weather was to blame."
    for reported, attributed, _ in _facts(text, "cancel"):
        assert not reported and attributed is None


def test_a_quotation_paragraph_after_an_attributed_one_is_the_same_speakers() -> None:
    text = (
        "Dunmore beat Rellick 3-1 on Sunday.\n\n"
        '"We were sharp from the start," Dunmore coach Petra Lind said.\n\n'
        '"Rellick won the league last year because they were the strongest. We beat them today."'
    )
    found = _facts(text, "win")
    for reported, attributed, _ in found:
        assert reported and attributed == "Petra Lind"


@pytest.mark.parametrize(
    "text",
    [
        "The dockers' union is led by Petra Lind.\n\nThe union leader said the dockers would strike on Monday.",
        "Petra Lind is the head of the dockers' union.\n\nThe head of the union said the dockers would strike.",
    ],
)
def test_a_speaker_named_by_a_description_is_the_person_it_names(text: str) -> None:
    for reported, attributed, subject in _facts(text, "say"):
        assert not reported
        assert subject == "Petra Lind"
        assert attributed is None


def test_two_people_fit_a_description_then_it_stays_a_description() -> None:
    text = (
        "Petra Lind leads the dockers' union. Omar Reyes leads the drivers' union.\n\n"
        "The leader said the strike would go on."
    )
    for _, _, subject in _facts(text, "say"):
        assert subject not in ("Petra Lind", "Omar Reyes")


def test_the_nearest_subject_is_the_speaker_when_the_parser_gives_two() -> None:
    text = 'After the joke Ivo Marsh smiled and said, "Yes, it is true. The club is paying my wages."'
    found = _facts(text, "pay")
    assert all(reported and attributed == "Ivo Marsh" for reported, attributed, _ in found)


def test_conjoined_common_noun_speakers_each_make_a_statement() -> None:
    text = "The flood destroyed 90 bridges in the valley, officials and state media said."
    speakers = {subject.lower() for _, _, subject in _facts(text, "say")}
    assert {"officials", "state media"} <= speakers
    for reported, attributed, _ in _facts(text, "destroy"):
        assert reported and attributed is not None


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("The gunman is believed to have fled to Portugal.", "be believe"),
        ("The new terminal is expected to open in April.", "be expect"),
        ("Dana Holt is alleged to have taken bribes.", "be allege"),
    ],
)
def test_a_predicate_under_a_passive_verb_of_belief_is_nobodys_fact(text: str, predicate: str) -> None:
    for reported, attributed, _ in _facts(text, predicate):
        assert reported and attributed is None


def test_an_order_in_the_passive_stays_a_fact() -> None:
    for reported, _, _ in _facts("The airline was told to pay a fine of 2 million euros.", "be tell"):
        assert not reported


def test_a_finding_before_the_main_clause_is_the_main_subjects() -> None:
    text = "After finding that Dana Holt had forged the permits, the tribunal fined her."
    for reported, attributed, _ in _facts(text, "forge"):
        assert reported and attributed == "tribunal"


def test_a_quotation_paragraph_after_a_paragraph_about_someone_is_theirs() -> None:
    text = (
        "Dana Holt, the harbour master, spoke after the storm.\n\n"
        '"The crews repaired the pier in two days.\n\n'
        '"The ferries will sail again on Friday."'
    )
    for reported, attributed, _ in _facts(text, "repair"):
        assert reported and attributed == "Dana Holt"


def test_an_according_to_after_a_quotation_names_its_speaker() -> None:
    for reported, attributed, _ in _facts('"The board ignored the warnings," according to Dana Holt.', "ignore"):
        assert reported and attributed == "Dana Holt"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            'Tom Hill scored twice for Kestrel United on Sunday.\n\n"The whole squad defended well," the striker said.',
            "Tom Hill",
        ),
        (
            "Corvane named Ivo Marsh as its chief executive on Monday.\n\nThe new chief executive said Corvane would "
            "close 12 depots.",
            "Ivo Marsh",
        ),
    ],
)
def test_a_speaker_described_as_a_kind_of_person_is_the_one_person_named_just_before(text: str, person: str) -> None:
    assert {subject for _, _, subject in _facts(text, "say")} == {person}


def test_an_official_is_someone_new_not_the_person_named_before() -> None:
    text = "Police arrested Ivo Marsh on Friday.\n\nThe official said the arrest followed a long inquiry."
    assert "Ivo Marsh" not in {subject for _, _, subject in _facts(text, "say")}


def test_a_possibility_is_nobodys_fact_but_a_time_clause_after_it_stays_the_newspapers() -> None:
    text = (
        "The governor's speech raised the possibility that the bank will cut its main rate in May, "
        "after making a large cut in March."
    )
    for reported, _, _ in _facts(text, "cut"):
        assert reported
    for reported, _, _ in _facts(text, "make"):
        assert not reported


def test_a_description_introduced_by_as_is_the_describers_view() -> None:
    text = "Dana Holt described the report as a smear that damaged the harbour board."
    for reported, attributed, _ in _facts(text, "damage"):
        assert reported and attributed == "Dana Holt"
