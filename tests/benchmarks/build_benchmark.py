"""Build throughput against the parser itself, and peak memory, at 50k / 100k / 200k words.

    python tests/benchmarks/build_benchmark.py [--sizes 50000 100000 200000] [--processes 1 2]

The corpus is made by sampling sentences (with replacement, seeded) from the bundled article and
the 641 CaRB dev sentences (PTB escapes undone), 20 sentences an article, written as JSON Lines;
the smaller corpora are prefixes of the larger one. For each size and process count, in one run:

- **bare**: ``nlp.pipe`` over the same texts with the same model, pipes, batch size and
  ``n_process``, every ``Doc`` consumed and nothing else done;
- **build**: ``update_store`` (what ``newsgraph build --store DIR --processes N`` runs) into a new
  Oxigraph store: parsing, extraction, resolution, RDF and loading.

Each measurement runs in a fresh child process; peak memory is the child's own high-water mark
(``VmHWM``) plus, for worker processes, the largest worker's (``RUSAGE_CHILDREN``). CPU seconds
are the child's own (every thread, so the build's background store loader too) plus its worker
processes': the *CPU ratio* (bare / build) says how much work newsgraph adds whatever the
scheduling, where the wall-clock ratio can hide work on a core the parser leaves idle.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_PTB = [
    (" ,", ","),
    (" .", "."),
    (" 's", "'s"),
    (" n't", "n't"),
    ("-LRB- ", "("),
    (" -RRB-", ")"),
    ("`` ", '"'),
    (" ''", '"'),
    (" ;", ";"),
    (" :", ":"),
    (" %", "%"),
    ("$ ", "$"),
]


def sentences() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from graph.documents import load_documents

    found = []
    for document in load_documents([ROOT / "data" / "articles"]):
        found.extend(s for s in re.split(r"(?<=[.!?])\s+", document.text) if s)
    for line in (ROOT / "tests" / "data" / "carb" / "dev.txt").read_text(encoding="utf-8").splitlines():
        for escaped, plain in _PTB:
            line = line.replace(escaped, plain)
        found.append(line)
    return found


def write_corpus(path: Path, words: int, *, seed: int = 7) -> int:
    """A JSONL corpus of about ``words`` words; returns the number of articles."""
    pool = sentences()
    rng = random.Random(seed)
    count = total = 0
    with path.open("w", encoding="utf-8") as handle:
        while total < words:
            text = " ".join(rng.choice(pool) for _ in range(20))
            count += 1
            total += len(text.split())
            handle.write(json.dumps({"id": f"a{count:06d}", "text": text}) + "\n")
    return count


_CHILD = r"""
import json, resource, sys, tempfile, time
sys.path.insert(0, {root!r})
from graph.documents import load_documents
from graph.nlp import load_model

def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024

corpus, processes, mode = {corpus!r}, {processes}, {mode!r}
words = sum(len(d.text.split()) for d in load_documents([corpus]))
load_model()
before = resource.getrusage(resource.RUSAGE_SELF)
cpu_before = before.ru_utime + before.ru_stime  # this process and every thread; workers join RUSAGE_CHILDREN
started = time.perf_counter()
if mode == "bare":
    nlp = load_model()
    texts = (d.text for d in load_documents([corpus]))
    for doc in nlp.pipe(texts, batch_size=16, n_process=processes):
        pass
else:
    from graph.corpus import update_store
    from graph.rdf.stores import OxigraphStore
    from graph.types import PipelineConfig
    with OxigraphStore(tempfile.mkdtemp() + "/store", writable=True) as store:
        update_store(store, [corpus], config=PipelineConfig(processes=processes))
seconds = time.perf_counter() - started
here, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = here.ru_utime + here.ru_stime + children.ru_utime + children.ru_stime - cpu_before
print(json.dumps({{"words": words, "seconds": seconds, "cpu": cpu, "peak_mb": peak_mb(),
                  "worker_peak_mb": children.ru_maxrss // 1024}}))
"""


_BREAKDOWN = r"""
import json, resource, sys, tempfile, time
sys.path.insert(0, {root!r})
import pyoxigraph as ox
from graph.corpus import update_store
from graph.documents import load_documents
from graph.extractors import DocContext, extractions_from, make_extractors
from graph.nlp import load_model
from graph.rdf.stores import OxigraphStore
from graph.resolve import resolve_article

def cpu():
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime

nlp = load_model()
documents = list(load_documents([{corpus!r}]))
extractors = make_extractors(None)
out = {{}}
started = cpu()
for doc in nlp.pipe((d.text for d in documents), batch_size=16):
    pass
out["parse"] = cpu() - started
started = cpu()
for doc, document in nlp.pipe(((d.text, d) for d in documents), as_tuples=True, batch_size=16):
    context = DocContext.of(doc, document.id)
    found = extractions_from(extractors, doc, document.id, context=context)
    resolve_article(doc, document, found, context, gazetteer=None)
out["parse, extract, resolve"] = cpu() - started
folder = tempfile.mkdtemp() + "/store"
started = cpu()
with OxigraphStore(folder, writable=True) as store:
    update_store(store, [{corpus!r}])
out["build"] = cpu() - started
lines = [line for line in ox.Store.read_only(folder).dump(format=ox.RdfFormat.N_QUADS).split(b"\n") if line]
slices = [b"\n".join(lines[start:start + 50_000]) + b"\n" for start in range(0, len(lines), 50_000)]
out["quads"] = len(lines)
started = cpu()
again = ox.Store(tempfile.mkdtemp() + "/again")
for data in slices:  # as the build hands them over: slices of 50,000 quads
    again.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
again.optimize()
out["load the build's quads"] = cpu() - started
print(json.dumps(out))
"""


def breakdown(corpus: Path) -> None:
    """Where a one-process build's CPU time goes, in one child process: the parse alone; parse,
    extraction and resolution (no RDF); the whole build; Oxigraph loading the quads the build
    wrote (its N-Quads dump, bulk-loaded again)."""
    code = _BREAKDOWN.format(root=str(ROOT), corpus=str(corpus))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    out = json.loads(done.stdout.strip().splitlines()[-1])
    parse = out["parse"]
    print(f"\nCPU breakdown, one process ({out['quads']:,} quads): parse {parse:.1f} s = 100 %")
    for key in ("parse, extract, resolve", "build", "load the build's quads"):
        print(f"- {key}: {out[key]:.1f} s = {100 * out[key] / parse:.0f} %")


def measure(corpus: Path, processes: int, mode: str) -> dict:
    code = _CHILD.format(root=str(ROOT), corpus=str(corpus), processes=processes, mode=mode)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 100_000, 200_000])
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--breakdown", action="store_true", help="also: where one process's CPU time goes (largest size)"
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    largest = folder / "largest.jsonl"
    write_corpus(largest, max(args.sizes))
    lines = largest.read_text(encoding="utf-8").splitlines()
    print(
        "| words | articles | processes | bare nlp.pipe words/s | newsgraph build words/s | ratio | CPU s bare | "
        "CPU s build | CPU ratio | peak RSS bare | peak RSS build (largest worker) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in args.sizes:
        corpus = folder / f"c{size}.jsonl"
        taken, total = [], 0
        for line in lines:
            if total >= size:
                break
            taken.append(line)
            total += len(json.loads(line)["text"].split())
        corpus.write_text("\n".join(taken) + "\n", encoding="utf-8")
        for processes in args.processes:
            bare = measure(corpus, processes, "bare")
            built = measure(corpus, processes, "build")
            bare_rate = bare["words"] / bare["seconds"]
            build_rate = built["words"] / built["seconds"]
            worker = f" ({built['worker_peak_mb']} MB)" if processes > 1 else ""
            print(
                f"| {built['words']:,} | {len(taken):,} | {processes} | {bare_rate:,.0f} | {build_rate:,.0f} | "
                f"{build_rate / bare_rate:.2f} | {bare['cpu']:.1f} | {built['cpu']:.1f} | {bare['cpu'] / built['cpu']:.2f} | "
                f"{bare['peak_mb']} MB | {built['peak_mb']} MB{worker} |",
                flush=True,
            )
    if args.breakdown:
        breakdown(corpus)


if __name__ == "__main__":
    main()
