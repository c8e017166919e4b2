"""coursegen studio's forms (generator/studio/ui/form.js) in a real browser, without the studio's server: a small
page in the test's folder loads the vendor bundle and form.js from the package and draws a question bank from the
form description the studio's server sends (coursegen.studio.forms.describe), with a stand-in for the server's API (only the
id maker is asked). What a trainer sees and does is checked against the data the form gives back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coursegen.catalogue import flatten, read_file
from coursegen.studio.forms import describe

pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page

UI = Path(__file__).resolve().parents[2] / "generator" / "studio" / "ui"

DATA = {
    "id": "quiz-service-front",
    "title": "前台服务自测",
    "pass_mark": 80,
    "questions": [
        {"type": "single", "id": "q-greeting", "prompt": "客户进门时，第一句话应该说什么？",
         "options": [{"text": "您好，欢迎光临", "correct": True}, {"text": "有什么事？"}]},
        {"type": "multiple", "id": "q-complaint", "prompt": "处理投诉时应该做到哪些？", "explanation": "倾听和记录都重要。",
         "options": [{"text": "先倾听", "correct": True}, {"text": "马上辩解"}, {"text": "记录要点", "correct": True}]},
        {"type": "fill", "id": "q-hotline", "prompt": "服务热线是____。", "accept": ["95555"],
         "facilitator": "提醒学员把热线号码背下来"},  # notes without `notes:`: a shape the form cannot show, kept as it is
    ],
    "x_reviewed_by": "王老师",  # a key the description does not know: kept as it is
}
LECTURE = {"id": "service-basics", "title": "服务基础", "duration_minutes": 30,
           "sections": [{"id": "greeting", "title": "迎客", "points": ["主动问候", {"title": "记录诉求", "body": "写下客户的原话。"}]}]}
HOMEWORK = {"id": "service-report", "title": "服务心得", "due": "2026-03-20T18:00:00+08:00",
            "fields": [{"type": "textarea", "id": "story", "label": "写一次接待的经过"}]}

HARNESS = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="{ui}/studio.css">
<script src="{ui}/vendor/studio-vendor.js"></script>
<script src="{ui}/form.js"></script>
<style>body {{ overflow: auto; display: block; padding: 12px; }}</style>
</head><body class="cgs"><div id="form"></div>
<script>
window.changes = 0;
window.asked = [];
var strings = {strings};
function fakeServer(method, path, body) {{
  window.asked.push(method + " " + path);
  if (path.indexOf("/slug?") === 0) {{
    var query = new URLSearchParams(path.slice(6));
    var id = "q-" + query.get("text").length + "-" + (query.get("taken").split(",").filter(Boolean).length);
    return Promise.resolve({{status: 200, data: {{id: id}}}});
  }}
  return Promise.resolve({{status: 404, data: {{message: "not here"}}}});
}}
window.form = cgStudioForm.render(document.getElementById("form"), {form}, {data}, strings,
  function () {{ window.changes += 1; }}, {{request: fakeServer}});
</script></body></html>"""


@pytest.fixture
def drawn() -> tuple[str, dict[str, Any]]:
    """The kind of course file whose form the harness draws, and the file's data (a test may parametrize it)."""
    return "quiz", DATA


@pytest.fixture(params=[1280, 375], ids=["1280px", "375px"])
def harness(browser: Any, tmp_path: Path, request: pytest.FixtureRequest, drawn: tuple[str, dict[str, Any]]) -> Iterator[Page]:
    """The form on a page of its own, at a desktop's or a phone's width, in a time zone other than the data's
    (Berlin): a datetime keeps the offset the data had, not the browser's."""
    width = request.param
    page_file = tmp_path / "harness.html"
    strings = flatten(read_file("zh")["studio"])
    page_file.write_text(HARNESS.format(ui=UI.as_uri(), strings=json.dumps(strings, ensure_ascii=False),
                                        form=json.dumps(describe(drawn[0]), ensure_ascii=False),
                                        data=json.dumps(drawn[1], ensure_ascii=False)),
                         encoding="utf-8")
    context = browser.new_context(locale="zh-CN", timezone_id="Europe/Berlin", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda r: page.requests.append(r.url))  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_file.as_uri())
    page.locator(".cgf").wait_for()
    yield page
    assert errors == [], "script errors on the page"
    assert [u for u in page.requests if not u.startswith("file://")] == [], "a request left the machine"  # type: ignore[attr-defined]
    context.close()


def value(page: Page) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate("window.form.value()")
    return result


def question_item(page: Page, n: int) -> Any:
    """The n-th question (from 1) in the questions list."""
    return page.locator("#form .cgf-list").first.locator(":scope > .cgf-items > li").nth(n - 1)


def overflow(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_an_untouched_form_gives_back_the_data_it_was_given(harness: Page) -> None:
    """Nothing omitted, added or reordered: untouched optional fields (说明, 打乱题目顺序, 显示答案) stay absent,
    the kept-as-is field (讲师备注 written as a line) and the unknown key come back unchanged."""
    assert value(harness) == DATA
    assert harness.get_by_label("题库标题").input_value() == "前台服务自测"
    assert harness.get_by_label("及格线").get_attribute("placeholder") == "60"
    assert "这一项请在源文件中编辑" in harness.locator(".cgf-field--any").inner_text()


def test_labels_help_and_required_marks_are_chinese(harness: Page) -> None:
    title = harness.get_by_label("题库标题")
    assert title.get_attribute("aria-required") == "true"
    label = harness.locator(f"label[for='{title.get_attribute('id')}']")
    assert label.inner_text().replace("\n", "") == "题库标题必填"
    described = title.get_attribute("aria-describedby")
    assert harness.locator(f"#{described}").inner_text() == "题库标题，显示在测验页上。"
    first = question_item(harness, 1)
    assert first.locator(":scope > .cgf-item__bar .cgf-item__title").inner_text() == "第 1 项：客户进门时，第一句话应该说什么？"
    assert first.locator("select option:checked").inner_text() == "单选题"
    assert first.get_by_role("checkbox", name="是否为正确选项").first.is_checked()
    for button in ("上移", "下移", "复制", "删除"):
        assert first.get_by_role("button", name=button).first.is_visible()
    # every control of the form is labelled by a <label for> (CodeMirror's editable area by its label's id)
    unlabelled = harness.evaluate("""() => [...document.querySelectorAll('#form input, #form select, #form textarea')]
        .filter(el => !document.querySelector('label[for="' + el.id + '"]')).map(el => el.outerHTML)""")
    assert unlabelled == []
    editors = harness.evaluate("""() => [...document.querySelectorAll('#form .cm-content')]
        .map(el => document.getElementById(el.getAttribute('aria-labelledby')).textContent)""")
    assert "题干必填" in editors and "测验开始前的说明" in editors


def test_an_emptied_optional_field_is_omitted_and_a_filled_one_written(harness: Page) -> None:
    score = harness.get_by_label("及格线")
    score.fill("")
    score.press("Tab")
    assert "pass_mark" not in value(harness)
    harness.get_by_label("每次作答时打乱题目和选项的顺序").check()
    harness.get_by_label("何时显示对错和解析").select_option(label="每题下方多一个“检查”按钮")
    got = value(harness)
    assert got["shuffle"] is True and got["feedback"] == "immediate"
    harness.get_by_label("何时显示对错和解析").select_option(label="（未选择）")
    assert "feedback" not in value(harness)
    description = harness.locator(".cm-content").first  # 测验开始前的说明, the first Markdown field
    description.fill("本题库共三题。")
    description.press("End")
    assert value(harness)["intro"] == "本题库共三题。"
    description.fill("")
    description.press("End")
    assert "intro" not in value(harness)
    assert harness.evaluate("window.changes") > 0


@pytest.mark.parametrize("drawn", [("homework", HOMEWORK)])
def test_a_datetime_keeps_the_offset_the_data_had(harness: Page) -> None:
    opens = harness.get_by_label("截止时间")
    assert opens.input_value() == "2026-03-20T18:00"
    assert "UTC+08:00" in harness.locator(".cgf-zone").inner_text()
    opens.fill("2026-03-21T09:30")
    assert value(harness)["due"] == "2026-03-21T09:30:00+08:00"


def test_list_items_are_added_duplicated_deleted_and_moved(harness: Page) -> None:
    first = question_item(harness, 1)
    first.get_by_role("button", name="下移").first.click()
    assert [q["id"] for q in value(harness)["questions"]] == ["q-complaint", "q-greeting", "q-hotline"]
    assert question_item(harness, 2).locator(":scope > .cgf-item__bar .cgf-item__title").inner_text().startswith("第 2 项：客户进门时")

    # Alt+↓ in the first option's text moves that option, not its question
    greeting = question_item(harness, 2)
    text = greeting.get_by_label("选项文字").first
    text.focus()
    text.press("Alt+ArrowDown")
    options = value(harness)["questions"][1]["options"]
    assert options == [{"text": "有什么事？"}, {"text": "您好，欢迎光临", "correct": True}]
    assert greeting.get_by_label("选项文字").nth(1).evaluate("el => el === document.activeElement")

    # a new option: empty until filled, its tick written once ticked
    greeting.get_by_role("button", name="添加选择题的一个选项").click()
    new = greeting.get_by_label("选项文字").nth(2)
    assert new.evaluate("el => el === document.activeElement")
    assert value(harness)["questions"][1]["options"][2] == {}
    new.fill("请稍等")
    greeting.get_by_role("checkbox", name="是否为正确选项").nth(2).check()
    assert value(harness)["questions"][1]["options"][2] == {"text": "请稍等", "correct": True}

    # duplicating a question: the copy gets a new id of its own, asked with the ids already taken
    question_item(harness, 3).get_by_role("button", name="复制").first.click()
    harness.wait_for_function("window.form.value().questions.length === 4 && Boolean(window.form.value().questions[3].id)")
    copy = value(harness)["questions"][3]
    assert copy["id"] == "q-10-3" and copy["prompt"] == "服务热线是____。" and copy["accept"] == ["95555"]
    assert any("taken=q-complaint%2Cq-greeting%2Cq-hotline" in a for a in harness.evaluate("window.asked"))

    # deleting, then bringing back
    question_item(harness, 1).get_by_role("button", name="删除").first.click()
    assert [q["id"] for q in value(harness)["questions"]] == ["q-greeting", "q-hotline", "q-10-3"]
    harness.get_by_role("button", name="恢复").click()
    assert [q["id"] for q in value(harness)["questions"]] == ["q-complaint", "q-greeting", "q-hotline", "q-10-3"]
    assert overflow(harness) <= 0


def test_a_new_question_gets_its_id_from_its_prompt_once(harness: Page) -> None:
    harness.get_by_role("button", name="添加题目").click()
    added = question_item(harness, 4)
    # a new question is a single choice, the most used type (not 填空题, the first alphabetically); a required list is
    # written, empty
    assert added.locator("select option:checked").first.inner_text() == "单选题"
    assert value(harness)["questions"][3] == {"type": "single", "options": []}
    prompt = added.locator(".cm-content").first
    prompt.fill("如何称呼客户？")
    added.get_by_label("题目标识").focus()  # leaving the prompt commits it
    harness.wait_for_function("window.form.value().questions[3].id === 'q-7-3'")
    prompt.fill("如何称呼老客户？")
    added.get_by_label("题目标识").focus()
    harness.wait_for_timeout(200)
    assert value(harness)["questions"][3]["id"] == "q-7-3", "an id is never changed after it was made"
    # switching the type keeps what both types share (the prompt, the id; the options of single and multiple)
    added.get_by_label("题目类型").select_option(label="排序题")
    got = value(harness)["questions"][3]
    assert got == {"type": "ordering", "id": "q-7-3", "prompt": "如何称呼老客户？", "items": []}
    assert list(got) == ["type", "id", "prompt", "items"], "a switched question is written in its type's order"
    first = question_item(harness, 1)
    first.get_by_label("题目类型").select_option(label="多选题")
    assert value(harness)["questions"][0] == {**DATA["questions"][0], "type": "multiple"}


@pytest.mark.parametrize("drawn", [("lecture", LECTURE)])
def test_a_titled_point_goes_back_to_one_line_and_its_body_can_be_restored(harness: Page) -> None:
    """The reverse of 展开为带说明的要点: with nothing under the title it is lossless; with a body (or sub-points) the
    line keeps the title and 恢复 brings the rest back, as after deleting a list item."""
    points = harness.locator(".cgf-textor")
    points.nth(0).get_by_role("button", name="展开为带说明的要点").click()
    assert value(harness)["sections"][0]["points"][0] == {"title": "主动问候"}
    points.nth(0).get_by_role("button", name="改回一行").click()
    assert value(harness) == LECTURE
    assert points.nth(0).get_by_label("要点").evaluate("el => el === document.activeElement")
    assert points.nth(0).get_by_role("button", name="恢复").count() == 0, "nothing was lost, nothing to restore"

    points.nth(1).get_by_role("button", name="改回一行").click()
    assert value(harness)["sections"][0]["points"][1] == "记录诉求"
    assert "已去掉标题以外的内容" in points.nth(1).inner_text()
    points.nth(1).get_by_role("button", name="恢复").click()
    assert value(harness) == LECTURE
    assert points.nth(1).get_by_label("要点标题").input_value() == "记录诉求"


def test_problems_show_under_their_field_and_the_top_list_focuses_it(harness: Page) -> None:
    harness.evaluate("""window.form.showProblems([
      {line: 14, column: 9, message: "选项文字不能为空", hint: "写上学员看到的文字", severity: "error",
       path: ["questions", 1, "options", 1, "text"]},
      {line: 2, column: 1, message: "题库标题太长", hint: null, severity: "warning", path: ["title"]},
      {line: 1, column: 1, message: "文件开头有多余的字符", hint: null, severity: "error", path: null}])""")
    field = question_item(harness, 2).get_by_label("选项文字").nth(1)
    assert field.get_attribute("aria-invalid") == "true"
    described = field.get_attribute("aria-describedby").split()
    message = harness.locator(f"#{described[-1]}")
    assert message.inner_text().startswith("选项文字不能为空") and "提示：写上学员看到的文字" in message.inner_text()
    assert harness.get_by_label("题库标题").get_attribute("aria-invalid") is None  # a warning is not invalid
    summary = harness.locator(".cgf-summary")
    assert summary.locator(".cgf-summary__title").inner_text() == "有 3 处问题："
    assert "第 1 行：文件开头有多余的字符" in summary.inner_text()
    summary.get_by_role("link", name="选项文字不能为空").click()
    assert field.evaluate("el => el === document.activeElement")
    harness.evaluate("window.form.showProblems([])")
    assert field.get_attribute("aria-invalid") is None and not summary.is_visible()


def test_nothing_sticks_out_sideways(harness: Page) -> None:
    assert overflow(harness) <= 0
    width = harness.viewport_size["width"]
    outside = harness.evaluate("""width => [...document.querySelectorAll('#form input, #form select, #form button, #form .cm-editor')]
        .filter(el => { const b = el.getBoundingClientRect(); return b.width > 0 && (b.left < 0 || b.right > width + 1); })
        .map(el => el.outerHTML.slice(0, 80))""", width)
    assert outside == []
