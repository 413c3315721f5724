"""Event dates from the sentence ("Senin (24/1)", "Jumat (21/1/2022)", "pada 29 September", "kemarin", "on Monday",
"last week"), resolved against the publication date; otherwise the publication date, flagged as such."""

from __future__ import annotations

import re
from datetime import date, timedelta

from relasi.packs import LanguagePack


def resolve_date(sentence: str, published: date | None, pack: LanguagePack) -> tuple[str | None, str]:
    """(ISO date or None, precision) where precision is day, month, year or published."""
    grammar = pack.grammar.get("dates", {})
    found = _numeric(sentence, published) or _named(sentence, published, grammar) or _relative(
        sentence, published, grammar)
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


def _named(sentence: str, published: date | None, grammar: dict) -> tuple[str, str] | None:
    months: dict[str, int] = {str(k).lower(): int(v) for k, v in grammar.get("months", {}).items()}
    if not months:
        return None
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    day_first = re.search(rf"\b(\d{{1,2}})\s+({names})\.?(?:\s+(\d{{4}}))?\b", sentence, re.IGNORECASE)
    month_first = re.search(rf"\b({names})\.?\s+(\d{{1,2}})(?:,\s*(\d{{4}}))?\b", sentence, re.IGNORECASE)
    if day_first:
        day, month, year = int(day_first.group(1)), months[day_first.group(2).lower()], day_first.group(3)
    elif month_first:
        day, month, year = int(month_first.group(2)), months[month_first.group(1).lower()], month_first.group(3)
    else:
        return None
    if year:
        return _safe(int(year), month, day)
    return _closest_before(published, month, day) if published else None


def _relative(sentence: str, published: date | None, grammar: dict) -> tuple[str, str] | None:
    if published is None:
        return None
    lowered = sentence.lower()
    for phrase, offset in grammar.get("relative_days", {}).items():
        if re.search(rf"(?<!\w){re.escape(str(phrase).lower())}(?!\w)", lowered):
            return (published - timedelta(days=int(offset))).isoformat(), "day"
    for phrase, offset in grammar.get("relative_weeks", {}).items():
        if re.search(rf"(?<!\w){re.escape(str(phrase).lower())}(?!\w)", lowered):
            return (published - timedelta(weeks=int(offset))).isoformat(), "week"
    weekdays: dict[str, int] = {str(k).lower(): int(v) for k, v in grammar.get("weekdays", {}).items()}
    if weekdays:
        names = "|".join(sorted(map(re.escape, weekdays), key=len, reverse=True))
        match = re.search(rf"(?<!\w)(?:{grammar.get('weekday_prefix', '')})?({names})(?!\w)", lowered)
        if match:
            target = weekdays[match.group(1)]
            back = (published.weekday() - target) % 7
            return (published - timedelta(days=back)).isoformat(), "day"
    return None
