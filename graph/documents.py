"""Read news articles from files into :class:`~graph.types.Document` values.

Supported inputs: ``.txt`` and ``.md`` files (one article each), ``.jsonl`` files (one article a
line: ``id``, ``text`` and optional ``title``, ``published``, ``url``, ``source``), ``.html``
files, and directories, read recursively in sorted order.

The news dateline ("NUR-SULTAN. KAZINFORM - ...", "LONDON (Reuters) - ...") is parsed into
:attr:`Document.place` and :attr:`Document.source` and taken off the text, so it never becomes
part of the first sentence. Document ids are stable: the file's path relative to the input
folder (without extension), or the JSONL ``id``.
"""

from __future__ import annotations

import html
import html.parser
import json
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .errors import InputError
from .types import Document

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_CHARS",
    "decode_text",
    "Dateline",
    "iter_documents",
    "iter_inputs",
    "load_documents",
    "read_jsonl_lines",
    "source_location",
    "parse_dateline",
    "normalize_text",
    "document_from_text",
    "slugify_id",
]

ARTICLE_SUFFIXES = (".txt", ".md", ".jsonl", ".html", ".htm")

ProblemHandler = Callable[[InputError], None]


# ----------------------------------------------------------------------------- datelines

@dataclass(frozen=True)
class Dateline:
    place: str | None
    source: str | None
    date: str | None
    end: int  # where the body starts


_PLACE = r"(?P<place>[A-Z][A-Z'\.\-]*(?:[ \-][A-Z][A-Z'\.\-]*){0,3})"
_DATE = r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?"
_AGENCY_WORD = r"[A-Z][A-Za-z&\-]*(?:\s[A-Z][A-Za-z&\-]*){0,2}"
_DATELINE_PATTERNS = (
    # LONDON (Reuters) - ... / WASHINGTON, Dec 3 (AP) — ...
    re.compile(_PLACE + _DATE + r"\s*\((?P<source>" + _AGENCY_WORD + r")\)\s*[-\u2013\u2014:]+\s*"),
    # MOSCOW, March 5. /TASS/. ...
    re.compile(_PLACE + _DATE + r"\.?\s*/(?P<source>[A-Z][A-Za-z\-]*)/\.?\s*[-\u2013\u2014:]*\s*"),
    # NUR-SULTAN. KAZINFORM ... / ASTANA. KAZINFORM - ...
    re.compile(_PLACE + _DATE + r"[\.,]\s+(?P<source>[A-Z][A-Z\-]{2,}(?:\s[A-Z][A-Z\-]{2,})?)\b(?!\.)\s*[-\u2013\u2014:]*\s*"),
    # LONDON - ... (place only)
    re.compile(_PLACE + _DATE + r"\s+[-\u2013\u2014]+\s+"),
)


def _title_case(word: str) -> str:
    """NUR-SULTAN -> Nur-Sultan, KAZINFORM -> Kazinform; short acronyms (AP, TASS) stay."""
    if len(word) <= 4 and word.isalpha() and word.isupper():
        return word
    return "-".join(" ".join(w.capitalize() for w in part.split(" ")) for part in word.split("-"))


def parse_dateline(text: str) -> Dateline | None:
    """Find a news dateline at the start of ``text``.

    >>> d = parse_dateline("NUR-SULTAN. KAZINFORM Chairman of the party met ...")
    >>> (d.place, d.source, d.end)
    ('Nur-Sultan', 'Kazinform', 22)
    """
    head = text[:200]
    for pattern in _DATELINE_PATTERNS:
        match = pattern.match(head)
        if not match:
            continue
        place = match.group("place").strip(" .")
        # the place must be written in capitals (a dateline), not an ordinary first word
        letters = [c for c in place if c.isalpha()]
        if len(letters) < 3 or not all(c.isupper() for c in letters):
            continue
        rest = head[match.end():]
        if not rest or not (rest[0].isupper() or rest[0] in "\"'\u201c("):
            continue
        source = match.groupdict().get("source")
        if source is not None:
            source = source.strip()
            if source.isupper():
                source = _title_case(source)
        return Dateline(_title_case(place), source, match.group("date"), match.end())
    return None


# ----------------------------------------------------------------------------- text

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # control characters but tab and newline
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def normalize_text(text: str) -> str:
    """Normalise line ends and spaces; paragraphs are separated by one blank line.

    Lines inside a paragraph are joined with a space (hard-wrapped text), runs of blanks
    become one space, and control characters other than newlines are dropped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = _CONTROL.sub("", text)
    paragraphs = []
    for block in _PARAGRAPH_BREAK.split(text):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        paragraph = " ".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def slugify_id(value: str) -> str:
    """A document id that is safe in an IRI path: letters, digits, ``-``, ``_`` and ``.``."""
    value = re.sub(r"[^\w.\-]+", "-", value.strip(), flags=re.ASCII).strip("-.")
    return value or "article"


def document_from_text(
    doc_id: str,
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    source: str | None = None,
    place: str | None = None,
    path: str | None = None,
) -> Document:
    """Make a :class:`Document` from raw text: normalise it and take off a dateline."""
    body = normalize_text(text)
    dateline = parse_dateline(body)
    if dateline is not None:
        body = body[dateline.end:].lstrip(" -\u2013\u2014:")
        place = place or dateline.place
        source = source or dateline.source
    return Document(
        id=slugify_id(doc_id),
        text=body,
        title=title.strip() if title else None,
        published=published or None,
        source=source,
        place=place,
        url=url or None,
        path=path,
    )


# ----------------------------------------------------------------------------- readers

#: spaCy's default ``max_length``; an article longer than this is refused (split it into articles)
MAX_ARTICLE_CHARS = 1_000_000

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "an executable"), (b"RIFF", "a RIFF media file"),
)
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode_text(raw: bytes, where: str) -> str:
    """Text of a file's bytes: a byte-order mark, else UTF-8, else the encoding charset-normalizer
    detects (Latin-1, Windows-1251, UTF-16 without a mark, ...). Binary data and text in no
    recognisable encoding raise :class:`InputError`."""
    for signature, what in _SIGNATURES:
        if raw.startswith(signature):
            raise InputError(where, f"binary file ({what}), not text")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(where, f"starts with a {encoding} byte-order mark but is not {encoding}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:1_000_000]).best()
    if best is None or best.encoding is None:
        kind = "binary file, not text" if b"\x00" in raw[:4096] else "not text in any encoding it could recognise"
        raise InputError(where, kind)
    try:
        return raw.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(where, f"not UTF-8, and not valid {best.encoding} either") from None


def _regular_file_size(path: Path) -> int:
    """The size of ``path``, which must be a regular file: reading a named pipe, a device or a
    socket can block for ever or never end (``/dev/zero``). Raises OSError as ``stat`` does."""
    info = path.stat()
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return info.st_size
    if stat.S_ISDIR(mode):
        raise InputError(str(path), "is a directory")
    kind = ("a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file")
    raise InputError(str(path), f"not a regular file ({kind})")


def _read_text_file(path: Path, max_chars: int = MAX_ARTICLE_CHARS) -> str:
    try:
        size = _regular_file_size(path)
        if size > 4 * max_chars:  # more than max_chars characters in any encoding: do not even read it
            raise InputError(str(path), _too_long(size, max_chars, unit="bytes"))
        raw = path.read_bytes()
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise InputError(str(path), "empty file")
    text = decode_text(raw, str(path))
    if len(text) > max_chars:
        raise InputError(str(path), _too_long(len(text), max_chars, unit="characters"))
    if not text.strip():
        raise InputError(str(path), "empty file")
    return text


def _too_long(size: int, limit: int, *, unit: str) -> str:
    return (f"article of {size:,} {unit} is longer than the limit of {limit:,} characters; "
            "split it into several articles (e.g. a JSONL file, one a line) or raise --max-article-chars")


_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n---\n", re.S)
_MD_TITLE = re.compile(r"\A#\s+(?P<title>.+)\n")


def _read_markdown(path: Path, doc_id: str, max_chars: int = MAX_ARTICLE_CHARS) -> Document:
    text = _read_text_file(path, max_chars).replace("\r\n", "\n")
    meta: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        for line in match.group("body").splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip().strip("\"'")
        text = text[match.end():]
    text = text.lstrip("\n")
    title = meta.get("title")
    match = _MD_TITLE.match(text)
    if match:
        title = title or match.group("title").strip()
        text = text[match.end():]
    # drop the simplest markdown decoration so it does not reach the parser
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.M)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1", r"\2", text)
    return _checked(document_from_text(
        meta.get("id", doc_id), text, title=title, published=meta.get("published") or meta.get("date"),
        url=meta.get("url"), source=meta.get("source"), path=str(path),
    ))


def _read_plain(path: Path, doc_id: str, max_chars: int = MAX_ARTICLE_CHARS) -> Document:
    return _checked(document_from_text(doc_id, _read_text_file(path, max_chars), path=str(path)))


class _HTMLText(html.parser.HTMLParser):
    """Collects an HTML page's title and the text of its block elements; skips scripts."""

    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
               "blockquote", "tr", "header", "footer", "main"}
    _SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: str | None = None
        self.meta: dict[str, str] = {}
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag == "meta":
            values = dict(attrs)
            key = (values.get("property") or values.get("name") or "").lower()
            if key and values.get("content"):
                self.meta[key] = values["content"] or ""
        if tag in self._SKIP:
            self._skip += 1
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = ((self.title or "") + data).strip() or None
        elif not self._skip:
            self.parts.append(data)


def _read_html(path: Path, doc_id: str, max_chars: int = MAX_ARTICLE_CHARS) -> Document:
    parser = _HTMLText()
    parser.feed(_read_text_file(path, 4 * max_chars))
    parser.close()
    meta = parser.meta
    return _checked(document_from_text(
        doc_id, "".join(parser.parts),
        title=meta.get("og:title") or parser.title,
        published=meta.get("article:published_time") or meta.get("date"),
        url=meta.get("og:url"), path=str(path),
    ))


def _read_jsonl(path: Path, on_problem: ProblemHandler, max_chars: int = MAX_ARTICLE_CHARS, *,
                lines: range | None = None) -> Iterator[Document]:
    """One article a line, read as a stream (a large corpus file is never loaded whole);
    ``lines``: only those line numbers (1-based), the others are passed over unread."""
    try:
        _regular_file_size(path)
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
                on_problem(InputError(str(path), f"line of {raw:,} bytes is too long for an article within the limit "
                                                 f"of {max_chars:,} characters; it was not read", line=number))
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
                on_problem(InputError(str(path), _too_long(len(body), max_chars, unit="characters"), line=number))
                continue
            try:
                yield _checked(document_from_text(
                    str(doc_id), body, title=_str_or_none(record.get("title")),
                    published=_str_or_none(record.get("published")), url=_str_or_none(record.get("url")),
                    source=_str_or_none(record.get("source")), path=f"{path}:{number}",
                ), line=number)
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


def _checked(document: Document, *, line: int | None = None) -> Document:
    if not any(c.isalpha() for c in document.text):
        raise InputError((document.path or document.id).rsplit(":", 1)[0] if line else (document.path or document.id),
                         "no text to read (no letters)", line=line)
    return document


def _files_under(root: Path, on_problem: ProblemHandler) -> Iterator[Path]:
    """Article files below ``root`` in sorted order; follows no symlink loops."""
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
    raised. Two inputs that would get the same id raise a problem for the second.
    """
    handle = on_problem or _raise
    used_ids: dict[str, str] = {}
    for given in paths:
        path = Path(given)
        if not path.exists():
            handle(InputError(str(path), "no such file or directory"))
            continue
        if path.is_dir():
            files = ((f, f.relative_to(path).with_suffix("").as_posix()) for f in _files_under(path, handle))
        else:
            files = iter([(path, path.stem)])
        for file, rel_id in files:
            suffix = file.suffix.lower()
            try:
                if suffix == ".jsonl":
                    documents: Iterable[Document] = _read_jsonl(file, handle, max_chars)
                elif suffix == ".md":
                    documents = [_read_markdown(file, rel_id, max_chars)]
                elif suffix in (".html", ".htm"):
                    documents = [_read_html(file, rel_id, max_chars)]
                else:
                    documents = [_read_plain(file, rel_id, max_chars)]
                for document in documents:
                    previous = used_ids.get(document.id)
                    if previous is not None:
                        handle(InputError(document.path or str(file),
                                          f"article id {document.id!r} already used by {previous}"))
                        continue
                    used_ids[document.id] = document.path or str(file)
                    yield document
            except InputError as exc:
                handle(exc)


def read_jsonl_lines(path: str | Path, lines: range, *, on_problem: ProblemHandler | None = None,
                     max_chars: int = MAX_ARTICLE_CHARS) -> Iterator[Document]:
    """The articles on ``lines`` (1-based line numbers) of a JSON Lines file, as
    :func:`iter_documents` reads them (same ids, texts and ``path``), the other lines passed over:
    a worker of a distributed build reads its part of a large file this way."""
    handle = on_problem or _raise
    try:
        yield from _read_jsonl(Path(path), handle, max_chars, lines=lines)
    except InputError as exc:
        handle(exc)


_JSONL_LINE = re.compile(r"(?P<file>.*\.jsonl):(?P<line>[0-9]+)", re.I | re.S)


def source_location(path: str) -> tuple[str, int | None]:
    """The file and, for an article read from a JSON Lines file, the line a
    :attr:`Document.path` names (``news.jsonl:12`` -> ``("news.jsonl", 12)``)."""
    match = _JSONL_LINE.fullmatch(path)
    if match is None:
        return path, None
    return match["file"], int(match["line"])


def load_documents(paths: Iterable[str | Path], *, on_problem: ProblemHandler | None = None,
                   max_chars: int = MAX_ARTICLE_CHARS) -> list[Document]:
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
            problem = InputError(document.path or document.id,
                                 f"article id {document.id!r} already used by {seen[document.id]}")
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
