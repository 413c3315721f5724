"""`relasi events`, `relasi stats`, `relasi export`, `relasi stories`: the commands that read the database."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from typing import Any

import click

from relasi.cli.options import MAX_LIMIT, Registered, db_option, format_option, iso_date, limit_option, opened
from relasi.model import PLOVER_TYPES

# -- events ---------------------------------------------------------------------------------------------

_TABLE_COLUMNS = (("date", 10), ("source", 7), ("target", 7), ("cameo", 5), ("plover", 9), ("gold", 5))


@click.command()
@db_option
@click.option("--actor", metavar="ACTOR", help="Either side of the dyad: a code (IDN) or a name in any pack's "
                                                "language (Indonesia, RI, Amerika Serikat).")
@click.option("--source", metavar="ACTOR", help="Source actor, a code or a name.")
@click.option("--target", metavar="ACTOR", help="Target actor, a code or a name.")
@click.option("--type", "plover", type=click.Choice(PLOVER_TYPES, case_sensitive=False), help="PLOVER type.")
@click.option("--cameo", metavar="PREFIX", help="CAMEO code prefix: 04 matches 040-046.")
@click.option("--since", callback=iso_date, metavar="DATE", help="Event date on or after (YYYY-MM-DD).")
@click.option("--until", callback=iso_date, metavar="DATE", help="Event date on or before (YYYY-MM-DD).")
@click.option("--text", metavar="QUERY", help='Full-text search in the evidence sentence: every word and "quoted '
                                             'phrase" must occur.')
@click.option("--country-of-place", "place_country", metavar="ISO3",
              help="Events that happened in this country (their resolved place).")
@click.option("--bbox", metavar="W,S,E,N", help="Events whose place lies in this box (degrees).")
@click.option("--all", "include_all", is_flag=True,
              help="Include events that are not counted (intended, hypothetical, negated, denied, no PLOVER type); "
                   "the table then shows each event's modality and negation.")
@limit_option(help="At most N events.")
@click.option("--grouped", is_flag=True,
              help="One row per real-world event: per story, date, source, target and CAMEO code, with its "
                   "mentions, articles and sources counted (GDELT-style).")
@click.option("--group", "group_id", type=int, metavar="ID", help="The evidence sentences of one grouped event.")
@format_option("table", "csv", "jsonl", default="table")
def events(db_target: str, actor: str | None, source: str | None, target: str | None, plover: str | None,
           cameo: str | None, since: str | None, until: str | None, text: str | None, place_country: str | None,
           bbox: str | None, include_all: bool, limit: int | None, grouped: bool, group_id: int | None,
           fmt: str) -> None:
    """List stored events, oldest first. By default only counted events (asserted, not negated)."""
    from relasi.store.analytics import EventSearch, iter_event_objects
    from relasi.store.analytics import iter_event_rows as search_rows
    from relasi.store.export import inert_row
    from relasi.store.queries import EVENT_COLUMNS, EventFilter, iter_event_rows, iter_events

    if grouped:
        if include_all or group_id is not None or text or place_country or bbox:
            raise click.UsageError("--grouped lists counted events only; it takes neither --all, --group, --text, "
                                   "--country-of-place nor --bbox")
        _grouped(db_target, actor, source, target, plover, cameo, since, until, limit, fmt)
        return
    box = _bbox(bbox)
    out = sys.stdout
    with opened(db_target, create=False) as db:
        flt = EventFilter(actor=actor_code(db, "actor", actor), source=actor_code(db, "source", source),
                          target=actor_code(db, "target", target), plover=plover.upper() if plover else None,
                          cameo=cameo, since=since, until=until, place_country=_code(place_country), bbox=box,
                          include_all=include_all, limit=limit, group_id=group_id)
        search = EventSearch(query=text) if text else None
        if fmt == "jsonl":
            objects = iter_event_objects(db, flt, search, limit=limit) if search else iter_events(db, flt)
            for event in objects:
                out.write(json.dumps(event, ensure_ascii=False) + "\n")
            out.flush()
            return
        rows = search_rows(db, flt, search, limit=limit) if search else iter_event_rows(db, flt)
        if fmt == "csv":
            writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS)
            writer.writeheader()
            writer.writerows(inert_row(row) for row in rows)
        else:
            _print_table(rows, show_modality=include_all)
    out.flush()


def actor_code(db: Any, option: str, value: str | None) -> str | None:
    """A typed actor as its code: any pack's name or alias, or a stored code; otherwise the nearest names."""
    from relasi.actors.names import name_index
    from relasi.store.analytics import has_actor_code

    if not value or not value.strip():
        return None
    found = name_index().resolve(value.strip())
    if found.code:
        return found.code
    if value.strip().isascii() and " " not in value.strip() and has_actor_code(db, value.strip().upper()):
        return value.strip().upper()
    hint = f"; did you mean: {', '.join(found.suggestions)}?" if found.suggestions else ""
    raise click.BadParameter(f"no actor is named {value!r}{hint}", param_hint=f"--{option}")


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise click.BadParameter("four numbers: west,south,east,north", param_hint="--bbox") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise click.BadParameter("west/east in -180..180, south/north in -90..90, south not above north",
                                 param_hint="--bbox")
    return west, south, east, north


def _code(value: str | None) -> str | None:
    return value.strip().upper() if value else None


_GROUP_TABLE = (("id", 6), ("date", 10), ("source", 7), ("target", 7), ("cameo", 5), ("plover", 9),
                ("ment", 4), ("art", 4), ("src", 4))


def _grouped(db_target: str, actor: str | None, source: str | None, target: str | None, plover: str | None,
             cameo: str | None, since: str | None, until: str | None, limit: int | None, fmt: str) -> None:
    from relasi.store.export import inert_row
    from relasi.store.stories import GROUP_COLUMNS, GroupFilter, iter_groups

    out = sys.stdout
    shown = 0
    with opened(db_target, create=False) as db:
        flt = GroupFilter(actor=actor_code(db, "actor", actor), source=actor_code(db, "source", source),
                          target=actor_code(db, "target", target), plover=plover.upper() if plover else None,
                          cameo=cameo, since=since, until=until, limit=limit)
        rows = iter_groups(db, flt)
        if fmt == "jsonl":
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            writer = csv.DictWriter(out, fieldnames=GROUP_COLUMNS)
            writer.writeheader()
            writer.writerows(inert_row(row) for row in rows)
        else:
            head = "  ".join(name.ljust(size) for name, size in _GROUP_TABLE)
            click.echo(f"{head}  evidence (first of num_mentions; relasi events --group ID lists all)")
            room = max(20, 120 - len(head) - 2)
            for row in rows:
                cells = (row["id"], row["date"] or "", row["source_code"], row["target_code"], row["cameo"],
                         row["plover"] or "", row["num_mentions"], row["num_articles"], row["num_sources"])
                line = "  ".join(str(cell).ljust(size) for cell, (_, size) in zip(cells, _GROUP_TABLE, strict=True))
                sentence = " ".join((row["sentence"] or "").split())
                if len(sentence) > room:
                    sentence = sentence[:room - 1] + "…"
                click.echo(f"{line}  {sentence}")
                shown += 1
            click.echo(f"({shown} grouped events)", err=True)
    out.flush()


def _print_table(rows: Iterator[dict[str, Any]], show_modality: bool = False) -> None:
    """Fixed-width columns, so the table streams: no need to see every row to size the columns. With uncounted
    events shown, a column says how each was told, so a negated threat does not read as a threat."""
    width = 110
    columns = (*_TABLE_COLUMNS, ("told", 14)) if show_modality else _TABLE_COLUMNS
    head = "  ".join(name.ljust(size) for name, size in columns)
    click.echo(f"{head}  sentence")
    room = max(20, width - len(head) - 2)
    shown = 0
    for row in rows:
        goldstein = "" if row["goldstein"] is None else f"{row['goldstein']:.1f}"
        cells: tuple[Any, ...] = (row["date"] or "", row["source_code"], row["target_code"], row["cameo"],
                                  row["plover"] or "", goldstein)
        if show_modality:
            cells += (row["modality"] + (", negated" if row["negated"] else ""),)
        line = "  ".join(str(cell).ljust(size)[:max(size, len(str(cell)))]
                         for cell, (_, size) in zip(cells, columns, strict=True))
        sentence = " ".join(row["sentence"].split())
        if len(sentence) > room:
            sentence = sentence[:room - 1] + "…"
        click.echo(f"{line}  {sentence}")
        shown += 1
    click.echo(f"({shown} events)", err=True)


# -- stats ----------------------------------------------------------------------------------------------

@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of text.")
@limit_option("--top", default=10, minimum=1, help="Rows in the top lists.")
def stats(db_target: str, as_json: bool, top: int) -> None:
    """What the database holds: documents, articles, events by type, top actors and dyads, drops, runs."""
    from relasi.store.queries import stats as read_stats

    with opened(db_target, create=False) as db:
        data = read_stats(db, top=top)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    docs, evs = data["documents"], data["events"]
    lines = [
        f"database   {data['database']} (schema v{data['schema_version']})",
        f"documents  {docs['all']} ({docs['ok']} ok, {docs['dropped']} dropped)",
        f"articles   {data['articles']} in {data['stories']} stories (near-duplicates share one)",
        f"events     {evs['counted']} counted, {evs['all']} in all",
        f"grouped    {data['event_groups']} real-world events (relasi events --grouped)",
    ]
    lines += _section("by PLOVER type (counted)", [(k or "-", n) for k, n in data["by_plover"].items()])
    lines += _section("top actors", [(a["code"], a["events"]) for a in data["top_actors"]])
    lines += _section("top dyads", [(f"{d['source']} -> {d['target']}", d["events"]) for d in data["top_dyads"]])
    lines += _section("dropped by reason", list(data["dropped_by_reason"].items()))
    runs = [(f"#{r['id']} {r['started'][:19]} {r['status']}",
             f"{r['documents']} documents, {r['articles']} articles, {r['events']} events, "
             f"{r['dropped']} dropped, {r['skipped']} skipped") for r in data["last_runs"]]
    lines += _section("last runs", runs)
    click.echo("\n".join(lines))


def _section(title: str, rows: list[tuple[Any, Any]]) -> list[str]:
    if not rows:
        return []
    width = max(len(str(k)) for k, _ in rows)
    return [title] + [f"  {str(k).ljust(width)}  {v}" for k, v in rows]


# -- export ---------------------------------------------------------------------------------------------

def _export_formats() -> dict[str, Any]:
    from relasi.store.export import EXPORTERS

    return EXPORTERS


@click.command()
@db_option
@click.option("--format", "fmt", required=True, type=Registered(_export_formats),
              help="csv or jsonl (parquet when the scale extras are installed).")
@click.option("--table", type=click.Choice(["events", "articles", "documents", "mentions", "event_groups", "all"]),
              default=None, help="What to write (default: events; for parquet, all tables).")
@click.option("--out", required=True, metavar="FILE|DIR", help="Output file, or - for stdout; a directory for parquet.")
def export(db_target: str, fmt: str, table: str | None, out: str) -> None:
    """Write a whole table (events: counted or not) to FILE."""
    from relasi.store.export import EXPORTERS

    table = table or ("all" if fmt == "parquet" else "events")
    if table == "all" and fmt != "parquet":
        raise click.UsageError("--table all writes one folder per table: use it with --format parquet")
    with opened(db_target, create=False) as db:
        try:
            count = EXPORTERS[fmt](db, table, out)
        except OSError as error:
            raise click.ClickException(f"cannot write {out}: {error.strerror or error}") from error
        except ValueError as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"relasi: wrote {count} {'rows' if table == 'all' else table} to {out}", err=True)


@click.command()
@db_option
@limit_option(default=20, help="At most N stories (0: all).")
@click.option("--min-articles", type=click.IntRange(min=1, max=MAX_LIMIT), default=1, show_default=True,
              help="Only stories with at least N distinct articles (2: those with near-duplicates).")
@format_option("table", "jsonl", default="table")
def stories(db_target: str, limit: int, min_articles: int, fmt: str) -> None:
    """List stories, largest first, with their articles (outlet, title, url).

    A story is one article and its near-duplicates: the same text on other outlets' pages, light rewrites.
    Exact copies of an article from other sources are listed under it as copies.
    """
    from relasi.store.stories import iter_stories, story_counts

    out = sys.stdout
    shown = 0
    with opened(db_target, create=False) as db:
        for story in iter_stories(db, limit=limit or None, min_articles=min_articles):
            if fmt == "jsonl":
                out.write(json.dumps(story, ensure_ascii=False, default=str) + "\n")
            else:
                _print_story(story)
            shown += 1
        counts = story_counts(db)
    out.flush()
    click.echo(f"({shown} of {counts['stories']} stories shown; {counts['stories_with_duplicates']} have more "
               f"than one article)", err=True)


def _print_story(story: dict[str, Any]) -> None:
    when = (story["first_published"] or "")[:10]
    click.echo(f"story {story['story_id'][:12]}  {story['articles']} articles, {story['documents']} documents"
               f"{'  ' + when if when else ''}")
    for item in story["items"]:
        similarity = "" if item["similarity"] is None else f"{item['similarity']:.2f}"
        click.echo(f"  {similarity:>4}  {_cell(item['outlet'], 24)}  {_cell(item['title'], 60)}  {item['url'] or ''}")
        for copy in item["copies"]:
            click.echo(f"  {'=':>4}  {_cell(copy['outlet'], 24)}  {_cell('(same text) ' + copy['source'], 60)}"
                       f"  {copy['url'] or ''}")


def _cell(value: str | None, width: int) -> str:
    text = " ".join((value or "-").split())
    return (text[:width - 1] + "…" if len(text) > width else text).ljust(width)


def register(group: click.Group) -> None:
    for command in (events, stats, export, stories):
        group.add_command(command)
