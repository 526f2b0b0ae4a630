"""graph.builder: the one path every build that writes takes (newsgraph build, graph.build, notebooks)."""

from __future__ import annotations

import json

import pytest
from rdflib.compare import isomorphic

import graph
from graph.builder import build_dataset, build_folder, build_store
from graph.errors import NewsgraphError
from graph.rdf.io import read_graph, union_graph
from graph.types import PipelineConfig

from .conftest import SAMPLE_ARTICLES


def test_the_folder_build_is_what_the_command_line_writes(built_sample, tmp_path, nlp):
    from graph.builder import default_gazetteer

    result = build_folder([SAMPLE_ARTICLES], tmp_path / "out", config=PipelineConfig(gazetteer=default_gazetteer()))
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (built_sample / "graph.ttl").read_bytes()
    assert result.outputs == (str(tmp_path / "out" / "graph.ttl"), str(tmp_path / "out" / "graph.html"))
    assert result.status == 0 and result.report == tmp_path / "out" / "report.json"
    report = json.loads(result.report.read_text(encoding="utf-8"))
    assert report["articles"]["added"] == 1 and report["exit_status"] == 0 and report["skipped"] == []
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.html", "graph.ttl", "report.json"]


def test_graph_build_writes_through_the_builder_the_same_turtle(built_sample, tmp_path, nlp):
    kg = graph.build(SAMPLE_ARTICLES, output=tmp_path / "sample.ttl")  # the bundled gazetteer, as the CLI
    assert (tmp_path / "sample.ttl").read_bytes() == (built_sample / "graph.ttl").read_bytes()
    assert isomorphic(union_graph(kg), union_graph(read_graph(built_sample / "graph.ttl")))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample.ttl"]  # no staging store left


def test_build_dataset_without_output_writes_nothing(sample_dataset, sample_document, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    dataset = build_dataset([sample_document])  # no gazetteer: the library's default
    assert isomorphic(union_graph(dataset), union_graph(sample_dataset))
    assert list(tmp_path.iterdir()) == []


def test_a_store_build_reports_into_the_store_folder_or_the_folder_given(tmp_path, monkeypatch, nlp):
    monkeypatch.chdir(tmp_path)  # a report nobody asked for would land in ./out
    store = tmp_path / "corpus.oxigraph"
    first = build_store([SAMPLE_ARTICLES], store)
    assert first.report == store / "report.json" and first.outputs == (str(store),)
    assert json.loads(first.report.read_text(encoding="utf-8"))["articles"]["added"] == 1
    again = build_store([SAMPLE_ARTICLES], store, report_folder=tmp_path / "reports")
    assert again.report == tmp_path / "reports" / "report.json"
    assert json.loads(again.report.read_text(encoding="utf-8"))["articles"]["unchanged"] == 1
    assert not (tmp_path / "out").exists()


def test_nothing_readable_is_an_error_and_leaves_no_folder(tmp_path):
    with pytest.raises(NewsgraphError, match="no readable articles"):
        build_folder([tmp_path / "missing"], tmp_path / "out", on_problem=lambda problem: None)
    assert not (tmp_path / "out").exists()


def test_skipped_inputs_are_reported_and_give_status_3(tmp_path, nlp):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "good.txt").write_text("The minister met the mayor of Almaty on Monday.", encoding="utf-8")
    (articles / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    seen = []
    result = build_folder([articles], tmp_path / "out", html=False, on_problem=seen.append)
    assert [p.path for p in seen] == [p.path for p in result.skipped] == [str(articles / "photo.png")]
    assert result.status == 3
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [s["source"] for s in report["skipped"]] == [str(articles / "photo.png")] and report["exit_status"] == 3


def test_the_pipeline_config_is_frozen_and_checked():
    config = PipelineConfig(extractors=["clauses.v1"])
    assert config.extractors == ("clauses.v1",) and PipelineConfig(extractors=[]).extractors is None
    with pytest.raises(AttributeError):
        config.model = "en_core_web_lg"  # type: ignore[misc]
    with pytest.raises(ValueError, match="processes"):
        PipelineConfig(processes=0)


def test_min_confidence_leaves_the_weaker_facts_out_of_the_folder(tmp_path, nlp):
    from rdflib import Literal

    from graph.rdf.namespaces import NKG

    every = union_graph(read_graph(build_folder([SAMPLE_ARTICLES], tmp_path / "all", html=False).outputs[0]))
    sure = union_graph(
        read_graph(build_folder([SAMPLE_ARTICLES], tmp_path / "sure", html=False, min_confidence=0.7).outputs[0])
    )
    kept = [c.toPython() for c in sure.objects(None, NKG.confidence) if isinstance(c, Literal)]
    assert kept and min(kept) >= 0.7
    assert len(kept) < len(list(every.objects(None, NKG.confidence)))
