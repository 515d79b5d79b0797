"""Settings: one ``banwatch.toml``, environment variables over it, defaults that run the demo.

Settings are plain immutable values passed to whoever needs them; there is no
global configuration object, so tests and the scheduler can hold several at once.
Precedence, lowest first: built-in defaults, the TOML file, ``BANWATCH_*``
environment variables, command-line options.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from banwatch.crawler.urls import source_url_problem
from banwatch.extract.topics import DEFAULT_TOPICS, Topic, topic_from_mapping

CONFIG_FILENAME = "banwatch.toml"
DEFAULT_DB_URL = "sqlite:///banwatch.db"
DEFAULT_USER_AGENT = "banwatch/0.1 (+{contact})"
DEFAULT_CONTACT = "https://github.com/banwatch/banwatch"
SOURCE_KINDS = ("feed", "page", "sitemap", "search")


class ConfigError(ValueError):
    """The configuration file or an environment variable holds something unusable."""


@dataclass(frozen=True)
class SourceConfig:
    """One configured source of articles."""

    name: str
    kind: str
    url: str
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    depth: int = 1
    allow_private: bool = False
    enabled: bool = True

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe form, for handing to the crawl's child process."""
        return {
            "name": self.name,
            "kind": self.kind,
            "url": self.url,
            "allow": list(self.allow),
            "deny": list(self.deny),
            "depth": self.depth,
            "allow_private": self.allow_private,
            "enabled": self.enabled,
        }


@dataclass(frozen=True)
class ScheduleConfig:
    """When unattended crawls run, and when a source counts as unhealthy.

    ``misfire_grace_time`` is how late (seconds) a missed run may still start:
    a machine that was off at the scheduled hour catches up once when it comes
    back within that time, and otherwise waits for the next scheduled hour.
    """

    cron: str = "0 2 * * *"
    timezone: str = "UTC"
    misfire_grace_time: int = 12 * 3600
    failing_runs: int = 3
    quiet_days: int = 14


SMTP_SECURITY = ("none", "starttls", "ssl")
WEBHOOK_FORMATS = ("chat", "full")


@dataclass(frozen=True)
class DigestConfig:
    """Where the morning digest goes: nothing configured, nothing sent.

    The SMTP password is never read from the file; it comes from the
    environment variable named by ``smtp_password_env``, so that
    ``banwatch.toml`` can be shared or committed.
    """

    email_to: tuple[str, ...] = ()
    email_from: str = "banwatch@localhost"
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_security: str = "none"
    smtp_user: str | None = None
    smtp_password_env: str = "BANWATCH_SMTP_PASSWORD"
    webhook_url: str | None = None
    webhook_format: str = "chat"
    timeout: float = 30.0
    max_events: int = 200

    @property
    def email_enabled(self) -> bool:
        """Whether an email digest is configured."""
        return bool(self.email_to)

    @property
    def webhook_enabled(self) -> bool:
        """Whether a webhook digest is configured."""
        return bool(self.webhook_url)


#: the decider settings that name no directory: the team's own model (the shipped one until
#: the team trains one), the shipped model, or the sentence rules alone
DECIDER_CHOICES = ("team", "shipped", "rules")


@dataclass(frozen=True)
class LearningConfig:
    """How the extractor learns from its reviewers (``banwatch train``, ``banwatch.learning``).

    ``decider`` names the model the extractor judges candidates with: one of
    ``DECIDER_CHOICES`` or the directory of a model. ``models_dir`` is where team models
    are written (None: beside the database, see ``banwatch.learning.team_model``).
    ``retrain_after``: the scheduled job retrains once this many new review decisions have
    been made since the last training (0: never). ``review_weight``: how many times a
    reviewed article counts against one of the shipped training passages.
    """

    decider: str = "team"
    models_dir: Path | None = None
    retrain_after: int = 0
    review_weight: int = 3


@dataclass(frozen=True)
class Settings:
    """Everything a banwatch command needs to know, resolved once at start."""

    db_url: str = DEFAULT_DB_URL
    model: str | None = None
    topics: tuple[Topic, ...] = DEFAULT_TOPICS
    sources: tuple[SourceConfig, ...] = ()
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)
    digest: DigestConfig = field(default_factory=DigestConfig)
    learning: LearningConfig = field(default_factory=LearningConfig)
    contact_url: str = DEFAULT_CONTACT
    user_agent: str | None = None
    crawl_timeout: int = 3600
    config_path: Path | None = None
    # A Redis URL: crawls go to `banwatch worker` processes instead of a local child.
    queue_url: str | None = None
    queue_prefix: str = "banwatch"

    @property
    def effective_user_agent(self) -> str:
        """A real User-Agent naming banwatch and where to reach its operator."""
        return self.user_agent or DEFAULT_USER_AGENT.format(contact=self.contact_url)

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with some values replaced (command-line options)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _source_from_mapping(data: Mapping[str, Any], index: int) -> SourceConfig:
    kind = str(data.get("kind", "feed"))
    if kind not in SOURCE_KINDS:
        raise ConfigError(f"source #{index + 1}: kind {kind!r} is not one of {SOURCE_KINDS}")
    url = data.get("url")
    if not url:
        raise ConfigError(f"source #{index + 1}: url is missing")
    name = str(data.get("name") or url)
    problem = source_url_problem(kind, str(url))
    if problem is not None:
        raise ConfigError(f"source {name!r} (#{index + 1}): url {url!r} {problem}")
    return SourceConfig(
        name=name,
        kind=kind,
        url=str(url),
        allow=tuple(data.get("allow", ())),
        deny=tuple(data.get("deny", ())),
        depth=int(data.get("depth", 1)),
        allow_private=bool(data.get("allow_private", False)),
        enabled=bool(data.get("enabled", True)),
    )


def _positive_int(section: str, data: Mapping[str, Any], key: str, default: int) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"[{section}] {key} must be a whole number of at least 1, not {value!r}")
    return value


def _seconds(section: str, data: Mapping[str, Any], key: str, default: float) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ConfigError(f"[{section}] {key} must be a number of seconds, not {value!r}")
    return float(value)


def _schedule_from_mapping(data: Mapping[str, Any]) -> ScheduleConfig:
    """The ``[schedule]`` table, checked here so that a typo stops ``schedule`` at start."""
    cron = str(data.get("cron", ScheduleConfig.cron))
    if len(cron.split()) not in (5, 6):
        raise ConfigError(
            f"[schedule] cron {cron!r}: expected 5 fields (minute hour day month weekday),"
            " or 6 with seconds first"
        )
    timezone = str(data.get("timezone", ScheduleConfig.timezone))
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"[schedule] timezone {timezone!r} is not a known time zone") from exc
    return ScheduleConfig(
        cron=cron,
        timezone=timezone,
        misfire_grace_time=_positive_int(
            "schedule", data, "misfire_grace_time", ScheduleConfig.misfire_grace_time
        ),
        failing_runs=_positive_int("schedule", data, "failing_runs", ScheduleConfig.failing_runs),
        quiet_days=_positive_int("schedule", data, "quiet_days", ScheduleConfig.quiet_days),
    )


def _digest_from_mapping(data: Mapping[str, Any]) -> DigestConfig:
    """The ``[digest]`` table: email and/or webhook, both optional."""
    email_to = data.get("email_to", ())
    if isinstance(email_to, str):
        email_to = (email_to,)
    if not all(isinstance(a, str) and "@" in a for a in email_to):
        raise ConfigError(f"[digest] email_to must be a list of addresses, not {email_to!r}")
    security = str(data.get("smtp_security", DigestConfig.smtp_security))
    if security not in SMTP_SECURITY:
        raise ConfigError(f"[digest] smtp_security {security!r} is not one of {SMTP_SECURITY}")
    webhook = data.get("webhook_url") or None
    if webhook is not None and urlsplit(str(webhook)).scheme not in ("http", "https"):
        raise ConfigError(f"[digest] webhook_url {webhook!r} must be an http or https URL")
    webhook_format = str(data.get("webhook_format", DigestConfig.webhook_format))
    if webhook_format not in WEBHOOK_FORMATS:
        raise ConfigError(
            f"[digest] webhook_format {webhook_format!r} is not one of {WEBHOOK_FORMATS}"
        )
    port_default = 465 if security == "ssl" else 587 if security == "starttls" else 25
    return DigestConfig(
        email_to=tuple(email_to),
        email_from=str(data.get("email_from", DigestConfig.email_from)),
        smtp_host=str(data.get("smtp_host", DigestConfig.smtp_host)),
        smtp_port=_positive_int("digest", data, "smtp_port", port_default),
        smtp_security=security,
        smtp_user=data.get("smtp_user") or None,
        smtp_password_env=str(data.get("smtp_password_env", DigestConfig.smtp_password_env)),
        webhook_url=str(webhook) if webhook else None,
        webhook_format=webhook_format,
        timeout=_seconds("digest", data, "timeout", DigestConfig.timeout),
        max_events=_positive_int("digest", data, "max_events", DigestConfig.max_events),
    )


def _learning_from_mapping(data: Mapping[str, Any], config_path: Path | None) -> LearningConfig:
    """The ``[learning]`` table; a relative models_dir is read from the file's folder."""
    decider = str(data.get("decider", LearningConfig.decider))
    if decider not in DECIDER_CHOICES:
        folder = Path(decider).expanduser()
        if not folder.is_absolute() and config_path is not None:
            folder = config_path.parent / folder
        if not (folder / "config.cfg").is_file():
            raise ConfigError(
                f"[learning] decider {decider!r} is not one of {', '.join(DECIDER_CHOICES)}"
                " or the directory of a model"
            )
        decider = str(folder)
    models_dir = data.get("models_dir")
    if models_dir is not None:
        models_dir = Path(str(models_dir)).expanduser()
        if not models_dir.is_absolute() and config_path is not None:
            models_dir = config_path.parent / models_dir
    retrain_after = data.get("retrain_after", 0)
    if isinstance(retrain_after, bool) or not isinstance(retrain_after, int) or retrain_after < 0:
        raise ConfigError(
            f"[learning] retrain_after must be a whole number (0: never), not {retrain_after!r}"
        )
    return LearningConfig(
        decider=decider,
        models_dir=models_dir,
        retrain_after=retrain_after,
        review_weight=_positive_int(
            "learning", data, "review_weight", LearningConfig.review_weight
        ),
    )


def check_queue_url(url: str) -> str:
    """Return ``url`` if it can be a Redis queue URL (``redis://host:6379/0``), else raise."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError as exc:
        raise ConfigError(f"queue URL {url!r} is not a URL: {exc}") from None
    if parts.scheme not in ("redis", "rediss") or not parts.hostname:
        raise ConfigError(f"queue URL {url!r} must look like redis://host:6379/0")
    db = parts.path.strip("/")
    if db and not db.isdigit():
        raise ConfigError(f"queue URL {url!r}: the database after the host must be a number")
    return url


def _queue_prefix(value: str) -> str:
    if not value or any(c.isspace() for c in value):
        raise ConfigError(f"queue prefix {value!r} must be a non-empty word")
    return value


def settings_from_mapping(data: Mapping[str, Any], config_path: Path | None = None) -> Settings:
    """Build settings from a parsed ``banwatch.toml``."""
    crawl = data.get("crawl", {})
    schedule = data.get("schedule", {})
    queue = data.get("queue", {})
    topics = tuple(topic_from_mapping(t) for t in data.get("topics", ())) or DEFAULT_TOPICS
    sources = tuple(_source_from_mapping(s, i) for i, s in enumerate(data.get("sources", ())))
    names = [s.name for s in sources]
    if len(names) != len(set(names)):
        raise ConfigError("source names must be unique")
    return Settings(
        db_url=str(data.get("database", {}).get("url", DEFAULT_DB_URL)),
        model=data.get("extract", {}).get("model"),
        topics=topics,
        sources=sources,
        schedule=_schedule_from_mapping(schedule),
        digest=_digest_from_mapping(data.get("digest", {})),
        learning=_learning_from_mapping(data.get("learning", {}), config_path),
        contact_url=str(crawl.get("contact_url", DEFAULT_CONTACT)),
        user_agent=crawl.get("user_agent"),
        crawl_timeout=int(crawl.get("timeout", 3600)),
        config_path=config_path,
        queue_url=check_queue_url(str(queue["url"])) if queue.get("url") else None,
        queue_prefix=_queue_prefix(str(queue.get("prefix", "banwatch"))),
    )


def find_config(explicit: Path | None, env: Mapping[str, str]) -> Path | None:
    """The file to read: ``--config``, else ``BANWATCH_CONFIG``, else ./banwatch.toml."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"config file {explicit} does not exist")
        return explicit
    if env.get("BANWATCH_CONFIG"):
        path = Path(env["BANWATCH_CONFIG"])
        if not path.is_file():
            raise ConfigError(f"BANWATCH_CONFIG={path} does not exist")
        return path
    local = Path.cwd() / CONFIG_FILENAME
    return local if local.is_file() else None


def load_settings(
    config_path: Path | None = None, env: Mapping[str, str] | None = None
) -> Settings:
    """Read the configuration file (if any) and apply ``BANWATCH_*`` environment variables."""
    env = os.environ if env is None else env
    path = find_config(config_path, env)
    if path is None:
        settings = Settings()
    else:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from exc
        settings = settings_from_mapping(data, config_path=path)
    if env.get("BANWATCH_DECIDER"):
        settings = replace(settings, learning=replace(settings.learning,
                                                      decider=env["BANWATCH_DECIDER"]))
    return settings.with_overrides(
        db_url=env.get("BANWATCH_DB") or None,
        model=env.get("BANWATCH_MODEL") or None,
        contact_url=env.get("BANWATCH_CONTACT_URL") or None,
        queue_url=check_queue_url(env["BANWATCH_QUEUE"]) if env.get("BANWATCH_QUEUE") else None,
        queue_prefix=_queue_prefix(env["BANWATCH_QUEUE_PREFIX"])
        if env.get("BANWATCH_QUEUE_PREFIX")
        else None,
    )
