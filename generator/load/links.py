"""Links and images in course text that lead nowhere, found where the trainer wrote them, before any build.

MkDocs reports a broken link on the page it built (``lectures/one.md``), a file the trainer never wrote,
and only when building. Here the same rule is applied to the course text itself, so ``coursegen check``
fails on what ``coursegen build`` would fail on, at the YAML file, line and column of the link:
a relative address with a file name (``../cases/pond.md``, ``img/map.png``, ``../agenda.md#午餐``) must name
a page the course generates or a file of the hand-written docs folder. An address without a file extension
(``../cases/pond``, as a trainer copies it from the browser) must name a page, with or without ``.md``, or a folder:
MkDocs leaves it alone, and the trainee would meet a missing page. Web addresses, site-absolute paths and pure
anchors are left alone, as MkDocs leaves them.

Question banks' text is not checked: it is shown by the quiz widget, not built by MkDocs. A hotspot question's
picture is: the widget shows it from the docs folder, and a missing one would leave nothing to click.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from pydantic import BaseModel

from .. import site_paths
from ..messages import say
from ..model.project import Project
from ..model.quiz import Hotspot
from .problems import Problem

_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\1[^\n]*$|\Z)|`+[^`\n]*`+", re.S | re.M)
"""Fenced code blocks and code spans: a link written inside code is an example, not a link."""
_INLINE = re.compile(r"!?\[(?:[^\[\]\n]|\[[^\]\n]*\])*\]\(\s*(?P<target><[^>\n]*>|[^\s)]+)")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(?P<target><[^>\n]*>|\S+)", re.M)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")

_CHECKED_KINDS = ("course", "lecture", "case", "discussion", "drill", "scenario", "homework")


def broken_links(project: Project, docs_dir: Path | None) -> list[Problem]:
    """One error per broken link or image in the course's text, at the place it is written.

    ``docs_dir``: the hand-written pages and files the site also holds (``None``: none).
    """
    known = _site_files(project, docs_dir)
    problems: list[Problem] = []
    for (kind, item_id), source in sorted(project.sources.items(), key=lambda kv: (str(kv[1]), kv[0])):
        if kind not in _CHECKED_KINDS:
            continue
        page = site_paths.HOME if kind == "course" else site_paths.item_page(kind, item_id)
        broken = {target: resolved for target in _targets(_item(project, kind, item_id))
                  if (resolved := _resolve(page, target)) is not None and not _exists(resolved, known)
                  and not _generated_file(resolved, project)}
        if broken:
            problems += _located(source, page, broken, known)
    return problems + _missing_pictures(project, known)


def _missing_pictures(project: Project, known: set[str]) -> list[Problem]:
    """An error at each hotspot question's ``image`` that is no file of the docs folder (its path is docs-relative)."""
    problems = []
    for bank_id, bank in sorted(project.quizzes.items()):
        source = project.source("quiz", bank_id)
        missing = {q.image for q in bank.questions if isinstance(q, Hotspot) and posixpath.normpath(q.image) not in known}
        if source is None or not missing:
            continue
        text = _text(source)
        for image in sorted(missing):
            found = re.search(r"^[ \t-]*image:[ \t]*['\"]?(" + re.escape(image) + ")", text, re.M)
            at = found.start(1) if found else 0
            line = text.count("\n", 0, at) + 1
            close = difflib.get_close_matches(posixpath.normpath(image), sorted(known), n=1, cutoff=0.6)
            hint = say("course.did_you_mean", name=close[0]) if close else say("course.hotspot.image_hint")
            problems.append(Problem(source, line, at - (text.rfind("\n", 0, at) + 1) + 1, say("course.hotspot.image", image=image), hint))
    return problems


def _text(source: Path) -> str:
    try:
        return source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def _site_files(project: Project, docs_dir: Path | None) -> set[str]:
    """Every page the course generates and every file of the docs folder, as docs-relative paths."""
    pages = {site_paths.HOME, site_paths.AGENDA, site_paths.PROGRESS, site_paths.COMPLETION, site_paths.REVIEW, site_paths.HANDBOOK}
    if project.cases:
        pages.add(site_paths.CASES_INDEX)
    pages.update(site_paths.item_page("lecture", lecture.id) for lecture in project.lectures)
    for kind, items in (("case", project.cases), ("discussion", project.discussions), ("drill", project.drills),
                        ("scenario", project.scenarios), ("homework", project.homework), ("quiz", project.quizzes)):
        pages.update(site_paths.item_page(kind, item_id) for item_id in items)
    if project.course.final_assessment is not None:
        pages.add(site_paths.item_page("quiz", project.course.final_assessment.id))
    if docs_dir is not None and docs_dir.is_dir():
        pages.update(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*") if path.is_file())
    return pages


def _exists(path: str, known: set[str]) -> bool:
    """A file of the site; without an extension, also a page (``cases/pond`` for ``cases/pond.md``) or a folder."""
    if path in known:
        return True
    if posixpath.splitext(path)[1]:
        return False
    return path == "." or f"{path}.md" in known or any(name.startswith(f"{path}/") for name in known)


def _generated_file(path: str, project: Project) -> bool:
    """An asset the generator writes beside the pages: its scripts and styles, a homework's blank templates."""
    if path.startswith(site_paths.ASSETS + "/"):
        return True
    folder, _, name = path.partition("/")
    return folder == site_paths.DOWNLOADS and name.split(".", 1)[0] in project.homework


def _item(project: Project, kind: str, item_id: str) -> BaseModel | None:
    if kind == "course":
        return project.course
    if kind == "lecture":
        return next((lecture for lecture in project.lectures if lecture.id == item_id), None)
    items: dict[str, Mapping[str, BaseModel]] = {"case": project.cases, "discussion": project.discussions,
                                                 "drill": project.drills, "scenario": project.scenarios,
                                                 "homework": project.homework}
    return items[kind].get(item_id)


def _targets(item: BaseModel | None) -> Iterator[str]:
    """Every link and image address in the item's text fields, code excluded."""
    for text in _strings(item.model_dump() if item is not None else None):
        if "](" not in text and "]:" not in text:
            continue
        text = _CODE.sub("", text)
        for pattern in (_INLINE, _DEFINITION):
            for found in pattern.finditer(text):
                yield found["target"]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _strings(inner)
    elif isinstance(value, (list, tuple)):
        for inner in value:
            yield from _strings(inner)


def _resolve(page: str, target: str) -> str | None:
    """The docs-relative file a link on ``page`` names, or ``None`` when MkDocs would not check it."""
    address = target[1:-1] if target.startswith("<") and target.endswith(">") else target
    if not address or _SCHEME.match(address) or address.startswith(("/", "#")):
        return None
    path = address.partition("#")[0]
    path = unquote(path.partition("?")[0])
    if not path:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path)).lstrip("/")


def _located(source: Path, page: str, broken: dict[str, str], known: set[str]) -> list[Problem]:
    """A problem for every place in ``source`` where a broken address is written as a link."""
    text = _text(source)
    problems = []
    for target, resolved in broken.items():
        places = [m.start(1) for m in re.finditer(r"(?:\(\s*|\]:[ \t]*)(" + re.escape(target) + ")", text)]
        if not places:
            at = text.find(target)
            places = [at] if at >= 0 else [0]
        hint = _suggestion(page, resolved, known)
        for at in places:
            line = text.count("\n", 0, at) + 1
            col = at - (text.rfind("\n", 0, at) + 1) + 1
            problems.append(Problem(source, line, col, say("course.link.broken", target=target), hint))
    return problems


def _suggestion(page: str, resolved: str, known: set[str]) -> str:
    here = posixpath.dirname(page) or "."
    if not posixpath.splitext(resolved)[1]:
        resolved = f"{resolved}.md"  # a page's address copied from the browser: the page it names is a .md file
    names: dict[str, list[str]] = {}
    for path in sorted(known):
        names.setdefault(posixpath.basename(path), []).append(path)
    # A typo is in the name (pnd.md), or the name is right and the folder wrong (img/map.png from a lecture).
    close = difflib.get_close_matches(posixpath.basename(resolved), list(names), n=1, cutoff=0.75)
    if close:
        best = difflib.get_close_matches(resolved, names[close[0]], n=1, cutoff=0) or names[close[0]]
        return say("course.did_you_mean", name=posixpath.relpath(best[0], here))
    return say("course.link.relative", page=page, up="" if here == "." else "../")
