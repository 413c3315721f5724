"""URLs, feeds and sitemaps as Documents: what `relasi ingest URL…`, `--feeds FILE` and `relasi watch` read.

    pages      each URL canonicalised and fetched once (conditional request when it was fetched before)
    feeds      each feed or sitemap polled (conditionally); a sitemap index opens its sitemaps (one level);
               the items it lists that were not stored before are fetched as pages, with the feed's title
               and date as hints

Every failure is a Dropped naming the URL and the reason, and the run goes on. The state that makes a later
poll cheap and a restart lossless lives in the database (store/webstate.py) and is written only after what it
describes was committed: validators at the end of a run, a feed's items as their batch commits. A run killed
in between fetches a little again; it never loses or duplicates anything (documents are keyed by URL).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from relasi.model import Document, Dropped
from relasi.sources.feeds import Item, read_listing
from relasi.sources.fetch import TRANSIENT, Fetched, Fetcher
from relasi.sources.files import document_from_bytes
from relasi.sources.urls import canonical, unique

if TYPE_CHECKING:
    from relasi.store.database import Database
    from relasi.store.writer import Outcome

MAX_SITEMAPS = 50                 # sitemaps opened from one index
FEED_ACCEPT = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
_BINARY_TYPES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
                 "application/octet-stream", "application/x-", "application/vnd.")


@dataclass(slots=True)
class WebIntake:
    """The web inputs of one run. Use `items()` as (part of) the ingest's input, `outcome()` as a listener of
    each committed outcome, `batch_done()` after each batch, and `finish()` once the run ended normally."""

    fetcher: Fetcher
    db: Database
    pages: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    _polled: list[tuple[str, str, str | None, str | None, str]] = field(default_factory=list)
    _feed_of: dict[str, set[str]] = field(default_factory=dict)      # item URL -> feeds that listed it
    _to_mark: list[tuple[str, str]] = field(default_factory=list)
    _asked: set[str] = field(default_factory=set)                  # canonical URLs fetched in this run

    def items(self) -> Iterator[Document | Dropped]:
        yield from self._pages([(url, found, None) for url, found in unique(self.pages)])
        for feed in self.feeds:
            yield from self._feed(feed)

    def outcome(self, outcome: Outcome) -> None:
        """A committed (or skipped) outcome: a feed item stored, or dropped for good, is seen from now on."""
        feeds = self._feed_of.get(outcome.source)
        if not feeds:
            return
        if outcome.dropped is not None and outcome.dropped.reason in TRANSIENT:
            return                                   # tried again at the next poll
        self._to_mark += [(feed, outcome.source) for feed in feeds]

    def batch_done(self, *_args: object) -> None:
        from relasi.store.webstate import mark_seen

        marks, self._to_mark = self._to_mark, []
        mark_seen(self.db, marks)

    def finish(self) -> None:
        """Save the validators of what was polled: the next poll asks only for what changed."""
        from relasi.store.webstate import save_validators

        self.batch_done()
        save_validators(self.db, self._polled)
        self._polled.clear()

    # -- pages ----------------------------------------------------------------------------------------

    def _pages(self, wanted: list[tuple[str, str | None, Item | None]]) -> Iterator[Document | Dropped]:
        from relasi.store.webstate import validators

        known = validators(self.db, [found for _, found, _ in wanted if found])
        todo = []
        for given, found, item in wanted:
            if found is None:
                yield Dropped(given, "fetch", "bad_url", "not an http(s) URL")
            elif found not in self._asked:         # a page named and listed by a feed is fetched once
                self._asked.add(found)
                todo.append((found, item, known.get(found, (None, None))))
        for (url, item, _), fetched in zip(todo, self._fetch_all(todo), strict=True):
            found = self._page(url, item, fetched)
            if found is not None:
                yield found

    def _fetch_all(self, todo: list[tuple[str, Item | None, tuple[str | None, str | None]]]) -> Iterator[Fetched]:
        """Fetch in order of `todo`, several hosts at once (the fetcher keeps one request per host)."""
        workers = max(1, self.fetcher.settings.concurrency)
        window = workers * 2
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="relasi-fetch") as pool:
            pending = []
            for url, _, (etag, modified) in todo:
                pending.append(pool.submit(self.fetcher.fetch, url, etag=etag, last_modified=modified))
                if len(pending) >= window:
                    yield pending.pop(0).result()
            for future in pending:
                yield future.result()

    def _page(self, url: str, item: Item | None, fetched: Fetched) -> Document | Dropped | None:
        if fetched.not_modified:
            return None
        if not fetched.ok:
            return Dropped(url, "fetch", fetched.reason or "error", fetched.detail)
        kind = fetched.content_type.split(";")[0].strip().lower()
        if "html" in kind:
            fmt = "html"
        elif kind == "text/plain":
            fmt = "text"
        elif not kind:
            head = (fetched.content or b"")[:2048].lower()
            fmt = "html" if b"<html" in head or b"<body" in head or b"<!doctype html" in head else "text"
        else:
            return Dropped(url, "fetch", "wrong_content_type", f"{kind} is not a page")
        self._polled.append((url, "page", fetched.etag, fetched.last_modified, str(fetched.status)))
        return document_from_bytes(fetched.content or b"", url, fmt, charset=fetched.charset,
                                   url=fetched.final_url or url, title=item.title if item else None,
                                   published=item.published if item else None)

    # -- feeds and sitemaps ---------------------------------------------------------------------------

    def _feed(self, given: str) -> Iterator[Document | Dropped]:
        from relasi.store.webstate import seen_items

        feed = canonical(given)
        if feed is None:
            yield Dropped(given, "fetch", "bad_url", "not an http(s) URL")
            return
        listed: list[Item] = []
        yield from self._list(feed, listed, depth=0)
        fresh: list[tuple[str, str | None, Item | None]] = []
        by_url: dict[str, Item] = {}
        for item in listed:
            url = canonical(item.url)
            if url is not None and url not in by_url:
                by_url[url] = item
        seen, unmarked = seen_items(self.db, feed, by_url)
        self._to_mark += [(feed, url) for url in sorted(unmarked)]     # (stored before a kill, marked now)
        for url, item in by_url.items():
            if url in seen:
                continue
            first = url not in self._feed_of
            self._feed_of.setdefault(url, set()).add(feed)
            if first:
                fresh.append((item.url, url, item))
        yield from self._pages(fresh)

    def _list(self, url: str, into: list[Item], depth: int) -> Iterator[Dropped]:
        from relasi.store.webstate import validators

        etag, modified = validators(self.db, [url]).get(url, (None, None))
        fetched = self.fetcher.fetch(url, etag=etag, last_modified=modified, accept=FEED_ACCEPT)
        if fetched.not_modified:
            return
        if not fetched.ok:
            yield Dropped(url, "fetch", fetched.reason or "error", fetched.detail)
            return
        kind = fetched.content_type.split(";")[0].strip().lower()
        if kind.startswith(_BINARY_TYPES):
            yield Dropped(url, "fetch", "wrong_content_type", f"{kind} is not a feed or sitemap")
            return
        listing = read_listing(fetched.content or b"")
        if listing.problem is not None:
            reason, _, detail = listing.problem.partition(": ")
            yield Dropped(url, "read", reason, detail)
            return
        self._polled.append((url, listing.kind, fetched.etag, fetched.last_modified, str(fetched.status)))
        into.extend(listing.items)
        if listing.sitemaps and depth == 0:
            for nested in _limited(listing.sitemaps, MAX_SITEMAPS):
                child = canonical(nested)
                if child is not None:
                    yield from self._list(child, into, depth + 1)


def _limited(values: Iterable[str], count: int) -> list[str]:
    return list(values)[:count]
