"""The numpy layout of large views: neighbours close, components apart, deterministic."""

from __future__ import annotations

import math

import networkx as nx

from graph.view import compute_layout

# ------------------------------------------------------------------------------ layout


def _distance(p: tuple[float, float], q: tuple[float, float]) -> float:
    return math.dist(p, q)


def test_layout_keeps_neighbours_close_and_is_deterministic():
    grid = nx.grid_2d_graph(20, 20)
    positions = compute_layout(grid)
    assert set(positions) == set(grid) and all(map(math.isfinite, (c for p in positions.values() for c in p)))
    edge_mean = sum(_distance(positions[a], positions[b]) for a, b in grid.edges()) / grid.number_of_edges()
    nodes = list(grid)
    pairs = [(nodes[i], nodes[(i * 7919 + 13) % len(nodes)]) for i in range(len(nodes))]
    pair_mean = sum(_distance(positions[a], positions[b]) for a, b in pairs) / len(pairs)
    assert edge_mean < 0.15 * pair_mean, (edge_mean, pair_mean)
    assert 100 < edge_mean < 160  # about edge_length=120
    # the 20 x 20 grid keeps its shape: opposite corners are the farthest apart
    corners = _distance(positions[(0, 0)], positions[(19, 19)])
    assert corners > 0.9 * max(_distance(positions[(0, 0)], p) for p in positions.values())
    assert compute_layout(grid) == positions


def test_layout_separates_components_and_clusters():
    network = nx.Graph()
    cliques = [[f"c{k}-{i}" for i in range(12)] for k in range(2)]
    for clique in cliques:
        network.add_edges_from((a, b) for i, a in enumerate(clique) for b in clique[i + 1 :])
    network.add_edge(cliques[0][0], cliques[1][0])
    ring = [f"r{i}" for i in range(80)]  # a second component, laid out with the mesh
    network.add_edges_from(zip(ring, ring[1:] + ring[:1]))
    network.add_edges_from([("p", "q"), ("x", "x")])  # a pair and a self-loop
    network.add_node("alone")
    positions = compute_layout(network)
    assert set(positions) == set(network)

    def spread(members):
        return max(_distance(positions[a], positions[b]) for a in members for b in members)

    between = min(_distance(positions[a], positions[b]) for a in cliques[0][1:] for b in cliques[1][1:])
    assert spread(cliques[0]) < between and spread(cliques[1]) < between
    components = [list(c) for c in nx.connected_components(network)]
    boxes = [
        (
            min(positions[n][0] for n in c),
            min(positions[n][1] for n in c),
            max(positions[n][0] for n in c),
            max(positions[n][1] for n in c),
        )
        for c in components
    ]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1], "components overlap"
    assert len({positions[n] for n in network}) == network.number_of_nodes()


def test_layout_of_tiny_and_multi_graphs():
    assert compute_layout(nx.MultiDiGraph()) == {}
    assert list(compute_layout(nx.path_graph(1))) == [0]
    multi = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("b", "a")])
    positions = compute_layout(multi)
    assert positions["a"] != positions["b"]


def test_communities_are_seeded_named_and_laid_out_apart():
    import json
    import re

    from graph.view import render_html
    from graph.view.layout import find_communities

    from .conftest import entity, fact

    network = nx.MultiDiGraph()
    for group in "ab":  # two cliques joined by one edge
        for i in range(8):
            network.add_node(f"{group}{i}", **entity(f"{group.upper()} person {i}"))
        for i in range(8):
            for j in range(i + 1, 8):
                fact(network, f"{group}{i}", "meet", f"{group}{j}", ("met", "a1", "", 0.9))
    fact(network, "a0", "meet", "b0", ("met", "a1", "", 0.9))
    found = find_communities(network, seed=7)
    assert found == find_communities(network, seed=7), "the same split every time"
    assert sorted(sorted(c) for c in found) == [[f"a{i}" for i in range(8)], [f"b{i}" for i in range(8)]]
    page = render_html(network)
    data = json.loads(re.search(r'<script type="application/json" id="ng-data">(.*?)</script>', page, re.S).group(1))
    assert [c["size"] for c in data["communities"]] == [8, 8]
    assert all(" \u00b7 " in c["name"] for c in data["communities"]), "named after their top two entities"
    nodes = json.loads(re.search(r'<script type="application/json" id="ng-nodes">(.*?)</script>', page, re.S).group(1))
    xs = {c: [n["x"] for n in nodes if n["id"].startswith(c)] for c in "ab"}
    ys = {c: [n["y"] for n in nodes if n["id"].startswith(c)] for c in "ab"}
    apart = (
        max(xs["a"]) < min(xs["b"])
        or max(xs["b"]) < min(xs["a"])
        or max(ys["a"]) < min(ys["b"])
        or max(ys["b"]) < min(ys["a"])
    )
    assert apart, "each community in its own region"
