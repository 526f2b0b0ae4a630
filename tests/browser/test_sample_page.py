"""The bundled article's page in a real Chromium, offline: the drawn network, tooltips, the
details panel, the legend, the search box, the physics toggle."""

from __future__ import annotations

from .conftest import edge_point, node_point, physics_off


def _by_label(sample_network) -> dict[str, str]:
    return {d["label"]: n for n, d in sample_network.nodes(data=True)}


def test_page_draws_the_pipeline_facts_offline(open_page, sample_page, sample_network, tmp_path):
    loaded = open_page(sample_page)
    drawn = loaded.js("""() => {
        var label = id => nodes.get(id).fullLabel;
        var ids = Object.keys(network.getPositions());
        var seen = {};
        ids.forEach(n => network.getConnectedEdges(n).forEach(e => { seen[e] = true; }));
        return {nodes: ids.map(label).sort(),
                edges: Object.keys(seen).map(id => { var e = edges.get(id); return [label(e.from), e.relation, label(e.to)]; })};
    }""")
    labels = {n: d["label"] for n, d in sample_network.nodes(data=True)}
    assert drawn["nodes"] == sorted(labels.values())
    expected = {(labels[s], d["relation"], labels[o]) for s, o, d in sample_network.edges(data=True)}
    assert {tuple(e) for e in drawn["edges"]} == expected
    assert ("Nursultan Nazarbayev", "commission", "Maulen Ashimbayev") in expected
    assert ("Nur Otan Party", "implement", "Qutty Meken") in expected
    evidence = loaded.js("() => edges.get().find(e => e.relation === 'commission').evidence")
    assert any("commissioned First Deputy Chairman" in item[0] for item in evidence)
    lit = loaded.js("""() => { var c = document.querySelector('#mynetwork canvas');
        var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
        for (var i = 0; i < d.length; i += 16) if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200)) n++;
        return n; }""")
    assert lit > 500, "the canvas shows next to nothing"
    shot = tmp_path / "sample.png"
    loaded.page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    assert loaded.blocked == [] and loaded.errors == []


def test_legend_hides_and_shows_a_class(open_page, sample_page, sample_network):
    loaded = open_page(sample_page)
    people = sorted(n for n, d in sample_network.nodes(data=True) if d["type"] == "Person")
    hidden = "() => nodes.get().filter(n => n.hidden).map(n => n.id).sort()"
    assert loaded.js(hidden) == []
    loaded.page.click('#ng-legend [data-class="Person"]')
    assert loaded.js(hidden) == people
    assert loaded.page.get_attribute('#ng-legend [data-class="Person"]', "class") == "off"
    assert loaded.js("(ids) => ids.every(id => network.body.nodes[id].options.hidden)", people)
    loaded.page.click('#ng-legend [data-class="Person"]')
    assert loaded.js(hidden) == []


def test_search_box_selects_and_focuses_the_typed_entity(open_page, sample_page, sample_network):
    loaded = open_page(sample_page)
    ids = _by_label(sample_network)
    loaded.page.click("#ng-search")
    loaded.page.keyboard.type("Ashimbayev")
    assert loaded.js("() => network.getSelectedNodes()") == [ids["Maulen Ashimbayev"]]
    assert loaded.page.text_content("#ng-found").startswith("Maulen Ashimbayev")
    loaded.page.fill("#ng-search", "happy family")  # an alias
    assert loaded.js("() => network.getSelectedNodes()") == [ids["Bakytty Otbasy"]]
    centre = loaded.js("() => network.getViewPosition()")
    position = loaded.js("(id) => network.getPositions([id])[id]", ids["Bakytty Otbasy"])
    assert abs(centre["x"] - position["x"]) < 1 and abs(centre["y"] - position["y"]) < 1
    assert loaded.page.text_content("#ng-found").startswith("Bakytty Otbasy (1 of 2")
    loaded.page.keyboard.press("Enter")  # opens the entity's details
    assert loaded.page.text_content("#ng-details h2") == "Bakytty Otbasy"
    loaded.page.keyboard.press("Enter")  # then goes to the next match
    assert loaded.page.text_content("#ng-details h2").startswith("issues of effective implementation of Bakytty")
    assert loaded.js("() => network.getSelectedNodes()") != [ids["Bakytty Otbasy"]]
    loaded.page.fill("#ng-search", "no such entity at all")
    assert loaded.js("() => network.getSelectedNodes()") == []
    assert loaded.page.text_content("#ng-found") == "no match"


def test_hovering_and_clicking_an_edge_shows_relation_sentences_article_confidence(open_page, sample_page, tmp_path):
    loaded = open_page(sample_page)
    physics_off(loaded)
    edge = loaded.js("() => edges.get().find(e => e.relation === 'commission')")
    point = edge_point(loaded, edge["id"])
    loaded.page.mouse.move(point["x"], point["y"])
    loaded.page.wait_for_selector("#ng-tip", state="visible")
    tip = loaded.page.text_content("#ng-tip")
    assert "Nursultan Nazarbayev \u2192 commissioned \u2192 Maulen Ashimbayev" in tip
    assert loaded.js("(id) => edges.get(id).label", edge["id"]) == "commissioned", (
        "the hovered edge is labelled in words"
    )
    assert "commissioned First Deputy Chairman" in tip and "nur-otan-meeting" in tip and "confidence" in tip
    loaded.page.mouse.click(point["x"], point["y"])
    assert loaded.js("() => network.getSelectedEdges()") == [edge["id"]]
    assert loaded.page.is_visible("#ng-details") and not loaded.page.is_visible("#ng-tip")
    assert loaded.page.text_content("#ng-details h2") == "commissioned"
    items = loaded.page.locator("#ng-details ol.ng-evidence li").all_text_contents()
    assert len(items) == len(edge["evidence"]) >= 1
    assert "commissioned First Deputy Chairman" in items[0] and "nur-otan-meeting" in items[0]
    assert f"confidence {edge['evidence'][0][3]:.2f}" in items[0]
    loaded.page.screenshot(path=str(tmp_path / "edge-details.png"))
    loaded.page.click("#ng-close")
    assert not loaded.page.is_visible("#ng-details")
    assert loaded.errors == [] and loaded.blocked == []


def test_clicking_a_node_lists_its_relations_which_open_their_sentences(open_page, sample_page, sample_network):
    loaded = open_page(sample_page)
    physics_off(loaded)
    party = _by_label(sample_network)["Nur Otan Party"]
    point = node_point(loaded, party)
    loaded.page.mouse.move(point["x"], point["y"])
    loaded.page.wait_for_selector("#ng-tip", state="visible")
    tip = loaded.page.text_content("#ng-tip")
    facts = sample_network.nodes[party]["facts"]
    aliases = "; ".join(sample_network.nodes[party]["aliases"])
    assert "Nur Otan Party" in tip and "PoliticalParty" in tip and f"{facts} facts" in tip and f"Also: {aliases}" in tip
    loaded.page.mouse.click(point["x"], point["y"])
    assert loaded.page.text_content("#ng-details h2") == "Nur Otan Party"
    relations = loaded.page.locator("#ng-details ul.ng-relations li button")
    assert relations.count() == sample_network.degree(party)
    loaded.page.locator("#ng-details ul.ng-relations li button", has_text="Qutty Meken").click()
    assert loaded.page.text_content("#ng-details h2") == "implemented"
    assert "Qutty Meken" in loaded.page.text_content("#ng-details .ng-meta")


def test_physics_toggle_starts_and_stops_the_simulation(open_page, sample_page):
    loaded = open_page(sample_page)
    assert not loaded.page.is_checked("#ng-physics"), "laid out in Python: physics starts off"
    physics_off(loaded)
    assert loaded.js("() => network.physics.options.enabled") is False
    before = loaded.js("() => network.getPositions()")
    loaded.page.click("#ng-physics")
    assert loaded.js("() => network.physics.options.enabled") is True
    loaded.js("(id) => network.moveNode(id, 0, 0)", next(iter(before)))  # disturb it: physics pulls it back
    loaded.page.wait_for_function("(p) => JSON.stringify(network.getPositions()) !== JSON.stringify(p)", arg=before)
