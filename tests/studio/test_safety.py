"""The studio writes files: each rule that keeps it from becoming a door, tested by the request it refuses."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from coursegen.studio.project import Project
from coursegen.studio.proxy import Upstream
from coursegen.studio.safety import MAX_BODY, MAX_IMAGE
from coursegen.studio.server import Studio, application
from tests.studio.conftest import PORT, SECRET, STUDIO

LECTURE = "course/lectures/01-service-front.yml"


def test_without_the_secret_nothing_is_served(project: Project) -> None:
    app = application(Studio(project, lambda: None, "zh"), Upstream(1, docs=project.root / ".coursegen" / "trainer" / "docs"), port=PORT, secret=SECRET)
    with TestClient(app, base_url=STUDIO) as stranger:
        for path in ("/_studio/", f"/_studio/api/file?file={LECTURE}", "/", "/_studio/ui/page.js"):
            answer = stranger.get(path)
            assert answer.status_code == 403, path
            assert "coursegen studio 启动时打印的地址" in answer.text
        assert stranger.get("/_studio/?secret=wrong", follow_redirects=False).status_code == 403
        entered = stranger.get(f"/_studio/?secret={SECRET}", follow_redirects=False)
        assert entered.status_code == 303 and entered.headers["location"] == "/_studio/"  # the secret leaves the address
        cookie = entered.headers["set-cookie"]
        assert f"coursegen-studio-{PORT}=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
        assert stranger.get(f"/_studio/api/file?file={LECTURE}").status_code == 200


@pytest.mark.parametrize("host", ["evil.example", f"evil.example:{PORT}", "127.0.0.1:9999", "192.168.1.5:8123"])
def test_a_rebound_host_name_is_refused(client: TestClient, host: str) -> None:
    """DNS rebinding: another site's name pointed at 127.0.0.1 still sends its own name as Host."""
    answer = client.get(f"/_studio/api/file?file={LECTURE}", headers={"host": host})
    assert answer.status_code == 403
    assert "127.0.0.1" in answer.text


def test_another_origin_cannot_save(client: TestClient, project: Project) -> None:
    before = (project.root / LECTURE).read_bytes()
    opened = client.get(f"/_studio/api/file?file={LECTURE}").json()
    body = {"file": LECTURE, "version": opened["version"], "text": opened["text"].replace("服务", "服", 1)}
    for origin in ("http://evil.example", f"http://localhost:{PORT + 1}", "null"):
        answer = client.post("/_studio/api/save", json=body, headers={"origin": origin})
        assert answer.status_code == 403, origin
    client.headers.pop("x-coursegen-studio")
    assert client.post("/_studio/api/save", json=body).status_code == 403  # a plain form of another site cannot set it
    assert (project.root / LECTURE).read_bytes() == before


@pytest.mark.parametrize("name", ["../mkdocs.yml", "/etc/passwd", "course/../../outside.yml", "course/../mkdocs.yml",
                                  "mkdocs.yml", ".coursegen/studio/000001.json", "course\\course.yml", "course/course.yml\0.md"])
def test_paths_stay_in_the_course(client: TestClient, project: Project, name: str) -> None:
    (project.root.parent / "outside.yml").write_text("secret: 1\n", encoding="utf-8")
    read = client.get("/_studio/api/file", params={"file": name})
    assert read.status_code == 403, name
    assert "course/、quizzes/ 和 docs/" in read.json()["message"]
    wrote = client.post("/_studio/api/save", json={"file": name, "version": "", "text": "x: 1\n"})
    assert wrote.status_code == 403
    assert (project.root.parent / "outside.yml").read_text(encoding="utf-8") == "secret: 1\n"


def test_a_symbolic_link_out_of_the_course_is_not_followed(client: TestClient, project: Project, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yml"
    outside.write_text("id: secret\n", encoding="utf-8")
    os.symlink(outside, project.root / "course" / "cases" / "linked.yml")
    os.symlink(tmp_path, project.root / "quizzes" / "escape")
    for name in ("course/cases/linked.yml", "quizzes/escape/elsewhere.yml"):
        assert client.get("/_studio/api/file", params={"file": name}).status_code == 403
        assert client.post("/_studio/api/save", json={"file": name, "version": "", "text": "id: x\n"}).status_code == 403
    assert outside.read_text(encoding="utf-8") == "id: secret\n"


def test_only_course_files_and_pages_are_edited(client: TestClient, project: Project) -> None:
    (project.root / "docs" / "run.sh").write_text("echo\n", encoding="utf-8")
    answer = client.get("/_studio/api/file", params={"file": "docs/run.sh"})
    assert answer.status_code == 415
    assert "课程文件（.yml）和手写页面（.md）" in answer.json()["message"]


def test_request_size_is_limited(client: TestClient) -> None:
    huge = b"x" * (MAX_BODY + 1)
    answer = client.post("/_studio/api/check", content=huge, headers={"content-type": "application/json"})
    assert answer.status_code == 413
    assert "最多接收 4 MB" in answer.json()["message"]

    def chunks() -> object:  # no Content-Length: counted as it arrives
        for _ in range(MAX_BODY // 65536 + 2):
            yield b"x" * 65536

    streamed = client.post("/_studio/api/upload?name=big.png", content=chunks())
    assert streamed.status_code == 413


def test_pasted_images_are_checked_by_content_and_size(client: TestClient, project: Project) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 100
    refused = client.post("/_studio/api/upload?name=evil.png", content=b"<svg onload=alert(1)>")
    assert refused.status_code == 415 and "PNG、JPEG、GIF 或 WebP" in refused.json()["message"]
    too_big = client.post("/_studio/api/upload?name=big.png", content=png + b"\0" * MAX_IMAGE)
    assert too_big.status_code == 413 and "最多 2 MB" in too_big.json()["message"]
    assert not (project.docs / "assets" / "images").exists()
    kept = client.post(f"/_studio/api/upload?name=../../流程图.png&file={LECTURE}", content=png).json()
    stored = list((project.docs / "assets" / "images").iterdir())
    assert len(stored) == 1 and stored[0].read_bytes() == png
    assert stored[0].name.startswith("liu-cheng-tu-") and stored[0].suffix == ".png"
    assert kept["markdown"] == f"![liu-cheng-tu](../assets/images/{stored[0].name})"  # from the lecture's page, lectures/…
