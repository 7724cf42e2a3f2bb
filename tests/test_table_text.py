"""The 自评表 however it arrives: tab- or «|»-separated rows, one cell a line, one line; in 元 or
万元; the 四川 form's own columns; the (A)/(B) form told from 财预〔2020〕10号's."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checks.context import from_report
from checks.registry import run_rules
from extract.reader import parse_text

from .layouts import _table

BODY = "一、项目基本情况\n项目由东山县文化馆实施。\n二、项目绩效自评工作开展情况\n查阅了资料。\n三、项目绩效实现情况\n完成演出20场。\n"
MOF = [
    ["项目支出绩效自评表"], ["（2024年度）"], ["项目名称", "送戏下乡项目"],
    ["主管部门", "东山县文化和旅游局", "实施单位", "东山县文化馆"],
    ["项目资金（{unit}）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "{a}", "{a}", "{b}", "10", "96%", "9.6"],
    ["", "其中：当年财政拨款", "{a}", "{a}", "{b}", "—", "—", "—"],
    ["", "上年结转资金", "0", "0", "0", "—", "—", "—"],
    ["", "其他资金", "0", "0", "0", "—", "—", "—"],
    ["年度总体目标", "预期目标", "实际完成情况"], ["", "送戏下乡20场。", "送戏下乡20场。"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["", "产出指标", "数量指标", "送戏下乡演出", "≥20场", "20场", "30", "30", ""],
    ["", "", "质量指标", "演出安全率", "100%", "100%", "20", "20", ""],
    ["", "效益指标", "社会效益指标", "观众人次", "≥5000人次", "5200人次", "30", "30", ""],
    ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""],
    ["总分", "", "", "", "", "", "100", "99.6", ""],
]


def _rows(unit: str = "万元", a: str = "25", b: str = "24") -> list[list[str]]:
    return [[c.format(unit=unit, a=a, b=b) for c in row] for row in MOF]


def _report(style: str, **kw: str):  # noqa: ANN202
    table = "\n".join(str(x) for x in _table(_rows(**kw), style))
    (report,) = parse_text(BODY + table + "\n")
    return report


@pytest.mark.parametrize("style", ["tab_led", "tabs", "pipes", "cells", "flat"])
def test_every_text_form_of_the_table_is_read(style: str) -> None:
    report = _report(style)
    table = report.table
    assert table is not None and table.profile == "mof2020" and table.year == 2024
    assert (table.amount("total", "budget"), table.amount("total", "spent")) == (Decimal(25), Decimal(24))
    assert [i.level3 for i in table.indicators] == ["送戏下乡演出", "演出安全率", "观众人次", "群众满意度"]
    assert [i.level1 for i in table.indicators] == ["产出指标", "产出指标", "效益指标", "满意度指标"]
    assert table.goals_expected == "送戏下乡20场。" and table.total_score == "99.6"
    assert table.header["unit"] == "东山县文化馆"
    assert report.section("3").paragraphs == ["完成演出20场。"]  # the form's title lines are not text
    assert [f.message for f in run_rules(from_report(report)) if f.severity == "error"] == []


@pytest.mark.parametrize("style", ["tab_led", "cells"])
def test_a_form_in_yuan_keeps_amounts_in_wan_yuan(style: str) -> None:
    table = _report(style, unit="元", a="250000", b="240000").table
    assert table.amount("total", "budget") == Decimal(25)
    assert table.budget["total"]["budget"].text == "250000"


SICHUAN = [
    ["部门预算项目支出绩效自评表"], ["（2023年度）"], ["项目名称", "便民服务项目"],
    ["主管部门", "南江区人民政府", "实施单位", "南江区政务服务中心"],
    ["预算执行情况（万元）（10分）", "", "年初预算数", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
    ["", "总额", "120", "100", "95", "95%", "10", "9.5", ""],
    ["", "财政资金", "120", "100", "95", "95%", "", "", ""],
    ["", "财政专户管理资金", "0", "0", "0", "", "", "", ""],
    ["", "单位资金", "0", "0", "0", "", "", "", ""],
    ["", "其他资金", "0", "0", "0", "", "", "", ""],
    ["年度目标", "项目年度目标", "年度目标完成情况"], ["", "办件1万件。", "办件1.1万件。"],
    ["绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分",
     "未完成原因分析"],
    ["", "产出指标", "数量指标", "办件量", "≥", "1", "万件", "1.1", "40", "40", ""],
    ["", "", "时效指标", "按时办结率", "≥", "98", "百分比", "99.5", "30", "30", ""],
    ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "97", "20", "20", ""],
    ["总分", "", "", "", "", "", "", "", "100", "99.5", ""],
]


@pytest.mark.parametrize("style", ["tab_led", "cells"])
def test_the_sichuan_form_keeps_its_own_columns(style: str) -> None:
    (report,) = parse_text(BODY + "\n".join(str(x) for x in _table(SICHUAN, style)) + "\n")
    table = report.table
    assert table.profile == "sc2023"
    assert table.amount("total", "initial") == 120 and table.amount("total", "budget") == 100
    assert [(i.expected, i.actual) for i in table.indicators] == [
        ("≥1万件", "1.1万件"), ("≥98百分比", "99.5百分比"), ("≥90%", "97%")]
    findings = run_rules(from_report(report))
    # 执行率 over 调整后预算数 (95 / 100 = 95%), not over 年初预算数; each row weighed by its own 权重
    assert [f.message for f in findings if f.severity == "error"] == []
    assert not [f for f in findings if f.rule == "scores"]


def test_the_sichuan_rate_is_checked_against_its_own_denominator() -> None:
    rows = [list(r) for r in SICHUAN]
    rows[5][5] = "79.17%"  # 95 / 120: the rate over 年初预算数, which this form does not use
    (report,) = parse_text(BODY + "\n".join(str(x) for x in _table(rows, "tab_led")) + "\n")
    messages = [f.message for f in run_rules(from_report(report), only=["execution_rate"])]
    assert any("执行率填为 79.17%" in m and "95 ÷ 预算数 100" in m for m in messages), messages


def test_the_a_b_form_is_told_from_the_2020_form() -> None:
    rows = _rows()
    rows[4] = ["项目资金（万元）", "", "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"]
    rows[11] = [*rows[11][:-1], "得分计算方法", "未完成原因分析"]
    for row in rows[12:16]:
        row[-1:] = ["完成得满分", ""]
    (report,) = parse_text(BODY + "\n".join(str(x) for x in _table(rows, "pipes")) + "\n")
    assert report.table.profile == "ab2019"
    assert report.table.amount("total", "budget") == Decimal(25)
    assert report.table.indicators[0].reason == ""
