/* coursegen completion: each item's status and the course's one completion rule, evaluated over the trainee's
   records in this browser. What the rule requires is written by the generator into cg-course.js
   (coursegen.course().completion: [{kind, id, need}], need "done", "passed" or "taken"), from course.yml's
   `completion:` with its defaults filled in, so this script never guesses a default.

   Its readers: the menu's marks (cg-progress.js), the dashboard and 学习进度 (cg-progress-pages.js), the completion record page (cg-record.js)
   and the SCORM launcher (cg-scorm.js), which loads this script with cg-course.js and no page widget: it reads
   the store only, through coursegen.quizResult where the quiz widget is absent. */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  var store = cg.store, keys = cg.keys;

  function lecture(id) { return store.get(keys.lecture(id), {}); }

  /* A quiz's state as the quiz widget reads it (cg-quiz-state.js, which the SCORM launcher loads too): a record made
     before the trainer edited the quiz is kept as earlier, and a pass there still completes the quiz. */
  function quizState(q) {
    var parts = cg.quizParts;
    return parts && parts.stored ? parts.stored(keys.quiz(q.id), q.hash) : cg.quizResult(q.id);
  }

  /* "none", "draft", "exported" or "changed" (edited since its export), "posted" or "postedChanged" when it went
     to the form service; a form counts as done once handed in either way. */
  function homework(id) {
    var draft = store.get(keys.form(id), null), sent = store.get(keys.homework(id), null);
    if (sent && sent.exportedAt) {
      var edited = draft && (draft.updated_at !== sent.updated_at || draft.revision !== sent.revision);
      if (sent.online) return edited ? "postedChanged" : "posted";
      return edited ? "changed" : "exported";
    }
    return draft ? "draft" : "none";
  }

  function isExported(state) { return state !== "none" && state !== "draft"; }

  function written(answers) {
    return Object.keys(answers || {}).some(function (q) { return typeof answers[q] === "string" && answers[q].trim() !== ""; });
  }

  /* One item's status: "notStarted", "inProgress", "done", "passed" (a quiz), "passedEarlier" (a quiz passed before
     the trainer edited it: still complete, as an edit must not take a trainee's completion away) or "resubmit" (a form
     handed in and changed since: the version HR holds is not the one on the screen, so it is not done until handed in again).
     A case is done once every one of its questions is answered (cg-case.js says so with its answers); a discussion
     or drill once opened and its observer checklist, if any, ticked through: the part of a classroom activity a
     trainee can do alone. */
  function status(item) {
    var kind = item.kind, id = item.id;
    if (kind === "lecture") { var l = lecture(id); return l.done ? "done" : l.visited ? "inProgress" : "notStarted"; }
    if (kind === "quiz") {
      var s = quizState(item), begun = s && (s.attempts > 0 || !!s.earlier || Object.keys(s.answers || {}).length > 0);
      return !begun ? "notStarted" : s.passed ? "passed" : s.earlier && s.earlier.passed ? "passedEarlier" : "inProgress";
    }
    if (kind === "homework") {
      var h = homework(id);
      if (h === "changed" || h === "postedChanged") return "resubmit";
      return isExported(h) ? "done" : h === "draft" ? "inProgress" : "notStarted";
    }
    var opened = !!store.get(keys.visit(kind, id), {}).visited;
    if (kind === "case") {
      var answers = store.get(keys.caseAnswers(id), {});
      return answers.complete === true ? "done" : opened || written(answers.answers) ? "inProgress" : "notStarted";
    }
    if (kind === "scenario") {
      var walked = store.get(keys.scenario(id), {});  /* done once an ending was reached (cg-scenario.js) */
      return walked.ended ? "done" : opened || (walked.path || []).length ? "inProgress" : "notStarted";
    }
    var ticks = store.get(keys.checklist(kind, id), {}).checked, n = Array.isArray(ticks) ? ticks.length : 0;
    if (opened && n >= (item.checks || 0)) return "done";
    return opened || n ? "inProgress" : "notStarted";
  }

  function complete(state) { return state === "done" || state === "passed" || state === "passedEarlier"; }

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

  cg.completion = {
    status: status, complete: complete, homework: homework, isExported: isExported, lecture: lecture,
    quizState: quizState, finalResult: finalResult, evaluate: evaluate
  };
})();
