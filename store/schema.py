"""The store's schema, as sqlite-utils migrations.

`SCHEMA_VERSION` is the number of migrations; it is also written to `PRAGMA user_version`, so
a store written by a newer zipin is recognised and refused instead of misread.
"""

from __future__ import annotations

from collections.abc import Callable

from .sqlite import Database, Migrations

migrations = Migrations("zipin")
MIGRATION_NAMES: list[str] = []


def migration(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    MIGRATION_NAMES.append(fn.__name__)
    return migrations(name=fn.__name__)(fn)


@migration
def m001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            reports INTEGER NOT NULL,
            imported_at TEXT NOT NULL
        );
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('past', 'draft')),
            title TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT '',
            dept TEXT NOT NULL DEFAULT '',
            year INTEGER,
            profile TEXT NOT NULL DEFAULT '',
            cover TEXT NOT NULL DEFAULT '{}',
            file_id INTEGER REFERENCES files(id) ON DELETE CASCADE,
            source_line INTEGER,
            from_report INTEGER REFERENCES reports(id) ON DELETE SET NULL,
            content_hash TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX reports_title ON reports(title);
        CREATE INDEX reports_unit ON reports(unit);
        CREATE INDEX reports_year ON reports(year);
        CREATE INDEX reports_hash ON reports(content_hash);
        CREATE TABLE sections (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            title TEXT NOT NULL,
            heading TEXT NOT NULL DEFAULT '',
            ord INTEGER NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            UNIQUE (report_id, key)
        );
        CREATE TABLE paragraphs (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            section_key TEXT NOT NULL,
            ord INTEGER NOT NULL,
            text TEXT NOT NULL,
            masked TEXT NOT NULL
        );
        CREATE INDEX paragraphs_report ON paragraphs(report_id, section_key, ord);
        CREATE INDEX paragraphs_section ON paragraphs(section_key);
        CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
            text, content='paragraphs', content_rowid='id', tokenize='trigram'
        );
        CREATE VIRTUAL TABLE paragraphs_vocab USING fts5vocab(paragraphs_fts, 'row');
        CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN
            INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
            INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER paragraphs_au AFTER UPDATE OF text ON paragraphs BEGIN
            INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TABLE report_tables (
            report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
            profile TEXT NOT NULL,
            year INTEGER,
            header TEXT NOT NULL DEFAULT '{}',
            goals_expected TEXT NOT NULL DEFAULT '',
            goals_actual TEXT NOT NULL DEFAULT '',
            total_score TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE budget_cells (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            row TEXT NOT NULL,
            col TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            value TEXT,
            PRIMARY KEY (report_id, row, col)
        );
        CREATE TABLE indicators (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            level1 TEXT NOT NULL DEFAULT '',
            level2 TEXT NOT NULL DEFAULT '',
            level3 TEXT NOT NULL DEFAULT '',
            expected TEXT NOT NULL DEFAULT '',
            actual TEXT NOT NULL DEFAULT '',
            weight TEXT NOT NULL DEFAULT '',
            score TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX indicators_report ON indicators(report_id, ord);
        CREATE TABLE facts (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            section_key TEXT NOT NULL,
            paragraph_id INTEGER REFERENCES paragraphs(id) ON DELETE CASCADE,
            source TEXT NOT NULL DEFAULT 'text',
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            surface TEXT NOT NULL,
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            unit TEXT NOT NULL DEFAULT '',
            scale TEXT NOT NULL DEFAULT '',
            precision INTEGER,
            cmp TEXT NOT NULL DEFAULT '',
            low TEXT,
            high TEXT,
            label TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX facts_report ON facts(report_id, section_key);
        CREATE INDEX facts_paragraph ON facts(paragraph_id);
        CREATE INDEX facts_label ON facts(label);
        CREATE TABLE answers (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            confirmed INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (report_id, key)
        );
        CREATE TABLE dismissals (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            fingerprint TEXT NOT NULL,
            rule TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (report_id, fingerprint)
        );
        """
    )



@migration
def m002_names(db: Database) -> None:
    """Names of units and projects, and the abbreviations reports define for their unit
    («（以下简称开放办）»), kept as an index for the names check."""
    db.executescript(
        """
        CREATE TABLE names (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            full TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('unit', 'title', 'alias')),
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            UNIQUE (name, full, kind, report_id)
        );
        CREATE INDEX names_name ON names(name);
        """
    )
    from .names import index_names

    for row in list(db.query("SELECT id FROM reports")):
        index_names(db, row["id"])



@migration
def m003_tokens(db: Database) -> None:
    """Paragraphs as jieba words with their numbers masked, for ranking suggestions."""
    db.execute("ALTER TABLE paragraphs ADD COLUMN tokens TEXT NOT NULL DEFAULT ''")
    from extract.mask import tokens_of

    for row in list(db.query("SELECT id, masked FROM paragraphs")):
        db.execute("UPDATE paragraphs SET tokens = ? WHERE id = ?", [tokens_of(row["masked"]), row["id"]])


@migration
def m004_provenance(db: Database) -> None:
    """Where a draft's words and numbers come from (store/provenance.py): each paragraph's and
    fact's provenance, the origins (last year's text copied or inserted), numbers the user
    confirmed as still right, and 附表 indicator rows still as copied from last year."""
    db.executescript(
        """
        ALTER TABLE paragraphs ADD COLUMN provenance TEXT NOT NULL DEFAULT '';
        ALTER TABLE facts ADD COLUMN provenance TEXT NOT NULL DEFAULT '';
        ALTER TABLE indicators ADD COLUMN inherited INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE origins (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            section_key TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('source', 'insert')),
            text TEXT NOT NULL,
            old TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX origins_report ON origins(report_id, section_key);
        CREATE TABLE confirmed_numbers (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            section_key TEXT NOT NULL,
            surface TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (report_id, section_key, surface, label)
        );
        """
    )
    from .drafts import backfill_origins

    for row in list(db.query("SELECT id FROM reports WHERE kind = 'draft' AND from_report IS NOT NULL")):
        backfill_origins(db, row["id"])


@migration
def m005_outline(db: Database) -> None:
    """The outline each report follows (a file of extract/data/outlines/, or «structure» for a
    report read by its headings); reports stored before outlines were recorded follow the
    default outline, as they were read."""
    db.execute("ALTER TABLE reports ADD COLUMN outline TEXT NOT NULL DEFAULT ''")
    from extract.outline import default_outline

    db.execute("UPDATE reports SET outline = ?", [default_outline().key])


@migration
def m006_generations(db: Database) -> None:
    """A generation for what the checks precompute from the whole store: a value that changes
    whenever the names index or a report's title or unit changes (store/generation.py), so a
    long-lived session rebuilds its name automaton only then.  Random rather than counted: two
    copies of one store that diverge never come to share a generation."""
    db.execute("CREATE TABLE generations (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
    db.execute("INSERT INTO generations (name, value) VALUES ('names', random())")
    bump = "UPDATE generations SET value = random() WHERE name = 'names';"
    for trigger, event in (("names_gen_ai", "INSERT ON names"), ("names_gen_ad", "DELETE ON names"),
                           ("names_gen_au", "UPDATE ON names"), ("reports_gen_ai", "INSERT ON reports"),
                           ("reports_gen_ad", "DELETE ON reports"), ("reports_gen_au", "UPDATE OF title, unit ON reports")):
        db.execute(f"CREATE TRIGGER {trigger} AFTER {event} BEGIN {bump} END")


@migration
def m007_search_epoch(db: Database) -> None:
    """A counter bumped by every change to a past report's paragraphs or names, so the in-memory
    wording index (store/wordings) knows when it is stale.  Drafts change on every autosave and
    are not in that index, so their changes do not count."""
    db.executescript(
        """
        CREATE TABLE search_epoch (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
        INSERT INTO search_epoch (id, n) VALUES (1, 0);
        CREATE TRIGGER epoch_paragraph_insert AFTER INSERT ON paragraphs
            WHEN (SELECT kind FROM reports WHERE id = new.report_id) = 'past'
            BEGIN UPDATE search_epoch SET n = n + 1; END;
        CREATE TRIGGER epoch_paragraph_delete AFTER DELETE ON paragraphs
            WHEN (SELECT kind FROM reports WHERE id = old.report_id) = 'past'
            BEGIN UPDATE search_epoch SET n = n + 1; END;
        CREATE TRIGGER epoch_paragraph_update AFTER UPDATE ON paragraphs
            WHEN (SELECT kind FROM reports WHERE id = new.report_id) = 'past'
                OR (SELECT kind FROM reports WHERE id = old.report_id) = 'past'
            BEGIN UPDATE search_epoch SET n = n + 1; END;
        CREATE TRIGGER epoch_report_delete AFTER DELETE ON reports WHEN old.kind = 'past'
            BEGIN UPDATE search_epoch SET n = n + 1; END;
        CREATE TRIGGER epoch_report_update AFTER UPDATE OF kind, title, unit, year ON reports
            WHEN old.kind = 'past' OR new.kind = 'past'
            BEGIN UPDATE search_epoch SET n = n + 1; END;
        """
    )



@migration
def m008_drop_fts(db: Database) -> None:
    """The FTS5 trigram index of m001 and its triggers go: search has its own index of the
    distinct wordings (store/wordings, m007), nothing queries FTS any more, and keeping it in
    step cost an import about 40 % of its time and the store a quarter of its size."""
    db.executescript(
        """
        DROP TRIGGER IF EXISTS paragraphs_ai;
        DROP TRIGGER IF EXISTS paragraphs_ad;
        DROP TRIGGER IF EXISTS paragraphs_au;
        DROP TABLE IF EXISTS paragraphs_vocab;
        DROP TABLE IF EXISTS paragraphs_fts;
        """
    )


SCHEMA_VERSION = len(MIGRATION_NAMES)
