"""The shared vocabulary: every pipeline step takes and returns these frozen records.

Offsets (`start`, `end`) always point into `Article.body`, like a spaCy Span points into its Doc.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from operator import attrgetter
from typing import Any, Literal

from relasi.pickling import reduce_by_fields

ActorKind = Literal["STATE", "CITY", "IGO", "PERSON", "ORG"]
Sector = Literal["GOV", "MIL", "DIP", "LEG", "JUD", "OPP", "REB", "BUS", "MED", "CVL", "IGO", "OTHER"]
Modality = Literal["asserted", "intended", "denied", "hypothetical"]
DocFormat = Literal["text", "html"]

SECTORS: tuple[str, ...] = ("GOV", "MIL", "DIP", "LEG", "JUD", "OPP", "REB", "BUS", "MED", "CVL", "IGO", "OTHER")
ACTOR_KINDS: tuple[str, ...] = ("STATE", "CITY", "IGO", "PERSON", "ORG")
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@reduce_by_fields
@dataclass(frozen=True, slots=True)
class Document:
    """One input as read from a source, decoded to text but not yet cleaned."""

    source: str                      # path or URL as the user gave it
    content: str
    format: DocFormat
    url: str | None = None
    title: str | None = None         # hints a source may carry (JSONL fields, feed entries)
    published: str | None = None
    warnings: tuple[str, ...] = ()   # what reading had to repair (bytes not UTF-8, ...); the article keeps them


@reduce_by_fields
@dataclass(frozen=True, slots=True)
class Dropped:
    """An input that could not become an article, and why; counted and reported, never raised."""

    source: str
    step: str                        # "read", "extract", ...
    reason: str                      # short machine-readable cause: "empty", "binary", "no_article", ...
    detail: str = ""

    def message(self) -> str:
        """One line, whatever the source is called: a newline in a file name is shown escaped."""
        text = f"{_printable(self.source)}: {self.reason}"
        return f"{text} ({_printable(self.detail)})" if self.detail else text


def _printable(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in text)


@reduce_by_fields
@dataclass(frozen=True, slots=True)
class Actor:
    code: str                        # acting unit: ISO3 of the state, or an IGO code
    kind: str                        # one of ACTOR_KINDS
    name: str                        # canonical name
    country: str | None = None
    sector: str | None = None
    role: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "kind": self.kind, "name": self.name, "country": self.country,
                "sector": self.sector, "role": self.role}


@reduce_by_fields
@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    actor: Actor
    rule: str = ""                   # which dictionary row or resolution rule produced it
    extent: tuple[int, int] | None = None  # the whole actor phrase ("Menlu Rusia Sergey Lavrov"), if wider
    part: bool = False               # a piece of a wider phrase (the "Rusia" in "Menlu Rusia"); not an actor alone

    @property
    def span(self) -> tuple[int, int]:
        return self.extent or (self.start, self.end)

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "actor": self.actor.to_json()}


@reduce_by_fields
@dataclass(frozen=True, slots=True)
class Argument:
    """A phrase that fills a slot of a predicate: its span, the actors it stands for (a list expanded to every
    member, a pronoun resolved), and its head word ("kapal", "diri", "ambassador") for senses that need one."""

    start: int
    end: int
    actors: tuple[Actor, ...] = ()
    head: str = ""                   # lower-case first words of the phrase, without determiners or clitics
    how: str = "direct"              # direct, antecedent, shared, controller, speaker, pronoun, discourse


@reduce_by_fields
@dataclass(frozen=True, slots=True)
class Predicate:
    """An event word of a sentence as the clause step reads it: voice, clause and argument slots."""

    start: int
    end: int
    text: str                        # the lexicon form it matched, lower case ("mengecam", "gencatan senjata")
    voice: str                       # "active", "passive" or "noun"
    clause: int                      # index into Parse.clauses
    slots: tuple[tuple[str, Argument], ...] = ()   # "subject", "object", "agent", "possessor", or a preposition
    governor: int | None = None      # index into Parse.predicates of the event word whose complement this is
    governed_by: str = ""            # the word whose complement or purpose it is ("berjanji", "decided", "urged")
    light: str = ""                  # the light verb that carries an event noun ("melancarkan" serangan)
    negated: bool = False            # a negator stands in its own clause before it

    def slot(self, name: str) -> Argument | None:
        for key, argument in self.slots:
            if key == name:
                return argument
        return None


@reduce_by_fields
@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    kind: str                        # main, relative, complement, quote, conditional, purpose, temporal, reason,
    #                                  concessive
    marker: str = ""                 # what opened it: "yang", "bahwa", "jika", a quotation mark
    parent: int | None = None
    speaker: tuple[Actor, ...] = ()  # who says it, for quotes and the complements of speech verbs
    subject: tuple[Actor, ...] = ()  # the actors of its first subject ("jika Guyana melanjutkan …" → GUY)


@reduce_by_fields
@dataclass(frozen=True, slots=True)
class Parse:
    """The clause step's reading of one sentence (`Article.parses`, one per sentence with a predicate)."""

    start: int
    end: int
    clauses: tuple[Clause, ...] = ()
    predicates: tuple[Predicate, ...] = ()
    speaker: tuple[Actor, ...] = ()  # who says the sentence ("…," kata Lavrov; Lavrov said)
    subject: tuple[Actor, ...] = ()  # the actors of its first main-clause subject, for the next sentences
    places: tuple[tuple[int, Actor], ...] = ()     # where it happens: (offset, actor) of "di Jenewa", "KTT G20"


@reduce_by_fields
@dataclass(frozen=True, slots=True)
class Event:
    source: Actor
    target: Actor
    cameo: str
    plover: str | None
    goldstein: float | None
    quad_class: int | None
    date: str | None
    date_precision: str              # "day", "month", "year", "published" (fell back to the article's date)
    location: str | None
    modality: str                    # one of Modality
    negated: bool
    sentence: str
    start: int
    end: int
    pattern: str
    confidence: float

    @property
    def counted(self) -> bool:
        """Whether consumers that count events should count this one (DESIGN.md)."""
        return self.modality == "asserted" and not self.negated and self.plover is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source.to_json(), "target": self.target.to_json(),
            "cameo": self.cameo, "plover": self.plover, "goldstein": self.goldstein,
            "quad_class": self.quad_class, "date": self.date, "date_precision": self.date_precision,
            "location": self.location, "modality": self.modality, "negated": self.negated,
            "sentence": self.sentence, "start": self.start, "end": self.end,
            "pattern": self.pattern, "confidence": self.confidence,
        }


@reduce_by_fields
@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article; later steps fill `language`, `sentences`, `mentions`, `parses` and `events`."""

    id: str                          # sha1 of the normalised body
    source: str
    body: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None     # ISO 8601: "2023-10-03T09:06:00+07:00" or "2023-10-03"
    authors: tuple[str, ...] = ()
    dateline: str | None = None      # place named in the dateline ("JAKARTA")
    language: str | None = None
    sentences: tuple[tuple[int, int], ...] = ()
    mentions: tuple[Mention, ...] = ()
    parses: tuple[Parse, ...] = ()   # the clause step's sentences (internal: not in the JSON output)
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def with_(self, **changes: Any) -> Article:
        # every step calls this: the field values read in one call cost less than dataclasses.replace, which walks
        # fields() and checks each one every time
        values = dict(zip(_ARTICLE_FIELDS, _article_values(self), strict=True))
        values.update(changes)
        return Article(**values)

    def to_json(self) -> dict[str, Any]:
        """The `relasi process` output object (contract in DESIGN.md)."""
        return {
            "id": self.id, "source": self.source, "url": self.url, "outlet": self.outlet,
            "title": self.title, "published": self.published, "authors": list(self.authors),
            "dateline": self.dateline, "language": self.language, "body": self.body,
            "mentions": [m.to_json() for m in self.mentions],
            "events": [e.to_json() for e in self.events],
            "warnings": list(self.warnings),
        }


_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
_article_values = attrgetter(*_ARTICLE_FIELDS)


def actor_from_json(data: dict[str, Any]) -> Actor:
    return Actor(**{k: data.get(k) for k in ("code", "kind", "name", "country", "sector", "role")})


def article_from_json(data: dict[str, Any]) -> Article:
    """Inverse of Article.to_json, used by the store and the engines to move articles as JSON."""
    mentions = tuple(
        Mention(m["start"], m["end"], m["text"], actor_from_json(m["actor"])) for m in data.get("mentions", [])
    )
    events = tuple(
        Event(
            source=actor_from_json(e["source"]), target=actor_from_json(e["target"]),
            cameo=e["cameo"], plover=e.get("plover"), goldstein=e.get("goldstein"),
            quad_class=e.get("quad_class"), date=e.get("date"),
            date_precision=e.get("date_precision", "published"), location=e.get("location"),
            modality=e.get("modality", "asserted"), negated=bool(e.get("negated", False)),
            sentence=e["sentence"], start=e["start"], end=e["end"], pattern=e.get("pattern", ""),
            confidence=float(e.get("confidence", 0.0)),
        )
        for e in data.get("events", [])
    )
    return Article(
        id=data["id"], source=data["source"], body=data["body"], url=data.get("url"),
        outlet=data.get("outlet"), title=data.get("title"), published=data.get("published"),
        authors=tuple(data.get("authors", ())), dateline=data.get("dateline"),
        language=data.get("language"), mentions=mentions, events=events,
        warnings=tuple(data.get("warnings", ())),
    )


__all__ = [
    "ACTOR_KINDS", "PLOVER_TYPES", "SECTORS", "Actor", "Argument", "Article", "Clause", "Document", "Dropped",
    "Event", "Mention", "Parse", "Predicate", "actor_from_json", "article_from_json", "asdict",
]
