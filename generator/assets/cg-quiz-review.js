/* coursegen quizzes: a question on the review of mistakes (错题本, built by cg-progress.js), a one-question
   quiz of its own. It is labelled with its bank and number there, shows the trainee's last wrong answer
   beside the right one, and keeps the page's count of questions left to get right.
   Methods of the quiz widget and reviewOf, shared through coursegen.quizParts (see cg-quiz.js). */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  var el = cg.el, t = cg.t, parts = cg.quizParts = cg.quizParts || {}, methods = {};

  /* The review page: the trainee's last (wrong) answer, and beside it the right one once checked here. */
  methods.compare = function (q) {
    var g = parts.grade(q, this.review.last);
    var rows = [[t("quiz.lastAnswer"), g.answered ? parts.answerText(q, g.a) : t("quiz.noAnswer"), "cg-compare--last"]];
    if (this.state.checked && parts.keyText(q) !== null) rows.push([t("quiz.rightAnswer"), parts.keyText(q), "cg-compare--right"]);
    return el("dl", { class: "cg-compare" }, rows.map(function (row) {
      return el("div", { class: row[2] }, [el("dt", { text: row[0] }), el("dd", { text: row[1] })]);
    }));
  };

  /* The review page's count follows each check: a question answered right here no longer counts. */
  methods.reviewed = function (r) {
    var right = Object.keys(r.results).every(function (id) { return r.results[id].correct; });
    if (right) this.root.setAttribute("data-solved", ""); else this.root.removeAttribute("data-solved");
    this.focusFeedback();
    var page = this.root.closest("[data-cg-review]"), count = page && page.querySelector("[data-cg-review-count]");
    if (!count) return;
    var left = page.querySelectorAll(".cg-quiz[data-review]:not([data-solved])").length;
    count.textContent = left ? t("review.count", { n: left }) : t("review.allDone");
  };

  methods.focusFeedback = function () {
    var fb = this.body.querySelector(".cg-q__fb");
    if (fb) fb.focus();
  };

  /* A review question ("<bankId>/<questionId>" in data-review) keeps its bank's title and its number in
     the bank (from the review page's data script, already loaded) and brings the trainee's wrong answer
     from the latest check that holds one: its bank's or a final assessment's. */
  function reviewOf(root, done) {
    var ref = root.getAttribute("data-review"), cut = ref.indexOf("/"), bankId = ref.slice(0, cut), qid = ref.slice(cut + 1);
    var page = root.closest("[data-cg-review]"), block = root.closest("[data-cg-bank]");
    cg.load(page ? page.getAttribute("data-cg-script") : "", function (banks) {
      var bank = banks && banks[bankId], n = 0;
      if (bank) bank.questions.forEach(function (q, i) { if (q.id === qid) n = i + 1; });
      done({ bank: block ? block.getAttribute("data-cg-bank-title") : bankId, n: n, last: lastWrong(bank, bankId, qid) });
    });
  }

  /* The trainee's answer at the latest check that got the question wrong, on its quiz or here on the review page
     (kept with the mistake by cg-progress.js); undefined if none did. */
  function lastWrong(bank, bankId, qid) {
    var quizzes = ((window.coursegenCourse || {}).quizzes || []).filter(function (q) { return q.final; })
      .map(function (q) { return { id: q.id, hash: q.hash, qkey: bankId + "/" + qid }; });
    if (bank) quizzes.unshift({ id: bankId, hash: bank.hash, qkey: qid });
    var best = null;
    quizzes.forEach(function (q) {
      var s = parts.stored(cg.keys.quiz(q.id), q.hash), r = s && s.checked && s.results[q.qkey];
      if (r && !r.correct && (!best || s.updated > best.at)) best = { at: s.updated || "", answer: s.answers[q.qkey] };
    });
    var mistake = (cg.store.get(cg.keys.MISTAKES, {}).items || {})[bankId + "/" + qid], here = mistake && mistake.last;
    if (here && (!best || here.at > best.at)) best = here;
    return best ? best.answer : undefined;
  }

  parts.review = methods;
  parts.reviewOf = reviewOf;
})();
