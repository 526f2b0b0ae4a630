"""Within one article: which mentions are the same entity.

:class:`ArticleEntities` coordinates the passes of coreference over one parsed article, in the
manner of Lee et al. (2013)'s deterministic sieves: first the article's names are clustered
(:mod:`.names`: ``Nazarbayev`` joins ``Nursultan Nazarbayev``, ``Nur Otan`` joins ``Nur Otan
Party``), then each argument of an extraction is resolved by the first pass that decides it
(:meth:`ArticleEntities.resolve`, in order):

1. a quoted clause is a value, not an entity;
2. a title written before a name (``Chairman of the Party John Smith``) is the person (:mod:`.titles`);
3. a word inside a clustered name is that name's entity (:mod:`.names`);
4. personal and possessive pronouns go to the most salient compatible entity (grammatical role,
   recency, the article's topic); ``I``/``we`` to the speaker of their quotation (and the
   speaker's organisation) (:mod:`.anaphora`, :mod:`.salience`, :mod:`.quotes`);
5. definite descriptions: titles used as names (``the Leader of the Nation``) through
   appositions and predicate nominals that link them to a name, the gazetteer, or the article's
   dominant person (:mod:`.titles`); "his party" to the party he is of; a speaker's own "the
   team"; category nouns (``the Party``, ``the country``) to the one compatible named entity
   when exactly one fits (:mod:`.anaphora`); then descriptions of another head than the name's
   (``the hospital``, ``the governor``, ``the leader``, ``the Republican``, ``the 34-year-old``)
   to the one named entity that fits (:mod:`.descriptions`);
6. a capitalised proper noun the NER missed becomes a name (:mod:`.names`).

Common noun phrases form chains of their own (strict head match, the same possessor); a
headline's bare description ("Australian woman claims ...") joins the person the article
describes the same way in apposition.

Other noun phrases become concepts. Everything here is English grammar and closed word classes
(:mod:`graph.lexicon`).
"""

from __future__ import annotations

from bisect import insort
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from ..lexicon import CATEGORY_NOUNS, FEMALE_WORDS, MALE_WORDS, PERSON_NOUNS, ROLE_NOUNS
from ..syntax import doc_tree, kids, subtree_indices
from ..types import Mention
from .anaphora import Anaphora, is_definite
from .description_words import other_branch
from .descriptions import Descriptions, has_restrictive_clause
from .entities import LocalEntity, clean_name, compatible_types, normalize_name, type_for_label
from .events import VerbEvents
from .mentions import candidate_mentions
from .names import Cluster, NameTable, name_head, settle_type
from .sides import Sides
from .titles import Titles
from .typing import MentionEvidence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from ..syntax import DocContext
    from ..types import Extraction
    from .gazetteer import Gazetteer

__all__ = ["ArticleEntities", "Resolution"]


@dataclass(frozen=True)
class Resolution:
    """What an argument mention refers to: a local entity key, or a value (quoted clause)."""

    key: str | None
    how: str  # "name", "pronoun", "description", "title", "concept", "clause", "unresolved"


#: group nouns that, in a speaker's own words, mean the speaker's group ("the team", "the company")
_OWN_GROUPS = {"team", "club", "squad", "side", "company", "firm", "organisation", "organization", "union"}

_LABEL_SKIP = ("relcl", "acl", "appos", "punct", "conj", "cc", "advcl")

#: one pass of resolution: a decision for a mention, or None to leave it to the next pass
Pass = Callable[["Mention"], "Resolution | None"]


class ArticleEntities:
    """The entities of one parsed article and the resolution of mentions to them."""

    def __init__(
        self, doc: Doc, context: DocContext, *, source: str | None = None, gazetteer: Gazetteer | None = None
    ) -> None:
        self.doc = doc
        self.context = context
        self.gazetteer = gazetteer
        self.names = NameTable(doc, context, gazetteer)
        self.names.collect(source)
        self.titles = Titles(self.names)
        self.anaphora = Anaphora(self.names, self.titles)
        self.sides = Sides(self.names, self.anaphora)
        self.events = VerbEvents(doc)
        self.descriptions = Descriptions(self.names, self.titles, self.anaphora)
        self.toks = self.names.toks
        #: head token -> resolution of every mention decided by :meth:`resolve_mentions`
        self.decided: dict[int, Resolution] = {}
        self.mentions: list[tuple[Mention, Resolution]] = []
        self._nominals: dict[str, list[str]] = {}  # head lemma -> nominal chains, in text order
        self._name_words: dict[str, tuple[int, frozenset[str]]] = {}
        self._pronouns: dict[str, list[str]] = {}  # cluster key -> pronouns bound to it (typing evidence)
        self._named: tuple[int, list[Cluster]] = (0, [])  # (clusters seen, the named ones)
        self._definite: dict[int, bool] = {}  # head token -> whether its phrase is definite
        #: (named cluster, head lemma, words) of every apposition that describes a name
        self._appositions: list[tuple[str, str, frozenset[str]]] = []
        #: the passes of :meth:`resolve`, in order; the first that decides wins
        self.passes: list[Pass] = [
            self._clause,
            self._title_before_name,
            self._name,
            self._pronoun,
            self._side,
            self._description,
            self._described_entity,
            self._unlabelled_name,
        ]

    @property
    def clusters(self) -> dict[str, Cluster]:
        return self.names.clusters

    def link_titles(self, extractions: Iterable[Extraction]) -> None:
        """Learn which person each title names from the article's appositions and predicate nominals."""
        self.titles.link(extractions)

    # ------------------------------------------------------------------------------ mentions

    def resolve_mentions(self) -> list[tuple[Mention, Resolution]]:
        """Decide every mention of the article in text order (names, pronouns, descriptions), so
        that a pronoun can bind to one bound before it, and the arguments of facts later get the
        same answer (:meth:`resolve` reads :attr:`decided`). Returns the mentions that name an entity."""
        for mention in candidate_mentions(self.context, self.names.spans):
            found = None
            for decide in self.passes:
                found = decide(mention)
                if found is not None:
                    break
            if found is None or found.key is None:
                found = self._nominal(mention)
            if found is None or found.key is None:
                continue
            self.decided[mention.head] = found
            self.mentions.append((mention, found))
            head = self.toks[mention.head]
            if found.how == "pronoun":
                self._pronouns.setdefault(found.key, []).append(head.lower_)
            if found.how != "name":
                self.anaphora.bind(mention.head, found.key)
        self._name_headline_descriptions()
        return self.mentions

    def _name_headline_descriptions(self) -> None:
        """A headline's bare description ("Australian woman claims ...") is the person the article
        names with the same description in apposition ("Jane Doe, an Australian woman, ..."),
        when exactly one fits: its mentions and the pronouns bound to it move to that name."""
        paragraph_of = self.anaphora.quotes.paragraph_of
        if not paragraph_of or paragraph_of[-1] == 0:
            return  # one paragraph: no headline
        moved: dict[str, str] = {}
        for key, cluster in self.clusters.items():
            if not key.startswith("m:") or not cluster.tokens or paragraph_of[cluster.tokens[0]] != 0:
                continue
            head = self.toks[cluster.tokens[0]]
            if any(c.dep_ in ("det", "poss") for c in kids(head)):
                continue  # headlines drop the article: "the woman" there is no headline description
            lemma = head.lemma_.lower()
            fits = {
                named
                for named, appos_lemma, words in self._appositions
                if appos_lemma == lemma and cluster.keys <= words and self.clusters[named].tokens[0] > head.i
            }
            if len(fits) == 1:
                moved[key] = fits.pop()
        for key, named in moved.items():
            target = self.clusters[named]
            for position in self.clusters[key].tokens:
                insort(target.tokens, position)
            self.clusters[key].tokens.clear()
            if key in self._pronouns:
                self._pronouns.setdefault(named, []).extend(self._pronouns.pop(key))
        if moved:
            self.mentions = [
                (m, Resolution(moved[r.key], "description") if r.key in moved else r) for m, r in self.mentions
            ]
            self.decided = {
                i: Resolution(moved[r.key], "description") if r.key in moved else r for i, r in self.decided.items()
            }

    def resolve(self, mention: Mention, extraction: Extraction | None = None) -> Resolution:
        """Resolve an argument mention to a local entity key (making a concept if need be)."""
        if mention.kind != "CLAUSE":
            known = self.decided.get(mention.head)
            if (
                known is not None
                and known.how == "nominal"
                and known.key is not None
                and len(self.clusters[known.key].tokens) < 2
            ):
                known = None  # a noun phrase mentioned once is a concept, named by the argument's own words
            if known is not None and (known.how != "title" or self._title_before_name(mention) is not None):
                return known
        for decide in self.passes:
            found = decide(mention)
            if found is not None:
                return found
        return Resolution(self._concept(mention), "concept")

    def _clause(self, mention: Mention) -> Resolution | None:
        return Resolution(None, "clause") if mention.kind == "CLAUSE" else None

    def _title_before_name(self, mention: Mention) -> Resolution | None:
        # a title before a name: "Chairman of the Party John Smith" is John Smith
        if len(mention.tokens) == 1 and mention.kind == "PRON":
            return None
        person = self.titles.person_after_title(mention)
        return Resolution(person, "title") if person is not None else None

    def _name(self, mention: Mention) -> Resolution | None:
        key = self.names.name_of_token.get(mention.head)
        return Resolution(key, "name") if key is not None else None

    def _pronoun(self, mention: Mention) -> Resolution | None:
        head = self.toks[mention.head]
        if head.pos_ == "PRON" or head.tag_ in ("PRP", "PRP$"):
            key = self.anaphora.pronoun(head)
            return Resolution(key, "pronoun" if key else "unresolved")
        return None

    def _side(self, mention: Mention) -> Resolution | None:
        # a match report's "the visitors", "the home team", "Lopez's boys"
        key = self.sides.side(self.toks[mention.head]) if mention.kind != "PRON" else None
        return Resolution(key, "description") if key is not None else None

    def _description(self, mention: Mention) -> Resolution | None:
        """A definite description, or a capitalised category noun used as a name ("of the Party Maulen ...")."""
        toks = self.toks
        head = toks[mention.head]
        definite = self._is_definite(head) or any(
            toks[i].lower_ in ("the", "this", "that") for i in mention.tokens if i < head.i
        )
        if not (head.pos_ in ("NOUN", "PROPN") and (definite or (head.is_title and head.pos_ == "PROPN"))):
            return None
        if head.lower_ in ROLE_NOUNS and head.is_title:
            key = self.titles.title_as_name(head, mention)
            # a bare title that names nobody we know ("the President's post") is no node
            return Resolution(key, "title" if key else "unresolved")
        category = CATEGORY_NOUNS.get(head.lemma_.lower())
        if head.lemma_.lower() in _OWN_GROUPS and head.tag_ != "NNS" and head.i in self.anaphora.quotes.in_quote:
            # a coach's "the team", a chief executive's "the company": the speaker's own
            speaker = self.anaphora.quotes.speaker_at(head.i)
            if speaker is not None and self.clusters[speaker].type == "Person":
                key = self.anaphora.affiliation(speaker, head.i, places=True)
                if key is not None:
                    return Resolution(key, "description")
        owner = next((c for c in kids(head) if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if category is not None and owner is not None and head.tag_ != "NNS":
            # "Fan of the Neo Democrats ... resigned from his party": the party of the person "his" is
            person = self.decided.get(owner.i)
            if person is not None and person.key is not None and self.clusters[person.key].type == "Person":
                key = self.anaphora.affiliation(person.key, head.i)
                kind = self.clusters[key].type if key is not None else ""
                if other_branch(head.lemma_.lower(), self.clusters[key].names if key is not None else ()):
                    key = None  # "his government" is not the parliament he sits in
                if key is not None and (compatible_types(kind, category) or (kind == "Group" and category != "Place")):
                    return Resolution(key, "description")
        named = self._of_name(head)
        if category is not None and named is not None:
            return Resolution(named, "description")  # "the city of Haidong" is Haidong
        if category is not None and not self.names.has_own_name(mention) and not has_restrictive_clause(head):
            key = self.anaphora.salient(category, before=head.i, head_word=head.lemma_.lower())
            if key is not None:
                return Resolution(key, "description")
        return None

    def _described_entity(self, mention: Mention) -> Resolution | None:
        """A definite description of another head than the name's: "the hospital", "the leader",
        "the Republican", "the 34-year-old" (:mod:`.descriptions`); a noun with an earlier phrase
        of the same head is left to :meth:`_nominal`'s head match."""
        if mention.kind == "PRON":
            return None
        head = self.toks[mention.head]
        key = self.descriptions.titled_person(head)  # the article's one "Gov. Evers": before head match
        if key is not None:
            return Resolution(key, "described")
        if head.lemma_.lower() in self._nominals:
            # a chain of the same noun comes first, unless a name has the noun ("Appeals court
            # ruled ... the Appellate Division ... the court"): Lee et al.'s names before nominals
            key = self.descriptions.organisation(head, by_name=True)
            return Resolution(key, "described") if key is not None else None
        key = self.descriptions.organisation(head) or self.descriptions.person(head) or self.descriptions.country(head)
        return Resolution(key, "described") if key is not None else None

    def _of_name(self, head: Token) -> str | None:
        """The name in "the city of Haidong", "the state of New York": the pobj of the head's "of"."""
        for prep in kids(head):
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in kids(prep):
                    if pobj.dep_ == "pobj":
                        return self.names.name_of_token.get(pobj.i)
        return None

    def _unlabelled_name(self, mention: Mention) -> Resolution | None:
        head = self.toks[mention.head]
        if head.pos_ == "PROPN" and head.is_title:
            key = self.names.unlabelled_name(head)
            return Resolution(key, "name") if key is not None else None
        return None

    def _nominal(self, mention: Mention) -> Resolution | None:
        """A common noun phrase (Lee et al.'s exact-string and strict head match for nominals): a
        definite one joins the latest earlier phrase with the same head noun whose words include
        its own ("the robots" after "three robots built by the team"); any other starts a chain."""
        toks = self.toks
        head = toks[mention.head]
        if head.pos_ != "NOUN" or (head.lower_ in ROLE_NOUNS and head.is_title):
            return None
        lemma = head.lemma_.lower()
        names = self.names
        # apposition: "Valeska Paris, an Australian woman": the noun describes the name (and is
        # inside the name's mention, as in OntoNotes), so a later "the woman" can find her
        described = names.name_of_token.get(head.head.i) if head.dep_ == "appos" else None
        if described is None:
            described = next(
                (names.name_of_token[c.i] for c in kids(head) if c.dep_ == "appos" and c.i in names.name_of_token), None
            )
        if described is not None and other_branch(lemma, self.clusters[described].names):
            described = None  # "the coalition ..., the Liberal Party": a party is no coalition
        words = {toks[i].lower_ for i in mention.tokens if toks[i].pos_ in ("NOUN", "PROPN", "ADJ", "NUM")}
        if described is not None:
            self.clusters[described].descriptions.add(lemma)
            self._appositions.append((described, lemma, frozenset(words)))
            return Resolution(described, "apposition")
        definite = self._is_definite(head)
        if definite and head.tag_ != "NNS":
            # a definite description joins the one named entity it describes or whose name has its
            # head word ("the woman" -> Valeska Paris; "the church" -> Church of Scientology)
            fits = [
                c.key
                for c in self._named_clusters()
                if c.tokens and c.tokens[0] < head.i and (lemma in c.descriptions or lemma in self._heads(c))
            ]
            if len(fits) == 1:
                return Resolution(fits[0], "description")
        if definite:
            owner = self._owner(head)
            for key in reversed(self._nominals.get(lemma, [])):
                cluster = self.clusters[key]
                if words <= cluster.keys and (head.tag_ == "NNS") == cluster.plural:
                    if owner is not None and self._owner(toks[cluster.tokens[0]]) != owner:
                        continue  # "his leadership" is not another man's "leadership"
                    if self.events.told_between(lemma, cluster.tokens[-1], head.i, toks[cluster.tokens[0]]):
                        break  # "a call for service ... the father called police ... the call": his
                    cluster.tokens.append(head.i)
                    return Resolution(key, "nominal")
        key = f"m:{head.i}"
        kind = "Person" if lemma in PERSON_NOUNS else CATEGORY_NOUNS.get(lemma, "Concept")
        cluster = self.clusters[key] = Cluster(key=key, type=kind, named=False)
        cluster.plural = head.tag_ == "NNS"
        cluster.keys |= words  # its label is made when it becomes a node (:meth:`_name_nominal`)
        cluster.tokens.append(head.i)
        if kind == "Person":
            cluster.gender = "m" if lemma in MALE_WORDS else "f" if lemma in FEMALE_WORDS else None
        if head.dep_ in ("nsubj", "nsubjpass"):
            cluster.subject_tokens.add(head.i)
        self._nominals.setdefault(lemma, []).append(key)
        return Resolution(key, "nominal")

    def _is_definite(self, head: Token) -> bool:
        """:func:`.anaphora.is_definite`, once per token (fact arguments ask again)."""
        found = self._definite.get(head.i)
        if found is None:
            found = self._definite[head.i] = is_definite(head)
        return found

    def _owner(self, head: Token) -> str | None:
        """The entity a noun phrase's possessor ("his", "Smith's") was resolved to; "" when it
        has a possessor nobody resolved, None when it has none."""
        for child in kids(head):
            if child.dep_ == "poss":
                found = self.decided.get(child.i)
                return found.key or "" if found is not None else ""
        return None

    def _named_clusters(self) -> list[Cluster]:
        """The named clusters, in the order they were made (clusters are only ever added, so only
        the ones added since the last call are looked at)."""
        seen, named = self._named
        if seen != len(self.clusters):
            named.extend(c for c in islice(self.clusters.values(), seen, None) if c.named)
            self._named = (len(self.clusters), named)
        return named

    def _heads(self, cluster: Cluster) -> frozenset[str]:
        """The head words of the names a named cluster was called by: the word before "of"
        ("Church of Scientology"), else the last ("Supreme Court"); cached until it gets a new name."""
        cached = self._name_words.get(cluster.key)
        if cached is None or cached[0] != len(cluster.names):
            words = frozenset(name_head(n) for n, c in cluster.names.items() if c)
            cached = self._name_words[cluster.key] = (len(cluster.names), words)
        return cached[1]

    def _name_nominal(self, cluster: Cluster) -> None:
        """A chain of noun phrases is named by its first mention, without a relative clause, an
        apposition or a prepositional phrase other than "of"."""
        toks = self.toks
        head = toks[cluster.tokens[0]]
        other_preps = [c.i for c in kids(head) if c.dep_ == "prep" and c.lower_ != "of"]  # "sidelines [of the event]"
        label = [toks[i] for i in subtree_indices(head, skip_deps=_LABEL_SKIP, skip=other_preps)]
        while label and (label[0].pos_ in ("DET", "PRON") or label[0].tag_ == "PRP$" or label[0].is_punct):
            label = label[1:]
        cluster.names[clean_name("".join(t.text_with_ws for t in label)) or head.text] += 1

    def _concept(self, mention: Mention) -> str:
        """A noun phrase that names no entity becomes a concept, one per normalised text."""
        toks = self.toks
        tree = doc_tree(self.doc)  # texts and spaces as strings, without a Token attribute read each
        texts, spaces = tree.texts, tree.whitespace
        words = list(mention.tokens)
        first = 0
        while first < len(words) and (
            toks[words[first]].pos_ in ("DET", "PRON")
            or toks[words[first]].tag_ == "PRP$"
            or toks[words[first]].is_punct
        ):
            first += 1
        words = words[first:]
        # words not next to each other in the text get a space ("the men, identified" -> "men identified")
        text = (
            "".join(
                texts[i] + (spaces[i] if k + 1 < len(words) and words[k + 1] == i + 1 else " ")
                for k, i in enumerate(words)
            ).strip()
            or mention.text
        )
        label = clean_name(text) or text
        key = "c:" + normalize_name(label)
        cluster = self.clusters.get(key)
        if cluster is None:
            # a phrase that is no name is a concept, or a time or quantity; never a named class
            kind = type_for_label(toks[mention.head].ent_type_) if toks[mention.head].ent_type_ else "Concept"
            if kind not in ("TimeExpression", "Quantity"):
                kind = "Concept"
            cluster = self.clusters[key] = Cluster(key=key, type=kind, named=False)
        cluster.names[label] += 1  # a concept is never matched by name keys (those are for names)
        cluster.tokens.append(mention.head)
        return key

    # ------------------------------------------------------------------------------ output

    def is_named(self, key: str) -> bool:
        """Whether a local entity is a proper name (not a concept phrase)."""
        return self.clusters[key].named

    def named_entity(self, name: str, kind: str) -> str:
        """The cluster of a name given outside the text (the dateline's place, the source)."""
        return self.names.named_entity(name, kind)

    def local_entity(self, key: str, mentions: int) -> LocalEntity:
        """The article-local entity of a cluster, with the gazetteer's identity if it knows it."""
        cluster = self.clusters[key]
        if key.startswith("m:") and not any(cluster.names.values()):
            self._name_nominal(cluster)
        names = Counter({n: c for n, c in cluster.names.items() if n})
        known = None
        if self.gazetteer is not None and cluster.named:
            known = next((k for k in map(self.gazetteer.lookup, names) if k is not None), None)
        if known is not None:
            return LocalEntity(
                key=key,
                label=cluster.label,
                type=known.type,
                names=names,
                mentions=mentions,
                named=True,
                known_id=known.id,
                known_label=known.label,
            )
        if cluster.named and key in self._pronouns:
            # classify again with the pronouns bound to it ("she": a person; "it": not one). Its
            # appositions are in its names' evidence already; definite descriptions ("the city")
            # were measured to cost a chain on GUM dev, so they add nothing here
            extra = [MentionEvidence(text="", pronouns=tuple(self._pronouns[key]))]
            settle_type(cluster, extra)
        # a chain of noun phrases ("the officer") is a concept node, whatever kind it agreed as
        kind = "Concept" if key.startswith("m:") else cluster.type
        return LocalEntity(key=key, label=cluster.label, type=kind, names=names, mentions=mentions, named=cluster.named)
