"""GIFT, Moodle's plain-text question format: export and import.

Mapping (coursegen ⇄ GIFT):

- single ⇄ ``{=right#feedback ~wrong#feedback}``; multiple ⇄ ``{~%50%right ~%-50%wrong}``: right
  options share +100 %, each wrong one costs as much as a right one earns, which is coursegen's rule
  (right ticks − wrong ticks) / right options in Moodle's terms;
- true_false ⇄ ``{TRUE#feedback if wrong#feedback if right}``; fill ⇄ ``{=answer =other}``;
  numeric ⇄ ``{#15:0.5}`` (a range ``{#14..16}`` reads as its middle ± half its width; the unit is not kept);
  matching ⇄ ``{=left -> right}`` (its distractors cannot be said: reported); explanation ⇄ general feedback ``####``;
- short → essay ``{####…}``: its general feedback holds the explanation, ``参考答案：`` and the
  reference, ``自查要点：`` and the checklist, so an essay read back is the same question;
- ordering, cloze, drag the words, image hotspot, points, hints, facilitator notes, the bank's intro and pass mark:
  GIFT cannot hold them, and each one left out is reported per question.

Text is written as ``[markdown]`` so Moodle renders it as coursegen does; ``~ = # { } :`` and the
backslash are escaped, and line breaks written as ``\\n`` so no question contains a blank line.
An option that opens like a weight (``%50%``) or a text format (``[html]``) starts with an HTML entity
(``&#37;``, ``&#91;``) instead, which Moodle's Markdown shows as the character; a fill-in answer is
compared as plain text, so there the same opening, and ``->`` anywhere (Moodle then reads a matching
question), cannot be escaped: both are reported, pointing to Moodle XML.
Reading follows Moodle's own importer (qformat_gift), including its default of treating ``=`` as
the mark of a single-answer question.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..messages import say
from ..model.quiz import (
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
    REFERENCE_MARK,
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
    split_explanation,
)
from .htmltext import html_to_markdown, html_to_text
from .report import Report


_ESCAPE = str.maketrans({"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n", "\r": ""})
_PROTECT = {"\\": "\ue05c", ":": "\ue03a", "#": "\ue023", "=": "\ue03d", "{": "\ue07b", "}": "\ue07d", "~": "\ue07e", "n": "\ue00a"}
_RESTORE = str.maketrans({v: ("\n" if k == "n" else k) for k, v in _PROTECT.items()})
_FORMAT = re.compile(r"^\[(html|markdown|plain|moodle)\]")
_WEIGHT = re.compile(r"^%(-?[0-9]+(?:\.[0-9]*)?)%")


def escape(text: str) -> str:
    """``text`` safe inside a GIFT question: control characters escaped, line breaks as ``\\n``."""
    return text.strip().translate(_ESCAPE)


# --------------------------------------------------------------------------------------------- export


def write(bank: QuizBank, report: Report) -> bytes:
    """The GIFT file of ``bank``; what GIFT cannot hold is reported in ``report``."""
    category = bank.title.replace("/", "//")
    blocks = [f"// {bank.id}: {bank.title}", f"$CATEGORY: $course$/top/{category}"]
    for question in bank.questions:
        block = _question(question, report)
        if block:
            blocks.append(block)
    if bank.intro:
        report.loss(say("exchange.gift.intro"))
    report.loss(say("exchange.moodle.pass_mark", pass_mark=bank.pass_mark))
    if bank.feedback == "immediate":
        report.loss(say("exchange.moodle.feedback"))
    if bank.shuffle:
        report.loss(say("exchange.gift.shuffle"))
    return ("\n\n".join(blocks) + "\n").encode("utf-8")


def _question(q: Question, report: Report) -> str | None:
    name = label(q)
    if isinstance(q, Ordering):
        report.loss(say("exchange.gift.ordering"), question=name)
        return None
    if isinstance(q, Hotspot):
        report.loss(say("exchange.hotspot.gift"), question=name)
        return None
    if isinstance(q, (Cloze, DragWords)):
        report.loss(say("exchange.cloze.gift") if isinstance(q, Cloze) else say("exchange.dragwords.gift"), question=name)
        return None
    if q.points != 1:
        report.loss(say("exchange.gift.points", points=q.points), question=name)
    if q.facilitator:
        report.loss(say("exchange.gift.facilitator"), question=name)
    if q.hint:
        report.loss(say("exchange.gift.hint"), question=name)
    head = f"::{escape(q.id)}::[markdown]{escape(q.prompt)} "
    general = q.explanation or ""
    if isinstance(q, ShortAnswer):
        report.loss(say("exchange.gift.essay"), question=name)
        reference = compose_reference(q.reference, q.checklist)
        general = f"{q.explanation.strip()}\n\n{REFERENCE_MARK}\n{reference}" if q.explanation else reference
        return head + "{\n\t####" + escape(general) + "\n}"
    if isinstance(q, TrueFalse):
        right, wrong = (q.feedback_true, q.feedback_false) if q.answer else (q.feedback_false, q.feedback_true)
        # Moodle's own layout: a lone '#' only when the right-answer feedback follows it.
        body = "TRUE" if q.answer else "FALSE"
        body += f"#{escape(wrong)}" if wrong else ("#" if right else "")
        body += f"#{escape(right)}" if right else ""
        return head + "{" + body + (f"####{escape(general)}" if general else "") + "}"
    if isinstance(q, Numeric):
        if q.unit:
            report.loss(say("exchange.numeric.gift_unit", unit=q.unit), question=name)
        value = q.answer_text + (f":{q.tolerance_text}" if q.tolerance else "")
        return head + "{#" + value + (f"\n\t####{escape(general)}\n" if general else "") + "}"
    lines = [f"\t{mark}{escape(text)}" + (f"#{escape(fb)}" if fb else "") for mark, text, fb in _answers(q, report)]
    if general:
        lines.append(f"\t####{escape(general)}")
    return head + "{\n" + "\n".join(lines) + "\n}"


def _answers(q: Question, report: Report) -> list[tuple[str, str, str | None]]:
    """(mark, text, feedback) of each answer line of a choice, fill or matching question."""
    name = label(q)
    if isinstance(q, SingleChoice):
        answers = [("=" if o.correct else "~", o.text, o.feedback) for o in q.options]
    elif isinstance(q, MultipleChoice):
        plus, minus = moodle_weights(sum(o.correct for o in q.options), report, name)
        answers = [(f"~%{plus if o.correct else minus}%", o.text, o.feedback) for o in q.options]
    elif isinstance(q, FillBlank):
        answers = [("=", a, None) for a in q.accept]
    else:
        assert isinstance(q, Matching)
        if len(q.pairs) < 3:
            report.warn(say("exchange.gift.few_pairs"), question=name)
        for pair in q.pairs:
            if "->" in pair.left:
                report.warn(say("exchange.gift.arrow_left", item=pair.left), question=name)
        if q.distractors:
            report.loss(say("exchange.matching_extra.gift_distractors", items="、".join(q.distractors)), question=name)
        return [("=", f"{p.left} -> {p.right}", None) for p in q.pairs]
    for _, text, _ in answers:
        if "->" in text:
            report.warn(say("exchange.gift.arrow_answer", answer=text), question=name)
        if ambiguous(text) and isinstance(q, FillBlank):
            report.warn(say("exchange.gift.weight_like", answer=text), question=name)
    if isinstance(q, FillBlank):
        return answers
    return [(mark, _guard(text), fb) for mark, text, fb in answers]


_ENTITIES = {"%": "&#37;", "[": "&#91;", "&": "&#38;"}
_GUARDED = re.compile("^(?:" + "|".join(_ENTITIES.values()) + ")")


def ambiguous(answer: str) -> bool:
    """Whether an answer opens like a GIFT weight (``%50%``) or text format (``[html]``), which GIFT has no escape for."""
    return bool(_WEIGHT.match(answer) or _FORMAT.match(answer))


def _guard(text: str) -> str:
    """An option's text with an ambiguous first character written as its HTML entity, which Moodle's Markdown shows
    as the character itself (a text that already opens with one of these entities is guarded too, so it reads back)."""
    if ambiguous(text) or _GUARDED.match(text):
        return _ENTITIES[text[0]] + text[1:]
    return text


def _unguard(text: str) -> str:
    """The inverse of :func:`_guard` for a Markdown option read back."""
    m = _GUARDED.match(text)
    return next(c for c, e in _ENTITIES.items() if e == m.group()) + text[m.end() :] if m else text


# --------------------------------------------------------------------------------------------- import


def read(data: bytes, report: Report) -> Draft:
    """The questions of a GIFT file; each one that cannot be read is reported with its line."""
    draft = Draft()
    for line, lines in _blocks(_decode(data, report)):
        text = _protect("\n".join(lines).strip())
        if text.startswith("$CATEGORY:"):
            _category(text, draft, report, line)
            continue
        question = _parse(text, draft, report, line)
        if question is not None:
            add_question(question, draft, report, line)
    return draft


def _decode(data: bytes, report: Report) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.warn(say("exchange.gift.gb18030"))
        return data.decode("gb18030", errors="replace")


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Questions as Moodle splits them: at blank lines, comment lines (``//``) dropped."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            if current:
                blocks.append((start, current))
            current = []
        elif not stripped.startswith("//"):
            if not current:
                start = number
            current.append(stripped)
    if current:
        blocks.append((start, current))
    return blocks


def _protect(text: str) -> str:
    """Escaped characters replaced by private-use stand-ins, so splitting never sees them."""
    return re.sub(r"\\([\\:#={}~n])", lambda m: _PROTECT[m.group(1)], text)


def _plain(text: str) -> str:
    return text.translate(_RESTORE).strip()


def _category(text: str, draft: Draft, report: Report, line: int) -> None:
    merge_category(category_title(_plain(text.removeprefix("$CATEGORY:"))), draft, report, line)


def _parse(text: str, draft: Draft, report: Report, line: int) -> dict[str, object] | None:
    name = None
    if text.startswith("::") and "::" in text[2:]:
        name, text = text[2:].split("::", 1)
    qid = question_id(_plain(name) if name else None, draft, report, line)
    start, end = text.find("{"), text.find("}")
    if start < 0 and end < 0:
        report.warn(say("exchange.gift.description"), question=qid, line=line)
        return None
    if start < 0 or end < start:
        report.error(say("exchange.gift.braces"), question=qid, line=line)
        return None
    answers = text[start + 1 : end].strip()
    after = text[end + 1 :].strip()
    stem = text[:start].strip() + (f" _____ {after}" if after else "")
    fmt_match = _FORMAT.match(stem)
    fmt = fmt_match.group(1) if fmt_match else "moodle"
    stem = stem[fmt_match.end() :] if fmt_match else stem
    reader = _Reader(fmt, report, qid, line)
    general = ""
    if "####" in answers:
        answers, general = answers[: answers.rindex("####")].strip(), answers[answers.rindex("####") + 4 :]
    data: dict[str, object] = {"id": qid, "prompt": reader.markdown(stem)}
    if general.strip():
        data["explanation"] = reader.markdown(general)
    kind = _kind(answers)
    if kind == "ordering":
        report.error(say("exchange.gift.ordering_in"), question=qid, line=line)
        return None
    read: Callable[[str, dict[str, object]], dict[str, object] | None] = getattr(reader, kind)
    return read(answers, data)


def _kind(answers: str) -> str:
    """The question type, decided exactly as Moodle's importer decides it."""
    if not answers:
        return "essay"
    if answers.startswith("#"):
        return "numerical"
    if answers.startswith(">"):
        return "ordering"
    if "~" in answers:
        return "multichoice"
    if "=" in answers and "->" in answers:
        return "matching"
    if answers.split("#", 1)[0].strip() in ("T", "TRUE", "F", "FALSE"):
        return "truefalse"
    return "shortanswer"


class _Reader:
    """Turns the answer part of one question into model fields; the text format decides HTML handling."""

    def __init__(self, fmt: str, report: Report, question: str, line: int) -> None:
        self.fmt, self.report, self.question, self.line = fmt, report, question, line

    def markdown(self, text: str) -> str:
        text = _plain(text)
        if self.fmt == "html":
            return html_to_markdown(text, self.report, self.question, self.line)
        return text

    def text(self, text: str) -> str:
        fmt = _FORMAT.match(text.strip())
        text = _plain(text.strip()[fmt.end() :] if fmt else text)
        return html_to_text(text) if (fmt.group(1) if fmt else self.fmt) == "html" else text

    def option(self, text: str) -> str:
        """A choice option's text: as :meth:`text`, with an opening our export guarded (see :func:`_guard`) restored."""
        fmt = _FORMAT.match(text.strip())
        return _unguard(self.text(text)) if (fmt.group(1) if fmt else self.fmt) == "markdown" else self.text(text)

    def essay(self, answers: str, data: dict[str, object]) -> dict[str, object] | None:
        explanation, reference = split_explanation(str(data.pop("explanation", "")))
        parsed = parse_reference(reference, self.report, self.question, self.line)
        if parsed is None:
            self.report.error(say("exchange.gift.essay_no_reference"), question=self.question, line=self.line)
            return None
        data.update(type="short", reference=parsed[0], checklist=parsed[1])
        if explanation:
            data["explanation"] = explanation
        return data

    def multichoice(self, answers: str, data: dict[str, object]) -> dict[str, object]:
        single = "=" in answers
        parsed = []
        for part in answers.replace("=", "~=").split("~"):
            part = part.strip()
            if not part:
                continue
            weight = 100.0 if part.startswith("=") else 0.0
            part = part.removeprefix("=")
            if m := _WEIGHT.match(part):
                weight, part = float(m.group(1)), part[m.end() :]
            text, _, feedback = part.partition("#")
            parsed.append((self.option(text), weight, self.markdown(feedback) if feedback.strip() else ""))
        data.update(choice_fields(single, parsed, self.report, self.question, self.line))
        return data

    def matching(self, answers: str, data: dict[str, object]) -> dict[str, object]:
        pairs = []
        for part in _split_answers(answers, "="):
            left, arrow, right = part.partition("->")
            if not arrow:
                self.report.error(say("exchange.gift.no_arrow", answer=_plain(part)), question=self.question, line=self.line)

                continue
            pairs.append({"left": self.text(left), "right": _plain(right)})
        data.update(type="matching", pairs=pairs)
        return data

    def truefalse(self, answers: str, data: dict[str, object]) -> dict[str, object]:
        answer, *feedback = (p.strip() for p in answers.split("#", 2))
        wrong, right = [*feedback, "", ""][:2]
        truth = answer in ("T", "TRUE")
        data.update(type="true_false", answer=truth)
        for key, text in (("feedback_true", right if truth else wrong), ("feedback_false", wrong if truth else right)):
            if text:
                data[key] = self.markdown(text)
        return data

    def numerical(self, answers: str, data: dict[str, object]) -> dict[str, object] | None:
        """``#15:0.5``, ``#14..16``, ``#15`` or several weighted answers ``#=15:0 =%50%15:2``: the full-mark one is kept."""
        body, right = answers.removeprefix("#").strip(), None
        for part in _split_answers(body, "=") if "=" in body else [body]:
            part, weight = part.strip(), 100.0
            if m := _WEIGHT.match(part):
                weight, part = float(m.group(1)), part[m.end() :]
            value, _, feedback = part.partition("#")
            if weight < 100 or right is not None:
                self.report.loss(say("exchange.numeric.partial", answer=_plain(value), weight=f"{weight:g}"), question=self.question, line=self.line)
                continue
            if feedback.strip():
                self.report.loss(say("exchange.numeric.feedback", answer=_plain(value)), question=self.question, line=self.line)
            right = _plain(value)
        number = _number(right) if right is not None else None
        if number is None:
            self.report.error(say("exchange.numeric.gift_bad", answer=right if right is not None else body), question=self.question, line=self.line)
            return None
        data.update(type="numeric", answer=number[0], tolerance=number[1])
        return data

    def shortanswer(self, answers: str, data: dict[str, object]) -> dict[str, object]:
        parsed = []
        for part in _split_answers(answers, "="):
            part, weight = part.strip(), 100.0
            if m := _WEIGHT.match(part):
                weight, part = float(m.group(1)), part[m.end() :]
            text, _, feedback = part.partition("#")
            parsed.append((self.text(text), weight, self.markdown(feedback) if feedback.strip() else ""))
        data.update(fill_fields(parsed, self.report, self.question, self.line))
        return data


_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_TOLERANCE = re.compile(rf"^({_NUMBER})(?::({_NUMBER}))?$")
_RANGE = re.compile(rf"^({_NUMBER})\.\.({_NUMBER})$")


def _number(text: str) -> tuple[float, float] | None:
    """A GIFT numerical answer as (value, tolerance): ``15:0.5``, ``15``, or a range ``14..16`` as its middle."""
    text = text.replace(" ", "")
    if m := _RANGE.match(text):
        low, high = sorted((float(m.group(1)), float(m.group(2))))
        return (low + high) / 2, (high - low) / 2
    if m := _TOLERANCE.match(text):
        return float(m.group(1)), abs(float(m.group(2) or 0))
    return None


def _split_answers(answers: str, mark: str) -> list[str]:
    """Answers split at ``mark``, an empty part before the first one dropped (as Moodle does)."""
    parts = answers.split(mark)
    return parts[1:] if not parts[0].strip() else parts
