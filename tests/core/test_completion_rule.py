"""The completion rule in course.yml: a good rule loads with its defaults filled in as today's behaviour, an
unknown id is reported at its own line with a did-you-mean, and a final assessment to pass needs one."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursegen.load import load_project
from coursegen.model.project import Project
from coursegen.render import render_site
from coursegen.site_paths import COMPLETION

from tests.coursefiles import COURSE, problems, write_course

HOMEWORK = """\
id: plan
title: 行动计划
fields:
  - id: a
    type: textarea
    label: 计划
"""

BANK = "id: basics\ntitle: 自测\nquestions:\n  - {id: q, type: true_false, prompt: 对吗？, answer: true}\n"
FINAL = "final_assessment:\n  id: exam\n  title: 结业测评\n  pass_mark: 60\n  draw: [{bank: basics, count: 1}]\n"


def load(root: Path) -> Project:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        project, _ = load_project(Path("course"), Path("quizzes"))
    return project


def test_a_rule_naming_real_items_loads_and_what_it_leaves_out_keeps_todays_behaviour(tmp_path: Path) -> None:
    rule = "completion:\n  required:\n    - homework: plan\n    - lecture: one\n"
    write_course(tmp_path, {"course/course.yml": COURSE + FINAL + rule, "course/homework/plan.yml": HOMEWORK, "quizzes/basics.yml": BANK})
    resolved = load(tmp_path).course.completion_rule()
    assert (resolved.lectures, resolved.final) == ("none", "pass")
    assert [(r.kind, r.ref) for r in resolved.required] == [("homework", "plan"), ("lecture", "one")]


def test_without_a_rule_a_course_without_final_needs_every_lecture(tmp_path: Path) -> None:
    resolved = load(write_course(tmp_path)).course.completion_rule()
    assert (resolved.lectures, resolved.final, resolved.required) == ("all", "none", [])


def test_an_unknown_id_in_the_rule_is_reported_at_its_line_with_a_did_you_mean(tmp_path: Path) -> None:
    rule = "completion:\n  lectures: all\n  required:\n    - homework: plam\n"
    write_course(tmp_path, {"course/course.yml": COURSE + rule, "course/homework/plan.yml": HOMEWORK})
    assert problems(tmp_path) == ["course/course.yml:11:17: 找不到 id 为 `plam` 的作业或问卷\n    提示：是不是 `plan`？"]


def test_a_final_to_pass_in_a_course_without_one_is_an_error(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/course.yml": COURSE + "completion:\n  final: pass\n"})
    assert problems(tmp_path) == [
        "course/course.yml:9:10: 结业条件写了 `final: pass`，但课程没有结业测评（`final_assessment`）\n"
        "    提示：加上 `final_assessment`，或删掉 `final`（或写 `final: none`）"
    ]


def test_an_item_naming_two_kinds_says_which_keys_the_rule_takes(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/course.yml": COURSE + "completion:\n  required:\n    - {lecture: one, homework: plan}\n"})
    [problem] = problems(tmp_path)
    assert "`lecture`、`case`、`discussion`、`drill`、`scenario`、`homework`、`quiz` 中的一个键，这里写了 2 个" in problem


def test_an_english_course_gets_its_completion_record_and_rule_in_english(tmp_path: Path) -> None:
    english = COURSE.replace("id: t\n", "id: t\nlanguage: en\n")
    site = render_site(load(write_course(tmp_path, {"course/course.yml": english})))
    page = next(p for p in site.pages if p.path == COMPLETION)
    assert page.title == "Completion record" and "<strong>Completion</strong>" in page.content
    config = next(a for a in site.assets if a.path.endswith("cg-config.js")).content.decode("utf-8")
    record = next(a for a in site.assets if a.path.endswith("cg-strings-record.js")).content.decode("utf-8")
    assert '"completion.recordTitle":"Completion record"' in record  # the record page's own strings
    pages = next(a for a in site.assets if a.path.endswith("cg-strings-progress-pages.js")).content.decode("utf-8")
    assert '"completion.need.passed":"{title} (pass it)"' in pages  # the dashboard's, 学习进度's and the record's
    assert '"completion.need.passed"' not in config  # not every page's
    rule = next(a for a in site.assets if a.path.endswith("cg-rule.js")).content.decode("utf-8")
    assert rule == 'window.coursegenRule = [{"kind":"lecture","id":"one","need":"done"}];\n'  # no final: every lecture, today's rule
