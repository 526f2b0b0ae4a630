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

from ..types import MAX_ARTICLE_CHARS
from .datelines import Dateline, parse_dateline
from .inputs import ARTICLE_SUFFIXES, NOT_AN_ARTICLE, iter_documents, iter_inputs, load_documents
from .jsonl import read_jsonl_lines, source_location
from .text import decode_text, document_from_text, normalize_text, slugify_id

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_CHARS",
    "NOT_AN_ARTICLE",
    "Dateline",
    "decode_text",
    "document_from_text",
    "iter_documents",
    "iter_inputs",
    "load_documents",
    "normalize_text",
    "parse_dateline",
    "read_jsonl_lines",
    "slugify_id",
    "source_location",
]
