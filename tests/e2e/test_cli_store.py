"""`relasi ingest / events / stats / export` through the real console script.

The ingest tests need the real pipeline and skip (saying so) until its steps import; the query
tests read a database filled through the Writer and run now.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from functools import cache
from pathlib import Path

import pytest

from relasi.store import Writer, open_database
from tests.store_support import CUB, IDN, RUS, USA, make_article, make_event

ID_ARTICLE = """Menlu Jepang Kunjungi Jakarta, Bahas Kerja Sama Maritim

JAKARTA - Menteri Luar Negeri Indonesia Retno Marsudi bertemu dengan Menteri Luar Negeri Jepang \
Yoshimasa Hayashi di Jakarta, Selasa (11/4/2023). Kedua menteri membahas kerja sama maritim dan investasi.

Dalam pertemuan itu, Indonesia dan Jepang menandatangani nota kesepahaman tentang keamanan laut, kata \
juru bicara Kementerian Luar Negeri RI.
"""

EN_ARTICLE = """Biden and Xi hold phone call on Taiwan

WASHINGTON - US President Joe Biden spoke with Chinese President Xi Jinping by telephone on Thursday, \
the White House said. Biden urged China to respect the status quo in the Taiwan Strait, while Xi warned \
the United States against interfering in China's internal affairs.
"""


@cache
def _pipeline_missing(fmt: str) -> str | None:
    """Why the real pipeline cannot run on `fmt` documents yet, or None when it can."""
    from relasi.model import Document

    content = EN_ARTICLE if fmt == "text" else f"<html><body><p>{EN_ARTICLE}</p></body></html>"
    try:
        from relasi.pipeline import Pipeline

        Pipeline().run(Document(f"probe.{fmt}", content, fmt))  # type: ignore[arg-type]
    except ImportError as error:
        return f"the pipeline steps for {fmt} have not landed yet ({error})"
    return None


@pytest.fixture
def needs_pipeline() -> None:
    reason = _pipeline_missing("text")
    if reason:
        pytest.skip(reason)


@pytest.fixture
def needs_html_pipeline(needs_pipeline: None) -> None:
    reason = _pipeline_missing("html")
    if reason:
        pytest.skip(reason)


def _relasi(relasi_bin: str, *args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k != "RELASI_DB"} | (env or {})
    return subprocess.run([relasi_bin, *args], capture_output=True, text=True, cwd=cwd, env=full_env,
                          timeout=300)


def _stats(relasi_bin: str, cwd: Path, *db: str) -> dict:
    result = _relasi(relasi_bin, "stats", "--json", *db, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _articles(folder: Path, count: int) -> None:
    """`count` distinct small articles (the number changes the body, so each is its own article)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        text = ID_ARTICLE if number % 2 else EN_ARTICLE
        (folder / f"art{number:04d}.txt").write_text(text.replace("Jakarta,", f"Jakarta ({number}),")
                                                     .replace("Thursday", f"Thursday ({number})"))


# -- ingest with the real pipeline --------------------------------------------------------------------------

def test_cli_store_ingest_then_query(relasi_bin: str, tmp_path: Path, needs_pipeline: None) -> None:
    _articles(tmp_path / "news", 2)
    first = _relasi(relasi_bin, "ingest", "news", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "2 documents, 2 new articles" in first.stderr and "documents/s" in first.stderr
    assert (tmp_path / "relasi.db").exists()
    again = _relasi(relasi_bin, "ingest", "news", cwd=tmp_path)
    assert again.returncode == 0 and "0 new articles" in again.stderr and "2 skipped" in again.stderr
    data = _stats(relasi_bin, tmp_path)
    assert data["documents"]["ok"] == 2 and data["articles"] == 2 and data["events"]["all"] > 0
    events = _relasi(relasi_bin, "events", "--format", "jsonl", "--all", cwd=tmp_path).stdout.splitlines()
    assert len(events) == data["events"]["all"]
    assert {json.loads(line)["article_id"] for line in events} <= {a for a in _article_ids(tmp_path)}


def _article_ids(cwd: Path) -> set[str]:
    db = open_database(cwd / "relasi.db", create=False)
    try:
        return {row["id"] for row in __import__("relasi.store.queries", fromlist=["x"]).iter_article_rows(db)}
    finally:
        db.close()


def test_cli_store_bad_inputs_each_reported_rest_stored(relasi_bin: str, tmp_path: Path,
                                                        needs_html_pipeline: None) -> None:
    inputs = tmp_path / "in"
    _articles(inputs, 2)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (inputs / "latin1.txt").write_bytes(ID_ARTICLE.replace("maritim", "maritim «café»").encode("latin-1"))
    with (inputs / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (inputs / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (inputs / "feed.jsonl").write_text(json.dumps({"text": EN_ARTICLE.replace("Thursday", "Friday")}) + "\n"
                                       + "{this is not json\n")
    result = _relasi(relasi_bin, "ingest", "in", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    expected = {"in/empty.txt": "empty", "in/binary.txt": "binary", "in/huge.txt": "too_large",
                "in/menu.html": "no_article", "in/feed.jsonl:2": "bad_json"}
    for source, reason in expected.items():
        lines = [line for line in result.stderr.splitlines() if line.startswith(f"relasi: {source}: {reason}")]
        assert len(lines) == 1, (source, result.stderr)
    data = _stats(relasi_bin, tmp_path)
    assert data["documents"] == {"all": 9, "ok": 4, "dropped": 5}   # 2 articles, latin-1, JSONL line 1
    assert data["articles"] == 4
    # Reruns retry the dropped inputs, report them again, and duplicate nothing.
    rerun = _relasi(relasi_bin, "ingest", "in", cwd=tmp_path)
    assert rerun.returncode == 1 and "4 skipped" in rerun.stderr
    assert _stats(relasi_bin, tmp_path)["documents"] == data["documents"]


def test_cli_store_interrupted_ingest_resumes(relasi_bin: str, tmp_path: Path, needs_pipeline: None) -> None:
    total = 400                     # enough that the interrupt lands while documents are still being stored
    _articles(tmp_path / "news", total)
    proc = subprocess.Popen([relasi_bin, "ingest", "news", "--db", "cut.db", "--batch-size", "5"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if (tmp_path / "cut.db").exists() and _documents(tmp_path / "cut.db") >= 5:
            break
        time.sleep(0.2)
    if proc.poll() is not None:
        pytest.skip(f"the ingest finished before it could be interrupted (machine too fast for {total} documents)")
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=120)
    if proc.returncode != 130 and _documents(tmp_path / "cut.db") == total:
        pytest.skip("the interrupt arrived as the ingest was finishing: every document was already stored")
    assert proc.returncode == 130, err
    assert "interrupted" in err and "resume" in err
    cut = _stats(relasi_bin, tmp_path, "--db", "cut.db")
    assert cut["last_runs"][0]["status"] == "interrupted"
    assert 5 <= cut["documents"]["all"] < total and cut["documents"]["all"] % 5 == 0
    resumed = _relasi(relasi_bin, "ingest", "news", "--db", "cut.db", "--batch-size", "5", cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    clean = _relasi(relasi_bin, "ingest", "news", "--db", "clean.db", cwd=tmp_path)
    assert clean.returncode == 0, clean.stderr
    after, reference = (_stats(relasi_bin, tmp_path, "--db", name) for name in ("cut.db", "clean.db"))
    for key in ("documents", "articles", "events", "by_plover", "top_dyads"):
        assert after[key] == reference[key], key


def _documents(path: Path) -> int:
    """Documents stored so far, read through a plain read-only connection: the poll must not contend with the
    ingest it watches (no schema check, no pragmas, no statistics queries)."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return 0
    try:
        return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # the schema is not committed yet
        return 0
    finally:
        conn.close()


# -- a directory that cannot be read ------------------------------------------------------------------------

def _as_nobody() -> list[str] | None:
    """The command prefix that runs as user nobody, when we are root and nobody can run this Python."""
    runuser = shutil.which("runuser")
    if os.geteuid() != 0 or runuser is None:
        return None
    probe = subprocess.run([runuser, "-u", "nobody", "--", sys.executable, "-c", "import relasi.cli"],
                           capture_output=True, text=True)
    return [runuser, "-u", "nobody", "--"] if probe.returncode == 0 else None


def test_cli_store_unreadable_directory(relasi_bin: str) -> None:
    prefix: list[str] = []
    if os.geteuid() == 0:
        prefix = _as_nobody() or []
        if not prefix:
            pytest.skip("running as root, where chmod 000 does not deny reads, and user nobody cannot run "
                        f"{sys.executable} (its install is private to root)")
    with tempfile.TemporaryDirectory() as name:
        work = Path(name)
        work.chmod(0o777)
        locked = work / "locked"
        locked.mkdir()
        (locked / "a.txt").write_text(EN_ARTICLE)
        (work / "empty.txt").write_text("")
        locked.chmod(0)
        try:
            result = subprocess.run([*prefix, relasi_bin, "ingest", "locked", "empty.txt", "--db", "r.db"],
                                    cwd=work, capture_output=True, text=True, timeout=120)
        finally:
            locked.chmod(0o755)
        assert result.returncode == 1, result.stderr
        assert "relasi: locked: unreadable (Permission denied)" in result.stderr
        assert "relasi: empty.txt: empty" in result.stderr


# -- queries on a database filled through the Writer -----------------------------------------------------------

@pytest.fixture
def filled(tmp_path: Path) -> Path:
    db = open_database(tmp_path / "relasi.db")
    writer = Writer(db)
    writer.store_article(make_article(body="one", source="one.txt", events=(
        make_event(RUS, CUB, "041", date="2023-10-02", sentence="Putin menelepon Díaz-Canel. " * 8),
        make_event(USA, RUS, "112", date="2023-10-05"),
    )))
    writer.store_article(make_article(body="two", source="two.txt", events=(
        make_event(IDN, USA, "036", date="2023-11-01", modality="intended"),
        make_event(CUB, RUS, "051", date="2023-12-24"),
    )))
    db.close()
    return tmp_path


def test_cli_store_events_table(relasi_bin: str, filled: Path) -> None:
    result = _relasi(relasi_bin, "events", "--actor", "CUB", cwd=filled)
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["date", "source", "target", "cameo", "plover", "gold", "sentence"]
    assert [row.split()[:5] for row in rows] == [["2023-10-02", "RUS", "CUB", "041", "CONSULT"],
                                                 ["2023-12-24", "CUB", "RUS", "051", "SUPPORT"]]
    assert rows[0].endswith("…") and max(len(r) for r in rows) <= 112
    assert "(2 events)" in result.stderr


def test_cli_store_events_csv_and_jsonl(relasi_bin: str, filled: Path) -> None:
    as_csv = _relasi(relasi_bin, "events", "--format", "csv", "--since", "2023-10-03", "--all", cwd=filled)
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [(r["source_code"], r["target_code"], r["counted"]) for r in rows] == [
        ("USA", "RUS", "True"), ("IDN", "USA", "False"), ("CUB", "RUS", "True")]
    jsonl = _relasi(relasi_bin, "events", "--format", "jsonl", "--cameo", "04", cwd=filled)
    (event,) = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert event["source"]["name"] == "Vladimir Putin" and event["plover"] == "CONSULT"
    assert {"article_id", "url", "title", "outlet"} <= set(event)


def test_cli_store_stats_and_export(relasi_bin: str, filled: Path) -> None:
    text = _relasi(relasi_bin, "stats", cwd=filled).stdout
    assert "events     3 counted, 4 in all" in text
    assert "top actors\n  RUS  3" in text
    for fmt, table, lines in (("csv", "events", 5), ("jsonl", "articles", 2)):
        result = _relasi(relasi_bin, "export", "--format", fmt, "--table", table, "--out", "x.out", cwd=filled)
        assert result.returncode == 0, result.stderr
        assert len((filled / "x.out").read_text(encoding="utf-8").splitlines()) == lines


def test_cli_store_env_database(relasi_bin: str, filled: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    result = _relasi(relasi_bin, "stats", "--json", cwd=elsewhere, env={"RELASI_DB": str(filled / "relasi.db")})
    assert result.returncode == 0 and json.loads(result.stdout)["articles"] == 2
    missing = _relasi(relasi_bin, "events", cwd=elsewhere)
    assert missing.returncode == 1 and "no relasi database" in missing.stderr
    assert not (elsewhere / "relasi.db").exists()
