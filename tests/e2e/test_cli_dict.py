"""`relasi dict check` and `relasi dict lookup` run as the installed console script."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from relasi.packs import DATA_DIR
from tests.test_actors_check import CLEAN_ACTORS, CLEAN_PEOPLE, CLEAN_ROLES, actor, person, write_pack

RELASI = Path(sys.executable).parent / "relasi"
PROBLEM_LINE = re.compile(r"^\S+\.tsv(:\d+)?: .+$")
SUMMARY_LINE = re.compile(r"^(no problems|\d+ problems?) \((\w+: \d+(, )?)+\)$")
COVERAGE_LINE = re.compile(r"^(\w+ lexicon: \d+ surface forms|  codes with a trigger, by root|  3-digit codes with no)")


def relasi(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(RELASI), *map(str, args)], capture_output=True, text=True, timeout=120)


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    write_pack(tmp_path, CLEAN_ACTORS, CLEAN_PEOPLE, CLEAN_ROLES, lang="id")
    write_pack(tmp_path, [actor("Russia", "RUS")], CLEAN_PEOPLE, CLEAN_ROLES, lang="en")
    return tmp_path


@pytest.mark.parametrize(("lang", "summary"), [("id", "no problems (id: 0)"), ("all", None)])
def test_cli_dict_check_clean_pack_exits_0(pack_dir: Path, lang: str, summary: str | None) -> None:
    if lang == "all":   # the en pack defines no UN, so the shared people file has one problem there
        result = relasi("dict", "check", "--lang", lang, "--data-dir", pack_dir)
        assert result.returncode == 1
        assert result.stdout.splitlines()[-1] == "1 problem (id: 0, en: 1)"
        return
    result = relasi("dict", "check", "--lang", lang, "--data-dir", pack_dir)
    assert (result.returncode, result.stdout.splitlines()) == (0, [summary])


def test_cli_dict_check_reports_lexicon_coverage_per_root() -> None:
    result = relasi("dict", "check")
    lines = result.stdout.splitlines()
    for lang in ("id", "en"):
        line = next(x for x in lines if x.startswith(f"{lang} lexicon: "))
        forms, codes = re.match(rf"{lang} lexicon: (\d+) surface forms, (\d+) CAMEO codes", line).groups()
        assert int(forms) >= 2000 and int(codes) >= 150, line
    roots = [x for x in lines if x.startswith("  codes with a trigger, by root: ")]
    assert len(roots) == 2 and all(f"{root:02d} " in roots[0] for root in range(1, 21))


@pytest.mark.parametrize(
    ("actors", "people", "expected"),
    [
        ([*CLEAN_ACTORS, actor("Ruritania", "RUR"), actor("Rusia", "RUS")], CLEAN_PEOPLE,
         ["id/actors.tsv:19: unknown code 'RUR' (not ISO 3166 alpha-3 nor an IGO of the id pack)",
          "id/actors.tsv:20: duplicate of id/actors.tsv:2", "2 problems (id: 2)"]),
        (CLEAN_ACTORS, [*CLEAN_PEOPLE, person("Anonymous", "", "RUS", sector="DIP", role="foreign minister")],
         ["common/people.tsv:17: Anonymous is RUS foreign minister from … to …, overlapping Sergey Lavrov "
          "(2004-03-09 to …, common/people.tsv:2); fix the dates or flag the role `plural`", "1 problem (id: 1)"]),
    ],
)
def test_cli_dict_check_prints_problems_and_exits_1(tmp_path: Path, actors: list[str], people: list[str],
                                                     expected: list[str]) -> None:
    write_pack(tmp_path, actors, people, CLEAN_ROLES)
    result = relasi("dict", "check", "--lang", "id", "--data-dir", tmp_path)
    assert (result.returncode, result.stdout.splitlines()) == (1, expected)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # The same problem in every pack: printed once.
        (person("Someone", "", "RUS", sector="GOV", role="president", valid_from="2020-01-01"),
         ["common/people.tsv:17: Someone is RUS president from 2020-01-01 to …, overlapping Vladimir Putin "
          "(2012-05-07 to …, common/people.tsv:16); fix the dates or flag the role `plural`"]),
        # A problem that depends on the pack's own IGO codes: once per pack, naming it.
        (person("Someone", "", "SUV", sector="GOV", role="president"),
         ["common/people.tsv:17: unknown code 'SUV' (not ISO 3166 alpha-3 nor an IGO of the id pack)",
          "common/people.tsv:17: unknown code 'SUV' (not ISO 3166 alpha-3 nor an IGO of the en pack)"]),
    ],
)
def test_cli_dict_check_shared_people_problem_printed_once_per_message(pack_dir: Path, row: str,
                                                                      expected: list[str]) -> None:
    write_pack(pack_dir, CLEAN_ACTORS, [*CLEAN_PEOPLE, row], CLEAN_ROLES, lang="id")
    result = relasi("dict", "check", "--lang", "all", "--data-dir", pack_dir)
    lines = [line for line in result.stdout.splitlines() if line.startswith("common/people.tsv:17:")]
    assert (result.returncode, lines) == (1, expected)


@pytest.mark.parametrize(("args", "message"), [(("--lang", "xx"), "Invalid value for '--lang'"),
                                               (("--data-dir", "/no/such/dir"), "does not exist")])
def test_cli_dict_check_bad_arguments_exit_2(args: tuple[str, ...], message: str) -> None:
    result = relasi("dict", "check", *args)
    assert result.returncode == 2 and message in result.stderr


@pytest.mark.parametrize("lang", ["id", "en", "all"])
def test_cli_dict_check_real_packs_output_shape(lang: str) -> None:
    if not (DATA_DIR / "id" / "actors.tsv").exists() or not (DATA_DIR / "en" / "actors.tsv").exists():
        pytest.skip("actor dictionaries not written yet")
    result = relasi("dict", "check", "--lang", lang)
    lines = [line for line in result.stdout.splitlines() if not COVERAGE_LINE.match(line)]
    assert result.returncode == (1 if len(lines) > 1 else 0), result.stderr
    assert SUMMARY_LINE.match(lines[-1]), lines[-1]
    assert [line for line in lines[:-1] if not PROBLEM_LINE.match(line)] == []


@pytest.mark.parametrize(
    ("name", "date", "expected"),
    [
        ("Rusia", None, ["'Rusia' [0:5]", "  code=RUS kind=STATE name='Rusia' country=- sector=- role=-",
                         "  from id/actors.tsv:2: Rusia | RUS | STATE",
                         "dictionary entries named 'Rusia':",
                         "  id/actors.tsv:2: 'Rusia' STATE code=RUS canonical='Rusia' role=- valid always flags=-"]),
        ("Menlu Rusia", "2000-01-01",
         ["'Menlu Rusia' [0:11] on 2000-01-01",
          "  code=RUS kind=PERSON name='Igor Ivanov' country=- sector=DIP role=foreign minister",
          "  from id/roles.tsv:3: Menlu | PERSON | DIP | foreign minister",
          "  from id/actors.tsv:2: Rusia | RUS | STATE",
          "'Rusia' [6:11] (part of a wider phrase) on 2000-01-01",
          "  code=RUS kind=STATE name='Rusia' country=- sector=- role=-",
          "  from id/actors.tsv:2: Rusia | RUS | STATE"]),
    ],
)
def test_cli_dict_lookup_prints_actor_and_rows(pack_dir: Path, name: str, date: str | None,
                                               expected: list[str]) -> None:
    args = ["dict", "lookup", name, "--data-dir", str(pack_dir)] + (["--date", date] if date else [])
    result = relasi(*args)
    assert (result.returncode, result.stdout.splitlines()) == (0, expected), result.stderr


@pytest.mark.parametrize(
    ("date", "holder", "role"),
    [("2010-01-01", "Sergey Lavrov", "foreign minister"), ("2024-10-20", "Retno Marsudi", "foreign minister"),
     ("2025-01-01", "Sugiono", "foreign minister")],
)
def test_cli_dict_lookup_depends_on_date(pack_dir: Path, date: str, holder: str, role: str) -> None:
    code = "RUS" if holder == "Sergey Lavrov" else "IDN"
    write_pack(pack_dir, [*CLEAN_ACTORS, actor("Indonesia", "IDN")], CLEAN_PEOPLE, CLEAN_ROLES)
    result = relasi("dict", "lookup", f"Menlu {'Rusia' if code == 'RUS' else 'Indonesia'}", "--date", date,
                    "--data-dir", pack_dir)
    assert result.returncode == 0, result.stderr
    assert f"  code={code} kind=PERSON name='{holder}' country=- sector=DIP role={role}" in result.stdout


@pytest.mark.parametrize("name", ["Retno", "Prabowo"])
def test_cli_dict_lookup_lists_every_row_of_a_name_with_dates(pack_dir: Path, name: str) -> None:
    result = relasi("dict", "lookup", name, "--data-dir", pack_dir)
    rows = [line for line in result.stdout.splitlines() if line.startswith("  common/people.tsv:")]
    expected = {"Retno": ["  common/people.tsv:9: 'Retno' PERSON code=IDN canonical='Retno Marsudi' "
                          "role=foreign minister valid 2014-10-27 to 2024-10-20 flags=-"],
                "Prabowo": ["  common/people.tsv:11: 'Prabowo' PERSON code=IDN canonical='Prabowo Subianto' "
                            "role=defence minister valid 2019-10-23 to 2024-10-20 flags=-",
                            "  common/people.tsv:12: 'Prabowo' PERSON code=IDN canonical='Prabowo Subianto' "
                            "role=president valid from 2024-10-20 flags=-"]}[name]
    assert (result.returncode, rows) == (0, expected)


@pytest.mark.parametrize(("name", "lang"), [("Xyzzy", "id"), ("Rusiawan", "id"), ("rusia", "en")])
def test_cli_dict_lookup_nothing_matches_exits_1(pack_dir: Path, name: str, lang: str) -> None:
    result = relasi("dict", "lookup", name, "--lang", lang, "--data-dir", pack_dir)
    assert result.returncode == 1
    assert f"{name!r} matches nothing in the {lang} pack" in result.stderr


@pytest.mark.parametrize("date", ["2023-13-01", "03/10/2023"])
def test_cli_dict_lookup_bad_date_exits_2(pack_dir: Path, date: str) -> None:
    result = relasi("dict", "lookup", "Rusia", "--date", date, "--data-dir", pack_dir)
    assert result.returncode == 2 and "--date" in result.stderr


@pytest.mark.parametrize(("name", "lang", "code"), [("Rusia", "id", "RUS"), ("Russia", "en", "RUS"),
                                                     ("Amerika Serikat", "id", "USA"), ("PBB", "id", "UN")])
def test_cli_dict_lookup_real_pack(name: str, lang: str, code: str) -> None:
    if not (DATA_DIR / lang / "actors.tsv").exists():
        pytest.skip(f"{lang}/actors.tsv not written yet")
    result = relasi("dict", "lookup", name, "--lang", lang)
    assert result.returncode == 0, result.stderr
    assert f"  code={code} " in result.stdout
