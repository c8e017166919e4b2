/* coursegen studio: the form of one course file, drawn from the form description the server sends (see
   generator/studio/ server) and the file's data. Plain ES2019, no build step; needs vendor/studio-vendor.js
   (window.cgStudioVendor: CodeMirror for Markdown fields, Sortable for dragging list items).

   window.cgStudioForm.render(container, form, data, strings, onChange, options) → {value(), showProblems(problems), ...}
   - value(): the data the form now holds. A field the trainer did not touch keeps the value it had, an optional field
     left empty is omitted (never "" or null), keys the description does not know are kept as they were.
   - showProblems(problems): the check's problems (line, column, message, hint, severity, path) under their fields
     and listed at the top, each with a link that focuses its field; [] clears them.
   - onChange(value) is called after every edit; the shell debounces its check.
   options: {request(method, path, body, contentType) → Promise<{status, data}>} to reach the studio's API
   (default: fetch under /_studio/api with the studio's header); file: the file edited, as the server names it
   (course/lectures/01-intro.yml), so that a pasted image's link is relative to that file's page. */
(function () {
  "use strict";

  var API = "/_studio/api";
  var counter = 0;

  function uid(prefix) {
    counter += 1;
    return "cgf-" + (prefix || "f") + "-" + counter;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* Nothing a trainer wrote: no text, an empty list or mapping. */
  function isEmpty(value) {
    if (value === undefined || value === null) return true;
    if (typeof value === "string") return !value.trim();
    if (Array.isArray(value)) return !value.length;
    return isObject(value) && !Object.keys(value).length;
  }

  function clone(value) {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }

  /* Every request to the studio's server: POSTs carry the studio's header (the server refuses others) and JSON,
     unless a content type is given (an upload's raw bytes). The answer's JSON, or {} when it has none. */
  function request(method, path, body, contentType) {
    var init = { method: method, headers: {}, credentials: "same-origin" };
    if (method !== "GET") init.headers["X-Coursegen-Studio"] = "1";
    if (body !== undefined) {
      if (contentType !== undefined) {
        init.headers["Content-Type"] = contentType || "application/octet-stream";
        init.body = body;
      } else {
        init.headers["Content-Type"] = "application/json";
        init.body = JSON.stringify(body);
      }
    }
    return fetch(API + path, init).then(function (response) {
      return response.text().then(function (text) {
        var data = {};
        try { data = text ? JSON.parse(text) : {}; } catch (e) { data = { message: text }; }
        return { status: response.status, data: data };
      });
    });
  }

  function translator(strings) {
    return function t(key, params) {
      var text = strings && Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
      if (params) {
        Object.keys(params).forEach(function (name) {
          text = text.split("{" + name + "}").join(String(params[name]));
        });
      }
      return text;
    };
  }

  /* The words that name an item in its list's bar, and that an empty id is made from. */
  var NAMING_KEYS = ["title", "prompt", "label", "name", "text", "question"];

  function plainSummary(value) {
    if (!isObject(value)) return typeof value === "string" || typeof value === "number" ? String(value) : "";
    for (var i = 0; i < NAMING_KEYS.length; i += 1) {
      var text = value[NAMING_KEYS[i]];
      if (typeof text === "string" && text.trim()) {
        text = text.replace(/[#*`>]/g, "").replace(/\s+/g, " ").trim();
        return text.length > 40 ? text.slice(0, 40) + "…" : text;
      }
    }
    return "";
  }

  /* ---------------------------------------------------------------- the parts every field shares */

  function Base(ctx, info) {
    this.ctx = ctx;
    this.info = info;
    this.parent = info.parent || null;
    this.key = info.key;
    this.required = Boolean(info.required);
    this.present = Boolean(info.present);
  }
  Base.prototype.path = function () {
    return this.parent ? this.parent.pathOf(this) : [];
  };
  Base.prototype.child = function () { return null; };
  Base.prototype.changed = function () {
    if (this.parent) this.parent.childChanged(this);
    else this.ctx.changed();
  };
  Base.prototype.childChanged = function () { this.changed(); };
  Base.prototype.focusTarget = function () {
    var own = this.control || this.element.querySelector("input, select, textarea, button, [contenteditable=true]");
    return own || this.element;
  };
  Base.prototype.destroy = function () {};

  /* A label (with the 必填 mark), the help text and the place for this field's problems. */
  function labelFor(ctx, node, required, forId) {
    var label = el("label", "cgf-label");
    label.id = forId + "-label";
    label.htmlFor = forId;
    label.appendChild(document.createTextNode(node.label || ""));
    if (required) {
      var mark = el("span", "cgf-required", ctx.t("form.required"));
      label.appendChild(mark);
    }
    return label;
  }

  /* The legend of a group (an item, a question): its label, and the required mark. */
  function legendFor(ctx, node, required) {
    var legend = el("legend", "cgf-legend", node.label || "");
    if (required) legend.appendChild(el("span", "cgf-required", ctx.t("form.required")));
    return legend;
  }

  function helpFor(node, forId) {
    if (!node.help) return null;
    var help = el("p", "cgf-help", node.help);
    help.id = forId + "-help";
    return help;
  }

  function errorsBox(forId) {
    var box = el("div", "cgf-errors");
    box.id = forId + "-errors";
    return box;
  }

  function describe(control, ids) {
    var list = ids.filter(Boolean);
    if (list.length) control.setAttribute("aria-describedby", list.join(" "));
    else control.removeAttribute("aria-describedby");
  }

  /* ---------------------------------------------------------------- scalar fields */

  /* A field with one control. An untouched field gives back the value it had, exactly; a touched one what its
     control holds, or nothing (omitted) when that is empty. */
  function Scalar(node, data, ctx, info) {
    Base.call(this, ctx, info);
    this.node = node;
    this.original = data;
    this.touched = false;
    this.id = uid(node.kind);
    this.element = el("div", "cgf-field cgf-field--" + node.kind);
    this.errors = errorsBox(this.id);
    this.help = helpFor(node, this.id);
  }
  Scalar.prototype = Object.create(Base.prototype);
  Scalar.prototype.value = function () {
    if (!this.touched) return this.original;
    var read = this.read();
    /* A required text emptied by the trainer stays in the data as "": the check then says "这里不能是空的" at
       this field, where a missing key would be reported at the start of the whole item. */
    if (read === undefined && this.required && typeof this.text === "function") return "";
    return read;
  };
  Scalar.prototype.touch = function () {
    this.touched = true;
    this.changed();
  };
  Scalar.prototype.layout = function (control, labelAfter) {
    this.control = control;
    control.id = this.id;
    if (this.required) control.setAttribute("aria-required", "true");
    var label = labelFor(this.ctx, this.node, this.required, this.id);
    if (labelAfter) {
      var row = el("div", "cgf-check");
      row.appendChild(control);
      row.appendChild(label);
      this.element.appendChild(row);
    } else {
      this.element.appendChild(label);
      this.element.appendChild(control);
    }
    if (this.help) this.element.appendChild(this.help);
    this.element.appendChild(this.errors);
    describe(control, [this.help && this.help.id]);
    this.described = control;
  };
  Scalar.prototype.placeholder = function () {
    var value = this.node["default"];
    return value === undefined || value === null ? "" : String(value);
  };
  Scalar.prototype.onCommit = function (callback) {
    this.control.addEventListener("change", callback);
  };

  function TextField(node, data, ctx, info) {
    Scalar.call(this, node, data, ctx, info);
    var self = this;
    var control;
    if (node.multiline) {
      control = el("textarea", "cgf-input cgf-textarea");
      control.rows = 3;
    } else {
      control = el("input", "cgf-input");
      control.type = "text";
    }
    if (node.kind === "id") {
      control.spellcheck = false;
      control.autocomplete = "off";
      control.classList.add("cgf-input--id");
      control.pattern = "[a-z0-9]+(-[a-z0-9]+)*";
    }
    control.value = data === undefined || data === null ? "" : String(data);
    control.placeholder = this.placeholder();
    control.addEventListener("input", function () {
      if (node.kind === "id") self.typedId = true;
      self.touch();
    });
    this.layout(control);
  }
  TextField.prototype = Object.create(Scalar.prototype);
  TextField.prototype.read = function () {
    return this.control.value === "" ? undefined : this.control.value;
  };
  TextField.prototype.text = function () { return this.control.value; };
  TextField.prototype.set = function (text) {
    this.control.value = text;
    this.touch();
  };

  function NumberField(node, data, ctx, info) {
    Scalar.call(this, node, data, ctx, info);
    var self = this;
    var control = el("input", "cgf-input cgf-input--number");
    control.type = "text";  // a mistyped number is kept as written, so the check can say what is wrong with it
    control.inputMode = node.kind === "integer" ? "numeric" : "decimal";
    control.value = data === undefined || data === null ? "" : String(data);
    control.placeholder = this.placeholder();
    control.addEventListener("input", function () { self.touch(); });
    this.layout(control);
    var limits = [];
    if (typeof node.minimum === "number") limits.push(ctx.t("form.minimum", { n: node.minimum }));
    if (typeof node.maximum === "number") limits.push(ctx.t("form.maximum", { n: node.maximum }));
    if (limits.length) {
      var note = el("p", "cgf-help", limits.join(ctx.t("form.separator")));
      note.id = this.id + "-limits";
      this.element.insertBefore(note, this.errors);
      describe(control, [this.help && this.help.id, note.id]);
    }
  }
  NumberField.prototype = Object.create(Scalar.prototype);
  NumberField.prototype.read = function () {
    var text = this.control.value.trim();
    if (text === "") return undefined;
    var number = Number(text);
    return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && isFinite(number) ? number : text;
  };

  function BooleanField(node, data, ctx, info) {
    Scalar.call(this, node, data, ctx, info);
    var self = this;
    var control = el("input", "cgf-checkbox");
    control.type = "checkbox";
    control.checked = data === undefined ? node["default"] === true : data === true;
    control.addEventListener("change", function () { self.touch(); });
    this.layout(control, true);
  }
  BooleanField.prototype = Object.create(Scalar.prototype);
  BooleanField.prototype.read = function () { return this.control.checked; };
  BooleanField.prototype.onCommit = function () {};

  function ChoiceField(node, data, ctx, info) {
    Scalar.call(this, node, data, ctx, info);
    var self = this;
    var control = el("select", "cgf-input cgf-select");
    var shown = data === undefined ? node["default"] : data;
    var empty = el("option", null, ctx.t("form.none"));
    empty.value = "";
    control.appendChild(empty);
    this.choices = (node.choices || []).slice();
    var known = false;
    this.choices.forEach(function (choice, index) {
      var option = el("option", null, choice.label || String(choice.value));
      option.value = String(index);
      if (choice.value === shown) { option.selected = true; known = true; }
      control.appendChild(option);
    });
    if (!known && shown !== undefined && shown !== null) {
      // a value the description does not offer: shown as it is, kept until the trainer picks another
      var other = el("option", null, String(shown));
      other.value = "keep";
      other.selected = true;
      control.appendChild(other);
    }
    if (!known && (shown === undefined || shown === null)) empty.selected = true;
    control.addEventListener("change", function () { self.touch(); });
    this.layout(control);
  }
  ChoiceField.prototype = Object.create(Scalar.prototype);
  ChoiceField.prototype.read = function () {
    var chosen = this.control.value;
    if (chosen === "") return undefined;
    if (chosen === "keep") return this.original;
    return this.choices[Number(chosen)].value;
  };

  /* "2026-03-20T18:00:00+08:00" → ["2026-03-20T18:00", "+08:00"]: the local part the control shows and the offset
     the value had, written back unchanged. */
  var DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

  function browserOffset(local) {
    var minutes = -new Date(local).getTimezoneOffset();
    if (!isFinite(minutes)) minutes = -new Date().getTimezoneOffset();
    var sign = minutes < 0 ? "-" : "+";
    minutes = Math.abs(minutes);
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return sign + pad(Math.floor(minutes / 60)) + ":" + pad(minutes % 60);
  }

  function DateField(node, data, ctx, info) {
    Scalar.call(this, node, data, ctx, info);
    var self = this;
    var control = el("input", "cgf-input cgf-input--" + node.kind);
    var text = typeof data === "string" ? data : "";
    if (node.kind === "date") {
      control.type = "date";
      control.value = text.slice(0, 10);
    } else if (node.kind === "time") {
      control.type = "time";
      control.value = text;
    } else {
      control.type = "datetime-local";
      var parts = DATETIME.exec(text);
      this.offset = parts ? parts[4] : undefined;
      this.naive = Boolean(parts) && !parts[4];  // written without an offset, as it was
      this.seconds = parts && parts[3] ? parts[3] : "";
      if (parts) {
        control.step = this.seconds && this.seconds !== ":00" ? 1 : 60;
        control.value = parts[1] + "T" + parts[2] + (control.step === 1 ? this.seconds.slice(0, 3) : "");
      }
    }
    control.placeholder = this.placeholder();
    control.addEventListener("input", function () { self.touch(); });
    control.addEventListener("change", function () { if (!self.touched) self.touch(); });
    this.layout(control);
    if (node.kind === "datetime" && !this.naive) {
      var zone = el("p", "cgf-help cgf-zone", ctx.t("form.timezone", { offset: this.offset === undefined ? browserOffset(text) : (this.offset === "Z" ? "+00:00" : this.offset) }));
      zone.id = this.id + "-zone";
      this.zone = zone;
      this.element.insertBefore(zone, this.errors);
      describe(control, [this.help && this.help.id, zone.id]);
    }
  }
  DateField.prototype = Object.create(Scalar.prototype);
  DateField.prototype.read = function () {
    var text = this.control.value;
    if (text === "") return undefined;
    if (this.node.kind !== "datetime") return text;
    var local = text.length === 16 ? text + ":00" : text;
    if (this.naive) return local;
    return local + (this.offset === undefined ? browserOffset(local) : this.offset);
  };

  /* A Markdown text in a small CodeMirror editor, with a 预览 toggle (the server renders it as the site would) and
     images pasted or dropped in uploaded to the course's folder. */
  function MarkdownField(node, data, ctx, info) {
    Scalar.call(this, node, data, ctx, info);
    var self = this;
    var V = window.cgStudioVendor;
    var label = labelFor(ctx, node, this.required, this.id);
    var head = el("div", "cgf-md__head");
    head.appendChild(label);
    var toggle = el("button", "cgf-button cgf-button--small cgf-md__toggle", ctx.t("form.preview"));
    toggle.type = "button";
    toggle.setAttribute("aria-pressed", "false");
    head.appendChild(toggle);
    this.element.appendChild(head);
    var box = el("div", "cgf-md__editor");
    this.preview = el("div", "cgf-md__preview");
    this.preview.hidden = true;
    this.preview.tabIndex = 0;
    this.preview.setAttribute("aria-labelledby", label.id);
    this.status = el("p", "cgf-md__status");
    this.status.setAttribute("role", "status");
    this.status.id = this.id + "-status";
    this.element.appendChild(box);
    this.element.appendChild(this.preview);
    if (this.help) this.element.appendChild(this.help);
    this.element.appendChild(this.status);
    this.element.appendChild(this.errors);
    var attributes = { id: this.id, "aria-labelledby": label.id, "aria-multiline": "true" };
    if (this.required) attributes["aria-required"] = "true";
    var text = data === undefined || data === null ? "" : String(data);
    this.committed = text;
    this.view = new V.EditorView({
      parent: box,
      doc: text,
      extensions: [
        V.minimalSetup,
        V.markdown(),
        V.EditorView.lineWrapping,
        V.placeholder(this.placeholder()),
        V.EditorView.contentAttributes.of(attributes),
        V.EditorView.updateListener.of(function (update) {
          if (update.docChanged) self.touch();
        }),
        V.EditorView.domEventHandlers({
          paste: function (event, view) {
            var files = images(event.clipboardData);
            if (!files.length) return false;
            event.preventDefault();
            self.upload(files, view.state.selection.main.head);
            return true;
          },
          drop: function (event, view) {
            var files = images(event.dataTransfer);
            if (!files.length) return false;
            event.preventDefault();
            var at = view.posAtCoords({ x: event.clientX, y: event.clientY });
            self.upload(files, at === null ? view.state.selection.main.head : at);
            return true;
          },
          blur: function () {
            var now = self.text();
            if (now !== self.committed) {
              self.committed = now;
              (self.commits || []).forEach(function (callback) { callback(); });
            }
            return false;
          },
        }),
      ],
    });
    this.control = this.view.contentDOM;
    this.described = this.view.contentDOM;
    describe(this.described, [this.help && this.help.id, this.status.id]);
    label.addEventListener("click", function () { self.view.focus(); });
    toggle.addEventListener("click", function () {
      var showing = toggle.getAttribute("aria-pressed") === "true";
      if (showing) {
        toggle.setAttribute("aria-pressed", "false");
        self.preview.hidden = true;
        box.hidden = false;
        self.view.focus();
        return;
      }
      toggle.setAttribute("aria-pressed", "true");
      self.preview.textContent = ctx.t("form.previewing");
      self.preview.hidden = false;
      box.hidden = true;
      ctx.request("POST", "/markdown", { text: self.text() }).then(function (answer) {
        if (answer.status === 200 && typeof answer.data.html === "string") self.preview.innerHTML = answer.data.html;
        else self.preview.textContent = answer.data.message || ctx.t("form.preview_failed");
      }, function () {
        self.preview.textContent = ctx.t("form.preview_failed");
      });
    });
  }
  MarkdownField.prototype = Object.create(Scalar.prototype);
  MarkdownField.prototype.text = function () { return this.view.state.doc.toString(); };
  MarkdownField.prototype.read = function () {
    var text = this.text();
    return text.trim() === "" ? undefined : text;
  };
  MarkdownField.prototype.onCommit = function (callback) {
    (this.commits = this.commits || []).push(callback);
  };
  MarkdownField.prototype.destroy = function () { this.view.destroy(); };
  MarkdownField.prototype.upload = function (files, at) {
    var self = this;
    var ctx = this.ctx;
    var chain = Promise.resolve(at);
    this.status.textContent = ctx.t("form.uploading");
    files.forEach(function (file) {
      chain = chain.then(function (pos) {
        var where = ctx.file ? "&file=" + encodeURIComponent(ctx.file) : "";  // the Markdown's link is relative to its page
        return ctx.request("POST", "/upload?name=" + encodeURIComponent(file.name || "image") + where, file, file.type || "application/octet-stream")
          .then(function (answer) {
            if (answer.status !== 200 || typeof answer.data.markdown !== "string") {
              self.status.textContent = ctx.t("form.upload_failed", { message: answer.data.message || answer.status });
              return pos;
            }
            var insert = answer.data.markdown;
            pos = Math.min(pos, self.view.state.doc.length);
            self.view.dispatch({ changes: { from: pos, insert: insert }, selection: { anchor: pos + insert.length } });
            self.status.textContent = answer.data.message || ctx.t("form.uploaded");
            return pos + insert.length;
          }, function (error) {
            self.status.textContent = ctx.t("form.upload_failed", { message: error && error.message ? error.message : String(error) });
            return pos;
          });
      });
    });
    return chain;
  };

  function images(transfer) {
    if (!transfer || !transfer.files) return [];
    return Array.prototype.filter.call(transfer.files, function (file) { return /^image\//.test(file.type); });
  }

  /* A value the form cannot show (a kind it lacks, or data of another shape than described): kept as it is. */
  function AnyField(node, data, ctx, info) {
    Base.call(this, ctx, info);
    this.node = node;
    this.original = data;
    this.id = uid("any");
    this.element = el("div", "cgf-field cgf-field--any");
    this.element.id = this.id;
    this.element.tabIndex = -1;
    var title = el("p", "cgf-label", node.label || String(info.key === undefined ? "" : info.key));
    this.element.appendChild(title);
    var note = el("p", "cgf-note", ctx.t("form.source_only"));
    this.element.appendChild(note);
    if (data !== undefined) {
      var shown = JSON.stringify(data);
      this.element.appendChild(el("code", "cgf-any__value", shown.length > 120 ? shown.slice(0, 120) + "…" : shown));
    }
    this.errors = errorsBox(this.id);
    this.element.appendChild(this.errors);
  }
  AnyField.prototype = Object.create(Base.prototype);
  AnyField.prototype.value = function () { return this.original; };
  AnyField.prototype.focusTarget = function () { return this.element; };

  /* ---------------------------------------------------------------- groups */

  /* The fields of an object, in the description's order; the data's other keys are kept as they were. */
  function ObjectField(node, data, ctx, info) {
    Base.call(this, ctx, info);
    var self = this;
    this.node = node;
    this.original = isObject(data) ? data : {};
    this.order = info.fresh ? [] : Object.keys(this.original);  // fresh: written in the description's order
    this.fields = {};
    this.skip = info.skip || null;
    this.id = uid("obj");
    var root = !this.parent;
    var plain = info.plain || root;
    this.element = el(plain ? "div" : "fieldset", "cgf-group" + (root ? " cgf-group--root" : ""));
    this.element.id = this.id;
    if (!plain) {
      this.element.appendChild(legendFor(ctx, node, this.required));
      var help = helpFor(node, this.id);
      if (help) this.element.appendChild(help);
    } else if (!root && node.help) {
      this.element.appendChild(helpFor(node, this.id));
    }
    this.errors = errorsBox(this.id);
    this.element.appendChild(this.errors);
    (node.fields || []).forEach(function (field) {
      if (field.key === self.skip) return;
      var present = Object.prototype.hasOwnProperty.call(self.original, field.key);
      if (self.order.indexOf(field.key) < 0) self.order.push(field.key);
      var child = build(field.node, self.original[field.key], ctx, {
        parent: self, key: field.key, required: field.required, present: present,
      });
      self.fields[field.key] = child;
      self.element.appendChild(child.element);
    });
    Object.keys(this.original).forEach(function (key) { if (self.order.indexOf(key) < 0) self.order.push(key); });
    this.watchId();
  }
  ObjectField.prototype = Object.create(Base.prototype);
  ObjectField.prototype.value = function () {
    var self = this;
    var out = {};
    this.order.forEach(function (key) {
      var value = Object.prototype.hasOwnProperty.call(self.fields, key) ? self.fields[key].value() : self.original[key];
      if (value !== undefined) out[key] = value;
    });
    return out;
  };
  ObjectField.prototype.child = function (key) {
    return Object.prototype.hasOwnProperty.call(this.fields, key) ? this.fields[key] : null;
  };
  ObjectField.prototype.pathOf = function (child) {
    return this.path().concat([child.key]);
  };
  ObjectField.prototype.focusTarget = function () {
    return this.element.querySelector("input, select, textarea, [contenteditable=true]") || this.element;
  };
  ObjectField.prototype.destroy = function () {
    var fields = this.fields;
    Object.keys(fields).forEach(function (key) { fields[key].destroy(); });
  };

  /* An empty id gets one made from the item's title (or prompt, label…) the first time that is filled in, and
     never again: trainees' progress is kept under the id. */
  ObjectField.prototype.watchId = function () {
    var self = this;
    var idField = this.fields.id;
    if (!idField || idField.node.kind !== "id" || typeof idField.text !== "function") return;
    this.idDone = idField.text() !== "";
    var source = null;
    NAMING_KEYS.some(function (key) {
      var field = self.fields[key];
      if (field && typeof field.text === "function" && field !== idField) { source = field; return true; }
      return false;
    });
    this.namingField = source;
    if (!source) return;
    source.onCommit(function () { self.makeId(); });
  };
  ObjectField.prototype.makeId = function () {
    var self = this;
    var idField = this.fields.id;
    var source = this.namingField;
    if (!idField || !source || this.idDone || idField.typedId || idField.text() !== "") return Promise.resolve();
    var text = source.text().trim();
    if (!text) return Promise.resolve();
    var taken = this.siblingIds();
    return this.ctx.request("GET", "/slug?text=" + encodeURIComponent(text) + "&taken=" + encodeURIComponent(taken.join(",")))
      .then(function (answer) {
        var id = answer.status === 200 && answer.data ? answer.data.id : "";
        if (!id || self.idDone || idField.typedId || idField.text() !== "") return;
        self.idDone = true;
        idField.set(id);
      }, function () {});
  };
  ObjectField.prototype.siblingIds = function () {
    var node = this;
    while (node.parent && !(node.parent instanceof ListField)) node = node.parent;
    if (!node.parent) return [];
    var list = node.parent;
    return list.items.filter(function (item) { return item.comp !== node; }).map(function (item) {
      var value = item.comp.value();
      return isObject(value) && typeof value.id === "string" ? value.id : "";
    }).filter(Boolean);
  };

  /* An optional object absent from the data: a button adds it (so an untouched one stays absent); one that is
     there can be removed. Also how a recursive description ends: only what the data has is drawn. */
  function OptionalGroup(node, data, ctx, info) {
    Base.call(this, ctx, info);
    var self = this;
    this.node = node;
    this.info = info;
    this.id = uid("opt");
    this.element = el("div", "cgf-optional");
    this.element.id = this.id;
    this.errors = errorsBox(this.id);
    this.add = el("button", "cgf-button cgf-optional__add", ctx.t("form.add_optional", { label: node.label || "" }));
    this.add.type = "button";
    this.remove = el("button", "cgf-button cgf-button--small cgf-optional__remove", ctx.t("form.remove_optional", { label: node.label || "" }));
    this.remove.type = "button";
    this.slot = el("div", "cgf-optional__slot");
    this.element.appendChild(this.add);
    this.element.appendChild(this.slot);
    this.element.appendChild(this.remove);
    this.element.appendChild(this.errors);
    this.inner = null;
    this.add.addEventListener("click", function () {
      self.open({});
      self.changed();
      self.inner.focusTarget().focus();
    });
    this.remove.addEventListener("click", function () {
      self.close();
      self.changed();
      self.add.focus();
    });
    if (data !== undefined) this.open(data);
    else this.close();
  }
  OptionalGroup.prototype = Object.create(Base.prototype);
  OptionalGroup.prototype.open = function (data) {
    this.inner = build(this.node, data, this.ctx, { parent: this, key: this.key, required: false, present: true, force: true });
    this.slot.textContent = "";
    this.slot.appendChild(this.inner.element);
    this.add.hidden = true;
    this.remove.hidden = false;
  };
  OptionalGroup.prototype.close = function () {
    if (this.inner) this.inner.destroy();
    this.inner = null;
    this.slot.textContent = "";
    this.add.hidden = false;
    this.remove.hidden = true;
  };
  OptionalGroup.prototype.value = function () { return this.inner ? this.inner.value() : undefined; };
  OptionalGroup.prototype.pathOf = function () { return this.path(); };
  OptionalGroup.prototype.child = function (key) { return this.inner ? this.inner.child(key) : null; };
  OptionalGroup.prototype.focusTarget = function () { return this.inner ? this.inner.focusTarget() : this.add; };
  OptionalGroup.prototype.destroy = function () { if (this.inner) this.inner.destroy(); };

  /* One of several shapes told apart by a tag (a question's type): a choice of the variant, then its fields.
     Switching keeps the fields both variants share. */
  function UnionField(node, data, ctx, info) {
    Base.call(this, ctx, info);
    var self = this;
    this.node = node;
    this.tag = node.tag;
    this.variants = node.variants || [];
    var current = isObject(data) ? data : {};
    this.variant = this.variants.filter(function (v) { return v.value === current[self.tag]; })[0] || this.variants[0];
    this.id = uid("union");
    var plain = info.plain;
    this.element = el(plain ? "div" : "fieldset", "cgf-group cgf-union");
    this.element.id = this.id;
    if (!plain) this.element.appendChild(legendFor(ctx, node, this.required));
    var help = helpFor(node, this.id);
    if (help) this.element.appendChild(help);
    var field = el("div", "cgf-field cgf-field--choice");
    var selectId = uid("variant");
    var label = el("label", "cgf-label", ctx.t("form.variant", { label: node.label || "" }));
    label.htmlFor = selectId;
    this.select = el("select", "cgf-input cgf-select");
    this.select.id = selectId;
    this.variants.forEach(function (variant, index) {
      var option = el("option", null, variant.label || String(variant.value));
      option.value = String(index);
      option.selected = variant === self.variant;
      self.select.appendChild(option);
    });
    field.appendChild(label);
    field.appendChild(this.select);
    this.element.appendChild(field);
    this.errors = errorsBox(this.id);
    this.element.appendChild(this.errors);
    this.body = el("div", "cgf-union__body");
    this.element.appendChild(this.body);
    this.draw(current);
    this.select.addEventListener("change", function () {
      var before = self.inner.value();
      self.variant = self.variants[Number(self.select.value)];
      var keys = (resolve(self.variant.node, ctx).fields || []).map(function (f) { return f.key; });
      var kept = {};
      Object.keys(before).forEach(function (key) { if (keys.indexOf(key) >= 0 && key !== self.tag) kept[key] = before[key]; });
      self.inner.destroy();
      self.draw(kept, true);  // its keys in the new variant's order, as a new item of that type is written
      self.changed();
    });
  }
  UnionField.prototype = Object.create(Base.prototype);
  UnionField.prototype.draw = function (data, fresh) {
    var node = resolve(this.variant.node, this.ctx);
    this.inner = new ObjectField(node, data, this.ctx, { parent: this, key: this.key, plain: true, skip: this.tag, fresh: fresh });
    this.body.textContent = "";
    this.body.appendChild(this.inner.element);
  };
  UnionField.prototype.value = function () {
    var out = {};
    out[this.tag] = this.variant.value;
    var rest = this.inner.value();
    var tag = this.tag;
    Object.keys(rest).forEach(function (key) { if (key !== tag) out[key] = rest[key]; });
    return out;
  };
  UnionField.prototype.pathOf = function () { return this.path(); };
  UnionField.prototype.child = function (key) {
    if (key !== this.tag) return this.inner.child(key);
    var self = this;  // the tag itself: its problems go under the variant's choice
    return { errors: this.errors, described: this.select, focusTarget: function () { return self.select; }, child: function () { return null; } };
  };
  UnionField.prototype.focusTarget = function () { return this.select; };
  UnionField.prototype.destroy = function () { this.inner.destroy(); };
  Object.defineProperty(UnionField.prototype, "fields", { get: function () { return this.inner.fields; } });
  UnionField.prototype.makeId = function () { return this.inner.makeId(); };

  /* A list: numbered items to add, duplicate, delete and reorder (drag by the handle, the 上移 / 下移 buttons, or
     Alt+↑ / Alt+↓ anywhere in an item); a deleted item can be brought back until the next deletion. */
  function ListField(node, data, ctx, info) {
    Base.call(this, ctx, info);
    var self = this;
    this.node = node;
    this.itemNode = node.item;
    this.items = [];
    this.id = uid("list");
    this.element = el("fieldset", "cgf-group cgf-list");
    this.element.id = this.id;
    var legend = el("legend", "cgf-legend", node.label || "");
    if (this.required) legend.appendChild(el("span", "cgf-required", ctx.t("form.required")));
    this.element.appendChild(legend);
    var help = helpFor(node, this.id);
    if (help) this.element.appendChild(help);
    var limits = [];
    if (typeof node.min_items === "number" && node.min_items > 0) limits.push(ctx.t("form.min_items", { n: node.min_items }));
    if (typeof node.max_items === "number") limits.push(ctx.t("form.max_items", { n: node.max_items }));
    if (limits.length) this.element.appendChild(el("p", "cgf-help", limits.join(ctx.t("form.separator"))));
    this.errors = errorsBox(this.id);
    this.element.appendChild(this.errors);
    this.list = el("ol", "cgf-items");
    this.element.appendChild(this.list);
    this.undoBox = el("p", "cgf-list__undo");
    this.undoBox.hidden = true;
    this.element.appendChild(this.undoBox);
    this.addButton = el("button", "cgf-button cgf-list__add", ctx.t("form.add", { label: itemLabel(node, ctx) }));
    this.addButton.type = "button";
    this.element.appendChild(this.addButton);
    this.handle = uid("handle");  // each list its own handle class: dragging a nested item moves only that item
    (Array.isArray(data) ? data : []).forEach(function (value) { self.insert(value, self.items.length); });
    this.addButton.addEventListener("click", function () {
      var item = self.insert(undefined, self.items.length);
      self.renumber();
      self.changed();
      item.comp.focusTarget().focus();
    });
    var V = window.cgStudioVendor;
    if (V && V.Sortable) {
      this.sortable = V.Sortable.create(this.list, {
        handle: "." + this.handle,
        draggable: "." + this.handle + "-item",
        animation: 150,
        onEnd: function (event) {
          if (event.oldIndex === event.newIndex) return;
          var moved = self.items.splice(event.oldIndex, 1)[0];
          self.items.splice(event.newIndex, 0, moved);
          self.renumber();
          self.changed();
          ctx.announce(ctx.t("form.moved", { n: event.newIndex + 1 }));
        },
      });
    }
    this.renumber();
  }
  ListField.prototype = Object.create(Base.prototype);

  function itemLabel(node, ctx) {
    var item = resolve(node.item, ctx);
    return item.label || node.label || "";
  }

  ListField.prototype.insert = function (value, index) {
    var self = this;
    var ctx = this.ctx;
    var li = el("li", "cgf-item " + this.handle + "-item");
    var record = { li: li, comp: null };
    var bar = el("div", "cgf-item__bar");
    var handle = el("span", "cgf-handle " + this.handle, "⠿");
    handle.title = ctx.t("form.drag");
    handle.setAttribute("aria-hidden", "true");
    var title = el("span", "cgf-item__title");
    title.id = uid("item");
    var tools = el("span", "cgf-item__tools");
    var buttons = {};
    [["up", ctx.t("form.up")], ["down", ctx.t("form.down")], ["duplicate", ctx.t("form.duplicate")], ["remove", ctx.t("form.remove")]].forEach(function (pair) {
      var button = el("button", "cgf-button cgf-button--small cgf-item__" + pair[0], pair[1]);
      button.type = "button";
      button.setAttribute("aria-describedby", title.id);
      tools.appendChild(button);
      buttons[pair[0]] = button;
    });
    bar.appendChild(handle);
    bar.appendChild(title);
    bar.appendChild(tools);
    li.appendChild(bar);
    record.bar = bar;
    record.title = title;
    record.buttons = buttons;
    record.comp = build(this.labelledItem(), value, ctx, { parent: this, key: null, required: true, present: value !== undefined, plain: true });
    li.appendChild(record.comp.element);
    li.setAttribute("aria-labelledby", title.id);
    li.setAttribute("role", "group");
    buttons.up.addEventListener("click", function () { self.move(record, -1, buttons.up); });
    buttons.down.addEventListener("click", function () { self.move(record, 1, buttons.down); });
    buttons.duplicate.addEventListener("click", function () { self.duplicate(record); });
    buttons.remove.addEventListener("click", function () { self.remove(record); });
    li.addEventListener("keydown", function (event) {
      if (!event.altKey || event.defaultPrevented || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
      event.preventDefault();
      event.stopPropagation();
      self.move(record, event.key === "ArrowUp" ? -1 : 1, document.activeElement);
    });
    this.items.splice(index, 0, record);
    this.list.insertBefore(li, this.list.children[index] || null);
    return record;
  };
  /* The item's description, named after the list when it has no name of its own (a line of 课程收益, a question of
     题目): every control then has a label. */
  ListField.prototype.labelledItem = function () {
    var item = this.itemNode;
    if (item.label || resolve(item, this.ctx).label || !this.node.label) return item;
    var named = {};
    Object.keys(item).forEach(function (key) { named[key] = item[key]; });
    named.label = this.node.label;
    return named;
  };
  ListField.prototype.renumber = function () {
    var self = this;
    var count = this.items.length;
    var max = this.node.max_items;
    var min = this.node.min_items || 0;
    this.items.forEach(function (record, index) {
      self.summarize(record, index);
      record.buttons.up.disabled = index === 0;
      record.buttons.down.disabled = index === count - 1;
      record.buttons.duplicate.disabled = typeof max === "number" && count >= max;
      record.buttons.remove.disabled = count <= min;
    });
    this.addButton.disabled = typeof max === "number" && count >= max;
  };
  ListField.prototype.summarize = function (record, index) {
    var summary = plainSummary(record.comp.value());
    record.title.textContent = this.ctx.t("form.item", { n: index + 1 }) + (summary ? this.ctx.t("form.item_summary", { text: summary }) : "");
  };
  ListField.prototype.childChanged = function (comp) {
    var index = this.indexOf(comp);
    if (index >= 0) this.summarize(this.items[index], index);
    this.changed();
  };
  ListField.prototype.indexOf = function (comp) {
    for (var i = 0; i < this.items.length; i += 1) if (this.items[i].comp === comp) return i;
    return -1;
  };
  ListField.prototype.move = function (record, step, focus) {
    var from = this.items.indexOf(record);
    var to = from + step;
    if (from < 0 || to < 0 || to >= this.items.length) return;
    this.items.splice(from, 1);
    this.items.splice(to, 0, record);
    var next = this.items[to + 1];
    this.list.insertBefore(record.li, next ? next.li : null);
    this.renumber();
    if (focus && focus.disabled) focus = record.buttons[step < 0 ? "down" : "up"];
    if (focus && typeof focus.focus === "function") focus.focus();
    this.changed();
    this.ctx.announce(this.ctx.t("form.moved", { n: to + 1 }));
  };
  ListField.prototype.duplicate = function (record) {
    var index = this.items.indexOf(record);
    var copy = clone(record.comp.value());
    var hadId = isObject(copy) && Object.prototype.hasOwnProperty.call(copy, "id");
    if (hadId) delete copy.id;  // ids are unique: the copy gets one made from its title
    var made = this.insert(copy, index + 1);
    this.renumber();
    this.changed();
    made.comp.focusTarget().focus();
    this.ctx.announce(this.ctx.t("form.duplicated", { n: index + 2 }));
    if (hadId && typeof made.comp.makeId === "function") return made.comp.makeId();
    return Promise.resolve();
  };
  ListField.prototype.remove = function (record) {
    var self = this;
    var index = this.items.indexOf(record);
    if (index < 0) return;
    var kept = record.comp.value();
    record.comp.destroy();
    this.items.splice(index, 1);
    this.list.removeChild(record.li);
    this.renumber();
    this.changed();
    this.undoBox.textContent = "";
    this.undoBox.appendChild(document.createTextNode(this.ctx.t("form.deleted", { n: index + 1 })));
    var restore = el("button", "cgf-button cgf-button--small", this.ctx.t("form.restore"));
    restore.type = "button";
    restore.addEventListener("click", function () {
      var at = Math.min(index, self.items.length);
      var back = self.insert(kept, at);
      self.undoBox.hidden = true;
      self.renumber();
      self.changed();
      back.comp.focusTarget().focus();
    });
    this.undoBox.appendChild(restore);
    this.undoBox.hidden = false;
    restore.focus();  // right after a deletion, the likeliest next key is the one that brings it back
    this.ctx.announce(this.ctx.t("form.deleted", { n: index + 1 }));
  };
  ListField.prototype.value = function () {
    if (!this.items.length) return this.required ? [] : undefined;
    return this.items.map(function (record) {
      var value = record.comp.value();
      return value === undefined ? null : value;
    });
  };
  ListField.prototype.child = function (index) {
    var record = this.items[Number(index)];
    return record ? record.comp : null;
  };
  ListField.prototype.pathOf = function (comp) {
    return this.path().concat([this.indexOf(comp)]);
  };
  ListField.prototype.focusTarget = function () {
    return this.items.length ? this.items[0].comp.focusTarget() : this.addButton;
  };
  ListField.prototype.destroy = function () {
    this.items.forEach(function (record) { record.comp.destroy(); });
    if (this.sortable) this.sortable.destroy();
  };

  /* ---------------------------------------------------------------- building */

  /* A ref replaced by its def, the ref's own label and help (when given) over the def's. */
  function resolve(node, ctx) {
    var seen = 0;
    while (node && node.kind === "ref") {
      var target = ctx.defs[node.ref];
      if (!target || (seen += 1) > 50) return { kind: "any", label: node.label };
      var merged = {};
      Object.keys(target).forEach(function (key) { merged[key] = target[key]; });
      if (node.label) merged.label = node.label;
      if (node.help) merged.help = node.help;
      if (node["default"] !== undefined) merged["default"] = node["default"];
      node = merged;
    }
    return node || { kind: "any" };
  }

  function fits(kind, data) {
    if (data === undefined || data === null) return true;
    switch (kind) {
      case "object": case "union": return isObject(data);
      case "list": return Array.isArray(data);
      case "text": case "markdown": case "id": return typeof data === "string" || typeof data === "number";
      case "integer": case "number": return typeof data === "number" || typeof data === "string";
      case "boolean": return typeof data === "boolean";
      case "choice": return true;
      case "date": case "datetime": case "time": return typeof data === "string";
      default: return true;
    }
  }

  var KINDS = {
    text: TextField, id: TextField, markdown: MarkdownField, integer: NumberField, number: NumberField,
    boolean: BooleanField, choice: ChoiceField, date: DateField, datetime: DateField, time: DateField,
    object: ObjectField, union: UnionField, list: ListField, any: AnyField,
  };

  function build(rawNode, data, ctx, info) {
    if (rawNode && rawNode.kind === "text_or") return new TextOrField(rawNode, data, ctx, info);
    var node = resolve(rawNode, ctx);
    if (data === null) data = undefined;
    var Kind = KINDS[node.kind];
    if (!Kind || !fits(node.kind, data)) return new AnyField(node, data, ctx, info);
    if ((node.kind === "object" || node.kind === "union") && info.parent && !info.required && !info.force && !(info.parent instanceof ListField)) {
      return new OptionalGroup(node, data, ctx, info);
    }
    return new Kind(node, data, ctx, info);
  }

  /* A point: one line of text, or a title with a body and sub-points (edited as that object). The line has a button
     that turns it into the object, its text the title, so a trainer can add a body or sub-points without YAML; the
     title has one that turns the object back into a line, its title the text. With the body and sub-points empty
     that loses nothing; when they are not, they go as a deleted list item goes: at once, with 恢复 to bring them
     back (until the point is turned again), not after a question the trainer has to answer first. */
  function TextOrField(node, data, ctx, info) {
    Base.call(this, ctx, info);
    this.node = node;
    this.element = el("div", "cgf-textor");
    this.draw(data, isObject(data));
  }
  TextOrField.prototype = Object.create(Base.prototype);
  TextOrField.prototype.draw = function (data, asObject) {
    var self = this;
    var node = this.node;
    var label = node.label || resolve({ kind: "ref", ref: node.ref }, this.ctx).label;
    var shape = asObject ? { kind: "ref", ref: node.ref } : { kind: "text" };
    shape.label = label;
    shape.help = node.help;
    if (this.inner) this.inner.destroy();
    this.element.textContent = "";
    this.inner = build(shape, data, this.ctx, {
      parent: this, key: this.key, required: this.required, present: this.present, plain: this.info.plain,
    });
    this.errors = this.inner.errors;
    this.described = this.inner.described;
    this.element.appendChild(this.inner.element);
    if (asObject) {
      this.drawCollapse();
      return;
    }
    var expand = el("button", "cgf-button cgf-button--small cgf-textor__expand", this.ctx.t("form.expand_point"));
    expand.type = "button";
    expand.setAttribute("aria-describedby", this.inner.control.id);
    expand.addEventListener("click", function () {
      var line = self.inner.control.value;
      self.draw({ title: line }, true);
      self.changed();
      var body = self.inner.child("body");
      (body || self.inner).focusTarget().focus();
    });
    this.inner.element.insertBefore(expand, this.inner.errors);
  };
  /* The button back to one line, under the title where the line's button to expand it was. */
  TextOrField.prototype.drawCollapse = function () {
    var self = this;
    var title = this.inner.child("title");
    var collapse = el("button", "cgf-button cgf-button--small cgf-textor__collapse", this.ctx.t("form.collapse_point"));
    collapse.type = "button";
    if (title && title.control) collapse.setAttribute("aria-describedby", title.control.id);
    collapse.addEventListener("click", function () { self.collapse(); });
    if (title) title.element.insertBefore(collapse, title.errors);
    else this.inner.element.appendChild(collapse);
  };
  TextOrField.prototype.collapse = function () {
    var self = this;
    var before = this.inner.value();
    var line = typeof before.title === "string" ? before.title : "";
    var lost = Object.keys(before).some(function (key) { return key !== "title" && !isEmpty(before[key]); });
    this.draw(line, false);
    this.changed();
    this.inner.focusTarget().focus();
    if (!lost) return;
    var note = el("p", "cgf-textor__undo", this.ctx.t("form.collapsed"));
    var restore = el("button", "cgf-button cgf-button--small", this.ctx.t("form.restore"));
    restore.type = "button";
    restore.addEventListener("click", function () {
      self.draw(before, true);
      self.changed();
      self.inner.focusTarget().focus();
    });
    note.appendChild(restore);
    this.element.appendChild(note);
    this.ctx.announce(this.ctx.t("form.collapsed"));
  };
  TextOrField.prototype.value = function () { return this.inner.value(); };
  TextOrField.prototype.child = function (key) { return this.inner.child(key); };
  TextOrField.prototype.pathOf = function () { return this.path(); };
  TextOrField.prototype.focusTarget = function () { return this.inner.focusTarget(); };
  TextOrField.prototype.destroy = function () { this.inner.destroy(); };

  /* ---------------------------------------------------------------- problems */

  function ProblemView(container, ctx) {
    this.ctx = ctx;
    this.box = el("div", "cgf-summary");
    this.box.tabIndex = -1;
    this.box.hidden = true;
    container.appendChild(this.box);
    this.marked = [];
  }
  ProblemView.prototype.clear = function () {
    this.marked.forEach(function (mark) {
      if (mark.message.parentNode) mark.message.parentNode.removeChild(mark.message);
      if (mark.control) {
        mark.control.removeAttribute("aria-invalid");
        describe(mark.control, (mark.control.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id !== mark.message.id; }));
      }
    });
    this.marked = [];
    this.box.textContent = "";
    this.box.hidden = true;
  };
  ProblemView.prototype.show = function (root, problems) {
    var self = this;
    var ctx = this.ctx;
    this.clear();
    problems = problems || [];
    if (!problems.length) return;
    var heading = el("p", "cgf-summary__title", ctx.t("form.problems", { n: problems.length }));
    var list = el("ul", "cgf-summary__list");
    problems.forEach(function (problem) {
      var target = root;
      var path = Array.isArray(problem.path) ? problem.path : null;
      if (path) {
        for (var i = 0; i < path.length; i += 1) {
          var next = target.child(path[i]);
          if (!next) break;
          target = next;
        }
      }
      var message = el("p", "cgf-error cgf-error--" + (problem.severity || "error"));
      message.id = uid("err");
      message.textContent = problem.message;
      if (problem.hint) message.appendChild(el("span", "cgf-error__hint", ctx.t("form.hint", { hint: problem.hint })));
      var item = el("li", "cgf-summary__item cgf-summary__item--" + (problem.severity || "error"));
      var control = null;
      if (path && target.errors) {
        target.errors.appendChild(message);
        control = target.described || null;  // a group (fieldset) has its message under its legend, no state
        if (control) {
          if ((problem.severity || "error") === "error") control.setAttribute("aria-invalid", "true");
          var ids = (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
          ids.push(message.id);
          describe(control, ids);
        }
        self.marked.push({ message: message, control: control });
        var link = el("a", "cgf-summary__link", problem.message);
        var focusable = target.focusTarget();
        if (!focusable.id) focusable.id = uid("target");
        link.href = "#" + focusable.id;
        link.addEventListener("click", function (event) {
          event.preventDefault();
          var goal = target.focusTarget();
          if (!goal.hasAttribute("tabindex") && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(goal.tagName) && !goal.isContentEditable) goal.tabIndex = -1;
          goal.scrollIntoView({ block: "center" });
          goal.focus({ preventScroll: true });
        });
        item.appendChild(link);
      } else {
        item.appendChild(document.createTextNode(problem.line ? ctx.t("form.line", { line: problem.line, message: problem.message }) : problem.message));
      }
      if (problem.hint && !(path && target.errors)) item.appendChild(el("span", "cgf-error__hint", ctx.t("form.hint", { hint: problem.hint })));
      list.appendChild(item);
    });
    this.box.appendChild(heading);
    this.box.appendChild(list);
    this.box.hidden = false;
  };

  /* ---------------------------------------------------------------- the one entry point */

  function render(container, form, data, strings, onChange, options) {
    options = options || {};
    var live = el("div", "cgf-live");
    live.setAttribute("aria-live", "polite");
    var ctx = {
      t: translator(strings || {}),
      defs: (form && form.defs) || {},
      request: options.request || request,
      file: options.file || "",
      changed: function () { if (onChange) onChange(handle.value()); },
      announce: function (text) {
        live.textContent = "";
        window.setTimeout(function () { live.textContent = text; }, 30);
      },
    };
    container.textContent = "";
    var wrapper = el("div", "cgf");
    container.appendChild(wrapper);
    var problems = new ProblemView(wrapper, ctx);
    var note = el("p", "cgf-legend-note", ctx.t("form.required_note"));
    wrapper.appendChild(note);
    var root = build(form.root, data, ctx, { parent: null, key: null, required: true, present: true });
    wrapper.appendChild(root.element);
    wrapper.appendChild(live);
    var handle = {
      value: function () { return root.value(); },
      showProblems: function (list) { problems.show(root, list); },
      problemsBox: problems.box,
      element: wrapper,
      /* The component at a data path (["questions", 2, "options"]), or null: for tests and the shell. */
      at: function (path) {
        var node = root;
        for (var i = 0; i < path.length && node; i += 1) node = node.child(path[i]);
        return node || null;
      },
      destroy: function () { root.destroy(); container.textContent = ""; },
    };
    return handle;
  }

  window.cgStudioForm = { render: render, request: request, translator: translator };
})();
