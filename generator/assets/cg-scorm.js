/* coursegen SCORM runtime (1.2 and 2004 4th edition: one bridge, the two vocabularies in
   cg-scorm-dialects.js, chosen by the launch page's "scorm" version), in two roles.
   Launcher (scorm.html, the package's one SCO): finds the LMS's API, opens ONE LMS session for the whole
   visit, restores progress from cmi.suspend_data, shows the site in a frame, reports status, score,
   progress and each scored question, and commits and finishes when it is itself left. SCORM allows one
   Initialize and one Terminate per launch, so the site's pages, which reload on every navigation, never
   call the LMS.
   Page (every page of the site): inside the launcher's frame, tells the launcher which page is shown and
   when a quiz was scored, with its questions. Anywhere else (no launcher) it does nothing at all.

   Status: from the course's one completion rule (coursegen.completion.evaluate, cg-completion.js, with
   cg-rule.js, which says what the rule requires): completed once every requirement is met, a taken final
   assessment counting; passed or failed then when the rule requires passing the final assessment (by default,
   a course with one); the raw score is the final assessment's best (0-100; 2004 also scaled 0-1); incomplete
   until then. A status never goes down.

   Interactions: every check of a quiz appends one cmi.interactions.n per auto-graded question (journaled,
   never overwritten), so the LMS's interaction report shows each attempt. A value the LMS refuses is
   logged to the console and skipped; the trainee sees nothing of it.

   cmi.suspend_data is ASCII JSON {"v":1,"s":{store key: value}} holding the course's coursegen.store
   entries; non-ASCII characters are written as \uXXXX, so no LMS miscounts the limit (4,096 characters
   in 1.2, 64,000 in 2004). It is filled in order while it fits: first the essentials (each quiz's result
   in brief: best, passed, attempts, last, hash and the record of earlier versions of the quiz (cg-quiz-state.js);
   the lecture marks), final assessment first, then
   lectures, then other quizzes; then whole entries: the trainee's identity and homework drafts
   (form:<id> of cg-form.js), then quizzes' current answers, then other widgets' state. What does not fit
   stays in the browser's localStorage only. On launch, what the LMS kept is restored where it went
   further than this browser (more quiz attempts, counting those made before the trainer edited the quiz; a
   lecture done; a newer draft), before any page loads,
   so the homework page finds the draft where cg-form.js looks for it. */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  var QUIZ_BRIEF = ["v", "hash", "attempts", "best", "last", "passed", "earlier"];

  var launchData = document.getElementById("cg-scorm-launch");
  if (launchData) launcher(JSON.parse(launchData.textContent));
  else page();

  function page() {
    var session = null;
    try { if (window.parent !== window) session = window.parent.coursegenScorm || null; }
    catch (e) { /* a parent from another origin is not our launcher */ }
    if (!session) return;
    cg.onPage(function () { session.visit(window.location.href, document.title); });
    document.addEventListener("coursegen:quiz-scored", function (event) {
      // As text: the launcher keeps nothing that belongs to this page, which the next navigation unloads.
      try { session.scored(JSON.stringify(event.detail)); } catch (e) { /* a launcher from an older page */ }
      // Read the store after the quiz runtime's own handlers have saved the attempt.
      window.setTimeout(session.sync, 0);
    });
  }

  function launcher(launch) {
    var d = (cg.scormDialects || {})[launch.scorm || "1.2"];
    var api = d ? findAPI(d) : null;
    if (!api || !call(api, d.calls.initialize)) {
      window.location.replace(launch.start);  // outside an LMS: the plain site, as without the package
      return;
    }
    var lms = client(api, d);
    var started = new Date().getTime();
    var finalQuiz = cg.config.finalAssessment || null;
    var mode = lms.get(d.el.mode);
    var tracking = mode === "" || mode === "normal";  // browse and review never change status or score
    var base = window.location.href.replace(/[?#].*$/, "").replace(/[^\/]*$/, "");
    var self = window.location.pathname.split("/").pop();
    var prefix = "coursegen:" + cg.config.courseId + ":";
    var current = "", committed = "", timer = null, finished = false;

    restore(lms.get(d.el.suspend));
    if (tracking) d.startStatus(lms);
    window.coursegenScorm = { visit: visit, sync: function () { save(true); }, scored: scored };
    // The site's pages write their state to localStorage; this window hears every such write.
    window.addEventListener("storage", function (event) {
      if (event.key === null || event.key.indexOf(prefix) === 0) later();
    });
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
    document.getElementById("cg-scorm-frame").src = safePage(lms.get(d.el.location)) || launch.start;

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
      if (tracking) d.report(lms, outcome());
      if (safePage(current)) lms.set(d.el.location, current);
      var data = suspendData();
      lms.set(d.el.suspend, data);
      var state = [d.status(lms), lms.get(d.el.score + "raw"), current, data].join("\n");
      if (force || state !== committed) { lms.commit(); committed = state; }
    }

    /* What the course's state says, in neither version's words: the dialect writes it (statuses only go up).
       Completion is the course's one completion rule (cg-completion.js): completed once finished (a taken final
       assessment counts, passed or not); passed or failed, when the rule requires passing the final, once
       finished; the score is always the final assessment's best, once taken. */
    function outcome() {
      var r = cg.completion.evaluate(), score = null;
      var state = finalQuiz ? cg.store.get("quiz:" + finalQuiz.id, null) : null;
      // Answers are saved as they are typed; only a checked attempt (attempts > 0) has a score. Until the edited
      // assessment is taken again, the record from before the edit stands (a status never goes down anyway).
      var record = state && state.attempts > 0 ? state : state && state.earlier;
      if (record && record.attempts > 0 && typeof record.best === "number") score = Math.max(0, Math.min(100, Math.round(record.best * 100) / 100));
      return { completed: r.finished, passed: r.judged && r.finished ? r.complete : null, score: score };
    }

    /* A checked quiz's questions, appended as new interactions: one per question and attempt. */
    function scored(json) {
      if (finished || !tracking) return;
      var detail = JSON.parse(json), when = new Date();
      var n = parseInt(lms.get("cmi.interactions._count"), 10) || 0;
      (detail.items || []).forEach(function (item) {
        var fields = null;
        try { fields = d.interaction(detail.quizId, item, when); } catch (e) { /* a question the vocabulary cannot say */ }
        if (!fields) return;
        var base = "cmi.interactions." + n + ".";
        if (!lms.set(base + fields[0][0], fields[0][1])) return;  // the id refused: the index stays free
        fields.slice(1).forEach(function (field) { lms.set(base + field[0], field[1]); });
        n += 1;
      });
    }

    function finish() {
      if (finished) return;
      save(false);
      finished = true;
      lms.set(d.el.sessionTime, d.timespan(new Date().getTime() - started));
      lms.set(d.el.exit, d.exit(d.done(lms)));
      lms.commit();
      call(api, d.calls.terminate);
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
      if (key.indexOf("quiz:") === 0) return attemptsOf(theirs) > attemptsOf(mine);
      if (key.indexOf("lecture:") === 0) return !!theirs.done && !mine.done;
      if (key.indexOf("form:") === 0) return moment(theirs.updated_at) > moment(mine.updated_at);
      return false;
    }

    /* A quiz's attempts, with those of its earlier versions: the state carried over after an edit went as far. */
    function attemptsOf(state) { return (state.attempts || 0) + ((state.earlier && state.earlier.attempts) || 0); }

    /* A draft's updated_at (ISO 8601 with its offset, cg-form.js) as a number; 0 when missing or unreadable. */
    function moment(text) {
      var time = typeof text === "string" ? Date.parse(text) : NaN;
      return isFinite(time) ? time : 0;
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
        if (attempt.length <= d.suspendLimit) text = attempt;
        else if (before === undefined) delete data.s[key];
        else data.s[key] = before;
      }
      keys.forEach(function (key) { var brief = inBrief(key, values[key]); if (brief) put(key, brief); });
      keys.slice().sort(function (a, b) { return wholeRank(a) - wholeRank(b); }).forEach(function (key) {
        if (values[key] !== null) put(key, values[key]);
      });
      return text;
    }

    function priority(keys) {
      var first = finalQuiz ? "quiz:" + finalQuiz.id : null;
      function rank(key) { return key === first ? 0 : key.indexOf("lecture:") === 0 ? 1 : key.indexOf("quiz:") === 0 ? 2 : 3; }
      return keys.sort(function (a, b) { return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0); });
    }

    /* Whole entries: the trainee's own writing (identity, homework drafts) before quiz answers in progress.
       Array.prototype.sort is stable, so entries of one rank keep the essentials' order. */
    function wholeRank(key) {
      return key === "identity" || key.indexOf("form:") === 0 ? 0 : key.indexOf("quiz:") === 0 || key.indexOf("lecture:") === 0 ? 1 : 2;
    }

    function safePage(path) {
      var ok = /^[A-Za-z0-9._~%\/-]+\.html$/.test(path || "") && path.indexOf("..") < 0 && path.charAt(0) !== "/";
      return ok && path !== self && path.length <= d.locationLimit ? path : "";
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

  /* ADL's search: up the parents (at most 7 levels) of this window, then of the window that opened it. */
  function findAPI(d) {
    var starts = [window];
    try { if (window.top.opener) starts.push(window.top.opener); } catch (e) { /* opener from another origin */ }
    for (var i = 0; i < starts.length; i++) {
      var win = starts[i];
      for (var level = 0; win && level <= 7; level++) {
        var api = apiOf(win, d);
        if (api) return api;
        if (win.parent === win) break;
        win = win.parent;
      }
    }
    return null;
  }

  function apiOf(win, d) {
    try { var api = win[d.api]; return api && typeof api[d.calls.initialize] === "function" ? api : null; }
    catch (e) { return null; }
  }

  /* An API function called with "", as Initialize, Commit and Terminate are; whether it said "true". */
  function call(api, name) {
    try { return String(api[name]("")) === "true"; } catch (e) { return false; }
  }

  /* The LMS's API in the dialect's words. An LMS that refuses a value or throws never stops the course:
     the failure is logged for whoever looks at the console, and set answers false. */
  function client(api, d) {
    var c = d.calls;
    function warn(what) {
      if (!window.console) return;
      try {
        var code = api[c.lastError]();
        console.warn("coursegen SCORM: " + what + " failed: " + code + " " + api[c.errorString](code));
      } catch (e) { console.warn("coursegen SCORM: " + what + " failed"); }
    }
    return {
      get: function (name) {
        try { var value = api[c.get](name); return value === null || value === undefined ? "" : String(value); }
        catch (e) { return ""; }
      },
      set: function (name, value) {
        var ok = false;
        try { ok = String(api[c.set](name, value)) === "true"; } catch (e) { ok = false; }
        if (!ok) warn(c.set + " " + name);
        return ok;
      },
      commit: function () { if (!call(api, c.commit)) warn(c.commit); }
    };
  }
})();
