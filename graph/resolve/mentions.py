"""Which phrases of an article are mentions of an entity: names, pronouns and noun phrases.

:func:`candidate_mentions` finds, in token order, every phrase coreference should decide: the
article's names, personal and possessive pronouns, and noun phrases with a noun head. A mention
spans its head's whole noun phrase (modifiers, ``of`` phrases, relative clauses and an
apposition, as in OntoNotes), without coordinated phrases. Times, dates, numbers, weekdays and
months, nationality adjectives and fragments without a noun or name head are never mentions; an
age used as a noun phrase ("the 34-year-old said") is one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..lexicon import (
    FIRST_PLURAL_PRONOUNS,
    FIRST_SINGULAR_PRONOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    THING_PRONOUNS,
    TIME_WORDS,
    UNIT_WORDS,
)
from ..syntax import doc_tree, make_mention, subtree_indices, trim_edges
from ..types import Mention
from .descriptions import is_age_phrase

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

    from ..syntax import DocContext

__all__ = ["PRONOUNS", "candidate_mentions", "is_headline_case", "is_junk_head", "noun_phrase"]

#: the pronouns coreference resolves
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | FIRST_SINGULAR_PRONOUNS | FIRST_PLURAL_PRONOUNS
#: NER labels of values, never entities a pronoun or a name can stand for
VALUE_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LANGUAGE"}
_SKIP_DEPS = ("conj", "cc", "preconj")
#: where an age stands for a person ("the 34-year-old said"), not for a time
_AGE_ROLES = ("nsubj", "nsubjpass", "dobj", "pobj", "dative")


def is_junk_head(token: Token) -> bool:
    """A head no entity is made from: a value, a time word, a number, an abbreviation piece,
    punctuation, a nationality adjective, or a word with no letters."""
    text = token.text
    if not any(c.isalpha() for c in text) or token.is_punct:
        return True
    if token.ent_type_ in VALUE_LABELS or token.lower_.rstrip(".") in TIME_WORDS or token.lower_ in UNIT_WORDS:
        return True
    if token.pos_ in ("NUM", "ADJ", "ADV", "ADP", "DET", "CCONJ", "SCONJ", "PART", "INTJ", "SYM", "X", "PUNCT"):
        return True
    if token.ent_type_ == "NORP" and token.pos_ != "PROPN" and token.tag_ not in ("NNPS", "NNS"):
        return True  # "Afghan", "American": an adjective, not the group
    bare = text.rstrip(".")
    if len(bare) <= 3 and text.endswith(".") and bare.isalpha() and not bare.isupper():
        return True  # "No.", "Sept.", "Jr."
    if len(text) <= 4 and not token.whitespace_ and token.i + 2 < len(token.doc):
        after, number = token.doc[token.i + 1], token.doc[token.i + 2]
        if after.text == "." and number.like_num:
            return True  # "No. 10", "Art. 5": an abbreviation before a number
    return False


def is_headline_case(sentence: Span, tokens: list[Token] | None = None) -> bool:
    """A sentence in title case ("Minister Holds Talks With Allies"): its capitals say nothing
    about names. Three or more of the words of five letters or more outside named entities, nearly all capitalised.
    ``tokens``: the document's tokens, if at hand (faster than iterating the span)."""
    span = tokens[sentence.start : sentence.end] if tokens is not None else list(sentence)
    words = [w for t in span if len(w := t.text) > 4 and w.isalpha() and not getattr(t, "ent_type_", "")]
    return len(words) >= 3 and sum(1 for w in words if w[0].isupper()) >= 0.8 * len(words)


def subtree_bounds(context: DocContext) -> list[tuple[int, int]]:
    """(first, last) token of every token's subtree, computed once per document in linear time."""
    tree = doc_tree(context.doc)
    bounds = [(i, i) for i in range(len(tree.children))]
    order: list[int] = []
    stack = [i for i, dep in enumerate(tree.deps) if dep == "ROOT" or not dep]
    while stack:  # parents before children; then fold the bounds up from the leaves
        i = stack.pop()
        order.append(i)
        stack.extend(tree.children[i])
    for i in reversed(order):
        lo, hi = bounds[i]
        for child in tree.children[i]:
            c_lo, c_hi = bounds[child]
            lo, hi = min(lo, c_lo), max(hi, c_hi)
        bounds[i] = (lo, hi)
    return bounds


def noun_phrase(context: DocContext, head: Token, bounds: list[tuple[int, int]] | None = None) -> list[int]:
    """The tokens of ``head``'s noun phrase: its subtree without coordinated phrases, edges trimmed.
    A possessor keeps its "'s", as in OntoNotes."""
    if bounds is None:
        indices = subtree_indices(head, skip_deps=_SKIP_DEPS)
    else:
        tree = doc_tree(context.doc)
        lo = hi = head.i
        for child in tree.children[head.i]:
            if tree.deps[child] not in _SKIP_DEPS:
                lo, hi = min(lo, bounds[child][0]), max(hi, bounds[child][1])
        indices = [i for i in range(lo, hi + 1) if not tree.is_space[i]]
        # coordinated phrases between the head and its other dependents stay out
        for child in tree.children[head.i]:
            if tree.deps[child] in _SKIP_DEPS:
                c_lo, c_hi = bounds[child]
                indices = [i for i in indices if not c_lo <= i <= c_hi]
        indices = trim_edges(context.doc, indices)
    # a noun phrase stays inside its sentence
    sentence = context.sentence_of[head.i]
    indices = [i for i in indices if context.sentence_of[i] == sentence]
    return trim_edges(context.doc, indices) if indices else [head.i]


def _without_loose_modifiers(context: DocContext, head: Token, indices: list[int], name_end: int) -> list[int]:
    """A name's phrase without what only seems to modify it: a time ("the Municipality of Livorno
    [in 2010]": the parser hangs the verb's time on the name) or an adjective set off by a comma
    ("Dennis Hopper[, famous for his role]"); an apposition, an "of" phrase and a relative clause stay."""
    toks = context.tokens
    # a heading's line break the sentence splitter missed ends the phrase ("Ann Chiang of DAB\n\nIn ..."),
    # or a capitalised preposition inside a sentence, where a heading ran into the text
    # ("Ann Chiang of DAB In the Kowloon ...")
    cut = next(
        (
            i
            for i in indices
            if i >= name_end
            and (
                "\n" in toks[i - 1].whitespace_ + toks[i].text
                or (toks[i].pos_ == "ADP" and toks[i].is_title and not toks[i].ent_type_)
                or toks[i].text in ("\u2013", "\u2014")  # "Group G — Belgium 3 – 0": a dash ends it
                or (i == name_end and toks[i].like_num)  # "Sweden 1 – 0": a score after the name
            )
        ),
        None,
    )
    for child in head.rights:
        if cut is not None:
            break
        if child.i < name_end:
            continue
        timed = child.dep_ == "prep" and any(
            g.dep_ == "pobj" and (g.ent_type_ in ("DATE", "TIME") or g.lower_ in TIME_WORDS) for g in child.children
        )
        loose = child.dep_ == "amod" and child.pos_ == "ADJ" and toks[child.i - 1].text == ","
        if timed or loose:
            cut = child.left_edge.i
            break
    if cut is None:
        return indices
    kept = [i for i in indices if i < cut]
    while len(kept) > 1 and toks[kept[-1]].pos_ in ("ADP", "DET", "CCONJ"):
        kept.pop()  # "Epic Mickey [by]"
    return trim_edges(context.doc, kept) if kept else indices


def candidate_mentions(context: DocContext, name_spans: dict[int, tuple[int, int]]) -> Iterator[Mention]:
    """Every mention coreference should decide, in token order.

    ``name_spans`` maps the head token of each name found in the article to its (start, end)
    token span; a name that modifies another noun ("the [Nur Otan] party") is a mention of its own.
    """
    toks = context.tokens
    bounds = subtree_bounds(context)
    in_name = {i: head for head, (start, end) in name_spans.items() for i in range(start, end)}
    doc = context.doc
    for token in toks:
        i = token.i
        sentence = context.sentence_of[i]
        if i in name_spans:
            start, end = name_spans[i]
            if token.dep_ == "compound" and token.head.i not in in_name and token.head.pos_ in ("NOUN", "PROPN"):
                yield make_mention(doc, token, range(start, end), sentence)  # "the [Nur Otan] party"
                continue
            indices = _without_loose_modifiers(context, token, noun_phrase(context, token, bounds), end)
            if start < min(indices) or end - 1 > max(indices):
                indices = list(range(start, end))
            yield make_mention(doc, token, indices, sentence)
            continue
        if token.lower_ in PRONOUNS and (token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$")):
            yield make_mention(doc, token, [i], sentence, kind="PRON")
            continue
        if token.pos_ == "ADJ" and token.dep_ in _AGE_ROLES and is_age_phrase(token):
            yield make_mention(doc, token, noun_phrase(context, token, bounds), sentence)  # "the 34-year-old"
            continue
        if i in in_name or token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "flat"):
            continue
        if is_junk_head(token):
            continue
        yield make_mention(doc, token, noun_phrase(context, token, bounds), sentence)
