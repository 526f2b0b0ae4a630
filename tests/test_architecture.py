"""The package's shape: stages import only earlier stages, and module names never shadow the API.

These read the source with :mod:`ast` (nothing is imported), so they hold for imports written
inside functions too: an import circle hidden in a function body is still a circle.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import graph

PACKAGE = Path(graph.__file__).parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py")) if "ontology" not in path.parts}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement that runs at some point: module level or in a function body, but not
    under ``if TYPE_CHECKING:`` (those are for the type checker only)."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                found.append(child)
            visit(child)

    visit(tree)
    return found


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def import_edges() -> dict[str, set[str]]:
    """module -> the modules of graph/ it imports (the deepest existing module each import names)."""
    modules = _modules()
    edges: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        for node in _runtime_imports(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = _resolve(name, is_package, node)
                targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
            for target in targets:
                if target in modules and target != name:
                    edges[name].add(target)
                    break
                # ``from .x import y`` where y is not a module: the edge is to x
                while "." in target and target not in modules:
                    target = target.rsplit(".", 1)[0]
                if target in modules and target != name and target != "graph":
                    edges[name].add(target)
                    break
    return edges


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for succ in sorted(edges.get(node, ())):
            if state.get(succ) == 1:
                return [*stack[stack.index(succ) :], succ]
            if succ not in state:
                cycle = visit(succ)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_no_import_cycle_inside_the_package():
    cycle = find_cycle(import_edges())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_cycle_finder_finds_a_planted_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_submodule_shares_a_name_with_a_public_function():
    public = {name for name in graph.__all__ if callable(getattr(graph, name, None)) and name.islower()}
    submodules = {path.stem for path in PACKAGE.iterdir() if path.suffix == ".py"}
    submodules |= {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
    assert public, "graph.__all__ names no public function"
    assert not public & submodules, f"modules named like public functions: {sorted(public & submodules)}"


def test_import_graph_stays_light():
    """``import graph`` must not pull in rdflib, pyoxigraph, networkx or spaCy: every ``newsgraph``
    call pays for them otherwise (they load when a function needs them)."""
    code = (
        "import sys, graph, graph.cli\n"
        "heavy = sorted(m for m in ('rdflib', 'pyoxigraph', 'networkx', 'spacy') if m in sys.modules)\n"
        "print(','.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_every_package_folder_is_installed():
    """pyproject.toml lists the packages by hand (two come from folders outside graph/): a folder of
    modules missing from the list would be left out of a non-editable install."""
    import tomllib

    listed = set(tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {_module_name(path.parent / "__init__.py") for path in PACKAGE.rglob("*.py")}
    assert folders <= listed, f"not in pyproject's packages: {sorted(folders - listed)}"
