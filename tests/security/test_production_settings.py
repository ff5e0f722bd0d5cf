"""Production settings for the lower findings of issue #13: the language cookie and TRUSTED_PROXIES."""

import json
import os
import secrets
import subprocess
import sys

PRINT = (
    "import json, kniewijs.settings as s; print(json.dumps({'language_secure': s.LANGUAGE_COOKIE_SECURE,"
    " 'session_secure': s.SESSION_COOKIE_SECURE, 'proxies': s.TRUSTED_PROXIES,"
    " 'during_lockout': s.AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT, 'ip': s.AXES_CLIENT_IP_CALLABLE}))"
)


def settings_with(tmp_path, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DEBUG", "SECRET_KEY", "SECURE_COOKIES", "TRUSTED_PROXIES")
    }
    clean |= {"KNIEWIJS_DATA_DIR": str(tmp_path), **env}
    return subprocess.run(
        [sys.executable, "-c", PRINT], env=clean, capture_output=True, text=True, timeout=60
    )


def production(tmp_path, **env):
    return settings_with(tmp_path, DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), **env)


def test_the_language_cookie_is_secure_in_production_like_the_session_cookie(tmp_path):
    result = production(tmp_path)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["language_secure"] is True and values["session_secure"] is True
    local = json.loads(settings_with(tmp_path, DEBUG="1").stdout)
    assert local["language_secure"] is False  # http://127.0.0.1:8000 in the embedded default


def test_trusted_proxies_come_from_the_environment_and_a_typo_stops_start_up(tmp_path):
    result = production(tmp_path, TRUSTED_PROXIES="127.0.0.1, 10.0.0.0/8,::1")
    values = json.loads(result.stdout)
    assert values["proxies"] == ["127.0.0.1", "10.0.0.0/8", "::1"]
    assert values["during_lockout"] is False and values["ip"] == "kniewijs.web.client_ip.client_key"
    assert json.loads(production(tmp_path).stdout)["proxies"] == []  # nothing trusted unless named
    broken = production(tmp_path, TRUSTED_PROXIES="10.0.0.0/8,loadbalancer")
    assert broken.returncode != 0 and "TRUSTED_PROXIES" in broken.stderr and "loadbalancer" in broken.stderr
