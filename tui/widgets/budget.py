"""A small picture of the money: budget against spending as bars, and 执行率 over the years."""

from __future__ import annotations

from decimal import Decimal

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Sparkline, Static


def bars(budget: Decimal | None, spent: Decimal | None, width: int = 24) -> Text:
    if not budget or budget <= 0:
        return Text("预算执行：附表尚未填写预算数", style="dim")
    spent = spent or Decimal(0)
    rate = spent / budget * 100
    top = max(budget, spent)
    b = round(float(budget / top) * width)
    s = round(float(spent / top) * width)
    out = Text()
    out.append("预算 ")
    out.append("█" * b, style="blue")
    out.append(f" {budget:f}\n")
    out.append("执行 ")
    out.append("█" * s, style="red" if spent > budget else "green")
    out.append(f" {spent:f}  ")
    out.append(f"执行率 {rate:.2f}%", style="bold red" if rate > 100 or rate < 90 else "bold green")
    return out


class BudgetPicture(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(id="bars")
        yield Static("历年执行率", id="rates-title", classes="dim")
        yield Sparkline([], id="rates")

    def show(self, budget: Decimal | None, spent: Decimal | None, rates: list[tuple[int, float]]) -> None:
        self.query_one("#bars", Static).update(bars(budget, spent))
        title = self.query_one("#rates-title", Static)
        sparkline = self.query_one("#rates", Sparkline)
        if len(rates) >= 2:
            years = f"{rates[0][0]}–{rates[-1][0]}"
            title.update(f"历年执行率（{years}）：" + " ".join(f"{r:.0f}%" for _, r in rates))
            sparkline.data = [r for _, r in rates]
            sparkline.display = True
        else:
            title.update("历年执行率：往年报告不足两年")
            sparkline.display = False
