"""Event dates from the sentence ("Senin (24/1)", "Jumat (21/1/2022)", "pada 29 September", "kemarin", "on Monday",
"last week"), resolved against the publication date; otherwise the publication date, flagged as such.

The pack's date words are compiled into regexes once per pack (`_rules`); most sentences carry no date at all, so
cheap gates (a digit, any relative phrase) rule them out before the specific expressions run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from relasi.packs import LanguagePack


@dataclass(frozen=True, slots=True)
class _Rules:
    """One pack's `dates` grammar, compiled."""

    months: dict[str, int]
    day_first: re.Pattern[str] | None          # "29 September 2023"
    month_first: re.Pattern[str] | None        # "March 3, 2021"
    relative: re.Pattern[str] | None           # any relative phrase: a gate for the two lists below
    relative_days: tuple[tuple[re.Pattern[str], object], ...]
    relative_weeks: tuple[tuple[re.Pattern[str], object], ...]
    weekdays: dict[str, int]
    weekday: re.Pattern[str] | None
    month_year: re.Pattern[str] | None = None   # "Maret 2014", "March 2014"
    named_year: re.Pattern[str] | None = None   # a year that names a document: "Perjanjian … 1951", "the 1951 treaty"
    relative_years: tuple[tuple[re.Pattern[str], object], ...] = ()   # "last year", "tahun lalu"


def _phrase_regex(phrase: object) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(str(phrase).lower())}(?!\w)")


def _compile_rules(grammar: dict) -> _Rules:
    months: dict[str, int] = {str(k).lower(): int(v) for k, v in grammar.get("months", {}).items()}
    day_first = month_first = month_year = None
    if months:
        names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
        day_first = re.compile(rf"\b(\d{{1,2}})\s+({names})\.?(?:\s+(\d{{4}}))?\b", re.IGNORECASE)
        month_first = re.compile(rf"\b({names})\.?\s+(\d{{1,2}})(?:,\s*(\d{{4}}))?\b", re.IGNORECASE)
        month_year = re.compile(rf"(?<!\d\s)\b({names})\s+(\d{{4}})\b", re.IGNORECASE)
    days = grammar.get("relative_days", {})
    weeks = grammar.get("relative_weeks", {})
    years = grammar.get("relative_years", {})
    phrases = [re.escape(str(p).lower()) for p in (*days, *weeks, *years)]
    relative = re.compile(rf"(?<!\w)(?:{'|'.join(phrases)})(?!\w)") if phrases else None
    weekdays: dict[str, int] = {str(k).lower(): int(v) for k, v in grammar.get("weekdays", {}).items()}
    weekday = None
    if weekdays:
        names = "|".join(sorted(map(re.escape, weekdays), key=len, reverse=True))
        weekday = re.compile(rf"(?<!\w)(?:{grammar.get('weekday_prefix', '')})?({names})(?!\w)")
    documents = [re.escape(str(d).lower()) for d in grammar.get("document_nouns", ())]
    named_year = None
    if documents:
        nouns = "|".join(sorted(documents, key=len, reverse=True))
        # the document noun within a few capitalised words before the year, or right after it
        named_year = re.compile(rf"(?i:\b(?:{nouns})\b)(?:\s+[A-Z][\w-]*){{0,4}}\s+(\d{{4}})\b"
                                rf"|\b(\d{{4}})(?:\s+[A-Z][\w-]*){{0,3}}\s+(?i:(?:{nouns})\b)")
    return _Rules(
        months=months, day_first=day_first, month_first=month_first, relative=relative,
        relative_days=tuple((_phrase_regex(p), offset) for p, offset in days.items()),
        relative_weeks=tuple((_phrase_regex(p), offset) for p, offset in weeks.items()),
        relative_years=tuple((_phrase_regex(p), offset) for p, offset in years.items()),
        weekdays=weekdays, weekday=weekday, month_year=month_year, named_year=named_year,
    )


def _rules(pack: LanguagePack) -> _Rules:
    cached = pack.__dict__.get("_date_rules")
    if cached is None:
        cached = pack.__dict__["_date_rules"] = _compile_rules(pack.grammar.get("dates", {}))
    return cached


_DIGIT = re.compile(r"\d")


def resolve_date(sentence: str, published: date | None, pack: LanguagePack) -> tuple[str | None, str]:
    """(ISO date or None, precision) where precision is day, week, month, year or published. A month or a year
    is given as its first day ("Maret 2014" -> 2014-03-01, month)."""
    rules = _rules(pack)
    found = None
    digit = _DIGIT.search(sentence) is not None
    if digit:                        # numeric and named dates both need a digit
        found = _numeric(sentence, published) or _named(sentence, published, rules)
    if found is None:
        found = _relative(sentence, published, rules)
    if found is None and digit:
        found = _month_or_year(sentence, published, rules)
    if found is not None:
        return found
    if published is None:
        return None, "published"
    return published.isoformat(), "published"


_NUMERIC = re.compile(r"\((\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\)")


def _numeric(sentence: str, published: date | None) -> tuple[str, str] | None:
    """Indonesian "(24/1)" or "(21/1/2022)": day/month with the year from the text or the article."""
    match = _NUMERIC.search(sentence)
    if not match:
        return None
    day, month = int(match.group(1)), int(match.group(2))
    if match.group(3):
        year = int(match.group(3))
        year += 2000 if year < 100 else 0
        return _safe(year, month, day)
    if published is None:
        return None
    return _closest_before(published, month, day)


def _safe(year: int, month: int, day: int) -> tuple[str, str] | None:
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def _closest_before(published: date, month: int, day: int) -> tuple[str, str] | None:
    """News reports the past: "24/1" in an article of 2 Feb 2022 is 24 Jan 2022; in one of 3 Jan 2023, 24 Jan 2022."""
    for year in (published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= published + timedelta(days=7):
            return candidate.isoformat(), "day"
    return None


def _named(sentence: str, published: date | None, rules: _Rules) -> tuple[str, str] | None:
    if rules.day_first is None or rules.month_first is None:
        return None
    months = rules.months
    day_first = rules.day_first.search(sentence)
    if day_first:
        day, month, year = int(day_first.group(1)), months[day_first.group(2).lower()], day_first.group(3)
    else:
        month_first = rules.month_first.search(sentence)
        if not month_first:
            return None
        day, month, year = int(month_first.group(2)), months[month_first.group(1).lower()], month_first.group(3)
    if year:
        return _safe(int(year), month, day)
    return _closest_before(published, month, day) if published else None


def _relative(sentence: str, published: date | None, rules: _Rules) -> tuple[str, str] | None:
    if published is None:
        return None
    lowered = sentence.lower()
    if rules.relative is not None and rules.relative.search(lowered):
        # the first phrase in the grammar's order wins, not the first in the sentence
        for regex, offset in rules.relative_days:
            if regex.search(lowered):
                return (published - timedelta(days=int(offset))).isoformat(), "day"
        for regex, offset in rules.relative_weeks:
            if regex.search(lowered):
                return (published - timedelta(weeks=int(offset))).isoformat(), "week"
        for regex, offset in rules.relative_years:
            if regex.search(lowered):
                # "tahun lalu", "last year": the year, as history is read ("pada 2014")
                return date(published.year - int(offset), 1, 1).isoformat(), "year"
    if rules.weekday is not None:
        match = rules.weekday.search(lowered)
        if match:
            target = rules.weekdays[match.group(1)]
            back = (published.weekday() - target) % 7
            return (published - timedelta(days=back)).isoformat(), "day"
    return None


_FOUR_DIGITS = re.compile(r"\d{4}")
_YEAR = re.compile(r"(?<![\d/.,-])(19[5-9]\d|20\d\d)(?![\d/-]|[.,]\d)")


def _month_or_year(sentence: str, published: date | None, rules: _Rules) -> tuple[str, str] | None:
    """"Maret 2014" (month precision), or a year before the article's ("pada 2014", "bekas republik Soviet 2014"):
    history. A year equal to the article's says nothing the publication date does not ("KTT ASEAN 2023")."""
    if _FOUR_DIGITS.search(sentence) is None:
        return None                     # both a month's year and a bare year are four digits
    if rules.month_year is not None:
        match = rules.month_year.search(sentence)
        if match:
            year, month = int(match.group(2)), rules.months[match.group(1).lower()]
            if published is None or year != published.year or month != published.month:
                return date(year, month, 1).isoformat(), "month"
    named: set[int] | None = None                # asked at the first year
    for match in _YEAR.finditer(sentence):
        if named is None:
            named = {m.start(1) if m.group(1) else m.start(2) for m in rules.named_year.finditer(sentence)} \
                if rules.named_year is not None else set()
        if match.start(1) in named:
            continue                    # "Perjanjian Pertahanan Bersama 1951", "the 2015 nuclear deal": a name
        year = int(match.group(1))
        if published is not None and year < published.year:
            return date(year, 1, 1).isoformat(), "year"
    return None


def latest_stated_date(text: str, pack: LanguagePack) -> date | None:
    """The latest full date (day, month and year) a text states: "(21/1/2022)", "21 Januari 2022", "March 3, 2021".

    Every full date ends in its year, so the date expressions run only on the few characters before each
    four-digit year (a whole-body case-insensitive scan cost half a millisecond per article)."""
    rules = _rules(pack)
    found: list[date] = []
    for year_match in _FULL_YEAR.finditer(text):
        window = text[max(0, year_match.start() - 30):year_match.end() + 1]
        for match in _NUMERIC.finditer(window):
            if match.group(3):
                year = int(match.group(3))
                found.extend(_valid(year + (2000 if year < 100 else 0), int(match.group(2)), int(match.group(1))))
        for regex, day_group, month_group in ((rules.day_first, 1, 2), (rules.month_first, 2, 1)):
            for match in regex.finditer(window) if regex is not None else ():
                if match.group(3):
                    found.extend(_valid(int(match.group(3)), rules.months[match.group(month_group).lower()],
                                        int(match.group(day_group))))
    return max(found, default=None)


_FULL_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _valid(year: int, month: int, day: int) -> list[date]:
    try:
        return [date(year, month, day)]
    except ValueError:
        return []
