"""Clause extraction rules on hand-built parses (no statistical model involved)."""

from __future__ import annotations

import pytest

from graph.errors import UnknownNameError
from graph.extractors import available_extractors, get_extractor

SAID_AND_COMMISSIONED = """
He PRON PRP nsubj 1 he
said VERB VBD ROOT 1 say
and CCONJ CC cc 1 and
commissioned VERB VBD conj 1 commission
Smith PROPN NNP dobj 3 Smith
to PART TO aux 6 to
organize VERB VB xcomp 3 organize
the DET DT det 8 the
work NOUN NN dobj 6 work
. PUNCT . punct 1 .
"""

PASSIVE = """
The DET DT det 1 the
minister NOUN NN nsubjpass 3 minister
was AUX VBD auxpass 3 be
appointed VERB VBN ROOT 3 appoint
by ADP IN agent 3 by
the DET DT det 6 the
president NOUN NN pobj 4 president
. PUNCT . punct 3 .
"""

MET_WITH = """
She PRON PRP nsubj 1 she
met VERB VBD ROOT 1 meet
with ADP IN prep 1 with
the DET DT det 4 the
delegates NOUN NNS pobj 2 delegate
. PUNCT . punct 1 .
"""

MUST_NOT = """
The DET DT det 1 the
party NOUN NN nsubj 4 party
must AUX MD aux 4 must
not PART RB neg 4 not
hold VERB VB ROOT 4 hold
a DET DT det 6 a
congress NOUN NN dobj 4 congress
. PUNCT . punct 4 .
"""

CONJOINED_SUBJECTS = """
Smith PROPN NNP nsubj 3 Smith
and CCONJ CC cc 0 and
Jones PROPN NNP conj 0 Jones
met VERB VBD ROOT 3 meet
the DET DT det 5 the
mayor NOUN NN dobj 3 mayor
. PUNCT . punct 3 .
"""

RELATIVE = """
The DET DT det 1 the
party NOUN NN nsubj 8 party
, PUNCT , punct 1 ,
which PRON WDT nsubj 4 which
won VERB VBD relcl 1 win
the DET DT det 6 the
election NOUN NN dobj 4 election
, PUNCT , punct 1 ,
met VERB VBD ROOT 8 meet
. PUNCT . punct 8 .
"""


def _triples(doc, name="clauses.v1"):
    extractor = get_extractor(name)
    return [(e.subject.text, e.relation.text, e.object.text if e.object else None) for e in extractor(doc, doc_id="t")]


def test_conjoined_verb_shares_subject_and_control_verb_gives_two_facts(hand_doc):
    doc = hand_doc(SAID_AND_COMMISSIONED)
    triples = _triples(doc)
    assert ("He", "commissioned", "Smith") in triples
    assert ("Smith", "to organize", "the work") in triples
    found = {e.relation.text: e for e in get_extractor("clauses.v1")(doc, doc_id="t")}
    assert found["to organize"].lemma == "organize"
    assert found["commissioned"].lemma == "commission"


def test_passive_with_agent(hand_doc):
    doc = hand_doc(PASSIVE)
    [extraction] = list(get_extractor("clauses.v1")(doc, doc_id="t"))
    assert (extraction.subject.text, extraction.relation.text, extraction.object.text) == (
        "The minister",
        "was appointed by",
        "the president",
    )
    assert extraction.passive and extraction.lemma == "appoint"


def test_prepositional_object_goes_into_relation(hand_doc):
    doc = hand_doc(MET_WITH)
    [extraction] = list(get_extractor("clauses.v1")(doc, doc_id="t"))
    assert (extraction.relation.text, extraction.object.text, extraction.lemma) == (
        "met with",
        "the delegates",
        "meet with",
    )


def test_negation_and_modality_are_attributes(hand_doc):
    doc = hand_doc(MUST_NOT)
    [extraction] = list(get_extractor("clauses.v1")(doc, doc_id="t"))
    assert extraction.negated is True
    assert extraction.modality == "must"
    assert extraction.lemma == "hold"


def test_conjoined_subjects_are_distributed(hand_doc):
    doc = hand_doc(CONJOINED_SUBJECTS)
    assert sorted(_triples(doc)) == [("Jones", "met", "the mayor"), ("Smith", "met", "the mayor")]


def test_relative_clause_subject_is_the_noun_it_modifies(hand_doc):
    doc = hand_doc(RELATIVE)
    assert ("The party", "won", "the election") in _triples(doc)


def test_character_spans_point_into_the_text(hand_doc):
    doc = hand_doc(SAID_AND_COMMISSIONED)
    for extraction in get_extractor("clauses.v1")(doc, doc_id="t"):
        for part in (extraction.subject, extraction.object or extraction.subject):
            assert doc.text[part.start : part.end] == part.text
        assert 0 < extraction.confidence < 1
        assert extraction.start <= extraction.end


def test_unknown_extractor_lists_the_valid_names():
    with pytest.raises(UnknownNameError) as error:
        get_extractor("svo")
    assert str(error.value) == "Unknown extractor 'svo'. Available: " + ", ".join(available_extractors())
    assert "clauses.v1" in available_extractors()
