"""The trainer's guide reference pages, generated from the models and the CLI so they never drift.

``coursegen guide -o guide/`` rewrites ``reference.md`` (every key of every file) and ``cli.md``
(every command and option); a test fails when the checked-in copies are stale.
"""

from __future__ import annotations

import inspect
import types
import typing
from pathlib import Path
from typing import Any

import click
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from .schema import EDITOR_GLOBS, SCHEMAS

TITLES = {
    "course": "课程文件 course.yml",
    "lecture": "讲次文件 lectures/*.yml",
    "case": "案例 cases/*.yml",
    "discussion": "互动讨论 discussions/*.yml",
    "drill": "场景演练 drills/*.yml",
    "homework": "作业与评估 homework/*.yml",
    "quiz": "题库 quizzes/*.yml",
    "submission-v1": "作业提交文件（学员导出的 JSON，格式版本 1）",
}


def reference_markdown() -> str:
    out = [
        "# 字段参考",
        "",
        "本页由 `coursegen guide` 根据课程模型自动生成，请勿手工修改。每个文件的完整 JSON Schema 在 `schemas/` 中，",
        "编辑器（VS Code + YAML 插件）会据此自动补全并标出错误。",
        "",
    ]
    for name, model in SCHEMAS.items():
        where = EDITOR_GLOBS.get(name)
        out += [f"## {TITLES[name]}", ""]
        if where:
            out += [f"文件位置：`{where}`，Schema：`schemas/{name}.schema.json`", ""]
        out += _model_tables(model)
    return "\n".join(out).rstrip() + "\n"


def _model_tables(root: type[BaseModel]) -> list[str]:
    out: list[str] = []
    seen: set[type[BaseModel]] = set()
    queue = [root]
    while queue:
        model = queue.pop(0)
        if model in seen:
            continue
        seen.add(model)
        doc = inspect.cleandoc(model.__doc__ or "").splitlines()
        out += [f"### `{model.__name__}`", ""]
        if doc:
            out += [doc[0], ""]
        out += ["| 键 | 类型 | 必填 | 默认值 | 说明 |", "| --- | --- | --- | --- | --- |"]
        for key, field in model.model_fields.items():
            required = "是" if field.is_required() else ""
            default = "" if field.is_required() else _default(field)
            desc = (field.description or "").replace("|", "\\|").replace("\n", " ")
            out.append(f"| `{key}` | {_type_name(field.annotation)} | {required} | {default} | {desc} |")
            queue += [m for m in _models_in(field.annotation) if m not in seen]
        out.append("")
    return out


def _default(field: Any) -> str:
    if field.default_factory is not None:
        value = field.default_factory()
    elif field.default is PydanticUndefined:
        return ""
    else:
        value = field.default
    if value is None or value == [] or value == {}:
        return ""
    return f"`{value}`"


def _type_name(tp: Any) -> str:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        names = [_type_name(a) for a in args if a is not type(None)]
        return " 或 ".join(names)
    if origin is list:
        return f"列表（{_type_name(args[0])}）"
    if origin is dict:
        return f"映射（{_type_name(args[1])}）"
    if origin is typing.Literal:
        return " / ".join(f"`{a}`" for a in args)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"`{tp.__name__}`"
    return {str: "文本", int: "整数", float: "数字", bool: "是/否"}.get(tp, getattr(tp, "__name__", str(tp)))


def _models_in(tp: Any) -> list[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(tp):
        found += _models_in(arg)
    return found


def cli_markdown(group: click.Group) -> str:
    out = ["# 命令参考", "", "本页由 `coursegen guide` 根据命令行定义自动生成，请勿手工修改。", ""]
    ctx = click.Context(group, info_name="coursegen")
    for path, command in _commands(group, ["coursegen"]):
        out += [f"## `{' '.join(path)}`", ""]
        help_text = inspect.cleandoc(command.help or "")
        if help_text:
            out += [help_text, ""]
        with click.Context(command, info_name=path[-1], parent=ctx) as sub:
            usage = " ".join([*path, *command.collect_usage_pieces(sub)])
            out += ["```", usage, "```", ""]
        rows = [p for p in command.params if isinstance(p, click.Option)]
        if rows:
            out += ["| 选项 | 说明 |", "| --- | --- |"]
            for option in rows:
                names = ", ".join(f"`{o}`" for o in option.opts + option.secondary_opts)
                help_text = (option.help or "").replace("|", "\\|")
                out.append(f"| {names} | {help_text} |")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _commands(group: click.Group, prefix: list[str]) -> list[tuple[list[str], click.Command]]:
    found: list[tuple[list[str], click.Command]] = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None:
            continue
        found.append(([*prefix, name], command))
        if isinstance(command, click.Group):
            found += _commands(command, [*prefix, name])
    return found


def write_guide(folder: Path, group: click.Group) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    pages = {"reference.md": reference_markdown(), "cli.md": cli_markdown(group)}
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in pages]
