"""Activity lines become stub files in the right folder, placed where the outline names them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .outlines import import_text


@pytest.mark.parametrize(
    ("line", "kind", "title"),
    [
        ("案例分析:池子事件", "case", "池子事件"),
        ("案例：小王的汇报", "case", "小王的汇报"),
        ("案例分析池子事件", "case", "池子事件"),
        ("互动讨论:如何为客户“灭火”", "discussion", "如何为客户“灭火”"),
        ("小组讨论：什么情况容易引起曝光？", "discussion", "什么情况容易引起曝光？"),
        ("头脑风暴：降低投诉的十种方法", "discussion", "降低投诉的十种方法"),
        ("分组场景模拟演练:", "drill", ""),
        ("角色扮演：向领导汇报工作", "drill", "向领导汇报工作"),
        ("情景演练 厅堂接待", "drill", "厅堂接待"),
        ("午休作业打卡:总结近半年客户投诉案例", "homework", "总结近半年客户投诉案例"),
        ("课后作业：写一份汇报提纲", "homework", "写一份汇报提纲"),
        ("3. 案例分析：二次升级", "case", "二次升级"),
    ],
)
def test_activity_lines(tmp_path: Path, line: str, kind: str, title: str) -> None:
    imported = import_text(tmp_path, f"第一讲 甲\n一、节\n{line}\n")
    assert [(a.kind, a.title) for a in imported.outline.activities()] == [(kind, title)]
    assert imported.outline.lectures[0].sections[0].activities[0].id == f"{kind}-1"


def test_words_that_only_start_like_an_activity_stay_outline_text(tmp_path: Path) -> None:
    imported = import_text(tmp_path, "第一讲 甲\n一、节\n案例总结\n讨论区的使用\n")
    assert imported.outline.activities() == []
    assert imported.outline.lectures[0].sections[0].body == ["案例总结", "讨论区的使用"]


def test_lines_after_an_activity_describe_it(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲
        一、节
        案例：小王的汇报
        小王在季度会上汇报时被领导打断。
        1.要点
    """)
    case = imported.outline.activities()[0]
    assert case.details == ["小王在季度会上汇报时被领导打断。"]
    assert "background: |\n  小王在季度会上汇报时被领导打断。\n" in imported.files("c")["cases/case-1.yml"]
    assert [p.title for p in imported.outline.lectures[0].sections[0].children] == ["要点"]


def test_several_activities_run_together_on_one_line(tmp_path: Path) -> None:
    imported = import_text(tmp_path, "第一讲 甲\n一、节\n案例分析：1.池子事件 2.二次升级\n")
    assert [(a.id, a.title) for a in imported.outline.activities()] == [("case-1", "池子事件"), ("case-2", "二次升级")]


def test_activity_placement(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲
        互动：开场破冰
        一、节
        案例：乙
        总结与回顾
        课后作业：复盘一起投诉
    """)
    lecture = imported.outline.lectures[0]
    assert [a.id for a in lecture.activities] == ["discussion-1", "homework-1"]  # before any section; after the closing
    assert [a.id for a in lecture.sections[0].activities] == ["case-1"]


def test_stubs_mark_what_the_trainer_must_write(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲
        一、节
        案例分析:池子事件
        分组场景模拟演练:
        午休作业打卡:总结近半年客户投诉案例，写出防范点和改善点。
        作业：投诉复盘
    """)
    files = imported.files("c")
    case = yaml.safe_load(files["cases/case-1.yml"])
    assert case["title"] == "池子事件"
    assert case["background"] == "（待补充：案例背景，即事情发生前的情况）"
    assert case["questions"] == [{"id": "q1", "prompt": "（待补充：思考题）"}]
    drill = yaml.safe_load(files["drills/drill-1.yml"])
    assert drill["title"] == "分组场景模拟演练" and len(drill["roles"]) == 2
    long_task = yaml.safe_load(files["homework/homework-1.yml"])
    assert (long_task["title"], long_task["intro"]) == ("午休作业打卡", "总结近半年客户投诉案例，写出防范点和改善点。")
    short_task = yaml.safe_load(files["homework/homework-2.yml"])
    assert (short_task["title"], short_task["intro"]) == ("投诉复盘", "（待补充：作业要求）")
    assert files["cases/case-1.yml"].startswith("# 导入自 outline.txt 第 3 行：案例分析：池子事件\n")  # punctuation made full-width


def test_a_minimum_length_in_the_task_is_the_answer_fields_minimum(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 投诉处理
        一、受理
        课后作业：写一篇投诉处理心得，不少于500字。
    """)
    homework = yaml.safe_load(imported.files("c")["homework/homework-1.yml"])
    assert homework["fields"][0]["min_length"] == 500
