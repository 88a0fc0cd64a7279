""""Nghe đọc": the browser reads an article, a document or a report aloud in a Vietnamese voice.

Real Chromium on a built site; the voice is a stand-in `speechSynthesis` installed before the
page's scripts, which records what it is asked to say (text, language, speed) and ends each
utterance by itself (`auto`) or when the test says so. How numbers, dates and money are said
(vi-speech.js) is checked in Node, case by case."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, article, build_site, make_site, served, settle
from tests.core.test_reports import REPORT
from tests.sites.test_csp import WATCH
from tests.sites.test_reading import _colours, _contrast

SPEECH_JS = REPO / "generator" / "theme" / "assets" / "javascripts" / "vi-speech.js"
PNG = (Path(__file__).parent.parent / "fixtures" / "tiny.png").read_bytes()
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PHONE = {"width": 360, "height": 640}
ARTICLE_URL = "tin-tuc/cap-the-bhyt/"
DOCUMENT_URL = "van-ban/2026-125-tb-ubnd-lich-cat-dien/"
RATE_KEY = "ward-news.listen-rate"

BODY = """\
Sáng 5/2, UBND phường trao 2.500 thẻ BHYT cho người cao tuổi, tổng giá trị 1,2 tỷ đồng.

Ngày 22/12/2025, tỷ lệ hộ tham gia đạt 12%; buổi trao bắt đầu lúc 7h30.

![Trao thẻ](anh.png)

## Kết quả

- Tổ 1: 1.005 thẻ
- Tổ 2: 125.500.000 đồng

<table><thead><tr><th>Tổ</th><th>Số thẻ</th></tr></thead><tbody><tr><td>Tổ 3</td><td>10.000</td></tr></tbody></table>

    in_the_code_block = "không đọc"

Đoạn cuối.
"""
HEARD = [
    "Cấp thẻ bảo hiểm y tế cho người cao tuổi",
    "Ủy ban nhân dân phường cấp hai nghìn năm trăm thẻ bảo hiểm y tế.",
    "Sáng ngày năm tháng hai, Ủy ban nhân dân phường trao hai nghìn năm trăm thẻ bảo hiểm y tế cho người cao tuổi, "
    "tổng giá trị một phẩy hai tỷ đồng.",
    "Ngày hai mươi hai tháng mười hai năm hai nghìn không trăm hai mươi lăm, tỷ lệ hộ tham gia đạt mười hai phần "
    "trăm; buổi trao bắt đầu lúc bảy giờ ba mươi.",
    "Kết quả",
    "Tổ một: một nghìn không trăm linh năm thẻ",
    "Tổ hai: một trăm hai mươi lăm triệu năm trăm nghìn đồng",
    "Tổ, Số thẻ",
    "Tổ ba, mười nghìn",
    "Đoạn cuối.",
]


def document() -> str:
    return "\n".join([
        "---", "title: Lịch tạm ngừng cung cấp điện tháng 11", "number: 125/TB-UBND", "type: Thông báo",
        "issuer: UBND phường Thử Nghiệm", "date: 2026-11-02", "signer: Nguyễn Văn An", "file: files/125.pdf",
        "---", "Tạm ngừng cấp điện từ 7h30 đến 11h ngày 8/11.", ""])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    files = {
        "content/site.yml": "name: Phường Thử Nghiệm\n",
        "content/news/2026/cap-the-bhyt.md": article(
            title="Cấp thẻ BHYT cho người cao tuổi", date="2026-02-05", image="anh.png", image_alt="Trao thẻ",
            summary="UBND phường cấp 2.500 thẻ BHYT.", body=BODY),
        "content/news/2026/anh.png": PNG,
        "content/news/2026/khac.md": article(title="Một bài khác về CCCD", date="2026-01-02",
                                             body="Làm CCCD tại phường."),
        "content/documents/2026-125-tb-ubnd-lich-cat-dien.md": document(),
        "content/documents/files/125.pdf": PDF,
        "content/reports/2025.md": REPORT,
        "content/pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nUBND phường.\n",
    }
    built = build_site(make_site(tmp_path_factory.mktemp("listen"), files))
    assert built.ok, built.log
    with served(built.site_dir) as server:
        yield built, server


VI_VOICE = {"name": "Tiếng Việt", "lang": "vi-VN", "localService": True, "default": False, "voiceURI": "vi"}
EN_VOICE = {"name": "English", "lang": "en-US", "localService": True, "default": True, "voiceURI": "en"}

# The stand-in voice. `window.__speech` is what the test reads and drives.
FAKE_SPEECH = """
(() => {
  const options = __OPTIONS__;
  if (options.missing) {
    Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true });
    return;
  }
  const fire = (target, type, props) => {
    const event = Object.assign(new Event(type), props || {});
    if (typeof target["on" + type] === "function") target["on" + type](event);
    target.dispatchEvent(event);
  };
  class Utterance extends EventTarget {
    constructor(text) { super(); this.text = text; this.lang = ""; this.rate = 1; this.voice = null; }
  }
  const speech = window.__speech = { heard: [], cancels: 0, auto: options.auto, current: null, queue: [],
                                     loaded: !options.late };
  const synth = new EventTarget();
  Object.defineProperty(synth, "speaking", { get: () => Boolean(speech.current) });
  synth.paused = false;
  synth.pending = false;
  synth.getVoices = () => (speech.loaded ? options.voices.slice() : []);
  const begin = () => {
    const u = speech.current = speech.queue.shift() || null;
    if (!u) return;
    speech.heard.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice && u.voice.name });
    setTimeout(() => fire(u, "start"), 0);
    if (speech.auto) setTimeout(() => speech.end(u), 20);
  };
  speech.end = (u) => {
    if (!u || speech.current !== u) return;
    speech.current = null;
    fire(u, "end");
    if (!speech.current) begin();
  };
  speech.finish = () => speech.end(speech.current);
  speech.boundary = (charIndex) => fire(speech.current, "boundary", { charIndex, name: "word" });
  synth.speak = (u) => { speech.queue.push(u); if (!speech.current) begin(); };
  synth.cancel = () => {
    speech.cancels += 1;
    const u = speech.current;
    speech.queue = [];
    speech.current = null;
    if (u) setTimeout(() => fire(u, "error", { error: "interrupted" }), 0);
  };
  synth.pause = () => { synth.paused = true; };
  synth.resume = () => { synth.paused = false; };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
  if (options.late) setTimeout(() => { speech.loaded = true; fire(synth, "voiceschanged"); }, 150);
})();
"""


@pytest.fixture
def open_page(site, chromium):
    """A page of the site in a phone-sized browser with the stand-in voice; off-site requests recorded."""
    _, server = site
    contexts = []

    def run(url=ARTICLE_URL, voices=(VI_VOICE,), auto=True, late=False, missing=False, viewport=PHONE,
            color_scheme="light", text_step=0):
        context = chromium.new_context(viewport=viewport, color_scheme=color_scheme)
        contexts.append(context)
        page = context.new_page()
        options = {"voices": list(voices), "auto": auto, "late": late, "missing": missing}
        page.add_init_script(WATCH)
        if text_step:  # the reader's text size (A+), read by the page's first inline script
            page.add_init_script(f"localStorage.setItem('ward-news.text-size', '{text_step}')")
        page.add_init_script(FAKE_SPEECH.replace("__OPTIONS__", json.dumps(options)))
        page.elsewhere = []
        page.on("request", lambda r: None if r.url.startswith((server.url, "data:")) else page.elsewhere.append(r.url))
        page.goto(server.url + url)
        settle(page)
        return page

    yield run
    for context in contexts:
        context.close()


def heard(page) -> list[str]:
    return page.evaluate("window.__speech.heard.map(h => h.text)")


def wait_heard(page, count: int) -> list[str]:
    page.wait_for_function(f"() => window.__speech.heard.length >= {count}")
    return heard(page)


def current_text(page) -> str | None:
    return page.evaluate("(() => { const el = document.querySelector('.wn-listen-current');"
                         " return el ? el.textContent.trim() : null; })()")


# --- what the build gives the page ---------------------------------------------------------------

def test_each_page_that_can_be_read_carries_only_the_abbreviations_it_uses(site):
    built, _ = site
    for url, expected in [(ARTICLE_URL, {"BHYT": "bảo hiểm y tế", "UBND": "Ủy ban nhân dân"}),
                          (DOCUMENT_URL, {"UBND": "Ủy ban nhân dân"}),
                          ("bao-cao/2025/", {})]:
        page = built.html(url)
        box = page.select_one(".wn-listen")
        assert box is not None and box.has_attr("hidden"), url  # shown by listen.js, where a voice exists
        assert json.loads(box["data-wn-abbreviations"]) == expected, url
        scripts = [s["src"] for s in page.select("script[src]") if "listen" in s["src"] or "vi-speech" in s["src"]]
        assert [s.rsplit("/", 1)[-1] for s in scripts] == ["vi-speech.js", "listen.js"], url
        assert all(s.has_attr("defer") for s in page.select("script[src]") if s["src"] in scripts)
    # The article links to the one about CCCD ("Bài sau"), but the voice never reads that link.
    assert "CCCD" in built.file(ARTICLE_URL).read_text(encoding="utf-8")
    for url in ["gioi-thieu/", "tin-tuc/", ""]:  # kinds without `listen`: no button, no script
        html = built.file(url).read_text(encoding="utf-8")
        assert "wn-listen" not in html and "listen.js" not in html, url


def test_the_labels_are_vietnamese(open_page, site):
    """listen.js makes the controls (the page carries only their empty, hidden box)."""
    built, _ = site
    assert not built.html(ARTICLE_URL).select_one(".wn-listen").contents
    page = open_page()
    assert page.text_content(".wn-listen__play").strip() == "Nghe đọc bài viết"
    assert page.text_content(".wn-listen__stop").strip() == "Dừng đọc"
    assert page.get_attribute(".wn-listen__bar", "aria-label") == "Nghe đọc bài viết"
    assert [o.strip() for o in page.locator(".wn-listen option").all_text_contents()] == [
        "Chậm (0,8×)", "Vừa (1×)", "Nhanh (1,25×)"]
    page = open_page(DOCUMENT_URL)
    assert page.text_content(".wn-listen__play").strip() == "Nghe đọc văn bản"


# --- reading -------------------------------------------------------------------------------------

def test_the_voice_reads_the_headline_then_each_block_in_order_in_vietnamese_words(open_page):
    page = open_page()
    assert page.is_visible(".wn-listen__play")
    page.click(".wn-listen__play")
    page.wait_for_function("() => document.querySelector('.wn-listen').dataset.state === 'idle'"
                           " && window.__speech.heard.length > 0")
    said = page.evaluate("window.__speech.heard")
    assert [s["text"] for s in said] == HEARD
    assert {(s["lang"], s["voice"], s["rate"]) for s in said} == {("vi-VN", "Tiếng Việt", 1)}
    assert page.text_content(".wn-listen__status") == "Đã đọc hết."
    assert page.query_selector(".wn-listen-current") is None
    assert page.elsewhere == []  # the voice is the browser's: nothing is sent anywhere
    assert page.evaluate("window.__violations") == []


def test_the_highlight_follows_the_block_being_read_and_stays_in_view(open_page):
    page = open_page(auto=False)
    page.click(".wn-listen__play")
    assert wait_heard(page, 1) == HEARD[:1]
    page.wait_for_selector("h1.wn-listen-current")
    for step in range(1, len(HEARD)):
        page.evaluate("window.__speech.finish()")
        wait_heard(page, step + 1)
        assert page.locator(".wn-listen-current").count() == 1
    assert current_text(page) == "Đoạn cuối."
    # The last paragraph was scrolled into view, clear of the header and of the bar of controls.
    page.wait_for_function("""() => {
      const r = document.querySelector('.wn-listen-current').getBoundingClientRect();
      const bar = document.querySelector('.wn-listen__bar').getBoundingClientRect();
      return r.top >= document.querySelector('.md-header').getBoundingClientRect().bottom && r.bottom <= bar.top;
    }""")
    styles = page.evaluate("(() => { const s = getComputedStyle(document.querySelector('.wn-listen-current'));"
                           " return [s.outlineStyle, s.outlineWidth, s.backgroundColor]; })()")
    assert styles[:2] == ["solid", "3px"] and styles[2] not in ("rgba(0, 0, 0, 0)", "transparent")
    text, background = _colours(page, ".wn-listen-current")
    assert _contrast(text, background) >= 7


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_highlighted_block_keeps_its_contrast_in_light_and_dark(open_page, scheme):
    page = open_page(auto=False, color_scheme=scheme)
    page.click(".wn-listen__play")
    wait_heard(page, 1)
    page.evaluate("window.__speech.finish()")
    page.wait_for_selector("p.wn-listen-current")
    text, background = _colours(page, ".wn-listen-current")
    assert _contrast(text, background) >= 7


def test_pause_continues_from_the_word_being_said_and_stop_ends_reading(open_page):
    page = open_page(auto=False)
    play = page.locator(".wn-listen__play")
    play.focus()
    page.keyboard.press("Enter")  # a keyboard starts it too
    wait_heard(page, 1)
    page.evaluate("window.__speech.finish()")
    assert wait_heard(page, 2)[1] == HEARD[1]
    at = HEARD[1].index("phường")
    page.evaluate(f"window.__speech.boundary({at})")  # the voice has reached "phường"

    assert play.inner_text().strip() == "Tạm dừng"
    play.click()
    assert page.get_attribute(".wn-listen", "data-state") == "paused"
    assert play.inner_text().strip() == "Đọc tiếp"
    assert page.evaluate("window.__speech.cancels") >= 2 and page.evaluate("window.__speech.current") is None
    page.wait_for_timeout(200)
    assert len(heard(page)) == 2  # silent while paused
    assert current_text(page) == "UBND phường cấp 2.500 thẻ BHYT."  # the block stays marked

    play.click()
    assert wait_heard(page, 3)[2] == HEARD[1][at:] == "phường cấp hai nghìn năm trăm thẻ bảo hiểm y tế."
    page.evaluate("window.__speech.finish()")
    assert wait_heard(page, 4)[3] == HEARD[2]

    page.click(".wn-listen__stop")
    assert page.get_attribute(".wn-listen", "data-state") == "idle"
    assert page.locator(".wn-listen-current").count() == 0
    assert not page.is_visible(".wn-listen__stop")
    assert page.evaluate("document.activeElement.classList.contains('wn-listen__play')")
    assert page.text_content(".wn-listen__status") == "Đã dừng đọc."
    page.wait_for_timeout(200)
    assert len(heard(page)) == 4 and page.evaluate("window.__speech.current") is None

    # Escape stops as well; reading again starts from the headline.
    play.click()
    assert wait_heard(page, 5)[4] == HEARD[0]
    page.keyboard.press("Escape")
    assert page.get_attribute(".wn-listen", "data-state") == "idle"
    assert page.evaluate("window.__violations") == []


def test_the_speed_is_remembered_on_the_device_and_applies_at_once(open_page, site):
    page = open_page(auto=False)
    page.select_option(".wn-listen__rate", "1.25")
    assert page.evaluate(f"localStorage.getItem({RATE_KEY!r})") == "1.25"
    page.reload()
    settle(page)
    assert page.input_value(".wn-listen__rate") == "1.25"
    page.click(".wn-listen__play")
    wait_heard(page, 1)
    page.evaluate("window.__speech.finish()")
    wait_heard(page, 2)
    assert page.evaluate("window.__speech.heard.map(h => h.rate)") == [1.25, 1.25]
    # Slower while reading: the block being read starts again at the new speed.
    page.select_option(".wn-listen__rate", "0.8")
    said = page.evaluate("window.__speech.heard")
    assert len(said) == 3 and (said[2]["text"], said[2]["rate"]) == (HEARD[1], 0.8)
    assert page.evaluate(f"localStorage.getItem({RATE_KEY!r})") == "0.8"
    page.select_option(".wn-listen__rate", "1")  # the default stores nothing
    assert page.evaluate(f"localStorage.getItem({RATE_KEY!r})") is None


@pytest.mark.parametrize("voices,missing", [([EN_VOICE], False), ([], False), ([], True)],
                         ids=["english-only", "no-voices", "no-speech-synthesis"])
def test_without_a_vietnamese_voice_there_is_no_button(open_page, voices, missing):
    page = open_page(voices=voices, missing=missing)
    page.wait_for_timeout(300)
    assert not page.is_visible(".wn-listen")
    assert page.locator(".wn-listen button:visible").count() == 0
    assert page.evaluate("window.__violations") == []


def test_a_voice_that_arrives_late_brings_the_button(open_page):
    page = open_page(voices=[EN_VOICE, {**VI_VOICE, "lang": "vi_VN"}], late=True)
    page.wait_for_selector(".wn-listen__play", state="visible")
    page.click(".wn-listen__play")
    assert wait_heard(page, 1)[0] == HEARD[0]
    assert page.evaluate("window.__speech.heard[0].voice") == "Tiếng Việt"


def test_a_document_is_read_with_its_particulars(open_page):
    page = open_page(url=DOCUMENT_URL)
    page.click(".wn-listen__play")
    page.wait_for_function("() => document.querySelector('.wn-listen').dataset.state === 'idle'")
    assert heard(page) == [
        "Lịch tạm ngừng cung cấp điện tháng mười một",
        "Thông tin văn bản",
        "Số, ký hiệu: một trăm hai mươi lăm trên TB Ủy ban nhân dân",
        "Loại văn bản: Thông báo",
        "Cơ quan ban hành: Ủy ban nhân dân phường Thử Nghiệm",
        "Ngày ban hành: ngày hai tháng mười một năm hai nghìn không trăm hai mươi sáu",
        "Ngày có hiệu lực: ngày hai tháng mười một năm hai nghìn không trăm hai mươi sáu",
        "Người ký: Nguyễn Văn An",
        "Tạm ngừng cấp điện từ bảy giờ ba mươi đến mười một giờ ngày tám tháng mười một.",
    ]
    assert page.elsewhere == [] and page.evaluate("window.__violations") == []


def test_a_report_is_read_with_its_headline_figures(open_page):
    page = open_page(url="bao-cao/2025/")
    page.click(".wn-listen__play")
    page.wait_for_function("() => document.querySelector('.wn-listen').dataset.state === 'idle'")
    said = heard(page)
    assert said[0] == "Tổng kết công tác Mặt trận năm hai nghìn không trăm hai mươi lăm"
    assert "hơn hai nghìn năm trăm phần, Phần quà" in said
    assert "Năm hai nghìn không trăm hai mươi lăm, Mặt trận phường hoàn thành các chỉ tiêu." in said
    assert not any(ch.isdigit() for text in said for ch in text), said
    assert page.elsewhere == [] and page.evaluate("window.__violations") == []


# --- on a phone ----------------------------------------------------------------------------------

@pytest.mark.parametrize("width,text_step", [(360, 0), (360, 2), (390, 0), (1280, 0)])
def test_the_controls_are_thumb_sized_and_fit_the_screen(open_page, width, text_step):
    page = open_page(auto=False, viewport={"width": width, "height": 740}, text_step=text_step)

    def sizes():
        return page.evaluate("""[...document.querySelectorAll('.wn-listen button, .wn-listen select')]
          .filter(e => e.getClientRects().length)
          .map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])""")
    assert all(w >= 44 and h >= 44 for w, h in sizes()), sizes()
    page.click(".wn-listen__play")
    wait_heard(page, 1)
    assert len(sizes()) == 3 and all(w >= 44 and h >= 44 for w, h in sizes()), sizes()
    bar = page.evaluate("(() => { const r = document.querySelector('.wn-listen__bar').getBoundingClientRect();"
                        " return [r.left, r.right, r.bottom, innerHeight]; })()")
    assert bar[0] == 0 and bar[1] == width and bar[2] == bar[3]  # the whole width, at the bottom
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
    inside = page.evaluate("""[...document.querySelectorAll('.wn-listen__bar button:not([hidden]), .wn-listen__rate')]
      .map(e => e.getBoundingClientRect()).every(r => r.left >= 0 && r.right <= innerWidth)""")
    one_line = page.evaluate("""[...document.querySelectorAll('.wn-listen__bar button:not([hidden]) span')]
      .every(e => e.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(e).fontSize))""")
    assert inside and one_line  # "Tạm dừng", "Dừng đọc" whole on the screen, each on one line
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # the page's end clears the bar
    bottom = page.evaluate("document.querySelector('.md-footer').getBoundingClientRect().bottom")
    assert bottom <= bar[3] - page.evaluate("document.querySelector('.wn-listen__bar').offsetHeight") + 1


# --- how numbers, dates and money are said (vi-speech.js, in Node) -------------------------------

NUMBERS = {0: "không", 5: "năm", 10: "mười", 11: "mười một", 14: "mười bốn", 15: "mười lăm", 20: "hai mươi",
           21: "hai mươi mốt", 24: "hai mươi tư", 25: "hai mươi lăm", 101: "một trăm linh một",
           105: "một trăm linh năm", 110: "một trăm mười", 115: "một trăm mười lăm", 1000: "một nghìn",
           1005: "một nghìn không trăm linh năm", 1050: "một nghìn không trăm năm mươi", 2500: "hai nghìn năm trăm",
           10000: "mười nghìn", 1000000: "một triệu", 1000005: "một triệu không trăm linh năm",
           125500000: "một trăm hai mươi lăm triệu năm trăm nghìn", 1000000000: "một tỷ",
           1500000000000: "một nghìn năm trăm tỷ"}
SPOKEN = {
    "0": "không", "5": "năm", "10": "mười", "15": "mười lăm", "21": "hai mươi mốt", "25": "hai mươi lăm",
    "101": "một trăm linh một", "105": "một trăm linh năm", "1.000": "một nghìn",
    "1.005": "một nghìn không trăm linh năm", "2.500": "hai nghìn năm trăm", "10.000": "mười nghìn",
    "1.000.000": "một triệu", "125.500.000": "một trăm hai mươi lăm triệu năm trăm nghìn",
    "1,2": "một phẩy hai", "0,5": "không phẩy năm", "1,05": "một phẩy không năm",
    "1,2 tỷ đồng": "một phẩy hai tỷ đồng", "500.000đ": "năm trăm nghìn đồng",
    "22/12/2025": "ngày hai mươi hai tháng mười hai năm hai nghìn không trăm hai mươi lăm",
    "22-12-2025": "ngày hai mươi hai tháng mười hai năm hai nghìn không trăm hai mươi lăm",
    "Ngày 22/12/2025": "Ngày hai mươi hai tháng mười hai năm hai nghìn không trăm hai mươi lăm",
    "5/2": "ngày năm tháng hai", "sáng 9/1": "sáng ngày chín tháng một", "ngày 30/4": "ngày ba mươi tháng tư",
    "tháng 12/2025": "tháng mười hai năm hai nghìn không trăm hai mươi lăm",
    "7h30": "bảy giờ ba mươi", "07:30": "bảy giờ ba mươi", "14h00": "mười bốn giờ", "7h05": "bảy giờ năm phút",
    "từ 7h30-11h": "từ bảy giờ ba mươi đến mười một giờ",
    "12%": "mười hai phần trăm", "12,5 %": "mười hai phẩy năm phần trăm",
    "▲ 21% so với năm 2024": "tăng hai mươi mốt phần trăm so với năm hai nghìn không trăm hai mươi tư",
    "thứ 4": "thứ tư", "lần thứ 1": "lần thứ nhất", "tổ 1,2,3": "tổ một, hai, ba", "42 m²": "bốn mươi hai mét vuông",
    "nhiệm kỳ 2026–2031": "nhiệm kỳ hai nghìn không trăm hai mươi sáu đến hai nghìn không trăm ba mươi mốt",
    "Gọi 0912 345 678": "Gọi không chín một hai, ba bốn năm, sáu bảy tám",
    "Số 03/TB-UBND": "Số không ba trên TB Ủy ban nhân dân",
    "UBND cấp thẻ BHYT, không phải BHYTX": "Ủy ban nhân dân cấp thẻ bảo hiểm y tế, không phải BHYTX",
}
ABBREVIATIONS = {"UBND": "Ủy ban nhân dân", "BHYT": "bảo hiểm y tế"}


@pytest.fixture(scope="module")
def node_results():
    """Every case through vi-speech.js in one Node process."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node is not installed")
    script = f"""
      const speech = require({json.dumps(str(SPEECH_JS))});
      const numbers = {json.dumps(list(NUMBERS))}, texts = {json.dumps(list(SPOKEN))};
      const abbreviations = {json.dumps(ABBREVIATIONS, ensure_ascii=False)};
      console.log(JSON.stringify({{
        numbers: numbers.map(speech.numberWords),
        spoken: texts.map(t => speech.spoken(t, abbreviations)),
        chunks: speech.chunks("Câu một ngắn. Câu hai dài hơn, có dấu phẩy, và nhiều chữ nữa. Câu ba.", 30),
      }}));
    """
    out = subprocess.run([node, "-e", script], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


@pytest.mark.parametrize("number", list(NUMBERS))
def test_whole_numbers_in_words(node_results, number):
    assert node_results["numbers"][list(NUMBERS).index(number)] == NUMBERS[number]


@pytest.mark.parametrize("text", list(SPOKEN))
def test_numbers_dates_times_money_and_abbreviations_as_said(node_results, text):
    assert node_results["spoken"][list(SPOKEN).index(text)] == SPOKEN[text]


def test_long_text_is_cut_at_sentences_then_commas(node_results):
    assert node_results["chunks"] == ["Câu một ngắn.", "Câu hai dài hơn, có dấu phẩy,", "và nhiều chữ nữa.",
                                      "Câu ba."]
