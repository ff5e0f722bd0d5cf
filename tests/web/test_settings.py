"""Settings read the environment strictly; the embedded default is SQLite in WAL mode."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from kniewijs.env import env_bool, env_int, env_list, secret_from_env_or_file


def load_settings(**env):
    """Import the settings in a fresh interpreter with this environment; return (exit code, stderr)."""
    clean = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "SECRET_KEY_FILE")}
    proc = subprocess.run(
        [sys.executable, "-c", "import kniewijs.settings"], env=clean | env, capture_output=True, text=True
    )
    return proc.returncode, proc.stderr


def test_a_bad_boolean_fails_loudly(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        env_bool("SOME_FLAG", False)
    monkeypatch.setenv("SOME_FLAG", "Off")
    assert env_bool("SOME_FLAG", True) is False


def test_a_bad_or_out_of_range_number_fails_loudly(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured):
        env_int("SOME_NUMBER", 1)
    monkeypatch.setenv("SOME_NUMBER", "-1")
    with pytest.raises(ImproperlyConfigured):
        env_int("SOME_NUMBER", 1, minimum=0)


def test_lists_are_comma_separated(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example , b.example,")
    assert env_list("HOSTS", []) == ["a.example", "b.example"]


def test_a_secret_comes_from_a_file_but_not_from_both(monkeypatch, tmp_path):
    secret = tmp_path / "key"
    secret.write_text("s3cret\n")
    monkeypatch.delenv("TOKEN", raising=False)
    monkeypatch.setenv("TOKEN_FILE", str(secret))
    assert secret_from_env_or_file("TOKEN") == "s3cret"
    monkeypatch.setenv("TOKEN", "other")
    with pytest.raises(ImproperlyConfigured):
        secret_from_env_or_file("TOKEN")


def test_secret_key_is_required_when_debug_is_off(tmp_path):
    code, err = load_settings(DEBUG="0", KNIEWIJS_DATA_DIR=str(tmp_path))
    assert code != 0 and "SECRET_KEY" in err
    assert load_settings(DEBUG="0", SECRET_KEY="x" * 50, KNIEWIJS_DATA_DIR=str(tmp_path))[0] == 0
    assert load_settings(DEBUG="perhaps", KNIEWIJS_DATA_DIR=str(tmp_path))[0] != 0


def test_the_embedded_sqlite_database_is_created_in_wal_mode(tmp_path):
    import sqlite3

    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["KNIEWIJS_DATA_DIR"] = str(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "kniewijs", "migrate", "--noinput"], env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    with sqlite3.connect(tmp_path / "kniewijs.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_dutch_is_the_default_language(settings):
    assert settings.LANGUAGE_CODE == "nl"
    assert [code for code, _ in settings.LANGUAGES] == ["nl", "en"]


def test_the_mail_server_comes_from_the_environment_with_its_password_from_a_file(tmp_path):
    secret = tmp_path / "smtp-password"
    secret.write_text("geheim\n")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from kniewijs import settings as s; "
            "print(s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS)",
        ],
        env=clean
        | {
            "KNIEWIJS_DATA_DIR": str(tmp_path),
            "EMAIL_HOST": "smtp.praktijk.nl",
            "EMAIL_PORT": "587",
            "EMAIL_HOST_USER": "kniewijs",
            "EMAIL_HOST_PASSWORD_FILE": str(secret),
            "EMAIL_USE_TLS": "1",
        },
        capture_output=True,
        text=True,
    )
    assert proc.stdout.split() == ["smtp.praktijk.nl", "587", "kniewijs", "geheim", "True"], proc.stderr


def test_tls_and_ssl_for_mail_at_once_is_refused(tmp_path):
    code, err = load_settings(KNIEWIJS_DATA_DIR=str(tmp_path), EMAIL_USE_TLS="1", EMAIL_USE_SSL="1")
    assert code != 0 and "EMAIL_USE_TLS" in err
