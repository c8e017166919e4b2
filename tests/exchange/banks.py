"""Banks the exchange tests use, and what each format is documented to keep of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coursegen.exchange import FORMATS, export_bank, import_bank
from coursegen.exchange.report import Report
from coursegen.exchange.yamlbank import load_bank
from coursegen.model.quiz import QuizBank

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
FIXTURE = DATA / "every-type.yml"
EXAMPLES = sorted((ROOT / "quizzes").glob("*.yml"))
SUFFIX = {"xlsx": ".xlsx", "gift": ".gift", "moodle-xml": ".xml"}


def fixture_bank() -> QuizBank:
    return load_bank(FIXTURE)


def normalized(bank: QuizBank) -> dict[str, Any]:
    """The bank as data, outer whitespace of texts ignored (Markdown's trailing newline means nothing)."""
    return _strip(bank.model_dump())


def _strip(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def kept_by(fmt: str, bank: QuizBank) -> dict[str, Any]:
    """``bank`` as the module docstrings say ``fmt`` keeps it: the expected result of a round trip."""
    data = normalized(bank)
    if fmt == "xlsx":
        return data
    data["pass_mark"] = 60 if any(q["type"] != "short" for q in data["questions"]) else 0
    for q in data["questions"]:
        q["facilitator"] = None
    data["questions"] = [q for q in data["questions"] if q["type"] != "hotspot"]  # neither Moodle format has one
    if fmt == "gift":
        for q in data["questions"]:
            q["hint"] = None
        data["intro"], data["shuffle"] = None, False
        data["questions"] = [q for q in data["questions"] if q["type"] not in ("ordering", "cloze", "dragwords")]
        for q in data["questions"]:
            q["points"] = 1
            if q["type"] == "matching":
                q["distractors"] = []
            if q["type"] == "numeric":
                q["unit"] = None
    return data


def round_trip(bank: QuizBank, fmt: str, tmp: Path) -> tuple[QuizBank, Report, Report]:
    """Export ``bank`` to a file and import that file again; returns the bank and both reports."""
    target = tmp / f"bank{SUFFIX[fmt]}"
    data, out_report = export_bank(bank, FORMATS[fmt], target)
    target.write_bytes(data)
    back, in_report = import_bank(target, FORMATS[fmt], bank_id=bank.id, default_id="unused", title=None)
    assert back is not None, in_report.lines()
    return back, out_report, in_report
