"""Reading and writing RDF files: Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML.

The format comes from the file extension unless given. Writes are atomic. A file that cannot
be read raises :class:`~graph.errors.GraphReadError` with the file and, for syntax errors, the
line.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef

from ..errors import GraphReadError, UnknownNameError
from ..formats import QUAD_FORMATS, RDF_FORMATS
from ..outputs import atomic_output
from .namespaces import PREFIXES, bind_prefixes

__all__ = [
    "RDF_FORMATS",
    "rdf_format",
    "read_graph",
    "write_graph",
    "serialize",
    "read_error",
    "union_graph",
    "jsonld_context",
]

# RDF_FORMATS (extension or name -> rdflib format) and QUAD_FORMATS come from graph.formats


def rdf_format(path: str | Path | None = None, fmt: str | None = None) -> str:
    """The rdflib format name for an explicit format or a file extension."""
    key = (fmt or (Path(path).suffix.lstrip(".") if path is not None else "")).lower()
    try:
        return RDF_FORMATS[key]
    except KeyError:
        what = "RDF format" if fmt else "RDF file extension"
        raise UnknownNameError(what, key or "(none)", sorted(set(RDF_FORMATS))) from None


_LINE = re.compile(r"line (\d+)", re.I)


def read_graph(path: str | Path, fmt: str | None = None) -> Dataset:
    """Parse an RDF file into a ``Dataset`` (triples go to the default graph)."""
    source = Path(path)
    if source.is_dir():
        raise GraphReadError(f"{source}: is a folder, not an RDF file (for a store folder, use --store {source})")
    rdflib_format = rdf_format(source, fmt)
    if not source.exists():
        raise GraphReadError(f"{source}: no such file")
    dataset = Dataset(default_union=True)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise GraphReadError(f"{source}: cannot be read ({exc.strerror or exc})") from None
    try:
        dataset.parse(data=data, format=rdflib_format, publicID=source.resolve().as_uri())
    except Exception as exc:  # noqa: BLE001 - rdflib raises many kinds; all mean "not valid RDF"
        message = " ".join(str(exc).split())
        line = _LINE.search(message)
        where = f"{source}:{line.group(1)}" if line else str(source)
        raise GraphReadError(f"{where}: not valid {rdflib_format} ({_shorten(message)})") from None
    bind_prefixes(dataset)
    return dataset


def read_error(source: str | Path, rdflib_format: str, exc: BaseException) -> GraphReadError:
    """The one-line error for a file a parser (rdflib's or Oxigraph's) rejected: FILE:LINE: ..."""
    message = " ".join(str(exc).split())
    line = getattr(exc, "lineno", None) if isinstance(exc, SyntaxError) else None
    if line is None:
        found = _LINE.search(message)
        line = int(found.group(1)) if found else None
    where = f"{source}:{line}" if line else str(source)
    return GraphReadError(f"{where}: not valid {rdflib_format} ({_shorten(message)})")


def _shorten(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def union_graph(data: Graph | Dataset) -> Graph:
    """A ``Dataset`` as one ``Graph`` of the triples of all its graphs (newsgraph prefixes bound);
    a ``Graph`` as it is."""
    if not isinstance(data, Dataset):
        return data
    union = Graph()
    bind_prefixes(union)
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def jsonld_context(data: Graph) -> dict[str, str]:
    """The JSON-LD ``@context`` for ``data``: the newsgraph prefixes (:data:`PREFIXES`) its IRIs
    and datatypes use, and no others (rdflib would add the twenty-odd it binds by default)."""
    used: set[str] = set()
    namespaces = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))  # the longest namespace first
    seen: set[str] = set()
    for triple in data.triples((None, None, None)):
        for term in triple:
            iri = (
                str(term.datatype)
                if isinstance(term, Literal) and term.datatype is not None
                else str(term)
                if isinstance(term, URIRef)
                else None
            )
            if iri is None or iri in seen:
                continue
            seen.add(iri)
            prefix = next((p for p, ns in namespaces if iri.startswith(ns)), None)
            if prefix is not None:
                used.add(prefix)
    return {prefix: namespace for prefix, namespace in PREFIXES.items() if prefix in used}


def serialize(data: Graph | Dataset, fmt: str) -> bytes:
    """Serialise to bytes; a ``Dataset`` written as triples is its union graph."""
    rdflib_format = rdf_format(fmt=fmt)
    if rdflib_format not in QUAD_FORMATS:
        data = union_graph(data)
    if rdflib_format == "json-ld":
        context = jsonld_context(data)
        return data.serialize(format="json-ld", encoding="utf-8", context=context or None, auto_compact=bool(context))
    return data.serialize(format=rdflib_format, encoding="utf-8")


def write_graph(data: Graph | Dataset, path: str | Path, fmt: str | None = None) -> Path:
    """Write ``data`` to ``path`` atomically, format from ``fmt`` or the extension."""
    target = Path(path)
    payload = serialize(data, fmt or rdf_format(target))
    with atomic_output(target, "wb") as handle:
        handle.write(payload)
    return target
