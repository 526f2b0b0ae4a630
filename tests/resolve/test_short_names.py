"""Short names the name spans missed (graph/resolve/short_names.py), on sentences written for the tests."""

from __future__ import annotations

from graph.documents import document_from_text
from graph.pipeline import build_graph


def _mentions(text: str) -> list[tuple[str, str, int]]:
    """(mention text, its entity's label, start offset) in text order."""
    kg = build_graph([document_from_text("t", text)])
    labels = {e.id: e.label for e in kg.entities}
    return [(m.text, labels[m.entity], m.start) for m in kg.mentions]


def test_a_surname_the_tagger_reads_as_a_noun_joins_the_full_name():
    text = "Gordon Fields, head of the club, spoke on Monday. Fields said he would stay."
    mentions = _mentions(text)
    assert ("Fields", "Gordon Fields", text.index("Fields said")) in mentions
    assert ("he", "Gordon Fields", text.index("he would")) in mentions


def test_a_short_name_before_a_title_is_a_mention_of_the_full_name():
    text = "Kestrel Town beat Harbury 2-0 on Saturday. Kestrel coach Ana Ruiz said her players were brave."
    mentions = _mentions(text)
    assert ("Kestrel", "Kestrel Town", text.index("Kestrel coach")) in mentions
    assert ("her", "Ana Ruiz", text.index("her players")) in mentions


def test_a_captions_word_is_no_surname():
    # "Captain Nova Image" has no first name: a caption's "Image" does not join it
    text = "Fans dressed as Captain Nova Image queued at the door.\n\nImage: Rosa Lind.\n\nThe hall opened at noon."
    mentions = _mentions(text)
    assert not any(label == "Captain Nova Image" and start > text.index("\n") for _, label, start in mentions)


def test_a_lone_first_name_has_the_gender_the_name_data_gives():
    text = "Marilyn arrived at the studio before Tom Hale. Later he said she had been right."
    mentions = _mentions(text)
    assert ("he", "Tom Hale", text.index("he said")) in mentions
    assert ("she", "Marilyn", text.index("she had")) in mentions


def test_a_lone_word_that_ends_a_full_name_gets_no_first_name_gender():
    from collections import Counter

    from graph.resolve.names import Cluster
    from graph.resolve.short_names import lone_first_name_gender

    lone = Cluster(key="n0", type="Person", names=Counter({"Grace": 2}))
    assert lone_first_name_gender(lone, set()) == "f"
    assert lone_first_name_gender(lone, {"grace"}) is None  # "Peter Grace" is named: "Grace" is his surname
    full = Cluster(key="n1", type="Person", names=Counter({"Grace Okoro": 1, "Grace": 1}))
    assert lone_first_name_gender(full, set()) is None  # a full name's gender comes from gender_of_name


def test_a_headline_surname_before_the_full_name_joins_it():
    text = "Holloway Warns Of Cuts\n\nFinance minister Greta Holloway warned on Monday that budgets would shrink."
    mentions = _mentions(text)
    assert ("Holloway", "Greta Holloway", 0) in mentions


def test_a_surname_with_one_letter_left_out_is_a_typo_of_the_full_name():
    from collections import Counter

    from graph.resolve.names import Cluster
    from graph.resolve.short_names import misspelt_surname

    person = Cluster(key="n0", type="Person", names=Counter({"Lena Harwood": 1}))
    assert misspelt_surname("Harwod", person)
    assert not misspelt_surname("Harwoods", person)  # a letter added: a plural, no typo
    assert not misspelt_surname("Lena", person)  # a first name is no surname
    assert not misspelt_surname("Hood", person)


def test_a_misspelt_surname_joins_the_person_in_an_article():
    text = (
        "Kim Lindner, the finance chief of the trust, met donors on Friday. Donors, said Linder, must show the prints."
    )
    mentions = _mentions(text)
    assert ("Linder", "Kim Lindner", text.index("Linder,")) in mentions
