"""Bytes to article text: UTF-8 first, Korean legacy encodings only when they are unmistakable.

Korean news archives still hold CP949/EUC-KR files. A wrong guess would silently corrupt text,
so a legacy decoding is accepted only when it is strict and yields mostly Hangul; anything else
is reported as that article's error instead of guessed at.
"""

from __future__ import annotations

import codecs
import unicodedata


class DecodeError(ValueError):
    """The bytes are not text this reader can decode reliably; ``code`` names why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY_KOREAN = "cp949"  # a superset of EUC-KR
_MIN_HANGUL_SHARE = 0.5
_MAX_CONTROL_SHARE = 0.05


def decode_text(data: bytes, *, refuse_control_characters: bool = True) -> str:
    """Decode article bytes and normalise line endings to ``\\n``.

    Raises :class:`DecodeError` with code ``binary_file`` or ``undecodable``. A collection reader
    passes ``refuse_control_characters=False``: its lines are judged one by one, as JSON.
    """
    text = _decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if refuse_control_characters and _control_share(text) > _MAX_CONTROL_SHARE:
        raise DecodeError("binary_file", "file holds control characters: it looks binary, not text")
    if refuse_control_characters and "\x00" in text:  # anywhere, not only where the sample looked
        raise DecodeError("binary_file", "file holds NUL characters: it looks binary, not text")
    return text


def decode_line(data: bytes) -> str:
    """Decode one line of a collection: UTF-8, or CP949/EUC-KR when unmistakable.

    Collections are read line by line, so that one bad line is that line's error only.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    legacy = _try_legacy_korean(data)
    if legacy is not None:
        return legacy
    raise DecodeError(
        "undecodable",
        f"not valid UTF-8 (byte {utf8_error.start}: {utf8_error.reason}) and not recognisably CP949/EUC-KR",
    )


def has_lone_surrogate(text: str) -> bool:
    """True when ``text`` holds a UTF-16 surrogate, which no UTF-8 output can carry.

    JSON escapes (``"\\ud800"``) and undecodable file names (``os.fsdecode``) produce them.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def printable(text: str) -> str:
    """``text`` with what UTF-8 cannot carry written as escapes: each path part that is not
    UTF-8 (a CP949 file name) with all its non-ASCII bytes as ``\\xNN``, any other lone
    surrogate as ``\\udNNN``."""
    if not has_lone_surrogate(text):
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return "/".join(_printable_part(part) for part in raw.split(b"/"))


def _printable_part(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("ascii", "backslashreplace")


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError("undecodable", f"starts with a {encoding} byte-order mark but is not valid {encoding}: {exc.reason} at byte {exc.start}") from None
    if b"\x00" in data:
        raise DecodeError("binary_file", "file holds NUL bytes: it looks binary, not text")
    return decode_line(data)


def _try_legacy_korean(data: bytes) -> str | None:
    try:
        text = data.decode(_LEGACY_KOREAN)
    except UnicodeDecodeError:
        return None
    non_ascii = [ch for ch in text if ord(ch) > 127]
    hangul = sum(1 for ch in non_ascii if _is_hangul(ch))
    if non_ascii and hangul / len(non_ascii) >= _MIN_HANGUL_SHARE:
        return text
    return None


def _is_hangul(ch: str) -> bool:
    code = ord(ch)
    return 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F


_MIN_SAMPLE_FOR_SHARE = 64  # a stray control character in a short text is not a binary file


def _control_share(text: str) -> float:
    sample = text[:8192]
    if len(sample) < _MIN_SAMPLE_FOR_SHARE:
        return 0.0
    controls = sum(1 for ch in sample if ch not in "\n\t\f" and unicodedata.category(ch) == "Cc")
    return controls / len(sample)
