"""The dependency-tree toolkit (graph.syntax) on hand-built parses (no statistical model involved)."""

from __future__ import annotations

from graph.syntax import (
    DocContext,
    doc_tree,
    find_glosses,
    kids,
    make_mention,
    make_phrase,
    quoted_tokens,
    subtree_indices,
    title_before_name,
)

GLOSSED = """
Qutty PROPN NNP compound 1 Qutty
Meken PROPN NNP nsubj 6 Meken
( PUNCT -LRB- punct 4 (
Blessed PROPN NNP compound 4 Blessed
Land PROPN NNP appos 1 Land
) PUNCT -RRB- punct 4 )
won VERB VBD ROOT 6 win
. PUNCT . punct 6 .
"""

QUOTED = """
He PRON PRP nsubj 1 he
said VERB VBD ROOT 1 say
" PUNCT `` punct 1 "
we PRON PRP nsubj 4 we
won VERB VBD ccomp 1 win
" PUNCT '' punct 1 "
. PUNCT . punct 1 .
"""

TITLE_OF_ORGANISATION = """
Chairman PROPN NNP nsubj 7 chairman
of ADP IN prep 0 of
Nur PROPN NNP compound 6 Nur
Otan PROPN NNP compound 6 Otan
Party PROPN NNP compound 6 Party
Nursultan PROPN NNP compound 6 Nursultan
Nazarbayev PROPN NNP pobj 1 Nazarbayev
spoke VERB VBD ROOT 7 speak
. PUNCT . punct 7 .
"""

TITLE_COMPOUND = """
President PROPN NNP compound 2 president
George PROPN NNP compound 2 George
Bush PROPN NNP nsubj 3 Bush
said VERB VBD ROOT 3 say
. PUNCT . punct 3 .
"""

HONORIFIC = """
Mr. PROPN NNP compound 1 Mr.
Bush PROPN NNP nsubj 2 Bush
left VERB VBD ROOT 2 leave
. PUNCT . punct 2 .
"""


def test_the_tree_lists_match_spacy(hand_doc):
    doc = hand_doc(GLOSSED)
    tree = doc_tree(doc)
    assert tree.texts == [t.text for t in doc]
    assert tree.deps == [t.dep_ for t in doc]
    assert [[c.i for c in kids(t)] for t in doc] == [[c.i for c in t.children] for t in doc]
    assert "".join(map(str.__add__, tree.texts, tree.whitespace)) == doc.text


def test_subtree_keeps_paired_brackets_and_skips_deps(hand_doc):
    doc = hand_doc(GLOSSED)
    assert subtree_indices(doc[1]) == [0, 1, 2, 3, 4, 5]
    assert subtree_indices(doc[1], skip_deps=("appos",)) == [0, 1]
    assert subtree_indices(doc[6]) == list(range(8))  # a full stop is not edge punctuation


def test_phrase_and_mention_over_indices(hand_doc):
    doc = hand_doc(GLOSSED)
    phrase = make_phrase(doc, [4, 3, 1, 0])
    assert phrase.text == "Qutty Meken Blessed Land"
    assert (phrase.start, phrase.end, phrase.tokens) == (0, doc[4].idx + 4, (0, 1, 3, 4))
    mention = make_mention(doc, doc[1], [0, 1], 0)
    assert (mention.text, mention.head, mention.kind, mention.sentence) == ("Qutty Meken", 1, "PROPN", 0)


def test_gloss_after_a_name(hand_doc):
    doc = hand_doc(GLOSSED)
    [gloss] = find_glosses(doc)
    found = (gloss.name_start, gloss.name_end, gloss.gloss_start, gloss.gloss_end, gloss.kind)
    assert found == (0, 2, 3, 5, "translation")


def test_quoted_tokens(hand_doc):
    assert quoted_tokens(hand_doc(QUOTED)) == {3, 4}
    assert quoted_tokens(hand_doc(GLOSSED)) == set()


def test_document_context(hand_doc):
    doc = hand_doc(GLOSSED)
    context = DocContext.of(doc, "d")
    assert context.text == doc.text
    assert context.sentence_of == [0] * len(doc)
    assert context.in_gloss == {2, 3, 4, 5}
    assert context.sentence_length(3) == len(doc)


def test_title_of_an_organisation_before_a_name(hand_doc):
    doc = hand_doc(TITLE_OF_ORGANISATION, ents=[(2, 5, "ORG"), (5, 7, "PERSON")])
    assert title_before_name(doc[5:7]) == ([0], [2, 3, 4], 1)


def test_title_compound_before_a_name_but_not_an_honorific(hand_doc):
    doc = hand_doc(TITLE_COMPOUND, ents=[(1, 3, "PERSON")])
    assert title_before_name(doc[1:3]) == ([0], [], None)
    doc = hand_doc(HONORIFIC, ents=[(1, 2, "PERSON")])
    assert title_before_name(doc[1:2]) is None
