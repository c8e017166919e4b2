"""A trainer's YAML mistake is named in their words, at the mistake itself, with a fix that works.

Each case is a file as a trainer might write it, the one message they read (line, column, message, hint) and the
file as they fix it by following the hint: the fixed file must read without a problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from click.testing import CliRunner

from coursegen.cli import main
from coursegen.load import yamlfile
from coursegen.load.yamlfile import read_yaml
from coursegen.messages import speaking
from tests.coursefiles import COURSE, LECTURE, write_course


class Case(NamedTuple):
    text: str
    line: int
    col: int
    message: str
    hint: str
    fixed: str | None
    """The file once the hint is followed (``None``: the hint names no single fix)."""


BANK_OPTIONS = "questions:\n  - id: q1\n    options:\n      - text: 甲\n{correct}      - text: 乙\n"

CASES = {
    "full-width colon, at the ： and not on the next line": Case(
        "id: one\ntitle：第一讲\nduration_minutes: 60\n", 2, 6,
        "`title` 后面是全角冒号“：”，YAML 只认半角冒号。", "键后面要用半角冒号加一个空格：`title: 第一讲`。",
        "id: one\ntitle: 第一讲\nduration_minutes: 60\n"),
    "full-width colon in a list item, the last line of the file": Case(
        "sections:\n  - id: s1\n    title：一节\n", 3, 10,
        "`title` 后面是全角冒号“：”，YAML 只认半角冒号。", "键后面要用半角冒号加一个空格：`title: 一节`。",
        "sections:\n  - id: s1\n    title: 一节\n"),
    "unclosed quote, at the quote and not at the end of the file": Case(
        "id: one\ntitle: '未闭合\nduration_minutes: 60\n", 2, 8,
        "这个引号 ' 没有配对的另一半，后面的内容都被当成了引号里的文字。", "在这段文字末尾补上 '：`title: '未闭合'`。",
        "id: one\ntitle: '未闭合'\nduration_minutes: 60\n"),
    "unclosed quote that a later quote closes": Case(
        'title: "未闭合\nid: "one"\n', 1, 8,
        '这个引号 " 没有配对的另一半，后面的内容都被当成了引号里的文字。', '在这段文字末尾补上 "：`title: "未闭合"`。',
        'title: "未闭合"\nid: "one"\n'),
    "dedented correct: at its own line, not one line late": Case(
        BANK_OPTIONS.format(correct="    correct: true\n"), 5, 5,
        "`correct` 没有和同一层的键对齐。", "把 `correct` 和上面的 `text` 左对齐（左边空 8 格）。",
        BANK_OPTIONS.format(correct="        correct: true\n")),
    "correct one space short": Case(
        BANK_OPTIONS.format(correct="       correct: true\n"), 5, 8,
        "`correct` 没有和同一层的键对齐。", "把 `correct` 和上面的 `text` 左对齐（左边空 8 格）。",
        BANK_OPTIONS.format(correct="        correct: true\n")),
    "a key indented further than the one above": Case(
        "id: one\n  title: 第一讲\n", 2, 3,
        "`title` 比上一行的 `id` 缩进得多，被接到了 `id` 的值后面。", "把 `title` 和 `id` 左对齐（左边空 0 格）。",
        "id: one\ntitle: 第一讲\n"),
    "no space after a colon": Case(
        "id: one\ntitle:第一讲\nduration_minutes: 60\n", 2, 6,
        "`title:` 的冒号后面少了一个空格。", "在冒号后面加一个空格：`title: 第一讲`。",
        "id: one\ntitle: 第一讲\nduration_minutes: 60\n"),
    "no colon after a key": Case(
        "id: one\nduration_minutes 60\ntitle: 第一讲\n", 2, 1,
        "这一行读不成“键: 值”，也读不成 `- ` 列表项。", "键后面加半角冒号和空格，列表项的 `-` 后面加一个空格，例如 `duration_minutes: 60`。",
        "id: one\nduration_minutes: 60\ntitle: 第一讲\n"),
    "no space after a list dash": Case(
        "options:\n  - text: 甲\n  -乙\n  - text: 丙\n", 3, 3,
        "这一行读不成“键: 值”，也读不成 `- ` 列表项。", "键后面加半角冒号和空格，列表项的 `-` 后面加一个空格，例如 `- 乙`。",
        "options:\n  - text: 甲\n  - 乙\n  - text: 丙\n"),
    "a list item dedented among its siblings": Case(
        "points:\n  - 甲\n  - title: 乙\n    body: 正文\n - 丙\n", 5, 2,
        "这一项 `-` 没有和上面的列表项对齐。", "把 `-` 和上面的 `-` 左对齐（左边空 2 格）。",
        "points:\n  - 甲\n  - title: 乙\n    body: 正文\n  - 丙\n"),
    "a line of a | text dedented": Case(
        "prompt: |\n  第一段\n\n 第二段\nid: one\n", 4, 2,
        "这一行比上面同一段文字缩进得少，那段文字在上一行就结束了。", "和上面的文字左对齐（左边空 2 格）。",
        "prompt: |\n  第一段\n\n  第二段\nid: one\n"),
    "tab indentation, at the tab": Case(
        "sections:\n  - id: s1\n  \ttitle: 一节\n", 3, 3,
        "这一行用 Tab 缩进，YAML 只认空格。", "删去 Tab，改用空格：这一行左边空 4 格，写成 `title: 一节`。",
        "sections:\n  - id: s1\n    title: 一节\n"),
    "a tab after a list dash": Case(
        "points:\n  -\t要点\n", 2, 4,
        "这里用了 Tab 键，YAML 只认空格。", "把 Tab 换成空格：`- 要点`。",
        "points:\n  - 要点\n"),
    "colon and space inside text: their value, quoted": Case(
        "title: 注意: 这里\n", 1, 10,
        "文字里的“冒号加空格”被当成了一个新的键。", '给整段文字加引号：`title: "注意: 这里"`。',
        'title: "注意: 这里"\n'),
    "text already in quotes, then more text: the other quotes, not 'put it in quotes'": Case(
        'title: "甲" 乙\n', 1, 12,
        "引号里的文字到这里已经结束，同一行后面却还有文字。", "整段文字换用另一种引号括起来，里面的引号就能原样保留：`title: '\"甲\" 乙'`。",
        "title: '\"甲\" 乙'\n"),
    "text starting with a symbol: their value, quoted": Case(
        "title: *重要\n", 1, 8,
        "以 * 开头的文字要加引号。", '给整段文字加引号：`title: "*重要"`。',
        'title: "*重要"\n'),
    "text starting with a bracket, more text after it": Case(
        "title: [重要] 说明\n", 1, 8,
        "以 [ 开头的文字要加引号。", '给整段文字加引号：`title: "[重要] 说明"`。',
        'title: "[重要] 说明"\n'),
    "an unclosed bracket, at the bracket": Case(
        "points: [要点\nid: one\n", 1, 9,
        "`[` 没有配对的 `]`。",
        '如果 `[` 用来括起一组值，在末尾补上 `]`：`points: [要点]`；如果它只是文字的一部分，给整段文字加引号：`points: "[要点"`。',
        "points: [要点]\nid: one\n"),
    "a backslash in double quotes, at the backslash": Case(
        'path: "C:\\new\\q"\n', 1, 14,
        "双引号里的反斜杠 `\\` 后面只能跟规定的几个字符，这里的写法读不懂。", "改用单引号，反斜杠就按原样保留：`path: 'C:\\new\\q'`。",
        "path: 'C:\\new\\q'\n"),
    "a second document": Case(
        "id: one\n---\ntitle: 第一讲\n", 2, 1,
        "`---` 在文件中间开始了第二份内容，一个课程文件只能有一份。", "删去这一行 `---`；如果后面是另一讲或另一个题库，把它移到一个新文件里。",
        "id: one\ntitle: 第一讲\n"),
    "a list item among keys": Case(
        "id: one\n- 第一讲\n", 2, 1,
        "这一行和上面的内容在同一层，但一边是 `- ` 列表项，一边是“键: 值”。",
        "同一层只能写一种：把这一行缩进到它所属的键下面，或者把所有行都改成同一种写法。", None),
    "a control character, at the character": Case(
        "title: 铃声\x07\n", 1, 10,
        "这里有一个看不见的控制字符（U+0007），常见于从其他程序复制来的文字。", "删去这个字符：删掉这里前后的几个字，再重新输入。",
        "title: 铃声\n"),
    "a date that does not exist": Case(
        "deadline: 2026-02-30\n", 1, 11,
        "`2026-02-30` 像是日期，但没有这一天（或这个时刻）。", '改成真实的日期（年-月-日）；如果它是一段文字，加引号：`deadline: "2026-02-30"`。',
        'deadline: "2026-02-30"\n'),
    "a tag": Case(
        "title: !foo 第一讲\n", 1, 8,
        "coursegen 不认识 `!foo` 这个标记。", "删去 `!foo`：`title: 第一讲`。",
        "title: 第一讲\n"),
    "only a comment": Case(
        "# 第一讲\n", 1, 1,
        "文件里没有内容（空文件，或者只有注释）。", "课程文件一行写一个键和它的值，键后面是半角冒号加空格，例如 `id: one`。",
        "# 第一讲\nid: one\n"),
}


def read(path: Path, text: str) -> tuple[object, list[tuple[int, int, str, str | None]]]:
    path.write_text(text, encoding="utf-8")
    with speaking("zh"):
        doc, problems = read_yaml(path)
    return doc, [(p.line, p.col, p.message, p.hint) for p in problems]


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_each_mistake_is_named_at_its_place_and_the_hint_fixes_it(case: Case, tmp_path: Path) -> None:
    _doc, found = read(tmp_path / "one.yml", case.text)
    assert found == [(case.line, case.col, case.message, case.hint)]
    if case.fixed is not None:
        doc, after = read(tmp_path / "one.yml", case.fixed)
        assert doc is not None and after == []


def test_a_key_that_cannot_be_read_is_left_out_and_the_rest_keeps_its_place(tmp_path: Path) -> None:
    doc, found = read(tmp_path / "one.yml", "2026-02-30: 1\nid: one\n")
    assert found == [(1, 1, "`2026-02-30` 像是日期，但没有这一天（或这个时刻）。",
                      '改成真实的日期（年-月-日）；如果它是一段文字，加引号：`"2026-02-30": 1`。')]
    assert isinstance(doc, yamlfile.YamlDoc) and doc.data == {"id": "one"} and doc.where(("id",)) == (2, 5)


def test_a_file_too_large_and_references_expanding_too_far(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{b}: &{b} [{', '.join([f'*{a}'] * 10)}]\n" for a, b in zip("abcde", "bcdef", strict=True))
    assert read(tmp_path / "one.yml", laughs)[1] == [
        (1, 1, "把引用（`*名字`）展开后，文件里的值超过了 200,000 个。", "课程文件用不到 `&` 和 `*` 引用：删去它们，把内容直接写出来。")]
    monkeypatch.setattr(yamlfile, "MAX_FILE_BYTES", 1000)
    assert read(tmp_path / "one.yml", "title: " + "长" * 400 + "\n")[1] == [
        (1, 1, "文件有 1,208 字节，课程文件最多 1,000 字节。",
         "检查是不是放错了文件（例如图片或导出的数据）；内容确实很多时，拆成几个文件。")]


@pytest.mark.parametrize(("mistake", "expected"), [
    (("title: 第一讲", "title：第一讲"),
     "course/lectures/one.yml:2:6: `title` is followed by a full-width colon \"：\"; YAML needs a half-width one\n"
     "    hint: write a half-width colon and a space after the key: `title: 第一讲`\n"),
    (("    points: [要点]\n", "    points:\n      - text: 要点\n     note: 备注\n      - text: 又一点\n"),
     "course/lectures/one.yml:9:6: `note` is not lined up with the keys at its level\n"
     "    hint: line `note` up with `text` above (8 spaces from the left)\n"),
    (("title: 第一讲", "title: '第一讲"),
     "course/lectures/one.yml:2:8: the quote ' is never closed: everything after it was read as quoted text\n"
     "    hint: close it with ' at the end of the text: `title: '第一讲'`\n"),
])
def test_an_english_course_reads_them_in_english(mistake: tuple[str, str], expected: str, workdir: Path) -> None:
    write_course(workdir, {"course/course.yml": COURSE + "language: en\n", "course/lectures/one.yml": LECTURE.replace(*mistake)})
    with speaking("zh"):  # the command speaks the course's language; the tests after this one speak Chinese again
        result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.output.startswith(expected)
