"""A deterministic synthetic ward: N Vietnamese articles over several years, for benchmarks."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

CATEGORIES = ["Hoạt động Mặt trận", "An sinh xã hội", "Chuyển đổi số", "Đô thị văn minh", "Khen thưởng"]
TAGS = ["an sinh", "trao quà", "hộ cận nghèo", "bảo hiểm y tế", "chuyển đổi số", "Zalo OA", "hội nghị",
        "ngày chủ nhật xanh", "vì người nghèo", "đại đoàn kết", "tổ dân phố", "cựu chiến binh", "phụ nữ",
        "thanh niên", "khuyến học", "bầu cử"]
AUTHORS = ["CHÍ NGUYÊN", "THU HÀ", "MINH ĐỨC", "PV"]
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
]


def write_corpus(root: Path, n: int, seed: int = 2026) -> Path:
    """A project folder with mkdocs.yml pointing at the repo's theme and N articles."""
    rng = random.Random(seed)
    content = root / "content"
    (content / "news").mkdir(parents=True, exist_ok=True)
    (content / "categories.yml").write_text("".join(f"- name: {c}\n" for c in CATEGORIES), encoding="utf-8")
    (content / "site.yml").write_text("name: Phường Thử Tải\norganisation: Ủy ban MTTQ Việt Nam phường Thử Tải\n",
                                      encoding="utf-8")
    start = datetime(2026, 11, 1, 8, 0)
    step = timedelta(minutes=max(1, int(9 * 365 * 24 * 60 / max(n, 1))))  # spread over ~9 years
    for i in range(n):
        when = start - step * i
        subject = rng.choice(SUBJECTS).format(n=rng.randint(1, 15))
        action = rng.choice(ACTIONS).format(k=rng.randint(20, 900), n=rng.randint(2, 12), q=rng.randint(1, 4))
        title = f"{subject} {action}"
        paragraphs = [" ".join(rng.choice(SENTENCES).format(k=rng.randint(10, 500)) for _ in range(rng.randint(3, 6)))
                      for _ in range(rng.randint(5, 12))]
        body = f"{paragraphs[0]}\n\n## Kết quả nổi bật\n\n" + "\n\n".join(paragraphs[1:])
        tags = rng.sample(TAGS, rng.randint(1, 3))
        folder = content / "news" / str(when.year)
        folder.mkdir(exist_ok=True)
        (folder / f"bai-{i:05d}.md").write_text(
            "---\n"
            f"title: {title}\n"
            f"date: \"{when:%Y-%m-%d %H:%M}\"\n"
            f"category: {rng.choice(CATEGORIES)}\n"
            f"tags: [{', '.join(tags)}]\n"
            f"author: {rng.choice(AUTHORS)}\n"
            "---\n" + body + "\n",
            encoding="utf-8",
        )
    return root
