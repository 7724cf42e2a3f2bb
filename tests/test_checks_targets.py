"""Targets judged as written (issue 12, Build 5): a stated result is compared with its target
exactly, a missed target scored in full is an error, a missed target needs a reason, and a
qualitative indicator's score lies in its band."""

from __future__ import annotations

import pytest

from checks.indicator_values import outcome
from extract.document import Indicator

from .report_builder import mof_table, report
from .test_checks import run

OTHERS = [("效益指标", "社会效益指标", "服务群众", "≥1000人次", "1200人次", "30", "30"),
          ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10")]


def table_with(first: tuple[str, ...]) -> str:
    return mof_table(indicators=[first, *OTHERS])


@pytest.mark.parametrize(("expected", "actual", "state"), [
    ("≥90%", "89%", "missed"),
    ("≥90%", "90%", "met"),
    ("不低于90%", "89.9%", "missed"),
    ("≥95%", "94%", "missed"),
    ("≥95%", "94.8%", "missed"),
    ("100%", "99%", "missed"),
    ("100%", "100%", "met"),
    ("≥5次", "4次", "missed"),
    ("≥5次", "5次", "met"),
    ("≥100场", "99场", "missed"),
    ("≥100场", "100场", "met"),
    ("≥3次", "2次", "missed"),
    ("不少于10000册", "9400册", "missed"),
    ("≥1.2万平方米", "1.25万平方米", "met"),
    ("≤2%", "1.5%", "met"),
    ("≤2%", "2%", "met"),
    ("≤2%", "2.1%", "missed"),
    ("≤3个工作日", "4个工作日", "missed"),
    ("不超过48小时", "36小时", "met"),
    ("<5%", "5%", "missed"),
    (">80%", "80%", "missed"),
    ("14个", "14个", "met"),
    ("14个", "13个", "missed"),
    ("0次", "0次", "met"),
    ("90%-95%", "89%", "missed"),
    ("90%-95%", "92%", "met"),
    ("≥10%", "13.2%", "exceeded"),
    ("≥10%", "13%", "met"),
    ("≥70%", "100%", "exceeded"),
    ("7套", "100%", "unknown"),
    ("完善", "已完善", "unknown"),
])
def test_target_comparison_is_exact(expected: str, actual: str, state: str) -> None:
    assert outcome(Indicator("产出指标", "数量指标", "测试指标", expected, actual)).state == state


@pytest.mark.parametrize(("expected", "actual", "weight", "score", "due"), [
    ("≥5个", "4个", "10", "10", "8"),  # 分值 × 完成值/指标值
    ("≥100场", "99场", "15", "15", "14.85"),
    ("≥95%", "94.8%", "15", "15", "14.97"),  # full marks: an error even though 15 would round from 14.97
    ("≤3个工作日", "4个工作日", "10", "10", "7.5"),  # 分值 × 指标值/完成值 for a ceiling
    ("≥90%", "89%", "10", "8.9", "9.89"),  # scored below the formula
])
def test_missed_target_score_follows_the_profile(expected: str, actual: str, weight: str, score: str,
                                                 due: str) -> None:
    rep = report({"4.2": "测试指标未完成，原因是天气影响。"},
                 table=table_with(("产出指标", "数量指标", "测试指标", expected, actual, weight, score, "天气影响")))
    findings = [f for f in run("scores", rep) if "测试指标" in f.message]
    assert len(findings) == 1 and findings[0].severity == "error"
    assert f"= {due}，附表得分却是 {score}" in findings[0].message
    assert findings[0].fix == f"如将得分改为 {due} 则一致"
    if score == weight:
        assert "未完成，却得了满分" in findings[0].message


@pytest.mark.parametrize(("expected", "actual", "weight", "score"), [
    ("≥5个", "4个", "10", "8"),
    ("≥90%", "89%", "10", "9.89"),
    ("≥280天", "276天", "15", "14.79"),
    ("≤3个工作日", "4个工作日", "10", "7.5"),
    ("≥10期", "8期", "50", "40"),
    ("≥10期", "12期", "50", "50"),
])
def test_missed_target_scored_by_the_formula_is_fine(expected: str, actual: str, weight: str, score: str) -> None:
    first = ("产出指标", "数量指标", "测试指标", expected, actual, weight, score, "天气影响")
    others = [(*OTHERS[0][:5], "30", "30"), (*OTHERS[1][:5], str(60 - int(weight)), str(60 - int(weight)))]
    rep = report({"4.2": "测试指标未完成，原因是天气影响。"}, table=mof_table(indicators=[first, *others]))
    assert [f for f in run("scores", rep) if "测试指标" in f.message] == []


def test_missed_target_needs_a_reason() -> None:
    first = ("产出指标", "数量指标", "举办讲座", "≥5次", "4次", "10", "8")
    (f,) = run("targets", report(table=table_with(first)))
    assert f.severity == "error" and "「举办讲座」未完成（目标 ≥5次，实际 4次）" in f.message
    assert {e.cell for e in f.evidence} == {"indicators.0.expected", "indicators.0.actual"}
    in_column = table_with((*first, "场地维修，下年补足"))
    assert run("targets", report(table=in_column)) == []
    in_42 = report({"4.2": "举办讲座少1次，原因是场地维修。"}, table=table_with(first))
    assert run("targets", in_42) == []
    by_value = report({"4.2": "全年只开展4次，原因是主讲专家临时调离。"}, table=table_with(first))
    assert run("targets", by_value) == []


def test_a_42_that_says_nothing_is_one_error() -> None:
    """«无» while a target is missed: the completeness error names it; the indicator's own
    «no reason» finding rests on the same cell and is not listed again."""
    first = ("产出指标", "数量指标", "举办讲座", "≥5次", "4次", "10", "8")
    rep = report({"4.2": "无。"}, table=table_with(first))
    findings = run("targets", rep) + run("completeness", rep)
    assert len(findings) == 2  # each rule alone
    from checks.context import from_report
    from checks.registry import run_rules

    both = run_rules(from_report(rep), only=["targets", "completeness"])
    assert [f.rule for f in both] == ["completeness"]
    assert "「举办讲座」未完成" in both[0].message and both[0].severity == "error"


def test_exceeded_target_without_reason_is_a_warning() -> None:
    first = ("产出指标", "数量指标", "举办讲座", "≥10次", "14次", "10", "10")
    (f,) = run("targets", report(table=table_with(first)))
    assert f.severity == "warning" and "大幅超额" in f.message


@pytest.mark.parametrize(("actual", "score", "fires"), [
    ("达成年度指标", "10", False),
    ("达成年度指标", "8", False),
    ("达成年度指标", "7", True),
    ("部分达成年度指标", "10", True),
    ("部分达成年度指标", "9", True),
    ("部分达成年度指标", "7", False),
    ("部分达成", "6", False),
    ("部分达成年度指标", "5", True),
    ("未达成年度指标", "6", False),
    ("未达成", "7", True),
    ("已完善", "10", False),  # names no band: not judged
])
def test_qualitative_score_lies_in_its_band(actual: str, score: str, fires: bool) -> None:
    first = ("效益指标", "可持续影响指标", "长效机制", "达成年度指标", actual, "10", score, "试行中")
    others = [("产出指标", "数量指标", "举办培训", "≥10期", "12期", "50", "50"), OTHERS[0][:5] + ("20", "20"), OTHERS[1]]
    findings = [f for f in run("scores", report(table=mof_table(indicators=[first, *others])))
                if "长效机制" in f.message]
    assert bool(findings) == fires
    if fires:
        assert findings[0].severity == "error" and "按评分规则应得分值的" in findings[0].message

