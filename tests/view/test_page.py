"""The page without a browser: contents, self-containment, script hashes, escaping, large views.
The same pages are driven in a real Chromium by tests/browser/."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import networkx as nx

from graph.view import CLASS_COLOURS, ViewNotes, network_from_rdf, render_graph, render_html

from ..conftest import SAMPLE_ID
from .conftest import entity, fact, page_data, triples

# ------------------------------------------------------------------------------ the page


def test_sample_page_is_self_contained_with_data_legend_search_and_toggle(sample_dataset):
    network = network_from_rdf(sample_dataset)
    page = render_html(network, title="t")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page), "the page must not load anything remotely"
    assert "@import" not in page and "<link" not in page and "<iframe" not in page
    assert "cdnjs" not in page and "jsdelivr" not in page and "bootstrap" not in page.lower()
    assert "tom-select" not in page.lower() and "tomselect" not in page.lower()
    assert "vis.Network" in page
    nodes, edges = page_data(page, "nodes"), page_data(page, "edges")
    assert len(nodes) == network.number_of_nodes() and len(edges) == network.number_of_edges()
    by_id = {n["id"]: n for n in nodes}
    shown = {(by_id[e["from"]]["fullLabel"], e["relation"], by_id[e["to"]]["fullLabel"]) for e in edges}
    assert shown == triples(network)
    phrases = {
        (by_id[e["from"]]["fullLabel"], e.get("phrase", e["relation"]), by_id[e["to"]]["fullLabel"]) for e in edges
    }
    assert ("Nursultan Nazarbayev", "commissioned", "Maulen Ashimbayev") in phrases
    assert ("Maulen Ashimbayev", "First Deputy Chairman of", "Nur Otan Party") in phrases, "roles are edges"
    assert not any("label" in e for e in edges), "edge labels appear on hover and around the selection"
    commission = next(e for e in edges if e["relation"] == "commission")
    assert "commissioned First Deputy Chairman" in commission["evidence"][0][0]
    assert commission["evidence"][0][1] == SAMPLE_ID
    biggest = max(nodes, key=lambda n: n["size"])
    assert biggest["fullLabel"] == "Nursultan Nazarbayev", "sized by importance: mentions, articles, neighbours"
    options = json.loads(re.search(r"var options = (\{.*?\});\n", page).group(1))
    assert options["groups"]["Person"]["color"]["background"] == CLASS_COLOURS["Person"]
    for element in (
        'id="ng-legend"',
        'id="ng-search"',
        'id="ng-physics" type="checkbox">',
        'id="ng-details"',
        'id="ng-tip"',
        'id="ng-concepts" type="checkbox" checked',
    ):
        assert element in page
    assert all(n.get("shown") and isinstance(n["x"], int) for n in nodes), "a small view shows every node, laid out"
    speaker = next(n for n in nodes if n["fullLabel"] == "Nursultan Nazarbayev")
    assert speaker["roles"] == ["Chairman"] and any("priority for us" in q[1] for q in speaker["quotes"])


def test_every_script_that_runs_is_allowed_by_hash_and_nothing_else():
    network = nx.MultiDiGraph()
    network.add_node("a", **entity("A"))
    page = render_html(network)
    [policy] = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["default-src"] == "'none'" and directives["base-uri"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in directives["script-src"]
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    runnable = [body for attributes, body in scripts if "application/json" not in attributes]
    assert len(runnable) >= 3
    allowed = set(re.findall(r"'sha256-([^']+)'", directives["script-src"]))
    assert {base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() for b in runnable} == allowed
    assert all(
        not attributes.strip() or attributes.strip() in ('type="text/javascript"',) or "application/json" in attributes
        for attributes, _ in scripts
    )


def test_hostile_strings_are_escaped_for_each_context():
    hostile = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> \u2028 \' & </title>'
    network = nx.MultiDiGraph()
    network.add_node("a", **entity(hostile, aliases=('"quoted" & <b>', "x href=y"), documents=("d</script>",)))
    network.add_node("b", **entity("javascript:alert(1)", "Place"))
    network.add_node("c", **entity('<a href="javascript:window.pwned=3">link</a>', "Organization"))
    fact(network, "a", "</script><script>alert(1)</script>", "b", (hostile, "d</script>", "2020-01-01", 0.5))
    fact(network, "c", "meet", "a", ("He said <!-- and --> and ]]>", "d2", "", 0.4))
    network.graph["articles"] = {
        "d</script>": {"title": hostile, "url": "javascript:window.pwned=4", "date": ""},
        "d2": {"title": "t", "url": " https://example.org/x?a=<b>&c='d' ", "date": ""},
    }
    notes = ViewNotes(1, 1, 1, 1, messages=(f"3 hops around {hostile}",))
    page = render_html(network, title=hostile, notes=notes)
    for raw in (
        "<script>window.pwned",
        "<img src=x",
        "</script><script>alert",
        '"quoted" & <b>',
        "<!-- and",
        '<a href="javascript',
    ):
        assert raw not in page
    data_scripts = "".join(re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S))
    assert "\u2028" not in data_scripts and "\\u2028" in data_scripts  # a line break to a JavaScript parser
    assert "popup.innerHTML" not in page, "pyvis' HTML tooltips must stay off (a title contains 'href')"
    assert f"<title>{'&lt;script&gt;window.pwned=1&lt;/script&gt;'}" in page
    assert "<div>3 hops around &lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;" in page
    nodes, edges = page_data(page, "nodes"), page_data(page, "edges")
    assert {n["fullLabel"] for n in nodes} == {
        hostile,
        "javascript:alert(1)",
        '<a href="javascript:window.pwned=3">link</a>',
    }
    assert edges[0]["evidence"][0][0] == hostile or edges[1]["evidence"][0][0] == hostile
    data = json.loads(re.search(r'<script type="application/json" id="ng-data">(.*?)</script>', page, re.S).group(1))
    assert data["articles"]["d</script>"] == {"title": hostile, "url": "", "date": ""}, "javascript: URLs are dropped"
    assert data["articles"]["d2"]["url"] == "https://example.org/x?a=<b>&c='d'"


def test_large_views_open_on_an_overview_of_named_entities_laid_out_in_python():
    network = nx.MultiDiGraph()
    size = 450
    for i in range(size):
        network.add_node(f"n{i}", **entity(f"Entity {i}", "Concept" if i % 3 else "Person"))
        network.nodes[f"n{i}"]["mentions"] = size - i
    for i in range(1, size):
        fact(network, f"n{i}", "follow", f"n{(i - 1) // 2}", (f"{i} follows.", "a", "", 0.5))
    page = render_html(network)
    nodes, edges = page_data(page, "nodes"), page_data(page, "edges")
    assert len(nodes) == size and len(edges) == size - 1, "every node stays in the page, for the search"
    shown = [n for n in nodes if n.get("shown")]
    assert len(shown) == 150 and {n["group"] for n in shown} == {"Person"}, "named entities only, at most 200"
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in shown)
    assert not any("x" in n for n in nodes if not n.get("shown"))
    assert len({(n["x"], n["y"]) for n in shown}) == len(shown)
    assert [n["rank"] for n in nodes] == list(range(size)), "most important first"
    assert not any("label" in e for e in edges)
    options = json.loads(re.search(r"var options = (\{.*?\});\n", page).group(1))
    assert options["physics"]["enabled"] is False
    assert 'id="ng-physics" type="checkbox">' in page and 'id="ng-concepts" type="checkbox">' in page
    assert "Overview: the 150 most important entities of 450" in page
    assert render_html(network, physics=True).count('id="ng-physics" type="checkbox" checked') == 1


def test_render_graph_writes_the_page_atomically_and_returns_notes(sample_dataset, tmp_path):
    target = tmp_path / "views" / "focus.html"
    notes = render_graph(sample_dataset, target, focus="Ashimbayev", hops=1, title="Ashimbayev")
    assert target.is_file() and [p.name for p in target.parent.iterdir()] == ["focus.html"]
    nodes = page_data(target.read_text(encoding="utf-8"), "nodes")
    assert {n["fullLabel"] for n in nodes} >= {"Maulen Ashimbayev", "Nursultan Nazarbayev", "Nur Otan Party"}
    assert [n["fullLabel"] for n in nodes if n.get("focus")] == ["Maulen Ashimbayev"]
    assert notes.shown_nodes == len(nodes) < notes.total_nodes
