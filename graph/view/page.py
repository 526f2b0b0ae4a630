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
import re
from collections import Counter
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from ..errors import NewsgraphError
from ..outputs import write_text_atomic
from ..rdf.terms import TripleSource
from .layout import label_box, overview_layout
from .network import CLASS_COLOURS, CLASS_ORDER, network_from_rdf
from .overview import (
    LABEL_CHARS,
    SMALL_VIEW,
    importance,
    named_communities,
    node_radius,
    overview_nodes,
    page_data,
    shorten,
)
from .select import View, ViewNotes, select_view

__all__ = ["render_graph", "render_html"]


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
    return (
        json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("'", "\\u0027")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


_NODES_SLOT, _EDGES_SLOT, _DATA_SLOT = "NEWSGRAPH_NODES_SLOT", "NEWSGRAPH_EDGES_SLOT", "<!--NEWSGRAPH_DATA_SLOT-->"


def render_html(
    view: nx.MultiDiGraph,
    *,
    title: str = "newsgraph",
    notes: ViewNotes | None = None,
    physics: bool | None = None,
    layout_seed: int = 7,
) -> str:
    """The HTML page of a view: vis-network inlined, legend, search, physics toggle, tooltips
    and a details panel.

    Every view is laid out in Python (communities apart, labels clear of each other) and opens
    with physics off (``physics=True`` turns it on). A view of more than :data:`SMALL_VIEW`
    nodes opens on an overview: its most important named entities (:func:`overview_nodes`);
    every node is in the page, found by the search and shown when a click opens a neighbourhood.
    """
    from pyvis.network import Network

    notes = notes or ViewNotes(
        total_nodes=view.number_of_nodes(),
        total_edges=view.number_of_edges(),
        shown_nodes=view.number_of_nodes(),
        shown_edges=view.number_of_edges(),
    )
    large = view.number_of_nodes() > SMALL_VIEW
    ranks = importance(view)
    first = overview_nodes(view, ranks)
    top = max(ranks.values(), default=1.0) or 1.0
    groups, communities = named_communities(view, first, ranks, layout_seed)
    boxes = {
        n: label_box(shorten(view.nodes[n]["label"], LABEL_CHARS), node_radius(ranks[n], top), big=k < 10)
        for k, n in enumerate(first)
    }
    positions = overview_layout(view.subgraph(first), boxes, groups, seed=layout_seed)
    community = {n: number for number, members in enumerate(groups) for n in members}
    physics = bool(physics)
    nodes, edges = page_data(view, set(first), ranks, positions, community)
    many_edges = sum(1 for e in edges if e.get("shown")) > 3000
    options = {
        "physics": {"enabled": physics, "solver": "forceAtlas2Based", "stabilization": {"enabled": False}},
        "interaction": {
            "hover": True,
            "hideEdgesOnDrag": many_edges,
            "hideEdgesOnZoom": many_edges,
            "navigationButtons": False,
            "multiselect": False,
            "tooltipDelay": 100,
        },
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {
                "size": 12,
                "align": "horizontal",
                "face": "system-ui, sans-serif",
                "color": "#222222",
                "strokeWidth": 4,
                "strokeColor": "#ffffff",
            },
            "color": {
                "inherit": False,
                "color": "#d2d2d2" if large else "#b8b8b8",
                "highlight": "#333333",
                "hover": "#555555",
            },
            "selectionWidth": 1.5,
            "width": 1,
        },
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {
                "size": 13,
                "face": "system-ui, sans-serif",
                "color": "#111111",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "scaling": {"label": {"enabled": False}},
        },
        "layout": {"improvedLayout": False, "randomSeed": layout_seed},  # the same page every time
        # a class's colour, also for nodes a click or a search adds (vis' own group colours otherwise)
        "groups": {
            name: {
                "color": {
                    "background": colour,
                    "border": "#555555",
                    "highlight": {"background": colour, "border": "#111111"},
                    "hover": {"background": colour, "border": "#111111"},
                }
            }
            for name, colour in CLASS_COLOURS.items()
        },
    }
    network = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    # pyvis' generate_html is bypassed on purpose: when any node title contains "href" it
    # switches to a popup that sets innerHTML from the title, an injection point for article
    # text. Its template is rendered with every such feature off, and the nodes and edges go
    # in afterwards as JSON made safe for a script element (in bulk: pyvis' add_node is
    # quadratic, and the template's own tojson would sort the keys of 60,000 objects).
    template = network.templateEnv.get_template(network.path)
    page = template.render(
        height=network.height,
        width=network.width,
        nodes=_NODES_SLOT,
        edges=_EDGES_SLOT,
        heading="",
        options=json.dumps(options),
        physics_enabled=physics,
        use_DOT=False,
        dot_lang="",
        widget=False,
        bgcolor=network.bgcolor,
        conf=False,
        tooltip_link=False,
        neighborhood_highlight=False,
        select_menu=False,
        filter_menu=False,
        notebook=False,
        cdn_resources="in_line",
    )
    counts = Counter(data["type"] for _, data in view.nodes(data=True))
    cited = {item[1] for edge in edges for item in edge["evidence"]}
    cited.update(doc for node in nodes for doc in node.get("documents", ()))
    articles = {
        doc: {"title": meta.get("title", ""), "url": _safe_url(meta.get("url", "")), "date": meta.get("date", "")}
        for doc, meta in view.graph.get("articles", {}).items()
        if doc in cited
    }
    page = _decorate(
        page,
        title=title,
        notes=notes,
        classes=counts,
        articles=articles,
        large=large,
        physics=physics,
        communities=communities,
        shown=len(first),
    )
    # the DataSets are read with JSON.parse from inert application/json elements placed before
    # the template's script: several times faster for the browser than a 20 MB object literal
    # the DataSets get the nodes and edges shown at first; the page keeps all of them
    # (a copy of those shown at first, so the first frame does not wait for the whole graph's JSON)
    page = page.replace(f'"{_NODES_SLOT}"', 'JSON.parse(document.getElementById("ng-first-nodes").textContent)', 1)
    page = page.replace(f'"{_EDGES_SLOT}"', 'JSON.parse(document.getElementById("ng-first-edges").textContent)', 1)
    page = page.replace(_CSP_SLOT, _CSP.format(scripts=_script_hashes(page)), 1)
    head, tail = page.split(_DATA_SLOT, 1)
    first_nodes = [n for n in nodes if n.get("shown")]
    first_edges = [e for e in edges if e.get("shown")]
    # the whole graph's edges name their ends by position in the node list (IRIs are long); the
    # page puts the ids back when it reads them
    position = {n["id"]: i for i, n in enumerate(nodes)}
    edges = [{**e, "from": position[e["from"]], "to": position[e["to"]]} for e in edges]
    return "".join(
        (
            head,
            '<script type="application/json" id="ng-first-nodes">',
            _json_for_script(first_nodes),
            '</script>\n<script type="application/json" id="ng-first-edges">',
            _json_for_script(first_edges),
            '</script>\n<script type="application/json" id="ng-nodes">',
            _json_for_script(nodes),
            '</script>\n<script type="application/json" id="ng-edges">',
            _json_for_script(edges),
            "</script>",
            tail,
        )
    )


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
_CSP = (
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; script-src {scripts}; '
    "style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'\">"
)
_CSP_SLOT = "<!--NEWSGRAPH_CSP_SLOT-->"
_EXECUTABLE_SCRIPT = re.compile(r'<script(?: type="text/javascript")?>(.*?)</script>', re.DOTALL)


def _script_hashes(page: str) -> str:
    import base64
    import hashlib

    digests = sorted(
        {
            base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
            for body in _EXECUTABLE_SCRIPT.findall(page)
        }
    )
    return " ".join(f"'sha256-{digest}'" for digest in digests)


def _decorate(
    page: str,
    *,
    title: str,
    notes: ViewNotes,
    classes: dict[str, int],
    articles: dict[str, dict[str, str]],
    large: bool,
    physics: bool,
    communities: list[dict[str, Any]],
    shown: int,
) -> str:
    legend = [
        {"name": c, "colour": CLASS_COLOURS.get(c, CLASS_COLOURS["Thing"]), "count": classes[c]}
        for c in sorted(classes, key=lambda c: CLASS_ORDER.index(c) if c in CLASS_ORDER else 99)
    ]
    summary = f"{notes.shown_nodes} nodes, {notes.shown_edges} edges"
    if notes.total_nodes and (notes.total_nodes, notes.total_edges) != (notes.shown_nodes, notes.shown_edges):
        summary += f" (of {notes.total_nodes} nodes, {notes.total_edges} edges)"
    note_lines = "".join(f"<div>{html.escape(m)}</div>" for m in notes.messages)
    if large:
        note_lines += (
            f'<div id="ng-overview">Overview: the {shown} most important entities of '
            f"{notes.shown_nodes}. Click a node to open its neighbours; search finds every entity."
            "</div>"
        )
    dates = sorted({meta["date"][:7] for meta in articles.values() if len(meta.get("date", "")) >= 7})
    time_filter = ""
    if len(dates) > 1:
        options = "".join(f'<option value="{html.escape(d)}">{html.escape(d)}</option>' for d in dates)
        time_filter = (
            '<div id="ng-time" class="ng-row">Dates <select id="ng-since" aria-label="from">'
            + options
            + '</select> to <select id="ng-until" aria-label="to">'
            + options
            + "</select></div>"
        )
    article_pick = ""
    if len(articles) > 1:
        choices = "".join(
            f'<option value="{html.escape(doc)}">{html.escape(shorten(doc + (" - " + meta["title"] if meta.get("title") else ""), 60))}</option>'
            for doc, meta in sorted(articles.items())[:5000]
        )
        article_pick = (
            '<div class="ng-row"><select id="ng-article" aria-label="Show one article">'
            '<option value="">All articles</option>' + choices + "</select></div>"
        )
    panel = (
        '<div id="ng-panel" class="ng-box">'
        f"<h1>{html.escape(title)}</h1>"
        f'<div id="ng-summary">{html.escape(summary)}</div>'
        '<input id="ng-search" type="search" placeholder="Find an entity…" aria-label="Find an entity" autocomplete="off">'
        '<div id="ng-found" aria-live="polite"></div>'
        '<div class="ng-row">'
        f'<label title="Let the layout move"><input id="ng-physics" type="checkbox"{" checked" if physics else ""}> physics</label> '
        f'<label title="Show concepts, times and quantities"><input id="ng-concepts" type="checkbox"{"" if large else " checked"}> concepts</label> '
        '<button id="ng-fit" type="button">fit</button></div>'
        + article_pick
        + time_filter
        + '<div class="ng-legend" id="ng-legend"></div>'
        '<details id="ng-communities-box"><summary>Communities</summary><div id="ng-communities"></div></details>'
        f'<div id="ng-notes">{note_lines}</div>'
        "</div>"
        '<div id="ng-details" class="ng-box" role="region" aria-label="Details">'
        '<button id="ng-close" class="ng-close" type="button" aria-label="Close">\u00d7</button>'
        '<div id="ng-details-body"></div></div>'
        '<div id="ng-tip" role="tooltip"></div>'
        f'<script type="application/json" id="ng-data">'
        f"{_json_for_script({'legend': legend, 'articles': articles, 'large': large, 'communities': communities, 'stabilizing': False})}</script>"
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


def render_graph(
    graph: TripleSource,
    output: str | Path,
    view: View | None = None,
    *,
    title: str = "newsgraph",
    physics: bool | None = None,
    **options: Any,
) -> ViewNotes:
    """Project ``graph``, cut ``view`` out of it (see :func:`select_view`; ``options`` are fields of
    :class:`View`, a shorthand for it), and write the page to ``output`` atomically. Returns the
    notes that say what the view shows and left out."""
    network = network_from_rdf(graph)
    shown, notes = select_view(network, view, **options)
    write_text_atomic(output, render_html(shown, title=title, notes=notes, physics=physics))
    return notes
