"""The store commands in-process, with the stand-in pipeline (the real one is exercised in tests/e2e)."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import relasi.ingest
from relasi.cli import main
from tests.store_support import fake_runner, write_corpus


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    monkeypatch.setattr(relasi.ingest, "pipeline_runner", lambda _settings: fake_runner)
    monkeypatch.delenv("RELASI_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Inputs that must each give one stderr line naming them; returns {path: reason}."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    with (folder / "huge.txt").open("wb") as handle:   # 50 MB, sparse: dropped on its size, never read
        handle.truncate(50 * 1024 * 1024)
    (folder / "nothing.html").write_text("<html><head></head><body><nav></nav><script></script></body></html>")
    (folder / "feed.jsonl").write_text('{"text": "Fine line\\nRUS CUB 041"}\n{not json\n')
    return {
        str(folder / "empty.txt"): "empty", str(folder / "binary.txt"): "binary",
        str(folder / "huge.txt"): "too_large", str(folder / "nothing.html"): "no_article",
        f"{folder / 'feed.jsonl'}:2": "bad_json",
    }


def test_store_cli_ingest_reports_each_bad_input_and_stores_the_rest(runner: CliRunner, tmp_path: Path) -> None:
    write_corpus(tmp_path / "good", 3)
    expected = _bad_inputs(tmp_path / "bad")
    (tmp_path / "bad" / "latin1.txt").write_bytes("Pernyataan Menlu: «perundingan»\nRUS CUB 041 \xe9t\xe9\n"
                                                  .encode("latin-1"))
    result = runner.invoke(main, ["ingest", "good", str(tmp_path / "bad")])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("relasi: ") and "(" in line]
    for source, reason in expected.items():
        matching = [line for line in lines if line.startswith(f"relasi: {source}: {reason}")]
        assert len(matching) == 1, (source, result.stderr)
    assert "dropped 5:" in result.stderr and "documents/s" in result.stderr
    stats = json.loads(runner.invoke(main, ["stats", "--json"]).stdout)
    # 3 good + the latin-1 file + the good JSONL line stored; 5 dropped, each recorded once.
    assert stats["documents"] == {"all": 10, "ok": 5, "dropped": 5}
    assert stats["articles"] == 5


def test_store_cli_ingest_rerun_adds_nothing_and_still_fails_on_bad_inputs(runner: CliRunner,
                                                                           tmp_path: Path) -> None:
    write_corpus(tmp_path / "good", 4)
    (tmp_path / "good" / "empty.txt").write_text("")
    first = runner.invoke(main, ["ingest", "good", "--batch-size", "2"])
    second = runner.invoke(main, ["ingest", "good", "--batch-size", "2"])
    assert first.exit_code == second.exit_code == 1
    assert "4 new articles" in first.stderr
    assert "0 new articles" in second.stderr and "4 skipped" in second.stderr
    assert second.stderr.count("empty.txt: empty") == 1
    stats = json.loads(runner.invoke(main, ["stats", "--json"]).stdout)
    assert stats["documents"]["all"] == 5 and stats["events"]["all"] == 8


def test_store_cli_unreadable_directory(runner: CliRunner, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading (tests/e2e runs this as nobody)")
    locked = tmp_path / "locked"
    write_corpus(locked / "inner", 1)
    locked.chmod(0)
    try:
        result = runner.invoke(main, ["ingest", str(locked)])
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 1
    assert f"relasi: {locked}: unreadable" in result.stderr


def test_store_cli_db_option_and_env(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_corpus(tmp_path / "c", 2)
    assert runner.invoke(main, ["ingest", "c", "--db", "chosen.db"]).exit_code == 0
    assert (tmp_path / "chosen.db").exists() and not (tmp_path / "relasi.db").exists()
    monkeypatch.setenv("RELASI_DB", str(tmp_path / "from_env.db"))
    assert runner.invoke(main, ["ingest", "c"]).exit_code == 0
    assert (tmp_path / "from_env.db").exists()
    assert runner.invoke(main, ["ingest", "c"]).exit_code == 0 and not (tmp_path / "relasi.db").exists()


def test_store_cli_read_commands_need_a_database(runner: CliRunner, tmp_path: Path) -> None:
    for command in (["events"], ["stats"], ["export", "--format", "csv", "--out", "x.csv"]):
        result = runner.invoke(main, [*command, "--db", "missing.db"])
        assert result.exit_code == 1 and "relasi ingest" in result.stderr
    assert not (tmp_path / "missing.db").exists()


def test_store_cli_events_formats(runner: CliRunner, tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 3)
    runner.invoke(main, ["ingest", "c"])
    table = runner.invoke(main, ["events", "--source", "rus"])
    assert table.exit_code == 0
    rows = table.stdout.splitlines()
    assert rows[0].split()[:6] == ["date", "source", "target", "cameo", "plover", "gold"]
    assert len(rows) == 4 and all(" RUS " in row for row in rows[1:])
    as_csv = list(csv.DictReader(io.StringIO(runner.invoke(main, ["events", "--format", "csv"]).stdout)))
    assert len(as_csv) == 6 and {r["plover"] for r in as_csv} == {"CONSULT", "ACCUSE"}
    jsonl = runner.invoke(main, ["events", "--format", "jsonl", "--type", "accuse", "--limit", "2"]).stdout
    events = [json.loads(line) for line in jsonl.splitlines()]
    assert len(events) == 2 and all(e["plover"] == "ACCUSE" and e["source"]["code"] == "USA" for e in events)
    assert runner.invoke(main, ["events", "--since", "yesterday"]).exit_code == 2


def test_store_cli_stats_text_and_export(runner: CliRunner, tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 3)
    runner.invoke(main, ["ingest", "c"])
    text = runner.invoke(main, ["stats"]).stdout
    assert "events     6 counted, 6 in all" in text and "RUS -> CUB" in text and "last runs" in text
    result = runner.invoke(main, ["export", "--format", "jsonl", "--table", "articles", "--out", "a.jsonl"])
    assert result.exit_code == 0 and "wrote 3 articles" in result.stderr
    assert len((tmp_path / "a.jsonl").read_text().splitlines()) == 3
    result = runner.invoke(main, ["export", "--format", "csv", "--out", "-"])
    assert result.stdout.count("\n") == 7   # header + 6 events
    assert runner.invoke(main, ["export", "--format", "parquet", "--out", "x"]).exit_code == 0   # registered by scale
    assert (tmp_path / "x" / "events").is_dir()
    assert runner.invoke(main, ["export", "--format", "xml", "--out", "x"]).exit_code == 2


def test_store_cli_ingest_stdin_is_keyed_by_content(runner: CliRunner) -> None:
    for text in ("First piped article\nRUS CUB 041\n", "Second piped article\nUSA IDN 111\n",
                 "First piped article\nRUS CUB 041\n"):
        assert runner.invoke(main, ["ingest", "-"], input=text).exit_code == 0
    stats = json.loads(runner.invoke(main, ["stats", "--json"]).stdout)
    assert stats["documents"]["all"] == 2 and stats["articles"] == 2
