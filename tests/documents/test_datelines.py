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
