"""The hand-written sentence sets (tests/data/event_cases_{id,en}.yaml): source, target, type, modality, negation.

Each case is one test. The constructions the coder does not handle yet are listed, one phenomenon at a time, in
tests/data/event_cases_known_gaps.txt; the cases under a phenomenon run as strict xfails: a fix makes them fail
until the line is removed, so the list only shrinks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.event_cases import coded_keys, expected_keys, load_cases
from tests.gaps import read_gaps

GAPS_FILE = Path(__file__).parent / "data" / "event_cases_known_gaps.txt"
GAPS = read_gaps(GAPS_FILE)
KNOWN_GAPS = {case for cases in GAPS.values() for case in cases}


def _params():
    for lang in ("id", "en"):
        for case in load_cases(lang):
            marks = [pytest.mark.xfail(strict=True, reason="known gap")] if f"{lang}:{case['id']}" in KNOWN_GAPS else []
            yield pytest.param(lang, case, id=f"{lang}-{case['id']}", marks=marks)


@pytest.mark.parametrize(("lang", "case"), list(_params()))
def test_event_case(lang: str, case: dict) -> None:
    assert coded_keys(case, lang) == expected_keys(case), case["text"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_event_cases_cover_every_plover_type(lang: str) -> None:
    from relasi.model import PLOVER_TYPES

    covered = {key[2] for case in load_cases(lang) for key in expected_keys(case)}
    assert covered == set(PLOVER_TYPES)
    assert len(load_cases(lang)) >= 60


def test_known_gaps_name_phenomena_of_existing_cases() -> None:
    ids = {f"{lang}:{case['id']}" for lang in ("id", "en") for case in load_cases(lang)}
    assert all(cases for cases in GAPS.values()), "a phenomenon with no case left must go"
    assert KNOWN_GAPS <= ids, sorted(KNOWN_GAPS - ids)
