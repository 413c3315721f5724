"""Reading the actor dictionaries (`data/<lang>/actors.tsv`, `data/common/people.tsv`, `data/<lang>/roles.tsv`).

Each row becomes an Entry: one surface form and what it stands for. Problems are collected as DictProblem with
file and line, so `relasi dict check` can report them all at once.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from relasi.pickling import reduce_by_fields

ACTOR_COLUMNS = ("name", "code", "kind", "canonical", "country", "sector", "role", "valid_from", "valid_to", "flags")
PEOPLE_COLUMNS = ("canonical", "variants", "code", "country", "sector", "role", "valid_from", "valid_to", "flags")
ROLE_COLUMNS = ("phrase", "kind", "sector", "role", "flags")
KNOWN_FLAGS = frozenset({"cs", "metonym", "adj", "ambiguous", "place", "plural", "regime", "home"})


@reduce_by_fields
@dataclass(frozen=True, slots=True)
class Entry:
    """One surface form in the gazetteer."""

    name: str
    kind: str                        # STATE CITY IGO ORG PERSON NONE, or ROLE_PERSON / ROLE_ORG for titles
    code: str | None
    canonical: str
    country: str | None
    sector: str | None
    role: str | None
    valid_from: date | None
    valid_to: date | None
    flags: frozenset[str]
    origin: str                      # "file:line", reported with every mention it makes

    @property
    def case_sensitive(self) -> bool:
        return "cs" in self.flags

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True, slots=True)
class DictProblem:
    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def read_rows(path: Path, columns: tuple[str, ...], problems: list[DictProblem]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a TSV as dicts (with line numbers); malformed rows are reported and skipped."""
    rows: list[tuple[int, dict[str, str]]] = []
    if not path.exists():
        return rows
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header_seen = False
        for number, cells in enumerate(reader, start=1):
            if not cells or not "".join(cells).strip() or cells[0].startswith("#"):
                continue
            origin = f"{path.parent.name}/{path.name}:{number}"
            if not header_seen:
                header_seen = True
                if tuple(c.strip() for c in cells) != columns:
                    # Reading on would silently put cells in the wrong fields.
                    problems.append(DictProblem(origin, f"header must be {'/'.join(columns)}"))
                    return []
                continue
            if len(cells) < len(columns):
                cells = cells + [""] * (len(columns) - len(cells))
            if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
                problems.append(DictProblem(origin, f"{len(cells)} cells, expected {len(columns)}"))
                continue
            rows.append((number, {k: v.strip() for k, v in zip(columns, cells, strict=False)}))
    return rows


def _date(value: str, origin: str, problems: list[DictProblem]) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(DictProblem(origin, f"bad date {value!r}"))
        return None


def _flags(value: str, origin: str, problems: list[DictProblem]) -> frozenset[str]:
    flags = frozenset(f.strip() for f in value.split(",") if f.strip())
    for flag in flags - KNOWN_FLAGS:
        problems.append(DictProblem(origin, f"unknown flag {flag!r}"))
    return flags


def load_actor_rows(path: Path, problems: list[DictProblem]) -> list[Entry]:
    entries = []
    for number, row in read_rows(path, ACTOR_COLUMNS, problems):
        origin = f"{path.parent.name}/{path.name}:{number}"
        if not row["name"] or not row["kind"]:
            problems.append(DictProblem(origin, "name and kind are required"))
            continue
        code = None if row["code"] in ("", "-") else row["code"]
        entries.append(Entry(
            name=row["name"], kind=row["kind"], code=code, canonical=row["canonical"] or row["name"],
            country=row["country"] or None, sector=row["sector"] or None, role=row["role"] or None,
            valid_from=_date(row["valid_from"], origin, problems), valid_to=_date(row["valid_to"], origin, problems),
            flags=_flags(row["flags"], origin, problems), origin=origin,
        ))
    return entries


def load_people_rows(path: Path, problems: list[DictProblem]) -> list[Entry]:
    entries = []
    for number, row in read_rows(path, PEOPLE_COLUMNS, problems):
        origin = f"{path.parent.name}/{path.name}:{number}"
        if not row["canonical"] or not row["code"]:
            problems.append(DictProblem(origin, "canonical and code are required"))
            continue
        variants = [v.strip() for v in (row["variants"] or row["canonical"]).split("|") if v.strip()]
        if row["canonical"] not in variants:
            variants.insert(0, row["canonical"])
        start, end = _date(row["valid_from"], origin, problems), _date(row["valid_to"], origin, problems)
        flags = _flags(row["flags"], origin, problems)
        for variant in dict.fromkeys(variants):
            entries.append(Entry(
                name=variant, kind="PERSON", code=row["code"], canonical=row["canonical"],
                country=row["country"] or (row["code"] if row["sector"] != "IGO" and len(row["code"]) == 3
                                           and row["code"].isupper() else None),
                sector=row["sector"] or None, role=row["role"] or None, valid_from=start, valid_to=end,
                flags=flags, origin=origin,
            ))
    return entries


def load_role_rows(path: Path, problems: list[DictProblem]) -> list[Entry]:
    entries = []
    for number, row in read_rows(path, ROLE_COLUMNS, problems):
        origin = f"{path.parent.name}/{path.name}:{number}"
        if row["kind"] not in ("PERSON", "ORG"):
            problems.append(DictProblem(origin, f"role kind must be PERSON or ORG, not {row['kind']!r}"))
            continue
        entries.append(Entry(
            name=row["phrase"], kind=f"ROLE_{row['kind']}", code=None, canonical=row["phrase"], country=None,
            sector=row["sector"] or None, role=row["role"] or None, valid_from=None, valid_to=None,
            flags=_flags(row["flags"], origin, problems), origin=origin,
        ))
    return entries
