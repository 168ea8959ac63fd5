import codecs

import pytest

from pipeline.decoding import DecodeError, decode_text

KOREAN = "북한 이탈주민 1417명이 지난해 한국에 입국했다. 통일부 자료에 따르면 2016년 입국자는 1417명이다."


def test_utf8_with_or_without_bom_and_any_line_ending():
    assert decode_text("a\r\nb\rc\n".encode()) == "a\nb\nc\n"
    assert decode_text(codecs.BOM_UTF8 + "Title\n\nBody".encode()) == "Title\n\nBody"


def test_utf16_with_bom():
    assert decode_text("Title\n\nBody".encode("utf-16")) == "Title\n\nBody"


def test_cp949_korean_text_is_decoded():
    assert decode_text(KOREAN.encode("cp949")) == KOREAN


def test_euc_kr_korean_text_is_decoded():
    assert decode_text(KOREAN.encode("euc-kr")) == KOREAN


def test_latin1_text_is_reported_not_guessed():
    with pytest.raises(DecodeError) as error:
        decode_text("Caf\u00e9 prices in Pyongyang \u00e9\u00e8\u00ea".encode("latin-1"))
    assert error.value.code == "undecodable"
    assert "not valid UTF-8" in str(error.value)


def test_binary_data_is_reported():
    with pytest.raises(DecodeError) as error:
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert error.value.code == "binary_file"


def test_control_characters_mark_binary_even_without_nul():
    with pytest.raises(DecodeError) as error:
        decode_text(bytes(range(1, 9)) * 20)
    assert error.value.code == "binary_file"


def test_a_nul_byte_after_the_first_8192_bytes_still_marks_a_binary_file():
    with pytest.raises(DecodeError) as error:
        decode_text(b"Plain text. " * 1000 + b"\x00")
    assert error.value.code == "binary_file"


def test_a_nul_character_in_utf16_text_marks_a_binary_file():
    with pytest.raises(DecodeError) as error:
        decode_text(("Plain text. " * 10 + "\x00").encode("utf-16"))
    assert error.value.code == "binary_file"


def test_printable_escapes_what_utf8_cannot_carry():
    import os

    from pipeline.decoding import printable

    assert printable("plain/탈북") == "plain/탈북"
    assert printable(os.fsdecode("탈북/".encode() + "탈북.txt".encode("cp949"))) == "탈북/\\xc5\\xbb\\xba\\xcf.txt"
    assert printable("a\ud800b") == "a\\ud800b"
