"""Quotations and their speakers: first-person pronouns go to the speaker, third-person ones in
a quotation never do. Sentences written for these tests."""

from __future__ import annotations

from graph.documents import document_from_text
from graph.pipeline import build_graph
from graph.resolve.quotes import Quotations
from graph.syntax import DocContext


def _quotations(text: str) -> list[str]:
    """The quoted texts found in ``text`` (tokenised by a blank English pipeline)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    quotes = Quotations(DocContext.of(doc, "t"), lambda token: None)
    return [doc[q.start : q.end].text for q in quotes.quotations]


def test_a_quotation_runs_on_into_the_next_paragraph():
    text = 'Ines said, "We trained hard.\n\nThe final was our best game." Then she left.'
    assert _quotations(text) == ["We trained hard.", "The final was our best game."]


def test_straight_marks_open_after_a_space_and_close_when_attached():
    text = '"The port is open," the captain said, "and the ships can sail." He smiled.'
    assert _quotations(text) == ["The port is open,", "and the ships can sail."]


def test_single_marks_in_an_article_without_double_ones():
    text = "The manager said: 'We were lucky.' The players' union agreed."
    assert _quotations(text) == ["We were lucky."]


def test_no_quotation_marks_no_quotations():
    assert _quotations("The mayor spoke to the council on Monday.") == []


def _kg(text: str):
    return build_graph([document_from_text("t", text)])


def _entity_of(kg, text: str, nth: int = 0) -> str | None:
    labels = {e.id: e.label for e in kg.entities}
    found = [labels[m.entity] for m in kg.mentions if m.text == text]
    return found[nth] if len(found) > nth else None


def test_i_in_the_next_quoted_sentence_is_the_speaker_of_the_one_before():
    kg = _kg(
        'The new bridge opened on Friday. "Traffic was light this morning," Omar Haddad said. '
        '"I expect it to double by summer."'
    )
    assert _entity_of(kg, "I") == "Omar Haddad"


def test_i_in_a_quotation_that_runs_on_into_the_next_paragraph():
    kg = _kg(
        'After the final, Marta Ruiz, the Lisbon coach, said, "I am proud of the squad.\n\n'
        'It was a long season and I thank the fans."'
    )
    assert _entity_of(kg, "I", 0) == "Marta Ruiz"
    assert _entity_of(kg, "I", 1) == "Marta Ruiz"


def test_a_pull_quote_signed_with_a_name():
    kg = _kg(
        "Greta Lindqvist grew up on a farm near Uppsala.\n\n"
        "I never wanted to leave the farm. Greta Lindqvist\n\n"
        "Lindqvist moved to the capital in 2004."
    )
    assert _entity_of(kg, "I") == "Greta Lindqvist"


def test_he_in_a_quotation_is_not_its_speaker():
    kg = _kg(
        "Victor Lamb wrote twelve novels before 1990. Paul Ortega, a critic, reviewed the last one. "
        '"I think his prose is unmatched," Ortega said.'
    )
    assert _entity_of(kg, "I") == "Paul Ortega"
    assert _entity_of(kg, "his") == "Victor Lamb"


def test_we_goes_to_the_team_in_the_speakers_title():
    kg = _kg(
        "Harbor United lost to Kestrel Town on Sunday. After the match, Kestrel's coach Dana Wells said, "
        '"We were lucky in the second half."'
    )
    assert _entity_of(kg, "We") in {"Kestrel", "Kestrel Town"}


def test_first_person_never_goes_to_a_place_or_a_time():
    kg = _kg('"I love the old harbour," said the visitor in Marseille on Tuesday.')
    found = _entity_of(kg, "I")
    assert found not in {"Marseille", "Tuesday"}


def test_he_in_a_quotation_is_nobody_in_the_phrase_naming_its_speaker():
    kg = _kg(
        "Ivan Sokol built the bridge in 1931. Lena Park, historian and director of the town archive, said, "
        '"His design was decades ahead of its time."'
    )
    assert _entity_of(kg, "His") == "Ivan Sokol"


def test_we_goes_to_the_organisation_named_before_the_speakers_title():
    kg = _kg(
        "The Harbour Authority of Tarnia closed the port on Monday. Mia Ross, the Harbour Authority spokeswoman, "
        'said, "We will reopen it next week."'
    )
    assert _entity_of(kg, "We") == "Harbour Authority of Tarnia"


def test_the_speaker_is_nobody_their_quotation_names():
    kg = _kg(
        "Ilse Brandt opened the gallery in 1990. For Tomas Weir, a local teacher, Brandt was a hero. "
        'He said, "Without doubt, Ilse Brandt changed this town for the better."'
    )
    assert _entity_of(kg, "He") == "Tomas Weir"


def test_british_single_quotes_and_a_speaker_saying_it_in_a_participle():
    kg = _kg(
        "Kestrel Town beat Harbor United 2-0 on Saturday. Kestrel coach Nora Vance praised her players, "
        "saying: 'I am proud of them. We defended well.'"
    )
    assert _entity_of(kg, "I") == "Nora Vance"


def test_i_of_a_person_named_by_title_only():
    kg = _kg(
        "Governor Ruth Adler spoke in Tarnwick on Monday. Adler said taxes would not rise. "
        '"I know people are worried," the governor said.'
    )
    assert _entity_of(kg, "I") == "Ruth Adler"


def test_we_is_never_the_speakers_home_town():
    kg = _kg('Ana Ruiz, a Denver teacher, said, "We need more books in our classrooms."')
    assert _entity_of(kg, "We") != "Denver"


def test_the_team_in_a_coachs_quotation_is_the_coachs_team():
    kg = _kg(
        'After the final, Marta Ruiz, Lisbon coach, said, "The team was nervous at first, but then they '
        'played very well."'
    )
    assert _entity_of(kg, "The team") == "Lisbon"
    assert _entity_of(kg, "they") == "Lisbon"


def test_a_fact_in_a_quotation_running_on_into_the_next_paragraph_is_its_speakers_claim():
    kg = _kg(
        "Kestrel Town beat Harbor United 2-0 on Saturday. Kestrel coach Nora Vance praised her players, "
        "saying: 'I am proud of them.\n\n'I watched every minute of the final.'"
    )
    labels = {e.id: e.label for e in kg.entities}
    watched = [f for f in kg.facts if f.predicate.startswith("watch")]
    assert watched
    for fact in watched:
        assert fact.reported
        assert labels.get(fact.attributed_to) == "Nora Vance"


def test_he_said_after_according_to_is_the_source():
    kg = _kg(
        "Oskar Lund ran from the shop, and a guard chased him, according to Inspector Mara Holm.\n\n"
        '"This was a dangerous man," he said of the suspect.'
    )
    assert _entity_of(kg, "he") not in {"Oskar Lund"}


def test_a_quotation_after_its_speakers_paraphrase():
    kg = _kg(
        "Lena Fors, the curator, spoke on Friday. Fors also said the painter was a businessman. "
        '"I think he sold everything he made."'
    )
    assert _entity_of(kg, "I") == "Lena Fors"


def test_they_beside_we_is_not_the_speakers_own_team():
    kg = _kg('After the final, Marta Ruiz, Lisbon coach, said, "The team was tired. They made it very hard for us."')
    assert _entity_of(kg, "They") != "Lisbon"
