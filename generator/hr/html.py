"""The report as one self-contained HTML page: inline CSS, an inline SVG chart, no script, no outside asset.

Every string from a file is escaped by Jinja2's autoescape; on top of that the page's Content
Security Policy forbids any script, so even a mistake in escaping could not run code in HR's browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from ..messages import say
from ..templating import new_environment
from .buckets import Bucket
from .cells import visible
from .items import DISCRIMINATION_MIN, QuestionStats
from .report import Report, Tally, file_time, kind_label, late_label, status_label, when_label
from .timing import EARLIER_LIMIT, LATER_TOLERANCE, span

CHART_LABEL_WIDTH = 180
CHART_BAR_WIDTH = 460
CHART_ROW_HEIGHT = 28
CHART_LABEL_CHARS = 12


@dataclass(frozen=True)
class Bar:
    """One department's bar: widths in pixels of the on-time, late and not handed in (missing, or only a rejected file) parts."""

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
        bars.append(Bar(tally.label, _short(tally.label), 24 + i * CHART_ROW_HEIGHT, tally.on_time * scale, tally.late * scale, (tally.missing + tally.problem) * scale, tally))
    width = CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 70
    return Chart(width, 24 + len(bars) * CHART_ROW_HEIGHT + 8, CHART_LABEL_WIDTH, CHART_BAR_WIDTH, CHART_ROW_HEIGHT, bars)


def _short(label: str, chars: int = CHART_LABEL_CHARS) -> str:
    """A bar's label cut to ``chars`` characters, what fits left of the bars; the full one is in the bar's tooltip."""
    return label if len(label) <= chars else label[: chars - 1] + "…"


def _short_name(question: QuestionStats) -> str:
    """A question's bar label: its name, the bank's title cut if need be but never the number, which tells the bars apart."""
    over = len(question.name) - CHART_LABEL_CHARS
    if over <= 0:
        return question.name
    return say("hr.items_rule.question", bank=_short(question.bank_title, max(2, len(question.bank_title) - over)), n=question.number)


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
        bars.append(RateBar(q, _short_name(q), 24 + i * CHART_ROW_HEIGHT, q.rate * CHART_BAR_WIDTH))
    width = CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 70
    return Chart(width, 24 + len(bars) * CHART_ROW_HEIGHT + 8, CHART_LABEL_WIDTH, CHART_BAR_WIDTH, CHART_ROW_HEIGHT, []), bars


@cache
def environment() -> Environment:
    """Autoescape on for every template: this environment only ever renders HTML full of untrusted text."""
    env = new_environment(autoescape=True)
    env.filters["pct"] = lambda value: f"{value:.1%}"
    env.filters["num"] = lambda value, digits=2: "" if value is None else f"{value:.{digits}f}"
    env.filters["when"] = when_label
    env.filters["late"] = late_label
    env.filters["t"] = text
    env.filters["label"] = label
    env.filters["say"] = said
    env.filters["s"] = survey_text
    env.filters["status"] = status_label
    env.filters["kind"] = kind_label
    return env


@pass_context  # a filter given a constant would otherwise be run once, when the template is compiled, in that run's language
def text(_context: Context, key: str, **args: object) -> Markup:
    """The page's fixed text ``hr.page.<key>`` in this run's language (``{{ "title" | t }}``, ``{{ "chase_count" | t(n=3) }}``).

    Its arguments come from files, so each is escaped before it is put in; the catalogue's own text is ours and holds
    no markup, so the result is markup as it stands, and an argument already marked safe (a ``<code>``) stays markup.
    """
    return Markup(say(f"hr.page.{key}", **_escaped(args)))  # noqa: S704 - our text (no markup: test_languages.py), arguments escaped


@pass_context  # as text: said at each rendering
def label(_context: Context, key: str, **args: object) -> Markup:
    """A column header ``hr.label.<key>``, shared with the workbook (``{{ "department" | label }}``)."""
    return Markup(say(f"hr.label.{key}", **_escaped(args)))  # noqa: S704 - as in text


@pass_context  # as text: said at each rendering
def said(_context: Context, key: str, **args: object) -> Markup:
    """Any catalogue text by its full key (``{{ "hr.reminder.mobile" | say }}``): those a page shares with the other outputs."""
    return Markup(say(key, **_escaped(args)))  # noqa: S704 - as in text


@pass_context  # as text: said at each rendering
def survey_text(_context: Context, key: str, **args: object) -> Markup:
    """The survey section's text ``hr.survey.<key>`` (``{{ "answered" | s(answered=3, responses=5) }}``), as :func:`text`."""
    return Markup(say(f"hr.survey.{key}", **_escaped(args)))  # noqa: S704 - as in text


def _escaped(args: dict[str, object]) -> dict[str, Markup]:
    return {name: escape(value) for name, value in args.items()}


def render_html(report: Report) -> str:
    """The page. Escaping leaves control characters and lone surrogates alone, so the page as a whole passes
    through :func:`cells.visible` (the template has none of its own): none reaches the HTML raw."""
    return visible(environment().get_template("hr/report.html.j2").render(
        report=report,
        chart=completion_chart(report.departments),
        rates=rate_chart(report.items.ranked),
        discrimination_min=DISCRIMINATION_MIN,
        rule=say("hr.items_rule.rule", min=report.items.min_answers),
        too_few=say("hr.items_rule.too_few", min=report.items.min_answers),
        Bucket=Bucket,
        reminders=report.reminders,
        contacts=any(t.mobile or t.email for t, _ in report.rows),
        excused=[say("hr.roster_status.excused_entry", name=t.name, status=status_label(status)) for t, status in report.excused],
        flagged=[c for c in report.cells if c.warning],
        problems=[c for c in report.cells if c.status == "problem"],
        renamed=[c for c in report.cells if c.declared_name],
        graded=[c for c in report.cells if c.grade],
        needs_review=say("hr.grading.needs_review"),
        file_time=lambda entry: file_time(entry, report.zone),
        later_tolerance=span(LATER_TOLERANCE),
        earlier_limit=span(EARLIER_LIMIT),
    ))
