"""A Word outline that numbers nothing: its structure is in heading styles and list paragraphs only.

Built with python-docx as a trainer's document is built in Word: Title, body text, Heading 1 for
lectures, Heading 2 for sections, List Bullet / List Number / List Bullet 2 for points and sub-points.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

NAME = "heading-styles.docx"


def heading_styles_docx(folder: Path) -> Path:
    """Write the outline into ``folder`` and return its path."""
    document = Document()
    document.add_heading("《理财经理沟通技巧》课程大纲", 0)
    document.add_paragraph("课程背景：理财经理与客户的每一次交谈，都是了解需求、建立信任的机会。")
    document.add_paragraph("课程对象：理财经理、客户经理")
    document.add_paragraph("课程时间：1天，6小时/天")
    document.add_heading("课程大纲", 1)
    document.add_heading("建立信任的开场", 1)
    document.add_heading("开场前的准备", 2)
    document.add_paragraph("了解客户的基本信息", style="List Bullet")
    document.add_paragraph("准备沟通的话题", style="List Bullet")
    document.add_heading("开场的三句话", 2)
    document.add_paragraph("问候与自我介绍", style="List Number")
    document.add_paragraph("说明来意", style="List Number")
    document.add_paragraph("案例分析：一次冷场的开场")
    document.add_heading("需求的挖掘与确认", 1)
    document.add_paragraph("客户说出口的需求往往只是一部分。")
    document.add_heading("提问的方法", 2)
    document.add_paragraph("开放式提问", style="List Bullet")
    document.add_paragraph("适用于了解背景", style="List Bullet 2")
    document.add_paragraph("封闭式提问", style="List Bullet")
    document.add_paragraph("适用于确认细节", style="List Bullet 2")
    document.add_heading("确认需求", 2)
    document.add_paragraph("复述客户的原话", style="List Bullet")
    document.add_paragraph("角色扮演：为客户梳理家庭理财目标")
    document.add_heading("总结与回顾", 1)
    path = folder / NAME
    document.save(str(path))
    return path
