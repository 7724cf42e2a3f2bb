"""The stored search tokens are cut clause by clause through a cache (an import cuts each
repeated clause once); they must be exactly the words jieba gives for the whole text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.mask import mask_numbers, tokens_of
from extract.reader import read_file
from extract.segment import tokenizer

from .conftest import SAMPLE

PIECES = ["项目", "资金", "执行率", "#", "万元", "，", "。", "；", "：", "、", "（", "）", "“", "”", " ", "\u3000",
          "\n", "\r\n", "\t", "abc", "A1", "3.5", "-", "_", "%", "&", "+", ".", "全民阅读", "推广", "活动", "场",
          "人次", "图书馆", "青川市", "的", "了", "和", "😀", "ｱ", "Ⅲ", "①"]


def whole(masked: str) -> str:
    return " ".join(w for w in tokenizer().cut(masked, HMM=False) if w.strip())


def paragraphs(*paths: Path) -> list[str]:
    return [p for path in paths for r in read_file(path) for s in r.sections for p in s.paragraphs if p.strip()]


def assert_jiebas_words(texts: list[str]) -> None:
    for text in texts:
        masked = mask_numbers(text)
        assert tokens_of(masked) == whole(masked), text


def test_the_sample_reports_get_jiebas_own_words() -> None:
    texts = paragraphs(*sorted(SAMPLE.glob("*.txt")))
    assert len(texts) > 50
    assert_jiebas_words(texts)


def test_the_seed_reports_get_jiebas_own_words(seed_path: Path) -> None:
    texts = paragraphs(seed_path)
    assert len(texts) > 200
    assert_jiebas_words(texts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=40))
def test_any_text_gets_jiebas_own_words(parts: list[str]) -> None:
    text = "".join(parts)
    assert tokens_of(text) == whole(text)
