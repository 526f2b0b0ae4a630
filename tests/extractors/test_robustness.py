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


def test_a_bracketed_word_ending_a_quotation_is_no_crash(nlp):
    from graph.extractors import extract_document

    doc = nlp('The coach replied: "I can\'t give an answer on that [now]. We will see."')
    assert all(e.subject.text for e in extract_document(doc, "t"))


def test_a_failing_extractor_costs_only_its_own_facts(nlp, capsys):
    from graph.extractors import extractions_from, make_extractors

    class Broken:
        name = "broken.v1"

        def __call__(self, doc, *, doc_id, context=None):
            raise ValueError("empty phrase")
            yield  # pragma: no cover

    doc = nlp("Acme hired Jane Doe in May.")
    found = extractions_from([Broken(), *make_extractors()], doc, "t")
    assert found  # the other extractors' facts stay
    assert "broken.v1 extractor failed" in capsys.readouterr().err
