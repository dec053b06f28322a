"""Configuration: production refuses default secrets; Rasa's files are rendered from the same settings."""

from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError

from assistant.cli import main
from assistant.rasa_config import endpoints, write_rasa_config
from assistant.settings import PROJECT_ROOT, Settings

STRONG = "s" * 40


def test_production_refuses_default_secret():
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings(app_env="production", gateway_token=STRONG, _env_file=None)


def test_production_refuses_short_gateway_token():
    with pytest.raises(ValidationError, match="GATEWAY_TOKEN"):
        Settings(app_env="production", secret_key=STRONG, gateway_token="short", _env_file=None)


def test_production_accepts_real_secrets():
    settings = Settings(app_env="production", secret_key=STRONG, gateway_token=STRONG, _env_file=None)
    assert settings.secret_key.get_secret_value() == STRONG


def test_local_mode_allows_defaults():
    assert Settings(_env_file=None).app_env == "local"


def test_relative_sqlite_paths_are_anchored_in_the_project():
    settings = Settings(database_url="sqlite:///var/x.db", _env_file=None)
    assert settings.database_url == f"sqlite:///{PROJECT_ROOT / 'var' / 'x.db'}"
    assert settings.resolved_tracker_store_url == f"sqlite:///{PROJECT_ROOT / 'var' / 'tracker.db'}"


def test_postgres_tracker_store_uses_the_same_server_and_database():
    settings = Settings(
        database_url="postgresql://lpa:geheim@db.local:6543/lpa",
        gateway_token=STRONG,
        lock_store_url="redis://127.0.0.1:6379/2",
        _env_file=None,
    )
    config = endpoints(settings)
    assert config["tracker_store"] == {
        "type": "SQL",
        "dialect": "postgresql",
        "url": "db.local",
        "port": 6543,
        "db": "lpa",
        "username": "lpa",
        "password": "geheim",
    }
    assert config["lock_store"] == {
        "type": "redis",
        "url": "127.0.0.1",
        "port": 6379,
        "db": 2,
        "key_prefix": "leerplicht",
    }
    assert config["action_endpoint"] == {
        "url": "http://127.0.0.1:8001/webhook",
        "token": STRONG,
        "enable_selective_domain": True,
    }
    assert config["nlg"] == {"url": "http://127.0.0.1:8001/nlg", "token": STRONG}  # the action server


def test_actions_and_responses_can_be_served_by_the_gateway_process():
    settings = Settings(gateway_token=STRONG, assistant_port=9000, action_server_port=9000, _env_file=None)
    config = endpoints(settings)
    assert config["action_endpoint"]["url"] == "http://127.0.0.1:9000/webhook"
    assert config["nlg"]["url"] == "http://127.0.0.1:9000/nlg"


def test_written_files_carry_the_token_and_no_open_api(tmp_path):
    settings = Settings(
        gateway_token=STRONG,
        database_url=f"sqlite:///{tmp_path}/a.db",
        tracker_store_url=f"sqlite:///{tmp_path}/t.db",
        _env_file=None,
    )
    endpoints_path, credentials_path = write_rasa_config(settings, tmp_path / "rasa")
    credentials = yaml.safe_load(credentials_path.read_text())
    assert credentials == {"rasa_plugins.gateway_channel.GatewayInput": {"token": STRONG}}  # no unauthenticated "rest"
    assert yaml.safe_load(endpoints_path.read_text())["tracker_store"]["db"] == f"{tmp_path}/t.db"
    assert oct(credentials_path.stat().st_mode & 0o777) == "0o600"


def test_cli_refuses_production_defaults(monkeypatch, capsys):
    from assistant.settings import get_settings

    monkeypatch.setenv("APP_ENV", "production")
    get_settings.cache_clear()
    try:
        assert main(["rasa-config", "--out", "/tmp/never-written"]) == 2
        assert "SECRET_KEY" in capsys.readouterr().err
    finally:
        get_settings.cache_clear()
