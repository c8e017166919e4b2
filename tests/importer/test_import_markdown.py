"""Markdown outlines: nested lists stay nested, emphasis markers are not left in titles."""

from __future__ import annotations

from pathlib import Path

from coursegen.importer import import_outline
from coursegen.importer.reader import markdown_lines

from .outlines import FIXTURES, import_text, shape

NESTED = FIXTURES / "nested.md"


def test_nested_bullets_become_points_and_sub_points() -> None:
    imported = import_outline(NESTED)
    assert shape(imported.outline) == [
        ("柜面服务的标准流程", [
            ("服务前的准备", [("仪容仪表检查", []), ("机具与凭证准备", [])]),
            ("办理中的规范", [("唱收唱付", []), ("双人复核的要求", ["大额业务", "特殊业务"])]),
            ("办理后的送别", []),
        ]),
        ("客户异议的处理", [
            ("异议的常见类型", [("对手续费的异议", []), ("对等候时间的异议", [])]),
            ("处理异议的步骤", [("倾听与确认", []), ("解释与替代方案", [])]),
        ]),
    ]
    assert imported.report.unplaced == []


def test_bold_and_italic_markers_are_stripped_everywhere() -> None:
    imported = import_outline(NESTED)
    outline = imported.outline
    assert outline.benefits == ["掌握柜面服务的标准流程", "学会处理常见的客户异议"]
    assert [(a.kind, a.title) for a in outline.activities()] == [("case", "一笔存款的差错"), ("discussion", "客户拒绝补填资料时怎么办？")]
    assert outline.closing_title == "总结与答疑"
    written = "".join(imported.files("c").values())
    assert "*" not in written


def test_a_list_after_a_heading_or_paragraph_starts_again_at_the_top_level(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        ### 第一讲 甲
        - 节一
          - 要点
        ### 第二讲 乙
          - 节二
            - 要点二
    """, name="outline.md")
    assert shape(imported.outline) == [("甲", [("节一", [("要点", [])])]), ("乙", [("节二", [("要点二", [])])])]


def test_emphasis_stripping_keeps_multiplication_and_lone_asterisks() -> None:
    assert markdown_lines(["单价5*8*2元", "a ** b", "***重点***", "__要点__", r"\*注"]) == ["单价5*8*2元", "a ** b", "重点", "要点", "*注"]


def test_tabs_and_ordered_items_nest_like_spaces() -> None:
    assert markdown_lines(["1. 倾听", "\t- 听事实", "\t\t- 听情绪", "2. 回应"]) == ["1. 倾听", "◦ 听事实", "▪ 听情绪", "2. 回应"]
