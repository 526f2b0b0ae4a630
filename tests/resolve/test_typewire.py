"""Typing wired into resolution: :func:`graph.resolve.names.settle_type` and :func:`mark_teams`."""

from __future__ import annotations

from graph.resolve.names import Cluster, mark_teams, settle_type
from graph.resolve.typing import MentionEvidence


def _cluster(kind: str, *evidence: MentionEvidence) -> Cluster:
    cluster = Cluster(key="n0", type=kind)
    cluster.evidence.extend(evidence)
    return cluster


def test_evidence_beyond_the_ner_label_decides() -> None:
    street = _cluster("Organization", MentionEvidence("Brooks Avenue", ner="ORG", pos="PROPN"))
    settle_type(street)
    assert street.type == "Place"


def test_the_ner_label_alone_keeps_the_first_class() -> None:
    # "Election Headquarters": the NER says PERSON, the first class (head word) says Organization
    body = _cluster("Organization", MentionEvidence("Election Headquarters", ner="PERSON", pos="PROPN"))
    settle_type(body)
    assert body.type == "Organization"


def test_a_sure_broad_class_keeps_the_head_words_subclass() -> None:
    mentions = [MentionEvidence("Nur Otan Party", ner="ORG", pos="PROPN")] * 5
    party = _cluster("PoliticalParty", *mentions)
    settle_type(party)
    assert party.type == "PoliticalParty"


def test_fixed_clusters_and_programmes_are_left_alone() -> None:
    fixed = _cluster("Person", MentionEvidence("Brooks Avenue", ner="ORG"))
    fixed.fixed = True
    programme = _cluster("Programme", MentionEvidence("Nurly Zhol", ner="ORG"))
    settle_type(fixed)
    settle_type(programme)
    assert (fixed.type, programme.type) == ("Person", "Programme")


def test_bound_pronouns_are_evidence() -> None:
    cluster = _cluster("Organization", MentionEvidence("Halston", ner="ORG", pos="PROPN"))
    settle_type(cluster, [MentionEvidence("", pronouns=("she", "her", "she"))])
    assert cluster.type == "Person"


def test_countries_that_beat_each_other_are_teams() -> None:
    sweden = _cluster("Place", MentionEvidence("Sweden", ner="GPE", pos="PROPN", verb="beat"))
    chile = _cluster("Place", MentionEvidence("Chile", ner="GPE", pos="PROPN", verb="lose"))
    russia = _cluster("Place", MentionEvidence("Russia", ner="GPE", pos="PROPN", preposition="in"))
    for cluster in (sweden, chile, russia):
        settle_type(cluster)
    mark_teams([sweden, chile, russia])
    assert (sweden.type, chile.type, russia.type) == ("Organization", "Organization", "Place")
    settle_type(sweden, [MentionEvidence("", pronouns=("they",))])
    assert sweden.type == "Organization"  # a later classification keeps the team


def test_one_country_that_wins_is_no_match_report() -> None:
    sweden = _cluster("Place", MentionEvidence("Sweden", ner="GPE", pos="PROPN", verb="beat"))
    settle_type(sweden)
    mark_teams([sweden])
    assert sweden.type == "Place"
