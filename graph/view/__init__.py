"""The interactive network view: RDF -> networkx -> one self-contained pyvis HTML page.

- :mod:`graph.view.network`: :func:`network_from_rdf` projects the entity graph (one node per
  entity, one edge per relation with every sentence behind it); :func:`write_network` exports it
  as GraphML or GEXF.
- :mod:`graph.view.select`: a :class:`View` says which part of the network to show (focus and
  hops, article, classes, relations, dates, named entities only, most connected nodes);
  :func:`select_view` cuts it out and says in :class:`ViewNotes` what it left out.
- :mod:`graph.view.layout`: :func:`overview_layout` places what a page shows first (communities
  apart, labels clear of each other); :func:`compute_layout` places a whole large graph (numpy).
- :mod:`graph.view.page`: :func:`render_html` draws a view as a page that works offline (an
  overview of the most important named entities above 50 nodes; labels placed without overlaps),
  with
  its code and style in ``page.js`` and ``page.css``; :func:`render_graph` does all of it, from
  an RDF graph to a written page.

>>> from graph.view import View, render_graph
>>> render_graph(kg, "out/nazarbayev.html", View(focus="Nazarbayev", hops=2))  # doctest: +SKIP
"""

from __future__ import annotations

from .layout import LAYOUT_THRESHOLD, compute_layout
from .network import CLASS_COLOURS, NETWORK_FORMATS, network_from_rdf, readable_relation, write_network
from .page import render_graph, render_html
from .select import View, ViewNotes, select_view

__all__ = [
    "CLASS_COLOURS",
    "LAYOUT_THRESHOLD",
    "NETWORK_FORMATS",
    "View",
    "ViewNotes",
    "compute_layout",
    "network_from_rdf",
    "readable_relation",
    "render_graph",
    "render_html",
    "select_view",
    "write_network",
]
