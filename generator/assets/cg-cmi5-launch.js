/* coursegen cmi5 launcher: the AU side of a cmi5 launch (cmi5 sections 7-10), written to the specification rather
   than bundling a client library (see the guide's LMS page for why). Loaded by cmi5.html only; the site's pages load
   cg-cmi5.js, which hands the launch to the site's statement sender.

   cmi5.html is the package's one AU: the LMS opens it with the launch parameters endpoint, fetch, actor,
   registration and activityId in its URL. It POSTs to the fetch URL once for the session's token, reads the
   LMS.LaunchData state document (contextTemplate, launchMode, masteryScore, moveOn), sends "initialized", shows the
   site in a full-window frame, and sends "terminated" when it is itself left (pagehide, keepalive) or, when the LMS
   gave a returnURL, when the trainee presses 退出课程 above the frame, which then goes to that address. A page load
   starts the scripts afresh, so one launcher for the whole visit is what keeps cmi5's one session: "initialized"
   first, "terminated" last. Opened without launch parameters (unzipped from a share) it opens the plain site.

   In Normal launch mode it also tells the LMS what the course's one completion rule (cg-completion.js) says, each
   time the site's pages write their state: "completed" once the course is finished (a taken final assessment
   counting); when the rule requires passing the final assessment, "passed" once the final's best score reaches
   the masteryScore (the LMS's, else the course's pass mark), with the score. A failed final is told once, at the
   session's end and only if it was not passed by then: cmi5 allows one of passed/failed per session, and a
   trainee who fails and tries again at once should not leave a "failed" as the session's verdict. "completed" and
   "passed" go once per registration (remembered in the store under keys.cmi5(registration)). Browse and Review
   launches send "initialized" and "terminated" only.

   Every statement is a cmi5 defined one: the object is the launch's activityId, the context the LMS's template
   with the registration, the cmi5 category and, for those with success or completion, the moveOn category. They
   are sent in order, each batch after the one before; one that fails stays queued and goes with the next. */
(function () {
  "use strict";
  var cg = window.coursegen;
  var launchData = document.getElementById("cg-cmi5-launch");
  if (!cg || !launchData) return;
  var CMI5_ONLY_VERBS = { initialized: "cmi5.verb.initialized", terminated: "cmi5.verb.terminated" };
  launcher(JSON.parse(launchData.textContent));

  function launcher(au) {
    var params = launchParameters(window.location.search);
    if (!params) {
      window.location.replace(au.start);  // outside an LMS: the plain site, as without the package
      return;
    }
    var session = null, pending = [], sending = null, started = Date.now(), failedScore = null;
    var prefix = "coursegen:" + cg.config.courseId + ":";
    document.getElementById("cg-cmi5-frame").src = au.start;

    begin().then(function (launch) {
      session = launch;
      cg.session.set(cg.keys.CMI5_LAUNCH, session);
      queue(statement("initialized"));
      if (session.returnURL) offerExit();
      judge();
      window.addEventListener("storage", function (event) {
        if (event.key === null || event.key.indexOf(prefix) === 0) judge();
      });
      window.addEventListener("online", flush);
    }).catch(function (error) { notice(error && error.message ? error.message : String(error)); });
    window.addEventListener("pagehide", terminate);

    /* The token (the fetch URL works once) and the launch data, as the session. */
    function begin() {
      return fetch(params.fetch, { method: "POST", cache: "no-store" }).then(json).then(function (answer) {
        if (!answer["auth-token"]) throw new Error(answer["error-text"] || "fetch " + (answer["error-code"] || "?"));
        var authorization = "Basic " + answer["auth-token"];
        var query = "stateId=LMS.LaunchData&activityId=" + encodeURIComponent(params.activityId) +
          "&agent=" + encodeURIComponent(JSON.stringify(params.actor)) + "&registration=" + encodeURIComponent(params.registration);
        return fetch(params.endpoint + "activities/state?" + query, { headers: headers(authorization), cache: "no-store" })
          .then(json).then(function (data) {
            return {
              endpoint: params.endpoint, authorization: authorization, actor: params.actor, registration: params.registration,
              activityId: params.activityId, context: data.contextTemplate || {}, launchMode: data.launchMode || "Normal",
              masteryScore: typeof data.masteryScore === "number" ? data.masteryScore : null, moveOn: data.moveOn || "",
              returnURL: typeof data.returnURL === "string" ? data.returnURL : "", ended: false
            };
          });
      });
    }

    /* What the completion rule says now, told once: completed, then passed (failed waits for the session's end). */
    function judge() {
      if (!session || session.ended || session.launchMode !== "Normal") return;
      var key = cg.keys.cmi5(session.registration), told = cg.store.get(key, {});
      var rule = cg.completion.evaluate();
      /* Noted before it is queued: a second launcher (another tab) reading the store never tells it again. */
      function tell(verb, outcome) {
        told[verb] = new Date().toISOString();
        cg.store.set(key, told);
        queue(statement(verb, outcome, true));
      }
      if (rule.finished && !told.completed) tell("completed", { completion: true, duration: duration() });
      var final = rule.judged && rule.finished && rule.record && rule.record.kind === "final" ? rule.record.result : null;
      if (!final || told.passed) return;
      if (final.best / 100 >= mastery()) {
        failedScore = null;
        tell("passed", result(final.best, true));
      } else {
        failedScore = final.best;
      }
    }

    function terminate() {
      if (!session || session.ended) return;
      if (failedScore !== null) pending.push(statement("failed", result(failedScore, false), true));
      pending.push(statement("terminated", { duration: duration() }));
      session.ended = true;
      cg.session.set(cg.keys.CMI5_LAUNCH, session);
      post(pending.splice(0), true);
    }

    /* cmi5 10.2.6: with a returnURL the LMS wants the window back when the session ends, so the trainee ends it here. */
    function offerExit() {
      var exit = cg.el("button", { type: "button", id: "cg-cmi5-exit", text: cg.t("cmi5.exit") });
      exit.addEventListener("click", function () {
        terminate();
        window.location.href = session.returnURL;
      });
      document.body.insertBefore(exit, document.getElementById("cg-cmi5-frame"));
    }

    function queue(s) { pending.push(s); flush(); }

    /* One batch at a time, in order; what fails is put back in front and goes with the next flush. */
    function flush() {
      if (sending || !pending.length || session.ended) return;
      var batch = pending.splice(0);
      sending = post(batch, false).then(function (ok) {
        if (!ok) pending = batch.concat(pending);
        sending = null;
        if (ok) flush();
      });
    }

    function post(batch, keepalive) {
      return fetch(session.endpoint + "statements", {
        method: "POST", headers: headers(session.authorization), body: JSON.stringify(batch), keepalive: keepalive
      }).then(function (response) {
        // 409: statements with these ids are stored already (an answer lost on the way): sent, not to repeat.
        if (response.ok || response.status === 409) return true;
        if (response.status < 500) notice("HTTP " + response.status);
        return false;
      }, function () { return false; });
    }

    /* The pass mark: the LMS's masteryScore (it may differ from the course's), else the final assessment's. */
    function mastery() {
      return session.masteryScore !== null ? session.masteryScore : cg.config.finalAssessment.passMark / 100;
    }

    function statement(verb, outcome, moveOn) {
      var context = JSON.parse(JSON.stringify(session.context));
      var activities = context.contextActivities = context.contextActivities || {};
      activities.category = (activities.category || []).concat([{ id: au.categories.cmi5 }], moveOn ? [{ id: au.categories.moveon }] : []);
      context.registration = session.registration;
      if (outcome && "success" in outcome && session.masteryScore !== null) {  // judged by the LMS's masteryScore
        context.extensions = context.extensions || {};
        context.extensions[au.extensions.masteryscore] = session.masteryScore;
      }
      var display = {};  // the verbs the site's own statements use too are named as those name them
      display[au.language] = cg.t(CMI5_ONLY_VERBS[verb] || "xapi.verb." + verb);
      var s = {
        id: uuid(), actor: session.actor, verb: { id: au.verbs[verb], display: display },
        object: { objectType: "Activity", id: session.activityId }, context: context, timestamp: new Date().toISOString()
      };
      if (outcome) s.result = outcome;
      return s;
    }

    function result(best, success) {
      return { score: { scaled: best / 100, raw: best, min: 0, max: 100 }, success: success, duration: duration() };
    }

    /* Time since the launcher started, as ISO 8601 (cmi5 9.5.4: from "initialized"). */
    function duration() { return "PT" + ((Date.now() - started) / 1000).toFixed(2) + "S"; }

    function headers(authorization) {
      return { "Authorization": authorization, "X-Experience-API-Version": au.version, "Content-Type": "application/json" };
    }

    function notice(reason) {
      var line = document.getElementById("cg-cmi5-status");
      line.textContent = cg.t("cmi5.failed", { reason: reason });
      line.hidden = false;
    }
  }

  /* The five launch parameters (cmi5 8.1), in any order; null when one is missing or the actor is not JSON. */
  function launchParameters(search) {
    var found = {};
    search.replace(/^\?/, "").split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (at > 0) found[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1).replace(/\+/g, " "));
    });
    var names = ["endpoint", "fetch", "actor", "registration", "activityId"];
    if (names.some(function (n) { return !found[n]; })) return null;
    try { found.actor = JSON.parse(found.actor); } catch (e) { return null; }
    if (!/\/$/.test(found.endpoint)) found.endpoint += "/";
    return found;
  }


  function json(response) {
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response.json();
  }

  /* A version 4 UUID from the browser's random numbers (crypto.randomUUID needs HTTPS, which an intranet LMS may lack). */
  function uuid() {
    var b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
})();
