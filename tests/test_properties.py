"""Property tests (hypothesis), with a bounded number of examples so the suite stays fast."""

from __future__ import annotations

import json
import re

import networkx as nx
import pyoxigraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from graph.documents import document_from_text
from graph.extract import extract_document, make_extractors
from graph.pipeline import build_graph
from graph.rdf.io import read_graph, write_graph
from graph.rdf.model import to_dataset, to_graph
from graph.rdf.namespaces import ENT
from graph.render import render_html
from graph.resolve.entities import clean_name, entity_id

NAMES = st.text(min_size=1, max_size=60).map(clean_name).filter(bool)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

WORDS = ["The minister", "Nur Otan", "Smith", "the party", "He", "She", "Almaty", "the <b>board</b>", "O'Neil & Sons",
         "a report", "the \"reform\"", "Назарбаев", "the 😀 club", "back\\slash"]
VERBS = ["met", "criticised", "said that", "was appointed by", "did not approve", "must visit", "held a meeting with"]
SENTENCES = st.builds(lambda s, v, o, p: f"{s} {v} {o}{p}", st.sampled_from(WORDS), st.sampled_from(VERBS),
                      st.sampled_from(WORDS), st.sampled_from([".", "!", " in 2019.", ", he said."]))
ARTICLES = st.lists(SENTENCES, min_size=1, max_size=5).map(" ".join)


@FAST
@given(NAMES)
def test_minted_iris_are_valid(name):
    iri = str(ENT[entity_id(name)])
    pyoxigraph.NamedNode(iri)  # raises on an invalid IRI
    assert not re.search(r"[\s<>\"{}|\\^`]", iri)


@FAST
@given(NAMES, NAMES)
def test_different_names_never_share_an_iri(a, b):
    if " ".join(a.split()) != " ".join(b.split()):
        assert entity_id(a) != entity_id(b)


@FAST
@given(st.text(max_size=400))
def test_extraction_never_raises(nlp, text):
    for extraction in extract_document(nlp(text), "p", make_extractors()):
        assert 0 < extraction.confidence < 1


@SLOW
@given(ARTICLES, st.text(max_size=40))
def test_build_turtle_parse_is_isomorphic(tmp_path_factory, nlp, article, title):
    document = document_from_text("random", article, title=title or None)
    kg = build_graph([document], gazetteer=None)
    path = tmp_path_factory.mktemp("prop") / "g.ttl"
    write_graph(to_dataset(kg), path)
    back = read_graph(path)
    assert isomorphic(to_graph(kg), _union(back))


def _union(dataset):
    from rdflib import Graph

    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@FAST
@given(st.lists(NAMES, min_size=1, max_size=6))
def test_the_page_never_contains_an_unescaped_angle_bracket_from_a_name(names):
    # each name is set between guillemets, which the page's own code never contains, so finding
    # one raw in the page means the name went in unescaped
    labels = [f"\u00ab{name}\u00bb" for name in names]
    network = nx.MultiDiGraph()
    for number, label in enumerate(labels):
        network.add_node(f"n{number}", label=label, type="Person", aliases=[label + "<"], documents=[label], facts=1)
    if len(labels) > 1:
        network.add_edge("n0", "n1", key="k", predicate="urn:p", relation=labels[-1], negated=False, modality="",
                         evidence=[(labels[0], labels[-1], "", 0.5)], confidence=0.5)
    page = render_html(network, title=labels[0])
    for label in labels:
        if any(c in label for c in "<>&"):
            assert label not in page
    data = re.search(r'<script type="application/json" id="ng-nodes">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data and ">" not in data
    assert {n["fullLabel"] for n in json.loads(data)} == set(labels)
