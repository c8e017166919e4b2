"""Take the README's screenshot of the example course's home page, the trainee's dashboard, with Debian's Chromium
(run after `coursegen build`): a trainee who has finished the first lecture and opened its first case.

Usage: python scripts/screenshot_home.py [site/] [guide/docs/images/home.png]
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from screenshot import ARGS, serve  # noqa: E402 - the script beside this one


def main(site: Path, out: Path) -> None:
    server, base = serve(site)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        page.goto(f"{base}/lectures/service-front/")
        page.locator("[data-cg-done]").click()
        page.goto(f"{base}/cases/chizi-event/")
        page.goto(f"{base}/")
        page.locator('[data-cg-status="lecture:service-front"]', has_text="已完成").wait_for()
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        browser.close()
    server.shutdown()
    print(out)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "site"), Path(sys.argv[2] if len(sys.argv) > 2 else "guide/docs/images/home.png"))
