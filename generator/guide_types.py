"""Chinese names of the types and models in the field reference.

The guide's readers are Chinese-speaking trainers: a cell reading ``AwareDatetime`` or ``Annotated[str, …]``
tells them nothing, so every type a field can have is named here in Chinese. A type with no name here is
an error when the guide is generated (not a library name leaking into the page), which makes whoever adds
a new kind of field say, in Chinese, what a trainer writes there.
"""

from __future__ import annotations

import types
import typing
from datetime import date
from typing import Any

import annotated_types
from pydantic import AnyHttpUrl, AwareDatetime, BaseModel

from .model.base import Id, Markdown, Text

ALIASES: dict[Any, str] = {
    Id: "标识",
    Markdown: "Markdown 文本",
    Text: "文本",
}
"""The project's own annotated types, recognised by identity before they are unwrapped."""

PLAIN: dict[Any, str] = {
    str: "文本",
    int: "整数",
    float: "数字",
    bool: "是/否",
    AwareDatetime: "日期时间，带时区，如 2026-03-12T13:30+08:00",
    date: "日期，如 2026-03-12",
    AnyHttpUrl: "网址，以 http:// 或 https:// 开头",
}

LEGEND = [
    "表中“类型”一列的写法：",
    "",
    "- **文本**：一行文字，不能为空。",
    "- **Markdown 文本**：可以用 Markdown 排版：空一行分段，`**加粗**`，`- 列表`。写多行时，在键后面写 `|`，"
    "下一行起缩进书写。类型为 Markdown 文本的字段才能用 Markdown 排版。",
    "- **标识**：只用小写字母、数字和 `-`，以字母或数字开头，最长 64 个字符，例如 `complaint-roots`。",
    "- **整数**、**数字**：数字可以带小数，例如 `1.5`。",
    "- **是/否**：写 `true`（是）或 `false`（否）。",
    "- **列表（…）**：每项一行，以 `- ` 开头；括号里是每一项的类型。",
    "- **映射（…）**：`键: 值` 的集合；括号里是值的类型。",
    "- 用 `/` 隔开的几个带代码格式的值：只能写其中之一。",
    "- 链接到本页另一张表的名称：写成一个映射，它的键见那张表。",
    "",
]
"""What each type name in the reference means, printed once at the top of the page."""

MODEL_NAMES: dict[str, str] = {
    # course.yml
    "Course": "课程", "Duration": "课程时间", "Break": "休息", "Instructor": "讲师介绍", "Closing": "结尾环节",
    "FinalAssessment": "结业测评", "DrawRule": "抽题规则", "FacilitatorNotes": "讲师备注",
    "Completion": "结业条件", "RequiredItem": "结业条件中的一项",
    "Handin": "提交方式", "Route": "交法", "Lrs": "学习记录库",
    # lectures
    "Lecture": "讲次", "Section": "节", "Point": "要点", "SubPoint": "子要点", "ActivityRef": "放置活动",
    # activities
    "Case": "案例", "CaseQuestion": "思考题", "Discussion": "互动讨论", "Drill": "场景演练", "Role": "角色",
    "Scenario": "情景模拟", "Scene": "幕", "SceneChoice": "情景选项", "Ending": "结局",
    # homework
    "Homework": "作业或问卷", "TextField": "单行文本字段", "TextArea": "多行文本字段", "Table": "表格字段",
    "Column": "表格列", "Checkboxes": "多选字段", "Choice": "单选字段", "Rating": "评分字段", "RatingItem": "评分项",
    # quizzes
    "QuizBank": "题库", "SingleChoice": "单选题", "MultipleChoice": "多选题", "TrueFalse": "判断题",
    "FillBlank": "填空题", "Ordering": "排序题", "Matching": "配对题", "Pair": "配对", "ShortAnswer": "简答题",
    "Cloze": "多空填空题", "Numeric": "数值题", "DragWords": "拖放填词题",
    "Option": "选项", "Hotspot": "热区题", "RectArea": "矩形区域", "PolygonArea": "多边形区域",
    # submission files
    "Submission": "提交文件", "Trainee": "提交人", "QuizScore": "测验成绩", "QuestionResult": "逐题结果",
}
"""Model class → the name a trainer reads; class names stay out of the page."""


def model_name(model: type[BaseModel]) -> str:
    try:
        return MODEL_NAMES[model.__name__]
    except KeyError:
        raise LookupError(f"{model.__name__} has no Chinese name: add it to MODEL_NAMES in {__name__}") from None


def type_name(tp: Any, link: typing.Callable[[type[BaseModel]], str]) -> str:
    """The Chinese name of ``tp``; ``link`` turns a model into a link to its table."""
    for alias, name in ALIASES.items():
        if tp is alias or tp == alias:
            return name
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:
        return type_name(args[0], link)
    if origin in (typing.Union, types.UnionType):
        return " 或 ".join(type_name(a, link) for a in args if a is not type(None))
    if origin is list:
        return f"列表（{type_name(args[0], link)}）"
    if origin is dict:
        return f"映射（{type_name(args[1], link)}）"
    if origin is typing.Literal:
        return " / ".join(f"`{_literal(a)}`" for a in args)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return link(tp)
    if tp in PLAIN:
        return PLAIN[tp]
    raise LookupError(f"the type {tp!r} has no Chinese name: add it to PLAIN in {__name__}")


def _literal(value: Any) -> str:
    return {True: "true", False: "false"}.get(value, str(value)) if isinstance(value, bool) else str(value)


def models_in(tp: Any) -> list[type[BaseModel]]:
    """Every model a field of type ``tp`` can hold, in the order they appear."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(tp):
        found += models_in(arg)
    return found


def bounds(metadata: list[Any], is_list: bool) -> str:
    """A field's numeric and length limits in words, e.g. ``取值：0 到 100`` or ``至少 1 项``."""
    low: object = None  # a limit of any comparable type: it is only written out
    high: object = None
    min_len = max_len = None
    low_open = high_open = False
    for item in metadata:
        if isinstance(item, annotated_types.Ge):
            low = item.ge
        elif isinstance(item, annotated_types.Gt):
            low, low_open = item.gt, True
        elif isinstance(item, annotated_types.Le):
            high = item.le
        elif isinstance(item, annotated_types.Lt):
            high, high_open = item.lt, True
        elif isinstance(item, annotated_types.MinLen):
            min_len = item.min_length
        elif isinstance(item, annotated_types.MaxLen):
            max_len = item.max_length
    parts = []
    if low is not None and high is not None and not (low_open or high_open):
        parts.append(f"取值：{low} 到 {high}")
    else:
        limits = []
        if low is not None:
            limits.append(f"{'大于' if low_open else '至少'} {low}")
        if high is not None:
            limits.append(f"{'小于' if high_open else '至多'} {high}")
        if limits:
            parts.append("取值：" + "，".join(limits))
    unit = "项" if is_list else "个字符"
    if min_len:
        parts.append(f"至少 {min_len} {unit}")
    if max_len is not None:
        parts.append(f"最多 {max_len} {unit}")
    return "；".join(parts)
