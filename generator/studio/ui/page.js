/* coursegen studio: the 编辑本页 button on every page of the preview (the studio's server adds this script to each
   page it serves; a built site never has it). Inside the studio's shell it opens the page's file in the shell's
   editor; opened on its own it goes to the shell showing this page. Plain ES2019, nothing else needed. */
(function () {
  "use strict";
  var ID = "cg-studio-edit";
  var inShell = false;
  try {
    inShell = window.parent !== window && Boolean(window.parent.cgStudio);
  } catch (e) {
    inShell = false;  // framed by another origin: behave as a page on its own
  }

  function label() {
    var shell = inShell ? window.parent.cgStudio : null;
    if (shell) return Promise.resolve(shell.ready).then(function () { return shell.t("edit_page"); });
    return fetch("/_studio/api/config", { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (config) { return config.strings && config.strings.edit_page; });
  }

  function style() {
    if (document.getElementById(ID + "-style")) return;
    var css = document.createElement("style");
    css.id = ID + "-style";
    css.textContent =
      "#" + ID + "{position:fixed;right:12px;bottom:12px;z-index:1000;font:600 14px/1.2 system-ui,sans-serif;" +
      "padding:8px 14px;border:0;border-radius:18px;background:#1f5fbf;color:#fff;cursor:pointer;" +
      "box-shadow:0 2px 6px rgba(0,0,0,.3);max-width:calc(100vw - 24px);white-space:nowrap}" +
      "#" + ID + ":hover{background:#174a96}" +
      "#" + ID + ":focus-visible{outline:3px solid #ffbf47;outline-offset:2px}" +
      /* room under the page's last line, so the button never sits on it */
      "body{padding-bottom:52px}" +
      "@media print{#" + ID + "{display:none}body{padding-bottom:0}}";
    document.head.appendChild(css);
  }

  function place(text) {
    if (!text || document.getElementById(ID)) return;
    style();
    var button = document.createElement("button");
    button.type = "button";
    button.id = ID;
    var icon = document.createElement("span");
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = "✎";
    icon.style.marginRight = "6px";
    button.appendChild(icon);
    button.appendChild(document.createTextNode(text));
    button.addEventListener("click", function () {
      if (inShell) window.parent.cgStudio.editPage(location.pathname);
      else location.href = "/_studio/?page=" + encodeURIComponent(location.pathname);
    });
    document.body.appendChild(button);
  }

  var text = label();
  function draw() { text.then(place, function () {}); }
  /* Material's instant navigation swaps the page without running this script again. */
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(draw);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
