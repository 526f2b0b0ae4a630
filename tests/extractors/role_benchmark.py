"""Role-pattern benchmark: the sentences of ``role_patterns.jsonl`` through the whole pipeline.

Each line of ``role_patterns.jsonl`` is one short news text written for this benchmark (invented
people and organisations, the shapes news uses to say who holds which position) with the
memberships a reader expects from it: person, role, organisation ("" for none written) and whether
the role is a former one. Alternatives are separated by ``|`` (``"|Ohio"``: none, or Ohio).

Every text is built on its own with :func:`graph.pipeline.build_graph`; its
:class:`~graph.types.Membership` values (member, role, organisation, former) are compared with the
expected ones. A membership matches when all four agree (names and roles compared case-insensitively);
it matches *partly* when person and role agree but the organisation or the former flag do not.

Run ``python -m tests.extractors.role_benchmark`` for the per-pattern table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

BENCHMARK = Path(__file__).with_name("role_patterns.jsonl")

Role = tuple[str, str, str, bool]  # person, role, organisation ("" for none), former


@dataclass
class Case:
    id: str
    pattern: str
    text: str
    expected: list[Role]
    found: list[Role] = field(default_factory=list)

    def matches(self) -> tuple[int, int, int]:
        """(expected roles found exactly, expected roles found partly, found roles that match exactly)."""
        exact = sum(1 for e in self.expected if any(_match(e, f) for f in self.found))
        partly = sum(
            1
            for e in self.expected
            if not any(_match(e, f) for f in self.found) and any(_part(e, f) for f in self.found)
        )
        right = sum(1 for f in self.found if any(_match(e, f) for e in self.expected))
        return exact, partly, right


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split()).removeprefix("the ")


def _one_of(expected: str, found: str) -> bool:
    return _norm(found) in {_norm(alternative) for alternative in expected.split("|")}


def _part(expected: Role, found: Role) -> bool:
    return _one_of(expected[0], found[0]) and _one_of(expected[1], found[1])


def _match(expected: Role, found: Role) -> bool:
    return _part(expected, found) and _one_of(expected[2], found[2]) and expected[3] == found[3]


def load_cases(path: Path = BENCHMARK) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        expected = [(r["person"], r["role"], r["organization"] or "", bool(r["former"])) for r in row["roles"]]
        cases.append(Case(row["id"], row["pattern"], row["text"], expected))
    return cases


def run_cases(cases: list[Case]) -> list[Case]:
    """Build each case's text on its own and keep the memberships of the graph."""
    from graph.pipeline import build_graph
    from graph.types import Document

    for case in cases:
        kg = build_graph([Document(id=case.id, text=case.text)])
        labels = {e.id: e.label for e in kg.entities}
        case.found = sorted(
            {
                (
                    labels.get(m.member, m.member),
                    m.role,
                    labels.get(m.organization, "") if m.organization else "",
                    m.former,
                )
                for m in kg.memberships
            }
        )
    return cases


@dataclass(frozen=True)
class Score:
    expected: int
    found: int
    exact: int
    partly: int
    right: int

    @property
    def recall(self) -> float:
        return self.exact / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0


def score(cases: list[Case]) -> Score:
    exact = partly = right = 0
    for case in cases:
        e, p, r = case.matches()
        exact, partly, right = exact + e, partly + p, right + r
    return Score(
        expected=sum(len(c.expected) for c in cases),
        found=sum(len(c.found) for c in cases),
        exact=exact,
        partly=partly,
        right=right,
    )


def report(cases: list[Case]) -> str:
    lines = []
    for case in cases:
        e, p, r = case.matches()
        ok = e == len(case.expected) and r == len(case.found)
        mark = "ok  " if ok else ("part" if e or p else "MISS")
        lines.append(f"{mark} {case.id} {case.pattern}: {case.text}")
        for role in case.expected:
            hit = any(_match(role, f) for f in case.found)
            lines.append(f"       expected {'+' if hit else '-'} {role}")
        for role in case.found:
            if not any(_match(e, role) for e in case.expected):
                lines.append(f"       extra      {role}")
    s = score(cases)
    lines.append(
        f"expected {s.expected}  found {s.found}  exact {s.exact}  partly {s.partly}  "
        f"recall {s.recall:.3f}  precision {s.precision:.3f}"
    )
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(report(run_cases(load_cases())))
