"""BenchIE scoring of Open IE triples against gold fact synsets.

A dependency-free scorer written from the description of BenchIE (Gashteovski et al., ACL 2022)
in ``benchmarks/benchie/README.md`` (BenchIE's own code is licensed for non-commercial research
only and is not used). It reproduces the dev-half numbers that README gives: ClausIE 191 TP,
152 FP, P 0.557 R 0.258 F1 0.353; MinIE 207 TP, 241 FP, P 0.462 R 0.280 F1 0.349.

Scoring in short:

* the gold is, per sentence, a list of *fact synsets*: clusters of ``subject --> relation -->
  object`` triples that all state one fact. Words in ``[...]`` are optional, a bracketed group
  being dropped or kept as a whole, so a gold triple stands for every triple with any subset of
  its optional groups removed. A bracket also separates tokens (``[``]A New Oath['']`` is the
  tokens `````, ``A``, ``New``, ``Oath``, ``''``), as the words are PTB tokens;
* a system triple is *correct* when each of its three slots, whitespace collapsed, equals the
  corresponding slot of some gold triple of its sentence with some optional groups dropped
  (exact, case-sensitive, token by token);
* each correct triple is credited to the first synset (in file order) it matches; true positives
  are the synsets credited, false positives the triples that match no synset (a second correct
  triple of a synset already credited counts neither way); precision = TP / (TP + FP), recall =
  TP / number of gold synsets (of all gold sentences, extracted from or not), F1 their harmonic
  mean.

System input comes in two shapes (see :func:`read_benchie_system`): BenchIE's
``sent_id<TAB>subject<TAB>relation<TAB>object`` lines, and CaRB's tabbed n-ary lines
``sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2...`` (what ``newsgraph extract --format
carb`` prints), matched to a sentence id by the sentence text and read as the triples (arg1,
rel, arg2) and (arg1, rel + " " + arg2, argk) for every further argument, as the README says.
Extractions for sentences that are not in the gold are not scored; they are counted as
``ignored``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from .benchie_readers import (
    BenchieExtraction,
    BenchieScore,
    BenchieSentence,
    BenchieSynset,
    BenchieTriple,
    Triple,
    _Pattern,
    _pattern,
    nary_to_triples,
    read_benchie_gold,
    read_benchie_sentences,
    read_benchie_system,
)

__all__ = [
    "BenchieExtraction",
    "BenchieScore",
    "BenchieSentence",
    "BenchieSynset",
    "BenchieTriple",
    "benchie_details",
    "nary_to_triples",
    "read_benchie_gold",
    "read_benchie_sentences",
    "read_benchie_system",
    "score_benchie",
]


# -------------------------------------------------------------------------------- matching


def _matches(pattern: _Pattern, tokens: Sequence[str]) -> bool:
    """Whether ``tokens`` is ``pattern`` with some of its optional groups dropped."""
    # positions[i] = set of token positions reachable after the first i pattern items
    reachable = {0}
    for item in pattern:
        following: set[int] = set()
        if isinstance(item, str):
            following = {p + 1 for p in reachable if p < len(tokens) and tokens[p] == item}
        else:
            size = len(item)
            following = set(reachable)
            following.update(p + size for p in reachable if tuple(tokens[p : p + size]) == item)
        reachable = following
        if not reachable:
            return False
    return len(tokens) in reachable


class _CompiledSynsets:
    """The synsets of one sentence, parsed once: ``[(synset index, [3 patterns, ...]), ...]``."""

    def __init__(self, sentence: BenchieSentence) -> None:
        self.synsets = [
            [tuple(_pattern(s) for s in (t.subject, t.relation, t.object)) for t in synset.triples]
            for synset in sentence.synsets
        ]

    def first_match(self, slots: Triple) -> int | None:
        tokens = [slot.split() for slot in slots]
        for index, triples in enumerate(self.synsets):
            for patterns in triples:
                if all(_matches(p, t) for p, t in zip(patterns, tokens, strict=True)):
                    return index
        return None


def _assign(
    gold: Sequence[BenchieSentence],
    system: Mapping[str, Sequence[BenchieExtraction]],
) -> Iterator[tuple[BenchieSentence, list[tuple[BenchieExtraction, int | None]]]]:
    """For each gold sentence, every system triple with the index of its first matching synset."""
    for sentence in gold:
        compiled = _CompiledSynsets(sentence)
        yield sentence, [(e, compiled.first_match(e.slots)) for e in system.get(sentence.sent_id, ())]


def score_benchie(
    gold: Sequence[BenchieSentence],
    system: Mapping[str, Sequence[BenchieExtraction]],
    *,
    ignored: int = 0,
) -> BenchieScore:
    """Score system triples against gold synsets with BenchIE's counting (see module doc).

    ``system`` maps sentence ids to extractions; ids not in ``gold`` are counted in
    ``ignored`` (added to the ``ignored`` given, e.g. the reader's count) and not scored.
    """
    gold_ids = {sentence.sent_id for sentence in gold}
    extra = tuple(sorted(k for k in system if k not in gold_ids))
    ignored += sum(len(system[k]) for k in extra)
    tp = fp = correct = triples = 0
    for _sentence, assigned in _assign(gold, system):
        credited: set[int] = set()
        for _extraction, index in assigned:
            triples += 1
            if index is None:
                fp += 1
            else:
                correct += 1
                credited.add(index)
        tp += len(credited)
    synsets = sum(len(sentence.synsets) for sentence in gold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / synsets if synsets else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BenchieScore(
        precision=precision,
        recall=recall,
        f1=f1,
        tp=tp,
        fp=fp,
        correct=correct,
        triples=triples,
        synsets=synsets,
        sentences=len(gold),
        ignored=ignored,
        ignored_sentences=extra,
    )


def benchie_details(
    gold: Sequence[BenchieSentence],
    system: Mapping[str, Sequence[BenchieExtraction]],
) -> Iterable[dict[str, object]]:
    """One JSON-ready record per gold sentence, for diagnosing a score.

    Keys: ``sent_id``, ``sentence``, ``tp``, ``fp``, ``missed`` (synsets no triple matched:
    ``cluster`` number, gold ``line`` and its ``triples`` as written), ``false_positives``
    (``triple`` as [subject, relation, object] and system ``line``), ``credited`` (cluster
    number -> the system lines matching it; the first one gets the credit).
    """
    for sentence, assigned in _assign(gold, system):
        matched: dict[int, list[int]] = {}
        false_positives = []
        for extraction, index in assigned:
            if index is None:
                false_positives.append({"triple": list(extraction.slots), "line": extraction.line})
            else:
                matched.setdefault(index, []).append(extraction.line)
        missed = [
            {"cluster": synset.cluster, "line": synset.line, "triples": [t.text for t in synset.triples]}
            for index, synset in enumerate(sentence.synsets)
            if index not in matched
        ]
        yield {
            "sent_id": sentence.sent_id,
            "sentence": sentence.text,
            "tp": len(matched),
            "fp": len(false_positives),
            "missed": missed,
            "false_positives": false_positives,
            "credited": {str(sentence.synsets[i].cluster): lines for i, lines in sorted(matched.items())},
        }
