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
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..types import Entity, EntityUse
from .name_words import PLACE_PART_WORDS, is_plural_short_form

__all__ = [
    "ENTITY_TYPES",
    "NAMED_TYPES",
    "EntityIndex",
    "LocalEntity",
    "acronym_of",
    "clean_name",
    "compatible_types",
    "entity_id",
    "is_acronym",
    "is_short_form",
    "local_of_use",
    "normalize_name",
    "transliteration_key",
    "type_for_label",
]

#: ontology classes (local names in ``nkg:``) an entity can have, most specific last
ENTITY_TYPES = (
    "Thing",
    "Concept",
    "Person",
    "Organization",
    "PoliticalParty",
    "GovernmentBody",
    "NewsAgency",
    "Place",
    "Programme",
    "Event",
    "Role",
    "Group",
    "CreativeWork",
    "Product",
    "TimeExpression",
    "Quantity",
)
NAMED_TYPES = {
    "Person",
    "Organization",
    "PoliticalParty",
    "GovernmentBody",
    "NewsAgency",
    "Place",
    "Programme",
    "Event",
    "Group",
    "CreativeWork",
    "Product",
}
_SUPERTYPE = {
    "PoliticalParty": "Organization",
    "GovernmentBody": "Organization",
    "NewsAgency": "Organization",
}

_NER_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "NORP": "Group",
    "EVENT": "Event",
    "LAW": "CreativeWork",
    "WORK_OF_ART": "CreativeWork",
    "PRODUCT": "Product",
    "DATE": "TimeExpression",
    "TIME": "TimeExpression",
    "MONEY": "Quantity",
    "PERCENT": "Quantity",
    "QUANTITY": "Quantity",
    "CARDINAL": "Quantity",
    "ORDINAL": "Quantity",
    "LANGUAGE": "Concept",
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


@lru_cache(maxsize=200_000)
def clean_name(text: str) -> str:
    """A display name: one space between words, no leading article, no trailing possessive."""
    text = " ".join(text.translate(_QUOTES).split())
    text = _LEADING.sub("", text)
    text = _POSSESSIVE.sub("", text)
    text = text.strip(" ,;:-\"'")
    return text


@lru_cache(maxsize=200_000)
def normalize_name(text: str) -> str:
    """The comparison key of a name: case, punctuation, hyphens and diacritics folded."""
    text = clean_name(text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("-", " ")
    text = re.sub(r"[^\w\s]", "", text)
    return " ".join(text.split())


# transliteration: spellings of Kazakh and Russian names in Latin script that differ only in
# how a sound is written (Nazarbayev / Nazarbaev, Tokayev / Tokaev / Toqaev, Zhomart / Jomart)
_TRANSLIT_RULES: tuple[tuple[str, str], ...] = (
    ("dzh", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("q", "k"),
    ("ck", "k"),
    ("w", "v"),
    ("ph", "f"),
    ("ts", "c"),
    ("tz", "c"),
    ("iy", "i"),
    ("yy", "i"),
    ("ij", "i"),
    ("ye", "e"),
    ("yo", "o"),
    ("yu", "u"),
    ("ya", "a"),
    ("ey", "ei"),
    ("ay", "ai"),
    ("oy", "oi"),
    ("uy", "ui"),
)
_DOUBLE = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=200_000)
def transliteration_key(name: str) -> str:
    """A key under which Latin spellings of one Kazakh/Russian name agree.

    >>> transliteration_key("Nazarbayev") == transliteration_key("Nazarbaev")
    True
    >>> transliteration_key("Tokayev") == transliteration_key("Toqaev")
    True
    """
    words = []
    for word in normalize_name(name).split():
        for source, target in _TRANSLIT_RULES:
            word = word.replace(source, target)
        word = word.replace("aie", "ae").replace("aye", "ae")
        words.append(_DOUBLE.sub(r"\1", word))
    return " ".join(words)


_ACRONYM_SKIP = {"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "&", "de", "la", "du"}


def acronym_of(name: str) -> str | None:
    """The initials of a multi-word name (``North Atlantic Treaty Organization`` -> ``NATO``)."""
    words = [w for w in re.split(r"[\s\-]+", clean_name(name)) if w and w.lower() not in _ACRONYM_SKIP]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).upper()


def is_acronym(name: str) -> bool:
    text = clean_name(name).replace(".", "")
    return 2 <= len(text) <= 8 and text.isalpha() and text.isupper()


#: :data:`.name_words.PLACE_PART_WORDS` as transliteration keys ("new" is "nev")
_PLACE_PART_KEYS = frozenset(transliteration_key(w) for w in PLACE_PART_WORDS)


def is_short_form(short: str, long: str, *, person: bool) -> bool:
    """Whether ``short`` names the same thing as the longer ``long`` (by transliteration keys).

    A person: the surname, the first word alone, or an ordered subset ending in the surname (``Nazarbayev``,
    ``Nursultan Nazarbayev`` for ``Nursultan Abishuly Nazarbayev``). An organisation or place: a
    prefix or the final words (``Nur Otan`` / ``Party`` for ``Nur Otan Party``).
    """
    a, b = transliteration_key(short).split(), transliteration_key(long).split()
    if not a or len(a) >= len(b):
        return False
    if is_plural_short_form(a, b):
        return True  # "Liberals" of "Liberal Party", "X5s" of "Velo X5"
    if person:
        if len(a) == 1 and a[0] == b[0] and len(a[0]) > 1:
            return True  # the first word alone: a first name, or a surname written first ("Chung Eui-yong")
        # every word of the short form is in the long one, an initial ("K. Tokayev") standing for
        # a first name with that letter; the surnames agree
        return a[-1] == b[-1] and all(w in b or (len(w) == 1 and any(x.startswith(w) for x in b[:-1])) for w in a)
    if b[-len(a) :] == a and b[0] in _PLACE_PART_KEYS:
        return False  # "Africa" is no short form of "South Africa", nor "York" of "New York"
    return b[: len(a)] == a or b[-len(a) :] == a


def _other_full_name(name: str, names: Iterable[str]) -> bool:
    """Whether a person's full ``name`` ("Judy Vale") differs from a full name the entity already has
    ("Tom Vale"): the surname alone, known from the first, must not join two relatives into one."""
    words = transliteration_key(name).split()
    if len(words) < 2:
        return False
    for other in names:
        other_words = transliteration_key(other).split()
        if len(other_words) < 2 or other_words == words:
            continue
        if not (is_short_form(name, other, person=True) or is_short_form(other, name, person=True)):
            return True
    return False


@lru_cache(maxsize=200_000)
def entity_id(name: str) -> str:
    """An IRI-safe id from a canonical name, injective: ``Nur Otan Party`` -> ``Nur_Otan_Party``.

    Letters and digits of any script, ``-`` and ``.`` stay (IRIs allow Unicode); ``_`` and every
    other character is percent-encoded, then spaces become ``_``. A leading ``-`` or ``.`` and a
    final ``.`` are percent-encoded too: Turtle writes a prefixed name's final dot as ``\\.``
    (``ent:Acme_Inc\\.``), which rdflib cannot read back.
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
    if result.endswith("."):
        result = result[:-1] + "%2E"
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

    ``add(doc_id, local)`` returns the canonical id. An article's entity joins a corpus entity
    when, with a compatible type:

    1. the gazetteer gives both the same id;
    2. one of its names equals one of the entity's names after :func:`normalize_name`;
    3. a name is a transliteration variant (:func:`transliteration_key`) of one of its names;
    4. it is an acronym of the entity's name, or the reverse (organisations);
    5. it is only a surname (or a shorter form) of exactly one known person; when two known people
       share the surname the short name stays a separate entity rather than guess.

    Concepts (noun phrases) merge only on the same normalised phrase. Ids never change once
    given: the first name an entity was known by gives its id, a better label later only changes
    its ``skos:prefLabel``. Two different names never get the same id.
    """

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], str] = {}  # (normalised name, base type) -> id
        self._by_name: dict[str, str] = {}  # normalised name -> id of the first entity of any type with it
        self._by_translit: dict[tuple[str, str], str] = {}  # (transliteration key, base type) -> id
        self._by_acronym: dict[str, str] = {}  # organisation acronym -> id
        self._by_last_word: dict[tuple[str, str], set[str]] = {}  # (last word key, base) -> ids
        self._entities: dict[str, _Accumulator] = {}

    def __len__(self) -> int:
        return len(self._entities)

    def add(self, doc_id: str, local: LocalEntity) -> str:
        found = self.find(local)
        if found is None:
            found = local.known_id or self._new_id(local.label)
            self._entities[found] = _Accumulator(found, named=local.named)
        self._remember(found, local)
        self._entities[found].update(doc_id, local)
        return found

    def find(self, local: LocalEntity) -> str | None:
        """The id of the corpus entity ``local`` is, or None for a new one."""
        if local.known_id and local.known_id in self._entities:
            return local.known_id
        base = "Concept" if not local.named else _base(local.type)
        names = [n for n in dict.fromkeys([local.label, *_identifying(local)]) if normalize_name(n)]
        for name in names:
            found = self._by_key.get((normalize_name(name), base)) or self._by_key.get((normalize_name(name), "Thing"))
            if found is not None:
                return found
        if not local.named:
            return None
        if base == "Thing":  # a name of unknown kind joins a known name of any kind
            for name in names:
                found = self._by_name.get(normalize_name(name))
                if found is not None:
                    return found
        for name in names:
            found = self._by_translit.get((transliteration_key(name), base))
            if found is not None:
                return found
        if base in ("Organization", "Thing"):
            # initials alone: two letters ("UD") fit too many names, so they join only an entity
            # of the very same class ("AP" and "Associated Press", news agencies both; a department
            # "Utilities/Community Development" is no "University of Delaware")
            for name in names:
                letters = clean_name(name).replace(".", "")
                if is_acronym(name) and letters in self._by_acronym:
                    found = self._by_acronym[letters]
                    if len(letters) >= 3 or self._same_class(found, local.type):
                        return found
                acronym = acronym_of(name)
                if acronym and (acronym.lower(), base) in self._by_key:
                    found = self._by_key[(acronym.lower(), base)]
                    if len(acronym) >= 3 or self._same_class(found, local.type):
                        return found
        if base in ("Person", "Organization", "Place"):
            for name in sorted(names, key=lambda n: -len(n.split())):
                words = transliteration_key(name).split()
                if not words:
                    continue
                candidates = [
                    c
                    for c in self._by_last_word.get((words[-1 if base == "Person" else 0], base), set())
                    if any(
                        is_short_form(name, other, person=base == "Person")
                        or is_short_form(other, name, person=base == "Person")
                        for other in self._entities[c].names
                    )
                    and not (base == "Person" and _other_full_name(name, self._entities[c].names))
                ]
                if len(candidates) == 1:
                    return candidates[0]
        return None

    def _same_class(self, found: str, kind: str) -> bool:
        """Whether an entity's class is ``kind`` itself, more specific than its base class."""
        return kind != _base(kind) and _best_type(self._entities[found].types) == kind

    def _remember(self, found: str, local: LocalEntity) -> None:
        base = "Concept" if not local.named else _base(local.type)
        for name in [local.label, *_identifying(local)]:
            key = normalize_name(name)
            if not key:
                continue
            self._by_key.setdefault((key, base), found)
            self._by_name.setdefault(key, found)
            if not local.named:
                continue
            self._by_translit.setdefault((transliteration_key(name), base), found)
            words = transliteration_key(name).split()
            self._by_last_word.setdefault((words[-1 if base == "Person" else 0], base), set()).add(found)
            acronym = acronym_of(name)
            if base in ("Organization",) and acronym and len(acronym) >= 2:
                self._by_acronym.setdefault(acronym, found)

    def _new_id(self, label: str) -> str:
        candidate = entity_id(clean_name(label) or label)
        if candidate not in self._entities:
            return candidate
        number = 2
        while f"{candidate}~{number}" in self._entities:  # "~" never occurs in a minted id
            number += 1
        return f"{candidate}~{number}"

    def entities(self) -> list[Entity]:
        """All entities, sorted by id."""
        return [self._entities[key].entity() for key in sorted(self._entities)]

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (KeyError if there is none)."""
        return self._entities[entity_id].entity()

    def restore(self, use: EntityUse) -> None:
        """Replay one article's share of an entity merged before (read back from a store).

        The entity keeps the id it was given; its names become known for matching, as
        :meth:`add` would have made them, so new articles merge with it.
        """
        local = local_of_use(use, known_id=use.entity)
        if use.entity not in self._entities:
            self._entities[use.entity] = _Accumulator(use.entity, named=use.named)
        self._remember(use.entity, local)
        self._entities[use.entity].update(use.doc_id, local)


def local_of_use(use: EntityUse, *, known_id: str | None) -> LocalEntity:
    """The article-local entity an :class:`EntityUse` was made from (:func:`entity_use` read back),
    with ``known_id`` the corpus id it must keep, if any."""
    return LocalEntity(
        key=use.entity,
        label=use.label,
        type=use.type,
        names=Counter(dict(use.names)),
        mentions=use.mentions,
        named=use.named,
        known_id=known_id,
        known_label=use.known_label,
    )


def _identifying(local: LocalEntity) -> list[str]:
    """The names an entity can be matched by: those the article used. An alias it only saw (a
    title standing for the person, a translation in brackets, "the X party") never is: the
    President of one article must not merge with the President of another."""
    return [name for name, count in local.names.items() if count > 0]


class _Accumulator:
    def __init__(self, entity_id_: str, *, named: bool = True) -> None:
        self.id = entity_id_
        self.named = named
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
        label = self.preferred or (
            max(names, key=lambda n: (self.names[n] > 0, _name_quality(n), self.names[n], n)) if names else self.id
        )
        kind = _best_type(self.types)
        aliases = tuple(sorted(n for n in names if n != label))
        return Entity(
            id=self.id,
            label=label,
            type=kind,
            aliases=aliases,
            mentions=self.mentions,
            documents=tuple(sorted(self.documents)),
        )


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
