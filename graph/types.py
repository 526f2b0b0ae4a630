"""The plain data that flows between the stages of the pipeline.

Everything here is a frozen dataclass of strings, numbers and tuples: no spaCy and no rdflib
objects, so values can be compared, hashed, pickled to worker processes and written to JSON.
Character offsets are always into :attr:`Document.text`, end exclusive.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

__all__ = [
    "Document",
    "Sentence",
    "Phrase",
    "Mention",
    "Argument",
    "Extraction",
    "Entity",
    "Provenance",
    "Fact",
    "Membership",
    "EntityUse",
    "KnowledgeGraph",
]


@dataclass(frozen=True)
class Document:
    """One news article, its body text with the dateline taken off."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO 8601 date or date-time, as given
    source: str | None = None  # publisher or news agency, e.g. "Kazinform"
    place: str | None = None  # dateline place, e.g. "Nur-Sultan"
    url: str | None = None
    path: str | None = None  # where it was read from (file, or file:line for JSONL)

    @property
    def content_hash(self) -> str:
        """SHA-256 of everything that ends up in the graph about this article."""
        digest = hashlib.sha256()
        for part in (self.id, self.title, self.published, self.source, self.place, self.url, self.text):
            digest.update((part or "").encode("utf-8"))
            digest.update(b"\x00")
        return digest.hexdigest()


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: its position and text."""

    doc_id: str
    index: int  # 0-based position in the document
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Phrase:
    """Some words of a sentence, not necessarily contiguous (a relation may skip an adverb)."""

    text: str
    start: int
    end: int
    tokens: tuple[int, ...]  # token indices in the parsed document, ascending


@dataclass(frozen=True)
class Mention:
    """A phrase that names or describes something: an argument of an extraction."""

    text: str
    start: int
    end: int
    tokens: tuple[int, ...]
    head: int  # token index of the syntactic head
    kind: str  # NER label of the head (PERSON, ORG, GPE, ...), else PRON, PROPN, NOUN, CLAUSE, OTHER
    sentence: int = 0

    @property
    def phrase(self) -> Phrase:
        return Phrase(self.text, self.start, self.end, self.tokens)


@dataclass(frozen=True)
class Argument:
    """A further argument of an extraction: a prepositional phrase, a time or a place."""

    role: str  # the preposition ("in", "with"), or "time" / "place" for bare adverbials
    value: Mention
    marker: tuple[int, ...] = ()  # token indices of the preposition words, if any


@dataclass(frozen=True)
class Extraction:
    """An open relation triple as it stands in the text, with where it came from.

    ``subject``, ``relation`` and ``object`` are surface text in sentence order: for
    "X was appointed by Y" the subject is X, the relation "was appointed by" and ``passive`` is
    true. ``lemma`` is the relation's normal form ("appoint", "meet with", "hold meeting with").
    """

    doc_id: str
    sentence: int
    subject: Mention
    relation: Phrase
    lemma: str
    object: Mention | None
    arguments: tuple[Argument, ...] = ()
    extractor: str = ""
    construction: str = ""
    confidence: float = 0.5
    passive: bool = False
    negated: bool = False
    modality: str | None = None  # "must", "should", "may", "can", "will", ... when present

    @property
    def start(self) -> int:
        return min(p.start for p in self._phrases())

    @property
    def end(self) -> int:
        return max(p.end for p in self._phrases())

    def _phrases(self) -> list[Phrase | Mention]:
        parts: list[Phrase | Mention] = [self.subject, self.relation]
        if self.object is not None:
            parts.append(self.object)
        parts.extend(arg.value for arg in self.arguments)
        return parts


@dataclass(frozen=True)
class Entity:
    """A canonical entity: one node of the graph."""

    id: str  # canonical key; the IRI is minted from it
    label: str  # preferred name
    type: str  # ontology class local name: Person, Organization, PoliticalParty, Place, Programme, ...
    aliases: tuple[str, ...] = ()  # every other name seen, sorted
    mentions: int = 0
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Provenance:
    """Where a fact was read: article, sentence, character span, extractor and confidence."""

    doc_id: str
    sentence: int
    start: int
    end: int
    extractor: str
    confidence: float


@dataclass(frozen=True)
class Fact:
    """A resolved fact: entity ids and a relation label, plus its provenance.

    ``object`` is an entity id; for reported speech and other clausal objects it is None and
    ``value`` holds the text instead.
    """

    subject: str
    predicate: str  # relation label, e.g. "commission", "meet with"
    object: str | None
    provenance: Provenance
    subject_text: str = ""
    object_text: str = ""
    value: str | None = None
    negated: bool = False
    modality: str | None = None
    construction: str = ""
    time: str | None = None  # a time phrase of the clause, as written ("in 1999", "on Monday")
    place: str | None = None  # entity id of the place phrase of the clause ("in Almaty")
    #: read inside reported speech: the speaker's claim, not the newspaper's (no direct triple)
    reported: bool = False
    attributed_to: str | None = None  # entity id of the speaker of a reported fact, when known


@dataclass(frozen=True)
class Membership:
    """A role someone holds in an organisation (W3C ORG), read from a title or apposition."""

    member: str  # entity id
    organization: str | None  # entity id, when the title names one
    role: str  # "First Deputy Chairman"
    provenance: Provenance


@dataclass(frozen=True)
class EntityUse:
    """How one article names one corpus entity: the evidence an :class:`Entity` is merged from.

    Kept in the article's named graph (``nkg:EntityUse``) so that an incremental build can merge
    new articles with the ones already in a store, and replace one article's share exactly.
    """

    doc_id: str
    entity: str  # corpus entity id
    label: str  # the article's best name for it
    type: str  # ontology class local name, as this article saw it
    names: tuple[tuple[str, int], ...] = ()  # (name as written, times used), sorted by name
    mentions: int = 0
    named: bool = True  # a proper name, not a concept phrase
    known_label: str | None = None  # the gazetteer's preferred label, when the gazetteer knew it


@dataclass(frozen=True)
class KnowledgeGraph:
    """Everything a build produced, before it becomes RDF."""

    documents: tuple[Document, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    memberships: tuple[Membership, ...] = ()
    #: (document id, "publisher" | "place", entity id): the article's dateline entities
    article_entities: tuple[tuple[str, str, str], ...] = ()
    #: each article's share of each entity (names, type, mentions), in article order
    entity_uses: tuple[EntityUse, ...] = ()
