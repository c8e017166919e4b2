/* coursegen xAPI: learning records sent to the course's LRS (course.yml `lrs`), queued in this browser: none lost
   while the LRS is out of reach, none stored twice (ids made here once). IRIs: coursegen.config.lrs (model/lrs.py).
   What is sent, as whom, when: guide/docs/lrs.md. Stable API (cmi5 builds on it):
     coursegen.xapi.configure({endpoint, authorization, actor, registration, context, launched: true}): a cmi5
       launch's, on every page; the context is merged into each statement bound from then on.
     coursegen.xapi.send(statement) -> id: queued; an id and timestamp added if missing, and when first sent the
       actor, registration and context (parent course, version, language).
     coursegen.xapi.status() -> {mode, ready, waiting, refused, why: "launch" | "identity" (no name typed) | ""},
       also the detail of the "coursegen:xapi-sent" event after each change. */
(function () {
  "use strict";
  var cg = window.coursegen, lrs = cg && cg.config.lrs;
  if (!lrs) return;
  var store = cg.store, keys = cg.keys, BATCH = 50, MAX_PAUSE = 300000;
  var lang = cg.config.lang === "en" ? "en" : "zh-CN";
  var launch = null, batch = BATCH, busy = false, pause = 0, timer = null, skipped = {};

  function queue() {
    var q = store.get(keys.XAPI_QUEUE, null);
    return q && q.v === 1 && Array.isArray(q.items) ? q : { v: 1, items: [] };
  }

  function uuid() {
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = [].map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }

  /* who: {anon: true}, or {trainee} a hand-in names. */
  function send(statement, who) {
    statement.id = statement.id || uuid();
    statement.timestamp = statement.timestamp || new Date().toISOString();
    var q = queue();
    q.items.push({ s: statement, anon: !!(who && who.anon), trainee: (who && who.trainee) || null });
    store.set(keys.XAPI_QUEUE, q);
    announce();
    flush();
    return statement.id;
  }

  function selfReported() {
    var id = store.get(keys.IDENTITY, {});
    return typeof id.name === "string" && id.name.trim() && typeof id.employee_id === "string" && id.employee_id.trim() ? id : null;
  }

  function registration() {
    var r = store.get(keys.XAPI_REGISTRATION, null);
    if (r && r.id) return r.id;
    r = { id: uuid() };
    store.set(keys.XAPI_REGISTRATION, r);
    return r.id;
  }

  function actor(item) {
    if (item.anon) return { objectType: "Agent", account: { homePage: lrs.base, name: "anonymous" } };
    if (launch) return launch.actor;
    var who = lrs.auth === "relay" && (item.trainee || selfReported());
    return who ? { objectType: "Agent", name: who.name.trim(), account: { homePage: lrs.base, name: who.employee_id.trim() } } : null;
  }

  /* Fills in what the statement lacks; false while its actor is unknown. */
  function bind(item) {
    var s = item.s;
    if (s.actor) return true;
    var who = actor(item);
    if (!who) return false;
    s.actor = who;
    // A record made before this launch (queued with no launch) goes out within the launch's session: cmi5 wants
    // every statement of a session after its "initialized", so it takes the time it was bound at.
    if (launch && s.timestamp < launch.since) s.timestamp = launch.since;
    var c = s.context = s.context || {}, template = (launch && launch.context) || {};
    Object.keys(template).forEach(function (k) { if (k !== "contextActivities" && k !== "extensions" && !(k in c)) c[k] = template[k]; });
    var ca = c.contextActivities = c.contextActivities || {}, tca = template.contextActivities || {};
    Object.keys(tca).forEach(function (k) { ca[k] = (ca[k] || []).concat(tca[k]); });
    ca.parent = ca.parent || [{ id: lrs.base, objectType: "Activity" }];
    var ext = c.extensions = c.extensions || {};
    Object.keys(template.extensions || {}).forEach(function (k) { ext[k] = template.extensions[k]; });
    ext[lrs.extensions["course-version"]] = cg.course().version || "";
    if (!launch && !item.anon) ext[lrs.extensions["self-reported"]] = true;
    if (!item.anon && !c.registration) c.registration = launch ? launch.registration : registration();
    c.language = c.language || lang;
    return true;
  }

  function ready() { return !!launch || lrs.auth === "relay"; }

  function flush() {
    if (busy || !ready()) return;
    var q = queue(), out = [];
    q.items.forEach(function (item) { if (out.length < batch && !skipped[item.s.id] && bind(item)) out.push(item); });
    store.set(keys.XAPI_QUEUE, q);
    if (!out.length) return;
    busy = true;
    post(out.map(function (item) { return item.s; })).then(function (code) {
      busy = false;
      answered(out, code);
    });
  }

  /* The LRS's HTTP status; 0: not reached. */
  function post(statements) {
    var headers = { "Content-Type": "application/json", "X-Experience-API-Version": lrs.version };
    if (launch && launch.authorization) headers.Authorization = launch.authorization;
    var abort = window.AbortController ? new AbortController() : null;
    var stop = setTimeout(function () { if (abort) abort.abort(); }, 30000);
    var endpoint = launch ? launch.endpoint : lrs.endpoint;
    return fetch(endpoint.replace(/\/?$/, "/") + "statements", {
      method: "POST", headers: headers, body: JSON.stringify(statements), signal: abort && abort.signal, credentials: "omit"
    }).then(function (r) { return r.status; }, function () { return 0; }).then(function (code) { clearTimeout(stop); return code; });
  }

  function answered(out, code) {
    var ids = out.map(function (item) { return item.s.id; });
    if (code === 200 || code === 204 || (code === 409 && out.length === 1)) {
      pause = 0;
      return settle(ids, null);
    }
    if (code >= 400 && code < 500 && out.length > 1) { batch = 1; return flush(); }
    if (code >= 400 && code < 500) { skipped[ids[0]] = true; settle([], { id: ids[0], code: code }); return flush(); }
    pause = Math.min(MAX_PAUSE, Math.max(2000, pause * 2));
    clearTimeout(timer);
    timer = setTimeout(flush, pause);
    announce();
  }

  /* Drops what the LRS took (from the queue as stored now), marks a refusal. */
  function settle(sent, refusal) {
    var q = queue();
    q.items = q.items.filter(function (item) { return sent.indexOf(item.s.id) < 0; });
    q.items.forEach(function (item) { if (refusal && item.s.id === refusal.id) item.refused = refusal.code; });
    store.set(keys.XAPI_QUEUE, q);
    announce();
    if (sent.length) flush();
  }

  function status() {
    var items = queue().items, why = !ready() ? "launch" : "";
    if (!why && items.some(function (item) { return !item.s.actor && !actor(item); })) why = "identity";
    return {
      mode: lrs.auth, ready: ready(), waiting: items.length, why: why,
      refused: items.filter(function (item) { return item.refused; }).length
    };
  }

  function announce() { document.dispatchEvent(new CustomEvent("coursegen:xapi-sent", { detail: status() })); }

  function configure(given) {
    if (!given || !given.launched || !given.endpoint || !given.actor) return;
    launch = given;
    launch.since = new Date().toISOString();
    flush();
  }

  cg.xapi = { configure: configure, send: send, status: status };

  function words(text) { var map = {}; map[lang] = String(text); return map; }

  function activity(kind, id, title) {
    var a = { objectType: "Activity", id: lrs.base + "/" + kind + "/" + id };
    if (title) a.definition = { name: words(title) };
    return a;
  }

  function statement(verb, object, result) {
    return { verb: { id: lrs.verbs[verb], display: words(cg.t("xapi.verb." + verb)) }, object: object, result: result };
  }

  function item(kind, id) { return cg.course().items.filter(function (i) { return i.kind === kind && i.id === id; })[0] || null; }

  /* What the dashboard counts as done (cg-completion.js), once: a ledger notes each completion queued. */
  var DONE = /^(lecture|case|discussion|drill|scenario)$/;

  function completions() {
    var ledger = store.get(keys.XAPI_DONE, {}), done = ledger.items || {};
    var fresh = cg.course().items.filter(function (i) {
      return DONE.test(i.kind) && !done[i.kind + ":" + i.id] && cg.completion.status(i) === "done";
    });
    if (!fresh.length) return;
    fresh.forEach(function (i) { done[i.kind + ":" + i.id] = new Date().toISOString(); });
    store.set(keys.XAPI_DONE, { items: done });
    fresh.forEach(function (i) {
      var total = i.kind === "scenario" && store.get(keys.scenario(i.id), {}).total, result = { completion: true };
      if (typeof total === "number") result.score = { raw: total };
      send(statement("completed", activity(i.kind, i.id, i.title), result));
    });
  }

  /* A checked question as an interaction, null if unanswered or unsayable; a final's ids name their bank ("bank/q"). */
  function answer(quizId, q) {
    var type = cg.interactions.TYPES[q.type], p = cg.interactions.encode(q, cg.interactions.standard);
    if (!type || !p || !q.answered) return null;
    var parts = q.id.split("/"), bank = parts.length > 1 ? parts[0] : quizId, components = [];
    var def = { type: lrs.interaction, interactionType: type, correctResponsesPattern: p.correct, name: words(q.prompt) };
    var count = type === "choice" ? q.options : /^(sequencing|matching)$/.test(type) ? q.key.length : 0;
    for (var i = 0; i < count; i++) components.push({ id: cg.interactions.letter(i) });
    if (type === "choice" || type === "sequencing") def.choices = components;
    if (type === "matching") { def.source = components; def.target = components; }
    var s = statement("answered", { objectType: "Activity", id: lrs.base + "/quiz/" + bank + "/question/" + parts[parts.length - 1], definition: def },
      { response: p.response, success: !!q.correct, score: { raw: Math.round(q.fraction * q.max * 100) / 100, min: 0, max: q.max } });
    s.context = { contextActivities: { grouping: [{ objectType: "Activity", id: lrs.base + "/quiz/" + bank }] } };
    return s;
  }

  document.addEventListener("coursegen:quiz-scored", function (event) {
    var d = event.detail || {}, quiz = item("quiz", d.quizId), level = cg.config.results;
    if (!quiz || (level !== "scores" && level !== "questions")) return;
    if (level === "questions") (d.items || []).forEach(function (q) { var s = answer(d.quizId, q); if (s) send(s); });
    function result() {
      return { score: { raw: d.score, min: 0, max: 100, scaled: d.score / 100 }, success: !!d.passed, completion: true };
    }
    send(statement("completed", activity("quiz", d.quizId, quiz.title), result()));
    if (d.final) send(statement(d.passed ? "passed" : "failed", activity("quiz", d.quizId, quiz.title), result()));
  });

  /* A hand-in: the submission exactly as its file holds it (sha256 included). */
  document.addEventListener("coursegen:submit", function (event) {
    var file = JSON.parse(JSON.stringify(event.detail || {})), form = item("homework", file.homework_id), ext = {};
    if (!file.homework_id) return;
    delete file.handed_in;
    ext[lrs.extensions.submission] = file;
    ext[lrs.extensions.checksum] = file.sha256;
    send(statement("submit", activity("form", file.homework_id, form && form.title), { completion: true, extensions: ext }),
      file.trainee ? { trainee: file.trainee } : { anon: true });
  });

  /* 学习进度: what waits, and why. */
  function show() {
    var page = document.querySelector("[data-cg-progress]"), s = status();
    var line = page && (page.querySelector("[data-cg-xapi]") || page.insertBefore(cg.el("p", { class: "cg-xapi", role: "status", "data-cg-xapi": "" }), page.firstChild));
    if (!line) return;
    var said = [cg.t(s.why ? "xapi." + s.why : s.waiting ? "xapi.waiting" : "xapi.sent", { n: s.waiting })];
    if (s.refused) said.push(cg.t("xapi.refused", { n: s.refused }));
    line.textContent = said.join(lang === "en" ? " " : "");
    line.setAttribute("data-waiting", String(s.waiting));
  }

  /* A mark, answer, tick or name typed may make an item done or a statement sendable. */
  function check() { completions(); flush(); }

  ["click", "change"].forEach(function (type) { document.addEventListener(type, check); });
  document.addEventListener("coursegen:xapi-sent", show);
  window.addEventListener("storage", check);
  window.addEventListener("online", function () { pause = 0; flush(); });
  cg.onPage(function () { check(); show(); });
})();
