"""One real-world entity, one node, of the right class, on shapes seen in real news (sentences
written for these tests; uses the model): names with a small word inside, titles before a surname,
plurals of a party or a product, names used as modifiers, living things and illnesses, and words
that are no names."""

from __future__ import annotations

from graph.documents import document_from_text
from graph.pipeline import build_graph


def _entities(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    kg = build_graph([document_from_text("t", text)])
    return {e.label: (e.type, tuple(e.aliases)) for e in kg.entities}


def _types(text: str) -> dict[str, str]:
    return {label: kind for label, (kind, _) in _entities(text).items()}


def test_an_organisation_name_with_in_inside_is_one_name() -> None:
    types = _types(
        "The tyre maker Rolling in Comfort posted a profit on Tuesday. Investors cheered Rolling in Comfort, "
        "and the company expects more growth."
    )
    assert types.get("Rolling in Comfort") == "Organization"
    assert "Rolling" not in types and "Comfort" not in types


def test_a_person_of_a_place_is_not_one_name() -> None:
    types = _types("Mayor Ann Lee of Redfield spoke on Monday. Shares of Acme rose in New York and in London.")
    assert "Ann Lee" in types
    assert not any(" of " in label or " in " in label for label, kind in types.items() if kind != "Concept")


def test_a_position_before_a_surname_is_a_title() -> None:
    entities = _entities(
        "Goalkeeper Brannstrom made three saves in the first half. Defender Olu Ekene scored late. "
        "Arvid Brannstrom said the team fought hard."
    )
    assert "Goalkeeper Brannstrom" not in entities
    assert "Defender Olu Ekene" not in entities
    kind, aliases = entities["Arvid Brannstrom"]
    assert kind == "Person" and "Brannstrom" in aliases


def test_the_members_of_a_party_are_the_party() -> None:
    entities = _entities(
        "The Liberal Party lost the seat on Saturday. The Liberals had held it since 1990, and the "
        "Liberals will now review the campaign."
    )
    assert "Liberals" not in entities
    assert "Liberals" in entities["Liberal Party"][1]


def test_a_product_plural_is_the_product() -> None:
    entities = _entities(
        "Nokton launched the Velo X5 on Friday. The Velo X5 has a larger screen. Early buyers said their "
        "X5s arrived quickly."
    )
    assert "X5s" not in entities
    assert "X5s" in entities["Velo X5"][1]


def test_an_organisation_named_as_a_modifier_or_employer_is_no_person() -> None:
    types = _types(
        "An analyst with Brightwater Hale said the shares were cheap. Television station WKTR reported "
        "the fire. Health officials offered the Moderna vaccine to students."
    )
    assert types.get("Brightwater Hale") == "Organization"
    assert types.get("WKTR") == "Organization"
    assert types.get("Moderna") == "Organization"


def test_products_living_things_and_illnesses_are_no_organisations_or_places() -> None:
    types = _types(
        "The company showed a new voice assistant named Zelly at the fair. Zelly answers questions. "
        "Scientists named the new species Talorix, a relative of the genus Brontomimus. "
        "The Nokphone maker Rolling in Comfort, the maker of Nokphone, posted a profit."
    )
    assert types.get("Zelly") == "Product"
    assert types.get("Talorix") == "Thing"
    assert types.get("Brontomimus") == "Thing"
    assert types.get("Nokphone") == "Product"
    assert types.get("Rolling in Comfort") == "Organization"


def test_a_city_before_its_station_is_a_place() -> None:
    types = _types("Police told Redfield television station WKTR that the man was arrested.")
    assert types.get("Redfield") == "Place"
    assert types.get("WKTR") == "Organization"


def test_kinship_words_and_a_medium_word_are_no_entities() -> None:
    types = _types(
        '"Grandma always told us to work hard," Lena Ortiz said. "Mom and Dad were proud of me." '
        "The story was reported by NBC News, Radio and other outlets on Monday."
    )
    named = {label for label, kind in types.items() if kind != "Concept"}
    assert not named & {"Grandma", "Mom", "Dad", "Mom and Dad", "Radio"}
    assert types.get("Lena Ortiz") == "Person"


def test_a_direction_word_and_a_continent_is_no_country() -> None:
    entities = _entities("The plant grows throughout southern Africa. It was first described in South Africa.")
    assert "Africa" not in entities["South Africa"][1]


def test_titles_degrees_and_abbreviations_alone_are_no_entities() -> None:
    types = _types(
        "First Lady Mia Tran thanked the nurses. A PhD student at Kestrel University found the bones. "
        "Dale County Sheriff's Lt. Ann Cole was hurt."
    )
    named = {label for label, kind in types.items() if kind != "Concept"}
    assert not named & {"First Lady", "PhD", "Lt"}
    assert types.get("Mia Tran") == "Person"
    assert types.get("Kestrel University") == "Organization"


def test_a_county_office_is_an_organisation_apart_from_its_holder() -> None:
    types = _types(
        "Dale County Sheriff Jo Park told reporters that two deputies were hurt. "
        "Dale County Sheriff's deputies later surrounded the house."
    )
    assert types.get("Jo Park") == "Person"
    assert types.get("Dale County Sheriff") == "Organization"
    assert not any("Jo Park" in label and label != "Jo Park" for label in types)


def test_a_place_before_side_is_the_club_of_the_report() -> None:
    entities = _entities(
        "FC Varnholm Town beat Oskarby FC 2-1 on Sunday. Oskarby FC had cancelled out the Varnholm side's "
        "early goal before the break."
    )
    assert "Varnholm" not in entities
    assert "Varnholm" in entities["FC Varnholm Town"][1]


def test_a_name_with_in_after_another_name_or_before_a_place_is_no_joined_name() -> None:
    types = _types(
        "Officials from Interpol in Ghana met staff of Northeastern University in Boston on Friday. "
        "The Chief Executive Officer and Board Chair resigned."
    )
    assert not any(" in " in label or " and " in label for label, kind in types.items() if kind != "Concept")


def test_a_news_agency_of_a_dateline_and_its_full_name_in_another_article_are_one_node() -> None:
    from graph.builder import default_gazetteer
    from graph.pipeline import PipelineConfig

    kg = build_graph(
        [
            document_from_text("a", "OSLO (AP) - Shares of Nokton rose on Monday after the company cut costs."),
            document_from_text("b", "The Associated Press reported that Dunmere council approved the budget."),
        ],
        config=PipelineConfig(gazetteer=default_gazetteer()),  # as `newsgraph build` does
    )
    agencies = [e for e in kg.entities if e.type == "NewsAgency"]
    assert len(agencies) == 1
    assert agencies[0].label == "Associated Press"


def test_a_scientific_name_stays_whole_and_is_no_organisation() -> None:
    entities = _entities(
        "The specimen has now been named Talorix minor, which means small thief. Talorix was small. "
        "The species Velox gracilis was found in Chile. The board named Kestrel president Ann Lee."
    )
    kind, aliases = entities["Talorix minor"]
    assert kind == "Thing" and "Talorix" in aliases
    assert entities["Velox gracilis"][0] == "Thing"
    assert "Kestrel president" not in entities  # a title after a name is no epithet
