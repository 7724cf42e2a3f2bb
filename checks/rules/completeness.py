"""Completeness against the report's own outline: its required cover fields, its required
sections missing or empty (those its layout never has are not asked for), the section for the
reasons of missed targets against the indicators (empty or «无» while a target is missed;
reasons of non-completion while all are met), and a missing or empty 附表 where the layout has one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import CheckInput
from ..finding import Evidence, Finding
from ..indicator_values import outcome
from ..registry import rule

_NOTHING = re.compile(r"^\s*(?:无|没有|暂无|无。|—|-|/|不适用)?\s*[。.]?\s*$")
_ALL_MET = re.compile(r"(均|全部|已经|各项|圆满)[^。；]{0,12}完成|未出现未完成|无未完成|均达到|全部达到")
_REASON_WORDS = re.compile(r"未完成|未达到|未能|原因|由于|没有拨|不足|滞后|延期|缺口|尚未")


@rule("completeness", "完整性", "error",
      "按报告自己的提纲：封面缺项；必备的节缺失或为空；有指标未完成而未完成原因一节为空或写「无」；附表缺失或为空")
def check(data: CheckInput) -> Iterator[Finding]:
    yield from _cover(data)
    yield from _sections(data)
    yield from _reasons(data)
    yield from _table(data)


def _cover(data: CheckInput) -> Iterator[Finding]:
    report = data.report
    values = {"title": report.title, "unit": report.unit, "dept": report.dept, "filed": report.cover.get("filed", "")}
    for f in data.outline.cover_fields:
        if f.required and not values.get(f.key, report.cover.get(f.key, "")).strip():
            yield Finding(
                rule="completeness", severity="warning", section=None,
                message=f"封面缺少「{f.label}」。",
                evidence=[Evidence("cover", f.label, None, cell=f"cover.{f.key}")],
            )


def _sections(data: CheckInput) -> Iterator[Finding]:
    for entry in data.outline.leaves:
        if entry.table or not entry.required:
            continue
        section = data.report.section(entry.key)
        if section is None:
            yield Finding(
                rule="completeness", severity="warning", section=entry.key,
                message=f"缺少第 {entry.key} 节「{entry.title}」。",
                evidence=[Evidence("heading", entry.title, entry.key)],
            )
        elif not section.text.strip() and not entry.may_be_empty:
            yield Finding(
                rule="completeness", severity="warning", section=entry.key,
                message=f"第 {entry.key} 节「{entry.title}」没有内容。",
                evidence=[Evidence("heading", section.heading or entry.title, entry.key)],
            )


def _reasons(data: CheckInput) -> Iterator[Finding]:
    table = data.report.table
    if table is None or not table.indicators:
        return
    key = data.outline.key_for("deviation_reasons")
    entry = data.outline.entry(key) if key else None
    if key is None or entry is None or len(data.keys_for("deviation_reasons")) > 1 or entry.roles != ("deviation_reasons",):
        return  # no section of its own for the reasons: they may stand anywhere in the text
    missed = [ind for ind in table.indicators if outcome(ind).state == "missed"]
    text = data.text_of(key)
    heading = _heading_of(data, key)
    if missed and (_NOTHING.match(text) or _ALL_MET.search(text)):
        names = "、".join(f"「{i.level3}」" for i in missed[:3]) + ("等" if len(missed) > 3 else "")
        yield Finding(
            rule="completeness", severity="error", section=key,
            message=f"附表中{names}未完成，但{heading}写的是「{text.strip()[:20] or '（空）'}」。",
            evidence=[Evidence("text", text.strip()[:40], key, 0, 0, len(text)),
                      *(Evidence("table", i.actual, data.table_key, cell=f"indicators.{table.indicators.index(i)}.actual")
                        for i in missed)],
            fix=f"在{heading}中逐项说明未完成的原因和改进措施",
        )
    elif not missed and text.strip() and _REASON_WORDS.search(text) and not _ALL_MET.search(text) \
            and all(outcome(i).state != "unknown" for i in table.indicators):
        yield Finding(
            rule="completeness", severity="info", section=key,
            message=f"附表中各项指标均已完成，但{heading}写了未完成的原因，请核对。",
            evidence=[Evidence("text", text.strip()[:40], key, 0, 0, len(text))],
        )


def _heading_of(data: CheckInput, key: str) -> str:
    """How the section is named in messages: «（二）项目绩效目标未完成原因分析»."""
    entry = data.outline.entry(key)
    title = entry.title if entry else key
    if entry is not None and entry.part:
        siblings = data.outline.sections_of(entry.part)
        numerals = "一二三四五六七八九十"
        index = siblings.index(entry)
        return f"（{numerals[index]}）{title}" if index < len(numerals) else title
    return f"{entry.numeral}、{title}" if entry is not None and entry.numeral else title


def _table(data: CheckInput) -> Iterator[Finding]:
    table = data.report.table
    entry = data.outline.table_entry
    if entry is None or ((table is None or table.is_empty()) and not entry.required):
        return  # a layout with no 自评表, or one where it is not required
    key = entry.key
    if table is None or table.is_empty():
        yield Finding(
            rule="completeness", severity="error", section=key,
            message="缺少附表（项目支出绩效自评表）或附表为空。",
            evidence=[Evidence("heading", "附表", key)],
        )
        return
    if not table.indicators:
        yield Finding(
            rule="completeness", severity="warning", section=key,
            message="附表没有填写绩效指标。",
            evidence=[Evidence("table", "绩效指标", key, cell="indicators")],
        )
    if not (table.goals_expected.strip() and table.goals_actual.strip()):
        yield Finding(
            rule="completeness", severity="warning", section=key,
            message="附表的年度目标（预期目标 / 实际完成情况）没有填全。",
            evidence=[Evidence("table", "年度目标", key, cell="goals")],
        )
