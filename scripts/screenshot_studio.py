"""Take the guide's pictures of coursegen studio, on a copy of the example project in Debian's Chromium:
``studio.png`` (the first lecture with its form open beside it), ``studio-mistake.png`` (an emptied title refused, the
message at the field) and ``studio-source.png`` (the source view with the check's message at a tab's line).

Usage: python scripts/screenshot_studio.py [guide/docs/images/]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.serving import running_studio  # noqa: E402


def main(folder: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch)
        for part in ("course", "quizzes", "docs"):
            shutil.copytree(ROOT / part, project / part)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        with running_studio(project) as address, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
            page = browser.new_page(viewport={"width": 1400, "height": 860}, locale="zh-CN")
            page.goto(address.replace("/_studio/?", "/_studio/?page=%2Flectures%2Fservice-front%2F&"))
            page.frame_locator("#cg-studio-page").locator("h1").first.wait_for()
            page.click("#cgs-edit")
            title = page.get_by_label("讲次标题", exact=False).first
            title.wait_for()
            page.screenshot(path=str(folder / "studio.png"))
            title.fill("")
            title.press("Tab")
            page.click("#cgs-save")
            page.locator("#cgs-status-text").filter(has_text="未保存").wait_for()
            title.scroll_into_view_if_needed()
            page.screenshot(path=str(folder / "studio-mistake.png"))
            page.once("dialog", lambda dialog: dialog.accept())  # leave the unsaved form for the source view
            page.click("#cgs-tab-source")
            line = page.locator("#cgs-view-source .cm-line").nth(3)
            line.click()
            page.keyboard.press("Home")
            page.keyboard.insert_text("\t")
            page.locator("#cgs-view-source .cm-lintRange-error").first.hover()
            page.locator(".cm-tooltip-lint").first.wait_for()  # the check's message, shown over its line
            page.screenshot(path=str(folder / "studio-source.png"))
            browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "guide/docs/images"))
