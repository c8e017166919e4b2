"""Shared building blocks of every course model.

Every model forbids unknown keys: a trainer's typo must be an error with a hint,
never a silently ignored field.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=64),
    Field(
        description="标识：只用小写字母、数字和 -，最长 64 个字符，例如 complaint-roots。"
        "网页地址和学员浏览器里保存进度的位置都用它，改了 id，学员在这一项上的进度会重新开始；改标题不必改 id。",
    ),
]
"""An id (slug) that survives edits of titles and reordering."""

Markdown = Annotated[str, Field(description="Markdown 文本：空一行分段，**加粗**，- 列表。",
                                 json_schema_extra={"contentMediaType": "text/markdown"})]
"""Text a trainee reads as a formatted page; the guide names every field of this type as taking Markdown, and its
schema says so (``contentMediaType``), so the studio gives it an editor with a preview."""
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A non-empty line of plain text."""


class StrictModel(BaseModel):
    """Base of every model read from a trainer's YAML.

    ``defer_build``: pydantic builds a model's validator when it first validates, not at import. Nested
    models (a point, an option) are only ever validated inside their file's model, so their own
    validators are never built, and every command that validates nothing starts faster.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, defer_build=True)


class FacilitatorNotes(StrictModel):
    """讲师备注：只出现在讲师版网站，学员版里没有。"""

    notes: Markdown = Field(description="这一部分怎么带：时间安排、引导语、需要留意的地方。")
    expected_answers: list[Markdown] = Field(
        default_factory=list,
        description="希望听到的回答，每条一项；学员版网站里不会出现。",
    )


FACILITATOR_FIELD = Field(
    default=None,
    description="讲师备注（`notes` 和 `expected_answers`），只出现在讲师版网站，学员版里一个字也没有。",
)
