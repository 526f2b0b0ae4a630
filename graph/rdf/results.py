"""Query answers: :class:`RawResult` (rdflib terms, the same from every store) and the W3C
SPARQL result formats it is written in (SPARQL 1.1 Query Results JSON, XML, CSV and TSV), and
RDF for CONSTRUCT and DESCRIBE answers.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from .namespaces import PREFIXES
from .terms import from_oxigraph, oxigraph_python_value, python_value, to_oxigraph

__all__ = ["RawResult", "plain_result", "raw_result", "serialize_result", "serialize_triples"]


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


def plain_result(raw: RawResult) -> RawResult:
    """``raw`` with plain Python values for its rdflib terms."""
    return RawResult(
        raw.kind, raw.columns, tuple(tuple(python_value(x) for x in row) for row in raw.rows), raw.truncated
    )


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None:
        out["datatype"] = str(term.datatype)
    return out


_XML_INVALID = dict.fromkeys([c for c in range(0x20) if c not in (0x9, 0xA, 0xD)] + [0xFFFE, 0xFFFF], "\ufffd")


def _xml_text(text: str) -> str:
    return xml_escape(text.translate(_XML_INVALID))


def _xml_term(term: Any) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{_xml_text(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{_xml_text(str(term))}</bnode>"
    attrs = ""
    if term.language:
        attrs = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype is not None:
        attrs = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attrs}>{_xml_text(str(term))}</literal>"


def _tsv_term(term: Any) -> str:
    if term is None:
        return ""
    return str(to_oxigraph(term)).replace("\t", "\\t")


def serialize_result(result: RawResult, fmt: str) -> bytes:
    """A SELECT or ASK answer as SPARQL results: ``json``, ``xml``, ``csv`` or ``tsv``."""
    if fmt == "json":
        if result.kind == "ASK":
            return json.dumps({"head": {}, "boolean": bool(result.rows[0][0])}).encode()
        bindings = [{c: _json_term(v) for c, v in zip(result.columns, row) if v is not None} for row in result.rows]
        return json.dumps(
            {"head": {"vars": list(result.columns)}, "results": {"bindings": bindings}}, ensure_ascii=False
        ).encode("utf-8")
    if fmt == "xml":
        out = [
            '<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
            "<head>",
        ]
        if result.kind == "ASK":
            out.append(f"</head><boolean>{'true' if result.rows[0][0] else 'false'}</boolean></sparql>\n")
            return "".join(out).encode("utf-8")
        out.extend(f"<variable name={quoteattr(c)}/>" for c in result.columns)
        out.append("</head><results>")
        for row in result.rows:
            out.append("<result>")
            out.extend(
                f"<binding name={quoteattr(c)}>{_xml_term(v)}</binding>"
                for c, v in zip(result.columns, row)
                if v is not None
            )
            out.append("</result>")
        out.append("</results></sparql>\n")
        return "\n".join(out).encode("utf-8")
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        if result.kind == "ASK":
            writer.writerows([["_askResult"], ["true" if result.rows[0][0] else "false"]])
        else:
            writer.writerow(result.columns)
            writer.writerows(["" if v is None else str(v) for v in row] for row in result.rows)
        return buffer.getvalue().encode("utf-8")
    if fmt == "tsv":
        if result.kind == "ASK":
            return f"?_askResult\n{'true' if result.rows[0][0] else 'false'}\n".encode()
        lines = ["\t".join("?" + c for c in result.columns)]
        lines.extend("\t".join(_tsv_term(v) for v in row) for row in result.rows)
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"unknown result format {fmt!r}")


def serialize_triples(result: RawResult, fmt: Any) -> bytes:
    """A CONSTRUCT or DESCRIBE answer in an RDF format (pyoxigraph's serialiser)."""
    triples = [ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in result.rows]
    prefixes = dict(PREFIXES) if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    data = ox.serialize(triples, format=fmt, prefixes=prefixes)
    assert data is not None  # without an output file serialize returns the bytes
    return data
