"""Make the screenshots of the HR report for docs/hr-guide.md (docs/assets/hr-report.png, hr-clock.png, hr-items.png).

Builds a small demo class with the test factory (a third of the files by mail, a few through a form
service), renders the report, and photographs its top, its 时间核对 section (the 计时依据 column:
邮件服务器 / 表单服务 / 学员电脑) and its 题目分析 section with Debian's Chromium through Playwright.
Run from the repository root:

    python bench/screenshot_hr_report.py [--out …/hr-report.png] [--clock-out …/hr-clock.png] [--items-out …/hr-items.png]
"""

from __future__ import annotations

import argparse
import json
import secrets
import sys
import tempfile
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from coursegen.hr import make_report, read_roster  # noqa: E402
from coursegen.hr.seal import KEY_BYTES, SEAL, seal  # noqa: E402
from coursegen.load import load_project  # noqa: E402
from coursegen.model.submission import checksum  # noqa: E402
from tests.hr import synthetic  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "assets" / "hr-report.png")
    parser.add_argument("--clock-out", type=Path, default=ROOT / "docs" / "assets" / "hr-clock.png")
    parser.add_argument("--items-out", type=Path, default=ROOT / "docs" / "assets" / "hr-items.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        course, quizzes, roster_path, inbox = synthetic.write_demo(root, trainees=40, files=120, mail_share=0.33)
        key = secrets.token_bytes(KEY_BYTES)
        through_service(inbox, count=6, key=key)
        project, _ = load_project(course, quizzes)
        _, outputs = make_report([inbox], read_roster(roster_path), project, root / "out", service_key=key,
                                 now=datetime(2021, 3, 15, 9, 30, tzinfo=synthetic.CST))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1180, "height": 1000}, device_scale_factor=1)
            page.goto(outputs.html.as_uri())
            page.screenshot(path=str(args.out))
            page.locator("#times").screenshot(path=str(args.clock_out))
            items = page.locator("#items")
            items.locator("details").evaluate("d => d.remove()")  # the full list repeats the table and chart above it
            items.screenshot(path=str(args.items_out))
            browser.close()
    print(f"wrote {args.out}, {args.clock_out} and {args.items_out}")


def through_service(inbox: Path, count: int, key: bytes) -> None:
    """Move ``count`` of the files put straight in the inbox into form-service envelopes, as
    `coursegen homework receive` stores them, sealed with the service's ``key`` (which the report is given):
    received two minutes after the file was made, the last two two days later (back-dated files, which the
    report flags)."""
    files = {path: json.loads(path.read_text(encoding="utf-8")) for path in sorted(inbox.rglob("*.json"))}
    sent = Counter((data["trainee"]["employee_id"], data["homework_id"]) for data in files.values())
    single = [path for path, data in files.items()  # a trainee's only, genuine version of a form: the one the report judges
              if checksum(data) == data["sha256"] and sent[data["trainee"]["employee_id"], data["homework_id"]] == 1]
    for number, path in enumerate(single[:count], start=1):
        data = json.loads(path.read_text(encoding="utf-8"))
        made = datetime.fromisoformat(data["updated_at"])
        received = made + (timedelta(days=2) if number > count - 2 else timedelta(minutes=2))
        envelope: dict[str, object] = {"received_at": received.isoformat(), "receipt": f"HJ-{number:04d}", "submission": data}
        envelope[SEAL] = seal(envelope, key)
        path.write_text(json.dumps(envelope, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
