"""Extractors: from a parsed document to open relation triples (:class:`~graph.types.Extraction`).

``extract_document(doc, doc_id)`` runs the default extractors; ``get_extractor(name)`` builds one
by its versioned name (see :mod:`graph.extractors.registry`). Importing this package imports the
built-in extractor modules, which register themselves; the registry never imports them.

Seams: an extractor is a module that decorates a factory with ``@register_extractor("name.vN")``
and yields :class:`~graph.types.Extraction` values scored by :func:`graph.extractors.confidence.score`;
the tree helpers it needs are in :mod:`graph.syntax`, the word lists in :mod:`graph.lexicon`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..syntax import DocContext
from ..types import Extraction

# the built-in extractors: importing them runs their @register_extractor decorators
from . import appositions, clauses, nominal, roles, speech  # noqa: F401
from .registry import DEFAULT_EXTRACTORS, Extractor, available_extractors, get_extractor, register_extractor

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = [
    "DEFAULT_EXTRACTORS",
    "DocContext",
    "Extractor",
    "available_extractors",
    "extract_document",
    "extractions_from",
    "get_extractor",
    "make_extractors",
    "register_extractor",
]


def make_extractors(
    names: Sequence[str] | None = None, *, exclude: frozenset[str] | set[str] = frozenset()
) -> list[Extractor]:
    """Build extractors by name (default :data:`DEFAULT_EXTRACTORS`); unknown names raise.

    ``exclude`` names constructions every extractor leaves out (e.g. ``{"possessive"}``).
    """
    return [get_extractor(name, exclude=frozenset(exclude)) for name in (names or DEFAULT_EXTRACTORS)]


def extractions_from(
    extractors: Sequence[Extractor], doc: Doc, doc_id: str, *, context: DocContext | None = None
) -> list[Extraction]:
    """Run extractors over one document, dropping exact duplicates (same construction result)."""
    context = context or DocContext.of(doc, doc_id)
    seen: set[tuple] = set()
    results: list[Extraction] = []
    for extractor in extractors:
        for extraction in _guarded(extractor, doc, doc_id, context):
            key = (
                # a role ("Ortiz, who heads the council") is no duplicate of the clause on the same words
                extraction.construction in ("role", "title"),
                extraction.subject.tokens,
                extraction.relation.tokens,
                extraction.object.tokens if extraction.object else None,
                tuple(a.value.tokens for a in extraction.arguments),
            )
            if key in seen:
                continue
            seen.add(key)
            results.append(extraction)
    return results


def _guarded(extractor: Extractor, doc: Doc, doc_id: str, context: DocContext) -> Iterator[Extraction]:
    """An extractor's extractions of one document; a rule that fails on an odd sentence costs that
    extractor's remaining facts of this article (said on stderr), never the article or the batch."""
    try:
        yield from extractor(doc, doc_id=doc_id, context=context)
    except Exception as error:  # noqa: BLE001 - one article's odd parse must not stop a batch
        name = getattr(extractor, "name", type(extractor).__name__)
        print(
            f"newsgraph: warning: {doc_id}: the {name} extractor failed ({type(error).__name__}: {error}); "
            "the article keeps the facts found before and by the other extractors",
            file=sys.stderr,
        )


def extract_document(doc: Doc, doc_id: str, extractors: Sequence[Extractor] | None = None) -> list[Extraction]:
    """All extractions of one parsed document, in extractor order, duplicates removed."""
    return extractions_from(list(extractors) if extractors is not None else make_extractors(), doc, doc_id)
