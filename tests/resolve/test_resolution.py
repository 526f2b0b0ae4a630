"""Resolution on real parses: names, pronouns, titles, descriptions (uses the model)."""

from __future__ import annotations

from graph.documents import document_from_text
from graph.pipeline import build_graph


def _kg(text: str, doc_id: str = "t"):
    return build_graph([document_from_text(doc_id, text)])


def test_short_name_joins_full_name_and_pronoun_resolves():
    kg = _kg("John Smith visited the factory in Leeds. Smith met the workers. Later he thanked the staff.")
    people = [e for e in kg.entities if e.type == "Person"]
    assert [p.label for p in people] == ["John Smith"]
    assert sum(1 for f in kg.facts if f.subject == people[0].id) >= 3
    assert all(e.label.lower() not in {"he", "she", "it", "they"} for e in kg.entities)


def test_sample_article_entities(sample_kg):
    labels = {e.label: e for e in sample_kg.entities}
    assert labels["Nursultan Nazarbayev"].type == "Person"
    assert labels["Maulen Ashimbayev"].type == "Person"
    assert labels["Nur Otan Party"].type == "PoliticalParty"
    for programme, gloss in [("Bakytty Otbasy", "Happy Family"), ("Qutty Meken", "Blessed Land")]:
        assert labels[programme].type == "Programme"
        assert gloss in labels[programme].aliases
    assert not any(
        e.label.lower() in {"he", "she", "it", "its", "they", "party", "the party"} for e in sample_kg.entities
    )
    assert sum(1 for e in sample_kg.entities if "Nazarbayev" in e.label) == 1


def test_design_card_facts(sample_kg):
    names = {e.id: e.label for e in sample_kg.entities}
    triples = {(names[f.subject], f.predicate, names.get(f.object)) for f in sample_kg.facts}
    assert ("Nursultan Nazarbayev", "commission", "Maulen Ashimbayev") in triples
    assert ("Nur Otan Party", "implement", "Qutty Meken") in triples
    assert ("Maulen Ashimbayev", "member of", "Nur Otan Party") in triples
    assert ("Nursultan Nazarbayev", "head of", "Nur Otan Party") in triples
    roles = {(names[m.member], m.role, names.get(m.organization)) for m in sample_kg.memberships}
    assert ("Maulen Ashimbayev", "First Deputy Chairman", "Nur Otan Party") in roles


def test_passive_agent_becomes_the_subject():
    kg = _kg("The new minister was appointed by President Tokayev on Monday.")
    names = {e.id: e.label for e in kg.entities}
    assert any(names[f.subject] == "Tokayev" and f.predicate == "appoint" for f in kg.facts)


def test_negated_facts_are_kept_as_negated():
    kg = _kg("The committee did not approve the budget.")
    [fact] = [f for f in kg.facts if f.predicate == "approve"]
    assert fact.negated
