"""The report as one self-contained HTML page: inline CSS, an inline SVG chart, no script, no outside asset.

Every string from a file is escaped by Jinja2's autoescape; on top of that the page's Content
Security Policy forbids any script, so even a mistake in escaping could not run code in HR's browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jinja2 import Environment

from ..templating import new_environment
from .buckets import Bucket
from .cells import visible
from .items import DISCRIMINATION_MIN, QuestionStats
from .report import KIND_LABELS, STATUS_LABELS, Report, Tally, file_time, late_label
from .timing import EARLIER_LIMIT, LATER_TOLERANCE, span

CHART_LABEL_WIDTH = 180
CHART_BAR_WIDTH = 460
CHART_ROW_HEIGHT = 28
CHART_LABEL_CHARS = 12


@dataclass(frozen=True)
class Bar:
    """One department's bar: widths in pixels of the on-time, late and missing parts."""

    label: str
    short: str
    y: int
    on_time: float
    late: float
    missing: float
    tally: Tally


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bar_x: int
    bar_width: int
    row_height: int
    bars: list[Bar]


def completion_chart(tallies: list[Tally]) -> Chart:
    """A horizontal stacked bar per department: on time, late, missing, as shares of what was due."""
    bars = []
    for i, tally in enumerate(tallies):
        scale = CHART_BAR_WIDTH / tally.expected if tally.expected else 0
        bars.append(Bar(tally.label, _short(tally.label), 24 + i * CHART_ROW_HEIGHT, tally.on_time * scale, tally.late * scale, tally.missing * scale, tally))
    width = CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 70
    return Chart(width, 24 + len(bars) * CHART_ROW_HEIGHT + 8, CHART_LABEL_WIDTH, CHART_BAR_WIDTH, CHART_ROW_HEIGHT, bars)


def _short(label: str) -> str:
    """A bar's label cut to what fits left of the bars; the full one is in the bar's tooltip."""
    return label if len(label) <= CHART_LABEL_CHARS else label[: CHART_LABEL_CHARS - 1] + "…"


@dataclass(frozen=True)
class RateBar:
    """One question's bar: its first-try rate as a width in pixels."""

    question: QuestionStats
    short: str
    y: int
    width: float


def rate_chart(questions: list[QuestionStats]) -> tuple[Chart, list[RateBar]]:
    """A horizontal bar per question (in the order given) of the share right at the first try."""
    bars = []
    for i, q in enumerate(questions):
        bars.append(RateBar(q, _short(q.label), 24 + i * CHART_ROW_HEIGHT, q.rate * CHART_BAR_WIDTH))
    width = CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 70
    return Chart(width, 24 + len(bars) * CHART_ROW_HEIGHT + 8, CHART_LABEL_WIDTH, CHART_BAR_WIDTH, CHART_ROW_HEIGHT, []), bars


@cache
def environment() -> Environment:
    """Autoescape on for every template: this environment only ever renders HTML full of untrusted text."""
    env = new_environment(autoescape=True)
    env.filters["pct"] = lambda value: f"{value:.1%}"
    env.filters["num"] = lambda value, digits=2: "" if value is None else f"{value:.{digits}f}"
    env.filters["when"] = lambda value: "" if value is None else f"{value:%Y-%m-%d %H:%M}"
    env.filters["late"] = late_label
    return env


def render_html(report: Report) -> str:
    """The page. Escaping leaves control characters and lone surrogates alone, so the page as a whole passes
    through :func:`cells.visible` (the template has none of its own): none reaches the HTML raw."""
    return visible(environment().get_template("hr/report.html.j2").render(
        report=report,
        chart=completion_chart(report.departments),
        rates=rate_chart(report.items.ranked),
        discrimination_min=DISCRIMINATION_MIN,
        status_labels=STATUS_LABELS,
        kind_labels=KIND_LABELS,
        Bucket=Bucket,
        chasing=[(t, [c for c in cells if c.status == "missing"]) for t, cells in report.rows if any(c.status == "missing" for c in cells)],
        flagged=[c for c in report.cells if c.warning],
        file_time=lambda entry: file_time(entry, report.zone),
        later_tolerance=span(LATER_TOLERANCE),
        earlier_limit=span(EARLIER_LIMIT),
    ))
