"""SHACL validation: what the build writes conforms; a broken graph fails, one readable line per violation."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, SKOS
from typer.testing import CliRunner

from graph.cli import EXIT_ERROR, app
from graph.errors import ValidationError
from graph.rdf.io import read_graph, union_graph, write_graph
from graph.rdf.namespaces import ENT, NKG, REL
from graph.rdf.ontology import ontology_file
from graph.rdf.validate import check_graph, shapes_graph, validate_graph

runner = CliRunner()


@pytest.mark.slow  # pySHACL over the built graph (the dataset test below checks the same graph)
def test_the_graph_the_build_writes_conforms(built_sample):
    report = check_graph(read_graph(built_sample / "graph.ttl"))
    assert report.conforms and not report.violations and report.triples > 1000


def test_the_dataset_of_the_sample_conforms(sample_dataset):
    assert validate_graph(sample_dataset).conforms


def _nth(graph: Graph, cls: URIRef, n: int = 0) -> URIRef:
    return sorted(graph.subjects(RDF.type, cls))[n]


# Each breakage damages a different node, so that one validation run checks them all
# (pySHACL takes about a second on the sample).


def _drop_pref_label(g: Graph) -> tuple[URIRef, str]:
    g.remove((ENT.Nur_Otan_Party, SKOS.prefLabel, None))
    return ENT.Nur_Otan_Party, "skos:prefLabel"


def _confidence_out_of_range(g: Graph) -> tuple[URIRef, str]:
    a = _nth(g, NKG.Assertion, 0)
    g.set((a, NKG.confidence, Literal("1.5", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))))
    return a, "nkg:confidence"


def _assertion_without_sentence(g: Graph) -> tuple[URIRef, str]:
    a = _nth(g, NKG.Assertion, 1)
    g.remove((a, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None))
    return a, "prov:wasDerivedFrom"


def _undeclared_relation(g: Graph) -> tuple[URIRef, str]:
    a = _nth(g, NKG.Assertion, 2)
    g.set((a, RDF.predicate, REL.teleport))
    return a, ""


def _direct_triple_missing(g: Graph) -> tuple[URIRef, str]:
    for a in sorted(g.subjects(RDF.type, NKG.Assertion))[3:]:
        plain = all(g.value(a, term) is None for term in (NKG.negated, NKG.modality, NKG.hedge, NKG.reported))
        if plain:  # a hedged or reported assertion has no direct triple to remove
            g.remove((g.value(a, RDF.subject), g.value(a, RDF.predicate), g.value(a, RDF.object)))
            return a, ""
    raise AssertionError("no plain assertion in the sample")


def _offsets_backwards(g: Graph) -> tuple[URIRef, str]:
    sentence = _nth(g, NKG.Sentence, 0)
    end = g.value(sentence, NKG.endOffset)
    g.set((sentence, NKG.startOffset, Literal(int(end) + 5)))
    return sentence, "nkg:startOffset"


BREAKAGES = [
    _drop_pref_label,
    _confidence_out_of_range,
    _assertion_without_sentence,
    _undeclared_relation,
    _direct_triple_missing,
    _offsets_backwards,
]


def test_a_broken_graph_fails_with_a_line_naming_each_broken_node(sample_dataset):
    graph = union_graph(sample_dataset)
    broken = [breakage(graph) for breakage in BREAKAGES]
    report = validate_graph(graph)
    assert not report.conforms
    for (focus, path), breakage in zip(broken, BREAKAGES):
        local = str(focus).rsplit("/", 1)[-1]
        hits = [v for v in report.violations if v.focus.endswith(local) and (not path or v.path == path)]
        assert hits, (breakage.__name__, [str(v) for v in report.violations])
    assert all("\n" not in str(v) and v.message for v in report.violations)
    with pytest.raises(ValidationError, match="does not conform"):
        check_graph(graph)


@pytest.mark.slow  # pySHACL through the command line
def test_validate_command_reports_one_line_per_violation(sample_dataset, tmp_path):
    good = write_graph(sample_dataset, tmp_path / "good.ttl")
    result = runner.invoke(app, ["validate", str(good)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.stderr and result.stdout == ""

    graph = union_graph(sample_dataset)
    _drop_pref_label(graph)
    _confidence_out_of_range(graph)
    bad = tmp_path / "bad.ttl"
    graph.serialize(bad, format="turtle")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == EXIT_ERROR
    lines = result.stdout.splitlines()
    assert any(line.startswith("ent:Nur_Otan_Party  skos:prefLabel  ") for line in lines), lines
    assert any("nkg:confidence" in line and "1.5" in line for line in lines), lines
    assert "does not conform" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow  # pySHACL through the command line
def test_validate_command_on_a_store(sample_store):
    result = runner.invoke(app, ["validate", "--store", str(sample_store)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.stderr


def test_shapes_only_use_terms_the_ontology_defines():
    ontology = Graph().parse(ontology_file("newsgraph.ttl"))
    defined = set(ontology.subjects(RDF.type, None))
    namespace = str(NKG._NS)
    used = {t for triple in shapes_graph() for t in triple if isinstance(t, URIRef) and str(t).startswith(namespace)}
    assert used and used <= defined, used - defined
    # every property shape says, in words, what is wrong
    shapes = shapes_graph()
    for prop in shapes.objects(None, SH.property):
        assert shapes.value(prop, SH.message) is not None, prop


def test_validate_has_help_with_an_example():
    result = runner.invoke(app, ["validate", "--help"])
    assert result.exit_code == 0 and "Example: newsgraph validate" in " ".join(result.output.split())


def _renamed(graph: Graph, old: URIRef, new: URIRef, label: str) -> Graph:
    """``graph`` with the entity ``old`` renamed to ``new`` and labelled ``label``."""
    renamed = Graph()
    for s, p, o in graph:
        renamed.add((new if s == old else s, p, new if o == old else o))
    for path in (SKOS.prefLabel, URIRef("http://www.w3.org/2000/01/rdf-schema#label")):
        renamed.set((new, path, Literal(label)))
    renamed.remove((new, SKOS.altLabel, None))
    return renamed


@pytest.mark.slow  # a pySHACL run of the whole sample per case
@pytest.mark.parametrize(
    "iri, label, message",
    [
        ("%2D", "%2D", "not the percent-encoded name of its IRI"),  # the IRI's encoding of "-" as a label
        ("%2D", "-", "has a letter or a digit"),
        ("%23_%26", "# &", "has a letter or a digit"),
    ],
)
def test_labels_are_text_as_written_with_a_letter_or_digit(sample_dataset, iri, label, message):
    graph = _renamed(union_graph(sample_dataset), ENT.Nur_Otan_Party, URIRef(str(ENT) + iri), label)
    report = validate_graph(graph)
    assert not report.conforms
    assert any(v.focus.endswith(iri) and message in v.message for v in report.violations), [
        str(v) for v in report.violations
    ]


@pytest.mark.slow  # a pySHACL run of the whole sample per case
@pytest.mark.parametrize("label", ["Ырыс", "2020", "Nur Otan (party)", "Ꭰ"])
def test_names_in_any_script_or_of_digits_conform(sample_dataset, label):
    graph = _renamed(union_graph(sample_dataset), ENT.Nur_Otan_Party, ENT.Renamed, label)
    assert validate_graph(graph).conforms, [str(v) for v in validate_graph(graph).violations]


def test_junk_text_makes_no_entity_without_a_letter_or_digit(nlp):
    """Punctuation and symbols ("#", "&", ")") in the text never become entities or aliases: the
    graph of junk text conforms."""
    from graph.documents import document_from_text
    from graph.pipeline import build_graph
    from graph.rdf.model import to_dataset

    texts = [
        "# met & in 2019. & criticised # in 2019.",
        "Smith held a meeting with ) , he said. ) met Smith!",
        "The 😀 club met #. He criticised the party.",
    ]
    kg = build_graph([document_from_text(f"junk-{n}", text) for n, text in enumerate(texts)])
    names = [name for e in kg.entities for name in (e.label, *e.aliases)]
    assert names and all(any(c.isalnum() for c in name) for name in names), names
    assert validate_graph(to_dataset(kg)).conforms
