"""Settings, declared once as data with a default and a help line each; built at the CLI/API edge."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    lang: str = "auto"
    """Language of the input: auto (detected per document), id or en."""
    max_bytes: int = 20_000_000
    """Inputs larger than this many bytes are dropped as too large (protects memory)."""
    min_body_chars: int = 80
    """An article whose cleaned body is shorter than this is dropped as no_article."""
    max_body_chars: int = 150_000
    """An article whose cleaned body is longer is dropped as too_large: coding time grows faster than the
    length (a 100,000-character body takes about 10 s), and no news article is that long."""
    max_seconds: float = 60.0
    """Time budget of one document in the pipeline; past it the document is dropped as over_budget."""
    languages: tuple[str, ...] = ("id", "en")
    """Language packs the pipeline may load."""

    def with_(self, **changes: Any) -> Settings:
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Settings(**values)
