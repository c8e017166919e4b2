"""One date format per language: the page's deadline (render/dates.py) and the receipt's time (cg-handin.js)
read the same instant alike, from the same catalogue texts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from coursegen.render.dates import people_date
from coursegen.render.strings import LANGUAGES, strings

ASSETS = Path(__file__).resolve().parents[2] / "generator" / "assets"
ZONE = "Asia/Shanghai"
RUNNER = """
const fs = require("fs");
function part(file, start, end) {  // one function of a widget's script, by the text around it
  const src = fs.readFileSync(file, "utf8"), from = src.indexOf(start), to = src.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(file + ": no " + start + " … " + end);
  return src.slice(from, to);
}
const [core, handin] = process.argv.slice(1);
const { strings, instants } = JSON.parse(fs.readFileSync(0, "utf8"));
const t = new Function("config", part(core, "  function t(key", "  function run(") + "; return t;")({ strings });
const moment = new Function("cg", part(handin, "  function moment(", "  function refresh(") + "; return moment;")({ t: t });
console.log(JSON.stringify(instants.map(function (at) { return moment(at); })));
"""

INSTANTS = [datetime(2026, 3, 9, 0, 0, tzinfo=ZoneInfo(ZONE)) + timedelta(days=n, hours=n * 3 + 1, minutes=n * 7) for n in range(7)]
"""Monday to Sunday (the weekday names' order), hours and minutes with and without a leading zero."""


@pytest.mark.node
@pytest.mark.parametrize("language", LANGUAGES)
def test_python_and_the_browser_write_a_deadline_alike(language: str) -> None:
    node = shutil.which("node")
    assert node is not None
    out = subprocess.run(
        [node, "-e", RUNNER, str(ASSETS / "cg-core.js"), str(ASSETS / "cg-handin.js")],
        input=json.dumps({"strings": dict(strings(language, "widgets")), "instants": [i.isoformat() for i in INSTANTS]}),
        capture_output=True, text=True, check=True, timeout=60, env={**os.environ, "TZ": ZONE},
    )
    expected = [people_date(i, strings(language, "pages"), "deadline_format") for i in INSTANTS]
    assert json.loads(out.stdout) == expected
    assert len(set(expected)) == 7, "each instant its own text: every weekday, hour and minute shows"


def test_a_date_has_no_time_and_a_deadline_keeps_its_zone() -> None:
    """A date is filled with the same placeholders as a deadline, ``{time}`` empty; a deadline keeps the zone it was written in."""
    t = {"weekdays": "Mo Tu We Th Fr Sa Su", "date_format": "{weekday} {year}/{month}/{day}{time}", "deadline_format": "{weekday} {time}"}
    assert people_date(date(2026, 3, 15), t) == "Su 2026/3/15"
    assert people_date(datetime(2026, 3, 15, 23, 30, tzinfo=ZoneInfo("Europe/Paris")), t, "deadline_format") == "Su 23:30"
