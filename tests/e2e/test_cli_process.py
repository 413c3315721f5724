"""`relasi process` through the real console script: the JSON Lines contract of DESIGN.md."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

ARTICLE_KEYS = {"id", "source", "url", "outlet", "title", "published", "authors", "language", "body", "mentions",
                "events", "warnings"}
EVENT_KEYS = {"source", "target", "cameo", "plover", "goldstein", "quad_class", "date", "location", "modality",
              "negated", "sentence", "start", "end", "pattern", "confidence"}
ACTOR_KEYS = {"code", "kind", "name", "country", "sector", "role"}

ID_ARTICLE = """Berita Dunia

Menlu Jepang Kunjungi Jakarta, Bahas Kerja Sama Maritim

Rabu, 12 April 2023 | 14:30 WIB

JAKARTA, KOMPAS.com - Menteri Luar Negeri Indonesia Retno Marsudi bertemu dengan Menteri Luar Negeri Jepang \
Yoshimasa Hayashi di Jakarta, Selasa (11/4/2023). Kedua menteri membahas kerja sama maritim dan investasi.

Baca juga: Harga Cabai Naik Menjelang Lebaran

Dalam pertemuan itu, Indonesia dan Jepang menandatangani nota kesepahaman tentang keamanan laut, kata juru bicara \
Kementerian Luar Negeri RI.
"""


def _run(relasi_bin, *args, stdin: str | None = None):
    return subprocess.run([relasi_bin, "process", *args], input=stdin, capture_output=True, text=True, timeout=300)


def _records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_process_stdin_contract(relasi_bin):
    result = _run(relasi_bin, "-", stdin=ID_ARTICLE)
    assert result.returncode == 0, result.stderr
    (record,) = _records(result.stdout)
    assert ARTICLE_KEYS <= set(record)
    assert record["language"] == "id"
    assert record["title"] == "Menlu Jepang Kunjungi Jakarta, Bahas Kerja Sama Maritim"
    assert record["published"].startswith("2023-04-12")
    assert "Baca juga" not in record["body"]
    for mention in record["mentions"]:
        assert record["body"][mention["start"]:mention["end"]] == mention["text"]
        assert ACTOR_KEYS == set(mention["actor"])
    events = record["events"]
    assert events, "the meeting and the signing are events"
    for event in events:
        assert EVENT_KEYS <= set(event)
        assert record["body"][event["start"]:event["end"]] == event["sentence"]
    dyads = {(e["source"]["code"], e["target"]["code"], e["plover"]) for e in events}
    assert ("IDN", "JPN", "CONSULT") in dyads or ("JPN", "IDN", "CONSULT") in dyads
    assert any(p == "AGREE" for *_, p in dyads)


def test_process_examples_find_events(relasi_bin):
    paths = sorted(str(p) for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html"))
    assert len(paths) >= 12
    result = _run(relasi_bin, *paths)
    assert result.returncode == 0, result.stderr
    records = _records(result.stdout)
    assert len(records) == len(paths)
    assert {r["language"] for r in records} == {"id", "en"}
    assert sum(len(r["events"]) for r in records) >= len(records)


def test_process_bad_inputs_reported_and_rest_processed(relasi_bin, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ID_ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "noarticle.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    result = _run(relasi_bin, str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    records = _records(result.stdout)
    assert [Path(r["source"]).name for r in records] == ["good.txt"]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 4
    for name, reason in [("empty.txt", "empty"), ("binary.txt", "binary"), ("noarticle.html", "no_article"),
                         ("missing.txt", "not_found")]:
        assert any(name in line and reason in line for line in errors), (name, errors)


SEED_CALL = "002_678ab95409b48ac6"


@pytest.fixture(scope="module")
def seed_records(shared_dir, relasi_bin):
    paths = sorted(str(p) for p in (shared_dir / "seeds").glob("*.txt"))
    result = _run(relasi_bin, *paths)
    assert result.returncode == 0, result.stderr
    return {Path(r["source"]).stem: r for r in _records(result.stdout)}


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n") if p.strip()]


def test_process_seeds_titles_dates_bodies(seed_records, shared_dir):
    assert len(seed_records) == 5
    for stem, record in seed_records.items():
        gold = json.loads((shared_dir / "gold" / "dev" / f"{stem}.json").read_text(encoding="utf-8"))
        assert record["title"] == gold["title"], stem
        if gold["published"]:
            assert (record["published"] or "")[:10] == gold["published"], stem
        got, want = _paragraphs(record["body"]), _paragraphs(gold["body"])
        assert not [p for p in want if p not in got], f"{stem}: body paragraphs lost"
        assert not [p for p in got if p not in want], f"{stem}: boilerplate kept"


def test_process_seed_phone_call(seed_records):
    events = seed_records[SEED_CALL]["events"]
    calls = [e for e in events if e["cameo"] == "041" and e["source"]["code"] == "RUS" and e["target"]["code"] == "CUB"]
    assert calls, [(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in events]
    call = calls[0]
    assert call["plover"] == "CONSULT" and call["date"] == "2022-01-24"
    assert call["source"]["sector"] == "GOV" and call["target"]["sector"] == "GOV"
    assert "Díaz-Canel" in call["sentence"]


def test_process_example_praise_of_own_people_has_no_target(relasi_bin):
    """"I want to compliment our aviators": praise of the speaker's own people is aimed at no other side."""
    result = _run(relasi_bin, str(EXAMPLES / "03_en_balloon_shot_down.html"))
    assert result.returncode == 0, result.stderr
    events = _records(result.stdout)[0]["events"]
    assert not [e for e in events if "compliment our aviators" in e["sentence"]]
    assert any(e["plover"] == "ASSAULT" for e in events)
