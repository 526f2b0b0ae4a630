"""B-cubed precision and recall of an entity clustering against expected clusters."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["ClusterScore", "b_cubed"]


@dataclass(frozen=True)
class ClusterScore:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def b_cubed(gold: Sequence[Sequence[Hashable]], predicted: Mapping[Hashable, Hashable]) -> ClusterScore:
    """B-cubed (Bagga and Baldwin, 1998) over the items of ``gold``.

    ``gold`` is a list of clusters of items; ``predicted`` maps each item to the id of the
    cluster the system put it in (an item the system missed is a singleton of its own).
    """
    items = [item for cluster in gold for item in cluster]
    gold_of = {item: index for index, cluster in enumerate(gold) for item in cluster}
    system = {item: predicted.get(item, ("missing", item)) for item in items}
    precision = recall = 0.0
    for item in items:
        same_system = {other for other in items if system[other] == system[item]}
        same_gold = {other for other in items if gold_of[other] == gold_of[item]}
        both = len(same_system & same_gold)
        precision += both / len(same_system)
        recall += both / len(same_gold)
    n = len(items) or 1
    return ClusterScore(precision / n, recall / n)
