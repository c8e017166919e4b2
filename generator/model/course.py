"""The course outline: metadata, lectures, sections, points and where activities sit."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from .base import FACILITATOR_FIELD, FacilitatorNotes, Id, Markdown, StrictModel, Text
from .handin import Handin
from .lrs import Lrs
from .refusal import refuse

TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"
"""A time of day as a timetable writes it: ``09:00``, 24-hour, two digits each."""


class ActivityRef(StrictModel):
    """放置活动：在大纲的这个位置放一项活动，每项只写下面的一个键，例如 `- case: chizi-event`。"""

    KINDS: ClassVar[tuple[str, ...]] = ("case", "discussion", "drill", "scenario", "homework", "quiz")
    RULE: ClassVar[str] = "one_activity"
    """The refusal (``validate.rule.<RULE>``) when not exactly one of ``KINDS`` is given."""

    case: Id | None = Field(default=None, description="`cases/` 中一个案例的 id。")
    discussion: Id | None = Field(default=None, description="`discussions/` 中一个互动讨论的 id。")
    drill: Id | None = Field(default=None, description="`drills/` 中一个场景演练的 id。")
    scenario: Id | None = Field(default=None, description="`scenarios/` 中一个情景模拟的 id。")
    homework: Id | None = Field(default=None, description="`homework/` 中一份作业或评估问卷的 id。")
    quiz: Id | None = Field(default=None, description="`quizzes/` 中一个题库的 id。")

    @model_validator(mode="after")
    def _exactly_one(self) -> ActivityRef:
        given = [kind for kind, ref in self.items() if ref]
        if len(given) != 1:
            raise refuse(self.RULE, "give exactly one of {kinds} (found {n})", kinds=", ".join(self.KINDS), n=len(given))
        return self

    def items(self) -> list[tuple[str, str | None]]:
        """(kind, id) pairs in a fixed order, the one given among them."""
        return [(k, getattr(self, k)) for k in self.KINDS]

    @property
    def kind(self) -> str:
        return next(k for k, ref in self.items() if ref)

    @property
    def ref(self) -> str:
        return next(ref for _, ref in self.items() if ref)


class SubPoint(StrictModel):
    """子要点：大纲里编号为 1) 2) 的一级。"""

    title: Text = Field(description="子要点标题。")
    body: Markdown | None = Field(default=None, description="标题下面的简短说明。")


class Point(StrictModel):
    """要点：大纲里编号为 1. 2. 的一级。"""

    title: Text = Field(description="要点标题。")
    body: Markdown | None = Field(default=None, description="标题下面的简短说明。")
    points: list[Text | SubPoint] = Field(
        default_factory=list,
        description="子要点：每项写一个标题，或写成带 `title` 和 `body` 的映射。",
    )

    def sub_points(self) -> list[SubPoint]:
        return [p if isinstance(p, SubPoint) else SubPoint(title=p) for p in self.points]


class Section(StrictModel):
    """节：大纲里编号为 一、 二、 的一级。"""

    id: Id
    title: Text = Field(description="节标题。")
    body: Markdown | None = Field(default=None, description="要点之前的导语。")
    points: list[Text | Point] = Field(
        default_factory=list,
        description="要点：每项写一个标题，或写成带 `title`、`body` 和 `points` 的映射。",
    )
    activities: list[ActivityRef] = Field(
        default_factory=list, description="放在本节末尾的活动，按顺序排列。"
    )
    facilitator: FacilitatorNotes | None = FACILITATOR_FIELD

    def full_points(self) -> list[Point]:
        return [p if isinstance(p, Point) else Point(title=p) for p in self.points]


class Lecture(StrictModel):
    """讲次：一讲（或一章）是网站的一页，单独放在一个文件里。"""

    id: Id
    label: Text | None = Field(
        default=None,
        description="序号，照大纲的写法，例如 第一章、第二讲。"
        "不写时按这一讲在 `lectures` 里的位置写作 第N讲。",
    )
    title: Text = Field(description="讲次标题。")
    duration_minutes: int = Field(gt=0, le=24 * 60, description="计划时长（分钟），用于排课程安排。")
    day: int | None = Field(
        default=None, ge=1, le=60,
        description="多天的课程中这一讲排在第几天，例如 2。不写时接着上一讲排，当天排满了就排到下一天。",
    )
    summary: Markdown | None = Field(default=None, description="显示在页面顶部的一段概述。")
    objectives: list[Text] = Field(default_factory=list, description="学习目标：学完这一讲学员能做到什么。")
    sections: list[Section] = Field(min_length=1, description="各节，按讲授顺序排列。")
    activities: list[ActivityRef] = Field(
        default_factory=list, description="放在本讲末尾的活动，按顺序排列。"
    )
    facilitator: FacilitatorNotes | None = FACILITATOR_FIELD


class Break(StrictModel):
    """课程安排中的一次休息，例如 10:30–10:45 茶歇；每天都有。"""

    start: str = Field(pattern=TIME_PATTERN, description="开始时间（时:分），要加引号，例如 \"10:30\"。")
    end: str = Field(pattern=TIME_PATTERN, description="结束时间（时:分），要加引号，例如 \"10:45\"。")
    title: Text = Field(default="茶歇", description="课程安排中这一行的名称，例如 茶歇、课间休息。")


class Duration(StrictModel):
    """课程时间：计划的天数和每天的课时，例如 1 天 × 6 小时。"""

    days: float = Field(gt=0, le=60, description="天数，可以写小数，例如 0.5。")
    hours_per_day: float = Field(gt=0, le=24, description="每天的课时（小时），可以写小数，例如 1.5。")
    day_start: str = Field(default="09:00", pattern=TIME_PATTERN, description="每天开始上课的时间（时:分，24 小时制），用于排课程安排。")
    lunch_start: str | None = Field(default="12:00", pattern=TIME_PATTERN, description="午休开始时间（时:分）；写 null 表示没有午休。")
    lunch_end: str | None = Field(default="13:30", pattern=TIME_PATTERN, description="午休结束时间（时:分）。")
    breaks: list[Break] = Field(default_factory=list, description="午休以外的休息（如茶歇），每天按时间排进课程安排。")

    @property
    def minutes(self) -> int:
        return round(self.days * self.hours_per_day * 60)


class Instructor(StrictModel):
    """讲师介绍，显示在课程首页。"""

    name: Text = Field(description="讲师姓名。")
    title: Text | None = Field(default=None, description="一句话介绍，例如 客户服务培训讲师。")
    highlights: list[Text] = Field(default_factory=list, description="经历与资历，每条一项。")
    former_roles: list[Text] = Field(default_factory=list, description="曾任的职务，每条一项。")
    expertise: list[Text] = Field(default_factory=list, description="擅长领域，每条一项。")


class Closing(StrictModel):
    """结尾环节：一天课程最后的总结与回顾。"""

    title: Text = Field(default="总结与回顾", description="结尾环节的标题。")
    duration_minutes: int = Field(default=0, ge=0, le=24 * 60, description="时长（分钟），计入课程安排。")
    body: Markdown | None = Field(default=None, description="结尾环节的内容。")
    facilitator: FacilitatorNotes | None = FACILITATOR_FIELD


class DrawRule(StrictModel):
    """抽题规则：从一个题库随机抽取 `count` 道题。"""

    bank: Id = Field(description="`quizzes/` 中一个题库的 id。")
    count: int = Field(gt=0, description="抽取的题数。")


class FinalAssessment(StrictModel):
    """结业测评：每次作答时从几个题库中随机抽题组卷。"""

    id: Id
    title: Text = Field(description="结业测评的标题。")
    pass_mark: int = Field(ge=0, le=100, description="及格线：总分的百分比。")
    draw: list[DrawRule] = Field(min_length=1, description="抽题规则，每个题库一条。")
    intro: Markdown | None = Field(default=None, description="测评开始前的说明。")


class RequiredItem(ActivityRef):
    """结业条件中的一项：每项只写下面的一个键，例如 `- homework: action-plan`。"""

    KINDS: ClassVar[tuple[str, ...]] = ("lecture", *ActivityRef.KINDS)
    RULE: ClassVar[str] = "one_required"

    lecture: Id | None = Field(default=None, description="一讲的 id：学员在这一讲点了“标记本讲为已完成”才算完成。")
    case: Id | None = Field(default=None, description="一个案例的 id：每道思考题都作答了才算完成。")
    discussion: Id | None = Field(default=None, description="一个互动讨论的 id：打开过、观察员清单都勾完了才算完成。")
    drill: Id | None = Field(default=None, description="一个场景演练的 id：打开过、观察员清单都勾完了才算完成。")
    scenario: Id | None = Field(default=None, description="一个情景模拟的 id：走到任一结局才算完成。")
    homework: Id | None = Field(default=None, description="一份作业或评估问卷的 id：交出（在线提交或导出提交文件）才算完成。")
    quiz: Id | None = Field(default=None, description="一个题库的 id：自测及格才算完成。")


class Completion(StrictModel):
    """结业条件：学员做完哪些才算学完这门课程，首页的“我的学习”、学习进度页、结业证明和 SCORM 课件包报给学习平台的状态都按这一条规则判断。"""

    lectures: Literal["all", "none"] | None = Field(
        default=None,
        description="`all`：每一讲都要标记为已完成；`none`：讲次不计入。不写时：有结业测评为 `none`，没有为 `all`。",
    )
    final: Literal["pass", "take", "none"] | None = Field(
        default=None,
        description="结业测评：`pass` 要及格，`take` 作答过即可，`none` 不计入。不写时：有结业测评为 `pass`，没有为 `none`。",
    )
    required: list[RequiredItem] = Field(
        default_factory=list,
        description="另外必须完成的项目，按课程顺序写，例如 `- homework: action-plan`、`- case: chizi-event`。",
    )

    def resolved(self, has_final: bool) -> Completion:
        """The rule with every default filled in: what is not written keeps today's behaviour."""
        return Completion(
            lectures=self.lectures or ("none" if has_final else "all"),
            final=self.final or ("pass" if has_final else "none"),
            required=self.required,
        )


Results = Literal["none", "scores", "questions"]
"""What of a trainee's quiz results leaves the browser (see ``Course.results``), in increasing order.

The one place that decides it: hand-in files (``cg-form.js``, through ``render.assets.config_script``) read it, and
so must any future sender of results (an xAPI statement sender, issue 33), so every page's promise stays true.
A SCORM package is the exception the pages state: the LMS records scores whatever this says."""


class Course(StrictModel):
    """课程文件（`course.yml`）：课程信息和按讲授顺序排列的讲次文件。"""

    id: Id
    title: Text = Field(description="课程标题。")
    subtitle: Text | None = Field(default=None, description="副标题，显示在标题下面。")
    language: Literal["zh", "en"] = Field(
        default="zh", description="网站以及测验、表单上按钮和提示的语言：`zh` 中文，`en` 英文。"
        "`zh` 的网站页脚不显示 Material 的英文致谢（Made with Material for MkDocs），"
        "要显示就在 mkdocs.yml 里写 `extra: {generator: true}`。"
    )
    year: int | None = Field(default=None, ge=1990, le=2100, description="课程年份，例如 2026。")
    date: dt.date | None = Field(
        default=None,
        description="上课日期（多天的课程写第一天），例如 2026-03-12；课程首页和学员手册上显示为 3月12日（周四）。",
    )
    background: Markdown = Field(description="课程背景：为什么开设这门课程。")
    benefits: list[Text] = Field(min_length=1, description="课程收益：学员学完能得到什么，每条一项。")
    audience: list[Text] = Field(min_length=1, description="课程对象：这门课程面向谁，每条一项。")
    duration: Duration = Field(description="课程时间。")
    instructor: Instructor | None = Field(default=None, description="讲师介绍。")
    lectures: list[Text] = Field(
        min_length=1,
        description="讲次文件，按讲授顺序排列，路径相对于课程文件夹，例如 lectures/01-intro.yml。",
    )
    mixed_numbering: bool = Field(
        default=False,
        description="讲次序号有意混用不同的词时写 `true`，例如导论写 第一章、其余写 第二讲、第三讲。"
        "默认 `false`：有的讲次写“章”、有的写“讲”时，coursegen 会提醒统一。",
    )
    closing: Closing | None = Field(default=None, description="结尾环节（总结与回顾）。")
    final_assessment: FinalAssessment | None = Field(default=None, description="结业测评。")
    completion: Completion | None = Field(
        default=None,
        description="结业条件：做完哪些才算学完，学习进度、结业证明和 SCORM 课件包都用它。"
        "不写时：有结业测评时测评及格即结业，没有时每一讲都标记为已完成即结业。",
    )
    results: Results = Field(
        default="none",
        description="学员的测验结果有哪些离开浏览器：`none`（默认）提交文件不带任何测验结果；"
        "`scores` 带各测验的最高分和是否及格；`questions` 再加上各测验每道题第一次作答的结果（答对与否、所选答案），"
        "HR 报告据此做题目分析（哪些题答错的人多）。测验页和作业页按这里的设置如实告诉学员。"
        "打包成 SCORM 课件时，LMS 总会记录测验成绩（这是 LMS 的用途），测验页会说明。匿名问卷从不带测验结果。",
    )
    lrs: Lrs | None = Field(
        default=None,
        description="学习记录库（LRS）：写了它，网站把学员完成了哪一讲、测验成绩（按 `results` 的设置）和作业提交"
        "作为 xAPI 学习记录发给它，HR 报告可以用 `--lrs` 从它读取。不写时网站不发送任何学习记录。",
    )
    submission: Handin | None = Field(
        default=None,
        description="提交方式：作业和课程评估交给谁、怎么交（表单服务、邮箱、共享文件夹、即时通讯群）、什么时候截止。"
        "学员在作业页面、学员手册和空白模板上都能看到。",
    )
    search_questions: bool = Field(
        default=False,
        description="让网站搜索也能按题干和选项里的词找到测验（所有选项一视同仁，从不收录哪个是正确答案、反馈和解析）。"
        "默认关闭：题目问的内容讲义里都有，打开后搜索结果里会多出重复讲义内容的测验；课程有几百讲时，每次生成也会变慢。",
    )
    allow_raw_html: bool = Field(
        default=False,
        description="Markdown 文字里的 HTML 原样保留。默认关闭：保留表格、`<br>`、`<sup>` 等无害的 HTML，"
        "去掉脚本（`<script>`）、事件属性（`onerror=` 等）、内嵌框架和 `javascript:` 链接，以防多人编辑的课程混入有害代码。"
        "标题等纯文本字段里的 HTML 总是按原文显示，从不当作 HTML；自测题和案例思考题由网页脚本显示，其中的 HTML 总是清理。",
    )

    def completion_rule(self) -> Completion:
        """The completion rule in force, defaults filled in (see :class:`Completion`)."""
        return (self.completion or Completion()).resolved(self.final_assessment is not None)
