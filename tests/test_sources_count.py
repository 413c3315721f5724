"""Counting inputs for the progress bar's total, without reading documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from relasi.sources import iter_documents
from relasi.sources.count import count_inputs


def test_sources_count_matches_what_the_reader_yields(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "sub" / "b.html").write_text("<html><body>two</body></html>")
    (tmp_path / ".hidden.txt").write_text("skipped")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    lines = [json.dumps({"text": f"doc {n}"}) for n in range(5)]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines[:3]) + "\n\n" + "\n".join(lines[3:]))   # no final newline
    given = [str(tmp_path), str(tmp_path / "missing.txt")]
    assert count_inputs(given) == len(list(iter_documents(given))) == 1 + 1 + 5 + 1


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_sources_count_is_unknown_with_a_warc(tmp_path: Path, name: str) -> None:
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / name).write_bytes(b"WARC/1.0\r\n")
    assert count_inputs([str(tmp_path)]) is None
