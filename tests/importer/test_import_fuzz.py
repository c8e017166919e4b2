"""Any mix of the genre's pieces imports to valid course files or stops with a user error, never a traceback."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given, settings
from hypothesis import strategies as st

from coursegen.errors import UserError
from coursegen.importer import import_outline

PIECES = [
    "第一讲", "第二章 服务", "讲投诉管理", "五讲声誉", "模块三：", "第一天", "一、", "（二）节", "1.", "2）要点", "(3)", "①", "3.]",
    "课程背景：", "课程收益", "课程对象：柜员、主管等", "课程时间：2天", "课程时间：90天", "课程大纲：", "讲师介绍", "曾任：", "擅长领域：",
    "案例分析:", "互动讨论：如何", "分组场景模拟演练:", "作业：", "总结与回顾", "张三老师专家", "推荐阅读----", "【", "】", "Ø", "²",
    "•", " ", "　", "：", "（90分钟）", "第 2 页", "2021年", "——", "服务", "客户投诉", "3.15", "本讲小结",
    "09:00-10:30 ", "16:30-09:00", "上午", "下午：", "第二天", "茶歇", "午餐", "签到", "答疑", "第二部分:", ",", ":", "1,000",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=6).map("".join), min_size=1, max_size=25))
def test_random_outlines_import_or_fail_cleanly(lines: list[str]) -> None:
    with TemporaryDirectory() as folder:
        path = Path(folder) / "outline.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        try:
            imported = import_outline(path)
        except UserError:
            return
        files = imported.files("fuzz")  # each file is validated against its model while it is written
        assert "course.yml" in files and any(name.startswith("lectures/") for name in files)
