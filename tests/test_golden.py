"""Golden file: the facts extracted from the sample article, compared line by line.

The golden file changes only deliberately: after an intended change to the extractors or the
resolution, regenerate it with ``NEWSGRAPH_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``
and review the diff.
"""

from __future__ import annotations

import json
import os

from graph.pipeline import extract_articles

from .conftest import ROOT, SAMPLE_ARTICLES

GOLDEN = ROOT / "tests" / "golden" / "nur-otan-meeting.facts.jsonl"


def _current_lines(nlp) -> list[str]:
    lines = []
    for item in extract_articles([SAMPLE_ARTICLES]):
        labels = {e.key: e.label for e in item.article.entities}
        for fact in item.article.facts:
            lines.append(
                json.dumps(
                    {
                        "sentence": fact.provenance.sentence,
                        "subject": labels[fact.subject],
                        "predicate": fact.predicate,
                        "object": labels[fact.object] if fact.object else None,
                        "value": fact.value,
                        "negated": fact.negated,
                        "modality": fact.modality,
                        "hedge": fact.hedge,
                        "extractor": fact.provenance.extractor,
                        "start": fact.provenance.start,
                        "end": fact.provenance.end,
                        "confidence": fact.provenance.confidence,
                    },
                    ensure_ascii=False,
                    sort_keys=True,
                )
            )
    return lines


def test_sample_article_facts_match_the_golden_file(nlp):
    lines = _current_lines(nlp)
    if os.environ.get("NEWSGRAPH_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    missing = sorted(set(expected) - set(lines))
    extra = sorted(set(lines) - set(expected))
    assert not missing and not extra, f"missing: {missing[:3]}, unexpected: {extra[:3]} (see the module docstring)"
    assert len(lines) == len(expected)
