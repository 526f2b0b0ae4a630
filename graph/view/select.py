"""The selection of a view: which part of the entity network a page shows.

A :class:`View` says what to show (focus and hops, one article, classes, relations, dates, named
entities only, at most so many nodes); :func:`select_view` cuts it out of the network and returns
:class:`ViewNotes` that say what the view shows and what it left out.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

import networkx as nx

from ..errors import NewsgraphError, UnknownNameError
from .network import CLASS_ORDER, local_name

__all__ = ["View", "ViewNotes", "select_view"]

#: classes that are not named entities (left out with ``include_concepts=False``)
_NON_NAMES = ("Concept", "TimeExpression", "Quantity")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True)
class View:
    """What a view shows: the options of ``newsgraph render``, checked when made.

    ``focus``: entities whose label or alias is this name, else contains it, with everything
    within ``hops`` steps; ``article``: only facts from this article id; ``classes`` and
    ``relations``: only these (case does not matter); ``since``/``until``: only facts from
    articles published in that range (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; ``until="2024-03"``
    includes all of March; undated facts drop out); ``max_nodes``: the most connected nodes (and
    the focus entities always); ``include_concepts=False``: named entities only. ``View()`` is
    the whole graph. Raises :class:`NewsgraphError` for a negative ``hops``, ``max_nodes`` below
    1, a date that is not one, or ``since`` after ``until``.
    """

    focus: str | None = None
    hops: int = 1
    article: str | None = None
    classes: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    max_nodes: int | None = None
    include_concepts: bool = True

    def __post_init__(self) -> None:
        if self.hops < 0:
            raise NewsgraphError(f"hops must be 0 or more, not {self.hops}")
        if self.max_nodes is not None and self.max_nodes < 1:
            raise NewsgraphError(f"max_nodes must be 1 or more, not {self.max_nodes}")
        since, until = _check_date(self.since, "--since"), _check_date(self.until, "--until")
        if since and until and since[: len(until)] > until:
            raise NewsgraphError(f"--since {since} is after --until {until}")
        # a list given for classes or relations is kept as a tuple: the view stays immutable
        for name, value in (
            ("classes", tuple(self.classes)),
            ("relations", tuple(self.relations)),
            ("since", since),
            ("until", until),
        ):
            object.__setattr__(self, name, value)


@dataclass(frozen=True)
class ViewNotes:
    """What a view shows and what it left out, said on the page and by the CLI."""

    total_nodes: int = 0
    total_edges: int = 0
    shown_nodes: int = 0
    shown_edges: int = 0
    messages: tuple[str, ...] = ()


# ------------------------------------------------------------------------------ selection


def _matches(network: nx.MultiDiGraph, name: str) -> list[str]:
    wanted = " ".join(name.casefold().split())
    exact = [
        n
        for n, d in network.nodes(data=True)
        if d["label"].casefold() == wanted or any(a.casefold() == wanted for a in d["aliases"])
    ]
    if exact:
        return exact
    return [
        n
        for n, d in network.nodes(data=True)
        if wanted in d["label"].casefold() or any(wanted in a.casefold() for a in d["aliases"])
    ]


def _candidates(network: nx.MultiDiGraph, name: str, limit: int = 8) -> str:
    """The names (labels and aliases) closest in spelling to ``name``, as a whole or to one of
    their words; if none is close, the entities there are."""
    wanted = " ".join(name.casefold().split())
    names = {d["label"] for _, d in network.nodes(data=True)}
    names.update(a for _, d in network.nodes(data=True) for a in d["aliases"])
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(wanted)
    scored = []
    for candidate in names:
        folded = candidate.casefold()
        best = 0.0
        for part in {folded, *folded.split()}:
            matcher.set_seq1(part)
            if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6:
                best = max(best, matcher.ratio())
        if best >= 0.6:
            scored.append((-best, candidate))
    if scored:
        return "Closest names: " + ", ".join(candidate for _, candidate in sorted(scored)[:limit])
    return "Entities: " + _listing(d["label"] for _, d in network.nodes(data=True))


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
    return (not since or date[: len(since)] >= since) and (not until or date[: len(until)] <= until)


def _left_out_summary(network: nx.MultiDiGraph, dropped: Iterable[str]) -> str:
    kinds = Counter(network.nodes[n]["type"] for n in dropped)
    return ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))


def select_view(
    network: nx.MultiDiGraph, view: View | None = None, **options: Any
) -> tuple[nx.MultiDiGraph, ViewNotes]:
    """Cut ``view`` out of the network; the notes say what it shows and what was left out.

    ``options`` are fields of :class:`View`, a shorthand: ``select_view(network, focus="X")`` is
    ``select_view(network, View(focus="X"))``; given with ``view``, they replace its fields.

    Filters apply in this order: article, dates and relations (on the sentences behind each
    edge; an edge none of whose sentences pass is dropped), classes, ``focus`` (entities whose
    label or alias is ``focus``, else contains it) with everything within ``hops`` steps, then
    ``max_nodes`` (the most connected nodes are kept, and the focus entities always). Raises
    :class:`NewsgraphError` for names that match nothing, saying what there is (for a focus, the
    names closest to it).
    """
    view = View(**options) if view is None else replace(view, **options) if options else view
    focus, hops, article, classes, relations = view.focus, view.hops, view.article, view.classes, view.relations
    since, until, max_nodes, include_concepts = view.since, view.until, view.max_nodes, view.include_concepts
    messages: list[str] = []
    shown = network
    if article is not None and article not in network.graph.get("articles", {}):
        raise NewsgraphError(
            f"No article {article!r} in the graph. Articles: " + _listing(network.graph.get("articles", {}))
        )
    wanted_relations = {r.casefold() for r in relations}
    if wanted_relations:
        known = {d["relation"].casefold() for _, _, d in network.edges(data=True)}
        known |= {local_name(d["predicate"]).casefold() for _, _, d in network.edges(data=True)}
        missing = sorted(r for r in relations if r.casefold() not in known)
        if missing:
            raise NewsgraphError(
                f"No relation {missing[0]!r} in the graph. Relations: "
                + _listing(d["relation"] for _, _, d in network.edges(data=True))
            )
    if article or since or until or wanted_relations:
        shown = network.copy()
        drop = []
        for s, o, key, data in shown.edges(keys=True, data=True):
            if (
                wanted_relations
                and data["relation"].casefold() not in wanted_relations
                and local_name(data["predicate"]).casefold() not in wanted_relations
            ):
                drop.append((s, o, key))
                continue
            evidence = [
                e for e in data["evidence"] if (not article or e[1] == article) and _in_range(e[2], since, until)
            ]
            if evidence:
                data["evidence"] = evidence
                data["confidence"] = max(e[3] for e in evidence)
            else:
                drop.append((s, o, key))
        shown.remove_edges_from(drop)
        keep_unlinked = {n for n, d in shown.nodes(data=True) if article and article in d.get("documents", ())}
        shown.remove_nodes_from([n for n in list(shown) if shown.degree(n) == 0 and n not in keep_unlinked])
        if article:
            title = network.graph["articles"][article].get("title")
            messages.append(f"article {article}" + (f" ({title})" if title else ""))
        if since or until:
            messages.append(f"facts dated {since or '…'} to {until or '…'} (undated facts left out)")
        if relations:
            messages.append("relations: " + ", ".join(relations))
    if classes:
        canonical = {c.casefold(): c for c in CLASS_ORDER}
        unknown = [c for c in classes if c.casefold() not in canonical]
        if unknown:
            raise UnknownNameError("class", unknown[0], CLASS_ORDER)
        wanted = {canonical[c.casefold()] for c in classes}
        shown = shown.subgraph([n for n, d in shown.nodes(data=True) if d["type"] in wanted])
        messages.append("classes: " + ", ".join(sorted(wanted, key=CLASS_ORDER.index)))
    if not include_concepts:
        shown = shown.subgraph([n for n, d in shown.nodes(data=True) if d["type"] not in _NON_NAMES])
        messages.append("named entities only")
    centres: list[str] = []
    if focus:
        centres = _matches(shown, focus)
        if not centres:
            where = "in this view" if shown is not network else "in the graph"
            raise NewsgraphError(
                f"No entity named {focus!r} {where} (matched against labels and aliases). " + _candidates(shown, focus)
            )
        undirected = shown.to_undirected(as_view=True)
        keep: set[str] = set()
        for centre in centres:
            keep.update(nx.single_source_shortest_path_length(undirected, centre, cutoff=hops))
        shown = shown.subgraph(keep)
        labels = sorted(network.nodes[c]["label"] for c in centres)
        messages.append(f"{hops} hop{'s' if hops != 1 else ''} around " + _listing(labels, 5))
    if max_nodes is not None and shown.number_of_nodes() > max_nodes:
        ranked = sorted(shown.nodes, key=lambda n: (n not in centres, -shown.degree(n), shown.nodes[n]["label"], n))
        kept = ranked[:max_nodes]
        dropped = ranked[max_nodes:]
        before_edges = shown.number_of_edges()
        shown = shown.subgraph(kept)
        messages.append(
            f"showing the {len(kept)} most connected of {len(ranked)} nodes; left out "
            f"{len(dropped)} nodes ({_left_out_summary(network, dropped)}) and "
            f"{before_edges - shown.number_of_edges()} edges"
        )
    if shown.number_of_nodes() == 0:
        messages.append("nothing matches this view")
    if shown is network or nx.is_frozen(shown):
        shown = shown.copy()
    for centre in centres:
        if centre in shown:
            shown.nodes[centre]["focus"] = True
    shown.graph["articles"] = dict(network.graph.get("articles", {}))
    notes = ViewNotes(
        total_nodes=network.number_of_nodes(),
        total_edges=network.number_of_edges(),
        shown_nodes=shown.number_of_nodes(),
        shown_edges=shown.number_of_edges(),
        messages=tuple(messages),
    )
    return shown, notes
