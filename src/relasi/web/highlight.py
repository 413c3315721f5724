"""Cut an article body into runs of text by the spans that cover them, for highlighting in a template.

The template escapes every run itself; nothing here produces markup. Offsets come from the database
and are treated as untrusted too: clamped to the body, empty or reversed spans ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    key: int                 # index of the mention, or the event id
    label: str = ""          # shown as a tooltip


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    mention: Span | None             # the narrowest mention covering the run
    events: tuple[int, ...]          # ids of the events whose sentence covers the run
    anchors: tuple[int, ...]         # ids of the events whose sentence starts here


def runs(body: str, mentions: Iterable[Span], events: Iterable[Span]) -> list[Run]:
    size = len(body)
    mentions = _clean(mentions, size)
    events = _clean(events, size)
    cuts = sorted({0, size, *(s.start for s in (*mentions, *events)), *(s.end for s in (*mentions, *events))})
    out: list[Run] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in mentions if m.start <= start and end <= m.end]
        mention = min(covering, key=lambda m: (m.end - m.start, m.start)) if covering else None
        ids = tuple(e.key for e in events if e.start <= start and end <= e.end)
        anchors = tuple(e.key for e in events if e.start == start)
        out.append(Run(body[start:end], mention, ids, anchors))
    return out


def _clean(spans: Iterable[Span], size: int) -> list[Span]:
    kept = []
    for span in spans:
        start, end = max(0, min(span.start, size)), max(0, min(span.end, size))
        if start < end:
            kept.append(Span(start, end, span.key, span.label))
    return kept


def http_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL, else None: never a `javascript:` or `data:` link."""
    if not url:
        return None
    url = url.strip()
    if any(ord(ch) < 32 or ch in " \x7f" for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def marked(text: str, needle: str | None) -> Sequence[tuple[str, bool]]:
    """`text` as (piece, matches) pairs around case-insensitive occurrences of `needle`."""
    if not needle:
        return [(text, False)]
    lowered, target = text.lower(), needle.lower()
    if len(lowered) != len(text):          # a case mapping that changes length would shift offsets
        return [(text, False)]
    pieces: list[tuple[str, bool]] = []
    position = 0
    while (found := lowered.find(target, position)) >= 0:
        if found > position:
            pieces.append((text[position:found], False))
        pieces.append((text[found:found + len(needle)], True))
        position = found + len(needle)
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def marked_terms(text: str, terms: Sequence[str]) -> Sequence[tuple[str, bool]]:
    """`text` as (piece, matches) pairs around the words and phrases a full-text search matched: each term at the
    start of a word, any case. Pieces are plain text; the template escapes them."""
    words = [r"\s+".join(re.escape(w) for w in term.split()) for term in terms if term.strip()]
    if not words:
        return [(text, False)]
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")", re.IGNORECASE)
    pieces: list[tuple[str, bool]] = []
    position = 0
    for found in pattern.finditer(text):
        if found.start() > position:
            pieces.append((text[position:found.start()], False))
        pieces.append((found.group(), True))
        position = found.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces
