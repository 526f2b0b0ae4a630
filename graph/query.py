"""SPARQL over a built graph: run queries, format results, bundled example queries.

``run_query(graph, text)`` returns a :class:`QueryResult`: its ``columns`` and ``rows`` (plain
Python values), iterable as dicts, so ``pandas.DataFrame(list(result))`` works. Queries are
read-only: SPARQL Update is refused. The newsgraph prefixes (``nkg:``, ``ent:``, ``rel:``,
``doc:``, ``schema:``, ``org:``, ``skos:``, ``prov:`` ...) are predeclared.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef

from .errors import QueryError, UnknownNameError
from .rdf.namespaces import PREFIXES

__all__ = ["QueryResult", "run_query", "load_query", "format_result", "example_queries", "RESULT_FORMATS"]

RESULT_FORMATS = ("table", "csv", "json")

_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.I,
)
_COMMENT = re.compile(r"^\s*#.*$", re.M)


@dataclass(frozen=True)
class QueryResult:
    """Result of a SELECT (columns and rows), ASK (one column ``ask``) or CONSTRUCT (s, p, o)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

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


def load_query(query: str) -> str:
    """The SPARQL text of ``query``: a path to an ``.rq`` file, a bundled example name, or text."""
    candidate = query.strip()
    if "\n" not in candidate and len(candidate) < 300 and (candidate.endswith((".rq", ".sparql")) or "/" in candidate):
        path = Path(candidate)
        if path.is_file():
            return path.read_text(encoding="utf-8")
        raise QueryError(f"{candidate}: no such query file")
    examples = example_queries()
    if candidate in examples:
        return examples[candidate]
    return query


def _python(value: Any) -> Any:
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


def run_query(graph: Graph, query: str) -> QueryResult:
    """Run a read-only SPARQL query (text, ``.rq`` path or example name) over ``graph``."""
    text = load_query(query)
    if _UPDATE.match(_COMMENT.sub("", text)):
        raise QueryError("SPARQL Update is not allowed: newsgraph queries are read-only")
    try:
        result = graph.query(text, initNs=PREFIXES)
    except Exception as exc:  # pyparsing / rdflib errors
        message = " ".join(str(exc).split())
        raise QueryError(f"SPARQL error: {message[:200]}") from None
    if result.type == "ASK":
        return QueryResult(("ask",), ((bool(result.askAnswer),),))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        triples = sorted(result.graph, key=lambda t: tuple(str(x) for x in t)) if result.graph is not None else []
        return QueryResult(("subject", "predicate", "object"), tuple(tuple(_python(x) for x in t) for t in triples))
    columns = tuple(str(v) for v in (result.vars or ()))
    rows = tuple(tuple(_python(row[i]) for i in range(len(columns))) for row in result)
    return QueryResult(columns, rows)


def _compact(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and " " not in text:
            return f"{prefix}:{text[len(namespace):]}"
    return text


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
    cells = [[_clip(_compact(v), max_width) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(result.columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines.extend("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells)
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def example_queries() -> dict[str, str]:
    """Bundled example queries (``data/queries/*.rq``) by name (file stem)."""
    found: dict[str, str] = {}
    for folder in _query_folders():
        for path in sorted(folder.glob("*.rq")):
            found.setdefault(path.stem, path.read_text(encoding="utf-8"))
    return found


def _query_folders() -> Sequence[Path]:
    folders = []
    try:
        packaged = resources.files("graph.queries")
        if packaged.is_dir():
            folders.append(Path(str(packaged)))
    except (ModuleNotFoundError, TypeError):
        pass
    source = Path(__file__).resolve().parents[1] / "data" / "queries"
    if source.is_dir():
        folders.append(source)
    return folders
