"""Build the outline tree from classified lines, with a state for where in the document we are.

The document's order gives the meaning: lines after 课程背景 are background until the next heading;
inside a lecture, numbering styles nest in the order the lecture first uses them (一、 then 1. then
1) in one outline, (一) then 1. in another), the way a reader infers levels from indentation.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..messages import say
from .agenda import BREAK_TITLE, TimeRange, asks_questions
from .metadata import find_year, instructor_field, parse_duration, split_items, split_list, split_roles, strip_marker, title_block
from .patterns import split_run_together, written_minutes
from .reader import SourceLine
from .report import Report
from .roles import role_line, roles_in_title
from .styles import apply_heading_styles
from .tokens import Token, bare, split_name, tidy, tokenize
from .tree import Activity, InstructorNode, LectureNode, Node, Outline

_INSTRUCTOR_SIGNS = re.compile(r"曾任|现任|擅长|讲师|导师|顾问|专家|培训师|经验|认证|资深|从业")
_LOOKAHEAD = 6
"""How many following lines may confirm that a 某某老师 line inside a lecture starts the instructor block."""
_STRUCTURE = {"key", "lecture", "session", "closing", "boilerplate", "group", "agenda"}
"""Kinds that end whatever came before: an activity's description, a metadata section's text."""


def parse(lines: list[SourceLine], header: str | None, report: Report) -> Outline:
    """The outline found in ``lines`` (already cleaned of noise); unplaced text goes to ``report``."""
    tokens = apply_heading_styles([t for line in lines for t in tokenize(line)])
    parser = _Parser(tokens, {l.number: l.text for l in lines}, report)
    parser.run()
    return parser.finish(header)


class _Parser:
    def __init__(self, tokens: list[Token], texts: dict[int, str], report: Report) -> None:
        self.tokens = tokens
        self.texts = texts
        self.report = report
        self.outline = Outline()
        self.state = "preamble"
        self.preamble: list[Token] = []
        self.lecture: LectureNode | None = None
        self.families: list[str] = []
        self.open: list[Node] = []
        self.awaiting: Node | LectureNode | None = None
        self.activity: Activity | None = None
        self.lecture_family: str | None = None
        self.has_headings = any(
            t.kind == "session" or (t.kind == "lecture" and (t.lecture is None or t.lecture.regular)) for t in tokens
        )
        self.last_heading = max((i for i, t in enumerate(tokens) if t.kind in ("lecture", "session")), default=-1)
        self.outline.timed = any(t.times for t in tokens)
        self.counters: dict[str, int] = {}
        self.instructor_key: str | None = None
        self.used_lines: set[int] = set()
        self.listing_roles = False
        """Under a drill's 角色： heading: the lines that follow name one role each."""

    def run(self) -> None:
        for i, token in enumerate(self.tokens):
            if token.kind == "boilerplate" and self.outline.lectures:
                for line in sorted({t.number for t in self.tokens[i:]}):
                    self.report.skip(line, self.texts[line], say("import.boilerplate"))
                return
            self.handle(self._confirmed(i, token))

    def _confirmed(self, i: int, token: Token) -> Token:
        """Irregular forms become plain text unless what follows bears them out."""
        following = self.tokens[i + 1 : i + 1 + _LOOKAHEAD]
        if token.kind == "lecture" and token.lecture and not token.lecture.regular:
            nxt = following[0] if following else None
            if not (nxt and nxt.kind == "item" and nxt.marker and nxt.marker.number == 1):
                return Token("text", token.number, token.text, title=tidy(token.text))
        if token.kind == "lecture" and following and following[0].kind == "lecture" and following[0].lecture and token.lecture:
            if following[0].lecture.unit != token.lecture.unit:
                return Token("group", token.number, token.text, title=token.title)
        if token.kind == "name" and self.state == "outline" and self.lecture is not None:
            if not any(_INSTRUCTOR_SIGNS.search(t.text) for t in following):
                return Token("text", token.number, token.text, title=tidy(token.text))
        if token.kind == "closing" and not self.outline.lectures:
            return Token("text", token.number, token.text, title=token.title)
        if token.kind == "closing" and i < self.last_heading:
            if token.times or asks_questions(token.text):  # 16:00-16:30 答疑 at the end of day one
                return Token("agenda", token.number, token.text, title=token.title, field="summary")
            return Token("text", token.number, token.text, title=token.title, field="summary")  # a lecture's own 小结
        return token

    def handle(self, token: Token) -> None:
        if self._drill_roles(token):
            return
        if token.kind in _STRUCTURE or token.kind in ("item", "name") or token.field == "summary":
            self.activity = None  # what follows an activity describes it only while it is plain text
        if token.kind in _STRUCTURE:
            self.instructor_key = None
        if self.state == "meta:background" and token.kind not in _STRUCTURE:
            if token.number not in self.used_lines:
                self.outline.background.append(self.texts[token.number])
            self.used_lines.add(token.number)
            return
        getattr(self, f"_on_{token.kind}")(token)

    # -- headings --------------------------------------------------------------------------------

    def _on_key(self, token: Token) -> None:
        self.state = f"meta:{token.field}"
        self.lecture = None
        if token.field == "unmapped":
            self.report.unplace(token.number, token.text, say("import.no_field", keyword=token.keyword))
        elif token.field == "outline":
            self.state = "outline"
            for inner in tokenize(SourceLine(token.number, token.title)) if token.title else []:
                self.handle(inner)
        elif token.field == "instructor":
            self.state = "instructor"
            self.outline.instructor = self.outline.instructor or InstructorNode(token.number)
            if token.title:
                self._instructor_name(token.title)
        elif token.title:
            self._meta_value(token, token.title, inline=True)

    def _on_lecture(self, token: Token) -> None:
        self.state = "outline"
        self._start_lecture(token.title, token.number, token.lecture)
        self._take_times(token)

    def _on_session(self, token: Token) -> None:
        self._on_lecture(token)

    def _take_times(self, token: Token) -> None:
        """A timetable row's length becomes its lecture's minutes; the first row's start, the day's start."""
        if token.times is None or self.lecture is None:
            return
        if token.times.minutes <= 0:
            self.report.note(token.number, token.text, say("import.times_reversed", times=token.times))
            return
        self.lecture.minutes = token.times.minutes
        if self.outline.day_start is None:
            self.outline.day_start = TimeRange.hhmm(token.times.start)

    def _on_agenda(self, token: Token) -> None:
        """Lunch and breaks with their times become the agenda's rows (every day has them, as the site's agenda
        repeats them daily); sign-in, half-day headings and mid-course summaries are schedule, not content."""
        times, field = token.times, token.field
        span = (TimeRange.hhmm(times.start), TimeRange.hhmm(times.end)) if times and times.minutes > 0 else None
        if field == "meal" and span and self.outline.lunch is None:
            self.outline.lunch = span
            self.report.note(token.number, token.text, say("import.lunch_row", times=times))
        elif field == "break" and span:
            if span not in [b[:2] for b in self.outline.breaks]:
                self.outline.breaks.append((*span, written_minutes(token.title)[0].strip() or BREAK_TITLE))
            self.report.note(token.number, token.text, say("import.break_row", times=times))
        elif field == "meal" and span:
            self.report.skip(token.number, token.text, say("import.meal_again"))
        elif field in ("meal", "break"):
            self.report.skip(token.number, token.text, say("import.break_untimed"), say("import.break_untimed_hint"))
        else:
            reasons = {"arrival": say("import.arrival_row"), "half-day": say("import.half_day_row"), "summary": say("import.summary_row")}
            self.report.skip(token.number, token.text, reasons[field])

    def _start_lecture(self, title: str, line: int, heading: object) -> None:
        self.lecture = LectureNode(title, line, heading, day=self.outline.day_headings)  # type: ignore[arg-type]
        self.outline.lectures.append(self.lecture)
        self.families, self.open = [], []
        self.awaiting = None if title else self.lecture

    def _on_group(self, token: Token) -> None:
        if token.field == "day":
            self.outline.day_headings += 1
            self.report.note(token.number, token.text, say("import.day_heading", n=self.outline.day_headings))
            return
        self.report.unplace(token.number, token.text, say("import.group_heading"))

    def _on_closing(self, token: Token) -> None:
        self.state, self.lecture = "closing", None
        if self.outline.closing_title is None:
            self.outline.closing_title = token.title
            if token.times and token.times.minutes > 0:
                self.outline.closing_minutes = token.times.minutes
        else:
            self.outline.closing_body.append(token.text)

    def _on_name(self, token: Token) -> None:
        instructor = self.outline.instructor
        if self.state == "instructor" and instructor and instructor.name:
            self._on_text(token)
            return
        self.state, self.lecture = "instructor", None
        self.outline.instructor = instructor or InstructorNode(token.number)
        self.outline.instructor.name = token.field
        self.outline.instructor.title = token.title or None

    def _on_boilerplate(self, token: Token) -> None:
        self._on_text(Token("text", token.number, token.text, title=token.text))

    # -- content ---------------------------------------------------------------------------------

    def _on_activity(self, token: Token) -> None:
        if token.times is not None:  # 13:30-15:00 情景演练：… is a row of the agenda: a lecture of its own
            self._on_session(replace(token, title=f"{token.keyword}：{token.title}" if token.title else token.keyword))
            self.report.note(token.number, token.text, say("import.timed_activity"))
        if self.state in ("preamble", "between", "instructor") or self.state.startswith("meta:"):
            self._on_text(Token("text", token.number, token.text, title=tidy(token.text)))
            return
        host = self.outline.lectures[-1] if self.outline.lectures else None
        if host is None:
            self.report.unplace(token.number, token.text, say("import.activity_first"))
            return
        pieces = split_run_together(token.title)
        for title in [strip_marker(p) for p in pieces] if len(pieces) > 1 else [token.title]:
            n = self.counters[token.field] = self.counters.get(token.field, 0) + 1
            activity = Activity(token.field, token.keyword, title, token.number, token.text, id=f"{token.field}-{n}")
            if activity.kind == "drill":
                activity.title, activity.roles = roles_in_title(title)
            (self.open[0].activities if self.lecture is host and self.open else host.activities).append(activity)
            self.activity = activity

    def _drill_roles(self, token: Token) -> bool:
        """A line under a drill that names its roles (角色：客户、柜员) becomes the drill's roles, not its scenario."""
        drill = self.activity
        found = None
        if drill is not None and drill.kind == "drill" and token.kind in ("text", "item"):
            outline_level = token.marker is not None and token.marker.family in self.families  # 二、 after the roles
            found = role_line(token.title, listing=self.listing_roles and not outline_level)
        self.listing_roles = found is not None and (found == [] or self.listing_roles)
        if drill is None or found is None:
            return False
        drill.roles.extend(found)
        self.report.note(token.number, token.text, say("import.drill_roles", id=drill.id))
        return True

    def _on_item(self, token: Token) -> None:
        assert token.marker is not None
        if self.state == "outline" or (self.state in ("preamble", "between") and not self.has_headings):
            self._outline_item(token)
        elif self.state in ("meta:benefits", "meta:audience") and token.title:
            getattr(self.outline, self.state.removeprefix("meta:")).append(token.title)
        elif self.state == "instructor":
            self._instructor_line(token.number, token.title)
        elif self.state == "closing":
            self.outline.closing_body.append(token.text)
        else:
            self._on_text(token)

    def _outline_item(self, token: Token) -> None:
        family = token.marker.family  # type: ignore[union-attr]
        self.state = "outline"
        if not self.has_headings and (self.lecture_family is None or family == self.lecture_family):
            self.lecture_family = family
            self._start_lecture(token.title, token.number, None)
            return
        if self.lecture is None:
            self.report.unplace(token.number, token.text, say("import.item_first"))
            return
        if family in self.families:
            depth = self.families.index(family)
            del self.families[depth + 1 :]
        else:
            depth = len(self.families)
            self.families.append(family)
        node = Node(token.title, token.number)
        if depth == 0:
            self.lecture.sections.append(node)
        elif depth < 3:
            self.open[depth - 1].children.append(node)
        else:  # deeper than sub-points: kept, as a line of the sub-point's explanation
            self.open[2].body.append(token.text)
            return
        del self.open[depth:]
        self.open.append(node)
        self.awaiting = None if token.title else node

    def _on_text(self, token: Token) -> None:
        state = self.state
        if self.awaiting is not None and state == "outline":
            self.awaiting.title, self.awaiting = token.title, None
        elif self.activity is not None:
            self.activity.details.append(token.text)
            self.report.note(token.number, token.text, say("import.details", id=self.activity.id), say("import.details_hint"))
        elif state == "outline" and self.lecture is not None:
            (self.open[-1].body if self.open else self.lecture.summary).append(token.text)
        elif state == "preamble":
            self.preamble.append(token)
        elif state.startswith("meta:") and state != "meta:unmapped":
            self._meta_value(token, token.text, inline=False)
        elif state == "instructor":
            self._instructor_line(token.number, token.text)
        elif state == "closing":
            self.outline.closing_body.append(token.text)
        elif state == "meta:unmapped":
            self.report.unplace(token.number, token.text, say("import.under_no_field"))
        else:
            where = say("import.before_lectures") if state == "outline" else say("import.outside_outline")
            self.report.unplace(token.number, token.text, where)

    def _meta_value(self, token: Token, value: str, *, inline: bool) -> None:
        field = self.state.removeprefix("meta:")
        outline = self.outline
        if field == "background":
            outline.background.append(value)
        elif field == "benefits":
            outline.benefits.extend(split_items(value))
        elif field == "audience":
            outline.audience.extend(split_list(value))
        elif field == "duration" and outline.days is None and (parsed := parse_duration(value)):
            outline.days, outline.hours_per_day, assumed = parsed
            if assumed:
                self.report.note(token.number, value, say("import.hours_assumed", hours=f"{outline.hours_per_day:g}"))
        elif field == "title" and not outline.title:
            outline.title = tidy(value)
        else:
            unread = field == "duration" and outline.days is None
            label = "课程时间" if field == "duration" else "课程标题"
            if unread:
                self.report.unplace(token.number, token.text, say("import.duration_unread"), say("import.duration_unread_hint"))
            else:
                self.report.unplace(token.number, token.text, say("import.already_found", label=label))
            return
        if inline and field in ("audience", "duration", "title"):
            self.state = "between"  # a one-line value: what follows is not part of it

    # -- instructor ------------------------------------------------------------------------------

    def _instructor_name(self, text: str) -> None:
        instructor = self.outline.instructor
        assert instructor is not None
        instructor.name, instructor.title = split_name(text)

    def _instructor_line(self, number: int, text: str) -> None:
        instructor = self.outline.instructor
        assert instructor is not None
        if not instructor.name:
            self._instructor_name(text)
            return
        found = instructor_field(text)
        if found:
            self.instructor_key, text = found
        if not bare(text):
            return  # a heading (擅长领域：) or punctuation alone: what follows fills it
        if self.instructor_key == "former_roles":
            instructor.former_roles.extend(split_roles(text))
        elif self.instructor_key == "expertise":
            instructor.expertise.extend(item for item in map(bare, split_list(text)) if item)
        else:
            instructor.highlights.append(bare(text))

    # -- end -------------------------------------------------------------------------------------

    def finish(self, header: str | None) -> Outline:
        outline = self.outline
        title, subtitle, used = title_block([t.text for t in self.preamble[:2]])
        if not title and header:
            title, subtitle, _ = title_block([header])
        outline.title = outline.title or title
        outline.subtitle = outline.subtitle or subtitle
        outline.year = find_year([header or "", *(t.text for t in self.preamble[:used])])
        for token in self.preamble[used:]:
            self.report.unplace(token.number, token.text, say("import.before_metadata"))
        return outline
