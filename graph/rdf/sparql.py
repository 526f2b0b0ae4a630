"""SPARQL text checks, and running queries over rdflib graphs and pyoxigraph stores.

newsgraph's queries are read-only and self-contained: :func:`check_query` refuses SPARQL Update
and ``SERVICE`` (a query never calls another endpoint), and rdflib is told never to load a
``FROM`` graph from a file or the web. :func:`run_rdflib_query` bounds the time and the rows;
:func:`run_oxigraph_query` runs a query on a pyoxigraph store with the newsgraph prefixes.
"""

from __future__ import annotations

import contextlib
import re
import signal
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox
import rdflib.plugins.sparql
from pyparsing import ParseResults
from rdflib import Graph
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.query import ResultRow

from ..errors import QueryError, QueryTimeoutError, one_line
from .namespaces import PREFIXES
from .results import RawResult, raw_result

__all__ = [
    "check_query",
    "has_dataset_clause",
    "code_of",
    "where_clause_start",
    "run_rdflib_query",
    "run_oxigraph_query",
    "QueryTimeout",
    "timeout_message",
]

# rdflib would fetch and parse the document named by FROM <...> (a file, a URL): never.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

_NOT_CODE = re.compile(
    r"""
      "{3}(?:[^"\\]|\\.|"(?!""))*"{3}      # long strings
    | '{3}(?:[^'\\]|\\.|'(?!''))*'{3}
    | "(?:[^"\\\n]|\\.)*"                   # strings
    | '(?:[^'\\\n]|\\.)*'
    | <[^<>"{}|^`\\\s]*>                    # IRIs
    | \#[^\n]*                              # comments
""",
    re.X,
)
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*|BASE\s*)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I
)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.I)
_FROM = re.compile(r"(?<![\w:?$])FROM(?![\w:-])", re.I)


def code_of(query: str) -> str:
    """The query without its strings, IRIs and comments (so keywords inside them do not count)."""
    return _NOT_CODE.sub(" ", query)


_WHERE = re.compile(r"(?<![\w:?$])WHERE\s*\{", re.IGNORECASE)


def where_clause_start(query: str) -> int:
    """The position just after the ``{`` that opens the query's WHERE clause (its first ``{``
    when the keyword WHERE is left out), where a ``VALUES`` block binds variables for the whole
    pattern. Raises :class:`QueryError` for a query without one."""
    code = _NOT_CODE.sub(lambda found: " " * len(found.group()), query)  # positions kept
    where = _WHERE.search(code)
    if where is not None:
        return where.end()
    brace = code.find("{")
    if brace < 0:
        raise QueryError("the query has no WHERE clause to bind parameters in")
    return brace + 1


def has_dataset_clause(query: str) -> bool:
    """Whether the query chooses its own dataset (``FROM`` / ``FROM NAMED``)."""
    return bool(_FROM.search(code_of(query)))


def check_query(query: str) -> None:
    """Raise :class:`QueryError` for SPARQL Update or a ``SERVICE`` call."""
    code = code_of(query)
    if _UPDATE.match(code):
        raise QueryError("SPARQL Update is not allowed: newsgraph queries are read-only")
    if _SERVICE.search(code) or _calls_service(query):
        raise QueryError("SERVICE is not allowed: newsgraph queries only read the graph they are given")


#: seconds the parser may spend deciding whether a query mentioning "service" calls one
_SERVICE_PARSE_SECONDS = 2.0


def _calls_service(query: str) -> bool:
    """Whether the query has a ``SERVICE`` pattern, by the parser's reading.

    :func:`code_of` cannot always tell a ``<`` that starts an IRI from a less-than: in
    ``FILTER(?a<?b)SERVICE#>`` it takes ``<?b)SERVICE#>`` for an IRI and would hide the keyword
    (Oxigraph and rdflib call such a service). So a query with the word anywhere is parsed, and
    one that cannot be parsed (in time) counts as calling a service. Keywords cannot be escaped,
    so a query without the letters ``service`` never calls one and is not parsed.
    """
    if "service" not in query.lower():
        return False
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        with _deadline(_SERVICE_PARSE_SECONDS):
            return _has_service_pattern(parseQuery(query))
    except (Exception, QueryTimeout):  # noqa: BLE001 - cannot tell: refuse
        return True


def _has_service_pattern(node: Any) -> bool:
    if isinstance(node, CompValue):
        return node.name == "ServiceGraphPattern" or any(_has_service_pattern(v) for v in node.values())
    if isinstance(node, (list, tuple, ParseResults)):
        return any(_has_service_pattern(v) for v in node)
    return False


class QueryTimeout(BaseException):
    """Raised inside a running rdflib query when its time is up (a BaseException, so rdflib's
    own ``except Exception`` blocks do not swallow it)."""


def timeout_message(timeout: float) -> str:
    return (
        f"the query did not finish within {timeout:g} s; narrow it (LIMIT, a more specific pattern) or allow more time"
    )


@contextlib.contextmanager
def _deadline(timeout: float | None) -> Iterator[None]:
    """Raise :class:`QueryTimeout` in this thread after ``timeout`` seconds.

    In the main thread a timer signal interrupts the pure-Python evaluation at no cost; in other
    threads a trace function checks the clock every few hundred calls.
    """
    if timeout is None:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):

        def alarm(signum: int, frame: Any) -> None:
            raise QueryTimeout()

        previous = signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, max(timeout, 0.001))
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    deadline = time.monotonic() + timeout
    calls = 0

    def tracer(frame: Any, event: str, arg: Any) -> None:
        nonlocal calls
        calls += 1
        if not calls & 0xFF and time.monotonic() > deadline:
            raise QueryTimeout()

    previous_trace = sys.gettrace()
    sys.settrace(tracer)
    try:
        yield
    finally:
        sys.settrace(previous_trace)


def run_rdflib_query(
    graph: Graph, query: str, *, timeout: float | None = None, max_rows: int | None = None
) -> RawResult:
    """Run a read-only query over an rdflib graph or dataset, within ``timeout`` seconds."""
    check_query(query)
    rows: list[tuple[Any, ...]] = []
    truncated = False
    try:
        with _deadline(timeout):
            result = graph.query(query, initNs=PREFIXES)
            if result.type == "ASK":
                return RawResult("ASK", ("ask",), ((bool(result.askAnswer),),))
            if result.type in ("CONSTRUCT", "DESCRIBE"):
                triples = list(result.graph) if result.graph is not None else []
                triples.sort(key=lambda t: tuple(str(x) for x in t))
                truncated = max_rows is not None and len(triples) > max_rows
                return RawResult(
                    "CONSTRUCT",
                    ("subject", "predicate", "object"),
                    tuple(tuple(t) for t in triples[:max_rows]),
                    truncated,
                )
            columns = tuple(str(v) for v in (result.vars or ()))
            for row in result:
                assert isinstance(row, ResultRow)  # a SELECT answers rows
                if max_rows is not None and len(rows) >= max_rows:
                    truncated = True
                    break
                rows.append(tuple(row[i] for i in range(len(columns))))
    except QueryTimeout:
        raise QueryTimeoutError(timeout_message(timeout or 0)) from None
    except QueryError:
        raise
    except Exception as exc:  # noqa: BLE001 - pyparsing / rdflib errors of many kinds
        message = " ".join(str(exc).split())
        raise QueryError(f"SPARQL error: {message[:200]}") from None
    return RawResult("SELECT", columns, tuple(rows), truncated)


def run_oxigraph_query(
    store: ox.Store,
    query: str,
    *,
    max_rows: int | None = None,
    union: bool = True,
    where: str = "store",
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
    plain: bool = False,
) -> RawResult:
    """Run a query on a pyoxigraph store with the newsgraph prefixes; errors become QueryError."""
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
        raise QueryError(f"SPARQL error: {one_line(exc)}") from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"{where}: the query failed ({one_line(exc)})") from None
