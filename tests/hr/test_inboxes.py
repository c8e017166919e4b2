"""`homework report` over several folders in one run: the shared folder and the form service's inbox.

Every file of every folder is read; a file's source says its folder, so two ``a.json`` stay apart; the same file
in both counts once; the report is never written inside any of them."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from coursegen.cli import main
from coursegen.hr import Limits
from coursegen.hr.sources import walk_all

from .synthetic import DUE, people, submission, write_course, write_json, write_roster

PERSONS = people(4)


@pytest.fixture
def two_inboxes(workdir: Path) -> Path:
    """共享/ holds trainee 1's a.json and trainee 3's c.json; 收件箱/ holds trainee 2's a.json, trainee 4's d.json and a
    copy of c.json (HR copied it across)."""
    write_course(workdir)
    write_roster(workdir / "名单.csv", PERSONS)
    write_json(workdir / "共享" / "a.json", submission(PERSONS[0], "lunch-homework"))
    write_json(workdir / "共享" / "c.json", submission(PERSONS[2], "lunch-homework", updated_at=DUE.replace(day=13)))
    write_json(workdir / "收件箱" / "a.json", submission(PERSONS[1], "lunch-homework"))
    write_json(workdir / "收件箱" / "d.json", submission(PERSONS[3], "case-review"))
    shutil.copy(workdir / "共享" / "c.json", workdir / "收件箱" / "c.json")
    return workdir


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["homework", "report", *args])
    return result.exit_code, result.output


def _files(out: Path) -> dict[str, tuple[str, str, str]]:
    """files.csv: source → (bucket, employee id, detail)."""
    with (out / "csv" / "files.csv").open(encoding="utf-8-sig", newline="") as fp:
        return {row["file"]: (row["bucket"], row["employee_id"], row["detail"]) for row in csv.DictReader(fp)}


def test_every_file_of_both_folders_is_read_each_named_with_its_folder(two_inboxes: Path) -> None:
    code, output = run("共享", "收件箱", "--roster", "名单.csv", "-o", "报告")
    assert code == 0, output
    assert output.splitlines()[0] == "5 个文件：采用 4 个，被新版本取代 1 个，拒收 0 个"
    files = _files(two_inboxes / "报告")
    assert {source: (bucket, eid) for source, (bucket, eid, _) in files.items()} == {
        "共享/a.json": ("accepted", "E0001"),
        "共享/c.json": ("accepted", "E0003"),
        "收件箱/a.json": ("accepted", "E0002"),
        "收件箱/c.json": ("superseded", "E0003"),
        "收件箱/d.json": ("accepted", "E0004"),
    }
    # The copy says which file it copies; trainee 3's homework counts once, late (it came on the 13th).
    assert files["收件箱/c.json"][2] == "与「共享/c.json」内容相同"
    assert output.splitlines()[1] == "4 名学员 × 3 项：按时 3，迟交 1，未交 8（提交率 33.3%）"
    page = (two_inboxes / "报告" / "homework-report.html").read_text(encoding="utf-8")
    assert "共享/a.json" in page and "收件箱/a.json" in page


def test_one_folder_keeps_its_sources_as_they_were(two_inboxes: Path) -> None:
    code, output = run("收件箱", "--roster", "名单.csv", "-o", "报告")
    assert code == 0, output
    assert set(_files(two_inboxes / "报告")) == {"a.json", "c.json", "d.json"}


def test_a_folder_given_twice_or_inside_another_one_given_is_read_once(two_inboxes: Path) -> None:
    (two_inboxes / "共享" / "收件箱").mkdir()
    write_json(two_inboxes / "共享" / "收件箱" / "e.json", submission(PERSONS[3], "lunch-homework"))
    sources = [found.source for found in walk_all([Path("共享"), Path("./共享"), Path("共享/收件箱"), two_inboxes / "共享"], Limits())]
    assert sources == ["a.json", "c.json", "收件箱/e.json"]


def test_the_report_is_not_written_inside_the_second_folder(two_inboxes: Path) -> None:
    code, output = run("共享", "收件箱", "--roster", "名单.csv", "-o", "收件箱/报告")
    assert code == 1
    assert output.splitlines()[0] == "输出文件夹 收件箱/报告 在提交文件夹 收件箱 里面，请换一个文件夹，例如 -o 报告"
    assert not (two_inboxes / "收件箱" / "报告").exists()


def test_the_grading_workbook_is_not_written_inside_the_second_folder(two_inboxes: Path) -> None:
    code, output = run("共享", "收件箱", "--roster", "名单.csv", "-o", "报告", "--grading", "收件箱/批改表.xlsx")
    assert code == 1
    assert output.splitlines()[0] == "批改表 收件箱/批改表.xlsx 在提交文件夹 收件箱 里面，请换一个位置"
    assert not (two_inboxes / "收件箱" / "批改表.xlsx").exists() and not (two_inboxes / "报告").exists()


def test_no_folder_at_all_is_refused(two_inboxes: Path) -> None:
    code, output = run("--roster", "名单.csv", "-o", "报告")
    assert code == 2 and "SUBMISSIONS" in output
