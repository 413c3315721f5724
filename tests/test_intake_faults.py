"""Issue 11: the twelve inputs that broke "one clear line, the rest goes on", each reproduced first.

Faults that live in the readers and the extractor are tested on them directly; those of the command line
through the `relasi` group in-process (the stand-in pipeline where coding does not matter).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import relasi.ingest
from relasi.budget import within_budget
from relasi.cli import main
from relasi.extract import extract
from relasi.model import Article, Document, Dropped
from relasi.pipeline import Pipeline
from relasi.settings import Settings
from relasi.sources import iter_documents
from relasi.store import Writer, open_database
from tests.store_support import fake_runner, make_article, write_corpus

pytest_plugins = ("tests.store_fixtures",)

REPO = Path(__file__).resolve().parents[1]
ARTICLE = ("Menteri Luar Negeri Indonesia Retno Marsudi bertemu dengan Menteri Luar Negeri Jepang Yoshimasa "
           "Hayashi di Jakarta pada hari Selasa untuk membahas kerja sama maritim kedua negara.")


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    monkeypatch.setattr(relasi.ingest, "pipeline_runner", lambda _settings: fake_runner)
    monkeypatch.delenv("RELASI_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def _read_all(paths: list[str], timeout: float = 10.0) -> list[Document | Dropped]:
    """iter_documents in a thread, so a reader that blocks fails the test instead of hanging it."""
    found: list[Document | Dropped] = []
    worker = threading.Thread(target=lambda: found.extend(iter_documents(paths)), daemon=True)
    worker.start()
    worker.join(timeout)
    assert not worker.is_alive(), "the reader blocked"
    return found


def _dropped(items: list[Document | Dropped]) -> dict[str, str]:
    return {item.source: item.reason for item in items if isinstance(item, Dropped)}


# -- 1. a FIFO inside an input directory ---------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_intake_faults_fifo_in_a_directory_is_reported_not_opened(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Article a\nRUS CUB 041\n")
    os.mkfifo(tmp_path / "b.txt")
    (tmp_path / "c.txt").write_text("Article c\nRUS CUB 041\n")
    items = _read_all([str(tmp_path)])
    assert [item.source for item in items] == [str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")]
    assert _dropped(items) == {str(tmp_path / "b.txt"): "not_a_file"}


# -- 2. a lone surrogate in a JSONL line -------------------------------------------------------------

def test_intake_faults_lone_surrogate_in_jsonl_is_replaced_not_fatal(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "\ud800 " + ARTICLE, "title": "Judul \udfff"}) + "\n"
                    + json.dumps({"text": ARTICLE + " Kedua."}) + "\n", encoding="utf-8")
    docs = _read_all([str(feed)])
    assert [type(d).__name__ for d in docs] == ["Document", "Document"]
    article = extract(docs[0])
    assert isinstance(article, Article)
    assert "\ufffd" in article.body and article.title == "Judul \ufffd"
    article.body.encode("utf-8")                      # storable: no surrogate left
    assert any("invalid characters replaced" in w for w in article.warnings)


# -- 3. control characters in an HTML page --------------------------------------------------------------

@pytest.mark.parametrize("char", ["\x0c", "\x01", "\x08", "\x0b", "\x1c", "\x1f", "\ufffe", "\uffff", "\x00"])
def test_intake_faults_control_character_in_html_is_cleaned(char: str) -> None:
    html = (f"<html><head><title>Judul{char}</title></head><body><article><h1>Judul berita</h1>"
            f"<p>{ARTICLE}{char} Lanjutan kalimat.</p><p>{ARTICLE}</p></article></body></html>")
    article = extract(Document("page.html", html, "html"))
    assert isinstance(article, Article), article
    assert char not in article.body and "Lanjutan kalimat" in article.body


# -- 4. damaged WARC files -----------------------------------------------------------------------------

def _warc(gz: bool, pages: int = 4) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for number in range(pages):
        body = f"<html><body><article><p>Halaman {number}. {ARTICLE}</p></article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.org/{number}", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "make", "complete", "reason"), [
    ("empty.warc.gz", lambda: b"", 0, "empty"),
    ("cut.warc.gz", lambda: _warc(True)[: len(_warc(True)) * 5 // 8], 2, "bad_warc"),
    ("cut.warc", lambda: _warc(False)[: _warc(False).index(b"Halaman 1") + 50], 1, "truncated"),
    ("cut-headers.warc", lambda: _warc(False)[: _warc(False).index(b"WARC-Target-URI: https://example.org/3")],
     3, "bad_warc"),
    ("garbage.warc", lambda: b"not a warc at all\r\n" * 50, 0, "bad_warc"),
    ("whole.warc.gz", lambda: _warc(True), 4, None),
])
def test_intake_faults_damaged_warc_is_one_line(tmp_path: Path, name: str, make, complete: int,
                                                reason: str | None) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    items = _read_all([str(path)])
    documents = [item for item in items if isinstance(item, Document)]
    dropped = [item for item in items if isinstance(item, Dropped)]
    assert len(documents) == complete
    assert [d.reason for d in dropped] == ([reason] if reason else [])
    if dropped:
        assert str(path) in dropped[0].message()


# -- 5. UTF-16 with a BOM; UTF-8 with one bad byte ------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_intake_faults_utf16_and_utf32_with_bom_are_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "page.txt"
    text = "Presiden Joe Bidén bertemu Menlu Retno Marsudi.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    (doc,) = _read_all([str(path)])
    assert isinstance(doc, Document) and doc.content.lstrip("\ufeff") == text


def test_intake_faults_utf8_with_one_bad_byte_stays_utf8_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes("Presiden Joe Bidén bertemu Menlu Retno Marsudi".encode() + b"\xff" + b" di Jakarta.\n")
    (doc,) = _read_all([str(path)])
    assert isinstance(doc, Document)
    assert "Bidén" in doc.content and "\ufffd di Jakarta" in doc.content
    assert doc.warnings == ("encoding: 1 bytes that are not UTF-8 replaced",)


def test_intake_faults_latin1_file_is_still_decoded_as_latin1(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes("Pernyataan Menlu: «perundingan» été à Genève, çà et là.\n".encode("latin-1"))
    (doc,) = _read_all([str(path)])
    assert isinstance(doc, Document) and "«perundingan» été" in doc.content and not doc.warnings


# -- 6. a file name with a newline ---------------------------------------------------------------------

def test_intake_faults_newline_in_file_name_stays_one_line(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_corpus(folder, 2)
    (folder / "bad\nname.txt").write_text("")
    (folder / "tab\tname\x1b.txt").write_text("")
    result = runner.invoke(main, ["ingest", "in"])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if "(file is empty)" in line]
    assert sorted(lines) == sorted(["relasi: in/bad\\nname.txt: empty (file is empty)",
                                    "relasi: in/tab\\tname\\x1b.txt: empty (file is empty)"])
    assert "2 new articles" in result.stderr


# -- 8. huge limits, a file that is no database, an impossible date ---------------------------------------

@pytest.fixture
def filled(runner: CliRunner, tmp_path: Path) -> CliRunner:
    write_corpus(tmp_path / "c", 2)
    assert runner.invoke(main, ["ingest", "c"]).exit_code == 0
    return runner


@pytest.mark.parametrize("args", [
    ["events", "--limit", "99999999999999999999"], ["events", "--grouped", "--limit", "99999999999999999999"],
    ["stats", "--top", "99999999999999999999"], ["stories", "--limit", "99999999999999999999"],
    ["stories", "--min-articles", "99999999999999999999"],
    ["events", "--since", "2022-13-45"], ["events", "--until", "2023-02-30"], ["events", "--since", "2022-00"],
])
def test_intake_faults_out_of_range_options_are_usage_errors(filled: CliRunner, args: list[str]) -> None:
    result = filled.invoke(main, args)
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Invalid value" in result.stderr and "Traceback" not in result.output


def test_intake_faults_limits_up_to_the_bound_work(filled: CliRunner) -> None:
    result = filled.invoke(main, ["events", "--limit", "1000000000", "--format", "jsonl", "--since", "2023-10"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2


@pytest.mark.parametrize("command", [["events"], ["stats"], ["stories"], ["ingest", "c"]])
def test_intake_faults_a_file_that_is_no_database_is_one_line(runner: CliRunner, tmp_path: Path,
                                                              command: list[str]) -> None:
    write_corpus(tmp_path / "c", 1)
    (tmp_path / "not-a-database.db").write_bytes(b"this is a text file, not SQLite\n" * 100)
    result = runner.invoke(main, [*command, "--db", "not-a-database.db"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot open not-a-database.db: file is not a database")
    assert len(result.stderr.splitlines()) == 1


# -- 9. lxml_html_clean missing ------------------------------------------------------------------------

_WITHOUT_HTML_CLEAN = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "lxml_html_clean" or name.startswith("lxml.html.clean"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, Block())
sys.argv = ["relasi", "process", *sys.argv[1:]]
from relasi.cli import main
main()
"""


@pytest.mark.slow
def test_intake_faults_missing_html_cleaner_costs_only_html_inputs(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(f"<html><body><article><p>{ARTICLE}</p></article></body></html>")
    (tmp_path / "note.txt").write_text(ARTICLE + "\n")
    result = subprocess.run([sys.executable, "-c", _WITHOUT_HTML_CLEAN, str(tmp_path)], capture_output=True,
                            text=True, timeout=300, cwd=REPO)
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"relasi: {tmp_path / 'page.html'}: html_unavailable (cannot read HTML: ")
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["source"] == str(tmp_path / "note.txt")


def test_intake_faults_html_cleaner_is_a_declared_dependency() -> None:
    import tomllib

    declared = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    assert any(dep.startswith("lxml_html_clean>=") for dep in declared)


# -- 10. a per-document budget ---------------------------------------------------------------------------

def test_intake_faults_document_over_its_time_budget_is_dropped() -> None:
    def endless(doc: Document) -> Article | Dropped:
        while True:
            time.sleep(0.01)

    started = time.monotonic()
    result = within_budget(endless, 0.3, Document("slow.txt", "text", "text"))
    assert isinstance(result, Dropped) and (result.reason, result.step) == ("over_budget", "pipeline")
    assert time.monotonic() - started < 5
    assert within_budget(lambda doc: Dropped(doc.source, "x", "fine"), 5, Document("a", "t", "text")).reason == "fine"


def test_intake_faults_body_over_the_size_budget_is_dropped_before_coding() -> None:
    pipeline = Pipeline(Settings(max_body_chars=2_000))
    text = "\n\n".join(f"Paragraf {n}. {ARTICLE}" for n in range(40))
    result = pipeline.run(Document("long.txt", text, "text"))
    assert isinstance(result, Dropped) and result.reason == "too_large" and "limit 2000" in result.detail


def test_intake_faults_the_ingest_runner_has_the_budget(tmp_path: Path) -> None:
    runner = relasi.ingest.pipeline_runner(Settings(max_seconds=0.2))
    assert runner.func is within_budget and runner.args[1] == 0.2


# -- 11. run records and CSV cells ---------------------------------------------------------------------

def test_intake_faults_run_record_counts_what_was_committed(db) -> None:
    writer = Writer(db)
    run = writer.start_run(["x"])
    for number in range(3):
        writer.store_article(make_article(body=f"Body {number}", source=f"s{number}.txt"), run_id=run)
    writer.finish_run(run, status="interrupted", skipped=0, documents=0, articles=0, events=0, dropped=0)
    from relasi.store import stats

    record = stats(db)["last_runs"][0]
    assert (record["status"], record["documents"], record["articles"], record["events"]) == ("interrupted", 3, 3, 3)


def test_intake_faults_dead_running_run_is_closed_by_the_next(db) -> None:
    import sqlalchemy as sa

    from relasi.store import schema as t
    from relasi.store import stats

    writer = Writer(db)
    gone = writer.start_run(["x"])
    writer.store_article(make_article(body="Body", source="s.txt"), run_id=gone)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    with db.write() as conn:
        conn.execute(t.ingest_runs.update().where(t.ingest_runs.c.id == gone).values(pid=int(dead.stdout)))
    alive = writer.start_run(["y"])                     # this process: alive, left alone
    writer.start_run(["z"])
    runs = {r["id"]: r for r in stats(db)["last_runs"]}
    assert (runs[gone]["status"], runs[gone]["documents"]) == ("killed", 1)
    assert runs[alive]["status"] == "running"
    with db.read() as conn:
        assert conn.execute(sa.select(t.ingest_runs.c.finished).where(t.ingest_runs.c.id == gone)).scalar()


def test_intake_faults_cli_csv_cells_cannot_run_as_formulas(runner: CliRunner, tmp_path: Path) -> None:
    db = open_database(tmp_path / "relasi.db")
    Writer(db).store_article(make_article(body="=HYPERLINK(\"http://x\",\"click\") Putin berbicara.",
                                          title="+cmd|' /C calc'!A0", source="@evil.txt"))
    db.close()
    for args in (["events", "--format", "csv"], ["export", "--format", "csv", "--out", "-"],
                 ["events", "--grouped", "--format", "csv"]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert rows
        for row in rows:
            for value in row.values():
                assert not (value or "").startswith(("=", "+", "@")), (args, value)
    sentence = list(csv.DictReader(io.StringIO(runner.invoke(main, ["events", "--format", "csv"]).stdout)))[0]
    assert sentence["sentence"].startswith("'=HYPERLINK")


def test_intake_faults_gzip_members_check(tmp_path: Path) -> None:
    from relasi.sources.warc import gzip_damage

    whole = gzip.compress(b"a" * 1000) + gzip.compress(b"b" * 1000)
    (tmp_path / "ok.gz").write_bytes(whole)
    (tmp_path / "cut.gz").write_bytes(whole[:-10])
    (tmp_path / "bad.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 40)
    assert gzip_damage(tmp_path / "ok.gz") is None
    assert gzip_damage(tmp_path / "cut.gz") == "gzip stream cut short (truncated file)"
    assert (gzip_damage(tmp_path / "bad.gz") or "").startswith(("damaged gzip", "gzip stream cut short"))


# -- 7. a huge limit on the API's downloads ---------------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/events.csv", "/api/events.json"])
def test_intake_faults_api_download_limit_out_of_range_is_422(tmp_path: Path, path: str) -> None:
    from fastapi.testclient import TestClient

    from relasi.web import create_app

    db = open_database(tmp_path / "relasi.db")
    Writer(db).store_article(make_article())
    db.close()
    client = TestClient(create_app(tmp_path / "relasi.db", allowed_hosts=None))
    huge = client.get(path, params={"limit": "99999999999999999999"})
    assert huge.status_code == 422 and "limit" in huge.text
    fine = client.get(path, params={"limit": "1000000000"})
    assert fine.status_code == 200 and "Putin" in fine.text
