"""Take the screenshots of the example course with Debian's Chromium (run after `coursegen build`): the
README's quiz page, and the guide's quiz result (a checked attempt, its result card and feedback).

Usage: python scripts/screenshot.py [site/] [guide/docs/images/site.png] [guide/docs/images/quiz-result.png]
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's signature
        pass


def quiz_result(page: Page, base: str, out: Path) -> None:
    """A partly right attempt at the first lecture's quiz: two questions answered, one wrong, submitted
    anyway; the shot shows the last questions' feedback above the result card."""
    page.goto(f"{base}/quizzes/quiz-service-front/")
    page.get_by_label("监管、舆情、法规").check()
    page.locator('.cg-q[data-qid="law-favours-consumer"]').get_by_label("错", exact=True).check()
    page.get_by_role("button", name="提交答案").click()
    page.get_by_role("button", name="仍要提交").click()
    card = page.locator(".cg-quiz__result")
    card.wait_for()
    page.evaluate("card => scrollBy(0, card.getBoundingClientRect().top - 480)", card.element_handle())
    page.add_style_tag(content=".md-top { display: none !important; }")  # Material's "back to top" after a scroll up
    page.screenshot(path=str(out))


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """The built site on a free port of 127.0.0.1, quietly, in a thread; the server and its address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main(site: Path, out: Path, result_out: Path) -> None:
    server, base = serve(site)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="zh-CN")
        page.goto(f"{base}/quizzes/quiz-complaint-management/")
        page.locator(".cg-quiz .cg-q").first.wait_for()
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        quiz_result(page, base, result_out)
        browser.close()
    server.shutdown()
    print(out, result_out)


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0] if args else "site"), Path(args[1] if len(args) > 1 else "guide/docs/images/site.png"),
         Path(args[2] if len(args) > 2 else "guide/docs/images/quiz-result.png"))
