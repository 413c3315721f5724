"""Language identification with lingua, restricted to the languages relasi has packs for plus Malay.

High-accuracy mode on a few languages is what separates Indonesian from Malay; a short sample of the body keeps
it around a millisecond per article. Two kinds of sample are settled by counting words instead
(`data/common/language.yaml`), about thirty times faster: a plainly English one (many English function words, no
Indonesian or Malay one), and a plainly Indonesian one (several different words only Indonesian spells so,
"bahwa", "karena", "Kamis", none only Malay spells so, "bahawa", "kerana", "Khamis", and Indonesian-Malay
function words well ahead of English ones). Lingua reads every other sample: short, mixed and borderline ones.

Lingua calls some plainly Indonesian pages Malay, so the Indonesian count is set high enough that every page of
the examples, seeds and gold sets keeps the language lingua gave it (docs/decisions.md, issue 13).
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
    indonesian: frozenset[str] = frozenset()     # spelled so in Indonesian only
    malay: frozenset[str] = frozenset()          # spelled so in Malay only
    min_indonesian: int = 0                      # different Indonesian-only words needed; 0: never settled so


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
        indonesian=frozenset(str(w).lower() for w in data.get("indonesian", ())),
        malay=frozenset(str(w).lower() for w in data.get("malay", ())),
        min_indonesian=int(data.get("min_indonesian", 0)),
    )


def _settled(sample: str) -> str | None:
    """"en" or "id" where the sample's words settle it (module docstring), else None: lingua decides."""
    votes = _votes()
    words = _WORD.findall(sample.lower())
    english_words = votes.english
    if votes.indonesian_malay.isdisjoint(words):
        english = sum(1 for w in words if w in english_words)
        plainly = english >= votes.min_english and english >= votes.min_english_share * len(words)
        return "en" if plainly else None
    if not votes.min_indonesian or not votes.malay.isdisjoint(words):
        return None
    if len(votes.indonesian.intersection(words)) < votes.min_indonesian:
        return None
    shared_words = votes.indonesian_malay
    shared = sum(1 for w in words if w in shared_words)
    english = sum(1 for w in words if w in english_words)
    return "id" if 2 * english < shared else None


def _plainly_english(sample: str) -> bool:
    return _settled(sample) == "en"


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language among id/ms/en, or None when nothing is recognisable."""
    if not text.strip():
        return None
    sample = text[:SAMPLE_CHARS]
    settled = _settled(sample)
    if settled is not None:
        return settled
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
