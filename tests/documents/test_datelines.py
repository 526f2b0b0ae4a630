"""Datelines: parsed into place and news agency, and kept out of the text."""

from __future__ import annotations

import pytest

from graph.documents import normalize_text, parse_dateline

from ..conftest import SAMPLE_ID


def test_sample_article_dateline_is_parsed_and_kept_out_of_the_text(sample_document):
    assert sample_document.id == SAMPLE_ID
    assert sample_document.place == "Nur-Sultan"
    assert sample_document.source == "Kazinform"
    assert sample_document.text.startswith("Chairman of Nur Otan Party Nursultan Nazarbayev held a meeting")
    assert "KAZINFORM" not in sample_document.text


@pytest.mark.parametrize(
    "text, place, source",
    [
        ("LONDON (Reuters) - The bank said", "London", "Reuters"),
        ("WASHINGTON, Dec 3 (AP) \u2014 Officials said", "Washington", "AP"),
        ("MOSCOW, March 5. /TASS/. Russia said", "Moscow", "TASS"),
        ("ASTANA. KAZINFORM - The President said", "Astana", "Kazinform"),
    ],
)
def test_datelines(text, place, source):
    dateline = parse_dateline(text)
    assert dateline is not None and (dateline.place, dateline.source) == (place, source)
    assert text[dateline.end :][0].isupper()


@pytest.mark.parametrize("text", ["The President said", "NATO said on Monday", "UN - The body met"])
def test_ordinary_first_words_are_not_datelines(text):
    assert parse_dateline(text) is None


def test_normalize_text_joins_wrapped_lines_and_keeps_paragraphs():
    assert (
        normalize_text("One  line\nwrapped.\r\n\r\n\n  Second\tparagraph. ") == "One line wrapped.\n\nSecond paragraph."
    )


@pytest.mark.parametrize(
    "text, place, source",
    [
        ("PORTLAND, Oregon (Reuters/AP) - The mill said", "Portland, Oregon", "Reuters/AP"),
        ("SALEM, Ore. (AP) - The council met", "Salem, Ore.", "AP"),
    ],
)
def test_datelines_with_a_state_and_two_agencies(text, place, source):
    dateline = parse_dateline(text)
    assert dateline is not None and (dateline.place, dateline.source) == (place, source)


def test_a_dateline_after_the_headline_is_taken_off_and_offsets_stay():
    from graph.documents import document_from_text

    text = "Mill closes after fire\n\nPORTLAND \u2014 The mill closed on Monday after a fire."
    document = document_from_text("mill", text)
    assert (document.place, document.source) == ("Portland", None)
    assert "PORTLAND" not in document.text
    assert document.text.index("The mill closed") == text.index("The mill closed")


def test_a_byline_is_no_part_of_the_story():
    from graph.documents import document_from_text

    document = document_from_text(
        "mill", "Mill closes\n\nBy Dana Whitfield, Staff Writer\n\nThe mill closed on Monday."
    )
    assert "Whitfield" not in document.text
    kept = document_from_text("x", "By the river the mill closed on Monday, workers said.\n\nIt had run for years.")
    assert kept.text.startswith("By the river")


def test_a_place_and_colon_opening_an_early_paragraph_is_a_dateline():
    from graph.documents import document_from_text

    text = "Rovers win at last\n\nNew Harbor: A late goal by Ann Lee helped Rovers beat City on Saturday."
    document = document_from_text("a", text)
    assert document.place == "New Harbor"
    assert len(document.text) == len(text)  # blanked, so offsets stay those of the text read
    assert document.text.split("\n\n")[1].strip().startswith("A late goal")
    labelled = document_from_text("b", "Update: The council met on Monday.\n\nIt approved the plan.")
    assert labelled.place is None and labelled.text.strip().startswith("The council")
    said = document_from_text("c", "The mayor said: Yes, we will build it.")
    assert said.text == "The mayor said: Yes, we will build it."
