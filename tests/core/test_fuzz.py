"""Random and mutated YAML never crashes the loader: it yields a valid model or a clean CourseError."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coursegen.load import CourseError, load_project

from tests.coursefiles import COURSE, LECTURE, write_course

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
    st.text(max_size=12), st.sampled_from(["一节", "id", "title", "points", "s1", "", "  ", "case: x"]),
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "title", "points", "sections", "body", "activities", "case", "quiz", "x", "标题"]),
        children, max_size=4,
    ),
    max_leaves=20,
)


def load_or_error(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = write_course(Path(tmp), files)
        try:
            project, _ = load_project(root / "course", root / "quizzes")
        except CourseError as exc:
            assert exc.problems, "a CourseError always carries its problems"
            for problem in exc.problems:
                assert problem.line >= 1 and problem.col >= 1
                assert str(problem).startswith(str(problem.path.name)) or "/" in str(problem).split(":")[0]
        else:
            assert project.lectures


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab:- \n\t[]{}#&*!|>'\"%@`,?一讲") ), max_size=120))
def test_random_text_as_a_lecture(text: str) -> None:
    load_or_error({"course/lectures/one.yml": text})


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_mutated_lecture(data: st.DataObject) -> None:
    lecture = yaml.safe_load(LECTURE)
    path = data.draw(st.sampled_from([["title"], ["sections"], ["sections", 0], ["sections", 0, "points"], ["sections", 0, "title"], ["duration_minutes"], ["new"]]))
    target = lecture
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = data.draw(values)
    load_or_error({"course/lectures/one.yml": yaml.safe_dump(lecture, allow_unicode=True)})


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_mutated_course_by_line_edits(data: st.DataObject) -> None:
    lines = COURSE.splitlines()
    i = data.draw(st.integers(0, len(lines) - 1))
    op = data.draw(st.sampled_from(["drop", "dup", "indent", "cut"]))
    if op == "drop":
        del lines[i]
    elif op == "dup":
        lines.insert(i, lines[i])
    elif op == "indent":
        lines[i] = "  " + lines[i]
    else:
        lines[i] = lines[i][: data.draw(st.integers(0, max(0, len(lines[i]) - 1)))]
    load_or_error({"course/course.yml": "\n".join(lines) + "\n"})
