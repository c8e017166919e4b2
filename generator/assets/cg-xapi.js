/* coursegen xAPI: the trainee's learning records sent to the course's Learning Record Store (course.yml `lrs`) as
   xAPI statements, queued in this browser so that none is lost while the LRS is out of reach and none is stored
   twice (each statement's id is made here once and re-sent with it). Loaded only in a course that names an LRS;
   every IRI comes from the page's config (coursegen.config.lrs = Lrs.vocabulary(), generator/model/lrs.py).

   API, kept stable (the cmi5 runtime builds on it):
     coursegen.xapi.configure({endpoint, authorization, actor, registration, context, launched: true})
       Under a cmi5 launch, on every page, with what the launch gave: the LRS's endpoint, the Authorization
       header's value (the launch's short-lived token), the actor as the LMS gives it, the registration, and a
       context template merged into each statement bound from then on (the cmi5 category, session id …).
       Statements waiting in the queue are then bound to this actor and sent.
     coursegen.xapi.send(statement) -> its id
       Queue a statement the caller made (cmi5's initialized, terminated …) and send it as soon as possible. Here
       it gets, where it has none: an id (UUID v4), a timestamp, and when it is first sent (bound) the actor, the
       registration and the context (the course as parent, the course version, the language).
     coursegen.xapi.status() -> {mode: "launch"|"relay", ready, waiting, refused, why}
       why: "launch" (auth: launch and no launch), "identity" (no name and 工号 typed yet), or "".
     Each answer of the LRS, and each statement queued, is announced as "coursegen:xapi-sent" on document, with
     status() as its detail (学习进度 shows it).

   Who the actor is: under a launch, the launch's actor (the LMS vouches for it). Without one (auth: relay) the
   name and 工号 the trainee typed for the hand-in (the identity entry of cg-form.js), an account under the course's
   own IRI, the statement marked self-reported; until they are typed, statements wait in the queue, unbound. An
   anonymous survey's hand-in is sent with the anonymous account and no registration, which would link it to the
   trainee's other records.

   Sending: POST {endpoint}statements, a batch at a time; 200/204 drop the batch, and a 409 for one statement (its id
   is stored already) too. A batch another 4xx refuses is sent one by one, so that only the statement at fault is
   kept back, marked refused (tried again on the next page); a network error or a 5xx keeps everything and tries
   again with a growing pause, on `online`, on each new statement and on each page. */
(function () {
  "use strict";
  var cg = window.coursegen, lrs = cg && cg.config.lrs;
  if (!lrs) return;
  var store = cg.store, keys = cg.keys, BATCH = 50, MAX_PAUSE = 300000;
  var lang = cg.config.lang === "en" ? "en" : "zh-CN";
  var launch = null, batch = BATCH, busy = false, pause = 0, timer = null, skipped = {};

  /* ---- the queue ---- */

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

  /* Queue one statement; `who` says whose it is when it is not the trainee's of this browser: {anon: true} or
     {trainee: {name, employee_id}} (a hand-in names who handed it in). */
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

  /* ---- binding: the actor, registration and context a statement keeps from its first sending on ---- */

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

  /* Fills in what the statement lacks; false while its actor is unknown (no launch yet, nothing typed yet). */
  function bind(item) {
    var s = item.s;
    if (s.actor) return true;
    var who = actor(item);
    if (!who) return false;
    s.actor = who;
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

  /* ---- sending ---- */

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

  /* The LRS's HTTP status, or 0 when it could not be reached. */
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

  /* Drops what the LRS took (re-reading the queue: another page may have added to it meanwhile), marks a refusal. */
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
    flush();
  }

  cg.xapi = { configure: configure, send: send, status: status };

  window.addEventListener("online", function () { pause = 0; flush(); });
  cg.onPage(function () { flush(); });
})();
