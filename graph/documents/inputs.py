"""Files, folders and :class:`~graph.types.Document` values to a stream of articles, in input order.

Folders are read recursively in sorted order; a file's id is its path relative to the folder
given (without extension). Problems (an unreadable file, a bad JSONL line, an id used twice) go
to an ``on_problem`` handler, or are raised without one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..types import MAX_ARTICLE_CHARS, Document
from .files import read_html, read_markdown, read_plain
from .jsonl import read_jsonl

__all__ = ["ARTICLE_SUFFIXES", "NOT_AN_ARTICLE", "iter_documents", "iter_inputs", "load_documents"]

ARTICLE_SUFFIXES = (".txt", ".md", ".jsonl", ".html", ".htm")
#: why a file of a folder that newsgraph does not read (photo.png, notes.pdf) is passed over
NOT_AN_ARTICLE = "not an article file (newsgraph reads .txt, .md, .jsonl, .html and .htm files)"

ProblemHandler = Callable[[InputError], None]


def _files_under(root: Path, on_problem: ProblemHandler, on_other: ProblemHandler | None = None) -> Iterator[Path]:
    """Article files below ``root`` in sorted order; follows no symlink loops. Each other file
    (not hidden) goes to ``on_other``, if given, as the problem :data:`NOT_AN_ARTICLE`."""
    seen: set[Path] = set()

    def walk(folder: Path) -> Iterator[Path]:
        try:
            real = folder.resolve()
        except (OSError, RuntimeError):
            on_problem(InputError(str(folder), "cannot resolve path (symlink loop?)"))
            return
        if real in seen:
            return
        seen.add(real)
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            on_problem(InputError(str(folder), f"cannot list directory ({exc.strerror or exc})"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from walk(entry)
            elif entry.suffix.lower() in ARTICLE_SUFFIXES:
                yield entry
            elif on_other is not None:
                on_other(InputError(str(entry), NOT_AN_ARTICLE))

    yield from walk(root)


def _raise(problem: InputError) -> None:
    raise problem


def iter_documents(
    paths: Iterable[str | Path],
    *,
    on_problem: ProblemHandler | None = None,
    max_chars: int = MAX_ARTICLE_CHARS,
) -> Iterator[Document]:
    """Read articles lazily from files and directories.

    Each file or JSONL line that cannot be read is passed to ``on_problem`` as an
    :class:`~graph.errors.InputError` and skipped; without a handler the first problem is
    raised. Two inputs that would get the same id raise a problem for the second. A file of a
    folder that is not an article (``photo.png``) is passed over: named to ``on_problem`` if
    there is one, never raised.
    """
    handle = on_problem or _raise
    used_ids: dict[str, str] = {}
    for given in paths:
        path = Path(given)
        if not path.exists():
            handle(InputError(str(path), "no such file or directory"))
            continue
        if path.is_dir():
            files = (
                (f, f.relative_to(path).with_suffix("").as_posix()) for f in _files_under(path, handle, on_problem)
            )
        else:
            files = iter([(path, path.stem)])
        for file, rel_id in files:
            suffix = file.suffix.lower()
            try:
                if suffix == ".jsonl":
                    documents: Iterable[Document] = read_jsonl(file, handle, max_chars)
                elif suffix == ".md":
                    documents = [read_markdown(file, rel_id, max_chars)]
                elif suffix in (".html", ".htm"):
                    documents = [read_html(file, rel_id, max_chars)]
                else:
                    documents = [read_plain(file, rel_id, max_chars)]
                for document in documents:
                    previous = used_ids.get(document.id)
                    if previous is not None:
                        handle(
                            InputError(
                                document.path or str(file), f"article id {document.id!r} already used by {previous}"
                            )
                        )
                        continue
                    used_ids[document.id] = document.path or str(file)
                    yield document
            except InputError as exc:
                handle(exc)


def load_documents(
    paths: Iterable[str | Path], *, on_problem: ProblemHandler | None = None, max_chars: int = MAX_ARTICLE_CHARS
) -> list[Document]:
    """Read all articles into a list (see :func:`iter_documents`)."""
    return list(iter_documents(paths, on_problem=on_problem, max_chars=max_chars))


def iter_inputs(
    inputs: Iterable[str | Path | Document],
    *,
    on_problem: ProblemHandler | None = None,
    max_chars: int = MAX_ARTICLE_CHARS,
) -> Iterator[Document]:
    """Documents given as values and the articles read from files and folders, in input order.

    A second article with an id already used is a problem (passed to ``on_problem`` and skipped,
    or raised without a handler), whether it came from a file or as a value.
    """
    seen: dict[str, str] = {}
    paths: list[str | Path] = []

    def files() -> Iterator[Document]:
        if paths:
            yield from iter_documents(list(paths), on_problem=on_problem, max_chars=max_chars)
            paths.clear()

    def checked(document: Document) -> Iterator[Document]:
        if document.id in seen:
            problem = InputError(
                document.path or document.id, f"article id {document.id!r} already used by {seen[document.id]}"
            )
            if on_problem is None:
                raise problem
            on_problem(problem)
            return
        seen[document.id] = document.path or "another article"
        yield document

    for item in inputs:
        if isinstance(item, Document):
            for document in files():
                yield from checked(document)
            yield from checked(item)
        else:
            paths.append(item)
    for document in files():
        yield from checked(document)
