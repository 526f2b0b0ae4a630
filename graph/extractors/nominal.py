"""Nominalisations: ``the implementation of X``, ``X's visit to Y``, ``the appointment of X as Y``.

A noun derived from a verb (found by English derivational suffixes and checked against the verb
lexicon that ships with the spaCy model) becomes that verb's relation. Its patient is the ``of``
phrase, its agent the possessive or ``by`` phrase. When the sentence names no agent, the agent is
the subject of the clause whose direct object the noun is (unless that verb only reports speech),
or else the organisation the article mentions most, with lower confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..lexicon import AGENT_PREPOSITIONS, PARTICIPANT_PREPOSITIONS, PATIENT_PREPOSITIONS
from ..lexicon.function_words import PREPOSITIONAL_IDIOMS
from ..lexicon.verbs import EXECUTING_VERBS
from ..syntax import DocContext, kids, make_mention, make_phrase, subtree_indices
from ..types import Argument, Extraction, Mention, Phrase
from .confidence import Features, score
from .registry import register_extractor

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

__all__ = ["NominalExtractor", "salient_organization", "verb_of_nominal"]

# suffix -> replacements to try, most specific first (implementation -> implement, organization
# -> organize, nomination -> nominate, decision -> decide, approval -> approve, failure -> fail)
_SUFFIX_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ization", ("ize",)),
    ("isation", ("ise", "ize")),
    ("ication", ("y", "icate")),
    ("ation", ("", "e", "ate")),
    ("ition", ("", "e", "ite")),
    ("ution", ("ute", "ve")),
    ("ption", ("be", "ve")),
    ("ction", ("ct",)),
    ("ssion", ("ss", "t", "d")),
    ("sion", ("d", "de", "t")),
    ("tion", ("", "te")),
    ("ment", ("",)),
    ("ance", ("", "e", "y")),
    ("ence", ("", "e")),
    ("ure", ("", "e")),
    ("al", ("", "e")),
    ("ing", ("", "e")),
)
_ADJECTIVAL = (("ance", "ant"), ("ence", "ent"))


#: nouns of change and the verb they stand for: "a 5% rise in prices" -> prices rise by 5%
CHANGE_NOUNS = {
    "jump": "jump",
    "rise": "rise",
    "increase": "increase",
    "fall": "fall",
    "drop": "drop",
    "decline": "decline",
    "gain": "gain",
    "surge": "surge",
    "growth": "grow",
    "slump": "slump",
    "climb": "climb",
    "dip": "dip",
    "decrease": "decrease",
}
_AMOUNTS = ("PERCENT", "MONEY", "QUANTITY", "CARDINAL")

_LEXICON_CACHE: dict[int, tuple[object, frozenset[str], frozenset[str]]] = {}


def lexicon_of(vocab: Vocab) -> tuple[frozenset[str], frozenset[str]]:
    """Verb and adjective lemmas from the lemmatizer's ``lemma_index`` table.

    :func:`graph.nlp.load_model` copies that table into ``nlp.vocab.lookups``, so the lexicon
    travels with every ``Doc``; a model without it gives empty sets (no nominal extractions).
    """
    key = id(vocab)
    cached = _LEXICON_CACHE.get(key)
    if cached is None or cached[0] is not vocab:  # the vocab is kept alive, so ids are not reused
        verbs: frozenset[str] = frozenset()
        adjectives: frozenset[str] = frozenset()
        if vocab.lookups.has_table("lemma_index"):
            index = vocab.lookups.get_table("lemma_index")
            verbs = frozenset(index.get("verb", ()))
            adjectives = frozenset(index.get("adj", ()))
        cached = _LEXICON_CACHE[key] = (vocab, verbs, adjectives)
    return cached[1], cached[2]


def verb_of_nominal(noun: str, verbs: frozenset[str], adjectives: frozenset[str] = frozenset()) -> str | None:
    """The verb a nominalisation comes from, or None (``implementation`` -> ``implement``)."""
    word = noun.lower()
    for suffix, adjective_suffix in _ADJECTIVAL:
        if word.endswith(suffix) and word[: -len(suffix)] + adjective_suffix in adjectives:
            return None  # importance, difference: from an adjective, not an action
    for suffix, replacements in _SUFFIX_RULES:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        stem = word[: -len(suffix)]
        for replacement in replacements:
            candidate = stem + replacement
            if candidate in verbs:
                return candidate
            # doubled final consonant: "admittance" -> "admit", "occurrence" -> "occur"
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] + replacement in verbs:
                return stem[:-1] + replacement
        return None
    return None


def salient_organization(doc: Doc) -> Span | None:
    """The organisation the article talks about most: the longest name of the most named ORG.

    ORG names are grouped by their last word ("Nur Otan Party", "the Party" -> party), so a
    short definite reference counts for its full name.
    """
    groups: dict[str, list[Span]] = {}
    for ent in doc.ents:
        if ent.label_ == "ORG":
            groups.setdefault(ent[-1].lemma_.lower(), []).append(ent)
    if not groups:
        return None
    best = max(groups.values(), key=lambda spans: (len(spans), -spans[0].start))
    if len(best) < 2:
        return None
    return max(
        best,
        key=lambda span: (
            not any(t.pos_ == "ADP" for t in span),
            len([t for t in span if t.pos_ == "PROPN"]),
            -span.start,
        ),
    )


def _name_list_after(doc: Doc, last: int, context: DocContext, limit: int) -> list[list[int]]:
    """Proper names that continue a list after token ``last``: ``X (gloss), Y (gloss) and Z``.

    The statistical parser often breaks long lists of foreign names; this follows the commas
    and ``and`` in the text instead of the tree, and stops at anything that is not a name.
    """
    glosses = {g.name_start: g for g in context.glosses}
    ends = {g.name_end: g for g in context.glosses}
    if last + 1 in ends:  # skip the first item's gloss
        last = ends[last + 1].gloss_end
    names: list[list[int]] = []
    i = last + 1
    while i < limit:
        if doc[i].text not in (",", "and", "or"):
            break
        i += 1
        if i < limit and doc[i].text in ("and", "or"):
            i += 1
        start = i
        while i < limit and (doc[i].pos_ == "PROPN" or doc[i].is_title or (doc[i].text == "-" and i > start)):
            i += 1
        if i == start:
            break
        names.append(list(range(start, i)))
        gloss = glosses.get(start)
        if gloss is not None and gloss.name_end == i:
            i = gloss.gloss_end + 1
    return names


class NominalExtractor:
    """``nominal.v1``: relations expressed by nouns derived from verbs."""

    name = "nominal.v1"

    def __init__(self, *, exclude: frozenset[str] | set[str] = frozenset()) -> None:
        self.exclude = frozenset(exclude)

    def __call__(self, doc: Doc, *, doc_id: str, context: DocContext | None = None) -> Iterator[Extraction]:
        context = context or DocContext.of(doc, doc_id)
        handled: set[int] = set()
        if "nominal" not in self.exclude:
            yield from self._nominals(doc, context, handled)
        if "possessive" not in self.exclude:
            yield from self._possessives(doc, context, handled)
        if "change" not in self.exclude:
            yield from self._changes(doc, context)

    def _changes(self, doc: Doc, context: DocContext) -> Iterator[Extraction]:
        """``a 17-per-cent jump in sales of X``, ``a fall of 3 percent in sales``: (sales of X, jump
        by, 17-per-cent). Only with both the amount and the thing that changed."""
        for noun in context.tokens:
            verb = CHANGE_NOUNS.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
            if verb is None or noun.i in context.in_gloss:
                continue
            amount: list[int] = []
            for child in kids(noun):
                if child.i < noun.i and child.dep_ in ("nummod", "compound", "amod", "quantmod"):
                    words = subtree_indices(child)
                    if any(doc[i].like_num or doc[i].ent_type_ in _AMOUNTS for i in words):
                        amount.extend(words)
            holders = [noun]
            for of in (c for c in kids(noun) if c.dep_ == "prep" and c.lower_ == "of"):
                for value in (c for c in kids(of) if c.dep_ == "pobj" and (c.like_num or c.ent_type_ in _AMOUNTS)):
                    amount = amount or subtree_indices(value, skip_deps=("prep",))
                    holders.append(value)  # "a fall of 3 percent in sales": "in" hangs on the amount
            places = [
                obj
                for holder in holders
                for prep in kids(holder)
                if prep.dep_ == "prep" and prep.lower_ == "in"
                for obj in kids(prep)
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN")
            ]
            if not amount or not places:
                continue
            thing = places[0]
            sentence = context.sentence_of[noun.i]
            thing_span = subtree_indices(thing, skip_deps=("relcl", "appos", "acl"))
            yield Extraction(
                doc_id=context.doc_id,
                sentence=sentence,
                subject=make_mention(doc, thing, thing_span, sentence),
                relation=make_phrase(doc, [noun.i]),
                lemma=f"{verb} by",
                object=make_mention(doc, doc[amount[-1]], sorted(set(amount)), sentence),
                extractor=self.name,
                construction="nominal",
                confidence=score(
                    Features(
                        "nominal",
                        object_name=True,
                        in_quote=noun.i in context.in_quote,
                        subject_length=len(thing_span),
                        sentence_length=context.sentence_length(noun.i),
                    )
                ),
            )

    def _nominals(self, doc: Doc, context: DocContext, handled: set[int]) -> Iterator[Extraction]:
        verbs, adjectives = lexicon_of(doc.vocab)
        if not verbs:
            return
        salient = None
        salient_done = False
        for noun in context.tokens:
            if noun.pos_ != "NOUN" or noun.ent_type_ or noun.i in context.in_gloss:
                continue
            if noun.lemma_.lower() in PREPOSITIONAL_IDIOMS:
                continue  # "to a total of $90 billion", "in response to": a frame, no event
            verb = verb_of_nominal(noun.text, verbs, adjectives)
            possessed = any(c.dep_ == "poss" for c in kids(noun))
            if verb is None and possessed and noun.lemma_.lower() in verbs:
                verb = noun.lemma_.lower()  # a noun that is also the verb: "X's visit to Y"
            if verb is None:
                continue
            patients = [c for c in kids(noun) if c.dep_ == "prep" and c.lower_ in PATIENT_PREPOSITIONS]
            lemma = verb
            if not patients and possessed:
                # "X's meeting with Y", "X's visit to Y": the preposition stays in the relation
                patients = [c for c in kids(noun) if c.dep_ == "prep" and c.lower_ in PARTICIPANT_PREPOSITIONS][:1]
                lemma = f"{verb} {patients[0].lower_}" if patients else verb
            patient_heads = [
                o for p in patients for o in kids(p) if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")
            ]
            if not patient_heads:
                continue  # "X's appointment on Tuesday": a date is when, no participant
            sentence = context.sentence_of[noun.i]
            agent, how = self._agent(noun, sentence, context)
            if agent is None and not any(o.pos_ == "PROPN" or o.ent_type_ for o in patient_heads):
                continue  # an absent agent is only supplied for named patients
            if agent is None and noun.dep_ == "pobj" and noun.head.lower_ != "of":
                continue  # "in connection with the shooting of A", "at the invitation of B": no act of the company
            if agent is None:
                if not salient_done:
                    salient, salient_done = salient_organization(doc), True
                if salient is None:
                    continue
                agent = make_mention(
                    doc, salient.root, range(salient.start, salient.end), context.sentence_of[salient.start], kind="ORG"
                )
                how = "nominal_salient"
            others = tuple(
                Argument(role=c.lower_, value=make_mention(doc, o, subtree_indices(o), sentence), marker=(c.i,))
                for c in kids(noun)
                if c.dep_ == "prep" and c.lower_ not in PATIENT_PREPOSITIONS + AGENT_PREPOSITIONS and c not in patients
                for o in kids(c)
                if o.dep_ == "pobj"
            )
            handled.add(noun.i)
            patient = patient_heads[0]
            spans = [subtree_indices(patient, skip_deps=("conj", "cc", "appos", "relcl", "punct"))]
            spans.extend(
                subtree_indices(c, skip_deps=("conj", "cc", "appos", "relcl", "punct"))
                for c in patient.conjuncts
                if c.i > patient.i
            )
            if patient.pos_ == "PROPN":
                spans.extend(_name_list_after(doc, max(spans[-1]), context, context.sentences[sentence].end))
            for span in spans:
                head = max(span, key=lambda i: (doc[i].head.i not in span, i))
                yield Extraction(
                    doc_id=context.doc_id,
                    sentence=sentence,
                    subject=agent,
                    relation=make_phrase(doc, [noun.i, patients[0].i]),
                    lemma=lemma,
                    object=make_mention(doc, doc[head], span, sentence),
                    arguments=others,
                    extractor=self.name,
                    construction="nominal",
                    confidence=score(
                        Features(
                            how,
                            subject_name=agent.kind not in ("NOUN", "PRON", "OTHER"),
                            object_name=doc[head].pos_ == "PROPN" or bool(doc[head].ent_type_),
                            in_quote=noun.i in context.in_quote,
                            object_length=len(span),
                            sentence_length=context.sentence_length(noun.i),
                        )
                    ),
                )

    def _possessives(self, doc: Doc, context: DocContext, handled: set[int]) -> Iterator[Extraction]:
        """``Nur Otan's Election Headquarters``: (owner, has, thing)."""
        for owner in context.tokens:
            if owner.dep_ != "poss" or owner.pos_ == "PRON" or owner.tag_ in ("PRP$", "WP$"):
                continue
            thing = owner.head
            if thing.i in handled or thing.pos_ not in ("NOUN", "PROPN") or owner.i in context.in_gloss:
                continue
            owner_span = [
                i for i in subtree_indices(owner, skip_deps=("case", "relcl", "appos")) if doc[i].tag_ != "POS"
            ]
            owned = set(subtree_indices(owner))
            thing_span = [
                i
                for i in subtree_indices(thing, skip_deps=("relcl", "appos", "conj", "cc", "punct", "acl"))
                if i not in owned and doc[i].pos_ != "DET"
            ]
            if not owner_span or not thing_span:
                continue
            case = [c.i for c in kids(owner) if c.dep_ == "case"] or [owner.i]
            sentence = context.sentence_of[owner.i]
            phrase = make_phrase(doc, case)
            yield Extraction(
                doc_id=context.doc_id,
                sentence=sentence,
                subject=make_mention(doc, owner, owner_span, sentence),
                relation=Phrase("has", phrase.start, phrase.end, phrase.tokens),
                lemma="have",
                object=make_mention(doc, thing, thing_span, sentence),
                extractor=self.name,
                construction="possessive",
                confidence=score(
                    Features(
                        "possessive",
                        subject_name=owner.pos_ == "PROPN" or bool(owner.ent_type_),
                        object_name=thing.pos_ == "PROPN",
                        in_quote=owner.i in context.in_quote,
                        subject_length=len(owner_span),
                        object_length=len(thing_span),
                        sentence_length=context.sentence_length(owner.i),
                    )
                ),
            )

    @staticmethod
    def _agent(noun: Token, sentence: int, context: DocContext) -> tuple[Mention | None, str]:
        doc = context.doc
        for child in kids(noun):
            if child.dep_ == "poss":
                span = subtree_indices(child, skip_deps=("case",))
                return make_mention(doc, child, span, sentence), "nominal"
            if child.dep_ == "prep" and child.lower_ in AGENT_PREPOSITIONS:
                for obj in kids(child):
                    if obj.dep_ == "pobj":
                        return make_mention(doc, obj, subtree_indices(obj), sentence), "nominal"
        # the subject of the clause whose direct object the noun is ("X started the construction of Y")
        if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in EXECUTING_VERBS:
            for child in kids(noun.head):
                if child.dep_ == "nsubj":
                    return (
                        make_mention(doc, child, subtree_indices(child, skip_deps=("relcl", "appos")), sentence),
                        "nominal_inferred",
                    )
        return None, ""


@register_extractor("nominal.v1")
def _make_nominal_extractor(*, exclude: frozenset[str] | set[str] = frozenset()) -> NominalExtractor:
    return NominalExtractor(exclude=exclude)
