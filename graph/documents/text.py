"""From bytes to the text of a :class:`~graph.types.Document`: decoding, normalising, ids, datelines off."""

from __future__ import annotations

import re

from ..errors import InputError
from ..types import Document
from .datelines import parse_dateline

__all__ = ["decode_text", "document_from_text", "normalize_text", "slugify_id"]

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


#: a byline paragraph: "By Jane Smith", "By JANE SMITH and Tom Berg, Staff Reporters"
_BYLINE = re.compile(r"(?:By|BY)\s+[A-Z][\w.'\-]*(?:\s+(?:[A-Z][\w.'\-]*|and|&|de|van|von|der|da))*\s*(?:[,|].{0,60})?")
_HEADLINE_END = (".", "!", "?", '"', "\u201d", ":", ";")


def _is_headline(paragraph: str) -> bool:
    """A paragraph that reads as a headline: short, and not ended like a sentence."""
    return 0 < len(paragraph.split()) <= 25 and not paragraph.rstrip().endswith(_HEADLINE_END)


def _without_bylines(body: str) -> str:
    """The text without a byline paragraph among its first three ("By Jane Smith, Staff Reporter"):
    a byline names the writer, it states no fact of the story."""
    paragraphs = body.split("\n\n")
    kept = [
        p
        for number, p in enumerate(paragraphs)
        if not (number < 3 and len(p.split()) <= 14 and len(paragraphs) > 1 and _BYLINE.fullmatch(p))
    ]
    return "\n\n".join(kept) if len(kept) != len(paragraphs) else body


#: "Margao: A late goal ...", "New Delhi: The court ...": a place and a colon opening a paragraph
_COLON_DATELINE = re.compile(r"(?m)^(?P<place>[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2}):[ \t]+(?=[A-Z\"\u201c'])")
#: labels written the same way, which name no place ("Update: ...", "Photo: ...")
_COLON_LABELS = frozenset(
    [
        "update",
        "note",
        "editor",
        "editors",
        "watch",
        "photo",
        "photos",
        "video",
        "image",
        "picture",
        "read",
        "also",
        "related",
        "source",
        "file",
        "breaking",
        "exclusive",
        "analysis",
        "opinion",
        "comment",
        "warning",
        "correction",
        "clarification",
        "summary",
        "background",
        "question",
        "answer",
        "q",
        "a",
        "interviewer",
    ]
)


def _without_colon_dateline(body: str) -> tuple[str, str | None]:
    """The text with a "Place:" dateline opening one of its first three paragraphs blanked (offsets
    stay), and the place; labels such as "Update:" are blanked too but name no place."""
    paragraphs = body.split("\n\n")
    offset = 0
    for number, paragraph in enumerate(paragraphs[:3]):
        match = _COLON_DATELINE.match(paragraph)
        if match and (number > 0 or len(paragraphs) > 1):
            label = match.group("place")
            start, end = offset, offset + match.end()
            body = body[:start] + " " * (end - start) + body[end:]
            return body, None if label.lower() in _COLON_LABELS else label
        offset += len(paragraph) + 2
    return body, None


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
    body = _without_bylines(normalize_text(text))
    dateline = parse_dateline(body)
    if dateline is not None:
        body = body[dateline.end :].lstrip(" -\u2013\u2014:")
        place = place or dateline.place
        source = source or dateline.source
    else:
        # a headline first ("Police shoot suspect"), then the dateline ("ARLINGTON — Police shot ...")
        headline, _, rest = body.partition("\n\n")
        dateline = parse_dateline(rest) if rest and _is_headline(headline) else None
        if dateline is not None:
            # blanked rather than cut, so the offsets of everything after it stay those of the text read
            end = len(rest) - len(rest[dateline.end :].lstrip(" -\u2013\u2014:"))
            body = headline + "\n\n" + " " * end + rest[end:]
            place = place or dateline.place
            source = source or dateline.source
    if dateline is None:
        body, colon_place = _without_colon_dateline(body)
        place = place or colon_place
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


_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


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
