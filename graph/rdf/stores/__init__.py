"""Where a graph lives: one interface, three stores.

- :class:`MemoryStore`: an rdflib ``Dataset`` in memory (the default for a few articles);
- :class:`OxigraphStore`: an Oxigraph database in a folder (``--store DIR``), for corpora, used
  through pyoxigraph directly for loading, querying and serialising;
- :class:`RemoteStore`: a SPARQL 1.1 endpoint (``--store http://HOST/...``): queries through the
  SPARQL 1.1 Protocol, writes through SPARQL 1.1 Update, dumps through the Graph Store Protocol,
  so a team can push into Oxigraph server, Fuseki or GraphDB.

:func:`open_store` picks one from a location. Every store replaces named graphs atomically
(:meth:`GraphStore.replace_graphs`): one article's graph and the corpus graph change together or
not at all. Terms cross the interface as rdflib terms; query answers are :class:`RawResult`.

Modules, each importing only those before it: :mod:`~graph.rdf.stores.base` (the interface),
:mod:`~graph.rdf.stores.workers` (query workers, child processes that can be killed),
:mod:`~graph.rdf.stores.memory`, :mod:`~graph.rdf.stores.loading` (writing into Oxigraph),
:mod:`~graph.rdf.stores.oxigraph`, :mod:`~graph.rdf.stores.remote`.
"""

from __future__ import annotations

from pathlib import Path

from ...formats import OXIGRAPH_FORMATS
from ..results import RawResult, plain_result, raw_result
from ..sparql import run_oxigraph_query
from ..terms import from_oxigraph, oxigraph_python_value, oxigraph_quad, python_value, to_oxigraph
from .base import BufferedWriter, GraphStore, GraphWriter
from .loading import BUILDING_FILE, ROLLBACK_SUFFIX
from .memory import MemoryStore
from .oxigraph import CENSUS_FILE, LOCK_FILE, OxigraphStore, StoreTriples
from .remote import RemoteStore

__all__ = [
    "GraphStore",
    "GraphWriter",
    "BufferedWriter",
    "StoreTriples",
    "MemoryStore",
    "OxigraphStore",
    "RemoteStore",
    "RawResult",
    "open_store",
    "is_remote",
    "to_oxigraph",
    "from_oxigraph",
    "OXIGRAPH_FORMATS",
    "run_oxigraph_query",
    "raw_result",
    "oxigraph_quad",
    "plain_result",
    "python_value",
    "oxigraph_python_value",
    "LOCK_FILE",
    "CENSUS_FILE",
    "BUILDING_FILE",
    "ROLLBACK_SUFFIX",
]


def is_remote(location: str | Path) -> bool:
    """Whether ``location`` is a SPARQL endpoint URL (rather than a folder)."""
    return str(location).startswith(("http://", "https://"))


def open_store(location: str | Path | None, *, writable: bool = False) -> GraphStore:
    """The store at ``location``: ``None`` or ``"memory"`` a new :class:`MemoryStore`, an
    ``http(s)://`` URL a :class:`RemoteStore`, anything else an :class:`OxigraphStore` folder."""
    if location is None or str(location) == "memory":
        return MemoryStore()
    if is_remote(location):
        return RemoteStore(str(location))
    return OxigraphStore(location, writable=writable)
