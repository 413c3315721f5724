"""The web app as a server: what it refuses to open, that it cannot write, its safety headers.

This module also holds what the web end-to-end tests share (tests/e2e/test_web_*.py import it): a small
corpus written through the real store writer, with hostile articles in it, and a live uvicorn server
on a free loopback port.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from relasi.model import Actor, Article, Event, Mention
from relasi.store import StoreMissing, Writer, open_database
from relasi.store import analytics as store_analytics
from relasi.store.analytics import SchemaTooOld, open_reader

# -- the corpus -----------------------------------------------------------------------------------------

USA = Actor("USA", "STATE", "United States", "USA")
BIDEN = Actor("USA", "PERSON", "Joe Biden", "USA", "GOV", "president")
CHN = Actor("CHN", "STATE", "China", "CHN")
XI = Actor("CHN", "PERSON", "Xi Jinping", "CHN", "GOV", "president")
IDN = Actor("IDN", "STATE", "Indonesia", "IDN")
AUS = Actor("AUS", "STATE", "Australia", "AUS")
# A dictionary is data too: the pages must survive a hostile actor name and role.
RUS = Actor("RUS", "STATE", '<img src=x onerror="window.__pwned=5">', "RUS", "GOV",
            "</title><script>window.__pwned=6</script>")

SCRIPT = "<script>window.__pwned=1</script>"
ATTRIBUTE = '"><img src=x onerror="window.__pwned=2">'
FORMULA = '=HYPERLINK("http://evil.example","click")'
HOSTILE_TITLE = f"{ATTRIBUTE}Bad {SCRIPT}"
HOSTILE_URL = "javascript:window.__pwned=3"
HOSTILE_OUTLET = '<b onmouseover="window.__pwned=7">outlet</b>'
HOSTILE_AUTHOR = "</script><script>window.__pwned=4</script>"


def _event(body: str, sentence: str, source: Actor, target: Actor, cameo: str, plover: str | None,
           goldstein: float | None, quad: int | None, date: str | None, *, modality: str = "asserted",
           negated: bool = False) -> Event:
    start = body.index(sentence)
    return Event(source=source, target=target, cameo=cameo, plover=plover, goldstein=goldstein, quad_class=quad,
                 date=date, date_precision="day" if date else "published", location=None, modality=modality,
                 negated=negated, sentence=sentence, start=start, end=start + len(sentence),
                 pattern=f"test#{cameo}", confidence=0.9)


def _mentions(body: str, names: dict[str, Actor]) -> tuple[Mention, ...]:
    found = []
    for text, actor in names.items():
        start = body.index(text)
        found.append(Mention(start, start + len(text), text, actor, "test"))
    return tuple(sorted(found, key=lambda m: m.start))


def _article(number: int, body: str, events: tuple[Event, ...], names: dict[str, Actor], **fields: object) -> Article:
    import hashlib

    values: dict[str, object] = dict(
        id=hashlib.sha1(body.encode()).hexdigest(), source=f"corpus/{number:02d}.txt", body=body,
        title=f"Article {number}", outlet="Pacific Ledger", language="en",
        sentences=((0, len(body)),), mentions=_mentions(body, names), events=events)
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def corpus() -> list[Article]:
    """Six articles; USA-CHN has a known monthly story, one article is an attack on the pages."""
    out = []
    b1 = "Joe Biden spoke by phone with Xi Jinping on Tuesday. Xi urged Washington to respect the one-China principle."
    out.append(_article(1, b1, (
        _event(b1, "Joe Biden spoke by phone with Xi Jinping on Tuesday.", BIDEN, XI, "041", "CONSULT", 1.0, 1,
               "2023-01-10"),
        _event(b1, "Xi urged Washington to respect the one-China principle.", XI, BIDEN, "020", "REQUEST", 3.0, 1,
               "2023-01-10"),
    ), {"Joe Biden": BIDEN, "Xi Jinping": XI}, url="https://news.example/biden-xi", published="2023-01-10",
        title="Biden and Xi talk by phone"))
    b2 = "A U.S. fighter jet shot down a Chinese balloon. The United States accused China of spying."
    out.append(_article(2, b2, (
        _event(b2, "A U.S. fighter jet shot down a Chinese balloon.", USA, CHN, "190", "ASSAULT", -10.0, 4,
               "2023-02-04"),
        _event(b2, "The United States accused China of spying.", USA, CHN, "112", "ACCUSE", -2.0, 3, "2023-02-05"),
    ), {"United States": USA, "China": CHN}, url="http://plain.example/balloon", published="2023-02-05",
        title="US shoots down balloon", outlet="Global Desk"))
    b3 = "China protested to the United States over the shooting. The United States will send envoys to Beijing."
    out.append(_article(3, b3, (
        _event(b3, "China protested to the United States over the shooting.", CHN, USA, "140", "PROTEST", -6.5, 4,
               "2023-03-20"),
        _event(b3, "The United States will send envoys to Beijing.", USA, CHN, "036", "AGREE", 4.0, 1, "2023-03-20",
               modality="intended"),
    ), {"China": CHN, "United States": USA}, url="data:text/html,<script>alert(1)</script>", published="2023-03-20",
        title="China protests"))
    b4 = "Indonesia dan Australia menandatangani perjanjian pertahanan. Indonesia tidak mengecam Australia."
    out.append(_article(4, b4, (
        _event(b4, "Indonesia dan Australia menandatangani perjanjian pertahanan.", IDN, AUS, "057", "AGREE", 8.0, 1,
               "2023-08-29"),
        _event(b4, "Indonesia tidak mengecam Australia.", IDN, AUS, "111", "ACCUSE", -2.0, 3, "2023-08-30",
               negated=True),
    ), {"Indonesia": IDN, "Australia": AUS}, url="  JaVaScRiPt:alert(1)", published="2023-08-30", language="id",
        title="RI-Australia teken perjanjian", outlet="Lintas Negeri"))
    s1 = f"Russia said {SCRIPT} it criticised China."
    s2 = f"{ATTRIBUTE} The envoy met Chinese officials."
    s3 = f"{FORMULA} Russia warned China."
    b5 = f"{s1}\n\n{s2}\n\n{s3}"
    out.append(_article(5, b5, (
        _event(b5, s1, RUS, CHN, "111", "ACCUSE", -2.0, 3, "2023-09-15"),
        _event(b5, s2, RUS, CHN, "040", "CONSULT", 1.0, 1, "2023-09-15"),
        _event(b5, s3, RUS, CHN, "138", "THREATEN", -7.0, 3, "2023-09-16"),
    ), {"Russia": RUS, "China": CHN}, url=HOSTILE_URL, published="2023-09-16", title=HOSTILE_TITLE,
        outlet=HOSTILE_OUTLET, authors=(HOSTILE_AUTHOR,), warnings=(SCRIPT,)))
    b6 = "Australia urged China to resume talks, officials said without giving a date."
    out.append(_article(6, b6, (
        _event(b6, "Australia urged China to resume talks, officials said without giving a date.", AUS, CHN, "020",
               "REQUEST", 3.0, 1, None),
    ), {"Australia": AUS, "China": CHN}, url=None, published=None, title="Undated", outlet=None))
    return out


def hostile_article() -> Article:
    return corpus()[4]


def fill_database(path: Path, articles: list[Article] | None = None) -> Path:
    """A SQLite database at `path` holding `articles` (the corpus), written by the real writer."""
    db = open_database(path)
    try:
        writer = Writer(db)
        for article in corpus() if articles is None else articles:
            writer.store_article(article)
    finally:
        db.close()
    return path


def counted(articles: list[Article]) -> list[Event]:
    return [e for a in articles for e in a.events if e.counted]


def write_batches(path: str, batches: int, per_batch: int, pause: float) -> None:
    """A writer that keeps committing: `batches` transactions of `per_batch` new articles (run in a subprocess)."""
    db = open_database(path)
    writer = Writer(db)
    from relasi.store import Item

    run = writer.start_run(["concurrency"])
    for batch in range(batches):
        items = []
        for index in range(per_batch):
            body = f"Batch {batch} item {index}: Joe Biden spoke by phone with Xi Jinping."
            sentence = "Joe Biden spoke by phone with Xi Jinping."
            article = _article(0, body, (_event(body, sentence, BIDEN, XI, "041", "CONSULT", 1.0, 1,
                                                f"2024-{batch % 12 + 1:02d}-{index % 28 + 1:02d}"),),
                               {"Joe Biden": BIDEN}, source=f"batch-{batch}-{index}")
            items.append(Item(article.source, article.id, article))
        writer.write_batch(run, items)
        time.sleep(pause)
    writer.finish_run(run, status="ok", documents=batches * per_batch, articles=batches * per_batch,
                      events=batches * per_batch, dropped=0, skipped=0)
    db.close()


# -- a live server --------------------------------------------------------------------------------------

@contextmanager
def live_server(db_path: Path | str, **app_options: object) -> Iterator[str]:
    """Run create_app(db_path) under uvicorn on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    import uvicorn

    from relasi.web import create_app

    app = create_app(db_path, **app_options)  # type: ignore[arg-type]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


# -- tests ----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fill_database(tmp_path_factory.mktemp("web") / "relasi.db")


@pytest.fixture(scope="module")
def base_url(corpus_db: Path) -> Iterator[str]:
    with live_server(corpus_db) as url:
        yield url


@pytest.mark.parametrize("target", ["missing.db", "no/such/dir/relasi.db"])
def test_web_server_refuses_a_missing_database(tmp_path: Path, target: str) -> None:
    from relasi.web import create_app

    with pytest.raises(StoreMissing):
        create_app(tmp_path / target)
    assert not (tmp_path / target).exists()      # reading never creates a file


@pytest.mark.parametrize("newer_by", [1])
def test_web_server_refuses_an_older_schema_instead_of_migrating(corpus_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 newer_by: int) -> None:
    monkeypatch.setattr(store_analytics, "LATEST_VERSION", store_analytics.LATEST_VERSION + newer_by)
    with pytest.raises(SchemaTooOld, match="relasi stats"):
        open_reader(corpus_db)


@pytest.mark.parametrize("statement", ["DELETE FROM events", "CREATE TABLE x (a INTEGER)",
                                       "UPDATE articles SET title = 'x'"])
def test_web_server_connection_cannot_write(corpus_db: Path, statement: str) -> None:
    db = open_reader(corpus_db)
    try:
        with pytest.raises(sa.exc.OperationalError, match="readonly|read-only|query_only"):
            with db.read() as conn:
                conn.exec_driver_sql(statement)
    finally:
        db.close()


@pytest.mark.parametrize("kind", ["routes"])
def test_web_server_has_only_read_routes(corpus_db: Path, kind: str) -> None:
    from relasi.web import create_app

    app = create_app(corpus_db)
    try:
        for route in app.routes:
            assert set(getattr(route, "methods", None) or {"GET"}) <= {"GET", "HEAD"}, route
    finally:
        app.state.db.close()


@pytest.mark.parametrize("path", ["/", "/events", "/api/events", "/api/events.csv", "/static/app.css"])
def test_web_server_sends_safety_headers(base_url: str, path: str) -> None:
    response = httpx.get(base_url + path)
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-eval" not in csp and "default-src 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("host", ["evil.example", "rebind.attacker.test:8765"])
def test_web_server_rejects_foreign_host_names(base_url: str, host: str) -> None:
    """A DNS-rebinding page reaches 127.0.0.1 under its own name; the server must not answer it."""
    assert httpx.get(base_url + "/api/health", headers={"Host": host}).status_code == 400
    assert httpx.get(base_url + "/api/health").status_code == 200


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_web_server_refuses_writes(base_url: str, method: str) -> None:
    assert httpx.request(method, base_url + "/api/events").status_code == 405


@pytest.mark.parametrize("path", ["/static/plotly.min.js"])
def test_web_server_serves_plotly_from_the_installed_package(base_url: str, path: str) -> None:
    from relasi.web.app import plotly_js

    response = httpx.get(base_url + path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.content == plotly_js().read_bytes()
