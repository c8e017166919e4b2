"""Instruction counts of ``coursegen build`` against the floor's ``mkdocs build``, under callgrind.

    python bench/instructions.py                 # 20 lectures; about 3 minutes
    python bench/instructions.py --lectures 200  # about 15 minutes

Timed runs of a small course move by 10-30 % on a shared two-core machine; callgrind counts the
instructions a process executes, which repeat exactly whatever else the machine does. Both builds run
in the same warmed state: the course and the floor site are written first (``bench/synthetic.py``,
``bench/variants.py``), the generator is compiled to bytecode as an install would, and jieba's
dictionary cache already exists. Needs valgrind (Debian's ``valgrind`` package).
"""

from __future__ import annotations

import argparse
import compileall
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from measure import ENV  # noqa: E402
from synthetic import write_course  # noqa: E402
from variants import FLOOR, write_variants  # noqa: E402

from coursegen.builder import Paths, generate  # noqa: E402


def instructions(command: list[str], cwd: Path, out: Path) -> int:
    """Instructions the command executed, as callgrind counts them (the build's own output is kept in ``out``)."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out.with_suffix('.callgrind')}", *command],
        cwd=cwd, env=ENV, capture_output=True, text=True, check=False,
    )
    out.write_text(done.stdout + done.stderr, encoding="utf-8")
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed; see {out}")
    found = re.search(r"Collected : (\d+)", done.stderr)
    if not found:
        raise SystemExit(f"no instruction count in {out}")
    return int(found.group(1))


def measure(lectures: int, out: Path) -> tuple[int, int]:
    """Instructions of ``coursegen build`` and of the floor's ``mkdocs build`` of a ``lectures``-lecture course, in ``out``.

    Both in the warmed state described above; coursegen's build finds the work folder the generation before it
    left (its cache of the parsed course files, :mod:`coursegen.cache`), as a trainer's second build does."""
    project = out / f"course-{lectures}"
    shutil.rmtree(project, ignore_errors=True)
    write_course(project, lectures)
    compileall.compile_dir(ROOT / "generator", quiet=1)
    generate(Paths(config=project / "mkdocs.yml", course=project / "course", quizzes=project / "quizzes", work=project / ".coursegen"))
    floor_config = write_variants(project)[FLOOR]
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(floor_config)], cwd=project, env=ENV, check=True)
    floor = instructions([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(floor_config)], project, out / "floor.log")
    ours = instructions([sys.executable, "-m", "coursegen", "build"], project, out / "coursegen.log")
    return ours, floor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lectures", type=int, default=20)
    parser.add_argument("--out", type=Path, default=None, help="work folder (default: a temporary one)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    out = args.out or Path(tempfile.mkdtemp(prefix="cg-instructions-"))
    ours, floor = measure(args.lectures, out)
    print(f"{args.lectures} lectures: coursegen build {ours / 1e9:.2f} G, floor mkdocs build {floor / 1e9:.2f} G, "
          f"2/1 = {ours / floor:.3f}  (logs in {out})")


if __name__ == "__main__":
    main()
