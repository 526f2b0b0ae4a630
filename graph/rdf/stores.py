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

An on-disk store is guarded by a lock file (``DIR/newsgraph.lock``): a writer holds it exclusively,
readers share it, so a build never runs while the store is queried or served and the other way
round; Oxigraph's own lock catches other programs writing to the folder.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import fcntl
import itertools
import json
import shutil
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import RDF, XSD

from ..errors import QueryError, StoreError, UnknownNameError
from ..outputs import atomic_output
from .io import rdf_format, serialize
from .namespaces import PREFIXES, bind_prefixes, sparql_prologue

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
]

Quad = tuple[Any, Any, Any, Any]

#: rdflib format name -> pyoxigraph format
OXIGRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "json-ld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
LOCK_FILE = "newsgraph.lock"
CENSUS_FILE = "newsgraph-store.json"
#: quads per bulk-loader call: the loader holds one slice in memory (about 250 MB per 200,000)
LOAD_SLICE = 200_000
#: quads per slice when a file is loaded (see OxigraphStore.load_file): a few slices are in flight
FILE_SLICE = 50_000
#: threads that dump the graphs of a store for a Turtle or N-Triples export of their union
EXPORT_THREADS = 2
#: quads a streaming build hands the loader at once at first (about 11 MB of N-Quads); slices grow
#: with the store, to a quarter of what it holds and at most STREAM_SLICE_MAX quads (see _OxigraphWriter)
STREAM_SLICE = 50_000
STREAM_SLICE_MAX = 200_000
#: slices a streaming build lets wait for the background loader (bounds its memory)
LOADS_IN_FLIGHT = 2
#: an unfinished build's marker in the store folder (see _OxigraphWriter)
BUILDING_FILE = "newsgraph.building"
ROLLBACK_SUFFIX = ".newsgraph-rollback"


@dataclass(frozen=True)
class RawResult:
    """A query's answer in rdflib terms: ``kind`` is SELECT, ASK or CONSTRUCT (also DESCRIBE).

    SELECT: ``columns`` and ``rows`` (None for unbound); ASK: one row with a bool; CONSTRUCT: the
    columns subject, predicate, object. ``truncated`` says rows were cut at the row limit.
    """

    kind: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    truncated: bool = False


# ---------------------------------------------------------------------------------------- terms

_XSD_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)


def to_oxigraph(term: Any) -> Any:
    """An rdflib term (or None for the default graph) as a pyoxigraph term."""
    if term is None:
        return ox.DefaultGraph()
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_oxigraph(term: Any) -> Any:
    """A pyoxigraph term as an rdflib term (``xsd:string`` literals become plain literals)."""
    if type(term) is ox.NamedNode:  # most terms in answers: the cheapest test first
        return URIRef(term.value)
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.DefaultGraph):
        return None
    return Literal(str(term))  # an RDF-star triple term: shown as text


def oxigraph_quad(quad: Quad) -> ox.Quad:
    s, p, o, g = quad
    return ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), to_oxigraph(g))


def raw_result(answer: Any, *, max_rows: int | None = None, plain: bool = False) -> RawResult:
    """A pyoxigraph query answer (solutions, boolean or triples) as a :class:`RawResult`;
    ``plain``: its values as plain Python values (:func:`python_value`) rather than rdflib terms."""
    if isinstance(answer, ox.QueryBoolean):
        return RawResult("ASK", ("ask",), ((bool(answer),),))
    rows: list[tuple[Any, ...]] = []
    truncated = False
    if isinstance(answer, ox.QuerySolutions):
        columns = tuple(v.value for v in answer.variables)
        convert = oxigraph_python_value if plain else from_oxigraph
        for solution in answer:  # a solution iterates over its values in column order (None: unbound)
            if max_rows is not None and len(rows) >= max_rows:
                truncated = True
                break
            rows.append(tuple(map(convert, solution)))
        return RawResult("SELECT", columns, tuple(rows), truncated)
    for triple in answer:  # QueryTriples
        if max_rows is not None and len(rows) >= max_rows:
            truncated = True
            break
        rows.append((from_oxigraph(triple.subject), from_oxigraph(triple.predicate), from_oxigraph(triple.object)))
    rows.sort(key=lambda t: tuple(str(x) for x in t))
    result = RawResult("CONSTRUCT", ("subject", "predicate", "object"), tuple(rows), truncated)
    return plain_result(result) if plain else result


def python_value(value: Any) -> Any:
    """A plain Python value for an rdflib term: IRIs and blank nodes as strings, literals as
    ``toPython`` gives them (decimals as floats, unknown datatypes as their text)."""
    if value is None:
        return None
    if isinstance(value, Literal):
        python = value.toPython()
        if isinstance(python, Decimal):
            return float(python)
        if isinstance(python, Literal):  # unknown datatype
            return str(value)
        return python
    if isinstance(value, (URIRef, BNode)):
        return str(value)
    return value


_XSD_STRING = str(XSD.string)


def oxigraph_python_value(term: Any) -> Any:
    """:func:`python_value` of a pyoxigraph term, without making an rdflib term for the common
    ones (IRIs, strings, language-tagged strings), which is most of the cost of a small query."""
    kind = type(term)
    if kind is ox.NamedNode or kind is ox.BlankNode:
        return term.value
    if kind is ox.Literal and (term.language or term.datatype.value == _XSD_STRING):
        return term.value
    return python_value(from_oxigraph(term))


def plain_result(raw: RawResult) -> RawResult:
    """``raw`` with plain Python values for its rdflib terms."""
    return RawResult(raw.kind, raw.columns, tuple(tuple(python_value(x) for x in row) for row in raw.rows),
                     raw.truncated)


def _one_line(exc: BaseException, limit: int = 200) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _insert_data(graphs: Mapping[URIRef, Iterable[Quad]]) -> str:
    """A SPARQL Update that replaces each named graph with the given quads, in one request."""
    parts = [f"DROP SILENT GRAPH <{name}> ;\n" for name in graphs]
    body: list[str] = []
    for name, quads in graphs.items():
        lines = [f"{to_oxigraph(s)} {to_oxigraph(p)} {to_oxigraph(o)} ." for s, p, o, g in quads
                 if _check_graph(g, name)]
        if lines:
            body.append(f"GRAPH <{name}> {{\n" + "\n".join(lines) + "\n}")
    if body:
        parts.append("INSERT DATA {\n" + "\n".join(body) + "\n}")
    else:
        parts[-1] = parts[-1].rstrip(" ;\n")
    return "".join(parts)


def _check_graph(graph: Any, name: URIRef) -> bool:
    if graph != name:
        raise StoreError(f"a quad for graph {graph} was given to replace graph {name}")
    return True


# ---------------------------------------------------------------------------------------- interface

class GraphStore(ABC):
    """A place a newsgraph graph lives: query it, replace named graphs, export it."""

    #: where it is (a folder, a URL, "memory"), for messages
    location: str = ""

    @abstractmethod
    def __len__(self) -> int:
        """Number of quads."""

    @abstractmethod
    def execute(self, query: str, *, timeout: float | None = None, max_rows: int | None = None,
                union: bool = True) -> RawResult:
        """Run a read-only SPARQL query (``union``: the default graph is the union of all graphs).

        ``timeout`` bounds the time (seconds), ``max_rows`` the rows returned. Raises
        :class:`~graph.errors.QueryError`.
        """

    @abstractmethod
    def replace_graphs(self, graphs: Mapping[URIRef, Iterable[Quad]]) -> None:
        """Atomically replace each named graph with the given quads (all or nothing)."""

    @abstractmethod
    def export(self, path: str | Path, fmt: str | None = None) -> Path:
        """Write the whole store to a file (format from ``fmt`` or the extension), atomically.

        Quad formats (N-Quads, TriG) keep the named graphs; the others get their union.
        """

    @abstractmethod
    def to_dataset(self) -> Dataset:
        """The whole store as an rdflib ``Dataset`` (for rendering and validation)."""

    def close(self) -> None:  # noqa: B027 - most stores hold nothing to release
        """Release the store (and its lock)."""
        return None

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def writer(self) -> GraphWriter:
        """A write that replaces named graphs one at a time and applies all of them, or none:
        use it as a context manager (committed on success, undone on an exception)."""
        return BufferedWriter(self)

    def select(self, query: str) -> list[dict[str, Any]]:
        """Rows of an internal SELECT (newsgraph prefixes declared), as dicts of rdflib terms."""
        result = self.execute(query, union=False)
        return [dict(zip(result.columns, row)) for row in result.rows]

    def graph_names(self) -> set[str]:
        """The named graphs in the store."""
        return {str(r["g"]) for r in self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}

    def article_hashes(self) -> dict[str, str]:
        """Article id -> content hash, for every article in the store."""
        rows = self.select("""
            SELECT ?id ?hash WHERE { GRAPH ?g { ?doc a schema:NewsArticle ; schema:identifier ?id ;
                                                      nkg:contentHash ?hash } }""")
        return {str(r["id"]): str(r["hash"]) for r in rows}


class StoreTriples:
    """rdflib-style pattern lookups over a pyoxigraph store, for readers that need only those."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    @classmethod
    def of_file(cls, path: str | Path, fmt: str | None = None) -> StoreTriples:
        """An RDF file parsed by pyoxigraph into memory (much faster than rdflib for big files)."""
        from .io import read_error

        source = Path(path)
        name = rdf_format(source, fmt)
        if not source.is_file():
            raise StoreError(f"{source}: no such file") if not source.exists() else \
                StoreError(f"{source}: is a directory, not an RDF file")
        store = ox.Store()
        try:
            store.bulk_load(path=str(source), format=OXIGRAPH_FORMATS[name])
        except SyntaxError as exc:
            raise read_error(source, name, exc) from None
        except OSError as exc:
            raise StoreError(f"{source}: cannot be read ({exc.strerror or exc})") from None
        return cls(store)

    def subject_objects(self, predicate: URIRef) -> Iterator[tuple[Any, Any]]:
        for quad in self.store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, None):
            yield from_oxigraph(quad.subject), from_oxigraph(quad.object)


# ---------------------------------------------------------------------------------------- writers

class GraphWriter(ABC):
    """Replaces named graphs of a store, graph by graph, as one all-or-nothing change.

    ``with store.writer() as write: write.replace(name, lines) ...`` commits when the block ends
    and undoes everything when it raises. The lines are quads in N-Triples syntax (see
    :func:`graph.rdf.model.article_lines`). A streaming build replaces one article graph at a
    time, so it never holds the whole corpus.
    """

    @abstractmethod
    def replace(self, name: URIRef, lines: Iterable[tuple[str, str, str, str]]) -> None:
        """Replace the named graph ``name`` (dropping what it held) with ``lines``."""

    @abstractmethod
    def commit(self) -> None:
        """Make the change visible and durable."""

    @abstractmethod
    def abort(self) -> None:
        """Undo every change of this write."""

    def __enter__(self) -> GraphWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()


def _checked_lines(name: URIRef, lines: Iterable[tuple[str, str, str, str]]) -> Iterator[tuple[str, str, str, str]]:
    expected = f"<{name}>"
    for line in lines:
        if line[3] != expected:
            _wrong_graph(line[3], expected)
        yield line


class BufferedWriter(GraphWriter):
    """Collects the graphs and hands them to :meth:`GraphStore.replace_graphs` at commit (for
    the memory store and remote endpoints, which apply one change in one request)."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.graphs: dict[URIRef, list[Quad]] = {}

    def replace(self, name: URIRef, lines: Iterable[tuple[str, str, str, str]]) -> None:
        from .model import rdflib_quads

        self.graphs[name] = list(rdflib_quads(_checked_lines(name, lines)))

    def commit(self) -> None:
        if self.graphs:
            self.store.replace_graphs(self.graphs)
        self.graphs = {}

    def abort(self) -> None:
        self.graphs = {}


class _OxigraphWriter(GraphWriter):
    """Streams quads into an Oxigraph store with its bulk loader, undoably.

    Before the first change to a store that already has data, a RocksDB checkpoint of it is
    taken next to it (hard links: quick and small) and ``DIR/newsgraph.building`` says where it
    is. The graphs are then replaced in place. Commit removes the marker and the checkpoint; an
    exception puts the checkpoint back. A build killed half way leaves the marker, and the next
    open of the store puts the checkpoint back before anything reads it: the store is always
    the one before the build or the one after it. A new store is simply removed again.
    Quads reach the store as N-Quads text through the bulk loader, in slices of
    :data:`STREAM_SLICE` quads, loaded on a background thread (:class:`_Loader`) while the
    caller goes on. Slices grow with the store (a quarter of the quads it holds, up to
    :data:`STREAM_SLICE_MAX`): every bulk load makes RocksDB merge its new tables into the
    store's, so many small loads into a big store cost far more CPU than fewer bigger ones
    (3.46M quads handed over at a build's pace: 57 s of CPU in slices of 50,000, 37 s in slices
    of 200,000), while small builds still load alongside the parse.
    """

    def __init__(self, store: OxigraphStore) -> None:
        store._writable()
        self.store = store
        self.pending: list[str] = []
        self.active = True
        self.loader = _Loader()
        self.written: set[URIRef] = set()  # graphs replaced so far
        self.loaded = 0  # quads in the store before this write (its census) and handed to the loader since
        rollback = store.path.parent / f".{store.path.name}{ROLLBACK_SUFFIX}"
        if rollback.exists():
            shutil.rmtree(rollback)
        self.fresh = store._fresh and not store._written
        census = None
        if not self.fresh:
            store.store.flush()
            store.store.backup(str(rollback))
            if store._census_path.is_file():
                census = store._census_path.read_text(encoding="utf-8")
                with contextlib.suppress(ValueError, KeyError, TypeError):
                    self.loaded = int(json.loads(census)["quads"])
        marker = {"rollback": None if self.fresh else str(rollback), "census": census}
        with atomic_output(store.path / BUILDING_FILE, "w") as handle:
            json.dump(marker, handle)
        self.rollback = None if self.fresh else rollback

    def replace(self, name: URIRef, lines: Iterable[tuple[str, str, str, str]]) -> None:
        graph, node = f"<{name}>", ox.NamedNode(str(name))
        if name in self.written:  # replaced twice in one write: the first lines go, then the graph
            self._flush_pending()
            self.loader.submit(self._drop_graph, node)
        elif not self.fresh and self.store.store.contains_named_graph(node):
            self.loader.submit(self._drop_graph, node)  # the loader keeps the order: drop, then load
        self.written.add(name)
        self.pending.extend([f"{s} {p} {o} {g} .\n" for s, p, o, g in lines if g == graph or _wrong_graph(g, graph)])
        if len(self.pending) >= min(STREAM_SLICE_MAX, max(STREAM_SLICE, self.loaded // 4)):
            self._flush_pending()

    def _drop_graph(self, graph: ox.NamedNode) -> None:
        if self.store.store.contains_named_graph(graph):
            self.store.store.remove_graph(graph)

    def _flush_pending(self) -> None:
        if self.pending:
            self.loader.submit(self._load, "".join(self.pending))
            self.loaded += len(self.pending)
            self.pending = []

    def _load(self, data: str) -> None:
        try:  # lenient: the text is newsgraph's own, whose IRIs the model makes valid (tests/test_properties.py)
            self.store.store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
        except SyntaxError as exc:
            raise StoreError(f"{self.store.path}: newsgraph wrote invalid N-Quads ({_one_line(exc)})") from None

    def commit(self) -> None:
        if not self.active:
            return
        store = self.store
        try:
            self._flush_pending()
            self.loader.finish()
            if self.fresh:
                store.store.optimize()  # merge the loader's tables: scans and dumps get much faster
            store.store.flush()
            store._written = True
            store._write_census(len(store.store))
        except (OSError, RuntimeError, ValueError, StoreError) as exc:
            self.abort()
            raise StoreError(f"{store.path}: the update failed and was not applied ({_one_line(exc)})") from None
        (store.path / BUILDING_FILE).unlink(missing_ok=True)
        if self.rollback is not None:
            shutil.rmtree(self.rollback, ignore_errors=True)
        self.active = False

    def abort(self) -> None:
        if not self.active:
            return
        self.active = False
        self.pending = []
        self.loader.cancel()
        self.store._reopen_after(self.store._roll_back)


def _wrong_graph(graph: str, expected: str) -> bool:
    raise StoreError(f"a quad for graph {graph} was given to replace graph {expected}")


class _Loader:
    """Runs a writer's store operations (bulk loads, graph drops) in order on one background
    thread, so that the main thread goes on parsing or merging while Oxigraph loads: pyoxigraph
    releases the GIL in ``bulk_load``. At most :data:`LOADS_IN_FLIGHT` operations wait (bounded
    memory); an operation's error is raised in the main thread at the next ``submit`` or at
    ``finish``."""

    def __init__(self) -> None:
        self.executor: concurrent.futures.ThreadPoolExecutor | None = None
        self.waiting: collections.deque[concurrent.futures.Future[None]] = collections.deque()

    def submit(self, action: Callable[..., None], *args: Any) -> None:
        if self.executor is None:
            self.executor = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="newsgraph-loader")
        while self.waiting and (self.waiting[0].done() or len(self.waiting) >= LOADS_IN_FLIGHT):
            self.waiting.popleft().result()  # raises the operation's error
        self.waiting.append(self.executor.submit(action, *args))

    def finish(self) -> None:
        """Wait for every operation; raise the first error."""
        try:
            while self.waiting:
                self.waiting.popleft().result()
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Drop the operations not started, wait for the running one (a bulk load cannot be
        interrupted), and stop the thread."""
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None
        self.waiting.clear()


# ---------------------------------------------------------------------------------------- memory

class MemoryStore(GraphStore):
    """An rdflib ``Dataset`` in memory: the default for a few articles."""

    def __init__(self, dataset: Dataset | None = None) -> None:
        self.dataset = dataset if dataset is not None else Dataset(default_union=True)
        bind_prefixes(self.dataset)
        self.location = "memory"

    def __len__(self) -> int:
        return sum(1 for _ in self.dataset.quads((None, None, None, None)))

    def execute(self, query: str, *, timeout: float | None = None, max_rows: int | None = None,
                union: bool = True) -> RawResult:
        from .sparql import run_rdflib_query

        return run_rdflib_query(self.dataset, query, timeout=timeout, max_rows=max_rows)

    def replace_graphs(self, graphs: Mapping[URIRef, Iterable[Quad]]) -> None:
        staged = {name: [q for q in quads if _check_graph(q[3], name)] for name, quads in graphs.items()}
        for name, quads in staged.items():  # nothing below raises: the change is all or nothing
            self.dataset.remove_graph(self.dataset.graph(name))
            self.dataset.addN((s, p, o, self.dataset.graph(name)) for s, p, o, _ in quads)

    def export(self, path: str | Path, fmt: str | None = None) -> Path:
        from .io import write_graph

        return write_graph(self.dataset, path, fmt)

    def to_dataset(self) -> Dataset:
        return self.dataset


# ---------------------------------------------------------------------------------------- oxigraph

class _FolderLock:
    """``DIR/newsgraph.lock``: exclusive for a writer, shared for readers; never waits."""

    def __init__(self, folder: Path, *, exclusive: bool) -> None:
        self.path = folder / LOCK_FILE
        self.handle: IO[bytes] | None = None
        try:
            self.handle = open(self.path, "a+b")
        except OSError as exc:
            raise StoreError(f"{folder}: cannot open the store's lock file ({exc.strerror or exc})") from None
        try:
            fcntl.flock(self.handle.fileno(), (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.close()
            self.handle = None
            doing = "is in use by another process (a build, a query or a server)" if exclusive else \
                "is being written by another process (a build)"
            raise StoreError(f"{folder}: the store {doing}; try again when it has finished") from None

    def release(self) -> None:
        if self.handle is not None:
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None


def _store_error(folder: Path, exc: BaseException) -> StoreError:
    message = _one_line(exc)
    if "lock" in message.lower():
        return StoreError(f"{folder}: the store is locked by another process (another build, or an Oxigraph "
                          "server writing to it); try again when it has finished")
    if isinstance(exc, FileNotFoundError) or "CURRENT: No such file" in message:
        return StoreError(f"{folder}: not an Oxigraph store (no CURRENT file); build one with "
                          f"newsgraph build --store {folder}")
    if "corrupt" in message.lower() or isinstance(exc, RuntimeError):
        return StoreError(f"{folder}: the store is damaged and cannot be opened ({message}); restore it from a "
                          "backup or rebuild it")
    return StoreError(f"{folder}: cannot open the store ({message})")


class OxigraphStore(GraphStore):
    """An Oxigraph (RocksDB) database in a folder, through pyoxigraph.

    ``writable=False`` opens it read-only (it must exist); ``writable=True`` opens it for writing,
    creating it when the folder does not exist (and removing it again if nothing was ever
    written, see :meth:`close`). ``lock=False`` is for a query worker whose parent process
    already holds the lock.
    """

    def __init__(self, path: str | Path, *, writable: bool = False, lock: bool = True) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self.writable = writable
        self._worker: Any = None
        self._lock: _FolderLock | None = None
        existed = self.path.exists()
        if existed and not self.path.is_dir():
            raise StoreError(f"{self.path}: is a file, not a store folder")
        self._fresh = not (self.path / "CURRENT").is_file()  # no store here yet
        if self._fresh:
            if not writable and not existed:
                raise StoreError(f"{self.path}: no such store; build one with newsgraph build --store {self.path}")
            if not writable or (existed and any(p.name != LOCK_FILE for p in self.path.iterdir())):
                raise StoreError(f"{self.path}: not an Oxigraph store (no CURRENT file); build one with "
                                 f"newsgraph build --store {self.path}")
        self._created = self._fresh and not existed
        self._written = False
        self.path.mkdir(parents=True, exist_ok=True)
        if (self.path / BUILDING_FILE).is_file():
            # a build was killed half way: put the store back as it was before it
            recovery = _FolderLock(self.path, exclusive=True)
            try:
                self._roll_back()
            finally:
                recovery.release()
            self._fresh = not (self.path / "CURRENT").is_file()
            if self._fresh and not writable:
                raise StoreError(f"{self.path}: no such store (its first build was interrupted); build it again "
                                 f"with newsgraph build --store {self.path}")
        if lock:
            self._lock = _FolderLock(self.path, exclusive=writable)
        try:
            if not self._fresh:
                # check read-only first: opening a damaged RocksDB for writing "repairs" it, losing data
                self.store = ox.Store.read_only(str(self.path))
                self._check_census()
                del self.store
            self.store = ox.Store(str(self.path)) if writable else ox.Store.read_only(str(self.path))
            if writable and not self._fresh:
                self._check_census()
        except (OSError, RuntimeError, ValueError) as exc:
            self._release()
            self._remove_if_fresh()
            raise _store_error(self.path, exc) from None
        except StoreError:
            self._release()
            raise

    # -- the census: how many quads the store must hold, to notice a store that lost data

    @property
    def _census_path(self) -> Path:
        return self.path / CENSUS_FILE

    def _check_census(self) -> None:
        """A store newsgraph wrote records its size; a store that reads as another size lost data
        (a truncated or half-copied folder: RocksDB then opens an older state without complaint)."""
        try:
            census = json.loads(self._census_path.read_text(encoding="utf-8"))
            expected = {int(census["quads"]), int(census.get("previous", census["quads"]))}
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError):
            raise StoreError(f"{self.path}: the store is damaged ({CENSUS_FILE} cannot be read); restore it from a "
                             "backup or rebuild it") from None
        actual = len(self.store)
        if actual not in expected:
            raise StoreError(f"{self.path}: the store is damaged: it holds {actual} quads where {max(expected)} were "
                             "written (a truncated or half-copied folder?); restore it from a backup or rebuild it")

    def _write_census(self, quads: int, previous: int | None = None) -> None:
        with atomic_output(self._census_path, "w") as handle:
            json.dump({"quads": quads, "previous": quads if previous is None else previous}, handle)
            handle.write("\n")

    # -- reading

    def __len__(self) -> int:
        try:
            return len(self.store)
        except (OSError, RuntimeError) as exc:
            raise _store_error(self.path, exc) from None

    def execute(self, query: str, *, timeout: float | None = None, max_rows: int | None = None,
                union: bool = True, plain: bool = False) -> RawResult:
        if timeout is not None:
            raw = self._bounded(query, timeout=timeout, max_rows=max_rows, union=union)
            return plain_result(raw) if plain else raw
        if union and next(iter(self.store.named_graphs()), None) is None:
            union = False  # only a default graph (a file loaded as it is): it is the union, and quicker to read alone
        return run_oxigraph_query(self.store, query, max_rows=max_rows, union=union, where=self.location, plain=plain)

    def _bounded(self, query: str, *, timeout: float, max_rows: int | None, union: bool) -> RawResult:
        """Run in a child process that is killed when the time is up (pyoxigraph cannot cancel)."""
        from .workers import QueryWorker

        if self.writable:
            self.store.flush()
        if self._worker is None:
            self._worker = QueryWorker(self.path)
        return self._worker.run(query, timeout=timeout, max_rows=max_rows, union=union)

    def to_dataset(self) -> Dataset:
        dataset = Dataset(default_union=True)
        bind_prefixes(dataset)
        data = self.store.dump(format=ox.RdfFormat.N_QUADS)
        dataset.parse(data=data, format="nquads")
        return dataset

    def union_triples(self) -> Any:
        """Every triple of every graph, once (pyoxigraph triples), in the store's index order."""
        return self.store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)

    def export(self, path: str | Path, fmt: str | None = None) -> Path:
        target = Path(path)
        name = rdf_format(target, fmt)
        try:
            with atomic_output(target, "wb") as handle:
                if name in ("nquads", "trig"):
                    self.store.dump(handle, OXIGRAPH_FORMATS[name], prefixes=_prefixes(name))
                elif name == "json-ld":
                    handle.write(serialize(self.to_dataset(), "jsonld"))
                elif next(iter(self.store.named_graphs()), None) is None:
                    # only a default graph (a file loaded as it is): it is the union, dump it straight
                    self.store.dump(handle, OXIGRAPH_FORMATS[name], from_graph=ox.DefaultGraph(),
                                    prefixes=_prefixes(name))
                elif name in ("turtle", "nt"):
                    self._dump_union(handle, name, target.parent)
                else:
                    ox.serialize(self.union_triples(), handle, OXIGRAPH_FORMATS[name], prefixes=_prefixes(name))
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"{self.path}: cannot export to {target} ({_one_line(exc)})") from None
        return target

    def _dump_union(self, handle: IO[bytes], fmt: str, scratch: Path) -> None:
        """Every graph's triples as one Turtle or N-Triples document: the graphs are dumped one
        by one by :data:`EXPORT_THREADS` threads at once (``Store.dump`` releases the GIL; the
        store's string dictionary, not the writer, is what takes the time), and the parts are
        joined under one prefix header. A triple that is in two graphs is written twice: the
        file still parses to the union (a graph is a set). Taking the union with a CONSTRUCT
        query instead needs one thread and passes every triple through Python. The parts wait
        in temporary files in ``scratch`` (the export's folder)."""
        rdf_format_ = OXIGRAPH_FORMATS[fmt]
        prefixes = _prefixes(fmt)
        probe = b"<urn:newsgraph:prefix-probe>"
        header = b""
        if prefixes:
            node = ox.NamedNode(probe[1:-1].decode())
            sample = ox.serialize([ox.Triple(node, node, node)], format=rdf_format_, prefixes=prefixes)
            header = sample[: sample.index(probe)]
        graphs: list[Any] = [ox.DefaultGraph(), *sorted(self.store.named_graphs(), key=lambda g: (type(g).__name__, g.value))]
        shares = [graphs[i::EXPORT_THREADS] for i in range(EXPORT_THREADS)]
        failed: list[BaseException] = []

        def dump(share: list[Any], part: IO[bytes]) -> None:
            try:
                for graph_name in share:
                    data = self.store.dump(None, rdf_format_, from_graph=graph_name, prefixes=prefixes)
                    if data and not data.startswith(header):
                        raise RuntimeError(f"pyoxigraph wrote graph {graph_name} with another prefix header")
                    part.write(data[len(header):] if data else data)
            except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
                failed.append(exc)

        with contextlib.ExitStack() as stack:
            parts = [stack.enter_context(tempfile.TemporaryFile(dir=scratch)) for _ in shares]
            threads = [threading.Thread(target=dump, args=(share, part), name="newsgraph-export")
                       for share, part in zip(shares, parts)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            if failed:
                raise failed[0]
            handle.write(header)
            for part in parts:
                part.seek(0)
                shutil.copyfileobj(part, handle, 1 << 20)

    # -- writing

    def _writable(self) -> None:
        if not self.writable:
            raise StoreError(f"{self.path}: the store was opened read-only")

    def replace_graphs(self, graphs: Mapping[URIRef, Iterable[Quad]]) -> None:
        self._writable()
        staged = {name: list(dict.fromkeys(q for q in quads if _check_graph(q[3], name))) for name, quads in graphs.items()}
        try:
            before = len(self.store)
            dropped = sum(self._graph_size(name) for name in staged)
            expected = before - dropped + sum(len(quads) for quads in staged.values())
            self._write_census(expected, before)  # either size is fine until the update has committed
            if self._fresh and not self._written:
                # a new store: the bulk loader; if it fails, the folder is removed again (see close)
                every = (oxigraph_quad(q) for quads in staged.values() for q in quads)
                while batch := list(itertools.islice(every, LOAD_SLICE)):
                    self.store.bulk_extend(batch)
                self.store.optimize()
            else:
                self.store.update(_insert_data(staged))  # one transaction
            self.store.flush()
            self._written = True
            self._write_census(len(self.store))
        except (OSError, RuntimeError, SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.path}: the update failed and was not applied ({_one_line(exc)})") from None

    def writer(self) -> GraphWriter:
        return _OxigraphWriter(self)

    def _roll_back(self) -> None:
        """Undo an unfinished build (``newsgraph.building``): put the checkpoint it names back, or,
        for a first build, leave no store. The store must not be open."""
        marker_path = self.path / BUILDING_FILE
        try:
            marker = json.loads(marker_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            marker = {"rollback": None, "census": None}
        rollback = Path(marker["rollback"]) if marker.get("rollback") else None
        if rollback is not None and not (rollback / "CURRENT").is_file():
            raise StoreError(f"{self.path}: a build was interrupted and its checkpoint {rollback} is missing; "
                             "restore the store from a backup or rebuild it")
        for item in self.path.iterdir():
            if item.name not in (LOCK_FILE, BUILDING_FILE):
                shutil.rmtree(item) if item.is_dir() else item.unlink()
        if rollback is not None:
            for item in rollback.iterdir():
                shutil.move(str(item), str(self.path / item.name))
            rollback.rmdir()
            if marker.get("census"):
                with atomic_output(self._census_path, "w") as handle:
                    handle.write(marker["census"])
        marker_path.unlink()

    def _reopen_after(self, action: Any) -> None:
        """Close the database, run ``action`` (on the closed folder), open it again."""
        with contextlib.suppress(AttributeError):
            del self.store
        action()
        self._fresh = not (self.path / "CURRENT").is_file()
        self._written = False
        self.store = ox.Store(str(self.path))

    def triples_view(self) -> StoreTriples:
        """A read-only view of every graph's triples with rdflib's ``subject_objects`` (what
        :func:`graph.view.network_from_rdf` reads), without copying the store into rdflib."""
        return StoreTriples(self.store)

    def _graph_size(self, name: URIRef) -> int:
        return sum(1 for _ in self.store.quads_for_pattern(None, None, None, ox.NamedNode(str(name))))

    def load_file(self, path: str | Path, fmt: str | None = None) -> None:
        """Load an RDF file (the format from its extension) into a new, empty store.

        pyoxigraph parses the file here, in slices of :data:`FILE_SLICE` quads, and a second
        thread hands each slice (as N-Quads) to its bulk loader, which lets go of the GIL: parsing
        and loading run side by side, and memory stays flat (a few slices at a time, not the
        whole file). A file that fails to parse leaves no store behind.
        """
        from .io import read_error

        self._writable()
        source = Path(path)
        name = rdf_format(source, fmt)
        if not source.is_file():
            raise StoreError(f"{source}: no such file")
        if not (self._fresh and not self._written):
            raise StoreError(f"{self.path}: load a file into a new store only (this one has data)")
        try:
            _bulk_load_alongside(self.store, ox.parse(path=str(source), format=OXIGRAPH_FORMATS[name]))
            self.store.optimize()  # merge the slices' tables: scans (dumps, big queries) get much faster
            self.store.flush()
            self._written = True
            self._write_census(len(self.store))  # the store's count: a file may repeat a triple
        except SyntaxError as exc:
            raise read_error(source, name, exc) from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise StoreError(f"{self.path}: cannot load {source} ({_one_line(exc)})") from None

    def optimize(self) -> None:
        self._writable()
        self.store.optimize()

    def close(self) -> None:
        """Close the store; a store this object created and never wrote to is removed again."""
        if self._worker is not None:
            self._worker.close()
            self._worker = None
        store = getattr(self, "store", None)
        if store is not None:
            with contextlib.suppress(OSError, RuntimeError):
                if self.writable:
                    store.flush()
            del self.store
            del store
        self._release()
        self._remove_if_fresh()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _remove_if_fresh(self) -> None:
        """A store this object started and never wrote to goes again: a failed first build leaves nothing."""
        if not (self._fresh and not self._written):
            return
        if self._created:
            shutil.rmtree(self.path, ignore_errors=True)
        else:
            for item in self.path.iterdir():
                if item.name != LOCK_FILE:
                    shutil.rmtree(item, ignore_errors=True) if item.is_dir() else item.unlink(missing_ok=True)
        self._fresh = False


def _bulk_load_alongside(store: ox.Store, quads: Iterator[ox.Quad]) -> None:
    """Bulk-load ``quads`` into ``store``: this thread cuts them into slices of N-Quads, a
    :class:`_Loader` thread loads each slice with ``Store.bulk_load``, which releases the GIL
    (``bulk_extend`` holds it), so parsing and loading run side by side. An error on either side
    stops both and is raised here."""
    loader = _Loader()
    try:
        while batch := list(itertools.islice(quads, FILE_SLICE)):
            loader.submit(_load_slice, store, batch, ox.serialize(batch, format=ox.RdfFormat.N_QUADS))
        loader.finish()
    finally:
        loader.cancel()


def _load_slice(store: ox.Store, batch: list[ox.Quad], data: bytes) -> None:
    """``bulk_load`` reads each slice as a document of its own and gives its blank nodes new
    names, so a slice with a blank node (or just ``_:`` in a literal) goes through
    ``bulk_extend``, which keeps the names the parser gave: a blank node used in two slices
    stays one node."""
    if b"_:" in data:
        store.bulk_extend(batch)
    else:
        store.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=True)  # pyoxigraph parsed and wrote it: valid


def _prefixes(fmt: str) -> dict[str, str] | None:
    return dict(PREFIXES) if fmt in ("turtle", "trig", "xml") else None


def run_oxigraph_query(store: ox.Store, query: str, *, max_rows: int | None = None, union: bool = True,
                       where: str = "store", default_graphs: list[str] | None = None,
                       named_graphs: list[str] | None = None, plain: bool = False) -> RawResult:
    """Run a query on a pyoxigraph store with the newsgraph prefixes; errors become QueryError."""
    from .sparql import has_dataset_clause

    options: dict[str, Any] = {"prefixes": dict(PREFIXES)}
    if default_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    elif union and not has_dataset_clause(query):  # FROM <g> picks graphs of the store; never a file
        options["use_default_graph_as_union"] = True
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    try:
        return raw_result(store.query(query, **options), max_rows=max_rows, plain=plain)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL error: {_one_line(exc)}") from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"{where}: the query failed ({_one_line(exc)})") from None


# ---------------------------------------------------------------------------------------- remote

class RemoteStore(GraphStore):
    """A SPARQL 1.1 endpoint. ``url`` is the service's base; by default (Oxigraph server's layout)
    queries go to ``BASE/query``, updates to ``BASE/update`` and the Graph Store Protocol to
    ``BASE/store``. Override each with a parameter of the URL, relative or absolute:
    ``http://host:3030/ds?query=sparql&update=update&store=data`` (Fuseki),
    ``http://host:7200/repositories/news?query=.&update=statements&store=rdf-graphs/service`` (GraphDB).
    """

    def __init__(self, url: str, *, timeout: float = 60.0) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise StoreError(f"{url}: not an http(s) URL of a SPARQL endpoint")
        base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/") + "/", "", ""))
        options = dict(urllib.parse.parse_qsl(parts.query))
        unknown = sorted(set(options) - {"query", "update", "store"})
        if unknown:
            raise UnknownNameError("endpoint parameter", unknown[0], ["query", "store", "update"])

        def endpoint(key: str) -> str:
            return urllib.parse.urljoin(base, options.get(key, key)).rstrip("/")

        self.location = url
        self.query_url, self.update_url, self.store_url = endpoint("query"), endpoint("update"), endpoint("store")
        self.timeout = timeout

    def _request(self, url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
                 method: str | None = None, timeout: float | None = None) -> tuple[bytes, str]:
        request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
        try:
            with urllib.request.urlopen(request, timeout=timeout or self.timeout) as response:
                return response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
            raise StoreError(f"{url}: HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")) from None
        except urllib.error.URLError as exc:
            raise StoreError(f"{url}: cannot reach the endpoint ({_one_line(exc.reason)})") from None
        except TimeoutError:
            raise QueryError(f"{url}: no answer within {timeout or self.timeout:g} s") from None
        except OSError as exc:
            raise StoreError(f"{url}: {_one_line(exc)}") from None

    def __len__(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
        return int(rows[0]["n"].toPython()) if rows else 0

    def execute(self, query: str, *, timeout: float | None = None, max_rows: int | None = None,
                union: bool = True) -> RawResult:
        fields = [("query", sparql_prologue() + query)]
        if union:  # the SPARQL Protocol's way to a union default graph that every server understands
            fields.extend(("default-graph-uri", g) for g in sorted(self.graph_names()))
        body = urllib.parse.urlencode(fields).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "Accept": "application/sparql-results+json, application/n-triples;q=0.9"}
        try:
            data, content_type = self._request(self.query_url, data=body, headers=headers, timeout=timeout)
        except StoreError as exc:
            if " HTTP 400 " in f" {exc} ":
                raise QueryError(f"SPARQL error: {exc}") from None
            raise
        try:
            if "n-triples" in content_type or "turtle" in content_type:
                fmt = ox.RdfFormat.N_TRIPLES if "n-triples" in content_type else ox.RdfFormat.TURTLE
                return raw_result(iter(ox.parse(data, format=fmt)), max_rows=max_rows)
            fmt = ox.QueryResultsFormat.XML if "xml" in content_type else ox.QueryResultsFormat.JSON
            return raw_result(ox.parse_query_results(data, format=fmt), max_rows=max_rows)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.query_url}: the answer is not SPARQL results ({_one_line(exc)})") from None

    def graph_names(self) -> set[str]:
        result = self.execute("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", union=False)
        return {str(row[0]) for row in result.rows}

    def replace_graphs(self, graphs: Mapping[URIRef, Iterable[Quad]]) -> None:
        update = sparql_prologue() + _insert_data(graphs)
        self._request(self.update_url, data=update.encode("utf-8"),
                      headers={"Content-Type": "application/sparql-update; charset=utf-8"})

    def _nquads(self) -> bytes:
        data, _ = self._request(self.store_url, headers={"Accept": "application/n-quads"})
        return data

    def to_dataset(self) -> Dataset:
        dataset = Dataset(default_union=True)
        bind_prefixes(dataset)
        dataset.parse(data=self._nquads(), format="nquads")
        return dataset

    def export(self, path: str | Path, fmt: str | None = None) -> Path:
        target = Path(path)
        name = rdf_format(target, fmt)
        data = self._nquads()
        if name != "nquads":
            local = ox.Store()
            local.load(data, format=ox.RdfFormat.N_QUADS)
            if name == "trig":
                data = local.dump(format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES))
            elif name == "json-ld":
                data = serialize(self.to_dataset(), "jsonld")
            else:
                triples = local.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
                data = ox.serialize(triples, format=OXIGRAPH_FORMATS[name], prefixes=_prefixes(name))
        with atomic_output(target, "wb") as handle:
            handle.write(data)
        return target


# ---------------------------------------------------------------------------------------- opening

def is_remote(location: str | Path) -> bool:
    return str(location).startswith(("http://", "https://"))


def open_store(location: str | Path | None, *, writable: bool = False) -> GraphStore:
    """The store at ``location``: ``None`` or ``"memory"`` a new :class:`MemoryStore`, an
    ``http(s)://`` URL a :class:`RemoteStore`, anything else an :class:`OxigraphStore` folder."""
    if location is None or str(location) == "memory":
        return MemoryStore()
    if is_remote(location):
        return RemoteStore(str(location))
    return OxigraphStore(location, writable=writable)

