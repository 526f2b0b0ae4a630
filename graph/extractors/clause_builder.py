"""Building one clause from its verb, for :mod:`graph.extractors.clauses`: the predicate chain, the
subject, objects, a clausal complement, prepositions, and the hedge (why it is no plain assertion).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import MODAL_LEMMAS, MODAL_VERBS, SPEECH_VERBS
from ..lexicon.verbs import (
    APPOINTING_VERBS,
    COGNITION_VERBS,
    IMPLICATIVE_CONTROL_VERBS,
    OBJECT_CONTROL_VERBS,
    PREPOSITIONAL_PARTICIPLES,
    REPORTING_VERBS,
    SELECTING_CONTROL_VERBS,
)
from ..syntax import doc_tree, kids, subtree_indices
from . import clause_shapes as shapes
from .clause_edges import (
    _causative_have,
    _too_to,
    _without_asides,
    cleft_or_existential,
    cut_at_separator,
    denied_content,
    event_subject,
    gapped_conjuncts,
    in_title,
    measure_of_adjective,
    merge_hyphen_pieces,
    trailing_time,
)
from .clause_parts import (
    ARGUMENT_SKIP_DEPS,
    DIRECT_OBJECT_DEPS,
    SUBJECT_DEPS,
    Clause,
    _adjective_slot,
    _children,
    _conjuncts,
    _gerund_governor,
    _infinitive_slot,
    _is_predicate,
    _is_relative_word,
    _lemma,
    _light_verb_slot,
    _noun_span,
    _prep_arguments,
    _relation_tokens,
    _Slot,
    _SubjectFinder,
    _to_infinitive,
    naming_participle,
    place_span,
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
#: verbs that raise their infinitive's subject: "stood to lose", "seemed to work", "tend to rise"
RAISING_VERBS = {"stand", "seem", "appear", "happen", "tend", "prove"}
#: verbs of wanting: "wanted the company to increase X" stays a hedged fact of the company ("the
#: company was wanted to increase" is no English)
DESIRE_VERBS = {"want", "wish", "like", "love", "prefer", "need", "hope"}
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
    if last is not verb and (word := _lemma(verb).split()[0]) in HEDGE_VERBS:
        return word  # ("hoping to win": hope, which the lemmatizer reads as "hop")
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
    if (permitted := shapes.permission_or_purpose(verb)) is not None:
        return permitted  # "allows children to enrol", "left the office to catch a train"
    first = verb
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first.dep_ == "ccomp" and first.head.lemma_.lower() in SPEECH_VERBS:
        return "reported"  # "X said the company had paid": the speaker's claim, not the newspaper's
    if dep == "conj":
        # "stood to cost X and rock Y": the second verb is as unsure as the first
        return _hedge(first, first) if first is not verb and first.dep_ != "ROOT" else None
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


def _predicative_slots(verb: Token, obj: Token) -> list[_Slot]:
    """``called the bridge the greatest achievement``: what the object is called is the object and
    the object joins the relation ("call new bridge"); read as two objects, the mayor would have
    called the achievement. (Appointments, "named her chief executive", are the roles' facts.)"""
    if verb.lemma_.lower() in APPOINTING_VERBS or obj.pos_ not in ("NOUN", "PROPN"):
        return []
    predicates = [c for c in kids(verb) if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN") and c.i > obj.i]
    if not predicates:
        return []
    words = _noun_span(obj)
    named = [t for t in (obj.doc[i] for i in words) if t.dep_ not in ("det", "poss", "punct") and not t.is_space]
    lemma = " ".join(t.text if t.pos_ == "PROPN" else t.lower_ for t in named)
    return [_Slot(n, _noun_span(n), words, lemma) for n in _conjuncts(predicates[0])]


def _build_clause(finder: _SubjectFinder, verb: Token, merged: set[int], *, light_verbs: bool) -> Clause | None:
    relation, passive, negated, modality = _relation_tokens(verb)
    lemma_parts = [_lemma(verb)]
    last = verb
    construction = "svo"
    # subject control / raising: "wants to go", "had to become", "is expected to win"
    while True:
        xcomps = [c for c in _children(last, "xcomp") if _is_predicate(c) and c.i > last.i]
        if not xcomps and last.lemma_.lower() in RAISING_VERBS:
            # "stood to cost X": the parser often reads the infinitive as one of purpose
            xcomps = [c for c in _children(last, "advcl") if _to_infinitive(c) and c.i > last.i]
        if not xcomps or _children(last, "dobj", "dative", "attr"):
            break
        x = xcomps[0]
        if any(a.lower_ == "too" for c in _children(last, "acomp") for a in _children(c, "advmod")):
            merged.add(x.i)  # "too warm to make stars": the infinitive is what does not happen
            break
        if last.lemma_.lower() not in OBJECT_CONTROL_VERBS and any(last.i < c.i < x.i for c in _children(last, "prep")):
            break  # "took to Twitter to tell followers": an infinitive of purpose after a phrase, no chain
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

    if (
        verb.dep_ in ("acl", "advcl")
        and verb.tag_ in ("VBN", "VBG")
        and verb.lemma_.lower() in PREPOSITIONAL_PARTICIPLES
        and not _children(verb, *SUBJECT_DEPS, "aux", "auxpass")
    ):
        return None  # "combined with X, Scotland now stand ...", "A, followed by B": a preposition
    left = verb.left_edge.i
    if any(word.lower() in ("wit", "namely") for word in doc_tree(verb.doc).texts[max(0, left - 3) : left]):
        return None  # "charges of assault, to wit, brandishing a firearm": what the charge says, not an act
    if verb.dep_ == "acl" and (named := naming_participle(verb.head)) is not None and named[0].i == verb.i:
        return None  # "two men identified as A and B robbed X": the names are the subjects, no fact of naming
    if _too_to(verb):
        return None  # "too warm to make stars": the infinitive is what does not happen
    if cleft_or_existential(verb) or denied_content(verb):
        return None  # "It was X who won", ", and there were nine charges": no subject fact
    # "..., touching off a clash": the subject is the whole event; kept for open IE, no graph fact
    result = event_subject(verb, _lemma(verb))
    hedge = _hedge(verb, last)
    if (
        verb.dep_ in ("xcomp", "ccomp")
        and hedge == verb.head.lemma_.lower()
        and any(c.dep_ == "neg" for c in kids(verb.head))
    ):
        return None  # "does not expect inflation to return": the negated governor's fact says it all
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        negated = True  # "left without paying": did not pay
    adjective = verb.head
    if verb.dep_ == "xcomp" and adjective.pos_ == "ADJ" and adjective.dep_ == "acomp" and adjective.lower_ != "able":
        # "is eager to sign X", "was unable to repay X": the adjective belongs to the relation
        copula = adjective.head
        relation = sorted({copula.i, *(c.i for c in _children(copula, "aux", "neg")), adjective.i, *relation})
        lemma_parts = [f"be {adjective.lower_}", *(f"to {p}" for p in lemma_parts[:1]), *lemma_parts[1:]]
        negated = negated or any(c.dep_ == "neg" for c in kids(copula))
        hedge = None
    gerund_of = _gerund_governor(verb) if verb.dep_ == "pcomp" else None
    if gerund_of is not None and hedge is None:
        # "agreed to cooperate on signing X": the signing is as unsure as the cooperation
        hedge = _hedge(gerund_of, gerund_of) or (
            gerund_of.lemma_.lower() if gerund_of.lemma_.lower() in HEDGE_VERBS else None
        )
        modal = [c for c in _children(gerund_of, "aux") if c.tag_ == "MD"]
        modality = modality or (modal[0].lemma_.lower() if modal else None)
    if modality is None and verb.dep_ == "conj" and verb.tag_ == "VB" and not _children(verb, "aux", "auxpass"):
        # "would boost X and increase Y": the second verb shares the first one's modal
        modal = [c for c in _children(verb.head, "aux") if c.tag_ == "MD" or c.lemma_.lower() in MODAL_LEMMAS]
        modality = modal[0].lemma_.lower() if modal else None
    chain_head = verb.head.head if verb.dep_ == "conj" else None
    if (
        chain_head is not None
        and verb.head.i in merged
        and verb.head.dep_ in ("xcomp", "advcl")
        and _to_infinitive(verb.head)
        and _to_infinitive(verb) is False
        and verb.tag_ == "VB"
        and not _children(chain_head, "dobj")
        and not _children(verb, *SUBJECT_DEPS)
    ):
        # "stood to cost X and rock Y": the second infinitive belongs to the same chain (stand to rock)
        relation = [chain_head.i, *relation]
        lemma_parts = [_lemma(chain_head), *(f"to {p}" for p in lemma_parts[:1]), *lemma_parts[1:]]
        hedge = chain_head.lemma_.lower() if chain_head.lemma_.lower() in HEDGE_VERBS else None
    governor = verb.head
    if (
        verb.dep_ == "xcomp"
        and governor is not verb
        and _children(governor, "dobj")
        and governor.lemma_.lower() in (OBJECT_CONTROL_VERBS & HEDGE_VERBS) - IMPLICATIVE_CONTROL_VERBS - DESIRE_VERBS
        and not _children(verb, *SUBJECT_DEPS)
    ):
        # "ordered him to pay X": he was ordered to pay X (not: he paid X); after a verb that
        # asserts nothing of its own ("commissioned him to organize X") the infinitive stays a fact
        relation = [governor.i, *relation]
        lemma_parts = [f"be {governor.lemma_.lower()}", *(f"to {p}" for p in lemma_parts[:1]), *lemma_parts[1:]]
        hedge = None
    subjects, inherited = finder.subjects_of(verb)
    times = []  # "named X as chief executive on Tuesday", "Sales in the first quarter rose"
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
        hedge="result" if result else hedge,
    )

    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not _children(verb, *SUBJECT_DEPS):
        # reduced passive relative: "the objectives set by the party"
        clause.passive = True
        clause.construction = "reduced_relative"
        # "two phones, known as A and B, plus a watch": not the nouns joined after the participle
        nouns = [n for n in _conjuncts(verb.head) if n.i < verb.i]
        clause.subjects = [(n, _noun_span(n, skip=(*ARGUMENT_SKIP_DEPS, "acl"))) for n in nouns]
    else:
        for subject in subjects:
            if subject.i == verb.head.i or subject.is_ancestor(verb):
                # relative clause: "the party, which won ..." -- the noun without the clause
                left, right = verb.left_edge.i, verb.right_edge.i  # a subtree is a contiguous span
                span = [i for i in _noun_span(subject, skip=(*ARGUMENT_SKIP_DEPS, "acl")) if not left <= i <= right]
            else:
                span = _noun_span(subject)
                if subject.dep_ in ("nsubj", "appos"):  # "the Dayton, Ohio, native" (not "DOVER, Del. — Officials")
                    span = cut_at_separator(subject, sorted({*place_span(subject), *span}))
            span, time = trailing_time(subject, span or [subject.i])  # "Sales in the first quarter rose"
            times.extend([time] if time else [])
            clause.subjects.append((subject, span))
    if not clause.subjects:
        return None

    antecedent = verb.head if verb.dep_ == "relcl" else None
    copular = False
    skip_tokens: set[int] = set()
    infinitive_preps: list[Token] = []  # "halted plans to sue X over Y": the infinitive's phrases
    for dep in DIRECT_OBJECT_DEPS:
        gapped = gapped_conjuncts(last, dep)  # "A was the driver and B the lookout"
        for child in merge_hyphen_pieces(_children(last, dep)):  # "a mini-budget": one object, not three
            if child.i in gapped or (dep == "attr" and measure_of_adjective(last, child)):
                continue  # gapping; "was 4.9 billion short of": the amount measures the adjective
            if child.tag_ == "PRP" and child.lower_.endswith(("self", "selves")):
                continue  # "got himself familiarized with X": the reflexive is not an argument
            if _is_relative_word(child) and antecedent is not None:
                # "the match which Keibler lost": the relative pronoun stands for the noun
                clause.objects.extend(_Slot(n, _noun_span(n)) for n in _conjuncts(antecedent))
                continue
            if dep in ("attr", "acomp"):
                copular = True
            special = (
                _adjective_slot(child, skip_tokens)
                if dep == "acomp"
                else (_light_verb_slot(last, child, skip_tokens) if dep == "dobj" and light_verbs else [])
            )
            if special:
                clause.objects.extend(special)
                if dep == "dobj":
                    clause.construction = "light_verb"
                continue
            if dep == "dobj" and shapes.age_of_object(child):
                continue  # "reach residents age 30 and under": their age, no second object
            if dep == "dobj" and _causative_have(last, child):
                return None  # "had the memory boosted": the participle is the event, not "have"
            if dep == "oprd" and any(_is_relative_word(c) for c in _children(last, "dobj")):
                return None  # "a phone that Cook called the biggest leap": the description is the speech's fact
            if dep == "oprd" and (child.i in skip_tokens or shapes.said_of_object(last, child)):
                continue
            predicative = _predicative_slots(last, child) if dep == "dobj" else []
            if predicative:
                clause.objects.extend(predicative)  # "called the bridge the greatest achievement"
                skip_tokens.update(slot.head.i for slot in predicative)
                continue
            infinitive = _infinitive_slot(last, child, merged) if dep == "dobj" else None
            if infinitive is not None:
                slot, infinitive_verb = infinitive
                clause.objects.append(slot)
                infinitive_preps.append(infinitive_verb)
                continue
            clause.objects.extend(
                _Slot(*shapes.glued(n, _noun_span(n))) for n in _conjuncts(child) if n.i not in gapped
            )
    _negate_by_no(clause)
    for slot in clause.objects:
        if not slot.relation:
            slot.span, time = trailing_time(slot.head, slot.span)
            slot.span = sorted({*slot.span, *shapes.predicate_adjective(last, slot.head)})  # "called it unfair"
            times.extend([time] if time else [])
    if _object_control(clause, last):
        clause.objects = []  # "ordered him to pay $5m": who was ordered to do what is one object
    dative = _children(last, "dative")
    if dative and not clause.objects:
        clause.objects.extend(_Slot(n, _noun_span(n)) for n in _conjuncts(dative[0]))
        skip_tokens.add(dative[0].i)
    if copular and clause.construction == "svo":
        clause.construction = "copula"

    # a clause before a verb that reports nothing is no object of it ("stars live briefly, so they formed")
    reports = last.lemma_.lower() in REPORTING_VERBS | COGNITION_VERBS
    # (not a title the parser read as a clause: "starred in Alice Doesn't Live Here Anymore, ...")
    ccomps = [c for c in _children(last, "ccomp") if (c.i > last.i or reports) and not in_title(c)]
    if ccomps and not clause.objects:
        comp = ccomps[0]
        if comp.tag_ == "VBN" and last.lemma_.lower() in ("have", "get"):
            return None  # "had their batteries enlarged": causative, see _causative_have
        marker = [c.i for c in kids(comp) if c.dep_ == "mark" and c.i < comp.i]
        span = [i for i in subtree_indices(comp) if i not in marker]
        if verb.lemma_.lower() not in SPEECH_VERBS:
            span = _without_asides(comp, span)
        clause.clause_object = (comp, span, marker)
        clause.construction = "reported" if verb.lemma_.lower() in SPEECH_VERBS else "ccomp"

    clause.preps = _prep_arguments(last, skip=skip_tokens) + times
    if last is not verb:
        clause.preps.extend(_prep_arguments(verb, skip=skip_tokens))
    if len(clause.objects) == 1:
        for infinitive_verb in infinitive_preps:
            clause.preps.extend(shapes.plain_prepositions(_prep_arguments(infinitive_verb, skip=skip_tokens)))
    if clause.passive and clause.construction in ("svo", "control"):
        clause.construction = "passive"
    if clause.passive:
        clause.preps.sort(key=lambda p: p[0] != "by")  # the agent first: "was appointed by Y"
    return clause


def _object_control(clause: Clause, last: Token) -> bool:
    """``ordered him to pay $5m``, ``forced the keeper to make a save``: the object and its
    infinitive are together what was ordered (``order | him to pay $5m``); the infinitive's own
    fact says it of the object (``him | be order to pay | $5m``). Sets the clausal object."""
    lemma = last.lemma_.lower()
    if (
        lemma not in (OBJECT_CONTROL_VERBS - SELECTING_CONTROL_VERBS) | IMPLICATIVE_CONTROL_VERBS
        or len(clause.objects) != 1
    ):
        return False
    objects = _children(last, "dobj")
    slot = clause.objects[0]
    if not objects or slot.head.i != objects[0].i or slot.relation:
        return False
    obj = objects[0]
    infinitives = [c for c in _children(last, "xcomp") if _to_infinitive(c) and c.i > obj.i]
    if not infinitives or _children(infinitives[0], *SUBJECT_DEPS):
        return False
    infinitive = infinitives[0]
    # the object and the infinitive without reasons ("because he feared") or time ("ordered him last year to")
    span = sorted({*subtree_indices(obj), *subtree_indices(infinitive, skip_deps=("advcl", "punct"))})
    clause.clause_object = (infinitive, span, [])
    clause.construction = "ccomp"
    return True


def _negate_by_no(clause: Clause) -> None:
    """``made no comment on X``, ``No cause was given``: the determiner ``no`` negates the clause
    (the fact is ``NOT make comment on X``); it leaves the argument's words."""
    for slot in clause.objects[:1]:
        nouns = [slot.head, *(slot.head.doc[i] for i in slot.relation if slot.head.doc[i].pos_ == "NOUN")]
        no = [c.i for noun in nouns for c in kids(noun) if c.dep_ == "det" and c.lower_ == "no"]
        if no:
            clause.negated = True
            slot.span = [i for i in slot.span if i not in no] or slot.span
            slot.relation = [i for i in slot.relation if i not in no]
    for index, (subject, span) in enumerate(clause.subjects):
        no = [c.i for c in kids(subject) if c.dep_ == "det" and c.lower_ == "no"]
        if no and len(span) > 1:
            clause.negated = True
            clause.subjects[index] = (subject, [i for i in span if i not in no])
