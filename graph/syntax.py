"""The dependency-tree toolkit over a parsed spaCy ``Doc``, shared by extractors and resolution.

- :class:`Tree` / :func:`doc_tree`: a document as plain lists (token index -> value) made once from
  one ``Doc.to_array`` call, and :func:`kids`, a token's children without new ``Token`` objects;
- :func:`subtree_indices`, :func:`trim_edges`: the token indices of a phrase, edges trimmed;
- :func:`make_phrase`, :func:`make_mention`: :class:`~graph.types.Phrase` and
  :class:`~graph.types.Mention` values over token indices;
- :func:`find_glosses`, :func:`quoted_tokens`: bracketed glosses after names, quoted tokens;
- :class:`DocContext`: what is computed once per document and shared by every extractor and by
  resolution (sentences, glosses, quotations, tokens, text);
- :func:`title_before_name`: the title written before a person's name.

Nothing here knows an extractor or a resolution rule; both build on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import GLOSS_FUNCTION_WORDS, HONORIFICS, QUOTING_VERBS
from .types import Mention, Phrase

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "DocContext",
    "Gloss",
    "Tree",
    "doc_tree",
    "find_glosses",
    "kids",
    "make_mention",
    "make_phrase",
    "mention_kind",
    "quoted_tokens",
    "quoting_lemma",
    "subtree_indices",
    "title_before_name",
    "trim_edges",
]

# ----------------------------------------------------------------------------- spans


@dataclass(frozen=True)
class Tree:
    """A parsed document as plain lists (token index -> value), made once per document.

    spaCy creates a new ``Token`` object on every ``doc[i]`` and every step through
    ``token.children``; the span helpers below walk these lists instead, which makes them
    several times faster.
    """

    tokens: list[Token]
    texts: list[str]
    whitespace: list[str]
    idx: list[int]
    deps: list[str]
    is_space: list[bool]
    children: list[list[int]]


@lru_cache(maxsize=8)
def doc_tree(doc: Doc) -> Tree:
    """The :class:`Tree` of a document (cached for the few documents being worked on).

    The columns come from one ``Doc.to_array`` call (C code) rather than from a Python attribute
    read per token; strings are looked up once per distinct value."""
    from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, ORTH, SPACY

    tokens = list(doc)
    if not tokens:
        return Tree(tokens=[], texts=[], whitespace=[], idx=[], deps=[], is_space=[], children=[])
    array = doc.to_array([HEAD, DEP, IDX, IS_SPACE, ORTH, SPACY])
    heads = array[:, 0].astype("int64").tolist()  # relative offsets, stored as unsigned
    dep_ids, orth_ids = array[:, 1].tolist(), array[:, 4].tolist()
    strings = doc.vocab.strings
    names = {value: strings[value] for value in {*dep_ids, *orth_ids}}
    children: list[list[int]] = [[] for _ in tokens]
    for i, offset in enumerate(heads):
        if offset:
            children[i + offset].append(i)
    return Tree(
        tokens=tokens,
        texts=[names[v] for v in orth_ids],
        whitespace=[" " if v else "" for v in array[:, 5].tolist()],
        idx=array[:, 2].tolist(),
        deps=[names[v] if v else "" for v in dep_ids],
        is_space=[bool(v) for v in array[:, 3].tolist()],
        children=children,
    )


def kids(token: Token) -> list[Token]:
    """``token.children`` as a list, without spaCy making new Token objects (see :class:`Tree`)."""
    tree = doc_tree(token.doc)
    tokens = tree.tokens
    return [tokens[i] for i in tree.children[token.i]]


def make_phrase(doc: Doc, indices: Iterable[int]) -> Phrase:
    """A :class:`Phrase` over token indices, text as written (a space where words are skipped)."""
    ordered = sorted(set(indices))
    if not ordered:
        raise ValueError("empty phrase")
    tree = doc_tree(doc)
    parts: list[str] = []
    for position, i in enumerate(ordered):
        parts.append(tree.texts[i])
        if position + 1 < len(ordered):
            parts.append(tree.whitespace[i] if ordered[position + 1] == i + 1 else " ")
    last = ordered[-1]
    return Phrase(
        text="".join(parts),
        start=tree.idx[ordered[0]],
        end=tree.idx[last] + len(tree.texts[last]),
        tokens=tuple(ordered),
    )


def mention_kind(token: Token) -> str:
    if token.ent_type_:
        return token.ent_type_
    if token.pos_ == "PRON":
        return "PRON"
    if token.pos_ in ("PROPN", "NOUN", "NUM"):
        return token.pos_
    if token.pos_ in ("VERB", "AUX"):
        return "CLAUSE"
    return "OTHER"


def make_mention(doc: Doc, head: Token, indices: Iterable[int], sentence: int, *, kind: str | None = None) -> Mention:
    phrase = make_phrase(doc, indices)
    return Mention(
        text=phrase.text,
        start=phrase.start,
        end=phrase.end,
        tokens=phrase.tokens,
        head=head.i,
        kind=kind or mention_kind(head),
        sentence=sentence,
    )


_EDGE_PUNCT = {",", ";", ":", "-", "--", "\u2013", "\u2014", "(", ")", '"', "'", "``", "''", "`", "\u201c", "\u201d"}


def subtree_indices(token: Token, *, skip_deps: Sequence[str] = (), skip: Iterable[int] = ()) -> list[int]:
    """Indices of ``token``'s subtree without the children whose dep is in ``skip_deps``.

    Punctuation and spaces at either edge are trimmed; brackets and quotes are kept only when
    both sides are inside.
    """
    tree = doc_tree(token.doc)
    skipped = set(skip)
    result: list[int] = []
    top = token.i
    stack = [top]
    while stack:
        i = stack.pop()
        if i in skipped or tree.is_space[i]:
            continue
        result.append(i)
        for child in tree.children[i]:
            if i == top and tree.deps[child] in skip_deps:
                continue
            stack.append(child)
    result.sort()
    return trim_edges(token.doc, result)


_OPENERS = {"(": ")", "[": "]", "{": "}", "\u201c": "\u201d", "``": "''"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_BRACKETS = {"(", ")", "[", "]"}


def trim_edges(doc: Doc, indices: list[int]) -> list[int]:
    """Drop punctuation and conjunctions at the edges of a span; keep brackets that pair up.

    A closing bracket at the end stays when its opener is inside the span ("Qutty Meken
    (Blessed Land)"); unpaired brackets anywhere are dropped.
    """
    tree = doc_tree(doc)
    texts, deps = tree.texts, tree.deps
    result = list(indices)
    while len(result) > 1 and (
        (texts[result[0]] in _EDGE_PUNCT and texts[result[0]] not in _OPENERS) or deps[result[0]] in ("cc", "preconj")
    ):
        result.pop(0)
    while len(result) > 1:
        last = texts[result[-1]]
        if last in _CLOSERS and any(texts[i] == _CLOSERS[last] for i in result[:-1]):
            break
        if last in _EDGE_PUNCT or deps[result[-1]] == "cc":
            result.pop()
            continue
        break
    return _balance_brackets(texts, result)


def _balance_brackets(texts: list[str], indices: list[int]) -> list[int]:
    unpaired: set[int] = set()
    stack: list[int] = []
    for i in indices:
        text = texts[i]
        if text not in _BRACKETS:
            continue
        if text in ("(", "["):
            stack.append(i)
        elif stack:
            stack.pop()
        else:
            unpaired.add(i)
    unpaired.update(stack)
    return [i for i in indices if i not in unpaired] if unpaired else indices


# ----------------------------------------------------------------------------- per-document context


@dataclass
class DocContext:
    """What extractors and resolution share about one parsed document: sentence numbers, glosses,
    quotations, the tokens and the text.

    Built once per document (by :func:`graph.extractors.extractions_from` or the pipeline) and
    passed to each extractor and to :func:`graph.resolve.resolve_article`, so nothing recomputes it.
    """

    doc: Doc
    doc_id: str
    sentence_of: list[int]  # token index -> sentence index
    sentences: list[Span]
    glosses: list[Gloss] = field(default_factory=list)
    in_gloss: set[int] = field(default_factory=set)  # tokens inside a parenthetical gloss
    in_quote: set[int] = field(default_factory=set)  # tokens inside quotation marks
    tokens: list[Token] = field(default_factory=list)  # doc's tokens, made once (spaCy makes a new
    # Token object on every access, which dominates the extractors' time)

    text: str = ""  # doc.text, read once

    def sentence_length(self, token_index: int) -> int:
        return len(self.sentences[self.sentence_of[token_index]])

    @classmethod
    def of(cls, doc: Doc, doc_id: str) -> DocContext:
        sentence_of = [0] * len(doc)
        sentences = list(doc.sents)
        for number, sent in enumerate(sentences):
            for i in range(sent.start, sent.end):
                sentence_of[i] = number
        tree = doc_tree(doc)
        text = "".join(map(str.__add__, tree.texts, tree.whitespace))  # doc.text, without a Token per word
        glosses = find_glosses(doc, text)
        in_gloss = {i for g in glosses for i in range(g.gloss_start - 1, g.gloss_end + 1)}
        return cls(
            doc=doc,
            doc_id=doc_id,
            sentence_of=sentence_of,
            sentences=sentences,
            glosses=glosses,
            in_gloss=in_gloss,
            in_quote=quoted_tokens(doc, text),
            tokens=tree.tokens,
            text=text,
        )


_OPEN_QUOTES = {"\u201c", "``", "\u00ab"}
_CLOSE_QUOTES = {"\u201d", "''", "\u00bb"}


def quoted_tokens(doc: Doc, text: str | None = None) -> set[int]:
    """Token indices inside quotation marks. Straight quotes alternate; a paragraph break closes
    any open quotation (news quotes that run on leave the closing mark out)."""
    inside: set[int] = set()
    text = doc.text if text is None else text
    if not any(mark in text for mark in ('"', "\u201c", "\u201d", "``", "''", "\u00ab", "\u00bb")):
        return inside
    open_at: int | None = None
    tree = doc_tree(doc)
    for i, (text, space) in enumerate(zip(tree.texts, tree.is_space, strict=False)):
        if space and "\n" in text:
            open_at = None
            continue
        if text in _OPEN_QUOTES or (text == '"' and open_at is None):
            open_at = i
        elif text in _CLOSE_QUOTES or text == '"':
            if open_at is not None:
                inside.update(range(open_at + 1, i))
            open_at = None
    if open_at is not None:
        inside.update(range(open_at + 1, len(doc)))
    return inside


@dataclass(frozen=True)
class Gloss:
    """A name followed by its translation or acronym in brackets: ``Qutty Meken (Blessed Land)``.

    Offsets are token indices, end exclusive; ``kind`` is ``"translation"`` or ``"acronym"``.
    """

    name_start: int
    name_end: int
    gloss_start: int
    gloss_end: int
    kind: str


def find_glosses(doc: Doc, text: str | None = None) -> list[Gloss]:
    """Parenthesised glosses right after a capitalised name, in token order."""
    found: list[Gloss] = []
    if "(" not in (doc.text if text is None else text):
        return found
    tree = doc_tree(doc)
    for i, word in enumerate(tree.texts):
        if word != "(" or i == 0:
            continue
        token = tree.tokens[i]
        close = None
        for j in range(token.i + 1, min(len(doc), token.i + 14)):
            if doc[j].text == ")":
                close = j
                break
            if doc[j].text == "(" or doc[j].is_sent_start:
                break
        if close is None or close == token.i + 1:
            continue
        inner = doc[token.i + 1 : close]
        if len(inner) > 1 and inner[0].text in ("D", "R", "I") and inner[1].text in ("-", "\u2013"):
            continue  # "Senator Ann Roe (D-Ohio)": party and state, not another name for the senator
        if all(w.is_upper and w.is_alpha and 2 <= len(w) <= 10 for w in inner) and len(inner) == 1:
            kind = "acronym"
        elif inner[0].is_title and all(
            w.is_title or w.lower_ in GLOSS_FUNCTION_WORDS or w.text in ("-", "'", "’") for w in inner
        ):
            kind = "translation"
        else:
            continue
        start = token.i
        while start > 0 and (
            doc[start - 1].is_title
            or (doc[start - 1].is_upper and doc[start - 1].is_alpha)
            or (doc[start - 1].text in ("-", "'") and start - 2 >= 0 and doc[start - 2].is_title)
        ):
            if doc[start - 1].is_sent_start:
                start -= 1
                break
            start -= 1
        while start < token.i and not doc[start].is_alpha:
            start += 1
        if start == token.i or token.i - start > 8:
            continue
        if not any(doc[k].pos_ == "PROPN" for k in range(start, token.i)):
            continue
        found.append(Gloss(start, token.i, token.i + 1, close, kind))
    return found


# ----------------------------------------------------------------------------- titles


def _is_honorific(token: Token) -> bool:
    return token.lower_.rstrip(".") in HONORIFICS


def title_before_name(person: Span) -> tuple[list[int], list[int], int | None] | None:
    """For a PERSON span, the title written before it, the organisation and the ``of`` token.

    ``Chairman of Nur Otan Party Nursultan Nazarbayev``: the parser attaches the whole name to
    ``of`` as one noun phrase; the words of that phrase before the person are the organisation.
    ``President George Bush``: title compounds before the name. Returns (title tokens,
    organisation tokens, index of ``of``) or None.
    """
    doc = person.doc
    root = person.root
    # pattern: TITLE of ORG PERSON, with PERSON's root the object of "of"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN"):
        of = root.head
        title_head = of.head
        if title_head.ent_type_ in ("PERSON", "GPE", "LOC", "DATE", "CARDINAL") or title_head.i > of.i:
            return None
        title_deps = ("prep", "relcl", "appos", "acl", "conj", "cc", "punct")
        title = [i for i in subtree_indices(title_head, skip_deps=title_deps) if i < of.i and doc[i].pos_ != "DET"]
        organisation = [i for i in subtree_indices(root) if i < person.start and doc[i].text != ","]
        if not title or any(person.start <= i < person.end for i in title):
            return None
        if not all(doc[i].is_title or doc[i].is_upper or doc[i].ent_type_ == "ORDINAL" for i in title):
            return None
        return title, organisation, of.i
    # pattern: TITLE PERSON (compounds in front of the name)
    title = []
    for i in range(person.start - 1, max(-1, person.start - 5), -1):
        token = doc[i]
        if (token.dep_ == "compound" and token.head.i in range(person.start, person.end)) or (
            token.dep_ in ("compound", "amod") and title and token.head.i == title[-1]
        ):
            if (token.ent_type_ and token.ent_type_ not in ("ORDINAL",)) or not (token.is_title or token.is_upper):
                break
            title.append(i)
        else:
            break
    title = [i for i in title if not _is_honorific(doc[i]) and doc[i].is_alpha]
    if title:
        return sorted(title), [], None
    return None


def quoting_lemma(token: Token) -> str | None:
    """The manner-of-speaking verb a token is, also when the lemmatiser got it wrong ("deadpanned")."""
    lower, lemma = token.lower_, token.lemma_.lower()
    forms = {lemma, lower[:-2], lower[:-1]}
    if len(lower) > 4 and lower.endswith("ed") and lower[-3] == lower[-4]:
        forms.add(lower[:-3])  # a doubled consonant: "deadpanned", "quipped"
    return next((f for f in sorted(forms) if f in QUOTING_VERBS), None)
