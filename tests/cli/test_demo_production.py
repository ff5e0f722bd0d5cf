"""`kniewijs demo` refuses a production configuration (DEBUG=0) unless told `--allow-production`, and then
warns; known passwords and a printed TOTP key are for a demo, not for a server with real runners."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from kniewijs.training.demo import DEMO_EMAIL

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(settings, tmp_path):
    settings.KNIEWIJS_PRODUCTION = True
    settings.MEDIA_ROOT = tmp_path


def test_production_is_refused_before_anything_is_made(production) -> None:
    out = StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("demo", stdout=out)
    assert "weigert daarom te draaien met DEBUG=0" in str(refused.value)
    assert "--allow-production" in str(refused.value)
    assert out.getvalue() == ""
    assert not get_user_model().objects.filter(username=DEMO_EMAIL).exists()


def test_allowed_on_purpose_it_warns_loudly_and_loads(production) -> None:
    out, err = StringIO(), StringIO()
    call_command("demo", "--allow-production", stdout=out, stderr=err)
    assert err.getvalue().startswith("LET OP: demo-accounts in productie (DEBUG=0)")
    assert DEMO_EMAIL in out.getvalue()
    assert get_user_model().objects.filter(username=DEMO_EMAIL).exists()


def test_with_debug_on_it_needs_no_flag(settings, tmp_path) -> None:
    settings.KNIEWIJS_PRODUCTION = False
    settings.MEDIA_ROOT = tmp_path
    err = StringIO()
    call_command("demo", stdout=StringIO(), stderr=err)
    assert err.getvalue() == ""


def test_in_a_real_shell_debug_0_exits_non_zero(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    env.update(DEBUG="0", SECRET_KEY="x" * 60, KNIEWIJS_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run(
        [sys.executable, "-m", "kniewijs", "demo"], env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 1
    assert "weigert daarom te draaien met DEBUG=0" in done.stderr and done.stdout == ""
