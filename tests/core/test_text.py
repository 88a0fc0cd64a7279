import unicodedata

from generator.core.text import DecodeError, decode_text, fold, is_slug, make_slug


def test_utf8_with_bom_and_crlf_becomes_clean_lf_text():
    data = "\ufeff---\r\ntitle: Hội nghị\r\n---\r\nNội dung\r\n".encode("utf-8")
    assert decode_text(data) == "---\ntitle: Hội nghị\n---\nNội dung\n"


def test_decomposed_unicode_is_normalised_to_nfc():
    nfd = unicodedata.normalize("NFD", "Phường Phú Định")
    assert nfd != "Phường Phú Định"
    assert decode_text(nfd.encode("utf-8")) == "Phường Phú Định"


def test_old_mac_line_endings_become_lf():
    assert decode_text(b"a\rb\r") == "a\nb\n"


def test_windows_1258_file_is_refused_at_the_line_of_the_first_bad_byte():
    data = "title: Hoi nghi\nngày 9 tháng 1\n".encode("cp1258")
    result = decode_text(data)
    assert isinstance(result, DecodeError)
    assert (result.code, result.line, result.column) == ("file.encoding", 2, 3)  # n, g, then the cp1258 byte for "à"


def test_utf16_file_is_refused():
    result = decode_text("title: Hội nghị".encode("utf-16"))
    assert isinstance(result, DecodeError) and result.code == "file.utf16"


def test_control_characters_are_refused():
    result = decode_text(b"ok\nbad \x00 byte")
    assert isinstance(result, DecodeError) and (result.code, result.line, result.column) == ("file.binary", 2, 5)


def test_slug_drops_diacritics_and_maps_d_stroke():
    assert make_slug("Phú Định") == "phu-dinh"
    assert make_slug("ĐẠI HỘI Đại biểu – nhiệm kỳ 2024-2029!") == "dai-hoi-dai-bieu-nhiem-ky-2024-2029"
    assert is_slug("phu-dinh") and not is_slug("Phu Dinh") and not is_slug("phu--dinh")


def test_fold_ignores_accents_and_case():
    assert fold("An sinh  Xã hội") == fold("an sinh xa hoi") == "an sinh xa hoi"
    assert fold("Đô thị") == "do thi"


def test_fold_treats_every_dash_alike():
    assert fold("Khen thưởng – Gương điển hình") == fold("Khen thuong - Guong dien hinh")
