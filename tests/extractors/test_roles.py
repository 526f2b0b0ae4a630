"""roles.v1: every general way news writes a role, on short sentences written for these tests."""

from __future__ import annotations

import pytest

from graph.extractors import get_extractor
from graph.extractors.roles import is_role_word


def _roles(nlp, text: str) -> list[tuple[str, str, str | None]]:
    doc = nlp(text)
    extractor = get_extractor("roles.v1")
    return [
        (e.subject.text, e.relation.text, None if e.object is None or e.object.kind == "ROLE" else e.object.text)
        for e in extractor(doc, doc_id="t")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title before a name
        ("Rovers coach Marta Silva said the team was tired.", ("Marta Silva", "coach", "Rovers")),
        ("Mayor Lena Ortiz opened the new bridge on Friday.", ("Lena Ortiz", "Mayor", None)),
        ("Acme CFO Tom Berg resigned last week.", ("Tom Berg", "former CFO", "Acme")),  # resigned: no longer CFO
        ("Fire Chief Ana Ruiz said the blaze was contained.", ("Ana Ruiz", "Fire Chief", None)),
        ("Secretary-General Ban visited Kenya.", ("Ban", "Secretary-General", None)),
        (
            "State Civil Protection Director Ana Ruiz said roads were closed.",
            ("Ana Ruiz", "Director of State Civil Protection", None),
        ),
        ("Reticle Research analyst Tom Rubin said demand was weak.", ("Tom Rubin", "analyst", "Reticle Research")),
        ("The fire was out by noon, spokeswoman Zoe Park said.", ("Zoe Park", "spokeswoman", None)),
        ("Deputy Minister of Health Lan Vo visited the clinic.", ("Lan Vo", "Deputy Minister of Health", None)),
        ("They discussed President Moon Jae-in's state visit.", ("Moon Jae-in", "President", None)),
        # possessive
        ("Acme's chief financial officer, Tom Berg, resigned.", ("Tom Berg", "chief financial officer", "Acme")),
        ("Globex's chairman Paul Hart quit.", ("Paul Hart", "chairman", "Globex")),
        # apposition after the name
        ("Berg, chief financial officer of Acme, resigned.", ("Berg", "chief financial officer", "Acme")),
        ("Tom Berg, Acme's CFO, said sales rose.", ("Tom Berg", "CFO", "Acme")),
        ("Silva, the Rovers coach, was angry.", ("Silva", "coach", "Rovers")),
        ("Mary Lee, head of the agency, spoke first.", ("Mary Lee", "head", "agency")),
        ("Dr. Ann Lee, a professor of economics at Yale, said so.", ("Ann Lee", "professor of economics", "Yale")),
        # relative clause, appointment, copula
        ("Ortiz, who heads the council, voted no.", ("Ortiz", "head", "council")),
        ("Hart, who chairs the board, quit.", ("Hart", "chair", "board")),
        ("Silva was appointed coach in 2021.", ("Silva", "coach", None)),
        ("Acme named Berg its chief executive.", ("Berg", "chief executive", "Acme")),
        ("She was elected president of the union in May.", ("She", "president", "union")),
        ("Berg is the chief executive of Acme.", ("Berg", "chief executive", "Acme")),
    ],
)
def test_role_patterns(nlp, text, expected):
    assert expected in _roles(nlp, text)


def test_plural_title_gives_each_person_the_singular_role(nlp):
    found = _roles(nlp, "Judges Dianne T. Renwick and Peter H. Moulton wrote that the ruling stood.")
    assert ("Dianne T. Renwick", "Judge", None) in found
    assert ("Peter H. Moulton", "Judge", None) in found


def test_nationality_adjective_is_the_country_the_article_names(nlp):
    found = _roles(nlp, "Australian Foreign Minister Marise Payne met him in Australia.")
    assert ("Marise Payne", "Foreign Minister", "Australia") in found


def test_no_role_without_a_role_noun(nlp):
    assert _roles(nlp, "Marta Silva said the team was tired.") == []
    assert _roles(nlp, "The Rovers beat United on Saturday.") == []


def test_a_form_of_address_is_no_role(nlp):
    assert _roles(nlp, "Doctor Jane Roe said the ward was full.") == []


def test_role_words(nlp):
    doc = nlp("The coaches and the CFO met the goalkeeper.")
    assert [t.text for t in doc if is_role_word(t)] == ["coaches", "CFO", "goalkeeper"]


def test_title_before_name_is_a_membership_not_an_alias(nlp):
    from graph.pipeline import build_graph
    from graph.types import Document

    kg = build_graph(
        [Document(id="t", text="Fire Chief Ana Ruiz said the blaze was contained. Ruiz thanked the crews.")]
    )
    names = {e.id: e for e in kg.entities}
    roles = {(names[m.member].label, m.role) for m in kg.memberships}
    assert ("Ana Ruiz", "Fire Chief") in roles
    person = next(e for e in kg.entities if e.label == "Ana Ruiz")
    assert not any("Chief" in alias for alias in person.aliases)


def test_a_company_role_without_organisation_is_in_the_company_the_article_is_about(nlp):
    found = _roles(
        nlp,
        "Microsoft sold more phones. Microsoft said profits rose. "
        "Chief executive officer Satya Nadella said sales were strong.",
    )
    assert ("Satya Nadella", "chief executive officer", "Microsoft") in found
    assert _roles(nlp, "Microsoft sold more phones. Microsoft said profits rose. Spokeswoman Zoe Park said so.") == [
        ("Zoe Park", "Spokeswoman", None)
    ]


def test_a_counterpart_holds_the_same_role(nlp):
    found = _roles(nlp, "Rovers coach Marta Silva praised her United counterpart Tom Bell.")
    assert ("Tom Bell", "coach", "United") in found
    found = _roles(nlp, "Russian Foreign Minister Sergei Lavrov and his Turkish counterpart Hakan Fidan met in Moscow.")
    # the nationality adjective stands for the country, named in the article or not
    assert ("Hakan Fidan", "Foreign Minister", "Turkey") in found
    assert ("Sergei Lavrov", "Foreign Minister", "Russia") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gov. Gavin Newsom signed the bill.", ("Gavin Newsom", "Governor", None)),
        ("Sen. Chuck Schumer objected.", ("Chuck Schumer", "Senator", None)),
        ("Smith, who was named chief executive in 2020, resigned.", ("Smith", "chief executive", None)),
        ('"We are ready," said John Smith, the mayor of Springfield.', ("John Smith", "mayor", "Springfield")),
        (
            "White House press secretary Karine Jean-Pierre said the talks went well.",
            ("Karine Jean-Pierre", "press secretary", "White House"),
        ),
    ],
)
def test_more_role_patterns(nlp, text, expected):
    assert expected in _roles(nlp, text)


def _role_facts(nlp, text: str) -> list[tuple[str, str, str | None, bool]]:
    """(person, role, organisation, former) of roles.v1's extractions."""
    doc = nlp(text)
    found = list(get_extractor("roles.v1")(doc, doc_id="t"))
    # a former role reads "former chairman" as a relation, and is the role "chairman" flagged former
    assert all(e.relation.text.startswith("former ") == (e.hedge == "former") for e in found)
    return [
        (
            e.subject.text,
            e.relation.text.removeprefix("former ") if e.hedge == "former" else e.relation.text,
            None if e.object is None or e.object.kind == "ROLE" else e.object.text,
            e.hedge == "former",
        )
        for e in found
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role held before: the label without "former", the role flagged former
        ("Former chief executive Ana Ruiz said the deal was a mistake.", ("Ana Ruiz", "chief executive", None, True)),
        ("Tom Berg, the former chairman of Globex, died on Sunday.", ("Tom Berg", "chairman", "Globex", True)),
        ("Paul Hart, a former Siemens executive, now runs a bakery.", ("Paul Hart", "executive", "Siemens", True)),
        ("Then-chairman Tom Berg approved the deal.", ("Tom Berg", "chairman", None, True)),
        ("The late president Omar Bongo ruled for decades.", ("Omar Bongo", "president", None, True)),
        (
            "Tom Berg stepped down as chief executive of Siemens on Monday.",
            ("Tom Berg", "chief executive", "Siemens", True),
        ),
        ("Tom Berg resigned as chairman of Globex.", ("Tom Berg", "chairman", "Globex", True)),
        ("Tom Berg, who stepped down as chair last year, criticised the board.", ("Tom Berg", "chair", None, True)),
        # taking a role up
        ("Marta Silva took over as coach of Rovers in June.", ("Marta Silva", "coach", "Rovers", False)),
        (
            "Tom Berg joined Siemens as chief financial officer in 2019.",
            ("Tom Berg", "chief financial officer", "Siemens", False),
        ),
        ("Paul Hart succeeds Tom Berg as chair of the board.", ("Paul Hart", "chair", "board", False)),
        ("Paul Hart succeeds Tom Berg as chair of the board.", ("Tom Berg", "chair", "board", True)),
        ("Marta Silva was replaced as coach by Pedro Ramos.", ("Marta Silva", "coach", None, True)),
        ("Marta Silva was replaced as coach by Pedro Ramos.", ("Pedro Ramos", "coach", None, False)),
        ("Globex fired its chief executive, Tom Berg, on Monday.", ("Tom Berg", "chief executive", "Globex", True)),
        ("The former Rovers captain, Marta Silva, now coaches children.", ("Marta Silva", "captain", "Rovers", True)),
        # more ways of holding a role
        ("Tom Berg was sworn in as president of Chile on Monday.", ("Tom Berg", "president", "Chile", False)),
        ("Celtic have appointed Marta Silva as their new manager.", ("Marta Silva", "manager", "Celtic", False)),
        (
            "Tom Berg, who became chief executive of Globex in 2019, left.",
            ("Tom Berg", "chief executive", "Globex", False),
        ),
        ("Globex's new chief executive will be Tom Berg.", ("Tom Berg", "chief executive", "Globex", False)),
        (
            "Globex announced the appointment of Tom Berg as chief executive.",
            ("Tom Berg", "chief executive", "Globex", False),  # the company the article opens with
        ),
        ("Chancellor Olaf Scholz of Germany arrived in Cairo.", ("Olaf Scholz", "Chancellor", "Germany", False)),
        ("Jane Smith, Vodafone's head of marketing, resigned.", ("Jane Smith", "head of marketing", "Vodafone", False)),
        # roles with no organisation: occupations, "lawyer for", "spokesperson for"
        ("Jane Doe, the author of three novels, spoke at the event.", ("Jane Doe", "author", None, False)),
        ("Writer Jane Doe and publicist Mark Fry attended.", ("Mark Fry", "publicist", None, False)),
        ("Sam Cole, a lawyer for the family, said they would appeal.", ("Sam Cole", "lawyer", None, False)),
        # a definite description of the organisation stands for the one named before
        (
            "Siemens reported higher sales. The company's chief executive, Paul Hart, praised the staff.",
            ("Paul Hart", "chief executive", "Siemens", False),
        ),
        (
            "The storm hit Springfield overnight. The city's mayor, Lena Ortiz, said schools would close.",
            ("Lena Ortiz", "mayor", "Springfield", False),
        ),
    ],
)
def test_former_taken_and_organisation_less_roles(nlp, text, expected):
    assert expected in _role_facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Tom Berg will step down as chief executive of Siemens in May.", "Tom Berg"),  # still holds it
        ("He then met Foreign Minister Ali Khan.", "Ali Khan"),  # "then" is no "then-minister"
        ("The late-night host Jay Moss joked about it.", "Jay Moss"),
        ("Rovers coach Marta Silva said the team was tired.", "Marta Silva"),
    ],
)
def test_a_current_role_is_not_former(nlp, text, person):
    found = [f for f in _role_facts(nlp, text) if f[0] == person]
    assert found and not any(former for *_, former in found)


def test_a_description_names_no_organisation_it_cannot_stand_for(nlp):
    # no court named before "the court": the role keeps the description, not some other organisation
    found = _role_facts(nlp, "Siemens lost the case. Ana Ruiz, the president of the court, read the verdict.")
    assert ("Ana Ruiz", "president", "court", False) in found


def test_a_former_role_is_an_ended_membership_in_rdf_and_in_the_roles_query(nlp):
    import graph
    from graph.rdf.namespaces import NKG, ORG
    from graph.rdf.validate import validate_graph
    from graph.types import Document

    text = (
        "Globex hired a new chief. Paul Hart succeeds Tom Berg as chairman of Globex. "
        "Writer Jane Doe praised the choice."
    )
    dataset = graph.build([Document(id="t", text=text, published="2024-05-01")])
    rows = {(r["person"], r["role"], r["organization"], r["former"]) for r in graph.query(dataset, "roles")}
    assert ("Paul Hart", "chairman", "Globex", False) in rows
    assert ("Tom Berg", "chairman", "Globex", True) in rows  # he held it before Hart
    assert ("Jane Doe", "Writer", None, False) in rows  # a role whose organisation the text does not name
    memberships = set(dataset.subjects(ORG.member, None))
    assert sum(1 for m in memberships if (m, NKG.former, None) in dataset) == 1
    assert validate_graph(dataset).conforms


@pytest.mark.parametrize(
    "text",
    [
        "Tom Berg, a member of the public, called the police.",  # "member" is a role only with an organisation
        "Paul Hart will succeed Tom Berg as chairman of Globex next month.",  # not yet Hart's
    ],
)
def test_no_role_for_a_member_without_organisation_or_a_successor_not_yet_in_office(nlp, text):
    assert not [f for f in _role_facts(nlp, text) if f[0] == "Paul Hart" or f[1] == "member"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser glues name and role of a double object into one noun phrase
        ("The board appointed Kenji Watanabe chairman in January.", ("Kenji Watanabe", "chairman", "board", False)),
        (
            "Halvorsen Foods named Priya Nandakumar chief executive.",
            ("Priya Nandakumar", "chief executive", "Halvorsen Foods", False),
        ),
        (
            "Hannah Voss was promoted to chief operating officer of Tamsin Group.",
            ("Hannah Voss", "chief operating officer", "Tamsin Group", False),
        ),
        (
            "Nora Quinn, founder and chief executive of Tidewell, spoke first.",
            ("Nora Quinn", "chief executive", "Tidewell", False),
        ),
        (
            "Nora Quinn, founder and chief executive of Tidewell, spoke first.",
            ("Nora Quinn", "founder", "Tidewell", False),
        ),
        (
            "Ines Moreau was re-elected president of the Football Federation.",
            ("Ines Moreau", "president", "Football Federation", False),
        ),
        (
            "Grace Mwangi, a member of the Redstone Mining board, voted no.",
            ("Grace Mwangi", "member", "Redstone Mining board", False),
        ),
        (
            "Pellworth reported a loss. Its chief executive, Maya Sorensen, blamed the weather.",
            ("Maya Sorensen", "chief executive", "Pellworth", False),
        ),
    ],
)
def test_appointments_conjoined_roles_and_organisations_from_context(nlp, text, expected):
    assert expected in _role_facts(nlp, text)


def test_a_nationality_adjective_is_the_country_in_the_graph(nlp):
    from graph.pipeline import build_graph
    from graph.types import Document

    kg = build_graph([Document(id="t", text="Luis Ferreira, the Portuguese prime minister, arrived in Brussels.")])
    names = {e.id: e for e in kg.entities}
    roles = {(names[m.member].label, m.role, names[m.organization].label) for m in kg.memberships if m.organization}
    assert ("Luis Ferreira", "prime minister", "Portugal") in roles
    assert next(e for e in kg.entities if e.label == "Portugal").type in ("Place", "Country")
