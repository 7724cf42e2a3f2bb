"""Blocks to reports: split a file into its reports, read each one's title line and cover, choose
its outline, file every paragraph under its section, drop template hint lines, tables of
contents and 评价小组 blocks, and parse the 附表.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .blocks import Block, Paragraph, Table, text_to_blocks
from .cells import group_cell_tables
from .decode import decode_bytes
from .document import Report, Section
from .errors import InputError
from .fit import choose_outline
from .front import (TitleLine, clean_project, cover_from_rows, cover_line, is_team_line, plain,
                    project_in_parens, title_line)
from .headings import HeadingHit, is_hint, split_line
from .markers import marker_at
from .numerals import fold
from .outline import PREAMBLE, STRUCTURAL, Outline, OutlineEntry, structure_base
from .profiles import default_profile
from .split import Chunk, iter_report_blocks, line_text, opening_marker, skip_toc
from .structural import StructHit, as_text, split_structural
from .tables import parse_table

_DEPT_CODE = re.compile(r"^[【\[]\s*\d+\s*[】\]]\s*")
_YEAR_IN_TEXT = re.compile(r"((?:19|20)\d{2})\s*年")
_CAPTION = re.compile(r"自评表|^《.*》$")
TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown", ""}
SUFFIXES = TEXT_SUFFIXES | {".docx", ".doc"}


def read_file(path: Path) -> list[Report]:
    """All reports in one file (.txt/.md or .docx); InputError when there is none."""
    return read_bytes(path.read_bytes(), path.name)


def read_bytes(data: bytes, name: str) -> list[Report]:
    """All reports in a file's contents; `name` gives the type by its suffix."""
    return parse_blocks(file_blocks(data, name))


def file_blocks(data: bytes, name: str) -> list[Block]:
    """A file's contents as blocks (lines and tables); InputError for a type it cannot read."""
    suffix = Path(name).suffix.lower()
    if suffix == ".docx":
        from .docx_reader import docx_to_blocks

        return docx_to_blocks(data)
    if suffix == ".doc":
        raise InputError("不支持旧版 .doc 文件，请在 Word 中另存为 .docx 后再导入")
    if suffix not in TEXT_SUFFIXES:
        raise InputError(f"不支持的文件类型「{suffix}」，请导入 .txt、.md 或 .docx 文件")
    return text_to_blocks(decode_bytes(data))


def parse_text(text: str) -> list[Report]:
    return parse_blocks(text_to_blocks(text))


def parse_blocks(blocks: list[Block]) -> list[Report]:
    reports = list(iter_reports(blocks))
    if not reports:
        raise InputError(NO_REPORTS)
    fallback = fallback_profile(r.profile for r in reports)
    for report in reports:
        report.profile = report.profile or fallback
    return reports


NO_REPORTS = ("文件中没有可识别的报告：既没有标题行（「…绩效自评报告」）或「项目名称：」等封面字段，"
              "也没有「一、…」「（一）…」这样的标题")


def iter_reports(blocks: list[Block]) -> Iterator[Report]:
    """The reports one at a time, so a large file's need not all be held at once.  A report
    whose 附表 is empty has no profile yet: it takes `fallback_profile` of the file's others."""
    for chunk in iter_report_blocks(group_cell_tables(blocks)):
        report = build_report(chunk)
        if report is not None:
            report.source_line = chunk[0].line
            yield report


def fallback_profile(profiles: Iterable[str]) -> str:
    """The layout the reports of one file use most (the default where none has a 附表)."""
    known = Counter(p for p in profiles if p)
    return known.most_common(1)[0][0] if known else default_profile().key


# ----- one report


@dataclass
class _Front:
    """What stands before the body: cover fields, the title line, the project in «（…）»."""

    cover: dict[str, str] = field(default_factory=dict)
    title: TitleLine | None = None
    project: str = ""
    after_title: bool = False
    team: list[str] = field(default_factory=list)
    state: Chunk = field(default_factory=Chunk)

    def take(self, text: str) -> str | None:
        """Consume a front line; return the text still to read as body ("" when none, None when
        the line is not front matter)."""
        return self._in_body(text) if self.state.body else self._before_body(text)

    def _in_body(self, text: str) -> str | None:
        """Once the body has started, only a 项目名称 and the title repeated as a page header."""
        cover = cover_line(text, bare=False)
        if cover is not None and cover[0] == "title":
            self.cover.setdefault(*cover)
            return ""
        title = title_line(text)
        if title is not None and self.title is not None and title.text == self.title.text:
            return title.rest
        return None

    def _before_body(self, text: str) -> str | None:
        cover = cover_line(text, bare=True)
        if cover is not None:
            self.cover.setdefault(*cover)
            return ""
        after_title, self.after_title = self.after_title, False
        title = title_line(text)
        if title is not None:
            self.title = self.title or title
            self.after_title = not title.rest
            return title.rest
        if after_title and project_in_parens(text):
            self.project = project_in_parens(text)
            return ""
        if skip_toc(self.state, text):
            return ""
        opening = opening_marker(text) is not None
        if is_team_line(text) and not opening:
            self.team.append(plain(text))
            return ""
        self.state.body = opening
        return None


def build_report(blocks: list[Block]) -> Report | None:
    """One report from its blocks (None when they hold neither a heading, a table nor a cover)."""
    front = _Front()
    lines: list[str] = []
    tables: list[Table] = []
    for block in blocks:
        if isinstance(block, Table):
            cover = None if block.cells or front.state.body else cover_from_rows(block.rows)
            if cover is not None:
                for key, value in cover.items():
                    front.cover.setdefault(key, value)
            else:
                tables.append(block)
            continue
        text = line_text(block)
        if not text:
            continue
        rest = front.take(text)
        if rest is None:
            lines.append(text)
        elif rest:
            front.state.body = True
            lines.append(rest)
    outline = choose_outline(lines, bool(tables))
    sections = _KnownSections(outline) if outline is not None else _StructuralSections()
    for text in lines:
        sections.add_line(text)
    if not (sections.headings or tables or "title" in front.cover or front.title):
        return None
    return _finalise(sections, tables, front)


class _Sections:
    """A report's sections as its lines are read."""

    def __init__(self, outline: Outline) -> None:
        self.outline = outline
        self.report = Report(outline=outline.key)
        self.current = PREAMBLE
        self.headings = 0

    def section(self, key: str, heading: str = "", title: str = "") -> Section:
        existing = self.report.section(key)
        if existing is not None:
            if heading and not existing.heading:
                existing.heading = heading
            return existing
        section = Section(key=key, title=title or self.outline.title_of(key), heading=heading)
        self.report.sections.append(section)
        return section

    def add_paragraph(self, text: str) -> None:
        if self.current == self.outline.table_section and _CAPTION.search(text):
            return
        if is_hint(text, self.current, self.outline):
            return
        self.section(self.current).paragraphs.append(text)

    def open_table_heading(self, text: str) -> bool:
        """A line «附件：项目支出绩效自评表» that heads the section holding the 自评表."""
        entry = self.outline.table_entry
        if entry is None or entry.numeral or not _is_table_heading(text, entry):
            return False
        self.current = entry.key
        self.headings += 1
        self.report.headings.append((entry.key, plain(text)))
        self.section(entry.key, heading=plain(text))
        return True

    def add_line(self, text: str) -> None:
        raise NotImplementedError


class _KnownSections(_Sections):
    """Sections of a known outline: headings matched by their titles."""

    def add_line(self, text: str) -> None:
        if marker_free(text) and self.open_table_heading(text):
            return
        for n, (hits, rest) in enumerate(split_line(text, self.outline)):
            if hits:
                self._open(hits)
                if rest:
                    self.add_paragraph(rest)
            elif n == 0:
                if is_hint(text if not rest else rest, self.current, self.outline):
                    continue
                if rest:
                    self.add_paragraph(rest)

    def _open(self, hits: list[HeadingHit]) -> None:
        for hit in hits:
            self.headings += 1
            self.current = hit.key
            self.report.headings.append((hit.key, hit.numbering + plain(hit.title)))
            entry = self.outline.entry(hit.key)
            if entry is not None and (not entry.is_part or entry.leaf):
                self.section(hit.key, heading=hit.numbering + plain(hit.title))


class _StructuralSections(_Sections):
    """Sections of a report of no known outline: its own headings, numbered "1", "1.1" …, when
    they follow one another in order (a «一、» inside part 三 is a list item)."""

    def __init__(self) -> None:
        super().__init__(structure_base())
        self.report.outline = STRUCTURAL
        self.part = 0
        self.sub = 0

    def add_line(self, text: str) -> None:
        if marker_free(text) and self.open_table_heading(text):
            return
        pieces = split_structural(text)
        if not any(hits for hits, _ in pieces):
            self.add_paragraph(text)
            return
        for hits, rest in pieces:
            for i, hit in enumerate(hits):
                if not self._accept(hit):  # a list item, not a heading: the rest is text
                    rest = as_text(hits[i:], rest)
                    break
            if rest:
                self.add_paragraph(rest)

    def _accept(self, hit: StructHit) -> bool:
        if hit.level == 1 and hit.ordinal == self.part + 1:
            self.part, self.sub = hit.ordinal, 0
            self._open(str(self.part), hit)
            return True
        if hit.level == 2 and hit.ordinal == self.sub + 1:
            self.sub = hit.ordinal
            self._open(f"{max(self.part, 1)}.{self.sub}", hit)
            return True
        return False

    def _open(self, key: str, hit: StructHit) -> None:
        self.headings += 1
        self.current = key
        heading = hit.numbering + hit.title
        self.report.headings.append((key, heading))
        self.section(key, heading=heading, title=hit.title)


def marker_free(text: str) -> bool:
    return marker_at(text) is None


def _is_table_heading(text: str, entry: OutlineEntry) -> bool:
    """«附件：项目支出绩效自评表», «附表», «附件1：…自评表»: the table section's heading."""
    t = plain(text).rstrip("：:。")
    if len(t) > 40:
        return False
    if t in {plain(x) for x in entry.titles}:
        return True
    prefixes = [x for x in entry.titles if len(x) <= 3]
    return any(t.startswith(p) for p in prefixes) and t.endswith("表")


# ----- finishing a report


def _finalise(sections: _Sections, tables: list[Table], front: _Front) -> Report:
    report = sections.report
    outline = sections.outline
    report.cover = dict(front.cover)
    if front.team:
        report.cover.setdefault("team", "\n".join(front.team))
    report.table = parse_table(tables) if tables else None
    table_key = outline.table_section
    if report.table is not None:
        report.table.section = table_key or ""
        if table_key and report.section(table_key) is None:
            sections.section(table_key)
    header = report.table.header if report.table else {}
    title = front.title
    report.title = (clean_project(front.cover.get("title", "")) or front.project or clean_project(header.get("title", ""))
                    or (title.project or title.text if title else ""))  # no project named: the title line itself
    report.unit = front.cover.get("unit") or header.get("unit", "") or (title.unit if title else "")
    report.dept = _DEPT_CODE.sub("", front.cover.get("dept") or header.get("dept", "")).strip()
    report.year = _report_year(report, title)
    report.profile = report.table.profile if report.table else ""
    if not outline.structural:
        report.sections.sort(key=lambda s: outline.order(s.key) if s.key != PREAMBLE else -2)
    else:
        report.sections.sort(key=lambda s: -2 if s.key == PREAMBLE else (1 if s.key == table_key else 0))
    return report


def _report_year(report: Report, title: TitleLine | None) -> int | None:
    if report.table and report.table.year:
        return report.table.year
    if title is not None and title.year:
        return title.year
    m = _YEAR_IN_TEXT.search(fold(report.cover.get("filed", "")))  # «２０２６年» too
    if m:
        return int(m.group(1))
    years = Counter(int(y) for s in report.sections for y in _YEAR_IN_TEXT.findall(fold(s.text)))
    return years.most_common(1)[0][0] if years else None


__all__ = ["NO_REPORTS", "SUFFIXES", "TEXT_SUFFIXES", "Paragraph", "fallback_profile", "file_blocks", "iter_reports",
           "parse_blocks", "parse_text", "read_bytes", "read_file"]
