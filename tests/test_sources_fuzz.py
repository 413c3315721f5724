"""Hypothesis fuzzing of every reader and the cleaner: whatever the bytes, no exception escapes.

A reader turns bad input into a Dropped; the extractor (with its character cleaner) into an Article or a
Dropped. Issue 11: before, a lone surrogate, a control character or a damaged archive ended the run.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relasi.extract import extract
from relasi.extract.chars import safe_text
from relasi.model import Article, Document, Dropped
from relasi.sources import iter_documents
from relasi.sources.feeds import read_listing

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Text with what breaks parsers: controls, surrogates, non-characters, markup and long words.
NASTY = st.lists(st.one_of(st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF),
                           st.sampled_from(["\x00", "\x0c", "\ud800", "\udfff", "\ufffe", "<", ">", "&", "\n",
                                            "<p>", "</div>", "<!--", "]]>", "<html><body><p>", "Menteri bertemu "])),
                 max_size=200).map("".join)
BYTES = st.binary(max_size=2000)


def _read(name: str, data: bytes) -> list[Document | Dropped]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(iter_documents([str(path)]))
    for item in items:
        assert isinstance(item, (Document, Dropped))
        if isinstance(item, Dropped):
            assert "\n" not in item.message()
    return items


@FUZZ
@given(BYTES)
def test_sources_fuzz_text_reader(data: bytes) -> None:
    _read("page.txt", data)


@FUZZ
@given(BYTES)
def test_sources_fuzz_html_reader(data: bytes) -> None:
    _read("page.html", data)


@FUZZ
@given(st.lists(st.one_of(BYTES, NASTY.map(lambda text: json.dumps({"text": text, "title": text}).encode()),
                          st.just(b'{"html": "<p>x</p>", "url": 5}')), max_size=6))
def test_sources_fuzz_jsonl_reader(lines: list[bytes]) -> None:
    _read("feed.jsonl", b"\n".join(lines))


@FUZZ
@given(BYTES, st.booleans())
def test_sources_fuzz_warc_reader(data: bytes, gz: bool) -> None:
    prefix = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n"
    _read("crawl.warc.gz" if gz else "crawl.warc", data if gz else prefix + data)


@FUZZ
@given(st.one_of(BYTES, NASTY.map(lambda text: text.encode("utf-8", "surrogatepass"))))
def test_sources_fuzz_feed_reader(data: bytes) -> None:
    listing = read_listing(data)
    assert listing.problem is None or ":" in listing.problem


@FUZZ
@given(NASTY)
def test_sources_fuzz_cleaner(text: str) -> None:
    cleaned, _ = safe_text(text)
    cleaned.encode("utf-8")                                      # storable
    for fmt in ("text", "html"):
        result = extract(Document("fuzz", text, fmt))
        assert isinstance(result, (Article, Dropped))
        if isinstance(result, Article):
            result.body.encode("utf-8")
