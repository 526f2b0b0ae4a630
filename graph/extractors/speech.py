"""Reported speech: who said what, as statements (speaker, reporting verb, content).

Each statement is an extraction with construction ``"reported"`` whose object is the content
(a ``CLAUSE`` mention over the content's tokens). Resolution attributes every other fact read
inside a statement's content to the speaker instead of asserting it (see
:func:`graph.resolve.resolve_article`). Shapes:

- a direct quote, before or after the speaker, split around it, with the speaker inside:
  ``"A," she said.``, ``She said: "A."``, ``"A," she said, "B."``, ``"A," said Smith.``
  (the content is every quoted word of the sentence);
- a quotation that runs on over the next sentences or paragraphs with no reporting verb: each
  such sentence is a statement of the last speaker;
- indirect speech: ``X said (that) ...``, ``X warned that ...``, ``X told Y (that) ...``, also
  ``police told the driver he was under arrest`` (the parser hangs the clause on the addressee);
- ``X called it/the move "disappointing"``: the content is the object and its description;
- ``according to X, ...``: the content is the clause the phrase modifies.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import REPORTING_VERBS
from ..syntax import DocContext, kids, make_mention, make_phrase, quoting_lemma, subtree_indices
from ..types import Extraction, Mention, Phrase
from .confidence import Features, score
from .registry import register_extractor

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

__all__ = ["SpeechExtractor", "single_quoted"]

_QUOTE_MARKS = {'"', "\u201c", "\u201d", "``", "''", "\u00ab", "\u00bb", "'"}
_SUBJECT_SKIP = ("relcl", "appos", "punct", "conj", "cc", "acl")
#: verbs whose object and its description are what someone said about it ("called the move disappointing")
_DESCRIBING_VERBS = {"call", "describe", "label", "brand", "term", "dub"}


#: what "according to" names that is no source ("according to plan", "according to the rules")
_NO_SOURCES = {"plan", "schedule", "law", "rule", "tradition", "custom", "script", "design", "expectation"}

_SINGLE_OPEN = {"'", "\u2018"}
_SINGLE_CLOSE = {"'", "\u2019"}
_ALL_MARKS = _QUOTE_MARKS | _SINGLE_OPEN | _SINGLE_CLOSE
#: marks that open a quotation when they begin a sentence
_OPENING_MARKS = {'"', "\u201c", "``", "\u00ab", "'", "\u2018"}


def single_quoted(context: DocContext) -> set[int]:
    """Token indices inside single quotation marks (British style: ``'We will appeal,' she said.``).

    An opening mark stands before a word it is written against, at the start of a paragraph or after a
    space or a colon; the closing one is written against the word or punctuation before it and is not an
    apostrophe of possession (``the players' union``). A quotation opened at the start of a paragraph or
    after a colon or comma (``saying: 'I ...``) and not closed runs to the paragraph's end (news leaves the
    closing mark out when a quotation runs on); one opened elsewhere and not closed is no quotation.
    """
    inside: set[int] = set()
    if "'" not in context.text and "\u2018" not in context.text and "\u2019" not in context.text:
        return inside
    tokens = context.tokens
    open_at: int | None = None

    def run_on(end: int) -> None:
        if open_at is not None and (
            open_at == 0 or _paragraph_break(tokens[open_at - 1]) or tokens[open_at - 1].text in (":", ",")
        ):
            inside.update(i for i in range(open_at + 1, end) if not tokens[i].is_space)

    for token in tokens:
        i = token.i
        if token.is_space and "\n" in token.text:
            run_on(i)
            open_at = None
            continue
        text = token.text
        before = tokens[i - 1] if i > 0 else None
        attached_before = before is not None and not before.whitespace_ and not before.is_space
        if (
            open_at is None
            and text in _SINGLE_OPEN
            and not token.whitespace_
            and i + 1 < len(tokens)
            and not tokens[i + 1].is_punct
            and (not attached_before or (before is not None and before.text in (":", "(", "\u2014", '"', "\u201c")))
        ):
            open_at = i
        elif (
            open_at is not None
            and text in _SINGLE_CLOSE
            and attached_before
            and token.tag_ != "POS"
            and token.dep_ != "case"
        ):
            if i - open_at > 1:
                inside.update(range(open_at + 1, i))
            open_at = None
    run_on(len(tokens))
    return inside


def _any_quoted(clause: Token) -> bool:
    """Whether a clause has a quotation mark in it (a quotation before its verb is read as a quote)."""
    return any(t.text in _ALL_MARKS for t in clause.subtree)


def _paragraph_break(token: Token) -> bool:
    return token.is_space and "\n" in token.text


def _quoted_in(sentence: Span, context: DocContext) -> list[int]:
    """The quoted words of a sentence (quote marks and edge punctuation left out)."""
    words = [t.i for t in sentence if t.i in context.in_quote and t.text not in _QUOTE_MARKS and not t.is_space]
    while words and context.tokens[words[-1]].is_punct:
        words.pop()
    while words and context.tokens[words[0]].is_punct:
        words.pop(0)
    return words


def _mostly_quoted(sentence: Span, context: DocContext) -> bool:
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    return bool(words) and sum(1 for t in words if t.i in context.in_quote) >= 0.8 * len(words)


class SpeechExtractor:
    """``speech.v1``: statements of reported speech (see the module docstring)."""

    name = "speech.v1"

    def __init__(self, *, exclude: frozenset[str] | set[str] = frozenset()) -> None:
        self.exclude = frozenset(exclude)

    def __call__(self, doc: Doc, *, doc_id: str, context: DocContext | None = None) -> Iterator[Extraction]:
        if "reported" in self.exclude:
            return
        context = context or DocContext.of(doc, doc_id)
        single = single_quoted(context) - context.in_quote
        if single:
            context = replace(context, in_quote=context.in_quote | single)
        # the last direct quotation's speaker and verb: a quotation running on is theirs
        last: tuple[Mention, list[int], str, int] | None = None
        # quoted sentences with no speaker yet: a quotation whose speaker comes at its end is theirs;
        # each with the speaker it falls back to when no speaker comes (a new quotation opened
        # after the last speaker's: '"A." / "B. C," the agency said' is the agency's, not the last's)
        waiting: list[tuple[int, list[int], tuple[Mention, list[int], str, int] | None]] = []

        def flush() -> Iterator[Extraction]:
            for earlier, words, fallback in waiting:
                if fallback is not None:
                    speaker, verb, lemma, _ = fallback
                    yield self._make(doc, context, earlier, speaker, verb, lemma, words, "continued")

        for number, sentence in enumerate(context.sentences):
            if not any(t.is_alpha for t in sentence):
                continue  # a stray quote mark or paragraph break the parser made a sentence
            found = list(self._sentence(doc, context, number, sentence))
            first = next((t for t in sentence if not t.is_space), None)
            if found:
                direct = [(e, quoted) for e, quoted in found if quoted]
                if direct and waiting and first is not None and first.i in context.in_quote:
                    # "A. B," she said: the quotation opened before this sentence
                    statement = direct[0][0]
                    for earlier, words, _ in waiting:
                        yield self._make(
                            doc,
                            context,
                            earlier,
                            statement.subject,
                            list(statement.relation.tokens),
                            statement.lemma,
                            words,
                            "continued",
                        )
                else:
                    yield from flush()
                waiting = []
                yield from (e for e, _ in found)
                last = (
                    (direct[-1][0].subject, list(direct[-1][0].relation.tokens), direct[-1][0].lemma, number)
                    if direct
                    else None
                )
                continue
            opens = first is not None and first.text in _OPENING_MARKS
            if last is not None and not opens and not waiting and _mostly_quoted(sentence, context):
                words = _quoted_in(sentence, context)
                if words:
                    speaker, verb, lemma, _ = last
                    yield self._make(doc, context, number, speaker, verb, lemma, words, "continued")
                    last = (speaker, verb, lemma, number)
                    continue
            if _mostly_quoted(sentence, context) and _quoted_in(sentence, context):
                # a new quotation falls back to the last speaker; its next sentences, to the same
                fallback = waiting[-1][2] if waiting else (last if opens else None)
                waiting.append((number, _quoted_in(sentence, context), fallback))
            else:
                yield from flush()
                waiting = []
            last = None
        yield from flush()

    def _sentence(
        self, doc: Doc, context: DocContext, number: int, sentence: Span
    ) -> Iterator[tuple[Extraction, bool]]:
        for token in sentence:
            if token.i in context.in_quote:
                continue
            lemma = token.lemma_.lower()
            if token.pos_ in ("VERB", "AUX") and (
                lemma in REPORTING_VERBS or lemma in _DESCRIBING_VERBS or quoting_lemma(token) is not None
            ):
                found = self._reporting_verb(doc, context, number, sentence, token)
                if found is not None:
                    yield found
                    # "Renwick and Moulton wrote ...": each of the conjoined speakers said it
                    first = context.tokens[found[0].subject.head]
                    for other in first.conjuncts:
                        if (
                            other.i > first.i
                            and other.i not in context.in_quote
                            and (
                                other.pos_ == "PROPN"
                                or other.ent_type_ in ("PERSON", "ORG")
                                or (other.pos_ == "NOUN" and first.pos_ == "NOUN")  # "officials and state media"
                            )
                        ):
                            span = subtree_indices(other, skip_deps=_SUBJECT_SKIP) or [other.i]
                            yield replace(found[0], subject=make_mention(doc, other, span, number)), found[1]
            elif token.lower_ == "according":
                found_according = self._according_to(doc, context, number, token)
                if found_according is not None:
                    yield found_according, False

    def _reporting_verb(
        self, doc: Doc, context: DocContext, number: int, sentence: Span, verb: Token
    ) -> tuple[Extraction, bool] | None:
        subjects = [c for c in kids(verb) if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ in ("advcl", "conj") and verb.head.pos_ in ("VERB", "AUX"):
            # "X said ..., adding that ...", "X smiled and said ...": the subject of the verb it goes with
            subjects = [c for c in kids(verb.head) if c.dep_ == "nsubj"]
        if len(subjects) > 1:  # two subjects are a misparse ("After the gimmick Antunes smiled"): the nearest
            subjects.sort(key=lambda c: (c.i > verb.i, -c.i if c.i < verb.i else c.i))
        if not subjects and verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ == "quote":
            subjects = [c for c in kids(verb.head.head) if c.dep_ == "nsubjpass"]  # "X was quoted as saying"
        if not subjects or any(c.dep_ == "neg" for c in kids(verb)):
            return None
        subject = subjects[0]
        if subject.i in context.in_quote or subject.tag_ in ("WDT",):
            return None
        if subject.tag_ == "WP" and verb.dep_ == "relcl":
            subject = verb.head  # "Smith, who said ..."
        speaker = make_mention(doc, subject, subtree_indices(subject, skip_deps=_SUBJECT_SKIP) or [subject.i], number)
        relation = [c.i for c in kids(verb) if c.dep_ in ("aux", "prt") and c.i < verb.i] + [verb.i]
        lemma = verb.lemma_.lower()
        if lemma not in REPORTING_VERBS and lemma not in _DESCRIBING_VERBS:
            lemma = quoting_lemma(verb) or lemma
        if lemma in _DESCRIBING_VERBS:
            objects = [c for c in kids(verb) if c.dep_ == "dobj"]
            descriptions = [c for c in kids(verb) if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")]
            if not objects and verb.dep_ in ("relcl", "acl") and any(c.dep_ == "mark" for c in kids(verb)):
                objects = [verb.head]  # "a device that X called "...": the parser made "that" a mark
            if objects and not descriptions:  # 'called the decision "a disgrace"' read as an apposition
                descriptions = [c for c in kids(objects[0]) if c.dep_ == "appos" and c.i in context.in_quote]
            if not objects or not descriptions:
                return None
            description = descriptions[0]
            described_in_quotes = any(i in context.in_quote for i in subtree_indices(description))
            if not described_in_quotes and description.pos_ not in ("ADJ",):
                return None  # "called him John" names, it does not report
            described = objects[0]
            relative = described.i == verb.head.i or (described.tag_ in ("WDT", "WP") and verb.dep_ == "relcl")
            if relative:  # "the X, a phone with a big screen that Ruiz called "the best"": the named thing
                described = verb.head
                while True:
                    if described.dep_ == "pobj" and described.head.lower_ == "with":
                        described = described.head.head
                    elif described.dep_ == "appos":
                        described = described.head
                    else:
                        break
            skip = ("relcl", "acl", "appos", "punct", "prep") if relative else ("relcl", "acl")
            # the rest of the quotation the parser hung on the verb ("... leap forward since the original iPhone")
            quoted_rest = [
                i
                for c in kids(verb)
                if c.dep_ == "prep" and c.i > description.i and c.i in context.in_quote
                for i in subtree_indices(c)
            ]
            words = [
                i
                for i in (*subtree_indices(described, skip_deps=skip), *subtree_indices(description), *quoted_rest)
                if context.tokens[i].text not in _QUOTE_MARKS
            ]
            made = self._make(doc, context, number, speaker, relation, lemma, sorted(set(words)), "called")
            return made, described_in_quotes
        quoted = _quoted_in(sentence, context)
        complement = [c for c in kids(verb) if c.dep_ == "ccomp"]
        if quoted and complement:
            words = [i for i in subtree_indices(complement[0]) if not context.tokens[i].is_punct]
            if sum(1 for i in words if i not in context.in_quote) > 0.3 * len(words):
                quoted = []  # a quoted phrase inside indirect speech: the whole clause is the content
        if quoted and any(
            c.dep_ == "dobj"
            and c.i not in context.in_quote
            and set(quoted) & set(range(c.left_edge.i, c.right_edge.i + 1))
            for c in kids(verb)
        ):
            quoted = []  # "wrote such classics as "A" and "B"": quoted titles inside the object, not words said
        if quoted and self._quote_belongs_to(verb, quoted, context):
            clause = set(self._indirect_content(verb, subject)) if complement else set()
            if clause & set(quoted):
                # 'said that Acme is "on track to ..."': the clause around the quoted words is what was said
                quoted = sorted(i for i in clause | set(quoted) if context.tokens[i].text not in _ALL_MARKS)
            return self._make(doc, context, number, speaker, relation, lemma, quoted, "quote"), True
        if quoting_lemma(verb) is not None and lemma not in REPORTING_VERBS:
            return None  # "Smith laughed": only a quotation beside it makes it a statement
        content = self._indirect_content(verb, subject)
        if content:
            return self._make(doc, context, number, speaker, relation, lemma, content, "indirect"), False
        return None

    @staticmethod
    def _quote_belongs_to(verb: Token, quoted: list[int], context: DocContext) -> bool:
        """A quotation belongs to a verb outside it whose clause reaches it, or which stands right beside it."""
        sentence = context.sentences[context.sentence_of[verb.i]]
        if verb.dep_ in ("ROOT", "parataxis") or verb.head.i in quoted:
            return True
        if any(c.dep_ in ("ccomp", "xcomp", "parataxis") and c.i in quoted for c in kids(verb)):
            return True  # "..., saying: 'I don't think ...'": the quotation is the verb's complement
        return sentence.root.i in quoted

    @staticmethod
    def _indirect_content(verb: Token, subject: Token) -> list[int]:
        """The clause a reporting verb reports: its ``ccomp``, or the clause hung on its addressee."""
        for child in kids(verb):
            if child.dep_ == "ccomp" and (child.i > verb.i or not _any_quoted(child)):
                # after the verb, or before it unquoted ("Acme has cut 40 jobs, Ruiz told the BBC")
                return [
                    i
                    for i in subtree_indices(child)
                    if not (kids(child) and any(c.i == i and c.dep_ == "mark" for c in kids(child)))
                ]
        if verb.lemma_.lower() in ("tell", "warn", "assure", "inform", "remind"):
            # "told the driver he was under arrest": the parser may hang the clause on the addressee
            for obj in kids(verb):
                if obj.dep_ in ("dobj", "dative"):
                    for clause in kids(obj):
                        if (
                            clause.dep_ in ("relcl", "ccomp")
                            and clause.i > obj.i
                            and any(
                                c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT") and c.lower_ != "that"
                                for c in kids(clause)
                            )
                        ):
                            return [
                                i
                                for i in subtree_indices(clause)
                                if not any(c.i == i and c.dep_ == "mark" for c in kids(clause))
                            ]
        return []

    def _according_to(self, doc: Doc, context: DocContext, number: int, according: Token) -> Extraction | None:
        """``According to the agency, prices rose``: the agency says that prices rose."""
        to = [c for c in kids(according) if c.lower_ == "to" and c.dep_ == "prep"]
        if not to:
            return None
        sources = [c for c in kids(to[0]) if c.dep_ == "pobj"]
        clause = context.sentences[number].root  # what the sentence says is what the source says
        if not sources or clause.pos_ not in ("VERB", "AUX") or according.head.pos_ in ("ADJ",):
            return None  # (the phrase may hang on the last noun: "was minus 20 degrees, according to X")
        source = sources[0]
        if source.lemma_.lower() in _NO_SOURCES:
            return None  # "went according to plan"
        phrase = set(range(according.left_edge.i, according.right_edge.i + 1))
        content = [i for i in subtree_indices(clause) if i not in phrase]
        # the commas that set the phrase off go with it ("X, according to Y, is ...")
        content = [i for i in content if not (context.tokens[i].is_punct and (i + 1 in phrase or i - 1 in phrase))]
        while content and context.tokens[content[-1]].is_punct:
            content.pop()
        while content and context.tokens[content[0]].is_punct:
            content.pop(0)
        if not content:
            return None
        speaker = make_mention(doc, source, subtree_indices(source, skip_deps=_SUBJECT_SKIP) or [source.i], number)
        return self._make(doc, context, number, speaker, [according.i, to[0].i], "according to", content, "according")

    def _make(
        self,
        doc: Doc,
        context: DocContext,
        number: int,
        speaker: Mention,
        relation: list[int],
        lemma: str,
        content: list[int],
        how: str,
    ) -> Extraction:
        head = min(content, key=lambda i: (context.tokens[i].head.i in content, i))
        content_mention = make_mention(doc, context.tokens[head], content, number, kind="CLAUSE")
        verb = make_phrase(doc, relation)
        if how == "continued":
            # the reporting verb is in an earlier sentence: this sentence's statement has no verb words
            verb = Phrase(verb.text, content_mention.start, content_mention.start, ())
        confidence = score(
            Features(
                "reported",
                subject_name=context.tokens[speaker.head].pos_ == "PROPN",
                subject_pronoun=context.tokens[speaker.head].pos_ == "PRON",
                object_length=min(len(content), 12),
                sentence_length=context.sentence_length(relation[0]),
                context="main" if how != "continued" else "complement",
            )
        )
        return Extraction(
            doc_id=context.doc_id,
            sentence=number,
            subject=speaker,
            relation=verb,
            lemma=lemma,
            object=content_mention,
            extractor=self.name,
            construction="reported",
            confidence=confidence,
        )


@register_extractor("speech.v1")
def _make_speech_extractor(*, exclude: frozenset[str] | set[str] = frozenset()) -> SpeechExtractor:
    return SpeechExtractor(exclude=exclude)
