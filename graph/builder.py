"""A build that writes: articles into a store, or into a folder of graph.ttl, graph.html and report.json.

Every build that writes goes through here: ``newsgraph build`` (both kinds), :func:`graph.build`
and the notebooks. A build into a folder (:func:`build_folder`) adds the articles to a staging
Oxigraph store in the folder (``OUT/.newsgraph-staging-PID``), exports ``graph.ttl`` from it,
renders ``graph.html`` and writes ``report.json``; each output is written to a temporary file
and renamed, and the staging store is removed, so a build killed at any point leaves the
previous outputs as they were. A build into a store (:func:`build_store`) adds the articles to
it incrementally (:func:`graph.corpus.update_store`) and writes its report into the folder it is
given, else into the store's own folder (a remote store without one gets no report file).

The report says what was read, built and skipped (each skipped input with its reason), the
counts and the time. Nothing here prints: progress and problems go to the callbacks given.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from .corpus import CorpusUpdate, update_store
from .errors import InputError, NewsgraphError
from .outputs import process_alive, remove_stale_temporaries, write_text_atomic
from .rdf.stores import GraphStore, OxigraphStore, is_remote, open_store
from .types import DEFAULT_CONFIG, Document, PipelineConfig

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Dataset

    from .cluster import DaskOptions
    from .resolve import Gazetteer

__all__ = [
    "STAGING_PREFIX",
    "BuildCalls",
    "BuildResult",
    "build_dataset",
    "build_folder",
    "build_store",
    "changes_records",
    "default_gazetteer",
    "load_gazetteer",
    "remove_stale_staging",
    "report_record",
    "staging_store",
]

#: the staging store's folder in OUT, followed by the building process's id
STAGING_PREFIX = ".newsgraph-staging-"
#: ``newsgraph build``'s exit status when everything was built, and when some input was skipped
STATUS_OK, STATUS_SKIPPED = 0, 3

Inputs = Iterable[str | Path | Document]
ProblemHandler = Callable[[InputError], None]


class BuildCalls(TypedDict, total=False):
    """The handlers :func:`build_folder` and :func:`build_store` both take, as one set of keywords."""

    on_problem: ProblemHandler | None
    on_document: Callable[[Document], None] | None
    on_plan: Callable[[int, int], None] | None
    dask: DaskOptions | None


@dataclass(frozen=True)
class BuildResult:
    """What a build did and wrote."""

    update: CorpusUpdate  # articles added, replaced, unchanged; facts, entities, quads, words
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]  # files written (graph.ttl, graph.html), or the store
    skipped: tuple[InputError, ...]  # each input that was not built, with the reason
    seconds: float
    report: Path | None = None  # the report.json written, if one was

    @property
    def status(self) -> int:
        """``newsgraph build``'s exit status: 0 all built, 3 built but some input skipped."""
        return STATUS_SKIPPED if self.skipped else STATUS_OK


def default_gazetteer() -> Gazetteer | None:
    """The bundled gazetteer (``ontology/gazetteer.ttl``) if it is there, else None: what
    ``newsgraph build`` and :func:`graph.build` use unless told otherwise."""
    from .rdf.ontology import read_gazetteer_file

    return read_gazetteer_file()


def load_gazetteer(path: str | Path | None = None) -> Gazetteer | None:
    """The gazetteer (SKOS Turtle) at ``path``; without one, the bundled gazetteer. (Reading it
    takes rdflib, so it happens here, at the end of the stages, and the value travels in the
    :class:`PipelineConfig`.)"""
    if path is None:
        return default_gazetteer()
    from .rdf.ontology import read_gazetteer

    return read_gazetteer(path)


def _collecting(problems: list[InputError], on_problem: ProblemHandler | None) -> ProblemHandler:
    """A problem handler that keeps each problem for the report and passes it on."""

    def problem(found: InputError) -> None:
        problems.append(found)
        if on_problem is not None:
            on_problem(found)

    return problem


def _update(
    store: GraphStore,
    items: list[str | Path | Document],
    config: PipelineConfig,
    *,
    on_problem: ProblemHandler | None = None,
    on_document: Callable[[Document], None] | None = None,
    on_plan: Callable[[int, int], None] | None = None,
    dask: DaskOptions | None = None,
) -> CorpusUpdate:
    """Add the articles to the store; nothing readable at all is an error."""
    done = update_store(
        store, items, config=config, on_problem=on_problem, on_document=on_document, on_plan=on_plan, dask=dask
    )
    if not (done.added or done.replaced or done.unchanged):
        raise NewsgraphError("no readable articles in " + ", ".join(_names(items)))
    return done


def build_folder(
    inputs: Inputs,
    output: str | Path,
    *,
    config: PipelineConfig = DEFAULT_CONFIG,
    html: bool = True,
    min_confidence: float = 0.0,
    on_problem: ProblemHandler | None = None,
    on_document: Callable[[Document], None] | None = None,
    on_plan: Callable[[int, int], None] | None = None,
    dask: DaskOptions | None = None,
) -> BuildResult:
    """Build the graph of ``inputs`` into the folder ``output``: ``graph.ttl``, ``graph.html``
    (unless ``html`` is false) and ``report.json``. Facts below ``min_confidence`` are left out of
    both (:func:`graph.rdf.model.low_confidence_update` on the staging store). Inputs that cannot be read go to
    ``on_problem`` and the report, and the rest is built; nothing readable at all raises
    :class:`NewsgraphError` (and leaves no empty folder behind)."""
    started = time.perf_counter()
    output = Path(output)
    items = list(inputs)
    problems: list[InputError] = []
    written: list[str] = []
    with staging_store(output) as staging:
        done = _update(
            staging,
            items,
            config,
            on_problem=_collecting(problems, on_problem),
            on_document=on_document,
            on_plan=on_plan,
            dask=dask,
        )
        if min_confidence > 0:
            from .rdf.model import low_confidence_update

            staging.triples_view().store.update(low_confidence_update(min_confidence))  # staging only
        written.append(str(staging.export(output / "graph.ttl")))
        if html:
            from .view import View, render_graph

            page = output / "graph.html"
            title = "newsgraph: " + ", ".join(done.added[:3]) + (" …" if len(done.added) > 3 else "")
            render_graph(staging.triples_view(), page, View(), title=title)
            written.append(str(page))
    return _finish(done, items, written, problems, started, report=output / "report.json")


def build_store(
    inputs: Inputs,
    store: str | Path,
    *,
    config: PipelineConfig = DEFAULT_CONFIG,
    report_folder: str | Path | None = None,
    on_problem: ProblemHandler | None = None,
    on_document: Callable[[Document], None] | None = None,
    on_plan: Callable[[int, int], None] | None = None,
    dask: DaskOptions | None = None,
    changes: str | Path | None = None,
) -> BuildResult:
    """Add the articles of ``inputs`` to ``store`` (an Oxigraph folder, created if missing, or a
    SPARQL endpoint URL), incrementally. ``report.json`` goes into ``report_folder`` if given,
    else into the store's folder; a remote store without a ``report_folder`` gets none.
    ``changes``: a JSON Lines file to write what each added or replaced article changes (its facts
    new to the store, those confirming known facts, and conflicts with known holders of a position)."""
    started = time.perf_counter()
    items = list(inputs)
    problems: list[InputError] = []
    with open_store(str(store), writable=True) as target:
        done = _update(
            target,
            items,
            config,
            on_problem=_collecting(problems, on_problem),
            on_document=on_document,
            on_plan=on_plan,
            dask=dask,
        )
    if report_folder is not None:
        report: Path | None = Path(report_folder) / "report.json"
    else:
        report = None if is_remote(str(store)) else Path(store) / "report.json"
    if changes is not None:
        write_text_atomic(
            Path(changes), "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in changes_records(done))
        )
    return _finish(done, items, [str(store)], problems, started, report=report)


def changes_records(done: CorpusUpdate) -> list[dict[str, object]]:
    """One record per added or replaced article, in build order: ``article``, ``published``, ``new`` (its direct
    triples new to the store), ``confirms`` (those known before, with how many articles asserted them) and
    ``conflicts`` (positions it says someone else holds than the store knew: ``position``, ``was``, ``now``,
    ``since``, the ``superseded`` record and the one it is superseded ``by``)."""
    return [change.record() for change in done.changes]


def build_dataset(
    inputs: Inputs,
    *,
    config: PipelineConfig = DEFAULT_CONFIG,
    output: str | Path | None = None,
    on_problem: ProblemHandler | None = None,
) -> Dataset:
    """The graph of ``inputs`` as an rdflib ``Dataset`` (one named graph per article, and the
    corpus graph), built through a staging store like every other build; with ``output``, its
    Turtle (or the format of the extension) is also written there, atomically. Without an
    ``on_problem`` handler the first input that cannot be read is raised."""
    with contextlib.ExitStack() as stack:
        if output is None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="newsgraph-build-")))
        else:
            folder = Path(output).parent
        with staging_store(folder) as staging:
            _update(staging, list(inputs), config, on_problem=on_problem)
            if output is not None:
                staging.export(output)
            return staging.to_dataset()


@contextlib.contextmanager
def staging_store(folder: str | Path) -> Iterator[OxigraphStore]:
    """A new Oxigraph store in ``folder`` (``.newsgraph-staging-PID``), removed when the block
    ends; what a killed build left in ``folder`` is removed first. ``folder`` is created if
    needed and removed again if the build leaves it empty."""
    folder = Path(folder)
    remove_stale_staging(folder)
    path = folder / f"{STAGING_PREFIX}{os.getpid()}"
    try:
        with OxigraphStore(path, writable=True) as store:
            yield store
    finally:
        shutil.rmtree(path, ignore_errors=True)
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if the build left it empty


def remove_stale_staging(folder: str | Path) -> None:
    """A build killed half way leaves its staging store (and maybe a half-written temporary
    output file) in its folder; remove those whose process is gone."""
    folder = Path(folder)
    if not folder.is_dir():
        return
    for staging in folder.glob(STAGING_PREFIX + "*"):
        pid = staging.name[len(STAGING_PREFIX) :]
        if pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(staging, ignore_errors=True)
    remove_stale_temporaries(folder)


def _finish(
    done: CorpusUpdate,
    items: Sequence[str | Path | Document],
    outputs: list[str],
    problems: list[InputError],
    started: float,
    *,
    report: Path | None,
) -> BuildResult:
    result = BuildResult(
        update=done,
        inputs=tuple(_names(items)),
        outputs=tuple(outputs),
        skipped=tuple(problems),
        seconds=time.perf_counter() - started,
        report=report,
    )
    if report is not None:
        write_text_atomic(report, json.dumps(report_record(result), indent=2, ensure_ascii=False) + "\n")
    return result


def report_record(result: BuildResult) -> dict[str, object]:
    """``report.json``: what was read, built and skipped (with the reason), counts and time."""
    done, seconds = result.update, result.seconds
    skipped = [{"source": p.path, "line": p.line, "reason": p.reason} for p in result.skipped]
    return {
        "inputs": list(result.inputs),
        "outputs": list(result.outputs),
        "articles": {
            "built": len(done.added) + len(done.replaced),
            "added": len(done.added),
            "replaced": len(done.replaced),
            "unchanged": len(done.unchanged),
            "skipped": len(skipped),
        },
        "skipped": skipped,
        "facts": done.facts,
        "entities": done.entities,
        "quads": done.quads,
        "words": done.words,
        "seconds": round(seconds, 3),
        "words_per_second": round(done.words / seconds, 1) if seconds > 0 else None,
        "changes": {
            "new": sum(len(c.new) for c in done.changes),
            "confirms": sum(len(c.confirms) for c in done.changes),
            "conflicts": [{"article": c.article, **conflict} for c in done.changes for conflict in c.conflicts],
            "undated": list(done.undated),
        },
        "exit_status": result.status,
    }


def _names(items: Iterable[str | Path | Document]) -> list[str]:
    return [item.path or item.id if isinstance(item, Document) else str(item) for item in items]
