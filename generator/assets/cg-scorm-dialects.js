/* coursegen SCORM vocabularies: what differs between SCORM 1.2 and SCORM 2004 (4th edition), as data and
   a few formatters, so that cg-scorm.js is one bridge for both. Each dialect says:
   - api, calls: the name of the LMS's API object and of its seven functions;
   - el: the data-model elements the bridge reads and writes;
   - suspendLimit: characters of cmi.suspend_data the LMS must keep (4,096 in 1.2, 64,000 in 2004);
   - timespan(ms), timestamp(date): CMITimespan / CMITime in 1.2, ISO 8601 duration / timestamp in 2004;
   - startStatus, report, done, exit: how status, success and score are written (one lesson_status in 1.2,
     completion_status + success_status + score.scaled in 2004);
   - range(low, high): a numeric question's right values as a pattern (1.2 has room for one number: the middle);
   - hotspot: the interaction type an image hotspot is reported as: neither version has one, so 1.2 says
     "performance" (its only type with free text both ways) and 2004 "other";
   - interaction(item, date): one scored question (an item of the coursegen:quiz-scored event, cg-quiz-check.js)
     as [[element under cmi.interactions.n, value], ...], id first, type second, every value within the
     dialect's vocabulary and length; null when the question cannot be said in it.
   Statuses only go up: a passed course stays passed when a later attempt scores less. */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg || !cg.interactions) return;

  var ix = cg.interactions, TYPES = ix.TYPES, cut = ix.cut, encode = ix.encode, std = ix.standard;
  var RANK12 = { "": 0, "not attempted": 0, browsed: 0, incomplete: 1, failed: 2, completed: 3, passed: 3 };

  function pad(n, width) { return ("0000000" + n).slice(-width); }

  /* An interaction id: quiz and question ids joined, kept to the characters both versions accept. */
  function identifier(quizId, questionId) {
    return cut((quizId + "/" + questionId).replace(/[^A-Za-z0-9._\-\/:]/g, "_"), 250);
  }

  /* The fields shared by both versions, in the order an LMS needs them (id, then type, then the rest). */
  function interaction(d, quizId, item, date) {
    var type = item.type === "hotspot" ? d.hotspot : TYPES[item.type], patterns = encode(item, d);
    if (!type || !patterns) return null;
    var fields = [["id", identifier(quizId, item.id)], ["type", type]];
    if (d.el.description && item.prompt) fields.push(["description", d.langString(item.prompt)]);
    fields.push(["weighting", String(item.max)]);
    if (patterns.response !== "") fields.push([d.el.response, patterns.response]);
    fields.push(["result", item.correct ? "correct" : d.wrong]);
    patterns.correct.forEach(function (pattern, i) { fields.push(["correct_responses." + i + ".pattern", pattern]); });
    if (typeof item.latency === "number") fields.push(["latency", d.timespan(item.latency)]);
    fields.push([d.el.time, d.timestamp(date)]);
    return fields;
  }

  var scorm12 = {
    version: "1.2",
    api: "API",
    calls: { initialize: "LMSInitialize", terminate: "LMSFinish", get: "LMSGetValue", set: "LMSSetValue",
             commit: "LMSCommit", lastError: "LMSGetLastError", errorString: "LMSGetErrorString" },
    el: { mode: "cmi.core.lesson_mode", location: "cmi.core.lesson_location", suspend: "cmi.suspend_data",
          sessionTime: "cmi.core.session_time", exit: "cmi.core.exit", score: "cmi.core.score.",
          response: "student_response", time: "time", description: null },
    suspendLimit: 4096,
    locationLimit: 255,
    list: ",", pair: ".", truth: ["t", "f"], wrong: "wrong", hotspot: "performance",
    /* CMIString255 for the learner's text (the student_response and each pattern). */
    text: function (s) { return cut(String(s).trim(), 255); },
    /* Texts of several blanks as one CMIString255, comma-separated (a comma of the trainee's own becomes "，"). */
    texts: function (list) { return cut(list.map(function (s) { return String(s).trim().replace(/,/g, "，"); }).join(","), 255); },
    range: function (low, high) { return String((low + high) / 2); },
    /* CMITimespan, HHHH:MM:SS.SS. */
    timespan: function (ms) {
      var cs = Math.min(Math.max(0, Math.round(ms / 10)), 9999 * 360000 + 359999);
      return pad(Math.floor(cs / 360000), 4) + ":" + pad(Math.floor(cs / 6000) % 60, 2) + ":" +
        pad(Math.floor(cs / 100) % 60, 2) + "." + pad(cs % 100, 2);
    },
    /* CMITime: the time of day only, HH:MM:SS. */
    timestamp: function (date) { return pad(date.getHours(), 2) + ":" + pad(date.getMinutes(), 2) + ":" + pad(date.getSeconds(), 2); },
    status: function (lms) { return lms.get("cmi.core.lesson_status"); },
    startStatus: function (lms) { if (RANK12[lms.get("cmi.core.lesson_status")] === 0) lms.set("cmi.core.lesson_status", "incomplete"); },
    /* One status says everything: passed/failed when there is a final assessment, else completed. */
    report: function (lms, outcome) {
      var status = lms.get("cmi.core.lesson_status"), next = status;
      if (typeof outcome.score === "number") {
        lms.set("cmi.core.score.min", "0");
        lms.set("cmi.core.score.max", "100");
        lms.set("cmi.core.score.raw", String(outcome.score));
      }
      if (outcome.passed !== null) next = outcome.passed ? "passed" : "failed";
      else if (outcome.completed) next = "completed";
      if (next !== status && (RANK12[next] || 0) >= (RANK12[status] || 0)) lms.set("cmi.core.lesson_status", next);
    },
    done: function (lms) { return RANK12[lms.get("cmi.core.lesson_status")] === 3; },
    /* A finished course exits normally; anything else is suspended, to be resumed. */
    exit: function (done) { return done ? "" : "suspend"; },
    interaction: function (quizId, item, date) { return interaction(scorm12, quizId, item, date); }
  };

  var scorm2004 = {
    version: "2004",
    api: "API_1484_11",
    calls: { initialize: "Initialize", terminate: "Terminate", get: "GetValue", set: "SetValue",
             commit: "Commit", lastError: "GetLastError", errorString: "GetErrorString" },
    el: { mode: "cmi.mode", location: "cmi.location", suspend: "cmi.suspend_data",
          sessionTime: "cmi.session_time", exit: "cmi.exit", score: "cmi.score.",
          response: "learner_response", time: "timestamp", description: "description" },
    suspendLimit: 64000,
    locationLimit: 1000,
    list: std.list, pair: std.pair, truth: std.truth, wrong: "incorrect", hotspot: "other",
    /* A localized_string_type, several blanks' texts, a numeric range: the vocabulary xAPI shares (cg-interactions.js). */
    text: std.text, texts: std.texts, range: std.range,
    langString: function (s) { return "{lang=" + (cg.config.lang === "en" ? "en" : "zh") + "}" + scorm2004.text(s); },
    /* ISO 8601 duration with at most two decimals of seconds, e.g. PT1H2M3.45S. */
    timespan: function (ms) {
      var cs = Math.max(0, Math.round(ms / 10)), h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60;
      var s = (cs % 6000) / 100;
      return "PT" + (h ? h + "H" : "") + (m ? m + "M" : "") + s + "S";
    },
    /* ISO 8601 local time with a fraction and the UTC offset, e.g. 2024-05-01T09:30:00.0+08:00. */
    timestamp: function (date) {
      var off = -date.getTimezoneOffset(), abs = Math.abs(off);
      return date.getFullYear() + "-" + pad(date.getMonth() + 1, 2) + "-" + pad(date.getDate(), 2) + "T" +
        pad(date.getHours(), 2) + ":" + pad(date.getMinutes(), 2) + ":" + pad(date.getSeconds(), 2) + "." +
        Math.floor(date.getMilliseconds() / 100) + (off < 0 ? "-" : "+") + pad(Math.floor(abs / 60), 2) + ":" + pad(abs % 60, 2);
    },
    status: function (lms) { return lms.get("cmi.completion_status") + "/" + lms.get("cmi.success_status"); },
    startStatus: function (lms) {
      var status = lms.get("cmi.completion_status");
      if (status !== "completed" && status !== "incomplete") lms.set("cmi.completion_status", "incomplete");
    },
    /* Completion and success are apart: an attempted final assessment completes the course, its pass
       mark decides success; without one, opening every lecture completes it and success stays unknown. */
    report: function (lms, outcome) {
      if (typeof outcome.score === "number") {
        lms.set("cmi.score.min", "0");
        lms.set("cmi.score.max", "100");
        lms.set("cmi.score.raw", String(outcome.score));
        lms.set("cmi.score.scaled", String(Math.round(outcome.score * 100) / 10000));
      }
      if (outcome.passed === true) lms.set("cmi.success_status", "passed");
      else if (outcome.passed === false && lms.get("cmi.success_status") !== "passed") lms.set("cmi.success_status", "failed");
      if (outcome.completed && lms.get("cmi.completion_status") !== "completed") lms.set("cmi.completion_status", "completed");
    },
    done: function (lms) { return lms.get("cmi.completion_status") === "completed"; },
    /* Always suspend: a 2004 LMS starts a new, empty attempt after a normal exit, and the attempt's
       suspend data carries the trainee's homework drafts, which must outlive a completed course. */
    exit: function () { return "suspend"; },
    interaction: function (quizId, item, date) { return interaction(scorm2004, quizId, item, date); }
  };

  cg.scormDialects = { "1.2": scorm12, "2004": scorm2004 };
})();
