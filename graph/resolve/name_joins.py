"""Organisation names with a lowercase word inside one title-case run ("Rolling in Comfort",
"Friends of Gardens", "Bread and Roses") that the NER missed or cut at the small word: one name,
not two (used by :mod:`.name_spans`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..lexicon import ORGANIZATION_HEADS, ROLE_NOUNS
from .typing_lexicon import _DESCRIPTORS
from .typing_sources import is_place_name

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = ["inner_word_names", "species_names"]

#: the lowercase words a name runs over
_INNER = frozenset({"in", "of", "and"})
#: NER labels that make the first part a name of its own ("Smith of Boston", "Monday in Paris")
_OWN_NAME = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY"})


def _bare(token: Token) -> bool:
    """A capitalised proper noun the NER gave no label of its own and that is no title word."""
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.is_alpha
        and token.ent_type_ not in _OWN_NAME
        and token.lower_ not in ROLE_NOUNS
    )


def inner_word_names(toks: list[Token], context: Any) -> list[tuple[int, int]]:
    """(start, end) of each run "A in/of/and B": A a bare proper noun (not at a sentence start unless
    the same run stands elsewhere inside a sentence), the small word hanging on A, and B a proper
    noun hanging on the small word ("in", "of") or joined to A ("and"); B unlabelled for "and"."""
    starts = {s.start for s in context.sentences}
    found: list[tuple[int, int, bool]] = []
    for i in range(len(toks) - 2):
        a, word, b = toks[i], toks[i + 1], toks[i + 2]
        if word.text not in _INNER or not _bare(a) or a.ent_type_ or (i > 0 and _capital(toks[i - 1])):
            continue  # A a name of its own ("Interpol in Ghana") or the end of a longer run ("Africa Cup of")
        if word.text == "in" and is_place_name(b.text):
            continue  # "the University in Boston": where it is
        if word.text == "and" and any(
            t.lemma_.lower() in ROLE_NOUNS or t.lemma_.lower() in ORGANIZATION_HEADS for t in (a, b)
        ):
            continue  # "Officer and Board": two titles or bodies
        if not (b.pos_ == "PROPN" and b.is_title and b.is_alpha and b.ent_type_ not in ("PERSON", "DATE", "TIME")):
            continue
        if word.text == "and":
            if b.ent_type_ or b.head.i != i or b.dep_ != "conj":
                continue
        elif word.head.i != i or b.head.i != i + 1 or b.dep_ != "pobj":
            continue
        if i + 3 < len(toks) and toks[i + 3].pos_ == "PROPN" and toks[i + 3].is_title:
            continue  # "Rolling in Comfort Ltd" or "Lee of New York": the run goes on, leave it
        found.append((i, i + 3, i in starts))
    inside = {_words(toks, s, e) for s, e, first in found if not first}
    # the same three words elsewhere are the same name, however the parser read them there
    return [
        (i, i + 3)
        for i in range(len(toks) - 2)
        if toks[i].is_title and toks[i + 2].is_title and _words(toks, i, i + 3) in inside
    ]


def _capital(token: Token) -> bool:
    return token.is_title and token.pos_ in ("PROPN", "NOUN") and not token.is_sent_start


def _words(toks: list[Token], start: int, end: int) -> str:
    return " ".join(t.lower_ for t in toks[start:end])


#: nouns before a living thing's two-word name ("the species Talorix minor")
_TAXON_NOUNS = frozenset({"species", "subspecies", "genus", "dinosaur", "plant", "bird", "fish", "insect"})


def species_names(toks: list[Token]) -> list[tuple[int, int]]:
    """(start, end) of each two-word scientific name, a capitalised genus and a lowercase epithet,
    where the text says it is a name ("was named Talorix minor", "called Velox gracilis") or a
    living thing ("the species Talorix minor"); not a title ("was named Acme president")."""
    found: list[tuple[int, int]] = []
    for i in range(len(toks) - 1):
        genus, epithet = toks[i], toks[i + 1]
        if not (genus.is_title and genus.pos_ == "PROPN" and genus.dep_ == "compound" and genus.head.i == i + 1):
            continue
        if not (
            epithet.is_alpha and epithet.is_lower and len(epithet) > 2 and epithet.pos_ in ("NOUN", "ADJ", "PROPN")
        ):
            continue
        if epithet.lower_ in ROLE_NOUNS or epithet.lemma_.lower() in _DESCRIPTORS:
            continue  # "named Acme president", "the Acme company"
        named = epithet.dep_ == "oprd" and epithet.head.lemma_.lower() in ("name", "call", "dub")
        if named or (i > 0 and toks[i - 1].lower_ in _TAXON_NOUNS):
            found.append((i, i + 2))
    return found
