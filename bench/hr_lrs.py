"""Benchmark `coursegen homework report --lrs`: 10,000 submit statements read from a Ralph LRS into the report.

The statements carry the same kind of submissions as `bench/hr_report.py`'s files (2,000 trainees, three forms, resent
versions, seven in ten with the basics quiz's per-question results). They are POSTed to a real Ralph
(file-system backend, `.venv-lrs`, as the tests use it) in batches, then the report runs as its own process, exactly
as HR runs it, reading them page by page through the xAPI API; its wall time (which includes Ralph's time answering)
and the peak PSS of the report's own process tree (Ralph's memory is not in it) are printed.
Its results, copied into ``bench/hr_lrs_results.md``, are kept on the guide's benchmark page when ``build_bench.py`` rewrites it.

    python bench/hr_lrs.py [--trainees 2000] [--statements 10000] [--page 500]

``--page``: Ralph's ``RUNSERVER_MAX_SEARCH_HITS_COUNT``, the most statements it returns a request (its default is 100;
the report asks for 500). Ralph's own CPU time while it answers the report is printed apart. Ralph 5.1's file-system
backend matches no statement on the ``verb`` and ``activity`` filters, so the report reads every statement and sorts them itself (see
generator/hr/lrs.py); its reads also start again at the top of its file for each page, so the page size matters there.
A database backend answers the filtered query from its indexes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.hr_report import MEMORY_BUDGET_MB, TIME_BUDGET_S, TreeMemory, finish  # noqa: E402
from tests.hr import synthetic  # noqa: E402
from tests.hr.statements import lrs_setting, lrs_yaml, submit_statement  # noqa: E402
from tests.lrs import PASSWORD, USER, XAPI_VERSION, RalphLrs, missing_lrs  # noqa: E402

def hand_ins(trainees: int, count: int, now: datetime, seed: int = 7) -> list[dict[str, Any]]:
    """``count`` submissions from ``trainees`` trainees, made in the week before ``now``; a trainee may hand a form in twice."""
    rng = random.Random(seed)  # noqa: S311 - a repeatable class, not a secret
    persons, digest = synthetic.people(trainees), synthetic.basics_hash()
    made = []
    for _ in range(count):
        person, form = rng.choice(persons), rng.choice(list(synthetic.FORMS))
        right = {qid: rng.random() < 0.7 for qid in synthetic.BASICS_QUESTIONS}
        quiz = synthetic.basics_score({qid: (ok, ok) for qid, ok in right.items()}, best=25 * sum(right.values()), passed=all(right.values()),
                                     hash_=digest)
        made.append(synthetic.submission(person, form, updated_at=now - timedelta(minutes=rng.randrange(7 * 24 * 60)),
                                         quiz_scores=quiz if rng.random() < 0.7 else None))
    return made


def load(lrs: RalphLrs, submissions: list[dict[str, Any]]) -> float:
    """POST every submission's statement, in one request (loading is not what is measured); the seconds it took."""
    setting = lrs_setting(lrs.endpoint)
    body = json.dumps([submit_statement(s, setting) for s in submissions]).encode()
    request = urllib.request.Request(lrs.endpoint + "statements", data=body, method="POST", headers={  # noqa: S310 - Ralph on 127.0.0.1
        "Authorization": lrs.authorization, "X-Experience-API-Version": XAPI_VERSION, "Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=600) as response:  # noqa: S310 - the local Ralph just started; RalphLrs.post waits 10 s only
        response.read()
    return time.perf_counter() - started


def cpu_seconds(lrs: RalphLrs) -> float:
    """The CPU time Ralph's server process has used so far (user + system, from /proc)."""
    assert lrs._process is not None  # the harness keeps its process to itself; only its id is read here
    fields = Path(f"/proc/{lrs._process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=2000)
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--page", type=int, default=500, help="The most statements Ralph returns a request.")
    args = parser.parse_args()
    if (why := missing_lrs()) is not None:
        print(why, file=sys.stderr)
        return 2
    root = Path(tempfile.mkdtemp(prefix="hr-lrs-bench-"))
    lrs = RalphLrs(root / "lrs")
    lrs.env["RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT"] = str(args.page)
    lrs.start()
    try:
        course, quizzes = synthetic.write_course(root)
        (course / "course.yml").write_text((course / "course.yml").read_text(encoding="utf-8") + lrs_yaml(lrs.endpoint), encoding="utf-8")
        synthetic.write_roster(root / "roster.csv", synthetic.people(args.trainees))
        seconds = load(lrs, hand_ins(args.trainees, args.statements, datetime.now(UTC)))
        print(f"stored {args.statements} statements for {args.trainees} trainees in Ralph (fs backend) in {seconds:.1f} s")
        command = [sys.executable, "-c", "from coursegen.cli import main; main()", "homework", "report", "--lrs", lrs.endpoint,
                   "--roster", str(root / "roster.csv"), "-o", str(root / "out"), "--course", str(course), "--quizzes", str(quizzes)]
        env = {**os.environ, "COURSEGEN_LRS_AUTH": f"{USER}:{PASSWORD}"}
        load_before, ralph_before = os.getloadavg()[0], cpu_seconds(lrs)
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)  # noqa: S603 - our own command
        memory = TreeMemory(process.pid)
        stdout, stderr, returncode, usage = finish(process)
        elapsed, peak_mb, ralph_cpu = time.perf_counter() - started, memory.stop(), cpu_seconds(lrs) - ralph_before
        print(stdout.strip())
        if returncode != 0:
            print(stderr, file=sys.stderr)
            return returncode
        print(f"load average before: {load_before:.1f}, after: {os.getloadavg()[0]:.1f} (on {os.cpu_count()} cores)")
        print(f"report time: {elapsed:.2f} s wall (Ralph answering included), {usage.ru_utime + usage.ru_stime:.2f} s CPU in the report's processes, "
              f"Ralph (at most {args.page} statements a request) {ralph_cpu:.2f} s CPU answering")
        print(f"peak memory: {peak_mb:.0f} MB PSS over the report's process tree (Ralph not included)")
        print(f"the folder report's budget, for comparison: {TIME_BUDGET_S:.0f} s wall, {MEMORY_BUDGET_MB:.0f} MB")
        return 0
    finally:
        lrs.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
