"""Extraction in the CaRB benchmark's format: one sentence a line in, tabbed tuples out.

Each input line is one sentence, already tokenised (as CaRB's are); it is parsed keeping exactly
those tokens, so every argument printed is made of the sentence's own words. Output lines are
``sentence \\t confidence \\t relation \\t arg1 \\t arg2 [\\t arg3 ...]`` with the sentence as given.

This is the system side of the CaRB benchmark (``newsgraph extract --format carb``); the scorer
is :mod:`graph.evaluate.carb`. It lives in ``evaluate`` because it uses the extractors, and the
extractors never import ``evaluate``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..extractors import DocContext, extractions_from, make_extractors
from ..extractors.minimal import is_vacuous, minimal_triples
from ..nlp import load_model, parse_pretokenized
from ..types import Extraction

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["carb_file_lines", "carb_lines", "carb_tuple", "triple_lines"]

#: constructions whose relation is not written in the sentence ("is" of an apposition)
_SYNTHETIC_RELATIONS = {"title", "apposition", "place", "possessive"}


def _words(tokens: Sequence[str], indices: Iterable[int]) -> str:
    return " ".join(tokens[i] for i in sorted(set(indices)))


def carb_tuple(extraction: Extraction, tokens: Sequence[str]) -> tuple[str, list[str]] | None:
    """(relation, [arg1, arg2, ...]) of an extraction in the sentence's own tokens."""
    if extraction.object is None:
        return None
    if extraction.construction == "role" and extraction.relation.tokens:
        # roles.v1: (person, is ROLE of, organisation), or (person, is, ROLE) without one
        role = extraction.relation.text  # the role's label ("head" for "heads the council")
        relation = "is" if extraction.object.kind == "ROLE" else f"is {role} of"
    elif extraction.construction in _SYNTHETIC_RELATIONS or not extraction.relation.tokens:
        relation = extraction.relation.text
    else:
        relation = _words(tokens, extraction.relation.tokens)
    args = [_words(tokens, extraction.subject.tokens), _words(tokens, extraction.object.tokens)]
    for argument in extraction.arguments:
        args.append(_words(tokens, tuple(argument.marker) + argument.value.tokens))
    if not relation or not all(args[:2]):
        return None
    return relation, args


def _parsed(
    sentences: Iterable[str], model: str | None, extractors: Sequence[str] | None, exclude: frozenset[str]
) -> Iterator[tuple[str, list[str], Doc, list[Extraction]]]:
    nlp = load_model(model)
    built = make_extractors(extractors, exclude=exclude)
    lines = [line.rstrip("\n") for line in sentences]
    docs = (parse_pretokenized(nlp, line.split()) for line in lines if line.strip())
    kept = [line for line in lines if line.strip()]
    for line, doc in zip(kept, docs, strict=False):
        context = DocContext.of(doc, "carb")
        yield line, doc.user_data["original_tokens"], doc, extractions_from(built, doc, "carb", context=context)


def triple_lines(
    sentences: Iterable[str],
    *,
    model: str | None = None,
    extractors: Sequence[str] | None = None,
    exclude: frozenset[str] = frozenset(),
    min_confidence: float = 0.0,
) -> Iterator[str]:
    """Minimal triples for each sentence, as CaRB lines with two arguments
    (``sentence \\t confidence \\t relation \\t subject \\t object``), which the BenchIE
    scorer reads as (subject, relation, object)."""
    for line, tokens, doc, extractions in _parsed(sentences, model, extractors, exclude):
        seen: set[tuple[str, ...]] = set()
        for extraction in extractions:
            if extraction.confidence < min_confidence:
                continue
            for triple in minimal_triples(extraction, doc):
                relation = triple.relation_text or " ".join(tokens[i] for i in triple.relation)
                subject, obj = _words(tokens, triple.subject), _words(tokens, triple.object)
                if not (relation and subject and obj):
                    continue
                key = (relation, subject, obj)
                if key in seen:
                    continue
                seen.add(key)
                yield "\t".join([line, f"{extraction.confidence:.4f}", relation, subject, obj])


def carb_lines(
    sentences: Iterable[str],
    *,
    model: str | None = None,
    extractors: Sequence[str] | None = None,
    exclude: frozenset[str] = frozenset(),
    min_confidence: float = 0.0,
) -> Iterator[str]:
    """CaRB lines for each sentence (blank lines are skipped)."""
    for line, tokens, _doc, extractions in _parsed(sentences, model, extractors, exclude):
        seen: set[tuple[str, ...]] = set()
        # a statement speech.v1 reads for a verb the clause extractor already reported is one tuple, not two
        reported = {
            i
            for e in extractions
            if e.construction == "reported" and e.extractor != "speech.v1"
            for i in e.relation.tokens
        }
        for extraction in extractions:
            if extraction.extractor == "speech.v1" and reported.intersection(extraction.relation.tokens):
                continue
            if extraction.confidence < min_confidence or is_vacuous(extraction, _doc, nodes=False):
                continue  # "Acme's phone" -> "Acme has phone" says nothing
            found = carb_tuple(extraction, tokens)
            if found is None:
                continue
            relation, args = found
            key = (relation, *args)
            if key in seen:
                continue
            seen.add(key)
            yield "\t".join([line, f"{extraction.confidence:.4f}", relation, *args])


def carb_file_lines(
    path: str | Path,
    *,
    model: str | None = None,
    extractors: Sequence[str] | None = None,
    triples: bool = False,
    min_confidence: float = 0.0,
) -> Iterator[str]:
    """:func:`carb_lines` (or, with ``triples``, :func:`triple_lines`) of the file ``path``, one
    (tokenised) sentence a line, each read on its own (``newsgraph extract --format carb|triples
    --sentences FILE``)."""
    if not Path(path).is_file():
        raise InputError(str(path), "no such file")
    write = triple_lines if triples else carb_lines
    sentences = Path(path).read_text(encoding="utf-8").splitlines()
    yield from write(sentences, model=model, extractors=extractors, min_confidence=min_confidence)
