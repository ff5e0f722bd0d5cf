"""`kniewijs --version` is Kniewijs's version from the installed package's metadata, not Django's."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import django
import pytest

import kniewijs
from kniewijs.cli import main


@pytest.mark.parametrize("argv", [["--version"], ["version"]])
def test_the_version_is_kniewijs_own(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    main(argv)
    printed = capsys.readouterr().out.strip()
    assert printed == version("kniewijs") == kniewijs.__version__
    assert printed != django.get_version()


def test_the_installed_command_prints_it_too(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("kniewijs")
    done = subprocess.run([script, "--version"], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert done.stdout == f"{version('kniewijs')}\n"


def test_other_commands_still_reach_django(capsys: pytest.CaptureFixture[str]) -> None:
    main(["help", "import"])
    assert "--runner" in capsys.readouterr().out
