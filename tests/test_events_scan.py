"""The fast regex forms of events/scan.py give exactly what the plain forms give: same matches, same spans."""

from __future__ import annotations

import random
import re
import string
import sys
from pathlib import Path

import pytest

from relasi.actors.gazetteer import fold
from relasi.events.scan import IGNORECASE_EXTRAS, TriggerScanner, plain_word_regex, start_words, word_regex
from relasi.packs import load_pack

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    rnd = random.Random(7)
    alphabet = "aAbBdDeEgGiIkKsSnNtT \u0130\u0131\u017f\u212a_9;&-é“”\n.,’'"
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60))) for _ in range(200)]
    # every trigger word of both packs, in other cases and in odd company
    for lang in ("id", "en"):
        words = [str(t) for p in load_pack(lang).verbs for t in p.get("triggers", ()) if not str(t).startswith("re:")]
        texts.append(" ".join(words).upper() + " " + "_".join(words) + " " + ". ".join(words))
    return texts


TEXTS = _texts()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("spoke(?= with| to)", ("spoke",)),
        ("(?:held|had) (?:a )?phone call", ("held", "had")),
        ("(?:is|amounts? to|constitutes?) an? attack", ("is", "amount", "constitute")),
        ("menyebut(?:nya)? (?:\\S+ ){0,4}?sebagai", ("menyebut",)),
        ("calling it", ("calling it",)),
        ("(?:a|b)?c", None),                  # the group may be absent
        ("a|b", None),                        # alternatives outside a group
        ("(?:a|b)c|d", None),
        ("(?x)a b", None),                    # verbose mode: spaces mean nothing
        ("\\w+ said", None),
        ("(?:|a)b", None),
    ],
)
def test_scan_start_words(source, expected):
    assert start_words(source) == expected


@pytest.mark.parametrize("lang", ["id", "en"])
def test_scan_triggers_match_finditer(lang):
    sources = [str(t)[3:] for p in load_pack(lang).verbs for t in p.get("triggers", ()) if str(t).startswith("re:")]
    sources += ["(?:is|amounts? to) an? attack", "spoke(?= with| to)", "k", "s(?:aid)?", "(?:a|b)?c"]
    regexes = [re.compile(rf"(?<!\w)(?:{s})(?!\w)", re.IGNORECASE) for s in sources]
    scanner = TriggerScanner([(rx, (), start_words(s)) for rx, s in zip(regexes, sources, strict=True)])
    for text in TEXTS:
        found = scanner.matches(text, fold(text))
        for rx, matches in zip(regexes, found, strict=True):
            assert [m.span() for m in matches] == [m.span() for m in rx.finditer(text)], (rx.pattern, text[:80])


def test_scan_trigger_gate_skips_absent_words():
    rx = re.compile(r"(?<!\w)(?:bertemu)(?!\w)", re.IGNORECASE)
    scanner = TriggerScanner([(rx, ("pertemuan",), ("bertemu",))])
    assert scanner.matches("Mereka bertemu.", "mereka bertemu.") == [[]]
    assert [m.span() for m in scanner.matches("Pertemuan: bertemu.", "pertemuan: bertemu.")[0]] == [(11, 18)]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_scan_word_regex_matches_plain_form(lang):
    pack = load_pack(lang)
    lists = [pack.words(k) for k, v in pack.grammar.items() if isinstance(v, list)]
    lists += [("Dengan", "dengan", "di tengah", "di tengah-tengah", "a", "ab", "_x", "9a", ";", "&", "is", "si"),
              ("s", "i", "k", "said"), ("\u0131s",), ()]
    rnd = random.Random(3)
    for words in lists:
        fast, plain = word_regex(words), plain_word_regex(words)
        for text in TEXTS:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], words
            i = rnd.randint(0, len(text))
            j = rnd.randint(i, len(text))
            for method in ("search", "match"):
                a, b = getattr(fast, method)(text, i, j), getattr(plain, method)(text, i, j)
                assert (a and a.span()) == (b and b.span()), (words, method, i, j)


def test_scan_ignorecase_extras_are_complete():
    # word_regex's first-letter class must hold every character IGNORECASE matches to an ASCII one; only
    # characters with a case mapping can match a letter other than themselves
    cased = [chr(c) for c in range(128, sys.maxunicode + 1)
             if not 0xD800 <= c < 0xE000 and (chr(c).lower() != chr(c) or chr(c).upper() != chr(c))]
    for char in string.printable:
        rx = re.compile(re.escape(char), re.IGNORECASE)
        extras = {c for c in cased if rx.fullmatch(c)}
        assert extras == set(IGNORECASE_EXTRAS.get(char.lower(), "")), char
