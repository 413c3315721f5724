"""URLs as relasi keys them: canonical (courlan), so the same page named two ways is fetched and stored once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit, urlunsplit


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def canonical(url: str) -> str | None:
    """The canonical form (lower-case scheme and host, sorted query without tracking parameters, no fragment),
    or None when `url` is no http(s) URL with a host."""
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or any(c.isspace() for c in text):
        return None
    import courlan  # loads only when a URL comes in: `relasi --help` stays fast

    try:
        normal = courlan.normalize_url(text, strict=False)
    except (ValueError, AttributeError):
        return None
    parts = urlsplit(normal)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def unique(urls: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """(as given, canonical or None) for each URL, each canonical URL once, in the given order."""
    seen: set[str] = set()
    for url in urls:
        found = canonical(url)
        if found is not None:
            if found in seen:
                continue
            seen.add(found)
        yield url, found


def read_url_list(path: str) -> list[str]:
    """A file of URLs, one per line; blank lines and lines starting with # are skipped."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        return [line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#")]
