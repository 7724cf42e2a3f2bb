"""Blocks to reports: split a file into its reports, read each cover, file every paragraph
under its outline key, drop template hint lines, and parse the 附表.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .blocks import Block, Paragraph, Table, text_to_blocks
from .decode import decode_bytes
from .document import Report, Section
from .errors import InputError
from .headings import HeadingHit, is_hint, plain, split_headings
from .outline import DEFAULT_PROFILE, load_outline
from .tables import parse_table

_COVER = re.compile(
    r"^\s*[^\s:：]{0,6}?(项目名称|实施单位|预算单位|项目单位|主管部门|项目负责人|填报时间|填报日期|报告日期)"
    r"\s*(?:[（(][^）)]{0,8}[)）])?\s*[:：]\s*(.*)$"
)
_DEPT_CODE = re.compile(r"^[【\[]\s*\d+\s*[】\]]\s*")
_YEAR_IN_TEXT = re.compile(r"((?:19|20)\d{2})\s*年")
_CAPTION = re.compile(r"自评表|^《.*》$")
_DOCUMENT_TITLE = re.compile(r"绩效自评报告\s*$")
_PREAMBLE = "0"
TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown", ""}
SUFFIXES = TEXT_SUFFIXES | {".docx", ".doc"}


def read_file(path: Path) -> list[Report]:
    """All reports in one file (.txt/.md or .docx); InputError when there is none."""
    return read_bytes(path.read_bytes(), path.name)


def read_bytes(data: bytes, name: str) -> list[Report]:
    """All reports in a file's contents; `name` gives the type by its suffix."""
    suffix = Path(name).suffix.lower()
    if suffix == ".docx":
        from .docx_reader import docx_to_blocks

        return parse_blocks(docx_to_blocks(data))
    if suffix == ".doc":
        raise InputError("不支持旧版 .doc 文件，请在 Word 中另存为 .docx 后再导入")
    if suffix not in TEXT_SUFFIXES:
        raise InputError(f"不支持的文件类型「{suffix}」，请导入 .txt、.md 或 .docx 文件")
    return parse_text(decode_bytes(data))


def parse_text(text: str) -> list[Report]:
    return parse_blocks(text_to_blocks(text))


def parse_blocks(blocks: list[Block]) -> list[Report]:
    builder = _Builder()
    for block in blocks:
        if isinstance(block, Table):
            builder.add_table(block)
        else:
            builder.add_line(block)
    reports = builder.finish()
    if not reports:
        raise InputError("文件中没有可识别的报告：既没有「项目名称：」等封面字段，也没有「一、项目概况」等提纲标题")
    return reports


@dataclass
class _Draft:
    """A report being assembled."""

    report: Report
    tables: list[Table] = field(default_factory=list)
    max_part: int = 0
    current: str = _PREAMBLE
    matched_headings: int = 0

    def has_body(self) -> bool:
        return bool(self.matched_headings or self.tables)


class _Builder:
    def __init__(self) -> None:
        self.done: list[_Draft] = []
        self.draft: _Draft | None = None

    def _start(self, line: int) -> _Draft:
        if self.draft is not None:
            self.done.append(self.draft)
        self.draft = _Draft(Report(source_line=line))
        return self.draft

    def _current(self, line: int) -> _Draft:
        return self.draft or self._start(line)

    def add_table(self, table: Table) -> None:
        draft = self._current(table.line)
        draft.tables.append(table)

    def add_line(self, para: Paragraph) -> None:
        text = _strip_quotes(para.text.strip(" \t\u3000\xa0"))
        if not text:
            return
        cover = _COVER.match(text)
        if cover and self._is_cover_line(cover.group(1)):
            self._add_cover(cover.group(1), cover.group(2), para.line)
            return
        hits, rest = split_headings(text)
        if hits:
            self._open_headings(hits, para.line)
            if rest:
                self._add_paragraph(rest)
            return
        draft = self._current(para.line)
        if is_hint(text, draft.current):
            return
        if _DOCUMENT_TITLE.search(text) and not draft.has_body() and draft.current == _PREAMBLE:
            return  # «2025年度项目支出绩效自评报告»: the document's title, not its text
        self._add_paragraph(text)

    def _is_cover_line(self, label: str) -> bool:
        """Cover fields come before the body; only 项目名称 there starts the next report."""
        return label == "项目名称" or self.draft is None or not self.draft.has_body()

    def _add_cover(self, label: str, value: str, line: int) -> None:
        draft = self._current(line)
        if label == "项目名称" and (draft.has_body() or "title" in draft.report.cover):
            draft = self._start(line)
        key = _cover_key(label)
        value = value.strip(" \t\u3000\xa0")
        draft.report.cover.setdefault(key, value)

    def _open_headings(self, hits: list[HeadingHit], line: int) -> None:
        draft = self._current(line)
        first_part = int(hits[0].key.split(".")[0])
        if first_part == 1 and (draft.max_part >= 2 or draft.tables):
            draft = self._start(line)
        for hit in hits:
            draft.matched_headings += 1
            draft.max_part = max(draft.max_part, int(hit.key.split(".")[0]))
            draft.current = hit.key
            entry = load_outline().entry(hit.key)
            if entry is not None and (not entry.is_part or entry.leaf):
                _section(draft.report, hit.key, heading=hit.numbering + plain(hit.title))

    def _add_paragraph(self, text: str) -> None:
        draft = self._current(0)
        if draft.current == "7" and _CAPTION.search(text):
            return
        if is_hint(text, draft.current):
            return
        _section(draft.report, draft.current).paragraphs.append(text)

    def finish(self) -> list[Report]:
        if self.draft is not None:
            self.done.append(self.draft)
            self.draft = None
        reports = [_finalise(d) for d in self.done if d.has_body() or "title" in d.report.cover]
        _inherit_profiles(reports)
        return reports


def _section(report: Report, key: str, heading: str = "") -> Section:
    existing = report.section(key)
    if existing is not None:
        if heading and not existing.heading:
            existing.heading = heading
        return existing
    entry = load_outline().entry(key)
    title = entry.title if entry else "前言"
    section = Section(key=key, title=title, heading=heading)
    report.sections.append(section)
    return section


def _cover_key(label: str) -> str:
    for f in load_outline().cover_fields:
        if label in f.patterns:
            return f.key
    return label


def _strip_quotes(text: str) -> str:
    """Drop the stray straight quotes a spreadsheet export leaves around a cell's text."""
    if text.count('"') % 2 == 1 or (text.startswith('"') and text.endswith('"')):
        text = text.strip('"').strip()
    return text


def _finalise(draft: _Draft) -> Report:
    report = draft.report
    report.table = parse_table(draft.tables) if draft.tables else None
    if report.table is not None and report.section("7") is None:
        _section(report, "7")
    header = report.table.header if report.table else {}
    cover = report.cover
    report.title = cover.get("title") or header.get("title", "")
    report.unit = cover.get("unit") or header.get("unit", "")
    report.dept = _DEPT_CODE.sub("", cover.get("dept") or header.get("dept", "")).strip()
    report.year = _report_year(report)
    report.profile = report.table.profile if report.table else ""
    report.sections.sort(key=lambda s: load_outline().order(s.key) if s.key != _PREAMBLE else -2)
    return report


def _report_year(report: Report) -> int | None:
    if report.table and report.table.year:
        return report.table.year
    m = _YEAR_IN_TEXT.search(report.cover.get("filed", ""))
    if m:
        return int(m.group(1))
    years = Counter(int(y) for s in report.sections for y in _YEAR_IN_TEXT.findall(s.text))
    return years.most_common(1)[0][0] if years else None


def _inherit_profiles(reports: list[Report]) -> None:
    """A report with an empty 附表 takes the layout its neighbours in the same file use."""
    known = [r.profile for r in reports if r.profile]
    fallback = Counter(known).most_common(1)[0][0] if known else DEFAULT_PROFILE
    for report in reports:
        report.profile = report.profile or fallback
