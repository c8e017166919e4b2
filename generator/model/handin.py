"""The hand-in instructions (`submission` in `course.yml`): to whom, how and by when trainees hand in their forms.

One block for the whole course, with an entry per form where a form goes elsewhere (the course
evaluation to the training office's form service, the homework to the trainer by mail). A form's
own deadline stays in its file (`due` in `homework/*.yml`), beside its fields; the block's
`deadline` is the one every other form shares. Pages, the handbook, the printable blanks and the HR
report all read the result of :func:`route_for` and :func:`deadline_for`, so they never disagree.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AnyHttpUrl, AwareDatetime, Field, StringConstraints, model_validator

from .base import Id, Markdown, StrictModel, Text
from .refusal import refuse

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
Email = Annotated[str, StringConstraints(strip_whitespace=True, pattern=EMAIL_PATTERN, max_length=254)]
"""A mail address such as ``training@branch.example.com``: one ``@`` and a dot after it, nothing more is promised."""

CHANNELS = ("url", "email", "folder", "im_group")
"""The ways in, in the order a trainee is told them: one click first, then mail, folder, chat group."""


class Route(StrictModel):
    """交给谁、怎么交：至少写一种提交方式（`url`、`email`、`folder` 或 `im_group`）。"""

    to: Text = Field(description="接收人：姓名或岗位，例如 培训管理岗 王老师。学员页面上显示为“交给：…”。")
    url: AnyHttpUrl | None = Field(
        default=None,
        description="表单服务的网址（内网）。写了它，作业和问卷页面“在线提交”一键发送（POST），"
        "连不上时自动改为导出文件；协议见 HR 手册。",
    )
    email: Email | None = Field(default=None, description="收作业的邮箱，例如 training@branch.example.com。学员把导出的文件作为附件发到这里。")
    folder: Text | None = Field(default=None, description="共享文件夹的路径，例如 \\\\fileserver\\培训\\作业。学员把导出的文件放到这里。")
    im_group: Text | None = Field(default=None, description="即时通讯群的名称，例如 “投诉管理培训 3 月班”群。学员把导出的文件发到群里。")
    note: Markdown | None = Field(default=None, description="补充说明，例如 邮件主题写“作业+工号+姓名”。")

    @model_validator(mode="after")
    def _some_channel(self) -> Route:
        if not any(getattr(self, name) for name in CHANNELS):
            raise refuse("no_channel", "give at least one way to hand in: url, email, folder or im_group")
        return self

    @property
    def channels(self) -> list[tuple[str, str]]:
        """(channel, value) of each way given, in :data:`CHANNELS` order."""
        return [(name, str(value)) for name in CHANNELS if (value := getattr(self, name))]


class Handin(Route):
    """提交方式（`submission`）：作业和课程评估交给谁、怎么交、什么时候截止。

    某份表单交给别人或走别的方式时，在 `forms` 里按表单 id 另写一份；某份表单的截止时间不同时，在该表单文件里写 `due`。
    """

    deadline: AwareDatetime | None = Field(
        default=None,
        description="截止时间，带时区，例如 2026-03-12T13:30+08:00。表单文件里写了 `due` 的，以 `due` 为准。",
    )
    forms: dict[Id, Route] = Field(
        default_factory=dict,
        description="按表单 id 另写的交法（交给谁、怎么交），例如课程评估交给培训管理岗的表单服务。没写的表单用上面的交法。",
    )


def route_for(handin: Handin | None, form_id: str) -> Route | None:
    """Whom and how this form is handed in to: its own entry in ``forms``, else the course's."""
    if handin is None:
        return None
    return handin.forms.get(form_id, handin)


def deadline_for(handin: Handin | None, due: datetime | None) -> datetime | None:
    """A form's deadline: its own ``due``, else the course's ``deadline``."""
    if due is not None:
        return due
    return handin.deadline if handin is not None else None
