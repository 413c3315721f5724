"""WARC archives (as written by crawlers such as wget, Heritrix or Browsertrix): one Document per HTML response.

A damaged archive is never accepted in silence: an empty file, a gzip stream cut short, a record whose body
ends before its declared length, or headers warcio cannot parse each give a Dropped naming the archive (the
complete records before the damage are still read).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from relasi.model import Document, Dropped

_DRAIN = 1 << 16


def iter_warc(path: Path, max_bytes: int, source: str | None = None) -> Iterator[Document | Dropped]:
    from warcio.archiveiterator import WARCIterator

    name = source or str(path)
    if path.stat().st_size == 0:
        yield Dropped(name, "read", "empty", "file is empty")
        return
    # One line per damaged archive: the first thing found wrong with it.
    damage = gzip_damage(path) if path.name.lower().endswith(".gz") else None
    records = 0
    try:
        with path.open("rb") as stream:
            archive = WARCIterator(stream)          # WARC only: warcio would read any text as ARC records
            archive.INC_RECORD = ""                 # counted in err_count instead of written to our stderr
            for record in archive:
                records += 1
                found = _read_record(record, name, max_bytes)
                if found is not None:
                    yield found
            if archive.err_count:
                damage = damage or f"{archive.err_count} records longer or shorter than their Content-Length"
    except Exception as error:  # noqa: BLE001 - warcio raises anything (AttributeError, ValueError) on damage
        first = str(error).strip().splitlines()[:1]
        damage = damage or f"record {records + 1} is damaged or cut off ({first[0] if first else type(error).__name__})"
    if damage is None and records == 0:
        damage = "no WARC record in the file"
    if damage is not None:
        yield Dropped(name, "read", "bad_warc", f"{damage}; {records} complete records read")


def _read_record(record: object, name: str, max_bytes: int) -> Document | Dropped | None:
    url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    where = url or name
    wanted = record.rec_type == "response" and record.http_headers is not None  # type: ignore[attr-defined]
    content_type = (record.http_headers.get_header("Content-Type") or "") if wanted else ""  # type: ignore[attr-defined]
    wanted = wanted and "html" in content_type.lower()
    payload = record.content_stream().read(max_bytes + 1) if wanted else b""  # type: ignore[attr-defined]
    raw = record.raw_stream  # type: ignore[attr-defined]
    while raw.read(_DRAIN):
        pass
    if getattr(raw, "limit", 0) > 0:
        return Dropped(where, "read", "truncated", f"WARC record in {name} ends {raw.limit} bytes early")
    if not wanted:
        return None
    if len(payload) > max_bytes:
        return Dropped(where, "read", "too_large", f"response over {max_bytes} bytes")
    text = payload.decode(_charset(content_type), errors="replace")
    if not text.strip():
        return Dropped(where, "read", "empty", "empty response body")
    return Document(source=where, content=text, format="html", url=url)


def gzip_damage(path: Path) -> str | None:
    """Why a (multi-member) gzip file is damaged, or None when every member ends properly."""
    decompressor = zlib.decompressobj(wbits=31)
    fed = False                  # bytes went into the current member
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(_DRAIN):
                while chunk:
                    fed = True
                    decompressor.decompress(chunk, _DRAIN)
                    while decompressor.unconsumed_tail and not decompressor.eof:
                        decompressor.decompress(decompressor.unconsumed_tail, _DRAIN)
                    if not decompressor.eof:
                        break
                    chunk = decompressor.unused_data
                    decompressor, fed = zlib.decompressobj(wbits=31), False
    except zlib.error as error:
        return f"damaged gzip: {error}"
    return "gzip stream cut short (truncated file)" if fed else None


def _charset(content_type: str) -> str:
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            try:
                "".encode(value.strip('"'))
                return value.strip('"')
            except LookupError:
                break
    return "utf-8"
