/* coursegen quizzes: self-assessment widgets rendered from each page's JSON payload.

   SELF-ASSESSMENT, NOT EXAM SECURITY. The answer keys ship inside the page, XOR-ed with the quiz's
   content hash and base64-encoded: unreadable at a glance and invisible to search, but anyone with the
   browser's developer tools can decode them. Results live only in this browser's localStorage.

   The widget is split into parts, loaded before this script (the part "quiz" needs "quiz-parts" in
   generator/render/assets.py's PARTS; the review's part only on the review page, maybe later) and shared
   through coursegen.quizParts, which only the quiz scripts use:
     cg-quiz-answers.js    the question types: answer shapes, grading, keys and their text
     cg-quiz-state.js      the stored state of an attempt (its shape: the contract other scripts rely on)
     cg-quiz-questions.js  a question's controls and feedback           (methods of the widget)
     cg-quiz-dragwords.js  a drag-the-words question's controls: drag, tap or keys (methods; only on a page
                           with such a question, as cg-quiz-hotspot.js with a hotspot: QUESTION_PARTS)
     cg-quiz-check.js      checking an attempt, the result card and the coursegen:quiz-scored event (methods)
     cg-quiz-pager.js      one question per screen on a phone           (methods)
     cg-quiz-review.js     a question on the review of mistakes         (methods, and reviewOf)
   This script holds the widget itself: its state in memory, the questions the attempt's seed draws, the
   attempt's life (answer, retry, clear and undo), and the mounting of every .cg-quiz on a page.

   window.coursegen.quiz = {
     state(quizId, hash?)   the stored state; null if none or corrupt; (hash given) another version's carried over
     reset(quizId)          forget a quiz's state
     mount(element)         start the quiz widgets (.cg-quiz) added inside element after page load
     decode(k, hash)        a question's key and explanation from its payload (k, the bank's hash)
   }
*/
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  var el = cg.el, t = cg.t, parts = cg.quizParts;

  var UNDO_SECONDS = 10;

  /* review (on the review page only): {bank: its title, n: the question's number in its bank, last: the
     trainee's wrong answer as stored, or undefined}. */
  function Quiz(root, data, review) {
    this.root = root;
    this.data = data;
    this.review = review || null;
    this.immediate = data.feedback === "immediate";
    this.key = data.scratch ? cg.keys.scratch(data.id) : cg.keys.quiz(data.id);  /* scratch: the review page's */
    this.uid = "cgq-" + data.id;
    this.pool = {};
    var self = this;
    (data.draw || [{ questions: data.questions }]).forEach(function (group) {
      group.questions.forEach(function (q) { q.key = parts.decode(q.k, data.hash); self.pool[q.id] = q; });
    });
    var raw = cg.store.get(this.key, null), stored = parts.clean(raw, data.hash);
    this.state = stored || parts.fresh(data.hash);
    this.started();
    this.live = el("p", { class: "cg-sr", "aria-live": "polite" });
    this.body = el("div", { class: "cg-quiz__body" });
    this.undoBar = el("div", { class: "cg-quiz__undo", role: "status" });
    this.undoBar.hidden = true;
    this.page = 0;  /* the question a phone shows (cg-quiz-pager.js) */
    root.appendChild(this.body);
    root.appendChild(this.undoBar);
    root.appendChild(this.live);
    this.render();
    // The seed must survive a reload; so must the carrying over of an edited quiz's record (cg-quiz-state.js).
    if (stored ? raw.hash !== data.hash : data.draw || data.shuffle) this.save();
  }

  Quiz.prototype.save = function () {
    this.state.questions = this.current.qs.map(function (q) { return q.id; });
    this.state.updated = new Date().toISOString();
    cg.store.set(this.key, this.state);
  };

  Quiz.prototype.setAnswer = function (q, a) { this.state.answers[q.id] = a; this.answeredAt[q.id] = Date.now(); this.save(); };

  /* Latency is measured within one showing of an attempt: the page may be left and the answers kept. */
  Quiz.prototype.started = function () { this.shownAt = Date.now(); this.answeredAt = {}; };

  /* Whether a question's feedback is shown (and its answer locked): the whole attempt was checked, or
     this question alone (feedback: immediate). */
  Quiz.prototype.shown = function (q) { return this.state.checked || this.state.done.indexOf(q.id) >= 0; };

  /* mulberry32: a tiny seeded PRNG, so a stored seed reproduces the same draw and order. */
  function rng(seed) {
    return function () {
      seed = (seed + 0x6d2b79f5) | 0;
      var r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
      return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffled(list, rand) {
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(rand() * (i + 1)), x = a[i];
      a[i] = a[j]; a[j] = x;
    }
    return a;
  }

  /* The questions of the current attempt and their option order, all derived from the seed; pool: the
     quiz's questions by id. */
  function draw(data, pool, seed) {
    var rand = rng(seed), range = parts.range, ids, order = {};
    if (data.draw) {
      ids = [];
      data.draw.forEach(function (group) {
        var all = group.questions.map(function (q) { return q.id; });
        var picked = shuffled(all, rand).slice(0, group.count);
        ids = ids.concat(all.filter(function (id) { return picked.indexOf(id) >= 0; }));
      });
    } else {
      ids = data.questions.map(function (q) { return q.id; });
      if (data.shuffle) ids = shuffled(ids, rand);
    }
    var qs = ids.map(function (id) { return pool[id]; });
    qs.forEach(function (q) { order[q.id] = q.o && data.shuffle ? shuffled(range(q.o.length), rand) : range((q.o || []).length); });
    return { qs: qs, order: order };
  }

  Quiz.prototype.graded = function (q) { return parts.grade(q, this.state.answers[q.id]); };

  /* Questions, the pager of a phone's one-question view, the result card, the unanswered warning and the main button; "清除记录" sits apart, below,
     as a quiet link-styled button (a destructive action never looks like the next step). */
  Quiz.prototype.render = function () {
    this.current = draw(this.data, this.pool, this.state.seed);
    var body = this.body, done = this.state.checked, pager;
    var bar = el("div", { class: done ? "cg-quiz__bar" : "cg-quiz__bar cg-quiz__bar--submit" });  /* a phone: on the last screen */
    body.textContent = "";
    this.page = Math.min(this.page, this.current.qs.length - 1);
    this.current.qs.forEach(function (q, n) { body.appendChild(this.question(q, n)); }, this);
    if ((pager = this.pager())) body.appendChild(pager);
    this.result = el("div", { class: "cg-quiz__result", role: "status", "aria-live": "polite", tabindex: "-1" });
    this.warning = el("div", { class: "cg-quiz__warn", role: "alert" });
    this.summary();
    bar.appendChild(this.button(t(done ? (this.data.draw ? "quiz.redraw" : "quiz.retry") : "quiz.check"),
      done ? this.retry : this.submit, "md-button md-button--primary"));
    body.appendChild(this.result);
    body.appendChild(this.warning);
    body.appendChild(bar);
    if (!this.review) body.appendChild(el("p", { class: "cg-quiz__tools" }, [this.button(t("quiz.reset"), this.reset, "cg-quiz__reset")]));
  };

  Quiz.prototype.button = function (text, fn, cls, attrs) {
    var b = el("button", Object.assign({ type: "button", class: cls, text: text }, attrs || {})), self = this;
    b.addEventListener("click", function () { fn.call(self); });
    return b;
  };

  Quiz.prototype.retry = function () {
    this.state = parts.fresh(this.data.hash, this.state);
    this.started();
    this.page = 0;
    this.render();
    this.save();
    var first = this.body.querySelector("input, select, textarea, .cg-move:not([disabled])");
    if (first) first.focus();
  };

  /* "清除记录" asks first, saying what goes (the record from before the trainer edited the quiz too), and can be
     undone for UNDO_SECONDS: the stored record is
     kept in memory until then and written back as it was. */
  Quiz.prototype.reset = function () {
    var s = this.state;
    var earlier = s.earlier ? t("quiz.resetEarlier", { best: s.earlier.best, n: s.earlier.attempts }) : "";
    if (!window.confirm(t("quiz.resetConfirm", { best: s.best, n: s.attempts, earlier: earlier, s: UNDO_SECONDS }))) return;
    var before = cg.store.get(this.key, null);
    cg.store.remove(this.key);
    this.state = parts.fresh(this.data.hash);
    this.started();
    this.render();
    this.offerUndo(before);
  };

  Quiz.prototype.offerUndo = function (before) {
    var bar = this.undoBar, self = this;
    this.dropUndo();
    bar.appendChild(el("span", { text: t("quiz.cleared") }));
    var undo = this.button(t("quiz.undo"), function () {
      this.dropUndo();
      if (before) cg.store.set(this.key, before);
      this.state = parts.clean(before, this.data.hash) || parts.fresh(this.data.hash);
      this.started();
      this.render();
      this.body.querySelector(".cg-quiz__reset").focus();
      this.say(t("quiz.restored"));
    }, "md-button md-button--primary");
    bar.appendChild(undo);
    bar.hidden = false;
    undo.focus();
    this.undoTimer = setTimeout(function () {
      var had = bar.contains(document.activeElement);
      self.dropUndo();
      if (had) self.body.querySelector(".cg-quiz__reset").focus();
    }, UNDO_SECONDS * 1000);
  };

  Quiz.prototype.dropUndo = function () {
    clearTimeout(this.undoTimer);
    this.undoBar.textContent = "";
    this.undoBar.hidden = true;
  };

  Quiz.prototype.say = function (text) {
    var live = this.live;
    live.textContent = "";
    setTimeout(function () { live.textContent = text; }, 50);
  };

  Object.assign(Quiz.prototype, parts.questions, parts.dragwords, parts.hotspot, parts.check, parts.pager);

  /* The scoring rules travel with the questions (in the quiz's data script), so the page itself is
     only a title, an introduction and an empty frame: cheap for MkDocs to build and search to skip. */
  function rules(data) {
    if (!data.rules) return null;
    return el("details", { class: "info cg-rules" }, [
      el("summary", { text: t("quiz.rules") }),
      el("ul", {}, data.rules.map(function (rule) { return el("li", { text: rule }); }))
    ]);
  }

  function start(root, data) {
    if (!data) { root.appendChild(el("p", { class: "cg-quiz__error", role: "alert", text: t("quiz.unavailable") })); return; }
    var box = rules(data);
    if (box) root.appendChild(box);
    if (root.hasAttribute("data-review")) {
      /* The review's part may arrive after this script: the review of mistakes opened after a quiz page (instant navigation). */
      Object.assign(Quiz.prototype, parts.review);
      parts.reviewOf(root, function (review) { new Quiz(root, data, review); });
    }
    else new Quiz(root, data);
  }

  /* A quiz page names its data script (data-cg-script); the review page's one-question quizzes carry
     their data inline (data-cg). */
  function mount(scope) {
    [].forEach.call(scope.querySelectorAll(".cg-quiz:not([data-ready])"), function (root) {
      var name = root.getAttribute("data-cg-script");
      root.setAttribute("data-ready", "");
      if (name) cg.load(name, function (data) { start(root, data); });
      else start(root, cg.data(root));
    });
  }

  cg.quiz = {
    state: function (quizId, hash) { return parts.stored(cg.keys.quiz(quizId), hash); },
    reset: function (quizId) { cg.store.remove(cg.keys.quiz(quizId)); },
    mount: mount,
    decode: parts.decode
  };

  cg.onPage(mount);
})();
