"""Bytes to text: UTF-8 (with or without BOM), UTF-16 (with or without BOM), GB18030/GBK, Big5,
and files that mix them — or a refusal, never mojibake.

Text with a BOM is read in its encoding, text that is valid UTF-8 as UTF-8.  UTF-16 without a
BOM shows as NUL bytes in every other position (mostly ASCII) or reads as plausible Chinese
(mostly Chinese).  Anything else is decoded line by line, each line in the encoding that reads
it as the most plausible Chinese: GB18030, Big5 (then converted to simplified characters, so
that headings written in traditional form match the outline), or UTF-8 with its damaged bytes
marked «�».  A line too short to judge takes the encoding most of the file is in.  Text that no
encoding reads as Chinese is refused with the reason.

«Plausible Chinese» is measured on the characters outside ASCII: the share that are among the
3,755 common characters of GB 2312 level 1 (or CJK punctuation and full-width forms).  Chinese
prose scores above 0.95; UTF-8 read as GB18030 about 0.1, Big5 read as GB18030 about 0.3.
A file that is mostly traditional characters (in any encoding) is converted to simplified.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .errors import InputError

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# Terminal escape sequences (colours, titles) pasted from a console: dropped whole, not just the ESC.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x9b[0-?]*[ -/]*[@-~]")
_SOFT_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\u2028\u2029\x85]")
_PLAIN = re.compile(r"[\x00-\x7f\s]+")  # what plausibility does not look at
# Share of the text that may be replacement characters before we call it binary.
_MAX_BAD_SHARE = 0.02
MIN_PLAUSIBLE = 0.6  # below this, decoded text is mojibake, not Chinese
SURE = 0.9  # a reading this plausible needs no other candidate
JUDGE_MIN = 4  # characters outside ASCII a line needs to choose its own encoding
TRADITIONAL_BELOW = 0.85  # a file scoring below this as written…
SIMPLIFIED_ABOVE = 0.95  # …and above this once converted is traditional Chinese
UNREADABLE = "无法可靠识别文件的编码：按 UTF-8、GB18030、Big5 读出的都不像中文（疑似乱码），已拒绝导入。请在记事本或 Word 中另存为 UTF-8 后再导入"


def decode_bytes(data: bytes) -> str:
    """Decode a text file of unknown encoding; raise InputError for empty, binary or unreadable data."""
    if not data.strip():
        raise InputError("文件为空")
    text = _decode_bom(data)
    if text is None:
        text = _utf8(data)
    if text is None:
        text = _decode_utf16_without_bom(data)
    if text is None:
        text = _decode_lines(data)
    text = simplified_if_traditional(clean_text(text))
    if not text.strip():
        raise InputError("文件为空")
    return text


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters, keeping tabs (table cells) and newlines."""
    text = _SOFT_BREAKS.sub("\n", _ESCAPES.sub("", text))
    return _CONTROL.sub("", text)


def plausibility(text: str) -> tuple[float, int]:
    """How much `text` reads as Chinese: the share of its non-ASCII characters that are common
    Chinese characters or punctuation, and how many non-ASCII characters there were."""
    wide = _PLAIN.sub("", text)
    if not wide:
        return 1.0, 0
    return 1 - len(_common().sub("", wide)) / len(wide), len(wide)


def simplified_if_traditional(text: str) -> str:
    """The text in simplified characters when it is written in traditional ones; else as it is."""
    return to_simplified(text) if is_traditional(text) else text


def is_traditional(text: str, sample: int = 20_000) -> bool:
    """Written in traditional characters: implausible as it is, plausible once converted
    (judged on the first `sample` characters)."""
    head = text[:sample]
    score, count = plausibility(head)
    if count < JUDGE_MIN or score >= TRADITIONAL_BELOW:
        return False
    return plausibility(to_simplified(head))[0] >= SIMPLIFIED_ABOVE


def to_simplified(text: str) -> str:
    return _converter().convert(text) if text else text


@lru_cache(maxsize=1)
def _common() -> re.Pattern[str]:
    """Common Chinese characters (GB 2312 level 1), CJK punctuation, full-width forms."""
    chars = []
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.append(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return re.compile("[\u3000-\u303f\uff00-\uffef\u2000-\u206f\u00b7\u00d7" + "".join(chars) + "]")


@lru_cache(maxsize=1)
def _converter():  # noqa: ANN202 - an opencc.OpenCC
    from opencc import OpenCC

    return OpenCC("t2s")


def _decode_bom(data: bytes) -> str | None:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return _strict_or_binary(data[len(bom):], codec)
    return None


def _utf8(data: bytes) -> str | None:
    """Valid UTF-8 is UTF-8 — unless it reads as nothing plausible while GB18030 reads it as
    sure Chinese (a short GB18030 text can be valid UTF-8 by chance: «目» is «Ŀ»)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    score, count = plausibility(text)
    if count == 0 or score >= SURE:
        return text
    try:
        other = data.decode("gb18030")
    except UnicodeDecodeError:
        return text
    other_score, other_count = plausibility(other)
    return other if other_count >= JUDGE_MIN and other_score >= SURE and other_score > score + 0.3 else text


def _decode_utf16_without_bom(data: bytes) -> str | None:
    """Mostly ASCII: NUL bytes in every other position.  Mostly Chinese: no NULs, but read in the
    right byte order it is plausible Chinese, which GB18030 or Big5 bytes read as UTF-16 are not."""
    sample = data[:4000]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    if odd_nuls > half * 0.2 and even_nuls < half * 0.05:
        return _strict_or_binary(data, "utf-16-le")
    if even_nuls > half * 0.2 and odd_nuls < half * 0.05:
        return _strict_or_binary(data, "utf-16-be")
    for codec in ("utf-16-le", "utf-16-be"):
        text = _utf16_chinese(data, codec)
        if text is not None:
            return text
    if data.count(0) > len(data) * 0.01:
        raise InputError("这是一个二进制文件，不是文本或 Word 文件")
    return None


def _utf16_chinese(data: bytes, codec: str) -> str | None:
    try:
        text = data[: len(data) - len(data) % 2].decode(codec)
    except UnicodeDecodeError:  # an unpaired surrogate: not UTF-16 in this byte order
        return None
    score, count = plausibility(_CONTROL.sub("\ufffd", text.replace("\r", "")))
    return text if count >= JUDGE_MIN and score >= SURE else None


def _strict_or_binary(data: bytes, codec: str) -> str:
    if len(data) % 2 and codec.startswith("utf-16"):
        data = data[:-1]
    text = data.decode(codec, errors="replace")
    _refuse_if_garbled(text)
    return text


class _Reading:
    """One line read in one encoding, and how plausible the result is."""

    __slots__ = ("codec", "text", "score", "weight")

    def __init__(self, codec: str, text: str) -> None:
        self.codec = codec
        self.text = text
        self.score, self.weight = plausibility(text)


def _decode_lines(data: bytes) -> str:
    lines = data.split(b"\n")
    readings = [_read_line(line) for line in lines]
    majority = _majority(readings)
    chosen = [_settle(line, options, majority) for line, options in zip(lines, readings, strict=True)]
    text = "\n".join(r.text for r in chosen)
    _refuse_if_garbled(text)
    judged = [r for r in chosen if r.codec != "ascii"]
    weight = sum(r.weight for r in judged)
    if weight >= 20 and sum(r.score * r.weight for r in judged) / weight < MIN_PLAUSIBLE:
        raise InputError(UNREADABLE)
    return text


def _read_line(line: bytes) -> list[_Reading]:
    """The candidate readings of one line, most plausible first: UTF-8 as it is when it is
    valid, GB18030 alone when it reads as sure Chinese, else also damaged UTF-8 and Big5."""
    if line.isascii():
        return [_Reading("ascii", line.decode("ascii"))]
    try:
        utf8 = _Reading("utf-8", line.decode("utf-8"))
    except UnicodeDecodeError:
        utf8 = None
    if utf8 is not None:  # valid UTF-8; and when implausible, GB18030 may read it too («目» is «Ŀ»)
        gb = _Reading("gb18030", line.decode("gb18030", errors="replace")) if utf8.score < SURE else None
        return [utf8] if gb is None or gb.score <= utf8.score else [gb, utf8]
    gb = _Reading("gb18030", line.decode("gb18030", errors="replace"))
    if gb.score >= SURE and gb.weight >= JUDGE_MIN:
        return [gb]
    options = [gb, _Reading("utf-8", line.decode("utf-8", errors="replace"))]
    big5 = _big5(line)
    if big5 is not None:
        options.append(big5)
    return sorted(options, key=lambda o: -o.score)


def _big5(line: bytes) -> _Reading | None:
    try:
        return _Reading("big5", to_simplified(line.decode("big5")))
    except UnicodeDecodeError:
        return None


def _majority(readings: list[list[_Reading]]) -> str:
    """The encoding of most of the text, judged on the lines long enough to judge."""
    weights: dict[str, int] = {}
    for options in readings:
        best = options[0]
        if best.codec != "ascii" and best.weight >= JUDGE_MIN:
            weights[best.codec] = weights.get(best.codec, 0) + best.weight
    return max(weights, key=weights.__getitem__) if weights else "gb18030"


def _settle(line: bytes, options: list[_Reading], majority: str) -> _Reading:
    """A line's reading: its own best when it is long enough to tell, else the file's encoding —
    as long as that reads the line without damage («执行» in GB18030 is no UTF-8 at all)."""
    best = options[0]
    if len(options) == 1 or best.weight >= JUDGE_MIN or best.codec == majority:
        return best
    chosen = _big5(line) if majority == "big5" else _Reading(majority, line.decode(majority, errors="replace"))
    if chosen is None or chosen.text.count("\ufffd") > min(o.text.count("\ufffd") for o in options):
        return next(o for o in options if o.text.count("\ufffd") == min(x.text.count("\ufffd") for x in options))
    return chosen


def _refuse_if_garbled(text: str) -> None:
    if not text:
        raise InputError("文件为空")
    bad = text.count("\ufffd") + len(_CONTROL.findall(text))
    if bad > max(8, len(text) * _MAX_BAD_SHARE):
        raise InputError("无法识别文件的编码，或这是一个二进制文件")
