"""Scorers for newsgraph's output against benchmarks: CaRB and BenchIE (Open IE), CoNLL-2012
coreference (MUC, B-cubed, CEAF-e, CoNLL F1, pronoun accuracy) and entity types.

Each scorer lives in its own module; this package re-exports their public names.
``graph.evaluate.report`` runs the scorers on files for ``newsgraph eval``.
"""

from __future__ import annotations

from .benchie import (
    BenchieExtraction,
    BenchieScore,
    BenchieSentence,
    BenchieSynset,
    BenchieTriple,
    benchie_details,
    nary_to_triples,
    read_benchie_gold,
    read_benchie_sentences,
    read_benchie_system,
    score_benchie,
)
from .carb import (
    CarbScore,
    CarbTuple,
    format_carb_lines,
    read_carb_gold,
    read_carb_predictions,
    read_openie5_output,
    score_carb,
)
from .coref import (
    ConllDocument,
    CorefScore,
    Mention,
    MetricScore,
    PronounScore,
    read_conll,
    read_conll_files,
    read_mentions,
    read_mentions_files,
    score_coref,
    score_pronouns,
)
from .report import benchie_report, carb_report, coref_report, types_report
from .types import TypeAccuracy, TypesScore, score_types, system_class

__all__ = [
    "BenchieExtraction",
    "BenchieScore",
    "BenchieSentence",
    "BenchieSynset",
    "BenchieTriple",
    "CarbScore",
    "CarbTuple",
    "ConllDocument",
    "CorefScore",
    "Mention",
    "MetricScore",
    "PronounScore",
    "TypeAccuracy",
    "TypesScore",
    "benchie_details",
    "benchie_report",
    "carb_report",
    "coref_report",
    "format_carb_lines",
    "nary_to_triples",
    "read_benchie_gold",
    "read_benchie_sentences",
    "read_benchie_system",
    "read_carb_gold",
    "read_carb_predictions",
    "read_conll",
    "read_conll_files",
    "read_mentions",
    "read_mentions_files",
    "read_openie5_output",
    "score_benchie",
    "score_carb",
    "score_coref",
    "score_pronouns",
    "score_types",
    "system_class",
    "types_report",
]
