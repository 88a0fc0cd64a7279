"""A city's repository: which folders are wards, which wards a change touches, hub.yml, and the
hub written around the wards' folders without touching them."""

from pathlib import Path

import pytest

from generator.core import city, publish
from generator.core.problems import ProblemLog
from tests.conftest import write_files

PNG = (Path(__file__).parent.parent / "fixtures" / "tiny.png").read_bytes()


def make_city(root: Path, *names: str) -> list[city.WardFolder]:
    for name in names:
        (root / "wards" / name / "content").mkdir(parents=True)
    return city.find_wards(root, ProblemLog())


def test_wards_are_the_folders_with_content_in_name_order(tmp_path):
    (tmp_path / "wards" / "ghi-chu").mkdir(parents=True)  # no content/: a warning, not a ward
    log = ProblemLog()
    make_city(tmp_path, "tan-lap", "an-phu")
    wards = city.find_wards(tmp_path, log)
    assert [w.slug for w in wards] == ["an-phu", "tan-lap"]
    assert wards[0].content_dir == tmp_path / "wards/an-phu/content" and wards[0].config_file is None
    assert [(p.code, p.path, p.is_error) for p in log.problems] == [("city.ward.no_content", "wards/ghi-chu/", False)]


def test_a_folder_name_that_cannot_be_a_url_part_or_is_the_hubs_is_an_error_with_the_fix(tmp_path):
    make_city(tmp_path, "Phường Tân Lập", "don-vi", "an-phu")
    log = ProblemLog()
    assert [w.slug for w in city.find_wards(tmp_path, log)] == ["an-phu"]
    problems = {p.code: p for p in log.errors}
    assert problems["city.ward.slug"].path == "wards/Phường Tân Lập/"
    assert "“phuong-tan-lap”" in problems["city.ward.slug"].hint
    assert problems["city.ward.reserved"].path == "wards/don-vi/"


@pytest.mark.parametrize("changed, touched", [
    (["wards/an-phu/content/news/2026/bai.md"], ["an-phu"]),
    (["wards/an-phu/content/site.yml", "wards/thanh-ha/mkdocs.yml"], ["an-phu", "thanh-ha"]),
    (["wards/da-xoa/content/site.yml"], []),  # a ward deleted by the change: nothing to build
    (["README.md", "docs/huong-dan.md", "CHANGELOG.md"], []),
    (["hub.yml"], ["an-phu", "tan-lap", "thanh-ha"]),  # every ward's address comes from it
    (["requirements.txt"], ["an-phu", "tan-lap", "thanh-ha"]),  # a new ward-news
    ([".github/workflows/publish.yml", "wards/an-phu/content/site.yml"], ["an-phu", "tan-lap", "thanh-ha"]),
    ([], []),
])
def test_a_change_touches_its_wards_and_a_shared_file_touches_every_ward(tmp_path, changed, touched):
    wards = make_city(tmp_path, "an-phu", "tan-lap", "thanh-ha")
    assert city.wards_touched(wards, changed) == touched


def test_hub_yml_is_read_with_every_mistake_at_its_line(tmp_path):
    write_files(tmp_path, {"hub.yml": "name: Tin các phường\nsite_url: mttq.example.vn\nlogo: thieu.png\nmau: do\n"})
    log = ProblemLog()
    hub = city.read_hub(tmp_path, log)
    assert hub.name == "Tin các phường" and hub.site_url == "" and hub.logo == ""
    assert [(p.code, p.path, p.line) for p in log.problems] == [
        ("article.source_url.invalid", "hub.yml", 2), ("image.missing", "hub.yml", 3), ("field.unknown", "hub.yml", 4)]


def test_hub_logo_must_stay_inside_the_repository(tmp_path):
    write_files(tmp_path / "repo", {"hub.yml": "logo: ../ngoai.png\n"})
    (tmp_path / "ngoai.png").write_bytes(PNG)
    log = ProblemLog()
    assert city.read_hub(tmp_path / "repo", log).logo == ""
    assert [p.code for p in log.problems] == ["image.outside"]


def test_wards_are_published_under_the_hubs_address(tmp_path):
    write_files(tmp_path, {"hub.yml": "name: Hub\nsite_url: https://mttq.example.vn\nlogo: logo.png\n"})
    (tmp_path / "logo.png").write_bytes(PNG)
    hub = city.read_hub(tmp_path, ProblemLog())
    assert hub.site_url == "https://mttq.example.vn/" and hub.logo == "logo.png"
    assert city.ward_site_url(hub, "an-phu") == "https://mttq.example.vn/an-phu/"
    assert city.ward_site_url(city.HubInfo(), "an-phu") == ""


def test_hub_entries_replace_the_hubs_old_ones_and_leave_the_wards_alone(tmp_path):
    site = tmp_path / "site"
    write_files(site, {"an-phu/index.html": "phường", "index.html": "cũ", "don-vi/da-xoa/index.html": "cũ",
                       "feed.xml": "cũ"})
    staged = publish.staging_dir(site / ".hub")
    write_files(staged, {"index.html": "mới", "don-vi/an-phu/index.html": "mới", "atom.xml": "mới"})
    publish.publish_entries(staged, site)
    assert (site / "an-phu/index.html").read_text() == "phường"
    assert (site / "index.html").read_text() == "mới" and (site / "atom.xml").read_text() == "mới"
    assert not (site / "don-vi/da-xoa").exists() and (site / "don-vi/an-phu/index.html").is_file()
    assert (site / "feed.xml").read_text() == "cũ"  # not the hub's any more: left as it was
    assert not staged.exists() and sorted(p.name for p in site.iterdir() if p.name.startswith(".")) == []


def test_a_ward_is_rebuilt_until_it_is_published_as_it_is_now(tmp_path):
    wards = make_city(tmp_path, "an-phu", "tan-lap")
    write_files(tmp_path, {"hub.yml": "name: Hub\n", "wards/an-phu/content/site.yml": "name: An Phú\n",
                           "wards/tan-lap/content/site.yml": "name: Tân Lập\n", "README.md": "# City\n"})
    first = city.ward_fingerprints(tmp_path, wards)
    assert city.wards_to_build(first, {}) == ["an-phu", "tan-lap"]  # nothing published yet
    assert city.wards_to_build(first, first) == []
    # Build output, caches, locks and documentation are not inputs.
    write_files(tmp_path, {"site/an-phu/index.html": "x", "wards/an-phu/.cache/ward-news/a": "x",
                           ".site-an-phu.lock": "", "README.md": "# City, edited\n"})
    assert city.ward_fingerprints(tmp_path, wards) == first
    # A renamed article (with diacritics) changes its ward only; hub.yml changes every ward.
    write_files(tmp_path, {"wards/tan-lap/content/news/bài mới.md": "---\n"})
    second = city.ward_fingerprints(tmp_path, wards)
    assert city.wards_to_build(second, first) == ["tan-lap"]
    write_files(tmp_path, {"hub.yml": "name: Hub mới\n"})
    assert city.wards_to_build(city.ward_fingerprints(tmp_path, wards), second) == ["an-phu", "tan-lap"]
