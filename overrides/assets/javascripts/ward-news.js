/* ward-news: share and print buttons. No third-party script: the phone's own share sheet
   (Web Share API) where it exists, the clipboard otherwise. Buttons stay hidden without JS. */
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
  document.querySelectorAll(".wn-share__native").forEach(function (button) {
    if (!navigator.share) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.share({ title: button.dataset.shareTitle, url: button.dataset.shareUrl }).catch(function () {});
    });
  });
  document.querySelectorAll(".wn-share__copy").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(button.dataset.shareUrl).then(function () {
        status(button, "Đã sao chép liên kết. Bạn có thể dán vào Zalo hoặc Facebook.");
      }, function () {
        status(button, "Không sao chép được. Liên kết: " + button.dataset.shareUrl);
      });
    });
  });
  document.querySelectorAll(".wn-share__print").forEach(function (button) {
    if (!window.print) { return; }
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
