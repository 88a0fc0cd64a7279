"""One readable rule for every heading id on the site: "đ" kept as "d", report sections named
after their group, never the same id twice on a page."""

from __future__ import annotations

from collections import Counter

from tests.conftest import article, build_site, make_site

REPORT = ("---\ntitle: Báo cáo tổng kết năm 2025\nyear: 2025\ndate: 2026-01-10\nindicators:\n"
          "  - group: Chuyển đổi số\n    items:\n      - {label: Tổ dân phố có Zalo, value: 12, previous: 9}\n"
          "  - group: An sinh xã hội\n    items:\n      - {label: Phần quà, value: 2500, unit: phần}\n---\n"
          "Năm 2025, Mặt trận phường hoàn thành các chỉ tiêu.\n\n## Chuyển đổi số\n\nCả 12 tổ dân phố có nhóm Zalo.\n\n"
          "## Đại đoàn kết\n\nXây mới một nhà Đại đoàn kết.\n\n"
          # Headings named like what the page itself writes: never the same id twice.
          "## Số liệu chuyển đổi số\n\nx\n\n## Biểu đồ nhóm 1\n\ny\n\n## Biểu đồ tin bài 2025\n\nz\n")


def test_heading_ids_keep_d_and_never_repeat_on_a_page(tmp_path):
    root = make_site(tmp_path, {"content/reports/2025.md": REPORT,
                                "content/news/2026/a.md": article(body="## Đường làng, ngõ xóm\n\nĐoạn.\n")})
    result = build_site(root)
    assert result.ok, result.log
    report = result.html("bao-cao/2025")
    ids = [tag["id"] for tag in report.select("[id]")]
    assert "chuyen-doi-so" in ids and "dai-doan-ket" in ids  # the narrative's headings
    assert "wn-so-lieu-chuyen-doi-so" in ids and "wn-so-lieu-an-sinh-xa-hoi" in ids  # the figure groups
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert report.select_one('a[href="#wn-so-lieu-chuyen-doi-so"]') is not None  # the contents link to it
    assert {"so-lieu-chuyen-doi-so", "bieu-do-nhom-1", "bieu-do-tin-bai-2025"} <= set(ids)  # the officer's
    assert result.html("tin-tuc/a").find(id="duong-lang-ngo-xom") is not None
