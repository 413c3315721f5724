"""The map, search and the overview of issue 12 in headless Chromium: no script errors, no request leaving the
machine (the map's country shapes included), matches highlighted as text. Screenshots go to
test-artifacts/screenshots/ (map, search, overview at 1400 and 400 px)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from tests.e2e.test_web_browser import SHOTS, Visit, _visit, browser  # noqa: F401 - the browser fixture
from tests.test_web_explore import _history, _two_codes
from tests.test_web_server import SCRIPT, corpus, fill_database, live_server

pytestmark = pytest.mark.browser
WIDE = {"width": 1400, "height": 900}
NARROW = {"width": 400, "height": 860}
DATELINES = ("WASHINGTON", "JAKARTA", "BEIJING", "CANBERRA", "MOSKOW", None)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    articles = [replace(article, dateline=dateline) for article, dateline in zip(corpus(), DATELINES, strict=True)]
    path = fill_database(tmp_path_factory.mktemp("explore-browser") / "relasi.db",
                         [*articles, _history(), _two_codes()])
    with live_server(path) as url:
        yield url


@pytest.fixture
def wide(browser: Any, site: str) -> Iterator[Visit]:  # noqa: F811
    yield from _visit(browser, site, WIDE)


@pytest.fixture
def narrow(browser: Any, site: str) -> Iterator[Visit]:  # noqa: F811
    yield from _visit(browser, site, NARROW)


def test_web_browser_explore_map_draws_places_offline(wide: Visit) -> None:
    wide.open("/map", charts=("chart-map",))
    traces = wide.js("Array.from(document.getElementById('chart-map').data, t => "
                     "({name: t.name, lat: Array.from(t.lat || []), lon: Array.from(t.lon || [])}))")
    points = sum(len(t["lat"]) for t in traces)
    assert points == 5                                   # Washington, Jakarta, Beijing, Canberra, Moscow
    # The countries were drawn from relasi's own topojson: plotly asked this server, and nothing else.
    assert wide.base + "/static/topojson/world_110m.json" in wide.requests
    wide.shot("map.png")
    outlines = wide.js("Math.max(...Array.from(document.querySelectorAll('#chart-map path'), p => "
                       "(p.getAttribute('d') || '').length))")
    assert outlines > 10_000                             # the countries' borders, not only the points
    wide.assert_clean()
    with wide.page.expect_navigation():
        wide.page.click("#places tbody tr:first-child a")
    assert "/events?bbox=" in wide.page.url
    assert int(wide.page.inner_text("#event-total")) > 0
    wide.assert_clean()


def test_web_browser_explore_search_highlights_escaped_matches(wide: Visit) -> None:
    wide.open("/")
    wide.page.fill("header form.search input", "criticised")
    with wide.page.expect_navigation():
        wide.page.press("header form.search input", "Enter")
    assert wide.page.locator("mark").all_inner_texts()[:1] == ["criticised"]
    evidence = wide.page.locator("#event-hits blockquote").all_inner_texts()
    assert any(SCRIPT in text for text in evidence)      # the markup shows as text
    assert wide.js("document.querySelectorAll('main script, main img').length") == 0
    wide.shot("search.png")
    wide.assert_clean()


@pytest.mark.parametrize(("visit", "name"), [("wide", "overview-1400.png"), ("narrow", "overview-400.png")])
def test_web_browser_explore_overview_fits_and_shows_the_dense_range(request: pytest.FixtureRequest, visit: str,
                                                                     name: str) -> None:
    page: Visit = request.getfixturevalue(visit)
    page.open("/", charts=("chart-timeline", "chart-plover"))
    starts = page.js("Array.from(document.getElementById('chart-timeline').data[0].x)")
    assert min(starts) >= "2023-01-01"                   # the 1951 event does not stretch the timeline
    assert "1 event lies outside" in page.page.inner_text("#timeline-outside")
    assert page.js("document.documentElement.scrollWidth <= window.innerWidth + 1")
    for chart in ("chart-timeline", "chart-plover"):
        box = page.js(f"document.getElementById('{chart}').getBoundingClientRect().right")
        assert box <= page.js("window.innerWidth") + 1
    page.shot(name)
    page.assert_clean()
