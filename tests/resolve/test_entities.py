"""Entity ids, name normalisation and the cross-article index."""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import URIRef

from graph.resolve.entities import EntityIndex, LocalEntity, clean_name, entity_id, normalize_name


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Nursultan Nazarbayev", "Nursultan_Nazarbayev"),
        ("Nur-Sultan", "Nur-Sultan"),
        ("O'Brien & Sons", "O%27Brien_%26_Sons"),
        ("snake_case", "snake%5Fcase"),
        ("Назарбаев", "Назарбаев"),
        ("<script>", "%3Cscript%3E"),
        ("Acme Inc.", "Acme_Inc%2E"),  # Turtle would end ent:Acme_Inc\. and rdflib cannot read that
        ("U.S.", "U.S%2E"),
        (".NET", "%2ENET"),
    ],
)
def test_entity_id_is_readable_and_safe(name, expected):
    assert entity_id(name) == expected
    URIRef("https://w3id.org/newsgraph/entity/" + entity_id(name))  # a valid IRI


def test_entity_id_is_injective_on_tricky_names():
    names = ["a b", "a_b", "a  b", "a%5Fb", "A b", "a-b", "a.b", "a/b"]
    ids = [entity_id(n) for n in names if " ".join(n.split()) == n]
    assert len(ids) == len(set(ids))


def test_clean_and_normalize():
    assert clean_name("the Party's") == "Party"
    assert normalize_name("Nur-Otan  Party") == normalize_name("nur otan party")
    assert normalize_name("Tokayév") == "tokayev"


def _local(key, label, kind, *names):
    return LocalEntity(key=key, label=label, type=kind, names=Counter(dict.fromkeys((label, *names), 1)), mentions=1)


def test_index_merges_same_names_across_articles_and_keeps_ids():
    index = EntityIndex()
    first = index.add("a1", _local("n0", "Nursultan Nazarbayev", "Person"))
    second = index.add("a2", _local("n3", "Nursultan Nazarbayev", "Person", "Nazarbayev"))
    party = index.add("a2", _local("n1", "Nur Otan Party", "PoliticalParty", "Nur Otan"))
    same_party = index.add("a3", _local("n0", "Nur Otan", "Organization"))
    assert first == second == "Nursultan_Nazarbayev"
    assert party == same_party == "Nur_Otan_Party"
    entities = {e.id: e for e in index.entities()}
    assert entities["Nursultan_Nazarbayev"].documents == ("a1", "a2")
    assert entities["Nursultan_Nazarbayev"].aliases == ("Nazarbayev",)
    assert entities["Nur_Otan_Party"].type == "PoliticalParty"


def test_index_keeps_different_kinds_apart():
    index = EntityIndex()
    person = index.add("a", _local("n0", "Washington", "Person"))
    place = index.add("b", _local("n0", "Washington", "Place"))
    assert person != place
