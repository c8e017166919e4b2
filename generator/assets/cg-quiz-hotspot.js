/* coursegen quizzes: an image hotspot question on the page. The picture (from the docs folder, scaled to the
   column: every coordinate is a percent of its width or height, so a click means the same at 375 px as at
   1280) takes a click as the answer, a point [x, y] in whole percent, shown by a marker; the list of labelled
   areas below it is the same question for a keyboard or a screen reader (choosing one puts the point at that
   area's own point, see render.quiz). Once checked, the right areas are outlined on the picture and marked in
   the list, in words too. Methods of the quiz widget, shared through coursegen.quizParts (see cg-quiz.js). */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  var el = cg.el, t = cg.t, parts = cg.quizParts = cg.quizParts || {}, methods = {};
  var SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  /* The right areas of the key drawn over the picture, in the picture's percent (viewBox 0 0 100 100, stretched). */
  function outlines(areas) {
    var box = svg("svg", { class: "cg-hot__areas", viewBox: "0 0 100 100", preserveAspectRatio: "none", "aria-hidden": "true", focusable: "false" });
    areas.forEach(function (area) {
      box.appendChild(area.r ? svg("rect", { x: area.r[0], y: area.r[1], width: area.r[2], height: area.r[3] })
        : svg("polygon", { points: area.p.map(function (p) { return p.join(","); }).join(" ") }));
    });
    return box;
  }

  function clamp(x) { return Math.min(100, Math.max(0, Math.round(x))); }

  methods.hotspot = function (q, a, base) {
    var self = this, done = this.shown(q), chosen = parts.labelAt(q, a);
    var verdict = done && a !== null ? (parts.grade(q, a).correct ? "right" : "wrong") : "";
    var img = el("img", { class: "cg-hot__img", src: new URL(q.img, cg.root()).href, alt: q.alt, draggable: "false" });
    var marker = el("span", { class: "cg-hot__marker" + (verdict ? " cg-hot__marker--" + verdict : ""), "aria-hidden": "true" });
    var frame = el("div", { class: "cg-hot__frame" + (done ? "" : " cg-hot__frame--open") }, [img, marker]);
    var where = el("p", { class: "cg-hot__where", id: base + "-w", "aria-live": "polite" });
    var list = el("fieldset", { class: "cg-opts cg-hot__list" }, [el("legend", { text: t("quiz.hotspot.choose") })]);
    var inputs = [];

    /* The answer shown: the marker at its point, its words under the picture, and its label ticked when it is one. */
    function show(point) {
      marker.hidden = point === null;
      if (point) { marker.style.left = point[0] + "%"; marker.style.top = point[1] + "%"; }
      where.textContent = point ? t("quiz.hotspot.marked", { where: parts.answerText(q, point) }) : "";
      var at = parts.labelAt(q, point);
      inputs.forEach(function (input, i) { input.checked = i === at; });
    }

    function answer(point) {
      self.setAnswer(q, point);
      show(point);
    }

    if (done) frame.appendChild(outlines(q.key.a));
    else {
      frame.addEventListener("click", function (e) {
        var box = img.getBoundingClientRect();
        if (!box.width || !box.height) return;
        answer([clamp((e.clientX - box.left) / box.width * 100), clamp((e.clientY - box.top) / box.height * 100)]);
      });
    }
    q.z.forEach(function (z, i) {
      var input = el("input", { type: "radio", name: base, id: base + "-" + i, value: String(i) });
      input.disabled = done;
      input.addEventListener("change", function () { if (input.checked) answer([z[1], z[2]]); });
      inputs.push(input);
      var label = el("label", { for: input.id, class: "cg-opt" }, [input, el("span", { text: z[0] })]);
      var row = el("div", { class: "cg-opt__row" }, [label]);
      if (done) {  /* as a choice question marks its options: a right area picked, one missed, a wrong one picked */
        var isRight = q.key.n.indexOf(z[0]) >= 0, kind = isRight ? (chosen === i ? "right" : "missed") : chosen === i ? "wrong" : "";
        if (kind) {
          row.className += " cg-opt--" + kind;
          label.appendChild(el("span", { class: "cg-opt__mark", text: t("quiz.mark." + kind) }));
        }
      }
      list.appendChild(row);
    });
    show(a);
    return el("div", { class: "cg-hot" }, [el("p", { class: "cg-hot__how", text: t(done ? "quiz.hotspot.shown" : "quiz.hotspot.click") }),
      frame, where, list]);
  };

  parts.hotspot = methods;
})();
