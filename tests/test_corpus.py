"""Incremental builds into a store: skip unchanged, replace changed, merge entities, fail cleanly."""

from __future__ import annotations

import json
from dataclasses import replace

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from graph.cli import EXIT_ERROR, app
from graph.corpus import read_entity_uses, update_store
from graph.documents import document_from_text
from graph.pipeline import build_graph
from graph.rdf.model import CORPUS_GRAPH, to_dataset
from graph.rdf.namespaces import DOC, ENT, NKG
from graph.rdf.stores import MemoryStore, OxigraphStore
from graph.rdf.validate import validate_graph
from graph.resolve import EntityIndex

from .conftest import SAMPLE_ARTICLES

runner = CliRunner()

SECOND = (
    "ASTANA. KAZINFORM President Kassym-Jomart Tokayev met with Maulen Ashimbayev on Monday. "
    "Ashimbayev briefed the President on the work of the Nur Otan Party. Tokayev did not visit Almaty."
)
SAMPLE_CHANGED = (
    "NUR-SULTAN. KAZINFORM Maulen Ashimbayev met the chiefs of the Nur Otan Party. Erlan Karin visited Almaty."
)


@pytest.fixture(scope="module")
def second_document():
    return document_from_text("second-meeting", SECOND, published="2019-04-24")


def _dump(folder) -> bytes:
    with OxigraphStore(folder) as store:
        return store.store.dump(format=pyoxigraph.RdfFormat.N_QUADS)


def _quads_by_graph(dataset: Dataset) -> dict[str, Graph]:
    graphs: dict[str, Graph] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = str(g.identifier if hasattr(g, "identifier") else g)
        graphs.setdefault(name, Graph()).add((s, p, o))
    return graphs


def _same_dataset(a: Dataset, b: Dataset) -> bool:
    left, right = _quads_by_graph(a), _quads_by_graph(b)
    return left.keys() == right.keys() and all(isomorphic(left[k], right[k]) for k in left)


def test_the_same_input_twice_changes_nothing(sample_document, tmp_path, nlp):
    folder = tmp_path / "store"
    with OxigraphStore(folder, writable=True) as store:
        first = update_store(store, [sample_document])
    assert first.added == (sample_document.id,) and first.facts > 10
    before = _dump(folder)
    with OxigraphStore(folder, writable=True) as store:
        again = update_store(store, [sample_document])
    assert again.unchanged == (sample_document.id,) and not again.changed and again.facts == 0
    assert _dump(folder) == before


def test_adding_an_article_gives_what_building_both_at_once_gives(sample_document, second_document, tmp_path, nlp):
    folder = tmp_path / "store"
    with OxigraphStore(folder, writable=True) as store:
        update_store(store, [sample_document])
        added = update_store(store, [sample_document, second_document])
        incremental = store.to_dataset()
    assert added.added == ("second-meeting",) and added.unchanged == (sample_document.id,)
    together = to_dataset(build_graph([sample_document, second_document]))
    assert _same_dataset(incremental, together)


def test_entities_merge_with_the_ones_in_the_store(sample_document, second_document, tmp_path, nlp):
    store = MemoryStore()
    update_store(store, [sample_document])
    ids_before = set(store.dataset.subjects(None, NKG.Entity))
    update_store(store, [second_document])
    data = store.dataset
    ashimbayev = ENT.Maulen_Ashimbayev
    assert set(data.objects(ashimbayev, NKG.mentionedIn)) == {DOC[sample_document.id], DOC["second-meeting"]}
    assert len(list(data.objects(ashimbayev, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")))) == 1
    # an id once given stays; the second article's facts use it
    assert ids_before <= set(data.subjects(None, NKG.Entity))
    second_graph = data.graph(URIRef(f"{DOC['second-meeting']}/graph"))
    assert any(o == ashimbayev for o in second_graph.objects(None, None))


def test_a_changed_article_replaces_its_own_facts(sample_document, second_document, tmp_path, nlp):
    folder = tmp_path / "store"
    with OxigraphStore(folder, writable=True) as store:
        update_store(store, [sample_document, second_document])
        changed = document_from_text(sample_document.id, SAMPLE_CHANGED)
        done = update_store(store, [changed])
        result = store.to_dataset()
        uses = read_entity_uses(store)
    assert done.replaced == (sample_document.id,) and not done.added
    # a changed article is read again after the articles the store keeps (ids are first come, first
    # served, and the kept articles' ids never change): as a build of the kept ones, then it
    assert _same_dataset(result, to_dataset(build_graph([second_document, changed])))
    # what only the old version said is gone, with the entities only it mentioned
    labels = {str(o) for o in result.objects(None, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))}
    assert "Qutty Meken" not in labels and "Erlan Karin" in labels
    assert {u.doc_id for u in uses} == {sample_document.id, "second-meeting"}


def test_entity_uses_round_trip_through_a_store(sample_kg):
    store = MemoryStore(to_dataset(sample_kg))
    uses = read_entity_uses(store)
    assert len(uses) == len(sample_kg.entity_uses)
    index = EntityIndex()
    for use in uses:
        index.restore(use)
    assert index.entities() == list(sample_kg.entities)


def test_a_failed_build_leaves_the_store_as_it_was(sample_document, second_document, tmp_path, monkeypatch, nlp):
    folder = tmp_path / "store"
    with OxigraphStore(folder, writable=True) as store:
        update_store(store, [sample_document])
    before = _dump(folder)

    import graph.corpus

    real = graph.corpus.merge_article
    calls = []

    def broken(*args, **kwargs):  # the first article is written, the second fails
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("the parser crashed half way")
        return real(*args, **kwargs)

    monkeypatch.setattr("graph.corpus.merge_article", broken)  # a build that reads the whole store
    monkeypatch.setattr("graph.increments.merge_article", broken)  # one that reads what its articles touch
    third = replace(second_document, id="third", text=second_document.text + " The mayor agreed.")
    with OxigraphStore(folder, writable=True) as store, pytest.raises(RuntimeError):
        update_store(store, [second_document, third])
    assert len(calls) == 2
    assert _dump(folder) == before
    calls.clear()
    with OxigraphStore(tmp_path / "new", writable=True) as store, pytest.raises(RuntimeError):
        update_store(store, [second_document, third])
    assert not (tmp_path / "new").exists(), "a store a failed first build started is removed"


@pytest.mark.slow  # builds and runs pySHACL through the command line
def test_build_store_from_the_command_line_validates(tmp_path, nlp):
    folder = tmp_path / "corpus.oxigraph"
    result = runner.invoke(app, ["build", str(SAMPLE_ARTICLES), "--store", str(folder), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "1 article(s) added" in result.stderr and not (tmp_path / "out").exists()
    with OxigraphStore(folder) as store:
        assert validate_graph(store.to_dataset()).conforms
        assert str(CORPUS_GRAPH) in store.graph_names()
    result = runner.invoke(app, ["build", str(SAMPLE_ARTICLES), "--store", str(folder), "--quiet"])
    assert result.exit_code == 0 and "0 article(s) added, 0 replaced, 1 unchanged" in result.stderr
    result = runner.invoke(app, ["build", str(tmp_path / "missing"), "--store", str(folder), "--quiet"])
    assert result.exit_code == EXIT_ERROR


def test_two_articles_with_one_id_are_a_problem(second_document):
    from graph.errors import InputError

    problems: list[InputError] = []
    store = MemoryStore()
    with pytest.raises(InputError, match="already used"):
        update_store(store, [second_document, second_document])
    assert len(store) == 0
    from graph.corpus import _documents

    assert list(_documents([second_document, second_document], problems.append, 10**6)) == [second_document]
    assert len(problems) == 1


def test_a_few_new_articles_read_only_what_they_touch_and_give_what_a_full_build_gives(nlp, tmp_path, monkeypatch):
    """Adding articles one build at a time to an Oxigraph store takes the path that reads the records they touch
    by key (graph.increments), not every article's evidence; the store and the changes each article makes are
    those of one build of all of them, in the same order."""
    from graph.rdf.index_store import STATE_FILE
    from graph.rdf.order import read_build_order
    from graph.types import PipelineConfig

    from .benchmarks.stream_benchmark import generate_stream

    config = PipelineConfig(gazetteer=None)
    documents, _truth = generate_stream(36)
    with OxigraphStore(tmp_path / "whole", writable=True) as store:
        whole = update_store(store, documents, config=config)
        expected = store.to_dataset()
    assert (tmp_path / "whole" / STATE_FILE).is_file()

    def whole_store_read(*args, **kwargs):
        raise AssertionError("an incremental build of a few articles read every article of the store")

    with OxigraphStore(tmp_path / "stepwise", writable=True) as store:
        first = update_store(store, documents[:24], config=config)
        monkeypatch.setattr("graph.corpus.read_evidence", whole_store_read)
        monkeypatch.setattr("graph.corpus.read_entity_uses", whole_store_read)
        later = [update_store(store, [document], config=config) for document in documents[24:]]
        stepwise = store.to_dataset()
        assert read_build_order(store) == [d.id for d in documents]
        census = json.loads((tmp_path / "stepwise" / "newsgraph-store.json").read_text(encoding="utf-8"))
        assert census["quads"] == len(store.store)  # counted from the graphs each small build changed
    assert _same_dataset(stepwise, expected)
    records = [c.record() for c in (*first.changes, *(c for done in later for c in done.changes))]
    assert records == [c.record() for c in whole.changes]
    assert any(r["conflicts"] for r in records[24:]) and any(r["confirms"] for r in records[24:])


def test_a_build_state_that_is_not_the_stores_is_ignored(sample_document, second_document, tmp_path, nlp):
    """A state file whose census is not the store's (the store changed without it) or that cannot be read is
    ignored: the build reads the store in full, gives the right graph and leaves a new state."""
    from graph.rdf.index_store import STATE_FILE, read_state

    folder = tmp_path / "store"
    with OxigraphStore(folder, writable=True) as store:
        update_store(store, [sample_document])
    state = (folder / STATE_FILE).read_bytes()
    assert read_state(folder) is not None
    census = folder / "newsgraph-store.json"
    census.write_text(census.read_text().replace('"quads": ', '"quads": 1'), encoding="utf-8")
    assert read_state(folder) is None  # another census
    (folder / STATE_FILE).write_bytes(b"\x80\x04cos\nsystem\n.")  # no index: refused, never run
    assert read_state(folder) is None
    (folder / STATE_FILE).write_bytes(state)
    with OxigraphStore(folder, writable=True) as store:
        store._write_census(len(store.store))
        update_store(store, [sample_document, second_document])
        incremental = store.to_dataset()
    assert read_state(folder) is not None
    assert _same_dataset(incremental, to_dataset(build_graph([sample_document, second_document])))
