"""Clause shapes misread on real news (graph.extractors.clause_shapes, minimal_parts.range_end).

Every sentence is our own, of the same shape as an error seen on the dev2 audit batch.
"""

from __future__ import annotations

from graph.extractors import extract_document
from graph.extractors.minimal import minimal_extractions, minimal_triples


def _facts(nlp, text):
    doc = nlp(text)
    return [
        (m.subject.text, m.lemma, m.object.text if m.object else None, m.hedge)
        for e in extract_document(doc, "t")
        for m in minimal_extractions(e, doc)
    ]


def test_numeric_range_is_one_amount(nlp):
    found = _facts(nlp, "The company expects earnings of 5 cents to 9 cents a share.")
    assert any(f[2] and "5 cents to 9 cents" in f[2] for f in found), found
    assert not [f for f in found if f[1].endswith(" to") and f[2] and f[2].startswith("9 cents")]


def test_purpose_infinitive_is_done_by_the_subject(nlp):
    found = _facts(nlp, "The driver left the scene to go to a hospital.")
    assert ("The driver", "leave", "the scene", None) in found
    going = [f for f in found if f[1] == "go to"]
    assert going and all(f[0] == "The driver" and f[3] == "purpose" for f in going), found
    # an object-control verb still hands the infinitive to its object
    ordered = _facts(nlp, "The judge ordered the bank to pay a fine.")
    assert [f for f in ordered if f[0] == "the bank" and f[1].endswith("pay")], ordered


def test_which_after_a_phrase_stands_for_the_nearer_noun(nlp):
    found = _facts(
        nlp, "Sales in the quarter, which ended June 2 and was the second quarter of the year, rose 20 percent."
    )
    assert not [f for f in found if f[0].startswith("Sales") and f[1] == "be"], found


def test_opening_frame_is_no_argument(nlp):
    found = _facts(nlp, "In a sharp rebuke, voters handed the party its worst result.")
    assert not [f for f in found if f[2] and "rebuke" in f[2]], found
    partitive = _facts(nlp, "Of the 90 seats in the assembly, the Greens now hold 40.")
    assert not [f for f in partitive if f[1].endswith(" of")], partitive
    # a place that opens the sentence is still where it happened
    place = _facts(nlp, "In Lyon, police arrested two men.")
    assert [f for f in place if f[2] == "Lyon"], place


def test_excluding_is_no_argument_of_the_verb(nlp):
    found = _facts(nlp, "The mayor proposed a cut to most departments, excluding the fire service.")
    assert not [f for f in found if "excluding" in f[1]], found


def test_permitting_verb_hedges_its_infinitive(nlp):
    found = _facts(nlp, "The rule enables small firms to bid for contracts.")
    bidding = [f for f in found if f[1] == "bid for"]
    assert bidding and all(f[3] == "allow" for f in bidding), found


def test_verbless_fragment_states_nothing(nlp):
    doc = nlp("One filled with useful lessons.")
    assert [t for e in extract_document(doc, "t") for t in minimal_triples(e, doc)] == []
    # a headline with a noun subject still states its event
    assert _facts(nlp, "Two miners trapped by a flood were rescued on Sunday.")


def test_age_after_an_object_is_no_second_object(nlp):
    found = _facts(nlp, "The county is working to reach residents age 40 and under.")
    assert not [f for f in found if f[2] and f[2].startswith("age")], found
    assert [f for f in found if f[2] == "residents"], found


def test_but_ing_phrase_is_no_second_object(nlp):
    text = "The toy maker posted a 12 percent rise in profit, exceeding forecasts but disappointing traders with its outlook."
    found = _facts(nlp, text)
    assert ("The toy maker", "exceed", "forecasts", None) in found
    assert not [f for f in found if f[2] and f[2].startswith("disappointing")], found
    assert not [f for f in found if f[1].startswith("exceed") and f[2] == "its outlook"], found


def test_negated_let_states_no_event(nlp):
    text = '"I\'m not going to let this be a quiet vote where the whole board approves this plan," she said.'
    assert not [f for f in _facts(nlp, text) if f[1].startswith("approve")]
    # without the negation, the permitted event stays (hedged)
    allowed = _facts(nlp, "The city will allow the new mall to open on Sundays.")
    assert [f for f in allowed if f[1] == "open on" and f[3] == "allow"], allowed


def test_ied_participle_lemma(nlp):
    found = _facts(nlp, "The new fossil had been misidentified in the museum's records.")
    assert [f for f in found if f[1].startswith("be misidentify")], found


def test_length_of_a_sentence_is_an_argument_not_a_time(nlp):
    text = "The judge rejected the request to send Moreno to prison and instead sentenced Moreno to two years of probation."
    found = _facts(nlp, text)
    assert [f for f in found if f[1] == "sentence to" and f[2] == "two years of probation"], found
    # a bare time after "to" stays the fact's time
    assert not [f for f in _facts(nlp, "The company grew in size by March.") if f[1].endswith(" by")]


def test_noun_after_for_is_no_verb(nlp):
    found = _facts(
        nlp, "The mayor surprised the board by calling for a five percent across the board cut to most programs."
    )
    assert not [f for f in found if f[1].startswith("cut")], found
    # "for X to V" is a clause
    assert [f for f in _facts(nlp, "The union pushed for the plant to reopen in May.") if f[1].startswith("reopen")]


def test_taxes_is_no_taxis(nlp):
    found = _facts(nlp, "The governor cut taxes by $2 billion.")
    assert [f for f in found if f[1] == "cut tax by"], found


def test_verb_after_a_broken_where_clause_keeps_no_main_subject(nlp):
    text = "A free clinic is set for 9 a.m. May 7 at Lake Park, where students and residents age 18 and older will be able to get the shot."
    found = _facts(nlp, text)
    assert [f for f in found if f[1] == "be set at"], found
    assert not [f for f in found if "clinic" in f[0] and f[1] in ("get", "be")], found
    # a verb joined to the main clause after a proper "where" clause keeps the main subject
    joined = _facts(nlp, "The team trained at Lake Park, where the fans watched, and then flew to Rome.")
    assert [f for f in joined if f[0] == "The team" and f[1] == "fly to"], joined


def test_adjective_said_of_the_object_stays_with_it(nlp):
    found = _facts(nlp, 'The union ripped the ruling, calling the sentence "deeply shameful."')
    calls = [f for f in found if f[1] == "call"]
    assert calls and all("shameful" in f[2] for f in calls), found
    assert [f for f in _facts(nlp, "The court found the law unconstitutional.") if f[2] == "the law unconstitutional"]


def test_infinitive_after_a_comma_is_no_part_of_the_relation(nlp):
    found = _facts(
        nlp, 'The bird was named Kala, which means "black wing" in the local language, to honor the island\'s people.'
    )
    assert [f for f in found if f[0] == "Kala" and f[1] == "mean"], found
    assert not [f for f in found if "honor" in f[1]], found
    # without the comma the infinitive stays in the relation ("halted plans to sue | the regulator")
    assert [f for f in _facts(nlp, "The firm halted plans to sue the regulator.") if "sue" in f[1]]


def test_number_after_a_noun_continues_the_phrase(nlp):
    found = _facts(nlp, "The new phones include a higher quality 8 megapixel camera in front.")
    objects = [f[2] for f in found if f[1] == "include"]
    assert objects and all("camera" in o for o in objects), found


def test_adjective_after_the_object_is_no_object(nlp):
    found = _facts(nlp, "Ruiz used powers unique to that office to help some of these firms.")
    assert not [f for f in found if f[2] and f[2].startswith("unique")], found


def test_participle_phrase_of_a_folded_infinitive_gives_no_fact(nlp):
    text = "Judge Lena Ortiz ignored the state's request to send Ruiz to prison following her conviction."
    found = _facts(nlp, text)
    assert [f for f in found if f[1] == "ignore request to send to" and f[2] == "prison"], found
    assert not [f for f in found if f[1].endswith("following")], found


def test_argument_that_names_nothing_gives_no_fact(nlp):
    found = _facts(nlp, "Several amendments took money from some projects and added it to others.")
    assert [f for f in found if f[1] == "take money from"], found
    assert not [f for f in found if f[2] == "others"], found


def test_past_belief_is_no_fact_of_the_article(nlp):
    found = _facts(nlp, "Most experts had assumed the fossil belonged to a bird.")
    assert [f for f in found if f[1] == "assume"], found
    assert not [f for f in found if f[1].startswith("belong")], found
    # a report stays a (reported) fact
    said = _facts(nlp, "She said the firm had paid the fine.")
    assert [f for f in said if f[1] == "pay"], said


def test_possessed_aim_is_not_done_by_the_noun(hand_doc):
    from graph.extractors.clause_shapes import possessed_aim

    # "My plan is to vote no." parsed with "vote" as an infinitive complement of "is"
    doc = hand_doc(
        """
        My PRON PRP$ poss 1 my
        plan NOUN NN nsubj 2 plan
        is AUX VBZ ROOT 2 be
        to PART TO aux 4 to
        vote VERB VB xcomp 2 vote
        no ADV RB dobj 4 no
        . PUNCT . punct 2 .
        """
    )
    assert possessed_aim(doc[4])
    plain = hand_doc(
        """
        The DET DT det 1 the
        plan NOUN NN nsubj 2 plan
        is AUX VBZ ROOT 2 be
        to PART TO aux 4 to
        vote VERB VB xcomp 2 vote
        . PUNCT . punct 2 .
        """
    )
    assert not possessed_aim(plain[4])
