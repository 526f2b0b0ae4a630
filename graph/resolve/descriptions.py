"""Definite descriptions that stand for a named entity of the article.

Lee et al. (2013) join a nominal mention to an earlier one by head match; news refers to a named
entity by a description of another head as often ("Children's Hospital 1 ... the hospital",
"Michelle Bullock ... the leader said", "Trump ... the Republican", "the 34-year-old"). Each rule
joins only when exactly one entity fits (an unresolved description is better than a wrong join):

- a bare title (``the governor``, ``the Danish manager``, ``the US president``) joins the one
  person the article titled so before the name ("Gov. Tony Evers", "Swans boss X"; never "former
  Gov. Y") or in an apposition or predicate nominal, of the country the description names
  (:meth:`Descriptions.titled_person`); this comes before a chain of the same noun;
- an organisation noun (``the company``, ``the hospital``, ``the court``, ``the institution``)
  joins the entity of an organisation class mentioned before whose name has a word the noun
  allows ("hospital", "infirmary" for ``the hospital``), the most recent when it is the only one
  within reach; failing that, the only entity of a class the noun fits ("the institution": any
  organisation) in the sentence and the one before that is no source ("according to X") nor a
  bracketed aside; never inside a quotation (a judge's "the court" is the court below)
  (:meth:`Descriptions.organisation`);
- a person noun (a leading role, ``the leader``, ``the head of the RBA``; a demonym, ``the
  Frenchman``; an age, ``the 34-year-old``; an epithet, ``the Republican``, ``the veteran``) joins
  the person who holds a role in the organisation it names ("the head of X"; in a headline, one
  named later), or else the only person within the sentence and the three before (of the country
  it names), never when an unnamed person is within reach too, never a functionary ("the judge",
  "the spokesman") and, for a role, only a person the article gave some leading title
  (:meth:`Descriptions.person`);
- ``the country`` joins the only country named within reach (:meth:`Descriptions.country`).

Only singular phrases with ``the``/``this``/``that``, without a restrictive clause ("the company
she founded"); never a predicate nominal or an apposition (those describe, they do not refer);
never a time, a date or a quantity; the description's modifiers must be words of the entity's
names ("the central bank" may be the Central Bank of Tarnia, "the regional court" no other court).
Clusters are looked up by their sorted mention positions (a bisection each) and the titles before
names are read once per article, never by a scan of the document per mention. The word lists are
in :mod:`.description_words`.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from ..lexicon import DEMONYMS, ROLE_NOUNS, ROLE_TITLE_NOUNS
from ..syntax import kids
from .description_words import (
    ABBREVIATIONS,
    ANOTHER,
    BUSINESS,
    CAPITAL_EPITHETS,
    COUNTRY_NAMES,
    COUNTRY_NOUNS,
    EPITHETS,
    EVENTS,
    FUNCTIONARIES,
    KIN,
    NEEDS_TRADE,
    ORGANISATION_NOUNS,
    ORGS,
    PAST,
    SAME_TITLE,
    TITLE_STOP,
    gender_of_word,
    nation,
    nation_of,
)
from .epithets import of_party

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .anaphora import Anaphora
    from .names import Cluster, NameTable
    from .titles import Titles

__all__ = ["Descriptions", "has_restrictive_clause", "is_age_phrase"]

_DETERMINERS = ("the", "this", "that")
#: sentences before the description's own in which a person or a named organisation is looked for
_WINDOW = 3
#: ... and an organisation that fits by its class alone ("the institution")
_CLASS_WINDOW = 1


def is_age_phrase(token: Token) -> bool:
    """``the 34-year-old``: an age used as a noun phrase (spaCy heads it with "old")."""
    return (
        token.lower_ == "old"
        and token.i >= 2
        and token.doc[token.i - 1].text == "-"
        and token.doc[token.i - 2].lower_ in ("year", "years")
        and any(c.dep_ == "det" and c.lower_ in _DETERMINERS for c in kids(token))
    )


def has_restrictive_clause(head: Token) -> bool:
    """Whether a clause without a comma restricts the noun: "the company she founded", "the
    officer who shot him" pick another one than the one named before."""
    doc = head.doc
    return any(
        c.dep_ in ("relcl", "acl")
        and c.i > head.i
        and doc[c.left_edge.i - 1].text != ","
        # "told the president that talks would go on": the verb's clause, hung on the noun
        and not any(g.dep_ == "mark" for g in kids(c))
        for c in kids(head)
    )


class Descriptions:
    """The definite descriptions of one article that stand for one of its named entities."""

    def __init__(self, names: NameTable, titles: Titles, anaphora: Anaphora) -> None:
        self.names = names
        self.titles = titles
        self.anaphora = anaphora
        self._words: dict[str, tuple[int, frozenset[str]]] = {}
        self._titled: dict[str, set[str]] | None = None

    # ------------------------------------------------------------------------------ shared

    def _plain_definite(self, head: Token) -> bool:
        """A singular phrase with the/this/that, which neither describes nor renames a name next to it."""
        if head.tag_ in ("NNS", "NNPS") or head.dep_ in ("attr", "appos", "compound"):
            return False
        children = kids(head)
        if not any(c.dep_ == "det" and c.lower_ in _DETERMINERS for c in children):
            return False
        # "the director, John Smith", "the company Acme": the name beside it (:meth:`ArticleEntities._nominal`)
        named = self.names.name_of_token
        toks = self.names.toks
        if has_restrictive_clause(head):
            return False
        return not any(
            c.dep_ == "poss"
            or (
                c.dep_ in ("appos", "npadvmod")
                # a name in apposition, or one right after the noun; not "the striker, France's top scorer"
                and (c.i in named or (c.left_edge.i in named and toks[c.left_edge.i - 1].text != ","))
            )
            for c in children
        )

    def _window_start(self, position: int, back: int = _WINDOW) -> int:
        context = self.names.context
        return context.sentences[max(0, context.sentence_of[position] - back)].start

    def _name_words(self, cluster: Cluster) -> frozenset[str]:
        """The lower-case words of every name the cluster was called by (cached until it gets a new one)."""
        cached = self._words.get(cluster.key)
        if cached is None or cached[0] != len(cluster.names):
            words = frozenset(w.strip(".,'’").lower() for n in cluster.names for w in n.replace("'s", " ").split())
            cached = self._words[cluster.key] = (len(cluster.names), words)
        return cached[1]

    @staticmethod
    def _last_before(cluster: Cluster, position: int) -> int:
        """The position of the cluster's last mention before ``position`` (-1 when none)."""
        index = bisect_left(cluster.tokens, position)
        return cluster.tokens[index - 1] if index else -1

    def _modifiers(self, head: Token) -> set[str]:
        return {c.lower_ for c in kids(head) if c.dep_ in ("amod", "compound", "nmod", "nummod")}

    # ------------------------------------------------------------------------------ organisations

    def organisation(self, head: Token, *, by_name: bool = False) -> str | None:
        """The named organisation ``the company``, ``the hospital``, ``the institution`` stands for;
        with ``by_name`` only one whose name has a word the noun allows ("the court": the Appellate
        Division)."""
        spec = ORGANISATION_NOUNS.get(head.lemma_.lower())
        if spec is None or head.pos_ != "NOUN" or not self._plain_definite(head):
            return None
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in kids(head)):
            return None  # "the bank of the river", "the board of Acme": another entity, or one the name table reads
        words, kinds = spec
        if head.lower_ in NEEDS_TRADE and not any(
            c.dep_ in ("compound", "amod") and c.pos_ == "NOUN" for c in kids(head)
        ):
            return None
        if head.i in self.anaphora.quotes.in_quote:
            return None  # a judge's "the court" is the court below, a rival's "the company" another one
        if by_name and kinds == EVENTS:
            return None  # "the festival" after "Lantern Festival": this year's or the series, a chain decides
        if any(c.dep_ in ("compound", "nmod") and c.i in self.names.name_of_token for c in kids(head)):
            return None  # "the Nur Otan party" has a name; "the Chicago law firm" is no firm named Chicago
        modifiers = self._modifiers(head)
        if head.lower_ in BUSINESS:
            if modifiers & ANOTHER:
                return None  # "the rival company" is another one
            # "the Canadian company", "the smartphone maker" describe it; a name ("the Chicago law
            # firm") must still be one of its names
            toks = self.names.toks
            located = {t.i for c in kids(head) if c.dep_ == "amod" for t in c.subtree}  # "Cupertino-based"
            modifiers = {
                toks[i].lower_ for i in range(head.left_edge.i, head.i) if toks[i].pos_ == "PROPN" and i not in located
            }
        window = self._window_start(head.i)
        class_window = self._window_start(head.i, _CLASS_WINDOW)
        by_word: list[tuple[int, str]] = []
        by_kind: list[str] = []
        for cluster in self.names.clusters.values():
            if not cluster.named or cluster.type in ("Person", "TimeExpression", "Quantity", "CreativeWork"):
                continue
            last = self._last_before(cluster, head.left_edge.i)  # before the phrase, not inside it
            if last < 0:
                continue
            names = self._name_words(cluster)
            if not modifiers <= names:
                continue  # "the regional court" is no court whose names lack "regional"
            fitting = ("Event", "Thing") if kinds == EVENTS else (*ORGS, "Place", "Thing")
            if names & words and cluster.type in fitting:
                by_word.append((last, cluster.key))
            elif (
                (cluster.type in kinds or (cluster.team and "club" in words))
                and last >= class_window
                and self._acts_between(cluster, class_window, head.i)
            ):
                by_kind.append(cluster.key)
        if by_word:
            if len(by_word) == 1:
                return by_word[0][1]
            return self._one([key for last, key in by_word if last >= window])
        return None if by_name else self._one(by_kind)

    def _same(self, key: str | None, other: str) -> bool:
        """Whether two clusters are one entity: the same, or sharing a name ("Central Bank of
        Tarnia" with its alias "CBT", and a cluster "CBT")."""
        if key is None or key == other:
            return key is not None
        clusters = self.names.clusters
        return bool({n.lower() for n in clusters[key].names} & {n.lower() for n in clusters[other].names})

    def _one(self, keys: list[str]) -> str | None:
        """The one entity of ``keys`` (in the order of the clusters), counting clusters that share a
        name as one ("Central Bank of Tarnia", alias "CBT", beside a cluster "CBT"): the first."""
        if len(keys) <= 1:
            return keys[0] if keys else None
        clusters = self.names.clusters
        first = {n.lower() for n in clusters[keys[0]].names}
        if all({n.lower() for n in clusters[k].names} & first for k in keys[1:]):
            return keys[0]
        return None

    def _acts_between(self, cluster: Cluster, start: int, end: int) -> bool:
        """Whether the cluster has a mention in ``[start, end)`` that is neither a source ("according
        to a poll by Acme", "reported by Acme") nor a bracketed aside ("(TSX: BB)")."""
        toks = self.names.toks
        positions = cluster.tokens
        for position in positions[bisect_left(positions, start) : bisect_left(positions, end)]:
            token = toks[position]
            if (position and toks[position - 1].text == "(") or (
                position + 1 < len(toks) and toks[position + 1].text == ":"
            ):
                continue
            up, source = token, False
            for _ in range(4):
                if up.lower_ in ("according", "by", "via") or up.dep_ == "ROOT":
                    source = up.lower_ in ("according", "by", "via")
                    break
                up = up.head
            if not source:
                return True
        return False

    def country(self, head: Token) -> str | None:
        """The country ``the country``, ``the nation`` stands for: the only country named in the
        sentence or the three before (a town or a region there is no country)."""
        if head.lemma_.lower() not in COUNTRY_NOUNS or head.pos_ != "NOUN" or not self._plain_definite(head):
            return None
        if self._modifiers(head) or any(c.dep_ == "prep" for c in kids(head)):
            return None  # "the host country", "the country of origin": another one
        window = self._window_start(head.i)
        found = [
            c.key
            for c in self.names.clusters.values()
            if c.named
            and c.type == "Place"
            and self._last_before(c, head.left_edge.i) >= window
            and any(n.lower().removeprefix("the ") in COUNTRY_NAMES for n in c.names)
        ]
        return self._one(found)

    # ------------------------------------------------------------------------------ people

    def person_noun(self, head: Token) -> bool:
        """Whether a noun is one a report calls a named person by: a role, an epithet, a demonym, an age."""
        lower = head.lower_
        if lower in KIN:
            return False
        if head.pos_ in ("NOUN", "PROPN"):
            if lower in CAPITAL_EPITHETS or lower in DEMONYMS:
                return head.is_title  # "the Pole", "the Republican"; not "the pole", "a liberal"
            return lower in ROLE_TITLE_NOUNS or lower in ROLE_NOUNS or lower in EPITHETS
        return is_age_phrase(head)

    def person(self, head: Token) -> str | None:
        """The named person ``the leader``, ``the head of the bank``, ``the Frenchman`` stands for."""
        if not self.person_noun(head) or not self._plain_definite(head):
            return None
        names = self.names
        lower = head.lower_
        gender = gender_of_word(lower) if not is_age_phrase(head) else None
        # a headline names its people later ("The chairman of Acme warns ..." before "Acme's
        # chairman, Jo Bell, ..."): there, anyone of the article with a role in the organisation
        paragraphs = self.anaphora.quotes.paragraph_of
        headline = bool(paragraphs) and paragraphs[head.i] == 0 and paragraphs[-1] > 0
        people = [
            c
            for c in names.clusters.values()
            if c.named
            and c.type == "Person"
            and (self._last_before(c, head.i) >= 0 or (headline and c.tokens))
            and (gender is None or c.gender in (None, gender))
        ]
        # a quotation's speaker does not describe themselves in their own words
        quotes = self.anaphora.quotes
        speaker = quotes.speaker_at(head.i) if head.i in quotes.in_quote else None
        people = [c for c in people if c.key != speaker]
        if not people:
            return None
        organisation, named_other = self._organisation_named(head)
        if organisation is not None:
            # "the head of the RBA", "the Acme chief": the one person with a role in it
            before = len(names.toks) if headline else head.i
            holders = [c.key for c in people if self._same(self.anaphora.affiliation(c.key, before), organisation)]
            return holders[0] if len(holders) == 1 else None
        if named_other or headline:
            return None  # "the leader of the opposition", "the director of the film": someone else
        if head.pos_ in ("NOUN", "PROPN") and (lower in ROLE_NOUNS or lower in ROLE_TITLE_NOUNS):
            former = self._title_index().get(f"former {lower}", set())
            people = [c for c in people if c.key not in former]  # "Former Gov. Walker ... the governor"
            if not people:
                return None
            linked = self.titles.links.get(self.titles.title_text(head)) or self.titles.links.get(lower)
            if linked is not None and any(c.key == linked for c in people):
                return linked  # the person the article gave the title: "President Ruto ... the president"
        if lower in FUNCTIONARIES:
            return None  # "the judge", "the prosecutor", "the spokesman": someone else than the story's person
        window = self._window_start(head.i)
        # a person the article titled otherwise ("Judge X", "X, a lawyer") is not "the leader"
        other = self._other_titles(lower)
        near = [c.key for c in people if self._last_before(c, head.i) >= window and c.key not in other]
        country = nation_of(head)
        if country is not None:
            # "the Russian leader": the one the article called Russian, never one of another country
            index = self._title_index()
            of_nation = index.get(f" nation:{country}", set())
            near = (
                [k for k in near if k in of_nation]
                if of_nation
                else [k for k in near if k not in index.get(" demonym", set())]
            )
        if (lower in ROLE_NOUNS or lower in ROLE_TITLE_NOUNS) and lower not in EPITHETS:
            # "the leader" is someone the article gave a leading title, not "Smith, a farmer"
            leaders = self._leaders()
            near = [key for key in near if key in leaders]
            if not near:
                return None
        # "the moderate Democrat", "the Frenchman": of several, the one of that party or the main person
        latest = window
        if len(near) > 1 and head.is_title and (lower in CAPITAL_EPITHETS or lower in DEMONYMS):
            near = of_party(self.names, self.anaphora, lower, near, head.i)
            if len(near) == 1:
                latest = self._last_before(names.clusters[near[0]], head.i)
        if any(
            not c.named
            and not c.plural
            and c.type == "Person"
            and c.key.startswith("m:")
            and self._last_before(c, head.i) >= latest
            for c in names.clusters.values()
        ):
            return None  # an unnamed person within reach ("an officer") may be the one meant
        if len(near) == 1:
            return near[0]
        if not near:
            dominant = self.titles.dominant_person()
            known = dominant is not None and dominant not in other and any(c.key == dominant for c in people)
            return dominant if known else None
        return None

    def _leaders(self) -> set[str]:
        """The people the article gave a title that is no functionary's (before the name, in an
        apposition or predicate nominal, or a role in an organisation)."""
        found = set(self.titles.role_organisations)
        for word, keys in self._title_index().items():
            if word not in FUNCTIONARIES and not word.startswith(("former ", " ")):
                found |= keys
        for title, key in self.titles.links.items():
            if title not in FUNCTIONARIES:
                found.add(key)
        return found

    def _other_titles(self, lower: str) -> set[str]:
        """The people the article gave a functionary's title other than ``lower`` ("Judge X", "X,
        the prosecutor"): they are not the one "the leader" or "the veteran" describes."""
        found: set[str] = set()
        for word, keys in self._title_index().items():
            if word in FUNCTIONARIES and word != lower:
                found |= keys
        for title, key in self.titles.links.items():
            if title in FUNCTIONARIES and title != lower:
                found.add(key)
        return found

    def titled_person(self, head: Token) -> str | None:
        """The one person the article gave the title before their name ("Gov. Tony Evers ... the
        governor") or in an apposition or predicate nominal (:attr:`.titles.Titles.links`), when
        the description is the bare title ("the governor", not "the former governor", "the
        governor of Utah")."""
        lower = head.lower_
        if (lower not in ROLE_NOUNS and lower not in ROLE_TITLE_NOUNS) or not self._plain_definite(head):
            return None
        if any(
            c.dep_ in ("prep", "nmod")
            or (c.dep_ == "amod" and c.lower_ not in DEMONYMS)
            or (c.dep_ == "compound" and c.lower_ not in COUNTRY_NAMES)
            for c in kids(head)
        ):
            return None  # "the governor of Utah", "the former governor"; "the Danish manager" is fine
        index = self._title_index()
        titles = SAME_TITLE.get(lower, (lower,))
        found = {key for word in titles for key in index.get(word, ())}
        linked = self.titles.links.get(lower)
        if linked is not None:
            found.add(linked)
        country = nation_of(head)  # "the Russian president", "the US president"
        if country is not None:
            # "the Russian president": of the presidents, the one titled "Russian President"; else
            # the one person the article calls Russian ("his American counterpart Donald Trump ...
            # the US president"), or one whose title named no country ("Swans boss Michael
            # Laudrup ... the Danish manager")
            named = {key for word in titles for key in index.get(f"{country} {word}", ())}
            of_nation = index.get(f" nation:{country}", set())
            if not named and len(of_nation) == 1 and lower not in FUNCTIONARIES:
                named = set(of_nation)
            found = named or found - index.get(" demonym", set())
        if len(found) != 1:
            return None
        key = found.pop()
        cluster = self.names.clusters[key]
        gender = gender_of_word(lower)
        if self._last_before(cluster, head.i) < 0 or (gender is not None and cluster.gender not in (None, gender)):
            return None
        return key

    def _title_index(self) -> dict[str, set[str]]:
        """Title word -> the people it stands before ("Gov. Tony Evers": governor -> Tony Evers),
        read once per article from the words right before each person's name."""
        if self._titled is not None:
            return self._titled
        names = self.names
        toks = names.toks
        index: dict[str, set[str]] = {}
        for head, (start, _) in names.spans.items():
            key = names.name_of_token.get(head)
            if key is None or names.clusters[key].type != "Person":
                continue
            words = []
            i = start - 1
            while i >= 0 and start - i <= 4 and toks[i].pos_ not in TITLE_STOP and not toks[i].is_punct:
                words.append(ABBREVIATIONS.get(toks[i].lower_, toks[i].lower_))
                i -= 1
            past = (i >= 0 and toks[i].lower_ in PAST) or bool(PAST.intersection(words))
            if "senate" in words:
                words.append("senator")  # "Senate Majority Leader Scott Fitzgerald ... the senator"
            nations = {nation(w) for w in words if w in DEMONYMS or w in COUNTRY_NAMES}  # "US President X"
            for word in words:
                if word in ROLE_NOUNS or word in ROLE_TITLE_NOUNS:
                    # "former Gov. Scott Walker" no longer holds it: kept apart as "former governor"
                    index.setdefault(f"former {word}" if past else word, set()).add(key)
                    for country in nations:  # "Russian President Vladimir Putin"
                        index.setdefault(f"{country} {word}", set()).add(key)
            for country in nations:  # "his American counterpart Donald Trump"
                index.setdefault(f" nation:{country}", set()).add(key)
            if nations:
                index.setdefault(" demonym", set()).add(key)
        self._titled = index
        return index

    def _organisation_named(self, head: Token) -> tuple[str | None, bool]:
        """The organisation in "the head of X" or "the X chief" (a name or an organisation
        description), and whether the phrase has an "of" phrase or a name that is no organisation."""
        names = self.names
        found: str | None = None
        other = False
        candidates = [c for c in kids(head) if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
        for prep in kids(head):
            if prep.dep_ == "prep" and prep.lower_ == "of":
                other = True
                candidates += [p for p in kids(prep) if p.dep_ == "pobj"]
        for word in candidates:
            key = names.name_of_token.get(word.i)
            if key is None and word.pos_ == "NOUN":
                key = self.organisation(word)
            if key is not None and names.clusters[key].type in ORGS:
                found = key
            elif key is not None or word.dep_ == "pobj":
                other = True
        return found, other and found is None
