"""Last year's paragraph with this year's numbers: every number of the source paragraph becomes a
slot with a status — filled from a fact, derived from other values, a year rolled forward, kept
(a background year), or stale (still last year's, flagged) — and the provenance of its value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from extract.mention import Mention
from extract.structure import money_groups, nested_parts
from extract.vocabulary import is_rate, normalise

from .facts import Fact, ThisYear, is_target
from .style import write_like

HUNDRED = Decimal(100)
_BACKGROUND = re.compile(r"^(?:年度?)?\s*(?:以来|起|开始|成立|设立|批复成立|印发)")
_CARRY = ("结转", "结余")


@dataclass
class Slot:
    old: Mention
    new: str
    status: str  # filled | derived | stale | kept
    provenance: str
    value: Decimal | None = None
    precision: int | None = None
    start: int = 0  # in the new text
    end: int = 0

    def as_json(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "old": self.old.surface, "new": self.new,
                "status": self.status, "provenance": self.provenance}


@dataclass(frozen=True)
class Context:
    paragraph: str
    facts: ThisYear
    source_year: int | None
    draft_year: int | None


def fill(paragraph: str, mentions: list[Mention], ctx: Context) -> list[Slot]:
    """A slot for every number of `paragraph`, in order (offsets still those of the source)."""
    slots = {m.start: _first_pass(m, ctx) for m in mentions}
    for _ in range(3):  # derivations may build on each other (a part, then the total)
        if not _derive(mentions, slots, ctx):
            break
    for m in mentions:
        slot = slots[m.start]
        if slot.status == "":
            slot.status, slot.new, slot.provenance = "stale", m.surface, "没有今年的数值，仍是原文的数字"
    return [slots[m.start] for m in mentions]


def _first_pass(m: Mention, ctx: Context) -> Slot:
    if m.kind == "date":
        return _roll_year(m, ctx)
    fact = None
    if m.is_quantity:
        find = ctx.facts.find_target if is_target(m) else ctx.facts.find_actual
        fact = find(m.label, m.kind, m.unit)
    if fact is not None:
        return _filled(m, fact)
    return Slot(m, m.surface, "", "", value=None)


def _filled(m: Mention, fact: Fact) -> Slot:
    new = write_like(m, fact.value, fact.precision)
    return Slot(m, new, "filled", f"{fact.source}「{fact.label}」", fact.value, fact.precision)


def _roll_year(m: Mention, ctx: Context) -> Slot:
    value = str(m.value)
    if not value[:4].isdigit():
        return Slot(m, m.surface, "kept", "没有年份，保持原文")
    if ctx.source_year is None or ctx.draft_year is None:
        return Slot(m, m.surface, "kept", "不知道今年的年度（或往年报告的年度），年份保持原文")
    year = int(value[:4])
    delta = ctx.draft_year - ctx.source_year
    after = ctx.paragraph[m.end:]
    opened = ctx.paragraph.rfind("《", 0, m.start)
    background = _BACKGROUND.match(after) or (opened != -1 and ctx.paragraph.rfind("》", 0, m.start) < opened)
    if year not in (ctx.source_year, ctx.source_year + 1) or background or delta == 0:
        return Slot(m, m.surface, "kept", "背景年份，保持原文")
    new = m.surface.replace(str(year), str(year + delta), 1)
    return Slot(m, new, "filled", f"年份顺延 {year}→{year + delta}", Decimal(year + delta), 0)


def _known(slot: Slot) -> bool:
    return slot.status in ("filled", "derived") and slot.value is not None


def _derive(mentions: list[Mention], slots: dict[int, Slot], ctx: Context) -> bool:
    changed = False
    for total, parts in _relations(ctx.paragraph, mentions):
        changed |= _derive_sum(slots[total.start], [slots[p.start] for p in parts])
    for m in mentions:
        slot = slots[m.start]
        if slot.status:
            continue
        derived = _same_amount(m, mentions, slots) or _carry(m, mentions, slots, ctx) or _rate(m, mentions, slots, ctx) \
            or _share(m, mentions, slots, ctx)
        if derived is not None:
            value, precision, provenance, keep = derived
            slot.status, slot.value, slot.precision, slot.provenance = "derived", value, precision, provenance
            slot.new = write_like(m, value, precision, keep_decimals=keep)
            changed = True
    return changed


def _relations(paragraph: str, mentions: list[Mention]) -> list[tuple[Mention, list[Mention]]]:
    """Totals and parts that held in the source paragraph (so they are exhaustive lists)."""
    out = []
    pairs = [(g.total, g.parts) for g in money_groups(paragraph, mentions) if g.total is not None]
    pairs += [(n.parent, n.parts) for n in nested_parts(paragraph, mentions)]
    for total, parts in pairs:
        if len(parts) >= 2 and _adds_up(total, parts):
            out.append((total, parts))
    return out


def _adds_up(total: Mention, parts: list[Mention]) -> bool:
    summed = sum((Decimal(p.value) for p in parts), start=Decimal(0))
    slack = sum((Decimal(5) * Decimal(10) ** ((p.precision or 0) - 1) for p in [total, *parts]), start=Decimal(0))
    return abs(summed - Decimal(total.value)) <= slack


def _derive_sum(total: Slot, parts: list[Slot]) -> bool:
    unknown = [p for p in parts if not _known(p)]
    if not _known(total) and not unknown and not total.status:
        value = sum((p.value for p in parts if p.value is not None), start=Decimal(0))
        precision = min((p.precision or 0) for p in parts)
        labels = " + ".join(p.old.label or p.old.surface for p in parts)
        total.status, total.value, total.precision = "derived", value, precision
        total.provenance = f"分项之和：{labels}"
        total.new = write_like(total.old, value, precision)
        return True
    if _known(total) and len(unknown) == 1 and not unknown[0].status:
        part = unknown[0]
        others = [p for p in parts if p is not part]
        assert total.value is not None
        value = total.value - sum((p.value for p in others if p.value is not None), start=Decimal(0))
        if value < 0:
            return False
        precision = min([total.precision or 0, *((p.precision or 0) for p in others)])
        part.status, part.value, part.precision = "derived", value, precision
        part.provenance = f"「{total.old.label}」减去其他分项（{' + '.join(p.old.label for p in others)}）"
        part.new = write_like(part.old, value, precision)
        return True
    return False


def _same_amount(m: Mention, mentions: list[Mention], slots: dict[int, Slot]):  # noqa: ANN202
    """«…预算专项资金428万元…申请了财政拨付资金428万元»: the same amount again is the same item."""
    for other in mentions:
        slot = slots[other.start]
        if other is not m and other.kind == m.kind and other.value == m.value and slot.status == "filled" \
                and slot.value is not None:
            return slot.value, slot.precision, f"与本段「{other.label or other.surface}」原为同一数值", False
    return None


def _fact_value(ctx: Context, cell: tuple[str, str], labels: tuple[str, ...]) -> Fact | None:
    fact = ctx.facts.cell(*cell)
    for label in labels:
        fact = fact or ctx.facts.find(label, "money")
    return fact


_BLOCKED = object()  # a relation held in the source, but one of its terms is still last year's


def _tolerance(m: Mention) -> Decimal:
    """How far from the written value a computed one may be and still round to it."""
    return Decimal(5) * Decimal(10) ** ((m.precision if m.precision is not None else 0) - 1) + Decimal("0.000001")


def _held(m: Mention, mentions: list[Mention], slots: dict[int, Slot], compute):  # noqa: ANN001, ANN202
    """Two amounts of the paragraph that gave `m` in the source (by `compute(a, b)`): their
    slots' new values give `m` now — or _BLOCKED when one of them is still last year's."""
    money = [x for x in mentions if x.kind == "money" and x is not m and isinstance(x.value, Decimal)]
    for a in money:
        for b in money:
            if a is b or not b.value:
                continue
            old = compute(Decimal(a.value), Decimal(b.value))
            if old is None or abs(old - Decimal(m.value)) > _tolerance(m):
                continue
            sa, sb = slots[a.start], slots[b.start]
            if not (_known(sa) and _known(sb)) or not sb.value:
                return _BLOCKED
            assert sa.value is not None
            return compute(sa.value, sb.value), a, b
    return None


def _ratio(a: Decimal, b: Decimal) -> Decimal | None:
    return a / b * HUNDRED if b > 0 else None


def _difference(a: Decimal, b: Decimal) -> Decimal | None:
    return a - b if a >= b else None


def _carry(m: Mention, mentions: list[Mention], slots: dict[int, Slot], ctx: Context):  # noqa: ANN202
    """结转 = 预算 − 执行: from two amounts of the paragraph when that held there, else the 附表."""
    label = normalise(m.label)
    if m.kind != "money" or not label.endswith(_CARRY) or "上年" in label:
        return None
    held = _held(m, mentions, slots, _difference)
    if held is _BLOCKED:
        return None
    if held is not None:
        value, a, b = held
        precision = min(slots[a.start].precision or 0, slots[b.start].precision or 0)
        return value, precision, f"「{a.label}」−「{b.label}」", False
    budget = _fact_value(ctx, ("total", "budget"), ("预算数", "总投入"))
    spent = _fact_value(ctx, ("total", "spent"), ("执行数", "实际支出"))
    if budget is None or spent is None:
        return None
    precision = min(budget.precision or 0, spent.precision or 0)
    return budget.value - spent.value, precision, "预算数 − 执行数", False


def _own_ratio(m: Mention, mentions: list[Mention], slots: dict[int, Slot]):  # noqa: ANN202
    """A ratio of two amounts of the paragraph that gave `m` in the source, with their new values;
    _BLOCKED when one of them is still last year's; None when no such pair is there."""
    held = _held(m, mentions, slots, _ratio)
    if held is None or held is _BLOCKED:
        return held
    value, a, b = held
    return value, None, f"「{a.label}」÷「{b.label}」", True


def _rate(m: Mention, mentions: list[Mention], slots: dict[int, Slot], ctx: Context):  # noqa: ANN202
    """执行率 = 执行 ÷ 预算: from the paragraph's own amounts when that held there, else the 附表."""
    if m.kind != "percent" or not is_rate(m.label):
        return None
    own = _own_ratio(m, mentions, slots)
    if own is not None:
        return None if own is _BLOCKED else own
    spent = _fact_value(ctx, ("total", "spent"), ("执行数", "实际支出"))
    budget = _fact_value(ctx, ("total", "budget"), ("预算数", "总投入"))
    if spent is None or budget is None or budget.value <= 0:
        return None
    return spent.value / budget.value * HUNDRED, None, "执行数 ÷ 预算数", True


def _share(m: Mention, mentions: list[Mention], slots: dict[int, Slot], ctx: Context):  # noqa: ANN202
    """«办公费用82.63万元，占总投入86.4%»: the share of this year's two amounts — of the
    paragraph's own total when the share held there, else of this year's fact of that name."""
    if m.kind != "percent" or not m.label.startswith("占"):
        return None
    own = _own_ratio(m, mentions, slots)
    if own is not None:
        return None if own is _BLOCKED else own
    before = [x for x in mentions if x.end <= m.start and x.kind == "money"]
    if not before or not _known(slots[before[-1].start]):
        return None
    part = slots[before[-1].start]
    base = ctx.facts.find(m.label[1:], "money")
    if base is None or base.value <= 0 or part.value is None:
        return None
    return part.value / base.value * HUNDRED, None, f"「{part.old.label}」÷「{base.label}」", True
