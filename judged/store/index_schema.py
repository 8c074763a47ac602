"""The SQLite schema of the problem index, and the rows' JSON columns.

The index is a cache of the problem folders: when `SCHEMA_VERSION` changes,
`open` drops every table and the next sync rebuilds them from the folders.
"""

from __future__ import annotations

import msgspec

SCHEMA_VERSION = 2

TABLES = ("problems_fts", "problem_tags", "broken_folders", "problems")

SCHEMA = """
CREATE TABLE IF NOT EXISTS problems (
    slug            TEXT PRIMARY KEY,
    title           TEXT NOT NULL,
    difficulty      TEXT NOT NULL,
    difficulty_rank INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    tags            TEXT NOT NULL,      -- JSON list of strings
    time_limit      REAL NOT NULL,      -- CPU seconds for the whole set of tests
    memory_limit    INTEGER NOT NULL,   -- MiB
    languages       TEXT NOT NULL,      -- JSON list of language ids
    signature       TEXT NOT NULL,      -- JSON of judged.harness.Signature
    statement       TEXT NOT NULL,      -- Markdown
    samples         TEXT NOT NULL,      -- JSON list of {"input": {...}, "output": ...}
    source          TEXT NOT NULL,      -- the problem folder
    reference_output INTEGER NOT NULL,  -- 1: runs on custom inputs show the reference solution's outputs
    fingerprint     TEXT NOT NULL       -- of the folder's files' paths, mtimes and sizes
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS problems_order ON problems (difficulty_rank, slug);
CREATE TABLE IF NOT EXISTS problem_tags (
    slug TEXT NOT NULL REFERENCES problems (slug) ON DELETE CASCADE,
    tag  TEXT NOT NULL,
    PRIMARY KEY (tag, slug)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS problem_tags_slug ON problem_tags (slug);
CREATE TABLE IF NOT EXISTS broken_folders (
    source      TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    messages    TEXT NOT NULL           -- JSON list of diagnostics, one string each
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS problems_fts USING fts5 (slug UNINDEXED, title, statement);
"""

UPSERT_PROBLEM = """
INSERT INTO problems (slug, title, difficulty, difficulty_rank, kind, tags, time_limit, memory_limit,
                      languages, signature, statement, samples, source, reference_output, fingerprint)
VALUES (:slug, :title, :difficulty, :difficulty_rank, :kind, :tags, :time_limit, :memory_limit,
        :languages, :signature, :statement, :samples, :source, :reference_output, :fingerprint)
ON CONFLICT (slug) DO UPDATE SET
    title = excluded.title, difficulty = excluded.difficulty, difficulty_rank = excluded.difficulty_rank,
    kind = excluded.kind, tags = excluded.tags, time_limit = excluded.time_limit,
    memory_limit = excluded.memory_limit, languages = excluded.languages, signature = excluded.signature,
    statement = excluded.statement, samples = excluded.samples, source = excluded.source,
    reference_output = excluded.reference_output, fingerprint = excluded.fingerprint
"""

SELECT_PROBLEM = """
SELECT slug, title, difficulty, kind, tags, time_limit, memory_limit, languages, signature, statement,
       samples, source, reference_output
FROM problems WHERE slug = ?
"""


class Sample(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One visible example: the arguments by parameter name and the expected output; for an I/O problem the
    sample's input and answer text."""

    input: dict[str, object] | str
    output: object


SAMPLES = msgspec.json.Decoder(tuple[Sample, ...])
STRINGS = msgspec.json.Decoder(tuple[str, ...])
