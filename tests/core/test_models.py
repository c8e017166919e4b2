"""The models: one pydantic definition per file kind, frozen, refusing unknown keys, converting as documented."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, ValidationError

import coursegen.model as model_package
from coursegen.load.project import ITEM_FOLDERS
from coursegen.model import Course, Homework, Lecture, Point, QuizBank
from coursegen.model.base import StrictModel

ROOT = Path(__file__).resolve().parents[2]


def example_files() -> list[tuple[type[StrictModel], Path]]:
    course = ROOT / "course"
    files: list[tuple[type[StrictModel], Path]] = [(Course, course / "course.yml")]
    files += [(Lecture, p) for p in sorted((course / "lectures").glob("*.yml"))]
    files += [(model, p) for folder, model in ITEM_FOLDERS.values() for p in sorted((course / folder).glob("*.yml"))]
    files += [(QuizBank, p) for p in sorted((ROOT / "quizzes").glob("*.yml"))]
    return files


EXAMPLES = {model: yaml.safe_load(path.read_text(encoding="utf-8")) for model, path in example_files()}


def every_model() -> list[type[BaseModel]]:
    """Every model class declared in coursegen.model, the nested ones (options, points, rows) included."""
    found: dict[str, type[BaseModel]] = {}
    for module in (getattr(model_package, name) for name in dir(model_package) if inspect.ismodule(getattr(model_package, name))):
        for value in vars(module).values():
            if inspect.isclass(value) and issubclass(value, BaseModel) and value.__module__.startswith("coursegen.model"):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return sorted(found.values(), key=lambda m: m.__qualname__)


@pytest.mark.parametrize("model", every_model(), ids=lambda m: m.__qualname__)
def test_every_model_is_frozen_and_refuses_unknown_keys(model: type[BaseModel]) -> None:
    assert issubclass(model, StrictModel)
    assert model.model_config.get("extra") == "forbid"
    assert model.model_config.get("frozen") is True


def test_the_model_package_finds_its_models() -> None:
    names = {m.__qualname__ for m in every_model()}
    assert {"Course", "Lecture", "Point", "Option", "SingleChoice", "Table", "Submission", "Trainee"} <= names


@pytest.mark.parametrize(("model", "path"), example_files(), ids=lambda v: v.name if isinstance(v, Path) else "")
def test_every_file_of_the_example_course_is_valid(model: type[StrictModel], path: Path) -> None:
    model.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


LECTURE = {"id": "one", "title": "一讲", "duration_minutes": 60, "sections": [{"id": "s1", "title": "一节"}]}


@pytest.mark.parametrize(("change", "field", "expected"), [
    ({"duration_minutes": "60"}, "duration_minutes", 60),          # a number written as text
    ({"duration_minutes": 60.0}, "duration_minutes", 60),
    ({"title": "\x1c一讲"}, "title", "\x1c一讲"),                    # only Unicode white space is stripped
    ({"title": "\u3000一讲 "}, "title", "一讲"),                     # an ideographic space is
])
def test_values_are_converted_as_documented(change: dict[str, Any], field: str, expected: Any) -> None:
    assert getattr(Lecture.model_validate({**LECTURE, **change}), field) == expected


@pytest.mark.parametrize("change", [
    {"id": "one\n"}, {"id": "One"}, {"title": " "}, {"duration_minutes": 0}, {"duration_minutes": 1.5},
    {"sections": []}, {"objectives": [""]}, {"label": 1}, {"titel": "一讲"},
    {"sections": [{"id": "s1", "title": "一节", "activities": [{"quiz": ["q"]}]}]},
], ids=repr)
def test_invalid_values_are_refused(change: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Lecture.model_validate({**LECTURE, **change})


@pytest.mark.parametrize(("model", "change"), [
    (Course, {"language": ["zh"]}), (Homework, {"kind": {"a": 1}}), (QuizBank, {"questions": [{"id": "q", "type": ["single"]}]}),
], ids=repr)
def test_a_list_or_mapping_where_a_name_belongs_is_refused(model: type[StrictModel], change: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        model.model_validate({**EXAMPLES[model], **change})


def test_addresses_and_times_are_normalised() -> None:
    handin = {"to": "培训管理岗", "url": "http://forms.intranet", "email": " training@branch.example.com "}
    course = Course.model_validate({**EXAMPLES[Course], "submission": handin})
    assert course.submission is not None and str(course.submission.url) == "http://forms.intranet/"
    assert course.submission.email == "training@branch.example.com"
    for written in ("2021-03-12T18:00:00+08:00", "2021-03-12 18:00+08:00"):
        assert Homework.model_validate({**EXAMPLES[Homework], "due": written}).due.isoformat() == "2021-03-12T18:00:00+08:00"  # type: ignore[union-attr]
    with pytest.raises(ValidationError):  # a deadline without its time zone is ambiguous
        Homework.model_validate({**EXAMPLES[Homework], "due": "2021-03-12T18:00:00"})


def test_models_cannot_be_changed_once_made() -> None:
    point = Point(title=" 倾听 ")
    assert point.title == "倾听" and point.points == [] and point.body is None
    with pytest.raises(ValidationError):
        Point(title=" ")
    with pytest.raises(ValidationError):
        point.title = "x"  # type: ignore[misc]
    assert point.model_copy(update={"body": "正文"}) == Point(title="倾听", body="正文")
