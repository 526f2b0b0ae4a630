"""Reading the input of the coreference scorer (:mod:`graph.evaluate.coref`) and mapping it to tokens.

The key is CoNLL-2012 files (:func:`read_conll`), the response mention records in the shape of
``DOC.mentions.jsonl`` (:func:`read_mentions`); :func:`_response_chains` maps system mentions given by
characters to token spans and groups them into response chains. The conventions are those of the
"Input" part of :mod:`graph.evaluate.coref`'s documentation.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .reading import PathLike, input_error, numbered_lines

Span = tuple[int, int]  # first and last token number in the document (inclusive)
Chain = frozenset[Span]


# --------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class ConllDocument:
    """One key document: its token character offsets and its gold chains (entity id -> spans)."""

    name: str
    tokens: tuple[tuple[int, int], ...]  # (char start, char end) per token; (-1, -1) if unknown
    chains: Mapping[str, Chain]
    path: str = ""

    def chain_list(self) -> list[Chain]:
        return [chain for chain in self.chains.values() if chain]


@dataclass(frozen=True)
class Mention:
    """A mention record of a ``mentions.jsonl`` file (gold or system).

    ``entity`` is the chain or entity id (None: a mention of no entity); ``type`` the entity
    type as given; ``extra`` the other fields (``proper``, ``pronoun``, ``head_start`` ...).
    """

    doc: str
    start: int
    end: int
    entity: str | None
    type: str | None = None
    text: str = ""
    path: str = ""
    line: int = 0
    extra: Mapping[str, object] = field(default_factory=dict, compare=False, repr=False)


# -------------------------------------------------------------------------------- errors


# ---------------------------------------------------------------------------- CoNLL reader


def _document_name(header: str) -> str:
    """``#begin document (DOC); part 000`` -> ``DOC`` (``DOC; part N`` for other parts)."""
    rest = header[len("#begin document") :].strip()
    name, _, part = rest.partition(";")
    name = name.strip()
    if name.startswith("(") and name.endswith(")"):
        name = name[1:-1]
    part = part.strip()
    if part.startswith("part"):
        number = part[len("part") :].strip()
        if number.isdigit() and int(number) != 0:
            return f"{name}; part {int(number)}"
    return name


def _coref_items(column: str) -> Iterator[tuple[str, str]]:
    """Split a coreference column into ('open'|'close'|'single', id) items, e.g. ``(3(12)``."""
    for part in column.split("|"):
        i = 0
        while i < len(part):
            if part[i] == "(":
                j = i + 1
                while j < len(part) and part[j] not in "()":
                    j += 1
                ident = part[i + 1 : j]
                if not ident:
                    raise ValueError(f"'(' without an entity id in {column!r}")
                if j < len(part) and part[j] == ")":
                    yield ("single", ident)
                    i = j + 1
                else:
                    yield ("open", ident)
                    i = j
            else:
                j = i
                while j < len(part) and part[j] not in "()":
                    j += 1
                ident = part[i:j]
                if j >= len(part) or part[j] != ")" or not ident:
                    raise ValueError(f"cannot read coreference column {column!r}")
                yield ("close", ident)
                i = j + 1


def read_conll(path: PathLike) -> dict[str, ConllDocument]:
    """Read a CoNLL-2012 key file: document name -> :class:`ConllDocument`.

    Token lines are tab- (or space-) separated; the last column is the coreference column. When
    a line has at least 8 columns, columns 6 and 7 are read as the token's character start and
    end (the GUM layout: doc, part, token, word, UPOS, start, end, coref).
    """
    documents: dict[str, ConllDocument] = {}
    name: str | None = None
    tokens: list[tuple[int, int]] = []
    chains: dict[str, set[Span]] = {}
    open_spans: dict[str, list[tuple[int, int]]] = {}  # id -> stack of (start token, line)
    begin_line = 0

    def finish(number: int) -> None:
        for ident, stack in open_spans.items():
            if stack:
                raise input_error(path, stack[-1][1], f"mention of entity {ident} is never closed")
        assert name is not None
        if name in documents:
            raise input_error(path, begin_line, f"document {name} given twice")
        documents[name] = ConllDocument(name, tuple(tokens), {k: frozenset(v) for k, v in chains.items()}, str(path))

    for number, line in numbered_lines(path):
        stripped = line.strip()
        if stripped.startswith("#begin document"):
            if name is not None:
                raise input_error(path, number, "'#begin document' inside a document")
            name, tokens, chains, open_spans, begin_line = _document_name(stripped), [], {}, {}, number
            continue
        if stripped.startswith("#end document"):
            if name is None:
                raise input_error(path, number, "'#end document' without '#begin document'")
            finish(number)
            name = None
            continue
        if not stripped or stripped.startswith("#"):
            continue
        if name is None:
            raise input_error(path, number, "a token line outside '#begin document' ... '#end document'")
        columns = line.split("\t") if "\t" in line else stripped.split()
        if len(columns) < 4:
            raise input_error(path, number, f"expected at least 4 columns, found {len(columns)}")
        position = len(tokens)
        if len(columns) >= 8:
            try:
                start, end = int(columns[5]), int(columns[6])
            except ValueError:
                raise input_error(
                    path, number, f"columns 6 and 7 must be character offsets, got {columns[5]!r} {columns[6]!r}"
                ) from None
            if not 0 <= start <= end:
                raise input_error(path, number, f"bad character offsets {start}..{end}")
        else:
            start = end = -1
        tokens.append((start, end))
        column = columns[-1].strip()
        if column in ("_", "-", ""):
            continue
        try:
            items = list(_coref_items(column))
        except ValueError as exc:
            raise input_error(path, number, str(exc)) from None
        for kind, ident in items:
            if kind == "single":
                chains.setdefault(ident, set()).add((position, position))
            elif kind == "open":
                open_spans.setdefault(ident, []).append((position, number))
            else:
                stack = open_spans.get(ident)
                if not stack:
                    raise input_error(path, number, f"'{ident})' closes no open mention of entity {ident}")
                first, _ = stack.pop()
                chains.setdefault(ident, set()).add((first, position))
    if name is not None:
        raise input_error(path, begin_line, f"document {name} has no '#end document'")
    if not documents:
        raise input_error(path, None, "no '#begin document' line: not a CoNLL-2012 file")
    return documents


def _expand(paths: Iterable[PathLike], pattern: str) -> list[Path]:
    """Files as given, and the files matching ``pattern`` (sorted) in each directory given."""
    result: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found = sorted(path.glob(pattern))
            if not found:
                raise input_error(path, None, f"no {pattern} files in this folder")
            result.extend(found)
        else:
            result.append(path)
    return result


def read_conll_files(paths: Iterable[PathLike]) -> dict[str, ConllDocument]:
    """Read CoNLL files and folders (every ``*.conll`` in a folder) into one document map."""
    documents: dict[str, ConllDocument] = {}
    for path in _expand(paths, "*.conll"):
        for name, document in read_conll(path).items():
            if name in documents:
                raise input_error(path, None, f"document {name} is also in {documents[name].path}")
            documents[name] = document
    return documents


# --------------------------------------------------------------------------- mention reader


def read_mentions(path: PathLike) -> list[Mention]:
    """Read ``mentions.jsonl``: one JSON object a line with ``doc``, ``start``, ``end``, ``entity``.

    ``start`` and ``end`` are integer character offsets (``0 <= start < end``); ``entity`` is an
    id (number or string, kept as a string) or null; ``type`` and ``text`` are optional, other
    fields are kept in ``extra``. Blank lines are skipped.
    """
    mentions: list[Mention] = []
    for number, line in numbered_lines(path):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise input_error(path, number, f"not JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise input_error(path, number, "expected a JSON object")
        doc = record.get("doc")
        if not isinstance(doc, str) or not doc:
            raise input_error(path, number, "'doc' must be a non-empty string")
        start, end = record.get("start"), record.get("end")
        if type(start) is not int or type(end) is not int or not 0 <= start < end:
            raise input_error(
                path, number, f"'start' and 'end' must be character offsets with start < end, got {start!r}, {end!r}"
            )
        entity = record.get("entity")
        if entity is not None and (isinstance(entity, bool) or not isinstance(entity, (int, str))):
            raise input_error(path, number, f"'entity' must be a number, a string or null, got {entity!r}")
        kind = record.get("type")
        if kind is not None and not isinstance(kind, str):
            raise input_error(path, number, f"'type' must be a string or null, got {kind!r}")
        text = record.get("text")
        extra = {k: v for k, v in record.items() if k not in ("doc", "start", "end", "entity", "type", "text")}
        mentions.append(
            Mention(
                doc=doc,
                start=start,
                end=end,
                entity=None if entity is None else str(entity),
                type=kind,
                text=text if isinstance(text, str) else "",
                path=str(path),
                line=number,
                extra=extra,
            )
        )
    return mentions


def read_mentions_files(paths: Iterable[PathLike]) -> list[Mention]:
    """Read several ``mentions.jsonl`` files (folders: every ``*.mentions.jsonl``) in order."""
    mentions: list[Mention] = []
    for path in _expand(paths, "*.mentions.jsonl"):
        mentions.extend(read_mentions(path))
    return mentions


def gold_mention_files(conll_paths: Iterable[PathLike], *, missing_ok: bool = False) -> list[Path] | None:
    """The ``DOC.mentions.jsonl`` beside each ``DOC.conll`` (folders: beside each ``*.conll``).

    When one is missing: an error, or None with ``missing_ok``.
    """
    result = []
    for path in _expand(conll_paths, "*.conll"):
        sibling = path.with_suffix(".mentions.jsonl")
        if not sibling.is_file():
            if missing_ok:
                return None
            raise input_error(sibling, None, f"no gold mentions file beside {path} (give --gold-mentions)")
        result.append(sibling)
    return result


# --------------------------------------------------------------------------------- mapping


def _token_span(
    document: ConllDocument, starts: Sequence[int], ends: Sequence[int], start: int, end: int
) -> Span | None:
    """The first and last token whose characters overlap ``[start, end)``, or None."""
    first = bisect.bisect_right(ends, start)  # the first token ending after `start`
    last = bisect.bisect_left(starts, end) - 1  # the last token starting before `end`
    hits = [i for i in range(first, last + 1) if document.tokens[i][0] < end and document.tokens[i][1] > start]
    if not hits:
        return None
    return (hits[0], hits[-1])


def _response_chains(document: ConllDocument, mentions: Sequence[Mention]) -> tuple[list[Chain], int, int]:
    """Response chains of one document: (chains with >= 2 mentions, unmapped, duplicates)."""
    if any(start < 0 for start, _ in document.tokens):
        raise input_error(
            document.path,
            None,
            f"document {document.name} has no character offsets (columns 6 and 7): cannot place system mentions",
        )
    starts = [start for start, _ in document.tokens]
    ends = [end for _, end in document.tokens]
    entities: dict[str, list[Span]] = {}
    owner: dict[Span, str] = {}
    unmapped = duplicates = 0
    for mention in mentions:
        span = _token_span(document, starts, ends, mention.start, mention.end)
        if span is None:
            unmapped += 1
            continue
        if mention.entity is None:
            continue
        claimed = owner.get(span)
        if claimed is not None:
            if claimed != mention.entity:
                duplicates += 1
            continue
        owner[span] = mention.entity
        entities.setdefault(mention.entity, []).append(span)
    chains = [frozenset(spans) for spans in entities.values() if len(spans) >= 2]
    return chains, unmapped, duplicates
