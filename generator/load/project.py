"""Load a whole course folder: every file parsed once, every problem collected, references checked.

Folder conventions (names a trainer sees in `coursegen new`):
``course.yml``, the lecture files it lists, and one file per item in ``cases/``, ``discussions/``,
``drills/`` and ``homework/``; question banks live in a ``quizzes/`` folder beside the course folder.
"""

from __future__ import annotations

import difflib
import math
import posixpath
import stat
from pathlib import Path
from collections.abc import Mapping
from typing import TypeVar, cast

from pydantic import BaseModel

from .. import cache as cached
from ..messages import say
from ..model import Case, Course, Discussion, Drill, Homework, Lecture, QuizBank, Scenario
from ..model.course import ActivityRef
from ..model.handin import Handin, deadline_for
from ..model.project import Project
from .answers import foreign_answers
from .scenario import scenario_problems
from .numbering import mixed_numbering
from .problems import CourseError, Problem, display_path
from .standins import OPEN, stand_ins
from .unique import repeats
from .validate import validate
from .yamlfile import MAX_FILE_BYTES, Loc, YamlDoc, read_yaml

M = TypeVar("M", bound=BaseModel)

ITEM_FOLDERS: dict[str, tuple[str, type[BaseModel]]] = {
    "case": ("cases", Case),
    "discussion": ("discussions", Discussion),
    "drill": ("drills", Drill),
    "scenario": ("scenarios", Scenario),
    "homework": ("homework", Homework),
}
"""kind → (folder inside the course folder, model); quizzes live in their own folder."""

COURSE_FILE = "course.yml"


def load_project(course_dir: Path, quizzes_dir: Path, *, cache: Path | None = None) -> tuple[Project, list[Problem]]:
    """The loaded course and its warnings; raises :class:`CourseError` with every error found.

    ``cache``: a file (under ``.coursegen/``) keeping each file's document and model as last loaded, by the file's
    content (:mod:`coursegen.cache`): only the files that changed since are parsed and checked again."""
    kept = cached.read(cache) if cache is not None else {}
    loader = _Loader(kept)
    try:
        return _load(loader, course_dir, quizzes_dir)
    finally:
        if cache is not None and loader.used.keys() != kept.keys():
            cached.write(cache, loader.used)


def _load(loader: _Loader, course_dir: Path, quizzes_dir: Path) -> tuple[Project, list[Problem]]:
    course_path = course_dir / COURSE_FILE
    if not course_path.exists() and not course_path.is_symlink():  # run outside the project: nothing else is worth reading
        raise CourseError([_no_course(course_dir)])
    course_doc, course = loader.load(course_path, Course)
    # Even when course.yml is invalid, read every other file: a trainer fixes all problems in one round.
    lecture_files = _lecture_files(course_doc)
    lectures = [
        lecture
        for i, rel in lecture_files
        if course_doc is not None and (lecture := loader.load_lecture(course_dir / rel, course_doc, ("lectures", i))) is not None
    ]
    items = {kind: loader.load_folder(course_dir / folder, model, kind) for kind, (folder, model) in ITEM_FOLDERS.items()}
    quizzes = loader.load_folder(quizzes_dir, QuizBank, "quiz")
    if course is None or course_doc is None:
        raise CourseError(loader.problems)

    # Each folder was read with the model ITEM_FOLDERS pairs with its kind: the one place those types come back.
    project = Project(
        course=course,
        lectures=lectures,
        cases=cast("dict[str, Case]", items["case"]),
        discussions=cast("dict[str, Discussion]", items["discussion"]),
        drills=cast("dict[str, Drill]", items["drill"]),
        scenarios=cast("dict[str, Scenario]", items["scenario"]),
        homework=_with_deadlines(cast("dict[str, Homework]", items["homework"]), course.submission),
        quizzes=quizzes,
        sources={("course", course.id): course_path, **loader.sources},
    )
    loader.check_references(project, course_doc)
    if not any(p.severity == "error" for p in loader.problems):  # an error elsewhere would make these guesses
        loader.check_unused_banks(project)
        loader.check_duration(project, course_doc)
        loader.check_days(project)
        if not course.mixed_numbering:
            loader.problems += mixed_numbering(project.lectures, loader.docs)
    errors = [p for p in loader.problems if p.severity == "error"]
    if errors:
        raise CourseError(loader.problems)
    return project, loader.problems


def _no_course(course_dir: Path) -> Problem:
    """No course.yml where the command looked: most often it was run outside the course project's folder. The hint
    names a project found nearby, in the options every command that reads a course takes."""
    project = _nearby_project(course_dir)
    if project is None:
        hint = say("yaml.no_course_hint")
    else:
        hint = say("yaml.no_course_nearby_hint", project=_typed(project), course=_typed(project / "course"), quizzes=_typed(project / "quizzes"),
                   config=_typed(project / "mkdocs.yml"))
    return Problem(course_dir / COURSE_FILE, 1, 1, say("yaml.no_course", folder=course_dir.resolve(), file=COURSE_FILE), hint)


def _nearby_project(course_dir: Path) -> Path | None:
    """A course project (a folder with course/course.yml, as `coursegen new` makes it) that the folder looked in is,
    or that sits beside it; ``None`` if there is none, or several to choose from."""
    if (course_dir / "course" / COURSE_FILE).is_file():
        return course_dir
    try:
        found = [path.parent.parent for path in course_dir.parent.glob(f"*/course/{COURSE_FILE}")]
    except OSError:
        return None
    return found[0] if len(found) == 1 else None


def _typed(path: Path) -> str:
    """A path as the trainer would type it on the command line: relative where possible, quoted if it holds a space."""
    shown = display_path(path)
    return f'"{shown}"' if any(c.isspace() for c in shown) else shown


def _with_deadlines(forms: dict[str, Homework], handin: Handin | None) -> dict[str, Homework]:
    """Each form with the deadline it is handed in by: its own ``due``, else the course's ``submission.deadline``.

    Resolved once here, so the form page, the handbook, the blanks and the HR report read one ``due``.
    """
    if handin is None or handin.deadline is None:
        return forms
    return {key: form.model_copy(update={"due": deadline_for(handin, form.due)}) for key, form in forms.items()}


def _lecture_files(course_doc: YamlDoc | None) -> list[tuple[int, str]]:
    """(position, path) of each lecture file course.yml lists, read from the raw data."""
    listed = course_doc.data.get("lectures") if course_doc and isinstance(course_doc.data, dict) else None
    if not isinstance(listed, list):
        return []
    return [(i, rel) for i, rel in enumerate(listed) if isinstance(rel, str) and rel.strip()]


class _Loader:
    def __init__(self, kept: dict[str, object]) -> None:
        self.kept = kept
        """Documents and models of files loaded before, by :func:`_content_key`."""
        self.used: dict[str, object] = {}
        """Those of this load's files, to keep for the next one: files that loaded without a problem."""
        self.problems: list[Problem] = []
        self.sources: dict[tuple[str, str], Path] = {}
        self.docs: dict[tuple[str, str], YamlDoc] = {}
        self.broken: dict[str, set[str]] = {}
        """kind → ids of files that failed to load: their errors are reported, references to them are not."""

    def load(self, path: Path, model: type[M], kind: str | None = None) -> tuple[YamlDoc | None, M | None]:
        """The file's document and model, as kept if the file is as it was; a file that fails leaves its problems,
        and (for ``kind``) its id as broken."""
        key = _content_key(path, model)
        kept = self.kept.get(key) if key is not None else None
        if isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[0], YamlDoc) and isinstance(kept[1], model):
            assert key is not None
            self.used[key] = kept
            return kept[0], kept[1]
        found = len(self.problems)
        doc, item = self._read(path, model, kind)
        if key is not None and doc is not None and item is not None and len(self.problems) == found:
            self.used[key] = (doc, item)  # a file with a problem (a warning too) is read again: its problems are said again
        return doc, item

    def _read(self, path: Path, model: type[M], kind: str | None) -> tuple[YamlDoc | None, M | None]:
        doc, problems = read_yaml(path)
        self.problems += problems
        item = None
        if doc is not None and not problems:
            item, problems = validate(doc, model)
            self.problems += problems
        if item is not None and doc is not None:
            self.problems += repeats(doc, item) + (foreign_answers(doc, item) if isinstance(item, Case) else [])
            self.problems += scenario_problems(doc, item) if isinstance(item, Scenario) else []
        if item is not None and doc is not None and doc.text is not None and OPEN in doc.text:
            self.problems += [
                doc.problem(loc, say("course.stand_in.message", text=text), say("course.stand_in.hint"), severity="warning")
                for loc, text in stand_ins(doc.data)
            ]
        if item is None and kind is not None:
            self.broken.setdefault(kind, set()).update(_ids_of_broken(path, doc))
        return doc, item

    def load_lecture(self, path: Path, course_doc: YamlDoc, loc: Loc) -> Lecture | None:
        listed = course_doc.data["lectures"][loc[-1]]
        if path.is_symlink() and not path.exists():
            self.problems.append(course_doc.problem(loc, say("course.lecture.loop", file=listed), say("course.lecture.loop_hint")))
            return None
        if not path.is_file():
            self.problems.append(course_doc.problem(loc, say("course.lecture.missing", file=listed), _unlisted_file(path, listed, course_doc)))
            return None
        doc, lecture = self.load(path, Lecture)
        if lecture is None or doc is None or not self._register("lecture", lecture.id, doc):
            return None
        return lecture

    def load_folder(self, folder: Path, model: type[M], kind: str) -> dict[str, M]:
        items: dict[str, M] = {}
        if not folder.is_dir():
            return items
        for path in sorted(folder.glob("*.y*ml")):
            doc, item = self.load(path, model, kind)
            # getattr: M is any model, and BaseModel declares no `id` (mypy would refuse item.id)
            if item is not None and doc is not None and self._register(kind, getattr(item, "id"), doc):  # noqa: B009
                items[getattr(item, "id")] = item  # noqa: B009
        return items

    def _register(self, kind: str, item_id: str, doc: YamlDoc) -> bool:
        """Record where an item came from; False (and a problem naming both files) if its id is taken."""
        first = self.docs.get((kind, item_id))
        if first is not None:
            where = f"{display_path(first.path)}:{first.where(('id',))[0]}"
            self.problems.append(doc.problem(
                ("id",), say("course.taken.message", kind=say(f"course.kind.{kind}"), id=item_id, where=where),
                say("course.taken.hint", id=item_id),
            ))
            return False
        self.sources[(kind, item_id)] = doc.path
        self.docs[(kind, item_id)] = doc
        return True

    def check_references(self, project: Project, course_doc: YamlDoc) -> None:
        available: dict[str, Mapping[str, BaseModel]] = {
            "case": project.cases,
            "discussion": project.discussions,
            "drill": project.drills,
            "scenario": project.scenarios,
            "homework": project.homework,
            "quiz": project.quizzes,
        }
        for lecture in project.lectures:
            doc = self.docs[("lecture", lecture.id)]
            for s, section in enumerate(lecture.sections):
                self._check_refs(doc, ("sections", s, "activities"), section.activities, available)
            self._check_refs(doc, ("activities",), lecture.activities, available)
        handin = project.course.submission
        for form_id in handin.forms if handin is not None else ():
            if form_id not in project.homework and form_id not in self.broken.get("homework", ()):
                self.problems.append(course_doc.problem(
                    ("submission", "forms", form_id), _no_such("homework", form_id), _did_you_mean(form_id, project.homework), key=True,
                ))
        self._check_completion(project, course_doc, available)
        final = project.course.final_assessment
        if final is None:
            return
        if (bank_path := self.sources.get(("quiz", final.id))) is not None:
            self.problems.append(course_doc.problem(
                ("final_assessment", "id"), say("course.final_clash.message", id=final.id, file=display_path(bank_path)),
                say("course.final_clash.hint", id=final.id),
            ))
        for i, rule in enumerate(final.draw):
            loc = ("final_assessment", "draw", i, "bank")
            bank = project.quizzes.get(rule.bank)
            if bank is None and rule.bank in self.broken.get("quiz", ()):
                continue
            if bank is None:
                self.problems.append(course_doc.problem(loc, _no_such("quiz", rule.bank), _did_you_mean(rule.bank, project.quizzes)))
            elif rule.count > len(bank.questions):
                self.problems.append(course_doc.problem(
                    ("final_assessment", "draw", i, "count"),
                    say("course.draw.message", count=rule.count, bank=rule.bank, size=len(bank.questions)),
                    say("course.draw.hint", size=len(bank.questions)),
                ))

    def _check_completion(self, project: Project, course_doc: YamlDoc, available: dict[str, Mapping[str, BaseModel]]) -> None:
        """The completion rule names items the site has: each unknown id at its own line, and a final assessment
        to pass or take only in a course that has one."""
        rule = project.course.completion
        if rule is None:
            return
        final = project.course.final_assessment
        if rule.final in ("pass", "take") and final is None:
            self.problems.append(course_doc.problem(("completion", "final"), say("completion.no_final.message", final=rule.final),
                                                    say("completion.no_final.hint")))
        known = {**available, "lecture": {lecture.id: lecture for lecture in project.lectures},
                 "quiz": {**project.quizzes, **({final.id: final} if final is not None else {})}}
        for i, ref in enumerate(rule.required):
            if ref.ref not in known[ref.kind] and ref.ref not in self.broken.get(ref.kind, ()):
                self.problems.append(course_doc.problem(("completion", "required", i, ref.kind), _no_such(ref.kind, ref.ref),
                                                        _did_you_mean(ref.ref, known[ref.kind])))

    def _check_refs(self, doc: YamlDoc, loc: Loc, refs: list[ActivityRef], available: dict[str, Mapping[str, BaseModel]]) -> None:
        for i, ref in enumerate(refs):
            if ref.ref not in available[ref.kind] and ref.ref not in self.broken.get(ref.kind, ()):
                self.problems.append(doc.problem((*loc, i, ref.kind), _no_such(ref.kind, ref.ref), _did_you_mean(ref.ref, available[ref.kind])))

    def check_unused_banks(self, project: Project) -> None:
        """A bank no lecture places and no final assessment draws from (the scaffold's sample bank after an
        import, a bank whose lecture was removed) is on no page a trainee can reach."""
        used = {ref.ref for lecture in project.lectures for refs in [lecture.activities, *(s.activities for s in lecture.sections)]
                for ref in refs if ref.kind == "quiz"}
        if project.course.final_assessment is not None:
            used.update(rule.bank for rule in project.course.final_assessment.draw)
        for bank_id in sorted(set(project.quizzes) - used):
            self.problems.append(self.docs[("quiz", bank_id)].problem(
                ("id",), say("course.unused_bank.message", id=bank_id), say("course.unused_bank.hint", id=bank_id), severity="warning",
            ))

    def check_duration(self, project: Project, course_doc: YamlDoc) -> None:
        planned, budget = project.planned_minutes, project.course.duration.minutes
        if planned != budget:
            self.problems.append(course_doc.problem(
                ("duration",), say("course.duration.message", planned=planned, budget=budget), say("course.duration.hint"), severity="warning",
            ))


    def check_days(self, project: Project) -> None:
        """A lecture's ``day`` the agenda cannot keep: before the day an earlier lecture is on (the agenda never goes
        back a day), or after the course's last day (the agenda would show days the course does not have)."""
        last_day = math.ceil(project.course.duration.days)
        reached = 1
        for lecture in project.lectures:
            if lecture.day is None:
                continue
            doc = self.docs[("lecture", lecture.id)]
            if lecture.day < reached:
                self.problems.append(doc.problem(("day",), say("course.day.before", day=lecture.day, reached=reached),
                                                 say("course.day.before_hint", reached=reached), severity="warning"))
            elif lecture.day > last_day:
                self.problems.append(doc.problem(("day",), say("course.day.after", day=lecture.day, days=last_day),
                                                 say("course.day.after_hint", day=lecture.day), severity="warning"))
            reached = max(reached, lecture.day)


def _content_key(path: Path, model: type[BaseModel]) -> str | None:
    """The file's key in the kept loads: its path (problems name it), the model read from it and its bytes; ``None``
    for a file that cannot be read (:func:`read_yaml` says why)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        raw = path.read_bytes()
    except OSError:
        return None
    return cached.content_key(str(path).encode(), model.__name__.encode(), raw)


def _ids_of_broken(path: Path, doc: YamlDoc | None) -> set[str]:
    """The ids a file that failed to load may have been meant to define: its ``id`` if it wrote one, and its
    file name (files are named after their ids): references to either are not reported as missing."""
    ids = {path.stem}
    written = doc.data.get("id") if doc is not None and isinstance(doc.data, dict) else None
    if isinstance(written, str):
        ids.add(written.strip())
    return ids


def _no_such(kind: str, item_id: str) -> str:
    return say("course.missing_ref", kind=say(f"course.kind.{kind}"), id=item_id)


def _did_you_mean(word: str, choices: Mapping[str, object]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    if close:
        return say("course.did_you_mean", name=close[0])
    if not choices:
        return say("course.none_yet")
    return say("course.known_ids", ids=say("course.separator").join(f"`{choice}`" for choice in sorted(choices)))


def _unlisted_file(path: Path, listed: str, course_doc: YamlDoc) -> str | None:
    """The file the trainer probably meant: one in the same folder that course.yml does not list yet, written as
    course.yml writes it (with its folder)."""
    if not path.parent.is_dir():
        return None
    taken = {(course_doc.path.parent / rel).resolve() for _, rel in _lecture_files(course_doc)}
    names = [p.name for p in path.parent.iterdir() if p.suffix in (".yml", ".yaml") and p.resolve() not in taken]
    close = difflib.get_close_matches(path.name, names, n=1)
    return say("course.did_you_mean", name=posixpath.join(posixpath.dirname(listed), close[0])) if close else None
