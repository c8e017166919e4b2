"""Checks across a course's files: every id that keys a trainee's saved answers is unique and each repeat is
reported at its own line, naming the first; options, answers, the final assessment's id, lecture files,
deadlines (a note of `check` only) and the example course building without a warning."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from coursegen.cli import main
from coursegen.load import load_project
from coursegen.load.deadlines import past_deadlines
from coursegen.messages import speaking

from tests.conftest import ROOT
from tests.coursefiles import COURSE, LECTURE, problems, write_course

CASE = """\
id: pond
title: 池塘
background: 背景
events: [经过]
questions:
  - id: q1
    prompt: 为什么？
  - id: q1
    prompt: 选哪个？
    options: [先道歉, 先核实, 先道歉]
    answer: 先核实,
debrief: 解析
"""

FORM = """\
id: hw
title: 作业
fields:
  - id: name
    type: text
    label: 姓名
  - id: rate
    type: rating
    label: 评分
    items:
      - {id: a, label: 内容}
      - {id: a, label: 讲师}
  - id: name
    type: choice
    label: 选择
    options: [是, 否, 是]
"""

ID_HINT = "    提示：学员的作答按 id 保存，两个相同的 id 会互相覆盖；把这一个改成别的，例如 `id: {}-2`。"
TEXT_HINT = "    提示：学员分不清两个一样的条目；删掉这一项，或者改写成不同的文字。"


def test_a_repeated_case_question_id_is_reported_at_the_repeat_naming_the_first(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/cases/pond.yml": CASE})
    assert problems(tmp_path) == [
        "course/cases/pond.yml:8:9: 思考题 id `q1` 重复了，第 6 行已经有一个\n" + ID_HINT.format("q1"),
        "course/cases/pond.yml:10:25: 选项 `先道歉` 重复了，第 10 行已经有一个\n" + TEXT_HINT,
        "course/cases/pond.yml:11:13: 参考选项 `先核实,` 不是这道题的选项\n"
        "    提示：是不是 `先核实`？`answer` 要和选项一字不差，标点、空格和全角半角都要一样：`answer: 先核实`。",
    ]


def test_an_answer_far_from_every_option_is_told_to_copy_one(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/cases/pond.yml": CASE.replace("  - id: q1\n    prompt: 选哪个", "  - id: q2\n    prompt: 选哪个")
                            .replace(", 先道歉]", "]").replace("answer: 先核实,", "answer: 先安抚")})
    assert problems(tmp_path) == [
        "course/cases/pond.yml:11:13: 参考选项 `先安抚` 不是这道题的选项\n    提示：照抄其中一个选项，例如 `answer: 先道歉`。"
    ]


def test_a_form_with_the_answer_it_names_fixed_loads(tmp_path: Path) -> None:
    """The hints' fixes work: the repeat renamed as suggested, the option deleted, the answer copied."""
    fixed = CASE.replace("  - id: q1\n    prompt: 选哪个", "  - id: q1-2\n    prompt: 选哪个").replace(", 先道歉]", "]").replace("先核实,", "先核实")
    write_course(tmp_path, {"course/cases/pond.yml": fixed})
    project, warnings = load_project(tmp_path / "course", tmp_path / "quizzes")
    assert [q.id for q in project.cases["pond"].questions] == ["q1", "q1-2"] and warnings == []


def test_repeated_form_field_rating_item_and_option(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/homework/hw.yml": FORM})
    assert problems(tmp_path) == [
        "course/homework/hw.yml:12:14: 评分项 id `a` 重复了，第 11 行已经有一个\n" + ID_HINT.format("a"),
        "course/homework/hw.yml:13:9: 字段 id `name` 重复了，第 4 行已经有一个\n" + ID_HINT.format("name"),
        "course/homework/hw.yml:16:21: 选项 `是` 重复了，第 16 行已经有一个\n" + TEXT_HINT,
    ]


def test_repeated_drill_roles_checklist_entries_and_section_ids(tmp_path: Path) -> None:
    drill = ("id: d\ntitle: 演练\ntime_minutes: 10\ngood_outcome: [好]\nobserver_checklist: [道歉, 核实, 道歉]\nscenario: 场景\n"
             "roles:\n  - {name: 客户, brief: 生气}\n  - {name: 客户, brief: 着急}\n")
    lecture = LECTURE + "  - id: s1\n    title: 二节\n"
    write_course(tmp_path, {"course/drills/d.yml": drill, "course/lectures/one.yml": lecture})
    assert problems(tmp_path) == [
        "course/drills/d.yml:5:30: 检查清单条目 `道歉` 重复了，第 5 行已经有一个\n" + TEXT_HINT,
        "course/drills/d.yml:9:12: 角色名称 `客户` 重复了，第 8 行已经有一个\n" + TEXT_HINT,
        "course/lectures/one.yml:8:9: 节 id `s1` 重复了，第 5 行已经有一个\n" + ID_HINT.format("s1"),
    ]


def test_repeated_options_of_a_quiz_question(tmp_path: Path) -> None:
    bank = ("id: quiz-a\ntitle: 自测\nquestions:\n  - id: q\n    type: single\n    prompt: 选？\n    options:\n"
            "      - {text: 甲, correct: true}\n      - {text: 甲}\n")
    lecture = LECTURE + "    activities: [{quiz: quiz-a}]\n"
    write_course(tmp_path, {"quizzes/quiz-a.yml": bank, "course/lectures/one.yml": lecture})
    assert problems(tmp_path) == ["quizzes/quiz-a.yml:9:16: 选项 `甲` 重复了，第 8 行已经有一个\n" + TEXT_HINT]


def test_an_english_course_hears_the_repeat_in_english(workdir: Path) -> None:
    write_course(workdir, {"course/course.yml": COURSE + "language: en\n", "course/homework/hw.yml": FORM.replace("  - id: rate", "  - id: rat")
                            .replace("{id: a, label: 讲师}", "{id: b, label: 讲师}").replace("[是, 否, 是]", "[是, 否]")})
    with speaking("zh"):  # the command speaks the course's English for this process: Chinese again after it
        checked = CliRunner().invoke(main, ["check"])
    assert checked.exit_code == 1
    assert checked.output.splitlines()[:2] == [
        "course/homework/hw.yml:13:9: field id `name` is repeated: line 4 already has it",
        "    hint: trainees' answers are saved by id, and two equal ids overwrite each other; rename this one, e.g. `id: name-2`",
    ]


def test_a_final_assessment_named_like_a_bank_is_an_error(tmp_path: Path) -> None:
    bank = "id: quiz-a\ntitle: 自测\nquestions:\n  - {id: q, type: true_false, prompt: 对吗？, answer: true}\n"
    final = "final_assessment:\n  id: quiz-a\n  title: 结业测评\n  pass_mark: 60\n  draw: [{bank: quiz-a, count: 1}]\n"
    write_course(tmp_path, {"quizzes/quiz-a.yml": bank, "course/course.yml": COURSE + final})
    assert problems(tmp_path) == [
        "course/course.yml:9:7: 结业测评的 id `quiz-a` 和 quizzes/quiz-a.yml 里题库的 id 相同\n"
        "    提示：两者的网页地址和学员的成绩都按 id 保存，会互相覆盖；给结业测评换一个 id，例如 `id: quiz-a-final`。"
    ]


def test_a_missing_lecture_suggests_a_file_course_yml_does_not_list_yet_with_its_folder(tmp_path: Path) -> None:
    course = COURSE.replace("hours_per_day: 1", "hours_per_day: 2").replace("[lectures/one.yml]", "[lectures/one.yml, lectures/tow.yml]")
    write_course(tmp_path, {"course/course.yml": course, "course/lectures/two.yml": LECTURE.replace("id: one", "id: two")})
    assert problems(tmp_path) == ["course/course.yml:7:30: 讲次文件 `lectures/tow.yml` 不存在\n    提示：是不是 `lectures/two.yml`？"]


def test_a_deadline_already_past_is_a_note_of_check_only(workdir: Path) -> None:
    handin = "submission:\n  to: 王老师\n  email: hr@example.com\n  deadline: 2021-03-12T18:00+08:00\n"
    write_course(workdir, {"course/course.yml": COURSE + handin})
    project, _ = load_project(Path("course"), Path("quizzes"))
    assert past_deadlines(project, datetime(2021, 3, 12, 10, 0, tzinfo=UTC)) == []  # 18:00 in Beijing is still to come
    [note] = past_deadlines(project, datetime(2026, 3, 1, tzinfo=UTC))
    assert str(note) == (
        "course/course.yml:11:13: 注意：截止时间 2021-03-12 18:00 已经过了\n"
        "    提示：再开这门课时换成新的截止时间，例如 `deadline: 2026-03-08T18:00+08:00`；旧课程存档可以不改。"
    )
    checked = CliRunner().invoke(main, ["check", "--strict"])
    assert checked.exit_code == 0, checked.output  # a note is not a warning
    assert "course/course.yml:11:13: 注意：截止时间 2021-03-12 18:00 已经过了" in checked.output


def test_the_example_course_builds_without_a_warning_and_check_notes_its_old_deadlines(tmp_path: Path) -> None:
    args = ["--course", str(ROOT / "course"), "--quizzes", str(ROOT / "quizzes"), "--config", str(ROOT / "mkdocs.yml")]
    built = CliRunner().invoke(main, ["build", *args, "--site-dir", str(tmp_path / "site")])
    assert built.exit_code == 0, built.output
    assert "警告" not in built.output and "注意" not in built.output and "提示" not in built.output, built.output
    checked = CliRunner().invoke(main, ["check", *args])
    assert checked.exit_code == 0, checked.output
    assert [line.split(": ", 1)[1] for line in checked.output.splitlines() if "注意" in line] == [
        "注意：截止时间 2021-03-12 18:00 已经过了", "注意：截止时间 2021-03-12 13:30 已经过了",
    ]


def test_quiz_export_refuses_a_bank_with_a_repeated_question_id(workdir: Path) -> None:
    bank = "id: quiz-a\ntitle: 自测\nquestions:\n  - {id: q, type: true_false, prompt: 对吗？, answer: true}\n" \
           "  - {id: q, type: true_false, prompt: 错吗？, answer: false}\n"
    (workdir / "quiz-a.yml").write_text(bank, encoding="utf-8")
    exported = CliRunner().invoke(main, ["quiz", "export", "quiz-a.yml", "-o", "quiz-a.xml"])
    assert exported.exit_code == 1
    assert "quiz-a.yml:5:10: 题目 id `q` 重复了，第 4 行已经有一个" in exported.output
    assert not (workdir / "quiz-a.xml").exists()


def test_a_lecture_day_the_agenda_cannot_keep_is_warned_of_at_its_day(tmp_path: Path) -> None:
    course = COURSE.replace("duration: {days: 1, hours_per_day: 1}", "duration: {days: 2, hours_per_day: 0.5}")
    course = course.replace("lectures: [lectures/one.yml]", "lectures: [lectures/one.yml, lectures/two.yml, lectures/three.yml]")
    lecture = LECTURE.replace("duration_minutes: 60", "duration_minutes: 20\nday: {day}")
    write_course(tmp_path, {
        "course/course.yml": course,
        "course/lectures/one.yml": lecture.format(day=2),
        "course/lectures/two.yml": lecture.replace("id: one", "id: two").format(day=1),
        "course/lectures/three.yml": lecture.replace("id: one", "id: three").format(day=3),
    })
    _, warnings = load_project(tmp_path / "course", tmp_path / "quizzes")
    days = {(p.path.name, p.line, p.col): p.message for p in warnings if "天" in p.message}
    assert days == {
        ("two.yml", 4, 6): "这一讲排在第 1 天，但前面已有一讲排在第 2 天；课程安排不会往回排",
        ("three.yml", 4, 6): "这一讲排在第 3 天，但课程时间只有 2 天",
    }
