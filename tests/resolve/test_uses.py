"""One EntityUse per (article, corpus entity): two local entities that joined one corpus entity are one use."""

from __future__ import annotations

from collections import Counter

from graph.resolve.entities import LocalEntity
from graph.resolve.uses import entity_uses


def _local(key: str, label: str, mentions: int, *, named: bool = False) -> LocalEntity:
    return LocalEntity(
        key=key, label=label, type="Concept", names=Counter({label: mentions}), mentions=mentions, named=named
    )


def test_two_local_entities_of_one_corpus_entity_are_one_use():
    ids = {"a": "Appeals_court", "b": "Appeals_court", "c": "Judge"}
    uses = entity_uses(
        "doc1", ids, [_local("a", "Appeals court", 1), _local("b", "appeals court", 4), _local("c", "judge", 2)]
    )
    assert [u.entity for u in uses] == ["Appeals_court", "Judge"]  # one use each, in first-seen order
    court = uses[0]
    assert court.mentions == 5 and court.label == "appeals court"  # the label of the one named more often
    assert dict(court.names) == {"Appeals court": 1, "appeals court": 4}


def test_a_use_of_one_local_entity_is_that_entity_as_data():
    (use,) = entity_uses("doc1", {"a": "Acme"}, [_local("a", "Acme", 3, named=True)])
    assert (use.doc_id, use.entity, use.label, use.mentions, use.named, use.names) == (
        "doc1",
        "Acme",
        "Acme",
        3,
        True,
        (("Acme", 3),),
    )
