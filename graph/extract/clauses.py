"""Open relation extraction over the dependency tree: one extraction per clause and argument.

Each verb (or copula) heads a clause. Its subject is found among its own children or, when it
has none, inherited: a conjoined verb takes its first conjunct's subject ("he said and
commissioned X"), a relative clause takes the noun it modifies, an infinitive the controller
("commissioned X to organize Y" gives X the subject of "organize"), a participle clause the main
clause's subject. Objects, prepositional phrases and clausal complements become the arguments;
conjoined subjects and objects are distributed, one extraction each.

The rules name only Universal/ClearNLP dependency labels, Penn tags and closed-class English
words (auxiliaries, prepositions, relative pronouns); nothing in here knows any corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..types import Argument, Extraction, Mention
from .base import DocContext, make_mention, make_phrase, register_extractor, subtree_indices

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["ClauseExtractor", "Clause", "find_clauses"]

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
DIRECT_OBJECT_DEPS = ("dobj", "attr", "oprd", "acomp")
RELATIVE_WORDS = {"who", "whom", "which", "that", "whose"}
MODAL_LEMMAS = {"must", "should", "may", "might", "can", "could", "will", "would", "shall", "ought"}
#: verbs that, followed by "to" + verb, only add modality ("had to become")
MODAL_VERBS = {"have": "have to", "need": "need to", "ought": "ought to"}
#: deps of a noun's children that are left out of an argument span
ARGUMENT_SKIP_DEPS = ("relcl", "appos", "conj", "cc", "punct")
NOT_PREDICATE_DEPS = {"aux", "auxpass", "amod", "compound", "nmod", "nn", "det", "case", "prt", "neg"}
CLAUSE_ROLES = {"ccomp"}


@dataclass
class Clause:
    """A predicate with everything the extractor found for it (internal, spaCy tokens)."""

    verb: Token  # the last verb of the predicate chain (where objects hang)
    relation: list[int]  # token indices of the relation words
    lemma_parts: list[str]
    subjects: list[tuple[Token, list[int]]] = field(default_factory=list)  # head, span
    objects: list[tuple[Token, list[int]]] = field(default_factory=list)
    clause_object: tuple[Token, list[int], list[int]] | None = None  # head, span, marker (that)
    preps: list[tuple[str, Token, list[int], list[int]]] = field(default_factory=list)  # role, head, span, marker
    construction: str = "svo"
    passive: bool = False
    negated: bool = False
    modality: str | None = None
    inherited_subject: bool = False
    copular: bool = False


def _is_predicate(token: Token) -> bool:
    if token.dep_ in NOT_PREDICATE_DEPS:
        return False
    if token.pos_ == "VERB":
        return True
    if token.pos_ == "AUX" and token.dep_ in ("ROOT", "conj", "ccomp", "relcl", "advcl", "xcomp", "parataxis", "csubj"):
        return True
    return False


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _conjuncts(token: Token) -> list[Token]:
    """The token and the nouns conjoined to it (A, B and C), in order."""
    result = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ not in ("VERB", "AUX"):
            result.extend(_conjuncts(child))
    return result


def _noun_span(token: Token, *, skip: tuple[str, ...] = ARGUMENT_SKIP_DEPS) -> list[int]:
    return subtree_indices(token, skip_deps=skip)


def _is_relative_word(token: Token) -> bool:
    return token.tag_ in ("WDT", "WP", "WP$") or (token.lower_ == "that" and token.dep_ in SUBJECT_DEPS + ("dobj",))


class _ClauseFinder:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._subject_cache: dict[int, tuple[list[Token], bool]] = {}

    # --- subjects ------------------------------------------------------------------------

    def subjects_of(self, verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
        """Subject heads of ``verb`` and whether they were inherited from another clause."""
        if verb.i in self._subject_cache:
            return self._subject_cache[verb.i]
        result = self._find_subjects(verb, depth)
        self._subject_cache[verb.i] = result
        return result

    def _find_subjects(self, verb: Token, depth: int) -> tuple[list[Token], bool]:
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
                return [], False  # "objectives set by X": the noun is the object, see _acl_clause
            return _conjuncts(head), False
        if verb.dep_ == "xcomp":
            objects = _children(head, "dobj", "dative")
            if objects:
                return objects[:1], True
            subjects, _ = self.subjects_of(head, depth + 1)
            return subjects, True
        if verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN", "VB") and _is_predicate(head):
            if not _children(verb, "mark") or verb.tag_ == "VB":
                subjects, _ = self.subjects_of(head, depth + 1)
                return subjects, True
        return [], False


def _relation_tokens(verb: Token) -> tuple[list[int], bool, bool, str | None]:
    """Auxiliaries, negation, the verb and its particle; passive?, negated?, modality."""
    tokens: list[int] = []
    passive = negated = False
    modality: str | None = None
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.i < verb.i:
            if child.lower_ == "to" and child.tag_ == "TO":
                tokens.append(child.i)
                continue
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
    if any(c.dep_ in ("nsubjpass", "csubjpass") for c in verb.children):
        passive = True
    tokens.append(verb.i)
    return sorted(tokens), passive, negated, modality


def _lemma(verb: Token) -> str:
    parts = [verb.lemma_.lower()]
    parts.extend(c.lower_ for c in verb.children if c.dep_ == "prt")
    return " ".join(parts)


def _object_span(token: Token) -> list[int]:
    return _noun_span(token)


def _prep_arguments(verb: Token, *, skip: set[int]) -> list[tuple[str, Token, list[int], list[int]]]:
    """Prepositional phrases (and the passive agent) attached to the verb."""
    found: list[tuple[str, Token, list[int], list[int]]] = []
    for child in verb.children:
        if child.i in skip:
            continue
        if child.dep_ in ("prep", "agent"):
            objects = _children(child, "pobj", "pcomp")
            if not objects:
                continue
            obj = objects[0]
            if obj.lower_ == "order" and any(c.dep_ == "acl" for c in obj.children):
                continue  # "in order to V" is a purpose clause, extracted on its own
            marker = [child.i] + [c.i for c in child.children if c.dep_ in ("prep",) and c.i < obj.i and not list(c.children)]
            span = subtree_indices(obj, skip_deps=("relcl", "appos")) if obj.pos_ not in ("VERB", "AUX") else subtree_indices(obj)
            found.append((child.lower_, obj, span, marker))
        elif child.dep_ in ("npadvmod", "tmod") and child.ent_type_ in ("DATE", "TIME"):
            found.append(("time", child, subtree_indices(child), []))
    return found


class ClauseExtractor:
    """``clauses.v1``: subject-verb-object triples with passive, control and conjunction."""

    name = "clauses.v1"

    def __call__(self, doc: Doc, *, doc_id: str, context: DocContext | None = None) -> Iterator[Extraction]:
        context = context or DocContext.of(doc, doc_id)
        for clause in find_clauses(doc, skip=context.in_gloss):
            yield from _clause_extractions(clause, context, self.name)


def find_clauses(doc: Doc, *, skip: set[int] | None = None) -> list[Clause]:
    """Every clause of the document, in token order; predicates in ``skip`` are passed over."""
    finder = _ClauseFinder(doc)
    merged: set[int] = set(skip or ())  # xcomp verbs folded into their governor's relation
    clauses: list[Clause] = []
    for token in doc:
        if not _is_predicate(token) or token.i in merged:
            continue
        clause = _build_clause(finder, token, merged)
        if clause is not None:
            clauses.append(clause)
    return clauses


def _build_clause(finder: _ClauseFinder, verb: Token, merged: set[int]) -> Clause | None:
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
        if len(lemma_parts) == 1 and last.lemma_.lower() in MODAL_VERBS and last is verb:
            modality = modality or MODAL_VERBS[last.lemma_.lower()]
            lemma_parts = [_lemma(x)]
        else:
            lemma_parts.append(_lemma(x))
        passive = x_passive or (passive and last.lemma_.lower() == "be")
        negated = negated or x_negated
        modality = modality or x_modality
        last = x
        construction = "control"

    subjects, inherited = finder.subjects_of(verb)
    clause = Clause(verb=last, relation=sorted(set(relation)), lemma_parts=lemma_parts, construction=construction,
                    passive=passive, negated=negated, modality=modality, inherited_subject=inherited)

    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not _children(verb, *SUBJECT_DEPS):
        # reduced passive relative: "the objectives set by the party"
        noun = verb.head
        clause.passive = True
        clause.construction = "reduced_relative"
        clause.subjects = [(n, _noun_span(n, skip=ARGUMENT_SKIP_DEPS + ("acl",))) for n in _conjuncts(noun)]
    else:
        for subject in subjects:
            skip: tuple[str, ...] = ARGUMENT_SKIP_DEPS
            if subject.i == verb.head.i or subject.is_ancestor(verb):
                # relative clause: "the party, which won ..." -- the subject is the noun without the clause
                skip = skip + ("acl",)
                span = [i for i in _noun_span(subject, skip=skip) if i not in {t.i for t in verb.subtree}]
            else:
                span = _noun_span(subject, skip=skip)
            clause.subjects.append((subject, span or [subject.i]))
    if not clause.subjects:
        return None

    # what a relative pronoun stood for when it is not the subject ("the match which Keibler lost")
    antecedent: Token | None = None
    if verb.dep_ == "relcl":
        antecedent = verb.head

    skip_tokens: set[int] = set()
    for dep in DIRECT_OBJECT_DEPS:
        for child in _children(last, dep):
            if _is_relative_word(child) and antecedent is not None:
                for noun in _conjuncts(antecedent):
                    clause.objects.append((noun, _noun_span(noun, skip=ARGUMENT_SKIP_DEPS)))
                continue
            if child.tag_ == "PRP" and child.lower_.endswith(("self", "selves")):
                continue  # "got himself familiarized with X": the reflexive is not an argument
            for noun in _conjuncts(child):
                clause.objects.append((noun, _object_span(noun)))
            if dep in ("attr", "acomp"):
                clause.copular = True
    dative = _children(last, "dative")
    if dative and not clause.objects:
        for noun in _conjuncts(dative[0]):
            clause.objects.append((noun, _object_span(noun)))
        skip_tokens.add(dative[0].i)
    if clause.copular and clause.construction == "svo":
        clause.construction = "copula"

    ccomps = [c for c in _children(last, "ccomp") if c.i > last.i or not clause.objects]
    if ccomps and not clause.objects:
        comp = ccomps[0]
        marker = [c.i for c in comp.children if c.dep_ == "mark" and c.i < comp.i]
        span = [i for i in subtree_indices(comp) if i not in marker]
        clause.clause_object = (comp, span, marker)
        clause.construction = "reported" if verb.lemma_.lower() in _SPEECH_VERBS else "ccomp"

    clause.preps = _prep_arguments(last, skip=skip_tokens)
    if last is not verb:
        clause.preps.extend(_prep_arguments(verb, skip=skip_tokens))
    if clause.passive and any(role == "by" for role, *_ in clause.preps):
        # the agent first: "was appointed by Y"
        clause.preps.sort(key=lambda p: p[0] != "by")
        if clause.construction == "svo":
            clause.construction = "passive"
    elif clause.passive and clause.construction == "svo":
        clause.construction = "passive"
    return clause


_SPEECH_VERBS = {
    "say", "tell", "add", "note", "stress", "state", "announce", "emphasize", "emphasise", "highlight",
    "declare", "claim", "report", "explain", "remark", "underline", "underscore", "point", "insist",
    "argue", "warn", "suggest", "confirm", "deny", "write", "reply", "answer", "observe", "believe",
    "think", "maintain", "indicate", "mention", "assert", "acknowledge", "admit", "predict",
}

_BASE_CONFIDENCE = {
    "svo": 0.80,
    "copula": 0.72,
    "passive": 0.76,
    "control": 0.70,
    "reported": 0.68,
    "ccomp": 0.62,
    "reduced_relative": 0.55,
    "prep": 0.70,
}


def _confidence(clause: Clause, subject_span: list[int], object_span: list[int] | None, *, shape: str) -> float:
    score = _BASE_CONFIDENCE.get(clause.construction, 0.6)
    if shape == "prep":
        score -= 0.06
    if shape == "none":
        score -= 0.25
    if clause.inherited_subject:
        score -= 0.08
    if clause.verb.dep_ in ("relcl", "advcl", "acl"):
        score -= 0.06
    length = len(subject_span) + (len(object_span) if object_span else 0)
    if length > 12:
        score -= min(0.2, 0.01 * (length - 12))
    return round(max(0.05, min(0.99, score)), 3)


def _clause_extractions(clause: Clause, context: DocContext, extractor: str) -> Iterator[Extraction]:
    doc = context.doc
    sentence = context.sentence_of[clause.verb.i]
    for subject_head, subject_span in clause.subjects:
        subject = make_mention(doc, subject_head, subject_span, sentence)
        other_args = tuple(
            Argument(role=role, value=make_mention(doc, head, span, sentence), marker=tuple(marker))
            for role, head, span, marker in clause.preps
        )
        base = dict(doc_id=context.doc_id, sentence=sentence, subject=subject, extractor=extractor,
                    passive=clause.passive, negated=clause.negated, modality=clause.modality)
        lemma = " ".join(clause.lemma_parts)
        if clause.objects:
            for object_head, object_span in clause.objects:
                if object_head.i == subject_head.i:
                    continue
                yield Extraction(
                    relation=make_phrase(doc, clause.relation), lemma=lemma,
                    object=make_mention(doc, object_head, object_span, sentence), arguments=other_args,
                    construction=clause.construction,
                    confidence=_confidence(clause, subject_span, object_span, shape="object"), **base)
        elif clause.clause_object is not None:
            head, span, marker = clause.clause_object
            yield Extraction(
                relation=make_phrase(doc, clause.relation + marker), lemma=lemma,
                object=make_mention(doc, head, span, sentence, kind="CLAUSE"), arguments=other_args,
                construction=clause.construction,
                confidence=_confidence(clause, subject_span, span, shape="object"), **base)
        elif other_args:
            first, rest = other_args[0], other_args[1:]
            role = first.role
            relation_tokens = clause.relation + list(first.marker)
            if role in ("time", "place"):
                relation_tokens = clause.relation
            prep_lemma = lemma if clause.passive and role == "by" else (
                f"{lemma} {role}" if role not in ("time", "place") else lemma)
            if clause.passive and role != "by":
                prep_lemma = f"be {prep_lemma}"
            yield Extraction(
                relation=make_phrase(doc, relation_tokens), lemma=prep_lemma, object=first.value,
                arguments=rest, construction="passive" if clause.passive else (
                    clause.construction if clause.construction != "svo" else "prep"),
                confidence=_confidence(clause, subject_span, list(first.value.tokens), shape="prep"), **base)
        else:
            yield Extraction(
                relation=make_phrase(doc, clause.relation), lemma=lemma, object=None, arguments=(),
                construction=clause.construction,
                confidence=_confidence(clause, subject_span, None, shape="none"), **base)

    # object control: "commissioned X to organize Y" also gives (X, organize, Y) via the xcomp
    # clause, whose subject is X (see _ClauseFinder._find_subjects)


@register_extractor("clauses.v1")
def _make_clause_extractor() -> ClauseExtractor:
    return ClauseExtractor()
