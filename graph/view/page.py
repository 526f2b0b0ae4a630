"""The HTML page of a view: vis-network (through pyvis' template), a legend, search, a physics
toggle, tooltips and a details panel, in one self-contained file.

:func:`render_html` draws a view with vis-network inlined, so the page works from ``file://``
with the network off; :func:`render_graph` projects an RDF graph, cuts a view and writes its page.
The page's own code and style are the package files ``page.js`` and ``page.css``.

Every string that came from an article reaches the page only as JSON in an inert
``application/json`` script element (with ``<``, ``>``, ``&`` and ``'`` escaped) or through
``html.escape``. In the browser the tooltips, the details panel and the legend show it with
``textContent``; links are made only from ``http``/``https`` URLs. On top of that the page's
Content-Security-Policy lets only its own scripts run (by hash) and loads nothing from anywhere.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import Counter
from collections.abc import Hashable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from ..errors import NewsgraphError
from ..outputs import write_text_atomic
from ..rdf.terms import TripleSource
from .layout import LAYOUT_THRESHOLD, compute_layout
from .network import CLASS_COLOURS, CLASS_ORDER, network_from_rdf
from .select import View, ViewNotes, select_view

__all__ = ["render_graph", "render_html"]


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _safe_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL, else "" (never a javascript: or data: link)."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def _json_for_script(value: Any) -> str:
    """JSON safe to put inside a <script> element: no ``<``, ``>``, ``&``, ``'`` or line separators
    appear literally, so no text can close the element or open a comment."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _page_data(view: nx.MultiDiGraph, large: bool,
               positions: dict[Hashable, tuple[float, float]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The vis DataSets: structured data, no HTML; tooltips and the side panel are built from it
    in the browser (fields equal to their default are left out to keep large pages small)."""
    degrees = dict(view.degree())
    top = max(degrees.values(), default=1) or 1
    nodes = []
    for node, data in sorted(view.nodes(data=True), key=lambda item: str(item[0])):
        entry: dict[str, Any] = {
            "id": node,
            "label": _shorten(data["label"], 40),
            "fullLabel": data["label"],
            "group": data["type"],
            "color": CLASS_COLOURS.get(data["type"], CLASS_COLOURS["Thing"]),
            "size": round(10 + 30 * math.sqrt(degrees.get(node, 0) / top), 1),
            "facts": data["facts"],
        }
        if data["aliases"]:
            entry["aliases"] = data["aliases"]
        if data.get("documents"):
            entry["documents"] = data["documents"]
        if data.get("focus"):
            entry["focus"] = True
            entry["borderWidth"] = 4
        if node in positions:  # whole pixels: vis-network reports positions rounded anyway
            entry["x"], entry["y"] = (round(c) for c in positions[node])
        nodes.append(entry)
    edges = []
    ordered = sorted(view.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    for number, (s, o, _key, data) in enumerate(ordered):
        entry = {
            "id": f"e{number}",
            "from": s,
            "to": o,
            "relation": data["relation"],
            "confidence": round(float(data["confidence"]), 3),
            "evidence": [[text, doc, date, round(float(conf), 3)] for text, doc, date, conf in data["evidence"]],
        }
        if data["negated"]:
            entry["negated"] = True
        if data["modality"]:
            entry["modality"] = data["modality"]
        if data["negated"] or data["modality"]:
            entry["dashes"] = True
        if len(data["evidence"]) > 1:
            entry["width"] = min(5, len(data["evidence"]))
        if not large:  # on large views labels appear on the edges of the selected nodes only
            entry["label"] = _shorten(("not " if data["negated"] else "") + data["relation"], 40)
        edges.append(entry)
    return nodes, edges


_NODES_SLOT, _EDGES_SLOT, _DATA_SLOT = "NEWSGRAPH_NODES_SLOT", "NEWSGRAPH_EDGES_SLOT", "<!--NEWSGRAPH_DATA_SLOT-->"


def render_html(view: nx.MultiDiGraph, *, title: str = "newsgraph", notes: ViewNotes | None = None,
                physics: bool | None = None, layout_seed: int = 7) -> str:
    """The HTML page of a view: vis-network inlined, legend, search, physics toggle, tooltips
    and a details panel.

    Views with more than :data:`LAYOUT_THRESHOLD` nodes are laid out in Python
    (:func:`compute_layout`) and start with physics off; ``physics`` overrides that.
    """
    from pyvis.network import Network

    notes = notes or ViewNotes(total_nodes=view.number_of_nodes(), total_edges=view.number_of_edges(),
                               shown_nodes=view.number_of_nodes(), shown_edges=view.number_of_edges())
    large = view.number_of_nodes() > LAYOUT_THRESHOLD
    if physics is None:
        physics = not large
    positions = compute_layout(view, seed=layout_seed) if large else {}
    nodes, edges = _page_data(view, large, positions)
    options = {
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": physics and not large, "iterations": 200, "fit": True}},
        "interaction": {"hover": True, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "navigationButtons": False, "multiselect": False},
        "edges": {"smooth": False, "arrows": "to", "font": {"size": 10, "align": "middle"},
                  "color": {"inherit": False, "color": "#999999", "highlight": "#333333", "hover": "#555555"},
                  "selectionWidth": 2},
        "nodes": {"shape": "dot", "font": {"size": 14}},
        "layout": {"improvedLayout": not large, "randomSeed": layout_seed},  # the same page every time
    }
    network = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    # pyvis' generate_html is bypassed on purpose: when any node title contains "href" it
    # switches to a popup that sets innerHTML from the title, an injection point for article
    # text. Its template is rendered with every such feature off, and the nodes and edges go
    # in afterwards as JSON made safe for a script element (in bulk: pyvis' add_node is
    # quadratic, and the template's own tojson would sort the keys of 60,000 objects).
    template = network.templateEnv.get_template(network.path)
    page = template.render(
        height=network.height, width=network.width, nodes=_NODES_SLOT, edges=_EDGES_SLOT, heading="",
        options=json.dumps(options), physics_enabled=physics, use_DOT=False, dot_lang="", widget=False,
        bgcolor=network.bgcolor, conf=False, tooltip_link=False, neighborhood_highlight=False,
        select_menu=False, filter_menu=False, notebook=False, cdn_resources="in_line",
    )
    counts = Counter(data["type"] for _, data in view.nodes(data=True))
    cited = {item[1] for edge in edges for item in edge["evidence"]}
    cited.update(doc for node in nodes for doc in node.get("documents", ()))
    articles = {doc: {"title": meta.get("title", ""), "url": _safe_url(meta.get("url", "")), "date": meta.get("date", "")}
                for doc, meta in view.graph.get("articles", {}).items() if doc in cited}
    page = _decorate(page, title=title, notes=notes, classes=counts, articles=articles, large=large, physics=physics)
    # the DataSets are read with JSON.parse from inert application/json elements placed before
    # the template's script: several times faster for the browser than a 20 MB object literal
    page = page.replace(f'"{_NODES_SLOT}"', 'JSON.parse(document.getElementById("ng-nodes").textContent)', 1)
    page = page.replace(f'"{_EDGES_SLOT}"', 'JSON.parse(document.getElementById("ng-edges").textContent)', 1)
    page = page.replace(_CSP_SLOT, _CSP.format(scripts=_script_hashes(page)), 1)
    head, tail = page.split(_DATA_SLOT, 1)
    return "".join((head, '<script type="application/json" id="ng-nodes">', _json_for_script(nodes),
                    '</script>\n<script type="application/json" id="ng-edges">', _json_for_script(edges), "</script>",
                    tail))


@cache
def _asset(name: str) -> str:
    """A file of this package (page.js, page.css), as text."""
    return files("graph.view").joinpath(name).read_text(encoding="utf-8")


def _panel_css() -> str:
    return "\n<style>\n" + _asset("page.css") + "</style>\n"


def _panel_js() -> str:
    """The page's own code. Everything that came from an article is put into the page with
    textContent or createTextNode; hrefs only from http(s) URLs. It runs right after pyvis'
    drawGraph(): nodes, edges and network are its globals."""
    return "\n" + _asset("page.js")


_REMOTE = re.compile(r"<link\s[^>]*href=\"https?://[^>]*>|<script\s[^>]*src=\"https?://[^>]*>\s*</script>", re.DOTALL)
_TEMPLATE_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")
#: nothing is fetched from anywhere (scripts and styles are inline, images only data: URLs), and
#: only the page's own scripts run: each is allowed by its SHA-256, so a script or an event
#: handler that article text managed to smuggle in would not (defence in depth: the text is
#: escaped anyway)
_CSP = ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; script-src {scripts}; '
        "style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'\">")
_CSP_SLOT = "<!--NEWSGRAPH_CSP_SLOT-->"
_EXECUTABLE_SCRIPT = re.compile(r'<script(?: type="text/javascript")?>(.*?)</script>', re.DOTALL)


def _script_hashes(page: str) -> str:
    import base64
    import hashlib

    digests = sorted({base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
                      for body in _EXECUTABLE_SCRIPT.findall(page)})
    return " ".join(f"'sha256-{digest}'" for digest in digests)


def _decorate(page: str, *, title: str, notes: ViewNotes, classes: dict[str, int], articles: dict[str, dict[str, str]],
              large: bool, physics: bool) -> str:
    legend = [{"name": c, "colour": CLASS_COLOURS.get(c, CLASS_COLOURS["Thing"]), "count": classes[c]}
              for c in sorted(classes, key=lambda c: CLASS_ORDER.index(c) if c in CLASS_ORDER else 99)]
    summary = f"{notes.shown_nodes} nodes, {notes.shown_edges} edges"
    if notes.total_nodes and (notes.total_nodes, notes.total_edges) != (notes.shown_nodes, notes.shown_edges):
        summary += f" (of {notes.total_nodes} nodes, {notes.total_edges} edges)"
    note_lines = "".join(f"<div>{html.escape(m)}</div>" for m in notes.messages)
    if large:
        note_lines += ("<div>Laid out in advance; physics is off. Edge labels show around the selected "
                       "node; click an edge or a node for details.</div>")
    panel = (
        '<div id="ng-panel" class="ng-box">'
        f"<h1>{html.escape(title)}</h1>"
        f'<div id="ng-summary">{html.escape(summary)}</div>'
        '<input id="ng-search" type="search" placeholder="Find an entity…" aria-label="Find an entity" autocomplete="off">'
        '<div id="ng-found" aria-live="polite"></div>'
        f'<label title="Let the layout move (slow on large graphs)"><input id="ng-physics" type="checkbox"'
        f'{" checked" if physics else ""}> physics</label>'
        '<div class="ng-legend" id="ng-legend"></div>'
        f'<div id="ng-notes">{note_lines}</div>'
        "</div>"
        '<div id="ng-details" class="ng-box" role="region" aria-label="Details">'
        '<button id="ng-close" class="ng-close" type="button" aria-label="Close">\u00d7</button>'
        '<div id="ng-details-body"></div></div>'
        '<div id="ng-tip" role="tooltip"></div>'
        f'<script type="application/json" id="ng-data">'
        f"{_json_for_script({'legend': legend, 'articles': articles, 'large': large, 'stabilizing': physics and not large and bool(classes)})}</script>"
        + _DATA_SLOT
    )
    # pyvis' template links Bootstrap from a CDN, has an empty heading and a commented-out
    # script tag; the page uses none of them and must not reach the network
    page = _REMOTE.sub("", page)
    page = _TEMPLATE_COMMENT.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    page = page.replace("<head>", f"<head>\n{_CSP_SLOT}\n<title>{html.escape(title)}</title>", 1)
    page = page.replace("</head>", _panel_css() + "</head>", 1)
    page = page.replace("<body>", "<body>\n" + panel, 1)
    # the page's code runs in the template's script right after the network is made, so no
    # event of vis-network's (first drawing, end of stabilisation) can come before its listeners
    call = "drawGraph();"
    if page.count(call) != 1:
        raise NewsgraphError("pyvis' template changed: cannot find where the network is drawn")
    return page.replace(call, call + "\n" + _panel_js(), 1)


def render_graph(graph: TripleSource, output: str | Path, view: View | None = None, *, title: str = "newsgraph",
                 physics: bool | None = None, **options: Any) -> ViewNotes:
    """Project ``graph``, cut ``view`` out of it (see :func:`select_view`; ``options`` are fields of
    :class:`View`, a shorthand for it), and write the page to ``output`` atomically. Returns the
    notes that say what the view shows and left out."""
    network = network_from_rdf(graph)
    shown, notes = select_view(network, view, **options)
    write_text_atomic(output, render_html(shown, title=title, notes=notes, physics=physics))
    return notes
