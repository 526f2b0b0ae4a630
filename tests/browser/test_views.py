"""Views in the browser: a large laid-out graph, a long list of sentences, a cut-down view."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.outputs import write_text_atomic
from graph.view import render_html, select_view
from tests.benchmarks.render_benchmark import synthetic_network

from .conftest import edge_point, physics_off


@pytest.fixture(scope="module")
def large_network() -> nx.MultiDiGraph:
    return synthetic_network(1500, 3000, seed=11)


def test_large_view_opens_on_an_overview_that_search_and_clicks_open_up(open_page, tmp_path, large_network):
    path = tmp_path / "large.html"
    view, notes = select_view(large_network, max_nodes=1200)
    write_text_atomic(path, render_html(view, notes=notes))
    loaded = open_page(path)
    on_screen, total = loaded.js("() => [nodes.length, ngAllNodes.length]")
    assert 20 <= on_screen <= 200 and total == 1200
    assert not loaded.page.is_checked("#ng-physics") and not loaded.page.is_checked("#ng-concepts")
    moved = loaded.js("""() => { var p = network.getPositions();
        return nodes.get().filter(n => Math.abs(p[n.id].x - n.x) > 1 || Math.abs(p[n.id].y - n.y) > 1).length; }""")
    assert moved == 0, "physics is off: nodes stay where the Python layout put them"
    assert (
        loaded.js("() => nodes.get().filter(n => ['Concept', 'TimeExpression', 'Quantity'].includes(n.group)).length")
        == 0
    )
    notes_text = loaded.page.text_content("#ng-notes")
    assert "showing the 1200 most connected of 1500 nodes; left out 300 nodes" in notes_text
    assert f"Overview: the {on_screen} most important entities of 1200" in notes_text
    assert loaded.js("() => edges.get().filter(e => e.label).length") == 0
    # an entity outside the overview: the search finds it, brings it in and labels its edges
    outside = loaded.js(
        "() => ngAllNodes.filter(n => !n.shown && !['Concept', 'TimeExpression', 'Quantity'].includes(n.group)).pop().id"
    )
    label = view.nodes[outside]["label"]
    loaded.page.fill("#ng-search", label)
    assert loaded.js("() => network.getSelectedNodes()") == [outside]
    assert loaded.js("(id) => !!nodes.get(id) && !!nodes.get(id).label", outside), "selected: labelled"
    labelled = loaded.js("() => edges.get().filter(e => e.label).map(e => e.id).sort()")
    assert labelled and set(labelled) <= set(loaded.js("(id) => network.getConnectedEdges(id)", outside)), (
        "edge labels around the selection, where they have room"
    )
    # a click opens the neighbourhood
    hub = loaded.js("() => nodes.get().sort((a, b) => a.rank - b.rank)[0].id")
    before = loaded.js("() => nodes.length")
    loaded.js(
        "(id) => { network.selectNodes([id]); network.body.emitter.emit('click', {nodes: [id], edges: [], pointer: {DOM: {x: 0, y: 0}}}); }",
        hub,
    )
    neighbours = set(nx.all_neighbors(view, hub))
    assert loaded.js("() => nodes.length") > before
    assert loaded.js("(ids) => ids.filter(id => nodes.get(id)).length", sorted(neighbours)) >= min(len(neighbours), 40)
    # concepts: one click
    loaded.page.click("#ng-concepts")
    assert loaded.js("() => nodes.get().filter(n => n.group === 'Concept').length") > 0
    loaded.page.screenshot(path=str(tmp_path / "large.png"))
    assert loaded.errors == [] and loaded.blocked == []


def test_a_long_list_of_sentences_stays_usable(open_page, tmp_path):
    network = nx.MultiDiGraph()
    for node, label in (("a", "Astana"), ("b", "Berlin")):
        network.add_node(node, label=label, type="Place", aliases=[], documents=["d0"], facts=130)
    evidence = [
        (
            f"Sentence number {i} says Astana is twinned with Berlin.",
            f"d{i % 7}",
            f"2024-01-{1 + i % 28:02d}",
            round(0.99 - i / 1000, 3),
        )
        for i in range(130)
    ]
    network.add_edge(
        "a",
        "b",
        key="k",
        predicate="https://w3id.org/newsgraph/relation/twin",
        relation="twin",
        negated=False,
        modality="",
        evidence=evidence,
        confidence=0.99,
    )
    network.graph["articles"] = {
        f"d{i}": {"title": f"Article {i}", "url": f"https://news.example/{i}", "date": ""} for i in range(7)
    }
    path = tmp_path / "long.html"
    write_text_atomic(path, render_html(network))
    loaded = open_page(path)
    physics_off(loaded)
    point = edge_point(loaded, "e0")
    loaded.page.mouse.move(point["x"], point["y"])
    assert "click the edge to read all 130" in loaded.page.text_content("#ng-tip")
    loaded.page.mouse.click(point["x"], point["y"])
    items = loaded.page.locator("#ng-details ol.ng-evidence li")
    assert items.count() == 50
    assert "Sentence number 0 says" in items.first.text_content() and "Article 0" in items.first.text_content()
    assert loaded.page.get_attribute("#ng-details ol.ng-evidence li a", "href") == "https://news.example/0"
    more = loaded.page.locator("#ng-details button.ng-more")
    assert more.text_content() == "show 50 more of 80"
    more.click()
    more.click()
    assert items.count() == 130 and not more.is_visible()
    loaded.page.fill("#ng-details input[type=search]", "number 12")
    assert items.all_text_contents() and all("number 12" in t for t in items.all_text_contents())
    assert items.count() == 1 + 10  # 12 and 120-129
    overflow = loaded.js(
        "() => { var d = document.getElementById('ng-details'); return [d.scrollHeight, d.clientHeight, innerHeight]; }"
    )
    assert overflow[1] <= overflow[2], "the panel fits the window and scrolls"
