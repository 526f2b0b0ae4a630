"""Roles: who holds which position in which organisation (W3C ORG memberships).

Every general way news writes a role yields one extraction with construction ``"role"``: the
person (subject), the role label (relation text, e.g. ``chief financial officer``) and the
organisation (object), or, when the text names none, the role words themselves (object kind
``ROLE``). Resolution turns them into :class:`~graph.types.Membership` values.

Patterns (all over the dependency tree, with the role nouns of :mod:`graph.lexicon`):

- a title before a name: ``Rovers coach Marta Silva``, ``Mayor Lena Ortiz``, ``Acme CFO Tom Berg``,
  ``State Civil Protection Director Ana Ruiz`` (role ``director of State Civil Protection``);
- ``TITLE of ORG NAME``: ``First Deputy Chairman of the Party Maulen Ashimbayev``;
- an apposition either way: ``Berg, chief financial officer of Acme``, ``Acme's CFO, Tom Berg``,
  ``Silva, the Rovers coach``;
- a copula: ``Berg is the chief executive of Acme``, ``served as chairman of X``;
- an appointment: ``Silva was appointed coach``, ``Acme named Berg its chief executive``,
  ``was elected president of the union``;
- a role verb: ``Ortiz, who heads the council``, ``X chairs the committee``.

The organisation comes from the title's own named modifiers (``Rovers coach``), a possessive
(``Acme's``), an ``of``/``at`` phrase, or the unit a capitalised title heads; else it is absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import (
    APPOINTING_VERBS,
    COMPANY_ROLE_NOUNS,
    DEMONYMS,
    ROLE_COPULAS,
    ROLE_VERBS,
)
from ..lexicon.roles import ORGANISATION_ONLY_ROLE_NOUNS, PREPOSITIONAL_ROLE_VERBS
from ..syntax import DocContext, kids, make_mention, subtree_indices, title_before_name
from ..types import Extraction, Mention, Phrase
from .confidence import Features, score
from .registry import register_extractor
from .role_extra import (
    adjacent_title,
    conjoined_title,
    counterparts,
    country_in_title_name,
    former_before,
    headline_appointee,
    headline_verb,
    implied_organisation,
    implied_organisation_nouns,
    is_clause_not_name,
    left_role,
    misparsed_name_end,
    position_holder,
    strip_rank,
    without_age,
)
from .role_nouns import title_of_noun
from .role_owners import named_antecedent
from .role_refine import (
    PLACE_UNITS,
    chamber_of,
    conjoined_description,
    headline_word_as_name,
    misplaced_appositive,
    office_of,
    place_in_lead,
    refine_title,
    shared_organisation,
    without_bare_duplicates,
)
from .role_titles import (
    _country_of,
    _is_org_word,
    _is_personish,
    _role_label,
    conjoined_people,
    is_role_word,
    names_person,
    one_non_person_name,
    organisation_after_name,
    person_span,
    split_former,
    title_span_before,
)
from .role_verbs import (
    appointee,
    appointer,
    as_holders,
    copula_subject,
    ended_by_object_verb,
    ended_until,
    glued_appointee,
    nominal_appointee,
    promoted_to,
    role_verb_holder,
    verb_organisation,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

__all__ = ["RoleExtractor", "is_role_word", "title_span_before"]

_PREP_VERBS = {verb for verb, _ in PREPOSITIONAL_ROLE_VERBS}
_IMPLIED = implied_organisation_nouns()
#: auxiliaries that make a copula a guess or a wish ('would be chairman'), not a role held or given
_HYPOTHETICAL = {"would", "could", "might", "may", "should"}


class RoleExtractor:
    """``roles.v1``: roles as (person, role, organisation) extractions, construction ``"role"``."""

    name = "roles.v1"

    def __init__(self, *, exclude: frozenset[str] | set[str] = frozenset()) -> None:
        self.exclude = frozenset(exclude)

    def __call__(self, doc: Doc, *, doc_id: str, context: DocContext | None = None) -> Iterator[Extraction]:
        if "role" in self.exclude:
            return
        context = context or DocContext.of(doc, doc_id)
        seen: set[tuple] = set()
        company: list[Span | None] = []
        made: list[Extraction] = []
        for found in self._find(doc, context):
            if found is None:
                continue
            if (
                found.object is not None
                and found.object.kind == "ROLE"
                and found.relation.text.split()[-1].lower() in (COMPANY_ROLE_NOUNS | _IMPLIED)
            ):
                # "Chief executive officer Tim Cook said": the company is the one the article is about
                if not company:
                    company.append(implied_organisation(doc))
                if company[0] is not None and not set(range(company[0].start, company[0].end)) & set(
                    found.subject.tokens
                ):
                    found = self._with_organisation(doc, context, found, company[0])
            key = (found.subject.tokens, found.relation.text.lower(), found.object.tokens if found.object else None)
            if key in seen:
                continue
            seen.add(key)
            made.append(found)
        for found in without_bare_duplicates(made):
            if found.object is not None and found.object.kind == "ROLE":
                place = place_in_lead(doc, found.relation.text)  # "Prime Minister X": the country of the lead
                if place is not None:
                    obj = make_mention(doc, doc[place[-1]], place, context.sentence_of[place[0]], kind="COUNTRY")
                    found = replace(found, object=obj, lemma=f"{found.lemma} of")
            yield found
        yield from counterparts(doc, context, made, self._make)

    # ------------------------------------------------------------------------ the patterns

    def _find(self, doc: Doc, context: DocContext) -> Iterator[Extraction | None]:
        done_heads: set[int] = set()
        # TITLE of ORG PERSON: the older rule of graph.syntax finds it
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            found = title_before_name(ent)
            if found is not None and found[2] is not None:
                title, organisation, _ = found
                if any(is_role_word(doc[i]) for i in title):
                    done_heads.add(ent.root.i)
                    yield self._make(
                        doc, context, list(range(ent.start, ent.end)), ent.root, title, organisation, "title_of"
                    )
        for token in context.tokens:
            if token.i in context.in_gloss:
                continue
            if (
                (token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.ent_type_ == "PERSON" and token.is_title))
                and (token.dep_ != "compound" or misparsed_name_end(token))
                and token.i not in done_heads
                and (
                    not is_role_word(token) or (token.ent_type_ == "PERSON" and token.ent_iob_ == "I")
                )  # "Brandon King"
            ):
                found_before = title_span_before(doc, token) or adjacent_title(doc, token)  # parser lost the link
                if found_before is not None:
                    title, organisation, name = found_before
                    organisation = organisation or organisation_after_name(token)  # "Senator X of Ohio"
                    ended = ended_by_object_verb(token) or left_role(token)  # "sacked manager X", "CEO X resigned"
                    organisation = organisation or (appointer(token.head) if ended else [])
                    headline = headline_verb(doc, [*title, *organisation])
                    if headline is not None and not organisation:  # "Rovers sack manager Tom Lee"
                        organisation, ended = headline[0], ended or headline[1]
                    if (
                        names_person(doc, name)
                        and not one_non_person_name(doc, name, title)
                        and not is_clause_not_name(doc, name, title)
                    ):
                        first = conjoined_title(token)  # "the then-Vice President and Provost Linda Brady"
                        if first is not None:
                            more, theirs = self._title_of_noun(doc, first, token)
                            ended = ended or split_former(doc, more, theirs)[2]  # "then-" is both titles'
                            yield self._make(doc, context, name, token, more, theirs or organisation, "title")
                        yield self._make(doc, context, name, token, title, organisation, "title", former=ended)
                        if any(doc[i].tag_ in ("NNS", "NNPS") for i in title if i >= 0):
                            for other in conjoined_people(token):  # "Judges A and B"
                                yield self._make(
                                    doc, context, person_span(doc, other), other, title, organisation, "title"
                                )
            if is_role_word(token) and token.pos_ in ("NOUN", "PROPN"):
                yield from self._around_role_noun(doc, context, token)
            if token.pos_ == "VERB" and (token.lemma_.lower() in ROLE_VERBS or token.lemma_.lower() in _PREP_VERBS):
                yield self._role_verb(doc, context, token)

    def _around_role_noun(self, doc: Doc, context: DocContext, role: Token) -> Iterator[Extraction | None]:
        """Appositions, copulas and appointments around a role noun."""
        if role.dep_ == "compound" and role.head.pos_ == "PROPN":
            return  # a title before a name: done above
        person: Token | None = None
        how = ""
        verb = role.head
        if role.dep_ == "appos" and _is_personish(role.head) and role.head.pos_ != "PRON":
            person, how = role.head, "apposition"  # "Berg, chief financial officer of Acme"
            if (
                person.ent_type_ not in ("", "PERSON")
                and role.i + 1 < len(doc)
                and doc[role.i + 1].ent_type_ == "PERSON"
            ):
                return  # "Acme Corp CEO Mark Roe leaves": the title is the name's after it, not the company's
            if person.conjuncts and any(t.lower_ == "respectively" for t in role.sent):
                return  # "A and B, Acme's CEO and CFO respectively": the parse does not pair them
            nearer = [c for c in person.conjuncts if person.i < c.i < role.i and _is_personish(c)]
            if nearer and role.tag_ not in ("NNS", "NNPS"):
                person = nearer[-1]  # "Acme's Tom Berg and Jane Roe, its finance chief": Roe's title
            if (
                role.head.dep_ == "dobj"
                and role.head.head.lemma_.lower() in APPOINTING_VERBS
                and not any(c.lower_ in ("a", "an") for c in kids(role))  # "hired Lee, a veteran banker,"
            ):
                how, verb = "appointed", role.head.head  # "named Berg its chief executive"
        elif conjoined_description(role):
            person, how = role.head.head, "apposition"  # "Reyes, her supervisor and a researcher at X"
        else:
            for child in kids(role):
                if child.dep_ == "appos" and _is_personish(child) and child.pos_ != "PRON":
                    person, how = child, "apposition"  # "Acme's chief financial officer, Tom Berg"
                    break
            misplaced = misplaced_appositive(role) if person is None else None
            if misplaced is not None:  # "Vantor in Motion's co-chief executive, Paul Dessler,"
                title, _ = self._title_of_noun(doc, role, misplaced[0])
                name = person_span(doc, misplaced[0])
                found = self._make(doc, context, name, misplaced[0], title, misplaced[1], "apposition")
                if found is not None and found.object is not None and found.object.kind != "COUNTRY":
                    found = replace(found, object=replace(found.object, kind="NAMED_ORG"))  # the whole name
                yield found
                return
        verb = verb if how == "appointed" else role.head
        if person is None and role.dep_ in ("attr", "oprd", "acomp", "dobj", "xcomp", "ccomp"):
            if verb.lemma_.lower() in ROLE_COPULAS and role.dep_ in ("attr", "acomp"):
                person, how = copula_subject(verb), "copula"  # "Berg is / who became chief executive"
                if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in kids(verb)):
                    return  # "Johnson would be the next chairman": a guess, no role held
            elif verb.lemma_.lower() in APPOINTING_VERBS:
                # "named Berg chief executive"; "appointed Kenji Watanabe chairman" glued into one phrase
                headline = headline_appointee(verb, role)
                person, how = appointee(verb, role) or glued_appointee(verb, role), "appointed"
                if headline is not None:  # "Sean Dyche appointed Rovers manager"
                    title, _ = self._title_of_noun(doc, role, headline[0])
                    title = [i for i in title if i not in headline[1]]
                    name = person_span(doc, headline[0])
                    yield self._make(doc, context, name, headline[0], title, headline[1], "appointed")
                    return
        if person is None and role.dep_ == "pobj" and role.head.lower_ == "to":
            person, how, verb = promoted_to(role), "appointed", role.head.head  # "was promoted to CFO"
        if person is None and role.dep_ == "nsubj" and verb.lemma_.lower() in ROLE_COPULAS:
            people = [c for c in kids(verb) if c.dep_ == "attr" and _is_personish(c) and c.pos_ != "PRON"]
            person, how = (people[0], "copula") if people else (None, how)  # "Acme's new chief will be Berg"
        held = position_holder(role) if person is None else None
        if held is not None:  # "resigned from his post as chief executive", "assumed the role of CEO"
            title, organisation = self._title_of_noun(doc, role, held[0])
            name = person_span(doc, held[0])
            yield self._make(doc, context, name, held[0], title, organisation, "copula", former=held[1])
            return
        if person is None and role.dep_ == "pobj" and role.head.lower_ == "as":
            verb = role.head.head  # "served as chairman", "was appointed as coach"
            if verb.lemma_.lower() in ROLE_COPULAS:
                person, how = copula_subject(verb), "copula"
            elif verb.pos_ == "NOUN":
                person, how = nominal_appointee(verb), "appointed"  # "the appointment of Berg as chief"
            elif verb.lemma_.lower() in APPOINTING_VERBS:
                person, how = appointee(verb, role), "appointed"
            else:  # "took over as coach", "succeeds Y as chair", "stepped down as chief executive"
                for holder, former in as_holders(verb, role):
                    title, organisation = self._title_of_noun(doc, role, holder)
                    organisation = organisation or verb_organisation(verb) or appointer(verb)
                    name = person_span(doc, holder)
                    yield self._make(doc, context, name, holder, title, organisation, "copula", former=former)
                return
        if (
            person is None
            and role.dep_ == "appos"
            and role.head.dep_ == "dobj"
            and role.head.head.lemma_.lower() in (APPOINTING_VERBS)
            and _is_personish(role.head)
        ):
            person, how = role.head, "appointed"  # "named Berg its chief executive" (role read as apposition)
            verb = role.head.head
        if person is None:
            return
        title, organisation = self._title_of_noun(doc, role, person)
        if not title:
            return
        if not organisation and conjoined_description(role):
            organisation = shared_organisation(role)  # "her supervisor and a researcher at X"
        name = person_span(doc, person)
        if how == "appointed" and not organisation:
            # "was hired as coach by the Falcons" (the parser may hang "by" on the role)
            agents = [
                c for c in (*kids(verb), *kids(role)) if c.dep_ == "agent" or (c.dep_, c.lower_) == ("prep", "by")
            ]
            objs = [o for a in agents for o in kids(a) if o.dep_ == "pobj" and _is_org_word(o)]
            if objs:
                organisation = subtree_indices(objs[0], skip_deps=("relcl", "appos", "acl", "punct", "conj", "cc"))
            else:
                organisation = appointer(verb)  # "Halvorsen Foods named X chief executive"
        if how == "appointed" and len(organisation) == 1 and doc[organisation[0]].lower_ in ("its", "their"):
            # "Acme named Berg its chief executive": "its" is the subject of the appointing verb
            organisation = appointer(verb) or organisation
        former = ended_by_object_verb(role) or (how == "copula" and ended_until(verb, role))
        # "founder and chief executive of Tidewell": two roles, the organisation written once for both
        more = [
            self._title_of_noun(doc, other, person)
            for other in role.conjuncts
            if other.i > role.i and is_role_word(other) and other.pos_ in ("NOUN", "PROPN")
        ]
        organisation = organisation or next((theirs for _, theirs in more if theirs), [])
        yield self._make(doc, context, name, person, title, organisation, how, former=former)
        for other_title, theirs in more:
            yield self._make(doc, context, name, person, other_title, theirs or organisation, how, former=former)
        if role.tag_ in ("NNS", "NNPS"):
            for other in conjoined_people(person):  # "their two leaders, A and B"
                yield self._make(doc, context, person_span(doc, other), other, title, organisation, how)

    _title_of_noun = staticmethod(title_of_noun)

    def _role_verb(self, doc: Doc, context: DocContext, verb: Token) -> Extraction | None:
        """``Ortiz, who heads the council``; ``X chairs the committee``; ``the Rovers, coached by X``."""
        found = role_verb_holder(verb)
        if found is None:
            return None
        person, organisation, role = found
        former = ended_until(verb, verb)  # "who led Acme from 2009 to 2015" (not "since 2015")
        name = person_span(doc, person)
        return self._make(doc, context, name, person, [verb.i], organisation, "role_verb", label=role, former=former)

    # ------------------------------------------------------------------------ the extraction

    @staticmethod
    def _with_organisation(doc: Doc, context: DocContext, found: Extraction, organisation: Span) -> Extraction:
        obj = make_mention(
            doc,
            organisation.root,
            range(organisation.start, organisation.end),
            context.sentence_of[organisation.start],
            kind="ORG",
        )
        return replace(found, object=obj, lemma=f"{found.lemma} of")

    def _make(
        self,
        doc: Doc,
        context: DocContext,
        name: list[int],
        person: Token,
        title: list[int],
        organisation: list[int],
        how: str,
        *,
        label: str | None = None,
        former: bool = False,
    ) -> Extraction | None:
        if set(name) & set(organisation) or (
            organisation and doc[person.i].ent_iob_ != "O" and person.i in organisation
        ):
            return None  # "Bed Bath & Beyond CEO": the company is not its own chief executive
        name, title, organisation = refine_title(doc, name, title, organisation)
        title, organisation, former_words = split_former(doc, strip_rank(doc, title), organisation)
        title = without_age(doc, title)  # "a 34-year-old teacher": the role is "teacher"
        former = former or former_before(doc, [*title, *organisation])  # "Former Acme and Globex CFO"
        former = former or former_words
        organisation = named_antecedent(doc, organisation) or organisation  # "the company's chief executive"
        words = [i for i in title if i >= 0]
        if not words or not name or headline_word_as_name(doc, name):
            return None
        if label is None:
            label = _role_label(doc, title)
        if not label or (not organisation and label.split()[-1].lower() in ORGANISATION_ONLY_ROLE_NOUNS):
            return None
        sentence = context.sentence_of[person.i]
        # the head of the person's mention: the last word the NER calls a person ("Moon Jae-in's")
        head_word = max((i for i in name if doc[i].ent_type_ == "PERSON"), default=person.i)
        subject = make_mention(doc, doc[head_word], name, sentence, kind="PERSON" if person.pos_ != "PRON" else "PRON")
        organisation = [i for i in organisation if i not in set(name) and doc[i].pos_ != "DET"]
        unnamed: str | None = None
        if (
            organisation
            and all(doc[i].ent_type_ == "NORP" for i in organisation)
            and not all(doc[i].tag_ == "NNPS" for i in organisation)  # "Rovers captain": a club, no nationality
        ):
            country = _country_of(doc, organisation)
            unnamed = DEMONYMS.get(" ".join(doc[i].lower_ for i in organisation)) if country is None else None
            if country is None and unnamed is None:
                label = f"{' '.join(doc[i].text for i in organisation)} {label}"  # "Australian foreign minister"
                words = sorted({*words, *organisation})
            organisation = country or (organisation if unnamed else [])
        # the relation as a reader says it ("former chairman"); resolution keeps "chairman" and the flag
        written = f"former {label}" if former else label
        relation = Phrase(written, doc[words[0]].idx, doc[words[-1]].idx + len(doc[words[-1]].text), tuple(words))
        obj: Mention
        if organisation:
            head = max(organisation, key=lambda i: (doc[i].head.i not in organisation, i))
            obj = make_mention(doc, doc[head], organisation, context.sentence_of[head])
            unnamed = unnamed or country_in_title_name(doc, organisation, words)  # "U.S. Solicitor General"
            if unnamed:  # "the Portuguese prime minister": Portugal, which the article need not name
                obj = replace(obj, text=unnamed, kind="COUNTRY")
            if doc[organisation[-1]].lower_ in PLACE_UNITS and doc[organisation[-1]].is_title:
                obj = replace(obj, kind="COUNTRY")  # "Sebastian County": a place by its name, whatever the NER said
            body = chamber_of(obj.text, label) or office_of(doc, organisation)
            if body:  # "U.S. Rep. X": the House; "County Sheriff's Lt. X": the sheriff's office
                obj = replace(obj, text=body, kind="BODY")
            lemma = f"be {'former ' if former else ''}{label} of"
        else:
            obj = make_mention(doc, doc[words[-1]], words, sentence, kind="ROLE")
            lemma = f"be {'former ' if former else ''}{label}"
        kind = "title" if how in ("title", "title_of", "apposition", "copula") else "apposition"
        confidence = score(
            Features(
                kind if organisation else "bare_title",
                subject_name=person.pos_ == "PROPN",
                object_name=bool(organisation),
                in_quote=person.i in context.in_quote,
                sentence_length=context.sentence_length(person.i),
            )
        )
        return Extraction(
            doc_id=context.doc_id,
            sentence=sentence,
            subject=subject,
            relation=relation,
            lemma=lemma,
            object=obj,
            extractor=self.name,
            construction="role",
            confidence=confidence,
            # a role held before, not now: a membership that has ended, and no "X head of Y" triple
            hedge="former" if former else None,
        )


@register_extractor("roles.v1")
def _make_role_extractor(*, exclude: frozenset[str] | set[str] = frozenset()) -> RoleExtractor:
    return RoleExtractor(exclude=exclude)
