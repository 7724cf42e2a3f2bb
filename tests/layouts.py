"""Fictional reports in every outline layout, rendered the ways real copies arrive, with their
answers (headings, sections, cover, 自评表 figures) — for `tests/test_layouts.py` and
`bench/bench_layouts.py`.

Each file in `tests/data/layouts/` describes one input file in a small markup:

    @file name.txt | name.docx      the file to write (a .docx is a real Word document)
    @set tune | holdout             holdout files are never looked at while tuning the importer
    @style flatten glue_text …      how the body is laid out (see `STYLES`)
    @table_style tab_led | tabs | pipes | cells | flat | docx
    @report                         a report starts (a file may hold several)
    @outline KEY / @title / @unit / @year / @profile      the answers for that report
    @table_gold budget=95.63 spent=90.84 indicators=6     the 自评表 figures (万元)
    @raw TEXT                       a line written as is, outside every section (cover, title…)
    @toc                            a table of contents of this report's headings, here
    @h KEY HEADING                  a heading as written, opening section KEY
    @tbl … @endtbl                  the 自评表: one row a line, cells separated by «|»
    any other line                  a paragraph of the current section

A line starting with «#» is a comment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

LAYOUTS = Path(__file__).resolve().parent / "data" / "layouts"

STYLES = {
    "glue_text": "a heading and the first paragraph after it on one line, nothing between",
    "glue_headings": "consecutive headings on one line",
    "glue_title": "the title line and the first heading on one line",
    "flatten": "the whole body on one line, as a web page or PDF copy gives it",
    "flatten_space": "like flatten, with a space between the pieces",
    "toc_pages": "the table of contents with dotted leaders and page numbers",
}


@dataclass
class GoldTable:
    profile: str
    figures: dict[str, Decimal] = field(default_factory=dict)
    indicators: int = 0


@dataclass
class GoldReport:
    outline: str = ""
    title: str = ""
    unit: str = ""
    year: int | None = None
    headings: list[tuple[str, str]] = field(default_factory=list)  # (key, as written)
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (key, text)
    table: GoldTable | None = None


@dataclass
class Layout:
    """One input file: how to write it, and the answers for the reports it holds."""

    name: str
    file: str
    subset: str = "tune"
    styles: set[str] = field(default_factory=set)
    table_style: str = "tab_led"
    reports: list[GoldReport] = field(default_factory=list)
    pieces: list[tuple[str, object]] = field(default_factory=list)  # (kind, value) in file order


def load_layouts(which: str | None = None) -> list[Layout]:
    """Every layout file (or those of one set), in name order."""
    out = [parse_layout(p) for p in sorted(LAYOUTS.glob("*.txt"))]
    return [x for x in out if which is None or x.subset == which]


def parse_layout(path: Path) -> Layout:
    layout = Layout(path.stem, path.stem + ".txt")
    report: GoldReport | None = None
    key = ""
    rows: list[list[str]] | None = None
    for raw in path.read_text(encoding="utf-8").split("\n"):
        line = raw.rstrip()
        if rows is not None:
            if line == "@endtbl":
                layout.pieces.append(("table", rows))
                rows = None
            else:
                rows.append([c.strip() for c in line.split("|")] if line.strip() else [])
            continue
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        if word == "@file":
            layout.file = rest.strip()
        elif word == "@set":
            layout.subset = rest.strip()
        elif word == "@style":
            layout.styles |= set(rest.split())
        elif word == "@table_style":
            layout.table_style = rest.strip()
        elif word == "@report":
            report = GoldReport()
            layout.reports.append(report)
            layout.pieces.append(("report", report))
        elif report is None:
            raise ValueError(f"{path.name}: «{line}» before @report")
        elif word in ("@outline", "@title", "@unit"):
            setattr(report, word[1:], rest.strip())
        elif word == "@year":
            report.year = int(rest)
        elif word == "@profile":
            report.table = GoldTable(rest.strip())
        elif word == "@table_gold":
            assert report.table is not None, path.name
            for item in rest.split():
                name, _, value = item.partition("=")
                if name == "indicators":
                    report.table.indicators = int(value)
                else:
                    report.table.figures[name] = Decimal(value)
        elif word == "@raw":
            layout.pieces.append(("raw", rest))
        elif word == "@toc":
            layout.pieces.append(("toc", report))
        elif word == "@h":
            key, _, heading = rest.partition(" ")
            report.headings.append((key, heading))
            layout.pieces.append(("heading", heading))
        elif word == "@tbl":
            rows = []
        else:
            report.paragraphs.append((key, line))
            layout.pieces.append(("text", line))
    return layout


# ----- rendering


def render_lines(layout: Layout) -> list[object]:
    """The file's lines in order; a table is a list of rows when it stays a Word table."""
    out: list[object] = []
    body: list[str] = []  # pieces of the body being flattened
    flatten = bool(layout.styles & {"flatten", "flatten_space"})
    joiner = " " if "flatten_space" in layout.styles else ""
    previous = ""

    def flush() -> None:
        if body:
            out.append(joiner.join(body))
            body.clear()

    for kind, value in layout.pieces:
        if kind == "report":
            flush()
        elif kind == "raw":
            flush()
            out.append(value)
        elif kind == "toc":
            flush()
            out.extend(_toc(value, "toc_pages" in layout.styles))  # type: ignore[arg-type]
        elif kind == "table":
            flush()
            out.extend(_table(value, layout.table_style))  # type: ignore[arg-type]
        elif flatten:
            body.append(str(value))
        elif _glues(layout.styles, previous, kind) and out and isinstance(out[-1], str):
            out[-1] = str(out[-1]) + str(value)
        else:
            out.append(value)
        previous = kind if kind != "raw" or not _is_title(str(value)) else "title"
    flush()
    return out


def _glues(styles: set[str], previous: str, kind: str) -> bool:
    return (("glue_text" in styles and previous == "heading" and kind == "text")
            or ("glue_headings" in styles and previous == "heading" and kind == "heading")
            or ("glue_title" in styles and previous == "title" and kind == "heading"))


def _is_title(text: str) -> bool:
    return text.endswith("报告")


def _toc(report: GoldReport, pages: bool) -> list[str]:
    lines = ["目  录"]
    for n, (_, heading) in enumerate(report.headings):
        lines.append(f"{heading}{'……' * 6}{n // 3 + 1}" if pages else heading)
    return lines


def _table(rows: list[list[str]], style: str) -> list[object]:
    cells = [c for row in rows for c in row if c]
    if style == "docx":
        return [[list(r) for r in rows if r]]
    if style == "tab_led":
        out: list[object] = []
        for row in rows:
            if row:
                out.extend("\t" + c for c in row)
                out.append("")
        return out
    if style == "tabs":
        return ["\t".join(row) for row in rows if row]
    if style == "pipes":
        return ["|".join(row) for row in rows if row]
    if style == "cells":
        return list(cells)
    if style == "flat":
        return [" ".join(cells)]
    raise ValueError(f"unknown table style {style}")


def write_layout(layout: Layout, folder: Path) -> Path:
    """Write the input file into `folder`; return its path."""
    path = folder / layout.file
    lines = render_lines(layout)
    if path.suffix == ".docx":
        import docx

        document = docx.Document()
        for line in lines:
            if isinstance(line, list):
                width = max(len(r) for r in line)
                table = document.add_table(rows=len(line), cols=width)
                for r, row in enumerate(line):
                    for c, cell in enumerate(row):
                        table.cell(r, c).text = cell
            else:
                document.add_paragraph(str(line))
        document.save(str(path))
    else:
        assert not any(isinstance(line, list) for line in lines), f"{layout.name}: a Word table in a text file"
        path.write_text("\n".join(str(line) for line in lines) + "\n", encoding="utf-8")
    return path


def write_all(folder: Path, which: str | None = None) -> list[tuple[Layout, Path]]:
    return [(layout, write_layout(layout, folder)) for layout in load_layouts(which)]
