"""Nominalisations: derivation of the verb and the agent rules."""

from __future__ import annotations

import pytest

from graph.extractors import get_extractor
from graph.extractors.nominal import verb_of_nominal

VERBS = frozenset({"implement", "organize", "nominate", "appoint", "decide", "approve", "fail", "visit", "import"})


@pytest.mark.parametrize(
    "noun, verb",
    [
        ("implementation", "implement"),
        ("organization", "organize"),
        ("nomination", "nominate"),
        ("appointment", "appoint"),
        ("decision", "decide"),
        ("approval", "approve"),
        ("failure", "fail"),
    ],
)
def test_verb_of_nominal(noun, verb):
    assert verb_of_nominal(noun, VERBS) == verb


def test_adjectival_nouns_are_not_actions():
    assert verb_of_nominal("importance", VERBS, frozenset({"important"})) is None
    assert verb_of_nominal("table", VERBS) is None


POSSESSIVE_AGENT = """
The DET DT det 1 the
ministry NOUN NN poss 3 ministry
's PART POS case 1 's
implementation NOUN NN nsubj 7 implementation
of ADP IN prep 3 of
the DET DT det 6 the
reform NOUN NN pobj 4 reform
stalled VERB VBD ROOT 7 stall
. PUNCT . punct 7 .
"""


def test_possessive_is_the_agent(hand_doc):
    doc = hand_doc(POSSESSIVE_AGENT, verbs=VERBS)
    [extraction] = list(get_extractor("nominal.v1")(doc, doc_id="t"))
    assert (extraction.subject.text, extraction.lemma, extraction.object.text) == (
        "The ministry",
        "implement",
        "the reform",
    )
    assert extraction.construction == "nominal"


def test_a_change_noun_with_its_amount_and_thing_is_a_fact(nlp):
    from graph.extractors import get_extractor

    doc = nlp("Prices rose after a 5% rise in oil prices. The sharp fall in prices hurt farmers.")
    found = [(e.subject.text, e.lemma, e.object.text) for e in get_extractor("nominal.v1")(doc, doc_id="t") if e.object]
    assert ("oil prices", "rise by", "5%") in found
    assert not [f for f in found if f[1] == "fall by"]  # no amount: nothing
