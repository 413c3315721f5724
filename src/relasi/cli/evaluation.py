"""`relasi eval DIR`: run the pipeline on every gold file in DIR and score it (relasi.evaluate)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from relasi.cli.options import lang_option
from relasi.evaluate import (
    NONE,
    BadGoldFile,
    Counts,
    GoldDoc,
    Locations,
    Report,
    Tally,
    evaluate,
    igo_table,
    read_gold,
)
from relasi.model import PLOVER_TYPES, Article, Document, Dropped
from relasi.settings import Settings

if TYPE_CHECKING:
    from relasi.actors.dictionary import Entry

EXIT_BAD_GOLD = 1
EXIT_BELOW_FLOOR = 2


@click.command("eval")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@lang_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option("--show-errors", is_flag=True, help="List every false positive and false negative event.")
@click.option("--min-event-f1", type=float, default=None,
              help="Exit with status 2 when event F1 (as printed, 4 decimals) is below this floor.")
def eval_command(directory: Path, lang: str, as_json: bool, show_errors: bool,
                 min_event_f1: float | None) -> None:
    """Score the pipeline against the gold files (*.json) in DIRECTORY.

    Reports precision, recall and F1 for events (type + dyad), dyads alone and entities (by code), and
    accuracy of titles and dates. A bad gold file is reported on stderr and skipped (exit status 1).
    """
    from relasi.pipeline import Pipeline

    paths = sorted(directory.glob("*.json"))
    if not paths:
        raise click.ClickException(f"no *.json gold files in {directory}")
    settings = Settings(lang=lang)
    pipeline = Pipeline(settings)
    igo = igo_table(_pack_entries(settings))
    pairs: list[tuple[GoldDoc, Article | Dropped]] = []
    bad = 0
    for path in paths:
        try:
            gold = read_gold(path, igo)
        except BadGoldFile as error:
            bad += 1
            click.echo(f"relasi eval: bad gold file {error}", err=True)
            continue
        result: Article | Dropped = pipeline.run(Document(source=path.name, content=gold.text, format="text"))
        if isinstance(result, Dropped):
            click.echo(f"relasi eval: pipeline dropped {result.message()}", err=True)
        pairs.append((gold, result))
    report = evaluate(pairs)
    if as_json:
        click.echo(json.dumps(report.to_json(show_errors), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, show_errors))
    if bad:
        sys.exit(EXIT_BAD_GOLD)
    f1 = round(report.events.f1, 4)
    if min_event_f1 is not None and f1 < min_event_f1:
        click.echo(f"relasi eval: event F1 {f1:.4f} is below the floor {min_event_f1:.4f}", err=True)
        sys.exit(EXIT_BELOW_FLOOR)


def _pack_entries(settings: Settings) -> list[Entry]:
    """Dictionary entries of every available pack, so IGO names in gold map to the codes the coder uses."""
    from relasi.packs import UnknownLanguage, load_pack

    entries: list[Entry] = []
    for lang in settings.languages:
        try:
            entries.extend(load_pack(lang).entries)
        except UnknownLanguage:
            continue
    return entries


def format_report(report: Report, show_errors: bool = False) -> str:
    dropped = sum(1 for d in report.docs if d.dropped)
    lines = [f"{len(report.docs)} documents ({dropped} dropped by the pipeline)", ""]
    lines.append(f"{'':<12}{'precision':>10}{'recall':>8}{'f1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
    rows: list[tuple[str, Counts]] = [("events", report.events), ("dyads", report.dyads),
                                      ("entities", report.entities)]
    rows += [(f"  {name}", counts) for name, counts in report.by_type.items()]
    lines += [_counts_line(name, counts) for name, counts in rows]
    if len(report.by_language) > 1:
        lines += ["", "events by language"]
        lines += [_counts_line(f"  {name}", counts) for name, counts in report.by_language.items()]
    lines += ["", *_confusion_lines(report.confusion)]
    lines += ["", f"{'':<12}{'accuracy':>10}{'correct':>8}{'total':>8}"]
    lines += [_tally_line("titles", report.titles), _tally_line("dates", report.dates)]
    lines += ["", *_location_lines(report.locations)]
    if show_errors:
        errors = report.errors()
        lines += ["", f"{len(errors)} event errors (fn: gold event missed, fp: predicted event not in gold)"]
        for row in errors:
            trace = f"  [{row['pattern']}]" if row["pattern"] else ""
            lines.append(f"{row['kind']}  {row['file']}  {row['type']} {row['cameo']}  {row['dyad']}{trace}")
            lines.append(f"      {row['sentence']}")
    return "\n".join(lines)


def _location_lines(loc: Locations) -> list[str]:
    """Where relasi placed the events that gold gives a location (not part of the event scores above)."""
    if not loc.gold:
        return ["locations: no gold event has a location"]
    shares = loc.to_json()
    return [f"locations: {loc.gold} gold events have one ({loc.resolved} resolvable by the gazetteer); "
            f"of the {loc.matched} whose event was found,",
            f"  same country {shares['country_share']:.3f} ({loc.same_country}), "
            f"same place {shares['place_share']:.3f} ({loc.same_place})"]


def _confusion_lines(table: dict[str, dict[str, int]]) -> list[str]:
    """The confusion table of PLOVER types: rows gold, columns predicted, events paired by dyad."""
    columns = [name for name in (*PLOVER_TYPES, NONE) if any(name in row for row in table.values())]
    if not columns:
        return []
    short = {name: name[:4] for name in columns}
    lines = ["PLOVER types, gold (rows) by predicted (columns), events paired by dyad:",
             f"{'':<12}" + "".join(f"{short[c]:>5}" for c in columns)]
    for gold, row in table.items():
        lines.append(f"  {gold:<10}" + "".join(f"{row.get(c, 0) or '.':>5}" for c in columns))
    return lines


def _counts_line(name: str, c: Counts) -> str:
    return f"{name:<12}{c.precision:>10.3f}{c.recall:>8.3f}{c.f1:>8.3f}{c.tp:>6}{c.fp:>6}{c.fn:>6}"


def _tally_line(name: str, t: Tally) -> str:
    return f"{name:<12}{t.accuracy:>10.3f}{t.correct:>8}{t.total:>8}"


def register(group: click.Group) -> None:
    group.add_command(eval_command)
