"""The CAMEO codebook (names, Goldstein values, quad classes) and the CAMEO → PLOVER contract.

The codebook is data (`data/cameo.tsv`); the PLOVER mapping is code (`plover_for`) because it is a
rule over code prefixes that must also answer for codes missing from the file. The loader checks
that every row agrees with the rule, so the file and the contract cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

HEADER = ("code", "name", "goldstein", "quad_class", "plover")

_CODE_RE = re.compile(r"[0-9]{2,4}")  # not \d: it also matches non-ASCII digits

# The DESIGN.md contract as (prefix, PLOVER type); the longest matching prefix wins.
# Root "01" maps to None: public statements have no PLOVER type, except 016 (a denial aimed at
# the accuser), which is REJECT.
_PLOVER_RULES: dict[str, str | None] = {
    "01": None, "016": "REJECT",
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT", "057": "AGREE",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE", "084": "RETREAT", "085": "RETREAT", "086": "RETREAT", "087": "RETREAT",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT", "191": "COERCE", "192": "COERCE",
    "20": "ASSAULT",
}


class InvalidCameoCode(ValueError):
    """A string that cannot be a CAMEO code: not 2–4 digits, or a root outside 01–20."""


class UnknownCameoCode(KeyError):
    """A well-formed code that the codebook does not list."""

    def __str__(self) -> str:  # KeyError would show the repr of the message
        return str(self.args[0]) if self.args else ""


class CodebookError(ValueError):
    """The codebook file is malformed; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str               # "04", "042", "1031": the string, never an int (leading zeros matter)
    name: str
    goldstein: float        # -10.0 (most conflictual) .. +10.0 (most cooperative)
    quad_class: int         # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover: str | None      # None for the 01x public statements other than 016


def _root(code: str) -> int:
    if not isinstance(code, str) or not _CODE_RE.fullmatch(code) or not 1 <= int(code[:2]) <= 20:
        raise InvalidCameoCode(f"not a CAMEO code: {code!r}")
    return int(code[:2])


_PLOVER_SEEN: dict[str, str | None] = {}    # valid codes only, so at most the few hundred CAMEO codes


def plover_for(code: str) -> str | None:
    """The PLOVER type of a CAMEO code by the DESIGN.md contract, or None (most 01x codes)."""
    if type(code) is str and code in _PLOVER_SEEN:      # the coder asks this several times per trigger
        return _PLOVER_SEEN[code]
    plover = _plover(code)
    _PLOVER_SEEN[code] = plover
    return plover


def _plover(code: str) -> str | None:
    _root(code)
    for length in (3, 2):
        prefix = code[:length]
        if prefix in _PLOVER_RULES:
            return _PLOVER_RULES[prefix]
    raise AssertionError(f"no PLOVER rule for root {code[:2]}")  # every root 01–20 has a rule


def quad_class_for(code: str) -> int:
    """1 verbal cooperation (01–05), 2 material cooperation (06–08), 3 verbal conflict (09–13),
    4 material conflict (14–20)."""
    root = _root(code)
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


class Codebook:
    """All CAMEO codes of one codebook file, by code, in file order."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = codes

    @classmethod
    def load(cls, path: Path | None = None) -> Codebook:
        """Read and validate a codebook TSV; the default is the packaged `data/cameo.tsv`."""
        if path is None:
            resource = files("relasi").joinpath("data").joinpath("cameo.tsv")
            return cls(_parse(resource.read_text(encoding="utf-8"), "relasi/data/cameo.tsv"))
        return cls(_parse(Path(path).read_text(encoding="utf-8"), str(path)))

    def get(self, code: str) -> CameoCode:
        try:
            return self._codes[code]
        except KeyError:
            raise UnknownCameoCode(f"unknown CAMEO code {code!r}") from None

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)


def _parse(text: str, source: str) -> dict[str, CameoCode]:
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != HEADER:
        raise CodebookError(f"{source}:1: header must be {chr(9).join(HEADER)!r}")
    codes: dict[str, CameoCode] = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        try:
            entry = _parse_row(line)
        except ValueError as err:  # InvalidCameoCode included
            raise CodebookError(f"{source}:{number}: {err}") from None
        if entry.code in codes:
            raise CodebookError(f"{source}:{number}: duplicate code {entry.code!r}")
        codes[entry.code] = entry
    if not codes:
        raise CodebookError(f"{source}: no codes")
    return codes


def _parse_row(line: str) -> CameoCode:
    fields = line.split("\t")
    if len(fields) != len(HEADER):
        raise ValueError(f"expected {len(HEADER)} tab-separated fields, got {len(fields)}")
    code, name, goldstein_text, quad_text, plover_text = fields
    expected_plover = plover_for(code)
    expected_quad = quad_class_for(code)
    if not name.strip():
        raise ValueError(f"code {code}: empty name")
    try:
        goldstein = float(goldstein_text)
    except ValueError:
        raise ValueError(f"code {code}: goldstein {goldstein_text!r} is not a number") from None
    if not -10.0 <= goldstein <= 10.0:
        raise ValueError(f"code {code}: goldstein {goldstein} outside -10..10")
    if quad_text != str(expected_quad):
        raise ValueError(f"code {code}: quad_class {quad_text!r}, the standard is {expected_quad}")
    plover = plover_text or None
    if plover != expected_plover:
        raise ValueError(f"code {code}: plover {plover!r}, the contract says {expected_plover!r}")
    return CameoCode(code, name, goldstein, expected_quad, plover)
