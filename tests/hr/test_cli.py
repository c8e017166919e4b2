"""`coursegen homework report` as HR runs it: a summary on screen, three outputs, plain errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from coursegen.cli import main

from .synthetic import DUE, people, submission, write_course, write_json, write_roster


@pytest.fixture
def course_root(workdir: Path) -> Path:
    """The working folder, laid out as `coursegen new` makes it: course/, quizzes/, plus a roster and an inbox."""
    write_course(workdir)
    persons = people(4)
    write_roster(workdir / "名单.csv", persons, encoding="gb18030")
    write_json(workdir / "收件箱" / "a.json", submission(persons[0], "lunch-homework"))
    write_json(workdir / "收件箱" / "b.json", submission(persons[1], "lunch-homework", updated_at=DUE.replace(day=13)))
    (workdir / "收件箱" / "c.txt").write_text("hello", encoding="utf-8")
    return workdir


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["homework", "report", *args])
    return result.exit_code, result.output


def test_report_prints_a_summary_and_writes_every_output(course_root: Path) -> None:
    code, output = run("收件箱", "--roster", "名单.csv", "-o", "报告")
    assert code == 0, output
    assert output.splitlines()[:2] == [
        "3 个文件：采用 2 个，被新版本取代 0 个，拒收 1 个",
        "4 名学员 × 3 项：按时 1，迟交 1，未交 10（提交率 16.7%）",
    ]
    names = sorted(p.relative_to(course_root / "报告").as_posix() for p in (course_root / "报告").rglob("*") if p.is_file())
    assert names == [
        "csv/departments.csv", "csv/detail.csv", "csv/files.csv", "csv/forms.csv", "csv/quiz_scores.csv",
        "csv/survey_choices.csv", "csv/survey_comments.csv", "csv/survey_ratings.csv", "homework-report.html", "homework-report.xlsx", "催交名单.csv",
    ]
    assert f"已写入 {Path('报告') / '催交名单.csv'}" in output.splitlines()


def test_bad_roster_is_a_message_not_a_traceback(course_root: Path) -> None:
    (course_root / "bad.csv").write_text("序号,部门\n1,营业部\n", encoding="utf-8")
    code, output = run("收件箱", "--roster", "bad.csv", "-o", "报告")
    assert code == 1
    assert output.startswith("bad.csv：前 10 行里找不到写着工号和姓名的标题行")
    assert "提示：把标题行写成 工号、姓名、部门" in output
    assert "Traceback" not in output


def test_output_inside_the_submissions_folder_is_refused(course_root: Path) -> None:
    code, output = run("收件箱", "--roster", "名单.csv", "-o", "收件箱/报告")
    assert code == 1
    assert "输出文件夹 收件箱/报告 在提交文件夹 收件箱 里面" in output
    assert not (course_root / "收件箱" / "报告").exists()


def test_the_course_folder_can_be_given(
    course_root: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.chdir(elsewhere)
    code, output = run(str(course_root / "收件箱"), "--roster", str(course_root / "名单.csv"), "-o", "out",
                       "--course", str(course_root / "course"), "--quizzes", str(course_root / "quizzes"))
    assert code == 0, output
    assert (elsewhere / "out" / "homework-report.html").is_file()


def test_an_english_course_gets_english_messages_and_lang_overrides_it(course_root: Path) -> None:
    course_yml = course_root / "course" / "course.yml"
    text = course_yml.read_text(encoding="utf-8")
    course_yml.write_text(text.replace("language: zh", "language: en") if "language:" in text else text + "language: en\n", encoding="utf-8")
    code, output = run("收件箱", "--roster", "名单.csv", "-o", "报告")
    assert code == 0, output
    assert output.splitlines()[:2] == ["3 files: 2 accepted, 0 superseded, 1 rejected",
                                       "4 trainees × 3 forms: 1 on time, 1 late, 10 missing (16.7% handed in)"]
    chinese = CliRunner().invoke(main, ["--lang", "zh", "homework", "report", "收件箱", "--roster", "名单.csv", "-o", "报告"])
    assert chinese.output.splitlines()[0] == "3 个文件：采用 2 个，被新版本取代 0 个，拒收 1 个"


def test_the_service_key_is_read_from_the_file_given(course_root: Path) -> None:
    from coursegen.hr.seal import service_key

    key = service_key(course_root / "表单服务收件箱")  # as the receiver makes it on its first start
    (course_root / "乱写.key").write_text("not a key", encoding="utf-8")
    code, output = run("收件箱", "--roster", "名单.csv", "-o", "报告", "--service-key", "表单服务收件箱.key")
    assert code == 0, output
    assert len(key) == 32
    code, output = run("收件箱", "--roster", "名单.csv", "-o", "报告", "--service-key", "乱写.key")
    assert code == 1 and output.startswith("读不出表单服务的密钥 乱写.key：不是表单服务的密钥") and "Traceback" not in output
    code, output = run("收件箱", "--roster", "名单.csv", "-o", "报告", "--service-key", "没有.key")
    assert code == 1 and output.startswith("读不出表单服务的密钥 没有.key：") and "Traceback" not in output


def test_a_report_without_the_service_key_says_once_how_many_envelopes_it_could_not_check(course_root: Path) -> None:
    from coursegen.hr.seal import seal, service_key

    key = service_key(course_root / "表单服务收件箱")
    envelope = {"received_at": DUE.isoformat(), "receipt": "R-1", "submission": submission(people(4)[2], "lunch-homework")}
    envelope["seal"] = seal(envelope, key)
    write_json(course_root / "收件箱" / "service.json", envelope)
    code, output = run("收件箱", "--roster", "名单.csv", "-o", "报告")
    assert code == 0 and "有 1 份表单服务的交件没法核对签名（没有给 --service-key），只能按学员自报的时间计。" in output
    assert "    提示：加上 --service-key 收件箱.key" in output
    code, output = run("收件箱", "--roster", "名单.csv", "-o", "报告2", "--service-key", "表单服务收件箱.key")
    assert code == 0 and "没法核对签名" not in output


def test_the_summary_counts_a_trainee_whose_only_file_was_rejected_apart_from_those_who_sent_nothing(course_root: Path) -> None:
    edited = submission(people(4)[2], "lunch-homework")
    edited["answers"]["summary"] = "改过的答案"
    write_json(course_root / "收件箱" / "edited.json", edited)
    code, output = run("收件箱", "--roster", "名单.csv", "-o", "报告")
    assert code == 0, output
    assert output.splitlines()[1] == "4 名学员 × 3 项：按时 1，迟交 1，未交 9，提交有问题 1（提交率 16.7%）"
