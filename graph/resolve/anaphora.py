"""Anaphora within one article: pronouns and definite descriptions.

- personal and possessive pronouns go to the most salient compatible entity of their sentence
  and the three before (Lappin and Leass's weights by grammatical role, halved per sentence back;
  :mod:`.salience`), after agreement in number, gender and animacy ("it" never a person, a place
  only where it acts; "they" a plural, a group or a team) and binding ("John saw him", "an
  officer he trusted") (:meth:`Anaphora.pronoun`, :meth:`Anaphora.antecedent`);
- ``I``/``me``/``my`` go to the speaker of their quotation, ``we``/``us``/``our`` to the
  speaker's organisation or team (:mod:`.quotes`, :meth:`Anaphora.affiliation`); he/she inside a
  quotation never to its speaker;
- definite descriptions (``the Party``, ``the company``) go to the one named entity of a
  compatible kind mentioned before, only when exactly one fits (:meth:`Anaphora.salient`).
"""

from __future__ import annotations

from bisect import bisect_left, insort
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
    ROLE_NOUNS,
    THING_PRONOUNS,
)
from ..syntax import kids
from ..types import Mention
from .description_words import other_branch
from .entities import ENTITY_TYPES, compatible_types, more_specific
from .names import name_head
from .quotes import Quotations
from .relative import coordinated_object, participle_subject, relative_host
from .salience import Salience

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


#: the weight of an entity's earlier mentions in the whole article (the topic), each and at most
_TOPIC_STEP, _TOPIC_CAP = 6.0, 60.0
#: roles in a sports team, beside which a place's name stands for its team ("Panama coach")
_TEAM_ROLES = {
    "coach",
    "manager",
    "captain",
    "skipper",
    "boss",
    "player",
    "striker",
    "forward",
    "defender",
    "midfielder",
    "goalkeeper",
    "keeper",
}
#: places, which "it" stands for only where they act ("Tarnia said it would ...")
_PLACE_KINDS = _types_compatible_with(("Place",))


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
        self.salience = Salience(names.doc, names.name_of_token)

    def pronoun(self, token: Token) -> str | None:
        """The cluster a personal or possessive pronoun refers to, or None."""
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            return self.antecedent(token, ("Person",), gender="m" if lower in _MALE else "f")
        animate = token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in _ANIMATE_VERBS
        # "Tarnia said it would ...": a place that acts is "it" inside what it says or decides, or
        # where "it" acts too; not "the White House said ..., but it [the meeting] extended"
        reported = animate or token.head.dep_ in ("ccomp", "xcomp", "advcl")
        if lower in THING_PRONOUNS:
            if is_pleonastic(token):
                return None
            return self.antecedent(
                token, _ANIMATE_THING_KINDS if animate else _THING_KINDS, plural=False, acting_places=reported
            )
        if lower in PLURAL_PRONOUNS:
            host = relative_host(token)
            key = self._cluster_at(host.i) if host is not None else None
            if key is not None:
                return key  # "the visitors, who ..., took a chance they had"
            taken = coordinated_object(token)
            if taken is not None:
                return self._cluster_at(taken.i)  # "taking money from projects and adding them"
            key = self.antecedent(
                token, _ANIMATE_PLURAL_KINDS if animate else _PLURAL_KINDS, plural=True, acting_places=True
            )
            if key is not None and self._two_people_before(token, key):
                return None  # "Chung held talks with Locsin, where they agreed": both, no one entity
            return key
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

    def _cluster_at(self, position: int) -> str | None:
        """The entity mentioned (by a head) at ``position``, or None."""
        for cluster in self.names.clusters.values():
            at = bisect_left(cluster.tokens, position)
            if at < len(cluster.tokens) and cluster.tokens[at] == position:
                return cluster.key
        return None

    def _two_people_before(self, token: Token, key: str) -> bool:
        """Whether "they" more likely means two people just named than ``key``: two persons are
        named in its sentence before it (or, when none is, in the sentence before) and ``key`` is
        not mentioned in its sentence."""
        names = self.names
        context = names.context
        sentence = context.sentence_of[token.i]
        if any(context.sentence_of[p] == sentence for p in names.clusters[key].tokens if p < token.i):
            return False
        for number in (sentence, sentence - 1):
            if number < 0:
                break
            span = context.sentences[number]
            people = {
                names.name_of_token[i]
                for i in range(span.start, min(span.end, token.i))
                if i in names.name_of_token and names.clusters[names.name_of_token[i]].type == "Person"
            }
            if people:
                return len(people) >= 2
        return False

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
        self,
        token: Token,
        kinds: Iterable[str],
        *,
        gender: str | None = None,
        plural: bool | None = None,
        acting_places: bool = False,
    ) -> str | None:
        """The most salient compatible entity mentioned in the pronoun's sentence (before it) or
        the three before, in the manner of Lappin and Leass (1994): each mention weighs by its
        grammatical role (:meth:`~.salience.Salience.weight`), halved for every sentence back, and an entity's
        strongest mention in each sentence adds up; agreement in kind, number and gender filters first.
        With ``acting_places`` a place counts where it is the subject of a verb of saying or
        deciding ("Tarnia said it would ...") or, for "they", where it was called a team, and
        nowhere else."""
        names = self.names
        context = names.context
        sentence_of = context.sentence_of
        allowed = _types_compatible_with(tuple(kinds))
        sentence = sentence_of[token.i]
        window = context.sentences[max(0, sentence - 3)].start  # the first token within reach
        in_quote = self.quotes.in_quote
        reporting = token.i not in in_quote and token.dep_ == "nsubj" and token.head.lemma_.lower() in REPORTING_VERBS
        # '"I think he was ...," Smith said': a speaker says "I", not "he", of themselves
        speaker = self.quotes.speaker_at(token.i) if token.i in in_quote else None
        # nor to anything in the phrase that names the speaker ("Smith, curator and director of ...")
        phrase = self.quotes.speaker_phrase_at(token.i) if speaker is not None else None
        # nor "they" to the speaker's own side when the speaker says "we"/"us" beside it
        # ("They made it difficult for us")
        own_side = None
        if speaker is not None and plural:
            span = context.sentences[sentence]
            if any(names.toks[i].lower_ in FIRST_PLURAL_PRONOUNS for i in range(span.start, span.end)):
                own_side = self.affiliation(speaker, token.i, places=True)
        salience = self.salience
        subject_like = token.dep_ in ("nsubj", "nsubjpass")
        # "John saw him": a non-reflexive object is not its clause's subject, nor a subject its object
        bound_head = (
            token.head.i
            if subject_like or (token.dep_ in ("dobj", "dative") and not token.lower_.endswith(("self", "selves")))
            else -1
        )
        commanding = salience.commanding_subjects(token.i)
        controller = salience.controller(token.i)
        if controller is None:
            controller = participle_subject(token)  # "amendments ... adding them": not the amendments
        described = salience.modified_nouns(token.i)
        heads = salience.head
        # 'he said, "Smith was ..."': a speaker does not name themselves in their own words
        quoted = self._named_in_quotation(token) if reporting else set()
        best: tuple[tuple[bool, float, int], str] | None = None
        for cluster in names.clusters.values():
            acting = False
            if cluster.key in quoted:
                continue
            if cluster.key == own_side:
                continue
            if cluster.type not in allowed or cluster.key == speaker:
                if not (acting_places and cluster.named and cluster.type in _PLACE_KINDS and cluster.key != speaker):
                    continue
                acting = True
            if cluster.named:
                if plural and cluster.type == "Person":
                    continue  # "they" is not one named person
            elif not cluster.key.startswith("m:") or (
                plural is not None
                and cluster.plural != plural
                and not (plural and cluster.tokens and salience.collective(cluster.tokens[0]))
            ):
                continue  # a noun phrase agrees in number: "the robots ... they", "the plan ... it"
            elif plural is None and cluster.plural:
                continue
            if gender is not None and cluster.gender is not None and cluster.gender != gender:
                continue
            positions = cluster.tokens
            earlier = bisect_left(positions, token.i)
            by_sentence: dict[int, float] = {}  # distance -> the entity's strongest mention there
            nearest = -1
            source = False
            for position in positions[bisect_left(positions, window, 0, earlier) : earlier]:
                if acting and not (
                    salience.acts(position, _ANIMATE_VERBS) or (plural and salience.collective(position))
                ):
                    continue  # a place only where it acts ("Tarnia said it would") or is a team ("the team ... they")
                if heads[position] == bound_head or position == controller or position in described:
                    continue  # "asked the officer to tackle him", "an officer he trusted": not the officer
                if phrase is not None and phrase[0] <= position <= phrase[1]:
                    continue
                if salience.aside(position):
                    continue  # "BlackBerry (TSX: BB) ... it": not the ticker
                if reporting and position in in_quote:
                    continue  # '"...the candidate...," he said': the speaker is not in the quotation
                weight = salience.weight(position)
                if subject_like and position in salience.subjects:
                    weight += 35  # parallel roles: "Smith arrived ... He sat"
                if position in commanding:
                    weight += 100  # "Korea said it would ...", "the officer fired because he feared ..."
                if reporting and salience.speaks(position, REPORTING_VERBS):
                    source = True  # the source goes on: "..., according to Ryan. '...,' he said"
                distance = sentence - sentence_of[position]
                by_sentence[distance] = max(by_sentence.get(distance, 0.0), weight)
                nearest = position
            if nearest < 0:
                continue
            score = sum(weight / (1 << distance) for distance, weight in by_sentence.items())
            # what the article is about: every earlier mention adds a little, up to a point
            score += min(_TOPIC_CAP, _TOPIC_STEP * earlier)
            # "he said": a source of the sentences before (a speaker) before anyone else
            key = (source, score, nearest)
            if best is None or key > best[0]:
                best = (key, cluster.key)
        return best[1] if best else None

    def _named_in_quotation(self, subject: Token) -> set[str]:
        """The entities named in the quotation a reporting verb's subject introduces in its sentence."""
        names, verb = self.names, subject.head
        in_quote = self.quotes.in_quote
        sentence = names.context.sentences[names.context.sentence_of[verb.i]]
        return {
            names.name_of_token[i]
            for i in range(sentence.start, sentence.end)
            if i in in_quote and i in names.name_of_token
        }

    def quote_speaker(self, token: Token) -> str | None:
        """Who says a first-person pronoun: the speaker of the quotation it is in
        (:class:`~graph.resolve.quotes.Quotations`), or outside quotation marks the speaker of its
        paragraph (a pull quote signed with a name); None when nobody is found."""
        if token.i in self.quotes.in_quote:
            return self.quotes.speaker_at(token.i)
        return self.quotes.unquoted_speaker(token)

    def speaker_group(self, speaker: str, token: Token) -> str | None:
        """What "we" in a quotation stands for: the speaker's organisation (:meth:`affiliation`)."""
        return self.affiliation(speaker, token.i, places=True)

    def affiliation(self, person: str, before: int, *, places: bool = False) -> str | None:
        """The organisation a person belongs to in this article: the one they hold a title in, a
        name in their apposition or title ("Smith, Panama coach," -> Panama; "Jones, the State
        Department spokesman," -> the State Department), or "of" one ("Fan of the Neo Democrats").
        ``places``: a place counts too beside a team role (a country's team)."""
        found = self.titles.organisation_of(person)
        if found is not None:
            return found
        names = self.names
        for position in names.clusters[person].tokens:
            if position >= before:
                break
            head = names.toks[position]
            words = [p for c in kids(head) if c.dep_ == "prep" and c.lower_ == "of" for p in kids(c)]
            words += [c for c in kids(head) if c.dep_ == "appos"] + [head]
            for word in words:
                # a place stands for its team only beside a team role ("Panama coach"), never a
                # resident's town ("Smith, a Denver teacher")
                team = places and any(t.lower_ in _TEAM_ROLES for t in word.subtree)
                kinds = (*_GROUP_KINDS, "Place", "NewsAgency") if team else (*_GROUP_KINDS, "NewsAgency")
                for t in word.subtree:
                    key = names.name_of_token.get(t.i)
                    if key is not None and key != person and t.i < before and names.clusters[key].type in kinds:
                        return key
                run = [c for c in kids(word) if c.dep_ == "compound" and c.pos_ == "PROPN"]
                if word.dep_ == "appos" and run and word.lower_ in ROLE_NOUNS:
                    # "the State Department Spokesperson": the organisation's short name before a title
                    text = " ".join(t.text for t in run)
                    cluster = names.cluster_for_name(text, "Organization", run[0].i)
                    if cluster is not None and cluster.key != person and cluster.type in kinds:
                        return cluster.key
        return None

    def _speaker(self, subject: Token) -> str | None:
        """The cluster of a reporting verb's subject: a name, a pronoun, a title before a name, or
        a title used for a person the article links it to or is about ("the governor")."""
        names = self.names
        key = names.name_of_token.get(subject.i)
        if key is None and subject.pos_ == "PRON":
            key = self.pronoun(subject)
        if key is None and subject.pos_ == "PROPN" and subject.is_title:
            key = names.unlabelled_name(subject)  # a surname the NER left out ("Whitmore stated")
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
            mention = Mention(
                subject.text,
                subject.idx,
                subject.idx + len(subject),
                tuple(t.i for t in subject.subtree),
                subject.i,
                "OTHER",
            )
            key = self.titles.person_after_title(mention)
            if key is None and subject.lower_ in ROLE_NOUNS and is_definite(subject):
                key = self.titles.title_as_name(subject, mention)  # '"...," the governor said'
        return key

    def salient(self, kind: str, *, before: int, head_word: str | None = None) -> str | None:
        """The entity a definite description of a kind refers to ("the party", "the company"):
        of the named entities of the kind (or a narrower one) mentioned before, the only one whose
        name has the head word, else the only one. A plural description ("the governments") or one
        with a modifier its entity's names lack ("the regional government") joins none."""
        head = self.names.toks[before]
        if head.tag_ in ("NNS", "NNPS"):
            return None
        modifiers = {
            c.lower_
            for c in kids(head)
            if c.dep_ in ("amod", "compound", "nmod", "nummod") or (c.dep_ == "poss" and c.pos_ != "PRON")
        }
        fits: list[tuple[str, bool]] = []
        for cluster in self.names.clusters.values():
            if not cluster.named or not any(t < before for t in cluster.tokens):
                continue
            if not compatible_types(cluster.type, kind) or more_specific(cluster.type, kind) != cluster.type:
                continue  # "the government" is no school, "the company" may be a bank
            if head_word and other_branch(head_word, cluster.names):
                continue  # "the government" is no parliament, "the coalition" not one party of it
            words = {w.lower() for n in cluster.names for w in n.split()}
            if not modifiers <= words:
                continue  # "the central bank" may be the Central Bank of Tarnia; "the regional government" no other
            matches_head = bool(head_word) and (
                any(name_head(n) == head_word for n in cluster.names if cluster.names[n])
                or head_word in cluster.descriptions
            )
            fits.append((cluster.key, matches_head))
        named = [key for key, matches in fits if matches]
        if len(named) == 1:
            return named[0]
        if len(fits) == 1:
            return fits[0][0]
        return None
