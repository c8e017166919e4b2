/* coursegen learner pages, the part on every page: where the trainee stands in the course. Lecture visits and
   "mark as done", cases, discussions and drills opened, the last place studied, the status marks in the menu and
   the progress indicator, kept up to date as the trainee works.

   Everything lives in this browser's localStorage, under the keys cg-core.js lays out (coursegen.keys). This
   script writes lecture:, visit:, homework: and place; what each item's status is, and whether the course's
   completion rule is met, it asks cg-completion.js (coursegen.completion), which reads the quiz states, the
   drafts of cg-form.js and the answers and ticks of cg-case.js. What the course consists of, in course order,
   comes from cg-course.js (coursegen.course()). The pages that show more load it as parts of their own: the
   dashboard, 学习进度, the completion blocks and a form's handed line (cg-progress-pages.js), the review of
   mistakes (cg-mistakes.js); they read and extend coursegen.progress, and hang their refresh on it (watch). */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg || !cg.completion) return;
  var el = cg.el, t = cg.t, store = cg.store, keys = cg.keys;
  var ACTIVITY = /^(case|discussion|drill|scenario)$/;  /* the kinds whose visits this script records */

  function items(kind) { return cg.course().items.filter(function (i) { return !kind || i.kind === kind; }); }

  function find(kind, id) { return items(kind).filter(function (i) { return i.id === id; })[0] || null; }

  /* ---- reading the state: each item's status is cg-completion.js's ---- */

  var completion = cg.completion, status = completion.status, complete = completion.complete, lecture = completion.lecture;

  /* The share of the course's items done, passed or handed in: the progress indicator's, the dashboard's. */
  function percent() {
    var all = items(), done = all.filter(function (i) { return complete(status(i)); }).length;
    return all.length ? Math.floor((done / all.length) * 100) : 0;
  }

  function statusText(state) { return t(state === "passedEarlier" ? "progress.keep.passed" : "progress.status." + state); }

  /* ---- where the trainee is: the page's item, its visit, the last place ---- */

  /* The addresses a page may have: with directory URLs (MkDocs' default), without, or from file://. */
  function addresses(root, page) {
    var base = root.href + page.replace(/(^|\/)index$/, "$1");
    return page === "index" || /\/index$/.test(page) ? [base, base + "index.html"] : [base + "/", base + "/index.html", base + ".html"];
  }

  function itemAt(root, href) {
    var address = href.split("#")[0].split("?")[0];
    return items().filter(function (i) { return addresses(root, i.page).indexOf(address) >= 0; })[0] || null;
  }

  function recordVisit(doc) {
    var item = itemAt(cg.root(), location.href);
    if (!item) return;
    var now = new Date().toISOString();
    store.set(keys.PLACE, { kind: item.kind, id: item.id, at: now });
    if (ACTIVITY.test(item.kind) && !store.get(keys.visit(item.kind, item.id), {}).visited) {
      store.set(keys.visit(item.kind, item.id), { visited: now });
    }
  }

  /* ---- lecture pages: a visit is recorded, "mark as done" toggles ---- */

  function lecturePage(doc) {
    var button = doc.querySelector("[data-cg-done]");
    if (!button) return;
    var id = button.getAttribute("data-cg-done"), now = new Date().toISOString();
    var state = lecture(id);
    if (!state.visited) { state.visited = now; store.set(keys.lecture(id), state); }
    function show() {
      var done = !!lecture(id).done;
      button.textContent = t(done ? "progress.isDone" : "progress.markDone");
      button.setAttribute("aria-pressed", String(done));
      button.classList.toggle("md-button--primary", !done);
    }
    button.hidden = false;
    show();
    if (button.hasAttribute("data-ready")) return;
    button.setAttribute("data-ready", "");
    button.addEventListener("click", function () {
      var s = lecture(id);
      s.done = s.done ? null : new Date().toISOString();
      store.set(keys.lecture(id), s);
      show();
      refresh(document);
    });
  }

  /* ---- the menu: the progress indicator beside 学习进度, a status mark beside every item ---- */

  function navIndicator(doc, root, percent) {
    var targets = addresses(root, "progress");
    [].forEach.call(doc.querySelectorAll(".md-nav--primary a.md-nav__link"), function (a) {
      if (targets.indexOf(a.href.split("#")[0]) < 0) return;
      var meter = a.querySelector(".cg-navmeter");
      if (!meter) {
        meter = el("span", { class: "cg-navmeter" }, [
          el("span", { class: "cg-meter", "aria-hidden": "true" }, [el("span", { class: "cg-meter__fill" })]),
          el("span", { class: "cg-navmeter__text" })
        ]);
        a.appendChild(meter);
      }
      meter.querySelector(".cg-meter__fill").style.width = percent + "%";
      meter.querySelector(".cg-navmeter__text").textContent = t("progress.nav", { n: percent });
    });
  }

  /* ✓ for a done lecture or activity and a passed quiz, ◐ for one begun; the status is also spoken. A closed
     menu group (navigation.prune) is a link to its first page, and gets no mark of that page's. */
  function navMarks(doc, root) {
    [].forEach.call(doc.querySelectorAll(".md-nav--primary a.md-nav__link[href]"), function (a) {
      var item = itemAt(root, a.href), mark = a.querySelector(".cg-navmark");
      if (!item || a.parentElement.classList.contains("md-nav__item--nested")) return;
      var state = status(item);
      if (!mark) { mark = el("span", { class: "cg-navmark" }); a.appendChild(mark); }
      mark.setAttribute("data-state", state);
      mark.textContent = "";
      if (state === "notStarted") return;
      mark.appendChild(el("span", { "aria-hidden": "true", text: complete(state) ? "✓" : "◐" }));
      mark.appendChild(el("span", { class: "cg-visually-hidden", text: statusText(state) }));
    });
  }

  /* ---- wiring: the page parts' refreshers run after the menu's, on every change ---- */

  var watchers = [];

  function refresh(doc) {
    var root = cg.root();
    navIndicator(doc, root, percent());
    navMarks(doc, root);
    watchers.forEach(function (fn) { fn(doc); });
  }

  /* A page part's refresher: run now (its part has just loaded onto a page) and after every change from then on. */
  function watch(fn) {
    watchers.push(fn);
    fn(document);
  }

  cg.progress = {
    items: items, find: find, statusText: statusText, addresses: addresses, percent: percent, watch: watch,
    refresh: function () { refresh(document); }
  };

  document.addEventListener("coursegen:quiz-scored", function () { refresh(document); });

  document.addEventListener("coursegen:submit", function (event) {
    var data = event.detail || {};
    if (!data.homework_id) return;
    var draft = store.get(keys.form(data.homework_id), null);
    store.set(keys.homework(data.homework_id), {
      exportedAt: new Date().toISOString(), updated_at: data.updated_at, revision: draft && draft.revision,
      online: !!(data.handed_in && data.handed_in.channel === "online"), sha256: data.sha256
    });
    refresh(document);
  });

  /* A case answered or a checklist ticked on this page changes its status in the menu at once. */
  document.addEventListener("change", function (event) {
    if (event.target.closest && event.target.closest(".cg-case, .cg-checklist")) refresh(document);
  });

  window.addEventListener("storage", function () { refresh(document); });

  cg.onPage(function (doc) {
    recordVisit(doc);
    lecturePage(doc);
    refresh(doc);
  });
})();
