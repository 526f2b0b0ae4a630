"""--min-confidence: assertions below the threshold and the direct triples only they support go."""

from __future__ import annotations

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, XSD

from graph.rdf.model import low_confidence_update
from graph.rdf.namespaces import NKG

E = "http://example.org/"


def _fact(data: Dataset, name: str, s: str, p: str, o: str, confidence: str) -> None:
    a = URIRef(E + name)
    data.add((URIRef(E + s), URIRef(E + p), URIRef(E + o)))
    data.add((a, RDF.type, NKG.Assertion))
    data.add((a, RDF.subject, URIRef(E + s)))
    data.add((a, RDF.predicate, URIRef(E + p)))
    data.add((a, RDF.object, URIRef(E + o)))
    data.add((a, NKG.confidence, Literal(confidence, datatype=XSD.decimal)))


def test_low_confidence_facts_are_left_out_and_supported_ones_stay():
    data = Dataset()
    _fact(data, "a1", "x", "meet", "y", "0.4")
    _fact(data, "a2", "x", "visit", "z", "0.4")
    _fact(data, "a3", "x", "visit", "z", "0.9")  # the same fact read again, surely
    data.update(low_confidence_update(0.7))
    assert (URIRef(E + "x"), URIRef(E + "meet"), URIRef(E + "y")) not in data
    assert (URIRef(E + "x"), URIRef(E + "visit"), URIRef(E + "z")) in data
    assert not list(data.triples((URIRef(E + "a1"), None, None)))
    assert list(data.triples((URIRef(E + "a3"), None, None)))
