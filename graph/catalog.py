"""The entity catalogue of a built graph: each entity with its type, names and where it occurs.

``newsgraph entities GRAPH`` prints it; every alias comes with the reason it was merged
(:func:`graph.resolve.alias_reasons.explain_alias`), so merges can be checked by eye.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph

from .lexicon import ROLE_NOUNS
from .queries import run_query
from .resolve.alias_reasons import explain_alias

__all__ = ["ENTITY_COLUMNS", "EntityRecord", "entity_dicts", "format_entities", "list_entities"]

_QUERY = """
SELECT ?entity ?label ?type ?alias ?mentions ?article WHERE {
  ?entity a nkg:Entity ; skos:prefLabel ?label .
  OPTIONAL { ?entity a ?type . FILTER(STRSTARTS(STR(?type), STR(nkg:)) && ?type != nkg:Entity) }
  OPTIONAL { ?entity skos:altLabel ?alias }
  OPTIONAL { ?entity nkg:mentionCount ?mentions }
  OPTIONAL { ?entity nkg:mentionedIn/schema:identifier ?article }
}"""
#: each entity's direct triples (nkg:Support records) and the articles behind each
_SUPPORT_QUERY = """
SELECT ?entity ?record ?support WHERE {
  ?record a nkg:Support ; nkg:support ?support .
  { ?record rdf:subject ?entity } UNION { ?record rdf:object ?entity }
}"""
_SPECIFIC_FIRST = (
    "PoliticalParty",
    "GovernmentBody",
    "NewsAgency",
    "Programme",
    "Person",
    "Place",
    "Event",
    "Organization",
    "Group",
    "CreativeWork",
    "Product",
    "Role",
    "TimeExpression",
    "Quantity",
    "Concept",
    "Thing",
)


@dataclass(frozen=True)
class EntityRecord:
    id: str
    label: str
    type: str
    aliases: tuple[tuple[str, str], ...]  # (alias, why it was merged)
    mentions: int
    articles: tuple[str, ...]
    facts: int = 0  # direct triples it is the subject or object of
    support: int = 0  # the most articles asserting any one of them


#: the columns of ``newsgraph entities --format csv``
ENTITY_COLUMNS = ("id", "label", "type", "mentions", "articles", "aliases", "facts", "support")


def list_entities(graph: Graph, *, include_concepts: bool = False, types: Iterable[str] = ()) -> list[EntityRecord]:
    """Every entity of ``graph``, most mentioned first (named entities only unless asked; only
    those of ``types``, compared without case, if any are given)."""
    rows: dict[str, dict] = defaultdict(lambda: {"types": set(), "aliases": set(), "articles": set(), "mentions": 0})
    for row in run_query(graph, _QUERY):
        record = rows[row["entity"]]
        record["label"] = row["label"]
        if row["type"]:
            record["types"].add(row["type"].rsplit("#", 1)[-1])
        if row["alias"]:
            record["aliases"].add(row["alias"])
        if row["article"]:
            record["articles"].add(row["article"])
        if row["mentions"] is not None:
            record["mentions"] = int(row["mentions"])
    facts: dict[str, set[str]] = defaultdict(set)
    support: dict[str, int] = defaultdict(int)
    for row in run_query(graph, _SUPPORT_QUERY):
        facts[row["entity"]].add(row["record"])
        support[row["entity"]] = max(support[row["entity"]], int(row["support"]))
    records = []
    for iri, record in rows.items():
        kind = next((t for t in _SPECIFIC_FIRST if t in record["types"]), "Thing")
        if not include_concepts and kind in ("Concept", "TimeExpression", "Quantity"):
            continue
        aliases = tuple((alias, _why(record["label"], alias, kind)) for alias in sorted(record["aliases"]))
        records.append(
            EntityRecord(
                id=iri,
                label=record["label"],
                type=kind,
                aliases=aliases,
                mentions=record["mentions"],
                articles=tuple(sorted(record["articles"])),
                facts=len(facts.get(iri, ())),
                support=support.get(iri, 0),
            )
        )
    wanted = {kind.casefold() for kind in types}
    if wanted:
        records = [record for record in records if record.type.casefold() in wanted]
    records.sort(key=lambda r: (-r.mentions, r.label))
    return records


def entity_dicts(records: Iterable[EntityRecord], *, flat: bool = False) -> list[dict[str, object]]:
    """Entities as plain records (``newsgraph entities --format json``): each alias with why it
    was merged, ``{"alias", "why"}``, or, ``flat`` (for a CSV cell), as ``alias (why)``."""
    return [
        {
            "id": r.id,
            "label": r.label,
            "type": r.type,
            "mentions": r.mentions,
            "articles": list(r.articles),
            "aliases": [f"{a} ({w})" if flat else {"alias": a, "why": w} for a, w in r.aliases],
            "facts": r.facts,
            "support": r.support,
        }
        for r in records
    ]


def _why(label: str, alias: str, kind: str) -> str:
    reason = explain_alias(label, alias)
    if not reason.startswith("coreference"):
        return reason
    if kind == "Programme":
        return "English gloss in brackets after the name"
    if any(word in ROLE_NOUNS for word in alias.lower().split()):
        return "title used as a name (apposition, predicate or subject in the article)"
    return "same entity in the gazetteer, or an apposition in the article"


def format_entities(records: list[EntityRecord]) -> str:
    """A readable listing: one block per entity."""
    lines = []
    for record in records:
        articles = ", ".join(record.articles[:6]) + (" …" if len(record.articles) > 6 else "")
        lines.append(
            f"{record.label}  [{record.type}]  {record.mentions} mention(s) in {len(record.articles)} "
            f"article(s): {articles}; {record.facts} fact(s), the best supported by {record.support} "
            "article(s)"
        )
        for alias, why in record.aliases:
            lines.append(f"    also \u201c{alias}\u201d \u2014 {why}")
    lines.append(f"({len(records)} entities)")
    return "\n".join(lines) + "\n"
