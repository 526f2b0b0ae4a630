"""Small parts of :mod:`.minimal`: word lists, noun conjuncts, the fact of an ``as`` complement
("named X as its chief executive") and the test for a subject that names nothing."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon.nouns import VAGUE_NOUNS
from ..syntax import Tree, make_phrase
from ..types import Argument, Extraction, Mention
from .confidence import ARGUMENT_SHIFT, shift

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

#: verbs whose "with" phrase is what is given: "provided police with a description"
_PROVIDE_WITH = {"provide", "supply", "furnish", "equip", "present", "arm", "issue", "credit"}
_QUANTITY_LABELS = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "DATE", "TIME")
_UNIT_NOUNS = {"cent", "percent", "per", "%"}
#: words that stand for a noun said elsewhere and name nothing on their own ("one was found
#: injured", "the first fell to Augusto")
_EMPTY_HEADS = {"one", "ones", "first", "second", "third", "last", "latter", "former", "other", "others", "both"}


def _noun_conjuncts(tree: Tree, head: int) -> list[int]:
    """``head`` and the nouns conjoined to it, in order."""
    result = [head]
    for child in tree.children[head]:
        if tree.deps[child] == "conj" and tree.tokens[child].pos_ in ("NOUN", "PROPN"):
            result.extend(_noun_conjuncts(tree, child))
    return result


def empty_subject(extraction: Extraction, doc: Doc) -> bool:
    """A subject without a noun, name or personal pronoun: a bare number or a word standing for
    a noun said elsewhere ("one was found injured", "the first fell to Augusto")."""
    tokens = [doc[i] for i in extraction.subject.tokens]
    if not tokens:
        return False
    words = [t for t in tokens if not t.is_punct and t.pos_ != "DET"]
    if not words:
        return True
    # a capitalised "adjective" is most often a name the tagger misread ("Boumous drove ...")
    return all(t.pos_ == "NUM" or t.lower_ in _EMPTY_HEADS or (t.pos_ in ("ADJ", "ADV") and t.is_lower) for t in words)


def as_complement_fact(
    extraction: Extraction,
    doc: Doc,
    argument: Argument,
    value_core: tuple[int, ...],
    base_lemma: str,
    clause_text: str | None,
) -> Extraction | None:
    """``Harbor Bank named Lena Ortiz as its chief executive``: the ``as`` phrase says what the
    named object became, so the fact is ``Harbor Bank | name as chief executive | Lena Ortiz``
    (``Harbor Bank | name as | its chief executive`` would say the bank named a post). Only for an
    object that is a name or a personal pronoun."""
    obj: Mention | None = extraction.object
    if argument.role != "as" or obj is None or obj.kind == "CLAUSE":
        return None
    head = doc[obj.head]
    if not (head.pos_ in ("PROPN", "PRON") or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")):
        return None
    words = [i for i in value_core if doc[i].dep_ not in ("det", "poss", "punct") and doc[i].pos_ != "PRON"]
    if not words or not any(doc[i].pos_ in ("NOUN", "PROPN") for i in words):
        return None
    label = " ".join(doc[i].text if doc[i].pos_ == "PROPN" else doc[i].lower_ for i in words)
    lemma = base_lemma.removeprefix("be ") if extraction.passive else base_lemma
    return replace(
        extraction,
        relation=make_phrase(doc, [*extraction.relation.tokens, *argument.marker, *words]),
        lemma=f"{lemma} as {label}",
        arguments=(),
        construction="argument",
        confidence=shift(extraction.confidence, ARGUMENT_SHIFT),
        clause_text=clause_text,
    )


def vague_object(extraction: Extraction, doc: Doc) -> bool:
    """``discussed the issues``, ``made comments``, ``has a future``: a main object that is a vague
    noun with nothing but a determiner (no adjective, compound, number or phrase saying which)."""
    obj = extraction.object
    if obj is None or obj.kind == "CLAUSE" or extraction.construction not in ("svo", "control") or extraction.arguments:
        return False
    head = doc[obj.head]
    if head.pos_ != "NOUN" or head.lemma_.lower() not in VAGUE_NOUNS:
        return False
    return all(doc[i].dep_ in ("det", "poss", "punct") or i == head.i for i in obj.tokens) and not any(
        c.dep_ in ("prep", "acl", "relcl", "amod", "compound", "nummod") for c in head.children
    )


def bare_clausal_subject(verb_subject_dep: str, subject_tag: str, has_marker: bool) -> bool:
    """A clausal subject that is a bare verb form ("defender Eli Sabia had a chance ... was saved":
    the noun "defender" read as a verb heading the whole clause): a misparse, no subject."""
    return verb_subject_dep in ("csubj", "csubjpass") and subject_tag in ("VB", "VBP", "VBZ", "VBD") and not has_marker


def _numeric(tree: Tree, i: int) -> bool:
    token = tree.tokens[i]
    if token.tag_ == "CD" or token.ent_type_ in _QUANTITY_LABELS[:4]:
        return True
    return any(tree.deps[c] in ("nummod", "quantmod") and tree.tokens[c].tag_ == "CD" for c in tree.children[i])


def range_end(tree: Tree, prep: int) -> bool:
    """``earnings of 5 cents to 9 cents``, ``prices from $2 to $3``: the ``to`` phrase ends a range
    begun by an earlier numeric phrase on the same noun; one amount, never a fact of its own."""
    if tree.texts[prep].lower() not in ("to", "and") or tree.deps[prep] != "prep":
        return False
    head = tree.tokens[prep].head.i
    ends = [c for c in tree.children[prep] if tree.deps[c] == "pobj" and _numeric(tree, c)]
    starts = [
        c
        for c in tree.children[head]
        if c < prep and tree.deps[c] == "prep" and tree.texts[c].lower() in ("of", "from", "between", "at")
    ]
    return bool(ends) and any(tree.deps[o] == "pobj" and _numeric(tree, o) for s in starts for o in tree.children[s])


def amount_of_thing(doc: Doc, head: int, role: str) -> bool:
    """``sentenced to two years of probation``, ``for ten days of talks``: a span of time *of*
    something after "to" or "for", which the parser labels a date: what the fact is about, not when
    it happened (not "in the seventh minute of injury time": a time)."""
    if role not in ("to", "for"):
        return False
    token = doc[head]
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and not o.ent_type_ for o in c.children)
        for c in token.children
    )


def noun_lemma(token: Token) -> str:
    """A noun's lemma, except the lemmatizer's "-es" read as Greek "-is" where the stem is a noun of
    the model's lexicon ("taxes" -> tax, not "taxis"; "crises" stays crisis)."""
    lemma = token.lemma_.lower()
    form = token.lower_
    if not (lemma.endswith("is") and form.endswith("es") and lemma == form[:-2] + "is"):
        return lemma
    vocab = token.doc.vocab
    nouns = vocab.lookups.get_table("lemma_index").get("noun", ()) if vocab.lookups.has_table("lemma_index") else ()
    return form[:-2] if form[:-2] in nouns else lemma


def empty_phrase(doc: Doc, tokens: tuple[int, ...] | list[int]) -> bool:
    """``added it to others``, ``gave one to both``: an argument whose only word besides determiners
    stands for a noun said elsewhere names nothing a fact could hold."""
    words = [doc[i] for i in tokens if doc[i].dep_ not in ("det", "punct")]
    return len(words) == 1 and words[0].lower_ in _EMPTY_HEADS


#: verbs of belief whose past tense often reports a belief given up ("they thought it was X")
_BELIEF_VERBS = {"think", "believe", "assume", "suppose", "presume", "imagine"}


def past_belief(extraction: Extraction, doc: Doc) -> bool:
    """``they thought it was an odd example of X``: what someone believed (past tense) is no fact of
    the article's; the belief itself (``they | think | it was ...``) carries it."""
    verbs = [doc[i] for i in extraction.relation.tokens if doc[i].pos_ in ("VERB", "AUX")]
    if not verbs:
        return False
    inside = set(extraction.relation.tokens)
    verb = next((v for v in verbs if v.head.i not in inside), verbs[-1])  # the chain's governor ("had to become")
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    head = verb.head
    return verb.dep_ == "ccomp" and head.lemma_.lower() in _BELIEF_VERBS and head.tag_ in ("VBD", "VBN")
