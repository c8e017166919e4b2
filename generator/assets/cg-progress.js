/* coursegen learner pages: lecture visits and "mark as done", the progress indicator in the navigation,
   the progress page (学习进度), the review of mistakes (错题本) and the handbook's print button.

   Everything lives in this browser's localStorage, through coursegen.store (keys under
   coursegen:<courseId>:):
     lecture:<lectureId>  {visited: ISO time of the first visit, done: ISO time or null}
     mistakes             {v: 1, items: {"<bankId>/<questionId>": {quiz, hash, at}}, seen: {quizId: attempts}}
                          the questions last answered wrongly; "seen" records which check of each quiz
                          has been read, so a question retried right here never comes back from an old check
     homework:<formId>    {exportedAt: ISO time, updated_at and revision: the draft's when it was exported,
                          online: true when it was handed in to the form service rather than exported}
                          written on cg-form.js's "coursegen:submit" event
     quiz:review-<n>      scratch state of the one-question quizzes on the review page, cleared on each visit
   It reads (never writes) the quiz states (coursegen.quiz.state) and the drafts of cg-form.js (form:<formId>).
   What counts towards completion comes from cg-course.js (window.coursegenCourse). */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  var el = cg.el, t = cg.t, store = cg.store;
  /* Read when needed: cg-course.js may load after this script. */
  function course() { return window.coursegenCourse || { lectures: [], quizzes: [], homework: [] }; }


  /* ---- reading the state ---- */

  function lecture(id) { return store.get("lecture:" + id, {}); }

  function quizState(q) {
    if (cg.quiz) return cg.quiz.state(q.id, q.hash);
    var s = store.get("quiz:" + q.id, null);
    return s && s.hash === q.hash ? s : null;
  }

  /* "none", "draft", "exported" or "changed" (edited since its export), "posted" or "postedChanged" when it went
     to the form service; a form counts as done once handed in either way. */
  function homework(id) {
    var draft = store.get("form:" + id, null), sent = store.get("homework:" + id, null);
    if (sent && sent.exportedAt) {
      var edited = draft && (draft.updated_at !== sent.updated_at || draft.revision !== sent.revision);
      if (sent.online) return edited ? "postedChanged" : "posted";
      return edited ? "changed" : "exported";
    }
    return draft ? "draft" : "none";
  }

  function isExported(state) { return state !== "none" && state !== "draft"; }

  function summary() {
    var lectures = course().lectures.map(function (id) { return lecture(id); });
    var quizzes = course().quizzes.map(quizState);
    var forms = course().homework.map(homework);
    var done = lectures.filter(function (l) { return l.done; }).length
      + quizzes.filter(function (s) { return s && s.passed; }).length
      + forms.filter(isExported).length;
    var total = lectures.length + quizzes.length + forms.length;
    return {
      lecturesVisited: lectures.filter(function (l) { return l.visited; }).length,
      lecturesDone: lectures.filter(function (l) { return l.done; }).length, lectures: lectures.length,
      quizzesPassed: quizzes.filter(function (s) { return s && s.passed; }).length, quizzes: quizzes.length,
      homeworkExported: forms.filter(isExported).length, homework: forms.length,
      percent: total ? Math.floor((done / total) * 100) : 0
    };
  }

  /* ---- the review of mistakes: kept up to date from every check of every quiz ---- */

  function mistakes() {
    var m = store.get("mistakes", null);
    return m && m.v === 1 && m.items && m.seen ? m : { v: 1, items: {}, seen: {} };
  }

  function quizInfo(id) {
    return course().quizzes.filter(function (q) { return q.id === id; })[0] || null;
  }

  function bankHash(bankId) { var q = quizInfo(bankId); return q ? q.hash : null; }

  /* Whether the trainee gave any answer (a question skipped in a check is not a mistake to review). */
  function answered(a) {
    if (a === undefined || a === null || a === "") return false;
    if (Array.isArray(a)) return a.length > 0 && a.some(function (x) { return x !== -1; });
    return true;
  }

  /* Read the latest check of one quiz into the review; the final assessment's ids already name their bank. */
  function absorb(m, q) {
    var s = quizState(q);
    if (!s || !s.checked) return false;
    Object.keys(s.results || {}).forEach(function (id) {
      var key = q.final ? id : q.id + "/" + id;
      if (s.results[id] && s.results[id].correct) delete m.items[key];
      else if (answered(s.answers[id])) m.items[key] = { quiz: q.id, hash: bankHash(key.split("/")[0]), at: s.updated };
    });
    m.seen[q.id] = s.attempts;
    return true;
  }

  function syncMistakes() {
    var m = mistakes(), changed = false;
    course().quizzes.forEach(function (q) {
      var s = quizState(q);
      if (s && s.checked && m.seen[q.id] !== s.attempts) changed = absorb(m, q) || changed;
    });
    if (changed) store.set("mistakes", m);
    return m;
  }

  /* ---- lecture pages: a visit is recorded, "mark as done" toggles ---- */

  function lecturePage(doc) {
    var button = doc.querySelector("[data-cg-done]");
    if (!button) return;
    var id = button.getAttribute("data-cg-done"), now = new Date().toISOString();
    var state = lecture(id);
    if (!state.visited) { state.visited = now; store.set("lecture:" + id, state); }
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
      store.set("lecture:" + id, s);
      show();
      refresh(document);
    });
  }

  /* ---- the indicator beside the progress page's entry in the navigation ---- */

  function siteRoot(doc) {
    var node = doc.getElementById("__config");
    try { return new URL((node ? JSON.parse(node.textContent).base : ".") + "/", location.href); }
    catch (e) { return new URL("./", location.href); }
  }

  function navIndicator(doc, percent) {
    var root = siteRoot(doc).href;
    var targets = [root + "progress/", root + "progress/index.html", root + "progress.html"];
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

  /* ---- the progress page ---- */

  function progressPage(doc, sum) {
    var page = doc.querySelector("[data-cg-progress]");
    if (!page) return;
    page.querySelector("[data-cg-overall]").textContent = sum.percent + "%";
    page.querySelector(".cg-meter__fill").style.width = sum.percent + "%";
    [].forEach.call(page.querySelectorAll("[data-cg-cell]"), function (cell) {
      cell.textContent = cellText(cell.getAttribute("data-cg-cell"), cell.getAttribute("data-cg-id"));
    });
    if (page.hasAttribute("data-ready")) return;
    page.setAttribute("data-ready", "");
    page.addEventListener("click", function (event) {
      var action = event.target.closest("[data-cg-action]");
      if (!action) return;
      if (action.getAttribute("data-cg-action") === "export") exportProgress();
      else if (window.confirm(t("progress.confirm"))) resetProgress();
    });
  }

  function cellText(kind, id) {
    if (kind === "lecture-visited") return t(lecture(id).visited ? "progress.yes" : "progress.no");
    if (kind === "lecture-done") return t(lecture(id).done ? "progress.yes" : "progress.no");
    if (kind === "homework-state") {
      return t("progress.homework." + homework(id));
    }
    var q = quizInfo(id), s = q && quizState(q), tried = s && s.attempts > 0;
    if (kind === "quiz-best") return tried ? t("progress.score", { n: s.best }) : t("progress.no");
    if (kind === "quiz-attempts") return tried ? String(s.attempts) : "0";
    return t(!tried ? "progress.notTried" : s.passed ? "progress.passed" : "progress.failed");
  }

  function records() {
    var out = {};
    store.keys("").forEach(function (key) { out[key] = store.get(key, null); });
    return out;
  }

  function exportProgress() {
    var data = {
      format: "coursegen-progress", formatVersion: 1, courseId: cg.config.courseId,
      exportedAt: new Date().toISOString(), summary: summary(), records: records()
    };
    var blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
    var a = el("a", { href: URL.createObjectURL(blob), download: "progress-" + cg.config.courseId + ".json" });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function resetProgress() {
    store.keys("").forEach(function (key) { store.remove(key); });
    refresh(document);
    var status = document.querySelector("[data-cg-progress-status]");
    if (status) status.textContent = t("progress.cleared");
  }

  /* ---- the review page: each mistake becomes a one-question quiz for cg-quiz.js to mount ---- */

  function reviewPage(doc, m) {
    var page = doc.querySelector("[data-cg-review]");
    if (!page || page.hasAttribute("data-ready")) return;
    page.setAttribute("data-ready", "");
    cg.load(page.getAttribute("data-cg-script"), function (payloads) {
      if (payloads && cg.quiz) showMistakes(page, payloads, m);
      else page.querySelector("[data-cg-review-count]").textContent = t("review.unavailable");
    });
  }

  function showMistakes(page, payloads, m) {
    var n = 0;
    store.keys("quiz:review-").forEach(function (key) { store.remove(key); });
    Object.keys(m.items).forEach(function (key) {
      var parts = key.split("/"), bank = payloads[parts[0]], item = m.items[key];
      var block = page.querySelector('[data-cg-bank="' + parts[0] + '"]');
      if (!bank || !block || item.hash !== bank.hash) return;
      var q = bank.questions.filter(function (x) { return x.id === parts[1]; })[0];
      if (!q) return;
      n += 1;
      block.hidden = false;
      block.querySelector(".cg-review__list").appendChild(reviewItem(bank, q, n));
    });
    page.querySelector("[data-cg-review-empty]").hidden = n > 0;
    page.querySelector("[data-cg-review-count]").textContent = n ? t("review.count", { n: n }) : "";
    cg.quiz.mount(page);
  }

  function reviewItem(bank, q, n) {
    var payload = { id: "review-" + n, hash: bank.hash, pass: 100, shuffle: false, questions: [q] };
    var widget = el("div", { class: "cg-quiz cg-review__quiz", "data-quiz": payload.id, "data-review": bank.id + "/" + q.id, "data-cg": JSON.stringify(payload) });
    var box = el("div", { class: "cg-review__item" }, [widget]);
    var why = cg.quiz.decode(q.k, bank.hash).x;
    if (why) box.appendChild(el("details", { class: "cg-review__why" }, [el("summary", { text: t("review.why") }), el("div", { html: why })]));
    return box;
  }

  /* A check on the review page settles its question: right leaves the review (on the next visit), wrong stays. */
  function reviewChecked(quizId) {
    var widget = document.querySelector('.cg-review__quiz[data-quiz="' + quizId + '"]');
    var s = widget && cg.quiz ? cg.quiz.state(quizId) : null;
    if (!s) return;
    var key = widget.getAttribute("data-review"), qid = key.split("/")[1], m = mistakes();
    if (s.results[qid] && s.results[qid].correct) delete m.items[key];
    store.set("mistakes", m);
  }

  /* ---- wiring ---- */

  function refresh(doc) {
    var sum = summary();
    navIndicator(doc, sum.percent);
    progressPage(doc, sum);
  }

  document.addEventListener("coursegen:quiz-scored", function (event) {
    var id = event.detail && event.detail.quizId, q = quizInfo(id);
    if (q) {
      var m = mistakes();
      if (absorb(m, q)) store.set("mistakes", m);
    } else if (id) reviewChecked(id);
    refresh(document);
  });

  document.addEventListener("coursegen:submit", function (event) {
    var data = event.detail || {};
    if (!data.homework_id) return;
    var draft = store.get("form:" + data.homework_id, null);
    store.set("homework:" + data.homework_id, {
      exportedAt: new Date().toISOString(), updated_at: data.updated_at, revision: draft && draft.revision,
      online: !!(data.handed_in && data.handed_in.channel === "online")
    });
    refresh(document);
  });

  window.addEventListener("storage", function () { refresh(document); });

  cg.onPage(function (doc) {
    var m = syncMistakes();
    lecturePage(doc);
    refresh(doc);
    reviewPage(doc, m);
    [].forEach.call(doc.querySelectorAll("[data-cg-print]"), function (button) {
      button.hidden = false;
      button.onclick = function () { window.print(); };
    });
  });
})();
