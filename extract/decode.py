"""Bytes to text: UTF-8 (with or without BOM), UTF-16, GB18030/GBK, and files that mix them.

Mixed files are decoded line by line, so one badly encoded line does not garble the rest.
"""

from __future__ import annotations

import re

from .errors import InputError

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# Terminal escape sequences (colours, titles) pasted from a console: dropped whole, not just the ESC.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x9b[0-?]*[ -/]*[@-~]")
_SOFT_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\u2028\u2029\x85]")
# Share of the text that may be replacement characters before we call it binary.
_MAX_BAD_SHARE = 0.02


def decode_bytes(data: bytes) -> str:
    """Decode a text file of unknown encoding; raise InputError for empty or binary data."""
    if not data.strip():
        raise InputError("文件为空")
    text = _decode_bom(data)
    if text is None:
        text = _decode_utf16_without_bom(data)
    if text is None:
        text = _decode_lines(data)
    return clean_text(text)


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters, keeping tabs (table cells) and newlines."""
    text = _SOFT_BREAKS.sub("\n", _ESCAPES.sub("", text))
    return _CONTROL.sub("", text)


def _decode_bom(data: bytes) -> str | None:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return _strict_or_binary(data[len(bom):], codec)
    return None


def _decode_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL bytes in every other position for ASCII text."""
    sample = data[:4000]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    if odd_nuls > half * 0.2 and even_nuls < half * 0.05:
        return _strict_or_binary(data, "utf-16-le")
    if even_nuls > half * 0.2 and odd_nuls < half * 0.05:
        return _strict_or_binary(data, "utf-16-be")
    if data.count(0) > len(data) * 0.01:
        raise InputError("这是一个二进制文件，不是文本或 Word 文件")
    return None


def _strict_or_binary(data: bytes, codec: str) -> str:
    if len(data) % 2 and codec.startswith("utf-16"):
        data = data[:-1]
    text = data.decode(codec, errors="replace")
    _refuse_if_garbled(text)
    return text


def _decode_lines(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = [_decode_line(line) for line in data.split(b"\n")]
    text = "\n".join(lines)
    _refuse_if_garbled(text)
    return text


def _decode_line(line: bytes) -> str:
    for codec in ("utf-8", "gb18030"):
        try:
            return line.decode(codec)
        except UnicodeDecodeError:
            continue
    return line.decode("gb18030", errors="replace")


def _refuse_if_garbled(text: str) -> None:
    if not text:
        raise InputError("文件为空")
    bad = text.count("\ufffd") + len(_CONTROL.findall(text))
    if bad > max(8, len(text) * _MAX_BAD_SHARE):
        raise InputError("无法识别文件的编码，或这是一个二进制文件")
