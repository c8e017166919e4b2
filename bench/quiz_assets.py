"""What quizzes cost: the scripts and styles a page loads, and the extra build time of 1,000 questions.

    python bench/quiz_assets.py [--lectures 200] [--repeats 3] [--out bench/out/quiz]

Page weight (``bench/page_weight.py``): for the example course and the synthetic one, the gzip -9 bytes of
coursegen's scripts and styles a quiz, lecture, dashboard and homework form page loads, each file as shipped
(minified) and compressed on its own. Caps: a quiz page ≤ 13.8 KiB (what mkdocs-quiz inlines into every quiz
page), a lecture page ≤ 8 KiB. They are cached files, each fetched once per site.

Build time: the synthetic course of ``bench/synthetic.py`` (200 lectures, each ending with a bank of
5 questions: 1,000 questions), built with ``coursegen build``, against **the same pages without
quizzes**: the same course with no question banks, and in place of each quiz page a hand-written page
at the same address with the same title and introduction, listed in the navigation the same way.
Budget: at most 10% more. A third build with no quiz pages at all shows what the pages themselves cost
MkDocs (a theme render and a search entry each), which no quiz implementation with its own pages avoids.

Every build runs in a fresh process; wall-clock and CPU seconds are the medians over the repeats.
CPU seconds are the fairer figure on a shared machine. This is a script that prints numbers, not a test.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from measure import Run, median_run, run  # noqa: E402
from page_weight import course_weights, table  # noqa: E402
from synthetic import write_course  # noqa: E402

TIME_BUDGET = 0.10


def without_banks(project: Path, keep_pages: bool) -> None:
    """Remove the question banks and their places in the outline; optionally keep each quiz page's shell."""
    nav: list[dict[str, str]] = []
    for bank_file in sorted((project / "quizzes").glob("*.yml")):
        bank = yaml.safe_load(bank_file.read_text(encoding="utf-8"))
        if keep_pages:
            page = project / "docs" / "quizzes" / f"{bank['id']}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"# {bank['title']}\n\n{bank.get('intro') or ''}\n", encoding="utf-8")
            nav.append({bank["title"]: f"quizzes/{bank['id']}.md"})
        bank_file.unlink()
    for lecture_file in (project / "course" / "lectures").glob("*.yml"):
        lecture = yaml.safe_load(lecture_file.read_text(encoding="utf-8"))
        lecture.pop("activities", None)
        lecture_file.write_text(yaml.safe_dump(lecture, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    if nav:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + "\n" + yaml.safe_dump({"nav": [{"自测练习": nav}]}, allow_unicode=True), encoding="utf-8")


def projects(out: Path, lectures: int) -> dict[str, Path]:
    quizzes = write_course(out / "quizzes", lectures)
    variants: dict[str, Callable[[Path], None]] = {
        "same-pages": lambda p: without_banks(p, keep_pages=True),
        "no-quiz-pages": lambda p: without_banks(p, keep_pages=False),
    }
    result = {"quizzes": quizzes}
    for name, change in variants.items():
        shutil.copytree(quizzes, out / name)
        change(out / name)
        result[name] = out / name
    return result


def question_count(project: Path) -> int:
    return sum(len(yaml.safe_load(f.read_text(encoding="utf-8"))["questions"]) for f in (project / "quizzes").glob("*.yml"))


def build_times(out: Path, lectures: int, repeats: int) -> dict[str, Run]:
    found = projects(out, lectures)
    print(f"\nsynthetic course: {lectures} lectures, {question_count(found['quizzes']):,} questions in {lectures} banks")
    runs: dict[str, list[Run]] = {name: [] for name in found}
    for i in range(repeats):
        for name, project in found.items():  # interleaved, so a busy minute hurts every variant alike
            runs[name].append(run(["coursegen", "build"], project, out / f"{name}-{i}.log"))
    return {name: median_run(r) for name, r in runs.items()}


def report(times: dict[str, Run]) -> None:
    base = times["same-pages"]
    print(f"\n{'build':<34}{'wall s':>9}{'CPU s':>9}{'peak MiB':>10}{'CPU vs same pages':>20}")
    labels = {"quizzes": "with the questions", "same-pages": "same pages without quizzes", "no-quiz-pages": "no quiz pages at all"}
    for name, r in times.items():
        print(f"{labels[name]:<34}{r.wall:>9.1f}{r.cpu:>9.1f}{r.rss_mb:>10.0f}{(r.cpu / base.cpu - 1) * 100:>+19.1f}%")
    extra = times["quizzes"].cpu / base.cpu - 1
    print(f"\nextra build time of the quizzes: {extra * 100:+.1f}% CPU "
          f"({(times['quizzes'].wall / base.wall - 1) * 100:+.1f}% wall); budget {TIME_BUDGET * 100:.0f}%: "
          f"{'within' if extra <= TIME_BUDGET else 'OVER'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lectures", type=int, default=200, help="Lectures, each with a bank of 5 questions.")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "quiz")
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    print(table("page weight, example course", course_weights(ROOT)))
    print(table(f"\npage weight, synthetic course of {args.lectures} lectures", course_weights(write_course(args.out / "weight", args.lectures))))
    report(build_times(args.out, args.lectures, args.repeats))


if __name__ == "__main__":
    main()
