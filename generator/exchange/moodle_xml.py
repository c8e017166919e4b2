"""Moodle XML, the question-bank format Moodle exports and imports without loss: export and import.

Mapping (coursegen ⇄ Moodle question type):

- single / multiple ⇄ ``multichoice`` (``<single>``); right options of a multiple-choice question
  share +100 %, wrong ones cost as much, which is coursegen's scoring rule in Moodle's terms;
- true_false ⇄ ``truefalse``; fill ⇄ ``shortanswer`` (case ignored); matching ⇄ ``matching``, its
  distractors ⇄ subquestions with an empty question text (Moodle's own way to add extra answers);
- ordering ⇄ ``ordering`` (Moodle's Ordering question type, graded by absolute position, which is
  coursegen's "share of items in their right place");
- hotspot → nothing: Moodle's core has no such question type (ddmarker and ddimageortext are drag-and-drop
  types that carry the picture inside the file); each one is reported lost, whole;
- short ⇄ ``essay``: the reference answer and, after ``自查要点：``, the self-check list are the
  information for graders (``<graderinfo>``); Moodle has essays graded by hand;
- points ⇄ ``<defaultgrade>``, explanation ⇄ ``<generalfeedback>``, hint ⇄ the first ``<hint>`` (Moodle shows it
  after a wrong try in interactive mode, coursegen before a check: said on export), the bank's title and intro ⇄
  the category and its description; option order shuffled ⇄ ``<shuffleanswers>``.

Markdown is written with ``format="markdown"``, which Moodle renders itself; option texts are
``plain_text``. HTML written in Moodle's editor is turned into Markdown on import. Facilitator notes
and the pass mark have no place in a question bank and are reported as lost.
"""

from __future__ import annotations

import re

from lxml import etree

from ..messages import say
from ..model.base import ID_PATTERN
from ..model.quiz import FillBlank, Hotspot, Matching, MultipleChoice, Ordering, Question, QuizBank, ShortAnswer, SingleChoice, TrueFalse
from .common import (
    Draft,
    add_question,
    category_title,
    choice_fields,
    compose_reference,
    fill_fields,
    label,
    merge_category,
    moodle_weights,
    parse_reference,
    question_id,
)
from .htmltext import html_to_markdown, html_to_text
from .report import Report

_TYPES = ("multichoice", "truefalse", "shortanswer", "matching", "ordering", "essay")
"""Moodle question types that become coursegen questions; each is a method of :class:`_Reader`."""
_UNSUPPORTED = {
    "numerical": "numerical",
    "calculated": "calculated",
    "calculatedsimple": "calculated",
    "calculatedmulti": "calculated",
    "multianswer": "cloze",
    "ddwtos": "drag_drop",
    "ddimageortext": "drag_drop",
    "ddmarker": "drag_drop",
    "gapselect": "select_words",
    "randomsamatch": "random_matching",
    "random": "random",
}


# --------------------------------------------------------------------------------------------- export


def write(bank: QuizBank, report: Report) -> bytes:
    """The Moodle XML file of ``bank``; what Moodle's question bank cannot hold is reported."""
    quiz = etree.Element("quiz")
    category = _sub(quiz, "question", type="category")
    _text(_sub(category, "category"), f"$course$/top/{bank.title.replace('/', '//')}")
    _text(_sub(category, "info", format="markdown"), bank.intro or "")
    for q in bank.questions:
        if isinstance(q, Hotspot):
            report.loss(say("exchange.hotspot.moodle"), question=label(q))
            continue
        quiz.append(_question(q, bank.shuffle, report))
    report.loss(say("exchange.moodle.pass_mark", pass_mark=bank.pass_mark))
    if bank.feedback == "immediate":
        report.loss(say("exchange.moodle.feedback"))
    if bank.shuffle:
        report.loss(say("exchange.moodle.shuffle"))
    return etree.tostring(quiz, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _question(q: Question, shuffle: bool, report: Report) -> etree._Element:
    name = label(q)
    kinds = {SingleChoice: "multichoice", MultipleChoice: "multichoice", TrueFalse: "truefalse", FillBlank: "shortanswer", Matching: "matching",
             Ordering: "ordering", ShortAnswer: "essay"}
    el = etree.Element("question", type=kinds[type(q)])
    _text(_sub(el, "name"), q.id)
    _text(_sub(el, "questiontext", format="markdown"), q.prompt)
    _text(_sub(el, "generalfeedback", format="markdown"), q.explanation or "")
    _sub(el, "defaultgrade", str(q.points))
    _sub(el, "hidden", "0")
    _sub(el, "idnumber", q.id)
    if q.facilitator:
        report.loss(say("exchange.moodle.facilitator"), question=name)
    if q.hint:
        report.warn(say("exchange.moodle.hint"), question=name)
    if isinstance(q, (SingleChoice, MultipleChoice)):
        _sub(el, "single", "true" if isinstance(q, SingleChoice) else "false")
        _sub(el, "shuffleanswers", "true" if shuffle else "false")
        _sub(el, "answernumbering", "abc")
        plus, minus = moodle_weights(sum(o.correct for o in q.options), report, name)
        for o in q.options:
            fraction = ("100" if o.correct else "0") if isinstance(q, SingleChoice) else (plus if o.correct else minus)
            _answer(el, o.text, fraction, o.feedback)
    elif isinstance(q, TrueFalse):
        _answer(el, "true", "100" if q.answer else "0", q.feedback_true, fmt="moodle_auto_format")
        _answer(el, "false", "0" if q.answer else "100", q.feedback_false, fmt="moodle_auto_format")
    elif isinstance(q, FillBlank):
        _sub(el, "usecase", "0")
        for accepted in q.accept:
            _answer(el, accepted, "100", None, fmt="moodle_auto_format")
    elif isinstance(q, Matching):
        _sub(el, "shuffleanswers", "true")
        for pair in q.pairs:
            sub = _sub(el, "subquestion", format="plain_text")
            _text(sub, pair.left)
            _text(_sub(sub, "answer"), pair.right)
        for distractor in q.distractors:
            sub = _sub(el, "subquestion", format="plain_text")
            _text(sub, "")
            _text(_sub(sub, "answer"), distractor)
    elif isinstance(q, Ordering):
        for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", str(len(q.items))),
                           ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW"), ("numberingstyle", "none")):
            _sub(el, tag, value)
        for position, item in enumerate(q.items, start=1):
            _answer(el, item, str(position), None)
    else:
        assert isinstance(q, ShortAnswer)
        report.loss(say("exchange.moodle.essay"), question=name)
        for tag, value in (("responseformat", "editor"), ("responserequired", "1"), ("responsefieldlines", "10"), ("attachments", "0"), ("attachmentsrequired", "0")):
            _sub(el, tag, value)
        _text(_sub(el, "graderinfo", format="markdown"), compose_reference(q.reference, q.checklist))
        _text(_sub(el, "responsetemplate", format="markdown"), "")
    if q.hint:  # Moodle's hints follow a question's type-specific elements
        _text(_sub(el, "hint", format="markdown"), q.hint)
    return el


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tag, attrs)
    el.text = text
    return el


def _text(parent: etree._Element, value: str) -> None:
    """A ``<text>`` child; markup-like text goes into CDATA as Moodle writes it."""
    value = value.strip()
    el = etree.SubElement(parent, "text")
    el.text = etree.CDATA(value) if re.search(r"[<>&]", value) and "]]>" not in value else value


def _answer(parent: etree._Element, text: str, fraction: str, feedback: str | None, fmt: str = "plain_text") -> None:
    el = _sub(parent, "answer", fraction=fraction, format=fmt)
    _text(el, text)
    if feedback:
        _text(_sub(el, "feedback", format="markdown"), feedback)


# --------------------------------------------------------------------------------------------- import


def read(data: bytes, report: Report) -> Draft:
    """The questions of a Moodle XML file; each that cannot be read is reported with its line."""
    draft = Draft()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        report.error(say("exchange.moodle.not_xml", reason=exc.msg), line=exc.lineno)
        return draft
    if root.tag != "quiz":
        report.error(say("exchange.moodle.not_quiz", tag=root.tag), line=root.sourceline)
        return draft
    for el in root.findall("question"):
        kind = el.get("type", "")
        if kind == "category":
            _category(el, draft, report)
            continue
        raw_id = (el.findtext("idnumber") or "").strip()
        raw_name = el.findtext("name/text")
        qid = question_id(raw_id if re.match(ID_PATTERN, raw_id) else raw_name, draft, report, el.sourceline)
        reader = _Reader(el, report, qid)
        if kind == "description":
            report.warn(say("exchange.moodle.description"), question=qid, line=el.sourceline)
        elif kind not in _TYPES:
            name = say(f"exchange.moodle.type.{_UNSUPPORTED[kind]}") if kind in _UNSUPPORTED else say("exchange.moodle.type.other", kind=kind)
            report.error(say("exchange.moodle.unsupported", kind=name), question=qid, line=el.sourceline)
        else:
            try:
                fields = getattr(reader, kind)()
                if fields is not None:
                    add_question({"id": qid, **reader.common(), **fields}, draft, report, el.sourceline)
            except ValueError as exc:  # a grade or fraction that is not a number
                report.error(say("exchange.moodle.number", reason=exc), question=qid, line=el.sourceline)
    _shuffle(root, draft, report)
    return draft


def _shuffle(root: etree._Element, draft: Draft, report: Report) -> None:
    """The bank shuffles when its choice questions shuffle their options (coursegen: all or none)."""
    flags = [(q.findtext("shuffleanswers") or "").strip().lower() in ("true", "1") for q in root.findall("question[@type='multichoice']")]
    if not flags:
        return
    draft.shuffle = all(flags)
    if len(set(flags)) > 1:
        report.warn(say("exchange.moodle.mixed_shuffle"))


def _category(el: etree._Element, draft: Draft, report: Report) -> None:
    """A category names the bank; the first one's description is its intro."""
    first = draft.title is None
    merge_category(category_title(el.findtext("category/text") or ""), draft, report, el.sourceline)
    if first and draft.title is not None:
        draft.intro = _Reader(el, report, None).markdown("info") or None


class _Reader:
    """Reads the parts of one ``<question>``; each method returns the fields of one question type."""

    def __init__(self, el: etree._Element, report: Report, question: str | None) -> None:
        self.el, self.report, self.question, self.line = el, report, question, el.sourceline

    def markdown(self, path: str, node: etree._Element | None = None) -> str:
        """The text at ``path`` as Markdown; pictures and linked files (``<file>``) are reported lost."""
        holder = (node if node is not None else self.el).find(path)
        if holder is None:
            return ""
        text = holder.findtext("text") or ""
        if holder.get("format", "html") == "html":
            return html_to_markdown(text, self.report, self.question, holder.sourceline)
        return text.strip()

    def plain(self, node: etree._Element) -> str:
        text = node.findtext("text") or ""
        return html_to_text(text) if node.get("format", "html") == "html" else text.strip()

    def common(self) -> dict[str, object]:
        fields: dict[str, object] = {"prompt": self.markdown("questiontext")}
        if explanation := self.markdown("generalfeedback"):
            fields["explanation"] = explanation
        if hint := self.hint():
            fields["hint"] = hint
        grade = float(self.el.findtext("defaultgrade") or 1)
        points = int(grade + 0.5) if grade >= 0 else int(grade)
        if grade != points:
            self.report.warn(say("exchange.moodle.rounded", grade=f"{grade:g}", points=points), question=self.question, line=self.line)
        fields["points"] = points
        return fields

    def _hints(self) -> list[etree._Element]:
        return [h for h in self.el.findall("hint") if (h.findtext("text") or "").strip()]

    def hint(self) -> str:
        """The first ``<hint>``: a coursegen question has one; the others are reported lost."""
        hints = self._hints()
        if len(hints) > 1:
            self.report.loss(say("exchange.moodle.more_hints", total=len(hints)), question=self.question, line=hints[1].sourceline)
        return self.markdown(".", hints[0]) if hints else ""

    def _answers(self) -> list[tuple[str, float, str]]:
        return [(self.plain(a), float(a.get("fraction", "0")), self.markdown("feedback", a)) for a in self.el.findall("answer")]

    def _flag(self, tag: str, default: bool) -> bool:
        value = (self.el.findtext(tag) or "").strip().lower()
        return value in ("true", "1") if value else default

    def multichoice(self) -> dict[str, object]:
        return choice_fields(self._flag("single", True), self._answers(), self.report, self.question or "", self.line)

    def truefalse(self) -> dict[str, object]:
        fields: dict[str, object] = {"type": "true_false", "answer": False}
        for answer in self.el.findall("answer"):
            truth = (answer.findtext("text") or "").strip().lower() in ("true", "对", "正确")
            if truth and float(answer.get("fraction", "0")) > 0:
                fields["answer"] = True
            if feedback := self.markdown("feedback", answer):
                fields["feedback_true" if truth else "feedback_false"] = feedback
        return fields

    def shortanswer(self) -> dict[str, object]:
        if self._flag("usecase", False):
            self.report.warn(say("exchange.moodle.case"), question=self.question, line=self.line)
        return fill_fields(self._answers(), self.report, self.question or "", self.line)

    def matching(self) -> dict[str, object]:
        """A subquestion with no text is an extra answer, a distractor, in Moodle as in coursegen."""
        pairs: list[dict[str, str]] = []
        distractors: list[str] = []
        for sub in self.el.findall("subquestion"):
            left, right = self.plain(sub), (sub.findtext("answer/text") or "").strip()
            if left:
                pairs.append({"left": left, "right": right})
            elif right:
                distractors.append(right)
        return {"type": "matching", "pairs": pairs, **({"distractors": distractors} if distractors else {})}

    def ordering(self) -> dict[str, object]:
        if (self.el.findtext("gradingtype") or "ABSOLUTE_POSITION").strip().upper() not in ("ABSOLUTE_POSITION", "ABSOLUTE", "ABS"):
            self.report.warn(say("exchange.moodle.ordering_grading"), question=self.question, line=self.line)
        if (self.el.findtext("selecttype") or "ALL").strip().upper() not in ("ALL", "EXACT"):
            self.report.warn(say("exchange.moodle.ordering_subset"), question=self.question, line=self.line)

        return {"type": "ordering", "items": [self.plain(a) for a in self.el.findall("answer")]}

    def essay(self) -> dict[str, object] | None:
        source = self.markdown("graderinfo")
        fields: dict[str, object] = {}
        if self._hints():
            self.report.loss(say("exchange.moodle.essay_hint"), question=self.question, line=self.line)
            fields["hint"] = None
        if not source:  # no information for graders: the general feedback is the model answer
            source = self.markdown("generalfeedback")
            fields["explanation"] = None
        parsed = parse_reference(source, self.report, self.question or "", self.line)
        if parsed is None:
            self.report.error(say("exchange.moodle.essay_no_reference"), question=self.question, line=self.line)
            return None
        return {"type": "short", "reference": parsed[0], "checklist": parsed[1], **fields}
