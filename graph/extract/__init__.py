"""Extractors: from a parsed document to open relation triples (:class:`~graph.types.Extraction`).

``extract_document(nlp, doc, doc_id)`` runs the default extractors; ``get_extractor(name)``
builds one by its versioned name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..types import Extraction
from .base import (
    DEFAULT_EXTRACTORS,
    DocContext,
    Extractor,
    available_extractors,
    extractions_from,
    get_extractor,
    register_extractor,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = [
    "DEFAULT_EXTRACTORS",
    "DocContext",
    "Extractor",
    "available_extractors",
    "extract_document",
    "get_extractor",
    "make_extractors",
    "register_extractor",
]


def make_extractors(names: Sequence[str] | None = None, *, exclude: frozenset[str] | set[str] = frozenset()) -> list[Extractor]:
    """Build extractors by name (default :data:`DEFAULT_EXTRACTORS`); unknown names raise.

    ``exclude`` names constructions every extractor leaves out (e.g. ``{"possessive"}``).
    """
    return [get_extractor(name, exclude=frozenset(exclude)) for name in (names or DEFAULT_EXTRACTORS)]


def extract_document(doc: Doc, doc_id: str, extractors: Sequence[Extractor] | None = None) -> list[Extraction]:
    """All extractions of one parsed document, in extractor order, duplicates removed."""
    return extractions_from(list(extractors) if extractors is not None else make_extractors(), doc, doc_id)
