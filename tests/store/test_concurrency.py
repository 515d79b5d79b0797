"""A crawl writing while a reviewer writes: two real processes on one SQLite file."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import func, select

from banwatch.store.db import create_db_engine, session_scope, upgrade_database
from banwatch.store.models import Article, Event, ReviewDecision

WRITER = textwrap.dedent(
    """
    import sys
    from dataclasses import dataclass
    from banwatch.store.articles import ArticleRecord, save_article
    from banwatch.store.db import create_db_engine, session_scope
    from banwatch.store.events import replace_article_mentions

    @dataclass
    class Found:
        actor: str; actor_type: str = "jurisdiction"; level: str = "city"; country: str = "US"
        region: str = "MA"; action: str = "ban"; status: str = "enacted"
        scope: str = "government use"; technology: str = "facial recognition"
        date: str = "2020-06"; date_text: str = "June 2020"; until: str = None
        evidence: str = "x banned it."; start: int = 0; end: int = 10; confidence: float = 0.6
        topic: str = "facial-recognition"

    engine = create_db_engine(sys.argv[1])
    for n in range(int(sys.argv[2])):
        with session_scope(engine) as session:
            record = ArticleRecord(f"https://n.example/{n}", f"https://n.example/{n}", "t", None,
                                   None, "en", "text", f"h{n}")
            save_article(session, record, None)
            from sqlalchemy import select
            from banwatch.store.models import Article
            article = session.scalar(select(Article).where(Article.content_hash == f"h{n}"))
            replace_article_mentions(session, article, [Found(actor=f"Town {n % 40}")], "v1")
    """
)

REVIEWER = textwrap.dedent(
    """
    import sys, time
    from sqlalchemy import select
    from banwatch.store.db import create_db_engine, session_scope
    from banwatch.store.models import Event
    from banwatch.store.review import accept_event, edit_event

    engine = create_db_engine(sys.argv[1])
    decided = 0
    deadline = time.monotonic() + 60
    while decided < int(sys.argv[2]) and time.monotonic() < deadline:
        with session_scope(engine) as session:
            ids = session.scalars(select(Event.id).where(Event.review_state == "pending")).all()
            for event_id in ids[:5]:
                accept_event(session, event_id, "reviewer")
                edit_event(session, event_id, "reviewer", {"scope": "city agencies"})
                decided += 1
    print(decided)
    """
)


def test_crawl_and_reviewer_write_at_once_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    engine = create_db_engine(url)
    upgrade_database(engine)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, url, "300"], stderr=subprocess.PIPE, text=True
    )
    reviewer = subprocess.Popen(
        [sys.executable, "-c", REVIEWER, url, "40"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, writer_err = writer.communicate(timeout=120)
    reviewer_out, reviewer_err = reviewer.communicate(timeout=120)
    assert writer.returncode == 0, writer_err
    assert reviewer.returncode == 0, reviewer_err
    assert "database is locked" not in writer_err + reviewer_err
    decided = int(reviewer_out.strip())
    assert decided >= 1
    with session_scope(engine) as session:
        assert session.scalar(select(func.count(Article.id))) == 300
        assert session.scalar(select(func.count(Event.id))) == 40
        accepted = session.scalar(
            select(func.count(Event.id)).where(Event.review_state == "accepted")
        )
        assert accepted == decided, "no decision lost"
        assert session.scalar(select(func.count(ReviewDecision.id))) == 2 * decided
        edited = session.scalars(select(Event).where(Event.review_state == "accepted")).all()
        assert all(e.scope == "city agencies" for e in edited), "no edit overwritten by the crawl"
    engine.dispose()
