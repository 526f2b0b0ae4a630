"""Quotations and their speakers, for first-person pronouns (``I``, ``we``) and for keeping a
speaker's own quotation from pointing back at the speaker with ``he`` or ``she``.

A quotation is the text between quotation marks, or, in the news convention, a quotation that
runs on past the end of its paragraph (the closing mark is left out, the next paragraph goes on
with or without an opening mark). A straight mark ``"`` opens when it follows a space and closes
when it is attached to the word before it.

The speaker of a quotation (:meth:`Quotations.speaker`), first that decides:

1. the subject of a reporting verb outside quotation marks right after it (``"...," Smith
   said``, also in the next sentence of the paragraph) or before it in its sentence
   (``Smith said, "..."``), or in the sentence before it in its paragraph (``Smith said the
   plan works. "..."``) or ending with a colon;
2. the speaker of the quotation it continues (a quotation running on into the next paragraph),
   or of the quotation before it in the same paragraph (``"...," Smith said. "..."``), or in the
   paragraph before when it opens its own paragraph (``"...," Smith said.`` / ``"..."``);
3. for a quotation opening its paragraph after a paragraph with none, the person that paragraph's
   last sentence is about (``Smith was defiant.`` / ``"We did nothing wrong."``).

First-person pronouns outside quotation marks (a pull quote, a caption) belong to the name that
stands alone as a sentence in their paragraph (``... because she was suppressive. Jane Doe``), or
to the speaker of the paragraph before, when that one was spoken the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon import FIRST_PLURAL_PRONOUNS, FIRST_SINGULAR_PRONOUNS, REPORTING_VERBS
from ..syntax import doc_tree, quoting_lemma

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from ..syntax import DocContext

__all__ = ["Quotation", "Quotations"]

_OPEN = {"\u201c", "``", "\u00ab"}
_CLOSE = {"\u201d", "''", "\u00bb"}
_OPEN_SINGLE = {"\u2018"}
_CLOSE_SINGLE = {"\u2019"}
_FIRST_PERSON = FIRST_SINGULAR_PRONOUNS | FIRST_PLURAL_PRONOUNS
#: the speaker of a reporting clause whose subject is no entity ("someone said")
_UNKNOWN = ""
#: how many words of the next sentence a quotation's reporting clause may be in
_AFTER_WINDOW = 12


@dataclass
class Quotation:
    """Quoted tokens ``start`` .. ``end - 1`` (without the marks), in paragraph ``paragraph``."""

    start: int
    end: int
    paragraph: int
    opened: bool  # an opening mark starts it (else it goes on from the paragraph before)
    closed: bool  # a closing mark ends it (else it runs on to the end of its paragraph)


class Quotations:
    """The quotations of one parsed article and who speaks them.

    ``subject_key`` resolves the subject of a reporting verb to a cluster key (a name, a
    pronoun, a title before a name); it is called lazily, once per quotation."""

    def __init__(self, context: DocContext, subject_key: Callable[[Token], str | None]) -> None:
        self.context = context
        self.subject_key = subject_key
        tree = doc_tree(context.doc)
        self.toks: list[Token] = tree.tokens
        self.paragraph_of: list[int] = []
        paragraph = 0
        for text, space in zip(tree.texts, tree.is_space, strict=False):
            if space and "\n" in text:
                paragraph += 1
            self.paragraph_of.append(paragraph)
        self.quotations = self._find(tree.texts, tree.whitespace, tree.is_space)
        self.of_token: dict[int, int] = {i: n for n, q in enumerate(self.quotations) for i in range(q.start, q.end)}
        self.in_quote: frozenset[int] = frozenset(self.of_token)
        self._speakers: dict[int, str | None] = {}
        #: quotation -> the first and last token of its speaker's phrase ("Smith, the curator,")
        self._phrases: dict[int, tuple[int, int]] = {}
        self._subject: Token | None = None  # the subject :meth:`_reporting_subject` found last
        self._paragraph_speakers: dict[int, str | None] = {}

    # ------------------------------------------------------------------------------ finding

    def _find(self, texts: list[str], whitespace: list[str], is_space: list[bool]) -> list[Quotation]:
        """The quotations in double marks; in an article with none, in single marks (British style),
        where a lone ``'`` that is a possessive ("the players' union") is no mark."""
        found = self._find_marked(texts, whitespace, is_space, _OPEN, _CLOSE, '"')
        if found or any(t in _OPEN or t in _CLOSE or t == '"' for t in texts):
            return found
        return self._find_marked(texts, whitespace, is_space, _OPEN_SINGLE, _CLOSE_SINGLE, "'")

    def _find_marked(
        self,
        texts: list[str],
        whitespace: list[str],
        is_space: list[bool],
        opening_marks: set[str],
        closing_marks: set[str],
        straight: str,
    ) -> list[Quotation]:
        found: list[Quotation] = []
        open_at: int | None = None  # index of the first quoted token
        paragraph_start = 0
        ran_on = False  # the paragraph before ended inside a quotation
        count = len(texts)
        for i in range(count + 1):
            if i == count or (is_space[i] and "\n" in texts[i]):
                if open_at is not None and open_at < i:
                    found.append(Quotation(open_at, i, self.paragraph_of[open_at], True, False))
                ran_on = open_at is not None
                open_at = None
                paragraph_start = i + 1
                continue
            text = texts[i]
            if text not in opening_marks and text not in closing_marks and text != straight:
                continue
            attached = i > paragraph_start and not whitespace[i - 1] and not is_space[i - 1]
            if straight == "'" and (
                self.toks[i].tag_ == "POS" or (open_at is None and attached and texts[i - 1][-1:] in ("s", "S"))
            ):
                continue  # "the players' union"
            closing = text in closing_marks or (text == straight and (attached or open_at is not None))
            if text == straight and open_at is not None and not attached and i + 1 < count and not whitespace[i]:
                closing = False  # '" "': a new quotation right after one left open
            if closing:
                if open_at is not None:
                    found.append(Quotation(open_at, i, self.paragraph_of[i], True, True))
                elif ran_on and not any(q.paragraph == self.paragraph_of[i] for q in found):
                    # the closing mark of a quotation carried over from the paragraph before
                    found.append(Quotation(paragraph_start, i, self.paragraph_of[i], False, True))
                elif text == straight:
                    open_at = i + 1  # a stray mark ('said," ...'): marks alternate
                    continue
                open_at = None
            elif open_at is None:
                open_at = i + 1
        return [q for q in found if q.start < q.end]

    def quotation_of(self, position: int) -> int | None:
        """The number of the quotation a token is inside, or None."""
        return self.of_token.get(position)

    # ------------------------------------------------------------------------------ speakers

    def speaker(self, number: int) -> str | None:
        """The cluster key of the speaker of quotation ``number`` (cached)."""
        if number not in self._speakers:
            self._speakers[number] = None  # no loops through continuations
            self._subject = None
            self._speakers[number] = self._find_speaker(number) or None
            subject = self._subject
            if subject is not None:
                self._phrases[number] = (subject.left_edge.i, subject.right_edge.i)
            elif number > 0 and number - 1 in self._phrases and self._speakers[number] == self._speakers[number - 1]:
                self._phrases[number] = self._phrases[number - 1]
        return self._speakers[number]

    def speaker_phrase_at(self, position: int) -> tuple[int, int] | None:
        """The first and last token of the phrase naming the speaker of the quotation a token is in."""
        number = self.of_token.get(position)
        if number is None or self.speaker(number) is None:
            return None
        return self._phrases.get(number)

    def speaker_at(self, position: int) -> str | None:
        """The speaker of the quotation a token is inside, or None."""
        number = self.of_token.get(position)
        return self.speaker(number) if number is not None else None

    def _find_speaker(self, number: int) -> str | None:
        quotation = self.quotations[number]
        context = self.context
        sentence_of, sentences = context.sentence_of, context.sentences
        last = len(self.toks) - 1
        if quotation.closed:
            closing = quotation.end  # the closing mark
            first = sentence_of[min(closing, last)]
            after = [t for t in sentences[first] if t.i > closing]
            if first + 1 < len(sentences):
                after.extend(list(sentences[first + 1])[:_AFTER_WINDOW])
            # up to the next quotation: a reporting clause before it is that one's ('X said, "...')
            stop = self.quotations[number + 1].start - 1 if number + 1 < len(self.quotations) else last + 1
            after = [t for t in after if t.i < stop and self.paragraph_of[t.i] == quotation.paragraph]
            key = self._reporting_subject(after)
            if key is not None:
                return key  # (or _UNKNOWN: a reporting clause of its own, whose speaker we don't know)
        if quotation.opened:
            opening = quotation.start - 1
            sentence = sentence_of[max(opening, 0)]
            before = [t for t in sentences[sentence] if t.i < opening and t.i not in self.of_token]
            key = self._reporting_subject(list(reversed(before)))
            if key is not None:
                return key
            if not before and sentence > 0:
                previous = [t for t in sentences[sentence - 1] if not t.is_space]
                # 'Smith said: "..."' across a paragraph break, or 'Smith also said the plan works. "..."'
                if previous and (
                    self.paragraph_of[previous[-1].i] == quotation.paragraph
                    or (previous[-1].text == ":" and self.paragraph_of[previous[-1].i] == quotation.paragraph - 1)
                ):
                    key = self._reporting_subject([t for t in reversed(previous) if t.i not in self.of_token])
                    if key is not None:
                        return key
        if number > 0:
            before_quote = self.quotations[number - 1]
            continues = not before_quote.closed and before_quote.paragraph == quotation.paragraph - 1
            # a paragraph that is one more quotation, after a paragraph whose quotation has its speaker
            goes_on = before_quote.paragraph == quotation.paragraph - 1 and self._opens_paragraph(quotation)
            if continues or goes_on or before_quote.paragraph == quotation.paragraph:
                return self.speaker(number - 1)
        if quotation.opened and self._opens_paragraph(quotation):
            return self._introduced_by(quotation)
        return None

    def _introduced_by(self, quotation: Quotation) -> str | None:
        """The person the paragraph before introduces, when a quotation paragraph with no speaker of its own
        follows one with no quotation ("Ruiz was defiant." / '"We did nothing wrong."'): the subject of
        the paragraph's last sentence, a name or "he"/"she"."""
        context = self.context
        opening = quotation.start - 1
        sentence = context.sentence_of[max(opening, 0)]
        if sentence == 0:
            return None
        previous = [t for t in context.sentences[sentence - 1] if not t.is_space]
        if not previous or self.paragraph_of[previous[-1].i] != quotation.paragraph - 1:
            return None
        if any(t.i in self.of_token for t in previous):
            return None  # a quotation there: the rules above decide
        root = context.sentences[sentence - 1].root
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubjpass") and (child.pos_ == "PROPN" or child.lower_ in ("he", "she")):
                key = self.subject_key(child)
                if key:
                    self._subject = child
                return key
        return None

    def _opens_paragraph(self, quotation: Quotation) -> bool:
        """Whether a quotation opens its paragraph (only its opening mark before it)."""
        if not quotation.opened:
            return True
        before = quotation.start - 2  # the token before the opening mark
        return (
            before < 0
            or self.paragraph_of[before] != quotation.paragraph
            or (self.toks[before].is_space and "\n" in self.toks[before].text)
        )

    def _reporting_subject(self, candidates: list[Token]) -> str | None:
        """The speaker in a reporting clause: the subject of the first reporting verb among
        ``candidates``; ``_UNKNOWN`` when that subject is no entity we know."""
        for verb in candidates:
            if verb.pos_ in ("VERB", "AUX") and (verb.lemma_.lower() in REPORTING_VERBS or quoting_lemma(verb)):
                for subject in (verb, verb.head) if verb.dep_ in ("advcl", "xcomp", "conj") else (verb,):
                    # "Levein hailed the goal, saying: '...'": the subject of the verb it goes with
                    for child in subject.children:
                        if child.dep_ in ("nsubj", "nsubjpass") and child.i not in self.of_token:
                            key = self.subject_key(child)
                            if key:
                                self._subject = child
                            return key or _UNKNOWN
        return None

    # ------------------------------------------------------------------------------ unquoted

    def unquoted_speaker(self, token: Token) -> str | None:
        """Who says a first-person pronoun outside quotation marks: the name standing alone as a
        sentence of its paragraph, or the speaker of the paragraph before when it was spoken the
        same way (a pull quote repeated in the text)."""
        paragraph = self.paragraph_of[token.i]
        if paragraph not in self._paragraph_speakers:
            self._paragraph_speakers[paragraph] = None
            key = self._attribution_line(paragraph)
            if key is None and paragraph > 0 and self._first_person_paragraph(paragraph - 1):
                key = self._attribution_line(paragraph - 1) or self._paragraph_speakers.get(paragraph - 1)
            self._paragraph_speakers[paragraph] = key
        return self._paragraph_speakers[paragraph]

    def _paragraph_sentences(self, paragraph: int) -> list[list[Token]]:
        context = self.context
        return [
            [t for t in sentence if not t.is_space]
            for sentence in context.sentences
            if self.paragraph_of[sentence.start] == paragraph or self.paragraph_of[sentence.end - 1] == paragraph
        ]

    def _attribution_line(self, paragraph: int) -> str | None:
        """A sentence of the paragraph that is nothing but a name (after other text): the
        pronoun's caller takes it only when it is a person's."""
        sentences = self._paragraph_sentences(paragraph)
        for sentence in sentences[1:]:
            words = [t for t in sentence if not t.is_punct and self.paragraph_of[t.i] == paragraph]
            if words and len(words) <= 4 and all(t.pos_ == "PROPN" for t in words):
                key = self.subject_key(words[-1])
                if key is not None:
                    return key
        return None

    def _first_person_paragraph(self, paragraph: int) -> bool:
        return any(
            t.lower_ in _FIRST_PERSON and t.i not in self.of_token
            for sentence in self._paragraph_sentences(paragraph)
            for t in sentence
        )
