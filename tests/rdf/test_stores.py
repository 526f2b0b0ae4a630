"""Stores behind one interface: memory, Oxigraph folder, remote SPARQL endpoint; bad stores."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from graph.cli import EXIT_ERROR, app
from graph.errors import GraphReadError, QueryError, QueryTimeoutError, StoreError
from graph.queries import example_queries, run_query
from graph.rdf.io import union_graph, write_graph
from graph.rdf.model import CORPUS_GRAPH, iter_quads
from graph.rdf.stores import MemoryStore, OxigraphStore, RemoteStore, from_oxigraph, open_store, to_oxigraph

from ..conftest import ROOT

runner = CliRunner()
NEVER_ENDING = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _graphs(kg) -> dict:
    graphs: dict = {}
    for quad in iter_quads(kg):
        graphs.setdefault(quad[3], []).append(quad)
    return graphs


def _rows(result) -> list:
    return sorted(tuple(str(v) for v in row) for row in result.rows)


def test_terms_round_trip_between_rdflib_and_oxigraph():
    terms = [
        URIRef("https://w3id.org/newsgraph/entity/Nur_Otan_Party"),
        Literal("plain"),
        Literal("chef", lang="en"),
        Literal("0.85", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")),
        Literal('a "quoted"\nline'),
    ]
    for term in terms:
        assert from_oxigraph(to_oxigraph(term)) == term


def test_plain_values_straight_from_oxigraph_are_the_ones_through_rdflib():
    from graph.rdf.stores import oxigraph_python_value, python_value

    xsd = "http://www.w3.org/2001/XMLSchema#"
    terms = [
        pyoxigraph.NamedNode("https://w3id.org/newsgraph/entity/X"),
        pyoxigraph.BlankNode("b1"),
        pyoxigraph.Literal("plain"),
        pyoxigraph.Literal("chef", language="en"),
        None,
    ]
    terms += [
        pyoxigraph.Literal(value, datatype=pyoxigraph.NamedNode(xsd + kind))
        for value, kind in (
            ("42", "integer"),
            ("0.850", "decimal"),
            ("true", "boolean"),
            ("2019-03-05", "date"),
            ("2019-03-05T10:00:00", "dateTime"),
            ("1.5E2", "double"),
            ("x", "anyURI"),
            ("nonsense", "integer"),
        )
    ]
    terms.append(pyoxigraph.Literal("odd", datatype=pyoxigraph.NamedNode("https://example.org/type")))
    for term in terms:
        fast, slow = oxigraph_python_value(term), python_value(from_oxigraph(term))
        assert (type(fast), fast) == (type(slow), slow), term


@pytest.mark.slow  # every bundled query through rdflib's SPARQL engine
@pytest.mark.parametrize("name", sorted(example_queries()))
def test_every_example_query_gives_the_same_rows_in_memory_and_in_oxigraph(sample_dataset, sample_store, name):
    memory = run_query(MemoryStore(sample_dataset), name)
    with open_store(sample_store) as store:
        oxigraph = run_query(store, name)
    assert memory.columns == oxigraph.columns
    assert memory.rows, f"{name} finds nothing on the sample"
    assert _rows(memory) == _rows(oxigraph)


def test_the_oxigraph_store_holds_what_the_model_gives(sample_kg, sample_dataset, sample_store):
    with OxigraphStore(sample_store) as store:
        assert len(store) == len(sample_dataset)
        assert isomorphic(union_graph(store.to_dataset()), union_graph(sample_dataset))
        assert str(CORPUS_GRAPH) in store.graph_names()
        assert store.article_hashes() == {d.id: d.content_hash for d in sample_kg.documents}


@pytest.mark.parametrize("ext", ["ttl", "nt", "nq", "trig", "jsonld", "rdf"])
def test_export_from_oxigraph_round_trips(sample_dataset, sample_store, tmp_path, ext):
    with OxigraphStore(sample_store) as store:
        path = store.export(tmp_path / f"dump.{ext}")
    back = Dataset(default_union=True)
    back.parse(
        path,
        format={"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld", "rdf": "xml"}[ext],
    )
    assert isomorphic(union_graph(back), union_graph(sample_dataset))
    if ext in ("nq", "trig"):
        assert any(str(g.identifier).endswith("nur-otan-meeting/graph") for g in back.graphs())


def test_turtle_export_is_deterministic(sample_store, tmp_path):
    with OxigraphStore(sample_store) as store:
        first = store.export(tmp_path / "a.ttl").read_bytes()
        second = store.export(tmp_path / "b.ttl").read_bytes()
    assert first == second and first.startswith(b"@prefix")


def test_a_failed_update_changes_nothing(sample_kg, tmp_path):
    folder = tmp_path / "store"
    graphs = _graphs(sample_kg)
    with OxigraphStore(folder, writable=True) as store:
        store.replace_graphs(graphs)
        before = store.store.dump(format=pyoxigraph.RdfFormat.N_QUADS)

        def broken():
            yield from graphs[CORPUS_GRAPH][:10]
            raise RuntimeError("the disk caught fire")

        with pytest.raises(RuntimeError, match="the disk caught fire"):
            store.replace_graphs({CORPUS_GRAPH: broken()})
        with pytest.raises(StoreError, match="was given to replace graph"):
            store.replace_graphs({CORPUS_GRAPH: [q for g in graphs.values() for q in g]})
        assert store.store.dump(format=pyoxigraph.RdfFormat.N_QUADS) == before


def test_a_load_that_fails_on_the_background_loader_changes_nothing(sample_kg, tmp_path, monkeypatch):
    """The streaming writer loads slices on a background thread; a slice the loader refuses,
    after others were loaded, still undoes the whole write."""
    import graph.rdf.stores.loading as stores

    monkeypatch.setattr(stores, "STREAM_SLICE", 50)  # many slices, loaded while the writer goes on
    monkeypatch.setattr(stores, "STREAM_SLICE_MAX", 50)
    folder = tmp_path / "store"
    graphs = _graphs(sample_kg)
    with OxigraphStore(folder, writable=True) as store:
        store.replace_graphs(graphs)
        before = store.store.dump(format=pyoxigraph.RdfFormat.N_QUADS)
        name = URIRef("https://example.org/more/graph")
        good = [(f"<https://example.org/s{i}>", "<https://example.org/p>", f'"{i}"', f"<{name}>") for i in range(500)]
        bad = [("<https://example.org/s>", "<https://example.org/p>", '"unclosed', f"<{name}>")]
        with pytest.raises(StoreError, match="invalid N-Quads"), store.writer() as write:
            write.replace(name, good + bad + good)
            write.replace(CORPUS_GRAPH, [])
        assert store.store.dump(format=pyoxigraph.RdfFormat.N_QUADS) == before
        with store.writer() as write:  # the store still takes a good write
            write.replace(name, good)
        assert store._graph_size(name) == len(good)


def test_a_graph_replaced_twice_in_one_write_holds_the_second_version(tmp_path, monkeypatch):
    import graph.rdf.stores.loading as stores

    monkeypatch.setattr(stores, "STREAM_SLICE", 7)
    monkeypatch.setattr(stores, "STREAM_SLICE_MAX", 7)
    name = URIRef("https://example.org/g")

    def lines(tag: str, count: int):
        return [
            (f"<https://example.org/{tag}{i}>", "<https://example.org/p>", '"x"', f"<{name}>") for i in range(count)
        ]

    for existing in (False, True):
        with OxigraphStore(tmp_path / f"store-{existing}", writable=True) as store:
            if existing:
                with store.writer() as write:
                    write.replace(name, lines("old", 10))
            with store.writer() as write:
                write.replace(name, lines("first", 20))
                write.replace(URIRef("https://example.org/other"), [])
                write.replace(name, lines("second", 3))
            subjects = {
                q.subject.value
                for q in store.store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(str(name)))
            }
            assert subjects == {f"https://example.org/second{i}" for i in range(3)}


def test_memory_store_replaces_graphs(sample_kg):
    store = MemoryStore()
    graphs = _graphs(sample_kg)
    store.replace_graphs(graphs)
    size = len(store)
    store.replace_graphs(graphs)
    assert len(store) == size
    store.replace_graphs({CORPUS_GRAPH: []})
    assert len(store) == size - len(graphs[CORPUS_GRAPH])


def test_a_query_that_never_ends_is_stopped(sample_store):
    with OxigraphStore(sample_store) as store:
        with pytest.raises(QueryTimeoutError, match=r"did not finish within 0\.5 s"):
            run_query(store, NEVER_ENDING, timeout=0.5)
        # the worker was killed; the next query gets a fresh one
        assert run_query(store, "roles", timeout=30).rows


def test_a_query_that_never_ends_is_stopped_on_a_file_too(sample_dataset, tmp_path):
    path = write_graph(sample_dataset, tmp_path / "g.ttl")
    result = runner.invoke(app, ["query", str(path), NEVER_ENDING, "--timeout", "0.5"])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr.strip().count("\n") == 0 and "did not finish within 0.5 s" in result.stderr


def test_query_export_and_build_on_a_store_from_the_command_line(sample_store, tmp_path):
    result = runner.invoke(app, ["query", "--store", str(sample_store), "who-commissioned-whom", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "Maulen Ashimbayev" in result.stdout
    out = tmp_path / "corpus.nq"
    result = runner.invoke(app, ["export", "--store", str(sample_store), "-o", str(out)])
    assert result.exit_code == 0 and out.stat().st_size > 0, result.output
    result = runner.invoke(app, ["export", "--store", str(sample_store), "-o", str(tmp_path / "net.graphml")])
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------------------------------- bad stores


def _one_line_error(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == EXIT_ERROR, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


def test_a_missing_store_is_one_line(tmp_path):
    line = _one_line_error(["query", "--store", str(tmp_path / "nothing"), "roles"])
    assert "no such store" in line


def test_a_folder_that_is_no_store_is_one_line(tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"\xff\xd8")
    line = _one_line_error(["query", "--store", str(tmp_path / "photos"), "roles"])
    assert "not an Oxigraph store" in line
    with pytest.raises(StoreError, match="not an Oxigraph store"):
        OxigraphStore(tmp_path / "photos", writable=True)


@pytest.mark.parametrize("damage", ["manifest", "table"])
def test_a_damaged_store_is_one_line_and_is_not_touched(sample_store, tmp_path, damage):
    import shutil

    folder = tmp_path / "damaged"
    shutil.copytree(sample_store, folder)
    victims = sorted(folder.glob("MANIFEST-*")) if damage == "manifest" else sorted(folder.glob("*.sst"))
    assert victims
    for victim in victims:
        with open(victim, "r+b") as handle:
            handle.truncate(max(1, victim.stat().st_size // 3))
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "LOG" and not p.name.startswith("LOG.")}
    line = _one_line_error(["query", "--store", str(folder), "roles"])
    assert "damaged" in line or "not an Oxigraph store" in line
    line = _one_line_error(["build", str(ROOT / "data" / "articles"), "--store", str(folder), "--quiet"])
    assert "damaged" in line or "not an Oxigraph store" in line
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.name in before}
    assert after == before


def test_a_turtle_syntax_error_names_file_and_line(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix ex: <urn:ex#> .\nex:a ex:b ex:c .\nex:d ex:e ex:f ex:g .\n", encoding="utf-8")
    with (
        OxigraphStore(tmp_path / "store", writable=True) as store,
        pytest.raises(GraphReadError, match=r"broken\.ttl:3: not valid turtle"),
    ):
        store.load_file(broken)
    assert not (tmp_path / "store").exists(), "a store created for a load that failed is removed"


def test_a_store_locked_by_another_process_is_one_line(sample_store, tmp_path):
    import shutil

    folder = tmp_path / "busy"
    shutil.copytree(sample_store, folder)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from graph.rdf.stores import OxigraphStore\n"
            f"s = OxigraphStore({str(folder)!r}, writable=True)\nprint('held', flush=True)\nsys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        line = _one_line_error(["query", "--store", str(folder), "roles"])
        assert "locked" in line or "being written" in line
        line = _one_line_error(["build", str(ROOT / "data" / "articles"), "--store", str(folder), "--quiet"])
        assert "in use by another process" in line
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_a_store_an_oxigraph_server_writes_to_is_locked(oxigraph_server, tmp_path):
    folder = tmp_path / "oxigraph-server"  # the server fixture's --location
    assert (folder / "CURRENT").exists()
    line = _one_line_error(["build", str(ROOT / "data" / "articles"), "--store", str(folder), "--quiet"])
    assert "locked by another process" in line


# ---------------------------------------------------------------------------------------- remote


@pytest.mark.slow  # starts the Oxigraph server binary
def test_remote_store_against_a_real_oxigraph_server(oxigraph_server, sample_kg, sample_dataset, tmp_path):
    store = RemoteStore(oxigraph_server)
    assert store.query_url.endswith("/query") and store.store_url.endswith("/store")
    store.replace_graphs(_graphs(sample_kg))
    assert len(store) == len(sample_dataset)
    store.replace_graphs(_graphs(sample_kg))  # the same again replaces, does not add
    assert len(store) == len(sample_dataset)
    assert isomorphic(union_graph(store.to_dataset()), union_graph(sample_dataset))
    memory = MemoryStore(sample_dataset)
    for name in example_queries():
        assert _rows(run_query(store, name)) == _rows(run_query(memory, name)), name
    path = store.export(tmp_path / "remote.ttl")
    assert isomorphic(Graph().parse(path), union_graph(sample_dataset))
    with pytest.raises(QueryError, match="SPARQL error"):
        run_query(store, "SELEKT ?x WHERE { ?x ?y ?z }")


def test_remote_store_urls_and_errors():
    fuseki = RemoteStore("http://localhost:3030/ds?query=sparql&update=update&store=data")
    assert (fuseki.query_url, fuseki.update_url, fuseki.store_url) == (
        "http://localhost:3030/ds/sparql",
        "http://localhost:3030/ds/update",
        "http://localhost:3030/ds/data",
    )
    with pytest.raises(StoreError, match="cannot reach"):
        RemoteStore("http://127.0.0.1:9/", timeout=2).graph_names()
    with pytest.raises(Exception, match="Unknown endpoint parameter"):
        RemoteStore("http://localhost:3030/ds?qeury=sparql")


def test_build_into_a_remote_store_from_the_command_line(oxigraph_server, nlp):
    result = runner.invoke(app, ["build", str(ROOT / "data" / "articles"), "--store", oxigraph_server, "--quiet"])
    assert result.exit_code == 0, result.output
    assert "1 article(s) added" in result.stderr
    result = runner.invoke(app, ["build", str(ROOT / "data" / "articles"), "--store", oxigraph_server, "--quiet"])
    assert result.exit_code == 0 and "1 unchanged" in result.stderr, result.output
    result = runner.invoke(app, ["query", "--store", oxigraph_server, "roles", "--format", "csv"])
    assert result.exit_code == 0 and "First Deputy Chairman" in result.stdout, result.output


def test_open_store_picks_the_kind():
    assert isinstance(open_store(None), MemoryStore)
    assert isinstance(open_store("memory"), MemoryStore)
    assert isinstance(open_store("http://localhost:7878"), RemoteStore)
    with pytest.raises(StoreError, match="no such store"):
        open_store(Path("/nonexistent/store"))


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
def test_amend_replaces_the_quads_of_some_subjects_only(kind, tmp_path):
    """``GraphWriter.amend`` (what an incremental build changes the corpus graph with): the quads of the subjects
    given go, but those of the predicates kept; the other subjects and graphs stay; the new lines are added."""
    graph = URIRef("urn:test:graph")
    other = URIRef("urn:test:other")
    g, o = f"<{graph}>", f"<{other}>"
    lines = [
        ("<urn:a>", "<urn:label>", '"old"', g),
        ("<urn:a>", "<urn:seenIn>", "<urn:doc1>", g),
        ("<urn:b>", "<urn:label>", '"b"', g),
        ("<urn:a>", "<urn:label>", '"elsewhere"', o),
    ]
    store = MemoryStore() if kind == "memory" else OxigraphStore(tmp_path / "store", writable=True)
    with store:
        with store.writer() as write:
            write.replace(graph, [line for line in lines if line[3] == g])
            write.replace(other, [line for line in lines if line[3] == o])
        with store.writer() as write:
            write.amend(
                graph,
                ["<urn:a>"],
                [("<urn:a>", "<urn:label>", '"new"', g), ("<urn:a>", "<urn:seenIn>", "<urn:doc2>", g)],
                keep=frozenset({"<urn:seenIn>"}),
            )
        rows = store.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        found = {(str(r["g"]), str(r["s"]), str(r["p"]), str(r["o"])) for r in rows}
        if kind == "oxigraph":
            assert json.loads((tmp_path / "store" / "newsgraph-store.json").read_text())["quads"] == len(store)
    assert found == {
        (str(graph), "urn:a", "urn:label", "new"),
        (str(graph), "urn:a", "urn:seenIn", "urn:doc1"),
        (str(graph), "urn:a", "urn:seenIn", "urn:doc2"),
        (str(graph), "urn:b", "urn:label", "b"),
        (str(other), "urn:a", "urn:label", "elsewhere"),
    }
