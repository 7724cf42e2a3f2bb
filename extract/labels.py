"""What a number measures: the noun phrase just before it (or, for counts, right after it).

«预算资金58万元» → 预算资金; «执行率94.99%» → 执行率; «（含津贴补贴168万元、基本养老、医疗190万元»
→ 津贴补贴, 基本养老、医疗; «17个深度贫困村» → 深度贫困村.  The window before a number runs back
to the previous number or the clause boundary; jieba splits it into words, which are read
backwards, skipping light words next to the number («为», «达到», «共计») and stopping at a verb
or preposition («用于», «举办», «收到»).
"""

from __future__ import annotations

import re

from .lexicon import Lexicon, lexicon
from .mention import Mention
from .numerals import fold
from .segment import cut, verb_frequency

_HARD_BOUNDARY = set("，,。；;！？!?\n（(【[《》」「）).．")
_QUOTES = str.maketrans("", "", "“”‘’\"'")
_COLON = set("：:")
_LIST_MARKER = re.compile(
    r"^\s*(?:[（(]\s*[0-9一二三四五六七八九十]{1,3}\s*[)）]|[0-9]{1,2}\s*[、.．](?![0-9])|[一二三四五六七八九十]{1,3}\s*[、是])\s*"
)
_PUNCT = re.compile(r"^[\W_]+$")
_BREAK_WORDS = {"的", "了", "为", "是", "有", "等", "也", "都", "将", "需", "共", "共有", "现有", "拥有", "每年", "每人", "中",
                "每生", "每月", "每天", "每生每年", "每人每年", "每人每天"}
_TOTAL_WORDS = {"合计", "共计", "总计", "累计"}
WINDOW_MAX = 64  # characters before a number that can hold its label (labels are at most 12); keeps each look linear
ACTION_VERB_MIN = 50  # jieba frequency from which a plain verb counts as an action verb
_FUNCTION_WORDS = {"的", "了", "等", "中", "内", "里", "后", "前", "时", "上", "下", "和", "及", "与", "或", "之", "其"}


def label_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    folded = fold(text)
    out: list[Mention] = []
    for i, mention in enumerate(mentions):
        prev_end = mentions[i - 1].end if i else 0
        next_start = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        out.append(mention.with_label(find_label(folded, mention, prev_end, next_start)))
    return out


def find_label(folded: str, mention: Mention, prev_end: int, next_start: int) -> str:
    lex = lexicon()
    before = _label_before(folded, mention.start, prev_end, lex)
    if mention.kind == "count":
        after = _label_after(folded, mention.end, next_start, lex)
        if after:
            return after
    return before


def _window_before(folded: str, start: int, prev_end: int) -> str:
    i = start
    floor = max(prev_end, start - WINDOW_MAX)
    while i > floor and folded[i - 1] not in _HARD_BOUNDARY and folded[i - 1] not in _COLON:
        i -= 1
    window = folded[i:start]
    if not window.strip(" 、\t\u3000") and i > prev_end and folded[i - 1] in _COLON:
        # «总投入：10万元» — the label stands before the colon.
        return _window_before(folded, i - 1, prev_end)
    return window


def _label_before(folded: str, start: int, prev_end: int, lex: Lexicon) -> str:
    window = _window_before(folded, start, prev_end).translate(_QUOTES)
    window = _LIST_MARKER.sub("", window).strip(" 、\t\u3000")
    if window in _TOTAL_WORDS:
        return window  # «共计95.63万元»: a stated total
    window = _strip_trailing(_strip_leading(window, lex), lex)
    if not window:
        return ""
    words = list(cut(window))
    collected: list[str] = []
    only_keepers = True
    for word in reversed(words):
        if not collected and (word in lex.label_trailing or word.isspace() or word in lex.label_skip_verbs):
            continue
        if _PUNCT.match(word) and word != "、":
            break
        if word in lex.label_stops:
            if word not in lex.label_keep_first:
                break
            collected.insert(0, word)
            if not only_keepers:
                break
            continue
        if collected and word in _BREAK_WORDS:
            break
        if collected and word in lex.label_verb_nouns and not _is_head(collected[0], lex):
            break  # «培训基层文艺骨干»: a verb before its object, not part of the label
        if len("".join(collected)) + len(word) > lex.label_max:
            break
        collected.insert(0, word)
        only_keepers = False
    return _tidy("".join(collected), lex)


def _is_head(word: str, lex: Lexicon) -> bool:
    """A noun that forms a compound with the verb before it («培训经费», «培训合格率»)."""
    return word in lex.label_compound_heads or word.endswith(("率", "费", "量", "数", "额", "金"))


def _is_action_verb(word: str, lex: Lexicon) -> bool:
    return verb_frequency(word) >= ACTION_VERB_MIN and word not in lex.label_attribute_verbs


def _strip_leading(window: str, lex: Lexicon) -> str:
    changed = True
    while changed and window:
        changed = False
        for word in lex.label_leading:
            if window.startswith(word) and (len(window) > len(word) or word in lex.label_connectors):
                window = window[len(word):].lstrip(" 、：:，")
                changed = True
                break
    return window


def _strip_trailing(window: str, lex: Lexicon) -> str:
    """Drop comparators and light words between the label and the number («满意度高达», «为»)."""
    comparators = {w for w, _ in lex.cmp_before}
    words = sorted({*lex.label_trailing, *comparators}, key=len, reverse=True)
    changed = True
    while changed and window:
        changed = False
        for word in words:
            keep = 0 if word in comparators else 2  # «实有»: do not strip «有» down to «实»
            if window.endswith(word) and len(window) >= len(word) + keep:
                window = window[: -len(word)].rstrip(" 、\t\u3000")
                changed = True
                break
    return window


def _tidy(label: str, lex: Lexicon) -> str:
    label = label.strip(" 、，：:“”\"")
    label = _strip_leading(label, lex)
    for word in lex.label_trailing:
        if label.endswith(word) and len(label) > len(word) + 1:
            label = label[: -len(word)]
            break
    return label.strip(" 、")


def _label_after(folded: str, end: int, next_start: int, lex: Lexicon) -> str:
    """The noun right after a count's measure word («17个深度贫困村发放…» → 深度贫困村)."""
    i = end
    if folded[i:i + 1] in ("内", "后", "前"):
        return ""
    for word, _sign in lex.cmp_after:
        if folded.startswith(word, i):
            return ""
    limit = min(next_start, end + lex.label_max + 2)
    j = i
    while j < limit and folded[j] not in _HARD_BOUNDARY and folded[j] not in _COLON and folded[j] != "、":
        j += 1
    window = folded[i:j].translate(_QUOTES)
    if window.startswith("的"):
        window = window[1:]
    if not window:
        return ""
    collected: list[str] = []
    for word in cut(window):
        if word in lex.label_stops or word in lex.label_trailing or word in _FUNCTION_WORDS or _PUNCT.match(word):
            break
        if collected and _is_action_verb(word, lex):
            break
        if re.match(r"\d", word):
            break
        collected.append(word)
    label = "".join(collected)
    return label if len(label) >= 2 else ""
