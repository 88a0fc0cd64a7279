"""Mistakes in the ward-news options of mkdocs.yml stop the build with a Vietnamese message naming the
option, through `ward-news build` and `mkdocs build` alike, all at once and without a traceback."""

import re
import subprocess
import sys
from datetime import date

import pytest

from generator.mkdocs_plugin.config import WardNewsConfig
from tests.cli.test_cli import snapshot, ward_news
from tests.conftest import copy_sample

TIMEZONE = ("mkdocs.yml, tùy chọn “timezone” của ward-news: không có múi giờ “Asia/Ha_Noi”. "
            "Có phải ý bạn là “Asia/Ho_Chi_Minh”?")
UNKNOWN = ("mkdocs.yml: ward-news không có tùy chọn “pagination_per_pages”. "
           "Có phải ý bạn là “pagination_per_page”?")

MISTAKES = {
    "timezone: Asia/Ha_Noi": TIMEZONE,
    "pagination_per_pages: 10": UNKNOWN,
    "pagination_per_page: 0": "mkdocs.yml, tùy chọn “pagination_per_page” của ward-news: cần một số nguyên từ 1 "
                              "trở lên (số bài trên mỗi trang danh sách), không phải “0”.",
    "home_latest_count: -3": "mkdocs.yml, tùy chọn “home_latest_count” của ward-news: cần một số nguyên từ 0 trở "
                             "lên (số tin mới nhất trên trang chủ), không phải “-3”.",
    "workers: hai": "mkdocs.yml, tùy chọn “workers” của ward-news: cần một số nguyên từ 1 trở lên (số tiến trình "
                    "vẽ ảnh chia sẻ), không phải “hai”.",
    "home_featured_max: 2.5": "mkdocs.yml, tùy chọn “home_featured_max” của ward-news: cần một số nguyên từ 0 trở "
                              "lên (số bài nổi bật tối đa trên trang chủ), không phải “2.5”.",
    "editor_repo: mttq hoa binh": "mkdocs.yml, tùy chọn “editor_repo” của ward-news: cần tên kho GitHub dạng "
                                  "tài-khoản/tên-kho, ví dụ mttq-hoabinh/trang-tin, không phải “mttq hoa binh”.",
    "editor_branch: ../main": "mkdocs.yml, tùy chọn “editor_branch” của ward-news: cần tên một nhánh git, ví dụ "
                              "main, không phải “../main”.",
    "now: 2026-13-01 10:00": "mkdocs.yml, tùy chọn “now” của ward-news: “2026-13-01 10:00” không phải ngày giờ hợp "
                             "lệ: không có tháng 13. Viết dạng YYYY-MM-DD HH:MM, ví dụ 2026-11-20 12:00, hoặc bỏ dòng "
                             "này để dùng giờ hiện tại.",
}


def with_options(root, *lines):
    """The sample's mkdocs.yml with its ward-news options replaced by `lines`."""
    config = root / "mkdocs.yml"
    text, count = re.subn(r"(  - ward-news:\n)(?:      .*\n)*",
                          lambda m: m[1] + "".join(f"      {line}\n" for line in lines),
                          config.read_text("utf-8"))
    assert count == 1
    config.write_text(text, "utf-8")
    return root


def mkdocs_build(root):
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, capture_output=True, text=True,
                          timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """One copy of the sample ward, with a published site in place (the options are read before
    anything is built, so a stand-in is enough; test_offline.py builds the real one)."""
    root = copy_sample(tmp_path_factory.mktemp("options"))
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("trang đang đăng", "utf-8")
    return root


@pytest.mark.parametrize("line", list(MISTAKES))
def test_each_mistake_is_named_in_vietnamese_and_stops_the_build(sample, line):
    before = snapshot(sample / "site")
    original = (sample / "mkdocs.yml").read_text("utf-8")
    try:
        result = ward_news("build", cwd=with_options(sample, line))
    finally:
        (sample / "mkdocs.yml").write_text(original, "utf-8")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines == [MISTAKES[line], "Không dựng được trang web: tệp mkdocs.yml có lỗi (xem ở trên).",
                     f"Trang web cũ trong {sample / 'site'} vẫn được giữ nguyên."]
    assert snapshot(sample / "site") == before


def test_every_mistake_comes_back_at_once_through_both_commands(tmp_path):
    root = with_options(copy_sample(tmp_path), *MISTAKES)
    ours = ward_news("build", cwd=root)
    theirs = mkdocs_build(root)
    for result in ours, theirs:
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        for message in MISTAKES.values():
            assert message in result.stderr
    assert "Config value" not in ours.stderr and "Plugin 'ward-news'" not in ours.stderr  # no English prefix
    assert "Aborted with a configuration error!" in theirs.stdout
    assert not (root / "site").exists()


def test_an_unknown_option_with_nothing_close_lists_the_options(tmp_path):
    result = ward_news("build", cwd=with_options(copy_sample(tmp_path), "giao_dien: toi"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ("mkdocs.yml: ward-news không có tùy chọn “giao_dien”. Các tùy chọn có: timezone, pagination_per_page, "
            "home_latest_count, home_featured_max, cache_dir, workers, editor_repo, editor_branch, now.") in result.stderr


def test_check_and_new_refuse_a_wrong_timezone_too(tmp_path):
    root = with_options(copy_sample(tmp_path), "timezone: asia/ho_chi_minh", "pagination_per_page: mười")
    checked = ward_news("check", cwd=root)
    assert checked.returncode == 2 and "Traceback" not in checked.stderr
    assert checked.stderr.splitlines() == [
        "mkdocs.yml, tùy chọn “timezone” của ward-news: không có múi giờ “asia/ho_chi_minh”. "
        "Có phải ý bạn là “Asia/Ho_Chi_Minh”?",
        "mkdocs.yml, tùy chọn “pagination_per_page” của ward-news: cần một số nguyên từ 1 trở lên "
        "(số bài trên mỗi trang danh sách), không phải “mười”."]
    created = ward_news("new", "Bài mới", "--category", "An sinh xã hội", cwd=root)
    assert created.returncode == 1 and "Traceback" not in created.stderr
    assert "không có múi giờ “asia/ho_chi_minh”" in created.stderr


def validated(**options):
    config = WardNewsConfig()
    config.load_dict(options)
    errors, warnings = config.validate()
    return config, [str(error) for _, error in errors], warnings


def test_what_yaml_and_env_give_is_accepted():
    # `now: 2026-11-20` is a date to YAML, `!ENV` gives text, and `key:` alone means the default.
    config, errors, warnings = validated(now=date(2026, 11, 20), workers="3",
                                         pagination_per_page=None, cache_dir="", timezone="Asia/Saigon")
    assert errors == [] and warnings == []
    assert config.now == "2026-11-20" and config.workers == 3 and config.pagination_per_page == 20
    assert config.cache_dir == "" and config.timezone == "Asia/Saigon"


@pytest.mark.parametrize("written, nearest", [
    ("Ha Noi", "Asia/Ho_Chi_Minh"), ("GMT+7", "Asia/Ho_Chi_Minh"), ("Viet Nam", "Asia/Ho_Chi_Minh"),
    ("Europe/Pari", "Europe/Paris"), ("asia/bangkok", "Asia/Bangkok"),
])
def test_a_near_miss_timezone_gets_the_zone_it_meant(written, nearest):
    _, errors, _ = validated(timezone=written)
    assert errors == [f"mkdocs.yml, tùy chọn “timezone” của ward-news: không có múi giờ “{written}”. "
                      f"Có phải ý bạn là “{nearest}”?"]


def test_a_timezone_that_is_not_a_name_says_what_vietnam_uses():
    _, errors, _ = validated(timezone=7, now="2026-11-20 12:00", workers=["2"])
    assert errors == [
        "mkdocs.yml, tùy chọn “timezone” của ward-news: cần tên một múi giờ, ví dụ Asia/Ho_Chi_Minh, không phải “7”.",
        "mkdocs.yml, tùy chọn “workers” của ward-news: cần một số nguyên từ 1 trở lên (số tiến trình vẽ ảnh chia sẻ), "
        "không phải một danh sách."]
    _, errors, _ = validated(timezone="Mars/Olympus")
    assert errors == ["mkdocs.yml, tùy chọn “timezone” của ward-news: không có múi giờ “Mars/Olympus”. "
                      "Ở Việt Nam dùng Asia/Ho_Chi_Minh."]


def test_true_is_not_a_number():
    _, errors, _ = validated(pagination_per_page=True)
    assert errors == ["mkdocs.yml, tùy chọn “pagination_per_page” của ward-news: cần một số nguyên từ 1 trở lên "
                      "(số bài trên mỗi trang danh sách), không phải true."]
