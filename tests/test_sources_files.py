import json

import pytest

from relasi.model import Document, Dropped
from relasi.sources.files import iter_documents


def _one(paths, **kwargs):
    items = list(iter_documents([str(p) for p in paths], **kwargs))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", bytes(range(256)) * 8, "binary"),
    ],
)
def test_sources_bad_file_dropped_with_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    item = _one([path])
    assert isinstance(item, Dropped) and item.reason == reason and item.source == str(path)


def test_sources_latin1_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Menteri Luar Negeri Prancis menyatakan kerja sama, café à Paris. ".encode("latin-1") * 20)
    item = _one([path])
    assert isinstance(item, Document) and "café" in item.content


def test_sources_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a " * 600)
    item = _one([path], max_bytes=1000)
    assert isinstance(item, Dropped) and item.reason == "too_large"


def test_sources_missing_path():
    item = _one(["/nonexistent/relasi/file.txt"])
    assert isinstance(item, Dropped) and item.reason == "not_found"


def test_sources_html_and_text_formats(tmp_path):
    (tmp_path / "a.html").write_text("<html><body><p>Halo</p></body></html>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Halo dunia", encoding="utf-8")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    items = list(iter_documents([str(tmp_path)]))
    assert [(i.source.rsplit("/", 1)[-1], i.format) for i in items] == [("a.html", "html"), ("b.txt", "text")]


def test_sources_jsonl_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": "Badan teks satu", "url": "https://x.id/1", "title": "Satu", "published": "2024-01-02"}),
        "{not json",
        json.dumps({"html": "<p>dua</p>"}),
        json.dumps(["a", "list"]),
        json.dumps({"title": "tanpa isi"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_documents([str(path)]))
    assert isinstance(items[0], Document) and items[0].url == "https://x.id/1" and items[0].published == "2024-01-02"
    assert isinstance(items[1], Dropped) and items[1].reason == "bad_json" and items[1].source.endswith(":2")
    assert isinstance(items[2], Document) and items[2].format == "html"
    assert [i.reason for i in items[3:]] == ["bad_json", "empty"]


def test_sources_warc_responses(tmp_path):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, ctype, body in [
            ("https://news.example/a", "text/html; charset=utf-8", b"<html><body><p>Berita</p></body></html>"),
            ("https://news.example/logo.png", "image/png", b"\x89PNG"),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)
            writer.write_record(record)
    items = list(iter_documents([str(path)]))
    assert len(items) == 1 and items[0].url == "https://news.example/a" and items[0].format == "html"
