/* The progress page's backup actions: export the trainee's records to a file, import such a file back, and
   reset. Nothing is lost without asking: the reset asks first, saying what goes, and can be undone for
   UNDO_SECONDS; an import only merges (a best score never goes down, a newer draft is never replaced) and
   refuses a file of another course, saying why. A file of another version of this course (exported before the
   trainer edited it, or from a newer build) is merged by key like any other: a quiz's record of another version
   of the quiz is kept as its earlier-version record (cg-quiz-state.js), and the trainee is told how many were;
   records of items this build does not have are kept as they are, for a later build that has them.

   File format (formatVersion 1): {format: "coursegen-progress", formatVersion, courseId, version (the
   build's course fingerprint, cg-course.js: for whoever reads the file, not checked), exportedAt, summary,
   records: {key: value}} with the keys of cg-core.js's layout (coursegen.keys), the review page's scratch
   state left out. */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  var el = cg.el, t = cg.t, store = cg.store, keys = cg.keys;
  var FORMAT = "coursegen-progress", UNDO_SECONDS = 10;

  /* The trainee's records: not the review's scratch state, nor the statements owed to the LRS (cg-xapi.js), which
     belong to this browser only (another would send them again) and outlive a reset (they are owed anyway). */
  function own(key) { return key.indexOf(keys.SCRATCH) !== 0 && !sending(key); }

  function sending(key) { return key.indexOf(keys.XAPI) === 0; }

  /* The first part of a key ("quiz" for quiz:<id>), which says how its records merge. */
  function kindOf(key) { return key.split(":")[0]; }

  function records() {
    var out = {};
    store.keys("").filter(own).forEach(function (key) { out[key] = store.get(key, null); });
    return out;
  }

  function say(page, text) { page.querySelector("[data-cg-progress-status]").textContent = text; }

  /* ---- export ---- */

  function exportProgress() {
    var data = {
      format: FORMAT, formatVersion: 1, courseId: cg.config.courseId, version: cg.course().version,
      exportedAt: new Date().toISOString(), summary: cg.progress.summary(), records: records()
    };
    var blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
    var a = el("a", { href: URL.createObjectURL(blob), download: "progress-" + cg.config.courseId + ".json" });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  /* ---- import: a merge that only ever adds ---- */

  /* Why a file cannot be imported, or "" when it can. */
  function refusal(data) {
    if (!data || data.format !== FORMAT || !data.records || typeof data.records !== "object") return t("progress.importNotOurs");
    if (data.courseId !== cg.config.courseId) return t("progress.importOtherCourse", { course: String(data.courseId) });
    return "";
  }

  function time(text) { var v = typeof text === "string" ? Date.parse(text) : NaN; return isFinite(v) ? v : 0; }

  function earliest(a, b) { return !a ? b || null : !b ? a : time(a) <= time(b) ? a : b; }

  /* This build's content hash of quiz id, or null for a quiz it does not have. */
  function quizHash(id) {
    var item = cg.course().items.filter(function (i) { return i.kind === "quiz" && i.id === id; })[0];
    return item ? item.hash : null;
  }

  /* Two states of one quiz merged: both first read as this build's version (one of another version keeps only
     its record, as earlier), then the one with more attempts, with the best score and a pass of either. */
  function mergedQuiz(key, mine, theirs) {
    var hash = quizHash(key.slice(keys.quiz("").length)), parts = cg.quizParts;
    var a = parts.clean(mine, hash), b = parts.clean(theirs, hash);
    if (!b) return undefined;
    if (!a) return b;
    var out = JSON.parse(JSON.stringify(b.attempts > a.attempts ? b : a));
    out.best = Math.max(a.best, b.best);
    out.passed = a.passed || b.passed;
    out.attempts = Math.max(a.attempts, b.attempts);
    out.earlier = parts.combine(a.earlier, b.earlier);
    return out;
  }

  /* Whether an imported quiz record is of another version of the quiz, with attempts to keep as earlier. */
  function earlierVersion(key, theirs) {
    var hash = kindOf(key) === "quiz" ? quizHash(key.slice(keys.quiz("").length)) : null;
    return !!hash && !!theirs && theirs.hash !== hash && theirs.attempts > 0;
  }

  /* The merged value of one record, or undefined to keep this browser's. */
  function merged(key, mine, theirs) {
    if (!theirs || typeof theirs !== "object") return undefined;
    var kind = kindOf(key);
    if (kind === "quiz") return mergedQuiz(key, mine, theirs);
    if (mine === null) return theirs;
    if (kind === "form") {
      var newer = time(theirs.updated_at) - time(mine.updated_at) || (theirs.revision || 0) - (mine.revision || 0);
      return newer > 0 ? theirs : undefined;
    }
    if (kind === "homework") return time(theirs.exportedAt) > time(mine.exportedAt) ? theirs : undefined;
    if (key === keys.PLACE) return time(theirs.at) > time(mine.at) ? theirs : undefined;
    if (kind === "lecture") {
      return { visited: earliest(mine.visited, theirs.visited), done: mine.done || theirs.done || null };
    }
    if (kind === "visit") return { visited: earliest(mine.visited, theirs.visited) };
    if (kind === "scenario") return theirs.ended && !mine.ended ? theirs : undefined;  /* an ending reached stays reached */
    if (key === keys.MISTAKES && theirs.items && theirs.seen && mine.items) {
      var m = { v: 1, items: {}, seen: {} };
      [theirs, mine].forEach(function (src) {  /* mine last: this browser's own entries win */
        Object.keys(src.items || {}).forEach(function (k) { m.items[k] = src.items[k]; });
        Object.keys(src.seen || {}).forEach(function (k) { m.seen[k] = src.seen[k]; });
      });
      return m;
    }
    return undefined;  /* a case's answers, a checklist, the identity: this browser's own stay */
  }

  function importProgress(page, file) {
    var reader = new FileReader();
    reader.onload = function () {
      var data = null;
      try { data = JSON.parse(String(reader.result)); } catch (e) { /* said below */ }
      var why = refusal(data);
      if (why) { say(page, why); return; }
      var n = 0, earlier = 0;
      Object.keys(data.records).filter(own).forEach(function (key) {
        var value = merged(key, store.get(key, null), data.records[key]);
        if (value === undefined || !store.set(key, value)) return;
        n += 1;
        if (earlierVersion(key, data.records[key])) earlier += 1;
      });
      cg.progress.refresh();
      say(page, t("progress.imported", { n: n }) + (earlier ? t("progress.keep.imported", { n: earlier }) : ""));
    };
    reader.onerror = function () { say(page, t("progress.importNotOurs")); };
    reader.readAsText(file);
  }

  /* ---- reset: asked first, undone for a while ---- */

  function count(kind) { return store.keys("").filter(function (key) { return kindOf(key) === kind; }).length; }

  function losses() {
    var s = cg.progress.summary(), m = store.get(keys.MISTAKES, {});
    return t("progress.confirm", {
      lectures: s.lecturesVisited, quizzes: count("quiz"), activities: count("visit"),
      mistakes: Object.keys((m && m.items) || {}).length, forms: count("form"), seconds: UNDO_SECONDS
    });
  }

  function resetProgress(page) {
    var saved = records();
    store.keys("").filter(function (key) { return !sending(key); }).forEach(function (key) { store.remove(key); });
    cg.progress.refresh();
    var status = page.querySelector("[data-cg-progress-status]");
    var undo = el("button", { type: "button", class: "md-button cg-undo", text: t("progress.undo") });
    status.textContent = t("progress.cleared") + " ";
    status.appendChild(undo);
    var timer = setTimeout(function () { undo.remove(); }, UNDO_SECONDS * 1000);
    undo.addEventListener("click", function () {
      clearTimeout(timer);
      Object.keys(saved).forEach(function (key) { if (saved[key] !== null) store.set(key, saved[key]); });
      cg.progress.refresh();
      status.textContent = t("progress.restored");
    });
    undo.focus();
  }

  cg.onPage(function (doc) {
    var page = doc.querySelector("[data-cg-progress]");
    if (!page || page.hasAttribute("data-cg-backup")) return;
    page.setAttribute("data-cg-backup", "");
    var input = page.querySelector("[data-cg-import]");
    input.addEventListener("change", function () {
      if (input.files && input.files[0]) importProgress(page, input.files[0]);
      input.value = "";
    });
    page.addEventListener("click", function (event) {
      var action = event.target.closest("[data-cg-action]");
      if (!action) return;
      var name = action.getAttribute("data-cg-action");
      if (name === "export") exportProgress();
      else if (name === "import") input.click();
      else if (window.confirm(losses())) resetProgress(page);
    });
  });
})();
