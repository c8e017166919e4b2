"""The command line in its user's language: help pages and usage errors from the message catalogue.

click writes its help and its own errors in English (through gettext, which would need a compiled translation and
the process's locale). A trainer who reads Chinese gets Chinese instead: every text here comes from the catalogue's
``cli`` part — a command's help from ``cli.help.<path>`` (``homework_report``; ``coursegen`` for the whole command),
an option's from ``cli.option.<path>.<name>`` or, one text for every command that has the option, ``cli.option.<name>``
— so a translator edits ``strings/<language>.yml`` only, and a test holds every command and option to a text in both.

Help speaks ``--lang``, else the language of the course in ``./course``, else Chinese, as the commands' messages do.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import click

from ..messages import catalogue, language, say, speak
from .layout import definitions, paragraphs, wrap

HERE = Path("course")
"""The course whose language help and usage errors speak (unless ``--lang`` chose): the one where the command runs."""


def command_path(ctx: click.Context) -> str:
    """The catalogue's name of the command ``ctx`` runs: its words below ``coursegen``, joined by ``_``."""
    names: list[str] = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return "_".join(reversed(names)) or "coursegen"


def command_help(path: str) -> str:
    """The help of the command at ``path``: paragraphs, the first of which is its summary."""
    return say(f"cli.help.{path}")


def option_help(path: str, name: str) -> str:
    """The help of option ``name`` (its parameter name) of the command at ``path``."""
    own = f"cli.option.{path}.{name}"
    return say(own if own in catalogue(language()) else f"cli.option.{name}")


def summary(text: str) -> str:
    """A command's one-line summary in a list of commands: its help's first sentence, without the full stop."""
    first = paragraphs(text)[0]
    return re.split(r"(?<=[。.])\s", first)[0].rstrip("。.")


def _metavar(param: click.Parameter, ctx: click.Context) -> str:
    """A parameter's placeholder (``路径``, ``[trainee|trainer]``) in the language spoken."""
    if isinstance(param.type, click.Choice):
        return param.make_metavar(ctx)
    word = say(f"cli.metavar.{param.type.name}") if f"cli.metavar.{param.type.name}" in catalogue(language()) else ""
    return word or param.make_metavar(ctx)


class Speaking(click.Command):
    """A command whose help page and usage errors are in the language spoken."""

    def get_help(self, ctx: click.Context) -> str:
        speak(HERE)
        return super().get_help(ctx)

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:
            raise refused(error) from None

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [say("cli.options_metavar")]
        for param in self.get_params(ctx):
            pieces += param.get_usage_pieces(ctx)
        return pieces

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), say("cli.usage"))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        for paragraph in paragraphs(command_help(command_path(ctx))):
            formatter.write_paragraph()
            formatter.write("".join(f"  {line}\n" for line in wrap(paragraph, formatter.width - 2)))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [option_row(option, ctx) for option in self.get_params(ctx)
                if isinstance(option, click.Option) and not option.hidden]
        if rows:
            _table(formatter, say("cli.options"), rows)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """No epilog: every word of the help is the catalogue's."""


class Command(Speaking):
    """Every ``coursegen`` command that is not a group (``@click.command(cls=Command)``)."""


class Group(Speaking, click.Group):
    """A ``coursegen`` command with subcommands; the commands declared on it speak too."""

    command_class = Command
    group_class = type

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [*super().collect_usage_pieces(ctx), say("cli.command_metavar")]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        path = command_path(ctx)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, summary(command_help(name if path == "coursegen" else f"{path}_{name}"))))
        if rows:
            _table(formatter, say("cli.commands"), rows)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        name = click.utils.make_str(args[0])
        if self.get_command(ctx, name) is None and not ctx.resilient_parsing:
            raise Refused(say("cli.error.no_command", name=name) + _did_you_mean(name, self.list_commands(ctx)), ctx)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Refused:
            raise
        except click.UsageError as error:
            raise refused(error) from None


def option_row(option: click.Option, ctx: click.Context) -> tuple[str, str]:
    """One line of the options table: the option's spellings with its placeholder, and its help with extras."""
    names = ", ".join(option.opts) + (f" / {', '.join(option.secondary_opts)}" if option.secondary_opts else "")
    if not option.is_flag and not option.count:
        names += f" {_metavar(option, ctx)}"
    text = " ".join(paragraphs(option_help(command_path(ctx), "help" if set(option.opts) & set(ctx.help_option_names) else option.name or "")))
    extra = option.get_help_extra(ctx)
    notes = []
    if "default" in extra:
        notes.append(say("cli.default", value=extra["default"]))
    if (span := _range(option, "span")):
        notes.append(span)
    if extra.get("required"):
        notes.append(say("cli.required"))
    if notes:
        text += say("cli.notes", notes=say("cli.notes_separator").join(notes))
    return names, text


def _table(formatter: click.HelpFormatter, heading: str, rows: list[tuple[str, str]]) -> None:
    """A headed table of the help page (选项：, 命令：)."""
    formatter.write_paragraph()
    formatter.write(heading + "\n" + "".join(f"{line}\n" for line in definitions(rows, formatter.width, 2)))


def named(param: click.Parameter, ctx: click.Context) -> str:
    """How an error names a parameter: its spellings (``-o / --out``), or an argument's placeholder."""
    return " / ".join(param.opts) if isinstance(param, click.Option) else param.make_metavar(ctx)


def _did_you_mean(name: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=3)
    return say("cli.error.did_you_mean", names=say("cli.or").join(close)) if close else ""


class Refused(click.UsageError):
    """A usage error said in the language spoken: the usage line, where help is, and what was wrong."""

    def show(self, file: IO[Any] | None = None) -> None:
        speak(HERE)
        if self.ctx is not None:
            command = f"{self.ctx.command_path} {self.ctx.help_option_names[0]}"
            click.echo(f"{self.ctx.get_usage()}\n{say('cli.try_help', command=command)}\n", file=file, err=file is None)
        click.echo(say("cli.error.prefix", message=self.format_message()), file=file, err=file is None)


def refused(error: click.UsageError) -> Refused:
    """click's usage ``error`` as the same refusal in the language spoken."""
    ctx = error.ctx
    if isinstance(error, click.MissingParameter) and error.param is not None and ctx is not None:
        kind = "argument" if isinstance(error.param, click.Argument) else "option"
        return Refused(say(f"cli.error.missing_{kind}", name=named(error.param, ctx)), ctx)
    if isinstance(error, click.NoSuchOption):
        return Refused(say("cli.error.no_option", name=error.option_name)
                       + _did_you_mean(error.option_name, error.possibilities or []), ctx)
    if isinstance(error, click.BadOptionUsage):
        needs = "no_value" if "does not take" in error.message else "needs_value"
        return Refused(say(f"cli.error.{needs}", name=error.option_name), ctx)
    if isinstance(error, click.BadParameter) and error.param is not None and ctx is not None:
        return Refused(_bad_value(error, ctx), ctx)
    extra = re.match(r"Got unexpected extra arguments? \((.*)\)$", error.message)
    if extra:
        return Refused(say("cli.error.extra", args=extra.group(1)), ctx)
    return Refused(error.message, ctx)


def _bad_value(error: click.BadParameter, ctx: click.Context) -> str:
    """What is wrong with a value: the choices it may take, a number, or the path check's own (catalogue) words."""
    param = error.param
    assert param is not None
    name = named(param, ctx)
    if isinstance(param.type, click.Choice):
        return say("cli.error.choice", name=name, choices=say("cli.or").join(map(str, param.type.choices)))
    if isinstance(param.type, (click.types.IntParamType, click.types.FloatParamType)):
        return say("cli.error.number", name=name, detail=_range(param))
    return say("cli.error.bad_value", name=name, detail=error.message)


def _range(param: click.Parameter, words: str = "error") -> str:
    """The range a number option allows, in the words of an error (``从 1 到 65535 的``) or of help (``1–65535``)."""
    low, high = getattr(param.type, "min", None), getattr(param.type, "max", None)
    if low is not None and high is not None:
        return say(f"cli.{words}.between", low=low, high=high)
    if low is not None:
        return say(f"cli.{words}.at_least", low=low)
    return ""


class ExistingPath(click.Path):
    """A path that must exist (a folder or a file, as ``file_okay``/``dir_okay`` say), checked in the catalogue's words."""

    def __init__(self, *, file_okay: bool = True, dir_okay: bool = True) -> None:
        super().__init__(exists=False, file_okay=file_okay, dir_okay=dir_okay, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        path = Path(value)
        if not path.exists():
            self.fail(say("cli.error.no_path", path=value), param, ctx)
        if not self.dir_okay and path.is_dir():
            self.fail(say("cli.error.is_folder", path=value), param, ctx)
        if not self.file_okay and not path.is_dir():
            self.fail(say("cli.error.not_folder", path=value), param, ctx)
        return super().convert(value, param, ctx)
