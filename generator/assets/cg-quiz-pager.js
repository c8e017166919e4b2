/* coursegen quizzes: one question per screen on a phone. At the theme's phone width a quiz of several questions
   shows the current one only, with 上一题 / 下一题 and "第 3 / 10 题" under it and 提交答案 on the last screen only
   (a question checked on its own keeps its 检查 on its screen); the question map, the warning's
   "去第 n 题作答" and every other way to a question turn to it. The trainee may show all questions instead, and
   that choice is remembered for every quiz (coursegen.keys.QUIZ_VIEW).

   Only cg-quiz.css hides anything, and only on a screen at that width (@media screen): a wide screen and
   print always show every question, and the widget renders the same page at any width, so turning a phone or
   resizing a window needs no script. Methods of the quiz widget, shared through coursegen.quizParts (see
   cg-quiz.js). */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  var el = cg.el, t = cg.t, parts = cg.quizParts = cg.quizParts || {}, methods = {};

  /* Material's phone breakpoint, as cg-quiz.css writes it. */
  var PHONE = "screen and (max-width: 44.984375em)";

  /* Whether questions are shown one at a time now: the trainee kept that view and the screen is a phone's. */
  methods.paging = function () {
    return this.root.classList.contains("cg-quiz--paged") && window.matchMedia(PHONE).matches;
  };

  /* The pager under the questions (none for a single question): the way back and on and where the trainee is,
     then the switch between one question and all of them. */
  methods.pager = function () {
    var count = this.current.qs.length, one = !cg.store.get(cg.keys.QUIZ_VIEW, {}).all;
    this.root.classList.toggle("cg-quiz--paged", one && count > 1);
    this.turns = null;
    if (count < 2) return null;
    var nav = el("nav", { class: "cg-quiz__pager", "aria-label": t("quiz.pager") });
    if (one) {
      this.turns = {
        prev: this.button(t("quiz.prev"), function () { this.turnTo(this.page - 1, true); }, "md-button"),
        at: el("span", { class: "cg-quiz__position" }),
        next: this.button(t("quiz.next"), function () { this.turnTo(this.page + 1, true); }, "md-button")
      };
      nav.appendChild(el("div", { class: "cg-quiz__turns" }, [this.turns.prev, this.turns.at, this.turns.next]));
      this.placed();
    }
    nav.appendChild(el("p", { class: "cg-quiz__view" }, [this.button(t(one ? "quiz.showAll" : "quiz.showOne"), function () {
      if (one) cg.store.set(cg.keys.QUIZ_VIEW, { all: true }); else cg.store.remove(cg.keys.QUIZ_VIEW);
      this.render();
      this.body.querySelector(".cg-quiz__view button").focus();
    }, "cg-quiz__toggle")]));
    return nav;
  };

  /* The pager says the current place; the first and last screens have no way further, and only the last one
     offers 提交答案 (as Moodle's last page offers to finish the attempt: cg-quiz.css). */
  methods.placed = function () {
    var turns = this.turns, last = this.current.qs.length - 1;
    this.root.classList.toggle("cg-quiz--last", this.page === last);
    if (!turns) return;
    turns.at.textContent = t("quiz.position", { n: this.page + 1, m: last + 1 });
    turns.prev.disabled = this.page === 0;
    turns.next.disabled = this.page === last;
  };

  /* Question n becomes the current one; focus: the focus on its heading, which a screen reader reads as
     "第 n 题 · 分值" (the turn buttons may go disabled under the trainee's finger). */
  methods.turnTo = function (n, focus) {
    var boxes = this.body.querySelectorAll(".cg-q");
    this.page = n;
    [].forEach.call(boxes, function (box, i) { box.classList.toggle("cg-q--current", i === n); });
    this.placed();
    if (focus) boxes[n].querySelector(".cg-q__head").focus();
  };

  parts.pager = methods;
})();
