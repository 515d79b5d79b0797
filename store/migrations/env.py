"""Alembic environment: runs migrations on the engine banwatch hands over.

The CLI upgrades the schema on start through ``store.db.upgrade_database``; the
plain ``alembic`` command works too, reading the URL from ``alembic.ini`` or
``BANWATCH_DB``.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Engine

from banwatch.store.db import create_db_engine
from banwatch.store.models import Base

config = context.config
target_metadata = Base.metadata


def _engine() -> Engine:
    engine = config.attributes.get("engine")
    if engine is not None:
        return engine
    url = os.environ.get("BANWATCH_DB") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database URL: set BANWATCH_DB or sqlalchemy.url in alembic.ini")
    return create_db_engine(url)


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    with _engine().connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
