"""Name matching within one article: which names are the same entity.

The name passes of coreference (after Lee et al. 2013's deterministic sieves): names are found
(NER spans, bracketed glosses, proper-noun runs the NER missed) and typed, then clustered longest
first. A name joins a cluster whose name it is, exactly or after transliteration ("Nazarbaev" and
"Nazarbayev"); else one whose longer name it is a short form of, the nearest earlier one
("Nazarbayev" after "Nursultan Nazarbayev", "Nur Otan" after "Nur Otan Party"); the gazetteer
joins the names of one known entity.

:class:`NameTable` is the state every pass shares: the article's clusters (names and, added by
the coordinator, concepts) and which token is inside which name. :mod:`.titles` and
:mod:`.anaphora` read it; new passes read and extend it the same way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..lexicon import (
    CATEGORY_NOUNS,
    GOVERNMENT_HEADS,
    HONORIFICS,
    ORGANIZATION_HEADS,
    PROGRAMME_HEADS,
    ROLE_ABBREVIATIONS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    ROLE_TITLE_NOUNS,
    SURNAME_ENDINGS,
)
from ..syntax import doc_tree
from .entities import (
    clean_name,
    compatible_types,
    is_short_form,
    more_specific,
    normalize_name,
    transliteration_key,
    type_for_label,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from ..syntax import DocContext
    from ..types import Mention
    from .gazetteer import Gazetteer

__all__ = ["Cluster", "NameTable", "is_role_phrase", "looks_like_person", "name_spans", "type_of_name"]

_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}


@dataclass
class Cluster:
    """One entity of the article: its names, where it is mentioned, and the evidence for its type."""

    key: str
    type: str
    names: Counter[str] = field(default_factory=Counter)
    tokens: list[int] = field(default_factory=list)  # token index of every mention's head
    subject_tokens: set[int] = field(default_factory=set)
    named: bool = True
    votes: Counter[str] = field(default_factory=Counter)  # entity type -> evidence
    fixed: bool = False  # the type comes from strong evidence (a gloss, a category noun, the gazetteer)
    keys: set[str] = field(default_factory=set)  # normalised and transliteration keys of its names

    def add_name(self, name: str, count: int = 1) -> None:
        self.names[name] += count
        self.keys.add(normalize_name(name))
        self.keys.add(transliteration_key(name))

    @property
    def label(self) -> str:
        """The longest name actually used (glosses and aliases count 0 and are never the label)."""
        return max(self.names, key=lambda n: (self.names[n] > 0, len(n.split()), self.names[n], n))

    def vote(self, kind: str, *, strong: bool = False) -> None:
        if self.fixed and not strong:
            return
        if strong and not self.fixed:
            self.votes.clear()
            self.fixed = True
        self.votes[kind] += 1
        ranked = sorted(self.votes.items(), key=lambda kv: (-kv[1], kv[0]))
        best = ranked[0][0]
        for other, _ in ranked[1:]:
            if compatible_types(best, other):
                best = more_specific(best, other)
        self.type = best


def looks_like_person(words: list[str]) -> bool:
    """A name the NER called an organisation but that reads as a person's (a surname ending, no
    organisational head word): "Dariga Nazarbayeva", "Kassym-Jomart Tokayev"."""
    lowered = [w.lower() for w in words if w[:1].isalpha()]
    return bool(lowered) and lowered[-1].endswith(SURNAME_ENDINGS) and not any(w in ORGANIZATION_HEADS for w in lowered)


def is_role_phrase(span: Span) -> bool:
    """A title naming no person in it: "the Leader of the Nation" (the NER may call it ORG)."""
    head = span.root
    return head.lower_ in ROLE_NOUNS and not any(t.ent_type_ == "PERSON" for t in span)


def _is_person(a: str, b: str) -> bool:
    return a == "Person" or b == "Person"


# ----------------------------------------------------------------------------- finding and typing names


def name_spans(doc: Doc, context: DocContext) -> list[tuple[int, int, str]]:
    """(start, end, NER label) of every name, articles and possessives trimmed, in token order."""
    toks = doc_tree(doc).tokens
    spans: list[tuple[int, int, str]] = []
    covered: set[int] = set()
    glossed = {(g.name_start, g.name_end): g for g in context.glosses}
    for gloss in context.glosses:
        if gloss.kind == "translation":
            spans.append((gloss.name_start, gloss.name_end, "PROGRAMME"))
            covered.update(range(gloss.name_start, gloss.gloss_end + 1))
    for ent in doc.ents:
        if ent.label_ not in _NAME_LABELS or any(i in covered for i in range(ent.start, ent.end)):
            continue
        start, end = _trim_entity(toks, ent, covered)
        if start >= end or (start, end) in glossed:
            continue
        if ent.label_ != "PERSON" and is_role_phrase(doc[start:end]):
            continue  # "the Leader of the Nation" tagged ORG is a title, handled separately
        if end - start == 1 and (
            toks[start].lemma_.lower() in CATEGORY_NOUNS or toks[start].lemma_.lower() in ORGANIZATION_HEADS
        ):
            continue  # "the Party" is a definite description, resolved by salience, not a name
        spans.append((start, end, ent.label_))
        covered.update(range(start, end))
    spans.extend(_proper_noun_runs(doc, toks, covered))
    spans.sort()
    return spans


def _is_title_word(token: Token) -> bool:
    """A word of a title written before a name ("Fire Chief", "Judges", "Executive"): a role, not the name."""
    lower = token.lower_
    return (
        lower in ROLE_TITLE_NOUNS
        or lower in ROLE_MODIFIERS
        or token.lemma_.lower() in ROLE_TITLE_NOUNS
        or (lower.endswith("s") and lower[:-1] in ROLE_TITLE_NOUNS)
        or (lower.endswith(".") and lower[:-1] in ROLE_ABBREVIATIONS)
    )


def _trim_entity(toks: list[Token], ent: Span, covered: set[int]) -> tuple[int, int]:
    """An NER span without its article, titles, possessive and edge punctuation, and with a first
    name the NER left out."""
    start, end = ent.start, ent.end
    while start < end and (
        toks[start].pos_ == "DET"
        or toks[start].is_punct
        or (ent.label_ == "PERSON"
        and end - start > 1
        and (toks[start].lower_.rstrip(".") in HONORIFICS or toks[start].lower_ in ROLE_NOUNS
             or (end - start > 2 and _is_title_word(toks[start]))))
    ):
        start += 1  # "the", and titles before a person's name ("President Kassym-Jomart Tokayev")
    while end > start and (toks[end - 1].tag_ == "POS" or toks[end - 1].is_punct):
        end -= 1
    while (
        start > 0
        and start - 1 not in covered
        and toks[start - 1].pos_ == "PROPN"
        and toks[start - 1].is_title
        and toks[start - 1].dep_ == "compound"
        and start <= toks[start - 1].head.i < end
        and not toks[start - 1].ent_type_
        and toks[start - 1].lemma_.lower() not in CATEGORY_NOUNS
        and toks[start - 1].lemma_.lower() not in ORGANIZATION_HEADS
        and toks[start - 1].lower_ not in ROLE_NOUNS
        and not _is_title_word(toks[start - 1])
        and toks[start - 1].lower_.rstrip(".") not in HONORIFICS
    ):
        start -= 1  # the NER left a first name out ("Aliya [Nazarbayeva]")
    return start, end


def _proper_noun_runs(doc: Doc, toks: list[Token], covered: set[int]) -> list[tuple[int, int, str]]:
    """Runs of two or more capitalised proper nouns the NER missed ("Election Headquarters")."""
    runs: list[tuple[int, int, str]] = []
    i = 0
    while i < len(doc):
        if toks[i].pos_ == "PROPN" and i not in covered and toks[i].is_title:
            j = i
            while j < len(doc) and toks[j].pos_ == "PROPN" and j not in covered and toks[j].is_title:
                j += 1
            while j - i > 2 and _is_title_word(toks[i]):
                i += 1  # "Fire Chief Ana Ruiz": the title is a role (graph.extractors.roles), not part of the name
            run = doc[i:j]
            if j - i >= 2 and not is_role_phrase(run):
                runs.append((i, j, "ORG" if run[-1].lemma_.lower() in ORGANIZATION_HEADS else "MISC"))
            i = j
        else:
            i += 1
    return runs


def type_of_name(span: Span, label: str, source: str | None, gazetteer: Gazetteer | None) -> str:
    """The entity type of a name: from its NER label, its head word, the gazetteer and the source."""
    head = span.root.lemma_.lower()
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if (
        after is not None
        and after.lemma_.lower() in PROGRAMME_HEADS
        and span.root.head.i == after.i
        and label in ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT")
    ):
        return "Programme"  # "the Nurly Zhol programme"
    if source and normalize_name(span.text) == normalize_name(source):
        return "NewsAgency"
    if label == "PROGRAMME":
        return "Programme"
    if label in ("ORG", "MISC", "NORP") and looks_like_person([t.text for t in span]):
        return "Person"
    if label == "MISC":
        return "Organization" if head in ORGANIZATION_HEADS else "Thing"
    kind = type_for_label(label)
    if gazetteer is not None:
        known = gazetteer.lookup(span.text)
        if known is not None:
            return known.type
    if kind == "Organization":
        if head == "party":
            return "PoliticalParty"
        if head in GOVERNMENT_HEADS:
            return "GovernmentBody"
        if head in PROGRAMME_HEADS:
            return "Programme"
    if kind == "Person" and head in PROGRAMME_HEADS:
        return "Programme"
    if kind == "Person" and head in ORGANIZATION_HEADS:
        return "Organization"  # "Election Headquarters" is no person, whatever the NER says
    return kind


# ----------------------------------------------------------------------------- the article's clusters


class NameTable:
    """The clusters of one article and which token is inside which name (the passes' shared state)."""

    def __init__(self, doc: Doc, context: DocContext, gazetteer: Gazetteer | None = None) -> None:
        self.doc = doc
        self.toks = doc_tree(doc).tokens  # doc[i] without spaCy making a new Token each time
        self.context = context
        self.gazetteer = gazetteer
        self.clusters: dict[str, Cluster] = {}
        self.name_of_token: dict[int, str] = {}  # token index -> cluster key for tokens inside names

    def new_cluster(self, kind: str) -> Cluster:
        """A new named cluster, keyed by its number among all clusters."""
        key = f"n{len(self.clusters)}"
        cluster = self.clusters[key] = Cluster(key=key, type=kind)
        return cluster

    def collect(self, source: str | None) -> None:
        """Cluster the article's names, longest first so short names can join them; then glosses
        join the name they translate, and the gazetteer fixes the type of names it knows."""
        spans = name_spans(self.doc, self.context)
        order = sorted(range(len(spans)), key=lambda k: (-(spans[k][1] - spans[k][0]), spans[k][0]))
        for k in order:
            self._add_name(*spans[k], source)
        for gloss in self.context.glosses:
            key = self.name_of_token.get(gloss.name_start)
            if key is not None:
                self.clusters[key].add_name(clean_name(self.doc[gloss.gloss_start : gloss.gloss_end].text), 0)
                for i in range(gloss.gloss_start, gloss.gloss_end):
                    self.name_of_token[i] = key
        if self.gazetteer is not None:
            for cluster in self.clusters.values():
                known = next((k for k in map(self.gazetteer.lookup, list(cluster.names)) if k is not None), None)
                if known is not None:
                    cluster.vote(known.type, strong=True)
        for cluster in self.clusters.values():
            cluster.tokens.sort()

    def _add_name(self, start: int, end: int, label: str, source: str | None) -> None:
        doc, toks = self.doc, self.toks
        text = clean_name(doc[start:end].text)
        if not text:
            return
        span = doc[start:end]
        kind = type_of_name(span, label, source, self.gazetteer)
        strong = label == "PROGRAMME"
        # a name before a category noun: "the Ak Zhol party", "the Nurly Zhol programme"
        after = toks[end] if end < len(doc) else None
        category = None
        if after is not None and span.root.head.i == after.i and span.root.dep_ == "compound":
            category = CATEGORY_NOUNS.get(after.lemma_.lower())
        if category is not None:
            kind, strong = category, True
        cluster = self.cluster_for_name(text, kind, start)
        if cluster is None:
            cluster = self.new_cluster(kind)
        cluster.vote(kind, strong=strong)
        cluster.add_name(text, 1)
        head = span.root.i
        if category is not None and after is not None:
            cluster.add_name(f"{text} {after.text}", 0)
            self.name_of_token[after.i] = cluster.key
            head = after.i
        cluster.tokens.append(head)
        if toks[head].dep_ in ("nsubj", "nsubjpass"):
            cluster.subject_tokens.add(head)
        for i in range(start, end):
            self.name_of_token[i] = cluster.key

    def cluster_for_name(self, text: str, kind: str, position: int) -> Cluster | None:
        """The cluster a name joins: the gazetteer's entity, the same name, or the nearest earlier
        longer name it is a short form of; None for a new entity."""
        key = normalize_name(text)
        if self.gazetteer is not None:
            known = self.gazetteer.lookup(text)
            if known is not None:
                for cluster in self.clusters.values():
                    other = self.gazetteer.lookup(cluster.label)
                    if other is not None and other.id == known.id:
                        return cluster
        translit = transliteration_key(text)
        for cluster in self.clusters.values():
            if not cluster.named:
                continue
            # the same name twice in one article is one entity, whatever the NER called each
            if key in cluster.keys or translit in cluster.keys:
                return cluster
        return self._longer_name(text, kind, position)

    def _longer_name(self, text: str, kind: str, position: int) -> Cluster | None:
        best: Cluster | None = None
        best_score: tuple[int, int] | None = None
        for cluster in self.clusters.values():
            if not cluster.named:
                continue
            loose = {kind, cluster.type} <= {"Person", "Organization", "Thing"}
            if not (compatible_types(cluster.type, kind) or "Thing" in (kind, cluster.type) or loose):
                continue
            person = _is_person(kind, cluster.type)
            for name in cluster.names:
                if is_short_form(text, name, person=person):
                    # the nearest earlier mention of a matching longer name ("Smith" after "John Smith")
                    before = [t for t in cluster.tokens if t < position]
                    score = (1 if before else 0, max(before) if before else -min(cluster.tokens or [0]))
                    if best_score is None or score > best_score:
                        best, best_score = cluster, score
        return best

    def unlabelled_name(self, head: Token) -> str:
        """A proper name the NER did not mark: joins a known name it is part of, else a new name."""
        doc, toks = self.doc, self.toks
        start = end = head.i
        while (
            start > 0
            and toks[start - 1].dep_ == "compound"
            and toks[start - 1].pos_ == "PROPN"
            and toks[start - 1].head.i in range(start, head.i + 1)
        ):
            start -= 1
        end = head.i + 1
        text = clean_name(doc[start:end].text)
        # a capitalised category noun nobody resolved ("the Government") names one of its kind
        kind = CATEGORY_NOUNS.get(head.lemma_.lower(), "Thing") if end - start == 1 else "Thing"
        cluster = self.cluster_for_name(text, kind, head.i)
        if cluster is None:
            cluster = self.new_cluster(kind)
        cluster.add_name(text, 1)
        cluster.tokens.append(head.i)
        cluster.tokens.sort()
        for i in range(start, end):
            self.name_of_token[i] = cluster.key
        return cluster.key

    def has_own_name(self, mention: Mention) -> bool:
        """Whether a mention carries a name of its own in a compound ("the Nur Otan party")."""
        return any(
            self.name_of_token.get(i) is not None and i != mention.head
            for i in mention.tokens
            if self.toks[i].dep_ == "compound"
        )

    def named_entity(self, name: str, kind: str) -> str:
        """The cluster of a name given outside the text (the dateline's place, the source)."""
        text = clean_name(name)
        cluster = self.cluster_for_name(text, kind, len(self.doc))
        if cluster is None or normalize_name(cluster.label) != normalize_name(text):
            exact = next(
                (c for c in self.clusters.values() if any(normalize_name(n) == normalize_name(text) for n in c.names)),
                None,
            )
            cluster = exact
        if cluster is None:
            cluster = self.new_cluster(kind)
            cluster.add_name(text, 1)
        if compatible_types(cluster.type, kind) or cluster.type == "Thing":
            cluster.vote(kind)
        return cluster.key
