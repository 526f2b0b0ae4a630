"""The SPARQL endpoint under load (issue 8): ``newsgraph serve``, run as a program, gets 2,000
queries from 8 client threads on loopback, a seeded mix of ordinary queries, queries that never
end, updates, SERVICE calls, file access and syntax errors. Every request is answered as its kind
must be, or refused with 503; the server stays up, and its memory does not keep growing.

The read-only and SERVICE rules themselves, one case at a time, are in ``test_server.py``.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from .conftest import ROOT, hidden_service_queries, newsgraph_command

pytestmark = pytest.mark.slow  # thousands of queries from many threads

SEED = 8
QUERIES = 2000
THREADS = 8
WARM_UP = 200
#: the server's resident memory may grow by this much over the 2,000 queries (it is about 100 MB);
#: a leak of a few kilobytes a request (a thread, a connection, a worker's pipes) would pass it
RSS_GROWTH_LIMIT_KB = 64 * 1024

LABEL = "SELECT ?label WHERE { ent:Nur_Otan_Party skos:prefLabel ?label }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
NEVER_ENDING = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError(f"no VmRSS for process {pid}")


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


class Request:
    """One kind of request: how to send it and which answers are right for it."""

    def __init__(
        self,
        name: str,
        query: str | None = None,
        *,
        accept: str | None = None,
        body: bytes | None = None,
        content_type: str | None = None,
        statuses: tuple[int, ...] = (200, 503),
        check=None,
    ) -> None:
        self.name, self.query, self.accept, self.body = name, query, accept, body
        self.content_type, self.statuses, self.check = content_type, statuses, check

    def send(self, base: str) -> tuple[int, bytes]:
        url = f"{base}/sparql" + (f"?query={urllib.parse.quote(self.query)}" if self.query is not None else "")
        headers = {k: v for k, v in (("Accept", self.accept), ("Content-Type", self.content_type)) if v}
        request = urllib.request.Request(url, data=self.body, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()


def _bindings(body: bytes) -> list[dict]:
    return json.loads(body)["results"]["bindings"]


def _requests(triples: int, outside: str) -> tuple[list[Request], list[Request]]:
    """(ordinary kinds, rare kinds): the ordinary ones make up the mix, the rare ones (queries
    that run until the time limit) are added a few times."""
    ordinary = [
        Request("label", LABEL, check=lambda b: _bindings(b)[0]["label"]["value"] == "Nur Otan Party"),
        Request("count", COUNT, check=lambda b: int(_bindings(b)[0]["n"]["value"]) == triples),
        Request("ask", "ASK { ent:Nur_Otan_Party a nkg:PoliticalParty }", check=lambda b: json.loads(b)["boolean"]),
        Request(
            "construct",
            "CONSTRUCT { ?r skos:prefLabel ?l } WHERE { ?r a nkg:Role ; skos:prefLabel ?l }",
            accept="text/turtle",
            check=lambda b: b"First Deputy Chairman" in b,
        ),
        Request(
            "csv",
            "SELECT ?s WHERE { ?s a nkg:Assertion } LIMIT 3",
            accept="text/csv",
            check=lambda b: len(b.splitlines()) == 4,
        ),
        Request(
            "post", body=LABEL.encode(), content_type="application/sparql-query", check=lambda b: b"Nur Otan Party" in b
        ),
        Request("file", "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", check=lambda b: _bindings(b) == []),
        Request("syntax", "SELEKT ?x WHERE { ?x ?y ?z }", statuses=(400, 503)),
        Request("update", "DELETE WHERE { ?s ?p ?o }", statuses=(403,)),
        Request(
            "update-body", body=b"LOAD <file:///etc/passwd>", content_type="application/sparql-update", statuses=(403,)
        ),
        Request("load", "LOAD <file:///etc/passwd> INTO GRAPH <urn:g>", statuses=(403,)),
        Request("service", f"SELECT * WHERE {{ SERVICE <{outside}> {{ ?s ?p ?o }} }}", statuses=(403,)),
        Request("hidden-service", hidden_service_queries(outside)[0], statuses=(403,)),
    ]
    rare = [Request("never-ending", NEVER_ENDING, statuses=(503,))]
    return ordinary, rare


@pytest.fixture()
def served(sample_store, tmp_path):
    """``newsgraph serve --store`` on a free loopback port: (process, base URL)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [
            *newsgraph_command(),
            "serve",
            "--store",
            str(sample_store),
            "--port",
            "0",
            "--workers",
            "2",
            "--timeout",
            "1",
        ],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        line = process.stderr.readline()
        assert "serving" in line, line + process.stderr.read()
        yield process, line.split(" at ", 1)[1].split("/sparql", 1)[0]
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_2000_queries_from_8_threads_are_answered_or_refused_with_503(served, sample_store, http_listener):
    from graph.rdf.stores import OxigraphStore

    process, base = served
    outside, hits = http_listener
    with OxigraphStore(sample_store) as store:
        triples = int(store.execute(COUNT).rows[0][0])
    ordinary, rare = _requests(triples, outside)
    rng = random.Random(SEED)
    warm_up = [rng.choice(ordinary) for _ in range(WARM_UP)]
    plan = [rng.choice(ordinary) for _ in range(QUERIES - 4)] + rare * 4
    rng.shuffle(plan)

    def run(requests: list[Request]) -> list[tuple[Request, int, bytes | str]]:
        results: list[tuple[Request, int, bytes | str]] = []
        lock = threading.Lock()

        def client(share: list[Request]) -> None:
            for request in share:
                try:
                    status, body = request.send(base)
                except OSError as exc:  # a reset or refused connection: the server went away or gave up
                    status, body = -1, repr(exc)
                with lock:
                    results.append((request, status, body))

        threads = [threading.Thread(target=client, args=(requests[i::THREADS],)) for i in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return results

    run(warm_up)
    before = _rss_kb(process.pid)
    results = run(plan)
    after = _rss_kb(process.pid)

    assert len(results) == QUERIES
    wrong = [
        (r.name, status, body[:200])
        for r, status, body in results
        if status not in r.statuses or (status == 200 and r.check is not None and not r.check(body))
    ]
    assert wrong == [], f"{len(wrong)} wrong answers, e.g. {wrong[:5]}"
    statuses = Counter(status for _, status, _ in results)
    assert statuses[200] > QUERIES // 2 and statuses[503] >= 4  # the never-ending ones at least
    assert hits == [], "a SERVICE call reached another server"
    assert process.poll() is None, "the server stopped"
    assert after - before < RSS_GROWTH_LIMIT_KB, f"the server grew from {before} kB to {after} kB"
    workers = _children(process.pid)
    assert len(workers) <= 2, f"query workers pile up: {workers}"
    print(
        f"\n{QUERIES} queries from {THREADS} threads: {dict(sorted(statuses.items()))}; "
        f"server RSS {before} kB before, {after} kB after; workers now {[_rss_kb(w) for w in workers]} kB"
    )
    # the server is still there and answers, and stops cleanly
    status, body = ordinary[0].send(base)
    assert status == 200 and ordinary[0].check(body)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 0
    assert "Traceback" not in process.stderr.read()
