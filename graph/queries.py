"""SPARQL over a built graph: run queries, format results, bundled example queries.

``run_query(graph, text)`` returns a :class:`QueryResult`: its ``columns`` and ``rows`` (plain
Python values), iterable as dicts, so ``pandas.DataFrame(list(result))`` works. ``graph`` is an
rdflib graph or dataset, or a store (:mod:`graph.rdf.stores`: Oxigraph folder, SPARQL endpoint).
Queries are read-only and self-contained: SPARQL Update and ``SERVICE`` are refused, and
``timeout`` bounds the time a query may take. A query takes parameters (``params``): variables
bound by a ``VALUES`` block at the top of its WHERE clause; a bundled query declares its own in
comments, ``# @param name: what it is (default: VALUE)`` (see :func:`query_parameters`). The newsgraph prefixes (``nkg:``, ``ent:``,
``rel:``, ``doc:``, ``schema:``, ``org:``, ``skos:``, ``prov:`` ...) are predeclared.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph

from .errors import QueryError, UnknownNameError
from .formats import RESULT_FORMATS
from .rdf.namespaces import compact_iri
from .rdf.results import RawResult, plain_result
from .rdf.sparql import check_query, code_of, run_rdflib_query, where_clause_start
from .rdf.stores import GraphStore, OxigraphStore

__all__ = [
    "QueryResult",
    "QueryParameter",
    "run_query",
    "query_result",
    "load_query",
    "format_result",
    "example_queries",
    "query_parameters",
    "bind_parameters",
    "parse_assignments",
    "RESULT_FORMATS",
]


@dataclass(frozen=True)
class QueryResult:
    """Result of a SELECT (columns and rows), ASK (one column ``ask``) or CONSTRUCT (s, p, o)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    #: True when the rows were cut at ``max_rows``
    truncated: bool = False

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self.rows:
            yield dict(zip(self.columns, row))

    def __len__(self) -> int:
        return len(self.rows)

    def to_records(self) -> list[dict[str, Any]]:
        return list(self)

    def to_dataframe(self) -> Any:
        """A pandas DataFrame (pandas must be installed)."""
        import pandas as pd  # optional dependency

        return pd.DataFrame(list(self.rows), columns=list(self.columns))

    def _repr_html_(self) -> str:
        """A table in Jupyter; every value is escaped."""
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(compact_iri(v))}</td>" for v in row) + "</tr>" for row in self.rows
        )
        note = (
            f"<p>{len(self.rows)} row{'s' if len(self.rows) != 1 else ''}"
            + (" (cut)" if self.truncated else "")
            + "</p>"
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}"


@dataclass(frozen=True)
class QueryParameter:
    """A parameter a query declares: ``# @param name: description (default: VALUE)``."""

    name: str
    description: str = ""
    default: str | None = None


_PARAM_LINE = re.compile(
    r"^[ \t]*#[ \t]*@param[ \t]+(?P<name>\w+)[ \t]*:?[ \t]*(?P<description>.*?)[ \t]*"
    r"(?:\(default:[ \t]*(?P<default>[^\n]*?)\))?[ \t]*$",
    re.MULTILINE,
)
_VARIABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_QUERY_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*\Z")
_IRI = re.compile(r'<[^<>"{}|^`\\\s]*>\Z')


def query_parameters(text: str) -> tuple[QueryParameter, ...]:
    """The parameters ``text`` declares in its comments, in order."""
    if "@param" not in text:
        return ()
    return tuple(QueryParameter(m["name"], m["description"], m["default"]) for m in _PARAM_LINE.finditer(text))


def parse_assignments(assignments: Iterable[str]) -> dict[str, str]:
    """``["name=Maulen Ashimbayev", ...]`` (the CLI's ``--param``) as a dict; raises QueryError."""
    params: dict[str, str] = {}
    for item in assignments:
        name, equals, value = item.partition("=")
        if not equals or not name.strip():
            raise QueryError(f"a parameter is NAME=VALUE, not {item!r}")
        params[name.strip()] = value
    return params


def _sparql_term(value: str) -> str:
    """A parameter's value in SPARQL: ``<...>`` an IRI, anything else a string literal."""
    if _IRI.match(value):
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def bind_parameters(text: str, params: Mapping[str, str] | None = None) -> str:
    """``text`` with its parameters bound: a ``VALUES`` block for each, at the top of the WHERE
    clause. A query that declares parameters (:func:`query_parameters`) takes only those, and
    their defaults; another takes any of its variables. Raises UnknownNameError for a parameter
    the query does not have, QueryError for one it needs and was not given."""
    params = dict(params or {})
    declared = query_parameters(text)
    for name in params:
        if not _VARIABLE_NAME.match(name):
            raise QueryError(f"a parameter name is a SPARQL variable name (letters, digits, _), not {name!r}")
    if declared:
        known = [p.name for p in declared]
        for name in params:
            if name not in known:
                raise UnknownNameError("query parameter", name, known)
        values = {p.name: params.get(p.name, p.default) for p in declared}
        missing = [name for name, value in values.items() if value is None]
        if missing:
            raise QueryError(
                f"the query needs a value for its parameter {missing[0]!r} "
                f"(on the command line: --param {missing[0]}=VALUE)"
            )
    else:
        if not params:
            return text
        variables = sorted(set(re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", code_of(text))))
        for name in params:
            if name not in variables:
                raise UnknownNameError("query parameter", name, variables)
        values = dict(params)
    at = where_clause_start(text)
    block = "".join(
        f"\n  VALUES ?{name} {{ {_sparql_term(value)} }}" for name, value in values.items() if value is not None
    )
    return text[:at] + block + text[at:]


def load_query(query: str) -> str:
    """The SPARQL text of ``query``: a path to an ``.rq`` file, a bundled example name, or text.

    A name (one word, no braces) that is not a bundled query raises UnknownNameError with the
    bundled names."""
    candidate = query.strip()
    spaced = any(c.isspace() for c in candidate)
    if (
        "{" not in candidate
        and "\n" not in candidate
        and len(candidate) < 300
        and (candidate.endswith((".rq", ".sparql")) or ("/" in candidate and not spaced))
    ):
        path = Path(candidate)
        if path.is_file():
            return path.read_text(encoding="utf-8")
        raise QueryError(f"{candidate}: no such query file")
    if "{" in candidate:  # a query's text: no example is named so (and reading them costs ~0.13 ms a call)
        return query
    examples = example_queries()
    if candidate in examples:
        return examples[candidate]
    if _QUERY_NAME.match(candidate):
        raise UnknownNameError("bundled query", candidate, list(examples))
    return query


def run_query(
    graph: Graph | GraphStore,
    query: str,
    *,
    timeout: float | None = None,
    max_rows: int | None = None,
    params: Mapping[str, str] | None = None,
) -> QueryResult:
    """Run a read-only SPARQL query (text, ``.rq`` path or example name) over a graph or a store.

    ``timeout`` (seconds) bounds the time: a query still running then raises :class:`QueryError`
    (on an Oxigraph store it runs in a child process that is killed). ``max_rows`` keeps the
    first rows and sets ``truncated``. ``params`` binds the query's parameters
    (:func:`bind_parameters`): ``{"name": "Maulen Ashimbayev"}``.
    """
    text = bind_parameters(load_query(query), params)
    check_query(text)
    if isinstance(graph, OxigraphStore):  # plain values straight from pyoxigraph's terms
        raw = graph.execute(text, timeout=timeout, max_rows=max_rows, plain=True)
        return QueryResult(raw.columns, raw.rows, raw.truncated)
    if isinstance(graph, GraphStore):
        raw = graph.execute(text, timeout=timeout, max_rows=max_rows)
    else:
        raw = run_rdflib_query(graph, text, timeout=timeout, max_rows=max_rows)
    return query_result(raw)


def query_result(raw: RawResult) -> QueryResult:
    """Plain Python values for a store's answer."""
    plain = plain_result(raw)
    return QueryResult(plain.columns, plain.rows, plain.truncated)


def format_result(result: QueryResult, fmt: str = "table", *, max_width: int = 60) -> str:
    """Text of a result as an aligned table, CSV or SPARQL-like JSON records."""
    if fmt == "json":
        return json.dumps(result.to_records(), ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow(["" if v is None else v for v in row])
        return buffer.getvalue()
    if fmt != "table":
        raise UnknownNameError("result format", fmt, RESULT_FORMATS)
    cells = [[_clip(compact_iri(v), max_width) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(result.columns, widths)).rstrip(), "  ".join("-" * w for w in widths)]
    lines.extend("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells)
    cut = ", cut at the row limit" if result.truncated else ""
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''}{cut})")
    return "\n".join(lines) + "\n"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def example_queries() -> dict[str, str]:
    """Bundled example queries (``data/queries/*.rq``) by name (file stem)."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(_query_folder().glob("*.rq"))}


def _query_folder() -> Path:
    """``data/queries``: installed as the package data ``graph.bundled_queries`` beside this module,
    or, in a source checkout (an editable install), at the top of the source tree."""
    installed = Path(__file__).resolve().with_name("bundled_queries")
    return installed if installed.is_dir() else Path(__file__).resolve().parents[1] / "data" / "queries"
