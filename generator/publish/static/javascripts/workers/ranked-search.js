/* Material's search worker, with one change to its ranking: a page whose name, alias or
   framework call the query spells out comes first.

   Material's lunr index adds a trailing wildcard to every word, and a rare word scores
   higher than a common one, so "relu" would rank Squared ReLU ("relu²") and ReLU6 above
   ReLU, and "tanh" Tanhshrink above Tanh. This worker loads Material's unchanged, watches
   the messages it answers, and reorders each answer's pages, most specific match first;
   pages that tie keep Material's order. A page's names are its title and search tags (the
   generator tags each activation with its name, aliases and framework calls). */
(function () {
  "use strict";

  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;
  var NAME = 3; // how much a match counts, by where the matched words come from
  var ALIAS = 2;
  var CALL = 1;

  var separator = /[\s\-]+/;
  var names = {}; // page location -> [{words, lower, weight}]
  var query = "";
  // The Chinese edition's words: its index holds text cut into words at build time (jieba,
  // the words joined by U+200B), but a reader types 修正线性单元 without spaces. A Chinese
  // run in the query, or in a name, is cut the same way, each time into the longest word
  // the index knows (forward maximum matching), so that lunr finds the words it indexed.
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff]+/g;
  var LONGEST = 8;
  var vocabulary = {};

  function learn(text) {
    (String(text).match(HAN) || []).forEach(function (word) {
      vocabulary[word] = true;
    });
  }

  function cut(run) {
    var found = [];
    for (var start = 0; start < run.length; ) {
      var length = Math.min(LONGEST, run.length - start);
      while (length > 1 && !vocabulary[run.substr(start, length)]) {
        length -= 1;
      }
      found.push(run.substr(start, length));
      start += length;
    }
    return found.join(" ");
  }

  function segmented(text) {
    return String(text).replace(HAN, function (run) {
      return " " + cut(run) + " ";
    });
  }

  function words(text) {
    return segmented(text)
      .split(separator)
      .filter(function (word) {
        return word !== "";
      });
  }

  function form(text, weight) {
    var spelled = words(text);
    return {
      words: spelled,
      lower: spelled.map(function (word) {
        return word.toLowerCase();
      }),
      weight: weight,
    };
  }

  /* The ways a reader may write a tag: a dotted call also by its last parts, so
     torch.nn.GELU is found as nn.GELU and GELU. */
  function forms(tag) {
    var parts = String(tag).split(".");
    if (parts.length < 2) {
      return [form(tag, ALIAS)];
    }
    var found = [];
    for (var k = parts.length; k >= 1; k -= 1) {
      found.push(form(parts.slice(parts.length - k).join("."), CALL));
    }
    return found;
  }

  function remember(docs) {
    names = {};
    vocabulary = {};
    docs.forEach(function (doc) {
      // Indexed text is cut at U+200B; a Han run between two cuts is one word.
      String(doc.title + "\u200b" + doc.text).split(/[\u200b\s]+/).forEach(learn);
    });
    docs.forEach(function (doc) {
      var page = doc.location.split("#")[0];
      if (doc.location !== page) {
        return;
      }
      var known = [form(doc.title, NAME)];
      (doc.tags || []).forEach(function (tag) {
        known = known.concat(forms(tag));
      });
      names[page] = known;
    });
  }

  /* Where ``part`` occurs as a run of consecutive words in ``whole``, or -1. */
  function find(whole, part) {
    for (var start = 0; start + part.length <= whole.length; start += 1) {
      var same = true;
      for (var i = 0; i < part.length && same; i += 1) {
        same = whole[start + i] === part[i];
      }
      if (same) {
        return start;
      }
    }
    return -1;
  }

  /* How specifically the query names a page: [words matched, where from, case exact]. */
  function score(page, typed, lower) {
    var best = [0, 0, 0];
    (names[page] || []).forEach(function (name) {
      if (name.lower.length === 0 || find(lower, name.lower) < 0) {
        return;
      }
      var candidate = [name.lower.length, name.weight, find(typed, name.words) < 0 ? 0 : 1];
      for (var i = 0; i < best.length; i += 1) {
        if (candidate[i] !== best[i]) {
          if (candidate[i] > best[i]) {
            best = candidate;
          }
          return;
        }
      }
    });
    return best;
  }

  function rerank(items) {
    var typed = words(query);
    var lower = typed.map(function (word) {
      return word.toLowerCase();
    });
    var scored = items.map(function (group, index) {
      var page = group.length ? group[0].location.split("#")[0] : "";
      return { group: group, index: index, score: score(page, typed, lower) };
    });
    scored.sort(function (a, b) {
      for (var i = 0; i < a.score.length; i += 1) {
        if (a.score[i] !== b.score[i]) {
          return b.score[i] - a.score[i];
        }
      }
      return a.index - b.index;
    });
    return scored.map(function (entry) {
      return entry.group;
    });
  }

  // Seen before Material's own listener, which is added when its script loads below.
  self.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === SETUP && message.data) {
      if (message.data.config && message.data.config.separator) {
        separator = new RegExp(message.data.config.separator);
      }
      remember(message.data.docs || []);
    } else if (message.type === QUERY) {
      query = String(message.data || "");
      if (HAN.test(query)) {
        message.data = segmented(query).replace(/\s+/g, " ").trim();
      }
      HAN.lastIndex = 0;
    }
  });

  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && message.data.items) {
      message.data.items = rerank(message.data.items);
    }
    post(message);
  };

  var material = new URL(self.location.href).searchParams.get("material");
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material || "")) {
    throw new Error("ranked-search.js: no Material search worker named in ?material=");
  }
  self.importScripts(material);
})();
