"""Options every command group shares, declared once, and the one place store errors become messages.

The database location is read here and only here (`--db`, else env RELASI_DB, else relasi.db in the
working directory) and passed down. Store errors become one-line ClickExceptions at this edge.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # the store (and SQLAlchemy) load only when a command runs: `relasi --help` stays fast
    from relasi.store.database import Database

DEFAULT_DB = "relasi.db"
# Row limits stop here: far beyond any real table, and well inside the 64-bit integers SQLite and PostgreSQL
# accept, so a huge --limit is refused by click instead of overflowing in the database driver.
MAX_LIMIT = 1_000_000_000
LANG_CHOICE = click.Choice(["auto", "id", "en"])
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def db_option(function: Callable) -> Callable:
    return click.option(
        "--db", "db_target", envvar="RELASI_DB", default=DEFAULT_DB, show_default=True, metavar="PATH|URL",
        help="SQLite file, or a postgresql:// URL. Env: RELASI_DB.")(function)


def lang_option(function: Callable) -> Callable:
    return click.option("--lang", type=LANG_CHOICE, default="auto", show_default=True,
                        help="Language of the input.")(function)


def limit_option(*names: str, default: int | None = None, minimum: int = 0, help: str) -> Callable:
    """A row count bounded by MAX_LIMIT."""
    return click.option(*(names or ("--limit",)), type=click.IntRange(min=minimum, max=MAX_LIMIT),
                        default=default, show_default=default is not None, help=help)


def format_option(*choices: str, default: str) -> Callable:
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default, show_default=True,
                        help="Output format.")


@contextmanager
def opened(target: str, create: bool) -> Iterator[Database]:
    """The database, or one line saying why it cannot be opened (missing, not a database, unreachable)."""
    from relasi.store import StoreError, open_database

    try:
        db = open_database(target, create=create)
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    try:
        yield db
    finally:
        db.close()


def iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real day or month (2022-13-45 is refused)."""
    if value is None:
        return None
    match = _DATE.match(value.strip())
    if match is None:
        raise click.BadParameter("use YYYY-MM-DD (or YYYY-MM, YYYY)")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD (or YYYY-MM, YYYY)") from None
    return value.strip()


class Registered(click.Choice):
    """A Choice read from a registry when used, so formats registered after import still count."""

    def __init__(self, registry: Callable[[], dict[str, Any]]) -> None:
        self._registry = registry
        super().__init__([])

    @property  # type: ignore[override]
    def choices(self) -> list[str]:
        return sorted(self._registry())

    @choices.setter
    def choices(self, _value: Any) -> None:
        pass



def fetch_options(function: Callable) -> Callable:
    """How URLs, feeds and sitemaps are fetched (relasi.sources.fetch.FetchSettings)."""
    options = [
        click.option("--user-agent", metavar="TEXT", default=None,
                     help="User-Agent sent with every request (default: relasi/VERSION with a contact URL)."),
        click.option("--ignore-robots", is_flag=True,
                     help="Fetch what robots.txt disallows. Only for sites you have permission to crawl."),
        click.option("--delay", type=click.FloatRange(min=0, max=3600), default=1.0, show_default=True,
                     help="Seconds between two requests to the same host."),
        click.option("--timeout", "fetch_timeout", type=click.FloatRange(min=0.1, max=600), default=20.0,
                     show_default=True, help="Seconds to wait for a server to answer (connect and each read)."),
        click.option("--retries", type=click.IntRange(min=0, max=10), default=3, show_default=True,
                     help="Further tries after a timeout, a connection error, 429 or 5xx (with backoff)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def fetch_settings(user_agent: str | None, ignore_robots: bool, delay: float, fetch_timeout: float,
                   retries: int) -> Any:
    from relasi.sources.fetch import FetchSettings

    base = FetchSettings()
    return FetchSettings(user_agent=user_agent or base.user_agent, respect_robots=not ignore_robots, delay=delay,
                         connect_timeout=min(fetch_timeout, base.connect_timeout), read_timeout=fetch_timeout,
                         deadline=max(base.deadline, 3 * fetch_timeout), retries=retries)


def duration(_ctx: click.Context, _param: click.Parameter, value: str) -> float:
    """`90`, `90s`, `15m`, `2h` or `1d` as seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value or "")
    if match is None:
        raise click.BadParameter("a duration such as 30s, 15m, 2h or 1d")
    seconds = float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]
    if not 1 <= seconds <= 7 * 86400:
        raise click.BadParameter("between 1 second and 7 days")
    return seconds
