"""One article's share of each corpus entity (:class:`EntityUse`), the plain data an incremental build
stores per article and :meth:`EntityIndex.restore` reads back."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ..types import EntityUse
from .entities import LocalEntity

__all__ = ["entity_use", "entity_uses"]


def entity_use(doc_id: str, entity: str, local: LocalEntity) -> EntityUse:
    """One article's share of a corpus entity, as plain data (see :meth:`EntityIndex.restore`)."""
    return EntityUse(
        doc_id=doc_id,
        entity=entity,
        label=local.label,
        type=local.type,
        names=tuple(sorted(local.names.items())),
        mentions=local.mentions,
        named=local.named,
        known_label=local.known_label,
    )


def entity_uses(doc_id: str, ids: Mapping[str, str], locals_: Iterable[LocalEntity]) -> tuple[EntityUse, ...]:
    """The article's share of each corpus entity, one :class:`EntityUse` per entity: two local entities
    of one article that joined the same corpus entity ("Appeals court" and "appeals court") are one use,
    their names and mentions added up, labelled and typed as the one named more often."""
    groups: dict[str, list[LocalEntity]] = {}
    for local in locals_:
        groups.setdefault(ids[local.key], []).append(local)
    uses = []
    for entity, group in groups.items():
        if len(group) == 1:
            uses.append(entity_use(doc_id, entity, group[0]))
            continue
        main = max(group, key=lambda local: (local.mentions, local.named))  # max keeps the first of ties
        names: Counter[str] = Counter()
        for local in group:
            names.update(local.names)
        merged = replace(
            main,
            names=names,
            mentions=sum(local.mentions for local in group),
            named=any(local.named for local in group),
            known_label=next((local.known_label for local in group if local.known_label), None),
        )
        uses.append(entity_use(doc_id, entity, merged))
    return tuple(uses)
