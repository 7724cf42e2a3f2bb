"""Drafts: created empty or from last year's report, saved section by section, fed by answers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from store.answers import read_answer
from store.db import Store
from store.drafts import (
    NewDraft,
    create_draft,
    find_draft,
    last_years_report,
    save_answer,
    save_text,
    section_text,
    settle,
)
from store.importer import import_paths
from store.reports import load_report
from store.this_year import this_year

from .conftest import SAMPLE

READING = "全民阅读推广专项经费"


def test_empty_draft_has_every_section_and_an_empty_table(store: Store) -> None:
    draft = create_draft(store, NewDraft("社区阅读项目", "青川市图书馆", "青川市文化广电旅游局", 2026, "mof2020"))
    report = load_report(store, draft)
    assert report.kind == "draft" and report.year == 2026 and report.profile == "mof2020"
    assert [s.key for s in report.sections][:3] == ["1.1", "1.2", "2.1"] and len(report.sections) == 14
    assert find_draft(store, "社区阅读项目", 2026) == draft


def test_draft_from_last_years_report_rolls_years_and_keeps_structure(store: Store) -> None:
    import_paths(store, [SAMPLE])
    source = last_years_report(store, READING, 2026)
    assert load_report(store, source).year == 2025
    draft = create_draft(store, NewDraft(READING, "青川市图书馆", "", 2026, "", source))
    report = load_report(store, draft)
    assert report.section_text("2.1").startswith("2026年项目总投入83.2万元")  # the amount is still last year's
    assert report.table is not None and len(report.table.indicators) == 7
    assert report.table.indicators[0].actual == "" and report.table.indicators[0].expected == "≥130场"
    assert store.one("SELECT from_report FROM reports WHERE id = ?", [draft])["from_report"] == source


def test_saving_text_keeps_it_as_typed_and_indexes_facts(store: Store) -> None:
    draft = create_draft(store, NewDraft("测试项目", year=2026))
    save_text(store, draft, "2.2", "全年实际支出88.1万元。\n\n执行率95.76%。")
    assert store.one("SELECT text FROM sections WHERE report_id = ? AND key = '2.2'", [draft])["text"] == \
        "全年实际支出88.1万元。\n\n执行率95.76%。"
    labels = [r["label"] for r in store.query("SELECT label FROM facts WHERE report_id = ?", [draft])]
    assert labels == ["实际支出", "执行率"]


def test_words_survive_a_crash_before_indexing_and_settle_finishes_the_job(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from store import draft_text

    draft = create_draft(store, NewDraft("测试项目", year=2026))
    save_text(store, draft, "2.2", "全年实际支出80万元。")

    def killed(*args: object) -> None:
        raise KeyboardInterrupt  # the process dies between the two transactions

    monkeypatch.setattr(draft_text, "index_words", killed)
    with pytest.raises(KeyboardInterrupt):
        save_text(store, draft, "2.2", "全年实际支出88.1万元。")
    monkeypatch.undo()
    assert section_text(store, draft, "2.2") == "全年实际支出88.1万元。"  # the words are safe
    assert _money(store, draft) == ["800000"]  # the index is behind

    assert settle(store, draft) == ["2.2"]
    assert _money(store, draft) == ["881000.0"]
    assert settle(store, draft) == []  # nothing left to do


def _money(store: Store, draft: int) -> list[str]:
    return [r["value"] for r in store.query("SELECT value FROM facts WHERE report_id = ? AND kind = 'money'", [draft])]


def test_budget_answer_fills_the_table_and_derives_the_total() -> None:
    reading = read_answer("budget", "财政拨款267万，其他18.16万", "xj2018")
    assert reading.cells == {("fiscal", "budget"): Decimal("267"), ("other", "budget"): Decimal("18.16"),
                             ("total", "budget"): Decimal("285.16")}
    assert "合计（预算数）285.16 万元（由分项相加）" in reading.echo("xj2018")
    plain = read_answer("spent", "79.5万元", "mof2020")
    assert plain.cells == {("total", "spent"): Decimal("79.5")}


def test_an_answer_to_the_wrong_question_is_not_understood() -> None:
    """Money typed into the headcount question (focus had moved on): nothing it asks for."""
    wrong = read_answer("people", "实际支出88.5万元，其中财政拨款83万元", "mof2020")
    assert not wrong.understood and wrong.echo("mof2020") == "没有找到人数。"
    right = read_answer("people", "核定编制42名，实有在职39人", "mof2020")
    assert right.understood and [m.surface for m in right.mentions] == ["42名", "39人"]
    assert not read_answer("budget", "共有在职人员40人", "mof2020").understood


def test_confirmed_answers_feed_the_table_and_this_years_facts(store: Store) -> None:
    draft = create_draft(store, NewDraft("测试项目", year=2026, profile="mof2020"))
    save_answer(store, draft, "budget", "全年预算92万元，其中财政拨款86万元、上年结转6万元", confirmed=False)
    assert load_report(store, draft).table.amount("total", "budget") is None  # not confirmed yet
    save_answer(store, draft, "budget", "全年预算92万元，其中财政拨款86万元、上年结转6万元", confirmed=True)
    table = load_report(store, draft).table
    assert (table.amount("total", "budget"), table.amount("fiscal", "budget"), table.amount("carry", "budget")) == (
        Decimal("92"), Decimal("86"), Decimal("6"))
    facts = this_year(store, draft)
    assert facts.cell("total", "budget").value == Decimal("920000")
