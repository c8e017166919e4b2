"""Case studies, discussions and scenario drills: one YAML file each."""

from __future__ import annotations

from pydantic import Field, ValidationInfo, field_validator

from .base import FACILITATOR_FIELD, FacilitatorNotes, Id, Markdown, StrictModel, Text
from .refusal import refuse


class CaseQuestion(StrictModel):
    """思考题：学员先作答，再展开案例解析。选择题选定后立即显示点评。"""

    id: Id = Field(description="思考题标识，在本案例内不能重复。")
    prompt: Markdown = Field(description="题目。")
    options: list[Text] = Field(
        default_factory=list, description="供选择的选项；不写则由学员写出自己的回答。"
    )
    answer: Text | None = Field(
        default=None,
        description="选择题的参考选项，与 `options` 中的一项一字不差；学员选定后看到自己的选择是否与它一致。",
    )
    feedback: Markdown | None = Field(
        default=None, description="选择题的点评：学员选定后显示，说明为什么参考选项更合适。"
    )

    @field_validator("answer", "feedback")
    @classmethod
    def _only_with_options(cls, value: str | None, info: ValidationInfo) -> str | None:
        """Checked on the key itself, so the message points at the `answer:` (or `feedback:`) line."""
        options = info.data.get("options")
        if value is None or options is None:  # options refused: that is the message
            return value
        if not options:
            raise refuse("needs_options", "`{key}` belongs to a question with `options`", key=info.field_name)
        return value


class Case(StrictModel):
    """案例分析：一个经过虚构处理、供学员分析的案例。"""

    id: Id
    title: Text = Field(description="案例标题。")
    background: Markdown = Field(description="背景：事情发生之前的情况。")
    events: list[Markdown] = Field(min_length=1, description="经过：事情的经过，按先后顺序，每段一项。")
    disputes: list[Text] = Field(default_factory=list, description="争议焦点，每条一项。")
    questions: list[CaseQuestion] = Field(min_length=1, description="思考题。")
    debrief: Markdown = Field(
        description="案例解析：学员作答之前是折叠的；有要写答案的思考题时，学员写下答案后才能展开（只做选择不够）。"
    )
    facilitator: FacilitatorNotes | None = FACILITATOR_FIELD


class _GroupActivity(StrictModel):
    id: Id
    title: Text = Field(description="标题。")
    time_minutes: int = Field(gt=0, le=600, description="限时（分钟）。")
    good_outcome: list[Text] = Field(min_length=1, description="好的结果是什么样的，每条一项。")
    observer_checklist: list[Text] = Field(default_factory=list, description="观察员的检查清单，每条一项。")
    facilitator: FacilitatorNotes | None = FACILITATOR_FIELD


class Discussion(_GroupActivity):
    """互动讨论：小组围绕一个题目展开讨论。"""

    prompt: Markdown = Field(description="讨论题目。")
    questions: list[Text] = Field(default_factory=list, description="引导问题，每条一项。")
    format: Text | None = Field(default=None, description="分组方式，例如 4–6 人一组。")


class Role(StrictModel):
    """演练中的一个角色。"""

    name: Text = Field(description="角色名称，例如 客户、柜员。")
    brief: Markdown = Field(description="角色说明：这个角色知道什么、想要什么。")


class Drill(_GroupActivity):
    """分组场景模拟演练：按角色扮演一个场景。"""

    scenario: Markdown = Field(description="场景说明。")
    roles: list[Role] = Field(min_length=2, description="角色，至少两个。")
    steps: list[Text] = Field(default_factory=list, description="演练步骤，按先后顺序。")
