"""What a view's page opens on: each node's importance, the overview of the most important named
entities in large views, their strongest edges, communities, and the page's node and edge data.
:mod:`.page` writes the HTML around it."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable
from typing import Any

import networkx as nx

from .layout import find_communities

#: views up to this many nodes show every node (each labelled); larger ones open on an overview


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


SMALL_VIEW = 50
#: the overview shows at most this many of the most important named entities
OVERVIEW_NODES = 200
#: classes that are not named entities: hidden at first in large views (one click shows them)
NON_NAMES = ("Concept", "TimeExpression", "Quantity")
LABEL_CHARS = 28


def importance(view: nx.MultiDiGraph) -> dict[Hashable, float]:
    """How important each node is to a reader: its mentions, the articles it is in (counted
    thrice: an entity across many articles matters more), its distinct neighbours and quotes."""
    undirected = view.to_undirected(as_view=True)
    return {
        node: float(data.get("mentions", 0))
        + 3.0 * len(data.get("documents", ()))
        + len(undirected[node])
        + len(data.get("quotes", ()))
        + 2.0 * len(data.get("roles", ()))
        for node, data in view.nodes(data=True)
    }


def overview_nodes(view: nx.MultiDiGraph, ranks: dict[Hashable, float]) -> list[Hashable]:
    """The nodes a page opens on: all of a small view; else the most important named entities
    (at most :data:`OVERVIEW_NODES`), topped up with other nodes if there are fewer than 20."""
    ordered = sorted(view.nodes, key=lambda n: (-ranks[n], str(view.nodes[n]["label"]), str(n)))
    if len(ordered) <= SMALL_VIEW:
        return ordered
    named = [n for n in ordered if view.nodes[n]["type"] not in NON_NAMES][:OVERVIEW_NODES]
    if len(named) < 20:
        named += [n for n in ordered if view.nodes[n]["type"] in NON_NAMES][: 20 - len(named)]
    return named


def page_data(
    view: nx.MultiDiGraph,
    shown: set[Hashable],
    ranks: dict[Hashable, float],
    positions: dict[Hashable, tuple[float, float]],
    community: dict[Hashable, int],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every node and edge of the view as structured data, no HTML (tooltips and the side
    panel are built from it in the browser); those with ``shown`` go into the vis DataSets at
    first, the others when a click or a search asks for them. Fields equal to their default are
    left out to keep large pages small."""
    top = max(ranks.values(), default=1.0) or 1.0
    order = sorted(view.nodes, key=lambda n: (-ranks[n], str(view.nodes[n]["label"]), str(n)))
    rank_of = {n: i for i, n in enumerate(order)}
    nodes = []
    for node in order:
        data = view.nodes[node]
        entry: dict[str, Any] = {
            "id": node,
            "label": shorten(data["label"], LABEL_CHARS),
            "fullLabel": data["label"],
            "group": data["type"],
            "size": node_radius(ranks[node], top),
            "facts": data["facts"],
            "rank": rank_of[node],
        }
        if data["aliases"]:
            entry["aliases"] = data["aliases"]
        if data.get("documents"):
            entry["documents"] = data["documents"]
        if data.get("roles"):
            entry["roles"] = data["roles"]
        if data.get("quotes"):
            entry["quotes"] = [list(q) for q in data["quotes"]]
        if data.get("mentions"):
            entry["mentions"] = data["mentions"]
        if node in community:
            entry["community"] = community[node]
        if data.get("focus"):
            entry["focus"] = True
            entry["borderWidth"] = 4
        if node in shown:
            entry["shown"] = 1
        if node in positions:  # whole pixels: vis-network reports positions rounded anyway
            entry["x"], entry["y"] = (round(c) for c in positions[node])
        nodes.append(entry)
    edges = []
    ordered = sorted(view.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    between: Counter[tuple[str, str]] = Counter()
    backbone = _backbone(view, shown)
    for number, (s, o, _key, data) in enumerate(ordered):
        pair = (str(min(str(s), str(o))), str(max(str(s), str(o))))
        parallel = between[pair]
        between[pair] += 1
        entry = {
            "id": f"e{number}",
            "from": s,
            "to": o,
            "relation": data["relation"],
            "phrase": data.get("phrase") or data["relation"],  # (left out below when it is the relation)
            "confidence": round(float(data["confidence"]), 3),
            "evidence": [[text, doc, date, round(float(conf), 3)] for text, doc, date, conf in data["evidence"]],
        }
        if entry["phrase"] == entry["relation"]:
            del entry["phrase"]
        if data["negated"]:
            entry["negated"] = True
        if data["modality"]:
            entry["modality"] = data["modality"]
        if data["negated"] or data["modality"]:
            entry["dashes"] = True
        if len(data["evidence"]) > 1:
            entry["width"] = min(3, 1 + len(data["evidence"]) // 4)
        if parallel:  # edges between the same two nodes bend apart, so their labels do not overlap
            clockwise = (parallel % 2 == 1) == (str(s) <= str(o))
            entry["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": round(0.25 * ((parallel + 1) // 2), 2),
            }
        if (s, o, _key) in backbone:
            entry["shown"] = 1
        edges.append(entry)
    return nodes, edges


#: an overview draws, for each node, its strongest edges until it has this many
BACKBONE_EDGES = 3


def _backbone(view: nx.MultiDiGraph, shown: set[Hashable]) -> set[tuple[Hashable, Hashable, Any]]:
    """The edges drawn at first: all of a small view's; in an overview, the strongest (most
    sentences, then most confident) edges of each node until it has :data:`BACKBONE_EDGES`, so
    that a dense corpus does not open on a hairball. The rest appear around a node one clicks."""
    candidates = [(s, o, k, d) for s, o, k, d in view.edges(keys=True, data=True) if s in shown and o in shown]
    if view.number_of_nodes() <= SMALL_VIEW:
        return {(s, o, k) for s, o, k, _ in candidates}
    candidates.sort(key=lambda e: (-len(e[3]["evidence"]), -float(e[3]["confidence"]), str(e[0]), str(e[1]), str(e[2])))
    count: Counter[Hashable] = Counter()
    kept = set()
    for s, o, k, _ in candidates:
        if count[s] < BACKBONE_EDGES or count[o] < BACKBONE_EDGES:
            kept.add((s, o, k))
            count[s] += 1
            count[o] += 1
    return kept


def node_radius(rank: float, top: float) -> float:
    return round(6 + 16 * math.sqrt(rank / top), 1)


def named_communities(
    view: nx.MultiDiGraph, shown: list[Hashable], ranks: dict[Hashable, float], seed: int
) -> tuple[list[list[Hashable]], list[dict[str, Any]]]:
    """Louvain communities of the shown nodes, each named after its top two entities."""
    groups = find_communities(view.subgraph(shown), seed=seed)
    described = []
    for number, members in enumerate(groups):
        best = sorted(members, key=lambda n: (-ranks[n], str(n)))
        described.append(
            {"id": number, "name": " · ".join(view.nodes[n]["label"] for n in best[:2]), "size": len(members)}
        )
    return groups, described
