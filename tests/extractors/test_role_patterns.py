"""The role-pattern benchmark (``role_patterns.jsonl``, see ``role_benchmark.py``) through the whole
pipeline: recall and precision of memberships may not fall below what was measured.

``python -m tests.extractors.role_benchmark`` prints the result of every sentence.
"""

from __future__ import annotations

import pytest

from .role_benchmark import load_cases, report, run_cases, score

#: measured on this benchmark (roles4 branch); a change that loses a role or adds a wrong one fails
RECALL = 0.973  # 181 of 186 expected memberships exactly (person, role, organisation, former)
PRECISION = 1.0  # 181 of 181 memberships found are expected ones


@pytest.fixture(scope="module")
def cases(nlp):
    return run_cases(load_cases())


def test_the_benchmark_is_well_formed():
    cases = load_cases()
    assert len(cases) >= 60
    assert len({c.id for c in cases}) == len(cases)
    assert sum(1 for c in cases if not c.expected) >= 5  # sentences with no role at all
    assert all(c.text and all(len(role) == 4 for role in c.expected) for c in cases)


def test_role_pattern_recall_and_precision(cases):
    result = score(cases)
    assert result.expected == 186
    assert result.recall >= RECALL, report(cases)
    assert result.precision >= PRECISION, report(cases)


def test_no_role_in_sentences_without_one(cases):
    wrong = [(c.id, c.found) for c in cases if not c.expected and c.found]
    assert not wrong
