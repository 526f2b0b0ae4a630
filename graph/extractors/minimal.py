"""Minimal facts: an n-ary extraction split into binary triples, one per argument.

An :class:`~graph.types.Extraction` keeps a clause whole: ``Nazarbayev met with the officials in
Almaty on Monday`` is one extraction with the object ``the officials`` and the further arguments
``in Almaty`` and ``on Monday``. The graph and BenchIE want minimal facts: one triple per argument.

- the main triple: subject, relation, the object's *core* (the noun phrase without its
  prepositional modifiers other than ``of``, without relative and participle clauses):
  ``Nazarbayev | met with | the officials``;
- one triple per further argument, the relation carrying the object's core and the
  preposition as written (``Nazarbayev | met with the officials in | Almaty``) and, as a label,
  the main lemma with the preposition (``meet in``): for the graph ``X meet_with Y`` and
  ``X meet_in Almaty``; a bare time phrase keeps the relation (``was abandoned | years later``);
- one triple per prepositional modifier of the object (``became a justice of | the High Court``).

Everything is token indices into the parsed ``Doc``, so the text is the sentence's own words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..lexicon import SPEECH_VERBS
from ..lexicon.function_words import ADVERBIAL_NOUNS, PREPOSITIONAL_IDIOMS
from ..lexicon.verbs import WISH_VERBS
from ..syntax import Tree, doc_tree, trim_edges
from ..types import Extraction, Mention
from .confidence import ARGUMENT_SHIFT, shift
from .minimal_parts import (
    _PROVIDE_WITH,
    _QUANTITY_LABELS,
    _UNIT_NOUNS,
    _noun_conjuncts,
    amount_of_thing,
    as_complement_fact,
    empty_phrase,
    empty_subject,
    noun_lemma,
    past_belief,
    range_end,
    vague_object,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = [
    "MinimalTriple",
    "core_tokens",
    "is_vacuous",
    "minimal_extractions",
    "minimal_triples",
    "rejoin_words",
]

#: dependents of a noun left out of its core (clauses, appositions, conjuncts, punctuation)
_CLAUSE_DEPS = {"relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "prep"}
#: prepositions whose phrase stays in the core of a noun ("cases of fraud")
_CORE_PREPOSITIONS = {"of", "per"}  # "per": a rate or a share is one quantity ("5 per cent", "$2 per share")
#: prepositional modifiers of an object that become their own triple
_SPLIT_PREPOSITIONS = {
    "in",
    "at",
    "on",
    "for",
    "from",
    "to",
    "with",
    "by",
    "of",
    "against",
    "about",
    "over",
    "into",
    "between",
    "among",
    "under",
    "during",
    "after",
    "before",
    "through",
    "across",
    "near",
    "since",
    "within",
    "without",
}
#: constructions whose relation is not words of the sentence ("is" of an apposition)
SYNTHETIC_RELATIONS = {"title", "apposition", "place", "possessive", "role"}


@dataclass(frozen=True)
class MinimalTriple:
    """A binary fact over token indices: subject, relation words, object; its relation label.

    ``relation`` is in reading order (relation, object, preposition), not always sentence order;
    ``relation_text`` is set when the relation is not the sentence's words (an apposition's
    "is"); ``role`` is None for the main triple, else the preposition (or ``time``) that made it.
    """

    subject: tuple[int, ...]
    relation: tuple[int, ...]
    object: tuple[int, ...]
    lemma: str
    role: str | None = None
    relation_text: str | None = None


def core_tokens(doc: Doc, head: int, span: Iterable[int]) -> tuple[int, ...]:
    """The core of a noun phrase: ``span`` without the subtrees of its head's clausal and
    prepositional dependents (an ``of`` phrase stays: "cases of fraud", "Minister of Health")."""
    tree = doc_tree(doc)
    tokens = set(span)
    if head not in tokens or tree.tokens[head].pos_ in ("VERB", "AUX"):
        return tuple(sorted(tokens))
    drop: set[int] = set()
    for child in tree.children[head]:
        dep = tree.deps[child]
        if (
            dep == "acl"
            and tree.tokens[child].tag_ in ("VB", "VBN")
            and any(tree.deps[c] == "aux" and tree.texts[c].lower() == "to" for c in tree.children[child])
        ):
            continue  # the noun's purpose: "the issues to be addressed at the meeting", "plans to expand"
        if (
            dep == "acl"
            and any(tree.texts[c].lower() in ("that", "whether") for c in tree.children[child])
            and not any(tree.texts[c].lower() in ("such", "so") for c in tree.children[head])
        ):
            continue  # the noun's content: "the possibility that demand grows" (not "such a X that")
        glued = child > 0 and tree.texts[child - 1] in ("-", "/") and tree.whitespace[child - 1] == ""
        if glued:
            continue  # inside a hyphenated word: "seven-for-one", "face-to-face"
        core_prep = tree.texts[child].lower() in _CORE_PREPOSITIONS or range_end(tree, child)
        if dep in _CLAUSE_DEPS and not (dep == "prep" and core_prep):
            drop.update(_subtree(tree, child))
    for i in sorted(tokens - drop):
        if i != head and tree.deps[i] == "relcl" and i not in drop:
            clause = _subtree(tree, i)
            if min(clause) > 0 and tree.texts[min(clause) - 1] == ",":
                drop.update(clause)  # "lobbying from X, who wanted Y": an aside deep in the phrase
    kept = rejoin_words(doc, [i for i in sorted(tokens) if i not in drop])
    return tuple(trim_edges(doc, kept)) if kept else tuple(sorted(tokens))


def rejoin_words(doc: Doc, tokens: Iterable[int]) -> list[int]:
    """``tokens`` with the punctuation back that sits inside a written word between two of them:
    the hyphens of "$10.2-billion", "23-year-old", the slash of "Reuters/AFP" (a parser often
    hangs them on the head as ``punct``, and a span that skips punctuation would run the word
    together)."""
    tree = doc_tree(doc)
    kept = set(tokens)
    if not kept:
        return []
    for i in range(min(kept) + 1, max(kept)):
        if i in kept or i - 1 not in kept:
            continue
        j = i
        while j < max(kept) and j not in kept and tree.whitespace[j - 1] == "" and tree.whitespace[j] == "":
            j += 1
        if j in kept and j > i and tree.whitespace[j - 1] == "":
            kept.update(range(i, j))
    return sorted(kept)


def _ordered(*parts: Iterable[int]) -> tuple[int, ...]:
    """The words of ``parts`` in part order (each part in sentence order), each word once:
    relation, object, preposition, even when the preposition opens the sentence."""
    seen: set[int] = set()
    result: list[int] = []
    for part in parts:
        for i in sorted(part):
            if i not in seen:
                seen.add(i)
                result.append(i)
    return tuple(result)


def _subtree(tree: Tree, top: int) -> list[int]:
    result: list[int] = []
    stack = [top]
    while stack:
        i = stack.pop()
        result.append(i)
        stack.extend(tree.children[i])
    return result


def _object_modifiers(doc: Doc, head: int, span: set[int]) -> list[tuple[int, tuple[int, ...], tuple[int, ...]]]:
    """(preposition, its object's core, its object's full phrase) for each prepositional modifier
    of a noun inside ``span``."""
    tree = doc_tree(doc)
    found: list[tuple[int, tuple[int, ...], tuple[int, ...]]] = []
    if tree.tokens[head].pos_ not in ("NOUN", "PROPN"):
        return found
    for child in tree.children[head]:
        if tree.deps[child] != "prep" or child not in span or tree.texts[child].lower() not in _SPLIT_PREPOSITIONS:
            continue
        if child < head or range_end(tree, child):
            continue  # "With his long hair, he ...": a phrase before the noun; "of 5 to 9 cents": one amount
        objects = [c for c in tree.children[child] if tree.deps[c] == "pobj"]
        if not objects:
            continue
        pobj = objects[0]
        full = [i for i in _subtree(tree, pobj) if i in span]
        core = core_tokens(doc, pobj, full)
        if core:
            found.append((child, core, tuple(sorted(full))))
    return found


def minimal_triples(extraction: Extraction, doc: Doc) -> list[MinimalTriple]:
    """The minimal triples of one extraction (none when it has no object)."""
    if extraction.object is None or not extraction.subject.tokens or is_vacuous(extraction, doc, nodes=False):
        return []
    synthetic = extraction.construction in SYNTHETIC_RELATIONS or not extraction.relation.tokens
    relation = tuple(extraction.relation.tokens) if not synthetic else ()
    relation_text = extraction.relation.text if synthetic else None
    subject = extraction.subject.tokens
    obj = extraction.object
    clausal = obj.kind == "CLAUSE"
    object_core = tuple(obj.tokens) if clausal else core_tokens(doc, obj.head, obj.tokens)
    if not object_core:
        return []
    triples = [MinimalTriple(subject, relation, object_core, extraction.lemma, None, relation_text)]
    if synthetic or clausal:
        return triples
    # prepositional modifiers of the object: "became a justice of | the High Court"
    kept = set(object_core)
    for prep, core, full in _object_modifiers(doc, obj.head, set(obj.tokens)):
        base = tuple(i for i in object_core if i not in set(full) and i != prep)
        if not base:
            continue
        words = _ordered(relation, base, (prep,))
        head_lemma = noun_lemma(doc[obj.head])
        triples.append(
            MinimalTriple(subject, words, core, f"{extraction.lemma} {head_lemma} {doc[prep].lower_}", doc[prep].lower_)
        )
        kept |= set(full)
    # further arguments: "met with the officials in | Almaty"
    for argument in extraction.arguments:
        value = argument.value
        if not value.tokens:
            continue
        value_core = tuple(value.tokens) if value.kind == "CLAUSE" else core_tokens(doc, value.head, value.tokens)
        if argument.role in ("time", "place") or not argument.marker:
            words = _ordered(relation, object_core)
            lemma = extraction.lemma
        else:
            words = _ordered(relation, object_core, argument.marker)
            lemma = f"{extraction.lemma} {argument.role}"
        if value.kind == "CLAUSE":
            continue  # "before being appointed ...": a clause is extracted on its own
        triples.append(MinimalTriple(subject, words, value_core, lemma, argument.role))
    return triples


_CONTENT_POS = ("NOUN", "PROPN", "PRON", "NUM")
#: prepositions of comparison: "like much of the country" is no participant
_COMPARISON_ROLES = {"like", "unlike", "than", "as if"}
#: prepositions a relation label may end with ("meet with"): an argument fact replaces it ("meet in")
_TRAILING_PREPOSITIONS = {
    "with",
    "in",
    "at",
    "on",
    "for",
    "from",
    "to",
    "by",
    "of",
    "about",
    "into",
    "against",
    "over",
    "as",
    "after",
    "before",
    "during",
    "under",
    "through",
    "between",
    "among",
    "onto",
    "upon",
    "toward",
    "towards",
}


def is_vacuous(extraction: Extraction, doc: Doc, *, nodes: bool = True) -> bool:
    """A fact that says nothing worth a graph edge.

    - a possessive read as ``have`` (``Acme's phone`` -> ``Acme have phone``): the relation is empty;
    - an object without a noun, name, pronoun or number (``X be ,``), or a copula whose object is a
      bare number (``X be 4``); with ``nodes`` false (open IE output, not graph nodes) an
      adjective object stays (``she became ill``);
    - a relation with no verb, adjective or preposition left (its content was lost);
    - an object that is an embedded question ("how many times").
    """
    if extraction.object is None:
        return False
    if extraction.construction == "possessive" and extraction.lemma in ("have", "has", "be"):
        return True
    if nodes and (empty_subject(extraction, doc) or extraction.hedge == "result" or vague_object(extraction, doc)):
        return True  # "one was found injured", "..., touching off a clash": the subject names nothing
    obj = extraction.object
    if obj.kind != "CLAUSE" and obj.tokens and doc[obj.tokens[0]].tag_ in ("WRB", "WDT", "WP"):
        return True  # "did not say how many times Riley was shot": a question, not an argument
    if (
        extraction.negated
        and obj.tokens
        and (doc[obj.tokens[0]].tag_ in ("WRB", "WDT", "WP") or doc[obj.tokens[0]].lower_ == "whether")
    ):
        return True  # "did not say how many times, or where", "did not say whether": nothing was said
    if obj.kind != "CLAUSE":
        tags = [doc[i].pos_ for i in obj.tokens]
        content: tuple[str, ...] = _CONTENT_POS if nodes else (*_CONTENT_POS, "ADJ", "VERB")
        if not any(pos in content for pos in tags):
            return True
        if extraction.lemma == "be" and all(pos in ("NUM", "SYM", "PUNCT", "DET") for pos in tags):
            return True
    content = ("VERB", "AUX", "ADJ", "ADP", "NOUN")
    return bool(
        extraction.relation.tokens
        and extraction.construction not in SYNTHETIC_RELATIONS
        and not any(doc[i].pos_ in content for i in extraction.relation.tokens)
    )


def is_others_wish(extraction: Extraction, doc: Doc) -> bool:
    """A clause someone else wishes or orders ("the investor wanted the carmaker to raise its
    dividend", "a ruling that requires that the company refund X"): the carmaker raised nothing;
    the wish is the governing clause's fact. A wish of the subject's own ("wants to sell X",
    "was asked to leave") stays, hedged."""
    if extraction.hedge not in WISH_VERBS or not extraction.relation.tokens:
        return False
    first = doc[extraction.relation.tokens[0]]
    token = first
    for _ in range(3):
        if token.head.i == token.i:
            break
        token = token.head
        if token.lemma_.lower() == extraction.hedge:
            break
    if token.i == first.i and first.lemma_.lower() == extraction.hedge:
        return False  # "wants to sell X": the wish is in the relation itself
    if token.lemma_.lower() != extraction.hedge:
        return False
    subject = doc[extraction.subject.head]
    return not (subject.head.i == token.i and subject.dep_ in ("nsubj", "nsubjpass"))


def minimal_extractions(extraction: Extraction, doc: Doc) -> list[Extraction]:
    """An extraction as the binary extractions the graph asserts: the main triple (object cut to
    its core; time and place arguments kept, they become the fact's time and place) and one per
    prepositional argument (``meet in``), each with the n-ary extraction's confidence and
    attributes. A vacuous extraction gives none; one without an object is kept as it is."""
    from ..syntax import make_mention, make_phrase

    if extraction.object is None or extraction.construction == "role":
        return [extraction]  # a role (person, title, organisation) is minimal already
    if is_vacuous(extraction, doc) or is_others_wish(extraction, doc) or past_belief(extraction, doc):
        return []
    obj = extraction.object
    if (
        obj.kind in ("DATE", "TIME")
        and extraction.construction in ("prep", "passive", "reduced_relative")
        and (not extraction.relation.tokens or doc[extraction.relation.tokens[-1]].pos_ != "ADP")
    ):
        return []  # "officials said Tuesday": a bare time is when, not what (the fact's time, not an edge)
    results: list[Extraction] = []
    core = obj.tokens if obj.kind == "CLAUSE" else core_tokens(doc, obj.head, obj.tokens)
    if core and tuple(core) != tuple(obj.tokens):
        obj = make_mention(doc, doc[obj.head], core, obj.sentence, kind=obj.kind)
    clause_text = extraction.clause_text
    if extraction.arguments or obj is not extraction.object:
        # the n-ary extraction, kept whole on each minimal fact made from it (nkg:clauseText)
        words = {*extraction.subject.tokens, *extraction.relation.tokens, *extraction.object.tokens}
        words.update(i for argument in extraction.arguments for i in (*argument.marker, *argument.value.tokens))
        clause_text = make_phrase(doc, words).text
    verb = doc[extraction.relation.tokens[-1]].lemma_.lower() if extraction.relation.tokens else ""
    if verb not in _PROVIDE_WITH or not any(a.role == "with" for a in extraction.arguments):
        # (else "provided police with a description": the fact is "provide police with | description" alone)
        results.append(replace(extraction, object=obj, clause_text=clause_text))
    if extraction.construction in SYNTHETIC_RELATIONS or not extraction.relation.tokens:
        return results
    # "said in a statement that ...", "said on a call": the medium is no fact; the source is
    # ("learned from the press service that ...")
    medium_only = (
        extraction.construction in ("reported", "ccomp")
        or extraction.object.kind == "CLAUSE"
        or (extraction.construction == "prep" and doc[extraction.relation.tokens[0]].lemma_.lower() in SPEECH_VERBS)
    )
    head_words = extraction.lemma.split()
    while len(head_words) > 1 and head_words[-1] in _TRAILING_PREPOSITIONS:
        head_words.pop()  # "meet with" -> "meet", so the argument fact is "meet in"
    base_lemma = " ".join(head_words)
    main_head = doc[extraction.object.head]
    if (
        extraction.construction in ("svo", "control")
        and main_head.pos_ == "NOUN"
        and not main_head.ent_type_
        and base_lemma == extraction.lemma
    ):
        # a common-noun direct object belongs to the event: "boosted profit to $10 billion" ->
        # "boost profit to", not "boost to"; a name stays out ("congratulated Fidan on" -> "congratulate on")
        base_lemma = f"{base_lemma} {noun_lemma(main_head)}"
    for argument in extraction.arguments:
        value = argument.value
        timed = value.kind in ("DATE", "TIME") and not amount_of_thing(doc, value.head, argument.role)
        if not argument.marker or argument.role in ("time", "place") or value.kind == "CLAUSE" or timed:
            continue
        if argument.role in _COMPARISON_ROLES or (medium_only and argument.role != "from"):
            continue
        if doc[value.head].lemma_.lower() in PREPOSITIONAL_IDIOMS | ADVERBIAL_NOUNS:
            continue
        if argument.role == "with" and argument.marker and argument.marker[0] < min(extraction.subject.tokens):
            continue  # "With his long hair, he represented a breed": a circumstance, no participant
        if base_lemma == "be" and extraction.construction == "prep":
            continue  # "were on pause during X": without "on pause" the argument fact says nothing
        value_core = core_tokens(doc, value.head, value.tokens)
        if not value_core or not any(doc[i].pos_ in _CONTENT_POS for i in value_core) or empty_phrase(doc, value_core):
            continue
        if (named := as_complement_fact(extraction, doc, argument, value_core, base_lemma, clause_text)) is not None:
            results.append(named)  # "named X as its chief executive": name as chief executive | X
            continue
        mention = make_mention(doc, doc[value.head], value_core, value.sentence, kind=value.kind)
        # not the passive agent's "by" ("rescued by X" -> "rescued from"): it would turn the fact round
        verb_words = [i for i in extraction.relation.tokens if doc[i].dep_ != "agent"] or extraction.relation.tokens
        relation = make_phrase(doc, [*verb_words, *argument.marker])
        if extraction.passive and argument.role == "by":
            lemma = base_lemma.removeprefix("be ")  # the agent: "was appointed by Y" -> Y appoint X
        elif extraction.passive and not base_lemma.startswith("be "):
            lemma = f"be {base_lemma} {argument.role}"  # "was born in" -> be bear in
        else:
            lemma = f"{base_lemma} {argument.role}"
        results.append(
            replace(
                extraction,
                relation=relation,
                lemma=lemma,
                object=mention,
                arguments=(),
                construction="argument",
                confidence=shift(extraction.confidence, ARGUMENT_SHIFT),
                clause_text=clause_text,
            )
        )
    if not medium_only and extraction.construction not in ("copula", "reduced_relative"):
        results.extend(_modifier_facts(extraction, doc, obj, clause_text))
    return results


def _modifier_facts(extraction: Extraction, doc: Doc, core: Mention, clause_text: str | None) -> list[Extraction]:
    """The prepositional modifiers the object's core left out, each its own fact: "died at his home
    in Maui" -> ``die at home in | Maui`` (the graph's share of what :func:`minimal_triples` gives)."""
    from ..syntax import make_mention, make_phrase

    assert extraction.object is not None
    found: list[Extraction] = []
    head = doc[extraction.object.head]
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in _QUANTITY_LABELS or head.lemma_.lower() in _UNIT_NOUNS:
        return found  # "jumped 8 per cent in trading": the amount's phrase belongs to the verb
    if head.pos_ == "PROPN" or head.ent_type_:
        # a name is no part of the relation: "talks with Payne in Liverpool" -> hold talk in | Liverpool
        words = extraction.lemma.split()
        while len(words) > 1 and words[-1] in _TRAILING_PREPOSITIONS:
            words.pop()
        stem = " ".join(words)
    else:
        stem = f"{extraction.lemma} {noun_lemma(head)}"
    tree = doc_tree(doc)
    for prep, value_core, _full in _object_modifiers(doc, head.i, set(extraction.object.tokens)):
        value_head = next((i for i in value_core if tree.tokens[i].head.i == prep), None)
        if value_head is None or tree.texts[prep].lower() in _CORE_PREPOSITIONS:
            continue
        relation = make_phrase(doc, [*extraction.relation.tokens, *core.tokens, prep])
        for value in _noun_conjuncts(tree, value_head)[:6]:  # "cooperation in trade, energy and space"
            token = tree.tokens[value]
            if token.lemma_.lower() in PREPOSITIONAL_IDIOMS | ADVERBIAL_NOUNS or token.ent_type_ in ("DATE", "TIME"):
                continue
            value_tokens = value_core if value == value_head else core_tokens(doc, value, _subtree(tree, value))
            if not any(tree.tokens[i].pos_ in _CONTENT_POS for i in value_tokens):
                continue
            found.append(
                replace(
                    extraction,
                    relation=relation,
                    lemma=f"{stem} {tree.texts[prep].lower()}",
                    object=make_mention(doc, token, value_tokens, core.sentence),
                    arguments=(),
                    construction="argument",
                    confidence=shift(extraction.confidence, ARGUMENT_SHIFT),
                    clause_text=clause_text,
                )
            )
    return found
