/* coursegen interactions: a scored question (an item of coursegen:quiz-scored) as type, response and correct
   patterns, lettered in the trainer's order; for cg-scorm-dialects.js and cg-xapi.js, each with its delimiters. */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;

  /* SCORM 1.2 allows only single characters 0-9 and a-z: all use these. */
  var LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
  var TYPES = { single: "choice", multiple: "choice", true_false: "true-false", fill: "fill-in", ordering: "sequencing", matching: "matching" };

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

  /* Matching pairs "left.right" (1.2) or "left[.]right" (2004, xAPI); an unmatched left item (-1) is left out. */
  function pairs(list, d) {
    var out = [];
    for (var i = 0; i < list.length; i++) {
      if (list[i] < 0) continue;
      if (letter(i) === null || letter(list[i]) === null) return null;
      out.push(letter(i) + d.pair + letter(list[i]));
    }
    return out.join(d.list);
  }

  /* The learner's answer and the correct patterns in a dialect's delimiters; null when not expressible. */
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
        // The page shows the items scrambled; their letters follow the trainer's order (the key's).
        correct = letters(k.map(function (_, i) { return i; }));
        correct = correct && [correct.join(d.list)];
        response = letters(a.map(function (shown) { return k.indexOf(shown); }));
        response = response && response.join(d.list);
        break;
      case "matching":
        // Likewise the right column: right items are lettered by the pair they were written in.
        correct = pairs(k.map(function (_, i) { return i; }), d);
        correct = correct === null ? null : [correct];
        response = pairs(a.map(function (shown) { return shown < 0 ? -1 : k.indexOf(shown); }), d);
        break;
      default:
        return null;
    }
    if (!correct || response === null || item.options > LETTERS.length) return null;
    return { response: response, correct: correct };
  }

  var standard = {
    list: "[,]", pair: "[.]", truth: ["true", "false"],
    /* A string of at most 250 characters; "{" may not open it (a language tag), "[,]" would split it. */
    text: function (s) {
      return cut(String(s).trim().split("[,]").join(",").split("[.]").join(".").replace(/^\{+/, ""), 250);
    }
  };

  cg.interactions = { TYPES: TYPES, cut: cut, letter: letter, encode: encode, standard: standard };
})();
