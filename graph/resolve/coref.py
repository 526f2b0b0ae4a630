"""Within one article: which mentions are the same entity.

:class:`ArticleEntities` clusters the names of an article (``Nazarbayev`` joins ``Nursultan
Nazarbayev``, ``Nur Otan`` joins ``Nur Otan Party``) and resolves every argument of an
extraction to one of those clusters:

- personal and possessive pronouns to the nearest compatible antecedent, preferring subjects;
  ``I``/``we`` inside a quotation to its speaker (and the speaker's organisation);
- definite descriptions (``the Party``, ``the organization``, ``the country``) to the most
  salient entity of a compatible kind;
- titles used as names (``the Leader of the Nation``) through appositions and predicate nominals
  that link them to a name, through the gazetteer, and else to the article's dominant person;
- a title written before a name (``Chairman of the Party John Smith``) to the person.

Other noun phrases become concepts. Everything here is English grammar and closed word classes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from ..types import Extraction, Mention
from .entities import (
    ENTITY_TYPES,
    LocalEntity,
    clean_name,
    compatible_types,
    is_short_form,
    more_specific,
    normalize_name,
    transliteration_key,
    type_for_label,
)

from ..lexicon import HONORIFICS, SPEECH_VERBS
from ..syntax import doc_tree, kids, subtree_indices, title_before_name

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from ..syntax import DocContext
    from .gazetteer import Gazetteer

__all__ = ["ArticleEntities", "Resolution", "CATEGORY_NOUNS", "ROLE_NOUNS"]

_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
_PERSON_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
_THING_PRONOUNS = {"it", "its", "itself"}
_PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
_FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}
_FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}

#: common nouns that, definite, refer back to a salient entity of a kind (English lexicon)
CATEGORY_NOUNS = {
    "party": "PoliticalParty", "organization": "Organization", "organisation": "Organization",
    "company": "Organization", "firm": "Organization", "group": "Organization", "agency": "Organization",
    "ministry": "GovernmentBody", "government": "GovernmentBody", "parliament": "GovernmentBody",
    "committee": "Organization", "council": "Organization", "union": "Organization", "movement": "Organization",
    "association": "Organization", "corporation": "Organization", "bank": "Organization",
    "country": "Place", "nation": "Place", "state": "Place", "republic": "Place", "city": "Place",
    "capital": "Place", "region": "Place", "town": "Place", "village": "Place", "province": "Place",
    "programme": "Programme", "program": "Programme", "initiative": "Programme", "project": "Programme",
}
#: nouns that name a position; capitalised and definite they are used as a person's name
ROLE_NOUNS = {
    "president", "leader", "head", "chairman", "chairwoman", "chairperson", "chair", "minister",
    "premier", "secretary", "director", "governor", "mayor", "king", "queen", "prince", "emperor",
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "chief", "commander", "senator",
    "deputy", "speaker", "founder", "chancellor", "prosecutor", "general", "judge",
}
_GOVERNMENT_HEADS = {"ministry", "government", "parliament", "senate", "assembly", "court", "cabinet",
                     "administration", "commission", "akimat", "council"}
_PROGRAMME_HEADS = {"programme", "program", "initiative", "project", "strategy", "plan", "campaign"}
_ORG_HEADS = {"office", "headquarters", "party", "ministry", "committee", "council", "agency", "company",
              "bank", "university", "institute", "union", "association", "foundation", "service", "pool", "group",
              "corporation", "corp", "inc", "ltd", "llc", "club", "fund", "organization", "organisation", "court",
              "parliament", "senate", "assembly", "government", "administration", "commission", "school", "academy"}
#: endings of Russian and Kazakh surnames and patronymics in Latin script
_SURNAME_ENDINGS = ("ov", "ova", "ev", "eva", "yev", "yeva", "uly", "kyzy", "qyzy", "enko", "sky", "skiy", "skaya",
                    "ovich", "evich", "ovna", "evna", "bayev", "bayeva", "baev", "baeva")


def _looks_like_person(words: list[str]) -> bool:
    """A name the NER called an organisation but that reads as a person's (a surname ending, no
    organisational head word): "Dariga Nazarbayeva", "Kassym-Jomart Tokayev"."""
    lowered = [w.lower() for w in words if w[:1].isalpha()]
    return bool(lowered) and lowered[-1].endswith(_SURNAME_ENDINGS) and not any(w in _ORG_HEADS for w in lowered)


@dataclass
class _Cluster:
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


@dataclass(frozen=True)
class Resolution:
    """What an argument mention refers to: a local entity key, or a value (quoted clause)."""

    key: str | None
    how: str  # "name", "pronoun", "description", "title", "concept", "clause", "unresolved"


class ArticleEntities:
    """The entities of one parsed article and the resolution of mentions to them."""

    def __init__(self, doc: Doc, context: DocContext, *, source: str | None = None,
                 gazetteer: Gazetteer | None = None) -> None:
        self.doc = doc
        self.toks = doc_tree(doc).tokens  # doc[i] without spaCy making a new Token each time
        self.context = context
        self.gazetteer = gazetteer
        self.clusters: dict[str, _Cluster] = {}
        self._name_of_token: dict[int, str] = {}  # token index -> cluster key for tokens inside names
        self._aliases: dict[str, set[str]] = {}
        self._collect_names(source)
        self._title_links: dict[str, str] = {}  # normalised title text -> person cluster

    # ------------------------------------------------------------------------------ names

    def _name_spans(self) -> list[tuple[int, int, str]]:
        """(start, end, NER label) of every name, articles and possessives trimmed."""
        doc, toks = self.doc, self.toks
        spans: list[tuple[int, int, str]] = []
        covered: set[int] = set()
        glossed = {(g.name_start, g.name_end): g for g in self.context.glosses}
        for gloss in self.context.glosses:
            if gloss.kind == "translation":
                spans.append((gloss.name_start, gloss.name_end, "PROGRAMME"))
                covered.update(range(gloss.name_start, gloss.gloss_end + 1))
        for ent in doc.ents:
            if ent.label_ not in _NAME_LABELS or any(i in covered for i in range(ent.start, ent.end)):
                continue
            start, end = ent.start, ent.end
            while start < end and (toks[start].pos_ == "DET" or toks[start].is_punct or ent.label_ == "PERSON" and end - start > 1
                                   and (toks[start].lower_.rstrip(".") in HONORIFICS or toks[start].lower_ in ROLE_NOUNS)):
                start += 1  # "the", and titles before a person's name ("President Kassym-Jomart Tokayev")
            while end > start and (toks[end - 1].tag_ == "POS" or toks[end - 1].is_punct):
                end -= 1
            while start > 0 and start - 1 not in covered and toks[start - 1].pos_ == "PROPN" and toks[start - 1].is_title \
                    and toks[start - 1].dep_ == "compound" and start <= toks[start - 1].head.i < end \
                    and not toks[start - 1].ent_type_ and toks[start - 1].lemma_.lower() not in CATEGORY_NOUNS \
                    and toks[start - 1].lemma_.lower() not in _ORG_HEADS \
                    and toks[start - 1].lower_ not in ROLE_NOUNS and toks[start - 1].lower_.rstrip(".") not in HONORIFICS:
                start -= 1  # the NER left a first name out ("Aliya [Nazarbayeva]")
            if start >= end or (start, end) in glossed:
                continue
            if ent.label_ != "PERSON" and self._is_role_phrase(doc[start:end]):
                continue  # "the Leader of the Nation" tagged ORG is a title, handled separately
            if end - start == 1 and (toks[start].lemma_.lower() in CATEGORY_NOUNS or toks[start].lemma_.lower() in _ORG_HEADS):
                continue  # "the Party" is a definite description, resolved by salience, not a name
            spans.append((start, end, ent.label_))
            covered.update(range(start, end))
        # proper-noun runs the NER missed ("Election Headquarters")
        i = 0
        while i < len(doc):
            if toks[i].pos_ == "PROPN" and i not in covered and toks[i].is_title:
                j = i
                while j < len(doc) and toks[j].pos_ == "PROPN" and j not in covered and toks[j].is_title:
                    j += 1
                run = doc[i:j]
                if j - i >= 2 and not self._is_role_phrase(run):
                    spans.append((i, j, "ORG" if run[-1].lemma_.lower() in _ORG_HEADS else "MISC"))
                i = j
            else:
                i += 1
        spans.sort()
        return spans

    @staticmethod
    def _is_role_phrase(span: Span) -> bool:
        head = span.root
        return head.lower_ in ROLE_NOUNS and not any(t.ent_type_ == "PERSON" for t in span)

    def _collect_names(self, source: str | None) -> None:
        doc, toks = self.doc, self.toks
        spans = self._name_spans()
        # longest names first, so short names can join them
        order = sorted(range(len(spans)), key=lambda k: (-(spans[k][1] - spans[k][0]), spans[k][0]))
        for k in order:
            start, end, label = spans[k]
            text = clean_name(doc[start:end].text)
            if not text:
                continue
            span = doc[start:end]
            kind = self._type_of(span, label, source)
            strong = label == "PROGRAMME"
            # a name before a category noun: "the Ak Zhol party", "the Nurly Zhol programme"
            after = toks[end] if end < len(doc) else None
            category = None
            if after is not None and span.root.head.i == after.i and span.root.dep_ == "compound":
                category = CATEGORY_NOUNS.get(after.lemma_.lower())
            if category is not None:
                kind, strong = category, True
            cluster = self._cluster_for_name(text, kind, start)
            if cluster is None:
                key = f"n{len(self.clusters)}"
                cluster = self.clusters[key] = _Cluster(key=key, type=kind)
            cluster.vote(kind, strong=strong)
            cluster.add_name(text, 1)
            head = span.root.i
            if category is not None and after is not None:
                cluster.add_name(f"{text} {after.text}", 0)
                self._name_of_token[after.i] = cluster.key
                head = after.i
            cluster.tokens.append(head)
            if toks[head].dep_ in ("nsubj", "nsubjpass"):
                cluster.subject_tokens.add(head)
            for i in range(start, end):
                self._name_of_token[i] = cluster.key
        for gloss in self.context.glosses:
            key = self._name_of_token.get(gloss.name_start)
            if key is not None:
                self.clusters[key].add_name(clean_name(doc[gloss.gloss_start:gloss.gloss_end].text), 0)
                for i in range(gloss.gloss_start, gloss.gloss_end):
                    self._name_of_token[i] = key
        if self.gazetteer is not None:
            for cluster in self.clusters.values():
                known = next((k for k in map(self.gazetteer.lookup, list(cluster.names)) if k is not None), None)
                if known is not None:
                    cluster.vote(known.type, strong=True)
        for cluster in self.clusters.values():
            cluster.tokens.sort()

    def _type_of(self, span: Span, label: str, source: str | None) -> str:
        head = span.root.lemma_.lower()
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if after is not None and after.lemma_.lower() in _PROGRAMME_HEADS and span.root.head.i == after.i \
                and label in ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"):
            return "Programme"  # "the Nurly Zhol programme"
        if source and normalize_name(span.text) == normalize_name(source):
            return "NewsAgency"
        if label == "PROGRAMME":
            return "Programme"
        if label in ("ORG", "MISC", "NORP") and _looks_like_person([t.text for t in span]):
            return "Person"
        if label == "MISC":
            return "Organization" if head in _ORG_HEADS else "Thing"
        kind = type_for_label(label)
        if self.gazetteer is not None:
            known = self.gazetteer.lookup(span.text)
            if known is not None:
                return known.type
        if kind == "Organization":
            if head == "party":
                return "PoliticalParty"
            if head in _GOVERNMENT_HEADS:
                return "GovernmentBody"
            if head in _PROGRAMME_HEADS:
                return "Programme"
        if kind == "Person" and head in _PROGRAMME_HEADS:
            return "Programme"
        if kind == "Person" and head in _ORG_HEADS:
            return "Organization"  # "Election Headquarters" is no person, whatever the NER says
        return kind

    def _cluster_for_name(self, text: str, kind: str, position: int) -> _Cluster | None:
        key = normalize_name(text)
        if self.gazetteer is not None:
            known = self.gazetteer.lookup(text)
            if known is not None:
                for cluster in self.clusters.values():
                    other = self.gazetteer.lookup(cluster.label)
                    if other is not None and other.id == known.id:
                        return cluster
        best: _Cluster | None = None
        best_score: tuple[int, int] | None = None
        translit = transliteration_key(text)
        for cluster in self.clusters.values():
            if not cluster.named:
                continue
            # the same name twice in one article is one entity, whatever the NER called each
            if key in cluster.keys or translit in cluster.keys:
                return cluster
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

    # ------------------------------------------------------------------------------ mentions

    def resolve(self, mention: Mention, extraction: Extraction | None = None) -> Resolution:
        """Resolve an argument mention to a local entity key (making a concept if need be)."""
        toks = self.toks
        head = toks[mention.head]
        if mention.kind == "CLAUSE":
            return Resolution(None, "clause")
        # a title before a name: "Chairman of the Party John Smith" is John Smith
        person = self._person_after_title(mention)
        if person is not None:
            return Resolution(person, "title")
        key = self._name_of_token.get(head.i)
        if key is not None:
            return Resolution(key, "name")
        lower = head.lower_
        if head.pos_ == "PRON" or head.tag_ in ("PRP", "PRP$"):
            key = self._pronoun(head)
            return Resolution(key, "pronoun" if key else "unresolved")
        # a definite description, or a capitalised category noun used as a name ("of the Party Maulen ...")
        definite = self._is_definite(head) or any(toks[i].lower_ in ("the", "this", "that") for i in mention.tokens
                                                   if i < head.i)
        if head.pos_ in ("NOUN", "PROPN") and (definite or head.is_title and head.pos_ == "PROPN"):
            if lower in ROLE_NOUNS and head.is_title:
                key = self._title_as_name(head, mention)
                # a bare title that names nobody we know ("the President's post") is no node
                return Resolution(key, "title" if key else "unresolved")
            category = CATEGORY_NOUNS.get(head.lemma_.lower())
            if category is not None and not self._has_own_name(mention):
                key = self._salient(category, before=head.i, head_word=head.lemma_.lower())
                if key is not None:
                    return Resolution(key, "description")
        if head.pos_ == "PROPN" and head.is_title:
            return Resolution(self._unlabelled_name(head), "name")
        return Resolution(self._concept(mention), "concept")

    def _unlabelled_name(self, head: Token) -> str:
        """A proper name the NER did not mark: joins a known name it is part of, else a new name."""
        doc, toks = self.doc, self.toks
        start = end = head.i
        while start > 0 and toks[start - 1].dep_ == "compound" and toks[start - 1].pos_ == "PROPN" \
                and toks[start - 1].head.i in range(start, head.i + 1):
            start -= 1
        end = head.i + 1
        text = clean_name(doc[start:end].text)
        # a capitalised category noun nobody resolved ("the Government") names one of its kind
        kind = CATEGORY_NOUNS.get(head.lemma_.lower(), "Thing") if end - start == 1 else "Thing"
        cluster = self._cluster_for_name(text, kind, head.i)
        if cluster is None:
            key = f"n{len(self.clusters)}"
            cluster = self.clusters[key] = _Cluster(key=key, type=kind)
        cluster.add_name(text, 1)
        cluster.tokens.append(head.i)
        cluster.tokens.sort()
        for i in range(start, end):
            self._name_of_token[i] = cluster.key
        return cluster.key

    def _has_own_name(self, mention: Mention) -> bool:
        return any(self._name_of_token.get(i) is not None and i != mention.head for i in mention.tokens
                   if self.toks[i].dep_ == "compound")

    def _is_definite(self, head: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in kids(head)) \
            or any(c.dep_ == "poss" for c in kids(head))

    @cached_property
    def _titled_people(self) -> list[tuple[int, int, int, tuple[list[int], list[int], int | None]]]:
        """(start, end, root, title) of every PERSON name with a title before it, found once."""
        people = []
        for ent in self.doc.ents:
            if ent.label_ == "PERSON":
                found = title_before_name(ent)
                if found is not None:
                    people.append((ent.start, ent.end, ent.root.i, found))
        return people

    def _person_after_title(self, mention: Mention) -> str | None:
        head = self.toks[mention.head]
        if head.ent_type_ == "PERSON":
            return None
        tokens = set(mention.tokens)
        for start, end, root, (title, _, _) in self._titled_people:
            if start in tokens and end - 1 in tokens and (head.i in title or head.i == root):
                return self._name_of_token.get(root)
        return None

    def _pronoun(self, token: Token) -> str | None:
        lower = token.lower_
        if lower in _PERSON_PRONOUNS:
            return self._antecedent(token, ("Person",))
        if lower in _THING_PRONOUNS:
            return self._antecedent(token, ("Organization", "PoliticalParty", "GovernmentBody", "Programme",
                                            "Place", "Event", "NewsAgency"))
        if lower in _PLURAL_PRONOUNS:
            return self._antecedent(token, ("Organization", "PoliticalParty", "GovernmentBody", "Group"))
        if lower in _FIRST_SINGULAR | _FIRST_PLURAL:
            speaker = self._quote_speaker(token)
            if speaker is None:
                return None
            if lower in _FIRST_SINGULAR:
                return speaker
            return self._organisation_of(speaker) or self._salient("Organization", before=len(self.doc))
        return None

    def _antecedent(self, token: Token, kinds: Iterable[str]) -> str | None:
        """The nearest preceding mention of a compatible kind, preferring subjects, within 3 sentences."""
        allowed = _types_compatible_with(tuple(kinds))
        sentence = self.context.sentence_of[token.i]
        best: tuple[tuple[int, int, int], str] | None = None
        for cluster in self.clusters.values():
            if not cluster.named or cluster.type not in allowed:
                continue
            for position in cluster.tokens:
                if position >= token.i:
                    continue
                distance = sentence - self.context.sentence_of[position]
                if distance > 3:
                    continue
                if self.toks[position].head.i == token.head.i and token.dep_ in ("nsubj", "nsubjpass"):
                    continue  # "John saw him": not the subject of the same clause
                score = (-distance, 1 if position in cluster.subject_tokens else 0, position)
                if best is None or score > best[0]:
                    best = (score, cluster.key)
        return best[1] if best else None

    def _quote_speaker(self, token: Token) -> str | None:
        """The speaker of the quotation ``token`` is in: the subject of the reporting verb."""
        sentence = self.context.sentences[self.context.sentence_of[token.i]]
        quotes = [t.i for t in sentence if t.text in ('"', "\u201c", "\u201d", "``", "''")]
        inside = sum(1 for q in quotes if q < token.i) % 2 == 1
        if not inside:
            # a quotation may run over several sentences: look for the closing quote later
            opened = self._open_quote_before(token.i)
            if opened is None:
                return None
        # the reporting verb: a verb outside the quotes whose ccomp contains the token, or the
        # verb of the sentence that closes the quotation
        for number in range(self.context.sentence_of[token.i], min(len(self.context.sentences),
                                                                     self.context.sentence_of[token.i] + 4)):
            sent = self.context.sentences[number]
            marks = [t.i for t in sent if t.text in ('"', "\u201c", "\u201d", "``", "''")]
            for verb in sent:
                if verb.pos_ != "VERB" or verb.lemma_.lower() not in _REPORTING:
                    continue
                if marks and any(m < verb.i for m in marks) and sum(1 for m in marks if m < verb.i) % 2 == 0:
                    for child in kids(verb):
                        if child.dep_ == "nsubj":
                            key = self._name_of_token.get(child.i)
                            if key is None and child.pos_ == "PRON":
                                key = self._pronoun(child)
                            if key is None:
                                person = self._person_after_title(
                                    Mention(child.text, child.idx, child.idx + len(child), tuple(t.i for t in child.subtree), child.i, "OTHER"))
                                key = person
                            return key
        return None

    def _open_quote_before(self, position: int) -> int | None:
        toks = self.toks
        count = 0
        start = self.context.sentences[max(0, self.context.sentence_of[position] - 3)].start
        last = None
        for i in range(start, position):
            if toks[i].text in ('"', "\u201c", "\u201d", "``", "''"):
                count += 1
                last = i
        return last if count % 2 == 1 else None

    def _organisation_of(self, person_key: str) -> str | None:
        """The organisation a person holds a title in, in this article (``Chairman of X``)."""
        for _, _, root, (_, organisation, _) in self._titled_people:
            if self._name_of_token.get(root) == person_key:
                for i in organisation:
                    key = self._name_of_token.get(i)
                    if key is not None:
                        return key
        return None

    def _salient(self, kind: str, *, before: int, head_word: str | None = None) -> str | None:
        """The most mentioned entity of a compatible kind, mentioned before ``before``."""
        best: tuple[tuple[int, int, int], str] | None = None
        for cluster in self.clusters.values():
            if not compatible_types(cluster.type, kind) and not (
                kind == "PoliticalParty" and cluster.type == "Organization"
            ):
                continue
            earlier = [t for t in cluster.tokens if t < before]
            if not earlier:
                continue
            matches_head = 1 if head_word and any(
                normalize_name(n).split()[-1:] == [head_word] for n in cluster.names) else 0
            score = (matches_head, len(cluster.tokens), max(earlier))
            if best is None or score > best[0]:
                best = (score, cluster.key)
        return best[1] if best else None

    def _title_text(self, head: Token) -> str:
        """The normalised words of a title phrase: ``the Leader of the Nation`` -> ``leader of the nation``."""
        words = subtree_indices(head, skip_deps=("appos", "relcl", "acl", "punct", "conj", "cc"))
        return normalize_name(" ".join(self.toks[i].text for i in words if self.toks[i].pos_ != "DET"))

    def _title_as_name(self, head: Token, mention: Mention) -> str | None:
        """``The Leader of the Nation``: a capitalised title used instead of a person's name."""
        title = self._title_text(head)
        linked = self._title_links.get(title) or self._title_links.get(head.lower_)
        if linked is None and self.gazetteer is not None:
            known = self.gazetteer.lookup(title)
            if known is not None:
                for cluster in self.clusters.values():
                    other = self.gazetteer.lookup(cluster.label)
                    if other is not None and other.id == known.id:
                        linked = cluster.key
        if linked is None and head.dep_ in ("nsubj", "nsubjpass"):
            # a title acting as the subject ("The Leader of the Nation highlighted ...") in an article
            # about one person; elsewhere ("the President's post") a title names the office
            linked = self._dominant_person()
        title_words = clean_name(mention.text).split()
        if linked is not None and len(title_words) >= 2:
            # "Leader of the Nation" becomes an alias (never the label, never matched on); a bare
            # "President" names an office, not the person
            self.clusters[linked].add_name(" ".join(title_words), 0)
        return linked

    def link_titles(self, extractions: Iterable[Extraction]) -> None:
        """Learn which person a title names from appositions and predicate nominals in the article
        (``Nursultan Nazarbayev, the Leader of the Nation, ...``, ``X is the Leader of ...``), and
        join titles set side by side (``The First President of the country - the Leader of the Nation``)."""
        toks = self.toks
        for extraction in extractions:
            if extraction.lemma != "be" or extraction.object is None:
                continue
            for name, title in ((extraction.subject, extraction.object), (extraction.object, extraction.subject)):
                name_key = self._name_of_token.get(name.head)
                title_head = toks[title.head]
                if name_key and title_head.lower_ in ROLE_NOUNS and self.clusters[name_key].type == "Person":
                    self._title_links.setdefault(self._title_text(title_head), name_key)
                    # "Lithuanian President Gitanas Nauseda ... The President said": the bare title too
                    self._title_links.setdefault(title_head.lower_, name_key)
        for token in toks:
            if token.dep_ == "nsubj" and token.lower_ in ROLE_NOUNS and token.is_title:
                for other in kids(token.head):
                    if other is not token and other.dep_ == "nsubj" and other.lower_ in ROLE_NOUNS and other.is_title:
                        a, b = self._title_text(token), self._title_text(other)
                        linked = self._title_links.get(a) or self._title_links.get(b)
                        if linked:
                            self._title_links.setdefault(a, linked)
                            self._title_links.setdefault(b, linked)

    def _dominant_person(self) -> str | None:
        people = sorted(((len(c.tokens), c.key) for c in self.clusters.values() if c.type == "Person"), reverse=True)
        if not people or people[0][0] < 2:
            return None
        if len(people) > 1 and people[1][0] * 2 > people[0][0]:
            return None
        return people[0][1]

    def _concept(self, mention: Mention) -> str:
        toks = self.toks
        words = [toks[i] for i in mention.tokens]
        while words and (words[0].pos_ in ("DET", "PRON") or words[0].tag_ == "PRP$" or words[0].is_punct):
            words = words[1:]
        text = "".join(w.text_with_ws for w in words).strip() or mention.text
        label = clean_name(text) or text
        key = "c:" + normalize_name(label)
        cluster = self.clusters.get(key)
        if cluster is None:
            kind = type_for_label(toks[mention.head].ent_type_) if toks[mention.head].ent_type_ else "Concept"
            cluster = self.clusters[key] = _Cluster(key=key, type=kind, named=False)
        cluster.add_name(label, 1)
        cluster.tokens.append(mention.head)
        return key

    def is_named(self, key: str) -> bool:
        """Whether a local entity is a proper name (not a concept phrase)."""
        return self.clusters[key].named

    def named_entity(self, name: str, kind: str) -> str:
        """The cluster of a name given outside the text (the dateline's place, the source)."""
        text = clean_name(name)
        cluster = self._cluster_for_name(text, kind, len(self.doc))
        if cluster is None or normalize_name(cluster.label) != normalize_name(text):
            exact = next((c for c in self.clusters.values()
                          if any(normalize_name(n) == normalize_name(text) for n in c.names)), None)
            cluster = exact
        if cluster is None:
            key = f"n{len(self.clusters)}"
            cluster = self.clusters[key] = _Cluster(key=key, type=kind)
            cluster.add_name(text, 1)
        if compatible_types(cluster.type, kind) or cluster.type == "Thing":
            cluster.vote(kind)
        return cluster.key

    # ------------------------------------------------------------------------------ output

    def local_entity(self, key: str, mentions: int) -> LocalEntity:
        cluster = self.clusters[key]
        names = Counter({n: c for n, c in cluster.names.items() if n})
        known = None
        if self.gazetteer is not None and cluster.named:
            known = next((k for k in map(self.gazetteer.lookup, names) if k is not None), None)
        if known is not None:
            return LocalEntity(key=key, label=cluster.label, type=known.type, names=names, mentions=mentions,
                               named=True, known_id=known.id, known_label=known.label)
        return LocalEntity(key=key, label=cluster.label, type=cluster.type, names=names,
                           mentions=mentions, named=cluster.named)


#: verbs that introduce a quotation: reporting verbs, and "continued", "concluded"
_REPORTING = SPEECH_VERBS | {"continue", "conclude"}


@lru_cache(maxsize=64)
def _types_compatible_with(kinds: tuple[str, ...]) -> frozenset[str]:
    """Every entity type compatible with one of ``kinds``."""
    return frozenset(t for t in ENTITY_TYPES if any(compatible_types(t, k) for k in kinds))


def _is_person(a: str, b: str) -> bool:
    return a == "Person" or b == "Person"
