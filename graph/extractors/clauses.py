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
from typing import TYPE_CHECKING, Any

from ..lexicon.function_words import ADVERBIAL_NOUNS, PREPOSITIONAL_IDIOMS
from ..syntax import DocContext, kids, make_mention, make_phrase
from ..types import Argument, Extraction
from .clause_builder import _build_clause
from .clause_edges import in_title
from .clause_parts import TIME_LABELS, Clause, _context, _is_predicate, _SubjectFinder
from .clause_shapes import no_clause
from .confidence import Features, score
from .nominal import lexicon_of
from .registry import register_extractor

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["CONSTRUCTIONS", "Clause", "ClauseExtractor", "find_clauses"]

#: every construction this extractor can produce (for ablations: ClauseExtractor(exclude=...))
CONSTRUCTIONS = ("svo", "prep", "passive", "copula", "light_verb", "control", "reported", "ccomp", "reduced_relative")


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
        if not _is_predicate(token) or token.i in merged or in_title(token):
            continue
        if context.sentence_length(token.i) > 400 and token.dep_ != "ROOT" and token.head.dep_ != "ROOT":
            continue  # an enormous "sentence" is a parsing accident: only its top level is read
        if _noun_read_as_verb(token) or not any(ch.isalpha() for ch in token.text) or no_clause(token):
            continue  # "a measles outbreak across the city": a noun; "re-designated": the hyphen
        clause = _build_clause(finder, token, merged, light_verbs=light_verbs)
        if clause is not None:
            clauses.append(clause)
    return clauses


#: kinds of an amount ("by 54%", "by $2 billion"): after a passive's "by", how much, not who
AMOUNT_LABELS = ("PERCENT", "MONEY", "QUANTITY", "CARDINAL")
#: determiners of a description that names something said before ("the sum", "those provisions")
DESCRIPTION_DETERMINERS = ("the", "this", "that", "these", "those")
_SENTENCE_ENDS = (".", "!", "?", '"', "'", "\u201d", "\u2019", ":", ";", ")")


def context_is_headline(context: DocContext, token_index: int) -> bool:
    """The token's sentence is a paragraph of its own not ended like a sentence: a headline,
    whose compressed grammar ("Police shoot suspect after bank robbed") is often misread."""
    sentence = context.sentences[context.sentence_of[token_index]]
    written = context.text[sentence.start_char : sentence.end_char]  # not Span.text: a Token a word
    text = written.strip()
    if not text or text.endswith(_SENTENCE_ENDS):
        return False
    start = sentence.start_char + len(written) - len(written.lstrip())
    end = start + len(text)
    after = context.text[end : end + 2]  # the sentence may hold the paragraph break: look past its text
    before = context.text[max(0, start - 1) : start]
    return (not after.strip() or "\n" in after) and (not before or before == "\n")


_NOUNS: dict[int, tuple[Any, frozenset[str]]] = {}


def _nouns(token: Token) -> frozenset[str]:
    """Noun lemmas of the lemmatizer's ``lemma_index`` table (cached per vocabulary)."""
    vocab = token.doc.vocab
    cached = _NOUNS.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        table = vocab.lookups.get_table("lemma_index") if vocab.lookups.has_table("lemma_index") else {}
        cached = _NOUNS[id(vocab)] = (vocab, frozenset(table.get("noun", ())))
    return cached[1]


def _unknown_verb(verb: Token) -> bool:
    """A "verb" whose lemma the model's verb lexicon does not know: most often a noun the parser
    misread ("a measles outbreak across the city" -> outbreak; headline "inspects measles")."""
    verbs, _ = lexicon_of(verb.doc.vocab)
    lemma = verb.lemma_.lower()
    if lemma == verb.lower_:
        # a form the lemmatizer left as it is may be an irregular verb ("wove"): a sign only when
        # the word is a noun of the lexicon ("a measles outbreak across the city": outbreak)
        return bool(verbs) and verb.pos_ == "VERB" and lemma.isalpha() and lemma not in verbs and lemma in _nouns(verb)
    return bool(verbs) and verb.pos_ == "VERB" and lemma.isalpha() and lemma not in verbs


def _noun_read_as_verb(verb: Token) -> bool:
    """A "verb" whose lemma is a noun of the model's lexicon and no verb of it ("outbreak",
    "vocalists"): the parser misread a noun."""
    verbs, _ = lexicon_of(verb.doc.vocab)
    lemma = verb.lemma_.lower()
    return bool(verbs) and verb.pos_ == "VERB" and lemma.isalpha() and lemma not in verbs and lemma in _nouns(verb)


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
        subject_description=subject.pos_ == "NOUN"
        and any(
            (c.dep_ == "det" and c.lower_ in DESCRIPTION_DETERMINERS) or (c.dep_ == "poss" and c.pos_ == "PRON")
            for c in kids(subject)
        ),
        headline=context_is_headline(context, clause.verb.i),
        unknown_verb=_unknown_verb(clause.last),
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


def clause_arguments(clause: Clause, sentence: int) -> tuple[Argument, ...]:
    """The prepositional and time arguments of a clause, as mentions of sentence ``sentence``."""
    doc = clause.verb.doc
    return tuple(
        Argument(role=role, value=make_mention(doc, head, span, sentence), marker=tuple(marker))
        for role, head, span, marker in clause.preps
    )


def _clause_extractions(clause: Clause, context: DocContext, extractor: str) -> Iterator[Extraction]:
    doc = context.doc

    def frame(argument: Argument) -> bool:
        head = doc[argument.value.head]
        after = argument.value.tokens[-1] + 1
        if head.lemma_.lower() in ADVERBIAL_NOUNS:
            return True
        return head.lemma_.lower() in PREPOSITIONAL_IDIOMS and (
            any(c.dep_ in ("prep", "acl") for c in kids(head)) or (after < len(doc) and doc[after].pos_ == "ADP")
        )

    sentence = context.sentence_of[clause.verb.i]
    arguments = clause_arguments(clause, sentence)
    frame_ends = {a.value.tokens[-1] for a in arguments if frame(a)}

    def idiom(argument: Argument) -> bool:
        """``in a nod to X``, ``in response to X``: a frame, and the phrase that completes it"""
        return frame(argument) or bool(argument.marker and argument.marker[0] - 1 in frame_ends)

    lemma = " ".join(clause.lemma_parts)
    for subject_head, subject_span in clause.subjects:
        if not subject_span:
            continue  # trimming left no words ("[now]" inside a quotation): no subject to state
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
            # "was named chief executive", "was awarded the prize": the subject is the patient
            object_lemma = f"be {lemma}" if clause.passive and not lemma.startswith("be ") else lemma
            for slot in clause.objects:
                if slot.head.i == subject_head.i or not slot.span:
                    continue
                construction = clause.construction
                yield Extraction(
                    relation=make_phrase(doc, clause.relation + slot.relation),
                    lemma=f"{object_lemma} {slot.lemma}" if slot.lemma else object_lemma,
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
        elif any(not idiom(a) for a in arguments):
            # no object: the first prepositional phrase that is not a bare time joins the relation
            # (a frame such as "in a nod to X" never does: with only frames there is no object)
            order = sorted(
                range(len(arguments)),
                key=lambda k: (
                    idiom(arguments[k]),  # "in a nod to", "in response to": a frame, not a participant
                    not (clause.passive and arguments[k].role == "by"),  # the passive agent first
                    # time phrases ("in 1999", "last year") last; not a length ("sentenced to 11 years")
                    arguments[k].value.kind in TIME_LABELS and arguments[k].role not in ("to", "for"),
                    arguments[k].value.kind == "CLAUSE",  # "before being appointed ..." after noun phrases
                    k,
                ),
            )
            first = arguments[order[0]]
            rest = tuple(arguments[k] for k in order[1:])
            role = first.role
            relation_tokens = clause.relation + list(first.marker)
            # the passive agent and bare time and place phrases add no preposition to the lemma
            # "was reduced by 54%": an amount after "by" is how much, no agent (the fact is not turned round)
            extent = role == "by" and first.value.kind in AMOUNT_LABELS
            agent = clause.passive and role == "by" and not extent
            bare = agent or role in ("time", "place", "title")
            prep_lemma = lemma if bare else f"{lemma} {role}"
            if clause.passive and not agent:
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
                **({**base, "passive": False} if extent else base),
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
