"""Take the guide's picture of coursegen studio: the example course's first lecture with its form open beside it.

Usage: python scripts/screenshot_studio.py [guide/docs/images/studio.png]
Runs ``coursegen studio`` on a copy of the example project, opens it in Debian's Chromium, clicks 编辑本页.
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


def main(target: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch)
        for folder in ("course", "quizzes", "docs"):
            shutil.copytree(ROOT / folder, project / folder)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        with running_studio(project) as address, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
            page = browser.new_page(viewport={"width": 1400, "height": 860}, locale="zh-CN")
            page.goto(address.replace("/_studio/?", "/_studio/?page=%2Flectures%2Fservice-front%2F&"))
            page.frame_locator("#cg-studio-page").locator("h1").first.wait_for()
            page.click("#cgs-edit")
            page.get_by_label("讲次标题", exact=False).first.wait_for()
            page.screenshot(path=str(target))
            browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "guide/docs/images/studio.png"))
