"""Word shapes the clause step must not take for verbs: Indonesian nouns with a clitic, reduplicated adverbs,
quantifiers that look like ber- verbs, and capitalised names inside a sentence."""

from __future__ import annotations

import pytest

from relasi.actors import find_actors
from relasi.clauses import parse_clauses
from relasi.clauses.words import compile_words
from relasi.model import Article
from relasi.packs import load_pack
from relasi.sentences import split_sentences


@pytest.mark.parametrize("word", ["diplomatnya", "mentah-mentah", "diam-diam", "terang-terangan", "berbagai",
                                  "berikut", "menengah", "berturut-turut",
                                  # loanwords in di-/me- and ber- adjectives
                                  "disinformasi", "diskriminasi", "memorandum", "berani", "berwenang", "berdaulat",
                                  "bermanfaat", "bertahun-tahun", "berabad-abad", "berdekade-dekade"])
def test_indonesian_lookalikes_are_not_verbs(word: str) -> None:
    assert not compile_words(load_pack("id")).is_verb(word)


@pytest.mark.parametrize("word", ["menyerang", "dikirim", "bertemu", "mengecam", "disebut", "dikecam", "berunding",
                                  "berjanji"])
def test_indonesian_verbs_stay_verbs(word: str) -> None:
    assert compile_words(load_pack("id")).is_verb(word)


def _predicates(lang: str, text: str) -> list[str]:
    pack = load_pack(lang)
    article = Article(id="t", source="t", body=text, published="2025-02-11", language=lang)
    article = parse_clauses(find_actors(split_sentences(article, pack), pack), pack)
    return [p.text for parse in article.parses for p in parse.predicates]


def test_a_capitalised_word_inside_a_sentence_is_a_name_not_a_verb() -> None:
    found = _predicates("id", "Duta Besar Jepang bertemu Menlu Sugiono di kediamannya di Menteng dan membahas "
                              "kerja sama maritim.")
    assert "menteng" not in found and "bertemu" in found and "membahas" in found


def test_a_sentence_initial_verb_is_still_a_verb() -> None:
    assert "menyerang" in _predicates("id", "Menyerang kapal Filipina, China kembali memicu ketegangan.")
