/* coursegen learner pages: where the trainee stands in the course and where to go on. Lecture visits and
   "mark as done", cases, discussions and drills opened, the dashboard on the home page (继续学习 and every
   item's status), the same marks in the menu, the progress indicator, the progress page (学习进度), the
   review of mistakes (错题本) and the handbook's print button.

   Everything lives in this browser's localStorage, under the keys cg-core.js lays out (coursegen.keys). This
   script writes lecture:, visit:, homework:, mistakes and place; what each item's status is, and whether the
   course's completion rule is met, it asks cg-completion.js (coursegen.completion), which reads the quiz
   states, the drafts of cg-form.js and the answers and ticks of cg-case.js. What the course consists of, in course order, comes from
   cg-course.js (coursegen.course()). Export, import and reset are cg-backup.js's, through coursegen.progress. */
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
  var homework = completion.homework, isExported = completion.isExported, quizState = completion.quizState;

  function statusText(state) { return t(state === "passedEarlier" ? "progress.keep.passed" : "progress.status." + state); }

  function summary() {
    var all = items(), done = all.filter(function (i) { return complete(status(i)); }).length;
    var activities = all.filter(function (i) { return ACTIVITY.test(i.kind); });
    function count(kind, state) { return items(kind).filter(function (i) { return status(i) === state; }).length; }
    return {
      lecturesVisited: items("lecture").filter(function (i) { return lecture(i.id).visited; }).length,
      lecturesDone: count("lecture", "done"), lectures: items("lecture").length,
      activitiesDone: activities.filter(function (i) { return status(i) === "done"; }).length, activities: activities.length,
      quizzesPassed: count("quiz", "passed") + count("quiz", "passedEarlier"), quizzes: items("quiz").length,
      homeworkExported: count("homework", "done"), homework: items("homework").length,
      percent: all.length ? Math.floor((done / all.length) * 100) : 0
    };
  }

  /* ---- the review of mistakes: kept up to date from every check of every quiz ---- */

  function mistakes() {
    var m = store.get(keys.MISTAKES, null);
    return m && m.v === 1 && m.items && m.seen ? m : { v: 1, items: {}, seen: {} };
  }

  function bankHash(bankId) { var q = find("quiz", bankId); return q ? q.hash : null; }

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
    items("quiz").forEach(function (q) {
      var s = quizState(q);
      if (s && s.checked && m.seen[q.id] !== s.attempts) changed = absorb(m, q) || changed;
    });
    if (changed) store.set(keys.MISTAKES, m);
    return m;
  }

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

  /* ---- the home page: 继续学习 and every item's status ---- */

  function dashboard(doc, root, sum) {
    var board = doc.querySelector("[data-cg-dashboard]");
    if (!board) return;
    board.querySelector("[data-cg-overall]").textContent = sum.percent + "%";
    board.querySelector(".cg-meter__fill").style.width = sum.percent + "%";
    [].forEach.call(board.querySelectorAll("[data-cg-status]"), function (cell) {
      var parts = cell.getAttribute("data-cg-status").split(":"), item = find(parts[0], parts[1]);
      var state = item ? status(item) : "notStarted";
      cell.textContent = statusText(state);
      cell.setAttribute("data-state", state);
    });
    var place = store.get(keys.PLACE, null), item = place && find(place.kind, place.id);
    var go = doc.querySelector("[data-cg-continue]");
    if (go && item) {
      go.href = addresses(root, item.page)[location.protocol === "file:" ? 1 : 0];
      go.textContent = t("progress.continue", { title: item.title });
    }
  }

  /* ---- the completion rule, on the dashboard, 学习进度 and the completion record: how far, and what is missing
     (each required item's link is on the page, made by MkDocs for any URL scheme) or the record's link ---- */

  function completionBlocks(doc) {
    var blocks = doc.querySelectorAll("[data-cg-completion]");
    if (!blocks.length) return;
    var r = completion.evaluate(), missing = {};
    r.missing.forEach(function (m) { missing[m.item.kind + ":" + m.item.id] = m; });
    [].forEach.call(blocks, function (block) {
      block.querySelector("[data-cg-completion-count]").textContent = t("completion.count", { done: r.done, total: r.total });
      block.querySelector("[data-cg-completion-done]").textContent = t("completion.complete");
      block.querySelector(".cg-completion__done").hidden = !r.complete;
      var said = block.querySelector(".cg-completion__missing");
      said.hidden = r.complete;
      said.textContent = t("completion.missing");
      [].forEach.call(block.querySelectorAll("[data-cg-need]"), function (a) {
        var parts = a.getAttribute("data-cg-need").split(":"), m = missing[parts[0] + ":" + parts[1]];
        a.parentNode.hidden = !m;
        if (m) a.textContent = t("completion.need." + (m.state === "resubmit" ? "resubmit" : m.need), { title: m.item.title });
      });
      block.setAttribute("data-complete", String(r.complete));
      block.hidden = false;
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
    page.setAttribute("data-ready", "");
  }

  function cellText(kind, id) {
    if (kind === "lecture-visited") return t(lecture(id).visited ? "progress.yes" : "progress.no");
    if (kind === "lecture-done") return t(lecture(id).done ? "progress.yes" : "progress.no");
    if (kind === "homework-state") return t("progress.homework." + homework(id));
    if (kind === "activity-state") {
      var parts = id.split(":"), item = find(parts[0], parts[1]);
      return statusText(item ? status(item) : "notStarted");
    }
    var q = find("quiz", id), s = q && quizState(q), tried = s && s.attempts > 0;
    if (!tried && s && s.earlier) return earlierText(kind, s.earlier);
    if (kind === "quiz-best") return tried ? t("progress.score", { n: s.best }) : t("progress.no");
    if (kind === "quiz-attempts") return tried ? String(s.attempts) : "0";
    if (tried && !s.passed && s.earlier && s.earlier.passed) return t("progress.keep.passed");
    return t(!tried ? "progress.notTried" : s.passed ? "progress.passed" : "progress.failed");
  }

  /* A quiz not yet tried since the trainer edited it: its record from before, marked as such ("82%（题目修改前）"). */
  function earlierText(kind, e) {
    if (kind === "quiz-best") return t("progress.keep.score", { n: e.best });
    if (kind === "quiz-attempts") return t("progress.keep.attempts", { n: e.attempts });
    return t(e.passed ? "progress.keep.passed" : "progress.keep.failed");
  }

  /* ---- a form's page: whether it was handed in, said above the form after a reload too ---- */

  function handedLines(doc) {
    [].forEach.call(doc.querySelectorAll("[data-cg-handed]"), function (line) {
      var state = homework(line.getAttribute("data-cg-handed"));
      line.hidden = !isExported(state);
      line.textContent = line.hidden ? "" : t("progress.homework." + state);
      line.setAttribute("data-state", state);
    });
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
    store.keys(keys.SCRATCH).forEach(function (key) { store.remove(key); });
    Object.keys(m.items).forEach(function (key) {
      var parts = key.split("/"), bank = payloads[parts[0]], item = m.items[key];
      var block = page.querySelector('[data-cg-bank="' + parts[0] + '"]');
      if (!bank || !block) return;
      var q = bank.questions.filter(function (x) { return x.id === parts[1]; })[0];
      if (!q) return;
      n += 1;
      block.hidden = false;
      block.querySelector(".cg-review__list").appendChild(reviewItem(bank, q, n, item.hash !== bank.hash));
    });
    page.querySelector("[data-cg-review-empty]").hidden = n > 0;
    page.querySelector("[data-cg-review-count]").textContent = n ? t("review.count", { n: n }) : "";
    cg.quiz.mount(page);
  }

  /* The widget's state is scratch (keys.scratch), never a quiz's: its id only names it on this page. A mistake made
     before the trainer edited its bank (changed) stays, marked: the question is asked as it is now. */
  function reviewItem(bank, q, n, changed) {
    var payload = { id: "review-" + n, scratch: true, hash: bank.hash, pass: 100, shuffle: false, questions: [q] };
    var widget = el("div", { class: "cg-quiz cg-review__quiz", "data-quiz": payload.id, "data-review": bank.id + "/" + q.id, "data-cg": JSON.stringify(payload) });
    var note = changed ? el("p", { class: "cg-review__changed", text: t("progress.keep.review") }) : null;
    var box = el("div", { class: "cg-review__item" }, [note, widget]);
    var why = cg.quiz.decode(q.k, bank.hash).x;
    if (why) box.appendChild(el("details", { class: "cg-review__why" }, [el("summary", { text: t("review.why") }), el("div", { html: why })]));
    return box;
  }

  /* A check on the review page settles its question: right leaves the review (on the next visit), wrong stays,
     with this answer as the trainee's last one (the page's own state is scratch, gone at the next visit). */
  function reviewChecked(widget) {
    var s = store.get(keys.scratch(widget.getAttribute("data-quiz")), null);
    if (!s || !s.results) return;
    var key = widget.getAttribute("data-review"), qid = key.split("/")[1], m = mistakes();
    if (s.results[qid] && s.results[qid].correct) delete m.items[key];
    else if (m.items[key] && answered(s.answers[qid])) m.items[key].last = { answer: s.answers[qid], at: s.updated || "" };
    store.set(keys.MISTAKES, m);
  }

  /* ---- wiring ---- */

  function refresh(doc) {
    var sum = summary(), root = cg.root();
    navIndicator(doc, root, sum.percent);
    navMarks(doc, root);
    dashboard(doc, root, sum);
    progressPage(doc, sum);
    completionBlocks(doc);
    handedLines(doc);
  }

  cg.progress = { summary: summary, refresh: function () { refresh(document); } };

  document.addEventListener("coursegen:quiz-scored", function (event) {
    var id = event.detail && event.detail.quizId;
    var review = id && document.querySelector('.cg-review__quiz[data-quiz="' + id + '"]'), q = find("quiz", id);
    if (review) reviewChecked(review);
    else if (q) {
      var m = mistakes();
      if (absorb(m, q)) store.set(keys.MISTAKES, m);
    }
    refresh(document);
  });

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

  /* A case answered or a checklist ticked on this page changes its status in the menu at once; so does the first
     edit of a form already handed in (cg-form.js has saved the draft by then: its listener is on the form). */
  document.addEventListener("change", function (event) {
    if (event.target.closest && event.target.closest(".cg-case, .cg-checklist")) refresh(document);
  });
  document.addEventListener("input", function (event) {
    var form = event.target.closest && event.target.closest("form.cg-form");
    var line = form && document.querySelector('[data-cg-handed="' + form.getAttribute("data-form") + '"]');
    if (line && !line.hidden && line.getAttribute("data-state") !== homework(form.getAttribute("data-form"))) refresh(document);
  });

  window.addEventListener("storage", function () { refresh(document); });

  cg.onPage(function (doc) {
    var m = syncMistakes();
    recordVisit(doc);
    lecturePage(doc);
    refresh(doc);
    reviewPage(doc, m);
    [].forEach.call(doc.querySelectorAll("[data-cg-print]"), function (button) {
      button.hidden = false;
      button.onclick = function () { window.print(); };
    });
  });
})();
