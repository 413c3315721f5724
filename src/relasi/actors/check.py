"""`relasi dict check`: what a linguist can get wrong in a language pack's dictionaries, with file:line.

Checks, in the order they are reported:
1. missing files, malformed rows, bad dates and unknown flags (the loader's own problems);
2. unknown kinds and sectors, codes that are neither ISO 3166 alpha-3 (current, or former
   states from ISO 3166-3 such as SUN) nor one of the pack's IGO codes (every code used by an IGO row), IGO
   codes that are also a state's, and rows whose valid_from is after valid_to;
3. duplicate rows;
4. one name for two actor codes with no rule to choose (neither row `ambiguous` or `metonym`, dates overlap),
   and one title phrase defined twice (the resolver only reads the first);
5. overlapping terms: two different people holding the same singular role for the same code at the same time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from itertools import combinations
from pathlib import Path

from relasi.actors.dictionary import DictProblem, Entry, load_actor_rows, load_people_rows, load_role_rows
from relasi.actors.gazetteer import fold
from relasi.model import ACTOR_KINDS, SECTORS
from relasi.packs import DATA_DIR, UnknownLanguage

# Kosovo has no ISO 3166-1 code yet; XKX is the user-assigned code the EU, IMF and World Bank use.
EXTRA_STATE_CODES = frozenset({"XKX"})
ACTOR_ROW_KINDS = frozenset(ACTOR_KINDS) | {"NONE"}          # NONE: a blocker such as "Amerika Latin"
CHOICE_FLAGS = frozenset({"ambiguous", "metonym"})          # flags that tell the resolver how to choose
# Roles a code holds many of at once; a row or a title in roles.tsv can also say so with the `plural` flag.
# "minister" alone is plural but "foreign minister" is not, so whole roles and heads are listed apart.
PLURAL_ROLES = frozenset({"minister", "member of parliament", "governor", "general", "commander"})
PLURAL_HEADS = frozenset({
    "ambassador", "envoy", "spokesperson", "spokesman", "spokeswoman", "official", "officials", "diplomat",
    "lawmaker", "legislator", "senator", "adviser", "advisor", "judge", "negotiator",
})
PLURAL_ROLE_PREFIXES = ("deputy ", "assistant ", "vice minister", "junior ", "state secretary")


@cache
def iso_alpha3() -> frozenset[str]:
    """Codes of states: ISO 3166-1 alpha-3, former states of ISO 3166-3 (the press still names the USSR), XKX."""
    import pycountry  # only `relasi dict check` needs it; keep `import relasi` fast

    current = {country.alpha_3 for country in pycountry.countries}
    former = {country.alpha_3 for country in pycountry.historic_countries}
    return frozenset(current | former | EXTRA_STATE_CODES)


def check_pack(lang: str, data_dir: Path = DATA_DIR) -> list[DictProblem]:
    """Every problem in the dictionaries of pack `lang` (actors, common people, roles), in file order."""
    folder = data_dir / lang
    if not folder.is_dir():
        raise UnknownLanguage(f"no language pack {lang!r} under {data_dir}")
    paths = (folder / "actors.tsv", data_dir / "common" / "people.tsv", folder / "roles.tsv")
    problems = [DictProblem(f"{p.parent.name}/{p.name}", "file is missing") for p in paths if not p.exists()]
    actors = load_actor_rows(paths[0], problems)
    people = load_people_rows(paths[1], problems)
    roles = load_role_rows(paths[2], problems)
    igo_codes = frozenset(e.code for e in actors if e.kind == "IGO" and e.code)
    problems += _field_problems(actors, people, roles, igo_codes, lang)
    problems += _duplicate_rows(actors + people + roles)
    problems += _name_conflicts(actors + people)
    problems += _title_conflicts(roles)
    problems += _overlapping_terms(_rows(actors + people), _plural_roles(people, roles))
    problems += _lexicon_problems(lang, folder)
    return problems


def _lexicon_problems(lang: str, folder: Path) -> list[DictProblem]:
    """The event lexicon's problems: unreadable patterns, forms that cannot be derived, unknown CAMEO codes."""
    from relasi.events.cameo import Codebook
    from relasi.lang.lexicon import load_lexicon

    lexicon = load_lexicon(lang, folder / "lexicon")
    problems = [DictProblem(where, what) for where, what in lexicon.problems]
    codebook = Codebook.load()
    for pattern in lexicon.patterns:
        if pattern.cameo is not None and pattern.cameo not in codebook:
            problems.append(DictProblem(pattern.id, f"CAMEO code {pattern.cameo} is not in the codebook"))
    return problems


def _rows(entries: Iterable[Entry]) -> list[Entry]:
    """One entry per dictionary row (a people row yields one entry per name variant)."""
    return list({e.origin: e for e in entries}.values())


def _field_problems(actors: list[Entry], people: list[Entry], roles: list[Entry], igo_codes: frozenset[str],
                    lang: str) -> Iterator[DictProblem]:
    states = iso_alpha3()
    # International NGOs (ICRC, MSF, ...) belong to no state; their own code is declared by a country-less ORG row.
    ngo_codes = frozenset(e.code for e in actors if e.kind == "ORG" and not e.country and e.code)
    known = states | igo_codes | ngo_codes
    for entry in _rows(actors + people + roles):
        where = entry.origin
        if not entry.kind.startswith("ROLE_") and entry.kind not in ACTOR_ROW_KINDS:
            yield DictProblem(where, f"unknown kind {entry.kind!r} (one of {' '.join(sorted(ACTOR_ROW_KINDS))})")
        if entry.sector is not None and entry.sector not in SECTORS:
            yield DictProblem(where, f"unknown sector {entry.sector!r} (one of {' '.join(SECTORS)})")
        if entry.kind in ACTOR_KINDS and not entry.code:
            yield DictProblem(where, f"a {entry.kind} row needs a code")
        if entry.code and entry.kind in ACTOR_KINDS and entry.code not in known:
            yield DictProblem(where, f"unknown code {entry.code!r} (not ISO 3166 alpha-3 nor an IGO of the "
                                     f"{lang} pack)")
        elif entry.code and entry.kind == "STATE" and entry.code not in states:
            yield DictProblem(where, f"STATE code {entry.code!r} is not an ISO 3166 alpha-3 code")
        if entry.kind == "IGO" and entry.code in states:
            yield DictProblem(where, f"IGO code {entry.code!r} is also a state's ISO code; pick another")
        if entry.country and entry.country not in states and entry.country != entry.code:  # reported once
            yield DictProblem(where, f"unknown country {entry.country!r} (not ISO 3166 alpha-3)")
        if entry.valid_from and entry.valid_to and entry.valid_from > entry.valid_to:
            yield DictProblem(where, f"valid_from {entry.valid_from} is after valid_to {entry.valid_to}")


def _signature(entry: Entry) -> tuple[object, ...]:
    return (entry.kind, entry.code, entry.canonical, entry.country, entry.sector, entry.role,
            entry.valid_from, entry.valid_to, entry.flags)


def _duplicate_rows(entries: list[Entry]) -> Iterator[DictProblem]:
    names: dict[str, set[str]] = {}
    for entry in entries:
        names.setdefault(entry.origin, set()).add(entry.name)
    first_seen: dict[tuple[object, ...], str] = {}
    for entry in _rows(entries):
        key = (*_signature(entry), frozenset(names[entry.origin]))
        if key in first_seen:
            yield DictProblem(entry.origin, f"duplicate of {first_seen[key]}")
        else:
            first_seen[key] = entry.origin


def _overlap(a: Entry, b: Entry) -> bool:
    """Whether two validity ranges share more than one day; a term ending the day the next begins is a handover."""
    start = max(a.valid_from or date.min, b.valid_from or date.min)
    end = min(a.valid_to or date.max, b.valid_to or date.max)
    return start < end


def _same_surface(a: Entry, b: Entry) -> bool:
    # Two case-sensitive spellings that differ ("AS" and "As") never match the same text.
    return not (a.case_sensitive and b.case_sensitive and a.name != b.name)


def _name_conflicts(entries: list[Entry]) -> Iterator[DictProblem]:
    by_name: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.kind in ACTOR_KINDS and entry.code:
            by_name.setdefault(fold(entry.name.strip()), []).append(entry)
    for group in by_name.values():
        reported: set[str] = set()
        for first, second in combinations(group, 2):
            if (first.code == second.code or second.origin in reported or (first.flags | second.flags) & CHOICE_FLAGS
                    or not _overlap(first, second) or not _same_surface(first, second)):
                continue
            reported.add(second.origin)
            yield DictProblem(second.origin, f"{second.name!r} is {second.code} here but {first.code} at "
                                             f"{first.origin}; flag one `ambiguous` or `metonym`, or give them "
                                             "disjoint dates")


def _title_conflicts(roles: list[Entry]) -> Iterator[DictProblem]:
    first_seen: dict[str, Entry] = {}
    for entry in roles:
        key = fold(entry.name.strip())
        first = first_seen.setdefault(key, entry)
        if first is not entry and (first.kind, first.sector, first.role) != (entry.kind, entry.sector, entry.role):
            yield DictProblem(entry.origin, f"title {entry.name!r} is already defined at {first.origin}; the "
                                            "resolver only uses the first")


def _plural_roles(people: list[Entry], roles: list[Entry]) -> frozenset[str]:
    return frozenset(e.role for e in people + roles if e.role and "plural" in e.flags)


def is_plural_role(role: str, flagged: frozenset[str] = frozenset()) -> bool:
    """A role that many people hold at once for one code ("deputy foreign minister", "spokesperson")."""
    lowered = role.lower()
    return (role in flagged or lowered in PLURAL_ROLES or lowered.rsplit(" ", 1)[-1] in PLURAL_HEADS
            or lowered.startswith(PLURAL_ROLE_PREFIXES))


def _overlapping_terms(rows: list[Entry], plural: frozenset[str]) -> Iterator[DictProblem]:
    by_office: dict[tuple[str, str], list[Entry]] = {}
    for row in rows:
        if row.kind == "PERSON" and row.code and row.role and not is_plural_role(row.role, plural):
            by_office.setdefault((row.code, row.role), []).append(row)
    for (code, role), holders in by_office.items():
        reported: set[str] = set()
        for first, second in combinations(holders, 2):
            # One person's companion rows (short forms of the same term) are not two holders at once.
            if second.origin in reported or first.canonical == second.canonical or not _overlap(first, second):
                continue
            reported.add(second.origin)
            yield DictProblem(second.origin, f"{second.canonical} is {code} {role} from {_term(second)}, "
                                             f"overlapping {first.canonical} ({_term(first)}, {first.origin}); "
                                             "fix the dates or flag the role `plural`")


def _term(entry: Entry) -> str:
    return f"{entry.valid_from or '…'} to {entry.valid_to or '…'}"
