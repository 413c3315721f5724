"""Trigger expressions over a whole body: each one is tried only where one of its start words occurs.

A trigger expression (`re:` in verbs.yaml) is compiled with IGNORECASE and a leading `(?<!\\w)`, which leaves
Python's regex engine no literal prefix to search for: `finditer` over a 5,000-character body costs about
0.15 ms per expression, nearly all of it spent at positions where the expression cannot start. Most expressions
begin with one of a few literal words ("(?:mengirim|memberikan) ...", "spoke(?= with| to)"). One Aho-Corasick
pass over the folded body finds where all those words occur, and each expression is matched only there. This
gives the same matches, in the same order, as `finditer` over the body:

- every match of an expression with start words begins with one of them (`start_words` returns None when it
  cannot tell, and such an expression is scanned as before);
- after a match the next one is searched from its end, as `finditer` does (no expression matches empty text);
- a body holding a character that IGNORECASE matches to an ASCII letter but that lower-casing does not give
  ("ſ" for s, dotless "ı" and "İ" for i) is scanned with `finditer` throughout.

The coder's gate (an expression whose `gate` words are all absent from the folded body is skipped) is read
from the same pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# The characters outside ASCII that IGNORECASE matches to an ASCII letter ("K" is the Kelvin sign).
IGNORECASE_EXTRAS = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}
# those of them that `fold` (lower-casing that keeps offsets) does not turn into that letter
_CASE_TRAPS = ("\u0130", "\u0131", "\u017f")
_LITERAL = frozenset("abcdefghijklmnopqrstuvwxyz' -")
_QUANTIFIERS = frozenset("?*{")


def start_words(source: str) -> tuple[str, ...] | None:
    """Lower-case words one of which every match of the expression `source` starts with; None when unsure.

    Handles a leading literal ("spoke(?= with)") and a leading non-capturing group of alternatives
    ("(?:sent|provided) ...", "(?:is|amounts? to) ..."); a character made optional by a quantifier ends the word.
    """
    if not source or re.search(r"\(\?[a-zA-Z-]", source) or _top_level_bar(source):
        return None                          # inline flags (verbose mode), or alternatives without a group
    if source.startswith("(?:"):
        end = _group_end(source, 0)
        if end is None or source[end + 1:end + 2] in _QUANTIFIERS:
            return None                      # the whole group may be absent
        options = _split_bars(source[3:end])
        words = [_leading_word(option) for option in options]
        return tuple(words) if all(words) else None  # type: ignore[arg-type]
    word = _leading_word(source)
    return (word,) if word else None


def _leading_word(source: str) -> str | None:
    """The literal text `source` must start with, less a last character a quantifier makes optional."""
    run = 0
    while run < len(source) and source[run] in _LITERAL:
        run += 1
    if run < len(source) and source[run] in _QUANTIFIERS:
        run -= 1
    return source[:run] if run > 0 else None


def _group_end(source: str, start: int) -> int | None:
    """Index of the parenthesis closing the group opened at `start`."""
    for i, char, depth in _structure(source, start):
        if char == ")" and depth == 0:
            return i
    return None


def _structure(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) for each character of `source` from `start` that is not escaped
    or inside a character class: the places where "(", ")" and "|" mean structure."""
    depth, i = 0, start
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(source, i)
            continue
        depth += (char == "(") - (char == ")")
        yield i, char, depth
        i += 1


def _class_end(source: str, start: int) -> int:
    """Index just past the character class opened at `start` ("[]x]" and "[^]x]" hold a literal "]")."""
    i = start + 1
    if source[i:i + 1] == "^":
        i += 1
    if source[i:i + 1] == "]":
        i += 1
    while i < len(source) and source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i + 1


def _split_bars(source: str) -> list[str]:
    """`source` cut at its top-level "|"."""
    parts, last = [], 0
    for i, char, depth in _structure(source):
        if char == "|" and depth == 0:
            parts.append(source[last:i])
            last = i + 1
    parts.append(source[last:])
    return parts


def _top_level_bar(source: str) -> bool:
    return len(_split_bars(source)) > 1


@dataclass(frozen=True, slots=True)
class _Expression:
    regex: re.Pattern[str]
    gate: tuple[str, ...]                    # skipped unless one of these occurs in the folded body; () = always
    starts: tuple[str, ...] | None           # every match starts with one of these; None = unknown


class TriggerScanner:
    """Finds the matches of many expressions over one body, with one automaton pass for all of them."""

    def __init__(self, expressions: list[tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...] | None]]) -> None:
        import ahocorasick

        self._expressions = [_Expression(regex, gate, starts) for regex, gate, starts in expressions]
        # each word -> the indexes of the expressions it gates ("gate") or may start ("start")
        keys: dict[str, list[tuple[str, int]]] = {}
        for index, expression in enumerate(self._expressions):
            for word in expression.gate:
                keys.setdefault(word, []).append(("gate", index))
            for word in expression.starts or ():
                keys.setdefault(word, []).append(("start", index))
        self._automaton = ahocorasick.Automaton() if keys else None
        if self._automaton is not None:
            for word, uses in keys.items():
                self._automaton.add_word(word, (len(word), tuple(uses)))
            self._automaton.make_automaton()

    def matches(self, text: str, folded: str) -> list[list[re.Match[str]]]:
        """For each expression, in order: its matches in `text` (`folded` is `fold(text)`), as `finditer` gives
        them, or none when its gate words are all absent."""
        if not self._expressions:
            return []
        opened: set[int] = set()
        positions: dict[int, set[int]] = {}
        if self._automaton is not None:
            for last, (length, uses) in self._automaton.iter(folded):
                for use, index in uses:
                    if use == "gate":
                        opened.add(index)
                    else:
                        positions.setdefault(index, set()).add(last - length + 1)
        exact = not any(trap in text for trap in _CASE_TRAPS)
        result: list[list[re.Match[str]]] = []
        for index, expression in enumerate(self._expressions):
            if expression.gate and index not in opened:
                result.append([])
            elif expression.starts is None or not exact:
                result.append(list(expression.regex.finditer(text)))
            else:
                result.append(_matches_at(expression.regex, text, sorted(positions.get(index, ()))))
        return result


def _matches_at(regex: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    resume = 0
    for start in starts:
        if start < resume:
            continue
        match = regex.match(text, start)
        if match is not None:
            found.append(match)
            resume = match.end()
    return found


def word_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `words` as a whole word, case-insensitive: `(?<!\\w)(?:w1|w2|…)(?!\\w)`, longest first, written so
    that a search skips ahead to a possible first letter.

    The plain form starts with a lookbehind, so the engine tries it at every position (about 50 ns a character,
    and it runs over every sentence). Here a case-sensitive class consumes the first character: a class that
    leads a pattern lets the engine scan for it in one tight loop. The class holds every character IGNORECASE
    matches to a word's (ASCII) first character; a lookbehind under IGNORECASE then checks the word's own first
    character, and `(?<!\\w.)` the boundary before the word. Same matches, same spans (tests/test_events_scan.py
    compares the two forms); a word that starts with a non-ASCII character, or an empty one, gets the plain form.
    """
    ordered = sorted(words, key=len, reverse=True)
    if not ordered or any(not w or not w[0].isascii() for w in ordered):
        return plain_word_regex(words)
    # words by their first character (either case), in their order
    rests: dict[str, list[str]] = {}
    for word in ordered:
        rests.setdefault(word[0].lower(), []).append(re.escape(word[1:]))
    firsts = sorted({c for key in rests for c in (key, key.upper(), *IGNORECASE_EXTRAS.get(key, ""))})
    branches = "|".join(f"(?<={re.escape(key)})(?:{'|'.join(rest)})" for key, rest in rests.items())
    return re.compile(rf"(?-i:[{''.join(map(re.escape, firsts))}])(?<!\w(?s:.))(?:{branches})(?!\w)",
                      re.IGNORECASE)


def plain_word_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    """The straightforward form of `word_regex`."""
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
