"""Line-level cleaner for pages already flattened to text.

A flattened page is an article's paragraphs wrapped in the page's chrome: menus, section labels,
the headline and its date line, captions, ads, "Baca juga" links, lists of other headlines with
their timestamps, share prompts and footers. `clean` separates them in four passes:

1. classify each line on its own: pack cues (labels, prefixes, captions, weighted patterns from
   `data/<lang>/boilerplate.yaml`), the date-line and byline parsers of `meta.py`, menu bars and
   breadcrumbs ("Home | World | Asia", "Home > World"), and a prose score from the line's shape
   (length, closing punctuation, Capitalised-Headline shape);
2. mark what only context reveals: menus (runs of very short lines, a "Terkini" among them
   included), repeated lines, lists of headline + timestamp pairs, the lines under a
   "Populer"/"Terkait" heading, the footer (after a copyright line or a sign-off);
3. find where the body starts: the first two prose lines in a row with no header line (date
   line, byline, caption, headline) between them (a subheading may stand after a paragraph of
   several sentences: a body cut into headed sections), or an earlier paragraph that opens with a
   dateline ("JAKARTA, KOMPAS.com - "); lone prose lines above it are decks and summaries, and
   so is a caption right above the paragraph that opens with the dateline;
4. pick the title (headline-shaped, right above the date line or byline, never the site's own
   name), the date line and bylines among the header lines, and keep the prose lines from the
   body start on as paragraphs, with numbered subheadings between them.

Lines are rejoined first where a page broke a paragraph: the next line goes on in lower case, or
the line stopped on a comma or a word no sentence ends on (`lines.open_words`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from relasi.extract import meta
from relasi.extract.meta import Byline, Dateline, FoundDate

# line kinds
BLANK, LABEL, BLOCK, END, CUE, CAPTION, DATE, BYLINE, DATELINE, TEXT = (
    "blank", "label", "block", "end", "cue", "caption", "date", "byline", "dateline", "text",
)
_TRANSPARENT = frozenset({LABEL, BLOCK, END, CUE})   # chrome that does not interrupt a run of prose
LONG_LINE = 40                       # words; a line this long is judged by its shape alone


@dataclass(frozen=True, slots=True)
class Page:
    """What the cleaner found: the body's paragraphs and the metadata the page prints."""

    paragraphs: tuple[str, ...]      # each stripped, single spaces, no line breaks
    title: str | None = None
    published: FoundDate | None = None
    authors: tuple[str, ...] = ()
    dateline: Dateline | None = None
    outlet: str | None = None
    url: str | None = None           # a canonical URL the page declares (HTML only)
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------------
# Cues


@dataclass(frozen=True, slots=True)
class _Shape:
    terminal: float = 2.0
    no_terminal: float = -1.0
    few_words: float = -2.0
    many_words: float = 1.0
    long: float = 1.0
    headline: float = -3.0
    all_caps: float = -3.0
    inner_stop: float = 1.0
    lower_case: float = 1.0


@dataclass(frozen=True, slots=True)
class LineCues:
    """The packs' line cues, compiled. Matched against the lower-cased line unless noted."""

    labels: frozenset[str]
    block_starts: frozenset[str]
    end_rx: re.Pattern[str]
    prefix_rx: re.Pattern[str]
    # both in one: group "end" holds an end marker's match, else a prefix matched
    end_or_prefix_rx: re.Pattern[str]
    captions: tuple[_Cue, ...]
    credits: tuple[_Cue, ...]                 # case-sensitive, on the line as printed
    patterns: tuple[_Cue, ...]
    inline_start: tuple[_Cue, ...]             # case-sensitive, cut from the line as printed
    inline_end: tuple[_Cue, ...]               # on the end of the lower-cased line
    open_words: frozenset[str]                 # words that never end a sentence or a headline
    shape: _Shape
    # captions and patterns by the text each requires, found in a line by one Aho-Corasick pass
    # (testing each cue's text in turn costs about twice as much)
    gate: Any = None
    unguarded: tuple[tuple[bool, _Cue], ...] = ()   # (is a caption, cue) requiring no text


_REGEX_SYNTAX = frozenset("\\.^$*+?{}[]|()")


@dataclass(frozen=True, slots=True)
class _Cue:
    """A regex and a text every match contains: a substring test rules most lines out cheaply."""

    rx: re.Pattern[str]
    literal: str
    weight: float = 0.0


def _any_cue(cues: tuple[_Cue, ...], text: str) -> bool:
    return any(c.literal in text and c.rx.search(text) for c in cues)


def _cue(pattern: str, weight: float = 0.0) -> _Cue:
    return _Cue(re.compile(pattern), _required_literal(pattern), weight)


def _required_literal(pattern: str) -> str:
    """The longest plain text that every match of `pattern` contains ("" when unsure): literal
    runs outside groups, classes and escapes, less a character that a quantifier makes optional."""
    runs: list[str] = []
    run, depth, i = "", 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            runs.append(run)
            run, i = "", i + 2
            continue
        if c == "[":
            end = pattern.find("]", i + 2)
            if end < 0:
                return ""
            runs.append(run)
            run, i = "", end + 1
            continue
        if c == "{":
            end = pattern.find("}", i)
            runs.append(run[:-1])
            run, i = "", (end + 1 if end >= 0 else len(pattern))
            continue
        if c == "|" and depth == 0:
            return ""                # a top-level alternation: no text common to all branches
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c in "?*":
            run = run[:-1]           # the quantified character is optional
        if depth or c in _REGEX_SYNTAX:
            runs.append(run)
            run = ""
        else:
            run += c
        i += 1
    runs.append(run)
    return max(runs, key=len)


def _any_of(regexes: list[str]) -> re.Pattern[str]:
    # no IGNORECASE: the line is lower-cased once, and case-sensitive matching runs far faster
    return re.compile("|".join(f"(?:{r})" for r in regexes) or "(?!)")


@lru_cache(maxsize=1)
def line_cues() -> LineCues:
    """The packs' line cues, compiled once."""
    packs = meta.boilerplate_packs()
    lines = packs.get("lines", {})
    shape_data = {k: float(v) for k, v in packs.get("shape", {}).items() if k in _Shape.__slots__}
    patterns = [(str(p["re"]), float(p["weight"])) for p in lines.get("patterns", [])]
    inline = [str(r) for r in lines.get("inline", [])]
    unanchored = [r for r in inline if not (r.startswith("^") or r.endswith("$"))]
    if unanchored:
        raise ValueError(f"boilerplate inline regexes must be anchored with ^ or $: {unanchored}")
    captions = tuple(_cue(str(r)) for r in lines.get("captions", []))
    weighted = tuple(_cue(p, w) for p, w in patterns)
    gate, unguarded = _gate([(True, c) for c in captions] + [(False, c) for c in weighted])
    return LineCues(
        labels=frozenset(_key(str(w)) for w in lines.get("labels", [])),
        block_starts=frozenset(_key(str(w)) for w in lines.get("block_starts", [])),
        end_rx=_any_of(lines.get("end_markers", [])),
        prefix_rx=_any_of(lines.get("prefixes", [])),
        end_or_prefix_rx=re.compile(f"(?P<end>{_any_of(lines.get('end_markers', [])).pattern})"
                                    f"|(?:{_any_of(lines.get('prefixes', [])).pattern})"),
        # one regex each, gated by its literal text; an alternation of them all would be slower
        captions=captions,
        credits=tuple(_cue(str(r)) for r in lines.get("credits", [])),
        patterns=weighted,
        inline_start=tuple(_cue(r) for r in inline if r.startswith("^")),
        inline_end=tuple(_cue(r) for r in inline if not r.startswith("^")),
        open_words=frozenset(str(w).lower() for w in lines.get("open_words", [])),
        shape=_Shape(**shape_data),
        gate=gate,
        unguarded=unguarded,
    )


def _gate(cues: list[tuple[bool, _Cue]]) -> tuple[Any, tuple[tuple[bool, _Cue], ...]]:
    """An automaton from each required text to its (is a caption, cue) entries, and the cues that
    require no text (tried on every line)."""
    import ahocorasick

    by_literal: dict[str, list[tuple[bool, _Cue]]] = {}
    for entry in cues:
        if entry[1].literal:
            by_literal.setdefault(entry[1].literal, []).append(entry)
    automaton = ahocorasick.Automaton()
    for literal, entries in by_literal.items():
        automaton.add_word(literal, tuple(entries))
    if by_literal:
        automaton.make_automaton()
    return (automaton if by_literal else None), tuple(e for e in cues if not e[1].literal)


def _cue_hits(lower: str, cues: LineCues) -> tuple[bool, float]:
    """Whether a caption cue matches the lower-cased line, and the summed weight of its patterns."""
    caption, weight = False, 0.0
    found = [entries for _, entries in cues.gate.iter(lower)] if cues.gate is not None else []
    if cues.unguarded:
        found.append(cues.unguarded)
    elif not found:
        return caption, weight
    tried: set[int] = set()
    for entries in found:
        for is_caption, cue in entries:
            if id(cue) in tried:
                continue
            tried.add(id(cue))
            if (not is_caption or not caption) and cue.rx.search(lower):
                if is_caption:
                    caption = True
                else:
                    weight += cue.weight
    return caption, weight


_KEY_STRIP = " \t:;»›>|•·*#-–—.…"


def _key(text: str) -> str:
    """A line's identity for label lookups and repeat counting."""
    return " ".join(text.lower().strip(_KEY_STRIP).split())


# ---------------------------------------------------------------------------------------------------
# Pass 1: lines on their own


@dataclass(slots=True)
class _Line:
    # what `_classify` reads from the line alone, in the order `_classified` copies it
    text: str
    kind: str = TEXT
    key: str = ""                    # _key(text): identity for labels and repeats
    words: int = 0
    prose: bool = False
    full_stop: bool = False          # ends with a full stop: a sentence, never a headline
    dates: tuple[FoundDate, ...] = ()
    bylines: tuple[Byline, ...] = ()
    role: str | None = None          # a label-only byline line ("Penulis"): whose name is next to it
    outlet: str | None = None
    dateline: Dateline | None = None
    stamp: bool = False              # a date line and nothing else: a timestamp
    # what the passes over the page mark
    copies: int = 1
    contained: bool = False          # a truncated copy of a longer line (teasers, captions)
    dropped: str = ""                # why context removed it
    pair: bool = False               # headline or stamp of a headline + timestamp pair
    heading: bool = False            # a numbered subheading inside the body ("2. Dampak ekonomi")


_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_TAG = re.compile(r"</?[a-zA-Z][^>]{0,400}>")
_BULLET = re.compile(r"^(?:[•·▪►◦*#]+|-(?=\s))\s*")
_BULLET_CHARS = frozenset("•·▪►◦*#-")
_LEADING_DATE = re.compile(r"^\s*date:?\s+((?:19|20)\d\d-\d\d-\d\d)\b\s*", re.IGNORECASE)
# How a line ends, read with string methods: a regex costs more to call than these take to run.
_CLOSERS = "\"'”’»)]"


def _ends_terminal(text: str) -> bool:
    """Ends like a sentence: . ! ? : ; before any closing quotes or brackets, or on a closing quote."""
    if text[-1] in "\"”’»)":
        return True
    core = text.rstrip(_CLOSERS)
    return bool(core) and core[-1] in ".!?:;" and len(text) - len(core) < 8


def _ends_ellipsis(text: str) -> bool:
    """Ends on "..." or "…", perhaps inside a quote: a truncated headline or quote."""
    if text[-1] in "\"'”’":
        text = text[:-1]
    return text.endswith(("...", "…"))


def _ends_full_stop(text: str) -> bool:
    """Ends on a full stop (not an ellipsis), perhaps inside quotes or brackets: never a headline."""
    core = text.rstrip("\"'”’)]")
    return core.endswith(".") and not core.endswith("...") and len(text) - len(core) < 8


_LOWER_START = re.compile(r"^[\"“(]?[a-z]")


_STOP = re.compile(r"""[.!?][\"”’]?\s+[\"“]?[A-Z]""")
_BEFORE_STOP = frozenset("abcdefghijklmnopqrstuvwxyz0123456789)")


def _inner_stop(text: str) -> bool:
    """A sentence ends inside the line ("... di Jakarta. Ia ..."), not an abbreviation ("U.S. President").

    The regex starts at the rare stop and the letter before it is checked here: a regex starting
    with the letter would try nearly every position of the line."""
    return any(m.start() and text[m.start() - 1] in _BEFORE_STOP for m in _STOP.finditer(text))


def _normalise(text: str) -> tuple[str, FoundDate | None]:
    """NFC, Unix line ends, no invisible characters; a crawler's date field glued to the start
    ("date 2018-11-26 ...") cut off and read."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ")
    if any(c in text for c in _INVISIBLE_CHARS):     # a substring test per character is far cheaper
        text = _INVISIBLE.sub("", text)
    leading = None
    m = _LEADING_DATE.match(text)
    if m:
        found = meta.find_dates(m.group(1))
        leading = found[0] if found else None
        text = text[m.end():]
    return text, leading


def _split_lines(text: str, cues: LineCues) -> list[str]:
    """Normalised lines (single spaces, no stray tags or bullets), wrapped lines rejoined."""
    out: list[str] = []
    for raw in text.split("\n"):
        if not raw:                  # most lines of a flattened HTML page
            out.append(raw)
            continue
        if "<" in raw:
            raw = _TAG.sub(" ", raw)
        line = " ".join(raw.split())
        if not line:
            out.append(line)
            continue
        if "  " in raw or "\t" in raw:
            line = _columns(raw, line)
        if line[0] in _BULLET_CHARS:
            line = _BULLET.sub("", line)
        line = _strip_inline(line, cues)
        if line and out and _continues(out[-1], line, cues):
            out[-1] = f"{out[-1]} {line}"
            continue
        out.append(line)
    return out


_COLUMN_GAP = re.compile(r"\s{2,}|\t")


def _columns(raw: str, line: str) -> str:
    """A menu bar whose entries a flattened page set apart with runs of spaces ("Home  Nasional  Dunia")
    gets separators a menu bar is known by: "Home | Nasional | Dunia"."""
    pieces = _COLUMN_GAP.split(raw.strip())
    if len(pieces) >= 4 and all(len(p.split()) <= 3 and p[-1] not in ".,;:!?" for p in pieces):
        return " | ".join(" ".join(p.split()) for p in pieces)
    return line


def _strip_inline(line: str, cues: LineCues) -> str:
    for cue in cues.inline_start:
        if cue.literal in line and (m := cue.rx.match(line)):
            line = line[m.end():]
    if not cues.inline_end:
        return line
    tail = line[-80:]
    lower = tail.lower()
    for cue in cues.inline_end:
        if cue.literal in lower and len(lower) == len(tail) and (m := cue.rx.search(lower)):
            line = line[:len(line) - len(tail) + m.start()]
            tail = line[-80:]
            lower = tail.lower()
    return line


def _continues(previous: str, line: str, cues: LineCues) -> bool:
    """A hard-wrapped paragraph: the line stops mid-sentence and the next goes on.

    The next line goes on in lower case, or the line stops on a comma or on a word that never ends a
    sentence or a headline ("dengan", "the"), whatever the case of the next line's first word. A
    headline ends on a Capitalised word and a dateline ("jpnn.com, ANKARA -") starts a new
    paragraph, so neither is joined."""
    if len(previous) < 40 or _ends_terminal(previous):
        return False
    last = previous.rsplit(" ", 1)[-1]
    if _LOWER_START.match(line):
        joined = last[0].islower() or last.endswith(",")
    else:
        joined = (last.endswith(",") or last in cues.open_words) and line[0].isalpha() \
            and not _headline_shaped(previous)
    return joined and meta.parse_dateline(line) is None


def _headline_shaped(text: str) -> bool:
    words = [w for w in text.split() if w[0].isalpha()]
    return not words or sum(1 for w in words if w[0].isupper()) / len(words) >= 0.6


def _classify(text: str, lower: str, cues: LineCues) -> _Line:
    """What a line is on its own. `text` comes from `_split_lines`: stripped, single spaces, not
    empty; `lower` is `text.lower()`."""
    line = _Line(text)
    line.words = text.count(" ") + 1
    key = line.key = lower.strip(_KEY_STRIP)        # _key(text), the spaces being single already
    role = meta.byline_label_only(text) if line.words <= 3 else None
    if role is not None:
        line.kind, line.role = BYLINE, role
    elif key in cues.block_starts:
        line.kind = BLOCK
    elif key in cues.labels or not key:
        line.kind = LABEL
    elif (m := cues.end_or_prefix_rx.match(lower)) is not None:
        line.kind = END if m.group("end") is not None else CUE
    elif line.words >= LONG_LINE:
        # running text: header lines, captions and promos are all shorter (and this is the bulk
        # of a page, so skipping their cues keeps extraction within its time budget)
        line.full_stop = _ends_full_stop(text)
        line.prose = _reads_as_prose(text, line.words, line.full_stop, cues)
    elif not _date_line(line) and not _byline(line):
        if line.words <= 6 and (dl := meta.parse_dateline(text)) is not None and dl.end >= len(text):
            line.kind, line.dateline = DATELINE, dl
            return line
        caption, weight = _cue_hits(lower, cues)
        if caption or _any_cue(cues.credits, text):
            line.kind = CAPTION
        elif text[-1] not in ".!?,;" and _MENU_CHAR.search(text) and _is_menu_bar(text):
            line.kind = LABEL
        else:
            line.full_stop = _ends_full_stop(text)
            line.prose = _reads_as_prose(text, line.words, line.full_stop, cues, weight)
    return line


def _classified(text: str, lower: str, cues: LineCues, known: dict[str, _Line]) -> _Line:
    """`_classify(text, lower, cues)`, or a copy of what it gave for the same line before (`known`
    holds lines as classified, before any pass of a page marks them)."""
    line = known.get(text)
    if line is None:
        line = known[text] = _classify(text, lower, cues)
    return _Line(line.text, line.kind, line.key, line.words, line.prose, line.full_stop, line.dates, line.bylines,
                 line.role, line.outlet, line.dateline, line.stamp)


_MENU_CHAR = re.compile("[|•·>»›/]")
_MENU_SEPARATOR = re.compile(r"\s*[|•·]\s*")
_CRUMB_SEPARATOR = re.compile(r"\s+[>»›/]\s+")


def _is_menu_bar(text: str) -> bool:
    """A menu bar ("Home | World | Business | Video") or a breadcrumb ("Home > World > Asia",
    "Internasional / Asia Tenggara"): short names side by side, none of them a sentence."""
    for rx, least, longest in ((_MENU_SEPARATOR, 3, 4), (_CRUMB_SEPARATOR, 2, 3)):
        pieces = [p for p in rx.split(text) if p]
        if len(pieces) >= least and all(
                len(p.split()) <= longest and (p[0].isupper() or p[0].isdigit()) and p[-1] not in ".!?,;"
                for p in pieces):
            return True
    return False


_SEPARATORS = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+|^[-–—]\s+|\s+[-–—]$")
_SEPARATOR_CHARS = frozenset("|•·-–—")


def _segments(text: str) -> list[str]:
    """The pieces of a header line: "SELASA, 03 OKTOBER 2023 | 09:06 WIB | LAPORAN: RENI ERINA"."""
    if _SEPARATOR_CHARS.isdisjoint(text):
        return [text]
    return _SEPARATORS.split(text)


def _date_line(line: _Line) -> bool:
    """A short line built around a date: "SELASA, 03 OKTOBER 2023 | 09:06 WIB | LAPORAN: X"."""
    text = line.text
    if len(text) > 160:
        return False
    dates = meta.find_dates(text)
    if not dates:
        found = meta.labelled_date(text) if line.words <= 10 else None
        if found is None:
            return False
        line.kind, line.dates = DATE, (found,)
        return True
    rest, cut = [], 0
    for d in dates:
        rest.append(text[cut:d.start])
        cut = d.end
    rest.append(text[cut:])
    if sum(chunk.count(" ") for chunk in rest) > 16 and not any(
            meta.may_be_byline(seg) for chunk in rest for seg in _segments(chunk)):
        return False                 # a sentence that mentions a date: no byline can take up its words
    bylines: list[Byline] = []
    outlet = None
    leftover = 0
    for chunk in rest:
        for segment in _segments(chunk):
            segment = segment.strip(" ,;:()[]")
            if not segment:
                continue
            byline = meta.parse_byline(segment)
            if byline is None and (names := meta.names_in(segment, labelled=False)) \
                    and sum(len(n.split()) for n in names) == len(segment.split()):
                byline = Byline("writer", names)           # "Senin, 05 Mei 2025 - Angga Yudha Pratama"
            if byline is not None:
                bylines.append(byline)
            elif (found := meta.outlet_in(segment)) is not None and len(segment.split()) <= 2:
                outlet = found
            else:
                leftover += len(segment.split())
    if leftover > 6:
        return False
    line.kind, line.dates, line.bylines, line.outlet = DATE, tuple(dates), tuple(bylines), outlet
    line.stamp = leftover == 0 and not bylines and outlet is None
    return True


def _byline(line: _Line) -> bool:
    if line.words > 14:
        return False
    segments = [seg for seg in _segments(line.text) if meta.may_be_byline(seg)]
    if not segments and (line.words > 6 or _SEPARATOR_CHARS.isdisjoint(line.text)):
        return False
    bylines = [b for seg in segments if (b := meta.parse_byline(seg))]
    if not bylines and line.words <= 6 and (b := meta.name_and_outlet(line.text)) is not None:
        bylines = [b]
    if not bylines:
        return False
    line.kind, line.bylines = BYLINE, tuple(bylines)
    return True


def _reads_as_prose(text: str, n: int, full_stop: bool, cues: LineCues, cue_weight: float = 0.0) -> bool:
    """Whether a line of `n` words (ending on a full stop or not) reads like a sentence of running text
    rather than chrome: the line's shape features, weighted by the packs' `shape`, and `cue_weight`
    (what the packs' patterns say about it) add up to more than zero.

    The features that need the line's words (capitalised words, sentence ends inside the line)
    are read only when they could change the answer: most body lines are settled without them."""
    shape = cues.shape
    if _ends_ellipsis(text):
        score = 0.0                  # a truncated headline or quote: no evidence either way
    else:
        score = shape.terminal if _ends_terminal(text) else shape.no_terminal
    if n < 4:
        score += shape.few_words
    if n >= 8:
        score += shape.many_words
    if n >= 20:
        score += shape.long
    score += cue_weight
    headline = n <= 25 and not full_stop
    all_caps = text.isupper()
    low = high = score               # what the features still to read could make of the score
    if n >= 8:
        low, high = _bounds(low, high, shape.inner_stop)
        if n >= 14:
            low, high = _bounds(low, high, shape.lower_case)
    if headline:
        low, high = _bounds(low, high, shape.headline)
    if all_caps:
        low, high = _bounds(low, high, shape.all_caps)
    if low > 0 or high <= 0:
        return low > 0
    words = text.split()
    # the first letter of each word that starts with one (after an opening quote or bracket)
    initials = "".join([w[0] for w in words])
    if not _OPENER_SET.isdisjoint(initials):
        initials = "".join([w.lstrip(_OPENERS)[:1] for w in words])
    lettered = len(initials) if initials.isalpha() else len(initials) - len(_NOT_LETTER.findall(initials))
    if lettered:
        capitalised = sum(map(str.isupper, initials))
        if headline and capitalised / lettered >= 0.6:
            score += shape.headline
        if lettered >= 2 and all_caps:
            score += shape.all_caps
        if n >= 14 and capitalised / lettered <= 0.5:
            score += shape.lower_case    # long and mostly lower-case words: a sentence cut short
    if n >= 8 and (score > 0) != (score + shape.inner_stop > 0) and _inner_stop(text):
        score += shape.inner_stop    # a sentence ends inside the line: running text, even if cut off
    return score > 0


def _bounds(low: float, high: float, weight: float) -> tuple[float, float]:
    return (low + weight, high) if weight < 0 else (low, high + weight)


_OPENERS = "\"'“‘(["
_OPENER_SET = frozenset(_OPENERS)
_NOT_LETTER = re.compile(r"[\W\d_]")


# ---------------------------------------------------------------------------------------------------
# Pass 2: context


def _mark_menus(lines: list[_Line]) -> None:
    """Runs of three or more adjacent very short lines are menus and link bars; a "Terkini" or
    "Popular" among them is a menu entry, not the heading of a list."""
    run: list[int] = []
    for i, line in enumerate(lines):
        if line.kind in _SHORT_KINDS and 0 < line.words <= 3 and not line.prose:
            run.append(i)
            continue
        if len(run) >= 3:
            _menu_run(lines, run)
        if run:
            run = []
    if len(run) >= 3:
        _menu_run(lines, run)


_SHORT_KINDS = frozenset({TEXT, LABEL, BLOCK})


def _menu_run(lines: list[_Line], run: list[int]) -> None:
    if any(lines[j].kind != BLOCK for j in run):
        for j in run:
            lines[j].dropped = "menu"


_CONTAINMENT_LIMIT = 200_000          # characters; past this (not a news page) skip the quadratic check


def _mark_repeats(lines: list[_Line], content: list[int]) -> None:
    """Lines printed twice (captions, headlines, ad slots) and truncated copies of longer lines."""
    counts: dict[str, int] = {}
    adjacent: set[str] = set()       # printed twice in a row: a caption and its enlarged copy
    previous = ""
    for i in content:
        line = lines[i]
        k = line.key if line.kind in (TEXT, CAPTION) else ""
        if k:
            counts[k] = counts.get(k, 0) + 1
            if k == previous:
                adjacent.add(k)
        previous = k
    # every longer line in one string: a single substring count replaces a search per line
    longer = "\n".join(line.key for line in lines if line.kind in (TEXT, CAPTION) and line.words >= 8)
    for i in content:
        line = lines[i]
        if line.kind not in (TEXT, CAPTION):
            continue
        k = line.key
        line.copies = counts[k]
        if line.copies > 1:
            # short or adjacent repeats are page furniture; a sentence repeated further down may be
            # a deck that the body repeats, so it keeps one copy inside the body (see _mark_body)
            if not (line.prose and line.words >= 8) or k in adjacent:
                line.dropped = "repeated"
        elif line.words >= 3 and not line.full_stop and len(longer) <= _CONTAINMENT_LIMIT:
            # a headline repeated in its photo caption, a lead repeated as a teaser without its end
            line.contained = longer.count(k) > (1 if line.words >= 8 else 0)
            if line.contained and line.words >= 8:
                line.dropped = "repeated"


def _mark_lists(lines: list[_Line], content: list[int]) -> None:
    """Lists of other stories: headline + timestamp pairs, and what follows a "Populer" heading."""
    pairs: list[tuple[int, int]] = []
    for n, i in enumerate(content):
        if lines[i].kind == DATE and lines[i].stamp and n > 0:
            head = content[n - 1]
            if lines[head].kind == TEXT and not lines[head].dropped:
                pairs.append((head, i))
    for head, stamp in pairs:
        lines[head].pair = lines[stamp].pair = True
    # two pairs or more in a row are a list; a single pair may be the article's own title and date
    position = {i: n for n, i in enumerate(content)} if len(pairs) > 1 else {}
    for a, b in zip(pairs, pairs[1:], strict=False):
        between = content[position[a[1]] + 1:position[b[0]]]
        if all(lines[j].kind in _TRANSPARENT for j in between):
            for j in (*a, *b):
                lines[j].dropped = "list"
    # three dated lines in a row ("Headline Kamis, 18 April 2024 | 08:15") are a list as well;
    # an article's own header prints at most a published and an updated date
    run: list[int] = []
    for i in [*content, -1]:
        if i >= 0 and lines[i].kind in _TRANSPARENT:
            continue
        if i >= 0 and lines[i].kind == DATE:
            run.append(i)
            continue
        if len(run) >= 3:
            for j in run:
                lines[j].dropped = "list"
        run = []
    in_block = False
    for n, i in enumerate(content):
        line = lines[i]
        if line.kind == BLOCK and not line.dropped:
            in_block = True
            continue
        if not in_block:
            continue
        nxt = lines[content[n + 1]] if n + 1 < len(content) else None
        if line.kind == TEXT and line.prose and not line.pair:
            in_block = False         # running text again
        elif line.kind in (BYLINE, DATELINE) or (line.kind == DATE and not line.stamp):
            in_block = False         # the article's own header
        elif line.kind == TEXT and nxt is not None and (nxt.kind == BYLINE or (
                nxt.kind == DATE and (not nxt.stamp or _stamp_and_byline(lines, content, n + 1)))):
            in_block = False         # the article's title, right above its date line
        elif not line.dropped:
            line.dropped = "list"


def _stamp_and_byline(lines: list[_Line], content: list[int], n: int) -> bool:
    """A bare timestamp with a byline under it: an article's own header, not a listed story's."""
    return n + 1 < len(content) and lines[content[n]].kind == DATE and lines[content[n + 1]].kind == BYLINE


# ---------------------------------------------------------------------------------------------------
# Pass 3: where the body starts


def _is_prose(line: _Line) -> bool:
    return line.kind == TEXT and line.prose and not line.dropped


def _body_start(lines: list[_Line], content: list[int]) -> int | None:
    """The first of two prose lines in a row, or an earlier prose line that opens with a dateline."""
    first = start = previous = None
    subheading = False
    for i in content:
        line = lines[i]
        if line.kind in _TRANSPARENT or (line.dropped == "list" and previous is not None):
            continue                 # chrome, or a related story's headline under its label
        if _is_prose(line):
            if first is None:
                first = i
            if previous is not None:
                start = previous
                break
            previous, subheading = i, False
        elif previous is not None and not subheading and line.kind == TEXT and not line.dropped \
                and _paragraph(lines[previous]):
            subheading = True        # "paragraph, subheading, paragraph": a body with headed sections
        else:
            previous = None          # a header line, caption or headline interrupts the run
    if start is None:
        start = first                # a one-paragraph article
    if start is None:
        return None
    for i in range(start):
        if _is_prose(lines[i]) and meta.parse_dateline(lines[i].text) is not None:
            return i
    if meta.parse_dateline(lines[start].text) is None:
        # a photo's caption or a deck above the paragraph that opens with the dateline: the
        # article starts at its dateline
        nxt = next((i for i in range(start + 1, len(lines)) if lines[i].kind not in _TRANSPARENT
                    and lines[i].kind != BLANK), None)
        if nxt is not None and _is_prose(lines[nxt]) and _opens_article(lines[nxt].text):
            lines[start].dropped = "caption"
            return nxt
    return start


def _paragraph(line: _Line) -> bool:
    """A paragraph of several sentences: running text, not a one-sentence deck or summary."""
    return line.words >= 30 and len(_SENTENCE_END.findall(line.text)) >= 2


_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?:\s|$)")


def _opens_article(text: str) -> bool:
    """A dateline that leaves no doubt: set off by its dash, and it names the outlet or its place is
    in capitals ("SEOUL, KABARDUNIA.ID -", "NEW DELHI (Wire) -")."""
    found = meta.parse_dateline(text)
    if found is None:
        return False
    head = text[:found.end].rstrip()
    return head[-1:] in ("-", "–", "—") and (found.outlet is not None or head.rstrip(" -–—").isupper())


def _mark_body(lines: list[_Line], content: list[int], start: int) -> None:
    """Below the body start: the footer, stray headline + timestamp pairs, second copies."""
    footer = False
    seen: set[str] = set()
    for i in content[bisect_left(content, start):]:
        line = lines[i]
        if line.kind == END:
            footer = True
        if line.dropped:
            continue
        if footer:
            line.dropped = "footer"
        elif line.pair:
            line.dropped = "list"    # a headline + timestamp below the article is another story
        elif line.copies > 1:
            k = line.key
            if k in seen:
                line.dropped = "repeated"
            seen.add(k)


_NUMBERED = re.compile(r"^(\d{1,2})[.)] +[\"“]?[A-Z]")


def _mark_headings(lines: list[_Line], content: list[int], start: int) -> None:
    """Numbered subheadings between the body's paragraphs ("1. Jadwal operasi", ..., "2. Dampak"):
    at least two of them, numbered in sequence, each between two paragraphs. A list of other
    stories is numbered too, but its items follow one another with no paragraph between them."""
    content = [i for i in content[bisect_left(content, start):] if lines[i].kind not in _TRANSPARENT]
    found: list[tuple[int, int]] = []
    for n in range(1, len(content) - 1):
        line = lines[content[n]]
        if line.kind != TEXT or line.prose or line.dropped or line.full_stop or line.words > 12:
            continue
        m = _NUMBERED.match(line.text)
        if m and _is_prose(lines[content[n - 1]]) and _is_prose(lines[content[n + 1]]):
            found.append((int(m.group(1)), content[n]))
    for (number, i), (following, j) in zip(found, found[1:], strict=False):
        if following == number + 1:
            lines[i].heading = lines[j].heading = True


# ---------------------------------------------------------------------------------------------------
# Pass 4: metadata among the header lines, and the paragraphs


def _neighbours(lines: list[_Line], content: list[int], n: int, step: int, count: int) -> list[_Line]:
    found: list[_Line] = []
    n += step
    while 0 <= n < len(content) and len(found) < count:
        line = lines[content[n]]
        if line.kind not in (LABEL, CUE, BLOCK):
            found.append(line)
        n += step
    return found


def _is_meta_line(line: _Line) -> bool:
    return (line.kind == DATE and line.dropped != "list") or line.kind == DATELINE or (
        line.kind == BYLINE and not _is_credit_label(line))


def _is_credit_label(line: _Line) -> bool:
    """"Sumber :" alone on its line, the credit under a photo whose source follows on the next line."""
    return line.kind == BYLINE and line.role == "source"


def _title_shaped(line: _Line) -> bool:
    return line.kind == TEXT and not line.full_stop and 3 <= line.words <= 30 \
        and line.dropped not in ("menu", "list", "footer")


def _choose_title(lines: list[_Line], content: list[int], start: int) -> int | None:
    """The headline: a headline-shaped line above the body, best right above the date line or
    byline; never the site's own name."""
    best, best_score, first = None, 2.0, True
    outlets: set[str] | None = None
    for n, i in enumerate(content):
        if i >= start:
            break
        line = lines[i]
        if not _title_shaped(line) or meta.parse_dateline(line.text):
            continue
        if line.words <= _OUTLET_WORDS:
            outlets = _page_outlets(lines, start) if outlets is None else outlets
            if _outlet_key(line.key) in outlets:
                continue
        score = 2.0 if first else 0.0
        first = False
        after = _neighbours(lines, content, n, 1, 2)
        before = _neighbours(lines, content, n, -1, 2)
        # the date line right below, or below a deck or caption; a second headline-shaped line in
        # between (the real headline under a tagline or section name) is the one it belongs to
        if after and (_is_meta_line(after[0]) or (
                len(after) > 1 and _is_meta_line(after[1]) and not _title_shaped(after[0]))):
            score += 3.0
        elif any(_is_meta_line(x) for x in before):
            score += 1.5
        if line.copies > 1 or line.contained:
            score += 2.0
        if after and (_is_credit_label(after[0]) or (after[0].kind == CAPTION and line.key not in after[0].key)):
            score -= 3.0             # a photo's own headline sits right above its caption
        if line.words >= 5:
            score += 1.0
        if score > best_score:
            best, best_score = i, score
    return best


def _line_like(lines: list[_Line], start: int, hint_key: str) -> int | None:
    """The header line that a title hint shortens or extends ("Judul - Situs" vs "Judul")."""
    for i in range(start):
        k = lines[i].key
        if lines[i].kind == TEXT and len(k.split()) >= 3 and (k.startswith(hint_key) or hint_key.startswith(k)):
            return i
    return None


_LABEL_RANK = {"published": 0, None: 1, "updated": 2}


def _choose_date(lines: list[_Line], start: int, title: int | None,
                 leading: FoundDate | None) -> tuple[FoundDate | None, list[str]]:
    """The date line nearest the title; timestamps of listed stories never count."""
    candidates = []
    for i, line in enumerate(lines):
        if line.kind != DATE or line.dropped == "list":
            continue
        for d in line.dates:
            if i < start or d.label == "published":
                distance = abs(i - title) if title is not None else i
                candidates.append((_LABEL_RANK.get(d.label, 1), distance, i, d))
    if not candidates:
        return leading, []
    rank, _, _, found = min(candidates, key=lambda c: c[:3])
    if leading is not None and rank > 0 and leading.day_iso != found.day_iso:
        return leading, ["published: page date line and leading date field disagree"]
    warnings = ["published: only an 'updated' date is printed"] if found.label == "updated" else []
    return found, warnings


_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d\s*[-–]?\s*)*(?P<name>[^.,|©]{2,60})",
                        re.IGNORECASE)
_OUTLET_KEY_STRIP = re.compile(r"^the\s+|\.(?:com|co\.id|id|net|org|tv|co\.uk|news)$|[^\w]+")


def _outlet_key(name: str) -> str:
    """A site name's identity: "The Harbour Ledger", "harbour ledger", "HarbourLedger.com" agree."""
    return _OUTLET_KEY_STRIP.sub("", name.lower())


_OUTLET_WORDS = 6                     # a site's name is never longer


def _page_outlets(lines: list[_Line], start: int) -> set[str]:
    """The site's names the page prints: in its datelines, date lines and copyright line."""
    names: set[str] = set()
    for i, line in enumerate(lines):
        if line.kind == DATELINE and line.dateline is not None:
            names.add(line.dateline.outlet or "")
        elif line.kind == DATE and line.outlet:
            names.add(line.outlet)
        elif line.kind == END and (m := _COPYRIGHT.match(line.text)):
            names.add(m.group("name"))
        elif i >= start and _is_prose(line) and line.text[:1].isupper() and len(names) < 8:
            found = meta.parse_dateline(line.text) if i - start < 6 else None
            if found is not None and found.outlet:
                names.add(found.outlet)
    return {key for name in names if (key := _outlet_key(name))}


def _choose_authors(lines: list[_Line], content: list[int], paragraphs: list[str]) -> tuple[str, ...]:
    """Writers named in bylines; editors and sources are not authors (the gold files agree)."""
    writers: list[str] = []
    for n, i in enumerate(content):
        line = lines[i]
        if line.dropped == "list" or line.kind not in (DATE, BYLINE):
            continue
        if line.role == "writer":    # "Penulis" alone: the name is the line before or after it
            for side in (-1, 1):
                near = _neighbours(lines, content, n, side, 1)
                if near and near[0].kind == TEXT and meta.is_name(near[0].text, min_words=2):
                    writers.append(meta.title_case_name(near[0].text))
                    near[0].dropped = near[0].dropped or "byline"
                    break
        for byline in line.bylines:
            if byline.role == "writer":
                writers.extend(byline.names)
    if not writers and paragraphs:
        name = meta.trailing_byline(paragraphs[-1])
        if name:
            writers.append(name)
    return tuple(dict.fromkeys(writers))


def _choose_dateline(lines: list[_Line], start: int, paragraphs: list[str]) -> Dateline | None:
    if paragraphs and (found := meta.parse_dateline(paragraphs[0])) is not None:
        return found
    for i in range(start - 1, -1, -1):
        if lines[i].kind == DATELINE:
            return lines[i].dateline
    return None


def clean(text: str, title_hint: str | None = None, classified: dict[str, _Line] | None = None) -> Page:
    """Separate a flattened page's article text from its chrome and read its printed metadata.

    `title_hint` (a title known from elsewhere: a JSONL field, the HTML's <title>) replaces the
    title search and removes that line from the body. `classified` (one dict for the texts of one
    page: an HTML page's main text and the whole page flattened) keeps each line's classification,
    so that a line printed in both is classified once.
    """
    text, leading = _normalise(text)
    cues = line_cues()
    raws = _split_lines(text, cues)
    # each line's lower case in one call: "\n" ends the context of any case rule (final sigma)
    lowers = "\n".join(raws).lower().split("\n")
    blank = _Line("", kind=BLANK)    # every blank line of the page: no pass writes to a blank line
    if classified is None:
        lines = [_classify(raw, lower, cues) if raw else blank for raw, lower in zip(raws, lowers, strict=True)]
    else:
        lines = [_classified(raw, lower, cues, classified) if raw else blank
                 for raw, lower in zip(raws, lowers, strict=True)]
    content = [i for i, line in enumerate(lines) if line is not blank]
    hint_key = _key(title_hint) if title_hint else None
    if hint_key:
        for line in lines:
            if line.kind in (TEXT, CAPTION) and line.key == hint_key:
                line.kind, line.prose = TEXT, False
                line.dropped = "title"
    _mark_menus(lines)
    _mark_repeats(lines, content)
    _mark_lists(lines, content)
    start = _body_start(lines, content)
    if start is None:
        return Page((), title=meta.normalise_title(title_hint) if title_hint else None)
    _mark_body(lines, content, start)

    if title_hint:
        title = meta.normalise_title(title_hint)
        title_index = next((i for i, line in enumerate(lines) if line.dropped == "title"), None)
        if title_index is None:
            # the hint cut short ("Judul: Bagian" -> "Judul") or carrying the site's name: the
            # page's own line is the headline
            title_index = _line_like(lines, start, hint_key or "")
            if title_index is not None:
                title = meta.normalise_title(lines[title_index].text)
                lines[title_index].dropped = "title"
    else:
        title_index = _choose_title(lines, content, start)
        title = meta.normalise_title(lines[title_index].text) if title_index is not None else None
        if title_index is not None:
            lines[title_index].dropped = "title"
    published, warnings = _choose_date(lines, start, title_index, leading)
    _mark_headings(lines, content, start)
    paragraphs = [line.text for line in lines[start:] if _is_prose(line) or line.heading]
    authors = _choose_authors(lines, content, paragraphs)
    dateline = _choose_dateline(lines, start, paragraphs)
    outlet = dateline.outlet if dateline and dateline.outlet else next(
        (line.outlet for line in lines[:start] if line.kind == DATE and line.outlet), None)
    return Page(tuple(paragraphs), title, published, authors, dateline, outlet, warnings=tuple(warnings))
