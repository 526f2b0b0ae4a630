"""The bundled ontology files (``ontology/``) and the gazetteer reader."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from ..errors import GraphReadError
from ..resolve.gazetteer import Gazetteer, GazetteerEntry
from .namespaces import ENT, NKG

__all__ = ["ontology_file", "read_gazetteer", "read_gazetteer_file", "ONTOLOGY_FILES"]

ONTOLOGY_FILES = ("newsgraph.ttl", "shapes.ttl", "gazetteer.ttl")


def ontology_file(name: str) -> Path | None:
    """Path of a file in ``ontology/``: installed as package data ``graph.ontology``, or in the
    source tree next to ``graph/``. None when it is not there."""
    try:
        candidate = resources.files("graph.ontology") / name
        if candidate.is_file():
            return Path(str(candidate))
    except (ModuleNotFoundError, TypeError):
        pass
    source = Path(__file__).resolve().parents[2] / "ontology" / name
    return source if source.is_file() else None


def read_gazetteer(path: str | Path) -> Gazetteer:
    """Read a SKOS gazetteer: each ``ent:`` resource with a newsgraph class, a ``skos:prefLabel``
    and any ``skos:altLabel``s becomes an entry whose id is the IRI's local name."""
    graph = Graph()
    try:
        graph.parse(str(path), format="turtle")
    except Exception as exc:  # noqa: BLE001 - rdflib's parsers raise many kinds; all mean "not valid Turtle"
        raise GraphReadError(f"{path}: not a valid gazetteer ({' '.join(str(exc).split())[:160]})") from None
    entries = []
    namespace = str(NKG._NS)
    for subject in sorted(set(graph.subjects(SKOS.prefLabel, None)), key=str):
        if not isinstance(subject, URIRef) or not str(subject).startswith(str(ENT)):
            continue
        kinds = sorted(
            str(t)[len(namespace) :] for t in graph.objects(subject, RDF.type) if str(t).startswith(namespace)
        )
        label = str(graph.value(subject, SKOS.prefLabel))
        aliases = tuple(sorted(str(a) for a in graph.objects(subject, SKOS.altLabel)))
        entries.append(
            GazetteerEntry(id=str(subject)[len(str(ENT)) :], label=label, type=_most_specific(kinds), aliases=aliases)
        )
    return Gazetteer(entries)


_SPECIFIC = (
    "PoliticalParty",
    "GovernmentBody",
    "NewsAgency",
    "Programme",
    "Person",
    "Place",
    "Event",
    "Organization",
    "Group",
    "CreativeWork",
    "Product",
)


def _most_specific(kinds: list[str]) -> str:
    for kind in _SPECIFIC:
        if kind in kinds:
            return kind
    return kinds[0] if kinds else "Thing"


@lru_cache(maxsize=1)
def read_gazetteer_file() -> Gazetteer | None:
    path = ontology_file("gazetteer.ttl")
    return read_gazetteer(path) if path is not None else None
