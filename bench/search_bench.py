"""Site search measured three ways: coursegen's index, Material's built-in search (jieba), Pagefind (CJK).

    pip install pagefind pagefind-bin-extended    # Pagefind, for the comparison (the binary ships in the wheel)
    python bench/search_bench.py                  # about 10 minutes; writes bench/search_results.md

1. **Precision** on the example course: the queries of ``tests/browser/test_search.py`` typed into each
   engine in Chromium; a result page is right when its text holds every word of the query (NFKC, width
   and case folded), as the built index's own text says. Top ten result pages per query.
2. **Size and speed** on the synthetic course (``bench/synthetic.py``) at 20, 200 and 1,000 lectures: each
   site served on 127.0.0.1; a fresh page; the first search (the bytes it downloads, gzip -9 of each file it
   requested, and the seconds until its results are on screen), then a second search (seconds).
3. **Build seconds** of each engine's search step: coursegen's index from Material's parsed sections against
   jieba's cutting (both inside the build, measured in-process on the same site), and the ``pagefind`` command.

The old site is the same generated workspace built by plain ``mkdocs build``: Material's search with the
project's settings (``lang: [zh, en]``, the U+200B separator, jieba). Pagefind indexes that site's HTML with
``--root-selector article.md-content__inner --exclude-selectors [data-search-exclude]`` (without them it
indexes the menus and header on every page). ``--out bench/out/search``; the results land in
``bench/search_results.md``, which ``build_bench.py`` appends to the guide's benchmark page.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from measure import run  # noqa: E402
from synthetic import write_course  # noqa: E402

from coursegen.builder.search_index import fold, read_search_index  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS  # noqa: E402
from tests.browser.test_search import QUERIES  # noqa: E402
from tests.conftest import serve_folder  # noqa: E402
from tests.tools import CHROMIUM  # noqa: E402

RESULTS = ROOT / "bench" / "search_results.md"
GUIDE_PAGE = ROOT / "guide" / "docs" / "benchmarks.md"
TITLE = "## Search ("
ENGINES = ("coursegen", "material", "pagefind")
SIZE_QUERIES = ("大堂经理", "手机银行转账")
"""First and second search on the synthetic course: a role and a service from its vocabulary."""
PAGEFIND_ARGS = ["--root-selector", "article.md-content__inner", "--exclude-selectors", "[data-search-exclude]"]
TOP = 10
CHROMIUM_VERSION = "?"
Page = Any


def build_sites(project: Path, logs: Path) -> dict[str, tuple[Path, float]]:
    """The course built with coursegen's search and with Material's; Pagefind added to a copy of the latter."""
    new = run([sys.executable, "-m", "coursegen", "build"], project, logs / f"{project.name}-coursegen.log")
    old_site = project / "site-material"
    config = project / ".coursegen" / "trainee" / "mkdocs.yml"
    old = run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(old_site)], project,
              logs / f"{project.name}-material.log")
    pf_site = project / "site-pagefind"
    shutil.rmtree(pf_site, ignore_errors=True)
    shutil.copytree(old_site, pf_site)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(pf_site), *PAGEFIND_ARGS], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pagefind_s = time.perf_counter() - started
    return {"coursegen": (project / "site", new.cpu), "material": (old_site, old.cpu), "pagefind": (pf_site, pagefind_s)}


def search_step_seconds(site: Path) -> tuple[float, float]:
    """CPU seconds of coursegen's index and of jieba's cutting, over the same sections of one built site."""
    import jieba

    from coursegen.builder.search_index import _postings_files, _sections

    sections = read_search_index(site)
    docs = [{"location": a, "title": t, "text": x} for a, t, x in sections]
    started = time.process_time()
    _postings_files(_sections(docs)[1])
    ours = time.process_time() - started
    jieba.initialize()
    started = time.process_time()
    for _, title, text in sections:
        list(jieba.cut(title))
        list(jieba.cut(text))
    return ours, time.process_time() - started


def query(page: Page, engine: str, text: str) -> list[str]:
    """Type ``text`` into the engine (Pagefind: its API, it has no box here); the result pages, best first."""
    if engine == "pagefind":
        urls = page.evaluate(
            """async (q) => {
                 window.__pf = window.__pf || await import(new URL("pagefind/pagefind.js", document.baseURI).href);
                 const found = await window.__pf.search(q);
                 const data = await Promise.all(found.results.slice(0, %d).map((r) => r.data()));
                 return data.map((d) => d.url);
               }""" % TOP, text)
        return [re.sub(r"^/|#.*$", "", u) for u in urls]
    box = page.locator(".md-search__input")
    box.click()
    if engine == "material":
        box.fill("")
        page.locator(".md-search-result__meta").filter(has_text="键入以开始搜索").wait_for(state="attached")
    box.fill(text)
    box.press("End")
    if engine == "coursegen":
        shown = json.dumps(" ".join(dict.fromkeys(fold(text).split())), ensure_ascii=False)
        page.locator(f"[data-cg-search][data-shown={shown}]").wait_for(state="attached")
    else:
        page.wait_for_function("""() => { const m = document.querySelector(".md-search-result__meta").textContent;
                                          return /结果/.test(m); }""")
    items = page.locator(".md-search-result__item")
    hrefs = [items.nth(i).locator("a").first.get_attribute("href") or "" for i in range(min(items.count(), TOP))]
    return [re.sub(r"^(https?://[^/]+)?/|#.*$|\?.*$", "", h).removeprefix("./") for h in hrefs]


def precision(browser: Any, sites: dict[str, tuple[Path, float]]) -> dict[str, tuple[float, float, int]]:
    """Mean precision and recall over the queries (top ten pages), and how many queries were answered exactly."""
    truth_sections = read_search_index(sites["coursegen"][0])
    out = {}
    for engine in ENGINES:
        site = sites[engine][0]
        served = serve_folder(site)
        base = next(served)
        page = browser.new_page()
        page.goto(f"{base}/")
        scores = []
        for text, *_ in QUERIES:
            words = fold(text).split()
            truth = {a.split("#")[0] for a, t, x in truth_sections if all(w in fold(f"{t}\n{x}") for w in words)}
            got = list(dict.fromkeys(query(page, engine, text)))
            right = [p for p in got if p in truth]
            prec = len(right) / len(got) if got else (1.0 if not truth else 0.0)
            rec = len(right) / min(len(truth), TOP) if truth else 1.0
            scores.append((prec, min(rec, 1.0), set(got) == truth or (len(truth) > TOP and len(right) == TOP)))
        page.close()
        served.close()
        out[engine] = (sum(s[0] for s in scores) / len(scores), sum(s[1] for s in scores) / len(scores),
                       sum(1 for s in scores if s[2]))
    return out


TIMED = """async ([engine, q]) => {
  const box = document.querySelector(".md-search__input"), meta = document.querySelector(".md-search-result__meta");
  const until = (done) => new Promise((resolve) => { const check = () => done() ? resolve() : setTimeout(check, 2); check(); });
  if (engine === "pagefind") {
    const started = performance.now();
    window.__pf = window.__pf || await import(new URL("pagefind/pagefind.js", document.baseURI).href);
    const found = await window.__pf.search(q);
    await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    return performance.now() - started;
  }
  box.focus();
  if (engine === "material" && box.value) {  // back to the empty box, so that the next result line is new
    box.value = "";
    box.dispatchEvent(new Event("input", { bubbles: true }));
    box.dispatchEvent(new KeyboardEvent("keyup", { key: "Backspace", bubbles: true }));
    await until(() => !/结果/.test(meta.textContent));
  }
  const started = performance.now();
  box.value = q;
  box.dispatchEvent(new Event("input", { bubbles: true }));
  box.dispatchEvent(new KeyboardEvent("keyup", { key: "End", bubbles: true }));
  const folded = q.normalize("NFKC").toLowerCase();
  await until(engine === "coursegen" ? () => document.querySelector("[data-cg-search]").dataset.shown === folded
                                     : () => /结果/.test(meta.textContent));
  return performance.now() - started;
}"""
"""Milliseconds from the query in the box to its results on screen, measured in the page (coursegen's
includes its 80 ms wait for the typing to pause; Pagefind's is its API: search, then the top ten's data)."""
SEARCH_FILES = {"coursegen": ("/assets/coursegen/search/", "/assets/coursegen/cg-search.js"), "pagefind": ("/pagefind/",),
                "material": ("/search/search_index", "/workers/search", "/lunr/")}
"""What each engine loads for search; Material loads it with every page, before any search."""


def serve_logged(folder: Path) -> tuple[http.server.ThreadingHTTPServer, list[str]]:
    """``folder`` on 127.0.0.1, with the path of every request it answers (the search worker's included,
    which the page's request events do not show)."""
    requested: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
            requested.append(self.path)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, requested


def first_search(browser: Any, site: Path, engine: str) -> tuple[int, float, float]:
    """gzip bytes the first search downloads, its milliseconds until results show, and a second search's."""
    server, requested = serve_logged(site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    page = browser.new_page()
    page.goto(f"{base}/", wait_until="networkidle")
    first = page.evaluate(TIMED, [engine, SIZE_QUERIES[0]])
    page.wait_for_load_state("networkidle")
    paths = {unquote(p.split("?")[0]) for p in requested if any(k in p for k in SEARCH_FILES[engine])}
    downloaded = sum(len(gzip.compress((site / p.lstrip("/")).read_bytes(), 9)) for p in paths if (site / p.lstrip("/")).is_file())
    second = page.evaluate(TIMED, [engine, SIZE_QUERIES[1]])
    page.close()
    server.shutdown()
    server.server_close()
    return downloaded, first, second


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 200, 1000])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "search")
    parser.add_argument("--markdown", type=Path, default=RESULTS)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    logs = args.out / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    example = args.out / "example"
    shutil.rmtree(example, ignore_errors=True)
    example.mkdir(parents=True)
    for name in ("mkdocs.yml", "course", "quizzes", "docs"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, example / name)
    rows: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        global CHROMIUM_VERSION
        CHROMIUM_VERSION = browser.version
        sites = build_sites(example, logs)
        scores = precision(browser, sites)
        for size in args.sizes:
            project = args.out / f"course-{size}"
            shutil.rmtree(project, ignore_errors=True)
            write_course(project, size)
            built = build_sites(project, logs)
            ours, jieba_s = search_step_seconds(built["coursegen"][0])
            for engine in ENGINES:
                downloaded, first, second = first_search(browser, built[engine][0], engine)
                step = {"coursegen": f"{ours:.1f} (index)", "material": f"{jieba_s:.1f} (jieba)",
                        "pagefind": f"{built['pagefind'][1]:.1f} wall (pagefind)"}[engine]
                rows.append(f"| {size:,} | {engine} | {downloaded / 1024:,.0f} | {first:,.0f} | {second:,.0f} | {step} |")
                print(rows[-1], flush=True)
        browser.close()
    text = report(scores, rows)
    args.markdown.write_text(text, encoding="utf-8")
    if args.markdown == RESULTS:  # the guide's page shows it at once, as build_bench.py will when it rewrites the page
        page = GUIDE_PAGE.read_text(encoding="utf-8")
        GUIDE_PAGE.write_text(page.split(f"\n{TITLE}")[0].rstrip("\n") + "\n\n" + text, encoding="utf-8")
    print(text)


def report(scores: dict[str, tuple[float, float, int]], rows: list[str]) -> str:
    files = {"coursegen": "yes (scripts)", "material": "yes (index as a script, worker in an iframe)",
             "pagefind": "no: it loads its index with fetch, which file:// pages cannot"}
    load = os.getloadavg()[0]
    head = [f"{TITLE}`python bench/search_bench.py`)", "",
            f"Measured {date.today().isoformat()} on {os.cpu_count()} CPU cores, Chromium {CHROMIUM_VERSION}; load average "
            f"at the end {load:.1f} (other work shared the machine: the milliseconds stretch with it, the bytes do not).", "",
            f"Precision on the example course: {len(QUERIES)} queries of `tests/browser/test_search.py`, top {TOP} result pages each.",
            "", "| engine | precision | recall | queries answered exactly | works from file:// |", "| --- | --- | --- | --- | --- |"]
    head += [f"| {e} | {scores[e][0]:.2f} | {scores[e][1]:.2f} | {scores[e][2]} / {len(QUERIES)} | {files[e]} |" for e in ENGINES]
    head += ["", "**选用 coursegen 自己的索引**：三者中只有它做到“输入什么就只找含这串字的小节”（Material 的 lunr 把查询当作词的前缀，"
             "“后台”也会找到“后续”“后果”；Pagefind 按分好的词和词的前缀匹配，漏掉词中间的字串，也多出不含查询的页面）；"
             "它的索引文件都是脚本，从 file:// 打开和在 LMS 的框架里都能用；第一次搜索只下载元数据、查询用到的几个分片"
             "和要显示的几段正文，而 Material 每打开一页就下载整个索引；构建时建立它的时间少于它所替代的 jieba 分词。"
             "Pagefind 用 fetch 读取索引，从 file:// 打开的网站无法搜索，这是这个项目不能接受的。",
             "", "First search on the synthetic course: what it downloads (gzip -9 of every file requested) and how long "
             "until its results show; then a second search. The search step's CPU seconds at build.", "",
             "| lectures | engine | first search KiB (gzip) | first search ms | second search ms | search step at build, CPU s |",
             "| --- | --- | --- | --- | --- | --- |", *rows, "",
             "Material's bytes are its whole index (`search_index.json`), which it loads with every page, before any "
             "search; its first-search milliseconds therefore exclude loading it. Pagefind's build column is wall seconds "
             "of the `pagefind` command; the others are CPU seconds of the step inside the build."]
    return "\n".join(head) + "\n"


if __name__ == "__main__":
    main()
