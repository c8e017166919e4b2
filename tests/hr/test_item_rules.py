"""题目分析's rules: only questions enough trainees answered are ranked (--min-answers, 5 unless HR says otherwise, the
rule said once), questions are named by bank and number as the trainee sees them, an untouched ordering is 未作答."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner
from openpyxl import load_workbook

from coursegen.cli import main
from coursegen.hr import make_report, read_roster
from coursegen.hr.items import ItemAnalysis
from coursegen.load import load_project
from coursegen.model.project import Project
from coursegen.render.quiz import bank_payload, final_payload, scrambled

from .conftest import NOW
from .synthetic import QUIZ_YML, people, submission, write_course, write_json, write_roster

ORDERING = """\
  - id: q6
    type: ordering
    prompt: 把投诉处理的步骤排好顺序。
    items: [倾听, 复述, 解决]
"""
FINAL = "final_assessment: {id: final, title: 结业测评, pass_mark: 60, draw: [{bank: basics, count: 3}]}\n"
SHOWN = scrambled(3, "basics/q6")
"""The order the page shows q6's items in: an answer counts items as listed there."""
RIGHT_ORDER = [SHOWN.index(i) for i in range(3)]
UNTOUCHED = [0, 1, 2]
"""What the quiz hands in for an ordering nobody moved: the order as shown."""
WRONG_ORDER = next(order for order in ([2, 1, 0], [1, 0, 2], [0, 2, 1]) if order not in (RIGHT_ORDER, UNTOUCHED))

Results = dict[str, dict[str, tuple[bool, Any]]]
"""Quiz id → question id → (right at the first try, answer)."""


def _course(root: Path) -> Project:
    """The test course, its basics bank ending with an ordering question (第 6 题), and a final assessment drawing from it."""
    course, quizzes = write_course(root)
    (quizzes / "basics.yml").write_text(QUIZ_YML + ORDERING, encoding="utf-8")
    with (course / "course.yml").open("a", encoding="utf-8") as fp:
        fp.write(FINAL)
    project, _ = load_project(course, quizzes)
    return project


def _write_class(root: Path, project: Project, results: list[Results]) -> Path:
    """One file per trainee carrying ``results``; returns the roster."""
    bank = project.quizzes["basics"]
    final = project.course.final_assessment
    assert final is not None
    hashes = {"basics": bank_payload(bank)["hash"], "final": final_payload(final, [bank])["hash"]}
    persons = people(len(results))
    for person, mine in zip(persons, results):
        scores = {
            quiz_id: {"best": 50, "passed": False, "hash": hashes[quiz_id],
                      "questions": {qid: {"correct": right, "answer": answer} for qid, (right, answer) in questions.items()}}
            for quiz_id, questions in mine.items()
        }
        write_json(root / "inbox" / f"{person.employee_id}.json", submission(person, "lunch-homework", quiz_scores=scores))
    return write_roster(root / "roster.csv", persons)


def _six(root: Path, project: Project) -> Path:
    """Six trainees answer q1 (five right) and q2 (three right); only four answer q6 (one right)."""
    results: list[Results] = []
    for k in range(6):
        basics: dict[str, tuple[bool, Any]] = {"q1": (k < 5, k < 5), "q2": (k < 3, 0 if k < 3 else 1)}
        if k < 4:
            basics["q6"] = (k == 0, RIGHT_ORDER if k == 0 else WRONG_ORDER)
        results.append({"basics": basics})
    return _write_class(root, project, results)


def _report(root: Path, project: Project, roster: Path, **options: Any) -> tuple[ItemAnalysis, str, Any]:
    report, outputs = make_report([root / "inbox"], read_roster(roster), project, root / "out", now=NOW, **options)
    page = outputs.html.read_text(encoding="utf-8")
    return report.items, page[page.index('<section id="items">') : page.index('<section id="surveys">')], load_workbook(outputs.xlsx)["题目分析"]


def test_a_question_fewer_than_five_answered_is_listed_but_not_ranked_and_the_rule_is_said_once(tmp_path: Path) -> None:
    project = _course(tmp_path)
    items, section, sheet = _report(tmp_path, project, _six(tmp_path, project))

    assert [(q.name, q.attempts, q.correct) for q in items.ranked] == [("基础自测 · 第 2 题", 6, 3), ("基础自测 · 第 1 题", 6, 5)]
    assert [(q.name, q.attempts) for q in items.questions if items.too_few(q)] == [("基础自测 · 第 6 题", 4)]
    # The page: said once; the chart and the most-missed table hold the ranked two; all three are listed, q6 marked.
    assert section.count("只对至少 5 人作答的题排名") == 1
    assert "最常答错的 2 道题" in section and section.count('<rect class="on-time"') == 2
    listed = section[section.index("<details>") :]
    assert "<td>基础自测 · 第 6 题</td><td>排序</td><td>把投诉处理的步骤排好顺序。</td><td>4<br><small>不足 5 人作答，不排名</small></td>" in listed
    assert listed.count("不足 5 人作答") == 1
    # The workbook: the rule above the table, the ranked rows numbered, q6 after them marked, the chart on the ranked rows only.
    assert sheet["A3"].value == "只对至少 5 人作答的题排名；作答人数更少的题照样列在全部题目里，标为不排名。"
    rows = [tuple(c.value for c in row)[:6] for row in sheet.iter_rows(min_row=5, max_row=7, max_col=11)]
    assert [(r[0], r[2], r[5]) for r in rows] == [(1, "基础自测 · 第 2 题", 6), (2, "基础自测 · 第 1 题", 6), ("不排名", "基础自测 · 第 6 题", 4)]
    [chart] = sheet._charts
    assert chart.series[0].val.numRef.f == "'题目分析'!$H$5:$H$6"


def test_min_answers_overrides_the_rule_in_the_report(tmp_path: Path) -> None:
    project = _course(tmp_path)
    items, section, sheet = _report(tmp_path, project, _six(tmp_path, project), min_answers=4)
    assert [q.name for q in items.ranked] == ["基础自测 · 第 6 题", "基础自测 · 第 2 题", "基础自测 · 第 1 题"]
    assert "只对至少 4 人作答的题排名" in section and "人作答，不排名" not in section
    assert sheet["A3"].value.startswith("只对至少 4 人作答的题排名")


def test_min_answers_on_the_command_line_reaches_the_report(workdir: Path) -> None:
    project = _course(workdir)
    roster = _six(workdir, project)
    for option, minimum, ranked in ([], 5, 2), (["--min-answers", "4"], 4, 3):
        result = CliRunner().invoke(main, ["homework", "report", "inbox", "--roster", roster.name, "-o", "out", *option])
        assert result.exit_code == 0, result.output
        page = (workdir / "out" / "homework-report.html").read_text(encoding="utf-8")
        assert f"最常答错的 {ranked} 道题" in page and f"只对至少 {minimum} 人作答的题排名" in page
    result = CliRunner().invoke(main, ["homework", "report", "inbox", "--roster", roster.name, "-o", "out", "--min-answers", "0"])
    assert result.exit_code == 2


def test_questions_are_named_by_bank_and_number_in_every_quiz_they_are_in(tmp_path: Path) -> None:
    """The final assessment hands in ``basics/q2``: the trainee saw 基础自测's 第 2 题, inside 结业测评."""
    project = _course(tmp_path)
    final: dict[str, tuple[bool, Any]] = {"basics/q2": (False, 1), "basics/q6": (False, WRONG_ORDER)}
    roster = _write_class(tmp_path, project, [{"basics": {"q2": (True, 0)}, "final": final} for _ in range(5)])
    items, section, sheet = _report(tmp_path, project, roster)

    assert [(q.quiz_title, q.name, q.label) for q in items.ranked] == [
        ("结业测评", "基础自测 · 第 2 题", "结业测评 · 基础自测 · 第 2 题"),
        ("结业测评", "基础自测 · 第 6 题", "结业测评 · 基础自测 · 第 6 题"),
        ("基础自测", "基础自测 · 第 2 题", "基础自测 · 第 2 题"),
    ]
    assert '<span class="qid">基础自测 · 第 6 题 · 排序</span>' in section
    assert "<title>结业测评 · 基础自测 · 第 2 题：第一次答对率 0.0%（0/5）</title>" in section
    assert "<title>基础自测 · 第 2 题：第一次答对率 100.0%（5/5）</title>" in section
    assert "basics/q2" not in section and ">q2<" not in section
    assert [row[2].value for row in sheet.iter_rows(min_row=5, max_row=7)] == ["基础自测 · 第 2 题", "基础自测 · 第 6 题", "基础自测 · 第 2 题"]


def test_an_untouched_ordering_counts_as_not_answered_not_as_a_wrong_order(tmp_path: Path) -> None:
    """Three never moved q6's items (handed in as the order shown), one put them in a wrong order, one got it right;
    in the final assessment, two gave the wrong order and one left it."""
    project = _course(tmp_path)
    bank = [UNTOUCHED, UNTOUCHED, UNTOUCHED, WRONG_ORDER, RIGHT_ORDER]
    final = [WRONG_ORDER, WRONG_ORDER, UNTOUCHED]
    results: list[Results] = [
        {"basics": {"q6": (answer == RIGHT_ORDER, answer)}, **({"final": {"basics/q6": (False, final[k])}} if k < len(final) else {})}
        for k, answer in enumerate(bank)
    ]
    items, section, _ = _report(tmp_path, project, _write_class(tmp_path, project, results), min_answers=1)

    by_quiz = {q.quiz_id: q for q in items.questions}
    assert (by_quiz["basics"].attempts, by_quiz["basics"].correct) == (5, 1)
    assert (by_quiz["basics"].wrong_answer, by_quiz["basics"].wrong_count) == ("（未作答）", 3)
    wrong_order = " → ".join(["倾听", "复述", "解决"][SHOWN[i]] for i in WRONG_ORDER)
    assert (by_quiz["final"].wrong_answer, by_quiz["final"].wrong_count) == (wrong_order, 2)
    assert "（未作答）（3 人）" in section
    shown_order = " → ".join(["倾听", "复述", "解决"][i] for i in SHOWN)
    assert shown_order not in section


NEW_TYPES = """\
  - id: q6
    type: cloze
    prompt: 补全。
    text: 投诉应在{{受理}}后{{5}}个工作日内答复。
  - id: q7
    type: numeric
    prompt: 几个工作日？
    answer: 5
    unit: 天
  - id: q8
    type: dragwords
    prompt: 放词。
    text: 先[[倾听]]，再[[核实]]。
    distractors: [争辩]
"""


def test_the_new_types_wrong_answers_read_blank_by_blank_and_as_typed(tmp_path: Path) -> None:
    """A cloze's answer reads blank by blank (a dash for a blank left empty), a number as typed, a drag-the-words answer
    as the words put in each blank; all blanks empty is 未作答."""
    course, quizzes = write_course(tmp_path)
    (quizzes / "basics.yml").write_text(QUIZ_YML + NEW_TYPES, encoding="utf-8")
    with (course / "course.yml").open("a", encoding="utf-8") as fp:
        fp.write(FINAL)
    project, _ = load_project(course, quizzes)
    shown = scrambled(3, "basics/q8")
    words = ["倾听", "核实", "争辩"]
    wrong_words = [shown.index(2), shown.index(0)]  # 争辩 in the first blank, 倾听 in the second
    results: list[Results] = [
        {"basics": {"q6": (False, ["登记", ""]), "q7": (False, "７天"), "q8": (False, wrong_words)}},
        {"basics": {"q6": (False, ["登记", ""]), "q7": (True, "5"), "q8": (False, [-1, -1])}},
        {"basics": {"q6": (False, ["", ""]), "q7": (False, "７天"), "q8": (False, wrong_words)}},
    ]
    items, _, _ = _report(tmp_path, project, _write_class(tmp_path, project, results), min_answers=1)
    by_id = {q.question_id: q for q in items.questions}
    assert (by_id["q6"].kind, by_id["q6"].wrong_answer, by_id["q6"].wrong_count) == ("多空填空", "登记；—", 2)
    assert (by_id["q7"].kind, by_id["q7"].wrong_answer, by_id["q7"].wrong_count) == ("数值", "７天", 2)
    assert (by_id["q8"].kind, by_id["q8"].wrong_answer, by_id["q8"].wrong_count) == ("拖放填词", f"{words[2]}；{words[0]}", 2)
    assert by_id["q7"].correct == 1
def test_a_distractor_picked_is_named_in_the_most_common_wrong_answer(tmp_path: Path) -> None:
    """Answers number a matching question's right column as the page shows it, distractors among the right sides."""
    course, quizzes = write_course(tmp_path)
    (quizzes / "basics.yml").write_text(QUIZ_YML + """\
  - id: q6
    type: matching
    prompt: 把业务与窗口配对。
    pairs:
      - {left: 开户, right: 综合柜台}
      - {left: 取号, right: 叫号机}
    distractors: [自助缴费机]
""", encoding="utf-8")
    with (course / "course.yml").open("a", encoding="utf-8") as fp:
        fp.write(FINAL)
    project, _ = load_project(course, quizzes)
    shown = [["综合柜台", "叫号机", "自助缴费机"][i] for i in scrambled(3, "basics/q6")]
    wrong = [shown.index("综合柜台"), shown.index("自助缴费机")]
    right = [shown.index("综合柜台"), shown.index("叫号机")]
    results: list[Results] = [{"basics": {"q6": (k == 0, right if k == 0 else wrong)}} for k in range(3)]
    items, _, _ = _report(tmp_path, project, _write_class(tmp_path, project, results), min_answers=1)
    [q6] = [q for q in items.questions if q.question_id == "q6"]
    assert (q6.wrong_answer, q6.wrong_count) == ("开户 → 综合柜台；取号 → 自助缴费机", 2)


def test_hotspot_clicks_are_named_by_the_area_they_fall_in(tmp_path: Path) -> None:
    """Clicks a few pixels apart are one answer: the labelled area they lie in, or elsewhere on the picture."""
    course, quizzes = write_course(tmp_path)
    (quizzes / "basics.yml").write_text(QUIZ_YML + """\
  - id: q6
    type: hotspot
    prompt: 点出公告栏。
    image: images/counter.svg
    alt: 柜台正面
    areas:
      - {shape: rect, at: [62, 10, 30, 40], label: 公告栏}
    distractor_areas:
      - {shape: polygon, points: [[5, 10], [30, 10], [30, 35], [5, 35]], label: 叫号屏}
""", encoding="utf-8")
    with (course / "course.yml").open("a", encoding="utf-8") as fp:
        fp.write(FINAL)
    project, _ = load_project(course, quizzes)
    answers = [(True, [70, 20]), (False, [18, 22]), (False, [10, 12]), (False, [50, 80])]
    results: list[Results] = [{"basics": {"q6": answer}} for answer in answers]
    items, _, _ = _report(tmp_path, project, _write_class(tmp_path, project, results), min_answers=1)
    [q6] = [q for q in items.questions if q.question_id == "q6"]
    assert (q6.kind, q6.attempts, q6.correct, q6.wrong_answer, q6.wrong_count) == ("热区", 4, 1, "叫号屏", 2)
