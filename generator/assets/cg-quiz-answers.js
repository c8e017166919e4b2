/* coursegen quizzes: the question types. For each type (single, multiple, true_false, fill, short,
   ordering, matching, cloze, numeric, dragwords, hotspot), the shape of a stored answer, its grading (the scoring rules of
   generator/model/quiz.py), its decoded key, and both as a line of text. Pure functions: no page, no storage.
   A part of the quiz widget, shared through coursegen.quizParts (see cg-quiz.js). */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  var t = cg.t, parts = cg.quizParts = cg.quizParts || {};

  /* A question's key and explanation from its payload (k), XOR-ed with the bank's content hash (key). */
  function decode(text, key) {
    var bin = atob(text), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i) ^ key.charCodeAt(i % key.length);
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  function range(n) { for (var a = [], i = 0; i < n; i++) a.push(i); return a; }

  /* Full-width letters, digits and spaces become half-width (NFKC); case and outer spaces are ignored. */
  function norm(s) { return String(s).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim(); }

  /* The number a trainee typed for a numeric question, or null. Full-width digits and signs count (NFKC), so do
     spaces, a thousands comma in its places ("1,500") and the question's own unit after the number ("15天"); a
     decimal comma does not ("1,5" is not a number: in Chinese a comma groups thousands). */
  function number(q, a) {
    var s = norm(a).replace(/\s+/g, "").replace(/\u2212/g, "-"), unit = q.u ? norm(q.u).replace(/\s+/g, "") : "";
    if (unit && s.slice(-unit.length) === unit) s = s.slice(0, -unit.length);
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
    return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s) ? parseFloat(s) : null;
  }

  /* How many blanks a cloze or drag-the-words question has: one fewer than the pieces of text around them. */
  function blanks(q) { return q.g.length - 1; }

  /* Whether x is one of the accepted answers of a cloze's blank i. */
  function blankRight(q, i, x) { return q.key.a[i].some(function (y) { return norm(y) === norm(x); }); }

  /* The decoded key in the answer's own terms (see the event's contract in cg-quiz-check.js). */
  function keyOf(q) {
    var k = q.key;
    switch (q.t) {
      case "single": case "multiple": return k.c.slice();
      case "true_false": return k.a;
      case "fill": return k.a.slice();
      case "ordering": return k.o.slice();
      case "matching": return k.m.slice();
      case "cloze": return k.a.map(function (accepted) { return accepted.slice(); });
      case "numeric": return [k.a - k.d, k.a + k.d].map(function (x) { return Math.round(x * 1e9) / 1e9; });  /* 1.45, not 1.4500000000000002 */
      case "dragwords": return k.m.slice();
      case "hotspot": return k.n.slice();
    }
    return null;
  }

  /* Whether a point [x, y] (percent of the picture) lies in an area of a hotspot key: {r: [x, y, w, h]} or
     {p: [[x, y], ...]} (even-odd ray casting, as Hotspot's areas check it in generator/model/quiz.py). */
  function inside(area, pt) {
    var x = pt[0], y = pt[1], r = area.r, p = area.p, hit = false;
    if (r) return x >= r[0] && x <= r[0] + r[2] && y >= r[1] && y <= r[1] + r[3];
    for (var i = 0, j = p.length - 1; i < p.length; j = i++) {
      if ((p[i][1] > y) !== (p[j][1] > y) && x < (p[j][0] - p[i][0]) * (y - p[i][1]) / (p[j][1] - p[i][1]) + p[i][0]) hit = !hit;
    }
    return hit;
  }

  function percent(x) { return x === (x | 0) && x >= 0 && x <= 100; }

  function fmt(x) { return String(Math.round(x * 100) / 100); }

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
      case "hotspot": return Array.isArray(a) && a.length === 2 && percent(a[0]) && percent(a[1]) ? a.slice() : null;
      case "matching":
        return q.l.map(function (_, i) {
          var x = Array.isArray(a) ? a[i] : -1;
          return x === (x | 0) && x >= 0 && x < q.r.length ? x : -1;
        });
      case "cloze":
        return range(blanks(q)).map(function (i) { return Array.isArray(a) && typeof a[i] === "string" ? a[i] : ""; });
      case "dragwords":  /* a word sits in one blank at most: a second place of it is dropped */
        return range(blanks(q)).map(function (i) {
          var x = Array.isArray(a) ? a[i] : -1;
          return x === (x | 0) && x >= 0 && x < q.w.length && a.indexOf(x) === i ? x : -1;
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
      case "cloze":
        answered = a.some(function (x) { return norm(x) !== ""; });
        f = a.filter(function (x, i) { return blankRight(q, i, x); }).length / a.length; break;
      case "numeric":
        hits = number(q, a);
        answered = norm(a) !== ""; f = hits !== null && Math.abs(hits - k.a) <= k.d + 1e-9 ? 1 : 0; break;
      case "dragwords":
        answered = a.some(function (x) { return x >= 0; });
        f = a.filter(function (x, i) { return x === k.m[i]; }).length / a.length; break;
      case "hotspot":
        answered = a !== null; f = answered && k.a.some(function (area) { return inside(area, a); }) ? 1 : 0; break;
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
      case "cloze": return a.some(function (x) { return norm(x) !== ""; }) ? a.map(function (x) { return norm(x) ? x : "—"; }).join(sep) : none;
      case "dragwords": return a.some(function (x) { return x >= 0; }) ? a.map(function (x) { return x >= 0 ? q.w[x] : "—"; }).join(sep) : none;
      case "hotspot": return a === null ? none : placeText(q, a);
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
      case "cloze": return k.a.map(function (accepted) { return accepted.join(" / "); }).join(t("quiz.sep"));
      case "numeric": return numberText(q);
      case "dragwords": return answerText(q, k.m);
      case "hotspot": return k.n.join(t("quiz.sep"));
    }
    return null;
  }

  /* A numeric question's right value with its unit, and its tolerance when it has one. */
  function numberText(q) {
    var value = String(q.key.a) + (q.u || "");
    return q.key.d ? t("quiz.numeric.range", { a: value, t: String(q.key.d) }) : value;
  }

  /* A hotspot answer in words: the label chosen from the list (its point is that area's), else where on the picture. */
  function placeText(q, a) {
    var chosen = labelAt(q, a);
    return chosen === null ? t("quiz.hotspot.point", { x: a[0], y: a[1] }) : q.z[chosen][0];
  }

  /* The place in a hotspot's list of labelled areas whose point the answer is, or null (a click elsewhere). */
  function labelAt(q, a) {
    for (var i = 0; i < q.z.length; i++) if (a && a[0] === q.z[i][1] && a[1] === q.z[i][2]) return i;
    return null;
  }

  Object.assign(parts, { decode: decode, range: range, keyOf: keyOf, fmt: fmt, answerOf: answerOf, grade: grade,
    answerText: answerText, keyText: keyText, number: number, blanks: blanks, blankRight: blankRight, inside: inside, labelAt: labelAt });
})();
