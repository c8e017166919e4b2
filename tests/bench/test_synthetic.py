"""The benchmark's synthetic course is a valid course, and a tiny one builds into a site.

The benchmark's numbers are only worth something if its course is one coursegen accepts without a
warning and that reads like a course; the comparison sites must carry the same questions.
"""

from __future__ import annotations

import re
from pathlib import Path

from bench.synthetic import QUESTIONS_PER_BANK, write_course
from bench.variants import FLOOR, MKDOCS_QUIZ, write_variants
from coursegen.builder import Paths, build
from coursegen.load import load_project


def test_course_loads_without_warnings_and_reads_like_chinese(tmp_path: Path) -> None:
    root = write_course(tmp_path / "course", 12)
    project, warnings = load_project(root / "course", root / "quizzes")
    assert warnings == []
    assert len(project.lectures) == 12 and len(project.quizzes) == 12
    assert {len(bank.questions) for bank in project.quizzes.values()} == {QUESTIONS_PER_BANK}
    assert {q.type for bank in project.quizzes.values() for q in bank.questions} == {"single", "multiple", "true_false", "fill"}
    lecture = project.lectures[3]
    assert lecture.label == "第4讲" and lecture.activities[0].ref == "quiz-0004"
    text = lecture.summary or ""
    assert re.search(r"[\u4e00-\u9fff]{10}", text) and text.endswith("。")
    summaries = {l.summary for l in project.lectures}
    assert len(summaries) == 12, "every lecture reads differently"


def test_same_seed_same_course(tmp_path: Path) -> None:
    a, b, c = (write_course(tmp_path / name, 3, seed=seed) for name, seed in (("a", 1), ("b", 1), ("c", 2)))
    lecture = "course/lectures/0002.yml"
    assert (a / lecture).read_text(encoding="utf-8") == (b / lecture).read_text(encoding="utf-8")
    assert (a / lecture).read_text(encoding="utf-8") != (c / lecture).read_text(encoding="utf-8")


def test_tiny_course_builds_and_the_comparison_sites_carry_the_same_questions(tmp_path: Path) -> None:
    root = write_course(tmp_path / "course", 2)
    paths = Paths(config=root / "mkdocs.yml", course=root / "course", quizzes=root / "quizzes", work=root / ".coursegen")
    build(paths, root / "site")
    page = (root / "site" / "lectures" / "lecture-0002" / "index.html").read_text(encoding="utf-8")
    assert "第2讲" in page and "quiz-0002" in page
    assert (root / "site" / "quizzes" / "quiz-0002" / "index.html").is_file()

    configs = write_variants(root)
    quiz_md = (configs[MKDOCS_QUIZ].parent / "docs" / "quizzes" / "quiz-0002.md").read_text(encoding="utf-8")
    assert quiz_md.count("<quiz>") == QUESTIONS_PER_BANK
    assert "[[" in quiz_md and "- [x] 错" in quiz_md
    floor_md = (configs[FLOOR].parent / "docs" / "quizzes" / "quiz-0002.md").read_text(encoding="utf-8")
    assert "<quiz>" not in floor_md and "# 第2讲自测" in floor_md
    assert not (configs[FLOOR].parent / "docs" / "assets" / "coursegen").exists()
    lecture_md = (configs[FLOOR].parent / "docs" / "lectures" / "lecture-0002.md").read_text(encoding="utf-8")
    assert lecture_md == (root / ".coursegen" / "trainee" / "docs" / "lectures" / "lecture-0002.md").read_text(encoding="utf-8")
