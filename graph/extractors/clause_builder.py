"""Building one clause from its verb, for :mod:`graph.extractors.clauses`: the predicate chain
(control and raising), the subject, objects, a clausal complement, prepositional phrases, and the
hedge that says why the clause is not a plain assertion.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import MODAL_VERBS, SPEECH_VERBS
from ..syntax import kids, subtree_indices
from .clause_parts import (
    ARGUMENT_SKIP_DEPS,
    DIRECT_OBJECT_DEPS,
    SUBJECT_DEPS,
    Clause,
    _adjective_slot,
    _children,
    _conjuncts,
    _is_predicate,
    _is_relative_word,
    _lemma,
    _light_verb_slot,
    _noun_span,
    _prep_arguments,
    _relation_tokens,
    _Slot,
    _SubjectFinder,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


#: verbs whose infinitive or clause complement is not asserted: "denied stealing", "failed to pay",
#: "wanted X to increase", "plans to build", "seems to work", "was asked to leave", "stood to lose"
HEDGE_VERBS = {
    "deny",
    "fail",
    "refuse",
    "want",
    "wish",
    "hope",
    "plan",
    "intend",
    "aim",
    "seek",
    "try",
    "attempt",
    "seem",
    "appear",
    "ask",
    "urge",
    "stand",
    "expect",
    "propose",
    "threaten",
    "promise",
    "offer",
    "agree",
    "decide",
    "consider",
    "wonder",
    "doubt",
    "question",
    "allege",
    "claim",
    "vow",
    "pledge",
    "prepare",
    "like",
    "love",
    "prefer",
    "need",
    "require",
    "demand",
    "order",
    "direct",
    "encourage",
    "allow",
    "let",
    "permit",
    "push",
    "press",
    "call",
    "invite",
    "tell",
    "advise",
    "warn",
    "forbid",
    "ban",
    "prevent",
    "struggle",
    "hesitate",
    "decline",
    "neglect",
    "forget",
    "pretend",
    "dare",
    "tend",
    "predict",
    "forecast",
}
#: adverbs that hedge a clause: "allegedly robbed", "reportedly agreed"
HEDGE_ADVERBS = {
    "allegedly",
    "reportedly",
    "supposedly",
    "purportedly",
    "apparently",
    "possibly",
    "probably",
    "perhaps",
    "maybe",
    "likely",
    "presumably",
    "seemingly",
    "ostensibly",
    "unlikely",
}
#: subordinators of a clause that is not asserted: "whether he won", "if prices rise"
HEDGE_MARKERS = {"whether", "if", "unless", "lest"}


def _hedge(verb: Token, last: Token) -> str | None:
    """Why a clause is not a plain assertion (``Extraction.hedge``): the hedging verb that
    governs it ("fail", "want", "deny"), a hedging adverb ("allegedly"), ``whether``/``if``,
    ``reported`` for the complement of a speech verb (the speaker's claim: the ``say`` fact
    carries it), or ``purpose`` for an infinitive of purpose ("came to make stars", "in order to
    nominate"). Clauses inside quotation marks get ``quoted`` (see :func:`.clauses._clause_extractions`)."""
    # the chain itself: "failed to pay", "was asked to leave" (verb = fail / ask)
    if last is not verb and verb.lemma_.lower() in HEDGE_VERBS:
        return verb.lemma_.lower()
    for token in (verb, last):
        for child in kids(token):
            if child.dep_ in ("aux", "auxpass") and child.lemma_.lower() in HEDGE_VERBS:
                return child.lemma_.lower()  # "seem designed": the parser made "seem" an auxiliary
            if child.dep_ == "advmod" and child.lower_ in HEDGE_ADVERBS:
                return child.lower_
            if child.dep_ == "mark" and child.lower_ in HEDGE_MARKERS:
                return "whether" if child.lower_ == "whether" else "if"
    head = verb.head
    if head is verb:
        return None
    dep = verb.dep_
    if dep in ("xcomp", "ccomp") and head.lemma_.lower() in HEDGE_VERBS:
        return head.lemma_.lower()  # "wanted the company to increase", "denied that he took"
    first = verb
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first.dep_ == "ccomp" and first.head.lemma_.lower() in SPEECH_VERBS:
        return "reported"  # "X said the company had paid": the speaker's claim, not the newspaper's
    if dep == "conj":
        return None
    infinitive = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb))
    if infinitive and dep in ("advcl", "acl") and head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return "purpose"
    if infinitive and dep == "acl" and head.lower_ == "order":
        return "purpose"
    if infinitive and dep == "relcl":
        return "purpose"
    if infinitive and dep == "acl":
        return "plan"  # "a plan to build", "the first ship to enter": not an event that happened
    return None


def _build_clause(finder: _SubjectFinder, verb: Token, merged: set[int], *, light_verbs: bool) -> Clause | None:
    relation, passive, negated, modality = _relation_tokens(verb)
    lemma_parts = [_lemma(verb)]
    last = verb
    construction = "svo"
    # subject control / raising: "wants to go", "had to become", "is expected to win"
    while True:
        xcomps = [c for c in _children(last, "xcomp") if _is_predicate(c) and c.i > last.i]
        if not xcomps or _children(last, "dobj", "dative", "attr"):
            break
        x = xcomps[0]
        merged.add(x.i)
        x_relation, x_passive, x_negated, x_modality = _relation_tokens(x)
        relation.extend(x_relation)
        if len(lemma_parts) == 1 and last is verb and last.lemma_.lower() in MODAL_VERBS:
            modality = modality or MODAL_VERBS[last.lemma_.lower()]
            lemma_parts = [_lemma(x)]
        else:
            if len(lemma_parts) == 1 and passive:
                lemma_parts = [f"be {lemma_parts[0]}"]  # "is expected to win": be expect to win
            lemma_parts.append(
                "to " + _lemma(x) if any(c.lower_ == "to" for c in kids(x) if c.dep_ == "aux") else _lemma(x)
            )
        passive = x_passive or (passive and last.lemma_.lower() == "be")
        negated = negated or x_negated
        modality = modality or x_modality
        last = x
        construction = "control"

    hedge = _hedge(verb, last)
    subjects, inherited = finder.subjects_of(verb)
    clause = Clause(
        verb=verb,
        last=last,
        relation=sorted(set(relation)),
        lemma_parts=lemma_parts,
        construction=construction,
        passive=passive,
        negated=negated,
        modality=modality,
        inherited_subject=inherited,
        hedge=hedge,
    )

    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not _children(verb, *SUBJECT_DEPS):
        # reduced passive relative: "the objectives set by the party"
        clause.passive = True
        clause.construction = "reduced_relative"
        clause.subjects = [(n, _noun_span(n, skip=(*ARGUMENT_SKIP_DEPS, "acl"))) for n in _conjuncts(verb.head)]
    else:
        for subject in subjects:
            if subject.i == verb.head.i or subject.is_ancestor(verb):
                # relative clause: "the party, which won ..." -- the noun without the clause
                left, right = verb.left_edge.i, verb.right_edge.i  # a subtree is a contiguous span
                span = [i for i in _noun_span(subject, skip=(*ARGUMENT_SKIP_DEPS, "acl")) if not left <= i <= right]
            else:
                span = _noun_span(subject)
            clause.subjects.append((subject, span or [subject.i]))
    if not clause.subjects:
        return None

    antecedent = verb.head if verb.dep_ == "relcl" else None
    copular = False
    skip_tokens: set[int] = set()
    for dep in DIRECT_OBJECT_DEPS:
        for child in _children(last, dep):
            if child.tag_ == "PRP" and child.lower_.endswith(("self", "selves")):
                continue  # "got himself familiarized with X": the reflexive is not an argument
            if _is_relative_word(child) and antecedent is not None:
                # "the match which Keibler lost": the relative pronoun stands for the noun
                clause.objects.extend(_Slot(n, _noun_span(n)) for n in _conjuncts(antecedent))
                continue
            if dep in ("attr", "acomp"):
                copular = True
            special = (
                _adjective_slot(child)
                if dep == "acomp"
                else (_light_verb_slot(last, child, skip_tokens) if dep == "dobj" and light_verbs else [])
            )
            if special:
                clause.objects.extend(special)
                if dep == "dobj":
                    clause.construction = "light_verb"
                continue
            clause.objects.extend(_Slot(n, _noun_span(n)) for n in _conjuncts(child))
    dative = _children(last, "dative")
    if dative and not clause.objects:
        clause.objects.extend(_Slot(n, _noun_span(n)) for n in _conjuncts(dative[0]))
        skip_tokens.add(dative[0].i)
    if copular and clause.construction == "svo":
        clause.construction = "copula"

    ccomps = _children(last, "ccomp")
    if ccomps and not clause.objects:
        comp = ccomps[0]
        marker = [c.i for c in kids(comp) if c.dep_ == "mark" and c.i < comp.i]
        span = [i for i in subtree_indices(comp) if i not in marker]
        clause.clause_object = (comp, span, marker)
        clause.construction = "reported" if verb.lemma_.lower() in SPEECH_VERBS else "ccomp"

    clause.preps = _prep_arguments(last, skip=skip_tokens)
    if last is not verb:
        clause.preps.extend(_prep_arguments(verb, skip=skip_tokens))
    if clause.passive and clause.construction in ("svo", "control"):
        clause.construction = "passive"
    if clause.passive:
        clause.preps.sort(key=lambda p: p[0] != "by")  # the agent first: "was appointed by Y"
    return clause
