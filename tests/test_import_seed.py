"""The importer on the eight real 2018 reports (skipped where the seed is absent)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from extract.outline import load_outline
from extract.reader import read_file

TITLES = [
    "商贸事务工作经费",
    "机关服务中心财政补助经费",
    "专项业务费",
    "开办费",
    "中等职业学校国家免学费",
    "中等职业学校国家免学费-技工",
    "自治区职业教育专项资金助学金-技工",
    "自治区职业教育专业资金",
]
UNITS = [
    "新疆维吾尔自治区商务厅",
    "新疆维吾尔自治区商务厅机关服务中心",
    "新疆维吾尔自治区对外开放领导小组办公室",
    "新疆维吾尔自治区商务厅信息与数据中心",  # no cover: from its 附表
    "新疆商贸经济学校",
    "新疆商贸经济学校",
    "新疆商贸经济学校",
    "新疆商贸经济学校",
]


def test_eight_reports_with_titles_units_and_year(seed_path: Path) -> None:
    reports = read_file(seed_path)
    assert [r.title for r in reports] == TITLES
    assert [r.unit for r in reports] == UNITS
    assert {r.year for r in reports} == {2018}
    assert {r.profile for r in reports} == {"xj2018"}


def test_every_outline_section_is_filed_under_its_key(seed_path: Path) -> None:
    reports = read_file(seed_path)
    all_keys = [e.key for e in load_outline().leaves]
    for report in reports:
        keys = [s.key for s in report.sections]
        assert keys == [k for k in all_keys if k in keys], report.title
    # 开办费 has no 4.2 heading at all; the others have every section.
    assert "4.2" not in [s.key for s in reports[3].sections]
    assert all(len(r.sections) == 14 for i, r in enumerate(reports) if i != 3)


def test_section_texts_start_where_the_report_does(seed_path: Path) -> None:
    reports = read_file(seed_path)
    special = reports[2]
    assert special.section_text("2.1").startswith("1、财政项目资金上年结转18.63万元")
    assert special.section_text("2.2").startswith("2018年年初，财政拨付项目资金95.63万元")
    # «6、 项目评价工作情况» is a top-level heading written with an Arabic numeral.
    assert special.section("6").heading == "6、项目评价工作情况"
    assert special.section_text("6").startswith("根据《关于开展自治区本级2019年预算编制工作的通知》")
    # 5.2's own numbered lines («一、取得经验和做法», «二、存在问题和建议») stay in 5.2.
    assert "二、存在问题和建议" in special.section_text("5.2").split("\n")
    assert special.section_text("5.3").startswith("开放办在2018年度工作中")


def test_headings_repeated_inline_are_peeled_off(seed_path: Path) -> None:
    centre = read_file(seed_path)[1]
    assert centre.section_text("1.1").startswith("一、机构情况：")
    assert centre.section_text("1.2").startswith("我单位根据新机办【2010】197号")
    assert centre.section_text("2.1").startswith("我中心严格执行收支两条线的管理制度")
    assert centre.section_text("2.3").startswith("一是加强预算管理")
    assert centre.section_text("4.2") == "无"
    assert centre.section("5.3") is not None and centre.section_text("5.3") == ""


def test_no_hint_line_is_kept(seed_path: Path) -> None:
    outline = load_outline()
    hints = [e.hint.strip("（）") for e in outline.sections + outline.parts if e.hint]
    for report in read_file(seed_path):
        for section in report.sections:
            for para in section.paragraphs:
                assert not any(para.strip("（）") == h for h in hints), (report.title, section.key, para)
                assert not para.startswith("（如项目绩效目标已完成"), (report.title, para)


def test_stray_quotes_are_dropped(seed_path: Path) -> None:
    school = read_file(seed_path)[4]
    assert school.section_text("1.2").startswith("中等职业学校免学费补助资金的设立")
    assert not any(p.startswith('"') or p.endswith('"') for s in school.sections for p in s.paragraphs)


def test_table_amounts_in_wan_yuan(seed_path: Path) -> None:
    reports = read_file(seed_path)
    table = reports[2].table
    assert table is not None
    assert table.amount("total", "budget") == Decimal("95.63")
    assert table.amount("total", "spent") == Decimal("90.84")
    assert table.amount("fiscal", "budget") == Decimal("77")
    assert table.amount("fiscal", "spent") == Decimal("72.21")
    assert table.amount("other", "budget") == Decimal("18.63")
    assert table.amount("other", "spent") == Decimal("18.63")
    trade = reports[0].table
    assert trade.amount("total", "budget") == Decimal("267")
    assert trade.amount("total", "spent") == Decimal("277.7")
    assert trade.amount("other", "budget") == Decimal("18.16")
    assert reports[1].table.amount("total", "budget") == Decimal("428")  # «428万元»
    assert reports[1].table.amount("other", "budget") is None  # blank cell


def test_indicators_carry_merged_levels_down(seed_path: Path) -> None:
    start_up = read_file(seed_path)[3].table
    rows = [(i.level1, i.level2, i.level3, i.expected, i.actual) for i in start_up.indicators]
    assert rows[1] == ("项目完成指标", "数量指标", "办公桌椅", "7套", "100%")
    assert rows[4][:3] == ("项目完成指标", "时效指标", "及时有效完成")
    assert rows[-1] == ("满意度指标", "满意度指标", "工作人员满意度", "≥90%", "95%")
    assert len(rows) == 8
    trade = read_file(seed_path)[0].table
    assert trade.indicators[6].level2 == "社会效益指标"  # «社会效益\n指标» in a merged cell
    assert trade.goals_actual.startswith("完成2018年度自治区外经贸领域出访任务")


def test_empty_appendix_gives_no_table(seed_path: Path) -> None:
    reports = read_file(seed_path)
    for report in reports[4:]:
        assert report.table is None
        assert report.section("7") is not None
