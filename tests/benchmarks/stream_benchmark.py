"""A generated news stream where positions change hands at known dates: change detection, support and removal.

``generate_stream(n)`` writes ``n`` short articles (seeded, deterministic) about companies whose chief executive
changes at known days. Each article has one main sentence and one or two fillers:

- an announcement, published on the day of the appointment or up to six days later: "P was named chief
  executive of C on Monday." (a weekday relative to the publication day) or "... on March 3, 2021.";
- a repeat by the current holder during the term: "P is the chief executive of C.";
- a repeat of an old appointment, published any time later: "P was appointed chief executive of C on 4 May 2021.";
- fillers: "C opened a new office in Leeds.", "P met with Q in Oslo."

The phrasings are the ones the extractor turns into position facts today (``name``/``appoint``/``be`` with the
object "chief executive of C"). The truth is the list of changes of holder.

``python tests/benchmarks/stream_benchmark.py [--articles 2000] [--remove 100] [--incremental]`` builds the
stream into a new Oxigraph store with ``--changes``, scores the conflicts against the truth (every change
detected, no false conflict), removes ``--remove`` random articles and compares the store with a fresh build
without them (``rdflib.compare.isomorphic`` on the dumps), and with ``--incremental`` times adding one new
article to the store (median of five, parse included and excluded).

``--store S`` only times adding one article to (a copy of) the store ``S``; ``--sizes 2000,10000 --keep S`` grows
one store of the stream batch by batch to each size and times it there. Measured (2 cores, load about 6 from
other work; two runs each; peak RSS includes spaCy's model)::

    python tests/benchmarks/stream_benchmark.py --store S

    store                             with parse    without       CPU           peak RSS   build state
    2,007 articles, 439,707 quads     0.43-0.67 s   0.35-0.52 s   0.10-0.12 s   308 MB     205 KB
    10,015 articles, 2,133,818 quads  0.96-1.10 s   0.75-0.77 s   0.33-0.44 s   333 MB     218 KB
    50,001 articles, 10,591,030 quads 0.60-1.12 s   0.59-1.10 s   1.08-1.48 s   515 MB     233 KB
    before: every article read again  30 s at 2,000 articles

The CPU that grows is mostly RocksDB compacting each build's small flushed tables into the store's (see the
README's "Time and change" section).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from graph.types import Document, PipelineConfig

_PREFIXES = [
    "Norvik",
    "Altamar",
    "Bellhaven",
    "Corvant",
    "Dunmore",
    "Elstree",
    "Fenwick",
    "Galloway",
    "Harrowgate",
    "Ivelton",
    "Juniper",
    "Kestrel",
    "Larkspur",
    "Marlowe",
    "Northgate",
    "Orwell",
    "Pemberton",
    "Quarrington",
    "Redfern",
    "Sterling",
    "Tamsin",
    "Umberlee",
    "Vantor",
    "Westbrook",
]
_SUFFIXES = ["Holdings", "Systems", "Industries", "Logistics", "Foods", "Energy"]
_FIRST = [
    "Maria",
    "Tomas",
    "Anna",
    "Peter",
    "Laura",
    "Daniel",
    "Sofia",
    "Martin",
    "Elena",
    "Victor",
    "Helen",
    "Oscar",
    "Clara",
    "Hugo",
    "Irene",
    "Felix",
    "Nora",
    "Adrian",
    "Greta",
    "Simon",
    "Julia",
    "Lucas",
    "Vera",
    "Robert",
]
_LAST = [
    "Keller",
    "Brandt",
    "Whitfield",
    "Okafor",
    "Lindqvist",
    "Moretti",
    "Castellano",
    "Novak",
    "Haddad",
    "Fairbairn",
    "Kowalczyk",
    "Albrecht",
    "Thornbury",
    "Valdivia",
    "Nakamura",
    "Ferreira",
    "Ostrowski",
    "Delacroix",
    "Hargreaves",
    "Sorensen",
    "Petrakis",
    "Kinsella",
    "Amundsen",
    "Rasmussen",
    "Ibarra",
    "Quinlan",
    "Vasquez",
    "Ellingham",
    "Marchetti",
    "Lindgren",
    "Abernethy",
    "Pellegrini",
    "Szabo",
    "Mortensen",
    "Carrington",
    "Volkov",
    "Tanaka",
    "Brennan",
    "Gallagher",
    "Holloway",
    "Jablonski",
    "Kaminski",
    "Larsen",
    "Mancini",
    "Navarro",
    "Oyelaran",
    "Prescott",
    "Rutherford",
    "Santoro",
    "Thorsen",
    "Underhill",
    "Varga",
    "Winslow",
    "Yamamoto",
    "Zielinski",
    "Ashdown",
    "Blackwood",
    "Cavendish",
    "Dunleavy",
    "Eastwood",
]
_CITIES = ["Leeds", "Oslo", "Lyon", "Porto", "Gdansk", "Malmo", "Turin", "Bilbao", "Utrecht", "Aarhus"]
_PUBLISHERS = ["Daily Ledger", "Business Wire Weekly", "The Market Herald"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_START, _END = date(2015, 1, 1), date(2024, 12, 31)


@dataclass(frozen=True)
class Term:
    company: str
    person: str
    start: date
    end: date  # the last day of the term (the day before the next one starts), or _END


@dataclass(frozen=True)
class Change:
    company: str
    was: str
    now: str
    day: date


def _long(day: date) -> str:
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def _terms(rng: random.Random, companies: list[str], people: list[str]) -> list[Term]:
    terms: list[Term] = []
    pool = list(people)
    rng.shuffle(pool)
    for company in companies:
        count = rng.randint(2, 4)
        span = (_END - _START).days
        days = sorted(rng.sample(range(30, span - 60), count - 1))
        starts = [_START + timedelta(days=rng.randint(0, 20))] + [_START + timedelta(days=d) for d in days]
        for i, start in enumerate(starts):
            end = starts[i + 1] - timedelta(days=1) if i + 1 < len(starts) else _END
            terms.append(Term(company, pool.pop(), start, end))
    return terms


def generate_stream(n: int, *, seed: int = 16) -> tuple[list[Document], list[Change]]:
    """``n`` articles in order of publication, and the true changes of chief executive."""
    rng = random.Random(seed)
    companies_n = max(3, min(len(_PREFIXES) * len(_SUFFIXES), n // 25))
    names = [f"{p} {s}" for s in _SUFFIXES for p in _PREFIXES]
    companies = names[:companies_n]
    pairs = [(first, last) for last in _LAST for first in _FIRST]
    rng.shuffle(pairs)
    people = [f"{first} {last}" for first, last in pairs[: companies_n * 4 + 10]]
    terms = _terms(rng, companies, people)
    changes = []
    by_company: dict[str, list[Term]] = {}
    for term in terms:
        by_company.setdefault(term.company, []).append(term)
    for company, held in by_company.items():
        for before, after in pairwise(held):
            changes.append(Change(company, before.person, after.person, after.start))

    drafts: list[tuple[date, str]] = []
    for term in terms:  # one announcement per term
        delay = rng.randint(0, 6)
        published = term.start + timedelta(days=delay)
        when = f"on {_WEEKDAYS[term.start.weekday()]}" if rng.random() < 0.5 else f"on {_long(term.start)}"
        drafts.append((published, f"{term.person} was named chief executive of {term.company} {when}."))
    while len(drafts) < n:
        term = rng.choice(terms)
        kind = rng.random()
        if kind < 0.45 and (term.end - term.start).days > 2:
            published = term.start + timedelta(days=rng.randint(1, (term.end - term.start).days))
            drafts.append((published, f"{term.person} is the chief executive of {term.company}."))
        elif kind < 0.7:
            published = term.start + timedelta(days=rng.randint(1, (_END - term.start).days))
            drafts.append(
                (
                    published,
                    f"{term.person} was appointed chief executive of {term.company} on "
                    f"{term.start.day} {term.start.strftime('%B')} {term.start.year}.",
                )
            )
        else:
            published = _START + timedelta(days=rng.randint(0, (_END - _START).days))
            other = rng.choice(terms)
            drafts.append((published, f"{term.person} met with {other.person} in {rng.choice(_CITIES)}."))
    drafts = drafts[:n] if len(drafts) > n else drafts
    drafts.sort(key=lambda d: d[0])
    documents = []
    for number, (published, main) in enumerate(drafts, 1):
        company = rng.choice(companies)
        fillers = [
            f"{company} opened a new office in {rng.choice(_CITIES)}.",
            f"Shares of {rng.choice(companies)} rose on the news.",
        ]
        text = " ".join([main, *rng.sample(fillers, rng.randint(1, 2))])
        documents.append(
            Document(
                id=f"stream-{number:05d}", text=text, published=published.isoformat(), source=rng.choice(_PUBLISHERS)
            )
        )
    return documents, changes


def score_changes(records: list[dict[str, object]], truth: list[Change]) -> dict[str, object]:
    """Conflicts of ``build --changes`` records against the true changes: which changes were detected (a
    conflict naming the company's position, the new holder and the one before), and which conflicts are false.
    Holders are compared as :func:`graph.rdf.support.same_holder` does: an entity id numbered apart because
    the NER typed one mention otherwise (``Julia_Fairbairn~2``), or a bare surname, is the same person."""
    from graph.rdf.namespaces import ENT
    from graph.rdf.support import same_holder
    from graph.resolve.entities import entity_id, normalize_name

    def iri(name: str) -> str:
        return f"<{ENT}{name}>"

    wanted = [
        (f"chief executive of {normalize_name(c.company)}", iri(entity_id(c.now)), iri(entity_id(c.was))) for c in truth
    ]
    found = sorted(
        {
            (str(conflict["position"]), iri(str(conflict["now"])), iri(str(conflict["was"])))
            for record in records
            for conflict in record["conflicts"]
        }
    )  # type: ignore[attr-defined]

    def match(a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
        return a[0] == b[0] and same_holder(a[1], b[1]) and same_holder(a[2], b[2])

    detected = [w for w in wanted if any(match(w, f) for f in found)]
    false = [f for f in found if not any(match(w, f) for w in wanted)]
    return {
        "changes": len(wanted),
        "detected": len(detected),
        "false_conflicts": false,
        "missed": [w for w in wanted if w not in detected],
    }


def same_dataset(a: object, b: object) -> bool:
    """Whether two datasets hold the same named graphs, each isomorphic (``rdflib.compare.isomorphic``)."""
    from rdflib import Graph
    from rdflib.compare import isomorphic

    def by_graph(dataset: object) -> dict[str, Graph]:
        graphs: dict[str, Graph] = {}
        for s, p, o, g in dataset.quads((None, None, None, None)):  # type: ignore[attr-defined]
            graphs.setdefault(str(getattr(g, "identifier", g)), Graph()).add((s, p, o))
        return graphs

    left, right = by_graph(a), by_graph(b)
    return left.keys() == right.keys() and all(isomorphic(left[k], right[k]) for k in left)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--remove", type=int, default=100)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--incremental", action="store_true", help="time adding one article to the built store")
    parser.add_argument(
        "--store", type=Path, help="only time adding one article to (a copy of) this store, e.g. a big stream store"
    )
    parser.add_argument(
        "--sizes",
        help="grow one store of the stream to each of these sizes (e.g. 2000,10000,50000) and time adding one "
        "article at each; with --keep DIR the store stays there to be grown further or timed again with --store",
    )
    parser.add_argument("--keep", type=Path, help="the folder of the store --sizes grows (default: a temporary one)")
    args = parser.parse_args(argv)
    if args.sizes:
        return _grow([int(size) for size in args.sizes.split(",")], args.keep)
    if args.store is not None:
        from graph.corpus import store_size
        from graph.rdf.stores import open_store

        with open_store(str(args.store)) as opened:
            articles = len(opened.article_hashes())
            quads = store_size(opened)
        _time_incremental(args.store, PipelineConfig(processes=1, gazetteer=None))
        print(f"(the store: {articles} articles, {quads} quads)")
        return 0

    from graph.builder import build_store
    from graph.rdf.stores import open_store
    from graph.removal import remove_articles

    documents, truth = generate_stream(args.articles)
    config = PipelineConfig(processes=args.processes, gazetteer=None)
    with tempfile.TemporaryDirectory(prefix="stream-") as scratch:
        folder = Path(scratch)
        started = time.perf_counter()
        result = build_store(documents, folder / "full", config=config, changes=folder / "changes.jsonl")
        built = time.perf_counter() - started
        records = [json.loads(line) for line in (folder / "changes.jsonl").read_text().splitlines()]
        score = score_changes(records, truth)
        print(
            f"built {len(documents)} articles in {built:.1f}s: {result.update.facts} facts, {result.update.quads} quads"
        )
        print(
            f"changes detected: {score['detected']}/{score['changes']}; false conflicts: "
            f"{len(score['false_conflicts'])}"
        )  # type: ignore[arg-type]
        for item in score["false_conflicts"][:10]:  # type: ignore[index]
            print("  false:", item)
        for item in score["missed"][:10]:  # type: ignore[index]
            print("  missed:", item)
        removed = sorted(random.Random(7).sample([d.id for d in documents], args.remove))
        with open_store(str(folder / "full"), writable=True) as store:
            started = time.perf_counter()
            remove_articles(store, removed)
            print(f"removed {len(removed)} articles in {time.perf_counter() - started:.1f}s")
            after = store.to_dataset()
        gone = set(removed)
        build_store([d for d in documents if d.id not in gone], folder / "fresh", config=config)
        with open_store(str(folder / "fresh")) as store:
            fresh = store.to_dataset()
        same = same_dataset(after, fresh)
        print(
            f"store after removal isomorphic to a fresh build without them: {same} ({len(after)} / {len(fresh)} quads)"
        )
        if args.incremental:
            _time_incremental(folder / "full", config)
    return 0 if score["detected"] == score["changes"] and not score["false_conflicts"] and same else 1


def time_additions(store_path: Path, config: object, *, count: int = 5) -> dict[str, float]:
    """Add ``count`` new articles, one build each (``build_store``, as ``newsgraph build NEW --store S`` does), to a
    copy of the store at ``store_path``: median seconds per build with the parse and without it (the same
    article's parse timed on its own), and this process's peak RSS (spaCy's model included). The copy is a RocksDB
    checkpoint (hard links) with the store's census and build state; a store without a build state (built before
    it existed) gets one from a first, untimed build in a child process."""
    import resource
    import shutil

    import pyoxigraph

    from graph.builder import build_store
    from graph.pipeline import analyze_documents
    from graph.rdf.index_store import STATE_FILE
    from graph.rdf.stores import CENSUS_FILE

    def article(number: int) -> Document:
        return Document(
            id=f"incremental-{number}",
            published=f"2025-01-{number + 1:02d}",
            text=f"Nora Quinlan was named chief executive of Norvik Holdings on {_WEEKDAYS[number % 7]}. "
            f"Norvik Holdings opened a new office in {_CITIES[number % len(_CITIES)]}.",
        )

    with tempfile.TemporaryDirectory(prefix="stream-add-", dir=store_path.parent) as scratch:
        copy = Path(scratch) / "store"
        source = pyoxigraph.Store.read_only(str(store_path))
        source.backup(str(copy))
        del source
        for name in (CENSUS_FILE, STATE_FILE):
            if (store_path / name).is_file():
                shutil.copy(store_path / name, copy / name)
        if not (copy / STATE_FILE).is_file():  # in a child process: its memory is not this one's peak
            import multiprocessing

            child = multiprocessing.get_context("spawn").Process(
                target=build_store, args=([article(99)], copy), kwargs={"config": config}
            )
            child.start()
            child.join()
        totals, parses, cpu = [], [], []
        for number in range(count):
            document = article(number)
            started = time.perf_counter()
            list(analyze_documents([document], config=config))  # type: ignore[arg-type]
            parses.append(time.perf_counter() - started)
            started, processor = time.perf_counter(), time.process_time()
            build_store([document], copy, config=config)  # type: ignore[arg-type]
            totals.append(time.perf_counter() - started)
            cpu.append(time.process_time() - processor)
        state_kb = (copy / STATE_FILE).stat().st_size / 1024
    return {
        "state_kb": state_kb,
        "with_parse": statistics.median(totals),
        "without_parse": statistics.median(t - p for t, p in zip(totals, parses, strict=True)),
        "cpu": statistics.median(cpu),  # CPU seconds of the build, parse included (all threads of this process)
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _grow(sizes: list[int], keep: Path | None) -> int:
    """Build the stream of ``max(sizes)`` articles into one store, batch by batch up to each size (one build
    each, as a store grows), and time adding one article at each size."""
    from graph.builder import build_store
    from graph.corpus import store_size
    from graph.rdf.stores import open_store

    documents, _truth = generate_stream(max(sizes))
    config = PipelineConfig(processes=1, gazetteer=None)
    with tempfile.TemporaryDirectory(prefix="stream-grow-") as scratch:
        store = keep or Path(scratch) / "store"
        with open_store(str(store), writable=True) as opened:
            done = len(opened.article_hashes())
        for size in sorted(sizes):
            if done < size:
                started = time.perf_counter()
                build_store(documents[done:size], store, config=config)
                print(f"grew the store to {size} articles in {time.perf_counter() - started:.0f}s", flush=True)
                done = size
            with open_store(str(store)) as opened:
                print(f"{size} articles, {store_size(opened)} quads:", end=" ", flush=True)
            _time_incremental(store, config)
    return 0


def _time_incremental(store_path: Path, config: object) -> None:
    timing = time_additions(store_path, config)
    print(
        f"one new article into the store: {timing['with_parse']:.2f}s median with its parse, "
        f"{timing['without_parse']:.2f}s without ({timing['cpu']:.2f}s CPU with it); "
        f"peak RSS {timing['peak_rss_mb']:.0f} MB; "
        f"build state {timing['state_kb']:.0f} KB"
    )


if __name__ == "__main__":
    sys.exit(main())
