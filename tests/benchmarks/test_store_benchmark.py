"""The store benchmark's queries and export, checked on a small graph of the same shape.

The benchmark (tests/benchmarks/store_benchmark.py) states two of its queries the way one writes
them for a store; these tests hold it to its word that they ask the same question as the flat
joins, on rdflib and on Oxigraph.
"""

from __future__ import annotations

import pytest
from rdflib import Graph

from graph.queries import run_query
from graph.rdf.stores import OxigraphStore

from .store_benchmark import QUERIES, synthetic_graph, write_files

pytestmark = pytest.mark.slow  # the store benchmark's queries on a generated graph

FLAT = {
    "two-hop join": """
        SELECT DISTINCT ?other WHERE {
          ent:Entity_00100 ?relation ?middle . ?middle a nkg:Entity .
          ?middle ?relation2 ?other . ?other a nkg:Entity }""",
    "group-by": """
        SELECT ?relation (COUNT(?assertion) AS ?facts) WHERE { ?assertion a nkg:Assertion ; rdf:predicate ?relation }
        GROUP BY ?relation ORDER BY DESC(?facts) ?relation LIMIT 10""",
}


@pytest.fixture(scope="module")
def bench_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench")
    turtle = folder / "graph.ttl"
    write_files(synthetic_graph(30), turtle, turtle.with_suffix(".nq"))
    return turtle


@pytest.fixture(scope="module")
def engines(bench_files, tmp_path_factory):
    turtle = bench_files
    memory = Graph()
    memory.parse(turtle, format="turtle")
    folder = tmp_path_factory.mktemp("bench-store") / "store"
    with OxigraphStore(folder, writable=True) as store:
        store.load_file(turtle)
    store = OxigraphStore(folder)
    yield memory, store
    store.close()


def _rows(result) -> list:
    return sorted(tuple(str(v) for v in row) for row in result.rows)


@pytest.mark.parametrize("name", sorted(FLAT))
def test_a_rewritten_benchmark_query_gives_the_flat_joins_rows(engines, name):
    memory, store = engines
    flat = run_query(store, FLAT[name])
    assert flat.rows, f"{name} finds nothing on the small graph"
    assert _rows(run_query(store, QUERIES[name])) == _rows(flat)
    assert _rows(run_query(memory, QUERIES[name])) == _rows(flat)
    assert _rows(run_query(memory, FLAT[name])) == _rows(flat)
