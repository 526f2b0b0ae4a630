"""The two sides of a match report: "the visitors", "the home team", "the hosts", "Lopez's boys".

A match report (:func:`~.teams.is_match_report`) names its two teams in a result ("A beat B at
B Park", "A hosted B", "A travelled to B"); the home team is decided only by what the article
says, else nothing joins:

- "A hosted B", "A welcomed B": A is at home; "A visited B", "A travelled to B": B is;
- "A beat B at the B Arena": the team one of whose distinctive name words the ground's name has
  ("Lakeside" in "the Lakeside Arena"), when exactly one has.

Then ``the visitors`` / ``the away side`` join the other team, ``the home team`` / ``the hosts`` /
``the home side`` the home one; "Lopez's boys" (``men``, ``side``, ``charges``) the team the
article tied that person to (:meth:`~.anaphora.Anaphora.affiliation`). The result sentences are read
once per article (one pass over the verbs), never per mention.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..syntax import kids
from .teams import is_match_report

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .anaphora import Anaphora
    from .names import NameTable

__all__ = ["Sides"]

_RESULT_VERBS = frozenset({"beat", "defeat", "edge", "thrash", "stun", "down", "overcome", "face", "play", "hold"})
_HOME_VERBS = frozenset({"host", "welcome", "entertain"})
_AWAY_VERBS = frozenset({"visit"})
_TRAVEL_VERBS = frozenset({"travel", "go"})
#: words of a team's name that tell no ground apart ("FC", "United", "City")
_GENERIC = frozenset({"fc", "cf", "sc", "afc", "united", "city", "town", "club", "athletic", "sporting", "real", "the"})
_AWAY_NOUNS = frozenset({"visitor", "visitors"})
_HOME_NOUNS = frozenset({"host", "hosts"})
_SIDE_NOUNS = frozenset({"team", "side", "club", "outfit", "squad"})
_MEN = frozenset({"boy", "man", "side", "charge", "team", "squad", "lad"})


class Sides:
    """The home and the away team of one match report, and who "the visitors" are."""

    def __init__(self, names: NameTable, anaphora: Anaphora) -> None:
        self.names = names
        self.anaphora = anaphora
        self._read_once = False
        self._match = False  # whether the article is a match report (read with the sides)
        self._sides: tuple[str, str] | None = None  # (home, away) once read; None: undecided

    def _team(self, token: Token | None) -> str | None:
        if token is None:
            return None
        key = self.names.name_of_token.get(token.i)
        if key is None:
            return None
        return key if self.names.clusters[key].type == "Organization" else None

    def _words(self, key: str) -> set[str]:
        return {w.lower() for n in self.names.clusters[key].names for w in n.split()} - _GENERIC

    def _ground(self, verb: Token, teams: tuple[str, str]) -> str | None:
        """The team whose name the ground "at X" of the result names."""
        for prep in kids(verb):
            if prep.dep_ != "prep" or prep.lower_ != "at":
                continue
            for ground in kids(prep):
                words = {t.lower_ for t in ground.subtree if t.is_title}
                owners = [k for k in teams if self._words(k) & words]
                if len(owners) == 1:
                    return owners[0]
        return None

    def _read(self) -> tuple[str, str] | None:
        found: set[tuple[str, str]] = set()
        toks = self.names.toks
        for verb in toks:
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB" or lemma not in _RESULT_VERBS | _HOME_VERBS | _AWAY_VERBS | _TRAVEL_VERBS:
                continue
            subject = self._team(next((c for c in kids(verb) if c.dep_ == "nsubj"), None))
            objects = [c for c in kids(verb) if c.dep_ == "dobj"]
            if lemma in _TRAVEL_VERBS:
                objects = [g for p in kids(verb) if p.dep_ == "prep" and p.lower_ == "to" for g in kids(p)]
            other = self._team(objects[0] if objects else None)
            if subject is None or other is None or subject == other:
                continue
            if lemma in _HOME_VERBS:
                found.add((subject, other))
            elif lemma in _AWAY_VERBS | _TRAVEL_VERBS:
                found.add((other, subject))
            else:
                home = self._ground(verb, (subject, other))
                if home is not None:
                    found.add((home, other if home == subject else subject))
        return found.pop() if len(found) == 1 else None

    def sides(self) -> tuple[str, str] | None:
        if not self._read_once:
            self._read_once = True
            self._match = is_match_report(self.names.toks)
            self._sides = self._read() if self._match else None
        return self._sides

    def side(self, head: Token) -> str | None:
        """The team ``the visitors``, ``the home team``, ``the hosts`` or "Lopez's boys" stands for."""
        lower = head.lower_
        owner = next((c for c in kids(head) if c.dep_ == "poss"), None)
        if owner is not None:
            return self._coached(owner, head) if head.lemma_.lower() in _MEN else None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids(head)):
            return None
        home = lower in _HOME_NOUNS or (
            lower in _SIDE_NOUNS and any(c.lower_ == "home" and c.dep_ in ("amod", "compound") for c in kids(head))
        )
        away = lower in _AWAY_NOUNS or (
            lower in _SIDE_NOUNS and any(c.lower_ in ("away", "visiting") for c in kids(head))
        )
        if not (home or away):
            return None
        sides = self.sides()
        if sides is None:
            return None
        return sides[0] if home else sides[1]

    def _coached(self, owner: Token, head: Token) -> str | None:
        """ "Lopez's boys": the team of the person "Lopez" (a match report only)."""
        person = self.names.name_of_token.get(owner.i)
        if person is None or self.names.clusters[person].type != "Person":
            return None
        self.sides()
        if not self._match:
            return None
        team = self.anaphora.affiliation(person, head.i, places=True)
        if team is None or self.names.clusters[team].type not in ("Organization", "Place"):
            return None
        return team
