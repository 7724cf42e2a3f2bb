"""One file into its reports.  A report starts at its title line («…绩效自评报告») or its 项目名称
met after another report's body, or at a first part («一、项目概况», «一、基本情况» …) once the
report before has reached its second part or its 自评表 — never after an appendix part such as
«二、佐证材料», after which the numbering starts again inside the same report.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .blocks import Block, Paragraph, Table
from .front import (cover_from_rows, cover_line, is_team_line, is_toc_entry, is_toc_heading, plain, strip_toc_page,
                    title_line)
from .headings import heading_at
from .markers import Marker, marker_at
from .outline import list_outlines
from .structural import split_structural


@dataclass
class Chunk:
    blocks: list[Block] = field(default_factory=list)
    body: bool = False  # a heading or a table seen
    tables: bool = False
    title_cover: bool = False  # a 项目名称 (or its like) seen
    max_part: int = 0  # the highest part number written
    appendix: bool = False  # the last part opened is an appendix part
    title: str = ""  # its title line (a page header repeating it starts nothing)
    toc: "_Toc | None" = None


@dataclass
class _Toc:
    first: str = ""  # the first entry, to know where the body starts


def strip_quotes(text: str) -> str:
    """Drop the stray straight quotes a spreadsheet export leaves around a cell's text."""
    if text.count('"') % 2 == 1 or (text.startswith('"') and text.endswith('"')):
        text = text.strip('"').strip()
    return text


def line_text(block: Paragraph) -> str:
    return strip_quotes(block.text.strip(" \t\u3000\xa0"))


def iter_report_blocks(blocks: Iterable[Block]) -> Iterator[list[Block]]:
    """The blocks of each report of a file, in order, each given as soon as the next begins."""
    current = Chunk()
    for block in blocks:
        if isinstance(block, Table):
            cover = None if block.cells else cover_from_rows(block.rows)
            if cover is not None and "title" in cover and (current.body or current.title_cover):
                yield current.blocks
                current = Chunk()
            if cover is not None:
                current.title_cover = current.title_cover or "title" in cover
            else:
                current.body = current.tables = True
            current.blocks.append(block)
            continue
        text = line_text(block)
        if text and _starts_report(current, text):
            if current.blocks:
                yield current.blocks
            current = Chunk()
        current.blocks.append(block)
        if text:
            _observe(current, text)
    if current.blocks:
        yield current.blocks


def _starts_report(chunk: Chunk, text: str) -> bool:
    cover = cover_line(text, bare=not chunk.body)
    if cover is not None and cover[0] == "title":
        return chunk.body or chunk.title_cover
    title = title_line(text)
    if title is not None:
        return chunk.body and title.text != chunk.title
    marker = marker_at(text)
    if marker is None or marker.level != 1 or marker.ordinal != 1 or chunk.appendix:
        return False
    return (chunk.max_part >= 2 or chunk.tables) and is_first_part(text)


def is_first_part(text: str) -> bool:
    """«一、项目概况», «一、基本情况» …: the first part of some known outline."""
    for outline in list_outlines():
        hit, _ = heading_at(text, 0, outline)
        if hit is not None and outline.parts and hit.key == outline.parts[0].key:
            return True
    return False


def _observe(chunk: Chunk, text: str) -> None:
    cover = cover_line(text, bare=not chunk.body)
    if cover is not None and cover[0] == "title":
        chunk.title_cover = True
        return
    title = title_line(text)
    if title is not None:
        chunk.title = chunk.title or title.text
        text = title.rest
        if not text:
            return
    if skip_toc(chunk, text):
        return
    marker = opening_marker(text)
    if marker is None:
        return
    chunk.body = True
    if marker.level == 1:
        chunk.max_part = max(chunk.max_part, marker.ordinal)
        chunk.appendix = _is_appendix(text)


def skip_toc(chunk: Chunk, text: str) -> bool:
    """True for a line of a table of contents (its «目录» line included)."""
    if chunk.body:
        return False
    if is_toc_heading(text):
        chunk.toc = _Toc()
        return True
    toc = chunk.toc
    if toc is None:
        return False
    if is_team_line(text):
        chunk.toc = None  # the 评价小组 block after the contents
        return False
    entry = plain(strip_toc_page(text))
    if toc.first and entry == toc.first and not is_toc_entry(text):
        chunk.toc = None  # the body starts with the first entry again
        return False
    if is_toc_entry(text) or (len(text) <= 40 and not any(ch in text for ch in "。，；")):
        toc.first = toc.first or entry
        return True
    chunk.toc = None
    return False


def opening_marker(text: str) -> Marker | None:
    """The number of a heading at the start of `text` (level 1 or 2), by any known outline's
    titles or by its shape."""
    marker = marker_at(text)
    if marker is None or marker.level > 2:
        return None
    pieces = split_structural(text)
    if pieces and pieces[0][0]:
        return marker
    if any(heading_at(text, 0, o)[0] for o in list_outlines()):
        return marker
    return None


def _is_appendix(text: str) -> bool:
    for outline in list_outlines():
        hit, _ = heading_at(text, 0, outline)
        if hit is not None:
            entry = outline.entry(hit.key)
            if entry is not None and entry.appendix:
                return True
    return False
