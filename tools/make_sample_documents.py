"""Write the attached files of the sample ward's documents (văn bản) into content/documents/files/.

    python tools/make_sample_documents.py

The sample ward "Phường Hòa Bình" lists five documents in content/documents/*.md, each with a
`file:` attachment. This script draws those attachments so the sample site has real files to link
to: three scanned-looking PDFs in the layout of Decree 30/2020/NĐ-CP (pages drawn with Pillow in
the bundled Be Vietnam Pro fonts), one Word file and one Excel file (Office Open XML written with
zipfile). Everything is fixed (texts, figures, dates, zip timestamps, PDF dates), so running it
again writes byte-for-byte the same files; only the standard library and Pillow are needed.
"""

from __future__ import annotations

import functools
import unicodedata
import zipfile
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont, features

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "content" / "documents" / "files"
FONTS = REPO / "generator" / "assets" / "fonts"
LAYOUT = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
FIXED_DATE = datetime(2026, 1, 1).timetuple()
ZIP_DATE = (2026, 1, 1, 0, 0, 0)

DPI = 110  # A4 (210 x 297 mm) is 910 x 1287 px; margins 30 mm left, 20 mm elsewhere
SCALE = 3  # pages are drawn 3 times larger, then shrunk and made 1-bit: smooth, even strokes
WIDTH, HEIGHT = 910, 1287
LEFT, RIGHT, TOP, BOTTOM = 130, 823, 87, 1200
LEFT_COL, RIGHT_COL = 262, 615  # centres of the two header columns
LINE = 26  # body line height, px

UBND = [("ỦY BAN NHÂN DÂN", True), ("PHƯỜNG HÒA BÌNH", True)]
MTTQ = [("ỦY BAN MTTQ VIỆT NAM", False), ("PHƯỜNG HÒA BÌNH", False), ("BAN THƯỜNG TRỰC", True)]
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@functools.cache
def font(weight: str, pt: float) -> ImageFont.FreeTypeFont:
    path = FONTS / f"BeVietnamPro-{weight}.ttf"
    return ImageFont.truetype(str(path), round(pt * DPI / 72 * SCALE), layout_engine=LAYOUT)


def length(text: str, f: ImageFont.FreeTypeFont) -> float:
    return f.getlength(nfc(text)) / SCALE


BODY, BOLD = font("Regular", 12), font("Bold", 12)


class Pdf:
    """A flow of A4 pages: text goes at `self.y`, a new page starts when one is full."""

    def __init__(self) -> None:
        self.pages: list[Image.Image] = []
        self.new_page()

    def new_page(self) -> None:
        self.page = Image.new("L", (WIDTH * SCALE, HEIGHT * SCALE), 255)
        self.draw = ImageDraw.Draw(self.page)
        self.pages.append(self.page)
        self.y = TOP
        if len(self.pages) > 1:  # pages after the first are numbered at the top centre
            self.put(str(len(self.pages)), (LEFT + RIGHT) / 2, TOP - 45, BODY, "c")
            self.y += 10

    def room(self, height: int) -> None:
        if self.y + height > BOTTOM:
            self.new_page()

    def put(self, text: str, x: float, y: float, f, align="l", italic=False) -> float:
        """Draw one line with its left, centre or right at x and its top at y; return its width."""
        text, width = nfc(text), length(text, f)
        x, y = round((x - {"l": 0, "c": width / 2, "r": width}[align]) * SCALE), round(y * SCALE)
        if not italic:
            self.draw.text((x, y), text, font=f, fill=0, anchor="la")
            return width
        # No italic font ships with the theme: slant the upright glyphs by shearing a mask.
        ascent, descent = f.getmetrics()
        pad, height, slant = ascent // 3, ascent + descent + ascent // 3, 0.2
        mask = Image.new("L", (round(width * SCALE + slant * height) + 2, height), 0)
        ImageDraw.Draw(mask).text((0, pad), text, font=f, fill=255, anchor="la")
        mask = mask.transform(mask.size, Image.Transform.AFFINE, (1, slant, -slant * height, 0, 1, 0),
                              Image.Resampling.BICUBIC)
        self.page.paste(0, (x - round(slant * descent), y - pad), mask)
        return width

    def rule(self, x: float, y: float, size: float) -> None:
        self.line(x - size / 2, y, x + size / 2, y)

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        ends = [(round(x0 * SCALE), round(y0 * SCALE)), (round(x1 * SCALE), round(y1 * SCALE))]
        self.draw.line(ends, fill=0, width=SCALE)

    def para(self, text: str, lead="", f=BODY, indent=38, align="j", italic=False, after=6,
             left=LEFT, right=RIGHT, line=LINE) -> None:
        """A wrapped paragraph: justified ("j"), centred ("c") or left ("l"); `lead` is bold."""
        words = [(w, BOLD) for w in nfc(lead).split()] + [(w, f) for w in nfc(text).split()]
        space = length(" ", f)
        lines, current, used = [], [], 0.0
        for word, wf in words:
            size = length(word, wf)
            avail = right - left - (indent if not lines else 0)
            if current and used + space + size > avail:
                lines.append(current)
                current, used = [], 0.0
            used += (space if current else 0) + size
            current.append((word, wf, size))
        lines.append(current)
        for number, items in enumerate(lines):
            self.room(line)
            start = left + (indent if number == 0 else 0)
            natural = sum(s for _, _, s in items) + space * (len(items) - 1)
            gap = space
            if align == "c":
                start = (left + right - natural) / 2
            elif align == "j" and number < len(lines) - 1 and len(items) > 1:
                gap = (right - start - natural + space * (len(items) - 1)) / (len(items) - 1)
            x = start
            for word, wf, size in items:
                self.put(word, x, self.y, wf, italic=italic)
                x += size + gap
            self.y += line
        self.y += after

    def header(self, issuer: list[tuple[str, bool]], number: str, place_date: str) -> None:
        """Issuing body and number top left; national title, motto and date top right."""
        y = TOP
        for text, bold in issuer:
            width = self.put(text, LEFT_COL, y, font("Bold" if bold else "Regular", 12), "c")
            y += 24
        self.rule(LEFT_COL, y + 4, width / 2)
        self.put(f"Số: {number}", LEFT_COL, y + 18, BODY, "c")
        self.put(NATION, RIGHT_COL, TOP, font("Bold", 12), "c")
        width = self.put(MOTTO, RIGHT_COL, TOP + 24, BOLD, "c")
        self.rule(RIGHT_COL, TOP + 52, width)
        self.put(place_date, RIGHT_COL, y + 18, BODY, "c", italic=True)
        self.y = y + 80

    def heading(self, kind: str, title: str) -> None:
        self.put(kind, (LEFT + RIGHT) / 2, self.y, font("Bold", 14), "c")
        self.y += 30
        self.para(title, f=BOLD, indent=0, align="c", left=LEFT + 20, right=RIGHT - 20, after=0)
        self.rule((LEFT + RIGHT) / 2, self.y + 8, 160)
        self.y += 30

    def table(self, widths: list[int], rows: list[list[str]], height=40) -> None:
        x_edges = [LEFT + sum(widths[:i]) for i in range(len(widths) + 1)]
        self.room(height * len(rows))
        top = self.y
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                f = font("Bold" if r == 0 else "Regular", 12)
                self.put(cell, (x_edges[c] + x_edges[c + 1]) / 2, self.y + 10, f, "c")
            self.y += height
        for y in range(top, self.y + 1, height):
            self.line(LEFT, y, x_edges[-1], y)
        for x in x_edges:
            self.line(x, top, x, self.y)
        self.y += 16

    def closing(self, recipients: list[str], titles: list[str], signer: str) -> None:
        """"Nơi nhận:" bottom left, the signature block bottom right."""
        self.room(200)
        self.y += 8
        y = self.y
        self.put("Nơi nhận:", LEFT, y, font("Bold", 12), italic=True)
        for i, text in enumerate(recipients):
            self.put(text, LEFT, y + 26 + 20 * i, font("Regular", 11))
        for i, text in enumerate(titles):
            self.put(text, RIGHT_COL, y + 26 * i, BOLD, "c")
        self.put("(Đã ký)", RIGHT_COL, y + 26 * len(titles) + 40, BODY, "c", italic=True)
        self.put(signer, RIGHT_COL, y + 26 * len(titles) + 110, BOLD, "c")

    def save(self, name: str, title: str, author: str) -> None:
        # 1-bit pages are stored as CCITT G4 (or JPEG without libtiff), a few dozen KB each.
        small = [page.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS) for page in self.pages]
        first, *rest = [page.point(lambda v: 255 if v > 190 else 0, "1") for page in small]
        first.save(OUTPUT / name, "PDF", resolution=DPI, save_all=True, append_images=rest,
                   title=nfc(title), author=nfc(author),
                   creationDate=FIXED_DATE, modDate=FIXED_DATE)


def outage_notice() -> None:
    d = Pdf()
    d.header(UBND, "125/TB-UBND", "Hòa Bình, ngày 02 tháng 11 năm 2026")
    d.heading("THÔNG BÁO", "Lịch tạm ngừng cung cấp điện tháng 11 năm 2026 trên địa bàn phường")
    d.para("Căn cứ kế hoạch bảo dưỡng, sửa chữa lưới điện tháng 11 năm 2026 của Điện lực khu vực, "
           "Ủy ban nhân dân phường Hòa Bình thông báo lịch tạm ngừng cung cấp điện để bảo dưỡng "
           "đường dây trung thế trên địa bàn phường như sau:")
    d.table([50, 210, 140, 293], [
        ["STT", "Ngày", "Thời gian", "Khu vực ngừng cấp điện"],
        ["1", "Thứ Bảy 14/11/2026", "7:00–11:30", "Tổ dân phố số 3, 4, 5"],
        ["2", "Chủ nhật 15/11/2026", "7:00–11:30", "Tổ dân phố số 9, 10"],
        ["3", "Thứ Bảy 21/11/2026", "7:00–11:30", "Tổ dân phố số 4, 5, 9"],
    ])
    d.para("Trường hợp thời tiết xấu hoặc công việc hoàn thành sớm, Điện lực sẽ đóng điện trở lại mà "
           "không báo trước. Để bảo đảm an toàn, đề nghị Nhân dân luôn coi đường dây, thiết bị điện "
           "như đang có điện trong suốt thời gian trên.")
    d.para("Ủy ban nhân dân phường đề nghị Tổ trưởng và Ban công tác Mặt trận các tổ dân phố thông báo "
           "rộng rãi đến các hộ gia đình, cửa hàng, cơ sở kinh doanh trên địa bàn để chủ động sắp xếp "
           "sinh hoạt, sản xuất, kinh doanh. Mọi thắc mắc xin liên hệ Bộ phận Một cửa phường trong giờ "
           "hành chính./.")
    d.closing(["- Điện lực khu vực;", "- Thường trực Đảng ủy, HĐND phường;",
               "- Chủ tịch, các PCT UBND phường;", "- Các tổ dân phố;",
               "- Trang thông tin điện tử phường;", "- Lưu: VT."],
              ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Trần Thị Bích Ngọc")
    d.save("125-tb-ubnd-lich-tam-ngung-cap-dien-thang-11-2026.pdf",
           "Lịch tạm ngừng cung cấp điện tháng 11 năm 2026", "Ủy ban nhân dân phường Hòa Bình")


def solidarity_plan() -> None:
    d = Pdf()
    d.header(MTTQ, "09/KH-MTTQ", "Hòa Bình, ngày 15 tháng 9 năm 2026")
    d.heading("KẾ HOẠCH", "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026 ở khu dân cư")
    d.para("Thực hiện hướng dẫn của Ban Thường trực Ủy ban MTTQ Việt Nam Thành phố Hà Nội về tổ chức "
           "Ngày hội Đại đoàn kết toàn dân tộc năm 2026; hướng tới kỷ niệm 96 năm Ngày truyền thống Mặt "
           "trận Tổ quốc Việt Nam (18/11/1930-18/11/2026), Ban Thường trực Ủy ban MTTQ Việt Nam phường "
           "Hòa Bình xây dựng kế hoạch tổ chức Ngày hội ở khu dân cư như sau:")
    d.para("", lead="I. MỤC ĐÍCH, YÊU CẦU")
    d.para("", lead="1. Mục đích")
    d.para("- Tuyên truyền truyền thống vẻ vang của Mặt trận Tổ quốc Việt Nam, khẳng định vai trò của "
           "khối đại đoàn kết toàn dân tộc trong sự nghiệp xây dựng và bảo vệ Tổ quốc; phát huy quyền làm "
           "chủ và tinh thần tương thân tương ái của Nhân dân ở khu dân cư.")
    d.para("- Đánh giá kết quả cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn "
           "minh”, phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” năm 2026; biểu dương gia "
           "đình văn hóa tiêu biểu, cá nhân có nhiều đóng góp cho cộng đồng.")
    d.para("", lead="2. Yêu cầu")
    d.para("- Ngày hội được tổ chức thiết thực, tiết kiệm, vui tươi, phù hợp với điều kiện của từng tổ "
           "dân phố; thu hút đông đảo các tầng lớp Nhân dân, nhất là thanh niên và người cao tuổi tham gia.")
    d.para("- Bảo đảm an ninh trật tự, vệ sinh môi trường và an toàn thực phẩm trong suốt thời gian "
           "tổ chức; không phô trương, hình thức.")
    d.para("", lead="II. NỘI DUNG, THỜI GIAN")
    d.para("", lead="1. Thời gian, địa điểm")
    d.para("Từ ngày 01/11 đến ngày 15/11/2026, tại nhà văn hóa hoặc địa điểm sinh hoạt cộng đồng của 12 "
           "tổ dân phố. Lịch cụ thể của từng tổ dân phố do Ban công tác Mặt trận thống nhất với Tổ "
           "trưởng tổ dân phố và gửi về Ban Thường trực trước ngày 25/10/2026.")
    d.para("", lead="2. Nội dung")
    d.para("Ôn lại truyền thống 96 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam; báo cáo "
           "kết quả thực hiện các cuộc vận động, phong trào thi đua ở khu dân cư năm 2026; biểu dương, "
           "khen thưởng gia đình văn hóa tiêu biểu; trao quà cho hộ cận nghèo, hộ có hoàn cảnh khó khăn.",
           lead="a) Phần lễ:")
    d.para("Tổ chức bữa cơm đoàn kết, giao lưu văn nghệ, thể dục thể thao, trò chơi dân gian "
           "phù hợp với từng khu dân cư; khuyến khích các hoạt động vệ sinh đường làng ngõ phố, trồng "
           "cây xanh, thu gom rác thải trước ngày hội.", lead="b) Phần hội:")
    d.para("", lead="3. Kinh phí")
    d.para("Kinh phí tổ chức Ngày hội do Nhân dân đóng góp tự nguyện, các tổ chức, doanh nghiệp trên địa "
           "bàn ủng hộ và ngân sách phường hỗ trợ theo quy định; việc thu, chi được công khai với Nhân dân "
           "tại khu dân cư.")
    d.para("", lead="III. TỔ CHỨC THỰC HIỆN")
    d.para("Xây dựng kế hoạch, hướng dẫn các tổ dân phố tổ chức Ngày hội; phân công các "
           "đồng chí Ủy viên Ủy ban MTTQ phường dự Ngày hội tại các khu dân cư; tổng hợp, báo cáo kết "
           "quả về Ban Thường trực Ủy ban MTTQ Việt Nam Thành phố.",
           lead="1. Ban Thường trực Ủy ban MTTQ Việt Nam phường:")
    d.para("Chủ trì, phối hợp với Tổ trưởng tổ dân phố và các chi hội đoàn thể "
           "tổ chức Ngày hội theo kế hoạch; gửi báo cáo kết quả về Ban Thường trực trước ngày 20/11/2026.",
           lead="2. Ban công tác Mặt trận các tổ dân phố:")
    d.para("Phối hợp tuyên truyền, vận động đoàn viên, hội viên và Nhân dân "
           "tích cực tham gia Ngày hội; Đoàn Thanh niên phường hỗ trợ các hoạt động văn nghệ, thể thao.",
           lead="3. Đề nghị các tổ chức chính trị - xã hội phường:")
    d.para("Trên đây là Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026 ở khu dân cư của Ban "
           "Thường trực Ủy ban MTTQ Việt Nam phường Hòa Bình./.")
    d.closing(["- Ban Thường trực UB MTTQ TP (để b/c);", "- Thường trực Đảng ủy phường (để b/c);",
               "- UBND phường (để phối hợp);", "- Các tổ chức CT-XH phường;",
               "- Ban CTMT 12 tổ dân phố;", "- Lưu: VP."],
              ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"], "Nguyễn Văn An")
    d.save("09-kh-mttq-ngay-hoi-dai-doan-ket-2026.pdf",
           "Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026 ở khu dân cư",
           "Ban Thường trực Ủy ban MTTQ Việt Nam phường Hòa Bình")


def fund_committee_decision() -> None:
    d = Pdf()
    d.header(MTTQ, "15/QĐ-MTTQ", "Hòa Bình, ngày 05 tháng 10 năm 2026")
    d.heading("QUYẾT ĐỊNH", "Về việc thành lập Ban vận động Quỹ Vì người nghèo phường Hòa Bình năm 2026")
    d.para("BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM PHƯỜNG HÒA BÌNH", f=BOLD, indent=0, align="c", after=14)
    for text in ["Căn cứ Luật Mặt trận Tổ quốc Việt Nam năm 2015;",
                 "Căn cứ Điều lệ Mặt trận Tổ quốc Việt Nam;",
                 "Căn cứ quy định về vận động, quản lý và sử dụng Quỹ Vì người nghèo;",
                 "Theo đề nghị của Văn phòng Ủy ban MTTQ Việt Nam phường."]:
        d.para(text, italic=True, after=2)
    d.y += 8
    d.para("QUYẾT ĐỊNH:", f=BOLD, indent=0, align="c", after=10)
    d.para("Thành lập Ban vận động Quỹ Vì người nghèo phường Hòa Bình năm 2026 gồm các ông, bà có tên "
           "sau:", lead="Điều 1.")
    for text in ["1. Ông Nguyễn Văn An, Chủ tịch Ủy ban MTTQ phường - Trưởng ban;",
                 "2. Bà Trần Thị Bích Ngọc, Phó Chủ tịch UBND phường - Phó Trưởng ban;",
                 "3. Bà Lê Thị Thu Hà, Phó Chủ tịch Ủy ban MTTQ phường - Phó Trưởng ban;",
                 "4. Bà Vũ Thị Hồng Nhung, công chức Tài chính - Kế toán - Ủy viên;",
                 "5. Ông Phạm Minh Tuấn, cán bộ Văn phòng Ủy ban MTTQ phường - Ủy viên."]:
        d.para(text, after=2)
    d.y += 6
    d.para("Ban vận động có nhiệm vụ tuyên truyền, vận động các cơ quan, doanh nghiệp, hộ gia đình và cá "
           "nhân trên địa bàn ủng hộ Quỹ Vì người nghèo, nhất là trong Tháng cao điểm “Vì người nghèo” từ "
           "ngày 17/10 đến ngày 18/11/2026; tiếp nhận, quản lý các khoản ủng hộ và công khai kết quả theo "
           "quy định. Ban vận động tự giải thể sau khi hoàn thành nhiệm vụ.", lead="Điều 2.")
    d.para("Quyết định có hiệu lực kể từ ngày ký. Văn phòng Ủy ban MTTQ Việt Nam phường, Ban công tác Mặt "
           "trận 12 tổ dân phố và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định "
           "này./.", lead="Điều 3.")
    d.closing(["- Như Điều 3;", "- Ban Thường trực UB MTTQ TP (để b/c);",
               "- Đảng ủy, HĐND, UBND phường;", "- Lưu: VP."],
              ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"], "Nguyễn Văn An")
    d.save("15-qd-mttq-ban-van-dong-quy-vi-nguoi-ngheo-2026.pdf",
           "Quyết định thành lập Ban vận động Quỹ Vì người nghèo phường Hòa Bình năm 2026",
           "Ban Thường trực Ủy ban MTTQ Việt Nam phường Hòa Bình")


def write_zip(name: str, parts: dict[str, str]) -> None:
    """An Office Open XML package: sorted entries, fixed timestamps, every part well-formed."""
    with zipfile.ZipFile(OUTPUT / name, "w") as package:
        for part in sorted(parts):
            data = nfc(parts[part]).encode("utf-8")
            ElementTree.fromstring(data)  # raises on a malformed part
            info = zipfile.ZipInfo(part, date_time=ZIP_DATE)
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 3, 0o644 << 16
            package.writestr(info, data)


XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def rels(*targets: tuple[str, str]) -> str:
    items = "".join(f'<Relationship Id="rId{i}" Type="{DOC_REL}/{kind}" Target="{target}"/>'
                    for i, (kind, target) in enumerate(targets, 1))
    return f'{XML}<Relationships xmlns="{RELS}">{items}</Relationships>'


def content_types(overrides: dict[str, str]) -> str:
    items = "".join(f'<Override PartName="{p}" ContentType="application/vnd.openxmlformats-{t}+xml"/>'
                    for p, t in overrides.items())
    return (f'{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{items}</Types>')


def w_para(text: str, bold=False, italic=False, underline=False, size=13, align="both", indent=True,
           after=6) -> str:
    """One Word paragraph with a single Times New Roman run."""
    props = ('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
             + "<w:b/>" * bold + "<w:i/>" * italic + f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
             + '<w:u w:val="single"/>' * underline)  # CT_RPr children in schema order
    first = '<w:ind w:firstLine="567"/>' * indent
    return (f'<w:p><w:pPr><w:spacing w:before="0" w:after="{after * 20}"/>{first}<w:jc w:val="{align}"/>'
            f'</w:pPr><w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')


def w_columns(left: list[str], right: list[str], widths=(3800, 5500)) -> str:
    """A borderless two-column table (Word tables have no borders unless given a style)."""
    cells = "".join(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{"".join(c)}</w:tc>'
                    for w, c in zip(widths, (left, right)))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid><w:tr>{cells}</w:tr></w:tbl>')


def vaccination_letter() -> None:
    head = dict(align="center", indent=False, after=0)
    body = [
        w_columns(
            [w_para("ỦY BAN NHÂN DÂN", bold=True, size=12, **head),
             w_para("PHƯỜNG HÒA BÌNH", bold=True, size=12, **head), w_para("", **head),
             w_para("Số: 212/UBND-VP", **head),
             w_para("V/v triển khai tiêm chủng vắc xin sởi cho trẻ từ 1 đến 5 tuổi đợt 2 năm 2026",
                    size=12, **head)],
            [w_para(NATION, bold=True, size=12, **head),
             w_para(MOTTO, bold=True, underline=True, **head), w_para("", **head),
             w_para("Hòa Bình, ngày 10 tháng 11 năm 2026", italic=True, **head)]),
        w_para("", indent=False),
        w_para("Kính gửi:", align="center", indent=False, after=0),
        *(w_para(t, align="center", indent=False, after=0) for t in [
            "- Trạm Y tế phường;", "- Các trường mầm non trên địa bàn phường;",
            "- Tổ trưởng, Ban công tác Mặt trận 12 tổ dân phố."]),
        w_para("", indent=False),
        w_para("Thực hiện kế hoạch của Ủy ban nhân dân Thành phố Hà Nội về tiêm vắc xin sởi cho trẻ em năm "
               "2026 nhằm chủ động phòng, chống dịch sởi, Ủy ban nhân dân phường Hòa Bình đề nghị các đơn vị "
               "phối hợp triển khai tiêm chủng vắc xin sởi đợt 2 năm 2026 trên địa bàn phường như sau:"),
        w_para("1. Đối tượng: trẻ từ 1 đến 5 tuổi chưa tiêm đủ 2 mũi vắc xin có thành phần sởi đang sinh "
               "sống trên địa bàn phường, kể cả trẻ tạm trú."),
        w_para("2. Thời gian, địa điểm: từ ngày 12/11/2026 đến ngày 20/12/2026, buổi sáng các ngày thứ Ba, "
               "thứ Năm và thứ Bảy hằng tuần, từ 7 giờ 30 đến 11 giờ, tại Trạm Y tế phường. Trẻ được tiêm "
               "miễn phí."),
        w_para("3. Khi đưa trẻ đi tiêm, cha mẹ hoặc người chăm sóc trẻ mang theo sổ tiêm chủng hoặc ứng dụng "
               "VNeID có thông tin tiêm chủng của trẻ; báo cho nhân viên y tế nếu trẻ đang ốm, sốt hoặc có "
               "tiền sử dị ứng; ở lại điểm tiêm 30 phút sau tiêm và tiếp tục theo dõi trẻ tại nhà ít nhất "
               "24 giờ."),
        w_para("4. Trạm Y tế phường lập danh sách trẻ thuộc diện tiêm, chuẩn bị vắc xin, nhân lực và phương "
               "án xử trí phản ứng sau tiêm. Các trường mầm non rà soát và thông báo đến cha mẹ trẻ. Tổ "
               "trưởng, Ban công tác Mặt trận các tổ dân phố thông báo đến từng hộ gia đình có trẻ trong độ "
               "tuổi."),
        w_para("Đề nghị các đơn vị nghiêm túc triển khai thực hiện. Trong quá trình thực hiện, nếu có vướng "
               "mắc, báo cáo về Ủy ban nhân dân phường (qua Trạm Y tế phường) để được hướng dẫn./."),
        w_columns(
            [w_para("Nơi nhận:", bold=True, italic=True, size=12, align="left", indent=False, after=0),
             *(w_para(t, size=11, align="left", indent=False, after=0) for t in [
                 "- Như trên;", "- Thường trực Đảng ủy, HĐND phường;", "- Chủ tịch, các PCT UBND phường;",
                 "- Ủy ban MTTQ Việt Nam phường;", "- Trang thông tin điện tử phường;", "- Lưu: VT."])],
            [w_para("KT. CHỦ TỊCH", bold=True, **head), w_para("PHÓ CHỦ TỊCH", bold=True, **head),
             w_para("(Đã ký)", italic=True, **head), *[w_para("", **head)] * 3,
             w_para("Trần Thị Bích Ngọc", bold=True, **head)]),
    ]
    section = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" '
               'w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>')
    document = f'{XML}<w:document xmlns:w="{W_NS}"><w:body>{"".join(body)}{section}</w:body></w:document>'
    write_zip("212-cv-ubnd-tiem-chung-soi-dot-2-2026.docx", {
        "[Content_Types].xml": content_types(
            {"/word/document.xml": "officedocument.wordprocessingml.document.main"}),
        "_rels/.rels": rels(("officeDocument", "word/document.xml")),
        "word/document.xml": document,
    })


FUND_2025 = [  # (households, đồng) for Tổ dân phố số 1..12
    (142, 18_450_000), (118, 14_200_000), (205, 31_750_000), (96, 9_800_000),
    (173, 24_600_000), (188, 27_350_000), (131, 16_900_000), (84, 8_650_000),
    (159, 21_300_000), (214, 34_200_000), (107, 12_500_000), (166, 22_800_000),
]


def fund_results_sheet() -> None:
    def cell(ref: str, value, style: int) -> str:
        if isinstance(value, str):
            return f'<c r="{ref}" t="inlineStr" s="{style}"><is><t>{escape(value)}</t></is></c>'
        return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'

    rows = [(["STT", "Tổ dân phố", "Số hộ đóng góp", "Số tiền (đồng)"], 1, 1)]
    rows += [([i, f"Tổ dân phố số {i}", homes, money], 0, 2) for i, (homes, money) in enumerate(FUND_2025, 1)]
    rows += [(["", "Tổng cộng", sum(h for h, _ in FUND_2025), sum(m for _, m in FUND_2025)], 1, 3)]
    sheet_rows = "".join(
        f'<row r="{r}">' + "".join(cell(f"{col}{r}", v, text_style if col in "AB" else number_style)
                                   for col, v in zip("ABCD", values) if v != "") + "</row>"
        for r, (values, text_style, number_style) in enumerate(rows, 1))
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    widths = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                     for i, w in enumerate((6, 22, 18, 20), 1))
    sheet = (f'{XML}<worksheet xmlns="{main}"><dimension ref="A1:D{len(rows)}"/><cols>{widths}</cols>'
             f'<sheetData>{sheet_rows}</sheetData></worksheet>')
    styles = (f'{XML}<styleSheet xmlns="{main}">'
              '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
              '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill>'
              '<fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
              '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="3" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" '
              'applyFont="1"/>'
              '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
              '</styleSheet>')
    workbook = (f'{XML}<workbook xmlns="{main}" xmlns:r="{DOC_REL}"><sheets>'
                '<sheet name="Kết quả 2025" sheetId="1" r:id="rId1"/></sheets></workbook>')
    write_zip("03-tb-mttq-ket-qua-quy-vi-nguoi-ngheo-2025.xlsx", {
        "[Content_Types].xml": content_types({
            "/xl/workbook.xml": "officedocument.spreadsheetml.sheet.main",
            "/xl/worksheets/sheet1.xml": "officedocument.spreadsheetml.worksheet",
            "/xl/styles.xml": "officedocument.spreadsheetml.styles"}),
        "_rels/.rels": rels(("officeDocument", "xl/workbook.xml")),
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": rels(("worksheet", "worksheets/sheet1.xml"), ("styles", "styles.xml")),
        "xl/worksheets/sheet1.xml": sheet,
        "xl/styles.xml": styles,
    })


def main() -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for make in (outage_notice, solidarity_plan, fund_committee_decision, vaccination_letter,
                 fund_results_sheet):
        make()
    for file in sorted(OUTPUT.iterdir()):
        print(f"{file.stat().st_size:>8}  {file.relative_to(REPO)}")


if __name__ == "__main__":
    main()
