"""The models check a course without pydantic, and never accept what pydantic would refuse.

The fast check of :mod:`generator.model.strict` may give up (pydantic then decides), but whatever it
accepts must be exactly what the pydantic twin makes of the same data.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from coursegen.load.project import ITEM_FOLDERS
from coursegen.model import Course, Lecture, Point
from coursegen.model.homework import Homework
from coursegen.model.quiz import QuizBank
from coursegen.model.strict import StrictModel, _checker, _GiveUp, validate_value
from coursegen.model.twin import validate_with_pydantic

ROOT = Path(__file__).resolve().parents[2]


def example_files() -> list[tuple[type[StrictModel], Path]]:
    course = ROOT / "course"
    files: list[tuple[type[StrictModel], Path]] = [(Course, course / "course.yml")]
    files += [(Lecture, p) for p in sorted((course / "lectures").glob("*.yml"))]
    files += [(model, p) for folder, model in ITEM_FOLDERS.values() for p in sorted((course / folder).glob("*.yml"))]
    files += [(QuizBank, p) for p in sorted((ROOT / "quizzes").glob("*.yml"))]
    return files


EXAMPLES = [(model, yaml.safe_load(path.read_text(encoding="utf-8"))) for model, path in example_files()]


def fast(model: type[StrictModel], data: Any) -> StrictModel | None:
    """What the fast check makes of ``data``, or None when it leaves the case to pydantic."""
    try:
        return _checker(model)(data)
    except _GiveUp:
        return None


def by_pydantic(model: type[StrictModel], data: Any) -> StrictModel | None:
    try:
        return validate_with_pydantic(model, data)
    except ValidationError:
        return None


@pytest.mark.parametrize(("model", "path"), example_files(), ids=lambda v: v.name if isinstance(v, Path) else "")
def test_every_file_of_the_example_course_is_checked_without_pydantic_and_as_pydantic_would(model: type[StrictModel], path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    checked = fast(model, data)
    assert checked is not None, f"{path.name}: the fast check gave up on a valid file"
    assert checked == by_pydantic(model, data)


def test_building_the_example_course_never_imports_pydantic(tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from coursegen.builder import Paths, generate; "
        f"generate(Paths(config=Path({str(ROOT / 'mkdocs.yml')!r}), course=Path({str(ROOT / 'course')!r}), "
        f"quizzes=Path({str(ROOT / 'quizzes')!r}), work=Path({str(tmp_path)!r}))); "
        "print(sorted(m for m in sys.modules if m.startswith('pydantic')))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


LECTURE = {"id": "one", "title": "一讲", "duration_minutes": 60, "sections": [{"id": "s1", "title": "一节"}]}


@pytest.mark.parametrize(("change", "field", "expected"), [
    ({"duration_minutes": "60"}, "duration_minutes", 60),          # pydantic reads a number written as text
    ({"duration_minutes": 60.0}, "duration_minutes", 60),
    ({"title": "\x1c一讲"}, "title", "\x1c一讲"),                    # pydantic strips Unicode white space only
    ({"title": "\u3000一讲 "}, "title", "一讲"),
])
def test_values_pydantic_converts_are_converted_as_pydantic_does(change: dict[str, Any], field: str, expected: Any) -> None:
    assert getattr(validate_value(Lecture, {**LECTURE, **change}), field) == expected


@pytest.mark.parametrize("change", [
    {"id": "one\n"}, {"id": "One"}, {"title": " "}, {"duration_minutes": 0}, {"duration_minutes": 1.5},
    {"sections": []}, {"objectives": [""]}, {"label": 1}, {"titel": "一讲"},
    {"sections": [{"id": "s1", "title": "一节", "activities": [{"quiz": ["q"]}]}]},
], ids=repr)
def test_values_pydantic_refuses_are_refused(change: dict[str, Any]) -> None:
    assert fast(Lecture, {**LECTURE, **change}) is None
    with pytest.raises(ValidationError):
        validate_value(Lecture, {**LECTURE, **change})


@pytest.mark.parametrize(("model", "change"), [
    (Course, {"language": ["zh"]}), (Homework, {"kind": {"a": 1}}), (QuizBank, {"questions": [{"id": "q", "type": ["single"]}]}),
], ids=repr)
def test_a_list_or_mapping_where_a_name_belongs_is_refused(model: type[StrictModel], change: dict[str, Any]) -> None:
    data = {**next(data for m, data in EXAMPLES if m is model), **change}
    with pytest.raises(ValidationError):
        validate_value(model, data)


def test_addresses_and_times_come_out_as_pydantic_writes_them() -> None:
    course = dict(next(data for model, data in EXAMPLES if model is Course))
    assert validate_value(Course, {**course, "submission_url": "http://forms.intranet"}).submission_url == "http://forms.intranet/"
    homework = dict(next(data for model, data in EXAMPLES if model is Homework))
    for written in ("2021-03-12T18:00:00+08:00", "2021-03-12T10:00:00Z", "2021-03-12 18:00+08:00"):
        due = validate_value(Homework, {**homework, "due": written}).due
        assert due.isoformat() == by_pydantic(Homework, {**homework, "due": written}).due.isoformat()  # type: ignore[union-attr]


def test_models_are_made_and_copied_as_pydantic_models_are() -> None:
    point = Point(title=" 倾听 ")
    assert point.title == "倾听" and point.points == [] and point.body is None
    with pytest.raises(ValidationError):
        Point(title=" ")
    with pytest.raises(AttributeError):
        point.title = "x"  # type: ignore[misc]
    assert point.model_copy(update={"body": "正文"}) == Point(title="倾听", body="正文")
    assert point.model_dump() == {"title": "倾听", "body": None, "points": []}


def _paths(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [at]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*at, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*at, i))
    return found


def _edited(data: Any, path: tuple[Any, ...], action: str, value: Any) -> Any:
    if not path:
        return value if action == "replace" else data
    *parents, last = path
    copy = yaml.safe_load(yaml.safe_dump(data, allow_unicode=True))
    target = copy
    for step in parents:
        target = target[step]
    if action == "delete":
        del target[last]
    elif action == "add" and isinstance(target, dict):
        target[f"{last}_extra"] = value
    else:
        target[last] = value
    return copy


tricky = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 200), st.floats(allow_nan=False, min_value=-5, max_value=200),
    st.text(max_size=6),
    st.sampled_from(["", " ", "\u3000", "\x1c题", "题\n", "60", "a-b", "A", "abc\n", "single", "multiple", "true_false",
                     "fill", "short", "text", "table", "09:00", "24:00", "2021-03-12T18:00:00+08:00", "2021-13-12T18:00:00+08:00",
                     "http://x", [], {}, ["一", "一"], [{"text": "甲", "correct": True}], {"title": "要点"}]),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(example=st.sampled_from(EXAMPLES), choice=st.data(), action=st.sampled_from(["replace", "delete", "add"]), value=tricky)
def test_whatever_the_fast_check_accepts_pydantic_accepts_the_same(example: tuple[type[StrictModel], Any], choice: st.DataObject,
                                                                   action: str, value: Any) -> None:
    model, data = example
    path = choice.draw(st.sampled_from(_paths(data)))
    edited = _edited(data, path, action, value)
    checked = fast(model, edited)
    if checked is not None:
        assert checked == by_pydantic(model, edited)
