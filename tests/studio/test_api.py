"""Editing through the studio's endpoints: what the trainer's browser sends, what lands in the files."""

from __future__ import annotations

import difflib
import json
import re
import subprocess
import sys

import pytest
import yaml
from starlette.testclient import TestClient

from coursegen.messages import catalogue
from coursegen.studio import server
from coursegen.studio.forms import describe, kinds
from coursegen.studio.project import Project
from coursegen.yamledit import Document, load

LECTURE = "course/lectures/01-service-front.yml"
BANK = "quizzes/quiz-service-front.yml"


def _hunks(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0) if line.startswith("@@")]


def _check(project: Project) -> subprocess.CompletedProcess[str]:
    """``coursegen check`` in the project, as the trainer would run it."""
    return subprocess.run([sys.executable, "-m", "coursegen", "check"], cwd=project.root, capture_output=True, text=True, check=False)


def test_a_page_opens_its_source_with_a_form(client: TestClient, project: Project) -> None:
    opened = client.get("/_studio/api/page", params={"path": "/lectures/service-front/"}).json()
    assert opened["file"] == LECTURE and opened["kind"] == "lecture"
    assert opened["text"] == (project.root / LECTURE).read_text(encoding="utf-8")
    assert opened["data"]["title"] == yaml.safe_load(opened["text"])["title"]
    labels = {f["key"]: f["node"].get("label") for f in opened["form"]["root"]["fields"]}
    assert labels["title"] == "讲次标题" and labels["objectives"] == "学习目标"
    hand_written = client.get("/_studio/api/page", params={"path": "/hr-guide/"}).json()
    assert hand_written["file"] == "docs/hr-guide.md" and hand_written["form"] is None
    bank = client.get("/_studio/api/page", params={"path": "/quizzes/quiz-service-front/"}).json()
    assert bank["file"] == BANK
    union = next(f for f in bank["form"]["root"]["fields"] if f["key"] == "questions")["node"]["item"]
    assert {v["value"]: v["label"] for v in union["variants"]}["single"] == "单选题"
    assert client.get("/_studio/api/page", params={"path": "/no-such-page/"}).status_code == 404


def test_a_form_save_changes_one_line(client: TestClient, project: Project) -> None:
    before = (project.root / LECTURE).read_text(encoding="utf-8")
    opened = client.get("/_studio/api/file", params={"file": LECTURE}).json()
    data = opened["data"] | {"title": "服务前线：从第一句话开始"}
    saved = client.post("/_studio/api/save", json={"file": LECTURE, "version": opened["version"], "data": data})
    assert saved.status_code == 200, saved.text
    assert saved.json()["message"] == f"已保存 {LECTURE}。"
    after = (project.root / LECTURE).read_text(encoding="utf-8")
    assert len(_hunks(before, after)) == 1
    assert yaml.safe_load(after)["title"] == "服务前线：从第一句话开始"
    assert saved.json()["version"] != opened["version"]
    assert _check(project).returncode == 0


def test_a_form_save_that_breaks_the_course_is_refused_at_the_field(client: TestClient, project: Project) -> None:
    before = (project.root / BANK).read_bytes()
    opened = client.get("/_studio/api/file", params={"file": BANK}).json()
    data = opened["data"]
    first = data["questions"][0]
    assert first["type"] == "single"
    for option in first["options"]:
        option["correct"] = False  # a single choice with no right option
    answer = client.post("/_studio/api/save", json={"file": BANK, "version": opened["version"], "data": data})
    assert answer.status_code == 422
    body = answer.json()
    assert body["message"].startswith("没有保存：课程有 1 处问题")
    problem = body["problems"][0]
    assert problem["file"] == BANK and "单选题" in problem["message"]
    assert problem["path"][:2] == ["questions", 0]
    assert (project.root / BANK).read_bytes() == before
    checked = client.post("/_studio/api/check", json={"file": BANK, "data": data}).json()["problems"]
    assert [(p["line"], p["column"], p["message"]) for p in checked] == [(problem["line"], problem["column"], problem["message"])]


def test_the_source_view_gets_the_check_s_message_at_its_line(client: TestClient, project: Project) -> None:
    text = (project.root / LECTURE).read_text(encoding="utf-8").replace("title:", "title：", 1)
    problems = client.post("/_studio/api/check", json={"file": LECTURE, "text": text}).json()["problems"]
    (project.root / LECTURE).write_text(text, encoding="utf-8")
    printed = _check(project).stderr
    assert problems and all(p["file"] == LECTURE for p in problems)
    first = problems[0]
    assert f"{LECTURE}:{first['line']}:{first['column']}: {first['message']}" in printed


def test_a_file_changed_on_disk_is_never_overwritten(client: TestClient, project: Project) -> None:
    opened = client.get("/_studio/api/file", params={"file": LECTURE}).json()
    elsewhere = opened["text"].replace("title:", "# 在文本编辑器里加的注释\ntitle:", 1)
    (project.root / LECTURE).write_text(elsewhere, encoding="utf-8")
    answer = client.post("/_studio/api/save", json={"file": LECTURE, "version": opened["version"], "data": opened["data"] | {"title": "新标题"}})
    assert answer.status_code == 409 and answer.json()["conflict"] is True
    assert "被其他程序修改过" in answer.json()["message"]
    assert (project.root / LECTURE).read_text(encoding="utf-8") == elsewhere


def test_undo_puts_back_the_last_save_unless_changed_since(client: TestClient, project: Project) -> None:
    original = (project.root / LECTURE).read_text(encoding="utf-8")
    assert client.post("/_studio/api/undo", json={}).status_code == 404
    opened = client.get("/_studio/api/file", params={"file": LECTURE}).json()
    saved = client.post("/_studio/api/save", json={"file": LECTURE, "version": opened["version"], "data": opened["data"] | {"title": "改过的标题"}}).json()
    assert "改过的标题" in (project.root / LECTURE).read_text(encoding="utf-8")
    assert not list((project.root / "course").rglob("*.json")), "the journal stays out of the course"
    undone = client.post("/_studio/api/undo", json={})
    assert undone.status_code == 200 and undone.json()["message"] == f"已撤销对 {LECTURE} 的上一次保存。"
    assert (project.root / LECTURE).read_text(encoding="utf-8") == original
    again = client.post("/_studio/api/save", json={"file": LECTURE, "version": undone.json()["version"], "data": saved["data"]}).json()
    assert again["message"] == f"已保存 {LECTURE}。"
    (project.root / LECTURE).write_text(original + "# 之后在别处改的\n", encoding="utf-8")
    refused = client.post("/_studio/api/undo", json={})
    assert refused.status_code == 409 and "又被修改过" in refused.json()["message"]
    assert (project.root / LECTURE).read_text(encoding="utf-8").endswith("# 之后在别处改的\n")


def test_a_new_lecture_and_bank_build_at_once_and_undo_removes_them(client: TestClient, project: Project) -> None:
    course_before = (project.root / "course/course.yml").read_text(encoding="utf-8")
    made = client.post("/_studio/api/new", json={"kind": "lecture", "title": "反洗钱基础"})
    assert made.status_code == 200, made.text
    lecture = made.json()["file"]
    assert lecture == "course/lectures/06-fan-xi-qian-ji-chu.yml" and made.json()["page"] == "/lectures/fan-xi-qian-ji-chu/"
    course_after = (project.root / "course/course.yml").read_text(encoding="utf-8")
    assert len(_hunks(course_before, course_after)) == 1
    assert yaml.safe_load(course_after)["lectures"][-1] == "lectures/06-fan-xi-qian-ji-chu.yml"
    bank = client.post("/_studio/api/new", json={"kind": "quiz", "title": "反洗钱自测", "lecture": lecture}).json()
    assert bank["file"] == "quizzes/fan-xi-qian-zi-ce.yml"
    assert yaml.safe_load((project.root / lecture).read_text(encoding="utf-8"))["activities"] == [{"quiz": "fan-xi-qian-zi-ce"}]
    checked = _check(project)
    assert checked.returncode == 0, checked.stderr
    assert "待补充的占位文字" in checked.stderr  # the starter's words are marked as still to write
    assert client.post("/_studio/api/undo", json={}).json()["message"] == "已撤销：删除了新建的 quizzes/fan-xi-qian-zi-ce.yml。"
    client.post("/_studio/api/undo", json={})
    assert not (project.root / lecture).exists() and not (project.root / bank["file"]).exists()
    assert (project.root / "course/course.yml").read_text(encoding="utf-8") == course_before


def test_ids_come_from_titles(client: TestClient) -> None:
    assert client.get("/_studio/api/slug", params={"text": "投诉处理", "taken": "tou-su-chu-li"}).json() == {"id": "tou-su-chu-li-2"}


def test_markdown_preview_is_the_site_s_and_cleaned(client: TestClient) -> None:
    html = client.post("/_studio/api/markdown", json={"text": "**要点**\n\n<img src=x onerror=alert(1)>"}).json()["html"]
    assert "<strong>要点</strong>" in html and "onerror" not in html


def test_the_example_course_round_trips_through_the_form(client: TestClient, project: Project) -> None:
    """Opening every file and saving its form unchanged leaves every byte as it was."""
    files = sorted(p for p in [*(project.root / "course").rglob("*.yml"), *(project.root / "quizzes").glob("*.yml")])
    assert len(files) > 15
    for path in files:
        name = project.name(path)
        before = path.read_bytes()
        opened = client.get("/_studio/api/file", params={"file": name}).json()
        answer = client.post("/_studio/api/save", json={"file": name, "version": opened["version"], "data": opened["data"]})
        assert answer.status_code == 200 and answer.json()["message"] == f"没有改动，{name} 保持原样。", name
        assert path.read_bytes() == before, name


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def test_a_pasted_image_is_linked_from_its_page_even_before_the_preview_has_it(client: TestClient, project: Project) -> None:
    """The Markdown's link is relative to the page the edited file is shown on: a lecture just made with 新建, which
    the preview has not built yet, is shown under lectures/ as every lecture is."""
    fresh = "course/lectures/09-fresh.yml"
    (project.root / fresh).write_text((project.root / LECTURE).read_text(encoding="utf-8"), encoding="utf-8")
    for edited, link in ((LECTURE, "../assets/images/"), (fresh, "../assets/images/"), ("quizzes/not-built.yml", "../assets/images/"),
                         ("course/course.yml", "assets/images/"), (None, "assets/images/")):
        params = {"name": "流程图.png", **({"file": edited} if edited else {})}
        answer = client.post("/_studio/api/upload", params=params, content=PNG, headers={"content-type": "image/png"})
        assert answer.status_code == 200, answer.text
        assert answer.json()["markdown"].startswith(f"![liu-cheng-tu]({link}liu-cheng-tu-"), (edited, answer.json())


def test_form_labels_are_words_and_a_list_of_lines_names_its_items_after_itself() -> None:
    events = next(f for f in describe("case")["root"]["fields"] if f["key"] == "events")["node"]
    assert events["label"] == "经过" and "label" not in events["item"]  # not "Markdown 文本", the type's description
    labels = re.findall(r'"label": "([^"]*)"', json.dumps([describe(kind) for kind in kinds()], ensure_ascii=False))
    assert "cases/ 中一个案例的 id" in labels and not [label for label in labels if "`" in label]


@pytest.mark.parametrize("client", ["en"], indirect=True)
def test_an_english_course_s_studio_labels_its_fields_in_english(client: TestClient) -> None:
    opened = client.get("/_studio/api/file", params={"file": LECTURE}).json()
    fields = {field["key"]: field["node"] for field in opened["form"]["root"]["fields"]}
    assert fields["title"]["label"] == "Lecture title" and fields["sections"]["label"] == "Sections"
    assert fields["duration_minutes"]["help"] == "Planned duration (minutes), for the schedule."


def test_a_request_with_neither_form_data_nor_source_text_says_so(client: TestClient, project: Project) -> None:
    before = (project.root / LECTURE).read_bytes()
    for endpoint in ("check", "save"):
        answer = client.post(f"/_studio/api/{endpoint}", json={"file": LECTURE, "version": client.get("/_studio/api/file", params={"file": LECTURE}).json()["version"]})
        assert answer.status_code == 400
        assert answer.json()["message"] == catalogue("zh")["studio.refused.no_content"].format(file=LECTURE), endpoint
    assert (project.root / LECTURE).read_bytes() == before


def test_a_new_activity_reads_course_yml_once_and_goes_in_the_last_lecture(client: TestClient, project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    course_text = (project.root / "course/course.yml").read_text(encoding="utf-8")
    parsed: list[str] = []

    def counted(text: str) -> Document:
        parsed.append(text)
        return load(text)

    monkeypatch.setattr(server, "load_yaml", counted)
    made = client.post("/_studio/api/new", json={"kind": "case", "title": "柜面纠纷"})
    assert made.status_code == 200, made.text
    last = yaml.safe_load(course_text)["lectures"][-1]
    assert {"case": "gui-mian-jiu-fen"} in yaml.safe_load((project.root / "course" / last).read_text(encoding="utf-8"))["activities"]
    assert parsed.count(course_text) == 1


@pytest.mark.parametrize("broken", ["- 不是键值\n- 而是列表\n", "title: 课程\nlectures: 不是列表\n", "title: [没有闭合\n"])
def test_a_new_item_in_a_broken_course_yml_is_refused_with_its_reason_and_nothing_written(client: TestClient, project: Project, broken: str) -> None:
    (project.root / "course/course.yml").write_text(broken, encoding="utf-8")
    before = sorted(p.relative_to(project.root) for p in project.root.rglob("*.yml"))
    refused = client.post("/_studio/api/new", json={"kind": "lecture", "title": "反洗钱基础"})
    assert refused.status_code == 422, refused.text  # not a 500
    assert refused.json()["message"].startswith("“course/course.yml”现在没法添加新的一项（") and "先在“源文件”里改好它" in refused.json()["message"]
    assert sorted(p.relative_to(project.root) for p in project.root.rglob("*.yml")) == before
    assert (project.root / "course/course.yml").read_text(encoding="utf-8") == broken


def test_a_new_scenario_starts_as_a_walkable_two_ending_scenario_in_the_last_lecture(client: TestClient, project: Project) -> None:
    made = client.post("/_studio/api/new", json={"kind": "scenario", "title": "柜台前的插队客户"})
    assert made.status_code == 200, made.text
    assert made.json()["file"] == "course/scenarios/gui-tai-qian-de-cha-dui-ke-hu.yml"
    assert made.json()["page"] == "/scenarios/gui-tai-qian-de-cha-dui-ke-hu/"
    data = yaml.safe_load((project.root / made.json()["file"]).read_text(encoding="utf-8"))
    assert [scene["id"] for scene in data["scenes"]] == ["start", "good", "poor"]
    assert [choice["to"] for choice in data["scenes"][0]["choices"]] == ["good", "poor"]
    checked = _check(project)
    assert checked.returncode == 0, checked.stderr  # every scene reached, every way leads to an ending
    assert "待补充的占位文字" in checked.stderr
