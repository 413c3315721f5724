"""Language identification with lingua, restricted to the languages relasi has packs for plus Malay.

High-accuracy mode on a few languages is what separates Indonesian from Malay; a short sample of the body keeps
it around a millisecond per article. A sample that is plainly English (many English function words, no
Indonesian or Malay one: `data/common/language.yaml`) is settled by that count alone, about thirty times
faster; lingua reads every other sample.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from relasi.model import Article

SAMPLE_CHARS = 600
_CODES = {"INDONESIAN": "id", "MALAY": "ms", "ENGLISH": "en"}
_VOTES_FILE = Path(__file__).parent / "data" / "common" / "language.yaml"
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.INDONESIAN, Language.MALAY, Language.ENGLISH).build()


@dataclass(frozen=True, slots=True)
class _Votes:
    english: frozenset[str]
    indonesian_malay: frozenset[str]
    min_english: int
    min_english_share: float


@lru_cache(maxsize=1)
def _votes() -> _Votes:
    import yaml

    from relasi.lang.lexicon import YAML_LOADER

    data = yaml.load(_VOTES_FILE.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
    return _Votes(
        english=frozenset(str(w).lower() for w in data.get("english", ())),
        indonesian_malay=frozenset(str(w).lower() for w in data.get("indonesian_malay", ())),
        min_english=int(data.get("min_english", 8)),
        min_english_share=float(data.get("min_english_share", 0.25)),
    )


def _plainly_english(sample: str) -> bool:
    votes = _votes()
    words = _WORD.findall(sample.lower())
    if votes.indonesian_malay.intersection(words):
        return False
    english = sum(1 for w in words if w in votes.english)
    return english >= votes.min_english and english >= votes.min_english_share * len(words)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language among id/ms/en, or None when nothing is recognisable."""
    if not text.strip():
        return None
    sample = text[:SAMPLE_CHARS]
    if _plainly_english(sample):
        return "en"
    language = _detector().detect_language_of(sample)
    return _CODES.get(language.name) if language is not None else None


def identify_language(article: Article, forced: str = "auto") -> Article:
    """Set `article.language`: the forced language, or the detected one (title + body sample)."""
    if forced != "auto":
        return article.with_(language=forced)
    sample = f"{article.title or ''}\n{article.body[:SAMPLE_CHARS]}"
    return article.with_(language=detect_language(sample))


def pack_language(language: str | None) -> str:
    """The language pack used for a detected language: Malay news reads well with the Indonesian pack."""
    return "en" if language == "en" else "id"
