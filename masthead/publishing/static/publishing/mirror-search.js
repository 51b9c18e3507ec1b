/* Search for a copy of the site (a mirror or an offline bundle), run in the reader's browser.

   The copy has no server to ask, so its search page loads an index of recent stories
   (stories.js, written with the copy) and looks through it here. A query is put in the same
   form as the index, the form masthead.burmese.index_text gives: Zawgyi converted to
   Unicode, Burmese normalised, lower case, split into syllables, words, digit runs and
   punctuation, joined by spaces. Each part of the query the reader separated with a space
   must then appear in a story's headline or standfirst as a run of whole units; the last
   unit may be the start of a Latin word, so "flood" finds "floods". Syllables are matched
   whole, so a Burmese word is found anywhere inside a longer unspaced run of text. */
(function (global) {
  "use strict";

  var VIRAMA = "\u1039", ASAT = "\u103A", DOT_BELOW = "\u1037", GREAT_SA = "\u103F";
  var INDEPENDENT_VOWELS = "\u1023\u1024\u1025\u1026\u1027\u1028\u1029\u102A\u1052\u1053\u1054\u1055";
  var WORD_SYMBOLS = "\u104C\u104D\u104E\u104F";
  var LETTER = /^[\p{Lo}\p{Lm}]$/u, OTHER_LETTER = /^[\p{L}\p{Nl}\p{No}]$/u;
  var MARK = /^[\p{Mn}\p{Mc}]$/u, ATTACHING = /^[\p{Mn}\p{Mc}\p{Me}\p{Cf}]$/u;
  var DECIMAL = /^\p{Nd}$/u, ALNUM = /^[\p{L}\p{N}]$/u, SEPARATOR = /^[\s\u200B]$/u;

  function isMyanmar(c) {
    var n = c ? c.codePointAt(0) : 0;
    return (n >= 0x1000 && n <= 0x109F) || (n >= 0xA9E0 && n <= 0xA9FF) || (n >= 0xAA60 && n <= 0xAA7F);
  }
  function isMyanmarMark(c) { return isMyanmar(c) && MARK.test(c); }
  function isConsonant(c) {
    return isMyanmar(c) && /^\p{Lo}$/u.test(c) && INDEPENDENT_VOWELS.indexOf(c) < 0 && c !== GREAT_SA;
  }
  function startsSyllable(c) {
    return isMyanmar(c) && (LETTER.test(c) || WORD_SYMBOLS.indexOf(c) >= 0 || MARK.test(c));
  }
  function isMyanmarDigit(c) { return isMyanmar(c) && DECIMAL.test(c); }
  function attaches(c) { return !!c && c !== "\u200B" && ATTACHING.test(c); }
  function isOtherAlnum(c) { return !!c && !isMyanmar(c) && ALNUM.test(c); }
  function isOtherDigit(c) { return !!c && !isMyanmar(c) && DECIMAL.test(c); }
  function isOtherLetter(c) { return !!c && !isMyanmar(c) && OTHER_LETTER.test(c); }

  /* --- Zawgyi -------------------------------------------------------------------------------
     Zawgyi reuses Myanmar code points for other letters and is typed in visual order (the
     vowel sign e and the medial ra before their consonant). Readers' phones still type it. */
  var ZAWGYI_SIGNS = [
    /[\u105A\u1060-\u1097\u1033\u1034]/u, // code points Burmese Unicode text never uses
    /\u1039(?![\u1000-\u1021])/u, // Zawgyi's asat; Unicode's virama always stacks a consonant
    /(^|[^\u1000-\u1021\u103A\u103B-\u103E])[\u1031\u103B]/u, // e or ra typed first
    /[\u102B-\u1030\u1032\u1036-\u103A]\u1031/u, // e after a vowel, tone or asat
    /\u103A[\u102B-\u1032\u1036]/u, // Zawgyi's medial ya, read as an asat before a vowel
    /\u1031[\u103B-\u103E]/u, // a medial after e: Zawgyi's medial ra typed before the consonant
  ];
  var ZAWGYI_LETTERS = {
    "\u1039": "\u103A", "\u103A": "\u103B", "\u103B": "\u103C", "\u103C": "\u103D",
    "\u103D": "\u103E", "\u1033": "\u102F", "\u1034": "\u1030", "\u1087": "\u103E",
    "\u1088": "\u103E\u102F", "\u1089": "\u103E\u1030", "\u108A": "\u103D\u103E",
    "\u1094": "\u1037", "\u1095": "\u1037", "\u105A": "\u102B\u103A", "\u106A": "\u1009",
    "\u106B": "\u100A", "\u106E": "\u100D\u1039\u100D", "\u106F": "\u100D\u1039\u100E",
    "\u1086": "\u103F", "\u108E": "\u102D\u1036", "\u108F": "\u1014", "\u1090": "\u101B",
    "\u1091": "\u100F\u1039\u100D", "\u1092": "\u100B\u1039\u100C", "\u1097": "\u100B\u1039\u100B",
    "\u104E": "\u104E\u1004\u103A\u1038", "\u1096": "\u1039\u1010\u103D", "\u107D": "\u103B",
  };
  // Stacked (subscript) consonants, each drawn by a code point of its own in Zawgyi.
  var ZAWGYI_STACKED = {
    "\u1060": "\u1000", "\u1061": "\u1001", "\u1062": "\u1002", "\u1063": "\u1003",
    "\u1065": "\u1005", "\u1066": "\u1006", "\u1067": "\u1006", "\u1068": "\u1007",
    "\u1069": "\u1008", "\u106C": "\u100B", "\u106D": "\u100C", "\u1070": "\u100F",
    "\u1071": "\u1010", "\u1072": "\u1010", "\u1073": "\u1011", "\u1074": "\u1011",
    "\u1075": "\u1012", "\u1076": "\u1013", "\u1077": "\u1014", "\u1078": "\u1015",
    "\u1079": "\u1016", "\u107A": "\u1017", "\u107B": "\u1018", "\u107C": "\u1019",
    "\u1085": "\u101C", "\u1093": "\u1018",
  };
  var KINZI = "\u1004\u103A\u1039";
  var KINZI_WITH = { "\u1064": "", "\u108B": "\u102D", "\u108C": "\u102E", "\u108D": "\u1036" };
  // The digit zero stands for the letter wa in much Zawgyi text.
  var CONSONANT = "[\u1000-\u1021\u1040]";
  var CLUSTER = "((?:" + KINZI + ")?" + CONSONANT + "(?:\u1039" + CONSONANT + ")*)";

  function looksLikeZawgyi(text) {
    return ZAWGYI_SIGNS.some(function (sign) { return sign.test(text); });
  }

  function zawgyiToUnicode(text) {
    var kinziLast = new RegExp("(" + CONSONANT + ")([\u1064\u108B-\u108D])", "gu");
    var unicode = text
      .replace(/[\u1033\u1034\u1039-\u103D\u104E\u105A\u1060-\u1097]/gu, function (c) {
        if (c in ZAWGYI_STACKED) return VIRAMA + ZAWGYI_STACKED[c];
        if (c >= "\u107E" && c <= "\u1084") return "\u103C";
        return c in ZAWGYI_LETTERS ? ZAWGYI_LETTERS[c] : c;
      })
      .replace(kinziLast, function (all, consonant, kinzi) {
        return KINZI + consonant + KINZI_WITH[kinzi];
      })
      .replace(/\u1025\u102E/gu, "\u1026");
    // Visual order to logical order: the consonant first, then ra, the other medials and e.
    var typedFirst = new RegExp("(\u1031?)(\u103C?)" + CLUSTER + "([\u103B\u103D\u103E]*)", "gu");
    return unicode.replace(typedFirst, function (all, e, ra, cluster, medials) {
      return e || ra ? cluster + ra + medials + e : all;
    });
  }

  /* --- Normalisation, as masthead.burmese.normalize -------------------------------------- */
  var SIGN_ORDER = {
    "\u103B": 1, "\u103C": 1, "\u103D": 2, "\u103E": 3, "\u1031": 4, "\u102D": 5, "\u102E": 5,
    "\u1032": 5, "\u102F": 6, "\u1030": 6, "\u102B": 7, "\u102C": 7, "\u1036": 8, "\u1037": 9,
    "\u1038": 10,
  };
  var SIGN_RUN = /[\u102B-\u1032\u1036-\u1038\u103B-\u103E]{2,}/gu;
  var DIGIT = "[\u1040-\u1049]";
  var LETTER_OR_MARK = "[\u1000-\u103F\u1050-\u109F]";

  function normalizeOnce(text) {
    var fixed = text.normalize("NFC")
      .replace(/([\u1000-\u109F])[\u200B\u2060\uFEFF]+(?=[\u1000-\u109F])/gu, "$1")
      .replace(SIGN_RUN, function (run, offset, whole) {
        var before = whole.charAt(offset - 1);
        if (offset === 0 || !isMyanmar(before) || isMyanmarMark(before)) return run;
        return run.split("").map(function (sign, index) { return [SIGN_ORDER[sign], index, sign]; })
          .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
          .map(function (entry) { return entry[2]; }).join("");
      })
      .replace(/\u1038\u103A/gu, "\u103A\u1038")
      .replace(/\u1025(?=\u1037?\u103A)/gu, "\u1009")
      .replace(new RegExp("(^|[^\u1040-\u1049])\u1044(?=\u1004\u103A)", "gu"), "$1\u104E")
      .replace(new RegExp("(^|[^\u1040-\u1049])\u1047(?=[\u102B-\u103E\u1056-\u1059])", "gu"), "$1\u101B")
      .replace(new RegExp("(" + LETTER_OR_MARK + ")\u1040(?![,.]?" + DIGIT + ")", "gu"), "$1\u101D")
      .replace(new RegExp("(^|[^\u1040-\u1049,.])\u1040(?=" + LETTER_OR_MARK + ")", "gu"), "$1\u101D");
    return fixed.normalize("NFC");
  }

  function normalize(text) {
    var current = text;
    for (var pass = 0; pass < 4; pass += 1) {
      var next = normalizeOnce(current);
      if (next === current) break;
      current = next;
    }
    return current;
  }

  /* --- Units: syllables, digit runs, words, single marks (masthead.burmese.syllables) ---- */
  function units(text) {
    var chars = Array.from(text), found = [], i = 0;
    function take(start) { found.push(chars.slice(start, i).join("")); }
    while (i < chars.length) {
      var c = chars[i], start = i;
      if (SEPARATOR.test(c)) { i += 1; continue; }
      i += 1;
      if (startsSyllable(c)) {
        while (i < chars.length) {
          var n = chars[i], j = i + 1;
          while (chars[j] === DOT_BELOW) j += 1;
          var closes = chars[j] === ASAT || chars[j] === VIRAMA;
          if (attaches(n) || n === GREAT_SA || (isConsonant(n) && (chars[i - 1] === VIRAMA || closes))) i += 1;
          else break;
        }
      } else if (isMyanmarDigit(c)) {
        while (i < chars.length) {
          if (isMyanmarDigit(chars[i])) i += 1;
          else if ((chars[i] === "," || chars[i] === ".") && isMyanmarDigit(chars[i + 1])) i += 2;
          else break;
        }
        while (attaches(chars[i])) i += 1;
      } else if (isOtherAlnum(c) || attaches(c)) {
        while (i < chars.length) {
          var d = chars[i], previous = chars[i - 1], after = chars[i + 1];
          if (isOtherAlnum(d) || attaches(d)) i += 1;
          else if ((d === "," || d === ".") && isOtherDigit(previous) && isOtherDigit(after)) i += 1;
          else if ((d === "'" || d === "\u2019") && isOtherLetter(previous) && isOtherLetter(after)) i += 1;
          else break;
        }
      } else {
        while (attaches(chars[i])) i += 1;
      }
      take(start);
    }
    return found;
  }

  /* The index form of one line of text, as masthead.burmese.index_text gives it. */
  function indexForm(text) {
    var unicode = looksLikeZawgyi(text) ? zawgyiToUnicode(text) : text;
    return units(normalize(unicode.toLowerCase())).join(" ");
  }

  /* --- Searching ----------------------------------------------------------------------- */
  function queryParts(query) {
    return query.split(/[\s\u200B]+/u).map(indexForm).filter(Boolean);
  }

  function partIn(part, line) {
    var last = part.split(" ").pop();
    var open = isOtherAlnum(Array.from(last).pop()) ? "" : " "; // a word may be cut short
    return (" " + line + " ").indexOf(" " + part + open) >= 0;
  }

  function search(stories, query, limit) {
    var parts = queryParts(query), inHeadline = [], elsewhere = [];
    if (!parts.length) return [];
    stories.forEach(function (story) {
      var lines = story.i.split("\n");
      if (!parts.every(function (part) { return lines.some(partIn.bind(null, part)); })) return;
      var headline = parts.every(function (part) { return partIn(part, lines[0]); });
      (headline ? inHeadline : elsewhere).push(story);
    });
    return inHeadline.concat(elsewhere).slice(0, limit);
  }

  /* --- The page -------------------------------------------------------------------------- */
  function digits(number, names) {
    return String(number).replace(/[0-9]/g, function (d) { return names ? names.charAt(+d) : d; });
  }

  function element(name, className, text) {
    var made = document.createElement(name);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  }

  function card(story) {
    var article = element("article", "card");
    var headline = element("h2", "card__headline");
    var link = element("a", "", story.h);
    link.href = story.u;
    headline.appendChild(link);
    article.appendChild(headline);
    if (story.s) article.appendChild(element("p", "card__standfirst", story.s));
    var meta = element("p", "card__meta");
    var time = element("time", "", story.d);
    time.dateTime = story.t;
    meta.appendChild(time);
    article.appendChild(meta);
    return article;
  }

  function start(page) {
    var box = page.querySelector("[data-mirror-search]");
    var stories = (global.mastheadMirrorStories || {}).stories;
    if (!box || !stories) return;
    var form = box.querySelector("form"), input = box.querySelector("input[name=q]");
    var status = box.querySelector("[data-status]"), results = box.querySelector("[data-results]");
    var limit = parseInt(box.getAttribute("data-limit"), 10) || 50;
    function show(query) {
      results.textContent = "";
      if (!query.trim()) { status.hidden = true; return; }
      var found = search(stories, query, limit);
      found.forEach(function (story) { results.appendChild(card(story)); });
      var template = box.getAttribute(found.length ? "data-found" : "data-none");
      status.textContent = template.replace("{count}", digits(found.length, box.getAttribute("data-digits")));
      status.hidden = false;
    }
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(input.value);
      try { global.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* file:// may refuse */ }
    });
    var asked = new URLSearchParams(global.location.search).get("q") || "";
    input.value = asked;
    show(asked);
  }

  global.mastheadMirrorSearch = { indexForm: indexForm, search: search, looksLikeZawgyi: looksLikeZawgyi };
  if (global.document) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { start(document); });
    else start(document);
  }
})(this);
