"""Benchmark `coursegen homework report`: 10,000 submission files from 2,000 trainees.

Budget on the 2-core reference machine: under 10 s and under 500 MB. The data (a tiny course, a
roster, the files, two departments' files mailed as zip archives, a third of all files inside mail
exports: half one ``.eml`` each, half in one mbox, and ten Outlook ``.msg``) is generated first; the report
then runs as its own process, exactly as HR runs it, so its time and memory are measured alone.

The report uses worker processes, so memory is sampled over the whole process tree as the sum of
PSS (shared pages counted once, split between the processes that share them), read from /proc.
The load average is printed too: on a busy machine wall time says more about the neighbours.

    python bench/hr_report.py [--trainees 2000] [--files 10000] [--mail-share 0.333] [--keep DIR] [--stages] [--grading]

``--grading`` also writes the grading workbook (``--grading``: every homework answer kept and written out); the
budget is the report's without it.

``--stages`` then runs the steps again inside this process and prints each one's wall and CPU time
(this process only: the parsing workers' CPU is not in the intake's figure).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hr import synthetic  # noqa: E402

TIME_BUDGET_S = 10.0
MEMORY_BUDGET_MB = 500.0


class TreeMemory:
    """Samples the summed PSS of a process and its descendants until stopped; keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_kb / 1024

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in _tree(self.pid)))
            self._stop.wait(self.interval)


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, read from each thread's ``children`` list (cheaper than scanning all of /proc,
    so the sampler takes little from the two cores the report runs on)."""
    tree, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        tree.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                frontier += [int(child) for child in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
        except OSError:
            continue
    return tree


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _generate(root: Path, trainees: int, files: int, mail_share: float) -> None:
    """Generate the data in a child process: building thousands of mails makes a process large, and the report,
    started from this process, would be charged for that size (see :func:`finish`)."""
    child = multiprocessing.get_context("fork").Process(target=synthetic.write_demo, args=(root, trainees, files), kwargs={"mail_share": mail_share})
    child.start()
    child.join()
    if child.exitcode != 0:
        raise SystemExit(f"generating the data failed (exit code {child.exitcode})")


def finish(process: subprocess.Popen[str]) -> tuple[str, str, int, resource.struct_rusage]:
    """Wait for the report and take its own resource usage (its workers' included), not this process's other children's.

    ``getrusage(RUSAGE_CHILDREN)`` would also report the size of this process when it forked the report:
    Linux counts a child's memory before ``exec``, and generating the data made this process large.
    """
    errors: list[str] = []
    reader = threading.Thread(target=lambda: errors.append(process.stderr.read() if process.stderr else ""))
    reader.start()
    stdout = process.stdout.read() if process.stdout else ""
    reader.join()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return stdout, errors[0], process.returncode, usage


def stages(root: Path) -> None:
    from datetime import datetime, timezone

    from coursegen.hr import read_roster
    from coursegen.hr.csvfiles import write_csv
    from coursegen.hr.html import render_html
    from coursegen.hr.intake import collect
    from coursegen.hr.report import build_report
    from coursegen.hr.xlsx import write_xlsx
    from coursegen.load import load_project

    out = Path(tempfile.mkdtemp(prefix="hr-stages-"))
    clock = [time.perf_counter(), time.process_time()]

    def lap(name: str) -> None:
        now = [time.perf_counter(), time.process_time()]
        print(f"  {name:<8} {now[0] - clock[0]:6.2f} s wall {now[1] - clock[1]:6.2f} s CPU")
        clock[:] = now

    project, _ = load_project(root / "course", root / "quizzes")
    roster = read_roster(root / "roster.csv")
    lap("course")
    intake = collect([root / "submissions"], project, roster)
    lap("intake")
    report = build_report(project, roster, intake, datetime.now(timezone.utc))
    lap("model")
    write_xlsx(report, out / "r.xlsx")
    lap("xlsx")
    (out / "r.html").write_text(render_html(report), encoding="utf-8")
    lap("html")
    write_csv(report, out / "csv")
    lap("csv")
    shutil.rmtree(out, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=2000)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--mail-share", type=float, default=1 / 3, help="Share of the files that arrive inside mail exports.")
    parser.add_argument("--keep", type=Path, help="Generate into this folder and keep it (default: a temporary folder).")
    parser.add_argument("--stages", action="store_true", help="Also time each step in this process.")
    parser.add_argument("--grading", action="store_true", help="Also write the grading workbook (coursegen homework report --grading).")
    args = parser.parse_args()

    root = args.keep or Path(tempfile.mkdtemp(prefix="hr-bench-"))
    try:
        if not (root / "submissions").is_dir():
            started = time.perf_counter()
            _generate(root, args.trainees, args.files, args.mail_share)
            mails = sum(1 for _ in (root / "submissions").rglob("*.eml"))
            print(f"generated {args.files} files for {args.trainees} trainees ({args.mail_share:.0%} inside mail exports: "
                  f"{mails} .eml, one mbox, ten .msg) in {time.perf_counter() - started:.1f} s")
        command = [sys.executable, "-c", "from coursegen.cli import main; main()", "homework", "report",
                   str(root / "submissions"), "--roster", str(root / "roster.csv"), "-o", str(root / "out"),
                   "--course", str(root / "course"), "--quizzes", str(root / "quizzes")]
        if args.grading:
            (root / "grading.xlsx").unlink(missing_ok=True)  # the command never overwrites a grading workbook it is not given to read
            command += ["--grading", str(root / "grading.xlsx")]
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        memory = TreeMemory(process.pid)
        stdout, stderr, returncode, usage = finish(process)
        elapsed = time.perf_counter() - started
        peak_mb = memory.stop()
        print(stdout.strip())
        if returncode != 0:
            print(stderr, file=sys.stderr)
            return returncode
        print(f"load average before: {load_before:.1f}, after: {os.getloadavg()[0]:.1f} (on {os.cpu_count()} cores)")
        print(f"report time: {elapsed:.2f} s wall, {usage.ru_utime + usage.ru_stime:.2f} s CPU over all its processes (budget {TIME_BUDGET_S:.0f} s wall)")
        print(f"peak memory: {peak_mb:.0f} MB PSS over its process tree; largest single process {usage.ru_maxrss / 1024:.0f} MB RSS (budget {MEMORY_BUDGET_MB:.0f} MB)")
        within = elapsed < TIME_BUDGET_S and peak_mb < MEMORY_BUDGET_MB
        print("within budget" if within else "OVER BUDGET")
        if args.stages:
            print("steps, timed again in this process (the command writes xlsx beside html and csv):")
            stages(root)
        return 0 if within else 1
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
