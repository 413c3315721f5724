"""`relasi serve`: the read-only API and dashboard (relasi.web) over a database, with uvicorn.

FastAPI and uvicorn load only when the command runs, so `relasi --help` stays fast.
"""

from __future__ import annotations

import ipaddress

import click

from relasi.cli.options import db_option


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
def serve(db_target: str, host: str, port: int) -> None:
    """Serve the dashboard and the JSON API (/api, docs at /api/docs) over the database, read-only.

    An ingest may write to the same database meanwhile: pages show each committed batch as it lands.
    """
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


def register(group: click.Group) -> None:
    group.add_command(serve)
