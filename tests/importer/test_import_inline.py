"""Outlines pasted from a web document viewer, every line break lost: split on headings and numbering."""

from __future__ import annotations

from pathlib import Path

from coursegen.importer import import_outline

from .outlines import FIXTURES, import_text, shape

INLINE = FIXTURES / "inline.txt"


def test_a_whole_outline_on_one_line_imports_with_its_structure() -> None:
    imported = import_outline(INLINE)
    outline = imported.outline
    assert [(l.label, l.title) for l in outline.lectures] == [
        ("第一部分", "厅堂服务的意义"), ("第二部分", "厅堂服务的流程"), ("第三部分", "厅堂不满情绪的化解"),
    ]
    assert shape(outline)[1] == ("厅堂服务的流程", [
        ("迎候与分流", [("主动问候", []), ("询问需求并引导", [])]),
        ("等候区的关怀", []),
        ("送别与回访", []),
    ])
    assert [(a.kind, a.title) for a in outline.activities()] == [("case", "等候区的一次抱怨"), ("discussion", "客户情绪激动时先做什么？")]
    assert imported.report.unplaced == []


def test_the_metadata_glued_together_is_split_into_its_fields() -> None:
    outline = import_outline(INLINE).outline
    assert outline.title == "厅堂服务与客户体验"
    assert outline.background == ["网点厅堂是客户感受服务的第一现场，厅堂服务的每一个细节都会影响客户的体验和口碑。"]
    assert outline.benefits == ["掌握厅堂服务的基本流程", "学会识别客户的潜在需求", "能够及时化解厅堂中的不满情绪"]
    assert outline.audience == ["大堂经理", "厅堂服务人员", "柜员"]
    assert (outline.days, outline.hours_per_day) == (1, 6)


def test_a_long_paragraph_that_mentions_a_part_is_not_split(tmp_path: Path) -> None:
    background = "本课程分为三个阶段，" + "学员在第一阶段：了解厅堂服务的意义，" + "结合网点的日常工作反复练习，" * 6
    imported = import_text(tmp_path, f"课程背景：{background}\n第一讲 甲\n一、节\n")
    assert imported.outline.background == [background]
