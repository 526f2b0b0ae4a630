"""Appositions and titles: ``X, the Y of Z``; ``Chairman of the Party John Smith``; ``President Bush``.

Yields ``(name, is, description)`` for appositions and ``(person, is TITLE of, organisation)`` for
a title written before a person's name, so that the person, not the title, is the node.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..types import Extraction, Phrase
from .base import DocContext, make_mention, make_phrase, register_extractor, subtree_indices
from .confidence import Features, score

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

__all__ = ["AppositionExtractor", "title_before_name"]

_NAMED = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW")
_PLACES = ("GPE", "LOC")
#: forms of address that are part of a name, not a position ("Mr. Phelan")
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "madam", "mme", "m",
              "herr", "frau", "messrs", "rev", "st", "jr", "sr"}


def _is_honorific(token: Token) -> bool:
    return token.lower_.rstrip(".") in HONORIFICS


def _synthetic(phrase: Phrase, text: str) -> Phrase:
    return Phrase(text=text, start=phrase.start, end=phrase.end, tokens=phrase.tokens)


def _is_name(token: Token) -> bool:
    return token.ent_type_ in _NAMED or token.pos_ == "PROPN"


def title_before_name(person: Span) -> tuple[list[int], list[int], int | None] | None:
    """For a PERSON span, the title written before it, the organisation and the ``of`` token.

    ``Chairman of Nur Otan Party Nursultan Nazarbayev``: the parser attaches the whole name to
    ``of`` as one noun phrase; the words of that phrase before the person are the organisation.
    ``President George Bush``: title compounds before the name. Returns (title tokens,
    organisation tokens, index of ``of``) or None.
    """
    doc = person.doc
    root = person.root
    # pattern: TITLE of ORG PERSON, with PERSON's root the object of "of"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN"):
        of = root.head
        title_head = of.head
        if title_head.ent_type_ in ("PERSON", "GPE", "LOC", "DATE", "CARDINAL") or title_head.i > of.i:
            return None
        title = [i for i in subtree_indices(title_head, skip_deps=("prep", "relcl", "appos", "acl", "conj", "cc", "punct"))
                 if i < of.i and doc[i].pos_ != "DET"]
        organisation = [i for i in subtree_indices(root) if i < person.start and doc[i].text != ","]
        if not title or any(person.start <= i < person.end for i in title):
            return None
        if not all(doc[i].is_title or doc[i].is_upper or doc[i].ent_type_ == "ORDINAL" for i in title):
            return None
        return title, organisation, of.i
    # pattern: TITLE PERSON (compounds in front of the name)
    title = []
    for i in range(person.start - 1, max(-1, person.start - 5), -1):
        token = doc[i]
        if token.dep_ == "compound" and token.head.i in range(person.start, person.end) or (
            token.dep_ in ("compound", "amod") and title and token.head.i == title[-1]
        ):
            if token.ent_type_ and token.ent_type_ not in ("ORDINAL",) or not (token.is_title or token.is_upper):
                break
            title.append(i)
        else:
            break
    title = [i for i in title if not _is_honorific(doc[i]) and doc[i].is_alpha]
    if title:
        return sorted(title), [], None
    return None


class AppositionExtractor:
    """``appositions.v1``: appositive descriptions and titles before names."""

    name = "appositions.v1"

    def __init__(self, *, exclude: frozenset[str] | set[str] = frozenset()) -> None:
        self.exclude = frozenset(exclude)

    def __call__(self, doc: Doc, *, doc_id: str, context: DocContext | None = None) -> Iterator[Extraction]:
        context = context or DocContext.of(doc, doc_id)
        if "title" not in self.exclude:
            yield from self._titles(doc, context)
        for extraction in self._appositions(doc, context):
            if extraction.construction not in self.exclude:
                yield extraction

    def _titles(self, doc: Doc, context: DocContext) -> Iterator[Extraction]:
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            found = title_before_name(ent)
            if found is None:
                continue
            title, organisation, of = found
            sentence = context.sentence_of[ent.root.i]
            subject = make_mention(doc, ent.root, range(ent.start, ent.end), sentence, kind="PERSON")
            title_phrase = make_phrase(doc, title)
            if organisation and of is not None:
                org_head = max(organisation, key=lambda i: (doc[i].head.i not in organisation, i))
                relation = _synthetic(make_phrase(doc, title + [of]), f"is {title_phrase.text} of")
                obj = make_mention(doc, doc[org_head], organisation, sentence)
                lemma = f"be {title_phrase.text.lower()} of"
                features = Features("title", subject_name=True, object_name=True, sentence_length=context.sentence_length(ent.start))
            else:
                relation = _synthetic(make_phrase(doc, title), "is")
                obj = make_mention(doc, doc[title[-1]], title, sentence, kind="ROLE")
                lemma = "be"
                features = Features("bare_title", subject_name=True, sentence_length=context.sentence_length(ent.start))
            confidence = score(features)
            yield Extraction(
                doc_id=context.doc_id, sentence=sentence, subject=subject, relation=relation, lemma=lemma,
                object=obj, extractor=self.name, construction="title", confidence=confidence,
            )

    def _appositions(self, doc: Doc, context: DocContext) -> Iterator[Extraction]:
        for token in context.tokens:
            if token.dep_ != "appos" or token.i in context.in_gloss:
                continue
            anchor = token.head
            if anchor.i in context.in_gloss or anchor.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
                continue
            # the named side is the subject: "the chairman, John Smith" -> (John Smith, is, the chairman)
            name, description = anchor, token
            if _is_name(token) and not _is_name(anchor):
                name, description = token, anchor
            if not _is_name(name):
                continue  # "the reforms, the progress, ..." is a list the parser read as appositions
            name_span = subtree_indices(name, skip_deps=("appos", "relcl", "punct", "conj", "cc"))
            name_span = [i for i in name_span if i not in set(subtree_indices(description))] or [name.i]
            description_span = subtree_indices(description, skip_deps=("appos", "relcl", "conj", "cc"))
            description_span = [i for i in description_span if i not in set(name_span)] or [description.i]
            sentence = context.sentence_of[token.i]
            between = range(min(anchor.i, token.i) + 1, max(anchor.i, token.i))
            # "Lancaster, Pa.": a place set beside a place is in it
            located = name.ent_type_ in _PLACES and description.ent_type_ in _PLACES
            word = "is in" if located else "is"
            relation = Phrase(word, doc[anchor.i].idx, doc[anchor.i].idx, ())
            for i in between:
                if doc[i].text in (",", "-", "\u2013", "\u2014", "(", ":"):
                    relation = _synthetic(make_phrase(doc, [i]), word)
                    break
            construction = "place" if located else "apposition"
            yield Extraction(
                doc_id=context.doc_id, sentence=sentence,
                subject=make_mention(doc, name, name_span, sentence),
                relation=relation, lemma="be in" if located else "be",
                object=make_mention(doc, description, description_span, sentence),
                extractor=self.name, construction=construction,
                confidence=score(Features(construction, subject_name=True, object_name=_is_name(description),
                                          in_quote=token.i in context.in_quote, subject_length=len(name_span),
                                          object_length=len(description_span), sentence_length=context.sentence_length(token.i))),
            )


@register_extractor("appositions.v1")
def _make_apposition_extractor(*, exclude: frozenset[str] | set[str] = frozenset()) -> AppositionExtractor:
    return AppositionExtractor(exclude=exclude)
