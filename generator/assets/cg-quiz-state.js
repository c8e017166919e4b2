/* coursegen quizzes: a quiz's attempt state, as stored in this browser's localStorage (the questions its seed
   draws are the widget's, cg-quiz.js). A part of the quiz widget, shared through coursegen.quizParts (see
   cg-quiz.js); on every page, for the completion rule, so it carries nothing else.

   STABLE CONTRACT, relied on by the progress page, the review-of-mistakes page and the SCORM runtime.
   Change it only together with them (and bump v when a reader of the older shape would misread the new one;
   a field added with a default for state written before it, as first and earlier, needs no bump).

   Stored under  coursegen:<courseId>:quiz:<quizId>  (read it through coursegen.quiz.state):
   {
     v: 1,                  shape version
     hash: "0a1b…",         content hash of the quiz at build time; state read with another hash is carried
                            over (clean): its record moves to earlier, its attempt starts afresh
     seed: 123456789,       seed of the current attempt (final assessment draw, shuffled order)
     attempts: 2,           number of checked attempts
     best: 80,              best score so far, 0–100 (percent of the auto-graded points, rounded down)
     last: 60,              score of the latest check (null before the first)
     passed: true,          whether any attempt reached the pass mark
     checked: false,        whether the current attempt has been checked
     done: ["q1"],          questions of the current attempt already checked one by one (a bank with
                            feedback: immediate); the attempt is checked as a whole once all are
     hints: ["q1"],         questions of the current attempt whose hint the trainee opened (提示) before they
                            were checked; it costs no points — absent in state written before it
     questions: ["q1"],     question ids of the current attempt, in display order
                            (final assessment: "<bankId>/<questionId>")
     answers: {id: answer}, current answers: single option index; multiple [indices]; true_false bool;
                            fill and short text; ordering [item indices as shown in order], absent
                            while the trainee has not moved an item (an untouched order earns nothing);
                            matching [right index per left item, -1 if none]; cloze [text per blank];
                            numeric the text typed; dragwords [index of the word (as shown) per blank, -1 if none];
                            hotspot [x, y], the point clicked or the point of the labelled area chosen, in whole
                            percent of the picture's width and height
     results: {id: {correct: bool, points: earned, max: points}}   auto-graded questions, latest check
     self: {id: [ticked checklist indices]}                        short answers, self-graded
     first: {id: {correct: bool, answer}}   each auto-graded question the first time it was checked (answer
                            as above, null if none), kept across retries: the per-question results a
                            submission file may carry (cg-form.js) — absent in state written before it
     earlier: {attempts: 3, best: 82, passed: true}   the record made on earlier versions of the quiz (before a
                            trainer's edit; the most of each if edited more than once), shown marked as such; null
                            when none — absent in state written before it. Its first-try results are not kept:
                            they belong to questions that may have changed
     updated: "2024-05-01T09:00:00.000Z"
   }
*/
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  var parts = cg.quizParts = cg.quizParts || {};

  function isObj(x) { return !!x && typeof x === "object" && !Array.isArray(x); }

  function newSeed() { return Math.floor(Math.random() * 4294967296) >>> 0; }

  /* The state stored under key (a storage key of coursegen.keys), or null: see clean. */
  function stored(key, hash) { return clean(cg.store.get(key, null), hash); }

  /* Stored state made safe: anything malformed is dropped, never trusted; state of another version of the quiz
     (hash given and not its own) is carried over to this one. */
  function clean(s, hash) {
    if (!isObj(s) || s.v !== 1 || typeof s.hash !== "string") return null;
    var pct = function (x) { return typeof x === "number" && x >= 0 && x <= 100 ? x : null; };
    var c = {
      v: 1, hash: s.hash, seed: typeof s.seed === "number" ? s.seed >>> 0 : newSeed(),
      attempts: typeof s.attempts === "number" && s.attempts > 0 ? Math.floor(s.attempts) : 0,
      best: pct(s.best) || 0, last: pct(s.last), passed: s.passed === true, checked: s.checked === true,
      done: ids(s.done), hints: ids(s.hints),
      questions: Array.isArray(s.questions) ? s.questions : [],
      answers: isObj(s.answers) ? s.answers : {}, results: isObj(s.results) ? s.results : {},
      self: isObj(s.self) ? s.self : {}, first: firsts(s.first), updated: typeof s.updated === "string" ? s.updated : null,
      earlier: earlier(s.earlier)
    };
    return hash && s.hash !== hash ? carried(c, hash) : c;
  }

  /* A trainer edited the quiz since this state was saved: the trainee keeps the record (shown as from an earlier
     version) and starts a fresh attempt, as the answers given may not fit the edited questions and their keys. */
  function carried(s, hash) {
    var next = fresh(hash);
    next.earlier = s.attempts > 0 ? combine(s.earlier, { attempts: s.attempts, best: s.best, passed: s.passed }) : s.earlier;
    return next;
  }

  /* A stored earlier-version record, or null. */
  function earlier(x) {
    if (!isObj(x) || typeof x.attempts !== "number" || x.attempts < 1) return null;
    return { attempts: Math.floor(x.attempts), best: typeof x.best === "number" && x.best >= 0 && x.best <= 100 ? x.best : 0, passed: x.passed === true };
  }

  /* Two earlier-version records as one: the most of each (an import may bring the same record twice). */
  function combine(a, b) {
    a = earlier(a); b = earlier(b);
    if (!a || !b) return a || b;
    return { attempts: Math.max(a.attempts, b.attempts), best: Math.max(a.best, b.best), passed: a.passed || b.passed };
  }

  function ids(x) { return Array.isArray(x) ? x.filter(function (id) { return typeof id === "string"; }) : []; }

  /* Stored first-try results with a well-formed answer only: they leave the browser in a submission file. */
  function firsts(x) {
    var out = {}, int = function (v) { return v === (v | 0); };
    Object.keys(isObj(x) ? x : {}).forEach(function (id) {
      var r = x[id], a = isObj(r) ? r.answer : undefined;
      var ok = a === null || typeof a === "boolean" || typeof a === "string" || int(a) ||
        (Array.isArray(a) && (a.every(int) || a.every(function (v) { return typeof v === "string"; })));
      if (ok && typeof r.correct === "boolean") out[id] = { correct: r.correct, answer: a };
    });
    return out;
  }

  /* A new attempt's state; keep: the state whose record (attempts, best, last, passed, first, earlier) it carries on. */
  function fresh(hash, keep) {
    return {
      v: 1, hash: hash, seed: newSeed(), attempts: keep ? keep.attempts : 0, best: keep ? keep.best : 0,
      last: keep ? keep.last : null, passed: keep ? keep.passed : false, checked: false, done: [], hints: [],
      questions: [], answers: {}, results: {}, self: {}, first: keep ? keep.first : {}, updated: null,
      earlier: keep ? keep.earlier : null
    };
  }

  Object.assign(parts, { stored: stored, clean: clean, fresh: fresh, combine: combine });
})();
