"""The hand-annotated clause sets (tests/data/clauses_{id,en}.yaml): every slot of every annotated predicate.

Each case is one test. The readings the clause step does not get right yet are listed by phenomenon in
tests/data/clause_cases_known_gaps.txt; the cases under a phenomenon run as strict xfails, so a fix fails the test
until its line is removed and the list only shrinks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clause_cases import compare, load_cases
from tests.gaps import read_gaps

GAPS = read_gaps(Path(__file__).parent / "data" / "clause_cases_known_gaps.txt")
KNOWN_GAPS = {case for cases in GAPS.values() for case in cases}


def _params():
    for lang in ("id", "en"):
        for case in load_cases(lang):
            marks = [pytest.mark.xfail(strict=True, reason="known gap")] if f"{lang}:{case['id']}" in KNOWN_GAPS else []
            yield pytest.param(lang, case, id=f"{lang}-{case['id']}", marks=marks)


@pytest.mark.parametrize(("lang", "case"), list(_params()))
def test_clause_case(lang: str, case: dict) -> None:
    assert compare(case, lang) == [], case["text"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_clause_sets_are_large_and_varied(lang: str) -> None:
    cases = load_cases(lang)
    assert len(cases) >= 150
    kinds = {p.get("clause") for case in cases for p in case.get("predicates") or ()}
    assert {"main", "relative", "complement", "quote", "conditional", "purpose", "temporal"} <= kinds


def test_known_gaps_name_phenomena_of_existing_cases() -> None:
    ids = {f"{lang}:{case['id']}" for lang in ("id", "en") for case in load_cases(lang)}
    assert all(cases for cases in GAPS.values()), "a phenomenon with no case left must go"
    assert KNOWN_GAPS <= ids, sorted(KNOWN_GAPS - ids)
