"""The seed outline imports to exactly its structure, checked against the checked-in expected course folder.

Run ``pytest tests/importer --update-goldens`` to rewrite ``expected/seed/`` after an intended change,
and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coursegen.importer import Imported, import_outline
from coursegen.load import load_project
from tests.goldens import assert_matches_golden

from .outlines import SEED, shape

EXPECTED = Path(__file__).parent / "expected" / "seed"
COURSE_ID = "consumer-protection"


@pytest.fixture(scope="module")
def seed() -> Imported:
    return import_outline(SEED)


def test_seed_files_match_the_expected_course_folder(seed: Imported, update_goldens: bool) -> None:
    assert_matches_golden(seed.files(COURSE_ID), EXPECTED, "*.yml", update=update_goldens)

def test_seed_has_five_lectures_with_corrected_numbering(seed: Imported) -> None:
    lectures = seed.outline.lectures
    assert [(l.label, l.title) for l in lectures] == [
        ("第一章", "服务前置——逆向追溯升级投诉的根源"),
        ("第二讲", "避免投诉升级及处理禁忌"),
        ("第三讲", "投诉管理与案例总结"),
        ("第四讲", "银行基层机构声誉风险的管控分析"),
        ("第五讲", "基层机构声誉风险的管控策略"),
    ]
    assert [l.line for l in lectures] == [24, 73, 91, 105, 124]


def test_seed_sections_points_and_sub_points_in_order(seed: Imported) -> None:
    tree = shape(seed.outline)
    assert [len(sections) for _, sections in tree] == [3, 2, 2, 3, 4]
    first = tree[0][1][0]
    assert first[0] == "监管舆情法规下的三维视角"
    assert first[1][1] == ("舆情的变化", ["媒体类别变化", "消费者的变化"])  # page header glued before 1) removed
    assert tree[0][1][1][1][2] == ("责任归属和考核机制是投诉升级的根源", ["后台服务响应的保障", "后台支撑不利的原因"])  # 3.]
    assert [p for p, _ in tree[1][1][1][1]] == ["立刻摆道理", "急于得结论", "一味地道歉", "言行不一致", "绝对不可能"]
    assert tree[4][1][3][0] == "严格防范，切实提高媒体应对能力"


def test_seed_activities(seed: Imported) -> None:
    found = [(a.kind, a.id, a.title) for a in seed.outline.activities()]
    assert found == [
        ("case", "case-1", "池子事件"),
        ("case", "case-2", "投诉的二次升级"),
        ("case", "case-3", "“食之无味”的通讯套餐"),
        ("discussion", "discussion-1", "如何为客户“灭火”"),
        ("homework", "homework-1", "总结近半年客户投诉案例，及对应的投诉处理程序，为避免再次发生同类投诉写出防范点和改善点。"),
        ("discussion", "discussion-2", "什么情况容易引起媒体曝光？"),
        ("case", "case-4", "行内员工用内部信息“刷屏”"),
        ("drill", "drill-1", ""),
    ]
    sections = {s.title: [a.id for a in s.activities] for l in seed.outline.lectures for s in l.sections}
    assert sections["严格防范，切实提高媒体应对能力"] == ["case-4", "drill-1"]


def test_seed_metadata_and_instructor(seed: Imported) -> None:
    o = seed.outline
    assert (o.title, o.subtitle, o.year) == ("防微杜渐、未雨绸缪", "银行消费者权益保护与投诉事务管理", 2021)
    assert len(o.background) == 2 and o.background[1].startswith("本课程将从")
    assert len(o.benefits) == 4 and o.benefits[0] == "熟悉消费者权益保护新形式，有效提高管理者工作效率"
    assert o.audience == ["投诉管理专员", "主管领导", "中层干部", "一线服务管理者"]
    assert (o.days, o.hours_per_day) == (1, 6)
    assert o.closing_title == "总结与回顾"
    person = o.instructor
    assert person is not None
    assert (person.name, person.title) == ("崔海芳", "银行服务营销专家")
    assert len(person.highlights) == 7 and person.highlights[0] == "16年商业银行实战经验"
    assert person.former_roles == ["某商业银行省分行清算中心主任", "某商业银行省分行运营经理"]
    assert person.expertise[-1] == "厅堂营销"


def test_seed_report_places_every_line_and_names_the_noise(seed: Imported) -> None:
    report = seed.report
    assert report.unplaced == []
    assert [(e.number, e.reason) for e in report.skipped] == [
        (1, "每页重复的页眉"),
        (30, "每页重复的页眉"),
        (163, "大纲后面网站上的其他内容"),
    ]
    notes = {e.number: e.reason for e in report.notes}
    assert notes[91] == "这一讲没有编号，标为“第三讲”"
    assert notes[124] == "标题前没有写“第”，标为“第五讲”"


def test_seed_course_loads_and_the_agenda_adds_up(seed: Imported, tmp_path: Path) -> None:
    for rel, text in seed.files(COURSE_ID).items():
        (tmp_path / "course" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "course" / rel).write_text(text, encoding="utf-8")
    project, warnings = load_project(tmp_path / "course", tmp_path / "quizzes")
    numbering = [w.message for w in warnings if "编号，而编了号的" in w.message]
    assert [m.split("，")[0] for m in numbering] == ["`第一章` 用“章”编号"]  # the seed mixes 第一章 and 第二讲
    stand_ins = [w for w in warnings if w.message not in numbering]
    assert stand_ins and {w.message.split("（")[0] for w in stand_ins} == {"这里还是待补充的占位文字"}
    assert project.planned_minutes == project.course.duration.minutes == 360
    assert len(project.cases) == 4 and len(project.discussions) == 2
    assert len(project.drills) == 1 and len(project.homework) == 1
