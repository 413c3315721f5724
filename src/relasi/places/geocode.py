"""Resolve a place as the text gives it ("Kyiv, Ukraine", "JAKARTA", "di Jalur Gaza") to one gazetteer entry.

The cascade, first hit wins:
1. a trailing country ("Bogor, Indonesia", "Tort-Kocho, Batken region, Kyrgyzstan") narrows what comes before;
2. the whole name, then its first part, then the name without a leading word such as "kota", "di" or
   "southern": places of that name, the ones in the given country if one was given, else the ones in the
   article's countries (the countries of its actors, busiest first), else the biggest;
3. a country by any name the packs or GeoNames know, as a place of country precision.
`method` says which step decided, so a wrong place is traced to its cause.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from relasi.model import Article
from relasi.places.gazetteer import COUNTRY, Entry, Gazetteer, fold, gazetteer

_SPLIT = re.compile(r"\s*(?:,|/|;|\s-\s|\()\s*")
_LEADING = ("di", "ke", "dari", "kota", "kabupaten", "provinsi", "wilayah", "pulau", "the", "in", "at", "near",
            "dekat", "city of", "northern", "southern", "eastern", "western", "central", "north", "south", "east",
            "west", "utara", "selatan", "timur", "barat", "tengah", "bagian")
_TRAILING = ("region", "province", "regency", "city", "selatan", "utara", "timur", "barat")


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: the entry it matched, the text it came from, and how it was chosen."""

    raw: str
    name: str
    country: str | None
    adm1: str | None
    lat: float
    lon: float
    geonames_id: int | None
    precision: str            # city | region | country
    method: str               # name | name+country | article-country | population | country | dateline

    def with_method(self, method: str) -> Place:
        return Place(self.raw, self.name, self.country, self.adm1, self.lat, self.lon, self.geonames_id,
                     self.precision, method)


def geocode(raw: str | None, countries: Sequence[str] = (), gaz: Gazetteer | None = None) -> Place | None:
    """The place `raw` names, ambiguity settled by `countries` (ISO3, most relevant first); None if unknown."""
    if not raw or not raw.strip():
        return None
    return settle(raw, read_place(raw, gaz or gazetteer()), countries)


Reading = Place | tuple[Entry, ...] | None
"""What the text alone says: its place, or the places of one name that only the article's countries tell apart."""


def read_place(raw: str, gaz: Gazetteer) -> Reading:
    """`geocode` up to where the article's countries come in: a function of the text, so callers can keep it."""
    parts = [p for p in _SPLIT.split(raw.strip().rstrip(")")) if p]
    if not parts:
        return None
    given = gaz.country(parts[-1]) if len(parts) > 1 else None
    names = parts[:-1] if given else parts
    named = gaz.country(names[0]) if len(names) == 1 else None
    if named and not any(e.country == named and e.primary for e in gaz.places.get(fold(names[0]), ())):
        # "Tonga" is the kingdom, not the town in Cameroon; "Singapore" and "Luxembourg" stay their capitals.
        return _as_place(raw, gaz.countries[named], "country")
    for candidate in _candidates(names):
        found = _read(raw, gaz.places.get(fold(candidate), ()), given)
        if found:
            return found
    for candidate in _candidates(parts[:1]):
        code = gaz.country(candidate)
        if code:
            return _as_place(raw, gaz.countries[code], "country")
    if given:
        return _as_place(raw, gaz.countries[given], "country")
    return None


def settle(raw: str, reading: Reading, countries: Sequence[str]) -> Place | None:
    """The place of a `read_place` reading: places of one name go to the first of `countries` that has one, else
    to the biggest."""
    if not isinstance(reading, tuple):
        return reading
    for code in countries:
        inside = [e for e in reading if e.country == code]
        if inside:
            return _as_place(raw, _best(inside), "article-country")
    return _as_place(raw, _best(reading), "population")


def _candidates(names: Sequence[str]) -> list[str]:
    """The name as written, its first part, and each without a leading or trailing qualifier word."""
    out: list[str] = []
    for text in (", ".join(names), names[0]) if names else ():
        out.append(text)
        words = text.split()
        while len(words) > 1 and fold(words[0]) in _LEADING:
            words = words[1:]
            out.append(" ".join(words))
        if len(words) > 1 and fold(words[-1]) in _TRAILING:
            out.append(" ".join(words[:-1]))
    return list(dict.fromkeys(out))


def _read(raw: str, entries: Sequence[Entry], given: str | None) -> Reading:
    """The place among `entries`, or all of them when only the article's countries can choose; None: none fits."""
    if not entries:
        return None
    if given:
        inside = [e for e in entries if e.country == given]
        if inside:
            return _as_place(raw, _best(inside), "name+country")
        return None   # "Paris, Texas" is not the Paris we know: let the country answer instead
    distinct = {(e.geonames_id, e.name, e.country) for e in entries}
    if len(distinct) == 1:
        return _as_place(raw, entries[0], "name")
    return tuple(entries)


def _best(entries: Sequence[Entry]) -> Entry:
    # Its own name beats an alternate one ("Gaza" the city over the strip's other name), then size.
    return max(entries, key=lambda e: (e.primary, e.population))


def _as_place(raw: str, entry: Entry, method: str) -> Place:
    return Place(raw.strip(), entry.name, entry.country, entry.adm1, entry.lat, entry.lon, entry.geonames_id,
                 entry.precision, method if entry.precision != COUNTRY or method != "name" else "country")


def article_countries(article: Article) -> list[str]:
    """The countries an article is about, busiest first: its actors' countries by number of mentions."""
    counts = Counter(m.actor.country for m in article.mentions if m.actor.country)
    return sorted(counts, key=lambda code: (-counts[code], code))
