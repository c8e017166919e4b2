"""The ``coursegen`` command. Each module in :data:`COMMAND_MODULES` contributes its commands.

User errors are mapped to a message and exit code 1 here, in one place, so no trainer or HR user
ever sees a Python traceback for a mistake in their files.
"""

from __future__ import annotations

import importlib
import sys

import click

from ..catalogue import LANGUAGES
from ..errors import UserError
from ..messages import choose
from .speaking import Group

COMMANDS: dict[str, str] = {
    "build": "course",
    "check": "course",
    "guide": "course",
    "new": "course",
    "schema": "course",
    "serve": "course",
    "studio": "studio",
    "import": "importer",
    "homework": "homework",
    "package": "package",
    "quiz": "quiz",
    "handbook": "handbook",
    "lrs": "lrs",
}
"""Command name → module under ``coursegen.cli`` that defines it in its ``COMMANDS`` list.

Modules are imported only when their command runs: `coursegen check` need not load openpyxl or MkDocs.
"""


class _Group(Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        commands: list[click.Command] = importlib.import_module(f"{__name__}.{module}").COMMANDS
        return next(c for c in commands if c.name == cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except UserError as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="coursegen", message="%(prog)s %(version)s")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None)
def main(lang: str | None) -> None:
    """Turn a training course written in YAML into a static e-learning site."""
    choose(lang)
