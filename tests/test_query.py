"""SPARQL: results, formats, errors, read-only, bundled examples."""

from __future__ import annotations

import json

import pytest

from graph.errors import QueryError
from graph.query import example_queries, format_result, run_query

COMMISSION = """
SELECT ?who ?whom ?sentence WHERE {
  ?a a nkg:Assertion ; rdf:subject ?s ; rdf:predicate rel:commission ; rdf:object ?o ; prov:wasDerivedFrom ?sent .
  ?s skos:prefLabel ?who . ?o skos:prefLabel ?whom . ?sent schema:text ?sentence .
}"""


def test_commission_fact_with_its_sentence(sample_dataset):
    result = run_query(sample_dataset, COMMISSION)
    rows = result.to_records()
    assert {"who": "Nursultan Nazarbayev", "whom": "Maulen Ashimbayev"}.items() <= rows[0].items()
    assert "commissioned First Deputy Chairman of the Party Maulen Ashimbayev" in rows[0]["sentence"]


def test_formats(sample_dataset):
    result = run_query(sample_dataset, "SELECT ?label WHERE { ent:Nur_Otan_Party skos:prefLabel ?label }")
    assert format_result(result, "csv") == "label\nNur Otan Party\n"
    assert json.loads(format_result(result, "json")) == [{"label": "Nur Otan Party"}]
    table = format_result(result, "table")
    assert "Nur Otan Party" in table and "(1 row)" in table
    assert run_query(sample_dataset, "ASK { ent:Nur_Otan_Party a nkg:PoliticalParty }").rows == ((True,),)


def test_syntax_error_is_one_line(sample_dataset):
    with pytest.raises(QueryError) as error:
        run_query(sample_dataset, "SELEC ?x WHERE { ?x ?y ?z }")
    assert "\n" not in str(error.value) and str(error.value).startswith("SPARQL error")


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX x: <urn:x#>\nDELETE WHERE { ?s ?p ?o }",
    "# comment\nDROP ALL",
])
def test_updates_are_refused(sample_dataset, update):
    size = len(sample_dataset)
    with pytest.raises(QueryError, match="read-only"):
        run_query(sample_dataset, update)
    assert len(sample_dataset) == size


def test_every_bundled_example_query_runs(sample_dataset):
    examples = example_queries()
    assert len(examples) >= 3
    for name, text in examples.items():
        result = run_query(sample_dataset, text)
        assert result.rows, f"example query {name!r} found nothing on the sample article"
