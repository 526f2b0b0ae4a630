"""Odd sentences yield no facts or sensible ones, never an exception (uses the model)."""

from __future__ import annotations

import pytest

from graph.evaluate.carb_output import carb_lines
from graph.extractors import extract_document, make_extractors

ODD = {
    "very long": " ".join(["The minister met the mayor and the governor visited the factory"] * 60) + ".",
    "no verb": "A quiet morning in the capital, with snow.",
    "punctuation": "!!! ... ??? --- ;;; ((( )))",
    "other script": "Президент Казахстана провёл встречу с депутатами. 哈萨克斯坦总统会见了代表。",
    "numbers": "2019 2020 2021 42 % 3.14",
    "one word": "Hello",
    "unbalanced": 'He said ( that " the party ( won',
}


@pytest.mark.parametrize("name", ODD)
def test_odd_text_never_raises(nlp, name):
    doc = nlp(ODD[name])
    extractions = extract_document(doc, "odd", make_extractors())
    for extraction in extractions:
        assert 0.0 < extraction.confidence < 1.0
        assert doc.text[extraction.subject.start : extraction.subject.end]
    if name in ("punctuation", "numbers", "one word"):
        assert extractions == []


def test_very_long_sentence_is_read(nlp):
    doc = nlp(ODD["very long"])
    assert len(doc) > 500
    assert extract_document(doc, "long", make_extractors())


def test_carb_lines_keep_the_sentence_exactly():
    sentence = "Barbara 's brother , who lives in Paris , met the mayor ."
    lines = list(carb_lines([sentence, "", "!!! ???"]))
    assert lines and all(line.split("\t")[0] == sentence for line in lines)
    assert all(len(line.split("\t")) >= 5 for line in lines)
