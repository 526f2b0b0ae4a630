"""The Oxigraph store: an Oxigraph (RocksDB) database in a folder (``--store DIR``), for
corpora, used through pyoxigraph directly for loading, querying and serialising.

The folder is guarded by a lock file (``DIR/newsgraph.lock``): a writer holds it exclusively,
readers share it, so a build never runs while the store is queried or served and the other way
round; Oxigraph's own lock catches other programs writing to the folder. A query with a time
limit runs in a query worker (:mod:`graph.rdf.stores.workers`) that is killed when the time is up.
Writing into the store (the undoable streaming writer, bulk loads in slices on a background
thread) is :mod:`graph.rdf.stores.loading`.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import json
import shutil
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Dataset, URIRef

from ...errors import StoreError, one_line
from ...formats import OXIGRAPH_FORMATS
from ...outputs import atomic_output
from ..io import rdf_format, read_error, serialize
from ..namespaces import bind_prefixes
from ..order import BUILD_GRAPH
from ..results import plain_result
from ..sparql import run_oxigraph_query
from ..terms import from_oxigraph, oxigraph_quad
from .base import GraphStore, GraphWriter, Quad, RawResult, check_graph, dump_prefixes, insert_data
from .census import CENSUS_FILE, check_census, write_census
from .loading import BUILDING_FILE, OxigraphWriter, bulk_load_alongside
from .workers import QueryWorker

__all__ = [
    "CENSUS_FILE",
    "LOCK_FILE",
    "OXIGRAPH_FORMATS",
    "OxigraphStore",
    "StoreTriples",
]

LOCK_FILE = "newsgraph.lock"
#: quads per bulk-loader call: the loader holds one slice in memory (about 250 MB per 200,000)
LOAD_SLICE = 200_000
#: threads that dump the graphs of a store for a Turtle or N-Triples export of their union
EXPORT_THREADS = 2


class StoreTriples:
    """rdflib-style pattern lookups over a pyoxigraph store, for readers that need only those."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    @classmethod
    def of_file(cls, path: str | Path, fmt: str | None = None) -> StoreTriples:
        """An RDF file parsed by pyoxigraph into memory (much faster than rdflib for big files)."""
        source = Path(path)
        name = rdf_format(source, fmt)
        if not source.is_file():
            raise (
                StoreError(f"{source}: no such file")
                if not source.exists()
                else StoreError(f"{source}: is a directory, not an RDF file")
            )
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


class _FolderLock:
    """``DIR/newsgraph.lock``: exclusive for a writer, shared for readers; never waits."""

    def __init__(self, folder: Path, *, exclusive: bool) -> None:
        self.path = folder / LOCK_FILE
        self.handle: IO[bytes] | None = None
        try:
            self.handle = open(self.path, "a+b")  # noqa: SIM115 - held until release(), not a block
        except OSError as exc:
            raise StoreError(f"{folder}: cannot open the store's lock file ({exc.strerror or exc})") from None
        try:
            fcntl.flock(self.handle.fileno(), (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.close()
            self.handle = None
            doing = (
                "is in use by another process (a build, a query or a server)"
                if exclusive
                else "is being written by another process (a build)"
            )
            raise StoreError(f"{folder}: the store {doing}; try again when it has finished") from None

    def release(self) -> None:
        if self.handle is not None:
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None


def _store_error(folder: Path, exc: BaseException) -> StoreError:
    message = one_line(exc)
    if "lock" in message.lower():
        return StoreError(
            f"{folder}: the store is locked by another process (another build, or an Oxigraph "
            "server writing to it); try again when it has finished"
        )
    if isinstance(exc, FileNotFoundError) or "CURRENT: No such file" in message:
        return StoreError(
            f"{folder}: not an Oxigraph store (no CURRENT file); build one with newsgraph build --store {folder}"
        )
    if "corrupt" in message.lower() or isinstance(exc, RuntimeError):
        return StoreError(
            f"{folder}: the store is damaged and cannot be opened ({message}); restore it from a backup or rebuild it"
        )
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
                raise StoreError(
                    f"{self.path}: not an Oxigraph store (no CURRENT file); build one with "
                    f"newsgraph build --store {self.path}"
                )
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
                raise StoreError(
                    f"{self.path}: no such store (its first build was interrupted); build it again "
                    f"with newsgraph build --store {self.path}"
                )
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
        check_census(self.path, self.store, self._graph_size)

    def _write_census(self, quads: int, previous: int | None = None, graphs: dict[str, int] | None = None) -> None:
        write_census(self.path, quads, previous, graphs)

    # -- reading

    def __len__(self) -> int:
        try:
            return len(self.store)
        except (OSError, RuntimeError) as exc:
            raise _store_error(self.path, exc) from None

    def execute(
        self,
        query: str,
        *,
        timeout: float | None = None,
        max_rows: int | None = None,
        union: bool = True,
        plain: bool = False,
    ) -> RawResult:
        if timeout is not None:
            raw = self._bounded(query, timeout=timeout, max_rows=max_rows, union=union)
            return plain_result(raw) if plain else raw
        if union and next(iter(self.store.named_graphs()), None) is None:
            union = False  # only a default graph (a file loaded as it is): it is the union, and quicker to read alone
        return run_oxigraph_query(self.store, query, max_rows=max_rows, union=union, where=self.location, plain=plain)

    def _bounded(self, query: str, *, timeout: float, max_rows: int | None, union: bool) -> RawResult:
        """Run in a child process that is killed when the time is up (pyoxigraph cannot cancel)."""
        if self.writable:
            self.store.flush()
        if self._worker is None:
            self._worker = QueryWorker(self.path)
        return self._worker.run(query, timeout=timeout, max_rows=max_rows, union=union)

    def to_dataset(self) -> Dataset:
        """The store's graphs as an rdflib ``Dataset``, but the build graph (bookkeeping: :mod:`graph.rdf.order`)."""
        dataset = Dataset(default_union=True)
        bind_prefixes(dataset)
        data = self.store.dump(format=ox.RdfFormat.N_QUADS)
        dataset.parse(data=data, format="nquads")
        dataset.remove_graph(dataset.graph(BUILD_GRAPH))
        return dataset

    def union_triples(self) -> Any:
        """Every triple of every graph but the build graph, once (pyoxigraph triples), in the store's index order."""
        return self.store.query(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{BUILD_GRAPH}>) }} "
            "UNION { ?s ?p ?o } }"
        )

    def export(self, path: str | Path, fmt: str | None = None) -> Path:
        target = Path(path)
        name = rdf_format(target, fmt)
        try:
            with atomic_output(target, "wb") as handle:
                if name in ("nquads", "trig"):
                    self.store.dump(handle, OXIGRAPH_FORMATS[name], prefixes=dump_prefixes(name))
                elif name == "json-ld":
                    handle.write(serialize(self.to_dataset(), "jsonld"))
                elif next(iter(self.store.named_graphs()), None) is None:
                    # only a default graph (a file loaded as it is): it is the union, dump it straight
                    self.store.dump(
                        handle, OXIGRAPH_FORMATS[name], from_graph=ox.DefaultGraph(), prefixes=dump_prefixes(name)
                    )
                elif name in ("turtle", "nt"):
                    self._dump_union(handle, name, target.parent)
                else:
                    ox.serialize(self.union_triples(), handle, OXIGRAPH_FORMATS[name], prefixes=dump_prefixes(name))
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"{self.path}: cannot export to {target} ({one_line(exc)})") from None
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
        prefixes = dump_prefixes(fmt)
        probe = b"<urn:newsgraph:prefix-probe>"
        header = b""
        if prefixes:
            node = ox.NamedNode(probe[1:-1].decode())
            sample = ox.serialize([ox.Triple(node, node, node)], format=rdf_format_, prefixes=prefixes)
            assert sample is not None  # without an output file serialize returns the bytes
            header = sample[: sample.index(probe)]
        build = ox.NamedNode(str(BUILD_GRAPH))  # bookkeeping (graph.rdf.order), not news: a quad export keeps it
        graphs: list[Any] = [
            ox.DefaultGraph(),
            *sorted((g for g in self.store.named_graphs() if g != build), key=lambda g: (type(g).__name__, g.value)),
        ]
        shares = [graphs[i::EXPORT_THREADS] for i in range(EXPORT_THREADS)]
        failed: list[BaseException] = []

        def dump(share: list[Any], part: IO[bytes]) -> None:
            try:
                for graph_name in share:
                    data = self.store.dump(None, rdf_format_, from_graph=graph_name, prefixes=prefixes)
                    assert data is not None  # without an output file dump returns the bytes
                    if data and not data.startswith(header):
                        raise RuntimeError(f"pyoxigraph wrote graph {graph_name} with another prefix header")
                    part.write(data[len(header) :] if data else data)
            except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
                failed.append(exc)

        with contextlib.ExitStack() as stack:
            parts = [stack.enter_context(tempfile.TemporaryFile(dir=scratch)) for _ in shares]
            threads = [
                threading.Thread(target=dump, args=(share, part), name="newsgraph-export")
                for share, part in zip(shares, parts)
            ]
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
        staged = {
            name: list(dict.fromkeys(q for q in quads if check_graph(q[3], name))) for name, quads in graphs.items()
        }
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
                self.store.update(insert_data(staged))  # one transaction
            self.store.flush()
            self._written = True
            self._write_census(len(self.store))
        except (OSError, RuntimeError, SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.path}: the update failed and was not applied ({one_line(exc)})") from None

    def writer(self) -> GraphWriter:
        return OxigraphWriter(self)

    def _roll_back(self) -> None:
        """Undo an unfinished build (``newsgraph.building``): put the checkpoint it names back, or,
        for a first build, leave no store. The store must not be open."""
        marker_path = self.path / BUILDING_FILE
        marker: dict[str, Any]
        try:
            marker = json.loads(marker_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            marker = {"rollback": None, "census": None}
        rollback = Path(marker["rollback"]) if marker.get("rollback") else None
        if rollback is not None and not (rollback / "CURRENT").is_file():
            raise StoreError(
                f"{self.path}: a build was interrupted and its checkpoint {rollback} is missing; "
                "restore the store from a backup or rebuild it"
            )
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
        self._writable()
        source = Path(path)
        name = rdf_format(source, fmt)
        if not source.is_file():
            raise StoreError(f"{source}: no such file")
        if not (self._fresh and not self._written):
            raise StoreError(f"{self.path}: load a file into a new store only (this one has data)")
        try:
            bulk_load_alongside(self.store, ox.parse(path=str(source), format=OXIGRAPH_FORMATS[name]))
            self.store.optimize()  # merge the slices' tables: scans (dumps, big queries) get much faster
            self.store.flush()
            self._written = True
            self._write_census(len(self.store))  # the store's count: a file may repeat a triple
        except SyntaxError as exc:
            raise read_error(source, name, exc) from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise StoreError(f"{self.path}: cannot load {source} ({one_line(exc)})") from None

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
