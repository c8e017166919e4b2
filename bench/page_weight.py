"""What a page costs the trainee: the gzip bytes of coursegen's scripts and styles each kind of page loads.

    python bench/page_weight.py [--lectures 200] [--out bench/out/weight]

For the example course and a synthetic one (``bench/synthetic.py``): the files every page loads (the site's
``extra_javascript``/``extra_css``: the course's settings and contents ``cg-config.js``/``cg-course.js`` and every
page's packaged scripts and styles, bundled as ``cg-page.js``/``cg-page.css``) plus those the page names for
``cg-core.js`` to load (``data-cg-load``), each file as shipped (minified) and compressed on its own with gzip -9,
as a web server sends it. Not counted: the search script, loaded when the trainee opens
search, and a widget's data (a quiz's questions), which is the page's content. Caps: a quiz page ≤ 13.8 KiB
(what mkdocs-quiz inlines into every quiz page), a lecture page ≤ 8 KiB; the dashboard and a homework form are shown
without a cap. A course without an LRS; the xAPI client (:func:`xapi_client_gzip`) may add at most 6 KiB on top.

The numbers come from the site description every build reads (:func:`coursegen.render.render_site`), so no build
runs; ``tests/core/test_page_assets.py`` checks a built site loads what the description says.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from coursegen import site_paths as paths  # noqa: E402
from coursegen.load import load_project  # noqa: E402
from coursegen.render import Site, render_site  # noqa: E402
from coursegen.render.assets import PARTS, shipped  # noqa: E402
from measure import gzip_bytes  # noqa: E402
from synthetic import write_course  # noqa: E402

CAPS = {"quiz": 13.8 * 1024, "lecture": 8 * 1024}
"""gzip bytes of coursegen JS + CSS a page of the kind may load (issue 32)."""
XAPI_CAP = 6 * 1024
"""gzip bytes the xAPI client may add to a page of a course with an LRS (issue 32)."""
XAPI_CLIENT = PARTS["xapi"].files + PARTS["interactions"].files
"""The statement sender and the response patterns it reports with: what a course with an LRS ships on top."""
GOAL_LECTURES = 200
"""The synthetic course's size for issue 32's page-weight goals (beside the example course)."""
KINDS = ("quiz", "lecture", "dashboard", "form")
_MARKER = re.compile(r'data-cg-load="([^"]*)"')


@dataclass(frozen=True)
class Weight:
    kind: str
    page: str
    files: int
    raw: int
    gzip: int

    @property
    def cap(self) -> float | None:
        return CAPS.get(self.kind)

    @property
    def met(self) -> bool | None:
        return None if self.cap is None else self.gzip <= self.cap


def page_files(site: Site, page_path: str) -> list[str]:
    """The coursegen scripts and styles (paths in the docs folder) the page loads: every page's, then its own."""
    page = next(p for p in site.pages if p.path == page_path)
    named = [paths.asset(n) for m in _MARKER.findall(page.content) for n in m.split()]
    return [*site.extra_javascript, *site.extra_css, *named]


def weights(site: Site) -> list[Weight]:
    """The weight of one page of each kind the site has (the first of its kind in the menu's order)."""
    content = {a.path: a.content for a in site.assets}
    examples = {
        "quiz": _first(site, "quiz"),
        "lecture": _first(site, "lecture"),
        "dashboard": paths.HOME,
        "form": _first(site, "homework"),
    }
    rows = []
    for kind in KINDS:
        page = examples[kind]
        if page is not None:
            files = page_files(site, page)
            rows.append(Weight(kind, page, len(files), sum(len(content[f]) for f in files), sum(gzip_bytes(content[f]) for f in files)))
    return rows


def _first(site: Site, kind: str) -> str | None:
    """The first page of a lecture, quiz or homework, or ``None`` if the course has none."""
    folder = paths.item_page(kind, "-").removesuffix("-.md")
    return next((p.path for p in site.pages if p.path.startswith(folder) and not p.path.endswith("index.md")), None)


def course_weights(project_dir: Path) -> list[Weight]:
    project, _ = load_project(project_dir / "course", project_dir / "quizzes")
    return weights(render_site(project))


def xapi_client_gzip() -> int:
    """The xAPI client's gzip bytes as a page gets them: each file of :data:`XAPI_CLIENT` minified, then gzip -9
    on its own (``tests/xapi/test_client.py`` holds it to :data:`XAPI_CAP`)."""
    folder = ROOT / "generator" / "assets"
    return sum(gzip_bytes(shipped(name, (folder / name).read_bytes(), minify=True)) for name in XAPI_CLIENT)


@dataclass(frozen=True)
class PageWeights:
    """What issue 32's page-weight goals are judged on."""

    example: list[Weight]
    """The example course (this repository's ``course/``)."""
    synthetic: list[Weight]
    """The synthetic course of :attr:`lectures` lectures."""
    lectures: int
    xapi: int
    """:func:`xapi_client_gzip`."""


def page_weights(out: Path, lectures: int = GOAL_LECTURES) -> PageWeights:
    """The example course's weights, and a synthetic course's, written anew in ``out``; the xAPI client's."""
    shutil.rmtree(out, ignore_errors=True)  # the synthetic course of a run before is written anew
    return PageWeights(course_weights(ROOT), course_weights(write_course(out, lectures)), lectures, xapi_client_gzip())


def table(name: str, rows: list[Weight]) -> str:
    lines = [f"{name}", f"{'page':<11}{'example':<40}{'files':>6}{'gzip KiB':>10}{'cap KiB':>9}  met"]
    for w in rows:
        cap = "" if w.cap is None else f"{w.cap / 1024:.1f}"
        met = "" if w.met is None else ("yes" if w.met else "NO")
        lines.append(f"{w.kind:<11}{w.page:<40}{w.files:>6}{w.gzip / 1024:>10.1f}{cap:>9}  {met}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lectures", type=int, default=GOAL_LECTURES, help="Lectures of the synthetic course.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "weight")
    args = parser.parse_args()
    found = page_weights(args.out, args.lectures)
    print(table("example course", found.example))
    print()
    print(table(f"synthetic course, {args.lectures} lectures", found.synthetic))
    print(f"\nwith an LRS, the xAPI client adds {found.xapi / 1024:.1f} KiB gzip (cap {XAPI_CAP / 1024:.0f} KiB): "
          f"{'met' if found.xapi <= XAPI_CAP else 'NOT MET'}")


if __name__ == "__main__":
    main()
