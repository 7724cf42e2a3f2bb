"""Suggestions: last year's paragraph with this year's numbers filled in, every number a slot."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import extract_numbers
from extract.outline import get_profile
from store.db import Store
from store.importer import import_paths
from store.suggest import Request, suggest, token_diff
from store.suggest.facts import ThisYear, parse_fact

from .conftest import SAMPLE

READING = "全民阅读推广专项经费"
LIBRARY = "青川市图书馆"


def facts(*specs: str, profile: str = "mof2020") -> ThisYear:
    out = ThisYear(get_profile(profile))
    for spec in specs:
        out.add(parse_fact(spec))
    return out


@pytest.fixture
def sample(store: Store) -> Store:
    import_paths(store, [SAMPLE])
    return store


def test_seed_example_from_the_issue(store: Store, seed_path: Path) -> None:
    import_paths(store, [seed_path])
    request = Request("2.1", year=2019, title="机关服务中心财政补助经费", unit="新疆维吾尔自治区商务厅机关服务中心",
                      facts=facts("专项资金=450万元", "工资福利支出=425万元", "津贴补贴=175万元", "基本养老、医疗=198万元",
                                  "职业年金=52万元", profile="xj2018"))
    (top, *_), _ = suggest(store, request)
    assert top.title == "机关服务中心财政补助经费" and top.year == 2018
    assert top.source.startswith("我中心严格执行收支两条线的管理制度，2018年预算专项资金428万元")
    for written in ("2019年预算专项资金450万元", "工资福利支出425万元", "津贴补贴175万元", "基本养老、医疗198万元",
                    "职业年金52万元", "商品服务支出25万元"):
        assert written in top.text
    by_old = {(s.old.surface, s.old.start): s for s in top.slots}
    derived = next(s for (old, _), s in by_old.items() if old == "20万元")
    assert (derived.status, derived.new) == ("derived", "25万元")
    assert "减去其他分项" in derived.provenance
    assert {s.status for s in top.slots} <= {"filled", "derived", "stale", "kept"}
    for slot in top.slots:
        assert top.text[slot.start:slot.end] == slot.new


def test_every_number_of_the_source_is_a_slot(sample: Store) -> None:
    request = Request("2.2", year=2026, title=READING, unit=LIBRARY, facts=facts("实际支出=88.1万元"))
    suggestions, _ = suggest(sample, request)
    assert suggestions
    for s in suggestions:
        assert [slot.old.surface for slot in s.slots] == [m.surface for m in extract_numbers(s.source)]
        for slot in s.slots:
            assert slot.status in ("filled", "derived", "stale", "kept")
            assert s.text[slot.start:slot.end] == slot.new
            if slot.status == "stale":
                assert slot.new == slot.old.surface and slot.provenance


def test_fill_and_derive_in_the_paragraphs_own_style(sample: Store) -> None:
    request = Request("2.2", year=2026, title=READING, unit=LIBRARY,
                      facts=facts("实际支出=88.1万元", "预算数=92万元", "活动组织费=35万元", "图书采购费=40.3万元"))
    (top, *_), _ = suggest(sample, request)
    assert top.year == 2025 and top.title == READING
    assert top.text.startswith("2026年项目实际支出88.1万元，执行率95.76%。其中：活动组织费35万元，图书采购费40.3万元，")
    statuses = {slot.old.surface: (slot.status, slot.new) for slot in top.slots}
    assert statuses["96.55%"] == ("derived", "95.76%")
    assert statuses["3.7万元"] == ("derived", "3.9万元")  # 年末结转 = 预算数 − 执行数
    assert statuses["9.7万元"] == ("derived", "12.8万元")  # the one missing part of 88.1
    assert "12.8万元" in top.text


def test_unknown_numbers_stay_but_are_flagged_stale(sample: Store) -> None:
    request = Request("4.1", year=2026, title=READING, unit=LIBRARY, facts=facts("读者满意度=98%"), limit=10)
    suggestions, _ = suggest(sample, request)
    outputs = next(s for s in suggestions if s.year == 2025 and "141场" in s.source)
    assert {slot.old.surface: slot.status for slot in outputs.slots}["141场"] == "stale"
    assert "141场" in outputs.text
    satisfaction = next(s for s in suggestions if s.year == 2025 and "97%" in s.source)
    slot = next(x for x in satisfaction.slots if x.old.surface == "97%")
    assert (slot.status, slot.new) == ("filled", "98%")


def test_typed_text_that_differs_only_in_numbers_ranks_first(sample: Store) -> None:
    typed = "2026年项目实际支出90万元，执行率96%。其中：活动组织费30万元"
    suggestions, _ = suggest(sample, Request("2.2", text=typed, year=2026, limit=3))
    assert suggestions[0].title == READING
    assert suggestions[0].score >= 90
    assert suggestions[0].score >= suggestions[-1].score


def test_without_text_the_same_project_comes_first(sample: Store) -> None:
    suggestions, _ = suggest(sample, Request("1.1", year=2026, title="古籍数字化保护项目", unit=LIBRARY, limit=6))
    assert suggestions[0].title == "古籍数字化保护项目" and suggestions[0].year == 2025
    titles = [s.title for s in suggestions]
    assert titles.index("古籍数字化保护项目") < titles.index("群众文化活动经费")


def test_another_units_names_are_replaced(sample: Store) -> None:
    request = Request("1.1", year=2026, title="社区文化活动经费", unit="云岭县文化馆",
                      from_report=sample.one("SELECT id FROM reports WHERE title = '群众文化活动经费'")["id"])
    (top,), _ = suggest(sample, request)
    assert "青川市文化馆" in top.source and "青川市文化馆" not in top.text
    assert top.text.startswith("云岭县文化馆是")


def test_years_roll_forward_but_background_years_stay(store: Store) -> None:
    from store.reports import insert_report

    from .report_builder import report

    past = report({"1.1": "本馆2015年8月成立，2018年以来承担阅读推广工作。2025年预算资金80万元，计划于12月底前完成。"},
                  year=2025, title="阅读项目", unit="青川市图书馆")
    with store.write() as db:
        insert_report(db, past)
    (top,), _ = suggest(store, Request("1.1", year=2026, title="阅读项目", limit=1))
    statuses = {slot.old.surface: (slot.status, slot.new) for slot in top.slots}
    assert statuses["2015年8月"][0] == "kept" and statuses["2018年"][0] == "kept"
    assert statuses["2025年"] == ("filled", "2026年")
    assert statuses["12月底"][0] == "kept"
    assert "2026年预算资金80万元" in top.text and "2015年8月成立" in top.text
    (unknown,), _ = suggest(store, Request("1.1", title="阅读项目", limit=1))  # no --year: this year unknown
    kept = {slot.old.surface: slot for slot in unknown.slots}
    assert kept["2025年"].status == "kept" and "不知道今年的年度" in kept["2025年"].provenance
    assert kept["12月底"].provenance == "没有年份，保持原文"


def test_token_diff() -> None:
    ops = token_diff("今年项目总投入", "今年项目总投入86万元，其中财政拨款80万元。")
    assert ops[0] == {"op": "equal", "typed": "今年项目总投入", "suggested": "今年项目总投入"}
    assert ops[-1]["op"] == "insert" and "财政拨款" in ops[-1]["suggested"]


def test_cli_suggest_json(cli) -> None:  # noqa: ANN001
    cli("import", str(SAMPLE))
    result = cli("suggest", "--section", "2.2", "--year", "2026", "--title", READING, "--unit", LIBRARY,
                 "--fact", "实际支出=88.1万元", "--limit", "2", "--json")
    assert result.code == 0
    data = result.json()
    assert len(data) == 2
    assert set(data[0]) >= {"report_id", "year", "score", "source", "text", "slots"}
    assert set(data[0]["slots"][0]) == {"start", "end", "old", "new", "status", "provenance"}
    assert data[0]["text"].startswith("2026年项目实际支出88.1万元")
    bad = cli("suggest", "--section", "2.2", "--fact", "没有等号")
    assert bad.code == 1 and "名称=数值" in bad.err
