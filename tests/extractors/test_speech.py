"""speech.v1 and the attribution of facts read inside reported speech (sentences written for these tests)."""

from __future__ import annotations

import pytest

from graph.extractors import get_extractor


def _statements(nlp, text: str) -> list[tuple[str, str, str, int]]:
    extractor = get_extractor("speech.v1")
    return [(e.subject.text, e.lemma, e.object.text, e.sentence) for e in extractor(nlp(text), doc_id="t")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The plan is working," she said.', ("she", "say", "The plan is working", 0)),
        ('"We will win," said Smith.', ("Smith", "say", "We will win", 0)),
        ('"We are ready," Smith told reporters.', ("Smith", "tell", "We are ready", 0)),
        ('Smith said: "We will win."', ("Smith", "say", "We will win", 0)),
        (
            '"The plan is working," she said, "and costs are falling."',
            ("she", "say", "The plan is working, and costs are falling", 0),
        ),
        ("The minister warned that prices would rise.", ("The minister", "warn", "prices would rise", 0)),
        ("Jones told reporters that the deal was dead.", ("Jones", "tell", "the deal was dead", 0)),
        ("Police told the driver he was under arrest.", ("Police", "tell", "he was under arrest", 0)),
        ('The mayor called the move "disappointing".', ("The mayor", "call", "the move disappointing", 0)),
        (
            "According to the agency, prices rose by 5 percent.",
            ("the agency", "according to", "prices rose by 5 percent", 0),
        ),
    ],
)
def test_statement_shapes(nlp, text, expected):
    assert expected in _statements(nlp, text)


def test_a_quotation_running_on_is_the_last_speakers(nlp):
    text = 'Smith said: "We will win. The team is ready."\n\n"Nobody can stop us now."\n\nThe match starts at noon.'
    found = _statements(nlp, text)
    assert [(s, v, c) for s, v, c, _ in found] == [
        ("Smith", "say", "We will win"),
        ("Smith", "say", "The team is ready"),
        ("Smith", "say", "Nobody can stop us now"),
    ]


def test_a_quoted_phrase_inside_indirect_speech_keeps_the_whole_clause(nlp):
    found = _statements(nlp, 'Park believed that the new plan would mean the phone "will sell" to buyers.')
    assert found and found[0][2].startswith("the new plan would mean")


def test_facts_inside_a_statement_are_the_speakers_not_the_newspapers():
    from graph.pipeline import build_graph
    from graph.rdf.model import to_dataset
    from graph.rdf.namespaces import NKG
    from graph.types import Document

    text = 'Maria Lopez runs a bakery in Leeds. "Acme bought the mill," Lopez said.'
    kg = build_graph([Document(id="t", text=text)])
    names = {e.id: e.label for e in kg.entities}
    bought = [f for f in kg.facts if f.predicate == "buy"]
    assert bought, kg.facts
    assert all(f.reported and names[f.attributed_to] == "Maria Lopez" for f in bought)
    said = [f for f in kg.facts if f.predicate == "say"]
    assert said and not said[0].reported and names[said[0].subject] == "Maria Lopez"
    dataset = to_dataset(kg)
    from graph.rdf.model import entity_iri, relation_iri

    fact = bought[0]
    assert (entity_iri(fact.subject), relation_iri("buy"), entity_iri(fact.object)) not in dataset
    assertions = list(dataset.subjects(NKG.attributedTo, entity_iri(fact.attributed_to)))
    assert assertions


def test_the_speaker_of_a_pronoun_is_resolved():
    from graph.pipeline import build_graph
    from graph.types import Document

    text = 'Maria Lopez opened the bakery in May. "Bread is back," she said.'
    kg = build_graph([Document(id="t", text=text)])
    names = {e.id: e.label for e in kg.entities}
    said = [f for f in kg.facts if f.predicate == "say"]
    assert said and names[said[0].subject] == "Maria Lopez"


def test_a_quotation_whose_speaker_comes_at_its_end(nlp):
    found = _statements(nlp, '"We will win. The team is ready," Smith said.')
    assert [(s, v, c, n) for s, v, c, n in found] == [
        ("Smith", "say", "We will win", 0),
        ("Smith", "say", "The team is ready", 1),
    ]


def test_quoted_titles_are_not_speech(nlp):
    assert _statements(nlp, 'The Texas native wrote such classics as "Help Me Make It Through the Night".') == []


def test_conjoined_speakers_each_say_it(nlp):
    found = _statements(nlp, '"We are ready," said Smith and Jones.')
    assert ("Smith", "say", "We are ready", 0) in found and ("Jones", "say", "We are ready", 0) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # British single quotes, straight and curly
        (
            "'We will appeal against the ruling,' the lawyer said.",
            ("the lawyer", "say", "We will appeal against the ruling", 0),
        ),
        ("\u2018We will appeal,\u2019 she said.", ("she", "say", "We will appeal", 0)),
        ("The coach said: 'Nobody's perfect.'", ("The coach", "say", "Nobody's perfect", 0)),
        ("The minister called the decision 'a disgrace'.", ("The minister", "call", "the decision a disgrace", 0)),
        (
            'Globex unveiled the Model Z, a steel phone that Ana Ruiz called "the best phone we have made."',
            ("Ana Ruiz", "call", "the Model Z the best phone we have made", 0),
        ),
        # a participle or a conjoined reporting verb takes its subject from the verb it goes with
        ("Tom Berg was quoted as saying that prices would rise.", ("Tom Berg", "say", "prices would rise", 0)),
        (
            'Globex launched its Model Z, a slim phone with a curved screen that Ana Ruiz called "the best phone '
            'since our first one."',
            ("Ana Ruiz", "call", "its Model Z the best phone since our first one", 0),
        ),
        (
            "The director said the film would open in June, adding that tickets were sold out.",
            ("The director", "add", "tickets were sold out", 0),
        ),
    ],
)
def test_more_statement_shapes(nlp, text, expected):
    assert expected in _statements(nlp, text)


def test_a_single_quoted_quotation_running_on_is_the_last_speakers(nlp):
    text = "'We can play much better,' the manager said. 'But the players showed great spirit.'\n\n'It was hard.'"
    found = [(s, c) for s, _, c, _ in _statements(nlp, text)]
    assert ("the manager", "But the players showed great spirit") in found
    assert ("the manager", "It was hard") in found


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("'It's the players' fault,' he said.", "It 's the players ' fault ,"),
        ("The players' union said the fans' anger was justified.", ""),  # possessive apostrophes
        ("Ross's team won, and Jones' side lost.", ""),
        ("Officials called it 'a disgrace' and left.", "a disgrace"),
        ("He smiled. 'We were poor today.\n\nThe manager was not happy.", ""),  # opened mid-paragraph, never closed
    ],
)
def test_single_quotation_marks_and_apostrophes(nlp, text, quoted):
    from graph.extractors.speech import single_quoted
    from graph.syntax import DocContext

    doc = nlp(text)
    inside = sorted(single_quoted(DocContext.of(doc, "t")))
    assert " ".join(doc[i].text for i in inside) == quoted


def test_facts_inside_a_single_quoted_quotation_are_the_speakers():
    from graph.pipeline import build_graph
    from graph.types import Document

    text = "Maria Lopez runs a bakery in Leeds. 'The council closed the market,' Lopez said."
    kg = build_graph([Document(id="t", text=text)])
    names = {e.id: e.label for e in kg.entities}
    closed = [f for f in kg.facts if f.predicate == "close"]
    assert closed and all(f.reported and names[f.attributed_to] == "Maria Lopez" for f in closed)


def test_a_single_quoted_quotation_after_a_colon_runs_on_over_paragraphs(nlp):
    text = (
        "Marta Silva praised the goal, saying: 'I don't think anyone would say we played well.\n\n"
        "'But maybe that will be the most important goal of the season.\n\n"
        "'We can play much better.'\n\nThe next match is on Saturday."
    )
    found = [(s, c) for s, _, c, _ in _statements(nlp, text)]
    assert ("Marta Silva", "But maybe that will be the most important goal of the season") in found
    assert ("Marta Silva", "We can play much better") in found
    assert not any("next match" in c for _, c in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The council will sell the old harbour," Ivo Marsh quipped.', ("Ivo Marsh", "quip")),
        ('"We are ready for the final," Ivo Marsh deadpanned when asked about the draw.', ("Ivo Marsh", "deadpan")),
    ],
)
def test_a_manner_of_speaking_verb_beside_a_quotation_makes_a_statement(nlp, text, expected):
    assert expected in [(s, lemma) for s, lemma, _, _ in _statements(nlp, text)]


def test_a_manner_of_speaking_verb_without_a_quotation_is_no_statement(nlp):
    assert _statements(nlp, "Ivo Marsh laughed at the question and smiled at the crowd.") == []


def test_a_fronted_unquoted_clause_is_what_the_speaker_told(nlp):
    text = "The ferry operator has cancelled 30 crossings, Lena Voss told the radio station."
    assert ("Lena Voss", "tell", "The ferry operator has cancelled 30 crossings", 0) in _statements(nlp, text)


def test_a_new_quotation_whose_speaker_comes_at_its_end_is_not_the_last_speakers(nlp):
    found = _statements(
        nlp,
        'Mayor Ann Lee spoke on Monday. "We are ready," Lee told the station.\n\n'
        '"The river rose overnight. Crews worked until dawn," the fire department said.',
    )
    speakers = {content: speaker for speaker, _, content, _ in found}
    assert speakers["The river rose overnight"] == "the fire department"
    assert speakers["We are ready"] == "Lee"


def test_a_new_quotation_with_no_speaker_of_its_own_falls_back_to_the_last(nlp):
    found = _statements(nlp, '"We are ready," Lee told the station. "We trained for months."\n\nThe vote is Monday.')
    assert ("Lee", "tell", "We trained for months") in [f[:3] for f in found]


def test_an_abbreviated_title_before_the_speaker_does_not_end_the_sentence(nlp):
    doc = nlp('"He ran north. He dropped a bag," Sgt. Rita Cole said.')
    assert not any(s.text.strip() == "Rita Cole said." for s in doc.sents)
