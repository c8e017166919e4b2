"""Course studio: seconds from a save in the studio to the preview showing it, on the example course.

    python bench/studio_bench.py                    # about 10 minutes; writes bench/studio_results.md and the guide's page
    python bench/studio_bench.py --compare HEAD~3   # the same, also for the code of an earlier commit (ratios: this/that)

The example project (``course/``, ``quizzes/``, ``docs/``, ``mkdocs.yml``) is copied to a work folder and the real
``coursegen studio --port 0 --no-open`` started in it, on each engine. The secret of the address it prints is visited
first (it becomes the cookie), then a lecture's title is changed ``--saves`` times exactly as the studio's page does
it: ``GET /_studio/api/file`` for its ``version`` and ``data``, ``POST /_studio/api/save`` with the changed data and the
page's headers. Each save is timed two ways from the moment it is sent:

- **served**: until the lecture's page, fetched through the studio every 20 ms, holds the new title;
- **shown**: until the same page, open in headless Chromium, holds the new title after the live reload (the engine's,
  or on Zensical the studio's own): what the trainer sees (the time is taken in the page, at ``DOMContentLoaded`` of
  the reloaded page).

Before each save the server is left to settle (its processes use under 5 % of a core for half a second), so every
save starts from an idle preview, as a trainer's does. **CPU** is the CPU seconds the server's processes used from
one save to the next (the held-back handbook included). The baseline is ``coursegen serve`` on the same engine (with
the same edition), the lecture's YAML written on disk as an editor saves it.

``--compare REV`` runs every server a second time with the ``generator/`` of commit ``REV`` (exported under the work
folder and put first on ``PYTHONPATH``), one after the other per engine, so that ratios of the two compare code,
not two states of a shared machine.
"""

from __future__ import annotations

import argparse
import compileall
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from pathlib import Path
from statistics import median
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from measure import BenchError, free_port  # noqa: E402

from tests.browser.conftest import CHROMIUM_ARGS  # noqa: E402
from tests.serving import StderrLog, stop  # noqa: E402
from tests.tools import CHROMIUM  # noqa: E402

RESULTS = ROOT / "bench" / "studio_results.md"
GUIDE_PAGE = ROOT / "guide" / "docs" / "benchmarks.md"
TITLE = "## Course studio: save to preview updated ("
LECTURE = "course/lectures/01-service-front.yml"
PAGE = "/lectures/service-front/"
ENGINES = ("mkdocs", "zensical")
SETTLED_CPU = 0.025
"""CPU seconds in :data:`SETTLE_WINDOW` below which the server counts as idle."""
SETTLE_WINDOW = 0.5
TIMEOUT = 120.0
"""Seconds after which a save that never shows is a failure of the benchmark (a hang, not a slow machine)."""
SHOWN_SCRIPT = """
(() => {
  const check = () => {
    const want = sessionStorage.getItem("cgbench-want");
    const h1 = document.querySelector("h1");
    if (want && !sessionStorage.getItem("cgbench-seen") && h1 && h1.textContent.includes(want))
      sessionStorage.setItem("cgbench-seen", String(Date.now()));
  };
  addEventListener("pagehide", () => {
    if (sessionStorage.getItem("cgbench-want") && !sessionStorage.getItem("cgbench-left"))
      sessionStorage.setItem("cgbench-left", String(Date.now()));
  });
  document.addEventListener("DOMContentLoaded", () => {
    const t = performance.timing;
    if (sessionStorage.getItem("cgbench-want") && !sessionStorage.getItem("cgbench-seen"))
      sessionStorage.setItem("cgbench-nav", JSON.stringify([t.navigationStart, t.responseStart, t.responseEnd, Date.now()]));
    check();
    new MutationObserver(check).observe(document.body, {subtree: true, childList: true, characterData: true});
  });
})();
"""
"""Run in every page the browser loads: the time the wanted title is first in the page, kept in sessionStorage,
which the page's reload keeps (a page updated in place, without a reload, is caught by the observer)."""


@dataclass
class Sample:
    served: float
    shown: float | None
    cpu: float
    reload: float | None = None
    """Seconds from the save to the browser leaving the old page (the live reload)."""


@dataclass
class Result:
    server: str
    code: str
    samples: list[Sample] = field(default_factory=list)

    def median(self, what: str) -> float | None:
        values = [getattr(s, what) for s in self.samples if getattr(s, what) is not None]
        return median(values) if values else None


class Client:
    """The studio's page as far as saving goes: the cookie from the secret, and the API's own headers."""

    def __init__(self, address: str) -> None:
        found = re.match(r"http://127\.0\.0\.1:(\d+)(/\S*)", address)
        if found is None:
            raise BenchError(f"not a studio address: {address}")
        self.port = int(found[1])
        self.origin = f"http://127.0.0.1:{self.port}"
        status, headers, _ = self.request("GET", found[2])
        cookie = headers.get("set-cookie", "")
        if status != 303 or not cookie:
            raise BenchError(f"the studio's address gave {status} without a cookie")
        self.cookie = cookie.split(";", 1)[0]

    def request(self, method: str, path: str, body: dict[str, Any] | None = None) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        headers = {"Cookie": getattr(self, "cookie", "")}
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers |= {"Content-Type": "application/json", "X-Coursegen-Studio": "1", "Origin": self.origin}
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def json(self, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        status, _, content = self.request(method, path, body)
        if status != 200:
            raise BenchError(f"{method} {path}: {status} {content[:500]!r}")
        answer: dict[str, Any] = json.loads(content)
        return answer

    def page(self) -> str:
        try:
            status, _, content = self.request("GET", PAGE)
        except OSError:
            return ""
        return content.decode("utf-8", errors="replace") if status == 200 else ""


class Plain:
    """``coursegen serve``'s page: no cookie, no studio."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.origin = f"http://127.0.0.1:{port}"

    def page(self) -> str:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        try:
            connection.request("GET", PAGE)
            response = connection.getresponse()
            return response.read().decode("utf-8", errors="replace") if response.status == 200 else ""
        except OSError:
            return ""
        finally:
            connection.close()


def copy_example(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in ("mkdocs.yml", "course", "quizzes", "docs"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    return folder


def export_code(rev: str, out: Path) -> Path:
    """``generator/`` of commit ``rev`` as a folder to put first on ``PYTHONPATH`` (it holds ``coursegen/``)."""
    commit = subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    target = out / f"code-{commit}"
    shutil.rmtree(target, ignore_errors=True)
    archive = subprocess.run(["git", "archive", "--format=tar", commit, "generator"], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    (target / "generator").rename(target / "coursegen")
    compileall.compile_dir(target / "coursegen", quiet=1)
    return target


def group_cpu(pgid: int) -> float:
    """CPU seconds (user + system) used so far by the live processes of process group ``pgid``."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields[0] is the state: pgrp is the 5th field of the line
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def settle(pgid: int, at_least: float = 1.0) -> None:
    """Wait until the server's processes are idle (:data:`SETTLED_CPU` in :data:`SETTLE_WINDOW`)."""
    time.sleep(at_least)
    deadline = time.monotonic() + 30
    before = group_cpu(pgid)
    while time.monotonic() < deadline:
        time.sleep(SETTLE_WINDOW)
        now = group_cpu(pgid)
        if now - before < SETTLED_CPU:
            return
        before = now


@contextmanager
def started(command: list[str], cwd: Path, code: Path | None, ready: str, log_file: Path) -> Iterator[tuple[subprocess.Popen[str], StderrLog]]:
    """A server started in its own process group, until the block ends; stopped as Ctrl-C stops it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(code), *filter(None, [os.environ.get("PYTHONPATH")])])
    process = subprocess.Popen([sys.executable, "-m", "coursegen", *command], cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)  # Zensical prints on stdout
    log = StderrLog(process.stdout)  # type: ignore[arg-type]
    try:
        if not log.wait_for(ready, seconds=180):
            raise BenchError(f"coursegen {' '.join(command)} did not start:\n{log.text_so_far()[-3000:]}")
        yield process, log
    finally:
        stop(process)
        log_file.write_text(log.text(), encoding="utf-8")


def measure(browser: Any, fetcher: Client | Plain, pgid: int, save: Callable[[str], None], saves: int,
            cookie: str | None) -> list[Sample]:
    """``saves`` saves, each timed until the page is served with and shown with its marker."""
    context = browser.new_context(locale="zh-CN")
    if cookie:
        name, value = cookie.split("=", 1)
        context.add_cookies([{"name": name, "value": value, "url": fetcher.origin}])
    context.add_init_script(SHOWN_SCRIPT)
    page = context.new_page()
    page.goto(fetcher.origin + PAGE)
    page.locator("h1").first.wait_for()
    samples = []
    try:
        for i in range(saves):
            settle(pgid)
            marker = f"测{i}{time.time_ns() % 10**8}"
            page.evaluate("want => { for (const k of ['seen', 'left', 'nav']) sessionStorage.removeItem('cgbench-' + k); sessionStorage.setItem('cgbench-want', want); }", marker)
            cpu_before = group_cpu(pgid)
            sent_wall, sent = time.time(), time.perf_counter()
            save(marker)
            saved = time.perf_counter() - sent
            served = None
            while served is None:
                if marker in fetcher.page():
                    served = time.perf_counter() - sent
                elif time.perf_counter() - sent > TIMEOUT:
                    raise BenchError(f"the page never showed {marker}")
                else:
                    time.sleep(0.02)
            shown = _shown(page, sent_wall)
            steps, reload = _steps(page, sent_wall)
            settle(pgid, at_least=0.0)
            samples.append(Sample(served, shown, group_cpu(pgid) - cpu_before, reload))
            print(f"    save {i + 1}: served {served:.2f} s, shown {'-' if shown is None else f'{shown:.2f}'} s, "
                  f"CPU {samples[-1].cpu:.2f} s (save answered {saved:.2f}; {steps})", flush=True)
    finally:
        context.close()
    return samples


def _shown(page: Any, sent_wall: float) -> float | None:
    """Seconds from ``sent_wall`` (``time.time()``) to the page in the browser holding the marker."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            seen = page.evaluate("() => sessionStorage.getItem('cgbench-seen')")
        except Exception:  # noqa: BLE001 - the page is reloading: its context went away mid-call
            seen = None
        if seen:
            return int(seen) / 1000 - sent_wall
        page.wait_for_timeout(20)
    return None


def _steps(page: Any, sent_wall: float) -> tuple[str, float | None]:
    """When, after the save was sent, the browser left the old page (the live reload), asked for and had the new page,
    and had parsed it: where the seconds between *served* and *shown* go."""
    left, nav = page.evaluate("() => [sessionStorage.getItem('cgbench-left'), sessionStorage.getItem('cgbench-nav')]")
    reload = int(left) / 1000 - sent_wall if left else None
    parts = [f"reload {reload:.2f}"] if reload is not None else []
    if nav:
        start, first_byte, last_byte, parsed = (t / 1000 - sent_wall for t in json.loads(nav))
        parts.append(f"request {start:.2f}, first byte {first_byte:.2f}, last byte {last_byte:.2f}, parsed {parsed:.2f}")
    return ", ".join(parts) or "no reload seen", reload


def run_studio(browser: Any, project: Path, engine: str, code: Path | None, saves: int, logs: Path, label: str) -> list[Sample]:
    with started(["studio", "--port", "0", "--no-open", "--engine", engine], project, code, "课程工作室已启动：",
                 logs / f"studio-{engine}-{label}.log") as (process, log):
        address = re.search(r"http://127\.0\.0\.1:\d+/_studio/\?secret=\S+", log.text_so_far())
        if address is None:
            raise BenchError(log.text_so_far())
        client = Client(address[0])

        def save(marker: str) -> None:
            opened = client.json("GET", f"/_studio/api/file?file={LECTURE}")
            data = dict(opened["data"], title=f"服务前置{marker}")
            client.json("POST", "/_studio/api/save", {"file": LECTURE, "version": opened["version"], "data": data})

        return measure(browser, client, process.pid, save, saves, client.cookie)


def run_serve(browser: Any, project: Path, engine: str, code: Path | None, saves: int, logs: Path, label: str) -> list[Sample]:
    port = free_port()
    lecture = project / LECTURE
    original = lecture.read_text(encoding="utf-8")
    line = re.search(r"^title: .*$", original, re.MULTILINE)
    assert line is not None
    with started(["serve", "-a", f"127.0.0.1:{port}", "--engine", engine, "--edition", "trainer"], project, code, "",
                 logs / f"serve-{engine}-{label}.log") as (process, _log):
        fetcher = Plain(port)
        deadline = time.monotonic() + 60
        while "<h1" not in fetcher.page():
            if time.monotonic() > deadline:
                raise BenchError("coursegen serve never served the lecture")
            time.sleep(0.1)

        def save(marker: str) -> None:
            temporary = lecture.with_name(lecture.name + ".tmp")  # an editor's save: a new file renamed over the old
            temporary.write_text(original.replace(line[0], f"title: 服务前置{marker}", 1), encoding="utf-8")
            os.replace(temporary, lecture)

        try:
            return measure(browser, fetcher, process.pid, save, saves, None)
        finally:
            lecture.write_text(original, encoding="utf-8")


def table(results: list[Result], md: bool) -> str:
    rows = [("server", "code", "saves", "served s", "reload s", "shown s", "shown s (each save)", "CPU s per save")]
    for r in results:
        shown, reload = r.median("shown"), r.median("reload")
        rows.append((r.server, r.code, str(len(r.samples)), f"{r.median('served'):.2f}", "-" if reload is None else f"{reload:.2f}",
                     "-" if shown is None else f"{shown:.2f}",
                     ", ".join("-" if s.shown is None else f"{s.shown:.2f}" for s in r.samples), f"{r.median('cpu'):.2f}"))
    if md:
        lines = ["| " + " | ".join(rows[0]) + " |", "| " + " | ".join("---" for _ in rows[0]) + " |"]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows[1:]])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows)


def ratios(results: list[Result], current: str, compared: str) -> list[str]:
    by = {(r.server, r.code): r for r in results}
    lines = []
    for server in dict.fromkeys(r.server for r in results):
        now, then = by.get((server, current)), by.get((server, compared))
        if now and then:
            parts = [f"{what} {now.median(what) / then.median(what):.2f}" for what in ("served", "shown", "cpu")
                     if now.median(what) and then.median(what)]
            lines.append(f"{server}: this code / {compared}: " + ", ".join(parts))
    return lines


def report(results: list[Result], ratio_lines: list[str], command: str, minutes: float, chromium: str) -> str:
    load = os.getloadavg()[0]
    return "\n".join([
        f"{TITLE}`{command}`)", "",
        f"Measured {date.today().isoformat()} on {os.cpu_count()} CPU cores, Chromium {chromium}, in {minutes:.1f} min; load average "
        f"at the end {load:.1f} (other work shared the machine: the seconds stretch with it).", "",
        "讲师在课程工作室里保存一讲（示例课程第一讲的标题，经工作室自己的保存接口，与浏览器里点“保存”完全一样），"
        "计时到预览更新为止：**served** 是经工作室取回的该讲页面出现新标题，**shown** 是无头 Chromium 里打开的该讲页面"
        "经实时重载显示出新标题（讲师看到的时刻），**reload** 是浏览器离开旧页面（引擎或工作室发出重载）的时刻；shown − reload "
        "是浏览器经工作室取回并解析新页面及其脚本的时间。每次保存前等服务器空闲。各列是中位数。**CPU** 是服务器各进程从这次保存到下一次"
        "保存之间用掉的 CPU 秒数（含稍后写入的学员手册）。对照是 `coursegen serve`：在磁盘上保存同一讲的 YAML。"
        "**code**：this 是本次的代码，另一行是 `--compare` 指定的提交的代码，同一次运行中依次测量。"
        "目标：示例课程从保存到预览更新 ≤ 1 秒。", "",
        table(results, md=True), "", *(f"- {line}" for line in ratio_lines),
    ]).rstrip() + "\n"


def write_guide(text: str) -> None:
    """Put the section on the guide's benchmark page, before the search section (its place when build_bench.py writes it)."""
    page = GUIDE_PAGE.read_text(encoding="utf-8")
    if TITLE in page:
        head, rest = page.split(f"\n{TITLE}", 1)
        tail = rest[rest.index("\n## "):] if "\n## " in rest else ""
    else:
        at = page.find("\n## Search (")
        head, tail = (page, "") if at < 0 else (page[:at], page[at:])
    GUIDE_PAGE.write_text(head.rstrip("\n") + "\n\n" + text + (("\n" + tail.lstrip("\n")) if tail else ""), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=7, help="Saves per server, median reported.")
    parser.add_argument("--engines", nargs="+", default=list(ENGINES), choices=ENGINES)
    parser.add_argument("--compare", metavar="REV", help="Also measure the generator/ of this commit (before/after ratios).")
    parser.add_argument("--no-serve", action="store_true", help="Skip the coursegen serve baseline.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "studio")
    parser.add_argument("--markdown", type=Path, default=RESULTS, help="Where to write the results ('' for nowhere).")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    began = time.perf_counter()
    logs = args.out / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    compileall.compile_dir(ROOT / "generator", quiet=1)
    import coursegen

    here = Path(coursegen.__file__).resolve().parent
    if here != (ROOT / "generator").resolve():
        print(f"note: coursegen imports from {here}, not from this tree's generator/", flush=True)
    codes: list[tuple[str, Path | None]] = [("this", None)]
    if args.compare:
        exported = export_code(args.compare, args.out)
        codes.append((exported.name.removeprefix("code-"), exported))
    results: list[Result] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        chromium = browser.version
        for engine in args.engines:
            runs: list[tuple[str, Callable[..., list[Sample]]]] = [(f"studio --engine {engine}", run_studio)]
            if not args.no_serve:
                runs.append((f"serve --engine {engine}", run_serve))
            for server, runner in runs:
                for label, code in codes:
                    print(f"{server} ({label})", flush=True)
                    project = copy_example(args.out / "project")
                    results.append(Result(server, label, runner(browser, project, engine, code, args.saves, logs, label)))
        browser.close()
    minutes = (time.perf_counter() - began) / 60
    ratio_lines = ratios(results, "this", codes[1][0]) if len(codes) > 1 else []
    print()
    print(table(results, md=False))
    for line in ratio_lines:
        print(line)
    if str(args.markdown) not in ("", "."):
        command = " ".join(["python bench/studio_bench.py", *sys.argv[1:]])
        text = report(results, ratio_lines, command, minutes, chromium)
        args.markdown.write_text(text, encoding="utf-8")
        if args.markdown == RESULTS:
            write_guide(text)
        print(f"\nwritten to {args.markdown}")


if __name__ == "__main__":
    main()
