"""Anything a user may type or paste — arbitrary unicode, huge numbers, nothing at all — goes
through the checks, the store, suggestions, search and export without an exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks import check_report
from checks.context import from_report
from checks.registry import run_rules
from extract.outline import load_outline
from store.db import open_store
from store.drafts import NewDraft, create_draft, save_text
from store.export import write_export
from store.importer import import_paths
from store.reports import load_report
from store.search import search
from store.suggest import Request, suggest

from .conftest import SAMPLE
from .report_builder import mof_table, report

KEYS = [e.key for e in load_outline().leaves if e.key != "7"]
SOUP = st.text(alphabet="0123456789０１２３４５６７８９.．,，%％万亿千百十元人次个年月日度底约余多以上下-至一二两三四五六七八九〇零点"
               "第、（）()《》〔〕:+ 资金拨款执行率预算数其中共计合计总投入结转e\n", max_size=120)
HUGE = st.sampled_from(["1e30万元", "999999999999999999999999999万元", "0.000000000001%", "１２３４５６７８９０亿元",
                        "九千九百九十九亿亿元", "-5万元", "100000000000000000000%"])
PARAGRAPH = st.one_of(st.text(max_size=200), SOUP, HUGE, st.just(""))
CELL = st.one_of(st.text(alphabet="0123456789.,-%％万元约≥≤<>一二百千e ", max_size=14), HUGE)
VALID = {"error", "warning", "info"}


def _table(cells: list[str]) -> str:
    return mof_table(total=tuple(cells[0:3]), fiscal=tuple(cells[3:6]), carry=tuple(cells[6:9]),  # type: ignore[arg-type]
                     rate=cells[9], rate_score=cells[10],
                     indicators=[("产出指标", "数量指标", "举办培训", cells[11], cells[12], cells[13], cells[14])],
                     total_score=cells[15])


def _assert_sound(findings: list) -> None:  # noqa: ANN001
    for f in findings:
        assert f.severity in VALID and f.status in {"fail", "uncertain"}
        assert f.message and isinstance(f.fingerprint, str)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.dictionaries(st.sampled_from(KEYS), st.lists(PARAGRAPH, max_size=4)),
       cells=st.lists(CELL, min_size=16, max_size=16))
def test_checks_never_raise(texts: dict[str, list[str]], cells: list[str]) -> None:
    table = _table([c.replace("\t", " ").replace("\n", " ") for c in cells])
    built = report(table=table)
    for section in built.sections:
        if section.key in texts:
            section.paragraphs = texts[section.key]
    _assert_sound(run_rules(from_report(built)))


STORE_DIR = Path(tempfile.mkdtemp(prefix="zipin-fuzz-"))


def _store_with_draft() -> tuple[Path, int]:
    path = STORE_DIR / "fuzz.db"
    with open_store(path) as store:
        if not store.one("SELECT 1 FROM reports"):
            import_paths(store, [SAMPLE])
            create_draft(store, NewDraft("随机草稿", "青川市图书馆", "青川市文化广电旅游局", 2026, "mof2020"))
        return path, store.one("SELECT id FROM reports WHERE kind = 'draft'")["id"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=st.sampled_from(KEYS), text=st.one_of(st.text(max_size=300), SOUP, HUGE))
def test_a_draft_with_any_text_saves_checks_suggests_searches_and_exports(key: str, text: str) -> None:
    path, draft = _store_with_draft()
    with open_store(path) as store:
        save_text(store, draft, key, text)
        _assert_sound(check_report(store, draft))
        suggest(store, Request(section=key, text=text, year=2026, exclude_report=draft))
        search(store, text)
        saved = load_report(store, draft)
    for fmt in ("docx", "md"):
        target = STORE_DIR / f"out.{fmt}"
        write_export(saved, fmt, target, overwrite=True)
        assert target.stat().st_size > 0
