/* coursegen quizzes: checking an attempt. "提交答案" (naming the questions left unanswered first), "检查" under
   one question (feedback: immediate), the score against the pass mark, the result card, and the event the
   progress page and the LMS (cg-scorm.js) learn the result from. Methods of the quiz widget, shared through
   coursegen.quizParts (see cg-quiz.js).

   After every check, document receives the event "coursegen:quiz-scored" with detail
     {quizId, score (0–100), passed (this attempt), max (auto-graded points), points (earned),
      best, attempts, final (bool: the final assessment),
      items: one per auto-graded question of the attempt, for the LMS's item-level report (cg-scorm.js):
        {id, type, prompt (plain text), answer (as stored: cg-quiz-state.js), answered (bool), key, options,
         correct (bool), fraction (0–1), max (points), latency (ms from the attempt being shown to the
         learner's last change of this answer; null when the answer was given on an earlier visit)}
        key: single [index]; multiple [indices]; true_false bool; fill [accepted texts];
             ordering [item indices in the right order]; matching [right index per left item];
             cloze [[accepted texts] per blank]; numeric [lowest, highest right value];
             dragwords [index in words of the right word, per blank]; hotspot [labels of the right areas]
        options: how many options, items, left items or labelled areas the question has
        words: drag the words only: its words as shown (its answer and key are indices into them)
        value: numeric only: the number read from the answer, null when it is not one}
*/
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  var el = cg.el, t = cg.t, parts = cg.quizParts = cg.quizParts || {}, methods = {};

  /* HTML as its text, parsed inertly (a DOMParser document runs no script and loads no image). */
  function plain(html) {
    try { return new DOMParser().parseFromString(String(html || ""), "text/html").body.textContent.replace(/\s+/g, " ").trim(); }
    catch (e) { return ""; }
  }

  /* "提交答案": questions left unanswered are named first, with a way to go to the first of them. */
  methods.submit = function () {
    var self = this, open = this.current.qs.map(function (q, n) { return { q: q, n: n }; }).filter(function (x) {
      return !self.shown(x.q) && !self.graded(x.q).answered;
    });
    if (!open.length || this.warning.childNodes.length) { this.check(); return; }
    var first = open[0];
    if (this.review) { this.notice(first.n, t("quiz.answerFirstReview", { n: this.number(first.n) })); return; }  /* one question: nothing to submit anyway */
    this.warning.appendChild(el("p", { text: t("quiz.unanswered", { n: open.length }) }));
    this.warning.appendChild(el("div", { class: "cg-quiz__bar" }, [
      this.button(t("quiz.goFirst", { n: this.number(first.n) }), function () { this.clearWarning(); this.focusQuestion(first.n); }, "md-button md-button--primary"),
      this.button(t("quiz.submitAnyway"), this.check, "md-button")
    ]));
    this.warning.querySelector("button").focus();
  };

  methods.clearWarning = function () { this.warning.textContent = ""; };

  methods.focusQuestion = function (n) {
    this.turnTo(n);
    var box = this.body.querySelectorAll(".cg-q")[n];
    var target = box.querySelector("input:not([disabled]), select, textarea, .cg-move:not([disabled]), .cg-drag__word");
    box.scrollIntoView({ block: "start" });
    if (target) target.focus({ preventScroll: true });
  };

  /* Why a question cannot be checked yet, said under it where the trainee looks (and to a screen reader, as an
     alert), then the focus on its first control. */
  methods.notice = function (n, text) {
    var box = this.body.querySelectorAll(".cg-q")[n], note = box.querySelector(".cg-q__note");
    if (!note) {
      note = el("p", { class: "cg-q__note", role: "alert" });
      box.appendChild(note);
    }
    note.textContent = text;
    this.focusQuestion(n);
  };

  /* "检查" under one question (feedback: immediate): its feedback now; the whole attempt is checked
     once every question has been. An ordering question left as shown is checked in that order: pressing 检查
     says the trainee takes it as their answer (untouched and unchecked, it counts as not answered). */
  methods.checkOne = function (q, n) {
    if (q.t === "ordering" && !this.graded(q).answered) this.setAnswer(q, this.graded(q).a.slice());
    if (!this.graded(q).answered) { this.notice(n, t("quiz.answerFirst", { n: this.number(n) })); return; }
    this.state.done.push(q.id);
    this.save();
    var self = this, open = this.current.qs.filter(function (x) { return !self.shown(x); });
    if (!open.length) { this.check(); return; }
    var old = this.body.querySelectorAll(".cg-q")[n], box = this.question(q, n);
    old.parentNode.replaceChild(box, old);
    box.querySelector(".cg-q__fb").focus();
  };

  /* "再做这一题" after a check: a new attempt in which every other question keeps its answer, its feedback and
     its opened hint, and this one is open again with its own 检查; checking it scores the new attempt as a whole (attempts and best
     as for any attempt). Not on a final assessment, whose new attempt draws new questions. */
  methods.retryOne = function (q) {
    var before = this.state, n = this.current.qs.indexOf(q);
    this.state = parts.fresh(this.data.hash, before);
    this.state.seed = before.seed;  /* the same questions, in the same order */
    this.state.self = before.self;
    this.current.qs.forEach(function (x) {
      if (x.id === q.id) return;
      if (before.answers[x.id] !== undefined) this.state.answers[x.id] = before.answers[x.id];
      if (before.hints.indexOf(x.id) >= 0) this.state.hints.push(x.id);
      this.state.done.push(x.id);
    }, this);
    this.started();
    this.render();
    this.save();
    this.focusQuestion(n);
  };

  /* The attempt checked as a whole: its score kept in the stored record, the result shown, the event sent. */
  methods.check = function () {
    var s = this.state, r = this.score(), items = this.items();
    s.checked = true;
    s.attempts += 1;
    s.last = r.score;
    s.best = Math.max(s.best, r.score);
    s.passed = s.passed || r.passed;
    s.results = r.results;
    items.forEach(function (item) { if (!s.first[item.id]) s.first[item.id] = { correct: item.correct, answer: item.answer }; });
    this.save();
    this.dropUndo();
    this.render();
    this.result.focus();
    if (this.review) this.reviewed(r);
    document.dispatchEvent(new CustomEvent("coursegen:quiz-scored", { detail: {
      quizId: this.data.id, score: r.score, passed: r.passed, max: r.max, points: r.points,
      best: s.best, attempts: s.attempts, final: !!this.data.draw, items: items } }));
  };

  /* Points earned of the auto-graded ones, as a percentage rounded down, against the pass mark. */
  methods.score = function () {
    var points = 0, max = 0, results = {};
    this.current.qs.forEach(function (q) {
      if (q.t === "short") return;
      var g = this.graded(q);
      points += g.f * q.p;
      max += q.p;
      results[q.id] = { correct: g.correct, points: Math.round(g.f * q.p * 100) / 100, max: q.p };
    }, this);
    var score = max ? Math.floor((points / max) * 100 + 1e-9) : 0;
    return { score: score, points: points, max: max, passed: score >= this.data.pass, results: results };
  };

  /* Each auto-graded question of the attempt as the LMS's interaction report needs it (the event's contract above). */
  methods.items = function () {
    var self = this;
    return this.current.qs.filter(function (q) { return q.t !== "short"; }).map(function (q) {
      var g = self.graded(q), at = self.answeredAt[q.id];
      return {
        id: q.id, type: q.t, prompt: plain(q.q), answer: g.a, answered: g.answered, key: parts.keyOf(q),
        options: (q.o || q.i || q.l || q.w || q.z || []).length, words: q.w, value: q.t === "numeric" ? parts.number(q, g.a) : undefined,
        correct: g.correct, fraction: g.f, max: q.p,
        latency: at ? Math.max(0, at - self.shownAt) : null
      };
    });
  };

  /* The result card: passed or not yet (said in words and by colour), one scale — a percentage with the
     points beside it and the pass mark as a percentage too — then the self-check count and the best
     result. A review question shows only its own verdict. */
  methods.summary = function () {
    var s = this.state, lines = [], head = null, shorts = this.current.qs.filter(function (q) { return q.t === "short"; });
    this.result.className = "cg-quiz__result";
    if (this.review) { this.result.textContent = ""; return; }
    if (s.checked) {
      var r = this.score();
      head = t(r.passed ? "quiz.pass" : "quiz.fail");
      this.result.className += r.passed ? " cg-quiz__result--pass" : " cg-quiz__result--fail";
      if (r.max) lines.push(t("quiz.score", { score: r.score, got: parts.fmt(r.points), max: r.max, pass: this.data.pass }));
      if (shorts.length) {
        var n = 0, m = 0;
        shorts.forEach(function (q) { n += this.ticked(q).length; m += q.key.c.length; }, this);
        lines.push(t("quiz.self", { n: n, m: m }));
      }
    }
    if (s.attempts) lines.push(t("quiz.best", { best: s.best, n: s.attempts }));
    if (s.earlier) lines.push(t("progress.keep.quizEarlier", { best: s.earlier.best, n: s.earlier.attempts }));
    this.result.textContent = "";
    if (head) this.result.appendChild(el("p", { class: "cg-quiz__verdict", text: head }));
    lines.forEach(function (line) { this.result.appendChild(el("p", { text: line })); }, this);
    if (s.checked && this.current.qs.length > 1) this.result.appendChild(this.questionMap());
  };

  /* After a check, every question of the attempt at a glance, as Moodle's review shows them: its number and
     how it went (✓ right, ◐ partly, ✗ wrong, – not answered, 自评 for a short answer), each a link to it (on a
     phone showing one question at a time, a turn to it). */
  methods.questionMap = function () {
    var marks = { right: "✓", partial: "◐", wrong: "✗", none: "–", self: "" }, list = el("ol", { class: "cg-quiz__map-list" }), self = this;
    this.current.qs.forEach(function (q, n) {
      var g = this.graded(q), kind = q.t === "short" ? "self" : !g.answered ? "none" : g.correct ? "right" : g.f > 0 ? "partial" : "wrong";
      var said = kind === "self" ? t("quiz.selfGraded") : t("quiz.verdict." + kind);
      var link = el("a", { href: "#" + this.uid + "-" + n, "aria-label": t("quiz.mapItem", { n: this.number(n), verdict: said }), title: said },
        [el("span", { text: String(this.number(n)) }), el("span", { "aria-hidden": "true", text: marks[kind] || t("quiz.mapSelf") })]);
      link.addEventListener("click", function (event) {  /* on a phone showing one question, the link turns to it */
        if (!self.paging()) return;
        event.preventDefault();
        self.turnTo(n, true);
      });
      list.appendChild(el("li", { class: "cg-quiz__map-item cg-quiz__map-item--" + kind }, [link]));
    }, this);
    return el("nav", { class: "cg-quiz__map", "aria-label": t("quiz.map") }, [el("p", { text: t("quiz.map") }), list]);
  };

  parts.check = methods;
})();
