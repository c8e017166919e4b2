"""Write a synthetic course project of any size for the benchmarks.

Lectures and question banks are built from a small vocabulary of bank-branch service work, so the
text reads like a real course (varied Chinese sentences, full-width punctuation) while staying
neutral: no statistics, no laws, no real institutions. The same seed always gives the same course,
so runs at different times compare like with like.

Each lecture has three sections of three points, ends with a link to its own question bank, and
lasts 30 minutes; the course's days are set so the agenda adds up without a warning. Each bank has
five questions of the types every quiz tool in the comparison can express (single and multiple
choice, true/false, fill in the blank).

    python bench/synthetic.py OUT_DIR --lectures 200
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from coursegen.scaffold import create_project  # noqa: E402

QUESTIONS_PER_BANK = 5
LECTURE_MINUTES = 30
HOURS_PER_DAY = 10

ROLES = ["柜员", "大堂经理", "客户经理", "理财经理", "网点负责人", "投诉管理专员", "运营主管", "远程客服坐席"]
CUSTOMERS = ["老年客户", "企业财务人员", "代发工资客户", "首次开户的客户", "外地来访客户", "行动不便的客户", "年轻客户", "个体工商户"]
SERVICES = ["借记卡挂失", "大额取现预约", "手机银行转账", "理财产品赎回", "信用卡分期", "账户年费减免",
            "定期存单提前支取", "对公账户开立", "代发工资签约", "社保卡激活", "跨行汇款", "密码重置"]
ISSUES = ["排队等候时间过长", "手续费说明不清", "业务办理被拒绝", "所需材料反复变化", "前后答复口径不一致",
          "预约后仍需等待", "线上线下规则不同", "办理进度无人告知"]
ACTIONS = ["主动说明办理流程", "提前告知所需材料", "当场登记客户诉求", "约定回访时间", "向上级申请授权",
           "提供替代办理渠道", "复述并确认客户的需求", "把处理进展及时告诉客户"]
RESULTS = ["减少客户的重复往返", "避免误解进一步扩大", "让客户感到被尊重", "缩短问题的处理时间",
           "防止投诉升级", "稳定客户的情绪", "留下清楚的处理记录", "提升客户的信任感"]
CAUSES = ["期望值没有提前管理", "制度规定与客户需求脱节", "前后台职责划分不清", "一线授权不足",
          "产品条款提示不充分", "服务口径没有统一"]
TOPICS = ["服务规范", "投诉预防", "沟通技巧", "风险提示", "流程优化", "情绪安抚", "首问负责", "回访管理"]
FILLS = [
    ("{customer}是否满意，取决于实际感受与事先的____之间的差距。", "期望值"),
    ("处理{service}的投诉，既要平息眼前的不满，也要消除引发投诉的____。", "根源"),
    ("{role}应在约定时间内对{customer}进行____，确认问题已经解决。", "回访"),
    ("遇到{issue}这类问题，一线员工需要足够的____，才能当场解决。", "授权"),
]
"""(sentence with a blank, the word that fills it)."""
WRONG_ACTIONS = ["让客户改日再来", "直接按规定拒绝", "请客户自行查询", "先处理后面的客户", "转给其他同事了事"]

SENTENCES = [
    "{role}在办理{service}时，应当{action}，以{result}。",
    "当{customer}反映{issue}时，{role}首先要{action}。",
    "{issue}的背后，往往是{cause}。",
    "面对{customer}，{role}要{action}，而不是急于解释规定。",
    "{service}环节如果{issue}，最容易引发客户的不满。",
    "做到{action}，可以{result}。",
    "{role}要把{service}的办理要点讲清楚，这样可以{result}。",
    "许多关于{service}的投诉，根源在于{cause}。",
]


class Writer:
    """Draws words and sentences from one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def pick(self, words: list[str]) -> str:
        return self.rng.choice(words)

    def sentence(self) -> str:
        template = self.pick(SENTENCES)
        return template.format(
            role=self.pick(ROLES), customer=self.pick(CUSTOMERS), service=self.pick(SERVICES),
            issue=self.pick(ISSUES), action=self.pick(ACTIONS), result=self.pick(RESULTS), cause=self.pick(CAUSES),
        )

    def paragraph(self, sentences: int) -> str:
        return "".join(self.sentence() for _ in range(sentences))


def lecture_id(n: int) -> str:
    return f"lecture-{n:04d}"


def bank_id(n: int) -> str:
    return f"quiz-{n:04d}"


def lecture(w: Writer, n: int) -> dict[str, Any]:
    """Lecture ``n`` (1-based): three sections of three points, the bank linked at the end."""
    service, topic = w.pick(SERVICES), w.pick(TOPICS)
    sections = []
    for s in range(1, 4):
        points = [
            {"title": f"{w.pick(ACTIONS)}的要点", "body": w.paragraph(2), "points": [w.pick(ACTIONS), w.pick(RESULTS)]}
            for _ in range(3)
        ]
        sections.append({"id": f"s{s}", "title": f"{w.pick(CUSTOMERS)}的{w.pick(SERVICES)}", "body": w.paragraph(2), "points": points})
    return {
        "id": lecture_id(n),
        "label": f"第{n}讲",
        "title": f"{service}中的{topic}",
        "duration_minutes": LECTURE_MINUTES,
        "summary": w.paragraph(3),
        "objectives": [w.sentence() for _ in range(3)],
        "sections": sections,
        "activities": [{"quiz": bank_id(n)}],
    }


def options(w: Writer, right: list[str], wrong: list[str]) -> list[dict[str, Any]]:
    picked = [{"text": t, "correct": True, "feedback": "正确。" + w.sentence()} for t in right]
    picked += [{"text": t, "feedback": "这样做容易让客户觉得被推诿。" + w.sentence()} for t in wrong]
    w.rng.shuffle(picked)
    return picked


def bank(w: Writer, n: int) -> dict[str, Any]:
    """The five questions of lecture ``n``: single, multiple, true/false, fill in the blank, single."""
    customer, service, issue = w.pick(CUSTOMERS), w.pick(SERVICES), w.pick(ISSUES)
    actions, wrongs = w.rng.sample(ACTIONS, 2), w.rng.sample(WRONG_ACTIONS, 3)
    cause = w.pick(CAUSES)
    blank, answer = w.pick(FILLS)
    questions = [
        {"id": "q1", "type": "single", "points": 2,
         "prompt": f"{customer}在办理{service}时反映{issue}，最恰当的第一步是：",
         "options": options(w, [actions[0]], wrongs), "explanation": w.paragraph(2)},
        {"id": "q2", "type": "multiple", "points": 3,
         "prompt": f"预防{service}相关投诉的做法有哪些？（多选）",
         "options": options(w, actions[:2], wrongs[:2]), "explanation": w.paragraph(2)},
        {"id": "q3", "type": "true_false", "points": 1,
         "prompt": f"只要按规定答复，{customer}关于{issue}的不满就不会升级。", "answer": False,
         "feedback_true": w.sentence(), "feedback_false": "正确。" + w.sentence(), "explanation": w.paragraph(1)},
        {"id": "q4", "type": "fill", "points": 2,
         "prompt": blank.format(customer=customer, service=service, issue=issue, role=w.pick(ROLES)),
         "accept": [answer], "explanation": w.paragraph(1)},
        {"id": "q5", "type": "single", "points": 2,
         "prompt": f"同一类关于{service}的投诉反复出现，最可能的根源是：",
         "options": options(w, [cause], w.rng.sample([c for c in CAUSES if c != cause], 3)), "explanation": w.paragraph(2)},
    ]
    return {
        "id": bank_id(n),
        "title": f"第{n}讲自测",
        "intro": f"检验你对第{n}讲的掌握，共 {QUESTIONS_PER_BANK} 题。",
        "pass_mark": 60,
        "questions": questions,
    }


def course(lectures: int, files: list[str]) -> dict[str, Any]:
    return {
        "id": f"synthetic-{lectures}",
        "title": f"网点服务与投诉预防（{lectures} 讲）",
        "subtitle": "基准测试用的合成课程",
        "language": "zh",
        "background": "本课程由基准测试脚本自动生成，用于衡量站点构建的速度。内容取自网点服务的常见场景。",
        "benefits": ["熟悉网点常见业务的服务要点", "掌握预防投诉升级的基本做法"],
        "audience": ["一线柜员", "大堂经理", "网点负责人"],
        "duration": {"days": lectures * LECTURE_MINUTES / (HOURS_PER_DAY * 60), "hours_per_day": HOURS_PER_DAY},
        "lectures": files,
    }


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: a 1,000-lecture course in seconds
    path.write_text(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def lecture_file(n: int) -> str:
    """The path of lecture ``n``'s YAML, relative to the course folder."""
    return f"lectures/{n:04d}.yml"


def write_course(root: Path, lectures: int, seed: int = 2021) -> Path:
    """A `coursegen new` project in ``root`` whose course has ``lectures`` lectures; returns ``root``."""
    create_project(root, f"网点服务与投诉预防（{lectures} 讲）")
    for folder in ("course", "quizzes"):
        shutil.rmtree(root / folder)
    w = Writer(seed)
    files = [lecture_file(n) for n in range(1, lectures + 1)]
    for n in range(1, lectures + 1):
        _dump(root / "course" / lecture_file(n), lecture(w, n))
        _dump(root / "quizzes" / f"{bank_id(n)}.yml", bank(w, n))
    _dump(root / "course" / "course.yml", course(lectures, files))
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="An empty or new folder.")
    parser.add_argument("--lectures", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()
    write_course(args.out, args.lectures, args.seed)
    print(f"{args.lectures} lectures written to {args.out}/")


if __name__ == "__main__":
    main()
