"""Synthetic HR data: a tiny course, a roster and submission files, shared by the tests and the bench scripts."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml

from coursegen.model.quiz import QuizBank
from coursegen.model.submission import ANONYMOUS_VERSION, FORMAT, FORMAT_VERSION, checksum
from coursegen.render.quiz import bank_payload

CST = timezone(timedelta(hours=8))
COURSE_ID = "hr-test-course"
DUE = datetime(2021, 3, 12, 18, 0, tzinfo=CST)
DEPARTMENTS = ("营业部", "城东支行", "城西支行", "个人金融部", "运营管理部")
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"

COURSE_YML = """\
id: {course_id}
title: 银行消费者权益保护与投诉事务管理
background: 测试用课程。
benefits: [熟悉投诉处理流程]
audience: [一线服务管理者]
duration: {{days: 1, hours_per_day: 1}}
lectures: [lecture-1.yml]
"""
LECTURE_YML = """\
id: lecture-1
title: 服务前置
duration_minutes: 60
sections:
  - id: s1
    title: 三维视角
    activities: [{quiz: basics}]
"""
HOMEWORK_YML = """\
id: {id}
title: {title}
kind: homework
{due}fields:
  - id: summary
    label: 案例小结
    type: textarea
    required: true
"""
SURVEY_YML = """\
id: evaluation
title: 课程评估
kind: survey
fields:
  - id: scores
    label: 请为本课程打分
    type: rating
    items:
      - {id: content, label: 课程内容}
      - {id: teacher, label: 讲师表现}
  - id: recommend
    label: 是否愿意向同事推荐本课程？
    type: choice
    options: [愿意, 视情况而定, 不愿意]
  - id: comments
    label: 意见与建议
    type: textarea
"""
QUIZ_YML = """\
id: basics
title: 基础自测
questions:
  - id: q1
    type: true_false
    prompt: 投诉是改进服务的机会。
    answer: true
  - id: q2
    type: single
    prompt: 客户来电投诉时，第一步应当怎样做？
    options:
      - {text: 倾听并记录诉求, correct: true}
      - {text: 解释制度规定}
      - {text: 转给其他同事}
      - {text: 请客户改日再来}
  - id: q3
    type: multiple
    prompt: 哪些做法有助于平复客户情绪？
    options:
      - {text: 复述客户的诉求, correct: true}
      - {text: 说明下一步安排, correct: true}
      - {text: 打断客户的陈述}
  - id: q4
    type: fill
    prompt: 投诉处理的第一个环节是 _____。
    accept: [倾听]
  - id: q5
    type: short
    prompt: 简述你处理过的一次投诉。
    reference: 按倾听、复述、解决、回访的顺序。
    checklist: [倾听, 回访]
"""
BASICS_QUESTIONS = ("q1", "q2", "q3", "q4")
"""The auto-graded questions of the basics bank: the ones a submission carries results for (q5 is self-checked)."""

FORMS = {"lunch-homework": "homework", "case-review": "homework", "evaluation": "survey"}
"""The forms of the test course: lunch-homework has a due time, case-review has none."""


def basics_hash() -> str:
    """The content hash the course site gives the basics bank (per-question results carry it)."""
    return str(bank_payload(QuizBank.model_validate(yaml.safe_load(QUIZ_YML)))["hash"])


def basics_score(results: dict[str, tuple[bool, Any]], *, best: int, passed: bool, hash_: str | None = None) -> dict[str, Any]:
    """A ``quiz_scores`` entry for the basics bank carrying per-question results: question id → (right, answer)."""
    questions = {qid: {"correct": correct, "answer": answer} for qid, (correct, answer) in results.items()}
    return {"basics": {"best": best, "passed": passed, "hash": hash_ or basics_hash(), "questions": questions}}


def write_course(root: Path) -> tuple[Path, Path]:
    """A minimal valid course with two homework forms, a survey and one quiz bank; returns (course, quizzes)."""
    course, quizzes = root / "course", root / "quizzes"
    (course / "homework").mkdir(parents=True)
    quizzes.mkdir()
    (course / "course.yml").write_text(COURSE_YML.format(course_id=COURSE_ID), encoding="utf-8")
    (course / "lecture-1.yml").write_text(LECTURE_YML, encoding="utf-8")
    due = f"due: {DUE.isoformat()}\n"
    (course / "homework" / "lunch.yml").write_text(HOMEWORK_YML.format(id="lunch-homework", title="午休作业：投诉案例梳理", due=due), encoding="utf-8")
    (course / "homework" / "review.yml").write_text(HOMEWORK_YML.format(id="case-review", title="案例复盘", due=""), encoding="utf-8")
    (course / "homework" / "survey.yml").write_text(SURVEY_YML, encoding="utf-8")
    (quizzes / "basics.yml").write_text(QUIZ_YML, encoding="utf-8")
    return course, quizzes


@dataclass(frozen=True)
class Person:
    employee_id: str
    name: str
    department: str


def people(count: int) -> list[Person]:
    """``count`` trainees with ids E0001…, Chinese names and departments in turn."""
    return [
        Person(f"E{i:04d}", _SURNAMES[i % len(_SURNAMES)] + _GIVEN[(i * 7) % len(_GIVEN)] + _GIVEN[(i * 3) % len(_GIVEN)], DEPARTMENTS[i % len(DEPARTMENTS)])
        for i in range(1, count + 1)
    ]


def write_roster(path: Path, persons: list[Person], encoding: str = "utf-8", header: tuple[str, str, str] = ("工号", "姓名", "部门")) -> Path:
    with path.open("w", encoding=encoding, newline="") as fp:
        writer = csv.writer(fp)
        writer.writerow(header)
        writer.writerows([p.employee_id, p.name, p.department] for p in persons)
    return path


def submission(
    person: Person,
    form_id: str,
    *,
    updated_at: datetime = DUE - timedelta(hours=2),
    answers: dict[str, Any] | None = None,
    quiz_scores: dict[str, Any] | None = None,
    course_id: str = COURSE_ID,
    employee_id: str | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """A valid submission dict for ``person``, checksum included; keyword arguments change single fields."""
    kind = FORMS.get(form_id, "homework")
    if answers is None:
        answers = {"scores": {"content": 4, "teacher": 5}, "comments": "很实用"} if kind == "survey" else {"summary": "本月处理投诉三起。"}
    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "course_id": course_id,
        "homework_id": form_id,
        "kind": kind,
        "trainee": {"name": name or person.name, "employee_id": employee_id or person.employee_id, "department": person.department},
        "answers": answers,
        "quiz_scores": quiz_scores or {},
        "created_at": (updated_at - timedelta(minutes=30)).isoformat(),
        "updated_at": updated_at.isoformat(),
        "generator": "coursegen 0.1.0",
    }
    data["sha256"] = checksum(data)
    return data


def anonymous_submission(form_id: str, answers: dict[str, Any], *, updated_at: datetime = DUE - timedelta(hours=2)) -> dict[str, Any]:
    """An anonymous evaluation as the site writes it (format version 2): no trainee, no quiz scores, checksum included."""
    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": ANONYMOUS_VERSION,
        "course_id": COURSE_ID,
        "homework_id": form_id,
        "kind": "survey",
        "answers": answers,
        "quiz_scores": {},
        "created_at": (updated_at - timedelta(minutes=10)).isoformat(),
        "updated_at": updated_at.isoformat(),
        "generator": "coursegen 0.1.0",
    }
    data["sha256"] = checksum(data)
    return data


def report_csv(out: Path, name: str) -> list[dict[str, str]]:
    """The rows of the report's ``csv/<name>`` in ``out``, as a program reading it gets them."""
    with (out / "csv" / name).open(encoding="utf-8-sig", newline="") as fp:
        return list(csv.DictReader(fp))


def write_json(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _demo_score(rng: Any, digest: str) -> dict[str, Any]:
    """The basics bank's score with per-question results, as a course with `results: questions` hands it in."""
    right = {"q1": rng.random() < 0.9, "q2": rng.random() < 0.6, "q3": rng.random() < 0.4, "q4": rng.random() < 0.7}
    answers = {"q1": right["q1"], "q2": 0 if right["q2"] else rng.choice([1, 1, 2, 3]), "q3": [0, 1] if right["q3"] else rng.choice([[0], [1], [0, 2]]),
               "q4": "倾听" if right["q4"] else rng.choice(["受理", "登记"])}
    best = 25 * sum(right.values())
    return basics_score({qid: (right[qid], answers[qid]) for qid in BASICS_QUESTIONS}, best=best, passed=best >= 75, hash_=digest)


def write_demo(root: Path, trainees: int, files: int, seed: int = 7, mail_share: float = 0.0) -> tuple[Path, Path, Path, Path]:
    """A class of ``trainees`` sending about ``files`` files: late ones, resent versions, survey answers,
    a few strangers and hand-edited files; two departments mail theirs as one zip each.

    ``mail_share`` of the files arrive inside mail exports instead: half as one ``.eml`` each, half in
    one mbox, every mail received a few minutes after its file was made (one in 20 two days after:
    back-dated) and a few as copies of the Outlook fixture.

    Returns (course folder, quizzes folder, roster, submissions folder).
    """
    import random
    import zipfile

    from .mails import mail, write_eml, write_mbox

    rng = random.Random(seed)
    course, quizzes = write_course(root)
    digest = basics_hash()
    persons = people(trainees)
    roster = write_roster(root / "roster.csv", persons, encoding="utf-8-sig")
    inbox = root / "submissions"
    written = 0
    comments = ["案例贴近实际，希望多一些演练时间。", "讲解清晰，投诉升级部分很有启发。", "建议增加舆情应对的练习。", ""]
    mails: list[Any] = []
    while written < files:
        person = rng.choice(persons)
        form = rng.choice(list(FORMS))
        folder = inbox / person.department
        hours = rng.choice([-30, -20, -6, -2, -1, 3, 20, 50])
        if rng.random() < 0.02:
            stranger = Person(f"X{written:05d}", person.name, person.department)
            data = submission(stranger, form, updated_at=DUE + timedelta(hours=hours))
        else:
            quiz = _demo_score(rng, digest) if rng.random() < 0.7 else {}
            answers = None
            if FORMS[form] == "survey":
                answers = {"scores": {"content": rng.choice([3, 4, 4, 5, 5]), "teacher": rng.choice([2, 4, 5, 5])}, "comments": rng.choice(comments),
                           "recommend": rng.choice(["愿意", "愿意", "视情况而定", "不愿意", ""])}
            data = submission(person, form, updated_at=DUE + timedelta(hours=hours, minutes=rng.randrange(60)), answers=answers, quiz_scores=quiz)
            if rng.random() < 0.01:
                data["answers"] = {"summary": "（手工改过）"}
        name = f"{person.employee_id}-{form}-{written}.json"
        if rng.random() < mail_share:
            made = datetime.fromisoformat(data["updated_at"])
            received = made + (timedelta(days=2) if rng.random() < 0.05 else timedelta(minutes=rng.randrange(1, 30)))
            mails.append(mail(f"{person.name} <{person.employee_id.lower()}@branch.example>", {name: json.dumps(data, ensure_ascii=False).encode("utf-8")},
                              received=received, date=made))
        else:
            write_json(folder / name, data)
        written += 1
    outlook = Path(__file__).parent / "data" / "received-late.msg"
    for i, message in enumerate(mails[: len(mails) // 2]):
        write_eml(inbox / "邮件" / f"{i:05d}.eml", message)
    if mails:
        write_mbox(inbox / "邮件" / "收件箱.mbox", mails[len(mails) // 2 :])
        for i in range(10):
            (inbox / "邮件" / f"outlook-{i}.msg").write_bytes(outlook.read_bytes())
    for department in DEPARTMENTS[:2]:
        folder = inbox / department
        if folder.is_dir():
            with zipfile.ZipFile(inbox / f"{department}.zip", "w", zipfile.ZIP_DEFLATED) as archive:
                for path in sorted(folder.iterdir()):
                    archive.write(path, f"{department}/{path.name}")
                    path.unlink()
            folder.rmdir()
    return course, quizzes, roster, inbox
