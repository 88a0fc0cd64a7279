/* ward-news: share and print buttons. No third-party script: the phone's own share sheet
   (Web Share API) where it exists, the clipboard otherwise. Without JS there are no such buttons. */
(function () {
  "use strict";
  function status(button, text) {
    var box = button.closest(".wn-share");
    var out = box && box.querySelector(".wn-share__status");
    if (out) { out.textContent = text; }
  }
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(field);
      if (ok) { resolve(); } else { reject(new Error("copy")); }
    });
  }
  // The share buttons that need JavaScript (ward/share.html): made here, for this page's address
  // (its canonical link) and title (og:title), so the HTML carries none of them.
  function button(name, text) {
    var made = document.createElement("button");
    made.type = "button";
    made.className = "wn-button wn-share__" + name;
    made.textContent = text;
    return made;
  }
  document.querySelectorAll(".wn-share").forEach(function (box) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var title = document.querySelector('meta[property="og:title"]');
    var url = canonical ? canonical.href : window.location.href;
    var row = box.querySelector(".wn-share__buttons");
    if (!row) { return; }
    // A ward's own copy of an older share.html had these in its HTML, hidden: made afresh here.
    box.querySelectorAll("button.wn-share__native, button.wn-share__copy, button.wn-share__print, #wn-print-help")
      .forEach(function (old) { old.remove(); });
    var first = row.firstChild;
    if (navigator.share) {
      var native = button("native", "Chia sẻ qua Zalo, Messenger…");
      native.addEventListener("click", function () {
        navigator.share({ title: title ? title.content : document.title, url: url }).catch(function () {});
      });
      row.insertBefore(native, first);
    }
    var copy = button("copy", "Sao chép liên kết");
    copy.addEventListener("click", function () {
      copyText(url).then(function () {
        status(copy, "Đã sao chép liên kết. Bạn có thể dán vào Zalo hoặc Facebook.");
      }, function () {
        status(copy, "Không sao chép được. Liên kết: " + url);
      });
    });
    row.insertBefore(copy, first);
    if (window.print) {
      var print = button("print", "Lưu / In");
      var help = document.createElement("p");
      help.id = "wn-print-help";
      help.className = "wn-share__help";
      help.textContent = "“Lưu / In”: chọn máy in để in ra giấy, hoặc chọn “Lưu dưới dạng PDF” để lưu vào máy.";
      print.setAttribute("aria-describedby", help.id);
      print.addEventListener("click", function () { window.print(); });
      row.appendChild(print);
      row.parentNode.insertBefore(help, row.nextSibling);
    }
  });

  // A print button already in the page (the annual report's, ward/report.html) starts hidden.
  document.querySelectorAll(".wn-share__print[hidden]").forEach(function (print) {
    if (!window.print) { return; }
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  });

  // Documents' page (ward/document-index.html): filter by type and year in the browser. The
  // choice is kept in the address (?loai=Thông+báo&nam=2026) so a filtered list can be shared.
  document.querySelectorAll("[data-wn-filter]").forEach(function (form) {
    var items = document.querySelectorAll(".wn-document-item");
    var type = form.elements.loai, year = form.elements.nam;
    var status = form.querySelector(".wn-filter__status");
    var params = new URLSearchParams(window.location.search);
    function choose(select, value) {
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].value === value) { select.value = value; }
      }
    }
    choose(type, params.get("loai") || "");
    choose(year, params.get("nam") || "");
    function apply(updateAddress) {
      var shown = 0;
      items.forEach(function (item) {
        var match = (!type.value || item.dataset.type === type.value) && (!year.value || item.dataset.year === year.value);
        item.hidden = !match;
        if (match) { shown += 1; }
      });
      document.querySelectorAll(".wn-document-list").forEach(function (list) {
        var section = list.closest("section");
        var visible = list.querySelector(".wn-document-item:not([hidden])");
        if (section) { section.hidden = !visible && (type.value || year.value) !== ""; }
      });
      status.textContent = (type.value || year.value) ? "Có " + shown + " văn bản phù hợp." : "";
      if (updateAddress && window.history && window.history.replaceState) {
        var query = new URLSearchParams();
        if (type.value) { query.set("loai", type.value); }
        if (year.value) { query.set("nam", year.value); }
        var search = query.toString();
        window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
      }
    }
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply(false);
  });

  // Text size (partials/textsize.html): three steps, 100 %, 115 %, 130 % (ward-news.css). The
  // step lives on <html data-wn-text>, set before the first paint by the inline script in
  // main.html from the same localStorage key; nothing is stored for the default size.
  var TEXT_KEY = "ward-news.text-size";
  var TEXT_LEVELS = ["vừa", "lớn", "rất lớn"];
  var root = document.documentElement;
  function textStep() {
    var step = Number(root.getAttribute("data-wn-text"));
    return step === 1 || step === 2 ? step : 0;
  }
  function showTextStep(announce) {
    var step = textStep();
    document.querySelectorAll(".wn-textsize").forEach(function (box) {
      box.hidden = false;
      box.querySelectorAll(".wn-textsize__button").forEach(function (button) {
        var delta = Number(button.dataset.wnTextStep);
        var atEnd = (delta < 0 && step === 0) || (delta > 0 && step === TEXT_LEVELS.length - 1);
        button.setAttribute("aria-disabled", atEnd ? "true" : "false");
      });
      var out = box.querySelector(".wn-textsize__status");
      if (out && announce) { out.textContent = "Cỡ chữ " + TEXT_LEVELS[step]; }
    });
  }
  function setTextStep(step) {
    root.setAttribute("data-wn-text", String(step));
    try {
      if (step) { localStorage.setItem(TEXT_KEY, String(step)); } else { localStorage.removeItem(TEXT_KEY); }
    } catch (e) { /* private mode: the choice lasts for this page only */ }
    showTextStep(true);
  }
  if (!root.hasAttribute("data-wn-text")) { root.setAttribute("data-wn-text", "0"); }
  document.querySelectorAll(".wn-textsize__button").forEach(function (button) {
    button.addEventListener("click", function () {
      var next = textStep() + Number(button.dataset.wnTextStep);
      if (next >= 0 && next < TEXT_LEVELS.length && next !== textStep()) { setTextStep(next); }
    });
  });
  showTextStep(false);
  // A choice made in another tab applies here too.
  window.addEventListener("storage", function (event) {
    if (event.key !== TEXT_KEY) { return; }
    var step = Number(event.newValue);
    root.setAttribute("data-wn-text", String(step === 1 || step === 2 ? step : 0));
    showTextStep(false);
  });
})();
