"""Model loading and pre-tokenised parsing."""

from __future__ import annotations

import pytest

from graph.errors import ModelNotFoundError
from graph.nlp import DEFAULT_MODEL, available_models, load_model, parse_pretokenized


def test_missing_model_names_the_package_to_install():
    with pytest.raises(ModelNotFoundError) as error:
        load_model("en_core_web_trf")
    message = str(error.value)
    assert "\n" not in message
    assert "pip install" in message and "en_core_web_trf" in message


def test_default_model_is_installed_and_loads_only_needed_pipes(nlp):
    assert DEFAULT_MODEL in available_models()
    assert {"parser", "ner", "lemmatizer", "paragraph_boundaries"} <= set(nlp.pipe_names)


def test_paragraph_breaks_end_sentences(nlp):
    doc = nlp("The minister met the mayor\n\nThe party won the election.")
    assert [s.text.strip() for s in doc.sents] == ["The minister met the mayor", "The party won the election."]


def test_pretokenized_sentence_keeps_its_tokens(nlp):
    tokens = ["He", "said", "``", "yes", "''", "-LRB-", "twice", "-RRB-", "."]
    doc = parse_pretokenized(nlp, tokens)
    assert len(doc) == len(tokens)
    assert doc.user_data["original_tokens"] == tokens
    assert doc[2].text == '"' and doc[5].text == "("
