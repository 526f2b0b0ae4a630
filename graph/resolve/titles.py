"""Titles and roles around names: which person a title stands for.

Two passes of coreference:

- a title written before a name (``Chairman of the Party John Smith``, ``President Bush``) is
  the person (:meth:`Titles.person_after_title`), and the organisation in it is theirs
  (:meth:`Titles.organisation_of`);
- a title used instead of a name (``the Leader of the Nation``, ``The President said``) is the
  person an apposition or a predicate nominal of the article links it to (:meth:`Titles.link`),
  or the gazetteer, or else the article's dominant person (:meth:`Titles.title_as_name`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from ..lexicon import ROLE_NOUNS
from ..syntax import kids, subtree_indices, title_before_name
from .entities import clean_name, normalize_name

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from ..types import Extraction, Mention
    from .names import NameTable

__all__ = ["Titles"]

#: classes a role's organisation may have (a role "of" a place is no membership of it)
_ORGANISATION_KINDS = frozenset({"Organization", "GovernmentBody", "PoliticalParty", "NewsAgency"})
#: (start, end, root, (title tokens, organisation tokens, index of "of")) of a titled PERSON name
TitledPerson = tuple[int, int, int, tuple[list[int], list[int], int | None]]


class Titles:
    """The titles of one article and the people they name."""

    def __init__(self, names: NameTable) -> None:
        self.names = names
        self.links: dict[str, str] = {}  # normalised title text -> person cluster
        #: person cluster -> the organisation of their current role (roles.v1: "X, president of Y")
        self.role_organisations: dict[str, str] = {}

    @cached_property
    def titled_people(self) -> list[TitledPerson]:
        """(start, end, root, title) of every PERSON name with a title before it, found once."""
        people = []
        for ent in self.names.doc.ents:
            if ent.label_ == "PERSON":
                found = title_before_name(ent)
                if found is not None:
                    people.append((ent.start, ent.end, ent.root.i, found))
        return people

    def person_after_title(self, mention: Mention) -> str | None:
        """``Chairman of the Party John Smith``: the person a mention of a title before a name is."""
        head = self.names.toks[mention.head]
        if head.ent_type_ == "PERSON":
            return None
        for start, end, root, _ in self._titled_at.get(head.i, ()):
            if start in mention.tokens and end - 1 in mention.tokens:
                return self.names.name_of_token.get(root)
        return None

    @cached_property
    def _titled_at(self) -> dict[int, list[TitledPerson]]:
        """The titled people whose title or name root is at a token."""
        found: dict[int, list[TitledPerson]] = {}
        for person in self.titled_people:
            _, _, root, (title, _, _) = person
            for i in {*title, root}:
                found.setdefault(i, []).append(person)
        return found

    def organisation_of(self, person_key: str) -> str | None:
        """The organisation a person holds a title in, in this article (``Chairman of X``)."""
        for _, _, root, (_, organisation, _) in self.titled_people:
            if self.names.name_of_token.get(root) == person_key:
                for i in organisation:
                    key = self.names.name_of_token.get(i)
                    if key is not None:
                        return key
        found = self.role_organisations.get(person_key)
        # "Ana Ruiz, a Denver teacher": a town is where the role is, not the organisation it is in
        if found is not None and self.names.clusters[found].type in _ORGANISATION_KINDS:
            return found
        return None

    def title_text(self, head: Token) -> str:
        """The normalised words of a title phrase: ``the Leader of the Nation`` -> ``leader of the nation``."""
        toks = self.names.toks
        words = subtree_indices(head, skip_deps=("appos", "relcl", "acl", "punct", "conj", "cc"))
        return normalize_name(" ".join(toks[i].text for i in words if toks[i].pos_ != "DET"))

    def title_as_name(self, head: Token, mention: Mention) -> str | None:
        """``The Leader of the Nation``: a capitalised title used instead of a person's name."""
        names = self.names
        title = self.title_text(head)
        linked = self.links.get(title) or self.links.get(head.lower_)
        if linked is None and names.gazetteer is not None:
            known = names.gazetteer.lookup(title)
            if known is not None:
                for cluster in names.clusters.values():
                    other = names.gazetteer.lookup(cluster.label)
                    if other is not None and other.id == known.id:
                        linked = cluster.key
        if linked is None and head.dep_ in ("nsubj", "nsubjpass"):
            # a title acting as the subject ("The Leader of the Nation highlighted ...") in an article
            # about one person; elsewhere ("the President's post") a title names the office
            linked = self.dominant_person()
        title_words = clean_name(mention.text).split()
        if linked is not None and len(title_words) >= 2:
            # "Leader of the Nation" becomes an alias (never the label, never matched on); a bare
            # "President" names an office, not the person
            names.clusters[linked].add_name(" ".join(title_words), 0)
        return linked

    def link(self, extractions: Iterable[Extraction]) -> None:
        """Learn which person a title names from appositions and predicate nominals in the article
        (``Nursultan Nazarbayev, the Leader of the Nation, ...``, ``X is the Leader of ...``), and
        join titles set side by side (``The First President of the country - the Leader of the Nation``)."""
        names = self.names
        toks = names.toks
        for extraction in extractions:
            if extraction.construction == "role" and extraction.relation.tokens:
                # roles.v1: "President Kassym-Jomart Tokayev", "Berg, chief executive of Acme"
                name_key = names.name_of_token.get(extraction.subject.head)
                title_head = toks[extraction.relation.tokens[-1]]
                if name_key and title_head.lower_ in ROLE_NOUNS and names.clusters[name_key].type == "Person":
                    self.links.setdefault(self.title_text(title_head), name_key)
                    self.links.setdefault(title_head.lower_, name_key)
                organisation = names.name_of_token.get(extraction.object.head) if extraction.object else None
                if name_key and organisation and extraction.hedge != "former" and organisation != name_key:
                    self.role_organisations.setdefault(name_key, organisation)
                continue
            if extraction.lemma != "be" or extraction.object is None:
                continue
            for name, title in ((extraction.subject, extraction.object), (extraction.object, extraction.subject)):
                name_key = names.name_of_token.get(name.head)
                title_head = toks[title.head]
                if name_key and title_head.lower_ in ROLE_NOUNS and names.clusters[name_key].type == "Person":
                    self.links.setdefault(self.title_text(title_head), name_key)
                    # "Lithuanian President Gitanas Nauseda ... The President said": the bare title too
                    self.links.setdefault(title_head.lower_, name_key)
        for token in toks:
            if token.dep_ == "nsubj" and token.lower_ in ROLE_NOUNS and token.is_title:
                for other in kids(token.head):
                    if other is not token and other.dep_ == "nsubj" and other.lower_ in ROLE_NOUNS and other.is_title:
                        self._join(self.title_text(token), self.title_text(other))

    def _join(self, a: str, b: str) -> None:
        """Two titles of one subject name one person: what either is linked to, both are."""
        linked = self.links.get(a) or self.links.get(b)
        if linked:
            self.links.setdefault(a, linked)
            self.links.setdefault(b, linked)

    def dominant_person(self) -> str | None:
        """The person the article is about: mentioned at least twice, twice as often as any other."""
        people = sorted(
            ((len(c.tokens), c.key) for c in self.names.clusters.values() if c.type == "Person"), reverse=True
        )
        if not people or people[0][0] < 2:
            return None
        if len(people) > 1 and people[1][0] * 2 > people[0][0]:
            return None
        return people[0][1]
