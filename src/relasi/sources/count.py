"""How many documents `iter_documents(paths)` will yield, counted cheaply, for a progress bar's total.

Files are counted by walking the same way the reader does (hidden files skipped, known suffixes only);
JSON Lines files by their non-blank lines, read in large blocks without parsing. A WARC archive cannot be
counted without reading its records, so any WARC input makes the total unknown (None).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from relasi.sources.files import JSONL_SUFFIXES, KNOWN_SUFFIXES

_BLOCK = 1 << 20


def count_inputs(paths: Iterable[str]) -> int | None:
    total = 0
    for given in paths:
        if given == "-":
            total += 1
            continue
        path = Path(given)
        if path.is_dir():
            for dirpath, _dirnames, filenames in os.walk(path):
                for name in filenames:
                    if name.startswith(".") or Path(name).suffix.lower() not in KNOWN_SUFFIXES:
                        continue
                    found = _count_file(Path(dirpath) / name)
                    if found is None:
                        return None
                    total += found
        else:
            found = _count_file(path) if path.exists() else 1    # a missing path is one "not_found" report
            if found is None:
                return None
            total += found
    return total


def _count_file(path: Path) -> int | None:
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        return None
    if path.suffix.lower() not in JSONL_SUFFIXES or not path.is_file():
        return 1                     # a FIFO is one "not_a_file" report, and opening it would block
    lines = 0
    try:
        with path.open("rb") as handle:
            tail = b""
            while block := handle.read(_BLOCK):
                chunk = tail + block
                parts = chunk.split(b"\n")
                tail = parts.pop()
                lines += sum(1 for part in parts if part.strip())
            if tail.strip():
                lines += 1
    except OSError:
        return 1
    return lines
