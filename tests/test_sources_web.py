"""The fetcher, feeds, sitemaps and `relasi watch` against real HTTP servers on 127.0.0.1 (no mocks).

Each test starts a tiny threaded server whose routes misbehave on purpose; timeouts are small so the suite
stays fast.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import sqlalchemy as sa

from relasi.model import Document, Dropped
from relasi.sources.fetch import Fetcher, FetchSettings
from relasi.sources.web import WebIntake
from relasi.store import open_database
from relasi.store import schema as t

pytest_plugins = ("tests.store_fixtures",)

REPO = Path(__file__).resolve().parents[1]
PAGE = ("<html><head><title>Menlu bertemu</title></head><body><article><h1>Menlu bertemu</h1><p>Menteri Luar "
        "Negeri Indonesia Retno Marsudi bertemu dengan Menteri Luar Negeri Jepang di Jakarta pada hari Selasa "
        "untuk membahas kerja sama maritim kedua negara.</p></article></body></html>")
FAST = FetchSettings(connect_timeout=1, read_timeout=0.5, deadline=2, max_bytes=200_000, max_decompressed=1_000_000,
                     delay=0, retries=2, backoff=0.01, max_retry_after=5, concurrency=2)

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Site:
    base: str
    routes: dict[str, Route]
    hits: Counter[str] = field(default_factory=Counter)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)


def _send(status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8",
          **headers: str) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            handler.send_header(key.replace("_", "-"), value)
        handler.end_headers()
        handler.wfile.write(body)
    return route


@pytest.fixture
def site() -> Iterator[Site]:
    routes: dict[str, Route] = {"/robots.txt": _send(404, b"")}
    hits: Counter[str] = Counter()
    seen_headers: dict[str, dict[str, str]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            hits[self.path] += 1
            seen_headers[self.path] = dict(self.headers)
            route = routes.get(self.path) or routes.get(self.path.split("?")[0])
            try:
                (route or _send(404, b"no such page"))(self)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    yield Site(base, routes, hits, seen_headers)
    server.shutdown()
    server.server_close()


def _fetch(site: Site, path: str, settings: FetchSettings = FAST, **kwargs: str) -> tuple[object, Fetcher]:
    waits: list[float] = []
    fetcher = Fetcher(settings, sleep=lambda s: (waits.append(s), time.sleep(min(s, 0.05))))
    fetcher.waits = waits  # type: ignore[attr-defined]
    return fetcher.fetch(site.base + path, **kwargs), fetcher


# -- the fetcher --------------------------------------------------------------------------------------

def test_sources_web_good_page(site: Site) -> None:
    site.routes["/a"] = _send(200, PAGE.encode())
    result, fetcher = _fetch(site, "/a")
    assert result.ok and result.content == PAGE.encode()
    assert site.headers["/a"]["User-Agent"].startswith("relasi/")
    assert fetcher.summary() == "1 fetched, 0 not modified"


@pytest.mark.parametrize(("status", "reason", "tries"), [(404, "not_found", 1), (410, "gone", 1),
                                                        (500, "server_error", 3), (503, "server_error", 3),
                                                        (403, "forbidden", 1)])
def test_sources_web_http_errors(site: Site, status: int, reason: str, tries: int) -> None:
    site.routes["/x"] = _send(status, b"error page")
    result, fetcher = _fetch(site, "/x")
    assert (result.reason, result.status) == (reason, status)
    assert site.hits["/x"] == tries                     # 5xx retried (retries=2), 4xx not
    assert f"failed ({reason} 1)" in fetcher.summary()


def test_sources_web_429_honours_retry_after(site: Site) -> None:
    answers = iter([_send(429, b"slow down", Retry_After="2"), _send(200, PAGE.encode())])
    site.routes["/busy"] = lambda handler: next(answers)(handler)
    result, fetcher = _fetch(site, "/busy")
    assert result.ok and site.hits["/busy"] == 2
    assert fetcher.waits == [2.0]                        # type: ignore[attr-defined]


def test_sources_web_429_with_a_long_retry_after_gives_up_at_once(site: Site) -> None:
    site.routes["/busy"] = _send(429, b"come back tomorrow", Retry_After="86400")
    result, _ = _fetch(site, "/busy")
    assert result.reason == "rate_limited" and "86400" in result.detail and site.hits["/busy"] == 1


def test_sources_web_slow_response_times_out(site: Site) -> None:
    def slow(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(1.5)
        _send(200, PAGE.encode())(handler)
    site.routes["/slow"] = slow
    started = time.monotonic()
    result, _ = _fetch(site, "/slow", _settings(retries=0))
    assert result.reason == "timeout" and time.monotonic() - started < 1.5


def _settings(**changes: object) -> FetchSettings:
    from dataclasses import replace
    return replace(FAST, **changes)


def _endless(pause: float) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        while True:
            handler.wfile.write(b"<p>" + b"x" * 1000 + b"</p>")
            handler.wfile.flush()
            time.sleep(pause)
    return route


def test_sources_web_endless_body_is_cut_at_the_size_limit(site: Site) -> None:
    site.routes["/endless"] = _endless(0)
    result, _ = _fetch(site, "/endless")
    assert result.reason == "too_large" and "200000" in result.detail


def test_sources_web_trickling_body_is_cut_at_the_deadline(site: Site) -> None:
    site.routes["/trickle"] = _endless(0.05)
    started = time.monotonic()
    result, _ = _fetch(site, "/trickle", _settings(retries=0, deadline=1))
    assert result.reason == "timeout" and time.monotonic() - started < 3


def test_sources_web_redirect_loop(site: Site) -> None:
    site.routes["/a"] = _send(302, b"", Location="/b")
    site.routes["/b"] = _send(302, b"", Location="/a")
    result, _ = _fetch(site, "/a")
    assert result.reason == "too_many_redirects"


def test_sources_web_redirect_is_followed(site: Site) -> None:
    site.routes["/old"] = _send(301, b"", Location="/new")
    site.routes["/new"] = _send(200, PAGE.encode())
    result, _ = _fetch(site, "/old")
    assert result.ok and result.final_url == site.base + "/new"


def test_sources_web_gzip_bomb_is_stopped_while_inflating(site: Site) -> None:
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)
    assert len(bomb) < FAST.max_bytes
    site.routes["/bomb"] = _send(200, bomb, Content_Encoding="gzip")
    result, _ = _fetch(site, "/bomb")
    assert result.reason == "too_large" and "compression bomb" in result.detail


def test_sources_web_robots_disallow_is_obeyed_unless_told(site: Site) -> None:
    site.routes["/robots.txt"] = _send(200, b"User-agent: *\nDisallow: /private\n", "text/plain")
    site.routes["/private/a"] = _send(200, PAGE.encode())
    result, _ = _fetch(site, "/private/a")
    assert result.reason == "robots_disallowed" and site.hits["/private/a"] == 0
    result, _ = _fetch(site, "/private/a", _settings(respect_robots=False))
    assert result.ok


def test_sources_web_robots_server_error_disallows_everything(site: Site) -> None:
    site.routes["/robots.txt"] = _send(503, b"down")
    site.routes["/a"] = _send(200, PAGE.encode())
    result, _ = _fetch(site, "/a", _settings(retries=0))
    assert result.reason == "robots_disallowed"


def test_sources_web_conditional_request(site: Site) -> None:
    def conditional(handler: BaseHTTPRequestHandler) -> None:
        if handler.headers.get("If-None-Match") == '"v1"':
            _send(304)(handler)
        else:
            _send(200, PAGE.encode(), ETag='"v1"')(handler)
    site.routes["/a"] = conditional
    first, _ = _fetch(site, "/a")
    again, fetcher = _fetch(site, "/a", etag=first.etag)
    assert first.ok and first.etag == '"v1"'
    assert again.not_modified and fetcher.summary() == "0 fetched, 1 not modified"


# -- pages, feeds and sitemaps through the intake --------------------------------------------------------

def _intake(db, site: Site, *, pages: list[str] = (), feeds: list[str] = ()) -> tuple[list, WebIntake]:
    intake = WebIntake(Fetcher(FAST), db, pages=[site.base + p for p in pages], feeds=[site.base + f for f in feeds])
    return list(intake.items()), intake


def _rss(site: Site, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>Judul {p}</title><link>{site.base}{p}?utm_source=rss</link>"
                    f"<pubDate>Tue, 11 Apr 2023 10:00:00 +0700</pubDate></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def test_sources_web_intake_pages_wrong_type_and_non_utf8(fresh_db, site: Site) -> None:
    site.routes["/a"] = _send(200, PAGE.encode())
    site.routes["/img"] = _send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
    latin = PAGE.replace("Selasa", "Sélasa").encode("cp1252")
    site.routes["/cp1252"] = _send(200, latin, "text/html; charset=windows-1252")
    site.routes["/undeclared"] = _send(200, (PAGE.replace("Selasa", "« Sélasa »") * 3).encode("latin-1"), "text/html")
    items, _ = _intake(fresh_db, site, pages=["/a", "/a?utm_source=x", "/img", "/cp1252", "/undeclared", "/missing"])
    by_source = {item.source.removeprefix(site.base): item for item in items}
    assert set(by_source) == {"/a", "/img", "/cp1252", "/undeclared", "/missing"}    # /a once: canonical URLs
    assert isinstance(by_source["/a"], Document) and by_source["/a"].format == "html"
    assert by_source["/img"].reason == "wrong_content_type"
    assert "Sélasa" in by_source["/cp1252"].content and "« Sélasa »" in by_source["/undeclared"].content
    assert by_source["/missing"].reason == "not_found"


@pytest.mark.parametrize(("body", "reason"), [
    (b"", "empty"), (b"<rss><channel><item><title>cut", "bad_feed"), (b"this is no feed at all {}", "bad_feed"),
    (b"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>x", "bad_sitemap"),
])
def test_sources_web_malformed_and_empty_feeds(fresh_db, site: Site, body: bytes, reason: str) -> None:
    site.routes["/feed"] = _send(200, body, "application/rss+xml")
    items, _ = _intake(fresh_db, site, feeds=["/feed"])
    assert [(type(i).__name__, i.reason) for i in items] == [("Dropped", reason)]


def test_sources_web_feed_with_no_items_is_fine(fresh_db, site: Site) -> None:
    site.routes["/feed"] = _send(200, _rss(site, []), "application/rss+xml")
    assert _intake(fresh_db, site, feeds=["/feed"])[0] == []


def test_sources_web_rss_items_carry_title_and_date(fresh_db, site: Site) -> None:
    site.routes["/feed"] = _send(200, _rss(site, ["/a", "/b"]), "application/rss+xml")
    site.routes["/a"] = _send(200, PAGE.encode())
    site.routes["/b"] = _send(410, b"gone")
    items, _ = _intake(fresh_db, site, feeds=["/feed"])
    assert isinstance(items[0], Document) and items[0].source == site.base + "/a"
    assert items[0].title == "Judul /a" and items[0].published.startswith("Tue, 11 Apr 2023")
    assert isinstance(items[1], Dropped) and items[1].reason == "gone"


def test_sources_web_news_sitemap_and_index(fresh_db, site: Site) -> None:
    news = (f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
            f"xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'><url><loc>{site.base}/n1</loc>"
            f"<news:news><news:publication_date>2023-04-11T10:00:00+07:00</news:publication_date>"
            f"<news:title>Berita satu</news:title></news:news></url></urlset>").encode()
    plain = (f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>{site.base}/p1</loc>"
             f"<lastmod>2023-04-12</lastmod></url></urlset>").encode()
    index = (f"<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><sitemap><loc>{site.base}/news.xml"
             f"</loc></sitemap><sitemap><loc>{site.base}/plain.xml</loc></sitemap></sitemapindex>").encode()
    site.routes.update({"/index.xml": _send(200, index, "application/xml"), "/news.xml": _send(200, news, "text/xml"),
                        "/plain.xml": _send(200, plain, "application/xml"), "/n1": _send(200, PAGE.encode()),
                        "/p1": _send(200, PAGE.replace("Selasa", "Rabu").encode())})
    items, _ = _intake(fresh_db, site, feeds=["/index.xml"])
    assert [(i.source.removeprefix(site.base), i.title, i.published) for i in items] == [
        ("/n1", "Berita satu", "2023-04-11T10:00:00+07:00"), ("/p1", None, "2023-04-12")]


def test_sources_web_fuzz_listing_never_raises() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from relasi.sources.feeds import read_listing

    pieces = st.sampled_from([b"<rss>", b"<channel>", b"<item>", b"<link>http://a/b</link>", b"</item>", b"<urlset>",
                              b"<url><loc>http://x/y</loc></url>", b"<sitemapindex>", b"<!ENTITY x 'y'>", b"&x;",
                              b"<?xml version='1.0'?>", b"\xff\xfe", b"<feed xmlns='http://www.w3.org/2005/Atom'>"])

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.one_of(pieces, st.binary(max_size=40)), max_size=12))
    def check(parts: list[bytes]) -> None:
        listing = read_listing(b"".join(parts))
        assert listing.problem is None or ":" in listing.problem

    check()


# -- ingest and watch from the command line ---------------------------------------------------------------

_RUN = """
import sys, time
sys.path.insert(0, {repo!r})
import relasi.ingest
from tests.store_support import fake_runner

def slow(doc):
    time.sleep({pause})
    text = doc.content.replace("<", " <")
    return fake_runner(doc.__class__(doc.source, "Page " + doc.source + "\\nRUS CUB 041\\n", "text", url=doc.url))

relasi.ingest.pipeline_runner = lambda settings: slow
from relasi.cli import main
main(sys.argv[1:])
"""


def _relasi(*args: str, pause: float = 0.0) -> list[str]:
    return [sys.executable, "-c", _RUN.format(repo=str(REPO), pause=pause), *args]


def _counts(path: Path) -> dict[str, int]:
    db = open_database(path)
    try:
        with db.read() as conn:
            count = lambda table: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()  # noqa: E731
            sources = conn.execute(sa.select(t.documents.c.source)).scalars().all()
            assert len(sources) == len(set(sources))
            return {"documents": count(t.documents), "articles": count(t.articles), "events": count(t.events),
                    "seen": count(t.feed_items)}
    finally:
        db.close()


def test_sources_web_ingest_urls_and_feeds_from_the_cli(site: Site, tmp_path: Path) -> None:
    site.routes["/feed"] = _send(200, _rss(site, ["/a", "/b", "/c"]), "application/rss+xml", ETag='"f1"')
    for name in "abc":
        site.routes[f"/{name}"] = _send(200, PAGE.replace("Selasa", name).encode())
    site.routes["/c"] = _send(404, b"")
    (tmp_path / "feeds.txt").write_text(f"# outlets\n{site.base}/feed\n\n")
    db = tmp_path / "w.db"
    args = ["ingest", "--feeds", str(tmp_path / "feeds.txt"), f"{site.base}/a", "--db", str(db), "--delay", "0",
            "--engine", "inprocess"]
    first = subprocess.run(_relasi(*args), capture_output=True, text=True, timeout=120)
    assert first.returncode == 1, first.stderr
    assert f"relasi: {site.base}/c: not_found (HTTP 404)" in first.stderr
    assert "relasi: web: 3 fetched, 0 not modified, 1 failed (not_found 1)" in first.stderr
    assert _counts(db) == {"documents": 3, "articles": 2, "events": 2, "seen": 3}
    second = subprocess.run(_relasi(*args), capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr     # the feed is unchanged... but sends no 304: items all seen
    assert site.hits["/b"] == 1 and site.hits["/c"] == 1
    assert _counts(db) == {"documents": 3, "articles": 2, "events": 2, "seen": 3}


@pytest.mark.slow
def test_sources_web_watch_killed_mid_poll_restarts_without_loss_or_duplicates(site: Site, tmp_path: Path) -> None:
    paths = [f"/n{number:02d}" for number in range(24)]
    feed = {"body": _rss(site, paths)}
    site.routes["/feed"] = lambda handler: _send(200, feed["body"], "application/rss+xml")(handler)
    for path in paths + ["/late1", "/late2"]:
        site.routes[path] = _send(200, PAGE.replace("Selasa", path).encode())
    (tmp_path / "feeds.txt").write_text(f"{site.base}/feed\n")
    db = tmp_path / "watch.db"
    args = ["watch", str(tmp_path / "feeds.txt"), "--every", "1s", "--db", str(db), "--delay", "0",
            "--batch-size", "4"]
    proc = subprocess.Popen(_relasi(*args, pause=0.1), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if db.exists() and _committed(db) >= 8:
                break
            time.sleep(0.05)
        else:  # pragma: no cover
            pytest.fail("watch committed nothing within 60 s")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    partial = _counts(db)
    import sqlite3
    with sqlite3.connect(db) as conn:
        committed = {row[0].removeprefix(site.base) for row in conn.execute("SELECT source FROM documents")}
    assert 8 <= partial["documents"] < 24 and partial["documents"] % 4 == 0
    feed["body"] = _rss(site, paths + ["/late1", "/late2"])
    again = subprocess.run(_relasi(*args[:-2], "--once", "--batch-size", "4"), capture_output=True, text=True,
                           timeout=120)
    assert again.returncode == 0, again.stderr
    assert _counts(db) == {"documents": 26, "articles": 26, "events": 26, "seen": 26}
    refetched = [path for path in paths if site.hits[path] > 1]
    # Refetched: at most what was fetched but not committed when killed (the fetch look-ahead, twice the fetcher's
    # 4 threads, plus the uncommitted batch of 4); the 8+ committed items are never fetched again.
    assert len(refetched) <= 12 and not set(refetched) & committed
    runs = json.loads(subprocess.run(_relasi("stats", "--json", "--db", str(db)), capture_output=True, text=True,
                                     timeout=60).stdout)["last_runs"]
    assert [run["status"] for run in runs[:2]] == ["ok", "killed"]


def _committed(path: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_sources_web_watch_stops_cleanly_on_sigint(site: Site, tmp_path: Path) -> None:
    site.routes["/feed"] = _send(200, _rss(site, ["/a"]), "application/rss+xml")
    site.routes["/a"] = _send(200, PAGE.encode())
    (tmp_path / "feeds.txt").write_text(f"{site.base}/feed\n")
    db = tmp_path / "w.db"
    proc = subprocess.Popen(_relasi("watch", str(tmp_path / "feeds.txt"), "--every", "1h", "--db", str(db),
                                    "--delay", "0"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (db.exists() and _committed(db) >= 1):
        time.sleep(0.05)
    time.sleep(0.5)                               # in its sleep until the next poll, or finishing this one
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 0, stderr
    assert "watch stopped" in stderr and "Traceback" not in stderr
    assert _counts(db)["documents"] == 1



def test_sources_web_items_stored_but_not_marked_are_not_fetched_again(fresh_db, site: Site) -> None:
    """A `watch` killed after a batch's articles were committed and before its feed items were marked: the next
    poll takes the stored articles' URLs as seen and fetches only the rest."""
    from functools import partial

    from relasi.ingest import ingest_items, pipeline_runner
    from relasi.settings import Settings

    paths = ["/s1", "/s2", "/s3"]
    site.routes["/feed"] = _send(200, _rss(site, paths), "application/rss+xml")
    for path in paths:
        site.routes[path] = _send(200, PAGE.replace("Selasa", path).encode())
    items, _ = _intake(fresh_db, site, feeds=["/feed"])
    stored = [item for item in items if item.source.endswith(("/s1", "/s2"))]
    # stored without the intake's outcome and batch hooks: nothing is marked seen
    ingest_items(stored, fresh_db, inputs=["feed"], make_runner=partial(pipeline_runner, Settings()))
    before = dict(site.hits)
    again, intake = _intake(fresh_db, site, feeds=["/feed"])
    assert [item.source.removeprefix(site.base) for item in again] == ["/s3"]
    assert site.hits["/s1"] == before["/s1"] and site.hits["/s2"] == before["/s2"]
    # and the poll marks them, so the store's record of seen items is whole again
    from relasi.store.webstate import seen_items

    intake.finish()
    seen, unmarked = seen_items(fresh_db, site.base + "/feed", [site.base + "/s1", site.base + "/s2"])
    assert seen == {site.base + "/s1", site.base + "/s2"} and unmarked == set()
