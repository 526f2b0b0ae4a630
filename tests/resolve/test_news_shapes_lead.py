"""Real-news shapes of name clustering, on texts written for the tests (uses the model):
relatives who share a surname, a surname that is also a title word, a title-case headline."""

from __future__ import annotations

from graph.documents import document_from_text
from graph.pipeline import build_graph


def _kg(text: str, doc_id: str = "t"):
    return build_graph([document_from_text(doc_id, text)])


def _labels(kg) -> dict[str, str]:
    return {e.id: e.label for e in kg.entities}


def test_relatives_sharing_a_surname_stay_two_people():
    kg = _kg(
        "Former Governor Tom Vale, who led the state for eight years, died Sunday after a stroke.\n\n"
        "Vale cut taxes during his two terms.\n\n"
        "First Lady Ann Vale and the family said he died peacefully at home.\n\n"
        "Vale was first elected in 1996."
    )
    people = {e.label: e for e in kg.entities if e.type == "Person"}
    assert "Tom Vale" in people and "Ann Vale" in people
    assert "Ann Vale" not in {a.lower() for a in people["Tom Vale"].aliases}
    assert "tom vale" not in {a.lower() for a in people["Ann Vale"].aliases}


def test_a_surname_that_is_a_title_word_is_the_persons_short_name():
    kg = _kg(
        "Judge Ada Lorne sentenced former mayor Ben King to probation on Monday. "
        "King was fined $900 and must repay $18,000."
    )
    labels = _labels(kg)
    subjects = {labels.get(f.subject) for f in kg.facts if f.predicate.startswith("repay")}
    assert subjects == {"Ben King"}


def test_a_title_case_headline_keeps_only_the_names_the_body_uses():
    kg = _kg(
        "Harbor Tech Unveils Long-Awaited Sky Drone\n\n"
        "Harbor Tech on Tuesday launched the Sky Drone, its first consumer aircraft. "
        "The Sky Drone will sell for $900, Harbor Tech said."
    )
    labels = {e.label for e in kg.entities if e.type not in ("Concept", "Quantity", "TimeExpression")}
    assert "Harbor Tech" in labels
    assert not any("Unveils" in label for label in labels)


def test_a_surname_known_first_does_not_join_two_full_names():
    from collections import Counter

    from graph.resolve.entities import EntityIndex, LocalEntity

    index = EntityIndex()
    surname = index.add("a", LocalEntity("1", "Vale", "Person", Counter({"Vale": 3}), 3))
    husband = index.add("a", LocalEntity("2", "Tom Vale", "Person", Counter({"Tom Vale": 1}), 1))
    wife = index.add("a", LocalEntity("3", "Ann Vale", "Person", Counter({"Ann Vale": 1}), 1))
    assert husband == surname  # the surname is the first full name's
    assert wife != husband  # ... and never joins a second, different full name to it
    again = index.add("b", LocalEntity("1", "Tom A. Vale", "Person", Counter({"Tom A. Vale": 1}), 1))
    assert again == husband  # a middle initial is the same person


def test_two_letter_initials_alone_join_no_organisation_across_articles():
    from collections import Counter

    from graph.resolve.entities import EntityIndex, LocalEntity

    index = EntityIndex()
    university = index.add(
        "a",
        LocalEntity("1", "University of Delaware", "Organization", Counter({"University of Delaware": 1, "UD": 1}), 2),
    )
    department = index.add(
        "b", LocalEntity("1", "Utilities/Community Development", "Organization", Counter({"x": 0}), 1)
    )
    assert department != university
    agency = index.add("e", LocalEntity("1", "AP", "NewsAgency", Counter({"AP": 1}), 1))
    assert index.add("f", LocalEntity("1", "Associated Press", "NewsAgency", Counter(), 1)) == agency
    bureau = index.add("c", LocalEntity("1", "Federal Bureau of Investigation", "Organization", Counter(), 1))
    assert index.add("d", LocalEntity("1", "FBI", "Organization", Counter({"FBI": 1}), 1)) == bureau
