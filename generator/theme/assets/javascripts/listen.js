/* ward-news: "Nghe đọc" (ward/listen.html). The phone's own voice (Web Speech API) reads the
   headline, then the body block by block (paragraphs, list items, headings, table rows), each
   block highlighted and kept in view. No server and no other host: the browser speaks. The
   controls stay hidden unless the phone has a Vietnamese voice (voices may arrive late).
   How numbers, dates and abbreviations are said: vi-speech.js, loaded before this file. */
(function () {
  "use strict";
  var box = document.querySelector(".wn-listen");
  var synth = window.speechSynthesis, Utterance = window.SpeechSynthesisUtterance, say = window.WardNewsSpeech;
  if (!box || !say || !synth || typeof synth.getVoices !== "function" || typeof Utterance !== "function") { return; }

  var RATE_KEY = "ward-news.listen-rate";
  var RATES = ["0.8", "1", "1.25"];
  var MAX_PART = 180;  // characters per utterance: long ones stall or stop on some phones
  var BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, tr, caption, figcaption, blockquote";
  // Not read: images, code, charts, controls, navigation, the share/print block, the kicker and
  // date line, a closed <details>, and whatever the page does not show.
  var SKIP = [
    "nav, pre, code, svg, img, picture, video, audio, iframe, script, style, noscript, template",
    "button, select, input, textarea, label, .headerlink, .footnote-ref, .footnote-backref",
    ".wn-listen, .wn-share, .wn-print-qr, .wn-tags, .wn-kicker, .wn-article__meta, .wn-download",
    ".wn-report__data, .wn-chart-figure, [hidden], [aria-hidden='true'], [data-wn-listen-skip]",
    "details:not([open]) > :not(summary)"
  ].join(", ");

  // The controls are made here rather than sent in every page: without this script they could
  // do nothing. The noun ("bài viết", "văn bản", "báo cáo") is the page kind's, set as text.
  var ICON = '<svg class="wn-listen__icon{0}" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="{1}"/></svg>';
  function icon(modifier, path) { return ICON.replace("{0}", modifier).replace("{1}", path); }
  box.innerHTML =
    '<div class="wn-listen__bar" role="group">' +
    '<button type="button" class="wn-listen__button wn-listen__play">' +
    icon(" wn-listen__icon--listen", "M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z") +
    icon(" wn-listen__icon--pause", "M6 5h4v14H6zm8 0h4v14h-4z") +
    icon(" wn-listen__icon--resume", "M8 5v14l11-7z") +
    '<span class="wn-listen__label"></span></button>' +
    '<button type="button" class="wn-listen__button wn-listen__stop" hidden>' + icon("", "M6 6h12v12H6z") +
    '<span>Dừng đọc</span></button>' +
    '<label class="wn-listen__speed"><span class="wn-listen__speed-label">Tốc độ</span>' +
    '<select class="wn-listen__rate"><option value="0.8">Chậm (0,8×)</option>' +
    '<option value="1" selected>Vừa (1×)</option><option value="1.25">Nhanh (1,25×)</option></select></label>' +
    '</div><p class="wn-listen__status" role="status" aria-live="polite"></p>';
  var name = "Nghe đọc " + (box.getAttribute("data-wn-noun") || "");
  box.querySelector(".wn-listen__bar").setAttribute("aria-label", name);
  box.querySelector(".wn-listen__label").textContent = name;

  var article = box.closest("article") || document.querySelector("article");
  var bar = box.querySelector(".wn-listen__bar");
  var play = box.querySelector(".wn-listen__play");
  var label = play.querySelector(".wn-listen__label");
  var stopButton = box.querySelector(".wn-listen__stop");
  var rate = box.querySelector(".wn-listen__rate");
  var status = box.querySelector(".wn-listen__status");
  var root = document.documentElement;
  var idleLabel = label.textContent;
  var abbreviations = {};
  try { abbreviations = JSON.parse(box.getAttribute("data-wn-abbreviations") || "{}"); } catch (e) { abbreviations = {}; }

  var voice = null, state = "idle";
  var blocks = [], index = 0, part = 0, offset = 0, heard = 0;
  var run = 0;          // bumped on pause, stop and speed changes: events of older utterances are ignored
  var current = null;   // held until it ends: Chrome drops the events of an utterance it has collected
  var lit = null;

  function vietnameseVoice() {
    var best = null, bestScore = -1;
    (synth.getVoices() || []).forEach(function (v) {
      var lang = String(v.lang || "").toLowerCase();
      if (lang.indexOf("vi") !== 0) { return; }
      // An offline voice first (the text stays on the phone), then vi-VN itself.
      var score = (v.localService ? 2 : 0) + (lang.replace("_", "-") === "vi-vn" ? 1 : 0);
      if (score > bestScore) { best = v; bestScore = score; }
    });
    return best;
  }
  function offer() {
    var found = vietnameseVoice();
    if (found) { voice = found; box.hidden = false; }
    else if (state === "idle") { voice = null; box.hidden = true; }
  }

  // --- what is read --------------------------------------------------------------------------
  function shown(el) { return el.getClientRects().length > 0; }
  function isInline(el) { return (window.getComputedStyle(el).display || "inline").indexOf("inline") === 0; }
  function textOf(el) {
    if (el.tagName === "TR") {  // "Ngày ban hành: ngày hai mươi…"; cells after the first by commas
      var cells = [].filter.call(el.children, function (c) { return !c.matches(SKIP) && shown(c); });
      var texts = cells.map(textOf).filter(Boolean);
      var rowHeader = cells.length > 1 && cells[0].tagName === "TH" && cells[1].tagName === "TD";
      if (rowHeader && texts.length > 1) { return texts[0] + ": " + texts.slice(1).join(", "); }
      return texts.join(", ");
    }
    var text = "";
    el.childNodes.forEach(function (node) {
      if (node.nodeType === 3) { text += node.data; return; }
      if (node.nodeType !== 1 || node.matches(SKIP) || node.matches(BLOCKS)) { return; }  // nested blocks are read on their own
      if (node.tagName === "BR") { text += " "; return; }
      var inner = textOf(node);
      if (isInline(node)) { text += inner; return; }
      // A block inside a block (a report figure and its label): a short pause between them.
      if (text.trim() && inner && !/[.,;:!?…]\s*$/.test(text)) { text += ","; }
      text += " " + inner + " ";
    });
    return text.replace(/\s+/g, " ").trim();
  }
  function collect() {
    var found = [];
    (function visit(el) {
      if (el.matches(SKIP) || !shown(el)) { return; }
      if (el.matches(BLOCKS)) {
        var text = textOf(el);
        if (text) { found.push({ el: el, parts: say.chunks(say.spoken(text, abbreviations), MAX_PART) }); }
      }
      for (var child = el.firstElementChild; child; child = child.nextElementSibling) { visit(child); }
    })(article);
    return found.filter(function (block) { return block.parts.length; });
  }

  // --- highlight -------------------------------------------------------------------------------
  function light(el) {
    if (lit === el) { return; }
    if (lit) { lit.classList.remove("wn-listen-current"); }
    lit = el;
    if (!el) { return; }
    el.classList.add("wn-listen-current");
    keepInView(el);
  }
  function keepInView(el) {
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var bottom = window.innerHeight - (state === "idle" ? 0 : bar.getBoundingClientRect().height);
    var rect = el.getBoundingClientRect();
    if (rect.top >= top && rect.bottom <= bottom) { return; }
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    el.scrollIntoView({ block: rect.height > bottom - top ? "start" : "center", behavior: still ? "auto" : "smooth" });
  }

  // --- reading ---------------------------------------------------------------------------------
  function speak() {
    var block = blocks[index];
    if (!block) { stop("Đã đọc hết."); return; }
    light(block.el);
    var utterance = new Utterance(block.parts[part].slice(offset));
    var mine = ++run;
    utterance.lang = "vi-VN";
    if (voice) { utterance.voice = voice; }
    utterance.rate = Number(rate.value) || 1;
    heard = offset;
    // Where a pause resumes: the word being said (charIndex counts in the text given above).
    var from = offset;
    utterance.onboundary = function (event) {
      if (mine === run && event.name !== "sentence") { heard = from + (event.charIndex || 0); }
    };
    utterance.onend = function () { if (mine === run) { next(); } };
    utterance.onerror = function (event) {
      if (mine !== run || event.error === "interrupted" || event.error === "canceled") { return; }
      stop("Máy không đọc được bài này. Bạn hãy thử lại sau.");
    };
    current = utterance;
    if (synth.paused) { synth.resume(); }  // left paused by another page, it would stay silent
    synth.speak(utterance);
  }
  function next() {
    offset = 0;
    part += 1;
    if (part >= blocks[index].parts.length) { part = 0; index += 1; }
    speak();
  }
  function start() {
    blocks = collect();
    if (!blocks.length) { return; }
    index = part = offset = 0;
    synth.cancel();
    show("reading", "Đang đọc. Nút tạm dừng và dừng đọc ở cuối màn hình.");
    speak();
  }
  // Pausing cancels and remembers the word: pause() and resume() do nothing, or lose the rest
  // of the text, on many Android phones.
  function pause() {
    run += 1;
    offset = heard;
    synth.cancel();
    show("paused", "Đã tạm dừng. Bấm “Đọc tiếp” để nghe tiếp.");
  }
  function resume() {
    show("reading", "Đang đọc tiếp.");
    speak();
  }
  function stop(message) {
    run += 1;
    synth.cancel();
    current = null;
    blocks = [];
    light(null);
    show("idle", message);
  }
  function show(next, message) {
    state = next;
    box.setAttribute("data-state", next);
    label.textContent = next === "reading" ? "Tạm dừng" : next === "paused" ? "Đọc tiếp" : idleLabel;
    stopButton.hidden = next === "idle";
    root.classList.toggle("wn-listening", next !== "idle");
    clearBar();
    status.textContent = message || "";
  }
  // The bar sits at the bottom of the screen while reading: the page's end keeps clear of it,
  // also when the text size or the phone's orientation changes its height.
  function clearBar() {
    root.style.setProperty("--wn-listen-bar", state === "idle" ? "0px" : bar.getBoundingClientRect().height + "px");
  }
  if (window.ResizeObserver) { new ResizeObserver(clearBar).observe(bar); }

  play.addEventListener("click", function () {
    if (state === "idle") { start(); } else if (state === "reading") { pause(); } else { resume(); }
  });
  stopButton.addEventListener("click", function () {
    stop("Đã dừng đọc.");
    play.focus();  // the stop button is gone: focus stays in the controls
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && state !== "idle") { stop("Đã dừng đọc."); play.focus(); }
  });

  // --- speed, remembered on this device --------------------------------------------------------
  var stored = null;
  try { stored = localStorage.getItem(RATE_KEY); } catch (e) { stored = null; }
  rate.value = RATES.indexOf(stored) >= 0 ? stored : "1";
  rate.addEventListener("change", function () {
    try {
      if (rate.value === "1") { localStorage.removeItem(RATE_KEY); } else { localStorage.setItem(RATE_KEY, rate.value); }
    } catch (e) { /* private mode: the choice lasts for this page only */ }
    if (state === "reading") {  // the new speed from the word being said
      run += 1;
      offset = heard;
      synth.cancel();
      speak();
    }
  });

  window.addEventListener("pagehide", function () { if (state !== "idle") { stop(""); } });
  offer();
  if (synth.addEventListener) { synth.addEventListener("voiceschanged", offer); } else { synth.onvoiceschanged = offer; }
})();
