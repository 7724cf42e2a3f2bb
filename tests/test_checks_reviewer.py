"""The checks reviewers apply (issue 12, Build 6), on small fictional reports: each must fire
with its evidence, and one number gives one finding."""

from __future__ import annotations

from checks.context import from_report
from checks.registry import run_rules

from .report_builder import mof_table, report
from .test_checks import run


def errors(rep, **kwargs) -> list:  # noqa: ANN001
    return [f for f in run_rules(from_report(rep, **kwargs)) if f.severity == "error"]


# Lists of parts
def test_whole_number_parts_that_do_not_make_the_total() -> None:
    (f,) = run("text_totals", report({"2.1": "项目总投入82.3万元，其中中央财政补助35万元、省级财政补助38万元、县级配套8万元。"}))
    assert f.severity == "error" and "= 81 万元" in f.message
    assert [e.text for e in f.evidence] == ["82.3万元", "35万元", "38万元", "8万元"]
    (g,) = run("text_totals", report({"2.1": "补助资金共70万元，其中：中央补助42万元、省级补助14万元、县级配套13万元。"}))
    assert "= 69 万元" in g.message


def test_parts_separated_by_semicolons_are_summed() -> None:
    for text in ("培训经费12.6万元，其中：理论培训4.5万元；实操培训6.1万元；考核鉴定1.5万元。",
                 "培训经费12.6万元，其中：理论培训4.5万元;实操培训6.1万元;考核鉴定1.5万元。"):
        (f,) = run("text_totals", report({"3.1": text}))
        assert "理论培训 4.5万元 + 实操培训 6.1万元 + 考核鉴定 1.5万元 = 12.1 万元" in f.message


def test_respectively_lists_are_summed() -> None:
    (f,) = run("text_totals", report({"2.1": "全年预算数72万元，省、市、区三级财政分别安排30万元、25万元、18万元。"}))
    assert "= 73 万元" in f.message and f.evidence[0].text == "72万元"
    (g,) = run("text_totals", report({"2.1": "经费总额为126.8万元，分别是中央补助资金60万元、省级补助资金45万元和县级配套资金20万元。"}))
    assert "= 125 万元" in g.message


# Years
def test_a_year_far_from_the_report_year() -> None:
    (f,) = run("years", report({"3.1": "项目于2056年3月启动实施。"}, year=2026))
    assert "「2056年3月」，比报告年度 2026 年晚 30 年，可能是笔误" in f.message
    (g,) = run("years", report({"5.1": "计划2062年前完成全部管网改造。"}, year=2026))
    assert "晚 36 年" in g.message  # the plans section is no shelter for a slip


def test_last_years_year_left_in_is_one_finding_that_says_so() -> None:
    """«2024年度…预算» copied into the 2025 draft: `years` sees another year's budget, `stale` last
    year's year left in; one finding, saying what is wrong."""
    source = report({"1.2": "2024年度专项资金预算用于阅读推广。"}, year=2024, table=mof_table(year=2024))
    draft = report({"1.2": "2024年度专项资金预算用于阅读推广。"})
    assert run("years", draft, source=source)  # the rule alone sees it too
    findings = [f for f in run_rules(from_report(draft, source=source)) if "2024年" in f.message]
    assert [f.rule for f in findings] == ["stale"]
    assert "是去年报告的年份，仍留在本报告中" in findings[0].message
    assert findings[0].fix == "如将「2024年度」改为「2025年度」则一致"


# Weights
def test_weights_that_do_not_add_up_to_100() -> None:
    indicators = [("产出指标", "数量指标", "举办培训", "≥10期", "12期", "45", "45"),
                  ("效益指标", "社会效益指标", "服务群众", "≥1000人次", "1200人次", "25", "25"),
                  ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10")]
    findings = run("scores", report(table=mof_table(indicators=indicators)))
    (total,) = [f for f in findings if "分值合计 90" in f.message]
    assert total.severity == "error" and "执行率 10 + 各指标 80），应为 100" in total.message
    assert {e.cell for e in total.evidence} == {"budget.total.weight", "indicators.0.weight", "indicators.1.weight",
                                                "indicators.2.weight"}
    per_level = [f.message for f in findings if f.severity == "warning"]
    assert any("「产出指标」的分值合计 45" in m and "应为 50" in m for m in per_level)
    assert any("「效益指标」的分值合计 25" in m for m in per_level)


def test_a_new_drafts_empty_rate_row_counts_with_the_profiles_weight() -> None:
    table = mof_table(rate_score="9.5").replace("\t10\t95.00%\t9.5", "\t\t95.00%\t9.5")
    assert [f for f in run("scores", report(table=table)) if "分值合计" in f.message] == []


# 执行率 and its denominator
def test_rate_divided_by_the_wrong_column() -> None:
    table = mof_table(total=("75", "72", "69.3"), fiscal=("75", "72", "69.3"), rate="96.25%", rate_score="9.63")
    (f,) = run("execution_rate", report({"2.2": "全年实际支出69.3万元，执行率92.40%。"}, table=table))
    assert f.severity == "error"
    assert "是按年初预算数计算的（69.3 ÷ 75 = 92.40%）；执行率应以全年预算数为分母" in f.message
    assert "69.3 ÷ 预算数 72 = 96.25%" in f.message
    wrong_cell = table.replace("96.25%\t9.63", "92.40%\t9.24")
    messages = [f.message for f in run("execution_rate", report(table=wrong_cell))]
    assert any("附表执行率填为 92.40%，是按年初预算数计算的" in m for m in messages)


def test_rate_score_uses_the_profiles_denominator() -> None:
    table = mof_table(total=("75", "72", "69.3"), fiscal=("75", "72", "69.3"), rate="96.25%", rate_score="9.24")
    (f,) = [f for f in run("scores", report(table=table)) if "执行率得分" in f.message]
    assert "= 9.63" in f.message


# Evidence for results
def test_every_indicator_at_100_percent() -> None:
    indicators = [("产出指标", "质量指标", "验收合格率", "100%", "100%", "25", "25"),
                  ("产出指标", "时效指标", "拨付及时率", "≥95%", "100%", "25", "25"),
                  ("效益指标", "社会效益指标", "覆盖率", "≥90%", "100%", "30", "30"),
                  ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "100%", "10", "10")]
    rep = report({"6": "发放问卷200份。"}, table=mof_table(indicators=indicators))
    (f,) = run("basis", rep)
    assert f.severity == "warning" and "全部 4 项指标的实际完成值都是 100%" in f.message
    assert len(f.evidence) == 4


def test_satisfaction_needs_a_survey_basis() -> None:
    (f,) = run("basis", report({"6": "依据财务凭证和活动台账开展自评。"}))
    assert f.severity == "warning" and "满意度 「群众满意度」95% 没有写明依据" in f.message
    assert f.evidence[0].cell == "indicators.2.actual"
    assert run("basis", report({"4.1": "向群众发放问卷300份，满意度95%。"})) == []
    assert run("basis", report({"6": "通过电话回访服务对象120人开展满意度测评。"})) == []


def test_target_without_number_unit_or_deadline() -> None:
    indicators = [("产出指标", "数量指标", "举办培训", "≥10期", "12期", "50", "50"),
                  ("效益指标", "可持续影响指标", "服务能力", "有效提升", "明显提升", "30", "30"),
                  ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10")]
    (f,) = run("indicators", report(table=mof_table(indicators=indicators)))
    assert f.severity == "warning" and "年度指标值「有效提升」没有数值、单位或时限" in f.message
    assert f.evidence[0].cell == "indicators.1.expected"
    for fine in ("达成年度指标", "验收合格", "按时完成", "2025年12月底前", "≥90%"):
        rows = [indicators[0], (*indicators[1][:3], fine, *indicators[1][4:]), indicators[2]]
        assert not [f for f in run("indicators", report(table=mof_table(indicators=rows))) if "没有数值" in f.message]


# One number, one finding
def test_a_stale_number_is_not_also_two_values() -> None:
    source = report({"2.2": "项目实际支出80万元，用于设备采购。"}, year=2024,
                    table=mof_table(year=2024, total=("84.2", "84.2", "80"), fiscal=("84.2", "84.2", "80"), rate="95.01%"))
    draft = report({"2.2": "项目实际支出80万元，用于设备采购。"})
    assert run("two_values", report({"2.2": "项目实际支出80万元，用于设备采购。"}))  # not a draft: a conflict
    findings = [f for f in run_rules(from_report(draft, source=source)) if "80万元" in f.message]
    assert [f.rule for f in findings] == ["stale"]


def test_a_wrong_rate_is_one_finding() -> None:
    """«执行率为95%» against the 附表's 88.5 ÷ 92 and the 96.2% stated before: the rate check
    says what it should be; the same number is not also «同一事项两个数值»."""
    rep = report({"2.2": "全年实际支出88.5万元，执行率96.2%。\n经测算，项目全年执行率为95%。"},
                 table=mof_table(total=("92", "92", "88.5"), fiscal=("92", "92", "88.5"), rate="96.2%"))
    findings = [f for f in run_rules(from_report(rep)) if "95%" in f.message]
    assert [f.rule for f in findings] == ["execution_rate"]


def test_a_number_stated_twice_in_a_paragraph_is_one_finding() -> None:
    text = "本年度实际支出90.84万元，年末结转9.16万元；截至年底，本年度实际支出90.84万元。"
    rep = report({"6": text})
    findings = [f for f in run_rules(from_report(rep)) if "90.84万元" in f.message]
    assert len(findings) == 1  # against the 附表's 95: the same fingerprint twice, listed once
    both = [text.find("90.84万元"), text.rfind("90.84万元")]
    assert [e.start for e in findings[0].evidence if e.text == "90.84万元"] == both


def test_a_sum_that_repeats_a_two_values_number_is_not_listed_again() -> None:
    rep = report({"2.1": "项目总投入100万元，其中：当年财政拨款80万元，上年结转资金23万元。"})
    findings = errors(rep)
    assert [f.rule for f in findings] == ["two_values"]  # 23万元 against the 附表's 0: one finding
    assert run("text_totals", rep)  # the rule alone still sees 80 + 23 ≠ 100
