"""role_refine: words the parser gave a title before a name that belong to the name, the place or the
organisation (sentences written for these tests)."""

from __future__ import annotations

from graph.extractors import get_extractor
from graph.extractors.role_refine import chamber_of


def _roles(nlp, text: str) -> list[tuple[str, str, str | None]]:
    extractor = get_extractor("roles.v1")
    return [
        (e.subject.text, e.relation.text, None if e.object is None or e.object.kind == "ROLE" else e.object.text)
        for e in extractor(nlp(text), doc_id="t")
    ]


def test_a_national_title_of_the_us_sits_in_its_chamber():
    assert chamber_of("U.S.", "Representative") == "U.S. House of Representatives"
    assert chamber_of("U.S.", "senator") == "U.S. Senate"
    assert chamber_of("U.S.", "Ambassador") is None
    assert chamber_of("France", "senator") is None


def test_a_county_word_before_the_title_is_the_place_s(nlp):
    found = _roles(nlp, "Marlow County Prosecutor Dean Fisk called the sentence too lenient.")
    assert ("Dean Fisk", "Prosecutor", "Marlow County") in found


def test_an_abbreviated_rank_after_an_office_holder_s_possessive(nlp):
    found = _roles(nlp, "Two deputies were hurt on Friday, Dunmore County Sheriff's Lt. Carl Brenneman said.")
    assert ("Carl Brenneman", "Lieutenant", "Dunmore County Sheriff's Office") in found


def test_a_side_word_is_no_part_of_a_sport_position(nlp):
    found = _roles(nlp, "Harbour FC won, but rival defender Kofi Mensah was sent off.")
    assert [r for r in found if r[0] == "Kofi Mensah"] == [("Kofi Mensah", "defender", None)]


def test_a_council_member_belongs_to_the_council_the_article_names(nlp):
    text = "The Brenton City Council passed the budget. At the meeting, council member Ada Lowe voted no."
    assert ("Ada Lowe", "member", "Brenton City Council") in _roles(nlp, text)


def test_a_bare_council_member_without_a_named_council_keeps_the_title(nlp):
    found = _roles(nlp, "At the meeting, council member Ada Lowe voted no.")
    assert all(r[2] != "Brenton City Council" for r in found)


def test_a_name_hung_on_the_organisation_is_the_title_holder(nlp):
    found = _roles(nlp, "Harrow in Focus's co-chief executive, Paul K. Dessler, said the company had grown.")
    assert ("Paul K. Dessler", "co-chief executive", "Harrow in Focus") in found


def test_first_lady_is_a_title_even_inside_an_organisation_s_name(nlp):
    found = _roles(nlp, "Based on his will, First Lady Ines Renner and the family decided to stop care.")
    assert ("Ines Renner", "First Lady", None) in found


def test_a_title_conjoined_with_an_apposition_describes_the_person(nlp):
    found = _roles(nlp, "Tom Berg, a father of two and a teacher at Brookside School, died on Monday.")
    assert ("Tom Berg", "teacher", "Brookside School") in found


def test_a_capitalised_word_after_a_title_in_a_headline_is_no_name(nlp):
    assert _roles(nlp, "Ohio Governor Dead At 80") == []
    assert ("Tom Lee", "Mayor", None) in _roles(nlp, "Mayor Tom Lee Opens New Bridge")


def test_split_abbreviated_ranks_make_one_title(nlp):
    found = _roles(nlp, "Lt. Gov. Dana Whitcombe was serving as acting governor.")
    assert ("Dana Whitcombe", "Lieutenant Governor", None) in found


def test_a_shared_place_of_work_after_conjoined_descriptions(nlp):
    text = '"It is new," said Professor Alan Reyes, Mira Holt\'s supervisor and a researcher at the Harwick Museum.'
    assert ("Alan Reyes", "researcher", "Harwick Museum") in _roles(nlp, text)


def test_an_ordinal_before_a_name_is_no_title_fact(nlp):
    extractor = get_extractor("appositions.v1")
    found = [
        (e.subject.text, e.object.text) for e in extractor(nlp("First Lady Mara Quist visited a school."), doc_id="t")
    ]
    assert all(obj != "First" for _, obj in found)
