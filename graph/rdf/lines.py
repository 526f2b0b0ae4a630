"""Each record of the model as N-Triples lines: articles, sentences, facts (direct triples, statements and
``nkg:Assertion``), their times, memberships, roles, entity uses, mentions, corpus entities and relations.

:mod:`graph.rdf.model` strings these together into the article graphs and the corpus graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..dates import TimeValue, normalise_time
from ..resolve.entities import entity_id
from ..types import Document, Entity, EntityMention, EntityUse, Fact, Membership, Sentence
from .namespaces import ENT, REL
from .terms_nt import (
    _CLASSES,
    _CORPUS,
    _DOC,
    _FALSE,
    _N,
    _O,
    _S,
    _T,
    _TRUE,
    _XSD,
    ENTITY_CLASSES,
    Line,
    _article,
    _assertion_text,
    _date_literal,
    _decimal,
    _entity,
    _graph,
    _hash,
    _i,
    _int,
    _l,
    _relation,
    _sentence,
    _statement_text,
    relation_iri,
    role_iri,
)

__all__ = ["fact_time"]


def _article_lines(document: Document, links: dict[str, str]) -> Iterator[Line]:
    g = _graph(document.id)
    a = _article(document.id)
    yield a, _T["type"], _S["NewsArticle"], g
    yield a, _S["identifier"], _l(document.id), g
    yield a, _N["contentHash"], _l(document.content_hash), g
    if document.title:
        yield a, _S["headline"], _l(document.title), g
    if document.published:
        yield a, _S["datePublished"], _date_literal(document.published), g
    if document.url:
        yield a, _S["url"], _l(document.url, datatype=_XSD["anyURI"]), g
    if document.path:
        yield a, _N["sourceFile"], _l(document.path), g
    if "publisher" in links:
        yield a, _S["publisher"], _entity(links["publisher"]), g
    if "place" in links:
        yield a, _N["datelinePlace"], _entity(links["place"]), g


def _sentence_lines(sentence: Sentence) -> Iterator[Line]:
    g = _graph(sentence.doc_id)
    s = _sentence(sentence.doc_id, sentence.index)
    yield s, _T["type"], _N["Sentence"], g
    yield s, _S["isPartOf"], _article(sentence.doc_id), g
    yield s, _N["sentenceIndex"], _int(sentence.index), g
    yield s, _N["startOffset"], _int(sentence.start), g
    yield s, _N["endOffset"], _int(sentence.end), g
    yield s, _S["text"], _l(sentence.text), g


def _fact_lines(fact: Fact) -> Iterator[Line]:
    p = fact.provenance
    g = _graph(p.doc_id)
    subject = _entity(fact.subject)
    predicate = _relation(fact.predicate)
    sentence = _sentence(p.doc_id, p.sentence)
    if fact.object is not None:
        obj = _entity(fact.object)
    else:
        obj = _i(_statement_text(fact))
        yield obj, _T["type"], _N["Statement"], g
        yield obj, _S["text"], _l(fact.value or ""), g
        yield obj, _T["derived"], sentence, g
    if not fact.negated and not fact.modality and not fact.hedge and not fact.reported:
        yield subject, predicate, obj, g  # reported speech is the speaker's claim: no direct triple
    a = _i(_assertion_text(fact))
    yield a, _T["type"], _N["Assertion"], g
    yield a, _T["subject"], subject, g
    yield a, _T["predicate"], predicate, g
    yield a, _T["object"], obj, g
    yield a, _T["derived"], sentence, g
    yield a, _N["extractor"], _l(p.extractor), g
    yield a, _N["confidence"], _decimal(p.confidence), g
    yield a, _N["startOffset"], _int(p.start), g
    yield a, _N["endOffset"], _int(p.end), g
    if fact.construction:
        yield a, _N["construction"], _l(fact.construction), g
    if fact.subject_text:
        yield a, _N["subjectText"], _l(fact.subject_text), g
    if fact.object_text:
        yield a, _N["objectText"], _l(fact.object_text), g
    if fact.clause_text:
        yield a, _N["clauseText"], _l(fact.clause_text), g
    if fact.negated:
        yield a, _N["negated"], _TRUE, g
    if fact.modality:
        yield a, _N["modality"], _l(fact.modality), g
    if fact.hedge:
        yield a, _N["hedge"], _l(fact.hedge), g
    if fact.time:
        yield a, _N["timeText"], _l(fact.time), g
    if fact.place:
        yield a, _N["place"], _entity(fact.place), g
    if fact.reported:
        yield a, _N["reported"], _TRUE, g
        if fact.attributed_to:
            yield a, _N["attributedTo"], _entity(fact.attributed_to), g


def _membership_lines(membership: Membership) -> Iterator[Line]:
    p = membership.provenance
    g = _graph(p.doc_id)
    m = _i(ENT["membership/" + _hash(membership.member, membership.organization, membership.role.lower())])
    yield m, _T["type"], _O["Membership"], g
    yield m, _O["member"], _entity(membership.member), g
    if membership.organization:
        yield m, _O["organization"], _entity(membership.organization), g
    yield m, _O["role"], _i(role_iri(membership.role)), g
    if membership.former:
        yield m, _N["former"], _TRUE, g
    yield m, _T["derived"], _sentence(p.doc_id, p.sentence), g


def _role_lines(role: str) -> Iterator[Line]:
    r = _i(role_iri(role))
    yield r, _T["type"], _N["Role"], _CORPUS
    yield r, _T["type"], _O["Role"], _CORPUS
    yield r, _T["prefLabel"], _l(role, lang="en"), _CORPUS


def _entity_use_lines(use: EntityUse) -> Iterator[Line]:
    g = _graph(use.doc_id)
    base = f"{_DOC}{use.doc_id}/entity/{use.entity}"  # entity_use_iri, as text
    u = _i(base)
    yield u, _T["type"], _N["EntityUse"], g
    yield u, _T["specializationOf"], _entity(use.entity), g
    yield u, _S["isPartOf"], _article(use.doc_id), g
    yield u, _N["entityClass"], _N[use.type] if use.type in ENTITY_CLASSES else _N["Thing"], g
    yield u, _N["mentionCount"], _int(use.mentions), g
    yield u, _N["named"], _TRUE if use.named else _FALSE, g
    if use.known_label:
        yield u, _N["gazetteerLabel"], _l(use.known_label), g
    names: dict[str, tuple[str, int]] = {}  # name key -> (name, count); spellings that differ only in space are one
    for name, count in sorted((*use.names, (use.label, 0))):
        key = entity_id(name)
        first, total = names.get(key, (name, 0))
        names[key] = (first, total + count)
    label_key = entity_id(use.label)
    for key, (name, count) in sorted(names.items()):
        n = f"<{base}/name/{key}>"
        yield u, _T["xlPref"] if key == label_key else _T["xlAlt"], n, g
        yield n, _T["type"], _T["xlLabel"], g
        yield n, _T["literalForm"], _l(name), g
        yield n, _N["mentionCount"], _int(count), g


def _entity_lines(entity: Entity) -> Iterator[Line]:
    e = _entity(entity.id)
    yield e, _T["type"], _N["Entity"], _CORPUS
    for cls in _CLASSES.get(entity.type, (_N["Thing"],)):
        yield e, _T["type"], cls, _CORPUS
    label = _l(entity.label)
    yield e, _T["prefLabel"], label, _CORPUS
    yield e, _T["label"], label, _CORPUS
    for alias in entity.aliases:
        yield e, _T["altLabel"], _l(alias), _CORPUS
    yield e, _N["mentionCount"], _int(entity.mentions), _CORPUS
    for doc_id in entity.documents:
        yield e, _N["mentionedIn"], _article(doc_id), _CORPUS


def _relation_lines(label: str) -> Iterator[Line]:
    iri = relation_iri(label)
    if not str(iri).startswith(str(REL)):
        return
    r = _i(iri)
    yield r, _T["type"], _T["ObjectProperty"], _CORPUS
    yield r, _T["label"], _l(label, lang="en"), _CORPUS
    yield r, _T["subPropertyOf"], _N["relatedTo"], _CORPUS


def _mention_lines(mention: EntityMention) -> Iterator[Line]:
    """A mention of an entity: its span in the article, text, entity and the sieve that linked it."""
    g = _graph(mention.doc_id)
    m = _i(f"{_DOC}{mention.doc_id}/mention/{mention.start}-{mention.end}")
    yield m, _T["type"], _N["Mention"], g
    yield m, _S["isPartOf"], _article(mention.doc_id), g
    yield m, _N["refersTo"], _entity(mention.entity), g
    yield m, _N["startOffset"], _int(mention.start), g
    yield m, _N["endOffset"], _int(mention.end), g
    yield m, _S["text"], _l(mention.text), g
    yield m, _T["derived"], _sentence(mention.doc_id, mention.sentence), g
    if mention.how:
        yield m, _N["resolvedBy"], _l(mention.how), g


# -- time and support (issue 16): each assertion carries its article's date and the normalised time of its
# clause; the corpus graph holds one nkg:Support record per direct triple, derived from the assertions of every
# article graph (like the corpus entities from nkg:EntityUse), so incremental builds and removals keep it exact.

_FUTURE_MODALS = {"will", "shall", "would", "be going to", "going to"}


def fact_time(fact: Fact, published: date | None) -> TimeValue | None:
    """The normalised time of a fact's time phrase, read against its article's publication day."""
    if not fact.time:
        return None
    tense = "future" if (fact.modality or "").lower() in _FUTURE_MODALS else "past"
    return normalise_time(fact.time, published, tense)  # type: ignore[arg-type]


def _fact_time_lines(fact: Fact, published: date | None) -> Iterator[Line]:
    """``nkg:reportedOn`` (the article's day) and, where the clause says when, ``nkg:time`` (an ``xsd:date``,
    ``xsd:gYearMonth`` or ``xsd:gYear``; an ISO 8601 interval string otherwise), ``nkg:timeStart`` and
    ``nkg:timeEnd`` (``xsd:date``, the closed sides of the interval). The phrase as written is ``nkg:timeText``."""
    g = _graph(fact.provenance.doc_id)
    a = _i(_assertion_text(fact))
    if published is not None:
        yield a, _N["reportedOn"], _l(published.isoformat(), datatype=_XSD["date"]), g
    value = fact_time(fact, published)
    if value is None:
        return
    yield a, _N["time"], _l(value.iso, datatype=value.xsd_datatype) if value.xsd_datatype else _l(value.iso), g
    if not value.open_start:
        yield a, _N["timeStart"], _l(value.start.isoformat(), datatype=_XSD["date"]), g
    if not value.open_end:
        yield a, _N["timeEnd"], _l(value.end.isoformat(), datatype=_XSD["date"]), g
