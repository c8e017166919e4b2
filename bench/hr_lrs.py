"""Benchmark `coursegen homework report --lrs`: 10,000 submit statements read from a Ralph LRS into the report.

The statements carry the same kind of submissions as `bench/hr_report.py`'s files (2,000 trainees, three forms, resent
versions, seven in ten with the basics quiz's per-question results). They are POSTed to a real Ralph
(file-system backend, `.venv-lrs`, as the tests use it) in batches, then the report runs as its own process, exactly
as HR runs it, reading them page by page through the xAPI API; its wall time (which includes Ralph's time answering)
and the peak PSS of the report's own process tree (Ralph's memory is not in it) are printed.

    python bench/hr_lrs.py [--trainees 2000] [--statements 10000] [--page 500]

``--page``: statements per request (Ralph's ``RUNSERVER_MAX_SEARCH_HITS_COUNT`` is raised to it; its default is 100).
Ralph 5.1's file-system backend takes one write only, so the statements go in one POST (see :func:`load`); it matches
no statement on the ``verb`` and ``activity`` filters, so the report reads every statement and sorts them itself (see
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
    persons = synthetic.people(trainees)
    made = []
    for _ in range(count):
        person, form = rng.choice(persons), rng.choice(list(synthetic.FORMS))
        right = {qid: rng.random() < 0.7 for qid in synthetic.BASICS_QUESTIONS}
        quiz = synthetic.basics_score({qid: (ok, ok) for qid, ok in right.items()}, best=25 * sum(right.values()), passed=all(right.values()))
        made.append(synthetic.submission(person, form, updated_at=now - timedelta(minutes=rng.randrange(7 * 24 * 60)),
                                         quiz_scores=quiz if rng.random() < 0.7 else None))
    return made


def load(lrs: RalphLrs, submissions: list[dict[str, Any]]) -> float:
    """POST every submission's statement; the seconds it took.

    In one request: Ralph 5.1's file-system backend creates its statements file on the first write and refuses every
    later one (HTTP 500, "already exists and overwrite is not allowed"), so it cannot be loaded in batches."""
    setting = lrs_setting(lrs.endpoint)
    body = json.dumps([submit_statement(s, setting) for s in submissions]).encode()
    request = urllib.request.Request(lrs.endpoint + "statements", data=body, method="POST", headers={  # noqa: S310 - Ralph on 127.0.0.1
        "Authorization": lrs.authorization, "X-Experience-API-Version": XAPI_VERSION, "Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=600) as response:  # noqa: S310 - the local Ralph just started; RalphLrs.post waits 10 s only
        response.read()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=2000)
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--page", type=int, default=500, help="Statements per request (and Ralph's cap).")
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
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)  # noqa: S603 - our own command
        memory = TreeMemory(process.pid)
        stdout, stderr, returncode, usage = finish(process)
        elapsed, peak_mb = time.perf_counter() - started, memory.stop()
        print(stdout.strip())
        if returncode != 0:
            print(stderr, file=sys.stderr)
            return returncode
        print(f"load average before: {load_before:.1f}, after: {os.getloadavg()[0]:.1f} (on {os.cpu_count()} cores)")
        print(f"report time: {elapsed:.2f} s wall (Ralph answering included), {usage.ru_utime + usage.ru_stime:.2f} s CPU in the report's processes, "
              f"{args.page} statements a request")
        print(f"peak memory: {peak_mb:.0f} MB PSS over the report's process tree (Ralph not included)")
        print(f"the folder report's budget, for comparison: {TIME_BUDGET_S:.0f} s wall, {MEMORY_BUDGET_MB:.0f} MB")
        return 0
    finally:
        lrs.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
