"""Sport metonymy: in a match report a country's or a city's name that plays, wins or loses names
its team, an Organization ("Norway beat Chile 2-0", "Belgium faced Panama").

Conservative: a match report is an article with a scoreline ("2-1", "3 - 0") and a word of sport
("match", "goal", "striker" ...); in it, a place becomes a team when one of its mentions is the
subject or object of a verb (or of "lost to", "drew with") and none of them says it is a place ("in
Prague", "X is a country"). Outside match reports only a team verb said of two or more places
("beat", "drew with", "lost to") makes teams, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .typing import MentionEvidence
from .typing_lexicon import _DESCRIPTORS, _PLACE_PREPOSITIONS, _key, _wordset

if TYPE_CHECKING:  # pragma: no cover
    from .names import Cluster

__all__ = ["is_match_report", "mark_teams"]

_SCORELINE = re.compile(r"^\d{1,2}\s*[-\u2013\u2014:]\s*\d{1,2}$")
_DASHES = {"-", "\u2013", "\u2014"}
#: words only a sports report uses often
SPORT_WORDS = _wordset("""
match goal goals striker midfielder defender goalkeeper keeper penalty penalties kick-off halftime half-time
qualifier qualifiers qualifying tournament championship league cup fixture stadium referee equaliser equalizer
scorer winger squad innings wicket tiebreak
""")
#: verbs whose subject or object a place is, in a match report, without saying it is a team
_NOT_PLAY = frozenset({"be", "have", "become", "visit", "travel", "go", "come", "return", "leave", "host", "say"})


def _between_counts(tokens: Sequence[Any], k: int) -> bool:
    """A dash between two goal counts ("3 – 0")."""
    if not 0 < k < len(tokens) - 1:
        return False
    before, after = tokens[k - 1].text, tokens[k + 1].text
    return before.isdigit() and after.isdigit() and len(before) <= 2 and len(after) <= 2


def is_match_report(tokens: Sequence[Any]) -> bool:
    """A scoreline ("2-1", "3 – 0", "1:0") and a word of sport in the article's tokens."""
    scoreline = sport = False
    for k, token in enumerate(tokens):
        text = token.text
        if not scoreline and (_SCORELINE.match(text) or (text in _DASHES and _between_counts(tokens, k))):
            scoreline = True
        if not sport and token.lower_ in SPORT_WORDS:
            sport = True
        if scoreline and sport:
            return True
    return False


def _says_place(evidence: MentionEvidence) -> bool:
    if evidence.preposition and _PLACE_PREPOSITIONS.get(_key(evidence.preposition), 0.0) >= 0.5:
        return True  # "in Prague", "near Oslo"
    return bool(evidence.descriptor) and _DESCRIPTORS.get(_key(evidence.descriptor or "")) == "Place"


def _plays(evidence: MentionEvidence) -> bool:
    return bool(evidence.verb) and _key(evidence.verb or "") not in _NOT_PLAY


def _is_team(cluster: Cluster, match_report: bool) -> bool:
    if cluster.type != "Place" or any(_says_place(e) for e in cluster.evidence):
        return False  # a place said to be one ("Brazil is the largest country") stays a place
    decision = cluster.decision
    if decision is not None and any(v.source == "verb" for v in decision.votes):
        return True
    return match_report and any(_plays(e) for e in cluster.evidence)


def mark_teams(clusters: Iterable[Cluster], *, match_report: bool = False) -> None:
    """Two or more places that play (see the module doc) are teams: Organizations (the team-verb
    vote alone rarely outweighs the NER)."""
    teams = [c for c in clusters if _is_team(c, match_report)]
    if len(teams) >= 2:
        for cluster in teams:
            cluster.team = True
            cluster.type = "Organization"
