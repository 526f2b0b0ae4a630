"""Names inside longer names, entities of their own mentioned where the longer name is written.

Places after "of" in the name of an organisation or event: "the Comic Corps of [Canada]", "the
University of [Southern Indiana]", "the Central Bank of [Australia]"; only a name a place list knows
counts ("the Bank of Tarnia" names no known place, "the Ministry of Energy" none at all).

An organisation's acronym that begins a longer name: "[FIFA] World Cup", "[UEFA] Champions League",
"[NASA] Ames Research Center" (three letters or more, or a country's two: "[US] Open")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .entities import clean_name
from .typing import BASE_CLASS, is_place_name, mention_evidence

if TYPE_CHECKING:  # pragma: no cover
    from .names import Cluster, NameTable

__all__ = ["add_acronyms_inside_names", "add_places_inside_names"]

#: classes whose names may hold a place's ("... of Canada"); a place's own ("Gulf of Aden") does not
_HOLDERS = frozenset({"Organization", "Event", "Programme", "CreativeWork"})


def _names_of(table: NameTable, classes: frozenset[str]) -> Iterator[tuple[int, int, int, Cluster]]:
    """(head, start, end, cluster) of each name span whose cluster's base class is one of ``classes``:
    the spans as they were when called (the callers add some), each looked up as it comes."""
    for head, (start, end) in list(table.spans.items()):
        key = table.name_of_token.get(head)
        cluster = table.clusters.get(key) if key else None
        if cluster is not None and BASE_CLASS.get(cluster.type, cluster.type) in classes:
            yield head, start, end, cluster


def add_places_inside_names(table: NameTable) -> None:
    """Give each known place after "of" inside a longer name its own cluster and mention."""
    toks = table.toks
    for head, start, end, cluster in _names_of(table, _HOLDERS):
        of = next((i for i in range(start + 1, end - 1) if toks[i].lower_ == "of"), None)
        if of is None:
            continue
        p_start = of + 1
        while p_start < end and toks[p_start].pos_ == "DET":
            p_start += 1
        if p_start >= end or not all(t.is_title and t.pos_ == "PROPN" for t in toks[p_start:end]):
            continue
        text = clean_name(table.doc[p_start:end].text)
        if not text or not _known_place(text):
            continue
        p_head = table.doc[p_start:end].root.i
        if p_head == head:
            continue  # the place is the longer name's own head: no second mention there
        place = table.cluster_for_name(text, "Place", p_start)
        if place is None or place.key == cluster.key:
            place = table.new_cluster("Place")
        place.add_name(text, 1)
        place.evidence.append(mention_evidence(table.doc, p_start, end))
        place.tokens.append(p_head)
        table.spans[p_head] = (p_start, end)
        for i in range(p_start, end):
            table.name_of_token[i] = place.key


#: words before a place's name that name a part of it ("Southern Indiana", "East Africa")
_PARTS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    ]
)


def _known_place(text: str) -> bool:
    """A place a place list knows, or a part of one ("Southern Indiana")."""
    words = text.split()
    return is_place_name(text) or (len(words) == 2 and words[0].lower() in _PARTS and is_place_name(words[1]))


#: country acronyms of two or more letters that begin names ("US Open", "UK Border Agency")
_COUNTRY_ACRONYMS = frozenset({"US", "USA", "UK", "UAE", "DRC", "PRC", "DPRK", "ROK"})
#: classes whose names may begin with an organisation's acronym
_ACRONYM_HOLDERS = frozenset({"Organization", "Event", "CreativeWork", "Programme", "Product", "Place"})


def add_acronyms_inside_names(table: NameTable, skip: frozenset[str]) -> None:
    """Give an acronym that begins a longer name its own cluster and mention ("[FIFA] World Cup").
    ``skip``: letters that are no organisation's ("FC" of "FC Goa", "CEO")."""
    toks = table.toks
    for head, start, end, cluster in _names_of(table, _ACRONYM_HOLDERS):
        s = start
        while s < end and toks[s].pos_ == "DET":
            s += 1
        first = toks[s] if s < end - 1 else None
        if first is None or first.i == head or first.text in skip or not first.is_alpha or not first.is_upper:
            continue
        if not (3 <= len(first.text) <= 6 or first.text in _COUNTRY_ACRONYMS):
            continue
        if not toks[s + 1].is_title or toks[s + 1].text in skip:
            continue  # "LHS 3844b", "HD 21749b": a catalogue's letters, no organisation
        kind = "Place" if first.text in _COUNTRY_ACRONYMS else "Organization"
        inner = table.cluster_for_name(first.text, kind, s)
        if inner is None or inner.key == cluster.key:
            inner = table.new_cluster(kind)
        inner.add_name(first.text, 1)
        inner.evidence.append(mention_evidence(table.doc, s, s + 1))
        inner.tokens.append(s)
        table.spans[s] = (s, s + 1)
        table.name_of_token[s] = inner.key
