"""The checks on the eight real 2018 reports: their real defects are found, true relations are not
flagged (skipped where the seed is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import check_report
from store.db import Store
from store.importer import import_paths
from store.reports import resolve_report


@pytest.fixture
def seeded(store: Store, seed_path: Path) -> Store:
    import_paths(store, [seed_path])
    return store


def messages(store: Store, title: str) -> list[str]:
    return [f"{f.rule}|{f.severity}|{f.message}" for f in check_report(store, resolve_report(store, title))]


def test_trade_report_defects(seeded: Store) -> None:
    found = "\n".join(messages(seeded, "商贸事务工作经费"))
    assert "table_sums|error|附表预算数为 267 万元，但 财政拨款 267 + 其他资金 18.16 = 285.16 万元" in found
    assert "execution_rate|error|附表执行数 277.7 万元超过预算数 267 万元" in found
    assert "实际完成值为 97%，但附表执行数 277.7 ÷ 预算数 267 = 104.01%" in found
    assert "第 1.2 节的列表编号从 7 跳到 9，缺少 8" in found
    assert "第 2.2 节的列表编号「6.」重复出现" in found
    assert "「预算资金」在第 2.1 节为 58万元，在第 2.2 节为 20万元" in found
    assert "封面缺少「填报时间」" in found
    assert "二级指标「质量指标」应属于一级指标「项目完成指标」" in found


def test_start_up_fee_purchases_exceed_the_total(seeded: Store) -> None:
    found = "\n".join(messages(seeded, "开办费"))
    assert "10000元 + 9980元 + 11240元 + 78760元 = 109980 元，超过了附表执行数 10 万元" in found
    assert "其他单位的名称「开放办」" in found
    assert "「商务厅信心与数据中心」与本报告的名称「商务厅信息与数据中心」" in found
    assert "指标「办公桌椅」的年度指标值是 7套" in found and "单位不一致" in found
    assert "缺少第 4.2 节" in found


def test_other_real_defects(seeded: Store) -> None:
    centre = "\n".join(messages(seeded, "机关服务中心财政补助经费"))
    assert "本报告是 2018 年度，但第 1.2 节写的是「2019年度" in centre
    assert "第 6 节写的是「2019年度…绩效评价」" in centre
    assert "指标「确保完成时间」（2018年12月15日以前）是时间要求，应放在「时效指标」下" in centre
    assert "第 2.1 节与第 2.2 节有内容几乎相同" in centre
    special = "\n".join(messages(seeded, "专项业务费"))
    assert "一级标题「6、项目评价工作情况」用了阿拉伯数字" in special
    assert "第 5.2 节的列表编号从 1 跳到 4，缺少 2、3" in special
    assert "实际完成值「≥上年」只重复了目标的写法" in special
    free = "\n".join(messages(seeded, "中等职业学校国家免学费"))
    assert "第 5.1 节与第 5.2 节有内容完全相同" in free and "缺少附表" in free
    assert "「2019年…计划」" in free
    funds = "\n".join(messages(seeded, "自治区职业教育专业资金"))
    assert "第 5.2 节「主要经验及做法、存在问题和建议」没有内容" in funds


def test_more_than_twenty_defects_in_the_seed(seeded: Store) -> None:
    total = sum(len(check_report(seeded, r["id"])) for r in seeded.query("SELECT id FROM reports"))
    assert total > 20


def test_relations_that_hold_give_no_error(seeded: Store) -> None:
    """专项业务费: 82.63 + 10 + 3 = 95.63; 95.63 − 90.84 = 4.8; 90.84 / 95.63 = 94.99 %."""
    findings = check_report(seeded, resolve_report(seeded, "专项业务费"))
    assert [f for f in findings if f.severity == "error"] == []
    assert not [f for f in findings if f.rule in ("text_totals", "differences", "execution_rate", "table_sums")]
