"""The parts of a clause and the predicates that find them, for :mod:`graph.extractors.clauses`.

What a clause holds (:class:`Clause`, its object slots), which tokens are predicates, where a
subject comes from when the verb has none of its own (:class:`_SubjectFinder`), the words of the
relation and its lemma, and the arguments hanging on a verb (phrases, event nouns, adjectives).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..lexicon import LIGHT_PREPOSITIONS, LIGHT_VERBS, MODAL_LEMMAS, SPEECH_VERBS
from ..lexicon.nouns import TROUBLE_NOUNS
from ..lexicon.verbs import OBJECT_CONTROL_VERBS
from ..syntax import doc_tree, kids, subtree_indices
from . import clause_shapes as shapes
from .clause_edges import (
    cut_at_separator,
    drop_datelines,
    glue_hyphens,
    in_title,
    list_neighbour,
    merge_hyphen_pieces,
    relative_conjuncts,
    silent_e,
    trailing_time,
)
from .minimal import rejoin_words
from .minimal_parts import bare_clausal_subject
from .nominal import lexicon_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
DIRECT_OBJECT_DEPS = ("dobj", "attr", "oprd", "acomp")
#: deps of a noun's children that are left out of an argument span
ARGUMENT_SKIP_DEPS = ("relcl", "appos", "conj", "cc", "punct")
NOT_PREDICATE_DEPS = {"aux", "auxpass", "amod", "compound", "nmod", "nn", "det", "case", "prt", "neg"}
TIME_LABELS = ("DATE", "TIME")
OPENING_QUOTES = ('"', "\u201c", "``", "'", "\u2018")


@dataclass
class _Slot:
    """One object: its head and span, and words it adds to the relation ("responsible for")."""

    head: Token
    span: list[int]
    relation: list[int] = field(default_factory=list)
    lemma: str = ""
    kind: str | None = None


@dataclass
class Clause:
    """A predicate with everything found for it (internal, holds spaCy tokens)."""

    verb: Token  # the first verb of the predicate chain (where the subject hangs)
    last: Token  # the last verb of the chain (where objects hang)
    relation: list[int]  # token indices of the relation words
    lemma_parts: list[str]
    subjects: list[tuple[Token, list[int]]] = field(default_factory=list)
    objects: list[_Slot] = field(default_factory=list)
    clause_object: tuple[Token, list[int], list[int]] | None = None  # head, span, marker (that)
    preps: list[tuple[str, Token, list[int], list[int]]] = field(default_factory=list)  # role, head, span, marker
    construction: str = "svo"
    passive: bool = False
    negated: bool = False
    modality: str | None = None
    inherited_subject: bool = False
    hedge: str | None = None


def _is_predicate(token: Token) -> bool:
    if token.dep_ in NOT_PREDICATE_DEPS:
        return False
    if token.pos_ == "VERB":
        return True
    return token.pos_ == "AUX" and token.dep_ in (
        "ROOT",
        "conj",
        "ccomp",
        "relcl",
        "advcl",
        "xcomp",
        "parataxis",
        "csubj",
    )


def _children(token: Token, *deps: str) -> list[Token]:
    tree = doc_tree(token.doc)  # filter on the dependency labels before making Token objects
    return [tree.tokens[i] for i in tree.children[token.i] if tree.deps[i] in deps]


def _conjuncts(token: Token) -> list[Token]:
    """The token and the nouns conjoined to it (A, B and C), in order."""
    result = [token]
    for child in kids(token):
        if child.dep_ == "conj" and child.pos_ not in ("VERB", "AUX") and not shapes.participle_conjunct(child):
            result.extend(_conjuncts(child))
    return result


#: participles that name the noun they follow: "two men identified as A and B", "a woman named C"
NAMING_PARTICIPLES = {"identify", "name", "call"}


def naming_participle(noun: Token) -> tuple[Token, list[Token]] | None:
    """The participle that names a common noun and the names it gives ("two men identified as A
    and B" -> identified, [A, B]; "a woman named C" -> named, [C]): the names are who the noun is."""
    if noun.pos_ != "NOUN":
        return None
    for child in kids(noun):
        if child.dep_ != "acl" or child.tag_ not in ("VBN", "VBD") or child.lemma_.lower() not in NAMING_PARTICIPLES:
            continue
        for part in kids(child):
            if part.dep_ == "prep" and part.lower_ == "as":
                names = [t for t in kids(part) if t.dep_ == "pobj"]
            elif part.dep_ in ("oprd", "attr", "dobj"):
                names = [part]
            else:
                continue
            if names and names[0].pos_ == "PROPN" and names[0].i > child.i:
                return child, [n for n in _conjuncts(names[0]) if n.pos_ == "PROPN"]
    return None


def place_before_subject(subjects: list[Token]) -> list[Token]:
    """``the Dayton, Ohio, native recorded X``: the parser gives the verb two subjects, the place
    and the noun it modifies; the noun is the subject (its span takes the place back in)."""
    if len(subjects) < 2 or subjects[-1].pos_ not in ("NOUN", "ADJ") or subjects[-1].dep_ != "nsubj":
        return subjects
    places = subjects[:-1]
    if all(p.dep_ == "nsubj" and p.pos_ == "PROPN" and p.ent_type_ in ("GPE", "LOC") for p in places):
        return subjects[-1:]
    return subjects


def _place_appositive(subject: Token) -> Token | None:
    """``the Dayton, Ohio, native wrote X`` read as the place with appositions "Ohio" and
    "native": the bare common noun just before the verb is the subject."""
    if subject.pos_ != "PROPN" or subject.ent_type_ not in ("GPE", "LOC"):
        return None
    nouns = [c for c in kids(subject) if c.dep_ == "appos" and c.pos_ in ("NOUN", "ADJ") and not kids(c)]
    if nouns and nouns[-1].i == subject.head.i - 1 and nouns[-1].doc[nouns[-1].i - 1].text == ",":
        return nouns[-1]
    return None


def place_span(subject: Token) -> list[int]:
    """The words before ``subject`` that :func:`place_before_subject` took from the verb's other
    subjects ("the Dayton, Ohio," of "the Dayton, Ohio, native"), or none."""
    if subject.dep_ == "appos":
        place = subject.head
        return list(range(place.left_edge.i, subject.i)) if _place_appositive(place) == subject else []
    siblings = [c for c in kids(subject.head) if c.dep_ == "nsubj" and c.i < subject.i]
    if subject.head.i == subject.i or not siblings or place_before_subject([*siblings, subject]) != [subject]:
        return []
    return list(range(siblings[0].left_edge.i, subject.i))


def _noun_span(token: Token, *, skip: tuple[str, ...] = ARGUMENT_SKIP_DEPS) -> list[int]:
    # a hyphen or slash inside a word stays ("$10.2-billion", "23-year-old")
    span = glue_hyphens(token.doc, rejoin_words(token.doc, subtree_indices(token, skip_deps=skip)))
    return cut_at_separator(token, span)  # "JACKSON, Tenn. — Officials": the dateline is not the subject


def _marks(token: Token) -> bool:
    """A word that opens a clause: "to", "that", "whether", a wh-word."""
    return token.dep_ in ("mark", "aux") or token.tag_ in ("WDT", "WP", "WRB")


def _is_relative_word(token: Token) -> bool:
    return token.tag_ in ("WDT", "WP", "WP$") or (token.lower_ == "that" and token.dep_ in (*SUBJECT_DEPS, "dobj"))


def _context(verb: Token) -> str:
    """Where a predicate stands, for the confidence: main, conj, complement, subordinate, ..."""
    dep = verb.dep_
    if dep in ("ROOT", "parataxis"):
        return "main"
    if dep == "conj":
        return "conj" if verb.head.dep_ in ("ROOT", "conj") else _context(verb.head)
    if dep in ("ccomp", "xcomp", "csubj"):
        return "complement"
    if dep == "relcl":
        return "relative"
    if dep == "acl":
        return "participle"
    return "subordinate"


def _antecedent(noun: Token, relative: Token) -> Token | None:
    """The noun a relative pronoun stands for: the noun the clause hangs on, except that ``which``
    after a date is the whole clause before it ("grows in 2025, which will keep prices high": no
    noun), and ``who`` after an attribute introduced by ``with`` is the person who has it ("a
    scholar with a deft style and rough charisma who became a star": the scholar)."""
    if relative.lower_ == "which" and noun.ent_type_ in ("DATE", "TIME"):
        return None
    if relative.lower_ in ("who", "whom") and not noun.ent_type_ and noun.pos_ == "NOUN":
        first = noun
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        prep = first.head
        if first.dep_ == "pobj" and prep.lower_ == "with" and prep.head.pos_ in ("NOUN", "PROPN"):
            return prep.head
    return shapes.nearer_antecedent(noun, relative)


#: prepositions whose gerund shares the subject of the clause: "engaged in fraud by padding
#: statements", "after finding that", "without paying" (not "of", "from", "for": "accused of
#: taking", "banned from serving", "praised for saving" do not say who did it, or whether)
GERUND_PREPOSITIONS = {"by", "after", "before", "upon", "on", "through", "despite", "since", "while", "without"}


def _gerund_governor(verb: Token) -> Token | None:
    """The verb whose subject does a gerund after a preposition: "surprised astronomers by
    discovering X" (surprise), "imposed punishments, such as banning X" (impose)."""
    prep = verb.head
    if prep.dep_ not in ("prep", "agent") or prep.head is prep:
        return None
    if prep.lower_ in GERUND_PREPOSITIONS and _is_predicate(prep.head):
        return prep.head
    noun = prep.head
    if prep.lower_ == "as" and any(c.lower_ == "such" for c in kids(prep)) and noun.dep_ in ("dobj", "nsubjpass"):
        return noun.head if _is_predicate(noun.head) else None
    return None


class _SubjectFinder:
    def __init__(self) -> None:
        self._cache: dict[int, tuple[list[Token], bool]] = {}

    def subjects_of(self, verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
        """Subject heads of ``verb`` and whether they were inherited from another clause."""
        if verb.i not in self._cache:
            self._cache[verb.i] = self._find(verb, depth)
        return self._cache[verb.i]

    def _find(self, verb: Token, depth: int) -> tuple[list[Token], bool]:
        if depth > 8:
            return [], False
        if in_title(verb) and verb.head is not verb:
            # "starred in Alice Doesn't Live Here Anymore, ... and acted in X": the title's verb is
            # no clause; a verb joined to it belongs to the clause the title is in
            subjects, _ = self.subjects_of(verb.head, depth + 1)
            return subjects, True
        own = drop_datelines(merge_hyphen_pieces(place_before_subject(_children(verb, *SUBJECT_DEPS))))
        own = [s for s in own if not bare_clausal_subject(s.dep_, s.tag_, any(_marks(c) for c in kids(s)))]
        if own:
            heads: list[Token] = []
            for subject in own:
                if _is_relative_word(subject) and verb.dep_ == "relcl":
                    antecedent = _antecedent(verb.head, subject)
                    if antecedent is None:
                        return [], False
                    heads.extend(relative_conjuncts(verb, _conjuncts(antecedent)))
                else:
                    native = _place_appositive(subject) if subject.dep_ == "nsubj" else None
                    for conjunct in [native] if native is not None else _conjuncts(subject):
                        named = naming_participle(conjunct)
                        heads.extend(named[1] if named else [conjunct])  # "two men identified as A and B"
            return heads, False
        head = verb.head
        if verb.dep_ == "conj" and any(c.dep_ == "expl" for c in kids(verb)):
            return [], False  # "X was charged, and there were eight charges": nothing to inherit
        if (neighbour := list_neighbour(verb)) is not None:
            return self.subjects_of(neighbour, depth + 1)[0], True  # "a man entered X, hit him, and shot him"
        if verb.dep_ == "conj" and head is not verb and not shapes.broken_relative(verb):
            if verb.tag_ == "VBG" and head.tag_ != "VBG" and _children(head, *SUBJECT_DEPS):
                # "the shock of finding out that friends had died and trying to assess the damage": a
                # gerund is joined to a gerund; the parser's finite head is the wrong one
                gerunds = [a for a in head.ancestors if a.tag_ == "VBG"]
                return self.subjects_of(gerunds[0], depth + 1)[0] if gerunds else [], True
            subjects, _ = self.subjects_of(head, depth + 1)
            return subjects, True
        if (
            verb.dep_ == "acl"
            and verb.tag_ == "VBG"
            and verb.i > 0
            and verb.doc[verb.i - 1].text == ","
            and head.dep_ in ("pobj", "dobj")
        ):
            # "threw out the penalty against Trump, ruling in the lawsuit": after a comma, a participle
            # on a noun deep in a phrase is the clause's, not that noun's
            clause_verb = next((a for a in head.ancestors if _is_predicate(a)), None)
            if clause_verb is not None:
                subjects, _ = self.subjects_of(clause_verb, depth + 1)
                return subjects, True
        if verb.dep_ == "acl" and head.lower_ == "order" and head.head.dep_ == "prep":
            # "in order to V": the subject of the clause the purpose belongs to
            governor = head.head.head
            if _is_predicate(governor):
                subjects, _ = self.subjects_of(governor, depth + 1)
                return subjects, True
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() in TROUBLE_NOUNS and head.dep_ == "dobj":
            return self.subjects_of(head.head, depth + 1)[0], True  # "had trouble recouping X": who had it
        if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            if verb.dep_ == "acl" and verb.tag_ == "VBN":
                return [], False  # "objectives set by X": the noun is the object (reduced relative)
            if verb.tag_ == "VB" and any(c.lower_ == "to" for c in _children(verb, "aux")):
                return [], False  # "a law to protect X", "time to grab X": the noun is not the doer
            return _conjuncts(head), False
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG":
            governor = _gerund_governor(verb)
            if governor is not None:
                subjects, _ = self.subjects_of(governor, depth + 1)
                return subjects, True
        if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp" and _is_predicate(head.head):
            subjects, _ = self.subjects_of(head.head, depth + 1)  # "he was able to hold off X"
            return subjects, True
        if verb.dep_ == "xcomp":
            objects = _children(head, "dobj", "dative")
            if objects and not shapes.purpose_infinitive(verb):
                return objects[:1], True
            subjects, _ = self.subjects_of(head, depth + 1)
            return subjects, True
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > head.i and head.lemma_.lower() in SPEECH_VERBS:
            # "the quake struck, officials said, crumpling buildings": not the speaker's act (a participle
            # before the speech verb is: "Addressing the meeting, X noted that ...")
            return [], False
        if (
            verb.dep_ == "advcl"
            and verb.tag_ in ("VBG", "VBN", "VB")
            and _is_predicate(head)
            and (not _children(verb, "mark") or verb.tag_ == "VB")
        ):
            subjects, _ = self.subjects_of(head, depth + 1)
            return subjects, True
        return [], False


def _relation_tokens(verb: Token) -> tuple[list[int], bool, bool, str | None]:
    """Auxiliaries, negation, the verb and its particle; passive?, negated?, modality."""
    tokens: list[int] = []
    passive = negated = False
    modality: str | None = None
    for child in kids(verb):
        if child.dep_ in ("aux", "auxpass") and child.i < verb.i:
            tokens.append(child.i)
            if child.dep_ == "auxpass":
                passive = True
            if child.tag_ == "MD" or child.lemma_.lower() in MODAL_LEMMAS:
                modality = modality or child.lemma_.lower()
        elif child.dep_ == "neg":
            after = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
            if after is not None and after.lower_ in ("only", "just", "merely", "simply"):
                continue  # "was not only a new species but a new genus": "not only" adds, it does not negate
            tokens.append(child.i)
            negated = True
        elif child.dep_ == "prt":
            tokens.append(child.i)
    if any(c.dep_ in ("nsubjpass", "csubjpass") for c in kids(verb)):
        passive = True
    tokens.append(verb.i)
    return sorted(tokens), passive, negated, modality


#: contracted verbs, with a straight or a curly apostrophe ("It’s", "they're"): the lemma they stand for
CONTRACTIONS = {"'s": "be", "'re": "be", "'m": "be", "'ve": "have", "'d": "would", "'ll": "will"}


def _lemma(verb: Token) -> str:
    lemma = verb.lemma_.lower()
    if "\u2019" in lemma or "'" in lemma or lemma in ("", "\u2019"):
        text = verb.lower_.replace("\u2019", "'")
        lemma = CONTRACTIONS.get(text, "be" if text.startswith("'") or not text.strip("'") else text.replace("'", ""))
    parts = [silent_e(verb, lemma, lexicon_of(verb.doc.vocab)[0])]  # "hoping": hope, not "hop"
    parts.extend(c.lower_ for c in kids(verb) if c.dep_ == "prt")
    return " ".join(parts)


def _prep_object(prep: Token) -> Token | None:
    objects = _children(prep, "pobj", "pcomp")
    return objects[0] if objects else None


def _prep_arguments(verb: Token, *, skip: set[int]) -> list[tuple[str, Token, list[int], list[int]]]:
    """Prepositional phrases (and the passive agent), bare time expressions attached to the verb."""
    found: list[tuple[str, Token, list[int], list[int]]] = []
    for child in kids(verb):
        if child.i in skip:
            continue
        if child.dep_ in ("prep", "agent"):
            obj = _prep_object(child)
            if obj is None or shapes.no_participant(child):
                continue  # "as a result", "In a sharp rebuke, X ...", "excluding X", "not for money"
            if obj.lower_ == "order" and any(c.dep_ == "acl" for c in kids(obj)):
                continue  # "in order to V" is a purpose clause, extracted on its own
            marker = [child.i] + [c.i for c in kids(child) if c.dep_ == "prep" and c.i < obj.i and not kids(c)]
            span = (
                subtree_indices(obj, skip_deps=("relcl", "appos"))
                if obj.pos_ not in ("VERB", "AUX")
                else subtree_indices(obj)
            )
            if child.is_title and child.i > 0 and child.doc[child.i - 1].text in OPENING_QUOTES:
                # crooning "For the Good Times": the capitalised preposition opens a quoted title
                found.append(("title", obj, [child.i, *span], []))
                continue
            span, time = trailing_time(obj, span)  # "in the killing of a guard Thursday night"
            found.extend([(child.lower_, obj, span, marker), *([time] if time else [])])
        elif child.dep_ in ("npadvmod", "tmod") and child.ent_type_ in TIME_LABELS and child.lower_ != "age":
            found.append(("time", child, subtree_indices(child), []))  # ("residents age 30": an age, no time)
    return found


def _light_verb_slot(verb: Token, noun: Token, consumed: set[int]) -> list[_Slot]:
    """``held a meeting with X``, ``took part in X``: the relation takes the event noun and its
    preposition (the noun's own, or the verb's when the noun is bare); ``consumed`` gets the
    verb's preposition so it is not an extra argument too."""
    if verb.lemma_.lower() not in LIGHT_VERBS or noun.pos_ != "NOUN" or noun.ent_type_:
        return []
    preps = [
        c for c in kids(noun) if c.dep_ == "prep" and c.lower_ in LIGHT_PREPOSITIONS and _prep_object(c) is not None
    ]
    if not preps and not kids(noun):
        preps = [
            c
            for c in kids(verb)
            if c.dep_ == "prep" and c.i == noun.i + 1 and c.lower_ in LIGHT_PREPOSITIONS and _prep_object(c) is not None
        ]
        consumed.update(c.i for c in preps)
    if not preps:
        return []
    prep = preps[0]
    obj = _prep_object(prep)
    assert obj is not None
    noun_words = [c.i for c in kids(noun) if c.dep_ in ("det", "amod", "compound", "nummod") and c.i < noun.i]
    relation = sorted([*noun_words, noun.i, prep.i])
    lemma = f"{noun.lemma_.lower()} {prep.lower_}"
    if obj.pos_ in ("VERB", "AUX"):
        return [_Slot(obj, subtree_indices(obj), relation, lemma)]
    return [_Slot(n, _noun_span(n), relation, lemma) for n in _conjuncts(obj)]


def _adjective_slot(adjective: Token, consumed: set[int] | None = None) -> list[_Slot]:
    """``is responsible for X``: the adjective and its preposition join the relation. A phrase
    the parser hung on the copula right after the adjective counts too ("is available in 12
    states"; ``consumed`` gets it, so it is not an extra argument as well), unless it is a time."""
    preps = [c for c in kids(adjective) if c.dep_ == "prep" and _prep_object(c) is not None]
    if not preps and consumed is not None and adjective.head.i != adjective.i:
        after = adjective.right_edge.i + 1
        preps = [
            c
            for c in kids(adjective.head)
            if c.dep_ == "prep"
            and c.i == after
            and (o := _prep_object(c)) is not None
            and o.ent_type_ not in TIME_LABELS
        ]
        consumed.update(c.i for c in preps)
    if not preps:
        return []
    prep = preps[0]
    obj = _prep_object(prep)
    assert obj is not None
    words = sorted(
        [c.i for c in kids(adjective) if c.dep_ in ("advmod", "neg") and c.i < adjective.i] + [adjective.i, prep.i]
    )
    lemma = f"{adjective.lower_} {prep.lower_}"  # as written: "higher than", "related to", "based in"
    return [
        _Slot(n, _noun_span(n) if n.pos_ not in ("VERB", "AUX") else subtree_indices(n), words, lemma)
        for n in _conjuncts(obj)
    ]


def _to_infinitive(token: Token) -> bool:
    """``to sue``, ``to be addressed``"""
    return token.tag_ in ("VB", "VBN") and any(c.lower_ == "to" for c in _children(token, "aux"))


def _infinitive_slot(verb: Token, noun: Token, merged: set[int]) -> tuple[_Slot, Token] | None:
    """``halted plans to sue the regulator``, ``announced new tactics to win back investors``: a
    common-noun object with an infinitive of its own (the parser's ``acl``, or an ``xcomp`` of a verb
    that does not make its object act) keeps the infinitive in the relation (``halt plans to sue |
    the regulator``), so the argument is not cut before its point. The infinitive is not read again
    as a clause of its own (``merged``)."""
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return None
    candidates = [c for c in _children(noun, "acl") if _to_infinitive(c) and c.i > noun.i]
    if not candidates and verb.lemma_.lower() not in OBJECT_CONTROL_VERBS:
        candidates = [c for c in _children(verb, "xcomp") if _to_infinitive(c) and c.i > noun.i]
    if not candidates or _children(candidates[0], *SUBJECT_DEPS) or shapes.after_comma(candidates[0]):
        return None
    infinitive = candidates[0]
    objects = _children(infinitive, "dobj")
    if not objects or objects[0].tag_ in ("WDT", "WP"):
        return None
    words = [c.i for c in kids(noun) if c.dep_ in ("amod", "compound", "nummod") and c.i < noun.i]
    to = [c.i for c in _children(infinitive, "aux") if c.lower_ == "to"]
    particles = [c.i for c in _children(infinitive, "prt")]
    relation = sorted([*words, noun.i, *to, infinitive.i, *particles])
    merged.add(infinitive.i)
    lemma = f"{noun.lemma_.lower()} to {_lemma(infinitive)}"
    obj = objects[0]
    return _Slot(obj, _noun_span(obj), relation, lemma), infinitive
