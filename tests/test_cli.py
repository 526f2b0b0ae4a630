"""The command line: help, the main job, bad input, one-line errors, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pyoxigraph
import pytest
from rdflib import Graph, URIRef
from typer.testing import CliRunner

from graph.cli import EXIT_ERROR, EXIT_SKIPPED, app

from .conftest import ROOT, SAMPLE_ARTICLES

runner = CliRunner()
COMMANDS = [["build"], ["extract"], ["query"], ["render"], ["export"], ["eval", "carb"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example: newsgraph " + command[0] in " ".join(result.output.split())


def test_build_writes_turtle_that_rdflib_and_oxigraph_parse_and_a_page(built_sample):
    ttl, page = built_sample / "graph.ttl", built_sample / "graph.html"
    assert ttl.is_file() and page.is_file()
    graph = Graph().parse(ttl)
    store = pyoxigraph.Store()
    store.load(ttl.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(graph) > 100
    assert not [p for p in built_sample.iterdir() if p.name.startswith(".")], "temporary files left behind"


def test_build_twice_gives_identical_turtle(built_sample, tmp_path):
    result = runner.invoke(app, ["build", str(SAMPLE_ARTICLES), "-o", str(tmp_path), "--quiet", "--no-html"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "graph.ttl").read_bytes() == (built_sample / "graph.ttl").read_bytes()


def test_bad_inputs_are_skipped_with_one_line_each_and_exit_status_3(tmp_path):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "good.txt").write_text("The minister met the mayor of Almaty on Monday.", encoding="utf-8")
    (articles / "empty.txt").write_text("", encoding="utf-8")
    (articles / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (articles / "batch.jsonl").write_text('{"id": "j1", "text": "Smith visited Paris."}\n{oops\n', encoding="utf-8")
    result = runner.invoke(app, ["build", str(articles), "-o", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == EXIT_SKIPPED
    skipped = [line for line in result.stderr.splitlines() if line.startswith("newsgraph: skipped ")]
    assert len(skipped) == 3
    assert any("empty.txt: empty file" in line for line in skipped)
    assert any("image.txt: binary file (a PNG image)" in line for line in skipped)
    assert any("batch.jsonl:2: not valid JSON" in line for line in skipped)
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    ids = {str(o) for o in graph.objects(None, URIRef("https://schema.org/identifier"))}
    assert ids == {"good", "j1"}


def test_nothing_readable_is_an_error(tmp_path):
    result = runner.invoke(app, ["build", str(tmp_path / "missing"), "-o", str(tmp_path / "out")])
    assert result.exit_code == EXIT_ERROR
    assert "no such file or directory" in result.stderr
    assert not (tmp_path / "out").exists()


def test_extract_jsonl_has_the_documented_keys():
    result = runner.invoke(app, ["extract", str(SAMPLE_ARTICLES), "--no-gazetteer"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    keys = {
        "doc",
        "sentence",
        "subject",
        "predicate",
        "object",
        "subject_text",
        "object_text",
        "start",
        "end",
        "confidence",
        "extractor",
    }
    assert records and all(keys <= set(r) for r in records)
    assert any(
        r["subject"] == "Nursultan Nazarbayev" and r["predicate"] == "commission" and r["object"] == "Maulen Ashimbayev"
        for r in records
    )


def test_extract_tsv():
    result = runner.invoke(app, ["extract", str(SAMPLE_ARTICLES), "--format", "tsv"])
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == [
        "doc",
        "sentence",
        "subject",
        "predicate",
        "object",
        "confidence",
        "extractor",
        "negated",
        "modality",
        "hedge",
        "support",
    ]
    assert len(lines) > 1 and all(len(line.split("\t")) == 11 for line in lines)
    # negated, modality and hedge as in the JSON Lines records of the same facts
    records = [json.loads(line) for line in runner.invoke(app, ["extract", str(SAMPLE_ARTICLES)]).stdout.splitlines()]
    cells = [line.split("\t") for line in lines[1:]]
    assert [c[7] for c in cells] == ["true" if r["negated"] else "false" for r in records]
    assert [c[8] for c in cells] == [r["modality"] or "" for r in records]
    assert [c[9] for c in cells] == [r["hedge"] or "" for r in records]


def test_extract_min_confidence_and_triples(tmp_path):
    every = runner.invoke(app, ["extract", str(SAMPLE_ARTICLES), "--format", "tsv"]).stdout.splitlines()[1:]
    sure = runner.invoke(app, ["extract", str(SAMPLE_ARTICLES), "--format", "tsv", "--min-confidence", "0.7"])
    kept = sure.stdout.splitlines()[1:]
    assert 0 < len(kept) < len(every) and all(float(line.split("\t")[5]) >= 0.7 for line in kept)
    sentences = tmp_path / "s.txt"
    sentences.write_text("Kim met with Lee in Almaty .\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--format", "triples", "--sentences", str(sentences)])
    rows = [line.split("\t")[2:] for line in result.stdout.splitlines()]
    assert ["met with", "Kim", "Lee"] in rows and ["met with Lee in", "Kim", "Almaty"] in rows


def test_query_render_export(built_sample, tmp_path):
    ttl = built_sample / "graph.ttl"
    result = runner.invoke(app, ["query", str(ttl), "who-commissioned-whom", "--format", "csv"])
    assert result.exit_code == 0 and "Maulen Ashimbayev" in result.stdout
    page = tmp_path / "focus.html"
    result = runner.invoke(app, ["render", str(ttl), "-o", str(page), "--focus", "Ashimbayev", "--hops", "1"])
    assert result.exit_code == 0 and page.is_file(), result.output
    for fmt in ("nt", "nq", "trig", "jsonld", "graphml", "gexf"):
        out = tmp_path / f"g.{fmt}"
        result = runner.invoke(app, ["export", str(ttl), "-o", str(out)])
        assert result.exit_code == 0 and out.stat().st_size > 0, (fmt, result.output)


@pytest.mark.parametrize(
    "args, message",
    [
        (["query", "{missing}", "SELECT * WHERE {?s ?p ?o}"], "no such file"),
        (["query", "{broken}", "SELECT * WHERE {?s ?p ?o}"], "broken.ttl:2: not valid turtle"),
        (["query", "{ttl}", "SELEKT * WHERE"], "SPARQL error"),
        (["query", "{ttl}", "DELETE WHERE { ?s ?p ?o }"], "read-only"),
        (["render", "{ttl}", "-o", "{tmp}/x.html", "--focus", "Nobody Atall"], "No entity named"),
        (["export", "{ttl}", "-o", "{tmp}/x.weird"], "Unknown"),
    ],
)
def test_errors_are_one_line_without_traceback(built_sample, tmp_path, args, message):
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix ex: <urn:ex#> .\nex:a ex:b ex:c ex:d .\n", encoding="utf-8")
    values = {
        "missing": str(tmp_path / "missing.ttl"),
        "broken": str(broken),
        "ttl": str(built_sample / "graph.ttl"),
        "tmp": str(tmp_path),
    }
    for key, value in values.items():
        args = [a.replace("{" + key + "}", value) for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.output


def test_console_script_runs_as_a_module(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-m", "graph", "query", str(tmp_path / "nope.ttl"), "ASK {}"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert done.returncode == EXIT_ERROR
    assert done.stderr.strip().count("\n") == 0 and "no such file" in done.stderr


def test_a_store_build_without_o_writes_its_report_into_the_store(tmp_path, monkeypatch, nlp):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", str(SAMPLE_ARTICLES), "--store", str(tmp_path / "s.oxigraph"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert f"report: {tmp_path / 's.oxigraph' / 'report.json'}" in result.stderr
    assert (tmp_path / "s.oxigraph" / "report.json").is_file() and not (tmp_path / "out").exists()


def test_a_folder_with_files_that_are_not_articles_names_each(tmp_path, nlp):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "good.txt").write_text("The minister met the mayor of Almaty on Monday.", encoding="utf-8")
    (articles / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (articles / "notes.pdf").write_bytes(b"%PDF-1.4\n")
    result = runner.invoke(app, ["build", str(articles), "-o", str(tmp_path / "out"), "--quiet", "--no-html"])
    assert result.exit_code == EXIT_SKIPPED
    skipped = [line for line in result.stderr.splitlines() if line.startswith("newsgraph: skipped ")]
    assert [line.split(": ")[1].split("/")[-1] for line in skipped] == ["notes.pdf", "photo.png"]
    assert all("not an article file" in line for line in skipped)
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert sorted(s["source"] for s in report["skipped"]) == [str(articles / "notes.pdf"), str(articles / "photo.png")]


def test_entities_as_csv(built_sample):
    import csv
    import io

    result = runner.invoke(app, ["entities", str(built_sample / "graph.ttl"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["id", "label", "type", "mentions", "articles", "aliases", "facts", "support"]
    listed = json.loads(runner.invoke(app, ["entities", str(built_sample / "graph.ttl"), "--format", "json"]).stdout)
    assert [r["label"] for r in rows] == [e["label"] for e in listed] and "Maulen Ashimbayev" in {
        r["label"] for r in rows
    }
    person = runner.invoke(app, ["entities", str(built_sample / "graph.ttl"), "-f", "csv", "--type", "person"]).stdout
    assert {r["type"] for r in csv.DictReader(io.StringIO(person))} == {"Person"}


def test_eval_carb_as_csv():
    import csv
    import io

    data = ROOT / "tests" / "data" / "carb"
    args = [
        "eval",
        "carb",
        "--gold",
        str(data / "dev.tsv"),
        "--system",
        str(data / "dev.openie5-output.txt"),
        "--openie5",
    ]
    result = runner.invoke(app, [*args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(row) == ["precision", "recall", "f1", "auc", "threshold"]
    as_json = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    assert {k: float(v) for k, v in row.items()} == as_json and round(as_json["f1"], 3) == 0.458


def test_a_store_folder_works_where_a_graph_file_goes(tmp_path, monkeypatch, nlp):
    """query, entities, timeline and render read a store folder given as GRAPH as if --store were given."""
    monkeypatch.chdir(tmp_path)
    store = tmp_path / "s.oxigraph"
    built = runner.invoke(app, ["build", str(SAMPLE_ARTICLES), "--store", str(store), "--quiet"])
    assert built.exit_code == 0, built.output
    by_folder = runner.invoke(app, ["query", str(store), "who-commissioned-whom", "--format", "json"])
    by_option = runner.invoke(app, ["query", "--store", str(store), "who-commissioned-whom", "--format", "json"])
    assert by_folder.exit_code == 0, by_folder.output
    assert json.loads(by_folder.stdout) == json.loads(by_option.stdout) and "Ashimbayev" in by_folder.stdout
    listed = runner.invoke(app, ["entities", str(store), "--format", "json"])
    assert listed.exit_code == 0 and "Nazarbayev" in listed.stdout
    assert runner.invoke(app, ["entities", "--store", str(store), "--format", "json"]).stdout == listed.stdout
    rendered = runner.invoke(app, ["render", str(store), "-o", str(tmp_path / "v.html")])
    assert rendered.exit_code == 0, rendered.output
    assert "Nazarbayev" in (tmp_path / "v.html").read_text(encoding="utf-8")


def test_a_folder_that_is_no_store_is_named_in_one_line(tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["query", str(tmp_path / "empty"), "roles"])
    assert result.exit_code == EXIT_ERROR
    assert "not an Oxigraph store" in result.stderr and result.stderr.strip().count("\n") == 0
