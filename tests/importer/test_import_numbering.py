"""Each numbering style of Chinese outlines, at each level, with Chinese and Arabic numerals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coursegen.importer.patterns import to_int
from coursegen.numerals import chinese_number as chinese

from .outlines import import_text, shape

Marker = Callable[[int], str]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("第一章", "第二章"),
        ("第一讲", "第二讲"),
        ("第1讲", "第2讲"),
        ("第一部分", "第二部分"),
        ("第一篇", "第二篇"),
        ("模块一", "模块二"),
        ("模块1", "模块2"),
        ("单元一", "单元二"),
        ("第１章", "第２章"),
    ],
)
def test_lecture_heading_styles(tmp_path: Path, first: str, second: str) -> None:
    imported = import_text(tmp_path, f"""
        课程大纲
        {first} 服务意识
        一、认识服务
        {second}：服务技巧
        一、倾听
    """)
    assert [(l.label, l.title) for l in imported.outline.lectures] == [(first.replace("１", "1"), "服务意识"), (second.replace("２", "2"), "服务技巧")]
    assert imported.report.unplaced == []


STYLES: list[tuple[str, Marker, Marker, Marker]] = [
    ("一、 1. 1)", lambda n: f"{chinese(n)}、", lambda n: f"{n}. ", lambda n: f"{n})"),
    ("（一） 1、 （1）", lambda n: f"（{chinese(n)}）", lambda n: f"{n}、", lambda n: f"（{n}）"),
    ("(一) 1． 1）", lambda n: f"({chinese(n)})", lambda n: f"{n}．", lambda n: f"{n}）"),
    ("一、 (1) ①", lambda n: f"{chinese(n)}、", lambda n: f"({n})", lambda n: "①②③"[n - 1]),
    ("1、 (1) ①", lambda n: f"{n}、", lambda n: f"({n})", lambda n: "①②③"[n - 1]),
    ("第一节 一、 1.", lambda n: f"第{chinese(n)}节 ", lambda n: f"{chinese(n)}、", lambda n: f"{n}."),
    ("1.1 1.1.1 •", lambda n: f"1.{n} ", lambda n: f"1.1.{n} ", lambda n: "• "),
]


@pytest.mark.parametrize(("name", "section", "point", "sub"), STYLES, ids=[s[0] for s in STYLES])
def test_section_point_and_sub_point_styles(tmp_path: Path, name: str, section: Marker, point: Marker, sub: Marker) -> None:
    imported = import_text(tmp_path, f"""
        第一讲 有效沟通
        {section(1)}倾听
        {point(1)}听什么
        {sub(1)}听事实
        {sub(2)}听情绪
        {point(2)}怎么听
        {section(2)}回应
        {point(1)}复述
    """)
    assert shape(imported.outline) == [
        ("有效沟通", [
            ("倾听", [("听什么", ["听事实", "听情绪"]), ("怎么听", [])]),
            ("回应", [("复述", [])]),
        ]),
    ]


def test_levels_are_nested_in_the_order_each_lecture_uses_them(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲
        一、节
        （一）要点
        1.子要点
        第二讲 乙
        1.节
        （1）要点
    """)
    assert shape(imported.outline) == [
        ("甲", [("节", [("要点", ["子要点"])])]),
        ("乙", [("节", [("要点", [])])]),
    ]


def test_levels_deeper_than_sub_points_become_its_explanation(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲
        一、节
        1.要点
        1)子要点
        ①细节一
        ②细节二
    """)
    sub = imported.outline.lectures[0].sections[0].children[0].children[0]
    assert (sub.title, sub.body) == ("子要点", ["①细节一", "②细节二"])


def test_outline_without_lecture_headings_takes_its_outer_numbering_as_lectures(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        课程大纲：
        一、服务礼仪的意义
        1.第一印象
        二、仪容仪表
        1.仪容规范
        （1）发型
    """)
    assert [(l.label, l.title) for l in imported.outline.lectures] == [(None, "服务礼仪的意义"), (None, "仪容仪表")]
    assert shape(imported.outline)[1] == ("仪容仪表", [("仪容规范", [("发型", [])])])


def test_a_marker_alone_takes_its_title_from_the_next_line(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲
        沟通的本质
        一、
        沟通的定义
        1.三要素
    """)
    assert shape(imported.outline) == [("沟通的本质", [("沟通的定义", [("三要素", [])])])]


def test_lecture_numbers_are_corrected_to_their_position(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲
        一、节
        第三讲 乙
        一、节
        第5讲 丙
        一、节
    """)
    assert [l.label for l in imported.outline.lectures] == ["第一讲", "第二讲", "第3讲"]
    assert [(e.number, e.reason) for e in imported.report.notes if e.number] == [
        (3, "编号是 3，但它是第 2 讲，标为“第二讲”"),
        (5, "编号是 5，但它是第 3 讲，标为“第3讲”"),
    ]


@pytest.mark.parametrize(("n", "written"), [(10, "十"), (12, "十二"), (20, "二十"), (100, "一百"), (105, "一百零五"), (110, "一百一十"), (1010, "一千零一十"), (2300, "二千三百")])
def test_chinese_numbers_are_written_as_outlines_write_them(n: int, written: str) -> None:
    assert chinese(n) == written


def test_every_lecture_number_a_course_library_reaches_reads_back() -> None:
    assert [to_int(chinese(n)) for n in range(1, 10_000)] == list(range(1, 10_000))
