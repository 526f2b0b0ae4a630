"""How sure an extraction is: a score from features of the construction and the parse.

Every extractor calls :func:`score` with the same :class:`Features`, so confidences are on one
scale and rank extractions of different kinds against each other (CaRB's AUC rewards exactly
that ranking). The score is a logistic function of a weighted sum:

- the construction's prior: how often that construction yields a correct tuple;
- where the clause stands: main clause, conjoined, complement, subordinate or relative clause,
  inside a quotation;
- how the arguments were found: the subject inherited from another clause, a pronoun, a name;
- how long the arguments and the sentence are (long sentences have more attachment errors;
  a one-word or a very long argument is more often wrong).

The weights were first set by hand from the error analysis on the CaRB dev split, then
recalibrated on the hand-judged real-news dev audit so that confidence tracks precision there
(README: precision by confidence band): pronoun subjects and objects (most often resolved to the
wrong entity), definite descriptions left unresolved, hedged or quoted clauses, complement
clauses and argument facts are surer to be wrong than a main clause between names. They are
rounded, set per feature, never per sentence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["ARGUMENT_SHIFT", "CONSTRUCTION_PRIOR", "Features", "score", "shift"]

#: log-odds shift of a fact split off an extraction's further argument ("met X in Y" -> "meet in Y"):
#: the preposition's attachment is the least sure part of a clause
ARGUMENT_SHIFT = -0.9

#: log-odds prior of each construction
CONSTRUCTION_PRIOR: dict[str, float] = {
    "svo": 1.2,
    "light_verb": 1.1,
    "prep": 0.8,
    "passive": 1.0,
    "copula": 0.7,
    "control": 0.9,
    "reported": 1.6,
    "ccomp": 0.2,
    "reduced_relative": -0.2,
    "apposition": 0.3,
    "title": 1.0,
    "bare_title": -0.6,
    "place": 0.0,
    "possessive": -1.5,
    "nominal": -0.5,
    "nominal_inferred": -1.0,
    "nominal_salient": -1.6,
}

#: log-odds adjustment for where the predicate stands
CONTEXT_WEIGHT: dict[str, float] = {
    "main": 0.3,
    "conj": 0.1,
    "complement": 0.0,
    "subordinate": -0.4,
    "relative": -0.3,
    "participle": -0.5,
}


@dataclass(frozen=True)
class Features:
    """What the confidence is computed from; all optional but the construction."""

    construction: str
    context: str = "main"  # main, conj, complement, subordinate, relative, participle
    inherited_subject: bool = False
    subject_pronoun: bool = False
    subject_name: bool = False
    object_name: bool = False
    object_missing: bool = False  # no object: an intransitive clause
    in_quote: bool = False
    subject_description: bool = False  # "the sum", "those provisions", "his colleagues": often left unresolved
    unknown_verb: bool = False  # the verb's lemma is no verb of the model's lexicon: a misread noun
    headline: bool = False  # a headline's compressed grammar is often misread; the body says it again
    object_pronoun: bool = False
    hedged: bool = False  # a hedge, quotation or reported clause: the fact is someone's claim or plan
    subject_length: int = 1
    object_length: int = 1
    sentence_length: int = 20
    extra_arguments: int = 0
    extra_length: int = 0  # words in the extra arguments


def score(features: Features) -> float:
    """The confidence in (0, 1), rounded to 3 places so output is stable."""
    z = CONSTRUCTION_PRIOR.get(features.construction, 0.5)
    z += CONTEXT_WEIGHT.get(features.context, 0.0)
    if features.inherited_subject:
        z -= 0.35
    if features.subject_pronoun:
        z -= 0.8
    if features.object_pronoun:
        z -= 0.8
    if features.subject_description:
        z -= 0.7
    if features.headline:
        z -= 1.0
    if features.unknown_verb:
        z -= 1.0
    if features.hedged:
        z -= 0.4
    if features.subject_name:
        z += 0.15
    if features.object_name:
        z += 0.1
    if features.object_missing:
        z -= 1.2
    if features.in_quote:
        z -= 0.35
    # long arguments and long sentences: more room for attachment errors
    z -= min(1.0, 0.1 * max(0, features.subject_length - 5))
    z -= min(1.0, 0.02 * max(0, features.object_length - 10))
    z -= min(1.5, 0.015 * max(0, features.sentence_length - 25))
    z -= min(0.5, 0.1 * max(0, features.extra_arguments - 1))
    z -= min(0.6, 0.03 * max(0, features.extra_length - 8))
    return min(0.999, max(0.001, round(1.0 / (1.0 + math.exp(-z)), 3)))


def shift(confidence: float, delta: float) -> float:
    """A confidence moved by ``delta`` in log-odds (for facts derived from an extraction)."""
    c = min(0.999, max(0.001, confidence))
    z = math.log(c / (1.0 - c)) + delta
    return min(0.999, max(0.001, round(1.0 / (1.0 + math.exp(-z)), 3)))
