"""Appositions and titles: ``X, the Y of Z``; ``Chairman of the Party John Smith``; ``President Bush``.

Yields ``(name, is, description)`` for appositions and ``(person, is TITLE of, organisation)`` for
a title written before a person's name, so that the person, not the title, is the node.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..lexicon import HONORIFICS, ROLE_ABBREVIATIONS
from ..syntax import DocContext, kids, make_mention, make_phrase, subtree_indices, title_before_name
from ..types import Extraction, Phrase
from .confidence import Features, score
from .registry import register_extractor
from .role_titles import is_role_word

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["AppositionExtractor", "can_corefer"]

_NAMED = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW")
_PLACES = ("GPE", "LOC")


def _synthetic(phrase: Phrase, text: str) -> Phrase:
    return Phrase(text=text, start=phrase.start, end=phrase.end, tokens=phrase.tokens)


def _is_name(token: Token) -> bool:
    return token.ent_type_ in _NAMED or token.pos_ == "PROPN"


#: entity labels that are never the same thing as a named or described entity
_NOT_ENTITIES = ("DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL")
#: words that open a list of examples: "films such as A, B and C", "teams including X"
_LIST_OPENERS = {"such", "including", "include", "includes", "namely"}
_DASHES = ("-", "--", "\u2013", "\u2014")
#: prepositions of place and time: "outside the courtroom, prosecutor X" is no apposition
_PLACE_PREPOSITIONS = {"outside", "inside", "in", "at", "near", "after", "before", "during", "into", "on", "behind"}


def _title_word(token: Token) -> bool:
    """A title or form of address written before a name ("Sen.", "Dr.", "Mayor")."""
    bare = token.lower_.rstrip(".")
    return is_role_word(token) or bare in HONORIFICS or bare in ROLE_ABBREVIATIONS


def _numeric(token: Token) -> bool:
    return token.ent_type_ in _NOT_ENTITIES or token.pos_ in ("NUM", "SYM") or token.like_num


def can_corefer(anchor: Token, appositive: Token) -> bool:
    """Whether two noun phrases the parser set side by side can name one thing.

    Not: a year, number, date or amount (``Red River (1948)``, ``$10.2 billion (U.S.)``,
    ``Saturday (Sept. 28)``); two names of different kinds (a person and a place, a place and a
    news agency: ``CUPERTINO, California (Reuters)``, ``Director Ana Ruiz, Sonora``); two different
    people's names; a member of a list (``films such as A, B and C``, ``two leaders, Putin and
    Erdogan``); a phrase without a noun.
    """
    doc = anchor.doc
    for token in (anchor, appositive):
        partitive = token.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in kids(token))
        if not partitive and (_numeric(token) or token.pos_ not in ("NOUN", "PROPN", "PRON")):
            return False
        if token.pos_ == "PROPN" and any(c.dep_ == "conj" for c in kids(token)):
            return False  # "their two leaders, Putin and Erdogan"
    if anchor.dep_ == "conj" or anchor.head.dep_ == "conj":
        return False
    comma = appositive.left_edge.i - 1
    if (
        anchor.i < comma - 1
        and doc[comma].text == ","
        and is_role_word(doc[comma - 1])
        and anchor in doc[comma - 1].ancestors
    ):
        return False  # "Vantor in Motion's chief executive, Paul Dessler": he is the chief executive, not Vantor
    low, high = sorted((anchor.i, appositive.i))
    if any(doc[i].lower_ in _LIST_OPENERS for i in range(max(0, low - 2), high)):
        return False
    if anchor.dep_ == "pobj" and anchor.head.lower_ in _LIST_OPENERS:
        return False
    for token in (anchor, appositive):
        words = list(token.subtree) if token is appositive else [c for c in kids(token) if c.dep_ != "appos"]
        if any(w.tag_ == "WP$" for w in words):
            return False  # "Judge Amy Cole, whose husband is a senator": another person
        if any(w.text in ("D", "R", "I") and w.i + 1 < len(doc) and doc[w.i + 1].text == "-" for w in words):
            return False  # "Senator Tom Roe (D-Ohio)": party and state, not the senator
    if any(c.dep_ == "conj" for c in kids(appositive)) and is_role_word(anchor) and anchor.ent_type_ != "PERSON":
        return False  # "served as system CNO, senior vice president and care officer": a list of titles
    if anchor.dep_ == "appos" and anchor.head.ent_type_ == "PERSON" and appositive.ent_type_ == "PERSON":
        return False  # "Jorge Lugo, the man Barkley is accused of attacking": the man is Lugo, not Barkley
    if (
        anchor.dep_ == "pobj"
        and anchor.head.lower_ in _PLACE_PREPOSITIONS
        and anchor.pos_ == "NOUN"
        and appositive.ent_type_ == "PERSON"
        and not is_role_word(anchor)
    ):
        return False  # "Addressing reporters outside the courtroom, prosecutor X said": no description
    for person, other in ((anchor, appositive), (appositive, anchor)):
        titled = any(c.dep_ == "compound" and is_role_word(c) for c in kids(person))
        if (
            (person.ent_type_ == "PERSON" or titled)
            and other.pos_ == "PROPN"
            and other.ent_type_ in ("GPE", "LOC", "ORG", "")
            and not any(c.dep_ in ("det", "poss", "prep", "amod") for c in kids(other))
            and not is_role_word(other)
        ):
            return False  # "Director Ana Ruiz, Sonora", "Tom Roe, Conn.": a person beside a place
    a, b = anchor.ent_type_, appositive.ent_type_
    both_names = anchor.pos_ == appositive.pos_ == "PROPN"
    if both_names and a and b and a != b and {a, b} != {"GPE", "LOC"}:
        return False  # a person is not a place, a place is not a news agency
    if both_names and a == b == "PERSON":
        return False  # "FM Lavrov and counterpart Fidan": two people
    return {a, b} not in ({"GPE", "PERSON"}, {"LOC", "PERSON"})  # a person beside a place


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
            if not any(_title_word(doc[i]) for i in title):
                continue  # "First Lady Ann Vale" read as "First" + "Lady Ann Vale": "First" is no title
            sentence = context.sentence_of[ent.root.i]
            subject = make_mention(doc, ent.root, range(ent.start, ent.end), sentence, kind="PERSON")
            title_phrase = make_phrase(doc, title)
            if organisation and of is not None:
                org_head = max(organisation, key=lambda i: (doc[i].head.i not in organisation, i))
                relation = _synthetic(make_phrase(doc, [*title, of]), f"is {title_phrase.text} of")
                obj = make_mention(doc, doc[org_head], organisation, sentence)
                lemma = f"be {title_phrase.text.lower()} of"
                features = Features(
                    "title", subject_name=True, object_name=True, sentence_length=context.sentence_length(ent.start)
                )
            else:
                relation = _synthetic(make_phrase(doc, title), "is")
                obj = make_mention(doc, doc[title[-1]], title, sentence, kind="ROLE")
                lemma = "be"
                features = Features("bare_title", subject_name=True, sentence_length=context.sentence_length(ent.start))
            confidence = score(features)
            yield Extraction(
                doc_id=context.doc_id,
                sentence=sentence,
                subject=subject,
                relation=relation,
                lemma=lemma,
                object=obj,
                extractor=self.name,
                construction="title",
                confidence=confidence,
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
            if _is_name(token) and (not _is_name(anchor) or (is_role_word(anchor) and token.ent_type_ == "PERSON")):
                name, description = token, anchor  # "India's Prime Minister, Narendra Modi": the person
            if not _is_name(name):
                continue  # "the reforms, the progress, ..." is a list the parser read as appositions
            if not can_corefer(anchor, token):
                continue
            name_span = subtree_indices(name, skip_deps=("appos", "relcl", "punct", "conj", "cc"))
            name_span = [i for i in name_span if i not in set(subtree_indices(description))] or [name.i]
            while len(name_span) > 1 and name_span[0] < name.i and _title_word(doc[name_span[0]]):
                name_span = name_span[1:]  # "Sen. Charles Schumer, a member of ...": the person is Charles Schumer
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
                doc_id=context.doc_id,
                sentence=sentence,
                subject=make_mention(doc, name, name_span, sentence),
                relation=relation,
                lemma="be in" if located else "be",
                object=make_mention(doc, description, description_span, sentence),
                extractor=self.name,
                construction=construction,
                confidence=score(
                    Features(
                        construction,
                        subject_name=True,
                        object_name=_is_name(description),
                        in_quote=token.i in context.in_quote,
                        subject_length=len(name_span),
                        object_length=len(description_span),
                        sentence_length=context.sentence_length(token.i),
                    )
                ),
            )


@register_extractor("appositions.v1")
def _make_apposition_extractor(*, exclude: frozenset[str] | set[str] = frozenset()) -> AppositionExtractor:
    return AppositionExtractor(exclude=exclude)
