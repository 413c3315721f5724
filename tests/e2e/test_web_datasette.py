"""A real Datasette over a real relasi database (issue 12): the views, full-text search and the metadata relasi
ships, served on 127.0.0.1 by `python -m datasette`."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace

import httpx
import pytest

from relasi.web.datasette import command, write_metadata
from tests.test_web_server import corpus, counted, fill_database

pytest.importorskip("datasette")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def datasette(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    folder = tmp_path_factory.mktemp("datasette")
    articles = [replace(a, dateline=d) for a, d in zip(corpus(), ("WASHINGTON", "JAKARTA", None, None, None, None),
                                                        strict=True)]
    database = fill_database(folder / "relasi.db", articles)
    port = _free_port()
    process = subprocess.Popen(command(database, write_metadata(database, folder), port=port),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/-/versions.json", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("datasette did not start") from None
                time.sleep(0.2)
        with httpx.Client(base_url=base, timeout=30) as client:
            yield client
    finally:
        process.terminate()
        process.wait(timeout=15)


def test_web_datasette_serves_the_counted_events_view(datasette: httpx.Client) -> None:
    rows = datasette.get("/relasi/counted_events.json", params={"_shape": "array", "_size": "max"}).json()
    assert len(rows) == len(counted(corpus()))
    balloon = next(r for r in rows if "balloon" in r["sentence"])
    assert balloon["source_name"] == "United States" and balloon["title"] == "US shoots down balloon"
    assert balloon["place_name"] == "Jakarta" and balloon["latitude"] < 0


def test_web_datasette_serves_dyad_months(datasette: httpx.Client) -> None:
    rows = datasette.get("/relasi/dyad_months.json", params={"_shape": "array", "source_code": "USA",
                                                             "target_code": "CHN"}).json()
    assert {r["month"]: r["events"] for r in rows} == {"2023-01": 1, "2023-02": 2}


def test_web_datasette_full_text_search(datasette: httpx.Client) -> None:
    found = datasette.get("/relasi/articles.json", params={"_search": "balloon", "_shape": "array"}).json()
    assert [r["title"] for r in found] == ["US shoots down balloon"]
    evidence = datasette.get("/relasi/events.json", params={"_search": "criticised", "_shape": "array"}).json()
    assert len(evidence) == 1


def test_web_datasette_shows_relasi_metadata(datasette: httpx.Client) -> None:
    page = datasette.get("/relasi/counted_events").text
    assert "Counted events" in page and "Asserted, non-negated events" in page
    assert "Apache-2.0" in datasette.get("/").text
