"""Views: focus and hops, article, classes, relations, concepts, dates, most connected nodes."""

from __future__ import annotations

import pytest

from graph.errors import NewsgraphError
from graph.view import select_view

from .conftest import triples

# ------------------------------------------------------------------------------ views


def test_focus_matches_labels_and_aliases_with_hops(small_network):
    view, notes = select_view(small_network, focus="countess of lovelace", hops=1)
    assert set(view) == {"ada", "charles", "society"} and view.nodes["ada"].get("focus")
    assert "1 hop around Ada Lovelace" in notes.messages[-1]
    view, _ = select_view(small_network, focus="Ada Lovelace", hops=2)
    assert set(view) == set(small_network)
    view, _ = select_view(small_network, focus="ada lovelace", hops=0)
    assert set(view) == {"ada"}
    view, _ = select_view(small_network, focus="Babb")  # no exact name: contained in a label
    assert "charles" in view
    with pytest.raises(NewsgraphError, match="No entity named 'Nobody'"):
        select_view(small_network, focus="Nobody")
    assert "focus" not in small_network.nodes["ada"], "views must not change the network"


def test_article_view_and_unknown_article(small_network):
    view, notes = select_view(small_network, article="a3")
    assert triples(view) == {("Ada Lovelace", "meet", "Charles Babbage"), ("Charles Babbage", "visit", "London")}
    [meet] = [d for _, _, d in view.edges(data=True) if d["relation"] == "meet"]
    assert [e[1] for e in meet["evidence"]] == ["a3"] and meet["confidence"] == 0.7
    assert notes.messages == ("article a3",)
    assert len(small_network.edges["ada", "charles", "rel:meet|False|"]["evidence"]) == 2
    with pytest.raises(NewsgraphError, match=r"No article 'a9'.*a1, a2, a3"):
        select_view(small_network, article="a9")


def test_class_relation_and_concept_filters(small_network):
    view, notes = select_view(small_network, classes=["person", "PLACE"])
    assert {d["type"] for _, d in view.nodes(data=True)} == {"Person", "Place"}
    assert notes.messages == ("classes: Person, Place",)
    with pytest.raises(NewsgraphError, match=r"Unknown class 'Persn'. Available: .*Person"):
        select_view(small_network, classes=["Persn"])
    view, _ = select_view(small_network, relations=["meet", "VISIT"])
    assert {d["relation"] for _, _, d in view.edges(data=True)} == {"meet", "visit"}
    assert "engine" not in view
    with pytest.raises(NewsgraphError, match=r"No relation 'marry'.*design, join, meet, visit"):
        select_view(small_network, relations=["marry"])
    view, _ = select_view(small_network, include_concepts=False)
    assert "engine" not in view and "london" in view


def test_date_ranges(small_network):
    view, notes = select_view(small_network, since="2024")
    assert triples(view) == {("Ada Lovelace", "meet", "Charles Babbage"), ("Charles Babbage", "visit", "London")}
    assert "undated facts left out" in notes.messages[0]
    view, _ = select_view(small_network, until="2023-05")
    assert triples(view) == {
        ("Ada Lovelace", "meet", "Charles Babbage"),
        ("Charles Babbage", "design", "analytical engine"),
    }
    view, _ = select_view(small_network, since="2023-06-01", until="2023-12-31")
    assert triples(view) == {("Ada Lovelace", "join", "Royal Society")}
    view, notes = select_view(small_network, since="2025")
    assert view.number_of_nodes() == 0 and notes.messages[-1] == "nothing matches this view"
    with pytest.raises(NewsgraphError, match="not a date"):
        select_view(small_network, since="last week")
    with pytest.raises(NewsgraphError, match="is after"):
        select_view(small_network, since="2024-02", until="2024-01-31")


def test_max_nodes_keeps_the_most_connected_and_the_focus_and_says_what_was_left_out(small_network):
    view, notes = select_view(small_network, max_nodes=2)
    assert set(view) == {"ada", "charles"}
    assert notes.shown_nodes == 2 and notes.total_nodes == 5
    assert notes.messages[-1] == (
        "showing the 2 most connected of 5 nodes; left out 3 nodes (Concept 1, Organization 1, Place 1) and 3 edges"
    )
    view, _ = select_view(small_network, focus="London", hops=2, max_nodes=2)
    assert set(view) == {"london", "charles"}
    with pytest.raises(NewsgraphError, match="max_nodes"):
        select_view(small_network, max_nodes=0)


def test_a_focus_that_matches_nothing_lists_candidate_names(small_network):
    """The README promises that a name matching nothing is an error listing what there is."""
    with pytest.raises(
        NewsgraphError, match=r"No entity named 'Ada Lovelase'.*Closest names: Ada Lovelace, Countess of Lovelace$"
    ):
        select_view(small_network, focus="Ada Lovelase")
    with pytest.raises(NewsgraphError, match=r"Closest names: Charles Babbage$"):
        select_view(small_network, focus="Babage")  # close to one word of a name
    with pytest.raises(NewsgraphError, match=r"Closest names: Countess of Lovelace"):
        select_view(small_network, focus="Countess of Lovelance")  # aliases are names too
    with pytest.raises(
        NewsgraphError,
        match=r"'Nobody'.*Entities: Ada Lovelace, Charles Babbage, London, Royal Society, "
        r"analytical engine$",
    ):
        select_view(small_network, focus="Nobody")
    with pytest.raises(NewsgraphError, match=r"'Ada' in this view.*Entities: London$"):
        select_view(small_network, focus="Ada", classes=["Place"])  # candidates come from the view
