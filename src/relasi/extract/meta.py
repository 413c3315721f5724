"""Metadata parsers for short strings: dates with time zones, bylines, datelines and outlets.

Each function reads one line or one paragraph; `text.py` decides which lines to hand over (the
date line under the headline, not the timestamps of a "Populer" list). The words these parsers
need (month and day names, zone abbreviations, byline labels) come from the language packs'
`boilerplate.yaml` files under `meta:`.

Dates are read by a small grammar built from those words rather than by dateparser: dateparser
costs 1.5-3 ms a call, more than the whole per-article budget, while the grammar covers the forms
news pages print ("SELASA, 03 OKTOBER 2023 | 09:06 WIB", "12/05/2023, 14:30 WIB", "October 3,
2023", "3 Oct 2023 09:06 GMT+7", ISO 8601). `parse_loose` hands a span the grammar cannot read to
dateparser, lazily imported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

PACK_LANGUAGES: tuple[str, ...] = ("id", "en")   # every pack is loaded: a page's language is unknown here
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)    # the C loader is ten times faster


# ---------------------------------------------------------------------------------------------------
# Pack data


@lru_cache(maxsize=1)
def boilerplate_packs() -> dict[str, Any]:
    """The languages' boilerplate.yaml files merged: lists concatenated, mappings updated."""
    merged: dict[str, Any] = {}
    for lang in PACK_LANGUAGES:
        path = resources.files("relasi") / "data" / lang / "boilerplate.yaml"
        if not path.is_file():
            continue
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
        _merge(merged, data)
    return merged


def _merge(into: dict[str, Any], data: dict[str, Any]) -> None:
    for key, value in data.items():
        if isinstance(value, dict):
            _merge(into.setdefault(key, {}), value)
        elif isinstance(value, list):
            seen = into.setdefault(key, [])
            seen.extend(v for v in value if v not in seen)
        else:
            into[key] = value


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    months: dict[str, int]
    zones: dict[str, str]
    date_labels: dict[str, str]
    author_labels: dict[str, str]
    not_names: frozenset[str]
    outlet_words: frozenset[str]
    byline_words: frozenset[str]     # a byline has one of these words: labels, roles
    date_label_starts: frozenset[str]
    outlet_rx: re.Pattern[str]
    roles: frozenset[str]
    date_rx: re.Pattern[str]
    date_label_rx: re.Pattern[str]
    date_label_start_rx: re.Pattern[str]
    byline_rx: re.Pattern[str]
    bare_byline_rx: re.Pattern[str]
    role_rx: re.Pattern[str]
    label_only_rx: re.Pattern[str]
    joiner_rx: re.Pattern[str]
    place_rx: re.Pattern[str]
    role_phrase_rx: re.Pattern[str]
    day_month_rx: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    # longest first, so "Oktober" wins over "Okt" and "WITA" over "WIT"
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    meta = boilerplate_packs().get("meta", {})
    months = {str(k).lower(): int(v) for k, v in meta.get("months", {}).items()}
    zones = {str(k).upper(): str(v) for k, v in meta.get("zones", {}).items()}
    outlets = [str(o) for o in meta.get("outlet_names", [])]
    places = [str(p) for p in meta.get("byline_places", [])]
    days = [str(d) for d in meta.get("days", [])]
    date_labels = {str(k).lower(): str(v) for k, v in meta.get("date_labels", {}).items()}
    author_labels = {str(k).lower(): str(v) for k, v in meta.get("author_labels", {}).items()}
    bare = [str(b) for b in meta.get("bare_labels", [])]
    roles = [str(r) for r in meta.get("author_roles", [])]
    joiners = [str(j) for j in meta.get("name_joiners", [])]

    # the grammar is written in lower case and matched against lower-cased text (faster than IGNORECASE)
    mon, day = _alternation(list(months)), _alternation([d.lower() for d in days])
    zone = _alternation([z.lower() for z in zones])
    weekday = rf"(?:(?:{day})\.?,?\s+)?" if days else ""
    dmy = rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{mon})\.?,?\s+(?P<y1>(?:19|20)\d\d)"
    mdy = rf"(?P<m2>{mon})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)"
    num = r"(?P<d3>\d{1,2})[/.-](?P<m3>\d{1,2})[/.-](?P<y3>(?:19|20)\d\d)"
    iso = r"(?P<y4>(?:19|20)\d\d)-(?P<m4>\d\d)-(?P<d4>\d\d)"
    offset = r"[+-]\s?\d{1,2}(?::?\d\d)?"
    clock = (
        rf"(?:(?:\s*[,|•·–—-]\s*|\s+|t)(?:pukul\s+|jam\s+|at\s+)?"
        rf"(?P<h>\d{{1,2}})[:.](?P<mi>\d\d)(?::(?P<s>\d\d))?(?:\.\d+)?"
        rf"(?:\s*(?P<ampm>[ap]\.?m\.?))?"
        rf"(?:\s*(?P<zone>{zone})(?![\w]))?(?:\s*(?P<off>{offset}))?)?"
    )
    # "9:30 AM EDT, Wed April 10, 2024": some sites print the clock first
    clock_first = (rf"(?:(?P<h0>\d{{1,2}})[:.](?P<mi0>\d\d)(?:\s*(?P<ampm0>[ap]\.?m\.?))?"
                   rf"(?:\s*(?P<zone0>{zone})(?![\w]))?\s*[,|•·]?\s*(?={day}|{mon}|\d))?")
    date_rx = re.compile(rf"(?<![\w/.:-]){clock_first}{weekday}(?:{dmy}|{mdy}|{num}|{iso}){clock}")

    labels = _alternation(list(author_labels))
    return _Vocabulary(
        months=months,
        zones=zones,
        date_labels=date_labels,
        author_labels=author_labels,
        not_names=frozenset(str(n).lower() for n in meta.get("not_names", [])),
        outlet_words=frozenset(str(w).lower() for w in meta.get("outlet_words", [])),
        byline_words=frozenset(w for phrase in [*author_labels, *bare, *roles] for w in phrase.lower().split()),
        date_label_starts=frozenset(label.split()[0] for label in date_labels),
        outlet_rx=re.compile("|".join(f"(?:{o})" for o in outlets) or "(?!)"),
        roles=frozenset(w for r in roles for w in r.lower().split()),
        date_rx=date_rx,
        date_label_rx=re.compile(rf"\b({_alternation(list(date_labels))})\b\s*(?:on|pada)?\s*[:：]?\s*$"),
        date_label_start_rx=re.compile(
            rf"^\s*(?P<label>{_alternation(list(date_labels))})\b\s*(?:on|pada)?\s*[:：]?\s*(?P<rest>\S.*)$",
            re.IGNORECASE),
        byline_rx=re.compile(rf"^\s*(?P<label>{labels})\s*(?:[:：|]|\s-)\s*(?P<rest>.*)$", re.IGNORECASE),
        bare_byline_rx=re.compile(rf"^\s*(?P<label>{_alternation(bare)})\s+(?P<rest>\S.*)$", re.IGNORECASE)
        if bare else re.compile(r"(?!)"),
        role_rx=re.compile(rf",?\s+(?:{_alternation([r.lower() for r in roles])})\.?\s*[-–—:|]?\s*$")
        if roles else re.compile(r"(?!)"),
        label_only_rx=re.compile(rf"^\s*(?P<label>{labels})\s*[:：]?\s*$", re.IGNORECASE),
        # "Jane Doe in New Delhi": where a writer filed from is part of a byline, not a name
        place_rx=re.compile(rf"\b(?:{_alternation(places)})\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}}")
        if places else re.compile(r"(?!)"),
        role_phrase_rx=re.compile(rf"(?:\b[^\W\d_]+\s+)?\b(?:{_alternation([r.lower() for r in roles])})s?\b",
                                  re.IGNORECASE) if roles else re.compile(r"(?!)"),
        day_month_rx=re.compile(rf"^(?:(?:{mon})\.? \d{{1,2}}|\d{{1,2}} (?:{mon})\.?)$", re.IGNORECASE),
        joiner_rx=re.compile(
            rf"\s*(?:,|;|/|\s(?:{_alternation(joiners)})\s)\s*" if joiners else r"\s*[,;/]\s*",
            re.IGNORECASE,
        ),
    )


# ---------------------------------------------------------------------------------------------------
# Dates


_YEAR = re.compile(r"(?:19|20)\d\d")
_CLOCK = re.compile(r"(?<![\d.:])\d{1,2}:\d\d(?![\d.])")
_GMT_OFFSET = re.compile(r"([+-])\s?(\d{1,2})(?::?(\d\d))?")


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date read from text; `start`/`end` locate it in the string it was found in."""

    start: int
    end: int
    year: int
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    second: int = 0
    offset: str | None = None        # "+07:00" when the page names a zone
    label: str | None = None         # "published", "updated" or None

    @property
    def day_iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def iso(self) -> str:
        """ISO 8601: with time and offset only when both are known (a bare clock time is ambiguous)."""
        if self.hour is None or self.offset is None:
            return self.day_iso
        return f"{self.day_iso}T{self.hour:02d}:{self.minute or 0:02d}:{self.second:02d}{self.offset}"


def find_dates(text: str) -> list[FoundDate]:
    """Every calendar date (with its clock time and zone when they follow it) in `text`."""
    # cheap gates: every form the grammar reads has a 4-digit year of this century or the last
    if ("20" not in text and "19" not in text) or not _YEAR.search(text):
        return []
    vocab = _vocabulary()
    lower = text.lower()
    if len(lower) != len(text):      # a letter whose lower case is longer ("İ"): offsets would shift
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    found = []
    for match in vocab.date_rx.finditer(lower):
        parsed = _from_match(match, vocab)
        if parsed is not None:
            label = vocab.date_label_rx.search(lower, max(0, match.start() - 40), match.start())
            if label is not None:
                parsed = _with_label(parsed, vocab.date_labels[label.group(1)])
            found.append(parsed)
    return found


def _with_label(found: FoundDate, label: str) -> FoundDate:
    return FoundDate(found.start, found.end, found.year, found.month, found.day, found.hour,
                     found.minute, found.second, found.offset, label)


def _from_match(m: re.Match[str], vocab: _Vocabulary) -> FoundDate | None:
    g = m.groupdict()
    if g["y1"]:
        year, month, day = int(g["y1"]), vocab.months.get(g["m1"].lower()), int(g["d1"])
    elif g["y2"]:
        year, month, day = int(g["y2"]), vocab.months.get(g["m2"].lower()), int(g["d2"])
    elif g["y3"]:
        year, day, month = int(g["y3"]), int(g["d3"]), int(g["m3"])
        if month > 12 >= day:        # a US-ordered date: the second number cannot be a month
            day, month = month, day
    else:
        year, month, day = int(g["y4"]), int(g["m4"]), int(g["d4"])
    if month is None or not _valid_day(year, month, day):
        return None
    hour = minute = None
    second = 0
    offset = None
    if g["h"] is not None or g["h0"] is not None:
        first = g["h"] is None
        hour, minute = (int(g["h0"]), int(g["mi0"])) if first else (int(g["h"]), int(g["mi"]))
        second = 0 if first else int(g["s"] or 0)
        ampm = g["ampm0"] if first else g["ampm"]
        if ampm:
            hour = hour % 12 + (12 if ampm.startswith("p") else 0)
        if hour > 23 or minute > 59 or second > 59:
            hour = minute = None
            second = 0
        else:
            offset = _offset(g["zone0"] if first else g["zone"], None if first else g["off"], vocab,
                             datetime(year, month, day, hour, minute))
    return FoundDate(m.start(), m.end(), year, month, day, hour, minute, second, offset)


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _offset(zone: str | None, explicit: str | None, vocab: _Vocabulary, local: datetime) -> str | None:
    if explicit:                     # "GMT+7", "+0700", "+07:00": the number wins over the name
        m = _GMT_OFFSET.fullmatch(explicit.strip())
        if m and int(m.group(2)) <= 14:
            return f"{m.group(1)}{int(m.group(2)):02d}:{m.group(3) or '00'}"
    if not zone:
        return None
    value = vocab.zones.get(zone.upper())
    if value is None or value[0] in "+-":
        return value
    return _seasonal_offset(value, local)


def _seasonal_offset(region: str, local: datetime) -> str | None:
    """The offset of a zone whose clocks change ("ET": America/New_York) at a local time."""
    tz = _zone(region)
    if tz is None:
        return None
    minutes = int(local.replace(tzinfo=tz).utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@lru_cache(maxsize=32)
def _zone(region: str) -> tzinfo | None:
    try:
        return ZoneInfo(region)
    except (ZoneInfoNotFoundError, ValueError):   # no time zone database: the offset stays unknown
        return None


def labelled_date(line: str) -> FoundDate | None:
    """A short line that announces a date ("Published: 3rd Oct. '23") in a form the grammar
    does not read: the words after the label go to dateparser."""
    vocab = _vocabulary()
    first = line.split(None, 1)[0].lower().rstrip(":：") if line.strip() else ""
    if first not in vocab.date_label_starts:
        return None                  # the cheap test: most lines start with no date label
    m = vocab.date_label_start_rx.match(line)
    if not m or len(line.split()) > 10:
        return None
    found = parse_loose(m.group("rest"))
    return _with_label(found, vocab.date_labels[m.group("label").lower()]) if found else None


def parse_loose(text: str) -> FoundDate | None:
    """Read a date the grammar missed with dateparser (slow: call it on a short span only)."""
    found = find_dates(text)
    if found:
        return found[0]
    return _dateparser(text.strip()[:80])


@lru_cache(maxsize=256)
def _dateparser(span: str) -> FoundDate | None:
    if not span or not any(c.isdigit() for c in span):
        return None
    import dateparser  # heavy (0.2 s import): only for the rare span the grammar misses

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY",
                "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        value = dateparser.parse(span, languages=list(PACK_LANGUAGES), settings=settings)
    except (ValueError, OverflowError):
        return None
    # the year must be written out: "2 hours ago" or "kemarin" would be dated to the day of reading
    if value is None or not (str(value.year) in span or f"'{value.year % 100:02d}" in span):
        return None
    return _from_datetime(value, has_time=bool(_CLOCK.search(span)))


def _from_datetime(value: datetime, has_time: bool) -> FoundDate:
    offset = None
    if value.tzinfo is not None and value.utcoffset() is not None:
        minutes = int(value.utcoffset().total_seconds() // 60)   # type: ignore[union-attr]
        sign = "+" if minutes >= 0 else "-"
        offset = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    if not has_time:
        return FoundDate(0, 0, value.year, value.month, value.day)
    return FoundDate(0, 0, value.year, value.month, value.day, value.hour, value.minute,
                     value.second, offset)


def from_iso(text: str) -> FoundDate | None:
    """A machine-readable timestamp ("2023-10-03T09:06:00+07:00", "2023-10-03", "...Z")."""
    text = text.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(text) <= 10:
        return FoundDate(0, 0, parsed.year, parsed.month, parsed.day)
    return _from_datetime(parsed, has_time=True)


def normalise_published(value: str | None) -> str | None:
    """An ISO 8601 string for a published hint given in any common form, or None if unreadable."""
    if not value or not value.strip():
        return None
    found = from_iso(value) or parse_loose(value)
    return found.iso() if found else None


# ---------------------------------------------------------------------------------------------------
# Bylines


@dataclass(frozen=True, slots=True)
class Byline:
    role: str                        # "writer", "editor" or "source"
    names: tuple[str, ...]


_NAME_PARTICLES = frozenset(
    "bin binti van von der den de del della di da dos du la le al el ibn ben y".split()
)
_NAME_TOKEN = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]*)*\.?$")
_TAGS = re.compile(r"<[^>]*>")


_EDGE_STRIP = " -–—|:：.,;()[]"


def may_be_byline(segment: str) -> bool:
    """Whether a header segment starts with a byline's label ("Penulis:", "By", "oleh") or ends
    with a writer's role ("..., Jurnalis"): the cheap test before `parse_byline` reads it."""
    segment = segment.strip(_EDGE_STRIP).lower()
    if not segment:
        return False
    byline_words = _vocabulary().byline_words
    first = segment.split(None, 1)[0]
    last = segment.rsplit(None, 1)[-1]
    return first.split(":")[0].rstrip("：") in byline_words or last.strip(_EDGE_STRIP) in byline_words


def byline_label_only(line: str) -> str | None:
    """The role of a line that is only a byline label ("Penulis", "Editor:"), else None."""
    words = line.split(None, 1)
    if not words or words[0].lower().rstrip(":：") not in _vocabulary().byline_words:
        return None
    m = _vocabulary().label_only_rx.match(line)
    return _vocabulary().author_labels[m.group("label").lower()] if m else None


def parse_byline(segment: str) -> Byline | None:
    """A labelled byline ("LAPORAN: RENI ERINA", "Penulis : X", "By Jane Doe", "Nama, Jurnalis")."""
    vocab = _vocabulary()
    text = _TAGS.sub("", segment).strip()
    m = vocab.byline_rx.match(text) or vocab.bare_byline_rx.match(text)
    if m:
        names = _byline_names(m.group("rest"))
        return Byline(vocab.author_labels[m.group("label").lower()], names) if names else None
    # "Binti Mufarida, Jurnalis -": the role word ends the segment (searched in lower case, at the end)
    lower = text.lower()
    m = vocab.role_rx.search(lower, max(0, len(text) - 30)) if len(lower) == len(text) else None
    if m and m.start() > 0:
        names = _byline_names(text[:m.start()])
        return Byline("writer", names) if names else None
    return None


def _byline_names(rest: str) -> tuple[str, ...]:
    names = names_in(rest, labelled=True)
    # a byline is names and little else; "By Tuesday, Russia had massed troops" is a sentence
    words = len(rest.split())
    if words > sum(len(n.split()) for n in names) + 3:
        # "Jane Doe in Kyiv and John Roe, Diplomatic correspondents": places and jobs are not names
        vocab = _vocabulary()
        words = len(_WORD.findall(vocab.role_phrase_rx.sub(" ", vocab.place_rx.sub(" ", rest))))
        if words > sum(len(n.split()) for n in names) + 3:
            return ()
    return names


_WORD = re.compile(r"\w+")


_NAME_DASH_OUTLET = re.compile(r"^(?P<name>[^-–—]{3,60}?)\s+[-–—]\s+(?P<outlet>\S+(?:\s\S+)?)$")


def name_and_outlet(line: str) -> Byline | None:
    """A byline written "Andi Saputra - detikNews": a person's name, a dash, a site's name."""
    m = _NAME_DASH_OUTLET.match(line.strip())
    if m and is_name(m.group("name"), min_words=2) and not is_name(m.group("outlet"), min_words=2):
        return Byline("writer", (title_case_name(m.group("name")),))
    return None


def names_in(text: str, labelled: bool) -> tuple[str, ...]:
    """Person names in a byline's text; a name ends at the first lower-case word ("diperbarui")."""
    vocab = _vocabulary()
    names: list[str] = []
    text = text.strip()
    parts: list[tuple[str, str]] = []            # (the joiner before it, the part)
    cut, joiner = 0, ""
    for m in vocab.joiner_rx.finditer(text):
        parts.append((joiner, text[cut:m.start()]))
        cut, joiner = m.end(), m.group().strip()
    parts.append((joiner, text[cut:]))
    for n, (joiner, part) in enumerate(parts):
        name = _leading_name(part)
        if not name:
            continue
        after = part.strip(" -–—|:()").split()[len(name.split()):]
        if after and (after[0].lower() in vocab.roles or after[0].lower()[:-1] in vocab.roles):
            continue                 # "Diplomatic correspondent", "Senior reporters": a job, not a name
        if labelled and joiner == "," and n == len(parts) - 1 and len(name.split()) == 1 \
                and any(len(x.split()) > 1 for x in names):
            continue                 # "By Jane Doe, Washington": where she wrote from
        # without a label, a long run of Capitalised Words is more likely a headline than a name
        if is_name(name, min_words=1 if labelled else 2) and (labelled or len(name.split()) <= 4):
            names.append(title_case_name(name))
    return tuple(dict.fromkeys(names))


def _leading_name(part: str) -> str:
    tokens = []
    for token in part.strip(" -–—|:()").split():
        if token.lower() in _NAME_PARTICLES and tokens:
            tokens.append(token)
        elif _NAME_TOKEN.match(token) and token[0].isupper():
            tokens.append(token)
        else:
            break
    while tokens and tokens[-1].lower() in _NAME_PARTICLES:
        tokens.pop()
    return " ".join(tokens)


def is_name(text: str, min_words: int = 2) -> bool:
    """Whether `text` looks like a person's name: 1-6 capitalised words, no digits, not a desk."""
    tokens = text.split()
    vocab = _vocabulary()
    if not min_words <= len(tokens) <= 6 or text.lower() in vocab.not_names:
        return False
    if any(t.lower() in vocab.author_labels or t.lower() in vocab.outlet_words for t in tokens):
        return False                 # "Penulis", "The Harbour Times": a label or a site's name
    if len(tokens) == 1 and (text.isupper() and len(text) <= 4):
        return False                 # "FAA", "ANT": a desk's initials, not a name
    return all(_NAME_TOKEN.match(t) and (t[0].isupper() or t.lower() in _NAME_PARTICLES) for t in tokens)


def title_case_name(name: str) -> str:
    """"RENI ERINA" -> "Reni Erina"; names already in mixed case are kept as written."""
    if name.isupper() or name.islower():
        return " ".join(t.lower() if t.lower() in _NAME_PARTICLES else t.title() for t in name.split())
    return name


_TRAILING_BYLINE = re.compile(r"\(\s*([^()/\d]{3,60}?)\s*\)\s*$")


def trailing_byline(paragraph: str) -> str | None:
    """The writer named in parentheses at the end of an article: "... Asean. (Nizar Fachri Rabbani)"."""
    m = _TRAILING_BYLINE.search(paragraph)
    if m and is_name(m.group(1), min_words=2):
        return title_case_name(m.group(1))
    return None


# ---------------------------------------------------------------------------------------------------
# Datelines and outlets


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None                # in capitals: "JAKARTA", "KUALA LUMPUR"
    outlet: str | None               # "kompas.com", "Warta Ekonomi"
    end: int                         # where the article's own words start in the paragraph


_DATELINE = re.compile(r"^(?P<head>[^\n]{2,60}?)\s*(?:--?|–|—)(?:\s+|$)")
# "UNITED NATIONS, July 5 (APP): …": a wire's dateline may end in a colon after the agency's brackets
_DATELINE_COLON = re.compile(r"^(?P<head>[^\n]{2,60}?\))\s*:(?:\s+|$)")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2,6})\+?$", re.IGNORECASE)
_SEGMENT = re.compile(r"^(?:[\w.&'’+/-]+)(?:\s+[\w.&'’+/-]+){0,3}$")
_PAREN = re.compile(r"^(?P<out>[^()]+?)\s*\((?P<in>[^()]+)\)$")
_PLACE_AFTER = re.compile(r"(?P<place>[A-Z][A-Z' -]{2,30})\.\s+(?=\S)")


def parse_dateline(paragraph: str) -> Dateline | None:
    """The place and outlet that open a news paragraph: "JAKARTA, KOMPAS.com - ...",
    "Warta Ekonomi, Jenewa -", "Jakarta (ANTARA) -", "KONTAN.CO.ID - HANOI. ..."."""
    opening = paragraph[:64]
    # substring tests first: a regex call costs more than they do, and most lines have no dateline
    m = _DATELINE.match(paragraph) if "-" in opening or "–" in opening or "—" in opening else None
    if m is None and "):" in opening:
        m = _DATELINE_COLON.match(paragraph)
    segments = _dateline_segments(m.group("head")) if m else None
    if m is None or segments is None:
        return _dashless_dateline(paragraph)
    place, outlet = _place_and_outlet(segments)
    if place is None and outlet is None:
        return None
    end = m.end()
    if place is None:
        after = _PLACE_AFTER.match(paragraph, end)
        if after:
            place = after.group("place").strip()
    return Dateline(place.upper() if place else None, _outlet_name(outlet) if outlet else None, end)


def _dateline_segments(head: str) -> list[tuple[str, bool]] | None:
    """Split a dateline head into (text, is_outlet_for_sure) pieces, or None if it is not one."""
    pieces: list[tuple[str, bool]] = []
    for raw in head.split(","):
        raw = raw.strip()
        paren = _PAREN.match(raw)
        parts = [(paren.group("out").strip(), False), (paren.group("in").strip(), True)] if paren \
            else [(raw, False)]
        for text, sure in parts:
            if _vocabulary().day_month_rx.match(text):
                continue             # "MANILA, Oct 3 (Reuters) -": the wire's date, not a name
            if not text or not _SEGMENT.match(text):
                return None
            words = text.split()
            if not all(w[0].isupper() or w[0].isdigit() or _DOMAIN.match(w) for w in words):
                return None
            pieces.append((text, sure or bool(_DOMAIN.match(text)) or is_outlet_name(text)))
    if not 1 <= len(pieces) <= 2 or sum(len(t.split()) for t, _ in pieces) > 6:
        return None
    return pieces


def _place_and_outlet(pieces: list[tuple[str, bool]]) -> tuple[str | None, str | None]:
    if len(pieces) == 1:
        text, sure = pieces[0]
        if sure:
            return None, text
        # "JAKARTA -", "KUALA LUMPUR -", "Jakarta -"; a longer mixed-case head is a name or a phrase
        return (text, None) if text.isupper() or len(text.split()) <= 2 else (None, None)
    (a, a_sure), (b, b_sure) = pieces
    if a_sure != b_sure:
        return (b, a) if a_sure else (a, b)
    if a.isupper() != b.isupper():   # the place is the one in capitals: "JAKARTA, Kompas"
        return (a, b) if a.isupper() else (b, a)
    # both alike ("Warta Ekonomi, Jenewa", "Jakarta, IDN Times"): an outlet's name is the longer one
    return (b, a) if len(a.split()) > len(b.split()) else (a, b)


def is_outlet_name(text: str) -> bool:
    """A site's name rather than a place: by name ("Reuters"), by form ("PR DEPOK"), or by a site-name
    word ("Kabar Timur Pos", "Harbour Times")."""
    vocab = _vocabulary()
    lower = text.lower()
    return bool(vocab.outlet_rx.fullmatch(lower)) or any(w in vocab.outlet_words for w in lower.split())


_DASHLESS_GATE = re.compile(r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?, [A-Z]")


def _dashless_dateline(paragraph: str) -> Dateline | None:
    """"Surabaya, Kabar Timur Pos Gubernur ...": a place and a site's name with no dash after them. The
    name is known by a site-name word (`outlet_words`: "Warta", "Times", "Harian"), by its form (a
    domain) or by name (`outlet_names`), and a Capitalised word must follow it."""
    if ", " not in paragraph[:40] or not _DASHLESS_GATE.match(paragraph):
        return None
    place, _, rest = paragraph.partition(", ")
    words = rest.split(" ", 4)
    for n in range(min(3, len(words) - 1), 0, -1):
        outlet = " ".join(words[:n])
        if not all(w[:1].isupper() or _DOMAIN.match(w) for w in words[:n]) or not words[n][:1].isupper():
            continue
        first, last = words[0].lower(), words[n - 1].lower()
        # "Harbour Times", "Harian Andalas": a site-name word ends a name or heads a two-word one;
        # alone ("Media Indonesia" -> "Media") it would cut a longer name short
        outlet_words = _vocabulary().outlet_words
        if _DOMAIN.match(last) or (n > 1 and last in outlet_words) or (n == 2 and first in outlet_words) \
                or _vocabulary().outlet_rx.fullmatch(outlet.lower()):
            return Dateline(place.upper(), _outlet_name(outlet), len(place) + 2 + len(outlet) + 1)
    return None


def _outlet_name(text: str) -> str:
    return text.rstrip("+").lower() if _DOMAIN.match(text) else text


def outlet_in(text: str) -> str | None:
    """A site name written as a domain ("Kompas.com") in a short header fragment."""
    for token in re.split(r"[\s,|•·–—-]+", text):
        if _DOMAIN.match(token) and not token[0].isdigit():
            return _outlet_name(token)
    return None


# second-level labels under which a country code's domains are registered ("kontan.co.id")
_SECOND_LEVEL = frozenset("co or go ac sch net web my biz com org gov edu ne mil id".split())
_HOST_NOISE = frozenset("www m amp mobile".split())


def outlet_from_url(url: str | None) -> str | None:
    """The registered domain of a URL: "https://internasional.kontan.co.id/x" -> "kontan.co.id"."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    except ValueError:
        return None
    labels = [label for label in host.split(".") if label]
    while labels and labels[0] in _HOST_NOISE and len(labels) > 2:
        labels.pop(0)
    if len(labels) < 2:
        return None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def normalise_title(title: str) -> str:
    """A title as stored: NFC, single spaces."""
    return " ".join(unicodedata.normalize("NFC", title).split())
