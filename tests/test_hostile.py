"""The hostile-input corpus (issue 8): ``newsgraph build``, run as a program on a copy of
``tests/hostile/corpus`` plus the files made at test time, finishes with exit status 3, builds
every good article, and reports every bad input once, on stderr and in ``OUT/report.json``,
with exactly the reason ``tests/hostile/make_hostile.py`` expects."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import pytest

from .conftest import ROOT, run_newsgraph
from .hostile.make_hostile import EXPECTED, NEVER_TEXT, write_specials

pytestmark = pytest.mark.slow  # builds the large hostile corpus

CORPUS = ROOT / "tests" / "hostile" / "corpus"
PREFIXES = (
    "PREFIX schema: <https://schema.org/> PREFIX nkg: <https://w3id.org/newsgraph/ontology#> "
    "PREFIX ent: <https://w3id.org/newsgraph/entity/> "
)


@dataclass(frozen=True)
class HostileBuild:
    root: Path  # the corpus copy that was built
    out: Path
    expected: dict[str, dict[str, str]]  # source -> {"article": ..., "says": ...} or {"skipped": reason}
    done: subprocess.CompletedProcess
    report: dict

    def skipped(self) -> list[tuple[str, int | None, str]]:
        """(file, line, reason) the expectation says are skipped, sorted."""
        found = []
        for source, outcome in self.expected.items():
            if "skipped" in outcome:
                name, line = _split_line(source)
                found.append((str(self.root / name), line, outcome["skipped"]))
        return sorted(found, key=_order)

    def articles(self) -> dict[str, str]:
        """article id -> words its text must contain."""
        return {o["article"]: o["says"] for o in self.expected.values() if "article" in o}


def _split_line(source: str) -> tuple[str, int | None]:
    name, colon, line = source.rpartition(":")
    return (name, int(line)) if colon and line.isdigit() else (source, None)


def _order(item: tuple[str, int | None, str]) -> tuple[str, int, str]:
    return item[0], item[1] or 0, item[2]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> HostileBuild:
    base = tmp_path_factory.mktemp("hostile")
    root = base / "corpus"
    shutil.copytree(CORPUS, root)
    assert json.loads((root / "EXPECTED.json").read_text(encoding="utf-8")) == EXPECTED, (
        "tests/hostile/corpus is out of date: python tests/hostile/make_hostile.py tests/hostile/corpus"
    )
    expected = {**EXPECTED, **write_specials(root)}
    out = base / "out"
    done = run_newsgraph("build", str(root), "-o", str(out), "--quiet", timeout=600)
    for big in ("huge-article.txt", "huge-line.jsonl"):  # do not keep 34 MB in the kept temporary folders
        (root / big).unlink()
    report = json.loads((out / "report.json").read_text(encoding="utf-8")) if (out / "report.json").is_file() else {}
    return HostileBuild(root, out, expected, done, report)


def test_the_build_finishes_with_exit_status_3_and_no_traceback(hostile):
    assert hostile.done.returncode == 3, hostile.done.stderr[-3000:]
    assert "Traceback" not in hostile.done.stderr and hostile.done.stdout == ""
    assert all(line.startswith("newsgraph: ") for line in hostile.done.stderr.splitlines()), hostile.done.stderr


def test_every_bad_input_is_named_once_on_stderr_with_its_reason(hostile):
    lines = [line for line in hostile.done.stderr.splitlines() if line.startswith("newsgraph: skipped ")]
    expected = [
        f"newsgraph: skipped {name}{'' if line is None else f':{line}'}: {reason}"
        for name, line, reason in hostile.skipped()
    ]
    assert sorted(lines) == sorted(expected)
    assert f"newsgraph: {len(expected)} input(s) skipped" in hostile.done.stderr.splitlines()
    # nothing else on stderr names an input
    others = [line for line in hostile.done.stderr.splitlines() if line not in lines]
    assert not [line for line in others if str(hostile.root) in line]


def test_the_report_lists_exactly_the_skipped_inputs_and_the_counts(hostile):
    report = hostile.report
    skipped = sorted(((s["source"], s["line"], s["reason"]) for s in report["skipped"]), key=_order)
    assert skipped == hostile.skipped()
    built = len(hostile.articles())
    assert report["articles"] == {
        "built": built,
        "added": built,
        "replaced": 0,
        "unchanged": 0,
        "skipped": len(hostile.skipped()),
    }
    assert report["exit_status"] == 3
    assert report["inputs"] == [str(hostile.root)]
    assert report["outputs"] == [str(hostile.out / "graph.ttl"), str(hostile.out / "graph.html")]
    assert report["words"] > 5000  # one article is a 5,000-word sentence
    assert report["seconds"] > 0
    # the counts are those of the graph that was written
    store = _graph(hostile)
    assert report["facts"] == _count(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a nkg:Assertion }") > 0
    assert report["entities"] == _count(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a nkg:Entity }") > 0
    assert report["quads"] >= len(store) > 0


def test_every_good_article_is_in_the_graph_with_its_text(hostile):
    store = _graph(hostile)
    texts: dict[str, list[tuple[int, str]]] = {}
    for row in store.query(
        PREFIXES
        + """
            SELECT ?id ?index ?text WHERE {
              ?article a schema:NewsArticle ; schema:identifier ?id .
              OPTIONAL { ?sentence schema:isPartOf ?article ; a nkg:Sentence ; nkg:sentenceIndex ?index ;
                                   schema:text ?text } }"""
    ):
        texts.setdefault(row["id"].value, [])
        if row["text"] is not None:
            texts[row["id"].value].append((int(row["index"].value), row["text"].value))
    assert sorted(texts) == sorted(hostile.articles())
    for article, says in hostile.articles().items():
        text = " ".join(t for _, t in sorted(texts[article]))
        assert says in text, (article, text[:300])
        assert "\ufeff" not in text
    page_text = " ".join(t for _, t in texts["hostile-page"])
    assert not [word for word in NEVER_TEXT if word in page_text], "script or attribute text of the page was read"


def test_names_with_quotes_brackets_and_emoji_stay_as_written(hostile):
    store = _graph(hostile)
    labels = {
        row["label"].value
        for row in store.query(
            PREFIXES
            + """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?label WHERE { ?e a nkg:Entity ; skos:prefLabel ?label }"""
        )
    }
    assert {"Anna O'Neil-Smith", 'Kaz" & Co', "José María Aznar", "Нұрсұлтан Назарбаев"} <= labels
    page = (hostile.out / "graph.html").read_text(encoding="utf-8")
    for label in labels:
        if "<" in label:  # e.g. the company "<script>window.hostileName=1</script>"
            assert label not in page


def _graph(hostile: HostileBuild) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.load(path=str(hostile.out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    return store


def _count(store: pyoxigraph.Store, query: str) -> int:
    return int(next(iter(store.query(PREFIXES + query)))["n"].value)


def test_an_article_that_cannot_be_analysed_is_skipped_and_the_batch_goes_on(monkeypatch, capsys):
    from graph import pipeline
    from graph.documents import document_from_text

    real = pipeline.resolve_article

    def fragile(doc, document, *args, **kwargs):
        if document.id == "bad":
            raise RuntimeError("odd parse")
        return real(doc, document, *args, **kwargs)

    monkeypatch.setattr(pipeline, "resolve_article", fragile)
    docs = [document_from_text("bad", "Acme hired Jane Doe."), document_from_text("good", "Globex hired Tom Berg.")]
    kg = pipeline.build_graph(docs)
    assert {f.provenance.doc_id for f in kg.facts} == {"good"}
    assert "bad: skipped" in capsys.readouterr().err
