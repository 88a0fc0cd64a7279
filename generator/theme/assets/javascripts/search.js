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
  var results = [], shown = 0, terms = [];

  // Must equal generator/core/text.py fold() (tests compare the two on the same strings).
  function fold(text) {
    return text.replace(/[\u2010-\u2015\u2212]/g, "-").replace(/đ/g, "d").replace(/Đ/g, "D")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }
  window.wardNewsFold = fold;

  // Must split words like generator/core/search.py (_WORD): "1.180" and "2,5" stay whole.
  function words(text) { return fold(text).match(/[0-9a-z]+(?:[.,][0-9]+)*/g) || []; }

  // Like Pagefind: whole words, except the last one typed, which may be the start of a word.
  function matches(word) {
    var folded = fold(word).replace(/[^0-9a-z]/g, "");
    return Boolean(folded) && terms.some(function (t, i) {
      return folded === t || (i === terms.length - 1 && folded.indexOf(t) === 0);
    });
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

  function showMore() {
    var batch = results.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    more.hidden = shown >= results.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (all) { all.forEach(render); });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  var header = document.getElementById("wn-search-q");
  if (header) { header.value = query; }
  // data-state: idle · searching · done · error (for tests and styles; readers get the status text)
  if (!query.trim()) {
    status.textContent = "Gõ từ cần tìm vào ô trên, ví dụ: trao quà Tết.";
    root.setAttribute("data-state", "idle");
    return;
  }
  terms = words(query);
  status.textContent = "Đang tìm…";
  root.setAttribute("data-state", "searching");
  // Both attributes are relative to this page; a module import would resolve them against
  // this script's own address, so make them absolute first.
  var bundle = new URL(root.getAttribute("data-pagefind-bundle") + "pagefind.js", window.location.href).href;
  var siteRoot = new URL(root.getAttribute("data-site-root") || "./", window.location.href).pathname;
  // Words found on most pages are not in the index (core/search.py common_words): drop them
  // from the query too, or no page would match all its words. They are still highlighted.
  function bundleJson(name) {
    return fetch(new URL(root.getAttribute("data-pagefind-bundle") + name, window.location.href))
      .then(function (response) { return response.ok ? response.json() : []; })
      .catch(function () { return []; });
  }
  var common = bundleJson("tu-pho-bien.json");
  // A large site's older years are a bundle of their own (core/search.py search_shards),
  // searched together with this one; chi-muc-khac.json lists them, relative to this bundle.
  var merged = bundleJson("chi-muc-khac.json");
  Promise.all([import(bundle), common, merged]).then(function (loaded) {
    var pagefind = loaded[0], skip = new Set(loaded[1]);
    var kept = terms.filter(function (t) { return !skip.has(t); });
    if (!kept.length) { return null; }
    return pagefind.options({ baseUrl: siteRoot }).then(function () {
      return Promise.all(loaded[2].map(function (folder) {
        return pagefind.mergeIndex(new URL(folder, bundle).pathname, { baseUrl: siteRoot });
      }));
    }).then(function () { return pagefind.search(kept.join(" ")); });
  }).then(function (search) {
    if (search === null) {
      status.textContent = "Các từ “" + query + "” có trong hầu hết các bài nên chưa tìm được. " +
        "Hãy thêm một từ riêng hơn, ví dụ tên tổ dân phố hay tên hoạt động.";
      return null;
    }
    results = search.results;
    status.textContent = results.length
      ? "Tìm thấy " + results.length.toLocaleString("vi-VN") + " kết quả cho “" + query + "”."
      : "Không tìm thấy kết quả nào cho “" + query + "”. Thử bớt một vài từ, hoặc gõ từ khác.";
    return showMore();
  }).then(function () {
    root.setAttribute("data-state", "done");
  }).catch(function () {
    status.textContent = "Chưa tìm được: trang tìm kiếm không tải được chỉ mục. Hãy thử lại sau.";
    root.setAttribute("data-state", "error");
  });
  more.addEventListener("click", function () { showMore(); });
}());
