"""`relasi stories`, `relasi events --grouped`, the scale options of `relasi ingest` and Parquet export,
through the real console script and the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_cli_store import _pipeline_missing, _relasi

REPO = Path(__file__).resolve().parents[2]
INPUTS = (str(REPO / "examples"), str(REPO / "tests" / "fixtures" / "dedup"))


@pytest.fixture(autouse=True)
def _needs_pipeline() -> None:
    for fmt in ("text", "html"):
        if reason := _pipeline_missing(fmt):
            pytest.skip(reason)


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, relasi_bin: str) -> tuple[Path, str]:
    work = tmp_path_factory.mktemp("scale")
    result = _relasi(relasi_bin, "ingest", *INPUTS, "--engine", "inprocess", "--parquet", "pq", cwd=work)
    return work, result.stderr if result.returncode == 0 else f"FAILED {result.returncode}: {result.stderr}"


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_cli_scale_ingest_summary_counts_stories(corpus_db: tuple[Path, str]) -> None:
    work, stderr = corpus_db
    assert not stderr.startswith("FAILED"), stderr
    assert "23 documents" in stderr
    line = next(line for line in stderr.splitlines() if line.startswith("relasi: stories:"))
    # Three rewrites and one page of another outlet join earlier stories, as plain copies or near-duplicates.
    new, near, exact = (int(word) for word in line.replace(",", " ").split() if word.isdigit())
    assert near + exact >= 5 and new + near == 23 - exact
    assert "documents/s" in stderr and "engine inprocess" in stderr
    assert "Parquet partitions" in stderr and (work / "pq" / "events").is_dir()


def test_cli_scale_stories_lists_clusters(relasi_bin: str, corpus_db: tuple[Path, str]) -> None:
    work, _ = corpus_db
    result = _relasi(relasi_bin, "stories", "--min-articles", "2", "--format", "jsonl", cwd=work)
    assert result.returncode == 0, result.stderr
    stories = _jsonl(result.stdout)
    assert len(stories) == 3 and all(s["articles"] >= 2 for s in stories)
    outlets = {item["outlet"] for s in stories for item in s["items"]}
    assert {"easternstar.example", "archipelagotimes.example"} <= outlets
    prabowo = next(s for s in stories if any(i["outlet"] == "easternstar.example" for i in s["items"]))
    copies = [c["outlet"] for i in prabowo["items"] for c in i["copies"]]
    assert copies == ["nusantarapost.example"] and prabowo["documents"] == 3
    table = _relasi(relasi_bin, "stories", "--limit", "2", cwd=work)
    assert table.returncode == 0 and table.stdout.startswith("story ")
    assert "(2 of " in table.stderr and "stories shown" in table.stderr


def test_cli_scale_events_grouped_and_evidence(relasi_bin: str, corpus_db: tuple[Path, str]) -> None:
    work, _ = corpus_db
    grouped = _jsonl(_relasi(relasi_bin, "events", "--grouped", "--format", "jsonl", cwd=work).stdout)
    assert grouped and all(g["num_mentions"] >= g["num_articles"] >= 1 for g in grouped)
    repeated = max(grouped, key=lambda g: (g["num_articles"], g["num_mentions"]))
    assert repeated["num_articles"] >= 2 and repeated["num_sources"] >= 1
    evidence = _jsonl(_relasi(relasi_bin, "events", "--group", str(repeated["id"]), "--format", "jsonl",
                              cwd=work).stdout)
    assert len(evidence) >= 2
    assert {(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in evidence} == {
        (repeated["source_code"], repeated["target_code"], repeated["cameo"])}
    counted = len(_jsonl(_relasi(relasi_bin, "events", "--format", "jsonl", cwd=work).stdout))
    assert len(grouped) < counted       # the point: fewer real-world events than evidence sentences
    table = _relasi(relasi_bin, "events", "--grouped", "--source", repeated["source_code"], cwd=work)
    assert table.returncode == 0 and table.stdout.split("\n")[0].split()[:4] == ["id", "date", "source", "target"]


def test_cli_scale_parquet_export_reads_back(relasi_bin: str, corpus_db: tuple[Path, str]) -> None:
    duckdb = pytest.importorskip("duckdb")
    work, _ = corpus_db
    result = _relasi(relasi_bin, "export", "--format", "parquet", "--out", "exported", cwd=work)
    assert result.returncode == 0, result.stderr
    con = duckdb.connect()
    for table in ("documents", "mentions", "events"):
        during, after = (con.execute(f"SELECT count(*) FROM read_parquet('{work}/{folder}/{table}/*.parquet')")
                         .fetchone()[0] for folder in ("pq", "exported"))
        assert during == after > 0, table
    stats = json.loads(_relasi(relasi_bin, "stats", "--json", cwd=work).stdout)
    assert con.execute(f"SELECT count(*) FROM read_parquet('{work}/exported/events/*.parquet')").fetchone()[0] == \
        stats["events"]["all"]
    refused = _relasi(relasi_bin, "export", "--format", "csv", "--table", "all", "--out", "x.csv", cwd=work)
    assert refused.returncode == 2 and "parquet" in refused.stderr


def test_cli_scale_threshold_and_engine_options(relasi_bin: str, tmp_path: Path) -> None:
    fixtures = str(REPO / "tests" / "fixtures" / "dedup")
    strict = _relasi(relasi_bin, "ingest", fixtures, "--engine", "inprocess", "--dedup-threshold", "0.99",
                     cwd=tmp_path)
    assert strict.returncode == 0, strict.stderr
    assert "0 near-duplicates" in strict.stderr
    wrong = _relasi(relasi_bin, "ingest", fixtures, "--engine", "local", "--scheduler", "tcp://127.0.0.1:1",
                    "--db", "other.db", cwd=tmp_path)
    assert wrong.returncode == 2 and "--engine dask" in wrong.stderr
    window = _relasi(relasi_bin, "ingest", fixtures, "--dedup-window", "soon", "--db", "w.db", cwd=tmp_path)
    assert window.returncode == 2 and "--dedup-window" in window.stderr
