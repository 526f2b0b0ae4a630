"""Open relation extraction over the dependency tree: one extraction per clause and argument.

Each verb (or copula) heads a clause. Its subject is found among its own children or, when it
has none, inherited: a conjoined verb takes its first conjunct's subject ("he said and
commissioned X"), a relative clause takes the noun it modifies, an infinitive the controller
("commissioned X to organize Y" gives X the subject of "organize"), a participle clause the main
clause's subject. Objects, prepositional phrases and clausal complements become the arguments;
conjoined subjects and objects are distributed, one extraction each.

Constructions (the ``construction`` of each extraction):

- ``svo``: subject, verb, object (``X met Y``), with auxiliaries, particles and negation;
- ``prep``: no object, the first prepositional phrase joins the relation (``met with Y``);
- ``passive``: ``X was appointed by Y`` (the agent first), ``X must be engaged in Y``;
- ``copula``: ``X is Y``, ``X became Y``, ``X is responsible for Y``;
- ``light_verb``: a light verb and its eventive object form the relation
  (``held a meeting with Y`` -> ``hold meeting with``, ``took part in Y``);
- ``control``: ``wants to go to Y``, ``had to become Y`` (the chain is one relation);
- ``reported`` / ``ccomp``: a clausal object (``said that ...``), reported speech when the verb
  reports speech;
- ``reduced_relative``: ``the objectives set by the Party``.

Time and place phrases stay extra arguments. Negation, modality and hedges (``failed to``,
``wanted X to``, ``allegedly``, ``whether``, infinitives of purpose) are attributes, never
dropped. The rules name only dependency labels, Penn tags and closed-class English words
(auxiliaries, prepositions, relative pronouns, a handful of light verbs); nothing here knows any
corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..lexicon import LIGHT_PREPOSITIONS, LIGHT_VERBS, MODAL_LEMMAS, MODAL_VERBS, SPEECH_VERBS
from ..syntax import DocContext, kids, make_mention, make_phrase, subtree_indices
from ..types import Argument, Extraction
from .confidence import Features, score
from .minimal import rejoin_words
from .registry import register_extractor

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["CONSTRUCTIONS", "Clause", "ClauseExtractor", "find_clauses"]

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
DIRECT_OBJECT_DEPS = ("dobj", "attr", "oprd", "acomp")
#: deps of a noun's children that are left out of an argument span
ARGUMENT_SKIP_DEPS = ("relcl", "appos", "conj", "cc", "punct")
NOT_PREDICATE_DEPS = {"aux", "auxpass", "amod", "compound", "nmod", "nn", "det", "case", "prt", "neg"}
TIME_LABELS = ("DATE", "TIME")
#: every construction this extractor can produce (for ablations: ClauseExtractor(exclude=...))
CONSTRUCTIONS = ("svo", "prep", "passive", "copula", "light_verb", "control", "reported", "ccomp", "reduced_relative")


@dataclass
class _Slot:
    """One object: its head and span, and words it adds to the relation ("responsible for")."""

    head: Token
    span: list[int]
    relation: list[int] = field(default_factory=list)
    lemma: str = ""
    kind: str | None = None


@dataclass
class Clause:
    """A predicate with everything found for it (internal, holds spaCy tokens)."""

    verb: Token  # the first verb of the predicate chain (where the subject hangs)
    last: Token  # the last verb of the chain (where objects hang)
    relation: list[int]  # token indices of the relation words
    lemma_parts: list[str]
    subjects: list[tuple[Token, list[int]]] = field(default_factory=list)
    objects: list[_Slot] = field(default_factory=list)
    clause_object: tuple[Token, list[int], list[int]] | None = None  # head, span, marker (that)
    preps: list[tuple[str, Token, list[int], list[int]]] = field(default_factory=list)  # role, head, span, marker
    construction: str = "svo"
    passive: bool = False
    negated: bool = False
    modality: str | None = None
    inherited_subject: bool = False
    hedge: str | None = None


def _is_predicate(token: Token) -> bool:
    if token.dep_ in NOT_PREDICATE_DEPS:
        return False
    if token.pos_ == "VERB":
        return True
    return token.pos_ == "AUX" and token.dep_ in (
        "ROOT",
        "conj",
        "ccomp",
        "relcl",
        "advcl",
        "xcomp",
        "parataxis",
        "csubj",
    )


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in kids(token) if c.dep_ in deps]


def _conjuncts(token: Token) -> list[Token]:
    """The token and the nouns conjoined to it (A, B and C), in order."""
    result = [token]
    for child in kids(token):
        if child.dep_ == "conj" and child.pos_ not in ("VERB", "AUX"):
            result.extend(_conjuncts(child))
    return result


def _noun_span(token: Token, *, skip: tuple[str, ...] = ARGUMENT_SKIP_DEPS) -> list[int]:
    # a hyphen or slash inside a word stays ("$10.2-billion", "23-year-old")
    return rejoin_words(token.doc, subtree_indices(token, skip_deps=skip))


def _is_relative_word(token: Token) -> bool:
    return token.tag_ in ("WDT", "WP", "WP$") or (token.lower_ == "that" and token.dep_ in (*SUBJECT_DEPS, "dobj"))


def _context(verb: Token) -> str:
    """Where a predicate stands, for the confidence: main, conj, complement, subordinate, ..."""
    dep = verb.dep_
    if dep in ("ROOT", "parataxis"):
        return "main"
    if dep == "conj":
        return "conj" if verb.head.dep_ in ("ROOT", "conj") else _context(verb.head)
    if dep in ("ccomp", "xcomp", "csubj"):
        return "complement"
    if dep == "relcl":
        return "relative"
    if dep == "acl":
        return "participle"
    return "subordinate"


class _SubjectFinder:
    def __init__(self) -> None:
        self._cache: dict[int, tuple[list[Token], bool]] = {}

    def subjects_of(self, verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
        """Subject heads of ``verb`` and whether they were inherited from another clause."""
        if verb.i not in self._cache:
            self._cache[verb.i] = self._find(verb, depth)
        return self._cache[verb.i]

    def _find(self, verb: Token, depth: int) -> tuple[list[Token], bool]:
        if depth > 8:
            return [], False
        own = _children(verb, *SUBJECT_DEPS)
        if own:
            heads: list[Token] = []
            for subject in own:
                if _is_relative_word(subject) and verb.dep_ == "relcl":
                    heads.extend(_conjuncts(verb.head))
                else:
                    heads.extend(_conjuncts(subject))
            return heads, False
        head = verb.head
        if verb.dep_ == "conj" and head is not verb:
            subjects, _ = self.subjects_of(head, depth + 1)
            return subjects, True
        if verb.dep_ == "acl" and head.lower_ == "order" and head.head.dep_ == "prep":
            # "in order to V": the subject of the clause the purpose belongs to
            governor = head.head.head
            if _is_predicate(governor):
                subjects, _ = self.subjects_of(governor, depth + 1)
                return subjects, True
        if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            if verb.dep_ == "acl" and verb.tag_ == "VBN":
                return [], False  # "objectives set by X": the noun is the object (reduced relative)
            if verb.dep_ == "acl" and verb.tag_ == "VB" and any(c.lower_ == "to" for c in _children(verb, "aux")):
                return [], False  # "a law to protect X", "means to obtain X": the noun is not the doer
            return _conjuncts(head), False
        if verb.dep_ == "xcomp":
            objects = _children(head, "dobj", "dative")
            if objects:
                return objects[:1], True
            subjects, _ = self.subjects_of(head, depth + 1)
            return subjects, True
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > head.i and head.lemma_.lower() in SPEECH_VERBS:
            # "the quake struck, officials said, crumpling buildings": not the speaker's act (a participle
            # before the speech verb is: "Addressing the meeting, X noted that ...")
            return [], False
        if (
            verb.dep_ == "advcl"
            and verb.tag_ in ("VBG", "VBN", "VB")
            and _is_predicate(head)
            and (not _children(verb, "mark") or verb.tag_ == "VB")
        ):
            subjects, _ = self.subjects_of(head, depth + 1)
            return subjects, True
        return [], False


def _relation_tokens(verb: Token) -> tuple[list[int], bool, bool, str | None]:
    """Auxiliaries, negation, the verb and its particle; passive?, negated?, modality."""
    tokens: list[int] = []
    passive = negated = False
    modality: str | None = None
    for child in kids(verb):
        if child.dep_ in ("aux", "auxpass") and child.i < verb.i:
            tokens.append(child.i)
            if child.dep_ == "auxpass":
                passive = True
            if child.tag_ == "MD" or child.lemma_.lower() in MODAL_LEMMAS:
                modality = modality or child.lemma_.lower()
        elif child.dep_ == "neg":
            tokens.append(child.i)
            negated = True
        elif child.dep_ == "prt":
            tokens.append(child.i)
    if any(c.dep_ in ("nsubjpass", "csubjpass") for c in kids(verb)):
        passive = True
    tokens.append(verb.i)
    return sorted(tokens), passive, negated, modality


#: contracted verbs, with a straight or a curly apostrophe ("It’s", "they're"): the lemma they stand for
CONTRACTIONS = {"'s": "be", "'re": "be", "'m": "be", "'ve": "have", "'d": "would", "'ll": "will"}


def _lemma(verb: Token) -> str:
    lemma = verb.lemma_.lower()
    if "\u2019" in lemma or "'" in lemma or lemma in ("", "\u2019"):
        text = verb.lower_.replace("\u2019", "'")
        lemma = CONTRACTIONS.get(text, "be" if text.startswith("'") or not text.strip("'") else text.replace("'", ""))
    parts = [lemma]
    parts.extend(c.lower_ for c in kids(verb) if c.dep_ == "prt")
    return " ".join(parts)


def _prep_object(prep: Token) -> Token | None:
    objects = _children(prep, "pobj", "pcomp")
    return objects[0] if objects else None


def _prep_arguments(verb: Token, *, skip: set[int]) -> list[tuple[str, Token, list[int], list[int]]]:
    """Prepositional phrases (and the passive agent), bare time expressions attached to the verb."""
    found: list[tuple[str, Token, list[int], list[int]]] = []
    for child in kids(verb):
        if child.i in skip:
            continue
        if child.dep_ in ("prep", "agent"):
            obj = _prep_object(child)
            if obj is None:
                continue
            if obj.lower_ == "order" and any(c.dep_ == "acl" for c in kids(obj)):
                continue  # "in order to V" is a purpose clause, extracted on its own
            marker = [child.i] + [c.i for c in kids(child) if c.dep_ == "prep" and c.i < obj.i and not kids(c)]
            span = (
                subtree_indices(obj, skip_deps=("relcl", "appos"))
                if obj.pos_ not in ("VERB", "AUX")
                else subtree_indices(obj)
            )
            found.append((child.lower_, obj, span, marker))
        elif child.dep_ in ("npadvmod", "tmod") and child.ent_type_ in TIME_LABELS:
            found.append(("time", child, subtree_indices(child), []))
    return found


def _light_verb_slot(verb: Token, noun: Token, consumed: set[int]) -> list[_Slot]:
    """``held a meeting with X``, ``took part in X``: the relation takes the event noun and its
    preposition (the noun's own, or the verb's when the noun is bare); ``consumed`` gets the
    verb's preposition so it is not an extra argument too."""
    if verb.lemma_.lower() not in LIGHT_VERBS or noun.pos_ != "NOUN" or noun.ent_type_:
        return []
    preps = [
        c for c in kids(noun) if c.dep_ == "prep" and c.lower_ in LIGHT_PREPOSITIONS and _prep_object(c) is not None
    ]
    if not preps and not kids(noun):
        preps = [
            c
            for c in kids(verb)
            if c.dep_ == "prep" and c.i == noun.i + 1 and c.lower_ in LIGHT_PREPOSITIONS and _prep_object(c) is not None
        ]
        consumed.update(c.i for c in preps)
    if not preps:
        return []
    prep = preps[0]
    obj = _prep_object(prep)
    assert obj is not None
    noun_words = [c.i for c in kids(noun) if c.dep_ in ("det", "amod", "compound", "nummod") and c.i < noun.i]
    relation = sorted([*noun_words, noun.i, prep.i])
    lemma = f"{noun.lemma_.lower()} {prep.lower_}"
    if obj.pos_ in ("VERB", "AUX"):
        return [_Slot(obj, subtree_indices(obj), relation, lemma)]
    return [_Slot(n, _noun_span(n), relation, lemma) for n in _conjuncts(obj)]


def _adjective_slot(adjective: Token) -> list[_Slot]:
    """``is responsible for X``: the adjective and its preposition join the relation."""
    preps = [c for c in kids(adjective) if c.dep_ == "prep" and _prep_object(c) is not None]
    if not preps:
        return []
    prep = preps[0]
    obj = _prep_object(prep)
    assert obj is not None
    words = sorted(
        [c.i for c in kids(adjective) if c.dep_ in ("advmod", "neg") and c.i < adjective.i] + [adjective.i, prep.i]
    )
    lemma = f"{adjective.lemma_.lower()} {prep.lower_}"
    return [
        _Slot(n, _noun_span(n) if n.pos_ not in ("VERB", "AUX") else subtree_indices(n), words, lemma)
        for n in _conjuncts(obj)
    ]


class ClauseExtractor:
    """``clauses.v1``: clause-level open relation extraction (see the module docstring).

    ``exclude`` names constructions to leave out (for ablations), e.g. ``{"light_verb"}``.
    """

    name = "clauses.v1"

    def __init__(self, *, exclude: frozenset[str] | set[str] = frozenset()) -> None:
        self.exclude = frozenset(exclude)

    def __call__(self, doc: Doc, *, doc_id: str, context: DocContext | None = None) -> Iterator[Extraction]:
        context = context or DocContext.of(doc, doc_id)
        for clause in find_clauses(
            doc, skip=context.in_gloss, light_verbs="light_verb" not in self.exclude, context=context
        ):
            for extraction in _clause_extractions(clause, context, self.name):
                if extraction.construction not in self.exclude:
                    yield extraction


def find_clauses(
    doc: Doc, *, skip: set[int] | None = None, light_verbs: bool = True, context: DocContext | None = None
) -> list[Clause]:
    """Every clause of the document, in token order; predicates in ``skip`` are passed over."""
    context = context or DocContext.of(doc, "")
    finder = _SubjectFinder()
    merged: set[int] = set(skip or ())  # xcomp verbs folded into their governor's relation
    clauses: list[Clause] = []
    for token in context.tokens:
        if not _is_predicate(token) or token.i in merged:
            continue
        if context.sentence_length(token.i) > 400 and token.dep_ != "ROOT" and token.head.dep_ != "ROOT":
            continue  # an enormous "sentence" is a parsing accident: only its top level is read
        clause = _build_clause(finder, token, merged, light_verbs=light_verbs)
        if clause is not None:
            clauses.append(clause)
    return clauses


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
    nominate"). Clauses inside quotation marks get ``quoted`` (see :func:`_clause_extractions`)."""
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


def _features(
    clause: Clause,
    context: DocContext,
    subject: Token,
    subject_span: list[int],
    obj: Token | None,
    object_span: list[int] | None,
    construction: str,
    extra: int,
    extra_length: int = 0,
) -> Features:
    return Features(
        construction=construction,
        context=_context(clause.verb),
        inherited_subject=clause.inherited_subject,
        subject_pronoun=subject.pos_ == "PRON",
        subject_description=subject.pos_ == "NOUN" and any(c.lower_ == "the" for c in kids(subject)),
        object_pronoun=obj is not None and obj.pos_ == "PRON",
        hedged=bool(clause.hedge) or clause.verb.i in context.in_quote,
        subject_name=bool(subject.ent_type_) or subject.pos_ == "PROPN",
        object_name=obj is not None
        and ((bool(obj.ent_type_) and obj.ent_type_ not in TIME_LABELS) or obj.pos_ == "PROPN"),
        object_missing=obj is None,
        in_quote=clause.verb.i in context.in_quote,
        subject_length=len(subject_span),
        object_length=len(object_span or ()),
        sentence_length=context.sentence_length(clause.verb.i),
        extra_arguments=extra,
        extra_length=extra_length,
    )


def _words(arguments: tuple[Argument, ...]) -> int:
    return sum(len(a.value.tokens) + len(a.marker) for a in arguments)


def _clause_extractions(clause: Clause, context: DocContext, extractor: str) -> Iterator[Extraction]:
    doc = context.doc
    sentence = context.sentence_of[clause.verb.i]
    lemma = " ".join(clause.lemma_parts)
    arguments = tuple(
        Argument(role=role, value=make_mention(doc, head, span, sentence), marker=tuple(marker))
        for role, head, span, marker in clause.preps
    )
    for subject_head, subject_span in clause.subjects:
        subject = make_mention(doc, subject_head, subject_span, sentence)
        base: dict[str, Any] = {
            "doc_id": context.doc_id,
            "sentence": sentence,
            "subject": subject,
            "extractor": extractor,
            "passive": clause.passive,
            "negated": clause.negated,
            "modality": clause.modality,
            "hedge": clause.hedge or ("quoted" if clause.verb.i in context.in_quote else None),
        }
        if clause.objects:
            for slot in clause.objects:
                if slot.head.i == subject_head.i:
                    continue
                construction = clause.construction
                yield Extraction(
                    relation=make_phrase(doc, clause.relation + slot.relation),
                    lemma=f"{lemma} {slot.lemma}" if slot.lemma else lemma,
                    object=make_mention(doc, slot.head, slot.span, sentence),
                    arguments=arguments,
                    construction=construction,
                    confidence=score(
                        _features(
                            clause,
                            context,
                            subject_head,
                            subject_span,
                            slot.head,
                            slot.span,
                            construction,
                            len(arguments),
                            _words(arguments),
                        )
                    ),
                    **base,
                )
        elif clause.clause_object is not None:
            head, span, marker = clause.clause_object
            yield Extraction(
                relation=make_phrase(doc, clause.relation + marker),
                lemma=lemma,
                object=make_mention(doc, head, span, sentence, kind="CLAUSE"),
                arguments=arguments,
                construction=clause.construction,
                confidence=score(
                    _features(
                        clause,
                        context,
                        subject_head,
                        subject_span,
                        head,
                        span,
                        clause.construction,
                        len(arguments),
                        _words(arguments),
                    )
                ),
                **base,
            )
        elif arguments:
            # no object: the first prepositional phrase that is not a bare time joins the relation
            order = sorted(
                range(len(arguments)),
                key=lambda k: (
                    not (clause.passive and arguments[k].role == "by"),  # the passive agent first
                    arguments[k].value.kind in TIME_LABELS,  # time phrases ("in 1999", "last year") last
                    arguments[k].value.kind == "CLAUSE",  # "before being appointed ..." after noun phrases
                    k,
                ),
            )
            first = arguments[order[0]]
            rest = tuple(arguments[k] for k in order[1:])
            role = first.role
            relation_tokens = clause.relation + list(first.marker)
            # the passive agent and bare time and place phrases add no preposition to the lemma
            prep_lemma = lemma if (clause.passive and role == "by") or role in ("time", "place") else f"{lemma} {role}"
            if clause.passive and role != "by":
                prep_lemma = f"be {prep_lemma}"
            construction = "prep" if clause.construction == "svo" else clause.construction
            yield Extraction(
                relation=make_phrase(doc, relation_tokens),
                lemma=prep_lemma,
                object=first.value,
                arguments=rest,
                construction=construction,
                confidence=score(
                    _features(
                        clause,
                        context,
                        subject_head,
                        subject_span,
                        doc[first.value.head],
                        list(first.value.tokens),
                        construction,
                        len(rest),
                        _words(rest),
                    )
                ),
                **base,
            )
        else:
            yield Extraction(
                relation=make_phrase(doc, clause.relation),
                lemma=lemma,
                object=None,
                arguments=(),
                construction=clause.construction,
                confidence=score(
                    _features(clause, context, subject_head, subject_span, None, None, clause.construction, 0)
                ),
                **base,
            )


@register_extractor("clauses.v1")
def _make_clause_extractor(*, exclude: frozenset[str] | set[str] = frozenset()) -> ClauseExtractor:
    return ClauseExtractor(exclude=exclude)
