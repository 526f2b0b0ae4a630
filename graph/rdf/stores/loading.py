"""Loading an Oxigraph store: the streaming writer of builds (undoable: a checkpoint is put
back when a build fails or is killed), and bulk loads in slices on a background thread.

Used by :class:`graph.rdf.stores.oxigraph.OxigraphStore` (``writer()`` and ``load_file``).
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import itertools
import json
import shutil
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import URIRef

from ...errors import StoreError, one_line
from ...outputs import atomic_output
from .base import GraphWriter, wrong_graph

if TYPE_CHECKING:
    from .oxigraph import OxigraphStore

__all__ = [
    "BUILDING_FILE",
    "FILE_SLICE",
    "LOADS_IN_FLIGHT",
    "ROLLBACK_SUFFIX",
    "STREAM_SLICE",
    "SMALL_SLICE",
    "STREAM_SLICE_MAX",
    "Loader",
    "OxigraphWriter",
    "bulk_load_alongside",
    "load_slice",
]

#: quads per slice when a file is loaded (see OxigraphStore.load_file): a few slices are in flight
FILE_SLICE = 50_000
#: quads a streaming build hands the loader at once at first (about 11 MB of N-Quads); slices grow
#: with the store, to a quarter of what it holds and at most STREAM_SLICE_MAX quads (see OxigraphWriter)
STREAM_SLICE = 50_000
STREAM_SLICE_MAX = 200_000
#: fewer quads than this go into a store that has data in one transaction, not through the bulk loader
SMALL_SLICE = 20_000
#: slices a streaming build lets wait for the background loader (bounds its memory)
LOADS_IN_FLIGHT = 2
#: a write that replaces at most this many graphs counts the store's new size from the sizes of the graphs it
#: changed (see OxigraphWriter.commit); a bigger one counts every quad of the store
CENSUS_BY_GRAPHS = 1000
#: an unfinished build's marker in the store folder (see OxigraphWriter)
BUILDING_FILE = "newsgraph.building"
ROLLBACK_SUFFIX = ".newsgraph-rollback"


class OxigraphWriter(GraphWriter):
    """Streams quads into an Oxigraph store with its bulk loader, undoably.

    Before the first change to a store that already has data, a RocksDB checkpoint of it is
    taken next to it (hard links: quick and small) and ``DIR/newsgraph.building`` says where it
    is. The graphs are then replaced in place. Commit removes the marker and the checkpoint; an
    exception puts the checkpoint back. A build killed half way leaves the marker, and the next
    open of the store puts the checkpoint back before anything reads it: the store is always
    the one before the build or the one after it. A new store is simply removed again.
    Quads reach the store as N-Quads text through the bulk loader, in slices of
    :data:`STREAM_SLICE` quads, loaded on a background thread (:class:`Loader`) while the
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
        self.loader = Loader()
        self.written: set[URIRef] = set()  # graphs replaced so far
        self.before: dict[URIRef, int] = {}  # their sizes before this write
        self.amended = 0  # quads added less quads removed by amend()
        self.census: int | None = None  # the store's census before this write, if it has one
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
                    self.loaded = self.census = int(json.loads(census)["quads"])
        marker = {"rollback": None if self.fresh else str(rollback), "census": census}
        with atomic_output(store.path / BUILDING_FILE, "w") as handle:
            json.dump(marker, handle)
        self.rollback = None if self.fresh else rollback

    def replace(self, name: URIRef, lines: Iterable[tuple[str, str, str, str]]) -> None:
        graph, node = f"<{name}>", ox.NamedNode(str(name))
        if name not in self.written and len(self.before) <= CENSUS_BY_GRAPHS:
            self.before[name] = 0 if self.fresh else self.store._graph_size(name)
        if name in self.written:  # replaced twice in one write: the first lines go, then the graph
            self._flush_pending()
            self.loader.submit(self._drop_graph, node)
        elif not self.fresh and self.store.store.contains_named_graph(node):
            self.loader.submit(self._drop_graph, node)  # the loader keeps the order: drop, then load
        self.written.add(name)
        self.pending.extend([f"{s} {p} {o} {g} .\n" for s, p, o, g in lines if g == graph or wrong_graph(g, graph)])
        if len(self.pending) >= min(STREAM_SLICE_MAX, max(STREAM_SLICE, self.loaded // 4)):
            self._flush_pending()

    def amend(
        self,
        name: URIRef,
        drop: Iterable[str],
        lines: Iterable[tuple[str, str, str, str]],
        *,
        keep: frozenset[str] = frozenset(),
    ) -> None:
        graph = f"<{name}>"
        data = "".join(f"{s} {p} {o} {g} .\n" for s, p, o, g in lines if g == graph or wrong_graph(g, graph))
        self._flush_pending()  # in order: what was replaced before is loaded before this change
        counted = name not in self.before  # a graph replaced in this write is counted whole at commit
        self.loader.submit(self._amend, ox.NamedNode(str(name)), sorted(set(drop)), keep, data, counted)

    def _amend(self, graph: ox.NamedNode, drop: list[str], keep: frozenset[str], data: str, counted: bool) -> None:
        store = self.store.store
        gone = [
            quad
            for subject in drop
            for quad in store.quads_for_pattern(ox.NamedNode(subject.strip("<>")), None, None, graph)
            if f"<{quad.predicate.value}>" not in keep
        ]
        for quad in gone:
            store.remove(quad)
        parsed = dict.fromkeys(
            ox.parse(data, format=ox.RdfFormat.N_QUADS, lenient=True)
        )  # a line written twice counts once
        added = [quad for quad in parsed if quad not in store]
        store.extend(added)
        if counted:
            self.amended += len(added) - len(gone)

    def _drop_graph(self, graph: ox.NamedNode) -> None:
        if self.store.store.contains_named_graph(graph):
            self.store.store.remove_graph(graph)

    def _flush_pending(self) -> None:
        if self.pending and not self.fresh and len(self.pending) < SMALL_SLICE:
            self.loader.submit(self._insert, "".join(self.pending))
            self.loaded += len(self.pending)
            self.pending = []
        elif self.pending:
            self.loader.submit(self._load, "".join(self.pending))
            self.loaded += len(self.pending)
            self.pending = []

    def _insert(self, data: str) -> None:
        """A few quads into a store that has data: one transaction (a bulk load writes and merges new tables,
        about 0.2 s however few quads it gets)."""
        try:
            self.store.store.extend(list(ox.parse(data, format=ox.RdfFormat.N_QUADS, lenient=True)))
        except SyntaxError as exc:
            raise StoreError(f"{self.store.path}: newsgraph wrote invalid N-Quads ({one_line(exc)})") from None

    def _load(self, data: str) -> None:
        try:  # lenient: the text is newsgraph's own, whose IRIs the model makes valid (tests/test_properties.py)
            self.store.store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
        except SyntaxError as exc:
            raise StoreError(f"{self.store.path}: newsgraph wrote invalid N-Quads ({one_line(exc)})") from None

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
            store._write_census(*self._size())
        except (OSError, RuntimeError, ValueError, StoreError) as exc:
            self.abort()
            raise StoreError(f"{store.path}: the update failed and was not applied ({one_line(exc)})") from None
        (store.path / BUILDING_FILE).unlink(missing_ok=True)
        if self.rollback is not None:
            shutil.rmtree(self.rollback, ignore_errors=True)
        self.active = False

    def _size(self) -> tuple[int, int | None, dict[str, int] | None]:
        """The store's size after this write, and the sizes of the graphs it wrote: counted from the graphs it
        changed when they are few and the census before it is known, else by counting every quad."""
        if self.census is None or self.fresh or len(self.before) > CENSUS_BY_GRAPHS:
            # counted; the last few graphs written are recorded too, for the check of a big store on opening
            last = sorted(self.written, key=str)[-16:]
            return len(self.store.store), None, {str(name): self.store._graph_size(name) for name in last}
        after = {name: self.store._graph_size(name) for name in self.before}
        size = self.census + self.amended + sum(after[name] - self.before[name] for name in after)
        return size, None, {str(name): count for name, count in sorted(after.items())[:64]}

    def abort(self) -> None:
        if not self.active:
            return
        self.active = False
        self.pending = []
        self.loader.cancel()
        self.store._reopen_after(self.store._roll_back)


class Loader:
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


def bulk_load_alongside(store: ox.Store, quads: Iterator[ox.Quad]) -> None:
    """Bulk-load ``quads`` into ``store``: this thread cuts them into slices of N-Quads, a
    :class:`Loader` thread loads each slice with ``Store.bulk_load``, which releases the GIL
    (``bulk_extend`` holds it), so parsing and loading run side by side. An error on either side
    stops both and is raised here."""
    loader = Loader()
    try:
        while batch := list(itertools.islice(quads, FILE_SLICE)):
            loader.submit(load_slice, store, batch, ox.serialize(batch, format=ox.RdfFormat.N_QUADS))
        loader.finish()
    finally:
        loader.cancel()


def load_slice(store: ox.Store, batch: list[ox.Quad], data: bytes) -> None:
    """``bulk_load`` reads each slice as a document of its own and gives its blank nodes new
    names, so a slice with a blank node (or just ``_:`` in a literal) goes through
    ``bulk_extend``, which keeps the names the parser gave: a blank node used in two slices
    stays one node."""
    if b"_:" in data:
        store.bulk_extend(batch)
    else:
        store.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=True)  # pyoxigraph parsed and wrote it: valid
