"""Every YAML example in the trainer's guide is a whole course file that loads, so no example can go stale.

A trainer copies examples as they are: an example the loader rejects would teach a mistake. Each ```yaml
block starts with a comment naming where the file goes (``# quizzes/quiz-x.yml``); that path picks the
model, the same way the editor settings `coursegen new` writes pick a schema.
"""

from __future__ import annotations

import fnmatch
import re
import typing
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from coursegen.load import load_project
from coursegen.load.validate import validate
from coursegen.load.yamlfile import read_yaml
from coursegen.model.homework import FormField
from coursegen.model.quiz import Question
from coursegen.scaffold import create_project
from coursegen.schema import EDITOR_GLOBS, SCHEMAS

GUIDE = Path(__file__).resolve().parents[2] / "guide" / "docs"
BLOCK = re.compile(r"^```ya?ml[^\n]*\n(.*?)^```", re.S | re.M)
PATH_COMMENT = re.compile(r"#\s*(\S+\.ya?ml)\s*$")


@dataclass(frozen=True)
class Example:
    page: str
    line: int
    path: str
    text: str

    @property
    def schema(self) -> str:
        matches = [name for name, glob in EDITOR_GLOBS.items() if fnmatch.fnmatch(self.path, glob)]
        assert len(matches) == 1, f"{self}: {self.path} matches no single kind of course file ({matches})"
        return matches[0]

    def __str__(self) -> str:
        return f"{self.page}:{self.line}"


def examples() -> list[Example]:
    found = []
    for page in sorted(GUIDE.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            line = text.count("\n", 0, match.start()) + 2
            first = match.group(1).splitlines()[0] if match.group(1).strip() else ""
            named = PATH_COMMENT.fullmatch(first.strip())
            assert named, f"{page.name}:{line}: a YAML example starts with a comment naming its file, e.g. `# quizzes/quiz-x.yml`"
            found.append(Example(page.name, line, named.group(1), match.group(1)))
    return found


EXAMPLES = examples()


def test_the_guide_has_examples_of_homework_surveys_quizzes_and_lectures() -> None:
    kinds = {e.schema for e in EXAMPLES}
    assert {"homework", "quiz", "lecture"} <= kinds


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_example_is_valid(example: Example, tmp_path: Path) -> None:
    path = tmp_path / example.path
    path.parent.mkdir(parents=True)
    path.write_text(example.text, encoding="utf-8")
    doc, problems = read_yaml(path)
    assert doc is not None and not problems, f"{example}: {problems}"
    model, problems = validate(doc, SCHEMAS[example.schema])
    assert model is not None and not problems, f"{example}: " + "\n".join(str(p) for p in problems)


def _tags(union: object) -> set[str]:
    """The `type` values of a discriminated union: what a trainer writes to pick a question or field type."""
    members = typing.get_args(typing.get_args(union)[0])
    return {typing.get_args(m.model_fields["type"].annotation)[0] for m in members}


def _used(kind: str, key: str) -> set[str]:
    return {item["type"] for e in EXAMPLES if e.schema == kind for item in yaml.safe_load(e.text)[key]}


def test_the_quiz_examples_show_every_question_type() -> None:
    assert _used("quiz", "questions") == _tags(Question)


def test_the_homework_examples_show_every_field_type() -> None:
    assert _used("homework", "fields") == _tags(FormField)


def test_the_examples_load_together_as_a_course(tmp_path: Path) -> None:
    """Placed in a new project, the examples' references (a lecture placing a quiz, a homework) all resolve."""
    project = tmp_path / "demo"
    create_project(project, "示例课程")
    lectures = []
    for example in EXAMPLES:
        target = project / example.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(example.text, encoding="utf-8")
        if example.schema == "lecture":
            lectures.append(Path(example.path).relative_to("course").as_posix())
    course_file = project / "course" / "course.yml"
    course = course_file.read_text(encoding="utf-8")
    course_file.write_text(course + "".join(f"  - {name}\n" for name in lectures), encoding="utf-8")
    loaded, _warnings = load_project(project / "course", project / "quizzes")
    assert {e.path.rsplit("/", 1)[1].removesuffix(".yml") for e in EXAMPLES if e.schema == "quiz"} <= set(loaded.quizzes)
