"""A polite, bounded HTTP fetcher (httpx): what relasi does when the user names a URL, a feed or a sitemap.

Polite: one request at a time per host, at least `delay` seconds apart; robots.txt obeyed unless the user opts
out; a user agent that says who we are; conditional requests (ETag, Last-Modified) when a URL is polled again.
Bounded: connect/read timeouts and a whole-response deadline (a server that trickles bytes forever is cut off),
a maximum body size and a separate limit on the decompressed size (a gzip bomb is stopped while it inflates),
a limited number of redirects. Transient failures (timeouts, connection errors, 429, 5xx) are retried with
exponential backoff, honouring Retry-After up to `max_retry_after`.

A failure is never raised: it is a `Fetched` with `reason` set ("not_found", "timeout", "too_large", ...), which
the callers turn into a Dropped with the URL. Counts by outcome are kept for the run's summary.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from relasi import __version__

DEFAULT_USER_AGENT = f"relasi/{__version__} (+https://github.com/relasi; news event coder)"
_CLIENT_ERRORS = {404: "not_found", 410: "gone", 401: "forbidden", 403: "forbidden"}
TRANSIENT = frozenset({"timeout", "connect_error", "server_error", "rate_limited"})


@dataclass(frozen=True, slots=True)
class FetchSettings:
    user_agent: str = DEFAULT_USER_AGENT
    """Sent with every request, robots.txt included."""
    connect_timeout: float = 10.0
    """Seconds to open a connection."""
    read_timeout: float = 20.0
    """Seconds to wait for the next bytes of a response."""
    deadline: float = 60.0
    """Seconds one response may take in all: a server that trickles bytes forever is cut off here."""
    max_bytes: int = 10_000_000
    """Most bytes read from the wire for one response."""
    max_decompressed: int = 20_000_000
    """Most bytes one response may inflate to (gzip, deflate, brotli): stops compression bombs."""
    max_redirects: int = 5
    """Redirects followed before giving up (a loop ends here)."""
    delay: float = 1.0
    """Seconds between two requests to the same host."""
    retries: int = 3
    """Further tries after a timeout, a connection error, 429 or 5xx."""
    backoff: float = 1.0
    """First wait before a retry, doubled each time (Retry-After wins when the server sends one)."""
    max_retry_after: float = 120.0
    """A Retry-After longer than this is not waited for: the URL fails as rate_limited."""
    respect_robots: bool = True
    """Obey robots.txt (the --ignore-robots flag turns it off)."""
    concurrency: int = 4
    """Hosts fetched at the same time; each host gets one request at a time."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str                          # as asked (canonical)
    final_url: str | None = None      # after redirects
    status: int | None = None
    content: bytes | None = None
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    reason: str | None = None         # None: fetched (or not modified); else why not
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.reason is None and self.content is not None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def charset(self) -> str | None:
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip().strip('"') or None
        return None


class _TooLarge(Exception):
    pass


@dataclass(slots=True)
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    last: float = 0.0
    robots: RobotFileParser | None = None
    robots_checked: bool = False


class Fetcher:
    """Fetch URLs with the settings' bounds; thread-safe (one request at a time per host)."""

    def __init__(self, settings: FetchSettings | None = None, *, sleep=time.sleep) -> None:  # noqa: ANN001
        self.settings = settings or FetchSettings()
        self.counts: Counter[str] = Counter()
        self._sleep = sleep
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        s = self.settings
        self._client = httpx.Client(
            follow_redirects=True, max_redirects=s.max_redirects, headers={"User-Agent": s.user_agent},
            timeout=httpx.Timeout(connect=s.connect_timeout, read=s.read_timeout, write=s.read_timeout,
                                  pool=s.connect_timeout),
            trust_env=False)        # no proxy or netrc picked up from the environment behind the user's back

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- public ---------------------------------------------------------------------------------------

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
              accept: str = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1") -> Fetched:
        """GET `url` within the bounds, retrying transient failures; the outcome is counted."""
        result = self._fetch(url, etag=etag, last_modified=last_modified, accept=accept)
        key = "not_modified" if result.not_modified else ("fetched" if result.reason is None else result.reason)
        self.counts[key] += 1
        return result

    def summary(self) -> str:
        failed = {k: n for k, n in self.counts.items() if k not in ("fetched", "not_modified")}
        text = f"{self.counts['fetched']} fetched, {self.counts['not_modified']} not modified"
        if failed:
            reasons = ", ".join(f"{k} {n}" for k, n in sorted(failed.items()))
            text += f", {sum(failed.values())} failed ({reasons})"
        return text

    # -- inside ---------------------------------------------------------------------------------------

    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        with self._hosts_lock:
            return self._hosts.setdefault(key, _Host())

    def _fetch(self, url: str, *, etag: str | None, last_modified: str | None, accept: str) -> Fetched:
        if urlsplit(url).scheme not in ("http", "https"):
            return Fetched(url, reason="bad_url", detail="only http and https URLs are fetched")
        host = self._host(url)
        with host.lock:
            if self.settings.respect_robots and not self._allowed(url, host):
                return Fetched(url, reason="robots_disallowed", detail="robots.txt disallows it (--ignore-robots)")
            headers = {"Accept": accept}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            attempt = 0
            while True:
                result, wait = self._once(url, headers, host)
                if result.reason not in TRANSIENT or attempt >= self.settings.retries:
                    return result
                if wait is None:
                    wait = self.settings.backoff * (2 ** attempt)
                if wait > self.settings.max_retry_after:
                    return Fetched(url, status=result.status, reason="rate_limited",
                                   detail=f"asked to wait {wait:.0f} s (limit {self.settings.max_retry_after:.0f} s)")
                self._sleep(wait)
                attempt += 1

    def _polite_wait(self, host: _Host) -> None:
        gap = time.monotonic() - host.last
        if host.last and gap < self.settings.delay:
            self._sleep(self.settings.delay - gap)

    def _once(self, url: str, headers: dict[str, str], host: _Host) -> tuple[Fetched, float | None]:
        """One request; returns the outcome and, for a transient failure, how long the server asked us to wait."""
        self._polite_wait(host)
        s = self.settings
        started = time.monotonic()
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                final = str(response.url)
                content_type = response.headers.get("content-type", "")
                meta = {"final_url": final, "status": status, "content_type": content_type,
                        "etag": response.headers.get("etag"), "last_modified": response.headers.get("last-modified")}
                if status == 304:
                    return Fetched(url, **meta), None
                if status == 429 or status >= 500:
                    reason = "rate_limited" if status == 429 else "server_error"
                    return Fetched(url, **meta, reason=reason, detail=f"HTTP {status}"), \
                        _retry_after(response.headers.get("retry-after"))
                if status >= 400:
                    reason = _CLIENT_ERRORS.get(status, "http_error")
                    return Fetched(url, **meta, reason=reason, detail=f"HTTP {status}"), None
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > s.max_bytes:
                    return Fetched(url, **meta, reason="too_large",
                                   detail=f"Content-Length {declared} > limit {s.max_bytes}"), None
                body = self._read(response, started)
                return Fetched(url, **meta, content=body), None
        except _TooLarge as error:
            return Fetched(url, reason="too_large", detail=str(error)), None
        except httpx.TooManyRedirects:
            return Fetched(url, reason="too_many_redirects", detail=f"more than {s.max_redirects} redirects"), None
        except httpx.TimeoutException as error:
            return Fetched(url, reason="timeout", detail=type(error).__name__), None
        except httpx.DecodingError as error:
            return Fetched(url, reason="bad_encoding", detail=f"content could not be decompressed: {error}"), None
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as error:
            return Fetched(url, reason="connect_error", detail=" ".join(str(error).split())[:160]), None
        except httpx.HTTPError as error:
            return Fetched(url, reason="http_error", detail=" ".join(str(error).split())[:160]), None
        finally:
            host.last = time.monotonic()

    def _read(self, response: httpx.Response, started: float) -> bytes:
        s = self.settings
        chunks: list[bytes] = []
        inflated = 0
        for chunk in response.iter_bytes():
            inflated += len(chunk)
            if response.num_bytes_downloaded > s.max_bytes:
                raise _TooLarge(f"body over {s.max_bytes} bytes")
            if inflated > s.max_decompressed:
                raise _TooLarge(f"inflates to over {s.max_decompressed} bytes ({response.num_bytes_downloaded} "
                                f"bytes sent): a compression bomb?")
            if time.monotonic() - started > s.deadline:
                raise httpx.ReadTimeout(f"response not complete within {s.deadline:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _allowed(self, url: str, host: _Host) -> bool:
        if not host.robots_checked:
            host.robots = self._robots(url, host)
            host.robots_checked = True
        return host.robots is None or host.robots.can_fetch(self.settings.user_agent, url)

    def _robots(self, url: str, host: _Host) -> RobotFileParser | None:
        """The host's rules; None allows everything (no robots.txt). Per RFC 9309 a server error or an
        unreachable robots.txt disallows everything, a 4xx allows everything."""
        parts = urlsplit(url)
        where = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        result, _ = self._once(where, {"Accept": "text/plain"}, host)
        parser = RobotFileParser(where)
        if result.content is not None and result.status == 200:
            parser.parse(result.content.decode("utf-8", errors="replace").splitlines())
            return parser
        if result.status is not None and 400 <= result.status < 500:
            return None
        parser.disallow_all = True
        return parser


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
