/* coursegen completion: the course's one completion rule, evaluated over the trainee's records in this browser with
   each item's status from cg-completion.js. What the rule requires is written by the generator into cg-rule.js
   (coursegen.course().completion: [{kind, id, need}], need "done", "passed" or "taken"), from course.yml's
   `completion:` with its defaults filled in, so this script never guesses a default. Loaded where the rule is shown
   or reported (generator/render/assets.py): the dashboard, 学习进度, the completion record, the SCORM and cmi5
   launchers; not by every page, whose menu marks need the statuses alone. */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg || !cg.completion) return;
  var store = cg.store, keys = cg.keys, completion = cg.completion;
  var status = completion.status, complete = completion.complete, lecture = completion.lecture, quizState = completion.quizState;

  /* A quiz's scored record: this version's once taken, else the one from before the trainer's edit. */
  function scored(item) {
    var s = quizState(item);
    return s && s.attempts > 0 ? s : s && s.earlier && s.earlier.attempts > 0 ? s.earlier : null;
  }

  function taken(item) { return !!scored(item); }

  function met(item, need) {
    if (need === "taken") return taken(item);
    var state = status(item);
    return need === "passed" ? state === "passed" || state === "passedEarlier" : complete(state);
  }

  /* When an item was done, where this browser knows it (ISO time), for the completion date. */
  function doneAt(item) {
    if (item.kind === "lecture") return lecture(item.id).done || "";
    if (item.kind === "quiz") { var s = quizState(item); return (s && s.updated) || ""; }
    if (item.kind === "homework") return (store.get(keys.homework(item.id), {}) || {}).exportedAt || "";
    return "";
  }

  /* The final assessment's result as the hand-in files carry it (cg-form.js's quiz_scores), with its pass mark. */
  function finalResult(item) {
    var s = scored(item), config = cg.config.finalAssessment || {};
    if (!s) return null;
    return { id: item.id, title: item.title, best: Math.max(0, Math.min(100, Math.round(s.best))), passed: s.passed === true,
      passMark: config.passMark, at: s.updated || "" };
  }

  /* What a completion rests on, for HR to check: the final assessment's record when the rule requires it, else
     the latest hand-in among the required forms (its file's sha256, the receipt's check code), else nothing. */
  function record(entries) {
    var final = entries.filter(function (e) { return e.item.final && e.need !== "done"; })[0];
    if (final) { var result = finalResult(final.item); return result && { kind: "final", item: final.item, result: result }; }
    var sent = entries.filter(function (e) { return e.item.kind === "homework" && e.met; }).map(function (e) {
      return { kind: "homework", item: e.item, sent: store.get(keys.homework(e.item.id), {}) };
    }).sort(function (a, b) { return a.sent.exportedAt < b.sent.exportedAt ? 1 : -1; });
    return sent[0] || null;
  }

  /* THE completion rule, evaluated over this browser's records: the one function the dashboard, 学习进度, the
     completion record and the SCORM runtime call (and a cmi5 runtime would call, to send "completed", "passed"
     or "failed"). Returns
       {complete, finished, judged, done, total, missing: [{item, need, state}], record, completedAt}
     complete: every requirement met; finished: every requirement met with a taken final assessment counting
     as met even when failed (SCORM's "completed, failed": the course was gone through); judged: the rule
     requires passing the final assessment, so a finished course is passed or failed; done/total: the
     requirements met of all; missing: in course order; record: what the completion rests on (see record());
     completedAt: the latest time this browser knows of a requirement met, "" when none is known. */
  function evaluate() {
    var course = cg.course(), byKey = {};
    course.items.forEach(function (i) { byKey[i.kind + ":" + i.id] = i; });
    var entries = (course.completion || []).map(function (r) {
      var item = byKey[r.kind + ":" + r.id];
      return item && { item: item, need: r.need, met: met(item, r.need) };
    }).filter(Boolean);
    var missing = entries.filter(function (e) { return !e.met; });
    var judged = entries.some(function (e) { return e.item.final && e.need === "passed"; });
    var finished = missing.every(function (e) { return e.item.final && e.need === "passed" && taken(e.item); });
    var times = entries.map(function (e) { return doneAt(e.item); }).filter(Boolean).sort();
    return {
      complete: !missing.length, finished: finished, judged: judged, done: entries.length - missing.length, total: entries.length,
      missing: missing.map(function (e) { return { item: e.item, need: e.need, state: status(e.item) }; }),
      record: record(entries), completedAt: times.length ? times[times.length - 1] : ""
    };
  }

  completion.finalResult = finalResult;
  completion.evaluate = evaluate;
})();
