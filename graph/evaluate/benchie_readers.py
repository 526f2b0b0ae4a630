"""BenchIE's files, for :mod:`graph.evaluate.benchie`: the records (gold triples, fact synsets,
sentences, system extractions, the score), the parser of a gold slot's optional groups, and the
readers of the gold, the sentences and the system output (BenchIE's tabbed triples or CaRB's
n-ary lines, see :func:`read_benchie_system`).

Like the scorer, it needs nothing beyond the standard library (``graph.errors`` when present).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .reading import PathLike, input_error, numbered_lines

__all__ = [
    "BenchieExtraction",
    "BenchieScore",
    "BenchieSentence",
    "BenchieSynset",
    "BenchieTriple",
    "nary_to_triples",
    "read_benchie_gold",
    "read_benchie_sentences",
    "read_benchie_system",
]

Triple = tuple[str, str, str]
# A gold slot pattern: a sequence of items, each a required token (str) or an optional group
# (a tuple of tokens, dropped or kept as a whole).
_Pattern = tuple["str | tuple[str, ...]", ...]


# --------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class BenchieTriple:
    """One gold triple as written, slots with their ``[optional]`` groups."""

    subject: str
    relation: str
    object: str
    line: int = 0

    @property
    def text(self) -> str:
        return f"{self.subject} --> {self.relation} --> {self.object}"


@dataclass(frozen=True)
class BenchieSynset:
    """One fact synset: the triples that all state one fact, and the cluster number it had."""

    cluster: int
    triples: tuple[BenchieTriple, ...]
    line: int = 0


@dataclass(frozen=True)
class BenchieSentence:
    """A gold sentence: its id, its (tokenised) text and its synsets in file order."""

    sent_id: str
    text: str
    synsets: tuple[BenchieSynset, ...]


@dataclass(frozen=True)
class BenchieExtraction:
    """One system triple, with where it was read (file line) for diagnostics."""

    subject: str
    relation: str
    object: str
    line: int = 0

    @property
    def slots(self) -> Triple:
        return (_collapse(self.subject), _collapse(self.relation), _collapse(self.object))


@dataclass(frozen=True)
class BenchieScore:
    """The result of :func:`score_benchie` (values not rounded).

    ``tp`` synsets credited, ``fp`` triples matching no synset, ``correct`` triples that match
    some synset (credited or not), ``triples`` all scored triples, ``synsets`` and ``sentences``
    of the gold, ``ignored`` triples for sentences not in the gold.
    """

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    correct: int
    triples: int
    synsets: int
    sentences: int
    ignored: int = 0
    ignored_sentences: tuple[str, ...] = field(default=(), repr=False)


# -------------------------------------------------------------------------------- errors


def _collapse(text: str) -> str:
    return " ".join(text.split())


# -------------------------------------------------------------------------------- readers


def _is_header(stripped: str) -> tuple[bool, int]:
    """``N--> Cluster k:`` (or ``N-->Cluster k:``): (True, k)."""
    head, sep, rest = stripped.partition("-->")
    rest = rest.strip()
    if not sep or not head.strip().isdigit() or not rest.startswith("Cluster") or not rest.endswith(":"):
        return (False, 0)
    number = rest[len("Cluster") : -1].strip()
    return (number.isdigit(), int(number) if number.isdigit() else 0)


def read_benchie_gold(path: PathLike) -> list[BenchieSentence]:
    """Read BenchIE gold annotations (``benchie_gold_annotations_en.txt`` format).

    ``sent_id:N<TAB>sentence`` opens a sentence; ``N--> Cluster k:`` opens a synset, which
    belongs to the sentence it is written under whatever ``N`` says; every other non-blank line
    is a triple ``subject --> relation --> object``. Brackets are checked here (balanced, not
    nested) so a bad pattern is reported with its line.
    """
    sentences: list[BenchieSentence] = []
    sent_id: str | None = None
    text = ""
    synsets: list[BenchieSynset] = []
    cluster: tuple[int, int] | None = None  # (number, line)
    triples: list[BenchieTriple] = []
    seen: set[str] = set()

    def close_synset() -> None:
        nonlocal cluster, triples
        if cluster is not None:
            if not triples:
                raise input_error(path, cluster[1], f"Cluster {cluster[0]} has no triples")
            synsets.append(BenchieSynset(cluster[0], tuple(triples), cluster[1]))
        cluster, triples = None, []

    def close_sentence() -> None:
        close_synset()
        if sent_id is not None:
            sentences.append(BenchieSentence(sent_id, text, tuple(synsets)))

    for number, line in numbered_lines(path):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("sent_id:"):
            close_sentence()
            head, tab, sentence = line.partition("\t")
            sent_id = head.strip()[len("sent_id:") :].strip()
            if not tab or not sent_id:
                raise input_error(path, number, "expected 'sent_id:N<TAB>sentence'")
            if sent_id in seen:
                raise input_error(path, number, f"sentence id {sent_id} given twice")
            seen.add(sent_id)
            text, synsets = _collapse(sentence), []
            continue
        header, cluster_number = _is_header(stripped)
        if header:
            if sent_id is None:
                raise input_error(path, number, "a cluster before the first 'sent_id:' line")
            close_synset()
            cluster = (cluster_number, number)
            continue
        if cluster is None:
            raise input_error(
                path, number, f"expected 'sent_id:N<TAB>sentence' or 'N--> Cluster k:', got {stripped[:60]!r}"
            )
        parts = stripped.split("-->")
        if len(parts) != 3:
            raise input_error(path, number, f"expected 'subject --> relation --> object', found {len(parts)} part(s)")
        for part in parts:
            try:
                _pattern(part)
            except ValueError as exc:
                raise input_error(path, number, str(exc)) from None
        triples.append(BenchieTriple(parts[0].strip(), parts[1].strip(), parts[2].strip(), line=number))
    close_sentence()
    if not sentences:
        raise input_error(path, None, "no 'sent_id:' lines: not a BenchIE gold file")
    return sentences


def read_benchie_sentences(path: PathLike) -> dict[str, str]:
    """Read ``sent_id<TAB>sentence`` lines (``sentences_dev.tsv``): id -> sentence."""
    result: dict[str, str] = {}
    for number, line in numbered_lines(path):
        if not line.strip():
            continue
        sent_id, tab, sentence = line.partition("\t")
        if not tab or not sent_id.strip() or not sentence.strip():
            raise input_error(path, number, "expected 'sent_id<TAB>sentence'")
        result[sent_id.strip()] = sentence
    return result


def nary_to_triples(relation: str, args: Sequence[str], *, mode: str = "split") -> list[Triple]:
    """Triples of one n-ary extraction.

    ``split`` (the README's rule): (arg1, rel, arg2) and (arg1, rel + " " + arg2, argk) for
    each further argument k. ``join``: one triple (arg1, rel, arg2 + " " + arg3 ...), the way
    CaRB binarises. An extraction with only arg1 gives (arg1, rel, "").
    """
    arg1 = args[0] if args else ""
    rest = list(args[1:])
    if not rest:
        return [(arg1, relation, "")]
    if mode == "join":
        return [(arg1, relation, " ".join(rest))]
    if mode != "split":
        raise ValueError(f"unknown n-ary mode {mode!r} (split or join)")
    triples = [(arg1, relation, rest[0])]
    triples.extend((arg1, f"{relation} {rest[0]}", arg) for arg in rest[1:])
    return triples


def _looks_carb(fields: Sequence[str]) -> bool:
    if len(fields) < 4:
        return False
    try:
        float(fields[1])
    except ValueError:
        return False
    return True


def read_benchie_system(
    path: PathLike,
    sentences: Mapping[str, str],
    *,
    fmt: str = "auto",
    nary: str = "split",
) -> tuple[dict[str, list[BenchieExtraction]], int]:
    """Read system extractions: ``({sent_id: [extraction, ...]}, lines for unknown sentences)``.

    ``sentences`` maps sentence ids to texts (from the gold or ``sentences_dev.tsv``); CaRB
    lines are matched to an id by their sentence, exactly or with whitespace collapsed.
    ``fmt`` is ``benchie`` (``sent_id<TAB>subject<TAB>relation<TAB>object``), ``carb``
    (``sentence<TAB>confidence<TAB>relation<TAB>arg1...``) or ``auto`` (decided by the first
    non-blank line: a numeric second field means CaRB). ``nary`` is passed to
    :func:`nary_to_triples`. Blank lines are skipped; extractions for unknown sentences are
    returned as a count, not read.
    """
    if fmt not in ("auto", "benchie", "carb"):
        raise ValueError(f"unknown system format {fmt!r} (auto, benchie or carb)")
    by_text = {_collapse(text): sent_id for sent_id, text in sentences.items()}
    result: dict[str, list[BenchieExtraction]] = {}
    unknown = 0
    for number, line in numbered_lines(path):
        if not line.strip():
            continue
        fields = line.split("\t")
        if fmt == "auto":
            fmt = "carb" if _looks_carb(fields) else "benchie"
        if fmt == "benchie":
            if len(fields) != 4:
                raise input_error(
                    path,
                    number,
                    f"expected 'sent_id<TAB>subject<TAB>relation<TAB>object', found {len(fields)} field(s)",
                )
            sent_id = fields[0].strip()
            if sent_id not in sentences:
                unknown += 1
                continue
            result.setdefault(sent_id, []).append(BenchieExtraction(fields[1], fields[2], fields[3], line=number))
        else:
            if not _looks_carb(fields):
                raise input_error(
                    path,
                    number,
                    "expected 'sentence<TAB>confidence<TAB>relation<TAB>arg1[<TAB>arg2 ...]'",
                )
            sentence_id = by_text.get(_collapse(fields[0]))
            if sentence_id is None:
                unknown += 1
                continue
            for triple in nary_to_triples(fields[2], fields[3:], mode=nary):
                result.setdefault(sentence_id, []).append(
                    BenchieExtraction(triple[0], triple[1], triple[2], line=number)
                )
    return result, unknown


# -------------------------------------------------------------------------------- gold slots


def _pattern(slot: str) -> _Pattern:
    """Parse a gold slot into tokens and optional groups; a bracket also ends a token."""
    items: list[str | tuple[str, ...]] = []
    rest = slot
    while rest:
        open_at = rest.find("[")
        close_at = rest.find("]")
        if close_at >= 0 and (open_at < 0 or close_at < open_at):
            raise ValueError(f"']' without '[' in {slot!r}")
        if open_at < 0:
            items.extend(rest.split())
            break
        items.extend(rest[:open_at].split())
        end = rest.find("]", open_at)
        if end < 0:
            raise ValueError(f"'[' without ']' in {slot!r}")
        inner = rest[open_at + 1 : end]
        if "[" in inner:
            raise ValueError(f"nested '[' in {slot!r}")
        group = tuple(inner.split())
        if group:
            items.append(group)
        rest = rest[end + 1 :]
    return tuple(items)
