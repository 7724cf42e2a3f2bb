"""Parts in the text against their stated total: «T，其中：A a、B b» (also across «；»),
«A a，B b，共计 T», «A a，B b，总投入 T», «T，A、B分别为 a、b», parts in «（含…）» against their
parent, shares («占总投入86.4%»), and itemised spending (dated purchases) against the project's
total.  A total may be rounded; its parts are added as written (35 + 38 + 8 = 81 is not 82.3); an
adjustment («调减40万元») is not a part."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from extract.structure import money_groups, nested_parts
from extract.vocabulary import normalise, table_cell_for

from ..context import CheckInput, Located
from ..finding import Finding
from ..fmt import num, pct, wan
from ..intervals import Interval, total
from ..registry import rule
from ..table import cell, rate_columns

_ITEM_DATE = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月|上半年|下半年|[一二三四]季度)|\d{1,2}\s*月)")


@rule("text_totals", "正文合计", "error",
      "正文中「其中」「分别」「共计」「总投入」的分项之和与总数不符（含整数分项、以「；」分隔的分项）；（含…）分项超过总数；占比算不对；逐笔支出合计超过项目总额",
      yields_to=("two_values", "stale"))
def check(data: CheckInput) -> Iterator[Finding]:
    for section in data.report.sections:
        for index, paragraph in enumerate(section.paragraphs):
            locs = [loc for loc in data.by_paragraph.get((section.key, index), []) if loc.m.kind in ("money", "percent")]
            if not locs:
                continue
            located = {loc.m.start: loc for loc in locs}
            mentions = [loc.m for loc in locs]
            for group in money_groups(paragraph, mentions):
                if group.total is not None:
                    yield from _compare(data, located[group.total.start], [located[p.start] for p in group.parts])
            for nested in nested_parts(paragraph, mentions):
                yield from _nested(located[nested.parent.start], [located[p.start] for p in nested.parts])
            yield from _shares(data, paragraph, locs)
    yield from _itemised(data)


def _money(locs: list[Located]) -> list[Located]:
    return [loc for loc in locs if loc.m.kind == "money"]


def _compare(data: CheckInput, whole: Located, parts: list[Located]) -> Iterator[Finding]:
    if len(parts) < 2 or whole in parts:
        return
    summed = total([_as_written(p) for p in parts])
    approximate = whole.approximate or any(p.approximate for p in parts)
    stated = whole.interval().widen(Decimal("0.05")) if approximate else whole.interval()
    if summed.overlaps(stated):
        return
    exact = sum((Decimal(p.m.value) for p in parts), start=Decimal(0))
    terms = " + ".join(f"{p.m.label or '?'} {p.m.surface}" for p in parts)
    yield Finding(
        rule="text_totals", severity="warning" if approximate else "error",
        status="uncertain" if approximate else "fail", section=whole.section,
        message=f"{whole.m.label or '总数'} {whole.m.surface}，但分项 {terms} = {wan(exact)} 万元，二者不一致。",
        evidence=[whole.evidence(), *(p.evidence() for p in parts)],
        fix=f"如将「{whole.m.surface}」改为 {wan(exact)}万元 则一致",
    )


def _as_written(part: Located) -> Interval:
    """A part as written, exactly: a total may be rounded («总投入267万元»), but parts are added as
    they stand, so 35 + 38 + 8 = 81 does not make 82.3, nor 42 + 14 + 13 = 69 make 70."""
    if part.approximate:
        return part.interval()
    assert isinstance(part.m.value, Decimal)
    return Interval(part.m.value, part.m.value)


def _nested(parent: Located, inner: list[Located]) -> Iterator[Finding]:
    """«工资福利支出408万元（含津贴补贴168万元、…）»: the parts in parentheses may not exceed it."""
    summed = total([p.interval() for p in inner])
    if summed.lo > parent.interval().hi:
        exact = sum((Decimal(p.m.value) for p in inner), start=Decimal(0))
        yield Finding(
            rule="text_totals", severity="error", section=parent.section,
            message=f"{parent.m.label} {parent.m.surface}，但括号内所含分项合计 {wan(exact)} 万元，超过了它。",
            evidence=[parent.evidence(), *(p.evidence() for p in inner)],
        )


def _shares(data: CheckInput, paragraph: str, locs: list[Located]) -> Iterator[Finding]:
    """«办公费用82.63万元，占总投入86.4%»: the share recomputed from the two amounts."""
    for i, loc in enumerate(locs):
        if loc.m.kind != "percent" or not loc.m.label.startswith("占") or i == 0:
            continue
        part = locs[i - 1]
        if part.m.kind != "money" or "，" not in paragraph[part.m.end:loc.m.start] and \
                "," not in paragraph[part.m.end:loc.m.start]:
            continue
        base = _base_amount(data, loc.m.label[1:])
        if base is None or base.hi <= 0:
            continue
        ratio = part.interval().ratio(base)
        stated = loc.interval().widen(Decimal("0.05")) if loc.approximate else loc.interval()
        if ratio is None or stated.overlaps(ratio.scale(Decimal(100))):
            continue
        exact = Decimal(part.m.value) / ((base.lo + base.hi) / 2) * 100
        yield Finding(
            rule="text_totals", severity="warning", section=loc.section,
            message=f"{part.m.label} {part.m.surface} {loc.m.label} {loc.m.surface}，但按金额计算约为 {pct(exact)}。",
            evidence=[loc.evidence(), part.evidence()],
            fix=f"如将「{loc.m.surface}」改为 {pct(exact)} 则一致",
        )


def _base_amount(data: CheckInput, label: str) -> Interval | None:
    """The amount a share is of: a number in the text with that label, or the 附表 cell it names."""
    wanted = normalise(label)
    for loc in data.located:
        if loc.m.kind == "money" and normalise(loc.m.label) == wanted:
            return loc.interval()
    table = data.report.table
    where = table_cell_for(label, data.profile)
    if table is not None and where is not None:
        c = cell(table, data.profile, *where)
        if c is not None:
            return c.interval.scale(Decimal(10000))
    return None


def _itemised(data: CheckInput) -> Iterator[Finding]:
    """Dated purchases listed one per paragraph («2018年5月，购买…共计10000元») against the total."""
    table = data.report.table
    spent = cell(table, data.profile, "total", "spent") if table else None
    if spent is None:
        return
    for section in data.report.sections:
        items: list[Located] = []
        for index, paragraph in enumerate(section.paragraphs):
            if not _ITEM_DATE.match(paragraph):
                continue
            money = [loc for loc in _money(data.by_section.get(section.key, [])) if loc.paragraph == index]
            if money:
                items.append(money[-1])
        if len(items) < 2:
            continue
        summed = total([i.interval() for i in items])
        limit = spent.interval.scale(Decimal(10000))
        if summed.lo > limit.hi:
            exact = sum((Decimal(i.m.value) for i in items), start=Decimal(0))
            yield Finding(
                rule="text_totals", severity="error", section=section.key,
                message=(f"逐笔列出的支出 {' + '.join(i.m.surface for i in items)} = {num(exact)} 元，"
                         f"超过了附表执行数 {num(spent.value)} 万元。"),
                evidence=[*(i.evidence() for i in items), spent.evidence()],
            )


_CARRY = ("结转", "结余")


@rule("differences", "结转与差额", "error", "正文中的结转（结余）不等于预算数减执行数", yields_to=("stale",))
def differences(data: CheckInput) -> Iterator[Finding]:
    """«年末结转4.8万元» against 预算数 − 执行数, with rounding allowed for."""
    table = data.report.table
    spent_column, budget_column = rate_columns(data.profile)
    row = data.profile.budget["total"]
    budget = cell(table, data.profile, row, budget_column) if table else None
    spent = cell(table, data.profile, row, spent_column) if table else None
    if budget is None or spent is None:
        return
    difference = (budget.interval - spent.interval).scale(Decimal(10000))
    exact = (budget.value - spent.value) * 10000
    for loc in data.located:
        label = normalise(loc.m.label)
        if loc.m.kind != "money" or not label.endswith(_CARRY) or "上年" in label:
            continue
        stated = loc.interval().widen(Decimal("0.05")) if loc.approximate else loc.interval()
        if stated.overlaps(difference):
            continue
        yield Finding(
            rule="differences", severity="warning" if loc.approximate else "error",
            status="uncertain" if loc.approximate else "fail", section=loc.section,
            message=(f"正文写{loc.m.label} {loc.m.surface}，但附表预算数 {num(budget.value)} − 执行数 "
                     f"{num(spent.value)} = {wan(exact)} 万元。"),
            evidence=[loc.evidence(), budget.evidence(), spent.evidence()],
            fix=f"如将「{loc.m.surface}」改为 {wan(exact)}万元 则一致",
        )
