"""Shard files: resolved articles on their way from the workers of a distributed build to its driver.

A worker of ``newsgraph build --dask`` parses, extracts and resolves one partition of the corpus
and writes what it found as a shard: gzip-compressed JSON Lines, a header line and then one
:class:`~graph.resolve.ResolvedArticle` a line, in input order. The driver reads the shards back
in partition order and merges the articles' entities into corpus entities
(:func:`graph.corpus.write_articles`).

A shard holds resolved articles, not RDF, because no quad about an entity is final before the
merge: entity ids are given first come, first served over the whole corpus, and assertion and
membership IRIs are hashes over those ids. What the merge needs from an article (each local
entity's names with their counts, type, gazetteer id) is exactly what a resolved article holds,
and JSON reads back much faster than N-Quads would.

The header names the format and its version, the newsgraph version that wrote it, the build and
the partition, and how many articles follow; a shard is written to a temporary name and renamed,
so a shard that exists is complete, and writing one twice (a retried task) gives the same file.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import uuid
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from .errors import NewsgraphError
from .resolve import ResolvedArticle
from .resolve.entities import LocalEntity
from .types import Document, EntityMention, Fact, Membership, Provenance, Sentence

__all__ = [
    "SHARD_FORMAT",
    "SHARD_VERSION",
    "ShardHeader",
    "ShardError",
    "article_record",
    "article_from_record",
    "write_shard",
    "read_shard",
    "newsgraph_version",
]

SHARD_FORMAT = "newsgraph-shard"
SHARD_VERSION = 1


class ShardError(NewsgraphError):
    """A shard file that is missing, damaged or from another build or version."""


@dataclass(frozen=True)
class ShardHeader:
    """The first line of a shard."""

    build: str  # the build that wrote it (a random id per build)
    partition: int
    articles: int  # how many article lines follow
    newsgraph: str  # version of the newsgraph that wrote it
    host: str = ""  # the worker's host name

    def record(self) -> dict[str, Any]:
        return {"format": SHARD_FORMAT, "version": SHARD_VERSION, **asdict(self)}


def newsgraph_version() -> str:
    """The installed newsgraph's version (shards from another version are refused)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsgraph")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def article_record(article: ResolvedArticle) -> dict[str, Any]:
    """A resolved article as plain JSON data (:func:`article_from_record` reads it back equal):
    every field of every value, so a field added to them travels without a change here."""
    return {
        "document": asdict(article.document),
        "sentences": [asdict(sentence) for sentence in article.sentences],
        "entities": [
            {**{f.name: getattr(e, f.name) for f in fields(e)}, "names": [[n, c] for n, c in e.names.items()]}
            for e in article.entities
        ],
        "facts": [asdict(fact) for fact in article.facts],
        "memberships": [asdict(membership) for membership in article.memberships],
        "article_entities": [list(pair) for pair in article.article_entities],
        "mentions": [asdict(mention) for mention in article.mentions],
    }


def article_from_record(record: dict[str, Any]) -> ResolvedArticle:
    """The resolved article :func:`article_record` wrote (names keep their order: the entity
    index looks at them in that order)."""
    return ResolvedArticle(
        document=Document(**record["document"]),
        sentences=tuple(Sentence(**sentence) for sentence in record["sentences"]),
        entities=tuple(LocalEntity(**{**e, "names": Counter(dict(e["names"]))}) for e in record["entities"]),
        facts=tuple(Fact(**{**fact, "provenance": Provenance(**fact["provenance"])}) for fact in record["facts"]),
        memberships=tuple(
            Membership(**{**m, "provenance": Provenance(**m["provenance"])}) for m in record["memberships"]
        ),
        article_entities=tuple((role, key) for role, key in record["article_entities"]),
        mentions=tuple(EntityMention(**mention) for mention in record.get("mentions", ())),
    )


def write_shard(path: str | Path, header: ShardHeader, articles: Iterable[ResolvedArticle]) -> int:
    """Write ``header.articles`` articles to the shard ``path``: to a temporary name in the same
    folder, renamed when complete. Returns the number written; a different number is an error
    (and leaves no file). The folder must exist."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    written = 0
    try:
        with gzip.open(temporary, "wt", encoding="utf-8", compresslevel=1) as out:
            out.write(json.dumps(header.record(), ensure_ascii=False) + "\n")
            for article in articles:
                out.write(json.dumps(article_record(article), ensure_ascii=False, separators=(",", ":")) + "\n")
                written += 1
        if written != header.articles:
            raise ShardError(f"{path}: {written} article(s) analysed, {header.articles} expected")
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return written


def read_shard(
    path: str | Path, *, build: str, partition: int, version: str | None = None
) -> Iterator[ResolvedArticle]:
    """The articles of the shard ``path``, in order, checked against its header: written by
    ``build`` for ``partition`` (and by newsgraph ``version`` if given), complete."""
    path = Path(path)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            header = json.loads(next(lines, "null"))
            if not isinstance(header, dict) or header.get("format") != SHARD_FORMAT:
                raise ShardError(f"{path}: not a newsgraph shard")
            if header.get("version") != SHARD_VERSION:
                raise ShardError(
                    f"{path}: shard format version {header.get('version')!r}, "
                    f"this newsgraph reads version {SHARD_VERSION}"
                )
            if header.get("build") != build or header.get("partition") != partition:
                raise ShardError(
                    f"{path}: written by build {header.get('build')!r} for partition "
                    f"{header.get('partition')!r}, not build {build!r}, partition {partition}"
                )
            if version is not None and header.get("newsgraph") != version:
                raise ShardError(
                    f"{path}: written by newsgraph {header.get('newsgraph')} on "
                    f"{header.get('host') or 'a worker'}, this is newsgraph {version}: "
                    "install the same version on the workers"
                )
            count = 0
            for line in lines:
                count += 1
                yield article_from_record(json.loads(line))
            if count != header.get("articles"):
                raise ShardError(f"{path}: {count} article(s), the header says {header.get('articles')}")
    except FileNotFoundError:
        raise ShardError(
            f"{path}: no such shard (is the shards folder on storage the driver and every "
            "worker share, at the same path?)"
        ) from None
    except (OSError, EOFError, zlib.error, json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ShardError(f"{path}: damaged shard ({type(exc).__name__}: {exc})") from None
