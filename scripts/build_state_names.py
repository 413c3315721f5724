"""Dev-time helper for the STATE rows of data/<lang>/actors.tsv (needs pycountry and babel).

The TSV files are hand-curated and committed; this script never writes them.

    python scripts/build_state_names.py base id     # print CLDR base rows for Indonesian
    python scripts/build_state_names.py check       # every ISO 3166-1 entry has its CLDR name?

`base` prints one STATE row per ISO 3166-1 entry with its CLDR territory name in that language,
cleaned of CLDR display quirks ("Myanmar (Burma)", "Hong Kong SAR China"); paste the rows you need
into the TSV and add the press forms by hand. `check` exits 1 when an entry lacks a STATE row or
its CLDR name (in any of the cleaned spellings) is missing from the file.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

import pycountry
from babel import Locale

DATA = Path(__file__).resolve().parent.parent / "src" / "relasi" / "data"
LANGS = ("id", "en")
COLUMNS = ("name", "code", "kind", "canonical", "country", "sector", "role", "valid_from", "valid_to", "flags")
# CLDR display names carry qualifiers that no newspaper writes.
_QUALIFIER = re.compile(r"\s*\((?:Burma|Keeling)\)|\s+(?:SAR China|DAK Tiongkok)$")


def clean_variants(cldr_name: str, lang: str) -> list[str]:
    """Spellings of a CLDR territory name that may stand in the TSV, best first."""
    name = cldr_name.replace("’", "'")
    joiner = " dan " if lang == "id" else " and "
    variants = [
        _QUALIFIER.sub("", name),
        name.replace(" & ", joiner),
        name.replace("St. ", "Saint "),
        name.replace(" - ", "-"),
        name,
    ]
    return list(dict.fromkeys(v.strip() for v in variants))


def english_canonical(country: object) -> str:
    return getattr(country, "common_name", None) or Locale("en").territories.get(country.alpha_2) or country.name


def base_rows(lang: str) -> list[list[str]]:
    locale = Locale(lang)
    rows = []
    for country in pycountry.countries:
        cldr = locale.territories.get(country.alpha_2, country.name)
        name = clean_variants(cldr, lang)[0]
        rows.append([name, country.alpha_3, "STATE", english_canonical(country), country.alpha_3,
                     "", "", "", "", ""])
    return rows


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    if tuple(header) != COLUMNS:
        raise SystemExit(f"{path}: unexpected header {header}")
    return [dict(zip(COLUMNS, row, strict=True)) for row in reader]


def check(lang: str) -> list[str]:
    rows = read_tsv(DATA / lang / "actors.tsv")
    state_rows = [r for r in rows if r["kind"] == "STATE"]
    names = {(r["name"].casefold().replace("’", "'"), r["code"]) for r in state_rows}
    codes = {r["code"] for r in state_rows}
    locale = Locale(lang)
    problems = []
    for country in pycountry.countries:
        code = country.alpha_3
        if code not in codes:
            problems.append(f"{lang}: {code} has no STATE row")
            continue
        cldr = locale.territories.get(country.alpha_2, country.name)
        if not any((v.casefold(), code) in names for v in clean_variants(cldr, lang)):
            problems.append(f"{lang}: {code} lacks its CLDR name {cldr!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    base = sub.add_parser("base", help="print CLDR base STATE rows as TSV")
    base.add_argument("lang", choices=LANGS)
    sub.add_parser("check", help="check the TSVs keep every ISO 3166-1 entry's CLDR name")
    args = parser.parse_args(argv)

    if args.command == "base":
        writer = csv.writer(sys.stdout, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(base_rows(args.lang))
        return 0
    problems = [p for lang in LANGS for p in check(lang)]
    for problem in problems:
        print(problem)
    total = len(list(pycountry.countries))
    print(f"{total} ISO 3166-1 entries checked in {', '.join(LANGS)}: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
