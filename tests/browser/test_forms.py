"""Homework and survey forms in a real browser: saving as you type, the identity asked once, what blocks
an export, the exported submission file (schema, checksum, times, quiz scores), the keyboard on rating scales and the print view
(the hand-in itself, online or by file, is in test_handin.py).

Most tests run on the example course and fill its forms from the form definitions themselves, so a
change of wording does not break them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from coursegen import __version__
from coursegen.load import load_project
from coursegen.model import Homework, Submission
from coursegen.model.submission import checksum

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

SCHEMA = ROOT / "schemas" / "submission.schema.json"
EXAMPLE, _ = load_project(ROOT / "course", ROOT / "quizzes")
HOMEWORK = next(h for h in EXAMPLE.homework.values() if h.kind == "homework")
SURVEY = next(h for h in EXAMPLE.homework.values() if h.kind == "survey")
IDENTITY = {"name": "李晓明", "employee_id": "A10086", "department": "城东支行营业部"}

Page = Any  # playwright.sync_api.Page


def field(page: Page, field_id: str) -> Any:
    return page.locator(f'.cg-field[data-field="{field_id}"]')


def open_form(page: Page, base: str, homework: Homework) -> None:
    page.goto(f"{base}/homework/{homework.id}/")
    page.locator("form.cg-form .cg-identity").wait_for()


def fill_identity(page: Page) -> None:
    for key, value in IDENTITY.items():
        page.locator(f'[data-identity="{key}"]').fill(value)


def fill_all(page: Page, homework: Homework) -> dict[str, Any]:
    """Answer every field as a diligent trainee would; return the answers the file should hold."""
    fill_identity(page)
    expected: dict[str, Any] = {}
    for f in homework.fields:
        box = field(page, f.id)
        if f.type in ("text", "textarea"):
            text = "网点“首问负责”落实不到位，客户多次往返。" * max(1, getattr(f, "min_length", 0) // 20 + 1)
            box.locator("input, textarea").first.fill(text)
            expected[f.id] = text
        elif f.type == "table":
            while box.locator("tbody tr").count() < max(f.min_rows, 1):
                box.get_by_role("button", name="添加一行").click()
            rows = []
            for r in range(box.locator("tbody tr").count()):
                row = {c.id: f"第{r + 1}行：{c.label}" for c in f.columns}
                for c in f.columns:
                    box.locator("tbody tr").nth(r).locator(f'[data-column="{c.id}"]').fill(row[c.id])
                rows.append(row)
            expected[f.id] = rows
        elif f.type == "checkboxes":
            box.get_by_label(f.options[0], exact=True).check()
            expected[f.id] = [f.options[0]]
        elif f.type == "choice":
            box.get_by_label(f.options[-1], exact=True).check()
            expected[f.id] = f.options[-1]
        elif f.type == "rating":
            for item in f.items:
                box.locator(f'.cg-rating[data-item="{item.id}"] input[value="4"]').check()
            expected[f.id] = {item.id: 4 for item in f.items}
    return expected


def export(page: Page) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.locator(".cg-form__export").click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def test_typed_answers_survive_a_reload(page: Page, site_url: str) -> None:
    open_form(page, site_url, HOMEWORK)
    textarea = next(f for f in HOMEWORK.fields if f.type == "textarea")
    table = next(f for f in HOMEWORK.fields if f.type == "table")
    field(page, textarea.id).locator("textarea").fill("客户反映排队时间过长")
    field(page, textarea.id).locator("textarea").press("End")
    field(page, table.id).locator("tbody tr").first.locator("textarea").first.fill("理财产品到期提醒不及时")
    assert page.locator(".cg-form__saved").inner_text() == "已保存"

    page.reload()
    page.locator("form.cg-form .cg-identity").wait_for()
    assert field(page, textarea.id).locator("textarea").input_value() == "客户反映排队时间过长"
    assert field(page, table.id).locator("tbody tr").first.locator("textarea").first.input_value() == "理财产品到期提醒不及时"
    assert re.fullmatch(r"已保存（上次保存 \d{1,2}月\d{1,2}日 \d\d:\d\d）", page.locator(".cg-form__saved").inner_text())


def test_what_is_typed_before_the_form_script_arrives_is_kept_over_the_draft_and_saved(page: Page, site_url: str) -> None:
    """The page shows the form before cg-core.js has loaded cg-form.js: on a slow intranet a trainee types into it
    first. That text (and the name typed) is theirs: kept over the stored draft when the script arrives, and saved."""
    textarea = next(f for f in HOMEWORK.fields if f.type == "textarea")
    box = field(page, textarea.id).locator("textarea")
    open_form(page, site_url, HOMEWORK)
    box.fill("旧稿")
    box.press("End")
    page.locator(".cg-form__saved", has_text="已保存").wait_for()

    page.route("**/cg-form.js", lambda route: route.abort())  # the script has not arrived yet
    page.goto(f"{site_url}/homework/{HOMEWORK.id}/")
    page.wait_for_load_state("load")
    box.fill("赶在脚本之前写下的心得")
    page.locator('[data-identity="name"]').fill("李晓明")
    page.unroute("**/cg-form.js")
    page.add_script_tag(url=f"{site_url}/assets/coursegen/cg-form.js")  # now it arrives
    page.locator(".cg-field__count[data-rule]").first.wait_for(state="attached")
    assert box.input_value() == "赶在脚本之前写下的心得"
    page.locator(".cg-form__saved", has_text="已保存").wait_for()

    open_form(page, site_url, HOMEWORK)
    assert box.input_value() == "赶在脚本之前写下的心得"
    assert page.locator('[data-identity="name"]').input_value() == "李晓明"


def test_identity_is_asked_once_for_every_form_of_the_course(page: Page, site_url: str) -> None:
    open_form(page, site_url, HOMEWORK)
    fill_identity(page)
    open_form(page, site_url, SURVEY)
    summary = page.locator(".cg-identity__summary")
    assert summary.is_visible() and summary.inner_text().startswith("李晓明（工号 A10086，城东支行营业部）")
    assert not page.locator('[data-identity="name"]').is_visible()
    page.get_by_role("button", name="修改").click()
    assert page.locator('[data-identity="name"]').input_value() == "李晓明"
    assert page.evaluate("document.activeElement.dataset.identity") == "name"


def test_missing_required_fields_block_the_export_with_a_clear_list(page: Page, site_url: str) -> None:
    open_form(page, site_url, HOMEWORK)
    downloads: list[Any] = []
    page.on("download", lambda download: downloads.append(download))
    page.locator(".cg-form__export").click()
    errors = page.locator(".cg-form__errors")
    assert errors.is_visible()
    text = errors.inner_text()
    assert text.startswith("还不能导出，请先补全以下")
    for label in ["姓名：必填", "工号：必填", "部门：必填"]:
        assert label in text
    for f in HOMEWORK.fields:
        assert (f.label in text) == f.required
    assert page.evaluate("document.activeElement.classList.contains('cg-form__errors')")

    textarea = next(f for f in HOMEWORK.fields if f.type == "textarea" and f.min_length)
    field(page, textarea.id).locator("textarea").fill("太短")
    page.locator(".cg-form__export").click()
    assert f"{textarea.label}：至少 {textarea.min_length} 字（现在 2 字）" in errors.inner_text()
    assert field(page, textarea.id).locator("textarea").get_attribute("aria-invalid") == "true"
    errors.get_by_role("link", name=re.compile(textarea.label)).click()
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    # Downloads come in the order of their clicks: one the blocked clicks started would come before this one.
    fill_all(page, HOMEWORK)
    name, _ = export(page)
    assert [download.suggested_filename for download in downloads] == [name], "a blocked export downloaded a file"


def test_exported_file_validates_against_the_schema_and_its_checksum_verifies(browser: Any, site_url: str) -> None:
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", accept_downloads=True)
    page = context.new_page()
    prefix = f"coursegen:{EXAMPLE.course.id}:"
    page.goto(f"{site_url}/")
    hashes = page.wait_for_function("window.coursegenVersions").json_value()  # the dashboard loads the quizzes' versions
    quizzes = {  # as cg-quiz.js stores them; a never-checked quiz, an older version of a quiz and junk are left out
        "quiz:quiz-service-front": {"v": 1, "hash": hashes["quiz-service-front"], "best": 80, "passed": True, "attempts": 2},
        "quiz:quiz-escalation-taboos": {"v": 1, "hash": hashes["quiz-escalation-taboos"], "best": 0, "passed": False, "attempts": 0},
        "quiz:quiz-complaint-management": {"v": 1, "hash": "0123456789abcdef", "best": 90, "passed": True, "attempts": 1},
        "quiz:broken": {"best": "many", "passed": "yes"},
    }
    page.evaluate("([p, q]) => { for (const k in q) localStorage.setItem(p + k, JSON.stringify(q[k])); localStorage.setItem(p + 'quiz:junk', '{oops'); }", [prefix, quizzes])
    open_form(page, site_url, HOMEWORK)
    page.evaluate("window.__submitted = []; document.addEventListener('coursegen:submit', e => window.__submitted.push(e.detail))")
    expected = fill_all(page, HOMEWORK)

    name, raw = export(page)
    text = raw.decode("utf-8")
    assert "李晓明" in text and "\\u" not in text  # a trainee who opens the file reads Chinese, not \uXXXX escapes
    data = json.loads(text)
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    Submission.model_validate(data)
    assert checksum(data) == data["sha256"]
    assert name == f"{HOMEWORK.id}-A10086-李晓明.json"
    assert data["trainee"] == IDENTITY and data["answers"] == expected
    assert data["course_id"] == EXAMPLE.course.id and data["homework_id"] == HOMEWORK.id and data["kind"] == "homework"
    assert data["quiz_scores"] == {"quiz-service-front": {"best": 80, "passed": True}}
    assert data["generator"] == f"coursegen {__version__}"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00", data["created_at"])
    assert data["created_at"] <= data["updated_at"]
    [announced] = page.evaluate("window.__submitted")
    assert announced.pop("handed_in") == {"channel": "file", "file": name, "failed": None}
    assert announced == data
    context.close()


def test_checksum_verifies_without_crypto_subtle(page: Page, site_url: str) -> None:
    """Plain-http intranet hosts and file:// pages have no crypto.subtle: the built-in SHA-256 takes over."""
    page.add_init_script("Object.defineProperty(window.crypto, 'subtle', { value: undefined })")
    open_form(page, site_url, SURVEY)
    fill_all(page, SURVEY)
    comments = next(f for f in SURVEY.fields if f.type == "textarea")
    tricky = '引号"与\\反斜杠\n换行\t制表 😀 𠀋 \u2028 </script> ' + "长" * 300
    field(page, comments.id).locator("textarea").fill(tricky)
    assert page.evaluate("window.crypto.subtle") is None
    _, raw = export(page)
    data = json.loads(raw)
    assert data["kind"] == "survey" and data["answers"][comments.id] == tricky.strip()
    assert checksum(data) == data["sha256"]


def test_rating_scale_works_with_the_keyboard(page: Page, site_url: str) -> None:
    open_form(page, site_url, SURVEY)
    rating = next(f for f in SURVEY.fields if f.type == "rating")
    group = field(page, rating.id).locator(f'.cg-rating[data-item="{rating.items[0].id}"]')
    assert group.get_by_role("radio").count() == 5
    group.get_by_role("radio", name="1 很不满意").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert group.locator("input:checked").get_attribute("value") == "3"
    page.reload()
    page.locator("form.cg-form .cg-identity").wait_for()
    assert group.locator("input:checked").get_attribute("value") == "3"


def test_table_rows_are_added_and_removed_within_limits(page: Page, site_url: str) -> None:
    open_form(page, site_url, HOMEWORK)
    table = next(f for f in HOMEWORK.fields if f.type == "table")
    box = field(page, table.id)
    assert box.locator("tbody tr").count() == max(table.min_rows, 1)
    add = box.get_by_role("button", name="添加一行")
    while add.is_enabled():
        add.click()
    assert box.locator("tbody tr").count() == table.max_rows
    assert box.get_by_role("textbox", name=f"第 {table.max_rows} 行 {table.columns[0].label}").is_visible()
    box.get_by_role("button", name=f"删除第 {table.max_rows} 行").click()
    assert box.locator("tbody tr").count() == table.max_rows - 1 and add.is_enabled()


def test_print_view_shows_the_answers_without_the_site_chrome(page: Page, site_url: str) -> None:
    open_form(page, site_url, HOMEWORK)
    textarea = next(f for f in HOMEWORK.fields if f.type == "textarea")
    field(page, textarea.id).locator("textarea").fill("第一段\n第二段")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible() and not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".cg-form__export").is_visible()
    assert not field(page, textarea.id).locator("textarea").is_visible()
    printed = field(page, textarea.id).locator(".cg-print-value")
    assert printed.is_visible() and printed.inner_text() == "第一段\n第二段"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("width", [1280, 375])
def test_a_question_label_takes_no_colon_after_its_question_mark(page: Page, site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    open_form(page, site_url, SURVEY)
    say = "(args) => window.coursegen.t(args[0], { label: args[1], min: 10, n: 2 })"
    assert page.evaluate(say, ["form.missing", "是否愿意向同事推荐本课程？"]) == "是否愿意向同事推荐本课程？必填"
    assert page.evaluate(say, ["form.tooShort", "还有什么建议？"]) == "还有什么建议？至少 10 字（现在 2 字）"
    assert page.evaluate(say, ["form.missing", "姓名"]) == "姓名：必填"
    asked = next(f for f in SURVEY.fields if f.label.endswith("？"))
    assert asked.required  # the example's 是否愿意向同事推荐本课程？
    page.locator(".cg-form__export").click()
    errors = page.locator(".cg-form__errors").inner_text()
    assert f"{asked.label}必填" in errors and "？：" not in errors
