"""The morning digest: after a run, tell people what is new, by email and/or a webhook.

What goes out: events created since the last digest that reached the same
channel, sources that became flagged (failing or quiet, see
``banwatch.health``), and the run's failure if it failed. Nothing configured
or nothing new: nothing is sent.

Bookkeeping lives in the run rows' ``stats`` JSON (no table of its own): a
delivered digest records ``stats["digest"][channel]`` with the time it covers
events up to and the flags it knew of, and ``stats["digest_sent_at"]``. Each
channel keeps its own mark, so an SMTP server that is down for a night gets the
missed events the next morning while the webhook is not told twice.

Article text is scraped from the web and hostile: the HTML email escapes every
value and links only http(s) URLs; the chat text escapes what Slack-style
formatting would read as markup or as an @channel mention.
"""

from __future__ import annotations

import html
import json
import logging
import os
import smtplib
import ssl
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, selectinload

from banwatch.config import DigestConfig, Settings
from banwatch.export import event_row
from banwatch.store.db import session_factory, session_scope
from banwatch.store.models import CrawlRun, Event
from banwatch.store.types import utcnow

log = logging.getLogger(__name__)

CHANNELS = ("email", "webhook")
EVIDENCE_CHARS = 300
USER_AGENT = "banwatch-digest/0.1"


class DigestError(RuntimeError):
    """A digest could not be delivered (recorded on the run; the next run tries again)."""


@dataclass
class Digest:
    """What one channel is told after one run."""

    run_id: int
    run_status: str
    run_error: str | None
    since: datetime | None
    until: datetime
    events: list[dict[str, Any]] = field(default_factory=list)
    events_total: int = 0
    sources: dict[str, str] = field(default_factory=dict)
    retrain: dict[str, Any] | None = None  # the run's retraining (banwatch.learning.retrain)

    @property
    def empty(self) -> bool:
        """Nothing worth a message: no new event, no newly flagged source, no retraining,
        the run did not fail."""
        return not self.events_total and not self.sources and self.run_status != "failed" \
            and not self.retrain


@dataclass(frozen=True)
class _Delivery:
    until: datetime | None
    flags: frozenset[str]


def enabled_channels(config: DigestConfig) -> list[str]:
    """The channels the configuration turns on, in a fixed order."""
    return [
        name
        for name, on in (("email", config.email_enabled), ("webhook", config.webhook_enabled))
        if on
    ]


def deliver_digest(
    engine: Engine, settings: Settings, run_id: int, *, now: datetime | None = None
) -> dict[str, dict[str, Any]]:
    """Send this run's digest to every configured channel and record each outcome on the run.

    Never raises for a delivery failure: the run's work is done and stays done;
    the failure is recorded and that channel's next digest covers the same events.
    """
    channels = enabled_channels(settings.digest)
    if not channels:
        return {}
    until = now or utcnow()
    with session_factory(engine)() as session:
        digests = {
            channel: build_digest(session, settings, run_id, channel, until) for channel in channels
        }
        run = session.get(CrawlRun, run_id)
        flags_now = sorted(((run.stats if run else None) or {}).get("source_flags", {}))
    outcomes: dict[str, dict[str, Any]] = {}
    for channel, digest in digests.items():
        if digest.empty:
            outcomes[channel] = {"sent": False, "note": "nothing new"}
            continue
        try:
            if channel == "email":
                send_email(settings.digest, email_message(settings.digest, digest))
            else:
                assert settings.digest.webhook_url is not None
                post_webhook(
                    settings.digest.webhook_url,
                    webhook_payload(digest, settings.digest.webhook_format),
                    settings.digest.timeout,
                )
        except (DigestError, OSError, smtplib.SMTPException) as exc:
            log.warning("digest by %s failed: %s", channel, exc)
            outcomes[channel] = {"sent": False, "error": f"{type(exc).__name__}: {exc}"[:500]}
            continue
        log.info(
            "digest by %s: %d event(s), %d source(s)",
            channel,
            digest.events_total,
            len(digest.sources),
        )
        outcomes[channel] = {
            "sent": True,
            "sent_at": utcnow().isoformat(),
            "until": digest.until.isoformat(),
            "events": digest.events_total,
            "sources": sorted(digest.sources),
            "flags": flags_now,
        }
    _record(engine, run_id, outcomes)
    return outcomes


def build_digest(
    session: Session, settings: Settings, run_id: int, channel: str, until: datetime
) -> Digest:
    """The digest ``channel`` is owed after run ``run_id``: what is new since its last one."""
    run = session.get(CrawlRun, run_id)
    if run is None:
        raise ValueError(f"no run {run_id}")
    last = _last_delivery(session, channel, run_id)
    current = dict((run.stats or {}).get("source_flags", {}))
    previous = _previous_flags(session, run_id)
    # Newly flagged: not flagged at the previous run (so a source that recovered and
    # failed again is told again), or never told to this channel (its digest failed).
    sources = {
        name: reason
        for name, reason in sorted(current.items())
        if name not in previous or name not in last.flags
    }
    query = select(Event).where(
        Event.created_at <= until,
        Event.review_state != "rejected",
        Event.orphaned.is_(False),
        Event.merged_into_id.is_(None),
    )
    if last.until is not None:
        query = query.where(Event.created_at > last.until)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    events = session.scalars(
        query.options(selectinload(Event.first_article))
        .order_by(Event.id)
        .limit(settings.digest.max_events)
    )
    return Digest(
        run_id=run.id,
        run_status=run.status,
        run_error=run.error,
        since=last.until,
        until=until,
        events=[event_row(e) for e in events],
        events_total=total,
        sources=sources,
        retrain=(run.stats or {}).get("retrain"),
    )


def _runs_newest_first(session: Session, before: int) -> Iterator[tuple[int, dict[str, Any]]]:
    query = (
        select(CrawlRun.id, CrawlRun.stats)
        .where(CrawlRun.id < before)
        .order_by(CrawlRun.id.desc())
        .execution_options(yield_per=100)
    )
    for run_id, stats in session.execute(query):
        yield run_id, stats or {}


def _last_delivery(session: Session, channel: str, before: int) -> _Delivery:
    """The latest digest that reached ``channel`` before run ``before``."""
    for _run_id, stats in _runs_newest_first(session, before):
        record = (stats.get("digest") or {}).get(channel) or {}
        if record.get("sent") and record.get("until"):
            return _Delivery(
                datetime.fromisoformat(record["until"]), frozenset(record.get("flags", ()))
            )
    return _Delivery(None, frozenset())


def _previous_flags(session: Session, before: int) -> set[str]:
    """Sources flagged at the previous run that judged source health."""
    for _run_id, stats in _runs_newest_first(session, before):
        if "source_flags" in stats:
            return set(stats["source_flags"])
    return set()


def _record(engine: Engine, run_id: int, outcomes: dict[str, dict[str, Any]]) -> None:
    with session_scope(engine) as session:
        run = session.get(CrawlRun, run_id)
        if run is None:
            return
        stats = dict(run.stats or {})
        stats["digest"] = {**(stats.get("digest") or {}), **outcomes}
        sent = [o["sent_at"] for o in outcomes.values() if o.get("sent")]
        if sent:
            stats["digest_sent_at"] = max(sent)
        run.stats = stats


# -- rendering ------------------------------------------------------------------


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def retrain_summary(record: dict[str, Any]) -> str:
    """One sentence on a retraining: what it learned from, what changed, or why not."""
    if record.get("error"):
        return f"Retraining after {record['new_decisions']} new review decisions failed: " \
            f"{record['error']}"
    before, after = record["before"], record["after"]
    change = (f"own-words test F1 {_figure(before['test'])} → {_figure(after['test'])}, "
              f"held-back reviews F1 {_figure(before['held_back'])} → "
              f"{_figure(after['held_back'])}")
    head = f"The extractor retrained on {record['decisions']} review decisions " \
        f"({record['new_decisions']} new)"
    if not record["installed"]:
        return f"{head}; the new model was not installed ({change}): {record['refusal']}"
    done = record.get("reextracted") or {}
    return (f"{head}: model {record['version']} replaces {record['compared_with']} ({change});"
            f" {done.get('articles', 0)} stored articles read again,"
            f" {done.get('events_new', 0)} new events.")


def subject(digest: Digest) -> str:
    """A subject line made only of counts: scraped text never goes into a header."""
    parts = []
    if digest.events_total:
        parts.append(f"{digest.events_total} new event{'s' if digest.events_total != 1 else ''}")
    if digest.sources:
        count = len(digest.sources)
        parts.append(
            f"{count} source{'s' if count != 1 else ''} need{'s' if count == 1 else ''} a look"
        )
    if digest.run_status == "failed":
        parts.append(f"run {digest.run_id} failed")
    if digest.retrain and digest.retrain.get("installed"):
        parts.append("extractor retrained")
    return "banwatch: " + (", ".join(parts) or "nothing new")


def _where(row: dict[str, Any]) -> str:
    return "-".join(x for x in (row.get("country"), row.get("region")) if x)


def _evidence(row: dict[str, Any]) -> str:
    text = " ".join((row.get("evidence") or "").split())
    return text if len(text) <= EVIDENCE_CHARS else text[: EVIDENCE_CHARS - 1] + "…"


def _details(row: dict[str, Any]) -> str:
    values = (row.get("scope"), row.get("date") or "undated", _where(row), row.get("technology"))
    return ", ".join(str(x) for x in values if x)


def _headline(row: dict[str, Any]) -> str:
    return f"#{row['event_id']} {row['actor']}: {row['action']} ({row['status']}) {_details(row)}"


def render_text(digest: Digest) -> str:
    """The plain-text body."""
    lines = [subject(digest), ""]
    if digest.run_status == "failed":
        lines += [f"Run {digest.run_id} failed:", *(digest.run_error or "").splitlines()[:10], ""]
    if digest.events_total:
        lines.append(f"New events ({digest.events_total}), to review with `banwatch events`:")
        for row in digest.events:
            lines.append(f"- {_headline(row)}")
            if row.get("evidence"):
                lines.append(f'  "{_evidence(row)}"')
            if row.get("first_source_url"):
                lines.append(f"  {row['first_source_url']}")
        if digest.events_total > len(digest.events):
            lines.append(f"... and {digest.events_total - len(digest.events)} more")
        lines.append("")
    if digest.sources:
        lines.append("Sources that need a look (`banwatch runs`):")
        lines += [f"- {name}: {reason}" for name, reason in digest.sources.items()]
        lines.append("")
    if digest.retrain:
        lines += [retrain_summary(digest.retrain), ""]
    return "\n".join(lines)


def _link(url: str | None, label: str) -> str:
    """An anchor only for http(s) URLs: a scraped ``javascript:`` URL stays inert text."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return f'<a href="{html.escape(url, quote=True)}">{html.escape(label)}</a>'
    return html.escape(label)


def render_html(digest: Digest) -> str:
    """The HTML body; every value that came from the web is escaped."""
    e = html.escape
    parts = [
        "<!DOCTYPE html><html><body>",
        f"<h2>{e(subject(digest))}</h2>",
    ]
    if digest.run_status == "failed":
        parts.append(f"<p><strong>Run {digest.run_id} failed:</strong></p>")
        parts.append(f"<pre>{e(digest.run_error or '')}</pre>")
    if digest.events_total:
        parts.append(f"<h3>New events ({digest.events_total})</h3><ul>")
        for row in digest.events:
            source = row.get("first_source_title") or row.get("first_source_url") or ""
            parts.append(
                f"<li><strong>{e(str(row['actor']))}</strong>: {e(str(row['action']))}"
                f" ({e(str(row['status']))}) {e(_details(row))}"
                f" <small>#{int(row['event_id'])}</small>"
                + (f"<br><q>{e(_evidence(row))}</q>" if row.get("evidence") else "")
                + (f"<br>{_link(row.get('first_source_url'), source)}" if source else "")
                + "</li>"
            )
        parts.append("</ul>")
        if digest.events_total > len(digest.events):
            parts.append(f"<p>... and {digest.events_total - len(digest.events)} more</p>")
    if digest.sources:
        parts.append("<h3>Sources that need a look</h3><ul>")
        parts += [f"<li>{e(name)}: {e(reason)}</li>" for name, reason in digest.sources.items()]
        parts.append("</ul>")
    if digest.retrain:
        parts.append(f"<h3>Learning</h3><p>{e(retrain_summary(digest.retrain))}</p>")
    parts.append(
        "<p>Review with <code>banwatch events</code>; history with <code>banwatch runs</code>.</p>"
    )
    parts.append("</body></html>")
    return "\n".join(parts)


def chat_escape(value: str) -> str:
    """Text safe in Slack-style chat formatting: no markup, no links, no @channel pings."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("@", "@\u200b")


def render_chat(digest: Digest) -> str:
    """The ``text`` of a chat webhook message (Slack, Mattermost, Discord's /slack, ...)."""
    lines = [f"*{chat_escape(subject(digest))}*"]
    if digest.run_status == "failed":
        first = (digest.run_error or "").strip().splitlines()[:1]
        lines.append(f"Run {digest.run_id} failed: {chat_escape(first[0] if first else '')}")
    for row in digest.events:
        line = f"• {chat_escape(_headline(row))}"
        url = row.get("first_source_url")
        if url and urlsplit(url).scheme in ("http", "https"):
            line += f" {chat_escape(url)}"
        lines.append(line)
        if row.get("evidence"):
            lines.append(f"> {chat_escape(_evidence(row))}")
    if digest.events_total > len(digest.events):
        lines.append(f"… and {digest.events_total - len(digest.events)} more")
    lines += [f"⚠ {chat_escape(n)}: {chat_escape(r)}" for n, r in digest.sources.items()]
    if digest.retrain:
        lines.append(chat_escape(retrain_summary(digest.retrain)))
    return "\n".join(lines)


def webhook_payload(digest: Digest, fmt: str = "chat") -> dict[str, Any]:
    """The JSON to POST: ``{"text": ...}`` for chat tools, plus the data itself for ``full``."""
    payload: dict[str, Any] = {"text": render_chat(digest)}
    if fmt == "full":
        payload.update(
            run={"id": digest.run_id, "status": digest.run_status, "error": digest.run_error},
            since=digest.since.isoformat() if digest.since else None,
            until=digest.until.isoformat(),
            events_total=digest.events_total,
            events=digest.events,
            sources=[{"name": n, "flag": r} for n, r in digest.sources.items()],
            retrain=digest.retrain,
        )
    return payload


def email_message(config: DigestConfig, digest: Digest) -> EmailMessage:
    """A multipart/alternative message: plain text first, escaped HTML second."""
    message = EmailMessage()
    message["Subject"] = subject(digest)
    message["From"] = config.email_from
    message["To"] = ", ".join(config.email_to)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=config.email_from.rpartition("@")[2] or None)
    message.set_content(render_text(digest))
    message.add_alternative(render_html(digest), subtype="html")
    return message


# -- delivery -------------------------------------------------------------------


def send_email(config: DigestConfig, message: EmailMessage) -> None:
    """Send over SMTP: plain, STARTTLS or implicit TLS, with a login when a user is set."""
    context = ssl.create_default_context()
    if config.smtp_security == "ssl":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            config.smtp_host, config.smtp_port, timeout=config.timeout, context=context
        )
    else:
        smtp = smtplib.SMTP(config.smtp_host, config.smtp_port, timeout=config.timeout)
    with smtp:
        if config.smtp_security == "starttls":
            smtp.starttls(context=context)
        if config.smtp_user:
            password = os.environ.get(config.smtp_password_env)
            if not password:
                raise DigestError(
                    f"smtp_user is set but ${config.smtp_password_env} holds no password"
                )
            smtp.login(config.smtp_user, password)
        smtp.send_message(message)


def post_webhook(url: str, payload: dict[str, Any], timeout: float) -> None:
    """POST ``payload`` as JSON; anything but a 2xx answer is a failure."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise DigestError(f"webhook URL {url!r} is not http(s)")
    request = urllib.request.Request(
        url,
        data=json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8"),
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read(65536)
            status = response.status
    except urllib.error.HTTPError as exc:
        raise DigestError(f"webhook answered {exc.code} {exc.reason}") from exc
    if not 200 <= status < 300:
        raise DigestError(f"webhook answered {status}")
