"""附表 sums: 预算数 = 财政拨款 + 其他资金 (and 执行数), or 年度资金总额 = 当年财政拨款 +
上年结转资金 + 其他资金 in each money column, with rounding allowed for."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckInput
from ..finding import Finding
from ..fmt import num
from ..intervals import total
from ..registry import rule
from ..table import cell, column_label, total_columns


@rule("table_sums", "附表合计", "error", "附表中预算数（执行数）不等于财政拨款与其他资金之和")
def check(data: CheckInput) -> Iterator[Finding]:
    table = data.report.table
    if table is None:
        return
    profile = data.profile
    spec = profile.budget
    for column in total_columns(profile):
        whole = cell(table, profile, spec["total"], column)
        parts = [c for row in spec["parts"] if (c := cell(table, profile, row, column)) is not None]
        if whole is None or not parts:
            continue
        summed = total([p.interval for p in parts])
        if summed.overlaps(whole.interval):
            continue
        exact = sum((p.value for p in parts), start=parts[0].value * 0)
        terms = " + ".join(f"{p.label.split('（')[0]} {num(p.value)}" for p in parts)
        yield Finding(
            rule="table_sums",
            severity="error",
            section=data.table_key,
            message=(f"附表{column_label(profile, column)}为 {num(whole.value)} 万元，"
                     f"但 {terms} = {num(exact)} 万元，二者不一致。"),
            evidence=[whole.evidence(), *(p.evidence() for p in parts)],
            fix=f"如将{whole.label}改为 {num(exact)} 则一致",
        )
