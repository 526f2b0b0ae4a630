"""RDF -> entity network: the projection of the sample, and its GraphML/GEXF export."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from graph.errors import NewsgraphError
from graph.view import network_from_rdf, write_network

from ..conftest import SAMPLE_ID
from .conftest import triples

# ------------------------------------------------------------------------------ projection

def test_network_of_the_sample_has_the_card_facts(sample_dataset):
    network = network_from_rdf(sample_dataset)
    assert ("Nursultan Nazarbayev", "commission", "Maulen Ashimbayev") in triples(network)
    assert ("Nur Otan Party", "implement", "Qutty Meken") in triples(network)
    [commission] = [d for _, _, d in network.edges(data=True) if d["relation"] == "commission"]
    text, doc_id, _date, confidence = commission["evidence"][0]
    assert "commissioned First Deputy Chairman" in text and doc_id == SAMPLE_ID and 0 < confidence <= 1
    assert SAMPLE_ID in network.graph["articles"]
    bakytty = next(d for _, d in network.nodes(data=True) if d["label"] == "Bakytty Otbasy")
    assert "Happy Family" in bakytty["aliases"] and bakytty["type"] == "Programme"


# ------------------------------------------------------------------------------ exports

@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_exports_carry_type_degree_and_relation_labels(sample_dataset, tmp_path, fmt):
    network = network_from_rdf(sample_dataset)
    path = write_network(sample_dataset, tmp_path / f"g.{fmt}", fmt)
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert back.number_of_nodes() == network.number_of_nodes()
    assert back.number_of_edges() == network.number_of_edges()
    nazarbayev = next(n for n, d in network.nodes(data=True) if d["label"] == "Nursultan Nazarbayev")
    data = back.nodes[nazarbayev]
    assert data["type"] == "Person" and int(data["degree"]) == network.degree(nazarbayev)
    assert data["label"] == "Nursultan Nazarbayev"
    relations = {(back.nodes[s]["label"], d["relation"], back.nodes[o]["label"]) for s, o, d in back.edges(data=True)}
    assert relations == triples(network)
    some = next(d for _, _, d in back.edges(data=True) if d["relation"] == "commission")
    assert some["label"] == "commission" and float(some["weight"]) == 1 and 0 < float(some["confidence"]) <= 1


def test_graphml_edge_ids_are_unique(sample_dataset, tmp_path):
    path = write_network(sample_dataset, tmp_path / "g.graphml", "graphml")
    ids = [e.get("id") for e in ET.parse(path).getroot().iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert ids and len(ids) == len(set(ids))
    with pytest.raises(NewsgraphError, match=r"Unknown network format 'dot'. Available: gexf, graphml"):
        write_network(sample_dataset, tmp_path / "g.dot", "dot")
