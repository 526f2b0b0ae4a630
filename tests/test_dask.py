"""Distributed builds on Dask give the graph a single-process build gives; failures leave the store alone."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, isomorphic
from typer.testing import CliRunner

from graph.builder import default_gazetteer
from graph.cli import EXIT_ERROR, EXIT_SKIPPED, app
from graph.cluster import DaskOptions, analyze_partition, plan_partitions
from graph.corpus import PlannedArticle, update_store
from graph.documents import document_from_text
from graph.errors import ClusterError
from graph.rdf.io import union_graph
from graph.rdf.namespaces import ENT
from graph.rdf.stores import OxigraphStore
from graph.shards import ShardError, ShardHeader, article_from_record, article_record, read_shard, write_shard
from graph.types import PipelineConfig

from .conftest import SAMPLE_ARTICLES

pytestmark = pytest.mark.slow  # a Dask LocalCluster of worker processes per test

runner = CliRunner()

try:
    import distributed
except ImportError:  # pragma: no cover - the test extra installs it
    distributed = None

needs_dask = pytest.mark.skipif(
    distributed is None and not os.environ.get("CI"), reason="Dask is not installed (pip install 'newsgraph[dask]')"
)

# articles whose entities merge across each other (short names, transliterations, a title), so
# entity ids depend on the order the articles are merged in
ARTICLES = {
    "b-tokayev.txt": "ASTANA. KAZINFORM President Kassym-Jomart Tokayev met with Maulen Ashimbayev on Monday. "
    "Ashimbayev briefed the President on the work of the Nur Otan Party. Tokayev did not visit Almaty.",
    "c-karin.md": "---\ntitle: Karin in Almaty\npublished: 2019-05-02\n---\n"
    "ALMATY. KAZINFORM Erlan Karin met with the chiefs of the Nur Otan Party. "
    "Karin said that the Party will implement the Ruhani Zhangyru programme.",
    "d-empty.txt": "",
}
JSONL = [
    {
        "id": "toqaev-visit",
        "text": "ALMATY. KAZINFORM K. Toqaev visited Almaty on Tuesday. He met with "
        "Nursultan Nazarbaev and Erlan Karin at the Nur Otan Party headquarters.",
    },
    "{not json",
    {"id": "b-tokayev", "text": "A second article with an id already used by a file."},
    {
        "id": "ashimbayev-speech",
        "text": "NUR-SULTAN. KAZINFORM Maulen Ashimbayev told the Senate that the "
        "Leader of the Nation commissioned him to organize the congress. "
        "Ashimbayev thanked Nazarbayev.",
    },
    {
        "id": "nato",
        "text": "BRUSSELS (Reuters) - The North Atlantic Treaty Organization met on Friday. "
        "NATO officials discussed Kazakhstan with Kassym-Jomart Tokayev.",
    },
]


def _corpus(root: Path) -> Path:
    folder = root / "corpus"
    folder.mkdir()
    shutil.copy(SAMPLE_ARTICLES / "nur-otan-meeting.txt", folder / "a-nur-otan-meeting.txt")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    lines = [item if isinstance(item, str) else json.dumps(item) for item in JSONL]
    (folder / "e-more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _union(folder: Path) -> Graph:
    with OxigraphStore(folder) as store:
        return union_graph(store.to_dataset())


def _named_graphs(folder: Path) -> dict[str, bytes]:
    with OxigraphStore(folder) as store:
        names = {q.graph_name for q in store.store.quads_for_pattern(None, None, None, None)}
        return {str(name): store.store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=name) for name in names}


def _entities(graph: Graph) -> set[URIRef]:
    return {
        term
        for triple in graph
        for term in triple
        if isinstance(term, URIRef) and term.startswith(str(ENT)) and "/membership/" not in term
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _corpus(tmp_path_factory.mktemp("dask"))


@pytest.fixture(scope="module")
def local_build(corpus, tmp_path_factory, nlp) -> Path:
    """The single-process build of the corpus: the reference."""
    out = tmp_path_factory.mktemp("local")
    result = runner.invoke(app, ["build", str(corpus), "--store", str(out / "store"), "-o", str(out), "--quiet"])
    assert result.exit_code == EXIT_SKIPPED, result.output
    return out


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of two worker processes for the library-level tests, its scheduler address."""
    if distributed is None:
        pytest.fail("Dask is not installed (pip install 'newsgraph[dask]')")
    import logging

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    ) as running:
        yield running.scheduler_address


@needs_dask
def test_a_dask_build_gives_the_graph_of_a_single_process_build(corpus, local_build, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "build",
            str(corpus),
            "--store",
            str(out / "store"),
            "-o",
            str(out),
            "--quiet",
            "--dask",
            "local",
            "--processes",
            "2",
            "--shards",
            str(tmp_path / "shards"),
        ],
    )
    assert result.exit_code == EXIT_SKIPPED, result.output
    reference, distributed_graph = _union(local_build / "store"), _union(out / "store")
    assert isomorphic(reference, distributed_graph), graph_diff(reference, distributed_graph)
    ids = _entities(distributed_graph)
    assert ids == _entities(reference) and ENT.Maulen_Ashimbayev in ids and len(ids) > 30
    # more than isomorphic: every named graph (each article's, the corpus graph) is the same
    assert _named_graphs(out / "store") == _named_graphs(local_build / "store")
    report, expected = (json.loads((o / "report.json").read_text()) for o in (out, local_build))
    assert report["skipped"] == expected["skipped"]
    where = {s["source"].rsplit("/", 1)[-1] + (f":{s['line']}" if s["line"] else "") for s in report["skipped"]}
    assert where == {"d-empty.txt", "e-more.jsonl:2", "e-more.jsonl:3"}  # empty, not JSON, id used twice
    assert report["articles"] == expected["articles"] and report["articles"]["built"] == 6
    assert not (tmp_path / "shards").exists()  # the build's shards are removed afterwards


def test_partitions_are_contiguous_runs_in_input_order(tmp_path):
    todo = [PlannedArticle(id=f"a{i}", content_hash="h", path=str(tmp_path / f"a{i}.txt"), words=100) for i in range(3)]
    todo += [
        PlannedArticle(id=f"j{n}", content_hash="h", path=f"{tmp_path / 'big.JSONL'}:{n}", words=100)
        for n in (1, 2, 4, 5, 7, 8, 9)
    ]
    given = document_from_text("given", "A text given as a value.")
    todo.append(PlannedArticle(id="given", content_hash=given.content_hash, path=None, words=5, document=given))
    partitions = plan_partitions(todo, workers=2, per_worker=2)
    assert len(partitions) == 4 and [p.number for p in partitions] == [0, 1, 2, 3]
    assert [a.id for p in partitions for a in p.articles] == [a.id for a in todo]
    jsonl = [a for p in partitions for a in p.articles if a.line is not None]
    assert {a.file for a in jsonl} == {str(tmp_path / "big.JSONL")} and [a.line for a in jsonl] == [1, 2, 4, 5, 7, 8, 9]
    assert len({p.number for p in partitions for a in p.articles if a.line is not None}) > 1  # split by lines
    assert partitions[-1].articles[-1].document == given
    # capped by words, however many workers
    capped = plan_partitions(todo, workers=1, per_worker=1, max_words=250)
    assert len(capped) >= 5 and all(p.words <= 250 for p in capped)
    assert [a.id for p in capped for a in p.articles] == [a.id for a in todo]


def test_a_shard_round_trips_resolved_articles(sample_kg, nlp, sample_document, tmp_path):
    from graph.pipeline import analyze_documents

    articles = list(analyze_documents([sample_document]))
    assert article_from_record(json.loads(json.dumps(article_record(articles[0])))) == articles[0]
    path = tmp_path / "part-00000.jsonl.gz"
    header = ShardHeader(build="b1", partition=0, articles=1, newsgraph="0")
    write_shard(path, header, articles)
    assert list(read_shard(path, build="b1", partition=0)) == articles
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left
    with pytest.raises(ShardError, match="not build 'b2'"):
        list(read_shard(path, build="b2", partition=0))
    with pytest.raises(ShardError, match="written by newsgraph 0"):
        list(read_shard(path, build="b1", partition=0, version="9"))
    path.write_bytes(path.read_bytes()[:-20])
    with pytest.raises(ShardError, match="damaged shard"):
        list(read_shard(path, build="b1", partition=0))
    with pytest.raises(ShardError, match="2 expected"):
        write_shard(
            tmp_path / "short.jsonl.gz", ShardHeader(build="b", partition=0, articles=2, newsgraph="0"), articles
        )
    assert not (tmp_path / "short.jsonl.gz").exists()
    with gzip.open(tmp_path / "other.gz", "wt") as out:
        out.write("{}\n")
    with pytest.raises(ShardError, match="not a newsgraph shard"):
        list(read_shard(tmp_path / "other.gz", build="b", partition=0))


def _dies_once(partition, settings):
    """A partition task whose first run on partition 1 leaves half a shard and kills its worker."""
    flag = Path(settings.shards).parent / "died"
    if partition.number == 1 and not flag.exists():
        flag.touch()
        (Path(settings.shards) / ".part-00001.jsonl.gz.0123.tmp").write_bytes(b"\x1f\x8b half a shard")
        os._exit(1)
    return analyze_partition(partition, settings)


def _always_fails(partition, settings):
    raise RuntimeError(f"no luck with\npartition {partition.number}")


def _documents(corpus: Path):
    from graph.documents import load_documents

    return load_documents([corpus], on_problem=lambda problem: None)


@needs_dask
def test_a_worker_that_dies_mid_partition_is_replaced_and_the_graph_is_the_same(
    corpus, local_build, cluster, tmp_path, monkeypatch
):
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers need not import the tests
    monkeypatch.setattr("graph.cluster._PARTITION_TASK", _dies_once)
    shards = tmp_path / "shards"
    with OxigraphStore(tmp_path / "store", writable=True) as store:
        # Documents given as values travel with their tasks
        done = update_store(
            store,
            _documents(corpus),
            config=PipelineConfig(gazetteer=default_gazetteer()),  # as the CLI
            dask=DaskOptions(cluster, shards, retries=0),
        )
    assert (shards / "died").exists() and [p.name for p in shards.iterdir()] == ["died"]
    assert len(done.added) == 6
    assert _named_graphs(tmp_path / "store") == _named_graphs(local_build / "store")


@needs_dask
def test_a_partition_that_keeps_failing_stops_the_build_and_leaves_the_store(
    corpus, cluster, tmp_path, monkeypatch, sample_document
):
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    folder = tmp_path / "store"
    with OxigraphStore(folder, writable=True) as store:
        update_store(store, [sample_document])
    before = _named_graphs(folder)
    monkeypatch.setattr("graph.cluster._PARTITION_TASK", _always_fails)
    with OxigraphStore(folder, writable=True) as store, pytest.raises(ClusterError) as failed:
        update_store(store, _documents(corpus), dask=DaskOptions(cluster, tmp_path / "shards", retries=1))
    message = str(failed.value)
    assert "\n" not in message and "after 2 attempt(s): RuntimeError: no luck with partition" in message
    assert _named_graphs(folder) == before
    assert not (tmp_path / "shards").exists()


def test_without_dask_the_build_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    result = runner.invoke(app, ["build", str(SAMPLE_ARTICLES), "-o", str(tmp_path / "out"), "--dask", "local"])
    assert result.exit_code == EXIT_ERROR
    assert result.output.strip().splitlines() == [
        "newsgraph: error: --dask needs Dask, which is not installed: pip install 'newsgraph[dask]'"
    ]
    assert not (tmp_path / "out").exists()


def test_dask_options_are_checked_before_anything_runs(tmp_path):
    result = runner.invoke(app, ["build", str(SAMPLE_ARTICLES), "-o", str(tmp_path / "out"), "--shards", "x"])
    assert result.exit_code == EXIT_ERROR and "--shards is for a build with --dask" in result.output
    result = runner.invoke(app, ["build", str(SAMPLE_ARTICLES), "-o", str(tmp_path / "out"), "--dask", "lcoal"])
    assert result.exit_code == EXIT_ERROR and "not 'lcoal'" in result.output
    assert not (tmp_path / "out").exists()


@needs_dask
def test_a_scheduler_that_is_not_there_is_one_line(tmp_path, sample_document):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    with OxigraphStore(tmp_path / "store", writable=True) as store, pytest.raises(ClusterError) as failed:
        update_store(store, [sample_document], dask=DaskOptions(address, tmp_path / "shards", connect_timeout=1))
    assert str(failed.value).startswith(f"cannot reach the Dask scheduler {address} (")
    assert "\n" not in str(failed.value) and not (tmp_path / "shards").exists()
