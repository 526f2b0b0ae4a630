"""A definite noun that names an event told by a verb in between: "the father called police ...
he didn't release details about the call" - the call is the father's, not "a call for service"
mentioned before the verb. The verbs of an article are indexed by lemma once, then looked up by
bisection, never by a scan per mention.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = ["VerbEvents"]

_FINITE = ("VBD", "VBZ", "VBP")
#: how far before the description the verb may stand (about a sentence)
_REACH = 40


class VerbEvents:
    """Where each verb lemma of one article occurs."""

    def __init__(self, toks: Iterable[Token]) -> None:
        self.toks = toks
        self._by_lemma: dict[str, list[int]] | None = None

    def told_between(self, lemma: str, start: int, end: int, first: Token) -> bool:
        """Whether a verb of ``lemma`` ("called" for "the call") stands after ``start`` and close
        before ``end`` (within :data:`_REACH` tokens), when the chain began indefinite (``first``:
        "an unspecified call"; "USI's exhibit ... the exhibit" stays one)."""
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in first.children):
            return False
        start = max(start, end - _REACH)
        if self._by_lemma is None:
            self._by_lemma = {}
            for token in self.toks:
                # a finite active verb tells an event ("the father called police"); "works
                # exhibited at USI" tells no exhibit
                if (
                    token.pos_ == "VERB"
                    and token.tag_ in _FINITE
                    and not any(c.dep_ == "auxpass" for c in token.children)
                ):
                    self._by_lemma.setdefault(token.lemma_.lower(), []).append(token.i)
        positions = self._by_lemma.get(lemma)
        if not positions:
            return False
        at = bisect_right(positions, start)
        return at < len(positions) and positions[at] < end
