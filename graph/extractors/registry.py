"""The extractor protocol and the registry of versioned extractor names.

An extractor is a callable that takes a parsed spaCy ``Doc`` and the document id and yields
:class:`~graph.types.Extraction` values; its factory is registered under a versioned name
(``"clauses.v1"``) with :func:`register_extractor` and built with :func:`get_extractor`.

This module never imports the extractors: each plugin module registers itself when it is
imported, and :mod:`graph.extractors` imports the built-in ones (as spaCy's factories do), so
``from graph.extractors.registry import get_extractor`` always sees them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ..errors import UnknownNameError
from ..types import Extraction

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from ..syntax import DocContext

__all__ = [
    "DEFAULT_EXTRACTORS",
    "Extractor",
    "available_extractors",
    "get_extractor",
    "register_extractor",
]


@runtime_checkable
class Extractor(Protocol):
    """Turns a parsed document into extractions."""

    name: str

    def __call__(self, doc: Doc, *, doc_id: str, context: DocContext | None = None) -> Iterator[Extraction]: ...


_REGISTRY: dict[str, Callable[..., Extractor]] = {}

#: what ``build`` and ``extract`` run when no extractor is named
DEFAULT_EXTRACTORS: tuple[str, ...] = ("clauses.v1", "speech.v1", "roles.v1", "appositions.v1", "nominal.v1")


def register_extractor(name: str) -> Callable[[Callable[..., Extractor]], Callable[..., Extractor]]:
    """Register an extractor factory under a versioned name such as ``"clauses.v1"``.

    A factory takes keyword options; every built-in one takes ``exclude``, a set of construction
    names to leave out (for ablations).
    """

    def decorate(factory: Callable[..., Extractor]) -> Callable[..., Extractor]:
        _REGISTRY[name] = factory
        return factory

    return decorate


def available_extractors() -> list[str]:
    """Every registered extractor name, sorted."""
    return sorted(_REGISTRY)


def get_extractor(name: str, **options: object) -> Extractor:
    """Build the extractor registered as ``name``; unknown names list the valid ones."""
    try:
        factory = _REGISTRY[name]
    except KeyError:
        raise UnknownNameError("extractor", name, list(_REGISTRY)) from None
    return factory(**options)
