"""B-cubed precision/recall of entity resolution on tests/resolve/entity_cases.json.

    python tests/benchmarks/entity_clusters.py

Prints, per case and over all cases, the score of newsgraph's resolution (no gazetteer) next to
a baseline that merges only identical names (after case/punctuation normalisation).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.resolve.scoring import b_cubed  # noqa: E402
from tests.resolve.test_entity_cases import CASES, _item, resolve_case  # noqa: E402


def overall(*, show: bool = False):
    """(newsgraph, baseline) B-cubed over all cases; with ``show``, print the README table."""
    all_gold, all_ours, all_base = [], {}, {}
    if show:
        print("| case | items | newsgraph P | R | exact-name baseline P | R |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for number, case in enumerate(CASES):
        predicted, _, _ = resolve_case(case)
        gold = [[_item(i) for i in cluster] for cluster in case["clusters"]]
        baseline = {item: item.split(":", 1)[1] for cluster in gold for item in cluster}
        ours, base = b_cubed(gold, predicted), b_cubed(gold, baseline)
        items = sum(len(c) for c in gold)
        if show:
            print(
                f"| {case['name']}{' (' + case['note'] + ')' if 'note' in case else ''} | {items} | {ours.precision:.2f} | {ours.recall:.2f} | {base.precision:.2f} | {base.recall:.2f} |"
            )
        all_gold.extend([[f"{number}/{i}" for i in cluster] for cluster in gold])
        all_ours.update({f"{number}/{k}": f"{number}/{v}" for k, v in predicted.items()})
        all_base.update({f"{number}/{k}": f"{number}/{v}" for k, v in baseline.items()})
    ours, base = b_cubed(all_gold, all_ours), b_cubed(all_gold, all_base)
    if show:
        items = sum(len(c) for c in all_gold)
        print(
            f"| **all {len(CASES)} cases** | {items} | **{ours.precision:.3f}** | **{ours.recall:.3f}** | "
            f"{base.precision:.3f} | {base.recall:.3f} |"
        )
    return ours, base


def main() -> None:
    overall(show=True)


if __name__ == "__main__":
    main()
