"""``coursegen lrs``: between a course site and its learning record store."""

from __future__ import annotations

import socket
from pathlib import Path

import click

from ..errors import UserError
from ..messages import say
from .speaking import Group


@click.group(cls=Group)
def lrs() -> None:
    """Tools between a course site and a learning record store (LRS)."""


@lrs.command()
@click.option("--lrs", "lrs_url", required=True)
@click.option("--credentials", "credentials_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--origin", "origins", required=True, multiple=True)
@click.option("--port", default=8760, show_default=True, type=click.IntRange(1, 65535))
@click.option("--host", default="127.0.0.1", show_default=True)
def relay(lrs_url: str, credentials_path: Path, origins: tuple[str, ...], port: int, host: str) -> None:
    """Run the organisation's relay (`auth: relay`): it adds the LRS credentials to the statements course sites send."""
    import uvicorn  # the web server loads only for this command

    from ..relay import read_credentials, relay_app

    app = relay_app(lrs_url, read_credentials(credentials_path), origins)
    try:
        listener = socket.create_server((host, port))
    except OSError as exc:
        raise UserError(say("xapi.relay.cannot_listen", host=host, port=port, reason=exc.strerror or exc)) from exc
    click.echo(say("xapi.relay.listening", host=host, port=port, lrs=lrs_url, origins="、".join(origins)), err=True)
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[listener])


COMMANDS = [lrs]
