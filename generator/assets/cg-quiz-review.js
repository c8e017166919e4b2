/* coursegen quizzes: the review of mistakes (错题本, kept by cg-mistakes.js). Each mistake becomes a one-question
   quiz of its own on the review page, labelled with its bank and number there; it shows the trainee's last wrong
   answer beside the right one, and keeps the page's count of questions left to get right.
   Methods of the quiz widget and reviewOf, shared through coursegen.quizParts (see cg-quiz.js). */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg || !cg.mistakes) return;
  var el = cg.el, t = cg.t, store = cg.store, keys = cg.keys, parts = cg.quizParts = cg.quizParts || {}, methods = {};

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
     (kept with the mistake by cg-mistakes.js); undefined if none did. */
  function lastWrong(bank, bankId, qid) {
    var quizzes = cg.course().items.filter(function (q) { return q.kind === "quiz" && q.final; })
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

  /* ---- the review page: each mistake becomes a one-question quiz for cg-quiz.js to mount ---- */

  function reviewPage(doc, m) {
    var page = doc.querySelector("[data-cg-review]");
    if (!page || page.hasAttribute("data-ready")) return;
    page.setAttribute("data-ready", "");
    cg.load(page.getAttribute("data-cg-script"), function (payloads) {
      if (payloads && cg.quiz) showMistakes(page, payloads, m);
      else page.querySelector("[data-cg-review-count]").textContent = t("review.unavailable");
    });
  }

  function showMistakes(page, payloads, m) {
    var n = 0;
    store.keys(keys.SCRATCH).forEach(function (key) { store.remove(key); });
    Object.keys(m.items).forEach(function (key) {
      var parts = key.split("/"), bank = payloads[parts[0]], item = m.items[key];
      var block = page.querySelector('[data-cg-bank="' + parts[0] + '"]');
      if (!bank || !block) return;
      var q = bank.questions.filter(function (x) { return x.id === parts[1]; })[0];
      if (!q) return;
      n += 1;
      block.hidden = false;
      block.querySelector(".cg-review__list").appendChild(reviewItem(bank, q, n, item.hash !== bank.hash));
    });
    page.querySelector("[data-cg-review-empty]").hidden = n > 0;
    page.querySelector("[data-cg-review-count]").textContent = n ? t("review.count", { n: n }) : "";
    cg.quiz.mount(page);
  }

  /* The widget's state is scratch (keys.scratch), never a quiz's: its id only names it on this page. A mistake made
     before the trainer edited its bank (changed) stays, marked: the question is asked as it is now. */
  function reviewItem(bank, q, n, changed) {
    var payload = { id: "review-" + n, scratch: true, hash: bank.hash, pass: 100, shuffle: false, questions: [q] };
    var widget = el("div", { class: "cg-quiz cg-review__quiz", "data-quiz": payload.id, "data-review": bank.id + "/" + q.id, "data-cg": JSON.stringify(payload) });
    var note = changed ? el("p", { class: "cg-review__changed", text: t("progress.keep.review") }) : null;
    var box = el("div", { class: "cg-review__item" }, [note, widget]);
    var why = cg.quiz.decode(q.k, bank.hash).x;
    if (why) box.appendChild(el("details", { class: "cg-review__why" }, [el("summary", { text: t("review.why") }), el("div", { html: why })]));
    return box;
  }

  /* A check on the review page settles its question: right leaves the review (on the next visit), wrong stays,
     with this answer as the trainee's last one (the page's own state is scratch, gone at the next visit). */
  function reviewChecked(widget) {
    var s = store.get(keys.scratch(widget.getAttribute("data-quiz")), null);
    if (!s || !s.results) return;
    var key = widget.getAttribute("data-review"), qid = key.split("/")[1], m = cg.mistakes.get();
    if (s.results[qid] && s.results[qid].correct) delete m.items[key];
    else if (m.items[key] && cg.mistakes.answered(s.answers[qid])) m.items[key].last = { answer: s.answers[qid], at: s.updated || "" };
    store.set(keys.MISTAKES, m);
  }


  parts.review = methods;
  parts.reviewOf = reviewOf;

  document.addEventListener("coursegen:quiz-scored", function (event) {
    var id = event.detail && event.detail.quizId;
    var widget = id && document.querySelector('.cg-review__quiz[data-quiz="' + id + '"]');
    if (widget) reviewChecked(widget);
  });

  cg.onPage(function (doc) { reviewPage(doc, cg.mistakes.sync()); });
})();
