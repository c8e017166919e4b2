"""Word outlines: paragraphs, tables and Word's automatic list numbering (which python-docx leaves out)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from coursegen.errors import UserError
from coursegen.importer import import_outline

from .outlines import shape
from .styled_docx import heading_styles_docx

_CHINESE_LIST = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%3"/></w:lvl>
</w:abstractNum>
"""


def _numbered(document: Document, text: str, num_id: int, level: int) -> None:
    """A paragraph numbered by Word, as a trainer makes it with the numbering button."""
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    ))


def _outline_docx(path: Path) -> Path:
    document = Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_CHINESE_LIST))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    document.add_heading("《厅堂服务》课程大纲", 0)
    document.add_paragraph("课程背景：厅堂是客户的第一印象。")
    table = document.add_table(rows=2, cols=2)
    for row, (key, value) in zip(table.rows, [("课程对象", "大堂经理、柜员"), ("课程时间", "1天，6小时/天")]):
        row.cells[0].text, row.cells[1].text = key, value
    document.add_paragraph("课程大纲：")
    document.add_paragraph("第一讲 服务礼仪")
    _numbered(document, "仪容仪表", 90, 0)
    _numbered(document, "发型", 90, 1)
    _numbered(document, "妆容", 90, 1)
    _numbered(document, "面部", 90, 2)
    _numbered(document, "厅堂动线", 90, 0)
    document.add_paragraph("案例分析：排队高峰\n某网点周一上午客流集中。")  # a soft line break inside one paragraph
    document.add_paragraph("第二讲 服务流程")
    document.add_paragraph("识别客户", style="List Number")
    document.add_paragraph("要点", style="List Bullet")
    document.add_paragraph("Ø 课后作业：画出本网点动线图")
    document.save(str(path))
    return path


def test_docx_outline_with_word_numbering_and_a_metadata_table(tmp_path: Path) -> None:
    imported = import_outline(_outline_docx(tmp_path / "outline.docx"))
    outline = imported.outline
    assert (outline.title, outline.background, outline.audience) == ("厅堂服务", ["厅堂是客户的第一印象。"], ["大堂经理", "柜员"])
    assert (outline.days, outline.hours_per_day) == (1, 6)
    assert shape(outline) == [
        ("服务礼仪", [("仪容仪表", [("发型", []), ("妆容", ["面部"])]), ("厅堂动线", [])]),
        ("服务流程", [("识别客户", [("要点", [])])]),
    ]
    assert [(a.kind, a.title, a.details) for a in outline.activities()] == [
        ("case", "排队高峰", ["某网点周一上午客流集中。"]),
        ("homework", "画出本网点动线图", []),
    ]
    assert imported.report.unplaced == []
    assert "# 导入自 outline.docx 第 12 段：案例分析：排队高峰" in imported.files("c")["cases/case-1.yml"]


def test_docx_positions_are_paragraphs(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("第一讲 甲")
    document.add_paragraph("一、节")
    document.add_paragraph("课程特色：实战")
    document.save(str(tmp_path / "o.docx"))
    report = import_outline(tmp_path / "o.docx").report
    assert "o.docx 第 3 段：“课程特色：实战”：" in report.format()


def test_a_broken_docx_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "outline.docx"
    path.write_bytes(b"this is not a zip file")
    with pytest.raises(UserError, match="读不出这份 Word 文档"):
        import_outline(path)


def test_an_outline_numbered_only_by_heading_styles_imports_by_style(tmp_path: Path) -> None:
    imported = import_outline(heading_styles_docx(tmp_path))
    outline = imported.outline
    assert outline.title == "理财经理沟通技巧"
    assert shape(outline) == [
        ("建立信任的开场", [
            ("开场前的准备", [("了解客户的基本信息", []), ("准备沟通的话题", [])]),
            ("开场的三句话", [("问候与自我介绍", []), ("说明来意", [])]),
        ]),
        ("需求的挖掘与确认", [
            ("提问的方法", [("开放式提问", ["适用于了解背景"]), ("封闭式提问", ["适用于确认细节"])]),
            ("确认需求", [("复述客户的原话", [])]),
        ]),
    ]
    assert [l.label for l in outline.lectures] == [None, None]  # the site numbers them 第一讲, 第二讲
    assert outline.lectures[1].summary == ["客户说出口的需求往往只是一部分。"]
    assert [(a.kind, a.title) for a in outline.activities()] == [("case", "一次冷场的开场"), ("drill", "为客户梳理家庭理财目标")]
    assert outline.closing_title == "总结与回顾"
    assert imported.report.unplaced == []


def test_heading_styles_do_not_override_what_the_heading_says(tmp_path: Path) -> None:
    document = Document()
    document.add_heading("厅堂服务", 1)  # the document's title, before the metadata
    document.add_paragraph("课程对象：柜员")
    document.add_heading("第一讲 服务礼仪", 2)  # written numbering wins over the style
    document.add_heading("仪容仪表", 3)
    document.add_paragraph("发型", style="List Paragraph")  # a list paragraph without numbering is still an item
    document.add_heading("第二讲 服务流程", 2)
    document.add_heading("迎候", 3)
    document.save(str(tmp_path / "o.docx"))
    outline = import_outline(tmp_path / "o.docx").outline
    assert outline.title == "厅堂服务"
    assert [(l.label, l.title) for l in outline.lectures] == [("第一讲", "服务礼仪"), ("第二讲", "服务流程")]
    assert shape(outline) == [("服务礼仪", [("仪容仪表", [("发型", [])])]), ("服务流程", [("迎候", [])])]
