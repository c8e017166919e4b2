"""The trainer's guide documents every command and every field, and never drifts from the code."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from coursegen.cli import main
from coursegen.cli.reference import cli_markdown
from coursegen.guide import reference_markdown
from coursegen.guide_types import type_name
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
    assert (GUIDE / "cli.md").read_text(encoding="utf-8") == cli_markdown(main), "run `coursegen guide -o guide/docs` and commit"


def test_field_reference_is_current() -> None:
    assert (GUIDE / "reference.md").read_text(encoding="utf-8") == reference_markdown(), "run `coursegen guide -o guide/docs` and commit"


def test_guide_without_an_option_says_what_to_choose_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It once regenerated the reference pages into ./guide/docs of whatever folder it ran in."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["guide"])
    assert result.exit_code == 0, result.output
    assert "--open" in result.output and "-o" in result.output and "--path" in result.output
    assert "请选一项" in result.output, "said in Chinese without a course"
    assert list(tmp_path.iterdir()) == []


def test_guide_o_writes_the_reference_pages_there(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["guide", "-o", str(tmp_path / "pages")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "pages" / "cli.md").read_text(encoding="utf-8") == cli_markdown(main)
    assert (tmp_path / "pages" / "reference.md").read_text(encoding="utf-8") == reference_markdown()


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


LIBRARY_NAMES = re.compile(
    r"AwareDatetime|AnyHttpUrl|HttpUrl|Annotated|Optional|Union|NoneType|StringConstraints|FieldInfo|BaseModel"
    r"|pydantic|typing\.|\bstr\b|\bint\b|\bfloat\b|\bbool\b|\bdict\b|\blist\b"
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def reference_rows() -> list[tuple[int, list[str]]]:
    """(line number, cells) of every field row in reference.md: a trainer reads these, not the code."""
    rows = []
    for number, line in enumerate((GUIDE / "reference.md").read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("| `"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            assert len(cells) == 5, f"reference.md:{number}: expected 5 cells: {line}"
            rows.append((number, cells))
    return rows


def test_every_field_has_a_chinese_description() -> None:
    """A blank or English 说明 cell means a model field lacks its Chinese `Field(description=...)`."""
    rows = reference_rows()
    assert len(rows) > 100
    bad = [f"reference.md:{n}: {cells[0]}: {cells[4]!r}" for n, cells in rows if not CJK.search(cells[4])]
    assert not bad, "\n".join(bad)


def test_type_names_are_chinese_and_no_library_type_leaks() -> None:
    """Type cells and headings name types in Chinese: `AwareDatetime` or a class name means nothing to a trainer."""
    text = (GUIDE / "reference.md").read_text(encoding="utf-8")
    assert not LIBRARY_NAMES.search(text), LIBRARY_NAMES.search(text)
    bad = []
    for number, cells in reference_rows():
        words = set(re.findall(r"[A-Za-z_]{2,}", re.sub(r"`[^`]*`|\]\(#[^)]*\)", "", cells[1]))) - {"Markdown", "http", "https"}
        if words:
            bad.append(f"reference.md:{number}: {cells[1]} ({', '.join(sorted(words))})")
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("### ") and not CJK.search(line.split("{#")[0]):
            bad.append(f"reference.md:{number}: {line}")
    assert not bad, "\n".join(bad)


def test_markdown_fields_are_named_as_markdown() -> None:
    """The reference says which fields take Markdown: exactly those typed `Markdown` in the models."""
    rows = {cells[0] for _, cells in reference_rows() if "Markdown 文本" in cells[1]}
    assert {"`background`", "`prompt`", "`explanation`", "`debrief`", "`notes`"} <= rows
    assert "`title`" not in rows


def test_a_type_without_a_chinese_name_stops_the_generator() -> None:
    """No fallback to the Python name: a new kind of field must be given its Chinese name in guide_types."""
    with pytest.raises(LookupError, match="no Chinese name"):
        type_name(datetime.time, lambda model: model.__name__)

