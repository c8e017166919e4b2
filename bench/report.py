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
from page_weight import CAPS, XAPI_CAP, PageWeights, Weight

FLOOR, COURSEGEN, MKDOCS_QUIZ, GENERATE, UNPRUNED = "floor", "coursegen", "mkdocs-quiz", "generate", "floor-unpruned"
ZENSICAL_COLD, ZENSICAL_CACHED, ZENSICAL_ALONE = "zensical-cold", "zensical-cached", "zensical-alone"
SITES = (FLOOR, COURSEGEN, MKDOCS_QUIZ, ZENSICAL_COLD, ZENSICAL_CACHED)
"""The five builds that leave a site, in the order of their numbers (1) to (5) in the tables."""
BUILDS = (*SITES, ZENSICAL_ALONE)
"""Every compared build, numbered (1) to (6): (6) is Zensical alone on the workspace coursegen wrote, cold, whose
output stays in that workspace (no site of its own to weigh)."""

# Issue 32's goals ("Speed where the trainer waits"), the only ones :func:`goals` judges; ratios are of one run.
GOAL_SERVE = 0.25
"""1. `coursegen serve` (MkDocs) ÷ `mkdocs serve` of the floor, save to page, at :data:`GOAL_LECTURES`."""
GOAL_ZENSICAL_SERVE = 0.2
"""2. `coursegen serve --engine zensical` ÷ `mkdocs serve` of the floor, the same."""
GOAL_EXAMPLE_SERVE = 1.0
"""3. Seconds from saving a lecture's YAML to its page served by `coursegen serve` on the example course."""
GOAL_ZENSICAL_CACHED = 0.35
"""4. A cached Zensical build (5) ÷ the floor (1), CPU seconds, at :data:`GOAL_LECTURES`."""
GOAL_ZENSICAL_COLD = 0.8
"""5. A cold Zensical build (4) ÷ the floor (1), the same."""
GOAL_INSTRUCTIONS = 1.05
"""6. coursegen on MkDocs (2) ÷ the floor at :data:`GOAL_LECTURES`, in instructions (``bench/instructions.py``)."""
GOAL_FLOOR_CPU = 1.10
"""7. coursegen on MkDocs (2) ÷ the floor at :data:`GOAL_LARGE` lectures, CPU seconds."""
GOAL_LECTURES = 200
"""The course size of goals 1, 2, 4, 5 and 6 (and of 8's synthetic course); at other sizes a figure is shown, not judged."""
GOAL_LARGE = 1000
"""The course size of goal 7."""
# 8 and 9, the page weights, are page_weight.CAPS and page_weight.XAPI_CAP.
NOT_MEASURED = "not measured"


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


def page_weight_rows(weights: PageWeights | None) -> list[tuple[str, int, int, str]]:
    """(name, raw bytes, gzip bytes, how pages load it): coursegen's scripts and styles of each kind of page of the
    example course and of the synthetic one (bench/page_weight.py), and mkdocs-quiz's quiz script and styles."""
    rows = []
    if weights is not None:
        for course, found in (("example course", weights.example), (f"{weights.lectures} lectures", weights.synthetic)):
            rows += [(f"coursegen: a {w.kind} page's JS + CSS, {course} ({w.files} files, each gzip -9)", w.raw, w.gzip,
                      "cached files") for w in found]
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


Goal = tuple[str, str, bool | None]
"""(goal, measured, met): met is None when the run did not measure the goal, or measured it at another size."""


def goals(results: list[Result], serve: ServeResult | None, instructions: Instructions | None = None,
          weights: PageWeights | None = None) -> list[Goal]:
    """Issue 32's goals 1 to 9, in its order, each with this run's measured value and whether it is met."""
    by_size = {r.lectures: r for r in results}
    at = f"{GOAL_LECTURES:,} lectures"
    rows = _serve_goals(serve)
    rows.append(_build_goal(f"4. a cached Zensical build ≤ {GOAL_ZENSICAL_CACHED}× the floor at {at} (CPU)",
                            by_size.get(GOAL_LECTURES), GOAL_LECTURES, ZENSICAL_CACHED, GOAL_ZENSICAL_CACHED))
    goal, measured, met = _build_goal(f"5. a cold Zensical build ≤ {GOAL_ZENSICAL_COLD}× the floor at {at} (CPU)",
                                      by_size.get(GOAL_LECTURES), GOAL_LECTURES, ZENSICAL_COLD, GOAL_ZENSICAL_COLD)
    rows.append((goal, f"{measured}; {zensical_alone(by_size.get(GOAL_LECTURES))}", met))
    rows.append(_instructions_goal(instructions))
    rows.append(_build_goal(f"7. coursegen on MkDocs ≤ {GOAL_FLOOR_CPU:.2f}× the floor at {GOAL_LARGE:,} lectures (CPU)",
                            by_size.get(GOAL_LARGE), GOAL_LARGE, COURSEGEN, GOAL_FLOOR_CPU))
    rows += _weight_goals(weights)
    return rows


def _serve_goals(serve: ServeResult | None) -> list[Goal]:
    at = f"{GOAL_LECTURES:,} lectures"
    one = f"1. coursegen serve (MkDocs): save → page ≤ {GOAL_SERVE}× plain mkdocs serve, {at}"
    two = f"2. Zensical preview (coursegen serve --engine zensical): save → page ≤ {GOAL_ZENSICAL_SERVE}× the same, {at}"
    three = f"3. coursegen serve: save → page ≤ {GOAL_EXAMPLE_SERVE:.0f} s on the example course"
    if serve is None:
        return [(goal, f"{NOT_MEASURED} (--serve-size 0)", None) for goal in (one, two, three)]
    floor = median(serve.floor)
    judged = serve.lectures == GOAL_LECTURES
    elsewhere = "" if judged else f" at {serve.lectures:,} lectures, not {GOAL_LECTURES:,}: not judged"
    return [
        (one, f"{median(serve.coursegen):.2f} s / {floor:.2f} s = {serve.ratio:.2f}×{elsewhere}",
         serve.ratio <= GOAL_SERVE if judged else None),
        (two, f"{median(serve.zensical):.2f} s / {floor:.2f} s = {serve.zensical_ratio:.2f}×{elsewhere}",
         serve.zensical_ratio <= GOAL_ZENSICAL_SERVE if judged else None),
        (three, f"{median(serve.example):.2f} s", median(serve.example) <= GOAL_EXAMPLE_SERVE),
    ]


def _build_goal(goal: str, r: Result | None, lectures: int, variant: str, cap: float) -> Goal:
    """``variant`` ÷ the floor in CPU seconds at ``lectures``: a failed build meets no goal."""
    if r is None:
        return goal, f"{NOT_MEASURED}: no {lectures:,}-lecture course in this run (--sizes)", None
    if variant in r.failed:
        return goal, FAILED, False
    if variant not in r.runs or FLOOR not in r.runs:
        return goal, NOT_MEASURED, None
    ratio = r.ratio(variant, FLOOR, "cpu")
    return goal, f"{r.runs[variant].cpu:.1f} s / {r.runs[FLOOR].cpu:.1f} s = {ratio:.2f}", ratio <= cap


def zensical_alone(r: Result | None) -> str:
    """Beside goal 5, as information: Zensical's own cold build of the same workspace (6) ÷ the floor, CPU seconds."""
    label = "Zensical alone, cold (information, no goal)"
    if r is None or (ZENSICAL_ALONE not in r.runs and ZENSICAL_ALONE not in r.failed):
        return f"{label}: {NOT_MEASURED}"
    if ZENSICAL_ALONE in r.failed:
        return f"{label}: {FAILED}"
    return f"{label}: {r.runs[ZENSICAL_ALONE].cpu:.1f} s / {r.runs[FLOOR].cpu:.1f} s = {r.ratio(ZENSICAL_ALONE, FLOOR, 'cpu'):.2f}"


def _instructions_goal(instructions: Instructions | None) -> Goal:
    goal = f"6. coursegen on MkDocs ≤ {GOAL_INSTRUCTIONS:.2f}× the floor at {GOAL_LECTURES:,} lectures (instructions, bench/instructions.py)"
    if instructions is None:
        return goal, f"{NOT_MEASURED} (--instructions {GOAL_LECTURES})", None
    judged = instructions.lectures == GOAL_LECTURES
    elsewhere = "" if judged else f" at {instructions.lectures:,} lectures, not {GOAL_LECTURES:,}: not judged"
    return (goal, f"{instructions.coursegen / 1e9:.2f} G / {instructions.floor / 1e9:.2f} G = {instructions.ratio:.3f}{elsewhere}",
            instructions.ratio <= GOAL_INSTRUCTIONS if judged else None)


def _weight_goals(weights: PageWeights | None) -> list[Goal]:
    """8: a quiz and a lecture page of the example course and of the synthetic one; 9: the xAPI client."""
    rows: list[Goal] = []
    courses = ["example course", f"synthetic course, {GOAL_LECTURES:,} lectures"]
    if weights is not None:
        courses[1] = f"synthetic course, {weights.lectures:,} lectures"
    for kind in ("quiz", "lecture"):
        for i, course in enumerate(courses):
            goal = f"8. a {kind} page's coursegen JS + CSS ≤ {CAPS[kind] / 1024:.1f} KiB gzip, {course} (no LRS)"
            if weights is None:
                rows.append((goal, NOT_MEASURED, None))
                continue
            found: list[Weight] = weights.synthetic if i else weights.example
            w = next((w for w in found if w.kind == kind), None)
            if w is None:
                rows.append((goal, f"{NOT_MEASURED}: the course has no {kind} page", None))
            elif i and weights.lectures != GOAL_LECTURES:
                rows.append((goal, f"{w.gzip / 1024:.1f} KiB ({w.files} files), not {GOAL_LECTURES:,} lectures: not judged", None))
            else:
                rows.append((goal, f"{w.gzip / 1024:.1f} KiB ({w.files} files)", w.gzip <= CAPS[kind]))
    goal = f"9. with an LRS, the xAPI client adds ≤ {XAPI_CAP / 1024:.0f} KiB gzip"
    if weights is None:
        rows.append((goal, NOT_MEASURED, None))
    else:
        rows.append((goal, f"{weights.xapi / 1024:.1f} KiB (cg-xapi.js and its response patterns)", weights.xapi <= XAPI_CAP))
    return rows


def _met(ok: bool | None, measured: str, md: bool) -> str:
    if ok is None:
        return NOT_MEASURED if measured.startswith(NOT_MEASURED) else "not judged"
    return "yes" if ok else ("**no**" if md else "NO")


FAILED = "build failed"


def _seconds(r: Result, variant: str) -> str:
    if variant in r.failed:
        return FAILED
    return f"{r.runs[variant].wall:.1f} / {r.runs[variant].cpu:.1f}" if variant in r.runs else "–"


def _ratios(r: Result, a: str, b: str) -> str:
    if a in r.failed:
        return FAILED
    return f"{r.ratio(a, b, 'wall'):.2f} / {r.ratio(a, b, 'cpu'):.2f}" if a in r.runs else "–"


def _each(r: Result, show: Callable[[str], str]) -> str:
    """One figure per build, (1) to (5), in one cell."""
    return " / ".join("failed" if v in r.failed else show(v) for v in SITES)


def _build_rows(results: list[Result]) -> list[list[str]]:
    rows = []
    for r in results:
        rows.append([
            f"{r.lectures:,}", f"{r.pages:,}", str(r.repeat),
            *(_seconds(r, v) for v in BUILDS),
            *(_ratios(r, a, b) for a, b in RATIOS),
            f"{r.share('wall'):.1f} / {r.share('cpu'):.1f}",
            f"{r.runs[GENERATE].wall:.1f} / {r.runs[GENERATE].cpu:.1f}",
            f"{r.runs[FLOOR].cpu / r.pages * 1000:.0f}",
        ])
    return rows


RATIOS = ((COURSEGEN, FLOOR), (COURSEGEN, MKDOCS_QUIZ), (ZENSICAL_COLD, FLOOR), (ZENSICAL_CACHED, FLOOR), (ZENSICAL_ALONE, FLOOR))
BUILD_HEAD = ["lectures", "pages", "runs", "(1) floor s", "(2) coursegen s", "(3) mkdocs-quiz s", "(4) zensical cold s",
              "(5) zensical cached s", "(6) zensical alone s", "2/1", "2/3", "4/1", "5/1", "6/1", "generator share s",
              "generator alone s", "floor CPU ms/page"]


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


def _sections(results: list[Result], serve: ServeResult | None, md: bool, instructions: Instructions | None,
              weights: PageWeights | None) -> list[tuple[str, str]]:
    out = [("Build time (wall / CPU seconds, medians)", _grid(BUILD_HEAD, _build_rows(results), md))]
    failures = [[f"{r.lectures:,}", f"({BUILDS.index(v) + 1}) {v}", why.replace("|", "/")]
                for r in results for v, why in r.failed.items()]
    if failures:
        out.append(("Builds that failed", _grid(["lectures", "build", "the engine's reason"], failures, md)))
    out += [
        ("Memory and output", _grid(SIZE_HEAD, _size_rows(results), md)),
        ("Page weight: coursegen's scripts and styles a page loads", _grid(["files", "raw bytes", "gzip -9 bytes", "loaded"],
                                         [[n, f"{raw:,}", f"{gz:,}", how] for n, raw, gz, how in page_weight_rows(weights)], md)),
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
    out.append(("Goals (issue 32)", _grid(["goal", "measured", "met"],
                                          [[g, m, _met(ok, m, md)] for g, m, ok in goals(results, serve, instructions, weights)], md)))
    return out


def text_table(results: list[Result], serve: ServeResult | None, elapsed: float, instructions: Instructions | None = None,
               weights: PageWeights | None = None) -> str:
    parts = [f"{title}\n{body}" for title, body in _sections(results, serve, False, instructions, weights)]
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
             instructions: Instructions | None = None, weights: PageWeights | None = None) -> str:
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
    body = "\n\n".join(f"## {title}\n\n{table}" for title, table in _sections(results, serve, True, instructions, weights))
    kept = [f.read_text(encoding="utf-8") for f in (HR_LRS_RESULTS, STUDIO_RESULTS, SEARCH_RESULTS) if f.is_file()]
    return f"{head}\n{body}\n" + "".join(f"\n{text}" for text in kept)
