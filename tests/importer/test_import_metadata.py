"""Metadata sections and the instructor block go to the matching course fields."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursegen.importer import import_outline
from coursegen.importer.metadata import parse_duration

from .outlines import SEED, import_text, unplaced

LECTURE = "课程大纲：\n第一讲 甲\n一、节\n"


def test_metadata_sections_fill_their_fields(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        《高效沟通》课程大纲
        ——从倾听开始
        培训背景：
        沟通不畅是效率低的主因。
        本课程从倾听讲起。
        课程目标：1、掌握倾听；2、学会反馈；3、减少冲突
        授课对象：中层干部、一线主管等
        课程时长：2天（12小时）
    """ + LECTURE)
    o = imported.outline
    assert (o.title, o.subtitle) == ("高效沟通", "从倾听开始")
    assert o.background == ["沟通不畅是效率低的主因。", "本课程从倾听讲起。"]
    assert o.benefits == ["掌握倾听", "学会反馈", "减少冲突"]
    assert o.audience == ["中层干部", "一线主管"]
    assert (o.days, o.hours_per_day) == (2, 6)
    assert unplaced(imported) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1天,6小时/天", (1, 6, False)),
        ("2天（12小时）", (2, 6, False)),
        ("6小时", (1, 6, False)),
        ("每天6小时，共2天", (2, 6, False)),
        ("两天", (2, 6, True)),
        ("半天", (0.5, 6, True)),
        ("一天半", (1.5, 6, True)),
        ("3H", (1, 3, False)),
        ("2021年3月15日-16日，共2天", (2, 6, True)),
        ("另行通知", None),
    ],
)
def test_course_time(text: str, expected: tuple[float, float, bool] | None) -> None:
    assert parse_duration(text) == expected


def test_missing_metadata_gets_marked_stand_ins_and_notes(tmp_path: Path) -> None:
    imported = import_text(tmp_path, LECTURE)
    o = imported.outline
    assert o.title == "（待补充：课程标题）"
    assert o.background == ["（待补充：课程背景）"] and o.audience == ["（待补充：课程对象）"]
    assert (o.days, o.hours_per_day) == (1, 6)
    reasons = [e.reason for e in imported.report.notes]
    assert "没有找到“课程背景”，写入了待补充的内容" in reasons
    assert "没有找到课程时间，按 1 天、每天 6 小时计算" in reasons


def test_headings_without_a_course_field_are_reported(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        课程对象：柜员
        授课方式：讲授+案例+演练
        课程特色：
        实战性强
    """ + LECTURE)
    assert unplaced(imported) == [(2, "授课方式：讲授+案例+演练"), (3, "课程特色："), (4, "实战性强")]


def test_instructor_block_after_the_outline(tmp_path: Path) -> None:
    imported = import_text(tmp_path, LECTURE + """
        总结与回顾
        崔海芳老师银行服务营销专家
        16年商业银行实战经验
        ● 国家注册高级礼仪讲师
        曾任:某商业银行省分行清算中心主任
        曾任：某商业银行省分行运营经理；某支行行长
        擅长领域:网点打造、服务礼仪、投诉处理……
    """)
    person = imported.outline.instructor
    assert person is not None
    assert (person.name, person.title) == ("崔海芳", "银行服务营销专家")
    assert person.highlights == ["16年商业银行实战经验", "国家注册高级礼仪讲师"]
    assert person.former_roles == ["某商业银行省分行清算中心主任", "某商业银行省分行运营经理", "某支行行长"]
    assert person.expertise == ["网点打造", "服务礼仪", "投诉处理"]
    assert imported.outline.closing_title == "总结与回顾"


def test_instructor_heading_with_fields_on_following_lines(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        【讲师介绍】
        张三 资深培训师
        曾任：
        某集团培训总监
        某公司人力资源经理
        擅长领域：
        沟通、团队管理
        课程背景：沟通很重要。
    """ + LECTURE)
    o = imported.outline
    assert o.instructor is not None
    assert (o.instructor.name, o.instructor.title) == ("张三", "资深培训师")
    assert o.instructor.former_roles == ["某集团培训总监", "某公司人力资源经理"]
    assert o.instructor.expertise == ["沟通", "团队管理"]
    assert o.background == ["沟通很重要。"]


def test_a_teacher_mentioned_inside_a_lecture_is_not_an_instructor_block(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲
        一、节
        王老师现场示范
        二、节二
    """)
    assert imported.outline.instructor is None
    assert imported.outline.lectures[0].sections[0].body == ["王老师现场示范"]


def test_year_and_title_from_a_page_header_when_no_title_line(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        2021年《防微杜渐|2021年《防微杜渐 ——投诉事务管理》
        课程背景：背景。
        第一讲 甲
        【2021年《防微杜渐|2021年《防微杜渐 ——投诉事务管理》】一、节
    """)
    o = imported.outline
    assert (o.title, o.subtitle, o.year) == ("防微杜渐", "投诉事务管理", 2021)
    assert [s.title for s in o.lectures[0].sections] == ["节"]


def test_times_written_after_headings_are_kept(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        课程时间：1天，6小时/天
        第一讲 甲（90分钟）
        一、节
        第二讲 乙
        一、节
        1.要点
        第三讲 丙
        一、节
        课程总结（0.5小时）
    """)
    o = imported.outline
    assert [(l.title, l.minutes) for l in o.lectures] == [("甲", 90), ("乙", 145), ("丙", 95)]
    assert (o.closing_title, o.closing_minutes) == ("课程总结", 30)


def test_numbered_metadata_headings(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        一、课程背景
        银行网点转型。
        二、课程收益
        1.掌握方法
        2.提升能力
        三、课程对象：柜员
        四、课程大纲
        第一讲 甲
        一、节
        五、讲师介绍
        张三
    """)
    o = imported.outline
    assert (o.background, o.benefits, o.audience) == (["银行网点转型。"], ["掌握方法", "提升能力"], ["柜员"])
    assert [s.title for s in o.lectures[0].sections] == ["节"]
    assert o.instructor is not None and o.instructor.name == "张三"


def test_short_headings_need_a_colon_before_text(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲
        一、节
        讲师 示范，学员练习
        讲师：张三
    """)
    assert imported.outline.lectures[0].sections[0].body == ["讲师 示范，学员练习"]
    assert imported.outline.instructor is not None and imported.outline.instructor.name == "张三"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("崔海芳老师银行服务营销专家", ("崔海芳", "银行服务营销专家")),
        ("崔海芳 老师", ("崔海芳", None)),
        ("张三 资深培训师", ("张三", "资深培训师")),
        ("李四", ("李四", None)),
        ("王小明老师｜人力资源专家", ("王小明", "人力资源专家")),
        # no stray punctuation nor half a bracket pair in the title
        ("张三：资深培训师；", ("张三", "资深培训师")),
        ("张三，（国家注册礼仪讲师", ("张三", "国家注册礼仪讲师")),
        ("张三 —— 银行服务营销专家。", ("张三", "银行服务营销专家")),
        ("王小明老师：“服务专家", ("王小明", "服务专家")),
        ("王小明老师 - 人力资源专家（15年）", ("王小明", "人力资源专家（15年）")),
    ],
)
def test_instructor_name_lines(tmp_path: Path, text: str, expected: tuple[str, str | None]) -> None:
    imported = import_text(tmp_path, f"讲师介绍：{text}\n" + LECTURE)
    person = imported.outline.instructor
    assert person is not None and (person.name, person.title) == expected


def test_values_outside_the_models_range_fall_back_with_a_note(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        1985年版《服务礼仪》
        课程时间：90天
        第一讲 甲
        一、节
        课程总结（30小时）
    """)
    o = imported.outline
    assert (o.year, o.days, o.hours_per_day) == (None, 1, 6)
    assert "课程时间 90 天、每天 6 小时超出了范围，按 1 天、每天 6 小时计算" in [e.reason for e in imported.report.notes]
    assert o.closing_minutes == 24 * 60
    assert "course.yml" in imported.files("c")  # every file still validates


def test_bare_numbers_in_the_instructor_block_add_no_empty_lines(tmp_path: Path) -> None:
    imported = import_text(tmp_path, LECTURE + "讲师介绍\n张三\n一、\n1、10年经验\n擅长领域：\n沟通\n")
    person = imported.outline.instructor
    assert person is not None and (person.highlights, person.expertise) == (["10年经验"], ["沟通"])


def test_highlights_and_former_roles_keep_no_stray_punctuation(tmp_path: Path) -> None:
    imported = import_text(tmp_path, LECTURE + """
        讲师介绍
        张三老师·银行服务营销专家、
        、16年商业银行实战经验；
        —— 国家注册高级礼仪讲师】
        《服务礼仪》一书作者……
        曾任：、某商业银行省分行运营经理；（某支行行长
        擅长领域：：网点打造、“服务礼仪、投诉处理。
    """)
    person = imported.outline.instructor
    assert person is not None
    assert (person.name, person.title) == ("张三", "银行服务营销专家")
    assert person.highlights == ["16年商业银行实战经验", "国家注册高级礼仪讲师", "《服务礼仪》一书作者"]
    assert person.former_roles == ["某商业银行省分行运营经理", "某支行行长"]
    assert person.expertise == ["网点打造", "服务礼仪", "投诉处理"]


def test_the_seed_outlines_instructor_block_is_kept_clean() -> None:
    person = import_outline(SEED).outline.instructor
    assert person is not None
    labels = [person.title or "", *person.highlights, *person.former_roles, *person.expertise]
    assert labels[:2] == ["银行服务营销专家", "16年商业银行实战经验"] and "厅堂营销" in labels
    assert [label for label in labels if not label or re.search(r"^[\W_]|[\W_]$", label)] == []
