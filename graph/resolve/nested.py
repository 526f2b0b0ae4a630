"""Places named inside the name of an organisation or event: "the Comic Corps of [Canada]", "the
University of [Southern Indiana]", "the Central Bank of [Australia]". The place is an entity of its
own, mentioned where the longer name is written; only a name a place list knows after "of" counts
("the Bank of Tarnia" names no known place, "the Ministry of Energy" none at all)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .entities import clean_name
from .typing import BASE_CLASS, is_place_name, mention_evidence

if TYPE_CHECKING:  # pragma: no cover
    from .names import NameTable

__all__ = ["add_places_inside_names"]

#: classes whose names may hold a place's ("... of Canada"); a place's own ("Gulf of Aden") does not
_HOLDERS = frozenset({"Organization", "Event", "Programme", "CreativeWork"})


def add_places_inside_names(table: NameTable) -> None:
    """Give each known place after "of" inside a longer name its own cluster and mention."""
    toks = table.toks
    for head, (start, end) in list(table.spans.items()):
        key = table.name_of_token.get(head)
        cluster = table.clusters.get(key) if key else None
        if cluster is None or BASE_CLASS.get(cluster.type, cluster.type) not in _HOLDERS:
            continue
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
