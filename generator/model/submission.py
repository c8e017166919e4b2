"""The submission file a homework form exports: format ``coursegen-submission``, versions 1 and 2.

Version 1 names its trainee (``trainee``: name, employee id, department). Version 2 is an anonymous course
evaluation (a survey whose form says ``anonymous: true``): no ``trainee`` and no ``quiz_scores``, so nothing in
it names or singles out the person who wrote it. A form that names its trainee still writes version 1, which
every earlier reader accepts; a reader of version 2 reads both. Its JSON Schema is published at
``schemas/submission.schema.json`` (generated from this model).
The checksum lets HR tell a file edited by hand from one the form wrote:
``sha256`` is the SHA-256 of the UTF-8 bytes of the canonical JSON of the whole object without the
``sha256`` key — keys sorted at every level, no spaces (``","`` and ``":"``), non-ASCII kept as is.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Literal

from pydantic import AwareDatetime, Field, model_validator

from .base import StrictModel

FORMAT = "coursegen-submission"
FORMAT_VERSION = 1
"""The version of a file that names its trainee."""
ANONYMOUS_VERSION = 2
"""The version of an anonymous evaluation's file: no trainee, no quiz results."""
VERSIONS = (FORMAT_VERSION, ANONYMOUS_VERSION)

Answer = str | list[str] | list[dict[str, str]] | dict[str, int]
"""text/textarea/choice → str; checkboxes → list of ticked options; table → list of rows; rating → item id → 1..5."""


class Trainee(StrictModel):
    """提交人：学员在表单上填写的身份信息。"""

    name: str = Field(min_length=1, max_length=100, description="学员姓名。")
    employee_id: str = Field(min_length=1, max_length=64, description="员工号。")
    department: str = Field(min_length=1, max_length=200, description="部门。")


QuestionAnswer = bool | int | str | list[int] | list[str] | None
"""As the quiz stores it: single → option index; multiple → indices; true_false → bool; fill → text;
ordering → item indices in the order given; matching → right-hand index per left item (-1: none); cloze → text per
blank; numeric → the text typed; dragwords → index of the word per blank (-1: none); hotspot → [x, y], the point on
the picture in whole percent of its width and height; null → no answer.
Options count as the question bank lists them, whatever order the page showed; ordering items and matching
right-hand sides and the words to drag count as the page lists them (a fixed scramble of the bank's order, see
render.quiz.scrambled)."""


class QuestionResult(StrictModel):
    """学员第一次提交某道题时的结果。"""

    correct: bool = Field(description="第一次作答是否答对（部分得分算答错）。")
    answer: QuestionAnswer = Field(
        description="第一次作答的答案：单选是选项序号（从 0 起，按题库里的顺序）；多选是序号列表；判断是 true/false；"
        "填空和数值题是文字；排序是各项的序号按作答的先后；匹配是每个左项所配右项的序号（-1 未配）；"
        "多空填空是每个空的文字；拖放填词是每个空所放词语的序号（-1 未放）；热区是图上的位置 [x, y]（图片宽、高的百分比，整数）；"
        "没作答是 null。"
        "排序的各项、匹配的右项和拖放填词的词语按网页列出的顺序编号（题库顺序的固定打乱）。",
    )


class QuizScore(StrictModel):
    """学员在一个测验上的成绩。"""

    best: int = Field(ge=0, le=100, description="最高得分（百分制）。")
    passed: bool = Field(description="是否及格。")
    hash: str | None = Field(
        default=None, pattern=r"^[0-9a-f]{16}$",
        description="测验内容的指纹：题目改过之后指纹不同，旧版本的逐题结果不计入题目分析。只在课程写 `results: questions` 时写入。",
    )
    questions: dict[str, QuestionResult] | None = Field(
        default=None,
        description="逐题结果，键是题目 id（结业测评写作 题库id/题目id）。只在课程写 `results: questions` 时写入；"
        "没有这一项的文件照常接收。",
    )


class Submission(StrictModel):
    """一位学员对一份作业或问卷的回答。"""

    format: Literal["coursegen-submission"] = Field(description="文件格式，固定为 `coursegen-submission`。")
    format_version: Literal[1, 2] = Field(description="格式版本：1 是写明提交人的文件；2 是匿名问卷的文件，没有 `trainee` 和 `quiz_scores`。")
    course_id: str = Field(max_length=64, description="课程的 id。")
    homework_id: str = Field(max_length=64, description="作业或问卷的 id。")
    kind: Literal["homework", "survey"] = Field(description="种类：`homework` 作业，`survey` 课程评估问卷。")
    trainee: Trainee | None = Field(default=None, description="提交人：版本 1 必有，版本 2（匿名问卷）没有。")
    answers: dict[str, Answer] = Field(
        description="回答，键是字段 id：单行、多行文本和单选是文本；多选是勾选的选项列表；"
        "表格是行的列表（每行：列 id → 文本）；评分是 评分项 id → 1 到 5 分。",
    )
    quiz_scores: dict[str, QuizScore] = Field(default_factory=dict, description="各测验的成绩，键是题库 id。")
    created_at: AwareDatetime = Field(description="第一次保存的时间。")
    updated_at: AwareDatetime = Field(description="最后一次修改的时间。")
    generator: str = Field(max_length=100, description="生成这个文件的程序和版本，例如 coursegen 0.1.0。")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="校验和：去掉 `sha256` 键之后整个对象的规范 JSON 的 SHA-256，用来发现手工改动过的文件。")

    @model_validator(mode="after")
    def _version_fits(self) -> Submission:
        """A version 1 file names its trainee; a version 2 file is an anonymous survey that carries nothing personal."""
        if self.format_version == FORMAT_VERSION and self.trainee is None:
            raise ValueError("a version 1 file names its trainee")
        if self.format_version == ANONYMOUS_VERSION and (self.trainee is not None or self.quiz_scores or self.kind != "survey"):
            raise ValueError("a version 2 file is an anonymous survey: no trainee, no quiz_scores")
        return self

    @property
    def anonymous(self) -> bool:
        return self.trainee is None


def canonical_bytes(data: dict[str, Any]) -> bytes:
    """The bytes the checksum covers: everything but ``sha256``, canonically serialised.

    A lone UTF-16 surrogate (half an emoji, which a browser's text box can hold) is written as its ``\\uXXXX``
    escape, as the course site's ``JSON.stringify`` writes it: a genuine file with one is checked like any other.
    """
    body = {k: v for k, v in data.items() if k != "sha256"}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""A Python string holds a surrogate only when it is unpaired (a pair is decoded to one character)."""


def checksum(data: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_bytes(data)).hexdigest()
