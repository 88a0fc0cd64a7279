"""Typographic quotes: headlines through `curly_quotes`, bodies through smarty and the sanitiser,
and the places that must keep straight quotes (code, web addresses, HTML attributes)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import markdown
import pytest

from generator.core.load import load_site
from generator.core.plan import build_plan
from generator.core.quotes import MARKDOWN_EXTENSIONS, curly_quotes
from generator.core.rules.body_html import BODY_EXTENSION_CONFIGS, BODY_EXTENSIONS
from generator.core.sanitize import sanitize_html
from generator.core.settings import Settings
from tests.conftest import CATEGORIES, article, write_files


@pytest.mark.parametrize("typed, printed", [
    ('Phát động Tháng cao điểm "Vì người nghèo" năm 2026', "Phát động Tháng cao điểm “Vì người nghèo” năm 2026"),
    ('"Chăm lo Tết": trao 1.180 phần quà', "“Chăm lo Tết”: trao 1.180 phần quà"),
    ("Ông Ba nói 'nhà là chỗ dựa' với bà con", "Ông Ba nói ‘nhà là chỗ dựa’ với bà con"),
    ("'Mỗi tháng một \"Ngày chủ nhật xanh\"'", "‘Mỗi tháng một “Ngày chủ nhật xanh”’"),
    ("Quán cà phê Tư's và \"Ngày hội\" (\"lần 2\")", "Quán cà phê Tư’s và “Ngày hội” (“lần 2”)"),
    ("Thế hệ '90 giữ nghề", "Thế hệ ’90 giữ nghề"),
    ("Không có ngoặc nào", "Không có ngoặc nào"),
    ("Đã “cong” sẵn", "Đã “cong” sẵn"),
])
def test_headlines_get_vietnamese_print_quotes(typed, printed):
    assert curly_quotes(typed) == printed


def test_code_and_web_addresses_in_a_headline_keep_straight_quotes():
    typed = "Gõ `ward-news \"check\"` rồi xem http://a.vn/it's \"tại đây\""
    assert curly_quotes(typed) == "Gõ `ward-news \"check\"` rồi xem http://a.vn/it's “tại đây”"
    assert curly_quotes('Xem "http://a.vn/x".') == "Xem “http://a.vn/x”."


def _body(text: str) -> str:
    """A body as the site publishes it: rendered as the plugin renders it, then sanitised."""
    renderer = markdown.Markdown(extensions=BODY_EXTENSIONS + list(MARKDOWN_EXTENSIONS),
                                 extension_configs={**BODY_EXTENSION_CONFIGS, **MARKDOWN_EXTENSIONS})
    return sanitize_html(renderer.convert(text))


def test_body_quotes_are_curled_into_real_characters():
    html = _body("Bà Tư nói: \"Đây là 'món quà' của bà con\". Nhà của bà Tư's.")
    assert html == "<p>Bà Tư nói: “Đây là ‘món quà’ của bà con”. Nhà của bà Tư’s.</p>"
    assert "&ldquo;" not in html and '"' not in html  # the sanitiser writes smarty's entities as characters


def test_code_spans_and_blocks_keep_straight_quotes():
    html = _body('Gõ `say "hi"` nhé.\n\n    in "ra" \'đây\'\n\n```\nkhối "rào"\n```\n')
    assert '<code>say "hi"</code>' in html
    assert "<pre><code>in \"ra\" 'đây'\n</code></pre>" in html
    assert 'khối "rào"' in html


def test_web_addresses_and_html_attributes_keep_straight_quotes():
    html = _body("[Bài \"hay\"](https://vi.wikipedia.org/wiki/Tư's) và <https://a.vn/it's> và "
                 "http://b.vn/o'k và \"http://c.vn/x\". <abbr title=\"Mặt trận 'Tổ quốc'\">'MTTQ'</abbr>")
    assert '<a href="https://vi.wikipedia.org/wiki/Tư\'s" rel="noopener noreferrer">Bài “hay”</a>' in html
    assert ">https://a.vn/it's</a>" in html and "http://b.vn/o'k" in html and "“http://c.vn/x”." in html
    assert "<abbr title=\"Mặt trận 'Tổ quốc'\">‘MTTQ’</abbr>" in html


def test_heading_ids_do_not_change_with_curly_quotes():
    html = markdown.Markdown(extensions=["toc", *MARKDOWN_EXTENSIONS], extension_configs=MARKDOWN_EXTENSIONS) \
        .convert('## Quỹ "Vì người nghèo"')
    assert html == '<h2 id="quy-vi-nguoi-ngheo">Quỹ &ldquo;Vì người nghèo&rdquo;</h2>'


def test_titles_summaries_and_share_cards_are_curled_once_where_content_is_read(tmp_path):
    write_files(tmp_path, {
        "content/categories.yml": CATEGORIES,
        "content/news/qua.md": article(title="'Trao quà \"Tết yêu thương\"'", summary="'Bà con nói \"cảm ơn\"'"),
        "content/news/vneid.md": article(title="Cài VNeID", date="2026-01-08",
                                         body="Tổ công nghệ số \"cầm tay chỉ việc\" tại `nhà \"văn hóa\"`."),
    })
    settings = Settings(content_dir=tmp_path / "content", display_root=tmp_path, site_url="https://phuong.example.vn/")
    result = load_site(settings, datetime(2026, 11, 20, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")))
    assert result.ok, result.problems.problems
    qua, vneid = result.site.articles
    assert qua.title == "Trao quà “Tết yêu thương”"
    assert qua.summary == qua.lede == qua.description == "Bà con nói “cảm ơn”"
    assert vneid.summary == "Tổ công nghệ số “cầm tay chỉ việc” tại nhà \"văn hóa\"."  # a summary from the body
    cards = {page.url: page.card for page in build_plan(result.site, settings).cards}
    assert cards["tin-tuc/qua/"].title == "Trao quà “Tết yêu thương”"
