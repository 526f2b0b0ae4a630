"""The store interface: :class:`GraphStore` (query it, replace named graphs, export it) and
:class:`GraphWriter` (replace named graphs one at a time, all or nothing), with what the stores
share. Terms cross the interface as rdflib terms; query answers are :class:`RawResult`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Self

from rdflib import Dataset, URIRef

from ...errors import StoreError
from ..model import article_iri, rdflib_quads
from ..namespaces import PREFIXES
from ..results import RawResult
from ..terms import Quad, to_oxigraph

__all__ = [
    "BufferedWriter",
    "GraphStore",
    "GraphWriter",
    "Quad",
    "RawResult",
    "check_graph",
    "dump_prefixes",
    "insert_data",
    "wrong_graph",
]


def insert_data(graphs: Mapping[URIRef, Iterable[Quad]]) -> str:
    """A SPARQL Update that replaces each named graph with the given quads, in one request."""
    parts = [f"DROP SILENT GRAPH <{name}> ;\n" for name in graphs]
    body: list[str] = []
    for name, quads in graphs.items():
        lines = [
            f"{to_oxigraph(s)} {to_oxigraph(p)} {to_oxigraph(o)} ." for s, p, o, g in quads if check_graph(g, name)
        ]
        if lines:
            body.append(f"GRAPH <{name}> {{\n" + "\n".join(lines) + "\n}")
    if body:
        parts.append("INSERT DATA {\n" + "\n".join(body) + "\n}")
    else:
        parts[-1] = parts[-1].rstrip(" ;\n")
    return "".join(parts)


def check_graph(graph: Any, name: URIRef) -> bool:
    """True when a quad's ``graph`` is ``name``; raises StoreError otherwise."""
    if graph != name:
        raise StoreError(f"a quad for graph {graph} was given to replace graph {name}")
    return True


class GraphStore(ABC):
    """A place a newsgraph graph lives: query it, replace named graphs, export it."""

    #: where it is (a folder, a URL, "memory"), for messages
    location: str = ""

    @abstractmethod
    def __len__(self) -> int:
        """Number of quads."""

    @abstractmethod
    def execute(
        self, query: str, *, timeout: float | None = None, max_rows: int | None = None, union: bool = True
    ) -> RawResult:
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

    def close(self) -> None:
        """Release the store (and its lock)."""
        return None

    def __enter__(self) -> Self:
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

    def article_hash(self, doc_id: str) -> str | None:
        """The content hash of the article ``doc_id`` the store holds, or None (looked up by the article's IRI)."""
        rows = self.select(f"""
            SELECT ?hash WHERE {{ GRAPH ?g {{ <{article_iri(doc_id)}> nkg:contentHash ?hash }} }}""")
        return min((str(r["hash"]) for r in rows), default=None)


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

    def amend(
        self,
        name: URIRef,
        drop: Iterable[str],
        lines: Iterable[tuple[str, str, str, str]],
        *,
        keep: frozenset[str] = frozenset(),
    ) -> None:
        """Change part of the named graph ``name``: remove every quad whose subject (N-Triples) is in ``drop``,
        but those whose predicate is in ``keep``, then add ``lines``."""
        raise NotImplementedError

    @abstractmethod
    def commit(self) -> None:
        """Make the change visible and durable."""

    @abstractmethod
    def abort(self) -> None:
        """Undo every change of this write."""

    def __enter__(self) -> Self:
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
            wrong_graph(line[3], expected)
        yield line


class BufferedWriter(GraphWriter):
    """Collects the graphs and hands them to :meth:`GraphStore.replace_graphs` at commit (for
    the memory store and remote endpoints, which apply one change in one request)."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.graphs: dict[URIRef, list[Quad]] = {}

    def replace(self, name: URIRef, lines: Iterable[tuple[str, str, str, str]]) -> None:
        self.graphs[name] = list(rdflib_quads(_checked_lines(name, lines)))

    def amend(
        self,
        name: URIRef,
        drop: Iterable[str],
        lines: Iterable[tuple[str, str, str, str]],
        *,
        keep: frozenset[str] = frozenset(),
    ) -> None:
        if name in self.graphs:
            current = self.graphs[name]
        else:
            rows = self.store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
            current = [(r["s"], r["p"], r["o"], name) for r in rows]
        dropped = {subject.strip("<>") for subject in drop}
        kept = {predicate.strip("<>") for predicate in keep}
        staying = [q for q in current if str(q[0]) not in dropped or str(q[1]) in kept]
        self.graphs[name] = list(dict.fromkeys([*staying, *rdflib_quads(_checked_lines(name, lines))]))

    def commit(self) -> None:
        if self.graphs:
            self.store.replace_graphs(self.graphs)
        self.graphs = {}

    def abort(self) -> None:
        self.graphs = {}


def wrong_graph(graph: str, expected: str) -> bool:
    """Raise StoreError for a quad (N-Triples syntax) of ``graph`` given to replace ``expected``."""
    raise StoreError(f"a quad for graph {graph} was given to replace graph {expected}")


def dump_prefixes(fmt: str) -> dict[str, str] | None:
    """The prefixes to write a dump in ``fmt`` (an rdflib format name) with: none for the line formats."""
    return dict(PREFIXES) if fmt in ("turtle", "trig", "xml") else None
