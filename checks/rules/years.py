"""Years: a year other than the report's own used for its budget, plan or evaluation
(«2019年度专项资金预算» or «完成2019年度…评价报告» inside the 2018 report), and a year far from
the report's («2056年» in a 2026 report: a slip of the keyboard).  A year cited as background
(«2015年8月自治区成立了…», a notice's title in 《》) is fine, and so is the next year in the plans
section, and a milestone year of policy («到2035年»).  Last year's year left in a draft's
inherited text is `stale`'s: where both speak of one year, `stale` does."""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.outline import PREAMBLE

from ..context import CheckInput, Located
from ..cues import cues
from ..finding import Finding
from ..registry import rule

# What a year must qualify to be the report's own: its budget, plan, targets, evaluation —
# and, for a later year, its money.
_OWN = re.compile(r"^(?:年度?)?[^，。；：,;]{0,12}?(预算|计划|绩效目标|预期目标|年度目标|阶段性目标|绩效评价|自评|评价报告)")
_MONEY = re.compile(r"^(?:年度?)?[^，。；：,;]{0,12}?(专项资金|项目资金|项目支出|财政拨款|资金安排|资金使用|实际支出|执行率)")
_BACKGROUND_AFTER = re.compile(r"^(?:年度?)?\s*(?:以来|起|开始|秋季|春季|成立|设立|批复|印发|出台|颁布|下发)")
PLANS = "plans"  # the outline role of 后续工作计划: next year's plans belong there
APPLICATION = "application"  # …and of how the results will be used («自评结果将用于2024年预算编制»)


@rule("years", "年份", "warning",
      "把其他年度写成本报告的预算、计划或评价年度（如 2018 年报告中的「2019年度专项资金预算」）；年份与报告年度相差过远（2026 年报告中的「2056年」）",
      yields_to=("stale",))
def check(data: CheckInput) -> Iterator[Finding]:
    year = data.year
    if year is None:
        return
    plans = set(data.role_keys(PLANS)) | set(data.role_keys(APPLICATION))
    for loc in data.located:
        if loc.m.kind != "date" or not isinstance(loc.m.value, str) or not loc.m.value[:4].isdigit():
            continue
        other = int(loc.m.value[:4])
        if other == year or loc.section == PREAMBLE:
            continue
        text = data.paragraph(loc)
        if _in_title(text, loc.m.start):
            continue
        finding = _far(loc, other, year)
        if finding is None and not (other > year and loc.section in plans) and not _BACKGROUND_AFTER.match(text[loc.m.end:]):
            finding = _own_year(data, loc, other, year)
        if finding is not None:
            yield finding


def _far(loc: Located, other: int, year: int) -> Finding | None:
    settings = cues()["years"]
    if other - year <= settings["far_ahead"] or other in settings["milestones"]:
        return None
    return Finding(
        rule="years", severity="warning", section=loc.section,
        message=f"第 {loc.section} 节写的是「{loc.m.surface}」，比报告年度 {year} 年晚 {other - year} 年，可能是笔误。",
        evidence=[loc.evidence()],
    )


def _own_year(data: CheckInput, loc: Located, other: int, year: int) -> Finding | None:
    tail = data.paragraph(loc)[loc.m.end:loc.m.end + 20]
    # Last year's money is often cited on purpose (结转, 上年执行); its budget or plan is not.
    m = _OWN.match(tail) or (_MONEY.match(tail) if other > year else None)
    return _finding(loc, other, year, m.group(1)) if m else None


def _in_title(text: str, pos: int) -> bool:
    """Inside 《…》: the title of a document, not the report's own year."""
    opened = text.rfind("《", 0, pos)
    return opened != -1 and text.rfind("》", 0, pos) < opened


def _finding(loc: Located, other: int, year: int, what: str) -> Finding:
    return Finding(
        rule="years", severity="warning", section=loc.section,
        message=f"本报告是 {year} 年度，但第 {loc.section} 节写的是「{loc.m.surface}…{what}」，年份可能沿用了其他年度的报告。",
        evidence=[loc.evidence()],
        fix=f"如将「{loc.m.surface}」改为「{loc.m.surface.replace(str(other), str(year))}」则一致",
    )
