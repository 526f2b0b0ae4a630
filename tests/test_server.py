"""The SPARQL endpoint: the protocol, result formats, read-only, limits, the query page."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pyoxigraph
import pytest

from graph.rdf.io import write_graph
from graph.server import ServerSettings, SparqlServer, negotiate

from .conftest import ROOT, hidden_service_queries

LABEL = "SELECT ?label WHERE { ent:Nur_Otan_Party skos:prefLabel ?label }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
NEVER_ENDING = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _request(
    url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _get(server: SparqlServer, query: str, accept: str | None = None) -> tuple[int, dict[str, str], bytes]:
    return _request(
        f"{server.url}/sparql?query={urllib.parse.quote(query)}", headers={"Accept": accept} if accept else {}
    )


@pytest.fixture(scope="module")
def server(sample_store):
    with SparqlServer(sample_store, settings=ServerSettings(port=0, timeout=1.0, max_rows=5, workers=2)) as running:
        running.start()
        yield running


def _count(server: SparqlServer) -> int:
    status, _, body = _get(server, COUNT)
    assert status == 200
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_select_as_json_xml_csv_and_tsv(server):
    status, headers, body = _get(server, LABEL)
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    solutions = list(pyoxigraph.parse_query_results(body, format=pyoxigraph.QueryResultsFormat.JSON))
    assert solutions[0]["label"] == pyoxigraph.Literal("Nur Otan Party")

    status, headers, body = _get(server, LABEL, "application/sparql-results+xml")
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+xml")
    literal = ET.fromstring(body).find(".//{http://www.w3.org/2005/sparql-results#}literal")
    assert literal is not None and literal.text == "Nur Otan Party"

    status, headers, body = _get(server, LABEL, "text/csv")
    assert status == 200 and body == b"label\r\nNur Otan Party\r\n"

    status, headers, body = _get(server, LABEL, "text/tab-separated-values, text/csv;q=0.5")
    assert status == 200 and body == b'?label\n"Nur Otan Party"\n'

    status, _, _ = _get(server, LABEL, "image/png")
    assert status == 406


def test_ask_and_construct(server):
    status, _, body = _get(server, "ASK { ent:Nur_Otan_Party a nkg:PoliticalParty }")
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}
    status, headers, body = _get(
        server,
        "CONSTRUCT { ?r skos:prefLabel ?l } WHERE { ?r a nkg:Role ; skos:prefLabel ?l }",
        "application/n-triples",
    )
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    assert b"First Deputy Chairman" in body
    triples = list(pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES))
    assert triples


def test_post_a_query_and_a_form(server):
    status, _, body = _request(
        f"{server.url}/sparql", data=LABEL.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert status == 200 and b"Nur Otan Party" in body
    form = urllib.parse.urlencode({"query": LABEL}).encode()
    status, _, body = _request(
        f"{server.url}/sparql",
        data=form,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"},
    )
    assert status == 200 and body.endswith(b"Nur Otan Party\r\n")


@pytest.mark.parametrize("how", ["update-body", "update-form", "update-as-query", "put"])
def test_updates_are_refused_and_change_nothing(server, how):
    before = _count(server)
    update = "DELETE WHERE { ?s ?p ?o }"
    if how == "update-body":
        status, _, body = _request(
            f"{server.url}/sparql", data=update.encode(), headers={"Content-Type": "application/sparql-update"}
        )
    elif how == "update-form":
        status, _, body = _request(
            f"{server.url}/sparql",
            data=urllib.parse.urlencode({"update": update}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    elif how == "update-as-query":
        status, _, body = _get(server, update)
    else:
        status, _, body = _request(
            f"{server.url}/sparql",
            data=b"<a:b> <a:c> <a:d> .",
            method="PUT",
            headers={"Content-Type": "application/n-triples"},
        )
    assert 400 <= status < 500 and b"read-only" in body
    assert _count(server) == before


def test_service_and_files_are_out_of_reach(server):
    status, _, body = _get(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 403 and b"SERVICE is not allowed" in body
    status, _, body = _get(server, "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }")
    assert status == 200 and json.loads(body)["results"]["bindings"] == []


def test_hidden_service_calls_load_and_file_graphs_are_refused(server, http_listener):
    url, hits = http_listener
    before = _count(server)
    for query in hidden_service_queries(url):
        status, _, body = _get(server, query)
        assert status == 403 and b"SERVICE is not allowed" in body, query
    for update in (
        f"LOAD <{url}>",
        "LOAD <file:///etc/passwd> INTO GRAPH <urn:g>",
        "PREFIX x: <urn:x#> # a comment\nLOAD SILENT <file:///etc/passwd>",
    ):
        status, _, body = _get(server, update)
        assert status == 403 and b"read-only" in body
        status, _, body = _request(
            f"{server.url}/sparql", data=update.encode(), headers={"Content-Type": "application/sparql-update"}
        )
        assert status == 403 and b"read-only" in body
    # FROM, FROM NAMED, the protocol's graph parameters and DESCRIBE name graphs or nodes of the store:
    # never a file or a URL to read
    for source in ("file:///etc/passwd", url):
        for query, params in (
            ("SELECT ?g ?s WHERE { GRAPH ?g { ?s ?p ?o } }", {"named-graph-uri": source}),
            ("SELECT * WHERE { ?s ?p ?o }", {"default-graph-uri": source}),
            (f"SELECT ?g ?s FROM NAMED <{source}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", {}),
            (f"SELECT * FROM <{source}> WHERE {{ ?s ?p ?o }}", {}),
        ):
            query_string = urllib.parse.urlencode({"query": query, **params})
            status, _, body = _request(f"{server.url}/sparql?{query_string}")
            assert status == 200 and json.loads(body)["results"]["bindings"] == [], (query, params)
        status, _, body = _get(server, f"DESCRIBE <{source}>", "application/n-triples")
        assert status == 200 and body.strip() == b""
    assert hits == [], "the endpoint made a request"
    assert _count(server) == before


def test_a_query_that_never_ends_is_stopped_and_the_endpoint_goes_on(server):
    status, _, body = _get(server, NEVER_ENDING)
    assert status == 503 and b"did not finish within 1 s" in body
    status, _, body = _get(server, LABEL)
    assert status == 200 and b"Nur Otan Party" in body


def test_answers_are_cut_at_the_row_limit(server):
    status, headers, body = _get(server, "SELECT ?s WHERE { ?s a nkg:Assertion }")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 5
    assert "X-Newsgraph-Truncated" in headers
    status, headers, _ = _get(server, "SELECT ?s WHERE { ?s a nkg:Assertion } LIMIT 3")
    assert status == 200 and "X-Newsgraph-Truncated" not in headers


def test_bad_requests(server):
    status, _, body = _get(server, "SELEKT ?x WHERE { ?x ?y ?z }")
    assert status == 400 and b"SPARQL error" in body
    status, _, _ = _request(f"{server.url}/sparql")
    assert status == 400
    status, _, _ = _request(f"{server.url}/nowhere")
    assert status == 404
    status, _, body = _request(
        f"{server.url}/sparql", data=b"x" * (65 * 1024), headers={"Content-Type": "application/sparql-query"}
    )
    assert status == 413


def test_the_query_page_escapes_everything(server):
    hostile = 'SELECT ("<script>alert(1)</script>" AS ?x) WHERE {} # </textarea><b>'
    status, headers, body = _request(f"{server.url}/?query={urllib.parse.quote(hostile)}")
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "<script>" not in page and "</textarea><b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    status, _, body = _request(f"{server.url}/?example=roles")
    assert status == 200 and b"org:Membership" in body


def test_saturated_endpoint_answers_503(sample_store):
    settings = ServerSettings(port=0, timeout=30.0, workers=1, wait=0.05)
    with SparqlServer(sample_store, settings=settings) as busy:
        busy.start()
        slow = threading.Thread(target=_get, args=(busy, NEVER_ENDING), daemon=True)
        slow.start()
        statuses = []
        deadline = time.monotonic() + 20
        while 503 not in statuses and time.monotonic() < deadline:
            statuses.append(_get(busy, LABEL)[0])
        assert 503 in statuses
        workers = list(busy._all_workers)
        assert any(w.running for w in workers)
    # closing killed the worker that was still running the never-ending query
    assert not any(w.running for w in workers)


@pytest.mark.slow  # loads a graph file into a fresh store
def test_loopback_by_default_and_a_graph_file(sample_dataset, tmp_path):
    assert ServerSettings().host == "127.0.0.1"
    path = write_graph(sample_dataset, tmp_path / "g.ttl")
    with SparqlServer(path, store=False, settings=ServerSettings(port=0)) as served:
        served.start()
        assert served.url.startswith("http://127.0.0.1:")
        assert _get(served, LABEL)[0] == 200
        temporary = served.folder
        assert temporary.exists()
    assert not temporary.exists(), "the temporary store of a served file is removed"


def test_negotiation():
    offered = {"application/sparql-results+json": 1, "text/csv": 1}
    assert negotiate(None, offered, "application/sparql-results+json") == "application/sparql-results+json"
    assert negotiate("text/csv;q=0.9, */*;q=0.1", offered, "application/sparql-results+json") == "text/csv"
    assert (
        negotiate("text/html, */*;q=0.8", offered, "application/sparql-results+json")
        == "application/sparql-results+json"
    )
    assert negotiate("image/png", offered, "application/sparql-results+json") is None


@pytest.mark.slow  # a newsgraph serve process
def test_serve_command_end_to_end(sample_dataset, tmp_path):
    path = write_graph(sample_dataset, tmp_path / "g.ttl")
    scratch = tmp_path / "tmp"  # the server's temporary directory: Ctrl-C leaves nothing there
    scratch.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(scratch))
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", str(path), "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        line = process.stderr.readline()
        assert "serving" in line, line
        url = line.split(" at ", 1)[1].split("/sparql", 1)[0]
        status, _, body = _request(f"{url}/sparql?query={urllib.parse.quote(LABEL)}", headers={"Accept": "text/csv"})
        assert status == 200 and body.endswith(b"Nur Otan Party\r\n")
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    assert process.returncode == 0
    assert not list(scratch.iterdir()), "Ctrl-C left the temporary store behind"


@pytest.mark.slow  # a newsgraph serve process
def test_serve_command_removes_its_temporary_store_on_sigterm(sample_dataset, tmp_path):
    path = write_graph(sample_dataset, tmp_path / "g.ttl")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(scratch))
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", str(path), "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        line = process.stderr.readline()
        assert "serving" in line, line
        assert [p.name for p in scratch.iterdir() if p.name.startswith("newsgraph-serve-")]
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    assert process.returncode == 0
    assert not list(scratch.iterdir()), "a SIGTERM left the temporary store behind"


def test_serve_has_help_with_an_example():
    from typer.testing import CliRunner

    from graph.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "Example: newsgraph serve" in " ".join(result.output.split())
