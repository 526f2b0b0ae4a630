"""RDF files: JSON-LD export carries only the prefixes newsgraph declares and the graph uses."""

from __future__ import annotations

import json

from rdflib import Graph
from rdflib.compare import isomorphic

from graph.rdf.io import serialize, union_graph, write_graph
from graph.rdf.namespaces import PREFIXES


def test_jsonld_context_has_only_the_prefixes_the_graph_uses(sample_dataset, tmp_path):
    path = write_graph(sample_dataset, tmp_path / "g.jsonld")
    context = json.loads(path.read_text(encoding="utf-8"))["@context"]
    assert set(context) <= set(PREFIXES), sorted(set(context) - set(PREFIXES))
    assert {"nkg", "ent", "skos", "schema", "prov"} <= set(context)
    assert not {"brick", "sosa", "odrl", "dcat", "foaf"} & set(context)
    assert all(context[prefix] == PREFIXES[prefix] for prefix in context)
    back = Graph().parse(path, format="json-ld")
    assert isomorphic(back, union_graph(sample_dataset))


def test_jsonld_of_a_graph_without_newsgraph_terms_has_no_context():
    graph = Graph()
    graph.parse(data="<urn:a> <urn:b> 'c' .", format="turtle")
    data = json.loads(serialize(graph, "jsonld"))
    assert "@context" not in json.dumps(data)
