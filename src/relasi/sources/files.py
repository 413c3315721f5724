"""Local inputs: .txt, .html/.htm, .jsonl (one document per line), .warc(.gz), directories, stdin.

Every problem with one input becomes a Dropped with a reason; the caller reports it and goes on.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from relasi.model import Document, Dropped

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".gz"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES

DEFAULT_MAX_BYTES = 20_000_000


def iter_documents(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Dropped]:
    """Yield a Document (or a Dropped) for every input under `paths`, in a stable order."""
    for given in paths:
        if given == "-":
            yield read_stdin()
            continue
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, max_bytes)
        elif path.exists():
            yield from _read_path(path, str(path), max_bytes)
        else:
            yield Dropped(given, "read", "not_found", "no such file or directory")


def read_stdin(source: str = "-") -> Document | Dropped:
    data = sys.stdin.buffer.read()
    return _document_from_bytes(data, source, _sniff_format(data))


def _walk(root: Path, max_bytes: int) -> Iterator[Document | Dropped]:
    errors: list[OSError] = []
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames.sort()
        found.extend(Path(dirpath) / name for name in sorted(filenames) if not name.startswith("."))
    for error in errors:
        yield Dropped(str(error.filename or root), "read", "unreadable", error.strerror or str(error))
    for path in found:
        if path.suffix.lower() in KNOWN_SUFFIXES:
            yield from _read_path(path, str(path), max_bytes)


def _read_path(path: Path, source: str, max_bytes: int) -> Iterator[Document | Dropped]:
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if suffix in WARC_SUFFIXES and (suffix == ".warc" or path.name.lower().endswith(".warc.gz")):
            from relasi.sources.warc import iter_warc

            yield from iter_warc(path, max_bytes)
            return
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, source, max_bytes)
            return
        if size > max_bytes:
            yield Dropped(source, "read", "too_large", f"{size} bytes > limit {max_bytes}")
            return
        data = path.read_bytes()
    except OSError as error:
        yield Dropped(source, "read", "unreadable", error.strerror or str(error))
        return
    fmt = "html" if suffix in HTML_SUFFIXES else ("text" if suffix in TEXT_SUFFIXES else _sniff_format(data))
    yield _document_from_bytes(data, source, fmt)


def _read_jsonl(path: Path, source: str, max_bytes: int) -> Iterator[Document | Dropped]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{source}:{number}"
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield Dropped(where, "read", "too_large", f"{len(raw)} bytes > limit {max_bytes}")
                continue
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as error:
                yield Dropped(where, "read", "bad_json", str(error).split(":")[0])
                continue
            yield _document_from_record(record, where)


def _document_from_record(record: object, where: str) -> Document | Dropped:
    if not isinstance(record, dict):
        return Dropped(where, "read", "bad_json", "line is not a JSON object")
    html, text = record.get("html"), record.get("text")
    content, fmt = (html, "html") if isinstance(html, str) and html.strip() else (text, "text")
    if not isinstance(content, str) or not content.strip():
        return Dropped(where, "read", "empty", "record has no 'text' or 'html'")
    return Document(
        source=str(record.get("source") or where), content=content, format=fmt,  # type: ignore[arg-type]
        url=_str_or_none(record.get("url")), title=_str_or_none(record.get("title")),
        published=_str_or_none(record.get("published")),
    )


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _document_from_bytes(data: bytes, source: str, fmt: str) -> Document | Dropped:
    if not data.strip():
        return Dropped(source, "read", "empty", "file is empty")
    if _looks_binary(data):
        return Dropped(source, "read", "binary", "not a text or HTML file")
    text = _decode(data)
    if text is None:
        return Dropped(source, "read", "undecodable", "not UTF-8 and no other encoding fits")
    return Document(source=source, content=text, format=fmt)  # type: ignore[arg-type]


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return controls > len(sample) * 0.05


def _decode(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return None
    return data.decode(best.encoding, errors="replace")


def _sniff_format(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head else "text"
