/* coursegen quizzes: a drag-the-words question. Its text with a button in each blank, and below it the words
   not yet placed, each a button too. Three ways to fill a blank, all ending in the same placement:
   - drag a word (with a mouse or pen) onto a blank, or a placed word onto another blank or back to the words;
   - tap or click a word, then a blank (the way on a phone, where a page does not drag);
   - with the keyboard, Tab to a word and press Enter or Space, then Tab to a blank and press it again.
   A filled blank pressed with no word chosen gives its word back. Each step is said to a screen reader.
   Methods of the quiz widget, shared through coursegen.quizParts (see cg-quiz.js). */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  var el = cg.el, t = cg.t, parts = cg.quizParts = cg.quizParts || {}, methods = {};

  /* The drag's data: the dragged word's index in q.w, as plain text (the one type every browser carries). */
  var DRAG_TYPE = "text/plain";

  methods.dragwords = function (q, a, base) {
    var self = this, done = this.shown(q), chosen = this.chosenWord(q);
    var box = el("div", { class: "cg-drag" });
    var line = el("p", { class: "cg-drag__text" });
    q.g.forEach(function (piece, i) {
      line.appendChild(document.createTextNode(piece));
      if (i < q.g.length - 1) line.appendChild(done ? self.dragPlaced(q, a, i) : self.dragSlot(q, a, i, base));
    });
    if (done) { box.appendChild(line); return box; }
    box.appendChild(el("p", { class: "cg-drag__how", id: base + "-how", text: t("quiz.dragwords.how") }));
    box.appendChild(line);
    var pool = el("div", { class: "cg-drag__pool", role: "group", "aria-label": t("quiz.dragwords.pool") });
    q.w.forEach(function (word, j) {
      if (a.indexOf(j) >= 0) return;
      var b = el("button", { type: "button", class: "cg-drag__word", draggable: "true", "data-word": String(j),
        "aria-pressed": String(chosen === j), "aria-describedby": base + "-how", text: word });
      b.addEventListener("click", function () { self.chooseWord(q, j, base); });
      self.dragWordFrom(b, j);
      pool.appendChild(b);
    });
    this.dropWordOn(pool, function (j) { self.takeWordBack(q, j, base); });
    box.appendChild(pool);
    return box;
  };

  /* A blank to fill: empty ("空 1"), or holding a word that can be dragged on or pressed to take it back. */
  methods.dragSlot = function (q, a, i, base) {
    var self = this, word = a[i] >= 0 ? q.w[a[i]] : null;
    var b = el("button", { type: "button", class: "cg-drag__slot" + (word === null ? " cg-drag__slot--empty" : ""), "data-slot": String(i),
      "aria-label": word === null ? t("quiz.dragwords.blankEmpty", { n: i + 1 }) : t("quiz.dragwords.blankFilled", { n: i + 1, word: word }),
      text: word === null ? t("quiz.dragwords.slot", { n: i + 1 }) : word });
    b.addEventListener("click", function () { self.placeWord(q, i, self.chosenWord(q), base); });
    if (word !== null) {
      b.setAttribute("draggable", "true");
      this.dragWordFrom(b, a[i]);
    }
    this.dropWordOn(b, function (j) { self.placeWord(q, i, j, base); });
    return b;
  };

  /* A blank once checked: its word (or a dash), right or wrong in words as well as by colour. */
  methods.dragPlaced = function (q, a, i) {
    var ok = a[i] === q.key.m[i], word = a[i] >= 0 ? q.w[a[i]] : "—";
    return el("span", { class: "cg-drag__placed " + (ok ? "cg-opt--right" : "cg-opt--wrong") }, [
      el("span", { text: word }),
      el("span", { class: "cg-opt__mark", text: ok ? "✓" : "✗", "aria-label": t(ok ? "quiz.verdict.right" : "quiz.verdict.wrong") })]);
  };

  methods.dragWordFrom = function (node, j) {
    node.addEventListener("dragstart", function (event) {
      event.dataTransfer.setData(DRAG_TYPE, String(j));
      event.dataTransfer.effectAllowed = "move";
    });
  };

  methods.dropWordOn = function (node, then) {
    node.addEventListener("dragover", function (event) { event.preventDefault(); event.dataTransfer.dropEffect = "move"; });
    node.addEventListener("drop", function (event) {
      event.preventDefault();
      event.stopPropagation();
      var j = parseInt(event.dataTransfer.getData(DRAG_TYPE), 10);
      if (j >= 0) then(j);
    });
  };

  /* The word chosen (tapped or pressed) to go into the next blank pressed, or -1. */
  methods.chosenWord = function (q) {
    var j = (this.chosen || {})[q.id];
    return typeof j === "number" ? j : -1;
  };

  methods.chooseWord = function (q, j, base) {
    this.chosen = this.chosen || {};
    this.chosen[q.id] = this.chosenWord(q) === j ? -1 : j;
    this.redrawWords(q, base, '[data-word="' + j + '"]');
    if (this.chosen[q.id] === j) this.say(t("quiz.dragwords.picked", { word: q.w[j] }));
  };

  /* Word j into blank i (out of any other blank it was in); with no word (j -1), blank i gives its word back. */
  methods.placeWord = function (q, i, j, base) {
    var next = parts.answerOf(q, this.state.answers[q.id]), had = next[i];
    if (j < 0) {
      if (had < 0) { this.say(t("quiz.dragwords.how")); return; }
      this.takeWordBack(q, had, base);
      return;
    }
    next = next.map(function (x) { return x === j ? -1 : x; });
    next[i] = j;
    this.settleWords(q, next, base, '[data-slot="' + i + '"]', t("quiz.dragwords.placed", { word: q.w[j], n: i + 1 }));
  };

  /* Word j back among the words to drag. */
  methods.takeWordBack = function (q, j, base) {
    var before = parts.answerOf(q, this.state.answers[q.id]), i = before.indexOf(j);
    if (i < 0) return;
    var next = before.map(function (x) { return x === j ? -1 : x; });
    this.settleWords(q, next, base, '[data-slot="' + i + '"]', t("quiz.dragwords.removed", { word: q.w[j], n: i + 1 }));
  };

  methods.settleWords = function (q, next, base, focus, said) {
    (this.chosen || {})[q.id] = -1;
    this.setAnswer(q, next);
    this.redrawWords(q, base, focus);
    this.say(said);
  };

  /* The question's controls drawn again from its answer, the focus kept on the control the trainee used. */
  methods.redrawWords = function (q, base, focus) {
    var old = document.getElementById(base).querySelector(".cg-drag");
    var fresh = this.dragwords(q, parts.answerOf(q, this.state.answers[q.id]), base);
    old.parentNode.replaceChild(fresh, old);
    var target = fresh.querySelector(focus) || fresh.querySelector(".cg-drag__word, .cg-drag__slot");
    if (target) target.focus();
  };

  parts.dragwords = methods;
})();
