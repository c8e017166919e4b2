"""Half-width punctuation typed between Chinese text is written full-width; times, numbers and English are not touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursegen.importer.punctuation import full_width

from .outlines import import_text


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("课程背景:每年三月", "课程背景：每年三月"),
        ("严格防范,切实提高应对能力", "严格防范，切实提高应对能力"),
        ("课程对象: 柜员", "课程对象：柜员"),
        ("课程时间:1天,6小时/天", "课程时间：1天，6小时/天"),
        ("掌握流程;学会识别", "掌握流程；学会识别"),
        ("什么情况容易引起曝光?", "什么情况容易引起曝光？"),
        ("如何为客户“灭火”,先听后说", "如何为客户“灭火”，先听后说"),
        ("讨论:客户说“不办了”!", "讨论：客户说“不办了”！"),
    ],
)
def test_half_width_marks_touching_chinese_become_full_width(typed: str, written: str) -> None:
    assert full_width(typed) == written


@pytest.mark.parametrize(
    "text",
    [
        "09:00-10:30 投诉的成因",
        "单笔1,000元以上",
        "比例1:1",
        "Q&A, FAQ",
        "见 http://example.com/a?b=1",
        "数字化2.0时代",
        "已经是全角：，；？！",
    ],
)
def test_times_numbers_english_and_addresses_stay_as_written(text: str) -> None:
    assert full_width(text) == text


def test_titles_and_metadata_of_an_imported_outline_use_full_width_marks(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        课程对象:柜员,大堂经理
        课程时间:1天,6小时/天
        第一讲 服务前置:完善预防机制
        一、严格防范,切实提高应对能力
        互动讨论:什么情况容易引起曝光?
    """)
    outline = imported.outline
    assert outline.audience == ["柜员", "大堂经理"]
    assert (outline.days, outline.hours_per_day) == (1, 6)
    assert [(l.title, [s.title for s in l.sections]) for l in outline.lectures] == [("服务前置：完善预防机制", ["严格防范，切实提高应对能力"])]
    assert [a.title for a in outline.activities()] == ["什么情况容易引起曝光？"]
