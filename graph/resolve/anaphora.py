"""Anaphora within one article: pronouns and definite descriptions.

- personal and possessive pronouns go to the nearest compatible antecedent within three
  sentences, preferring subjects (:meth:`Anaphora.pronoun`, :meth:`Anaphora.antecedent`);
- ``I``/``we`` inside a quotation go to its speaker, the subject of the reporting verb, and to
  the speaker's organisation (:meth:`Anaphora.quote_speaker`);
- definite descriptions (``the Party``, ``the country``) go to the most salient entity of a
  compatible kind mentioned before (:meth:`Anaphora.salient`).
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lexicon import (
    DEFINITE_DETERMINERS,
    FIRST_PLURAL_PRONOUNS,
    FIRST_SINGULAR_PRONOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    REPORTING_VERBS,
    THING_PRONOUNS,
)
from ..syntax import kids
from ..types import Mention
from .entities import ENTITY_TYPES, compatible_types
from .names import name_head
from .quotes import Quotations

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .names import NameTable
    from .titles import Titles

__all__ = ["Anaphora", "is_definite"]

#: what "it" may stand for: never a person, a place (the audit: "it" after a town is nearly always
#: something else), a time or a creative work
_THING_KINDS = (
    "Thing",
    "Concept",
    "Organization",
    "PoliticalParty",
    "GovernmentBody",
    "Programme",
    "Event",
    "NewsAgency",
)
_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_GROUP_KINDS = ("Organization", "PoliticalParty", "GovernmentBody", "Group")
_PLURAL_KINDS = (*_GROUP_KINDS, "Concept", "Person")
#: verbs whose subject speaks, thinks or decides: "they agreed" is people or organisations, not things
_ANIMATE_VERBS = REPORTING_VERBS | {
    "agree",
    "discuss",
    "decide",
    "want",
    "expect",
    "believe",
    "think",
    "hope",
    "plan",
    "promise",
    "refuse",
    "vote",
    "negotiate",
    "insist",
    "argue",
}
_ANIMATE_THING_KINDS = tuple(k for k in _THING_KINDS if k not in ("Thing", "Concept", "Event", "Programme"))
_ANIMATE_PLURAL_KINDS = (*_GROUP_KINDS, "Person")
_PLEONASTIC_VERBS = {"seem", "appear", "rain", "snow", "happen", "matter", "take"}


def is_pleonastic(token: Token) -> bool:
    """An "it" that refers to nothing (Lee et al. 2013): "it was agreed to ...", "it is clear that
    ...", "it seems", "it is raining"."""
    if token.dep_ not in ("nsubj", "nsubjpass", "expl"):
        return False
    if token.dep_ == "expl":
        return True
    verb = token.head
    children = kids(verb)
    clause = any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in children)
    if token.dep_ == "nsubjpass" and clause:
        return True  # "it was agreed to continue contacts"
    if verb.lemma_.lower() in _PLEONASTIC_VERBS:
        return True
    if verb.lemma_.lower() == "be":
        # "it is clear that ...", "it's irrelevant": an adjective and no noun for "it" to be
        return any(c.dep_ == "acomp" for c in children) and not any(c.dep_ == "attr" for c in children)
    return False


@lru_cache(maxsize=64)
def _types_compatible_with(kinds: tuple[str, ...]) -> frozenset[str]:
    """Every entity type compatible with one of ``kinds``."""
    return frozenset(
        t for t in ENTITY_TYPES if any(t == k or ("Thing" not in (t, k) and compatible_types(t, k)) for k in kinds)
    )


def is_definite(head: Token) -> bool:
    """A noun with a definite determiner or a possessor: ``the Party``, ``its government``."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in kids(head)) or any(
        c.dep_ == "poss" for c in kids(head)
    )


class Anaphora:
    """Pronouns and definite descriptions of one article, resolved to its clusters."""

    def __init__(self, names: NameTable, titles: Titles) -> None:
        self.names = names
        self.titles = titles
        self.quotes = Quotations(names.context, self._speaker)

    def pronoun(self, token: Token) -> str | None:
        """The cluster a personal or possessive pronoun refers to, or None."""
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            return self.antecedent(token, ("Person",), gender="m" if lower in _MALE else "f")
        animate = token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in _ANIMATE_VERBS
        if lower in THING_PRONOUNS:
            if is_pleonastic(token):
                return None
            return self.antecedent(token, _ANIMATE_THING_KINDS if animate else _THING_KINDS, plural=False)
        if lower in PLURAL_PRONOUNS:
            return self.antecedent(token, _ANIMATE_PLURAL_KINDS if animate else _PLURAL_KINDS, plural=True)
        if lower in FIRST_SINGULAR_PRONOUNS | FIRST_PLURAL_PRONOUNS:
            speaker = self.quote_speaker(token)
            if speaker is None:
                return None
            kind = self.names.clusters[speaker].type
            if lower in FIRST_SINGULAR_PRONOUNS:
                return speaker if kind == "Person" else None  # "I" is a person, never a place or a work
            if kind in _GROUP_KINDS:
                return speaker  # the union said: "we ..."
            return self.speaker_group(speaker, token) if kind == "Person" else None
        return None

    def bind(self, position: int, key: str) -> None:
        """A pronoun or description at ``position`` was resolved to ``key``: it becomes a mention
        later pronouns can bind to, and a gendered pronoun tells the person's gender."""
        cluster = self.names.clusters.get(key)
        if cluster is None or position in cluster.tokens:
            return
        insort(cluster.tokens, position)
        token = self.names.toks[position]
        if token.dep_ in ("nsubj", "nsubjpass"):
            cluster.subject_tokens.add(position)
        if cluster.gender is None and cluster.type == "Person":
            if token.lower_ in _MALE:
                cluster.gender = "m"
            elif token.lower_ in _FEMALE:
                cluster.gender = "f"

    def antecedent(
        self, token: Token, kinds: Iterable[str], *, gender: str | None = None, plural: bool | None = None
    ) -> str | None:
        """The nearest preceding mention of a compatible kind and gender, within 3 sentences:
        in the same sentence the nearest before it, else the subject of an earlier sentence."""
        names = self.names
        sentence_of = names.context.sentence_of
        allowed = _types_compatible_with(tuple(kinds))
        sentence = sentence_of[token.i]
        in_quote = self.quotes.in_quote
        reporting = token.i not in in_quote and token.dep_ == "nsubj" and token.head.lemma_.lower() in REPORTING_VERBS
        # '"I think he was ...," Smith said': a speaker says "I", not "he", of themselves
        speaker = self.quotes.speaker_at(token.i) if token.i in in_quote else None
        best: tuple[tuple[int, int, int], str] | None = None
        for cluster in names.clusters.values():
            if cluster.type not in allowed or cluster.key == speaker:
                continue
            if cluster.named:
                if plural and cluster.type == "Person":
                    continue  # "they" is not one named person
            elif not cluster.key.startswith("m:") or (plural is not None and cluster.plural != plural):
                continue  # a noun phrase agrees in number: "the robots ... they", "the plan ... it"
            elif plural is None and cluster.plural:
                continue
            if gender is not None and cluster.gender is not None and cluster.gender != gender:
                continue
            for position in cluster.tokens:
                if position >= token.i:
                    continue
                distance = sentence - sentence_of[position]
                if distance > 3:
                    continue
                candidate = names.toks[position]
                if candidate.head.i == token.head.i and (
                    token.dep_ in ("nsubj", "nsubjpass")
                    or (token.dep_ in ("dobj", "dative") and not token.lower_.endswith(("self", "selves")))
                ):
                    continue  # "John saw him": a non-reflexive object is not its clause's subject
                if reporting and position in in_quote:
                    continue  # '"...the candidate...," he said': the speaker is not in the quotation
                score = (-distance, 1 if position in cluster.subject_tokens else 0, position)
                if best is None or score > best[0]:
                    best = (score, cluster.key)
        return best[1] if best else None

    def quote_speaker(self, token: Token) -> str | None:
        """Who says a first-person pronoun: the speaker of the quotation it is in
        (:class:`~graph.resolve.quotes.Quotations`), or outside quotation marks the speaker of its
        paragraph (a pull quote signed with a name); None when nobody is found."""
        if token.i in self.quotes.in_quote:
            return self.quotes.speaker_at(token.i)
        return self.quotes.unquoted_speaker(token)

    def speaker_group(self, speaker: str, token: Token) -> str | None:
        """What "we" in a quotation stands for: the organisation the speaker holds a title in, or
        a name in the speaker's apposition or title ("Smith, Panama coach," -> Panama)."""
        found = self.titles.organisation_of(speaker)
        if found is not None:
            return found
        names = self.names
        for position in names.clusters[speaker].tokens:
            head = names.toks[position]
            words = [c for c in kids(head) if c.dep_ == "appos"] + [head]
            for word in words:
                for t in word.subtree:
                    key = names.name_of_token.get(t.i)
                    if key is not None and key != speaker and t.i < token.i:
                        kind = names.clusters[key].type
                        if kind in _GROUP_KINDS or kind in ("Place", "NewsAgency"):
                            return key
        return None

    def _speaker(self, subject: Token) -> str | None:
        """The cluster of a reporting verb's subject: a name, a pronoun, or a title before a name."""
        names = self.names
        key = names.name_of_token.get(subject.i)
        if key is None and subject.pos_ == "PRON":
            key = self.pronoun(subject)
        if key is None:
            # "Tunisia's coach Nabil Maaloul said": the name in apposition to the subject
            key = next(
                (
                    names.name_of_token[c.i]
                    for c in kids(subject)
                    if c.dep_ == "appos"
                    and c.i in names.name_of_token
                    and names.clusters[names.name_of_token[c.i]].type == "Person"
                ),
                None,
            )
        if key is None:
            key = self.titles.person_after_title(
                Mention(
                    subject.text,
                    subject.idx,
                    subject.idx + len(subject),
                    tuple(t.i for t in subject.subtree),
                    subject.i,
                    "OTHER",
                )
            )
        return key

    def salient(self, kind: str, *, before: int, head_word: str | None = None) -> str | None:
        """The entity a definite description of a kind refers to ("the party", "the company"):
        of the named entities of a compatible kind mentioned before, the one whose name has the
        head word, else the only one, else one mentioned at least twice as often as any other."""
        fits: list[tuple[int, str, bool]] = []
        for cluster in self.names.clusters.values():
            if not cluster.named:
                continue
            if not compatible_types(cluster.type, kind) or (cluster.type == "Thing" and kind != "Thing"):
                continue
            earlier = [t for t in cluster.tokens if t < before]
            if not earlier:
                continue
            matches_head = bool(head_word) and (
                any(name_head(n) == head_word for n in cluster.names if cluster.names[n])
                or head_word in cluster.descriptions
            )
            fits.append((len(earlier), cluster.key, matches_head))
        named = [f for f in fits if f[2]]
        if len(named) == 1:
            return named[0][1]
        if len(fits) == 1:
            return fits[0][1]
        fits.sort(reverse=True)
        if len(fits) > 1 and fits[0][0] >= 2 * fits[1][0]:
            return fits[0][1]
        return None
