"""The shortcuts actor recognition takes for speed give what the plain reading gives: names that must match exactly
are found as written, one Actor per dictionary row is shared, and the phrase scans that skip ahead find the same
matches as the patterns with a look-behind."""

from __future__ import annotations

import re

import pytest

from relasi.actors import find_actors
from relasi.actors.dictionary import Entry
from relasi.actors.gazetteer import Gazetteer
from relasi.actors.resolve import _word_start_matches
from relasi.model import Article
from relasi.packs import load_pack


def entry(name: str, code: str, flags: str = "", kind: str = "STATE") -> Entry:
    return Entry(name=name, kind=kind, code=code, canonical=name, country=code, sector=None, role=None,
                 valid_from=None, valid_to=None, flags=frozenset(f for f in flags.split(",") if f),
                 origin=f"test:{name}:{code}")


GAZETTEER = Gazetteer([
    entry("RI", "IDN", "cs"),
    entry("Ri", "XRI", "cs"),                 # another exact spelling of the same letters
    entry("AS", "USA", "cs"),
    entry("As", "XAS"),
    entry("UN", "UNO", "cs"),
    entry("Menteri", "", kind="ROLE_PERSON", flags="cs"),
])


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(text[h.start:h.end], tuple(e.code for e in h.entries)) for h in GAZETTEER.find(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Presiden RI dan Ri", [("RI", ("IDN",)), ("Ri", ("XRI",))]),
    ("negeri, Bali, RIAU", []),                                   # inside words, and a longer word
    ("ri dan rI", []),                                            # neither exact spelling
    ("UN dan un", [("UN", ("UNO",))]),
    # a group with a row that is not case-sensitive is read in the folded text, each row checked by its rule
    ("AS dan As dan as", [("AS", ("USA", "XAS")), ("As", ("XAS",))]),
    ("Menterinya, Menteri", [("Menterinya", ("",)), ("Menteri", ("",))]),   # a title's clitic, as written
])
def test_exact_names_match_as_written(text: str, expected: list) -> None:
    assert found(text) == expected


def test_exact_names_within_a_window() -> None:
    text = "RI, RI dan RI"
    assert [(h.start, h.end) for h in GAZETTEER.find(text, 4, 13)] == [(4, 6), (11, 13)]
    assert [(h.start, h.end) for h in GAZETTEER.find(text, 5, 13)] == [(11, 13)]


def test_one_actor_per_dictionary_row() -> None:
    pack = load_pack("id")
    body = "Indonesia dan Malaysia bertemu. Indonesia menolak. Malaysia setuju dengan Indonesia."
    first = find_actors(Article(id="a", source="a", body=body, published="2024-05-01"), pack)
    again = find_actors(Article(id="b", source="b", body=body, published="2024-05-01"), pack)
    indonesia = [m.actor for m in first.mentions + again.mentions if m.actor.code == "IDN"]
    assert len(indonesia) == 6
    assert all(actor is indonesia[0] for actor in indonesia)


def test_person_out_of_office_has_no_role() -> None:
    pack = load_pack("en")
    body = "Joko Widodo met Anthony Albanese in Jakarta."
    then = find_actors(Article(id="a", source="a", body=body, published="2015-05-01"), pack)
    later = find_actors(Article(id="b", source="b", body=body, published="2030-05-01"), pack)
    roles = {(m.text, m.actor.role) for m in then.mentions} | {(m.text, m.actor.role) for m in later.mentions}
    jokowi = {role for text, role in roles if text == "Joko Widodo"}
    assert len(jokowi) == 2 and None in jokowi     # in office in 2015, not in 2030: two actors, each shared


@pytest.mark.parametrize("text", [
    "sekedua negara, kedua negara dan KEDUA NEGARA", "kedua menteri luar negerinya", "kedua menteri luar negeri",
    "xthe two leaders met; the two leaders", "Keduanya-lah", "_kedua negara", "kedua negara_", "",
])
def test_word_start_scan_equals_look_behind(text: str) -> None:
    phrases = ["kedua menteri luar negeri", "kedua menteri", "kedua negara", "keduanya", "the two leaders",
               "two leaders"]
    alternation = "|".join(re.escape(p) for p in phrases)
    with_look_behind = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
    skipping = re.compile(rf"(?:{alternation})(?!\w)", re.IGNORECASE)
    assert [m.span() for m in _word_start_matches(skipping, text)] == \
        [m.span() for m in with_look_behind.finditer(text)]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("id", "Prabowo bertemu Anwar Ibrahim. KEDUA PEMIMPIN sepakat.", {"IDN", "MYS"}),
    ("id", "Prabowo bertemu Anwar Ibrahim. Kedua pemimpinnya sepakat.", set()),
    ("id", "Prabowo bertemu Anwar Ibrahim di İstanbul. Kedua pemimpin sepakat.", {"IDN", "MYS"}),
    ("en", "Biden called Xi Jinping. The Two Leaders agreed.", {"USA", "CHN"}),
    ("en", "Biden called Xi Jinping. Whereboth leaders agreed.", set()),
])
def test_plural_references_in_any_case(lang: str, text: str, expected: set[str]) -> None:
    pack = load_pack(lang)
    article = find_actors(Article(id="t", source="t", body=text, published="2024-05-01"), pack)
    assert {m.actor.code for m in article.mentions if m.rule == f"coref:{m.text.lower()}"} == expected
