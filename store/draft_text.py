"""Saving what the user types into a draft section, in two steps, and what the words came from.

First the words alone (one small transaction, no segmentation or extraction), so they are on
disk a few milliseconds after the autosave fires even while jieba is still loading; then the
section's paragraphs, facts and search tokens, prepared outside any transaction and written
only if the words are still the ones prepared (a newer save indexes its own).  A crash between
the two steps leaves the words safe and the index behind; `settle` redoes the second step for
such sections when a draft is opened again.

The second step also classifies every paragraph and number against the section's origins
(store/provenance.py): last year's text copied into the draft or inserted from a suggestion.
"""

from __future__ import annotations

from typing import Any

from extract.decode import clean_text
from extract.document import Section

from .db import LOCK_RETRY_SECONDS, Reader, Store, now
from .errors import StoreError
from .prepared import PreparedSection, prepare_section
from .provenance import INSERT, Key, Origin, classify, origin_of
from .reports import save_section, stored_outline


def save_text(store: Store, draft_id: int, key: str, text: str) -> None:
    """Save one section of a draft. Control characters a paste may bring are dropped, as on import."""
    write_words(store, draft_id, key, text)
    index_words(store, draft_id, key)


def section_text(store: Store, draft_id: int, key: str) -> str:
    row = store.one("SELECT text FROM sections WHERE report_id = ? AND key = ?", [draft_id, key])
    return row["text"] if row else ""


def settle(store: Store, draft_id: int) -> list[str]:
    """Re-index the draft's sections whose words and paragraphs disagree; return their keys.
    Past reports are left alone, and so is a store that cannot be written (it is read as is)."""
    if not store.one("SELECT 1 FROM reports WHERE id = ? AND kind = 'draft'", [draft_id]):
        return []
    stored: dict[str, list[str]] = {}
    for p in store.query("SELECT section_key, text FROM paragraphs WHERE report_id = ? ORDER BY ord", [draft_id]):
        stored.setdefault(p["section_key"], []).append(p["text"])
    stale = [(s["key"], s["text"]) for s in store.query("SELECT key, text FROM sections WHERE report_id = ?", [draft_id])
             if _lines(s["text"]) != stored.get(s["key"], [])]
    try:
        for key, _ in stale:
            index_words(store, draft_id, key)
    except StoreError:
        return []
    return [key for key, _ in stale]


def _lines(text: str) -> list[str]:
    """The paragraphs `save_section` keeps of a text: its non-blank lines."""
    return [line for line in text.split("\n") if line.strip()]


def write_words(store: Store, draft_id: int, key: str, text: str, *, wait: float = LOCK_RETRY_SECONDS) -> None:
    """The first step: the section's words, as typed (blank lines kept), and nothing else."""
    text = clean_text(text)
    with store.write(wait) as db:
        db.execute(
            """INSERT INTO sections (report_id, key, title, heading, ord, text) VALUES (?, ?, ?, '', ?, ?)
               ON CONFLICT (report_id, key) DO UPDATE SET text = excluded.text""",
            [draft_id, key, _title(db, draft_id, key), stored_outline(db, draft_id).order(key), text],
        )
        db.execute("UPDATE reports SET updated_at = ? WHERE id = ?", [now(), draft_id])


def index_words(store: Store, draft_id: int, key: str, *, wait: float = LOCK_RETRY_SECONDS) -> None:
    """The second step: paragraphs, facts and tokens (with their provenance) for the words now stored."""
    words = section_text(store, draft_id, key)
    prepared = prepare_draft_section(Section(key, _title(store, draft_id, key), "", words.split("\n")),
                                     load_origins(store, draft_id, key), confirmed_numbers(store, draft_id, key))
    with store.write(wait) as db:
        if section_text(store, draft_id, key) != words:
            return  # newer words came meanwhile; their own save indexes them
        prepared.section.heading = _heading(db, draft_id, key)
        save_section(db, draft_id, prepared)  # its text is the words again: split and joined on "\n"


def index_words_in(db: Any, draft_id: int, key: str) -> None:
    """`index_words` inside a write already open (a migration)."""
    reader = Reader(db)
    row = reader.one("SELECT text, heading FROM sections WHERE report_id = ? AND key = ?", [draft_id, key])
    if row is None:
        return
    prepared = prepare_draft_section(Section(key, _title(reader, draft_id, key), row["heading"], row["text"].split("\n")),
                                     load_origins(reader, draft_id, key), confirmed_numbers(reader, draft_id, key))
    save_section(db, draft_id, prepared)


def prepare_draft_section(section: Section, origins: list[Origin], confirmed: set[Key]) -> PreparedSection:
    """A draft section made ready to save, each paragraph and number with its provenance."""
    prepared = prepare_section(section)
    for p in prepared.paragraphs:
        found = classify(p.text, p.mentions, origins, confirmed)
        p.provenance, p.number_provenance = found.paragraph, found.numbers
    return prepared


# ----- origins and confirmations

def load_origins(reader: Store | Reader, draft_id: int, key: str) -> list[Origin]:
    rows = reader.query("SELECT kind, text, old FROM origins WHERE report_id = ? AND section_key = ? ORDER BY id",
                        [draft_id, key])
    return [Origin.from_row(r) for r in rows]


def save_origins(db: Any, draft_id: int, origins: list[tuple[str, Origin]]) -> None:
    for key, origin in origins:
        db.execute("INSERT INTO origins (report_id, section_key, kind, text, old) VALUES (?, ?, ?, ?, ?)",
                   [draft_id, key, origin.kind, origin.text, origin.old_json()])


def add_insert(store: Store, draft_id: int, key: str, text: str, fresh: list[int]) -> None:
    """Remember a suggestion or lookup text about to be inserted into a section: its numbers
    count as last year's except those at the `fresh` offsets (filled with this year's values)."""
    from extract import extract_numbers

    origins = [(key, origin_of(line, extract_numbers(line), INSERT, _fresh_in_line(text, line, fresh)))
               for line in text.split("\n") if line.strip()]
    with store.write() as db:
        save_origins(db, draft_id, origins)


def _fresh_in_line(text: str, line: str, fresh: list[int]) -> list[int]:
    start = text.find(line)
    return [offset - start for offset in fresh if start <= offset < start + len(line)]


def confirmed_numbers(reader: Store | Reader, draft_id: int, key: str) -> set[Key]:
    rows = reader.query("SELECT surface, label FROM confirmed_numbers WHERE report_id = ? AND section_key = ?",
                        [draft_id, key])
    return {(r["surface"], r["label"]) for r in rows}


def confirm_numbers(store: Store, draft_id: int, key: str, numbers: list[Key]) -> None:
    """The user says these numbers of last year's text are right this year too."""
    with store.write() as db:
        for surface, label in numbers:
            db.execute("INSERT OR IGNORE INTO confirmed_numbers (report_id, section_key, surface, label) "
                       "VALUES (?, ?, ?, ?)", [draft_id, key, surface, label])
    index_words(store, draft_id, key)


def _title(db: Any, draft_id: int, key: str) -> str:
    """The section's title in the draft's outline."""
    return stored_outline(db, draft_id).title_of(key)


def _heading(db: Any, draft_id: int, key: str) -> str:
    row = next(iter(db.query("SELECT heading FROM sections WHERE report_id = ? AND key = ?", [draft_id, key])), None)
    return row["heading"] if row else ""
