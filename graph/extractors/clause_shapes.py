"""Clause shapes the parser reads right but the clause rules would misread, for :mod:`.clause_parts`,
:mod:`.clause_builder` and :mod:`.clauses`:

- an infinitive of purpose after an object ("left the office to catch a train") is done by the
  clause's subject, not by the object (unlike "ordered him to leave");
- ``, which`` after a noun with a prepositional phrase ("Sales in the quarter, which ended in
  June") stands for the nearest noun, the one just before the comma;
- a phrase that opens the sentence and frames it ("In a sharp rebuke, voters ...", "Of the 90
  seats, the party holds 40") is no participant of the verb;
- ``excluding X``, ``except X`` restrict a noun of the clause; they are no argument of its verb;
- a verbless fragment ("One filled with useful lessons.") states nothing.

The rules name dependency labels, Penn tags and closed English word lists only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon.verbs import COGNITION_VERBS, IMPLICATIVE_CONTROL_VERBS, OBJECT_CONTROL_VERBS, SPEECH_VERBS
from ..syntax import kids
from .clause_edges import discourse_phrase

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

#: a prepositional argument: role, head, span, marker (as :func:`.clause_parts._prep_arguments` gives)
_Prep = tuple[str, "Token", list[int], list[int]]

#: verbs whose object is the doer of a following infinitive although they are no control verbs of
#: the lexicon: causatives, perception and judgement ("made him sign", "believed her to be")
_OBJECT_RAISING_VERBS = {
    "make",
    "let",
    "have",
    "see",
    "watch",
    "hear",
    "keep",
    "believe",
    "consider",
    "judge",
    "declare",
}
#: verbs whose object is the doer of a following infinitive only when it is a person ("left him to die")
_PERSON_OBJECT_VERBS = {"leave", "send", "get", "pay", "set"}
#: verbs that let an infinitive happen without saying it did ("allows children to enrol")
PERMITTING_VERBS = {"allow", "permit", "let", "enable", "authorize", "authorise", "empower", "entitle"}
#: prepositions that restrict a noun of the clause rather than add a participant of its verb
RESTRICTING_PREPOSITIONS = {"excluding", "except", "barring", "besides"}
#: prepositions of a phrase that frames a whole sentence when it opens it before a comma
_FRAMING_PREPOSITIONS = {"in", "with", "as", "of"}


def _to_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb))


def _person(token: Token) -> bool:
    return token.ent_type_ in ("PERSON", "NORP") or (
        token.pos_ == "PRON" and token.lower_ not in ("it", "this", "that")
    )


def purpose_infinitive(verb: Token) -> bool:
    """``left the scene to go to a hospital``: a ``to`` infinitive after the object of a verb that
    does not hand the infinitive to its object; the clause's subject does it, for a purpose."""
    head = verb.head
    if verb.dep_ != "xcomp" or head is verb or not _to_infinitive(verb):
        return False
    objects = [c for c in kids(head) if c.dep_ in ("dobj", "dative") and c.i < verb.i]
    if not objects:
        return False
    lemma = head.lemma_.lower()
    if lemma in _PERSON_OBJECT_VERBS:
        return not _person(objects[0]) and objects[0].pos_ == "NOUN"
    controlling = OBJECT_CONTROL_VERBS | IMPLICATIVE_CONTROL_VERBS | COGNITION_VERBS | _OBJECT_RAISING_VERBS
    return lemma not in controlling


def nearer_antecedent(noun: Token, relative: Token) -> Token:
    """``Revenue in the period, which ended in May``: ``which`` right after a comma that follows a
    prepositional object of ``noun`` stands for that object (the period ended), not for ``noun``."""
    if relative.lower_ != "which" or relative.i < 2:
        return noun
    comma = noun.doc[relative.i - 1]
    before = noun.doc[relative.i - 2]
    if comma.text != "," or before.dep_ != "pobj" or before.pos_ not in ("NOUN", "PROPN"):
        return noun
    prep = before.head
    return before if prep.dep_ == "prep" and prep.head.i == noun.i and noun.i < before.i else noun


def framing_phrase(prep: Token) -> bool:
    """``In a sharp rebuke, voters handed ...``, ``Of the 90 seats, the party holds 40``: a phrase
    that opens its sentence before a comma, on an indefinite or partitive noun with no name: it
    frames the sentence and is no participant of the verb."""
    if prep.dep_ != "prep" or prep.lower_ not in _FRAMING_PREPOSITIONS or prep.i != prep.sent.start:
        return False
    objects = [c for c in kids(prep) if c.dep_ == "pobj"]
    if len(objects) != 1 or objects[0].ent_type_ or objects[0].pos_ != "NOUN":
        return False
    noun = objects[0]
    end = max(t.i for t in noun.subtree)
    if end + 1 >= len(prep.doc) or prep.doc[end + 1].text != ",":
        return False
    if prep.lower_ == "of":
        return True  # "Of the 150 seats, X holds 75": the whole the object is a part of
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in kids(noun))


def verbless_fragment(verb: Token) -> bool:
    """``One filled with valuable lessons.``: a participle on a sentence whose head is a number or a
    pronoun and which has no verb of its own; no clause."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBN", "VBG")
        and head.dep_ == "ROOT"
        and head.tag_ in ("CD", "PRP", "DT", "NN", "NNS")
        and head.lower_ in ("one", "some", "many", "few", "all", "another", "each", "both", "several")
    )


def no_participant(prep: Token) -> bool:
    """A prepositional phrase on a verb that names no participant of it: a connective ("as a
    result"), a frame (:func:`framing_phrase`), a restriction ("excluding X"), a negated or
    conditional phrase ("if not for X", "not for money")."""
    if discourse_phrase(prep) or framing_phrase(prep) or prep.lower_ in RESTRICTING_PREPOSITIONS:
        return True
    return any(c.dep_ in ("neg", "mark") for c in kids(prep))


def participle_conjunct(noun: Token) -> bool:
    """``exceeding expectations but disappointing investors``: a "noun" joined by ``but`` whose first
    word is an ``-ing`` participle the parser took for an adjective is a second verb phrase, no
    second object of the first verb."""
    first = noun.doc[noun.left_edge.i]
    joined_by_but = any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in kids(noun.head))
    return (
        joined_by_but
        and first.dep_ == "amod"
        and first.head.i == noun.i
        and first.lower_.endswith("ing")
        and first.tag_ in ("JJ", "VBG", "NN")
    )


def age_of_object(noun: Token) -> bool:
    """``reach residents age 30 and under``: a second "object" ``age`` with a number, right after the
    first, is the first object's age (no thing reached)."""
    if noun.lower_ not in ("age", "aged") or not any(c.dep_ == "nummod" for c in kids(noun)):
        return False
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    return before is not None and before.dep_ in ("dobj", "pobj", "conj") and before.pos_ in ("NOUN", "PROPN")


def refused_permission(verb: Token) -> bool:
    """``I'm not going to let the board approve this plan``, ``they will not allow X to open``: a
    clause under a permitting verb whose chain is negated is what will not be let happen."""
    permitted = negated = False
    token = verb
    while token.head is not token and token.dep_ != "ROOT":
        token = token.head
        if token.lemma_.lower() in SPEECH_VERBS:
            break
        permitted = permitted or token.lemma_.lower() in PERMITTING_VERBS
        negated = negated or any(c.dep_ == "neg" for c in kids(token))
    return permitted and negated


def noun_after_for(verb: Token) -> bool:
    """``calling for a two percent across the board cut to X``: a "verb" the parser gave the marker
    ``for`` but no ``to`` is a noun (a clause after ``for`` needs ``to``: "for prices to fall")."""
    marks = [c for c in kids(verb) if c.dep_ == "mark"]
    if not marks or marks[0].lower_ != "for" or verb.tag_ not in ("VBD", "VBN", "VBZ", "VBP", "VB"):
        return False
    return not any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb))


def after_comma(verb: Token) -> bool:
    """The phrase of ``verb`` follows a comma ("..., to honor the region")."""
    start = verb.left_edge.i
    return start > 0 and verb.doc[start - 1].text == ","


def stray_purpose(verb: Token) -> bool:
    """``named X, which means "red hill" in Zulu, to honor the region``: an infinitive after a comma
    that the parser hung on a relative clause is the purpose of the main clause; who does it is not
    the relative clause's noun (no clause rather than a wrong subject)."""
    return _to_infinitive(verb) and verb.dep_ in ("xcomp", "advcl") and verb.head.dep_ == "relcl" and after_comma(verb)


def possessed_aim(verb: Token) -> bool:
    """``My intention is to vote no``, ``His goal is to win the title``: the infinitive after "be" is
    done by the possessor, not by the noun ("intention vote no"); no clause rather than that."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_.lower() != "be" or not _to_infinitive(verb):
        return False
    subjects = [c for c in kids(head) if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    return bool(subjects) and any(c.dep_ == "poss" for c in kids(subjects[0]))


def no_clause(verb: Token) -> bool:
    """A predicate that heads no clause: a verbless fragment, an event a negated "let" refuses, a
    noun read as a verb after ``for``."""
    return (
        verbless_fragment(verb)
        or refused_permission(verb)
        or noun_after_for(verb)
        or stray_purpose(verb)
        or possessed_aim(verb)
    )


def broken_relative(verb: Token) -> bool:
    """``at Lake Park, where students and residents age 18 and older will be able to ...``: the parser
    made a noun ("age") the verb of the ``where`` clause and joined the real verb to the main clause;
    that conjunct's subject is in the relative clause, not the main clause's (no subject to inherit)."""
    head = verb.head
    if verb.dep_ != "conj" or head is verb:
        return False
    doc = verb.doc
    for token in doc[head.i + 1 : verb.i]:
        if token.dep_ == "relcl" and token.pos_ not in ("VERB", "AUX"):
            words = {c.lower_ for c in kids(token)}
            if words & {"where", "when"} and any(c.dep_ == "nsubj" for c in kids(token)):
                return True
    return False


def predicate_adjective(verb: Token, obj: Token) -> list[int]:
    """``called the sentence "shameful"``, ``found the plan unworkable``: the adjective said of the
    object belongs to the object argument (``call | the sentence shameful``); without it the fact
    is empty (``call | the sentence``)."""
    if obj.dep_ != "dobj" or obj.head.i != verb.i:
        return []
    adjectives = [c for c in kids(verb) if c.dep_ == "oprd" and c.pos_ == "ADJ" and c.i > obj.i]
    if not adjectives:
        return []
    adjective = adjectives[0]  # with its degree ("very unfair") and its phrase ("unique to the office")
    words = [adjective.i, *(c.i for c in kids(adjective) if c.dep_ in ("advmod", "neg") and c.i < adjective.i)]
    for prep in (c for c in kids(adjective) if c.dep_ == "prep" and c.i > adjective.i):
        if not any(o.ent_type_ in ("DATE", "TIME") for o in kids(prep)):
            words.extend(t.i for t in prep.subtree)
    return sorted(words)


def said_of_object(verb: Token, adjective: Token) -> bool:
    """``used powers unique to the office``, ``called it unfair``: an adjective after the object is
    said of the object (:func:`predicate_adjective`), no object of its own."""
    return adjective.pos_ == "ADJ" and any(c.dep_ == "dobj" and c.i < adjective.i for c in kids(verb))


def plain_prepositions(preps: list[_Prep]) -> list[_Prep]:
    """The phrases of an infinitive folded into its governor's relation, without those opened by a
    participle ("request to send X to prison following his conviction": no "send following" fact)."""
    return [p for p in preps if not p[3] or p[1].doc[p[3][0]].tag_ != "VBG"]


def glued(noun: Token, span: list[int]) -> tuple[Token, list[int]]:
    """``a higher quality 8 megapixel camera``: the parser ends the phrase at "quality" and makes
    "8 megapixel camera" its apposition, with no comma between them; the phrase is one noun phrase
    whose head is the last noun (an apposition with a comma or a bracket is a real one)."""
    glued = [c for c in kids(noun) if c.dep_ == "appos" and c.left_edge.i == noun.i + 1 and c.left_edge.tag_ == "CD"]
    if not glued or not noun.whitespace_:
        return noun, span
    appos = glued[0]
    return appos, sorted({*span, *range(noun.i + 1, appos.i + 1)})


def permission_or_purpose(verb: Token) -> str | None:
    """The hedge of an infinitive a permitting verb governs ("allow"), or of a purpose infinitive
    after an object (:func:`purpose_infinitive`): "purpose"."""
    head = verb.head
    if head is not verb and verb.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in PERMITTING_VERBS:
        return "allow"
    return "purpose" if purpose_infinitive(verb) else None
