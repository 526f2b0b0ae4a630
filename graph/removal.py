"""Take articles out of a store so that it holds what a fresh build without them gives.

Dropping an article's named graph takes its assertions, statements, mentions and entity evidence; the corpus
graph (entities, relations, roles, support and supersession records) is then derived again from the articles that
stay (:func:`graph.corpus.write_articles`). That alone is not always what a fresh build gives: entity ids are first
come, first served, so when the removed article was the first to name an entity, or the one that made a name
ambiguous, a build without it gives some entities other ids (``Julia_Underhill`` instead of ``Julia_Underhill~2``)
or merges them otherwise (a bare ``Vasquez`` joins the one ``Hugo Vasquez`` left). So the remaining articles'
entity evidence (``nkg:EntityUse``) is merged again, article by article in the order the store's articles were
built (the store records it: :mod:`graph.rdf.order`), as a fresh build in that order would merge it; the article
graphs whose entities get another id are rewritten: their entity IRIs renamed, and the IRIs hashed over entity ids
(assertions, memberships, entity uses) computed again, and the removed articles leave the recorded order. A store
built before the order was recorded counts as built in order of id; when merging all its articles in that order
does not give the ids they have, the removal keeps every id as it is (exact unless a removed article was the first
to name an entity that another article shares).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from rdflib import Literal

from .corpus import CorpusUpdate, read_entity_uses, write_articles
from .errors import NewsgraphError
from .rdf.model import CORPUS_GRAPH, Line, article_graph_iri
from .rdf.namespaces import DOC, ENT, NKG, ORG, SCHEMA
from .rdf.order import read_build_order
from .rdf.stores import GraphStore
from .resolve import EntityIndex
from .resolve.entities import local_of_use
from .types import EntityUse

__all__ = ["remove_articles", "replay_entities"]

_ENT, _DOC = str(ENT), str(DOC)
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
_ONTOLOGY_LABELS = {f"{ORG}memberOf": "member of", f"{ORG}headOf": "head of"}


def remove_articles(store: GraphStore, ids: Iterable[str]) -> CorpusUpdate:
    """Take the articles ``ids`` out of ``store`` exactly: afterwards it holds what a build of the other articles
    gives. An entity, a relation, a role or a direct triple goes only when no other article supports it; support
    counts and supersessions are derived again. All or nothing: an id the store does not hold raises
    :class:`~graph.errors.NewsgraphError` and changes nothing."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        raise NewsgraphError("no article ids given to remove")
    held = store.article_hashes()
    missing = [doc_id for doc_id in wanted if doc_id not in held]
    if missing:
        where = f" {store.location}" if store.location else ""
        raise NewsgraphError(
            f"the store{where} holds no article {', '.join(map(repr, missing))} "
            f"({len(held)} article(s) there); nothing was removed"
        )
    order = read_build_order(store)
    every = read_entity_uses(store)
    if replay_entities(every, order)[1]:
        # merged in the order they were built, the store's own articles do not get the ids they have (a store
        # changed by something else than newsgraph): keep every id as it is (exact unless a removed article was
        # the first to name an entity another article shares)
        _facts, entities = write_articles(store, (), removing=wanted)
        return CorpusUpdate(removed=tuple(wanted), entities=entities, quads=len(store))
    gone = set(wanted)
    index, renames = replay_entities((use for use in every if use.doc_id not in gone), order)
    rewritten = {doc_id: list(_rewritten_graph(store, doc_id, mapping)) for doc_id, mapping in sorted(renames.items())}
    _facts, entities = write_articles(store, (), removing=wanted, index=index, rewritten=rewritten)
    return CorpusUpdate(removed=tuple(wanted), replaced=tuple(sorted(rewritten)), entities=entities, quads=len(store))


def replay_entities(
    uses: Iterable[EntityUse], order: Sequence[str] = ()
) -> tuple[EntityIndex, dict[str, dict[str, str]]]:
    """Merge the entity evidence again, article by article in build order (``order``; articles not in it after
    those that are, in order of id), as a fresh build in that order would: the index, and for each article whose
    entities get other ids, old id -> new id."""
    by_article: dict[str, list[EntityUse]] = defaultdict(list)
    for use in uses:
        by_article[use.doc_id].append(use)
    position = {doc_id: n for n, doc_id in enumerate(order)}
    index = EntityIndex()
    renames: dict[str, dict[str, str]] = {}
    for doc_id in sorted(by_article, key=lambda d: (position.get(d, len(position)), d)):
        for use in by_article[doc_id]:
            # a gazetteer entity keeps its id; any other is numbered as a fresh build would
            local = local_of_use(use, known_id=use.entity if use.known_label else None)
            new = index.add(doc_id, local)
            if new != use.entity:
                renames.setdefault(doc_id, {})[use.entity] = new
    return index, renames


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _rewritten_graph(store: GraphStore, doc_id: str, mapping: dict[str, str]) -> Iterator[Line]:
    """The article graph of ``doc_id`` with its entities renamed by ``mapping`` (old id -> new id)."""
    graph = article_graph_iri(doc_id)
    rows = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    labels = {
        str(r["p"]): str(r["label"])
        for r in store.select(f"""
        SELECT ?p ?label WHERE {{ GRAPH <{CORPUS_GRAPH}> {{ ?p a owl:ObjectProperty ; rdfs:label ?label }} }}""")
    }
    labels.update(_ONTOLOGY_LABELS)
    roles = {
        str(r["role"]): str(r["label"])
        for r in store.select(f"""
        SELECT ?role ?label WHERE {{ GRAPH <{CORPUS_GRAPH}> {{ ?role a nkg:Role ; skos:prefLabel ?label }} }}""")
    }
    triples = [(str(r["s"]), str(r["p"]), r["o"]) for r in rows]
    use_base = f"{_DOC}{doc_id}/entity/"

    def entity(iri: str) -> str:
        if iri.startswith(_ENT) and iri[len(_ENT) :] in mapping:
            return _ENT + mapping[iri[len(_ENT) :]]
        if iri.startswith(use_base):
            rest = iri[len(use_base) :]
            head, sep, tail = rest.partition("/name/")
            if head in mapping:
                return use_base + mapping[head] + sep + tail
        return iri

    props: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        props[s][p].append(o)
    renamed: dict[str, str] = {}
    for node, values in props.items():
        kinds = {str(t) for t in values.get(_RDF + "type", ())}
        if str(NKG.Assertion) in kinds:
            renamed[node] = _assertion_iri(doc_id, values, props, entity, labels)
        elif f"{ORG}Membership" in kinds:
            member = entity(str(values[f"{ORG}member"][0]))[len(_ENT) :]
            organization = values.get(f"{ORG}organization")
            org = entity(str(organization[0]))[len(_ENT) :] if organization else None
            role = roles.get(str(values[f"{ORG}role"][0]), "")
            renamed[node] = f"{_ENT}membership/{_hash(member, org, role.lower())}"

    def iri(text: str) -> str:
        return f"<{renamed.get(text) or entity(text)}>"

    g = f"<{graph}>"
    for s, p, o in triples:
        yield iri(s), f"<{p}>", o.n3() if isinstance(o, Literal) else iri(str(o)), g


def _assertion_iri(
    doc_id: str,
    values: dict[str, list[Any]],
    props: dict[str, dict[str, list[Any]]],
    entity: Callable[[str], str],
    labels: dict[str, str],
) -> str:
    """An assertion's IRI, hashed as :func:`graph.rdf.terms_nt.assertion_iri` does, over the renamed entities."""
    subject = entity(str(values[_RDF + "subject"][0]))[len(_ENT) :]
    predicate = str(values[_RDF + "predicate"][0])
    label = labels.get(predicate, predicate)
    obj_term = str(values[_RDF + "object"][0])
    sentence = int(str(values[_PROV_DERIVED][0]).rsplit("/", 1)[-1])
    extractor = str(values[str(NKG.extractor)][0])
    start, end = int(values[str(NKG.startOffset)][0]), int(values[str(NKG.endOffset)][0])
    if obj_term.startswith(_ENT):
        obj: str | None = entity(obj_term)[len(_ENT) :]
        value = None
    else:  # a statement: the fact's value is its text
        texts = props.get(obj_term, {}).get(f"{SCHEMA}text")
        obj, value = None, (str(texts[0]) or None) if texts else None
    return f"{_DOC}{doc_id}/assertion/{_hash(sentence, subject, label, obj, value, extractor, start, end)}"
