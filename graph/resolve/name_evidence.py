"""Evidence from every place a name is written, not only where the NER marked it: "Talorix
was one of the first dinosaurs" says what the name is even when the NER tagged only another
mention of it (used by :class:`.names.NameTable` before it types its names)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .entities import normalize_name
from .typing import mention_evidence

if TYPE_CHECKING:  # pragma: no cover
    from .names import NameTable

__all__ = ["add_unmarked_evidence"]


def add_unmarked_evidence(table: NameTable) -> None:
    """Add to each one-word name's cluster the evidence of the same word where no name span took
    it (the same spelling, capitalised, a proper noun or a noun)."""
    one_word: dict[str, list[str]] = {}
    for key, cluster in table.clusters.items():
        if not cluster.named:
            continue
        for name in cluster.names:
            if " " not in name.strip():
                one_word.setdefault(normalize_name(name), []).append(key)
    if not one_word:
        return
    for token in table.toks:
        if token.i in table.name_of_token or not token.text[:1].isupper() or token.pos_ not in ("PROPN", "NOUN"):
            continue
        keys = one_word.get(normalize_name(token.text))
        if keys is not None and len(keys) == 1:
            table.clusters[keys[0]].evidence.append(mention_evidence(table.doc, token.i, token.i + 1))
