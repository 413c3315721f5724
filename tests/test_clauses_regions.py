"""Descriptions that name a region ("negara Teluk tersebut", "the Nordic country") stand for a state of that region:
the region table and how a description's words pick a region."""

from __future__ import annotations

import pytest

from relasi.clauses.words import compile_words, region_of
from relasi.packs import load_pack


@pytest.mark.parametrize(("lang", "phrase", "member", "outsider"), [
    ("id", "negara teluk tersebut", "SAU", "ISR"),
    ("id", "negara asia tenggara itu", "VNM", "CHN"),     # the longer name wins over "asia"
    ("id", "negara asia itu", "CHN", "FRA"),
    ("en", "the middle eastern country", "ISR", "BRA"),
    ("en", "the south american country", "BRA", "MEX"),
    ("en", "the south pacific island nation", "FJI", "AUS"),
    ("en", "the nordic country", "FIN", "EST"),
])
def test_a_region_in_a_description_allows_its_states_only(lang: str, phrase: str, member: str,
                                                           outsider: str) -> None:
    states = region_of(compile_words(load_pack(lang)), phrase)
    assert states is not None and member in states and outsider not in states


@pytest.mark.parametrize(("lang", "phrase"), [("id", "negara tersebut"), ("en", "the country"),
                                              ("en", "the asianic country"), ("id", "negara pasifikasi itu")])
def test_a_description_without_a_region_allows_any_state(lang: str, phrase: str) -> None:
    assert region_of(compile_words(load_pack(lang)), phrase) is None


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_region_state_is_a_state_of_the_dictionary(lang: str) -> None:
    pack = load_pack(lang)
    words = compile_words(pack)
    assert words.description_regions, "the grammar names regions"
    states = {entry.code for entry in pack.entries if entry.kind == "STATE"}
    unknown = {code for _, members in words.description_regions for code in members} - states
    assert not unknown, f"region members that are no state of the {lang} dictionary: {sorted(unknown)}"
