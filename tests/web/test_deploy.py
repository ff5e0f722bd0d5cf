"""Production settings, security headers and the health check."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

KNIEWIJS = Path(sys.executable).with_name("kniewijs")


def _production_env(tmp_path: Path) -> dict[str, str]:
    # Not this test process's own settings: browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright.
    local_only = {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in local_only}
    env |= {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "kniewijs.example",
        "KNIEWIJS_DATA_DIR": str(tmp_path),
    }
    return env


def test_the_deploy_check_passes_at_warning_level_with_production_settings(tmp_path):
    result = subprocess.run(
        [str(KNIEWIJS), "check", "--deploy", "--fail-level", "WARNING"],
        env=_production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_the_deploy_check_fails_when_hsts_is_switched_off(tmp_path):
    env = _production_env(tmp_path) | {"SECURE_HSTS_SECONDS": "0"}
    result = subprocess.run(
        [str(KNIEWIJS), "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = _production_env(tmp_path)
    del env["SECRET_KEY"]
    result = subprocess.run([str(KNIEWIJS), "check"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_every_page_carries_the_security_headers():
    response = Client().get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_generic_error_page_is_plain_dutch_without_details():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Er ging iets mis" in html and "Traceback" not in html and "{{" not in html


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(settings):
    settings.REDIS_URL = ""
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "not configured"}


@pytest.mark.django_db
def test_healthz_is_503_when_redis_does_not_answer(settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["redis"] == "failing"


@pytest.mark.django_db
def test_healthz_reaches_the_real_redis(settings):
    import redis

    url = "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail("Redis must answer on 127.0.0.1:6379 in CI")
        pytest.skip("no Redis on 127.0.0.1:6379 on this machine")
    settings.REDIS_URL = url
    assert Client().get("/healthz").json()["redis"] == "ok"


def test_production_logs_are_one_json_object_per_line():
    import json
    import logging

    from kniewijs.logs import JsonFormatter

    try:
        raise ValueError("kapot")
    except ValueError:
        record = logging.getLogger("kniewijs.test").makeRecord(
            "kniewijs.test", logging.ERROR, __file__, 1, "import job %s failed", ("42",), sys.exc_info()
        )
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["message"] == "import job 42 failed"
    assert "ValueError: kapot" in entry["exception"]
    assert "\n" not in line
