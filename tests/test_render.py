"""The HTML network view without a browser: contents, escaping, self-containment, exports."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from graph.errors import NewsgraphError
from graph.render import network_from_rdf, render_html, select_view, write_network


def _data(page: str, name: str) -> list[dict]:
    match = re.search(name + r" = new vis\.DataSet\((.*?)\);\n", page, re.S)
    assert match, f"no {name} DataSet in the page"
    return json.loads(match.group(1))


def test_network_of_the_sample_has_the_card_facts(sample_dataset):
    network = network_from_rdf(sample_dataset)
    labels = {n: d["label"] for n, d in network.nodes(data=True)}
    edges = {(labels[s], d["relation"], labels[o]) for s, o, d in network.edges(data=True)}
    assert ("Nursultan Nazarbayev", "commission", "Maulen Ashimbayev") in edges
    assert ("Nur Otan Party", "implement", "Qutty Meken") in edges
    [commission] = [d for s, o, d in network.edges(data=True) if d["relation"] == "commission"]
    assert "commissioned First Deputy Chairman" in commission["evidence"][0][0]
    assert commission["evidence"][0][1] == "nur-otan-meeting"


def test_page_is_self_contained_and_has_nodes_edges_legend(sample_dataset):
    network = network_from_rdf(sample_dataset)
    page = render_html(network, title="t")
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", page), "the page must not load anything remotely"
    assert "vis.Network" in page and "Content-Security-Policy" in page
    nodes, edges = _data(page, "nodes"), _data(page, "edges")
    assert len(nodes) == network.number_of_nodes() and len(edges) == network.number_of_edges()
    commission = [e for e in edges if e["label"] == "commission"]
    assert commission and "commissioned First Deputy Chairman" in commission[0]["title"]
    assert 'id="ng-legend"' in page and 'id="ng-search"' in page and 'id="ng-physics"' in page


def test_hostile_strings_are_escaped():
    hostile = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
    network = nx.MultiDiGraph()
    network.add_node("a", label=hostile, type="Person", aliases=['"quoted" & <b>'], documents=["d</script>"], facts=1)
    network.add_node("b", label="javascript:alert(1)", type="Place", aliases=[], documents=[], facts=1)
    network.add_edge("a", "b", key="k", predicate="urn:p", relation="</script><script>alert(1)</script>", negated=False,
                     modality="", evidence=[(hostile, "doc", "2020-01-01", 0.5)], confidence=0.5)
    page = render_html(network, title=hostile)
    assert "<script>window.pwned" not in page
    assert "<img src=x" not in page
    assert "</script><script>alert" not in page
    assert "<title>&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
    nodes = _data(page, "nodes")
    assert {n["fullLabel"] for n in nodes} == {hostile, "javascript:alert(1)"}


def test_views(sample_dataset):
    network = network_from_rdf(sample_dataset)
    view, notes = select_view(network, focus="Ashimbayev", hops=1)
    labels = {d["label"] for _, d in view.nodes(data=True)}
    assert {"Maulen Ashimbayev", "Nursultan Nazarbayev", "Nur Otan Party"} <= labels
    assert view.number_of_nodes() < network.number_of_nodes()
    view, notes = select_view(network, max_nodes=3)
    assert view.number_of_nodes() == 3 and "left out" in notes.messages[-1]
    view, _ = select_view(network, classes=["Person"])
    assert {d["type"] for _, d in view.nodes(data=True)} == {"Person"}
    with pytest.raises(NewsgraphError, match="No entity named"):
        select_view(network, focus="Nobody Atall")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_exports(sample_dataset, tmp_path, fmt):
    path = write_network(sample_dataset, tmp_path / f"g.{fmt}", fmt)
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert back.number_of_nodes() == network_from_rdf(sample_dataset).number_of_nodes()
    some = next(iter(back.nodes(data=True)))[1]
    assert {"type", "degree"} <= set(some)
