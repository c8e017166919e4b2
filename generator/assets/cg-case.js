/* Case questions, drill role cards and observer checklists. A case's debrief stays hidden (out of the
   accessibility tree too) until the trainee has answered: a written answer when the case asks for one
   (a click on an option is not reflection), otherwise a chosen option; a chosen option gets its
   feedback at once. A drill shows only the role card the trainee chose. Answers, the chosen role and
   ticks live in localStorage under case:<id>, drill:<id> and checklist:<kind>:<id>. */
(function () {
  "use strict";
  var cg = window.coursegen;

  function initCase(box) {
    var id = box.getAttribute("data-case"), key = "case:" + id;
    var saved = cg.store.get(key, {});
    var answers = saved.answers && typeof saved.answers === "object" ? saved.answers : {};
    var open = saved.open === true;
    var button = document.querySelector('.cg-case__reveal[data-case="' + id + '"]');
    var status = document.querySelector('.cg-case__status[data-case="' + id + '"]');
    var debrief = document.getElementById("cg-debrief-" + id);

    box.querySelectorAll("[data-question]").forEach(function (input) {
      var value = answers[input.getAttribute("data-question")];
      if (typeof value !== "string") return;
      if (input.type === "radio") input.checked = input.value === value;
      else input.value = value;
    });

    var written = status && status.hasAttribute("data-written");

    /* Whether the debrief may open: some written answer when the case has a written question. */
    function answered() {
      return [].some.call(box.querySelectorAll("[data-question]"), function (input) {
        var value = answers[input.getAttribute("data-question")];
        return (!written || input.tagName === "TEXTAREA") && typeof value === "string" && value.trim() !== "";
      });
    }

    /* A chosen option's feedback: agreement with the reference option (if any), then the comment. */
    function feedback() {
      [].forEach.call(box.querySelectorAll("[data-fb]"), function (fb) {
        var chosen = answers[fb.getAttribute("data-fb")], given = typeof chosen === "string";
        var reference = fb.getAttribute("data-answer"), note = fb.querySelector(".cg-question__feedback");
        var text = !given || reference === null ? "" : chosen === reference ? cg.t("case.agree") : cg.t("case.differ", { a: reference });
        var verdict = fb.querySelector(".cg-question__verdict");
        if (verdict.textContent !== text) verdict.textContent = text;
        fb.classList.toggle("cg-question__fb--given", given);
        fb.classList.toggle("cg-question__fb--agree", given && chosen === reference);
        if (note) note.hidden = !given;
      });
    }

    function show() {
      if (!button || !debrief) return; /* trainer edition: the debrief is printed open */
      var ready = answered();
      open = open && ready;
      button.disabled = !ready;
      button.setAttribute("aria-expanded", String(open));
      button.textContent = cg.t(open ? "case.hide" : "case.show");
      debrief.hidden = !open;
      var message = cg.t(!ready ? (written ? "case.lockedWritten" : "case.locked") : open ? "case.opened" : "case.ready");
      if (status && status.textContent !== message) status.textContent = message;
    }

    /* Every question of the case answered (a written one with some text, a choice chosen): only then is the case
       done in the trainee's progress; the debrief may open earlier (answered() above). The flag is stored with
       the answers because the dashboard and the menu, on other pages, cannot see the case's questions. */
    var questions = [].map.call(box.querySelectorAll("[data-question]"), function (input) { return input.getAttribute("data-question"); })
      .filter(function (q, i, all) { return all.indexOf(q) === i; });
    function complete() {
      return questions.every(function (q) { return typeof answers[q] === "string" && answers[q].trim() !== ""; });
    }

    function save() { cg.store.set(key, { answers: answers, open: open, complete: complete() }); }

    box.addEventListener("input", function (event) {
      var question = event.target.getAttribute("data-question");
      if (!question) return;
      answers[question] = event.target.value;
      show();
      feedback();
      save();
    });
    if (button) {
      button.addEventListener("click", function () {
        open = !open;
        show();
        save();
      });
    }
    show();
    feedback();
    if (saved.complete !== complete() && (saved.answers || !questions.length)) save();  /* an answer kept from before the flag */
  }

  /* A drill's role cards: choose a role, see only its card (the trainer edition has no chooser and shows
     them all). The choice is kept, so a reload does not reveal the other cards. */
  function initDrill(box) {
    var key = "drill:" + box.getAttribute("data-drill"), saved = cg.store.get(key, {});
    var cards = [].slice.call(box.querySelectorAll(".cg-role")), status = box.querySelector(".cg-roles__status");

    function show(role) {
      var card = cards.filter(function (c) { return c.getAttribute("data-role") === role; })[0];
      cards.forEach(function (c) { c.hidden = c !== card; });
      var text = card ? cg.t("drill.chosen", { role: card.getAttribute("data-role-name") }) : cg.t("drill.none");
      if (status.textContent !== text) status.textContent = text;
    }

    var chosen = typeof saved.role === "string" ? saved.role : null;
    [].forEach.call(box.querySelectorAll("input[name]"), function (input) { input.checked = input.value === chosen; });
    box.addEventListener("change", function (event) {
      if (!event.target.matches("input[type=radio]")) return;
      cg.store.set(key, { role: event.target.value });
      show(event.target.value);
    });
    show(chosen);
  }

  function initChecklist(box) {
    var key = "checklist:" + box.getAttribute("data-checklist");
    var boxes = [].slice.call(box.querySelectorAll('input[type="checkbox"]'));
    var count = box.querySelector(".cg-checklist__count");
    var saved = cg.store.get(key, {});
    var ticked = Array.isArray(saved.checked) ? saved.checked : [];
    boxes.forEach(function (b) { b.checked = ticked.indexOf(b.value) !== -1; });

    function update(persist) {
      var values = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      if (persist) cg.store.set(key, { checked: values });
      if (count) count.textContent = cg.t("checklist.count", { n: values.length, total: boxes.length });
    }

    box.addEventListener("change", function () { update(true); });
    var reset = box.querySelector(".cg-checklist__reset");
    if (reset) {
      reset.addEventListener("click", function () {
        boxes.forEach(function (b) { b.checked = false; });
        update(true);
      });
    }
    update(false);
  }

  cg.onPage(function (root) {
    root.querySelectorAll(".cg-case").forEach(initCase);
    root.querySelectorAll(".cg-roles[data-drill]").forEach(initDrill);
    root.querySelectorAll(".cg-checklist").forEach(initChecklist);
  });
})();
