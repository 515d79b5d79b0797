"""Settings: TOML file, environment over it, defaults that run the demo."""

from __future__ import annotations

from pathlib import Path

import pytest

from banwatch.config import DEFAULT_DB_URL, ConfigError, load_settings

REPO = Path(__file__).resolve().parents[1]


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings(env={})
    assert settings.db_url == DEFAULT_DB_URL
    assert settings.sources == ()
    assert settings.topics[0].technology == "facial recognition"
    assert "banwatch" in settings.effective_user_agent


def test_environment_beats_the_file(tmp_path: Path) -> None:
    config = tmp_path / "banwatch.toml"
    config.write_text('[database]\nurl = "sqlite:///file.db"\n[extract]\nmodel = "m1"\n')
    assert load_settings(config, env={}).db_url == "sqlite:///file.db"
    settings = load_settings(config, env={"BANWATCH_DB": "sqlite:///env.db"})
    assert settings.db_url == "sqlite:///env.db"
    assert settings.model == "m1"
    assert settings.with_overrides(db_url="sqlite:///cli.db").db_url == "sqlite:///cli.db"


def test_shipped_config_has_real_sources_and_a_topic() -> None:
    settings = load_settings(REPO / "banwatch.toml", env={})
    assert len(settings.sources) >= 5
    assert all(s.url.startswith("https://") and not s.allow_private for s in settings.sources)
    assert settings.topics[0].name == "facial-recognition"


def test_a_second_topic_is_configuration(tmp_path: Path) -> None:
    config = tmp_path / "banwatch.toml"
    config.write_text('[[topics]]\nname = "tiktok"\ntechnology = "TikTok"\nterms = ["TikTok"]\n')
    (topic,) = load_settings(config, env={}).topics
    assert topic.technology == "TikTok"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[sources]]\nkind = "carrier-pigeon"\nurl = "x"\n', "kind"),
        ('[[sources]]\nkind = "feed"\n', "url is missing"),
        ("[database\n", "banwatch.toml"),
    ],
)
def test_bad_config_gives_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "banwatch.toml"
    config.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_settings(config, env={})


def test_missing_explicit_config_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml", env={})
