"""`check_pack` on tiny packs written to tmp_path, one planted problem at a time, and on the real packs."""

from __future__ import annotations

from pathlib import Path

import pytest

from relasi.actors.check import check_pack, is_plural_role
from relasi.actors.dictionary import ACTOR_COLUMNS, PEOPLE_COLUMNS, ROLE_COLUMNS
from relasi.packs import DATA_DIR, UnknownLanguage


def actor(name: str, code: str = "", kind: str = "STATE", canonical: str = "", country: str = "", sector: str = "",
          role: str = "", valid_from: str = "", valid_to: str = "", flags: str = "") -> str:
    return "\t".join((name, code, kind, canonical, country, sector, role, valid_from, valid_to, flags))


def person(canonical: str, variants: str = "", code: str = "", country: str = "", sector: str = "",
           role: str = "", valid_from: str = "", valid_to: str = "", flags: str = "") -> str:
    return "\t".join((canonical, variants, code, country, sector, role, valid_from, valid_to, flags))


def title(phrase: str, kind: str = "PERSON", sector: str = "DIP", role: str = "", flags: str = "") -> str:
    return "\t".join((phrase, kind, sector, role, flags))


CLEAN_ACTORS = [
    actor("Rusia", "RUS"),
    actor("Moskwa", "RUS", "CITY", country="RUS", sector="GOV", flags="metonym"),
    actor("Kremlin", "RUS", "CITY", country="RUS", sector="GOV", flags="metonym"),
    actor("AS", "USA", canonical="Amerika Serikat", flags="cs"),
    actor("Amerika Latin", "-", "NONE"),
    actor("PBB", "UN", "IGO", canonical="Perserikatan Bangsa-Bangsa", sector="IGO"),
    actor("NATO", "NATO", "IGO"),
    actor("Kosovo", "XKX"),
    actor("Palestina", "PSE"),                                              # line 10
    actor("Taiwan", "TWN"),
    actor("Hong Kong", "HKG", "CITY", country="HKG"),
    actor("Sahara Barat", "ESH"),
    actor("Uni Soviet", "SUN", valid_to="1991-12-26"),                      # ISO 3166-3 former state
    actor("Georgia", "GEO", flags="ambiguous"),
    actor("Georgia", "USA", "CITY", country="USA"),
    actor("Brussel", "EU", "CITY", sector="IGO", flags="metonym"),          # a seat standing for an IGO
    actor("Uni Eropa", "EU", "IGO", sector="IGO"),
]
CLEAN_PEOPLE = [
    person("Sergey Lavrov", "Lavrov|Sergei Lavrov", "RUS", sector="DIP", role="foreign minister",
           valid_from="2004-03-09"),                                        # line 2
    person("Igor Ivanov", "", "RUS", sector="DIP", role="foreign minister", valid_from="1998-09-11",
           valid_to="2004-03-09"),
    person("Sergey Ryabkov", "Ryabkov", "RUS", sector="DIP", role="deputy foreign minister", valid_from="2008-08-01"),
    person("Mikhail Galuzin", "Galuzin", "RUS", sector="DIP", role="deputy foreign minister", valid_from="2022-01-01"),
    person("Maria Zakharova", "Zakharova", "RUS", sector="DIP", role="spokesperson", valid_from="2015-08-10"),
    person("Dmitry Peskov", "Peskov", "RUS", sector="GOV", role="spokesperson", valid_from="2012-05-22"),
    person("Antonio Guterres", "Guterres", "UN", sector="IGO", role="secretary-general",
           valid_from="2017-01-01"),                                        # line 8
    person("Retno Marsudi", "Retno", "IDN", sector="DIP", role="foreign minister", valid_from="2014-10-27",
           valid_to="2024-10-20"),
    person("Sugiono", "", "IDN", sector="DIP", role="foreign minister", valid_from="2024-10-21"),
    person("Prabowo Subianto", "Prabowo", "IDN", sector="MIL", role="defence minister", valid_from="2019-10-23",
           valid_to="2024-10-20"),
    person("Prabowo Subianto", "Prabowo", "IDN", sector="GOV", role="president", valid_from="2024-10-20"),
    person("Joko Widodo", "Jokowi", "IDN", sector="GOV", role="president", valid_from="2014-10-20",
           valid_to="2024-10-20"),                                          # hands over to Prabowo that day
    person("Sri Mulyani", "", "IDN", sector="GOV", role="minister", valid_from="2016-07-27"),
    person("Bahlil Lahadalia", "", "IDN", sector="GOV", role="minister", valid_from="2024-08-19"),
    person("Vladimir Putin", "Putin", "RUS", sector="GOV", role="president", valid_from="2012-05-07"),  # line 16
]
CLEAN_ROLES = [
    title("Menteri Luar Negeri", role="foreign minister"),
    title("Menlu", role="foreign minister"),                                # line 3
    title("Wakil Menlu", role="deputy foreign minister", flags="plural"),
    title("Kementerian Luar Negeri", "ORG", role="foreign ministry"),
    title("Duta Besar", role="ambassador", flags="plural"),
    title("Juru Runding", role="chief negotiator", flags="plural"),
]


def write_pack(data_dir: Path, actors: list[str], people: list[str], roles: list[str], lang: str = "id") -> Path:
    for folder, name, columns, rows in (
        (data_dir / lang, "actors.tsv", ACTOR_COLUMNS, actors),
        (data_dir / "common", "people.tsv", PEOPLE_COLUMNS, people),
        (data_dir / lang, "roles.tsv", ROLE_COLUMNS, roles),
    ):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("\n".join(["\t".join(columns), *rows]) + "\n", encoding="utf-8")
    return data_dir


def test_check_clean_pack_has_no_problems(tmp_path: Path) -> None:
    write_pack(tmp_path, CLEAN_ACTORS, CLEAN_PEOPLE, CLEAN_ROLES)
    assert [str(p) for p in check_pack("id", tmp_path)] == []


# (file, planted row, fragment of the message); the row lands on the line after the clean rows.
PLANTED = [
    ("actors", actor("Rusia", "RUS", canonical="extra", country="RUS") + "\tstray", "cells, expected 10"),
    ("actors", actor("Rusia", "RUS", valid_from="2020-01-01", valid_to="2019-12-31"),
     "valid_from 2020-01-01 is after valid_to 2019-12-31"),
    ("actors", actor("Rusia", "RUS", canonical="Federasi Rusia", valid_from="2020-31-01"), "bad date '2020-31-01'"),
    ("actors", actor("Rusia", "RUS", flags="big"), "unknown flag 'big'"),
    ("actors", actor("Ruritania", "RUR"), "unknown code 'RUR'"),
    ("actors", actor("Uni Sovyet", "SUV"), "unknown code 'SUV'"),
    ("actors", actor("Rusland", "RU"), "unknown code 'RU'"),
    ("actors", actor("Aliansi", "NATO"), "STATE code 'NATO' is not an ISO 3166 alpha-3 code"),
    ("actors", actor("Gazprom", "RUS", "ORG", country="RUZ", sector="BUS"), "unknown country 'RUZ'"),
    ("actors", actor("Andean", "CAN", "IGO"), "IGO code 'CAN' is also a state's ISO code"),
    ("actors", actor("Rusia", "RUS", "COUNTRY"), "unknown kind 'COUNTRY'"),
    ("actors", actor("Kremlin", "RUS", "CITY", country="RUS", sector="GOVT", flags="metonym"),
     "unknown sector 'GOVT'"),
    ("actors", actor("Hamas", "", "ORG"), "a ORG row needs a code"),
    ("actors", actor("Rusia", "RUS"), "duplicate of id/actors.tsv:2"),
    ("actors", actor("rusia", "UKR"), "'rusia' is UKR here but RUS at id/actors.tsv:2"),
    ("actors", actor("Palestina", "ISR", valid_from="1948-05-14"),
     "'Palestina' is ISR here but PSE at id/actors.tsv:10"),
    ("people", person("Lavrov", "", "FRA", sector="DIP", role="ambassador"),
     "'Lavrov' is FRA here but RUS at common/people.tsv:2"),
    ("people", CLEAN_PEOPLE[0], "duplicate of common/people.tsv:2"),
    ("people", person("Andrei Kozyrev", "", "RUS", sector="DIP", role="foreign minister", valid_from="1990-10-11",
                      valid_to="2004-01-01"),
     "Andrei Kozyrev is RUS foreign minister from 1990-10-11 to 2004-01-01, overlapping Igor Ivanov"),
    ("people", person("Anonymous", "", "RUS", sector="DIP", role="foreign minister"), "overlapping Sergey Lavrov"),
    ("people", person("Someone", "", "RUS", sector="GOV", role="president", valid_from="2012-05-06",
                      valid_to="2012-05-08"), "overlapping Vladimir Putin"),
    ("people", person("Ban Ki-moon", "Ban", "UN", sector="IGO", role="secretary-general", valid_from="2007-01-01",
                      valid_to="2017-01-02"), "overlapping Antonio Guterres"),
    ("people", person("Someone", "", "SUV", sector="GOV", role="president"), "unknown code 'SUV'"),
    ("people", person("Someone", "", "RUS", sector="GOVERNMENT", role="president", valid_from="1990-01-01",
                      valid_to="1990-01-02"), "unknown sector 'GOVERNMENT'"),
    ("people", person("Someone", "", "RUS", "RUZ", sector="GOV", role="president", valid_from="1990-01-01",
                      valid_to="1990-01-02"), "unknown country 'RUZ'"),
    ("people", person("Someone", "", "RUS", sector="GOV", role="president", valid_from="1991-01-01",
                      valid_to="1990-01-01"), "valid_from 1991-01-01 is after"),
    ("people", person("", "Someone", "RUS"), "canonical and code are required"),
    ("roles", title("Menlu", role="deputy foreign minister"), "title 'Menlu' is already defined at id/roles.tsv:3"),
    ("roles", title("Menlu", "ORG", role="foreign ministry"), "title 'Menlu' is already defined"),
    ("roles", title("Menlu", role="foreign minister"), "duplicate of id/roles.tsv:3"),
    ("roles", title("Menlu", "STATE", role="foreign minister"), "role kind must be PERSON or ORG"),
    ("roles", title("Jubir", sector="PRESS", role="spokesperson"), "unknown sector 'PRESS'"),
]


@pytest.mark.parametrize(("file", "row", "fragment"), PLANTED)
def test_check_finds_planted_problem_at_file_and_line(tmp_path: Path, file: str, row: str, fragment: str) -> None:
    tables = {"actors": list(CLEAN_ACTORS), "people": list(CLEAN_PEOPLE), "roles": list(CLEAN_ROLES)}
    tables[file].append(row)
    write_pack(tmp_path, tables["actors"], tables["people"], tables["roles"])
    where = {"actors": "id/actors.tsv", "people": "common/people.tsv", "roles": "id/roles.tsv"}[file]
    line = len(tables[file]) + 1                                  # the header is line 1
    problems = check_pack("id", tmp_path)
    assert len(problems) == 1, [str(p) for p in problems]
    assert problems[0].origin.endswith(f"{where}:{line}")
    assert fragment in problems[0].message


# Rows that look suspicious but are allowed: a rule to choose, disjoint terms, a handover day, plural roles.
ALLOWED = [
    ("actors", (actor("Georgia", "GEO", valid_from="1991-04-09", flags="ambiguous"),)),  # flagged; USA row is not
    ("actors", (actor("Washington", "USA", "CITY", country="USA", sector="GOV", flags="metonym"),
                actor("Washington", "GBR", "PERSON", country="GBR"))),         # one of the two is a metonym
    ("actors", (actor("Sugiono", "SGP", "PERSON", valid_from="2000-01-01", valid_to="2010-01-01"),)),  # disjoint
    ("actors", (actor("Moskwa", "RUS", "CITY", country="RUS", sector="GOV", valid_from="2000-01-01",
                      flags="metonym"),)),                                    # not a duplicate: dates differ
    ("actors", (actor("As", "AUS", flags="cs"),)),                              # another case-sensitive spelling
    ("people", (person("Andrei Kozyrev", "", "RUS", sector="DIP", role="foreign minister", valid_from="1990-10-11",
                       valid_to="1996-01-05"),
                person("Yevgeny Primakov", "", "RUS", sector="DIP", role="foreign minister", valid_from="1996-01-09",
                       valid_to="1998-09-11"))),                             # hands over to Ivanov that day
    ("people", (person("Alexander Grushko", "Grushko", "RUS", sector="DIP", role="deputy foreign minister",
                       valid_from="2018-01-22"),)),
    ("people", (person("Alexei Zaitsev", "", "RUS", sector="DIP", role="spokesperson", valid_from="2023-01-01"),)),
    ("people", (person("Airlangga Hartarto", "Airlangga", "IDN", sector="GOV", role="minister",
                       valid_from="2019-10-23"),)),
    ("people", (person("Anatoly Antonov", "", "RUS", sector="DIP", role="ambassador", valid_from="2017-08-21",
                       valid_to="2024-10-01"),
                person("Vasily Nebenzya", "", "RUS", sector="DIP", role="ambassador", valid_from="2017-07-27"))),
    ("people", (person("Ali Bagheri", "", "IRN", sector="DIP", role="chief negotiator", valid_from="2021-09-01"),
                person("Kazem Gharibabadi", "", "IRN", sector="DIP", role="chief negotiator",
                       valid_from="2022-01-01"))),                           # plural through roles.tsv
    ("people", (person("Dina Kawar", "", "JOR", sector="DIP", role="permanent representative to the UN",
                       valid_from="2016-01-01", flags="plural"),
                person("Mahmoud Hmoud", "", "JOR", sector="DIP", role="permanent representative to the UN",
                       valid_from="2020-01-01", flags="plural"))),            # plural through the rows
    ("people", (person("Mao Ning", "", "CHN", sector="DIP", role="foreign ministry spokesperson",
                       valid_from="2022-09-01"),
                person("Lin Jian", "", "CHN", sector="DIP", role="foreign ministry spokesperson",
                       valid_from="2023-11-01"))),                           # plural by its head word
    ("people", (person("Joko Widodo", "Widodo", "IDN", sector="GOV", role="president", valid_from="2014-10-20",
                       valid_to="2024-10-20", flags="ambiguous"),)),         # a companion row of the same term
    ("roles", (title("Menteri Luar Negeri", role="foreign minister", flags="plural"),)),  # same meaning
]


@pytest.mark.parametrize(("file", "rows"), ALLOWED)
def test_check_allows_rows_with_a_rule(tmp_path: Path, file: str, rows: tuple[str, ...]) -> None:
    tables = {"actors": list(CLEAN_ACTORS), "people": list(CLEAN_PEOPLE), "roles": list(CLEAN_ROLES)}
    tables[file].extend(rows)
    write_pack(tmp_path, tables["actors"], tables["people"], tables["roles"])
    assert [str(p) for p in check_pack("id", tmp_path)] == []


@pytest.mark.parametrize(
    ("rows", "expected_lines"),
    [
        # Each overlapping row is reported once, at its own line, however many holders it overlaps.
        ((person("Andrei Kozyrev", "", "RUS", sector="DIP", role="foreign minister", valid_from="1990-10-11"),
          person("Yevgeny Primakov", "", "RUS", sector="DIP", role="foreign minister", valid_from="1996-01-09")),
         [17, 18]),
        ((person("Dina Kawar", "", "JOR", sector="DIP", role="permanent representative to the UN",
                 valid_from="2016-01-01"),
          person("Mahmoud Hmoud", "", "JOR", sector="DIP", role="permanent representative to the UN",
                 valid_from="2020-01-01")), [18]),
    ],
)
def test_check_reports_each_overlapping_term_once(tmp_path: Path, rows: tuple[str, ...],
                                                  expected_lines: list[int]) -> None:
    write_pack(tmp_path, CLEAN_ACTORS, [*CLEAN_PEOPLE, *rows], CLEAN_ROLES)
    problems = check_pack("id", tmp_path)
    assert [p.origin for p in problems] == [f"common/people.tsv:{n}" for n in expected_lines]
    assert all("overlapping" in p.message for p in problems)


@pytest.mark.parametrize("missing", ["id/actors.tsv", "common/people.tsv", "id/roles.tsv"])
def test_check_reports_missing_file(tmp_path: Path, missing: str) -> None:
    write_pack(tmp_path, CLEAN_ACTORS, CLEAN_PEOPLE, CLEAN_ROLES)
    (tmp_path / missing).unlink()
    assert [str(p) for p in check_pack("id", tmp_path)][0] == f"{missing}: file is missing"


@pytest.mark.parametrize("lang", ["xx", "common-typo"])
def test_check_unknown_language_raises(tmp_path: Path, lang: str) -> None:
    write_pack(tmp_path, CLEAN_ACTORS, CLEAN_PEOPLE, CLEAN_ROLES)
    with pytest.raises(UnknownLanguage):
        check_pack(lang, tmp_path)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_check_igo_codes_belong_to_the_pack(tmp_path: Path, lang: str) -> None:
    # The people file is shared; an IGO code only the id pack defines is unknown to the en pack.
    write_pack(tmp_path, CLEAN_ACTORS, CLEAN_PEOPLE, CLEAN_ROLES, lang="id")
    write_pack(tmp_path, [a for a in CLEAN_ACTORS if not a.startswith("PBB")], CLEAN_PEOPLE, CLEAN_ROLES, lang="en")
    messages = [str(p) for p in check_pack(lang, tmp_path)]
    expected = [] if lang == "id" else [
        "common/people.tsv:8: unknown code 'UN' (not ISO 3166 alpha-3 nor an IGO of the en pack)"]
    assert messages == expected


@pytest.mark.parametrize(
    ("role", "plural"),
    [("deputy foreign minister", True), ("spokesperson", True), ("minister", True), ("ambassador", True),
     ("Deputy Prime Minister", True), ("foreign ministry spokesperson", True), ("UN envoy", True),
     ("foreign minister", False), ("president", False), ("vice president", False), ("prime minister", False),
     ("ambassador to the UN", False), ("special envoy for ukraine and russia", False)],
)
def test_check_plural_roles(role: str, plural: bool) -> None:
    assert is_plural_role(role) is plural


@pytest.mark.parametrize("lang", ["id", "en"])
def test_check_real_pack_is_clean(lang: str) -> None:
    if not (DATA_DIR / lang / "actors.tsv").exists():
        pytest.skip(f"{lang}/actors.tsv not written yet")
    assert [str(p) for p in check_pack(lang)] == []
