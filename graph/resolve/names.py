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

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..lexicon import (
    CATEGORY_NOUNS,
    GOVERNMENT_HEADS,
    ORGANIZATION_HEADS,
    PROGRAMME_HEADS,
)
from ..syntax import doc_tree, kids
from .entities import (
    clean_name,
    compatible_types,
    is_short_form,
    more_specific,
    normalize_name,
    transliteration_key,
    type_for_label,
)
from .first_names import first_name_gender, gender_of_name
from .mentions import is_headline_case, is_junk_head
from .name_evidence import add_unmarked_evidence
from .name_shapes import CLUB_AFFIXES, is_aside_gloss
from .name_spans import (
    TITLE_ABBREVIATIONS,
    is_bare_title,
    is_role_phrase,
    is_title_word,
    looks_like_person,
    name_spans,
    title_line,
)
from .name_words import OFFICE_TITLES, names_a_team, plural_form_of
from .nested import add_acronyms_inside_names, add_places_inside_names
from .short_names import add_short_names, lone_first_name_gender, misspelt_surname
from .teams import is_match_report, mark_teams
from .typing import BASE_CLASS, MentionEvidence, TypeDecision, classify, is_place_name, mention_evidence
from .typing_lexicon import _DECIDED, _DESCRIPTORS, _OF_HEADS

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
    plural: bool = False  # a plural noun phrase ("the robots")
    descriptions: set[str] = field(default_factory=set)  # head nouns of its appositions ("woman")
    gender: str | None = None  # "m" or "f" for a person, from an honorific, a first name or a bound pronoun
    evidence: list[MentionEvidence] = field(default_factory=list)  # one per name span (:mod:`.typing`)
    decision: TypeDecision | None = None  # the last :func:`~.typing.classify` of its evidence
    team: bool = False  # a country's name used for its team ("Sweden beat Chile"): an Organization

    def add_name(self, name: str, count: int = 1) -> None:
        self.names[name] += count
        self.keys.add(normalize_name(name))
        self.keys.add(transliteration_key(name))

    @property
    def label(self) -> str:
        """The longest name actually used (glosses and aliases count 0 and are never the label)."""
        if not self.names:
            return ""  # a noun-phrase chain before it is named (:meth:`ArticleEntities.local_entity`)
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


#: classes whose names often begin or end with a place's name, which is then no short form of theirs
_NAMED_AFTER_PLACES = frozenset({"Organization", "Event", "CreativeWork", "Programme", "Product"})
#: capitalised nouns that name a body of their kind ("the Senate")
_BODY_WORDS = {w: k for w, k in _DESCRIPTORS.items() if k in ("GovernmentBody", "PoliticalParty")}
#: below this confidence a decision keeps the broader class (about 60% right, against 98% at >= 0.9)
LOW_CONFIDENCE = 0.5


def settle_type(cluster: Cluster, extra: list[MentionEvidence] | None = None) -> None:
    """Type a named cluster by the evidence of its mentions (:func:`~.typing.classify`), unless
    strong evidence fixed it (a category noun, the gazetteer) or its class is one the evidence
    does not decide (a programme, the article's own source). A low-confidence decision keeps the
    broader class (Organization rather than PoliticalParty). ``extra``: evidence of the mentions
    bound to it later (pronouns, appositions)."""
    if cluster.fixed or not cluster.evidence or cluster.type == "Programme":
        return
    decision = classify([*cluster.evidence, *(extra or [])])
    cluster.decision = decision
    if decision.type not in _DECIDED:
        return
    kind = decision.type
    if all(v.source == "ner" for v in decision.votes):
        return  # the NER label alone: the first class read it with the name's head word already
    if decision.confidence < LOW_CONFIDENCE:
        if BASE_CLASS.get(kind, kind) != BASE_CLASS.get(cluster.type, cluster.type) and decision.confidence < 0.4:
            return  # unsure and against the name's first class: keep that one
        kind = BASE_CLASS.get(kind, kind)
    elif kind == BASE_CLASS.get(cluster.type):
        return  # the broad class, sure: the name's head word said which kind ("Nur Otan Party")
    cluster.type = "Organization" if cluster.team and kind == "Place" else kind


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
    words = normalize_name(span.text).split()
    of_kind = _OF_HEADS.get(words[words.index("of") - 1]) if "of" in words[1:-1] else None
    if of_kind is not None and of_kind != "Person":
        return of_kind  # "the State of New York", "the Municipality of Livorno", whatever the NER said
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
    if kind in ("Person", "Place") and head in PROGRAMME_HEADS and len(span) >= 2:
        return "Programme"  # "the Black Sea Grain Initiative" tagged LOC
    if (kind == "Person" and head in ORGANIZATION_HEADS) or (len(words) >= 2 and words[-1] in OFFICE_TITLES):
        return "Organization"  # "Election Headquarters", "Dale County Sheriff" (an office): no person, no place
    return kind


def name_head(name: str) -> str:
    """The head word of a name, normalised: the word before "of" ("Church of Scientology" ->
    "church"), else the last ("Nur Otan Party" -> "party"); "" for an empty name."""
    words = normalize_name(name).split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return words[-1] if words else ""


# ----------------------------------------------------------------------------- the article's clusters


def _surname_first(name: str) -> bool:
    """A name written family name first, the given name hyphenated ("Chung Eui-yong", "Wong Kwok-kin")."""
    words = name.split()
    return len(words) == 2 and bool(re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[1]))


def _misspelt(a: str, b: str) -> bool:
    """Two full names of one person but for one letter of a first name of five letters or more
    ("Kristin" / "Kristen Wilkins"), the first names of the same known gender or of none."""
    x, y = a.split(), b.split()
    if len(x) != 2 or len(y) != 2 or x[1] != y[1] or x[0] == y[0] or len(x[0]) < 5 or len(x[0]) != len(y[0]):
        return False
    if sum(c != d for c, d in zip(x[0].lower(), y[0].lower(), strict=True)) != 1:
        return False
    return first_name_gender(x[0]) == first_name_gender(y[0])  # "Maria" (f) is no typo of "Mario"


def _bracketed_acronym(toks: list[Token], start: int, end: int) -> str | None:
    """The acronym in brackets right after a name, when its capitals are the initials of the
    name's words ("Bank of Tarnia (BoT)", "Tarnia Energy Board (TEB)"); None otherwise."""
    if end + 2 >= len(toks) or toks[end].text != "(" or toks[end + 2].text != ")":
        return None
    word = toks[end + 1].text
    numbered = any(c.isdigit() for c in word)  # "Group of Seven (G7)"
    if not (2 <= len(word) <= 8 and word.isalnum() and word[0].isupper()):
        return None
    if not numbered and sum(c.isupper() for c in word) < 2:
        return None
    words = [t.text for t in toks[start:end] if t.text[:1].isalpha()]
    capitals = "".join(w[0] for w in words if w[0].isupper())
    initials = "".join(w[0] for w in words).lower()
    if numbered:
        return word if initials[:1] == word[0].lower() else None
    return word if "".join(c for c in word if c.isupper()) == capitals or word.lower() == initials else None


def _is_person(a: str, b: str) -> bool:
    return a == "Person" or b == "Person"


class NameTable:
    """The clusters of one article and which token is inside which name (the passes' shared state)."""

    def __init__(self, doc: Doc, context: DocContext, gazetteer: Gazetteer | None = None) -> None:
        self.doc = doc
        self.toks = doc_tree(doc).tokens  # doc[i] without spaCy making a new Token each time
        self.context = context
        self.gazetteer = gazetteer
        self.clusters: dict[str, Cluster] = {}
        self.name_of_token: dict[int, str] = {}  # token index -> cluster key for tokens inside names
        self.spans: dict[int, tuple[int, int]] = {}  # head token of each name -> its (start, end) tokens
        self.person_words: set[str] = set()  # last words of the names the NER called persons
        self.surnames: set[str] = set()  # last words of full names the NER called persons, not places
        self.title_line = title_line(self.toks)  # the tokens of a title-case first line (a headline)

    def new_cluster(self, kind: str) -> Cluster:
        """A new named cluster, keyed by its number among all clusters."""
        key = f"n{len(self.clusters)}"
        cluster = self.clusters[key] = Cluster(key=key, type=kind)
        return cluster

    def collect(self, source: str | None) -> None:
        """Cluster the article's names, longest first so short names can join them; then glosses
        join the name they translate, and the gazetteer fixes the type of names it knows."""
        spans = name_spans(self.doc, self.context)
        self.person_words = {
            normalize_name(self.toks[k].text)
            for start, end, label in spans
            if label == "PERSON"
            for k in ({end - 1, start} if _surname_first(self.doc[start:end].text) else {end - 1})
        }
        self.surnames = {
            normalize_name(self.toks[end - 1].text)
            for start, end, label in spans
            if label == "PERSON" and end - start >= 2 and all(t.is_title for t in self.toks[start:end])
        }
        order = sorted(range(len(spans)), key=lambda k: (-(spans[k][1] - spans[k][0]), spans[k][0]))
        for k in order:
            self._add_name(*spans[k], source)
        for gloss in self.context.glosses:
            key = self.name_of_token.get(gloss.name_start)
            g = gloss
            if key is not None and not is_aside_gloss(self.toks, g.name_start, g.name_end, g.gloss_start, g.gloss_end):
                self.clusters[key].add_name(clean_name(self.doc[gloss.gloss_start : gloss.gloss_end].text), 0)
                for i in range(gloss.gloss_start, gloss.gloss_end):
                    self.name_of_token[i] = key
        add_short_names(self)  # "[Kestrel] coach Ana Ruiz", a surname tagged a noun
        add_places_inside_names(self)  # "the Comic Corps of [Canada]"
        add_acronyms_inside_names(self, CLUB_AFFIXES | TITLE_ABBREVIATIONS)  # "[FIFA] World Cup"
        add_unmarked_evidence(self)  # "Talorix was one of the first dinosaurs", NER-less
        for cluster in self.clusters.values():
            settle_type(cluster)  # names only: pronouns bind by these types (he/she to a Person)
            if cluster.gender is None and cluster.type == "Person":
                cluster.gender = lone_first_name_gender(cluster, self.surnames)
        mark_teams(self.clusters.values(), match_report=is_match_report(self.toks))
        if self.gazetteer is not None:
            for cluster in self.clusters.values():
                known = next((k for k in map(self.gazetteer.lookup, list(cluster.names)) if k is not None), None)
                if known is not None:
                    cluster.vote(known.type, strong=True)
        for cluster in self.clusters.values():
            cluster.tokens.sort()

    def _add_name(self, start: int, end: int, label: str, source: str | None) -> None:
        doc, toks = self.doc, self.toks
        if (
            end - start > 1
            and toks[start].is_upper
            and toks[start].is_alpha
            and 2 <= len(toks[start].text) <= 3
            and toks[start].text not in CLUB_AFFIXES  # "FC Goa" tagged PERSON is a club
            and normalize_name(toks[end - 1].text) in self.person_words
        ):
            start, label = start + 1, "PERSON"  # "FM Lavrov", "PM Smith": an abbreviated title before a surname
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
        acronym = _bracketed_acronym(toks, start, end)
        if acronym is not None:  # "the Bank of Tarnia (BoT)": "BoT" names it wherever it stands alone
            cluster.add_name(acronym, 0)
        known = self.gazetteer.lookup(text) if self.gazetteer is not None else None
        cluster.evidence.append(mention_evidence(doc, start, end, gazetteer=known.type if known is not None else None))
        if end - start == 1 and normalize_name(text) in self.surnames and not is_place_name(text):
            # a surname of persons named in full here ("Wilkins" after "Kristin Wilkins" and "Kristen
            # Wilkins", joining neither): a person's, whatever the NER said of it alone
            cluster.evidence.append(MentionEvidence(text="", descriptor="person"))
        head = span.root.i
        if category is not None and after is not None:
            cluster.add_name(f"{text} {after.text}", 0)
            self.name_of_token[after.i] = cluster.key
            head = after.i
            self.spans[head] = (start, after.i + 1)
        else:
            self.spans[head] = (start, end)
        if cluster.gender is None:
            cluster.gender = gender_of_name(toks, start, end)
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
        for cluster in self.clusters.values():
            if cluster.named and cluster.type == "Person" and any(_misspelt(text, n) for n in cluster.names):
                return cluster  # "Kristen Wilkins" after "Kristin Wilkins": one person, a typo
        typo = [c for c in self.clusters.values() if c.named and c.type == "Person" and misspelt_surname(text, c)]
        if len(typo) == 1 and key not in self.surnames:
            return typo[0]  # "Mauer" beside "Kim Maurer", and no one named "Mauer": a typo of the surname
        return self._longer_name(text, kind, position)

    def _longer_name(self, text: str, kind: str, position: int) -> Cluster | None:
        """The one longer name ``text`` is a short form of ("Okonkwo" -> "Chidi Okonkwo"); None when
        none or several different entities fit ("Smith" after "John Smith" and "Jane Smith")."""
        best: Cluster | None = None
        best_score: tuple[int, int] | None = None
        fits = 0
        last_word = (normalize_name(text).split() or [""])[-1]
        for cluster in self.clusters.values():
            if not cluster.named:
                continue
            # the NER may call a surname an organisation ("Nazarbayev" ORG joins a person), but a
            # person's name never joins an organisation's ("President Trump" is not "Trump Organization")
            loose = cluster.type == "Person" and (
                kind in ("Organization", "Thing")
                # "Chung" tagged GPE once; "Te Whata" of "Aroha Te Whata" (a surname of two words)
                or (kind == "Place" and last_word in self.person_words)
            )
            loose = loose or (cluster.type == "CreativeWork" and kind in ("Organization", "Person"))  # "Ultimate"
            loose = loose or any(plural_form_of(text, n) for n in cluster.names)  # "Liberals", "X5s"
            if not (compatible_types(cluster.type, kind) or "Thing" in (kind, cluster.type) or loose):
                continue
            team = cluster.type == "Organization" and names_a_team(self.toks, position)  # "the Harbor side"
            if kind == "Place" and BASE_CLASS.get(cluster.type, cluster.type) in _NAMED_AFTER_PLACES and not team:
                continue  # "Taipei" is not short for "Taipei Lantern Festival", nor "Tarnia" for "Bank of Tarnia"
            person = _is_person(kind, cluster.type)
            if not person and normalize_name(text) in self.person_words:
                continue  # "Trump" is a person's name in this article, not short for "Trump Organization"
            if any(is_short_form(text, name, person=person) for name in cluster.names if cluster.names[name] > 0):
                fits += 1
                # the nearest earlier mention of a matching longer name ("Smith" after "John Smith")
                before = [t for t in cluster.tokens if t < position]
                score = (1 if before else 0, max(before) if before else -min(cluster.tokens or [0]))
                if best_score is None or score > best_score:
                    best, best_score = cluster, score
        return best if fits == 1 else None

    def unlabelled_name(self, head: Token) -> str | None:
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
        if end - start >= 2 and toks[start].text.rstrip(".").upper() in TITLE_ABBREVIATIONS:
            start += 1  # "FM Lavrov": the title is no part of the name
        text = clean_name(doc[start:end].text)
        if is_junk_head(head) or not text or is_bare_title(toks, start, end):
            return None  # a value, a fragment, or a bare title ("the Chief Executive")
        if end - start >= 2 and not head.ent_type_ and is_title_word(head) and head.lower_ not in ORGANIZATION_HEADS:
            return None  # a capitalised title with its department: "the District Crime Manager"
        # a capitalised category noun nobody resolved ("the Government") names one of its kind
        kind = CATEGORY_NOUNS.get(head.lemma_.lower(), "Thing") if end - start == 1 else "Thing"
        if kind == "Thing" and end - start == 1 and _BODY_WORDS.get(head.lemma_.lower()):
            kind = _BODY_WORDS[head.lemma_.lower()]  # "in the Senate", "the Parliament voted"
        if kind == "Thing" and is_place_name(text):
            kind = "Place"  # a place the lists know ("Tuvalu and Nauru asked ...", "(D-Ohio)")
        cluster = self.cluster_for_name(text, kind, head.i)
        if cluster is None:
            sentence = self.context.sentences[self.context.sentence_of[head.i]]
            if is_headline_case(sentence, toks) or head.i in self.title_line:
                return None  # in a title-case headline a capital is no sign of a new name
            if end - start == 1 and head.i == sentence.start and not head.ent_type_ and kind != "Place":
                return None  # a capitalised first word the NER did not call a name ("Relieved, the coach ...")
            if end - start == 1 and head.ent_type_ in ("", "NORP") and any(c.dep_ == "det" for c in kids(head)):
                return None  # "the Republican", "A Star Is Born": a lone capital after a determiner
            cluster = self.new_cluster(kind)
        cluster.add_name(text, 1)
        cluster.tokens.append(head.i)
        cluster.tokens.sort()
        for i in range(start, end):
            self.name_of_token[i] = cluster.key
        self.spans.setdefault(head.i, (start, end))
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
