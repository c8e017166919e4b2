/* coursegen search: the sections holding exactly what the trainee typed, in Material's search dialog.

   The index (generator/builder/search_index.py) lists, for every pair of neighbouring characters, the
   sections holding it and where; a query of two or more characters is a hit where its pairs stand one
   after another, so every hit holds the whole query. Words separated by spaces must all be there.
   Only the files a query needs are loaded: the meta file (titles), one shard per pair, and the text
   chunks of the results shown, each a script (coursegen.load), so this works from file:// and in an LMS.
   With the theme's search.highlight feature, a result's address carries the query (?mark=) and the page
   opened from it marks the query in its text, as Material's own search does with ?h=. Not ?h= itself: Zensical's
   script marks ?h= on its own, without folding, inside the widgets too, and over coursegen's marks. */
(function () {
  "use strict";
  var cg = window.coursegen;
  var dialog = document.querySelector("[data-cg-search]");
  if (!cg || !dialog) return;
  var root = document.currentScript ? document.currentScript.src.replace(/assets\/coursegen\/[^/]*$/, "") : "";
  var toggle = document.getElementById("__search");
  var input = dialog.querySelector(".md-search__input");
  var form = dialog.querySelector("form");
  var meta = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  var scrollwrap = dialog.querySelector(".md-search__scrollwrap");
  var PAGE = 10, PER_PAGE_SECTIONS = 3, BEFORE = 30, AFTER = 60;
  var index = null, grams = {}, latest = 0, shown = [], rendered = 0, go = false, asked = "";
  var highlighting = dialog.hasAttribute("data-highlight");  /* the theme's search.highlight feature */
  var PHONE = window.matchMedia("(max-width: 59.984375em)");
  var MARK = "mark";

  /* As search_index.fold: NFKC (full-width letters and digits become half-width), then lower case. */
  function fold(text) { return text.normalize("NFKC").toLowerCase(); }

  function shardOf(gram, shards) {
    var h = 0;
    for (var ch of gram) h = (h * 31 + ch.codePointAt(0)) % 1000003;
    return h % shards;
  }

  function gramsOf(term) {
    var chars = Array.from(term);
    if (chars.length === 1) return chars;
    var out = [];
    for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    return out;
  }

  function loadAll(names, done) {
    var left = names.length, failed = false, values = {};
    if (!left) return done(values);
    names.forEach(function (name) {
      cg.load(name, function (value) {
        if (value === null) failed = true;
        values[name] = value;
        if (--left === 0) done(failed ? null : values);
      });
    });
  }

  function loadIndex(done) {
    if (index) return done(index);
    cg.load("search/meta.js", function (value) {
      if (value) {
        index = value;
        index.folded = value.sections.map(function (s) { return fold(s[2]); });
        index.pageFolded = value.pages.map(function (p) { return fold(p[1]); });
      }
      done(index);
    });
  }

  /* A gram's sections: {section: [positions]} for a pair, {section: []} for a single character. */
  function postings(gram, shard) {
    if (grams[gram]) return grams[gram];
    var numbers = shard[gram] || [], found = {}, section = 0, i = 0;
    var pair = Array.from(gram).length === 2;
    while (i < numbers.length) {
      section += numbers[i];
      if (!pair) { found[section] = []; i += 1; continue; }
      var count = numbers[i + 1], at = numbers[i + 2], positions = [at];
      for (var j = 1; j < count; j++) { at += numbers[i + 2 + j]; positions.push(at); }
      found[section] = positions;
      i += 2 + count;
    }
    return (grams[gram] = found);
  }

  /* {section: number of occurrences} of one term: where its pairs follow each other. */
  function occurrences(term, shards) {
    var pairs = gramsOf(term), first = postings(pairs[0], shards[pairs[0]]), hits = {};
    if (pairs.length === 1 && Array.from(term).length === 1) {
      Object.keys(first).forEach(function (s) { hits[s] = 1; });
      return hits;
    }
    var rest = pairs.slice(1).map(function (g) { return postings(g, shards[g]); });
    Object.keys(first).forEach(function (s) {
      var starts = first[s];
      for (var k = 0; k < rest.length && starts.length; k++) {
        var at = rest[k][s];
        if (!at) { starts = []; break; }
        var set = new Set(at), offset = k + 1;
        starts = starts.filter(function (p) { return set.has(p + offset); });
      }
      if (starts.length) hits[s] = starts.length;
    });
    return hits;
  }

  function contains(text, term) { return text.indexOf(term) >= 0; }

  /* Sections holding every term, grouped by page, best first: a hit in the section's title, then in the
     page's title, then the kind of page (lecture before quiz), then whole-word hits, then site order. */
  function rank(terms, shards) {
    var found = terms.map(function (t) { return occurrences(t, shards); });
    var sections = Object.keys(found[0]).filter(function (s) {
      return found.every(function (f) { return f[s]; });
    }).map(function (s) {
      var n = Number(s), entry = index.sections[n], page = entry[0];
      var words = 0;
      terms.forEach(function (t, i) { if (Array.from(t).length > 1) words += found[i][s]; });
      return {
        n: n, page: page,
        key: [
          -terms.filter(function (t) { return contains(index.folded[n], t); }).length,
          -terms.filter(function (t) { return contains(index.pageFolded[page], t); }).length,
          index.pages[page][2], -Math.min(words, 9), n
        ]
      };
    });
    sections.sort(function (a, b) {
      for (var i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
      return 0;
    });
    var pages = [], byPage = {};
    sections.forEach(function (s) {
      if (!byPage[s.page]) pages.push(byPage[s.page] = { page: s.page, sections: [] });
      byPage[s.page].sections.push(s.n);
    });
    return pages;
  }

  function search(query) {
    var terms = Array.from(new Set(fold(query).split(/\s+/).filter(Boolean))), key = terms.join(" ");
    /* The same words again (typed, then the key that committed them): the search under way or shown answers them.
       Another would empty the list and fill it again under the trainee's eyes; Enter still opens the best result. */
    if (key && key === asked) {
      if (dialog.getAttribute("data-shown") === key) shownAll(meta.textContent, terms);
      return;
    }
    asked = key;
    var ticket = ++latest;
    if (!terms.length) return show(ticket, [], []);
    loadIndex(function (loaded) {
      if (ticket !== latest) return;
      if (!loaded) return fail();
      var names = {};
      terms.forEach(function (t) {
        gramsOf(t).forEach(function (g) { names[g] = "search/g" + shardOf(g, index.shards) + ".js"; });
      });
      var files = Array.from(new Set(Object.values(names)));
      loadAll(files, function (values) {
        if (ticket !== latest) return;
        if (!values) return fail();
        var shards = {};
        Object.keys(names).forEach(function (g) { shards[g] = values[names[g]]; });
        show(ticket, terms, rank(terms, shards));
      });
    });
  }

  function fail() {
    asked = "";  /* the same words may be tried again */
    meta.textContent = cg.t("search.unavailable");
    list.replaceChildren();
  }

  function show(ticket, terms, pages) {
    shown = pages;
    rendered = 0;
    list.replaceChildren();
    dialog.setAttribute("data-terms", JSON.stringify(terms));
    var n = pages.length;
    var line = !terms.length ? dialog.dataset.placeholder
      : n === 0 ? dialog.dataset.none : n === 1 ? dialog.dataset.one : dialog.dataset.other.replace("#", n);
    if (n) more(ticket, terms, line); else shownAll(line, terms);
  }

  /* The result line, and the folded query it answers (data-shown): what a test waits for. */
  function shownAll(line, terms) {
    meta.textContent = line;
    dialog.setAttribute("data-shown", terms.join(" "));
    var first = list.querySelector(".md-search-result__link");
    if (go && first) first.click();
    go = false;
  }

  /* The next results, once their text chunks are there: ten at first, ten more at each scroll to the end.
     The count (``line``) shows with the first ten, so what it counts is on screen when it changes. */
  function more(ticket, terms, line) {
    var batch = shown.slice(rendered, rendered + PAGE);
    if (!batch.length) return;
    rendered += batch.length;
    var chunks = {};
    batch.forEach(function (p) {
      p.sections.slice(0, PER_PAGE_SECTIONS).forEach(function (s) { chunks["search/t" + Math.floor(s / index.chunk) + ".js"] = true; });
    });
    loadAll(Object.keys(chunks), function (values) {
      if (ticket !== latest) return;
      if (!values) return fail();
      batch.forEach(function (p) { list.appendChild(item(p, terms, values)); });
      if (line) shownAll(line, terms);
    });
  }

  function textOf(section, values) {
    var chunk = values["search/t" + Math.floor(section / index.chunk) + ".js"];
    return chunk[section % index.chunk] || "";
  }

  /* A section's address; with search.highlight, the query to mark before the anchor. */
  function href(section, terms) {
    var entry = index.sections[section], address = index.pages[entry[0]][0];
    var query = highlighting && terms.length ? "?" + MARK + "=" + encodeURIComponent(terms.join(" ")) : "";
    return root + address + query + (entry[1] ? "#" + entry[1] : "");
  }

  /* One section of a result: the page's first one with its icon and title, the others as teasers. */
  function sectionLink(result, section, first, terms, values) {
    var entry = index.sections[section], page = index.pages[result.page];
    var article = cg.el("article", { "class": "md-search-result__article md-typeset" + (first ? " md-search-result__article--document" : "") });
    if (first) {
      article.appendChild(cg.el("div", { "class": "md-search-result__icon md-icon" }));
      article.appendChild(marked("h1", page[1], terms));
    }
    if (entry[1] && (!first || entry[2] !== page[1])) article.appendChild(marked("h2", entry[2], terms));
    article.appendChild(excerpt(textOf(section, values), terms));
    return cg.el("a", { "class": "md-search-result__link", href: href(section, terms), tabindex: "-1" }, [article]);
  }

  function item(result, terms, values) {
    var li = cg.el("li", { "class": "md-search-result__item" });
    result.sections.slice(0, PER_PAGE_SECTIONS).forEach(function (section, i) {
      li.appendChild(sectionLink(result, section, i === 0, terms, values));
    });
    var rest = result.sections.slice(PER_PAGE_SECTIONS);
    if (rest.length) li.appendChild(moreOnPage(result, rest, terms));
    return li;
  }

  /* "在该页上还有 N 个符合条件的结果" as Material writes it: a <details> whose summary opens the page's other
     sections; their text chunks are loaded when it is first opened, so a search still loads only what it shows. */
  function moreOnPage(result, rest, terms) {
    var line = rest.length === 1 ? dialog.dataset.moreOne : dialog.dataset.moreOther.replace("#", rest.length);
    var details = cg.el("details", { "class": "md-search-result__more" }, [
      cg.el("summary", { tabindex: "-1" }, [cg.el("div", { text: line })])
    ]);
    var ticket = latest;
    details.addEventListener("toggle", function filled() {
      if (!details.open) return;
      details.removeEventListener("toggle", filled);
      var chunks = {};
      rest.forEach(function (s) { chunks["search/t" + Math.floor(s / index.chunk) + ".js"] = true; });
      loadAll(Object.keys(chunks), function (values) {
        if (ticket !== latest || !values) return;
        rest.forEach(function (section) { details.appendChild(sectionLink(result, section, false, terms, values)); });
        details.setAttribute("data-filled", "");
      });
    });
    return details;
  }

  /* Where in ``text`` each term stands, as [start, end) ranges of the original text, found on its folded
     form: folding may change a character's length (NFKC), so each folded character remembers its origin. */
  function ranges(text, terms) {
    var folded = "", origin = [], offset = 0;
    for (var ch of text) {
      var f = fold(ch);
      for (var k = 0; k < f.length; k++) origin.push(offset);
      folded += f;
      offset += ch.length;
    }
    origin.push(offset);
    var out = [];
    terms.forEach(function (t) {
      for (var at = folded.indexOf(t); at >= 0; at = folded.indexOf(t, at + t.length)) {
        out.push([origin[at], origin[at + t.length] === undefined ? offset : origin[at + t.length]]);
      }
    });
    return out.sort(function (a, b) { return a[0] - b[0]; });
  }

  /* ``text`` from ``from`` to ``to`` into ``node``, each hit of a term in a <mark>; the number of hits. */
  function markInto(node, text, terms, from, to) {
    var at = from || 0, end = to === undefined ? text.length : to, hits = 0;
    ranges(text, terms).forEach(function (r) {
      if (r[0] < at || r[1] > end) return;
      node.appendChild(document.createTextNode(text.slice(at, r[0])));
      node.appendChild(cg.el("mark", { text: text.slice(r[0], r[1]) }));
      at = r[1];
      hits++;
    });
    node.appendChild(document.createTextNode(text.slice(at, end)));
    return hits;
  }

  function marked(tag, text, terms, from, to) {
    var node = cg.el(tag);
    markInto(node, text, terms, from, to);
    return node;
  }

  /* Text a page's widgets draw or keep for themselves, and text that is not shown: never marked. */
  var UNMARKED = "script, style, textarea, input, select, option, button, mark, svg, [hidden], [data-search-exclude], .cg-quiz, [data-cg-review], .headerlink";

  /* The page opened from a result marks the query (?mark=) in its text, as Material's search.highlight does:
     text nodes only, split around each hit (folded as the search folds it: full-width letters, case), so the
     page's elements, their listeners and the widgets' own markup stay as they were. */
  function highlight() {
    var query = new URLSearchParams(location.search).get(MARK);
    var article = document.querySelector(".md-content article");
    if (!highlighting || !query || !article) return;
    var terms = Array.from(new Set(fold(query).split(/\s+/).filter(Boolean)));
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) { return node.parentElement.closest(UNMARKED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT; }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var marks = document.createDocumentFragment();
      if (markInto(marks, node.data, terms)) node.replaceWith(marks);
    });
  }

  /* A line of the section around its first hit of the longest term (a title hit may have none in the text). */
  function excerpt(text, terms) {
    var longest = terms.slice().sort(function (a, b) { return b.length - a.length; });
    var hit = ranges(text, longest.slice(0, 1))[0] || ranges(text, terms)[0];
    var start = hit ? Math.max(0, hit[0] - BEFORE) : 0, end = Math.min(text.length, start + BEFORE + AFTER);
    var p = marked("p", text, terms, start, end);
    if (start > 0) p.insertBefore(document.createTextNode("…"), p.firstChild);
    if (end < text.length) p.appendChild(document.createTextNode("…"));
    return p;
  }

  function open() {
    if (toggle && !toggle.checked) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); }
  }

  function close() {
    if (toggle && toggle.checked) { toggle.checked = false; toggle.dispatchEvent(new Event("change")); }
    input.blur();
  }

  /* On a phone the open dialog covers the page, which stops scrolling beneath it (data-md-scrolllock, the
     page's place kept in body's top), as Material does for its own search; Zensical's script does not, and
     its page then scrolled sideways under the dialog's growing overlay, the results panel cut off. */
  var lockedAt = null;
  function lock(open) {
    var body = document.body;
    if (open && PHONE.matches && lockedAt === null) {
      lockedAt = window.scrollY;
      body.style.top = "-" + lockedAt + "px";
      body.setAttribute("data-md-scrolllock", "");
    } else if (!open && lockedAt !== null) {
      var y = lockedAt;
      lockedAt = null;
      body.removeAttribute("data-md-scrolllock");
      body.style.top = "";
      window.scrollTo(0, y);
    }
  }

  var timer = null;
  function soon() {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 80);
  }

  input.addEventListener("focus", open);
  /* Leaving the dialog with the keyboard (Tab) closes it, as Material's own search does. */
  dialog.addEventListener("focusout", function (e) {
    if (!e.relatedTarget || !dialog.contains(e.relatedTarget)) setTimeout(function () {
      if (!dialog.contains(document.activeElement) && !input.value) close();
    });
  });
  input.addEventListener("input", function (e) { if (!e.isComposing) soon(); });
  input.addEventListener("compositionend", soon);
  input.addEventListener("keyup", function (e) { if (e.key !== "Enter" && e.key !== "Escape" && !e.isComposing) soon(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { search(""); input.focus(); }); });
  if (toggle) toggle.addEventListener("change", function () { lock(toggle.checked); if (toggle.checked) input.focus(); });
  cg.onPage(highlight);
  list.addEventListener("click", function (e) { if (e.target.closest("a")) close(); });
  scrollwrap.addEventListener("scroll", function () {
    if (scrollwrap.scrollTop + scrollwrap.clientHeight >= scrollwrap.scrollHeight - 40) more(latest, JSON.parse(dialog.getAttribute("data-terms") || "[]"));
  });

  /* Material's keys for its own search, kept: / s f open it; Esc closes; arrows walk the results; Enter opens one. */
  document.addEventListener("keydown", function (e) {
    var active = document.activeElement, links = Array.from(list.querySelectorAll(".md-search-result__link"));
    var typing = active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName));
    if (toggle && toggle.checked && e.key === "Escape") { close(); e.preventDefault(); }
    else if (toggle && toggle.checked && dialog.contains(active)) {
      var at = links.indexOf(active);
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        var next = e.key === "ArrowDown" ? at + 1 : at - 1;
        if (next < 0) input.focus(); else if (links[Math.min(next, links.length - 1)]) links[Math.min(next, links.length - 1)].focus();
        e.preventDefault();
      } else if (e.key === "Enter" && active === input && !e.isComposing) {
        e.preventDefault();
        go = true;  /* to the best result: at once if it is shown, else when it is */
        clearTimeout(timer);
        search(input.value);
      }
    } else if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && /^[sf/]$/.test(e.key)) {
      open(); input.focus(); input.select(); e.preventDefault();
    }
  });

  /* Loaded when search was first opened (cg-core.js): what the trainee did before it arrived stands. */
  if (toggle && toggle.checked) { lock(true); input.focus(); }
  if (document.activeElement === input) { open(); if (input.value) soon(); }
  if (dialog.hasAttribute("data-entered")) { dialog.removeAttribute("data-entered"); go = true; search(input.value); }
})();
