"""The plain data that flows between the stages of the pipeline.

Everything here is a frozen dataclass of strings, numbers and tuples: no spaCy and no rdflib
objects, so values can be compared, hashed, pickled to worker processes and written to JSON.
Character offsets are always into :attr:`Document.text`, end exclusive.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .resolve import Gazetteer

__all__ = [
    "DEFAULT_CONFIG",
    "MAX_ARTICLE_CHARS",
    "Argument",
    "Document",
    "Entity",
    "EntityMention",
    "EntityUse",
    "Extraction",
    "Fact",
    "KnowledgeGraph",
    "Membership",
    "Mention",
    "Phrase",
    "PipelineConfig",
    "PlannedArticle",
    "Provenance",
    "Sentence",
]

#: spaCy's default ``max_length``; an article longer than this is refused (split it into articles)
MAX_ARTICLE_CHARS = 1_000_000


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
    #: why the clause is not asserted though it has no modal: the hedging verb that governs it
    #: ("fail", "want", "deny", "plan"), a hedging adverb ("allegedly"), "whether", "if", "purpose"
    hedge: str | None = None
    #: the n-ary extraction a minimal fact was split from, as written: subject, relation, object
    #: and every further argument ("Kim met with the officials in Almaty on Monday")
    clause_text: str | None = None

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
    hedge: str | None = None  # see Extraction.hedge; a hedged fact has no direct triple
    construction: str = ""
    time: str | None = None  # a time phrase of the clause, as written ("in 1999", "on Monday")
    place: str | None = None  # entity id of the place phrase of the clause ("in Almaty")
    #: read inside reported speech: the speaker's claim, not the newspaper's (no direct triple)
    reported: bool = False
    attributed_to: str | None = None  # entity id of the speaker of a reported fact, when known
    clause_text: str | None = None  # the n-ary extraction the fact was split from (Extraction.clause_text)


@dataclass(frozen=True)
class Membership:
    """A role someone holds in an organisation (W3C ORG), read from a title or apposition."""

    member: str  # entity id
    organization: str | None  # entity id, when the title names one
    role: str  # "First Deputy Chairman"
    provenance: Provenance
    former: bool = False  # a role held before and no longer ("former chief executive", "stepped down as")


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
class EntityMention:
    """One mention of an entity in an article: a name, a pronoun or a description, with offsets."""

    doc_id: str
    start: int
    end: int
    text: str
    entity: str  # entity id (an article-local key before articles are merged)
    sentence: int = 0
    how: str = ""  # the sieve that linked it: name, title, pronoun, description


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
    #: every resolved mention of an entity, in article and text order
    mentions: tuple[EntityMention, ...] = ()


@dataclass(frozen=True)
class PlannedArticle:
    """An article a build will (re)build, as the first pass over the inputs found it (what
    :func:`graph.corpus.update_store` hands to a distributed build, :mod:`graph.cluster`)."""

    id: str
    content_hash: str
    path: str | None  # Document.path: the file it was read from, or FILE:LINE for JSON Lines
    words: int
    document: Document | None = None  # given as a value, not read from a file: kept as it is


@dataclass(frozen=True)
class PipelineConfig:
    """How articles are read and analysed: the options every stage from reading to resolution
    shares, given once (to :func:`graph.pipeline.analyze_documents`, :func:`graph.corpus.update_store`,
    the Dask workers and :mod:`graph.builder`) instead of one keyword each through every signature.

    The defaults are the library's: the first installed default spaCy model, every registered
    extractor, no gazetteer, one process. ``newsgraph build`` and :func:`graph.build` add the
    bundled gazetteer (:func:`graph.builder.default_gazetteer`).
    """

    model: str | None = None  # spaCy model name; None: the first installed default
    extractors: tuple[str, ...] | None = None  # registered extractor names to run; None: all
    gazetteer: Gazetteer | None = None  # known entities and their aliases; None: none
    processes: int = 1  # worker processes that parse, extract and resolve (each loads the model)
    batch_size: int = 16  # articles handed to ``nlp.pipe`` (and to a worker) at a time
    max_chars: int = MAX_ARTICLE_CHARS  # an article longer than this is refused

    def __post_init__(self) -> None:
        extractors: Iterable[str] | None = self.extractors
        object.__setattr__(self, "extractors", tuple(extractors) if extractors else None)
        for name in ("processes", "batch_size", "max_chars"):
            if getattr(self, name) < 1:
                raise ValueError(f"PipelineConfig.{name} must be at least 1, not {getattr(self, name)}")


#: the library's defaults: default model, every extractor, no gazetteer, one process
DEFAULT_CONFIG = PipelineConfig()
