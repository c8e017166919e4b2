"""The trainer's guide reference pages, generated from the models and the CLI so they never drift.

``coursegen guide -o guide/docs`` rewrites ``reference.md`` (every key of every file) and ``cli.md`` (every command
and option, which ``cli/reference.py`` makes); a test fails when the checked-in copies are stale.
"""

from __future__ import annotations

import inspect
import typing
from pathlib import Path

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from .guide_types import LEGEND, bounds, model_name, models_in, type_name
from .schema import EDITOR_GLOBS, SCHEMAS

TITLES = {
    "course": "课程文件 course.yml",
    "lecture": "讲次文件 lectures/*.yml",
    "case": "案例 cases/*.yml",
    "discussion": "互动讨论 discussions/*.yml",
    "drill": "场景演练 drills/*.yml",
    "scenario": "情景模拟 scenarios/*.yml",
    "homework": "作业与评估 homework/*.yml",
    "quiz": "题库 quizzes/*.yml",
    "submission": "作业提交文件（学员导出的 JSON，格式版本 1 和 2）",
}


def reference_markdown() -> str:
    out = [
        "# 字段参考",
        "",
        "本页由 `coursegen guide` 根据课程模型自动生成，请勿手工修改。每个文件的完整 JSON Schema 在 `schemas/` 中，",
        "编辑器（VS Code + YAML 插件）会据此自动补全并标出错误。完整的文件示例见[完整示例](examples.md)。",
        "",
        *LEGEND,
    ]
    for name, model in SCHEMAS.items():
        where = EDITOR_GLOBS.get(name)
        out += [f"## {TITLES[name]}", ""]
        if where:
            out += [f"文件位置：`{where}`，Schema：`schemas/{name}.schema.json`", ""]
        out += _model_tables(name, model)
    return "\n".join(out).rstrip() + "\n"


def _model_tables(file: str, root: type[BaseModel]) -> list[str]:
    """One table per model reachable from ``root``; anchors carry the file so shared models link within it."""

    def link(model: type[BaseModel]) -> str:
        return f"[{model_name(model)}](#{_anchor(file, model)})"

    out: list[str] = []
    seen: set[type[BaseModel]] = set()
    queue = [root]
    while queue:
        model = queue.pop(0)
        if model in seen:
            continue
        seen.add(model)
        doc = inspect.cleandoc(model.__doc__ or "").splitlines()
        out += [f"### {model_name(model)} {{#{_anchor(file, model)}}}", ""]
        if doc:
            out += [doc[0], ""]
        out += ["| 键 | 类型 | 必填 | 默认值 | 说明 |", "| --- | --- | --- | --- | --- |"]
        hints = typing.get_type_hints(model, include_extras=True)
        for key, field in model.model_fields.items():
            annotation = hints.get(key, field.annotation)
            required = "是" if field.is_required() else "否"
            default = "" if field.is_required() else _default(field)
            out.append(f"| `{key}` | {type_name(annotation, link)} | {required} | {default} | {_description(field)} |")
            queue += [m for m in models_in(annotation) if m not in seen]
        out.append("")
    return out


def _anchor(file: str, model: type[BaseModel]) -> str:
    return f"{file}-{model.__name__.lower()}"


def _description(field: FieldInfo) -> str:
    is_list = typing.get_origin(field.annotation) is list
    limits = bounds(field.metadata, is_list)
    text = (field.description or "") + (f"{limits}。" if limits else "")
    return text.replace("|", "\\|").replace("\n", " ")


def _default(field: FieldInfo) -> str:
    if field.default_factory is not None:
        value = field.default_factory()  # type: ignore[call-arg]
    elif field.default is PydanticUndefined:
        return ""
    else:
        value = field.default
    if value is None or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    return f"`{value}`"


def write_guide(folder: Path, commands: str) -> list[Path]:
    """Write the reference pages into ``folder``: the fields' made here, the ``commands`` page (``cli.md``) as the
    command line makes it (``cli/reference.py``: this layer does not import the commands)."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = {"reference.md": reference_markdown(), "cli.md": commands}
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in pages]
