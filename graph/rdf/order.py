"""The order a store's articles were built in, recorded in the store: the build graph.

Entity ids are first come, first served, so what a store holds depends on the order its articles were merged in:
to take an article out exactly (:mod:`graph.removal`), or to merge the store's entity evidence again, the
articles must be replayed in that order. The build graph (:data:`BUILD_GRAPH`) records it as a chain: each
article ``doc:B nkg:builtAfter doc:A``, the one built just before it (the first article has no link). A new
article is linked to the last one; a replaced article moves to the end (it is merged again after the others); a
removed one leaves the chain and its successor is linked to its predecessor. So the chain of a store is the chain
of a fresh build of its articles in that order, whatever happened before.

A store built before the order was recorded has no chain: its articles count as built in order of id (what
those builds did), and its next full build writes the chain.

The build graph is bookkeeping of the store, not news: exports and :meth:`~graph.rdf.stores.GraphStore.to_dataset`
of an Oxigraph store leave it out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise

from rdflib import URIRef

from .namespaces import BASE, DOC, NKG
from .terms_nt import Line

__all__ = ["BUILD_GRAPH", "BUILT_AFTER", "chain_lines", "link_line", "read_build_order", "order_of"]

BUILD_GRAPH = URIRef(BASE + "graph/build")
BUILT_AFTER = f"<{NKG.builtAfter}>"
_GRAPH = f"<{BUILD_GRAPH}>"


def _article(doc_id: str) -> str:
    return f"<{DOC}{doc_id}>"


def link_line(doc_id: str, previous: str) -> Line:
    """``doc:ID nkg:builtAfter doc:PREVIOUS`` in the build graph."""
    return _article(doc_id), BUILT_AFTER, _article(previous), _GRAPH


def chain_lines(order: Sequence[str]) -> Iterator[Line]:
    """The build graph of articles built in ``order``."""
    for previous, doc_id in pairwise(order):
        yield link_line(doc_id, previous)


def order_of(ids: Iterable[str], links: dict[str, str]) -> list[str]:
    """``ids`` in build order, given each one's predecessor (``links``): the articles no link reaches (built
    before the order was recorded) first, in order of id, then the chain that follows them."""
    held = set(ids)
    following: dict[str, str] = {}
    for doc_id, previous in sorted(links.items()):
        if doc_id in held and previous in held:
            following.setdefault(previous, doc_id)
    linked = set(following.values())
    order: list[str] = []
    seen: set[str] = set()
    for head in sorted(held - linked):
        current: str | None = head
        while current is not None and current not in seen:
            order.append(current)
            seen.add(current)
            current = following.get(current)
    order.extend(sorted(held - seen))  # a broken chain (a cycle): its articles in order of id, at the end
    return order


def read_build_order(store: object, ids: Iterable[str] | None = None) -> list[str]:
    """The store's articles (or ``ids``) in the order they were built."""
    rows = store.select(  # type: ignore[attr-defined]
        f"SELECT ?doc ?previous WHERE {{ GRAPH <{BUILD_GRAPH}> {{ ?doc <{NKG.builtAfter}> ?previous }} }}"
    )
    prefix = len(str(DOC))
    links = {str(r["doc"])[prefix:]: str(r["previous"])[prefix:] for r in rows}
    held = ids if ids is not None else store.article_hashes()  # type: ignore[attr-defined]
    return order_of(held, links)
