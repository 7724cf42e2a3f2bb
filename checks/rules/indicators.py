"""Indicators of the 附表: target and result in different units (7套 vs 100%); a result that only
repeats the target with its comparator (≥90%); a target with no number, unit or deadline («有效
提升»); an indicator under the wrong 一级/二级 category; an indicator that differs from the text.
(Whether a target was met is `targets`.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from extract.document import Indicator
from extract.vocabulary import normalise

from ..context import CheckInput, Located
from ..cues import words
from ..finding import Evidence, Finding
from ..indicator_values import value_of
from ..registry import rule
from .two_values import in_words

_REPEATS_TARGET = re.compile(r"^\s*(?:≥|≤|>=|<=|＞|＜|>|<|不低于|不少于|不高于|不超过|大于等于|小于等于)")
_TIME_WORDS = re.compile(r"时间|及时|时限|进度|按时|时效|期限")
_SATISFACTION = re.compile(r"满意")


def cell_evidence(ind: Indicator, index: int, column: str, section: str) -> Evidence:
    """A cell of indicator row `index`; `section`: the key of the section holding the 附表."""
    return Evidence("table", getattr(ind, column), section, cell=f"indicators.{index}.{column}")


@rule("indicators", "绩效指标", "warning",
      "指标值与实际值单位不一致；实际值只是重复目标（≥90%）；指标值没有数值、单位或时限（只写「加强」「提升」「完善」）；指标放错一级/二级类别；与正文不一致")
def check(data: CheckInput) -> Iterator[Finding]:
    table = data.report.table
    if table is None:
        return
    categories: dict[str, Finding] = {}
    for index, ind in enumerate(table.indicators):
        yield from _units(ind, index, data.table_key)
        yield from _repeats(ind, index, data.table_key)
        yield from _vague(ind, index, data.table_key)
        for finding in _category(data, ind, index):
            if finding.message in categories:  # one finding per misplaced category, every row as evidence
                categories[finding.message].evidence.extend(finding.evidence)
            else:
                categories[finding.message] = finding
        yield from _against_text(data, ind, index)
    yield from categories.values()


def _units(ind: Indicator, index: int, table_key: str) -> Iterator[Finding]:
    expected, actual = value_of(ind.expected), value_of(ind.actual)
    if not (expected.numeric and actual.numeric):
        return
    if expected.kind == actual.kind and expected.unit == actual.unit:
        return
    yield Finding(
        rule="indicators", severity="warning", section=table_key,
        message=(f"指标「{ind.level3}」的年度指标值是 {ind.expected}（{expected.describe()}），实际完成值却是 "
                 f"{ind.actual}（{actual.describe()}），单位不一致，无法判断是否完成。"),
        evidence=[cell_evidence(ind, index, "expected", table_key), cell_evidence(ind, index, "actual", table_key)],
        fix=f"如将实际完成值写成与指标值相同的单位（如「{expected.mention.surface if expected.mention else ''}」的形式）则一致",
    )


def _repeats(ind: Indicator, index: int, table_key: str) -> Iterator[Finding]:
    if not _REPEATS_TARGET.match(ind.actual):
        return
    yield Finding(
        rule="indicators", severity="warning", section=table_key,
        message=f"指标「{ind.level3}」的实际完成值「{ind.actual}」只重复了目标的写法，应填写实际达到的数值。",
        evidence=[cell_evidence(ind, index, "actual", table_key)],
    )


def _vague(ind: Indicator, index: int, table_key: str) -> Iterator[Finding]:
    """«有效提升», «进一步完善»: a target nobody can check (no number, unit or deadline)."""
    text = "".join(ind.expected.split())
    if not text or value_of(ind.expected).mention is not None:
        return
    if not any(w in text for w in words("targets", "vague")) or any(w in text for w in words("targets", "measurable")):
        return
    yield Finding(
        rule="indicators", severity="warning", section=table_key,
        message=(f"指标「{ind.level3}」的年度指标值「{ind.expected}」没有数值、单位或时限，无法判断是否完成；"
                 "应写成可衡量的目标（如「≥90%」「不少于20场」「2026年12月底前」）。"),
        evidence=[cell_evidence(ind, index, "expected", table_key)],
    )


def _category(data: CheckInput, ind: Indicator, index: int) -> Iterator[Finding]:
    profile = data.profile
    level1 = profile.canonical_level1(ind.level1)
    entries = {e["name"]: e for e in profile.level1}
    if level1 and ind.level2:
        allowed = [_plain(x) for x in entries[level1]["level2"]]
        owner = next((name for name, e in entries.items() if _plain(ind.level2) in [_plain(x) for x in e["level2"]]), None)
        if _plain(ind.level2) not in allowed and owner and owner != level1:
            yield Finding(
                rule="indicators", severity="warning", section=data.table_key,
                message=f"二级指标「{ind.level2}」应属于一级指标「{owner}」，附表中却放在「{ind.level1}」下。",
                evidence=[cell_evidence(ind, index, "level1", data.table_key), cell_evidence(ind, index, "level2", data.table_key)],
                fix=f"如将一级指标改为「{owner}」则一致",
            )
    expected = value_of(ind.expected)
    misplaced = ("成本" in ind.level2 or "数量" in ind.level2) and bool(_TIME_WORDS.search(ind.level3))
    if ind.level2 and "时效" not in ind.level2 and (expected.kind == "date" or misplaced):
        yield Finding(
            rule="indicators", severity="warning", section=data.table_key,
            message=f"指标「{ind.level3}」（{ind.expected}）是时间要求，应放在「时效指标」下，附表中却在「{ind.level2}」下。",
            evidence=[cell_evidence(ind, index, "level2", data.table_key), cell_evidence(ind, index, "level3", data.table_key)],
            fix="如将二级指标改为「时效指标」则一致",
        )
    elif _SATISFACTION.search(ind.level3) and "满意" not in ind.level1 + ind.level2:
        yield Finding(
            rule="indicators", severity="warning", section=data.table_key,
            message=f"指标「{ind.level3}」是满意度，应放在「满意度指标」下，附表中却在「{ind.level1}/{ind.level2}」下。",
            evidence=[cell_evidence(ind, index, "level1", data.table_key), cell_evidence(ind, index, "level3", data.table_key)],
        )


def _plain(text: str) -> str:
    return "".join(text.split())


def _against_text(data: CheckInput, ind: Indicator, index: int) -> Iterator[Finding]:
    actual = value_of(ind.actual)
    if not actual.numeric or _REPEATS_TARGET.match(ind.actual):
        return
    name = normalise(ind.level3)
    for loc, label in _labelled(data):
        if loc.m.kind != actual.kind or (loc.m.unit != actual.unit and loc.m.kind == "count"):
            continue
        if len(label) < 3 or not (label in name or name in label or fuzz.ratio(label, name) >= 85):
            continue
        if loc.approximate or loc.interval().overlaps(actual.interval()):
            continue
        yield Finding(
            rule="indicators", severity="warning", section=loc.section,
            message=f"指标「{ind.level3}」在附表中实际完成值为 {ind.actual}，正文第 {loc.section} 节却写「{loc.m.label}{loc.m.surface}」。",
            evidence=[cell_evidence(ind, index, "actual", data.table_key), loc.evidence()],
        )


def _labelled(data: CheckInput) -> list[tuple[Located, str]]:
    """The text's numbers an indicator may be compared with, each with its normalised label — worked
    out once per check, not once per indicator: not the 附表's own, not a count written in words,
    not next year's plans («2027年完成剩余2所» is not a result)."""
    kept = data.memo.get("indicators.labelled")
    if kept is None:
        plans = set(data.role_keys("plans"))
        table_key = data.table_key
        kept = [(loc, normalise(loc.m.label)) for loc in data.located
                if loc.section != table_key and not in_words(loc.m) and loc.section not in plans]
        data.memo["indicators.labelled"] = kept
    return kept
