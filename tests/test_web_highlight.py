"""relasi.web.highlight: body runs by offsets, safe links, search marks."""

from __future__ import annotations

import pytest

from relasi.web.highlight import Span, http_url, marked, runs


@pytest.mark.parametrize(("body", "mentions", "events", "expected"), [
    ("Biden met Xi.", [Span(0, 5, 0, "USA"), Span(10, 12, 1, "CHN")], [Span(0, 13, 7)],
     [("Biden", 0, (7,), (7,)), (" met ", None, (7,), ()), ("Xi", 1, (7,), ()), (".", None, (7,), ())]),
    ("ab", [], [], [("ab", None, (), ())]),
    ("", [Span(0, 3, 0)], [], []),
])
def test_highlight_runs_cut_the_body_by_spans(body: str, mentions: list[Span], events: list[Span],
                                              expected: list[tuple]) -> None:
    got = [(r.text, r.mention.key if r.mention else None, r.events, r.anchors) for r in runs(body, mentions, events)]
    assert got == expected
    assert "".join(r.text for r in runs(body, mentions, events)) == body


@pytest.mark.parametrize(("spans", "kept_text"), [
    ([Span(-5, 3, 0)], "abc"),            # clamped to the body
    ([Span(8, 99, 0)], "ij"),
    ([Span(5, 2, 0), Span(4, 4, 1)], None),   # reversed and empty spans are ignored
])
def test_highlight_runs_treat_offsets_as_untrusted(spans: list[Span], kept_text: str | None) -> None:
    body = "abcdefghij"
    result = runs(body, spans, [])
    assert "".join(r.text for r in result) == body
    marked_text = [r.text for r in result if r.mention]
    assert marked_text == ([kept_text] if kept_text else [])


@pytest.mark.parametrize(("mentions", "expected_key"), [
    ([Span(0, 11, 0, "wide"), Span(6, 11, 1, "narrow")], 1),
])
def test_highlight_runs_prefer_the_narrowest_mention(mentions: list[Span], expected_key: int) -> None:
    result = runs("Menlu Rusia", mentions, [])
    assert [r.mention.key for r in result if r.text == "Rusia"] == [expected_key]  # type: ignore[union-attr]


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"),
    ("http://example.org", "http://example.org"),
    ("  https://example.org/x  ", "https://example.org/x"),
    ("javascript:alert(1)", None),
    ("  JaVaScRiPt:alert(1)", None),
    ("java\nscript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("vbscript:msgbox", None),
    ("//evil.example/x", None),
    ("/relative/path", None),
    ("https://", None),
    ("https://exa mple.org", None),
    ("http://[::1", None),
    (None, None),
    ("", None),
])
def test_highlight_http_url_allows_only_absolute_http_links(url: str | None, expected: str | None) -> None:
    assert http_url(url) == expected


@pytest.mark.parametrize(("text", "needle", "expected"), [
    ("China and china", "CHINA", [("China", True), (" and ", False), ("china", True)]),
    ("no match", "xyz", [("no match", False)]),
    ("abc", None, [("abc", False)]),
    ("İstanbul visit", "visit", [("İstanbul visit", False)]),   # lower() changes the length: no marks
])
def test_highlight_marked_finds_case_insensitive_matches(text: str, needle: str | None,
                                                         expected: list[tuple[str, bool]]) -> None:
    assert list(marked(text, needle)) == expected
