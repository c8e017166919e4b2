/* coursegen quizzes: a question on the page. Each type's controls (choices, a text box, an order to move
   items in, pairs to match), which store the answer as the trainee changes it and, once the question is
   checked, lock and mark it; then its feedback: points and explanation, or a short answer's reference answer
   and self-check list. Methods of the quiz widget, shared through coursegen.quizParts (see cg-quiz.js). */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  var el = cg.el, t = cg.t, parts = cg.quizParts = cg.quizParts || {}, methods = {};

  /* The number the trainee reads for the question at place n: on the review of mistakes a card is one question
     of its own, but it is named by its number in its bank ("第一章自测 · 第 7 题"), and so is every message about it. */
  methods.number = function (n) { return this.review && this.review.n ? this.review.n : n + 1; };

  /* One question of the attempt (n: its place): number and points, prompt, its type's controls, its hint once
     opened, and either its feedback once shown or its buttons: "提示" (where the trainer wrote a hint) beside
     its own "检查" (feedback: immediate). The place the phone's one-question view shows is marked current. */
  methods.question = function (q, n) {
    var base = this.uid + "-" + n, a = parts.answerOf(q, this.state.answers[q.id]), review = this.review;
    var label = review && review.n ? t("quiz.from", { bank: review.bank, n: review.n }) : t("quiz.n", { n: n + 1 });
    var box = el("div", { class: "cg-q cg-q--" + q.t + (n === this.page ? " cg-q--current" : ""), id: base, "data-qid": q.id, role: "group", "aria-labelledby": base + "-h " + base + "-p" }, [
      el("div", { class: "cg-q__head", id: base + "-h", tabindex: "-1" }, [
        el("span", { text: label }), el("span", { text: q.t === "short" ? t("quiz.selfGraded") : t("quiz.pts", { n: q.p }) })]),
      el("div", { class: "cg-q__prompt", id: base + "-p", html: q.q })
    ]);
    var kind = q.t === "single" || q.t === "multiple" || q.t === "true_false" ? "choices" : q.t;
    box.appendChild(this[kind](q, a, base));
    if (review && review.last !== undefined) box.appendChild(this.compare(q));
    if (this.hinted(q)) box.appendChild(el("div", { class: "cg-q__hint", tabindex: "-1" }, [
      el("p", { class: "cg-q__hint-head", text: t("quiz.hint") }), el("div", { html: q.key.h })]));
    if (this.shown(q)) { box.appendChild(this.feedback(q)); return box; }
    var tools = [];
    if (q.key.h && !this.hinted(q)) {
      tools.push(this.button(t("quiz.hint"), function () { this.showHint(q, n); }, "md-button", { "aria-label": t("quiz.hintLabel", { n: this.number(n) }) }));
    }
    if (this.immediate || this.state.done.length) {  /* done in a quiz checked as a whole: one question redone (retryOne) */
      tools.push(this.button(t("quiz.checkOne"), function () { this.checkOne(q, n); },
        "md-button", { "aria-label": t("quiz.checkOneLabel", { n: this.number(n) }) }));
    }
    if (tools.length) box.appendChild(el("div", { class: "cg-q__check" }, tools));
    return box;
  };

  /* Whether the trainee opened the question's hint in this attempt: it stays shown until the next one. */
  methods.hinted = function (q) { return !!q.key.h && this.state.hints.indexOf(q.id) >= 0; };

  /* "提示": the hint under the question, kept in the attempt's state (cg-quiz-state.js), and the focus on it, as
     the button it replaces is gone. */
  methods.showHint = function (q, n) {
    this.state.hints.push(q.id);
    this.save();
    var old = this.body.querySelectorAll(".cg-q")[n], box = this.question(q, n);
    old.parentNode.replaceChild(box, old);
    box.querySelector(".cg-q__hint").focus();
  };

  methods.choices = function (q, a, base) {
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
      if (done) {  /* a right option picked, a right option missed and a wrong one picked: three marks, in words too */
        var isRight = right.indexOf(i) >= 0, kind = isRight ? (chosen ? "right" : "missed") : chosen ? "wrong" : "";
        if (kind) {
          row.className += " cg-opt--" + kind;
          label.appendChild(el("span", { class: "cg-opt__mark", text: t("quiz.mark." + kind) }));
        }
        if (chosen && !tf && q.key.f[i]) row.appendChild(el("div", { class: "cg-opt__fb", html: q.key.f[i] }));
      }
      list.appendChild(row);
    });
    return list;
  };

  methods.text = function (q, a, base, multiline) {
    var input = el(multiline ? "textarea" : "input", multiline ? { id: base + "-a", rows: "4" } : { id: base + "-a", type: "text", autocomplete: "off" });
    var self = this;
    input.value = a;
    input.disabled = this.shown(q);
    input.addEventListener("input", function () { self.setAnswer(q, input.value); });
    return el("div", { class: "cg-text" }, [el("label", { for: input.id, text: t("quiz.answer") }), input]);
  };

  methods.fill = function (q, a, base) { return this.text(q, a, base, false); };

  /* A number: a text box (a phone shows its number pad), the question's unit after it. */
  methods.numeric = function (q, a, base) {
    var box = this.text(q, a, base, false), input = box.querySelector("input");
    input.setAttribute("inputmode", "decimal");
    box.querySelector("label").textContent = t("quiz.numeric.answer");
    if (q.u) {
      input.setAttribute("aria-describedby", base + "-u");
      box.appendChild(el("span", { class: "cg-text__unit", id: base + "-u", text: q.u }));
    }
    return box;
  };

  /* A text with a box in each blank, read in its flow ("投诉应在 [  ] 后 [  ] 个工作日内答复"), each box named by its
     number; once checked, each box marked right or wrong, in words too. */
  methods.cloze = function (q, a, base) {
    var line = el("p", { class: "cg-cloze" }), self = this, done = this.shown(q);
    q.g.forEach(function (piece, i) {
      line.appendChild(document.createTextNode(piece));
      if (i === q.g.length - 1) return;
      var input = el("input", { type: "text", id: base + "-b" + i, class: "cg-cloze__blank", autocomplete: "off", "aria-label": t("quiz.cloze.blank", { n: i + 1 }) });
      input.value = a[i];
      input.disabled = done;
      input.addEventListener("input", function () {
        var next = parts.answerOf(q, self.state.answers[q.id]);
        next[i] = input.value;
        self.setAnswer(q, next);
      });
      line.appendChild(input);
      if (done) {
        var ok = parts.blankRight(q, i, a[i]);
        input.className += ok ? " cg-opt--right" : " cg-opt--wrong";
        line.appendChild(el("span", { class: "cg-opt__mark", text: ok ? "✓" : "✗" }));
      }
    });
    return line;
  };
  methods.short = function (q, a, base) { return this.text(q, a, base, true); };

  methods.ordering = function (q, a, base) {
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

  methods.matching = function (q, a, base) {
    var box = el("div", { class: "cg-match" }), self = this, done = this.shown(q);
    q.l.forEach(function (left, i) {
      var select = el("select", { id: base + "-" + i }, [el("option", { value: "-1", text: t("quiz.choose") })]);
      q.r.forEach(function (right, j) { select.appendChild(el("option", { value: String(j), text: right })); });
      select.value = String(a[i]);
      select.disabled = done;
      select.addEventListener("change", function () {
        var next = parts.answerOf(q, self.state.answers[q.id]);
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
  methods.feedback = function (q) {
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
      box.appendChild(el("p", { class: "cg-q__verdict", text: t("quiz.verdict." + verdict) + " · " + t("quiz.got", { got: parts.fmt(g.f * q.p), max: q.p }) }));
      var tfNote = q.t === "true_false" && a !== null ? (a ? k.ft : k.ff) : "";
      if (tfNote) box.appendChild(el("div", { html: tfNote }));
      if (q.t === "fill" && !g.correct) box.appendChild(el("p", { text: t("quiz.key", { a: k.a.join(" / ") }) }));
      if (q.t === "cloze" && !g.correct) {
        box.appendChild(el("ul", {}, k.a.map(function (accepted, i) { return el("li", { text: t("quiz.cloze.key", { n: i + 1, a: accepted.join(" / ") }) }); })));
      }
      if (q.t === "numeric" && !g.correct) {
        if (g.answered && parts.number(q, a) === null) box.appendChild(el("p", { text: t("quiz.numeric.notNumber", { a: a }) }));
        box.appendChild(el("p", { text: t("quiz.key", { a: parts.keyText(q) }) }));
      }
      if (q.t === "dragwords" && !g.correct) box.appendChild(el("p", { text: t("quiz.key", { a: parts.keyText(q) }) }));
      if (q.t === "hotspot" && !g.correct) box.appendChild(el("p", { text: t("quiz.key", { a: parts.keyText(q) }) }));
      if (q.t === "ordering" && !g.correct) {
        box.appendChild(el("p", { text: t("quiz.order") }));
        box.appendChild(el("ol", {}, k.o.map(function (i) { return el("li", { text: q.i[i] }); })));
      }
    }
    if (k.x) box.appendChild(el("div", { class: "cg-q__expl", html: k.x }));
    if (this.state.checked && !this.data.draw && !this.review && q.t !== "short") {
      box.appendChild(el("p", { class: "cg-q__redo" }, [this.button(t("quiz.retryOne"), function () { this.retryOne(q); }, "md-button",
        { "aria-label": t("quiz.retryOneLabel", { n: this.number(this.current.qs.indexOf(q)) }) })]));
    }
    return box;
  };

  /* The checklist points ticked for a short answer (stored data may be anything). */
  methods.ticked = function (q) {
    var list = this.state.self[q.id], n = q.key.c.length;
    return Array.isArray(list) ? list.filter(function (x, i) { return x === (x | 0) && x >= 0 && x < n && list.indexOf(x) === i; }) : [];
  };

  parts.questions = methods;
})();
