"""One Aho-Corasick automaton over every surface form of a language pack; word-boundary aware, longest match wins.

Text is folded to lower case character by character so offsets in the folded text equal offsets in the body.
Case rules stay with the entries: `cs` entries must match exactly, and names written with a capital must start
with one in the text, so "china" in running text or "as" (the word) never become a state.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from relasi.actors.dictionary import Entry

# Indonesian glues possessive/definite clitics onto a title: "Perdana Menterinya", "Presidennya".
CLITICS = ("nya",)


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    entries: tuple[Entry, ...]

    @property
    def kind(self) -> str:
        return self.entries[0].kind


def fold(text: str) -> str:
    """Lower-case `text` without changing its length (a few characters lower to two code points)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class Gazetteer:
    def __init__(self, entries: Iterable[Entry]) -> None:
        grouped: dict[str, list[Entry]] = {}
        for entry in entries:
            key = fold(entry.name.strip())
            if key:
                grouped.setdefault(key, []).append(entry)
        self.size = len(grouped)
        self._automaton = ahocorasick.Automaton()
        for key, group in grouped.items():
            self._automaton.add_word(key, (len(key), tuple(group), _case_modes(group)))
        if grouped:
            self._automaton.make_automaton()

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Non-overlapping hits in text[start:end], longest first at each position."""
        if not self.size:
            return []
        end = len(text) if end is None else end
        folded = fold(text[start:end])
        candidates: list[Hit] = []
        # Most raw matches are short names inside longer words ("ri", "as"); the boundary tests are inlined
        # (rather than calls to _is_word_char) because they run for every one of them.
        for last, (length, group, modes) in self._automaton.iter(folded):
            hit_start, hit_end = start + last - length + 1, start + last + 1
            if hit_start > 0:
                before, first = text[hit_start - 1], text[hit_start]
                if (before.isalnum() or before == "_") and (first.isalnum() or first == "_"):
                    continue
            if hit_end < end:
                after, final = text[hit_end], text[hit_end - 1]
                if (after.isalnum() or after == "_") and (final.isalnum() or final == "_"):
                    hit_end = _extend_boundary(text, hit_end, end, group)
                    if hit_end is None:
                        continue
            if modes is not None:
                matching = _case_matches(group, modes, text, hit_start)
                if not matching:
                    continue
            else:
                matching = group
            candidates.append(Hit(hit_start, hit_end, matching))
        candidates.sort(key=lambda h: (h.start, -(h.end - h.start)))
        chosen: list[Hit] = []
        taken_until = -1
        for hit in candidates:
            if hit.start >= taken_until:
                chosen.append(hit)
                taken_until = hit.end
        return chosen


def _extend_boundary(text: str, hit_end: int, limit: int, group: tuple[Entry, ...]) -> int | None:
    """End offset of the hit once the word boundary is checked; titles may carry a clitic ("Menterinya")."""
    if hit_end >= limit or not _is_word_char(text[hit_end]) or not _is_word_char(text[hit_end - 1]):
        return hit_end
    if any(e.kind.startswith("ROLE_") for e in group):
        for clitic in CLITICS:
            stop = hit_end + len(clitic)
            if text[hit_end:stop].lower() == clitic and (stop >= limit or not _is_word_char(text[stop])):
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
