"""The overview's summaries: each actor's current status and the timeline's counts.

Revision ID: 0004_overview
Revises: 0003
Create Date: 2026-12-05 15:30:00.000000

``actor_summaries`` and ``timeline_counts`` (see ``banwatch.store.summaries``)
let the overview read a few thousand rows instead of every event. They are
filled here from the events already stored, so an existing database shows the
same overview after the upgrade; from then on every write keeps them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from banwatch.store.summaries import rebuild_summaries

revision = "0004_overview"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actor_summaries",
        sa.Column("topic", sa.String(100), primary_key=True),
        sa.Column("actor_key", sa.String(300), primary_key=True),
        sa.Column("scope", sa.String(20), primary_key=True),
        sa.Column("actor", sa.String(300), nullable=False),
        sa.Column("name_key", sa.String(300), nullable=False),
        sa.Column("actor_type", sa.String(20), nullable=False),
        sa.Column("level", sa.String(20)),
        sa.Column("country", sa.String(2)),
        sa.Column("region", sa.String(10)),
        sa.Column("last_date", sa.String(10)),
        sa.Column("place", sa.String(20), nullable=False),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("placed_by", sa.String(100)),
        sa.Column("state", sa.String(20)),
        sa.Column("since", sa.String(10)),
        sa.Column("until", sa.String(20)),
        sa.Column("extended", sa.Boolean(), nullable=False),
        sa.Column("deciding_event_id", sa.Integer()),
        sa.Column("ended", sa.Text()),
        sa.Column("valid_from", sa.String(20), nullable=False),
        sa.Column("valid_to", sa.String(20), nullable=False),
    )
    op.create_index(
        "ix_actor_summaries_list",
        "actor_summaries",
        ["scope", "place", "name_key", "topic", "actor_key"],
    )
    if op.get_bind().dialect.name == "postgresql":
        # The page lists by code point (COLLATE "C", Python's order); an index in the
        # database's own collation cannot serve that ORDER BY ... LIMIT.
        op.execute(
            "CREATE INDEX ix_actor_summaries_list_c ON actor_summaries (scope, place,"
            ' name_key COLLATE "C", topic COLLATE "C", actor_key COLLATE "C")'
        )
    op.create_index(
        "ix_actor_summaries_shown",
        "actor_summaries",
        ["scope", "place", "state", "extended", "topic", "valid_from", "valid_to"],
    )
    op.create_index("ix_actor_summaries_valid_from", "actor_summaries", ["scope", "valid_from"])
    op.create_index("ix_actor_summaries_valid_to", "actor_summaries", ["scope", "valid_to"])
    op.create_table(
        "timeline_counts",
        sa.Column("review_state", sa.String(20), primary_key=True),
        sa.Column("topic", sa.String(100), primary_key=True),
        sa.Column("status", sa.String(20), primary_key=True),
        sa.Column("action", sa.String(20), primary_key=True),
        sa.Column("bucket", sa.String(10), primary_key=True),
        sa.Column("events", sa.Integer(), nullable=False),
    )
    rebuild_summaries(op.get_bind())


def downgrade() -> None:
    op.drop_table("timeline_counts")
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_actor_summaries_list_c", "actor_summaries")
    for name in ("shown", "valid_from", "valid_to"):
        op.drop_index(f"ix_actor_summaries_{name}", "actor_summaries")
    op.drop_index("ix_actor_summaries_list", "actor_summaries")
    op.drop_table("actor_summaries")
