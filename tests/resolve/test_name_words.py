"""The word rules of :mod:`graph.resolve.name_words` and the short forms of :mod:`graph.resolve.entities`
(the word checks on a parse use the session model)."""

from __future__ import annotations

from graph.resolve.entities import is_short_form
from graph.resolve.name_words import is_common_word_name, is_plural_short_form, plural_form_of


def test_a_direction_word_makes_another_place() -> None:
    assert not is_short_form("Africa", "South Africa", person=False)
    assert not is_short_form("York", "New York", person=False)
    assert is_short_form("Otan", "Nur Otan", person=False)  # other final words still are short forms


def test_plurals_of_a_party_and_of_a_product() -> None:
    assert is_plural_short_form(["liberals"], ["liberal", "party"])
    assert is_plural_short_form(["x5s"], ["velo", "x5"])
    assert plural_form_of("Greens", "Green Party")
    assert not plural_form_of("Smiths", "John Smith")  # a family, no product
    assert not plural_form_of("Parties", "Liberal Party")
    assert is_short_form("Liberals", "Liberal Party", person=False)


def test_words_that_are_no_names(nlp) -> None:
    doc = nlp("Mom and Dad called Radio and the PhD and First Lady and Lt. about Kestrel.")
    toks = list(doc)
    assert is_common_word_name(toks, 0, 3)  # Mom and Dad
    assert is_common_word_name(toks, 4, 5)  # Radio
    assert is_common_word_name(toks, 7, 8)  # PhD
    assert is_common_word_name(toks, 9, 11)  # First Lady
    assert not is_common_word_name(toks, len(toks) - 2, len(toks) - 1)  # Kestrel


def test_an_agency_in_capitals_is_no_title_abbreviation(nlp) -> None:
    toks = list(nlp("He lied to the SEC and to Sgt. Lee."))
    assert not is_common_word_name(toks, 4, 5)  # SEC
    assert is_common_word_name(toks, 7, 8)  # Sgt
