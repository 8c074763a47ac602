"""The submissions database's schema: the migrations that build it, and the tables the queries read.

Migrations are plain SQL that SQLite and PostgreSQL both run (TEXT, BIGINT,
DOUBLE PRECISION, INTEGER), numbered, each applied once in its own transaction
and recorded in `schema_version`. A migration is never edited once released: a
change is a new migration at the end. The Core tables below describe the schema
the migrations end at; a test checks that they agree.
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "competitions", "submissions"]


class Migration:
    """One numbered step of the schema: what it does, in words, and its statements."""

    def __init__(self, version: int, what: str, statements: tuple[str, ...]) -> None:
        self.version = version
        self.what = what
        self.statements = statements


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "finished submissions, with indexes for a user's history and a competition's results",
        (
            """CREATE TABLE submissions (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL,
                problem TEXT NOT NULL,
                language TEXT NOT NULL,
                competition_id TEXT,
                code TEXT NOT NULL,
                verdict TEXT NOT NULL,
                cpu_time DOUBLE PRECISION NOT NULL,
                peak_memory BIGINT NOT NULL,
                score DOUBLE PRECISION,
                attempts INTEGER NOT NULL,
                created DOUBLE PRECISION NOT NULL,
                started DOUBLE PRECISION,
                finished DOUBLE PRECISION NOT NULL,
                finished_attempt INTEGER,
                passed INTEGER NOT NULL,
                total INTEGER NOT NULL,
                result TEXT NOT NULL
            )""",
            "CREATE INDEX submissions_by_user ON submissions (user_id, created DESC, id DESC)",
            "CREATE INDEX submissions_by_user_problem ON submissions (user_id, problem, created DESC, id DESC)",
            "CREATE INDEX submissions_by_competition ON submissions (competition_id, created DESC, id DESC)",
            "CREATE INDEX submissions_by_problem ON submissions (problem, created DESC, id DESC)",
            "CREATE INDEX submissions_by_created ON submissions (created DESC, id DESC)",
        ),
    ),
    Migration(
        2,
        "competitions (the admin's definitions; Redis keeps a cached copy), listed newest first",
        (
            """CREATE TABLE competitions (
                id TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                start DOUBLE PRECISION NOT NULL,
                ends DOUBLE PRECISION NOT NULL,
                definition TEXT NOT NULL
            )""",
            "CREATE INDEX competitions_by_start ON competitions (start DESC, id DESC)",
            "CREATE INDEX competitions_by_end ON competitions (ends DESC, id DESC)",
        ),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version
"""The version this judged writes and reads; a database at a later one is refused (a newer judged made it)."""

metadata = sa.MetaData()

submissions = sa.Table(
    "submissions",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("user_id", sa.Text, nullable=False),
    sa.Column("problem", sa.Text, nullable=False),
    sa.Column("language", sa.Text, nullable=False),
    sa.Column("competition_id", sa.Text),
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("verdict", sa.Text, nullable=False),
    sa.Column("cpu_time", sa.Double, nullable=False),
    sa.Column("peak_memory", sa.BigInteger, nullable=False),
    sa.Column("score", sa.Double),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("created", sa.Double, nullable=False),
    sa.Column("started", sa.Double),
    sa.Column("finished", sa.Double, nullable=False),
    sa.Column("finished_attempt", sa.Integer),
    sa.Column("passed", sa.Integer, nullable=False),
    sa.Column("total", sa.Integer, nullable=False),
    sa.Column("result", sa.Text, nullable=False),
)

competitions = sa.Table(
    "competitions",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("start", sa.Double, nullable=False),
    sa.Column("ends", sa.Double, nullable=False),
    sa.Column("definition", sa.Text, nullable=False),
)

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("applied", sa.Double, nullable=False),
)

SCHEMA_VERSION_DDL = (
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied DOUBLE PRECISION NOT NULL)"
)
