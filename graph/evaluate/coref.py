"""Coreference scoring against CoNLL-2012 gold: MUC, B-cubed, CEAF-e, CoNLL F1, pronoun accuracy.

A dependency-free reimplementation of what the CoNLL-2012 reference scorer
(``conll/reference-coreference-scorers`` v8.01, ``scorer.pl muc|bcub|ceafe KEY RESPONSE``)
computes, as described in ``benchmarks/gum-news/README.md`` and Pradhan et al. (2014),
"Scoring Coreference Partitions of Predicted Mentions: A Reference Implementation".

Input:

* the key is CoNLL-2012 files (:func:`read_conll`): one token a line, the last column holding
  ``(7``, ``7)``, ``(7)`` or ``_``; a mention is the tokens from its opening to its closing
  bracket. Token lines of the GUM files also carry each token's character start and end in the
  article (columns 6 and 7); other CoNLL files need them to score system mentions given by
  characters;
* the response is mention records in the shape of ``DOC.mentions.jsonl`` (:func:`read_mentions`):
  ``doc``, ``start``, ``end`` (characters, end exclusive), ``entity``. A system mention covers
  every token of its document its characters overlap, and is the span from the first to the last
  of them; a mention that overlaps no token is dropped (counted as ``unmapped``). Each entity
  with two or more distinct mentions becomes a response chain; entities with one mention (and
  mentions whose ``entity`` is null) are left out, as OntoGUM has no singletons. A span that
  two entities both claim stays in the first one (counted as ``duplicates``).

Metrics (mentions match only when their token spans are identical):

* MUC (Vilain et al. 1995): recall = sum over key chains K of (|K| - |p(K)|) over sum of
  (|K| - 1), where p(K) is the partition of K by the response chains, each key mention in no
  response chain being a part of its own; precision is the same with key and response swapped;
* B-cubed (Bagga & Baldwin 1998), as v8 computes it: recall = sum over key chains K and
  response chains R of |K∩R|²/|K|, over the number of key mentions; precision = sum of
  |K∩R|²/|R| over the number of response mentions (twinless mentions count in the totals);
* CEAF-e (Luo 2005): key and response chains aligned one to one (Kuhn-Munkres, written out here)
  to maximise the sum of φ4(K, R) = 2·|K∩R| / (|K| + |R|); recall = that sum over the number of
  key chains, precision = over the number of response chains;
* each metric sums its numerators and denominators over documents before dividing, as the
  reference does; F1 = 2PR / (P + R); CoNLL F1 is the unweighted mean of the three F1s.

Documents of the key with no response mention score as empty responses; response documents
that are not in the key are not scored (listed in ``ignored_documents``).

Pronoun accuracy (needs the gold ``DOC.mentions.jsonl`` with ``pronoun``, ``proper`` and
``head_start``/``head_end``): a gold pronoun in a chain that has a proper-name mention is
resolved when the system entity of that pronoun (the entity of the system mention with the
pronoun's exact characters, else of the shortest system mention inside the pronoun's characters;
a longer mention containing the pronoun, such as ``his team``, is not the pronoun's) has another
mention overlapping the head of one of the chain's proper-name mentions.
"""

from __future__ import annotations

import bisect
import json
import math
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

_ProjectInputError: Callable[..., Exception] | None
try:
    from graph.errors import InputError

    _ProjectInputError = InputError
except ImportError:  # pragma: no cover - only when the module is used on its own
    _ProjectInputError = None

__all__ = [
    "ConllDocument",
    "CorefScore",
    "Mention",
    "MetricScore",
    "PronounScore",
    "b_cubed",
    "ceaf_e",
    "gold_mention_files",
    "max_assignment",
    "muc",
    "read_conll",
    "read_conll_files",
    "read_mentions",
    "read_mentions_files",
    "score_coref",
    "score_pronouns",
]

PathLike = str | os.PathLike[str]
Span = tuple[int, int]  # first and last token number in the document (inclusive)
Chain = frozenset[Span]
Counts = tuple[float, float, float, float]  # recall num, recall den, precision num, precision den


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


@dataclass(frozen=True)
class MetricScore:
    """One metric's recall, precision and F1 with the summed counts they come from."""

    recall: float
    precision: float
    f1: float
    recall_num: float
    recall_den: float
    precision_num: float
    precision_den: float

    @classmethod
    def from_counts(cls, counts: Counts) -> MetricScore:
        rn, rd, pn, pd = counts
        recall = rn / rd if rd else 0.0
        precision = pn / pd if pd else 0.0
        f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
        return cls(recall, precision, f1, rn, rd, pn, pd)


@dataclass(frozen=True)
class PronounScore:
    """Pronoun accuracy: ``resolved`` of ``total`` gold pronouns in chains with a proper name."""

    accuracy: float
    resolved: int
    total: int
    no_system_mention: int


@dataclass(frozen=True)
class CorefScore:
    """The result of :func:`score_coref` (values not rounded; the reference prints percent)."""

    muc: MetricScore
    b_cubed: MetricScore
    ceaf_e: MetricScore
    conll_f1: float
    documents: int
    key_mentions: int
    response_mentions: int
    key_chains: int
    response_chains: int
    unmapped: int = 0
    duplicates: int = 0
    ignored_documents: tuple[str, ...] = ()
    pronouns: PronounScore | None = None


# -------------------------------------------------------------------------------- errors


def _input_error(path: PathLike, line: int | None, reason: str) -> Exception:
    """Build the error for unreadable input: one line, ``path:line: reason``."""
    if _ProjectInputError is not None:
        return _ProjectInputError(str(path), reason, line=line)
    where = f"{path}:{line}" if line is not None else str(path)
    return ValueError(f"{where}: {reason}")


def _lines(path: PathLike) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, line without its newline)`` for every line of ``path``."""
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115 (opened apart so an OSError names the file; closed by the with below)
    except OSError as exc:
        raise _input_error(path, None, f"cannot open: {exc.strerror or exc}") from exc
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                yield number, line.rstrip("\n").rstrip("\r")
        except UnicodeDecodeError as exc:
            raise _input_error(path, None, f"not UTF-8 text ({exc.reason})") from exc


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
                raise _input_error(path, stack[-1][1], f"mention of entity {ident} is never closed")
        assert name is not None
        if name in documents:
            raise _input_error(path, begin_line, f"document {name} given twice")
        documents[name] = ConllDocument(name, tuple(tokens), {k: frozenset(v) for k, v in chains.items()}, str(path))

    for number, line in _lines(path):
        stripped = line.strip()
        if stripped.startswith("#begin document"):
            if name is not None:
                raise _input_error(path, number, "'#begin document' inside a document")
            name, tokens, chains, open_spans, begin_line = _document_name(stripped), [], {}, {}, number
            continue
        if stripped.startswith("#end document"):
            if name is None:
                raise _input_error(path, number, "'#end document' without '#begin document'")
            finish(number)
            name = None
            continue
        if not stripped or stripped.startswith("#"):
            continue
        if name is None:
            raise _input_error(path, number, "a token line outside '#begin document' ... '#end document'")
        columns = line.split("\t") if "\t" in line else stripped.split()
        if len(columns) < 4:
            raise _input_error(path, number, f"expected at least 4 columns, found {len(columns)}")
        position = len(tokens)
        if len(columns) >= 8:
            try:
                start, end = int(columns[5]), int(columns[6])
            except ValueError:
                raise _input_error(
                    path, number, f"columns 6 and 7 must be character offsets, got {columns[5]!r} {columns[6]!r}"
                ) from None
            if not 0 <= start <= end:
                raise _input_error(path, number, f"bad character offsets {start}..{end}")
        else:
            start = end = -1
        tokens.append((start, end))
        column = columns[-1].strip()
        if column in ("_", "-", ""):
            continue
        try:
            items = list(_coref_items(column))
        except ValueError as exc:
            raise _input_error(path, number, str(exc)) from None
        for kind, ident in items:
            if kind == "single":
                chains.setdefault(ident, set()).add((position, position))
            elif kind == "open":
                open_spans.setdefault(ident, []).append((position, number))
            else:
                stack = open_spans.get(ident)
                if not stack:
                    raise _input_error(path, number, f"'{ident})' closes no open mention of entity {ident}")
                first, _ = stack.pop()
                chains.setdefault(ident, set()).add((first, position))
    if name is not None:
        raise _input_error(path, begin_line, f"document {name} has no '#end document'")
    if not documents:
        raise _input_error(path, None, "no '#begin document' line: not a CoNLL-2012 file")
    return documents


def _expand(paths: Iterable[PathLike], pattern: str) -> list[Path]:
    """Files as given, and the files matching ``pattern`` (sorted) in each directory given."""
    result: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found = sorted(path.glob(pattern))
            if not found:
                raise _input_error(path, None, f"no {pattern} files in this folder")
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
                raise _input_error(path, None, f"document {name} is also in {documents[name].path}")
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
    for number, line in _lines(path):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _input_error(path, number, f"not JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise _input_error(path, number, "expected a JSON object")
        doc = record.get("doc")
        if not isinstance(doc, str) or not doc:
            raise _input_error(path, number, "'doc' must be a non-empty string")
        start, end = record.get("start"), record.get("end")
        if type(start) is not int or type(end) is not int or not 0 <= start < end:
            raise _input_error(
                path, number, f"'start' and 'end' must be character offsets with start < end, got {start!r}, {end!r}"
            )
        entity = record.get("entity")
        if entity is not None and (isinstance(entity, bool) or not isinstance(entity, (int, str))):
            raise _input_error(path, number, f"'entity' must be a number, a string or null, got {entity!r}")
        kind = record.get("type")
        if kind is not None and not isinstance(kind, str):
            raise _input_error(path, number, f"'type' must be a string or null, got {kind!r}")
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
            raise _input_error(sibling, None, f"no gold mentions file beside {path} (give --gold-mentions)")
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
        raise _input_error(
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


# --------------------------------------------------------------------------------- metrics


def _muc_side(key: Sequence[Chain], response: Sequence[Chain]) -> tuple[int, int]:
    """MUC numerator and denominator with ``key`` as the key side."""
    where = {mention: index for index, chain in enumerate(response) for mention in chain}
    numerator = denominator = 0
    for chain in key:
        parts = set()
        alone = 0
        for mention in chain:
            if mention in where:
                parts.add(where[mention])
            else:
                alone += 1
        numerator += len(chain) - (len(parts) + alone)
        denominator += len(chain) - 1
    return numerator, denominator


def muc(key: Sequence[Chain], response: Sequence[Chain]) -> Counts:
    """MUC counts (recall num, recall den, precision num, precision den) of one document."""
    rn, rd = _muc_side(key, response)
    pn, pd = _muc_side(response, key)
    return (rn, rd, pn, pd)


def b_cubed(key: Sequence[Chain], response: Sequence[Chain]) -> Counts:
    """B-cubed counts of one document, as v8 of the reference scorer computes them."""
    recall = precision = 0.0
    for k in key:
        for r in response:
            common = len(k & r)
            if common:
                recall += common * common / len(k)
                precision += common * common / len(r)
    return (recall, float(sum(len(k) for k in key)), precision, float(sum(len(r) for r in response)))


def max_assignment(weights: Sequence[Sequence[float]]) -> tuple[float, list[tuple[int, int]]]:
    """The one-to-one assignment of rows to columns with the largest total weight.

    Kuhn-Munkres (the O(n²m) shortest-augmenting-path form) on a rectangular matrix of
    non-negative weights; returns the total and the (row, column) pairs used.
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if rows == 0 or cols == 0:
        return 0.0, []
    transposed = rows > cols
    matrix = [list(col) for col in zip(*weights, strict=True)] if transposed else [list(r) for r in weights]
    n, m = len(matrix), len(matrix[0])
    top = max(max(row) for row in matrix)
    cost = [[top - w for w in row] for row in matrix]  # minimise cost = maximise weight
    inf = math.inf
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    match = [0] * (m + 1)  # match[j] = row (1-based) assigned to column j
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = match[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if not used[j]:
                    current = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if current < minv[j]:
                        minv[j] = current
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while True:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = [(match[j] - 1, j - 1) for j in range(1, m + 1) if match[j]]
    if transposed:
        pairs = [(c, r) for r, c in pairs]
    pairs.sort()
    total = math.fsum(weights[r][c] for r, c in pairs)
    return total, pairs


def ceaf_e(key: Sequence[Chain], response: Sequence[Chain]) -> Counts:
    """CEAF-e counts of one document: the best φ4 alignment over #key and #response chains."""
    similarity = [[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key]
    total, _ = max_assignment(similarity) if key and response else (0.0, [])
    return (total, float(len(key)), total, float(len(response)))


def _add(a: Counts, b: Counts) -> Counts:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3])


# --------------------------------------------------------------------------------- scoring


def _by_document(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    result: dict[str, list[Mention]] = {}
    for mention in mentions:
        result.setdefault(mention.doc, []).append(mention)
    return result


def score_coref(
    key: Mapping[str, ConllDocument],
    response: Iterable[Mention],
    *,
    gold_mentions: Iterable[Mention] | None = None,
) -> CorefScore:
    """Score system mentions against key documents (see the module doc for the rules).

    With ``gold_mentions`` (the gold ``mentions.jsonl`` records) pronoun accuracy is computed
    too.
    """
    response_by_doc = _by_document(response)
    totals = {"muc": (0.0,) * 4, "bcub": (0.0,) * 4, "ceafe": (0.0,) * 4}
    key_mentions = response_mentions = key_chains = response_chains = 0
    unmapped = duplicates = 0
    for name, document in key.items():
        gold = document.chain_list()
        system, lost, doubled = _response_chains(document, response_by_doc.get(name, ()))
        unmapped += lost
        duplicates += doubled
        totals["muc"] = _add(totals["muc"], muc(gold, system))
        totals["bcub"] = _add(totals["bcub"], b_cubed(gold, system))
        totals["ceafe"] = _add(totals["ceafe"], ceaf_e(gold, system))
        key_mentions += sum(len(c) for c in gold)
        response_mentions += sum(len(c) for c in system)
        key_chains += len(gold)
        response_chains += len(system)
    scores = {metric: MetricScore.from_counts(counts) for metric, counts in totals.items()}
    pronouns = None
    if gold_mentions is not None:
        pronouns = score_pronouns(gold_mentions, [m for d in key for m in response_by_doc.get(d, ())])
    return CorefScore(
        muc=scores["muc"],
        b_cubed=scores["bcub"],
        ceaf_e=scores["ceafe"],
        conll_f1=(scores["muc"].f1 + scores["bcub"].f1 + scores["ceafe"].f1) / 3,
        documents=len(key),
        key_mentions=key_mentions,
        response_mentions=response_mentions,
        key_chains=key_chains,
        response_chains=response_chains,
        unmapped=unmapped,
        duplicates=duplicates,
        ignored_documents=tuple(sorted(d for d in response_by_doc if d not in key)),
        pronouns=pronouns,
    )


def _overlaps(mention: Mention, start: int, end: int) -> bool:
    return mention.start < end and mention.end > start


def system_mention_at(
    candidates: Sequence[Mention], start: int, end: int, *, within: tuple[int, int] | None = None
) -> Mention | None:
    """The system mention for the characters ``[start, end)``: the one with exactly those
    characters, else the shortest one overlapping them (first in file order on ties), else None.
    With ``within=(a, b)`` only mentions inside ``[a, b)`` qualify besides the exact one."""
    best: Mention | None = None
    for mention in candidates:
        if mention.start == start and mention.end == end:
            return mention
        if within is not None and not (within[0] <= mention.start and mention.end <= within[1]):
            continue
        if _overlaps(mention, start, end) and (best is None or mention.end - mention.start < best.end - best.start):
            best = mention
    return best


def _flag(mention: Mention, name: str) -> bool:
    return mention.extra.get(name) is True


def _head(mention: Mention) -> tuple[int, int]:
    """The head's characters of a gold mention (the whole mention when not given)."""
    start, end = mention.extra.get("head_start"), mention.extra.get("head_end")
    if type(start) is int and type(end) is int and start < end:
        return (start, end)
    return (mention.start, mention.end)


def score_pronouns(gold: Iterable[Mention], system: Iterable[Mention]) -> PronounScore:
    """Pronoun accuracy as ``benchmarks/gum-news/README.md`` defines it (see the module doc)."""
    gold_by_doc = _by_document(gold)
    system_by_doc = _by_document(system)
    resolved = total = missing = 0
    for doc, mentions in gold_by_doc.items():
        candidates = system_by_doc.get(doc, [])
        heads: dict[str, list[tuple[int, int]]] = {}
        for mention in mentions:
            if mention.entity is not None and _flag(mention, "proper"):
                heads.setdefault(mention.entity, []).append(_head(mention))
        for mention in mentions:
            if not _flag(mention, "pronoun") or mention.entity not in heads:
                continue
            total += 1
            found = system_mention_at(candidates, mention.start, mention.end, within=(mention.start, mention.end))
            if found is None:
                missing += 1
                continue
            if found.entity is None:
                continue
            if any(
                other is not found
                and other.entity == found.entity
                and any(_overlaps(other, start, end) for start, end in heads[mention.entity])
                for other in candidates
            ):
                resolved += 1
    return PronounScore(resolved / total if total else 0.0, resolved, total, missing)
