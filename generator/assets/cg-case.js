/* Case questions and observer checklists. A case's debrief stays hidden (out of the accessibility
   tree too) until the trainee has written or chosen an answer; answers and ticks live in localStorage
   under case:<id> and checklist:<kind>:<id>. */
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

    function answered() {
      return Object.keys(answers).some(function (q) {
        return typeof answers[q] === "string" && answers[q].trim() !== "";
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
      var message = cg.t(!ready ? "case.locked" : open ? "case.opened" : "case.ready");
      if (status && status.textContent !== message) status.textContent = message;
    }

    function save() { cg.store.set(key, { answers: answers, open: open }); }

    box.addEventListener("input", function (event) {
      var question = event.target.getAttribute("data-question");
      if (!question) return;
      answers[question] = event.target.value;
      show();
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
    root.querySelectorAll(".cg-checklist").forEach(initChecklist);
  });
})();
