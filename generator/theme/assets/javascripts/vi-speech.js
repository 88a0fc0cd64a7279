/* ward-news: how the reading voice ("Nghe đọc", listen.js) says a Vietnamese text. Phones' voices
   read "2.500" as "hai chấm năm trăm", "5/2" as a fraction and "UBND" letter by letter; so numbers,
   dates, times, money and percentages are turned into words first, the way a Vietnamese reader
   says them ("22/12/2025": "ngày hai mươi hai tháng mười hai năm hai nghìn không trăm hai mươi
   lăm"), and abbreviations into what they stand for (the site's dictionary, given by the page).
   Pure functions, no DOM: the tests run them in Node (tests/sites/test_listen.py). */
(function (root) {
  "use strict";

  var DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
  var LONGEST = 15; // digits read as one number; longer runs (and exact doubles) end here

  /** 0–999 in words. `inner`: the group follows a larger one, so 5 is "không trăm linh năm". */
  function hundreds(n, inner) {
    var h = Math.floor(n / 100), t = Math.floor(n / 10) % 10, u = n % 10, words = [];
    if (h || inner) { words.push(DIGITS[h], "trăm"); }
    if (t === 0) {
      if (u && words.length) { words.push("linh"); }
    } else {
      words.push(t === 1 ? "mười" : DIGITS[t] + " mươi");
    }
    if (u === 1 && t > 1) { words.push("mốt"); }           // hai mươi mốt, but mười một
    else if (u === 4 && t > 1) { words.push("tư"); }       // hai mươi tư, but mười bốn
    else if (u === 5 && t > 0) { words.push("lăm"); }      // mười lăm, but linh năm
    else if (u) { words.push(DIGITS[u]); }
    return words.join(" ");
  }

  function grouped(n, inner) {
    var words = [], billions = Math.floor(n / 1e9), rest = n % 1e9;
    if (billions) {  // 1.500 tỷ: "một nghìn năm trăm tỷ"
      words.push(grouped(billions, inner), "tỷ");
      inner = true;
    }
    [[Math.floor(rest / 1e6), "triệu"], [Math.floor(rest / 1e3) % 1000, "nghìn"], [rest % 1000, ""]].forEach(function (group) {
      if (!group[0]) { return; }  // 1.000.005: "một triệu không trăm linh năm", no "không nghìn"
      words.push(hundreds(group[0], inner));
      if (group[1]) { words.push(group[1]); }
      inner = true;
    });
    return words.join(" ");
  }

  /** A whole number in words: 2500 → "hai nghìn năm trăm", 1005 → "một nghìn không trăm linh năm". */
  function numberWords(n) {
    return n === 0 ? "không" : grouped(n, false);
  }

  function digitWords(digits) {
    return digits.split("").map(function (d) { return DIGITS[Number(d)]; }).join(" ");
  }

  /** A number as written in Vietnamese: "2.500" (thousands by "."), "1,2" (decimal comma). */
  function writtenNumber(whole, fraction) {
    whole = whole.replace(/\./g, "");
    var words = (whole.length > 1 && whole[0] === "0") || whole.length > LONGEST
      ? digitWords(whole) : numberWords(Number(whole));
    if (fraction) {  // 1,25: "một phẩy hai mươi lăm"; 1,05: "một phẩy không năm"
      words += " phẩy " + (fraction[0] === "0" || fraction.length > 3 ? digitWords(fraction) : numberWords(Number(fraction)));
    }
    return words;
  }

  function monthWords(month) {
    return month === 4 ? "tư" : numberWords(month);  // tháng tư, not "tháng bốn"
  }

  function isDay(d) { return d >= 1 && d <= 31; }
  function isMonth(m) { return m >= 1 && m <= 12; }

  /** Whether the text just before `offset` already says `word` ("ngày 22/12", "tháng 12/2025"). */
  function after(string, offset, words) {
    return new RegExp("(?:" + words + ")\\s*$", "iu").test(string.slice(Math.max(0, offset - 8), offset));
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // Each rule turns what it matches into words, so later rules never see those digits again.
  // Their order matters: dates before ranges ("22-12-2025"), phones before numbers.
  var NOT_AFTER = "(?<![\\p{N}.,/])";   // not the tail of a longer number or date
  var NOT_BEFORE = "(?![\\p{N}]|[.,/]\\p{N})";
  var RULES = [
    // 22/12/2025, 22-12-2025, 22.12.2025
    [new RegExp(NOT_AFTER + "(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})" + NOT_BEFORE, "gu"), function (m, d, sep, mo, y, offset, s) {
      d = Number(d); mo = Number(mo);
      if (!isDay(d) || !isMonth(mo)) { return m; }
      return (after(s, offset, "ngày|mùng|mồng") ? "" : "ngày ") + numberWords(d) + " tháng " + monthWords(mo)
        + " năm " + numberWords(Number(y));
    }],
    // Phone numbers, digit by digit in the writer's groups: 0912 345 678, 024.3825.1234, 1900 1234
    [new RegExp(NOT_AFTER + "(?:0\\d(?:[ .-]?\\d){8,9}|1[89]00[ .]?\\d{4}(?:[ .]?\\d{2})?)" + NOT_BEFORE, "gu"), function (m) {
      var groups = m.split(/[ .-]/);
      if (groups.length === 1) {  // 0912345678: 0912, 345, 678; 19001234: 1900, 1234
        groups = m.length > 8 ? [m.slice(0, 4), m.slice(4, 7), m.slice(7)] : [m.slice(0, 4), m.slice(4)];
      }
      return groups.map(digitWords).join(", ");
    }],
    // Ranges: 2024–2029, 15-20%: "đến"
    [/(\d)\s?[–-]\s?(?=\d)/gu, "$1 đến "],
    // 12/2025: "tháng mười hai năm hai nghìn không trăm hai mươi lăm"
    [new RegExp(NOT_AFTER + "(\\d{1,2})/(\\d{4})" + NOT_BEFORE, "gu"), function (m, mo, y, offset, s) {
      mo = Number(mo);
      if (!isMonth(mo)) { return m; }
      return (after(s, offset, "tháng") ? "" : "tháng ") + monthWords(mo) + " năm " + numberWords(Number(y));
    }],
    // 5/2 (day/month): "ngày năm tháng hai"
    [new RegExp(NOT_AFTER + "(\\d{1,2})/(\\d{1,2})" + NOT_BEFORE, "gu"), function (m, d, mo, offset, s) {
      d = Number(d); mo = Number(mo);
      if (!isDay(d) || !isMonth(mo)) { return m; }
      return (after(s, offset, "ngày|mùng|mồng") ? "" : "ngày ") + numberWords(d) + " tháng " + monthWords(mo);
    }],
    // 7h30, 7h, 07:30: "bảy giờ ba mươi"; 7h05: "bảy giờ năm phút"
    [new RegExp(NOT_AFTER + "(\\d{1,2})(?:h(\\d{2})?|:(\\d{2}))(?:'|p(?!\\p{L}))?(?![\\p{L}\\p{N}])", "gu"), function (m, h, m1, m2) {
      var hour = Number(h), minutes = m1 || m2;
      if (hour > 24 || (minutes && Number(minutes) > 59)) { return m; }
      var words = numberWords(hour) + " giờ";
      if (minutes && Number(minutes)) { words += " " + numberWords(Number(minutes)) + (Number(minutes) < 10 ? " phút" : ""); }
      return words;
    }],
    // Ordinals and April: thứ 1 → thứ nhất, thứ 4 → thứ tư, tháng 4 → tháng tư
    [/(thứ|tháng)(\s+)([14])(?![\p{N}]|[.,/]\p{N})/giu, function (m, word, space, n) {
      if (n === "1") { return /^thứ$/iu.test(word) ? word + space + "nhất" : m; }
      return word + space + "tư";
    }],
    // A list written without spaces (tổ 1,2,3) is not a decimal
    [/\d+(?:,\d+){2,}/gu, function (m) { return m.split(",").join(", "); }],
    // Units after a number
    [/(\d)\s?m[²2](?![\p{L}\p{N}])/gu, "$1 mét vuông"],
    [/(\d)\s?m[³3](?![\p{L}\p{N}])/gu, "$1 mét khối"],
    [/(\d)\s?km(?![\p{L}\p{N}])/gu, "$1 ki lô mét"],
    [/(\d)\s?kg(?![\p{L}\p{N}])/gu, "$1 ki lô gam"],
    [/(\d)\s?ha(?![\p{L}\p{N}])/gu, "$1 héc ta"],
    [/(\d)\s?(?:đ|VNĐ|VND|vnđ)(?![\p{L}\p{N}])/gu, "$1 đồng"],
    [/(?<![\p{L}\p{N}])(?:VNĐ|VND)(?![\p{L}\p{N}])/gu, "đồng"],
    [/\s?%/gu, " phần trăm"],
    // Every other number: 2.500, 1,2, 125.500.000, 2025
    [/(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?/gu, function (m, whole, fraction) { return writtenNumber(whole, fraction); }],
    // Signs the report pages write: ▲ 21% so với năm 2024
    [/▲/gu, " tăng "],
    [/▼/gu, " giảm "],
    [/\s&\s/gu, " và "],
    // Between words: 03/TB-UBND, người/hộ: "không ba trên TB Ủy ban nhân dân", "người trên hộ"
    [/(?<=[\p{L}\p{N}])\s?\/\s?(?=[\p{L}\p{N}])/gu, " trên "],
    [/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu, " "]
  ];

  /** `text` as the voice should say it: abbreviations spelled out (`abbreviations`: "BHYT" →
      "bảo hiểm y tế"), numbers, dates, times, money and percentages in words. */
  function spoken(text, abbreviations) {
    var out = String(text).normalize("NFC");
    var keys = Object.keys(abbreviations || {}).sort(function (a, b) { return b.length - a.length; });
    if (keys.length) {
      var pattern = new RegExp("(?<![\\p{L}\\p{N}])(?:" + keys.map(escapeRegExp).join("|") + ")(?![\\p{L}\\p{N}])", "gu");
      out = out.replace(pattern, function (short) { return abbreviations[short]; });
    }
    RULES.forEach(function (rule) { out = out.replace(rule[0], rule[1]); });
    return out.replace(/\s+/g, " ").replace(/\s+([.,;:!?…)])/g, "$1").trim();
  }

  /** Pieces of at most `max` characters joined greedily, in order. */
  function pack(pieces, max) {
    var parts = [], current = "";
    pieces.forEach(function (piece) {
      if (current && current.length + 1 + piece.length > max) { parts.push(current); current = ""; }
      current = current ? current + " " + piece : piece;
    });
    if (current) { parts.push(current); }
    return parts;
  }

  /** A long text cut into parts of at most `max` characters: whole sentences where they fit, a
      longer sentence at its commas (then spaces). Phones' voices stall or stop on long
      utterances, and a part is where a pause or a new speed starts again. */
  function chunks(text, max) {
    if (text.length <= max) { return text ? [text] : []; }
    var parts = [], sentences = [];
    text.split(/(?<=[.!?;:…])\s+/).forEach(function (sentence) {
      if (sentence.length <= max) { sentences.push(sentence); return; }
      parts = parts.concat(pack(sentences, max));
      sentences = [];
      var clauses = [];
      sentence.split(/(?<=,)\s+/).forEach(function (clause) {
        while (clause.length > max) {
          var cut = clause.lastIndexOf(" ", max);
          if (cut <= 0) { cut = max; }
          clauses.push(clause.slice(0, cut));
          clause = clause.slice(cut).trim();
        }
        if (clause) { clauses.push(clause); }
      });
      parts = parts.concat(pack(clauses, max));
    });
    return parts.concat(pack(sentences, max));
  }

  var api = { numberWords: numberWords, spoken: spoken, chunks: chunks };
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.WardNewsSpeech = api; }
})(this);
