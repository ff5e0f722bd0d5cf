"""`kniewijs import` says on stderr when it creates a runner for an address it does not know (the contract
keeps creating one); stdout stays the contract's JSON alone."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from kniewijs.training.importing import runner_for_email

from .test_import_command import kniewijs

pytestmark = pytest.mark.django_db

NOTICE = "Nog geen hardloper met het adres"


def run_import(address: str, folder: Path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import", "--runner", address, str(folder), "--json", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_an_unknown_address_is_created_and_said_so_in_dutch(tmp_path: Path) -> None:
    out, err = run_import("Nieuw@Example.nl", tmp_path)
    assert json.loads(out) == []
    assert f"{NOTICE} nieuw@example.nl" in err and "Controleer dan de spelling" in err
    assert get_user_model().objects.filter(username="nieuw@example.nl").exists()


def test_a_known_address_is_imported_without_a_word(tmp_path: Path) -> None:
    runner_for_email("anna@example.nl")
    out, err = run_import("ANNA@Example.nl", tmp_path)  # found as runner_for_email finds it
    assert json.loads(out) == [] and err == ""
    assert get_user_model().objects.filter(username__iexact="anna@example.nl").count() == 1


def test_in_a_real_shell_the_notice_is_dutch_on_stderr_and_stdout_is_json(tmp_path: Path) -> None:
    empty = tmp_path / "leeg"
    empty.mkdir()
    first = kniewijs(tmp_path, "import", "--runner", "loper@example.nl", str(empty), "--json")
    assert first.returncode == 0 and json.loads(first.stdout) == []
    assert f"{NOTICE} loper@example.nl" in first.stderr
    again = kniewijs(tmp_path, "import", "--runner", "loper@example.nl", str(empty), "--json")
    assert again.returncode == 0 and json.loads(again.stdout) == [] and NOTICE not in again.stderr
