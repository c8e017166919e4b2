/* coursegen interactions: a scored question (an item of coursegen:quiz-scored) as type, response and correct
   patterns, lettered in the trainer's order; for cg-scorm-dialects.js and cg-xapi.js, each with its delimiters. */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;

  /* SCORM 1.2 allows only single characters 0-9 and a-z: all use these. */
  var LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
  /* Cloze and drag the words: fill-in, one text per blank. A hotspot has no type of its own in either standard:
     xAPI and SCORM 2004 say "other", SCORM 1.2 "performance" (its dialect's own, cg-scorm-dialects.js). */
  var TYPES = { single: "choice", multiple: "choice", true_false: "true-false", fill: "fill-in", ordering: "sequencing", matching: "matching",
    cloze: "fill-in", numeric: "numeric", dragwords: "fill-in", hotspot: "other" };

  /* At most `max` UTF-16 units, never half of a surrogate pair. */
  function cut(text, max) {
    var s = String(text);
    if (s.length <= max) return s;
    s = s.slice(0, max);
    return /[\ud800-\udbff]$/.test(s) ? s.slice(0, -1) : s;
  }

  function letter(i) { return i === (i | 0) && i >= 0 && i < LETTERS.length ? LETTERS.charAt(i) : null; }

  function letters(list) {
    var out = list.map(letter);
    return out.indexOf(null) >= 0 ? null : out;
  }

  /* Matching pairs "left{pair}right"; an unmatched left item (-1) is left out. */
  function pairs(list, d) {
    var out = [];
    for (var i = 0; i < list.length; i++) {
      if (list[i] < 0) continue;
      if (letter(i) === null || letter(list[i]) === null) return null;
      out.push(letter(i) + d.pair + letter(list[i]));
    }
    return out.join(d.list);
  }

  /* A matching question's right item, by its place as shown, as the number it is lettered by: a pair's right
     side by its pair; a distractor (no pair's) after all pairs, in the order the page shows the distractors. */
  function rightLetterOf(key, shown) {
    var at = key.indexOf(shown), before = 0;
    if (at >= 0) return at;
    for (var j = 0; j < shown; j++) if (key.indexOf(j) < 0) before++;
    return key.length + before;
  }

  /* {response, correct: [patterns]} in a dialect's delimiters; null when not expressible. */
  function encode(item, d) {
    var a = item.answer, k = item.key, response = "", correct = [];
    switch (item.type) {
      case "single":
        correct = letters(k);
        if (a !== null) response = letter(a);
        break;
      case "multiple":
        correct = letters(k) && [letters(k).join(d.list)];
        response = letters(a) && letters(a).join(d.list);
        break;
      case "true_false":
        correct = [d.truth[k ? 0 : 1]];
        if (a !== null) response = d.truth[a ? 0 : 1];
        break;
      case "fill":
        correct = k.slice(0, 10).map(d.text);
        response = d.text(a);
        break;
      case "ordering":
        // Shown scrambled; lettered in the trainer's order (the key's), as is matching's right column.
        correct = letters(k.map(function (_, i) { return i; }));
        correct = correct && [correct.join(d.list)];
        response = letters(a.map(function (shown) { return k.indexOf(shown); }));
        response = response && response.join(d.list);
        break;
      case "matching":
        correct = pairs(k.map(function (_, i) { return i; }), d);
        correct = correct === null ? null : [correct];
        response = pairs(a.map(function (shown) { return shown < 0 ? -1 : rightLetterOf(k, shown); }), d);
        break;
      case "hotspot":
        // The point clicked or chosen, "x,y" in percent of the picture; right is any point in the areas named.
        correct = [d.text(k.join(" / "))];
        if (a !== null) response = a[0] + "," + a[1];
        break;
      case "cloze":  /* each blank's first accepted answer */
        correct = [d.texts(k.map(function (accepted) { return accepted[0]; }))];
        response = d.texts(a);
        break;
      case "dragwords":
        correct = [d.texts(k.map(function (i) { return item.words[i]; }))];
        response = d.texts(a.map(function (i) { return i >= 0 ? item.words[i] : ""; }));
        break;
      case "numeric":
        correct = [d.range(k[0], k[1])];
        response = item.value === null ? "" : String(item.value);
        break;
      default:
        return null;
    }
    if (!correct || response === null || item.options > LETTERS.length) return null;
    return { response: response, correct: correct };
  }

  var standard = {
    list: "[,]", pair: "[.]", truth: ["true", "false"],
    /* At most 250 characters; "{" may not open it (a tag), "[,]" would split it. */
    text: function (s) {
      return cut(String(s).trim().split("[,]").join(",").split("[.]").join(".").replace(/^\{+/, ""), 250);
    },
    texts: function (list) { return list.map(standard.text).join("[,]"); },
    range: function (low, high) { return low === high ? String(low) : low + "[:]" + high; }
  };

  cg.interactions = { TYPES: TYPES, cut: cut, letter: letter, encode: encode, standard: standard };
})();
