"""Layouts computed in Python before the page is written.

:func:`overview_layout` places what a page shows first (at most a few hundred nodes): Louvain
communities (:func:`find_communities`, seeded) each laid out on its own and packed apart, then
every node's dot and label pushed clear of the others, so labels can be drawn without overlaps.
:func:`compute_layout` places a whole large graph with pivot MDS, then force-directed refinement
with mesh-based repulsion: linear in the size of the graph, about a second for 20,000 nodes and
40,000 edges (for exports and notebooks; the page no longer needs it).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from typing import Any

import networkx as nx

__all__ = ["LAYOUT_THRESHOLD", "compute_layout"]

#: kept for callers of earlier versions: the page now lays out every view in Python (see overview.SMALL_VIEW)
LAYOUT_THRESHOLD = 300

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
        out[:, axis] = np.bincount(i, weights=values[:, axis], minlength=len(pos)) - np.bincount(
            j, weights=values[:, axis], minlength=len(pos)
        )
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


def _relax(pos: Any, u: Any, v: Any, repulsion: Callable[..., Any], groups: Any, iterations: int, start: float) -> Any:
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
    groups = [order[s : s + k] for s, k in zip(starts, sizes)]
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
            p = _relax(
                rng.uniform(-1.0, 1.0, (len(members), 2)),
                lu,
                lv,
                lambda q, pi=pi, pj=pj: _pair_repulsion(q, pi, pj),
                component,
                iterations,
                1.0,
            )
        else:
            start = np.zeros((len(members), 2))
            by_component = np.argsort(component[lu], kind="stable")
            bounds = np.searchsorted(component[lu][by_component], np.arange(len(batch) + 1))
            for c in range(len(batch)):
                chosen = by_component[bounds[c] : bounds[c + 1]]
                cu, cv = lu[chosen] - offsets[c], lv[chosen] - offsets[c]
                start[offsets[c] : offsets[c + 1]] = _unit_edges(_pivot_mds(sizes_in_batch[c], cu, cv), cu, cv)
            start += rng.normal(0.0, 0.05, start.shape)
            start = _pack(start, [np.arange(offsets[c], offsets[c + 1]) for c in range(len(batch))])
            grid = int(min(256, max(32, 2 ** math.ceil(math.log2(2 * math.sqrt(len(members)))))))
            mesh = _Mesh(grid, rng)
            p = _relax(
                start,
                lu,
                lv,
                lambda q, mesh=mesh, lu=lu, lv=lv: mesh(q) + _pair_repulsion(q, lu, lv),
                component,
                iterations,
                max(1.0, 0.05 * math.sqrt(len(members))),
            )
        pos[members] = p
    return _pack(pos, groups)


def compute_layout(
    view: nx.Graph, *, seed: int = 7, iterations: int = 50, edge_length: float = 120.0
) -> dict[Hashable, tuple[float, float]]:
    """Positions for the nodes of ``view`` (any networkx graph; direction and parallel edges are
    ignored): edges are about ``edge_length`` long, longer where nodes would otherwise crowd
    (the median distance to the nearest node is kept at a quarter of that or more).
    Deterministic for a given ``seed``; 20,000 nodes and 40,000 edges take under a second."""
    import numpy as np

    nodes = sorted(view, key=str)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted(
        {
            (i, j) if i < j else (j, i)
            for a, neighbours in view.adj.items()
            for b in neighbours
            if (i := index[a]) != (j := index[b])
        }
    )
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
        gaps = np.sqrt(
            ((pos[sample, None, :].astype(np.float32) - pos[None, :, :].astype(np.float32)) ** 2).sum(axis=2)
        )
        gaps[np.arange(len(sample)), sample] = np.inf
        nearest = float(np.median(gaps.min(axis=1)))
        if 0 < nearest < edge_length / 4:
            pos = pos * (edge_length / 4 / nearest)
    pos -= pos.mean(axis=0)
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, pos)}


# ------------------------------------------------------------------------------ the overview

#: the canvas the overview is laid out for (pixels at zoom 1: the page's drawing area at
#: 1280 x 800 less the side panel); labels are sized for it
CANVAS = (940.0, 780.0)
LABEL_PX = 13.0
_CHAR_EM = 0.6  # a generous average advance of a system-ui character, in ems


def label_box(label: str, radius: float, *, big: bool = False) -> tuple[float, float]:
    """Width and height, at zoom 1, of a dot of ``radius`` with ``label`` drawn under it (15 px
    for the ten most important nodes, else 13 px)."""
    px = LABEL_PX + 2 if big else LABEL_PX
    return max(2 * radius, len(label) * _CHAR_EM * px + 10), 2 * radius + px * 1.4 + 6


def find_communities(view: nx.Graph, *, seed: int = 7) -> list[list[Hashable]]:
    """Louvain communities of the view (undirected, weighted by edge multiplicity), seeded, so
    the same view always splits the same way; largest first, then by their first node."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(view.nodes, key=str))
    for s, o in view.edges():
        if s != o:
            w = simple.get_edge_data(s, o, {"weight": 0})["weight"]
            simple.add_edge(s, o, weight=w + 1)
    if simple.number_of_edges() == 0:
        return [[n] for n in simple.nodes]
    found = nx.community.louvain_communities(simple, weight="weight", seed=seed, resolution=1.0)
    groups = [sorted(c, key=str) for c in found]
    groups.sort(key=lambda c: (-len(c), str(c[0])))
    return groups


def overview_layout(
    view: nx.Graph,
    boxes: dict[Hashable, tuple[float, float]],
    communities: list[list[Hashable]],
    *,
    seed: int = 7,
    density: float = 2.6,
) -> dict[Hashable, tuple[float, float]]:
    """Positions (pixels at zoom 1) for a view of at most a few hundred nodes: each community
    laid out on its own (force-directed, seeded) in a disc sized for its nodes' labels, the
    discs packed in rows apart from each other, then every node's box (dot and label, see
    :func:`label_box`) pushed apart until no two overlap. The whole fits :data:`CANVAS` when
    the labels leave room for it."""
    import numpy as np

    rng = np.random.default_rng(seed)
    simple = nx.Graph(view.to_undirected(as_view=True)) if view.is_directed() else nx.Graph(view)
    discs = []
    for members in communities:
        area = sum(boxes[n][0] * boxes[n][1] for n in members) * density
        radius = math.sqrt(area / math.pi)
        if len(members) == 1:
            local = {members[0]: np.zeros(2)}
        else:
            sub = simple.subgraph(members)
            local = nx.spring_layout(sub, seed=seed, iterations=80, k=1.6 / math.sqrt(len(members)))
            points = np.array([local[n] for n in members], dtype=float)
            points -= points.mean(axis=0)
            extent = max(float(np.abs(points).max()), 1e-9)
            local = {n: p / extent * radius * 0.9 for n, p in zip(members, points, strict=True)}
        discs.append((members, local, radius))
    # shelf packing: rows of discs, as wide as makes the whole about the canvas' shape
    total = sum((2 * r + 30) ** 2 for _, _, r in discs)
    row_width = max(math.sqrt(total * CANVAS[0] / CANVAS[1]), max(2 * r for _, _, r in discs) + 30)
    positions: dict[Hashable, Any] = {}
    x = y = row_height = 0.0
    for members, local, radius in discs:
        size = 2 * radius + 30
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        centre = np.array([x + size / 2, y + size / 2])
        for n in members:
            positions[n] = local[n] + centre
        x += size
        row_height = max(row_height, size)
    nodes = list(positions)
    if not nodes:
        return {}
    pos = np.array([positions[n] for n in nodes], dtype=float) + rng.normal(0, 0.01, (len(nodes), 2))
    size = np.array([boxes[n] for n in nodes], dtype=float)
    # stretch to the canvas' shape (the boxes need about as much room), then make room for labels
    needed = math.sqrt(float((size[:, 0] * size[:, 1]).sum()) * density / (CANVAS[0] * CANVAS[1]))
    target = np.array(CANVAS) * max(needed, 0.3) * 0.9
    extent = pos.max(axis=0) - pos.min(axis=0)
    pos = (pos - pos.min(axis=0)) / np.where(extent > 1e-9, extent, 1.0) * np.where(extent > 1e-9, target, 0.0)
    pos = _separate(pos, size)
    pos -= (pos.min(axis=0) + pos.max(axis=0)) / 2
    return {n: (float(p[0]), float(p[1])) for n, p in zip(nodes, pos, strict=True)}


def _separate(pos: Any, size: Any, *, rounds: int = 300, gap: float = 4.0) -> Any:
    """Push apart boxes (centre ``pos``, width and height ``size``) until none overlap: each
    round moves every overlapping pair apart along the axis where they overlap least."""
    import numpy as np

    n = len(pos)
    if n < 2:
        return pos
    half = (size + gap) / 2
    i, j = np.triu_indices(n, 1)
    for _ in range(rounds):
        d = pos[j] - pos[i]
        overlap = (half[i] + half[j]) - np.abs(d)
        hit = (overlap[:, 0] > 0) & (overlap[:, 1] > 0)
        if not hit.any():
            break
        ii, jj, dd, ov = i[hit], j[hit], d[hit], overlap[hit]
        axis = (ov[:, 1] < ov[:, 0]).astype(int)  # move along y when that overlap is smaller
        amount = ov[np.arange(len(ov)), axis] / 2 + 0.5
        sign = np.sign(dd[np.arange(len(dd)), axis])
        sign[sign == 0] = 1
        move = np.zeros((len(ov), 2))
        move[np.arange(len(ov)), axis] = amount * sign
        shift = np.zeros_like(pos)
        np.add.at(shift, ii, -move)
        np.add.at(shift, jj, move)
        pos = pos + shift * 0.6
    return pos
