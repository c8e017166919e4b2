/* coursegen live preview: the problems of the last save, over the page (coursegen serve only, never in a built site).
   cg-preview-state.js, loaded just before this script and rewritten by the generator on every regeneration,
   sets window.coursegenPreview; the engine's live reload reloads the page when it changes, so this script mostly
   draws the state it finds. No framework and no coursegen core: it must work on the error page too. */
(function () {
  "use strict";
  var ID = "cg-preview-overlay";
  var closed = false;

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function overlay(state) {
    var box = element("section", "cg-preview-overlay");
    box.id = ID;
    box.setAttribute("role", "alert");
    var close = element("button", "cg-preview-close", "×");
    close.type = "button";
    close.title = state.close;
    close.setAttribute("aria-label", state.close);
    close.addEventListener("click", function () { closed = true; draw(); });
    box.appendChild(close);
    box.appendChild(element("h2", "cg-preview-title", state.title));
    box.appendChild(element("p", "cg-preview-note", state.note));
    var list = element("ul", "cg-preview-list");
    state.problems.forEach(function (problem) {
      var item = element("li", "cg-preview-" + (problem.severity === "warning" ? "warning" : "error"));
      item.appendChild(element("code", "cg-preview-text", problem.text));
      if (problem.hint) item.appendChild(element("span", "cg-preview-hint", problem.hint));
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  /* Idempotent: Material's instant navigation may swap the page under the overlay, and calls this again. */
  function draw() {
    var state = window.coursegenPreview;
    var old = document.getElementById(ID);
    if (old) old.parentNode.removeChild(old);
    if (closed || !state || !state.problems || !state.problems.length) return;
    document.body.appendChild(overlay(state));
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(draw);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();

  /* A live reload can be lost, or bring the page back with its state script from the browser's cache (seen with
     Zensical's preview: the page kept showing no problem after a broken save). So the page also asks for its state
     script once a second, bypassing the cache, on the preview's own server only, and draws a state that changed; the
     engine's own reload still brings the page's new content. */
  var script = document.querySelector('script[src*="cg-preview-state.js"]');
  if (!script || !window.fetch || location.protocol === "file:") return;
  var shown = JSON.stringify(window.coursegenPreview || null);
  function stateOf(text) {
    var value = text.slice(text.indexOf("=") + 1).replace(/;\s*$/, "");
    return JSON.stringify(JSON.parse(value));
  }
  window.setInterval(function () {
    window.fetch(script.src, { cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (text) {
        var state = text === null ? shown : stateOf(text);
        if (state === shown) return;
        shown = state;
        window.coursegenPreview = JSON.parse(state);
        closed = false;  /* new problems show even if the trainer closed the last ones */
        draw();
      })
      .catch(function () { /* the server is restarting or gone: the next ask brings the state */ });
  }, 1000);
})();