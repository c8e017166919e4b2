"""Quiz pages: one per question bank and one for the final assessment, each holding one quiz widget.

The widget (``assets/cg-quiz.js``) renders the questions and the scoring rules from the quiz's data
script (``assets/coursegen/quizzes/<id>.js``), which only its page loads: the page itself holds the
title, the introduction and an empty frame, so MkDocs and its search never parse the questions. Each
question's answer key (right options, feedback, explanation, accepted answers, right order, pairs,
reference answer) and its hint is XOR-ed with the quiz's content hash and base64-encoded, so it is not readable in
the HTML source or by a search engine. This is self-assessment, not exam security: the key ships with
the page and anyone with the browser's developer tools can decode it.

The content hash also keys the trainee's stored progress, so editing a bank starts a fresh attempt instead
of showing (and grading) answers to questions that changed; the record from before the edit is kept and
shown as such (cg-quiz-state.js).
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
from functools import lru_cache
from typing import Any

from ..model.course import FinalAssessment
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
    RectArea,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
    gapped,
)
from .. import site_paths as paths
from .assets import data_script, question_parts
from .environment import RenderContext, markdown_to_html
from .sanitize import clean_html, clean_markdown
from .site import Asset, Page

RULES = [
    ({"single", "true_false", "fill"}, "rule_all_or_none"),
    ({"multiple"}, "rule_multiple"),
    ({"ordering"}, "rule_ordering"),
    ({"matching"}, "rule_matching"),
    ({"cloze"}, "cloze.rule"),
    ({"numeric"}, "numeric.rule"),
    ({"dragwords"}, "dragwords.rule"),
    ({"hotspot"}, "hotspot.rule"),
    ({"short"}, "rule_short"),
]
"""Which scoring rule applies to which question types (see coursegen.model.quiz)."""


def quiz_pages(ctx: RenderContext) -> list[Page]:
    """One page per bank, in id order, then the final assessment if the course has one."""
    pages = [bank_page(ctx, bank) for bank in _banks(ctx)]
    final = ctx.project.course.final_assessment
    if final is not None:
        pages.append(final_page(ctx, final))
    return pages


def bank_page(ctx: RenderContext, bank: QuizBank) -> Page:
    path = paths.item_page("quiz", bank.id)
    content = _render(ctx, path, bank.id, bank.title, bank.intro, quiz_payloads(ctx)[bank.id], bank=bank)
    return Page(path, bank.title, content, ctx.project.source("quiz", bank.id), needs=quiz_needs([bank]))


def final_page(ctx: RenderContext, final: FinalAssessment) -> Page:
    path = paths.item_page("quiz", final.id)
    banks = _drawn_banks(ctx, final)
    draws = [(b.title, paths.item_page("quiz", b.id), rule.count) for b, rule in zip(banks, final.draw)]
    content = _render(ctx, path, final.id, final.title, final.intro, quiz_payloads(ctx)[final.id], draws=draws, key_banks=banks)
    return Page(path, final.title, content, ctx.project.source("course", ctx.project.course.id), needs=quiz_needs(banks))


def quiz_needs(banks: list[QuizBank]) -> tuple[str, ...]:
    """What a quiz page loads: the widget with the controls of its banks' question types only, and the review of
    mistakes' bookkeeping, which reads each check made there."""
    return ("mistakes", *question_parts(q.type for b in banks for q in b.questions), "quiz")


def _banks(ctx: RenderContext) -> list[QuizBank]:
    """The question banks in the order of their pages and data scripts (by id)."""
    return [bank for _, bank in sorted(ctx.project.quizzes.items())]


def _drawn_banks(ctx: RenderContext, final: FinalAssessment) -> list[QuizBank]:
    return [ctx.project.quizzes[rule.bank] for rule in final.draw]


def _render(ctx: RenderContext, path: str, quiz_id: str, title: str, intro: str | None, payload: dict[str, Any], *,
            draws: list[tuple[str, str, int]] | None = None, bank: QuizBank | None = None,
            key_banks: list[QuizBank] | None = None) -> str:
    """A quiz page; ``draws`` lists a final assessment's banks. The trainer edition's answer key covers
    ``key_banks`` (default: ``bank``), with no duplicates when a final assessment draws twice from one bank."""
    keyed = key_banks if key_banks is not None else [bank] if bank else []
    return ctx.render(
        "quiz.md.j2", path, qt=ctx.strings("quiz"), quiz_id=quiz_id, title=title, intro=intro,
        data_script=data_script_name(quiz_id), payload=payload, draws=draws or [], bank=bank,
        key_banks=list({b.id: b for b in keyed}.values()),
    )


def data_script_name(quiz_id: str) -> str:
    """The quiz's data script, relative to the folder of coursegen's scripts."""
    return f"quizzes/{quiz_id}.js"


def quiz_assets(ctx: RenderContext) -> list[Asset]:
    """Each quiz page's data script: its widget payload and the scoring rules of its question types."""
    payloads = quiz_payloads(ctx)
    quizzes: list[tuple[str, int, list[QuizBank]]] = [(b.id, b.pass_mark, [b]) for b in _banks(ctx)]
    final = ctx.project.course.final_assessment
    if final is not None:
        quizzes.append((final.id, final.pass_mark, _drawn_banks(ctx, final)))
    return [
        data_script(data_script_name(quiz_id), {
            **payloads[quiz_id],
            "rules": scoring_rules(ctx, pass_mark, banks, immediate=payloads[quiz_id]["feedback"] == "immediate"),
        })
        for quiz_id, pass_mark, banks in quizzes
    ]


def scoring_rules(ctx: RenderContext, pass_mark: int, banks: list[QuizBank], *, immediate: bool = False) -> list[str]:
    """The pass mark, the scoring rules of the question types a quiz uses, how to check a question as it
    is answered (``feedback: immediate``) and where results go (:func:`quiz_note`), as the trainee reads them above the
    questions. The pass mark is written as the result card writes it (a percentage), so the two agree."""
    qt = ctx.strings("quiz")
    types = {q.type for bank in banks for q in bank.questions}
    return [
        qt["pass_mark"].format(n=pass_mark),
        *(qt[key] for kinds, key in RULES if kinds & types),
        *([qt["feedback_immediate"]] if immediate else []),
        quiz_note(ctx),
        *lrs_notes(ctx),
    ]


def quiz_note(ctx: RenderContext) -> str:
    """Where the quiz's results go, as true for this build: in a SCORM package the LMS records them, in a cmi5 one
    it records the final assessment's result; on a site, what the course's ``results`` lets hand-in files carry."""
    privacy = ctx.strings("privacy")
    if ctx.lms == "cmi5":
        return privacy["cmi5.quiz"]
    return privacy["quiz_lms"] if ctx.lms else privacy[f"quiz_{ctx.project.course.results}"]


def lrs_notes(ctx: RenderContext, *, anonymous: bool = False) -> list[str]:
    """What goes to the course's LRS, told where the notes on the results are (quiz, form and progress pages): nothing
    without ``lrs``; the records, named as the ``auth`` mode names the trainee, the quiz results as ``results`` lets
    them leave; an anonymous survey's answers under no name. A list, so a page adds it as a paragraph of its own."""
    lrs = ctx.project.course.lrs
    if lrs is None:
        return []
    privacy = ctx.strings("privacy")
    if anonymous:
        return [privacy["xapi.anonymous"]]
    return [privacy[f"xapi.{lrs.auth}"].format(quizzes=privacy[f"xapi.quiz_{ctx.project.course.results}"])]


def quiz_payloads(ctx: RenderContext) -> dict[str, dict[str, Any]]:
    """Each quiz's widget payload (banks, then the final assessment), computed once per site.

    The quiz pages, the review page and the progress manifest all carry them.
    """
    payloads: dict[str, dict[str, Any]] | None = ctx.shared.get("quiz_payloads")
    if payloads is None:
        project = ctx.project
        payloads = {bank_id: bank_payload(bank) for bank_id, bank in project.quizzes.items()}
        final = project.course.final_assessment
        if final:
            payloads[final.id] = final_payload(final, [project.quizzes[rule.bank] for rule in final.draw])
        ctx.shared["quiz_payloads"] = payloads
    return payloads


def bank_payload(bank: QuizBank) -> dict[str, Any]:
    """What the widget needs for one bank: public question data, encoded answer keys, the content hash."""
    plain = [_split(bank.id, q) for q in bank.questions]
    digest = content_hash({"pass": bank.pass_mark, "shuffle": bank.shuffle, "questions": plain})
    return {
        "id": bank.id,
        "hash": digest,
        "pass": bank.pass_mark,
        "shuffle": bank.shuffle,
        "feedback": bank.feedback,
        "questions": [_encode_question(public, secret, digest) for public, secret in plain],
    }


def final_payload(final: FinalAssessment, banks: list[QuizBank]) -> dict[str, Any]:
    """The final assessment carries the whole of every bank it draws from; the widget draws per attempt."""
    pools = [
        (bank.id, rule.count, [_split(bank.id, q, prefix=f"{bank.id}/") for q in bank.questions])
        for bank, rule in zip(banks, final.draw)
    ]
    digest = content_hash({"pass": final.pass_mark, "draw": pools})
    return {
        "id": final.id,
        "hash": digest,
        "pass": final.pass_mark,
        "shuffle": False,
        "feedback": "on_submit",
        "draw": [
            {"bank": bank_id, "count": count, "questions": [_encode_question(p, s, digest) for p, s in plain]}
            for bank_id, count, plain in pools
        ],
    }


def content_hash(value: Any) -> str:
    """A short, stable fingerprint of a quiz's content: stored progress is only valid for the same hash."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def encode_key(secret: dict[str, Any], key: str) -> str:
    """JSON → UTF-8 → XOR with the key's bytes → base64: hides the answers from a casual look, nothing more."""
    data = json.dumps(secret, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    mask = (key.encode("ascii") * (len(data) // len(key) + 1))[: len(data)]
    mixed = int.from_bytes(data, "big") ^ int.from_bytes(mask, "big")  # one XOR over the whole text, in C
    return base64.b64encode(mixed.to_bytes(len(data), "big")).decode("ascii")


_PLAIN = re.compile(r"[^\s#>+\-*\d=_`\\<&\[\]{}!|~]([^\x00-\x1f`*_\\<>&\[\]{}!|~]*[^\s`*_\\<>&\[\]{}!|~])?")
"""One line Markdown only wraps in a paragraph: no inline markup, no list, heading, quote or code start."""


HTML_CACHE_SIZE = 16_384
"""Texts :func:`html` remembers: a 1,000-bank synthetic course has 10,636 distinct ones (about 2 MB of HTML).
Bounded because ``coursegen serve`` rebuilds in one process and every edit adds the texts it changed."""


@lru_cache(maxsize=HTML_CACHE_SIZE)
def html(text: str | None) -> str:
    """Markdown → HTML, skipping the Markdown parser for a plain line of text (most prompts and feedback).

    Cached: the final assessment carries its banks' questions again (13,364 of 24,000 calls in that
    course's build are repeats), and a text with Markdown costs the parser about 0.2 ms; an unchanged
    bank costs a ``serve`` rebuild nothing.
    """
    line = (text or "").rstrip("\n")
    if _PLAIN.fullmatch(line):  # no '<' or '&': nothing to clean
        return f"<p>{line}</p>"
    return clean_html(markdown_to_html(clean_markdown(text or "")))


def _encode_question(public: dict[str, Any], secret: dict[str, Any], key: str) -> dict[str, Any]:
    return {**public, "k": encode_key(secret, key)}


def _split(bank_id: str, q: Question, prefix: str = "") -> tuple[dict[str, Any], dict[str, Any]]:
    """A question as (what the trainee sees before answering, its answer key).

    Short keys keep the payload small: t type, p points, q prompt, o options, i ordering items,
    l/r matching sides, g a cloze's or drag-the-words text as the pieces between its blanks, w the words to drag
    (scrambled), u a number's unit, img/alt/z a hotspot's picture, its text alternative and its labelled areas as
    shown ([label, x, y]: the point a choice of it puts); in the key c right options, f feedback, a answer (a cloze's:
    the accepted answers of each blank; a hotspot's right areas: {r: [x, y, w, h]} or {p: [[x, y], …]}), n a hotspot's
    right labels, d a number's tolerance, o order, m matches (drag the words: the word of each blank),
    x explanation, r reference answer, h hint (only when written: a bank without hints keeps its content
    hash, so a trainee's attempt in progress is not taken for one on an edited quiz and restarted).
    """
    public: dict[str, Any] = {"id": prefix + q.id, "t": q.type, "p": q.points, "q": html(q.prompt)}
    secret: dict[str, Any] = {"x": html(q.explanation)}
    if q.hint:
        secret["h"] = html(q.hint)
    if isinstance(q, (SingleChoice, MultipleChoice)):
        public["o"] = [o.text for o in q.options]
        secret["c"] = [i for i, o in enumerate(q.options) if o.correct]
        secret["f"] = [html(o.feedback) for o in q.options]
    elif isinstance(q, TrueFalse):
        secret.update(a=q.answer, ft=html(q.feedback_true), ff=html(q.feedback_false))
    elif isinstance(q, FillBlank):
        secret["a"] = list(q.accept)
    elif isinstance(q, Ordering):
        shown = scrambled(len(q.items), f"{bank_id}/{q.id}")
        public["i"] = [q.items[i] for i in shown]
        secret["o"] = [shown.index(i) for i in range(len(q.items))]
    elif isinstance(q, Matching):
        rights = q.rights
        shown = scrambled(len(rights), f"{bank_id}/{q.id}")
        public["l"] = [p.left for p in q.pairs]
        public["r"] = [rights[i] for i in shown]
        secret["m"] = [shown.index(i) for i in range(len(q.pairs))]
    elif isinstance(q, Cloze):
        public["g"] = gapped(q.text, BLANK)[0::2]
        secret["a"] = q.blanks
    elif isinstance(q, Numeric):
        if q.unit:
            public["u"] = q.unit
        secret.update(a=q.answer, d=q.tolerance)
    elif isinstance(q, DragWords):
        pool = [*q.words, *q.distractors]
        shown = scrambled(len(pool), f"{bank_id}/{q.id}")
        public["g"] = gapped(q.text, SLOT)[0::2]
        public["w"] = [pool[i] for i in shown]
        secret["m"] = [shown.index(i) for i in range(len(q.words))]
    elif isinstance(q, ShortAnswer):
        secret.update(r=html(q.reference), c=list(q.checklist))
    elif isinstance(q, Hotspot):
        labelled = q.labelled
        shown = scrambled(len(labelled), f"{bank_id}/{q.id}")
        public.update(img=q.image, alt=q.alt, z=[[labelled[i].label, *labelled[i].anchor] for i in shown])
        secret["a"] = [{"r": area.at} if isinstance(area, RectArea) else {"p": area.points} for area in q.areas]
        secret["n"] = [area.label for area in q.areas]
    return public, secret


def scrambled(n: int, seed: str) -> list[int]:
    """A fixed permutation of range(n) that is never the identity, so the page never shows the answer."""
    order = list(range(n))
    random.Random(seed).shuffle(order)  # noqa: S311 - a fixed order for a page, not a secret
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order
