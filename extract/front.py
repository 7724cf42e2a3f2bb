"""What stands before and around a report's body: its title line, cover fields written any of
the usual ways, a table of contents and the 评价小组 block.  The words are data
(`data/front.toml`, and the cover fields of every outline file).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from .headings import plain
from .markers import marker_at
from .outline import _data_file, list_outlines, structure_base

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?")
_CODE = re.compile(r"^[【\[]?\s*[0-9A-Za-z]{10,}\s*[】\]]?\s*[-—_－:：]?\s*")
_LEADING_YEAR = re.compile(r"^(?:19|20)\d{2}\s*年(?:度)?")
_PARENS = re.compile(r"^[（(]\s*([^（()）]{2,40}?)\s*[)）]$")
_TOC_PAGE = re.compile(r"(?:[.…·．\-—_\s]{3,}|\s+)\d{1,3}\s*$")
_LEADERS = re.compile(r"[.…·．]{3,}\s*\d{1,3}$")


@dataclass(frozen=True)
class TitleLine:
    """A report's title line, split: «{unit}{year}年度{project}绩效自评报告», and what is glued after."""

    unit: str
    year: int | None
    project: str
    rest: str  # text glued after the title (a heading, often)
    text: str = ""  # the title itself, without spaces


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(_data_file("front.toml"))


# ----- the title line


def title_line(text: str) -> TitleLine | None:
    """«昌宁县第一示范小学2023年度项目支出绩效自评报告» → unit, year, project (None: not a title)."""
    line = text.strip(" \t\u3000\xa0")
    found = _title_end(line)
    if found is None:
        return None
    end, rest = found
    title = plain(line[:end])
    for lead in _data()["title"]["lead"]:
        title = title.removeprefix(lead)
    if len(title) > 80 or re.search(r"[，,。；;]", title):
        return None
    body = _strip_ending(title)
    year_match = _YEAR.search(body)
    if year_match:
        unit, project = body[:year_match.start()], body[year_match.end():]
        year: int | None = int(year_match.group(1))
    else:
        unit, project, year = "", body, None
    return TitleLine(unit.removesuffix("的"), year, _project(project.removesuffix("的")), rest.strip(), title)


def _title_end(line: str) -> tuple[int, str] | None:
    """Where the title of a title line ends, and the text glued after it."""
    for ending in _data()["title"]["endings"]:
        at = line.find(ending)
        while at >= 0:
            end = at + len(ending)
            rest = line[end:]
            if not rest.strip() or marker_at(rest) is not None:
                return end, rest
            at = line.find(ending, end)
    return None


def _strip_ending(title: str) -> str:
    for ending in _data()["title"]["endings"]:
        if title.endswith(ending):
            return title[:-len(ending)]
    return title


def _project(words: str) -> str:
    """The project a title names; "" for generic words («项目支出»); a report kind kept
    («部门整体支出»)."""
    text = words.removesuffix("绩效")
    for kind in _data()["title"]["kinds"]:
        if text.endswith(kind):
            return kind
    generic = _data()["title"]["generic"]
    return "" if not text or text in generic or text.removesuffix("支出") in generic else text


def project_in_parens(text: str) -> str:
    """«（校舍维修改造项目）» on the line after the title: the project's name ("" otherwise)."""
    m = _PARENS.match(plain(text))
    return m.group(1) if m else ""


def clean_project(name: str) -> str:
    """A project name without the code before it («51092324T000010263357-2023年…项目» → «…项目»)."""
    text = name.strip()
    code = _CODE.match(text)
    if code and re.search(r"\d{6,}", code.group(0)):
        text = text[code.end():]
        text = _LEADING_YEAR.sub("", text).strip()
    return text


# ----- cover fields


@cache
def cover_labels() -> tuple[tuple[str, str], ...]:
    """(label, cover key) of every outline's cover fields, longest label first."""
    pairs = {(p, f.key) for o in (*list_outlines(), structure_base()) for f in o.cover_fields for p in f.patterns}
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))


@cache
def _cover_pattern() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label, _ in cover_labels())
    return re.compile(
        rf"^\s*[^\s:：]{{0,6}}?({labels})\s*(?:[（(][^）)]{{0,8}}[)）])?\s*(?:[:：]\s*(?P<colon>.*)|[ \t\u3000\xa0]+(?P<bare>\S.*))?$"
    )


def cover_line(text: str, *, bare: bool) -> tuple[str, str] | None:
    """(cover key, value) of a cover line «项目名称：…» or, when `bare`, «项目名称  …» (no colon)."""
    m = _cover_pattern().match(text)
    if m is None:
        return None
    value = m.group("colon")
    if value is None:
        value = m.group("bare") if bare else None
        if value is None or len(value) > 60 or re.search(r"[，。；]", value):
            return None
    label = m.group(1)
    return dict(cover_labels())[label], value.strip(" \t\u3000\xa0")


def cover_key(label: str) -> str | None:
    text = plain(label).rstrip("：:")
    text = re.sub(r"[（(][^）)]{0,8}[)）]$", "", text) if text not in dict(cover_labels()) else text
    return dict(cover_labels()).get(text)


def starts_report(key: str) -> bool:
    """A cover field that, met after a body, starts the next report (项目名称 and the like)."""
    return key == "title"


def cover_from_rows(rows: list[list[str]]) -> dict[str, str] | None:
    """A table of «label | value» rows that is a cover, as cover fields (None: not a cover)."""
    cover: dict[str, str] = {}
    for row in rows:
        cells = [c.strip() for c in row if c.strip()]
        for label, value in zip(cells[::2], cells[1::2], strict=False):
            key = cover_key(label)
            if key is None:
                return None
            cover.setdefault(key, value)
    return cover or None


# ----- table of contents and the 评价小组 block


def is_toc_heading(text: str) -> bool:
    return plain(text) in {plain(w) for w in _data()["toc"]["words"]}


def is_toc_entry(text: str) -> bool:
    """A table-of-contents line: a heading with dotted leaders and a page number."""
    line = text.strip()
    if _LEADERS.search(line):
        return True
    return marker_at(line) is not None and len(line) < 40 and bool(re.search(r"\s\d{1,3}$", line))


def strip_toc_page(text: str) -> str:
    return _TOC_PAGE.sub("", text).strip()


def is_team_line(text: str) -> bool:
    """A line of the 评价小组 block: its heading («自评工作小组») or a role («组长：…»)."""
    t = plain(text)
    data = _data()["team"]
    if any(t.endswith(head) and len(t) <= len(head) + 10 for head in data["heads"]):
        return True
    return any(t.startswith(role) and len(t) > len(role) and t[len(role)] in "：:" for role in data["roles"])


def heading_endings() -> tuple[str, ...]:
    return tuple(sorted(_data()["headings"]["endings"], key=len, reverse=True))
