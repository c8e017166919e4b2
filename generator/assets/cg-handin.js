/* The hand-in, as the trainee sees it: the time left until each deadline on the page ("还剩 2 天", "已逾期"),
   counted at view time and kept current, and after a hand-in (cg-form.js's "coursegen:submit" event) the
   panel under the form that says what happened, what to do next, and a readable receipt of every answer
   that prints on its own; before a hand-in, the preview of everything the file will carry (coursegen.handin.preview,
   which cg-form.js calls with the object it would write). The instructions and the deadline's wording come from the page
   (generator/render/handin.py); this script only adds what depends on the moment. */
(function () {
  "use strict";
  var cg = window.coursegen;
  var MINUTE = 60000, HOUR = 60 * MINUTE, DAY = 24 * HOUR;

  /* "还剩 2 天" / "还剩 5 小时" / "还剩 12 分钟" / "已逾期": whole units, never rounded up past the deadline. */
  function timeLeft(iso, now) {
    var ms = Date.parse(iso) - now;
    if (!(ms > 0)) return cg.t("handin.overdue");
    if (ms >= DAY) return cg.t("handin.daysLeft", { n: Math.floor(ms / DAY) });
    if (ms >= HOUR) return cg.t("handin.hoursLeft", { n: Math.floor(ms / HOUR) });
    return cg.t("handin.minutesLeft", { n: Math.max(1, Math.floor(ms / MINUTE)) });
  }

  /* A moment in the trainee's own time zone, worded like the deadlines: 3月12日（周五）13:30, or with its year
     (``handin.datedFormat``) where the text is a record kept for later, as on the receipt and the completion record
     (``completion.dateFormat``, the day alone: cg-record.js, whose part needs this one, as coursegen.moment). The
     format and the weekdays are the page's own texts (aliases in the strings catalogue), filled like people_date in
     generator/render/dates.py: the same placeholders, weekdays from Monday. */
  function moment(iso, format) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return iso;
    var weekdays = cg.t("handin.weekdays").split(" ");
    return cg.t(format || "handin.dateFormat", {
      year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), weekday: weekdays[(d.getDay() + 6) % 7],
      time: ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2)
    });
  }

  function refresh(root) {
    var now = Date.now();
    root.querySelectorAll("[data-cg-deadline]").forEach(function (el) {
      var iso = el.getAttribute("data-cg-deadline"), wording = el.getAttribute("data-cg-deadline-text"), left = timeLeft(iso, now);
      el.textContent = wording ? cg.t("handin.deadline", { deadline: wording, left: left }) : left;
      el.setAttribute("data-state", Date.parse(iso) > now ? "open" : "overdue");
    });
  }

  function line(text, cls) { return cg.el("p", { "class": cls || "", text: text }); }

  /* Every answer under its label, as the trainee wrote it: the readable copy of the JSON file. */
  function answerBlock(field, value) {
    var box = cg.el("div", { "class": "cg-receipt__answer" }, [cg.el("h4", { text: field.label })]);
    var empty = cg.t("handin.empty");
    if (field.type === "rating") {
      box.appendChild(cg.el("ul", {}, field.items.map(function (item) {
        var score = value && value[item.id];
        return cg.el("li", { text: item.label + "：" + (score ? cg.t("handin.points", { n: score }) : empty) });
      })));
    } else if (field.type === "table") {
      var rows = Array.isArray(value) ? value : [];
      if (!rows.length) box.appendChild(line(empty));
      else {
        var head = cg.el("tr", {}, field.columns.map(function (c) { return cg.el("th", { scope: "col", text: c.label }); }));
        var body = rows.map(function (row) {
          return cg.el("tr", {}, field.columns.map(function (c) { return cg.el("td", { text: row[c.id] || "" }); }));
        });
        box.appendChild(cg.el("table", {}, [cg.el("thead", {}, [head]), cg.el("tbody", {}, body)]));
      }
    } else {
      var text = Array.isArray(value) ? value.join("、") : typeof value === "string" ? value : "";
      box.appendChild(line(text || empty, "cg-receipt__text"));
    }
    return box;
  }

  /* Who the file names: the identity the trainee gave, or that it names nobody (an anonymous survey). */
  function who(data) {
    return data.trainee ? cg.t("form.identitySummary", data.trainee) : cg.t("privacy.anonymous");
  }

  /* The quiz results the file carries, as the trainee reads them: each quiz's title, best and verdict, and how
     many first answers come with it (a course with `results: questions`); or that it carries none. */
  function quizBlock(data) {
    var titles = {};
    cg.course().items.forEach(function (i) { if (i.kind === "quiz") titles[i.id] = i.title; });
    var ids = Object.keys(data.quiz_scores || {});
    var box = cg.el("div", { "class": "cg-receipt__answer cg-receipt__quizzes" }, [cg.el("h4", { text: cg.t("privacy.quizzes") })]);
    if (!ids.length) {
      box.appendChild(line(cg.t("privacy.noQuizzes")));
      return box;
    }
    box.appendChild(cg.el("ul", {}, ids.map(function (id) {
      var score = data.quiz_scores[id], first = score.questions ? Object.keys(score.questions) : [];
      var text = cg.t("privacy.score", { title: titles[id] || id, best: score.best, verdict: cg.t(score.passed ? "privacy.passed" : "privacy.failed") });
      if (first.length) {
        var right = first.filter(function (q) { return score.questions[q] && score.questions[q].correct; }).length;
        text += cg.t("privacy.firstTries", { n: first.length, right: right });
      }
      return cg.el("li", { text: text });
    })));
    return box;
  }

  function factList(facts) {
    var list = cg.el("dl", { "class": "cg-receipt__facts" });
    facts.filter(Boolean).forEach(function (f) {
      list.appendChild(cg.el("dt", { text: f[0] }));
      list.appendChild(cg.el("dd", { "class": f[2] || "", text: f[1] }));
    });
    return list;
  }

  /* Everything a submission file carries, readable: who, when, every answer, the quiz results. */
  function preview(spec, data) {
    var parts = [cg.el("h3", { text: cg.t("privacy.previewTitle") }), line(cg.t("privacy.previewHint")), factList([
      [cg.t("privacy.trainee"), who(data)],
      [cg.t("privacy.created"), moment(data.created_at, "handin.datedFormat")],
      [cg.t("privacy.updated"), moment(data.updated_at, "handin.datedFormat")]
    ])];
    spec.fields.forEach(function (f) { parts.push(answerBlock(f, data.answers[f.id])); });
    parts.push(quizBlock(data));
    return parts;
  }

  cg.handin = { preview: preview };
  cg.moment = moment;

  /* Whether the hand-in came before the deadline, and by whose clock: the service's receipt time when it sent
     one, else this computer's, which the trainee is told is not the last word (the HR report uses the
     receiving side's clock wherever there is one). */
  function timing(deadline, outcome, data) {
    var service = outcome.channel === "online" && outcome.received_at;
    var at = Date.parse(service || data.updated_at);
    var verdict = cg.t(at > Date.parse(deadline) ? "handin.late" : "handin.onTime");
    return cg.t(service ? "handin.serviceClock" : "handin.ownClock", { verdict: verdict });
  }

  /* The receipt is a record the trainee may show months later: the recipient, the deadline and the time with
     their year, whether it was on time, and the file's check code (the checksum HR's report and grading
     workbook match submissions by). */
  function receipt(spec, data) {
    var handin = spec.handin || {}, outcome = data.handed_in;
    var how = outcome.channel === "online"
      ? cg.t("handin.byService") + (outcome.receipt ? "（" + cg.t("handin.receipt", { receipt: outcome.receipt }) + "）" : "")
      : cg.t("handin.byFile", { file: outcome.file });
    var facts = [
      [cg.t("handin.course"), spec.courseTitle],
      [cg.t("handin.form"), spec.title],
      [cg.t("handin.trainee"), who(data)],
      handin.to && [cg.t("handin.recipient"), handin.to],
      [cg.t("handin.time"), moment(data.updated_at, "handin.datedFormat")],
      handin.deadline && [cg.t("handin.due"), moment(handin.deadline, "handin.datedFormat")],
      handin.deadline && [cg.t("handin.timing"), timing(handin.deadline, outcome, data)],
      [cg.t("handin.channel"), how],
      [cg.t("handin.checksum"), data.sha256, "cg-receipt__code"]
    ];
    var section = cg.el("section", { "class": "cg-receipt" }, [cg.el("h3", { text: cg.t("handin.receiptTitle") }), factList(facts),
      cg.el("h4", { "class": "cg-receipt__answers", text: cg.t("handin.answers") })]);
    spec.fields.forEach(function (f) { section.appendChild(answerBlock(f, data.answers[f.id])); });
    section.appendChild(quizBlock(data));
    return section;
  }

  /* What happened, then what to do next: for a file, the ways the page's instructions list (the service aside). */
  function show(form, data) {
    var spec = cg.data(form), panel = form.parentNode.querySelector('.cg-handin-done[data-form="' + spec.form + '"]');
    if (!panel) return;
    var handin = spec.handin || {}, outcome = data.handed_in, parts = [];
    if (outcome.channel === "online") {
      parts.push(line(cg.t("handin.onlineTitle"), "cg-handin-done__title"));
      parts.push(line(handin.to ? cg.t("handin.onlineTo", { to: handin.to }) : cg.t("handin.online")));
      if (outcome.receipt) parts.push(line(cg.t("handin.receipt", { receipt: outcome.receipt })));
      if (outcome.received_at) parts.push(line(cg.t("handin.receivedAt", { time: moment(outcome.received_at) })));
    } else {
      if (outcome.failed) {
        var why = outcome.failed.status ? cg.t("handin.refused", { status: outcome.failed.status }) : cg.t("handin.unreachable");
        parts.push(line(why, "cg-handin-done__failed"));
      }
      parts.push(line(cg.t("handin.fileTitle"), "cg-handin-done__title"));
      parts.push(line(cg.t("handin.fileName", { file: outcome.file }), "cg-handin-done__file"));
      parts.push(line(cg.t("handin.fileWhere")));
      parts.push(line(handin.to ? cg.t("handin.next", { to: handin.to }) : cg.t("handin.nextAnyone")));
      var ways = form.parentNode.querySelectorAll('.cg-handin[data-form="' + spec.form + '"] [data-way]:not([data-way="url"])');
      if (ways.length) parts.push(cg.el("ul", {}, [].map.call(ways, function (li) { return cg.el("li", { text: li.textContent }); })));
    }
    if (handin.deadline) {
      parts.push(cg.el("p", { "class": "cg-handin-done__deadline", "data-cg-deadline": handin.deadline, "data-cg-deadline-text": handin.deadlineText }));
    }
    parts.push(cg.el("p", { "class": "cg-noprint" }, [cg.el("button", { type: "button", "class": "md-button cg-handin-done__print", text: cg.t("handin.print") })]));
    parts.push(receipt(spec, data));
    panel.textContent = "";
    parts.forEach(function (p) { panel.appendChild(p); });
    panel.setAttribute("data-channel", outcome.channel);
    panel.hidden = false;
    refresh(panel);
    panel.focus();
  }

  document.addEventListener("coursegen:submit", function (event) {
    var data = event.detail;
    if (!data || !data.handed_in) return;
    var form = document.querySelector('form.cg-form[data-form="' + data.homework_id + '"]');
    if (form) show(form, data);
  });

  /* Printing the receipt hides the rest of the page for that one print (see cg-handin.css). */
  document.addEventListener("click", function (event) {
    if (!event.target.closest(".cg-handin-done__print")) return;
    document.body.classList.add("cg-printing-receipt");
    window.print();
  });
  window.addEventListener("afterprint", function () { document.body.classList.remove("cg-printing-receipt"); });

  setInterval(function () { refresh(document); }, MINUTE);
  cg.onPage(refresh);
})();
