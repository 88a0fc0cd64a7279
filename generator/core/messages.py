"""Every Vietnamese message and hint an officer can see, keyed by a stable problem code.

Codes are an API: tests, CI annotations and the officers' guide rely on them.
Templates use str.format; values are quoted by the caller's data, never marked up.
"""

from __future__ import annotations

ERROR = "error"
WARNING = "warning"

RESAVE_UTF8 = (
    "Mở tệp bằng Notepad (hoặc VS Code), chọn Lưu thành (Save As), ở ô Encoding chọn "
    "“UTF-8” rồi lưu lại. Nếu chữ gõ bằng phông VNI hay TCVN3 (.VnTime), hãy chuyển mã sang "
    "Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) trước khi lưu."
)

#: code -> (severity, message, hint or None)
MESSAGES: dict[str, tuple[str, str, str | None]] = {
    # --- whole files -----------------------------------------------------------------
    "file.encoding": (
        ERROR,
        "Tệp không được lưu theo bảng mã UTF-8 (ký tự lạ ở cột {column}); có thể tệp được lưu bằng "
        "Windows-1258, VNI hoặc TCVN3.",
        RESAVE_UTF8,
    ),
    "file.utf16": (
        ERROR,
        "Tệp được lưu theo bảng mã UTF-16 (“Unicode” của Notepad), trang web cần UTF-8.",
        RESAVE_UTF8,
    ),
    "file.binary": (
        ERROR,
        "Tệp có ký tự điều khiển lạ (mã {char}) ở cột {column}, có lẽ không phải tệp văn bản.",
        "Kiểm tra lại tệp, hoặc sao chép nội dung sang một tệp mới rồi lưu dạng UTF-8.",
    ),
    "file.unreadable": (ERROR, "Không đọc được tệp: {reason}.", None),
    "file.too_large": (
        ERROR,
        "Tệp văn bản quá lớn ({size} MB; tối đa {limit} MB), không phải một bài viết bình thường.",
        "Chia nội dung thành nhiều bài, hoặc đưa bảng số liệu dài thành tệp đính kèm (PDF, Excel).",
    ),
    "text.line_too_long": (
        ERROR,
        "Dòng này dài {length} ký tự (tối đa {limit}).",
        "Xuống dòng giữa các đoạn văn (để một dòng trống giữa hai đoạn).",
    ),
    "text.markup_dense": (
        ERROR,
        "Dòng này có quá nhiều dấu [ , < hoặc ! (hơn {limit}), có lẽ là nội dung dán nhầm.",
        "Kiểm tra lại dòng này; mỗi liên kết, mỗi ảnh nên ở một dòng riêng.",
    ),
    "text.raw_images": (
        ERROR,
        "Bài có hơn {limit} thẻ <img>; từ dòng này trở đi là quá nhiều, có lẽ là nội dung dán nhầm.",
        "Mỗi ảnh viết một lần dạng ![mô tả ảnh](ten-anh.jpg); xóa phần dán thừa.",
    ),
    "text.nesting": (
        ERROR,
        "Dòng này thụt lề hoặc lồng trích dẫn (>) quá sâu.",
        "Bỏ bớt khoảng trắng đầu dòng hoặc dấu > ở đầu dòng; danh sách chỉ nên lồng vài cấp.",
    ),
    "text.combining": (
        ERROR,
        "Dòng này có {count} dấu chồng lên một chữ cái, có lẽ là chữ bị lỗi khi dán.",
        "Gõ lại chữ bị lỗi bằng bộ gõ tiếng Việt (Unicode dựng sẵn).",
    ),
    "article.tags.too_many": (
        ERROR,
        "Bài có {count} thẻ (tối đa {limit}).",
        "Chỉ giữ vài thẻ chính; mỗi thẻ tạo một trang lưu trữ riêng.",
    ),
    "file.name_encoding": (
        ERROR,
        "Tên tệp không phải chữ Unicode (UTF-8) hợp lệ, có lẽ được đặt trên máy dùng bảng mã cũ.",
        "Đổi tên tệp bằng chữ không dấu, số và dấu gạch ngang, ví dụ hoi-nghi-tong-ket.md.",
    ),
    "file.site_path": (
        ERROR,
        "Tệp này nằm ở chỗ dành cho tệp do trang web tự tạo (thư mục hoặc tệp “{name}”), nên sẽ che mất "
        "tệp của giao diện hoặc bị bỏ qua.",
        "Chuyển tệp sang một thư mục khác trong content/ (ví dụ content/images/), hoặc xóa nếu không dùng.",
    ),
    "file.outside": (
        ERROR,
        "Tệp này là một liên kết (symlink) trỏ ra ngoài thư mục content/, nên không được đọc và đăng.",
        "Chép chính tệp đó vào content/ thay cho liên kết.",
    ),
    "file.garbled": (
        WARNING,
        "Chữ ở dòng này có vẻ được gõ bằng phông VNI hoặc TCVN3 rồi lưu lại thành UTF-8, nên dấu hiện sai "
        "(“{sample}”).",
        "Chép đoạn chữ bị lỗi, mở Unikey → Công cụ chuyển mã, chọn nguồn “VNI Windows” (hoặc “TCVN3 (ABC)”), "
        "đích “Unicode”, bấm Chuyển mã rồi dán lại vào tệp (hướng dẫn mục 9).",
    ),
    # --- front matter and YAML -------------------------------------------------------
    "frontmatter.missing": (
        ERROR,
        "Bài viết thiếu phần thông tin đầu bài (front matter) nằm giữa hai dòng “---”.",
        "Dòng đầu tiên của tệp phải là “---”, tiếp theo là title:, date:, category:, rồi một dòng “---”.",
    ),
    "frontmatter.unclosed": (
        ERROR,
        "Phần thông tin đầu bài mở bằng “---” ở dòng {opened} nhưng chưa được đóng.",
        "Thêm một dòng chỉ có “---” ngay trước dòng này (sau trường cuối cùng).",
    ),
    "frontmatter.not_mapping": (
        ERROR,
        "Phần thông tin đầu bài phải là các dòng dạng “tên: giá trị”, không phải {found}.",
        "Ví dụ: title: Hội nghị tổng kết năm 2025",
    ),
    "yaml.syntax": (ERROR, "Lỗi cú pháp YAML: {problem}.", "{hint}"),
    "yaml.alias": (
        ERROR,
        "Không được dùng neo/bí danh YAML (“&” và “*”) trong nội dung.",
        "Viết đầy đủ giá trị ở từng chỗ; nếu chữ bắt đầu bằng “*” hay “&”, đặt nó trong ngoặc kép.",
    ),
    "yaml.too_large": (
        ERROR,
        "Phần YAML quá lớn hoặc lồng quá sâu (trên {limit} mục); tệp bị bỏ qua để bảo vệ máy dựng trang.",
        "Tách dữ liệu thành nhiều tệp hoặc kiểm tra lại tệp có bị dán nhầm nội dung không.",
    ),
    "yaml.too_deep": (
        ERROR,
        "Phần YAML lồng nhau quá sâu (trên {limit} tầng ngoặc “[”, “{{” hoặc mục “-” lồng vào nhau); "
        "tệp bị bỏ qua để bảo vệ máy dựng trang.",
        "Kiểm tra các dấu ngoặc “[”, “{{” đã được đóng chưa, hoặc tệp có bị dán nhầm nội dung không.",
    ),
    "yaml.key.duplicate": (
        ERROR,
        "Trường “{key}” bị khai báo hai lần (lần trước ở dòng {first_line}).",
        "Xóa một trong hai dòng.",
    ),
    "yaml.key.type": (
        ERROR,
        "Tên trường phải là chữ, không phải “{key}”.",
        None,
    ),
    # --- articles --------------------------------------------------------------------
    "field.missing": (
        ERROR,
        "Thiếu trường bắt buộc “{field}” ({label}).",
        "Thêm một dòng, ví dụ: {example}",
    ),
    "field.type": (
        ERROR,
        "Trường “{field}” phải là {expected}, nhưng đang là {found}.",
        "{hint}",
    ),
    "field.empty": (ERROR, "Trường “{field}” đang để trống.", "Điền {label} sau dấu hai chấm, hoặc xóa dòng này."),
    "field.unknown": (
        WARNING,
        "Trường “{field}” không được dùng nên sẽ bị bỏ qua.",
        "{hint}",
    ),
    "article.date.invalid": (
        ERROR,
        "Ngày “{value}” không hợp lệ{reason}.",
        "Dùng dạng YYYY-MM-DD (ví dụ 2026-01-09) hoặc “YYYY-MM-DD HH:MM” (ví dụ “2026-01-09 08:30”).{suggestion}",
    ),
    "article.updated.before_date": (
        WARNING,
        "Ngày cập nhật “{updated}” sớm hơn ngày đăng “{date}”.",
        "Ngày cập nhật (updated) phải bằng hoặc sau ngày đăng (date).",
    ),
    "article.slug.invalid": (
        ERROR,
        "Đường dẫn (slug) “{value}” chỉ được có chữ thường không dấu, chữ số và dấu gạch ngang.",
        "Ví dụ: {suggestion}",
    ),
    "article.slug.too_long": (
        ERROR,
        "Đường dẫn (slug) dài {length} ký tự (tối đa {limit}).",
        "Rút gọn, ví dụ: {suggestion}",
    ),
    "article.slug.from_name": (
        ERROR,
        "Tên tệp “{name}” không có chữ hay số nào để làm đường dẫn (slug) cho bài viết.",
        "Đổi tên tệp theo tiêu đề, chữ không dấu nối bằng gạch ngang, ví dụ hoi-nghi-tong-ket-2025.md, "
        "hoặc thêm dòng slug: hoi-nghi-tong-ket-2025 vào phần thông tin đầu bài.",
    ),
    "article.slug.duplicate": (
        ERROR,
        "Hai bài có cùng đường dẫn “{slug}”: tệp này và {other}.",
        "Đổi tên một trong hai tệp, hoặc thêm trường slug: với một đường dẫn khác.",
    ),
    "body.placeholder": (
        ERROR,
        "Nội dung vẫn còn chữ mẫu “{value}”; bài chưa được đăng.",
        "Thay dòng này bằng nội dung bài (mỗi đoạn cách nhau một dòng trống), rồi lưu lại.",
    ),
    "field.placeholder": (
        ERROR,
        "Trường “{field}” vẫn là chữ mẫu “{value}”; bài chưa được đăng.",
        "Viết {field} thật của bài. Với summary: viết một, hai câu tóm tắt, hoặc để trống (summary: '') để "
        "lấy đoạn đầu của bài.",
    ),
    "article.body.empty": (WARNING, "Bài viết chưa có nội dung.", "Viết nội dung bài bên dưới dòng “---” thứ hai."),
    "article.body.unsafe_html": (
        WARNING,
        "Nội dung có mã HTML không được phép ({what}); phần này sẽ bị loại bỏ khi đăng.",
        "Chỉ viết chữ và định dạng Markdown; để chèn ảnh dùng ![mô tả](ten-anh.jpg), để đưa video "
        "thì dán đường link tới video (Facebook, YouTube) thay cho khung nhúng.",
    ),
    "article.source_url.invalid": (
        ERROR,
        "Địa chỉ nguồn “{value}” phải bắt đầu bằng http:// hoặc https://.",
        "Sao chép nguyên địa chỉ bài gốc từ thanh địa chỉ của trình duyệt.",
    ),
    "category.unknown": (
        ERROR,
        "Chuyên mục “{value}” không có trong content/categories.yml.",
        "{hint}",
    ),
    # --- images ----------------------------------------------------------------------
    "image.missing": (
        ERROR,
        "Không tìm thấy ảnh “{value}” (tìm ở {looked}).",
        "Đặt tệp ảnh cạnh bài viết và ghi đúng tên tệp, kể cả chữ hoa/thường và phần đuôi (.jpg, .png).",
    ),
    "image.outside": (
        ERROR,
        "Ảnh “{value}” nằm ngoài thư mục content/.",
        "Chép ảnh vào cùng thư mục với bài viết rồi ghi tên tệp, không dùng “..” hay đường dẫn tuyệt đối.",
    ),
    "image.type": (
        ERROR,
        "Tệp “{value}” không phải loại ảnh được hỗ trợ.",
        "Dùng ảnh JPEG, PNG, WebP, HEIC hoặc GIF (đuôi .jpg, .jpeg, .png, .webp, .heic, .gif). "
        "Ảnh SVG hay tài liệu (PDF, Word) không chèn được như ảnh: hãy chụp hoặc xuất ra ảnh JPEG/PNG.",
    ),
    "image.not_image": (
        ERROR,
        "Tệp “{value}” có đuôi ảnh nhưng không phải là ảnh.",
        "Có thể tệp bị đổi tên từ loại khác (PDF, Word, trang web). Mở ảnh trên máy, lưu lại dạng JPEG rồi gửi lại.",
    ),
    "image.broken": (
        ERROR,
        "Ảnh “{value}” bị hỏng, không đọc được.",
        "Tệp có thể chưa tải xong hoặc bị cắt ngang. Chép lại ảnh gốc từ điện thoại rồi gửi lại.",
    ),
    "image.too_large": (
        ERROR,
        "Ảnh “{value}” quá lớn (giới hạn {limit_mb} MB và {limit_mp} triệu điểm ảnh).",
        "Ảnh chụp bằng điện thoại luôn nhỏ hơn mức này. Nếu là ảnh quét, hãy quét lại ở độ phân giải 150–200 dpi.",
    ),
    "image.heic_unsupported": (
        ERROR,
        "Ảnh iPhone “{value}” (HEIC) không đọc được trên máy dựng trang.",
        "Cài lại ward-news (gói pillow-heif đi kèm), hoặc trên iPhone chọn Cài đặt → Camera → Định dạng → "
        "Tương thích nhất rồi gửi lại ảnh dạng JPEG.",
    ),
    "image.animated": (
        WARNING,
        "Ảnh “{value}” là ảnh động; trang web chỉ hiện khung hình đầu tiên.",
        "Dùng ảnh chụp (JPEG) thay cho ảnh động, hoặc chấp nhận ảnh tĩnh.",
    ),
    # --- documents (văn bản) and their attached files ----------------------------------
    "document.number.invalid": (
        ERROR,
        "Số, ký hiệu “{value}” không đúng dạng in trên văn bản.",
        "Viết như trên văn bản, không có chữ “Số:”, không dấu cách, chữ in hoa: number: {suggestion}",
    ),
    "document.number.type_mismatch": (
        WARNING,
        "Số, ký hiệu “{value}” không có chữ viết tắt “{abbreviation}” của loại văn bản “{type}”.",
        "Kiểm tra lại loại văn bản (type:) hoặc số, ký hiệu (number:) cho khớp với văn bản giấy.",
    ),
    "document.type.unknown": (ERROR, "Loại văn bản “{value}” không có trong danh sách.", "{hint}"),
    "document.effective.before_date": (
        ERROR,
        "Ngày có hiệu lực ({effective}) sớm hơn ngày ban hành ({date}).",
        "Văn bản chỉ có hiệu lực từ ngày ban hành trở đi: sửa lại ngày, hoặc xóa dòng effective:.",
    ),
    "document.slug.duplicate": (ERROR, "Hai văn bản có cùng đường dẫn “{slug}”: tệp này và {other}.",
                                "Đổi tên một trong hai tệp, hoặc ghi slug: khác nhau."),
    "field.expires.before_date": (
        ERROR,
        "Ngày hết hiệu lực ({expires}) sớm hơn ngày bắt đầu ({date}).",
        "Ghi ngày cuối cùng thông báo còn giá trị, ví dụ expires: 2026-11-30, hoặc xóa dòng này.",
    ),
    "attachment.missing": (
        ERROR,
        "Không tìm thấy tệp đính kèm “{value}” (tìm ở {looked}).",
        "Đặt tệp vào content/documents/files/ và ghi đúng tên tệp, kể cả chữ hoa/thường và phần đuôi (.pdf, .docx).",
    ),
    "attachment.outside": (
        ERROR,
        "Tệp đính kèm “{value}” nằm ngoài thư mục content/ hoặc ở trang web khác.",
        "Chép tệp vào content/documents/files/ rồi ghi đường dẫn tương đối, ví dụ files/125-tb-ubnd.pdf; "
        "không dùng “..”, đường dẫn tuyệt đối hay địa chỉ http.",
    ),
    "attachment.type": (
        ERROR,
        "Tệp “{value}” không phải loại tệp đính kèm được hỗ trợ.",
        "Đính kèm tệp PDF (.pdf), Word (.docx, .doc), Excel (.xlsx, .xls) hoặc OpenDocument (.odt, .ods). "
        "Tệp nén (.zip, .rar) và tệp chạy được (.exe) không đăng lên trang.",
    ),
    "attachment.empty": (ERROR, "Tệp đính kèm “{value}” rỗng (0 byte).",
                         "Tệp có thể chưa tải xong: chép lại tệp gốc rồi gửi lại."),
    "attachment.too_large": (
        ERROR,
        "Tệp đính kèm “{value}” quá lớn (giới hạn {limit_mb} MB).",
        "Quét lại văn bản ở 150–200 dpi, đen trắng, hoặc dùng chức năng nén PDF trước khi gửi.",
    ),
    "attachment.mismatch": (
        ERROR,
        "Tệp “{value}” có đuôi không khớp với nội dung: bên trong là {found}.",
        "Có thể tệp bị đổi tên. Mở tệp trên máy rồi lưu lại đúng định dạng (Lưu thành PDF, Word hoặc Excel), "
        "hoặc đổi phần đuôi cho đúng với nội dung.",
    ),
    # --- the organisation page (site.yml `about:`) --------------------------------------
    "site.about.invalid": (
        ERROR,
        "Mục “{field}” của phần giới thiệu tổ chức (about:) phải là {expected}.",
        "{hint}",
    ),
    "site.contact.invalid": (
        ERROR,
        "Mỗi người liên hệ cần có “name:” (họ tên).",
        "Ví dụ:\n  contacts:\n    - name: Nguyễn Văn An\n      title: Chủ tịch Ủy ban MTTQ phường\n      phone: 0912 345 678",
    ),
    "site.phone.invalid": (
        ERROR,
        "Số điện thoại “{value}” không gọi được.",
        "Chỉ ghi chữ số (có thể cách nhau bằng dấu cách hoặc dấu chấm), ví dụ 024 3766 2018 hoặc 0912 345 678.",
    ),
    "site.email.invalid": (ERROR, "Địa chỉ thư điện tử “{value}” không đúng dạng.",
                           "Ví dụ: mttq.phuonghoabinh@gmail.com"),
    "site.url.invalid": (ERROR, "Địa chỉ “{value}” phải bắt đầu bằng http:// hoặc https://.",
                         "Sao chép nguyên địa chỉ từ thanh địa chỉ của trình duyệt."),
    # --- mkdocs.yml's site_url (rules/site_address.py) ----------------------------------
    "site_url.placeholder": (
        WARNING,
        "Địa chỉ trang (site_url: {value}) vẫn là địa chỉ mẫu: liên kết chia sẻ, ảnh hiện trên Zalo, Facebook và "
        "bản tin RSS sẽ trỏ tới một trang không có thật.",
        "Ghi địa chỉ thật của trang vào dòng site_url: của mkdocs.yml (trên GitHub: Settings → Pages ghi địa chỉ "
        "này, ví dụ https://tai-khoan.github.io/ten-kho/). Quy trình đăng trang trên GitHub tự dùng địa chỉ của "
        "GitHub Pages.",
    ),
    "site_url.placeholder_on_ci": (
        ERROR,
        "Địa chỉ trang (site_url: {value}) vẫn là địa chỉ mẫu; trang không được dựng để đăng với liên kết "
        "chia sẻ, ảnh chia sẻ và bản tin RSS trỏ tới một trang không có thật.",
        "Ghi địa chỉ thật của trang vào dòng site_url: của mkdocs.yml (trên GitHub: Settings → Pages ghi địa chỉ "
        "này, ví dụ https://tai-khoan.github.io/ten-kho/), hoặc chạy với --site-url ĐỊA-CHỈ.",
    ),
    # --- what Decree 42/2022/NĐ-CP asks of an agency's site (warnings of `check`) ---------
    "compliance.organisation": (
        WARNING,
        "Trang web chưa có trang giới thiệu tổ chức (chức năng, nhiệm vụ, cơ cấu tổ chức) mà Nghị định "
        "42/2022/NĐ-CP yêu cầu.",
        "Thêm phần about: vào content/site.yml (hướng dẫn cán bộ, mục 14).",
    ),
    "compliance.contacts": (
        WARNING,
        "Trang giới thiệu tổ chức chưa có danh sách lãnh đạo, cán bộ liên hệ (họ tên, chức vụ, điện thoại, "
        "thư điện tử).",
        "Thêm contacts: vào phần about: của content/site.yml.",
    ),
    "compliance.english": (
        WARNING,
        "Trang web chưa có trang tiếng Anh giới thiệu cơ cấu tổ chức và cách liên hệ.",
        "Thêm english_name: và english_summary: vào phần about: của content/site.yml.",
    ),
    "compliance.documents": (
        WARNING,
        "Trang web chưa có văn bản nào (thông báo, kế hoạch, quyết định...) trong mục Văn bản.",
        "Thêm văn bản vào content/documents/ (hướng dẫn cán bộ, mục 14), hoặc tạo ở mục “Văn bản” của "
        "trang quản trị.",
    ),
    # --- categories.yml / authors.yml / site.yml / pages -------------------------------
    "categories.missing": (
        ERROR,
        "Chưa có tệp danh sách chuyên mục content/categories.yml.",
        "Tạo tệp với mỗi chuyên mục một dòng, ví dụ: - name: An sinh xã hội",
    ),
    "categories.not_list": (
        ERROR,
        "Tệp chuyên mục phải là một danh sách, mỗi mục bắt đầu bằng “- name:”.",
        "Ví dụ:\n- name: An sinh xã hội\n- name: Chuyển đổi số",
    ),
    "categories.item.invalid": (
        ERROR,
        "Mỗi chuyên mục cần có “name:” (tên chuyên mục).",
        "Ví dụ: - name: An sinh xã hội",
    ),
    "categories.duplicate": (
        ERROR,
        "Chuyên mục “{name}” trùng với chuyên mục ở dòng {other_line} (cùng đường dẫn “{slug}”).",
        "Xóa hoặc đổi tên một trong hai chuyên mục.",
    ),
    "authors.not_list": (
        ERROR,
        "Tệp tác giả phải là một danh sách, mỗi mục bắt đầu bằng “- name:”.",
        "Ví dụ:\n- name: CHÍ NGUYÊN\n  bio: Phóng viên cộng tác",
    ),
    "authors.item.invalid": (ERROR, "Mỗi tác giả cần có “name:” (tên hoặc bút danh).", None),
    "authors.duplicate": (
        WARNING,
        "Tác giả “{name}” trùng với tác giả ở dòng {other_line} (khác nhau chỉ ở dấu, chữ hoa/thường hoặc "
        "dấu câu); dòng này bị bỏ qua.",
        "Xóa một trong hai dòng, hoặc gộp phần giới thiệu (bio) vào một tác giả.",
    ),
    "site.not_mapping": (
        ERROR,
        "Tệp thông tin phường phải gồm các dòng “tên: giá trị”.",
        "Ví dụ: name: Phường Hòa Bình",
    ),
    "site.field.type": (ERROR, "Trường “{field}” phải là {expected}.", None),
    "site.synonyms.invalid": (
        ERROR,
        "Từ đồng nghĩa (synonyms:): {problem}.",
        "Ví dụ:\n{example}",
    ),
    "site.contract.invalid": (
        ERROR,
        "“contract” là số phiên bản quy ước nội dung, phải là một số nguyên từ 1 trở lên, không phải “{value}”.",
        "Ghi “contract: {current}” (phiên bản mà bản ward-news đang cài đọc được), hoặc xóa dòng này.",
    ),
    "site.contract.newer": (
        ERROR,
        "Nội dung này viết theo quy ước nội dung phiên bản {found}, nhưng ward-news {version} đang cài chỉ đọc được "
        "đến phiên bản {current}; trang web chưa được dựng để không hiểu sai nội dung.",
        "Nâng ward-news lên bản mới hơn: trong requirements.txt, sửa số phiên bản sau “ward-news==”, hoặc mã "
        "commit sau dấu @ cuối dòng “ward-news @ git+…” (xem CHANGELOG.md của ward-news), rồi chạy lại. Nếu gõ nhầm số, sửa thành “contract: {current}”.",
    ),
    # --- the ward's own theme overrides -------------------------------------------------
    "theme.override.copy": (
        WARNING,
        "Tệp này là bản sao chưa sửa của “{name}” trong giao diện có sẵn của ward-news (thường do sao chép cả "
        "kho mã trước đây); nó che bản có sẵn nên trang sẽ không nhận giao diện mới khi nâng cấp ward-news.",
        "Xóa tệp này: bản có sẵn được dùng thay, trang không mất gì. Nếu thư mục overrides/ không còn tệp nào, "
        "xóa cả dòng custom_dir trong mkdocs.yml.",
    ),
    # --- a city's repository: wards/<ward>/ and hub.yml ----------------------------------------
    "city.ward.no_content": (
        WARNING,
        "Thư mục này nằm trong wards/ nhưng không có thư mục content/ nên không được dựng.",
        "Mỗi phường là một thư mục wards/<tên-phường>/ chứa content/ (site.yml, categories.yml, news/...).",
    ),
    "city.ward.slug": (
        ERROR,
        "Tên thư mục phường “{name}” là một phần địa chỉ trang web nên chỉ được dùng chữ thường không dấu, "
        "chữ số và dấu gạch ngang.",
        "Đổi tên thư mục thành “{slug}”.",
    ),
    "city.ward.reserved": (
        ERROR,
        "Tên thư mục phường “{name}” trùng với một địa chỉ mà trang tổng hợp dùng.",
        "Đổi tên thư mục, ví dụ thêm “phuong-” ở đầu.",
    ),
    "hub.ward.unbuilt": (
        WARNING,
        "Phường này chưa được dựng (không có {feed}), nên chưa có trên trang tổng hợp; các phường khác vẫn được đăng.",
        "Dựng phường trước: ward-news build --ward {slug}",
    ),
    "hub.ward.feed_invalid": (
        WARNING,
        "Không đọc được bản tin Atom {feed} của phường đã dựng ({reason}), nên phường chưa có trên trang tổng hợp.",
        "Dựng lại phường: ward-news build --ward {slug}",
    ),
    "page.title.missing": (
        WARNING,
        "Trang chưa có tiêu đề (title:); tạm lấy “{fallback}”.",
        "Thêm phần đầu trang: ---, title: Giới thiệu, ---",
    ),
    "page.slug.reserved": (
        ERROR,
        "Tên trang “{slug}” trùng với một mục có sẵn của trang web ({reserved}).",
        "Đổi tên tệp trang, ví dụ {slug}-phuong.md",
    ),
    # --- annual reports (reports/<year>.md) -------------------------------------------
    "report.frontmatter.missing": (
        ERROR,
        "Báo cáo thiếu phần thông tin đầu (front matter) nằm giữa hai dòng “---”.",
        "Dòng đầu tiên của tệp phải là “---”, tiếp theo là title:, year:, indicators:, rồi một dòng “---”.",
    ),
    "report.name": (
        ERROR,
        "Tên tệp báo cáo phải là năm, ví dụ 2025.md (đang là “{name}”).",
        "Đổi tên tệp thành <năm>.md, ví dụ content/reports/2025.md",
    ),
    "report.year.mismatch": (
        ERROR,
        "Năm báo cáo “{year}” khác với tên tệp ({file_year}.md).",
        "Sửa year: {file_year}, hoặc đổi tên tệp thành {year}.md",
    ),
    "report.year.invalid": (ERROR, "Năm báo cáo “{value}” không phải một năm (ví dụ 2025).", "Viết year: {file_year}"),
    "report.indicators.missing": (
        ERROR,
        "Báo cáo chưa có số liệu (indicators:).",
        "Thêm indicators: với ít nhất một nhóm, xem mẫu trong hướng dẫn, mục Báo cáo tổng kết năm.",
    ),
    "report.indicators.type": (
        ERROR,
        "“{field}” phải là {expected}, nhưng đang là {found}.",
        "{hint}",
    ),
    "report.group.name": (ERROR, "Nhóm số liệu thiếu tên (group:).", "Ví dụ: - group: An sinh xã hội"),
    "report.group.empty": (
        ERROR,
        "Nhóm “{group}” chưa có chỉ tiêu nào (items:).",
        "Thêm ít nhất một dòng dưới items:, ví dụ - {{label: Phần quà vận động, value: 2500, unit: phần}}",
    ),
    "report.group.duplicate": (ERROR, "Nhóm “{group}” xuất hiện hai lần (lần đầu ở dòng {first_line}).", "Gộp hai nhóm làm một."),
    "report.item.label": (ERROR, "Chỉ tiêu thiếu tên (label:).", "Ví dụ: {{label: Phần quà vận động, value: 2500, unit: phần}}"),
    "report.item.duplicate": (
        ERROR,
        "Nhóm “{group}” có hai chỉ tiêu cùng tên “{label}” (lần đầu ở dòng {first_line}).",
        "Đổi tên hoặc xóa một trong hai dòng.",
    ),
    "report.item.value.missing": (ERROR, "Chỉ tiêu “{label}” thiếu số liệu (value:).", "Ví dụ: value: 2500"),
    "report.item.number": (
        ERROR,
        "“{field}” của chỉ tiêu “{label}” phải là một con số, nhưng đang là {found}.",
        "{hint}",
    ),
    "report.item.unit": (
        ERROR,
        "Đơn vị “{unit}” của chỉ tiêu “{label}” dễ bị hiểu nhầm.",
        "Viết unit: {suggestion}",
    ),
    "report.item.unknown": (
        WARNING,
        "Trường “{field}” của chỉ tiêu “{label}” không được dùng nên sẽ bị bỏ qua.",
        "Các trường của một chỉ tiêu: label, value, unit, previous, target, note. Nếu tên chỉ tiêu có dấu "
        "phẩy, đặt cả tên trong ngoặc kép: {{label: \"Tổ dân phố có hương ước, quy ước\", value: 100}}",
    ),
    "report.duplicate_year": (ERROR, "Hai báo cáo cho cùng năm {year}: tệp này và {other}.", "Giữ một tệp cho mỗi năm."),
    "page.slug.duplicate": (ERROR, "Hai trang có cùng đường dẫn “{slug}”: tệp này và {other}.", "Đổi tên một trong hai tệp."),
}


def render(code: str, **values) -> tuple[str, str, str | None]:
    """Severity, message and hint for a code, with values filled in."""
    severity, message, hint = MESSAGES[code]
    message = message.format(**values)
    if hint is not None:
        hint = hint.format(**values) or None
    return severity, message, hint
