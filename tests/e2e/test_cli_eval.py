"""`relasi eval` run as the installed console script, on small gold files and on the shared dev set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

RELASI = Path(sys.executable).parent / "relasi"
SHARED_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "dev"


def _event(source: str | None, target: str | None, plover: str | None, cameo: str, sentence: str,
           **extra: Any) -> dict[str, Any]:
    return {"source_iso3": source, "source_actor": None, "source_sector": "GOV", "target_iso3": target,
            "target_actor": None, "target_sector": "GOV", "plover": plover, "cameo": cameo, "date": None,
            "location": None, "sentence": sentence, **extra}


def _entity(mention: str, kind: str, canonical: str, iso3: str | None) -> dict[str, Any]:
    return {"mention": mention, "type": kind, "canonical": canonical, "country_iso3": iso3, "role": None}


VISIT = ("Menteri Luar Negeri Malaysia Mohamad Hasan berkunjung ke Jakarta dan bertemu Menteri Luar Negeri "
         "Indonesia Sugiono pada Senin (3/2/2025).")
CONDEMN = "Pemerintah Indonesia mengecam serangan udara Israel terhadap sebuah sekolah di Gaza."
URGE = "Indonesia juga mendesak Dewan Keamanan PBB segera mengambil tindakan tegas."
STATEMENT = "Juru bicara Kementerian Luar Negeri Indonesia menyatakan bahwa situasi di Gaza sangat memprihatinkan."

GOLD_FILES: dict[str, dict[str, Any]] = {
    "kunjungan.json": {
        "id": "kunjungan", "language": "id", "url": None, "authors": [],
        "title": "Menlu Malaysia Berkunjung ke Jakarta", "published": "2025-02-03",
        "text": f"Menlu Malaysia Berkunjung ke Jakarta\n\n{VISIT} Kedua menteri membahas kerja sama perbatasan "
                "dan perlindungan pekerja migran di kedua negara.",
        "entities": [_entity("Malaysia", "COUNTRY", "Malaysia", "MYS"),
                     _entity("Mohamad Hasan", "PERSON", "Mohamad Hasan", "MYS"),
                     _entity("Jakarta", "CITY", "Jakarta", "IDN"),
                     _entity("Sugiono", "PERSON", "Sugiono", "IDN")],
        "events": [_event("MYS", "IDN", "CONSULT", "042", VISIT)],
    },
    "kecaman.json": {
        "id": "kecaman", "language": "id", "url": None, "authors": [], "title": None, "published": None,
        "text": f"{CONDEMN} {URGE}\n\n{STATEMENT}",
        "entities": [_entity("Indonesia", "COUNTRY", "Indonesia", "IDN"),
                     _entity("Israel", "COUNTRY", "Israel", "ISR"),
                     _entity("Gaza", "CITY", "Gaza", "PSE"),
                     _entity("Dewan Keamanan PBB", "IGO", "United Nations Security Council", None)],
        "events": [_event("IDN", "ISR", "ACCUSE", "111", CONDEMN),
                   _event("IDN", None, "REQUEST", "020", URGE, target_actor="United Nations Security Council",
                          target_sector="IGO"),
                   _event("IDN", None, None, "010", STATEMENT)],
    },
}


def run_eval(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(RELASI), "eval", *args], capture_output=True, text=True, timeout=600)


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    for name, data in GOLD_FILES.items():
        (tmp_path / name).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return tmp_path


def _fractions(data: dict[str, Any]) -> list[float]:
    blocks = [data[k] for k in ("events", "dyads", "entities")] + list(data["by_type"].values())
    values = [block[k] for block in blocks for k in ("precision", "recall", "f1")]
    return values + [data["titles"]["accuracy"], data["dates"]["accuracy"]]


@pytest.mark.parametrize("extra", [(), ("--show-errors",), ("--lang", "id")])
def test_cli_eval_json_report(gold_dir: Path, extra: tuple[str, ...]) -> None:
    result = run_eval(str(gold_dir), "--json", *extra)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["documents"] == 2
    assert {"events", "dyads", "entities", "titles", "dates", "by_type"} <= set(data)
    for key in ("events", "dyads", "entities"):
        assert set(data[key]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    # gold: 3 counted events (the 010 statement is not counted), 1 title, 1 date
    assert data["events"]["tp"] + data["events"]["fn"] == 3
    assert (data["titles"]["total"], data["dates"]["total"]) == (1, 1)
    assert all(0.0 <= value <= 1.0 for value in _fractions(data))
    assert ("errors" in data) is ("--show-errors" in extra)


@pytest.mark.parametrize("extra", [(), ("--show-errors",)])
def test_cli_eval_table(gold_dir: Path, extra: tuple[str, ...]) -> None:
    result = run_eval(str(gold_dir), *extra)
    assert result.returncode == 0, result.stderr
    assert "2 documents" in result.stdout
    for row in ("events", "dyads", "entities", "titles", "dates"):
        assert any(line.startswith(row) for line in result.stdout.splitlines()), row


@pytest.mark.parametrize("content", ["{rusak", json.dumps({"text": "tanpa events"})])
def test_cli_eval_bad_gold_file_is_skipped_with_status_1(gold_dir: Path, content: str) -> None:
    (gold_dir / "rusak.json").write_text(content, encoding="utf-8")
    result = run_eval(str(gold_dir), "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout)["documents"] == 2
    bad_lines = [line for line in result.stderr.splitlines() if "rusak.json" in line]
    assert len(bad_lines) == 1


@pytest.mark.parametrize(("floor", "status"), [("0", 0), ("1.5", 2)])
def test_cli_eval_min_event_f1(gold_dir: Path, floor: str, status: int) -> None:
    result = run_eval(str(gold_dir), "--json", "--min-event-f1", floor)
    assert result.returncode == status, result.stderr


@pytest.mark.parametrize("args", [()])
def test_cli_eval_empty_directory_fails(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run_eval(str(tmp_path), *args)
    assert result.returncode == 1
    assert "no *.json gold files" in result.stderr


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_DEV.is_dir(), reason="../shared/gold/dev is not available")
@pytest.mark.parametrize("gold", [SHARED_DEV])
def test_cli_eval_shared_dev_set(gold: Path) -> None:
    result = run_eval(str(gold), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    # every gold file of the set is read and run (the set grows: 29 pages, then 77)
    assert data["documents"] == len(list(gold.glob("*.json")))
    assert all(0.0 <= value <= 1.0 for value in _fractions(data))
