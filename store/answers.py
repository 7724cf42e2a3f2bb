"""The walk's short questions for the key facts, and reading an answer into facts and 附表 cells.

«财政拨款267万，其他18.16万» to the budget question gives 财政拨款 267 万元 and 其他资金 18.16 万元
for the 附表, and a 预算数 of 285.16 万元 derived from them when the total is not given.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources

from extract import extract_numbers
from extract.document import Cell, ReportTable
from extract.mention import Mention
from extract.outline import get_profile

TEN_THOUSAND = Decimal(10000)


@dataclass(frozen=True)
class Question:
    key: str
    title: str
    ask: str
    example: str
    primary: tuple[str, str] | None
    cells: tuple[tuple[tuple[str, ...], str, str], ...]
    kinds: tuple[str, ...] = ("money", "percent", "count")  # the numbers an answer to it can hold
    expects: str = "数字"  # what it asks for, named in «没有找到…»


@cache
def questions() -> tuple[Question, ...]:
    raw = tomllib.loads(resources.files("store").joinpath("data", "questions.toml").read_text(encoding="utf-8"))
    return tuple(
        Question(q["key"], q["title"], q["ask"], q.get("example", ""),
                 tuple(q["primary"]) if q.get("primary") else None,
                 tuple((tuple(c["words"]), c["row"], c["column"]) for c in q.get("cells", [])),
                 tuple(q.get("kinds", Question.kinds)), q.get("expects", Question.expects))
        for q in raw["question"]
    )


def question(key: str) -> Question | None:
    return next((q for q in questions() if q.key == key), None)


@dataclass
class Reading:
    """What an answer was understood as: its numbers, and the 附表 cells they fill (万元)."""

    mentions: list[Mention] = field(default_factory=list)
    cells: dict[tuple[str, str], Decimal] = field(default_factory=dict)
    derived: set[tuple[str, str]] = field(default_factory=set)
    expects: str = "数字"

    @property
    def understood(self) -> bool:
        """Something the question asks for was found: only then can the answer be confirmed."""
        return bool(self.mentions)

    def echo(self, profile_key: str) -> str:
        """The answer read back, for the user to confirm."""
        if not self.mentions:
            return f"没有找到{self.expects}。"
        if not self.cells:
            return "我理解为：" + "，".join(f"{m.label or '（未注明）'} {m.surface}" for m in self.mentions if m.kind != "date") + "。"
        profile = get_profile(profile_key)
        rows = {r["key"]: r["label"].replace("其中：", "") for r in profile.budget["rows"]}
        columns = {c["key"]: c["label"] for c in profile.budget["columns"]}
        parts = []
        for (row, column), value in self.cells.items():
            note = "（由分项相加）" if (row, column) in self.derived else ""
            parts.append(f"{rows.get(row, row)}（{columns.get(column, column)}）{_wan(value)} 万元{note}")
        return "我理解为：" + "；".join(parts) + "。"


def read_answer(key: str, text: str, profile_key: str) -> Reading:
    q = question(key)
    kinds = q.kinds if q is not None else Question.kinds
    mentions = [m for m in extract_numbers(text) if m.kind in kinds]
    reading = Reading(mentions, expects=q.expects if q is not None else Question.expects)
    if q is None or not q.cells:
        return reading
    rows = {r["key"] for r in get_profile(profile_key).budget["rows"]}
    for m in mentions:
        if m.kind != "money" or not isinstance(m.value, Decimal):
            continue
        where = _cell_for(q, m.label) or (q.primary if not m.label and q.primary else None)
        if where is None and not reading.cells and q.primary:
            where = q.primary
        if where is None:
            continue
        row, column = where
        if row not in rows:
            row = "other"
        reading.cells.setdefault((row, column), m.value / TEN_THOUSAND)
    _derive_total(reading, q)
    return reading


def _cell_for(q: Question, label: str) -> tuple[str, str] | None:
    text = "".join(label.split())
    best: tuple[int, tuple[str, str]] | None = None
    for words, row, column in q.cells:
        for word in words:
            if text == word or text.endswith(word):
                if best is None or len(word) > best[0]:
                    best = (len(word), (row, column))
    return best[1] if best else None


def _derive_total(reading: Reading, q: Question) -> None:
    if q.primary is None:
        return
    row, column = q.primary
    parts = [v for (r, c), v in reading.cells.items() if c == column and r != row]
    if (row, column) not in reading.cells and len(parts) >= 2:
        reading.cells[(row, column)] = sum(parts, start=Decimal(0))
        reading.derived.add((row, column))


def apply_to_table(table: ReportTable, reading: Reading) -> None:
    for (row, column), value in reading.cells.items():
        table.budget.setdefault(row, {})[column] = Cell(_wan(value), value)


def _wan(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
