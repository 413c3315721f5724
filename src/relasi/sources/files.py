"""Local inputs: .txt, .html/.htm, .jsonl (one document per line), .warc(.gz), directories, stdin.

Every problem with one input becomes a Dropped with a reason; the caller reports it and goes on.
"""

from __future__ import annotations

import codecs
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from relasi.extract.chars import safe_hint
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
            # A pipe named on the command line (`<(zcat feed.jsonl)`) is read: the user asked for it.
            yield from _read_path(path, source_name(path), max_bytes)
        else:
            yield Dropped(source_name(path), "read", "not_found", "no such file or directory")


def source_name(path: Path) -> str:
    """The path as text every database can store: bytes of a name that are not UTF-8 shown as \\xNN."""
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


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
        if path.suffix.lower() not in KNOWN_SUFFIXES:
            continue
        kind = _kind(path)
        if kind is not None:
            # A FIFO or device inside a folder would block the walk forever (or never end): never opened.
            yield Dropped(source_name(path), "read", "not_a_file", f"a {kind}, not a regular file")
            continue
        yield from _read_path(path, source_name(path), max_bytes)


def _kind(path: Path) -> str | None:
    """What a path is when it is not a regular file (symlinks followed); None for a regular file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None                  # _read_path reports it
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def _read_path(path: Path, source: str, max_bytes: int) -> Iterator[Document | Dropped]:
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if suffix in WARC_SUFFIXES and (suffix == ".warc" or path.name.lower().endswith(".warc.gz")):
            from relasi.sources.warc import iter_warc

            yield from iter_warc(path, max_bytes, source)
            return
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, source, max_bytes)
            return
        if size > max_bytes:
            yield Dropped(source, "read", "too_large", f"{size} bytes > limit {max_bytes}")
            return
        with path.open("rb") as handle:      # bounded: a named pipe has no size to check first
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            yield Dropped(source, "read", "too_large", f"over {max_bytes} bytes")
            return
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
    source = _str_or_none(record.get("source")) or where
    return Document(
        source=source, content=content, format=fmt,  # type: ignore[arg-type]
        url=_str_or_none(record.get("url")), title=_str_or_none(record.get("title")),
        published=_str_or_none(record.get("published")),
    )


def _str_or_none(value: object) -> str | None:
    """A string field as safe text (JSON allows lone surrogates and controls a database refuses)."""
    return safe_hint(value) if isinstance(value, str) and value.strip() else None


def _document_from_bytes(data: bytes, source: str, fmt: str) -> Document | Dropped:
    return document_from_bytes(data, source, fmt)


def document_from_bytes(data: bytes, source: str, fmt: str, *, charset: str | None = None, url: str | None = None,
                        title: str | None = None, published: str | None = None) -> Document | Dropped:
    """Bytes (a file, a fetched page) as a Document; `charset` is what the server declared, tried first."""
    if not data.strip():
        return Dropped(source, "read", "empty", "file is empty" if url is None else "empty response body")
    decoded = _decode_bom(data) or _declared(data, charset)
    if decoded is None and _looks_binary(data):
        return Dropped(source, "read", "binary", "not a text or HTML file")
    decoded = decoded or _decode(data)
    if decoded is None:
        return Dropped(source, "read", "undecodable", "not UTF-8 and no other encoding fits")
    text, warnings = decoded
    if not text.strip():
        return Dropped(source, "read", "empty", "no text")
    return Document(source=source, content=text, format=fmt, url=url, title=title,  # type: ignore[arg-type]
                    published=published, warnings=warnings)


def _declared(data: bytes, charset: str | None) -> Decoded | None:
    """The bytes in the declared charset, when they really are in it (servers often declare wrongly: bytes
    that are valid UTF-8 are read as UTF-8 whatever the header says)."""
    if not charset:
        return None
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(charset), ()
    except (LookupError, UnicodeDecodeError):
        return None


Decoded = tuple[str, tuple[str, ...]]     # the text and what decoding had to repair

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))   # UTF-32 LE starts like UTF-16 LE


def _decode_bom(data: bytes) -> Decoded | None:
    """A file that starts with a byte order mark says its encoding; UTF-16 and UTF-32 are not binary."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            bad = text.count("\ufffd")
            return text, ((f"encoding: {bad} invalid {encoding} sequences replaced",) if bad else ())
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return controls > len(sample) * 0.05


def _decode(data: bytes) -> Decoded | None:
    """UTF-8; UTF-8 with a few bad bytes (replaced, with a warning) when its multi-byte letters outnumber
    them; else the legacy encoding charset-normalizer finds (a Latin-1 page has no valid UTF-8 sequences)."""
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    letters = sum(1 for ch in text if ch > "\x7f") - bad - data.count("\ufffd".encode())
    if letters >= bad:
        return text, (f"encoding: {bad} bytes that are not UTF-8 replaced",)
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return None
    return data.decode(best.encoding, errors="replace"), ()


def _sniff_format(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head else "text"
