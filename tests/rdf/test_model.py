"""The RDF model: ontology terms, provenance, determinism, round trips."""

from __future__ import annotations

import pyoxigraph
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS

from graph.rdf.io import read_graph, serialize, write_graph
from graph.rdf.model import to_dataset, to_graph
from graph.rdf.namespaces import NKG, REL
from graph.rdf.ontology import ontology_file


def test_every_ontology_term_used_is_defined_in_the_ontology(sample_dataset):
    ontology = Graph().parse(ontology_file("newsgraph.ttl"))
    defined = set(ontology.subjects(RDF.type, None))
    namespace = str(NKG._NS)
    used = {t for q in sample_dataset.quads() for t in q[:3] if str(t).startswith(namespace)}
    assert used and used <= defined
    for term in defined - set(ontology.subjects(RDF.type, OWL.Ontology)):
        assert ontology.value(term, RDFS.label) is not None, term
        assert ontology.value(term, RDFS.comment) is not None, term
    declared = {str(term)[len(namespace) :] for term in dir(NKG)}
    assert {str(t)[len(namespace) :] for t in defined if str(t).startswith(namespace)} == declared


def test_no_blank_nodes_and_every_assertion_has_provenance(sample_dataset):
    assert not any(type(t).__name__ == "BNode" for q in sample_dataset.quads() for t in q[:3])
    assertions = set(sample_dataset.subjects(RDF.type, NKG.Assertion))
    assert assertions
    for assertion in assertions:
        for prop in (
            RDF.subject,
            RDF.predicate,
            RDF.object,
            NKG.extractor,
            NKG.confidence,
            NKG.startOffset,
            NKG.endOffset,
        ):
            assert sample_dataset.value(assertion, prop) is not None, (assertion, prop)


def test_minted_relations_are_declared(sample_dataset):
    relations = {p for _, p, _ in sample_dataset.triples((None, None, None)) if str(p).startswith(str(REL))}
    for relation in relations:
        assert (relation, RDF.type, OWL.ObjectProperty) in sample_dataset
        assert (relation, RDFS.subPropertyOf, NKG.relatedTo) in sample_dataset


def test_turtle_is_deterministic_and_round_trips(sample_kg, tmp_path):
    first = serialize(to_dataset(sample_kg), "ttl")
    second = serialize(to_dataset(sample_kg), "ttl")
    assert first == second
    path = write_graph(to_dataset(sample_kg), tmp_path / "g.ttl")
    assert isomorphic(read_graph(path).graph(), to_graph(sample_kg)) or isomorphic(
        Graph().parse(path), to_graph(sample_kg)
    )
    store = pyoxigraph.Store()
    store.load(path.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(to_graph(sample_kg))


def test_quad_formats_keep_named_graphs(sample_kg, tmp_path):
    dataset = to_dataset(sample_kg)
    for ext in ("nq", "trig"):
        path = write_graph(dataset, tmp_path / f"g.{ext}")
        back = read_graph(path)
        names = {str(g.identifier) for g in back.graphs()}
        assert any(name.endswith("nur-otan-meeting/graph") for name in names)


def test_negated_and_modal_facts_have_no_direct_triple(sample_dataset):
    modal = list(sample_dataset.subjects(NKG.modality, None))
    assert modal, "the sample article has modal facts ('must be engaged', 'should hold')"
    for assertion in modal:
        triple = (
            sample_dataset.value(assertion, RDF.subject),
            sample_dataset.value(assertion, RDF.predicate),
            sample_dataset.value(assertion, RDF.object),
        )
        others = [
            a
            for a in sample_dataset.subjects(RDF.subject, triple[0])
            if sample_dataset.value(a, RDF.predicate) == triple[1]
            and sample_dataset.value(a, RDF.object) == triple[2]
            and sample_dataset.value(a, NKG.modality) is None
            and sample_dataset.value(a, NKG.negated) is None
        ]
        if not others:
            assert triple not in sample_dataset
    assert (None, NKG.modality, Literal("must")) in sample_dataset


def test_each_article_keeps_its_share_of_each_entity(sample_kg, sample_dataset):
    from graph.rdf.model import CORPUS_GRAPH, article_graph_iri

    article = sample_dataset.graph(article_graph_iri(sample_kg.documents[0].id))
    uses = set(article.subjects(RDF.type, NKG.EntityUse))
    assert len(uses) == len(sample_kg.entity_uses) == len(sample_kg.entities)
    assert not set(sample_dataset.graph(CORPUS_GRAPH).subjects(RDF.type, NKG.EntityUse))
    party = next(u for u in sample_kg.entity_uses if u.entity == "Nur_Otan_Party")
    assert dict(party.names)["Nur Otan"] >= 1 and party.type == "PoliticalParty"


def test_entity_uses_replay_into_the_same_entities(sample_kg):
    from graph.resolve import EntityIndex

    index = EntityIndex()
    for use in sample_kg.entity_uses:
        index.restore(use)
    assert index.entities() == list(sample_kg.entities)


def test_an_assertion_keeps_the_clause_its_triple_was_split_from(nlp):
    from graph.documents import document_from_text
    from graph.pipeline import build_graph
    from graph.rdf.model import to_dataset
    from graph.rdf.namespaces import NKG

    kg = build_graph([document_from_text("t", "The court halted plans to fine the bank over the loans.")])
    texts = {str(o) for _, _, o, _ in to_dataset(kg).quads((None, NKG.clauseText, None, None))}
    assert texts == {"The court halted plans to fine the bank over the loans"}
