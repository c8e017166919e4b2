/* Homework and survey forms: every keystroke saved to localStorage (form:<id>), the trainee's identity
   shared by all forms of the course (identity; an anonymous survey asks none), required fields checked before
   the hand-in, a preview of everything the file will carry (drawn by cg-handin.js from submission(), the very
   object the hand-in writes), and the
   submission file (format in generator/model/submission.py) POSTed to the form's service (spec.handin.url)
   or, without one or when it fails, downloaded; then announced with a `coursegen:submit` event on document
   whose detail is the file's data plus `handed_in` (channel "online" or "file", receipt or file name). */
(function () {
  "use strict";
  var cg = window.coursegen;
  var IDENTITY = ["name", "employee_id", "department"];
  var POST_TIMEOUT = 15000;  /* ms: a service that does not answer by then counts as down, and the file is exported */

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /* ISO 8601 with the local UTC offset, e.g. 2021-03-12T12:05:09+08:00. */
  function isoLocal(d) {
    var off = -d.getTimezoneOffset(), abs = Math.abs(off);
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + "T" + pad(d.getHours()) + ":" +
      pad(d.getMinutes()) + ":" + pad(d.getSeconds()) + (off < 0 ? "-" : "+") + pad(Math.floor(abs / 60)) + ":" + pad(abs % 60);
  }

  /* "12月3日 08:21": when a draft was last saved, read from its updated_at (isoLocal), so the day shows too. */
  function savedWhen(iso) {
    return cg.t("form.when", { month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)), time: iso.slice(11, 16) });
  }

  /* Keys sorted at every level, no spaces: the same bytes Python's checksum() hashes. */
  function canonical(value) {
    if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
    if (value && typeof value === "object") {
      return "{" + Object.keys(value).sort().map(function (k) {
        return JSON.stringify(k) + ":" + canonical(value[k]);
      }).join(",") + "}";
    }
    return JSON.stringify(value);
  }

  function ror(v, n) { return (v >>> n) | (v << (32 - n)); }

  /* Plain SHA-256 for pages without crypto.subtle (file:// or plain-http intranet hosts). */
  function sha256Hex(bytes) {
    var k = [], h = [], n = 0, p, i, j;
    for (p = 2; n < 64; p++) {
      for (i = 2; i * i <= p && p % i; i++) { /* trial division */ }
      if (i * i > p) {
        if (n < 8) h[n] = (Math.sqrt(p) * 4294967296) | 0;
        k[n++] = (Math.pow(p, 1 / 3) * 4294967296) | 0;
      }
    }
    var total = ((bytes.length + 72) >> 6) << 6, data = new Uint8Array(total), view = new DataView(data.buffer), w = [];
    data.set(bytes);
    data[bytes.length] = 0x80;
    view.setUint32(total - 8, Math.floor(bytes.length / 536870912));
    view.setUint32(total - 4, (bytes.length * 8) >>> 0);
    for (i = 0; i < total; i += 64) {
      for (j = 0; j < 64; j++) {
        if (j < 16) { w[j] = view.getInt32(i + j * 4); continue; }
        var a = w[j - 15], b = w[j - 2];
        w[j] = (w[j - 16] + (ror(a, 7) ^ ror(a, 18) ^ (a >>> 3)) + w[j - 7] + (ror(b, 17) ^ ror(b, 19) ^ (b >>> 10))) | 0;
      }
      var x = h.slice();
      for (j = 0; j < 64; j++) {
        var e = x[4], f = x[0];
        var t1 = (x[7] + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & x[5]) ^ (~e & x[6])) + k[j] + w[j]) | 0;
        var t2 = ((ror(f, 2) ^ ror(f, 13) ^ ror(f, 22)) + ((f & x[1]) ^ (f & x[2]) ^ (x[1] & x[2]))) | 0;
        x = [(t1 + t2) | 0, f, x[1], x[2], (x[3] + t1) | 0, e, x[5], x[6]];
      }
      for (j = 0; j < 8; j++) h[j] = (h[j] + x[j]) | 0;
    }
    return h.map(function (v) { return ("0000000" + (v >>> 0).toString(16)).slice(-8); }).join("");
  }

  function hex(buffer) {
    return [].map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function sha256(text) {
    var bytes = new TextEncoder().encode(text);
    if (window.isSecureContext && window.crypto && crypto.subtle) {
      return crypto.subtle.digest("SHA-256", bytes).then(hex, function () { return sha256Hex(bytes); });
    }
    return Promise.resolve(sha256Hex(bytes));
  }

  function chars(text) { return Array.from(text.trim()).length; }

  /* Results of the site's quizzes (coursegen.course() lists them with their content hash) as cg-quiz.js keeps them,
     read through its coursegen.quiz.state, as far as the course's `results` lets them leave the browser: none
     (the default, and always for an anonymous survey); "scores", each quiz's best and passed; "questions", also
     each quiz's hash and, per auto-graded question, whether the first check found it right and the answer then.
     Results of an older version of a quiz (another hash), quizzes never checked and malformed state are left out. */
  function quizScores(anonymous) {
    var scores = {}, level = cg.config.results;
    if (anonymous || (level !== "scores" && level !== "questions")) return scores;
    cg.course().items.forEach(function (quiz) {
      if (quiz.kind !== "quiz") return;
      var state = cg.quiz ? cg.quiz.state(quiz.id, quiz.hash) : null;
      if (!state || state.attempts < 1) return;
      var score = { best: Math.max(0, Math.min(100, Math.round(state.best))), passed: state.passed };
      if (level === "questions") { score.hash = state.hash; score.questions = state.first; }
      scores[quiz.id] = score;
    });
    return scores;
  }

  /* What the trainee wrote in questions the trainer has since taken out of the form: save() keeps them in the draft
     (it writes only the form's present fields), and they are shown, never handed in, so no text is lost unseen. */
  function removedTexts(spec, answers) {
    var present = {}, out = [];
    spec.fields.forEach(function (f) { present[f.id] = true; });
    function collect(value) {
      if (typeof value === "string" && value.trim()) out.push(value.trim());
      else if (value && typeof value === "object") Object.keys(value).forEach(function (k) { collect(value[k]); });
    }
    Object.keys(answers).forEach(function (id) { if (!present[id]) collect(answers[id]); });
    return out;
  }

  function showRemoved(form, texts) {
    if (!texts.length) return;
    form.insertBefore(cg.el("details", { "class": "cg-form__removed cg-noprint" }, [
      cg.el("summary", { text: cg.t("progress.keep.removed", { n: texts.length }) }),
      cg.el("p", { text: cg.t("progress.keep.removedNote") })
    ].concat(texts.map(function (text) { return cg.el("blockquote", { text: text }); }))), form.firstChild);
  }

  function mirror(control) {
    var copy = control.nextElementSibling;
    if (!copy || !copy.classList.contains("cg-print-value")) {
      copy = cg.el("div", { "class": "cg-print-value", "aria-hidden": "true" });
      control.parentNode.insertBefore(copy, control.nextSibling);
    }
    copy.textContent = control.value;
  }

  function initForm(form) {
    var spec = cg.data(form);
    if (!spec) return;
    var key = cg.keys.form(spec.form);
    var state = cg.store.get(key, {});
    if (!state.answers || typeof state.answers !== "object") state.answers = {};
    var $ = function (selector) { return form.querySelector(selector); };
    var boxes = {};
    spec.fields.forEach(function (f) { boxes[f.id] = $('.cg-field[data-field="' + f.id + '"]'); });
    var saved = $(".cg-form__saved"), errors = $(".cg-form__errors");
    var busy = $(".cg-form__busy"), preview = form.parentNode.querySelector("#cg-handin-preview-" + spec.form);
    var identityKeys = spec.anonymous ? [] : IDENTITY;

    function identityInput(k) { return $('[data-identity="' + k + '"]'); }

    function read(field) {
      var box = boxes[field.id];
      var checked = [].filter.call(box.querySelectorAll("input"), function (i) { return i.checked; });
      if (field.type === "text" || field.type === "textarea") return box.querySelector("input, textarea").value;
      if (field.type === "choice") return checked.length ? checked[0].value : "";
      if (field.type === "checkboxes") return checked.map(function (i) { return i.value; });
      if (field.type === "rating") {
        var rated = {};
        checked.forEach(function (i) { rated[i.closest(".cg-rating").getAttribute("data-item")] = Number(i.value); });
        return rated;
      }
      return [].map.call(box.querySelectorAll("tbody tr"), function (tr) {
        var row = {};
        field.columns.forEach(function (c) { row[c.id] = tr.querySelector('[data-column="' + c.id + '"]').value; });
        return row;
      });
    }

    function write(field, value) {
      var box = boxes[field.id];
      if (field.type === "table") return renderRows(field, Array.isArray(value) ? value : []);
      box.querySelectorAll("input, textarea").forEach(function (input) {
        if (input.type === "radio" && field.type === "rating") {
          var item = input.closest(".cg-rating").getAttribute("data-item");
          input.checked = !!value && value[item] === Number(input.value);
        } else if (input.type === "radio") input.checked = input.value === value;
        else if (input.type === "checkbox") input.checked = Array.isArray(value) && value.indexOf(input.value) !== -1;
        else input.value = typeof value === "string" ? value : "";
      });
    }

    function renderRows(field, rows) {
      var box = boxes[field.id], body = box.querySelector("tbody");
      var wanted = Math.max(rows.length, field.min_rows, 1);
      body.textContent = "";
      for (var r = 0; r < Math.min(wanted, field.max_rows); r++) {
        var row = rows[r] && typeof rows[r] === "object" ? rows[r] : {};
        var tr = cg.el("tr", {}, [cg.el("th", { scope: "row", text: String(r + 1) })]);
        field.columns.forEach(function (c) {
          var cell = cg.el("textarea", { rows: "3", "data-column": c.id, "aria-label": cg.t("form.cell", { row: r + 1, column: c.label }) });
          cell.value = typeof row[c.id] === "string" ? row[c.id] : "";
          /* A phone shows each card's cells under their label, with the column's hint: the header row is not shown there
             (screen readers have it, so the copy of the hint is hidden from them). */
          var hint = c.hint ? [cg.el("small", { "class": "cg-table__hint", "aria-hidden": "true", text: c.hint })] : [];
          tr.appendChild(cg.el("td", { "data-label": c.label }, hint.concat([cell])));
          mirror(cell);
        });
        var remove = cg.el("button", { type: "button", "class": "cg-table__remove", "data-row": String(r), text: cg.t("form.removeRow"),
          "aria-label": cg.t("form.removeRowLabel", { row: r + 1 }) });
        tr.appendChild(cg.el("td", { "class": "cg-noprint" }, [remove]));
        body.appendChild(tr);
      }
      box.querySelector(".cg-table__add").disabled = body.rows.length >= field.max_rows;
    }

    function count(field) {
      var line = boxes[field.id].querySelector(".cg-field__count");
      if (!line.getAttribute("data-rule")) line.setAttribute("data-rule", line.textContent);
      line.textContent = cg.t("form.count", { n: chars(read(field)), rule: line.getAttribute("data-rule") });
    }

    function showSaved(ok, time) {
      saved.textContent = !ok ? cg.t("form.notSaved") : time ? cg.t("form.savedAt", { time: time }) : cg.t("form.saved");
      saved.setAttribute("data-state", ok ? "ok" : "error");
    }

    function save() {
      var now = isoLocal(new Date());
      spec.fields.forEach(function (f) { state.answers[f.id] = read(f); });
      state.created_at = state.created_at || now;
      state.updated_at = now;
      state.revision = (state.revision || 0) + 1;  /* told apart from the exported draft even within one second */
      var ok = cg.store.set(key, state);
      if (saved.textContent !== cg.t("form.saved") || !ok) showSaved(ok);
    }

    function saveIdentity() {
      var identity = {};
      IDENTITY.forEach(function (k) { identity[k] = identityInput(k).value; });
      showSaved(cg.store.set("identity", identity));
    }

    function showIdentity(editing) {
      if (spec.anonymous) return;
      var identity = cg.store.get("identity", {});
      var complete = IDENTITY.every(function (k) { return typeof identity[k] === "string" && identity[k].trim(); });
      var summary = $(".cg-identity__summary");
      IDENTITY.forEach(function (k) {
        var input = identityInput(k);
        input.value = typeof identity[k] === "string" ? identity[k] : "";
        mirror(input);
      });
      summary.hidden = editing || !complete;
      $(".cg-identity__fields").hidden = !summary.hidden;
      if (complete) summary.querySelector("span").textContent = cg.t("form.identitySummary", identity);
    }

    function problems() {
      var list = [];
      function add(text, control) { list.push({ text: text, control: control }); }
      identityKeys.forEach(function (k) {
        if (!identityInput(k).value.trim()) add(cg.t("form.missing", { label: cg.t("form.identity_" + k) }), identityInput(k));
      });
      spec.fields.forEach(function (f) {
        var value = read(f), box = boxes[f.id], first = box.querySelector("input, textarea, button"), label = f.label;
        if (f.type === "text" || f.type === "textarea") {
          var n = chars(value);
          if (!n && f.required) add(cg.t("form.missing", { label: label }), first);
          else if (n && f.min_length && n < f.min_length) add(cg.t("form.tooShort", { label: label, min: f.min_length, n: n }), first);
          else if (n > f.max_length) add(cg.t("form.tooLong", { label: label, max: f.max_length, n: n }), first);
        } else if (f.type === "choice" || f.type === "checkboxes") {
          if (f.required && !value.length) add(cg.t("form.missing", { label: label }), first);
        } else if (f.type === "rating") {
          f.items.forEach(function (item) {
            if (f.required && !value[item.id]) add(cg.t("form.unrated", { label: label, item: item.label }), box.querySelector('[data-item="' + item.id + '"] input'));
          });
        } else {
          var done = 0;
          value.forEach(function (row, r) {
            var empty = f.columns.filter(function (c) { return !row[c.id].trim(); });
            if (empty.length === f.columns.length) return;
            if (!empty.length) { done++; return; }
            add(cg.t("form.rowIncomplete", { label: label, row: r + 1, columns: empty.map(function (c) { return c.label; }).join("、") }),
              box.querySelectorAll("tbody tr")[r].querySelector('[data-column="' + empty[0].id + '"]'));
          });
          if (f.required && done < Math.max(f.min_rows, 1)) add(cg.t("form.tableRows", { label: label, min: Math.max(f.min_rows, 1) }), first);
        }
      });
      return list;
    }

    function showProblems(list) {
      form.querySelectorAll("[aria-invalid]").forEach(function (c) { c.removeAttribute("aria-invalid"); });
      errors.textContent = "";
      errors.hidden = !list.length;
      if (!list.length) return;
      var items = list.map(function (p) {
        p.control.setAttribute("aria-invalid", "true");
        if (!p.control.id) p.control.id = "cg-control-" + Math.random().toString(36).slice(2);
        return cg.el("li", {}, [cg.el("a", { href: "#" + p.control.id, "data-target": p.control.id, text: p.text })]);
      });
      errors.appendChild(cg.el("p", { text: cg.t("form.problemsTitle", { n: list.length }) }));
      errors.appendChild(cg.el("ul", {}, items));
      errors.focus();
    }

    function submission() {
      var answers = {}, now = isoLocal(new Date());
      spec.fields.forEach(function (f) {
        var value = read(f);
        if (f.type === "table") {
          value = value.map(function (row) {
            var clean = {};
            f.columns.forEach(function (c) { clean[c.id] = row[c.id].trim(); });
            return clean;
          }).filter(function (row) { return f.columns.some(function (c) { return row[c.id]; }); });
        }
        answers[f.id] = typeof value === "string" ? value.trim() : value;
      });
      var data = {
        format: spec.format, format_version: spec.formatVersion, course_id: cg.config.courseId, homework_id: spec.form,
        kind: spec.kind, answers: answers, quiz_scores: quizScores(spec.anonymous),
        created_at: state.created_at || now, updated_at: state.updated_at || now, generator: spec.generator
      };
      if (!spec.anonymous) {
        data.trainee = {};
        IDENTITY.forEach(function (k) { data.trainee[k] = identityInput(k).value.trim(); });
      }
      return data;
    }

    /* The preview shows submission(), the object the hand-in writes, so the two cannot differ; open, it follows every edit. */
    function showPreview(open) {
      var button = $(".cg-form__preview");
      button.setAttribute("aria-expanded", open ? "true" : "false");
      preview.hidden = !open;
      if (!open) return;
      preview.textContent = "";
      cg.handin.preview(spec, submission()).forEach(function (part) { preview.appendChild(part); });
    }

    function download(text, name) {
      var url = URL.createObjectURL(new Blob([text], { type: "application/json;charset=utf-8" }));
      var link = cg.el("a", { href: url, download: name, hidden: "" });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    }

    /* POST the file's exact text to the form service. Resolves with the service's answer when it took the file
       (its JSON receipt, or {} when it sent none); rejects with {status} (0: not reached, or no answer in time). */
    function post(url, text) {
      var abort = window.AbortController ? new AbortController() : null;
      var timer = setTimeout(function () { if (abort) abort.abort(); }, POST_TIMEOUT);
      return fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: text, signal: abort && abort.signal })
        .then(function (response) {
          if (!response.ok) throw { status: response.status };
          return response.text().then(receipt, function () { return {}; });
        }, function () { throw { status: 0 }; })
        .then(function (answer) { clearTimeout(timer); return answer; }, function (failure) { clearTimeout(timer); throw failure; });
    }

    /* The service's receipt, if its answer is one: {"received_at": ISO time, "receipt": id} (docs/hr-guide.md). */
    function receipt(text) {
      try {
        var answer = JSON.parse(text), kept = {};
        if (answer && typeof answer.receipt === "string") kept.receipt = answer.receipt.slice(0, 200);
        if (answer && typeof answer.received_at === "string" && !isNaN(Date.parse(answer.received_at))) kept.received_at = answer.received_at;
        return kept;
      } catch (e) { return {}; }
    }

    /* One click: to the form service when the course has one, the file download when it has none or the service
       fails. The draft in localStorage is never touched here, so nothing typed is lost whatever the outcome. */
    function handIn() {
      var list = problems();
      showProblems(list);
      if (list.length) return;
      var data = submission(), url = spec.handin && spec.handin.url, button = $(".cg-form__export");
      sha256(canonical(data)).then(function (hash) {
        data.sha256 = hash;
        var text = JSON.stringify(data, null, 2) + "\n";
        var who = data.trainee ? [data.trainee.employee_id, data.trainee.name] : [hash.slice(0, 8)];
        var name = [spec.form].concat(who).join("-").replace(/[\\/:*?"<>|\s]+/g, "_") + ".json";
        function exported(failed) {
          download(text, name);
          announce(data, { channel: "file", file: name, failed: failed });
        }
        if (!url) return exported(null);
        button.disabled = true;
        busy.textContent = cg.t("form.posting");
        busy.hidden = false;
        post(url, text).then(function (answer) {
          announce(data, { channel: "online", receipt: answer.receipt || "", received_at: answer.received_at || "" });
        }, exported).then(function () { button.disabled = false; busy.hidden = true; });
      });
    }

    /* cg-progress.js records the hand-in, cg-handin.js shows what happened and what to do next. */
    function announce(data, outcome) {
      var detail = JSON.parse(JSON.stringify(data));
      detail.handed_in = outcome;
      document.dispatchEvent(new CustomEvent("coursegen:submit", { detail: detail }));
    }

    /* The page shows the form before this script arrives (cg-core.js loads it after the page): what the trainee typed
       or chose by then is theirs, kept over the stored draft and saved at once, never overwritten. */
    function touched(field) {
      return field.type !== "table" && [].some.call(boxes[field.id].querySelectorAll("input, textarea"), function (c) {
        return c.type === "radio" || c.type === "checkbox" ? c.checked !== c.defaultChecked : c.value !== c.defaultValue;
      });
    }
    var early = spec.fields.filter(touched), typedIdentity = cg.store.get("identity", {}), typedAny = false;
    identityKeys.forEach(function (k) {
      var input = identityInput(k);
      if (input.value !== input.defaultValue) { typedIdentity[k] = input.value; typedAny = true; }
    });
    spec.fields.forEach(function (f) { write(f, early.indexOf(f) >= 0 ? read(f) : state.answers[f.id]); });
    showRemoved(form, removedTexts(spec, state.answers));
    form.querySelectorAll('input[type="text"], textarea').forEach(mirror);
    spec.fields.forEach(function (f) { if (f.type === "textarea") count(f); });
    if (typedAny) cg.store.set("identity", typedIdentity);
    showIdentity(false);
    if (early.length) save();
    else if (state.updated_at) showSaved(true, savedWhen(state.updated_at));

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", function (event) {
      var target = event.target;
      if (target.type === "text" || target.tagName === "TEXTAREA") mirror(target);
      if (target.hasAttribute("data-identity")) saveIdentity();
      else {
        var box = target.closest(".cg-field");
        if (box && box.getAttribute("data-type") === "textarea") count(spec.fields.filter(function (f) { return boxes[f.id] === box; })[0]);
        save();
      }
      if (!preview.hidden) showPreview(true);
    });
    form.addEventListener("click", function (event) {
      var target = event.target.closest("button, a[data-target]");
      if (!target) return;
      var field = spec.fields.filter(function (f) { return boxes[f.id].contains(target); })[0];
      if (target.matches("a[data-target]")) {
        event.preventDefault();
        document.getElementById(target.getAttribute("data-target")).focus();
      } else if (target.matches(".cg-form__export")) handIn();
      else if (target.matches(".cg-form__print")) window.print();
      else if (target.matches(".cg-form__preview")) {
        showPreview(preview.hidden);
        if (!preview.hidden) preview.focus();
      }
      else if (target.matches(".cg-identity__edit")) { showIdentity(true); identityInput("name").focus(); }
      else if (field && target.matches(".cg-table__add")) {
        var rows = read(field);
        rows.push({});
        renderRows(field, rows);
        save();
        boxes[field.id].querySelector("tbody tr:last-child textarea").focus();
      } else if (field && target.matches(".cg-table__remove")) {
        var all = read(field), r = Number(target.getAttribute("data-row"));
        var filled = field.columns.some(function (c) { return all[r][c.id].trim(); });
        if (filled && !window.confirm(cg.t("form.confirmRemove", { row: r + 1 }))) return;
        all.splice(r, 1);
        renderRows(field, all);
        save();
        if (!preview.hidden) showPreview(true);
        boxes[field.id].querySelector(".cg-table__add").focus();
      }
    });
  }

  /* The check code of any record, by the hand-in file's scheme (SHA-256 of its canonical JSON): the completion
     record's for the final assessment record it rests on (cg-certificate.js), which HR's report recomputes. */
  cg.checksum = function (value) { return sha256(canonical(value)); };

  cg.onPage(function (root) { root.querySelectorAll("form.cg-form").forEach(initForm); });
})();
