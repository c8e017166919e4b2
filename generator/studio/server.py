"""The studio's web application: its editing endpoints under ``/_studio/``, the preview's pages everywhere else.

Every endpoint answers JSON with a ``message`` in the course's language. A file is named as the browser names
it (``course/lectures/01-intro.yml``), confined to the course, quiz and docs folders (:func:`.safety.confine`),
and saved only if it still holds what the browser opened (``version``); a form's save is refused, with every
problem at its field, when it would leave the course unbuildable.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from ruamel.yaml.error import YAMLError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket

from .. import atomic
from ..load.problems import Problem
from ..load.project import ITEM_FOLDERS
from ..messages import say
from ..render.environment import markdown_to_html
from ..render.sanitize import clean_markdown
from ..render.strings import strings as ui_strings
from ..render.site import Site
from ..site_paths import item_page, page_url
from .forms import describe
from .journal import Change, Journal, version
from .project import Project, path_at
from .proxy import Upstream
from .safety import MAX_IMAGE, Guard, Refused, confine
from .starters import slug, starter
from ..yamledit import Document, dump_new
from ..yamledit import load as load_yaml

UI = Path(str(resources.files("coursegen") / "studio" / "ui"))
IMAGES = "assets/images"
"""Where a pasted image is kept, inside the hand-written docs folder (the build copies it into the site)."""
_IMAGE_TYPES = {b"\x89PNG\r\n\x1a\n": ".png", b"\xff\xd8\xff": ".jpg", b"GIF87a": ".gif", b"GIF89a": ".gif"}


@dataclass
class Studio:
    """What the endpoints work on: the project, the preview's last good site (``site()``), the undo journal."""

    project: Project
    site: Callable[[], Site | None]
    language: str

    def __post_init__(self) -> None:
        self.journal = Journal(self.project.journal)
        self.lock = asyncio.Lock()
        """One save at a time: a version check and its write must not interleave with another's."""

    def file(self, name: str) -> Path:
        path = confine(self.project.root, name, self.project.writable)
        if self.project.kind(path) is None:
            raise Refused(415, say("studio.refused.kind", file=name))
        return path

    def opened(self, path: Path) -> dict[str, Any]:
        """A file as the editor opens it: its text, version, kind, and its data and form when it has one."""
        content = path.read_bytes()
        text = content.decode("utf-8")
        kind = self.project.kind(path)
        answer: dict[str, Any] = {"file": self.project.name(path), "kind": kind, "version": version(content), "text": text,
                                  "data": None, "form": None, "page": self.project.page_of(self.site(), path)}
        if kind != "markdown" and kind is not None:
            try:
                answer["data"] = load_yaml(text).data()
                answer["form"] = describe(kind, self.language)
            except Exception as error:  # noqa: BLE001 - any unreadable text: the source view still opens
                answer["message"] = say("studio.refused.no_form", error=str(error).splitlines()[0])
        return answer

    def problems(self, candidates: dict[Path, str], shown: Path) -> list[dict[str, Any]]:
        """What ``coursegen check`` would say with ``candidates`` written; for ``shown`` (the file being edited),
        where in its data each problem is."""
        found = self.project.check(candidates)
        return [self._problem(p, shown, candidates.get(shown)) for p in found]

    def _problem(self, problem: Problem, shown: Path, text: str | None) -> dict[str, Any]:
        here = problem.path.resolve() == shown.resolve()
        return {
            "file": self.project.name(problem.path) if problem.path.resolve().is_relative_to(self.project.root.resolve()) else str(problem.path),
            "line": problem.line, "column": problem.col, "message": problem.message, "hint": problem.hint,
            "severity": problem.severity,
            "path": path_at(text, problem.line, problem.col) if here and text is not None else None,
        }

    def candidate(self, path: Path, body: dict[str, Any]) -> str:
        """The text a save or a check would write: the source view's text, or the form's data merged into the file."""
        if isinstance(body.get("text"), str):
            return str(body["text"])
        if "data" not in body:
            raise Refused(400, say("studio.refused.no_content", file=self.project.name(path)))
        document = load_yaml(path.read_text(encoding="utf-8"))
        document.apply(body["data"])
        return document.dump()


async def _json(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise Refused(400, say("studio.refused.origin"))
    return body


def _studio(request: Request) -> Studio:
    studio: Studio = request.app.state.studio
    return studio


async def config(request: Request) -> Response:
    studio = _studio(request)
    strings = dict(ui_strings(studio.language, "studio"))
    course = yaml.safe_load((studio.project.course / "course.yml").read_text(encoding="utf-8"))
    title = course.get("title", "") if isinstance(course, dict) else ""
    return JSONResponse({"language": studio.language, "title": title, "strings": strings, "max_upload": MAX_IMAGE})


async def page(request: Request) -> Response:
    studio = _studio(request)
    source = studio.project.page_source(studio.site(), request.query_params.get("path", "/"))
    if source is None or not any(source.is_relative_to(f) for f in studio.project.writable):
        raise Refused(404, say("studio.refused.no_source"))
    return JSONResponse(studio.opened(source))


async def file(request: Request) -> Response:
    studio = _studio(request)
    path = studio.file(request.query_params.get("file", ""))
    if not path.is_file():
        raise Refused(404, say("studio.refused.path", file=request.query_params.get("file", "")))
    return JSONResponse(studio.opened(path))


async def check(request: Request) -> Response:
    studio, body = _studio(request), await _json(request)
    path = studio.file(str(body.get("file", "")))
    text = studio.candidate(path, body)
    problems = await asyncio.to_thread(studio.problems, {path: text}, path)
    return JSONResponse({"problems": problems})


async def save(request: Request) -> Response:
    studio, body = _studio(request), await _json(request)
    path = studio.file(str(body.get("file", "")))
    name = studio.project.name(path)
    async with studio.lock:
        content = path.read_bytes() if path.is_file() else None
        if content is None or body.get("version") != version(content):
            return JSONResponse({"message": say("studio.conflict", file=name), "conflict": True}, status_code=409)
        text = studio.candidate(path, body)
        if text == content.decode("utf-8"):
            return JSONResponse(studio.opened(path) | {"message": say("studio.unchanged", file=name)})
        problems = await asyncio.to_thread(studio.problems, {path: text}, path)
        errors = [p for p in problems if p["severity"] == "error"]
        if errors and "text" not in body:
            return JSONResponse({"message": say("studio.not_saved", n=len(errors)), "problems": problems}, status_code=422)
        studio.journal.record([Change(name, content.decode("utf-8"), text)])
        atomic.write_text(path, text)
    message = say("studio.saved_with_problems", file=name, n=len(errors)) if errors else say("studio.saved", file=name)
    return JSONResponse(studio.opened(path) | {"message": message, "problems": problems})


async def undo(request: Request) -> Response:
    studio = _studio(request)
    async with studio.lock:
        changes = studio.journal.last()
        if not changes:
            return JSONResponse({"message": say("studio.nothing_to_undo")}, status_code=404)
        files = {str(c["file"]): studio.file(str(c["file"])) for c in changes}
        if (changed := studio.journal.changed_since(files)) is not None:
            return JSONResponse({"message": say("studio.undo_conflict", file=changed)}, status_code=409)
        undone = studio.journal.undo(files)
    shown = next((files[str(c["file"])] for c in undone if c["before"] is not None), None)
    created = [str(c["file"]) for c in undone if c["before"] is None]
    message = say("studio.undone_new", file=created[0]) if created else say("studio.undone", file=str(undone[0]["file"]))
    return JSONResponse((studio.opened(shown) if shown else {}) | {"message": message})


async def new(request: Request) -> Response:
    """A new lecture (listed last in ``course.yml``) or activity (placed at the end of a lecture) from its starter."""
    studio, body = _studio(request), await _json(request)
    kind, title = str(body.get("kind", "")), str(body.get("title", "")).strip()
    project = studio.project
    if kind not in ("lecture", "case", "scenario", "discussion", "drill", "quiz", "homework") or not title:
        raise Refused(400, say("studio.refused.kind", file=kind))
    course_file = project.course / "course.yml"
    async with studio.lock:
        course_text = course_file.read_text(encoding="utf-8")
        course = _editable(course_text, project.name(course_file))
        course_data = course.data()  # read once: the lecture list, the host lecture and the journal agree
        if kind == "lecture":
            folder = project.course / "lectures"
            taken = {p.stem.split("-", 1)[-1] for p in folder.glob("*.yml")} if folder.is_dir() else set()
            item_id = slug(title, taken)
            lectures = list(course_data.get("lectures", []))
            target = folder / f"{len(lectures) + 1:02d}-{item_id}.yml"
            host, host_before, document = course_file, course_text, course
            document.apply({**course_data, "lectures": [*lectures, target.relative_to(project.course).as_posix()]})
        else:
            folder = project.quizzes if kind == "quiz" else project.course / _folder(kind)
            item_id = slug(title, {p.stem for p in folder.glob("*.yml")} if folder.is_dir() else set())
            target = folder / f"{item_id}.yml"
            host = _host_lecture(studio, body, course_data)
            host_before = host.read_text(encoding="utf-8")
            document = _editable(host_before, project.name(host))
            data = document.data()
            document.apply({**data, "activities": [*data.get("activities", []), {kind: item_id}]})
        text = dump_new(starter(kind, item_id, title))
        candidates = {host: document.dump(), target: text}
        problems = await asyncio.to_thread(studio.problems, candidates, target)
        errors = [p for p in problems if p["severity"] == "error"]
        if errors:
            return JSONResponse({"message": say("studio.not_saved", n=len(errors)), "problems": problems}, status_code=422)
        studio.journal.record([Change(project.name(target), None, text), Change(project.name(host), host_before, candidates[host])])
        with atomic.Together() as together:
            for path, content in candidates.items():
                together.path(path).write_text(content, encoding="utf-8")
    return JSONResponse({"file": project.name(target), "page": "/" + page_url(item_page(kind, item_id)),
                         "message": say("studio.created", file=project.name(target))})


def _editable(text: str, name: str) -> Document:
    """A file a new item is listed in (course.yml, the host lecture), refused with the reason when it is not a mapping
    of keys the studio can add to: the trainer fixes it in the source view first, and nothing is written."""
    try:
        document = load_yaml(text)
    except YAMLError as error:
        raise Refused(422, say("studio.refused.not_listable", file=name, error=str(error).splitlines()[0])) from error
    data = document.data()
    if not isinstance(data, dict) or not isinstance(data.get("lectures", []), list) or not isinstance(data.get("activities", []), list):
        raise Refused(422, say("studio.refused.not_listable", file=name, error=say("studio.refused.not_mapping")))
    return document


def _folder(kind: str) -> str:
    return ITEM_FOLDERS[kind][0]


def _host_lecture(studio: Studio, body: dict[str, Any], course: dict[str, Any]) -> Path:
    """The lecture a new activity goes in: the one the browser names, else the last in ``course`` (course.yml's
    data, as :func:`new` read it)."""
    if body.get("lecture"):
        host = studio.file(str(body["lecture"]))
        if studio.project.kind(host) == "lecture":
            return host
    lectures = course.get("lectures") or []
    if not lectures:
        raise Refused(400, say("studio.no_lecture"))
    return studio.file(studio.project.name(studio.project.course / str(lectures[-1])))


async def markdown(request: Request) -> Response:
    body = await _json(request)
    return JSONResponse({"html": markdown_to_html(clean_markdown(str(body.get("text", ""))))})


async def upload(request: Request) -> Response:
    """A pasted or dropped image: kept under the docs folder's ``assets/images/`` by a name made from its own and
    its content (the same picture pasted twice is one file), with the Markdown that shows it from ``file``'s pages."""
    studio = _studio(request)
    content = await request.body()
    if len(content) > MAX_IMAGE:
        raise Refused(413, say("studio.upload.size", limit=f"{MAX_IMAGE / 1024 / 1024:g}", size=f"{len(content) / 1024 / 1024:.1f}"))
    suffix = next((s for magic, s in _IMAGE_TYPES.items() if content.startswith(magic)), None)
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        suffix = ".webp"
    if suffix is None:
        raise Refused(415, say("studio.upload.type"))
    stem = re.sub(r"[^a-z0-9]+", "-", slug(PurePosixPath(request.query_params.get("name", "image")).stem)).strip("-") or "image"
    name = f"{stem[:40]}-{version(content)[:8]}{suffix}"
    target = studio.project.docs / IMAGES / name
    atomic.write_bytes(target, content)
    edited = request.query_params.get("file")
    where = _page_folder(studio, studio.file(edited)) if edited else ""
    link = PurePosixPath(IMAGES, name).as_posix()
    relative = "/".join([".."] * len(PurePosixPath(where).parts) + [link]) if where else link
    return JSONResponse({"markdown": f"![{stem}]({relative})", "message": say("studio.upload.saved", file=studio.project.name(target))})


def _page_folder(studio: Studio, path: Path) -> str:
    """The folder, inside the site, of the page ``path``'s text is shown on (``lectures`` for a lecture), also for a
    file the preview has not built yet (one just made with 新建): a hand-written page's own, an item's by its kind."""
    site = studio.site()
    for page in site.pages if site else []:
        if page.source and page.source.resolve() == path.resolve():
            return PurePosixPath(page.path).parent.as_posix().strip(".")
    kind = studio.project.kind(path)
    if kind == "markdown":
        return PurePosixPath(path.resolve().relative_to(studio.project.docs).as_posix()).parent.as_posix().strip(".")
    return PurePosixPath(item_page(kind, "-")).parent.as_posix() if kind in ("lecture", "quiz", *ITEM_FOLDERS) else ""


async def identifier(request: Request) -> Response:
    taken = [t for t in request.query_params.get("taken", "").split(",") if t]
    return JSONResponse({"id": slug(request.query_params.get("text", ""), taken)})


async def shell(request: Request) -> Response:
    return FileResponse(UI / "shell.html", media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-store"})


def _refused(request: Request, error: Exception) -> Response:
    assert isinstance(error, Refused)
    return JSONResponse({"message": error.message}, status_code=error.status)


def application(studio: Studio, upstream: Upstream, *, port: int, secret: str) -> Guard:
    """The studio's ASGI application, guarded (:class:`.safety.Guard`)."""
    async def proxied(request: Request) -> Response:
        return await upstream.http(request)

    async def relayed(socket: WebSocket) -> None:
        await upstream.websocket(socket)

    api = [
        Route("/config", config), Route("/page", page), Route("/file", file), Route("/slug", identifier),
        Route("/check", check, methods=["POST"]), Route("/save", save, methods=["POST"]), Route("/undo", undo, methods=["POST"]),
        Route("/new", new, methods=["POST"]), Route("/markdown", markdown, methods=["POST"]), Route("/upload", upload, methods=["POST"]),
    ]
    routes = [
        Route("/_studio/", shell), Mount("/_studio/api", routes=api), Mount("/_studio/ui", StaticFiles(directory=UI)),
        WebSocketRoute("/{path:path}", relayed),
        Route("/{path:path}", proxied, methods=["GET", "HEAD", "POST"]),
    ]
    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        await upstream.close()

    app = Starlette(routes=routes, exception_handlers={Refused: _refused}, lifespan=lifespan)
    app.state.studio = studio
    return Guard(app, port=port, secret=secret)
