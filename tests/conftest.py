"""Shared fixtures. Model-loading fixtures are session-scoped so the suite loads spaCy once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ARTICLES = ROOT / "data" / "articles"
SAMPLE_ID = "nur-otan-meeting"


def make_doc(rows: str, *, ents: Sequence[tuple[int, int, str]] = (), verbs: Sequence[str] = ()):
    """A spaCy ``Doc`` built by hand, so rule tests do not depend on the statistical parser.

    ``rows`` has one token a line: ``word POS TAG DEP HEAD LEMMA`` (HEAD is the 0-based index of
    the head token; a ROOT is its own head). ``ents`` are (start, end, label) token spans.
    ``verbs`` fills the verb lexicon the nominal extractor reads.
    """
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    words, pos, tags, deps, heads, lemmas = [], [], [], [], [], []
    for line in rows.strip().splitlines():
        word, p, tag, dep, head, lemma = line.split()
        words.append(word)
        pos.append(p)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head))
        lemmas.append(lemma)
    spaces = [
        not (i + 1 < len(words) and words[i + 1] in {",", ".", "'s", ")", "?", "!", ";", ":"})
        for i in range(len(words))
    ]
    spaces[-1] = False
    iob = ["O"] * len(words)
    for start, end, label in ents:
        iob[start] = f"B-{label}"
        for i in range(start + 1, end):
            iob[i] = f"I-{label}"
    doc = Doc(
        nlp.vocab, words=words, spaces=spaces, pos=pos, tags=tags, deps=deps, heads=heads, lemmas=lemmas, ents=iob
    )
    if verbs:
        nlp.vocab.lookups.add_table("lemma_index", {"verb": list(verbs), "adj": []})
    return doc


#: folders of the working tree that tools write on their own (caches, environments)
_SCRATCH = {
    ".git",
    ".venv",
    "venv",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    ".ruff_cache",
    ".mypy_cache",
    ".ipynb_checkpoints",
}


def _tree_state(root: Path) -> dict[str, tuple[int, int]]:
    import os

    state = {}
    for folder, folders, files in os.walk(root):
        folders[:] = [f for f in folders if f not in _SCRATCH and not f.endswith(".egg-info")]
        for name in files:
            path = os.path.join(folder, name)
            try:
                info = os.lstat(path)
            except OSError:
                continue
            state[os.path.relpath(path, root)] = (info.st_mtime_ns, info.st_size)
    return state


def pytest_collection_modifyitems(items):
    """The browser tests are slow (a Chromium per module, pages of hundreds of nodes); they are
    marked here rather than in tests/browser/ itself."""
    browser = ROOT / "tests" / "browser"
    for item in items:
        if browser in item.path.parents:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session", autouse=True)
def _working_tree_is_left_alone():
    """Tests never write into the working tree (no ``out/report.json`` of the user's overwritten):
    every file they write goes to a temporary folder."""
    before = _tree_state(ROOT)
    yield
    after = _tree_state(ROOT)
    written = sorted(path for path, state in after.items() if before.get(path) != state)
    assert not written, f"the tests wrote into the working tree: {written[:10]}"


@pytest.fixture(scope="session")
def hand_doc() -> Callable[..., object]:
    return make_doc


@pytest.fixture(scope="session")
def nlp():
    from graph.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def sample_document():
    from graph.documents import load_documents

    return load_documents([SAMPLE_ARTICLES])[0]


@pytest.fixture(scope="session")
def sample_kg(nlp, sample_document):
    from graph.pipeline import build_graph

    return build_graph([sample_document])


@pytest.fixture(scope="session")
def sample_dataset(sample_kg):
    from graph.rdf.model import to_dataset

    return to_dataset(sample_kg)


@pytest.fixture(scope="session")
def built_sample(tmp_path_factory, nlp):
    """``newsgraph build`` run once on the bundled article (in-process), its output folder."""
    from typer.testing import CliRunner

    from graph.cli import app

    out = tmp_path_factory.mktemp("built")
    result = CliRunner().invoke(app, ["build", str(SAMPLE_ARTICLES), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


# ---------------------------------------------------------------------------------------- stores (issue 5)


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` server binary (PyPI package ``oxigraph``, in the test extra)."""
    import shutil
    import sys

    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


@pytest.fixture()
def oxigraph_server(tmp_path):
    """A real Oxigraph server (``oxigraph serve``) on a free loopback port, its base URL."""
    import os
    import socket
    import subprocess
    import time
    import urllib.request

    binary = oxigraph_binary()
    if binary is None:
        message = "the oxigraph server binary is not installed (pip install oxigraph)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "oxigraph-server"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("oxigraph serve did not start: " + process.stderr.read().decode(errors="replace")[-500:])
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory, nlp, sample_document):
    """An Oxigraph store folder with the bundled article (no gazetteer); tests only read it."""
    from graph.corpus import update_store
    from graph.rdf.stores import OxigraphStore

    folder = tmp_path_factory.mktemp("stores") / "sample.oxigraph"
    with OxigraphStore(folder, writable=True) as store:
        update_store(store, [sample_document])
    return folder


# ---------------------------------------------------------------------------------------- hardening (issue 8)


def newsgraph_command() -> list[str]:
    """The installed console script, or ``python -m graph`` where there is none."""
    import sys

    script = Path(sys.executable).parent / "newsgraph"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "graph"]


def run_newsgraph(*args: str, **options):
    """Run ``newsgraph ARGS`` as a program (stdout and stderr captured as text)."""
    import os
    import subprocess

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([*newsgraph_command(), *args], capture_output=True, text=True, env=env, **options)


def hidden_service_queries(url: str) -> list[str]:
    """SERVICE calls that a scan for the keyword outside strings, IRIs and comments misses:
    ``<?b)SERVICE#>`` reads as an IRI there, while the parser sees ``?a < ?b``, then SERVICE."""
    return [
        f"SELECT * WHERE {{ BIND(1 AS ?a) BIND(2 AS ?b) FILTER(?a<?b)SERVICE#>\n<{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?x <urn:x#> ?y . BIND(1 AS ?a) FILTER(?a<?y)SERVICE#>\n<{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
    ]


@pytest.fixture()
def http_listener():
    """A loopback HTTP server that answers every request with an empty SPARQL result and records
    it: ``(url, hits)``. A test that must make no request asserts ``hits == []``."""
    import http.server
    import threading

    hits: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(f"{self.command} {self.path}")
            body = b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "literal", "value": "LEAK"}}]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET

        def log_message(self, format: str, *args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", hits
    server.shutdown()
    server.server_close()
