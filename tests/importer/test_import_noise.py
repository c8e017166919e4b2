"""Real-world noise: what outlines pasted from web pages and Word carry besides the outline."""

from __future__ import annotations

from pathlib import Path

from .outlines import import_text, shape, unplaced


def test_a_lecture_heading_without_its_ordinal_is_recognised_by_what_follows(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 投诉的根源
        一、期望值
        讲投诉管理与案例总结
        一、投诉管理
        五讲声誉风险
        1.媒体曝光
    """)
    assert [(l.label, l.title) for l in imported.outline.lectures] == [
        ("第一讲", "投诉的根源"), ("第二讲", "投诉管理与案例总结"), ("第三讲", "声誉风险"),
    ]


def test_a_line_starting_with_讲_is_text_when_no_numbered_item_follows(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 投诉的根源
        一、期望值
        讲师示范后学员练习
        二、制度
    """)
    assert len(imported.outline.lectures) == 1
    assert imported.outline.lectures[0].sections[0].body == ["讲师示范后学员练习"]


def test_stray_brackets_after_a_number_are_dropped(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲
        一、】节
        1.要点
        2.)要点二
        3.]责任归属
        1)]子要点
    """)
    assert shape(imported.outline) == [("甲", [("节", [("要点", []), ("要点二", []), ("责任归属", ["子要点"])])])]


def test_several_numbered_items_run_together_on_one_line_are_split(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲
        一、抱怨升级类型 1.只有道歉 2.错误归咎给客户 3.再次承诺不兑现
        二、处理禁忌1)立刻摆道理2)急于得结论
        三、关键点 （1）标本兼治（2）考核问责
    """)
    assert shape(imported.outline) == [("甲", [
        ("抱怨升级类型", [("只有道歉", []), ("错误归咎给客户", []), ("再次承诺不兑现", [])]),
        ("处理禁忌", [("立刻摆道理", []), ("急于得结论", [])]),
        ("关键点", [("标本兼治", []), ("考核问责", [])]),
    ])]


def test_numbers_inside_prose_are_not_split(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲
        一、每年的3.15前后投诉增多，数字化2.0时代，一、二线城市尤甚
    """)
    assert shape(imported.outline) == [("甲", [("每年的3.15前后投诉增多，数字化2.0时代，一、二线城市尤甚", [])])]


def test_headings_in_lenticular_brackets(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        【课程背景】
        投诉越来越多。
        【课程对象】客服人员
        【课程大纲】
        【第一讲】投诉的根源
        一、期望值
        【案例分析】池子事件
    """)
    outline = imported.outline
    assert (outline.background, outline.audience) == (["投诉越来越多。"], ["客服人员"])
    assert [(l.label, l.title) for l in outline.lectures] == [("第一讲", "投诉的根源")]
    assert [(a.kind, a.title) for a in outline.activities()] == [("case", "池子事件")]


def test_word_bullet_leftovers_are_bullets(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        课程收益：
        Ø 掌握投诉处理流程；
        ² 提升沟通技巧；
        • 减少升级投诉
        ▪ 建立预防机制
        l 学会复盘
        课程大纲：
        第一讲 甲
        一、节
        Ø要点一
        Ø要点二
    """)
    assert imported.outline.benefits == ["掌握投诉处理流程", "提升沟通技巧", "减少升级投诉", "建立预防机制", "学会复盘"]
    assert shape(imported.outline) == [("甲", [("节", [("要点一", []), ("要点二", [])])])]


def test_full_width_and_half_width_punctuation_mixed(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        课程时间：１天，６小时/天
        课程对象:柜员，大堂经理
        第一讲：甲
        一．节
        1．要点
        （1)子要点
        (2）子要点二
    """)
    outline = imported.outline
    assert (outline.days, outline.hours_per_day, outline.audience) == (1, 6, ["柜员", "大堂经理"])
    assert shape(outline) == [("甲", [("节", [("要点", ["子要点", "子要点二"])])])]


def test_repeated_page_headers_are_removed_even_glued_to_a_line(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        某培训网|客户投诉处理实务
        客户投诉处理实务
        第一讲 甲
        一、节
        【某培训网|客户投诉处理实务】1.要点
        某培训网|客户投诉处理实务
        2.要点二
        内部资料 请勿外传
        3.要点三
        内部资料 请勿外传
        第 2 页 共 3 页
        内部资料 请勿外传
    """)
    assert shape(imported.outline) == [("甲", [("节", [("要点", []), ("要点二", []), ("要点三", [])])])]
    assert imported.outline.title == "客户投诉处理实务"
    assert [(e.number, e.reason) for e in imported.report.skipped] == [
        (1, "每页重复的页眉"), (5, "每页重复的页眉"), (6, "每页重复的页眉"),
        (8, "每页重复的页眉"), (10, "每页重复的页眉"), (11, "页码"), (12, "每页重复的页眉"),
    ]
    assert unplaced(imported) == []


def test_blank_lines_and_rules_are_ignored(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲


        一、节
        ------
        　　
        1.要点
    """)
    assert shape(imported.outline) == [("甲", [("节", [("要点", [])])])]
    assert imported.report.unplaced == imported.report.skipped == []


def test_trailing_site_boilerplate_is_cut_and_listed(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲
        一、节
        推荐阅读：《影响力》
        推荐阅读----
        《销售心理学》课程大纲
        上一篇：团队管理
    """)
    section = imported.outline.lectures[0].sections[0]
    assert section.body == ["推荐阅读：《影响力》"]  # a reading tip inside the outline is content
    assert [(e.number, e.reason) for e in imported.report.skipped] == [
        (4, "大纲后面网站上的其他内容"), (5, "大纲后面网站上的其他内容"), (6, "大纲后面网站上的其他内容"),
    ]


def test_headings_above_lectures_are_reported_not_dropped(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一天
        第一部分 认知篇
        第一讲 甲
        一、节
        第二天 下午
        第二讲 乙
        一、节
    """)
    assert [(l.title, l.day) for l in imported.outline.lectures] == [("甲", 1), ("乙", 2)]
    assert unplaced(imported) == [(2, "第一部分 认知篇")]
    notes = [(e.number, e.reason) for e in imported.report.notes]
    assert (1, "课程安排的第 1 天从这里开始") in notes and (5, "课程安排的第 2 天从这里开始") in notes


def test_a_lectures_own_summary_line_is_not_the_course_closing(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲
        一、节
        总结
        第二讲 乙
        一、节
        总结与回顾
    """)
    assert imported.outline.lectures[0].sections[0].body == ["总结"]
    assert (imported.outline.closing_title, imported.outline.closing_body) == ("总结与回顾", [])


def test_an_outline_that_lost_its_line_breaks(tmp_path: Path) -> None:
    imported = import_text(tmp_path, (
        "课程对象：柜员 课程大纲：第一讲 服务意识 一、服务的定义 1.服务是什么 2.服务的价值 二、服务的层次 "
        "案例分析：一杯水的故事 第二讲 服务技巧 一、倾听 二、回应 互动讨论：如何回应抱怨\n"
    ))
    assert imported.outline.audience == ["柜员"]
    assert shape(imported.outline) == [
        ("服务意识", [("服务的定义", [("服务是什么", []), ("服务的价值", [])]), ("服务的层次", [])]),
        ("服务技巧", [("倾听", []), ("回应", [])]),
    ]
    assert [(a.kind, a.title) for a in imported.outline.activities()] == [("case", "一杯水的故事"), ("discussion", "如何回应抱怨")]


def test_a_repeated_activity_or_short_line_is_content_not_a_page_header(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲
        一、节
        互动讨论：分享经验
        本讲小结
        二、节
        互动讨论：分享经验
        本讲小结
        三、节
        互动讨论：分享经验
        本讲小结
    """)
    assert [a.id for a in imported.outline.activities()] == ["discussion-1", "discussion-2", "discussion-3"]
    assert imported.report.skipped == []
