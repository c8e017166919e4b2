"""What quizzes cost: the size of their script and styles, and the extra build time of 1,000 questions.

    python bench/quiz_assets.py [--lectures 200] [--repeats 3] [--out bench/out/quiz]

Sizes: the quiz's scripts (``cg-quiz.js`` and its parts ``cg-quiz-*.js``) and ``cg-quiz.css`` as shipped
(raw) and compressed with gzip -9 (what a web server sends). Budget: 12 KB gzip for all of them together.
They are cached files, loaded once per site.

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

from measure import Run, gzip_bytes, median_run, quiz_files, run  # noqa: E402
from synthetic import write_course  # noqa: E402

ASSETS = ROOT / "generator" / "assets"
GZIP_BUDGET = 12 * 1024
TIME_BUDGET = 0.10


def sizes() -> int:
    """Print the size table; return the gzip total."""
    print(f"{'file':<22}{'raw bytes':>12}{'gzip -9':>12}")
    raw_total = gz_total = 0
    for file in quiz_files(ASSETS):
        data = file.read_bytes()
        raw, gz = len(data), gzip_bytes(data)
        raw_total, gz_total = raw_total + raw, gz_total + gz
        print(f"{file.name:<22}{raw:>12,}{gz:>12,}")
    print(f"{'total':<22}{raw_total:>12,}{gz_total:>12,}   budget {GZIP_BUDGET:,} gzip: "
          f"{'within' if gz_total <= GZIP_BUDGET else 'OVER'}")
    return gz_total


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
    sizes()
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    report(build_times(args.out, args.lectures, args.repeats))


if __name__ == "__main__":
    main()
