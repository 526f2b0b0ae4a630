"""Validating a graph against the newsgraph SHACL shapes (``ontology/shapes.ttl``) with pySHACL.

:func:`validate_graph` returns a :class:`ValidationReport` whose violations each read as one line
(focus node, path, message); :func:`check_graph` raises :class:`~graph.errors.ValidationError`
when a graph does not conform. The shapes are checked against the union of the named graphs,
because an assertion in an article graph points at entities in the corpus graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH, NamespaceManager
from rdflib.term import Node

from ..errors import GraphReadError, ValidationError
from .io import union_graph
from .namespaces import PREFIXES, bind_prefixes
from .ontology import ontology_file

__all__ = ["Violation", "ValidationReport", "validate_graph", "check_graph", "shapes_graph"]


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node that fails, the property path, the shape's message."""

    focus: str
    path: str
    message: str
    severity: str = "Violation"
    value: str = ""

    def __str__(self) -> str:
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.focus}  {self.path or '-'}  {self.message}{value}"


@dataclass(frozen=True)
class ValidationReport:
    """Whether a graph conforms, and its violations sorted by focus node and path."""

    conforms: bool
    violations: tuple[Violation, ...]
    triples: int

    def __iter__(self) -> Iterator[Violation]:
        return iter(self.violations)

    def __len__(self) -> int:
        return len(self.violations)

    def summary(self, name: str = "graph") -> str:
        if self.conforms:
            return f"{name} conforms to the newsgraph shapes ({self.triples} triples)"
        count = len(self.violations)
        return f"{name} does not conform to the newsgraph shapes: {count} violation{'s' if count != 1 else ''}"


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The bundled SHACL shapes (``ontology/shapes.ttl``)."""
    path = ontology_file("shapes.ttl")
    if path is None:
        raise GraphReadError("ontology/shapes.ttl is missing from the installation")
    graph = Graph()
    graph.parse(path, format="turtle")
    return graph


def _union(data: Graph | Dataset) -> Graph:
    data = union_graph(data)
    bind_prefixes(data)
    return data


def _compact(node: Node | None, graph: Graph) -> str:
    """A node as it reads best on one line: ``ent:Nur_Otan_Party``, ``doc:ID/assertion/HASH``,
    ``"1.5"^^xsd:decimal``, ``^prov:specializationOf`` for an inverse path."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        text = str(node)
        for prefix, namespace in PREFIXES.items():
            local = text[len(namespace) :]
            if text.startswith(namespace) and local and not any(c.isspace() or c in '<>"' for c in local):
                return f"{prefix}:{local}"
        return f"<{text}>"
    if isinstance(node, Literal):
        return " ".join(node.n3(_MANAGER).split())[:120]
    if (node, SH.inversePath, None) in graph:
        return "^" + _compact(graph.value(node, SH.inversePath), graph)
    return " ".join(node.n3().split())[:120]


_MANAGER = NamespaceManager(Graph(), bind_namespaces="none")
bind_prefixes(_MANAGER)


def validate_graph(data: Graph | Dataset) -> ValidationReport:
    """Validate ``data`` (a graph or a dataset: its union is checked) against the shapes."""
    import pyshacl

    union = _union(data)
    conforms, results, _ = pyshacl.validate(
        union, shacl_graph=shapes_graph(), inference="none", allow_warnings=False, advanced=False
    )
    violations = set()
    for result in results.subjects(SH.resultSeverity, None):
        severity = results.value(result, SH.resultSeverity)
        violations.add(
            Violation(
                focus=_compact(results.value(result, SH.focusNode), results),
                path=_compact(results.value(result, SH.resultPath), results),
                message=" ".join(str(results.value(result, SH.resultMessage) or "").split()),
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                value=_compact(results.value(result, SH.value), results),
            )
        )
    ordered = sorted(violations, key=lambda v: (v.focus, v.path, v.message, v.value))
    return ValidationReport(conforms=bool(conforms), violations=tuple(ordered), triples=len(union))


def check_graph(data: Graph | Dataset, name: str = "graph") -> ValidationReport:
    """Validate ``data``; raise :class:`ValidationError` (with the first violation) when it does not conform."""
    report = validate_graph(data)
    if not report.conforms:
        first = f"; first: {report.violations[0]}" if report.violations else ""
        raise ValidationError(report.summary(name) + first)
    return report
