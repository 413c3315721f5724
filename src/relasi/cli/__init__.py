"""The `relasi` command: one click group; library errors become ClickException only in this package.

One module per command group: intake (process, ingest, watch), query (events, stats, export, stories), search,
dictionary (dict), evaluation (eval) and serve. Options they share are declared once in options.py.
"""

from __future__ import annotations

import click

from relasi import __version__
from relasi.cli import dictionary, evaluation, intake, query, search, serve


@click.group()
@click.version_option(__version__, prog_name="relasi")
def main() -> None:
    """relasi: turn news about states dealing with each other into coded events."""


for _module in (intake, query, search, dictionary, evaluation, serve):
    _module.register(main)
