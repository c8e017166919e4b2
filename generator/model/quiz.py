"""Question banks (`quizzes/*.yml`): the question types and their build-time checks.

Scoring rules, shown to trainees on the quiz page:
- single choice, true/false, fill in the blank: all points or none;
- multiple choice: partial credit, points × max(0, (right ticks − wrong ticks) / number of right options);
- ordering: points × share of items in their right place;
- matching: points × share of pairs matched right (distractors on the right count for nothing);
- cloze and drag the words: points × share of blanks filled right;
- numeric: all points or none; right when the number typed is within the tolerance of the answer;
- image hotspot: all points or none, for a point inside one of the right areas;
- short answer: self-graded against a checklist and counted apart from the score.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from .base import FACILITATOR_FIELD, FacilitatorNotes, Id, Markdown, StrictModel, Text
from .refusal import refuse


class Option(StrictModel):
    """选择题的一个选项。"""

    text: Text = Field(description="选项文字。")
    correct: bool = Field(default=False, description="是否为正确选项：正确的写 `true`。")
    feedback: Markdown | None = Field(default=None, description="学员选了这个选项时显示的反馈。")


class _Question(StrictModel):
    id: Id = Field(description="题目标识，在本题库内不能重复。")
    prompt: Markdown = Field(description="题干，学员看到的题目。")
    points: int = Field(default=1, ge=0, le=100, description="分值。")
    hint: Markdown | None = Field(
        default=None,
        description="提示，一两句话，不要写出答案：学员作答时可以先点“提示”看它，再检查对错；看提示不扣分。简答题不写提示。",
    )
    explanation: Markdown | None = Field(default=None, description="解析，学员作答后显示。")
    facilitator: FacilitatorNotes | None = FACILITATOR_FIELD

    @property
    def auto_graded(self) -> bool:
        return True


class SingleChoice(_Question):
    """单选题：恰好一个正确选项。"""

    type: Literal["single"] = Field(description="题型：单选题。")
    options: list[Option] = Field(min_length=2, description="选项，恰好一个写 `correct: true`。")

    @field_validator("options")
    @classmethod
    def _one_right(cls, options: list[Option]) -> list[Option]:
        """Checked on `options`, where the fix is made."""
        right = sum(o.correct for o in options)
        if right != 1:
            raise refuse("single_right", "a single-choice question needs exactly one option with `correct: true` (found {n})", n=right)
        return options


class MultipleChoice(_Question):
    """多选题：一个或多个正确选项，按比例得分。"""

    type: Literal["multiple"] = Field(description="题型：多选题。")
    options: list[Option] = Field(min_length=2, description="选项，至少一个写 `correct: true`。")

    @field_validator("options")
    @classmethod
    def _some_right(cls, options: list[Option]) -> list[Option]:
        """Checked on `options`, where the fix is made."""
        if not any(o.correct for o in options):
            raise refuse("multiple_right", "a multiple-choice question needs at least one option with `correct: true`")
        return options


class TrueFalse(_Question):
    """判断题：一句陈述，判断对错。"""

    type: Literal["true_false"] = Field(description="题型：判断题。")
    answer: bool = Field(description="正确答案：对写 `true`，错写 `false`。")
    feedback_true: Markdown | None = Field(default=None, description="学员选“对”时显示的反馈。")
    feedback_false: Markdown | None = Field(default=None, description="学员选“错”时显示的反馈。")


class FillBlank(_Question):
    """填空题：学员填写文字，比较时不分大小写、全角半角，忽略首尾空格。"""

    type: Literal["fill"] = Field(description="题型：填空题。")
    accept: list[Text] = Field(min_length=1, description="可接受的答案，填对其中任何一个即得分。")


class Ordering(_Question):
    """排序题：学员把各项排成正确顺序；这里按正确顺序书写，网页上会打乱。"""

    type: Literal["ordering"] = Field(description="题型：排序题。")
    items: list[Text] = Field(min_length=2, description="按正确顺序排列的各项，不能重复。")


class Pair(StrictModel):
    """配对题的一组正确配对。"""

    left: Text = Field(description="左边一项。")
    right: Text = Field(description="与左边一项配对的右边一项。")


class Matching(_Question):
    """配对题：把左边各项与右边各项配对；这里写正确的配对，网页上右边一列会打乱。"""

    type: Literal["matching"] = Field(description="题型：配对题。")
    pairs: list[Pair] = Field(min_length=2, description="正确的配对，左右两边各项都不能重复。")
    distractors: list[Text] = Field(
        default_factory=list,
        description="干扰项：右边一列多出来的、不和任何左项配对的项，与右项一起打乱显示；不能重复，也不能和某个右项相同。",
    )

    @property
    def rights(self) -> list[str]:
        """The right-hand column as written: each pair's right side, then the distractors. The page shows it
        scrambled, and answers number it as shown, so renderers and readers of answers start from this one list."""
        return [p.right for p in self.pairs] + list(self.distractors)


Percent = Annotated[int, Field(ge=0, le=100)]
"""A coordinate on a hotspot question's picture: whole percent of its width (x) or height (y) from the top left
corner, so that an area stays where it belongs however wide the picture is shown; a click is recorded as finely."""


class RectArea(StrictModel):
    """热区题的一个矩形区域。"""

    shape: Literal["rect"] = Field(description="形状：矩形。")
    at: list[Percent] = Field(
        min_length=4, max_length=4,
        description="矩形的位置 `[x, y, 宽, 高]`：左上角离图片左边、上边的距离和矩形的宽、高，都按图片宽或高的百分比写（0–100 的整数），"
        "例如 `[62, 10, 30, 40]`；不能超出图片。",
    )
    label: Text = Field(description="区域的名称，例如“公告栏”：用键盘或读屏软件作答的学员从这些名称里选。")

    @field_validator("at")
    @classmethod
    def _inside(cls, at: list[int]) -> list[int]:
        """Checked on `at`, where the fix is made: an area partly off the picture could never be clicked there."""
        x, y, w, h = at
        if w <= 0 or h <= 0 or x + w > 100 or y + h > 100:
            raise refuse("hotspot.rect", "a rectangle [x, y, w, h] needs w, h above 0 and x + w, y + h at most 100 (found {right}, {bottom})",
                         right=x + w, bottom=y + h)
        return at

    def contains(self, x: float, y: float) -> bool:
        left, top, w, h = self.at
        return left <= x <= left + w and top <= y <= top + h

    @property
    def anchor(self) -> tuple[int, int]:
        """Where a choice of this area by its label puts the answer's point (whole percent, as a click's): its middle."""
        left, top, w, h = self.at
        return round(left + w / 2), round(top + h / 2)


class PolygonArea(StrictModel):
    """热区题的一个多边形区域。"""

    shape: Literal["polygon"] = Field(description="形状：多边形。")
    points: list[Annotated[list[Percent], Field(min_length=2, max_length=2)]] = Field(
        min_length=3,
        description="多边形各个顶点 `[x, y]`，按图片宽、高的百分比写（0–100 的整数），依次连成一圈，至少 3 个，"
        "例如 `[[10, 10], [40, 10], [25, 50]]`。",
    )
    label: Text = Field(description="区域的名称，例如“公告栏”：用键盘或读屏软件作答的学员从这些名称里选。")

    def contains(self, x: float, y: float) -> bool:
        """Even-odd ray casting, as cg-quiz-answers.js grades a click."""
        inside = False
        for (x1, y1), (x2, y2) in zip(self.points, self.points[1:] + self.points[:1]):
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                inside = not inside
        return inside

    @property
    def anchor(self) -> tuple[int, int]:
        """A point inside the polygon: the middle of the first stretch inside it on the line halfway down."""
        ys = [p[1] for p in self.points]
        y = (min(ys) + max(ys)) / 2
        cuts = sorted(x1 + (y - y1) * (x2 - x1) / (y2 - y1)
                      for (x1, y1), (x2, y2) in zip(self.points, self.points[1:] + self.points[:1]) if (y1 > y) != (y2 > y))
        x = (cuts[0] + cuts[1]) / 2 if len(cuts) >= 2 else sum(p[0] for p in self.points) / len(self.points)
        return round(x), round(y)


Area = Annotated[RectArea | PolygonArea, Field(discriminator="shape")]


class Hotspot(_Question):
    """热区题：学员在图片上点出正确的位置；也可以用键盘或读屏软件从区域名称里选。"""

    type: Literal["hotspot"] = Field(description="题型：热区题（在图片上点位置）。")
    image: Text = Field(description="图片：课程 docs 文件夹里的文件，从 docs 算起写路径，例如 `images/counter.png`。")
    alt: Text = Field(description="图片的文字说明（替代文字）：看不见图片的学员靠它知道图上有什么，不要写出答案。")
    areas: list[Area] = Field(min_length=1, description="正确的区域，点在其中任何一个里就得分：每个写 `shape`（`rect` 或 `polygon`）、位置和 `label`。")
    distractor_areas: list[Area] = Field(
        default_factory=list,
        description="干扰区域：图上其他值得一选、但不对的位置，只用于键盘和读屏软件的选择列表；点在图上别处同样算错。",
    )

    @model_validator(mode="after")
    def _apart(self) -> Hotspot:
        """A distractor chosen by its label puts the point at its middle, which must not be graded right."""
        for i, wrong in enumerate(self.distractor_areas):
            x, y = wrong.anchor
            for right in self.areas:
                if right.contains(x, y):
                    raise refuse("hotspot.overlap", "the middle of distractor area {label} lies in the right area {right}",
                                 label=wrong.label, right=right.label, at=("distractor_areas", i))
        return self

    @property
    def labelled(self) -> list[RectArea | PolygonArea]:
        """Every area a keyboard or screen reader user chooses from: the right ones, then the distractors."""
        return [*self.areas, *self.distractor_areas]


BLANK = re.compile(r"\{\{(.*?)\}\}")
"""A cloze blank in its text: ``{{受理|登记}}``, its accepted answers parted by ``|``."""

SLOT = re.compile(r"\[\[(.*?)\]\]")
"""A drag-the-words blank in its text: ``[[倾听]]``, the one word that belongs there."""


def gapped(text: str, marker: re.Pattern[str]) -> list[str]:
    """``text`` split at its blanks: text, blank, text, …, text (odd places are what a blank holds)."""
    return marker.split(text)


def _check_blanks(text: str, marker: re.Pattern[str], rule: str, opener: str) -> None:
    """A cloze or drag-the-words text refused (once, for the first mistake) when a marker is left open, when it has
    no blank or when a blank is empty, since the page could not show the question as written."""
    pieces = gapped(text, marker)
    blanks = pieces[1::2]
    if any(opener in piece for piece in pieces[0::2]):
        raise refuse(f"{rule}.open_blank", "a blank is opened but not closed")
    if not blanks:
        raise refuse(f"{rule}.no_blank", "the text has no blank")
    if any(not b.strip(" |") for b in blanks):
        raise refuse(f"{rule}.empty_blank", "a blank holds no answer")


class Cloze(_Question):
    """多空填空题：一段文字里有几个空，每个空写在 `{{ }}` 里，可接受的几种答案用 `|` 分开；按填对的空的比例得分。"""

    type: Literal["cloze"] = Field(description="题型：多空填空题。")
    text: Text = Field(
        description="带空的文字：每个空写成 `{{答案}}`，一个空有几种可接受的答案时写成 `{{受理|登记}}`；"
        "比较时不分大小写、全角半角，忽略首尾空格。",
    )

    @field_validator("text")
    @classmethod
    def _has_blanks(cls, text: str) -> str:
        """Checked on `text`, where the blanks are written."""
        _check_blanks(text, BLANK, "cloze", "{{")
        return text

    @property
    def blanks(self) -> list[list[str]]:
        """Each blank's accepted answers, in the order of the text."""
        return [[a.strip() for a in b.split("|") if a.strip()] for b in gapped(self.text, BLANK)[1::2]]


class Numeric(_Question):
    """数值题：学员填写一个数，与答案相差不超过允许误差即得分。"""

    type: Literal["numeric"] = Field(description="题型：数值题。")
    answer: float = Field(description="正确的数值，例如 `15` 或 `0.35`。")
    tolerance: float = Field(default=0, ge=0, description="允许误差（绝对值）：填的数与答案相差不超过它即算对；不写为 0，必须完全相等。")
    unit: Text | None = Field(
        default=None,
        description="单位，显示在输入框后面，例如 `天`；学员在数后面写上这个单位也算对，写别的单位不算。",
    )

    @property
    def answer_text(self) -> str:
        return number_text(self.answer)

    @property
    def tolerance_text(self) -> str:
        return number_text(self.tolerance)


def number_text(x: float) -> str:
    """A number as a trainer writes it: 15 not 15.0, 0.35 not 3.5e-01."""
    return f"{x:.10f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


class DragWords(_Question):
    """拖放填词题：把词语拖到文字中的空里（也可以先点词语再点空）；按放对的空的比例得分。"""

    type: Literal["dragwords"] = Field(description="题型：拖放填词题。")
    text: Text = Field(description="带空的文字：每个空写成 `[[正确的词语]]`，例如 `先[[倾听]]，再[[核实]]`；每个词语只能用一次。")
    distractors: list[Text] = Field(default=[], description="干扰词：和正确的词语一起列出、但不属于任何空的词语。")

    @field_validator("text")
    @classmethod
    def _has_blanks(cls, text: str) -> str:
        """Checked on `text`, where the blanks are written."""
        _check_blanks(text, SLOT, "dragwords", "[[")
        return text

    @model_validator(mode="after")
    def _each_word_once(self) -> DragWords:
        """A word shown twice in the pool could not be told apart from its twin, nor its place in the answer."""
        seen: set[str] = set()
        for i, word in enumerate([*self.words, *self.distractors]):
            if word in seen:
                at = ("text",) if i < len(self.words) else ("distractors", i - len(self.words))
                raise refuse("dragwords.repeated", "the word {word} is listed twice", word=word, at=at)
            seen.add(word)
        return self

    @property
    def words(self) -> list[str]:
        """The word of each blank, in the order of the text."""
        return [w.strip() for w in gapped(self.text, SLOT)[1::2]]


class ShortAnswer(_Question):
    """简答题：学员自由作答，再对照参考答案和要点清单自评，不计入得分。"""

    type: Literal["short"] = Field(description="题型：简答题。")
    reference: Markdown = Field(description="参考答案，学员写完自己的答案后显示。")
    checklist: list[Text] = Field(min_length=1, description="要点清单，学员的答案覆盖了哪一条就勾选哪一条。")

    @field_validator("hint")
    @classmethod
    def _no_hint(cls, hint: str | None) -> str | None:
        """A hint comes before a check of a right answer; a short answer has none to check, only a reference
        and a checklist shown after writing, so guidance for writing it belongs in its prompt."""
        if hint is not None:
            raise refuse("short_hint", "a short answer takes no `hint`: it has no right answer to check; write the guidance into `prompt`")
        return hint

    @property
    def auto_graded(self) -> bool:
        return False


Question = Annotated[
    SingleChoice | MultipleChoice | TrueFalse | FillBlank | Ordering | Matching | Cloze | Numeric | DragWords | ShortAnswer | Hotspot,
    Field(discriminator="type"),
]


class QuizBank(StrictModel):
    """题库：`quizzes/` 中的一个文件。"""

    id: Id
    title: Text = Field(description="题库标题，显示在测验页上。")
    intro: Markdown | None = Field(default=None, description="测验开始前的说明。")
    pass_mark: int = Field(default=60, ge=0, le=100, description="及格线：自动评分题目总分的百分比。")
    shuffle: bool = Field(default=False, description="每次作答时打乱题目和选项的顺序。")
    feedback: Literal["on_submit", "immediate"] = Field(
        default="on_submit",
        description="何时显示对错和解析：`on_submit` 全部答完点“提交答案”后一起显示；"
        "`immediate` 每题下方多一个“检查”按钮，答一题查一题（也仍可全部答完再提交），适合边学边练的题库。",
    )
    questions: list[Question] = Field(min_length=1, description="题目，每题用 `type` 写明题型。")

    @model_validator(mode="after")
    def _checks(self) -> QuizBank:
        if self.pass_mark > 0 and self.max_points == 0:
            raise refuse("pass_mark_unreachable", "pass_mark {mark}% cannot be reached: no auto-graded question carries points",
                         mark=self.pass_mark, at=("pass_mark",))
        return self

    @property
    def max_points(self) -> int:
        return sum(q.points for q in self.questions if q.auto_graded)
