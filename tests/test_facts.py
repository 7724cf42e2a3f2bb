"""Facts: the numbers of every stored paragraph, kept in step with its text."""

from __future__ import annotations

from decimal import Decimal

from extract.document import Section
from store.facts import facts_of
from store.importer import import_paths
from store.reports import resolve_report, save_section

from .conftest import SAMPLE


def test_import_stores_facts_with_labels(store) -> None:  # noqa: ANN001
    import_paths(store, [SAMPLE / "reading_2025.txt"])
    report_id = resolve_report(store, "全民阅读推广专项经费@2025")
    facts = facts_of(store, report_id, "2.2")
    by_label = {f["label"]: f for f in facts}
    assert Decimal(by_label["项目实际支出"]["value"]) == Decimal("795000")
    assert by_label["项目实际支出"]["precision"] == 3 and by_label["项目实际支出"]["scale"] == "万元"
    assert Decimal(by_label["执行率"]["value"]) == Decimal("96.55")
    assert {"活动组织费", "图书采购费", "宣传印刷费"} <= set(by_label)
    assert all(f["paragraph_id"] for f in facts)


def test_saving_a_section_replaces_its_facts(store) -> None:  # noqa: ANN001
    import_paths(store, [SAMPLE / "reading_2025.txt"])
    report_id = resolve_report(store, "全民阅读推广专项经费@2025")
    with store.write() as db:
        save_section(db, report_id, Section("2.2", "项目资金实际使用情况分析", "", ["全年实际支出80.1万元，执行率96.3%。"]))
    facts = facts_of(store, report_id, "2.2")
    assert [(f["label"], f["value"]) for f in facts] == [("实际支出", "801000.0"), ("执行率", "96.3")]
    others = facts_of(store, report_id, "2.1")
    assert others, "other sections keep their facts"
