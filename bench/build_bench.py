"""Build speed of coursegen (on MkDocs and on Zensical) against plain MkDocs and the mkdocs-quiz plugin, at three course sizes.

    pip install -e '.[bench]'   # mkdocs-quiz for the comparison, Zensical for the second engine
    python bench/build_bench.py          # 20, 200 and 1,000 lectures; writes guide/docs/benchmarks.md

For each size a synthetic course (``bench/synthetic.py``: 5 questions per lecture) is built, each build
in a fresh process, the builds interleaved so that a busy spell on the machine hits all of them:

1. **floor**: ``mkdocs build`` of the same pages without quizzes, same theme, navigation and search;
2. **coursegen**: ``coursegen build`` (load, render, write the workspace, MkDocs, swap into ``site/``);
3. **mkdocs-quiz**: ``mkdocs build`` of the same pages with the same questions for the mkdocs-quiz plugin;
4. **zensical-cold**: ``coursegen build --engine zensical`` from an empty work folder, as (2) is;
5. **zensical-cached**: the same build through a work folder a previous Zensical build of the unchanged
   course left, so Zensical's cache is warm (what a trainer's second build is);
6. **zensical-alone**: Zensical by itself (``python -m zensical build -f zensical.yml --strict``, as coursegen calls
   it) on the workspace a Zensical build of the course wrote, from an empty Zensical cache and output: what the
   engine costs with no coursegen work at all, shown beside goal 5 (the cold build) as information.

The three Zensical builds run in folders of their own (``zensical-cold/``, ``zensical-cached/``,
``zensical-alone/``, each a copy of the course), since ``.coursegen/`` is where coursegen keeps the workspace and
Zensical its cache.

Then the live-preview rebuild at one size (``--serve-size``): seconds from saving one lecture's YAML
under ``coursegen serve`` (MkDocs, then Zensical) until the served page shows the edit, against ``mkdocs serve``
of the floor after saving one Markdown page; and the floor once more without ``navigation.prune``, to show what
that setting saves. Medians over ``--repeat`` runs (``--repeat-small`` for the smallest size, whose few
seconds the machine's noise moves most; ``--repeat-large`` for the largest, whose builds take minutes).
The generator's modules are compiled to bytecode first, as installing a package does for MkDocs and
Material: a machine that never writes bytecode (``PYTHONDONTWRITEBYTECODE``) would otherwise charge
coursegen alone for compiling its own source on every build. Everything is written under ``bench/out/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from instructions import measure as count_instructions  # noqa: E402
from measure import BenchError, Run, median_run, run, serve_rebuilds, tree_bytes  # noqa: E402
from page_weight import page_weights  # noqa: E402
from report import (  # noqa: E402
    GENERATE, SITES, UNPRUNED, ZENSICAL_ALONE, ZENSICAL_CACHED, ZENSICAL_COLD, Instructions, Result, ServeResult, markdown, text_table,
)
from synthetic import lecture_file, lecture_id, write_course  # noqa: E402
from variants import FLOOR, MKDOCS_QUIZ, write_variants  # noqa: E402

from coursegen import site_paths  # noqa: E402
from coursegen.builder.search_index import FOLDER as SEARCH_FOLDER, MATERIAL  # noqa: E402
from coursegen.builder.zensical_config import CONFIG as ZENSICAL_CONFIG, OUTPUT as ZENSICAL_OUTPUT  # noqa: E402

COURSEGEN = [sys.executable, "-m", "coursegen"]
ZENSICAL = ["--engine", "zensical"]
GENERATE_ONLY = [sys.executable, "-c", "from coursegen.builder import Paths, generate; generate(Paths())"]
"""The generator's own steps without MkDocs: imports, load, render, write the workspace."""
MKDOCS = [sys.executable, "-m", "mkdocs"]
COURSEGEN_NAME = "coursegen"
EXAMPLE_LECTURE = "course/lectures/01-service-front.yml"
EXAMPLE_PAGE = "lectures/service-front/"
ORDER = (MKDOCS_QUIZ, ZENSICAL_COLD, COURSEGEN_NAME, FLOOR, ZENSICAL_ALONE, ZENSICAL_CACHED)
"""Slowest first, so that two workers finish the largest course at about the same time."""
ZENSICAL_VARIANTS = (ZENSICAL_COLD, ZENSICAL_CACHED, ZENSICAL_ALONE)
ZENSICAL_WORKSPACE = Path(".coursegen") / "trainee"
"""Where ``coursegen build --engine zensical`` writes the workspace, its ``zensical.yml``, Zensical's output
(:data:`ZENSICAL_OUTPUT`, moved to ``site/`` after the build) and Zensical's cache (``.cache/``)."""
ZENSICAL_CACHE = ".cache"
COLD = (COURSEGEN_NAME, GENERATE, ZENSICAL_COLD)
"""The builds that start from an empty work folder (``.coursegen/``) every time."""


def folder_of(project: Path, variant: str) -> Path:
    """Where a variant's build runs: the Zensical builds in a copy of the course of their own, whose
    ``.coursegen/`` (workspace and Zensical's cache) no other build wipes or rewrites."""
    return project / variant if variant in ZENSICAL_VARIANTS else project


def zensical_alone(folder: Path) -> list[str]:
    """Zensical's own command line on the ``zensical.yml`` coursegen wrote in ``folder``, as coursegen calls it
    (strict, the cache not cleaned by Zensical: :meth:`SizeRuns.build` empties it first)."""
    config = (folder / ZENSICAL_WORKSPACE / ZENSICAL_CONFIG).resolve()
    return [sys.executable, "-m", "zensical", "build", "-f", str(config), "--strict"]


def site_of(project: Path, variant: str) -> Path:
    """Where the variant's build writes its site: ``site/`` of the folder it builds in."""
    return project / "site" if variant == COURSEGEN_NAME else project / variant / "site"


class SizeRuns:
    """One course size being measured: its project folder, commands, and the runs so far."""

    def __init__(self, out: Path, lectures: int, repeat: int, unpruned: bool) -> None:
        self.lectures, self.repeat, self.unpruned = lectures, repeat, unpruned
        self.project = out / f"course-{lectures}"
        self.logs = out / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(self.project, ignore_errors=True)
        write_course(self.project, lectures)
        for variant in ZENSICAL_VARIANTS:
            write_course(folder_of(self.project, variant), lectures)  # the same seed: the same course
        self.runs: dict[str, list[Run]] = {v: [] for v in (*ORDER, GENERATE, UNPRUNED)}
        self.failed: dict[str, str] = {}
        """Zensical builds that failed at this size → the engine's reason (see :meth:`_run`)."""
        # The generator alone goes first: the floor and mkdocs-quiz sites are made from the workspace it writes.
        self.runs[GENERATE].append(run(GENERATE_ONLY, self.project, self.logs / f"{lectures}-{GENERATE}-0.log"))
        configs = write_variants(self.project)
        self.commands = {
            COURSEGEN_NAME: [*COURSEGEN, "build"],
            GENERATE: GENERATE_ONLY,
            FLOOR: [*MKDOCS, "build", "-q", "-f", str(configs[FLOOR])],
            MKDOCS_QUIZ: [*MKDOCS, "build", "-q", "-f", str(configs[MKDOCS_QUIZ])],
            **{v: [*COURSEGEN, "build", *ZENSICAL] for v in (ZENSICAL_COLD, ZENSICAL_CACHED)},  # the same build; only the folder's state differs
            ZENSICAL_ALONE: zensical_alone(folder_of(self.project, ZENSICAL_ALONE)),
        }
        if unpruned:
            self.commands[UNPRUNED] = [*MKDOCS, "build", "-q", "-f", str(unpruned_config(self.project))]
        # Builds that write the same folder never overlap: coursegen and the generator both rewrite .coursegen/.
        self.locks = {v: threading.Lock() for v in (*ORDER, UNPRUNED)}
        self.locks[GENERATE] = self.locks[COURSEGEN_NAME]

    def tasks(self) -> list[tuple[SizeRuns, str, int]]:
        """The remaining builds, the variants interleaved so a busy spell on the machine hits all of them."""
        tasks = [(self, v, i) for i in range(self.repeat) for v in (*ORDER, GENERATE) if (v, i) != (GENERATE, 0)]
        if self.unpruned:
            tasks.insert(3, (self, UNPRUNED, 0))
        return tasks

    def build(self, variant: str, i: int) -> None:
        folder = folder_of(self.project, variant)
        with self.locks[variant]:
            if variant in self.failed:
                return  # the same course would fail the same way again
            if variant in COLD:
                shutil.rmtree(folder / ".coursegen", ignore_errors=True)  # cold: the whole workspace is written
            elif variant == ZENSICAL_CACHED and not (folder / ".coursegen").is_dir():
                # Not measured: it only leaves the workspace and Zensical's cache that every measured build finds.
                if self._run(variant, self.logs / f"{self.lectures}-{variant}-warm-up.log") is None:
                    return
            elif variant == ZENSICAL_ALONE:
                workspace = folder / ZENSICAL_WORKSPACE
                # Not measured: coursegen writes the workspace and zensical.yml once; Zensical alone builds it each time.
                if not (workspace / ZENSICAL_CONFIG).is_file() and self._run(
                        variant, self.logs / f"{self.lectures}-{variant}-workspace.log", [*COURSEGEN, "build", *ZENSICAL]) is None:
                    return
                for left in (ZENSICAL_CACHE, ZENSICAL_OUTPUT):  # cold: an empty cache, no output of a build before
                    shutil.rmtree(workspace / left, ignore_errors=True)
            result = self._run(variant, self.logs / f"{self.lectures}-{variant}-{i}.log")
        if result is not None:
            self.runs[variant].append(result)
            print(f"  {self.lectures} lectures, {variant} #{i + 1}: {result.wall:.1f} s wall, {result.cpu:.1f} s CPU", flush=True)

    def _run(self, variant: str, log: Path, command: list[str] | None = None) -> Run | None:
        """One build, or None if it was a Zensical build that failed.

        Zensical is the new engine: a course it cannot build is a result for the page (:attr:`failed`, with
        the engine's reason), not a reason to lose the run's other numbers. Any other failure is the
        benchmark's own and stops it.
        """
        try:
            return run(command or self.commands[variant], folder_of(self.project, variant), log)
        except BenchError:
            if variant not in ZENSICAL_VARIANTS:
                raise
            lines = [line.strip() for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
            self.failed[variant] = lines[-1] if lines else "no output"
            print(f"  {self.lectures} lectures, {variant}: FAILED ({self.failed[variant]}); see {log}", flush=True)
            return None

    def result(self) -> Result:
        sites = {v: site_of(self.project, v) for v in SITES if v not in self.failed}
        return Result(
            lectures=self.lectures,
            pages=sum(1 for _ in sites[COURSEGEN_NAME].rglob("index.html")),
            runs={v: median_run(r) for v, r in self.runs.items() if r},
            repeat=self.repeat,
            site_bytes={v: tree_bytes(s) for v, s in sites.items()},
            search_bytes={v: search_bytes(s) for v, s in sites.items()},
            unpruned_bytes=tree_bytes(self.project / FLOOR / "site-unpruned") if self.unpruned else 0,
            failed=self.failed,
        )


def search_bytes(site: Path) -> int:
    """The site's search index: Material's ``search_index.json`` (floor, mkdocs-quiz), or else the course's own
    index, which replaced it on coursegen's sites on either engine (:mod:`coursegen.builder.search_index`)."""
    material = site / MATERIAL.path
    return material.stat().st_size if material.is_file() else tree_bytes(site / site_paths.ASSETS / SEARCH_FOLDER)


def measure_builds(out: Path, sizes: list[tuple[int, int]], jobs: int, prune_size: int) -> list[Result]:
    """Every build of every (lectures, repeat) size, ``jobs`` at a time, the largest course's first.

    The smallest course is built last, one build at a time: its builds take seconds, and beside a
    concurrent build of a large course they measured their neighbour as much as themselves (the same
    20-lecture build took 2.7 to 4.2 CPU seconds in one run).
    """
    measured = [SizeRuns(out, lectures, repeat, lectures == prune_size) for lectures, repeat in sizes]
    print("courses written; building", flush=True)
    alone = measured[0] if len(measured) > 1 else None
    tasks = [task for size in sorted(measured, key=lambda m: -m.lectures) if size is not alone for task in size.tasks()]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(lambda task: task[0].build(task[1], task[2]), tasks))
    for size, variant, i in alone.tasks() if alone else []:
        size.build(variant, i)
    return [m.result() for m in measured]


def measure_serve(out: Path, lectures: int, edits: int) -> ServeResult:
    """Live-preview rebuilds after a one-file edit: coursegen serve on either engine (YAML) against mkdocs serve (Markdown).

    Both coursegen servers run in the same project, one after the other: the same edit to the same file.
    """
    project = out / f"course-{lectures}"
    if not (project / FLOOR / "mkdocs.yml").is_file():
        shutil.rmtree(project, ignore_errors=True)
        write_course(project, lectures)
        run([*COURSEGEN, "build"], project, out / "logs" / f"serve-{lectures}-build.log")
        write_variants(project)
    n = max(1, lectures // 2)
    page = f"lectures/{lecture_id(n)}/"
    yaml_file = project / "course" / lecture_file(n)
    markdown_file = project / FLOOR / "docs" / "lectures" / f"{lecture_id(n)}.md"
    yaml_text, markdown_text = yaml_file.read_text(encoding="utf-8"), markdown_file.read_text(encoding="utf-8")
    assert "\nsummary: " in yaml_text

    def edit_yaml(marker: str) -> None:
        yaml_file.write_text(yaml_text.replace("\nsummary: ", f"\nsummary: {marker}", 1), encoding="utf-8")

    def edit_markdown(marker: str) -> None:
        markdown_file.write_text(f"{markdown_text}\n{marker}\n", encoding="utf-8")

    try:
        coursegen = serve_rebuilds([*COURSEGEN, "serve"], project, page, edit_yaml, out / "logs" / "serve-coursegen.log", edits)
        print(f"  coursegen serve: {', '.join(f'{t:.1f}' for t in coursegen)} s", flush=True)
        zensical = serve_rebuilds([*COURSEGEN, "serve", *ZENSICAL], project, page, edit_yaml,
                                  out / "logs" / "serve-zensical.log", edits)
        print(f"  coursegen serve --engine zensical: {', '.join(f'{t:.1f}' for t in zensical)} s", flush=True)
        floor = serve_rebuilds([*MKDOCS, "serve", "-f", str(project / FLOOR / "mkdocs.yml")], project, page,
                               edit_markdown, out / "logs" / "serve-floor.log", edits)
        print(f"  mkdocs serve: {', '.join(f'{t:.1f}' for t in floor)} s", flush=True)
    finally:
        yaml_file.write_text(yaml_text, encoding="utf-8")
        markdown_file.write_text(markdown_text, encoding="utf-8")
    example = measure_example_serve(out, edits)
    print(f"  coursegen serve, the example course: {', '.join(f'{t:.2f}' for t in example)} s", flush=True)
    return ServeResult(lectures=lectures, coursegen=coursegen, zensical=zensical, floor=floor, example=example)


def measure_example_serve(out: Path, edits: int) -> list[float]:
    """``coursegen serve`` of a copy of the example course (this repository's ``course/``): seconds from saving the
    first lecture's YAML to its page showing the edit."""
    project = out / "example"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    for name in ("mkdocs.yml", "course", "quizzes", "docs"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
    lecture = project / EXAMPLE_LECTURE
    text = lecture.read_text(encoding="utf-8")
    assert "\nsummary: |\n  " in text

    def edit(marker: str) -> None:
        lecture.write_text(text.replace("\nsummary: |\n  ", f"\nsummary: |\n  {marker}", 1), encoding="utf-8")

    return serve_rebuilds([*COURSEGEN, "serve"], project, EXAMPLE_PAGE, edit, out / "logs" / "serve-example.log", edits)


def unpruned_config(project: Path) -> Path:
    """The floor's config with ``navigation.prune`` taken out of the theme's features."""
    config = project / FLOOR / "mkdocs.yml"
    data: dict[str, Any] = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["theme"] = {"features": [f for f in _theme_features(project / "mkdocs.yml") if f != "navigation.prune"]}
    data["site_dir"] = str((project / FLOOR / "site-unpruned").resolve())
    unpruned = config.with_name("mkdocs-unpruned.yml")
    unpruned.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return unpruned


def _theme_features(config: Path) -> list[str]:
    from coursegen.load.siteconfig import read_user_config

    theme = read_user_config(config).get("theme") or {}
    return list(theme.get("features", [])) if isinstance(theme, dict) else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 200, 1000], help="Numbers of lectures.")
    parser.add_argument("--repeat", type=int, default=3, help="Runs per build, median reported.")
    parser.add_argument("--repeat-small", type=int, default=7, help="Runs per build for the smallest size (built alone).")
    parser.add_argument("--repeat-large", type=int, default=1, help="Runs per build for the largest size.")
    parser.add_argument("--jobs", type=int, default=2, help="Builds run at the same time (one per core).")
    parser.add_argument("--serve-size", type=int, default=200, help="Course size for the live-preview rebuild (0: skip).")
    parser.add_argument("--serve-edits", type=int, default=3, help="Edits per live-preview server, median reported.")
    parser.add_argument("--prune-size", type=int, default=200, help="Course size for the build without navigation.prune (0: skip).")
    parser.add_argument("--instructions", type=int, default=0,
                        help="Course size for instruction counts under callgrind (bench/instructions.py; 200: ~15 min; 0: skip).")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="Work folder.")
    parser.add_argument("--markdown", type=Path, default=ROOT / "guide" / "docs" / "benchmarks.md",
                        help="Where to write the results page ('' for nowhere).")
    args = parser.parse_args()

    started = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)
    sizes = sorted(args.sizes)
    plan = [(n, _repeats(args, n, sizes)) for n in sizes]
    compileall.compile_dir(ROOT / "generator", quiet=1)
    print("building " + ", ".join(f"{n} lectures × {r}" for n, r in plan) + f", {args.jobs} at a time", flush=True)
    results = measure_builds(args.out, plan, args.jobs, args.prune_size)
    serve = None
    if args.serve_size:
        print(f"live preview at {args.serve_size} lectures", flush=True)
        serve = measure_serve(args.out, args.serve_size, args.serve_edits)
    counted = None
    if args.instructions:
        print(f"instruction counts at {args.instructions} lectures (callgrind)", flush=True)
        ours, floor = count_instructions(args.instructions, args.out / "instructions")
        counted = Instructions(args.instructions, ours, floor)
    print("page weights: the example course and a synthetic one (bench/page_weight.py)", flush=True)
    weights = page_weights(args.out / "weight")
    elapsed = time.perf_counter() - started
    print()
    print(text_table(results, serve, elapsed, counted, weights))
    if str(args.markdown) not in ("", "."):
        args.markdown.write_text(markdown(results, serve, elapsed, _measuring_options(sys.argv[1:]), counted, weights), encoding="utf-8")
        print(f"\nwritten to {args.markdown}")


def _repeats(args: argparse.Namespace, lectures: int, sizes: list[int]) -> int:
    if len(sizes) > 1 and lectures == sizes[-1]:
        return args.repeat_large
    if len(sizes) > 1 and lectures == sizes[0]:
        return args.repeat_small
    return args.repeat


def _measuring_options(argv: list[str]) -> str:
    """The command-line options that change what is measured (not where results are written)."""
    kept, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--out", "--markdown"):
            skip = True
        elif not arg.startswith(("--out=", "--markdown=")):
            kept.append(arg)
    return " ".join(kept)


if __name__ == "__main__":
    main()
