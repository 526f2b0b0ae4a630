"""Readable at every size: the first frame of a 1-article, a 10-article and a 1,000-article view
in Chromium. Counts and pixel sizes only (timings are the render benchmark's business):

- labelled nodes on screen: every node of a view up to 50 nodes, at least 20 above;
- labels drawn on top of each other: none;
- the smallest label on screen: 11 CSS pixels or more;
- nodes outside the window: none (the first frame fits the graph to it);
- the overview holds at most 200 nodes whatever the size of the graph.
"""

from __future__ import annotations

import pytest

from graph.outputs import write_text_atomic
from graph.view import render_html
from tests.benchmarks.render_benchmark import synthetic_network

from .measure import LABELS_JS


def _check(metrics: dict, *, all_labelled: bool, least: int = 20) -> None:
    assert metrics["overlaps"] == 0, metrics
    assert metrics["min_label_px"] >= 11, metrics
    assert metrics["outside"] == 0, metrics
    assert metrics["shown"] <= 200, metrics
    if all_labelled:
        assert metrics["labelled"] == metrics["shown"] == metrics["total"], metrics
    else:
        assert metrics["labelled"] >= least, metrics


@pytest.mark.parametrize("size", [(1280, 800), (900, 640)])
def test_the_sample_article_labels_every_node_without_overlaps(open_page, sample_page, size):
    loaded = open_page(sample_page, width=size[0], height=size[1])
    metrics = loaded.js(LABELS_JS)
    # a small window has room for fewer labels at a readable size: at least half of them
    _check(metrics, all_labelled=size[0] >= 1280, least=metrics["shown"] // 2)
    assert loaded.errors == [] and loaded.blocked == []


@pytest.mark.parametrize(("articles", "nodes", "edges"), [(10, 350, 700), (1000, 6000, 12000)])
def test_larger_corpora_open_on_a_labelled_overview(open_page, tmp_path, articles, nodes, edges):
    network = synthetic_network(nodes, edges, seed=articles)
    path = tmp_path / f"{articles}.html"
    write_text_atomic(path, render_html(network, title=f"{articles} articles"))
    loaded = open_page(path)
    metrics = loaded.js(LABELS_JS)
    _check(metrics, all_labelled=False)
    assert metrics["total"] == nodes
    # zooming in shows more labels, still none over another, still readable
    loaded.js("() => { network.moveTo({scale: network.getScale() * 2.5, animation: false}); }")
    loaded.page.wait_for_timeout(200)
    zoomed = loaded.js(LABELS_JS)
    assert zoomed["overlaps"] == 0 and zoomed["min_label_px"] >= 11
    loaded.js("() => { network.fit({animation: false}); }")
    assert loaded.errors == [] and loaded.blocked == []


def test_a_view_with_no_edges_and_one_with_one_node_are_labelled(open_page, tmp_path):
    import networkx as nx

    lonely = nx.MultiDiGraph()
    for i in range(30):
        lonely.add_node(f"n{i}", label=f"Entity number {i}", type="Person", aliases=[], documents=[], facts=0)
    one = nx.MultiDiGraph()
    one.add_node("x", label="Only One", type="Place", aliases=[], documents=[], facts=0)
    for name, network in (("lonely", lonely), ("one", one)):
        path = tmp_path / f"{name}.html"
        write_text_atomic(path, render_html(network))
        loaded = open_page(path)
        _check(loaded.js(LABELS_JS), all_labelled=True)
        assert loaded.errors == []
