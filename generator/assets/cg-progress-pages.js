/* coursegen learner pages, the part of the pages that show where the trainee stands in full: the dashboard on the
   home page (继续学习 and every item's status), the progress page (学习进度), the completion rule's blocks (how far,
   what is missing), a form's line saying it was handed in, and the handbook's print button. Loaded by those pages
   only (generator/render/assets.py); it reads what cg-progress.js and cg-completion.js keep and refreshes with the
   menu's marks (coursegen.progress.watch). */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg || !cg.progress) return;
  var t = cg.t, store = cg.store, keys = cg.keys, progress = cg.progress;
  var items = progress.items, find = progress.find, statusText = progress.statusText, addresses = progress.addresses;
  var completion = cg.completion, status = completion.status, lecture = completion.lecture;
  var homework = completion.homework, isExported = completion.isExported, quizState = completion.quizState;
  var ACTIVITY = /^(case|discussion|drill|scenario)$/;

  /* What the dashboard, 学习进度 and an exported progress file (cg-backup.js) say of the course as a whole. */
  function summary() {
    var all = items(), activities = all.filter(function (i) { return ACTIVITY.test(i.kind); });
    function count(kind, state) { return items(kind).filter(function (i) { return status(i) === state; }).length; }
    return {
      lecturesVisited: items("lecture").filter(function (i) { return lecture(i.id).visited; }).length,
      lecturesDone: count("lecture", "done"), lectures: items("lecture").length,
      activitiesDone: activities.filter(function (i) { return status(i) === "done"; }).length, activities: activities.length,
      quizzesPassed: count("quiz", "passed") + count("quiz", "passedEarlier"), quizzes: items("quiz").length,
      homeworkExported: count("homework", "done"), homework: items("homework").length,
      percent: progress.percent()
    };
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

  /* ---- the handbook: printed from the browser ---- */

  function printButtons(doc) {
    [].forEach.call(doc.querySelectorAll("[data-cg-print]"), function (button) {
      button.hidden = false;
      button.onclick = function () { window.print(); };
    });
  }

  progress.summary = summary;
  progress.watch(function (doc) {
    var sum = summary(), root = cg.root();
    dashboard(doc, root, sum);
    progressPage(doc, sum);
    completionBlocks(doc);
    handedLines(doc);
    printButtons(doc);
  });

  /* The first edit of a form already handed in says so at once (cg-form.js has saved the draft by then: its
     listener is on the form). */
  document.addEventListener("input", function (event) {
    var form = event.target.closest && event.target.closest("form.cg-form");
    var line = form && document.querySelector('[data-cg-handed="' + form.getAttribute("data-form") + '"]');
    if (line && !line.hidden && line.getAttribute("data-state") !== homework(form.getAttribute("data-form"))) progress.refresh();
  });
})();
