"""The compiled-pack cache: a cached pack reads text as a freshly built one does, any edit to the data gives a new
pack, and a damaged or unwritable cache never stops relasi."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from relasi.actors import find_actors
from relasi.model import Article
from relasi.packs import DATA_DIR, load_pack
from relasi.sentences import split_sentences

build = load_pack.__wrapped__          # past the per-process memo: each call goes to the cache or the files
TEXT = ("Menteri Luar Negeri Retno Marsudi bertemu Menlu Malaysia di Kuala Lumpur pada Selasa (5/3/2024). "
        "Kedua menteri membahas perbatasan.")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A private copy of the packs' data, free to edit."""
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("RELASI_CACHE_DIR", str(folder))
    return folder


def _reading(pack) -> list[tuple[str, str | None, int]]:
    article = Article(id="t", source="t", body=TEXT, published="2024-03-05", language=pack.lang)
    found = find_actors(split_sentences(article, pack), pack)
    return [(m.text, m.actor.code, m.start) for m in found.mentions]


def test_a_cached_pack_reads_text_as_a_fresh_one(data: Path, cache: Path) -> None:
    fresh = build("id", data)
    assert len(list(cache.glob("id-*.pickle"))) == 1
    cached = build("id", data)
    assert cached is not fresh
    assert _reading(cached) == _reading(fresh)
    assert ("Malaysia", "MYS") in {(text, code) for text, code, _ in _reading(cached)}
    assert len(cached.entries) == len(fresh.entries)
    assert cached.lexicon.by_form.keys() == fresh.lexicon.by_form.keys()
    assert cached.grammar == fresh.grammar


def test_an_edited_data_file_gives_a_new_pack(data: Path, cache: Path) -> None:
    before = build("id", data)
    assert not any(entry.name == "Negeri Contoh Raya" for entry in before.entries)
    actors = data / "id" / "actors.tsv"
    actors.write_text(actors.read_text(encoding="utf-8") + "Negeri Contoh Raya\tMYS\tSTATE\tMalaysia\tMYS\t\t\t\t\t\n",
                      encoding="utf-8")
    after = build("id", data)
    assert any(entry.name == "Negeri Contoh Raya" for entry in after.entries)
    assert len(list(cache.glob("id-*.pickle"))) == 1          # the earlier version is gone, not kept beside it


def test_a_damaged_cache_file_is_rebuilt(data: Path, cache: Path) -> None:
    fresh = build("id", data)
    (stored,) = cache.glob("id-*.pickle")
    stored.write_bytes(b"\x80\x05not a pickle at all")
    rebuilt = build("id", data)
    assert _reading(rebuilt) == _reading(fresh)
    assert stored.read_bytes()[:2] == b"\x80\x05" and len(stored.read_bytes()) > 1000


def test_an_unwritable_cache_only_costs_time(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("RELASI_CACHE_DIR", str(blocker / "cache"))
    assert ("Malaysia", "MYS") in {(text, code) for text, code, _ in _reading(build("id", data))}


def test_the_cache_can_be_turned_off(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELASI_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    build("id", data)
    assert not (tmp_path / "xdg").exists()


def test_pack_records_pickle_as_their_constructor_call() -> None:
    import pickle

    from relasi.lang.morphology import Form

    form = Form("menyerang", "active", "meN")
    assert form.__reduce__() == (Form, ("menyerang", "active", "meN"))
    assert pickle.loads(pickle.dumps(form)) == form
    pack = load_pack("id")
    entry = pack.lexicon.entries("menyerang")[0]
    assert pickle.loads(pickle.dumps(entry)) == entry
    assert pickle.loads(pickle.dumps(pack.entries[0])) == pack.entries[0]


def test_the_gazetteer_from_the_cache_is_the_one_built(cache: Path) -> None:
    from relasi.places import gazetteer as places

    fresh = places.gazetteer.__wrapped__()
    assert len(list(cache.glob("places-*.pickle"))) == 1
    cached = places.gazetteer.__wrapped__()
    assert cached is not fresh
    assert cached == fresh
    assert places.Entry.__reduce__ is not object.__reduce__   # loads as constructor calls, not per-field setstate


def test_a_cached_pack_carries_what_the_steps_derive_from_it(data: Path, cache: Path) -> None:
    from relasi.clauses.words import compile_words

    fresh = build("en", data)
    cached = build("en", data)
    assert cached is not fresh
    assert "_clause_words" in cached.__dict__          # loaded with the pack, not recomputed at first use
    plain = dataclasses.replace(cached)                  # the same fields, nothing derived yet
    assert "_clause_words" not in plain.__dict__
    assert cached.__dict__["_clause_words"] == compile_words(plain)
