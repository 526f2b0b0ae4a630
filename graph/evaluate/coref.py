"""Coreference scoring against CoNLL-2012 gold: MUC, B-cubed, CEAF-e, CoNLL F1, pronoun accuracy.

A dependency-free reimplementation of what the CoNLL-2012 reference scorer
(``conll/reference-coreference-scorers`` v8.01, ``scorer.pl muc|bcub|ceafe KEY RESPONSE``)
computes, as described in ``benchmarks/gum-news/README.md`` and Pradhan et al. (2014),
"Scoring Coreference Partitions of Predicted Mentions: A Reference Implementation".

Input (read by :mod:`graph.evaluate.conll`):

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
* CEAF-e (Luo 2005): key and response chains aligned one to one (Kuhn-Munkres, written out in
  :mod:`graph.evaluate.assignment`) to maximise the sum of φ4(K, R) = 2·|K∩R| / (|K| + |R|); recall = that sum over the number of
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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .assignment import max_assignment
from .conll import (
    Chain,
    ConllDocument,
    Mention,
    _response_chains,
    gold_mention_files,
    read_conll,
    read_conll_files,
    read_mentions,
    read_mentions_files,
)

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

Counts = tuple[float, float, float, float]  # recall num, recall den, precision num, precision den


# --------------------------------------------------------------------------------- records


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
