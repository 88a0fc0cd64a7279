/* ward-news search page (tim-kiem/?q=...). Pagefind's index holds each page's words folded:
   no accents, no case, đ → d (generator/core/search.py, text.fold). The query is folded the
   same way here, so "phu dinh" and "Phú Định" find the same pages. Results show the original
   headline, date, section and the page's description, with the matched words marked. */
(function () {
  "use strict";
  var PAGE_SIZE = 10;
  var root = document.querySelector(".wn-search");
  if (!root) { return; }
  var input = root.querySelector("input[name=q]");
  var status = root.querySelector(".wn-search__status");
  var list = root.querySelector(".wn-search__results");
  var more = root.querySelector(".wn-search__more");
  var results = [], shown = 0, terms = [], later = null;

  // Must equal generator/core/text.py fold() (tests compare the two on the same strings).
  function fold(text) {
    return text.replace(/[\u2010-\u2015\u2212]/g, "-").replace(/đ/g, "d").replace(/Đ/g, "D")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }
  window.wardNewsFold = fold;

  // Must split words like generator/core/search.py (_WORD): "1.180" and "2,5" stay whole.
  function words(text) { return fold(text).match(/[0-9a-z]+(?:[.,][0-9]+)*/g) || []; }

  // Whole words, as the index matches them.
  function matches(word) {
    var folded = fold(word).replace(/[^0-9a-z.,]/g, "").replace(/[.,]+$/, "");
    return Boolean(folded) && terms.indexOf(folded) >= 0;
  }

  function marked(text, parent) {
    text.split(/(\s+)/).forEach(function (part) {
      if (part && matches(part)) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(part));
      }
    });
  }

  // 32 words around the stretch with the most matches, from a few words before its first one.
  function excerpt(text) {
    var parts = text.split(/\s+/), size = 32, hit = parts.map(matches), best = 0, bestCount = -1, count = 0;
    for (var i = 0; i < parts.length; i++) {
      count += hit[i] ? 1 : 0;
      if (i >= size) { count -= hit[i - size] ? 1 : 0; }
      if (count > bestCount) { bestCount = count; best = Math.max(0, i - size + 1); }
    }
    var first = hit.indexOf(true, best);
    var start = first < 0 ? 0 : Math.max(0, first - 6);
    var end = Math.min(parts.length, start + size);
    return (start > 0 ? "… " : "") + parts.slice(start, end).join(" ") + (end < parts.length ? " …" : "");
  }

  function render(data) {
    var item = document.createElement("li");
    item.className = "wn-search__result";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = data.url;
    marked(data.meta.title || data.url, link);
    heading.appendChild(link);
    item.appendChild(heading);
    var about = [data.meta.section, data.meta.date].filter(Boolean).join(" · ");
    if (about) {
      var meta = document.createElement("p");
      meta.className = "wn-search__meta";
      meta.textContent = about;
      item.appendChild(meta);
    }
    if (data.meta.summary) {
      var text = document.createElement("p");
      text.className = "wn-search__excerpt";
      marked(excerpt(data.meta.summary), text);
      item.appendChild(text);
    }
    list.appendChild(item);
  }

  function showCount() {
    var count = results.length.toLocaleString("vi-VN");
    status.textContent = !results.length
      ? "Không tìm thấy kết quả nào cho “" + query + "”. Thử bớt một vài từ, hoặc gõ từ khác."
      : later ? "Tìm thấy " + count + " kết quả có cả cụm “" + query + "”; bấm “Xem thêm” để thấy cả các bài " +
                "có các từ này ở những chỗ khác nhau."
              : "Tìm thấy " + count + " kết quả cho “" + query + "”.";
  }

  // Each page once, in the order first found; a page's tier: 0 with the words side by side.
  function withoutRepeats(found) {
    var seen = new Set();
    return found.filter(function (r) {
      if (r.tier === undefined) { r.tier = 1; }
      return !seen.has(r.id) && seen.add(r.id);
    });
  }

  function showMore() {
    if (shown >= results.length && later) {  // the pages with the words apart, asked for now
      var search = later;
      later = null;
      return search().then(function (rest) {
        results = withoutRepeats(results.concat(rest));
        showCount();
        return showMore();
      });
    }
    var batch = results.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    more.hidden = shown >= results.length && !later;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (all) { all.forEach(render); });
  }

  // The query's words, with each phrase of a synonym group ("cat dien", "bhyt") read as the
  // group's token: it finds every page holding any of the group's phrases (core/search.py).
  function understand(words, groups) {
    var phrases = new Map(), longest = 0;
    groups.forEach(function (group) {
      group.phrases.forEach(function (p) {
        var key = p.join(" ");
        if (!phrases.has(key)) { phrases.set(key, group); }
        longest = Math.max(longest, p.length);
      });
    });
    var parts = [];
    for (var at = 0; at < words.length;) {
      var size = Math.min(longest, words.length - at), group = null;
      for (; size > 0; size--) {
        group = phrases.get(words.slice(at, at + size).join(" "));
        if (group) { break; }
      }
      if (group) {
        parts.push({ token: group.token, group: group, words: words.slice(at, at + size) });
        at += size;
      } else {
        parts.push({ token: words[at], word: words[at] });
        at += 1;
      }
    }
    return parts;
  }

  // Neighbouring words as the index holds them side by side ("trao qua tet" → traoqua, quatet);
  // a word with no neighbour, and each synonym group, as it is.
  function pairs(parts) {
    var out = [];
    parts.forEach(function (part, i) {
      var next = parts[i + 1], previous = parts[i - 1];
      if (!part.word) { out.push(part.token); return; }
      var letters = function (p) { return p && p.word && /^[a-z]+$/.test(p.word); };
      if (letters(part) && letters(next)) { out.push(part.word + next.word); }  // as core/search.py pairs them
      if (!(letters(part) && letters(next)) && !(letters(part) && letters(previous))) { out.push(part.word); }
    });
    return out;
  }

  // Words to mark in results: the query's own, and every word of its synonym groups' phrases.
  function highlighted(parts) {
    var out = [];
    parts.forEach(function (part) {
      if (part.word) { out.push(part.word); return; }
      part.group.phrases.forEach(function (p) { out.push.apply(out, p); });
    });
    return out;
  }

  // A query typed with accents: among the first results of each tier, pages whose headline or
  // summary has its accented words exactly come before pages that match them only folded.
  function accentsFirst(all) {
    var accented = query.normalize("NFC").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) {
      return w && fold(w) !== w;
    });
    if (!accented.length) { return all; }
    var head = all.slice(0, 20);
    return Promise.all(head.map(function (r) { return r.data(); })).then(function (data) {
      var score = data.map(function (d) {
        var text = " " + ((d.meta.title || "") + " " + (d.meta.summary || "")).normalize("NFC").toLowerCase()
          .split(/[^\p{L}\p{N}]+/u).join(" ") + " ";
        return accented.filter(function (w) { return text.indexOf(" " + w + " ") >= 0; }).length;
      });
      var order = head.map(function (r, i) { return i; }).sort(function (a, b) {
        return head[a].tier - head[b].tier || score[b] - score[a] || a - b;
      });
      return order.map(function (i) { return head[i]; }).concat(all.slice(20));
    });
  }

  var query = "";
  var header = document.getElementById("wn-search-q");
  // Both attributes are relative to this page; a module import would resolve them against
  // this script's own address, so make them absolute first.
  var bundle = new URL(root.getAttribute("data-pagefind-bundle") + "pagefind.js", window.location.href).href;
  var siteRoot = new URL(root.getAttribute("data-site-root") || "./", window.location.href).pathname;
  function bundleJson(name) {
    return fetch(new URL(root.getAttribute("data-pagefind-bundle") + name, window.location.href))
      .then(function (response) { return response.ok ? response.json() : []; })
      .catch(function () { return []; });
  }
  // Loaded once, at the first search; a search typed again on this page reuses it all.
  var loading = null;
  function load() {
    if (!loading) {
      loading = Promise.all([
        import(bundle),
        // Words found on most pages are not in the index (core/search.py common_words): dropped
        // from the query too, or no page would match all its words. They are still highlighted.
        bundleJson("tu-pho-bien.json"),
        // A large site's older years are a bundle of their own (core/search.py search_shards),
        // searched together with this one; chi-muc-khac.json lists them, relative to this bundle.
        bundleJson("chi-muc-khac.json"),
        // What residents call things (core/synonyms.py): each group's phrases, folded, and its token.
        bundleJson("tu-dong-nghia.json"),
      ]).then(function (loaded) {
        return loaded[0].options({ baseUrl: siteRoot }).then(function () {
          return Promise.all(loaded[2].map(function (folder) {
            return loaded[0].mergeIndex(new URL(folder, bundle).pathname, { baseUrl: siteRoot });
          }));
        }).then(function () { return { pagefind: loaded[0], skip: new Set(loaded[1]), groups: loaded[3] }; });
      });
      loading.catch(function () { loading = null; });  // a network error: the next search tries again
    }
    return loading;
  }

  // The pages of a query, best first; null when every word of it is on most pages.
  function find(index) {
    var skip = index.skip;
    // A group on most pages ("chuyển đổi số" on a site about it) is left out of the index like a
    // common word: the words typed are searched instead.
    var parts = [];
    understand(terms, index.groups).forEach(function (part) {
      if (part.group && skip.has(part.token)) {
        part.words.forEach(function (w) { parts.push({ token: w, word: w }); });
      } else {
        parts.push(part);
      }
    });
    terms = highlighted(parts);
    var keep = function (t) { return !skip.has(t); };
    var loose = parts.map(function (p) { return p.token; }).filter(keep);
    var together = pairs(parts).filter(keep);
    if (!loose.length) { return Promise.resolve(null); }
    // Pages with the query's words side by side first, then pages with them anywhere. Each word
    // ends with the mark the index's words end with (core/search.py WORD_END): whole words only,
    // "nha" does not find "nhan". When the pages with the words side by side fill a first screen,
    // the others are looked up only if the reader asks for more: every lookup downloads its
    // words' index chunks.
    var lookup = function (list) {
      return index.pagefind.search(list.map(function (t) { return t + "z"; }).join(" "));
    };
    var looseSearch = function () { return lookup(loose).then(function (search) { return search.results; }); };
    var found;
    if (!together.length || together.join(" ") === loose.join(" ")) {
      found = looseSearch();
    } else {
      found = lookup(together).then(function (search) {
        search.results.forEach(function (r) { r.tier = 0; });
        if (search.results.length >= PAGE_SIZE) {
          later = looseSearch;
          return search.results;
        }
        return looseSearch().then(function (rest) { return search.results.concat(rest); });
      });
    }
    return found.then(function (all) { return accentsFirst(withoutRepeats(all)); });
  }

  // data-state: idle · searching · done · error (for tests and styles; readers get the status text)
  var runs = 0;
  function run(typed) {
    var mine = ++runs;  // a newer search wins over one still on its way
    query = typed;
    input.value = query;
    if (header) { header.value = query; }
    results = [];
    shown = 0;
    later = null;
    list.textContent = "";
    more.hidden = true;
    if (!query.trim()) {
      status.textContent = "Gõ từ cần tìm vào ô trên, ví dụ: trao quà Tết.";
      root.setAttribute("data-state", "idle");
      return Promise.resolve();
    }
    terms = words(query);
    status.textContent = "Đang tìm…";
    root.setAttribute("data-state", "searching");
    return load().then(find).then(function (found) {
      if (mine !== runs) { return null; }
      if (found === null) {
        status.textContent = "Các từ “" + query + "” có trong hầu hết các bài nên chưa tìm được. " +
          "Hãy thêm một từ riêng hơn, ví dụ tên tổ dân phố hay tên hoạt động.";
        return null;
      }
      results = found;
      showCount();
      return showMore();
    }).then(function () {
      if (mine === runs) { root.setAttribute("data-state", "done"); }
    }).catch(function () {
      if (mine !== runs) { return; }
      status.textContent = "Chưa tìm được: trang tìm kiếm không tải được chỉ mục. Hãy thử lại sau.";
      root.setAttribute("data-state", "error");
    });
  }

  function fromAddress() { return new URLSearchParams(window.location.search).get("q") || ""; }
  // A search typed again here is answered on this page, without loading it again (slow phones),
  // and gets its own address: it can be shared, and Back returns to the search before.
  root.querySelector(".wn-search__form").addEventListener("submit", function (event) {
    event.preventDefault();
    var typed = input.value;
    var address = new URL(window.location.href);
    address.searchParams.set("q", typed);
    window.history.pushState(null, "", address.href);
    run(typed);
  });
  window.addEventListener("popstate", function () { run(fromAddress()); });
  more.addEventListener("click", function () { showMore(); });
  run(fromAddress());
}());
