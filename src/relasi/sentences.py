"""Sentence splitting by offsets: paragraphs first, then sentence-final punctuation not after an abbreviation."""

from __future__ import annotations

import re

from relasi.model import Article

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace and an opener; also
# with no space at all between a lower-case word and a capitalised one, where pages joined paragraphs
# ("… dan China.Sebelum bertemu …").
_BOUNDARY = re.compile(r"""[.!?]+["'”’»)\]]*(?=\s+["'“‘«(\[]?[A-Z0-9À-ÖØ-Þ])"""
                       r"""|(?<=[A-Za-z][a-z])[.!?]+["'”’»)\]]*(?=["“]?[A-Z][a-z])""")
_INITIAL = re.compile(r"(?:^|[\s(])(?:[A-Z]|[A-Z][a-z]?)\.$")

DEFAULT_ABBREVIATIONS = frozenset(
    "dr prof ir h hj kh st no jl tn ny sdr mr mrs ms jr sr gen lt col maj capt sgt rep sen gov pres vs etc "
    "u.s u.n u.k e.g i.e a.s inc ltd corp co dll dsb dkk tsb yth bpk ibu drs mt msc phd".split()
)


def split_spans(text: str, abbreviations: frozenset[str] = DEFAULT_ABBREVIATIONS) -> list[tuple[int, int]]:
    """(start, end) of every sentence in `text`, trimmed of surrounding whitespace."""
    # Paragraphs (a blank line between them) and single newlines both end sentences, in flattened pages too, so
    # every line is read on its own; the blank lines between paragraphs hold no sentence.
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line and not line.isspace():
            spans.extend(_split_line(text, start, end, abbreviations))
        start = end + 1
    return spans


def _split_line(text: str, start: int, end: int, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for match in _BOUNDARY.finditer(text, start, end):
        before = text[cursor:match.start() + 1]       # never blank: it ends with the match's first mark
        word = before.rsplit(None, 1)[-1].rstrip(".").lower()
        # an initial is at most four characters at the end ("(A.", " Jr."): the last five decide it
        if word in abbreviations or _INITIAL.search(before[-5:]):
            continue
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, end))
    return [trimmed for span in spans if (trimmed := _trim(text, *span))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def split_sentences(article: Article, pack: object = None) -> Article:
    abbreviations = getattr(pack, "abbreviations", DEFAULT_ABBREVIATIONS)
    return article.with_(sentences=tuple(split_spans(article.body, abbreviations)))
