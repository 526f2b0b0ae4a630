"""The one table of formats newsgraph reads and writes.

- :data:`RDF_SERIALISATIONS`: RDF files (``newsgraph export``, ``load``, store dumps, the
  endpoint's CONSTRUCT answers): name, file extensions, rdflib's format name, pyoxigraph's
  ``RdfFormat`` and media types;
- :data:`RESULT_SERIALISATIONS`: answers to SELECT and ASK, as the W3C SPARQL result formats of
  the endpoint (JSON, XML, CSV, TSV) and as what ``newsgraph query --format`` prints;
- :data:`NETWORK_SERIALISATIONS`: the network files for Gephi and Cytoscape (GraphML, GEXF).

The lookups the rest of newsgraph uses (``graph.rdf.io.RDF_FORMATS``,
``graph.rdf.stores.OXIGRAPH_FORMATS``, ``graph.queries.RESULT_FORMATS``, the endpoint's
``RESULT_TYPES`` and ``GRAPH_TYPES``, ``newsgraph export --format``) are derived here, so a format
is added in one place. The table names pyoxigraph's formats and imports pyoxigraph only when
:data:`OXIGRAPH_FORMATS` or :data:`GRAPH_TYPES` is first used: the command line reads the names
at start-up, and ``import graph.cli`` stays light.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = [
    "EXPORT_FORMATS",
    "GRAPH_TYPES",
    "NETWORK_FORMATS",
    "NETWORK_SERIALISATIONS",
    "OXIGRAPH_FORMATS",
    "QUAD_FORMATS",
    "RDF_FORMATS",
    "RDF_SERIALISATIONS",
    "RESULT_CONTENT_TYPES",
    "RESULT_FORMATS",
    "RESULT_SERIALISATIONS",
    "RESULT_TYPES",
    "NetworkSerialisation",
    "RdfSerialisation",
    "ResultSerialisation",
]


@dataclass(frozen=True)
class RdfSerialisation:
    """An RDF file format."""

    #: rdflib's format name, newsgraph's name for the format
    rdflib: str
    #: file extensions, the usual one first (it is the format's name in ``newsgraph export --format``)
    extensions: tuple[str, ...]
    #: other names accepted for the format
    aliases: tuple[str, ...]
    #: the name of its ``pyoxigraph.RdfFormat``
    oxigraph_name: str
    #: the media type, then others that mean the same
    media_types: tuple[str, ...]
    #: keeps named graphs (N-Quads, TriG); the others hold the union of the graphs
    quads: bool = False
    #: the endpoint answers CONSTRUCT and DESCRIBE in it
    graph_answers: bool = True

    @property
    def media_type(self) -> str:
        return self.media_types[0]

    @property
    def oxigraph(self) -> ox.RdfFormat:
        import pyoxigraph

        return getattr(pyoxigraph.RdfFormat, self.oxigraph_name)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name and extension the format is known by."""
        return tuple(dict.fromkeys((*self.extensions, self.rdflib, *self.aliases)))


@dataclass(frozen=True)
class ResultSerialisation:
    """A format for the answer of a SELECT or ASK query."""

    name: str
    #: W3C media type (and others accepted for it) when the endpoint serves it; () when it is text only
    media_types: tuple[str, ...] = ()
    #: ``newsgraph query --format`` prints it (its own layout: an aligned table, CSV, JSON records)
    printed: bool = False

    @property
    def media_type(self) -> str | None:
        return self.media_types[0] if self.media_types else None


@dataclass(frozen=True)
class NetworkSerialisation:
    """A network (nodes and edges) file format."""

    name: str
    extensions: tuple[str, ...]
    media_type: str


RDF_SERIALISATIONS: tuple[RdfSerialisation, ...] = (
    RdfSerialisation("turtle", ("ttl",), (), "TURTLE", ("text/turtle",)),
    RdfSerialisation("nt", ("nt",), ("ntriples", "n-triples"), "N_TRIPLES", ("application/n-triples", "text/plain")),
    RdfSerialisation(
        "nquads", ("nq",), ("n-quads",), "N_QUADS", ("application/n-quads",), quads=True, graph_answers=False
    ),
    RdfSerialisation("trig", ("trig",), (), "TRIG", ("application/trig",), quads=True, graph_answers=False),
    RdfSerialisation("json-ld", ("jsonld", "json"), (), "JSON_LD", ("application/ld+json",)),
    RdfSerialisation("xml", ("rdf", "xml", "owl"), (), "RDF_XML", ("application/rdf+xml",)),
)

RESULT_SERIALISATIONS: tuple[ResultSerialisation, ...] = (
    ResultSerialisation("table", printed=True),
    ResultSerialisation("json", ("application/sparql-results+json", "application/json"), printed=True),
    ResultSerialisation("xml", ("application/sparql-results+xml", "application/xml", "text/xml")),
    ResultSerialisation("csv", ("text/csv",), printed=True),
    ResultSerialisation("tsv", ("text/tab-separated-values",)),
)

NETWORK_SERIALISATIONS: tuple[NetworkSerialisation, ...] = (
    NetworkSerialisation("graphml", ("graphml",), "application/graphml+xml"),
    NetworkSerialisation("gexf", ("gexf",), "application/gexf+xml"),
)

#: extension or name -> rdflib format
RDF_FORMATS: dict[str, str] = {name: f.rdflib for f in RDF_SERIALISATIONS for name in f.names}
#: rdflib formats that keep named graphs
QUAD_FORMATS: frozenset[str] = frozenset(f.rdflib for f in RDF_SERIALISATIONS if f.quads)
#: what ``newsgraph query --format`` prints
RESULT_FORMATS: tuple[str, ...] = tuple(f.name for f in RESULT_SERIALISATIONS if f.printed)
#: media type -> result format, for SELECT and ASK at the endpoint
RESULT_TYPES: dict[str, str] = {media: f.name for f in RESULT_SERIALISATIONS for media in f.media_types}
#: result format -> the media type the endpoint answers with
RESULT_CONTENT_TYPES: dict[str, str] = {f.name: f.media_types[0] for f in RESULT_SERIALISATIONS if f.media_types}
#: network formats (``newsgraph export``)
NETWORK_FORMATS: tuple[str, ...] = tuple(sorted(f.name for f in NETWORK_SERIALISATIONS))
#: ``newsgraph export --format``: each RDF format by its usual extension, then the network formats
EXPORT_FORMATS: tuple[str, ...] = (
    *(f.extensions[0] for f in RDF_SERIALISATIONS),
    *(f.name for f in NETWORK_SERIALISATIONS),
)

if TYPE_CHECKING:
    #: rdflib format name -> pyoxigraph format
    OXIGRAPH_FORMATS: dict[str, ox.RdfFormat]
    #: media type -> pyoxigraph RDF format, for CONSTRUCT and DESCRIBE at the endpoint
    GRAPH_TYPES: dict[str, ox.RdfFormat]


def __getattr__(name: str) -> Any:
    """:data:`OXIGRAPH_FORMATS` and :data:`GRAPH_TYPES`, made (importing pyoxigraph) on first use."""
    if name == "OXIGRAPH_FORMATS":
        value: Any = {f.rdflib: f.oxigraph for f in RDF_SERIALISATIONS}
    elif name == "GRAPH_TYPES":
        value = {media: f.oxigraph for f in RDF_SERIALISATIONS if f.graph_answers for media in f.media_types}
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value
