"""Clause shapes of real news found on the dev2 audit (sentences of our own, parsed by the model)."""

from __future__ import annotations

from graph.extractors import extract_document
from graph.extractors.minimal import minimal_extractions


def _facts(nlp, text):
    doc = nlp(text)
    return [
        (m.subject.text, m.lemma, m.object.text if m.object else None, m.negated)
        for e in extract_document(doc, "t")
        for m in minimal_extractions(e, doc)
    ]


def test_not_only_but_adds_and_does_not_negate(nlp):
    found = _facts(nlp, "The firm not only raised prices but also cut jobs.")
    assert ("The firm", "raise", "prices", False) in found
    assert not [f for f in found if f[3]]
    plain = _facts(nlp, "The firm did not raise prices.")
    assert [f for f in plain if f[1] == "raise" and f[3]]
