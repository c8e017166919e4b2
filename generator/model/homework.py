"""Homework and survey templates (`homework/*.yml`): forms trainees fill in online."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, model_validator

from .base import FACILITATOR_FIELD, FacilitatorNotes, Id, Markdown, StrictModel, Text
from .refusal import refuse


def not_below(form_field: StrictModel, low: str, high: str) -> None:
    """Refuse an upper bound below its lower bound, at the bound the trainer wrote (the upper one if both)."""
    low_value, high_value = getattr(form_field, low), getattr(form_field, high)
    if low_value > high_value:
        at = high if high in form_field.model_fields_set else low
        raise refuse("max_below_min", "{high} {high_value} is smaller than {low} {low_value}",
                     high=high, high_value=high_value, low=low, low_value=low_value, at=(at,))


class _Field(StrictModel):
    id: Id = Field(description="字段标识，在本表单内不能重复；提交文件和报表用它对应答案。")
    label: Text = Field(description="字段标签，学员看到的问题或栏目名。")
    hint: Text | None = Field(default=None, description="显示在标签下面的填写提示。")
    required: bool = Field(default=False, description="是否必填：必填的写 `true`。")


class TextField(_Field):
    """单行文本。"""

    type: Literal["text"] = Field(description="字段类型：单行文本。")
    max_length: int = Field(default=200, gt=0, le=10_000, description="最多字数。")


class TextArea(_Field):
    """多行文本，带字数提示。"""

    type: Literal["textarea"] = Field(description="字段类型：多行文本。")
    min_length: int = Field(default=0, ge=0, le=50_000, description="最少字数。")
    max_length: int = Field(default=5_000, gt=0, le=50_000, description="最多字数，不能小于 `min_length`。")

    @model_validator(mode="after")
    def _bounds(self) -> TextArea:
        not_below(self, "min_length", "max_length")
        return self


class Column(StrictModel):
    """表格的一列。"""

    id: Id = Field(description="列标识，在本表格内不能重复。")
    label: Text = Field(description="列标题。")
    hint: Text | None = Field(default=None, description="这一列的填写提示。")


class Table(_Field):
    """表格：学员可以添加多行，每行一项，例如每行一个投诉案例。"""

    type: Literal["table"] = Field(description="字段类型：表格。")
    columns: list[Column] = Field(min_length=1, description="各列。")
    min_rows: int = Field(default=1, ge=0, le=100, description="必填时至少要填的行数。")
    max_rows: int = Field(default=20, gt=0, le=200, description="最多行数，不能小于 `min_rows`。")

    @model_validator(mode="after")
    def _bounds(self) -> Table:
        not_below(self, "min_rows", "max_rows")
        return self


class Checkboxes(_Field):
    """多选：几个选项，可以勾选任意多个。"""

    type: Literal["checkboxes"] = Field(description="字段类型：多选。")
    options: list[Text] = Field(min_length=1, description="选项。")


class Choice(_Field):
    """单选：几个选项，选一个。"""

    type: Literal["choice"] = Field(description="字段类型：单选。")
    options: list[Text] = Field(min_length=2, description="选项。")


class RatingItem(StrictModel):
    """评分题里要评分的一项。"""

    id: Id = Field(description="评分项标识，在本评分题内不能重复。")
    label: Text = Field(description="评分项的文字，例如 课程内容对工作有帮助。")


class Rating(_Field):
    """评分：问卷里的各项分别按 1–5 分评分。"""

    type: Literal["rating"] = Field(description="字段类型：评分。")
    items: list[RatingItem] = Field(min_length=1, description="要评分的各项。")
    low_label: Text = Field(default="很不满意", description="1 分一端的文字。")
    high_label: Text = Field(default="非常满意", description="5 分一端的文字。")


FormField = Annotated[
    TextField | TextArea | Table | Checkboxes | Choice | Rating,
    Field(discriminator="type"),
]


class Homework(StrictModel):
    """作业或课程评估问卷：学员在线填写的表单，填完导出为提交文件。"""

    id: Id
    title: Text = Field(description="作业或问卷的标题。")
    kind: Literal["homework", "survey"] = Field(default="homework", description="种类：`homework` 作业，`survey` 课程评估问卷。")
    intro: Markdown | None = Field(default=None, description="表单上方的说明。")
    due: AwareDatetime | None = Field(
        default=None, description="截止时间，带时区，例如 2026-03-12T18:00+08:00。"
    )
    anonymous: bool = Field(
        default=False,
        description="匿名问卷：写 `true` 时表单不问姓名、工号和部门，提交文件里也没有这些信息和测验成绩；"
        "HR 报告只把它计入全班的汇总，不计入任何人的名下。只有问卷（`kind: survey`）可以匿名。",
    )
    fields: list[FormField] = Field(min_length=1, description="表单字段，按显示顺序排列，每个用 `type` 写明类型。")
    facilitator: FacilitatorNotes | None = FACILITATOR_FIELD

    @model_validator(mode="after")
    def _anonymous_survey(self) -> Homework:
        """Homework is graded per person, so only a survey can be anonymous: refused at the `anonymous` line."""
        if self.anonymous and self.kind != "survey":
            raise refuse("anonymous_homework", "only a survey (kind: survey) can be anonymous", at=("anonymous",))
        return self

