"""The unattended job itself: time limits, stopping, the lock, the digest.

(Runs abandoned by a dead process: ``test_dead_runs.py``.)

Real crawls in real child processes against a loopback site; the site makes a
crawl slow or hang on demand so that nothing here sleeps for long.
"""

from __future__ import annotations

import threading

import pytest
from scheduler_support import (
    BAN_ARTICLES,
    Mailbox,
    NewsSite,
    Webhook,
    digest_config,
    make_settings,
    pid_alive,
    runs_of,
    wait_for,
)
from sqlalchemy import func, select, text

from banwatch.jobs import (
    StopFlag,
    run_crawl_job,
    run_scheduled_job,
)
from banwatch.locks import crawl_lock
from banwatch.store.db import create_db_engine, session_scope, upgrade_database
from banwatch.store.models import Article, CrawlRun, Event, Mention

pytestmark = pytest.mark.slow


def _crawl_pid(db_url: str) -> int | None:
    runs = runs_of(db_url)
    return runs[-1].stats.get("crawl_pid") if runs else None


def test_a_hung_crawl_is_killed_at_its_time_limit_and_recorded_failed(
    sqlite_url: str, news_site: NewsSite, extractor
) -> None:
    news_site.publish(BAN_ARTICLES[0])
    news_site.delay = 120  # the feed never answers in time
    result = run_scheduled_job(
        make_settings(sqlite_url, news_site, crawl_timeout=4), extractor=extractor
    )
    assert result is not None and result.status == "failed"
    assert "exceeded 4s and was killed" in (result.error or "")
    assert not pid_alive(result.stats["crawl_pid"])
    (run,) = runs_of(sqlite_url)
    assert run.status == "failed" and run.finished_at is not None


def test_a_stop_request_during_the_crawl_interrupts_the_run_and_keeps_what_was_stored(
    db_url: str, news_site: NewsSite, extractor
) -> None:
    news_site.publish(BAN_ARTICLES[0], BAN_ARTICLES[1])
    news_site.slow_articles = {BAN_ARTICLES[1]}
    news_site.article_delay = 120
    settings = make_settings(db_url, news_site)
    stop = StopFlag()
    results: list = []
    worker = threading.Thread(
        target=lambda: results.append(run_scheduled_job(settings, extractor=extractor, stop=stop))
    )
    engine = create_db_engine(db_url)
    upgrade_database(engine)
    worker.start()
    try:

        def stored() -> int:
            with session_scope(engine) as session:
                return session.scalar(select(func.count(Article.id)))

        wait_for(lambda: stored() == 1, timeout=90, what="the fast article to be stored")
        stop.request("stopped by SIGTERM")
        worker.join(timeout=60)
        assert not worker.is_alive()
        (result,) = results
        assert result.status == "interrupted"
        assert "SIGTERM" in result.error
        assert not pid_alive(result.stats["crawl_pid"])
        with session_scope(engine) as session:
            (run,) = session.scalars(select(CrawlRun)).all()
            assert run.status == "interrupted" and run.finished_at is not None
            article = session.scalars(select(Article)).one()
            assert len(article.text) > 200, "the stored article is whole"
            assert article.extracted_version is None, "nothing read after the stop"
            assert session.scalar(select(func.count(Mention.id))) == 0
    finally:
        engine.dispose()

    # The next run reads what the interrupted one stored, and fetches the rest.
    news_site.release.set()
    news_site.slow_articles = set()
    again = run_scheduled_job(settings, extractor=extractor)
    assert again is not None and again.status == "succeeded", again.error
    assert again.stats["articles_extracted"] == 2 and again.stats["events_new"] >= 1


def test_ctrl_c_in_the_parent_stops_the_child_and_records_interrupted(
    sqlite_url: str, news_site: NewsSite, extractor
) -> None:
    news_site.publish(BAN_ARTICLES[0])
    news_site.delay = 120
    ticks: list[float] = []

    def tick(elapsed: float) -> None:
        # Ctrl-C once the child crawls (it has recorded its pid), however slowly it starts
        # on a loaded machine; a child that never starts fails the assertions below
        ticks.append(elapsed)
        crawling = any("crawl_pid" in (r.stats or {}) for r in runs_of(sqlite_url))
        if (elapsed > 1.5 and crawling) or elapsed > 60:
            raise KeyboardInterrupt

    settings = make_settings(sqlite_url, news_site)
    with pytest.raises(KeyboardInterrupt):
        run_crawl_job(
            settings, settings.sources, extractor=extractor, on_crawl_tick=tick, stop=StopFlag()
        )
    (run,) = runs_of(sqlite_url)
    assert run.status == "interrupted"
    assert not pid_alive(run.stats["crawl_pid"]), "no orphaned crawl"


def test_a_held_lock_skips_the_run_without_a_trace(sqlite_url: str, news_site: NewsSite) -> None:
    settings = make_settings(sqlite_url, news_site)
    engine = create_db_engine(sqlite_url)
    upgrade_database(engine)
    engine.dispose()
    with crawl_lock(sqlite_url):
        assert run_scheduled_job(settings) is None
    assert runs_of(sqlite_url) == []
    assert news_site.feed_requests == 0


def test_a_run_with_new_events_sends_one_digest_and_a_run_without_sends_none(
    sqlite_url: str,
    news_site: NewsSite,
    extractor,
    smtp_server: tuple[object, Mailbox],
    webhook: Webhook,
) -> None:
    controller, mailbox = smtp_server
    settings = make_settings(sqlite_url, news_site, digest=digest_config(controller, webhook))
    news_site.publish(BAN_ARTICLES[0])

    first = run_scheduled_job(settings, extractor=extractor)
    assert first is not None and first.status == "succeeded", first.error
    engine = create_db_engine(sqlite_url)
    with session_scope(engine) as session:
        events = session.scalars(select(Event).order_by(Event.id)).all()
        expected = [(e.id, e.actor) for e in events if e.review_state != "rejected"]
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    engine.dispose()
    assert expected, "the article reports a ban"
    assert first.stats["events_new"] == len(expected)

    assert len(mailbox.messages) == 1 and len(webhook.bodies) == 1
    body = webhook.bodies[0]
    assert [(e["event_id"], e["actor"]) for e in body["events"]] == expected
    message = mailbox.messages[0]
    assert message["Subject"].startswith(f"banwatch: {len(expected)} new event")
    text_body = message.get_body(("plain",)).get_content()
    for event_id, _actor in expected:
        assert f"#{event_id} " in text_body
    assert first.stats["digest"]["email"]["sent"] and first.stats["digest_sent_at"]

    second = run_scheduled_job(settings, extractor=extractor)
    assert second is not None and second.status == "succeeded", second.error
    assert second.stats["events_new"] == 0
    assert len(mailbox.messages) == 1 and len(webhook.bodies) == 1, "nothing new, nothing sent"
    assert second.stats["digest"]["webhook"] == {"sent": False, "note": "nothing new"}
