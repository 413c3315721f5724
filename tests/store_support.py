"""Shared by the store and ingest tests: articles, events and a fake pipeline (fixtures: store_fixtures)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from relasi.model import Actor, Article, Document, Dropped, Event, Mention

RUS = Actor("RUS", "PERSON", "Vladimir Putin", "RUS", "GOV", "president")
CUB = Actor("CUB", "PERSON", "Miguel Díaz-Canel", "CUB", "GOV", "president")
IDN = Actor("IDN", "STATE", "Indonesia", "IDN")
USA = Actor("USA", "STATE", "United States", "USA")
CODES = {"RUS": RUS, "CUB": CUB, "IDN": IDN, "USA": USA}
PLOVER = {"04": "CONSULT", "11": "ACCUSE", "05": "SUPPORT", "03": "AGREE", "17": "COERCE", "01": None}


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def make_event(source: Actor, target: Actor, cameo: str, *, date: str | None = "2023-10-02",
               modality: str = "asserted", negated: bool = False, sentence: str = "A met B.",
               start: int = 0) -> Event:
    plover = PLOVER.get(cameo[:2])
    return Event(source=source, target=target, cameo=cameo, plover=plover,
                 goldstein=1.0 if plover else None, quad_class=1 if plover else None, date=date,
                 date_precision="day" if date else "published", location=None, modality=modality,
                 negated=negated, sentence=sentence, start=start, end=start + len(sentence),
                 pattern=f"test#{cameo}", confidence=0.9)


def make_article(body: str = "Putin berbicara dengan Díaz-Canel melalui telepon.", source: str = "a.txt",
                 events: tuple[Event, ...] | None = None, **fields: object) -> Article:
    if events is None:
        events = (make_event(RUS, CUB, "041", sentence=body),)
    mentions = (Mention(0, 5, "Putin", RUS, "people.tsv:12", extent=(0, 5)),
                Mention(23, 33, "Díaz-Canel", CUB, "people.tsv:40", part=True))
    values: dict[str, object] = dict(
        id=sha1(body), source=source, body=body, url="https://example.org/a", outlet="example.org",
        title="Putin dan Díaz-Canel", published="2023-10-03T09:06:00+07:00", authors=("Reni Erina",),
        dateline="MOSKOW", language="id", sentences=((0, len(body)),), mentions=mentions, events=events,
        warnings=("date from the dateline",),
    )
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def fake_runner(doc: Document) -> Article | Dropped:
    """A stand-in pipeline: each line `SRC TGT CAMEO [DATE] [negated|intended]` of the text is an event.

    `DROP reason` as the first line gives a Dropped; `CRASH` raises, like a bug in a step; an HTML page
    with no text is dropped as no_article.
    """
    if doc.format == "html" and not re.sub(r"<[^>]*>", " ", doc.content).strip():
        return Dropped(doc.source, "extract", "no_article", "no article text in the page")
    lines = [line.split() for line in doc.content.splitlines() if line.strip()]
    if lines and lines[0][0] == "DROP":
        return Dropped(doc.source, "extract", lines[0][1] if len(lines[0]) > 1 else "no_article")
    if lines and lines[0][0] == "CRASH":
        raise ValueError("step failed on purpose")
    events = []
    offset = 0
    for words in lines:
        if len(words) >= 3 and words[0] in CODES and words[1] in CODES:
            date = words[3] if len(words) > 3 and words[3][:1].isdigit() else None
            flags = set(words[3:])
            sentence = " ".join(words)
            events.append(make_event(CODES[words[0]], CODES[words[1]], words[2], date=date,
                                     negated="negated" in flags,
                                     modality="intended" if "intended" in flags else "asserted",
                                     sentence=sentence, start=offset))
        offset += len(" ".join(words)) + 1
    body = doc.content.strip()
    return Article(id=sha1(body), source=doc.source, body=body, url=doc.url, title=doc.title,
                   published=doc.published, events=tuple(events))


def make_fake_runner():  # noqa: ANN201 - a RunnerFactory
    return fake_runner


def write_corpus(folder: Path, count: int, *, start: int = 0) -> list[Path]:
    """`count` small text files, each a distinct article with two events."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        path = folder / f"doc{number:05d}.txt"
        path.write_text(f"Article {number}\nRUS CUB 041 2023-10-{number % 28 + 1:02d}\nUSA IDN 111\n")
        paths.append(path)
    return paths
