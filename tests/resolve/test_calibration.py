"""The confidence after resolution (graph/resolve/calibration.py): features, scores, text spans."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from graph.documents import document_from_text
from graph.resolve import ResolvedArticle
from graph.resolve.calibration import FactView, calibrated, fact_features, headline_spans, quoted_spans, rescore
from graph.resolve.entities import LocalEntity
from graph.types import Fact, Provenance, Sentence


def _view(**changes) -> FactView:
    base = FactView(
        confidence=0.75,
        predicate="sign",
        subject_text="Mara Quist",
        object_text="the Lindow Accord",
        subject_named=True,
        object_named=True,
        subject_type="Person",
        object_type="Thing",
    )
    return replace(base, **changes)


def test_an_unresolved_description_as_subject_lowers_the_score():
    named = rescore(_view())
    described = rescore(_view(subject_text="the envoy", subject_named=False, subject_type=""))
    assert "subject_unresolved" in fact_features(_view(subject_text="the envoy", subject_named=False))
    assert described < named - 0.1


def test_a_statement_of_a_named_speaker_outranks_one_of_a_description():
    said = _view(predicate="say", object_text="talks would resume", object_named=False, object_value=True)
    assert "named_speaker" in fact_features(said)
    unnamed = replace(said, subject_text="the spokesman", subject_named=False, subject_type="")
    assert {"speaker_unresolved", "subject_unresolved"} <= set(fact_features(unnamed))
    assert rescore(said) >= 0.7 > rescore(unnamed)


def test_a_pronoun_subject_and_a_possessive_have_score_lower():
    plain = rescore(_view())
    assert rescore(_view(subject_text="she")) < plain
    assert rescore(_view(predicate="have", object_text="future", object_named=False)) < plain - 0.1


def test_a_claim_inside_a_quotation_without_a_speaker_scores_lower():
    quoted = _view(in_quote=True, reported=True)
    assert "unattributed" in fact_features(quoted)
    assert "unattributed" not in fact_features(replace(quoted, attributed=True))
    assert rescore(quoted) < rescore(replace(quoted, attributed=True))


def test_a_role_fact_stays_below_the_sure_band_unless_its_clause_is_very_sure():
    role = _view(predicate="member of", object_text="Harbour Board", object_type="Organization", confidence=0.8)
    assert rescore(role) < 0.7
    assert rescore(role) < rescore(replace(role, predicate="join"))


def test_a_role_is_known_by_its_construction_too():
    titled = _view(predicate="chair", construction="role", object_type="Organization")
    assert "role" in fact_features(titled)
    assert "role" not in fact_features(replace(titled, construction="svo"))


def test_scores_stay_inside_the_unit_interval():
    for confidence in (0.0, 0.001, 0.5, 0.999, 1.0):
        assert 0.0 < rescore(_view(confidence=confidence)) < 1.0


def test_quoted_spans_pair_straight_and_curly_marks():
    text = 'She said "we will win" and \u201cnothing else\u201d.'
    spans = quoted_spans(text)
    assert [text[a:b] for a, b in spans] == ['"we will win"', "\u201cnothing else\u201d"]


def test_an_unclosed_quotation_runs_to_the_end_of_its_paragraph():
    text = '"We were ready. We trained hard.\n\nThe coach left.'
    [(start, end)] = quoted_spans(text)
    assert text[start:end] == '"We were ready. We trained hard.'


def test_headline_spans_are_short_lines_not_ended_like_a_sentence():
    text = "Harbour board approves new ferry plan\n\nThe board approved the plan on Monday."
    assert [text[a:b] for a, b in headline_spans(text)] == ["Harbour board approves new ferry plan"]


def _article(text: str, facts: tuple[Fact, ...]) -> ResolvedArticle:
    document = document_from_text("t", text)
    entities = (
        LocalEntity("quist", "Mara Quist", "Person", Counter({"Mara Quist": 1}), 1),
        LocalEntity("accord", "Lindow Accord", "Thing", Counter({"Lindow Accord": 1}), 1, named=False),
    )
    sentences = (Sentence("t", 0, 0, len(text), text),)
    return ResolvedArticle(document=document, sentences=sentences, entities=entities, facts=facts)


def test_calibrated_rescores_each_fact_and_keeps_everything_else():
    text = "Mara Quist signed the Lindow Accord."
    fact = Fact(
        subject="quist",
        predicate="sign",
        object="accord",
        provenance=Provenance("t", 0, 0, len(text) - 1, "clauses.v1", 0.6),
        subject_text="Mara Quist",
        object_text="the Lindow Accord",
        construction="svo",
    )
    article = _article(text, (fact,))
    [after] = calibrated(article).facts
    assert after.provenance.confidence != 0.6
    assert replace(after, provenance=fact.provenance) == fact
    assert calibrated(_article(text, ())).facts == ()
