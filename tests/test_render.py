"""The network view without a browser: projection, views, layout, page contents and escaping,
self-containment, GraphML/GEXF export, the render/export commands. The same pages are driven
in a real Chromium by tests/browser/."""

from __future__ import annotations

import base64
import hashlib
import importlib
import json
import math
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.errors import NewsgraphError

from .conftest import SAMPLE_ID

render = importlib.import_module("graph.render")  # the module (graph.render is also a function)


def page_data(page: str, name: str) -> list[dict]:
    """The JSON a page hands to a vis DataSet (``nodes`` or ``edges``)."""
    match = re.search(rf'<script type="application/json" id="ng-{name}">(.*?)</script>', page, re.S)
    assert match, f"no {name} data in the page"
    return json.loads(match.group(1))


def triples(network: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    labels = {n: d["label"] for n, d in network.nodes(data=True)}
    return {(labels[s], d["relation"], labels[o]) for s, o, d in network.edges(data=True)}


def entity(label: str, kind: str = "Person", aliases: tuple[str, ...] = (), documents: tuple[str, ...] = ("a1",)) -> dict:
    return {"label": label, "type": kind, "aliases": list(aliases), "documents": list(documents), "facts": 0}


def fact(network: nx.MultiDiGraph, s: str, relation: str, o: str, *evidence: tuple[str, str, str, float],
         negated: bool = False, modality: str = "") -> None:
    network.add_edge(s, o, key=f"rel:{relation}|{negated}|{modality}", predicate=f"https://w3id.org/newsgraph/relation/{relation}",
                     relation=relation, negated=negated, modality=modality, evidence=list(evidence),
                     confidence=max(e[3] for e in evidence))
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
    fact(network, "ada", "meet", "charles", ("Ada met Charles.", "a1", "2023-05-02", 0.9),
         ("Ada Lovelace met Babbage again.", "a3", "2024-01-10", 0.7))
    fact(network, "charles", "design", "engine", ("Babbage designed the engine.", "a1", "2023-05-02", 0.8))
    fact(network, "ada", "join", "society", ("Ada did not join the Society.", "a2", "2023-11-30", 0.6), negated=True)
    fact(network, "charles", "visit", "london", ("Babbage visited London.", "a3", "2024-01-10", 0.75))
    network.graph["articles"] = {
        "a1": {"title": "Engines", "url": "https://example.org/a1", "date": "2023-05-02"},
        "a2": {"title": "Societies", "url": "javascript:alert(1)", "date": "2023-11-30"},
        "a3": {"title": "", "url": "", "date": "2024-01-10"},
    }
    return network


# ------------------------------------------------------------------------------ projection

def test_network_of_the_sample_has_the_card_facts(sample_dataset):
    network = render.network_from_rdf(sample_dataset)
    assert ("Nursultan Nazarbayev", "commission", "Maulen Ashimbayev") in triples(network)
    assert ("Nur Otan Party", "implement", "Qutty Meken") in triples(network)
    [commission] = [d for _, _, d in network.edges(data=True) if d["relation"] == "commission"]
    text, doc_id, _date, confidence = commission["evidence"][0]
    assert "commissioned First Deputy Chairman" in text and doc_id == SAMPLE_ID and 0 < confidence <= 1
    assert SAMPLE_ID in network.graph["articles"]
    bakytty = next(d for _, d in network.nodes(data=True) if d["label"] == "Bakytty Otbasy")
    assert "Happy Family" in bakytty["aliases"] and bakytty["type"] == "Programme"


# ------------------------------------------------------------------------------ views

def test_focus_matches_labels_and_aliases_with_hops(small_network):
    view, notes = render.select_view(small_network, focus="countess of lovelace", hops=1)
    assert set(view) == {"ada", "charles", "society"} and view.nodes["ada"].get("focus")
    assert "1 hop around Ada Lovelace" in notes.messages[-1]
    view, _ = render.select_view(small_network, focus="Ada Lovelace", hops=2)
    assert set(view) == set(small_network)
    view, _ = render.select_view(small_network, focus="ada lovelace", hops=0)
    assert set(view) == {"ada"}
    view, _ = render.select_view(small_network, focus="Babb")  # no exact name: contained in a label
    assert "charles" in view
    with pytest.raises(NewsgraphError, match="No entity named 'Nobody'"):
        render.select_view(small_network, focus="Nobody")
    assert "focus" not in small_network.nodes["ada"], "views must not change the network"


def test_article_view_and_unknown_article(small_network):
    view, notes = render.select_view(small_network, article="a3")
    assert triples(view) == {("Ada Lovelace", "meet", "Charles Babbage"), ("Charles Babbage", "visit", "London")}
    [meet] = [d for _, _, d in view.edges(data=True) if d["relation"] == "meet"]
    assert [e[1] for e in meet["evidence"]] == ["a3"] and meet["confidence"] == 0.7
    assert notes.messages == ("article a3",)
    assert len(small_network.edges["ada", "charles", "rel:meet|False|"]["evidence"]) == 2
    with pytest.raises(NewsgraphError, match="No article 'a9'.*a1, a2, a3"):
        render.select_view(small_network, article="a9")


def test_class_relation_and_concept_filters(small_network):
    view, notes = render.select_view(small_network, classes=["person", "PLACE"])
    assert {d["type"] for _, d in view.nodes(data=True)} == {"Person", "Place"}
    assert notes.messages == ("classes: Person, Place",)
    with pytest.raises(NewsgraphError, match="Unknown class 'Persn'. Available: .*Person"):
        render.select_view(small_network, classes=["Persn"])
    view, _ = render.select_view(small_network, relations=["meet", "VISIT"])
    assert {d["relation"] for _, _, d in view.edges(data=True)} == {"meet", "visit"}
    assert "engine" not in view
    with pytest.raises(NewsgraphError, match="No relation 'marry'.*design, join, meet, visit"):
        render.select_view(small_network, relations=["marry"])
    view, _ = render.select_view(small_network, include_concepts=False)
    assert "engine" not in view and "london" in view


def test_date_ranges(small_network):
    view, notes = render.select_view(small_network, since="2024")
    assert triples(view) == {("Ada Lovelace", "meet", "Charles Babbage"), ("Charles Babbage", "visit", "London")}
    assert "undated facts left out" in notes.messages[0]
    view, _ = render.select_view(small_network, until="2023-05")
    assert triples(view) == {("Ada Lovelace", "meet", "Charles Babbage"), ("Charles Babbage", "design", "analytical engine")}
    view, _ = render.select_view(small_network, since="2023-06-01", until="2023-12-31")
    assert triples(view) == {("Ada Lovelace", "join", "Royal Society")}
    view, notes = render.select_view(small_network, since="2025")
    assert view.number_of_nodes() == 0 and notes.messages[-1] == "nothing matches this view"
    with pytest.raises(NewsgraphError, match="not a date"):
        render.select_view(small_network, since="last week")
    with pytest.raises(NewsgraphError, match="is after"):
        render.select_view(small_network, since="2024-02", until="2024-01-31")


def test_max_nodes_keeps_the_most_connected_and_the_focus_and_says_what_was_left_out(small_network):
    view, notes = render.select_view(small_network, max_nodes=2)
    assert set(view) == {"ada", "charles"}
    assert notes.shown_nodes == 2 and notes.total_nodes == 5
    assert notes.messages[-1] == ("showing the 2 most connected of 5 nodes; left out 3 nodes "
                                  "(Concept 1, Organization 1, Place 1) and 3 edges")
    view, _ = render.select_view(small_network, focus="London", hops=2, max_nodes=2)
    assert set(view) == {"london", "charles"}
    with pytest.raises(NewsgraphError, match="max_nodes"):
        render.select_view(small_network, max_nodes=0)


# ------------------------------------------------------------------------------ layout

def _distance(p: tuple[float, float], q: tuple[float, float]) -> float:
    return math.dist(p, q)


def test_layout_keeps_neighbours_close_and_is_deterministic():
    grid = nx.grid_2d_graph(20, 20)
    positions = render.compute_layout(grid)
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
    assert render.compute_layout(grid) == positions


def test_layout_separates_components_and_clusters():
    network = nx.Graph()
    cliques = [[f"c{k}-{i}" for i in range(12)] for k in range(2)]
    for clique in cliques:
        network.add_edges_from((a, b) for i, a in enumerate(clique) for b in clique[i + 1:])
    network.add_edge(cliques[0][0], cliques[1][0])
    ring = [f"r{i}" for i in range(80)]  # a second component, laid out with the mesh
    network.add_edges_from(zip(ring, ring[1:] + ring[:1]))
    network.add_edges_from([("p", "q"), ("x", "x")])  # a pair and a self-loop
    network.add_node("alone")
    positions = render.compute_layout(network)
    assert set(positions) == set(network)

    def spread(members):
        return max(_distance(positions[a], positions[b]) for a in members for b in members)

    between = min(_distance(positions[a], positions[b]) for a in cliques[0][1:] for b in cliques[1][1:])
    assert spread(cliques[0]) < between and spread(cliques[1]) < between
    components = [list(c) for c in nx.connected_components(network)]
    boxes = [(min(positions[n][0] for n in c), min(positions[n][1] for n in c),
              max(positions[n][0] for n in c), max(positions[n][1] for n in c)) for c in components]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1], "components overlap"
    assert len({positions[n] for n in network}) == network.number_of_nodes()


def test_layout_of_tiny_and_multi_graphs():
    assert render.compute_layout(nx.MultiDiGraph()) == {}
    assert list(render.compute_layout(nx.path_graph(1))) == [0]
    multi = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("b", "a")])
    positions = render.compute_layout(multi)
    assert positions["a"] != positions["b"]


# ------------------------------------------------------------------------------ the page

def test_sample_page_is_self_contained_with_data_legend_search_and_toggle(sample_dataset):
    network = render.network_from_rdf(sample_dataset)
    page = render.render_html(network, title="t")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page), "the page must not load anything remotely"
    assert "@import" not in page and "<link" not in page and "<iframe" not in page
    assert "cdnjs" not in page and "jsdelivr" not in page and "bootstrap" not in page.lower()
    assert "tom-select" not in page.lower() and "tomselect" not in page.lower()
    assert "vis.Network" in page
    nodes, edges = page_data(page, "nodes"), page_data(page, "edges")
    assert len(nodes) == network.number_of_nodes() and len(edges) == network.number_of_edges()
    by_id = {n["id"]: n for n in nodes}
    shown = {(by_id[e["from"]]["fullLabel"], e["label"], by_id[e["to"]]["fullLabel"]) for e in edges}
    assert shown == triples(network)
    commission = next(e for e in edges if e["relation"] == "commission")
    assert "commissioned First Deputy Chairman" in commission["evidence"][0][0]
    assert commission["evidence"][0][1] == SAMPLE_ID
    degrees = dict(network.degree())
    biggest = max(nodes, key=lambda n: n["size"])
    assert degrees[biggest["id"]] == max(degrees.values())
    assert {n["color"] for n in nodes if n["group"] == "Person"} == {render.CLASS_COLOURS["Person"]}
    for element in ('id="ng-legend"', 'id="ng-search"', 'id="ng-physics" type="checkbox" checked', 'id="ng-details"',
                    'id="ng-tip"'):
        assert element in page
    assert not any("x" in n for n in nodes), "small views are laid out by vis-network's physics"


def test_every_script_that_runs_is_allowed_by_hash_and_nothing_else():
    network = nx.MultiDiGraph()
    network.add_node("a", **entity("A"))
    page = render.render_html(network)
    [policy] = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["default-src"] == "'none'" and directives["base-uri"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in directives["script-src"]
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    runnable = [body for attributes, body in scripts if "application/json" not in attributes]
    assert len(runnable) >= 3
    allowed = set(re.findall(r"'sha256-([^']+)'", directives["script-src"]))
    assert {base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() for b in runnable} == allowed
    assert all(not attributes.strip() or attributes.strip() in ('type="text/javascript"',)
               or "application/json" in attributes for attributes, _ in scripts)


def test_hostile_strings_are_escaped_for_each_context():
    hostile = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> \u2028 \' & </title>'
    network = nx.MultiDiGraph()
    network.add_node("a", **entity(hostile, aliases=('"quoted" & <b>', "x href=y"), documents=("d</script>",)))
    network.add_node("b", **entity("javascript:alert(1)", "Place"))
    network.add_node("c", **entity('<a href="javascript:window.pwned=3">link</a>', "Organization"))
    fact(network, "a", "</script><script>alert(1)</script>", "b", (hostile, "d</script>", "2020-01-01", 0.5))
    fact(network, "c", "meet", "a", ("He said <!-- and --> and ]]>", "d2", "", 0.4))
    network.graph["articles"] = {"d</script>": {"title": hostile, "url": "javascript:window.pwned=4", "date": ""},
                                 "d2": {"title": "t", "url": " https://example.org/x?a=<b>&c='d' ", "date": ""}}
    notes = render.ViewNotes(1, 1, 1, 1, messages=(f"3 hops around {hostile}",))
    page = render.render_html(network, title=hostile, notes=notes)
    for raw in ("<script>window.pwned", "<img src=x", "</script><script>alert", '"quoted" & <b>', "<!-- and",
                '<a href="javascript'):
        assert raw not in page
    data_scripts = "".join(re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S))
    assert "\u2028" not in data_scripts and "\\u2028" in data_scripts  # a line break to a JavaScript parser
    assert "popup.innerHTML" not in page, "pyvis' HTML tooltips must stay off (a title contains 'href')"
    assert f"<title>{'&lt;script&gt;window.pwned=1&lt;/script&gt;'}" in page
    assert "<div>3 hops around &lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;" in page
    nodes, edges = page_data(page, "nodes"), page_data(page, "edges")
    assert {n["fullLabel"] for n in nodes} == {hostile, "javascript:alert(1)", '<a href="javascript:window.pwned=3">link</a>'}
    assert edges[0]["evidence"][0][0] == hostile or edges[1]["evidence"][0][0] == hostile
    data = json.loads(re.search(r'<script type="application/json" id="ng-data">(.*?)</script>', page, re.S).group(1))
    assert data["articles"]["d</script>"] == {"title": hostile, "url": "", "date": ""}, "javascript: URLs are dropped"
    assert data["articles"]["d2"]["url"] == "https://example.org/x?a=<b>&c='d'"


def test_large_views_are_laid_out_in_python_with_physics_off():
    network = nx.MultiDiGraph()
    size = render.LAYOUT_THRESHOLD + 50
    for i in range(size):
        network.add_node(f"n{i}", **entity(f"Entity {i}", "Concept"))
    for i in range(1, size):
        fact(network, f"n{i}", "follow", f"n{(i - 1) // 2}", (f"{i} follows.", "a", "", 0.5))
    page = render.render_html(network)
    nodes, edges = page_data(page, "nodes"), page_data(page, "edges")
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)
    assert not any("label" in e for e in edges), "large views label the edges of the selection only"
    options = json.loads(re.search(r"var options = (\{.*?\});\n", page).group(1))
    assert options["physics"]["enabled"] is False and options["interaction"]["hideEdgesOnDrag"] is True
    assert 'id="ng-physics" type="checkbox">' in page
    assert "Laid out in advance" in page
    assert render.render_html(network, physics=True).count('id="ng-physics" type="checkbox" checked') == 1


def test_render_graph_writes_the_page_atomically_and_returns_notes(sample_dataset, tmp_path):
    target = tmp_path / "views" / "focus.html"
    notes = render.render_graph(sample_dataset, target, focus="Ashimbayev", hops=1, title="Ashimbayev")
    assert target.is_file() and [p.name for p in target.parent.iterdir()] == ["focus.html"]
    nodes = page_data(target.read_text(encoding="utf-8"), "nodes")
    assert {n["fullLabel"] for n in nodes} >= {"Maulen Ashimbayev", "Nursultan Nazarbayev", "Nur Otan Party"}
    assert [n["fullLabel"] for n in nodes if n.get("focus")] == ["Maulen Ashimbayev"]
    assert notes.shown_nodes == len(nodes) < notes.total_nodes


# ------------------------------------------------------------------------------ exports

@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_exports_carry_type_degree_and_relation_labels(sample_dataset, tmp_path, fmt):
    network = render.network_from_rdf(sample_dataset)
    path = render.write_network(sample_dataset, tmp_path / f"g.{fmt}", fmt)
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert back.number_of_nodes() == network.number_of_nodes()
    assert back.number_of_edges() == network.number_of_edges()
    nazarbayev = next(n for n, d in network.nodes(data=True) if d["label"] == "Nursultan Nazarbayev")
    data = back.nodes[nazarbayev]
    assert data["type"] == "Person" and int(data["degree"]) == network.degree(nazarbayev)
    assert data["label"] == "Nursultan Nazarbayev"
    relations = {(back.nodes[s]["label"], d["relation"], back.nodes[o]["label"]) for s, o, d in back.edges(data=True)}
    assert relations == triples(network)
    some = next(d for _, _, d in back.edges(data=True) if d["relation"] == "commission")
    assert some["label"] == "commission" and float(some["weight"]) == 1 and 0 < float(some["confidence"]) <= 1


def test_graphml_edge_ids_are_unique(sample_dataset, tmp_path):
    path = render.write_network(sample_dataset, tmp_path / "g.graphml", "graphml")
    ids = [e.get("id") for e in ET.parse(path).getroot().iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert ids and len(ids) == len(set(ids))
    with pytest.raises(NewsgraphError, match="Unknown network format 'dot'. Available: gexf, graphml"):
        render.write_network(sample_dataset, tmp_path / "g.dot", "dot")


# ------------------------------------------------------------------------------ commands

@pytest.fixture(scope="module")
def sample_ttl(tmp_path_factory, sample_dataset):
    from graph.rdf.io import write_graph

    return write_graph(sample_dataset, tmp_path_factory.mktemp("render") / "graph.ttl")


def test_render_command_says_what_the_view_left_out(sample_ttl, tmp_path):
    out = tmp_path / "top.html"
    result = CliRunner().invoke(app, ["render", str(sample_ttl), "-o", str(out), "--max-nodes", "3"])
    assert result.exit_code == 0, result.output
    assert "newsgraph: showing the 3 most connected of" in result.stderr and "left out" in result.stderr
    assert "showing the 3 most connected of" in out.read_text(encoding="utf-8")
    assert len(page_data(out.read_text(encoding="utf-8"), "nodes")) == 3


@pytest.mark.parametrize("arguments, message", [
    (["--since", "yesterday"], "--since 'yesterday' is not a date"),
    (["--focus", "Nobody Atall"], "No entity named 'Nobody Atall'"),
    (["--class", "Planet"], "Unknown class 'Planet'. Available:"),
    (["--article", "elsewhere"], f"No article 'elsewhere' in the graph. Articles: {SAMPLE_ID}"),
])
def test_render_command_errors_are_one_line(sample_ttl, tmp_path, arguments, message):
    result = CliRunner().invoke(app, ["render", str(sample_ttl), "-o", str(tmp_path / "x.html"), *arguments])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"newsgraph: error: {result.stderr.split('error: ', 1)[1].strip()}"]
    assert message in result.stderr
    assert not (tmp_path / "x.html").exists()


def test_export_command_writes_gephi_formats(sample_ttl, tmp_path):
    for name, fmt in (("g.graphml", None), ("g.xml", "gexf")):
        arguments = ["export", str(sample_ttl), "-o", str(tmp_path / name)] + (["--format", fmt] if fmt else [])
        result = CliRunner().invoke(app, arguments)
        assert result.exit_code == 0, result.output
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == nx.read_gexf(tmp_path / "g.xml").number_of_nodes() > 0


# ------------------------------------------------------------------------------ the benchmark script stays runnable

def test_render_benchmark_runs_on_a_small_graph(tmp_path, capsys):
    from tests.benchmarks.render_benchmark import main, synthetic_network

    network = synthetic_network(400, 800, seed=3)
    assert (network.number_of_nodes(), network.number_of_edges()) == (400, 800)
    assert all(d["evidence"] and d["evidence"][0][1] in network.graph["articles"] for _, _, d in network.edges(data=True))
    report = main(["--nodes", "400", "--edges", "800", "--no-browser", "--json", "--out", str(tmp_path)])
    assert json.loads(capsys.readouterr().out) == report
    assert (report["nodes"], report["edges"]) == (400, 800) and (tmp_path / "benchmark.html").is_file()
