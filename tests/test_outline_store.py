"""A report keeps its outline: in the store (and stores from before outlines get the default), in
the completeness check, and in the export, which imports back to the same sections and 附表."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from checks import check_report
from extract.reader import read_file
from store.db import Store, open_store
from store.export import write_export
from store.importer import import_paths
from store.reports import load_report, resolve_report
from store.schema import SCHEMA_VERSION

from .conftest import SAMPLE
from .helpers import structure
from .layouts import load_layouts, write_layout


def _layout(prefix: str):  # noqa: ANN202
    return next(x for x in load_layouts("tune") if x.name.startswith(prefix))


def _import(store: Store, tmp_path: Path, prefix: str) -> int:
    path = write_layout(_layout(prefix), tmp_path)
    result = import_paths(store, [path])
    assert not result.errors, result.errors
    return int(result.imported[0]["id"])


def test_the_outline_is_stored_and_loaded(store: Store, tmp_path: Path) -> None:
    report_id = _import(store, tmp_path, "t02")
    report = load_report(store, report_id)
    assert report.outline == "eval2020"
    assert [s.key for s in report.sections] == ["1.1", "1.2", "2", "3", "4.1", "4.2", "4.3", "4.4", "5", "6", "7", "附表"]
    assert report.table is not None and report.table.section == "附表"


def test_a_structural_report_keeps_its_own_sections_in_order(store: Store, tmp_path: Path) -> None:
    report_id = _import(store, tmp_path, "t09")
    report = load_report(store, report_id)
    assert report.outline == "structure"
    assert [(s.key, s.title) for s in report.sections] == [
        ("1", "项目概述"), ("2", "资金安排与使用"), ("2.1", "资金来源"), ("2.2", "资金支出"), ("3", "项目实施成效"),
        ("4", "问题与建议"), ("附表", "附表")]


def test_a_store_from_before_outlines_gets_the_default_outline(db_path: Path) -> None:
    with open_store(db_path) as store:
        import_paths(store, [SAMPLE / "reading_2023_2024.txt"])
    conn = sqlite3.connect(db_path)
    conn.execute("ALTER TABLE reports DROP COLUMN outline")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_outline'")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    with open_store(db_path) as store:
        assert {r["outline"] for r in store.query("SELECT outline FROM reports")} == {"prov2018"}
        assert load_report(store, resolve_report(store, "全民阅读推广专项经费@2024")).section("7") is not None


def test_completeness_asks_only_for_what_the_layout_has(store: Store, tmp_path: Path) -> None:
    messages = [f.message for f in check_report(store, _import(store, tmp_path, "t05"))]
    assert not any("缺少第" in m or "缺少附表" in m for m in messages), messages  # 部门整体支出: no 自评表 needed
    transfer = _import(store, tmp_path, "t03")
    with store.write() as db:
        db.execute("DELETE FROM sections WHERE report_id = ? AND key = '2'", [transfer])
    messages = [f.message for f in check_report(store, transfer) if f.rule == "completeness"]
    assert messages == ["缺少第 2 节「绩效自评工作开展情况」。"]


@pytest.mark.parametrize("prefix", ["t02", "t04", "t09"])
@pytest.mark.parametrize("fmt", ["docx", "md", "txt"])
def test_export_follows_the_outline_and_imports_back(tmp_path: Path, prefix: str, fmt: str) -> None:
    layout = _layout(prefix)
    (report,) = read_file(write_layout(layout, tmp_path))
    target = write_export(report, fmt, tmp_path / f"out.{fmt}")
    (again,) = read_file(target)
    assert again.outline == report.outline
    assert structure(again)["sections"] == structure(report)["sections"]
    assert again.table is not None and again.table.profile == report.table.profile
    assert again.table.amount("total", "budget") == report.table.amount("total", "budget")
    assert [vars(i) for i in again.table.indicators] == [vars(i) for i in report.table.indicators]
    if fmt == "txt":
        text = target.read_text(encoding="utf-8")
        heads = [h for _, h in layout.reports[0].headings if not h.startswith("附件")]
        assert all(h.replace(" ", "").rstrip("。") in text for h in heads[:3])
