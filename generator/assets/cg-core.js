/* coursegen core: translations, storage and page hooks shared by every widget.
   Loaded on every page after cg-config.js, which carries the widgets' strings in the course's language
   (written by the generator from generator/strings/<language>.yml); widgets register through
   coursegen.onPage so they re-initialise after Material's instant navigation swaps the page content. */
(function () {
  "use strict";
  var config = window.coursegenConfig || { courseId: "course", lang: "zh", strings: {} };
  config.strings = config.strings || {};

  /* A part's strings (cg-strings-<part>.js, loaded before its scripts): every page's come with the config. */
  function addStrings(more) { Object.keys(more).forEach(function (k) { config.strings[k] = more[k]; }); }

  function prefix() { return "coursegen:" + config.courseId + ":"; }

  /* A store over one of the browser's storages: localStorage (store, what the course keeps) or sessionStorage
     (session, what lasts one visit in one tab: a cmi5 launch). */
  function storeIn(name) {
    function area() { return window[name]; }
    return {
      /* Returns the parsed value, or fallback when absent or corrupt: a broken entry never breaks the page. */
      get: function (key, fallback) {
        try {
          var raw = area().getItem(prefix() + key);
          if (raw === null) return fallback;
          var value = JSON.parse(raw);
          return value === null || typeof value !== "object" ? fallback : value;
        } catch (e) { return fallback; }
      },
      set: function (key, value) {
        try { area().setItem(prefix() + key, JSON.stringify(value)); return true; }
        catch (e) { return false; }
      },
      remove: function (key) { try { area().removeItem(prefix() + key); } catch (e) { /* private mode */ } },
      keys: function (start) {
        var out = [], p = prefix() + (start || "");
        try {
          for (var i = 0; i < area().length; i++) {
            var k = area().key(i);
            if (k && k.indexOf(p) === 0) out.push(k.slice(prefix().length));
          }
        } catch (e) { /* storage disabled */ }
        return out;
      }
    };
  }
  var store = storeIn("localStorage");
  var session = storeIn("sessionStorage");

  /* The storage-key layout, defined here once: every entry lives under coursegen:<courseId>: (store above).
       quiz:<quizId>          a quiz's state (shape in cg-quiz-state.js's header); state saved under another hash
                              (the trainer edited the quiz) is read as this build's with its record kept as earlier
                              (cg-quiz-state.js's clean), its attempt afresh; quizResult below sees this build's only
       review:<n>             scratch state of the review page's one-question quizzes, cleared on each visit:
                              a namespace of its own, as any bank id (review-x is valid) may follow quiz:
       lecture:<lectureId>    {visited, done: ISO times or null}                         (cg-progress.js)
       visit:<kind>:<id>      {visited: ISO time}: a case, discussion or drill opened    (cg-progress.js)
       case:<caseId>          a case's written or chosen answers                          (cg-case.js)
       checklist:<kind>:<id>  the ticks of a discussion's or drill's observer checklist  (cg-case.js)
       scenario:<id>          a scenario's way taken {path: [[scene, choice]…], ended,   (cg-scenario.js)
                              total: its score at an ending}
       form:<formId>          a homework draft; identity: the trainee, shared by forms    (cg-form.js)
       homework:<formId>      the draft's last hand-in: {exportedAt, updated_at, revision,   (cg-progress.js)
                              online: true when it went to the form service, sha256: the
                              file's checksum, the receipt's check code}
       mistakes               the review of mistakes (错题本)                               (cg-mistakes.js)
       place                  {kind, id, at}: the course page studied last, for 继续学习   (cg-progress.js)
       quizView               {all: true} once the trainee chose to see every question of a quiz on a
                              phone (absent: one question per screen)                     (cg-quiz-pager.js)
       xapi:queue             statements owed to the LRS: {v: 1, items: [{s: statement, anon, trainee,  (cg-xapi.js)
                              refused: the LRS's status when it refused it}]}; kept by 清除记录, never exported
       xapi:done              {items: {"<kind>:<id>": ISO time}}: completions already queued (cg-xapi.js)
       xapi:registration      {id: UUID}: this browser profile's registration without a launch (cg-xapi.js)
       cmi5:<registration>    what a cmi5 registration has been told once and for all:       (cg-cmi5.js)
                              {completed, passed: ISO times}
     In the session store (sessionStorage, one tab's visit):
       cmi5                   the cmi5 launch of this visit: endpoint, token, actor,          (cg-cmi5.js)
                              registration, activityId, context template, launch mode, and
                              ended once "terminated" went out */
  var keys = {
    quiz: function (id) { return "quiz:" + id; },
    scratch: function (n) { return "review:" + n; },
    lecture: function (id) { return "lecture:" + id; },
    visit: function (kind, id) { return "visit:" + kind + ":" + id; },
    caseAnswers: function (id) { return "case:" + id; },
    checklist: function (kind, id) { return "checklist:" + kind + ":" + id; },
    scenario: function (id) { return "scenario:" + id; },
    form: function (id) { return "form:" + id; },
    homework: function (id) { return "homework:" + id; },
    cmi5: function (registration) { return "cmi5:" + registration; },
    CMI5_LAUNCH: "cmi5",
    SCRATCH: "review:",
    MISTAKES: "mistakes",
    PLACE: "place",
    QUIZ_VIEW: "quizView",
    IDENTITY: "identity",
    XAPI: "xapi:",
    XAPI_QUEUE: "xapi:queue",
    XAPI_DONE: "xapi:done",
    XAPI_REGISTRATION: "xapi:registration"
  };

  /* What the course consists of, in course order (cg-course.js, written by the generator); read when needed, as it
     may load after this script. Each item gets its page from its kind's (pages); the other per-site scripts, which
     only the pages that need them load, add to it once they are there: each item's title (cg-titles.js, the same
     order), each quiz's content hash (cg-versions.js; without it a quiz's state reads as stored, which is all the
     menu's marks need: a pass before the trainer's edit is complete too) and the completion rule (cg-rule.js). */
  function course() {
    var c = window.coursegenCourse, titles = window.coursegenTitles, versions = window.coursegenVersions;
    if (!c || !Array.isArray(c.items)) return { version: "", items: [] };
    if (!c.paged) c.items.forEach(function (i) { i.page = c.pages[i.kind].replace("{id}", i.id); });
    if (titles && !c.titled) c.items.forEach(function (i, n) { i.title = titles[n]; });
    if (versions && !c.versioned) c.items.forEach(function (i) { if (i.kind === "quiz") i.hash = versions[i.id]; });
    if (window.coursegenRule) c.completion = window.coursegenRule;
    c.paged = true;
    c.titled = !!titles;
    c.versioned = !!versions;
    return c;
  }

  /* A quiz's stored state, or null when there is none or it belongs to another version of the quiz (or the page
     has not loaded the quizzes' versions, cg-versions.js): the one way to read a quiz's result outside cg-quiz.js
     where cg-quiz-state.js is absent. */
  function quizResult(id) {
    var item = course().items.filter(function (i) { return i.kind === "quiz" && i.id === id; })[0];
    var state = item ? store.get(keys.quiz(id), null) : null;
    return state && state.hash === item.hash ? state : null;
  }

  /* The text of key ("<widget>.<name>"), {placeholders} filled from values; the key itself if unknown. */
  /* A text of the catalogue with its {placeholders} filled. A value that already ends in a question mark or other
     closing punctuation takes no colon after it: "是否愿意向同事推荐本课程？：必填" reads "…本课程？必填",
     "Would you recommend it?: required" reads "…it? required". */
  function t(key, values) {
    var text = config.strings && config.strings[key] !== undefined ? config.strings[key] : key;
    return String(text).replace(/\{(\w+)\}([：:] ?)?/g, function (m, name, colon) {
      if (!values || values[name] === undefined) return m;
      var value = String(values[name]);
      if (!colon) return value;
      return /[？?！!：:。]$/.test(value) ? value + colon.slice(1) : value + colon;  /* the space after an English colon stays */
    });
  }

  function run(fn) { try { fn(document); } catch (e) { if (window.console) console.error("coursegen:", e); } }

  /* Material's document$ replays the current page to a new subscriber and emits again after every
     instant navigation; without Material (another builder) the page simply loads once. */
  function onPage(fn) {
    if (window.document$ && window.document$.subscribe) window.document$.subscribe(function () { run(fn); });
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { run(fn); });
    else run(fn);
  }

  /* A widget's data is JSON in its data-cg attribute, not in a <script type="application/json">:
     Material's instant navigation re-creates inline scripts without their type, and runs the JSON. */
  function data(el) {
    try { return JSON.parse(el.getAttribute("data-cg")); } catch (e) { return null; }
  }

  /* The folder this script was loaded from, where its sibling scripts live: known once, at load, so it
     holds after instant navigation, from file:// and inside an LMS frame alike. */
  var scriptFolder = document.currentScript ? document.currentScript.src.replace(/[^/]*$/, "") : "";
  var loaded = {};

  /* The site's root address, from this script's folder (assets/coursegen/, paths.ASSETS in the generator):
     unlike Material's __config, whose relative base belongs to the page first loaded, it still holds after
     instant navigation has moved to another folder. */
  function root() { return new URL(scriptFolder ? "../../" : "./", scriptFolder || location.href); }

  /* Load a sibling script once (e.g. a data file only one page needs), then call done(ok). */
  function script(name, done) {
    var url = scriptFolder + name, state = loaded[url];
    if (state === true || state === false) return done(state);
    if (state) return state.push(done);
    loaded[url] = [done];
    var tag = document.createElement("script");
    function finish(ok) {
      var waiting = loaded[url];
      loaded[url] = ok;
      waiting.forEach(function (fn) { fn(ok); });
    }
    tag.src = url;
    tag.async = false;  /* scripts run in the order asked for: a widget's parts before the widget, its data after */
    tag.onload = function () { finish(true); };
    tag.onerror = function () { finish(false); };
    document.head.appendChild(tag);
  }

  /* Data scripts (a quiz's questions, the review's banks) hand their data over by name, so that a page
     can wait for exactly the data it asked for: coursegen.provide("quizzes/x.js", {...}) in the file,
     coursegen.load("quizzes/x.js", done) in the widget; done(null) if the file could not be loaded. */
  var provided = {};

  function provide(name, value) { provided[name] = value; }

  function load(name, done) {
    script(name, function (ok) { done(ok && provided.hasOwnProperty(name) ? provided[name] : null); });
  }

  /* A sibling stylesheet, once, right after the last of coursegen's: a trainer's own stylesheets (mkdocs.yml's
     extra_css) come after coursegen's and keep overriding them. */
  function style(name) {
    var url = new URL(scriptFolder + name, location.href).href, links = document.querySelectorAll('link[rel="stylesheet"]'), last = null;
    for (var i = 0; i < links.length; i++) {
      if (links[i].href === url) return;
      if (links[i].href.indexOf(scriptFolder) === 0) last = links[i];
    }
    var tag = el("link", { rel: "stylesheet", href: url });
    if (last) last.parentNode.insertBefore(tag, last.nextSibling); else document.head.appendChild(tag);
  }

  /* What this page needs beyond every page's scripts and styles, named by the generator in a hidden element
     (data-cg-load; generator/render/assets.py says which page needs which): read on every page, also after
     Material's instant navigation, and each file loaded once. A widget registers through onPage, which hands it
     the page it arrived on. */
  function need(doc) {
    [].forEach.call(doc.querySelectorAll("[data-cg-load]"), function (holder) {
      holder.getAttribute("data-cg-load").split(" ").forEach(function (name) {
        if (/\.css$/.test(name)) style(name);
        else if (name) script(name, function () {});
      });
    });
  }

  /* The search script, the biggest of all, loads when the trainee first opens search: the search box focused or
     its toggle, Material's keys (s, f, /), or a page opened from a result (?mark=), whose hits it marks. It takes
     over what has been opened or typed by then. */
  function searchOnDemand() {
    var dialog = document.querySelector("[data-cg-search]"), toggle = document.getElementById("__search");
    var input = dialog && dialog.querySelector(".md-search__input");
    if (!input) return;
    var files = config.search || [];  /* the search part's files, its strings first (generator/render/assets.py) */
    function go() { files.forEach(function (name) { script(name, function () {}); }); }
    if (!files.length) return;
    if (/[?&]mark=/.test(location.search)) go();
    input.addEventListener("focus", go);
    /* Material focuses the box on the magnifier's click, which comes before the toggle shows the box: on a busy
       phone the focus can miss, so the box is focused again once the toggle has opened it. */
    if (toggle) toggle.addEventListener("change", function () {
      go();
      if (toggle.checked && document.activeElement !== input) input.focus();
    });
    document.addEventListener("keydown", function (e) {
      var active = document.activeElement;
      if (loaded[scriptFolder + files[files.length - 1]] === true || e.ctrlKey || e.metaKey || e.altKey || !/^[sf/]$/.test(e.key)) return;
      if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) return;
      e.preventDefault();
      input.focus();
    });
    /* Enter before the script has arrived would send the search form to the engine's own search page: the query
       is kept (data-entered) and cg-search.js opens its best result once it is there. */
    if (input.form) input.form.addEventListener("submit", function (e) {
      if (loaded[scriptFolder + files[files.length - 1]] === true) return;
      e.preventDefault();
      dialog.setAttribute("data-entered", "");
      go();
    });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "html") node.innerHTML = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  window.coursegen = { config: config, store: store, session: session, keys: keys, course: course, quizResult: quizResult, root: root, t: t, onPage: onPage, data: data, el: el, provide: provide, load: load, addStrings: addStrings };
  onPage(need);
  searchOnDemand();
})();
