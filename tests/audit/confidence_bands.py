"""Precision by confidence band on a hand-judged audit run (the README's table).

    python tests/audit/confidence_bands.py ../audit/dev ../audit/dev/run-NAME

Joins ``RUN/facts.jsonl`` (``newsgraph extract`` output) with the batch's ``judgements.jsonl`` on
document, sentence, subject, predicate and object (the scorer's key; the latest verdict wins) and
prints a Markdown table: facts, correct, partly and wrong per confidence band, then the facts at
confidence >= 0.7 (what ``--min-confidence 0.7`` keeps): how many, their share of all judged
facts, and how many are correct. Plain Python, no project imports; facts without a verdict are
counted apart and left out of the bands.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

BANDS = [(0.0, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 1.01)]


def _key(item: dict) -> tuple:
    return (item["doc"], item["sentence"], item["subject"], item["predicate"], item["object"])


def verdicts(batch: Path) -> dict[tuple, str]:
    found: dict[tuple, str] = {}
    with (batch / "judgements.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                item = json.loads(line)
                found[_key(item)] = item["verdict"]
    return found


def bands(batch: Path, run: Path) -> tuple[list[tuple[str, dict[str, int]]], int]:
    judged = verdicts(batch)
    counts = [{"correct": 0, "partly": 0, "wrong": 0} for _ in BANDS]
    missing = 0
    with (run / "facts.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            fact = json.loads(line)
            verdict = judged.get(_key(fact))
            if verdict is None:
                missing += 1
                continue
            for index, (low, high) in enumerate(BANDS):
                if low <= fact["confidence"] < high:
                    counts[index][verdict] += 1
                    break
    names = [f"{low:.1f}–{min(high, 1.0):.1f}" for low, high in BANDS]
    return list(zip(names, counts, strict=True)), missing


def sure_band(rows: list[tuple[str, dict[str, int]]], low: float = 0.7) -> tuple[int, int, int]:
    """(facts at confidence >= ``low``, of them correct, judged facts in all)."""
    total = sum(sum(count.values()) for _, count in rows)
    kept = [count for (band_low, _), (_, count) in zip(BANDS, rows, strict=True) if band_low >= low]
    return sum(sum(c.values()) for c in kept), sum(c["correct"] for c in kept), total


def _cell(part: int, total: int) -> str:
    return f"{part} ({round(100 * part / total) if total else 0} %)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batch", type=Path, help="the audit batch (holds judgements.jsonl)")
    parser.add_argument("run", type=Path, help="the run folder (holds facts.jsonl)")
    args = parser.parse_args()
    rows, missing = bands(args.batch, args.run)
    print("| confidence | facts | correct | partly | wrong |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, count in rows:
        total = sum(count.values())
        cells = " | ".join(_cell(count[v], total) for v in ("correct", "partly", "wrong"))
        print(f"| {name} | {total} | {cells} |")
    kept, correct, total = sure_band(rows)
    print(
        f"\nat >= 0.7: {kept} of {total} facts ({round(100 * kept / total) if total else 0} %), "
        f"{_cell(correct, kept)} correct"
    )
    if missing:
        print(f"\n{missing} facts without a verdict (judge them first)")


if __name__ == "__main__":
    main()
