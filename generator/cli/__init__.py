"""The ``coursegen`` command. Each module in :data:`COMMAND_MODULES` contributes its commands.

User errors are mapped to a message and exit code 1 here, in one place, so no trainer or HR user
ever sees a Python traceback for a mistake in their files.
"""

from __future__ import annotations

import importlib
import sys

import click

from ..errors import UserError

COMMAND_MODULES = ("course", "importer", "homework", "package", "quiz", "handbook")
"""Modules under ``generator.cli`` that define ``COMMANDS``: a list of click commands."""


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except UserError as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="coursegen")
def main() -> None:
    """Turn a training course written in YAML into a static e-learning site."""


for _name in COMMAND_MODULES:
    for _command in importlib.import_module(f"{__name__}.{_name}").COMMANDS:
        main.add_command(_command)
