"""The trainee's hand-in in a real browser, at desktop (1280 px) and phone (375 px) width: the instructions
before the form (whom, how, the deadline with its weekday and the time left), the panel after the hand-in
(file name, where it went, what to do next), the one-click submission to a form service on another origin
(with CORS, and its receipt shown), the file export when the service fails or is down (the draft kept),
the progress page's wording, and the readable receipt that prints on its own.

The example course hands in by mail and shared folder; the small fixture course of tests/activities gets a
`submission` block whose form service is a stand-in run in a thread of this test on 127.0.0.1.
"""

from __future__ import annotations

import http.server
import json
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coursegen.builder import Paths, build
from coursegen.load import load_project
from coursegen.model.submission import checksum
from tests.browser.test_forms import EXAMPLE, HOMEWORK, IDENTITY, export, fill_all, fill_identity, open_form
from tests.conftest import ROOT, serve_folder

pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page
FIXTURE = ROOT / "tests" / "activities" / "fixture_course"
WIDTHS = [1280, 375]
NOW = "2030-03-10T12:00:00+08:00"
"""The fixture's homework is due 2030-03-12 13:30 (a Tuesday): two days and an hour and a half later."""
RECEIPT = {"received_at": "2030-03-10T12:05:00+08:00", "receipt": "HJ-2030-0042"}


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def wide_page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh page in Shanghai time at each width, downloads allowed."""
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", accept_downloads=True,
                                  viewport={"width": request.param, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


FITS = """width => [...document.querySelectorAll('.cg-handin, .cg-handin *, .cg-handin-done, .cg-handin-done *')]
  .filter(el => el.offsetParent !== null && !el.closest('.cg-receipt table'))
  .filter(el => { const box = el.getBoundingClientRect(); return box.left < -1 || box.right > width + 1; })
  .map(el => el.outerHTML.slice(0, 120))"""
"""The instructions and the panel, with every line of them, within the screen (a long path or address wraps);
the receipt's table of a table field may scroll sideways like the form's own."""


def fits_the_width(page: Page) -> bool:
    return page.evaluate(FITS, page.viewport_size["width"]) == []


# ---- a course handing in by mail and shared folder: the example course ----


def test_the_instructions_come_before_the_form_with_weekday_and_time_left(wide_page: Page, site_url: str) -> None:
    wide_page.clock.set_fixed_time("2021-03-10T09:00:00+08:00")
    open_form(wide_page, site_url, HOMEWORK)
    box = wide_page.locator(f'.cg-handin[data-form="{HOMEWORK.id}"]')
    text = box.inner_text()
    assert "培训管理岗 王老师" in text and "training@branch.example.com" in text and "\\\\fileserver\\培训" in text
    assert "3月12日（周五）13:30" in text
    assert box.locator(".cg-handin__left").inner_text() == "还剩 2 天"
    assert box.bounding_box()["y"] < wide_page.locator("form.cg-form").bounding_box()["y"]
    assert fits_the_width(wide_page)


def test_a_deadline_that_has_passed_reads_overdue(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time("2021-03-12T18:01:00+08:00")
    page.goto(f"{site_url}/homework/course-evaluation/")
    left = page.locator('.cg-handin[data-form="course-evaluation"] .cg-handin__left')
    left.filter(has_text="已逾期").wait_for()
    assert left.get_attribute("data-state") == "overdue"
    assert "3月12日（周五）18:00" in page.locator(".cg-handin").inner_text()
    page.clock.set_fixed_time("2021-03-12T17:20:00+08:00")
    page.reload()
    assert page.locator(".cg-handin__left").inner_text() == "还剩 40 分钟"


def test_after_an_export_the_panel_says_where_the_file_is_and_whom_to_send_it_to(wide_page: Page, site_url: str) -> None:
    wide_page.clock.set_fixed_time("2021-03-12T12:30:00+08:00")
    open_form(wide_page, site_url, HOMEWORK)
    fill_all(wide_page, HOMEWORK)
    name, _ = export(wide_page)
    panel = wide_page.locator(f'.cg-handin-done[data-form="{HOMEWORK.id}"]')
    panel.wait_for()
    text = panel.inner_text()
    assert "提交文件已导出" in text and f"文件名：{name}" in text and "下载文件夹" in text
    assert "下一步：把这个文件交给 培训管理岗 王老师。" in text
    assert "发邮件到 training@branch.example.com，把导出的提交文件作为附件" in text
    assert "截止时间：3月12日（周五）13:30，还剩 1 小时" in text
    assert panel.evaluate("el => el === document.activeElement")
    assert fits_the_width(wide_page)


def test_the_receipt_lists_every_answer_and_prints_alone(wide_page: Page, site_url: str) -> None:
    wide_page.clock.set_fixed_time("2021-03-12T12:30:00+08:00")
    open_form(wide_page, site_url, HOMEWORK)
    expected = fill_all(wide_page, HOMEWORK)
    name, raw = export(wide_page)
    receipt = wide_page.locator(".cg-receipt")
    text = receipt.inner_text()
    assert "提交回执" in text and EXAMPLE.course.title in text and HOMEWORK.title in text
    assert "李晓明（工号 A10086，城东支行营业部）" in text and f"导出文件 {name}" in text
    facts = dict(zip(receipt.locator("dt").all_inner_texts(), receipt.locator("dd").all_inner_texts()))
    assert facts["交给"] == "培训管理岗 王老师"
    assert facts["截止时间"] == "2021年3月12日（周五）13:30" and facts["最后修改"] == "2021年3月12日（周五）12:30"
    assert facts["是否按时"] == "按时（早于截止时间），按本机时间；以收件方收到的时间为准"
    assert facts["校验码"] == json.loads(raw)["sha256"]  # what HR's report and grading workbook match the file by
    for f in HOMEWORK.fields:
        assert f.label in text
        if f.type == "table":
            for row in expected[f.id]:
                assert all(value in text for value in row.values())
        elif isinstance(expected[f.id], str):
            assert expected[f.id] in text
    wide_page.evaluate("window.print = () => {}")
    wide_page.locator(".cg-handin-done__print").click()
    wide_page.emulate_media(media="print")
    assert receipt.is_visible()
    assert not wide_page.locator("form.cg-form").is_visible() and not wide_page.locator(".cg-handin").is_visible()
    assert not wide_page.locator(".cg-handin-done__title").is_visible() and not wide_page.locator(".md-header").is_visible()
    assert wide_page.pdf(format="A4").startswith(b"%PDF")
    wide_page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert wide_page.locator("form.cg-form").is_visible()


def test_a_receipt_made_after_the_deadline_says_late_by_whose_clock(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time("2021-03-12T14:00:00+08:00")
    open_form(page, site_url, HOMEWORK)
    fill_all(page, HOMEWORK)
    export(page)
    facts = page.locator(".cg-receipt dl")
    assert "是否按时\n逾期（晚于截止时间），按本机时间；以收件方收到的时间为准" in facts.inner_text()


# ---- a course with a form service: the fixture course and a stand-in service ----


class Service(http.server.BaseHTTPRequestHandler):
    """A stand-in for an intranet form service on another origin: answers CORS, records each body, and answers
    with a receipt (``mode`` "receipt"), with nothing (``"plain"``) or with a server error (``"error"``)."""

    received: list[bytes] = []
    mode = "receipt"

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")

    def do_OPTIONS(self) -> None:  # noqa: N802 - stdlib naming
        self.send_response(204)
        self._cors()
        self.end_headers()

    def do_POST(self) -> None:  # noqa: N802 - stdlib naming
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if Service.mode == "error":
            self.send_response(500)
            answer = b"{}"
        else:
            Service.received.append(body)
            self.send_response(201)
            answer = json.dumps(RECEIPT).encode() if Service.mode == "receipt" else b""
        self._cors()
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="module")
def service_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def service_site(tmp_path_factory: pytest.TempPathFactory, service_port: int) -> Iterator[str]:
    """The fixture course handing in to the stand-in service, served, then built with its own address as
    ``site_url`` so that Material's instant navigation is active."""
    out = tmp_path_factory.mktemp("service-course")
    server = serve_folder(out / "site")
    url = next(server)
    course = out / "course"
    shutil.copytree(FIXTURE, course)
    with (course / "course.yml").open("a", encoding="utf-8") as config:
        config.write(
            "submission:\n  to: 培训管理岗 王老师\n"
            f"  url: http://127.0.0.1:{service_port}/submit\n"
            "  email: training@branch.example.com\n"
        )
    mkdocs = out / "mkdocs.yml"
    mkdocs.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8") + f"site_url: {url}/\n", encoding="utf-8")
    build(Paths(config=mkdocs, course=course, quizzes=course / "quizzes", work=out / "work"), out / "site")
    yield url
    server.close()


@pytest.fixture
def service(service_port: int) -> Iterator[type[Service]]:
    Service.received, Service.mode = [], "receipt"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", service_port), Service)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Service
    server.shutdown()
    server.server_close()


def fixture_homework() -> Any:
    project, _ = load_project(FIXTURE, FIXTURE / "quizzes")
    return project.homework["case-review"]


def test_one_click_hands_in_online_and_shows_the_receipt(wide_page: Page, service_site: str, service: type[Service]) -> None:
    homework = fixture_homework()
    wide_page.clock.set_fixed_time(NOW)
    open_form(wide_page, service_site, homework)
    assert wide_page.locator(".cg-form__export").inner_text() == "在线提交"
    assert "完成后点“在线提交”" in wide_page.locator(".cg-form__hint").first.inner_text()
    assert "在线提交：在课程网站的本表单页面点“在线提交”按钮" in wide_page.locator(".cg-handin").inner_text()
    fill_all(wide_page, homework)
    downloads: list[object] = []
    wide_page.on("download", lambda download: downloads.append(download))
    wide_page.locator(".cg-form__export").click()
    panel = wide_page.locator('.cg-handin-done[data-channel="online"]')
    panel.wait_for()
    text = panel.inner_text()
    assert "已在线提交" in text and "已交给 培训管理岗 王老师" in text
    assert "回执编号：HJ-2030-0042" in text and "收到时间：3月10日（周日）12:05" in text
    assert "截止时间：3月12日（周二）13:30，还剩 2 天" in text
    assert "在线提交（回执编号：HJ-2030-0042）" in wide_page.locator(".cg-receipt").inner_text()
    assert "按时（早于截止时间），按表单服务收到的时间" in wide_page.locator(".cg-receipt").inner_text()
    assert downloads == [], "handed in online: no file to send on"
    [raw] = service.received
    data = json.loads(raw)
    assert data["homework_id"] == "case-review" and data["trainee"] == IDENTITY and checksum(data) == data["sha256"]
    assert fits_the_width(wide_page)

    wide_page.goto(f"{service_site}/progress/")
    state = wide_page.locator('[data-cg-cell="homework-state"][data-cg-id="case-review"]')
    state.filter(has_text="已在线提交").wait_for()
    assert "导出" not in state.inner_text()


def test_a_service_without_a_receipt_still_counts_as_received(page: Page, service_site: str, service: type[Service]) -> None:
    homework = fixture_homework()
    service.mode = "plain"
    open_form(page, service_site, homework)
    fill_all(page, homework)
    page.locator(".cg-form__export").click()
    panel = page.locator('.cg-handin-done[data-channel="online"]')
    panel.wait_for()
    assert "表单服务已收到" in panel.inner_text() and "回执编号" not in panel.inner_text()
    assert len(service.received) == 1


def test_a_service_error_falls_back_to_the_file_and_keeps_the_draft(wide_page: Page, service_site: str, service: type[Service]) -> None:
    homework = fixture_homework()
    service.mode = "error"
    open_form(wide_page, service_site, homework)
    expected = fill_all(wide_page, homework)
    name, raw = export(wide_page)
    panel = wide_page.locator('.cg-handin-done[data-channel="file"]')
    panel.wait_for()
    text = panel.inner_text()
    assert "在线提交没有成功：表单服务返回错误（HTTP 500）" in text and "草稿仍保存在本机" in text
    assert f"文件名：{name}" in text and "发邮件到 training@branch.example.com" in text
    assert "在线提交：" not in text, "the next step is never the way that just failed"
    assert checksum(json.loads(raw)) == json.loads(raw)["sha256"]
    wide_page.reload()
    summary = next(f for f in homework.fields if f.type == "textarea")
    assert wide_page.locator(f'.cg-field[data-field="{summary.id}"] textarea').input_value() == expected[summary.id]


def test_with_the_service_down_the_file_is_exported_and_the_draft_survives_a_reload(page: Page, service_site: str) -> None:
    homework = fixture_homework()
    open_form(page, service_site, homework)
    expected = fill_all(page, homework)
    name, raw = export(page)
    panel = page.locator(".cg-handin-done")
    panel.filter(has_text="连不上表单服务").wait_for()
    assert f"文件名：{name}" in panel.inner_text()
    assert json.loads(raw)["homework_id"] == "case-review"
    assert page.locator(".cg-form__export").is_enabled()
    page.reload()
    table = next(f for f in homework.fields if f.type == "table")
    first = table.columns[0]
    cell = page.locator(f'.cg-field[data-field="{table.id}"] tbody tr').first.locator(f'[data-column="{first.id}"]')
    assert cell.input_value() == expected[table.id][0][first.id]
    page.goto(f"{service_site}/progress/")
    page.locator('[data-cg-cell="homework-state"][data-cg-id="case-review"]').filter(has_text="已导出").wait_for()


def test_forms_start_after_an_instant_navigation(page: Page, service_site: str) -> None:
    """Material swaps the page content without a reload; the next form and its deadline must still come alive."""
    homework = fixture_homework()
    page.clock.set_fixed_time(NOW)
    open_form(page, service_site, homework)
    fill_identity(page)
    page.evaluate("window.__samePage = true")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url("**/homework/evaluation/")
    page.locator(".cg-identity__summary").filter(has_text="李晓明").wait_for()
    assert page.evaluate("window.__samePage") is True
    page.locator('.cg-rating input[value="5"]').first.check()
    assert page.locator(".cg-form__saved").inner_text() == "已保存"
