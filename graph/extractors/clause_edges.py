"""Edges of a clause that the parser draws in the wrong place, for :mod:`.clause_builder`.

- discourse adverbials ("as a result", "in the end") are no arguments of the verb;
- a time phrase at the right edge of an argument ("arrested two men in the killing of a guard
  Thursday night", "named X as its chief executive on Tuesday") is the clause's time: it leaves
  the argument and becomes an argument of its own;
- a participle or ``, which`` clause at the end of a sentence whose verb says what the whole event
  led to ("..., touching off a confrontation", "..., which surprised analysts") has no noun subject;
- a cleft ("It was the visitors who scored") and a verb joined to an existential ("..., and
  there were eight charges") give no subject fact;
- gapping ("Moreno was the driver and Silva the lookout") is no ``Moreno be Silva``;
- a word the tokenizer split at its hyphen ("co-workers") is one subject, not three.

The rules name dependency labels, Penn tags and closed English word lists only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon.function_words import DISCOURSE_NOUNS
from ..lexicon.verbs import EVENT_RESULT_VERBS
from ..syntax import kids, subtree_indices

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

TIME_LABELS = ("DATE", "TIME")
#: prepositions of a time phrase that belongs to the clause rather than to the noun before it
TIME_PREPOSITIONS = {"on", "in", "at", "during"}
_RELATIVE_WORDS = {"which", "who", "that"}


def discourse_phrase(prep: Token) -> bool:
    """``as a result``, ``in the end``, ``for example``, ``on the other hand``: a prepositional
    phrase whose bare noun is a discourse connective (no phrase of its own: "at the end of the
    season" is a time)."""
    objects = [c for c in kids(prep) if c.dep_ == "pobj"]
    if len(objects) != 1:
        return False
    noun = objects[0]
    if noun.lemma_.lower() not in DISCOURSE_NOUNS or noun.ent_type_:
        return False
    return all(c.dep_ in ("det", "amod") for c in kids(noun))


def _glued(doc: Doc, left: int) -> bool:
    """Token ``left`` and the one after it are written as one word (no space between them)."""
    return 0 <= left < len(doc) - 1 and doc[left].whitespace_ == ""


def glue_hyphens(doc: Doc, span: list[int]) -> list[int]:
    """``span`` widened over a word the tokenizer split at a hyphen: "co-workers" is the tokens
    co, -, workers, and a span holding only "workers" takes "co-" back."""
    if not span:
        return span
    result = set(span)
    first, last = min(result), max(result)
    while first >= 2 and doc[first - 1].text == "-" and _glued(doc, first - 2) and _glued(doc, first - 1):
        if not doc[first - 2].is_alpha:
            break
        piece = doc[first - 2]  # with its own left words: "a mini-budget", "Her co-workers"
        result.update(range(min(piece.left_edge.i, first - 2), first))
        first = min(piece.left_edge.i, first - 2)
    while last + 2 < len(doc) and doc[last + 1].text == "-" and _glued(doc, last) and _glued(doc, last + 1):
        if not doc[last + 2].is_alpha:
            break
        result.update((last + 1, last + 2))
        last += 2
    return sorted(result)


def merge_hyphen_pieces(subjects: list[Token]) -> list[Token]:
    """Subjects that are pieces of one hyphenated word ("co", "-", "workers", each read as a
    subject of its own): the last piece stands for the word."""
    if len(subjects) < 2:
        return subjects
    doc = subjects[0].doc
    indices = {s.i for s in subjects}
    kept: list[Token] = []
    for subject in subjects:
        i = subject.i
        joined_right = _glued(doc, i) and (
            (i + 1 in indices and doc[i + 1].text == "-") or (doc[i].text == "-" and i + 1 in indices)
        )
        if joined_right:
            continue
        kept.append(subject)
    return kept or subjects[-1:]


def trailing_time(head: Token, span: list[int]) -> tuple[list[int], tuple[str, Token, list[int], list[int]] | None]:
    """A time phrase at the right edge of the noun phrase ``span`` (not the head itself): the span
    without it, and the phrase as a clause argument (role, head, span, marker)."""
    if head.pos_ in ("VERB", "AUX") or head.ent_type_ in TIME_LABELS or len(span) < 3:
        return span, None
    doc = head.doc
    kept = set(span)
    end = max(span)
    while end in kept and doc[end].is_punct and end > min(span):
        end -= 1
    for i in sorted(kept):
        token = doc[i]
        if token.pos_ not in ("NOUN", "PROPN") or (token.i != head.i and token.ent_type_ in TIME_LABELS):
            continue
        for child in kids(token):
            if child.i <= token.i or child.i not in kept:
                continue
            if child.dep_ in ("npadvmod", "tmod") and child.ent_type_ in TIME_LABELS:
                # a bare time after the noun, wherever the phrase ends ("a media event Wednesday in New York")
                words = subtree_indices(child)
                argument: tuple[str, Token, list[int], list[int]] = ("time", child, words, [])
            elif child.dep_ == "prep" and child.lower_ in TIME_PREPOSITIONS and child.right_edge.i == end:
                objects = [c for c in kids(child) if c.dep_ == "pobj"]
                if len(objects) != 1 or objects[0].ent_type_ not in TIME_LABELS:
                    continue
                if any(c.dep_ == "prep" and c.lower_ != "of" for c in kids(objects[0])):  # "the first months of 2024"
                    continue
                words = subtree_indices(objects[0])
                argument = (child.lower_, objects[0], words, [child.i])
            else:
                continue
            drop = set(range(child.left_edge.i, child.right_edge.i + 1))
            rest = [j for j in span if j not in drop]
            while rest and doc[rest[-1]].is_punct:
                rest.pop()
            if not rest or head.i not in rest:
                return span, None
            return rest, argument
    return span, None


def _sentence_final(verb: Token) -> bool:
    """Nothing but punctuation follows the verb's phrase in its sentence."""
    doc = verb.doc
    end = verb.right_edge.i + 1
    stop = verb.sent.end
    return all(doc[i].is_punct or doc[i].is_space for i in range(end, stop))


def event_subject(verb: Token, lemma: str) -> bool:
    """A clause at the end of a sentence, after a comma, whose subject is the event before it:
    "Police stormed the house, touching off a confrontation" (the storming touched it off),
    "The bank raised its rates, which surprised analysts" (the raise surprised them)."""
    if lemma not in EVENT_RESULT_VERBS and lemma.split()[0] not in EVENT_RESULT_VERBS:
        return False
    doc = verb.doc
    start = verb.left_edge.i
    if start == 0 or doc[start - 1].text != "," or not _sentence_final(verb):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "by" for c in kids(verb)):
        return False  # "which surprised astronomers by discovering X": the noun did it
    if any(c.dep_ == "xcomp" for c in kids(verb)) and any(c.dep_ == "dobj" for c in kids(verb)):
        return False  # "brandished a gun, prompting an officer to shoot": the doer made someone act
    if verb.dep_ in ("advcl", "acl", "conj") and verb.tag_ == "VBG":
        return not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in kids(verb))
    if verb.dep_ == "relcl":
        relative = [c for c in kids(verb) if c.dep_ == "nsubj" and c.lower_ == "which"]
        antecedent = verb.head
        if (
            antecedent.pos_ == "PROPN"
            or antecedent.ent_type_
            or any(
                doc[i].ent_type_ and doc[i].ent_type_ not in TIME_LABELS
                for i in range(antecedent.left_edge.i, antecedent.i)
            )
        ):
            return False  # "launched the Explorer telescope, which surprised astronomers": a named thing can act
        return bool(relative) and antecedent.dep_ in ("dobj", "pobj", "attr", "conj")
    return False


def cleft_or_existential(verb: Token) -> bool:
    """``It was the visitors who scored first`` (a cleft: the relative clause is the fact) and
    ``..., and there were eight charges against her`` (an existential joined to a clause: no
    subject to inherit)."""
    children = kids(verb)
    if any(c.dep_ == "expl" for c in children):
        return True
    if verb.lemma_.lower() != "be":
        return False
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ != "it":
        return False
    for attr in (c for c in children if c.dep_ == "attr"):
        for clause in kids(attr):
            if clause.dep_ == "relcl" and any(w.lower_ in _RELATIVE_WORDS for w in kids(clause)):
                return True
    return False


def gapped_conjuncts(verb: Token, dep: str) -> set[int]:
    """Gapping: "Moreno was the driver and Silva the lookout" gives the verb two objects of one
    kind, and the parser joins "Silva" to the first. The joined word and the second object are
    another clause without a verb: both leave this one."""
    objects = [c for c in kids(verb) if c.dep_ == dep]
    if not objects:
        return set()
    first = objects[0]
    seconds = [
        c for c in kids(verb) if c.i > first.i and c.dep_ in (dep, "npadvmod") and c.ent_type_ not in TIME_LABELS
    ]
    # or read as an apposition of the first: "the gunman and Hillie the getaway driver"
    seconds += [c for c in kids(first) if c.dep_ == "appos" and c.i > first.i and c.doc[c.left_edge.i - 1].text != ","]
    if not seconds:
        return set()
    second = min(seconds, key=lambda c: c.i)
    joined = [c for c in kids(first) if c.dep_ == "conj" and first.i < c.i < second.i]
    # the gapped subject is a name or pronoun right before the second object
    if not joined or joined[0].pos_ not in ("PROPN", "PRON") or second.left_edge.i != joined[0].right_edge.i + 1:
        return set()
    return {joined[0].i, second.i}


def in_title(token: Token) -> bool:
    """A capitalised verb inside a sentence, after another capitalised word: a word of a title
    ("the film Alice Doesn't Live Here Anymore", "A Star Is Born"), not a predicate."""
    if not token.is_title or token.pos_ not in ("VERB", "AUX") or token.i == token.sent.start:
        return False
    doc = token.doc
    if doc[token.i - 1].text in ('"', "\u201c", "``") and _title_cased_quote(token):
        return True  # "such classics as "Help Me Make It Through the Night"": a quoted title
    before = token.i - 1
    while before > token.sent.start and doc[before].lower_ in ("n't", "not", "'s", "does", "do", "is"):
        before -= 1
    previous = doc[before]
    return previous.is_title and previous.i != token.sent.start and not previous.is_punct


def _title_cased_quote(token: Token) -> bool:
    """The words from ``token`` to the closing quotation mark are a title: every word but short
    function words capitalised, at least three words ("Help Me Make It Through the Night")."""
    doc = token.doc
    words: list[Token] = []
    for i in range(token.i, min(len(doc), token.i + 15)):
        if doc[i].text in ('"', "\u201d", "''") or (doc[i].is_punct and doc[i + 1 : i + 2].text in ('"', "\u201d")):
            break
        if doc[i].is_alpha:
            words.append(doc[i])
    else:
        return False
    return len(words) >= 3 and all(w.is_title for w in words if len(w) > 3 or w.i == token.i)


def _too_to(verb: Token) -> bool:
    """An infinitive after ``too`` + adjective ("gas too warm and tenuous to make stars"), wherever
    the parser hung it: the event does not happen."""
    if verb.tag_ != "VB" or not any(c.lower_ == "to" and c.dep_ == "aux" for c in kids(verb)):
        return False
    start = min(c.i for c in kids(verb) if c.lower_ == "to" and c.dep_ == "aux")
    if start == 0:
        return False
    previous = verb.doc[start - 1]
    while previous.dep_ == "conj" and previous.head is not previous and previous.pos_ == "ADJ":
        previous = previous.head
    return previous.pos_ in ("ADJ", "ADV") and any(c.lower_ == "too" for c in kids(previous))


def _without_asides(comp: Token, span: list[int]) -> list[int]:
    """A clausal object without its non-restrictive relative clauses (", which is why ...",
    "the quake, which struck at midnight, had killed"): an aside, not what is expected or known."""
    doc = comp.doc
    drop: set[int] = set()
    last = max(span)
    for i in span:
        token = doc[i]
        if token.dep_ == "relcl" and token.left_edge.i > 0 and doc[token.left_edge.i - 1].text == ",":
            end = token.right_edge.i
            closed = end + 1 <= last and doc[end + 1].text == ","
            # an aside that is not closed by a comma runs to the end of the clause
            drop.update(range(token.left_edge.i - 1, (end if closed else last) + 1))
    kept = [i for i in span if i not in drop]
    while kept and doc[kept[-1]].is_punct:
        kept.pop()
    return kept or span


_DASHES = ("\u2014", "\u2013", "--")


def _separator(token: Token, *, hyphen: bool = False) -> bool:
    """A colon, or a dash with space on both sides: it separates phrases ("JACKSON, Tenn. —
    Officials say"), unlike the hyphen inside a word. A spaced hyphen counts only with
    ``hyphen`` (tokenised text spaces the hyphens of words: "interest - rate environment")."""
    if token.text == ":":
        return True
    dashes = (*_DASHES, "-") if hyphen else _DASHES
    doc = token.doc
    return token.text in dashes and token.i > 0 and doc[token.i - 1].whitespace_ != "" and token.whitespace_ != ""


def cut_at_separator(head: Token, span: list[int]) -> list[int]:
    """``span`` without what a dateline's dash or colon separates from ``head``."""
    doc = head.doc
    cuts = [i for i in span if _separator(doc[i])]
    if not cuts:
        return span
    before = [c for c in cuts if c < head.i]
    after = [c for c in cuts if c > head.i]
    low = max(before) if before else -1
    high = min(after) if after else len(doc)
    return [i for i in span if low < i < high] or span


def drop_datelines(subjects: list[Token]) -> list[Token]:
    """``Bhubaneswar, Odisha: FC Goa emerged as champions``: the parser makes the dateline's place
    a subject too; a subject followed by a colon or a spaced dash before another subject leaves."""
    if len(subjects) < 2:
        return subjects
    doc = subjects[0].doc
    kept = []
    for subject in subjects:
        later = [s for s in subjects if s.i > subject.i]
        end = subject.right_edge.i
        if later and any(_separator(doc[i], hyphen=True) for i in range(end, later[0].left_edge.i + 1)):
            continue
        kept.append(subject)
    return kept or subjects


def _singular_verb(verb: Token) -> bool:
    """The verb agrees with one subject only ("who is", "who was", "who has", "who plays")."""
    words = [verb, *(c for c in kids(verb) if c.dep_ in ("aux", "auxpass"))]
    return verb.tag_ == "VBZ" or any(w.lower_ in ("is", "was", "has") for w in words)


def relative_conjuncts(verb: Token, conjuncts: list[Token]) -> list[Token]:
    """``Glover and Prowse, who was later knighted``: a relative clause after the last of joined
    nouns is said of the nearest one when its verb is singular; of all of them otherwise ("who were
    both ...", and the unmarked "who later wrote": the parser's reading is kept)."""
    if len(conjuncts) < 2 or verb.left_edge.i < max(c.i for c in conjuncts) or not _singular_verb(verb):
        return conjuncts
    return [max(conjuncts, key=lambda c: c.i)]


def list_neighbour(verb: Token) -> Token | None:
    """``when a man entered the house, hit him on the head, and shot him``: the parser joins "hit"
    to the main verb far before; a verb of the same form that ends just before it, inside a
    clause of its own with its own subject, is the first item of the list (and gives the subject).
    Only for a list of three or more (the joined verb has a conjunct of its own)."""
    if verb.dep_ != "conj" or not any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in kids(verb)):
        return None
    doc = verb.doc
    before = verb.left_edge.i - 1
    while before > 0 and (doc[before].is_punct or doc[before].dep_ == "cc"):
        before -= 1
    head = verb.head
    candidate = doc[before]
    while candidate.i != candidate.head.i and candidate.right_edge.i == before and candidate.head.i != head.i:
        if candidate.tag_ == verb.tag_ and candidate.dep_ in ("advcl", "ccomp", "relcl"):
            break
        candidate = candidate.head
    if candidate.i == head.i or candidate.tag_ != verb.tag_ or candidate.dep_ not in ("advcl", "ccomp", "relcl"):
        return None
    if candidate.right_edge.i != before or not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(candidate)):
        return None
    return candidate if head.is_ancestor(candidate) else None


#: verbs that deny or doubt the content of their object noun ("rejected claims that X")
_DENYING = {"deny", "reject", "dismiss", "dispute", "doubt", "question", "refute", "rebut"}
_AMOUNT_LABELS = ("MONEY", "QUANTITY", "CARDINAL", "PERCENT")


def denied_content(verb: Token) -> bool:
    """The content clause of a noun that is denied or missing: "did not include evidence that J
    benefited", "found no sign that X", "rejected claims that X": nothing says that it happened."""
    if verb.dep_ != "acl" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in kids(verb)):
        return False
    noun = verb.head
    if any(c.dep_ == "det" and c.lower_ == "no" for c in kids(noun)):
        return True
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if governor.i == noun.i:
        return False
    return governor.lemma_.lower() in _DENYING or any(c.dep_ == "neg" for c in kids(governor))


def measure_of_adjective(verb: Token, attribute: Token) -> bool:
    """``it was about 4.9 billion krona short of its estimate``: an amount beside an adjective
    on the same copula measures the adjective; it is no attribute of the subject."""
    amount = attribute.ent_type_ in _AMOUNT_LABELS or attribute.like_num
    amount = amount or any(c.dep_ in ("nummod", "quantmod") and c.like_num for c in kids(attribute))
    return amount and any(c.dep_ == "acomp" for c in kids(verb))


def _causative_have(verb: Token, obj: Token) -> bool:
    """``had their memory boosted``, ``got the car repaired``: ``have`` with an object and its
    participle says what was done to the object; ``have`` itself says nothing."""
    if verb.lemma_.lower() not in ("have", "get"):
        return False
    return any(c.tag_ == "VBN" and c.dep_ in ("acl", "ccomp", "oprd", "xcomp") for c in kids(obj)) or any(
        c.tag_ == "VBN" and c.dep_ in ("ccomp", "oprd", "xcomp") and c.i > obj.i for c in kids(verb)
    )


_SHORT_STEM = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")


def silent_e(verb: Token, lemma: str, verbs: frozenset[str]) -> str:
    """``hoping`` -> hope (the lemmatizer gives "hop"): a one-syllable stem whose last consonant
    the inflection did not double ("hopping" -> hop) lost a silent e ("taping", "coping")."""
    form = verb.lower_
    if form.endswith("ied") and lemma == form[:-1] and form[:-3] + "y" in verbs:
        return form[:-3] + "y"  # "misidentified": misidentify, not "misidentifie"
    if verb.tag_ not in ("VBG", "VBD", "VBN") or not _SHORT_STEM.match(lemma) or form.startswith(lemma + lemma[-1]):
        return lemma
    inflected = form in (lemma + "ing", lemma + "ed")  # not "rid" (got rid of) or "set"
    return lemma + "e" if inflected and lemma + "e" in verbs else lemma
