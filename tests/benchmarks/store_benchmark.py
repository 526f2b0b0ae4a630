"""Store benchmark: rdflib in memory against newsgraph's Oxigraph path, on one ~1M-triple graph.

Not a test (pytest does not collect it); run it by hand:

    python tests/benchmarks/store_benchmark.py                 # 1M triples, prints a Markdown table
    python tests/benchmarks/store_benchmark.py --triples 200000 --json results.json

It makes a synthetic graph shaped like the ones newsgraph builds (articles, sentences, assertions
with provenance, entity uses, a corpus graph of entities), written by newsgraph's own model
(:func:`graph.rdf.model.iter_quads`) to one Turtle file. Then each side runs in its own child
process, so peak memory (the child's maximum resident set size) is its own:

- rdflib: ``Graph().parse`` the Turtle file, ``serialize`` it back to Turtle, three queries;
- Oxigraph: :meth:`OxigraphStore.load_file` (pyoxigraph's parser and bulk loader into a
  folder), :meth:`OxigraphStore.export` to Turtle, the same queries through ``graph.query``; and
  the same data as N-Quads with a named graph per article (what ``build --store`` keeps), whose
  Turtle export has to take the union of the graphs.

Queries: one-hop (what one entity is directly related to), two-hop join (the entities two
relations away from it), provenance join (the sentences behind its facts: entity <- assertion ->
sentence -> text), group-by (facts per relation over all assertions). Both sides run the same
text and must return the same number of rows. Two are written the way one writes them for a
store rather than as the flattest join: the two-hop query takes the distinct middle entities
and the distinct things they point at before it checks which of those are entities (the flat
``SELECT DISTINCT ?other WHERE { e ?r ?m . ?m a Entity . ?m ?r2 ?other . ?other a Entity }``
gives the same rows, but checks every path through a hub, 18,352 of them at 1M triples, for
2,136 answers), and the group-by states the (assertion, relation) pairs as a subquery, which
Oxigraph joins with the assertions by hashing instead of one index lookup per assertion
(and breaks ties by the relation, so both sides keep the same ten). tests/benchmarks/test_store_benchmark.py
checks on a small graph that both give the flat joins' rows, on rdflib and on Oxigraph. Times are medians over repeats (one run when a single run of rdflib takes
more than 10 s; an rdflib query still running after 120 s is stopped and shown as "> 120 s"); the ratio column is rdflib / Oxigraph, measured in the same run on the same
machine. The load average before and after each side is reported: the numbers mean little on a
busy machine.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

QUERIES = {
    "one-hop": """
        SELECT ?relation ?other WHERE { ent:Entity_00100 ?relation ?other . ?other a nkg:Entity }""",
    # the entities two relations away, asked the way one would for a store: the distinct middle
    # entities first, then the distinct things they point at, and only those checked for being an
    # entity (the same rows as the flat join with DISTINCT at the end, far fewer of them on the way)
    "two-hop join": """
        SELECT ?other WHERE {
          { SELECT DISTINCT ?other WHERE {
              { SELECT DISTINCT ?middle WHERE { ent:Entity_00100 ?relation ?middle . ?middle a nkg:Entity } }
              ?middle ?relation2 ?other } }
          ?other a nkg:Entity }""",
    "provenance join": """
        SELECT ?relation ?text WHERE {
          ?assertion rdf:subject ent:Entity_00100 ; rdf:predicate ?relation ; prov:wasDerivedFrom ?sentence .
          ?sentence schema:text ?text }""",
    # the relation of every assertion: the (assertion, relation) pairs as a subquery, so that the
    # two big sides meet in one hash join rather than one index lookup per assertion; ties are
    # broken by the relation, so that both sides return the same ten rows
    "group-by": """
        SELECT ?relation (COUNT(?assertion) AS ?facts) WHERE {
          ?assertion a nkg:Assertion .
          { SELECT ?assertion ?relation WHERE { ?assertion rdf:predicate ?relation } } }
        GROUP BY ?relation ORDER BY DESC(?facts) ?relation LIMIT 10""",
}
WORDS = [
    "minister",
    "president",
    "party",
    "meeting",
    "election",
    "programme",
    "government",
    "reform",
    "economy",
    "region",
    "budget",
    "parliament",
    "congress",
    "development",
    "cooperation",
    "agreement",
    "visit",
    "delegation",
    "investment",
    "project",
]
TYPES = (
    "Person",
    "Person",
    "Person",
    "Organization",
    "PoliticalParty",
    "GovernmentBody",
    "Place",
    "Place",
    "Programme",
    "Event",
    "Concept",
    "Concept",
)


# ---------------------------------------------------------------------------------------- the data


def synthetic_graph(articles: int, *, seed: int = 5):
    """A KnowledgeGraph shaped like newsgraph's output: per article 12 sentences, 16 facts,
    entity uses for the entities it mentions; the entities of facts follow Zipf's law (the k-th
    most frequent is mentioned 1/k as often as the first), as names in news do."""
    from graph.types import Document, Entity, EntityUse, Fact, KnowledgeGraph, Provenance, Sentence

    rng = random.Random(seed)
    pool = max(200, articles * 8)
    ranks = range(pool)
    zipf = list(itertools.accumulate(1 / (rank + 1) for rank in ranks))  # Zipf's law: the k-th entity, 1/k
    relations = [f"relation {i}" for i in range(150)]
    documents, sentences, facts, uses = [], [], [], []
    mentions: dict[int, int] = {}
    documents_of: dict[int, set[str]] = {}
    names_of: dict[int, set[str]] = {}
    for number in range(articles):
        doc_id = f"article-{number:05d}"
        texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 30))).capitalize() + "." for _ in range(12)]
        offsets, position = [], 0
        for text in texts:
            offsets.append((position, position + len(text)))
            position += len(text) + 1
        documents.append(
            Document(
                id=doc_id,
                text=" ".join(texts),
                title=f"Article {number}",
                published=f"20{10 + number % 14:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}",
                source="Kazinform",
                place="Astana",
            )
        )
        sentences.extend(
            Sentence(doc_id, i, start, end, text) for i, ((start, end), text) in enumerate(zip(offsets, texts))
        )
        used: dict[int, int] = {}
        for _ in range(16):
            a, b = rng.choices(ranks, cum_weights=zipf, k=2)
            if a == b:
                b = (b + 1) % pool
            index = rng.randrange(12)
            start, end = offsets[index]
            facts.append(
                Fact(
                    subject=f"Entity_{a:05d}",
                    predicate=rng.choice(relations),
                    object=f"Entity_{b:05d}",
                    provenance=Provenance(
                        doc_id,
                        index,
                        start,
                        end,
                        rng.choice(("clauses.v1", "appositions.v1")),
                        round(rng.uniform(0.4, 0.95), 2),
                    ),
                    subject_text=f"entity {a}",
                    object_text=f"entity {b}",
                    construction="svo",
                    negated=rng.random() < 0.03,
                    modality="must" if rng.random() < 0.03 else None,
                )
            )
            for entity in (a, b):
                used[entity] = used.get(entity, 0) + 1
        for entity, count in sorted(used.items()):
            name = f"Entity {entity}" if rng.random() < 0.8 else f"E. {entity}"
            names_of.setdefault(entity, set()).add(name)
            mentions[entity] = mentions.get(entity, 0) + count
            documents_of.setdefault(entity, set()).add(doc_id)
            uses.append(
                EntityUse(
                    doc_id=doc_id,
                    entity=f"Entity_{entity:05d}",
                    label=name,
                    type=TYPES[entity % len(TYPES)],
                    names=((name, count),),
                    mentions=count,
                )
            )
    entities = tuple(
        Entity(
            id=f"Entity_{e:05d}",
            label=f"Entity {e}",
            type=TYPES[e % len(TYPES)],
            aliases=tuple(sorted(names_of[e] - {f"Entity {e}"})),
            mentions=mentions[e],
            documents=tuple(sorted(documents_of[e])),
        )
        for e in sorted(mentions)
    )
    return KnowledgeGraph(
        documents=tuple(documents),
        sentences=tuple(sentences),
        entities=entities,
        facts=tuple(facts),
        entity_uses=tuple(uses),
    )


def write_files(kg, turtle: Path, nquads: Path) -> int:
    """The graph as Turtle (its triples: the union of the named graphs) and as N-Quads (one named
    graph per article and the corpus graph, as a build into a store keeps them)."""
    import pyoxigraph as ox

    from graph.rdf.model import iter_quads
    from graph.rdf.namespaces import PREFIXES
    from graph.rdf.stores import oxigraph_quad

    store = ox.Store()
    store.bulk_extend(oxigraph_quad(quad) for quad in iter_quads(kg))
    store.dump(str(nquads), ox.RdfFormat.N_QUADS)
    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    ox.serialize(triples, str(turtle), ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES))
    return sum(1 for _ in ox.parse(path=str(turtle), format=ox.RdfFormat.TURTLE))


# ---------------------------------------------------------------------------------------- the sides


def _peak_mb() -> float:
    """This process's peak resident set size. VmHWM, not getrusage: Linux carries ru_maxrss over
    an exec, so a child would report its parent's peak (the parent made the data)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(action, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
        if times[-1] > 10:  # a slow side runs once
            break
    return statistics.median(times), result


def run_rdflib(data: Path, work: Path, repeats: int, limit: float = 120.0) -> dict:
    """rdflib's side; a query still running after ``limit`` seconds is stopped and reported so."""
    from rdflib import Graph

    from graph.errors import QueryTimeoutError
    from graph.rdf.sparql import run_rdflib_query

    out: dict = {}
    graph = Graph()
    started = time.perf_counter()
    graph.parse(data, format="turtle")
    out["load"] = time.perf_counter() - started
    out["triples"] = len(graph)
    started = time.perf_counter()
    graph.serialize(work / "rdflib.ttl", format="turtle")
    out["export"] = time.perf_counter() - started
    for name, text in QUERIES.items():
        try:
            seconds, result = _timed(lambda text=text: run_rdflib_query(graph, text, timeout=limit), repeats)
        except QueryTimeoutError:
            out[name], out[name + " stopped"] = limit, True
            continue
        out[name] = seconds
        out[name + " rows"] = len(result.rows)
    out["peak_mb"] = _peak_mb()
    return out


def _load_store(folder: Path, source: Path) -> float:
    """Seconds to load ``source`` into a new Oxigraph store in ``folder`` (newsgraph's path)."""
    from graph.rdf.stores import OxigraphStore

    started = time.perf_counter()
    with OxigraphStore(folder, writable=True) as store:
        store.load_file(source)
    return time.perf_counter() - started


def run_oxigraph_named(data: Path, work: Path, repeats: int) -> dict:
    """The same data as a build into a store keeps it: a named graph per article, and the corpus graph."""
    from graph.rdf.stores import OxigraphStore

    out: dict = {}
    named = work / "named"
    out["load"] = _load_store(named, data.with_suffix(".nq"))
    with OxigraphStore(named) as store:
        started = time.perf_counter()
        store.export(work / "union.ttl")
        out["export"] = time.perf_counter() - started
    shutil.rmtree(named)
    out["peak_mb"] = _peak_mb()
    return out


def run_oxigraph(data: Path, work: Path, repeats: int) -> dict:
    import graph
    from graph.rdf.stores import OxigraphStore

    out: dict = {}
    folder = work / "store"
    out["load"] = _load_store(folder, data)
    with OxigraphStore(folder) as store:
        out["triples"] = len(store)
        started = time.perf_counter()
        store.export(work / "oxigraph.ttl")
        out["export"] = time.perf_counter() - started
        for name, text in QUERIES.items():
            graph.query(store, text)  # warm up
            seconds, result = _timed(lambda text=text: graph.query(store, text), repeats * 10)
            out[name] = seconds
            out[name + " rows"] = len(result)
    out["peak_mb"] = _peak_mb()
    out["store_mb"] = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
    return out


# ---------------------------------------------------------------------------------------- the report


def _seconds(value: float) -> str:
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def table(rdflib: dict, oxigraph: dict, named: dict | None = None) -> str:
    lines = ["| | rdflib (memory) | newsgraph Oxigraph store | rdflib / Oxigraph |", "|---|---:|---:|---:|"]
    for key, label in (
        ("load", "load the Turtle file"),
        ("export", "write Turtle"),
        ("one-hop", "one-hop query"),
        ("two-hop join", "two-hop join query"),
        ("provenance join", "provenance join query"),
        ("group-by", "group-by query"),
    ):
        rows = f" ({oxigraph[key + ' rows']} rows)" if key + " rows" in oxigraph else ""
        stopped = "> " if rdflib.get(key + " stopped") else ""
        shown = f"{stopped}{_seconds(rdflib[key])}" + (" (stopped)" if stopped else "")
        lines.append(
            f"| {label}{rows} | {shown} | {_seconds(oxigraph[key])} | {stopped}{rdflib[key] / oxigraph[key]:,.0f}× |"
        )
    lines.append(
        f"| peak memory (RSS) | {rdflib['peak_mb']:,.0f} MB | {oxigraph['peak_mb']:,.0f} MB | "
        f"{rdflib['peak_mb'] / oxigraph['peak_mb']:.1f}× |"
    )
    if named:
        lines.extend(
            [
                "| *the same data with a named graph per article, as `build --store` keeps it:* | | | |",
                f"| load the N-Quads file | | {_seconds(named['load'])} | |",
                f"| write Turtle (the union of the graphs) | | {_seconds(named['export'])} | |",
                f"| peak memory (RSS) | | {named['peak_mb']:,.0f} MB | |",
            ]
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import pyoxigraph
    import rdflib

    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GB RAM, Python {platform.python_version()}, "
        f"rdflib {rdflib.__version__}, pyoxigraph {pyoxigraph.__version__}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="about how many triples (default 1M)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per query (Oxigraph runs 10x as many)")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--side", choices=["rdflib", "oxigraph", "oxigraph-named"], help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:  # a child: one side, numbers as JSON on stdout
        runner = {"rdflib": run_rdflib, "oxigraph": run_oxigraph, "oxigraph-named": run_oxigraph_named}[args.side]
        print(json.dumps(runner(args.data, args.work, args.repeats)))
        return 0

    work = Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    try:
        started = time.perf_counter()
        kg = synthetic_graph(max(1, round(args.triples / 576)))  # about 576 triples an article
        data = work / "graph.ttl"
        triples = write_files(kg, data, data.with_suffix(".nq"))
        del kg
        print(
            f"synthetic graph: {triples:,} triples, {data.stat().st_size / 2**20:.0f} MB of Turtle "
            f"(made in {time.perf_counter() - started:.0f} s)",
            file=sys.stderr,
        )
        results = {}
        for side in ("oxigraph", "oxigraph-named", "rdflib"):
            print(f"running {side} ...", file=sys.stderr)
            before = os.getloadavg()[0]
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--side",
                    side,
                    "--data",
                    str(data),
                    "--work",
                    str(work),
                    "--repeats",
                    str(args.repeats),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            results[side] = json.loads(done.stdout.strip().splitlines()[-1])
            results[side]["load average"] = (before, os.getloadavg()[0])
        for key in [k for k in results["oxigraph"] if k.endswith(" rows")]:  # both sides found the same
            if key in results["rdflib"] and results["oxigraph"][key] != results["rdflib"][key]:
                print(
                    f"warning: {key}: Oxigraph {results['oxigraph'][key]}, rdflib {results['rdflib'][key]}",
                    file=sys.stderr,
                )
        load = ", ".join(
            f"{side} {a:.1f} -> {b:.1f}" for side, (a, b) in ((side, results[side]["load average"]) for side in results)
        )
        report = (
            f"{results['oxigraph']['triples']:,} triples; {machine()}; Oxigraph store on disk: "
            f"{results['oxigraph']['store_mb']:.0f} MB; load average during the run: {load}\n\n"
            + table(results["rdflib"], results["oxigraph"], results["oxigraph-named"])
        )
        print(report)
        if args.json:
            args.json.write_text(json.dumps({"machine": machine(), **results}, indent=2) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
