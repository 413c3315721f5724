"""Reading the actor dictionaries: headers, malformed rows with file:line, `|` variants, dates and flags."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from relasi.actors.dictionary import (
    ACTOR_COLUMNS,
    PEOPLE_COLUMNS,
    ROLE_COLUMNS,
    DictProblem,
    load_actor_rows,
    load_people_rows,
    load_role_rows,
)

ACTOR_HEADER = "\t".join(ACTOR_COLUMNS)
PEOPLE_HEADER = "\t".join(PEOPLE_COLUMNS)
ROLE_HEADER = "\t".join(ROLE_COLUMNS)


def write(folder: Path, name: str, *lines: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("header", "problem_count"),
    [(ACTOR_HEADER, 0), ("name\tcode\tkind", 1), ("\t".join(reversed(ACTOR_COLUMNS)), 1)],
)
def test_dictionary_header_is_checked(tmp_path: Path, header: str, problem_count: int) -> None:
    path = write(tmp_path / "id", "actors.tsv", header, "Rusia\tRUS\tSTATE\tRusia\tRUS")
    problems: list[DictProblem] = []
    load_actor_rows(path, problems)
    assert len(problems) == problem_count
    assert all(p.origin.endswith("actors.tsv:1") and "header" in p.message for p in problems)


@pytest.mark.parametrize(
    ("bad_line", "expected_message"),
    [
        ("\tRUS\tSTATE", "name and kind are required"),
        ("Rusia\tRUS\t", "name and kind are required"),
        ("Rusia\tRUS\tSTATE\tRusia\tRUS\t\t\t2023-13-01", "bad date '2023-13-01'"),
        ("Rusia\tRUS\tSTATE\tRusia\tRUS\t\t\t\t\tloud", "unknown flag 'loud'"),
    ],
)
def test_dictionary_malformed_row_reported_with_file_and_line(tmp_path: Path, bad_line: str,
                                                               expected_message: str) -> None:
    path = write(tmp_path / "id", "actors.tsv", "# comment lines and blank lines keep their numbers", ACTOR_HEADER,
                 "", "Ukraina\tUKR\tSTATE", bad_line, "Kuba\tCUB\tSTATE")
    problems: list[DictProblem] = []
    entries = load_actor_rows(path, problems)
    assert [str(p) for p in problems] == [f"id/actors.tsv:5: {expected_message}"]
    assert {"Ukraina", "Kuba"} <= {e.name for e in entries}


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(("name\tcode\tkind",), "id/actors.tsv:1: header must be " + "/".join(ACTOR_COLUMNS)),
        pytest.param((ACTOR_HEADER, "Rusia\tRUS\tSTATE\tRusia\tRUS\t\t\t\t\t\tstray"),
                     "id/actors.tsv:2: 11 cells, expected 10"),
        ((ACTOR_HEADER, "Rusia\tRUS\tSTATE\t\t\t\t\t2023-02-30"), "id/actors.tsv:2: bad date '2023-02-30'"),
    ],
)
def test_dictionary_problem_origin_is_pack_relative(tmp_path: Path, lines: tuple[str, ...], expected: str) -> None:
    problems: list[DictProblem] = []
    load_actor_rows(write(tmp_path / "id", "actors.tsv", *lines), problems)
    assert [str(p) for p in problems] == [expected]


@pytest.mark.parametrize(
    ("extra_cells", "problem_count"),
    [("", 0), ("\t\t", 0), ("\tstray", 1), ("\t\tstray\t", 1)],
)
def test_dictionary_extra_cells_only_matter_when_filled(tmp_path: Path, extra_cells: str, problem_count: int) -> None:
    path = write(tmp_path / "id", "actors.tsv", ACTOR_HEADER, "Kuba\tCUB\tSTATE\t\t\t\t\t\t\t" + extra_cells)
    problems: list[DictProblem] = []
    entries = load_actor_rows(path, problems)
    assert len(problems) == problem_count
    assert all(p.origin.endswith("id/actors.tsv:2") and "cells, expected 10" in p.message for p in problems)
    assert len(entries) == 1 - problem_count


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Amerika Serikat\tUSA\tSTATE\t\t\t\t\t\t\t", ("Amerika Serikat", "USA", "Amerika Serikat", None, None)),
        ("AS\tUSA\tSTATE\tAmerika Serikat\tUSA\tGOV", ("AS", "USA", "Amerika Serikat", "USA", "GOV")),
        ("Amerika Latin\t-\tNONE", ("Amerika Latin", None, "Amerika Latin", None, None)),
    ],
)
def test_dictionary_actor_row_fields(tmp_path: Path, line: str, expected: tuple[object, ...]) -> None:
    path = write(tmp_path / "id", "actors.tsv", ACTOR_HEADER, line)
    problems: list[DictProblem] = []
    (entry,) = load_actor_rows(path, problems)
    assert problems == []
    assert (entry.name, entry.code, entry.canonical, entry.country, entry.sector) == expected
    assert entry.origin == "id/actors.tsv:2"


@pytest.mark.parametrize(
    ("variants", "expected_names"),
    [
        ("Lavrov|Sergei Lavrov|Sergey Lavrov", ["Lavrov", "Sergei Lavrov", "Sergey Lavrov"]),
        ("Lavrov|Sergei Lavrov", ["Sergey Lavrov", "Lavrov", "Sergei Lavrov"]),
        ("Lavrov | Sergey Lavrov |", ["Lavrov", "Sergey Lavrov"]),
        ("", ["Sergey Lavrov"]),
    ],
)
def test_dictionary_people_variants_split_on_bar(tmp_path: Path, variants: str, expected_names: list[str]) -> None:
    path = write(tmp_path / "common", "people.tsv", PEOPLE_HEADER,
                 f"Sergey Lavrov\t{variants}\tRUS\t\tDIP\tforeign minister\t2004-03-09\t\t")
    problems: list[DictProblem] = []
    entries = load_people_rows(path, problems)
    assert problems == []
    assert [e.name for e in entries] == expected_names
    assert {(e.canonical, e.kind, e.code, e.country, e.origin) for e in entries} == {
        ("Sergey Lavrov", "PERSON", "RUS", "RUS", "common/people.tsv:2")}


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "inside", "outside"),
    [
        ("2004-03-09", "", date(2023, 1, 1), date(2004, 3, 8)),
        ("", "2024-10-20", date(2024, 10, 20), date(2024, 10, 21)),
        ("2019-10-23", "2024-10-20", date(2019, 10, 23), date(2025, 1, 1)),
    ],
)
def test_dictionary_dates_bound_validity(tmp_path: Path, valid_from: str, valid_to: str, inside: date,
                                         outside: date) -> None:
    path = write(tmp_path / "common", "people.tsv", PEOPLE_HEADER,
                 f"Someone\t\tIDN\t\tGOV\tminister\t{valid_from}\t{valid_to}\t")
    problems: list[DictProblem] = []
    (entry,) = load_people_rows(path, problems)
    assert problems == []
    assert entry.valid_on(inside) and entry.valid_on(None)
    assert not entry.valid_on(outside)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Menteri Luar Negeri\tPERSON\tDIP\tforeign minister\t", ("ROLE_PERSON", "DIP", "foreign minister")),
        ("Kementerian Luar Negeri\tORG\tDIP\tforeign ministry\t", ("ROLE_ORG", "DIP", "foreign ministry")),
        ("Wakil Menlu\tPERSON\tDIP\tdeputy foreign minister\tplural",
         ("ROLE_PERSON", "DIP", "deputy foreign minister")),
    ],
)
def test_dictionary_role_rows(tmp_path: Path, line: str, expected: tuple[str, str, str]) -> None:
    path = write(tmp_path / "id", "roles.tsv", ROLE_HEADER, line)
    problems: list[DictProblem] = []
    (entry,) = load_role_rows(path, problems)
    assert problems == []
    assert (entry.kind, entry.sector, entry.role) == expected


@pytest.mark.parametrize("kind", ["STATE", "person", ""])
def test_dictionary_role_kind_must_be_person_or_org(tmp_path: Path, kind: str) -> None:
    path = write(tmp_path / "id", "roles.tsv", ROLE_HEADER, f"Menlu\t{kind}\tDIP\tforeign minister\t")
    problems: list[DictProblem] = []
    assert load_role_rows(path, problems) == []
    assert [p.origin for p in problems] == ["id/roles.tsv:2"]


@pytest.mark.parametrize("loader", [load_actor_rows, load_people_rows, load_role_rows])
def test_dictionary_missing_file_is_empty(tmp_path: Path, loader) -> None:
    problems: list[DictProblem] = []
    assert loader(tmp_path / "nothing.tsv", problems) == []
    assert problems == []


def _english_forms(country) -> list[str]:
    """How English news names a state: pycountry's common name and its ISO name, the inverted form set right
    ("Korea, Republic of" → "Republic of Korea", "Virgin Islands, British" → "British Virgin Islands")."""
    forms = [getattr(country, "common_name", None), country.name]
    head, _, tail = country.name.partition(", ")
    if tail and (tail.endswith((" of", " of the")) or " " not in tail):
        forms[1] = f"{tail} {head}"
    return [form for form in dict.fromkeys(forms) if form]


def _state_names() -> list[tuple[str, str, str]]:
    import pycountry
    from babel import Locale

    indonesian = Locale("id").territories
    cases = [("id", c.alpha_3, indonesian[c.alpha_2]) for c in pycountry.countries]
    cases += [("en", c.alpha_3, form) for c in pycountry.countries for form in _english_forms(c)]
    return cases


STATE_NAMES = _state_names()
# Deliberate press readings: bare English "Congo" is the DR Congo in news copy (the Republic is "Congo-Brazzaville").
PRESS_READING = {("en", "Congo"): "COD"}
# Names that are also US states, first names or rivers resolve only with support; a title gives it.
TITLE = {"id": "Presiden {}", "en": "the President of {}"}


@pytest.mark.parametrize(("lang", "code", "name"), STATE_NAMES, ids=[f"{lang}-{code}-{name}" for lang, code, name in
                                                                      STATE_NAMES])
def test_dictionary_every_state_resolves_from_its_name(lang: str, code: str, name: str) -> None:
    from relasi.actors import find_actors
    from relasi.model import Article
    from relasi.packs import DATA_DIR, load_pack

    if not (DATA_DIR / lang / "actors.tsv").exists():
        pytest.skip(f"{lang}/actors.tsv not written yet")
    pack = load_pack(lang)
    code = PRESS_READING.get((lang, name), code)
    ambiguous = any(e.name.lower() == name.lower() and "ambiguous" in e.flags for e in pack.entries)
    body = TITLE[lang].format(name) if ambiguous else name
    article = find_actors(Article(id="state", source="test", body=body), pack)
    found = [(m.text, m.actor.code) for m in article.mentions]
    assert code in {c for _, c in found}, f"{lang} {body!r} should resolve to {code}, got {found}"
