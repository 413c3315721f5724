"""One Aho-Corasick automaton over every surface form of a language pack; word-boundary aware, longest match wins.

Text is folded to lower case character by character so offsets in the folded text equal offsets in the body.
Case rules stay with the entries: `cs` entries must match exactly, and names written with a capital must start
with one in the text, so "china" in running text or "as" (the word) never become a state.
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick

from relasi.actors.dictionary import Entry

# Indonesian glues possessive/definite clitics onto a title: "Perdana Menterinya", "Presidennya".
CLITICS = ("nya",)


class Hit:
    """A run of text that names dictionary entries: offsets into the text and the entries it may stand for."""

    __slots__ = ("start", "end", "entries", "kind")

    def __init__(self, start: int, end: int, entries: tuple[Entry, ...]) -> None:
        self.start = start
        self.end = end
        self.entries = entries
        self.kind: str = entries[0].kind

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Hit) and (self.start, self.end, self.entries) == (other.start, other.end,
                                                                                 other.entries)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.entries))

    def __repr__(self) -> str:
        return f"Hit({self.start}, {self.end}, {self.entries!r})"


def fold(text: str) -> str:
    """Lower-case `text` without changing its length (a few characters lower to two code points)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _short_name(entry: Entry, key: str) -> bool:
    """A person's name of four letters or fewer written with a capital ("Oli", "Sall", "Modi"): matched as written,
    as the `cs` rows are, so that it raises no raw match inside every word that holds its letters ("politik")."""
    return entry.kind == "PERSON" and len(key) <= 4 and entry.name[:1].isupper() and entry.name[1:].islower()


class Gazetteer:
    """Two automata over the same names: one over the folded text for names that match in any case (or with a
    capital first letter), one over the text as written for names that must match exactly (the `cs` rows: "RI",
    "AS", "UN"). Short exact names are most of the automaton's raw matches inside longer words ("ri" in "negeri",
    "as" in "atas"); matched as written they rarely occur at all, and are never reported to be thrown away."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        grouped: dict[str, list[Entry]] = {}
        for entry in entries:
            key = fold(entry.name.strip())
            if key:
                grouped.setdefault(key, []).append(entry)
            if "'" in key:          # news sets the apostrophe curly: "Nuku’alofa", "Côte d’Ivoire"
                grouped.setdefault(key.replace("'", "\u2019"), []).append(entry)
        self.size = len(grouped)
        self._automaton = ahocorasick.Automaton()       # folded text
        self._exact = ahocorasick.Automaton()           # text as written
        exact: dict[str, list[Entry]] = {}
        for key, group in grouped.items():
            if all((e.case_sensitive or _short_name(e, key)) and e.name == e.name.strip() for e in group):
                # one key per spelling; the whole group decides the clitic rule, as in the folded automaton
                for entry in group:
                    exact.setdefault(entry.name, []).append(entry)
                continue
            self._automaton.add_word(key, (len(key), tuple(group), _case_modes(group), tuple(group)))
        for name, spelled in exact.items():
            group = tuple(grouped[fold(name)])
            self._exact.add_word(name, (len(name), tuple(spelled), None, group))
        self._has_folded = len(self._automaton) > 0
        self._has_exact = len(self._exact) > 0
        if self._has_folded:
            self._automaton.make_automaton()
        if self._has_exact:
            self._exact.make_automaton()

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Non-overlapping hits in text[start:end], longest first at each position."""
        if not self.size:
            return []
        end = len(text) if end is None else end
        candidates: list[tuple[int, int, int, int, tuple[Entry, ...]]] = []
        if self._has_folded:
            self._collect(self._automaton.iter(fold(text[start:end])), text, start, end, candidates)
        if self._has_exact:
            self._collect(self._exact.iter(text, start, end), text, 0, end, candidates)
        # Longest first at each position; among equals, the order the text was read in (where the match ended).
        # No two candidates agree on all three (one key per spelling, each in one automaton), so the entries are
        # never compared.
        candidates.sort()
        chosen: list[Hit] = []
        taken_until = -1
        for hit_start, _minus_length, _last, hit_end, matching in candidates:
            if hit_start >= taken_until:
                chosen.append(Hit(hit_start, hit_end, matching))
                taken_until = hit_end
        return chosen

    @staticmethod
    def _collect(matches, text: str, offset: int, end: int,
                 candidates: list[tuple[int, int, int, int, tuple[Entry, ...]]]) -> None:
        """Candidates (start, minus length, where the match ended, end, entries) from one automaton's raw matches;
        `offset` is where the string the automaton read starts in `text`."""
        append = candidates.append
        # The boundary tests are inlined (rather than calls to is_word_char) because they run for every raw match.
        for last, (length, group, modes, whole) in matches:
            hit_end = offset + last + 1
            hit_start = hit_end - length
            if hit_start > 0:
                before, first = text[hit_start - 1], text[hit_start]
                if (before.isalnum() or before == "_") and (first.isalnum() or first == "_"):
                    continue
            if hit_end < end:
                after, final = text[hit_end], text[hit_end - 1]
                if after == "$":
                    continue                    # a currency: "US$5 billion", "HK$", "S$"
                if (after.isalnum() or after == "_") and (final.isalnum() or final == "_"):
                    hit_end = _extend_boundary(text, hit_end, end, whole)
                    if hit_end is None:
                        continue
            if modes is not None:
                group = _case_matches(group, modes, text, hit_start)
                if not group:
                    continue
            append((hit_start, hit_start - hit_end, offset + last, hit_end, group))


def _extend_boundary(text: str, hit_end: int, limit: int, group: tuple[Entry, ...]) -> int | None:
    """End offset of the hit once the word boundary is checked; titles may carry a clitic ("Menterinya")."""
    if hit_end >= limit or not is_word_char(text[hit_end]) or not is_word_char(text[hit_end - 1]):
        return hit_end
    if any(e.kind.startswith("ROLE_") for e in group):
        for clitic in CLITICS:
            stop = hit_end + len(clitic)
            if text[hit_end:stop].lower() == clitic and (stop >= limit or not is_word_char(text[stop])):
                return stop
    return None


# How an entry's case is checked against the text (see _case_ok): always fine, the text's first letter must be a
# capital too, or the text must spell the name exactly.
_ANY_CASE, _CAPITAL, _EXACT = 0, 1, 2


def _case_mode(entry: Entry) -> int:
    if entry.case_sensitive:
        return _EXACT
    if entry.kind.startswith("ROLE_"):
        return _ANY_CASE
    return _CAPITAL if entry.name[:1].isupper() else _ANY_CASE


def _case_modes(group: list[Entry]) -> tuple[int, ...] | None:
    """Each entry's case mode, or None when no entry needs a check."""
    modes = tuple(_case_mode(e) for e in group)
    return None if all(m == _ANY_CASE for m in modes) else modes


def _case_matches(group: tuple[Entry, ...], modes: tuple[int, ...], text: str, start: int) -> tuple[Entry, ...]:
    """The entries of `group` whose case rule the text at `start` satisfies (_case_ok, decided per mode)."""
    capital = text[start].isupper()
    if capital and _EXACT not in modes:
        return group
    return tuple(e for e, mode in zip(group, modes, strict=True) if mode == _ANY_CASE
                 or (mode == _CAPITAL and capital) or (mode == _EXACT and text.startswith(e.name, start)))


def _case_ok(entry: Entry, surface: str) -> bool:
    if entry.case_sensitive:
        return surface == entry.name
    if entry.kind.startswith("ROLE_"):
        return True
    first = entry.name[:1]
    return not (first.isupper() and not surface[:1].isupper())
