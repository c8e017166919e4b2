"""The preview's pages through the studio: an unchanged script is not fetched again at each live reload, and a changed
one never comes from the browser's cache (the engine's preview here is a plain HTTP server of a built folder)."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from coursegen.studio.project import Project
from coursegen.studio.proxy import KEPT, Upstream
from coursegen.studio.server import Studio, application
from tests.studio.conftest import PORT, SECRET, STUDIO

PAGE = """<html><head><link rel="stylesheet" href="../../assets/coursegen/cg-core.css">
<link rel="stylesheet" href="../../assets/stylesheets/main.css"><link rel="canonical" href="http://127.0.0.1/lectures/a/">
</head><body><h1>A</h1><script src="../../assets/coursegen/cg-core.js"></script>
<script src="https://cdn.example/x.js"></script></body></html>"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[tuple[int, Path, Path]]:
    """An engine's preview serving ``site/`` (built from the workspace's ``docs/``, where coursegen's assets are)."""
    site, docs = tmp_path / "site", tmp_path / "docs"
    for folder, text in ((site, "one"), (docs, "one")):
        (folder / "assets" / "coursegen").mkdir(parents=True)
        (folder / "assets" / "coursegen" / "cg-core.js").write_text(text, encoding="utf-8")
        (folder / "assets" / "coursegen" / "cg-core.css").write_text("h1 {}", encoding="utf-8")
    (site / "assets" / "stylesheets").mkdir()
    (site / "assets" / "stylesheets" / "main.css").write_text("theme", encoding="utf-8")  # the theme's: not in docs
    (site / "lectures" / "a").mkdir(parents=True)
    (site / "lectures" / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1], site, docs
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def studio(project: Project, engine: tuple[int, Path, Path]) -> Iterator[TestClient]:
    port, _site, docs = engine
    app = application(Studio(project, lambda: None, "zh"), Upstream(port, docs=docs), port=PORT, secret=SECRET)
    with TestClient(app, base_url=STUDIO) as client:
        client.get(f"/_studio/?secret={SECRET}", follow_redirects=False)
        yield client


def _script(page: str) -> str:
    found = re.search(r'<script src="(\.\./\.\./assets/coursegen/cg-core\.js[^"]*)"', page)
    assert found, page
    return found[1]


def test_a_script_of_the_workspace_is_kept_by_the_browser_until_it_changes(studio: TestClient, engine: tuple[int, Path, Path]) -> None:
    _port, site, docs = engine
    page = studio.get("/lectures/a/").text
    assert '<script src="/_studio/ui/page.js" defer></script></body>' in page
    script = _script(page)
    assert "?cg-v=" in script and 'cg-core.css?cg-v=' in page
    assert 'href="../../assets/stylesheets/main.css"' in page, "a file the workspace does not hold got an address of its own"
    assert 'href="http://127.0.0.1/lectures/a/"' in page and 'src="https://cdn.example/x.js"' in page
    kept = studio.get("/lectures/a/" + script)
    assert kept.text == "one" and kept.headers["cache-control"] == KEPT
    assert "cache-control" not in studio.get("/assets/stylesheets/main.css").headers

    for folder in (site, docs):  # a save: the workspace and then the engine's site hold a new script
        (folder / "assets" / "coursegen" / "cg-core.js").write_text("two", encoding="utf-8")
    changed = _script(studio.get("/lectures/a/").text)
    assert changed != script, "the reloaded page names the script the browser kept"
    assert studio.get("/lectures/a/" + changed).text == "two"


def test_an_asset_asked_for_by_an_old_name_is_never_kept_under_it(studio: TestClient, engine: tuple[int, Path, Path]) -> None:
    """The workspace is ahead of the engine (a rebuild under way) or behind it: what is kept is what the name says."""
    _port, site, docs = engine
    (docs / "assets" / "coursegen" / "cg-core.js").write_text("two", encoding="utf-8")
    script = _script(studio.get("/lectures/a/").text)
    served = studio.get("/lectures/a/" + script)
    assert served.text == "one" and served.headers["cache-control"] == "no-store"
    (site / "assets" / "coursegen" / "cg-core.js").write_text("two", encoding="utf-8")
    assert studio.get("/lectures/a/" + script).headers["cache-control"] == KEPT
