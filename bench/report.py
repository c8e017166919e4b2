"""The benchmark's results as a terminal table and as the trainer's guide page ``benchmarks.md``.

Both views come from the same rows, so the page never says something the terminal did not.
"""

from __future__ import annotations

import gzip
import os
import platform
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from importlib import metadata, resources
from pathlib import Path
from statistics import median

from measure import Run
from page_weight import course_weights

FLOOR, COURSEGEN, MKDOCS_QUIZ, GENERATE, UNPRUNED = "floor", "coursegen", "mkdocs-quiz", "generate", "floor-unpruned"
ZENSICAL_COLD, ZENSICAL_CACHED = "zensical-cold", "zensical-cached"
SITES = (FLOOR, COURSEGEN, MKDOCS_QUIZ, ZENSICAL_COLD, ZENSICAL_CACHED)
"""The five builds, in the order of their numbers (1) to (5) in the tables."""

TARGET_FLOOR_RATIO = 1.10
FLOOR_SIZES = (1000,)
"""coursegen on MkDocs ÷ the floor, CPU seconds, judged at 1,000 lectures (issue 32); at 200 by instruction count."""
TARGET_FLOOR_INSTRUCTIONS = 1.05
"""coursegen on MkDocs ÷ the floor at 200 lectures, in instructions (``bench/instructions.py``, ``--instructions``)."""
TARGET_QUIZ_RATIO = 1.0
TARGET_SHARE_GROWTH = 5.5
TARGET_SERVE_RATIO = 0.25
"""`coursegen serve` (MkDocs, no flag) ÷ `mkdocs serve` of the floor, save to page, at the serve size (200 lectures)."""
TARGET_ZENSICAL_SERVE_RATIO = 0.2
"""`coursegen serve --engine zensical` ÷ `mkdocs serve` of the floor, the same."""
TARGET_EXAMPLE_SERVE = 1.0
"""Seconds from saving a lecture's YAML to its page served by `coursegen serve` on the example course."""
TARGET_ZENSICAL_COLD = 0.8
TARGET_ZENSICAL_CACHED = 0.35
ZENSICAL_SIZES = (200,)
"""The course size the Zensical goals are set for (the issue's); at other sizes the ratios are shown, not judged."""
TARGET_MINUTES = 10


@dataclass(frozen=True)
class Result:
    """One course size: median runs of the builds and what they produced."""

    lectures: int
    pages: int
    runs: dict[str, Run]
    repeat: int
    site_bytes: dict[str, int]
    search_bytes: dict[str, int]
    unpruned_bytes: int = 0
    """Size of the floor built without navigation.prune, when it was (then ``runs`` has UNPRUNED)."""
    failed: dict[str, str] = field(default_factory=dict)
    """Zensical builds that failed at this size → the engine's reason; they have no runs, site or ratios."""

    def ratio(self, a: str, b: str, attr: str) -> float:
        return float(getattr(self.runs[a], attr) / getattr(self.runs[b], attr))

    def share(self, attr: str) -> float:
        """coursegen's time minus the floor's: what the generator and its quizzes cost."""
        return float(getattr(self.runs[COURSEGEN], attr) - getattr(self.runs[FLOOR], attr))


@dataclass(frozen=True)
class ServeResult:
    lectures: int
    coursegen: list[float]
    zensical: list[float]
    """``coursegen serve --engine zensical``, the same edit as ``coursegen``."""
    floor: list[float]
    example: list[float]
    """``coursegen serve`` on the example course (``course/`` of this repository), one lecture's YAML."""

    @property
    def ratio(self) -> float:
        return median(self.coursegen) / median(self.floor)

    @property
    def zensical_ratio(self) -> float:
        return median(self.zensical) / median(self.floor)


@dataclass(frozen=True)
class Instructions:
    """``bench/instructions.py`` at one size: instructions of ``coursegen build`` and of the floor's ``mkdocs build``."""

    lectures: int
    coursegen: int
    floor: int

    @property
    def ratio(self) -> float:
        return self.coursegen / self.floor


def quiz_assets() -> list[tuple[str, int, int, str]]:
    """(name, raw bytes, gzip bytes, how pages load it): coursegen's scripts and styles of each kind of page of the
    example course (bench/page_weight.py), and mkdocs-quiz's quiz script and styles."""
    rows = [(f"coursegen: a {w.kind} page's JS + CSS ({w.files} files, each gzip -9)", w.raw, w.gzip, "cached files")
            for w in course_weights(Path(__file__).resolve().parent.parent)]
    try:
        plugin = resources.files("mkdocs_quiz")
        files = [plugin / "js" / "quiz.js", plugin / "css" / "quiz.css", plugin / "js" / "vendor" / "js-confetti.browser.js"]
        rows.append(_asset_row("mkdocs-quiz: quiz.js + quiz.css + confetti", files, "inlined into every page"))
    except ModuleNotFoundError:
        pass
    return rows


def _asset_row(name: str, files: list, how: str) -> tuple[str, int, int, str]:
    data = b"".join(f.read_bytes() for f in files)
    return name, len(data), len(gzip.compress(data, compresslevel=9)), how


def checks(results: list[Result], serve: ServeResult | None, elapsed: float,
           instructions: Instructions | None = None) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met) for each target of the benchmark issues; met is None when noise decides or the run did
    not measure it (a shorter run's sizes, no ``--instructions``)."""
    rows: list[tuple[str, str, bool | None]] = []
    for attr, label in (("cpu", "CPU"), ("wall", "wall")):
        for (a, b), target, ok, sizes in (
            ((COURSEGEN, FLOOR), f"2/1 ≤ {TARGET_FLOOR_RATIO:.2f}", lambda x: x <= TARGET_FLOOR_RATIO, FLOOR_SIZES),
            ((COURSEGEN, MKDOCS_QUIZ), f"2/3 < {TARGET_QUIZ_RATIO:.1f}", lambda x: x < TARGET_QUIZ_RATIO, None),
            ((ZENSICAL_COLD, FLOOR), f"4/1 ≤ {TARGET_ZENSICAL_COLD}", lambda x: x <= TARGET_ZENSICAL_COLD, ZENSICAL_SIZES),
            ((ZENSICAL_CACHED, FLOOR), f"5/1 ≤ {TARGET_ZENSICAL_CACHED}", lambda x: x <= TARGET_ZENSICAL_CACHED, ZENSICAL_SIZES),
        ):
            ratios = {r.lectures: None if a in r.failed else r.ratio(a, b, attr)
                      for r in results if sizes is None or r.lectures in sizes}
            measured = ", ".join(f"{n:,}: {FAILED if x is None else f'{x:.2f}'}" for n, x in ratios.items())
            unmeasured = sorted(set(sizes or ()) - set(ratios))
            if unmeasured:  # a shorter run (--sizes): the goal is judged on the sizes measured, and says so
                measured = f"{measured} ({' and '.join(f'{n:,}' for n in unmeasured)} not measured)".strip()
            where = "at every size" if sizes is None else f"at {' and '.join(f'{n:,}' for n in sizes)} lectures"
            met = all(x is not None and ok(x) for x in ratios.values()) if ratios else None  # a failed build meets no goal
            rows.append((f"{target} {where} ({label})", measured or "not measured", met))
    target = f"2/1 ≤ {TARGET_FLOOR_INSTRUCTIONS:.2f} at 200 lectures (instructions, bench/instructions.py)"
    if instructions is None:
        rows.append((target, "not measured in this run (--instructions 200)", None))
    else:
        rows.append((target.replace("200", f"{instructions.lectures:,}"),
                     f"{instructions.coursegen / 1e9:.2f} G / {instructions.floor / 1e9:.2f} G = {instructions.ratio:.3f}",
                     instructions.ratio <= TARGET_FLOOR_INSTRUCTIONS if instructions.lectures == 200 else None))
    by_size = {r.lectures: r for r in results}
    if 200 in by_size and 1000 in by_size:
        for label, small, large in (
            ("generator share", by_size[200].share("cpu"), by_size[1000].share("cpu")),
            ("generator alone", by_size[200].runs[GENERATE].cpu, by_size[1000].runs[GENERATE].cpu),
        ):
            target = f"{label} 1,000 / 200 ≤ {TARGET_SHARE_GROWTH} (CPU)"
            if small <= 0 or large <= 0:
                rows.append((target, f"{large:.1f} s / {small:.1f} s: within the builds' measurement noise", None))
            else:
                growth = large / small
                rows.append((target, f"{large:.1f} s / {small:.1f} s = {growth:.2f}", growth <= TARGET_SHARE_GROWTH))
    for w in course_weights(Path(__file__).resolve().parent.parent):
        if w.cap is not None:
            rows.append((f"a {w.kind} page's coursegen JS + CSS ≤ {w.cap / 1024:.1f} KiB gzip", f"{w.gzip / 1024:.1f} KiB", w.met))
    if serve:
        rows.append((f"coursegen serve: save to page ≤ {TARGET_SERVE_RATIO}× mkdocs serve ({serve.lectures} lectures)",
                     f"{median(serve.coursegen):.2f} s / {median(serve.floor):.2f} s = {serve.ratio:.2f}×",
                     serve.ratio <= TARGET_SERVE_RATIO))
        rows.append((f"serve --engine zensical: save to page ≤ {TARGET_ZENSICAL_SERVE_RATIO}× mkdocs serve ({serve.lectures} lectures)",
                     f"{median(serve.zensical):.2f} s / {median(serve.floor):.2f} s = {serve.zensical_ratio:.2f}×",
                     serve.zensical_ratio <= TARGET_ZENSICAL_SERVE_RATIO))
        rows.append((f"coursegen serve: save to page ≤ {TARGET_EXAMPLE_SERVE:.0f} s (the example course)",
                     f"{median(serve.example):.2f} s", median(serve.example) <= TARGET_EXAMPLE_SERVE))
    rows.append((f"whole benchmark < {TARGET_MINUTES} min", f"{elapsed / 60:.1f} min", elapsed < TARGET_MINUTES * 60))
    return rows


def _met(ok: bool | None, md: bool) -> str:
    if ok is None:
        return "n/a"
    return "yes" if ok else ("**no**" if md else "NO")


FAILED = "build failed"


def _seconds(r: Result, variant: str) -> str:
    return FAILED if variant in r.failed else f"{r.runs[variant].wall:.1f} / {r.runs[variant].cpu:.1f}"


def _ratios(r: Result, a: str, b: str) -> str:
    return FAILED if a in r.failed else f"{r.ratio(a, b, 'wall'):.2f} / {r.ratio(a, b, 'cpu'):.2f}"


def _each(r: Result, show: Callable[[str], str]) -> str:
    """One figure per build, (1) to (5), in one cell."""
    return " / ".join("failed" if v in r.failed else show(v) for v in SITES)


def _build_rows(results: list[Result]) -> list[list[str]]:
    rows = []
    for r in results:
        rows.append([
            f"{r.lectures:,}", f"{r.pages:,}", str(r.repeat),
            *(_seconds(r, v) for v in SITES),
            *(_ratios(r, a, b) for a, b in RATIOS),
            f"{r.share('wall'):.1f} / {r.share('cpu'):.1f}",
            f"{r.runs[GENERATE].wall:.1f} / {r.runs[GENERATE].cpu:.1f}",
            f"{r.runs[FLOOR].cpu / r.pages * 1000:.0f}",
        ])
    return rows


RATIOS = ((COURSEGEN, FLOOR), (COURSEGEN, MKDOCS_QUIZ), (ZENSICAL_COLD, FLOOR), (ZENSICAL_CACHED, FLOOR))
BUILD_HEAD = ["lectures", "pages", "runs", "(1) floor s", "(2) coursegen s", "(3) mkdocs-quiz s", "(4) zensical cold s",
              "(5) zensical cached s", "2/1", "2/3", "4/1", "5/1", "generator share s", "generator alone s", "floor CPU ms/page"]


def _size_rows(results: list[Result]) -> list[list[str]]:
    rows = []
    for r in results:
        rows.append([
            f"{r.lectures:,}",
            _each(r, lambda v: f"{r.runs[v].rss_mb:.0f}"),
            _each(r, lambda v: f"{r.site_bytes[v] / 2**20:.1f}"),
            _each(r, lambda v: f"{r.search_bytes[v] / 2**10:,.0f}"),
        ])
    return rows


SIZE_HEAD = ["lectures", "peak memory MiB (1 / 2 / 3 / 4 / 5)", "site/ MiB (1 / 2 / 3 / 4 / 5)",
             "search index KiB (1 / 2 / 3 / 4 / 5)"]


def _grid(head: list[str], rows: list[list[str]], md: bool) -> str:
    if md:
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])
    widths = [max(len(x) for x in col) for col in zip(head, *rows)]
    return "\n".join("  ".join(x.rjust(w) for x, w in zip(row, widths)) for row in [head, *rows])


def _sections(results: list[Result], serve: ServeResult | None, elapsed: float, md: bool,
              instructions: Instructions | None) -> list[tuple[str, str]]:
    out = [("Build time (wall / CPU seconds, medians)", _grid(BUILD_HEAD, _build_rows(results), md))]
    failures = [[f"{r.lectures:,}", f"({SITES.index(v) + 1}) {v}", why.replace("|", "/")]
                for r in results for v, why in r.failed.items()]
    if failures:
        out.append(("Builds that failed", _grid(["lectures", "build", "the engine's reason"], failures, md)))
    out += [
        ("Memory and output", _grid(SIZE_HEAD, _size_rows(results), md)),
        ("Page weight: coursegen's scripts and styles a page loads (example course)", _grid(["files", "raw bytes", "gzip -9 bytes", "loaded"],
                                         [[n, f"{raw:,}", f"{gz:,}", how] for n, raw, gz, how in quiz_assets()], md)),
    ]
    if serve:
        out.append((f"Live preview: save one lecture to page updated ({serve.lectures} lectures)", _grid(
            ["server", "edit", "seconds (each edit)", "median"],
            [[server, edit, ", ".join(f"{t:.1f}" for t in times), f"{median(times):.1f}"] for server, edit, times in (
                ("coursegen serve", "one lecture's YAML", serve.coursegen),
                ("coursegen serve --engine zensical", "one lecture's YAML", serve.zensical),
                ("mkdocs serve (floor)", "one Markdown page", serve.floor),
                ("coursegen serve, the example course", "one lecture's YAML", serve.example))], md)))
    for r in results:
        if UNPRUNED in r.runs:
            out.append((f"navigation.prune (floor, {r.lectures} lectures)", _grid(
                ["theme features", "wall s", "CPU s", "site/ MiB"],
                [[label, f"{run.wall:.1f}", f"{run.cpu:.1f}", f"{size / 2**20:.1f}"] for label, run, size in (
                    ("with navigation.prune (the default)", r.runs[FLOOR], r.site_bytes[FLOOR]),
                    ("without", r.runs[UNPRUNED], r.unpruned_bytes))], md)))
    out.append(("Targets", _grid(["target", "measured", "met"],
                                 [[t, m, _met(ok, md)] for t, m, ok in checks(results, serve, elapsed, instructions)], md)))
    return out


def text_table(results: list[Result], serve: ServeResult | None, elapsed: float, instructions: Instructions | None = None) -> str:
    parts = [f"{title}\n{body}" for title, body in _sections(results, serve, elapsed, False, instructions)]
    return "\n\n".join(parts) + f"\n\nwhole benchmark: {elapsed / 60:.1f} min"


def _versions() -> str:
    names = ("mkdocs", "mkdocs-material", "mkdocs-quiz", "zensical", "jieba", "PyYAML")
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pass
    return ", ".join(found)


SEARCH_RESULTS = Path(__file__).with_name("search_results.md")
"""Written by ``search_bench.py`` (a run of its own, ten minutes): kept on the page when the build benchmark rewrites it."""
HR_LRS_RESULTS = Path(__file__).with_name("hr_lrs_results.md")
"""The run of ``hr_lrs.py`` at rest, as its table was copied here (that script prints it): kept on the page first."""
STUDIO_RESULTS = Path(__file__).with_name("studio_results.md")
"""Written by ``studio_bench.py`` (a run of its own): kept on the page, before the search section, as it is."""


def markdown(results: list[Result], serve: ServeResult | None, elapsed: float, args: str,
             instructions: Instructions | None = None) -> str:
    """The results page for the trainer's guide; the explanation is fixed text, the numbers are this run's."""
    intro = (Path(__file__).with_name("benchmarks_intro.md")).read_text(encoding="utf-8")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    head = intro.format(
        date=date.today().isoformat(),
        machine=f"{os.cpu_count()} CPU cores, {platform.system()} {platform.machine()}, Python {platform.python_version()}",
        versions=_versions(),
        command=f"python bench/build_bench.py {args}".strip(),
        minutes=f"{elapsed / 60:.1f}",
        load=f"{load:.1f}",
    )
    body = "\n\n".join(f"## {title}\n\n{table}" for title, table in _sections(results, serve, elapsed, True, instructions))
    kept = [f.read_text(encoding="utf-8") for f in (HR_LRS_RESULTS, STUDIO_RESULTS, SEARCH_RESULTS) if f.is_file()]
    return f"{head}\n{body}\n" + "".join(f"\n{text}" for text in kept)
