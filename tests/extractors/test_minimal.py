"""Minimal facts, apposition limits and hedges, on hand-built parses and short sentences of our own."""

from __future__ import annotations

from graph.extractors import extract_document, get_extractor
from graph.extractors.minimal import minimal_extractions, minimal_triples

MET_IN = """
Kim PROPN NNP nsubj 1 Kim
met VERB VBD ROOT 1 meet
the DET DT det 3 the
officials NOUN NNS dobj 1 official
in ADP IN prep 1 in
Almaty PROPN NNP pobj 4 Almaty
. PUNCT . punct 1 .
"""

FILM_YEAR = """
Hawks PROPN NNP nsubj 1 Hawks
made VERB VBD ROOT 1 make
Red PROPN NNP compound 3 Red
River PROPN NNP dobj 1 River
( PUNCT -LRB- punct 5 (
1948 NUM CD appos 3 1948
) PUNCT -RRB- punct 5 )
. PUNCT . punct 1 .
"""

DATELINE = """
Cupertino PROPN NNP ROOT 0 Cupertino
, PUNCT , punct 0 ,
California PROPN NNP appos 0 California
( PUNCT -LRB- punct 4 (
Reuters PROPN NNP appos 2 Reuters
) PUNCT -RRB- punct 4 )
"""

LEADERS = """
their PRON PRP$ poss 2 their
two NUM CD nummod 2 two
leaders NOUN NNS nsubj 7 leader
, PUNCT , punct 2 ,
Putin PROPN NNP appos 2 Putin
and CCONJ CC cc 4 and
Erdogan PROPN NNP conj 4 Erdogan
met VERB VBD ROOT 7 meet
. PUNCT . punct 7 .
"""

POSSESSIVE = """
Acme PROPN NNP poss 2 Acme
's PART POS case 0 's
phone NOUN NN nsubj 3 phone
sold VERB VBD ROOT 3 sell
well ADV RB advmod 3 well
. PUNCT . punct 3 .
"""

FAILED_TO = """
Lee PROPN NNP nsubj 1 Lee
failed VERB VBD ROOT 1 fail
to PART TO aux 3 to
pay VERB VB xcomp 1 pay
the DET DT det 5 the
fine NOUN NN dobj 3 fine
. PUNCT . punct 1 .
"""

ALLEGEDLY = """
Riley PROPN NNP nsubj 2 Riley
allegedly ADV RB advmod 2 allegedly
robbed VERB VBD ROOT 2 rob
the DET DT det 4 the
bank NOUN NN dobj 2 bank
. PUNCT . punct 2 .
"""


def _triples(doc, extraction):
    return [
        (
            " ".join(doc[i].text for i in t.subject),
            t.relation_text or " ".join(doc[i].text for i in t.relation),
            " ".join(doc[i].text for i in t.object),
        )
        for t in minimal_triples(extraction, doc)
    ]


def test_each_argument_is_its_own_triple_with_the_preposition_in_the_relation(hand_doc):
    doc = hand_doc(MET_IN, ents=[(0, 1, "PERSON"), (5, 6, "GPE")])
    [extraction] = list(get_extractor("clauses.v1")(doc, doc_id="t"))
    assert _triples(doc, extraction) == [("Kim", "met", "the officials"), ("Kim", "met the officials in", "Almaty")]
    facts = minimal_extractions(extraction, doc)
    # a common-noun object belongs to the event: "meet official in"
    assert [(f.lemma, f.object.text) for f in facts] == [("meet", "the officials"), ("meet official in", "Almaty")]
    assert facts[1].arguments == ()


def test_a_year_in_brackets_is_no_apposition(hand_doc):
    doc = hand_doc(FILM_YEAR, ents=[(2, 4, "WORK_OF_ART"), (5, 6, "DATE")])
    assert [e for e in get_extractor("appositions.v1")(doc, doc_id="t") if e.construction != "title"] == []


def test_a_dateline_agency_is_not_the_place(hand_doc):
    doc = hand_doc(DATELINE, ents=[(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "ORG")])
    found = [(e.subject.text, e.lemma, e.object.text) for e in get_extractor("appositions.v1")(doc, doc_id="t")]
    assert ("California", "be", "Reuters") not in found and ("Reuters", "be", "California") not in found


def test_a_list_of_names_is_not_one_apposition(hand_doc):
    doc = hand_doc(LEADERS, ents=[(4, 5, "PERSON"), (6, 7, "PERSON")])
    assert list(get_extractor("appositions.v1")(doc, doc_id="t")) == []


def test_a_possessive_have_is_vacuous(hand_doc):
    doc = hand_doc(POSSESSIVE, ents=[(0, 1, "ORG")])
    facts = [m for e in extract_document(doc, "t") for m in minimal_extractions(e, doc)]
    assert not [f for f in facts if f.construction == "possessive"]


def test_failed_to_is_not_asserted(hand_doc):
    doc = hand_doc(FAILED_TO, ents=[(0, 1, "PERSON")])
    [extraction] = list(get_extractor("clauses.v1")(doc, doc_id="t"))
    assert extraction.hedge == "fail"


def test_allegedly_is_kept(hand_doc):
    doc = hand_doc(ALLEGEDLY, ents=[(0, 1, "PERSON")])
    [extraction] = list(get_extractor("clauses.v1")(doc, doc_id="t"))
    assert extraction.hedge == "allegedly"


def test_wanted_someone_to_and_purpose_clauses_are_hedged(nlp):
    doc = nlp("The investor wanted the company to increase its dividend. She came to the city to find work.")
    found = {e.lemma: e.hedge for e in get_extractor("clauses.v1")(doc, doc_id="t")}
    assert found.get("increase") == "want"
    assert found.get("find") == "purpose"


def _facts(nlp, text):
    doc = nlp(text)
    return [
        (m.subject.text, m.lemma, m.object.text if m.object else None)
        for e in extract_document(doc, "t")
        for m in minimal_extractions(e, doc)
    ]


def test_a_curly_apostrophe_contraction_is_be_not_a_predicate(nlp):
    assert ("He", "be", "the team captain") in _facts(nlp, "He\u2019s the team captain.")


def test_an_embedded_question_is_no_object(nlp):
    assert not [
        f for f in _facts(nlp, "Police did not say how many times the man was hit.") if f[2] == "how many times"
    ]


def test_a_participle_after_a_speech_verb_is_not_the_speakers_act(nlp):
    found = _facts(nlp, "The storm hit the coast at night, officials said Tuesday, flooding hundreds of homes.")
    assert not [f for f in found if f[0] == "officials" and f[1] == "flood"]


def test_hyphenated_words_stay_whole(nlp):
    found = _facts(nlp, "The company raised its budget to a record $10.2-billion last year.")
    assert any("$10.2-billion" in (f[2] or "") for f in found)


def test_each_minimal_fact_keeps_the_whole_clause_text(nlp):
    doc = nlp("The court halted plans to fine the bank over the loans on Monday.")
    found = [m for e in extract_document(doc, "t") for m in minimal_extractions(e, doc)]
    assert len(found) >= 2
    assert {m.clause_text for m in found} == {"The court halted plans to fine the bank over the loans on Monday"}


def test_a_hyphenated_word_keeps_its_middle(nlp):
    doc = nlp("The firm will split its shares three-for-one next year.")
    objects = [m.object.text for e in extract_document(doc, "t") for m in minimal_extractions(e, doc) if m.object]
    assert "three" not in objects


def test_a_rate_keeps_its_per_phrase(nlp):
    doc = nlp("The airline would cut its fares by about 5 per cent.")
    objects = [m.object.text for e in extract_document(doc, "t") for m in minimal_extractions(e, doc) if m.object]
    assert "about 5 per cent" in objects
    assert "about 5" not in objects


def test_an_aside_deep_in_the_object_leaves_its_core(nlp):
    doc = nlp(
        "The carmaker was the target of pressure from the investor Dana Wills, who wanted it to raise its dividend."
    )
    objects = [m.object.text for e in extract_document(doc, "t") for m in minimal_extractions(e, doc) if m.object]
    assert "the target of pressure from the investor Dana Wills" in objects
    assert not [o for o in objects if "who wanted" in o]


def test_set_fire_to_is_one_event(nlp):
    doc = nlp("Protesters set fire to cardboard boxes outside the embassy.")
    triples = [
        (m.lemma, m.object.text) for e in extract_document(doc, "t") for m in minimal_extractions(e, doc) if m.object
    ]
    assert ("set fire to", "cardboard boxes") in triples
    assert ("set", "fire") not in triples
