"""The trainer's guide documents every command and every field, and never drifts from the code."""

from __future__ import annotations

from pathlib import Path

import click

from coursegen.cli import main
from coursegen.guide import cli_markdown, reference_markdown
from coursegen.schema import SCHEMAS, schema_text

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "guide" / "docs"


def all_commands(group: click.Group, prefix: str = "coursegen") -> list[str]:
    names = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        names.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            names += all_commands(command, f"{prefix} {name}")
    return names


def test_cli_reference_is_current() -> None:
    assert (GUIDE / "cli.md").read_text(encoding="utf-8") == cli_markdown(main), "run `coursegen guide` and commit"


def test_field_reference_is_current() -> None:
    assert (GUIDE / "reference.md").read_text(encoding="utf-8") == reference_markdown(), "run `coursegen guide` and commit"


def test_every_command_is_documented() -> None:
    text = (GUIDE / "cli.md").read_text(encoding="utf-8")
    missing = [c for c in all_commands(main) if f"## `{c}`" not in text]
    assert not missing


def test_every_field_of_every_file_is_documented() -> None:
    text = (GUIDE / "reference.md").read_text(encoding="utf-8")
    for model in SCHEMAS.values():
        for key in model.model_fields:
            assert f"| `{key}` |" in text, f"{model.__name__}.{key} is not in the guide"


def test_published_json_schemas_are_current() -> None:
    for name in SCHEMAS:
        path = ROOT / "schemas" / f"{name}.schema.json"
        assert path.read_text(encoding="utf-8") == schema_text(name), f"{path.name} is stale: run `coursegen schema`"
