"""`relasi dict`: validate the actor dictionaries of a language pack and ask what a name resolves to."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from relasi.actors.dictionary import Entry

# Loading relasi.packs pulls in YAML and the automaton; `relasi --help` should not pay for that.
LANGUAGES = ("id", "en")
DATA_DIR_OPTION = click.option(
    "--data-dir", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
    help="Folder holding the language packs (default: the packaged data).",
)


def _data_dir(option: Path | None) -> Path:
    from relasi.packs import DATA_DIR

    return option or DATA_DIR


@click.group(name="dict")
def dict_group() -> None:
    """Actor dictionaries: check a pack, look a name up."""


@dict_group.command()
@click.option("--lang", type=click.Choice([*LANGUAGES, "all"]), default="all", show_default=True,
              help="Pack to check.")
@DATA_DIR_OPTION
def check(lang: str, data_dir: Path | None) -> None:
    """Print one line per problem (file:line: message) and a summary; exit 1 if there is any problem."""
    from relasi.actors.check import check_pack
    from relasi.packs import UnknownLanguage

    langs = LANGUAGES if lang == "all" else (lang,)
    seen: set[str] = set()
    counts: dict[str, int] = {}
    for code in langs:
        try:
            problems = check_pack(code, _data_dir(data_dir))
        except UnknownLanguage as error:
            raise click.ClickException(str(error)) from error
        fresh = [str(p) for p in problems if str(p) not in seen]   # common/people.tsv is shared by every pack
        seen.update(fresh)
        counts[code] = len(fresh)
        for line in fresh:
            click.echo(line)
    for code in langs:
        _print_coverage(code, _data_dir(data_dir))
    total = sum(counts.values())
    detail = ", ".join(f"{code}: {count}" for code, count in counts.items())
    click.echo(f"{total} problem{'s' if total != 1 else ''} ({detail})" if total else f"no problems ({detail})")
    if total:
        sys.exit(1)


@dict_group.command()
@click.argument("name")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Resolve as of this day (YYYY-MM-DD): terms of office depend on it.")
@click.option("--lang", type=click.Choice(LANGUAGES), default="id", show_default=True, help="Pack to use.")
@DATA_DIR_OPTION
def lookup(name: str, day: datetime | None, lang: str, data_dir: Path | None) -> None:
    """Resolve NAME as a tiny article and list the dictionary rows whose name is NAME."""
    from relasi.actors import find_actors
    from relasi.actors.gazetteer import fold
    from relasi.model import Article
    from relasi.packs import UnknownLanguage, load_pack

    folder = _data_dir(data_dir)
    try:
        pack = load_pack(lang, folder)
    except UnknownLanguage as error:
        raise click.ClickException(str(error)) from error
    published = day.date().isoformat() if day else None
    article = find_actors(Article(id="lookup", source="relasi dict lookup", body=name, published=published), pack)
    key = fold(name.strip())
    rows = [e for e in pack.entries if fold(e.name.strip()) == key]
    if not article.mentions and not rows:
        raise click.ClickException(f"{name!r} matches nothing in the {lang} pack")
    as_of = f" on {published}" if published else ""
    if not article.mentions:
        click.echo(f"{name!r} resolves to no actor{as_of}")
    for mention in article.mentions:
        actor = mention.actor
        part = " (part of a wider phrase)" if mention.part else ""
        click.echo(f"{mention.text!r} [{mention.start}:{mention.end}]{part}{as_of}")
        click.echo(f"  code={actor.code} kind={actor.kind} name={actor.name!r} country={actor.country or '-'} "
                   f"sector={actor.sector or '-'} role={actor.role or '-'}")
        for origin in mention.rule.split("+"):
            click.echo(f"  from {origin}: {_raw_row(folder, origin)}")
    if rows:
        click.echo(f"dictionary entries named {name.strip()!r}:")
    for entry in rows:
        flags = ",".join(sorted(entry.flags)) or "-"
        click.echo(f"  {entry.origin}: {entry.name!r} {entry.kind} code={entry.code or '-'} "
                   f"canonical={entry.canonical!r} role={entry.role or '-'} valid {_validity(entry)} flags={flags}")


def _print_coverage(lang: str, data_dir: Path) -> None:
    """The lexicon's reach: surface forms, CAMEO codes with a trigger per root, 3-digit codes with none."""
    from relasi.events.cameo import Codebook
    from relasi.lang.lexicon import coverage, load_lexicon

    folder = data_dir / lang / "lexicon"
    if not folder.is_dir():
        return
    report = coverage(load_lexicon(lang, folder), (c.code for c in Codebook.load()))
    click.echo(f"{lang} lexicon: {report.forms} surface forms, {len(report.codes)} CAMEO codes with a trigger")
    click.echo("  codes with a trigger, by root: " + ", ".join(
        f"{root} {have}/{total}" for root, (have, total) in report.by_root.items()))
    if report.missing:
        click.echo(f"  3-digit codes with no trigger ({len(report.missing)}): {' '.join(report.missing)}")


def _validity(entry: Entry) -> str:
    if entry.valid_from and entry.valid_to:
        return f"{entry.valid_from} to {entry.valid_to}"
    if entry.valid_from or entry.valid_to:
        return f"from {entry.valid_from}" if entry.valid_from else f"until {entry.valid_to}"
    return "always"


def _raw_row(data_dir: Path, origin: str) -> str:
    """The dictionary line behind an origin ("id/actors.tsv:12"), tabs shown as " | "; rule names pass through."""
    file, _, line = origin.rpartition(":")
    path = data_dir / file
    if not file or not line.isdigit() or not path.is_file():
        return "(resolution rule)"
    with path.open(encoding="utf-8") as handle:
        for number, text in enumerate(handle, start=1):
            if number == int(line):
                return " | ".join(text.rstrip("\r\n").split("\t")).rstrip(" |")
    return "(line not found)"


def register(group: click.Group) -> None:
    group.add_command(dict_group)
