"""The interactive network view: RDF -> networkx -> one self-contained pyvis HTML page.

:func:`network_from_rdf` projects the entity graph (one node per entity, one edge per relation
between two entities with every sentence that supports it); :func:`select_view` cuts a view
(focus + hops, one article, classes, relations, dates, most connected nodes);
:func:`compute_layout` places a large view in Python (pivot MDS, then force-directed refinement
with mesh-based repulsion: linear in the size of the graph); :func:`render_html` draws it with
vis-network inlined, so the page works from ``file://`` with the network off.

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
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from .errors import NewsgraphError, UnknownNameError
from .outputs import atomic_output, write_text_atomic
from .rdf.namespaces import NKG, PREFIXES, SCHEMA

__all__ = [
    "network_from_rdf",
    "select_view",
    "compute_layout",
    "render_html",
    "render_graph",
    "write_network",
    "ViewNotes",
    "CLASS_COLOURS",
    "LAYOUT_THRESHOLD",
]

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
#: classes that are not named entities (left out with ``include_concepts=False``)
_NON_NAMES = ("Concept", "TimeExpression", "Quantity")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True)
class ViewNotes:
    """What a view shows and what it left out, said on the page and by the CLI."""

    total_nodes: int = 0
    total_edges: int = 0
    shown_nodes: int = 0
    shown_edges: int = 0
    messages: tuple[str, ...] = ()


# ------------------------------------------------------------------------------ RDF -> network

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


def _compact(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def network_from_rdf(graph: Graph) -> nx.MultiDiGraph:
    """The entity network of a newsgraph RDF graph.

    Nodes are entities (``nkg:Entity``) with ``label``, ``type``, ``aliases``, ``documents`` and
    ``facts`` (how many readings of facts mention it); edges run subject -> object with
    ``relation`` (its label), ``predicate`` (IRI), ``negated``, ``modality``, ``confidence`` (the
    highest) and ``evidence``: a list of (sentence, article id, date, confidence), most confident
    first. ``network.graph["articles"]`` maps article ids to their ``title``, ``url`` and ``date``.
    """
    network = nx.MultiDiGraph()

    def first(predicate: URIRef) -> dict[Any, Any]:
        """subject -> object of ``predicate`` (the smallest, if there are several): one pass
        over the triples instead of one lookup per subject."""
        values: dict[Any, Any] = {}
        for subject, value in graph.subject_objects(predicate):
            if subject not in values or str(value) < str(values[subject]):
                values[subject] = value
        return values

    def every(predicate: URIRef) -> dict[Any, set[str]]:
        values: dict[Any, set[str]] = defaultdict(set)
        for subject, value in graph.subject_objects(predicate):
            values[subject].add(str(value))
        return values

    entity_types: dict[URIRef, list[URIRef]] = defaultdict(list)
    for s, o in graph.subject_objects(RDF.type):
        if isinstance(s, URIRef):
            entity_types[s].append(o)  # type: ignore[arg-type]
    entities = sorted(s for s, kinds in entity_types.items() if NKG.Entity in kinds)
    preferred, labels, aliases, mentioned = first(SKOS.prefLabel), first(RDFS.label), every(SKOS.altLabel), every(NKG.mentionedIn)
    for entity in entities:
        label = str(preferred.get(entity) or labels.get(entity) or _local(str(entity)))
        network.add_node(str(entity), label=label, type=_class_of(entity_types[entity]),
                         aliases=sorted(aliases.get(entity, set()) - {label}),
                         documents=sorted(_local(d) for d in mentioned.get(entity, ())), facts=0)

    dates, identifiers, headlines, urls = (first(SCHEMA.datePublished), first(SCHEMA.identifier), first(SCHEMA.headline),
                                           first(SCHEMA.url))
    articles: dict[str, tuple[str, str]] = {}
    metadata: dict[str, dict[str, str]] = {}
    for article, kinds in entity_types.items():
        if SCHEMA.NewsArticle not in kinds:
            continue
        identifier = str(identifiers.get(article) or _local(str(article)))
        date = str(dates.get(article) or "")
        articles[str(article)] = (identifier, date)
        metadata[identifier] = {"title": str(headlines.get(article) or ""), "url": str(urls.get(article) or ""),
                                "date": date}
    network.graph["articles"] = dict(sorted(metadata.items()))
    texts, parts = first(SCHEMA.text), first(SCHEMA.isPartOf)
    sentences = {str(s): (str(texts.get(s) or ""), str(parts.get(s) or ""))
                 for s, kinds in entity_types.items() if NKG.Sentence in kinds}

    subjects, predicates, objects = first(RDF.subject), first(RDF.predicate), first(RDF.object)
    negations, modalities, confidences, sources = (first(NKG.negated), first(NKG.modality), first(NKG.confidence),
                                                   first(PROV.wasDerivedFrom))
    relation_labels: dict[str, str] = {}
    grouped: dict[tuple[str, str, str, bool, str], list[tuple[str, str, str, float]]] = defaultdict(list)
    for assertion, kinds in entity_types.items():
        if NKG.Assertion not in kinds:
            continue
        s, p, o = subjects.get(assertion), predicates.get(assertion), objects.get(assertion)
        if s is None or p is None or o is None or str(s) not in network or str(o) not in network:
            continue
        negated = bool(negations.get(assertion))
        modality = str(modalities.get(assertion) or "")
        confidence = float(confidences.get(assertion) or 0.0)
        text, article = sentences.get(str(sources.get(assertion) or ""), ("", ""))
        doc_id, date = articles.get(article, (_local(article), ""))
        grouped[(str(s), str(p), str(o), negated, modality)].append((text, doc_id, date, confidence))
        if str(p) not in relation_labels:
            label = labels.get(p)
            relation_labels[str(p)] = str(label) if label is not None else _compact(str(p))
    for (s, p, o, negated, modality), evidence in sorted(grouped.items()):
        evidence.sort(key=lambda e: (-e[3], e[1], e[0]))
        network.add_edge(s, o, key=f"{p}|{negated}|{modality}", predicate=p, relation=relation_labels[p],
                         negated=negated, modality=modality, evidence=evidence,
                         confidence=max(e[3] for e in evidence))
        network.nodes[s]["facts"] += len(evidence)
        if o != s:
            network.nodes[o]["facts"] += len(evidence)
    return network


# ------------------------------------------------------------------------------ views

def _matches(network: nx.MultiDiGraph, name: str) -> list[str]:
    wanted = " ".join(name.casefold().split())
    exact = [n for n, d in network.nodes(data=True)
             if d["label"].casefold() == wanted or any(a.casefold() == wanted for a in d["aliases"])]
    if exact:
        return exact
    return [n for n, d in network.nodes(data=True)
            if wanted in d["label"].casefold() or any(wanted in a.casefold() for a in d["aliases"])]


def _listing(values: Iterable[str], limit: int = 12) -> str:
    values = sorted(set(values))
    shown = ", ".join(values[:limit])
    return shown + (f", … ({len(values) - limit} more)" if len(values) > limit else "") if values else "(none)"


def _check_date(value: str | None, option: str) -> str | None:
    if value is None or value == "":
        return None
    if not _DATE.fullmatch(value.strip()):
        raise NewsgraphError(f"{option} {value!r} is not a date: use YYYY-MM-DD (or YYYY-MM, YYYY)")
    return value.strip()


def _in_range(date: str, since: str | None, until: str | None) -> bool:
    """Dates compare as text on the precision given: until 2020-03 includes all of March."""
    if not (since or until):
        return True
    if not date:
        return False
    return (not since or date[:len(since)] >= since) and (not until or date[:len(until)] <= until)


def _left_out_summary(network: nx.MultiDiGraph, dropped: Iterable[str]) -> str:
    kinds = Counter(network.nodes[n]["type"] for n in dropped)
    return ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))


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
    """Cut a view out of the network; the notes say what it shows and what was left out.

    Filters apply in this order: article, dates and relations (on the sentences behind each
    edge; an edge none of whose sentences pass is dropped), classes, ``focus`` (entities whose
    label or alias is ``focus``, else contains it) with everything within ``hops`` steps, then
    ``max_nodes`` (the most connected nodes are kept, and the focus entities always). Raises
    :class:`NewsgraphError` for names that match nothing, saying what there is.
    """
    if hops < 0:
        raise NewsgraphError(f"hops must be 0 or more, not {hops}")
    if max_nodes is not None and max_nodes < 1:
        raise NewsgraphError(f"max_nodes must be 1 or more, not {max_nodes}")
    since, until = _check_date(since, "--since"), _check_date(until, "--until")
    if since and until and since[:len(until)] > until:
        raise NewsgraphError(f"--since {since} is after --until {until}")
    messages: list[str] = []
    view = network
    if article is not None and article not in network.graph.get("articles", {}):
        raise NewsgraphError(f"No article {article!r} in the graph. Articles: "
                             + _listing(network.graph.get("articles", {})))
    wanted_relations = {r.casefold() for r in relations}
    if wanted_relations:
        known = {d["relation"].casefold() for _, _, d in network.edges(data=True)}
        known |= {_local(d["predicate"]).casefold() for _, _, d in network.edges(data=True)}
        missing = sorted(r for r in relations if r.casefold() not in known)
        if missing:
            raise NewsgraphError(f"No relation {missing[0]!r} in the graph. Relations: "
                                 + _listing(d["relation"] for _, _, d in network.edges(data=True)))
    if article or since or until or wanted_relations:
        view = network.copy()
        drop = []
        for s, o, key, data in view.edges(keys=True, data=True):
            if wanted_relations and data["relation"].casefold() not in wanted_relations \
                    and _local(data["predicate"]).casefold() not in wanted_relations:
                drop.append((s, o, key))
                continue
            evidence = [e for e in data["evidence"] if (not article or e[1] == article) and _in_range(e[2], since, until)]
            if evidence:
                data["evidence"] = evidence
                data["confidence"] = max(e[3] for e in evidence)
            else:
                drop.append((s, o, key))
        view.remove_edges_from(drop)
        keep_unlinked = {n for n, d in view.nodes(data=True) if article and article in d.get("documents", ())}
        view.remove_nodes_from([n for n in list(view) if view.degree(n) == 0 and n not in keep_unlinked])
        if article:
            title = network.graph["articles"][article].get("title")
            messages.append(f"article {article}" + (f" ({title})" if title else ""))
        if since or until:
            messages.append(f"facts dated {since or '…'} to {until or '…'} (undated facts left out)")
        if relations:
            messages.append("relations: " + ", ".join(relations))
    if classes:
        canonical = {c.casefold(): c for c in _CLASS_ORDER}
        unknown = [c for c in classes if c.casefold() not in canonical]
        if unknown:
            raise UnknownNameError("class", unknown[0], _CLASS_ORDER)
        wanted = {canonical[c.casefold()] for c in classes}
        view = view.subgraph([n for n, d in view.nodes(data=True) if d["type"] in wanted])
        messages.append("classes: " + ", ".join(sorted(wanted, key=_CLASS_ORDER.index)))
    if not include_concepts:
        view = view.subgraph([n for n, d in view.nodes(data=True) if d["type"] not in _NON_NAMES])
        messages.append("named entities only")
    centres: list[str] = []
    if focus:
        centres = _matches(view, focus)
        if not centres:
            where = "in this view" if view is not network else "in the graph"
            raise NewsgraphError(f"No entity named {focus!r} {where} (matched against labels and aliases)")
        undirected = view.to_undirected(as_view=True)
        keep: set[str] = set()
        for centre in centres:
            keep.update(nx.single_source_shortest_path_length(undirected, centre, cutoff=hops))
        view = view.subgraph(keep)
        labels = sorted(network.nodes[c]["label"] for c in centres)
        messages.append(f"{hops} hop{'s' if hops != 1 else ''} around " + _listing(labels, 5))
    if max_nodes is not None and view.number_of_nodes() > max_nodes:
        ranked = sorted(view.nodes, key=lambda n: (n not in centres, -view.degree(n), view.nodes[n]["label"], n))
        kept = ranked[:max_nodes]
        dropped = ranked[max_nodes:]
        before_edges = view.number_of_edges()
        view = view.subgraph(kept)
        messages.append(f"showing the {len(kept)} most connected of {len(ranked)} nodes; left out "
                        f"{len(dropped)} nodes ({_left_out_summary(network, dropped)}) and "
                        f"{before_edges - view.number_of_edges()} edges")
    if view.number_of_nodes() == 0:
        messages.append("nothing matches this view")
    if view is network or nx.is_frozen(view):
        view = view.copy()
    for centre in centres:
        if centre in view:
            view.nodes[centre]["focus"] = True
    view.graph["articles"] = dict(network.graph.get("articles", {}))
    notes = ViewNotes(total_nodes=network.number_of_nodes(), total_edges=network.number_of_edges(),
                      shown_nodes=view.number_of_nodes(), shown_edges=view.number_of_edges(),
                      messages=tuple(messages))
    return view, notes


# ------------------------------------------------------------------------------ layout
#
# A fast force-directed layout in numpy, linear in nodes and edges per iteration:
#  1. components: each component with more than _SMALL_COMPONENT nodes starts from pivot MDS
#     (Brandes & Pich 2006: breadth-first distances to 40 pivots, a 2-D projection of them); the
#     small ones start at random;
#  2. Fruchterman-Reingold refinement: attraction d^2 along edges; repulsion 1/d between all
#     pairs computed on a grid (cloud-in-cell density convolved with the 1/d kernel by FFT, the
#     particle-mesh method), plus exact repulsion between the ends of each edge so that tight
#     clusters keep their shape below the grid's resolution; the small components get exact
#     all-pairs repulsion within themselves; no component drifts as a whole;
#  3. the components are packed in rows, largest first.

_SMALL_COMPONENT = 48
_PIVOTS = 40


def _edge_force(pos: Any, i: Any, j: Any, values: Any) -> Any:
    """Sum per node of ``values`` (one row per pair) added at ``i`` and subtracted at ``j``."""
    import numpy as np

    out = np.empty_like(pos)
    for axis in (0, 1):
        out[:, axis] = (np.bincount(i, weights=values[:, axis], minlength=len(pos))
                        - np.bincount(j, weights=values[:, axis], minlength=len(pos)))
    return out


def _attraction(pos: Any, u: Any, v: Any) -> Any:
    import numpy as np

    d = pos[v] - pos[u]
    return _edge_force(pos, u, v, d * np.sqrt((d * d).sum(axis=1))[:, None])


def _pair_repulsion(pos: Any, i: Any, j: Any) -> Any:
    d = pos[i] - pos[j]
    return _edge_force(pos, i, j, d / ((d * d).sum(axis=1) + 1e-4)[:, None])


class _Mesh:
    """Repulsion between all nodes through a grid: O(n + G² log G) per evaluation.

    The grid cannot tell apart nodes in the same cell, so each call also adds exact repulsion
    between nodes that share a cell, paired at random (each with the next in a shuffled
    order): over the iterations that pulls apart nodes that would otherwise stay on top of
    each other, such as the leaves of one hub."""

    def __init__(self, grid: int, rng: Any) -> None:
        import numpy as np

        self.grid = grid
        self.rng = rng
        size = 2 * grid  # zero padding: the convolution must not wrap around
        r = np.fft.fftfreq(size, 1 / size)
        x, y = np.meshgrid(r, r, indexing="ij")
        r2 = x * x + y * y + 0.5  # softened below a cell
        self.kernel = (np.fft.rfft2(x / r2), np.fft.rfft2(y / r2))

    def __call__(self, pos: Any) -> Any:
        import numpy as np

        grid, size = self.grid, 2 * self.grid
        low = pos.min(axis=0)
        cell_size = max(float((pos.max(axis=0) - low).max()), 1e-9) / (grid - 1.001)
        scaled = (pos - low) / cell_size
        cell = np.floor(scaled).astype(np.int64)
        fx, fy = (scaled - cell).T
        weights = ((1 - fx) * (1 - fy), (1 - fx) * fy, fx * (1 - fy), fx * fy)
        flat = cell[:, 0] * size + cell[:, 1]
        shifts = (0, 1, size, size + 1)
        density = np.zeros(size * size)
        for w, shift in zip(weights, shifts):
            density += np.bincount(flat + shift, weights=w, minlength=size * size)
        spectrum = np.fft.rfft2(density.reshape(size, size))
        fields = [np.fft.irfft2(spectrum * k, s=(size, size)).ravel() for k in self.kernel]
        force = np.zeros_like(pos)
        for w, shift in zip(weights, shifts):
            force[:, 0] += w * fields[0][flat + shift]
            force[:, 1] += w * fields[1][flat + shift]
        order = np.argsort(flat * len(pos) + self.rng.permutation(len(pos)))
        same = flat[order[1:]] == flat[order[:-1]]
        return force / cell_size + _pair_repulsion(pos, order[:-1][same], order[1:][same])


def _bfs(indptr: Any, indices: Any, source: int, dist: Any) -> Any:
    import numpy as np

    dist.fill(-1)
    dist[source] = 0
    frontier = np.array([source], dtype=np.int64)
    level = 0
    while frontier.size:
        level += 1
        starts = indptr[frontier]
        counts = indptr[frontier + 1] - starts
        total = int(counts.sum())
        if not total:
            break
        offsets = np.repeat(starts - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
        reached = indices[offsets + np.arange(total)]
        frontier = np.unique(reached[dist[reached] < 0])
        dist[frontier] = level
    return dist


def _pivot_mds(n: int, u: Any, v: Any) -> Any:
    """Pivot MDS of one connected component (local node numbers 0..n-1)."""
    import numpy as np

    src, dst = np.concatenate([u, v]), np.concatenate([v, u])
    order = np.argsort(src, kind="stable")
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=indptr[1:])
    indices = dst[order]
    dist = np.empty(n, dtype=np.int64)
    pivot = int(np.argmax(np.diff(indptr)))
    columns, nearest = [], None
    for _ in range(min(_PIVOTS, n)):
        d = _bfs(indptr, indices, pivot, dist).astype(float)
        columns.append(d)
        nearest = d if nearest is None else np.minimum(nearest, d)
        pivot = int(np.argmax(nearest))
    c = np.stack(columns, axis=1) ** 2
    c = -0.5 * (c - c.mean(axis=0) - c.mean(axis=1, keepdims=True) + c.mean())
    # einsum, not @: a tall, thin product sent to a multithreaded BLAS leaves its threads
    # spinning, which slowed the rest of the layout by half on a two-core machine
    _, vectors = np.linalg.eigh(np.einsum("ij,ik->jk", c, c))
    return np.einsum("ij,jk->ik", c, vectors[:, ::-1][:, :2])


def _relax(pos: Any, u: Any, v: Any, repulsion: Callable[[Any], Any], groups: Any, iterations: int,
           start: float) -> Any:
    import numpy as np

    counts = np.maximum(np.bincount(groups), 1)
    for step in range(iterations):
        limit = start * (1 - step / iterations) + 0.02
        force = repulsion(pos) + _attraction(pos, u, v)
        for axis in (0, 1):  # no net drift of a component: only its shape changes
            force[:, axis] -= (np.bincount(groups, weights=force[:, axis]) / counts)[groups]
        size = np.sqrt((force * force).sum(axis=1)) + 1e-12
        pos = pos + force * (np.minimum(size, limit) / size)[:, None]
    return pos


def _components(n: int, u: Any, v: Any) -> Any:
    """Component label (its smallest node) of every node: min-label propagation with shortcuts."""
    import numpy as np

    label = np.arange(n)
    while len(u):
        new = label.copy()
        np.minimum.at(new, u, label[v])
        np.minimum.at(new, v, label[u])
        new = new[new]
        if np.array_equal(new, label):
            break
        label = new
    return label


def _unit_edges(pos: Any, u: Any, v: Any) -> Any:
    import numpy as np

    if not len(u):
        return pos
    lengths = np.sqrt(((pos[u] - pos[v]) ** 2).sum(axis=1))
    return pos / max(float(lengths.mean()), 1e-9)


def _pack(pos: Any, groups: list[Any], gap: float = 1.5) -> Any:
    """Place the components in rows, in the order given, each in its own box."""
    import numpy as np

    boxes = []
    for members in groups:
        low, high = pos[members].min(axis=0), pos[members].max(axis=0)
        boxes.append((members, low, high - low + gap))
    area = sum(float(w * h) for _, _, (w, h) in boxes)
    width = max(max(float(box[2][0]) for box in boxes), math.sqrt(area) * 1.2)
    x = y = row = 0.0
    out = np.empty_like(pos)
    for members, low, (w, h) in boxes:
        if x + w > width and x > 0:
            x, y, row = 0.0, y + row, 0.0
        out[members] = pos[members] - low + (x, y)
        x, row = x + w, max(row, float(h))
    return out


def _force_layout(n: int, u: Any, v: Any, *, seed: int, iterations: int) -> Any:
    """Positions (n x 2, edges about 1 long) of nodes 0..n-1 joined by edges u[k]-v[k]."""
    import numpy as np

    rng = np.random.default_rng(seed)
    pos = np.zeros((n, 2))
    if n == 0:
        return pos
    label = _components(n, u, v)
    order = np.argsort(label, kind="stable")
    _, starts, sizes = np.unique(label[order], return_index=True, return_counts=True)
    groups = [order[s:s + k] for s, k in zip(starts, sizes)]
    groups.sort(key=lambda members: (-len(members), int(members[0])))
    big = [m for m in groups if len(m) > _SMALL_COMPONENT]
    small = [m for m in groups if 1 < len(m) <= _SMALL_COMPONENT]
    for batch, exact in ((big, False), (small, True)):
        if not batch:
            continue
        members = np.concatenate(batch)
        sizes_in_batch = [len(m) for m in batch]
        offsets = np.concatenate(([0], np.cumsum(sizes_in_batch)))
        local = np.full(n, -1)
        local[members] = np.arange(len(members))
        inside = local[u] >= 0
        lu, lv = local[u[inside]], local[v[inside]]
        component = np.repeat(np.arange(len(batch)), sizes_in_batch)
        if exact:
            pairs = [np.triu_indices(size, 1) for size in sizes_in_batch]
            pi = np.concatenate([a + o for (a, _), o in zip(pairs, offsets)])
            pj = np.concatenate([b + o for (_, b), o in zip(pairs, offsets)])
            p = _relax(rng.uniform(-1.0, 1.0, (len(members), 2)), lu, lv, lambda q, pi=pi, pj=pj: _pair_repulsion(q, pi, pj),
                       component, iterations, 1.0)
        else:
            start = np.zeros((len(members), 2))
            by_component = np.argsort(component[lu], kind="stable")
            bounds = np.searchsorted(component[lu][by_component], np.arange(len(batch) + 1))
            for c in range(len(batch)):
                chosen = by_component[bounds[c]:bounds[c + 1]]
                cu, cv = lu[chosen] - offsets[c], lv[chosen] - offsets[c]
                start[offsets[c]:offsets[c + 1]] = _unit_edges(_pivot_mds(sizes_in_batch[c], cu, cv), cu, cv)
            start += rng.normal(0.0, 0.05, start.shape)
            start = _pack(start, [np.arange(offsets[c], offsets[c + 1]) for c in range(len(batch))])
            grid = int(min(256, max(32, 2 ** math.ceil(math.log2(2 * math.sqrt(len(members)))))))
            mesh = _Mesh(grid, rng)
            p = _relax(start, lu, lv, lambda q, mesh=mesh, lu=lu, lv=lv: mesh(q) + _pair_repulsion(q, lu, lv), component, iterations,
                       max(1.0, 0.05 * math.sqrt(len(members))))
        pos[members] = p
    return _pack(pos, groups)


def compute_layout(view: nx.Graph, *, seed: int = 7, iterations: int = 50,
                   edge_length: float = 120.0) -> dict[Hashable, tuple[float, float]]:
    """Positions for the nodes of ``view`` (any networkx graph; direction and parallel edges are
    ignored): edges are about ``edge_length`` long, longer where nodes would otherwise crowd
    (the median distance to the nearest node is kept at a quarter of that or more).
    Deterministic for a given ``seed``; 20,000 nodes and 40,000 edges take under a second."""
    import numpy as np

    nodes = sorted(view, key=str)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({(i, j) if i < j else (j, i) for a, neighbours in view.adj.items() for b in neighbours
                    if (i := index[a]) != (j := index[b])})
    edges = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    pos = _force_layout(len(nodes), edges[:, 0], edges[:, 1], seed=seed, iterations=iterations)
    if len(edges):
        lengths = np.sqrt(((pos[edges[:, 0]] - pos[edges[:, 1]]) ** 2).sum(axis=1))
        pos = pos / max(float(np.median(lengths)), 1e-9)
    pos = pos * edge_length
    if len(nodes) > 1:
        # in dense parts nodes must still not sit on one another: the typical distance to the
        # nearest node (on a sample) is at least a quarter of an edge, else everything grows
        sample = np.random.default_rng(seed).choice(len(nodes), min(len(nodes), 200), replace=False)
        gaps = np.sqrt(((pos[sample, None, :].astype(np.float32) - pos[None, :, :].astype(np.float32)) ** 2).sum(axis=2))
        gaps[np.arange(len(sample)), sample] = np.inf
        nearest = float(np.median(gaps.min(axis=1)))
        if 0 < nearest < edge_length / 4:
            pos = pos * (edge_length / 4 / nearest)
    pos -= pos.mean(axis=0)
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, pos)}


# ------------------------------------------------------------------------------ HTML

def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _relation_text(data: dict[str, Any]) -> str:
    head = ("NOT " if data["negated"] else "") + data["relation"]
    return f"{head} ({data['modality']})" if data["modality"] else head


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


_PANEL_CSS = """
<style>
html,body{margin:0;padding:0;overflow:hidden}
#mynetwork{border:0 !important;float:none !important}
.ng-box{position:fixed;z-index:10;background:rgba(255,255,255,.96);border:1px solid #ccc;border-radius:6px;
padding:8px 10px;font:13px/1.4 system-ui,sans-serif;box-shadow:0 1px 4px rgba(0,0,0,.15);box-sizing:border-box}
#ng-panel{top:8px;left:8px;max-width:320px;max-height:calc(100vh - 16px);overflow:auto}
#ng-panel h1{font-size:15px;margin:0 0 6px;overflow-wrap:anywhere}
#ng-panel .ng-legend span.sw,#ng-details span.sw{display:inline-block;width:11px;height:11px;border-radius:50%;
margin-right:5px;vertical-align:middle}
#ng-panel .ng-legend div{cursor:pointer;white-space:nowrap;user-select:none}
#ng-panel .ng-legend div.off{opacity:.35;text-decoration:line-through}
#ng-panel input[type=search]{width:100%;box-sizing:border-box;margin:6px 0 2px;padding:3px 5px}
#ng-notes{color:#555;font-size:12px;margin-top:4px}
#ng-notes div{margin-top:2px}
#ng-found{color:#555;font-size:12px;min-height:1em}
#ng-details{top:8px;right:8px;width:min(440px,calc(100vw - 350px));min-width:260px;max-height:calc(100vh - 16px);
overflow:auto;display:none}
#ng-details.open{display:block}
#ng-details h2{font-size:15px;margin:0 24px 4px 0;overflow-wrap:anywhere}
#ng-details .ng-close{position:absolute;top:4px;right:6px;border:0;background:none;font-size:18px;cursor:pointer}
#ng-details .ng-meta{color:#555;font-size:12px;margin:2px 0;overflow-wrap:anywhere}
#ng-details ol,#ng-details ul{padding-left:20px;margin:6px 0}
#ng-details li{margin:0 0 8px;overflow-wrap:anywhere}
#ng-details q{display:block;quotes:"\\201C" "\\201D"}
#ng-details button.ng-link{border:0;background:none;padding:0;color:#1a5fb4;cursor:pointer;font:inherit;text-align:left}
#ng-details button.ng-more{margin:4px 0 8px}
#ng-details input[type=search]{width:100%;box-sizing:border-box;margin:4px 0;padding:3px 5px}
#ng-tip{position:fixed;z-index:20;display:none;pointer-events:none;max-width:460px;background:#fffef5;
border:1px solid #aaa;border-radius:4px;padding:6px 8px;font:12px/1.35 system-ui,sans-serif;
box-shadow:0 2px 6px rgba(0,0,0,.2);overflow-wrap:anywhere}
#ng-tip div{margin-top:3px}
#ng-tip .ng-tip-more{color:#555}
</style>
"""

# Everything that came from an article is put into the page with textContent or createTextNode;
# hrefs only from http(s) URLs. Runs right after pyvis' drawGraph(): nodes, edges and network
# are its globals.
_PANEL_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("ng-data").textContent);
  var PAGE = 50;
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function safeUrl(url) {
    try {
      var u = new URL(url);
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : "";
    } catch (e) { return ""; }
  }
  function fixed(x) { return (typeof x === "number" ? x : 0).toFixed(2); }
  function shorten(text, limit) {
    text = String(text).replace(/\s+/g, " ").trim();
    return text.length <= limit ? text : text.slice(0, limit - 1) + "\u2026";
  }
  function relationLabel(e) { return shorten((e.negated ? "not " : "") + e.relation, 40); }
  function relationHead(e) { return (e.negated ? "NOT " : "") + e.relation + (e.modality ? " (" + e.modality + ")" : ""); }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  // ---- legend: click a class to hide or show its nodes
  var box = document.getElementById("ng-legend");
  var hidden = {};
  data.legend.forEach(function (item) {
    var row = el("div");
    row.setAttribute("data-class", item.name);
    var sw = el("span", null, "sw");
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

  // ---- details panel: a node or an edge, built with textContent only
  var details = document.getElementById("ng-details");
  var body = document.getElementById("ng-details-body");
  document.getElementById("ng-close").addEventListener("click", function () {
    details.className = "ng-box"; network.unselectAll(); labelSelection();
  });
  function open() { details.className = "ng-box open"; details.scrollTop = 0; }
  function nodeName(id) { var n = nodes.get(id); return n ? n.fullLabel : String(id); }
  function goToNode(id) {
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 0.8), animation: false});
    showNode(id);
    labelSelection();
  }
  function nodeButton(id) {
    var b = el("button", nodeName(id), "ng-link");
    b.type = "button";
    b.addEventListener("click", function () { goToNode(id); });
    return b;
  }
  function pagedList(list, items, render) {
    var shown = 0;
    var more = el("button", "", "ng-more");
    more.type = "button";
    function next() {
      var end = Math.min(items.length, shown + PAGE);
      for (; shown < end; shown++) list.appendChild(render(items[shown], shown));
      more.textContent = "show " + Math.min(PAGE, items.length - shown) + " more of " + (items.length - shown);
      more.style.display = shown < items.length ? "" : "none";
    }
    more.addEventListener("click", next);
    next();
    return more;
  }
  function showEdge(id) {
    var e = edges.get(id);
    if (!e) return;
    body.replaceChildren();
    var head = relationHead(e);
    body.appendChild(el("h2", head));
    var line = el("div", null, "ng-meta");
    line.appendChild(nodeButton(e.from));
    line.appendChild(document.createTextNode(" \u2192 " + head + " \u2192 "));
    line.appendChild(nodeButton(e.to));
    body.appendChild(line);
    var evidence = e.evidence || [];
    body.appendChild(el("div", "confidence " + fixed(e.confidence) + " \u00b7 " +
      plural(evidence.length, "sentence", "sentences"), "ng-meta"));
    var list = el("ol");
    list.className = "ng-evidence";
    var filterBox = null;
    if (evidence.length > 8) {
      filterBox = el("input");
      filterBox.type = "search";
      filterBox.placeholder = "Filter these sentences…";
      body.appendChild(filterBox);
    }
    body.appendChild(list);
    function renderItem(item) {
      var li = el("li");
      li.appendChild(el("q", item[0]));
      var article = data.articles[item[1]] || {};
      var meta = el("div", null, "ng-meta");
      meta.appendChild(document.createTextNode(item[1] + (article.title ? " \u2014 " + article.title : "") +
        (item[2] ? " \u00b7 " + item[2] : "") + " \u00b7 confidence " + fixed(item[3]) + " "));
      var url = safeUrl(article.url || "");
      if (url) {
        var a = el("a", "source");
        a.href = url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        meta.appendChild(a);
      }
      li.appendChild(meta);
      return li;
    }
    var more = pagedList(list, evidence, renderItem);
    body.appendChild(more);
    if (filterBox) {
      filterBox.addEventListener("input", function () {
        var q = filterBox.value.trim().toLowerCase();
        list.replaceChildren();
        var items = !q ? evidence : evidence.filter(function (item) {
          var article = data.articles[item[1]] || {};
          return (item[0] + " " + item[1] + " " + (article.title || "") + " " + item[2]).toLowerCase().indexOf(q) >= 0;
        });
        var fresh = pagedList(list, items, renderItem);
        body.replaceChild(fresh, more);
        more = fresh;
      });
    }
    open();
  }
  function showNode(id) {
    var n = nodes.get(id);
    if (!n) return;
    body.replaceChildren();
    body.appendChild(el("h2", n.fullLabel));
    var type = el("div", null, "ng-meta");
    var sw = el("span", null, "sw");
    sw.style.background = n.color;
    type.appendChild(sw);
    type.appendChild(document.createTextNode(n.group + " \u00b7 " + plural(n.facts, "fact", "facts")));
    body.appendChild(type);
    if (n.aliases && n.aliases.length) body.appendChild(el("div", "Also: " + n.aliases.join("; "), "ng-meta"));
    if (n.documents && n.documents.length) body.appendChild(el("div", "Articles: " + n.documents.join(", "), "ng-meta"));
    var ids = network.getConnectedEdges(id);
    body.appendChild(el("div", plural(ids.length, "relation", "relations") + " in this view", "ng-meta"));
    var list = el("ul");
    list.className = "ng-relations";
    body.appendChild(list);
    var items = edges.get(ids);
    items.sort(function (a, b) { return (a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : 0); });
    body.appendChild(pagedList(list, items, function (e) {
      var li = el("li");
      var outgoing = e.from === id;
      var b = el("button", (outgoing ? "\u2192 " : "\u2190 ") + relationLabel(e) + (outgoing ? " \u2192 " : " \u2190 ") +
        nodeName(outgoing ? e.to : e.from) + " (" + (e.evidence || []).length + ")", "ng-link");
      b.type = "button";
      b.addEventListener("click", function () { network.selectEdges([e.id]); showEdge(e.id); labelSelection(); });
      li.appendChild(b);
      return li;
    }));
    open();
  }

  // ---- tooltips: hover a node or an edge
  var tip = document.getElementById("ng-tip");
  var TIP_SENTENCES = 3;
  function placeTip(pointer) {
    var x = pointer.DOM.x + 14, y = pointer.DOM.y + 14;
    tip.style.display = "block";
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 4) x = Math.max(4, pointer.DOM.x - w - 14);
    if (y + h > window.innerHeight - 4) y = Math.max(4, window.innerHeight - h - 4);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function nodeTip(n) {
    tip.replaceChildren(el("b", n.fullLabel));
    tip.appendChild(el("div", n.group + " \u00b7 " + plural(n.facts, "fact", "facts")));
    var aliases = n.aliases || [];
    if (aliases.length) tip.appendChild(el("div", "Also: " + aliases.slice(0, 8).join("; ") + (aliases.length > 8 ? " \u2026" : "")));
    var docs = n.documents || [];
    if (docs.length) tip.appendChild(el("div", "Articles: " + docs.slice(0, 5).join(", ") + (docs.length > 5 ? " (+" + (docs.length - 5) + ")" : "")));
  }
  function edgeTip(e) {
    tip.replaceChildren(el("b", nodeName(e.from) + " \u2192 " + relationHead(e) + " \u2192 " + nodeName(e.to)));
    var evidence = e.evidence || [];
    tip.appendChild(el("div", "confidence " + fixed(e.confidence) + " \u00b7 " + plural(evidence.length, "sentence", "sentences")));
    evidence.slice(0, TIP_SENTENCES).forEach(function (item) {
      tip.appendChild(el("div", "\u201c" + shorten(item[0], 240) + "\u201d \u2014 " + item[1] + (item[2] ? ", " + item[2] : "") +
        " (confidence " + fixed(item[3]) + ")", "ng-tip-sentence"));
    });
    if (evidence.length > TIP_SENTENCES) tip.appendChild(el("div", "\u2026 click the edge to read all " + evidence.length, "ng-tip-more"));
  }
  network.on("hoverNode", function (p) { var n = nodes.get(p.node); if (n) { nodeTip(n); placeTip(p.pointer); } });
  network.on("hoverEdge", function (p) { var e = edges.get(p.edge); if (e) { edgeTip(e); placeTip(p.pointer); } });
  function hideTip() { tip.style.display = "none"; }
  ["blurNode", "blurEdge", "dragStart", "zoom", "click"].forEach(function (name) { network.on(name, hideTip); });

  // ---- large views draw edge labels only around the selection
  var labelled = [];
  function labelSelection() {
    if (!data.large) return;
    var wanted = {};
    network.getSelectedNodes().forEach(function (n) {
      network.getConnectedEdges(n).forEach(function (e) { wanted[e] = true; });
    });
    network.getSelectedEdges().forEach(function (e) { wanted[e] = true; });
    var updates = labelled.filter(function (e) { return !wanted[e]; })
      .map(function (e) { return {id: e, label: undefined}; });
    labelled = Object.keys(wanted);
    labelled.forEach(function (id) {
      var e = edges.get(id);
      if (e) updates.push({id: id, label: relationLabel(e)});
    });
    if (updates.length) edges.update(updates);
  }
  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
    else details.className = "ng-box";
    labelSelection();
  });

  // ---- search: type a name or alias; Enter goes to the next match
  var input = document.getElementById("ng-search");
  var found = document.getElementById("ng-found");
  var hits = [], current = 0, opened = -1;
  function show(index) {
    var hit = hits[index];
    network.selectNodes([hit.id]);
    network.focus(hit.id, {scale: Math.max(network.getScale(), 1.0), animation: false});
    found.textContent = hit.fullLabel + (hits.length > 1 ? " (" + (index + 1) + " of " + hits.length + "; Enter: details, again: next)" : "");
    labelSelection();
  }
  function search() {
    var q = input.value.trim().toLowerCase();
    hits = [];
    current = 0;
    opened = -1;
    if (!q) { found.textContent = ""; network.unselectAll(); labelSelection(); return; }
    hits = nodes.get({filter: function (n) {
      if (n.hidden) return false;
      if ((n.fullLabel || "").toLowerCase().indexOf(q) >= 0) return true;
      return (n.aliases || []).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
    }});
    function rank(n) {
      var names = [n.fullLabel].concat(n.aliases || []).map(function (s) { return s.toLowerCase(); });
      if (names.indexOf(q) >= 0) return 0;
      return names.some(function (s) { return s.indexOf(q) === 0; }) ? 1 : 2;
    }
    hits.sort(function (a, b) { return rank(a) - rank(b) || a.fullLabel.length - b.fullLabel.length || (a.fullLabel < b.fullLabel ? -1 : 1); });
    if (!hits.length) { found.textContent = "no match"; network.unselectAll(); labelSelection(); return; }
    show(0);
  }
  input.addEventListener("input", search);
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {  // the first Enter opens the match's details, the next ones move on
      e.preventDefault();
      if (!hits.length) return;
      if (opened === current) { current = (current + 1) % hits.length; show(current); }
      showNode(hits[current].id);
      opened = current;
    } else if (e.key === "Escape") { input.value = ""; search(); }
  });

  // ---- physics on/off
  var toggle = document.getElementById("ng-physics");
  toggle.addEventListener("change", function () {
    network.setOptions({physics: {enabled: toggle.checked}});
  });

  // vis-network has drawn the first frame (physics off) or started stabilising by now; the
  // flag goes up once the browser has painted it
  window.newsgraphStable = !data.stabilizing;
  network.once("stabilizationIterationsDone", function () { window.newsgraphStable = true; });
  window.newsgraphReady = true;
  requestAnimationFrame(function () {
    setTimeout(function () { window.newsgraphDrawn = true; window.newsgraphDrawnAt = performance.now(); }, 0);
  });
})();
"""


_REMOTE = re.compile(r"<link\s[^>]*href=\"https?://[^>]*>|<script\s[^>]*src=\"https?://[^>]*>\s*</script>", re.S)
_TEMPLATE_COMMENT = re.compile(r"<!--.*?-->", re.S)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")
#: nothing is fetched from anywhere: scripts and styles are inline, images only data: URLs
#: nothing is fetched from anywhere (scripts and styles are inline, images only data: URLs), and
#: only the page's own scripts run: each is allowed by its SHA-256, so a script or an event
#: handler that article text managed to smuggle in would not (defence in depth: the text is
#: escaped anyway)
_CSP = ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; script-src {scripts}; '
        "style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'\">")
_CSP_SLOT = "<!--NEWSGRAPH_CSP_SLOT-->"
_EXECUTABLE_SCRIPT = re.compile(r'<script(?: type="text/javascript")?>(.*?)</script>', re.S)


def _script_hashes(page: str) -> str:
    import base64
    import hashlib

    digests = sorted({base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
                      for body in _EXECUTABLE_SCRIPT.findall(page)})
    return " ".join(f"'sha256-{digest}'" for digest in digests)


def _decorate(page: str, *, title: str, notes: ViewNotes, classes: dict[str, int], articles: dict[str, dict[str, str]],
              large: bool, physics: bool) -> str:
    legend = [{"name": c, "colour": CLASS_COLOURS.get(c, CLASS_COLOURS["Thing"]), "count": classes[c]}
              for c in sorted(classes, key=lambda c: _CLASS_ORDER.index(c) if c in _CLASS_ORDER else 99)]
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
    page = page.replace("</head>", _PANEL_CSS + "</head>", 1)
    page = page.replace("<body>", "<body>\n" + panel, 1)
    # the page's code runs in the template's script right after the network is made, so no
    # event of vis-network's (first drawing, end of stabilisation) can come before its listeners
    call = "drawGraph();"
    if page.count(call) != 1:
        raise NewsgraphError("pyvis' template changed: cannot find where the network is drawn")
    return page.replace(call, call + "\n" + _PANEL_JS, 1)


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
    include_concepts: bool = True,
    physics: bool | None = None,
) -> ViewNotes:
    """Project ``graph``, cut the view (see :func:`select_view`), and write the page to
    ``output`` atomically. Returns the notes that say what the view shows and left out."""
    network = network_from_rdf(graph)
    view, notes = select_view(network, focus=focus, hops=hops, article=article, classes=classes,
                              relations=relations, since=since, until=until, max_nodes=max_nodes,
                              include_concepts=include_concepts)
    write_text_atomic(output, render_html(view, title=title, notes=notes, physics=physics))
    return notes


NETWORK_FORMATS = ("gexf", "graphml")


def write_network(graph: Graph | nx.MultiDiGraph, output: str | Path, fmt: str) -> Path:
    """Write the entity network as GraphML or GEXF (for Gephi, Cytoscape), atomically.

    Nodes: ``label``, ``type``, ``aliases`` (joined with "; "), ``facts``, ``degree``,
    ``articles``. Edges (unique ids, parallel edges kept): ``label`` and ``relation`` (the
    relation's label), ``predicate`` (IRI), ``negated``, ``modality``, ``sentences``, ``weight``
    (the number of sentences), ``confidence``, ``articles``.
    """
    if fmt not in NETWORK_FORMATS:
        raise UnknownNameError("network format", fmt, NETWORK_FORMATS)
    network = graph if isinstance(graph, nx.MultiDiGraph) else network_from_rdf(graph)
    flat = nx.MultiDiGraph()
    for node, data in sorted(network.nodes(data=True)):
        flat.add_node(node, label=data["label"], type=data["type"], aliases="; ".join(data["aliases"]),
                      facts=int(data["facts"]), degree=int(network.degree(node)),
                      articles=", ".join(data.get("documents", [])))
    for number, (s, o, _key, data) in enumerate(sorted(network.edges(keys=True, data=True), key=lambda e: e[:3])):
        flat.add_edge(s, o, key=f"e{number}", label=_relation_text(data), relation=data["relation"],
                      predicate=data["predicate"], negated=bool(data["negated"]), modality=data["modality"],
                      sentences=len(data["evidence"]), weight=float(len(data["evidence"])),
                      confidence=float(data["confidence"]),
                      articles=", ".join(sorted({e[1] for e in data["evidence"]})))
    with atomic_output(output, "wb") as handle:
        if fmt == "graphml":
            nx.write_graphml(flat, handle)
        else:
            nx.write_gexf(flat, handle)
    return Path(output)
