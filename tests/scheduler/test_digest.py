"""The morning digest against a real SMTP server and a real HTTP endpoint on loopback.

Events are written straight into the store here (the crawl is tested
elsewhere), including scraped text that tries to be HTML, a script, a
``javascript:`` link and a Slack ``<!channel>`` ping.
"""

from __future__ import annotations

from datetime import timedelta
from email.message import EmailMessage

from scheduler_support import Mailbox, Webhook, digest_config
from sqlalchemy import Engine

from banwatch.config import DigestConfig, Settings
from banwatch.digest import deliver_digest, render_html
from banwatch.store.db import session_scope
from banwatch.store.models import Article, CrawlRun, Event
from banwatch.store.runs import finish_run, start_run
from banwatch.store.types import utcnow

HOSTILE_ACTOR = 'Evil <script>alert("x")</script> & Co'
HOSTILE_EVIDENCE = "They banned it <img src=x onerror=alert(1)> <!channel> @here"


def _run(engine: Engine, status: str = "succeeded", flags: dict[str, str] | None = None) -> int:
    with session_scope(engine) as session:
        run = start_run(session, "schedule")
        finish_run(session, run, status, stats={"source_flags": flags or {}}, error=None)
        if status == "failed":
            run.error = "crawl process was killed by SIGKILL\n<traceback>"
        return run.id


def _event(engine: Engine, actor: str, evidence: str = "", url: str | None = None) -> int:
    with session_scope(engine) as session:
        article = None
        if url:
            article = Article(
                url=url, canonical_url=url, title=f"{actor} story", text="x", content_hash=url
            )
            session.add(article)
        event = Event(
            topic="facial-recognition",
            actor=actor,
            actor_key=actor.lower(),
            reading=f"facial-recognition|{actor.lower()}|ban|enacted",
            actor_type="jurisdiction",
            country="US",
            region="CA",
            action="ban",
            status="enacted",
            scope="city use",
            technology="facial recognition",
            date="2019-07",
            evidence=evidence,
            first_article=article,
        )
        session.add(event)
        session.flush()
        return event.id


def _settings(db_url: str, digest: DigestConfig) -> Settings:
    return Settings(db_url=db_url, digest=digest)


def _html(message: EmailMessage) -> str:
    return message.get_body(("html",)).get_content()


def _text(message: EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


def test_new_events_go_out_once_by_email_and_webhook(
    db_url: str, engine: Engine, smtp_server: tuple[object, Mailbox], webhook: Webhook
) -> None:
    controller, mailbox = smtp_server
    settings = _settings(db_url, digest_config(controller, webhook))
    first = _event(engine, "Oakland", "Oakland banned city use.", "https://news.example/oak")
    second = _event(engine, HOSTILE_ACTOR, HOSTILE_EVIDENCE, "javascript:alert(1)")
    run = _run(engine)

    outcomes = deliver_digest(engine, settings, run)

    assert outcomes["email"]["sent"] and outcomes["webhook"]["sent"], outcomes
    assert len(mailbox.messages) == 1 and len(webhook.bodies) == 1
    message = mailbox.messages[0]
    assert message["Subject"] == "banwatch: 2 new events"
    assert mailbox.envelopes[0].rcpt_tos == ["reviewer@example.org"]
    html = _html(message)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x" in html
    assert 'href="javascript' not in html, "a scraped javascript: URL is no link"
    assert 'href="https://news.example/oak"' in html
    assert "Oakland" in _text(message) and f"#{first}" in _text(message)

    body = webhook.bodies[0]
    assert [e["event_id"] for e in body["events"]] == [first, second]
    assert body["events_total"] == 2 and body["run"]["id"] == run
    assert "<!channel>" not in body["text"] and "&lt;!channel&gt;" in body["text"]
    assert "@here" not in body["text"], "no @here ping from scraped text"
    assert webhook.headers[0]["Content-Type"].startswith("application/json")

    with session_scope(engine) as session:
        stats = session.get(CrawlRun, run).stats
    assert stats["digest_sent_at"] and stats["digest"]["email"]["events"] == 2

    # The next run found nothing new: nothing is sent anywhere.
    quiet = _run(engine)
    outcomes = deliver_digest(engine, settings, quiet)
    assert not outcomes["email"]["sent"] and not outcomes["webhook"]["sent"]
    assert len(mailbox.messages) == 1 and len(webhook.bodies) == 1

    # A later event goes out alone.
    third = _event(engine, "Cambridge", "Cambridge banned it.")
    deliver_digest(engine, settings, _run(engine))
    assert len(mailbox.messages) == 2 and len(webhook.bodies) == 2
    assert [e["event_id"] for e in webhook.bodies[1]["events"]] == [third]
    assert mailbox.messages[1]["Subject"] == "banwatch: 1 new event"


def test_nothing_configured_nothing_sent(sqlite_url: str, engine: Engine) -> None:
    _event(engine, "Oakland")
    run = _run(engine)
    assert deliver_digest(engine, _settings(sqlite_url, DigestConfig()), run) == {}
    with session_scope(engine) as session:
        assert "digest" not in session.get(CrawlRun, run).stats


def test_a_channel_that_failed_gets_the_same_events_next_time(
    sqlite_url: str, engine: Engine, smtp_server: tuple[object, Mailbox], webhook: Webhook
) -> None:
    controller, mailbox = smtp_server
    settings = _settings(sqlite_url, digest_config(controller, webhook))
    event = _event(engine, "Oakland")
    webhook.status = 500
    outcomes = deliver_digest(engine, settings, _run(engine))
    assert outcomes["email"]["sent"]
    assert not outcomes["webhook"]["sent"] and "500" in outcomes["webhook"]["error"]

    webhook.status = 200
    outcomes = deliver_digest(engine, settings, _run(engine))
    assert outcomes["webhook"]["sent"] and not outcomes["email"]["sent"]
    assert [e["event_id"] for e in webhook.bodies[0]["events"]] == [event]
    assert len(mailbox.messages) == 1, "email already had it"


def test_an_unreachable_smtp_server_is_recorded_not_raised(sqlite_url: str, engine: Engine) -> None:
    from scheduler_support import free_port

    digest = DigestConfig(email_to=("a@example.org",), smtp_host="127.0.0.1", smtp_port=free_port())
    _event(engine, "Oakland")
    outcomes = deliver_digest(engine, _settings(sqlite_url, digest), _run(engine))
    assert not outcomes["email"]["sent"] and "ConnectionRefused" in outcomes["email"]["error"]


def test_sources_are_reported_when_they_become_flagged(
    sqlite_url: str, engine: Engine, webhook: Webhook
) -> None:
    settings = _settings(sqlite_url, digest_config(hook=webhook))
    flag = {"dead-feed": "failing: 3 runs in a row (404)"}
    deliver_digest(engine, settings, _run(engine, flags=flag))
    assert webhook.bodies[-1]["sources"] == [{"name": "dead-feed", "flag": flag["dead-feed"]}]
    assert "banwatch" in webhook.bodies[-1]["text"] and "dead-feed" in webhook.bodies[-1]["text"]

    deliver_digest(engine, settings, _run(engine, flags=flag))
    assert len(webhook.bodies) == 1, "still failing is not news"

    deliver_digest(engine, settings, _run(engine, flags={}))  # it recovered
    deliver_digest(engine, settings, _run(engine, flags=flag))  # and failed again
    assert len(webhook.bodies) == 2 and webhook.bodies[-1]["sources"][0]["name"] == "dead-feed"


def test_a_failed_run_is_reported_even_without_events(
    sqlite_url: str, engine: Engine, smtp_server: tuple[object, Mailbox]
) -> None:
    controller, mailbox = smtp_server
    settings = _settings(sqlite_url, digest_config(controller))
    deliver_digest(engine, settings, _run(engine, status="failed"))
    (message,) = mailbox.messages
    assert "failed" in message["Subject"]
    assert "&lt;traceback&gt;" in _html(message)


def test_the_listing_is_capped(sqlite_url: str, engine: Engine, webhook: Webhook) -> None:
    digest = digest_config(hook=webhook)
    settings = _settings(sqlite_url, DigestConfig(**{**digest.__dict__, "max_events": 2}))
    for n in range(5):
        _event(engine, f"Town {n}")
    deliver_digest(engine, settings, _run(engine))
    body = webhook.bodies[0]
    assert body["events_total"] == 5 and len(body["events"]) == 2
    assert "and 3 more" in body["text"]


def test_html_rendering_escapes_every_scraped_value() -> None:
    from banwatch.digest import Digest

    row = {
        "event_id": 1,
        "actor": "<b>A</b>",
        "action": "<i>ban</i>",
        "status": "enacted",
        "scope": "<u>x</u>",
        "date": None,
        "country": "US",
        "region": None,
        "technology": "<s>t</s>",
        "evidence": "<script>e</script>",
        "first_source_url": 'https://x.example/"onmouseover="alert(1)',
        "first_source_title": "<em>title</em>",
    }
    now = utcnow()
    html = render_html(Digest(1, "succeeded", None, now - timedelta(days=1), now, [row], 1, {}))
    for tag in ("<b>", "<i>", "<u>", "<s>", "<script>", "<em>"):
        assert tag not in html
    assert '"onmouseover' not in html and "&quot;onmouseover" in html
