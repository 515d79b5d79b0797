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

from extract.topics import DEFAULT_TOPICS, Topic, topic_from_mapping

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
    """When unattended crawls run."""

    cron: str = "0 2 * * *"
    timezone: str = "UTC"


@dataclass(frozen=True)
class Settings:
    """Everything a banwatch command needs to know, resolved once at start."""

    db_url: str = DEFAULT_DB_URL
    model: str | None = None
    topics: tuple[Topic, ...] = DEFAULT_TOPICS
    sources: tuple[SourceConfig, ...] = ()
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)
    contact_url: str = DEFAULT_CONTACT
    user_agent: str | None = None
    crawl_timeout: int = 3600
    config_path: Path | None = None

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
    return SourceConfig(
        name=str(data.get("name") or url),
        kind=kind,
        url=str(url),
        allow=tuple(data.get("allow", ())),
        deny=tuple(data.get("deny", ())),
        depth=int(data.get("depth", 1)),
        allow_private=bool(data.get("allow_private", False)),
        enabled=bool(data.get("enabled", True)),
    )


def settings_from_mapping(data: Mapping[str, Any], config_path: Path | None = None) -> Settings:
    """Build settings from a parsed ``banwatch.toml``."""
    crawl = data.get("crawl", {})
    schedule = data.get("schedule", {})
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
        schedule=ScheduleConfig(
            cron=str(schedule.get("cron", ScheduleConfig.cron)),
            timezone=str(schedule.get("timezone", ScheduleConfig.timezone)),
        ),
        contact_url=str(crawl.get("contact_url", DEFAULT_CONTACT)),
        user_agent=crawl.get("user_agent"),
        crawl_timeout=int(crawl.get("timeout", 3600)),
        config_path=config_path,
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
    return settings.with_overrides(
        db_url=env.get("BANWATCH_DB") or None,
        model=env.get("BANWATCH_MODEL") or None,
        contact_url=env.get("BANWATCH_CONTACT_URL") or None,
    )
