/* coursegen studio's shell (shell.html): the preview of the course in an iframe, and the editor of the file behind
   the page shown, as a form (form.js) or as its YAML text (CodeMirror). Every edit is checked by the server about
   400 ms after the last keystroke; 保存 writes the file, and the engine's live reload then refreshes the preview.
   Plain ES2019; needs vendor/studio-vendor.js and form.js loaded before it.

   window.cgStudio = {editPage(path), openFile(file), save(), t(key, params), ready (a Promise)}:
   page.js, inside the preview, calls editPage(location.pathname). */
(function () {
  "use strict";

  var V = window.cgStudioVendor;
  var Form = window.cgStudioForm;
  var request = Form.request;
  var CHECK_DELAY = 400;

  var $ = function (id) { return document.getElementById(id); };
  var frame = $("cg-studio-page");
  var panel = $("cg-studio-panel");
  var scroller = $("cgs-scroll");
  var formView = $("cgs-view-form");
  var sourceView = $("cgs-view-source");
  var saveButton = $("cgs-save");
  var statusText = $("cgs-status-text");
  var reloadButton = $("cgs-reload");
  var tabs = { form: $("cgs-tab-form"), source: $("cgs-tab-source") };

  var t = Form.translator({});
  var config = { strings: {} };
  var doc = null;         // the open file as the server last gave it: {file, kind, version, text, data, form, title}
  var view = "form";      // "form" or "source"
  var form = null;        // the form.js handle of the form view
  var editor = null;      // the CodeMirror view of the source view
  var dirty = false;
  var timer = null;
  var checks = 0;         // the number of the last check asked: an older answer is dropped
  var opening = 0;

  function setStatus(text, conflict) {
    statusText.textContent = text || "";
    reloadButton.hidden = !conflict;
  }

  function failure(error) {
    setStatus(t("status.offline", { error: error && error.message ? error.message : String(error) }));
  }

  /* ------------------------------------------------------------ strings and layout */

  function applyStrings() {
    document.documentElement.lang = config.language || "zh";
    Array.prototype.forEach.call(document.querySelectorAll("[data-t]"), function (node) {
      node.textContent = t(node.getAttribute("data-t"));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-t-title]"), function (node) {
      node.title = t(node.getAttribute("data-t-title"));
    });
    $("cgs-title").textContent = config.title || "";
    document.title = t("shell.document_title", { title: config.title || "" });
  }

  function showMode(mode) {
    document.body.classList.toggle("cgs--editor", mode === "editor");
    document.body.classList.toggle("cgs--page", mode !== "editor");
    $("cgs-show-page").setAttribute("aria-pressed", String(mode !== "editor"));
    $("cgs-show-editor").setAttribute("aria-pressed", String(mode === "editor"));
  }

  /* The preview's page now: read from the iframe (same origin), as Material's instant navigation changes it
     without a load event. */
  function currentPath() {
    try {
      return frame.contentWindow.location.pathname;
    } catch (e) {
      return "/";
    }
  }

  /* ------------------------------------------------------------ opening a file */

  function discardOk(question) {
    return !dirty || window.confirm(question || t("status.discard"));
  }

  function load(path) {
    var mine = (opening += 1);
    setStatus(t("status.loading"));
    return request("GET", path).then(function (answer) {
      if (mine !== opening) return;
      if (answer.status !== 200) {
        setStatus(answer.data.message || t("status.failed", { message: answer.status }));
        return;
      }
      show(answer.data);
      setStatus("");
    }, failure);
  }

  function editPage(path) {
    showMode("editor");
    if (!discardOk()) return Promise.resolve();
    return load("/page?path=" + encodeURIComponent(path || currentPath()));
  }

  function openFile(file) {
    showMode("editor");
    if (!discardOk()) return Promise.resolve();
    return load("/file?file=" + encodeURIComponent(file));
  }

  /* The open file's title (its data's), as the panel's heading and the 新建 dialog name it; else its file. */
  function titled() {
    doc.title = doc.data && typeof doc.data.title === "string" && doc.data.title.trim() ? doc.data.title : "";
    $("cgs-panel-title").textContent = doc.title || doc.file;
  }

  function show(next) {
    doc = next;
    dirty = false;
    $("cgs-empty").hidden = true;
    titled();
    $("cgs-file").textContent = t("panel.file", { file: doc.file });
    $("cgs-tabs").hidden = !doc.form;
    $("cgs-no-form").hidden = Boolean(doc.form);
    saveButton.disabled = false;
    view = doc.form ? "form" : "source";
    draw();
    scroller.scrollTop = 0;
    check();
  }

  function clearViews() {
    if (form) form.destroy();
    form = null;
    if (editor) editor.destroy();
    editor = null;
    formView.textContent = "";
    sourceView.textContent = "";
  }

  function draw() {
    clearViews();
    var inForm = view === "form" && doc.form;
    formView.hidden = !inForm;
    sourceView.hidden = Boolean(inForm);
    tabs.form.setAttribute("aria-selected", String(Boolean(inForm)));
    tabs.source.setAttribute("aria-selected", String(!inForm));
    tabs.form.tabIndex = inForm ? 0 : -1;
    tabs.source.tabIndex = inForm ? -1 : 0;
    if (inForm) {
      form = Form.render(formView, doc.form, doc.data, config.strings, edited, { request: request, file: doc.file });
    } else {
      editor = new V.EditorView({
        parent: sourceView,
        doc: doc.text,
        extensions: [
          V.basicSetup,
          V.yaml(),
          V.lintGutter(),
          V.EditorView.lineWrapping,
          V.EditorView.contentAttributes.of({ "aria-label": t("panel.source_label", { file: doc.file }) }),
          V.EditorView.updateListener.of(function (update) { if (update.docChanged) edited(); }),
        ],
      });
    }
  }

  function switchView(next) {
    if (!doc || next === view || (next === "form" && !doc.form)) return;
    if (!discardOk(t("status.discard_switch"))) return;
    view = next;
    dirty = false;
    draw();
    tabs[next].focus();
    setStatus("");
    check();
  }

  /* ------------------------------------------------------------ checking while editing */

  function edited() {
    dirty = true;
    setStatus(t("status.unsaved"));
    window.clearTimeout(timer);
    timer = window.setTimeout(check, CHECK_DELAY);
  }

  function body() {
    var sent = { file: doc.file };
    if (form) sent.data = form.value();
    else sent.text = editor.state.doc.toString();
    return sent;
  }

  function check() {
    window.clearTimeout(timer);
    if (!doc) return Promise.resolve();
    var mine = (checks += 1);
    var sent = body();
    return request("POST", "/check", sent).then(function (answer) {
      if (mine !== checks || !doc || sent.file !== doc.file) return;
      if (answer.status !== 200) {
        setStatus(t("status.check_failed", { message: answer.data.message || answer.status }));
        return;
      }
      var problems = answer.data.problems || [];
      showProblems(problems);
      var errors = problems.filter(function (p) { return (p.severity || "error") === "error"; }).length;
      if (dirty) setStatus(errors ? t("status.unsaved_problems", { n: errors }) : t("status.unsaved"));
      else if (errors) setStatus(t("status.problems", { n: errors }));
    }, failure);
  }

  function showProblems(problems) {
    if (form) {
      form.showProblems(problems);
      return;
    }
    if (!editor) return;
    var text = editor.state.doc;
    var diagnostics = problems.map(function (problem) {
      var line = text.line(Math.min(Math.max(1, problem.line || 1), text.lines));
      var from = line.from + Math.min(Math.max(0, (problem.column || 1) - 1), line.length);
      var severity = problem.severity === "warning" ? "warning" : problem.severity === "note" ? "info" : "error";
      return {
        from: from,
        to: from < line.to ? line.to : from,
        severity: severity,
        message: problem.message + (problem.hint ? "\n" + t("form.hint", { hint: problem.hint }) : ""),
      };
    });
    editor.dispatch(V.setDiagnostics(editor.state, diagnostics));
  }

  /* ------------------------------------------------------------ saving */

  function save() {
    if (!doc) return Promise.resolve();
    window.clearTimeout(timer);
    checks += 1;  // a check under way would show the problems of the text before this save
    var sent = body();
    sent.version = doc.version;
    saveButton.disabled = true;
    setStatus(t("status.saving"));
    return request("POST", "/save", sent).then(function (answer) {
      saveButton.disabled = false;
      var data = answer.data;
      if (answer.status === 200) {
        saved(data);
        setStatus(data.message || t("status.saved"));
      } else if (answer.status === 409) {
        setStatus(data.message || t("status.conflict"), true);
      } else if (answer.status === 422) {
        var problems = data.problems || [];
        showProblems(problems);
        var errors = problems.filter(function (p) { return (p.severity || "error") === "error"; }).length;
        setStatus(t("status.not_saved", { n: errors || problems.length }));
      } else {
        setStatus(t("status.failed", { message: data.message || answer.status }));
      }
    }, function (error) {
      saveButton.disabled = false;
      failure(error);
    });
  }

  /* The file as the server now holds it, after a save or an undo: nothing left unsaved. */
  function adopt(data) {
    doc.version = data.version;
    doc.text = data.text;
    doc.data = data.data;
    dirty = false;
    titled();
  }

  /* After a save, the panel stays as it is (its scroll, the focus) unless the server wrote something other than what
     was sent (then it is redrawn from the file, at the same scroll). */
  function saved(data) {
    adopt(data);
    var top = scroller.scrollTop;
    if (form && JSON.stringify(form.value()) !== JSON.stringify(data.data)) {
      draw();
      scroller.scrollTop = top;
    } else if (editor && editor.state.doc.toString() !== data.text) {
      var head = Math.min(editor.state.selection.main.head, data.text.length);
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: data.text }, selection: { anchor: head } });
      dirty = false;
      scroller.scrollTop = top;
    }
    check();
  }

  function reload() {
    if (!doc) return Promise.resolve();
    dirty = false;
    return load("/file?file=" + encodeURIComponent(doc.file)).then(function () {
      if (doc) setStatus(t("status.reloaded"));
    });
  }

  function undo() {
    if (!discardOk(t("status.discard_undo"))) return Promise.resolve();
    setStatus(t("status.undoing"));
    return request("POST", "/undo", {}).then(function (answer) {
      var data = answer.data;
      if (answer.status !== 200) {
        setStatus(data.message || t("status.failed", { message: answer.status }));
        return;
      }
      if (doc && data.file === doc.file) {
        adopt(data);
        var top = scroller.scrollTop;
        draw();
        scroller.scrollTop = top;
        check();
        setStatus(data.message || t("status.undone"));
      } else {
        dirty = false;
        openFile(data.file).then(function () { setStatus(data.message || t("status.undone")); });
      }
    }, failure);
  }

  /* ------------------------------------------------------------ 新建 */

  var dialog = $("cgs-new-dialog");
  var kind = $("cgs-new-kind");
  var title = $("cgs-new-title");
  var newError = $("cgs-new-error");
  var PART_OF_LECTURE = ["discussion", "drill"];

  /* The lecture a new activity goes in: the one open in the editor; without one, a case, bank or form goes in the
     course's last lecture (null: the server's choice), a discussion or drill needs one (""). */
  function lectureFor(chosen) {
    if (chosen === "lecture") return null;
    if (doc && doc.kind === "lecture") return doc.file;
    return PART_OF_LECTURE.indexOf(chosen) < 0 ? null : "";
  }

  function describeWhere() {
    var lecture = lectureFor(kind.value);
    var where = $("cgs-new-where");
    where.id = "cgs-new-where";
    if (lecture === null) where.textContent = kind.value === "lecture" ? "" : t("new.in_last_lecture");
    else if (lecture) where.textContent = t("new.in_lecture", { title: doc.title || doc.file });
    else where.textContent = t("new.needs_lecture");
    kind.setAttribute("aria-describedby", "cgs-new-where");
  }

  function openNew() {
    newError.textContent = "";
    title.removeAttribute("aria-invalid");
    describeWhere();
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
    title.focus();
  }

  function closeNew() {
    if (typeof dialog.close === "function") dialog.close();
    else dialog.removeAttribute("open");
  }

  function create(event) {
    event.preventDefault();
    var chosen = kind.value;
    var lecture = lectureFor(chosen);
    if (!title.value.trim()) {
      newError.textContent = t("new.title_missing");
      title.setAttribute("aria-invalid", "true");
      title.focus();
      return;
    }
    if (lecture === "") {
      newError.textContent = t("new.needs_lecture");
      kind.focus();
      return;
    }
    if (!discardOk()) return;
    var sent = { kind: chosen, title: title.value.trim() };
    if (lecture) sent.lecture = lecture;
    newError.textContent = t("status.saving");
    request("POST", "/new", sent).then(function (answer) {
      if (answer.status !== 200) {
        newError.textContent = answer.data.message || t("status.failed", { message: answer.status });
        return;
      }
      closeNew();
      title.value = "";
      dirty = false;
      if (answer.data.page) showWhenBuilt(answer.data.page);
      openFile(answer.data.file).then(function () { setStatus(answer.data.message || ""); });
    }, function (error) {
      newError.textContent = t("status.offline", { error: error && error.message ? error.message : String(error) });
    });
  }

  /* A new file's page exists once the preview has regenerated and the engine rebuilt: ask for it until it
     answers (twice a second, for at most two minutes), then show it. */
  function showWhenBuilt(page) {
    var tries = 0;
    function ask() {
      fetch(page, { cache: "no-store" }).then(function (response) {
        if (response.ok) frame.src = page;
        else if ((tries += 1) < 240) setTimeout(ask, 500);
      }, function () {
        if ((tries += 1) < 240) setTimeout(ask, 500);
      });
    }
    ask();
  }

  /* ------------------------------------------------------------ wiring */

  function start() {
    var params = new URLSearchParams(location.search);
    frame.src = params.get("page") || "/";
    frame.addEventListener("load", function () {
      var path = currentPath();
      var url = new URL(location.href);
      url.searchParams.set("page", path);
      history.replaceState(null, "", url.pathname + url.search);
    });
    $("cgs-edit").addEventListener("click", function () { editPage(currentPath()); });
    $("cgs-course").addEventListener("click", function () { openFile("course/course.yml"); });
    $("cgs-new").addEventListener("click", openNew);
    $("cgs-undo").addEventListener("click", undo);
    $("cgs-show-page").addEventListener("click", function () { showMode("page"); });
    $("cgs-show-editor").addEventListener("click", function () { showMode("editor"); });
    tabs.form.addEventListener("click", function () { switchView("form"); });
    tabs.source.addEventListener("click", function () { switchView("source"); });
    $("cgs-tabs").addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
        event.preventDefault();
        switchView(view === "form" ? "source" : "form");
      }
    });
    saveButton.addEventListener("click", save);
    reloadButton.addEventListener("click", reload);
    $("cgs-new-form").addEventListener("submit", create);
    $("cgs-new-cancel").addEventListener("click", closeNew);
    kind.addEventListener("change", describeWhere);
    document.addEventListener("keydown", function (event) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        if (doc) save();
      }
    });
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) return undefined;
      event.preventDefault();
      event.returnValue = "";
      return "";
    });
  }

  var ready = request("GET", "/config").then(function (answer) {
    config = answer.data || {};
    config.strings = config.strings || {};
    t = Form.translator(config.strings);
    applyStrings();
  }, failure);

  window.cgStudio = {
    editPage: editPage,
    openFile: openFile,
    save: save,
    t: function (key, params) { return t(key, params); },
    ready: ready,
  };
  start();
})();
