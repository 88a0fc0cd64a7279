"""A warm build can never publish what a cold one would not.

Hypothesis drives random sequences of the edits officers and developers make (add, edit,
retitle, re-date and delete articles; add and remove photos; categories, authors, site.yml, a
report's figures, a document and its attachment; a template override). After each edit the
ward is built warm, in place (`ward-news build`: the page store, the memo, the spare site),
and cold, from a copy of its files in an empty folder with an empty cache: both sites must be
the same files with the same bytes, every step. Deterministic in CI: a fixed seed
(`derandomize`), no example database, a bounded number of examples and steps.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from bs4 import BeautifulSoup

from generator.cli.build import run_build
from tests.cli.test_cli import snapshot
from tests.conftest import article, make_site
from tests.core.test_documents import PDF, document
from tests.fixtures.unseen_ward import phone_photo

TITLES = ("Trao quà Tết cho hộ cận nghèo", "Hội nghị đại biểu Nhân dân", "Ra quân làm sạch đường phố",
          "Tập huấn chuyển đổi số cho tổ dân phố", "Bàn giao nhà Đại đoàn kết", "Khám bệnh miễn phí cho người cao tuổi")
SENTENCES = ("Sáng nay, Ủy ban MTTQ phường đã tổ chức chương trình.", "Có 150 hộ tham gia.",
             "Kinh phí do Nhân dân đóng góp tự nguyện.", "Ban công tác Mặt trận các tổ dân phố cùng tham gia.",
             "Hoạt động diễn ra sôi nổi, đúng kế hoạch.")
CATEGORY_NAMES = ("An sinh xã hội", "Chuyển đổi số", "Hoạt động Mặt trận")
AUTHORS = ("THU HÀ", "MINH ĐỨC")
DOCUMENT_MD = "content/documents/vb.md"
DOCUMENT_URL = "van-ban/vb/index.html"
OVERRIDE = "overrides/ward/byline.html"
PACKAGED = Path(__file__).resolve().parents[2] / "generator" / "theme"


def categories_yml(extra: str = "") -> str:
    return ("- name: An sinh xã hội\n  description: Chăm lo cho hộ nghèo" + extra + "\n"
            "- name: Chuyển đổi số\n- name: Hoạt động Mặt trận\n  slug: hoat-dong\n")


def report_md(value: int) -> str:
    return ("---\ntitle: Báo cáo tổng kết năm 2025\nyear: 2025\ndate: 2026-01-10\nindicators:\n"
            "  - group: An sinh xã hội\n    items:\n"
            f"      - {{label: Phần quà, value: {value}, unit: phần, previous: 100}}\n---\nNăm 2025 đạt kết quả tốt.\n")


def build(project: Path, site: Path) -> dict[str, bytes]:
    assert run_build(str(project / "mkdocs.yml"), None, str(site), None) == 0
    return snapshot(site)


class WarmEqualsCold(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="ward-news-warm-"))
        self.project = self.tmp / "ward"
        self.articles: dict[str, dict] = {}  # path inside the project -> its fields
        self.made = 0
        self.builds = 0

    @initialize()
    def start(self):
        files = {"content/authors.yml": "".join(f"- name: {a}\n  bio: Cán bộ Mặt trận phường.\n" for a in AUTHORS),
                 "content/site.yml": "name: Phường Thử Nghiệm\ntagline: Tin của Mặt trận phường\n",
                 "content/reports/2025.md": report_md(120),
                 DOCUMENT_MD: document(body="Lịch cụ thể như sau.\n\n![Sơ đồ khu vực](so-do.jpg)\n"),
                 "content/documents/so-do.jpg": phone_photo(640, 480),
                 "content/documents/files/125.pdf": PDF}
        self.project.mkdir()
        make_site(self.project, files, categories=categories_yml())  # the cache: .cache/ward-news
        (self.project / "overrides" / "ward").mkdir(parents=True)
        text = (self.project / "mkdocs.yml").read_text("utf-8").replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n")
        (self.project / "mkdocs.yml").write_text(text, encoding="utf-8")
        for _ in range(2):
            self._add(0, 0, 1, 0, True)
        self._compare()

    # --- articles ------------------------------------------------------------------------------
    def _write(self, path: str) -> None:
        fields = self.articles[path]
        extra = {}
        if fields["author"]:
            extra["author"] = fields["author"]
        if fields["photo"]:
            extra["image"] = fields["photo"]
            extra["image_alt"] = "Ảnh hoạt động"
        text = article(title=fields["title"], date=fields["date"], category=fields["category"],
                       body=fields["body"], tags="[an sinh, tết]", **extra)
        (self.project / path).write_text(text, encoding="utf-8")

    def _add(self, title: int, sentence: int, day: int, category: int, photo: bool) -> None:
        self.made += 1
        name = f"bai-{self.made}"
        path = f"content/news/2026/{name}.md"
        (self.project / path).parent.mkdir(parents=True, exist_ok=True)
        photo_name = f"{name}.jpg" if photo else ""
        if photo:
            (self.project / "content/news/2026" / photo_name).write_bytes(phone_photo(800 + self.made, 600))
        self.articles[path] = {"title": f"{TITLES[title]} (lần {self.made})", "date": f"2026-{1 + day % 10:02d}-{1 + day:02d}",
                               "category": CATEGORY_NAMES[category], "body": SENTENCES[sentence] + "\n\nĐoạn hai.",
                               "author": AUTHORS[self.made % 2], "photo": photo_name}
        self._write(path)

    @rule(title=st.integers(0, len(TITLES) - 1), sentence=st.integers(0, len(SENTENCES) - 1),
          day=st.integers(0, 27), category=st.integers(0, 2), photo=st.booleans())
    def add_article(self, title, sentence, day, category, photo):
        self._add(title, sentence, day, category, photo)

    def _pick(self, which: int) -> str:
        return sorted(self.articles)[which % len(self.articles)]

    @precondition(lambda self: self.articles)
    @rule(which=st.integers(0, 50), sentence=st.integers(0, len(SENTENCES) - 1))
    def edit_body(self, which, sentence):
        path = self._pick(which)
        self.articles[path]["body"] += "\n\n" + SENTENCES[sentence] * 40  # also a longer read
        self._write(path)

    @precondition(lambda self: self.articles)
    @rule(which=st.integers(0, 50), title=st.integers(0, len(TITLES) - 1))
    def retitle(self, which, title):
        path = self._pick(which)
        self.articles[path]["title"] = f"{TITLES[title]}: tin cập nhật {which}"
        self._write(path)

    @precondition(lambda self: self.articles)
    @rule(which=st.integers(0, 50), day=st.integers(0, 27))
    def redate(self, which, day):
        path = self._pick(which)
        self.articles[path]["date"] = f"2025-{1 + day % 12:02d}-{1 + day:02d}"
        self._write(path)

    @precondition(lambda self: len(self.articles) > 1)
    @rule(which=st.integers(0, 50))
    def delete_article(self, which):
        path = self._pick(which)
        (self.project / path).unlink()
        del self.articles[path]

    @precondition(lambda self: self.articles)
    @rule(which=st.integers(0, 50))
    def toggle_photo(self, which):
        path = self._pick(which)
        fields = self.articles[path]
        if fields["photo"]:
            (self.project / "content/news/2026" / fields["photo"]).unlink()
            fields["photo"] = ""
        else:
            fields["photo"] = Path(path).stem + "-moi.jpg"
            (self.project / "content/news/2026" / fields["photo"]).write_bytes(phone_photo(700, 500 + which))
        self._write(path)

    # --- the ward's other files ------------------------------------------------------------------
    @rule(words=st.sampled_from(("", " và gia đình chính sách", " trên địa bàn phường")))
    def change_categories(self, words):
        (self.project / "content/categories.yml").write_text(categories_yml(words), encoding="utf-8")

    @rule(bio=st.sampled_from(("Cán bộ Mặt trận phường.", "Phó Chủ tịch Ủy ban MTTQ phường.")))
    def change_authors(self, bio):
        (self.project / "content/authors.yml").write_text(
            f"- name: {AUTHORS[0]}\n  bio: {bio}\n- name: {AUTHORS[1]}\n  bio: Bí thư Đoàn phường.\n", encoding="utf-8")

    @rule(tagline=st.sampled_from(("Tin của Mặt trận phường", "Đoàn kết, dân chủ, đổi mới")))
    def change_site(self, tagline):
        (self.project / "content/site.yml").write_text(f"name: Phường Thử Nghiệm\ntagline: {tagline}\n",
                                                       encoding="utf-8")

    @rule(value=st.integers(50, 5000))
    def change_report_figures(self, value):
        (self.project / "content/reports/2025.md").write_text(report_md(value), encoding="utf-8")

    @rule(number=st.integers(1, 3))
    def change_document_and_attachment(self, number):
        (self.project / "content/documents/files/125.pdf").write_bytes(PDF + f"% bản {number}\n".encode())
        (self.project / DOCUMENT_MD).write_text(
            document(title=f"Lịch tạm ngừng cung cấp điện, lần {number}",
                     body="Lịch cụ thể như sau.\n\n![Sơ đồ khu vực](so-do.jpg)\n"), encoding="utf-8")

    @rule(marker=st.sampled_from(("Người viết", "Tác giả bài")))
    def override_a_template(self, marker):
        packaged = (PACKAGED / "ward" / "byline.html").read_text("utf-8")
        (self.project / OVERRIDE).write_text(f"<span class=\"wn-ghi-chu\">{marker}</span>\n{packaged}",
                                             encoding="utf-8")

    # --- the invariant ------------------------------------------------------------------------------
    @invariant()
    def warm_build_equals_cold_build(self):
        if self.builds:  # `initialize` compared already
            self._compare()
        self.builds += 1

    def _compare(self) -> None:
        warm = build(self.project, self.project / "site")
        cold_project = self.tmp / f"cold-{self.builds}"
        shutil.copytree(self.project, cold_project,
                        ignore=lambda folder, names: [n for n in names if folder == str(self.project)
                                                      and (n in ("site", ".cache") or n.startswith(".site"))])
        cold = build(cold_project, cold_project / "site")
        shutil.rmtree(cold_project)
        assert sorted(warm) == sorted(cold)
        different = [name for name in warm if warm[name] != cold[name]]
        assert not different, different
        # A document's photo is on its page (a body reference of every kind is published).
        page = BeautifulSoup(warm[DOCUMENT_URL].decode("utf-8"), "lxml")
        img = page.select_one(".wn-document img[alt='Sơ đồ khu vực'], article img[alt='Sơ đồ khu vực']")
        assert img is not None and any(name.startswith("anh/") and name.endswith(img["src"].rsplit("/", 1)[-1])
                                       for name in warm)

    def teardown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


WarmEqualsCold.TestCase.settings = settings(
    # 3 sequences of 7 steps (42 builds): the suite must stay under five minutes on two cores.
    max_examples=3, stateful_step_count=7, derandomize=True, database=None, deadline=None,
    # No shrinking: each step is two real builds, and a failing sequence of seven steps reads well.
    phases=(Phase.explicit, Phase.reuse, Phase.generate), suppress_health_check=list(HealthCheck))
test_warm_build_equals_cold_build_after_any_edits = WarmEqualsCold.TestCase
