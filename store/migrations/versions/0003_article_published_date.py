"""Articles keep the day their publisher published them, beside the instant.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05 09:00:00.000000

``articles.published_at`` is an instant in UTC; a story published at
``2020-07-13T01:10+09:00`` is stored there as the 12th, while its relative
dates ("on Monday") count from the 13th. ``articles.published_date`` holds the
publisher's own day. Rows stored before it get the UTC day of ``published_at``,
the best there is without the page; a later crawl that updates an article
writes the right day.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("published_date", sa.Date(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        # Naive UTC text, as store.types.UTCDateTime writes it for SQLite.
        op.execute("UPDATE articles SET published_date = date(published_at)")
    else:
        op.execute(
            "UPDATE articles SET published_date = (published_at AT TIME ZONE 'UTC')::date"
            " WHERE published_at IS NOT NULL"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # In place (SQLite 3.35+): a batch rebuild would cascade into mentions (see 0002).
        op.execute("ALTER TABLE articles DROP COLUMN published_date")
    else:
        op.drop_column("articles", "published_date")
