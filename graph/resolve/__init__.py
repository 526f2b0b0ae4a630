"""Resolution: from extractions with surface mentions to facts between canonical entities.

:func:`resolve_article` works on one parsed article (coreference, naming, relation labels) and
returns plain data with article-local entity keys; :func:`merge_articles` merges articles into a
:class:`~graph.types.KnowledgeGraph` with corpus-wide entity ids through an
:class:`~graph.resolve.entities.EntityIndex`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..types import (
    Document,
    EntityMention,
    Extraction,
    Fact,
    KnowledgeGraph,
    Membership,
    Mention,
    Provenance,
    Sentence,
)
from .coref import ArticleEntities, Resolution
from .entities import EntityIndex, LocalEntity
from .gazetteer import Gazetteer, GazetteerEntry
from .predicates import is_passive_with_agent, relation_label, role_property
from .reported import Attribution
from .uses import entity_uses

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from ..syntax import DocContext

__all__ = [
    "EntityIndex",
    "Gazetteer",
    "GazetteerEntry",
    "ResolvedArticle",
    "article_sentences",
    "merge_article",
    "merge_articles",
    "resolve_article",
]


@dataclass(frozen=True)
class ResolvedArticle:
    """One article after resolution; entity references are article-local keys."""

    document: Document
    sentences: tuple[Sentence, ...]
    entities: tuple[LocalEntity, ...]
    facts: tuple[Fact, ...]
    memberships: tuple[Membership, ...] = ()
    #: ("publisher" | "place", local entity key) from the dateline and source
    article_entities: tuple[tuple[str, str], ...] = ()
    #: every mention resolved to an entity, in text order (entity: the local key)
    mentions: tuple[EntityMention, ...] = ()


def article_sentences(context: DocContext, doc_id: str) -> tuple[Sentence, ...]:
    """The sentences of a parsed article, trimmed of surrounding white space."""
    text = context.text or context.doc.text
    sentences = []
    for number, sent in enumerate(context.sentences):
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        sentences.append(Sentence(doc_id=doc_id, index=number, start=start, end=end, text=text[start:end]))
    return tuple(sentences)


def _provenance(extraction: Extraction) -> Provenance:
    parts = [extraction.relation]
    if extraction.subject.sentence == extraction.sentence:
        parts.append(extraction.subject)  # type: ignore[arg-type]
    if extraction.object is not None and extraction.object.sentence == extraction.sentence:
        parts.append(extraction.object)  # type: ignore[arg-type]
    parts = [p for p in parts if p.tokens] or [extraction.relation]
    return Provenance(
        doc_id=extraction.doc_id,
        sentence=extraction.sentence,
        start=min(p.start for p in parts),
        end=max(p.end for p in parts),
        extractor=extraction.extractor,
        confidence=extraction.confidence,
    )


_TIME_KINDS = ("DATE", "TIME")
_PLACE_KINDS = ("GPE", "LOC", "FAC")


def _circumstances(extraction: Extraction, entities: ArticleEntities, subject: str) -> tuple[str | None, str | None]:
    """The time phrase (text) and place (entity key) among an extraction's extra arguments."""
    time = place = None
    for argument in extraction.arguments:
        if time is None and argument.value.kind in _TIME_KINDS:
            marker = " ".join(entities.doc[i].text for i in argument.marker)
            time = f"{marker} {argument.value.text}".strip()
        elif place is None and argument.value.kind in _PLACE_KINDS and argument.role in ("in", "at", "near", "from"):
            resolved = entities.resolve(argument.value, extraction)
            if resolved.key is not None and resolved.key != subject:
                place = resolved.key
    return time, place


def resolve_article(
    doc: Doc,
    document: Document,
    extractions: Sequence[Extraction],
    context: DocContext,
    *,
    gazetteer: Gazetteer | None = None,
) -> ResolvedArticle:
    """Resolve one article's extractions into facts between article-local entities."""
    entities = ArticleEntities(doc, context, source=document.source, gazetteer=gazetteer)
    entities.link_titles(extractions)
    mentions = entities.resolve_mentions()
    facts: list[Fact] = []
    memberships: list[Membership] = []
    used: Counter[str] = Counter()

    # reported speech: speech.v1's statements replace the clause extractor's for the same verb, and
    # every other extraction inside a statement's content is the speaker's claim
    spoken = {i for e in extractions if e.extractor == "speech.v1" for i in e.relation.tokens}
    extractions = [
        e
        for e in extractions
        if not (e.construction == "reported" and e.extractor != "speech.v1" and spoken.intersection(e.relation.tokens))
    ]
    statements = [e for e in extractions if e.construction == "reported" and e.object is not None]
    # quotations as coreference reads them (also in single marks, and running on past a paragraph)
    in_quote = context.in_quote | entities.anaphora.quotes.in_quote
    attribution = Attribution(context, entities, extractions, statements, in_quote)
    # a person whose title roles.v1 read: the older title rule's membership would repeat it
    role_people = {(e.sentence, e.subject.head) for e in extractions if e.construction == "role"}
    roles_read = any(e.extractor == "roles.v1" for e in extractions)
    for extraction in extractions:
        if extraction.object is None:
            continue  # an intransitive clause is no edge
        if extraction.construction == "title" and (
            roles_read or (extraction.sentence, extraction.subject.head) in role_people
        ):
            continue  # roles.v1 reads every title the older title rule reads, with its organisation
        subject = entities.resolve(extraction.subject, extraction)
        if extraction.construction == "reported" and subject.key is not None:  # "the leader", "the striker" said
            subject = Resolution(attribution.speaker_key(extraction.subject, extraction), subject.how)
        if subject.key is None:
            continue  # an unresolved pronoun never becomes a node
        if extraction.construction == "role" and not entities.is_named(subject.key):
            continue  # a role is held by someone named
        if extraction.construction in ("title", "role") and extraction.object.kind == "ROLE":
            # a role without an organisation ("spokeswoman X"): the title words are no entity (resolving
            # them could even find the person the title is used for, and make a self-loop)
            role = extraction.relation.text if extraction.construction == "role" else extraction.object.text
            if extraction.hedge == "former":
                role = role.removeprefix("former ")  # roles.v1 writes "former chairman": the role is "chairman"
            memberships.append(
                Membership(
                    member=subject.key,
                    organization=None,
                    role=role,
                    provenance=_provenance(extraction),
                    former=extraction.hedge == "former",
                )
            )
            used[subject.key] += 1
            continue
        if extraction.object.kind == "COUNTRY":  # roles.v1: "the Portuguese prime minister" -> Portugal
            obj = Resolution(entities.named_entity(extraction.object.text, "Place"), "name")
        elif extraction.object.kind in ("BODY", "NAMED_ORG"):  # roles.v1: "U.S. Rep. X" -> the U.S. House
            kind = "GovernmentBody" if extraction.object.kind == "BODY" else "Organization"
            obj = Resolution(entities.named_entity(extraction.object.text, kind), "name")
        else:
            obj = entities.resolve(extraction.object, extraction)
        if extraction.construction == "possessive" and not entities.is_named(subject.key):
            continue  # "the headquarters' work": a possessive between concepts is no fact worth a node
        provenance = _provenance(extraction)
        time, place = _circumstances(extraction, entities, subject.key)
        if place is not None:
            used[place] += 1
        reported, speaker_key = attribution.of(extraction)  # the speaker's claim, not the newspaper's
        if speaker_key is not None:
            used[speaker_key] += 1
        common: dict[str, Any] = {
            "reported": reported,
            "attributed_to": speaker_key,
            "provenance": provenance,
            "negated": extraction.negated,
            "modality": extraction.modality,
            "hedge": extraction.hedge,
            "clause_text": extraction.clause_text,
            "construction": extraction.construction,
            "time": time,
            "place": place,
        }
        if obj.how == "clause":
            facts.append(
                Fact(
                    subject=subject.key,
                    predicate=relation_label(extraction),
                    object=None,
                    value=extraction.object.text,
                    subject_text=extraction.subject.text,
                    object_text=extraction.object.text,
                    **common,
                )
            )
            used[subject.key] += 1
            continue
        if obj.key is None or obj.key == subject.key:
            continue
        subject_key, object_key = subject.key, obj.key
        subject_text, object_text = extraction.subject.text, extraction.object.text
        if is_passive_with_agent(extraction):
            subject_key, object_key = object_key, subject_key
            subject_text, object_text = object_text, subject_text
        if extraction.construction in ("title", "role"):
            if extraction.construction == "role":
                role = extraction.relation.text
                if extraction.hedge == "former":
                    role = role.removeprefix("former ")  # the role held before, flagged on the membership
            elif extraction.object.kind == "ROLE":
                role = extraction.object.text  # a bare title: its relation text is only "is"
            else:
                role = extraction.relation.text.removeprefix("is ").removesuffix(" of")
            if extraction.object.kind == "ROLE":
                memberships.append(
                    Membership(
                        member=subject_key,
                        organization=None,
                        role=role,
                        provenance=provenance,
                        former=extraction.hedge == "former",
                    )
                )
                used[subject_key] += 1
                continue
            memberships.append(
                Membership(
                    member=subject_key,
                    organization=object_key,
                    role=role,
                    provenance=provenance,
                    former=extraction.hedge == "former",
                )
            )
            label = "head of" if role_property(role) == "org:headOf" else "member of"
        else:
            label = relation_label(extraction)
        facts.append(
            Fact(
                subject=subject_key,
                predicate=label,
                object=object_key,
                subject_text=subject_text,
                object_text=object_text,
                **common,
            )
        )
        used[subject_key] += 1
        used[object_key] += 1

    facts = _unique(facts)
    # every named entity the article mentions is a node, with or without facts; concepts only with facts
    mentioned: Counter[str] = Counter(resolution.key for _, resolution in mentions if resolution.key)
    for key in mentioned:
        if key not in used and (entities.is_named(key) or mentioned[key] > 1):
            used[key] = 0  # a named entity, or a noun phrase mentioned more than once
    local = [entities.local_entity(key, max(count, mentioned[key])) for key, count in sorted(used.items())]
    article_entities: list[tuple[str, str]] = []
    for role, name, kind in (("publisher", document.source, "NewsAgency"), ("place", document.place, "Place")):
        if name:
            key = entities.named_entity(name, kind)
            article_entities.append((role, key))
            if key not in used:
                local.append(entities.local_entity(key, 0))
    return ResolvedArticle(
        document=document,
        sentences=article_sentences(context, document.id),
        entities=tuple(local),
        facts=tuple(facts),
        memberships=tuple(memberships),
        article_entities=tuple(article_entities),
        mentions=_mentions_of(document.id, mentions, used),
    )


def _mentions_of(
    doc_id: str, mentions: Sequence[tuple[Mention, Resolution]], nodes: Counter[str]
) -> tuple[EntityMention, ...]:
    """The mentions of entities that are nodes, one per span (the first decision for a span wins)."""
    found: dict[tuple[int, int], EntityMention] = {}
    for mention, resolution in mentions:
        if resolution.how == "apposition":
            continue  # inside its name's mention ("Valeska Paris, an Australian woman")
        if resolution.key is not None and resolution.key in nodes and (mention.start, mention.end) not in found:
            found[(mention.start, mention.end)] = EntityMention(
                doc_id, mention.start, mention.end, mention.text, resolution.key, mention.sentence, resolution.how
            )
    return tuple(found.values())


def _fact_key(fact: Fact) -> tuple[object, ...]:
    """What makes two facts of one article the same fact (the surer one of them is kept)."""
    p = fact.provenance
    return (p.sentence, fact.subject, fact.predicate, fact.object, fact.value, fact.negated, fact.modality, fact.hedge)


def _unique(facts: list[Fact]) -> list[Fact]:
    """One fact per sentence and triple (two subjects resolving to one entity), the surest kept."""
    best: dict[tuple, Fact] = {}
    for fact in facts:
        key = _fact_key(fact)
        if key not in best or fact.provenance.confidence > best[key].provenance.confidence:
            best[key] = fact
    return [fact for fact in facts if best[_fact_key(fact)] is fact]


def merge_article(article: ResolvedArticle, index: EntityIndex) -> KnowledgeGraph:
    """One article with corpus-wide entity ids: its entities join ``index`` (the returned graph
    holds the article's facts, sentences and entity uses, not the corpus entities)."""
    ids = {local.key: index.add(article.document.id, local) for local in article.entities}
    facts = tuple(
        replace(
            fact,
            subject=ids[fact.subject],
            object=ids[fact.object] if fact.object is not None else None,
            place=ids[fact.place] if fact.place is not None else None,
            attributed_to=ids[fact.attributed_to] if fact.attributed_to is not None else None,
        )
        for fact in article.facts
    )
    memberships = tuple(
        replace(
            membership,
            member=ids[membership.member],
            organization=ids[membership.organization] if membership.organization else None,
        )
        for membership in article.memberships
    )
    return KnowledgeGraph(
        documents=(article.document,),
        sentences=article.sentences,
        facts=facts,
        memberships=memberships,
        article_entities=tuple((article.document.id, role, ids[key]) for role, key in article.article_entities),
        entity_uses=entity_uses(article.document.id, ids, article.entities),
        mentions=tuple(replace(m, entity=ids[m.entity]) for m in article.mentions),
    )


def merge_articles(articles: Iterable[ResolvedArticle], *, index: EntityIndex | None = None) -> KnowledgeGraph:
    """Merge resolved articles into one knowledge graph with corpus-wide entity ids."""
    index = index if index is not None else EntityIndex()
    parts = [merge_article(article, index) for article in articles]
    return KnowledgeGraph(
        documents=tuple(d for p in parts for d in p.documents),
        sentences=tuple(s for p in parts for s in p.sentences),
        entities=tuple(index.entities()),
        facts=tuple(f for p in parts for f in p.facts),
        memberships=tuple(m for p in parts for m in p.memberships),
        article_entities=tuple(a for p in parts for a in p.article_entities),
        entity_uses=tuple(u for p in parts for u in p.entity_uses),
        mentions=tuple(m for p in parts for m in p.mentions),
    )
