"""Review: reviewers who sign in, merged events, an index for the review queue.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 09:00:00.000000

``users`` holds the people who may sign in to ``banwatch serve`` when it listens
beyond loopback (scrypt hashes only). ``events.merged_into_id`` marks an event
a reviewer merged into another; the tombstone keeps its id so that old links,
exports and the audit log still resolve. ``ix_events_queue`` serves the review
queue's order (pending first by confidence, then corroboration).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("password_changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )
    # A plain ADD COLUMN, never a batch table rebuild: on SQLite, rebuilding
    # ``events`` drops the old table, and with foreign keys on that cascades into
    # every mention and review decision. SQLite accepts a REFERENCES clause on an
    # added column whose default is NULL, but Alembic would emit it as a separate
    # ALTER it does not support there, hence the SQL.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE events ADD COLUMN merged_into_id INTEGER"
            " REFERENCES events (id) ON DELETE SET NULL"
        )
    else:
        op.add_column(
            "events",
            sa.Column(
                "merged_into_id",
                sa.Integer(),
                sa.ForeignKey("events.id", ondelete="SET NULL"),
                nullable=True,
            ),
        )
    op.create_index("ix_events_merged_into", "events", ["merged_into_id"], unique=False)
    op.create_index(
        "ix_events_queue",
        "events",
        ["review_state", "confidence", "source_count", "id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_events_queue", table_name="events")
    op.drop_index("ix_events_merged_into", table_name="events")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite (3.35+) drops the column in place; a batch rebuild would cascade
        # the old table's deletion into mentions (see upgrade).
        op.execute("ALTER TABLE events DROP COLUMN merged_into_id")
    else:
        op.drop_column("events", "merged_into_id")  # its foreign key goes with it
    op.drop_table("users")
