/* A branching scenario (情景模拟): one scene at a time. A choice shows the scene it leads to, with the choice's
   feedback above it; an ending shows the way taken beside the best way (computed at build time, in the page's
   data-cg) and their scores. Back steps undo the last choice where the trainer allows them. The way taken lives
   in localStorage under scenario:<id> ({path: [[sceneId, choice], …], ended: ISO time or null, total: the score at
   an ending, else null}); a stored way that no longer fits the scenario (edited since) starts afresh. The first
   scene is the page's visible, searchable text; every other one is a hidden section the generator keeps out of
   search. */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;

  /* The stored way, if every step still leads where the scenario says. */
  function valid(data, path) {
    if (!Array.isArray(path)) return [];
    var at = data.start;
    for (var i = 0; i < path.length; i++) {
      var step = path[i], scene = data.scenes[at];
      if (!Array.isArray(step) || step[0] !== at || !scene || typeof scene.to[step[1]] !== "string") return [];
      at = scene.to[step[1]];
    }
    return path;
  }

  function initScenario(box) {
    var data = cg.data(box);
    if (!data || !data.scenes) return;
    var key = cg.keys.scenario(box.getAttribute("data-scenario"));
    var saved = cg.store.get(key, {});
    var path = valid(data, saved.path);
    var ended = typeof saved.ended === "string" ? saved.ended : null;  /* done once an ending was reached */
    var status = box.querySelector(".cg-scenario__status");
    var summary = box.querySelector(".cg-scenario__summary");
    var back = box.querySelector(".cg-scenario__back"), restart = box.querySelector(".cg-scenario__restart");

    function current() {
      var at = data.start;
      path.forEach(function (step) { at = data.scenes[at].to[step[1]]; });
      return at;
    }

    function total(steps, end) {
      var sum = data.scenes[end].score || 0;
      steps.forEach(function (step) { sum += data.scenes[step[0]].points[step[1]] || 0; });
      return sum;
    }

    function line(step) {
      var scene = data.scenes[step[0]];
      if (step[1] === null || step[1] === undefined) return cg.t("scenario.end", { n: scene.n, title: scene.title });
      return cg.t("scenario.step", { n: scene.n, title: scene.title, letter: String.fromCharCode(65 + step[1]) });
    }

    function list(title, steps) {
      var ol = cg.el("ol", { "class": "cg-scenario__path" });
      steps.forEach(function (step) { ol.appendChild(cg.el("li", { text: line(step) })); });
      return [cg.el("p", {}, [cg.el("strong", { text: title })]), ol];
    }

    function showSummary(end) {
      summary.textContent = "";
      var yours = path.concat([[end, null]]);
      list(cg.t("scenario.yours", { total: total(path, end) }), yours).forEach(function (n) { summary.appendChild(n); });
      var same = JSON.stringify(yours) === JSON.stringify(data.best);
      if (same) summary.appendChild(cg.el("p", { text: cg.t("scenario.same") }));
      else list(cg.t("scenario.best", { total: data.bestTotal }), data.best).forEach(function (n) { summary.appendChild(n); });
    }

    /* The total is kept with the way at an ending: what a learning record (cg-xapi.js) reports as its score. */
    function save() {
      var at = current(), end = !data.scenes[at].to.length;
      cg.store.set(key, { path: path, ended: ended, total: end ? total(path, at) : null, updated: new Date().toISOString() });
    }

    function show(moved) {
      var at = current(), scene = data.scenes[at], last = path[path.length - 1];
      box.querySelectorAll(".cg-scene").forEach(function (s) { s.hidden = s.getAttribute("data-scene") !== at; });
      box.querySelectorAll(".cg-scenario__feedback").forEach(function (f) {
        f.hidden = !last || f.getAttribute("data-feedback") !== last[0] + "/" + last[1];
      });
      var isEnd = !scene.to.length;
      summary.hidden = !isEnd;
      if (isEnd) showSummary(at);
      back.hidden = !data.back || !path.length;
      restart.hidden = !path.length;
      if (moved) {
        status.textContent = cg.t("scenario.arrived", { n: scene.n, title: scene.title });
        var title = box.querySelector('.cg-scene[data-scene="' + at + '"] .cg-scene__title');
        if (title) title.focus();
      }
    }

    box.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button") : null;
      if (!button || !box.contains(button)) return;
      if (button.classList.contains("cg-scene__choice")) {
        path.push([current(), Number(button.getAttribute("data-choice"))]);
        if (!data.scenes[current()].to.length && !ended) ended = new Date().toISOString();
      } else if (button === back) {
        path.pop();
      } else if (button === restart) {
        path = [];
      } else {
        return;
      }
      save();
      show(true);
    });
    show(false);
  }

  cg.onPage(function (root) {
    root.querySelectorAll(".cg-scenario[data-cg]").forEach(initScenario);
  });
})();
