"""Language packs: everything a language needs, read once from `data/<lang>/` and `data/common/`.

A pack is plain data plus the automaton built from it; it pickles by path, so process-pool and Dask workers
rebuild it themselves instead of receiving it over the wire.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from relasi.actors.dictionary import (
    DictProblem,
    Entry,
    load_actor_rows,
    load_people_rows,
    load_role_rows,
)
from relasi.actors.gazetteer import Gazetteer
from relasi.lang.lexicon import YAML_LOADER, Lexicon, Phrasing, load_lexicon
from relasi.pack_cache import cached_state, source_key
from relasi.sentences import DEFAULT_ABBREVIATIONS

DATA_DIR = Path(__file__).parent / "data"
LANGUAGES = ("id", "en")


class UnknownLanguage(ValueError):
    """No pack exists for the requested language."""


@dataclass
class LanguagePack:
    lang: str
    entries: list[Entry]
    gazetteer: Gazetteer
    grammar: dict[str, Any]
    problems: list[DictProblem] = field(default_factory=list)
    abbreviations: frozenset[str] = DEFAULT_ABBREVIATIONS
    people_by_role: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    by_code: dict[str, Entry] = field(default_factory=dict)
    lexicon: Lexicon = field(default_factory=lambda: Lexicon(""))

    def words(self, key: str) -> tuple[str, ...]:
        """A list of function words from grammar.yaml (lower case)."""
        cache = self.__dict__.get("_words")        # asked a hundred times per article: no new dict per call
        if cache is None:
            cache = self.__dict__["_words"] = {}
        found = cache.get(key)
        if found is None:
            found = cache[key] = tuple(str(w).lower() for w in self.grammar.get(key, ()))
        return found

    def person_in_office(self, code: str, role: str, day: date | None) -> Entry | None:
        """Who held `role` for `code` on `day` ("Menlu Rusia" in 2023 → Sergey Lavrov)."""
        for entry in self.people_by_role.get((code, role), ()):
            if day is not None and entry.valid_on(day):
                return entry
        return None

    def __reduce__(self):
        return (load_pack, (self.lang,))


def _load_yaml(path: Path, problems: list[DictProblem], data_dir: Path = DATA_DIR) -> Any:
    if not path.exists():
        return None
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        problems.append(DictProblem(str(path.relative_to(data_dir)), f"invalid YAML: {error}"))
        return None


@cache
def load_pack(lang: str, data_dir: Path = DATA_DIR) -> LanguagePack:
    """The pack of `lang`, compiled once per process and, across processes, once per version of its data
    (relasi.pack_cache)."""
    folder = data_dir / lang
    if not folder.is_dir():
        raise UnknownLanguage(f"no language pack {lang!r} under {data_dir}")
    key = source_key(lang, [folder, data_dir / "common"])
    state = dict(cached_state(lang, key, lambda: _build(lang, data_dir)))
    derived = state.pop("derived", {})
    pack = LanguagePack(**state)
    pack.__dict__.update(derived)
    return pack


def _build(lang: str, data_dir: Path) -> dict[str, Any]:
    """The fields of a pack, read from its data files."""
    folder = data_dir / lang
    problems: list[DictProblem] = []
    actors = load_actor_rows(folder / "actors.tsv", problems)
    people = load_people_rows(data_dir / "common" / "people.tsv", problems)
    roles = load_role_rows(folder / "roles.tsv", problems)
    grammar = _load_yaml(folder / "grammar.yaml", problems, data_dir) or {}
    lexicon = load_lexicon(lang, folder / "lexicon", phrasing=_phrasing(lang, grammar))
    lexicon.references = frozenset(str(w).lower() for w in grammar.get("references") or ())
    problems.extend(DictProblem(where, what) for where, what in lexicon.problems)
    entries = actors + people + roles
    people_by_role: dict[tuple[str, str], list[Entry]] = {}
    for entry in people:
        if entry.role and entry.name == entry.canonical:
            people_by_role.setdefault((entry.code or "", entry.role), []).append(entry)
    by_code: dict[str, Entry] = {}
    for entry in actors:
        if entry.code and entry.kind in ("STATE", "IGO") and entry.code not in by_code:
            by_code[entry.code] = entry
    abbreviations = DEFAULT_ABBREVIATIONS | frozenset(w.lower() for w in grammar.get("abbreviations", ()))
    fields = dict(
        lang=lang, entries=entries, gazetteer=Gazetteer(entries), grammar=grammar,
        problems=problems, abbreviations=abbreviations, people_by_role=people_by_role, by_code=by_code,
        lexicon=lexicon,
    )
    return {**fields, "derived": _derived(LanguagePack(**fields))}


def _derived(pack: LanguagePack) -> dict[str, Any]:
    """What the steps derive from a pack and keep on it (a step's tables of the pack's words), made here once per
    version of the data so that a process starts with them: the clause step's English verb forms cost a quarter
    of a second of every start (lemminflect) and are kept in the cache for nothing. Whatever the steps' own
    functions put on the pack is kept as they made it."""
    from relasi.clauses.words import compile_words

    before = set(pack.__dict__)
    compile_words(pack)
    return {name: value for name, value in pack.__dict__.items() if name not in before}


def _phrasing(lang: str, grammar: dict[str, Any]) -> Phrasing:
    """The grammar's words that decide how a lexicon's verb phrases are read (relasi.lang.lexicon.Phrasing)."""
    def words(*keys: str) -> frozenset[str]:
        return frozenset(str(w).lower() for key in keys for w in grammar.get(key) or () if isinstance(w, str))

    from relasi.lang.morphology import english_verb_forms

    light = words("light_verbs")
    if lang == "en":
        light = frozenset(f.text.split()[0] for w in light for f in english_verb_forms(w))
    return Phrasing(particles=words("particles", "prepositions", "adverbs", "negators"),
                    light_verbs=light, determiners=words("determiners"))
