/* coursegen quizzes: self-assessment widgets rendered from each page's JSON payload.

   SELF-ASSESSMENT, NOT EXAM SECURITY. The answer keys ship inside the page, XOR-ed with the quiz's
   content hash and base64-encoded: unreadable at a glance and invisible to search, but anyone with the
   browser's developer tools can decode them. Results live only in this browser's localStorage.

   STABLE CONTRACT, relied on by the progress page, the review-of-mistakes page and the SCORM runtime.
   Change it only together with them (and bump v).

   Stored under  coursegen:<courseId>:quiz:<quizId>  (read it through coursegen.quiz.state):
   {
     v: 1,                  shape version
     hash: "0a1b…",         content hash of the quiz at build time; another hash means stale state
     seed: 123456789,       seed of the current attempt (final assessment draw, shuffled order)
     attempts: 2,           number of checked attempts
     best: 80,              best score so far, 0–100 (percent of the auto-graded points, rounded down)
     last: 60,              score of the latest check (null before the first)
     passed: true,          whether any attempt reached the pass mark
     checked: false,        whether the current attempt has been checked
     done: ["q1"],          questions of the current attempt already checked one by one (a bank with
                            feedback: immediate); the attempt is checked as a whole once all are
     questions: ["q1"],     question ids of the current attempt, in display order
                            (final assessment: "<bankId>/<questionId>")
     answers: {id: answer}, current answers: single option index; multiple [indices]; true_false bool;
                            fill and short text; ordering [item indices as shown in order], absent
                            while the trainee has not moved an item (an untouched order earns nothing);
                            matching [right index per left item, -1 if none]
     results: {id: {correct: bool, points: earned, max: points}}   auto-graded questions, latest check
     self: {id: [ticked checklist indices]}                        short answers, self-graded
     first: {id: {correct: bool, answer}}   each auto-graded question the first time it was checked (answer
                            as above, null if none), kept across retries: the per-question results a
                            submission file may carry (cg-form.js) — absent in state written before it
     updated: "2024-05-01T09:00:00.000Z"
   }
   window.coursegen.quiz = {
     state(quizId, hash?)   the stored state; null if none, corrupt, or (hash given) stale
     reset(quizId)          forget a quiz's state
     mount(element)         start the quiz widgets (.cg-quiz) added inside element after page load
     decode(k, hash)        a question's key and explanation from its payload (k, the bank's hash)
   }
   After every check, document receives the event "coursegen:quiz-scored" with detail
     {quizId, score (0–100), passed (this attempt), max (auto-graded points), points (earned),
      best, attempts, final (bool: the final assessment),
      items: one per auto-graded question of the attempt, for the LMS's item-level report (cg-scorm.js):
        {id, type, prompt (plain text), answer (as stored above), answered (bool), key, options,
         correct (bool), fraction (0–1), max (points), latency (ms from the attempt being shown to the
         learner's last change of this answer; null when the answer was given on an earlier visit)}
        key: single [index]; multiple [indices]; true_false bool; fill [accepted texts];
             ordering [item indices in the right order]; matching [right index per left item]
        options: how many options, items or left items the question has}
*/
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  var el = cg.el, t = cg.t;


  /* ---- pure helpers ---- */

  function decode(text, key) {
    var bin = atob(text), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i) ^ key.charCodeAt(i % key.length);
    return JSON.parse(new TextDecoder().decode(bytes));
  }

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

  function range(n) { for (var a = [], i = 0; i < n; i++) a.push(i); return a; }

  /* Full-width letters, digits and spaces become half-width (NFKC); case and outer spaces are ignored. */
  function norm(s) { return String(s).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim(); }

  /* HTML as its text, parsed inertly (a DOMParser document runs no script and loads no image). */
  function plain(html) {
    try { return new DOMParser().parseFromString(String(html || ""), "text/html").body.textContent.replace(/\s+/g, " ").trim(); }
    catch (e) { return ""; }
  }

  /* The decoded key in the answer's own terms (see the event's contract). */
  function keyOf(q) {
    var k = q.key;
    switch (q.t) {
      case "single": case "multiple": return k.c.slice();
      case "true_false": return k.a;
      case "fill": return k.a.slice();
      case "ordering": return k.o.slice();
      case "matching": return k.m.slice();
    }
    return null;
  }

  function fmt(x) { return String(Math.round(x * 100) / 100); }

  function isObj(x) { return !!x && typeof x === "object" && !Array.isArray(x); }

  function newSeed() { return Math.floor(Math.random() * 4294967296) >>> 0; }

  /* Stored state made safe: anything malformed or stale is dropped, never trusted. */
  function clean(s, hash) {
    if (!isObj(s) || s.v !== 1 || typeof s.hash !== "string" || (hash && s.hash !== hash)) return null;
    var pct = function (x) { return typeof x === "number" && x >= 0 && x <= 100 ? x : null; };
    return {
      v: 1, hash: s.hash, seed: typeof s.seed === "number" ? s.seed >>> 0 : newSeed(),
      attempts: typeof s.attempts === "number" && s.attempts > 0 ? Math.floor(s.attempts) : 0,
      best: pct(s.best) || 0, last: pct(s.last), passed: s.passed === true, checked: s.checked === true,
      done: Array.isArray(s.done) ? s.done.filter(function (id) { return typeof id === "string"; }) : [],
      questions: Array.isArray(s.questions) ? s.questions : [],
      answers: isObj(s.answers) ? s.answers : {}, results: isObj(s.results) ? s.results : {},
      self: isObj(s.self) ? s.self : {}, first: firsts(s.first), updated: typeof s.updated === "string" ? s.updated : null
    };
  }

  /* Stored first-try results with a well-formed answer only: they leave the browser in a submission file. */
  function firsts(x) {
    var out = {}, int = function (v) { return v === (v | 0); };
    Object.keys(isObj(x) ? x : {}).forEach(function (id) {
      var r = x[id], a = isObj(r) ? r.answer : undefined;
      var ok = a === null || typeof a === "boolean" || typeof a === "string" || int(a) || (Array.isArray(a) && a.every(int));
      if (ok && typeof r.correct === "boolean") out[id] = { correct: r.correct, answer: a };
    });
    return out;
  }

  function fresh(hash, keep) {
    return {
      v: 1, hash: hash, seed: newSeed(), attempts: keep ? keep.attempts : 0, best: keep ? keep.best : 0,
      last: keep ? keep.last : null, passed: keep ? keep.passed : false, checked: false, done: [],
      questions: [], answers: {}, results: {}, self: {}, first: keep ? keep.first : {}, updated: null
    };
  }

  /* A stored answer in the shape the question type expects, or the empty answer. */
  function answerOf(q, a) {
    var n = (q.o || q.i || q.l || []).length;
    var ok = function (x) { return x === (x | 0) && x >= 0 && x < n; };
    switch (q.t) {
      case "single": return ok(a) ? a : null;
      case "multiple": return Array.isArray(a) ? a.filter(ok) : [];
      case "true_false": return typeof a === "boolean" ? a : null;
      case "ordering":
        return Array.isArray(a) && a.length === n && a.every(ok) && a.every(function (x, i) { return a.indexOf(x) === i; })
          ? a.slice() : range(n);
      case "matching":
        return q.l.map(function (_, i) {
          var x = Array.isArray(a) ? a[i] : -1;
          return x === (x | 0) && x >= 0 && x < q.r.length ? x : -1;
        });
      default: return typeof a === "string" ? a : "";
    }
  }

  /* The stored answer in its shape (a), the share of the question's points earned (f, 0–1) and whether
     anything was answered; scoring rules of generator/model/quiz.py. An ordering question counts as
     answered only once an item was moved: the order as shown earns nothing. */
  function grade(q, raw) {
    var a = answerOf(q, raw), k = q.key, f = 0, answered = true, hits;
    switch (q.t) {
      case "single": answered = a !== null; f = a === k.c[0] ? 1 : 0; break;
      case "true_false": answered = a !== null; f = a === k.a ? 1 : 0; break;
      case "multiple":
        hits = a.filter(function (i) { return k.c.indexOf(i) >= 0; }).length;
        answered = a.length > 0; f = Math.max(0, (hits - (a.length - hits)) / k.c.length); break;
      case "fill":
        answered = norm(a) !== ""; f = answered && k.a.some(function (x) { return norm(x) === norm(a); }) ? 1 : 0; break;
      case "short": answered = norm(a) !== ""; break;
      case "ordering":
        answered = Array.isArray(raw) && raw.length === a.length && raw.every(function (x, i) { return x === a[i]; });
        f = answered ? a.filter(function (x, i) { return x === k.o[i]; }).length / a.length : 0; break;
      case "matching":
        answered = a.some(function (x) { return x >= 0; });
        f = a.filter(function (x, i) { return x === k.m[i]; }).length / a.length; break;
    }
    return { a: a, f: f, answered: answered, correct: f > 0.9999 };
  }

  /* An answer (in its stored shape) as a line of text, for the review's "your last answer". */
  function answerText(q, a) {
    var none = t("quiz.noAnswer"), sep = t("quiz.sep");
    switch (q.t) {
      case "single": return a === null ? none : q.o[a];
      case "multiple": return a.length ? a.map(function (i) { return q.o[i]; }).join(sep) : none;
      case "true_false": return a === null ? none : t(a ? "quiz.true" : "quiz.false");
      case "ordering": return a.map(function (i) { return q.i[i]; }).join(" → ");
      case "matching":
        return a.some(function (x) { return x >= 0; })
          ? q.l.map(function (left, i) { return left + " → " + (a[i] >= 0 ? q.r[a[i]] : "—"); }).join(sep) : none;
      default: return norm(a) ? a : none;
    }
  }

  /* The right answer as a line of text; null for a short answer (its reference answer is shown instead). */
  function keyText(q) {
    var k = q.key;
    switch (q.t) {
      case "single": return answerText(q, k.c[0]);
      case "multiple": return answerText(q, k.c);
      case "true_false": return answerText(q, k.a);
      case "fill": return k.a.join(" / ");
      case "ordering": return answerText(q, k.o);
      case "matching": return answerText(q, k.m);
    }
    return null;
  }

  var UNDO_SECONDS = 10;

  /* ---- one widget ---- */

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
      group.questions.forEach(function (q) { q.key = decode(q.k, data.hash); self.pool[q.id] = q; });
    });
    var stored = clean(cg.store.get(this.key, null), data.hash);
    this.state = stored || fresh(data.hash);
    this.started();
    this.live = el("p", { class: "cg-sr", "aria-live": "polite" });
    this.body = el("div", { class: "cg-quiz__body" });
    this.undoBar = el("div", { class: "cg-quiz__undo", role: "status" });
    this.undoBar.hidden = true;
    root.appendChild(this.body);
    root.appendChild(this.undoBar);
    root.appendChild(this.live);
    this.render();
    if (!stored && (data.draw || data.shuffle)) this.save(); // the seed must survive a reload
  }

  /* The questions of the current attempt and their option order, all derived from the seed. */
  Quiz.prototype.attempt = function () {
    var data = this.data, rand = rng(this.state.seed), ids, order = {};
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
    var qs = ids.map(function (id) { return this.pool[id]; }, this);
    qs.forEach(function (q) { order[q.id] = q.o && data.shuffle ? shuffled(range(q.o.length), rand) : range((q.o || []).length); });
    return { qs: qs, order: order };
  };

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

  Quiz.prototype.graded = function (q) { return grade(q, this.state.answers[q.id]); };

  /* Each auto-graded question of the attempt as the LMS's interaction report needs it (contract above). */
  Quiz.prototype.items = function () {
    var self = this;
    return this.current.qs.filter(function (q) { return q.t !== "short"; }).map(function (q) {
      var g = self.graded(q), at = self.answeredAt[q.id];
      return {
        id: q.id, type: q.t, prompt: plain(q.q), answer: g.a, answered: g.answered, key: keyOf(q),
        options: (q.o || q.i || q.l || []).length, correct: g.correct, fraction: g.f, max: q.p,
        latency: at ? Math.max(0, at - self.shownAt) : null
      };
    });
  };

  /* Questions, the result card, the unanswered warning and the main button; "清除记录" sits apart, below,
     as a quiet link-styled button (a destructive action never looks like the next step). */
  Quiz.prototype.render = function () {
    this.current = this.attempt();
    var body = this.body, bar = el("div", { class: "cg-quiz__bar" });
    body.textContent = "";
    this.current.qs.forEach(function (q, n) { body.appendChild(this.question(q, n)); }, this);
    this.result = el("div", { class: "cg-quiz__result", role: "status", "aria-live": "polite", tabindex: "-1" });
    this.warning = el("div", { class: "cg-quiz__warn", role: "alert" });
    this.summary();
    var done = this.state.checked;
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

  Quiz.prototype.question = function (q, n) {
    var base = this.uid + "-" + n, a = answerOf(q, this.state.answers[q.id]), review = this.review;
    var label = review && review.n ? t("quiz.from", { bank: review.bank, n: review.n }) : t("quiz.n", { n: n + 1 });
    var box = el("div", { class: "cg-q cg-q--" + q.t, id: base, "data-qid": q.id, role: "group", "aria-labelledby": base + "-h " + base + "-p" }, [
      el("div", { class: "cg-q__head", id: base + "-h" }, [
        el("span", { text: label }), el("span", { text: q.t === "short" ? t("quiz.selfGraded") : t("quiz.pts", { n: q.p }) })]),
      el("div", { class: "cg-q__prompt", id: base + "-p", html: q.q })
    ]);
    var kind = q.t === "single" || q.t === "multiple" || q.t === "true_false" ? "choices" : q.t;
    box.appendChild(this[kind](q, a, base));
    if (review && review.last !== undefined) box.appendChild(this.compare(q));
    if (this.shown(q)) box.appendChild(this.feedback(q));
    else if (this.immediate) {
      box.appendChild(el("div", { class: "cg-q__check" }, [this.button(t("quiz.checkOne"), function () { this.checkOne(q, n); },
        "md-button", { "aria-label": t("quiz.checkOneLabel", { n: n + 1 }) })]));
    }
    return box;
  };

  /* The review page: the trainee's last (wrong) answer, and beside it the right one once checked here. */
  Quiz.prototype.compare = function (q) {
    var g = grade(q, this.review.last);
    var rows = [[t("quiz.lastAnswer"), g.answered ? answerText(q, g.a) : t("quiz.noAnswer"), "cg-compare--last"]];
    if (this.state.checked && keyText(q) !== null) rows.push([t("quiz.rightAnswer"), keyText(q), "cg-compare--right"]);
    return el("dl", { class: "cg-compare" }, rows.map(function (row) {
      return el("div", { class: row[2] }, [el("dt", { text: row[0] }), el("dd", { text: row[1] })]);
    }));
  };

  Quiz.prototype.choices = function (q, a, base) {
    var multi = q.t === "multiple", tf = q.t === "true_false", done = this.shown(q), self = this;
    var texts = tf ? [t("quiz.true"), t("quiz.false")] : q.o, right = tf ? [q.key.a ? 0 : 1] : q.key.c;
    var list = el("div", { class: "cg-opts" });
    (tf ? [0, 1] : this.current.order[q.id]).forEach(function (i) {
      var chosen = multi ? a.indexOf(i) >= 0 : tf ? a === (i === 0) : a === i;
      var input = el("input", { type: multi ? "checkbox" : "radio", name: base, id: base + "-" + i, value: String(i) });
      input.checked = chosen;
      input.disabled = done;
      input.addEventListener("change", function () {
        var ticked = [].filter.call(list.querySelectorAll("input"), function (c) { return c.checked; });
        self.setAnswer(q, multi ? ticked.map(function (c) { return +c.value; }) : tf ? i === 0 : i);
      });
      var label = el("label", { for: input.id, class: "cg-opt" }, [input, el("span", { text: texts[i] })]);
      var row = el("div", { class: "cg-opt__row" }, [label]);
      if (done) {
        var isRight = right.indexOf(i) >= 0;
        if (isRight || chosen) {
          row.className += isRight ? " cg-opt--right" : " cg-opt--wrong";
          label.appendChild(el("span", { class: "cg-opt__mark", text: isRight ? "✓ " + t("quiz.isRight") : "✗ " + t("quiz.isWrong") }));
        }
        if (chosen && !tf && q.key.f[i]) row.appendChild(el("div", { class: "cg-opt__fb", html: q.key.f[i] }));
      }
      list.appendChild(row);
    });
    return list;
  };

  Quiz.prototype.text = function (q, a, base, multiline) {
    var input = el(multiline ? "textarea" : "input", multiline ? { id: base + "-a", rows: "4" } : { id: base + "-a", type: "text", autocomplete: "off" });
    var self = this;
    input.value = a;
    input.disabled = this.shown(q);
    input.addEventListener("input", function () { self.setAnswer(q, input.value); });
    return el("div", { class: "cg-text" }, [el("label", { for: input.id, text: t("quiz.answer") }), input]);
  };

  Quiz.prototype.fill = function (q, a, base) { return this.text(q, a, base, false); };
  Quiz.prototype.short = function (q, a, base) { return this.text(q, a, base, true); };

  Quiz.prototype.ordering = function (q, a, base) {
    var list = el("ol", { class: "cg-order" }), self = this, done = this.shown(q);
    a.forEach(function (item, pos) {
      var ok = q.key.o[pos] === item;
      var li = el("li", { class: done ? (ok ? "cg-opt--right" : "cg-opt--wrong") : "" }, [el("span", { text: q.i[item] }),
        done ? el("span", { class: "cg-opt__mark", text: ok ? "✓" : "✗" }) : null]);
      [[-1, "↑", "quiz.up"], [1, "↓", "quiz.down"]].forEach(function (m) {
        var to = pos + m[0];
        var b = el("button", { type: "button", class: "cg-move", "data-move": String(m[0]), "aria-label": t(m[2], { item: q.i[item] }), text: m[1] });
        b.disabled = done || to < 0 || to >= a.length;
        b.addEventListener("click", function () {
          var next = a.slice();
          next[pos] = a[to]; next[to] = item;
          self.setAnswer(q, next);
          var fresh = self.ordering(q, next, base);
          list.parentNode.replaceChild(fresh, list);
          var row = fresh.children[to], target = row.querySelector('[data-move="' + m[0] + '"]');
          (target.disabled ? row.querySelector(".cg-move:not([disabled])") : target).focus();
          self.say(t("quiz.moved", { item: q.i[item], n: to + 1 }));
        });
        li.appendChild(b);
      });
      list.appendChild(li);
    });
    return list;
  };

  Quiz.prototype.matching = function (q, a, base) {
    var box = el("div", { class: "cg-match" }), self = this, done = this.shown(q);
    q.l.forEach(function (left, i) {
      var select = el("select", { id: base + "-" + i }, [el("option", { value: "-1", text: t("quiz.choose") })]);
      q.r.forEach(function (right, j) { select.appendChild(el("option", { value: String(j), text: right })); });
      select.value = String(a[i]);
      select.disabled = done;
      select.addEventListener("change", function () {
        var next = answerOf(q, self.state.answers[q.id]);
        next[i] = +select.value;
        self.setAnswer(q, next);
      });
      var row = el("div", { class: "cg-match__row" }, [el("label", { for: select.id, text: left }), select]);
      if (done) {
        var ok = a[i] === q.key.m[i];
        row.className += ok ? " cg-opt--right" : " cg-opt--wrong";
        row.appendChild(el("span", { class: "cg-opt__mark", text: ok ? t("quiz.verdict.right") : "✗ " + t("quiz.key", { a: q.r[q.key.m[i]] }) }));
      }
      box.appendChild(row);
    });
    return box;
  };

  /* A short answer gets its reference answer and checklist, never points: it is self-assessed. */
  Quiz.prototype.feedback = function (q) {
    var k = q.key, box = el("div", { class: "cg-q__fb", tabindex: "-1" }), self = this;
    if (q.t === "short") {
      var ticked = this.ticked(q);
      box.appendChild(el("p", { class: "cg-q__verdict", text: t("quiz.reference") }));
      box.appendChild(el("div", { class: "cg-q__ref", html: k.r }));
      box.appendChild(el("p", { text: t("quiz.selfcheck") }));
      k.c.forEach(function (point, i) {
        var input = el("input", { type: "checkbox", id: this.uid + "-" + q.id.replace(/\W/g, "_") + "-c" + i });
        input.checked = ticked.indexOf(i) >= 0;
        input.addEventListener("change", function () {
          var now = self.ticked(q).filter(function (x) { return x !== i; });
          if (input.checked) now.push(i);
          self.state.self[q.id] = now;
          self.save();
          self.summary();
        });
        box.appendChild(el("div", { class: "cg-opt__row" }, [el("label", { for: input.id, class: "cg-opt" }, [input, el("span", { text: point })])]));
      }, this);
    } else {
      var g = this.graded(q), a = g.a, verdict = !g.answered ? "none" : g.correct ? "right" : g.f > 0 ? "partial" : "wrong";
      box.className += " cg-q__fb--" + verdict;
      box.appendChild(el("p", { class: "cg-q__verdict", text: t("quiz.verdict." + verdict) + " · " + t("quiz.got", { got: fmt(g.f * q.p), max: q.p }) }));
      var tfNote = q.t === "true_false" && a !== null ? (a ? k.ft : k.ff) : "";
      if (tfNote) box.appendChild(el("div", { html: tfNote }));
      if (q.t === "fill" && !g.correct) box.appendChild(el("p", { text: t("quiz.key", { a: k.a.join(" / ") }) }));
      if (q.t === "ordering" && !g.correct) {
        box.appendChild(el("p", { text: t("quiz.order") }));
        box.appendChild(el("ol", {}, k.o.map(function (i) { return el("li", { text: q.i[i] }); })));
      }
    }
    if (k.x) box.appendChild(el("div", { class: "cg-q__expl", html: k.x }));
    return box;
  };

  /* The checklist points ticked for a short answer (stored data may be anything). */
  Quiz.prototype.ticked = function (q) {
    var list = this.state.self[q.id], n = q.key.c.length;
    return Array.isArray(list) ? list.filter(function (x, i) { return x === (x | 0) && x >= 0 && x < n && list.indexOf(x) === i; }) : [];
  };

  /* The result card: passed or not yet (said in words and by colour), one scale — a percentage with the
     points beside it and the pass mark as a percentage too — then the self-check count and the best
     result. A review question shows only its own verdict. */
  Quiz.prototype.summary = function () {
    var s = this.state, lines = [], head = null, shorts = this.current.qs.filter(function (q) { return q.t === "short"; });
    this.result.className = "cg-quiz__result";
    if (this.review) { this.result.textContent = ""; return; }
    if (s.checked) {
      var r = this.score();
      head = t(r.passed ? "quiz.pass" : "quiz.fail");
      this.result.className += r.passed ? " cg-quiz__result--pass" : " cg-quiz__result--fail";
      if (r.max) lines.push(t("quiz.score", { score: r.score, got: fmt(r.points), max: r.max, pass: this.data.pass }));
      if (shorts.length) {
        var n = 0, m = 0;
        shorts.forEach(function (q) { n += this.ticked(q).length; m += q.key.c.length; }, this);
        lines.push(t("quiz.self", { n: n, m: m }));
      }
    }
    if (s.attempts) lines.push(t("quiz.best", { best: s.best, n: s.attempts }));
    this.result.textContent = "";
    if (head) this.result.appendChild(el("p", { class: "cg-quiz__verdict", text: head }));
    lines.forEach(function (line) { this.result.appendChild(el("p", { text: line })); }, this);
  };

  Quiz.prototype.score = function () {
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

  /* "提交答案": questions left unanswered are named first, with a way to go to the first of them. */
  Quiz.prototype.submit = function () {
    var self = this, open = this.current.qs.map(function (q, n) { return { q: q, n: n }; }).filter(function (x) {
      return !self.shown(x.q) && !self.graded(x.q).answered;
    });
    if (!open.length || this.warning.childNodes.length) { this.check(); return; }
    var first = open[0];
    this.warning.appendChild(el("p", { text: t("quiz.unanswered", { n: open.length }) }));
    this.warning.appendChild(el("div", { class: "cg-quiz__bar" }, [
      this.button(t("quiz.goFirst", { n: first.n + 1 }), function () { this.clearWarning(); this.focusQuestion(first.n); }, "md-button md-button--primary"),
      this.button(t("quiz.submitAnyway"), this.check, "md-button")
    ]));
    this.warning.querySelector("button").focus();
  };

  Quiz.prototype.clearWarning = function () { this.warning.textContent = ""; };

  Quiz.prototype.focusQuestion = function (n) {
    var box = this.body.querySelectorAll(".cg-q")[n];
    var target = box.querySelector("input:not([disabled]), select, textarea, .cg-move:not([disabled])");
    box.scrollIntoView({ block: "start" });
    if (target) target.focus({ preventScroll: true });
  };

  /* "检查" under one question (feedback: immediate): its feedback now; the whole attempt is checked
     once every question has been. */
  Quiz.prototype.checkOne = function (q, n) {
    if (!this.graded(q).answered) { this.say(t("quiz.answerFirst", { n: n + 1 })); this.focusQuestion(n); return; }
    this.state.done.push(q.id);
    this.save();
    var self = this, open = this.current.qs.filter(function (x) { return !self.shown(x); });
    if (!open.length) { this.check(); return; }
    var old = this.body.querySelectorAll(".cg-q")[n], box = this.question(q, n);
    old.parentNode.replaceChild(box, old);
    box.querySelector(".cg-q__fb").focus();
  };

  Quiz.prototype.check = function () {
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

  /* The review page's count follows each check: a question answered right here no longer counts. */
  Quiz.prototype.reviewed = function (r) {
    var right = Object.keys(r.results).every(function (id) { return r.results[id].correct; });
    if (right) this.root.setAttribute("data-solved", ""); else this.root.removeAttribute("data-solved");
    this.focusFeedback();
    var page = this.root.closest("[data-cg-review]"), count = page && page.querySelector("[data-cg-review-count]");
    if (!count) return;
    var left = page.querySelectorAll(".cg-quiz[data-review]:not([data-solved])").length;
    count.textContent = left ? t("review.count", { n: left }) : t("review.allDone");
  };

  Quiz.prototype.focusFeedback = function () {
    var fb = this.body.querySelector(".cg-q__fb");
    if (fb) fb.focus();
  };

  Quiz.prototype.retry = function () {
    this.state = fresh(this.data.hash, this.state);
    this.started();
    this.render();
    this.save();
    var first = this.body.querySelector("input, select, textarea, .cg-move:not([disabled])");
    if (first) first.focus();
  };

  /* "清除记录" asks first, saying what goes, and can be undone for UNDO_SECONDS: the stored record is
     kept in memory until then and written back as it was. */
  Quiz.prototype.reset = function () {
    var s = this.state;
    if (!window.confirm(t("quiz.resetConfirm", { best: s.best, n: s.attempts, s: UNDO_SECONDS }))) return;
    var before = cg.store.get(this.key, null);
    cg.store.remove(this.key);
    this.state = fresh(this.data.hash);
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
      this.state = clean(before, this.data.hash) || fresh(this.data.hash);
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
    if (root.hasAttribute("data-review")) reviewOf(root, function (review) { new Quiz(root, data, review); });
    else new Quiz(root, data);
  }

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

  function lastWrong(bank, bankId, qid) {
    var quizzes = ((window.coursegenCourse || {}).quizzes || []).filter(function (q) { return q.final; })
      .map(function (q) { return { id: q.id, hash: q.hash, qkey: bankId + "/" + qid }; });
    if (bank) quizzes.unshift({ id: bankId, hash: bank.hash, qkey: qid });
    var best = null;
    quizzes.forEach(function (q) {
      var s = clean(cg.store.get(cg.keys.quiz(q.id), null), q.hash), r = s && s.checked && s.results[q.qkey];
      if (r && !r.correct && (!best || s.updated > best.at)) best = { at: s.updated || "", answer: s.answers[q.qkey] };
    });
    return best ? best.answer : undefined;
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
    state: function (quizId, hash) { return clean(cg.store.get(cg.keys.quiz(quizId), null), hash); },
    reset: function (quizId) { cg.store.remove(cg.keys.quiz(quizId)); },
    mount: mount,
    decode: decode
  };

  cg.onPage(mount);
})();
