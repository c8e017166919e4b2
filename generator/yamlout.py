"""Writing YAML the way a trainer writes it, for every command that creates course files."""

from __future__ import annotations

from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Block lists indented under their key, multi-line text as ``|`` blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


class Quoted(str):
    """Text always written in double quotes: a time ("09:00", "10:30"), which YAML 1.1 readers take for a number
    of minutes when it is bare, and which trainers copy, so every time in a written file looks the same."""


def _represent_quoted(dumper: yaml.SafeDumper, text: Quoted) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style='"')


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(Quoted, _represent_quoted)


def dump_yaml(data: Any) -> str:
    """Readable UTF-8 YAML: Chinese kept as is, keys in the order given, long lines not folded."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
