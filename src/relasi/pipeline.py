"""The per-document pipeline: extract → language → sentences → actors → clauses → events.

Each step is a pure function of one document plus the language data loaded once here, so the same Pipeline
runs in-process, in a process pool or on a Dask worker. Steps never touch storage.
"""

from __future__ import annotations

from relasi.model import Article, Document, Dropped
from relasi.settings import Settings


class Pipeline:
    """Loads language packs lazily (once per language) and runs the steps on one document at a time."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._packs: dict[str, object] = {}
        self._detector = None

    def run(self, doc: Document) -> Article | Dropped:
        from relasi.actors import find_actors
        from relasi.clauses import parse_clauses
        from relasi.events import code_events
        from relasi.extract import extract
        from relasi.language import identify_language
        from relasi.sentences import split_sentences

        if len(doc.content) > self.settings.max_bytes:
            return Dropped(doc.source, "read", "too_large", f"over {self.settings.max_bytes} characters")
        extracted = extract(doc)
        if isinstance(extracted, Dropped):
            return extracted
        if len(extracted.body) < self.settings.min_body_chars:
            return Dropped(doc.source, "extract", "no_article", f"body has {len(extracted.body)} characters")
        if len(extracted.body) > self.settings.max_body_chars:
            return Dropped(doc.source, "extract", "too_large",
                           f"body has {len(extracted.body)} characters > limit {self.settings.max_body_chars}")
        article = identify_language(extracted, self.settings.lang)
        pack = self.pack(article.language or "id")
        article = split_sentences(article, pack)
        article = find_actors(article, pack)
        article = parse_clauses(article, pack)
        return code_events(article, pack).with_(parses=())

    def pack(self, lang: str):  # -> LanguagePack (typed in relasi.packs; kept lazy so import stays cheap)
        from relasi.packs import load_pack

        key = lang if lang in self.settings.languages else self.settings.languages[0]
        if key not in self._packs:
            self._packs[key] = load_pack(key)
        return self._packs[key]

    def __getstate__(self) -> dict:
        # Ship settings only; each worker loads its own packs once.
        return {"settings": self.settings}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["settings"])
