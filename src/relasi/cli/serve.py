"""`relasi serve`: the read-only API and dashboard (relasi.web) over a database, with uvicorn.

FastAPI and uvicorn load only when the command runs, so `relasi --help` stays fast.
"""

from __future__ import annotations

import ipaddress

import click

from relasi.cli.options import db_option, opened


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback exposes the data to your network, unauthenticated.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port to listen on.")
@click.option("--datasette", is_flag=True,
              help="Serve the SQLite file with Datasette instead (views, full-text search, relasi's metadata); "
                   "needs `pip install 'relasi[datasette]'`.")
def serve(db_target: str, host: str, port: int, datasette: bool) -> None:
    """Serve the dashboard and the JSON API (/api; /api/docs leads to the API page) over the database, read-only.

    An ingest may write to the same database meanwhile: pages show each committed batch as it lands.
    """
    if datasette:
        _serve_datasette(db_target, host, port)
        return
    import uvicorn

    from relasi.store import StoreError
    from relasi.web import create_app

    loopback = _is_loopback(host)
    try:
        # On loopback only local Host names are accepted (stops DNS rebinding); elsewhere any name is.
        app = create_app(db_target, allowed_hosts=None if not loopback else ("127.0.0.1", "localhost", host))
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    if not loopback:
        click.echo(f"relasi: warning: listening on {host}: anyone who can reach this address can read the data",
                   err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"relasi: serving {app.state.db.display} read-only at http://{shown}:{port}/  (Ctrl-C to stop)",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False)


def _serve_datasette(db_target: str, host: str, port: int) -> None:
    import importlib.util
    import os
    import tempfile
    from pathlib import Path

    from relasi.web.datasette import command, write_metadata

    path = Path(db_target)
    if "://" in db_target or not path.is_file():
        raise click.ClickException(f"Datasette reads SQLite files; no SQLite database at {db_target}")
    if importlib.util.find_spec("datasette") is None:
        raise click.ClickException("Datasette is not installed: pip install 'relasi[datasette]'")
    with opened(db_target, create=False):
        pass   # upgrades an older file first, so the views and the full-text index are there
    # Datasette takes this process's place (exec), so Ctrl-C and SIGTERM reach it and no server is left behind;
    # the metadata file it reads stays in a temporary folder.
    metadata = write_metadata(path, Path(tempfile.mkdtemp(prefix="relasi-datasette-")))
    click.echo(f"relasi: Datasette on {path} at http://{host}:{port}/  (Ctrl-C to stop)", err=True)
    arguments = command(path, metadata, host=host, port=port)
    os.execv(arguments[0], arguments)


def register(group: click.Group) -> None:
    group.add_command(serve)
