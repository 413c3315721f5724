"""`relasi stories`: the near-duplicate clusters of the database, each with its articles.

(The scale options of `relasi ingest` — engines, dedup threshold, Parquet — live with that command in
cli_store.py; relasi.cli registers this module's commands when it is present.)
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from relasi.cli_store import _opened, db_option


@click.command()
@db_option
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True,
              help="At most N stories (0: all).")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only stories with at least N distinct articles (2: those with near-duplicates).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def stories(db_target: str, limit: int, min_articles: int, fmt: str) -> None:
    """List stories, largest first, with their articles (outlet, title, url).

    A story is one article and its near-duplicates: the same text on other outlets' pages, light rewrites.
    Exact copies of an article from other sources are listed under it as copies.
    """
    from relasi.store.stories import iter_stories, story_counts

    out = sys.stdout
    shown = 0
    with _opened(db_target, create=False) as db:
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
    group.add_command(stories)
