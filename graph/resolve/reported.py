"""Reported content: which facts are someone's claim, belief or forecast, and whose.

A fact read inside reported content is the speaker's, not the newspaper's (``reported``, with
``attributed_to`` the speaker when known). The content is, innermost first:

- a statement's content (speech.v1's, or the clause extractor's ``reported`` clause);
- a region this module reads from the parse (:func:`reported_regions`):
  the clausal object of a verb of saying, believing, expecting or alleging, on either side of it
  (``Prosecutors allege that X stole ...``, ``X has cancelled 40 flights, Y told the BBC``);
  the clause a parenthetical reporting verb interrupts (``The fire, officials said, destroyed ...``);
  the ``that`` clause of a noun of claim or belief (``claims that X misled parliament``, ``expressed
  hope that the deal will ...``) and of an adjective of belief (``is confident that the team will win``);
  an indirect question (``was asked whether the talks had failed``: nobody's claim);
- a quotation nobody is known to have said.

A speaker named by a description (``the union leader said``, ``the head of the bank said``) is the
person the article names with a fitting role, when exactly one fits (:meth:`Attribution.speaker_key`).
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon import DEMONYMS, PERSON_NOUNS, REPORTING_VERBS
from ..syntax import DocContext, kids, make_mention, subtree_indices
from ..types import Extraction, Mention
from .predicates import role_property
from .reported_words import (
    ATTITUDE_VERBS,
    BELIEF_ADJECTIVES,
    CLAIM_NOUNS,
    HEAD_ROLES,
    HEARSAY_VERBS,
    JUDGING_VERBS,
    NEW_PEOPLE,
    OFFICES,
    PASSIVE_BELIEVERS,
    PLAIN_ADJECTIVES,
    QUESTION_VERBS,
    SPEAKER_ROLES,
    SUBJECTS,
    TIME_MARKS,
    VOICING_VERBS,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .coref import ArticleEntities

__all__ = ["Attribution", "Region", "reported_regions"]


@dataclass(frozen=True)
class Region:
    """Tokens of reported content and the token of the one who reports it (None: nobody known)."""

    tokens: frozenset[int]
    speaker: int | None
    sentence: int


def _subject(verb: Token) -> Token | None:
    """The subject of a verb (the one nearest before it when the parser gave two), or of the verb a
    participle or conjunct goes with ("X agreed, expecting ...", "X smiled and said ...")."""
    around = verb.head
    if verb.dep_ == "pcomp" and around.dep_ == "prep" and around.head.pos_ in ("VERB", "AUX"):
        around = around.head  # "After finding that ..., the judge fined her": the subject of "fined"
    for holder in (verb, around) if verb.dep_ in ("advcl", "conj", "xcomp", "pcomp") else (verb,):
        subjects = [c for c in kids(holder) if c.dep_ == "nsubj"]
        if subjects:
            before = [s for s in subjects if s.i < holder.i]
            subject = before[-1] if before else subjects[0]
            if subject.tag_ in ("WP", "WDT") and holder.dep_ == "relcl":
                return holder.head  # "Smith, who said ..."
            return subject if subject.tag_ not in ("WDT",) else None
        if holder is around:
            break
    return None


def _clause_tokens(clause: Token) -> set[int]:
    """A content clause without its complementiser ("that", "whether")."""
    marks = {c.i for c in kids(clause) if c.dep_ == "mark"}
    return {i for i in subtree_indices(clause) if i not in marks}


def reported_regions(context: DocContext, in_quote: AbstractSet[int] = frozenset()) -> list[Region]:
    """The regions of reported content the parse shows (see the module docstring)."""
    regions: list[Region] = []
    toks = context.tokens
    verbs = REPORTING_VERBS | ATTITUDE_VERBS
    for token in toks:
        lemma = token.lemma_.lower()
        sentence = context.sentence_of[token.i]
        clauses = [c for c in kids(token) if c.dep_ == "ccomp"]
        if token.pos_ in ("VERB", "AUX") and lemma in QUESTION_VERBS:
            for clause in clauses:
                if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in kids(clause)):
                    regions.append(Region(frozenset(_clause_tokens(clause)), None, sentence))
            continue
        if token.pos_ in ("VERB", "AUX") and (lemma in verbs or lemma in PASSIVE_BELIEVERS):
            if lemma in PASSIVE_BELIEVERS:
                holders = [c for c in kids(token) if c.dep_ in SUBJECTS] or [
                    c for a in kids(token) if a.dep_ in ("aux", "auxpass") for c in kids(a) if c.dep_ in SUBJECTS
                ]  # the parser may hang the subject on the auxiliary ("X is convinced ...")
                if not holders and token.dep_ in ("acomp", "oprd"):
                    holders = [c for c in kids(token.head) if c.dep_ in SUBJECTS]
                speaker: Token | None = holders[0] if holders else None
                if speaker is None:
                    continue
            else:
                speaker = _subject(token)
                if speaker is None and token.dep_ == "ROOT":
                    # "Standing on a point of order, Minister X said ...": the parser lost the subject in
                    # the phrase before; the person named last before the verb
                    people = [t for t in toks[token.sent.start : token.i] if t.ent_type_ == "PERSON"]
                    speaker = people[-1] if people and people[-1].i not in in_quote else None
            content: set[int] = set()
            for clause in clauses:
                content |= _clause_tokens(clause)
            if not content and lemma in ("tell", "warn", "assure", "inform", "remind", "promise"):
                # "told the driver he was under arrest": the parser may hang the clause on the addressee
                for obj in kids(token):
                    if obj.dep_ in ("dobj", "dative"):
                        for clause in kids(obj):
                            if (
                                clause.dep_ in ("relcl", "ccomp")
                                and clause.i > obj.i
                                and any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in kids(clause))
                            ):
                                content |= _clause_tokens(clause)
            if (
                not content
                and token.dep_ == "parataxis"
                and lemma in REPORTING_VERBS
                and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in kids(token))
            ):
                # "The fire, officials said, destroyed 40 homes": the clause the reporting verb interrupts
                own = set(subtree_indices(token))
                content = {i for i in subtree_indices(token.head) if i not in own}
            if content:
                regions.append(Region(frozenset(content), speaker.i if speaker is not None else None, sentence))
            continue
        if token.pos_ == "VERB" and lemma in JUDGING_VERBS:
            # "described the claim as an outright lie intended to mislead": the description is the subject's view
            for prep in kids(token):
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    for description in kids(prep):
                        if description.dep_ == "pobj":
                            speaker = _subject(token)
                            regions.append(
                                Region(
                                    frozenset(subtree_indices(description)),
                                    speaker.i if speaker is not None else None,
                                    sentence,
                                )
                            )
            continue
        if token.pos_ == "NOUN" and lemma in CLAIM_NOUNS:
            for clause in kids(token):
                if clause.dep_ in ("acl", "ccomp") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in kids(clause)
                ):
                    owner = next((c for c in kids(token) if c.dep_ == "poss"), None)
                    if owner is None and token.dep_ == "dobj" and token.head.lemma_.lower() in VOICING_VERBS:
                        owner = _subject(token.head)
                    if owner is not None and owner.pos_ not in ("PROPN", "PRON") and not owner.ent_type_:
                        owner = None  # "the slowdown raises concerns that ...": no one voices them
                    content = _clause_tokens(clause)
                    for late in kids(clause):
                        if (late.dep_ == "advcl" and any(c.lower_ in TIME_MARKS for c in kids(late))) or (
                            late.dep_ == "prep"
                            and late.lower_ in TIME_MARKS
                            and any(c.dep_ == "pcomp" for c in kids(late))
                        ):
                            content -= set(subtree_indices(late))  # "claims that X ... after Y admitted / after making"
                    regions.append(Region(frozenset(content), owner.i if owner is not None else None, sentence))
            continue
        if token.pos_ == "ADJ" and lemma in BELIEF_ADJECTIVES and clauses:
            holder = _subject(token.head) if token.dep_ in ("acomp", "oprd") else None
            content = set()
            for clause in clauses:
                content |= _clause_tokens(clause)
            regions.append(Region(frozenset(content), holder.i if holder is not None else None, sentence))
    return regions


class Attribution:
    """Whose claim each fact of one article is (see the module docstring)."""

    def __init__(
        self,
        context: DocContext,
        entities: ArticleEntities,
        extractions: Sequence[Extraction],
        statements: Sequence[Extraction],
        in_quote: AbstractSet[int],
    ) -> None:
        self.context = context
        self.entities = entities
        self.extractions = extractions
        self.statements = statements
        self.in_quote = in_quote
        self.regions = reported_regions(context, in_quote)
        self._roles: list[tuple[str, set[str]]] | None = None

    def of(self, extraction: Extraction) -> tuple[bool, str | None]:
        """Whether a fact is reported, and the key of its speaker when known: the speaker of the
        innermost content it was read in that has one (an indirect question or a claim nobody is
        named for makes it reported, and leaves the speaker to the content around it)."""
        words = set(extraction.relation.tokens)
        if not words:
            return False, None
        found: list[tuple[int, Extraction | Region]] = [
            (len(s.object.tokens), s)
            for s in self.statements
            if s is not extraction and s.object is not None and words <= set(s.object.tokens)
        ]
        if extraction.construction not in ("role", "title"):  # a title the newspaper gives is its own
            found += [
                (len(r.tokens), r)
                for r in self.regions
                if words <= r.tokens and (r.speaker is not None or extraction.construction != "reported")
            ]
        quotes = self.entities.anaphora.quotes
        position = extraction.relation.tokens[0]
        if not found and self._hearsay(extraction):
            return True, None
        for _, where in sorted(found, key=lambda pair: pair[0]):
            if isinstance(where, Region):
                if where.speaker is None:
                    continue
                token = self.context.tokens[where.speaker]
                skip = ("relcl", "appos", "punct", "conj", "cc", "acl")
                mention = make_mention(
                    self.entities.doc, token, subtree_indices(token, skip_deps=skip) or [token.i], where.sentence
                )
                key = self.speaker_key(mention, None)
            else:
                key = self.speaker_key(where.subject, where)
            if key is None or not self.entities.is_named(key):
                # '"...," the governor said': the person coreference found for the quotation
                key = quotes.speaker_at(position) or key
            if key is not None:
                return True, key
        if found or words <= self.in_quote:
            # read inside a quotation no statement covers: its speaker, as coreference found them
            return True, quotes.speaker_at(position) if words <= self.in_quote else None
        return False, None

    def _hearsay(self, extraction: Extraction) -> bool:
        """A predicate under a passive verb of saying or believing ("is believed to have fled", "is expected
        to open", "is alleged to have taken"): someone's claim, nobody named."""
        for i in extraction.relation.tokens:
            token = self.context.tokens[i]
            if (
                token.lemma_.lower() in HEARSAY_VERBS
                and any(c.dep_ == "auxpass" for c in kids(token))
                and any(c.dep_ == "xcomp" for c in kids(token))
                and not any(c.dep_ == "agent" for c in kids(token))
            ):
                return True
        return False

    def speaker_key(self, mention: Mention, extraction: Extraction | None) -> str | None:
        """The entity a speaker mention resolves to; a description ("the union leader") resolves to
        the one person of the article whose role fits it, when coreference left it a description."""
        key = self.entities.resolve(mention, extraction).key
        head = self.context.tokens[mention.head]
        if key is not None and head.lemma_.lower() in PERSON_NOUNS and self.entities.clusters[key].type != "Person":
            key = self._described_person(mention) or self._person_nearby(mention) or key  # "the striker" is no team
        if key is None:  # a misparsed subject ("Iain" heading "Duncan Smith"): a name among its words
            names = self.entities.names.name_of_token
            people = (names[i] for i in mention.tokens if i in names)
            key = next((k for k in people if self.entities.clusters[k].type == "Person"), None)
        if key is not None and self.entities.is_named(key):
            return key
        described = self._described_person(mention) or self._person_nearby(mention)
        cluster = self.entities.clusters.get(key) if key is not None and described is None else None
        if cluster is not None and cluster.tokens and cluster.tokens[0] != mention.head:
            # "he feels ..." bound to "the coach": the person the description names
            first = self.context.tokens[cluster.tokens[0]]
            described = self._described_person(make_mention(self.entities.doc, first, [first.i], mention.sentence))
        return described or key

    def _described_person(self, mention: Mention) -> str | None:
        toks = self.context.tokens
        head = toks[mention.head]
        lemma = head.lemma_.lower()
        if head.pos_ != "NOUN" or lemma not in SPEAKER_ROLES or head.tag_ == "NNS":
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in kids(head)) and not any(
            c.dep_ == "poss" for c in kids(head)
        ):
            return None  # "a spokesman said": someone, not one we know
        modifiers = {
            toks[i].lemma_.lower()
            for i in mention.tokens
            if i != head.i
            and toks[i].pos_ in ("NOUN", "PROPN", "ADJ")
            and toks[i].dep_ != "poss"
            and toks[i].lower_ not in PLAIN_ADJECTIVES
        }
        fits = set()
        for person, words in self.roles():
            if (lemma in words or (lemma in HEAD_ROLES and "org:headOf" in words)) and modifiers <= words:
                fits.add(person)
        return fits.pop() if len(fits) == 1 else None

    def _person_nearby(self, mention: Mention) -> str | None:
        """A speaker described as a kind of person ("the striker", "the 28-year-old", "the Dane") is the one
        person the article names in the two sentences before, when exactly one is named there."""
        toks = self.context.tokens
        head = toks[mention.head]
        lemma = head.lemma_.lower()
        words = {toks[i].lower_ for i in mention.tokens}
        aged = any(w.endswith("year-old") or w == "old" for w in words) and any("year" in w for w in words)
        if not (lemma in PERSON_NOUNS or lemma in DEMONYMS or aged) or lemma in NEW_PEOPLE | OFFICES:
            return None
        first = min(mention.tokens, default=head.i)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids(head)) and toks[first].lower_ != "the":
            return None
        sentence = self.context.sentence_of[head.i]
        start = self.context.sentences[max(sentence - 2, 0)].start
        clusters = self.entities.clusters
        named = {
            key
            for i, key in self.entities.names.name_of_token.items()
            if start <= i < first and key in clusters and clusters[key].type == "Person"
        }
        return named.pop() if len(named) == 1 else None

    def roles(self) -> list[tuple[str, set[str]]]:
        """(person key, lower-case words of a role they hold and its organisation) of the article."""
        if self._roles is not None:
            return self._roles
        found: list[tuple[str, set[str]]] = []
        entities = self.entities
        for extraction in self.extractions:
            if extraction.construction not in ("role", "title") or extraction.object is None:
                continue
            person = entities.resolve(extraction.subject, extraction).key
            if person is None or not entities.is_named(person) or entities.clusters[person].type != "Person":
                continue
            role = extraction.relation.text if extraction.construction == "role" else extraction.object.text
            text = f"{role} {extraction.object.text}".lower().replace("'s", " ")
            words = {w.strip(",.()") for w in text.split()}
            words |= {w[:-1] for w in words if w.endswith("s")}
            if role_property(role.removeprefix("is ").removesuffix(" of")) == "org:headOf":
                words.add("org:headOf")
            found.append((person, words))
        for person, lemma, appositive in getattr(entities, "_appositions", ()):
            if entities.clusters[person].type == "Person":
                words = {lemma, *appositive}
                if role_property(lemma) == "org:headOf":
                    words.add("org:headOf")
                found.append((person, {w.lower() for w in words}))
        self._roles = found
        return found
