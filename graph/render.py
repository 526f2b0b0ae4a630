"""The interactive network view: RDF -> networkx -> one self-contained pyvis HTML page.

:func:`network_from_rdf` projects the entity graph (one node per entity, one edge per relation
between two entities with every sentence that supports it); :func:`select_view` cuts a view
(focus + hops, one article, classes, relations, dates, most connected nodes);
:func:`render_html` draws it with vis-network inlined (works offline, from ``file://``).

Every string that came from an article reaches the page only as JSON inside a script (with
``<``, ``>``, ``&`` and quotes escaped) or through ``html.escape``; vis-network shows tooltips
as text, not HTML.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from .errors import NewsgraphError
from .outputs import write_text_atomic
from .rdf.namespaces import NKG, PREFIXES, SCHEMA

__all__ = ["network_from_rdf", "select_view", "render_html", "render_graph", "ViewNotes", "CLASS_COLOURS",
           "LAYOUT_THRESHOLD"]

#: node colour per entity class (legend order)
CLASS_COLOURS: dict[str, str] = {
    "Person": "#e15759",
    "PoliticalParty": "#4e79a7",
    "GovernmentBody": "#76b7b2",
    "NewsAgency": "#9c755f",
    "Organization": "#59a14f",
    "Place": "#edc948",
    "Programme": "#b07aa1",
    "Event": "#ff9da7",
    "Group": "#f28e2b",
    "CreativeWork": "#bab0ac",
    "Role": "#86bcb6",
    "Thing": "#8cd17d",
    "TimeExpression": "#d4a6c8",
    "Quantity": "#d7b5a6",
    "Concept": "#c9c9c9",
}
_CLASS_ORDER = list(CLASS_COLOURS)
#: above this many nodes the layout is computed in Python and physics starts off
LAYOUT_THRESHOLD = 300


@dataclass
class ViewNotes:
    """What a view left out, said on the page and by the CLI."""

    total_nodes: int = 0
    total_edges: int = 0
    shown_nodes: int = 0
    shown_edges: int = 0
    messages: list[str] = field(default_factory=list)


def _local(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1]
    return iri


def _class_of(types: Iterable[URIRef]) -> str:
    namespace = str(NKG._NS)
    names = {str(t)[len(namespace):] for t in types if str(t).startswith(namespace)}
    for name in _CLASS_ORDER:
        if name in names:
            return name
    return "Thing"


def network_from_rdf(graph: Graph) -> nx.MultiDiGraph:
    """The entity network of a newsgraph RDF graph.

    Nodes are entities (``nkg:Entity``) with ``label``, ``type``, ``aliases`` and ``facts``; edges
    run subject -> object with ``relation`` (its label), ``predicate`` (IRI), ``negated``,
    ``modality`` and ``evidence``: a list of (sentence, article id, date, confidence).
    """
    network = nx.MultiDiGraph()
    entity_types: dict[URIRef, list[URIRef]] = defaultdict(list)
    for s, o in graph.subject_objects(RDF.type):
        if isinstance(s, URIRef):
            entity_types[s].append(o)  # type: ignore[arg-type]
    entities = [s for s, kinds in entity_types.items() if NKG.Entity in kinds]
    for entity in entities:
        label = graph.value(entity, SKOS.prefLabel) or graph.value(entity, RDFS.label) or Literal(_local(str(entity)))
        aliases = sorted(str(a) for a in graph.objects(entity, SKOS.altLabel))
        documents = sorted(_local(str(d)) for d in graph.objects(entity, NKG.mentionedIn))
        network.add_node(str(entity), label=str(label), type=_class_of(entity_types[entity]), aliases=aliases,
                         documents=documents, facts=0)

    articles: dict[str, tuple[str, str]] = {}
    for article in graph.subjects(RDF.type, SCHEMA.NewsArticle):
        date = graph.value(article, SCHEMA.datePublished)
        identifier = graph.value(article, SCHEMA.identifier) or Literal(_local(str(article)))
        articles[str(article)] = (str(identifier), str(date) if date is not None else "")
    sentences: dict[str, tuple[str, str]] = {}
    for sentence in graph.subjects(RDF.type, NKG.Sentence):
        text = graph.value(sentence, SCHEMA.text)
        article = graph.value(sentence, SCHEMA.isPartOf)
        sentences[str(sentence)] = (str(text or ""), str(article or ""))
    relation_labels: dict[str, str] = {}

    grouped: dict[tuple[str, str, str, bool, str], list[tuple[str, str, str, float]]] = defaultdict(list)
    for assertion in graph.subjects(RDF.type, NKG.Assertion):
        s, p, o = (graph.value(assertion, RDF.subject), graph.value(assertion, RDF.predicate),
                   graph.value(assertion, RDF.object))
        if s is None or p is None or o is None or str(s) not in network or str(o) not in network:
            continue
        negated = bool(graph.value(assertion, NKG.negated))
        modality = str(graph.value(assertion, NKG.modality) or "")
        confidence = float(graph.value(assertion, NKG.confidence) or 0.0)
        sentence = str(graph.value(assertion, _DERIVED) or "")
        text, article = sentences.get(sentence, ("", ""))
        doc_id, date = articles.get(article, (_local(article), ""))
        grouped[(str(s), str(p), str(o), negated, modality)].append((text, doc_id, date, confidence))
        if str(p) not in relation_labels:
            label = graph.value(p, RDFS.label)
            relation_labels[str(p)] = str(label) if label is not None else _compact(str(p))
    for (s, p, o, negated, modality), evidence in sorted(grouped.items()):
        evidence.sort(key=lambda e: (-e[3], e[1], e[0]))
        network.add_edge(s, o, key=f"{p}|{negated}|{modality}", predicate=p, relation=relation_labels[p],
                         negated=negated, modality=modality, evidence=evidence,
                         confidence=max(e[3] for e in evidence))
        network.nodes[s]["facts"] += len(evidence)
        network.nodes[o]["facts"] += len(evidence)
    return network


_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")


def _compact(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _matches(network: nx.MultiDiGraph, name: str) -> list[str]:
    wanted = name.casefold().strip()
    exact = [n for n, d in network.nodes(data=True)
             if d["label"].casefold() == wanted or any(a.casefold() == wanted for a in d["aliases"])]
    if exact:
        return exact
    return [n for n, d in network.nodes(data=True)
            if wanted in d["label"].casefold() or any(wanted in a.casefold() for a in d["aliases"])]


def select_view(
    network: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    hops: int = 1,
    article: str | None = None,
    classes: Sequence[str] = (),
    relations: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    max_nodes: int | None = None,
    include_concepts: bool = True,
) -> tuple[nx.MultiDiGraph, ViewNotes]:
    """Cut a view out of the network; the notes say what was left out."""
    notes = ViewNotes(total_nodes=network.number_of_nodes(), total_edges=network.number_of_edges())
    view = network.copy()
    if article or since or until or relations:
        wanted_relations = {r.casefold() for r in relations}
        drop = []
        for s, o, key, data in view.edges(keys=True, data=True):
            evidence = [e for e in data["evidence"]
                        if (not article or e[1] == article)
                        and (not since or (e[2] and e[2][:10] >= since))
                        and (not until or (e[2] and e[2][:10] <= until))]
            if not evidence or (wanted_relations and data["relation"].casefold() not in wanted_relations
                                and _local(data["predicate"]).casefold() not in wanted_relations):
                drop.append((s, o, key))
            else:
                data["evidence"] = evidence
        view.remove_edges_from(drop)
        view.remove_nodes_from([n for n in list(view) if view.degree(n) == 0])
        if article:
            notes.messages.append(f"article {article}")
        if since or until:
            notes.messages.append(f"dates {since or '…'} to {until or '…'}")
        if relations:
            notes.messages.append("relations: " + ", ".join(relations))
    if classes:
        wanted = {c.casefold() for c in classes}
        view.remove_nodes_from([n for n, d in list(view.nodes(data=True)) if d["type"].casefold() not in wanted])
        notes.messages.append("classes: " + ", ".join(classes))
    if not include_concepts:
        view.remove_nodes_from([n for n, d in list(view.nodes(data=True)) if d["type"] in ("Concept", "TimeExpression", "Quantity")])
    if focus:
        centres = [n for n in _matches(view, focus)]
        if not centres:
            raise NewsgraphError(f"No entity named {focus!r} in the graph (matched against labels and aliases)")
        undirected = view.to_undirected(as_view=True)
        keep: set[str] = set()
        for centre in centres:
            keep.update(nx.single_source_shortest_path_length(undirected, centre, cutoff=max(0, hops)))
        view = view.subgraph(keep).copy()
        for centre in centres:
            view.nodes[centre]["focus"] = True
        notes.messages.append(f"{hops} hop{'s' if hops != 1 else ''} around "
                              + ", ".join(network.nodes[c]["label"] for c in centres))
    if max_nodes is not None and view.number_of_nodes() > max_nodes:
        ranked = sorted(view.nodes, key=lambda n: (-view.degree(n), view.nodes[n]["label"], n))
        kept = set(ranked[:max_nodes])
        left_out = view.number_of_nodes() - len(kept)
        before_edges = view.number_of_edges()
        view = view.subgraph(kept).copy()
        notes.messages.append(f"showing the {max_nodes} most connected of {len(ranked)} nodes; "
                              f"{left_out} nodes and {before_edges - view.number_of_edges()} edges left out")
    notes.shown_nodes = view.number_of_nodes()
    notes.shown_edges = view.number_of_edges()
    return view, notes


def _node_title(data: dict[str, Any]) -> str:
    lines = [data["label"], f"Type: {data['type']}"]
    if data["aliases"]:
        lines.append("Also: " + "; ".join(data["aliases"][:8]) + (" …" if len(data["aliases"]) > 8 else ""))
    lines.append(f"Facts: {data['facts']}")
    if data.get("documents"):
        lines.append("Articles: " + ", ".join(data["documents"][:5]) + (" …" if len(data["documents"]) > 5 else ""))
    return "\n".join(lines)


def _edge_title(data: dict[str, Any]) -> str:
    head = data["relation"]
    if data["negated"]:
        head = f"NOT {head}"
    if data["modality"]:
        head = f"{head} ({data['modality']})"
    lines = [head]
    for text, doc_id, date, confidence in data["evidence"][:6]:
        where = doc_id + (f", {date}" if date else "")
        lines.append(f"\u201c{_shorten(text, 240)}\u201d \u2014 {where} (confidence {confidence:.2f})")
    if len(data["evidence"]) > 6:
        lines.append(f"… and {len(data['evidence']) - 6} more")
    return "\n".join(lines)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _layout(view: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions for a large view, computed in Python so the browser need not simulate physics."""
    simple = nx.Graph(view.to_undirected(as_view=True))
    n = simple.number_of_nodes()
    if n == 0:
        return {}
    scale = 60.0 * math.sqrt(n)
    try:
        positions = nx.forceatlas2_layout(simple, max_iter=60, seed=7, scaling_ratio=2.0)
    except (AttributeError, ImportError):  # older networkx
        positions = nx.spring_layout(simple, iterations=30, seed=7)
    xs = [p[0] for p in positions.values()] or [0.0]
    ys = [p[1] for p in positions.values()] or [0.0]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {node: ((x - min(xs)) / span * scale, (y - min(ys)) / span * scale) for node, (x, y) in positions.items()}


def _json_for_script(value: Any) -> str:
    """JSON safe to put inside a <script> element."""
    return (json.dumps(value, ensure_ascii=False, sort_keys=True)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_html(view: nx.MultiDiGraph, *, title: str = "newsgraph", notes: ViewNotes | None = None,
                physics: bool | None = None) -> str:
    """The HTML page of a view: vis-network inlined, legend, search, physics toggle."""
    from pyvis.network import Network

    notes = notes or ViewNotes(shown_nodes=view.number_of_nodes(), shown_edges=view.number_of_edges())
    large = view.number_of_nodes() > LAYOUT_THRESHOLD
    if physics is None:
        physics = not large
    positions = _layout(view) if large else {}
    degrees = dict(view.degree())
    top = max(degrees.values(), default=1) or 1

    nodes = []
    for node, data in sorted(view.nodes(data=True)):
        entry: dict[str, Any] = {
            "id": node,
            "label": _shorten(data["label"], 40),
            "title": _node_title(data),
            "color": CLASS_COLOURS.get(data["type"], CLASS_COLOURS["Thing"]),
            "size": 10 + 30 * math.sqrt(degrees.get(node, 0) / top),
            "shape": "dot",
            "group": data["type"],
            "aliases": data["aliases"],
            "fullLabel": data["label"],
        }
        if data.get("focus"):
            entry["borderWidth"] = 4
        if node in positions:
            entry["x"], entry["y"] = positions[node]
        nodes.append(entry)
    edges = []
    for number, (s, o, key, data) in enumerate(sorted(view.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))):
        label = ("not " if data["negated"] else "") + data["relation"]
        edges.append({
            "id": f"e{number}",
            "from": s,
            "to": o,
            "label": _shorten(label, 40),
            "title": _edge_title(data),
            "arrows": "to",
            "dashes": bool(data["negated"] or data["modality"]),
            "relation": data["relation"],
            "width": 1 + min(4, len(data["evidence"]) - 1),
        })

    network = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    # bulk assignment: pyvis' add_node checks membership in a list, quadratic for large graphs
    network.nodes = nodes
    network.edges = edges
    network.node_ids = [n["id"] for n in nodes]
    network.node_map = {n["id"]: n for n in nodes}
    network.set_options(json.dumps({
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": physics, "iterations": 200, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large, "navigationButtons": False},
        "edges": {"smooth": False, "font": {"size": 10, "align": "middle"}, "color": {"inherit": False, "color": "#999999"}},
        "nodes": {"font": {"size": 14}},
        "layout": {"improvedLayout": not large},
    }))
    page = network.generate_html(notebook=False)
    counts: dict[str, int] = defaultdict(int)
    for _, data in view.nodes(data=True):
        counts[data["type"]] += 1
    return _decorate(page, title=title, notes=notes, classes=counts)


_PANEL_CSS = """
<style>
#ng-panel{position:fixed;top:8px;left:8px;z-index:10;background:rgba(255,255,255,.94);border:1px solid #ccc;
border-radius:6px;padding:8px 10px;font:13px/1.4 system-ui,sans-serif;max-width:320px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
#ng-panel h1{font-size:15px;margin:0 0 6px}
#ng-panel .ng-legend span.sw{display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:5px;vertical-align:middle}
#ng-panel .ng-legend div{cursor:pointer;white-space:nowrap}
#ng-panel .ng-legend div.off{opacity:.35}
#ng-panel input[type=search]{width:100%;box-sizing:border-box;margin:6px 0 2px;padding:3px 5px}
#ng-notes{color:#555;font-size:12px;margin-top:4px}
#ng-found{color:#555;font-size:12px;min-height:1em}
.vis-tooltip{white-space:pre-wrap !important;max-width:480px;font:12px/1.35 system-ui,sans-serif !important}
</style>
"""

_PANEL_JS = """
<script>
(function () {
  var legend = JSON.parse(document.getElementById("ng-legend-data").textContent);
  var box = document.getElementById("ng-legend");
  var hidden = {};
  legend.forEach(function (item) {
    var row = document.createElement("div");
    row.setAttribute("data-class", item.name);
    var sw = document.createElement("span");
    sw.className = "sw";
    sw.style.background = item.colour;
    row.appendChild(sw);
    row.appendChild(document.createTextNode(item.name + " (" + item.count + ")"));
    row.title = "Click to hide or show " + item.name;
    row.addEventListener("click", function () {
      hidden[item.name] = !hidden[item.name];
      row.className = hidden[item.name] ? "off" : "";
      nodes.update(nodes.get({filter: function (n) { return n.group === item.name; }})
        .map(function (n) { return {id: n.id, hidden: !!hidden[item.name]}; }));
    });
    box.appendChild(row);
  });
  var input = document.getElementById("ng-search");
  var found = document.getElementById("ng-found");
  function search() {
    var q = input.value.trim().toLowerCase();
    if (!q) { found.textContent = ""; network.unselectAll(); return; }
    var hits = nodes.get({filter: function (n) {
      if ((n.fullLabel || "").toLowerCase().indexOf(q) >= 0) return true;
      return (n.aliases || []).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
    }});
    hits.sort(function (a, b) {
      var ea = a.fullLabel.toLowerCase() === q ? 0 : 1, eb = b.fullLabel.toLowerCase() === q ? 0 : 1;
      return ea - eb || a.fullLabel.length - b.fullLabel.length;
    });
    if (!hits.length) { found.textContent = "no match"; network.unselectAll(); return; }
    network.selectNodes([hits[0].id]);
    network.focus(hits[0].id, {scale: 1.2, animation: false});
    found.textContent = hits[0].fullLabel + (hits.length > 1 ? " (+" + (hits.length - 1) + " more)" : "");
  }
  input.addEventListener("input", search);
  input.addEventListener("keydown", function (e) { if (e.key === "Enter") search(); });
  var toggle = document.getElementById("ng-physics");
  toggle.addEventListener("change", function () {
    network.setOptions({physics: {enabled: toggle.checked}});
  });
  window.newsgraphReady = true;
})();
</script>
"""


_CDN_TAGS = re.compile(r"<link\s[^>]*href=\"https?://[^>]*>|<script\s[^>]*src=\"https?://[^>]*>\s*</script>", re.S)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")
#: nothing is fetched from anywhere: scripts and styles are inline, images only data: URLs
_CSP = ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:\">")


def _decorate(page: str, *, title: str, notes: ViewNotes, classes: dict[str, int]) -> str:
    legend = [{"name": c, "colour": CLASS_COLOURS.get(c, CLASS_COLOURS["Thing"]), "count": classes[c]}
              for c in sorted(classes, key=lambda c: _CLASS_ORDER.index(c) if c in _CLASS_ORDER else 99)]
    physics_on = '"enabled": true' in page.split("var options = ", 1)[-1][:400]
    summary = f"{notes.shown_nodes} nodes, {notes.shown_edges} edges"
    if notes.total_nodes and notes.total_nodes != notes.shown_nodes:
        summary += f" (of {notes.total_nodes} nodes, {notes.total_edges} edges)"
    note_lines = "".join(f"<div>{html.escape(m)}</div>" for m in notes.messages)
    panel = (
        '<div id="ng-panel">'
        f"<h1>{html.escape(title)}</h1>"
        f'<div id="ng-summary">{html.escape(summary)}</div>'
        '<input id="ng-search" type="search" placeholder="Find an entity…" aria-label="Find an entity">'
        '<div id="ng-found"></div>'
        f'<label><input id="ng-physics" type="checkbox"{" checked" if physics_on else ""}> physics</label>'
        '<div class="ng-legend" id="ng-legend"></div>'
        f'<div id="ng-notes">{note_lines}</div>'
        "</div>"
        f'<script type="application/json" id="ng-legend-data">{_json_for_script(legend)}</script>'
    )
    # pyvis' template always links Bootstrap from a CDN and has an empty heading; the page uses
    # neither, and must not reach the network
    page = _CDN_TAGS.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    page = page.replace("<head>", f"<head>\n{_CSP}\n<title>{html.escape(title)}</title>", 1)
    page = page.replace("</head>", _PANEL_CSS + "</head>", 1)
    page = page.replace("<body>", "<body>\n" + panel, 1)
    return page.replace("</body>", _PANEL_JS + "</body>", 1)


def render_graph(
    graph: Graph,
    output: str | Path,
    *,
    title: str = "newsgraph",
    focus: str | None = None,
    hops: int = 1,
    article: str | None = None,
    classes: Sequence[str] = (),
    relations: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    max_nodes: int | None = None,
    physics: bool | None = None,
) -> ViewNotes:
    """Project ``graph``, cut the view, and write the page to ``output`` atomically."""
    network = network_from_rdf(graph)
    view, notes = select_view(network, focus=focus, hops=hops, article=article, classes=classes,
                              relations=relations, since=since, until=until, max_nodes=max_nodes)
    write_text_atomic(output, render_html(view, title=title, notes=notes, physics=physics))
    return notes


def write_network(graph: Graph, output: str | Path, fmt: str) -> Path:
    """Write the entity network as GraphML or GEXF (for Gephi, Cytoscape) with node and edge
    attributes: label, type, aliases, degree; relation, evidence count, confidence."""
    import os
    import tempfile

    network = network_from_rdf(graph)
    flat = nx.MultiDiGraph()
    for node, data in network.nodes(data=True):
        flat.add_node(node, label=data["label"], type=data["type"], aliases="; ".join(data["aliases"]),
                      facts=data["facts"], degree=network.degree(node))
    for s, o, key, data in network.edges(keys=True, data=True):
        flat.add_edge(s, o, key=key, label=data["relation"], relation=data["relation"], predicate=data["predicate"],
                      negated=data["negated"], modality=data["modality"], sentences=len(data["evidence"]),
                      confidence=data["confidence"])
    target = Path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        if fmt == "graphml":
            nx.write_graphml(flat, temp)
        elif fmt == "gexf":
            nx.write_gexf(flat, temp)
        else:
            raise NewsgraphError(f"Unknown network format {fmt!r}. Available: gexf, graphml")
        os.replace(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    return target
