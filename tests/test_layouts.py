"""The importer on the fictional reports of every layout (tests/data/layouts/, the tuning set;
the held-out set is measured by bench/bench_layouts.py only), and on the shapes real copies take."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from checks.context import from_report
from checks.registry import run_rules
from extract.document import Report
from extract.reader import parse_text, read_file

from .layouts import Layout, load_layouts, write_layout

TUNING = load_layouts("tune")


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _read(layout: Layout, tmp_path: Path) -> list[Report]:
    return read_file(write_layout(layout, tmp_path))


@pytest.mark.parametrize("layout", TUNING, ids=[x.name for x in TUNING])
def test_every_report_is_found_with_its_title_unit_year_and_outline(layout: Layout, tmp_path: Path) -> None:
    got = _read(layout, tmp_path)
    assert [(r.title, r.unit, r.year, r.outline) for r in got] == [
        (g.title, g.unit, g.year, g.outline) for g in layout.reports]


@pytest.mark.parametrize("layout", TUNING, ids=[x.name for x in TUNING])
def test_every_paragraph_lands_under_its_section(layout: Layout, tmp_path: Path) -> None:
    for gold, report in zip(layout.reports, _read(layout, tmp_path), strict=True):
        texts = {s.key: _plain(s.text) for s in report.sections}
        for key, paragraph in gold.paragraphs:
            assert _plain(paragraph) in texts.get(key, ""), (key, paragraph)
        recognised = {key for key, _ in report.headings}
        assert {key for key, _ in gold.headings} <= recognised


@pytest.mark.parametrize("layout", [x for x in TUNING if any(g.table for g in x.reports)],
                         ids=[x.name for x in TUNING if any(g.table for g in x.reports)])
def test_every_table_is_read(layout: Layout, tmp_path: Path) -> None:
    for gold, report in zip(layout.reports, _read(layout, tmp_path), strict=True):
        if gold.table is None:
            continue
        table = report.table
        assert table is not None and table.profile == gold.table.profile
        assert table.amount("total", "budget") == gold.table.figures["budget"]
        assert table.amount("total", "spent") == gold.table.figures["spent"]
        assert len(table.indicators) == gold.table.indicators
        assert table.goals_expected and table.goals_actual
        if "score" in gold.table.figures:
            assert Decimal(table.total_score) == gold.table.figures["score"]
        assert report.section(table.section) is not None


@pytest.mark.parametrize("layout", TUNING, ids=[x.name for x in TUNING])
def test_no_error_finding_on_consistent_reports(layout: Layout, tmp_path: Path) -> None:
    for report in _read(layout, tmp_path):
        errors = [f.message for f in run_rules(from_report(report)) if f.severity == "error"]
        assert errors == []


def test_no_missing_section_warning_for_sections_a_layout_never_has(tmp_path: Path) -> None:
    layout = next(x for x in TUNING if x.name.startswith("t06"))
    (report,) = _read(layout, tmp_path)
    messages = [f.message for f in run_rules(from_report(report), only=["completeness"])]
    assert not any("缺少第" in m for m in messages)


# ----- the shapes real copies take

def test_a_report_of_no_known_outline_keeps_every_line_under_its_own_headings() -> None:
    text = """清河镇人民政府2023年度村庄绿化项目绩效自评报告
一、项目缘起
清河镇有9个行政村，村庄绿化覆盖率偏低。
二、做了什么
（一）栽种苗木
全年栽种苗木1.2万株。
（二）管护
落实管护人员18名。
一、二季度以栽种为主，三季度以后转入管护。
三、成效与不足
村庄绿化覆盖率提高到41%。
"""
    (report,) = parse_text(text)
    assert (report.outline, report.title, report.unit, report.year) == ("structure", "村庄绿化项目", "清河镇人民政府", 2023)
    assert [(s.key, s.title) for s in report.sections] == [
        ("1", "项目缘起"), ("2", "做了什么"), ("2.1", "栽种苗木"), ("2.2", "管护"), ("3", "成效与不足")]
    assert report.section_text("2.2") == "落实管护人员18名。\n一、二季度以栽种为主，三季度以后转入管护。"
    assert [p for s in report.sections for p in s.paragraphs] == [  # nothing dropped
        "清河镇有9个行政村，村庄绿化覆盖率偏低。", "全年栽种苗木1.2万株。", "落实管护人员18名。",
        "一、二季度以栽种为主，三季度以后转入管护。", "村庄绿化覆盖率提高到41%。"]


def test_headings_glued_mid_line_and_after_the_title_are_split_off() -> None:
    text = ("白石县文化馆2024年度项目支出绩效自评报告一、基本情况白石县文化馆承担全县群众文化活动。"
            "二、绩效目标实现情况全年举办展演36场，群众满意度95%。三、绩效自评结论自评等级为优。")
    (report,) = parse_text(text)
    assert report.outline == "short_results" and report.unit == "白石县文化馆" and report.year == 2024
    assert report.section_text("1") == "白石县文化馆承担全县群众文化活动。"
    assert report.section_text("2") == "全年举办展演36场，群众满意度95%。"
    assert report.section_text("3") == "自评等级为优。"


def test_headings_with_spaces_and_a_trailing_full_stop() -> None:
    text = "一、 项目基本情况。\n项目由县司法局实施。\n二、 项目绩效自评工作开展情况。\n抽查卷宗20卷。\n三、项目绩效实现情况\n完成调解300件。\n"
    (report,) = parse_text(text)
    assert report.outline == "short_basic"
    assert [(s.key, s.text) for s in report.sections] == [
        ("1", "项目由县司法局实施。"), ("2", "抽查卷宗20卷。"), ("3", "完成调解300件。")]


def test_numbered_data_paragraphs_and_sub_items_are_not_headings() -> None:
    text = """一、资金基本情况
（一）省级下达补助资金80万元。
（二）县级配套资金25万元。
1.资金到位情况
资金已全部到位。
二、资金使用及管理情况
全年支出102.9万元。
三、资金绩效目标完成情况
免疫密度95%。
四、资金绩效评价结果
自评等级为优。
"""
    (report,) = parse_text(text)
    assert report.outline == "short_funds"
    assert report.section("1").paragraphs == ["（一）省级下达补助资金80万元。", "（二）县级配套资金25万元。",
                                              "1.资金到位情况", "资金已全部到位。"]


def test_an_appendix_part_never_splits_a_report_in_two() -> None:
    text = """项目名称：学生资助项目
一、自评结论
（一）自评得分
自评得分96分。
（二）绩效目标完成情况
资助学生1200人。
二、佐证材料
一、项目基本情况
项目由区教育局实施。
（二）自评工作开展情况
查阅了资助名册。
"""
    reports = parse_text(text)
    assert len(reports) == 1
    assert reports[0].outline == "conclusion_first"
    assert "项目由区教育局实施。" in reports[0].section_text("2")


def test_table_of_contents_and_evaluation_group_are_skipped() -> None:
    text = """南坪县水利局2022年度河道清淤项目绩效自评报告
目  录
一、基本情况……………………1
（一）项目概况……………………1
二、绩效评价工作开展情况……………………2
三、综合评价情况及评价结论……………………2
自评工作小组
组  长：陈一（局长）
成  员：王二、张三
一、基本情况
（一）项目概况
全年清淤河道12公里。
（二）项目绩效目标
清淤河道10公里以上。
二、绩效评价工作开展情况
对照绩效目标逐项核查。
三、综合评价情况及评价结论
自评得分95分。
"""
    (report,) = parse_text(text)
    assert report.outline == "eval2020"
    assert report.section("0") is None  # nothing of the table of contents or the group is body text
    assert report.section_text("1.1") == "全年清淤河道12公里。"
    assert "组长：陈一（局长）" in report.cover["team"]


def test_two_reports_found_by_their_title_lines_alone() -> None:
    text = ("甲县林业局2023年度护林员补助项目绩效自评报告\n一、基本情况\n护林员120名。\n二、绩效目标实现情况\n完成巡护。\n三、绩效自评结论\n优。\n"
            "乙县林业局2023年度林木良种补助项目绩效自评报告\n一、基本情况\n良种基地1个。\n二、绩效目标实现情况\n完成。\n三、绩效自评结论\n良。\n")
    reports = parse_text(text)
    assert [(r.unit, r.title) for r in reports] == [("甲县林业局", "护林员补助项目"), ("乙县林业局", "林木良种补助项目")]


def test_the_title_repeated_as_a_page_header_starts_no_report() -> None:
    title = "丙县气象局2023年度人工增雨项目绩效自评报告"
    text = f"{title}\n一、基本情况\n增雨作业30次。\n{title}\n二、绩效目标实现情况\n完成作业。\n三、绩效自评结论\n优。\n"
    (report,) = parse_text(text)
    assert report.section_text("1") == "增雨作业30次。" and report.section_text("2") == "完成作业。"


@pytest.mark.parametrize("line, title", [
    ("项目名称  校舍维修改造项目", "校舍维修改造项目"),  # no colon
    ("项目名称：51092324T000010263357-2023年政务云平台运维项目", "政务云平台运维项目"),  # a project code
    ("项目名称（全称）：农村公路养护项目", "农村公路养护项目"),
])
def test_cover_fields_written_any_way(line: str, title: str) -> None:
    (report,) = parse_text(f"{line}\n实施单位 东河县交通运输局\n一、项目基本情况\n养护公路30公里。\n")
    assert (report.title, report.unit) == (title, "东河县交通运输局")


def test_project_named_in_parentheses_under_the_title_line() -> None:
    (report,) = parse_text("西岭县第二小学2023年度项目支出绩效自评报告\n（课后服务项目）\n一、项目基本情况\n开设课后服务班12个。\n")
    assert (report.title, report.unit, report.year) == ("课后服务项目", "西岭县第二小学", 2023)


def test_a_cover_table_is_the_cover(tmp_path: Path) -> None:
    from .helpers import text_to_docx

    text = "\t项目名称\n\t河道保洁项目\n\n\t实施单位\n\t北岸区水务局\n\n\n一、项目基本情况\n保洁河道40公里。\n"
    (report,) = read_file(text_to_docx(text, tmp_path / "cover.docx"))
    assert (report.title, report.unit) == ("河道保洁项目", "北岸区水务局")
    assert report.table is None
