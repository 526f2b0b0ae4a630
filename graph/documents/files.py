"""Reading article files: one article a file (.txt, .md with front matter, .html), and the checks
every file passes (a regular file, within the size limit, decodable, with letters in it)."""

from __future__ import annotations

import html
import html.parser
import re
import stat
from pathlib import Path
from typing import ClassVar

from ..errors import InputError
from ..types import MAX_ARTICLE_CHARS, Document
from .text import decode_text, document_from_text

__all__ = ["checked", "read_html", "read_markdown", "read_plain", "regular_file_size", "too_long"]


def regular_file_size(path: Path) -> int:
    """The size of ``path``, which must be a regular file: reading a named pipe, a device or a
    socket can block for ever or never end (``/dev/zero``). Raises OSError as ``stat`` does."""
    info = path.stat()
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return info.st_size
    if stat.S_ISDIR(mode):
        raise InputError(str(path), "is a directory")
    kind = (
        "a named pipe"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "not a file"
    )
    raise InputError(str(path), f"not a regular file ({kind})")


def _read_text_file(path: Path, max_chars: int = MAX_ARTICLE_CHARS) -> str:
    try:
        size = regular_file_size(path)
        if size > 4 * max_chars:  # more than max_chars characters in any encoding: do not even read it
            raise InputError(str(path), too_long(size, max_chars, unit="bytes"))
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
        raise InputError(str(path), too_long(len(text), max_chars, unit="characters"))
    if not text.strip():
        raise InputError(str(path), "empty file")
    return text


def too_long(size: int, limit: int, *, unit: str) -> str:
    return (
        f"article of {size:,} {unit} is longer than the limit of {limit:,} characters; "
        "split it into several articles (e.g. a JSONL file, one a line) or raise --max-article-chars"
    )


_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n---\n", re.DOTALL)
_MD_TITLE = re.compile(r"\A#\s+(?P<title>.+)\n")


def read_markdown(path: Path, doc_id: str, max_chars: int = MAX_ARTICLE_CHARS) -> Document:
    text = _read_text_file(path, max_chars).replace("\r\n", "\n")
    meta: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        for line in match.group("body").splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip().strip("\"'")
        text = text[match.end() :]
    text = text.lstrip("\n")
    title = meta.get("title")
    match = _MD_TITLE.match(text)
    if match:
        title = title or match.group("title").strip()
        text = text[match.end() :]
    # drop the simplest markdown decoration so it does not reach the parser
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1", r"\2", text)
    return checked(
        document_from_text(
            meta.get("id", doc_id),
            text,
            title=title,
            published=meta.get("published") or meta.get("date"),
            url=meta.get("url"),
            source=meta.get("source"),
            path=str(path),
        )
    )


def read_plain(path: Path, doc_id: str, max_chars: int = MAX_ARTICLE_CHARS) -> Document:
    return checked(document_from_text(doc_id, _read_text_file(path, max_chars), path=str(path)))


class _HTMLText(html.parser.HTMLParser):
    """Collects an HTML page's title and the text of its block elements; skips scripts."""

    _BLOCKS: ClassVar[set[str]] = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "article",
        "section",
        "blockquote",
        "tr",
        "header",
        "footer",
        "main",
    }
    _SKIP: ClassVar[set[str]] = {"script", "style", "noscript", "template", "svg", "head", "nav"}

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


def read_html(path: Path, doc_id: str, max_chars: int = MAX_ARTICLE_CHARS) -> Document:
    parser = _HTMLText()
    parser.feed(_read_text_file(path, 4 * max_chars))
    parser.close()
    meta = parser.meta
    return checked(
        document_from_text(
            doc_id,
            "".join(parser.parts),
            title=meta.get("og:title") or parser.title,
            published=meta.get("article:published_time") or meta.get("date"),
            url=meta.get("og:url"),
            path=str(path),
        )
    )


def checked(document: Document, *, line: int | None = None) -> Document:
    if not any(c.isalpha() for c in document.text):
        raise InputError(
            (document.path or document.id).rsplit(":", 1)[0] if line else (document.path or document.id),
            "no text to read (no letters)",
            line=line,
        )
    return document
