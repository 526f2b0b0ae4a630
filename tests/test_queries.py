"""SPARQL: results, formats, errors, read-only, bundled examples."""

from __future__ import annotations

import json

import pytest

from graph.errors import QueryError
from graph.queries import example_queries, format_result, run_query

from .conftest import hidden_service_queries

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


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX x: <urn:x#>\nDELETE WHERE { ?s ?p ?o }",
        "# comment\nDROP ALL",
    ],
)
def test_updates_are_refused(sample_dataset, update):
    size = len(sample_dataset)
    with pytest.raises(QueryError, match="read-only"):
        run_query(sample_dataset, update)
    assert len(sample_dataset) == size


@pytest.mark.slow  # rdflib's SPARQL engine over the sample, every bundled query
def test_every_bundled_example_query_runs(sample_dataset):
    examples = example_queries()
    assert len(examples) >= 3
    for name, text in examples.items():
        result = run_query(sample_dataset, text)
        assert result.rows, f"example query {name!r} found nothing on the sample article"


# ---------------------------------------------------------------------------------------- issue 5: stores, limits, safety

NEVER_ENDING = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_service_is_refused(sample_dataset):
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        run_query(sample_dataset, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    # the word inside a string or an IRI is no SERVICE call
    result = run_query(sample_dataset, 'SELECT ("SERVICE" AS ?x) WHERE { ?s <https://example.org/SERVICE> ?o }')
    assert result.rows == ()


def test_a_hidden_service_call_is_refused_and_makes_no_request(sample_dataset, sample_store, http_listener):
    from graph.rdf.stores import OxigraphStore

    url, hits = http_listener
    with OxigraphStore(sample_store) as store:
        for query in hidden_service_queries(url):
            for graph in (sample_dataset, store):
                with pytest.raises(QueryError, match="SERVICE is not allowed"):
                    run_query(graph, query)
    assert hits == []
    # the word in a string, an IRI or a text search is still no SERVICE call
    result = run_query(sample_dataset, 'SELECT ?t WHERE { ?s schema:text ?t FILTER(CONTAINS(?t, "civil service")) }')
    assert result.rows == ()


def test_from_never_reads_a_file(sample_dataset, tmp_path):
    secret = tmp_path / "secret.ttl"
    secret.write_text('<urn:secret> <urn:is> "the launch code" .\n', encoding="utf-8")
    result = run_query(sample_dataset, f"SELECT ?o FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}")
    assert "the launch code" not in {row[0] for row in result.rows}


def test_a_one_line_query_with_iris_is_sparql_not_a_path(sample_dataset):
    result = run_query(
        sample_dataset,
        "SELECT ?l WHERE { <https://w3id.org/newsgraph/entity/Nur_Otan_Party> "
        "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }",
    )
    assert result.rows == (("Nur Otan Party",),)


def test_timeout_outside_the_main_thread(sample_dataset):
    import threading

    caught: list[BaseException] = []

    def run() -> None:
        try:
            run_query(sample_dataset, NEVER_ENDING, timeout=0.3)
        except QueryError as exc:
            caught.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    assert caught and "did not finish within 0.3 s" in str(caught[0])


def test_rows_can_be_cut_and_feed_pandas(sample_dataset):
    result = run_query(sample_dataset, "SELECT ?s WHERE { ?s a nkg:Assertion } ORDER BY ?s", max_rows=3)
    assert len(result) == 3 and result.truncated
    frame = run_query(sample_dataset, "most-connected").to_dataframe()
    assert list(frame.columns) == ["entity", "label", "type", "facts", "articles"]
    assert frame["facts"].dtype.kind == "i" and frame["facts"].iloc[0] == frame["facts"].max()
    assert {"Nursultan Nazarbayev", "Nur Otan Party"} <= set(frame["label"])


def test_results_show_as_escaped_html_tables(sample_dataset):
    result = run_query(
        sample_dataset, 'SELECT ("<b>bold</b>" AS ?x) ?label WHERE { ent:Nur_Otan_Party skos:prefLabel ?label }'
    )
    page = result._repr_html_()
    assert "<b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page and "Nur Otan Party" in page


# ---------------------------------------------------------------------------------------- bundled names, parameters


def test_a_mistyped_bundled_query_name_lists_the_bundled_names(sample_dataset):
    from graph.errors import UnknownNameError

    with pytest.raises(UnknownNameError) as error:
        run_query(sample_dataset, "entity-timline")
    message = str(error.value)
    assert "\n" not in message and "entity-timline" in message
    assert all(name in message for name in example_queries())
    assert "SPARQL" not in message


def test_a_mistyped_bundled_query_name_on_the_command_line(built_sample):
    from typer.testing import CliRunner

    from graph.cli import EXIT_ERROR, app

    result = CliRunner().invoke(app, ["query", str(built_sample / "graph.ttl"), "rolez"])
    assert result.exit_code == EXIT_ERROR
    assert result.output.strip().count("\n") == 0 and "Available: entity-timeline" in result.output


@pytest.mark.slow  # entity-timeline three times through rdflib's SPARQL engine
def test_entity_timeline_takes_a_name(sample_dataset):
    default = run_query(sample_dataset, "entity-timeline")
    assert default.rows and any(row["subject"] == "Nursultan Nazarbayev" for row in default)
    other = run_query(sample_dataset, "entity-timeline", params={"name": "Maulen Ashimbayev"})
    assert other.rows and other.rows != default.rows
    assert all("Maulen Ashimbayev" in (row["subject"], row["object"]) for row in other)
    assert not run_query(sample_dataset, "entity-timeline", params={"name": "Nobody At All"}).rows


def test_parameters_are_declared_and_checked(sample_dataset):
    from graph.errors import UnknownNameError
    from graph.queries import bind_parameters, parse_assignments, query_parameters

    declared = query_parameters(example_queries()["entity-timeline"])
    assert [(p.name, p.default) for p in declared] == [("name", "Nursultan Nazarbayev")]
    with pytest.raises(UnknownNameError, match="Available: name"):
        run_query(sample_dataset, "entity-timeline", params={"nmae": "x"})
    with pytest.raises(QueryError, match="NAME=VALUE"):
        parse_assignments(["name"])
    assert parse_assignments(["name=a=b", "id=x"]) == {"name": "a=b", "id": "x"}
    # a query without declarations takes any of its variables; strings are escaped, <...> is an IRI
    text = "SELECT ?l WHERE { ?e skos:prefLabel ?l FILTER(STR(?l) = ?x) }"
    assert run_query(sample_dataset, text, params={"x": "Nur Otan Party"}).rows == (("Nur Otan Party",),)
    assert not run_query(sample_dataset, text, params={"x": 'Nur" } ?e ?p ?o {'}).rows
    iri = run_query(
        sample_dataset,
        "SELECT ?l WHERE { ?e skos:prefLabel ?l }",
        params={
            "e": "<"
            + str(run_query(sample_dataset, "SELECT ?e WHERE { ?e skos:prefLabel 'Nur Otan Party' }").rows[0][0])
            + ">"
        },
    )
    assert iri.rows == (("Nur Otan Party",),)
    with pytest.raises(UnknownNameError, match="Available: e, l, x"):
        run_query(sample_dataset, text, params={"y": "1"})
    # VALUES goes into the WHERE clause, not a CONSTRUCT template or a comment
    bound = bind_parameters("# WHERE { here? no\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": "<urn:x>"})
    assert bound.endswith("WHERE {\n  VALUES ?s { <urn:x> } ?s ?p ?o }")


@pytest.mark.slow  # command-line runs over the built sample
def test_parameters_on_the_command_line(built_sample):
    from typer.testing import CliRunner

    from graph.cli import app

    runner = CliRunner()
    graph_file = str(built_sample / "graph.ttl")
    result = runner.invoke(
        app, ["query", graph_file, "entity-timeline", "--param", "name=Maulen Ashimbayev", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and all("Maulen Ashimbayev" in (r["subject"], r["object"]) for r in rows)
    help_text = " ".join(runner.invoke(app, ["query", "--help"]).output.split())
    assert "--param" in help_text and "entity-timeline" in help_text


def test_a_role_and_a_timeline_read_in_many_articles_give_one_row_per_article(nlp, tmp_path):
    """A membership node is shared by every article that reads it, so its triples sit in several named graphs;
    over the union of a store's graphs each repeat multiplied the rows (3 articles gave 27 rows of one role)."""
    from graph.corpus import update_store
    from graph.rdf.stores import OxigraphStore
    from graph.types import Document, PipelineConfig

    documents = [
        Document(id=f"a{i}", published=f"2024-0{i}-10", text="Ana Ruiz is the chief executive of Harlow Foods.")
        for i in (1, 2, 3)
    ]
    with OxigraphStore(tmp_path / "store", writable=True) as store:
        update_store(store, documents, config=PipelineConfig())
        roles = run_query(store, "roles")
        timeline = run_query(store, "timeline", params={"name": "Ana Ruiz"})
    assert len(roles.rows) == 3 and len({tuple(map(str, row)) for row in roles.rows}) == 3
    rows = [tuple(map(str, row)) for row in timeline.rows]
    assert rows and len(rows) == len(set(rows))
