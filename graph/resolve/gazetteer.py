"""The optional gazetteer: known entities with their names, aliases and types (plain data).

It is read from ``ontology/gazetteer.ttl`` by :func:`graph.rdf.io.read_gazetteer`; the pipeline
works without it. With it, a name or alias it knows links to the entity it lists, with that
entity's type and preferred label.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .entities import normalize_name

__all__ = ["Gazetteer", "GazetteerEntry"]


@dataclass(frozen=True)
class GazetteerEntry:
    id: str  # canonical entity id (the local name of its IRI in ent:)
    label: str
    type: str
    aliases: tuple[str, ...] = ()


class Gazetteer:
    """Lookup of known entities by any of their names (normalised)."""

    def __init__(self, entries: Iterable[GazetteerEntry] = ()) -> None:
        self.entries: dict[str, GazetteerEntry] = {}
        self._by_name: dict[str, GazetteerEntry] = {}
        for entry in entries:
            self.entries[entry.id] = entry
            for name in (entry.label, *entry.aliases):
                self._by_name.setdefault(normalize_name(name), entry)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, name: str) -> GazetteerEntry | None:
        return self._by_name.get(normalize_name(name))
