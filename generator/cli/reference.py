"""The guide's command reference (``cli.md``), made from the commands themselves so it never drifts from them."""

from __future__ import annotations

import click

from ..catalogue import FALLBACK
from ..messages import speaking
from .layout import paragraphs
from .speaking import command_help, command_path, option_row


def cli_markdown(group: click.Group) -> str:
    """The command reference: each command's help, usage and options, in the guide's language (the catalogue's)."""
    out = ["# 命令参考", "", "本页由 `coursegen guide` 根据命令行定义自动生成，请勿手工修改。", ""]
    with speaking(FALLBACK):
        for sub in _commands(click.Context(group, info_name="coursegen")):
            words = sub.command_path
            out += [f"## `{words}`", ""]
            out += [line for paragraph in paragraphs(command_help(command_path(sub))) for line in (paragraph, "")]
            out += ["```", " ".join([words, *sub.command.collect_usage_pieces(sub)]), "```", ""]
            rows = [option_row(p, sub) for p in sub.command.params if isinstance(p, click.Option) and not p.hidden]
            if rows:
                out += ["| 选项 | 说明 |", "| --- | --- |"]
                out += [f"| `{names}` | {text.replace('|', chr(92) + '|')} |" for names, text in rows]
                out.append("")
    return "\n".join(out).rstrip() + "\n"


def _commands(ctx: click.Context) -> list[click.Context]:
    """A context for every command below ``ctx``'s group, depth first, each with its parents (as a run has)."""
    found: list[click.Context] = []
    group = ctx.command
    assert isinstance(group, click.Group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None:
            continue
        sub = click.Context(command, info_name=name, parent=ctx)
        found.append(sub)
        if isinstance(command, click.Group):
            found += _commands(sub)
    return found
