"""Every rule on small reports written for the test: one case that must fire, one that must not."""

from __future__ import annotations

import pytest

from checks.context import NameIndex, from_report
from checks.finding import Finding
from checks.registry import RULES, run_rules

from .report_builder import mof_table, report


def run(rule: str, rep, **kwargs) -> list[Finding]:  # noqa: ANN001
    return run_rules(from_report(rep, **kwargs), only=[rule])


def test_clean_report_has_no_findings() -> None:
    assert run_rules(from_report(report())) == []


def test_every_rule_is_registered() -> None:
    run_rules(from_report(report()))
    assert set(RULES) == {"table_sums", "execution_rate", "text_totals", "differences", "two_values", "years",
                          "names", "numbering", "duplicates", "completeness", "indicators", "stale", "unchanged", "scores",
                          "targets", "basis"}


# 1. 附表 sums
def test_table_sums_fires_on_parts_that_do_not_add_up() -> None:
    table = mof_table(total=("100", "100", "95"), fiscal=("90", "90", "85"), other=("5", "5", "10"))
    initial, full_year = run("table_sums", report(table=table))  # the 执行数 column adds up: 85 + 10 = 95
    assert full_year.severity == "error" and full_year.section == "7"
    assert "全年预算数为 100 万元" in full_year.message and "= 95 万元" in full_year.message
    assert full_year.fix == "如将年度资金总额（全年预算数）改为 95 则一致"
    assert {e.cell for e in full_year.evidence} == {"budget.total.budget", "budget.fiscal.budget", "budget.carry.budget",
                                                   "budget.other.budget"}
    assert "年初预算数" in initial.message


def test_table_sums_allows_rounding() -> None:
    table = mof_table(total=("95.63", "95.63", "90.84"), fiscal=("77", "77", "72.21"), carry=("18.63", "18.63", "18.63"),
                      rate="94.99%", rate_score="9.5")
    assert run("table_sums", report(table=table)) == []


# 2. 执行率
def test_execution_rate_text_contradicting_table() -> None:
    (f,) = run("execution_rate", report({"2.2": "全年实际支出95万元，执行率97%。"}))
    assert f.severity == "error" and f.section == "2.2"
    assert "执行率 97%" in f.message and "95.00%" in f.message
    assert f.fix == "如将「97%」改为 95.00% 则一致"


def test_execution_rate_rounded_statement_is_fine() -> None:
    table = mof_table(total=("95.63", "95.63", "90.84"), fiscal=("95.63", "95.63", "90.84"), rate="94.99%")
    assert run("execution_rate", report({"2.2": "实际支出90.84万元，执行率94.99%。"}, table=table)) == []


def test_execution_above_budget_and_wrong_rate_cell() -> None:
    table = mof_table(total=("100", "100", "104"), fiscal=("100", "100", "104"), rate="97%")
    findings = run("execution_rate", report(table=table))
    messages = " ".join(f.message for f in findings)
    assert "超过预算数" in messages and "执行率填为 97%" in messages


def test_low_rate_needs_a_reason() -> None:
    table = mof_table(total=("100", "100", "70"), fiscal=("100", "100", "70"), rate="70.00%", rate_score="7")
    (f,) = run("execution_rate", report(table=table))
    assert "低于 90%" in f.message and f.severity == "warning"
    explained = report({"2.2": "执行率70%，主要原因是设备延期到货，尾款未支付。"}, table=table)
    assert run("execution_rate", explained) == []


def test_approximate_rate_is_only_uncertain() -> None:
    assert run("execution_rate", report({"2.2": "执行率约94%。"})) == []  # 95.00%: within «约»
    (f,) = run("execution_rate", report({"2.2": "执行率约80%。"}))
    assert (f.status, f.severity) == ("uncertain", "warning")


# 3. parts against their total
def test_parts_after_qizhong_do_not_add_up() -> None:
    rep = report({"2.1": "项目总投入100万元，其中：财政拨款90万元，上年结转资金20万元。"})
    (f,) = run("text_totals", rep)
    assert f.severity == "error" and "110 万元" in f.message
    assert f.fix == "如将「100万元」改为 110万元 则一致"


@pytest.mark.parametrize("text", [
    "财政拨付项目资金95.63万元，其中上年结转18.63万元，本年预算拨付77万元，本年度实际支出90.84万元。",
    "其中：办公费用82.63万元，差旅费10万元，公车运行维护费3万元，共计95.63万元。",
    "上年结转18.63万元，财政拨付77万元，总投入95.63万元。",
    "预算专项资金428万元，其中：工资福利支出408万元（含津贴补贴168万元、基本养老190万元、职业年金50万元），商品服务支出20万元。",
])
def test_parts_that_add_up_give_nothing(text: str) -> None:
    assert run("text_totals", report({"2.1": text})) == []


def test_total_after_parts_and_nested_parts() -> None:
    (f,) = run("text_totals", report({"2.1": "办公费用50万元，差旅费30万元，共计90万元。"}))
    assert "80 万元" in f.message
    (g,) = run("text_totals", report({"2.1": "资金100万元，其中：工资50万元（含津贴40万元、补贴20万元），公用经费50万元。"}))
    assert "超过了它" in g.message


def test_share_of_total() -> None:
    (f,) = run("text_totals", report({"2.1": "总投入95.63万元，其中：办公费用82.63万元，占总投入80%，差旅费13万元。"}))
    assert "86.41%" in f.message
    assert run("text_totals", report({"2.1": "总投入95.63万元，其中：办公费用82.63万元，占总投入86.4%，差旅费13万元。"})) == []


def test_itemised_purchases_exceeding_the_total() -> None:
    table = mof_table(total=("10", "10", "10"), fiscal=("10", "10", "10"), rate="100%", rate_score="10")
    text = "\n".join(["2025年5月，购买办公桌椅，共计20000元。", "2025年6月，支付30000元购买软件。",
                      "2025年下半年，采购办公耗材，共计60000元。"])
    (f,) = run("text_totals", report({"2.2": text}, table=table))
    assert "110000 元" in f.message and f.severity == "error"
    fine = "\n".join(["2025年5月，购买办公桌椅，共计20000元。", "2025年6月，支付30000元购买软件。"])
    assert run("text_totals", report({"2.2": fine}, table=table)) == []


def test_carry_over_is_budget_minus_spent() -> None:
    table = mof_table(total=("95.63", "95.63", "90.84"), fiscal=("95.63", "95.63", "90.84"), rate="94.99%")
    assert run("differences", report({"2.2": "年末项目支出结转4.8万元。"}, table=table)) == []
    (f,) = run("differences", report({"2.2": "年末项目支出结转6.8万元。"}, table=table))
    assert "4.79 万元" in f.message


# 4. one item, two values
def test_same_item_two_values_in_text_and_against_table() -> None:
    rep = report({"2.1": "差旅费10万元。", "2.2": "差旅费12万元。"})
    (f,) = run("two_values", rep)
    assert "差旅费" in f.message and "10万元" in f.message and "12万元" in f.message
    table_conflict = report({"2.1": "项目总投入120万元。"})
    (g,) = run("two_values", table_conflict)
    assert "附表" in g.message and g.fix == "如将「120万元」改为 100万元 则与附表一致"


def test_two_samples_of_one_thing_that_disagree_are_still_two_values() -> None:
    rep = report({"3.1": "抽查了6个乡镇卫生院的设备台账。", "4.2": "共抽查了8个乡镇卫生院。"})
    (f,) = run("two_values", rep)
    assert "6个" in f.message and "8个" in f.message


def test_same_item_rounded_or_different_purposes_or_targets_is_fine() -> None:
    assert run("two_values", report({"2.1": "差旅费10万元。", "2.2": "差旅费10.2万元。"})) == []
    assert run("two_values", report({"2.1": "预算资金58万元，用于平台维护。", "2.2": "预算资金25万元，用于绩效考核。"})) == []
    assert run("two_values", report({"1.2": "开展培训不少于10期。", "4.1": "开展培训12期。"})) == []


# 5. years
def test_other_year_for_the_reports_own_budget() -> None:
    (f,) = run("years", report({"1.2": "2024年度专项资金预算100万元。"}))
    assert f.fix == "如将「2024年度」改为「2025年度」则一致"
    (g,) = run("years", report({"6": "完成2026年度项目支出的绩效评价报告。"}))
    assert g.section == "6"


def test_background_years_are_fine() -> None:
    rep = report({
        "1.1": "本单位2015年8月成立，2018年以来承担阅读推广工作。",
        "2.3": "依据《关于开展2026年预算编制工作的通知》执行。",
        "5.1": "2026年计划继续扩大活动覆盖面。",
    })
    assert run("years", rep) == []


# 6. names
def test_other_units_name_and_a_near_miss() -> None:
    names = NameIndex(units={"青川市文化馆": "青川市文化馆", "文化馆": "青川市文化馆"}, titles={"群众文化活动经费"})
    rep = report({"5.3": "青川市文化馆将继续合作，青川市图书管将推广经验。"}, unit="青川市图书馆", dept="青川市文化广电旅游局")
    messages = [f.message for f in run("names", rep, names=names)]
    assert any("其他单位的名称「青川市文化馆」" in m for m in messages)
    assert any("「青川市图书管」与本报告的名称「青川市图书馆」" in m for m in messages)


def test_own_names_and_the_department_are_fine() -> None:
    names = NameIndex(units={"青川市文化馆": "青川市文化馆"}, titles=set())
    rep = report({"1.1": "青川市图书馆隶属于青川市文化广电旅游局。"}, unit="青川市图书馆", dept="青川市文化广电旅游局")
    assert run("names", rep, names=names) == []


# 7. numbering
def test_numbering_gap_repeat_and_arabic_heading() -> None:
    gap = run("numbering", report({"1.2": "1.组织培训；2.开展调研；3.完善制度；5.加强监督。"}))
    assert "缺少 4" in gap[0].message
    repeat = run("numbering", report({"2.2": "1.培训；2.调研。3.宣传；3.监督；4.总结。"}))
    assert "重复" in repeat[0].message
    text = report().sections
    assert run("numbering", report({"1.2": "一是组织培训；二是开展调研；三是完善制度。"})) == []
    assert text


def test_arabic_numeral_top_heading(tmp_path) -> None:  # noqa: ANN001
    rep = report()
    six = rep.section("6")
    six.heading = "6、项目评价工作情况"
    (f,) = run("numbering", rep)
    assert f.fix == "如将「6、」改为「六、」则一致"


# 8. duplicated text
def test_duplicated_passage_in_two_sections() -> None:
    passage = "严格执行财政专项资金管理办法，实行专款专用，大额支出集体研究，按政府采购程序采购。"
    (f,) = run("duplicates", report({"2.3": passage, "3.2": passage}))
    assert "完全相同" in f.message
    assert run("duplicates", report({"2.3": passage, "3.2": "每季度检查一次项目进度和资金使用情况，发现问题及时整改。"})) == []


# 9. completeness
def test_missing_cover_fields_sections_and_table() -> None:
    rep = report(cover=False, table=None)
    messages = " ".join(f.message for f in run("completeness", rep))
    assert "封面缺少「实施单位」" in messages and "缺少附表" in messages
    empty = report({"3.1": ""})
    assert any("第 3.1 节「项目组织情况分析」没有内容" in f.message for f in run("completeness", empty))


def test_missed_indicator_needs_42() -> None:
    indicators = [("产出指标", "数量指标", "举办培训", "≥10期", "8期", "50", "40"),
                  ("效益指标", "社会效益指标", "服务群众", "≥1000人次", "1200人次", "30", "30"),
                  ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10")]
    table = mof_table(indicators=indicators)
    (f,) = run("completeness", report({"4.2": "无"}, table=table))
    assert f.severity == "error" and "举办培训" in f.message
    assert run("completeness", report({"4.2": "举办培训少2期，原因是场地改造。"}, table=table)) == []


# 10. indicators
def test_indicator_units_repeats_and_reasons() -> None:
    indicators = [("产出指标", "数量指标", "办公桌椅", "7套", "100%", "20", "20"),
                  ("产出指标", "质量指标", "验收合格率", "≥95%", "≥95%", "15", "15"),
                  ("产出指标", "数量指标", "举办培训", "≥10期", "8期", "15", "12"),
                  ("效益指标", "社会效益指标", "服务群众", "≥1000人次", "1500人次", "30", "30"),
                  ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10")]
    rep = report(table=mof_table(indicators=indicators))
    messages = " ".join(f.message for f in run("indicators", rep))
    assert "单位不一致" in messages and "只重复了目标" in messages
    missed, exceeded = run("targets", rep)
    assert "「举办培训」未完成" in missed.message and missed.severity == "error"
    assert "大幅超额" in exceeded.message and exceeded.severity == "warning"


def test_indicator_category_and_text() -> None:
    indicators = [("产出指标", "成本指标", "完成时间", "2025年12月前", "2025年12月", "50", "50"),
                  ("效益指标", "数量指标", "受益群众人数", "≥1000人", "1200人", "30", "30"),
                  ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10")]
    rep = report({"4.1": "受益群众人数1500人。"}, table=mof_table(indicators=indicators))
    messages = " ".join(f.message for f in run("indicators", rep))
    assert "应放在「时效指标」下" in messages
    assert "二级指标「数量指标」应属于一级指标「产出指标」" in messages
    assert "正文第 4.1 节却写「受益群众人数1500人」" in messages


def test_good_indicators_give_nothing() -> None:
    assert run("indicators", report({"4.1": "举办培训12期，服务群众1200人次。"})) == []


# 11. stale values
def test_number_left_from_the_source_report() -> None:
    source = report({"2.2": "2024年项目实际支出80万元，执行率95%。"}, year=2024,
                    table=mof_table(year=2024, total=("84.2", "84.2", "80"), fiscal=("84.2", "84.2", "80"),
                                    rate="95.01%"))
    draft = report({"2.2": "2024年项目实际支出80万元，执行率95%。"})
    messages = [f.message for f in run("stale", draft, source=source)]
    assert any("「2024年」是去年报告的年份" in m for m in messages)
    assert any("实际支出80万元」仍是去年报告中的数值" in m for m in messages)
    updated = report({"2.2": "2025年项目实际支出95万元，执行率95%。"})
    assert run("stale", updated, source=source) == []


def test_a_part_of_this_years_count_is_not_called_last_years_total() -> None:
    rows = [("产出指标", "数量指标", "举办活动", "≥120场", "128场", "50", "50"),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10")]
    text = "评价组对其中18场活动进行了现场核实。"
    source = report({"6": text}, year=2024, table=mof_table(year=2024))
    draft = report({"6": text}, table=mof_table(indicators=rows))
    assert not [f for f in run("stale", draft, source=source) if f.severity == "error"]
    left = report({"6": "全年举办活动18场。"}, table=mof_table(indicators=rows))
    assert [f for f in run("stale", left, source=report({"6": "全年举办活动18场。"}, year=2024))
            if f.severity == "error" and "18场" in f.message]  # the number of them is still judged


# 12. scores
def test_scores_recomputed() -> None:
    indicators = [("产出指标", "数量指标", "举办培训", "≥10期", "8期", "50", "50"),
                  ("效益指标", "社会效益指标", "服务群众", "≥1000人次", "1200人次", "35", "36"),
                  ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10")]
    table = mof_table(indicators=indicators, rate_score="9", total_score="90")
    messages = " ".join(f.message for f in run("scores", report({"6": "自评等级为优。"}, table=table)))
    assert "应得 分值 × 完成值/指标值 = 40" in messages
    assert "得分 36 超过分值 35" in messages
    assert "「效益指标」的分值合计 35" in messages
    assert "执行率得分应为" in messages and "9.5" in messages
    assert "总分 90，但执行率得分与各指标得分之和为 105" in messages


def test_grade_must_match_total() -> None:
    (f,) = run("scores", report({"6": "自评得分99.5分，评价等级为良。"}))
    assert "评价等级是「优」" in f.message
    assert run("scores", report({"6": "自评得分99.5分，评价等级为优。"})) == []


def test_fingerprint_is_stable_and_ignores_offsets() -> None:
    one = run("two_values", report({"2.1": "差旅费10万元。", "2.2": "差旅费12万元。"}))[0]
    moved = run("two_values", report({"2.1": "另外，本年差旅费10万元。", "2.2": "差旅费12万元。"}))[0]
    changed = run("two_values", report({"2.1": "差旅费10万元。", "2.2": "差旅费13万元。"}))[0]
    assert one.fingerprint == moved.fingerprint != changed.fingerprint
