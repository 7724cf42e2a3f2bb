"""The slow half of writing a report — masking numbers, jieba tokens, extracting facts — done
before a write transaction opens, so the store's write lock is held only for the inserts: an
import of a large file must not keep a user's autosave waiting."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract import extract_numbers
from extract.document import Report, Section
from extract.mask import mask_numbers, tokens_of
from extract.mention import Mention


@dataclass
class PreparedParagraph:
    text: str
    masked: str
    tokens: str
    mentions: list[Mention]
    provenance: str = ""  # a draft's paragraph: see store/provenance.py; "" in past reports
    number_provenance: tuple[str, ...] = ()  # one per mention; empty: all ""


@dataclass
class PreparedSection:
    section: Section
    paragraphs: list[PreparedParagraph] = field(default_factory=list)


def prepare_section(section: Section) -> PreparedSection:
    """Everything a section's rows need; blank lines are not paragraphs."""
    out = PreparedSection(section)
    for text in section.paragraphs:
        if text.strip():
            masked = mask_numbers(text)
            out.paragraphs.append(PreparedParagraph(text, masked, tokens_of(masked), extract_numbers(text)))
    return out


def prepare_report(report: Report) -> list[PreparedSection]:
    return [prepare_section(s) for s in report.sections]
