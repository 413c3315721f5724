"""The `relasi` command: one click group; library errors become ClickException only here."""

from __future__ import annotations

import json
import sys

import click

from relasi import __version__
from relasi.model import Dropped
from relasi.settings import Settings

LANG_CHOICE = click.Choice(["auto", "id", "en"])


@click.group()
@click.version_option(__version__, prog_name="relasi")
def main() -> None:
    """relasi: turn news about states dealing with each other into coded events."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--lang", type=LANG_CHOICE, default="auto", show_default=True, help="Language of the input.")
def process(paths: tuple[str, ...], lang: str) -> None:
    """Print one JSON object per document (JSON Lines) with body, metadata, mentions and events.

    PATHS are files, directories or - for one document on stdin. Needs no database.
    """
    from relasi.pipeline import Pipeline
    from relasi.sources import iter_documents

    settings = Settings(lang=lang)
    pipeline = Pipeline(settings)
    failed = 0
    out = sys.stdout
    for item in iter_documents(paths or ("-",), max_bytes=settings.max_bytes):
        result = item if isinstance(item, Dropped) else pipeline.run(item)
        if isinstance(result, Dropped):
            failed += 1
            click.echo(f"relasi: {result.message()}", err=True)
            continue
        out.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
    out.flush()
    if failed:
        sys.exit(1)


def _register_optional_commands() -> None:
    """Commands that live in their own modules register themselves on the group."""
    import importlib

    for name in ("relasi.cli_store", "relasi.cli_dict", "relasi.cli_eval", "relasi.cli_scale", "relasi.cli_web"):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        module.register(main)


_register_optional_commands()
