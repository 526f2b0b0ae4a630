"""Party and nationality epithets: "the moderate Democrat", "the veteran Republican", "the Frenchman".

Of several people within reach, the one the article tied to a party of that name ("Democratic
Party"), or else the article's main person (the named person mentioned most, twice as often as any
other named one) when that person is the one last mentioned before the epithet ("Smith cut taxes.
The moderate Democrat won re-election"); all of them when neither decides.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .anaphora import Anaphora
    from .names import Cluster, NameTable

__all__ = ["last_before", "of_party"]


def last_before(cluster: Cluster, position: int) -> int:
    """The position of the cluster's last mention before ``position``, or -1."""
    at = bisect_left(cluster.tokens, position)
    return cluster.tokens[at - 1] if at else -1


def of_party(names: NameTable, anaphora: Anaphora, epithet: str, near: list[str], position: int) -> list[str]:
    """The people of ``near`` "the (moderate) Democrat" at ``position`` may be (see the module doc)."""
    stem = epithet[:7]  # "democrat" for "Democratic Party"
    clusters = names.clusters
    tied = []
    for key in near:
        party = anaphora.affiliation(key, position)
        cluster = clusters.get(party) if party is not None else None
        if cluster is not None and cluster.type == "PoliticalParty" and stem in cluster.label.lower():
            tied.append(key)
    if tied:
        return tied
    counts = sorted(((len(c.tokens), c.key) for c in clusters.values() if c.named and c.type == "Person"), reverse=True)
    main = counts[0][1] if counts and (len(counts) == 1 or counts[0][0] >= 2 * counts[1][0]) else None
    if main in near and max(near, key=lambda k: last_before(clusters[k], position)) == main:
        return [main]
    return near
