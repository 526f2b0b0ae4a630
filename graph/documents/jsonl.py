"""JSON Lines corpora: one article a line (``id``, ``text``, optional ``title``, ``published``,
``url``, ``source``), read as a stream, a line at a time; a worker may read only some lines."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..types import MAX_ARTICLE_CHARS, Document
from .files import checked, regular_file_size, too_long
from .text import document_from_text

__all__ = ["read_jsonl", "read_jsonl_lines", "source_location"]

ProblemHandler = Callable[[InputError], None]


def read_jsonl(
    path: Path, on_problem: ProblemHandler, max_chars: int = MAX_ARTICLE_CHARS, *, lines: range | None = None
) -> Iterator[Document]:
    """One article a line, read as a stream (a large corpus file is never loaded whole);
    ``lines``: only those line numbers (1-based), the others are passed over unread."""
    try:
        regular_file_size(path)
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    with handle:
        empty = lines is None
        for number, raw in enumerate(_lines(handle, _jsonl_line_limit(max_chars)), start=1):
            if lines is not None:
                if number < lines.start:
                    continue
                if number >= lines.stop:
                    break
            if isinstance(raw, int):  # a line longer than any article within the limit: not read
                empty = False
                on_problem(
                    InputError(
                        str(path),
                        f"line of {raw:,} bytes is too long for an article within the limit "
                        f"of {max_chars:,} characters; it was not read",
                        line=number,
                    )
                )
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            empty = False
            try:
                line = raw.decode("utf-8")
                record = json.loads(line)
            except UnicodeDecodeError:
                on_problem(InputError(str(path), "not UTF-8 (JSON Lines must be UTF-8)", line=number))
                continue
            except json.JSONDecodeError as exc:
                on_problem(InputError(str(path), f"not valid JSON ({exc.msg})", line=number))
                continue
            if not isinstance(record, dict):
                on_problem(InputError(str(path), "a line must be a JSON object", line=number))
                continue
            doc_id, body = record.get("id"), record.get("text")
            if doc_id is None or not isinstance(body, str):
                on_problem(InputError(str(path), "needs an 'id' and a 'text' string", line=number))
                continue
            if len(body) > max_chars:
                on_problem(InputError(str(path), too_long(len(body), max_chars, unit="characters"), line=number))
                continue
            try:
                yield checked(
                    document_from_text(
                        str(doc_id),
                        body,
                        title=_str_or_none(record.get("title")),
                        published=_str_or_none(record.get("published")),
                        url=_str_or_none(record.get("url")),
                        source=_str_or_none(record.get("source")),
                        path=f"{path}:{number}",
                    ),
                    line=number,
                )
            except InputError as exc:
                on_problem(exc)
        if empty:
            raise InputError(str(path), "empty file")


def _jsonl_line_limit(max_chars: int) -> int:
    """The longest JSONL line (bytes) that can hold an article of ``max_chars`` characters: 12
    bytes a character (a ``\\uXXXX\\uXXXX`` pair) and a megabyte for the other fields."""
    return 12 * max_chars + 1_000_000


def _lines(handle: IO[bytes], limit: int) -> Iterator[bytes | int]:
    """The lines of a binary file; a line longer than ``limit`` bytes is skipped without being
    held in memory (a JSON array saved as one line, a binary file) and given as its length."""
    while raw := handle.readline(limit + 1):
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield raw
            continue
        size = len(raw)
        while raw and not raw.endswith(b"\n"):
            raw = handle.readline(1 << 20)
            size += len(raw)
        yield size


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _raise(problem: InputError) -> None:
    raise problem


def read_jsonl_lines(
    path: str | Path, lines: range, *, on_problem: ProblemHandler | None = None, max_chars: int = MAX_ARTICLE_CHARS
) -> Iterator[Document]:
    """The articles on ``lines`` (1-based line numbers) of a JSON Lines file, as
    :func:`iter_documents` reads them (same ids, texts and ``path``), the other lines passed over:
    a worker of a distributed build reads its part of a large file this way."""
    handle = on_problem or _raise
    try:
        yield from read_jsonl(Path(path), handle, max_chars, lines=lines)
    except InputError as exc:
        handle(exc)


_JSONL_LINE = re.compile(r"(?P<file>.*\.jsonl):(?P<line>[0-9]+)", re.IGNORECASE | re.DOTALL)


def source_location(path: str) -> tuple[str, int | None]:
    """The file and, for an article read from a JSON Lines file, the line a
    :attr:`Document.path` names (``news.jsonl:12`` -> ``("news.jsonl", 12)``)."""
    match = _JSONL_LINE.fullmatch(path)
    if match is None:
        return path, None
    return match["file"], int(match["line"])
