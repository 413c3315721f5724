"""`relasi search QUERY`: full-text search over stored articles (title and body) and evidence sentences."""

from __future__ import annotations

import json
import sys

import click

from relasi.cli.options import db_option, format_option, limit_option, opened


@click.command()
@db_option
@click.argument("query")
@click.option("--in", "kind", type=click.Choice(["all", "articles", "events"]), default="all", show_default=True,
              help="Search articles (title and body), events (evidence sentences) or both.")
@limit_option(default=20, minimum=1, help="At most N articles and N events.")
@format_option("table", "jsonl", default="table")
def search(db_target: str, query: str, kind: str, limit: int, fmt: str) -> None:
    """Articles and evidence sentences in which every word and "quoted phrase" of QUERY occurs.

    Articles come best match first with a snippet; events newest first, counted or not, each with how it was
    told (asserted, intended, denied, hypothetical; negated).
    """
    from relasi.store import search as fulltext
    from relasi.store.analytics import EventSearch, events_page
    from relasi.store.queries import EventFilter

    with opened(db_target, create=False) as db:
        articles = fulltext.search_articles(db, query, limit=limit) if kind in ("all", "articles") else None
        found = (events_page(db, EventFilter(include_all=True), EventSearch(query=query, sort="-date"), limit=limit)
                 if kind in ("all", "events") else None)
    if fmt == "jsonl":
        for row in articles.rows if articles else []:
            record = {k: v for k, v in row.items() if k != "body"}
            record.update(kind="article", snippet=fulltext.snippet(row["body"], query))
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        for event in found[1] if found else []:
            sys.stdout.write(json.dumps({"kind": "event", **event}, ensure_ascii=False) + "\n")
        return
    if articles is not None:
        click.echo(f"{articles.total} article{'s' if articles.total != 1 else ''}")
        for row in articles.rows:
            click.echo(f"  {row['published'] or 'undated':<10.10}  {row['outlet'] or '-':<18.18}  {row['title'] or ''}")
            click.echo(f"      {fulltext.snippet(row['body'], query, 160)}")
    if found is not None:
        total, rows = found
        click.echo(f"{total} event{'s' if total != 1 else ''} whose evidence matches")
        for event in rows:
            told = event["modality"] + (", negated" if event["negated"] else "")
            dyad = f"{event['source']['code']}→{event['target']['code']}"
            click.echo(f"  {event['date'] or 'undated':<10}  {dyad}  {event['cameo']:<4} {event['plover'] or '-':<9} "
                       f"{told:<18} {' '.join(event['sentence'].split())}")


def register(group: click.Group) -> None:
    group.add_command(search)
