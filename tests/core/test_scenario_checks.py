"""A scenario's scenes must form a walkable whole: each mistake a trainer can make in how scenes lead into one
another is reported once, at its line, in Chinese, with a fix that works; the best way through is the one
scoring most."""

from __future__ import annotations

from pathlib import Path

from coursegen.load import load_project
from coursegen.model.scenario import Step, best_path, path_total

from tests.coursefiles import problems, write_course

FILE = "course/scenarios/walk.yml"

SCENARIO = """\
id: walk
title: 走一遍
scenes:
  - id: start
    title: 开场
    situation: 客户来到柜台。
    choices:
      - text: 先道歉
        to: calm
        points: 2
      - text: 先解释
        to: angry
  - id: calm
    title: 平静
    situation: 客户平静了。
    ending:
      outcome: 问题解决
      score: 5
  - id: angry
    title: 升级
    situation: 客户更生气了。
    ending:
      outcome: 客户投诉
"""


def scenario_problems(tmp_path: Path, text: str) -> list[str]:
    write_course(tmp_path, {FILE: text})
    return problems(tmp_path)


def loads(tmp_path: Path, text: str) -> None:
    write_course(tmp_path, {FILE: text})
    project, _ = load_project(tmp_path / "course", tmp_path / "quizzes")
    assert "walk" in project.scenarios


def test_the_example_scenario_loads_and_its_best_way_scores_most(tmp_path: Path) -> None:
    write_course(tmp_path, {FILE: SCENARIO})
    project, warnings = load_project(tmp_path / "course", tmp_path / "quizzes")
    scenario = project.scenarios["walk"]
    assert warnings == []
    assert best_path(scenario) == [Step("start", 0), Step("calm", None)]
    assert path_total(scenario, best_path(scenario)) == 7


def test_a_choice_leading_to_an_unknown_scene_is_reported_at_its_to_with_the_id_meant(tmp_path: Path) -> None:
    wrong = SCENARIO.replace("to: calm", "to: clam")
    assert scenario_problems(tmp_path, wrong) == [f"{FILE}:9:13: 没有 id 为 `clam` 的一幕\n    提示：是不是 `calm`？"]
    loads(tmp_path, wrong.replace("clam", "calm"))


def test_an_unknown_start_names_the_scenes_there_are(tmp_path: Path) -> None:
    wrong = SCENARIO.replace("scenes:\n", "start: xyz\nscenes:\n")
    assert scenario_problems(tmp_path, wrong) == [
        f"{FILE}:3:8: 没有 id 为 `xyz` 的一幕\n    提示：本情景模拟各幕的 id：`start`、`calm`、`angry`"
    ]


def test_a_scene_no_way_reaches_is_reported_once_at_its_id(tmp_path: Path) -> None:
    lost = "  - id: lost\n    title: 没人来\n    situation: 没有人走到这里。\n    choices:\n      - text: 回去\n        to: calm\n"
    assert scenario_problems(tmp_path, SCENARIO + lost) == [
        f"{FILE}:24:9: 没有哪条路能走到 `lost` 这一幕，学员看不到它\n    提示：在某一幕的选项里写 `to: lost`，或者删掉这一幕。"
    ]
    fixed = SCENARIO.replace("      - text: 先解释\n", "      - text: 先看看\n        to: lost\n      - text: 先解释\n") + lost
    loads(tmp_path, fixed)


def test_an_ending_no_way_reaches_is_reported_once_as_an_ending(tmp_path: Path) -> None:
    unseen = "  - id: secret\n    title: 隐藏结局\n    situation: 没有人走到这里。\n    ending:\n      outcome: 没人见过\n"
    assert scenario_problems(tmp_path, SCENARIO + unseen) == [
        f"{FILE}:24:9: 没有哪条路能走到结局 `secret`，学员永远走不到这个结局\n    提示：在某一幕的选项里写 `to: secret`，或者删掉这一幕。"
    ]


def test_a_scene_with_no_way_out_that_is_no_ending_is_reported_once_not_the_scenes_before_it(tmp_path: Path) -> None:
    stuck = SCENARIO.replace("    ending:\n      outcome: 客户投诉\n", "")
    assert scenario_problems(tmp_path, stuck) == [
        f"{FILE}:19:9: `angry` 这一幕既不是结局，也没有选项，学员走到这里就停住了\n"
        "    提示：给它写 `choices`（每项 `text` 和 `to`），或者写 `ending`（至少写 `outcome`）让它成为结局。"
    ]
    loads(tmp_path, stuck + "    ending:\n      outcome: 客户投诉\n")


def test_scenes_going_round_in_a_loop_without_an_ending_are_each_reported_once(tmp_path: Path) -> None:
    loop = SCENARIO.replace("    ending:\n      outcome: 客户投诉\n", "    choices:\n      - text: 再劝\n        to: again\n")
    loop += "  - id: again\n    title: 再来一次\n    situation: 客户还在生气。\n    choices:\n      - text: 再劝\n        to: angry\n"
    hint = "    提示：让这一幕或它后面某一幕的一个选项转到结局幕（`to:` 写结局幕的 id）。"
    assert scenario_problems(tmp_path, loop) == [
        f"{FILE}:19:9: 从 `angry` 这一幕出发，怎么选都走不到任何结局，学员会一直绕圈\n{hint}",
        f"{FILE}:25:9: 从 `again` 这一幕出发，怎么选都走不到任何结局，学员会一直绕圈\n{hint}",
    ]
    loads(tmp_path, loop + "      - text: 请负责人来\n        to: calm\n")


def test_an_ending_with_choices_is_reported_at_its_choices(tmp_path: Path) -> None:
    wrong = SCENARIO.replace("      score: 5\n", "      score: 5\n    choices:\n      - text: 再聊聊\n        to: angry\n")
    assert scenario_problems(tmp_path, wrong) == [
        f"{FILE}:19:5: 结局幕 `calm` 不能再有选项\n"
        "    提示：结局幕只写 `ending`；要让学员继续选，就删掉 `ending`，这一幕就不是结局了。"
    ]


def test_a_repeated_scene_id_is_reported_at_the_repeat(tmp_path: Path) -> None:
    wrong = SCENARIO.replace("  - id: angry\n", "  - id: calm\n").replace("to: angry", "to: calm")
    found = scenario_problems(tmp_path, wrong)
    assert found[0].startswith(f"{FILE}:19:9: 幕 id `calm` 重复了，第 13 行已经有一个")
    assert len(found) == 1
