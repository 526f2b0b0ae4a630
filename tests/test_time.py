"""Time and change (issue 16): dated assertions, support across articles, what each new article changes, removal."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, XSD
from typer.testing import CliRunner

from graph.cli import EXIT_ERROR, app
from graph.corpus import update_store
from graph.documents import iter_inputs
from graph.errors import InputError, NewsgraphError
from graph.rdf.namespaces import NKG
from graph.rdf.stores import OxigraphStore
from graph.rdf.support import Evidence, Holding, Ledger, position_slot
from graph.removal import remove_articles
from graph.types import Document, PipelineConfig

from .benchmarks.stream_benchmark import generate_stream, same_dataset, score_changes

runner = CliRunner()
CONFIG = PipelineConfig(gazetteer=None)


def _dump(folder) -> set:
    with OxigraphStore(folder) as store:
        return set(store.to_dataset().quads((None, None, None, None)))


# ---------------------------------------------------------------------------------------- rules, no model


def test_a_position_slot_is_a_head_of_an_organisation():
    assert position_slot("chief executive", "Acme Corp") == ("chief executive", "acme corp")
    assert position_slot("the Chairman", "Nur Otan Party") == ("chairman", "nur otan party")
    for role in ("deputy chairman", "vice president", "member", "founder", "board members"):
        assert position_slot(role, "Acme Corp") is None, role
    assert position_slot("chief executive", "") is None


def test_an_organisation_whose_id_is_numbered_apart_is_the_same_position():
    """``Acme_Corp~2`` (an id numbered apart because one article typed the name otherwise) names Acme Corp: its
    chief executive is the one position, whether read from a title or from a fact."""
    from graph.rdf.evidence import _add_membership
    from graph.rdf.namespaces import ENT
    from graph.rdf.support import fact_slot

    holdings: set[Holding] = set()
    for org in ("Acme_Corp", "Acme_Corp~2"):
        _add_membership(
            holdings,
            f"<{ENT}membership/{org}>",
            "<p>",
            f"<{ENT}{org}>",
            f"<{ENT}role/chief_executive>",
            "d",
            "2020-01-01",
        )
    assert {h.slot for h in holdings} == {("chief executive", "acme corp")}
    named = "<https://w3id.org/newsgraph/relation/name>"
    assert fact_slot(("<p>", named, f"<{ENT}chief_executive_of_Acme_Corp~2>")) == ("chief executive", "acme corp")


def test_a_change_of_holder_supersedes_and_a_repeat_does_not():
    slot = ("chief executive", "acme")
    a1 = Holding(slot, "2019-03-01", "<A>", "<a1>", "first")
    ledger = Ledger()
    ledger.add([Evidence(("<A>", "<be>", "<ceo>"), "first", None, "2019-03-01", None)], [a1])
    repeat = Holding(slot, "2019-03-01", "<A>", "<a1>", "repeat")
    changes = ledger.classify(
        "repeat", "2020-01-01", [Evidence(("<A>", "<be>", "<ceo>"), "repeat", None, "2020-01-01", None)], [repeat]
    )
    assert changes.conflicts == [] and changes.new == [] and changes.confirms[0]["articles"] == 1
    ledger.add([], [repeat])
    b = Holding(slot, "2021-06-01", "<B>", "<b1>", "second")
    changes = ledger.classify("second", "2021-06-02", [], [b])
    assert [(c["was"], c["now"], c["since"]) for c in changes.conflicts] == [("A", "B", "2021-06-01")]
    ledger.add([], [b])
    assert list(ledger.supersessions()) == [("<a1>", "<b1>", "2021-06-01")]
    # an old appointment reported late is superseded by the later holder, not a new change of hands
    late = ledger.classify("late", "2022-01-01", [], [Holding(slot, "2019-03-01", "<A>", "<a1>", "late")])
    assert late.conflicts == []
    # an appointment re-reported without its day, after someone else took over, is the known one again
    again = ledger.classify("again", "2023-01-01", [], [Holding(slot, "2023-01-01", "<A>", "<a2>", "again", weak=True)])
    assert again.conflicts == []
    # a new holder's appointment without its day is dated by the article: a change
    new = ledger.classify("new", "2023-01-01", [], [Holding(slot, "2023-01-01", "<C>", "<c1>", "new", weak=True)])
    assert [(c["was"], c["now"]) for c in new.conflicts] == [("B", "C")]


# ---------------------------------------------------------------------------------------- with the model


def test_an_assertion_carries_its_article_day_and_the_normalised_time(nlp, tmp_path):
    document = Document(
        id="dated",
        published="2024-03-13",
        source="Daily Ledger",
        text="Maria Keller was named chief executive of Norvik Holdings on Monday. "
        "Norvik Holdings has employed Tomas Brandt since 2015.",
    )
    with OxigraphStore(tmp_path / "store", writable=True) as store:
        update_store(store, [document], config=CONFIG)
        dataset = store.to_dataset()
    named = [
        a for a in dataset.subjects(RDF.type, NKG.Assertion) if dataset.value(a, NKG.timeText) == Literal("on Monday")
    ]
    assert named, "the fact of the first sentence"
    a = named[0]
    assert dataset.value(a, NKG.reportedOn) == Literal("2024-03-13", datatype=XSD.date)
    assert dataset.value(a, NKG.time) == Literal("2024-03-11", datatype=XSD.date)
    assert dataset.value(a, NKG.timeStart) == dataset.value(a, NKG.timeEnd) == Literal("2024-03-11", datatype=XSD.date)
    since = [a for a in dataset.subjects(NKG.timeText, None) if "2015" in str(dataset.value(a, NKG.timeText))]
    if since:  # "since 2015": open at its end
        assert dataset.value(since[0], NKG.timeStart) == Literal("2015-01-01", datatype=XSD.date)
        assert dataset.value(since[0], NKG.timeEnd) is None
    supports = list(dataset.subjects(RDF.type, NKG.Support))
    assert supports and all(dataset.value(s, NKG.support) == Literal(1) for s in supports)
    assert all(dataset.value(s, NKG.firstSeen) == Literal("2024-03-13", datatype=XSD.date) for s in supports)


def test_one_fact_read_twice_in_an_article_with_and_without_a_time_builds(nlp, tmp_path):
    """The article's two readings of one triple differ only in the time; their evidence must still sort."""
    document = Document(
        id="twice", published="2024-03-13", text="Acme bought Globex. Acme bought Globex on Monday, the company said."
    )
    with OxigraphStore(tmp_path / "store", writable=True) as store:
        update_store(store, [document], config=CONFIG)
        dataset = store.to_dataset()
    times = {str(dataset.value(a, NKG.timeText)) for a in dataset.subjects(RDF.type, NKG.Assertion)}
    assert "on Monday" in times and "None" in times  # both readings kept
    supports = list(dataset.subjects(RDF.type, NKG.Support))
    assert supports and all(dataset.value(s, NKG.support) == Literal(1) for s in supports)  # one article


@pytest.fixture(scope="module")
def stream():
    return generate_stream(60)


def test_a_stream_of_changing_positions_every_change_detected_and_removal_equals_a_rebuild(stream, nlp, tmp_path):
    documents, truth = stream
    folder = tmp_path / "store"
    with OxigraphStore(folder, writable=True) as store:  # two incremental builds: the stream arrives over time
        first = update_store(store, documents[:40], config=CONFIG)
        second = update_store(store, documents[40:], config=CONFIG)
    records = [c.record() for c in (*first.changes, *second.changes)]
    assert [r["article"] for r in records] == [d.id for d in documents]
    score = score_changes(records, truth)
    assert score["detected"] == score["changes"] >= 5, score["missed"]
    assert score["false_conflicts"] == []
    assert sum(len(r["confirms"]) for r in records) > 10  # repeats confirm known facts
    with OxigraphStore(folder) as store:
        dataset = store.to_dataset()
    superseded = set(dataset.subjects(NKG.supersededBy, None))
    assert superseded and all(dataset.value(s, NKG.validUntil) is not None for s in superseded)
    assert max(int(o) for o in dataset.objects(None, NKG.support)) > 1

    removed = {d.id for d in documents[5::6]}
    with OxigraphStore(folder, writable=True) as store:
        done = remove_articles(store, sorted(removed))
        after = store.to_dataset()
    assert set(done.removed) == removed
    with OxigraphStore(tmp_path / "fresh", writable=True) as store:
        update_store(store, [d for d in documents if d.id not in removed], config=CONFIG)
        fresh = store.to_dataset()
    assert same_dataset(after, fresh)


def test_removing_an_id_the_store_does_not_hold_changes_nothing(sample_store, tmp_path):
    before = _dump(sample_store)
    with OxigraphStore(sample_store, writable=True) as store, pytest.raises(NewsgraphError, match="no article 'nope'"):
        remove_articles(store, ["nur-otan-meeting", "nope"])
    assert _dump(sample_store) == before
    result = runner.invoke(app, ["remove", "nope", "--store", str(sample_store)])
    assert result.exit_code == EXIT_ERROR and result.output.count("\n") == 1 and "nope" in result.output
    assert _dump(sample_store) == before


def test_impossible_and_future_dates_are_skipped_with_a_reason_and_change_nothing(nlp, tmp_path):
    future = (date.today() + timedelta(days=30)).isoformat()
    documents = [
        Document(id="ok", text="Maria Keller met with Tomas Brandt in Oslo.", published="2024-03-13"),
        Document(id="impossible", text="Maria Keller met with Tomas Brandt.", published="2024-02-30"),
        Document(id="future", text="Maria Keller met with Tomas Brandt.", published=future),
        Document(id="undated", text="Maria Keller met with Tomas Brandt."),
        Document(id="ok", text="Another text under an id already used.", published="2024-03-14"),
    ]
    problems: list[InputError] = []
    with OxigraphStore(tmp_path / "store", writable=True) as store:
        done = update_store(store, documents, config=CONFIG, on_problem=problems.append)
        held = set(store.article_hashes())
    assert held == {"ok", "undated"} and done.undated == ("undated",)
    reasons = {p.path: p.reason for p in problems}
    assert "not a real day" in reasons["impossible"] and "in the future" in reasons["future"]
    assert "already used" in reasons["ok"] and len(problems) == 3
    with OxigraphStore(tmp_path / "store", writable=True) as store, pytest.raises(InputError, match="future"):
        update_store(store, [documents[2]], config=CONFIG)


def test_a_change_of_holder_is_reported_once_on_the_day_the_sentence_gives(nlp, tmp_path):
    """A passive appointment ("was named chief executive of C on Tuesday") is read twice, as a fact and as a
    membership: one change, dated by the sentence; a later repeat of the old appointment is no change."""
    rows = [
        ("a", "2015-01-16", "Ilse Marro was named chief executive of Korvath Freight on January 13, 2015."),
        ("b", "2015-06-01", "Tobias Wrenn was named chief executive of Korvath Freight on Tuesday."),
        ("c", "2016-01-11", "Ilse Marro was appointed chief executive of Korvath Freight on 13 January 2015."),
    ]
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "published": p, "text": t}) + "\n" for i, p, t in rows))
    changes = tmp_path / "changes.jsonl"
    result = runner.invoke(app, ["build", str(corpus), "--store", str(tmp_path / "s"), "--changes", str(changes)])
    assert result.exit_code == 0, result.output
    conflicts = {r["article"]: r["conflicts"] for r in map(json.loads, changes.read_text().splitlines())}
    assert conflicts["a"] == [] and conflicts["c"] == []
    (change,) = conflicts["b"]
    assert (change["was"], change["now"], change["since"]) == ("Ilse_Marro", "Tobias_Wrenn", "2015-05-26")


def test_build_changes_remove_and_timeline_on_the_command_line(stream, nlp, tmp_path):
    documents, _truth = stream
    corpus = tmp_path / "stream.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": d.id, "text": d.text, "published": d.published, "source": d.source}) + "\n"
            for d in documents[:20]
        ),
        encoding="utf-8",
    )
    store, changes = tmp_path / "store", tmp_path / "changes.jsonl"
    result = runner.invoke(app, ["build", str(corpus), "--store", str(store), "--changes", str(changes), "--quiet"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in changes.read_text().splitlines()]
    assert len(records) == 20 and {"article", "published", "new", "confirms", "conflicts"} <= records[0].keys()
    report = json.loads((store / "report.json").read_text())
    assert report["changes"]["new"] == sum(len(r["new"]) for r in records)
    person = documents[0].text.split(" was ")[0]
    for fmt in ("table", "csv", "json"):
        shown = runner.invoke(app, ["timeline", person, "--store", str(store), "--format", fmt])
        assert shown.exit_code == 0 and person in shown.output, shown.output
    shown = runner.invoke(app, ["timeline", person, "--store", str(store), "--format", "json"])
    rows = json.loads(shown.output)
    rows = rows.get("results", {}).get("bindings", rows) if isinstance(rows, dict) else rows
    assert rows
    missing = runner.invoke(app, ["timeline", "Nobody At All", "--store", str(store)])
    assert missing.exit_code == EXIT_ERROR and "Nobody At All" in missing.output
    gone = runner.invoke(app, ["remove", documents[0].id, "--store", str(store)])
    assert gone.exit_code == 0, gone.output
    with OxigraphStore(store) as opened:
        assert documents[0].id not in opened.article_hashes()
    skipped = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "out"), "--changes", str(changes)])
    assert skipped.exit_code == EXIT_ERROR and "--store" in skipped.output


try:
    import distributed
except ImportError:  # pragma: no cover
    distributed = None


@pytest.mark.slow
@pytest.mark.skipif(distributed is None and not os.environ.get("CI"), reason="Dask is not installed")
def test_removal_after_a_dask_build_equals_a_rebuild(stream, nlp, tmp_path):
    documents, _truth = stream
    corpus = tmp_path / "stream.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": d.id, "text": d.text, "published": d.published, "source": d.source}) + "\n"
            for d in documents
        ),
        encoding="utf-8",
    )
    store = tmp_path / "store"
    result = runner.invoke(
        app,
        [
            "build",
            str(corpus),
            "--store",
            str(store),
            "--quiet",
            "--dask",
            "local",
            "--processes",
            "2",
            "--shards",
            str(tmp_path / "shards"),
            "--no-gazetteer",
        ],
    )
    assert result.exit_code == 0, result.output
    removed = [d.id for d in documents[::7]]
    assert runner.invoke(app, ["remove", *removed, "--store", str(store)]).exit_code == 0
    fresh = tmp_path / "fresh"
    with OxigraphStore(fresh, writable=True) as opened:  # read from the same file: each article's nkg:sourceFile
        update_store(opened, [d for d in iter_inputs([corpus]) if d.id not in removed], config=CONFIG)
    with OxigraphStore(store) as a, OxigraphStore(fresh) as b:
        assert same_dataset(a.to_dataset(), b.to_dataset())


def test_removing_the_article_that_named_an_entity_first_renames_it_as_a_rebuild_would(nlp, tmp_path):
    documents = [
        Document(
            id="a-short",
            published="2024-01-02",
            text="Lindqvist met with Tomas Brandt in Oslo. Sofia Vasquez met with Tomas Brandt in Leeds.",
        ),
        Document(
            id="b-full",
            published="2024-01-03",
            text="Maria Lindqvist was named chief executive of Norvik "
            "Holdings on Monday. Hugo Vasquez met with Maria Lindqvist.",
        ),
        Document(
            id="c-surname",
            published="2024-01-04",
            text="Vasquez met with Tomas Brandt in Porto. Lindqvist opened a new office in Lyon.",
        ),
    ]
    with OxigraphStore(tmp_path / "store", writable=True) as store:
        update_store(store, documents, config=CONFIG)
        done = remove_articles(store, ["a-short"])
        after = store.to_dataset()
    assert done.removed == ("a-short",) and done.replaced  # graphs rewritten with the ids a rebuild gives
    with OxigraphStore(tmp_path / "fresh", writable=True) as store:
        update_store(store, documents[1:], config=CONFIG)
        fresh = store.to_dataset()
    assert same_dataset(after, fresh)


def test_removal_is_exact_whatever_order_the_articles_were_built_in(nlp, tmp_path):
    """Built in an order that is not the order of id, one build each, removing any article gives what a fresh
    build of the others in the same order gives: the store records the order it was built in (graph.rdf.order).
    Merged in order of id, these articles give other entities (the bare surnames name someone else first)."""
    from graph.rdf.order import read_build_order

    documents = [
        Document(
            id="b-full",
            published="2024-01-03",
            text="Maria Lindqvist was named chief executive of Norvik "
            "Holdings on Monday. Hugo Vasquez met with Maria Lindqvist.",
        ),
        Document(
            id="c-surname",
            published="2024-01-04",
            text="Vasquez met with Tomas Brandt in Porto. Lindqvist opened a new office in Lyon.",
        ),
        Document(
            id="a-short",
            published="2024-01-05",
            text="Lindqvist met with Tomas Brandt in Oslo. Sofia Vasquez met with Tomas Brandt in Leeds.",
        ),
    ]
    order = [d.id for d in documents]
    assert order != sorted(order)
    for gone in order:
        with OxigraphStore(tmp_path / gone / "store", writable=True) as store:
            for document in documents:  # one build each: the first reads the store, the others add to it
                update_store(store, [document], config=CONFIG)
            assert read_build_order(store) == order
            remove_articles(store, [gone])
            after = store.to_dataset()
            after_order = read_build_order(store)
        kept = [d for d in documents if d.id != gone]
        with OxigraphStore(tmp_path / gone / "fresh", writable=True) as store:
            update_store(store, kept, config=CONFIG)
            fresh = store.to_dataset()
            assert read_build_order(store) == [d.id for d in kept] == after_order
        assert same_dataset(after, fresh), f"removing {gone}"
