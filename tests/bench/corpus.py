"""A deterministic synthetic ward for benchmarks: N Vietnamese articles, written twice.

- `write_corpus(root, n)`: the content contract (content/news/<year>/<slug>.md, categories.yml,
  site.yml) and a short mkdocs.yml, as a ward's repository holds them;
- `write_blog_corpus(root, n)`: the same articles in mkdocs-material's blog layout
  (docs/blog/posts/*.md with `date`, `categories`, `tags`, an excerpt marker), for its blog plugin.

Six categories, about sixty tags, dates from 2019 to 2026, 300-1,000 words an article, and about
one article in ten with a phone photo (3264x2448 JPEG, about 0.6 MB, each one different).
Photos are drawn once per N and seed and copied from `.cache/bench/photos/` afterwards.
"""

from __future__ import annotations

import io
import random
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PHOTO_CACHE = REPO / ".cache" / "bench" / "photos"
PHOTO_SIZE = (3264, 2448)  # an 8 MP mid-range phone's photo
PHOTO_SHARE = 10  # one article in ten

CATEGORIES = ["Hoạt động Mặt trận", "An sinh xã hội", "Chuyển đổi số", "Đô thị văn minh", "Khen thưởng",
              "Giám sát, phản biện"]
_TAG_WORDS = ["an sinh", "trao quà", "hộ cận nghèo", "bảo hiểm y tế", "chuyển đổi số", "Zalo OA", "hội nghị",
              "ngày chủ nhật xanh", "vì người nghèo", "đại đoàn kết", "tổ dân phố", "cựu chiến binh", "phụ nữ",
              "thanh niên", "khuyến học", "bầu cử", "người cao tuổi", "VNeID", "môi trường", "giám sát"]
TAGS = _TAG_WORDS + [f"{word} {year}" for word in _TAG_WORDS[:8] for year in (2024, 2025, 2026)] + \
    [f"tổ dân phố số {n}" for n in range(1, 17)]  # 60 tags
AUTHORS = ["CHÍ NGUYÊN", "THU HÀ", "MINH ĐỨC", "HẢI YẾN", "PV"]
SUBJECTS = ["Ủy ban MTTQ phường", "Hội Phụ nữ phường", "Đoàn Thanh niên", "Hội Cựu chiến binh",
            "Ban công tác Mặt trận tổ dân phố số {n}", "Chi hội Khuyến học khu phố {n}"]
ACTIONS = ["tổ chức trao {k} phần quà cho hộ cận nghèo", "ra quân Ngày chủ nhật xanh tại {n} tuyến phố",
           "phối hợp cấp {k} thẻ bảo hiểm y tế", "hướng dẫn {k} người cao tuổi cài đặt VNeID",
           "vận động ủng hộ Quỹ \"Vì người nghèo\" được {k} triệu đồng", "tổ chức hội nghị sơ kết công tác quý {q}"]
SENTENCES = [
    "Tham dự có đại diện lãnh đạo Đảng ủy, Ủy ban nhân dân phường và các đoàn thể.",
    "Các phần quà gồm gạo, dầu ăn, sữa và tiền mặt, tổng trị giá hơn {k} triệu đồng.",
    "Dịp này, {k} hộ gia đình đã được hỗ trợ sửa chữa nhà ở, ổn định cuộc sống.",
    "Phong trào nhận được sự hưởng ứng nhiệt tình của đông đảo bà con tổ dân phố.",
    "Ban công tác Mặt trận đã rà soát danh sách, bảo đảm đúng đối tượng, công khai, minh bạch.",
    "Kênh Zalo OA của phường hiện có hơn {k} người theo dõi, giúp thông tin đến người dân nhanh hơn.",
    "Phát biểu tại buổi lễ, đồng chí Chủ tịch Ủy ban MTTQ phường ghi nhận sự đóng góp của các nhà hảo tâm.",
    "Thời gian tới, phường tiếp tục nhân rộng các mô hình \"Dân vận khéo\" ở khu dân cư.",
    "Người dân được hướng dẫn tận tình, nhiều cụ cao tuổi lần đầu tự làm thủ tục trên điện thoại.",
    "Kết thúc đợt cao điểm, phường đã hoàn thành {k}% chỉ tiêu được giao, vượt kế hoạch đề ra.",
]
FIRST = datetime(2019, 1, 2, 8, 0)
LAST = datetime(2026, 11, 1, 8, 0)


@dataclass(frozen=True)
class SyntheticArticle:
    slug: str
    title: str
    date: datetime
    category: str
    tags: tuple[str, ...]
    author: str
    body: str  # Markdown, without the title
    photo_seed: int | None  # the article's photo, when it has one


def articles(n: int, seed: int = 2026) -> list[SyntheticArticle]:
    """The corpus, newest first, the same for the same n and seed."""
    rng = random.Random(seed)
    step = (LAST - FIRST) / max(n, 1)
    made = []
    for i in range(n):
        when = LAST - step * i
        when = when.replace(second=0, microsecond=0)
        subject = rng.choice(SUBJECTS).format(n=rng.randint(1, 16))
        action = rng.choice(ACTIONS).format(k=rng.randint(20, 900), n=rng.randint(2, 12), q=rng.randint(1, 4))
        paragraphs = [" ".join(rng.choice(SENTENCES).format(k=rng.randint(10, 500)) for _ in range(rng.randint(3, 6)))
                      for _ in range(rng.randint(5, 14))]
        body = f"{paragraphs[0]}\n\n## Kết quả nổi bật\n\n" + "\n\n".join(paragraphs[1:])
        photo = i if rng.randrange(PHOTO_SHARE) == 0 else None
        made.append(SyntheticArticle(slug=f"bai-{i:05d}", title=f"{subject} {action}", date=when,
                                     category=rng.choice(CATEGORIES), tags=tuple(rng.sample(TAGS, rng.randint(1, 4))),
                                     author=rng.choice(AUTHORS), body=body, photo_seed=photo))
    return made


def photo_bytes(seed: int) -> bytes:
    """A phone-sized JPEG, different for every seed: soft colour fields, as photos compress."""
    path = PHOTO_CACHE / f"{seed}.jpg"
    if path.is_file():
        return path.read_bytes()
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    small = Image.new("RGB", (48, 36))
    small.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(48 * 36)])
    image = small.resize(PHOTO_SIZE, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(PHOTO_SIZE[0]), rng.randrange(PHOTO_SIZE[1])
        r = rng.randrange(60, 400)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    PHOTO_CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def write_corpus(root: Path, n: int, seed: int = 2026, plugin: dict | None = None, photos: bool = True,
                 mkdocs_yml: bool = True) -> Path:
    """A ward's repository: mkdocs.yml (the packaged theme, a fixed clock) and content/.
    A city's ward (bench_city.py) has no mkdocs.yml of its own, and no photos there."""
    from tests.conftest import write_mkdocs_yml

    content = root / "content"
    (content / "news").mkdir(parents=True, exist_ok=True)
    (content / "categories.yml").write_text("".join(f"- name: {c}\n" for c in CATEGORIES), encoding="utf-8")
    (content / "site.yml").write_text("name: Phường Thử Tải\norganisation: Ủy ban MTTQ Việt Nam phường Thử Tải\n",
                                      encoding="utf-8")
    for article in articles(n, seed):
        folder = content / "news" / str(article.date.year)
        folder.mkdir(exist_ok=True)
        image = ""
        if photos and article.photo_seed is not None:
            (folder / f"{article.slug}.jpg").write_bytes(photo_bytes(article.photo_seed))
            image = f"image: {article.slug}.jpg\n"
        (folder / f"{article.slug}.md").write_text(
            "---\n"
            f"title: {article.title}\n"
            f"date: \"{article.date:%Y-%m-%d %H:%M}\"\n"
            f"category: {article.category}\n"
            f"tags: [{', '.join(article.tags)}]\n"
            f"author: {article.author}\n"
            f"{image}"
            "---\n" + article.body + "\n",
            encoding="utf-8",
        )
    if mkdocs_yml:
        from generator.core.settings import Settings

        # The product's own page size, not the tests' 10 (tests/conftest.py write_mkdocs_yml).
        write_mkdocs_yml(root, {"now": "2026-11-20 12:00", "pagination_per_page": Settings.pagination_per_page,
                                **(plugin or {})})
    return root


def write_blog_corpus(root: Path, n: int, seed: int = 2026) -> Path:
    """The same articles for mkdocs-material's blog plugin (with its tags and search plugins)."""
    posts = root / "docs" / "blog" / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Phường Thử Tải\n", encoding="utf-8")
    (root / "docs" / "blog" / "index.md").write_text("# Tin tức\n", encoding="utf-8")
    (root / "docs" / "tags.md").write_text("# Thẻ\n\n<!-- material/tags -->\n", encoding="utf-8")
    for article in articles(n, seed):
        first, rest = article.body.split("\n\n", 1)
        photo = ""
        if article.photo_seed is not None:
            (posts / f"{article.slug}.jpg").write_bytes(photo_bytes(article.photo_seed))
            photo = f"![Ảnh]({article.slug}.jpg)\n\n"
        tags = "".join(f"  - {tag}\n" for tag in article.tags)
        (posts / f"{article.slug}.md").write_text(
            "---\n"
            f"date: {article.date:%Y-%m-%d %H:%M:%S}\n"
            f"categories:\n  - {article.category}\n"
            f"tags:\n{tags}"
            "---\n\n"
            f"# {article.title}\n\n{first}\n\n<!-- more -->\n\n{photo}{rest}\n",
            encoding="utf-8",
        )
    (root / "mkdocs.yml").write_text(
        "site_name: Phường Thử Tải\n"
        "site_url: https://phuong.example.vn/\n"
        "theme:\n  name: material\n  language: vi\n"
        "plugins:\n  - search\n  - tags\n  - blog:\n      blog_toc: true\n",
        encoding="utf-8",
    )
    return root


def edit_article(root: Path, n: int, seed: int = 2026, round_: int = 0, blog: bool = False, old: bool = False) -> Path:
    """Append a paragraph to the newest article (a correction, as officers make them); with
    `old`, to one from the oldest year (a correction to the archive)."""
    chosen = articles(n, seed)[-1 - round_ if old else 0]
    path = (root / "docs" / "blog" / "posts" / f"{chosen.slug}.md") if blog else \
        (root / "content" / "news" / str(chosen.date.year) / f"{chosen.slug}.md")
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"\nĐính chính lần {round_ + 1}: số liệu được cập nhật theo báo cáo của tổ dân phố.\n")
    return path


def copy_tree(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target
