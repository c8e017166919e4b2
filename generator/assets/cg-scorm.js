/* coursegen SCORM 1.2 runtime, in two roles.
   Launcher (scorm.html, the package's one SCO): finds the LMS's API, opens ONE LMS session for the whole
   visit, restores progress from cmi.suspend_data, shows the site in a frame, reports status, score and
   progress, and commits and finishes when it is itself left. SCORM 1.2 allows one LMSInitialize and one
   LMSFinish per launch, so the site's pages, which reload on every navigation, never call the LMS.
   Page (every page of the site): inside the launcher's frame, tells the launcher which page is shown and
   when a quiz was scored. Anywhere else (no launcher) it does nothing at all.

   Status: with a final assessment (coursegenConfig.finalAssessment), passed or failed from its best
   score, which is also cmi.core.score.raw (0-100); without one, completed once every lecture is marked
   done (the lecture:<id> entries of cg-progress.js); incomplete until then. A status never goes down.

   cmi.suspend_data is ASCII JSON {"v":1,"s":{store key: value}} holding the course's coursegen.store
   entries; non-ASCII characters are written as \uXXXX, so no LMS miscounts the 4,096-character limit. It
   is filled in order while it fits: first the essentials (each quiz's result in brief: best, passed,
   attempts, last, hash; the lecture marks), final assessment first, then lectures, then other quizzes;
   then whole entries (a quiz's current answers, other widgets' state) in the same order. What does not
   fit stays in the browser's localStorage only. */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  var SUSPEND_LIMIT = 4096;
  var QUIZ_BRIEF = ["v", "hash", "attempts", "best", "last", "passed"];
  var RANK = { "": 0, "not attempted": 0, browsed: 0, incomplete: 1, failed: 2, completed: 3, passed: 3 };

  var launchData = document.getElementById("cg-scorm-launch");
  if (launchData) launcher(JSON.parse(launchData.textContent));
  else page();

  function page() {
    var session = null;
    try { if (window.parent !== window) session = window.parent.coursegenScorm || null; }
    catch (e) { /* a parent from another origin is not our launcher */ }
    if (!session) return;
    cg.onPage(function () { session.visit(window.location.href, document.title); });
    // Read the store after the quiz runtime's own handlers have saved the attempt.
    document.addEventListener("coursegen:quiz-scored", function () { window.setTimeout(session.sync, 0); });
  }

  function launcher(launch) {
    var api = findAPI();
    if (!api || String(api.LMSInitialize("")) !== "true") {
      window.location.replace(launch.start);  // outside an LMS: the plain site, as without the package
      return;
    }
    var lms = client(api);
    var started = new Date().getTime();
    var finalQuiz = cg.config.finalAssessment || null;
    var mode = lms.get("cmi.core.lesson_mode");
    var tracking = mode === "" || mode === "normal";  // browse and review never change status or score
    var base = window.location.href.replace(/[?#].*$/, "").replace(/[^\/]*$/, "");
    var self = window.location.pathname.split("/").pop();
    var prefix = "coursegen:" + cg.config.courseId + ":";
    var current = "", committed = "", timer = null, finished = false;

    restore(lms.get("cmi.suspend_data"));
    if (tracking && RANK[lms.get("cmi.core.lesson_status")] === 0) lms.set("cmi.core.lesson_status", "incomplete");
    window.coursegenScorm = { visit: visit, sync: function () { save(true); } };
    // The site's pages write their state to localStorage; this window hears every such write.
    window.addEventListener("storage", function (event) {
      if (event.key === null || event.key.indexOf(prefix) === 0) later();
    });
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
    document.getElementById("cg-scorm-frame").src = safePage(lms.get("cmi.core.lesson_location")) || launch.start;

    function visit(href, title) {
      if (title) document.title = title;
      if (href.indexOf(base) !== 0) return;
      var path = href.slice(base.length).replace(/[?#].*$/, "");
      current = /(^|\/)$/.test(path) ? path + "index.html" : path;
      later();
    }

    /* Typing an answer writes the store on every key: commit once the learner pauses. */
    function later() {
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(function () { save(false); }, 1500);
    }

    /* Writes everything; commits when forced or when anything changed since the last commit. */
    function save(force) {
      if (finished) return;
      if (timer) { window.clearTimeout(timer); timer = null; }
      if (tracking) report();
      if (safePage(current)) lms.set("cmi.core.lesson_location", current);
      var data = suspendData();
      lms.set("cmi.suspend_data", data);
      var state = [lms.get("cmi.core.lesson_status"), lms.get("cmi.core.score.raw"), current, data].join("\n");
      if (force || state !== committed) { lms.commit(); committed = state; }
    }

    function report() {
      var status = lms.get("cmi.core.lesson_status");
      var next = status;
      if (finalQuiz) {
        var state = cg.store.get("quiz:" + finalQuiz.id, null);
        // Answers are saved as they are typed; only a checked attempt (attempts > 0) has a score.
        if (state && state.attempts > 0 && typeof state.best === "number") {
          var best = Math.max(0, Math.min(100, Math.round(state.best * 100) / 100));
          lms.set("cmi.core.score.min", "0");
          lms.set("cmi.core.score.max", "100");
          lms.set("cmi.core.score.raw", String(best));
          next = state.passed === true || best >= finalQuiz.passMark ? "passed" : "failed";
        }
      } else if (launch.lectures.every(function (id) { return !!cg.store.get("lecture:" + id, {}).done; })) {
        next = "completed";
      }
      // A learner never loses a status: passed stays passed even if a later attempt scores less.
      if (next !== status && (RANK[next] || 0) >= (RANK[status] || 0)) lms.set("cmi.core.lesson_status", next);
    }

    function finish() {
      if (finished) return;
      save(false);
      finished = true;
      var done = RANK[lms.get("cmi.core.lesson_status")] === 3;
      lms.set("cmi.core.session_time", timespan(new Date().getTime() - started));
      lms.set("cmi.core.exit", done ? "" : "suspend");
      lms.commit();
      api.LMSFinish("");
    }

    function restore(text) {
      var saved = null;
      try { saved = JSON.parse(text || "null"); } catch (e) { /* not ours, or cut short by the LMS */ }
      if (!saved || saved.v !== 1 || !saved.s) return;
      Object.keys(saved.s).forEach(function (key) {
        var theirs = saved.s[key], mine = cg.store.get(key, null);
        if (theirs && typeof theirs === "object" && further(key, theirs, mine)) cg.store.set(key, theirs);
      });
    }

    /* This browser may hold more than the LMS (it went on offline): keep whichever went further. */
    function further(key, theirs, mine) {
      if (mine === null) return true;
      if (key.indexOf("quiz:") === 0) return (theirs.attempts || 0) > (mine.attempts || 0);
      if (key.indexOf("lecture:") === 0) return !!theirs.done && !mine.done;
      return false;
    }

    function suspendData() {
      var data = { v: 1, s: {} };
      var text = ascii(data);
      var keys = priority(cg.store.keys()), values = {};
      keys.forEach(function (key) { values[key] = cg.store.get(key, null); });
      function put(key, value) {
        var before = data.s[key];
        data.s[key] = value;
        var attempt = ascii(data);
        if (attempt.length <= SUSPEND_LIMIT) text = attempt;
        else if (before === undefined) delete data.s[key];
        else data.s[key] = before;
      }
      keys.forEach(function (key) { var brief = inBrief(key, values[key]); if (brief) put(key, brief); });
      keys.forEach(function (key) { if (values[key] !== null) put(key, values[key]); });
      return text;
    }

    function priority(keys) {
      var first = finalQuiz ? "quiz:" + finalQuiz.id : null;
      function rank(key) { return key === first ? 0 : key.indexOf("lecture:") === 0 ? 1 : key.indexOf("quiz:") === 0 ? 2 : 3; }
      return keys.sort(function (a, b) { return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0); });
    }

    function safePage(path) {
      var ok = /^[A-Za-z0-9._~%\/-]+\.html$/.test(path || "") && path.indexOf("..") < 0 && path.charAt(0) !== "/";
      return ok && path !== self ? path : "";
    }
  }

  /* What must survive above all: a quiz's result without its current attempt (what the quiz runtime
     needs to show best and passed), and the small lecture marks, whole. */
  function inBrief(key, value) {
    if (value === null) return null;
    if (key.indexOf("lecture:") === 0) return value;
    if (key.indexOf("quiz:") !== 0) return null;
    var brief = {};
    QUIZ_BRIEF.forEach(function (k) { if (k in value) brief[k] = value[k]; });
    return brief;
  }

  function ascii(value) {
    return JSON.stringify(value).replace(/[\u007f-\uffff]/g, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }

  /* SCORM 1.2 CMITimespan, HHHH:MM:SS.SS. */
  function timespan(ms) {
    var cs = Math.min(Math.max(0, Math.round(ms / 10)), 9999 * 360000 + 359999);
    function pad(n, width) { return ("000" + n).slice(-width); }
    return pad(Math.floor(cs / 360000), 4) + ":" + pad(Math.floor(cs / 6000) % 60, 2) + ":" +
      pad(Math.floor(cs / 100) % 60, 2) + "." + pad(cs % 100, 2);
  }

  /* ADL's search: up the parents (at most 7 levels) of this window, then of the window that opened it. */
  function findAPI() {
    var starts = [window];
    try { if (window.top.opener) starts.push(window.top.opener); } catch (e) { /* opener from another origin */ }
    for (var i = 0; i < starts.length; i++) {
      var win = starts[i];
      for (var level = 0; win && level <= 7; level++) {
        var api = apiOf(win);
        if (api) return api;
        if (win.parent === win) break;
        win = win.parent;
      }
    }
    return null;
  }

  function apiOf(win) {
    try { return win.API && typeof win.API.LMSInitialize === "function" ? win.API : null; }
    catch (e) { return null; }
  }

  function client(api) {
    function warn(what) {
      if (!window.console) return;
      var code = api.LMSGetLastError();
      console.warn("coursegen SCORM: " + what + " failed: " + code + " " + api.LMSGetErrorString(code));
    }
    return {
      get: function (name) {
        try { var value = api.LMSGetValue(name); return value === null || value === undefined ? "" : String(value); }
        catch (e) { return ""; }
      },
      set: function (name, value) { if (String(api.LMSSetValue(name, value)) !== "true") warn("LMSSetValue " + name); },
      commit: function () { if (String(api.LMSCommit("")) !== "true") warn("LMSCommit"); }
    };
  }
})();
