"""Moodle XML, the question-bank format Moodle exports and imports without loss: export and import.

Mapping (coursegen ⇄ Moodle question type):

- single / multiple ⇄ ``multichoice`` (``<single>``); right options of a multiple-choice question
  share +100 %, wrong ones cost as much, which is coursegen's scoring rule in Moodle's terms;
- true_false ⇄ ``truefalse``; fill ⇄ ``shortanswer`` (case ignored); matching ⇄ ``matching``, its
  distractors ⇄ subquestions with an empty question text (Moodle's own way to add extra answers);
- ordering ⇄ ``ordering`` (Moodle's Ordering question type, graded by absolute position, which is
  coursegen's "share of items in their right place");
- numeric ⇄ ``numerical``: one full-mark answer with its ``<tolerance>``, the unit as Moodle's one unit of
  multiplier 1, optional to type (``unitgradingtype`` 0), as coursegen takes a number with or without it;
- cloze ⇄ ``multianswer``: the prompt, a blank line, then the text, each blank an embedded
  ``{1:SHORTANSWER:=受理~=登记}``; Moodle adds up the blanks' marks, so each blank carries the points ÷ blanks
  (1 when that is not whole, and said); embedded NUMERICAL and MULTICHOICE blanks read as blanks to type in;
- drag the words ⇄ ``ddwtos``: the prompt, a blank line, then the text, each blank ``[[n]]``, the n-th
  ``<dragbox>`` its word, the distractors as further drag boxes, all in one group;
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

import itertools
import re

from lxml import etree

from ..messages import say
from ..model.base import ID_PATTERN
from ..model.quiz import (
    BLANK,
    SLOT,
    Cloze,
    DragWords,
    FillBlank,
    Hotspot,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    QuizBank,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
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

_TYPES = ("multichoice", "truefalse", "shortanswer", "matching", "ordering", "numerical", "multianswer", "ddwtos", "essay")
"""Moodle question types that become coursegen questions; each is a method of :class:`_Reader`."""
_UNSUPPORTED = {
    "calculated": "calculated",
    "calculatedsimple": "calculated",
    "calculatedmulti": "calculated",

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
             Ordering: "ordering", Numeric: "numerical", Cloze: "multianswer", DragWords: "ddwtos", ShortAnswer: "essay"}
    el = etree.Element("question", type=kinds[type(q)])
    _text(_sub(el, "name"), q.id)
    _text(_sub(el, "questiontext", format="markdown"), _question_text(q, report))
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
    elif isinstance(q, Numeric):
        answer = _sub(el, "answer", fraction="100", format="moodle_auto_format")
        _text(answer, q.answer_text)
        _sub(answer, "tolerance", q.tolerance_text)
        if q.unit:
            unit = _sub(_sub(el, "units"), "unit")
            _sub(unit, "multiplier", "1")
            _sub(unit, "unit_name", q.unit)
        for tag, value in (("unitgradingtype", "0"), ("unitpenalty", "0"), ("showunits", "0" if q.unit else "3"), ("unitsleft", "0")):
            _sub(el, tag, value)
    elif isinstance(q, DragWords):
        _sub(el, "shuffleanswers", "1")
        for word in (*q.words, *q.distractors):
            box = _sub(el, "dragbox")
            _text(box, word)
            _sub(box, "group", "1")
    elif isinstance(q, Ordering):
        for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", str(len(q.items))),
                           ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW"), ("numberingstyle", "none")):
            _sub(el, tag, value)
        for position, item in enumerate(q.items, start=1):
            _answer(el, item, str(position), None)
    elif isinstance(q, ShortAnswer):  # a cloze has nothing beyond its question text
        report.loss(say("exchange.moodle.essay"), question=name)
        for tag, value in (("responseformat", "editor"), ("responserequired", "1"), ("responsefieldlines", "10"), ("attachments", "0"), ("attachmentsrequired", "0")):
            _sub(el, tag, value)
        _text(_sub(el, "graderinfo", format="markdown"), compose_reference(q.reference, q.checklist))
        _text(_sub(el, "responsetemplate", format="markdown"), "")
    if q.hint:  # Moodle's hints follow a question's type-specific elements
        _text(_sub(el, "hint", format="markdown"), q.hint)
    return el


def _question_text(q: Question, report: Report) -> str:
    """The question text: the prompt, and for a cloze or drag the words its text in Moodle's markers after a blank line."""
    if isinstance(q, Cloze):
        n = len(q.blanks)
        weight = q.points // n if q.points % n == 0 else 1
        if weight * n != q.points:
            report.loss(say("exchange.cloze.points", points=q.points, n=n), question=label(q))
        blanks = iter(q.blanks)
        text = BLANK.sub(lambda _: f"{{{weight}:SHORTANSWER:" + "~".join(f"={_cloze_escape(a)}" for a in next(blanks)) + "}", q.text)
        return f"{q.prompt.strip()}\n\n{text}"
    if isinstance(q, DragWords):
        numbers = iter(range(1, len(q.words) + 1))
        return f"{q.prompt.strip()}\n\n" + SLOT.sub(lambda _: f"[[{next(numbers)}]]", q.text)
    return q.prompt


def _cloze_escape(answer: str) -> str:
    """An accepted answer inside Moodle's embedded-answer syntax, its own markers escaped as Moodle reads them."""
    return re.sub(r"([}#~/\"\\])", r"\\\1", answer)


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

    def numerical(self) -> dict[str, object] | None:
        """The full-mark answer with its tolerance; a first unit of multiplier 1 is the unit, further units are lost."""
        answers = [a for a in self.el.findall("answer") if (a.findtext("text") or "").strip() != "*"]
        right = next((a for a in answers if float(a.get("fraction", "0")) >= 100), None)
        for answer in answers:
            text = (answer.findtext("text") or "").strip()
            if answer is not right:
                self.report.loss(say("exchange.numeric.partial", answer=text, weight=f"{float(answer.get('fraction', '0')):g}"),
                                 question=self.question, line=answer.sourceline)
            elif self.markdown("feedback", answer):
                self.report.loss(say("exchange.numeric.feedback", answer=text), question=self.question, line=answer.sourceline)
        if right is None:
            self.report.error(say("exchange.numeric.no_answer"), question=self.question, line=self.line)
            return None
        fields: dict[str, object] = {"type": "numeric", "answer": float((right.findtext("text") or "").strip()),
                                     "tolerance": abs(float((right.findtext("tolerance") or "0").strip() or 0))}
        for unit in self.el.findall("units/unit"):
            name, multiplier = (unit.findtext("unit_name") or "").strip(), float(unit.findtext("multiplier") or 1)
            if "unit" not in fields and multiplier == 1 and name:
                fields["unit"] = name
            elif name:
                self.report.loss(say("exchange.numeric.units", unit=name, multiplier=f"{multiplier:g}"), question=self.question, line=unit.sourceline)
        return fields

    def multianswer(self) -> dict[str, object]:
        """Each embedded answer a blank of its full-mark answers; the paragraphs before the first blank the prompt."""
        prompt, text = self._prompt_and_text(_EMBEDDED)
        numbers = itertools.count(1)
        fields: dict[str, object] = {"type": "cloze", "prompt": prompt, "text": _EMBEDDED.sub(lambda m: self._blank(next(numbers), m), text)}
        weights = [int(m.group("weight") or 1) for m in _EMBEDDED.finditer(text)]
        if len(set(weights)) > 1:
            self.report.loss(say("exchange.cloze.weights", weights=say("exchange.cli.and").join(map(str, weights))), question=self.question, line=self.line)
        if self.el.find("defaultgrade") is None:  # Moodle's mark of a cloze is the sum of its blanks' marks
            fields["points"] = sum(weights)
        return fields

    def _blank(self, n: int, embedded: re.Match[str]) -> str:
        """One embedded answer ``{1:SHORTANSWER:=a~%50%b#feedback}`` as a coursegen blank ``{{a}}``."""
        kind = embedded.group("kind").upper()
        family = _SUBQUESTIONS.get(kind, "multichoice" if kind.startswith(("MULTICHOICE", "MULTIRESPONSE", "MC", "MR")) else "")
        if kind in ("SHORTANSWER_C", "SAC", "MWC"):
            self.report.warn(say("exchange.moodle.case"), question=self.question, line=self.line)
        if not family:
            self.report.error(say("exchange.cloze.sub_unknown", n=n, blank=embedded.group(0)), question=self.question, line=self.line)
            return embedded.group(0)
        if family != "sa":
            self.report.loss(say("exchange.cloze.sub_type", n=n, kind=say(f"exchange.cloze.kind.{family}")), question=self.question, line=self.line)
        accepted = []
        for part in re.split(r"(?<!\\)~", embedded.group("answers")):
            mark = re.match(r"^(=|%(-?[\d.]+)%)?", part)
            weight = 100.0 if mark and mark.group(1) == "=" else float(mark.group(2)) if mark and mark.group(2) else 0.0
            value = re.split(r"(?<!\\)#", part[mark.end() if mark else 0 :], maxsplit=1)[0]
            value = re.sub(r"\\(.)", r"\1", value).strip()
            if weight >= 100 and value:
                if family == "numerical":
                    value = value.split(":")[0]  # its tolerance is lost with the type, said above
                accepted.append(value.replace("|", "｜"))  # "|" parts a blank's answers; the page reads "｜" as "|" (NFKC)
            elif value:
                self.report.loss(say("exchange.question.partial_answer", answer=value, weight=f"{weight:g}"), question=self.question, line=self.line)
        return "{{" + "|".join(accepted) + "}}"

    def ddwtos(self) -> dict[str, object]:
        """Blank ``[[n]]`` holds the n-th drag box; boxes no blank names are the distractors."""
        boxes = [(b.findtext("text") or "").strip() for b in self.el.findall("dragbox")]
        if len({(b.findtext("group") or "1").strip() for b in self.el.findall("dragbox")}) > 1:
            self.report.loss(say("exchange.dragwords.groups"), question=self.question, line=self.line)
        prompt, text = self._prompt_and_text(_DRAG_BLANK)
        used: list[int] = []

        def word(m: re.Match[str]) -> str:
            n = int(m.group(1))
            if not 1 <= n <= len(boxes):
                self.report.error(say("exchange.dragwords.no_box", n=n), question=self.question, line=self.line)
                return m.group(0)
            used.append(n)
            return f"[[{boxes[n - 1]}]]"

        text = _DRAG_BLANK.sub(word, text)
        return {"type": "dragwords", "prompt": prompt, "text": text,
                "distractors": [b for i, b in enumerate(boxes, start=1) if i not in used]}

    def _prompt_and_text(self, blank: re.Pattern[str]) -> tuple[str, str]:
        """The question text split at the paragraph of its first blank: the paragraphs before it are the prompt (a
        default one, said, when there are none), the rest the text with blanks. No blank at all: the text as it is,
        which the model then refuses as a text without blanks."""
        whole = self.markdown("questiontext")
        paragraphs = re.split(r"\n\s*\n", whole)
        first = next((i for i, p in enumerate(paragraphs) if blank.search(p)), 0)
        prompt = "\n\n".join(paragraphs[:first]).strip()
        if not prompt:
            prompt = say("exchange.cloze.default_prompt")
            self.report.warn(say("exchange.cloze.no_prompt", prompt=prompt), question=self.question, line=self.line)
        return prompt, "\n\n".join(paragraphs[first:]).strip()


_EMBEDDED = re.compile(r"\{(?P<weight>\d*):(?P<kind>[A-Z_]+):(?P<answers>(?:\\.|[^}\\])*)\}")
"""An embedded answer of a Moodle cloze (multianswer) question: ``{1:SHORTANSWER:=受理~=登记}``."""

_SUBQUESTIONS = {"SHORTANSWER": "sa", "SA": "sa", "MW": "sa", "SHORTANSWER_C": "sa", "SAC": "sa", "MWC": "sa",
                 "NUMERICAL": "numerical", "NM": "numerical"}
"""Embedded answer types read as a blank to type in; the choice ones (MULTICHOICE, MULTIRESPONSE and kin) too, said."""

_DRAG_BLANK = re.compile(r"\[\[(\d+)\]\]")
"""A blank of a Moodle drag-and-drop-into-text (ddwtos) question: ``[[1]]``, the number of its drag box."""
