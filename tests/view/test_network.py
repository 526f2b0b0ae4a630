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


def test_relations_read_as_words():
    from graph.view import readable_relation

    org = "http://www.w3.org/ns/org#"
    rel = "https://w3id.org/newsgraph/relation/"
    assert readable_relation(org + "headOf") == "head of"
    assert readable_relation(org + "memberOf") == "member of"
    assert readable_relation(rel + "be_familiarize_with", "be familiarize with") == "familiarized with"
    assert readable_relation(rel + "meet_with", "meet with") == "met with"
    assert readable_relation(rel + "commission", "commission") == "commissioned"
    assert readable_relation(rel + "say", "say") == "said"
    assert readable_relation(rel + "study", "study") == "studied"
    assert readable_relation("http://example.org/worksFor") == "works for"


def test_quotes_and_roles_come_from_the_rdf(sample_dataset):
    network = network_from_rdf(sample_dataset)
    by_label = {d["label"]: n for n, d in network.nodes(data=True)}
    speaker = network.nodes[by_label["Nursultan Nazarbayev"]]
    assert speaker["roles"] == ["Chairman"]
    assert any(verb == "stressed" and "actively engaged" in text for verb, text, _doc, _date in speaker["quotes"])
    phrases = {
        (network.nodes[s]["label"], d["phrase"], network.nodes[o]["label"]) for s, o, d in network.edges(data=True)
    }
    assert ("Maulen Ashimbayev", "First Deputy Chairman of", "Nur Otan Party") in phrases
    assert ("Nursultan Nazarbayev", "said", "Kazakhstan") in phrases, "a quote links its speaker to what it names"
