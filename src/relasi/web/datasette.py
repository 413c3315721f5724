"""Datasette on a relasi SQLite file: the metadata relasi ships (titles, descriptions, facets, FTS, licence) and
the command that serves it. Datasette is optional (`pip install 'relasi[datasette]'`); only the command runs it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

METADATA = Path(__file__).resolve().parent.parent / "data" / "datasette" / "metadata.json"


def metadata_for(database: Path) -> dict[str, Any]:
    """The shipped metadata with its tables under the database's name (Datasette names a file by its stem)."""
    data = json.loads(METADATA.read_text(encoding="utf-8"))
    data["databases"] = {database.stem: data["databases"]["*"]}
    return data


def write_metadata(database: Path, folder: Path) -> Path:
    path = folder / f"{database.stem}-datasette.json"
    path.write_text(json.dumps(metadata_for(database), ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def command(database: Path, metadata: Path, host: str = "127.0.0.1", port: int = 8001) -> list[str]:
    """`datasette serve` on the file, read-only (immutable would skip the WAL an ingest may still be writing)."""
    return [sys.executable, "-m", "datasette", "serve", str(database), "--metadata", str(metadata),
            "--host", host, "--port", str(port), "--setting", "default_page_size", "50"]
