"""Actor names for people who type them: "Indonesia", "RI", "Amerika Serikat" → IDN, USA.

Filters in the CLI, the API and the dashboard take a code or any name the language packs know for a state,
an organisation or a seat of government, in any pack's language; the same index gives each code one display
name (the English pack's canonical name) and suggests near matches when a name is unknown.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from relasi.actors.dictionary import DictProblem, load_actor_rows

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_NAMED_KINDS = ("STATE", "IGO", "ORG", "CITY")
_DISPLAY_PACK = "en"        # display names in one language, whatever the page's text was in


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a typed actor stands for: one code, or nothing with the closest names as suggestions."""

    text: str
    code: str | None
    suggestions: tuple[str, ...] = ()     # "Indonesia (IDN)"


def fold(text: str) -> str:
    """Case- and accent-insensitive key: "Amérika  serikat" and "Amerika Serikat" meet."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@dataclass(frozen=True, slots=True)
class NameIndex:
    exact: dict[str, frozenset[str]]      # a case-sensitive form ("RI", "AS") → codes
    folded: dict[str, frozenset[str]]     # folded name → codes
    display: dict[str, str]               # code → one display name
    codes: frozenset[str]

    def resolve(self, text: str, known_codes: Iterable[str] = ()) -> Resolved:
        """A code (any case) known to the packs or to `known_codes`, else a name; else suggestions."""
        text = " ".join(text.split())
        known = self.codes | frozenset(known_codes)
        if text.upper() in known and " " not in text:
            return Resolved(text, text.upper())
        for found in (self.exact.get(text), self.folded.get(fold(text))):
            if found and len(found) == 1:
                return Resolved(text, next(iter(found)))
            if found:   # a name of several actors: ask which one
                return Resolved(text, None, tuple(self.label(code) for code in sorted(found)))
        return Resolved(text, None, self.suggest(text, known))

    def suggest(self, text: str, known: Iterable[str] = (), limit: int = 5) -> tuple[str, ...]:
        from rapidfuzz import fuzz, process

        choices = dict(self.folded)
        for form, codes in self.exact.items():
            choices.setdefault(fold(form), codes)
        for code in known:
            choices.setdefault(fold(code), frozenset({code}))
        seen: list[str] = []
        for name, _score, _ in process.extract(fold(text), list(choices), scorer=fuzz.WRatio, limit=limit * 4,
                                               score_cutoff=60):
            for code in sorted(choices[name]):
                if code not in seen:
                    seen.append(code)
        return tuple(self.label(code) for code in seen[:limit])

    def name(self, code: str) -> str | None:
        return self.display.get(code)

    def label(self, code: str) -> str:
        """The one display form of an actor: "India (IND)", or the bare code when no name is known."""
        name = self.display.get(code)
        return f"{name} ({code})" if name and name != code else code


@lru_cache(maxsize=1)
def name_index(data_dir: Path = DATA_DIR) -> NameIndex:
    """Every pack's names of states, organisations and seats of government (not blockers, not mere places)."""
    exact: dict[str, set[str]] = {}
    folded: dict[str, set[str]] = {}
    display: dict[str, str] = {}
    problems: list[DictProblem] = []
    packs = sorted(p.name for p in data_dir.iterdir() if (p / "actors.tsv").is_file())
    packs.sort(key=lambda lang: lang != _DISPLAY_PACK)
    for lang in packs:
        for entry in load_actor_rows(data_dir / lang / "actors.tsv", problems):
            if not entry.code or entry.kind not in _NAMED_KINDS or "place" in entry.flags:
                continue
            if entry.kind == "CITY" and "metonym" not in entry.flags:
                continue
            target = exact if entry.case_sensitive else folded
            key = entry.name if entry.case_sensitive else fold(entry.name)
            target.setdefault(key, set()).add(entry.code)
            if entry.kind in ("STATE", "IGO") and entry.canonical:
                display.setdefault(entry.code, entry.canonical)
            if entry.kind != "CITY":
                folded.setdefault(fold(entry.canonical), set()).add(entry.code)
    # A canonical name is unambiguous even where a variant is shared ("Georgia" the state, not the US state).
    for code, name in display.items():
        folded[fold(name)] = {code}
    codes = frozenset(display) | frozenset(c for cs in folded.values() for c in cs)
    return NameIndex({k: frozenset(v) for k, v in exact.items()}, {k: frozenset(v) for k, v in folded.items()},
                     display, codes)
