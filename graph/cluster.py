"""Distributed builds on Dask: workers parse, extract and resolve; the driver merges and writes.

``newsgraph build --dask local`` (a :class:`distributed.LocalCluster`) or ``--dask
tcp://SCHEDULER:8786`` (a running cluster) splits the articles a build has to do into
*partitions*: contiguous runs of them in input order, whole files or line ranges of a JSON Lines
file. Each partition is one Dask task: a worker reads its articles from the (shared) corpus,
parses, extracts and resolves them and writes a shard file (:mod:`graph.shards`) into the
(shared) shards folder. The driver reads the shards back in partition order, so the articles
arrive in the order a single-process build reads them, and merges and writes them with the same
function a local build uses (:func:`graph.corpus.write_articles`): entity ids are first come,
first served, so the graph is the same, with the same ids.

The driver reads the inputs first (:func:`graph.corpus.update_store`'s plan), so skipped inputs
and duplicate ids are found and reported exactly as in a local build; a worker reads only the
articles the plan names and checks each against the content hash the plan saw.

A worker that dies is replaced and its task run again (Dask's ``allowed-failures``); a task that
raises is retried (``retries``). Tasks are idempotent: a shard is written to a temporary name and
renamed. A partition that still fails stops the build with one line, and the store is left as
it was (the driver's writes are undone).

Dask is optional (``pip install 'newsgraph[dask]'``) and imported only here, only when used.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import socket
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .documents import iter_documents, read_jsonl_lines, source_location
from .errors import ClusterError, InputError, NewsgraphError
from .resolve import ResolvedArticle
from .shards import ShardHeader, newsgraph_version, read_shard, write_shard
from .types import DEFAULT_CONFIG, Document, PipelineConfig, PlannedArticle

__all__ = [
    "LOCAL",
    "DaskOptions",
    "Partition",
    "PartitionArticle",
    "analyze_on_dask",
    "analyze_partition",
    "dask_options",
    "plan_partitions",
    "require_dask",
]

#: ``DaskOptions.scheduler`` for a LocalCluster started (and stopped) by the build
LOCAL = "local"
INSTALL_HINT = "pip install 'newsgraph[dask]'"


@dataclass(frozen=True)
class DaskOptions:
    """Where and how a distributed build runs."""

    scheduler: str  # "local" (a LocalCluster of ``workers`` processes) or a scheduler address
    shards: Path  # folder for the shard files: on storage the driver and every worker share
    workers: int = 2  # worker processes of a LocalCluster (one thread each)
    retries: int = 2  # times a task that raised is run again
    partitions_per_worker: int = 4  # more, smaller partitions balance the load
    max_partition_words: int = 200_000  # and bound what one retry repeats
    connect_timeout: float = 30.0  # seconds to reach the scheduler and to wait for a worker


@dataclass(frozen=True)
class PartitionArticle:
    """One article of a partition: where a worker finds it and what the driver saw."""

    id: str
    content_hash: str
    path: str | None  # Document.path as the driver read it (it goes into the graph)
    file: str | None  # the absolute file to read it from
    line: int | None  # its line, in a JSON Lines file
    document: Document | None = None  # an article given as a value travels with the task


@dataclass(frozen=True)
class Partition:
    """A contiguous run of the articles to build, in input order: one task, one shard."""

    number: int
    articles: tuple[PartitionArticle, ...]
    words: int

    def describe(self) -> str:
        first, last = self.articles[0].id, self.articles[-1].id
        return f"partition {self.number} ({len(self.articles)} article(s), {first!r}" + (
            f" .. {last!r})" if last != first else ")"
        )


@dataclass(frozen=True)
class _Settings:
    """What every task needs besides its partition."""

    build: str
    shards: str
    version: str
    config: PipelineConfig  # run with one process: the task is the unit of parallelism


def dask_options(
    address: str | None, shards: str | Path | None, *, output: str | Path, store: str | None, workers: int
) -> DaskOptions | None:
    """The options of ``newsgraph build --dask ADDRESS --shards FOLDER``, checked (and Dask's
    presence) before anything is opened; None without ``--dask``. The shards go by default into
    ``OUTPUT/shards``, or ``STORE.shards`` beside a store folder."""
    if address is None:
        if shards is not None:
            raise NewsgraphError("--shards is for a build with --dask")
        return None
    from .rdf.stores import is_remote

    if address != LOCAL and ":" not in address:
        raise NewsgraphError(f"--dask takes 'local' or a scheduler address such as tcp://HOST:8786, not {address!r}")
    require_dask()
    if shards is None:
        shards = (
            Path(output) / "shards"
            if store is None or is_remote(store)
            else Path(store).with_name(Path(store).name + ".shards")
        )
    return DaskOptions(scheduler=address, shards=Path(shards), workers=workers)


def require_dask() -> None:
    """Raise a one-line :class:`ClusterError` if Dask's ``distributed`` is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise ClusterError(f"--dask needs Dask, which is not installed: {INSTALL_HINT}") from None


# ------------------------------------------------------------------------------------ partitions


def plan_partitions(
    todo: Sequence[PlannedArticle], workers: int, *, per_worker: int = 4, max_words: int = 200_000
) -> list[Partition]:
    """Cut the articles to build into contiguous partitions of about equal words: about
    ``per_worker`` for each worker, none over ``max_words`` unless one article is. Partitions
    end between files or between lines of a JSON Lines file, never inside an article."""
    total = sum(article.words for article in todo)
    wanted = max(1, workers * per_worker, -(-total // max(1, max_words)))
    target = max(1, -(-total // wanted))
    partitions: list[Partition] = []
    current: list[PartitionArticle] = []
    words = 0
    for article in todo:
        if current and words + article.words > max_words:
            partitions.append(Partition(len(partitions), tuple(current), words))
            current, words = [], 0
        current.append(_locate(article))
        words += article.words
        if words >= target:
            partitions.append(Partition(len(partitions), tuple(current), words))
            current, words = [], 0
    if current:
        partitions.append(Partition(len(partitions), tuple(current), words))
    return partitions


def _locate(article: PlannedArticle) -> PartitionArticle:
    if article.document is not None or article.path is None:
        return PartitionArticle(
            id=article.id,
            content_hash=article.content_hash,
            path=article.path,
            file=None,
            line=None,
            document=article.document,
        )
    file, line = source_location(article.path)
    return PartitionArticle(
        id=article.id, content_hash=article.content_hash, path=article.path, file=os.path.abspath(file), line=line
    )


# ------------------------------------------------------------------------------------ the worker's side


def analyze_partition(partition: Partition, settings: _Settings) -> dict[str, Any]:
    """A Dask task: read, parse, extract and resolve one partition, write its shard. Returns a
    summary (shard path, articles, host). Idempotent: running it again rewrites the same shard."""
    from .pipeline import analyze_documents

    host = socket.gethostname()
    folder = Path(settings.shards)
    try:
        if not folder.is_dir():
            raise ClusterError(
                f"the shards folder {folder} does not exist on worker {host}: it must be on "
                "storage the driver and every worker share, at the same path"
            )
        articles = analyze_documents(_partition_documents(partition, settings.config.max_chars), config=settings.config)
        path = folder / shard_name(partition.number)
        header = ShardHeader(
            build=settings.build,
            partition=partition.number,
            articles=len(partition.articles),
            newsgraph=newsgraph_version(),
            host=host,
        )
        write_shard(path, header, articles)
    except NewsgraphError as exc:  # as a ClusterError: one argument pickles back (InputError takes two)
        raise ClusterError(f"{partition.describe()} on {host}: {exc}") from None
    return {"partition": partition.number, "shard": str(path), "articles": len(partition.articles), "host": host}


def shard_name(number: int) -> str:
    return f"part-{number:05d}.jsonl.gz"


def _partition_documents(partition: Partition, max_chars: int) -> Iterator[Document]:
    """The partition's articles, read again from the corpus as the driver read them (same id and
    path), each checked against the content hash the driver saw."""
    articles = partition.articles
    start = 0
    while start < len(articles):
        first = articles[start]
        end = start + 1
        if first.file is not None and first.line is not None:  # a run of lines of one JSON Lines file
            while end < len(articles) and articles[end].file == first.file and articles[end].line is not None:
                end += 1
        yield from _read_group(articles[start:end], max_chars)
        start = end


def _read_group(group: Sequence[PartitionArticle], max_chars: int) -> Iterator[Document]:
    first = group[0]
    if first.document is not None:
        yield _checked(first, first.document)
        return
    if first.file is None:
        raise ClusterError(f"article {first.id!r} has neither a file nor a value to read it from")
    problems: list[InputError] = []
    if first.line is None:
        found = list(iter_documents([first.file], on_problem=problems.append, max_chars=max_chars))
        if not found:
            raise _unreadable(first, problems)
        yield _checked(first, replace(found[0], id=first.id, path=first.path))
        return
    by_line: dict[int, PartitionArticle] = {}
    for article in group:
        assert article.line is not None  # a group is lines of one JSON Lines file, as is its first
        by_line[article.line] = article
    lines = range(min(by_line), max(by_line) + 1)
    for document in read_jsonl_lines(first.file, lines, on_problem=problems.append, max_chars=max_chars):
        line = source_location(document.path or "")[1]
        planned = by_line.pop(line, None) if line is not None else None
        if planned is not None:
            yield _checked(planned, replace(document, path=planned.path))
    if by_line:
        raise _unreadable(by_line[min(by_line)], problems)


def _checked(planned: PartitionArticle, document: Document) -> Document:
    if document.id != planned.id or document.content_hash != planned.content_hash:
        raise ClusterError(
            f"article {planned.id!r} ({planned.path}) is not what the driver read: "
            "did the file change during the build, or is this another copy of the corpus?"
        )
    return document


def _unreadable(planned: PartitionArticle, problems: list[InputError]) -> ClusterError:
    reasons = "; ".join(str(p) for p in problems[:3]) or "not found"
    return ClusterError(
        f"cannot read article {planned.id!r} from {planned.file} ({reasons}): the corpus must be "
        "on storage every worker can read, at the same path"
    )


# ------------------------------------------------------------------------------------ the driver's side


@contextlib.contextmanager
def analyze_on_dask(
    todo: Sequence[PlannedArticle], options: DaskOptions, *, config: PipelineConfig = DEFAULT_CONFIG
) -> Iterator[Iterable[ResolvedArticle]]:
    """Run the partitions of ``todo`` on the cluster; the context is the stream of resolved
    articles, read back from the shards in partition order as soon as each is done. Leaving the
    context cancels what still runs, closes the cluster (a local one) and removes the build's shards."""
    require_dask()
    build = uuid.uuid4().hex[:12]
    shared = Path(options.shards).absolute()
    created = not shared.exists()
    folder = shared / f"build-{build}"
    try:
        folder.mkdir(parents=True)
    except OSError as exc:
        raise ClusterError(f"cannot create the shards folder {folder} ({exc.strerror or exc})") from None
    settings = _Settings(
        build=build, shards=str(folder), version=newsgraph_version(), config=replace(config, processes=1)
    )
    try:
        with _client(options) as client:
            workers = max(1, sum(client.nthreads().values()))
            partitions = plan_partitions(
                todo, workers, per_worker=options.partitions_per_worker, max_words=options.max_partition_words
            )
            task = _PARTITION_TASK
            futures = [
                client.submit(
                    task,
                    partition,
                    settings,
                    key=f"newsgraph-{build}-{partition.number:05d}",
                    retries=options.retries,
                    pure=False,
                )
                for partition in partitions
            ]
            try:
                yield _shard_stream(partitions, futures, settings, options)
            finally:
                client.cancel(futures)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if created:
            with contextlib.suppress(OSError):
                shared.rmdir()  # made for this build, and no other build uses it now


#: the function each task runs (a test replaces it to kill a worker mid-partition)
_PARTITION_TASK = analyze_partition


def _shard_stream(
    partitions: list[Partition], futures: list[Any], settings: _Settings, options: DaskOptions
) -> Iterator[ResolvedArticle]:
    for partition, future in zip(partitions, futures):
        summary = _result(future, partition, options)
        shard = Path(summary["shard"])
        yield from read_shard(shard, build=settings.build, partition=partition.number, version=settings.version)
        with contextlib.suppress(OSError):
            shard.unlink()  # merged: free the space now


def _result(future: Any, partition: Partition, options: DaskOptions) -> dict[str, Any]:
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker:
        raise ClusterError(
            f"{partition.describe()}: every worker that ran it died; see the workers' logs (out of memory?)"
        ) from None
    except ClusterError as exc:
        raise ClusterError(f"{exc} (tried {options.retries + 1} times)") from None
    except Exception as exc:  # noqa: BLE001 - whatever the worker raised, as one line
        message = " ".join(str(exc).split()) or "no message"
        raise ClusterError(
            f"{partition.describe()} failed on the cluster after {options.retries + 1} "
            f"attempt(s): {type(exc).__name__}: {message}"
        ) from None


@contextlib.contextmanager
def _client(options: DaskOptions) -> Iterator[Any]:
    """A Dask client: of a LocalCluster started here (``"local"``), or of the scheduler named."""
    from distributed import Client, LocalCluster

    if options.scheduler == LOCAL:
        with (
            LocalCluster(
                n_workers=options.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster, set_as_default=False) as client,
        ):
            yield client
        return
    try:
        client = Client(options.scheduler, timeout=options.connect_timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler {options.scheduler} ({' '.join(str(exc).split())}); "
            "start one with: dask scheduler"
        ) from None
    with client:
        try:
            client.wait_for_workers(1, timeout=options.connect_timeout)
        except (TimeoutError, OSError):
            raise ClusterError(
                f"no worker joined the Dask scheduler {options.scheduler} within "
                f"{options.connect_timeout:g} s; start some with: dask worker {options.scheduler}"
            ) from None
        yield client
