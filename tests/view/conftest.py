"""A small hand-made network (five entities, three dated articles) and helpers to read the pages."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest


def page_data(page: str, name: str) -> list[dict]:
    """The JSON a page hands to a vis DataSet (``nodes`` or ``edges``)."""
    match = re.search(rf'<script type="application/json" id="ng-{name}">(.*?)</script>', page, re.S)
    assert match, f"no {name} data in the page"
    found = json.loads(match.group(1))
    if name == "edges":  # their ends travel as positions in the node list
        ids = [n["id"] for n in page_data(page, "nodes")]
        found = [{**e, "from": ids[e["from"]], "to": ids[e["to"]]} for e in found]
    return found


def triples(network: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    labels = {n: d["label"] for n, d in network.nodes(data=True)}
    return {(labels[s], d["relation"], labels[o]) for s, o, d in network.edges(data=True)}


def entity(
    label: str, kind: str = "Person", aliases: tuple[str, ...] = (), documents: tuple[str, ...] = ("a1",)
) -> dict:
    return {"label": label, "type": kind, "aliases": list(aliases), "documents": list(documents), "facts": 0}


def fact(
    network: nx.MultiDiGraph,
    s: str,
    relation: str,
    o: str,
    *evidence: tuple[str, str, str, float],
    negated: bool = False,
    modality: str = "",
) -> None:
    network.add_edge(
        s,
        o,
        key=f"rel:{relation}|{negated}|{modality}",
        predicate=f"https://w3id.org/newsgraph/relation/{relation}",
        relation=relation,
        negated=negated,
        modality=modality,
        evidence=list(evidence),
        confidence=max(e[3] for e in evidence),
    )
    for node in {s, o}:
        network.nodes[node]["facts"] += len(evidence)


@pytest.fixture()
def small_network() -> nx.MultiDiGraph:
    """Five entities, three articles with dates, one negated fact."""
    network = nx.MultiDiGraph()
    network.add_node("ada", **entity("Ada Lovelace", aliases=("Countess of Lovelace",), documents=("a1", "a2")))
    network.add_node("charles", **entity("Charles Babbage", documents=("a1", "a3")))
    network.add_node("society", **entity("Royal Society", "Organization", documents=("a2",)))
    network.add_node("london", **entity("London", "Place", documents=("a3",)))
    network.add_node("engine", **entity("analytical engine", "Concept", documents=("a1",)))
    fact(
        network,
        "ada",
        "meet",
        "charles",
        ("Ada met Charles.", "a1", "2023-05-02", 0.9),
        ("Ada Lovelace met Babbage again.", "a3", "2024-01-10", 0.7),
    )
    fact(network, "charles", "design", "engine", ("Babbage designed the engine.", "a1", "2023-05-02", 0.8))
    fact(network, "ada", "join", "society", ("Ada did not join the Society.", "a2", "2023-11-30", 0.6), negated=True)
    fact(network, "charles", "visit", "london", ("Babbage visited London.", "a3", "2024-01-10", 0.75))
    network.graph["articles"] = {
        "a1": {"title": "Engines", "url": "https://example.org/a1", "date": "2023-05-02"},
        "a2": {"title": "Societies", "url": "javascript:alert(1)", "date": "2023-11-30"},
        "a3": {"title": "", "url": "", "date": "2024-01-10"},
    }
    return network
