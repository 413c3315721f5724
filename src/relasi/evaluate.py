"""Scoring predicted Articles against gold files (the "Gold files" contract in DESIGN.md).

Everything here is a pure function of gold dicts and Articles, except `read_gold`, which reads one file.
The CLI edge (`relasi.cli.evaluation`) runs the pipeline and prints the report.

Rules:
- Events: a gold event counts when its `plover` is not null; a predicted event when `Event.counted`.
  Two events match when source code, target code and PLOVER type agree (within one article); for
  CONSULT, AGREE and COOPERATE the dyad may be in either order. Dyads: the same, ignoring the type, and
  always unordered.
- Matching is one-to-one. Because two events match exactly when their canonical keys are equal (an
  equivalence), taking them greedily in order already gives a maximum matching.
- Entities: per article, the set of gold codes (IGO → its code via canonical name, others →
  `country_iso3`) against the set of codes of predicted mentions; counts summed over articles.
- An actor side whose code is unknown (null) never matches anything.
- Empty counts: a ratio with a zero denominator is 1.0 when there was nothing to find and nothing was
  found (tp = fp = fn = 0, or no titles/dates to check), and 0.0 otherwise.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relasi.model import PLOVER_TYPES, Article, Dropped

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

# Canonical IGO names (lower case) → codes, for gold files that name an IGO instead of coding it.
# Language packs add their own IGO entries on top (see `igo_table`). Organs and missions of an IGO
# act for it, as the gold events code them (UN Security Council, MONUSCO → UN).
IGO_CODES: dict[str, str] = {
    "united nations": "UN", "united nations security council": "UN", "un security council": "UN",
    "united nations general assembly": "UN", "monusco": "UN", "perserikatan bangsa-bangsa": "UN",
    "pbb": "UN",
    "nato": "NATO", "north atlantic treaty organization": "NATO", "north atlantic council": "NATO",
    "asean": "ASEAN", "association of southeast asian nations": "ASEAN",
    "european union": "EU", "uni eropa": "EU", "european commission": "EU",
    "african union": "AU", "shanghai cooperation organisation": "SCO",
    "shanghai cooperation organization": "SCO", "eurasian economic union": "EAEU",
    "world health organization": "WHO", "international monetary fund": "IMF", "world bank": "WB",
    "organisation of islamic cooperation": "OIC", "organization of islamic cooperation": "OIC",
    "international criminal court": "ICC", "international court of justice": "ICJ",
    "group of twenty": "G20", "group of seven": "G7",
}
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class BadGoldFile(ValueError):
    """A gold file that does not follow the contract; the message names the file and the problem."""


# --- records


@dataclass(frozen=True, slots=True)
class PlaceKey:
    """What location scoring compares: the country, and the place itself (its GeoNames id, else its name)."""

    country: str | None
    place: str


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """One event reduced to what scoring compares, plus what a developer needs to find its cause."""

    source: str | None
    target: str | None
    plover: str
    cameo: str = ""
    sentence: str = ""
    pattern: str = ""                # the verb pattern of a predicted event; empty for gold
    location: str | None = None      # gold: the `location` field; predicted: the event's own location text
    place: PlaceKey | None = None    # predicted: where relasi placed it (its location, else the dateline)


@dataclass(frozen=True, slots=True)
class GoldDoc:
    name: str                        # file name, used as the Document source
    text: str
    title: str | None
    published: str | None
    events: tuple[CodedEvent, ...]   # counted events only (plover not null)
    entity_codes: frozenset[str]
    language: str | None = None      # the gold file's `language`, for the per-language breakdown


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def _nothing(self) -> bool:
        return self.tp == self.fp == self.fn == 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp, self._nothing)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn, self._nothing)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True, slots=True)
class Tally:
    """Accuracy of a yes/no check over the documents where gold gives a value."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.correct + other.correct, self.total + other.total)

    @property
    def accuracy(self) -> float:
        return _ratio(self.correct, self.total, self.total == 0)

    def to_json(self) -> dict[str, Any]:
        return {"accuracy": round(self.accuracy, 4), "correct": self.correct, "total": self.total}


def _ratio(numerator: int, denominator: int, vacuous: bool) -> float:
    if denominator:
        return numerator / denominator
    return 1.0 if vacuous else 0.0


@dataclass(frozen=True, slots=True)
class Matching:
    matched: tuple[tuple[CodedEvent, CodedEvent], ...]
    missed: tuple[CodedEvent, ...]   # gold events without a partner (fn)
    extra: tuple[CodedEvent, ...]    # predicted events without a partner (fp)

    @property
    def counts(self) -> Counts:
        return Counts(len(self.matched), len(self.extra), len(self.missed))


@dataclass(frozen=True, slots=True)
class Locations:
    """Gold events with a `location`, against where relasi placed their matched event (not part of event scoring).

    gold: gold events with a location; resolved: those whose location the geocoder itself resolves; matched: those
    whose event relasi found (type + dyad); same_country / same_place: matched ones placed in the gold location's
    country / at the gold place itself."""

    gold: int = 0
    resolved: int = 0
    matched: int = 0
    same_country: int = 0
    same_place: int = 0

    def __add__(self, other: Locations) -> Locations:
        return Locations(*(a + b for a, b in zip(self._values(), other._values(), strict=True)))

    def _values(self) -> tuple[int, ...]:
        return (self.gold, self.resolved, self.matched, self.same_country, self.same_place)

    def to_json(self) -> dict[str, Any]:
        return {"gold": self.gold, "resolved": self.resolved, "matched": self.matched,
                "same_country": self.same_country, "same_place": self.same_place,
                "country_share": _ratio(self.same_country, self.matched, self.matched == 0),
                "place_share": _ratio(self.same_place, self.matched, self.matched == 0)}


@dataclass(frozen=True, slots=True)
class DocScore:
    name: str
    events: Matching
    dyads: Matching
    entities: Counts
    title: Tally
    date: Tally
    dropped: str | None = None       # why the pipeline dropped the document, if it did
    language: str | None = None
    locations: Locations = Locations()


@dataclass(frozen=True, slots=True)
class Report:
    docs: tuple[DocScore, ...]

    @property
    def events(self) -> Counts:
        return sum((d.events.counts for d in self.docs), Counts())

    @property
    def locations(self) -> Locations:
        return sum((d.locations for d in self.docs), Locations())

    @property
    def dyads(self) -> Counts:
        return sum((d.dyads.counts for d in self.docs), Counts())

    @property
    def entities(self) -> Counts:
        return sum((d.entities for d in self.docs), Counts())

    @property
    def titles(self) -> Tally:
        return sum((d.title for d in self.docs), Tally())

    @property
    def dates(self) -> Tally:
        return sum((d.date for d in self.docs), Tally())

    @property
    def by_type(self) -> dict[str, Counts]:
        return counts_by_type(d.events for d in self.docs)

    @property
    def by_language(self) -> dict[str, Counts]:
        """Event counts per language of the gold files (the detected language where the gold names none)."""
        table: dict[str, Counts] = {}
        for doc in self.docs:
            key = doc.language or "unknown"
            table[key] = table.get(key, Counts()) + doc.events.counts
        return dict(sorted(table.items()))

    @property
    def confusion(self) -> dict[str, dict[str, int]]:
        """Gold PLOVER type → predicted type, over events paired by dyad: the diagonal is agreement, "none" a
        gold event with no predicted event of its dyad (row) or a predicted event with no gold one (column)."""
        table: dict[str, dict[str, int]] = {}
        for doc in self.docs:
            for gold, predicted in confusion_pairs(doc.events):
                row = table.setdefault(gold, {})
                row[predicted] = row.get(predicted, 0) + 1
        order = {name: i for i, name in enumerate((*PLOVER_TYPES, NONE))}
        return {g: dict(sorted(r.items(), key=lambda kv: order.get(kv[0], 99)))
                for g, r in sorted(table.items(), key=lambda kv: order.get(kv[0], 99))}

    def errors(self) -> list[dict[str, Any]]:
        """Every false positive and false negative event, in document order."""
        rows: list[dict[str, Any]] = []
        for doc in self.docs:
            for kind, events in (("fn", doc.events.missed), ("fp", doc.events.extra)):
                rows.extend(_error_row(doc.name, kind, event) for event in events)
        return rows

    def to_json(self, show_errors: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "documents": len(self.docs),
            "dropped": sum(1 for d in self.docs if d.dropped),
            "events": self.events.to_json(), "dyads": self.dyads.to_json(),
            "entities": self.entities.to_json(), "titles": self.titles.to_json(),
            "dates": self.dates.to_json(),
            "by_type": {name: counts.to_json() for name, counts in self.by_type.items()},
            "by_language": {name: counts.to_json() for name, counts in self.by_language.items()},
            "confusion": self.confusion,
            "locations": self.locations.to_json(),
        }
        if show_errors:
            data["errors"] = self.errors()
        return data


def _error_row(name: str, kind: str, event: CodedEvent) -> dict[str, Any]:
    return {"file": name, "kind": kind, "type": event.plover, "cameo": event.cameo,
            "source": event.source, "target": event.target,
            "dyad": f"{event.source or '?'}→{event.target or '?'}",
            "sentence": event.sentence, "pattern": event.pattern or None}


# --- matching


def event_key(event: CodedEvent) -> Hashable | None:
    """Equal keys ⇔ the events match; None when a side has no code (it can match nothing)."""
    if not event.source or not event.target:
        return None
    if event.plover in SYMMETRIC_TYPES:
        return (event.plover, *sorted((event.source, event.target)))
    return (event.plover, event.source, event.target)


def dyad_key(event: CodedEvent) -> Hashable | None:
    if not event.source or not event.target:
        return None
    return tuple(sorted((event.source, event.target)))


def match(gold: Sequence[CodedEvent], predicted: Sequence[CodedEvent],
          key: Callable[[CodedEvent], Hashable | None] = event_key) -> Matching:
    """One-to-one matching: each gold and each predicted event is used at most once."""
    pool: dict[Hashable, list[int]] = {}
    for index, event in enumerate(predicted):
        k = key(event)
        if k is not None:
            pool.setdefault(k, []).append(index)
    matched: list[tuple[CodedEvent, CodedEvent]] = []
    missed: list[CodedEvent] = []
    used: set[int] = set()
    for event in gold:
        k = key(event)
        partners = pool.get(k) if k is not None else None
        if partners:
            index = partners.pop(0)
            used.add(index)
            matched.append((event, predicted[index]))
        else:
            missed.append(event)
    extra = tuple(event for index, event in enumerate(predicted) if index not in used)
    return Matching(tuple(matched), tuple(missed), extra)


NONE = "none"


def confusion_pairs(matching: Matching) -> list[tuple[str, str]]:
    """(gold type, predicted type) for one document: matched events agree; the rest are paired by dyad, and what
    is left pairs with "none"."""
    pairs = [(gold.plover, gold.plover) for gold, _ in matching.matched]
    extra = list(matching.extra)
    for gold in matching.missed:
        key = dyad_key(gold)
        partner = next((e for e in extra if key is not None and dyad_key(e) == key), None)
        if partner is not None:
            extra.remove(partner)
            pairs.append((gold.plover, partner.plover))
        else:
            pairs.append((gold.plover, NONE))
    pairs.extend((NONE, event.plover) for event in extra)
    return pairs


def counts_by_type(matchings: Iterable[Matching]) -> dict[str, Counts]:
    """Event counts per PLOVER type (tp and fn by the gold type, fp by the predicted type)."""
    table: dict[str, Counts] = {}
    for m in matchings:
        for gold, _ in m.matched:
            table[gold.plover] = table.get(gold.plover, Counts()) + Counts(tp=1)
        for event in m.missed:
            table[event.plover] = table.get(event.plover, Counts()) + Counts(fn=1)
        for event in m.extra:
            table[event.plover] = table.get(event.plover, Counts()) + Counts(fp=1)
    order = {name: i for i, name in enumerate(PLOVER_TYPES)}
    return dict(sorted(table.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))


# --- gold side


def igo_table(entries: Iterable[Any] = ()) -> dict[str, str]:
    """IGO names (lower case) → codes: the built-in table plus IGO entries of language packs.

    `entries` are `relasi.actors.dictionary.Entry` rows (anything with kind, code, canonical and name).
    """
    table = dict(IGO_CODES)
    for entry in entries:
        if getattr(entry, "kind", None) == "IGO" and getattr(entry, "code", None):
            for name in (entry.canonical, entry.name):
                if name:
                    table.setdefault(name.strip().lower(), entry.code)
    return table


def igo_code(name: str | None, igo: Mapping[str, str]) -> str | None:
    """The code of an IGO named `name`: from the table, or the name itself when it is an acronym."""
    if not name:
        return None
    name = name.strip()
    code = igo.get(name.lower())
    if code:
        return code
    return name if _ACRONYM.fullmatch(name) else None


def gold_side_code(code: Any, actor: Any, sector: Any, igo: Mapping[str, str]) -> str | None:
    """Gold code of an event side: `*_iso3` (an ISO3 or IGO code), else the IGO named in `*_actor`."""
    if isinstance(code, str) and code.strip():
        value = code.strip()
        return igo.get(value.lower(), value.upper())
    if isinstance(actor, str) and (sector == "IGO" or actor.strip().lower() in igo):
        return igo_code(actor, igo)
    return None


def gold_entity_codes(entities: Iterable[Mapping[str, Any]], igo: Mapping[str, str]) -> frozenset[str]:
    codes: set[str] = set()
    for entity in entities:
        code: str | None = None
        if entity.get("type") == "IGO":
            code = igo_code(entity.get("canonical"), igo) or igo_code(entity.get("mention"), igo)
        code = code or entity.get("country_iso3")
        if code:
            codes.add(code)
    return frozenset(codes)


def parse_gold(name: str, data: Any, igo: Mapping[str, str] = IGO_CODES) -> GoldDoc:
    """Check one gold dict against the contract and reduce it to what scoring needs."""
    if not isinstance(data, dict):
        raise BadGoldFile(f"{name}: not a JSON object")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadGoldFile(f"{name}: 'text' missing or empty")
    for key in ("title", "published"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise BadGoldFile(f"{name}: '{key}' must be a string or null")
    entities, events = data.get("entities"), data.get("events")
    if not isinstance(entities, list) or not all(isinstance(e, dict) for e in entities):
        raise BadGoldFile(f"{name}: 'entities' must be a list of objects")
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        raise BadGoldFile(f"{name}: 'events' must be a list of objects")
    coded = tuple(
        event for number, raw in enumerate(events)
        if (event := _gold_event(f"{name}: events[{number}]", raw, igo)) is not None
    )
    language = data.get("language") if isinstance(data.get("language"), str) else None
    return GoldDoc(name=name, text=text, title=data.get("title"), published=data.get("published"),
                   events=coded, entity_codes=gold_entity_codes(entities, igo), language=language)


def _gold_event(where: str, raw: Mapping[str, Any], igo: Mapping[str, str]) -> CodedEvent | None:
    # Imported here: `relasi.events` loads the coder, which `relasi --help` should not pay for.
    from relasi.events.cameo import InvalidCameoCode, plover_for

    plover, cameo = raw.get("plover"), raw.get("cameo")
    if plover is not None and plover not in PLOVER_TYPES:
        raise BadGoldFile(f"{where}: unknown PLOVER type {plover!r}")
    if cameo is not None:
        try:
            expected = plover_for(str(cameo))
        except InvalidCameoCode as error:
            raise BadGoldFile(f"{where}: {error}") from None
        if expected != plover:
            raise BadGoldFile(f"{where}: CAMEO {cameo} is {expected}, not {plover}")
    if plover is None:
        return None
    return CodedEvent(
        source=gold_side_code(raw.get("source_iso3"), raw.get("source_actor"), raw.get("source_sector"), igo),
        target=gold_side_code(raw.get("target_iso3"), raw.get("target_actor"), raw.get("target_sector"), igo),
        plover=plover, cameo=str(cameo or ""), sentence=str(raw.get("sentence") or ""),
        location=str(raw["location"]).strip() or None if raw.get("location") else None,
    )


def read_gold(path: Path, igo: Mapping[str, str] = IGO_CODES) -> GoldDoc:
    """Read and check one gold file; every problem becomes BadGoldFile naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadGoldFile(f"{path.name}: {error}") from None
    return parse_gold(path.name, data, igo)


# --- predicted side


def predicted_events(article: Article) -> tuple[CodedEvent, ...]:
    places = _event_places(article)
    return tuple(
        CodedEvent(source=e.source.code or None, target=e.target.code or None, plover=e.plover or "",
                   cameo=e.cameo, sentence=e.sentence, pattern=e.pattern, location=e.location, place=place)
        for e, place in zip(article.events, places, strict=True) if e.counted
    )


def _event_places(article: Article) -> list[PlaceKey | None]:
    """Where the store puts each event: its own location, else the article's dateline (relasi.store.places)."""
    if not article.dateline and not any(e.location for e in article.events):
        return [None] * len(article.events)
    from relasi.places import article_countries
    from relasi.store.places import resolve

    _, places = resolve(article.dateline, [e.location for e in article.events], article_countries(article))
    return [_place_key(place) for place in places]


def _place_key(place: Any) -> PlaceKey | None:
    if place is None:
        return None
    return PlaceKey(place.country, str(place.geonames_id) if place.geonames_id else f"{place.name}|{place.country}")


def score_locations(gold: Sequence[CodedEvent], matching: Matching, countries: Sequence[str]) -> Locations:
    """Gold locations against the places of their matched events; the gold text is geocoded the same way,
    with the article's countries as hints, so both sides name places in the same gazetteer."""
    wanted = [event for event in gold if event.location]
    if not wanted:
        return Locations()
    from relasi.places import geocode

    partner = {id(g): p for g, p in matching.matched}
    resolved = matched = same_country = same_place = 0
    for event in wanted:
        target = _place_key(geocode(event.location, countries))
        resolved += target is not None
        predicted = partner.get(id(event))
        if predicted is None:
            continue
        matched += 1
        if target is not None and predicted.place is not None:
            same_country += target.country == predicted.place.country
            same_place += target == predicted.place
    return Locations(len(wanted), resolved, matched, same_country, same_place)


def predicted_entity_codes(article: Article) -> frozenset[str]:
    return frozenset(m.actor.code for m in article.mentions if m.actor.code)


def normalise_title(title: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", title or "").split())


def day_of(value: str | None) -> str | None:
    """The YYYY-MM-DD part of an ISO date or timestamp, or None."""
    if not value:
        return None
    day = value.strip()[:10]
    return day if _DAY.fullmatch(day) else None


# --- scoring


def score_document(gold: GoldDoc, result: Article | Dropped | None) -> DocScore:
    """Score one pipeline result; a Dropped document (or None) scores as an empty prediction."""
    article = result if isinstance(result, Article) else None
    predicted = predicted_events(article) if article else ()
    codes = predicted_entity_codes(article) if article else frozenset()
    title = Tally()
    if gold.title and gold.title.strip():
        got = normalise_title(article.title if article else None)
        title = Tally(int(got == normalise_title(gold.title)), 1)
    date = Tally()
    if day_of(gold.published):
        date = Tally(int(day_of(article.published if article else None) == day_of(gold.published)), 1)
    events = match(gold.events, predicted, event_key)
    countries: list[str] = []
    if article is not None and any(e.location for e in gold.events):
        from relasi.places import article_countries

        countries = article_countries(article)
    return DocScore(
        name=gold.name,
        events=events,
        dyads=match(gold.events, predicted, dyad_key),
        entities=Counts(tp=len(codes & gold.entity_codes), fp=len(codes - gold.entity_codes),
                        fn=len(gold.entity_codes - codes)),
        title=title, date=date,
        dropped=result.message() if isinstance(result, Dropped) else None,
        language=gold.language or (article.language if article else None),
        locations=score_locations(gold.events, events, countries),
    )


def evaluate(pairs: Iterable[tuple[GoldDoc, Article | Dropped | None]]) -> Report:
    return Report(tuple(score_document(gold, result) for gold, result in pairs))


__all__ = [
    "IGO_CODES", "NONE", "SYMMETRIC_TYPES", "BadGoldFile", "CodedEvent", "Counts", "DocScore", "GoldDoc",
    "Locations", "PlaceKey", "score_locations",
    "Matching", "Report", "Tally", "confusion_pairs", "counts_by_type", "day_of", "dyad_key", "evaluate", "event_key",
    "gold_entity_codes", "gold_side_code", "igo_code", "igo_table", "match", "normalise_title",
    "parse_gold", "predicted_entity_codes", "predicted_events", "read_gold", "score_document",
]
