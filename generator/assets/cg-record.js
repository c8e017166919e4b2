/* The completion record (结业证明, completion.md): by the course's one completion rule (cg-completion.js), what is
   still missing, or once complete a record that prints on one A4 page: the course, the trainee (asked here when the
   homework forms have not stored the identity yet: the same `identity` entry, so both agree), the completion date
   with its weekday, what it rests on and the check code of that record. A static site keeps no secret: the page
   says it is a record of this browser, not a proof, and HR checks the code against the report.

   The check code is the hand-in file's sha256 (the receipt's 校验码) when it rests on a hand-in, or, when it rests
   on the final assessment, the SHA-256 of {course_id, quiz_id, best, passed, employee_id} by the hand-in file's
   scheme, the employee id in the HR roster's canonical form: the HR report computes the same from the final
   assessment score a handed-in file carries (final_record_code in generator/hr/report.py). What is still missing
   is the page's rule frame, which cg-progress-pages.js fills in as on the dashboard. */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg || !cg.completion) return;
  var t = cg.t, el = cg.el, IDENTITY = ["name", "employee_id", "department"];

  function identity() {
    var saved = cg.store.get("identity", {}), out = {};
    IDENTITY.forEach(function (k) { out[k] = typeof saved[k] === "string" ? saved[k].trim() : ""; });
    return out;
  }

  /* An employee id as the HR roster keys it (generator/hr/normalize.py): full-width to ASCII, no spaces, upper case. */
  function canonicalId(raw) { return raw.normalize("NFKC").replace(/[\s\u200b-\u200f\u2060\ufeff]+/g, "").toUpperCase(); }

  function known(person) { return IDENTITY.every(function (k) { return person[k]; }); }

  function facts(rows) {
    var list = el("dl", { class: "cg-certificate__facts" });
    rows.forEach(function (row) {
      list.appendChild(el("dt", { text: row[0] }));
      list.appendChild(el("dd", { class: row[2] || "", text: row[1] }));
    });
    return list;
  }

  /* What the completion rests on, in words: the final assessment's best score or the hand-in, and the rule's items. */
  function restsOn(r) {
    var lines = [], rec = r.record;
    if (rec && rec.kind === "final") {
      var f = rec.result;
      lines.push(t(f.passed ? "completion.finalScore" : "completion.finalTaken", { title: f.title, score: f.best, pass: f.passMark }));
    } else if (rec) {
      lines.push(t("completion.handin", { title: rec.item.title, time: cg.moment(rec.sent.exportedAt, "handin.datedFormat") }));
    }
    lines.push(t("completion.items", { n: r.total }));
    return lines.join(cg.config.lang === "zh" ? "；" : "; ");
  }

  /* Whether HR can never see the record the completion rests on: the final assessment's score, in a course whose
     hand-in files carry no quiz results (course.yml's results: none). The record then has no check code to give. */
  function unseen(r) { return !!r.record && r.record.kind === "final" && cg.config.results === "none"; }

  /* The check code of the record the completion rests on ("" when it rests on records of this browser alone). */
  function code(r, person) {
    var rec = r.record;
    if (!rec || unseen(r)) return Promise.resolve("");
    if (rec.kind === "homework") return Promise.resolve(rec.sent.sha256 || "");
    var f = rec.result;
    return cg.checksum({ course_id: cg.config.courseId, quiz_id: f.id, best: f.best, passed: f.passed, employee_id: canonicalId(person.employee_id) });
  }

  function certificate(page, r, person) {
    var body = el("section", { class: "cg-certificate__record", "aria-labelledby": "cg-certificate-title" }, [
      el("h2", { id: "cg-certificate-title", tabindex: "-1", text: t("completion.recordTitle") }),
      facts([
        [t("completion.course"), page.getAttribute("data-cg-course")],
        [t("completion.trainee"), t("form.identitySummary", person)],
        [t("completion.date"), r.completedAt ? cg.moment(r.completedAt, "completion.dateFormat") : "—"],
        [t("completion.restsOn"), restsOn(r)],
        [t("completion.checksum"), "…", "cg-certificate__code"]
      ]),
      el("p", { class: "cg-certificate__notice", text: t("completion.notice") })
    ]);
    if (r.record && r.record.kind === "final" && !unseen(r)) {
      body.appendChild(el("p", { class: "cg-certificate__notice", text: t("completion.noticeNoHandin") }));
    }
    var actions = el("p", { class: "cg-noprint cg-actions cg-certificate__actions" }, [
      el("button", { type: "button", class: "md-button md-button--primary", "data-cg-certificate-print": "", text: t("completion.print") }),
      el("button", { type: "button", class: "md-button", "data-cg-certificate-edit": "", text: t("completion.edit") })
    ]);
    var cell = body.querySelector(".cg-certificate__code");
    code(r, person).then(function (hash) {
      var record = r.record && t(r.record.kind === "final" ? "completion.finalRecord" : "completion.handinRecord");
      var none = unseen(r) ? "completion.noResults" : r.record ? "completion.noFileCode" : "completion.noChecksum";
      cell.textContent = hash ? hash + t("completion.checksumOf", { record: record }) : t(none);
      page.setAttribute("data-ready", "");
    });
    return [body, actions];
  }

  function askIdentity(page, person) {
    var form = page.querySelector(".cg-certificate__identity");
    form.querySelector(".cg-certificate__ask").textContent = t("completion.askName");
    form.querySelector(".cg-certificate__save").textContent = t("completion.save");
    IDENTITY.forEach(function (k) { form.querySelector('[data-identity="' + k + '"]').value = person[k]; });
    form.hidden = false;
    page.setAttribute("data-ready", "");
  }

  function show(page, editing) {
    var r = cg.completion.evaluate(), person = identity(), out = page.querySelector("[data-cg-certificate-body]");
    var form = page.querySelector(".cg-certificate__identity");
    out.textContent = "";
    form.hidden = true;
    page.removeAttribute("data-ready");
    page.setAttribute("data-complete", String(r.complete));
    if (!r.complete) {
      out.appendChild(el("p", { text: t("completion.notYet") }));
      page.setAttribute("data-ready", "");
    } else if (editing || !known(person)) askIdentity(page, person);
    else certificate(page, r, person).forEach(function (part) { out.appendChild(part); });
  }

  function wire(page) {
    if (page.hasAttribute("data-wired")) return;
    page.setAttribute("data-wired", "");
    page.querySelector(".cg-certificate__identity").addEventListener("submit", function (event) {
      event.preventDefault();
      var person = {}, form = event.target;
      IDENTITY.forEach(function (k) { person[k] = form.querySelector('[data-identity="' + k + '"]').value.trim(); });
      var empty = IDENTITY.filter(function (k) { return !person[k]; })[0];
      if (empty) { form.querySelector('[data-identity="' + empty + '"]').focus(); return; }
      cg.store.set("identity", person);
      show(page, false);
      page.querySelector("#cg-certificate-title").focus();
    });
    page.addEventListener("click", function (event) {
      if (event.target.closest("[data-cg-certificate-print]")) window.print();
      else if (event.target.closest("[data-cg-certificate-edit]")) {
        show(page, true);
        page.querySelector('[data-identity="name"]').focus();
      }
    });
  }

  cg.onPage(function (doc) {
    var page = doc.querySelector("[data-cg-certificate]");
    if (!page) return;
    wire(page);
    show(page, false);
  });
})();
