"""The gazetteer on hand-made entries: word boundaries, case rules, longest match, clitics, offsets after folding."""

from __future__ import annotations

import pytest

from relasi.actors.dictionary import Entry
from relasi.actors.gazetteer import Gazetteer, fold


def entry(name: str, kind: str = "STATE", code: str | None = None, flags: str = "") -> Entry:
    return Entry(name=name, kind=kind, code=code, canonical=name, country=code, sector=None, role=None,
                 valid_from=None, valid_to=None, flags=frozenset(f for f in flags.split(",") if f),
                 origin=f"test:{name}")


GAZETTEER = Gazetteer([
    entry("Rusia", code="RUS"),
    entry("Russia", code="RUS"),
    entry("AS", code="USA", flags="cs"),
    entry("Amerika", code="USA"),
    entry("Amerika Serikat", code="USA"),
    entry("Amerika Latin", kind="NONE"),
    entry("Korea", code="KOR", flags="ambiguous"),
    entry("Korea Selatan", code="KOR"),
    entry("Korea Utara", code="PRK"),
    entry("China", code="CHN"),
    entry("Turki", code="TUR"),
    entry("İstanbul", kind="CITY", code="TUR"),
    entry("Menteri", kind="ROLE_PERSON"),
    entry("Perdana Menteri", kind="ROLE_PERSON"),
    entry("juru bicara", kind="ROLE_PERSON"),
])


def found(text: str) -> list[tuple[str, str]]:
    return [(text[h.start:h.end], h.kind) for h in GAZETTEER.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("warga Rusia.", [("Rusia", "STATE")]),
        ("Rusiawan itu", []),
        ("AntiRusia", []),
        ("pro-Rusia", [("Rusia", "STATE")]),
        ("(Rusia)", [("Rusia", "STATE")]),
        ("Rusia_1", []),
        ("Russian troops", []),
        ("Rusia2024", []),
        # a state's letters before a dollar sign are a currency, not the state
        ("hibah AS$5 juta dari AS", [("AS", "STATE")]),
        ("Amerika$ dan China $5", [("China", "STATE")]),
    ],
)
def test_gazetteer_word_boundaries(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Presiden AS Joe Biden", [("AS", "STATE")]),
        ("AS dan China", [("AS", "STATE"), ("China", "STATE")]),
        ("sama as roda", []),
        ("As always", []),
        ("the china cabinet", []),
        ("CHINA DAILY", [("CHINA", "STATE")]),
        ("di amerika", []),
        ("Juru bicara Kremlin", [("Juru bicara", "ROLE_PERSON")]),
        ("kata juru bicara itu", [("juru bicara", "ROLE_PERSON")]),
    ],
)
def test_gazetteer_case_rules(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Korea Selatan dan Korea Utara", [("Korea Selatan", "STATE"), ("Korea Utara", "STATE")]),
        ("Korea bersatu", [("Korea", "STATE")]),
        ("negara Amerika Latin", [("Amerika Latin", "NONE")]),
        ("Amerika Serikat", [("Amerika Serikat", "STATE")]),
        ("Amerika Selatan", [("Amerika", "STATE")]),
        ("Perdana Menteri Rusia", [("Perdana Menteri", "ROLE_PERSON"), ("Rusia", "STATE")]),
    ],
)
def test_gazetteer_longest_match_wins(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Menterinya hadir", [("Menterinya", "ROLE_PERSON")]),
        ("Perdana Menterinya, Vladimir", [("Perdana Menterinya", "ROLE_PERSON")]),
        ("Menterinyalah", []),
        ("Rusianya", []),
    ],
)
def test_gazetteer_clitic_only_on_titles(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", ["İstanbul", "Di İSTANBUL", "ΣΟΦΊΑ", "Straße", "ﬁ Rusia"])
def test_gazetteer_fold_keeps_length(text: str) -> None:
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Di İstanbul, Rusia dan Turki bertemu.", [("İstanbul", "CITY"), ("Rusia", "STATE"), ("Turki", "STATE")]),
        ("İİİ Rusia", [("Rusia", "STATE")]),
    ],
)
def test_gazetteer_offsets_survive_dotted_capital_i(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("start", "end", "expected"), [(0, None, 2), (6, None, 1), (0, 5, 1), (7, 12, 0)])
def test_gazetteer_find_within_window(start: int, end: int | None, expected: int) -> None:
    assert len(GAZETTEER.find("Rusia Turki", start, end)) == expected


@pytest.mark.parametrize("names", [[], ["   "]])
def test_gazetteer_empty_finds_nothing(names: list[str]) -> None:
    assert Gazetteer([entry(n) for n in names]).find("Rusia") == []
