/* coursegen learner pages: the review of mistakes (错题本), kept up to date from every check of every quiz. Loaded by
   the quiz pages, where checks are made, and the review page (generator/render/assets.py); each catches up on checks
   it has not seen (made before this script was loaded on any page, or brought in by an imported progress file)
   when it opens. Stored under keys.MISTAKES: {v: 1, items: {"<bankId>/<questionId>": {quiz, hash, at, last}},
   seen: {quizId: the attempts read}}. The review page itself is cg-quiz-review.js's. */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg || !cg.progress) return;
  var store = cg.store, keys = cg.keys, items = cg.progress.items, find = cg.progress.find, quizState = cg.completion.quizState;

  function mistakes() {
    var m = store.get(keys.MISTAKES, null);
    return m && m.v === 1 && m.items && m.seen ? m : { v: 1, items: {}, seen: {} };
  }

  function bankHash(bankId) { var q = find("quiz", bankId); return q ? q.hash : null; }

  /* Whether the trainee gave any answer (a question skipped in a check is not a mistake to review). */
  function answered(a) {
    if (a === undefined || a === null || a === "") return false;
    if (Array.isArray(a)) return a.length > 0 && a.some(function (x) { return x !== -1; });
    return true;
  }

  /* Read the latest check of one quiz into the review; the final assessment's ids already name their bank. */
  function absorb(m, q) {
    var s = quizState(q);
    if (!s || !s.checked) return false;
    Object.keys(s.results || {}).forEach(function (id) {
      var key = q.final ? id : q.id + "/" + id;
      if (s.results[id] && s.results[id].correct) delete m.items[key];
      else if (answered(s.answers[id])) m.items[key] = { quiz: q.id, hash: bankHash(key.split("/")[0]), at: s.updated };
    });
    m.seen[q.id] = s.attempts;
    return true;
  }

  function syncMistakes() {
    var m = mistakes(), changed = false;
    items("quiz").forEach(function (q) {
      var s = quizState(q);
      if (s && s.checked && m.seen[q.id] !== s.attempts) changed = absorb(m, q) || changed;
    });
    if (changed) store.set(keys.MISTAKES, m);
    return m;
  }


  cg.mistakes = { get: mistakes, sync: syncMistakes, answered: answered };

  /* A check on a quiz page; one on the review page's own one-question quizzes is cg-quiz-review.js's. */
  document.addEventListener("coursegen:quiz-scored", function (event) {
    var id = event.detail && event.detail.quizId, q = id && find("quiz", id);
    if (!q || document.querySelector('.cg-review__quiz[data-quiz="' + id + '"]')) return;
    var m = mistakes();
    if (absorb(m, q)) store.set(keys.MISTAKES, m);
  });

  cg.onPage(function () { syncMistakes(); });
})();
