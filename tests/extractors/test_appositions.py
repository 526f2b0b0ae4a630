"""Titles and appositions on hand-built parses."""

from __future__ import annotations

from graph.extractors import get_extractor

TITLE_OF_ORG = """
Chairman PROPN NNP nsubj 6 Chairman
of ADP IN prep 0 of
the DET DT det 5 the
Party PROPN NNP compound 5 Party
John PROPN NNP compound 5 John
Smith PROPN NNP pobj 1 Smith
spoke VERB VBD ROOT 6 speak
. PUNCT . punct 6 .
"""

APPOSITION = """
Smith PROPN NNP nsubj 5 Smith
, PUNCT , punct 0 ,
the DET DT det 3 the
mayor NOUN NN appos 0 mayor
, PUNCT , punct 0 ,
spoke VERB VBD ROOT 5 speak
. PUNCT . punct 5 .
"""


def test_title_before_a_name_is_a_fact_about_the_person(hand_doc):
    doc = hand_doc(TITLE_OF_ORG, ents=[(3, 4, "ORG"), (4, 6, "PERSON")])
    [extraction] = [e for e in get_extractor("appositions.v1")(doc, doc_id="t") if e.construction == "title"]
    assert extraction.subject.text == "John Smith"
    assert extraction.relation.text == "is Chairman of"
    assert extraction.object.text == "the Party"


def test_apposition_describes_the_name(hand_doc):
    doc = hand_doc(APPOSITION, ents=[(0, 1, "PERSON")])
    [extraction] = list(get_extractor("appositions.v1")(doc, doc_id="t"))
    assert (extraction.subject.text, extraction.relation.text, extraction.object.text) == ("Smith", "is", "the mayor")


def _appositions(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [
        (e.subject.text, e.object.text)
        for e in get_extractor("appositions.v1")(doc, doc_id="t")
        if e.construction in ("apposition", "place") and e.object is not None
    ]


def test_party_and_state_after_a_senator_are_no_apposition(nlp):
    found = _appositions(nlp, "Sen. Ray Tolland (D-Ore.) and Sen. Lisa Brandt (R-Utah) voted against the bill.")
    assert found == []


def test_a_bare_place_beside_a_titled_name_is_no_apposition(nlp):
    assert _appositions(nlp, "State Fire Director Ana Ruiz, Sonora, said the blaze was contained.") == []


def test_a_description_of_another_person_is_no_apposition(nlp):
    found = _appositions(nlp, "Judge Amy Cole, whose husband Tom Cole is a senator, recused herself.")
    assert not any("whose" in obj for _, obj in found)


def test_a_description_of_the_person_stays(nlp):
    assert ("Jenkins", "Nagin's attorney") in _appositions(nlp, "Jenkins, Nagin's attorney, spoke to reporters.")


def test_a_place_phrase_before_a_name_is_no_description(nlp):
    text = (
        "Addressing reporters outside the courtroom, prosecutor Tilda Marsh, who had sought a longer sentence,"
        " thanked residents who had come forward to help."
    )
    assert not any("courtroom" in obj or "courtroom" in subj for subj, obj in _appositions(nlp, text))


def test_a_list_of_titles_is_no_apposition(nlp):
    found = _appositions(
        nlp, "Ms. Novak served as chief nursing officer, senior vice president and quality officer of Arden Health."
    )
    assert found == []


def test_the_person_is_the_subject_when_a_title_comes_first(nlp):
    found = _appositions(nlp, "Canada's Prime Minister, Ellis Varga, named his trusted aide Omar Fell to the ministry.")
    assert all(subj != "Canada's Prime Minister" for subj, _ in found)


def test_party_and_state_in_brackets_are_no_gloss(nlp):
    from graph.syntax import find_glosses

    doc = nlp("A senior aide to Senate Majority Leader Carl Dunne (D-Nev.) said the vote would wait.")
    assert find_glosses(doc) == []


def test_a_name_inside_a_description_of_another_person_is_no_apposition(nlp):
    text = "Dario Fenn, the man Kowalski is accused of attacking, was charged with disorderly conduct."
    assert not any(subj == "Kowalski" for subj, _ in _appositions(nlp, text))


def test_a_persons_conjoined_titles_stay_a_description(nlp):
    found = _appositions(nlp, "Ruth Amsel, a director and former chairman of Orbis Telecom, has died.")
    assert any(subj == "Ruth Amsel" for subj, _ in found)


def test_a_title_before_the_name_is_not_part_of_the_described_person(nlp):
    found = _appositions(nlp, "Sen. Walter Brisk (D-Ore.), a member of the Banking Committee, spoke on Tuesday.")
    assert ("Walter Brisk", "a member of the Banking Committee") in found


def test_a_name_after_an_organisation_s_title_is_the_title_s_not_the_organisation_s(nlp):
    # the parser hangs the name on the organisation's first word ("Harrow in Focus"), not on the title
    text = "Harrow in Focus's co-chief executive, Paul K. Dessler, said the company had grown."
    found = _appositions(nlp, text)
    assert not any(subject.startswith("Harrow") or obj.startswith("Harrow") for subject, obj in found)
