"""Canonical entities: names, types, stable ids, and the index that merges them across articles.

An entity's id is its canonical name made safe for an IRI (``Nursultan Nazarbayev`` ->
``Nursultan_Nazarbayev``); the mapping is injective, so two different names never share an id.
The :class:`EntityIndex` merges the entities of each article into the corpus: same normalised
name and compatible type -> same entity; every other name seen becomes an alias.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ..types import Entity, EntityUse

__all__ = [
    "ENTITY_TYPES",
    "NAMED_TYPES",
    "LocalEntity",
    "EntityIndex",
    "entity_id",
    "normalize_name",
    "clean_name",
    "type_for_label",
    "compatible_types",
    "entity_use",
]

#: ontology classes (local names in ``nkg:``) an entity can have, most specific last
ENTITY_TYPES = (
    "Thing", "Concept", "Person", "Organization", "PoliticalParty", "GovernmentBody", "NewsAgency",
    "Place", "Programme", "Event", "Role", "Group", "CreativeWork", "TimeExpression", "Quantity",
)
NAMED_TYPES = {"Person", "Organization", "PoliticalParty", "GovernmentBody", "NewsAgency", "Place",
               "Programme", "Event", "Group", "CreativeWork"}
_SUPERTYPE = {
    "PoliticalParty": "Organization", "GovernmentBody": "Organization", "NewsAgency": "Organization",
}

_NER_TYPES = {
    "PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place",
    "NORP": "Group", "EVENT": "Event", "LAW": "CreativeWork", "WORK_OF_ART": "CreativeWork",
    "PRODUCT": "CreativeWork", "DATE": "TimeExpression", "TIME": "TimeExpression",
    "MONEY": "Quantity", "PERCENT": "Quantity", "QUANTITY": "Quantity", "CARDINAL": "Quantity",
    "ORDINAL": "Quantity", "LANGUAGE": "Concept",
}


def type_for_label(label: str) -> str:
    """The ontology class for a spaCy NER label (``PERSON`` -> ``Person``)."""
    return _NER_TYPES.get(label, "Concept")


def _base(kind: str) -> str:
    return _SUPERTYPE.get(kind, kind)


def compatible_types(a: str, b: str) -> bool:
    """Whether two entity types may name the same thing (``Organization`` ~ ``PoliticalParty``)."""
    if a == b or "Thing" in (a, b):
        return True
    return _base(a) == _base(b)


def more_specific(a: str, b: str) -> str:
    """Of two compatible types, the more specific (``PoliticalParty`` over ``Organization``)."""
    if a == b:
        return a
    if _base(a) == b or b == "Thing":
        return a
    return b


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_LEADING = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.I)
_POSSESSIVE = re.compile(r"\s*(?:'s|'|\u2019s|\u2019)$")


def clean_name(text: str) -> str:
    """A display name: one space between words, no leading article, no trailing possessive."""
    text = " ".join(text.translate(_QUOTES).split())
    text = _LEADING.sub("", text)
    text = _POSSESSIVE.sub("", text)
    text = text.strip(" ,;:-\"'")
    return text


def normalize_name(text: str) -> str:
    """The comparison key of a name: case, punctuation, hyphens and diacritics folded."""
    text = clean_name(text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("-", " ")
    text = re.sub(r"[^\w\s]", "", text)
    return " ".join(text.split())


def entity_id(name: str) -> str:
    """An IRI-safe id from a canonical name, injective: ``Nur Otan Party`` -> ``Nur_Otan_Party``.

    Letters and digits of any script, ``-`` and ``.`` stay (IRIs allow Unicode); ``_`` and every
    other character is percent-encoded, then spaces become ``_``.
    """
    out: list[str] = []
    for char in " ".join(name.split()):
        if char == " ":
            out.append("_")
        elif (char.isalnum() and char.isprintable() and unicodedata.category(char)[0] in "LN") or char in "-.":
            out.append(char)
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8"))
    result = "".join(out) or "unnamed"
    if result[0] in "-.":
        result = "%" + f"{ord(result[0]):02X}" + result[1:]
    return result


@dataclass
class LocalEntity:
    """An entity as one article knows it: its names, type and how often it was mentioned."""

    key: str  # unique within the article
    label: str  # best name in the article
    type: str
    names: Counter[str] = field(default_factory=Counter)  # every surface name -> count
    mentions: int = 0
    named: bool = True  # a proper name, not a concept phrase
    known_id: str | None = None  # the gazetteer's id when the gazetteer knows this entity
    known_label: str | None = None


class EntityIndex:
    """Merges the entities of many articles into canonical corpus entities.

    ``add(doc_id, local)`` returns the canonical id. Names are compared by :func:`normalize_name`;
    a name already known with a compatible type joins that entity. Ids never change once given:
    the first name an entity was known by is kept as its id, a better label only changes
    ``skos:prefLabel``.
    """

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], str] = {}  # (normalised name, base type) -> id
        self._entities: dict[str, _Accumulator] = {}

    def __len__(self) -> int:
        return len(self._entities)

    def add(self, doc_id: str, local: LocalEntity) -> str:
        base = "Concept" if not local.named else _base(local.type)
        keys = [(normalize_name(name), base) for name in [local.label, *local.names]]
        keys = [k for k in keys if k[0]]
        found = local.known_id if local.known_id in self._entities else None
        if found is None:
            found = next((self._by_key[k] for k in keys if k in self._by_key), None)
        if found is None:
            found = local.known_id or self._new_id(local.label)
            self._entities[found] = _Accumulator(found)
        for key in keys:
            self._by_key.setdefault(key, found)
        self._entities[found].update(doc_id, local)
        return found

    def _new_id(self, label: str) -> str:
        candidate = entity_id(clean_name(label) or label)
        if candidate not in self._entities:
            return candidate
        number = 2
        while f"{candidate}_{number}" in self._entities:
            number += 1
        return f"{candidate}_{number}"

    def entities(self) -> list[Entity]:
        """All entities, sorted by id."""
        return [self._entities[key].entity() for key in sorted(self._entities)]

    def restore(self, use: EntityUse) -> None:
        """Replay one article's share of an entity merged before (read back from a store).

        The entity keeps the id it was given; its names become known for matching, as
        :meth:`add` would have made them, so new articles merge with it.
        """
        local = LocalEntity(key=use.entity, label=use.label, type=use.type, names=Counter(dict(use.names)),
                            mentions=use.mentions, named=use.named, known_id=use.entity,
                            known_label=use.known_label)
        base = "Concept" if not local.named else _base(local.type)
        if use.entity not in self._entities:
            self._entities[use.entity] = _Accumulator(use.entity)
        for name in [local.label, *local.names]:
            key = (normalize_name(name), base)
            if key[0]:
                self._by_key.setdefault(key, use.entity)
        self._entities[use.entity].update(use.doc_id, local)


def entity_use(doc_id: str, entity: str, local: LocalEntity) -> EntityUse:
    """One article's share of a corpus entity, as plain data (see :meth:`EntityIndex.restore`)."""
    return EntityUse(doc_id=doc_id, entity=entity, label=local.label, type=local.type,
                     names=tuple(sorted(local.names.items())), mentions=local.mentions, named=local.named,
                     known_label=local.known_label)


class _Accumulator:
    def __init__(self, entity_id_: str) -> None:
        self.id = entity_id_
        self.names: Counter[str] = Counter()
        self.types: Counter[str] = Counter()
        self.mentions = 0
        self.documents: set[str] = set()
        self.preferred: str | None = None

    def update(self, doc_id: str, local: LocalEntity) -> None:
        for name, count in local.names.items():
            self.names[clean_name(name)] += count
        self.names[clean_name(local.label)] += 0
        if local.known_label:
            self.preferred = local.known_label
        self.types[local.type] += max(1, local.mentions)
        self.mentions += local.mentions
        self.documents.add(doc_id)

    def entity(self) -> Entity:
        names = [n for n in self.names if n]
        label = self.preferred or (max(names, key=lambda n: (_name_quality(n), self.names[n], n)) if names else self.id)
        kind = _best_type(self.types)
        aliases = tuple(sorted(n for n in names if n != label))
        return Entity(id=self.id, label=label, type=kind, aliases=aliases, mentions=self.mentions,
                      documents=tuple(sorted(self.documents)))


def _name_quality(name: str) -> tuple[int, int]:
    words = name.split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return (min(capitalised, 4), -abs(len(words) - 3))


def _best_type(types: Counter[str]) -> str:
    if not types:
        return "Thing"
    ranked = sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))
    best = ranked[0][0]
    for other, _ in ranked[1:]:
        if compatible_types(best, other):
            best = more_specific(best, other)
    return best
