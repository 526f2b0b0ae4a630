"""Relation labels: from an extraction's lemma to the canonical relation and its ontology property.

A relation minted from text is named by the verb lemma plus its particle and preposition
(``commission``, ``meet with``, ``hold meeting with``). A few labels have a property in a
standard vocabulary or the newsgraph ontology; :func:`ontology_property` gives it as a CURIE.
"""

from __future__ import annotations

import re

from ..lexicon import DEPUTY_WORDS, ROLE_HEAD_NOUNS
from ..types import Extraction

__all__ = ["is_passive_with_agent", "ontology_property", "relation_label", "role_property"]

#: relation labels that map to a property of a standard vocabulary / the ontology
_ONTOLOGY_PROPERTIES = {
    "member of": "org:memberOf",
    "head of": "org:headOf",
}

_SPACES = re.compile(r"\s+")


def is_passive_with_agent(extraction: Extraction) -> bool:
    """``X was appointed by Y``: a passive whose object is the ``by`` agent."""
    return extraction.passive and extraction.object is not None and extraction.relation.text.split()[-1:] == ["by"]


def relation_label(extraction: Extraction) -> str:
    """The canonical relation label, lower case, words separated by single spaces."""
    label = extraction.lemma.lower().replace("_", " ")
    label = _SPACES.sub(" ", label).strip()
    return label or "related to"


def role_property(role: str) -> str:
    """``org:headOf`` for a leading role ("Chairman"), else ``org:memberOf`` ("First Deputy Chairman")."""
    words = role.lower().replace("-", " - ").split()
    text = " ".join(words).replace(" - ", "-")
    if any(w in DEPUTY_WORDS for w in words):
        return "org:memberOf"
    if any(text == noun or text.endswith(" " + noun) for noun in ROLE_HEAD_NOUNS):
        return "org:headOf"
    return "org:memberOf"


def ontology_property(label: str) -> str | None:
    """The standard property for a relation label, as a CURIE, or None to mint ``rel:``."""
    return _ONTOLOGY_PROPERTIES.get(label)
