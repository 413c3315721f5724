"""WARC archives (as written by crawlers such as wget, Heritrix or Browsertrix): one Document per HTML response."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from relasi.model import Document, Dropped


def iter_warc(path: Path, max_bytes: int) -> Iterator[Document | Dropped]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = url or str(path)
                content_type = record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type.lower():
                    continue
                payload = record.content_stream().read(max_bytes + 1)
                if len(payload) > max_bytes:
                    yield Dropped(where, "read", "too_large", f"response over {max_bytes} bytes")
                    continue
                charset = _charset(content_type)
                text = payload.decode(charset, errors="replace")
                if not text.strip():
                    yield Dropped(where, "read", "empty", "empty response body")
                    continue
                yield Document(source=where, content=text, format="html", url=url)
    except ArchiveLoadFailed as error:
        yield Dropped(str(path), "read", "bad_warc", str(error).splitlines()[0])


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
