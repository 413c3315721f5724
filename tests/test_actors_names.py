"""Actor names as people type them (issue 12): codes, names and aliases in any pack language, suggestions."""

from __future__ import annotations

import pytest

from relasi.actors.names import fold, name_index


@pytest.mark.parametrize(("typed", "code"), [
    ("IDN", "IDN"), ("idn", "IDN"), ("Indonesia", "IDN"), ("RI", "IDN"), ("Amerika Serikat", "USA"),
    ("amerika  serikat", "USA"), ("United States", "USA"), ("Tiongkok", "CHN"), ("PBB", "UN"), ("Kremlin", "RUS"),
])
def test_names_resolve_codes_names_and_aliases(typed: str, code: str) -> None:
    assert name_index().resolve(typed).code == code


@pytest.mark.parametrize(("typed", "expected"), [("Indonesa", "Indonesia (IDN)"), ("Amrika Serikat", "(USA)")])
def test_names_suggest_near_matches_for_an_unknown_name(typed: str, expected: str) -> None:
    found = name_index().resolve(typed)
    assert found.code is None
    assert any(expected in suggestion for suggestion in found.suggestions)


@pytest.mark.parametrize(("code", "label"), [("IND", "India (IND)"), ("USA", "United States (USA)"), ("ZZZ", "ZZZ")])
def test_names_give_one_display_form(code: str, label: str) -> None:
    assert name_index().label(code) == label


@pytest.mark.parametrize(("a", "b"), [("Côte d'Ivoire", "cote d'ivoire"), ("  Amerika   Serikat ", "amerika serikat")])
def test_names_fold_case_accents_and_spaces(a: str, b: str) -> None:
    assert fold(a) == fold(b)
