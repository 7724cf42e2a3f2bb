"""Journeys: the installed `zipin` in a real pseudo-terminal, driven key by key as a clerk would,
from last year's report to an exported Word file, and reopened afterwards.

The screen is read as the terminal draws it (pyte).  Any error dialog, traceback or English
error text on the screen fails the journey.  One journey runs on the bundled sample, one on the
real seed reports where they are present.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from store.db import open_store
from store.drafts import find_draft

from .processes import ZIPIN, Terminal, env

pytestmark = pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs a POSIX pseudo-terminal")

BAD = re.compile(r"程序内部错误|出错了|Traceback|Error|Exception|No such|Usage:")


class Journey:
    """A Terminal that checks, after every step, that nothing went wrong on the screen."""

    def __init__(self, term: Terminal) -> None:
        self.term = term

    def check(self) -> None:
        found = BAD.search(self.term.text())
        assert found is None, f"「{found.group(0)}」on the screen:\n{self.term.text()}"

    def see(self, text: str, timeout: float = 30.0) -> None:
        self.term.see(text, timeout)
        self.check()

    def press(self, *keys: str) -> None:
        self.term.press(*keys)
        self.check()

    def write(self, text: str) -> None:
        self.term.write(text)
        self.check()

    def step_to(self, heading: str, key: str = "f8", limit: int = 20) -> None:
        """Press `key` until the step titled `heading` is open."""
        for _ in range(limit):
            if self.term.shows(heading):
                return
            before = self.term.text()
            self.press(key)
            self.term.until(lambda: self.term.text() != before, 5, f"a step after {key}")
            self.term.read(0.3)  # let the step finish drawing before looking at it
        self.see(heading, timeout=2)


def zipin(db: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ZIPIN, "--db", str(db), *args], env=env(tmp), capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def stored(db: Path, title: str, year: int, key: str) -> str:
    with open_store(db) as store:
        draft = find_draft(store, title, year)
        row = store.one("SELECT text FROM sections WHERE report_id = ? AND key = ?", [draft, key])
        return row["text"] if row else ""


def indicators(db: Path, title: str, year: int) -> list[tuple[str, str, int]]:
    with open_store(db) as store:
        draft = find_draft(store, title, year)
        return [(r["level1"], r["level2"], r["inherited"]) for r in store.query(
            "SELECT level1, level2, inherited FROM indicators WHERE report_id = ? ORDER BY ord", [draft])]


def draft_answers(db: Path, title: str, year: int) -> dict[str, tuple[str, int]]:
    with open_store(db) as store:
        draft = find_draft(store, title, year)
        assert draft is not None
        return {r["key"]: (r["text"], r["confirmed"]) for r in store.query(
            "SELECT key, text, confirmed FROM answers WHERE report_id = ?", [draft])}


def test_journey_on_the_sample(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    assert zipin(db, tmp_path, "demo", "--no-tui").returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    j = Journey(Terminal(["--db", str(db)], tmp_path, cwd=out))
    j.see("全民阅读推广专项经费")
    # home: typing filters straight away, Enter opens the new-draft dialog for last year's report
    j.see("草稿 0 份")
    j.write("全民阅读 2025")
    j.term.read(0.8)
    j.press("enter")
    j.see("起点报告")
    j.see("青川市文化广电旅游局")  # 主管部门 taken from the source report
    j.press("enter")
    j.see("今年项目全年预算多少")  # the walk opens at 基本数据
    # 基本数据: read back, then confirmed
    j.write("全年预算92万元，其中财政拨款86万元、上年结转6万元")
    j.press("enter")
    j.see("我理解为")
    j.press("enter")
    j.see("已确认")
    j.term.read(0.5)
    j.write("实际支出88.1万元，其中财政拨款82.1万元、上年结转6万元")
    j.press("enter", "enter")
    j.see("基本数据 2 项")
    # every step forward to the 附表 and back again to 基本数据
    j.step_to("预算执行情况（万元）")
    j.press("escape")
    j.see("6 项目评价工作情况")
    j.step_to("先回答几个关于今年数字的问题", key="f7")
    j.see("已确认")
    j.step_to("项目单位基本情况")
    j.step_to("先回答几个关于今年数字的问题", key="f7")
    j.see("已确认")
    # the palette jumps to a section
    j.press("ctrl+p")
    j.see("输入命令或节名")
    j.write("2.2 项目资金")
    j.press("enter")
    j.see("全年实际支出多少")
    # typing, then F2 inserts the suggestion as its own paragraph, Ctrl+Z takes it out again
    j.press("end")
    j.write("另有少量零星支出。")
    j.term.read(1.5)
    j.see("另有少量零星支出。")
    def paragraphs() -> list[str]:
        return stored(db, "全民阅读推广专项经费", 2026, "2.2").split("\n")

    j.term.until(lambda: paragraphs()[-1].endswith("另有少量零星支出。"), 10, "the typing saved")
    typed = paragraphs()
    j.press("f2")
    j.term.until(lambda: len(paragraphs()) == len(typed) + 1, 10, "the suggestion inserted as a paragraph")
    assert paragraphs()[:len(typed)] == typed and "88.1万元" in paragraphs()[-1]
    j.press("ctrl+z")
    j.term.until(lambda: paragraphs() == typed, 10, "the insertion undone")
    j.press("f3")  # the paragraph under the cursor (the typed one) becomes the suggestion, nothing else
    j.term.until(lambda: paragraphs() != typed, 10, "the paragraph replaced")
    assert len(paragraphs()) == len(typed) and "另有少量零星支出。" not in paragraphs()[-1]
    j.press("ctrl+z")
    j.term.until(lambda: paragraphs() == typed, 10, "the replacement undone")
    # the 附表: editing an indicator keeps its 一级/二级
    before = indicators(db, "全民阅读推广专项经费", 2026)
    j.press("f9")
    j.see("预算执行情况（万元）")
    j.see("一级指标")  # the 附表 is read
    j.press("f4", "f3")
    j.see("偏差原因")
    j.press("tab", "tab", "enter")  # 三级指标 → Enter saves the row as it is
    j.term.until(lambda: indicators(db, "全民阅读推广专项经费", 2026)[0][2] == 0, 10, "the row saved, confirmed")
    after = indicators(db, "全民阅读推广专项经费", 2026)
    assert after[0][:2] == before[0][:2]  # 一级 and 二级 as they were
    j.press("escape")
    j.see("全年实际支出多少")
    # review and export
    j.press("f10")
    j.see("审阅")
    j.see("其中缺项或未修改")  # the checks are done: the counts are shown
    j.press("x")
    j.see("导出报告")
    j.press("tab", "tab", "tab", "tab", "space")  # 仍有错误也导出
    j.press("shift+tab", "shift+tab", "shift+tab", "shift+tab")
    j.press("enter")
    j.term.until(lambda: any(out.glob("*.docx")), 30, "the exported .docx")
    j.see("导出完成")
    j.press("escape")
    j.press("ctrl+q")
    assert j.term.wait_exit() == 0
    # reopen: everything as left, the answers still confirmed
    answers = draft_answers(db, "全民阅读推广专项经费", 2026)
    assert answers["budget"][1] == 1 and answers["spent"][1] == 1
    shown = zipin(db, tmp_path, "show", "全民阅读推广专项经费@2026", "--json")
    assert "另有少量零星支出。" in shown.stdout
    again = Journey(Terminal(["--db", str(db)], tmp_path, cwd=out))
    again.see("草稿")
    again.press("enter")
    again.see("已写")
    again.press("ctrl+q")
    assert again.term.wait_exit() == 0


def test_journey_on_the_seed(tmp_path: Path, seed_path: Path) -> None:
    """The real 2018 reports: 专项业务费 2018 → 2019, straight into the walk with `zipin draft`."""
    db = tmp_path / "seed.db"
    assert zipin(db, tmp_path, "import", str(seed_path)).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    j = Journey(Terminal(["--db", str(db), "draft", "--title", "专项业务费", "--year", "2019",
                          "--from", "专项业务费@2018"], tmp_path, cwd=out))
    j.see("今年项目全年预算多少")
    j.write("财政拨款80万元，上年结转4.8万元")
    j.press("enter")
    j.see("我理解为")
    j.press("enter")
    j.see("基本数据 1 项")
    j.term.read(0.5)
    j.write("实际支出80.2万元，其中财政拨款75.4万元，上年结转4.8万元")
    j.press("enter", "enter")
    j.see("基本数据 2 项")
    # all the way through, and back, twice through 基本数据 (re-entering it rebuilds nothing)
    j.step_to("预算执行情况（万元）")
    j.press("escape")
    j.step_to("先回答几个关于今年数字的问题", key="f7")
    j.step_to("项目单位基本情况")
    j.step_to("先回答几个关于今年数字的问题", key="f7")
    j.see("已确认")
    j.step_to("项目资金实际使用情况分析")
    j.press("end")
    j.write("资金使用符合规定。")
    j.press("f2")
    j.term.read(0.5)
    j.press("ctrl+z")
    j.term.read(0.5)
    j.press("f5")
    j.term.read(2.0)
    j.step_to("项目评价工作情况")
    j.term.read(2.0)
    j.press("f10")
    j.see("审阅")
    j.see("其中缺项或未修改")  # the checks are done: the counts are shown
    j.press("x")
    j.see("导出报告")
    j.press("tab", "tab", "tab", "tab", "space")
    j.press("shift+tab", "shift+tab", "shift+tab", "shift+tab")
    j.press("enter")
    j.term.until(lambda: any(out.glob("*.docx")), 30, "the exported .docx")
    j.press("escape")
    j.press("ctrl+q")
    assert j.term.wait_exit() == 0
    answers = draft_answers(db, "专项业务费", 2019)
    assert answers["budget"][1] == 1 and answers["spent"][1] == 1
    assert "资金使用符合规定。" in stored(db, "专项业务费", 2019, "2.2")
    # reopened: it opens, at the same place, with nothing lost
    again = Journey(Terminal(["--db", str(db), "draft", "--title", "专项业务费", "--year", "2019"], tmp_path, cwd=out))
    again.see("已写")
    again.term.read(2.0)
    again.check()
    again.press("ctrl+q")
    assert again.term.wait_exit() == 0
