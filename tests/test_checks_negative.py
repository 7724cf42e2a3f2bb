"""Relations that must raise no error (issue 12, Build 7): true sums, totals and their own
sub-items, adjustments, targets met as written, years that belong, rates on the right
denominator.  Each case is a small fictional report; no rule may report an error on it."""

from __future__ import annotations

import pytest

from checks.context import from_report
from checks.registry import run_rules

from .report_builder import mof_table, report

ROWS = [("产出指标", "数量指标", "举办培训", "≥10期", "12期", "50", "50"),
        ("效益指标", "社会效益指标", "服务群众", "≥1000人次", "1200人次", "30", "30"),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10")]


def with_first(row: tuple[str, ...]) -> str:
    return mof_table(indicators=[row, *ROWS[1:]])


def money_table(budget: str, spent: str, rate: str, score: str, initial: str | None = None) -> str:
    initial = initial or budget
    return mof_table(total=(initial, budget, spent), fiscal=(initial, budget, spent), rate=rate, rate_score=score)


CASES: list[tuple[str, dict[str, str], str | None]] = [
    # Sums that hold
    ("decimal parts", {"2.1": "其中：办公费用82.63万元，差旅费10万元，公车运行维护费3万元，共计95.63万元。"}, None),
    ("whole and decimal parts", {"2.1": "课后服务经费82.3万元，其中区级补助35万元、市级补助38万元、家长自愿缴费9.3万元。"}, None),
    ("a rounded total", {"2.1": "本年度专项经费267万元，其中人员经费85.16万元、公用经费181.84万元。"}, None),
    ("parts across ；", {"2.2": "全年支出158.4万元，其中：运营补助50.2万元；设施建设72.5万元；服务购买35.7万元。"}, None),
    ("parts across ; and numbering", {"2.2": "其中：1.管网维修78.3万元；2.水质检测21.6万元；3.应急抢修21.6万元；合计121.5万元。"}, None),
    ("items named before 分别", {"2.1": "区财政安排的35万元中，教师补助和课程开发分别为24.5万元、10.5万元。"}, None),
    ("items inline after 分别", {"2.1": "经费总额为125万元，分别是中央补助资金60万元、省级补助资金45万元和县级配套资金20万元。"}, None),
    ("分别 of changes", {"2.1": "专项经费72万元，较上年传承补助、展演经费分别增加3万元、2万元。"}, None),
    ("an adjustment in the list", {"2.1": "全年预算数166万元，其中：年初预算200万元，年中根据项目进度调减34万元。"},
     money_table("166", "158.4", "95.42%", "9.54", initial="200")),
    ("an addition in the list", {"2.1": "全年预算数82.3万元，其中：年初预算70万元，年中追加预算12.3万元。"},
     money_table("82.3", "79.87", "97.05%", "9.7", initial="70")),
    ("an adjustment in parentheses", {"2.1": "项目经费218.4万元，其中县级财政168.4万元，市级补助资金50万元（年中调增15万元）。"}, None),
    ("；-clauses that are no list", {"6": "全年预算数100万元；实际支出95万元；结转5万元。"}, None),
    ("quarterly spending", {"3.2": "预算执行按季度考核；一季度支出20.1万元；二季度支出28.6万元；三季度支出25.2万元；四季度支出21.1万元。"}, None),
    # A total and its own sub-items
    ("sub-projects of one fund", {
        "2.1": "本年度项目资金来源为省级福彩公益金126万元。",
        "2.2": "其中：日间照料中心运营补助使用省级福彩公益金52万元；农村互助幸福院建设使用省级福彩公益金74万元。"}, None),
    ("amounts of one paragraph that make the other", {
        "2.1": "省级福彩公益金113万元用于养老服务。",
        "2.2": "养老服务站建设使用省级福彩公益金48万元，老年活动中心改造使用省级福彩公益金65万元。"}, None),
    ("one spending item against the 附表", {"4.1": "其中，疫苗运输实际支出12.4万元。"}, None),
    ("a sample of the things counted", {"3.1": "采用实地抽查的方法，抽查了6个乡镇卫生院的设备台账。",
                                        "4.1": "共购置医疗设备46台，覆盖15个乡镇卫生院。"}, None),
    ("a subset counted in words", {"4.1": "14个文化站全部免费开放。", "4.2": "两个文化站因维修改造暂停开放。"}, None),
    # Targets met as written, or missed with a reason and scored by the formula
    ("≥ met exactly", {}, with_first(("产出指标", "数量指标", "举办培训", "≥10期", "10期", "50", "50"))),
    ("≥ percent met exactly", {}, with_first(("产出指标", "质量指标", "参加比例", "≥90%", "90%", "50", "50"))),
    ("≤ met exactly", {}, with_first(("产出指标", "时效指标", "托管时长", "≤2小时", "2小时", "50", "50"))),
    ("≤ met below", {}, with_first(("产出指标", "质量指标", "投诉率", "≤2%", "1.5%", "50", "50"))),
    ("missed, reason in the column", {"4.2": "见附表偏差原因栏。"}, with_first(("产出指标", "数量指标", "新建幸福院", "≥20所", "18所", "50", "45",
                                                     "2所因选址调整推迟"))),
    ("missed, reason in 4.2", {"4.2": "参加比例92%，原因是两家机构资质材料补正滞后。"},
     with_first(("产出指标", "质量指标", "参加比例", "≥95%", "92%", "50", "48.42"))),
    ("qualitative, score in its band", {"4.2": "课程体系部分达成，原因是师资不足。"},
     mof_table(indicators=[ROWS[0], ("效益指标", "社会效益指标", "课程体系", "达成年度指标", "部分达成年度指标", "30", "21"),
                           ROWS[2]], total_score="90.5")),
    ("zero target met", {}, with_first(("产出指标", "质量指标", "安全事故", "0次", "0次", "50", "50"))),
    # Years that belong
    ("a milestone year", {"5.1": "力争到2035年建成覆盖全区的服务体系。"}, None),
    ("a founding year", {"1.1": "本中心成立于1985年，2018年以来承担课后服务统筹工作。"}, None),
    ("next year in the plans", {"5.1": "2026年计划增加体育类课程。"}, None),
    ("a year in a title", {"2.3": "依据《关于做好2026年预算编制工作的通知》执行。"}, None),
    # Rates on the profile's denominator
    ("rate on 全年预算数 while 年初 differs", {"2.2": "全年实际支出69.3万元，执行率96.25%。"},
     money_table("72", "69.3", "96.25%", "9.63", initial="75")),
    ("carry-over on 全年预算数", {"2.2": "年末结转2.7万元。"}, money_table("72", "69.3", "96.25%", "9.63", initial="75")),
]


@pytest.mark.parametrize(("name", "sections", "table"), CASES, ids=[c[0] for c in CASES])
def test_relation_raises_no_error(name: str, sections: dict[str, str], table: str | None) -> None:
    rep = report(sections, table=table) if table else report(sections)
    errors = [f"{f.rule}: {f.message}" for f in run_rules(from_report(rep)) if f.severity == "error"]
    assert errors == [], name
