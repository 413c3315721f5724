"""`relasi process` writes each article as json.dumps(article.to_json(), ensure_ascii=False) would, byte for byte:
on the example pages, and on records with every awkward value (None, escapes, non-ASCII, floats json writes
specially, numbers of subclasses, an actor shared by many mentions)."""

from __future__ import annotations

import enum
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from relasi import jsonlines
from relasi.jsonlines import article_line
from relasi.model import Actor, Article, Document, Event, Mention
from relasi.pipeline import Pipeline
from relasi.sources import iter_documents

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def reference(article: Article) -> str:
    return json.dumps(article.to_json(), ensure_ascii=False)


def test_example_articles_as_json_dumps_writes_them() -> None:
    pipeline = Pipeline()
    articles = [pipeline.run(d) for d in iter_documents([str(EXAMPLES)]) if isinstance(d, Document)]
    articles = [a for a in articles if isinstance(a, Article)]
    assert len(articles) >= 10 and any(a.events for a in articles)
    for article in articles:
        assert article_line(article) == reference(article)


class Level(enum.IntEnum):
    HIGH = 3


def event(actor: Actor, target: Actor, **changes) -> Event:
    fields = dict(source=actor, target=target, cameo="042", plover="CONSULT", goldstein=1.9, quad_class=1,
                  date="2024-05-01", date_precision="day", location="IDN", modality="asserted", negated=False,
                  sentence="Menlu \"RI\" bertemu.", start=0, end=10, pattern="p:1", confidence=0.85)
    return Event(**{**fields, **changes})


STATE = Actor("IDN", "STATE", "Indonesia")
PERSON = Actor("USA", "PERSON", "Antony Blinken", "USA", "GOV", "foreign minister")
ODD = Actor("X\u00e9", "ORG", 'quote " back \\ tab \t nl \n ctl \x01 del \x7f sep \u2028 emoji \U0001F600',
            None, None, None)


@pytest.mark.parametrize("article", [
    Article(id="a", source="s", body=""),
    Article(id="a", source="s", body="Jakarta\r\n\u201cquoted\u201d \\ \"x\" \x00\x1f", url="https://x.id/a?b=1&c=2",
            outlet="ANTARA", title="Judul — \u00e9t\u00e9", published="2024-05-01T09:00:00+07:00",
            authors=("A", "B \u00fc"), dateline="JAKARTA", language="id", warnings=("bytes not UTF-8",),
            mentions=tuple(Mention(i, i + 3, "RI", STATE) for i in range(5)) + (Mention(9, 12, "Blinken", PERSON),
                                                                                 Mention(0, 1, "x", ODD))),
    Article(id="a", source="s", body="b", events=(
        event(STATE, PERSON),
        event(PERSON, ODD, goldstein=None, quad_class=None, plover=None, date=None, location=None, negated=True),
        event(STATE, STATE, goldstein=-10.0, confidence=1e-07),
        event(STATE, STATE, goldstein=1e16, confidence=-0.0),
        event(STATE, STATE, goldstein=math.nan, confidence=math.inf),
        event(STATE, STATE, goldstein=-math.inf, confidence=1),
        event(STATE, STATE, quad_class=Level.HIGH, start=True),
        event(STATE, STATE, confidence=0.1 + 0.2),
    )),
    Article(id="a", source="s", body="lone surrogate \ud800 kept as json.dumps keeps it"),
])
def test_awkward_values_as_json_dumps_writes_them(article: Article) -> None:
    assert article_line(article) == reference(article)


def test_a_field_the_writer_does_not_know_goes_through_to_json(monkeypatch: pytest.MonkeyPatch) -> None:
    original = Article.to_json

    def with_extra(self: Article) -> dict:
        return {**original(self), "extra": 1}

    monkeypatch.setattr(Article, "to_json", with_extra)
    jsonlines._same_layout.cache_clear()
    try:
        article = Article(id="a", source="s", body="b")
        assert article_line(article) == reference(article)
        assert article_line(article).endswith('"extra": 1}')
    finally:
        monkeypatch.undo()
        jsonlines._same_layout.cache_clear()


def test_relasi_process_prints_the_same_lines(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("JAKARTA — Menteri Luar Negeri RI Sugiono bertemu Menteri Luar Negeri Australia Penny Wong di "
                    "Canberra pada Senin (5/5/2025). Keduanya sepakat memperkuat kerja sama pertahanan.\n",
                    encoding="utf-8")
    relasi = Path(sys.executable).with_name("relasi")
    printed = subprocess.run([str(relasi), "process", str(page)], capture_output=True, check=True).stdout
    article = Pipeline().run(Document(str(page), page.read_text(encoding="utf-8"), "text"))
    assert printed == (reference(article) + "\n").encode("utf-8")
