"""The outlines as data: every file well formed, the API the walk and the checks use."""

from __future__ import annotations

import pytest

from extract.document import Report, Section
from extract.outline import (PREAMBLE, STRUCTURAL, default_outline, is_known, list_outlines, load_outline,
                             outline_of, structural_outline)
from extract.profiles import default_profile, get_profile, load_profiles

LAYOUTS = ["prov2018", "eval2020", "transfer", "conclusion_first", "dept_whole", "short_basic", "short_funds",
           "short_results"]


def test_every_layout_is_a_data_file_and_the_2018_one_is_the_default() -> None:
    assert sorted(o.key for o in list_outlines()) == sorted(LAYOUTS)
    assert default_outline().key == "prov2018" == load_outline().key == load_outline("").key
    assert load_outline("no-such-outline").key == "prov2018"
    assert not is_known(STRUCTURAL) and is_known("eval2020")


def test_the_2018_outline_keeps_its_keys() -> None:
    keys = [e.key for e in load_outline("prov2018").leaves]
    assert keys == ["1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2", "5.1", "5.2", "5.3", "6", "7"]
    assert load_outline("prov2018").table_section == "7"


@pytest.mark.parametrize("key", LAYOUTS)
def test_outline_file_is_well_formed(key: str) -> None:
    outline = load_outline(key)
    keys = [e.key for e in (*outline.parts, *outline.sections)]
    assert len(keys) == len(set(keys)), "duplicate keys"
    assert all(outline.entry(s.part) is not None for s in outline.sections), "a section of no part"
    assert sum(1 for e in outline.leaves if e.table) == 1, "one section holds the 自评表"
    for entry in outline.leaves:
        assert entry.question.endswith(("？", "。")), (key, entry.key)
    assert {f.key for f in outline.cover_fields} >= {"title", "unit"}
    assert outline.required and outline.document.endswith("报告")


def test_roles_find_the_same_kind_of_section_in_every_layout() -> None:
    assert load_outline("prov2018").key_for("deviation_reasons") == "4.2"
    assert load_outline("prov2018").keys_for("plans") == ("5.1",)
    assert load_outline("eval2020").key_for("spending") == "4.2"
    assert load_outline("eval2020").key_for("deviation_reasons") == "5"
    assert load_outline("transfer").key_for("deviation_reasons") == "4"
    assert load_outline("short_results").key_for("evaluation") is None


def test_required_and_optional_sections() -> None:
    prov = load_outline("prov2018")
    assert "4.2" in prov.required and prov.entry("4.2").may_be_empty
    dept = load_outline("dept_whole")
    assert dept.table_section not in dept.required  # its 自评表 is not always attached


def test_a_structural_outline_is_made_of_the_reports_own_headings() -> None:
    sections = [Section(PREAMBLE, "前言"), Section("1", "项目背景", "一、项目背景"), Section("2.1", "资金来源"),
                Section("2.2", "资金支出"), Section("附表", "附表")]
    outline = structural_outline(sections)
    assert [p.key for p in outline.parts] == ["1", "2", "附表"]
    assert [e.key for e in outline.leaves] == ["1", "2.1", "2.2", "附表"]
    assert outline.entry("2").numeral == "二" and outline.entry("2").title == ""  # implied: never written
    assert outline.table_section == "附表" and outline.required == ()
    report = Report(outline=STRUCTURAL, sections=sections)
    assert outline_of(report).leaves == outline.leaves


def test_outline_of_a_report_stored_before_outlines_is_the_default() -> None:
    assert outline_of(Report()).key == "prov2018"
    assert outline_of(Report(outline="transfer")).key == "transfer"


def test_profiles_are_data_with_their_own_rate_and_default() -> None:
    assert {"mof2020", "xj2018", "sc2023", "ab2019"} <= set(load_profiles())
    assert default_profile().key == "mof2020" == next(iter(load_profiles()))
    sichuan = get_profile("sc2023")
    assert sichuan.rate_denominator == "budget"  # 调整后预算数, not 年初预算数
    assert [c["label"] for c in sichuan.budget["columns"] if c["key"] == "budget"] == ["调整后预算数"]
    assert get_profile("nonsense").key == "mof2020"
