/* coursegen completion: each item's status, evaluated over the trainee's records in this browser; the course's one
   completion rule, which rests on it, is cg-completion-rule.js's (coursegen.completion.evaluate), loaded only where
   the rule is shown or reported, as the menu's marks on every page need the statuses alone.

   Its readers: the menu's marks (cg-progress.js), the dashboard and 学习进度 (cg-progress-pages.js), the completion
   rule, and through it the completion record page (cg-record.js) and the SCORM and cmi5 launchers, which load
   these scripts with cg-course.js, cg-versions.js and no page widget: they read the store only, through coursegen.quizResult
   where the quiz widget is absent. */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  var store = cg.store, keys = cg.keys;

  function lecture(id) { return store.get(keys.lecture(id), {}); }

  /* A quiz's state as the quiz widget reads it (cg-quiz-state.js, which the SCORM launcher loads too): a record made
     before the trainer edited the quiz is kept as earlier, and a pass there still completes the quiz. Told apart
     where the page has the quizzes' versions (cg-versions.js: the pages that show or report the trainee's
     standing); the menu's marks on other pages read a pass as passed either way, complete all the same. */
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

  cg.completion = {
    status: status, complete: complete, homework: homework, isExported: isExported, lecture: lecture, quizState: quizState
  };
})();
