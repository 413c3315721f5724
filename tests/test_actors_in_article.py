"""A known person's family name alone refers back to them, when nothing else could be meant."""

from __future__ import annotations

import pytest

from relasi.actors import find_actors
from relasi.model import Article
from relasi.packs import load_pack
from relasi.sentences import split_sentences


def _mentions(lang: str, text: str) -> list[tuple[str, str, str]]:
    pack = load_pack(lang)
    article = Article(id="t", source="t", body=text, language=lang, published="2024-05-01")
    article = find_actors(split_sentences(article, pack), pack)
    return [(m.text, m.actor.code, m.rule) for m in article.mentions]


@pytest.mark.parametrize(("lang", "text", "form", "code"), [
    # the last word of the name ("Penny Wong" → "Wong")
    ("id", "Sugiono bertemu Menteri Luar Negeri Australia Penny Wong di Canberra. Sugiono lalu mengundang Wong ke "
           "Jakarta.", "Wong", "AUS"),
    # a short first word: a Chinese family name comes first ("Wang Yi" → "Wang")
    ("en", "Chinese Foreign Minister Wang Yi met Sugiono in Beijing. Wang also invited Prabowo to visit China.",
     "Wang", "CHN"),
    ("en", "Japan's Foreign Minister Yoko Kamikawa called Penny Wong. Wong thanked her.", "Wong", "AUS"),
])
def test_family_name_alone_refers_back(lang: str, text: str, form: str, code: str) -> None:
    assert (form, code, "coref:surname") in _mentions(lang, text)


@pytest.mark.parametrize(("lang", "text", "form"), [
    # before the full name: no one to refer to yet
    ("en", "Wang arrived first. Chinese Foreign Minister Wang Yi then met Sugiono.", "Wang"),
    # part of a longer name ("Wang Wenbin" is someone else)
    ("en", "Chinese Foreign Minister Wang Yi met Sugiono. Spokesman Wang Wenbin said the talks went well.", "Wang"),
    # lower case is a word, not a name
    ("en", "Chinese Foreign Minister Wang Yi met Penny Wong. The wong was not mentioned.", "wong"),
])
def test_family_name_needs_an_earlier_full_mention_and_no_rival(lang: str, text: str, form: str) -> None:
    assert all(not (found == form and how == "coref:surname") for found, _, how in _mentions(lang, text))
