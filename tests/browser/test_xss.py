"""Hostile articles, through the real pipeline, render as text and run nothing.

Each payload would set ``window.__ngPwned`` (or open a dialog). The articles carry them in
entity names, sentences, titles and URLs; the test checks that they reach the page, then hovers
and clicks every node and edge, opens every relation in the details panel, searches for the
hostile names and toggles the legend, and finally checks that the flag is still unset.
"""

from __future__ import annotations

import json
import re

import pytest

from graph.outputs import write_text_atomic
from graph.view import ViewNotes, network_from_rdf, render_html

from .conftest import node_point, physics_off

FLAG = "window.__ngPwned"
PWNED = "() => window.__ngPwned === undefined && !window.__ngPwnedAny"


def _payload(n: int) -> str:
    return f"{FLAG}={n}"


HOSTILE = [
    # (id, text, title, url)
    (
        "hostile-names",
        f"President <img src=x onerror={_payload(1)}> Smith met John O'Brien in Paris. "
        f'The group "<script>{_payload(2)}</script>" criticised the Acme Corporation. '
        f'Anna "<svg onload={_payload(3)}>" Novak visited Berlin on Monday. '
        f'The minister Jack " onmouseover="{_payload(4)}" Miller signed the agreement. '
        f'O\'Neill & Sons said Peter "</script><script>{_payload(5)}</script>" Brown founded the company.',
        f'<script>{_payload(6)}</script> Breaking: "quotes" & <b>tags</b>',
        f"javascript:{_payload(7)}",
    ),
    (
        "hostile-links",
        f'Maria Lopez visited the council <a href="javascript:{_payload(8)}">here</a> on Friday. '
        f'Maria Lopez thanked the council <iframe srcdoc="<script>parent.__ngPwned=9</script>"></iframe>.',
        f"<img src=x onerror={_payload(10)}> Title",
        f'https://example.org/a?x="><script>{_payload(11)}</script>',
    ),
]


@pytest.fixture(scope="module")
def hostile_network(nlp):
    from graph.documents import document_from_text
    from graph.pipeline import build_graph
    from graph.rdf.model import to_dataset

    documents = [
        document_from_text(doc_id, text, title=title, url=url, published="2021-03-04")
        for doc_id, text, title, url in HOSTILE
    ]
    return network_from_rdf(to_dataset(build_graph(documents)))


@pytest.fixture(scope="module", params=["with-csp", "escaping-only"])
def hostile_page(request, tmp_path_factory, hostile_network):
    """The page as rendered, and the same page without its Content-Security-Policy: the
    escaping alone must hold (the policy would otherwise hide a mistake in it)."""
    path = tmp_path_factory.mktemp("hostile") / f"{request.param}.html"
    title = f"<script>{_payload(12)}</script> corpus"
    notes = ViewNotes(messages=(f'1 hop around Jack " onmouseover="{_payload(13)}" Miller',))
    page = render_html(hostile_network, title=title, notes=notes)
    if request.param == "escaping-only":
        page, removed = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
        assert removed == 1
    write_text_atomic(path, page)
    return path


def test_the_payloads_reach_the_page_data(hostile_network, hostile_page):
    """Otherwise the browser test below would prove nothing."""
    labels = [d["label"] for _, d in hostile_network.nodes(data=True)]
    assert any('onmouseover="window.__ngPwned' in label for label in labels)
    assert any("<script" in label for label in labels) and any("'" in label for label in labels)
    assert any('href="javascript' in label for label in labels)
    sentences = " ".join(e[0] for _, _, d in hostile_network.edges(data=True) for e in d["evidence"])
    for payload in (
        "<img src=x onerror=",
        "<script>window.__ngPwned=2",
        '<a href="javascript:',
        "<iframe srcdoc=",
        "</script><script>",
    ):
        assert payload in sentences
    page = hostile_page.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="ng-data">(.*?)</script>', page, re.S).group(1))
    assert data["articles"]["hostile-names"]["title"].startswith("<script>")
    assert data["articles"]["hostile-names"]["url"] == "", "a javascript: URL never becomes a link"
    assert data["articles"]["hostile-links"]["url"].startswith('https://example.org/a?x="><script>')


def test_hostile_articles_render_as_text_and_run_nothing(open_page, hostile_page, hostile_network, tmp_path):
    loaded = open_page(hostile_page)
    page = loaded.page
    assert page.evaluate(PWNED)
    assert page.title().startswith("<script>")  # the title is text
    assert "window.__ngPwned=13" in page.text_content("#ng-notes")
    physics_off(loaded)

    # every node and edge through vis-network's own events: tooltip, then details panel, then
    # every relation and entity button in the panel (clicked from JavaScript: fast)
    opened = loaded.js("""() => {
        var opened = [], at = {DOM: {x: 300, y: 300}};
        function buttons(selector) { return document.querySelectorAll('#ng-details ' + selector).length; }
        nodes.getIds().forEach(function (id) {
            network.emit('hoverNode', {node: id, pointer: at});
            network.selectNodes([id]);
            network.emit('click', {nodes: [id], edges: network.getConnectedEdges(id), pointer: at});
            opened.push(document.querySelector('#ng-details h2').textContent);
            for (var i = 0; i < buttons('ul.ng-relations li button'); i++) {
                document.querySelectorAll('#ng-details ul.ng-relations li button')[i].click();
                opened.push(document.querySelectorAll('#ng-details ol.ng-evidence li').length);
                network.emit('click', {nodes: [id], edges: [], pointer: at});
            }
        });
        edges.getIds().forEach(function (id) {
            network.emit('hoverEdge', {edge: id, pointer: at});
            network.emit('click', {nodes: [], edges: [id], pointer: at});
            opened.push(document.querySelectorAll('#ng-details ol.ng-evidence li').length);
            for (var i = 0; i < buttons('.ng-meta button.ng-link'); i++) {
                document.querySelectorAll('#ng-details .ng-meta button.ng-link')[i].click();
                network.emit('click', {nodes: [], edges: [id], pointer: at});
            }
        });
        return opened;
    }""")
    page.wait_for_timeout(300)  # an <img> whose load fails calls onerror later
    assert page.evaluate(PWNED), "a payload ran in the tooltip or the details panel"
    labels = [hostile_network.nodes[n]["label"] for n in loaded.js("() => nodes.getIds()")]
    assert [x for x in opened if isinstance(x, str)] == labels, "each node's panel shows its name as text"
    assert all(x >= 1 for x in opened if isinstance(x, int)), "each edge's panel lists its sentences"
    page.locator("#ng-details ul.ng-relations li button, #ng-details .ng-meta button.ng-link").first.click()
    shown = page.text_content("#ng-details")
    assert "<" in shown or '"' in shown

    # the real mouse over and on every node, the whole graph in the window
    page.click("#ng-close")
    page.click("#ng-fit")
    for node in loaded.js("() => nodes.getIds()"):
        if page.is_visible("#ng-details"):
            page.click("#ng-close")  # the panel may cover the node
        page.click("#ng-fit")  # opening a node may have moved the view to keep it clear of the panel
        point = node_point(loaded, node, free=False)  # whatever is on top there
        page.mouse.move(point["x"], point["y"])
        page.mouse.click(point["x"], point["y"])
        assert page.is_visible("#ng-details")

    # searching for the hostile names
    for query in ('" onmouseover="', "<script", "</script", "iframe srcdoc", "O'Neill", "&"):
        page.fill("#ng-search", query)
        page.keyboard.press("Enter")
    for row in page.locator("#ng-legend div").all():
        row.click()
        row.click()
    page.screenshot(path=str(tmp_path / "hostile.png"))

    page.wait_for_timeout(300)
    assert page.evaluate(PWNED), "a payload ran"
    assert loaded.dialogs == []
    injected = loaded.js("""() => ({
        elements: document.querySelectorAll('img, svg, iframe, object, embed, a[href^="javascript"]').length,
        handlers: Array.from(document.querySelectorAll('*')).filter(e =>
            Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
        links: Array.from(document.querySelectorAll('a[href]')).map(a => a.protocol)})""")
    assert injected["elements"] == 0 and injected["handlers"] == 0
    assert set(injected["links"]) <= {"https:", "http:"}
    assert loaded.errors == [] and loaded.blocked == []


def test_even_markup_smuggled_into_the_page_does_not_run(open_page, tmp_path, sample_network):
    """Defence in depth: the Content-Security-Policy allows only the page's own scripts, by hash."""
    page = render_html(sample_network)
    smuggled = (
        f'<img src="data:," onerror="{_payload(21)}"><script>{_payload(22)}</script>'
        f'<div onmouseover="{_payload(23)}" style="position:fixed;inset:0;z-index:99"></div>'
    )
    path = tmp_path / "tampered.html"
    path.write_text(page.replace("<body>", "<body>" + smuggled, 1), encoding="utf-8")
    loaded = open_page(path)
    loaded.page.mouse.move(640, 400)
    loaded.page.mouse.move(650, 410)
    assert loaded.page.evaluate(PWNED)
    assert any("Content Security Policy" in line for line in loaded.console)
    assert loaded.js("() => nodes.length") == sample_network.number_of_nodes(), "the page's own scripts ran"


def _bad_input_network():
    """Names, quotes, roles, titles and dates with markup, quotes, right-to-left and combining
    characters, and a 2,000-character name, in a view large enough to open on an overview."""
    import networkx as nx

    from tests.view.conftest import entity, fact

    network = nx.MultiDiGraph()
    names = [
        f"<img src=x onerror={_payload(31)}> Smith",
        f'Jack " onmouseover="{_payload(32)}" Miller',
        "\u0645\u062d\u0645\u062f \u0639\u0628\u062f \u0627\u0644\u0644\u0647",  # Arabic
        "\u05d3\u05d5\u05d3 \u05dc\u05d5\u05d9 \u202eevil\u202c",  # Hebrew and a right-to-left override
        "Zoe\u0301 Ame\u0301lie\u0308 Z\u0336a\u0336l\u0336g\u0336o\u0336",  # combining marks
        "Long " + "name " * 399 + "end",
        f"</script><script>{_payload(33)}</script>",
        "O'Neill & Sons",
    ]
    for i, name in enumerate(names):
        network.add_node(f"n{i}", **entity(name, documents=(f"a{i % 3}",)))
        network.nodes[f"n{i}"]["mentions"] = 100 - i
        network.nodes[f"n{i}"]["roles"] = [f"<b>Chief</b> {_payload(34)}"]
        network.nodes[f"n{i}"]["quotes"] = [
            ("said", f'"<script>{_payload(35)}</script>" & <i>more</i>', f"a{i % 3}", f"2024-0{1 + i % 3}-01")
        ]
    for i in range(60):  # concepts: the view opens on an overview
        network.add_node(f"c{i}", **entity(f"concept <u>{i}</u>", "Concept", documents=(f"a{i % 3}",)))
        fact(
            network,
            f"n{i % len(names)}",
            f"<b onclick={_payload(36)}>x</b>",
            f"c{i}",
            (f"<svg onload={_payload(37)}> sentence {i}", f"a{i % 3}", f"2024-0{1 + i % 3}-01", 0.8),
        )
    fact(network, "n0", "meet", "n1", ("met", "a0", "2024-01-01", 0.9))
    network.graph["articles"] = {
        f"a{i}": {
            "title": f"<script>{_payload(38)}</script> \u202etitle {i}",
            "url": f"javascript:{_payload(39)}",
            "date": f"2024-0{1 + i}-01",
        }
        for i in range(3)
    }
    return network


def test_bad_input_opens_says_what_it_shows_and_runs_nothing(open_page, tmp_path):
    network = _bad_input_network()
    path = tmp_path / "bad.html"
    write_text_atomic(path, render_html(network, title=f"<b>{_payload(40)}</b>"))
    loaded = open_page(path)
    page = loaded.page
    assert "Overview: the 20 most important entities of 68" in page.text_content("#ng-notes")
    assert loaded.js("() => nodes.get().every(n => !n.label || n.label.length <= 28)"), "long names are shortened"
    for node in loaded.js("() => ngAllNodes.map(n => n.id)"):
        loaded.js(
            """(id) => { var at = {DOM: {x: 300, y: 300}};
            network.emit('hoverNode', {node: id, pointer: at});
            if (nodes.get(id)) { network.selectNodes([id]); network.emit('click', {nodes: [id], edges: [], pointer: at}); } }""",
            node,
        )
    page.fill("#ng-search", "Long name")
    page.keyboard.press("Enter")
    assert (
        page.text_content("#ng-details h2").startswith("Long name name")
        and len(page.text_content("#ng-details h2")) > 1900
    )
    page.fill("#ng-search", "Smith")
    page.keyboard.press("Enter")
    assert "<script>" in page.text_content("#ng-details ul.ng-quotes"), "quotes are text"
    assert "<b>Chief</b>" in page.text_content("#ng-details .ng-role")
    page.click("#ng-concepts")
    page.select_option("#ng-article", "a1")
    assert loaded.js("() => edges.get().every(e => e.evidence.some(item => item[1] === 'a1'))"), "that article's facts"
    page.select_option("#ng-article", "")
    page.select_option("#ng-since", "2024-02")
    page.select_option("#ng-until", "2024-02")
    assert loaded.js("() => nodes.get().every(n => (n.documents || []).includes('a1'))"), (
        "the date filter keeps February"
    )
    page.wait_for_timeout(300)
    assert page.evaluate(PWNED) and loaded.dialogs == []
    injected = loaded.js("""() => document.querySelectorAll('img, svg, iframe, i, u, a[href^="javascript"]').length""")
    assert injected == 0
    assert loaded.errors == [] and loaded.blocked == []
