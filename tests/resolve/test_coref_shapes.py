"""Coreference shapes from real news, on sentences written for the tests (uses the model): match
sides, a "they" inside a clause on a group, "them" of a coordinated verb, the government vs a
parliament, party epithets and an event noun after its verb."""

from __future__ import annotations

from graph.documents import document_from_text
from graph.pipeline import build_graph, fact_records


def _entities_of(text: str, mention: str) -> list[str]:
    kg = build_graph([document_from_text("t", text)])
    labels = {e.id: e.label for e in kg.entities}
    return [labels[m.entity] for m in kg.mentions if m.text == mention]


_MATCH = (
    "Harbor City FC beat Lakeside FC 2-1 at the Lakeside Arena on Saturday.\n\n"
    "The visitors scored the first goal through a header. The home team equalised before the break. "
    "The hosts pressed late, but Harbor City FC held on."
)


def test_visitors_and_home_team_join_the_teams_by_their_ground():
    assert _entities_of(_MATCH, "The visitors") == ["Harbor City FC"]
    assert _entities_of(_MATCH, "The home team") == ["Lakeside FC"]
    assert _entities_of(_MATCH, "The hosts") == ["Lakeside FC"]


def test_visitors_stay_unresolved_when_the_ground_names_no_team():
    text = _MATCH.replace("the Lakeside Arena", "the National Stadium")
    assert "Harbor City FC" not in _entities_of(text, "The visitors")
    assert "Lakeside FC" not in _entities_of(text, "The home team")


def test_a_hosted_result_tells_the_home_team():
    text = (
        "Lakeside FC hosted Harbor City FC on Sunday and lost 0-3 in the league match.\n\n"
        "The visitors scored twice before the break."
    )
    assert _entities_of(text, "The visitors") == ["Harbor City FC"]


def test_they_inside_a_clause_on_the_visitors_is_the_visitors():
    text = (
        "A late goal helped Harbor City FC beat Lakeside FC 2-1 on Saturday.\n\n"
        "Lakeside FC dominated the second half and they had chances, but Lakeside FC failed to score.\n\n"
        "The visitors, who were under pressure, took a rare chance they had late in the game to win."
    )
    assert _entities_of(text, "they")[-1] == "visitors"


def test_them_of_a_coordinated_verb_is_what_the_first_verb_took():
    text = (
        "The council voted on Tuesday. Members proposed amendments taking money from some "
        "projects and adding them to others."
    )
    assert _entities_of(text, "them") == ["projects"]


def test_his_government_is_no_parliament():
    text = (
        "The House of Representatives passed the budget bill on Tuesday. Prime Minister Alan Shaw "
        "said his government would sign it. The government expects growth of two percent."
    )
    assert "House of Representatives" not in _entities_of(text, "his government")
    assert "House of Representatives" not in _entities_of(text, "The government")


def test_a_party_epithet_joins_the_main_person_last_named():
    text = (
        "Ellen Marsh, who led the county for a decade, died on Sunday. The last mayor to die in "
        "office was Tom Reyes, who was killed in a crash in 1999.\n\n"
        "Marsh's first term began well. The county built a new school, and Marsh cut fees. "
        "The moderate Democrat won re-election in 2004 over Paul Grant."
    )
    assert _entities_of(text, "The moderate Democrat") == ["Ellen Marsh"]


def test_an_event_noun_after_its_verb_is_that_event():
    text = (
        "Two officers were hurt while answering a call for a noise complaint on Monday morning. "
        "Captain Ray Holt said the woman's brother phoned earlier and called police to check on "
        "her, but he gave no details about the call."
    )
    kg = build_graph([document_from_text("t", text)])
    objects = {r["object"] for r in fact_records(kg) if r["object_text"] == "the call"}
    assert objects == {"call"}  # not "call for noise complaint ..." of the first sentence


def test_a_coalition_is_not_its_senior_party():
    text = (
        "Tarnia's ruling coalition lost its majority on Sunday after a swing against its senior "
        "partner, the Labour Party, in a by-election."
    )
    kg = build_graph([document_from_text("t", text)])
    subjects = {r["subject"] for r in fact_records(kg) if r["subject_text"] == "Tarnia's ruling coalition"}
    assert subjects and "Labour Party" not in subjects


def test_a_coachs_boys_are_the_coachs_team():
    text = (
        "Harbor City FC beat Lakeside FC 2-1 in the league match on Saturday.\n\n"
        "Lakeside FC coach Ana Lopez made three changes at half-time. Lopez's boys pressed hard "
        "but could not find a second goal."
    )
    assert _entities_of(text, "Lopez's boys") == ["Lakeside FC"]


def test_a_persons_boys_outside_a_match_report_are_nobody():
    text = "Ana Lopez works for Lakeside Bank. Lopez's boys started school in Dover on Monday."
    assert "Lakeside Bank" not in _entities_of(text, "Lopez's boys")
