"""RDF terms between rdflib and pyoxigraph, and as plain Python values.

Terms cross newsgraph's store interface as rdflib terms; pyoxigraph's are converted at the edge
(:func:`to_oxigraph`, :func:`from_oxigraph`). Query answers for people and data frames are plain
Python values (:func:`python_value`, :func:`oxigraph_python_value`).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Protocol

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

__all__ = [
    "Quad",
    "TripleSource",
    "from_oxigraph",
    "oxigraph_python_value",
    "oxigraph_quad",
    "python_value",
    "to_oxigraph",
]

#: (subject, predicate, object, graph) in rdflib terms (graph None: the default graph)
Quad = tuple[Any, Any, Any, Any]

_XSD_STRING = str(XSD.string)


class TripleSource(Protocol):
    """What the network view reads a graph through: an rdflib ``Graph`` or ``Dataset``, or a
    store's :class:`~graph.rdf.stores.StoreTriples` (pyoxigraph, much faster for big files)."""

    def subject_objects(self, predicate: Any) -> Iterable[tuple[Any, Any]]: ...


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
    """A quad of rdflib terms as a pyoxigraph quad."""
    s, p, o, g = quad
    return ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), to_oxigraph(g))


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


def oxigraph_python_value(term: Any) -> Any:
    """:func:`python_value` of a pyoxigraph term, without making an rdflib term for the common
    ones (IRIs, strings, language-tagged strings), which is most of the cost of a small query."""
    kind = type(term)
    if kind is ox.NamedNode or kind is ox.BlankNode:
        return term.value
    if kind is ox.Literal and (term.language or term.datatype.value == _XSD_STRING):
        return term.value
    return python_value(from_oxigraph(term))
