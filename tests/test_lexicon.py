"""The closed word lists (graph.lexicon) and the import directions that keep them shared."""

from __future__ import annotations

import ast
from pathlib import Path

from graph import lexicon
from graph.resolve.entities import ENTITY_TYPES

GRAPH = Path(__file__).resolve().parents[1] / "graph"


def test_words_are_lower_case_lemmas_or_forms():
    for name in lexicon.__all__:
        words = getattr(lexicon, name)
        for word in words:
            assert word == word.lower().strip() and not word.endswith("."), (name, word)


def test_reporting_verbs_include_the_speech_verbs():
    assert lexicon.SPEECH_VERBS < lexicon.REPORTING_VERBS


def test_category_nouns_name_entity_types():
    assert set(lexicon.CATEGORY_NOUNS.values()) <= set(ENTITY_TYPES)


def _imports(path: Path) -> set[str]:
    """The graph modules a source file imports, as absolute dotted names."""
    package = list(path.relative_to(GRAPH.parent).with_suffix("").parts[:-1])  # the package the file is in
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m == "graph" or m.startswith("graph.")}


def _imports_of(folder: str) -> dict[str, set[str]]:
    return {str(p.relative_to(GRAPH)): _imports(p) for p in sorted((GRAPH / folder).glob("*.py"))}


def test_resolution_never_imports_the_extractors():
    for path, modules in _imports_of("resolve").items():
        assert not any(m.startswith("graph.extractors") for m in modules), path


def test_extractors_never_import_later_stages():
    for path, modules in _imports_of("extractors").items():
        assert not any(m.startswith(("graph.resolve", "graph.evaluate", "graph.pipeline")) for m in modules), path


def test_the_registry_never_imports_its_plugins():
    modules = _imports(GRAPH / "extractors" / "registry.py")
    assert not any(m.startswith("graph.extractors.") for m in modules), modules


def test_lexicon_and_syntax_import_no_stage():
    for path in sorted((GRAPH / "lexicon").glob("*.py")):  # the package imports only its own modules
        assert {m for m in _imports(path) if not m.startswith("graph.lexicon.")} <= {"graph.lexicon"}, path
    assert {m.split(".")[1] for m in _imports(GRAPH / "syntax.py")} <= {"lexicon", "types"}
