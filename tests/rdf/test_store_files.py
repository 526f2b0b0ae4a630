"""Loading a file into an Oxigraph store and exporting it again: the same graph, whatever the slices."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from graph.errors import GraphReadError
from graph.rdf.io import union_graph
from graph.rdf.stores import OxigraphStore
from graph.rdf.stores import loading as stores

TRIG = """@prefix ex: <urn:ex#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:knows _:someone , [ ex:name "anonymous" ] .
_:someone ex:name "someone"@en ; ex:age "42"^^xsd:integer .
ex:g { ex:a ex:in ex:g . _:someone ex:seen ex:g . ex:b ex:says "a \\"quoted\\"\\nline" . }
ex:h { ex:a ex:in ex:g . ex:c ex:knows _:someone . }
ex:b ex:knows ex:c .
"""


def _dataset(path, fmt: str) -> Dataset:
    dataset = Dataset(default_union=True)
    dataset.parse(path, format=fmt)
    return dataset


@pytest.mark.parametrize("slice_size", [1, 2, 1000])
def test_a_file_loads_to_the_same_graph_in_slices(tmp_path, monkeypatch, slice_size):
    monkeypatch.setattr(stores, "FILE_SLICE", slice_size)  # blank nodes and graphs across slices
    source = tmp_path / "in.trig"
    source.write_text(TRIG, encoding="utf-8")
    with OxigraphStore(tmp_path / "store", writable=True) as store:
        store.load_file(source)
    with OxigraphStore(tmp_path / "store") as store:
        assert len(store) == 11
        assert store.graph_names() == {"urn:ex#g", "urn:ex#h"}
        store.export(tmp_path / "out.nq")
    expected, back = _dataset(source, "trig"), _dataset(tmp_path / "out.nq", "nquads")
    assert isomorphic(union_graph(back), union_graph(expected))
    for name in ("urn:ex#g", "urn:ex#h"):
        assert isomorphic(back.graph(name), expected.graph(name))


def test_a_syntax_error_in_a_later_slice_names_file_and_line(tmp_path, monkeypatch):
    monkeypatch.setattr(stores, "FILE_SLICE", 2)
    broken = tmp_path / "broken.nt"
    lines = [f"<urn:ex#s{i}> <urn:ex#p> <urn:ex#o{i}> ." for i in range(9)] + ["<urn:ex#s> <urn:ex#p> oops ."]
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with (
        OxigraphStore(tmp_path / "store", writable=True) as store,
        pytest.raises(GraphReadError, match=r"broken\.nt:10: not valid nt"),
    ):
        store.load_file(broken)
    assert not (tmp_path / "store").exists(), "a store created for a load that failed is removed"


NAMED = """@prefix ent: <https://w3id.org/newsgraph/entity/> .
@prefix nkg: <https://w3id.org/newsgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ent:Astana a nkg:Entity ; rdfs:label "Astana" .
<https://w3id.org/newsgraph/doc/a/graph> {
  ent:Nazarbayev nkg:visited ent:Astana ; nkg:met _:someone .
  _:someone rdfs:label "an official"@en .
  ent:Astana a nkg:Entity . }
<https://w3id.org/newsgraph/doc/b/graph> {
  _:someone nkg:visited ent:Astana .
  ent:Astana a nkg:Entity ; rdfs:label "Astana" , "Астана"@kk . }
_:g { ent:Tokayev nkg:met ent:Nazarbayev . }
"""


@pytest.mark.parametrize(("ext", "fmt"), [("ttl", "turtle"), ("nt", "nt")])
def test_the_union_of_named_graphs_exports_to_one_readable_document(tmp_path, ext, fmt):
    import pyoxigraph

    source = tmp_path / "in.trig"
    source.write_text(NAMED, encoding="utf-8")
    with OxigraphStore(tmp_path / "store", writable=True) as store:
        store.load_file(source)
    with OxigraphStore(tmp_path / "store") as store:
        first = store.export(tmp_path / f"union.{ext}").read_bytes()
        assert store.export(tmp_path / f"again.{ext}").read_bytes() == first
    expected = union_graph(_dataset(source, "trig"))
    back = Graph().parse(tmp_path / f"union.{ext}", format=fmt)
    assert len(expected) == 8 and isomorphic(back, expected)
    assert len(list(pyoxigraph.parse(first, format=pyoxigraph.RdfFormat.from_extension(ext)))) >= 8
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"again.{ext}", "in.trig", "store", f"union.{ext}"]
    if ext == "ttl":  # Turtle with newsgraph's prefixes, declared once
        text = first.decode()
        assert text.count("@prefix ent: ") == 1 and "ent:Nazarbayev" in text
        assert "<https://w3id.org/newsgraph/entity/" not in text.split("\n", text.count("@prefix"))[-1]
