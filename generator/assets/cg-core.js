/* coursegen core: translations, storage and page hooks shared by every widget.
   Loaded on every page after cg-config.js, which carries the widgets' strings in the course's language
   (written by the generator from generator/strings/<language>.yml); widgets register through
   coursegen.onPage so they re-initialise after Material's instant navigation swaps the page content. */
(function () {
  "use strict";
  var config = window.coursegenConfig || { courseId: "course", lang: "zh", strings: {} };

  function prefix() { return "coursegen:" + config.courseId + ":"; }

  var store = {
    /* Returns the parsed value, or fallback when absent or corrupt: a broken entry never breaks the page. */
    get: function (key, fallback) {
      try {
        var raw = window.localStorage.getItem(prefix() + key);
        if (raw === null) return fallback;
        var value = JSON.parse(raw);
        return value === null || typeof value !== "object" ? fallback : value;
      } catch (e) { return fallback; }
    },
    set: function (key, value) {
      try { window.localStorage.setItem(prefix() + key, JSON.stringify(value)); return true; }
      catch (e) { return false; }
    },
    remove: function (key) { try { window.localStorage.removeItem(prefix() + key); } catch (e) { /* private mode */ } },
    keys: function (start) {
      var out = [], p = prefix() + (start || "");
      try {
        for (var i = 0; i < window.localStorage.length; i++) {
          var k = window.localStorage.key(i);
          if (k && k.indexOf(p) === 0) out.push(k.slice(prefix().length));
        }
      } catch (e) { /* storage disabled */ }
      return out;
    }
  };

  /* The text of key ("<widget>.<name>"), {placeholders} filled from values; the key itself if unknown. */
  function t(key, values) {
    var text = config.strings && config.strings[key] !== undefined ? config.strings[key] : key;
    return String(text).replace(/\{(\w+)\}/g, function (m, name) {
      return values && values[name] !== undefined ? values[name] : m;
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

  window.coursegen = { config: config, store: store, t: t, onPage: onPage, data: data, el: el, provide: provide, load: load };
})();
