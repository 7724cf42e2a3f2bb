"""The importer on fictional reports in every outline layout (tests/data/layouts/), written the
ways real copies arrive (Word, text, flattened web and PDF copies, glued headings, tables of
contents, 评价小组 blocks, tables as Word tables, tabs, «|», one cell a line, one line).

    python bench/bench_layouts.py [--details] [--set tune|holdout] [--speed]

Prints, per set: reports found, title / unit / year accuracy, the share of body text placed
under its right section (and dropped), headings recognised, tables read, number F1 on the
labelled number sets of these layouts, and error findings of the checks (all false: the
fixtures are consistent).
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checks.context import from_report  # noqa: E402
from checks.registry import run_rules  # noqa: E402
from extract import extract_numbers  # noqa: E402
from extract.document import Report  # noqa: E402
from extract.errors import InputError  # noqa: E402
from extract.reader import read_file  # noqa: E402
from tests.layouts import GoldReport, Layout, load_layouts, write_layout  # noqa: E402
from tests.numbers_gold import LAYOUTS_HOLDOUT, LAYOUTS_TUNE, QUANTITY_KINDS, load_items, score  # noqa: E402

_SPACE = re.compile(r"[\s\u3000\xa0]+")
_SENTENCE = re.compile(r"(?<=[。；;！？])")


def plain(text: str) -> str:
    return _SPACE.sub("", text or "")


@dataclass
class Tally:
    files: int = 0
    gold_reports: int = 0
    found: int = 0
    title: int = 0
    unit: int = 0
    year: int = 0
    outline: int = 0
    chars: int = 0
    right: int = 0
    dropped: int = 0
    headings: int = 0
    headings_found: int = 0
    tables: int = 0
    tables_read: int = 0
    errors: int = 0
    warnings: int = 0
    notes: list[str] = field(default_factory=list)


def pair(gold: list[GoldReport], got: list[Report]) -> list[tuple[GoldReport, Report | None]]:
    """Each answer with the report read for it: by title, else by position."""
    out: list[tuple[GoldReport, Report | None]] = []
    free = list(got)
    for i, g in enumerate(gold):
        match = next((r for r in free if plain(r.title) == plain(g.title)), None)
        if match is None and len(got) == len(gold):
            match = got[i] if got[i] in free else None
        if match is not None:
            free.remove(match)
        out.append((g, match))
    return out


def recognised(report: Report) -> set[str]:
    """Keys of the headings the importer recognised as outline headings."""
    keys = {key for key, _ in getattr(report, "headings", [])}
    return keys | {s.key for s in report.sections if s.heading}


def body_placement(g: GoldReport, r: Report) -> tuple[int, int, int]:
    """(characters, characters under the right section, characters found under no section)."""
    texts = {s.key: plain(s.text) for s in r.sections}
    everything = "".join(texts.values())
    total = right = dropped = 0
    for key, paragraph in g.paragraphs:
        for sentence in filter(None, (plain(s) for s in _SENTENCE.split(paragraph))):
            total += len(sentence)
            if sentence in texts.get(key, ""):
                right += len(sentence)
            elif sentence not in everything:
                dropped += len(sentence)
    return total, right, dropped


def table_read(g: GoldReport, r: Report, notes: list[str]) -> bool:
    assert g.table is not None
    t = r.table
    if t is None:
        notes.append("no table")
        return False
    problems = []
    if t.profile != g.table.profile:
        problems.append(f"profile {t.profile}")
    if t.amount("total", "budget") != g.table.figures.get("budget"):
        problems.append(f"budget {t.amount('total', 'budget')}")
    if t.amount("total", "spent") != g.table.figures.get("spent"):
        problems.append(f"spent {t.amount('total', 'spent')}")
    if len(t.indicators) != g.table.indicators:
        problems.append(f"{len(t.indicators)} indicators")
    if "score" in g.table.figures and plain(t.total_score) != format(g.table.figures["score"], "f"):
        problems.append(f"total score «{t.total_score}»")
    if not (t.goals_expected and t.goals_actual):
        problems.append("goals")
    notes.extend(f"table: {p}" for p in problems)
    return not problems


def measure(layout: Layout, folder: Path, tally: Tally, details: bool) -> None:
    path = write_layout(layout, folder)
    tally.files += 1
    tally.gold_reports += len(layout.reports)
    try:
        got = read_file(path)
    except InputError as exc:
        got = []
        tally.notes.append(f"{layout.name}: refused: {exc.message}")
    for g, r in pair(layout.reports, got):
        notes: list[str] = []
        tally.headings += len(g.headings)
        if g.table is not None:
            tally.tables += 1
        if r is None:
            tally.notes.append(f"{layout.name}: «{g.title}» not found")
            total, _, _ = body_placement(g, Report())
            tally.chars += total
            tally.dropped += total
            continue
        tally.found += 1
        for name in ("title", "unit"):
            if plain(getattr(r, name)) == plain(getattr(g, name)):
                setattr(tally, name, getattr(tally, name) + 1)
            else:
                notes.append(f"{name} «{getattr(r, name)}»")
        if r.year == g.year:
            tally.year += 1
        else:
            notes.append(f"year {r.year}")
        if getattr(r, "outline", None) == g.outline:
            tally.outline += 1
        else:
            notes.append(f"outline {getattr(r, 'outline', None)}")
        total, right, dropped = body_placement(g, r)
        tally.chars += total
        tally.right += right
        tally.dropped += dropped
        if right < total:
            notes.append(f"text {right}/{total} right, {dropped} dropped")
        keys = recognised(r)
        missed = [h for k, h in g.headings if k not in keys]
        tally.headings_found += len(g.headings) - len(missed)
        if missed:
            notes.append(f"headings missed: {missed}")
        if g.table is not None and table_read(g, r, notes):
            tally.tables_read += 1
        findings = run_rules(from_report(r))
        errors = [f for f in findings if f.severity == "error"]
        tally.errors += len(errors)
        tally.warnings += sum(1 for f in findings if f.severity == "warning")
        notes.extend(f"error: {f.message}" for f in errors)
        if details:
            notes.extend(f"warning: {f.message}" for f in findings if f.severity == "warning")
        tally.notes.extend(f"{layout.name} «{g.title}»: {n}" for n in notes)


def numbers_f1(path: Path) -> tuple[float, int]:
    items = load_items(include_seed=False, path=path)
    _, _, f1 = score(items, extract_numbers).prf(QUANTITY_KINDS)
    return f1, sum(len(i.mentions) for i in items)


def show(name: str, t: Tally, number_set: Path, details: bool) -> None:
    def share(a: int, b: int) -> str:
        return f"{a}/{b} = {a / b:.2f}" if b else "—"

    f1, mentions = numbers_f1(number_set)
    print(f"\n{name}: {t.files} files, {t.gold_reports} reports")
    print(f"  reports found              {share(t.found, t.gold_reports)}")
    print(f"  title / unit / year        {share(t.title, t.gold_reports)} · {share(t.unit, t.gold_reports)} · "
          f"{share(t.year, t.gold_reports)}")
    print(f"  outline recognised         {share(t.outline, t.gold_reports)}")
    print(f"  text under right section   {t.right / t.chars:.1%} (dropped {t.dropped / t.chars:.1%})")
    print(f"  headings recognised        {share(t.headings_found, t.headings)}")
    print(f"  tables read                {share(t.tables_read, t.tables)}")
    print(f"  number F1 ({mentions} mentions)  {f1:.3f}")
    print(f"  error findings (all false) {t.errors}; warnings {t.warnings}")
    if details:
        for note in t.notes:
            print("   -", note)


def speed(folder: Path) -> None:
    """Reading speed on these layouts (text files repeated to 1 MB, the flattened ones included)
    and on a worst case: one line holding a number after every sentence end."""
    import time

    from extract.reader import parse_text

    texts = [write_layout(x, folder).read_text(encoding="utf-8") for x in load_layouts() if x.file.endswith(".txt")]
    big = "\n".join(texts * (1_000_000 // sum(len(t.encode()) for t in texts) + 1))
    started = time.perf_counter()
    count = len(parse_text(big))
    seconds = time.perf_counter() - started
    print(f"\nreading speed: {len(big.encode()) / 1e6:.1f} MB of these layouts, {count} reports, {seconds:.2f} s "
          f"({seconds / (len(big.encode()) / 1e6):.2f} s per MB, parsing only)")
    worst = "项目名称：测试项目\n" + "资金到位。一、二季度完成。（一）说明情况如下，" * 8000
    started = time.perf_counter()
    parse_text(worst)
    print(f"worst case: one line of {len(worst):,} characters with a number after every sentence end: "
          f"{time.perf_counter() - started:.2f} s")


def main() -> None:
    details = "--details" in sys.argv
    only = sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else None
    with tempfile.TemporaryDirectory() as tmp:
        for which, number_set in (("tune", LAYOUTS_TUNE), ("holdout", LAYOUTS_HOLDOUT)):
            if only and which != only:
                continue
            tally = Tally()
            for layout in load_layouts(which):
                measure(layout, Path(tmp), tally, details)
            show({"tune": "tuning set", "holdout": "held-out set (never tuned on)"}[which], tally, number_set,
                 details)
        if "--speed" in sys.argv:
            speed(Path(tmp))


if __name__ == "__main__":
    main()
