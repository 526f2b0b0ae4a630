"""tests/audit/confidence_bands.py on a tiny made-up batch: verdicts joined by key, latest wins."""

from __future__ import annotations

import json
from pathlib import Path

from confidence_bands import bands, sure_band


def _fact(sentence: int, obj: str, confidence: float, verdict: str | None = None) -> dict:
    item = {"doc": "d", "sentence": sentence, "subject": "Mara Quist", "predicate": "sign", "object": obj}
    item["confidence"] = confidence
    if verdict:
        item["verdict"] = verdict
    return item


def test_bands_count_verdicts_per_band_and_the_sure_band(tmp_path: Path):
    judged = [_fact(0, "accord", 0, "wrong"), _fact(0, "accord", 0, "correct"), _fact(1, "pact", 0, "partly")]
    judged.append(_fact(2, "deal", 0, "correct"))
    (tmp_path / "judgements.jsonl").write_text("\n".join(json.dumps(j) for j in judged) + "\n", encoding="utf-8")
    run = tmp_path / "run"
    run.mkdir()
    facts = [_fact(0, "accord", 0.85), _fact(1, "pact", 0.72), _fact(2, "deal", 0.3), _fact(3, "treaty", 0.9)]
    (run / "facts.jsonl").write_text("\n".join(json.dumps(f) for f in facts) + "\n", encoding="utf-8")
    rows, missing = bands(tmp_path, run)
    assert missing == 1  # the treaty fact has no verdict
    by_band = dict(rows)
    assert by_band["0.8–1.0"] == {"correct": 1, "partly": 0, "wrong": 0}  # the later verdict wins
    assert by_band["0.7–0.8"] == {"correct": 0, "partly": 1, "wrong": 0}
    assert by_band["0.0–0.4"] == {"correct": 1, "partly": 0, "wrong": 0}
    assert sure_band(rows) == (2, 1, 3)
