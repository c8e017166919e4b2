"""Make the screenshots of the HR report for docs/hr-guide.md (docs/assets/hr-report.png, hr-items.png).

Builds a small demo class with the test factory, renders the report, and photographs its top and
its 题目分析 section with Debian's Chromium through Playwright. Run from the repository root:

    python bench/screenshot_hr_report.py [--out docs/assets/hr-report.png] [--items-out docs/assets/hr-items.png]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from coursegen.hr import make_report, read_roster  # noqa: E402
from coursegen.load import load_project  # noqa: E402
from tests.hr import synthetic  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "assets" / "hr-report.png")
    parser.add_argument("--items-out", type=Path, default=ROOT / "docs" / "assets" / "hr-items.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        course, quizzes, roster_path, inbox = synthetic.write_demo(root, trainees=40, files=120)
        project, _ = load_project(course, quizzes)
        _, outputs = make_report(inbox, read_roster(roster_path), project, root / "out",
                                 now=datetime(2021, 3, 15, 9, 30, tzinfo=synthetic.CST))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1180, "height": 1000}, device_scale_factor=1)
            page.goto(outputs.html.as_uri())
            page.screenshot(path=str(args.out))
            items = page.locator("#items")
            items.locator("details").evaluate("d => d.remove()")  # the full list repeats the table and chart above it
            items.screenshot(path=str(args.items_out))
            browser.close()
    print(f"wrote {args.out} and {args.items_out}")


if __name__ == "__main__":
    main()
